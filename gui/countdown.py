"""Countdown cards: one per obligation (objectName ``countdown_<obligation id>``, child
``QLabel`` ``timeLeft``), gathered in the ``countdownPanel``. Cards are re-planned when the
assessment changes (grade, reporter category, submissions) and only re-formatted on a
tick; a label's text is set only when it changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from core.obligations import Obligation
from core.reminders import minutes_for, urgency
from core.timeutil import display_beijing
from core.vocab import IMMEDIATE, Status, Urgency
from gui.i18n import basis, english, status_name, time_left, tr

STATE_STYLE: dict[str, tuple[str, str, QStyle.StandardPixmap]] = {
    Urgency.CALM: ("#1f4e79", "#eef4fa", QStyle.StandardPixmap.SP_MessageBoxInformation),
    Urgency.SOON: ("#7a5200", "#fff6e0", QStyle.StandardPixmap.SP_MessageBoxInformation),
    Urgency.URGENT: ("#8a3b00", "#ffe9d6", QStyle.StandardPixmap.SP_MessageBoxWarning),
    Urgency.CRITICAL: ("#9b1c1c", "#fde2e2", QStyle.StandardPixmap.SP_MessageBoxWarning),
    Status.OVERDUE: ("#ffffff", "#b42318", QStyle.StandardPixmap.SP_MessageBoxCritical),
    Status.MET: ("#135e2b", "#e3f5e8", QStyle.StandardPixmap.SP_DialogApplyButton),
    Status.LATE: ("#7a4a00", "#ffe8b3", QStyle.StandardPixmap.SP_DialogApplyButton),
    Status.DONE: ("#135e2b", "#e3f5e8", QStyle.StandardPixmap.SP_DialogApplyButton),
    Status.NOT_REQUIRED: ("#555555", "#f0f0f0", QStyle.StandardPixmap.SP_DialogNoButton),
    Status.OPEN: ("#1f4e79", "#eef4fa", QStyle.StandardPixmap.SP_FileDialogDetailedView),
    Status.WAITING: ("#555555", "#f4f4f4", QStyle.StandardPixmap.SP_BrowserReload),
    Status.WAIVED: ("#555555", "#f0f0f0", QStyle.StandardPixmap.SP_DialogNoButton),
}


def status_text(state: str) -> str:
    """The card's status line for the look core decided (``core.reminders.urgency``); the
    minutes come from core's thresholds."""
    lines: dict[str, str] = {
        Urgency.SOON: tr("待报告 · 剩余不足 {m} 分钟").format(m=minutes_for(Urgency.SOON)),
        Urgency.URGENT: tr("尽快报告 · 剩余不足 {m} 分钟").format(m=minutes_for(Urgency.URGENT)),
        Urgency.CRITICAL: tr("立即报告 · 剩余不足 {m} 分钟").format(m=minutes_for(Urgency.CRITICAL)),
        Urgency.CALM: status_name(Status.PENDING),
        Status.OVERDUE: tr("已超时 · 仍须尽快报告"),
    }
    return lines.get(state) or status_name(state)


def notice_state(status: str) -> str:
    """A personal-information notice's status in words (D16: no hours, 立即)."""
    words: dict[str, str] = {Status.DONE: tr("已通知"), Status.WAIVED: tr("已决定不通知（已写明理由）")}
    return words.get(status) or tr("{now} · 待通知").format(now=immediate())


def immediate() -> str:
    """「立即」: the notices of 个人信息保护法第五十七条 have no hours (D16)."""
    return tr("立即")


def card_state(obligation: Obligation, now: datetime) -> str:
    """The card's look at ``now`` (decided in ``core.reminders.urgency``)."""
    return str(urgency(obligation, now))


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


def _plain_name(o: Obligation) -> str:
    return o.recipient


