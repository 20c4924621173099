"""Sign-in, sign-out and the language switch.

The sign-in form carries a CSRF token of its own (a random value in a SameSite=Strict cookie
and in the form), since there is no session yet to hold one; after sign-in every form and htmx
request carries the session's token.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from helpdesk.server.office import audit, i18n, users, web

router = APIRouter(prefix=web.PREFIX)
LOGIN_CSRF_COOKIE = "office_login_csrf"


def _form(request: Request, status: int = 200, error: str = "",
          username: str = "") -> HTMLResponse:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    response = web.render(request, "login.html", status=status, error=error,
                          username=username, login_csrf=token,
                          next=web.safe_next(request.query_params.get("next")),
                          lock_minutes=users.LOCK_MINUTES, max_failures=users.MAX_FAILURES)
    web.set_cookie(request, response, LOGIN_CSRF_COOKIE, token)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return _form(request)


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, username: Annotated[str, Form(max_length=64)] = "",
          password: Annotated[str, Form(max_length=1024)] = "",
          totp: Annotated[str, Form(max_length=16)] = "",
          csrf_token: Annotated[str, Form(max_length=100)] = "",
          next: Annotated[str, Form(max_length=500)] = "") -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(csrf_token, expected):
        raise web.Denied(403)
    engine = web.engine(request)
    name = username.strip()
    outcome, user = users.sign_in(engine, name, password, totp)
    if user is None:
        audit.record(engine, name, f"sign_in_{outcome}")
        return _form(request, status=401 if outcome != "locked" else 429, error=outcome,
                     username=name)
    session_id, _ = users.start_session(engine, user)
    audit.record(engine, user.name, "sign_in")
    response = RedirectResponse(web.safe_next(next), status_code=303)
    web.set_cookie(request, response, web.SESSION_COOKIE, session_id)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path=web.PREFIX, httponly=True,
                           samesite="strict")
    return response


@router.post("/logout")
def logout(request: Request, session: web.Viewer) -> Response:
    engine = web.engine(request)
    users.end_session(engine, request.cookies.get(web.SESSION_COOKIE, ""))
    audit.record(engine, session.user.name, "sign_out")
    response = RedirectResponse(f"{web.PREFIX}/login", status_code=303)
    response.delete_cookie(web.SESSION_COOKIE, path=web.PREFIX)
    return response


@router.get("/lang/{language}")
def switch_language(request: Request, language: str) -> Response:
    """Remember the language in a cookie and go back where the link was (console pages only)."""
    response = RedirectResponse(web.safe_next(request.query_params.get("next")), status_code=303)
    if language in i18n.LANGS:
        web.set_cookie(request, response, i18n.COOKIE, language, max_age=365 * 24 * 3600)
    return response
