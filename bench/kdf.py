"""How long one PIN derivation takes with `KdfParams.default()` on this machine.

Prints the median of 5 argon2id derivations and the machine; never asserted by the tests.
Run: `.venv/bin/python bench/kdf.py`
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from helpdesk.store import keys
from helpdesk.store.keys import crypto


def main() -> None:
    kdf = keys.KdfParams.default()
    salt, secret = os.urandom(crypto.SALT_BYTES), os.urandom(32)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        crypto.volunteer_kek("123456", salt, kdf, secret)
        times.append(time.perf_counter() - start)
    print(f"KdfParams.default(): {kdf}")
    print(f"median of 5: {statistics.median(times):.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f})")
    print(f"machine: {platform.platform()}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
