"""Recording a submission (报送): one form used on the wizard's review page and in the
desk's 登记报送 dialog. It proves later that a report went out on time (第十一条), so
the time is entered in Beijing time with seconds, and a time in the future is refused
with a message (the form keeps what was typed)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.assessment import obligation_channels, submission_channels
from core.incident import Doc
from core.obligations import Obligation
from core.rules import RulePack
from core.vocab import REPORT_KINDS, ReportKind
from gui.i18n import kind_name, language, pick, tr
from gui.widgets import guard_wheel

if TYPE_CHECKING:
    from gui.timeedit import TimeEdit


def beijing_edit(object_name: str, value: datetime, now: Callable[[], datetime] | None = None) -> TimeEdit:
    """A time typed as people say it (``gui.timeedit``), in Beijing time, showing ``value``;
    a time in the future is refused beside the field. ``now`` defaults to ``value``'s
    moment moving with the system clock only through the caller's own clock."""
    from gui.timeedit import TimeEdit

    edit = TimeEdit(object_name, now or (lambda: value))
    edit.set_value(value)
    return edit


def set_beijing(edit: TimeEdit, value: datetime) -> None:
    edit.set_value(value)


def read_beijing(edit: TimeEdit) -> datetime | None:
    """The time typed, or None (the field then says why: unreadable, or in the future)."""
    return edit.value()


def recipient_name(o: Obligation, pack: RulePack) -> str:
    """The recipient in the UI language, with the authority's own name as typed (sector
    obligations keep what the user typed): core's ``pack_text.recipient``."""
    from core.pack_text import recipient

    return recipient(o, pack, language())


class SubmissionForm(QWidget):
    """Inputs ``submissionObligation``, ``submissionKind``, ``submissionChannel``,
    ``submissionTime``, ``submissionPerson``, ``submissionReference``; ``submissionMessage``."""

    def __init__(self, pack: RulePack, now: datetime, parent: QWidget | None = None, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.doc: Doc | None = None
        self.obligation = QComboBox()
        self.obligation.setObjectName("submissionObligation")
        self.obligation.currentIndexChanged.connect(lambda _i: self._channels())
        self.kind = QComboBox()
        self.kind.setObjectName("submissionKind")
        for kind in REPORT_KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.channel = QComboBox()
        self.channel.setObjectName("submissionChannel")
        for c in submission_channels(ReportKind.INITIAL, pack):  # reports; notices have their own means
            self.channel.addItem(pick(c.name, c.name_en), c.id)
        self.time = beijing_edit("submissionTime", now, clock)
        self.person = QLineEdit()
        self.person.setObjectName("submissionPerson")
        self.reference = QLineEdit()
        self.reference.setObjectName("submissionReference")
        self.reference.setPlaceholderText(tr("受理编号、邮件主题或接听人等，可不填"))
        self.message = QLabel("")
        self.message.setObjectName("submissionMessage")
        self.message.setWordWrap(True)
        for label, widget in (
            (tr("报告义务"), self.obligation),
            (tr("报告类型"), self.kind),
            (tr("渠道"), self.channel),
            (tr("报送时间（北京时间）"), self.time),
            (tr("报送人"), self.person),
            (tr("编号或备注"), self.reference),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        form.addRow("", self.message)

    def set_obligations(self, obligations: Sequence[Obligation], doc: Doc | None = None) -> None:
        """Offer ``obligations``, keeping the current choice when it is still there; the
        channels follow the chosen one (only those that reach its recipient, D13b)."""
        self.doc = doc
        current = self.obligation.itemData(self.obligation.currentIndex()) if self.obligation.count() else None
        self.obligation.blockSignals(True)
        self.obligation.clear()
        for o in obligations:
            self.obligation.addItem(recipient_name(o, self.pack), o.id)
        self.obligation.setCurrentIndex(max(self.obligation.findData(current), 0))
        self.obligation.blockSignals(False)
        self._channels()

    def _channels(self) -> None:
        """The channel list for the chosen obligation: core's D13b answer (a report through a
        channel that cannot reach the recipient would not count, D13a)."""
        obligation = self.obligation.itemData(self.obligation.currentIndex()) if self.obligation.count() else None
        if not obligation or self.doc is None:
            return
        current = self.channel.currentData()
        self.channel.blockSignals(True)
        self.channel.clear()
        for c in obligation_channels(obligation, self.doc, self.pack):
            self.channel.addItem(pick(c.name, c.name_en), c.id)
        self.channel.setCurrentIndex(max(self.channel.findData(current), 0))
        self.channel.blockSignals(False)

    def preset(self, obligation: str | None = None, kind: str | None = None) -> None:
        if obligation is not None and self.obligation.findData(obligation) >= 0:
            self.obligation.setCurrentIndex(self.obligation.findData(obligation))
        if kind is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))

    def submission(self) -> dict[str, object] | None:
        """The submission typed, or None with the reason shown in ``submissionMessage`` (a time
        in the future is refused by the field, against the form's clock)."""
        obligation = self.obligation.itemData(self.obligation.currentIndex()) if self.obligation.count() else None
        if not obligation:
            self.message.setText(tr("请先选择报告义务。"))
            return None
        at = read_beijing(self.time)
        if at is None:  # unreadable or in the future (core.timeparse.in_future, D1a): the field says which
            self.message.setText(self.time.problem or tr("报送时间晚于现在，请核对（按北京时间填写实际报送的时刻）。"))
            self.time.line.setFocus()
            return None
        return {
            "obligation": obligation,
            "kind": self.kind.currentData(),
            "submitted_at": at.isoformat(timespec="seconds"),
            "channel": self.channel.currentData(),
            "person": self.person.text().strip() or None,
            "reference": self.reference.text().strip() or None,
        }


class SubmissionDialog(QDialog):
    """objectName ``SubmissionDialog``: the form with 登记 / 取消."""

    def __init__(
        self,
        pack: RulePack,
        obligations: Sequence[Obligation],
        now: datetime,
        *,
        obligation: str | None = None,
        kind: str | None = None,
        parent: QWidget | None = None,
        doc: Doc | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SubmissionDialog")
        self.setWindowTitle(tr("登记报送"))
        self.now = now
        self.result_: dict[str, object] | None = None
        layout = QVBoxLayout(self)
        note = QLabel(tr("报送以后在这里记下何时、以何种方式、向谁报送，日后可证明按时报告。"))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.form = SubmissionForm(pack, now, self)
        self.form.set_obligations(obligations, doc)
        self.form.preset(obligation, kind)
        layout.addWidget(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("登记(&R)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        guard_wheel(self)

    def _ok(self) -> None:
        self.result_ = self.form.submission()
        if self.result_ is not None:
            self.accept()
