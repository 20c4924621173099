"""Two real processes giving aid on one station at once: receipt numbers stay gap-free."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpdesk.services import aid as aidcases
from helpdesk.services import session as sessions
from helpdesk.store import outbox
from tests.conftest import HEAD, PIN
from tests.services.helpers import register

WRITER = textwrap.dedent("""
    import sys
    from helpdesk import paths
    from helpdesk.services import aid, session
    from helpdesk.services.aid import Approval
    from helpdesk.store import keys
    keys.KdfParams.default = classmethod(lambda cls: cls.fast())
    s = session.sign_in(paths.resolve(None), "admin", "123456")
    family_id, programme_id, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for i in range(count):
        aid.give_aid(s, {"family_id": family_id, "programme_id": programme_id, "kind": "cash",
                         "amount_fen": 1000 + i, "signature_png": b"\\x89PNG-"},
                     cap_approval=Approval(s.volunteer.id, "test", "123456"))
    s.close()
""")


@pytest.mark.slow
def test_two_processes_keep_receipt_numbers_gap_free(station: sessions.Session,
                                                     tmp_path: Path) -> None:
    family = register(station)
    programme = next(p for p in __import__("helpdesk.store.programmes", fromlist=["x"]).all_(
        station.db) if p.code.startswith("YLJZ"))
    station.close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    per_process = 40
    procs = [subprocess.Popen([sys.executable, str(script), family.id, programme.id,
                               str(per_process)], env=env, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    s = sessions.sign_in(station.paths, HEAD, PIN)
    try:
        numbers = [r[0] for r in s.db.execute("SELECT receipt_no FROM aid ORDER BY receipt_no")]
        seqs = sorted(int(n.rsplit("-", 1)[1]) for n in numbers)
        assert seqs == list(range(1, 2 * per_process + 1))
        device_seqs = [c.device_seq for c in outbox.since(s.db, s.device.id)]
        assert device_seqs == list(range(1, len(device_seqs) + 1))
        assert aidcases.totals(s)["aid_count"] == 2 * per_process
    finally:
        s.close()
