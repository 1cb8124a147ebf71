"""Crash benchmark for import (issue 16): a child process imports incident files in a
loop, as ``incident-assistant import`` does (read the file, validate, store with a new
id), and is killed with SIGKILL at a random moment, again and again, on one database.
After every kill the file must open and pass ``verify`` (integrity_check, the whole hash
chain, every row and list column against it), every import the child had confirmed must
be there whole (its document as the file said), and nothing may be left beside the
database but its -wal and -shm files (no staging or temporary file).

Run: ``.venv/bin/python tests/benchmarks/crash_import.py [KILLS] [--seed N]`` (default 100).
POSIX only (fork, SIGKILL). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.clock import SystemClock  # noqa: E402
from core.incident import load_file  # noqa: E402
from core.service import IncidentService  # noqa: E402
from core.store import StoreError, open_store  # noqa: E402

EXAMPLE = ROOT / "resources" / "examples" / "clinic-ransomware.json"


@dataclass
class ImportReport:
    kills: int = 0
    corruptions: int = 0  # did not open, or integrity_check / row checks failed
    broken_chains: int = 0  # verify named an audit row
    confirmed_lost: int = 0  # confirmed imports missing or not whole
    staging_left: int = 0  # files beside the database other than its -wal and -shm
    imports: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"kills={self.kills} imports={self.imports} corruptions={self.corruptions} broken_chains={self.broken_chains} "
            f"confirmed_lost={self.confirmed_lost} staging_left={self.staging_left}"
        )


def incident_files(folder: Path, seed: int) -> list[Path]:
    """A few incident files of different sizes (a longer 事件危害 makes a longer write)."""
    rng = random.Random(seed)
    base: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    paths = []
    for n in range(4):
        doc = dict(base)
        doc.pop("id", None)
        doc["title"] = f"导入样本 {n}"
        doc["harm"] = "门诊停摆，" * rng.randint(1, 4000)
        path = folder / f"incident-{n}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def _child(db: Path, files: list[Path], out_fd: int, seed: int) -> None:
    """Import the files round and round; confirm each committed import (its id and file)."""
    rng = random.Random(seed)
    store = open_store(db, SystemClock())
    service = IncidentService(store)
    while True:
        n = rng.randrange(len(files))
        incident_id = service.import_document(load_file(str(files[n])), new_id=True).id
        os.write(out_fd, f"{incident_id} {n}\n".encode())


def _confirmed(data: bytes) -> list[tuple[str, int]]:
    result = []
    for line in data.decode().splitlines():
        parts = line.split()
        if len(parts) == 2:
            result.append((parts[0], int(parts[1])))
    return result


def _kill_one(db: Path, files: list[Path], delay: float, seed: int) -> list[tuple[str, int]]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into the caller
        code = 0
        try:
            os.close(read_fd)
            _child(db, files, write_fd, seed)
        except BaseException:  # noqa: BLE001 - report nothing, just die
            code = 3
        finally:
            os._exit(code)
    os.close(write_fd)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    return _confirmed(b"".join(chunks))


def _whole(store: Any, incident_id: str, expected: dict[str, Any]) -> bool:
    doc = store.export_document(incident_id)
    return all(doc.get(k) == v for k, v in expected.items() if k not in ("id", "number", "schema"))


def run(db: Path, kills: int, seed: int = 1, min_delay: float = 0.05, max_delay: float = 0.6) -> ImportReport:
    rng = random.Random(seed)
    files = incident_files(db.parent, seed)
    expected = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    allowed = {db.name, db.name + "-wal", db.name + "-shm", *(p.name for p in files)}
    open_store(db, SystemClock()).close()
    report = ImportReport()
    confirmed_all: list[tuple[str, int]] = []
    for n in range(kills):
        confirmed_all += _kill_one(db, files, rng.uniform(min_delay, max_delay), seed * 100_000 + n)
        report.kills += 1
        try:
            store = open_store(db, SystemClock())
        except StoreError as exc:
            report.corruptions += 1
            report.failures.append(f"kill {n}: open failed: {exc}")
            break
        try:
            result = store.verify()
            if result.first_broken_row is not None:
                report.broken_chains += 1
            if not result.ok:
                report.corruptions += 1
                report.failures.append(f"kill {n}: {result.message()}")
            lost = [i for i, k in confirmed_all if not store.has_incident(i) or not _whole(store, i, expected[k])]
            report.imports = store.count_incidents()
        finally:
            store.close()
        if lost:
            report.confirmed_lost += len(lost)
            report.failures.append(f"kill {n}: confirmed imports missing or changed: {lost[:3]}")
            confirmed_all = [(i, k) for i, k in confirmed_all if i not in lost]
        left = [p.name for p in db.parent.iterdir() if p.name not in allowed]
        report.staging_left += len(left)
        if left:
            report.failures.append(f"kill {n}: left beside the database: {left[:3]}")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kills", type=int, nargs="?", default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        began = time.monotonic()
        report = run(Path(tmp) / "crash.sqlite3", args.kills, args.seed)
        print(report.line() + f" wall={time.monotonic() - began:.1f} s")
        for failure in report.failures[:10]:
            print("  " + failure)
    ok = report.corruptions == 0 and report.broken_chains == 0 and report.confirmed_lost == 0 and report.staging_left == 0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
