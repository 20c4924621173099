"""Creating a station, signing in, and the signed-in session every other use case takes."""

from __future__ import annotations

import contextlib
import functools
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlite_utils import Database

from helpdesk import paths as pathsmod
from helpdesk.domain import names
from helpdesk.domain.changes import Change
from helpdesk.domain.common import iso, new_id, utcnow
from helpdesk.domain.errors import Invalid
from helpdesk.domain.station import (
    Device,
    Role,
    Station,
    StationIn,
    Volunteer,
    VolunteerIn,
    provisional_station_code,
)
from helpdesk.domain.validation import validate
from helpdesk.errors import InvalidInput, KnownError
from helpdesk.services.health import station_exists
from helpdesk.store import audit, clock, devices, keys, migrations, outbox, volunteers
from helpdesk.store import db as dbm
from helpdesk.store.keys.device_secrets import Binding, DeviceSecrets, device_secrets


@dataclass
class Session:
    """A signed-in volunteer on an open station database (one per thread)."""

    paths: pathsmod.Paths
    db: Database
    key: bytes
    keyfile: keys.KeyFile
    secrets: DeviceSecrets
    device: Device
    station: Station
    volunteer: Volunteer
    new_device_reason: str | None = None
    screen: str = ""
    kdf: keys.KdfParams = field(default_factory=keys.KdfParams.default)

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """One use case: a single write transaction (BEGIN IMMEDIATE)."""
        with dbm.immediate(self.db) as db:
            yield db

    def tick(self) -> str:
        return clock.tick(self.db)

    def change(self, **kwargs: Any) -> Change:
        return outbox.append(self.db, self.device, author=self.volunteer.id, **kwargs)

    def audit(self, action: str, hlc: str, **kwargs: Any) -> None:
        audit.record(self.db, self.device, volunteer_id=self.volunteer.id, action=action,
                     hlc=hlc, screen=self.screen, **kwargs)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.station.tz)

    def today(self) -> date:
        return datetime.now(UTC).astimezone(self.tz).date()

    def require_head(self, zh: str, en: str) -> None:
        if not self.volunteer.is_head:
            raise KnownError("head_only", f"只有站长可以{zh}", f"Only a station head can {en}")

    def close(self) -> None:
        dbm.close(self.db, self.paths.database)


M = TypeVar("M", bound=BaseModel)


def checked(model: type[M], data: Mapping[str, Any] | M) -> M:
    """`data` as a valid `model`, or InvalidInput naming every wrong field in both languages."""
    if isinstance(data, model):
        return data
    try:
        return validate(model, data)  # type: ignore[arg-type]
    except Invalid as err:
        raise InvalidInput.from_invalid(err) from None


def create_station(paths: pathsmod.Paths, station: dict[str, Any], *, head_name: str,
                   head_pin: str, kdf: keys.KdfParams | None = None) -> tuple[Session, str]:
    """First run: the station, its first device, its head, the key file. Returns the session
    and the recovery code (to be shown once). Refuses when the folder already has a station."""
    opening, recovery = make_station(paths, station, head_name=head_name, head_pin=head_pin,
                                     kdf=kdf)
    return open_session(paths, opening), recovery


@dataclass(frozen=True)
class Opening:
    """The slow half of creating a station or signing in, done: the keys are derived and the
    files are in place, nothing is open. Plain data, so a worker thread can hand it back to
    the thread that then opens the database (`open_session`)."""

    keyfile: keys.KeyFile
    secrets: DeviceSecrets
    candidates: list[bytes]
    volunteer_id: str | None  # None: the recovery code, which signs in as a station head
    kdf: keys.KdfParams


def open_session(paths: pathsmod.Paths, opening: Opening) -> Session:
    """The quick half: open the database on this thread and audit the sign-in."""
    return _open(paths, opening.keyfile, opening.secrets, opening.candidates,
                 opening.volunteer_id, opening.kdf)


