"""Real hands for tests of use (conventions §30, issue: the first hour through real hands).

``Hands`` does only what a person can do: a mouse click at the middle of the widget that
lies under the pointer there, key presses and typed text into whatever has the focus, and
wheel turns over what lies under the pointer. It counts each as an action (a click, a key
chord, a typed field = 1; scrolling to bring a widget into view = 1 per gesture) and keeps
a log. It has no way to call a widget's setters, and ``refuse_setters`` makes the calls a
test could still reach for (``setText``, ``click``, ``trigger``, ``setCurrentIndex``…) fail
when they come from a walk's own code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QWidget,
)

WALK_MODULES = ("tests.walk",)  # callers whose setter calls are refused

# What a person cannot do: set a value through the widget's own API.
SETTERS: tuple[tuple[type, str], ...] = (
    (QAbstractButton, "click"),
    (QAbstractButton, "setChecked"),
    (QAbstractButton, "toggle"),
    (QAbstractButton, "animateClick"),
    (QAction, "trigger"),
    (QAction, "setChecked"),
    (QComboBox, "setCurrentIndex"),
    (QComboBox, "setCurrentText"),
    (QLineEdit, "setText"),
    (QLineEdit, "insert"),
    (QPlainTextEdit, "setPlainText"),
    (QPlainTextEdit, "insertPlainText"),
    (QDateTimeEdit, "setDateTime"),
    (QAbstractSpinBox, "stepBy"),
)


class SetterRefused(AssertionError):
    pass


@contextmanager
def refuse_setters(modules: tuple[str, ...] = WALK_MODULES) -> Iterator[None]:
    """While inside, a setter called from a walk's code raises ``SetterRefused``; the
    app's own calls (from gui/) go through unchanged."""
    saved: list[tuple[type, str, Any]] = []

    def guard(cls: type, name: str, original: Any) -> Callable[..., Any]:
        def refused(self: Any, *args: Any, **kwargs: Any) -> Any:
            caller = sys._getframe(1).f_globals.get("__name__", "")
            if caller.startswith(modules):
                raise SetterRefused(f"{cls.__name__}.{name} is not something a person can do; use Hands")
            return original(self, *args, **kwargs)

        return refused

    for cls, name in SETTERS:
        original = cls.__dict__.get(name)
        if original is None:
            continue
        saved.append((cls, name, original))
        setattr(cls, name, guard(cls, name, original))
    try:
        yield
    finally:
        for cls, name, original in saved:
            setattr(cls, name, original)


