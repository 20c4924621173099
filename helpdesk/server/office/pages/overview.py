"""The overview (/office/): aid count and total of everything in the user's region scope, all
time (the same figures as `helpdesk-server report --json`), this month, this campaign,
families reached, stations synced in the last 24 h / 7 days / never, open alerts; charts of
aid by month, programme, region, employment and difficulty reason, platform and rural migrant
workers called out.

Everything is read by `summaries.overview` from the summary tables kept at ingest, never by a
scan of the aid rows. Every figure links to the rows behind it: the ledger under the matching
filters (aid in force), or the stations page for the sync figures.
"""

from __future__ import annotations

import calendar
import json
from datetime import date
from typing import Any
from urllib.parse import urlencode

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.engine import Connection

from helpdesk.domain import regions
from helpdesk.domain.families import Employment, Reason
from helpdesk.server import storage as st
from helpdesk.server import summaries
from helpdesk.server.office import web

router = APIRouter(prefix=web.PREFIX)


def ledger_link(**narrowed: str) -> str:
    """The ledger's address under these filters, aid in force only (what the figures count)."""
    return f"{web.PREFIX}/ledger?" + urlencode({**narrowed, "voided": "no"})


def month_link(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    last = calendar.monthrange(year, number)[1]
    return ledger_link(**{"from": f"{month}-01", "to": date(year, number, last).isoformat()})


def _programme_names(conn: Connection, codes: list[str]) -> dict[str, str]:
    p = st.programmes.c
    if not codes:
        return {}
    return {r.code: r.name for r in conn.execute(
        sa.select(p.code, sa.func.min(p.name_zh).label("name"))
        .where(p.code.in_(codes)).group_by(p.code))}


def read(conn: Connection, region: str, today: date) -> dict[str, Any]:
    """The overview's figures within a region scope (`summaries.overview`) and the names of
    its programmes, read from the summary tables."""
    found = summaries.overview(conn, region, today)
    found["names"] = _programme_names(conn, [r["programme"] for r in found["by_programme"]])
    return found


def figures(found: dict[str, Any], today: date, lang: str) -> dict[str, Any]:
    """The figures read by `read`, each series' rows with a label and the link to its rows
    (new dicts: `found` is shared by every user of its scope for a few seconds)."""
    z = 0 if lang == "zh_CN" else 1
    jobs, reasons = Employment.labels(), Reason.labels()
    names = found["names"]
    labelled: dict[str, Any] = {**found}
    labelled["by_month"] = [{**r, "label": r["month"], "link": month_link(r["month"])}
                            for r in found["by_month"]]
    labelled["by_programme"] = [
        {**r, "label": r["programme"], "name": names.get(r["programme"], ""),
         "link": ledger_link(programme=r["programme"])} for r in found["by_programme"]]
    labelled["by_region"] = [
        {**r, "label": (regions.display(r["region"]) or r["region"]).split(" ")[-1],
         "link": ledger_link(region=r["region"])} for r in found["by_region"]]
    labelled["by_employment"] = [
        {**r, "label": jobs.get(r["employment"], ("—", "—"))[z],
         "link": ledger_link(employment=r["employment"])} for r in found["by_employment"]]
    labelled["by_reason"] = [
        {**r, "label": reasons.get(r["reason"], ("—", "—"))[z],
         "link": ledger_link(reason=r["reason"])} for r in found["by_reason"]]
    month = today.isoformat()[:7]
    labelled.update(month=month, month_link=month_link(month), all_link=ledger_link(),
                    campaign_link=ledger_link(campaign="1"))
    return labelled


def chart(rows: list[dict[str, Any]], called_out: bool = False) -> str:
    """A chart's data as JSON for a data- attribute (autoescaped), read by overview.js: no
    inline script under the page's CSP."""
    return json.dumps({"labels": [r["label"] for r in rows],
                       "yuan": [r["total_fen"] / 100 for r in rows],
                       "counts": [r["aid_count"] for r in rows],
                       "links": [r["link"] for r in rows],
                       "marked": [bool(r.get("called_out")) for r in rows] if called_out else []},
                      ensure_ascii=False)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, session: web.Viewer) -> HTMLResponse:
    today, region = web.today(), session.user.region

    def fetch() -> dict[str, Any]:
        with st.read(web.engine(request)) as conn:
            return read(conn, region, today)

    raw, as_of = web.kept(request, ("overview", region, today), fetch)
    found = figures(raw, today, web.lang(request))
    charts = {name: chart(found[f"by_{name}"], name == "employment")
              for name in ("month", "programme", "region", "employment", "reason")}
    return web.render_shared(request, "overview.html", session, as_of, f=found, charts=charts)
