"""Crash benchmark for the store (product.md §7): a child process autosaves edits in a
loop and is killed with SIGKILL at a random moment, again and again, on one database.
After every kill the file must open, pass ``verify`` (integrity_check + hash chain) and
hold every edit the child had confirmed as committed. With ``--submissions`` the child
records submissions, each with the snapshot of the document it sent, and after every
kill each submission must have its snapshot and each snapshot its submission. With
``--restore`` the child restores a backup; after every kill the database holds the old
incidents or the backup's, verifies, and no staging folder is left.

With ``--convert`` the child turns encryption on and off in turn (issue 28); after every
kill the database, read from its files alone, is plain or opens with its passphrase,
verifies and holds all its incidents. ``--encrypted`` runs the autosave or restore crash
test on an encrypted database.

Run: ``.venv/bin/python tests/benchmarks/crash_store.py [KILLS] [--seed N] [--submissions [--apart] | --restore | --convert] [--encrypted]``
(default 200).
The test suite imports ``run`` from here for a shorter run. POSIX only (fork, SIGKILL).
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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from core.canonical import canonical_json  # noqa: E402
from core.clock import SystemClock  # noqa: E402
from core.store import Store, StoreError, open_store  # noqa: E402


def killed_during(work: Callable[[], object], delay: float) -> None:
    """Run ``work`` in a forked child and kill -9 it after ``delay`` seconds (or let it end)."""
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            work()
        except BaseException:  # noqa: BLE001 - report nothing, just die
            code = 3
        finally:
            os._exit(code)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


T = TypeVar("T")


def reopened(db: Path, n: int, report: Any, read: Callable[[Store], T]) -> tuple[bool, T | None]:
    """Open the database a kill left and verify it (a failure counts as a corruption), then
    ``read`` what the run checks; ``(False, None)`` when it did not even open."""
    try:
        store = open_store(db, SystemClock())
    except StoreError as exc:
        report.corruptions += 1
        report.failures.append(f"kill {n}: open failed: {exc}")
        return False, None
    try:
        result = store.verify()
        if not result.ok:
            report.corruptions += 1
            report.failures.append(f"kill {n}: {result.message()}")
        return True, read(store)
    finally:
        store.close()


@dataclass
class CrashReport:
    kills: int = 0
    corruptions: int = 0
    confirmed_edits_lost: int = 0
    edits: int = 0
    longest_loss_s: float = 0.0  # kill time minus confirmation time of the newest edit kept
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"kills={self.kills} corruptions={self.corruptions} confirmed_edits_lost={self.confirmed_edits_lost} "
            f"edits={self.edits} longest_loss={self.longest_loss_s * 1000:.1f} ms"
        )


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


PASSPHRASE = "崩溃测试的口令 crash test"


def encrypt_for_test(db: Path) -> None:
    """Encrypt ``db`` (issue 28) with cheap Argon2 costs; this process then holds its key,
    and so does every child it forks."""
    from core.store import crypt, keys

    crypt.encrypt(db, PASSPHRASE, params=keys.Argon2Params(1, 1024, 1))


def run(db: Path, kills: int, seed: int = 1, min_delay: float = 0.002, max_delay: float = 0.12, *, encrypted: bool = False) -> CrashReport:
    rng = random.Random(seed)
    store = open_store(db, SystemClock())
    incident_id = store.create_incident({"schema": "incident-assistant/incident@1", "title": "edit 0", "discovered_at": "2026-11-24T09:30:00+08:00"})
    store.close()
    if encrypted:
        encrypt_for_test(db)
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
        opened, title = reopened(db, n, report, lambda store: str(store.get_incident(incident_id).get("title")))
        if not opened or title is None:
            break
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


def _submitting_child(db: Path, incident_id: str, start: int, out_fd: int, together: bool) -> None:
    """Record submissions as the GUI does, each with the snapshot of what was sent:
    in one transaction (``together``) or, as before, in two."""
    store = open_store(db, SystemClock())
    i = start
    while True:
        submission = {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T11:00:00+08:00", "reference": f"sub {i}"}
        if together:
            store.add_submission(incident_id, submission, snapshot_kind=SUBMITTED_KIND)
        else:
            store.add_submission(incident_id, submission)
            store.record_snapshot(incident_id, SUBMITTED_KIND, canonical_json(store.get_incident(incident_id)), None)
        os.write(out_fd, f"{i} {time.monotonic()}\n".encode())
        i += 1


SUBMITTED_KIND = "submitted:initial"


@dataclass
class SubmissionReport:
    kills: int = 0
    corruptions: int = 0
    unpaired: int = 0  # submissions without their snapshot, or snapshots without theirs
    confirmed_lost: int = 0
    submissions: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"kills={self.kills} corruptions={self.corruptions} unpaired={self.unpaired} confirmed_lost={self.confirmed_lost} submissions={self.submissions}"


def _pairs(db: Path, incident_id: str) -> tuple[int, int, bool]:
    """``(submissions, their snapshots, every snapshot holds the submissions up to its own)``."""
    store = open_store(db, SystemClock())
    try:
        if not store.verify().ok:
            raise StoreError(db, store.verify().message())
        subs = store.get_incident(incident_id).get("submissions") or []
        snaps = [s for s in store.snapshots(incident_id) if s["kind"] == SUBMITTED_KIND]
        consistent = all(len(json.loads(s["canonical_json"]).get("submissions") or []) == n for n, s in enumerate(snaps, start=1))
        return len(subs), len(snaps), consistent
    finally:
        store.close()


def run_submissions(db: Path, kills: int, seed: int = 1, *, together: bool = True, min_delay: float = 0.002, max_delay: float = 0.08) -> SubmissionReport:
    """Kill a child recording submissions ``kills`` times; after each kill every
    submission must have its snapshot and the other way round."""
    rng = random.Random(seed)
    store = open_store(db, SystemClock())
    incident_id = store.create_incident({"schema": "incident-assistant/incident@1", "title": "报送", "discovered_at": "2026-11-24T09:30:00+08:00"})
    store.close()
    report = SubmissionReport()
    start = 1
    for n in range(kills):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                os.close(read_fd)
                _submitting_child(db, incident_id, start, write_fd, together)
            except BaseException:  # noqa: BLE001 - report nothing, just die
                code = 3
            finally:
                os._exit(code)
        os.close(write_fd)
        time.sleep(rng.uniform(min_delay, max_delay))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        chunks = []
        while chunk := os.read(read_fd, 65536):
            chunks.append(chunk)
        os.close(read_fd)
        confirmed = _confirmed(b"".join(chunks))
        report.kills += 1
        try:
            subs, snaps, consistent = _pairs(db, incident_id)
        except StoreError as exc:
            report.corruptions += 1
            report.failures.append(f"kill {n}: {exc}")
            break
        report.submissions = subs
        if subs != snaps or not consistent:
            report.unpaired += abs(subs - snaps) or 1
            report.failures.append(f"kill {n}: {subs} submissions, {snaps} snapshots")
            break  # the file now stays unpaired; later kills would only repeat it
        last_confirmed = confirmed[-1][0] if confirmed else start - 1
        if subs < last_confirmed:
            report.confirmed_lost += last_confirmed - subs
            report.failures.append(f"kill {n}: submission {last_confirmed} confirmed, database has {subs}")
        start = subs + 1
    return report


@dataclass
class RestoreReport:
    kills: int = 0
    corruptions: int = 0
    mixed: int = 0  # a database that is neither the old one nor the backup
    staging_left: int = 0  # staging folders still there after the next restore began
    mid_restore: int = 0  # kills that left a staging folder: the restore was under way
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"kills={self.kills} mid_restore={self.mid_restore} corruptions={self.corruptions} mixed={self.mixed} staging_left={self.staging_left}"


def run_restores(db: Path, kills: int, seed: int = 1, min_delay: float = 0.0, max_delay: float = 0.25, *, encrypted: bool = False) -> RestoreReport:
    """Kill a child restoring a backup ``kills`` times; after each kill the database must
    open, verify and hold either its old incidents or the backup's, and opening it must
    remove the staging folder and the partial copies the killed one left (issue 25)."""
    from core.store.restoring import restore

    def left(folder: Path) -> int:
        return len([p for p in folder.iterdir() if ".restoring-" in p.name or ".partial-" in p.name])

    rng = random.Random(seed)
    if encrypted:
        open_store(db, SystemClock()).close()
        encrypt_for_test(db)
    store = open_store(db, SystemClock())
    backed_up = store.create_incident({"schema": "incident-assistant/incident@1", "title": "备份中的事件"})
    for n in range(200):
        store.set_fields(backed_up, {"harm": f"损害 {n}"})
    backup = store.backup(db.with_name("backup.sqlite3"))
    if encrypted:
        from core.store import crypt

        crypt.unlock(backup, passphrase=PASSPHRASE)
    later = store.create_incident({"schema": "incident-assistant/incident@1", "title": "备份之后的事件"})
    store.close()
    report = RestoreReport()
    for n in range(kills):
        killed_during(lambda: restore(db, backup, SystemClock()), rng.uniform(min_delay, max_delay))
        report.kills += 1
        report.mid_restore += bool(left(db.parent))
        opened, ids = reopened(db, n, report, lambda store: {r.id for r in store.list_incidents(datetime.now(UTC))})
        if not opened:
            break
        if ids not in ({backed_up}, {backed_up, later}):
            report.mixed += 1
            report.failures.append(f"kill {n}: incidents {sorted(ids)}")
        report.staging_left += left(db.parent)
    return report


@dataclass
class ConversionReport:
    kills: int = 0
    plain: int = 0  # kills after which the database was plain
    encrypted: int = 0  # … encrypted
    mid_conversion: int = 0  # kills that left a partial copy: a conversion was under way
    corruptions: int = 0
    mixed: int = 0  # a database without exactly its incidents
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"kills={self.kills} plain={self.plain} encrypted={self.encrypted} mid_conversion={self.mid_conversion} "
            f"corruptions={self.corruptions} mixed={self.mixed}"
        )


def _converting_child(db: Path) -> None:
    """Turn encryption on and off again and again (issue 28), from the files alone."""
    from core.store import connection, crypt, keys
    from core.store.paths import is_encrypted

    cheap = keys.Argon2Params(1, 1024, 1)
    connection.forget(db)
    while True:
        if is_encrypted(db):
            crypt.unlock(db, passphrase=PASSPHRASE, use_keyring=False)
            crypt.decrypt(db)
        else:
            crypt.encrypt(db, PASSPHRASE, params=cheap)


def run_conversions(db: Path, kills: int, seed: int = 1, min_delay: float = 0.0, max_delay: float = 0.3) -> ConversionReport:
    """Kill a child that encrypts and decrypts ``db`` in turn ``kills`` times; after each
    kill the database, read from its files alone (no key held), is plain or opens with the
    passphrase, verifies, and holds exactly its incidents."""
    from core.store import connection, crypt
    from core.store.paths import is_encrypted

    rng = random.Random(seed)
    store = open_store(db, SystemClock())
    ids = {store.create_incident({"schema": "incident-assistant/incident@1", "title": f"事件 {n}"}) for n in range(30)}
    store.close()
    report = ConversionReport()
    for n in range(kills):
        killed_during(lambda: _converting_child(db), rng.uniform(min_delay, max_delay))
        report.kills += 1
        report.mid_conversion += any(".partial-" in p.name for p in db.parent.iterdir())
        connection.forget(db)
        if is_encrypted(db):
            report.encrypted += 1
            try:
                crypt.unlock(db, passphrase=PASSPHRASE, use_keyring=False)
            except StoreError as exc:
                report.corruptions += 1
                report.failures.append(f"kill {n}: unlock failed: {exc}")
                break
        else:
            report.plain += 1
        opened, found = reopened(db, n, report, lambda store: {r.id for r in store.list_incidents(datetime.now(UTC))})
        connection.forget(db)
        if not opened:
            break
        if found != ids:
            report.mixed += 1
            report.failures.append(f"kill {n}: {len(found)} incidents")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kills", type=int, nargs="?", default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--submissions", action="store_true", help="kill while recording submissions with their snapshots instead of autosaving")
    parser.add_argument("--apart", action="store_true", help="with --submissions: two transactions, as before")
    parser.add_argument("--restore", action="store_true", help="kill while restoring a backup")
    parser.add_argument("--convert", action="store_true", help="kill while turning encryption on and off")
    parser.add_argument("--encrypted", action="store_true", help="autosave or restore on an encrypted database")
    args = parser.parse_args()
    if args.convert:
        with tempfile.TemporaryDirectory() as tmp:
            began = time.monotonic()
            conv = run_conversions(Path(tmp) / "crash.sqlite3", args.kills, args.seed)
            print(conv.line() + f" wall={time.monotonic() - began:.1f} s")
            for failure in conv.failures[:10]:
                print("  " + failure)
        return 0 if conv.corruptions == 0 and conv.mixed == 0 else 1
    if args.restore:
        with tempfile.TemporaryDirectory() as tmp:
            began = time.monotonic()
            rep = run_restores(Path(tmp) / "crash.sqlite3", args.kills, args.seed, encrypted=args.encrypted)
            print(rep.line() + f" wall={time.monotonic() - began:.1f} s")
            for failure in rep.failures[:10]:
                print("  " + failure)
        return 0 if rep.corruptions == 0 and rep.mixed == 0 and rep.staging_left == 0 else 1
    if args.submissions:
        with tempfile.TemporaryDirectory() as tmp:
            sub = run_submissions(Path(tmp) / "crash.sqlite3", args.kills, args.seed, together=not args.apart)
            print(sub.line())
            for failure in sub.failures[:10]:
                print("  " + failure)
        return 0 if sub.corruptions == 0 and sub.unpaired == 0 and sub.confirmed_lost == 0 else 1
    with tempfile.TemporaryDirectory() as tmp:
        began = time.monotonic()
        report = run(Path(tmp) / "crash.sqlite3", args.kills, args.seed, encrypted=args.encrypted)
        print(report.line() + f" wall={time.monotonic() - began:.1f} s")
        for failure in report.failures[:10]:
            print("  " + failure)
    return 0 if report.corruptions == 0 and report.confirmed_edits_lost == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
