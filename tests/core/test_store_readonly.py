"""Operations that only read (list, export, verify, backup, check ID) open the database
read-only (issue 16): they work in a read-only folder, on a disk that cannot grow any
file and while another program holds the write lock, and their messages say what
failed (never 「本次修改未能保存」 when nothing was edited). verify and restore leave
no -wal or -shm file beside the user's backup."""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from core.cli import main as cli_main
from core.clock import FixedClock
from core.store import NotADatabase, StoreLocked, StoreReadOnly, open_store, restore, verify_file
from tests.conftest import sha
from tests.core.privileges import readable, unprivileged

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
NOW = "2026-11-24T10:00:00+08:00"
NOT_SAVED = "本次修改未能保存"


def example() -> dict[str, Any]:
    return json.loads(readable(ROOT / "resources/examples/clinic-ransomware.json"))  # read before any drop to nobody


def filled(path: Path) -> str:
    store = open_store(path, FixedClock(T0))
    incident_id = store.import_document(example())
    store.close()
    return incident_id


def warm_up(scratch: Path) -> None:
    """Run the commands once as this user, so ``nobody`` needs no module it cannot read."""
    incident_id = filled(scratch)
    for args in (["list"], ["verify"], ["check", incident_id, "--json"]):
        with contextlib.redirect_stdout(io.StringIO()):
            cli_main(["--db", str(scratch), *args])


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_reading_commands_work_on_a_database_in_a_read_only_folder(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, out = shared_dir / "data", shared_dir / "out"
    folder.mkdir(mode=0o777)
    out.mkdir(mode=0o777)
    folder.chmod(0o777)
    out.chmod(0o777)
    db = folder / "db.sqlite3"
    warm_up(shared_dir / "scratch.sqlite3")
    with unprivileged():
        incident_id = filled(db)
    folder.chmod(0o555)
    before = sha(db)
    with unprivileged():
        assert cli_main(["--db", str(db), "list", "--now", NOW]) == 0
        assert incident_id in capsys.readouterr().out
        assert cli_main(["--db", str(db), "verify"]) == 0
        assert "完整" in capsys.readouterr().out
        assert cli_main(["--db", str(db), "export", incident_id, "-o", str(out / "e.json")]) == 0
        assert json.loads((out / "e.json").read_text(encoding="utf-8"))["id"] == incident_id
        assert cli_main(["--db", str(db), "backup", str(out / "b.sqlite3")]) == 0
        assert cli_main(["--db", str(db), "check", incident_id, "--now", NOW, "--json"]) == 0
        capsys.readouterr()
        with pytest.raises(StoreReadOnly, match="只读"):  # an edit is refused, and says why
            open_store(db, FixedClock(T0), readonly=True).set_field(incident_id, "title", "x")
    assert sha(db) == before and sorted(p.name for p in folder.iterdir()) == ["db.sqlite3"]
    assert verify_file(out / "b.sqlite3").ok


def cli_with_no_room(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in a process that cannot grow any file (``RLIMIT_FSIZE`` 0): a full disk."""

    def no_room() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))

    env = {k: v for k, v in os.environ.items() if k != "INCIDENT_ASSISTANT_DB"} | {"PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "core.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env, preexec_fn=no_room)  # noqa: PLW1509 - only sets a limit


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE")
@pytest.mark.parametrize("held_open", [False, True])
def test_reading_commands_work_when_no_file_can_grow(tmp_path: Path, held_open: bool) -> None:
    db = tmp_path / "db.sqlite3"
    incident_id = filled(db)
    holder = open_store(db, FixedClock(T0)) if held_open else None  # the GUI has it open: -wal and -shm exist
    try:
        listed = cli_with_no_room("--db", str(db), "list", "--json", "--now", NOW)
        assert listed.returncode == 0, listed.stderr
        assert [r["id"] for r in json.loads(listed.stdout)] == [incident_id]
        checked = cli_with_no_room("--db", str(db), "check", incident_id, "--now", NOW, "--json")
        assert checked.returncode == 0, checked.stderr
        verified = cli_with_no_room("--db", str(db), "verify")
        assert verified.returncode == 0, verified.stderr
        refused = cli_with_no_room("--db", str(db), "export", incident_id, "-o", str(tmp_path / "e.json"))
        assert refused.returncode == 2 and NOT_SAVED not in refused.stderr and "e.json" in refused.stderr
    finally:
        if holder is not None:
            holder.close()


def test_reading_goes_on_while_another_program_holds_the_write_lock(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "db.sqlite3"
    incident_id = filled(db)
    writer = sqlite3.connect(str(db), isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        assert cli_main(["--db", str(db), "list", "--now", NOW]) == 0
        assert incident_id in capsys.readouterr().out
        assert cli_main(["--db", str(db), "check", incident_id, "--now", NOW, "--json"]) == 0
        assert cli_main(["--db", str(db), "verify"]) == 0
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_an_exclusive_lock_says_the_file_could_not_be_read_not_that_an_edit_was_lost(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    filled(db)
    holder = sqlite3.connect(str(db), isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        with pytest.raises(StoreLocked) as caught:
            open_store(db, FixedClock(T0), readonly=True, busy_timeout=0.05)
        assert "无法读取" in str(caught.value) and NOT_SAVED not in str(caught.value) and str(db) in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_list_of_a_database_that_does_not_exist_yet_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "new" / "db.sqlite3"
    assert cli_main(["--db", str(db), "list"]) == 0
    assert "还没有事件" in capsys.readouterr().out
    assert not db.parent.exists()


def test_an_older_file_is_read_through_a_migrated_copy_in_memory_and_left_as_it_was(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "store-v1.sqlite3", old)
    before = sha(old)
    store = open_store(old, FixedClock(T0), readonly=True)
    try:
        rows = {r.id: r for r in store.list_incidents(T0)}
        assert rows["7f1c2a9e-0000-4000-8000-000000000001"].grade == "relatively_major"
    finally:
        store.close()
    assert sha(old) == before


def wal_backup(tmp_path: Path) -> Path:
    """A backup as older versions wrote it: in WAL mode, with no -wal or -shm beside it."""
    db = tmp_path / "data" / "db.sqlite3"
    filled(db)
    store = open_store(db, FixedClock(T0))
    out = store.backup(tmp_path / "backup.sqlite3")
    store.close()
    conn = sqlite3.connect(str(out))
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite3", "data"]
    return out


def test_verify_and_restore_leave_no_wal_or_shm_beside_the_backup(tmp_path: Path) -> None:
    backup = wal_backup(tmp_path)
    before = sha(backup)
    assert verify_file(backup).ok
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite3", "data"]
    restore(tmp_path / "data" / "db.sqlite3", backup, FixedClock(T0))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite3", "data"]
    assert sha(backup) == before


def test_a_new_backup_is_read_without_leaving_files_beside_it(tmp_path: Path) -> None:
    db = tmp_path / "data" / "db.sqlite3"
    filled(db)
    store = open_store(db, FixedClock(T0))
    out = store.backup(tmp_path / "backup.sqlite3")
    store.close()
    conn = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite3", "data"]


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_a_fifo_given_as_the_database_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "db.sqlite3"
    os.mkfifo(fifo)
    for readonly in (False, True):
        with pytest.raises(NotADatabase, match="不是普通文件"):
            open_store(fifo, FixedClock(T0), readonly=readonly)
    with pytest.raises(NotADatabase, match="不是普通文件"):
        verify_file(fifo)
