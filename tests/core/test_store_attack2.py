"""The record under attack, second round (issue 25): a trigger hidden under SQLite's
own statistics name, restore against another writer, an oversized backup, outputs that
would overwrite, leftovers of killed processes, temp paths in messages, a full disk
through the command line, store errors in English, a console that cannot show Chinese,
very long arrays and an empty file named with ``--db``."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from core.cli import main as cli_main
from core.clock import FixedClock
from core.store import BackupInvalid, ForeignSchema, StoreFull, StoreLocked, StoreReadOnly, open_store, restore, verify_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources/examples/clinic-ransomware.json"
T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
EVIL = "CREATE TRIGGER sqlite_stat_evil AFTER INSERT ON audit BEGIN DELETE FROM meta WHERE key = 'app_version'; END"


def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def make_db(path: Path) -> Path:
    store = open_store(path, FixedClock(T0))
    store.import_document(example())
    store.close()
    return path


def plant_schema_row(path: Path, kind: str, name: str, table: str, sql: str) -> None:
    """What an attacker with ``writable_schema`` does: a row SQLite would not let ``CREATE`` make."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA writable_schema=ON")
        conn.execute("INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES (?, ?, ?, 0, ?)", (kind, name, table, sql))
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


# 1. A trigger named sqlite_stat…


def test_a_trigger_named_like_sqlites_statistics_is_refused_by_open_verify_and_restore(tmp_path: Path) -> None:
    db = make_db(tmp_path / "db.sqlite3")
    plant_schema_row(db, "trigger", "sqlite_stat_evil", "audit", EVIL)
    before = db.read_bytes()
    with pytest.raises(ForeignSchema) as caught:
        open_store(db, FixedClock(T0))
    assert "sqlite_stat_evil" in str(caught.value)
    result = verify_file(db)
    assert not result.ok and "sqlite_stat_evil" in result.message()
    current = make_db(tmp_path / "current" / "db.sqlite3")
    with pytest.raises(BackupInvalid) as refused:
        restore(current, db, FixedClock(T0))
    assert "sqlite_stat_evil" in str(refused.value)
    assert db.read_bytes() == before


def test_a_table_named_sqlite_stat_that_sqlite_did_not_make_is_refused(tmp_path: Path) -> None:
    db = make_db(tmp_path / "db.sqlite3")
    plant_schema_row(db, "table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat,payload)")
    with pytest.raises(ForeignSchema) as caught:
        open_store(db, FixedClock(T0))
    assert "sqlite_stat1" in str(caught.value)


def test_sqlites_own_statistics_from_analyze_still_open(tmp_path: Path) -> None:
    db = make_db(tmp_path / "db.sqlite3")
    conn = sqlite3.connect(str(db))
    conn.execute("ANALYZE")
    conn.commit()
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "sqlite_stat1" in names
    open_store(db, FixedClock(T0)).close()
    assert verify_file(db).ok


# 2. Restore against another writer, a desktop window and a read-only file

