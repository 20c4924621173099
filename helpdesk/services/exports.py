"""The 台账 and the family roster out as .xlsx, for the union office.

Three steps so the app can write on a worker thread: `ledger_job` / `families_job` check the
request on the session's thread (dates, programme, who may see full ID numbers, the file name),
`write` reads through a connection of its own and writes a hidden temporary file beside the
target, and `finish` puts it in place. A file is never left half-written: the target appears
only by a rename of a complete file. An export with full ID numbers is audited, and the audit
row and the rename stand or fall together (the rename happens inside the audit's transaction).
`ledger` and `families` run the three steps in one go (the command line).
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from helpdesk.domain import idcard, regions
from helpdesk.domain.aid import GoodsLine
from helpdesk.domain.errors import Problem
from helpdesk.domain.families import Employment, Hukou, Insurance, Reason, Relation
from helpdesk.domain.families import FamilyStatus as Status
from helpdesk.domain.programmes import Kind
from helpdesk.domain.tiers import Tier
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services.session import Session
from helpdesk.sheets import ledger as ledgersheet
from helpdesk.sheets import roster as rostersheet
from helpdesk.store import aid as aidstore
from helpdesk.store import db as dbm
from helpdesk.store import families as familystore
from helpdesk.store import programmes


@dataclass(frozen=True)
class Job:
    """What a worker needs to write one export (plain data, no Session)."""

    what: Literal["ledger", "families"]
    path: Path
    database: Path
    key: bytes
    station: str
    lang: str
    full_ids: bool
    today: date
    tz: str
    date_from: date | None = None
    date_to: date | None = None
    programme_id: str | None = None
    programme_code: str = ""
    programme_name: str = ""


@dataclass(frozen=True)
class Result:
    """What was written: rows listed; for the ledger the aid counted (void excluded), its sum
    in fen and the void rows; for the roster families and people."""

    path: Path
    rows: int
    aid_count: int = 0
    total_fen: int = 0
    voided: int = 0
    people: int = 0
    temp: Path = field(default=Path(), compare=False)  # set between `write` and `finish`


def _problem(name: str, code: str, zh: str, en: str) -> InvalidInput:
    return InvalidInput([Problem(name, code, zh, en)])


def _target(path: Path, replace: bool) -> Path:
    path = path.expanduser()
    if path.suffix.lower() != ".xlsx":
        raise _problem("path", "export_suffix", f"文件名须以 .xlsx 结尾：{path.name}",
                       f"The file name must end in .xlsx: {path.name}")
    if not path.parent.is_dir():
        raise _problem("path", "export_folder", f"文件夹不存在：{path.parent}",
                       f"The folder does not exist: {path.parent}")
    if path.exists() and not replace:
        raise _problem("path", "export_exists", f"文件已存在，未覆盖：{path}",
                       f"The file exists and was not replaced: {path}")
    return path.absolute()


def _head_for_full_ids(session: Session, full_ids: bool) -> None:
    if full_ids:
        session.require_head("导出完整身份证号", "export full ID numbers")


def ledger_job(session: Session, path: Path, date_from: date | None = None,
               date_to: date | None = None, programme_code: str | None = None,
               full_ids: bool = False, *, lang: str = "zh", replace: bool = False) -> Job:
    """Check a ledger request. InvalidInput naming `date_to` (before `date_from`),
    `programme` (no such code) or `path`; KnownError `head_only` for full IDs by a volunteer."""
    _head_for_full_ids(session, full_ids)
    if date_from and date_to and date_to < date_from:
        raise _problem("date_to", "export_period", f"结束日期 {date_to} 早于开始日期 {date_from}",
                       f"The end date {date_to} is before the start date {date_from}")
    programme = None
    if programme_code:
        programme = programmes.by_code(session.db, programme_code)
        if programme is None:
            known = "、".join(p.code for p in programmes.all_(session.db)) or "—"
            raise _problem("programme", "export_programme",
                           f"没有代码为 {programme_code} 的项目（现有：{known}）",
                           f"There is no programme with the code {programme_code} "
                           f"(there are: {known.replace('、', ', ')})")
    return Job("ledger", _target(path, replace), session.paths.database, session.key,
               session.station.name, lang, full_ids, session.today(), session.station.tz,
               date_from, date_to,
               programme.id if programme else None, programme.code if programme else "",
               programme.name(lang) if programme else "")


def families_job(session: Session, path: Path, full_ids: bool = False, *, lang: str = "zh",
                 replace: bool = False) -> Job:
    """Check a roster request; errors as `ledger_job`."""
    _head_for_full_ids(session, full_ids)
    return Job("families", _target(path, replace), session.paths.database, session.key,
               session.station.name, lang, full_ids, session.today(), session.station.tz)


def write(job: Job, db: Database | None = None) -> Result:
    """Read and write the export to a hidden temporary file beside the target, through `db` or
    a connection of its own (a worker thread); `finish` puts it in place, `discard` drops it.
    On any error nothing is left behind."""
    own = db is None
    conn = dbm.connect(job.database, job.key) if own else db
    assert conn is not None
    temp = job.path.with_name(f".{job.path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        if job.what == "ledger":
            rows = [_ledger_row(r, job.lang) for r in aidstore.ledger(
                conn, date_from=_iso(job.date_from), date_to=_iso(job.date_to),
                programme_id=job.programme_id)]
            t = ledgersheet.write(temp, rows, station=job.station, date_from=job.date_from,
                                  date_to=job.date_to, programme=job.programme_name,
                                  lang=job.lang, full_ids=job.full_ids)
            return Result(job.path, t.rows, t.aid_count, t.total_fen, t.voided, temp=temp)
        families = [_roster_row(r, job.lang, ZoneInfo(job.tz)) for r in familystore.roster(conn)]
        r = rostersheet.write(temp, families, station=job.station, on=job.today, lang=job.lang,
                              full_ids=job.full_ids)
        return Result(job.path, r.families, people=r.people, temp=temp)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        if own:
            conn.conn.close()  # not dbm.close: the app's own connection is still open


def finish(session: Session, job: Job, result: Result) -> Result:
    """Put the written file in place; an export with full ID numbers is audited in the same
    transaction, so there is no such file without its audit row."""
    placed = False
    try:
        if not job.full_ids:
            os.replace(result.temp, result.path)
            return result
        with session.write():
            session.audit("export_full_ids", session.tick(), detail=_detail(job, result))
            os.replace(result.temp, result.path)
            placed = True
        return result
    except BaseException as err:
        if placed:  # the audit row did not commit: the file goes too
            result.path.unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise KnownError("export_write", f"无法保存 {result.path}：{err.strerror or err}",
                             f"Could not save {result.path}: {err.strerror or err}") from None
        raise
    finally:
        discard(result)


def discard(result: Result) -> None:
    """Drop the temporary file of an export not finished (no-op once it is in place)."""
    result.temp.unlink(missing_ok=True)


def ledger(session: Session, path: Path, date_from: date | None = None,
           date_to: date | None = None, programme_code: str | None = None,
           full_ids: bool = False, *, lang: str = "zh", replace: bool = False) -> Result:
    """Write the 台账 on this thread; see `ledger_job` for the errors."""
    job = ledger_job(session, path, date_from, date_to, programme_code, full_ids, lang=lang,
                     replace=replace)
    return finish(session, job, write(job, session.db))


def families(session: Session, path: Path, full_ids: bool = False, *, lang: str = "zh",
             replace: bool = False) -> Result:
    """Write the family roster on this thread; see `families_job` for the errors."""
    job = families_job(session, path, full_ids, lang=lang, replace=replace)
    return finish(session, job, write(job, session.db))


def _detail(job: Job, result: Result) -> dict[str, Any]:
    detail: dict[str, Any] = {"export": job.what, "file": result.path.name, "rows": result.rows}
    if job.what == "ledger":
        detail |= {"from": _iso(job.date_from) or "", "to": _iso(job.date_to) or "",
                   "programme": job.programme_code}
    return detail


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _sex(id_kind: str, id_number: str, lang: str) -> str:
    if id_kind != "resident_id" or not id_number:
        return ""
    male = idcard.sex(id_number) == "M"
    return ("男" if male else "女") if lang.startswith("zh") else ("M" if male else "F")


def _labels(enum: Any, values: list[str], lang: str) -> str:
    return ("、" if lang.startswith("zh") else ", ").join(enum(v).label(lang) for v in values)


def _goods(goods: list[dict[str, Any]], note: str) -> str:
    lines = [GoodsLine.model_validate(g) for g in goods]
    text = "；".join(f"{g.item} {g.qty.normalize():f}{g.unit}" for g in lines)
    return text or note


def _ledger_row(r: dict[str, Any], lang: str) -> ledgersheet.LedgerRow:
    zh = lang.startswith("zh")
    relation = Relation(r["recipient_relation"])
    no_signature = r["no_signature_reason"]
    return ledgersheet.LedgerRow(
        name=r["head_name"], sex=_sex(r["id_kind"], r["id_number"], lang),
        id_number=r["id_number"], tier=_tier(r["tier"], lang),
        reasons=_labels(Reason, _json(r["reasons"]), lang),
        household=int(r["members"]) + 1, employer="",
        programme=r["programme_zh"] if zh or not r["programme_en"] else r["programme_en"],
        kind=Kind(r["kind"]).label(lang), amount_fen=int(r["amount_fen"]),
        goods=_goods(r["goods"], r["service_note"]),
        recipient=r["recipient_name"] or r["head_name"], relation=relation.label(lang),
        given_on=date.fromisoformat(r["local_date"]), receipt_no=r["receipt_no"],
        handled_by=r["volunteer_name"] or "", voided=r["voided_at"] is not None,
        void_reason=r["void_reason"] or "",
        remark=(f"未签名：{no_signature}" if zh else f"Not signed: {no_signature}")
        if no_signature else "")


def _tier(value: str | None, lang: str) -> str:
    """The 困难类别 column: the family's hardship tier, blank when none was set."""
    return Tier(value).label(lang) if value else ""


