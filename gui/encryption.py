"""Encryption at rest in the desktop (issue 28, product.md §9.5): the dialogs that ask for
the passphrase when an encrypted database opens (or the recovery key instead), turn
encryption on (passphrase twice, the plain warning, the recovery key shown once and two
of its groups typed back), change the passphrase and turn encryption off.

The dialogs decide nothing and touch no file: each is given the work to do as a callable
that returns ``None`` when it worked or the message to show (in the UI language, from
core) when it did not. Long work (a conversion) runs through ``gui.tasks`` so the window
keeps painting; a busy bar shows meanwhile. What she typed stays in the fields when a try
is refused; a wrong passphrase can be tried again any number of times and destroys
nothing."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.service import (
    StoreError,
    change_passphrase,
    decrypt_database,
    encrypt_database,
    recovery_groups_match,
    recovery_key_groups,
    unlock_database,
)
from gui.dialogs import ask, ok_cancel, run, warn
from gui.i18n import said, tr
from gui.tasks import Executor, InlineExecutor
from gui.widgets import named

Problem = str | None  # None: it worked; otherwise the message to show
T = TypeVar("T")
GROUPS_TYPED_BACK = 2  # groups of the recovery key she types back before going on (issue 28)
MANY_TRIES = 3  # after this many refused tries the recovery key is pointed out


def _secret(name: str, accessible: str) -> QLineEdit:
    edit = named(QLineEdit(), name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible)
    return edit


def _message(name: str) -> QLabel:
    label = named(QLabel(""), name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b42318;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _remember_box() -> QCheckBox:
    box = named(QCheckBox(tr("在这台电脑上记住（存入系统的密钥库，用这个账户打开时不再询问）")), "rememberKey")
    box.setToolTip(tr("系统密钥库不可用或已更改时，程序会重新询问口令或恢复密钥，不会把您锁在外面"))
    return box


class UnlockDialog(QDialog):
    """objectName ``UnlockDialog``: asks for the passphrase of an encrypted database
    (``passphrase``, ``rememberKey``), or, after 「用恢复密钥打开…」 (``useRecoveryKey``),
    for the recovery key (``recoveryKey``). ``unlock(passphrase, recovery_key, remember)``
    does the work. ``unlockMessage`` says why a try was refused; the text stays.
    ``opened_with`` is ``"passphrase"`` or ``"recovery"`` once it worked."""

    def __init__(self, where: str, unlock: Callable[[str | None, str | None, bool], Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UnlockDialog")
        self.setWindowTitle(tr("打开加密的数据库"))
        self._unlock = unlock
        self.tries = 0
        self.opened_with: str | None = None
        intro = QLabel(tr("这个数据库已加密：{where}\n请输入口令。").format(where=where))
        intro.setWordWrap(True)
        self.passphrase = _secret("passphrase", tr("口令"))
        self.recovery = named(QLineEdit(), "recoveryKey")
        self.recovery.setAccessibleName(tr("恢复密钥"))
        self.recovery.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery_label = QLabel(tr("恢复密钥："))
        self.remember = _remember_box()
        self.switch = named(QPushButton(tr("用恢复密钥打开…")), "useRecoveryKey")
        self.switch.setAutoDefault(False)
        self.switch.clicked.connect(self._use_recovery)
        self.message = _message("unlockMessage")
        form = QFormLayout()
        form.addRow(tr("口令："), self.passphrase)
        form.addRow(self.recovery_label, self.recovery)
        self.recovery.hide()
        self.recovery_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.switch, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, tr("打开"), self._try))
        self.passphrase.setFocus()

    @property
    def using_recovery(self) -> bool:
        return not self.recovery.isHidden()

    def _use_recovery(self) -> None:
        self.recovery.show()
        self.recovery_label.show()
        self.switch.hide()
        self.message.setText(tr("恢复密钥是开启加密时显示的 8 组字符。用它打开后，可以设置新的口令。"))
        self.message.setStyleSheet("")
        self.recovery.setFocus()

    def _try(self) -> None:
        if self.using_recovery:
            passphrase, recovery = None, self.recovery.text()
            empty = not recovery.strip()
        else:
            passphrase, recovery = self.passphrase.text(), None
            empty = not passphrase
        if empty:
            self._refused(tr("请输入恢复密钥。") if self.using_recovery else tr("请输入口令。"))
            return
        problem = self._unlock(passphrase, recovery, self.remember.isChecked())
        if problem is None:
            self.opened_with = "recovery" if self.using_recovery else "passphrase"
            self.accept()
            return
        self.tries += 1
        hint = tr("忘记了口令？可以用恢复密钥打开。") if self.tries >= MANY_TRIES and not self.using_recovery else ""
        self._refused(" ".join(part for part in (problem, hint) if part))

    def _refused(self, text: str) -> None:
        self.message.setStyleSheet("color: #b42318;")
        self.message.setText(text)
        field = self.recovery if self.using_recovery else self.passphrase
        field.setFocus()
        field.selectAll()  # kept, selected: she can fix it or type it again


class NewPassphrase(QWidget):
    """Two fields for a new passphrase (``newPassphrase``, ``repeatPassphrase``)."""

    def __init__(self) -> None:
        super().__init__()
        self.first = _secret("newPassphrase", tr("新口令"))
        self.second = _secret("repeatPassphrase", tr("再次输入新口令"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("新口令（至少 8 个字符）："), self.first)
        form.addRow(tr("再输入一次："), self.second)

    def value(self) -> tuple[str | None, Problem]:
        """The passphrase, or the reason it cannot be used yet (the length rule is core's)."""
        if not self.first.text():
            return None, tr("请输入新口令。")
        if self.first.text() != self.second.text():
            return None, tr("两次输入的口令不一致，请再输入一次。")
        return self.first.text(), None


class EncryptDialog(QDialog):
    """objectName ``EncryptDialog``, three steps in ``encryptSteps``:

    1. what encryption protects and the plain warning (``encryptWarning``), the new
       passphrase twice, ``rememberKey``; 「加密」 runs ``encrypt(passphrase, remember)``,
       which returns ``(recovery_key, None)`` or ``(None, message)``, off the UI thread
       with a busy bar (``encryptProgress``);
    2. the recovery key, once (``recoveryKeyShown``, 「复制」 ``copyRecoveryKey``);
    3. two of its groups typed back (``recoveryGroupA``, ``recoveryGroupB``) before
       「完成」; a wrong group says which (``encryptMessage``) and keeps what was typed.
    Cancelling at step 2 or 3 is refused: the database is already encrypted and the
    recovery key is shown only here."""

    def __init__(self, encrypt: Callable[[str, bool], tuple[str | None, Problem]], executor: Executor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EncryptDialog")
        self.setWindowTitle(tr("加密此数据库"))
        self._encrypt, self._executor = encrypt, executor or InlineExecutor()
        self.recovery_key: str | None = None
        self.asked: tuple[int, int] = (0, 1)
        self.steps = named(QStackedWidget(), "encryptSteps")
        self.message = _message("encryptMessage")
        self.progress = named(QProgressBar(), "encryptProgress")
        self.progress.setRange(0, 0)  # busy until the conversion reports its first share
        self.progress.hide()
        self.steps.addWidget(self._step_passphrase())
        self.steps.addWidget(self._step_show())
        self.steps.addWidget(self._step_confirm())
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.new.first.setFocus()

    def _step_passphrase(self) -> QWidget:
        page = QWidget()
        warning = named(
            QLabel(
                tr(
                    "加密后，拿到这台电脑或数据库文件的人，没有口令就读不到事件、证据和其中的个人信息。"
                    "导出的报告和通知不加密（它们是要发出去的）。\n\n"
                    "请记住口令。加密时会显示一个恢复密钥，请抄写或打印后妥善保管。"
                    "如果口令和恢复密钥都丢失，任何人（包括本程序的开发者）都无法恢复这些数据。"
                )
            ),
            "encryptWarning",
        )
        warning.setWordWrap(True)
        self.new = NewPassphrase()
        self.remember = _remember_box()
        layout = QVBoxLayout(page)
        layout.addWidget(warning)
        layout.addWidget(self.new)
        layout.addWidget(self.remember)
        self.encrypt_buttons = ok_cancel(self, tr("加密"), self._start)
        layout.addWidget(self.encrypt_buttons)
        return page

    def _step_show(self) -> QWidget:
        page = QWidget()
        intro = QLabel(tr("数据库已加密。这是恢复密钥，只显示这一次。请现在抄写或打印，与电脑分开保管。忘记口令时，用它打开数据库并设置新口令。"))
        intro.setWordWrap(True)
        self.shown = named(QLabel(""), "recoveryKeyShown")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.shown.setFont(font)
        self.shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shown.setAccessibleName(tr("恢复密钥"))
        copy = named(QPushButton(tr("复制")), "copyRecoveryKey")
        copy.setAutoDefault(False)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.recovery_key or ""))
        written = named(QPushButton(tr("我已抄写好，下一步")), "recoveryKeyWritten")
        written.clicked.connect(self._ask_back)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.shown)
        layout.addWidget(copy, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(written, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _step_confirm(self) -> QWidget:
        page = QWidget()
        self.ask = QLabel("")
        self.ask.setWordWrap(True)
        self.group_a = named(QLineEdit(), "recoveryGroupA")
        self.group_b = named(QLineEdit(), "recoveryGroupB")
        self.label_a, self.label_b = QLabel(""), QLabel("")
        form = QFormLayout()
        form.addRow(self.label_a, self.group_a)
        form.addRow(self.label_b, self.group_b)
        back = named(QPushButton(tr("再看一次恢复密钥")), "showRecoveryKeyAgain")
        back.setAutoDefault(False)
        back.clicked.connect(lambda: self.steps.setCurrentIndex(1))
        done = named(QPushButton(tr("完成")), "recoveryKeyConfirmed")
        done.setDefault(True)
        done.clicked.connect(self._confirm)
        layout = QVBoxLayout(page)
        layout.addWidget(self.ask)
        layout.addLayout(form)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(done, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _start(self) -> None:
        passphrase, problem = self.new.value()
        if passphrase is None:
            self.message.setText(problem or "")
            return
        self.message.setText("")
        self.encrypt_buttons.setEnabled(False)
        self.progress.show()
        remember = self.remember.isChecked()
        self._executor.start(lambda: self._encrypt(passphrase, remember), self._encrypted, self._failed)

    def report_progress(self, share: float) -> None:
        """The share of the conversion done (0.0 to 1.0), from core while it runs."""
        self.progress.setRange(0, 100)
        self.progress.setValue(round(max(0.0, min(1.0, share)) * 100))
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # the bar moves; nothing is clicked meanwhile

    def _failed(self, exc: Exception) -> None:
        self._encrypted((None, str(exc)))

    def _encrypted(self, result: Any) -> None:
        self.progress.hide()
        self.encrypt_buttons.setEnabled(True)
        recovery_key, problem = result
        if recovery_key is None:
            self.message.setText(problem or tr("加密没有完成，数据库保持原样。"))
            return
        self.recovery_key = recovery_key
        self.shown.setText(recovery_key)
        self.steps.setCurrentIndex(1)

    def _ask_back(self) -> None:
        count = len(recovery_key_groups(self.recovery_key or ""))
        first, second = sorted(secrets.SystemRandom().sample(range(count), GROUPS_TYPED_BACK))
        self.asked = (first, second)
        self.ask.setText(tr("为确认您已记下，请输入恢复密钥的第 {a} 组和第 {b} 组（每组 4 个字符）。").format(a=first + 1, b=second + 1))
        self.label_a.setText(tr("第 {n} 组：").format(n=first + 1))
        self.label_b.setText(tr("第 {n} 组：").format(n=second + 1))
        self.message.setText("")
        self.steps.setCurrentIndex(2)
        self.group_a.setFocus()

    def _confirm(self) -> None:
        for edit, index in ((self.group_a, self.asked[0]), (self.group_b, self.asked[1])):
            if not recovery_groups_match(self.recovery_key or "", {index: edit.text()}):
                self.message.setText(tr("第 {n} 组不对，请对照您抄写的恢复密钥再输入一次。").format(n=index + 1))
                edit.setFocus()
                edit.selectAll()
                return
        self.accept()

    def reject(self) -> None:
        if self.recovery_key is not None:  # encrypted already: the key must be written down first
            self.message.setText(tr("数据库已经加密。请先记下恢复密钥并输入其中两组，再关闭这个窗口。"))
            return
        super().reject()


class ChangePassphraseDialog(QDialog):
    """objectName ``ChangePassphraseDialog``: the current passphrase (``currentPassphrase``;
    hidden when she has just opened the database with the recovery key) and the new one
    twice. ``change(current, new)`` does the work; ``changeMessage`` says why not."""

    def __init__(self, change: Callable[[str | None, str], Problem], *, ask_current: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChangePassphraseDialog")
        self.setWindowTitle(tr("更改口令"))
        self._change = change
        self.current = _secret("currentPassphrase", tr("当前口令"))
        self.new = NewPassphrase()
        self.message = _message("changeMessage")
        layout = QVBoxLayout(self)
        if ask_current:
            form = QFormLayout()
            form.addRow(tr("当前口令："), self.current)
            layout.addLayout(form)
        else:
            intro = QLabel(tr("您用恢复密钥打开了数据库。请设置一个新口令，以后用它打开。恢复密钥仍然有效。"))
            intro.setWordWrap(True)
            layout.addWidget(intro)
            self.current.hide()
        layout.addWidget(self.new)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, tr("更改口令"), self._try))
        (self.current if ask_current else self.new.first).setFocus()

    def _try(self) -> None:
        if not self.current.isHidden() and not self.current.text():
            self.message.setText(tr("请输入当前口令。"))
            self.current.setFocus()
            return
        new, problem = self.new.value()
        if new is None:
            self.message.setText(problem or "")
            return
        problem = self._change(None if self.current.isHidden() else self.current.text(), new)
        if problem is None:
            self.accept()
        else:
            self.message.setText(problem)


# --- the flows, for a session (``gui.app``) ------------------------------------------


class Converting(Protocol):
    """What the flows need from the session: the database's path, and running a
    conversion with the database closed (``convert(work)`` closes it, runs ``work(path)``
    and opens it again as this window's writer)."""

    def database(self) -> Path: ...

    def convert(self, work: Callable[[Path], T]) -> T: ...


def ask_to_unlock(parent: QWidget | None, path: Path, *, title: str | None = None) -> str | None:
    """Ask for the passphrase (or the recovery key) of the encrypted database ``path``
    until it opens or she gives up; returns how it opened (``passphrase``, ``recovery``)
    or None."""

    def unlock(passphrase: str | None, recovery_key: str | None, remember: bool) -> Problem:
        try:
            unlock_database(path, passphrase=passphrase, recovery_key=recovery_key, use_keyring=False, remember=remember)
        except StoreError as exc:
            return said(exc)
        return None

    dialog = UnlockDialog(str(path), unlock, parent)
    if title:
        dialog.setWindowTitle(title)
    return dialog.opened_with if run(dialog) else None


def offer_new_passphrase(parent: QWidget | None, path: Path) -> bool:
    """After the recovery key opened the database: set a new passphrase (she may skip it)."""

    def change(_current: str | None, new: str) -> Problem:
        try:
            change_passphrase(path, new)
        except StoreError as exc:
            return said(exc)
        return None

    return run(ChangePassphraseDialog(change, ask_current=False, parent=parent))


def encrypt(parent: QWidget | None, session: Converting) -> str:
    """「加密此数据库…」: returns what to say in the status bar."""
    dialog: EncryptDialog

    def work(passphrase: str, remember: bool) -> tuple[str | None, Problem]:
        try:
            done = session.convert(lambda path: encrypt_database(path, passphrase, remember=remember, progress=dialog.report_progress))
        except StoreError as exc:
            return None, said(exc)
        return done.recovery_key, None

    dialog = EncryptDialog(work, parent=parent)
    return tr("数据库已加密。以后打开时需要口令（或恢复密钥）。") if run(dialog) else ""


def change(parent: QWidget | None, session: Converting) -> str:
    """「更改口令…」: the current passphrase is asked again (someone at an unlocked screen
    cannot lock her out); returns what to say in the status bar."""
    path = session.database()

    def work(current: str | None, new: str) -> Problem:
        try:
            unlock_database(path, passphrase=current, use_keyring=False)
            change_passphrase(path, new)
        except StoreError as exc:
            return said(exc)
        return None

    return tr("口令已更改。恢复密钥仍然有效。") if run(ChangePassphraseDialog(work, parent=parent)) else ""


def decrypt(parent: QWidget | None, session: Converting) -> str:
    """「取消加密…」: said plainly, confirmed with the passphrase, then converted back."""
    if not ask(
        parent,
        tr("取消加密"),
        tr("取消加密后，数据库文件将以明文保存在这台电脑上：拿到这台电脑或这个文件的人，都能读到其中的事件、证据和个人信息。\n\n确定要取消加密吗？"),
    ):
        return ""
    path = session.database()
    if ask_to_unlock(parent, path, title=tr("取消加密：请输入口令")) is None:
        return ""
    try:
        session.convert(lambda where: decrypt_database(where))
    except StoreError as exc:
        warn(parent, tr("无法取消加密"), said(exc))
        return ""
    return tr("数据库已取消加密，现在以明文保存。")
