"""Crash benchmark for the store (product.md §7): a child process autosaves edits in a
loop and is killed with SIGKILL at a random moment, again and again, on one database.
After every kill the file must open, pass ``verify`` (integrity_check + hash chain) and
hold every edit the child had confirmed as committed.

Run: ``.venv/bin/python tests/benchmarks/crash_store.py [KILLS] [--seed N]`` (default 200).
The test suite imports ``run`` from here for a shorter run. POSIX only (fork, SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.clock import SystemClock  # noqa: E402
from core.store import StoreError, open_store  # noqa: E402


@dataclass
class CrashReport:
    kills: int = 0
    corruptions: int = 0
    confirmed_edits_lost: int = 0
    edits: int = 0
    longest_loss_s: float = 0.0   # kill time minus confirmation time of the newest edit kept
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"kills={self.kills} corruptions={self.corruptions} confirmed_edits_lost={self.confirmed_edits_lost} "
                f"edits={self.edits} longest_loss={self.longest_loss_s * 1000:.1f} ms")


def _child(db: Path, incident_id: str, start: int, out_fd: int, seed: int) -> None:
    """Autosave like a typist, as fast as it can: one field per edit, now and then a
    timeline entry or an attachment (multi-row writes). Confirms each commit on ``out_fd``."""
    rng = random.Random(seed)
    store = open_store(db, SystemClock())
    blob = db.with_name(f"attachment-{os.getpid()}.bin")
    blob.write_bytes(os.urandom(20_000))
    i = start
    while True:
        store.set_fields(incident_id, {"title": f"edit {i}", "harm": "损害" * rng.randint(0, 300)})
        if i % 7 == 0:
            store.add_timeline(incident_id, {"at": "2026-11-24T10:00:00+08:00", "text": f"edit {i}"})
        if i % 31 == 0:
            store.add_attachment(incident_id, blob)
        os.write(out_fd, f"{i} {time.monotonic()}\n".encode())
        i += 1
        time.sleep(rng.uniform(0, 0.004))


def _confirmed(data: bytes) -> list[tuple[int, float]]:
    result = []
    for line in data.decode().splitlines():
        parts = line.split()
        if len(parts) == 2:
            result.append((int(parts[0]), float(parts[1])))
    return result


def run(db: Path, kills: int, seed: int = 1, min_delay: float = 0.002, max_delay: float = 0.12) -> CrashReport:
    rng = random.Random(seed)
    store = open_store(db, SystemClock())
    incident_id = store.create_incident({"schema": "incident-assistant/incident@1", "title": "edit 0",
                                         "discovered_at": "2026-11-24T09:30:00+08:00"})
    store.close()
    report = CrashReport()
    start = 1
    for n in range(kills):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child never returns into the caller
            code = 0
            try:
                os.close(read_fd)
                _child(db, incident_id, start, write_fd, seed * 100_000 + n)
            except BaseException:  # noqa: BLE001 - report nothing, just die
                code = 3
            finally:
                os._exit(code)
        os.close(write_fd)
        time.sleep(rng.uniform(min_delay, max_delay))
        t_kill = time.monotonic()
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        chunks = []
        while chunk := os.read(read_fd, 65536):
            chunks.append(chunk)
        os.close(read_fd)
        confirmed = _confirmed(b"".join(chunks))
        report.kills += 1
        report.edits += len(confirmed)
        try:
            store = open_store(db, SystemClock())
        except StoreError as exc:
            report.corruptions += 1
            report.failures.append(f"kill {n}: open failed: {exc}")
            break
        try:
            result = store.verify()
            if not result.ok:
                report.corruptions += 1
                report.failures.append(f"kill {n}: {result.message()}")
            title = str(store.get_incident(incident_id).get("title"))
        finally:
            store.close()
        kept = int(title.split()[1])
        last_confirmed = confirmed[-1][0] if confirmed else start - 1
        if kept < last_confirmed:
            report.confirmed_edits_lost += last_confirmed - kept
            report.failures.append(f"kill {n}: edit {last_confirmed} confirmed, database has {kept}")
        times = dict(confirmed)
        if kept in times:
            report.longest_loss_s = max(report.longest_loss_s, t_kill - times[kept])
        start = max(kept, last_confirmed) + 1
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kills", type=int, nargs="?", default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        began = time.monotonic()
        report = run(Path(tmp) / "crash.sqlite3", args.kills, args.seed)
        print(report.line() + f" wall={time.monotonic() - began:.1f} s")
        for failure in report.failures[:10]:
            print("  " + failure)
    return 0 if report.corruptions == 0 and report.confirmed_edits_lost == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
