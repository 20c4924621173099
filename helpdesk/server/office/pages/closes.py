"""Cash closes (/office/closes): each station's close of each cash day in the user's region
scope — float, cash handed out, expected against counted, the difference (a non-zero one
highlighted, with its reason), closer and witness (their names when the station's volunteers
reached the server, else their ids), reopened closes marked as such.

Filters: station and date range (GET fields `station`, `from`, `to`); keyset pages of
`closes.MAX_PAGE` rows at most (`after`). Open to every role; a station outside the user's
region prefix answers 404. Reads `server.closes`, the projection kept at ingest.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from helpdesk.server import accounts, closes
from helpdesk.server import storage as st
from helpdesk.server.office import web

router = APIRouter(prefix=web.PREFIX + "/closes")
PER_PAGE = 50
Text = Annotated[str, Query(max_length=64)]


def _day(value: str) -> str | None:
    """An ISO date as given, "" for none; None when it is not one."""
    if not value:
        return ""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


@router.get("", response_class=HTMLResponse)
def close_list(request: Request, session: web.Viewer, station: Text = "",
               from_: Annotated[str, Query(alias="from", max_length=32)] = "",
               to: Annotated[str, Query(max_length=32)] = "", after: Text = ""
               ) -> HTMLResponse:
    engine, user = web.engine(request), session.user
    station = station.strip()
    errors: dict[str, str] = {}
    day_from, day_to = _day(from_), _day(to)
    for field, value in (("from", day_from), ("to", day_to)):
        if value is None:
            errors[field] = "date"
    if day_from and day_to and day_from > day_to:
        errors["to"] = "order"

    def read() -> tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]:
        mine = [s for s in accounts.list_stations(engine) if user.sees(str(s["region"]))]
        if errors:
            return mine, [], None
        with st.read(engine) as conn:
            return mine, *closes.page(conn, user.region, station or None, day_from or None,
                                      day_to or None, after or None, PER_PAGE)

    (mine, rows, following), as_of = web.kept(
        request, ("closes", user.region, station, day_from, day_to, after), read)
    if station and not any(s["code"] == station for s in mine):
        raise web.Denied(404)  # unknown, or outside the user's region: the same answer
    query = {"station": station, "from": from_, "to": to}
    next_url = (f"{web.PREFIX}/closes?{urlencode({**query, 'after': following})}"
                if following else None)
    return web.render_shared(request, "closes.html", session, as_of,
                             status=422 if errors else 200,
                             rows=rows, stations=mine, errors=errors, filters=query,
                             next_url=next_url, paged=bool(after))
