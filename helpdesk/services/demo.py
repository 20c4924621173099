"""Sample data for demos, tests and benchmarks: realistic families, programmes and aid.

Families are loaded in batches of one transaction each (rows, outbox changes and audit rows as
the use cases write them), because registering 200,000 families one by one through the
duplicate checks would take an hour; every generated family is unique by construction.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from helpdesk.domain import idcard
from helpdesk.domain.aid import Aid, GoodsLine
from helpdesk.domain.common import iso, new_id
from helpdesk.domain.families import (
    Employment,
    Family,
    Hukou,
    Insurance,
    Member,
    Reason,
    Relation,
)
from helpdesk.domain.programmes import Kind, Programme
from helpdesk.services.session import Session, pinyin_of
from helpdesk.store import aid as aidstore
from helpdesk.store import families, programmes

# Frequent surnames with rough weights, polyphonic ones (曾 单 解 仇 朴 区 查) and compound ones.
SURNAMES = ("王" * 30 + "李" * 30 + "张" * 28 + "刘" * 22 + "陈" * 20 + "杨" * 12 + "黄" * 10 +
            "赵" * 10 + "吴" * 9 + "周" * 9 + "徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭"
            "肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊"
            "秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
            + "曾" * 3 + "单解仇朴区查")
COMPOUND = ("欧阳", "司马", "诸葛", "上官")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文辉玉兰红梅志强海燕"
         "国庆春生金凤小红晓东婷浩宇子涵欣怡梓轩雨桐佳豪俊杰淑珍凤英德明永福")
REGIONS = ("420111", "420106", "420102", "420115", "421003")  # 武汉洪山 武昌 江岸 江夏 荆州沙市
STREETS = ("珞喻路", "民族大道", "雄楚大道", "关山大道", "光谷大道", "和平大道", "解放大道")


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
    year = today.year
    return [
        DemoProgramme(f"SWN-{year}", f"送温暖 {year}", f"Warmth Sending {year}", Kind.CASH,
                      date(year, 1, 1), date(year + 1, 2, 28), 1),
        DemoProgramme(f"JQZX-{year}", f"金秋助学 {year}", f"Golden Autumn school aid {year}",
                      Kind.CASH, date(year, 7, 1), date(year, 12, 31), 1),
        DemoProgramme(f"YLJZ-{year}", f"医疗救助 {year}", f"Medical aid {year}", Kind.CASH,
                      date(year, 1, 1), date(year, 12, 31), 2),
        DemoProgramme(f"DJWZ-{year}", f"冬季物资 {year}", f"Winter goods {year}", Kind.GOODS,
                      date(year, 1, 1), date(year + 1, 3, 31), 2),
        DemoProgramme(f"TXWQ-{year}", f"欠薪维权援助 {year}", f"Help with unpaid wages {year}",
                      Kind.SERVICE, date(year, 1, 1), date(year, 12, 31), 3),
    ]


GOODS = (("大米", "袋", Decimal(1), 8000), ("食用油", "桶", Decimal(1), 6500),
         ("棉被", "床", Decimal(1), 15000), ("面粉", "袋", Decimal(2), 4000),
         ("牛奶", "箱", Decimal(1), 5500))


def ensure_programmes(session: Session) -> list[Programme]:
    """The demo programmes, created once (local programmes of a station not yet enrolled)."""
    from helpdesk.services import programmes as usecase

    out = []
    for p in demo_programmes(session.today()):
        found = programmes.by_code(session.db, p.code)
        out.append(found or usecase.create_local_programme(session, {
            "code": p.code, "name_zh": p.name_zh, "name_en": p.name_en, "kind": p.kind,
            "starts_on": p.starts_on, "ends_on": p.ends_on, "limit_per_family": p.limit}))
    return out


def _name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND) if rng.random() < 0.01 else rng.choice(SURNAMES)
    return surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _family(rng: random.Random, seq: int, now: str, hlc: str) -> Family:
    region = rng.choice(REGIONS)
    # Birth date and order code come from seq, one to one (37 and 19,000 share no factor), so
    # generated IDs never collide, up to 19 million families.
    birth = date(1950, 1, 1) + timedelta(days=(seq // 1000) * 37 % 19_000)
    number = idcard.make(region, birth, seq % 1000)
    name = _name(rng)
    pinyin, initials = pinyin_of(name)
    employment = rng.choice(list(Employment))
    reasons = rng.sample(list(Reason), rng.choice((1, 1, 2, 3)))
    return Family(
        id=new_id(), head_name=name, id_number=number, birth_date=idcard.birth_date(number),
        phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
        address=f"{rng.choice(STREETS)}{rng.randrange(1, 999)}号", region=region,
        hukou=Hukou.RURAL if employment is Employment.RURAL_MIGRANT else rng.choice(list(Hukou)),
        employment=employment, reasons=tuple(reasons), income_fen=rng.randrange(0, 400_000, 100),
        insurance=tuple(rng.sample(list(Insurance), rng.randrange(0, 4))),
        consent_date=date.fromisoformat(now[:10]), name_pinyin=pinyin, name_initials=initials,
        created_at=now, updated_at=now, last_change_id=new_id(), hlc=hlc)


def add_families(session: Session, count: int, *, seed: int = 1, batch: int = 2000) -> int:
    """Generate `count` families (some with members) in transactions of `batch` each."""
    rng = random.Random(seed)
    start = families.count(session.db)
    made = 0
    while made < count:
        with session.write() as db:
            hlc = session.tick()
            now = iso(datetime.now(UTC))
            for _ in range(min(batch, count - made)):
                family = _family(rng, start + made + seed * 7919, now, hlc)
                families.insert(db, family)
                session.change(entity="family", entity_id=family.id, op="put", hlc=hlc,
                               state=family.model_dump(mode="json"),
                               change_id=family.last_change_id)
                if rng.random() < 0.4:
                    child = Member(id=new_id(), family_id=family.id, name=family.head_name[0] +
                                   rng.choice(GIVEN) + rng.choice(GIVEN), relation=Relation.CHILD,
                                   health=rng.choice(("", "", "哮喘", "肢体残疾")),
                                   school_or_work=rng.choice(("小学", "初中", "高中", "大学")),
                                   created_at=now, updated_at=now, last_change_id=new_id(),
                                   hlc=hlc)
                    families.put_member(db, child)
                    session.change(entity="member", entity_id=child.id, op="put", hlc=hlc,
                                   state=child.model_dump(mode="json"),
                                   change_id=child.last_change_id)
                made += 1
            session.audit("demo_families", hlc, detail={"count": made})
    return made


def add_aid(session: Session, count: int, *, seed: int = 1, batch: int = 2000) -> int:
    """Generate `count` aid records spread over the programmes' periods up to today."""
    rng = random.Random(seed + 1)
    progs = ensure_programmes(session)
    ids = [r[0] for r in session.db.execute("SELECT id FROM families ORDER BY random() LIMIT ?",
                                            [max(count, 1)])]
    names = dict(session.db.execute("SELECT id, head_name FROM families"))
    if not ids:
        return 0
    today = session.today()
    made = 0
    while made < count:
        with session.write() as db:
            hlc = session.tick()
            for _ in range(min(batch, count - made)):
                p = rng.choice(progs)
                span = max(0, (min(today, p.ends_on) - p.starts_on).days)
                day = p.starts_on + timedelta(days=rng.randrange(span + 1))
                moment = datetime.combine(day, time(1 + rng.randrange(8), rng.randrange(60)),
                                          tzinfo=UTC)
                family_id = ids[made % len(ids)]
                goods: tuple[GoodsLine, ...] = ()
                amount = 0
                note = ""
                if p.kind is Kind.CASH:
                    amount = rng.choice((20000, 50000, 50000, 80000, 100000, 200000))
                elif p.kind is Kind.GOODS:
                    picks = rng.sample(GOODS, rng.randrange(1, 4))
                    goods = tuple(GoodsLine(item=i, unit=u, qty=q, value_fen=v)
                                  for i, u, q, v in picks)
                    amount = sum(g.value_fen for g in goods)
                else:
                    note = "协助讨要被拖欠工资，提供法律咨询"
                aid = Aid(id=new_id(), family_id=family_id, programme_id=p.id,
                          given_at=iso(moment), local_date=day.isoformat(), kind=p.kind,
                          amount_fen=amount, goods=goods, service_note=note,
                          recipient_name=names[family_id], recipient_relation=Relation.HEAD,
                          volunteer_id=session.volunteer.id,
                          receipt_no=aidstore.next_receipt_no(db, session.device, day.year),
                          device_id=session.device.id, hlc=hlc)
                aidstore.insert(db, aid)
                session.change(entity="aid", entity_id=aid.id, op="put", hlc=hlc,
                               state=aid.model_dump(mode="json"))
                made += 1
            session.audit("demo_aid", hlc, detail={"count": made})
    return made
