"""Sample data for demos, tests and benchmarks: a station that looks like a real one.

Heads of family are spread over age groups, with the jobs, incomes, insurance, difficulties and
household members that go with their age; they registered over the last two years in opening
hours. Campaigns and aid are in `demo_aid`. The same seed on the same day gives the same data
(ids apart, which are UUIDv7 as everywhere).

Families are loaded in batches of one transaction each (rows, outbox changes and audit rows as
the use cases write them), because registering 200,000 families one by one through the
duplicate checks would take an hour; every generated ID number is checked unique as it is made.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from helpdesk.domain import idcard
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
from helpdesk.services import demo_aid
from helpdesk.services.demo_aid import (
    DemoProgramme,
    add_aid,
    campaigns,
    demo_programmes,
    ensure_campaigns,
    ensure_programmes,
)
from helpdesk.services.session import Session, pinyin_of
from helpdesk.store import families

__all__ = ["DemoProgramme", "add_aid", "add_families", "campaigns", "demo_programmes",
           "ensure_campaigns", "ensure_programmes", "ensure_volunteers"]

# Frequent surnames with rough weights, polyphonic ones (曾 单 解 仇 朴 区 查) and compound ones.
SURNAMES = ("王" * 30 + "李" * 30 + "张" * 28 + "刘" * 22 + "陈" * 20 + "杨" * 12 + "黄" * 10 +
            "赵" * 10 + "吴" * 9 + "周" * 9 + "徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭"
            "肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊"
            "秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
            + "曾" * 3 + "单解仇朴区查")
COMPOUND = ("欧阳", "司马", "诸葛", "上官")
# Districts of Wuhan: the demo station's own (洪山) most, its neighbours (江岸 武昌 江夏) less.
REGIONS = ("420111",) * 6 + ("420106", "420106", "420102", "420115")
STREETS = {"420111": ("珞喻路", "关山大道", "光谷大道", "雄楚大道", "鲁磨路", "民族大道"),
           "420106": ("中南路", "武珞路", "中北路", "徐东大街"),
           "420102": ("解放大道", "沿江大道", "黄浦大街", "台北路"),
           "420115": ("文化大道", "纸坊大街", "江夏大道")}
MEN = "伟强磊军洋勇杰涛明超刚建华文辉志强国庆春生晓东浩宇梓轩佳豪俊杰德明永福建国立新"
WOMEN = "芳娜秀英敏静丽艳娟秀兰霞桂英玉兰红梅海燕金凤小红婷欣怡雨桐淑珍凤英慧琴晓燕"
VOLUNTEERS = (("李秀英", "246810"), ("张建国", "135792"), ("陈晓燕", "802468"),
              ("刘志强", "975310"))
"""The demo station's volunteers besides the head `admin`; their PINs are for the demo only."""

# Age groups of heads of family: (share, youngest, oldest, what they do for a living).
AGES = ((25, 25, 39, ("platform", "rural_migrant", "flexible", "employee")),
        (40, 40, 54, ("employee", "rural_migrant", "unemployed", "flexible", "platform")),
        (22, 55, 64, ("unemployed", "retired", "retired", "flexible", "rural_migrant")),
        (13, 65, 82, ("retired",)))
INCOME = {"employee": (220_000, 450_000), "rural_migrant": (150_000, 400_000),  # fen a month
          "platform": (250_000, 500_000), "flexible": (100_000, 350_000),
          "unemployed": (0, 150_000), "retired": (180_000, 320_000)}
REASONS = {"employee": ("illness", "illness", "single_parent", "disaster"),  # schooling: below
           "rural_migrant": ("wage_arrears", "wage_arrears", "no_insurance", "work_injury"),
           "platform": ("no_insurance", "work_injury", "illness"),
           "flexible": ("illness", "single_parent", "no_insurance"),
           "unemployed": ("unemployment", "unemployment", "illness"),
           "retired": ("illness", "illness", "disability")}
INSURANCE = {"employee": (("pension", 1), ("medical", 1), ("unemployment", .9),
                          ("work_injury", .9), ("maternity", .6)),
             "rural_migrant": (("medical", .6), ("work_injury", .3)),
             "platform": (("medical", .5), ("work_injury", .2)),
             "flexible": (("pension", .5), ("medical", .8)),
             "unemployed": (("pension", .4), ("medical", .7)),
             "retired": (("pension", 1), ("medical", 1))}
ILLNESS = ("高血压", "糖尿病", "尿毒症，每周透析", "肢体残疾", "哮喘", "脑梗后遗症", "")


def _given(rng: random.Random, male: bool) -> str:
    pool = MEN if male else WOMEN
    return "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 2))))


def _surname(rng: random.Random) -> str:
    return rng.choice(COMPOUND) if rng.random() < 0.01 else rng.choice(SURNAMES)


def _born(rng: random.Random, today: date, youngest: int, oldest: int) -> date:
    return today - timedelta(days=rng.randrange(youngest * 365 + 1, (oldest + 1) * 365 - 1))


def _school(age: int) -> str:
    for upto, school in ((5, "学龄前"), (11, "小学"), (14, "初中"), (17, "高中"), (21, "大学")):
        if age <= upto:
            return school
    return "在外打工"


@dataclass
class _Person:
    name: str
    relation: Relation
    birth: date
    health: str = ""
    school_or_work: str = ""


