"""What the database keeps besides incidents: the organisation's profile (the reporter of
every new incident), the app's remembered choices (``meta``: the language, the tray, the
wizard's page) and the latest wall-clock time seen (product.md §5)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from core.usecases.base import Area
from core.usecases.changes import Changes


class Settings(Area):
    def profile(self) -> dict[str, Any]:
        return self.store.profile()

    def save_profile(self, profile: Mapping[str, Any]) -> Changes:
        self.store.save_profile(profile)
        return Changes(profile=True)

    def setting(self, key: str) -> str | None:
        """A remembered choice (None when never made)."""
        return self.store.meta(key)

    def remember(self, key: str, value: str) -> None:
        """Remember a choice; not evidence, so not audited."""
        self.store.set_meta(key, value)

    # --- the clock (the record the clock checks read, gui.clockwatch.ClockRecord) ---
    def now(self) -> datetime:
        """The time by the clock the database was opened with."""
        return self.store.clock.now()

    @property
    def previous_wall_clock(self) -> datetime | None:
        """The latest wall-clock time any earlier run wrote to this file."""
        return self.store.previous_wall_clock

    def touch_clock(self) -> None:
        """Note the time now as seen (a clock set back later is noticed)."""
        self.store.touch_clock()