def make_station(paths: pathsmod.Paths, station: dict[str, Any], *, head_name: str,
                 head_pin: str, kdf: keys.KdfParams | None = None) -> tuple[Opening, str]:
    """The files of a new station (the slow part of `create_station`, safe on a worker
    thread): the opening for `open_session` and the recovery code."""
    kdf = kdf or keys.KdfParams.default()
    if station_exists(paths):
        raise KnownError("station_exists", f"{paths.data_dir} 中已有站点",
                         f"{paths.data_dir} already has a station")
    try:
        station_in = validate(StationIn, station)
        head_in = validate(VolunteerIn, {"name": head_name, "pin": head_pin, "role": "head"})
    except Invalid as err:
        raise InvalidInput.from_invalid(err) from None
    paths.ensure()
    # Both files are made under new names, then renamed into place, the key file first: a
    # crash leaves hidden leftovers, or at worst a key file alone, which first run refuses.
    tag = uuid.uuid4().hex[:8]
    new_keys = paths.key_file.with_name(f".{paths.key_file.name}.new-{tag}")
    new_db = paths.database.with_name(f".{paths.database.name}.new-{tag}")
    secrets = device_secrets(paths.config_dir)
    made = [new_keys, new_db, *(new_db.with_name(new_db.name + s) for s in ("-wal", "-shm"))]
    try:
        master, recovery, head_id = _make_station(new_keys, new_db, secrets, station_in,
                                                  head_in, head_pin, kdf)
        if station_exists(paths):  # another process made one meanwhile
            raise KnownError("station_exists", f"{paths.data_dir} 中已有站点",
                             f"{paths.data_dir} already has a station")
    except BaseException:
        for leftover in made:  # only what this call has just made
            leftover.unlink(missing_ok=True)
        raise
    finally:
        new_keys.with_name(new_keys.name + ".lock").unlink(missing_ok=True)
    new_keys.rename(paths.key_file)
    new_db.rename(paths.database)
    keyfile = keys.KeyFile.load(paths.key_file)
    return Opening(keyfile, secrets, [master], head_id, kdf), recovery


def _make_station(key_file: Path, database: Path, secrets: DeviceSecrets, station_in: StationIn,
                  head_in: VolunteerIn, head_pin: str, kdf: keys.KdfParams
                  ) -> tuple[bytes, str, str]:
    """The new station's two files at the given names: (master key, recovery code, head id)."""
    head_id = new_id()
    keyfile, master, recovery = keys.KeyFile.create(
        key_file, head_id=head_id, head_name=head_in.name, head_pin=head_pin,
        secrets=secrets, kdf=kdf)
    db = dbm.connect(database, master, create=True)
    migrations.apply(db)
    now = iso(utcnow())
    with dbm.immediate(db):
        device = devices.start_new(db, "first run")
        hlc = clock.tick(db)
        record = Station(id=new_id(), code=provisional_station_code(), hlc=hlc,
                         **station_in.model_dump())
        head = Volunteer(id=head_id, name=head_in.name, role=Role.HEAD, created_at=now, hlc=hlc)
        volunteers.put_station(db, record)
        volunteers.put(db, head)
        outbox.append(db, device, entity="station", entity_id=record.id, op="put",
                      state=record.model_dump(mode="json"), hlc=hlc, author=head.id)
        outbox.append(db, device, entity="volunteer", entity_id=head.id, op="put",
                      state=head.model_dump(mode="json"), hlc=hlc, author=head.id)
        audit.record(db, device, volunteer_id=head.id, action="station_created", hlc=hlc,
                     entity="station", entity_id=record.id, screen="first_run")
    binding = secrets.load(keyfile.install_id)
    assert binding is not None, "KeyFile.create makes the device secret"
    devices.bind(db, secrets, keyfile.install_id, binding.secret)
    dbm.close(db, database)
    return master, recovery, head_id


def holders(paths: pathsmod.Paths) -> list[keys.Holder]:
    """The volunteers who can sign in, readable before signing in (the sign-in screen)."""
    return keys.KeyFile.load(paths.key_file).holders()


def sign_in(paths: pathsmod.Paths, who: str, pin: str, *,
            kdf: keys.KdfParams | None = None) -> Session:
    """Unlock the station with a volunteer's name (or id) and PIN; audit the sign-in.

    Raises KnownError for a wrong PIN (with attempts left), a lock-out (with the time left),
    a missing device secret (use the recovery code), a damaged file.
    """
    return open_session(paths, unlock(paths, who, pin, kdf=kdf))


