"""Admin pages: the office users and the audit log of office actions."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from helpdesk.server.office import audit, users, web

router = APIRouter(prefix=web.PREFIX)


@router.get("/audit", response_class=HTMLResponse)
def audit_log(request: Request, session: web.Admin, before: int | None = None) -> HTMLResponse:
    entries = audit.page(web.engine(request), before=before)
    older = entries[-1]["id"] if len(entries) == audit.PAGE else None
    return web.render(request, "audit.html", session=session, entries=entries, older=older)


@router.get("/users", response_class=HTMLResponse)
def user_list(request: Request, session: web.Admin) -> HTMLResponse:
    return web.render(request, "users.html", session=session,
                      users=users.list_(web.engine(request)))
