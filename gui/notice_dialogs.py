"""Personal-information notices on the desk (个人信息保护法第五十七条, D16): record that the
department or the individuals were notified (channel, time, how many people, and the exact
text sent, kept with its SHA-256), or write down why individuals are not notified. Both
forms keep what was typed when they refuse it. The law (which channels count, whether a
waiver stands) is core's; these dialogs only collect and show."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core import citations
from core.assessment import notice_channels
from core.incident import Doc
from core.obligations import Obligation
from core.rules import RulePack
from core.vocab import ObligationId, ReportKind
from gui.dialogs import ok_cancel
from gui.i18n import basis, pick, tr
from gui.submission import beijing_edit, read_beijing, recipient_name
from gui.widgets import named

MAX_COUNT = 2_000_000_000  # the spin box's top: far above any real number of individuals


class NoticeDialog(QDialog):
    """objectName ``NoticeDialog``; inputs ``noticeChannel``, ``noticeTime``, ``noticeCount``
    (individuals only), ``noticeText``; ``noticeMessage`` says why it was refused.
    ``suggest(channel)`` gives the generated text for a channel: it fills ``noticeText``
    while the user has not changed what was filled in."""

    def __init__(
        self,
        pack: RulePack,
        doc: Doc,
        obligation: Obligation,
        now: datetime,
        *,
        text: str = "",
        suggest: Callable[[str | None], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeDialog")
        self.now = now
        self.obligation = obligation
        self.result_: tuple[dict[str, Any], str] | None = None
        individuals = obligation.id == ObligationId.PI_INDIVIDUAL_NOTICE
        self.setWindowTitle(tr("登记已通知个人") if individuals else tr("登记已通知部门"))
        layout = QVBoxLayout(self)
        note = QLabel(
            tr("通知以后在这里记下何时、以何种方式通知了{who}。实际发出的文本会连同其校验值一起保存，日后可以证明通知的内容。").format(
                who=recipient_name(obligation, pack)
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.channel = named(QComboBox(), "noticeChannel")
        for c in notice_channels(obligation.id, doc, pack):
            self.channel.addItem(pick(c.name, c.name_en), c.id)
        self.time = beijing_edit("noticeTime", now)
        self.count: QSpinBox | None = None
        rows: list[tuple[str, QWidget]] = [(tr("方式"), self.channel), (tr("通知时间（北京时间）"), self.time)]
        if individuals:
            self.count = named(QSpinBox(), "noticeCount")
            self.count.setRange(0, MAX_COUNT)
            self.count.setGroupSeparatorShown(True)
            known = (doc.get("personal_info") or {}).get("count")
            self.count.setValue(known if isinstance(known, int) and 0 <= known <= MAX_COUNT else 0)
            rows.append((tr("通知了多少人"), self.count))
        self.text = named(QPlainTextEdit(text), "noticeText")
        self.text.setPlaceholderText(tr("粘贴实际发出的通知文本"))
        rows.append((tr("发出的文本"), self.text))
        for label, widget in rows:
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.message = named(QLabel(""), "noticeMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, tr("登记(&R)"), self._ok))
        self.suggest = suggest
        self.suggested = ""
        if suggest is not None:
            self.channel.currentIndexChanged.connect(lambda _i: self._prefill())
            self._prefill()

    def _prefill(self) -> None:
        """The generated text for the chosen channel, unless the user typed their own."""
        if self.suggest is None or self.text.toPlainText() not in ("", self.suggested):
            return
        self.text.setPlainText(self.suggest(self.channel.currentData()) or "")
        self.suggested = self.text.toPlainText()  # as the editor holds it (it turns no-break spaces into spaces)

    def _ok(self) -> None:
        at = read_beijing(self.time)
        text = self.text.toPlainText()
        if at is None or at > self.now:
            self.message.setText(self.time.problem or tr("通知时间晚于现在，请核对（按北京时间填写实际通知的时刻）。"))
            self.time.line.setFocus()
            return
        if not text.strip():
            self.message.setText(tr("请粘贴实际发出的通知文本：保存下来，日后才能证明通知了什么。"))
            self.text.setFocus()
            return
        if self.channel.currentData() is None:
            self.message.setText(tr("请选择通知方式。"))
            return
        submission: dict[str, Any] = {
            "obligation": self.obligation.id,
            "kind": str(ReportKind.NOTICE),
            "submitted_at": at.isoformat(timespec="seconds"),
            "channel": self.channel.currentData(),
        }
        if self.count is not None and self.count.value() > 0:
            submission["recipients_count"] = self.count.value()
        self.result_ = (submission, text)
        self.accept()


class WaiverDialog(QDialog):
    """objectName ``WaiverDialog``: the written reason for not notifying individuals
    (``waiverReason``); a blank reason is refused in ``waiverMessage``."""

    def __init__(self, pack: RulePack, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WaiverDialog")
        self.setWindowTitle(tr("不通知个人"))
        self.result_: str | None = None
        layout = QVBoxLayout(self)
        note = QLabel(
            tr(
                "只有采取的措施能够有效避免危害时，才可以不通知个人，并须写明理由（{basis}）。"
                "履行个人信息保护职责的部门认为可能造成危害的，仍有权要求通知；那时可在这里改回「须通知」。"
            ).format(basis=basis(citations.notice_waiver(pack)))
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.reason = named(QPlainTextEdit(current), "waiverReason")
        self.reason.setPlaceholderText(tr("例：丢失的是加密硬盘，密钥未丢失，数据无法被读取。"))
        self.reason.setAccessibleName(tr("不通知个人的理由"))
        layout.addWidget(self.reason)
        self.message = named(QLabel(""), "waiverMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, tr("保存理由(&S)"), self._ok))

    def _ok(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.message.setText(tr("须写明理由：采取的措施为何能够有效避免危害。"))
            self.reason.setFocus()
            return
        self.result_ = reason
        self.accept()


def notice_obligations(obligations: Sequence[Obligation]) -> list[Obligation]:
    """The personal-information notices among an incident's obligations."""
    return [o for o in obligations if o.id in (ObligationId.PI_AUTHORITY_NOTICE, ObligationId.PI_INDIVIDUAL_NOTICE)]
