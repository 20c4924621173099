"""The station's two files: never deleted, overwritten or written into when they cannot be
opened; a damaged, empty or full-disk station says so in both languages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpdesk import paths as pathsmod
from helpdesk.errors import KnownError
from helpdesk.services import backups, health
from helpdesk.services import session as sessions
from helpdesk.store import db as dbm
from helpdesk.store import keys
from tests.conftest import HEAD, PIN, STATION
from tests.services.helpers import register


def _bytes(*files: Path) -> list[bytes | None]:
    return [f.read_bytes() if f.exists() else None for f in files]


def _closed(station: sessions.Session) -> pathsmod.Paths:
    station.close()
    return station.paths


def test_a_database_without_its_key_file_is_refused_and_kept(station, fast_kdf) -> None:
    paths = _closed(station)
    paths.key_file.rename(paths.data_dir / "elsewhere.json")
    before = _bytes(paths.database, paths.key_file)
    for attempt in (lambda: sessions.create_station(paths, STATION, head_name=HEAD,
                                                    head_pin=PIN, kdf=fast_kdf),
                    lambda: sessions.sign_in(paths, HEAD, PIN),
                    lambda: health.station_exists(paths)):
        with pytest.raises(health.HalfStation) as err:
            attempt()
        assert err.value.code == "key_file_missing"
        assert "station.keys.json" in err.value.en and "station.keys.json" in err.value.zh
        assert "Nothing was changed" in err.value.en and "helpdesk restore" in err.value.en
    assert _bytes(paths.database, paths.key_file) == before


def test_a_key_file_without_its_database_is_refused_and_kept(station, fast_kdf) -> None:
    paths = _closed(station)
    paths.database.rename(paths.data_dir / "elsewhere.db")
    before = _bytes(paths.key_file)
    with pytest.raises(health.HalfStation) as err:
        sessions.create_station(paths, STATION, head_name=HEAD, head_pin=PIN, kdf=fast_kdf)
    assert err.value.code == "database_missing" and "station.db" in err.value.en
    assert "未做任何改动" in err.value.zh
    assert _bytes(paths.key_file) == before and not paths.database.exists()
    assert sorted(p.name for p in paths.data_dir.iterdir() if p.name.startswith(".")) == []


def test_an_empty_database_is_refused_untouched(station) -> None:
    paths = _closed(station)
    paths.database.write_bytes(b"")
    with pytest.raises(dbm.Damaged) as err:
        sessions.sign_in(paths, HEAD, PIN)
    assert "0 bytes" in err.value.en and "0 字节" in err.value.zh
    assert isinstance(err.value, KnownError)
    assert paths.database.stat().st_size == 0


def test_a_damaged_page_names_the_newest_backup(station) -> None:
    station.db.execute("CREATE TABLE filler(x)")
    with station.write():
        for _ in range(2000):
            station.db.execute("INSERT INTO filler VALUES (?)", [os.urandom(200)])
    backups.backup_now(station)
    newest = backups.backups.listing(station.paths.backups)[0]
    station.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    paths = station.paths
    station.db.conn.close()  # as after a crash: the unclean-exit marker stays
    with paths.database.open("r+b") as f:
        f.seek(paths.database.stat().st_size // 2)
        f.write(os.urandom(8192))
    damaged = paths.database.read_bytes()
    with pytest.raises(dbm.Damaged) as err:
        sessions.sign_in(paths, HEAD, PIN)
    assert f"helpdesk restore {newest}" in err.value.en and str(newest) in err.value.zh
    assert paths.database.read_bytes() == damaged

    moved = backups.restore(paths, newest)  # the way back, keeping the damaged file aside
    assert [p.read_bytes() for p in moved if p.name.startswith("station.db.replaced")] == [damaged]
    sessions.sign_in(paths, HEAD, PIN).close()


def test_a_full_disk_mid_write_loses_nothing_committed(station) -> None:
    register(station)
    count = station.db.execute("SELECT count(*) FROM families").fetchone()[0]
    pages = station.db.execute("PRAGMA page_count").fetchone()[0]
    # SQLite's own limit: the file cannot grow, so writes fail with the real SQLITE_FULL.
    station.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(dbm.DiskFull) as err, station.write():
        station.db.execute("CREATE TABLE filler(x)")
        for _ in range(1000):
            station.db.execute("INSERT INTO filler VALUES (?)", [os.urandom(4000)])
    assert err.value.en == "The disk is full: free some space; nothing was lost."
    assert "磁盘已满" in err.value.zh
    assert station.db.execute("SELECT count(*) FROM families").fetchone()[0] == count
    station.db.execute("PRAGMA max_page_count = 1073741823")
    with station.write():  # once there is room, work goes on
        dbm.set_meta(station.db, "after_full", "1")
    assert dbm.meta(station.db, "after_full") == "1"


def test_the_store_errors_are_known_errors() -> None:
    assert issubclass(keys.KeysError, KnownError) and issubclass(dbm.StoreError, KnownError)
    assert keys.WrongPin(1, 4).code == "wrong_pin"
