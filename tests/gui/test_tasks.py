"""Background work (gui.tasks): results come back on the GUI thread, errors too, and a long
report export leaves the event loop turning."""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication

from core.rules import default_pack
from core.timeutil import parse_instant
from gui import tasks
from tests.conftest import ROOT

NOW = parse_instant("2026-11-24T11:00:00+08:00")


def long_incident() -> dict:
    doc = json.loads((ROOT / "tests" / "core" / "report_fixtures" / "cii-hospital.json").read_text(encoding="utf-8"))
    doc["timeline"] = [
        {
            "at": f"2026-11-2{1 + n // 60}T{n % 24:02d}:{n % 60:02d}:00+08:00",
            "text": f"第 {n + 1} 条处置记录：值班人员检查服务器日志、核对备份并向领导报告进展。",
        }
        for n in range(200)
    ]
    return doc


def test_the_result_arrives_on_the_gui_thread(qtbot):
    pool = tasks.ThreadExecutor()
    seen: list[tuple[object, bool, bool]] = []
    pool.start(
        lambda: QThread.currentThread() is QApplication.instance().thread(),
        lambda on_gui_worker: seen.append(("done", on_gui_worker, QThread.currentThread() is QApplication.instance().thread())),
        lambda exc: seen.append(("failed", False, False)),
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [("done", False, True)]  # worked off the GUI thread, delivered on it


def test_an_error_in_the_work_is_delivered_not_raised(qtbot):
    pool = tasks.ThreadExecutor()
    errors: list[Exception] = []
    pool.start(lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError) and not pool.busy


def test_a_200_entry_report_renders_while_the_event_loop_keeps_turning(qtbot, tmp_path: Path):
    from core.report import render_report

    pack, doc = default_pack(), long_incident()
    render_report(doc, pack, "initial", NOW, tmp_path / "warm.pdf", app_version="test")  # fonts and modules loaded once
    pool = tasks.ThreadExecutor()
    turns: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: turns.append(time.monotonic()))
    done: list[object] = []
    timer.start()
    started = time.monotonic()
    pool.start(lambda: render_report(doc, pack, "initial", NOW, tmp_path / "report.pdf", app_version="test"), done.append, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=30_000)
    elapsed = time.monotonic() - started
    timer.stop()
    assert not isinstance(done[0], Exception), done[0]
    gaps = [b - a for a, b in zip([started, *turns], turns, strict=False)]
    # The loop turned all through the render (a frozen window would show one long gap).
    assert len(turns) >= 3, (len(turns), elapsed)
    assert max(gaps) < elapsed, (max(gaps), elapsed)
