"""Central programmes: set on the server for a region, pulled by its stations.

A programme is published as a change authored by the server (device `server:<region>`), in
the region's server order like any other, so stations receive it through the same pull and
apply it like any other change.
"""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from helpdesk.domain import regions
from helpdesk.domain.changes import Change, canonical_json, content_hash
from helpdesk.domain.common import iso, new_id, utcnow
from helpdesk.domain.errors import Invalid, Problem
from helpdesk.domain.hlc import Hlc
from helpdesk.domain.programmes import Programme, ProgrammeIn
from helpdesk.domain.validation import validate
from helpdesk.server import sequence
from helpdesk.server import storage as st

SERVER_STATION = ""  # station_code of changes the server itself authored (`rules.OFFICE`)


def server_device(region: str) -> str:
    return f"server:{region}"


def add(engine: Engine, region: str, data: dict[str, Any]) -> Programme:
    """Validate and publish a programme to the region's stations; one transaction.

    Raises `Invalid` (domain) for a bad region or programme, or when the region already has
    a programme with this code.
    """
    return add_to(engine, [region], data)[0]


def add_to(engine: Engine, regions_: list[str], data: dict[str, Any]) -> list[Programme]:
    """The same programme published to each of these regions (one programme per region, as
    `add`), all or none: one transaction. Raises `Invalid`: field "regions" for a bad or
    missing region, "code" for a code a region has already, else the programme's field."""
    programme_in = validate(ProgrammeIn, data)
    if not regions_:
        raise Invalid("regions", "请至少填写一个地区代码", "Give at least one region code",
                      "regions")
    try:
        codes = sorted({regions.validate(r) for r in regions_})
    except Invalid as err:
        raise Invalid.many([Problem("regions", p.code, p.zh, p.en)
                            for p in err.problems]) from None
    published = []
    with st.write(engine) as conn:
        for region in codes:
            programme = Programme(id=new_id(), local=False, hlc=_hlc(),
                                  **programme_in.model_dump())
            _publish(conn, region, programme)
            published.append(programme)
    return published


def edit(engine: Engine, region: str, programme_id: str, data: dict[str, Any]) -> Programme:
    """Publish a new state of one of the region's central programmes (same id and code; a
    later HLC, so stations keep it over the old one at their next pull). Raises `Invalid`
    for a bad field, KeyError when the region has no such programme."""
    programme_in = validate(ProgrammeIn, data)
    with st.write(engine) as conn:
        old = _current(conn, region, programme_id)
        if old is None:
            raise KeyError(programme_id)
        if programme_in.code != old["code"]:
            raise Invalid("programme_code_fixed", "项目代码发布后不能更改",
                          "A programme's code cannot change once published", "code")
        programme = Programme(id=programme_id, local=False, active=bool(old.get("active", True)),
                              hlc=_hlc(), **programme_in.model_dump())
        _publish(conn, region, programme, new=False)
    return programme


def get(engine: Engine, region: str, programme_id: str) -> dict[str, Any] | None:
    """The latest state of one of the region's central programmes, or None."""
    with st.read(engine) as conn:
        return _current(conn, region, programme_id)


def _current(conn: Connection, region: str, programme_id: str) -> dict[str, Any] | None:
    c = st.changes.c
    body = conn.execute(sa.select(c.body).where(
        c.station_code == SERVER_STATION, c.region == region, c.entity == "programme",
        c.entity_id == programme_id).order_by(c.server_seq.desc()).limit(1)).scalar()
    return None if body is None else dict(Change.model_validate_json(body).state)


def _hlc() -> str:
    return str(Hlc(int(time.time() * 1000), 0))


def _publish(conn: Connection, region: str, programme: Programme, new: bool = True) -> None:
    """Store the programme's state as a change the server authored, in the region's order,
    and in the programmes projection."""
    device = server_device(region)
    seq = sequence.allocate(conn, region, 1) + 1  # also serialises the region's writers
    if new:
        # Few central programmes per region: matching the code in their bodies is cheap.
        taken = conn.execute(sa.select(sa.func.count()).select_from(st.changes).where(
            st.changes.c.device_id == device, st.changes.c.entity == "programme",
            st.changes.c.body.contains(f'"code":"{programme.code}"'))).scalar_one()
        if taken:
            raise Invalid("programme_taken", f"地区 {region} 已有项目代码 {programme.code}",
                          f"region {region} already has programme {programme.code}", "code")
    device_seq = 1 + int(conn.execute(
        sa.select(sa.func.coalesce(sa.func.max(st.changes.c.device_seq), 0))
        .where(st.changes.c.device_id == device)).scalar_one())
    hlc = programme.hlc
    state = programme.model_dump(mode="json")
    change = Change(change_id=new_id(), device_id=device, epoch=1, device_seq=device_seq,
                    entity="programme", entity_id=programme.id, op="put",
                    fields=tuple(sorted(state)), state=state, hlc=hlc, author="server")
    body = change.model_dump(mode="json")
    conn.execute(st.changes.insert().values(
        change_id=change.change_id, region=region, station_code=SERVER_STATION,
        device_id=device, epoch=1, device_seq=device_seq, entity="programme",
        entity_id=programme.id, op="put", hlc=hlc, server_hlc=hlc,
        body=canonical_json(body), hash=content_hash(body), status="accepted",
        reason="", server_seq=seq, received_at=iso(utcnow())))
    values = {"region": region, "code": programme.code, "name_zh": programme.name_zh,
              "hlc": hlc, "kind": str(state["kind"]), "starts_on": str(state["starts_on"]),
              "ends_on": str(state["ends_on"])}
    if new:
        conn.execute(st.programmes.insert().values(station_code=SERVER_STATION,
                                                   id=programme.id, **values))
    else:
        conn.execute(st.programmes.update().where(
            st.programmes.c.station_code == SERVER_STATION,
            st.programmes.c.id == programme.id).values(**values))


def list_(engine: Engine, region: str | None = None) -> list[dict[str, Any]]:
    """The central programmes in their latest state, newest first, with their region."""
    c = st.changes.c
    query = (sa.select(c.region, c.body).where(c.station_code == SERVER_STATION,
                                                c.entity == "programme")
             .order_by(c.server_seq.desc()))
    if region:
        query = query.where(c.region == region)
    with st.read(engine) as conn:
        rows = conn.execute(query).all()
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:  # newest first: an edited programme's first row is its state now
        state = Change.model_validate_json(r.body).state
        latest.setdefault((r.region, str(state["id"])), {"region": r.region, **state})
    return list(latest.values())


def names(engine: Engine) -> dict[str, str]:
    """Programme code → its Chinese name, for display: the office's programmes first, then
    the stations' own (a code two stations share shows one of their names)."""
    p = st.programmes.c
    with st.read(engine) as conn:
        rows = conn.execute(sa.select(p.code, p.name_zh)
                            .order_by(p.station_code.desc(), p.code)).all()
    return {r.code: r.name_zh for r in rows}
