"""Stations (/office/stations): the stations of the user's region scope with their region's
name, devices, last sync and its age, changes received, quarantined and rejected, clock skew
and app version (`station_list`), narrowed to those synced in the last 24 h / 7 days / never
when the overview's figure leads here; for admins, add a station (the one-time code as
text and QR code, and the enrollment file for a USB stick), revoke a station or one device.

The same functions as `helpdesk-server station add|revoke` (accounts); every action is a POST
with the session's CSRF token, confirmed on a page of its own and audited. A station outside
the user's region prefix answers 404.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Annotated, Any
from urllib.parse import urlencode

import segno
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from helpdesk.domain import regions
from helpdesk.domain.errors import Invalid
from helpdesk.server import accounts, bundles, station_list
from helpdesk.server import storage as st
from helpdesk.server.office import audit, users, web

router = APIRouter(prefix=web.PREFIX + "/stations")
HOURS = 72  # how long a code from the console is valid, as the command's default


def _station(request: Request, session: users.Session, code: str) -> dict[str, Any]:
    """The station of this code, or the 404 page when there is none in the user's scope."""
    found = next((s for s in accounts.list_stations(web.engine(request)) if s["code"] == code),
                 None)
    if found is None:
        raise web.Denied(404)
    web.in_scope(session, str(found["region"]))
    return found


