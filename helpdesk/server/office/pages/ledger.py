"""The aid ledger (/office/ledger): the aid of the user's region scope, newest first, filtered
by region, station, programme, date range, kind, voided (and by the family's employment and
difficulty reason, where the overview's figures lead), in keyset pages whose next and previous
links carry the position; the count and total of the aid in force come from the summaries
kept at ingest. **Export to Excel** streams the same rows as the union's 台账 (.xlsx, openpyxl
write-only), audited.

A region or station outside the user's prefix answers 404; a filter that is not one (a bad
date, an unknown kind) is named next to its field and no rows are shown. Only masked ID
numbers are shown, so viewing the ledger is not itself audited.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

import anyio.to_thread
import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse
from sqlalchemy.engine import Connection
from starlette.background import BackgroundTask

from helpdesk.domain import regions
from helpdesk.domain.families import Employment, Reason
from helpdesk.server import ledger, station_list, summaries
from helpdesk.server import storage as st
from helpdesk.server.office import audit, exports, users, web

router = APIRouter(prefix=web.PREFIX + "/ledger")
PARAMS = ("region", "station", "programme", "from", "to", "kind", "voided", "employment",
          "reason", "campaign")
KINDS = ("cash", "goods", "service")
VOIDED = {"": None, "yes": True, "no": False}
_BAD = {"date": ("日期应写作 2026-11-03", "A date is written as 2026-11-03"),
        "order": ("起始日期晚于截止日期", "The first date is after the last"),
        "region": ("地区代码为 1 至 6 位数字", "A region code is 1 to 6 digits"),
        "choice": ("不是可选的值", "Not one of the choices")}


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def filters_of(conn: Connection, user: users.User, given: dict[str, str], zh: bool
               ) -> tuple[ledger.Filters, dict[str, str]]:
    """The ledger's filters from the query's parameters, and the problems by field. 404 for
    a region or station outside the user's scope."""
    errors: dict[str, str] = {}

    def bad(field: str, why: str) -> None:
        errors.setdefault(field, _BAD[why][0 if zh else 1])

    region = given["region"]
    if region and (not region.isdigit() or len(region) > 6):
        bad("region", "region")
        region = ""
    if region and not region.startswith(user.region):
        if not user.region.startswith(region):
            raise web.Denied(404)
        region = ""  # wider than the scope: the scope itself
    station = given["station"]
    if station:
        t = st.stations.c
        found = conn.execute(sa.select(t.region).where(t.code == station)).scalar()
        if found is None or not user.sees(found):
            raise web.Denied(404)
    dates: dict[str, date | None] = {}
    for field in ("from", "to"):
        try:
            dates[field] = _date(given[field])
        except ValueError:
            bad(field, "date")
    if dates.get("from") and dates.get("to") and dates["from"] > dates["to"]:  # type: ignore[operator]
        bad("to", "order")
    for field, allowed in (("kind", KINDS), ("voided", tuple(VOIDED)),
                           ("employment", tuple(Employment.labels())),
                           ("reason", tuple(Reason.labels())), ("campaign", ("1",))):
        if given[field] and given[field] not in allowed:
            bad(field, "choice")
    ids: tuple[str, ...] = ()
    if given["programme"]:
        p = st.programmes.c
        ids = (given["programme"], *conn.execute(sa.select(p.id).where(
            p.code == given["programme"]).distinct()).scalars())
    if given["campaign"] == "1":
        open_now = {pid for _owner, pid in summaries.open_programmes(conn, web.today())}
        ids = tuple(sorted(open_now & set(ids))) if ids else tuple(sorted(open_now))
        ids = ids or ("",)  # no campaign open: nothing, not everything
    return ledger.Filters(
        region_prefix=region or user.region, station=station or None, programmes=ids,
        date_from=dates.get("from"), date_to=dates.get("to"), kind=given["kind"] or None,
        voided=VOIDED.get(given["voided"]), employment=given["employment"] or None,
        reason=given["reason"] or None), errors


def _given(request: Request) -> dict[str, str]:
    return {k: request.query_params.get(k, "").strip()[:40] for k in PARAMS}


def _choices(conn: Connection, user: users.User) -> dict[str, Any]:
    """The filter form's lists: the scope's stations and programmes (by code)."""
    p = st.programmes.c
    programmes = conn.execute(
        sa.select(p.code, sa.func.min(p.name_zh).label("name"))
        .where(summaries.in_scope(p.region, user.region)).group_by(p.code).order_by(p.code))
    return {"stations": station_list.names(conn, user.region),
            "programmes": [{"code": r.code, "name": r.name} for r in programmes],
            "employment": Employment.labels(), "reason": Reason.labels()}


@router.get("", response_class=HTMLResponse)
def ledger_page(request: Request, session: web.Viewer) -> HTMLResponse:
    zh = web.lang(request) == "zh_CN"
    given = _given(request)
    after, before = request.query_params.get("after"), request.query_params.get("before")
    user = session.user

    def read() -> tuple[dict[str, str], ledger.Page, tuple[int, int] | None, dict[str, Any]]:
        with st.read(web.engine(request)) as conn:
            filters, errors = filters_of(conn, user, given, zh)
            page, summed = ledger.Page([], None), None
            if not errors:
                try:
                    page = ledger.ledger_page(conn, filters, after=after, before=before)
                except ValueError:
                    raise web.Denied(404) from None
                summed = ledger.summed(conn, filters)
            return errors, page, summed, _choices(conn, user)

    (errors, page, summed, choices), as_of = web.kept(
        request, ("ledger", user.region, zh, after, before, *given.values()), read)
    query = urlencode({k: v for k, v in given.items() if v})
    status = 422 if errors else 200
    return web.render_shared(
        request, "ledger.html", session, as_of, status=status, given=given, errors=errors,
        page=page, summed=summed, query=query, choices=choices, z=0 if zh else 1, kinds=KINDS,
        labels={"employment": Employment.labels(), "reason": Reason.labels()})


def _title(filters: ledger.Filters, zh: bool) -> str:
    where = regions.display(filters.region_prefix) if filters.region_prefix else ""
    when = " – ".join(d.isoformat() for d in (filters.date_from, filters.date_to) if d)
    head = "帮扶救助台账" if zh else "Aid ledger"
    return " ".join(part for part in (head, where, when) if part)


@router.get("/export")
async def export(request: Request, session: web.Viewer) -> FileResponse:
    """The ledger under the page's filters as an .xlsx file, written by the server's export
    process (`exports`: apart from the sync API, at the lowest priority, one at a time) from
    one snapshot into a temporary file, then sent in chunks; memory stays flat however many
    rows."""
    zh = web.lang(request) == "zh_CN"
    given = _given(request)
    engine = web.engine(request)

    def checked() -> ledger.Filters:
        with st.read(engine) as conn:
            filters, errors = filters_of(conn, session.user, given, zh)
        if errors:
            raise web.Denied(404)
        audit.record(engine, session.user.name, "ledger_export", session.user.region,
                     urlencode({k: v for k, v in given.items() if v}))
        return filters

    async with web.slot(request):
        filters = await anyio.to_thread.run_sync(checked)
    exporter: exports.Exporter = request.app.state.exporter
    try:
        path = await exporter.export_ledger(filters, _title(filters, zh), "zh" if zh else "en")
    except exports.ExportFailed:
        raise web.Denied(503) from None
    name = f"ledger-{web.today().isoformat()}.xlsx"
    return FileResponse(path, filename=name, background=BackgroundTask(path.unlink),
                        media_type="application/vnd.openxmlformats-officedocument"
                                   ".spreadsheetml.sheet")