class Hands:
    """A person at the screen. ``shots`` (a folder or None) gets a PNG of the active window
    after each action, named by the step number."""

    def __init__(self, shots: Path | None = None, settle: Callable[[], None] | None = None) -> None:
        self.actions = 0
        self.log: list[str] = []
        self.shots = shots
        self.settle = settle or QApplication.processEvents
        self.marks: dict[str, int] = {}

    # --- what a person does ---
    def click(self, widget: QWidget, what: str = "", *, double: bool = False) -> None:
        """Click the middle of ``widget`` (scrolling it into view first, as she would)."""
        self._scroll_into_view(widget)
        target, local = self._under_pointer(widget)
        QTest.mouseMove(target, local)  # the pointer travels there first, as a hand moves it
        if double:
            QTest.mouseDClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)
        else:
            QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)
        self._count(f"click {what or widget.objectName() or type(widget).__name__}")

    def click_at(self, widget: QWidget, local: QPoint, what: str) -> None:
        """Click a point inside ``widget`` (an item of a list or a table)."""
        QTest.mouseMove(widget, local)
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, local)
        self._count(f"click {what}")

    def type(self, text: str, what: str = "") -> None:
        """Type ``text`` into the focused widget: ASCII key by key, other text as an input
        method commits it (a person with a Chinese input method)."""
        widget = QApplication.focusWidget()
        assert widget is not None, f"typing {text!r} with nothing focused"
        if text.isascii():
            QTest.keyClicks(widget, text)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(text)
            QApplication.sendEvent(widget, event)
        self._count(f"type {what or widget.objectName()} {text[:20]!r}")

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, what: str = "") -> None:
        widget = QApplication.focusWidget() or QApplication.activeWindow()
        assert widget is not None, "a key with no window"
        QTest.keyClick(widget, key, modifiers)
        self._count(f"key {what or Qt.Key(key).name}")

    def wheel(self, widget: QWidget, notches: int = 1, *, count: bool = True) -> None:
        """Turn the wheel ``notches`` (negative: towards her, scrolling down) over the middle
        of ``widget``: the event goes to whatever lies under the pointer there."""
        target, local = self._under_pointer(widget)
        for _ in range(abs(notches)):
            delta = QPoint(0, 120 if notches > 0 else -120)
            event = QWheelEvent(
                QPointF(local),
                QPointF(target.mapToGlobal(local)),
                QPoint(),
                delta,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(target, event)
        self.settle()
        if count:
            self._count(f"wheel {notches:+d} over {widget.objectName() or type(widget).__name__}")

    def choose(self, combo: QComboBox, text: str) -> None:
        """Open ``combo`` with a click and click the item that reads ``text``."""
        self.click(combo)
        view = combo.view()
        index = next((combo.model().index(i, 0) for i in range(combo.count()) if combo.itemText(i) == text), None)
        assert index is not None, f"{combo.objectName()} has no item {text!r}: {[combo.itemText(i) for i in range(combo.count())]}"
        if view.isVisible():
            view.scrollTo(index)
            self.click_at(view.viewport(), view.visualRect(index).center(), f"{combo.objectName()} → {text}")
        else:  # offscreen popups may not show: the keyboard does the same (Home, then Down)
            self.key(Qt.Key.Key_Home, what=f"{combo.objectName()} Home")
            for _ in range(index.row()):
                self.key(Qt.Key.Key_Down, what=f"{combo.objectName()} Down")  # each press counts
        self.settle()

    def mark(self, name: str) -> None:
        """Remember the count at a milestone (the right clock, the PDF…)."""
        self.marks.setdefault(name, self.actions)

    # --- helpers ---
    def _count(self, what: str) -> None:
        self.actions += 1
        self.log.append(what)
        self.settle()
        if self.shots is not None:
            window = QApplication.activeWindow() or QApplication.activeModalWidget()
            if window is not None:
                self.shots.mkdir(parents=True, exist_ok=True)
                window.grab().save(str(self.shots / f"{self.actions:03d}.png"))

    def _under_pointer(self, widget: QWidget) -> tuple[QWidget, QPoint]:
        """The widget that a click at ``widget``'s middle reaches, and the point in it."""
        assert widget.isVisible(), f"{widget.objectName() or widget} is not on the screen"
        centre = _aim(widget)
        global_pos = widget.mapToGlobal(centre)
        found = QApplication.widgetAt(global_pos)
        if found is None or not (found is widget or widget.isAncestorOf(found) or found.isAncestorOf(widget)):
            found = widget  # offscreen windows may overlap each other; aim at the widget itself
        return found, found.mapFromGlobal(global_pos)

    def _scroll_into_view(self, widget: QWidget) -> None:
        """Wheel the scroll area around ``widget`` until it is in view (one action)."""
        area = _scroll_area(widget)
        if area is None or _in_view(widget, area):
            return
        viewport = area.viewport()
        for _ in range(60):
            top = widget.mapTo(viewport, QPoint(0, 0)).y()
            self.wheel(viewport, 1 if top < 0 else -1, count=False)
            if _in_view(widget, area):
                break
        self._count(f"scroll to {widget.objectName() or type(widget).__name__}")


def _aim(widget: QWidget) -> QPoint:
    """Where a person aims: the middle of a tick box's or radio button's box and words (not
    the empty end of a wide row), else the middle of the widget."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

    if isinstance(widget, (QCheckBox, QRadioButton)):
        option = QStyleOptionButton()
        option.initFrom(widget)
        option.text = widget.text()
        element = QStyle.SubElement.SE_CheckBoxClickRect if isinstance(widget, QCheckBox) else QStyle.SubElement.SE_RadioButtonClickRect
        rect = widget.style().subElementRect(element, option, widget)
        if rect.isValid():
            return rect.center()
    return widget.rect().center()


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, QAbstractScrollArea) and not isinstance(node, QTableWidget):
            return node
        node = node.parentWidget()
    return None


def _in_view(widget: QWidget, area: QAbstractScrollArea) -> bool:
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return top_left.y() >= 0 and top_left.y() + min(widget.height(), viewport.height()) <= viewport.height()


def find(root: QWidget, name: str, kind: type = QWidget) -> Any:
    found = root.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} {name!r} in {root.objectName()}"
    return found
