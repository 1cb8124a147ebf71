"""Durations that may still be running (regulation.md D18; 附件 一、二、三 第1、2、6项): for an
outage or a defacement the impact interview asks 「还在持续吗？从几点开始？」 instead of only
a number of minutes nobody knows, and shows the live figure (「已持续 30 分钟，仍在持续」).
Minutes typed by the user still win for their item. The figure is core's
(``core.assessment.duration_minutes``); this module only lays out the fields and formats it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core import fields as catalogue
from core.assessment import duration_minutes
from core.incident import Doc
from gui.i18n import ask, hint, tr
from gui.widgets import named
from gui.wizard.fields import Field, OnChange, QuantityField, TimeField, object_name


def duration_of(minutes_path: str) -> catalogue.Duration:
    return next(d for d in catalogue.DURATIONS if d.minutes == minutes_path)


class DurationQuestion:
    """The three answers for one duration (when it began, when it ended, or the minutes)
    and the live figure ``durationLive_<minutes path>`` under them."""

    def __init__(self, minutes_path: str, on_change: OnChange, now: Callable[[], datetime]) -> None:
        self.duration = duration_of(minutes_path)
        self.now = now
        d = self.duration
        self.started = TimeField(d.started, ask(d.started), hint(d.started), on_change, now)
        self.ended = TimeField(d.ended, ask(d.ended), hint(d.ended), on_change, now)
        self.minutes = QuantityField(
            d.minutes, ask(d.minutes), hint(d.minutes), on_change, integer=False, placeholder=tr("已结束且知道分钟数时才填；否则填上面的开始时间")
        )
        self.live = named(QLabel(""), "durationLive_" + object_name(d.minutes))
        self.live.setStyleSheet("color: #1a3e6e; font-weight: bold;")
        self.live.setWordWrap(True)
        self.live.setMinimumHeight(self.live.fontMetrics().lineSpacing() * 3)  # reserved: nothing moves when it fills

    def advice(self) -> str:
        """What helps while it is still going on: stop the harm, keep the evidence first."""
        if "defacement" in self.duration.minutes:
            return tr("建议：先截图、保存网页和服务器日志留作证据，再把被篡改的页面下线或恢复；清除后在「结束时间」里填上时刻。")
        return tr("建议：保存日志和报错截图留作证据，尽快恢复服务；恢复后在「结束时间」里填上时刻。")

    @property
    def fields(self) -> list[Field]:
        return [self.started, self.ended, self.minutes]

    def live_row(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.live)
        return box

    def show(self, doc: Doc) -> None:
        """The figure at this moment: typed minutes, or counted from when it began."""
        minutes, running = duration_minutes(doc, self.duration, self.now())
        if minutes is None:
            self.live.setText("")
            return
        shown = f"{minutes:g}"
        if running:
            text = tr("已持续 {m} 分钟，仍在持续（时长随时间增加，定级会随之更新）").format(m=shown) + "\n" + self.advice()
        else:
            text = tr("持续了 {m} 分钟").format(m=shown)
        self.live.setText(text)


def running_note() -> str:
    """The note over an area whose durations may still be running."""
    return tr("还在持续吗？从几点开始？不知道分钟数也没关系：填开始时间，时长按现在的时间自动计算，定级随之更新。")
