"""Reminders (product.md §2.1): which are due now, each once across restarts (the keys of
those shown are kept in the database), read cheaply enough to run every few seconds: only
the incidents whose nearest deadline is near, and the internal notices' candidates kept
up to date from the incidents changed since the last look."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from core.store import IncidentNotFound, IncidentSummary
from core.usecases.base import Area

if TYPE_CHECKING:
    from core.reminders import Reminder

FIRED_KEY = "reminders_fired"  # meta key: reminders already shown (each fires once, across restarts)
KEEP_FIRED = 5000  # remembered reminder keys (oldest dropped)
REMINDER_LOOKBACK = timedelta(days=1)  # deadlines that passed while the app was closed are announced up to a day later
REMINDER_CANDIDATES = 200  # incidents assessed per check, nearest deadlines first (keeps a check cheap)
PI_SINCE_MARGIN = timedelta(minutes=10)  # changes read again before the last one seen (clock skew)
PI_FULL_RESCAN_S = 3600  # every incident is read again at most once an hour (about 60 ms for 10,000)
PAGE = 200  # incidents read per query while looking for deadlines before the horizon


class Reminders(Area):
    def _init_reminders(self) -> None:
        # The internal notice reminders' candidates (id -> title, discovered_at), kept up to
        # date from the incidents changed since the last look (``_pi_since``, at ``_pi_mark``).
        self._pi: dict[str, tuple[str | None, str]] = {}
        self._pi_mark: int | None = None
        self._pi_since: str | None = None
        self._pi_full_at = 0.0
        # D18: the projections seen at the last check, by incident: once a projection's moment
        # has come it leaves the assessment, so the reminder is made from the earlier look.
        self._projections: dict[str, tuple[str, list[Any]]] = {}
        self._running: list[tuple[str, str | None]] = []
        self._running_mark: int | None = None

    def _due_between(self, start: datetime, horizon: datetime, now: datetime) -> Iterator[IncidentSummary]:
        """Incidents whose nearest deadline lies from ``start`` to ``horizon``, page by page
        in the store's order (nearest first): a check reads only those, not every incident."""
        offset = 0
        while True:
            page = self.store.list_incidents(now, limit=PAGE, offset=offset, due_from=start)
            for row in page:
                if row.next_due is None or row.next_due > horizon:
                    return
                yield row
            if len(page) < PAGE:
                return
            offset += PAGE

    def fired_reminders(self) -> list[str]:
        raw = self.store.meta(FIRED_KEY)
        return list(json.loads(raw)) if raw else []

    def check_reminders(self, now: datetime, fired: set[str], untitled: str) -> tuple[list[Reminder], set[str]]:
        """The reminders due at ``now`` (60/30/15/5 minutes before each deadline and when
        overdue, product.md §2.1), each once: returns them and every key now done.
        ``untitled`` names an incident without a title, in the caller's language."""
        from core.reminders import LOOKAHEAD_MINUTES, due_reminders, internal_reminders

        horizon = now + timedelta(minutes=LOOKAHEAD_MINUTES + 1)
        candidates = []
        for row in self._due_between(now - REMINDER_LOOKBACK, horizon, now):
            candidates.append((row.id, row.title or untitled, self.assess(row.id, now).obligations))
            if len(candidates) >= REMINDER_CANDIDATES:
                break
        shown, done = due_reminders(candidates, now, fired)
        internal, internal_done = internal_reminders(self._internal_candidates(now, untitled), now, fired)
        return shown + internal, done | internal_done

    def check_projection_reminders(self, now: datetime, fired: set[str], untitled: str) -> tuple[list[Any], set[str]]:
        """D18: the running durations whose projected threshold has been reached since the
        last check, each once (``core.reminders.projection_reminders``). Only incidents with a
        duration that began are assessed (the list of them is cached until the next write);
        a voided one has no projections (D17)."""
        from core.reminders import projection_reminders

        seen: dict[str, tuple[str, list[Any]]] = {}
        for incident_id, title in self._running_rows()[:REMINDER_CANDIDATES]:
            try:
                result = self.assess(incident_id, now)
            except IncidentNotFound:
                continue
            if result.projections:
                seen[incident_id] = (title or untitled, list(result.projections))
        earlier = [(incident_id, title, projections) for incident_id, (title, projections) in self._projections.items()]
        self._projections = seen
        return projection_reminders(earlier, now, fired)

    def _running_rows(self) -> list[tuple[str, str | None]]:
        mark = self.store.change_mark()
        if mark != self._running_mark:
            self._running, self._running_mark = self.store.running_candidates(), mark
        return self._running

    def running_incidents(self) -> set[str]:
        """The incidents with a duration that began (D18): their grade can change with time
        alone, so the list asks for their live answer (cached until the next write)."""
        return {incident_id for incident_id, _title in self._running_rows()}

    def _internal_candidates(self, now: datetime, untitled: str) -> Iterator[tuple[str, str, datetime, list[Any]]]:
        """Incidents with personal information affected whose 1 h or 24 h internal reminder
        (D16: 立即) fell due within the look-back; the list is cached until the next write."""
        from core.reminders import INTERNAL_AFTER_HOURS
        from core.timeutil import parse_instant

        mark = self.store.change_mark()
        if mark != self._pi_mark:
            full = self._pi_since is None or time.monotonic() - self._pi_full_at > PI_FULL_RESCAN_S  # a clock set back cannot hide one for long
            since = None if full else (datetime.fromisoformat(str(self._pi_since)) - PI_SINCE_MARGIN).isoformat()
            changed, self._pi_since = self.store.personal_info_changes(since)
            if full:
                self._pi, self._pi_full_at = {}, time.monotonic()
            for incident_id, title, discovered_text in changed:
                if discovered_text is None:
                    self._pi.pop(incident_id, None)
                else:
                    self._pi[incident_id] = (title, discovered_text)
            self._pi_mark = mark
        for incident_id, (title, discovered_text) in list(self._pi.items()):
            try:
                discovered = parse_instant(discovered_text)
            except ValueError:
                continue  # an invalid time: the list marks the incident invalid
            if any(now - REMINDER_LOOKBACK <= discovered + timedelta(hours=h) <= now for h in INTERNAL_AFTER_HOURS):
                try:
                    obligations = self.assess(incident_id, now).obligations
                except IncidentNotFound:  # a drill deleted since: no row changed to say so
                    self._pi.pop(incident_id, None)
                    continue
                yield incident_id, title or untitled, discovered, obligations

    def remember_fired(self, order: list[str]) -> None:
        """Keep the newest ``KEEP_FIRED`` keys of reminders already shown."""
        self.store.set_meta(FIRED_KEY, json.dumps(order[-KEEP_FIRED:], ensure_ascii=False))
