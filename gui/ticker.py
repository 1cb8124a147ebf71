"""The one 1 Hz timer that drives every countdown (conventions §7). It reads the injected
clock and emits ``tick(now)``; listeners only format text."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from core.clock import Clock


class Ticker(QObject):
    tick = Signal(object)  # datetime

    def __init__(self, clock: Clock, parent: QObject | None = None, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self.clock = clock
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.fire)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def now(self) -> datetime:
        return self.clock.now()

    def fire(self) -> None:
        """Emit one tick now (the timer calls this; tests call it after moving a fake clock)."""
        self.tick.emit(self.clock.now())
