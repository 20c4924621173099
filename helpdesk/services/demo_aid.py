"""Sample campaigns and aid: each campaign in its season, aid that fits each family, given in
opening hours in date order (so receipt numbers rise with time), within each programme's limit.

送温暖 runs from mid-December to the Lantern Festival, 金秋助学 in August and September, winter
goods from November to mid-March; medical aid and help with unpaid wages run all year.
"""

from __future__ import annotations

import bisect
import random
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from helpdesk.domain.aid import Aid, GoodsLine
from helpdesk.domain.common import iso, new_id
from helpdesk.domain.families import Reason, Relation
from helpdesk.domain.programmes import Kind, Programme
from helpdesk.services import demo_signature
from helpdesk.services.session import Session
from helpdesk.store import aid as aidstore
from helpdesk.store import programmes, volunteers

SIGNATURES = 2000  # different signature images at most
HISTORY_DAYS = 730  # the demo station has two years of registrations and aid
STUDENTS = ("小学", "初中", "高中", "中职", "大学", "高职")
SPRING_FESTIVAL = {2023: date(2023, 1, 22), 2024: date(2024, 2, 10), 2025: date(2025, 1, 29),
                   2026: date(2026, 2, 17), 2027: date(2027, 2, 6), 2028: date(2028, 1, 26),
                   2029: date(2029, 2, 13), 2030: date(2030, 2, 3), 2031: date(2031, 1, 23),
                   2032: date(2032, 2, 11), 2033: date(2033, 1, 31), 2034: date(2034, 2, 19),
                   2035: date(2035, 2, 8)}


@dataclass(frozen=True)
class DemoProgramme:
    code: str
    name_zh: str
    name_en: str
    kind: Kind
    starts_on: date
    ends_on: date
    limit: int


def demo_programmes(today: date) -> list[DemoProgramme]:
    """One programme of each campaign open all of this year: what tests and benchmarks give aid
    in on any day. A demo station has `campaigns` instead."""
    year = today.year
    return [
        DemoProgramme(f"SWN-{year}", f"送温暖 {year}", f"Warmth Sending {year}", Kind.CASH,
                      date(year, 1, 1), date(year + 1, 2, 28), 1),
        DemoProgramme(f"JQZX-{year}", f"金秋助学 {year}", f"Golden Autumn school aid {year}",
                      Kind.CASH, date(year, 1, 1), date(year, 12, 31), 1),
        DemoProgramme(f"YLJZ-{year}", f"医疗救助 {year}", f"Medical aid {year}", Kind.CASH,
                      date(year, 1, 1), date(year, 12, 31), 2),
        DemoProgramme(f"DJWZ-{year}", f"冬季物资 {year}", f"Winter goods {year}", Kind.GOODS,
                      date(year, 1, 1), date(year + 1, 3, 31), 2),
        DemoProgramme(f"TXWQ-{year}", f"欠薪维权援助 {year}", f"Help with unpaid wages {year}",
                      Kind.SERVICE, date(year, 1, 1), date(year, 12, 31), 3),
    ]


def _season(year: int) -> list[DemoProgramme]:
    festival = SPRING_FESTIVAL.get(year, date(year, 2, 1))
    return [
        DemoProgramme(f"SWN-{year}", f"送温暖 {year}", f"Warmth Sending {year}", Kind.CASH,
                      festival - timedelta(days=50), festival + timedelta(days=14), 1),
        DemoProgramme(f"JQZX-{year}", f"金秋助学 {year}", f"Golden Autumn school aid {year}",
                      Kind.CASH, date(year, 8, 1), date(year, 9, 30), 2),
        DemoProgramme(f"YLJZ-{year}", f"医疗救助 {year}", f"Medical aid {year}", Kind.CASH,
                      date(year, 1, 1), date(year, 12, 31), 2),
        DemoProgramme(f"DJWZ-{year}", f"冬季物资 {year}—{year + 1}",
                      f"Winter goods {year}-{year + 1}", Kind.GOODS, date(year, 11, 1),
                      date(year + 1, 3, 15), 2),
        DemoProgramme(f"TXWQ-{year}", f"欠薪维权援助 {year}", f"Help with unpaid wages {year}",
                      Kind.SERVICE, date(year, 1, 1), date(year, 12, 31), 3),
    ]


def campaigns(today: date) -> list[DemoProgramme]:
    """The campaigns of the last two years, the ones open today and those starting within two
    months, each in its season."""
    first, last = today - timedelta(days=HISTORY_DAYS), today + timedelta(days=60)
    return sorted((p for year in range(today.year - 3, today.year + 2) for p in _season(year)
                   if p.ends_on >= first and p.starts_on <= last),
                  key=lambda p: (p.starts_on, p.code))


