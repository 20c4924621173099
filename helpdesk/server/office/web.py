"""What every console page shares: the templates (one Jinja2 environment per language,
autoescaping on), the signed-in session and role checks, the CSRF check, error pages, and the
security headers of every /office response.

Roles: "view" pages (overview, ledgers) are open to every role; "review" pages (alerts and
decisions) to reviewers and admins; "admin" pages (users, stations, programmes, audit log) to
admins only. A page a role may not see answers 403; a URL naming an object outside the user's
region prefix answers 404 (`in_scope`), as if it did not exist.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import quote

import anyio
import anyio.to_thread
import jinja2
from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import escape
from sqlalchemy.engine import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from helpdesk.domain.common import utcnow
from helpdesk.domain.money import format_fen
from helpdesk.server.office import i18n, recent, users

PREFIX = "/office"
SESSION_COOKIE = "office_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
TEMPLATES = Path(__file__).parent / "templates"
Need = Literal["view", "review", "admin"]
_ALLOWED: dict[Need, tuple[str, ...]] = {"view": users.ROLES, "review": ("admin", "reviewer"),
                                         "admin": ("admin",)}

HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]
OFFICE_TIME = timedelta(hours=8)  # the office's clock: China Standard Time, UTC+8 all year
T = TypeVar("T")
NO_STORE = (b"cache-control", b"no-store")  # pages hold personal data; static files may cache


def office_time(at: str, seconds: bool = False) -> str:
    """A moment the server keeps (UTC ISO text) as the office reads it: its own clock, to the
    minute (or second)."""
    try:
        moment = datetime.fromisoformat(at) + OFFICE_TIME
    except ValueError:
        return at
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def _environment(lang: str) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             extensions=["jinja2.ext.i18n"], undefined=jinja2.StrictUndefined)
    env.install_gettext_translations(i18n.CATALOGS[lang], newstyle=True)  # type: ignore[attr-defined]
    env.filters["yuan"] = format_fen
    env.filters["number"] = lambda n: f"{n:,}"
    env.filters["clock"] = lambda at: (at + OFFICE_TIME).strftime("%H:%M:%S")
    env.filters["office_time"] = office_time
    return env


ENVIRONMENTS = {lang: _environment(lang) for lang in i18n.LANGS}


class Denied(Exception):
    """A page this user may not see (403), or an object outside their region (404)."""

    def __init__(self, status: int) -> None:
        self.status = status


class SignInNeeded(Exception):
    """No live session: GET pages send the browser to the sign-in page."""


def lang(request: Request) -> str:
    return i18n.choose(request.cookies.get(i18n.COOKIE))


def engine(request: Request) -> Engine:
    found: Engine = request.app.state.engine
    return found


def render(request: Request, template: str, status: int = 200,
           session: users.Session | None = None, **context: Any) -> HTMLResponse:
    return HTMLResponse(_html(request, template, session, **context), status_code=status)


def _html(request: Request, template: str, session: users.Session | None,
          **context: Any) -> str:
    language = lang(request)
    page = ENVIRONMENTS[language].get_template(template)
    return page.render(lang=language, html_lang="zh-CN" if language == "zh_CN" else "en",
                       session=session, path=request.url.path, prefix=PREFIX,
                       csrf=session.csrf if session else "", **context)


# Stand-ins for what differs between two users of one role and region on a page they share
# (`render_shared`): random per process, so nothing a station pushes can contain them.
_NAME_MARK, _CSRF_MARK = f"n{secrets.token_hex(16)}", f"c{secrets.token_hex(16)}"


def render_shared(request: Request, template: str, session: users.Session, as_of: datetime,
                  status: int = 200, **context: Any) -> HTMLResponse:
    """`render` for a page made of figures read at `as_of` (`kept`): the page is rendered
    once for every user of the same role, region scope and language asking for the same
    address while those figures are kept, with stand-ins for the user's name and CSRF token,
    which are put in for each user. Everything in `context` must follow from the address, the
    language, the role and region scope, and the figures."""
    u = session.user
    key = ("page", template, lang(request), u.role, u.region, request.url.path,
           request.url.query, status, as_of)
    stand_in = users.Session(user=users.User(name=_NAME_MARK, role=u.role, region=u.region,
                                             disabled=False, has_totp=False), csrf=_CSRF_MARK)
    html, _at = kept(request, key,
                     lambda: _html(request, template, stand_in, as_of=as_of, **context))
    own = html.replace(_CSRF_MARK, session.csrf).replace(_NAME_MARK, str(escape(u.name)))
    return HTMLResponse(own, status_code=status)


def set_cookie(request: Request, response: Response, name: str, value: str,
               max_age: int | None = None) -> None:
    response.set_cookie(name, value, max_age=max_age, path=PREFIX, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")


async def _csrf_ok(request: Request, expected: str) -> bool:
    given = request.headers.get(CSRF_HEADER, "")
    if not given:
        form = await request.form()  # kept by Starlette: the route's Form() fields still work
        value = form.get(CSRF_FIELD, "")
        given = value if isinstance(value, str) else ""
    return bool(given) and secrets.compare_digest(given, expected)


def require(need: Need) -> Callable[[Request], Awaitable[users.Session]]:
    """A dependency: the signed-in session, if its role may use a `need` page; for any method
    but GET/HEAD also a matching CSRF token (form field or htmx header), else 403."""

    async def dependency(request: Request) -> users.Session:
        # In a worker thread, like the routes: the event loop never waits for the database.
        found = await anyio.to_thread.run_sync(
            users.session, engine(request), request.cookies.get(SESSION_COOKIE, ""))
        if request.method not in ("GET", "HEAD") and (
                found is None or not await _csrf_ok(request, found.csrf)):
            raise Denied(403)
        if found is None:
            raise SignInNeeded
        if found.user.role not in _ALLOWED[need]:
            raise Denied(403)
        request.state.office_session = found
        return found

    return dependency


Viewer = Annotated[users.Session, Depends(require("view"))]
Reviewer = Annotated[users.Session, Depends(require("review"))]
Admin = Annotated[users.Session, Depends(require("admin"))]


def in_scope(session: users.Session, region: str) -> None:
    """Raise the 404 page when `region` is outside the user's prefix."""
    if not session.user.sees(region):
        raise Denied(404)


