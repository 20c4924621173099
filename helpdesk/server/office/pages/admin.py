"""Admin pages: the office users (add, disable, reset a password) and the audit log of
office actions.

An admin manages the users within their own region prefix (a user of another region answers
404) and cannot disable themselves. Each action is a POST with the session's CSRF token,
confirmed on its own page where it cannot be undone, and audited.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from helpdesk.server.office import audit, users, web

router = APIRouter(prefix=web.PREFIX)
# Long enough that users.py, not the form parser, names an over-long field.
Text = Annotated[str, Form(max_length=10_000)]


@router.get("/audit", response_class=HTMLResponse)
def audit_log(request: Request, session: web.Admin, before: int | None = None) -> HTMLResponse:
    entries = audit.page(web.engine(request), before=before)
    older = entries[-1]["id"] if len(entries) == audit.PAGE else None
    return web.render(request, "audit.html", session=session, entries=entries, older=older)


def _page(request: Request, session: users.Session, status: int = 200,
          errors: dict[str, str] | None = None, form: dict[str, str] | None = None,
          done: str = "") -> HTMLResponse:
    mine = [u for u in users.list_(web.engine(request))
            if str(u["region"]).startswith(session.user.region)]
    return web.render(request, "users.html", status=status, session=session, users=mine,
                      errors=errors or {}, form=form or {"name": "", "role": "viewer",
                                                         "region": session.user.region},
                      done=done)


def _error(request: Request, err: users.UserError) -> dict[str, str]:
    return {err.field or "name": err.zh if web.lang(request) == "zh_CN" else str(err)}


@router.get("/users", response_class=HTMLResponse)
def user_list(request: Request, session: web.Admin) -> HTMLResponse:
    return _page(request, session, done=request.query_params.get("done", "")[:20])


@router.post("/users", response_class=HTMLResponse)
def add_user(request: Request, session: web.Admin, name: Text = "", role: Text = "",
             region: Text = "", password: Text = "") -> Response:
    form = {"name": name, "role": role, "region": region}
    engine = web.engine(request)
    try:
        if not region.startswith(session.user.region):
            raise users.UserError("the region must be within your own region",
                                  "地区须在您自己的管辖范围内", "region")
        users.add(engine, name, role, region, password)
    except users.UserError as err:
        return _page(request, session, 422, _error(request, err), form)
    audit.record(engine, session.user.name, "user_add", name, f"{role} {region or '*'}")
    return RedirectResponse(f"{web.PREFIX}/users?done=added", status_code=303)


def _user(request: Request, session: users.Session, name: str) -> dict[str, Any]:
    found = next((u for u in users.list_(web.engine(request)) if u["name"] == name), None)
    if found is None or not str(found["region"]).startswith(session.user.region):
        raise web.Denied(404)
    return found


@router.get("/users/{name}/disable", response_class=HTMLResponse)
def confirm_disable(request: Request, name: str, session: web.Admin) -> HTMLResponse:
    return web.render(request, "user_action.html", session=session, action="disable",
                      user=_user(request, session, name), errors={})


@router.post("/users/{name}/disable")
def disable(request: Request, name: str, session: web.Admin) -> Response:
    user = _user(request, session, name)
    if user["name"] == session.user.name:
        raise web.Denied(403)  # the form is not offered: nobody locks themselves out
    engine = web.engine(request)
    users.disable(engine, name)
    audit.record(engine, session.user.name, "user_disable", name)
    return RedirectResponse(f"{web.PREFIX}/users?done=disabled", status_code=303)


@router.get("/users/{name}/password", response_class=HTMLResponse)
def password_form(request: Request, name: str, session: web.Admin) -> HTMLResponse:
    return web.render(request, "user_action.html", session=session, action="password",
                      user=_user(request, session, name), errors={})


@router.post("/users/{name}/password", response_class=HTMLResponse)
def reset_password(request: Request, name: str, session: web.Admin,
                   password: Text = "") -> Response:
    user = _user(request, session, name)
    engine = web.engine(request)
    try:
        users.reset_password(engine, name, password)
    except users.UserError as err:
        return web.render(request, "user_action.html", status=422, session=session,
                          action="password", user=user, errors=_error(request, err))
    audit.record(engine, session.user.name, "user_reset_password", name)
    return RedirectResponse(f"{web.PREFIX}/users?done=password", status_code=303)
