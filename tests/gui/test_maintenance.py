"""Backup, restore and about from the main window's menu (dialogs replaced, conventions §20)."""

from __future__ import annotations

from gui import dialogs
from tests.conftest import example


def test_backup_then_restore_gives_back_identical_incidents(session, qtbot, tmp_path, monkeypatch):
    first = session.service.store.import_document(example())
    before = session.service.store.export_document(first)
    window = session.show_main_window()
    qtbot.addWidget(window)
    target = tmp_path / "backup.sqlite3"
    monkeypatch.setattr(dialogs, "save_file", lambda *a, **k: str(target))
    window.action_backup.trigger()
    assert target.exists() and "已备份" in window.status_label.text()
    session.hub.set_field(first, "title", "备份之后改的标题")
    session.hub.flush()
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: str(target))
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    window.action_restore.trigger()
    assert "已从备份恢复" in window.status_label.text()
    assert session.service.store.export_document(first) == before
    assert session.service.store.verify().ok


def test_restore_from_a_bad_file_says_why_and_changes_nothing(session, qtbot, tmp_path, monkeypatch):
    first = session.service.store.import_document(example())
    window = session.show_main_window()
    qtbot.addWidget(window)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a backup" * 50)
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: str(bad))
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    window.action_restore.trigger()
    assert str(bad) in window.status_label.text() or "备份" in window.status_label.text()
    assert session.service.store.export_document(first)["title"] == example()["title"]


def test_about_names_app_and_rule_pack_versions(session, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: shown.append(text))
    window = session.show_main_window()
    qtbot.addWidget(window)
    window.action_about.trigger()
    assert "规则包" in shown[0] and session.pack.version in shown[0] and "2025-11-01" in shown[0]


def test_list_filter_by_text_and_status(session, qtbot, clock):
    from datetime import timedelta

    from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView

    from tests.gui.conftest import DISCOVERED, type_text

    session.service.store.import_document(example())
    drill = example()
    drill.update(title="演练：网站被篡改", drill=True)
    session.service.store.import_document(drill)
    clock.set(DISCOVERED + timedelta(hours=5))
    window = session.show_main_window()
    qtbot.addWidget(window)
    table = window.findChild(QTableView, "incidentTable")
    assert table.model().rowCount() == 2
    type_text(window.findChild(QLineEdit, "incidentSearch"), "篡改")
    assert table.model().rowCount() == 1
    window.findChild(QLineEdit, "incidentSearch").clear()
    combo = window.findChild(QComboBox, "statusFilter")
    combo.setCurrentIndex(combo.findData("real"))
    assert table.model().rowCount() == 1
    assert table.model().index(0, 1).data() == example()["title"]
    combo.setCurrentIndex(combo.findData("past_due"))
    assert table.model().rowCount() == 2
    window.model.reload()
    window._tick(clock.now())  # the tick maps visible rows through the filter


def test_a_real_incident_is_voided_from_the_list_and_a_drill_deleted(session, qtbot, monkeypatch):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QComboBox

    from gui import dialogs
    from tests.conftest import example

    real = session.service.store.import_document(example())
    drill = session.service.store.import_document({**example(), "drill": True, "title": "演练：勒索"})
    window = session.show_main_window()
    qtbot.addWidget(window)
    window.select_incident(real)
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a: "  ")
    assert "理由" in window.remove_selected()  # a blank reason is refused, nothing voided
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a: "误录")
    window.findChild(QAction, "actionRemoveIncident").trigger()  # the Delete key's action
    assert real not in [window.model.incident_id(r) for r in range(window.model.rowCount())]
    combo = window.findChild(QComboBox, "statusFilter")
    combo.setCurrentIndex(combo.findData("voided"))
    assert [window.model.incident_id(r) for r in range(window.model.rowCount())] == [real]
    assert window.model.index(0, 3).data() == "已作废"
    combo.setCurrentIndex(combo.findData("all"))
    window.select_incident(drill)
    monkeypatch.setattr(dialogs, "ask", lambda *_a: True)
    assert window.remove_selected() == "已删除演练。"
    assert not session.service.store.has_incident(drill) and session.service.store.verify().ok