def _age(seconds: int | None) -> dict[str, int] | None:
    if seconds is None:
        return None
    seconds = max(0, seconds)
    return {"days": seconds // 86400, "hours": seconds // 3600, "minutes": seconds // 60}


SYNCED = {"24h": 86400, "7d": 7 * 86400}


PAGE = 100  # stations shown at once: a county's, or a city's in a few pages


def listing(request: Request, user: users.User, synced: str = "", page: int = 1
            ) -> tuple[list[SimpleNamespace], int]:
    """The user's stations with their devices, region name and sync figures
    (`station_list.stations`), PAGE at a time (`page` from 1), and how many there are;
    `synced` keeps those that pushed in the last 24 h ("24h") or 7 days ("7d"), or never
    ("never"), revoked stations left out (as the overview counts)."""
    engine = web.engine(request)
    with st.read(engine) as conn:
        mine = station_list.stations(conn, user.region)
    if synced in SYNCED:
        mine = [s for s in mine if not s["revoked_at"] and s["last_sync_age_s"] is not None
                and s["last_sync_age_s"] <= SYNCED[synced]]
    elif synced == "never":
        mine = [s for s in mine if not s["revoked_at"] and s["last_sync_at"] is None]
    count = len(mine)
    mine = mine[(page - 1) * PAGE:page * PAGE]
    devices: dict[str, list[dict[str, Any]]] = {}
    for d in accounts.devices_of(engine, [str(s["code"]) for s in mine]):
        devices.setdefault(str(d["station_code"]), []).append(d)
    # Objects, not dicts: the template reads a few thousand attributes, and Jinja finds an
    # object's at once where a dict's key costs it a failed attribute lookup first.
    out = []
    for s in mine:
        rows = devices.get(s["code"], [])
        skew = s["clock_skew_ms"]
        age = _age(s["last_sync_age_s"])
        out.append(SimpleNamespace(
            **s, age=SimpleNamespace(**age) if age else None,
            skew_s=None if skew is None else round(skew / 1000),
            device_rows=[SimpleNamespace(**d) for d in rows if d["device_id"]]))
    return out, count


@router.get("", response_class=HTMLResponse)
def station_list_page(request: Request, session: web.Viewer, synced: str = "",
                      page: str = "1") -> HTMLResponse:
    number = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
    synced = synced if synced in (*SYNCED, "never") else ""
    (shown, count), as_of = web.kept(
        request, ("stations", session.user.region, synced, number),
        lambda: listing(request, session.user, synced, number))
    query = urlencode({"synced": synced} if synced else {})
    return web.render_shared(request, "stations.html", session, as_of, synced=synced,
                             stations=shown, count=count, page=number,
                             pages=max(1, -(-count // PAGE)), per_page=PAGE, query=query)


def _form(request: Request, session: users.Session, status: int = 200,
          errors: dict[str, str] | None = None, name: str = "", region: str = ""
          ) -> HTMLResponse:
    return web.render(request, "station_add.html", status=status, session=session,
                      errors=errors or {}, name=name, region=region or session.user.region)


@router.get("/new", response_class=HTMLResponse)
def new_station(request: Request, session: web.Admin) -> HTMLResponse:
    return _form(request, session)


@router.post("", response_class=HTMLResponse)
def add_station(request: Request, session: web.Admin,
                name: Annotated[str, Form(max_length=10_000)] = "",
                region: Annotated[str, Form(max_length=10_000)] = "") -> HTMLResponse:
    """Add a station: its one-time code as text and QR code, and the enrollment file."""
    zh = web.lang(request) == "zh_CN"
    engine = web.engine(request)
    try:
        try:
            checked = regions.validate(region)
        except Invalid as err:
            raise err.for_field("region") from None
        if not session.user.sees(checked):
            raise Invalid("region_scope", "这个地区不在您的管辖范围内",
                          "This region is outside your region", "region")
        station_code, code = accounts.add_station(engine, name, checked, hours=HOURS)
    except Invalid as err:
        errors = {p.field or "name": p.zh if zh else p.en for p in reversed(err.problems)}
        return _form(request, session, 422, errors, name, region)
    audit.record(engine, session.user.name, "station_add", station_code, checked)
    qr = segno.make(code, error="m").png_data_uri(scale=6, border=2)
    return web.render(request, "station_added.html", session=session,
                      station=_station(request, session, station_code), code=code, qr=qr,
                      hours=HOURS, server_url=str(request.base_url).rstrip("/"))


@router.post("/{code}/enrollment-file")
def enrollment_file(request: Request, code: str, session: web.Admin,
                    enrollment_code: Annotated[str, Form(max_length=40)] = "") -> Response:
    """The enrollment file of a code just issued (the code itself proves it was just shown
    to this admin: a spent or expired one gives nothing)."""
    _station(request, session, code)
    engine = web.engine(request)
    if not accounts.code_is_live(engine, code, enrollment_code):
        raise web.Denied(404)
    data = bundles.enrollment_file(engine, code, enrollment_code, hours=HOURS,
                                   server_url=str(request.base_url).rstrip("/"))
    audit.record(engine, session.user.name, "station_enrollment_file", code)
    return Response(data, media_type="application/json", headers={
        "content-disposition": f'attachment; filename="enroll-{code}.json"'})


@router.get("/{code}/revoke", response_class=HTMLResponse)
def confirm_revoke(request: Request, code: str, session: web.Admin) -> HTMLResponse:
    return web.render(request, "station_revoke.html", session=session,
                      station=_station(request, session, code), device=None)


@router.post("/{code}/revoke")
def revoke(request: Request, code: str, session: web.Admin) -> Response:
    _station(request, session, code)
    engine = web.engine(request)
    accounts.revoke_station(engine, code)
    audit.record(engine, session.user.name, "station_revoke", code)
    return RedirectResponse(f"{web.PREFIX}/stations", status_code=303)


@router.get("/{code}/devices/{device_id}/revoke", response_class=HTMLResponse)
def confirm_revoke_device(request: Request, code: str, device_id: str,
                          session: web.Admin) -> HTMLResponse:
    station = _station(request, session, code)
    found = accounts.devices_of(web.engine(request), [code])
    if not any(d["device_id"] == device_id and not d["revoked_at"] for d in found):
        raise web.Denied(404)
    return web.render(request, "station_revoke.html", session=session, station=station,
                      device=device_id)


@router.post("/{code}/devices/{device_id}/revoke")
def revoke_device(request: Request, code: str, device_id: str, session: web.Admin
                  ) -> Response:
    _station(request, session, code)
    engine = web.engine(request)
    if not accounts.revoke_device(engine, code, device_id):
        raise web.Denied(404)
    audit.record(engine, session.user.name, "device_revoke", code, device_id)
    return RedirectResponse(f"{web.PREFIX}/stations", status_code=303)
