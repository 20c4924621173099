"""Turning frozen domain models into table rows and back (JSON for lists, 0/1 for booleans)."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlite_utils import Database

from helpdesk.domain.changes import canonical_json

M = TypeVar("M", bound=BaseModel)


def to_row(model: BaseModel, *, json_fields: tuple[str, ...] = (),
           exclude: set[str] | None = None) -> dict[str, Any]:
    row = model.model_dump(mode="json", exclude=exclude)
    for name in json_fields:
        row[name] = canonical_json(row[name])
    for name, value in row.items():
        if isinstance(value, bool):
            row[name] = int(value)
    return row


def from_row(model: type[M], row: dict[str, Any], *, json_fields: tuple[str, ...] = ()) -> M:
    data = dict(row)
    for name in json_fields:
        if isinstance(data.get(name), str):
            data[name] = json.loads(data[name])
    fields = model.model_fields
    for name, info in fields.items():
        if info.annotation is bool and name in data:
            data[name] = bool(data[name])
    return model.model_validate({k: v for k, v in data.items() if k in fields})


def one(db: Database, sql: str, params: list[Any]) -> dict[str, Any] | None:
    cursor = db.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([c[0] for c in cursor.description], row, strict=True))


def many(db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
