"""An aid typed back from paper reaches the real server with its paper fields (validated there
with the same domain model), and another laptop of the station that pulled it refuses the
same sheet line, naming the receipt."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk import paths as pathsmod
from helpdesk.domain.aid import Aid
from helpdesk.domain.paper import PaperLine
from helpdesk.errors import KnownError
from helpdesk.server import storage as st
from helpdesk.services import aid as aidcases
from helpdesk.services import paper
from helpdesk.services import session as sessions
from helpdesk.store import aid as aidstore
from helpdesk.store import keys
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN
from tests.server import support
from tests.services import helpers
from tests.sync.test_client import enroll, family, laptop

__all__ = ["laptop"]
JPEG = b"\xff\xd8\xff\xe0" + b"\x01" * 500


def _line(s: sessions.Session, sheet: str, line: int) -> PaperLine:
    return PaperLine(sheet=sheet, line=line, handed_by=s.volunteer.id,
                     given_at=datetime.now(UTC) - timedelta(minutes=90))


def _paper_aid(s: sessions.Session, family_id: str) -> dict[str, object]:
    data = helpers.cash_aid(s, family_id, amount="250")
    del data["signature_png"]
    return data


def test_paper_aid_syncs_with_its_fields_and_is_not_entered_twice(
        laptop: tuple[sessions.Session, str], client: support.Client, engine: Engine,
        tmp_path: Path, fast_kdf: keys.KdfParams) -> None:
    s1, recovery = laptop
    sheet = paper.print_sheet(s1, tmp_path / "blank.pdf").sheet.number
    first = family(s1, 0)
    enroll(s1, client, engine)
    sync.push(s1.db, client)
    paths1 = s1.paths
    s1.close()
    paths2 = pathsmod.Paths(tmp_path / "laptop2", tmp_path / "config2")
    shutil.copytree(paths1.data_dir, paths2.data_dir)  # the second laptop, before the entry
    s1 = sessions.sign_in(paths1, HEAD, PIN, kdf=fast_kdf)
    s2 = sessions.sign_in_with_recovery(paths2, recovery, kdf=fast_kdf)
    try:
        aid = aidcases.give_aid(s2, _paper_aid(s2, first), paper=_line(s2, sheet, 4),
                                paper_scan=JPEG)
        pushed = sync.push(s2.db, client)
        assert pushed.accepted >= 2 and pushed.rejected == 0
        with engine.connect() as conn:
            body = conn.execute(sa.select(st.changes.c.body, st.changes.c.status).where(
                st.changes.c.entity == "aid", st.changes.c.entity_id == aid.id)).one()
        assert body.status == "accepted"
        state = orjson.loads(body.body)["state"]
        assert Aid.model_validate(state) == aid  # every paper field, as the station has it
        assert (state["paper_sheet"], state["paper_line"]) == (sheet, 4)
        assert state["given_at"] < state["entered_at"] and state["signature_hash"] is None
        assert sync.pull(s1.db, client).applied >= 1
        pulled = aidstore.get(s1.db, aid.id)
        assert pulled is not None and pulled.paper_line == 4
        assert pulled.paper_scan_hash is None  # the photo stays on the laptop that took it
        with pytest.raises(KnownError) as err:
            aidcases.give_aid(s1, _paper_aid(s1, first), paper=_line(s1, sheet, 4))
        assert err.value.code == "paper_line_entered" and aid.receipt_no in err.value.en
        assert paper.sheet(s1, sheet)[1] == {4: aid.receipt_no}
    finally:
        s2.close()
        s1.close()
