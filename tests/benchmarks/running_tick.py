"""Benchmark: the 1 Hz tick with 10,000 incidents listed, 50 of them with a duration still
running (D18; issue 24). Core only, no Qt: the list's rows come from the derive path
(``core.store.derive``: stored columns, pending/overdue settled at listing time), and the
running incidents are watched by their next moment of change
(``core.assessment.next_change``), so a tick re-assesses an incident only when one of its
thresholds is crossed, never on every tick.

Measured: an ordinary tick (every row's live status, the watch compared with ``now``),
and the worst tick, when all 50 running incidents cross a threshold in the same second
and are assessed again (grade, projections, next moment). Target: under 50 ms.
Run: ``.venv/bin/python tests/benchmarks/running_tick.py [TICKS]``.
"""

from __future__ import annotations

import copy
import json
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.assessment import Assessment, assess, reassess, recompute_due  # noqa: E402
from core.rules import default_pack  # noqa: E402
from core.store.derive import derive  # noqa: E402
from core.timeutil import BEIJING  # noqa: E402

LISTED = 10_000
RUNNING = 50
VISIBLE = 40  # the rows a list window shows at once (its tick updates only those)
TARGET_MS = 50.0
NOW = datetime(2026, 11, 24, 9, 50, tzinfo=BEIJING)
EXAMPLES = ROOT / "resources" / "examples"


def incidents() -> tuple[list[Any], dict[str, dict[str, Any]]]:
    """10,000 list rows (derived once, as the store keeps them) and the 50 running documents."""
    pack = default_pack()
    clinic = json.loads((EXAMPLES / "clinic-ransomware.json").read_text(encoding="utf-8"))
    school = json.loads((EXAMPLES / "school-defacement-running.json").read_text(encoding="utf-8"))
    templates = []
    for hours in range(20):  # a spread of due times: some pending, some overdue at NOW
        doc = copy.deepcopy(clinic)
        doc["discovered_at"] = (NOW - timedelta(hours=hours)).isoformat()
        templates.append(derive(doc, pack))
    rows = [templates[n % len(templates)] for n in range(LISTED - RUNNING)]
    running: dict[str, dict[str, Any]] = {}
    for n in range(RUNNING):
        doc = copy.deepcopy(school)
        doc["title"] = f"{school['title']} {n}"
        running[f"run-{n}"] = doc
        rows.append(derive(doc, pack))
    return rows, running


def tick(dues: list[datetime | None], before: datetime, watch: dict[str, datetime | None], live: dict[str, Assessment], now: datetime, first: int = 0) -> int:
    """One tick as the list does it: has a due time among the rows in view just passed (the
    list's model compares each row's ``next_due``), then the running incidents whose moment
    came are assessed again (the live grade and the next moment)."""
    _passed = any(due is not None and before <= due < now for due in dues[first : first + VISIBLE])
    due = recompute_due(watch, now)
    pack = default_pack()
    for incident_id in due:
        result = reassess(live[incident_id], pack, now)
        live[incident_id] = result
        watch[incident_id] = result.next_change
    return len(due)


def measure(ticks: int = 300) -> dict[str, float]:
    rows, running = incidents()
    dues = [datetime.fromisoformat(r.next_due) if r.next_due else None for r in rows]  # as the list model holds them
    pack = default_pack()
    live = {iid: assess(doc, pack, NOW) for iid, doc in running.items()}
    watch = {iid: result.next_change for iid, result in live.items()}
    crossing = min(at for at in watch.values() if at is not None)
    quiet: list[float] = []
    span = max(1, int((crossing - NOW).total_seconds()))
    for n in range(ticks):  # seconds before the first threshold: nothing to re-assess
        now = NOW + timedelta(seconds=n % span)
        start = time.perf_counter()
        assert tick(dues, now - timedelta(seconds=1), watch, live, now, first=(n * 97) % (LISTED - VISIBLE)) == 0
        quiet.append(time.perf_counter() - start)
    worst: list[float] = []
    for _ in range(max(3, ticks // 60)):
        probe = dict.fromkeys(watch, crossing)
        start = time.perf_counter()
        crossed = tick(dues, crossing - timedelta(seconds=1), probe, dict(live), crossing)
        worst.append(time.perf_counter() - start)
        assert crossed == RUNNING
    return {
        "quiet_median_ms": statistics.median(quiet) * 1000,
        "quiet_p99_ms": sorted(quiet)[int(len(quiet) * 0.99) - 1] * 1000,
        "crossing_median_ms": statistics.median(worst) * 1000,
        "crossing_max_ms": max(worst) * 1000,
        "listed": LISTED,
        "running": RUNNING,
    }


if __name__ == "__main__":
    found = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
    print(json.dumps(found, indent=2))
    ok = found["quiet_p99_ms"] < TARGET_MS and found["crossing_max_ms"] < TARGET_MS
    print(f"target < {TARGET_MS:.0f} ms per tick: {'met' if ok else 'NOT met'}")
