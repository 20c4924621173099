"""Bringing in an existing roster: the import itself, after `imports.preview`.

One transaction for the whole file: each family through the same inside as registering one by
hand (`families.insert_family`: row, outbox change, audit) or editing one (`update_family`, to
fill blank fields), each row recorded in `import_rows` with the import it came from. Cancel
(or any error) rolls everything back. The rows not imported go to an .xlsx report.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpdesk.domain.common import iso, new_id, utcnow
from helpdesk.domain.families import FamilyIn, MemberIn
from helpdesk.errors import KnownError
from helpdesk.services import families, import_members, imports
from helpdesk.services.import_members import MemberRow
from helpdesk.services.imports import (
    ADD,
    ELSEWHERE,
    ERROR,
    FILL,
    POSSIBLE,
    Checked,
    Preview,
)
from helpdesk.services.session import Session
from helpdesk.sheets import columns
from helpdesk.sheets import report as reportmod
from helpdesk.store import db as dbm
from helpdesk.store import imports as store

Progress = Callable[[int, int], None]  # rows done, rows in all
PROGRESS_EVERY = 25


class ImportCancelled(KnownError):
    def __init__(self) -> None:
        super().__init__("import_cancelled", "导入已取消，没有写入任何内容",
                         "The import was cancelled: nothing was written")


@dataclass(frozen=True)
class Result:
    import_id: str
    counts: dict[str, int]  # rows, added, updated, duplicates, errors
    report: Path | None  # the rows not imported, when there are any


def report_path(source: Path) -> Path:
    """Where the report of a file's rows not imported goes by default: beside the file."""
    return source.with_name(f"{source.stem}.errors.xlsx")


def not_imported(plan: Preview, lang: str = "zh") -> list[tuple[int, list[Any], str]]:
    """The rows the station has to look at again: errors, and possible duplicates skipped;
    a family's member rows under it, as the sheet had them (a member refused under a family
    imported comes with the family's row, so importing the report again finds its family)."""
    sep = "；" if lang.startswith("zh") else "; "
    inline = plan.member_header is None
    out = []
    for r in plan.rows:
        left = r.kind == ERROR or (r.kind in (POSSIBLE, ELSEWHERE) and r.decision != ADD)
        refused = [m for m in r.members if import_members.fate(m, r) == "error"] \
            if inline else []
        if left or refused:
            why = sep.join(r.reasons(lang, plan.header)) if left else (
                "（本户已处理，列出供下面的成员行对照）" if lang.startswith("zh") else
                "(this family was dealt with: listed for the member rows below)")
            out.append((r.number, r.cells, why))
        if inline:
            out += [(m.number, m.cells, sep.join(m.reasons(lang, plan.header)))
                    for m in (r.members if left else refused)]
    if inline:
        out += [(m.number, m.cells, sep.join(m.reasons(lang, plan.header))) for m in plan.loose]
    return sorted(out, key=lambda t: t[0])


def members_not_imported(plan: Preview, lang: str = "zh") -> list[tuple[int, list[Any], str]]:
    """The rows of a members' sheet not imported: refused, or their family left out."""
    if plan.member_header is None:
        return []
    sep = "；" if lang.startswith("zh") else "; "
    out = []
    for head, m in plan.member_rows():
        why = m.reasons(lang, plan.member_header)
        if import_members.fate(m, head) == "skip" and m.kind == imports.NEW:
            why = [f"户主所在的第 {head.number} 行未导入" if lang.startswith("zh") else
                   f"The family's row {head.number} was not imported"] if head else why
        elif import_members.fate(m, head) != "error":
            continue
        out.append((m.number, m.cells, sep.join(why)))
    return sorted(out, key=lambda t: t[0])


def write_report(plan: Preview, path: Path, lang: str = "zh") -> Path | None:
    rows = not_imported(plan, lang)
    extra = members_not_imported(plan, lang)
    if not rows and not extra:
        return None
    try:
        return reportmod.write(path, plan.header, rows, lang, members=(
            (plan.member_sheet, plan.member_header, extra)
            if plan.member_header is not None and extra else None))
    except OSError as err:
        raise KnownError("report_unwritten", f"未导入行的报告无法保存到 {path}（{err.strerror}）",
                         f"The report of rows not imported cannot be saved to {path} "
                         f"({err.strerror})") from None