def _household(rng: random.Random, today: date, age: int, surname: str, male: bool,
               single: bool) -> list[_Person]:
    """The members living with a head of this age: spouse, children or grandchildren."""
    people = []
    if not single and age < 75 and rng.random() < 0.45:
        people.append(_Person(_surname(rng) + _given(rng, not male), Relation.SPOUSE,
                              _born(rng, today, max(22, age - 5), age + 3),
                              health=rng.choice(ILLNESS[2:] + ("",) * 8)))
    young = age - rng.randrange(22, 36)  # the eldest child's age
    relation = Relation.CHILD
    if young > 24:
        young, relation = young - rng.randrange(24, 32), Relation.GRANDCHILD
    for _ in range(1 if rng.random() < 0.7 else 2):
        if young < 0 or rng.random() < 0.3:
            break
        people.append(_Person(surname + _given(rng, rng.random() < 0.5), relation,
                              _born(rng, today, young, young), school_or_work=_school(young)))
        young -= rng.randrange(2, 6)
    return people


def _family(rng: random.Random, today: date, registered: datetime, hlc: str,
            used: set[str]) -> tuple[Family, list[_Person]]:
    share = rng.randrange(100)
    group = 0
    while share >= AGES[group][0]:
        share -= AGES[group][0]
        group += 1
    _, youngest, oldest, jobs = AGES[group]
    birth = _born(rng, today, youngest, oldest)
    age = (today - birth).days // 365
    region = rng.choice(REGIONS)
    male = rng.random() < 0.55
    while True:  # the order code's parity is the sex; retried while the number is taken
        number = idcard.make(region, birth, rng.randrange(500) * 2 + male)
        if number not in used:
            used.add(number)
            break
    surname = _surname(rng)
    name = surname + _given(rng, male)
    pinyin, initials = pinyin_of(name)
    employment = Employment(rng.choice(jobs))
    reasons = dict.fromkeys(Reason(r) for r in rng.sample(REASONS[employment.value],
                                                          rng.choice((1, 1, 2))))
    single = Reason.SINGLE_PARENT in reasons
    people = _household(rng, today, age, surname, male, single)
    if any(p.school_or_work in ("高中", "大学") for p in people) and rng.random() < 0.5:
        reasons[Reason.SCHOOLING] = None
    insurance = () if Reason.NO_INSURANCE in reasons else tuple(
        Insurance(kind) for kind, p in INSURANCE[employment.value] if rng.random() < p)
    low, high = INCOME[employment.value]
    income = rng.randrange(low, high + 1, 1000)
    if Reason.ILLNESS in reasons or Reason.DISABILITY in reasons:
        income = income * 2 // 3 // 1000 * 1000
    when = iso(registered)
    return Family(
        id=new_id(), head_name=name, id_number=number, birth_date=birth,
        phone=f"1{rng.choice('35789')}{rng.randrange(10**9):09d}",
        address=f"{rng.choice(STREETS[region])}{rng.randrange(1, 600)}号"
                f"{rng.randrange(1, 20)}栋{rng.randrange(1, 5)}单元{rng.randrange(1, 25)}"
                f"0{rng.randrange(1, 5)}室", region=region,
        hukou=Hukou.RURAL if employment is Employment.RURAL_MIGRANT or rng.random() < 0.15
        else Hukou.URBAN,
        employment=employment, reasons=tuple(reasons), income_fen=income, insurance=insurance,
        consent_date=registered.date(), name_pinyin=pinyin, name_initials=initials,
        created_at=when, updated_at=when, last_change_id=new_id(), hlc=hlc), people


def add_families(session: Session, count: int, *, seed: int = 1, batch: int = 2000) -> int:
    """Generate `count` families with the members they live with, registered over the last two
    years in opening hours and in that order, in transactions of `batch` each."""
    rng = random.Random(seed)
    today = session.today()
    days = demo_aid.open_days(today - timedelta(days=demo_aid.HISTORY_DAYS),
                              today - timedelta(days=1))
    used = {r[0] for r in session.db.execute("SELECT id_number FROM families")}
    made = 0
    while made < count:
        with session.write() as db:
            hlc = session.tick()
            rows: list[Family] = []
            members: list[Member] = []
            for _ in range(min(batch, count - made)):
                day = days[int((made + rng.random()) * len(days) / count)]
                registered = datetime.combine(day, demo_aid.opening_time(rng, day),
                                              tzinfo=session.tz)
                family, people = _family(rng, today, registered, hlc, used)
                rows.append(family)
                session.change(entity="family", entity_id=family.id, op="put", hlc=hlc,
                               state=family.model_dump(mode="json"),
                               change_id=family.last_change_id)
                for p in people:
                    member = Member(id=new_id(), family_id=family.id, name=p.name,
                                    relation=p.relation, birth_date=p.birth, health=p.health,
                                    school_or_work=p.school_or_work,
                                    created_at=family.created_at, updated_at=family.created_at,
                                    last_change_id=new_id(), hlc=hlc)
                    members.append(member)
                    session.change(entity="member", entity_id=member.id, op="put", hlc=hlc,
                                   state=member.model_dump(mode="json"),
                                   change_id=member.last_change_id)
                made += 1
            families.insert_many(db, rows)  # one statement each: the bulk path of a pull
            families.insert_members(db, members)
            session.audit("demo_families", hlc, detail={"count": made})
    return made


def ensure_volunteers(session: Session, *, seed: int = 1) -> list[tuple[str, str]]:
    """Bring the station to three to five volunteers (the head included) from `VOLUNTEERS`;
    returns the (name, PIN) of those added."""
    from helpdesk.services import volunteers as usecase
    from helpdesk.store import volunteers

    wanted = random.Random(seed).randint(3, 5) - len(volunteers.active(session.db))
    added: list[tuple[str, str]] = []
    for name, pin in VOLUNTEERS:
        if len(added) >= wanted:
            break
        if volunteers.by_name(session.db, name) is None:
            usecase.add_volunteer(session, name, pin)
            added.append((name, pin))
    return added
