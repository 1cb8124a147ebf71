"""Deadline reminders in the running app: every ``CHECK_EVERY`` ticks (and once at start,
so deadlines that fell due while the app was closed are announced), ask the core service
which reminders are due and hand each message, in the UI's language, to ``notify`` (the
tray where the platform has one, otherwise a non-modal banner). Reminders already shown
are remembered in the store, so each fires once across restarts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject

from core.reminders import overflow_message
from core.rules import RulePack
from core.service import StoreError
from gui import i18n
from gui.hub import StoreHub
from gui.i18n import tr
from gui.submission import recipient_name
from gui.ticker import Ticker

CHECK_EVERY = 15  # ticks (seconds) between checks; a reminder is at most this late
MAX_MESSAGES = 5  # per check; the rest are summed up in one line (the list shows them all)


class ReminderService(QObject):
    def __init__(self, hub: StoreHub, pack: RulePack, ticker: Ticker, notify: Callable[[str], None]) -> None:
        super().__init__()
        self.hub, self.pack, self.notify = hub, pack, notify
        self._count = 0
        self._order: list[str] = hub.service.fired_reminders()
        self.fired = set(self._order)
        ticker.tick.connect(self._tick)

    def _tick(self, now: datetime) -> None:
        self._count += 1
        if self._count % CHECK_EVERY == 0:
            try:
                self.check(now)
            except StoreError:
                pass  # the store is busy or gone for a moment; the next check catches up (each reminder fires once)

    def check(self, now: datetime) -> list[str]:
        """Show every reminder due at ``now``; returns their messages."""
        self.hub.flush()
        shown, done = self.hub.service.check_reminders(now, self.fired, tr("（未命名事件）"))
        if done:
            self._remember(done)
        lang = i18n.language()
        messages = [r.message(now, lang, recipient_name(r.obligation, self.pack)) for r in shown[:MAX_MESSAGES]]
        projected, projected_done = self.hub.service.check_projection_reminders(now, self.fired, tr("（未命名事件）"))
        if projected_done:
            self._remember(projected_done)
        messages += [r.message(lang, i18n.grade_name(r.projection.grade)) for r in projected]
        if len(shown) > MAX_MESSAGES:
            messages.append(overflow_message(len(shown) - MAX_MESSAGES, lang))
        for message in messages:
            self.notify(message)
        return messages

    def _remember(self, keys: set[str]) -> None:
        self._order.extend(sorted(keys - self.fired))
        self.fired |= keys
        try:
            self.hub.service.remember_fired(self._order)
        except StoreError:
            pass  # shown again after a restart at worst; never block the reminder itself
