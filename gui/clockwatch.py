"""Watches the computer's clock (product.md §5): at start, a clock behind the latest time
the database has seen and a time zone other than Beijing time; then every minute, a wall
clock that jumped compared with a monotonic clock. Each finding is handed to ``notify``
as a calm sentence in the UI's language (from ``core.clockcheck``); deadlines stay
computed in Beijing time either way."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from PySide6.QtCore import QObject

from core.clockcheck import jump_warning, rollback_warning, zone_warning
from core.service import StoreError
from gui.i18n import language
from gui.ticker import Ticker

EVERY = 60  # ticks


class ClockRecord(Protocol):
    """Where the last wall-clock reading is kept (the database, through the core service)."""

    @property
    def previous_wall_clock(self) -> datetime | None: ...

    def touch_clock(self) -> None: ...


class ClockWatch(QObject):
    def __init__(
        self,
        record: ClockRecord,
        ticker: Ticker,
        notify: Callable[[str], None],
        local_now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.record, self.ticker, self.notify = record, ticker, notify
        self.local_now, self.monotonic = local_now, monotonic
        self._count = 0
        self._wall = ticker.now()
        self._mono = monotonic()
        ticker.tick.connect(self._tick)

    def check_at_start(self) -> list[str]:
        lang = language()
        found = [w for w in (rollback_warning(self.ticker.now(), self.record.previous_wall_clock, lang), zone_warning(self.local_now(), lang)) if w]
        for message in found:
            self.notify(message)
        self._touch()
        return found

    def _tick(self, now: datetime) -> None:
        self._count += 1
        if self._count % EVERY == 0:
            try:
                self.check_running(now)
            except StoreError:
                pass  # remembering the time seen failed for a moment; the next minute tries again

    def check_running(self, now: datetime) -> str | None:
        mono = self.monotonic()
        warning = jump_warning(now - self._wall, timedelta(seconds=mono - self._mono), language())
        self._wall, self._mono = now, mono
        if warning:
            self.notify(warning)
        self._touch()
        return warning

    def _touch(self) -> None:
        try:
            self.record.touch_clock()
        except StoreError:
            pass  # the next minute tries again; a warning is not worth an error
