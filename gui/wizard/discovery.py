"""The wizard's first question: when was the incident discovered (regulation.md D1a).

Quick answers (刚刚 / 10 / 30 分钟前 / 1 小时前) record the time at once, so the countdown
shows after one click. Otherwise she types the time as she would say it (「9:30」「9点半」
「昨天 22:10」, ``gui.timeedit``), which is read back before it is recorded; 今天早些时候…
puts the cursor in the field and 昨天… starts it with 「昨天 」; the calendar stays one click
away. The rules (a time in the future refused, one long ago warned of) are core's: the
parser flags a future time and the assessment warns (D1a, D1b).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.timeparse import minutes_back
from gui.i18n import tr
from gui.widgets import named
from gui.wizard.fields import TimeField


class QuickAnswer(NamedTuple):
    """One quick answer: ``minutes`` back from now, or None to type the time (``prefix``
    starts the text: 「昨天 」)."""

    name: str
    text: str
    minutes: int | None
    prefix: str = ""


QUICK_ANSWERS: tuple[QuickAnswer, ...] = (
    QuickAnswer("discoveryNow", str(QT_TR_NOOP("刚刚 / 现在")), 0),
    QuickAnswer("discovery10", str(QT_TR_NOOP("10 分钟前")), 10),
    QuickAnswer("discovery30", str(QT_TR_NOOP("30 分钟前")), 30),
    QuickAnswer("discovery60", str(QT_TR_NOOP("1 小时前")), 60),
    QuickAnswer("discoveryToday", str(QT_TR_NOOP("今天早些时候…")), None),
    QuickAnswer("discoveryYesterday", str(QT_TR_NOOP("昨天…")), None, str(QT_TR_NOOP("昨天 "))),
)


class DiscoveryQuestion(QWidget):
    """The quick answers above the time field (objectName ``discoveryQuestion``).
    ``answer(iso)`` records a time; ``now`` is the injected clock."""

    def __init__(self, field: TimeField, now: Callable[[], datetime], answer: Callable[[str], None]) -> None:
        super().__init__()
        self.setObjectName("discoveryQuestion")
        self.field, self.now, self.answer = field, now, answer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        question = QLabel(tr("什么时候发现（或得知）这起事件的？报告期限从这一刻算起。点一个选项，或在下面直接输入时间，例如「9:30」「9点半」「昨天 22:10」。"))
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
        row.addStretch(1)
        layout.addLayout(row)

    def choose(self, quick: QuickAnswer) -> None:
        if quick.minutes is None:
            self.field.time.set_prefix(tr(quick.prefix) if quick.prefix else "")
            return
        value = minutes_back(self.now(), quick.minutes)
        self.field.set_datetime(value)
        self.field.local_error = None
        self.answer(value.isoformat(timespec="seconds"))
