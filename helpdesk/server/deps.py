"""FastAPI dependencies, as `Annotated` types the routes name in their signatures."""

from __future__ import annotations

import hashlib
import threading
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from helpdesk.server import accounts
from helpdesk.server.errors import ApiError
from helpdesk.server.settings import Settings

_bearer = HTTPBearer(auto_error=False)


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


EngineDep = Annotated[Engine, Depends(_engine)]
SettingsDep = Annotated[Settings, Depends(_settings)]


def _bearer_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
                  ) -> accounts.Bearer:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "no_token", "Send the station token as 'Authorization: Bearer …'",
                       "请求缺少站点令牌", headers={"WWW-Authenticate": "Bearer"})
    return accounts.Bearer(credentials.credentials)


BearerDep = Annotated[accounts.Bearer, Depends(_bearer_token)]


def _caller(engine: EngineDep, bearer: BearerDep) -> accounts.Caller:
    return accounts.caller(engine, bearer.token)


# The caller, looked up in a transaction of its own; push and pull take `BearerDep` instead
# and look the token up in the transaction they open anyway.
CallerDep = Annotated[accounts.Caller, Depends(_caller)]


class KnownTokens:
    """Tokens this process saw valid (their SHA-256, at most `size`): a push checks its token
    here before its body is parsed, so parsing megabytes is never done for a stranger, and
    the common case costs no transaction of its own. It only lets a body be parsed: the push
    and pull transactions still look every token up (`accounts.caller_in`), and a token they
    find revoked is forgotten here (`forget`)."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._seen: dict[bytes, None] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _key(token: str) -> bytes:
        return hashlib.sha256(token.encode()).digest()

    def __contains__(self, token: str) -> bool:
        return self._key(token) in self._seen

    def add(self, token: str) -> None:
        with self._lock:
            while len(self._seen) >= self.size:
                del self._seen[next(iter(self._seen))]  # the oldest
            self._seen[self._key(token)] = None

    def forget(self, token: str) -> None:
        with self._lock:
            self._seen.pop(self._key(token), None)


def known_tokens(request: Request) -> KnownTokens:
    known: KnownTokens = request.app.state.known_tokens
    return known


KnownTokensDep = Annotated[KnownTokens, Depends(known_tokens)]


async def _checked_bearer(request: Request, engine: EngineDep,
                          bearer: BearerDep) -> accounts.Bearer:
    known = known_tokens(request)
    if bearer.token not in known:
        # A token this process has not seen valid yet (its first push, or a stranger's): one
        # small read, and a 401 before any body is parsed.
        await run_in_threadpool(accounts.caller, engine, bearer.token)
        known.add(bearer.token)
    return bearer


# A bearer token known to be valid before the body is read (see `KnownTokens`); the route
# still hands it, not a caller, to the transaction that looks it up for good.
CheckedBearerDep = Annotated[accounts.Bearer, Depends(_checked_bearer)]
