"""The full check at open (``core.store.fullcheck``, issue 16 defect 8), a companion of
the record anchor: the whole chain and every stored row, with progress, cancellation,
one consistent snapshot while the app writes, and in a thread."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from core.clock import FixedClock
from core.store import open_store
from core.store.fullcheck import FullCheckResult, run_full_check, start_full_check

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "clinic-ransomware.json"
T0 = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)


def filled(path: Path, incidents: int = 3, edits: int = 600) -> list[str]:
    store = open_store(path, FixedClock(T0))
    doc: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    ids = [store.import_document(doc, new_id=True) for _ in range(incidents)]
    for n in range(edits):
        store.set_field(ids[n % incidents], "harm", f"门诊停摆 {n} 分钟")
    store.add_timeline(ids[0], {"at": "2026-11-24T10:00:00+08:00", "text": "断网"})
    store.close()
    return ids


def test_a_whole_file_passes_with_progress_up_to_the_total(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    seen: list[tuple[int, int]] = []
    result = run_full_check(path, progress=lambda done, total: seen.append((done, total)))
    audit_rows = sqlite3.connect(str(path)).execute("SELECT count(*) FROM audit").fetchone()[0]
    assert result.ok and result.audit_rows == audit_rows and result.rows_checked > audit_rows
    assert seen[0][0] == 0 and seen[-1] == (result.rows_checked, result.rows_checked)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert "完整检查通过" in result.message()


def test_three_bytes_changed_in_an_older_incident_open_but_fail_the_full_check(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    first, *_ = filled(path)
    conn = sqlite3.connect(str(path))
    conn.execute("UPDATE incidents SET doc = replace(doc, '门诊', '门X') WHERE id = ?", (first,))
    conn.commit()
    conn.close()
    open_store(path, FixedClock(T0)).close()  # the quick checks at open do not see it
    result = run_full_check(path)
    assert not result.ok and result.finished
    assert any(p.table == "incidents" and first in p.row for p in result.problems)
    assert "已停止写入" in result.message() and first in result.message()
    english = result.message("en")  # the English window says it in English (the file's path aside)
    assert "Writing has stopped" in english and "changed outside this app" in english
    assert not re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", english.replace(str(path), ""))


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE audit SET at = '2026-11-23T00:00:00+00:00' WHERE seq = 2",
        "DELETE FROM audit WHERE seq = 3",
        "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)",
        "DELETE FROM meta WHERE key = 'audit_head'",
        "INSERT INTO timeline (incident_id, data, recorded_at) SELECT id, '{}', '2026-11-24' FROM incidents LIMIT 1",
        "DELETE FROM timeline",
    ],
)
def test_every_finding_of_the_full_check_has_its_english(tmp_path: Path, tamper: str) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path, incidents=1, edits=3)
    conn = sqlite3.connect(str(path))
    conn.executescript("DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;")
    conn.execute(tamper)
    conn.commit()
    conn.close()
    result = run_full_check(path)
    assert result.problems, tamper
    for problem in result.problems:
        assert problem.text_en and not re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", problem.line("en")), problem


def test_a_cancelled_check_finds_nothing_either_way(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path)
    calls: list[int] = []
    result = run_full_check(path, progress=lambda done, _total: calls.append(done), cancelled=lambda: len(calls) >= 1)
    assert result.cancelled and not result.ok and not result.finished and "已取消" in result.message()


def test_writes_made_during_the_check_are_not_reported(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    ids = filled(path)
    store = open_store(path, FixedClock(T0))
    try:

        def write_meanwhile(done: int, _total: int) -> None:
            store.set_field(ids[1], "harm", f"检查期间的修改 {done}")
            store.add_timeline(ids[2], {"at": "2026-11-24T10:00:00+08:00", "text": f"检查中 {done}"})

        result = run_full_check(path, progress=write_meanwhile)
    finally:
        store.close()
    assert result.ok, result.message()
    assert run_full_check(path).ok


def test_in_a_thread_the_result_comes_to_on_done(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    filled(path, edits=20)
    results: list[FullCheckResult] = []
    check = start_full_check(path, None, results.append)
    check.join(30)
    assert len(results) == 1 and results[0].ok


def test_an_unreadable_file_gives_an_error_result(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    results: list[FullCheckResult] = []
    start_full_check(path, None, results.append).join(30)
    assert len(results) == 1 and results[0].error and not results[0].ok
    with pytest.raises(Exception, match=str(path)):
        run_full_check(path)
