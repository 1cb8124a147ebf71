"""The app's shell: the full check at open (writing stops on a damaged file, a raw copy for
forensics), the record anchor shown after a submission, one wizard per incident, start at
login, the human number in the list, and the database path through the hub."""

from __future__ import annotations

import sqlite3
import stat
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from core.store import StoreReadOnly
from core.store.anchor import store_anchor
from core.store.fullcheck import start_full_check
from gui import app as app_module
from gui import autostart, dialogs
from gui.wizard.facts import PAGE_REVIEW
from tests.conftest import example
from tests.gui.conftest import DISCOVERED
from tests.gui.test_desk_actions import accept_submission
from tests.gui.test_wizard import find, go_to


def damaged(session) -> str:
    """An incident whose stored document had three bytes changed behind the app's back:
    the quick checks at open pass, only the full check finds it (issue 16, defect 8)."""
    incident_id = session.service.store.import_document(example())
    session.service.store.set_field(incident_id, "harm", "门诊停摆两小时")
    session.service.store.set_field(incident_id, "cause", "远程桌面弱口令")
    conn = sqlite3.connect(str(session.service.store.path))
    conn.execute("UPDATE incidents SET doc = replace(doc, '门诊', '门X') WHERE id = ?", (incident_id,))
    conn.commit()
    conn.close()
    return incident_id


def started(session, qtbot):
    session.start()
    qtbot.waitUntil(lambda: session.settled and session.full_check is not None and session.full_check.result is not None, timeout=10000)
    window = session.window
    assert window is not None
    qtbot.addWidget(window)
    return window


def test_a_damaged_file_stops_writing_says_why_and_the_raw_copy_is_byte_for_byte(session, qtbot, tmp_path, monkeypatch):
    incident_id = damaged(session)
    threads: list[tuple[str, bool]] = []

    def starter(path, on_progress, on_done):
        def done_in_worker(result):
            threads.append(("worker", threading.current_thread() is threading.main_thread()))
            on_done(result)

        return start_full_check(path, on_progress, done_in_worker)

    shown = app_module.Session._show_problem

    def show_problem(self, window, result):
        threads.append(("shown", QThread.currentThread() is QApplication.instance().thread()))
        shown(self, window, result)

    monkeypatch.setattr(app_module.Session, "_show_problem", show_problem)
    session.full_check_starter = starter
    window = started(session, qtbot)
    assert threads == [("worker", False), ("shown", True)]  # checked off the UI thread, shown on it

    banner = window.findChild(QWidget, "integrityBanner")
    text = window.findChild(QLabel, "integrityText").text()
    assert banner.isVisibleTo(window)
    assert "已停止写入" in text and "不能修改" in text and incident_id in text
    assert session.service.store.read_only
    with pytest.raises(StoreReadOnly):
        session.service.store.set_field(incident_id, "cause", "再改一次")
    errors: list[str] = []
    session.hub.storeError.connect(errors.append)
    session.hub.set_field(incident_id, "cause", "从界面再改")
    assert session.hub.flush() is False and errors  # the edit stays queued; nothing reaches the file
    session.hub._pending.clear()  # not retried into a later test's windows
    session.hub._timer.stop()

    folder = tmp_path / "forensics"
    folder.mkdir()
    asked: list[str] = []

    def pick(_parent, _caption, default, _filters):
        asked.append(default)
        return str(folder / Path(default).name)

    monkeypatch.setattr(dialogs, "save_file", pick)
    window.findChild(QWidget, "saveRawCopy").click()
    name = Path(asked[0]).name
    assert name.startswith("incidents.sqlite.原始副本-") and name.endswith(".sqlite3")
    copy = folder / name
    db = Path(session.service.store.path)
    assert copy.read_bytes() == db.read_bytes()
    wal = db.with_name(db.name + "-wal")
    if wal.is_file():
        assert (folder / (name + "-wal")).read_bytes() == wal.read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert "已保存原始副本" in window.status_label.text() and "SHA-256" in window.status_label.text()
    window.findChild(QWidget, "saveRawCopy").click()  # a second copy of the same name never overwrites
    assert "没有覆盖" in window.status_label.text() and copy.read_bytes() == db.read_bytes()


def test_a_whole_file_shows_nothing_and_stays_writable(session, qtbot):
    incident_id = session.service.store.import_document(example())
    window = started(session, qtbot)
    assert session.full_check.result.ok
    assert not window.findChild(QWidget, "integrityBanner").isVisibleTo(window)
    assert "完整检查" not in window.status_label.text()
    assert not session.service.store.read_only
    session.service.store.set_field(incident_id, "cause", "可以照常修改")


