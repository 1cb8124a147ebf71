"""The encryption dialogs, driven by keys and clicks: a wrong passphrase is said and can be
tried again (five times and more) with what she typed kept; the recovery key opens
instead; turning encryption on shows the recovery key once and will not close until two
of its groups are typed back; a new passphrase is asked twice."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton

from core.store.keys import new_recovery_key
from gui.encryption import ChangePassphraseDialog, EncryptDialog, UnlockDialog

RIGHT = "correct horse battery"
RECOVERY = new_recovery_key()  # a well-formed key: its groups are checked by core


def click(widget: QPushButton) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(edit: QLineEdit, text: str) -> None:
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
    QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(edit, text)


def press_enter(widget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_a_wrong_passphrase_is_said_kept_and_can_be_tried_again_then_the_right_one_opens(qtbot):
    tries: list[tuple[str | None, str | None, bool]] = []

    def unlock(passphrase, recovery, remember):
        tries.append((passphrase, recovery, remember))
        return None if passphrase == RIGHT else "口令不对，请再试一次。"

    dialog = UnlockDialog("incidents.db", unlock)
    qtbot.addWidget(dialog)
    dialog.show()
    for n in range(5):
        type_into(dialog.passphrase, f"wrong {n}")
        press_enter(dialog.passphrase)
        assert dialog.isVisible() and "口令不对" in dialog.message.text()
        assert dialog.passphrase.text() == f"wrong {n}" and dialog.passphrase.selectedText() == f"wrong {n}"
    assert "恢复密钥" in dialog.message.text()  # after a few tries the way out is pointed out
    QTest.mouseClick(dialog.remember, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.remember.height() // 2))  # on its box
    assert dialog.remember.isChecked()
    type_into(dialog.passphrase, RIGHT)
    press_enter(dialog.passphrase)
    assert not dialog.isVisible() and dialog.opened_with == "passphrase"
    assert tries[-1] == (RIGHT, None, True) and len(tries) == 6


def test_an_empty_passphrase_is_not_sent_and_says_what_to_do(qtbot):
    dialog = UnlockDialog("incidents.db", lambda *_: "never")
    qtbot.addWidget(dialog)
    dialog.show()
    press_enter(dialog.passphrase)
    assert dialog.isVisible() and dialog.message.text() == "请输入口令。"


def test_the_recovery_key_opens_instead(qtbot):
    seen = []

    def unlock(passphrase, recovery, remember):
        seen.append((passphrase, recovery))
        return None if recovery and recovery.replace(" ", "").upper() == RECOVERY.replace("-", "") else "恢复密钥不对。"

    dialog = UnlockDialog("incidents.db", unlock)
    qtbot.addWidget(dialog)
    dialog.show()
    click(dialog.switch)
    assert dialog.recovery.isVisible() and dialog.focusWidget() is dialog.recovery
    type_into(dialog.recovery, "K7M2 9QXA")
    press_enter(dialog.recovery)
    assert dialog.isVisible() and dialog.message.text() == "恢复密钥不对。" and dialog.recovery.text() == "K7M2 9QXA"
    type_into(dialog.recovery, RECOVERY.replace("-", " ").lower())
    press_enter(dialog.recovery)
    assert dialog.opened_with == "recovery" and seen[-1][0] is None


def test_encrypting_shows_the_recovery_key_once_and_asks_two_groups_back(qtbot):
    calls = []

    def encrypt(passphrase, remember):
        calls.append((passphrase, remember))
        return RECOVERY, None

    dialog = EncryptDialog(encrypt)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "都无法恢复" in dialog.findChild(object, "encryptWarning").text()
    type_into(dialog.new.first, RIGHT)
    type_into(dialog.new.second, RIGHT + "x")
    press_enter(dialog.new.second)
    assert dialog.steps.currentIndex() == 0 and "不一致" in dialog.message.text() and calls == []
    type_into(dialog.new.second, RIGHT)
    press_enter(dialog.new.second)
    assert calls == [(RIGHT, False)] and dialog.steps.currentIndex() == 1
    assert dialog.shown.text() == RECOVERY
    dialog.reject()  # Escape or the window's close button: refused while the key is unconfirmed
    assert dialog.isVisible() and "记下恢复密钥" in dialog.message.text()
    click(dialog.findChild(QPushButton, "recoveryKeyWritten"))
    assert dialog.steps.currentIndex() == 2
    groups = RECOVERY.split("-")
    a, b = dialog.asked
    type_into(dialog.group_a, groups[a])
    type_into(dialog.group_b, "ZZZZ" if groups[b] != "ZZZZ" else "YYYY")
    click(dialog.findChild(QPushButton, "recoveryKeyConfirmed"))
    assert dialog.isVisible() and f"第 {b + 1} 组不对" in dialog.message.text() and dialog.group_a.text() == groups[a]
    type_into(dialog.group_b, groups[b].lower())
    click(dialog.findChild(QPushButton, "recoveryKeyConfirmed"))
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted


def test_a_refused_encryption_keeps_the_passphrase_and_says_why(qtbot):
    dialog = EncryptDialog(lambda p, r: (None, "口令至少要有 8 个字符。"))
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(dialog.new.first, "short")
    type_into(dialog.new.second, "short")
    press_enter(dialog.new.second)
    assert dialog.steps.currentIndex() == 0 and dialog.message.text() == "口令至少要有 8 个字符。"
    assert dialog.new.first.text() == "short" and dialog.encrypt_buttons.isEnabled() and not dialog.progress.isVisible()
    dialog.reject()  # nothing was encrypted: cancelling closes
    assert not dialog.isVisible()


def test_changing_the_passphrase_asks_the_current_one_and_the_new_one_twice(qtbot):
    changes = []

    def change(current, new):
        changes.append((current, new))
        return None if current == RIGHT else "当前口令不对。"

    dialog = ChangePassphraseDialog(change)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(dialog.new.first, "a new passphrase")
    type_into(dialog.new.second, "a new passphrase")
    press_enter(dialog.new.second)
    assert dialog.message.text() == "请输入当前口令。" and changes == []
    type_into(dialog.current, "not it")
    press_enter(dialog.current)
    assert dialog.message.text() == "当前口令不对。" and dialog.new.first.text() == "a new passphrase"
    type_into(dialog.current, RIGHT)
    press_enter(dialog.current)
    assert not dialog.isVisible() and changes[-1] == (RIGHT, "a new passphrase")


def test_after_the_recovery_key_only_the_new_passphrase_is_asked(qtbot):
    changes = []
    dialog = ChangePassphraseDialog(lambda current, new: changes.append((current, new)), ask_current=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.current.isVisible() and dialog.focusWidget() is dialog.new.first
    type_into(dialog.new.first, "another passphrase")
    type_into(dialog.new.second, "another passphrase")
    press_enter(dialog.new.second)
    assert changes == [(None, "another passphrase")] and not dialog.isVisible()
