"""Small widget helpers shared by the windows. Does not hold state."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

W = TypeVar("W", bound=QObject)


def named(widget: W, object_name: str) -> W:
    """``widget`` with its object name set (tests and other programs find widgets by it,
    product.md §4.6); typed, unlike PySide6's ``objectName=`` keyword."""
    widget.setObjectName(object_name)
    return widget
