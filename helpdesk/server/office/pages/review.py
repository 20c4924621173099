"""Review queue (/office/review), for reviewers and admins: the open duplicate-aid alerts of
the user's region scope one at a time ("1 of N", next and previous), both aids side by side
(`server.review_queue`), and the office's decision on each: *allowed* (reason required) or
*ask the station to void* (reason). A decision is one POST with the CSRF token, recorded by
`review_queue.decide` in the same transaction as its office audit entry; the region's
stations get it at their next pull. A decided alert's own address shows its decision.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from helpdesk.server import review_queue
from helpdesk.server import storage as st
from helpdesk.server.errors import ApiError
from helpdesk.server.office import audit, users, web

router = APIRouter(prefix=web.PREFIX + "/review")
Text = Annotated[str, Form(max_length=10_000)]  # the queue names a too-long reason itself


def _page(request: Request, session: users.Session, alert: dict[str, Any] | None,
          values: dict[str, str] | None = None, errors: dict[str, str] | None = None,
          status: int = 200) -> HTMLResponse:
    return web.render(request, "review.html", status=status, session=session, alert=alert,
                      v=values or {"decision": "", "reason": ""}, errors=errors or {},
                      reasons=review_queue.MATCH_REASONS)


@router.get("", response_class=HTMLResponse)
def queue(request: Request, session: web.Reviewer, i: int = 1) -> HTMLResponse:
    with st.read(web.engine(request)) as conn:
        found = review_queue.item(conn, session.user.region, max(i, 1))
        if found is None and i > 1:  # past the end (decided meanwhile): the last one
            last = review_queue.open_count(conn, session.user.region)
            found = review_queue.item(conn, session.user.region, last) if last else None
    return _page(request, session, found)


def _alert(request: Request, session: users.Session, station_code: str, aid_id: str
           ) -> dict[str, Any]:
    with st.read(web.engine(request)) as conn:
        found = review_queue.get(conn, session.user.region, station_code, aid_id)
    if found is None:
        raise web.Denied(404)
    return found


@router.get("/{station_code}/{aid_id}", response_class=HTMLResponse)
def one(request: Request, station_code: str, aid_id: str,
        session: web.Reviewer) -> HTMLResponse:
    return _page(request, session, _alert(request, session, station_code, aid_id))


@router.post("/{station_code}/{aid_id}", response_class=HTMLResponse)
def decide(request: Request, station_code: str, aid_id: str, session: web.Reviewer,
           decision: Text = "", reason: Text = "", position: Text = "1") -> Response:
    values = {"decision": decision, "reason": reason}
    try:
        with st.write(web.engine(request)) as conn:
            done = review_queue.decide(conn, session.user.region, station_code, aid_id,
                                       decision, reason, session.user.name)
            audit.record(conn, session.user.name, f"review_{done['decision']}",
                         f"{station_code}/{aid_id}", done["reason"])
    except ApiError as err:
        if err.status == 404:
            raise web.Denied(404) from None
        alert = _alert(request, session, station_code, aid_id)
        if err.status == 422 and alert["decision"] is None:
            with st.read(web.engine(request)) as conn:  # keep its place in the queue
                placed = review_queue.item(conn, session.user.region,
                                           int(position) if position.isdigit() else 1)
            if placed is not None and placed["aid_id"] == aid_id:
                alert = placed
        field = {"bad_decision": "decision", "already_decided": "decided"}.get(err.code,
                                                                              "reason")
        message = err.message_zh if web.lang(request) == "zh_CN" else err.message
        return _page(request, session, alert, values, {field: message}, err.status)
    return RedirectResponse(f"{web.PREFIX}/review/{station_code}/{aid_id}", status_code=303)