def commit(session: Session, plan: Preview, *, progress: Progress | None = None,
           cancel: threading.Event | None = None, report: Path | None = None,
           lang: str = "zh") -> Result:
    """Import the rows as decided on `plan`, in one transaction; raises ImportCancelled (and
    writes nothing) when `cancel` is set before the end. Writes the report of rows not
    imported to `report` (None: no report); KnownError, and nothing imported, when it
    cannot."""
    session.require_head("导入家庭名册", "import a family roster")
    import_id = new_id()
    total = len(plan.rows) + len(plan.loose)
    counts = plan.counts()
    with session.write():
        store.add(session.db, {
            "id": import_id, "file_name": plan.path.name, "file_sha256": plan.file_sha256,
            "sheet": plan.sheet, "volunteer_id": session.volunteer.id,
            "created_at": iso(utcnow()), **_stored(counts)})
        # ID numbers registered now (by hand since the preview too): read once, under the
        # write lock, rather than a look-up per row (which grows with the station).
        registered = {r["id_number"] for r in store.known_families(session.db)
                      if r["id_number"]}
        made: dict[int, str] = {}  # a family's row -> the family it added
        for done, row in enumerate(plan.rows, 1):
            if cancel is not None and cancel.is_set():
                raise ImportCancelled
            detail = {"import_id": import_id, "row": row.number}
            if row.family is not None and row.decision == ADD:
                number = row.family.id_number
                if number and number in registered:
                    counts["added"] -= 1  # registered by hand since the preview
                    counts["duplicates"] += 1
                else:
                    registered.add(number)
                    family = families.insert_family(session, row.family, detail=detail)
                    store.add_row(session.db, import_id, row.number, row.row_hash, family.id,
                                  "added")
                    made[row.number] = family.id
            elif row.decision == FILL and row.family_id:
                if _fill(session, row.family_id, row.fill, detail):
                    store.add_row(session.db, import_id, row.number, row.row_hash,
                                  row.family_id, "updated")
                else:
                    counts["updated"] -= 1
                    counts["duplicates"] += 1
            for m in row.members:
                target = made.get(row.number) or row.family_id
                _member(session, m, row, target, registered, counts, import_id)
            if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
                progress(done, total)
        for done, m in enumerate(plan.loose, len(plan.rows) + 1):
            if cancel is not None and cancel.is_set():
                raise ImportCancelled
            _member(session, m, None, m.family_id, registered, counts, import_id)
            if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
                progress(done, total)
        store.set_counts(session.db, import_id, _stored(counts))
        hlc = session.tick()
        session.audit("import_families", hlc, entity="import", entity_id=import_id,
                      detail={"file": plan.path.name, "sheet": plan.sheet, **counts})
        # Before the commit: a report that cannot be saved undoes the import, rather than
        # leaving rows imported that nobody was told about.
        written = write_report(plan, report, lang) if report is not None else None
    return Result(import_id, counts, written)


def _stored(counts: dict[str, int]) -> dict[str, int]:
    """The counts the import's own record keeps (its members are in its audit row)."""
    return {k: counts[k] for k in ("rows", "added", "updated", "duplicates", "errors")}


def _member(session: Session, m: MemberRow, head: Checked | None, family_id: str,
            registered: set[str], counts: dict[str, int], import_id: str) -> None:
    """A member row as decided: added through the member dialog's use case, or its member's
    blank fields filled in; counted again when the station changed since the preview."""
    fate = import_members.fate(m, head)
    if fate not in ("add", "fill"):
        return
    key = "members" if fate == "add" else "members_updated"
    detail = {"import_id": import_id, "row": m.number}
    if fate == "add" and m.member is not None and family_id:
        number = m.member.id_number
        if not number or number not in registered:
            registered.add(number)
            families.insert_member(session, family_id, m.member, detail=detail)
            return
    elif fate == "fill" and m.member_id:
        current = families.member(session, m.member_id)
        still = {k: v for k, v in m.fill.items() if getattr(current, k) in ("", None)}
        if still and still.get("id_number", "") not in registered - {""}:
            data = current.model_dump(include=set(MemberIn.model_fields)) | still
            families.update_member(session, m.member_id, data,
                                   base_change_id=current.last_change_id, detail=detail)
            return
    counts[key] -= 1  # registered since the preview (or no family to put it in)
    counts["duplicates"] += 1


def _fill(session: Session, family_id: str, fill: dict[str, Any],
          detail: dict[str, Any]) -> bool:
    """Fill the family's fields that are still blank; never overwrites. False: none was."""
    current = families.get(session, family_id)
    still = {k: v for k, v in fill.items() if getattr(current, k) in ("", None, ())}
    if not still:
        return False
    data = current.model_dump(include=set(FamilyIn.model_fields)) | still
    families.update_family(session, family_id, data, base_change_id=current.last_change_id,
                           detail=detail)
    return True


@dataclass(frozen=True)
class Detached:
    """What a worker thread needs to import on its own connection to the station file (a
    connection belongs to the thread that opened it): the signed-in session's plain data."""

    session: Session

    @contextlib.contextmanager
    def open(self) -> Iterator[Session]:
        """On the worker thread: a session of the same volunteer on a new connection."""
        s = self.session
        db = dbm.connect(s.paths.database, s.key)
        try:
            yield Session(s.paths, db, s.key, s.keyfile, s.secrets, s.device, s.station,
                          s.volunteer, screen=s.screen, kdf=s.kdf)
        finally:
            db.conn.close()  # not dbm.close: the app's own connection stays open


def commit_detached(target: Detached, plan: Preview, **kwargs: Any) -> Result:
    """`commit` on the calling (worker) thread's own connection."""
    with target.open() as session:
        return commit(session, plan, **kwargs)


def preview_detached(target: Detached, path: Path, sheet: str | None = None,
                     mapping: columns.Mapping | None = None,
                     members: imports.Members | None = None) -> Preview:
    """`imports.preview` on the calling (worker) thread's own connection."""
    with target.open() as session:
        return imports.preview(session, path, sheet, mapping, members)
