"""What machine a benchmark ran on, printed beside its figures."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Sequence


def describe() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    versions = conn.execute("SELECT sqlite_version()").fetchone()[0]
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    return (f"{platform.platform()} · {cpu} · {os.cpu_count()} cores · "
            f"Python {platform.python_version()} · SQLite {versions} · SQLCipher {cipher}")


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")
