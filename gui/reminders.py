"""Deadline reminders in the running app: every ``CHECK_EVERY`` ticks (and once at start,
so deadlines that fell due while the app was closed are announced), ask
``core.reminders`` which reminders are due and hand each message to ``notify`` (the tray
where the platform has one, otherwise a non-modal banner). Reminders already shown are
remembered in the store, so each fires once across restarts."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

from PySide6.QtCore import QObject

from core.assessment import assess
from core.reminders import LOOKAHEAD_MINUTES, due_reminders, overflow_message
from core.rules import RulePack
from core.store import IncidentSummary, StoreError
from gui import i18n
from gui.hub import StoreHub
from gui.i18n import tr
from gui.submission import recipient_name
from gui.ticker import Ticker

CHECK_EVERY = 15           # ticks (seconds) between checks; a reminder is at most this late
LOOKBACK = timedelta(days=1)  # deadlines that passed while closed are announced up to a day later
MAX_MESSAGES = 5           # per check; the rest are summed up in one line (the list shows them all)
MAX_CANDIDATES = 200       # incidents assessed per check, nearest deadlines first (keeps a check cheap)
FIRED_KEY = "reminders_fired"
KEEP = 5000                # remembered keys (oldest dropped)
PAGE = 200                 # incidents read per query while looking for deadlines before the horizon


class ReminderService(QObject):
    def __init__(self, hub: StoreHub, pack: RulePack, ticker: Ticker, notify: Callable[[str], None]) -> None:
        super().__init__()
        self.hub, self.pack, self.notify = hub, pack, notify
        self._count = 0
        raw = hub.meta(FIRED_KEY)
        self._order: list[str] = json.loads(raw) if raw else []
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
        horizon = now + timedelta(minutes=LOOKAHEAD_MINUTES + 1)
        candidates = []
        for row in self._due_between(now - LOOKBACK, horizon, now):
            result = assess(self.hub.document(row.id), self.pack, now)
            candidates.append((row.id, row.title or tr("（未命名事件）"), result.obligations))
            if len(candidates) >= MAX_CANDIDATES:
                break
        shown, done = due_reminders(candidates, now, self.fired)
        if done:
            self._remember(done)
        lang = i18n.language()
        messages = [r.message(now, lang, recipient_name(r.obligation, self.pack)) for r in shown[:MAX_MESSAGES]]
        if len(shown) > MAX_MESSAGES:
            messages.append(overflow_message(len(shown) - MAX_MESSAGES, lang))
        for message in messages:
            self.notify(message)
        return messages

    def _due_between(self, start: datetime, horizon: datetime, now: datetime) -> Iterator[IncidentSummary]:
        """Incidents whose nearest deadline lies from ``start`` to ``horizon``, page by page
        in the store's order (nearest deadline first, none last): a check reads only those,
        not every incident (10,000 listed: ~50 ms a check, every 15 s)."""
        offset = 0
        while True:
            page = self.hub.list_incidents(now, limit=PAGE, offset=offset, due_from=start)
            for row in page:
                if row.next_due is None or row.next_due > horizon:
                    return
                yield row
            if len(page) < PAGE:
                return
            offset += PAGE

    def _remember(self, keys: set[str]) -> None:
        self._order.extend(sorted(keys - self.fired))
        self.fired |= keys
        self._order = self._order[-KEEP:]
        try:
            self.hub.set_meta(FIRED_KEY, json.dumps(self._order, ensure_ascii=False))
        except StoreError:
            pass  # shown again after a restart at worst; never block the reminder itself
