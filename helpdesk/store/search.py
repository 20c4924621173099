"""Finding a family as the volunteer types: by name, pinyin, ID or phone tail, or a member.

Every query form is answered from an index, never a scan of `families` or `members`:

- names: an FTS5 table whose columns hold each name's characters separated by spaces, so a
  phrase query finds 1, 2 or 3+ characters anywhere in a name (trigram needs 3); exact names and
  name prefixes use an index on `head_name`;
- pinyin: indexes on the concatenated syllables and on the initials, searched by range (prefix);
- ID and phone tails: expression indexes on the reversed strings, searched by range;
- merged families are left out through partial indexes (`merged_into IS NULL`).

Triggers keep the FTS table in step with `families` and `members`; `install` creates it all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from sqlite_utils import Database

Why = Literal["id_exact", "id_tail", "phone", "name", "pinyin", "member"]

MAX_NAME = 40  # names are at most 40 characters (domain.names), so the FTS text holds them all
MAX_TAIL = 20  # longest ID or phone tail searched; an 18-character ID is searched whole too
ID_LENGTH = 18
_TOP = "\U0010ffff"  # sorts after every character: `x >= q AND x < q || _TOP` is a prefix range


def _reversed(column: str) -> str:
    # SQLite has no reverse(); negative substr() positions count from the end, and give '' past
    # the start, so this reverses any string up to MAX_TAIL characters with built-ins only, and
    # the index works for every SQLite that opens the file (no function to register).
    parts = "||".join(f"substr({column},-{i},1)" for i in range(1, MAX_TAIL + 1))
    return f"upper({parts})"


def _spaced(column: str) -> str:
    # The name's characters separated by spaces: one FTS token per character.
    return "||' '||".join(f"substr({column},{i},1)" for i in range(1, MAX_NAME + 1))


# These expressions are schema: a query uses an expression index only if it spells the same
# expression. Changing one needs a new migration that recreates its index (the query-plan test
# in tests/store/test_search.py fails otherwise).
ID_TAIL = _reversed("id_number")
PHONE_TAIL = _reversed("phone")
MEMBER_ID_TAIL = _reversed("members.id_number")
PINYIN_FULL = "replace(name_pinyin,' ','')"


@dataclass(frozen=True)
class Hit:
    """One family found, and the best reason it was found for."""

    family_id: str
    head_name: str
    why: Why


def _doc_triggers(table: str, owner_family: str, owner_member: str, column: str,
                  fts_column: str, watched: str) -> str:
    """Triggers keeping one row of `table` in step with its document in `search_names`.

    A document is keyed by (family_id, member_id) in `search_docs`, whose INTEGER PRIMARY KEY
    is the FTS rowid: the rowids of `families` and `members` are not stable across VACUUM.
    The insert trigger first drops a document left by INSERT OR REPLACE, whose implicit
    delete fires no delete trigger unless recursive_triggers is on.
    """
    def doc(row: str) -> str:
        return (f"(SELECT doc FROM search_docs WHERE family_id = {row}.{owner_family} "
                f"AND member_id = {owner_member.format(row=row)})")

    def drop(row: str) -> str:
        return (f"DELETE FROM search_names WHERE rowid = {doc(row)};\n"
                f"DELETE FROM search_docs WHERE family_id = {row}.{owner_family} "
                f"AND member_id = {owner_member.format(row=row)};\n")

    add = (f"INSERT INTO search_docs(family_id, member_id) "
           f"VALUES (new.{owner_family}, {owner_member.format(row='new')});\n"
           f"INSERT INTO search_names(rowid, {fts_column}) "
           f"SELECT {doc('new')}, {_spaced('new.' + column)};\n")
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in watched.split(", "))
    return f"""
CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN
{drop('new')}{add}END;
CREATE TRIGGER search_{table}_au AFTER UPDATE OF {watched} ON {table} WHEN {changed} BEGIN
{drop('old')}{add}END;
CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN
{drop('old')}END;
"""


SCHEMA = f"""
CREATE TABLE search_docs (
    doc INTEGER PRIMARY KEY,
    family_id TEXT NOT NULL,
    member_id TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX search_docs_owner ON search_docs(family_id, member_id);
CREATE VIRTUAL TABLE search_names USING fts5(
    head, member, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
);
CREATE INDEX search_families_name ON families(head_name) WHERE merged_into IS NULL;
CREATE INDEX search_families_pinyin ON families({PINYIN_FULL}) WHERE merged_into IS NULL;
CREATE INDEX search_families_initials ON families(name_initials) WHERE merged_into IS NULL;
CREATE INDEX search_families_id_tail ON families({ID_TAIL})
    WHERE merged_into IS NULL AND id_number != '';
CREATE INDEX search_families_phone_tail ON families({PHONE_TAIL})
    WHERE merged_into IS NULL AND phone != '';
CREATE INDEX search_members_id_tail ON members({_reversed('id_number')}) WHERE id_number != '';
{_doc_triggers('families', 'id', "''", 'head_name', 'head', 'id, head_name')}
{_doc_triggers('members', 'family_id', '{row}.id', 'name', 'member', 'id, family_id, name')}
"""


def install(db: Database) -> None:
    """Create the search tables, indexes and triggers (DDL only; run inside a migration)."""
    for statement in _statements(SCHEMA):
        db.execute(statement)


def rebuild(db: Database) -> None:
    """Refill the search tables from `families` and `members`, in the caller's transaction.

    For repair, and for bulk loads that are faster with the triggers dropped and rebuilt.
    """
    db.execute("INSERT INTO search_names(search_names) VALUES ('delete-all')")
    db.execute("DELETE FROM search_docs")
    db.execute("INSERT INTO search_docs(family_id, member_id) SELECT id, '' FROM families")
    db.execute("INSERT INTO search_docs(family_id, member_id) SELECT family_id, id FROM members")
    db.execute(f"""INSERT INTO search_names(rowid, head)
        SELECT d.doc, {_spaced('f.head_name')} FROM search_docs d
        JOIN families f ON f.id = d.family_id WHERE d.member_id = ''""")
    db.execute(f"""INSERT INTO search_names(rowid, member)
        SELECT d.doc, {_spaced('m.name')} FROM search_docs d
        JOIN members m ON m.id = d.member_id AND m.family_id = d.family_id""")


def drop_triggers(db: Database) -> None:
    """Drop the triggers, for a bulk load followed by `install_triggers` and `rebuild`."""
    for table in ("families", "members"):
        for suffix in ("ai", "au", "ad"):
            db.execute(f"DROP TRIGGER IF EXISTS search_{table}_{suffix}")


def install_triggers(db: Database) -> None:
    """Create the triggers again after `drop_triggers`."""
    for statement in _statements(SCHEMA):
        if statement.startswith("CREATE TRIGGER"):
            db.execute(statement)


def index_new(db: Database, family_ids: list[str], members: list[tuple[str, str]]) -> None:
    """Index families and members (`(family_id, member_id)`) just inserted while the
    triggers were dropped, as their insert triggers would have: set-based, in the caller's
    transaction. A bulk insert of a thousand rows indexes several times faster this way than
    row by row through the triggers (bench/sync.py --first-pull)."""
    keys = [(f, "") for f in family_ids] + members
    if not keys:
        return
    wanted = set(keys)
    stale: list[int] = []  # documents a row deleted without its trigger left behind
    owners = sorted({f for f, _ in keys})
    for n in range(0, len(owners), 500):
        chunk = owners[n:n + 500]
        marks = ",".join("?" for _ in chunk)
        stale += [int(doc) for doc, f, m in db.execute(
            f"SELECT doc, family_id, member_id FROM search_docs WHERE family_id IN ({marks})",
            chunk).fetchall() if (f, m) in wanted]
    if stale:
        db.conn.executemany("DELETE FROM search_names WHERE rowid = ?", [[d] for d in stale])
        db.conn.executemany("DELETE FROM search_docs WHERE doc = ?", [[d] for d in stale])
    before = db.execute("SELECT coalesce(max(doc), 0) FROM search_docs").fetchone()[0]
    db.conn.executemany("INSERT INTO search_docs(family_id, member_id) VALUES (?, ?)", keys)
    db.execute(f"""INSERT INTO search_names(rowid, head)
        SELECT d.doc, {_spaced('f.head_name')} FROM search_docs d
        JOIN families f ON f.id = d.family_id WHERE d.doc > ? AND d.member_id = ''""",
               [before])
    db.execute(f"""INSERT INTO search_names(rowid, member)
        SELECT d.doc, {_spaced('m.name')} FROM search_docs d
        JOIN members m ON m.id = d.member_id AND m.family_id = d.family_id
        WHERE d.doc > ? AND d.member_id != ''""", [before])


def search(db: Database, query: str, *, limit: int = 50) -> list[Hit]:
    """Families matching what was typed, best first, at most `limit`; merged ones left out.

    Order: exact ID, ID tail, phone tail, exact name, name prefix, name containing the
    characters, pinyin prefix, initials prefix, a member's name or ID. A family appears once,
    for its best reason. Read-only; never raises for any text typed.
    """
    hits: list[Hit] = []
    seen: set[str] = set()
    for why, sql, params in _steps(query):
        wanted = limit - len(hits)
        if wanted <= 0:
            break
        # Rows already found may come back; fetch enough to still fill the page.
        for family_id, head_name in db.execute(sql, [*params, wanted + len(seen)]).fetchall():
            if family_id not in seen and len(hits) < limit:
                seen.add(family_id)
                hits.append(Hit(family_id, head_name, why))
    return hits


def query_plans(db: Database, query: str) -> list[tuple[Why, list[str]]]:
    """EXPLAIN QUERY PLAN of every statement `search` runs for `query` (tests, benchmarks)."""
    return [
        (why, [row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + sql, [*params, 1])])
        for why, sql, params in _steps(query)
    ]


_FAMILY = "SELECT id, head_name FROM families WHERE merged_into IS NULL AND "
_FTS = ("SELECT f.id, f.head_name FROM search_names CROSS JOIN search_docs d "
        "ON d.doc = search_names.rowid CROSS JOIN families f ON f.id = d.family_id "
        "WHERE search_names MATCH ? AND f.merged_into IS NULL LIMIT ?")
_STEPS: dict[str, tuple[Why, str]] = {
    "id_exact": ("id_exact", _FAMILY + "id_number != '' AND id_number = ? LIMIT ?"),
    "id_tail": ("id_tail", _FAMILY + f"id_number != '' AND {ID_TAIL} >= ? AND {ID_TAIL} < ? "
                f"ORDER BY {ID_TAIL} LIMIT ?"),
    "phone": ("phone", _FAMILY + f"phone != '' AND {PHONE_TAIL} >= ? AND {PHONE_TAIL} < ? "
              f"ORDER BY {PHONE_TAIL} LIMIT ?"),
    "member_id": ("member", "SELECT f.id, f.head_name FROM members CROSS JOIN families f "
                  "ON f.id = members.family_id WHERE members.id_number != '' AND "
                  f"{MEMBER_ID_TAIL} >= ? AND {MEMBER_ID_TAIL} < ? AND f.merged_into IS NULL "
                  f"ORDER BY {MEMBER_ID_TAIL} LIMIT ?"),
    "name_exact": ("name", _FAMILY + "head_name = ? LIMIT ?"),
    "name_prefix": ("name", _FAMILY + "head_name >= ? AND head_name < ? "
                    "ORDER BY head_name LIMIT ?"),
    "name_fts": ("name", _FTS),
    "pinyin": ("pinyin", _FAMILY + f"{PINYIN_FULL} >= ? AND {PINYIN_FULL} < ? "
               f"ORDER BY {PINYIN_FULL} LIMIT ?"),
    "initials": ("pinyin", _FAMILY + "name_initials >= ? AND name_initials < ? "
                 "ORDER BY name_initials LIMIT ?"),
    "member_fts": ("member", _FTS),
}

_DIGITS_RE = re.compile(r"[0-9]+[xX]?")
_NUMBER_NOISE_RE = re.compile(r"[\s\-]+")  # people type 138-0013 8000
_DOTS_RE = re.compile(r"\s*[·・•‧･⋅∙]\s*")


def _steps(query: str) -> Iterator[tuple[Why, str, list[Any]]]:
    """The statements answering `query`, best reason first, each with its parameters but LIMIT."""
    text = unicodedata.normalize("NFKC", query).strip()
    compact = _NUMBER_NOISE_RE.sub("", text)
    if _DIGITS_RE.fullmatch(compact):
        yield from _number_steps(compact.upper())
        return
    text = _DOTS_RE.sub("·", " ".join(text.split()))
    tokens = [ch for ch in text if ch.isalnum()]
    if not tokens:
        return
    yield _step("name_exact", text)
    has_han = any(_is_han(ch) for ch in text)
    if has_han:
        yield _step("name_prefix", text, text + _TOP)
        yield _step("name_fts", _phrase("head", tokens))
    key = _pinyin_key(text)
    if key and not has_han:
        yield _step("pinyin", key, key + _TOP)
        yield _step("initials", key, key + _TOP)
    if has_han:
        yield _step("member_fts", _phrase("member", tokens))


def _number_steps(number: str) -> Iterator[tuple[Why, str, list[Any]]]:
    if len(number) < 2:
        return  # one digit matches a tenth of everyone: wait for the next keystroke
    if len(number) == ID_LENGTH:
        yield _step("id_exact", number)
    if len(number) <= MAX_TAIL:
        tail = number[::-1]
        yield _step("id_tail", tail, tail + _TOP)
        if number.isdigit():
            yield _step("phone", tail, tail + _TOP)
        yield _step("member_id", tail, tail + _TOP)


def _step(name: str, *params: Any) -> tuple[Why, str, list[Any]]:
    why, sql = _STEPS[name]
    return why, sql, list(params)


def _phrase(column: str, tokens: list[str]) -> str:
    # Each token is one letter or digit, quoted (quotes doubled) so that no FTS5 syntax
    # (" * : ( ) - ^ NEAR AND OR NOT) typed by the user can reach the query parser.
    body = " ".join(t.replace('"', '""') for t in tokens)
    return f'{column} : "{body}"'


def _pinyin_key(text: str) -> str:
    """What was typed as pinyin: lower-case letters and digits, tones and spaces dropped."""
    text = text.lower().replace("ü", "v")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


def _is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


def _statements(script: str) -> list[str]:
    # Triggers hold several statements; split on the END that closes each one.
    out: list[str] = []
    buf = ""
    for part in script.split(";"):
        buf += part + ";"
        inside_trigger = buf.lstrip().startswith("CREATE TRIGGER")
        if not inside_trigger or buf.rstrip().endswith("END;"):
            if buf.strip(" \n;"):
                out.append(buf.strip().rstrip(";"))
            buf = ""
    return out
