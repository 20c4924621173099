"""Syncing leaves nothing waiting: what a sync itself writes goes out with it.

The one change a sync writes is the sign-in of `helpdesk sync` (who unlocked the station's
data, and when). It is audited like every sign-in and pushed in that same sync, so the
server's copy of the audit shows who ran each sync, and the outbox is empty afterwards.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk.server import storage as st
from helpdesk.services import session as sessions
from helpdesk.store import keys, outbox
from helpdesk.sync import client as sync
from tests.conftest import HEAD, PIN
from tests.server import support
from tests.sync.test_client import enroll, laptop

__all__ = ["laptop"]


def _audits_on_server(engine: Engine) -> list[str]:
    with st.read(engine) as conn:
        rows = conn.execute(sa.select(st.changes.c.body).where(st.changes.c.entity == "audit")
                            .order_by(st.changes.c.server_seq)).scalars().all()
    return [r for r in rows if '"sign_in"' in r]


def test_a_sync_with_nothing_to_do_leaves_nothing_waiting(
        laptop: tuple[sessions.Session, str], client: support.Client, engine: Engine,
        fast_kdf: keys.KdfParams) -> None:
    s, _ = laptop
    enroll(s, client, engine)
    sync.sync_once(s.db, client)
    assert outbox.pending_count(s.db) == 0
    pushed, _ = sync.sync_once(s.db, client)  # the app: one session, sync again
    assert (pushed.batches, pushed.accepted, outbox.pending_count(s.db)) == (0, 0, 0)
    s.close()
    signed_in = len(_audits_on_server(engine))
    for _ in range(2):  # `helpdesk sync` twice: each signs in, then pushes and pulls
        again = sessions.sign_in(s.paths, HEAD, PIN, kdf=fast_kdf)
        try:
            assert outbox.pending_count(again.db) == 1  # its own sign-in, about to go
            pushed, _ = sync.sync_once(again.db, client)
            assert (pushed.accepted, outbox.pending_count(again.db)) == (1, 0)
            pushed, _ = sync.sync_once(again.db, client)
            assert (pushed.batches, outbox.pending_count(again.db)) == (0, 0)
        finally:
            again.close()
    assert len(_audits_on_server(engine)) == signed_in + 2
