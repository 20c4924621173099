"""One JSON error envelope (`wire.ErrorEnvelope`) for every error the server answers with.

Routes raise `ApiError`; FastAPI's validation errors, Starlette's 404/405 and unexpected
exceptions are turned into the same shape here, so a client needs one parser for all of them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from helpdesk.sync import wire

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error answered to the client with its HTTP status, a stable code and both languages."""

    def __init__(self, status: int, code: str, message: str, message_zh: str = "",
                 details: tuple[dict[str, Any], ...] = (),
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.message_zh, self.details, self.headers = message_zh, details, headers

    def response(self) -> JSONResponse:
        return envelope(self.status, self.code, self.message, self.message_zh, self.details,
                        self.headers)


_MEANING = {
    400: "Malformed JSON, another protocol version, or a body that is not whole gzip",
    401: "No station token, or one unknown or revoked",
    403: "Refused: another station's device, or an enrollment code not valid",
    409: "In conflict with what the server holds (device epoch, enrollment)",
    413: "Body or batch too large",
    415: "Body not JSON, or an encoding other than gzip",
    422: "The request does not match the protocol",
}


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: the error statuses it can answer, all in the envelope."""
    return {status: {"model": wire.ErrorEnvelope, "description": _MEANING[status]}
            for status in statuses}


def envelope(status: int, code: str, message: str, message_zh: str = "",
             details: tuple[dict[str, Any], ...] = (),
             headers: Mapping[str, str] | None = None) -> JSONResponse:
    body = wire.ErrorEnvelope(error=wire.ErrorBody(code=code, message=message,
                                                   message_zh=message_zh, details=details))
    return JSONResponse(body.model_dump(mode="json"), status_code=status,
                        headers=dict(headers) if headers else None)


def _validation(errors: list[dict[str, Any]]) -> tuple[int, str, str, str]:
    """Pick the clearest status and code for a list of pydantic errors."""
    types = {e.get("type") for e in errors}
    locs = [tuple(e.get("loc", ())) for e in errors]
    if "json_invalid" in types:
        return (400, "malformed_json", "The request body is not valid JSON",
                "请求内容不是有效的 JSON")
    if any(loc[-1:] == ("protocol",) for loc in locs):
        return (400, "unsupported_protocol",
                f"This server speaks sync protocol {wire.PROTOCOL}: update the app",
                f"服务器使用第 {wire.PROTOCOL} 版同步协议，请更新程序")
    if any(e.get("type") == "too_long" and e.get("loc", ())[-1:] == ("changes",)
           for e in errors):
        return (413, "batch_too_large", f"At most {wire.MAX_BATCH} changes in one push",
                f"每次最多推送 {wire.MAX_BATCH} 条变更")
    return 422, "invalid_request", "The request does not match the protocol", "请求不符合协议"


def _details(errors: list[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    return tuple({"loc": [str(p) for p in e.get("loc", ())], "type": str(e.get("type", "")),
                  "msg": str(e.get("msg", ""))} for e in errors[:20])


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the envelope."""

    @app.exception_handler(ApiError)
    async def _api(_request: Request, exc: ApiError) -> JSONResponse:
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        status, code, message, zh = _validation(errors)
        return envelope(status, code, message, zh, _details(errors))

    @app.exception_handler(HTTPException)
    async def _http(_request: Request, exc: HTTPException) -> JSONResponse:
        codes = {404: ("not_found", "No such address", "没有这个地址"),
                 405: ("method_not_allowed", "This method is not allowed here", "不允许此方法")}
        code, message, zh = codes.get(exc.status_code, ("http_error", str(exc.detail), ""))
        return envelope(exc.status_code, code, message, zh, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _bug(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return envelope(500, "internal_error", "The server failed; the request was not applied",
                        "服务器出错，请求未被执行")