def login_url(request: Request) -> str:
    return f"{PREFIX}/login?next={quote(request.url.path)}"


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path of the console only, never another site."""
    if target and target.startswith(PREFIX + "/") and not target.startswith("//") \
            and "\\" not in target:
        return target
    return PREFIX + "/"


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(Denied)
    async def _denied(request: Request, exc: Denied) -> HTMLResponse:
        session = getattr(request.state, "office_session", None)
        return render(request, "error.html", status=exc.status, session=session,
                      status_code=exc.status)

    @app.exception_handler(SignInNeeded)
    async def _sign_in(request: Request, _exc: SignInNeeded) -> RedirectResponse:
        return RedirectResponse(login_url(request), status_code=303)


class SecurityHeaders:
    """Pure ASGI: adds HEADERS to every response under /office (pages, static files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not (scope["path"] == PREFIX
                                           or scope["path"].startswith(PREFIX + "/")):
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith(PREFIX + "/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = HEADERS if static else [*HEADERS, NO_STORE]
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in extra if k not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)


class Gate:
    """Pure ASGI: at most `at_once` console requests of this worker process are served at a
    time (the others wait their turn here, before taking a thread or a connection), so
    however many office users browse, the sync API keeps its own threads. Static files pass,
    and so do exports, which hold a slot only while they check their filters (`slot`) and
    then wait for the export process (`exports`) without one. A request that may have
    changed something (any but GET/HEAD) empties the pages kept in `recent` once answered."""

    def __init__(self, app: ASGIApp, slots: anyio.Semaphore, kept: recent.Recent) -> None:
        self.app = app
        self.slots = slots
        self.kept = kept

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith(PREFIX + "/static/") or \
                path in UNGATED or not (path == PREFIX or path.startswith(PREFIX + "/")):
            await self.app(scope, receive, send)
            return
        try:
            async with self.slots:
                await self.app(scope, receive, send)
        finally:
            if scope.get("method") not in ("GET", "HEAD"):
                self.kept.clear()


UNGATED = {PREFIX + "/ledger/export"}


def slot(request: Request) -> anyio.Semaphore:
    """The console's slots (`Gate`), for a route the gate lets through to hold one itself."""
    slots: anyio.Semaphore = request.app.state.office_slots
    return slots


def kept(request: Request, key: tuple[Any, ...], read: Callable[[], T]) -> tuple[T, datetime]:
    """What `read()` returned for this page `key` within the last few seconds, else now, and
    when it was read (`recent`): the key must hold all that the answer depends on, the
    user's region scope first."""
    found: recent.Recent = request.app.state.office_recent
    return found.get(key, read)


def now_month(now: datetime) -> str:
    return now.strftime("%Y-%m")


def today() -> date:
    """The office's date: this month, this campaign."""
    return (utcnow() + OFFICE_TIME).date()
