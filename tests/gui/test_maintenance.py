"""Backup, restore and about from the main window's menu (dialogs replaced, conventions §20)."""

from __future__ import annotations

from gui import dialogs
from tests.conftest import example


def test_backup_then_restore_gives_back_identical_incidents(session, qtbot, tmp_path, monkeypatch):
    first = session.store.import_document(example())
    before = session.store.export_document(first)
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
    assert session.store.export_document(first) == before
    assert session.store.verify().ok


def test_restore_from_a_bad_file_says_why_and_changes_nothing(session, qtbot, tmp_path, monkeypatch):
    first = session.store.import_document(example())
    window = session.show_main_window()
    qtbot.addWidget(window)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a backup" * 50)
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: str(bad))
    monkeypatch.setattr(dialogs, "ask", lambda *a, **k: True)
    window.action_restore.trigger()
    assert str(bad) in window.status_label.text() or "备份" in window.status_label.text()
    assert session.store.export_document(first)["title"] == example()["title"]


def test_about_names_app_and_rule_pack_versions(session, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: shown.append(text))
    window = session.show_main_window()
    qtbot.addWidget(window)
    window.action_about.trigger()
    assert "规则包" in shown[0] and session.pack.version in shown[0] and "2025-11-01" in shown[0]