def unlock(paths: pathsmod.Paths, who: str, pin: str, *,
           kdf: keys.KdfParams | None = None) -> Opening:
    """The slow half of `sign_in` (the PIN's key derivation), safe on a worker thread."""
    _require_station(paths)
    keyfile = keys.KeyFile.load(paths.key_file)
    holder = next((h for h in keyfile.holders() if who in (h.id, h.name)), None)
    if holder is None:
        raise KnownError("unknown_volunteer", f"没有名为“{who}”的志愿者",
                         f"There is no volunteer called '{who}'")
    secrets = device_secrets(paths.config_dir)
    unlocked = keyfile.unlock(holder.id, pin, secrets)
    candidates = [k for k in (unlocked.master_key, unlocked.pending_key) if k]
    return Opening(keyfile, secrets, candidates, holder.id, kdf or keys.KdfParams.default())


def sign_in_with_recovery(paths: pathsmod.Paths, code: str, *,
                          kdf: keys.KdfParams | None = None) -> Session:
    """Unlock with the recovery code (new laptop, lost device secret), as the station head.

    On a machine without this station's device secret a new one is made, and the database
    becomes a new device; volunteers then need new PINs (`volunteers.reset_pin`).
    """
    return open_session(paths, unlock_with_recovery(paths, code, kdf=kdf))


def unlock_with_recovery(paths: pathsmod.Paths, code: str, *,
                         kdf: keys.KdfParams | None = None) -> Opening:
    """The slow half of `sign_in_with_recovery`, safe on a worker thread."""
    _require_station(paths)
    keyfile = keys.KeyFile.load(paths.key_file)
    unlocked = keyfile.unlock_with_recovery(code)
    secrets = device_secrets(paths.config_dir)
    if secrets.load(keyfile.install_id) is None:
        secrets.save(keyfile.install_id, Binding.new())
    candidates = [k for k in (unlocked.master_key, unlocked.pending_key) if k]
    return Opening(keyfile, secrets, candidates, None, kdf or keys.KdfParams.default())


def _require_station(paths: pathsmod.Paths) -> None:
    """HalfStation for one of the two files alone; a KnownError for an empty folder."""
    if not station_exists(paths):
        raise KnownError("no_station", f"{paths.data_dir} 中没有站点：先运行 helpdesk 完成首次设置",
                         f"No station in {paths.data_dir}: run helpdesk first to set one up")


def _open(paths: pathsmod.Paths, keyfile: keys.KeyFile, secrets: DeviceSecrets,
          candidates: list[bytes], volunteer_id: str | None, kdf: keys.KdfParams) -> Session:
    opened, key = dbm.open_database(paths.database, candidates)
    try:
        return _start(paths, opened.db, key, keyfile, secrets, candidates, volunteer_id, kdf)
    except BaseException as err:
        if isinstance(err, KnownError) and not isinstance(err, dbm.StoreError):
            dbm.close(opened.db, paths.database)  # a refusal: the file itself is fine
        else:
            opened.db.conn.close()  # the unclean-exit marker stays: the next open checks it
        raise


def _start(paths: pathsmod.Paths, db: Database, key: bytes, keyfile: keys.KeyFile,
           secrets: DeviceSecrets, candidates: list[bytes], volunteer_id: str | None,
           kdf: keys.KdfParams) -> Session:
    if len(candidates) > 1:  # a re-key was under way when the app stopped: finish it
        if key == candidates[1]:
            keyfile.commit_rekey()
        else:
            keyfile.abort_rekey()
    binding = secrets.load(keyfile.install_id)
    if binding is None:
        raise keys.NoDeviceSecret(secrets.where())
    device, reason = devices.bind(db, secrets, keyfile.install_id, binding.secret)
    station = volunteers.station(db)
    if volunteer_id is None:
        volunteer = next(v for v in volunteers.active(db) if v.is_head)
    else:
        found = volunteers.get(db, volunteer_id)
        if found is None or not found.active:
            raise KnownError("volunteer_removed", "该志愿者已被移除", "This volunteer was removed")
        volunteer = found
    assert station is not None
    session = Session(paths, db, key, keyfile, secrets, device, station, volunteer, reason,
                      screen="sign_in", kdf=kdf)
    with session.write():
        hlc = session.tick()
        session.audit("sign_in" if volunteer_id else "recovery_sign_in", hlc,
                      detail={"new_device": reason} if reason else None)
    session.screen = ""
    return session


@functools.lru_cache(maxsize=4096)  # a roster import asks for each name twice
def pinyin_of(name: str) -> tuple[str, str]:
    key = names.pinyin_keys(name)
    return " ".join(key.syllables), key.initials
