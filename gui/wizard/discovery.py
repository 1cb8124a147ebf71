"""The wizard's first question: when was the incident discovered (regulation.md D1a).

Quick answers (刚刚 / 10 / 30 分钟前 / 1 小时前) set the time at once, so the countdown
shows after one click; 今天早些时候 / 昨天 / 准确时间 open the exact picker, which stays
one click away. The rules of D1a live here: a time after the present moment beyond two
minutes of clock skew is refused (the picker keeps what was typed), one more than
``LONG_AGO`` back is accepted with a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QT_TR_NOOP, QSignalBlocker
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.timeutil import BEIJING, display_beijing
from gui.i18n import tr
from gui.widgets import named
from gui.wizard.fields import DateTimeField

# D1a: the clock skew tolerated before a discovery time counts as "in the future", and
# how far back a time may lie before the user is asked to check it.
FUTURE_SKEW = timedelta(minutes=2)
LONG_AGO = timedelta(days=30)


@dataclass(frozen=True)
class QuickAnswer:
    """One quick answer: ``minutes`` back from now, or None to open the picker at ``day``
    (0 today, -1 yesterday) without setting anything yet."""

    name: str
    text: str
    minutes: int | None
    day: int = 0


QUICK_ANSWERS: tuple[QuickAnswer, ...] = (
    QuickAnswer("discoveryNow", str(QT_TR_NOOP("刚刚 / 现在")), 0),
    QuickAnswer("discovery10", str(QT_TR_NOOP("10 分钟前")), 10),
    QuickAnswer("discovery30", str(QT_TR_NOOP("30 分钟前")), 30),
    QuickAnswer("discovery60", str(QT_TR_NOOP("1 小时前")), 60),
    QuickAnswer("discoveryToday", str(QT_TR_NOOP("今天早些时候…")), None, 0),
    QuickAnswer("discoveryYesterday", str(QT_TR_NOOP("昨天…")), None, -1),
)


def discovery_problem(value: datetime, now: datetime) -> tuple[str | None, str | None]:
    """(refusal, warning) for a discovery time at ``now`` (D1a): later than now beyond the
    skew is refused; more than 30 days back is accepted with a warning."""
    if value > now + FUTURE_SKEW:
        return tr("发现时间不能晚于现在（现在是北京时间 {now}）。请核对所选时间，或电脑的时钟。").format(now=display_beijing(now)), None
    if value < now - LONG_AGO:
        return None, tr("发现时间在 {days} 天以前。如果确实如此请继续；报告期限已从那时起计算。").format(days=LONG_AGO.days)
    return None, None


class DiscoveryQuestion(QWidget):
    """The quick answers above the exact picker (objectName ``discoveryQuestion``).
    ``answer(iso)`` records a time that passed the rules; ``now`` is the injected clock."""

    def __init__(self, picker: DateTimeField, now: Callable[[], datetime], answer: Callable[[str, bool], None]) -> None:
        super().__init__()
        self.setObjectName("discoveryQuestion")
        self.picker, self.now, self.answer = picker, now, answer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        question = QLabel(tr("什么时候发现（或得知）这起事件的？报告期限从这一刻算起。"))
        question.setWordWrap(True)
        font = question.font()
        font.setBold(True)
        question.setFont(font)
        layout.addWidget(question)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for quick in QUICK_ANSWERS:
            button = named(QPushButton(tr(quick.text)), quick.name)
            button.clicked.connect(lambda _=False, q=quick: self.choose(q))
            row.addWidget(button)
            self.buttons[quick.name] = button
        self.exact = named(QPushButton(tr("输入准确时间…")), "discoveryExact")
        self.exact.clicked.connect(self.open_picker)
        row.addWidget(self.exact)
        row.addStretch(1)
        layout.addLayout(row)

    def choose(self, quick: QuickAnswer) -> None:
        now = self.now().astimezone(BEIJING).replace(microsecond=0)
        if quick.minutes is None:
            day = now + timedelta(days=quick.day)
            start = now if quick.day == 0 else day.replace(hour=12, minute=0, second=0)
            self.open_picker(start)
            return
        value = now - timedelta(minutes=quick.minutes)
        with QSignalBlocker(self.picker.edit):
            self.picker.set_datetime(value)
        self.picker.local_error = None
        self.answer(value.isoformat(timespec="seconds"), quick.minutes == 0)

    def open_picker(self, start: datetime | None = None) -> None:
        """Show the exact picker near ``start`` (default now), focused on the hour; nothing
        is recorded until the user changes it."""
        if not isinstance(start, datetime) and not self.picker.widget.isVisible():
            start = self.now().astimezone(BEIJING).replace(microsecond=0)
        if isinstance(start, datetime):
            with QSignalBlocker(self.picker.edit):
                self.picker.set_datetime(start)
        self.picker.widget.setVisible(True)
        self.picker.edit.setFocus()
        self.picker.edit.setSelectedSection(self.picker.edit.Section.HourSection)
