"""Give aid in a loop on a station, one real transaction each, until killed or done; for
bench/chaos.py, which kills it with SIGKILL at a random moment.

    python bench/chaos_writer.py DATA_DIR COUNT SEED     (HELPDESK_CONFIG_DIR and HELPDESK_PIN
                                                          as for the helpdesk command)

Each aid goes to a random family, in the open cash programme, a small amount (under the
station's second-PIN threshold), with the head's approval for a family's repeat aid.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpdesk import paths as pathsmod
from helpdesk.services import aid, session
from helpdesk.services.aid import Approval
from helpdesk.store import programmes

SIGNATURE = b"\x89PNG\r\n\x1a\n" + bytes(2000)  # stands for a pad signature


def main() -> int:
    data_dir, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    s = session.sign_in(pathsmod.resolve(data_dir), "admin", os.environ["HELPDESK_PIN"])
    try:
        rng = random.Random(seed)
        today = s.today()
        cash = next(p for p in programmes.all_(s.db)
                    if p.code.startswith("YLJZ") and p.open_on(today))
        families = [r[0] for r in s.db.execute("SELECT id FROM families")]
        approval = Approval(s.volunteer.id, "压力测试 chaos run", os.environ["HELPDESK_PIN"])
        for _ in range(count):
            aid.give_aid(s, {"family_id": rng.choice(families), "programme_id": cash.id,
                             "kind": "cash", "amount_fen": rng.randrange(100, 50_000),
                             "signature_png": SIGNATURE},
                         cap_approval=approval)
            print("given", flush=True)
            time.sleep(rng.uniform(0, 0.06))  # a busy day, not a bulk load
    finally:
        s.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
