"""Station migrations m009–m013: the station's paperwork (roster imports, closes of the cash
day, paper sheets typed back, the union's hardship tiers, the union office's decisions on
duplicate-aid alerts). Registered by `store.migrations` after m008, in this order; like every
migration, never edited once released.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database


def m009_imports(db: Database) -> None:
    # Rosters brought in from spreadsheets: each import, and the family each of its rows added
    # or filled in (the station's own bookkeeping, not synced: the families travel as usual).
    # `row_hash` finds a row imported before, so a re-import of the same file adds nothing.
    db.execute("""CREATE TABLE imports (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        sheet TEXT NOT NULL,
        volunteer_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        rows INTEGER NOT NULL,
        added INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        duplicates INTEGER NOT NULL,
        errors INTEGER NOT NULL
    )""")
    db.execute("""CREATE TABLE import_rows (
        import_id TEXT NOT NULL REFERENCES imports(id),
        row_number INTEGER NOT NULL,
        row_hash TEXT NOT NULL,
        family_id TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('added', 'updated')),
        PRIMARY KEY (import_id, row_number)
    )""")
    db.execute("CREATE INDEX import_rows_hash ON import_rows(row_hash)")
    db.execute("CREATE INDEX import_rows_family ON import_rows(family_id)")


def m010_day_closes(db: Database) -> None:
    # Closes of the cash day (`domain.closes`): a day with a close not reopened is closed, so
    # at most one such close per day; reopened ones stay as the day's history.
    db.execute("""
        CREATE TABLE IF NOT EXISTS day_closes (
            id TEXT PRIMARY KEY,
            station_id TEXT NOT NULL,
            day TEXT NOT NULL,
            float_fen INTEGER NOT NULL,
            cash_out_fen INTEGER NOT NULL,
            aid_count INTEGER NOT NULL,
            expected_fen INTEGER NOT NULL,
            counts TEXT NOT NULL,
            counted_fen INTEGER NOT NULL,
            difference_fen INTEGER NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            closed_by TEXT NOT NULL,
            witness_id TEXT NOT NULL,
            closed_at TEXT NOT NULL,
            device_id TEXT NOT NULL,
            reopened_at TEXT,
            reopened_by TEXT,
            reopen_reason TEXT NOT NULL DEFAULT '',
            hlc TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX IF NOT EXISTS day_closes_day ON day_closes(day, closed_at)")
    db.execute("CREATE UNIQUE INDEX IF NOT EXISTS day_closes_open ON day_closes(day) "
               "WHERE reopened_at IS NULL")


def m011_paper_sheets(db: Database) -> None:
    # Printed paper sheets (roster, blank signature sheet) with the number each was issued,
    # and the aid typed back from them: sheet, line, entry time and who entered it, and the
    # photo or scan of the sheet, stored once by its hash as signatures are. A line is typed
    # back once per device (another laptop's entries arrive by sync and are checked by the
    # service before entering, naming the receipt already given for that line).
    db.execute("""CREATE TABLE paper_sheets (
        number TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('roster', 'blank')),
        programme_id TEXT,
        lines INTEGER NOT NULL,
        printed_at TEXT NOT NULL,
        printed_by TEXT NOT NULL,
        device_id TEXT NOT NULL
    )""")
    db.execute("""CREATE TABLE paper_scans (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        data BLOB NOT NULL
    )""")
    for column in ("paper_sheet TEXT", "paper_line INTEGER", "entered_at TEXT",
                   "entered_by TEXT", "paper_scan_hash TEXT"):
        db.execute(f"ALTER TABLE aid ADD COLUMN {column}")
    db.execute("CREATE UNIQUE INDEX aid_paper_line ON aid(device_id, paper_sheet, paper_line) "
               "WHERE paper_sheet IS NOT NULL AND voided_at IS NULL")
    db.execute("CREATE INDEX aid_paper_sheet ON aid(paper_sheet, paper_line) "
               "WHERE paper_sheet IS NOT NULL")


def m012_hardship_tiers(db: Database) -> None:
    # The union's hardship tier of a family (set when a station head confirms it) and the
    # yearly essential spending its suggestion subtracts; both NULL when not known.
    db.execute("ALTER TABLE families ADD COLUMN essential_spending_fen INTEGER")
    db.execute("ALTER TABLE families ADD COLUMN tier TEXT")
    # What the Reports page needs of each family its aid reached, in one covering index: at
    # 200k families, looking 9,000 families up through it took 0.15 s, against 0.4 s
    # through the id's own index and the table (store.reports).
    db.execute("CREATE INDEX families_report ON families(id, merged_into, employment, tier, "
               "reasons)")


def m013_decisions(db: Database) -> None:
    # The union office's decision on a duplicate-aid alert of the region (pulled from the
    # server, one per alert: the alert's station and aid id are the key): "allowed" with the
    # reason why, or "ask_void" (the alert's station is asked to void that aid). A station
    # head dismisses it from the Review page once read.
    db.execute("""CREATE TABLE decisions (
        station_code TEXT NOT NULL,
        aid_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('allowed', 'ask_void')),
        reason TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        server_seq INTEGER NOT NULL,
        dismissed_at TEXT,
        dismissed_by TEXT,
        PRIMARY KEY (station_code, aid_id)
    )""")


STEPS: tuple[Callable[[Database], None], ...] = (
    m009_imports, m010_day_closes, m011_paper_sheets, m012_hardship_tiers, m013_decisions)