class CountdownCard(QFrame):
    def __init__(self, obligation: Obligation, parent: QWidget | None = None, names: Callable[[Obligation], str] = _plain_name) -> None:
        super().__init__(parent)
        self.names = names
        self.setObjectName(f"countdown_{obligation.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.obligation = obligation
        self.state = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        self.recipient = QLabel()
        self.recipient.setObjectName("recipient")
        self.recipient.setWordWrap(True)
        font = self.recipient.font()
        font.setBold(True)
        self.recipient.setFont(font)
        self.due = QLabel()
        self.due.setObjectName("due")
        self.due.setWordWrap(True)
        self.icon = QLabel()
        self.icon.setObjectName("stateIcon")
        self.time_left = QLabel()
        self.time_left.setObjectName("timeLeft")
        big = self.time_left.font()
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.time_left.setFont(big)
        # A fixed size: a new text then repaints this label only, never the panel's layout
        # (most of the idle CPU of a running countdown was relayout, product.md §7).
        metrics = self.time_left.fontMetrics()
        widest = max(metrics.horizontalAdvance(t) for t in (tr("已超时") + " 888:88:88", tr("已报 ") + "88-88 88:88:88"))
        self.time_left.setFixedSize(widest + 8, metrics.height() + 4)
        self.status = QLabel()
        self.status.setObjectName("status")
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
        elif obligation.id in IMMEDIATE:
            _set(self.due, tr("期限：立即（法律没有规定小时数）"))
        else:
            _set(self.due, tr("期限：没有法定时限（应及时）"))
        if obligation.reason:  # why a duty stays open although the incident is 一般 (from core)
            why = obligation.reason_en if english() and obligation.reason_en else obligation.reason
            _set(self.due, self.due.text() + "\n" + why)
        self.setAccessibleName(name)
        self._fit_wrapped()

    def _fit_wrapped(self) -> None:
        """Reserve each wrapped line's height at the card's width, so a long English line
        wraps below the one above instead of being squeezed over it (issue 18)."""
        for label in (self.recipient, self.due, self.status):
            width = label.width() if label.width() > 50 else self.width() - 60
            if width > 50:
                label.setMinimumHeight(max(0, label.heightForWidth(width)))  # -1: no height for width yet

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_wrapped()

    def refresh(self, now: datetime) -> None:
        o = self.obligation
        state = card_state(o, now)
        if o.has_clock and o.due is not None:
            _set(self.time_left, time_left(o.due, now))
        elif o.reported and o.submitted_at is not None:
            _set(self.time_left, tr("已报 ") + display_beijing(o.submitted_at)[5:])
        elif o.id in IMMEDIATE and o.awaited:
            _set(self.time_left, immediate())
        else:
            _set(self.time_left, "—")
        if state != self.state:
            self.state = state
            fg, bg, icon = STATE_STYLE[state]
            self.icon.setPixmap(self.style().standardIcon(icon).pixmap(18, 18))
            self.setStyleSheet(
                f"#{self.objectName()} {{ background: {bg}; border: 1px solid {fg}; border-radius: 6px; }}"
                f" #{self.objectName()} QLabel {{ color: {fg}; background: transparent; }}"
            )
            self.setProperty("state", state)
            _set(self.status, notice_state(state) if o.id in IMMEDIATE else status_text(state))  # only on a state change
            self._fit_wrapped()


class CountdownPanel(QWidget):
    """The side panel of live countdowns (objectName ``countdownPanel``)."""

    def __init__(self, parent: QWidget | None = None, names: Callable[[Obligation], str] = _plain_name) -> None:
        super().__init__(parent)
        self.names = names  # the recipient in the UI language
        self.setObjectName("countdownPanel")
        self.setMinimumWidth(260)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self.heading = QLabel(tr("报告期限（北京时间）"))
        self.heading.setObjectName("countdownHeading")
        self.heading.setWordWrap(True)
        self._layout.addWidget(self.heading)
        self.empty = QLabel(tr("填写发现时间后，这里显示每项报告义务的倒计时。"))
        self.empty.setObjectName("countdownEmpty")
        self.empty.setWordWrap(True)
        self._layout.addWidget(self.empty)
        self.notice = QLabel("")
        self.notice.setObjectName("countdownNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("#countdownNotice { background: #fff6e0; color: #7a5200; border: 1px solid #e0b050; border-radius: 6px; padding: 6px; }")
        self.notice.hide()
        self._layout.addWidget(self.notice)
        self._layout.addStretch(1)
        self.cards: dict[str, CountdownCard] = {}

    def set_obligations(self, obligations: list[Obligation], now: datetime) -> None:
        """Re-plan: add, update or remove cards to match ``obligations``, in order."""
        wanted = [o.id for o in obligations]
        for oid in list(self.cards):
            if oid not in wanted:
                gone = self.cards.pop(oid)
                self._layout.removeWidget(gone)
                gone.setObjectName("")
                gone.setParent(None)
                gone.deleteLater()
        for index, o in enumerate(obligations):
            card = self.cards.get(o.id)
            if card is None:
                card = CountdownCard(o, self, self.names)
                self.cards[o.id] = card
            else:
                card.set_obligation(o)
            self._layout.insertWidget(3 + index, card)
        self.empty.setVisible(not obligations)
        self.refresh(now)

    def set_notice(self, text: str) -> None:
        """A line above the cards (e.g. the discovery time is still to be confirmed)."""
        _set(self.notice, text)
        self.notice.setVisible(bool(text))

    def refresh(self, now: datetime) -> None:
        for card in self.cards.values():
            card.refresh(now)

    def card(self, obligation_id: str) -> CountdownCard:
        return self.cards[obligation_id]