HOLD_WRITE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO meta (key, value) VALUES ('other_writer', 'kept')")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
conn.close()
"""


@pytest.fixture
def backup_file(tmp_path: Path) -> Path:
    store = open_store(make_db(tmp_path / "source" / "db.sqlite3"), FixedClock(T0))
    out = store.backup(tmp_path / "backup.sqlite3")
    store.close()
    return out


def bak_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".bak"))


def test_restore_refuses_while_another_process_holds_a_write_transaction_and_its_row_lands(tmp_path: Path, backup_file: Path) -> None:
    import subprocess
    import sys

    db = make_db(tmp_path / "live" / "db.sqlite3")
    child = subprocess.Popen([sys.executable, "-c", HOLD_WRITE, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        with pytest.raises(StoreLocked) as caught:
            restore(db, backup_file, FixedClock(T0))
        assert "另一个程序正在写入" in str(caught.value)
        assert bak_files(db.parent) == []
    finally:
        child.communicate("go\n", timeout=30)
    assert child.returncode == 0
    conn = sqlite3.connect(str(db))
    assert conn.execute("SELECT value FROM meta WHERE key = 'other_writer'").fetchone() == ("kept",)
    conn.close()


def test_restore_refuses_while_the_desktop_app_of_another_process_holds_the_writer_lock(tmp_path: Path, backup_file: Path) -> None:
    import subprocess
    import sys

    db = make_db(tmp_path / "live" / "db.sqlite3")
    hold = (
        "from core.store.writer import WriterLock; import sys; lock = WriterLock(sys.argv[1]); "
        "assert lock.acquire(); print('holding', flush=True); sys.stdin.readline()"
    )
    child = subprocess.Popen([sys.executable, "-c", hold, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        with pytest.raises(StoreLocked) as caught:
            restore(db, backup_file, FixedClock(T0))
        assert f"进程 {child.pid}" in str(caught.value)
    finally:
        child.communicate("go\n", timeout=30)
    assert bak_files(db.parent) == []
    assert restore(db, backup_file, FixedClock(T0)) is not None  # the lock released: restore goes ahead


def test_a_restore_from_the_window_holding_the_lock_goes_ahead(tmp_path: Path, backup_file: Path) -> None:
    from core.store.writer import WriterLock

    db = make_db(tmp_path / "live" / "db.sqlite3")
    lock = WriterLock(db)
    assert lock.acquire()
    try:
        store = open_store(db, FixedClock(T0))
        assert restore(db, backup_file, FixedClock(T0)) is not None
        store.close()
    finally:
        lock.release()


def test_restore_never_replaces_a_read_only_database(tmp_path: Path, backup_file: Path) -> None:
    db = make_db(tmp_path / "live" / "db.sqlite3")
    db.chmod(0o400)
    before = db.read_bytes()
    with pytest.raises(StoreReadOnly) as caught:
        restore(db, backup_file, FixedClock(T0))
    assert "只读" in str(caught.value)
    assert db.read_bytes() == before and bak_files(db.parent) == []
    db.chmod(0o600)


# 3. An oversized or sparse backup is refused before a byte is copied


def test_a_sparse_backup_larger_than_the_limit_is_refused_before_copying(tmp_path: Path, backup_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.store import restoring

    monkeypatch.setattr(restoring, "MAX_BACKUP_BYTES", 1024 * 1024)
    sparse = tmp_path / "sparse.sqlite3"
    sparse.write_bytes(backup_file.read_bytes())
    with sparse.open("r+b") as fh:
        fh.truncate(50 * 1024 * 1024)  # a hole: no blocks on the disk
    db = make_db(tmp_path / "live" / "db.sqlite3")
    copied: list[object] = []
    monkeypatch.setattr(restoring.shutil, "copyfile", lambda *a, **k: copied.append(a))
    with pytest.raises(BackupInvalid) as caught:
        restore(db, sparse, FixedClock(T0))
    assert "上限 1 MB" in str(caught.value) and "50 MB" in str(caught.value)
    assert copied == []
    assert not [p for p in db.parent.iterdir() if "restoring" in p.name]


def test_a_backup_padded_past_its_header_is_refused_under_the_limit(tmp_path: Path, backup_file: Path) -> None:
    padded = tmp_path / "padded.sqlite3"
    padded.write_bytes(backup_file.read_bytes())
    with padded.open("r+b") as fh:
        fh.truncate(padded.stat().st_size + 8 * 1024 * 1024)
    with pytest.raises(BackupInvalid) as caught:
        restore(make_db(tmp_path / "live" / "db.sqlite3"), padded, FixedClock(T0))
    assert "文件头" in str(caught.value)


def test_a_restore_without_room_on_the_disk_is_refused_before_copying(tmp_path: Path, backup_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil as real_shutil

    from core.store import restoring

    usage = real_shutil.disk_usage(tmp_path)
    monkeypatch.setattr(restoring.shutil, "disk_usage", lambda _p: usage._replace(free=1000))
    db = make_db(tmp_path / "live" / "db.sqlite3")
    with pytest.raises(StoreFull) as caught:
        restore(db, backup_file, FixedClock(T0))
    assert "可用 1000 B" in str(caught.value)


# 11. An empty file named with --db


def test_an_empty_file_named_with_db_is_refused_and_left_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert cli_main(["--db", str(empty), "import", str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert str(empty) in err and "0 字节" in err
    assert empty.read_bytes() == b""


def test_an_empty_file_at_the_default_location_becomes_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.store import paths

    default = tmp_path / "data" / "incidents.sqlite3"
    default.parent.mkdir()
    default.write_bytes(b"")
    monkeypatch.setattr(paths, "default_db_path", lambda: default)
    open_store(default, FixedClock(T0)).close()
    assert default.read_bytes().startswith(b"SQLite format 3")


# 4. Every output refuses to overwrite without --force and never replaces a symbolic link

PDF_OUTPUTS = {
    "pdf": (["-o", "{out}"], "report.pdf"),
    "docx": (["-o", "{out}", "--format", "docx"], "report.docx"),
    "eml": (["-o", "{fresh}", "--eml", "{out}"], "draft.eml"),
    "phone": (["-o", "{fresh}", "--phone-script", "{out}"], "script.txt"),
    "fax": (["-o", "{fresh}", "--fax-cover", "{out}"], "fax.pdf"),
}


@pytest.mark.parametrize("kind", sorted(PDF_OUTPUTS))
def test_every_pdf_output_refuses_an_existing_file_and_a_symlink_without_force(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    options, name = PDF_OUTPUTS[kind]
    out, fresh = tmp_path / name, tmp_path / "fresh.pdf"
    out.write_bytes(b"the user's own file")
    argv = ["pdf", str(EXAMPLE), *[o.format(out=out, fresh=fresh) for o in options], "--now", "2026-11-24T12:00:00+08:00"]
    assert cli_main(argv) == 2
    assert "已存在，未覆盖" in capsys.readouterr().err
    assert out.read_bytes() == b"the user's own file" and not fresh.exists()

    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"not to be touched")
    out.unlink()
    out.symlink_to(elsewhere)
    assert cli_main([*argv, "--force"]) == 2
    assert "符号链接" in capsys.readouterr().err
    assert out.is_symlink() and elsewhere.read_bytes() == b"not to be touched"

    out.unlink()
    out.write_bytes(b"old")
    assert cli_main([*argv, "--force"]) == 0  # --force replaces a file
    assert out.read_bytes() != b"old"


def test_the_overwrite_refusal_is_said_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"x")
    assert cli_main(["--lang", "en", "pdf", str(EXAMPLE), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "exists and was not overwritten (add --force" in err and not CJK.search(err.replace(str(out), ""))


# 6. Messages name the user's path, never a temporary one


def test_a_pdf_into_a_missing_folder_names_the_users_path_not_a_temp_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no-such-folder" / "x.pdf"
    assert cli_main(["pdf", str(EXAMPLE), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(out) in err and ".tmp" not in err


def test_a_backup_on_a_full_disk_names_the_backup_not_its_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.store import verifying

    db = make_db(tmp_path / "db.sqlite3")
    store = open_store(db, FixedClock(T0), readonly=True)

    def full(conn: sqlite3.Connection, target: Path, shown: Path) -> None:
        with verifying.translated(target):  # a failure said of the partial file: the backup names the user's
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(verifying, "_copy_into", full)
    out = tmp_path / "backup.sqlite3"
    try:
        with pytest.raises(StoreFull) as caught:
            store.backup(out)
    finally:
        store.close()
    assert str(out) in str(caught.value) and ".tmp" not in str(caught.value)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_restore_failing_in_staging_names_the_users_files_not_the_staging_folder(tmp_path: Path, backup_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.store import restoring

    db = make_db(tmp_path / "live" / "db.sqlite3")
    real = restoring._fresh_copy

    def full(src: sqlite3.Connection, applied: list[str], out: Path) -> Path:
        real(src, applied, out)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(restoring, "_fresh_copy", full)
    with pytest.raises(StoreFull) as caught:
        restore(db, backup_file, FixedClock(T0))
    assert str(db) in str(caught.value) and restoring.STAGING_LABEL not in str(caught.value)

    def hostile(src: sqlite3.Connection, applied: list[str], out: Path) -> Path:
        raise ForeignSchema(out, "多出触发器 x")

    monkeypatch.setattr(restoring, "_fresh_copy", hostile)
    with pytest.raises(BackupInvalid) as refused:
        restore(db, backup_file, FixedClock(T0))
    assert str(backup_file) in str(refused.value) and restoring.STAGING_LABEL not in str(refused.value)


# 7. A full disk is said as one message, through the store and the command line


def io_error() -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorcode = 778  # type: ignore[attr-defined]  # SQLITE_IOERR_WRITE, as a write finding no room gives
    return exc


def test_a_disk_io_error_on_a_full_disk_is_the_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from core.store import errors

    usage = shutil.disk_usage(tmp_path)
    assert type(errors.from_sqlite(io_error(), tmp_path / "db.sqlite3")) is errors.StoreIOError  # room left: a disk error
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage._replace(free=4096))
    assert type(errors.from_sqlite(io_error(), tmp_path / "db.sqlite3")) is StoreFull


def test_the_command_line_says_a_full_disk_as_the_store_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from core.service import IncidentService
    from core.store import errors

    db = make_db(tmp_path / "db.sqlite3")
    usage = shutil.disk_usage(tmp_path)

    def fails(self: IncidentService, *_a: object, **_k: object) -> object:
        monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage._replace(free=0))
        with errors.translated(db):
            raise io_error()

    monkeypatch.setattr(IncidentService, "import_document", fails)
    assert cli_main(["--db", str(db), "import", str(EXAMPLE), "--new-id"]) == 2
    err = capsys.readouterr().err
    assert "磁盘空间已满" in err and "disk I/O error" not in err
    assert cli_main(["--lang", "en", "--db", str(db), "import", str(EXAMPLE), "--new-id"]) == 2
    assert "the disk is full" in capsys.readouterr().err


# 8. Store errors in the caller's language


def all_store_errors() -> list[type[Any]]:
    from core.store import errors

    found, todo = [], [errors.StoreError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("cls", all_store_errors(), ids=lambda c: c.__name__)
def test_every_store_error_class_has_english_and_keeps_its_chinese(cls: type[Any], tmp_path: Path) -> None:
    from core.store.errors import reading

    path = tmp_path / "db.sqlite3"
    for error in (cls(path), reading(cls(path))):
        english = error.message("en")
        assert str(path) in english and not CJK.search(english.replace(str(path), "")), english
        assert str(error) == error.message("zh") and CJK.search(error.message("zh"))


def test_the_chinese_wording_of_the_store_errors_is_unchanged(tmp_path: Path) -> None:
    from core.store.errors import StoreFull, reading

    path = tmp_path / "db.sqlite3"
    assert str(StoreFull(path, "x")) == f"数据库文件 {path}：磁盘空间已满，本次修改未能保存（x）。请清理磁盘空间后重试；已保存的内容没有丢失。"
    assert str(reading(StoreLocked(path))) == f"数据库文件 {path}：数据库正被另一个程序独占锁定，无法读取。请关闭另一个程序后重试；没有作任何修改。"


def english(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli_main(["--lang", "en", *argv])
    out = capsys.readouterr()
    return code, out.out + out.err


def only_english(text: str, *paths: Path) -> bool:
    for path in paths:
        text = text.replace(str(path), "")
    return not CJK.search(text)


def test_the_store_commands_fail_in_english_with_lang_en(tmp_path: Path, backup_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all, just text" * 10)
    db = make_db(tmp_path / "db.sqlite3")
    exists = tmp_path / "exists.sqlite3"
    exists.write_bytes(b"x")
    out_json = tmp_path / "out.json"
    out_json.write_bytes(b"{}")
    tampered = tmp_path / "tampered.sqlite3"
    tampered.write_bytes(backup_file.read_bytes())
    plant_schema_row(tampered, "trigger", "sqlite_stat_evil", "audit", EVIL)
    cases = [
        (["--db", str(junk), "list"], 2, "not a database of this app"),
        (["--db", str(junk), "verify"], 2, "not an incident database"),
        (["--db", str(tampered), "verify"], 1, "an extra trigger sqlite_stat_evil"),
        (["--db", str(db), "verify", "--anchor", "nonsense"], 2, "a record anchor is a row count"),
        (["--db", str(db), "verify", "--anchor", "99-0000-0000-0000-0000"], 1, "the rows from"),
        (["--db", str(db), "restore", str(junk)], 2, "did not pass the checks"),
        (["--db", str(db), "restore", str(tampered)], 2, "sqlite_stat_evil"),
        (["--db", str(db), "export", "no-such-id", "-o", str(tmp_path / "x.json")], 2, "there is no such incident"),
        (["--db", str(db), "export", store_id(db), "-o", str(out_json)], 2, "exists and was not overwritten"),
        (["--db", str(db), "backup", str(exists)], 2, "the file exists"),
        (["--db", str(db), "check", "no-such-id"], 2, "neither a file nor an incident id"),
        (["--db", str(junk), "check", "some-id"], 2, "not a database of this app"),
        (["--db", str(db), "pdf", "no-such-id", "-o", str(tmp_path / "r.pdf")], 2, "neither a file nor an incident id"),
        (["--db", str(db), "pdf", str(EXAMPLE), "-o", str(tmp_path / "none" / "r.pdf")], 2, "cannot write"),
    ]
    for argv, code, words in cases:
        got, text = english(capsys, *argv)
        assert got == code and words in text and only_english(text, junk, db, tampered, exists, out_json, tmp_path), (argv, text)
    got, text = english(capsys, "--db", str(db), "verify")
    assert got == 0 and text.startswith(f"database file {db}: whole")


def store_id(db: Path) -> str:
    store = open_store(db, FixedClock(T0), readonly=True)
    try:
        return store.list_incidents(T0)[0].id
    finally:
        store.close()


# 9. A console that cannot show Chinese


@pytest.mark.parametrize("command", [["check", str(EXAMPLE), "--now", "2026-11-24T12:00:00+08:00"], ["list"], ["verify"]])
def test_an_ascii_console_gets_escaped_output_and_exit_0(command: list[str], tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    db = make_db(tmp_path / "db.sqlite3")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run([sys.executable, "-m", "core.cli", "--db", str(db), *command], capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert done.stdout.isascii() and b"\\u" in done.stdout


# 10. Arrays longer than a real incident has are refused with the key named


@pytest.mark.parametrize("key", ["submissions", "timeline", "sector_obligations"])
def test_an_array_past_the_limit_is_refused_naming_the_key(key: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from core.jsonfile import MAX_ITEMS

    doc = example()
    doc[key] = [{} for _ in range(MAX_ITEMS + 1)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert cli_main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{key}:" in err and f"{MAX_ITEMS}" in err and f"{MAX_ITEMS + 1}" in err
    assert cli_main(["--lang", "en", "--db", str(tmp_path / "db.sqlite3"), "import", str(path)]) == 2
    assert f"{key}: too many entries" in capsys.readouterr().err


# 5. Leftovers of killed processes are removed at the next start; kept copies told once

KILLED_BACKUP = """
import os, signal, sys
from core.clock import FixedClock
from core.store import open_store, verifying
from datetime import UTC, datetime

