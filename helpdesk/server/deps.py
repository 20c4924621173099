"""FastAPI dependencies, as `Annotated` types the routes name in their signatures."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine

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
