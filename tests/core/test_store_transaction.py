"""A submission and the snapshot of the document it sent are one transaction
(``Store.add_submission(..., snapshot_kind=...)``): both are stored or neither, also
when the process is killed with SIGKILL between them."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from core.canonical import canonical_json, sha256_hex
from core.clock import FixedClock
from core.store import InvalidEdit, Store, StoreIOError, open_store
from tests.conftest import crash_harness

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
SUBMISSION = {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T11:00:00+08:00", "channel": "email_12387"}


def example() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((ROOT / "resources/examples/clinic-ransomware.json").read_text(encoding="utf-8"))
    doc["submissions"] = []
    return doc


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = open_store(tmp_path / "db.sqlite3", FixedClock(T0))
    yield s
    s.close()


def test_a_submission_with_snapshot_kind_keeps_the_document_after_it_in_the_same_write(store: Store) -> None:
    incident_id = store.import_document(example())
    seq_before = store.history()[-1]["seq"]
    store.add_submission(incident_id, SUBMISSION, snapshot_kind="submitted:initial")
    doc = store.get_incident(incident_id)
    [snap] = store.snapshots(incident_id)
    assert snap["kind"] == "submitted:initial" and snap["pdf_sha256"] is None
    assert snap["canonical_json"] == canonical_json(doc) and doc["submissions"][0]["obligation"] == SUBMISSION["obligation"]
    assert snap["sha256"] == sha256_hex(snap["canonical_json"])
    new_rows = [h for h in store.history() if h["seq"] > seq_before]
    assert [h["action"] for h in new_rows] == ["submission", "snapshot"]
    assert len({h["at"] for h in new_rows}) == 1  # one transaction, one time stamp
    assert store.verify().ok


def test_a_submission_without_snapshot_kind_records_no_snapshot(store: Store) -> None:
    incident_id = store.import_document(example())
    store.add_submission(incident_id, SUBMISSION)
    assert store.snapshots(incident_id) == []
    assert len(store.get_incident(incident_id)["submissions"]) == 1


def test_a_failing_snapshot_leaves_no_submission_and_no_audit_row(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    incident_id = store.import_document(example())
    history = store.history()

    def broken(*_args: object) -> int:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(store, "_insert_snapshot", broken)
    with pytest.raises(StoreIOError):
        store.add_submission(incident_id, SUBMISSION, snapshot_kind="submitted:initial")
    assert store.get_incident(incident_id)["submissions"] == []
    assert store.snapshots(incident_id) == [] and store.history() == history
    monkeypatch.undo()
    store.add_submission(incident_id, SUBMISSION, snapshot_kind="submitted:initial")  # retried, all of it
    assert len(store.snapshots(incident_id)) == 1 and store.verify().ok


def test_an_invalid_submission_records_no_snapshot_either(store: Store) -> None:
    incident_id = store.import_document(example())
    with pytest.raises(InvalidEdit, match="obligation"):
        store.add_submission(incident_id, SUBMISSION | {"obligation": "nobody"}, snapshot_kind="submitted:initial")
    with pytest.raises(InvalidEdit, match="快照"):
        store.add_submission(incident_id, SUBMISSION, snapshot_kind="")
    assert store.snapshots(incident_id) == [] and store.get_incident(incident_id)["submissions"] == []


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_a_kill_9_while_recording_submissions_leaves_each_with_its_snapshot_or_neither(tmp_path: Path) -> None:
    report = crash_harness().run_submissions(tmp_path / "crash.sqlite3", kills=25, seed=3)
    assert report.kills == 25
    assert report.corruptions == 0 and report.unpaired == 0, report.failures
    assert report.confirmed_lost == 0, report.failures
    assert report.submissions >= 5  # the child really was submitting when some kills landed (fewer on a loaded machine)


def test_list_columns_derived_by_another_version_are_recomputed_when_the_app_opens_the_file(tmp_path):
    from core.clock import FixedClock
    from core.store import open_store
    from core.store.derive import DERIVED_WITH_KEY
    from core.timeutil import parse_instant
    from tests.conftest import minimal

    now = parse_instant("2026-11-24T10:00:00+08:00")
    path = tmp_path / "a.sqlite3"
    store = open_store(path, FixedClock(now))
    iid = store.create_incident(minimal(impact={"direct_loss_yuan": 6_000_000}))
    # As an older version left it: the draft's deadline missing from the list, another stamp.
    store.db.execute("UPDATE incidents SET next_due = NULL, status = 'not_required' WHERE id = ?", (iid,))
    store.db.execute("UPDATE meta SET value = 'older' WHERE key = ?", (DERIVED_WITH_KEY,))
    store.db.conn.commit()
    assert store.verify().ok  # columns of another version are not taken for forgeries
    store.close()
    again = open_store(path, FixedClock(now))
    row = next(r for r in again.list_incidents(now) if r.id == iid)
    assert row.next_due == parse_instant("2026-11-24T13:30:00+08:00")
    assert again.verify().ok
    again.close()
