"""Small widget helpers shared by the windows: typed object names, and windows that fit\nthe screen. Does not hold state."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QWidget

W = TypeVar("W", bound=QObject)


def named(widget: W, object_name: str) -> W:
    """``widget`` with its object name set (tests and other programs find widgets by it,
    product.md §4.6); typed, unlike PySide6's ``objectName=`` keyword."""
    widget.setObjectName(object_name)
    return widget


# Room a window manager takes around a window: the title bar and the borders.
FRAME_ALLOWANCE = (16, 48)


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    """Give ``window`` its preferred size, or less where the screen's available area (the
    screen minus taskbars) is smaller, and centre it there, so its buttons are never
    below the taskbar (product.md §8.4). Content that does not fit scrolls."""
    guard_wheel(window)  # every window that fits itself is also one the wheel cannot change
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    area = screen.availableGeometry()
    w = min(width, area.width() - FRAME_ALLOWANCE[0])
    h = min(height, area.height() - FRAME_ALLOWANCE[1])
    window.resize(max(w, 200), max(h, 200))
    window.move(area.x() + (area.width() - w - FRAME_ALLOWANCE[0]) // 2, area.y() + max(0, (area.height() - h - FRAME_ALLOWANCE[1]) // 2))


class WheelGuard(QObject):
    """The mouse wheel scrolls the page; it never changes the value of a combo box, spin box
    or date field the user has not clicked (or tabbed) into (product.md §9.3: a wheel turn
    over 「按附件定性情形」 once changed a legal grade). One filter object for the whole app,
    installed on each such widget by ``guard_wheel`` (not on the application: a Python
    filter there would run for every event of the start-up): the turn goes to the scroll
    area around the widget instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = _scroll_area(watched)
        if area is not None and isinstance(event, QWheelEvent):
            bar = area.verticalScrollBar() if event.angleDelta().y() else area.horizontalScrollBar()
            QApplication.sendEvent(bar, event)
        return True  # swallowed either way: the value stays as the user left it


_GUARD: list[WheelGuard] = []


def guard_wheel(root: QWidget) -> None:
    """Guard every combo box and spin box (date and time fields are spin boxes) under
    ``root``, and ``root`` itself if it is one: the wheel no longer gives them focus
    (Qt's default for a combo box), and turns over them scroll the page."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    if not _GUARD:
        _GUARD.append(WheelGuard(QApplication.instance()))
    kinds = (QComboBox, QAbstractSpinBox)
    widgets = [root] if isinstance(root, kinds) else []
    for kind in kinds:
        widgets.extend(root.findChildren(kind))
    for widget in widgets:
        if widget.property("wheelGuarded"):
            continue
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_GUARD[0])
        widget.setProperty("wheelGuarded", True)


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, QAbstractScrollArea):
            return node
        node = node.parentWidget()
    return None


def reserved_line(lines: int = 2) -> QLabel:
    """A label for outcomes (「已保存首报：…」) whose height is fixed at ``lines`` lines, so a
    message appearing, wrapping or going never moves the buttons under the user's cursor
    (product.md §8.4, §9.3). A longer message is cut to its lines; the whole is its tooltip."""
    label = _ReservedLabel(lines)
    return label


class _ReservedLabel(QLabel):
    def __init__(self, lines: int) -> None:
        super().__init__("")
        self.setWordWrap(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 4)
        self.setTextInteractionFlags(self.textInteractionFlags())

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)
