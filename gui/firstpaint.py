"""Work that waits until a window is on the screen (issue 7: start-up).

``after_first_paint(widget, then)`` runs ``then`` on the event loop once ``widget`` has
received its first paint event, or after ``FALLBACK_MS`` if it never does (started
minimised, or no window at all). A zero-timer is not enough: Qt may run timers before
it exposes and paints a new window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Calls ``then`` once, on the event loop, after ``widget`` was first painted (or after
    ``FALLBACK_MS`` if it never is, e.g. started minimised)."""

    FALLBACK_MS = 500

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget, self.then, self.done = widget, then, False
        widget.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.widget and event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if not self.done:
            self.done = True
            self.widget.removeEventFilter(self)
            self.then()


def after_first_paint(widget: QWidget | None, then: Callable[[], None]) -> None:
    if widget is None:
        QTimer.singleShot(0, then)
    else:
        _FirstPaint(widget, then)
