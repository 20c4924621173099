"""New devices (DESIGN.md "Sync protocol" point 8): a database restored from a backup and one
copied to a second laptop both become new devices; nothing collides and nothing is lost."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.domain.aid import Aid
from helpdesk.server import storage as st
from helpdesk.services import aid as aidcases
from helpdesk.services import backups, demo, receipts
from helpdesk.services import session as sessions
from helpdesk.store import aid as aid_store
from helpdesk.store import keys
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN, STATION
from tests.server import support
from tests.services import helpers
from tests.sync.test_client import enroll


def _register(s: sessions.Session, http: support.Client) -> None:
    own = receipts.signing_key(s).public_key
    sync.register_device(s.db, http, device=s.device,
                         device_public_key=base64.b64encode(own).decode())


def test_restored_and_copied_databases_become_new_devices(
        tmp_path: Path, fast_kdf: keys.KdfParams, client: support.Client,
        engine: Engine) -> None:
    paths1 = pathsmod.Paths(tmp_path / "laptop1", tmp_path / "config1")
    s1, recovery = sessions.create_station(paths1, STATION, head_name=HEAD, head_pin=PIN,
                                           kdf=fast_kdf)
    demo.ensure_programmes(s1)
    enroll(s1, client, engine)
    family = helpers.register(s1).id
    first = aidcases.give_aid(s1, helpers.cash_aid(s1, family, amount="100"))
    sync.push(s1.db, client)
    backup = backups.backup_now(s1)
    after_backup = aidcases.give_aid(s1, helpers.cash_aid(s1, family, prefix="YLJZ",
                                                          amount="200"))
    sync.push(s1.db, client)  # the old device pushed this after the backup was taken
    old_device = s1.device
    s1.close()
    paths2 = pathsmod.Paths(tmp_path / "laptop2", tmp_path / "config2")
    shutil.copytree(paths1.data_dir, paths2.data_dir)
    backups.restore(paths1, backup)
    restored = sessions.sign_in(paths1, HEAD, PIN, kdf=fast_kdf)
    copied = sessions.sign_in_with_recovery(paths2, recovery, kdf=fast_kdf)
    try:
        assert restored.new_device_reason == "restored"
        assert copied.new_device_reason == "copied"
        devices = [old_device, restored.device, copied.device]
        assert len({d.id for d in devices}) == len({d.code for d in devices}) == 3
        assert restored.device.epoch > old_device.epoch
        for s in (restored, copied):
            _register(s, client)
            sync.pull(s.db, client)  # the station's history comes back first
            assert {a.id for a in all_aid(s)} >= {first.id, after_backup.id}
        given = [aidcases.give_aid(s, helpers.cash_aid(s, family, prefix="YLJZ", amount="50"))
                 for s in (restored, copied)]
        for s in (restored, copied):
            pushed = sync.push(s.db, client)
            assert pushed.quarantined == pushed.rejected == 0 and pushed.accepted > 0
        numbers = [a.receipt_no for a in (first, after_backup, *given)]
        assert len(set(numbers)) == 4
        with st.read(engine) as conn:
            on_server = {r.id for r in conn.execute(st.aid.select())}
            quarantined = conn.execute(st.quarantine.select()).all()
        assert {first.id, after_backup.id, *(a.id for a in given)} <= on_server
        assert quarantined == []
        for s in (restored, copied):
            sync.pull(s.db, client)
            assert {a.id for a in all_aid(s)} == {first.id, after_backup.id,
                                                      *(a.id for a in given)}
    finally:
        restored.close()
        copied.close()


def all_aid(s: sessions.Session) -> list[Aid]:
    return [a for f in s.db.execute("SELECT id FROM families").fetchall()
            for a in aid_store.of_family(s.db, f[0])]
