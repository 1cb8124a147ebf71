"""The use cases, one call each, for every client (the GUI through its hub, the CLI, tests):
assess an incident, save edits, record a submission with the document it sent, export a
report and keep its snapshot, import, and find the reminders that are due. Each one is
the same whoever calls it, so the desk and a script cannot behave differently.

Holds the store and the rule pack; reads the clock only through the ``now`` it is given.
Does not format anything for a screen.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from core.canonical import canonical_json
from core.store import IncidentNotFound, IncidentSummary, InvalidEdit, Store
from core.vocab import ReportKind

if TYPE_CHECKING:  # the assessment loads with the first use case, not at start-up
    from core.assessment import Assessment
    from core.incident import Doc
    from core.reminders import Reminder
    from core.rules import RulePack

WAIVER_PATH = "personal_info.individual_notice_waived"  # D16: the written reason for not notifying individuals
SUBMITTED_PREFIX = "submitted:"  # snapshot kind of a document as it was submitted
FIRED_KEY = "reminders_fired"  # meta key: reminders already shown (each fires once, across restarts)
KEEP_FIRED = 5000  # remembered reminder keys (oldest dropped)
REMINDER_LOOKBACK = timedelta(days=1)  # deadlines that passed while the app was closed are announced up to a day later
REMINDER_CANDIDATES = 200  # incidents assessed per check, nearest deadlines first (keeps a check cheap)
PI_SINCE_MARGIN = timedelta(minutes=10)  # changes read again before the last one seen (clock skew)
PI_FULL_RESCAN_S = 3600  # every incident is read again at most once an hour (about 60 ms for 10,000)
PAGE = 200  # incidents read per query while looking for deadlines before the horizon


class Recorded(NamedTuple):
    """A recorded submission: its row id and the record anchor (「记录校验码」) to note with it."""

    id: int
    anchor: str


class IncidentService:
    def __init__(self, store: Store, pack: RulePack | None = None) -> None:
        self.store = store
        self._pack = pack
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

    @property
    def pack(self) -> RulePack:
        """The pack given, else the store's (loaded at first use, not to list incidents)."""
        return self._pack or self.store.pack

    # --- reading ---
    def assess(self, incident_id: str, now: datetime) -> Assessment:
        from core.assessment import assess

        return assess(self.store.get_incident(incident_id), self.pack, now)

    def last_submitted(self, incident_id: str) -> Doc | None:
        """The document as it was when last submitted (the base for 补报/续报's changes)."""
        for snap in reversed(self.store.snapshots(incident_id)):
            if str(snap["kind"]).startswith(SUBMITTED_PREFIX) and snap["kind"] != SUBMITTED_PREFIX + ReportKind.NOTICE:  # a notice is not a report
                loaded: Doc = json.loads(snap["canonical_json"])
                return loaded
        return None

    # --- writing ---
    def save_fields(self, incident_id: str, changes: Mapping[str, Any]) -> bool:
        """Autosave several field edits in one transaction and one audit row."""
        return self.store.set_fields(incident_id, changes)

    def record_submission(self, incident_id: str, submission: Mapping[str, Any]) -> Recorded:
        """Record a submission and, in the same transaction, the exact document submitted;
        returns its id and the record anchor of the chain that now includes it."""
        from core.store.anchor import store_anchor

        row = self.store.add_submission(incident_id, submission, snapshot_kind=SUBMITTED_PREFIX + str(submission.get("kind")))
        return Recorded(row, store_anchor(self.store))

    def record_notice(self, incident_id: str, submission: Mapping[str, Any], text: str) -> Recorded:
        """Record a personal-information notice given (D16: kind ``notice``, its channel, time
        and how many individuals) with the exact text sent, in one transaction: the text is
        kept as an attachment and its SHA-256 beside the document as it stood. Returns its id
        and the record anchor, as ``record_submission`` does."""
        from core.store.anchor import store_anchor

        entry = {**submission, "kind": str(ReportKind.NOTICE)}
        body = text.encode("utf-8")
        stamp = str(entry.get("submitted_at", "")).replace(":", "")[:15]
        name = f"通知文本-{entry.get('channel') or 'other'}-{stamp}.txt"
        row = self.store.add_submission(incident_id, entry, snapshot_kind=SUBMITTED_PREFIX + str(ReportKind.NOTICE), sent=(name, body))
        return Recorded(row, store_anchor(self.store))

    def waive_individual_notice(self, incident_id: str, reason: str) -> bool:
        """D16 (第五十七条第二款): the individuals are not notified because the measures taken
        effectively avoid harm; the written reason is required (a blank one is refused)."""
        if not isinstance(reason, str) or not reason.strip():
            raise InvalidEdit(self.store.path, "须写明不通知个人的理由：采取的措施为何能够有效避免危害（个人信息保护法第五十七条第二款）")
        return self.store.set_fields(incident_id, {WAIVER_PATH: {"reason": reason}})

    def withdraw_waiver(self, incident_id: str) -> bool:
        """Back to "notify": the PI-protection department may still demand the notice (D16)."""
        return self.store.set_fields(incident_id, {WAIVER_PATH: None})

    def record_export(self, incident_id: str, kind: str, doc: Doc, pdf_sha256: str | None) -> None:
        """Keep the exact document a report was made from, with the report's SHA-256."""
        self.store.record_snapshot(incident_id, kind, canonical_json(doc), pdf_sha256)

    def export_report(self, incident_id: str, kind: str, now: datetime, target: str | os.PathLike[str], *, app_version: str) -> Any:
        """Render the report of ``kind`` for a stored incident to ``target`` and keep its
        snapshot; returns the report's ``ReportInfo``. Raises ``ReportError`` or
        ``InvalidIncident`` with the reason."""
        from core.report import Stamp, render_report  # lazy: reportlab loads only here
        from core.store.anchor import store_anchor

        doc = self.store.get_incident(incident_id)
        info = render_report(
            doc,
            self.pack,
            kind,
            now,
            target,
            previous=self.last_submitted(incident_id),
            attachments=self.store.attachments(incident_id),
            app_version=app_version,
            stamp=Stamp(anchor=store_anchor(self.store)),
        )
        self.record_export(incident_id, kind, doc, info.pdf_sha256)
        return info

    def record_anchor(self) -> str:
        """The record anchor (记录校验码) of the store now: what a report exported from it
        prints in its footer and the reporter keeps (product.md §9.4)."""
        from core.store.anchor import store_anchor

        return store_anchor(self.store)

    def void(self, incident_id: str, reason: str) -> None:
        """A real incident entered by mistake: voided with a reason, never deleted."""
        self.store.void_incident(incident_id, reason)

    def delete_drill(self, incident_id: str) -> None:
        """A drill may be deleted outright; the deletion is recorded in the audit log."""
        self.store.delete_drill(incident_id)

    def import_document(self, doc: Doc, *, new_id: bool = False) -> str:
        return self.store.import_document(doc, new_id=new_id)

    # --- reminders ---
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