def test_progress_of_a_large_file_is_in_the_status_bar_and_cleared_at_the_end(session, qtbot):
    session.service.store.import_document(example())
    window = started(session, qtbot)
    session.full_check.progressed.emit(30_000, 60_000)
    assert "50%" in window.status_label.text()
    session.full_check.progressed.emit(60_000, 60_000)
    assert window.status_label.text() == ""
    window.status_label.setText("已自动保存")
    session.full_check.progressed.emit(10, 100)  # a small file: no progress line at all
    assert window.status_label.text() == "已自动保存"


class FakeCheck:
    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def join(self, timeout: float | None = None) -> None:
        pass


def test_closing_the_window_cancels_the_check(session, qtbot):
    session.service.store.import_document(example())
    checks: list[FakeCheck] = []
    session.full_check_starter = lambda _path, _progress, _done: checks.append(FakeCheck()) or checks[-1]  # type: ignore[assignment]
    session.start()
    qtbot.waitUntil(lambda: session.settled)
    assert checks and not checks[0].cancelled
    session.window.close()
    assert checks[0].cancelled


def test_a_recorded_submission_shows_its_record_anchor_on_the_desk(session, qtbot, desk_window, monkeypatch, clock):
    window, _incident_id = desk_window
    clock.set(DISCOVERED + timedelta(hours=1))
    accept_submission(monkeypatch, at=DISCOVERED + timedelta(minutes=50), obligation="provincial_cyberspace_office")
    message = window.desk.record_submission()
    anchor = store_anchor(session.service.store)
    assert "已登记报送" in message and f"记录校验码：{anchor}（请与报送材料一起留存）" in message
    assert anchor in window.status_label.text()


def test_the_hub_returns_the_record_and_its_anchor(session):
    incident_id = session.service.store.import_document(example())
    recorded = session.hub.add_submission(
        incident_id,
        {"kind": "initial", "obligation": "provincial_cyberspace_office", "submitted_at": "2026-11-24T10:20:00+08:00", "channel": "phone", "person": "王芳"},
    )
    assert recorded.id > 0 and recorded.anchor == store_anchor(session.service.store)


def test_the_review_page_shows_the_record_anchor(wizard):
    go_to(wizard, PAGE_REVIEW)
    find(wizard, "submissionPerson", QLineEdit).setText("王芳")
    find(wizard, "recordSubmission").click()
    text = find(wizard, "submissionMessage", QLabel).text()
    assert "已登记" in text and f"记录校验码：{store_anchor(wizard.hub.service.store)}" in text


def test_one_wizard_per_incident(session, qtbot):
    incident_id = session.service.store.import_document(example())
    first = session.open_wizard(incident_id)
    qtbot.addWidget(first)
    again = session.open_wizard(incident_id)
    assert again is first and len(session.wizards) == 1 and first.isVisible()
    other_id = session.service.store.import_document(example(), new_id=True)
    other = session.open_wizard(other_id)
    qtbot.addWidget(other)
    assert other is not first and len(session.wizards) == 2
    first.close()
    reopened = session.open_wizard(incident_id)
    qtbot.addWidget(reopened)
    assert reopened is not first and reopened.incident_id == incident_id


def test_new_incidents_each_get_their_own_wizard(session, qtbot):
    a, b = session.open_wizard(None), session.open_wizard(None)
    qtbot.addWidget(a)
    qtbot.addWidget(b)
    assert a is not b and len(session.wizards) == 2


def test_start_at_login_writes_and_removes_the_xdg_autostart_entry(session, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(autostart.sys, "platform", "linux")
    session.service.store.import_document(example())
    window = session.show_main_window()
    qtbot.addWidget(window)
    action = window.findChild(type(window.action_quit), "actionStartAtLogin")
    assert action.isCheckable() and not action.isChecked()
    action.trigger()
    entry = tmp_path / "config" / "autostart" / "org.incident_assistant.IncidentAssistant.desktop"
    text = entry.read_text(encoding="utf-8")
    assert "[Desktop Entry]" in text and "Type=Application" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" --tray")
    assert session.service.store.meta(autostart.KEY) == autostart.ON and "登录时启动" in window.status_label.text()
    session.window = None  # a new window (next start) shows the stored choice
    again = session.main_window()
    qtbot.addWidget(again)
    assert again.action_start_at_login.isChecked()
    again.action_start_at_login.trigger()
    assert not entry.exists() and session.service.store.meta(autostart.KEY) == autostart.OFF


