"""Countdown cards: one per obligation (objectName ``countdown_<obligation id>``, child
``QLabel`` ``timeLeft``), gathered in the ``countdownPanel``. Cards are re-planned when the
assessment changes (grade, reporter category, submissions) and only re-formatted on a
tick; a label's text is set only when it changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from core.obligations import Obligation
from core.timeutil import display_beijing
from gui.i18n import basis, time_left, tr

# Minutes before the due time at which a card changes colour and icon (product.md §2.2).
THRESHOLDS = ((5, "critical"), (15, "urgent"), (60, "soon"))

STATE_STYLE = {
    "calm": ("#1f4e79", "#eef4fa", QStyle.StandardPixmap.SP_MessageBoxInformation),
    "soon": ("#7a5200", "#fff6e0", QStyle.StandardPixmap.SP_MessageBoxInformation),
    "urgent": ("#8a3b00", "#ffe9d6", QStyle.StandardPixmap.SP_MessageBoxWarning),
    "critical": ("#9b1c1c", "#fde2e2", QStyle.StandardPixmap.SP_MessageBoxWarning),
    "overdue": ("#ffffff", "#b42318", QStyle.StandardPixmap.SP_MessageBoxCritical),
    "met": ("#135e2b", "#e3f5e8", QStyle.StandardPixmap.SP_DialogApplyButton),
    "late": ("#7a4a00", "#ffe8b3", QStyle.StandardPixmap.SP_DialogApplyButton),
    "done": ("#135e2b", "#e3f5e8", QStyle.StandardPixmap.SP_DialogApplyButton),
    "not_required": ("#555555", "#f0f0f0", QStyle.StandardPixmap.SP_DialogNoButton),
    "open": ("#1f4e79", "#eef4fa", QStyle.StandardPixmap.SP_FileDialogDetailedView),
    "waiting": ("#555555", "#f4f4f4", QStyle.StandardPixmap.SP_BrowserReload),
}



def status_text(state: str) -> str:
    return {
        "calm": tr("待报告"), "soon": tr("待报告 · 剩余不足 60 分钟"), "urgent": tr("尽快报告 · 剩余不足 15 分钟"),
        "critical": tr("立即报告 · 剩余不足 5 分钟"), "overdue": tr("已超时 · 仍须尽快报告"),
        "met": tr("已按时报告"), "late": tr("已报告（迟于期限）"), "done": tr("已完成"),
        "not_required": tr("无须依《办法》报告（一般事件）"), "open": tr("待办 · 没有法定时限，应及时"),
        "waiting": tr("等处置工作结束后起算"),
    }[state]


def card_state(obligation: Obligation, now: datetime) -> str:
    """The card's state at ``now``; pending/overdue are recomputed from the due time."""
    if obligation.status not in ("pending", "overdue") or obligation.due is None:
        return "calm" if obligation.status == "pending" else obligation.status
    left = (obligation.due - now).total_seconds()
    if left < 0:
        return "overdue"
    for minutes, state in THRESHOLDS:
        if left <= minutes * 60:
            return state
    return "calm"


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


def _plain_name(o: Obligation) -> str:
    return o.recipient


