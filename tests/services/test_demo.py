"""The demo station looks like a real one: birth dates and registrations spread out, campaigns
in their seasons, aid that fits each family in opening hours with receipt numbers rising with
time, a few volunteers; every state passes the server's check; the same seed gives the same
data."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from helpdesk import paths as pathsmod
from helpdesk.domain.aid import Aid
from helpdesk.domain.audit import AuditRow
from helpdesk.domain.families import Family, Member
from helpdesk.domain.programmes import Programme
from helpdesk.domain.station import Volunteer
from helpdesk.services import demo
from helpdesk.services import session as sessions
from helpdesk.services.session import Session
from helpdesk.store import keys, outbox, programmes, rows, volunteers
from tests.conftest import HEAD, PIN, STATION

MODELS: dict[str, type[BaseModel]] = {"family": Family, "member": Member, "aid": Aid,
                                      "programme": Programme, "volunteer": Volunteer,
                                      "audit": AuditRow}


def demo_station(folder: Path, kdf: keys.KdfParams, seed: int) -> Session:
    paths = pathsmod.Paths(folder / "data", folder / "config")
    s, _ = sessions.create_station(paths, STATION, head_name=HEAD, head_pin=PIN, kdf=kdf)
    demo.ensure_volunteers(s, seed=seed)
    demo.ensure_campaigns(s)
    demo.add_families(s, 300, seed=seed)
    demo.add_aid(s, 600, seed=seed)
    return s


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Any:
    s = demo_station(tmp_path_factory.mktemp("demo"), keys.KdfParams.fast(), 7)
    yield s
    s.close()


def local(s: Session, moment: str) -> datetime:
    return datetime.fromisoformat(moment).astimezone(s.tz)


def in_opening_hours(when: datetime) -> bool:
    closes = time(12) if when.weekday() == 5 else time(17, 30)
    return when.weekday() < 6 and time(8, 30) <= when.time() < closes


def families_of(s: Session) -> list[Family]:
    return [Family.model_validate({**dict(r), "reasons": json.loads(r["reasons"]),
                                   "insurance": json.loads(r["insurance"])})
            for r in rows.many(s.db, "SELECT * FROM families ORDER BY id_number", [])]


def test_families_are_spread_over_ages_and_two_years(made: Session) -> None:
    fams = families_of(made)
    assert len(fams) == 300
    assert len({f.birth_date for f in fams}) >= 100
    ages = Counter(min((made.today() - f.birth_date).days // 3650, 7)  # type: ignore[operator]
                   for f in fams)
    assert {2, 3, 4, 5, 6} <= set(ages) and max(ages.values()) < 150  # 20s to 60s and over
    registered = [local(made, f.created_at) for f in fams]
    assert len({(r.year, r.month) for r in registered}) >= 12
    assert all(in_opening_hours(r) for r in registered)
    assert all(f.consent_date == local(made, f.created_at).date() for f in fams)
    assert all(0 <= f.income_fen <= 500_000 for f in fams)
    assert {f.region for f in fams} <= {"420111", "420102", "420106", "420115"}
    assert Counter(f.region for f in fams).most_common(1)[0][0] == made.station.region
    retired = [f for f in fams if f.employment.value == "retired"]
    assert retired and all((made.today() - f.birth_date).days > 50 * 365  # type: ignore[operator]
                           for f in retired)


def test_three_to_five_volunteers_give_the_aid(made: Session) -> None:
    staff = volunteers.active(made.db)
    assert 3 <= len(staff) <= 5 and HEAD in {v.name for v in staff}
    given_by: Counter[str] = Counter()
    for volunteer, second, amount, kind in made.db.execute(
            "SELECT volunteer_id, second_volunteer_id, amount_fen, kind FROM aid"):
        given_by[volunteer] += 1
        if kind == "cash" and amount > made.station.cash_threshold_fen:
            assert second and second != volunteer
    assert len(given_by) == len(staff)


def test_aid_is_in_season_in_opening_hours_and_numbered_in_time(made: Session) -> None:
    progs = {p.id: p for p in programmes.all_(made.db)}
    registered = {r[0]: local(made, r[1]).date()
                  for r in made.db.execute("SELECT id, created_at FROM families")}
    given = made.db.execute("SELECT given_at, local_date, programme_id, family_id, receipt_no "
                            "FROM aid ORDER BY given_at").fetchall()
    assert len(given) == 600
    numbers: list[tuple[int, int]] = []
    for given_at, day, programme_id, family_id, receipt_no in given:
        when = local(made, given_at)
        assert when.date().isoformat() == day and in_opening_hours(when), given_at
        assert progs[programme_id].open_on(date.fromisoformat(day)), (day, progs[programme_id])
        assert registered[family_id] < when.date() < made.today()
        _, year, seq = receipt_no.split("-")
        numbers.append((int(year), int(seq)))
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    months = Counter((progs[r[2]].code.split("-")[0], r[1][5:7]) for r in given)
    assert {m for (code, m) in months if code == "JQZX"} <= {"08", "09"}
    assert {m for (code, m) in months if code == "SWN"} <= {"12", "01", "02", "03"}
    assert {m for (code, m) in months if code == "DJWZ"} <= {"11", "12", "01", "02", "03"}
    assert Counter(code for code, _ in months.elements()).keys() == {
        "SWN", "JQZX", "YLJZ", "DJWZ", "TXWQ"}


def test_aid_fits_each_family_and_stays_within_limits(made: Session) -> None:
    students = {r[0] for r in made.db.execute(
        "SELECT family_id FROM members WHERE school_or_work IN "
        "('小学', '初中', '高中', '中职', '大学', '高职')")}
    ill = {r[0] for r in made.db.execute("SELECT family_id FROM members WHERE health != ''")}
    reasons = {r[0]: set(json.loads(r[1])) for r in made.db.execute(
        "SELECT id, reasons FROM families")}
    counts = made.db.execute(
        "SELECT a.family_id, p.code, p.limit_per_family, count(*) FROM aid a "
        "JOIN programmes p ON p.id = a.programme_id GROUP BY a.family_id, p.id").fetchall()
    for family_id, code, limit, n in counts:
        assert n <= limit, (family_id, code)
        if code.startswith("JQZX"):
            assert family_id in students
        if code.startswith("YLJZ"):
            assert family_id in ill or reasons[family_id] & {"illness", "disability",
                                                             "work_injury"}
        if code.startswith("TXWQ"):
            assert "wage_arrears" in reasons[family_id]
    assert any(code.startswith("JQZX") for _, code, _, _ in counts)
    assert all(family_id in students for family_id, why in reasons.items() if "schooling" in why)


def test_every_state_of_the_demo_passes_the_servers_check(made: Session) -> None:
    pending = outbox.pending(made.db, limit=100_000)
    assert {c.entity for c in pending} >= {"family", "member", "aid", "programme", "volunteer"}
    for change in pending:
        if change.entity in MODELS:
            MODELS[change.entity].model_validate(change.state)


def snapshot(s: Session) -> dict[str, Any]:
    """The families, members and aid without their random ids (UUIDv7), with the family's ID
    number, the programme's code and the volunteer's name in place of ids."""
    who = {v.id: v.name for v in volunteers.active(s.db)}
    code = {p.id: p.code for p in programmes.all_(s.db)}
    fams = families_of(s)
    number = {f.id: f.id_number for f in fams}
    skip = {"id", "last_change_id", "hlc"}
    members = sorted(json.dumps({**r, "id": None, "last_change_id": None, "hlc": None,
                                 "family_id": number[r["family_id"]]}, ensure_ascii=False)
                     for r in rows.many(s.db, "SELECT * FROM members", []))
    aid = [{**r, "id": None, "hlc": None, "device_id": None,
            "family_id": number[r["family_id"]], "programme_id": code[r["programme_id"]],
            "volunteer_id": who[r["volunteer_id"]],
            "second_volunteer_id": who.get(r["second_volunteer_id"]),
            "receipt_no": r["receipt_no"].split("-", 1)[1]}
           for r in rows.many(s.db, "SELECT * FROM aid ORDER BY given_at", [])]
    return {"families": [f.model_dump(mode="json", exclude=skip) for f in fams],
            "members": members, "aid": aid}


def test_the_same_seed_gives_the_same_data(made: Session, tmp_path: Path) -> None:
    again = demo_station(tmp_path / "again", keys.KdfParams.fast(), 7)
    other = demo_station(tmp_path / "other", keys.KdfParams.fast(), 8)
    try:
        first = snapshot(made)
        assert snapshot(again) == first
        different = snapshot(other)
        assert different["families"] != first["families"] and different["aid"] != first["aid"]
    finally:
        again.close()
        other.close()


def test_demo_aid_carries_a_signature_that_passes_the_pads_check(made: Session) -> None:
    from PySide6.QtGui import QImage

    from helpdesk.domain import signature
    from helpdesk.services import demo_signature
    from helpdesk.store import aid as aidstore

    given = rows.many(made.db, "SELECT recipient_name, signature_hash FROM aid", [])
    assert given and all(r["signature_hash"] for r in given)
    by_name = {r["recipient_name"]: r["signature_hash"] for r in given}
    assert len(by_name) > 100
    # A person signs alike each time, and (bar a rare shared slot) unlike the others.
    assert all(by_name[r["recipient_name"]] == r["signature_hash"] for r in given)
    assert len(set(by_name.values())) >= 0.9 * len(by_name)
    drawn = {demo_signature.signature_png(name, 7) for name in by_name}
    for name, digest in list(by_name.items())[:20]:
        png = aidstore.signature(made.db, digest)
        assert png is not None and png in drawn  # stored as drawn, like the pad's image
        signature.check(demo_signature.strokes(name, 7))  # what the pad would have accepted
        image = QImage.fromData(png)
        assert not image.isNull() and image.width() > image.height()
        dark = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                   if image.pixelColor(x, y).lightness() < 128)
        assert dark > 100  # ink, not an empty line
