"""Helpers of the office data tests: the same figures as plain scans of the aid table."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from helpdesk.domain import idcard
from helpdesk.server import storage as st
from helpdesk.server import summaries
from tests.server import support


def number(seq: int, region: str = "420111") -> str:
    return idcard.make(region, date(1980, 1, 1), seq)


def summary_rows(conn: Connection) -> set[tuple[Any, ...]]:
    """Every non-zero row of every summary table, with its table's name."""
    out = set()
    for table, names in summaries.TABLES:
        t = table.c
        extra = ("region",) if "region" not in names else ()
        out |= {(table.name, *r) for r in conn.execute(
            sa.select(*(t[k] for k in (*names, *extra)), t.aid_count, t.total_fen)
            .where(sa.or_(t.aid_count != 0, t.total_fen != 0)))}
    return out


def summaries_and_scan(engine: Engine) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    """The summary rows kept at ingest, and the same made anew by a scan (rolled back)."""
    with engine.connect() as conn:
        tx = conn.begin()
        kept = summary_rows(conn)
        summaries.rebuild(conn)
        scanned = summary_rows(conn)
        tx.rollback()
    return kept, scanned


def scan(engine: Engine, prefix: str) -> dict[str, int]:
    """Count, total and families reached of the non-void aid of the scope: a plain scan."""
    a = st.aid.c
    with st.read(engine) as conn:
        n, fen = conn.execute(sa.select(sa.func.count(), sa.func.coalesce(
            sa.func.sum(a.amount_fen), 0)).where(a.voided.is_(False),
                                                 a.region.like(prefix + "%"))).one()
        families = conn.execute(sa.select(sa.func.count()).select_from(
            sa.select(a.station_code, a.family_id).distinct()
            .where(a.voided.is_(False), a.region.like(prefix + "%")).subquery())).scalar_one()
    return {"aid_count": int(n), "total_fen": int(fen), "families": int(families)}


def populate(client: support.Client, engine: Engine) -> dict[str, Any]:
    """Four stations (three in Wuhan 4201, one in Huangshi 4202) with families, aid, voids
    (in a later push and in the same batch), a batch pushed twice, a merge, a duplicate aid
    across two stations of one district; returns the devices and changes by name."""
    a = support.enroll(client, engine, region="420111", name="洪山站点")
    b = support.enroll(client, engine, region="420111", name="关山站点")
    w = support.enroll(client, engine, region="420106", name="武昌站点")
    c = support.enroll(client, engine, region="420202", name="黄石港站点")
    fa = a.family(number(101), name="王平台", employment="platform",
                  reasons=["wage_arrears", "illness"])
    fm = a.family(number(102), name="李农民", employment="rural_migrant",
                  reasons=["work_injury"])
    fd = a.family(number(103), name="赵重复")
    batch = [fa, fm, fd,
             a.aid(10_000, family_id=fa.entity_id, programme_id="SWN-27"),
             a.aid(20_000, family_id=fm.entity_id, programme_id="SWN-27"),
             a.aid(30_000, family_id=fm.entity_id, programme_id="ZX-27", day="2026-12-01"),
             a.aid(5_000, family_id=fd.entity_id, programme_id="SWN-27")]
    support.push(client, a, batch)
    support.push(client, a, batch)  # the same batch again: already had, counted once
    voided = batch[5]
    support.push(client, a, [a.aid(0, voided=True, aid_id=voided.entity_id)])
    given = a.aid(7_000, family_id=fa.entity_id, programme_id="ZX-27")
    support.push(client, a, [given, a.aid(0, voided=True, aid_id=given.entity_id)])
    # fd turns out to be fa registered twice: merged into fa
    merge = a.change("family", {**fd.state, "merged_into": fa.entity_id}, op="merge",
                     entity_id=fd.entity_id)
    answer = support.push(client, a, [merge])["answers"]
    assert [x["status"] for x in answer] == ["accepted"], answer
    fb = b.family(number(101), name="王平台", employment="platform")
    dup = b.aid(10_000, family_id=fb.entity_id, programme_id="SWN-27")
    support.push(client, b, [fb, dup])  # the same family, same programme: an alert
    fw = w.family(number(401, "420106"))
    support.push(client, w, [fw, w.aid(3_000, family_id=fw.entity_id, programme_id="SWN-27")])
    fc = c.family(number(201, "420202"), name="黄石家庭", employment="employee")
    support.push(client, c, [fc, c.aid(40_000, family_id=fc.entity_id, programme_id="SWN-27"),
                             c.aid(1_000, family_id=fc.entity_id, programme_id="SWN-27",
                                   day="2026-12-02")])
    return {"a": a, "b": b, "c": c, "w": w, "dup": dup, "fa": fa, "fb": fb}
