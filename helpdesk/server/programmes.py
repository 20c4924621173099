"""Central programmes: set on the server for a region, pulled by its stations.

A programme is published as a change authored by the server (device `server:<region>`), in
the region's server order like any other, so stations receive it through the same pull and
apply it like any other change.
"""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk.domain import regions
from helpdesk.domain.changes import Change, canonical_json, content_hash
from helpdesk.domain.common import iso, new_id, utcnow
from helpdesk.domain.hlc import Hlc
from helpdesk.domain.programmes import Programme, ProgrammeIn
from helpdesk.server import sequence
from helpdesk.server import storage as st

SERVER_STATION = ""  # station_code of changes the server itself authored (`rules.OFFICE`)


def server_device(region: str) -> str:
    return f"server:{region}"


def add(engine: Engine, region: str, data: dict[str, Any]) -> Programme:
    """Validate and publish a programme to the region's stations; one transaction.

    Raises `Invalid` (domain) for a bad region or programme, ValueError when the region
    already has a programme with this code.
    """
    region = regions.validate(region)
    programme_in = ProgrammeIn.model_validate(data)
    device = server_device(region)
    with st.write(engine) as conn:
        seq = sequence.allocate(conn, region, 1) + 1  # also serialises the region's writers
        # Few central programmes per region: matching the code in their bodies is cheap.
        taken = conn.execute(sa.select(sa.func.count()).select_from(st.changes).where(
            st.changes.c.device_id == device, st.changes.c.entity == "programme",
            st.changes.c.body.contains(f'"code":"{programme_in.code}"'))).scalar_one()
        if taken:
            raise ValueError(f"region {region} already has programme {programme_in.code}")
        device_seq = 1 + int(conn.execute(
            sa.select(sa.func.coalesce(sa.func.max(st.changes.c.device_seq), 0))
            .where(st.changes.c.device_id == device)).scalar_one())
        hlc = str(Hlc(int(time.time() * 1000), 0))
        programme = Programme(id=new_id(), local=False, hlc=hlc, **programme_in.model_dump())
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
        conn.execute(st.programmes.insert().values(
            station_code=SERVER_STATION, id=programme.id, region=region, code=programme.code,
            name_zh=programme.name_zh, hlc=hlc, kind=str(state["kind"]),
            starts_on=str(state["starts_on"]), ends_on=str(state["ends_on"])))
    return programme


def list_(engine: Engine, region: str | None = None) -> list[dict[str, Any]]:
    """The central programmes, newest first, with their region."""
    c = st.changes.c
    query = (sa.select(c.region, c.body).where(c.station_code == SERVER_STATION,
                                                c.entity == "programme")
             .order_by(c.server_seq.desc()))
    if region:
        query = query.where(c.region == region)
    with st.read(engine) as conn:
        rows = conn.execute(query).all()
    return [{"region": r.region, **Change.model_validate_json(r.body).state} for r in rows]


def names(engine: Engine) -> dict[str, str]:
    """Programme code → its Chinese name, for display: the office's programmes first, then
    the stations' own (a code two stations share shows one of their names)."""
    p = st.programmes.c
    with st.read(engine) as conn:
        rows = conn.execute(sa.select(p.code, p.name_zh)
                            .order_by(p.station_code.desc(), p.code)).all()
    return {r.code: r.name_zh for r in rows}
