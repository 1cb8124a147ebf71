"""A time typed the way people say it (product.md §9.3), for every time field: discovery,
occurrence, submissions, notices, handling end, timeline.

A line edit reads 「9:30」「9点半」「昨天 22:10」… through ``core.timeparse`` and shows back
how it read the text (「今天 09:30（20 分钟前）」) while the user types; the time is
recorded only when she finishes (Enter or leaving the field), so a half-typed 「9:3」 is
never recorded as 09:03. What cannot be read stays in the field with the reason beside
it. A calendar picker is one click away. The widget reads no rule of the law: whether a
time may lie in the future is the caller's (``allow_future``), and the discovery page
asks core (D1a, D1b).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.timeparse import Reading, TimeParseError, describe, editable_text, in_future, parse_time
from core.timeutil import BEIJING, display_beijing
from gui.i18n import language, tr
from gui.widgets import named


class _EnterCommits(QObject):
    """Enter in the line edit records the time and stays: the wizard's default button
    would otherwise move on before she has seen how her time was read."""

    def __init__(self, edit: TimeEdit) -> None:
        super().__init__(edit)
        self.edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit.commit()
            return True
        return False


class TimeEdit(QWidget):
    """``line`` (objectName ``name``), a calendar button ``<name>_pick`` and the reading
    ``<name>_reading``. ``committed(str | None)``: the ISO time in Beijing time, or None when
    emptied (unknown). ``problem`` is what is wrong with the text, or None."""

    committed = Signal(object)

    def __init__(
        self,
        name: str,
        now: Callable[[], datetime],
        *,
        allow_future: bool = False,
        placeholder: str = "",
        rule: Callable[[datetime, datetime], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.now, self.allow_future, self.rule = now, allow_future, rule
        self.setObjectName(name + "_box")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.line = named(QLineEdit(), name)
        self.line.setPlaceholderText(placeholder or tr("例如 9:30、9点半、昨天 22:10"))
        self.line.installEventFilter(_EnterCommits(self))
        self.pick = named(QToolButton(), name + "_pick")
        self.pick.setText(tr("日历…"))
        self.pick.setToolTip(tr("在日历上选择日期和时刻"))
        self.pick.setAccessibleName(tr("在日历上选择日期和时刻"))
        row.addWidget(self.line, 1)
        row.addWidget(QLabel(tr("北京时间")))
        row.addWidget(self.pick)
        layout.addLayout(row)
        self.reading_label = named(QLabel(""), name + "_reading")
        self.reading_label.setStyleSheet("color: #1a5e20;")
        # One line is always kept, so the reading appearing never moves what is below (§9.3).
        self.reading_label.setMinimumHeight(self.reading_label.fontMetrics().height())
        layout.addWidget(self.reading_label)
        self.problem: str | None = None
        self._recorded: str | None = None
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self.commit)
        self.pick.clicked.connect(self.open_calendar)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        """The name belongs to the line she types in (what a screen reader announces)."""
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    # --- reading ---
    def reading(self) -> Reading | None:
        """The text read now; None when empty. Sets ``problem`` for text that cannot count."""
        text = self.line.text()
        self.problem = None
        if not text.strip():
            return None
        now = self.now()
        try:
            reading = parse_time(text, now)
        except TimeParseError as refusal:
            self.problem = refusal.message(language())
            return None
        if self.rule is not None:  # the field's own rule from core (discovery: D1a, D1b)
            self.problem = self.rule(reading.at, now)
            if self.problem:
                return None
        elif reading.future and not self.allow_future:
            self.problem = tr("这个时间晚于现在（现在是北京时间 {now}）。请核对日期和时刻。").format(now=display_beijing(now))
            return None
        return reading

    def value(self) -> datetime | None:
        reading = self.reading()
        return reading.at if reading is not None else None

    def _typed(self, _text: str) -> None:
        """While typing: how the text is read, or what is wrong, beside the field."""
        reading = self.reading()
        if reading is not None:
            self.reading_label.setStyleSheet("color: #1a5e20;")
            self.reading_label.setText(tr("读作：{reading}").format(reading=describe(reading, self.now(), language())))
        elif self.problem and len(self.line.text().strip()) >= 3:  # no scolding after one keystroke
            self.reading_label.setStyleSheet("color: #b42318;")
            self.reading_label.setText(self.problem)
        else:
            self.reading_label.setText("")

    def commit(self) -> None:
        """Record what the field holds (Enter, leaving the field, the calendar's OK)."""
        reading = self.reading()
        if self.problem:
            self.reading_label.setStyleSheet("color: #b42318;")
            self.reading_label.setText(self.problem)
            return
        iso = reading.iso() if reading is not None else None
        self._show_recorded(reading)
        if iso != self._recorded:
            self._recorded = iso
            self.committed.emit(iso)

    def _show_recorded(self, reading: Reading | None) -> None:
        self.reading_label.setStyleSheet("color: #1a5e20;")
        if reading is None:
            self.reading_label.setText("")
            return
        now = self.now()
        self.reading_label.setText(tr("已记下：{reading}").format(reading=describe(reading, now, language())))
        self.line.setText(editable_text(reading.at, now, language()))

    # --- showing a recorded value ---
    def set_value(self, value: datetime | str | None) -> None:
        """Show a recorded time (no ``committed``); None or an unreadable value: empty."""
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                value = None
        if value is None or value.tzinfo is None:
            self._recorded = None
            self.line.setText("")
            self.reading_label.setText("")
            self.problem = None
            return
        at = value.astimezone(BEIJING).replace(microsecond=0)
        self._recorded = at.isoformat(timespec="seconds")
        now = self.now()
        self.line.setText(editable_text(at, now, language()))
        self.problem = None
        self.reading_label.setStyleSheet("color: #1a5e20;")
        self.reading_label.setText(tr("已记下：{reading}").format(reading=describe(Reading(at, in_future(at, now), True), now, language())))

    def set_prefix(self, text: str) -> None:
        """Start the text (「昨天 」) and put the cursor after it, for the quick answers."""
        self.line.setText(text)
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line.setCursorPosition(len(text))
        self._typed(text)

    # --- the calendar ---
    def open_calendar(self) -> None:
        start = self.value() or self.now().astimezone(BEIJING)
        dialog = CalendarDialog(start, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = dialog.chosen()
            self.line.setText(f"{chosen.year}-{chosen.month:02d}-{chosen.day:02d} {chosen.hour:02d}:{chosen.minute:02d}")
            self.commit()


class CalendarDialog(QDialog):
    """objectName ``CalendarDialog``: a month calendar and a time of day (hours and minutes)."""

    def __init__(self, start: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CalendarDialog")
        self.setWindowTitle(tr("选择日期和时刻（北京时间）"))
        layout = QVBoxLayout(self)
        start = start.astimezone(BEIJING)
        self.calendar = named(QCalendarWidget(), "calendar")
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.setGridVisible(True)
        self.time = named(QTimeEdit(QTime(start.hour, start.minute)), "calendarTime")
        self.time.setDisplayFormat("HH:mm")
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("时刻")))
        row.addWidget(self.time)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.calendar)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def chosen(self) -> datetime:
        d, t = self.calendar.selectedDate(), self.time.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=BEIJING)
