"""The overview (/office/): aid count and total of everything in the user's region scope, all
time, with the same figures as `helpdesk-server report --json`; this month; by programme, by
month and by station; open alerts; one chart (aid by month).

For now it reads `report.totals` and filters it by the stations' regions; a summary table kept
at ingest takes its place when there is one (issue 14's data layer).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.engine import Engine

from helpdesk.domain.common import utcnow
from helpdesk.server import accounts, programmes, report
from helpdesk.server.office import users, web

router = APIRouter(prefix=web.PREFIX)


def figures(engine: Engine, user: users.User) -> dict[str, Any]:
    """The overview's figures within the user's scope."""
    totals = report.totals(engine)
    stations = {str(s["code"]): s for s in accounts.list_stations(engine)}
    mine = {code for code, s in stations.items() if user.sees(str(s["region"]))}
    rows = [r for r in totals["by_station_programme_month"] if r["station"] in mine]
    month = web.now_month(utcnow())
    by_programme: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_month: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_station: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        for key, table in ((r["programme"], by_programme), (r["month"], by_month),
                           (r["station"], by_station)):
            table[key][0] += r["aid_count"]
            table[key][1] += r["total_fen"]
    names = programmes.names(engine)
    return {
        "aid_count": sum(r["aid_count"] for r in rows),
        "total_fen": sum(r["total_fen"] for r in rows),
        "month": month,
        "month_count": by_month.get(month, [0, 0])[0],
        "month_fen": by_month.get(month, [0, 0])[1],
        "stations": len(mine),
        "open_alerts": sum(1 for a in totals["alerts"] if user.sees(a["region"])),
        "by_programme": [{"code": k, "name": names.get(k, ""), "aid_count": v[0],
                          "total_fen": v[1]} for k, v in sorted(by_programme.items())],
        "by_month": [{"month": k, "aid_count": v[0], "total_fen": v[1]}
                     for k, v in sorted(by_month.items())],
        "by_station": [{"code": k, "name": stations[k]["name"], "region": stations[k]["region"],
                        "aid_count": v[0], "total_fen": v[1]}
                       for k, v in sorted(by_station.items())],
    }


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, session: web.Viewer) -> HTMLResponse:
    found = figures(web.engine(request), session.user)
    # The chart's data travels as JSON in a data- attribute (autoescaped), read by
    # static/overview.js: no inline script under the page's CSP.
    chart = json.dumps({"months": [m["month"] for m in found["by_month"]],
                        "yuan": [m["total_fen"] / 100 for m in found["by_month"]],
                        "counts": [m["aid_count"] for m in found["by_month"]]})
    return web.render(request, "overview.html", session=session, f=found, chart=chart)
