"""Start-up paths: first run, straight into a new incident, main window, resume, bad file."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from gui import app as app_module
from gui import dialogs
from tests.gui.conftest import save_screenshot, type_text


def test_first_run_shows_the_welcome_and_the_big_button_starts_an_incident(session, qtbot):
    session.start()
    qtbot.waitUntil(lambda: session.settled)  # the draft offer, reminders and clock checks follow the first paint
    welcome = session.welcome
    assert welcome is not None and welcome.objectName() == "WelcomeWindow"
    qtbot.addWidget(welcome)
    type_text(welcome.findChild(QLineEdit, "profile_name"), "康宁诊所")
    save_screenshot(welcome, "welcome")
    welcome.findChild(QWidget, "startIncident").click()
    assert session.service.store.profile()["name"] == "康宁诊所"
    wizard = session.wizards[-1]
    qtbot.addWidget(wizard)
    assert wizard.objectName() == "IncidentWizard"
    assert wizard.incident_id is None  # created with the first answer, not before
    wizard.findChild(QWidget, "discoveryNow").click()
    assert session.hub.document(wizard.incident_id)["reporter"]["name"] == "康宁诊所"


def test_example_opens_as_a_drill(session, qtbot):
    session.start()
    qtbot.waitUntil(lambda: session.settled)  # the draft offer, reminders and clock checks follow the first paint
    qtbot.addWidget(session.welcome)
    session.welcome.findChild(QWidget, "openExample").click()
    wizard = session.wizards[-1]
    qtbot.addWidget(wizard)
    doc = session.hub.document(wizard.incident_id)
    assert doc["drill"] is True and doc["title"].startswith("【示例演练】")


def test_with_a_profile_and_no_incident_it_opens_straight_into_a_new_incident(session, qtbot):
    session.service.store.save_profile({"name": "某某学校", "category": "other"})
    session.start()
    qtbot.waitUntil(lambda: session.settled)  # the draft offer, reminders and clock checks follow the first paint
    assert session.welcome is None and len(session.wizards) == 1
    qtbot.addWidget(session.wizards[0])


def test_with_incidents_it_opens_the_main_window_and_offers_the_draft(session, qtbot):
    incident_id = session.hub.create_incident({"schema": "incident-assistant/incident@1", "title": "草稿"})
    session.start()
    qtbot.waitUntil(lambda: session.settled)  # the draft offer, reminders and clock checks follow the first paint
    window = session.window
    qtbot.addWidget(window)
    assert window.objectName() == "MainWindow"
    assert window.findChild(QWidget, "incidentTable").model().rowCount() == 1
    assert window.banner.isVisibleTo(window) and "草稿" in window.banner_text.text()
    save_screenshot(window, "main-window")
    window.findChild(QWidget, "resumeDraft").click()
    assert session.wizards[-1].incident_id == incident_id
    qtbot.addWidget(session.wizards[-1])


def test_new_incident_action_on_the_main_window(session, qtbot):
    session.hub.create_incident(None)
    window = session.show_main_window()
    qtbot.addWidget(window)
    window.findChild(type(window.action_new), "actionNewIncident").trigger()
    assert session.wizards
    qtbot.addWidget(session.wizards[-1])


def test_a_file_that_is_not_a_database_gets_a_message_not_a_crash(tmp_path, monkeypatch, qapp):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    before = bad.read_bytes()
    shown = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: shown.append(text))
    assert app_module.main(["--db", str(bad)]) == 2
    assert shown and str(bad) in shown[0]
    assert bad.read_bytes() == before


def test_damage_found_by_the_check_after_the_first_paint_gets_a_message_and_ends_the_app(tmp_path, monkeypatch, qapp, clock):
    """The GUI opens the file with its quick_check in the background (issue 7); a damage
    it finds is explained after the window was painted, the app ends with 2 and nothing
    was written."""
    import hashlib

    from tests.core.test_store_integrity import _break_table_page, filled

    path = tmp_path / "damaged.sqlite3"
    filled(path)
    _break_table_page(path, "timeline")
    before = hashlib.sha256(path.read_bytes()).digest()
    shown = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: shown.append((parent, text)))
    try:
        assert app_module.main(["--db", str(path)], clock=clock) == 2
        assert shown and str(path) in shown[0][1]
        assert shown[0][0] is not None and shown[0][0].objectName() == "MainWindow"  # after the window appeared
    finally:
        for widget in qapp.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        qapp.processEvents()
    assert hashlib.sha256(path.read_bytes()).digest() == before


def test_a_broken_audit_tail_with_a_language_asked_for_gets_a_message_and_nothing_is_written(tmp_path, monkeypatch, qapp, clock):
    """``--lang`` is remembered only once the opening checks passed: with a broken chain the
    app explains it after the first paint and ends with 2, and the file stays as it was (the
    language used to be written first, which raised out of the start)."""
    import gc
    import hashlib

    from tests.core.test_store_integrity import BLOB_IN_THE_TAIL, filled, tamper

    path = tmp_path / "broken-tail.sqlite3"
    filled(path)
    tamper(path, *BLOB_IN_THE_TAIL)
    before = hashlib.sha256(path.read_bytes()).digest()
    shown = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: shown.append(text))
    gc.disable()  # as the launcher leaves it
    try:
        assert app_module.main(["--db", str(path), "--lang", "en"], clock=clock) == 2
        assert gc.isenabled()  # on every way out
        assert shown and str(path) in shown[0]
    finally:
        gc.enable()
        from gui import i18n

        i18n.set_language("zh")
        for widget in qapp.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        qapp.processEvents()
    assert hashlib.sha256(path.read_bytes()).digest() == before


def test_a_second_window_on_the_same_database_is_refused_with_a_message(tmp_path, monkeypatch, qapp):
    from gui import app, dialogs

    said: list[str] = []
    monkeypatch.setattr(dialogs, "warn", lambda _parent, title, text: said.append(f"{title}: {text}"))
    db = str(tmp_path / "one.sqlite3")
    first = app.open_session(db)
    assert first is not None
    try:
        assert app.open_session(db) is None  # a second app on the same file
        assert said and "另一个窗口" in said[0]
    finally:
        first.ticker.stop()
        first.service.close()
    again = app.open_session(db)  # free again once the first has let go
    assert again is not None
    again.ticker.stop()
    again.service.close()


def test_the_collector_paused_for_the_start_runs_again_once_start_up_settles(session, qtbot):
    """The launcher pauses the cyclic collector for the start (``gui.launch.pause_collection``);
    the session turns it back on after its last start-up step, whatever the first window."""
    import gc

    from gui import launch

    launch.pause_collection()
    try:
        session.start()
        assert not gc.isenabled()
        qtbot.waitUntil(lambda: session.settled)
        qtbot.waitUntil(gc.isenabled)
    finally:
        gc.enable()
    qtbot.addWidget(session.welcome)
    assert not session.welcome.windowIcon().isNull()  # the app's icon follows the first paint


def test_a_kept_copy_of_the_database_is_told_once(session, qtbot, monkeypatch):
    """A copy a cut-short restore kept beside the database is named once, never deleted."""
    from gui import dialogs

    kept = session.service.store.path.parent / (session.service.store.path.name + ".before-restore-20261124-093000.bak")
    kept.write_bytes(b"copy")
    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    session._tell_kept_copies()
    session._tell_kept_copies()
    assert len(told) == 1 and kept.name in told[0]
    assert kept.exists()