def killed(path, **_kw):
    os.kill(os.getpid(), signal.SIGKILL)  # dies with the copy written, before it is checked

verifying.verify_file = killed
store = open_store(sys.argv[1], FixedClock(datetime(2026, 11, 24, 1, 0, tzinfo=UTC)), readonly=True)
store.backup(sys.argv[2])
"""


def partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".partial-" in p.name)


def dead_pid() -> int:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_a_backup_killed_mid_copy_leaves_a_partial_file_that_the_next_start_removes(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = make_db(tmp_path / "db.sqlite3")
    out = tmp_path / "backup.sqlite3"
    done = subprocess.run([sys.executable, "-c", KILLED_BACKUP, str(db), str(out)], cwd=ROOT, capture_output=True, timeout=60)
    assert done.returncode == -9
    assert not out.exists()
    left = partials(tmp_path)
    assert left and all(name.startswith(".backup.sqlite3.partial-") for name in left)
    open_store(db, FixedClock(T0)).close()  # the next start
    assert partials(tmp_path) == []


def test_only_partial_files_of_dead_processes_are_removed(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = make_db(tmp_path / "db.sqlite3")
    gone = dead_pid()
    live = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.readline()"], stdin=subprocess.PIPE)
    try:
        dead_files = [
            f".out.sqlite3.partial-{gone}-abc.tmp",
            f".out.sqlite3.partial-{gone}-abc.tmp-journal",
            f".db.sqlite3.before-restore-x.bak.partial-{gone}-q.tmp",
        ]
        live_files = [f".out.sqlite3.partial-{live.pid}-def.tmp", f".out.sqlite3.partial-{live.pid}-def.tmp-journal"]
        for name in dead_files + live_files:
            (tmp_path / name).write_bytes(b"SQLite format 3\x00")
        staging = tmp_path / f"db.sqlite3.restoring-{gone}-zz"
        staging.mkdir()
        (staging / "backup.sqlite3").write_bytes(b"x")
        open_store(db, FixedClock(T0)).close()
        assert partials(tmp_path) == sorted(live_files)
        assert not staging.exists()
    finally:
        live.communicate(b"\n", timeout=30)


def test_a_backup_removes_dead_partials_in_its_folder(tmp_path: Path) -> None:
    db = make_db(tmp_path / "db" / "db.sqlite3")
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / f".old.sqlite3.partial-{dead_pid()}-x.tmp").write_bytes(b"half a copy")
    store = open_store(db, FixedClock(T0), readonly=True)
    try:
        store.backup(folder / "new.sqlite3")
    finally:
        store.close()
    assert partials(folder) == [] and (folder / "new.sqlite3").exists()


def test_a_copy_kept_by_a_killed_restore_is_told_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = make_db(tmp_path / "db.sqlite3")
    kept = tmp_path / "db.sqlite3.before-restore-20261124T010000Z.bak"
    kept.write_bytes(db.read_bytes())
    assert cli_main(["--db", str(db), "import", str(EXAMPLE), "--new-id"]) == 0
    assert str(kept) in capsys.readouterr().err
    assert cli_main(["--db", str(db), "import", str(EXAMPLE), "--new-id"]) == 0
    assert str(kept) not in capsys.readouterr().err
    assert kept.exists()  # the user's data: told about, never removed


def test_a_restore_tells_its_own_kept_copy_once_and_not_again(tmp_path: Path, backup_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = make_db(tmp_path / "db.sqlite3")
    assert cli_main(["--db", str(db), "restore", str(backup_file)]) == 0
    out = capsys.readouterr()
    kept = [p for p in tmp_path.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1 and out.out.count(str(kept[0])) == 1 and str(kept[0]) not in out.err
    assert cli_main(["--db", str(db), "import", str(EXAMPLE), "--new-id"]) == 0
    assert str(kept[0]) not in capsys.readouterr().err


def test_entries_past_the_whole_files_limit_are_refused_naming_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from core.jsonfile import MAX_ITEMS, MAX_TOTAL_ITEMS

    doc = example()
    per_item = 500  # each entry an object of 500 keys: every array within MAX_ITEMS
    doc["sector_obligations"] = [{f"k{j}": 1 for j in range(per_item)} for _ in range(MAX_ITEMS)]
    path = tmp_path / "wide.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert cli_main(["--lang", "en", "check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "sector_obligations[" in err and f"at most {MAX_TOTAL_ITEMS}" in err


def test_an_incident_with_every_list_at_its_limit_is_accepted(tmp_path: Path) -> None:
    from core.jsonfile import MAX_ITEMS, loads

    doc = example()
    doc["timeline"] = [{"at": "2026-11-24T08:10:00+08:00", "text": f"条目 {i}"} for i in range(MAX_ITEMS)]
    doc["sector_obligations"] = [{"recipient": "行业主管部门", "hours": 2}] * MAX_ITEMS
    doc["systems"] = [{"name": f"系统 {i}"} for i in range(MAX_ITEMS)]
    sent = {"obligation": "provincial_cyberspace_office", "kind": "initial", "channel": "email_12387", "submitted_at": "2026-11-24T10:00:00+08:00"}
    doc["submissions"] = [sent] * MAX_ITEMS
    assert loads(json.dumps(doc)) == doc


def test_one_file_named_for_two_pdf_outputs_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "same.pdf"
    assert cli_main(["pdf", str(EXAMPLE), "-o", str(out), "--fax-cover", str(out)]) == 2
    assert "两个输出" in capsys.readouterr().err and not out.exists()


def test_a_backups_wal_counts_toward_the_size_limit(tmp_path: Path, backup_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.store import restoring

    monkeypatch.setattr(restoring, "MAX_BACKUP_BYTES", backup_file.stat().st_size + 1024)
    source = tmp_path / "with-wal.sqlite3"
    source.write_bytes(backup_file.read_bytes())
    with (tmp_path / "with-wal.sqlite3-wal").open("wb") as fh:
        fh.truncate(10 * 1024 * 1024)  # sparse
    with pytest.raises(BackupInvalid) as caught:
        restore(make_db(tmp_path / "live" / "db.sqlite3"), source, FixedClock(T0))
    assert "上限" in str(caught.value)
