"""Encryption at rest in the desktop, on a real database: turned on from the data menu (the
recovery key shown once, two groups typed back), the file then holds none of the
incident's words, the window keeps working on it, the next start asks for the
passphrase (a wrong one is said and tried again), the recovery key opens it and offers a
new passphrase, and 取消加密 writes it back as a plain file. Dialogs are answered with keys
and clicks; no test touches the machine's own keyring."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from core.clock import FixedClock
from core.service import open_service
from tests.gui.conftest import DISCOVERED

PASSPHRASE = "clinic back office 2026"
TITLE = "门诊系统文件被加密-ZX81"
SQLITE_HEADER = b"SQLite format 3\x00"


@pytest.fixture(autouse=True)
def no_machine_keyring() -> Iterator[None]:
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def type_into(edit: QLineEdit, text: str) -> None:
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(edit, text)


def child(dialog: QWidget, kind: type, name: str):
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def answer(*steps: tuple[str, Callable[[QWidget], None]]) -> list[str]:
    """Answer the modal windows that open next, in order: each step waits for a modal of
    that object name (or class name) and acts on it with keys and clicks."""
    done: list[str] = []
    queue = list(steps)

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if queue and modal is not None and queue[0][0] in (modal.objectName(), type(modal).__name__):
            name, act = queue.pop(0)
            done.append(name)
            act(modal)
        if queue:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return done


def passphrase_twice(passphrase: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        type_into(child(dialog, QLineEdit, "newPassphrase"), passphrase)
        type_into(child(dialog, QLineEdit, "repeatPassphrase"), passphrase)
        QTest.keyClick(child(dialog, QLineEdit, "repeatPassphrase"), Qt.Key.Key_Return)

    return act


def write_down_and_type_back(kept: list[str]) -> Callable[[QWidget], None]:
    def act(dialog) -> None:
        assert dialog.steps.currentIndex() == 1, dialog.message.text()
        shown = dialog.shown.text()
        kept.append(shown)
        QTest.mouseClick(child(dialog, QPushButton, "recoveryKeyWritten"), Qt.MouseButton.LeftButton)
        groups = shown.split("-")
        a, b = dialog.asked
        type_into(child(dialog, QLineEdit, "recoveryGroupA"), groups[a])
        type_into(child(dialog, QLineEdit, "recoveryGroupB"), groups[b])
        QTest.mouseClick(child(dialog, QPushButton, "recoveryKeyConfirmed"), Qt.MouseButton.LeftButton)

    return act


def unlock_with(*tries: str, recovery: bool = False, seen: list[str] | None = None) -> Callable[[QWidget], None]:
    def act(dialog) -> None:
        if recovery:
            QTest.mouseClick(child(dialog, QPushButton, "useRecoveryKey"), Qt.MouseButton.LeftButton)
        field = child(dialog, QLineEdit, "recoveryKey" if recovery else "passphrase")
        for text in tries:
            type_into(field, text)
            QTest.keyClick(field, Qt.Key.Key_Return)
            if seen is not None and dialog.isVisible():
                seen.append(dialog.message.text())

    return act


def encrypted_session(tmp_path: Path, qtbot) -> tuple[object, Path, str]:
    """A session on a new database with one incident, encrypted through the data menu."""
    from gui import app

    db = tmp_path / "incidents.sqlite"
    service = open_service(db, FixedClock(DISCOVERED))
    service.create_incident({"title": TITLE})
    service.close()
    app.prepare_application()
    session = app.open_session(str(db), FixedClock(DISCOVERED))
    assert session is not None
    window = session.show_main_window()
    qtbot.addWidget(window)
    window._show_encryption_items()  # what opening the data menu does
    assert window.action_encrypt.isVisible() and not window.action_decrypt.isVisible()
    kept: list[str] = []
    done = answer(("EncryptDialog", lambda d: (passphrase_twice(PASSPHRASE)(d), write_down_and_type_back(kept)(d))))
    session.run_encryption("encrypt")
    assert done == ["EncryptDialog"] and kept
    return session, db, kept[0]


def test_encrypting_hides_the_incident_and_the_window_goes_on_working(tmp_path, qtbot):
    session, db, recovery = encrypted_session(tmp_path, qtbot)
    try:
        data = db.read_bytes()
        assert not data.startswith(SQLITE_HEADER) and TITLE.encode() not in data
        assert "已加密" in session.window.status_label.text()
        rows = session.hub.list_incidents(DISCOVERED)
        assert [r.title for r in rows] == [TITLE]  # reopened: the list reads the encrypted file
        session.window._show_encryption_items()
        assert not session.window.action_encrypt.isVisible() and session.window.action_decrypt.isVisible()
        assert len(recovery.split("-")) == 8
    finally:
        session.service.close()


def test_the_next_start_asks_the_passphrase_and_a_wrong_one_is_said_and_tried_again(tmp_path, qtbot):
    from core.service import lock_database
    from gui import app

    session, db, _recovery = encrypted_session(tmp_path, qtbot)
    session.service.close()
    lock_database(db)  # as a new process: the key is not held
    said: list[str] = []
    done = answer(("UnlockDialog", unlock_with("not the passphrase", "still wrong", PASSPHRASE, seen=said)))
    again = app.open_session(str(db), FixedClock(DISCOVERED))
    assert done == ["UnlockDialog"] and again is not None
    try:
        assert len(said) == 2 and all(said) and all("口令" in s for s in said)
        assert [r.title for r in again.hub.list_incidents(DISCOVERED)] == [TITLE]
    finally:
        again.service.close()


def test_giving_up_at_the_passphrase_opens_nothing(tmp_path, qtbot):
    from core.service import lock_database
    from gui import app

    session, db, _recovery = encrypted_session(tmp_path, qtbot)
    session.service.close()
    lock_database(db)
    done = answer(("UnlockDialog", lambda d: QTest.keyClick(d, Qt.Key.Key_Escape)))
    assert app.open_session(str(db), FixedClock(DISCOVERED)) is None and done == ["UnlockDialog"]
    assert not db.read_bytes().startswith(SQLITE_HEADER)  # untouched


def test_the_recovery_key_opens_and_a_new_passphrase_is_set(tmp_path, qtbot):
    from core.service import lock_database
    from gui import app

    session, db, recovery = encrypted_session(tmp_path, qtbot)
    session.service.close()
    lock_database(db)
    done = answer(
        ("UnlockDialog", unlock_with(recovery.lower().replace("-", " "), recovery=True)),
        ("ChangePassphraseDialog", passphrase_twice("a brand new passphrase")),
    )
    again = app.open_session(str(db), FixedClock(DISCOVERED))
    assert done == ["UnlockDialog", "ChangePassphraseDialog"] and again is not None
    again.service.close()
    lock_database(db)
    done = answer(("UnlockDialog", unlock_with(PASSPHRASE, "a brand new passphrase")))
    third = app.open_session(str(db), FixedClock(DISCOVERED))
    assert third is not None and done == ["UnlockDialog"]
    third.service.close()


def test_turning_encryption_off_is_said_plainly_and_needs_the_passphrase(tmp_path, qtbot):
    session, db, _recovery = encrypted_session(tmp_path, qtbot)
    try:
        done = answer(
            ("QMessageBox", lambda box: QTest.mouseClick(box.button(QMessageBox.StandardButton.Yes) or box.buttons()[0], Qt.MouseButton.LeftButton)),
            ("UnlockDialog", unlock_with(PASSPHRASE)),
        )
        session.run_encryption("decrypt")
        assert done == ["QMessageBox", "UnlockDialog"]
        assert db.read_bytes().startswith(SQLITE_HEADER) and "明文" in session.window.status_label.text()
        assert [r.title for r in session.hub.list_incidents(DISCOVERED)] == [TITLE]
    finally:
        session.service.close()


def test_the_welcome_screen_offers_encryption_quietly_and_it_works_from_there(tmp_path, qtbot):
    from gui import app

    db = tmp_path / "first.sqlite"
    app.prepare_application()
    session = app.open_session(str(db), FixedClock(DISCOVERED))
    assert session is not None
    try:
        welcome = session.show_welcome()
        qtbot.addWidget(welcome)
        offer = child(welcome, QPushButton, "offerEncryption")
        assert welcome.start_button.isDefault() and not offer.isDefault()  # the first hour's button stays the one Enter presses
        kept: list[str] = []
        done = answer(("EncryptDialog", lambda d: (passphrase_twice(PASSPHRASE)(d), write_down_and_type_back(kept)(d))))
        QTest.mouseClick(offer, Qt.MouseButton.LeftButton)
        assert done == ["EncryptDialog"] and not offer.isVisible()
        assert "已加密" in child(welcome, QLabel, "encryptionOutcome").text()
        assert not db.read_bytes().startswith(SQLITE_HEADER)
    finally:
        session.service.close()


def test_restoring_an_encrypted_backup_of_another_database_asks_for_its_passphrase(tmp_path, qtbot, monkeypatch):
    from core.service import encrypt_database, lock_database
    from gui import dialogs, maintenance

    other = tmp_path / "other" / "incidents.sqlite"
    other.parent.mkdir()
    service = open_service(other, FixedClock(DISCOVERED))
    service.create_incident({"title": "另一台电脑上的事件"})
    service.close()
    encrypt_database(other, "the other office's passphrase")
    service = open_service(other, FixedClock(DISCOVERED))
    backup = tmp_path / "other-backup.sqlite3"
    service.backup(backup)
    service.close()
    lock_database(other)
    lock_database(backup)  # brought from elsewhere: its key is not held
    session, _db, _recovery = encrypted_session(tmp_path, qtbot)
    try:
        monkeypatch.setattr(dialogs, "open_file", lambda *a: str(backup))
        monkeypatch.setattr(dialogs, "ask", lambda *a: True)
        said: list[str] = []
        done = answer(("UnlockDialog", unlock_with(PASSPHRASE, "the other office's passphrase", seen=said)))
        outcome = maintenance.restore(session.window, session.hub)
        assert done == ["UnlockDialog"] and len(said) == 1 and "已从备份恢复" in outcome, outcome
        assert [r.title for r in session.hub.list_incidents(DISCOVERED)] == ["另一台电脑上的事件"]
    finally:
        session.service.close()
