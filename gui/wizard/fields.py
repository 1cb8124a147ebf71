"""Input widgets bound to a JSON path of the incident document.

Each field's widget is named after its path (``impact.people_affected`` →
``impact_people_affected``, product.md §4.6), shows a plain-Chinese explanation with an
example, and has an error label (``<name>_error``) right under it. A field never owns
data: it loads from the document and reports every change as ``(path, value)``.
What the user typed is kept even when it is wrong: an unreadable number is stored as
the text typed, so the draft keeps it and validation names it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QSignalBlocker, Qt, QTimeZone
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.incident import Doc, get
from core.messages import Finding
from core.numbers import QuantityError, format_quantity, parse_quantity
from gui.i18n import ask, hint, language, tr
from gui.widgets import named

OnChange = Callable[[str, Any], None]
UNKNOWN = QT_TR_NOOP("— 不知道 / 未选择 —")


def object_name(path: str) -> str:
    return path.replace(".", "_")


def beijing_zone() -> QTimeZone:
    zone = QTimeZone(b"Asia/Shanghai")
    return zone if zone.isValid() else QTimeZone(8 * 3600)


class Field(ABC):
    """Base: a widget for one path, its error label and the row it sits in."""

    def __init__(self, path: str, label: str, help_text: str, widget: QWidget, on_change: OnChange) -> None:
        self.path = path
        self.label = label
        self.widget = widget
        self.on_change = on_change
        widget.setObjectName(object_name(path))
        widget.setAccessibleName(label)
        widget.setAccessibleDescription(help_text)
        self.help = QLabel(help_text)
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #555;")
        self.error = named(QLabel(""), object_name(path) + "_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318;")
        # One line is always kept for a message, so one appearing never moves the fields
        # below under the user's cursor (product.md §8.4).
        self.error.setMinimumHeight(self.error.fontMetrics().height())
        self.local_error: str | None = None

    def row(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.widget)
        if self.help.text():
            layout.addWidget(self.help)
        layout.addWidget(self.error)
        return box

    def load(self, doc: Doc) -> None:
        with QSignalBlocker(self.widget):
            self.set_value(get(doc, self.path))

    @abstractmethod
    def set_value(self, value: Any) -> None:
        """Show ``value`` (None: unknown) in the widget without emitting a change."""

    def emit(self, value: Any) -> None:
        self.on_change(self.path, value)

    def show_findings(self, findings: Sequence[Finding]) -> None:
        text = self.local_error or "\n".join(f.message(language()) for f in findings)
        self.error.setText(text)


class TextField(Field):
    def __init__(self, path: str, label: str, help_text: str, on_change: OnChange, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        super().__init__(path, label, help_text, edit, on_change)
        edit.textChanged.connect(lambda text: self.emit(text if text.strip() else None))

    def set_value(self, value: Any) -> None:
        self.widget.setText("" if value is None else str(value))  # type: ignore[attr-defined]


class AreaField(Field):
    def __init__(self, path: str, label: str, help_text: str, on_change: OnChange, placeholder: str = "") -> None:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(64)
        edit.setMaximumHeight(110)
        super().__init__(path, label, help_text, edit, on_change)
        edit.textChanged.connect(lambda: self.emit(edit.toPlainText() if edit.toPlainText().strip() else None))

    def set_value(self, value: Any) -> None:
        self.widget.setPlainText("" if value is None else str(value))  # type: ignore[attr-defined]


class QuantityField(Field):
    """A number the user may write as ``12万``; blank means unknown."""

    def __init__(self, path: str, label: str, help_text: str, on_change: OnChange, *, integer: bool, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder or tr("不知道就留空"))
        super().__init__(path, label, help_text, edit, on_change)
        self.integer = integer
        edit.textChanged.connect(self._changed)

    def _changed(self, text: str) -> None:
        try:
            value: Any = parse_quantity(text, integer=self.integer)
            self.local_error = None
        except QuantityError as exc:
            value = text  # keep what was typed; validation names it
            self.local_error = Finding(self.path, exc.code, {"value": text}).message(language())
        self.show_findings([])
        self.emit(value)

    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else format_quantity(value)
        self.widget.setText(text)  # type: ignore[attr-defined]


def catalogue_field(path: str, on_change: OnChange) -> Field:
    """The widget the field catalogue declares for ``path``, with its question and help: a
    choice among its fixed choices, or a line of text. Other kinds are laid out by hand."""
    from core import fields as catalogue  # lazy, as gui.i18n: the catalogue loads with the first form

    entry = catalogue.info(path)
    if entry is not None and entry.type == "enum":
        return ChoiceField(path, ask(path), hint(path), on_change, catalogue.choices(path, language()))
    if entry is not None and entry.type == "text":
        return TextField(path, ask(path), hint(path), on_change)
    raise ValueError(f"{path}: not a text or fixed-choice field of the catalogue")


def choice_value(combo: QComboBox, index: int) -> Any:
    """The value of item ``index``, None for the 「不知道」 item 0 or no item. Never asks Qt
    for item data that is empty: PySide6 6.12 drops a reference to None each time it hands
    an empty QVariant to Python, and enough of those crash the interpreter."""
    return combo.itemData(index) if index > 0 else None


class ChoiceField(Field):
    def __init__(self, path: str, label: str, help_text: str, on_change: OnChange, choices: Sequence[tuple[str, str]], unknown: str = str(UNKNOWN)) -> None:
        combo = QComboBox()
        combo.addItem(tr(unknown))  # index 0 means unknown; no None item data (see choice_value)
        for value, text in choices:
            combo.addItem(text, value)
        super().__init__(path, label, help_text, combo, on_change)
        combo.currentIndexChanged.connect(lambda i: self.emit(choice_value(combo, i)))

    def set_value(self, value: Any) -> None:
        combo: QComboBox = self.widget  # type: ignore[assignment]
        index = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def set_choices(self, choices: Sequence[tuple[str, str]], current: Any) -> None:
        combo: QComboBox = self.widget  # type: ignore[assignment]
        with QSignalBlocker(combo):
            while combo.count() > 1:
                combo.removeItem(1)
            for value, text in choices:
                combo.addItem(text, value)
            self.set_value(current)


class CheckField(Field):
    def __init__(self, path: str, label: str, help_text: str, on_change: OnChange) -> None:
        box = QCheckBox(label)
        super().__init__(path, label, help_text, box, on_change)
        box.toggled.connect(lambda checked: self.emit(bool(checked)))

    def set_value(self, value: Any) -> None:
        self.widget.setChecked(value is True)  # type: ignore[attr-defined]


class ChecksField(Field):
    """Several answers that may all hold (「泄露」「篡改」「丢失」): a row of tick boxes
    ``<name>_<value>``, written as the list of the ticked values; none ticked is unknown (null)."""

    def __init__(self, path: str, label: str, help_text: str, on_change: OnChange, choices: Sequence[tuple[str, str]]) -> None:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for value, text in choices:
            tick = QCheckBox(text)
            tick.setObjectName(f"{object_name(path)}_{value}")
            tick.setAccessibleName(f"{label}：{text}")
            tick.toggled.connect(lambda _on: self.emit(self.value()))
            layout.addWidget(tick)
            self.boxes[value] = tick
        layout.addStretch(1)
        super().__init__(path, label, help_text, box, on_change)

    def value(self) -> list[str] | None:
        ticked = [v for v, tick in self.boxes.items() if tick.isChecked()]
        return ticked or None

    def load(self, doc: Doc) -> None:
        blockers = [QSignalBlocker(b) for b in self.boxes.values()]
        self.set_value(get(doc, self.path))
        del blockers

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for v, tick in self.boxes.items():
            tick.setChecked(v in chosen)


class YesNoField(Field):
    """A yes/no question with a third answer, 不知道: written true, false or null (product.md
    §8.1), so "no" is never mistaken for "not known" and the other way round. Radio buttons
    ``<name>_yes``, ``<name>_no``, ``<name>_unknown`` in a row named by the path."""

    ANSWERS = ((True, "yes", QT_TR_NOOP("是")), (False, "no", QT_TR_NOOP("否")), (None, "unknown", QT_TR_NOOP("不知道")))

    def __init__(self, path: str, label: str, help_text: str, on_change: OnChange) -> None:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        question = QLabel(label)
        question.setWordWrap(True)
        layout.addWidget(question, 1)
        self.group = QButtonGroup(box)
        self.buttons: dict[bool | None, QRadioButton] = {}
        for value, suffix, text in self.ANSWERS:
            button = named(QRadioButton(tr(str(text))), f"{object_name(path)}_{suffix}")
            button.setAccessibleName(f"{label}：{tr(str(text))}")
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
            button.toggled.connect(lambda on, v=value: self._answered(on, v))
        super().__init__(path, label, help_text, box, on_change)

    def _answered(self, checked: bool, value: bool | None) -> None:
        if checked:  # the button that was chosen, not the one that was left
            self.emit(value)

    def load(self, doc: Doc) -> None:
        blockers = [QSignalBlocker(b) for b in self.buttons.values()]
        self.set_value(get(doc, self.path))
        del blockers

    def set_value(self, value: Any) -> None:
        self.buttons[value if isinstance(value, bool) else None].setChecked(True)


class TimeField(Field):
    """A time typed the way people say it (``gui.timeedit.TimeEdit``, product.md §9.3),
    recorded in Beijing time when the user finishes typing. Empty means unknown (null)."""

    def __init__(
        self,
        path: str,
        label: str,
        help_text: str,
        on_change: OnChange,
        now: Callable[[], datetime],
        *,
        allow_future: bool = False,
        rule: Callable[[datetime, datetime], str | None] | None = None,
    ) -> None:
        from gui.timeedit import TimeEdit

        self.time = TimeEdit(object_name(path), now, allow_future=allow_future, rule=rule)
        self.edit = self.time.line
        self.edit.setAccessibleName(label)
        super().__init__(path, label, help_text, self.time, on_change)
        self.time.setObjectName(object_name(path) + "_box")
        self.edit.setObjectName(object_name(path))
        self.time.committed.connect(self.emit)

    def value(self) -> str | None:
        reading = self.time.reading()
        return reading.iso() if reading is not None else None

    def set_datetime(self, value: datetime) -> None:
        self.time.set_value(value)

    def load(self, doc: Doc) -> None:
        with QSignalBlocker(self.time):
            self.time.set_value(get(doc, self.path))

    def set_value(self, value: Any) -> None:  # load() handles it
        pass

    def show_findings(self, findings: Sequence[Finding]) -> None:
        # what the typed text cannot be is said on the field's own line (gui.timeedit)
        self.error.setText(self.local_error or "\n".join(f.message(language()) for f in findings))


class ListField(Field):
    """A small table editing a list of objects (systems, sector rules). Columns are
    ``(key, title, kind)`` with kind ``text``, ``hours`` or ``bool``."""

    def __init__(self, path: str, label: str, help_text: str, on_change: OnChange, columns: Sequence[tuple[str, str, str]], add_text: str) -> None:
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        self.columns = list(columns)
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName(object_name(path))
        self.table.setHorizontalHeaderLabels([c[1] for c in columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        self.table.setAccessibleName(label)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName(object_name(path) + "_add")
        self.remove_button = QPushButton(tr("删除选中行"))
        self.remove_button.setObjectName(object_name(path) + "_remove")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        super().__init__(path, label, help_text, container, on_change)
        container.setObjectName(object_name(path) + "_box")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.table.itemChanged.connect(lambda _item: self.emit(self.rows()))

    def add_row(self, values: dict[str, Any] | None = None) -> None:
        with QSignalBlocker(self.table):
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, (key, _title, kind) in enumerate(self.columns):
                value = (values or {}).get(key)
                item = QTableWidgetItem()
                if kind == "bool":
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
                else:
                    item.setText("" if value is None else str(value))
                self.table.setItem(row, col, item)
        if values is None:
            self.emit(self.rows())
            self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.emit(self.rows())

    def rows(self) -> list[dict[str, Any]]:
        result = []
        for row in range(self.table.rowCount()):
            entry: dict[str, Any] = {}
            for col, (key, _title, kind) in enumerate(self.columns):
                item = self.table.item(row, col)
                if item is None:
                    continue
                if kind == "bool":
                    entry[key] = item.checkState() == Qt.CheckState.Checked
                elif kind == "hours":
                    try:
                        entry[key] = parse_quantity(item.text(), integer=False)
                    except QuantityError:
                        entry[key] = item.text()
                else:
                    entry[key] = item.text().strip() or None
            result.append(entry)
        return result

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.table):
            self.table.setRowCount(0)
        for entry in value or []:
            if isinstance(entry, dict):
                self.add_row(entry)


def form_section(title: str, note: str = "") -> QWidget:
    """A heading with an optional one-line note, for grouping fields on a page."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 8, 0, 2)
    head = QLabel(title)
    font = head.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    head.setFont(font)
    head.setWordWrap(True)
    layout.addWidget(head)
    if note:
        sub = QLabel(note)
        sub.setWordWrap(True)
        sub.setStyleSheet("color: #555;")
        layout.addWidget(sub)
    return box


def add_rows(form: QFormLayout, fields: Sequence[Field]) -> None:
    for f in fields:
        if isinstance(f, CheckField):
            form.addRow("", f.row())
        else:
            label = QLabel(f.label)
            label.setWordWrap(True)
            label.setBuddy(f.widget)
            form.addRow(label, f.row())
