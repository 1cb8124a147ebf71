"""A child process autosaving edits in a loop is killed with SIGKILL at random
moments; after each kill the database opens, verifies and holds every edit the child
had confirmed; a child restoring a backup, likewise, leaves the old database or the
restored one and no staging folder. Uses the harness of
``tests/benchmarks/crash_store.py`` (200 kills there, fewer here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import crash_harness


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_thirty_kill_9s_during_autosave_lose_no_confirmed_edit_and_corrupt_nothing(tmp_path: Path) -> None:
    report = crash_harness().run(tmp_path / "crash.sqlite3", kills=30, seed=7)
    assert report.kills == 30
    assert report.corruptions == 0, report.failures
    assert report.confirmed_edits_lost == 0, report.failures
    assert report.edits >= 6  # the child really was typing when some kills landed (fewer on a loaded machine)
    assert report.longest_loss_s < 1.0


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_kill_9s_during_restore_leave_the_old_or_the_restored_database_and_no_staging(tmp_path: Path) -> None:
    report = crash_harness().run_restores(tmp_path / "crash.sqlite3", kills=12, seed=5)
    assert report.kills == 12
    assert report.corruptions == 0 and report.mixed == 0, report.failures
    assert report.staging_left == 0
    assert report.mid_restore > 0  # some kills really landed inside a restore
