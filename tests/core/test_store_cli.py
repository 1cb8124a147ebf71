"""The database subcommands run as real subprocesses: import, export, list, verify,
backup, restore, and ``check`` given a database id. ``--db`` and the environment
variable choose the file. Also the helpers behind export files and list text
(``write_private_file``, ``safe_text``)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.cli.common import safe_text
from core.files import WriteRefused, write_private_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "clinic-ransomware.json"
NOW = "2026-11-24T10:00:00+08:00"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "INCIDENT_ASSISTANT_DB"} | (env or {})
    return subprocess.run([sys.executable, "-m", "core.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=60, env=full_env)


def imported(db: Path) -> str:
    out = cli("--db", str(db), "import", str(EXAMPLE))
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_import_prints_the_id_last_and_export_round_trips(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    incident_id = imported(db)
    out = cli("--db", str(db), "export", incident_id, "-o", str(tmp_path / "out.json"))
    assert out.returncode == 0, out.stderr
    exported: dict[str, Any] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert exported.pop("id") == incident_id
    assert exported.pop("number") == "2026-0001" or exported.get("number") is None
    assert exported == json.loads(EXAMPLE.read_text(encoding="utf-8")) | {"schema": "incident-assistant/incident@3"}


def test_importing_the_same_export_twice_is_refused_unless_new_id(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    incident_id = imported(db)
    cli("--db", str(db), "export", incident_id, "-o", str(tmp_path / "out.json"))
    again = cli("--db", str(db), "import", str(tmp_path / "out.json"))
    assert again.returncode == 2 and incident_id in again.stderr and "--new-id" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    fresh = cli("--db", str(db), "import", str(tmp_path / "out.json"), "--new-id")
    assert fresh.returncode == 0 and fresh.stdout.strip().splitlines()[-1] != incident_id


def test_import_of_an_invalid_file_names_the_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema": "incident-assistant/incident@1", "colour": "red"}), encoding="utf-8")
    out = cli("--db", str(tmp_path / "db.sqlite3"), "import", str(bad))
    assert out.returncode == 2 and "colour" in out.stderr


def test_list_json_has_the_contract_fields(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    incident_id = imported(db)
    out = cli("list", "--json", "--now", NOW, env={"INCIDENT_ASSISTANT_DB": str(db)})
    assert out.returncode == 0, out.stderr
    [row] = json.loads(out.stdout)
    assert {k: row[k] for k in ("id", "title", "grade", "status", "next_due", "drill")} == {
        "id": incident_id,
        "title": "门诊系统文件被加密",
        "grade": "relatively_major",
        "status": "pending",
        "next_due": "2026-11-24T13:30:00+08:00",
        "drill": False,
    }
    late = cli("--db", str(db), "list", "--json", "--now", "2026-11-24T13:30:01+08:00")
    assert json.loads(late.stdout)[0]["status"] == "overdue"
    text = cli("--db", str(db), "list", "--now", NOW)
    assert text.returncode == 0 and incident_id in text.stdout and "较大" in text.stdout


def test_verify_exits_0_then_1_naming_the_row_after_tampering(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    imported(db)
    ok = cli("--db", str(db), "verify")
    assert ok.returncode == 0, ok.stderr
    conn = sqlite3.connect(str(db))
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("DELETE FROM audit WHERE seq = 2")
    conn.commit()
    conn.close()
    broken = cli("--db", str(db), "verify")
    assert broken.returncode == 1
    assert "第 2 行" in broken.stderr and len(broken.stderr.strip().splitlines()) == 1


def test_commands_on_a_file_that_is_not_a_database_exit_2_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("not a database\n" * 50, encoding="utf-8")
    for args in (["list"], ["import", str(EXAMPLE)], ["verify"]):
        out = cli("--db", str(db), *args)
        assert out.returncode == 2, args
        assert len(out.stderr.strip().splitlines()) == 1 and str(db) in out.stderr
    assert db.read_text(encoding="utf-8") == "not a database\n" * 50


def test_backup_and_restore(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    first = imported(db)
    backup = tmp_path / "backup.sqlite3"
    out = cli("--db", str(db), "backup", str(backup))
    assert out.returncode == 0, out.stderr
    assert cli("--db", str(db), "backup", str(backup)).returncode == 2  # never overwrites
    second = imported(db)
    out = cli("--db", str(db), "restore", str(backup))
    assert out.returncode == 0, out.stderr
    assert "另存为" in out.stdout
    ids = [r["id"] for r in json.loads(cli("--db", str(db), "list", "--json").stdout)]
    assert ids == [first] and second not in ids


def test_check_accepts_a_database_id(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    incident_id = imported(db)
    by_id = cli("--db", str(db), "check", incident_id, "--now", NOW, "--json")
    by_file = cli("check", str(EXAMPLE), "--now", NOW, "--json")
    assert by_id.returncode == 0, by_id.stderr
    assert json.loads(by_id.stdout) == json.loads(by_file.stdout)
    unknown = cli("--db", str(db), "check", "no-such-id")
    assert unknown.returncode == 2 and "no-such-id" in unknown.stderr


# --- export files (issue 16) ---


def test_export_writes_an_owner_only_file_and_replaces_one_only_with_force(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    incident_id = imported(db)
    out = tmp_path / "out.json"
    first = cli("--db", str(db), "export", incident_id, "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # whatever the umask
    out.write_text("我的笔记", encoding="utf-8")
    again = cli("--db", str(db), "export", incident_id, "-o", str(out))
    assert again.returncode == 2 and "--force" in again.stderr and str(out) in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "我的笔记"
    forced = cli("--db", str(db), "export", incident_id, "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == incident_id
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_export_never_writes_through_a_symlink(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    incident_id = imported(db)
    victim = tmp_path / "victim.txt"
    victim.write_text("别的文件", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(victim)
    for extra in ([], ["--force"]):
        out = cli("--db", str(db), "export", incident_id, "-o", str(link), *extra)
        assert out.returncode == 2 and "符号链接" in out.stderr
    assert victim.read_text(encoding="utf-8") == "别的文件" and link.is_symlink()


def test_export_to_stdout_still_prints_the_document(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    incident_id = imported(db)
    out = cli("--db", str(db), "export", incident_id, "-o", "-")
    assert out.returncode == 0 and json.loads(out.stdout)["id"] == incident_id


# --- list output cannot be forged (issue 16) ---


def test_list_escapes_newlines_and_terminal_escapes_in_titles_and_ids(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["title"] = "真的\nfake-id  伪造的事件  定级：一般  状态：已按时报告\x1b[2J\x1b]0;owned\x07\x9b31m"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert cli("--db", str(db), "import", str(hostile)).returncode == 0
    imported(db)
    out = cli("--db", str(db), "list", "--now", NOW)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 2  # one row per incident, none forged
    assert "\x1b" not in out.stdout and "\x07" not in out.stdout and "\x9b" not in out.stdout
    assert "真的\\nfake-id" in out.stdout and "\\x1b[2J" in out.stdout


UNSAFE = {*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0xD800, 0xE000)}


@given(st.text())
def test_safe_text_leaves_no_control_character_and_keeps_every_other(text: str) -> None:
    shown = safe_text(text)
    assert not any(ord(ch) in UNSAFE for ch in shown)
    assert len(shown.encode("utf-8")) >= len(shown)  # encodable whatever a title holds (a lone surrogate too)
    kept = [ch for ch in text if ord(ch) not in UNSAFE]
    assert all(ch in shown for ch in kept)
    if not any(ord(ch) in UNSAFE for ch in text):
        assert shown == text


def test_write_private_file_is_atomic_private_and_refuses_links_and_existing_files(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    old_umask = os.umask(0o022)
    try:
        write_private_file(target, b"one", force=False)
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b"one" and stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(WriteRefused, match="已存在"):
        write_private_file(target, b"two", force=False)
    write_private_file(target, b"two", force=True)
    assert target.read_bytes() == b"two" and stat.S_IMODE(target.stat().st_mode) == 0o600
    link = tmp_path / "link.json"
    link.symlink_to(target)
    with pytest.raises(WriteRefused, match="符号链接"):
        write_private_file(link, b"three", force=True)
    with pytest.raises(WriteRefused, match="文件夹"):
        write_private_file(tmp_path, b"x", force=True)
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "report.json"]


def test_write_private_file_leaves_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"old")

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteRefused, match="磁盘空间已满"):
        write_private_file(target, b"new", force=True)
    assert target.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