def test_the_autostart_file_follows_xdg_config_home_and_quotes_the_command():
    assert autostart.autostart_file({"XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"}) == Path(
        "/x/cfg/autostart/org.incident_assistant.IncidentAssistant.desktop"
    )
    assert autostart.autostart_file({"XDG_CONFIG_HOME": "relative", "HOME": "/home/u"}) == Path(
        "/home/u/.config/autostart/org.incident_assistant.IncidentAssistant.desktop"
    )
    assert autostart.autostart_file({"HOME": "/home/u"}) == Path("/home/u/.config/autostart/org.incident_assistant.IncidentAssistant.desktop")
    entry = autostart.desktop_entry(["/opt/My Apps/incident-assistant", "--tray"])
    assert 'Exec="/opt/My Apps/incident-assistant" --tray' in entry
    assert 'Exec="/a/\\\\$x" 100%%' in autostart.desktop_entry(["/a/$x", "100%"])


def test_tray_start_keeps_the_main_window_hidden_and_reminds(session, qtbot, monkeypatch, clock):
    monkeypatch.setattr(app_module, "tray_available", lambda: True)
    session.service.store.import_document(example())
    session.start(tray=True)
    qtbot.waitUntil(lambda: session.settled)
    assert session.window is not None and not session.window.isVisible()
    qtbot.addWidget(session.window)
    assert session.tray is not None and session.tray.isVisible()
    assert not QApplication.instance().quitOnLastWindowClosed()
    fired: list[str] = []
    monkeypatch.setattr(session.tray, "showMessage", lambda _t, message, *a: fired.append(message))
    clock.set(DISCOVERED + timedelta(hours=3, minutes=55))
    session.reminders.check(clock.now())
    assert fired and not session.window.isVisible()
    session.quit()


def test_the_launcher_takes_tray_as_the_desktop_apps_own():
    from gui import launch

    assert launch.wants_gui(["--tray"]) and launch.wants_gui(["--minimized", "--db", "x.sqlite3"])
    assert not launch.wants_gui(["list", "--tray"])
    assert app_module.parse_args(["--tray", "--lang", "en"]).tray and not app_module.parse_args([]).tray


def test_the_list_shows_the_number_first_and_the_search_finds_it(session, qtbot):
    first = session.service.store.import_document(example())
    second = session.service.store.import_document(example(), new_id=True)
    numbers = {row.id: row.number for row in session.service.store.list_incidents(session.clock.now())}
    assert numbers[first] and numbers[second] and numbers[first] != numbers[second]
    window = session.show_main_window()
    qtbot.addWidget(window)
    model = window.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    shown = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert shown == {numbers[first], numbers[second]}
    assert model.data(model.index(0, 1)) == example()["title"]
    assert window.table.columnWidth(0) < window.table.columnWidth(1)  # narrow
    window.search.setText(numbers[second])
    assert model.rowCount() == 1 and model.incident_id(0) == second
    window.search.setText(example()["title"][:4])
    assert model.rowCount() == 2


def test_the_hub_gives_the_database_path_to_the_windows(session, qtbot):
    session.service.store.import_document(example())
    assert session.hub.data_path() == str(session.service.store.path)
    wizard = session.open_wizard(None)
    qtbot.addWidget(wizard)
    assert wizard.data_path == session.hub.data_path()


def _parse_exec(value: str) -> list[str]:
    """An Exec value read back as a desktop environment does (Desktop Entry Specification)."""
    value = value.replace("\\\\", "\\")  # the string-level escape first
    args, current, quoted, i, started = [], "", False, 0, False
    while i < len(value):
        c = value[i]
        if quoted and c == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
            current, i = current + value[i + 1], i + 2
            continue
        if c == '"':
            quoted, started = not quoted, True
        elif c == " " and not quoted:
            if started or current:
                args.append(current)
            current, started = "", False
        else:
            current += c
        i += 1
    if started or current:
        args.append(current)
    return [a.replace("%%", "%") for a in args]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=20), min_size=1, max_size=4))
def test_any_command_survives_the_exec_line(command):
    exec_line = next(line for line in autostart.desktop_entry(command).splitlines() if line.startswith("Exec="))
    assert _parse_exec(exec_line[len("Exec=") :]) == command
