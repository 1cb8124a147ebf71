"""Small widget helpers shared by the windows: typed object names, and windows that fit\nthe screen. Does not hold state."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

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
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    area = screen.availableGeometry()
    w = min(width, area.width() - FRAME_ALLOWANCE[0])
    h = min(height, area.height() - FRAME_ALLOWANCE[1])
    window.resize(max(w, 200), max(h, 200))
    window.move(area.x() + (area.width() - w - FRAME_ALLOWANCE[0]) // 2, area.y() + max(0, (area.height() - h - FRAME_ALLOWANCE[1]) // 2))