def _json(value: Any) -> list[str]:
    return list(json.loads(value)) if isinstance(value, str) else list(value)


def _roster_row(r: dict[str, Any], lang: str, tz: ZoneInfo) -> rostersheet.RosterRow:
    sep = "、" if lang.startswith("zh") else ", "
    members = sep.join(f"{name}（{Relation(rel).label(lang)}）" if lang.startswith("zh") else
                       f"{name} ({Relation(rel).label(lang)})" for name, rel in r["members"])
    region = r["region"]
    return rostersheet.RosterRow(
        name=r["head_name"], sex=_sex(r["id_kind"], r["id_number"], lang),
        id_number=r["id_number"],
        born=date.fromisoformat(r["birth_date"]) if r["birth_date"] else None,
        tier=_tier(r["tier"], lang),
        reasons=_labels(Reason, r["reasons"], lang),
        employment=Employment(r["employment"]).label(lang), hukou=Hukou(r["hukou"]).label(lang),
        employer="", household=len(r["members"]) + 1, members=members,
        income_fen=r["income_fen"], insurance=_labels(Insurance, r["insurance"], lang),
        phone=r["phone"], address=r["address"],
        region=f"{region} {regions.full_name(region)}" if regions.get(region) else region,
        status=Status(r["status"]).label(lang),
        registered_on=datetime.fromisoformat(r["created_at"]).astimezone(tz).date(),
        remark=r["notes"])