class CountdownCard(QFrame):
    def __init__(self, obligation: Obligation, parent: QWidget | None = None,
                 names: Callable[[Obligation], str] = _plain_name) -> None:
        super().__init__(parent)
        self.names = names
        self.setObjectName(f"countdown_{obligation.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.obligation = obligation
        self.state = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        self.recipient = QLabel(objectName="recipient")
        self.recipient.setWordWrap(True)
        font = self.recipient.font()
        font.setBold(True)
        self.recipient.setFont(font)
        self.due = QLabel(objectName="due")
        self.due.setWordWrap(True)
        self.icon = QLabel(objectName="stateIcon")
        self.time_left = QLabel(objectName="timeLeft")
        big = self.time_left.font()
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.time_left.setFont(big)
        # A fixed size: a new text then repaints this label only, never the panel's layout
        # (most of the idle CPU of a running countdown was relayout, product.md §7).
        metrics = self.time_left.fontMetrics()
        widest = max(metrics.horizontalAdvance(t) for t in (tr("已超时") + " 888:88:88", tr("已报 ") + "88-88 88:88:88"))
        self.time_left.setFixedSize(widest + 8, metrics.height() + 4)
        self.status = QLabel(objectName="status")
        self.status.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.icon)
        head.addWidget(self.recipient, 1)
        layout.addLayout(head)
        for w in (self.due, self.time_left, self.status):
            layout.addWidget(w)
        self.time_left.setAccessibleName(tr("剩余时间"))
        self.set_obligation(obligation)

    def set_obligation(self, obligation: Obligation) -> None:
        self.obligation = obligation
        name = self.names(obligation)
        _set(self.recipient, f"{name}  ·  {basis(obligation.basis)}")
        if obligation.due is not None:
            _set(self.due, tr("期限：{due}（北京时间）").format(due=display_beijing(obligation.due)))
        elif obligation.days is not None:
            _set(self.due, tr("期限：处置工作结束后 {days} 日内").format(days=obligation.days))
        else:
            _set(self.due, tr("期限：没有法定时限（应及时）"))
        self.setAccessibleName(name)

    def refresh(self, now: datetime) -> None:
        o = self.obligation
        state = card_state(o, now)
        if o.due is not None and o.status in ("pending", "overdue"):
            _set(self.time_left, time_left(o.due, now))
        elif o.status in ("met", "late") and o.submitted_at is not None:
            _set(self.time_left, tr("已报 ") + display_beijing(o.submitted_at)[5:])
        else:
            _set(self.time_left, "—")
        if state != self.state:
            self.state = state
            fg, bg, icon = STATE_STYLE[state]
            self.icon.setPixmap(self.style().standardIcon(icon).pixmap(18, 18))
            self.setStyleSheet(
                f"#{self.objectName()} {{ background: {bg}; border: 1px solid {fg}; border-radius: 6px; }}"
                f" #{self.objectName()} QLabel {{ color: {fg}; background: transparent; }}")
            self.setProperty("state", state)
            _set(self.status, status_text(state))  # only on a state change: the tick just formats time


class CountdownPanel(QWidget):
    """The side panel of live countdowns (objectName ``countdownPanel``)."""

    def __init__(self, parent: QWidget | None = None, names: Callable[[Obligation], str] = _plain_name) -> None:
        super().__init__(parent)
        self.names = names  # the recipient in the UI language
        self.setObjectName("countdownPanel")
        self.setMinimumWidth(260)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self.heading = QLabel(tr("报告期限（北京时间）"), objectName="countdownHeading")
        self.heading.setWordWrap(True)
        self._layout.addWidget(self.heading)
        self.empty = QLabel(tr("填写发现时间后，这里显示每项报告义务的倒计时。"), objectName="countdownEmpty")
        self.empty.setWordWrap(True)
        self._layout.addWidget(self.empty)
        self._layout.addStretch(1)
        self.cards: dict[str, CountdownCard] = {}

    def set_obligations(self, obligations: list[Obligation], now: datetime) -> None:
        """Re-plan: add, update or remove cards to match ``obligations``, in order."""
        wanted = [o.id for o in obligations]
        for oid in list(self.cards):
            if oid not in wanted:
                card = self.cards.pop(oid)
                self._layout.removeWidget(card)
                card.setObjectName("")
                card.setParent(None)
                card.deleteLater()
        for index, o in enumerate(obligations):
            card = self.cards.get(o.id)
            if card is None:
                card = CountdownCard(o, self, self.names)
                self.cards[o.id] = card
            else:
                card.set_obligation(o)
            self._layout.insertWidget(2 + index, card)
        self.empty.setVisible(not obligations)
        self.refresh(now)

    def refresh(self, now: datetime) -> None:
        for card in self.cards.values():
            card.refresh(now)

    def card(self, obligation_id: str) -> CountdownCard:
        return self.cards[obligation_id]

