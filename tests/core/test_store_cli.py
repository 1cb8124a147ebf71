"""The database subcommands run as real subprocesses: import, export, list, verify,
backup, restore, and ``check`` given a database id. ``--db`` and the environment
variable choose the file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "clinic-ransomware.json"
NOW = "2026-11-24T10:00:00+08:00"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "INCIDENT_ASSISTANT_DB"} | (env or {})
    return subprocess.run([sys.executable, "-m", "core.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env=full_env)


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
    assert exported == json.loads(EXAMPLE.read_text(encoding="utf-8"))


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
        "id": incident_id, "title": "门诊系统文件被加密", "grade": "relatively_major",
        "status": "pending", "next_due": "2026-11-24T13:30:00+08:00", "drill": False}
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
