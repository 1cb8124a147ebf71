"""Benchmark: open a database of 10,000 incidents and list them (product.md §7).

Builds the database once through the store API (variants of the example incident,
one transaction per 1,000 imports), then times in fresh processes: ``open_store``
alone, ``open_store`` + ``list_incidents`` (all rows), the first page of 100, and
``verify``. Run: ``.venv/bin/python tests/benchmarks/store_list_10k.py [N]``.
"""

from __future__ import annotations

import copy
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.clock import FixedClock  # noqa: E402
from core.store import open_store  # noqa: E402

NOW = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)

TIMED = """
import sys, time
t0 = time.perf_counter()
from datetime import datetime, UTC
from core.store import open_store
t1 = time.perf_counter()
s = open_store(sys.argv[1])
t2 = time.perf_counter()
rows = s.list_incidents(datetime(2026, 11, 24, 3, 0, tzinfo=UTC))
t3 = time.perf_counter()
page = s.list_incidents(datetime(2026, 11, 24, 3, 0, tzinfo=UTC), limit=100, offset=5000)
t4 = time.perf_counter()
s.close()
print(f"{t1-t0:.4f} {t2-t1:.4f} {t3-t2:.4f} {t4-t3:.4f} {len(rows)}")
"""


def build(path: Path, n: int) -> float:
    example = json.loads((ROOT / "resources/examples/clinic-ransomware.json").read_text(encoding="utf-8"))
    store = open_store(path, FixedClock(NOW))
    began = time.perf_counter()
    for i in range(n):
        doc = copy.deepcopy(example)
        doc["title"] = f"事件 {i}"
        doc["discovered_at"] = (datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=53 * i)).isoformat()
        doc["occurred_at"] = None
        doc["drill"] = i % 10 == 0
        doc["submissions"] = [] if i % 3 else doc["submissions"]
        store.import_document(doc)
    store.close()
    return time.perf_counter() - began


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite3"
        took = build(db, n)
        size = db.stat().st_size
        print(f"built {n} incidents in {took:.1f} s ({took / n * 1000:.2f} ms per import), file {size / 1e6:.1f} MB")
        runs = []
        for _ in range(5):
            out = subprocess.run([sys.executable, "-c", TIMED, str(db)], capture_output=True, text=True, check=True, cwd=ROOT).stdout.split()
            runs.append([float(x) for x in out[:4]])
        med = [statistics.median(r[i] for r in runs) for i in range(4)]
        print(
            f"median of 5 fresh processes: import core.store {med[0] * 1000:.0f} ms, open_store {med[1] * 1000:.0f} ms, "
            f"list all {n} {med[2] * 1000:.0f} ms, page of 100 {med[3] * 1000:.1f} ms"
        )
        began = time.perf_counter()
        store = open_store(db)
        result = store.verify()
        store.close()
        print(f"verify: {result.ok} ({result.audit_rows} audit rows) in {time.perf_counter() - began:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