def _ensure(session: Session, wanted: list[DemoProgramme]) -> list[Programme]:
    from helpdesk.services import programmes as usecase

    out = []
    for p in wanted:
        found = programmes.by_code(session.db, p.code)
        out.append(found or usecase.create_local_programme(session, {
            "code": p.code, "name_zh": p.name_zh, "name_en": p.name_en, "kind": p.kind,
            "starts_on": p.starts_on, "ends_on": p.ends_on, "limit_per_family": p.limit}))
    return out


def ensure_programmes(session: Session) -> list[Programme]:
    """The programmes of `demo_programmes`, created once (local programmes)."""
    return _ensure(session, demo_programmes(session.today()))


def ensure_campaigns(session: Session) -> list[Programme]:
    """The programmes of `campaigns`, created once; a code already here is kept as it is."""
    return _ensure(session, campaigns(session.today()))


def open_days(first: date, last: date) -> list[date]:
    """The days a station is open: Monday to Friday, and Saturday mornings."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)
            if (first + timedelta(days=n)).weekday() < 6]


def opening_time(rng: random.Random, day: date) -> time:
    """A moment in opening hours: 8:30-17:30, on Saturday 8:30-12:00."""
    minutes = 8 * 60 + 30 + rng.randrange(210 if day.weekday() == 5 else 540)
    return time(minutes // 60, minutes % 60, rng.randrange(60))


@dataclass
class _Household:
    id: str
    head: str
    registered: date
    reasons: frozenset[str]
    income_fen: int
    students: list[str] = field(default_factory=list)
    spouse: str = ""
    ill_member: bool = False


def _households(session: Session) -> list[_Household]:
    import json

    tz = session.tz
    found = {r[0]: _Household(r[0], r[1], datetime.fromisoformat(r[2]).astimezone(tz).date(),
                              frozenset(json.loads(r[3])), int(r[4] or 0))  # blank: unknown
             for r in session.db.execute(
                 "SELECT id, head_name, created_at, reasons, income_fen FROM families "
                 "WHERE merged_into IS NULL AND status = 'active'")}
    for family_id, relation, name, school, health in session.db.execute(
            "SELECT family_id, relation, name, school_or_work, health FROM members"):
        h = found.get(family_id)
        if h is None:
            continue
        if school in STUDENTS:
            h.students.append(school)
        if relation == Relation.SPOUSE.value:
            h.spouse = name
        if health:
            h.ill_member = True
    return sorted(found.values(), key=lambda h: (h.registered, h.id))


SICK = {Reason.ILLNESS.value, Reason.DISABILITY.value, Reason.WORK_INJURY.value}


def _fits(prefix: str, h: _Household) -> int:
    """How many aid of this campaign the family may get (0: none fit its situation)."""
    if prefix == "JQZX":
        return len(h.students)
    if prefix == "YLJZ":
        return 2 if h.reasons & SICK or h.ill_member else 0
    if prefix == "TXWQ":
        return 3 if Reason.WAGE_ARREARS.value in h.reasons else 0
    if prefix == "DJWZ":
        return 2 if h.income_fen < 300_000 else 0
    return 1


# Aid per open day of a campaign, relative: 送温暖 is the busiest in its weeks, the all-year
# programmes are steady and thin.
WEIGHT = {"SWN": 1.0, "JQZX": 0.8, "DJWZ": 0.35, "YLJZ": 0.12, "TXWQ": 0.08}
GOODS = (("棉被", "床", 1, 16000), ("大米", "袋", 2, 6500), ("食用油", "桶", 1, 7500),
         ("羽绒服", "件", 1, 29900), ("电热毯", "条", 1, 8900), ("牛奶", "箱", 2, 5500),
         ("面粉", "袋", 1, 4500))
SERVICES = ("协助讨要被拖欠工资，已与用工单位调解结清",
            "陪同到区劳动保障监察大队投诉欠薪",
            "提供法律咨询，协助准备劳动仲裁申请材料",
            "联系法律援助律师代理讨薪",
            "协调总包单位先行垫付拖欠的农民工工资")
SCHOOL_AID = {"小学": 50000, "初中": 80000, "高中": 100000, "中职": 100000, "大学": 300000,
              "高职": 200000}


@dataclass
class _Campaign:
    programme: Programme
    prefix: str
    days: list[date]
    members: list[_Household]
    registered: list[date]


def _amount(rng: random.Random, prefix: str, h: _Household) -> tuple[int, tuple[GoodsLine, ...],
                                                                       str]:
    if prefix == "JQZX":
        return max(SCHOOL_AID[s] for s in h.students), (), ""
    if prefix == "YLJZ":
        return rng.choice((100000, 100000, 150000, 200000, 200000, 300000, 500000)), (), ""
    if prefix == "SWN":
        poorer = h.income_fen < 200_000
        return rng.choice((80000, 100000, 100000) if poorer else (50000, 50000, 80000)), (), ""
    if prefix == "DJWZ":
        picks = sorted(rng.sample(range(len(GOODS)), rng.randrange(1, 4)))
        return 0, tuple(GoodsLine(item=GOODS[i][0], unit=GOODS[i][1], qty=Decimal(GOODS[i][2]),
                                  value_fen=GOODS[i][3] * GOODS[i][2]) for i in picks), ""
    return 0, (), rng.choice(SERVICES)


def add_aid(session: Session, count: int, *, seed: int = 1, batch: int = 2000) -> int:
    """Give up to `count` aid over the last two years: each in an open programme of its
    campaign, on an opening day after the family registered, to a family it fits and within
    the programme's limit; given in date order. Returns how many fitted (fewer when the
    families and campaigns have no room for more)."""
    rng = random.Random(seed + 1)
    progs = ensure_campaigns(session)
    if count <= 0:
        return 0
    households = _households(session)
    today = session.today()
    days = open_days(today - timedelta(days=HISTORY_DAYS), today - timedelta(days=1))
    open_ = []
    for p in progs:
        prefix = p.code.split("-")[0]
        fit = [h for h in households if _fits(prefix, h)]
        in_season = [d for d in days if p.open_on(d)]
        if fit and in_season:
            open_.append(_Campaign(p, prefix, in_season, fit, [h.registered for h in fit]))
    if not open_:
        return 0
    weights = [WEIGHT.get(c.prefix, 0.1) * len(c.days) for c in open_]
    given: Counter[tuple[str, str]] = Counter(
        dict(((r[0], r[1]), r[2]) for r in session.db.execute(
            "SELECT family_id, programme_id, count(*) FROM aid WHERE voided_at IS NULL "
            "GROUP BY family_id, programme_id")))
    plan: list[tuple[datetime, _Campaign, _Household]] = []
    for _ in range(count * 20):
        if len(plan) >= count:
            break
        c = rng.choices(open_, weights)[0]
        day = rng.choice(c.days)
        before = bisect.bisect_left(c.registered, day)  # registered before that day
        if not before:
            continue
        h = c.members[rng.randrange(before)]
        key = (h.id, c.programme.id)
        if given[key] >= min(c.programme.limit_per_family, _fits(c.prefix, h)):
            continue
        given[key] += 1
        plan.append((datetime.combine(day, opening_time(rng, day), tzinfo=session.tz), c, h))
    plan.sort(key=lambda item: item[0])
    staff = [v.id for v in volunteers.active(session.db)] or [session.volunteer.id]
    threshold = session.station.cash_threshold_fen
    # A person signs alike each time; a large demo draws at most SIGNATURES images (~3 ms
    # each), people with the same slot sharing one.
    signed: dict[tuple[int, int], str] = {}
    for start in range(0, len(plan), batch):
        with session.write() as db:
            hlc = session.tick()
            for moment, c, h in plan[start:start + batch]:
                amount, goods, note = _amount(rng, c.prefix, h)
                volunteer = rng.choice(staff)
                others = [v for v in staff if v != volunteer]
                second = rng.choice(others) if amount > threshold and others else None
                if amount > threshold and second is None:
                    amount = threshold
                by_spouse = bool(h.spouse) and rng.random() < 0.2
                recipient = h.spouse if by_spouse else h.head
                slot = (len(recipient), zlib.crc32(recipient.encode()) % SIGNATURES)
                if slot not in signed:  # stored like a real one, once per image
                    signed[slot] = aidstore.put_signature(
                        db, demo_signature.signature_png(recipient, seed))
                aid = Aid(id=new_id(), family_id=h.id, programme_id=c.programme.id,
                          given_at=iso(moment), local_date=moment.date().isoformat(),
                          kind=c.programme.kind, amount_fen=amount or sum(
                              g.value_fen for g in goods), goods=goods, service_note=note,
                          recipient_name=recipient,
                          recipient_relation=Relation.SPOUSE if by_spouse else Relation.HEAD,
                          signature_hash=signed[slot],
                          volunteer_id=volunteer, second_volunteer_id=second,
                          receipt_no=aidstore.next_receipt_no(db, session.device, moment.year),
                          device_id=session.device.id, hlc=hlc)
                aidstore.insert(db, aid)
                session.change(entity="aid", entity_id=aid.id, op="put", hlc=hlc,
                               state=aid.model_dump(mode="json"))
            session.audit("demo_aid", hlc, detail={"count": min(start + batch, len(plan))})
    return len(plan)
