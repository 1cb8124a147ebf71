"""The GUI's one door to core (conventions §4, §18): a small ``QObject`` over the core
service (``core.service``) that batches field edits into its autosave and turns what each
use case says it changed (``Changes``) into the Qt signals. Windows read and write through
it only, and it alone emits the change signals; it decides nothing about what a write
touched.

Edits are queued per incident and path and written by one short timer, so a keystroke
reaches the disk within ``AUTOSAVE_MS`` (well under the one second product.md §3 allows)
while a fast typist does not write one audit row per key. A store error keeps the queued
edits for a retry and is reported through ``storeError``; nothing typed is dropped.
"""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from core.service import Changes, IncidentService, IncidentSummary, Recorded, StoreError, set_path
from gui.i18n import said

if TYPE_CHECKING:  # a type only: the incident module loads with the first write, not at start-up
    from core.incident import Doc

AUTOSAVE_MS = 300
RETRY_MS = 2000


class StoreHub(QObject):
    incidentChanged = Signal(str)  # an incident's document changed (id)
    incidentsChanged = Signal()  # the list of incidents changed
    profileChanged = Signal()  # the organisation's profile changed
    storeError = Signal(str)  # a write failed; the edit is kept for a retry
    saved = Signal()  # queued edits reached the disk

    def __init__(self, service: IncidentService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._pending: dict[tuple[str, str], Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)

    def _announce(self, changes: Changes) -> None:
        """What a use case said it changed, as signals."""
        for incident_id in sorted(changes.incidents):
            self.incidentChanged.emit(incident_id)
        if changes.listing:
            self.incidentsChanged.emit()
        if changes.profile:
            self.profileChanged.emit()

    def reopened(self, service: IncidentService) -> None:
        """The database was closed, its file converted (encryption on or off) and opened
        again: reads go to the new service and every view reads anew."""
        self.service = service
        self.incidentsChanged.emit()
        self.profileChanged.emit()

    # --- reading ---
    def document(self, incident_id: str) -> Doc:
        """The incident as stored, with edits not yet flushed applied on top."""
        doc = self.service.get_incident(incident_id)
        for (iid, path), value in self._pending.items():
            if iid == incident_id:
                set_path(doc, path, copy.deepcopy(value))
        return doc

    def has_pending(self) -> bool:
        return bool(self._pending)

    def data_path(self) -> str:
        """The database file (shown in the quick guide and the about box)."""
        return str(self.service.data_path())

    def now(self) -> datetime:
        return self.service.now()

    def profile(self) -> dict[str, Any]:
        return self.service.profile()

    def list_incidents(self, now: datetime, **options: Any) -> list[IncidentSummary]:
        return self.service.list_incidents(now, **options)

    def snapshots(self, incident_id: str) -> list[dict[str, Any]]:
        return self.service.snapshots(incident_id)

    def attachments(self, incident_id: str) -> list[dict[str, Any]]:
        return self.service.attachments(incident_id)

    def attachment_content(self, attachment_id: int) -> bytes:
        return self.service.attachment_content(attachment_id)

    def meta(self, key: str) -> str | None:
        return self.service.setting(key)

    def set_meta(self, key: str, value: str) -> None:
        self.service.remember(key, value)

    # --- writing ---
    def stop_writing(self) -> None:
        """The file was found damaged (the full check at open): every later write raises
        ``StoreReadOnly``, so the damaged file stays as it is for examination."""
        self.service.stop_writing()

    @property
    def writable(self) -> bool:
        return self.service.writable

    def set_field(self, incident_id: str, path: str, value: Any) -> None:
        """Queue one field edit; it is written within ``AUTOSAVE_MS``. The windows showing
        the incident hear of it at once (they show the queued value)."""
        self._pending[(incident_id, path)] = copy.deepcopy(value)
        if not self._timer.isActive():
            self._timer.start()
        self.incidentChanged.emit(incident_id)

    def flush(self) -> bool:
        """Write every queued edit now. Returns False (and keeps the rest) on a store error."""
        self._timer.stop()
        written = False
        listing = False
        while self._pending:
            iid = next(iter(self._pending))[0]
            batch = {path: value for (i, path), value in self._pending.items() if i == iid}
            try:
                changes = self.service.save_fields(iid, batch)  # one transaction, one audit row per incident
            except StoreError as exc:
                self.storeError.emit(said(exc))
                self._timer.start(RETRY_MS)  # the edits stay queued for a retry
                return False
            for path in batch:
                self._pending.pop((iid, path), None)
            written = True
            listing = listing or changes.listing
        if written:
            self.saved.emit()
            if listing:
                self.incidentsChanged.emit()  # the documents were announced when queued
        return True

    def create_incident(self, doc: Doc | None = None) -> str:
        created = self.service.create_incident(doc)
        self._announce(created.changes)
        return created.id

    def add_submission(self, incident_id: str, submission: dict[str, Any]) -> Recorded:
        """Record a submission and, in the same transaction, the exact document submitted
        (the base for 续报's changes): a crash leaves both or neither. Returns its id and
        the record anchor (「记录校验码」) to keep with the submitted material."""
        self.flush()
        recorded = self.service.record_submission(incident_id, submission)
        self._announce(recorded.changes)
        return recorded

    def record_notice(self, incident_id: str, submission: dict[str, Any], text: str) -> Recorded:
        """Record a personal-information notice given, with the exact text sent (one
        transaction); returns its id and the record anchor, as ``add_submission`` does."""
        self.flush()
        recorded = self.service.record_notice(incident_id, submission, text)
        self._announce(recorded.changes)
        return recorded

    def waive_individual_notice(self, incident_id: str, reason: str) -> None:
        """Not notifying individuals, with the written reason (raises ``StoreError`` when blank)."""
        self.flush()
        self._announce(self.service.waive_individual_notice(incident_id, reason))

    def withdraw_waiver(self, incident_id: str) -> None:
        """Back to notifying individuals (the authority may require it)."""
        self.flush()
        self._announce(self.service.withdraw_waiver(incident_id))

    def add_timeline(self, incident_id: str, at: str, text: str) -> None:
        """Append a timeline entry (raises ``StoreError`` with a message for the user)."""
        self.flush()
        self._announce(self.service.add_timeline(incident_id, at, text))

    def add_attachment(self, incident_id: str, file_path: str) -> dict[str, Any]:
        """Copy a file into the store; returns its name, size and SHA-256."""
        self.flush()
        attached = self.service.add_attachment(incident_id, file_path)
        self._announce(attached.changes)
        return attached.info

    def save_profile(self, profile: dict[str, Any]) -> None:
        self._announce(self.service.save_profile(profile))

    def record_export(self, incident_id: str, kind: str, doc: Doc, pdf_sha256: str | None) -> None:
        """Keep the exact document a report was made from, with the report's SHA-256."""
        self._announce(self.service.record_export(incident_id, kind, doc, pdf_sha256))

    def backup(self, target: str) -> str:
        """A verified backup copy at ``target`` (raises ``StoreError`` with the reason)."""
        self.flush()
        return str(self.service.backup(target))

    def restore(self, source: str) -> str | None:
        """Replace the data with a backup; returns where the current data was kept."""
        self.flush()
        restored = self.service.restore(source)
        self._announce(restored.changes)
        return str(restored.kept) if restored.kept else None

    def void_incident(self, incident_id: str, reason: str) -> None:
        """Void a real incident (reason required; raises ``StoreError`` with the message)."""
        self.flush()
        self._announce(self.service.void(incident_id, reason))

    def delete_drill(self, incident_id: str) -> None:
        """Delete a drill (raises ``StoreError`` for a real incident)."""
        self.flush()
        self._pending = {k: v for k, v in self._pending.items() if k[0] != incident_id}
        self._announce(self.service.delete_drill(incident_id))

    def import_document(self, doc: Doc, *, new_id: bool = False) -> str:
        created = self.service.import_document(doc, new_id=new_id)
        self._announce(created.changes)
        return created.id

    def last_submitted(self, incident_id: str) -> Doc | None:
        """The document as it was when last submitted, or None."""
        return self.service.last_submitted(incident_id)

    def kept_copies(self) -> list[Path]:
        """Copies of the database kept beside it that the user was not told about yet."""
        return self.service.untold_copies()
