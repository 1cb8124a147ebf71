"""The one door into core for every client (the desktop through its hub, the command
line, tests): open a database, read and assess incidents, save edits, record submissions
and notices with the document they sent, export reports and keep their snapshots, back
up, restore and check the file, and find the reminders that are due. Each use case is the
same whoever calls it, so the desk and a script cannot behave differently, and each write
says what it changed (``Changes``; Anki's ``OpChanges`` is the model), so a client redraws
from the answer instead of deciding itself what a write touched.

The store (``core.store``) is core's private business: a client never imports it, never
holds a ``Store`` and never calls one of its methods (tests/test_boundaries.py checks the
GUI and the command line). Errors the clients catch are re-exported here.

The service is made of areas (``core.usecases``): reading, editing, submissions and
notices, documents (here), maintenance (backup, restore, checks), settings (profile,
remembered choices, the clock record) and reminders. It reads the clock only through the
``now`` it is given and formats nothing for a screen.

Opening, in one place (``open_service``)::

    database_path(cli_value) -> Path          # --db > INCIDENT_ASSISTANT_DB > the user data folder
    open_service(where, clock, *, readonly=False, check_in_background=False, pack=None,
                 claim_writer=False, passphrase=None, recovery_key=None, remember=False)
        -> IncidentService    # raises StoreError (PassphraseNeeded, WrongPassphrase, …), DatabaseInUse

Encryption at rest (issue 28; ``core.usecases.encryption`` for the whole flow): an
encrypted file is opened with the passphrase or recovery key given to ``open_service``,
else with the secrets offered once (``offer_secrets``, the command line's files), else with
the key the OS keyring holds; otherwise ``PassphraseNeeded`` (the desktop then asks and
calls ``unlock_database`` or ``open_service`` again). ``encrypt_database``,
``decrypt_database`` and ``change_passphrase`` work on a closed database.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from core import field_paths as fp
from core.canonical import canonical_json
from core.store import (
    BackupInvalid,
    IncidentExists,
    IncidentNotFound,
    IncidentSummary,
    InvalidEdit,
    NotADatabase,
    StoreError,
    StoreReadOnly,
    VerifyResult,
    open_store,
    resolve_db_path,
)
from core.store.docpath import set_path
from core.store.errors import said
from core.store.fullcheck import FullCheck, FullCheckResult, Progress
from core.store.writer import WriterLock
from core.usecases.changes import LISTING, NOTHING, Attached, Changes, Created, Recorded, Restored, of_incident
from core.usecases.encryption import (
    Encrypted,
    KeyFileProblem,
    Offer,
    PassphraseNeeded,
    WrongPassphrase,
    change_passphrase,
    decrypt_database,
    encrypt_database,
    encryption_state,
    forget_key_in_keyring,
    lock_database,
    offer_secrets,
    recovery_groups_match,
    recovery_key_groups,
    unlock_database,
)
from core.usecases.maintenance import (
    Anchor,
    AnchorCheck,
    AnchorFormatError,
    Maintenance,
    check_anchor,
    parse_anchor,
    restore_database,
    start_full_check,
    verify_database,
)
from core.usecases.reminders import Reminders
from core.usecases.settings import Settings
from core.vocab import ReportKind

if TYPE_CHECKING:
    from core.clock import Clock
    from core.incident import Doc
    from core.report import ReportInfo
    from core.rules import RulePack
    from core.store import Store

__all__ = [
    "Anchor",
    "AnchorCheck",
    "AnchorFormatError",
    "Attached",
    "BackupInvalid",
    "Changes",
    "Created",
    "DatabaseInUse",
    "Draft",
    "Encrypted",
    "FullCheck",
    "FullCheckResult",
    "IncidentExists",
    "IncidentNotFound",
    "IncidentService",
    "IncidentSummary",
    "InvalidEdit",
    "KeyFileProblem",
    "NotADatabase",
    "Offer",
    "PassphraseNeeded",
    "Progress",
    "Recorded",
    "Restored",
    "StoreError",
    "StoreReadOnly",
    "VerifyResult",
    "WrongPassphrase",
    "change_passphrase",
    "check_anchor",
    "database_path",
    "decrypt_database",
    "encrypt_database",
    "encryption_state",
    "forget_key_in_keyring",
    "lock_database",
    "offer_secrets",
    "open_service",
    "parse_anchor",
    "recovery_groups_match",
    "recovery_key_groups",
    "restore_database",
    "said",
    "set_path",
    "start_full_check",
    "unlock_database",
    "verify_database",
]

WAIVER_PATH = "personal_info.individual_notice_waived"  # D16: the written reason for not notifying individuals
SUBMITTED_PREFIX = "submitted:"  # snapshot kind of a document as it was submitted


class Draft(NamedTuple):
    """An incident to offer for resuming: its id and title (None when untitled)."""

    id: str
    title: str | None


class DatabaseInUse(Exception):
    """Another window (process) already writes this database (issue 16): opening it again
    would let two places overwrite each other's edits."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def database_path(where: str | os.PathLike[str] | None) -> Path:
    """The database a client means: ``--db`` given, else ``INCIDENT_ASSISTANT_DB``, else
    the user data folder's."""
    return resolve_db_path(None if where is None else str(where))


def open_service(
    where: str | os.PathLike[str] | None,
    clock: Clock | None = None,
    *,
    readonly: bool = False,
    check_in_background: bool = False,
    pack: RulePack | None = None,
    claim_writer: bool = False,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    remember: bool = False,
) -> IncidentService:
    """The one place a client opens a database. ``where`` as ``database_path`` reads it.

    An encrypted file (issue 28) is unlocked with ``passphrase`` or ``recovery_key`` when
    given (``remember``: its key is then kept in the OS keyring), else as
    ``unlock_database`` without a secret (what was offered, the keyring);
    ``PassphraseNeeded`` or ``WrongPassphrase`` when that does not open it.

    ``readonly``: reads only, never writes (works on a read-only folder or a locked file).
    ``check_in_background``: the desktop's start-up; the file's quick check runs while the
    first window paints and nothing is written before it passed (``finish_opening``).
    ``claim_writer``: the desktop's one writing window per database; ``DatabaseInUse``
    when another holds it. Raises a ``StoreError`` naming the file and the problem."""
    path = database_path(where)
    if passphrase is not None or recovery_key is not None:
        unlock_database(path, passphrase=passphrase, recovery_key=recovery_key, remember=remember)
    writer = None
    if claim_writer:
        writer = WriterLock(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            claimed = writer.acquire()
        except OSError:
            claimed = True  # a folder we cannot write to: opening the store says so below
        if not claimed:
            raise DatabaseInUse(path)
    try:
        store = open_store(path, clock, pack=pack, readonly=readonly, check_in_background=check_in_background)
    except BaseException:
        if writer is not None:
            writer.release()
        raise
    service = IncidentService(store, pack)
    service._writer = writer
    return service


class IncidentService(Maintenance, Settings, Reminders):
    """The use cases on one open database (see the module docstring)."""

    def __init__(self, store: Store, pack: RulePack | None = None) -> None:
        self.store = store  # core's own: clients never reach it (tests/test_boundaries.py)
        self._pack = pack
        self._writer: WriterLock | None = None
        self._init_reminders()

    # --- reading ---
    def get_incident(self, incident_id: str) -> Doc:
        """The incident as stored (product.md §4.1, with its id)."""
        return self.store.get_incident(incident_id)

    def export_document(self, incident_id: str) -> Doc:
        """The incident as an incident file (importable again)."""
        return self.store.export_document(incident_id)

    def has_incident(self, incident_id: str) -> bool:
        return self.store.has_incident(incident_id)

    def list_incidents(self, now: datetime, **options: Any) -> list[IncidentSummary]:
        """The list's rows (stored, derived columns), nearest deadline first; ``options`` as
        ``core.store.Store.list_incidents`` (limit, offset, include_drills, due_from, voided)."""
        return self.store.list_incidents(now, **options)

    def count_incidents(self, *, include_drills: bool = True) -> int:
        return self.store.count_incidents(include_drills=include_drills)

    def latest_incident_id(self) -> str | None:
        """The incident edited last, if any."""
        return self.store.latest_incident_id()

    def snapshots(self, incident_id: str) -> list[dict[str, Any]]:
        """The documents as they were exported or submitted, oldest first."""
        return self.store.snapshots(incident_id)

    def attachments(self, incident_id: str) -> list[dict[str, Any]]:
        return self.store.attachments(incident_id)

    def attachment_content(self, attachment_id: int) -> bytes:
        return self.store.attachment_content(attachment_id)

    def last_submitted(self, incident_id: str) -> Doc | None:
        """The document as it was when last submitted (the base for 补报/续报's changes)."""
        for snap in reversed(self.store.snapshots(incident_id)):
            if str(snap["kind"]).startswith(SUBMITTED_PREFIX) and snap["kind"] != SUBMITTED_PREFIX + ReportKind.NOTICE:  # a notice is not a report
                loaded: Doc = json.loads(snap["canonical_json"])
                return loaded
        return None

    def unfinished_draft(self, now: datetime, pack: RulePack | None = None) -> Draft | None:
        """The most recently edited incident that still lacks items for a first report and
        has no submission: the draft to offer for resuming (derived, no extra state)."""
        from core.assessment import assess

        latest = self.store.latest_incident_id()
        if latest is None:
            return None
        doc = self.store.get_incident(latest)
        result = assess(doc, pack or self.pack, now)
        if result.missing["initial"] and not doc.get(fp.SUBMISSIONS):
            return Draft(latest, doc.get(fp.TITLE) or None)
        return None

    # --- editing ---
    def create_incident(self, doc: Doc | None = None) -> Created:
        """A new draft (the organisation's profile as its reporter)."""
        incident_id = self.store.create_incident(doc)
        return Created(incident_id, LISTING)

    def import_document(self, doc: Doc, *, new_id: bool = False) -> Created:
        """An incident file, validated; a free id is kept, nothing is overwritten."""
        return Created(self.store.import_document(doc, new_id=new_id), LISTING)

    def save_fields(self, incident_id: str, changes: Mapping[str, Any]) -> Changes:
        """Autosave several field edits in one transaction and one audit row."""
        changed = self.store.set_fields(incident_id, changes)
        return of_incident(incident_id, listing=True) if changed else NOTHING

    def add_timeline(self, incident_id: str, at: str, text: str) -> Changes:
        """Append a timeline entry (the list's row does not show it)."""
        self.store.add_timeline(incident_id, {"at": at, "text": text})
        return of_incident(incident_id, listing=False)

    def add_attachment(self, incident_id: str, file_path: str | os.PathLike[str]) -> Attached:
        """Copy a file into the database; its name, size and SHA-256."""
        info = self.store.add_attachment(incident_id, Path(file_path))
        return Attached(info, of_incident(incident_id, listing=False))

    def void(self, incident_id: str, reason: str) -> Changes:
        """A real incident entered by mistake: voided with a reason, never deleted."""
        self.store.void_incident(incident_id, reason)
        return of_incident(incident_id, listing=True)

    def delete_drill(self, incident_id: str) -> Changes:
        """A drill may be deleted outright; the deletion is recorded in the audit log."""
        self.store.delete_drill(incident_id)
        return LISTING

    # --- submissions and notices ---
    def record_submission(self, incident_id: str, submission: Mapping[str, Any]) -> Recorded:
        """Record a submission and, in the same transaction, the exact document submitted;
        returns its id and the record anchor of the chain that now includes it."""
        row = self.store.add_submission(incident_id, submission, snapshot_kind=SUBMITTED_PREFIX + str(submission.get("kind")))
        return Recorded(row, self.record_anchor(), of_incident(incident_id, listing=True))

    def record_notice(self, incident_id: str, submission: Mapping[str, Any], text: str) -> Recorded:
        """Record a personal-information notice given (D16: kind ``notice``, its channel, time
        and how many individuals) with the exact text sent, in one transaction: the text is
        kept as an attachment and its SHA-256 beside the document as it stood. Returns its id
        and the record anchor, as ``record_submission`` does."""
        entry = {**submission, "kind": str(ReportKind.NOTICE)}
        body = text.encode("utf-8")
        stamp = str(entry.get("submitted_at", "")).replace(":", "")[:15]
        name = f"通知文本-{entry.get('channel') or 'other'}-{stamp}.txt"
        row = self.store.add_submission(incident_id, entry, snapshot_kind=SUBMITTED_PREFIX + str(ReportKind.NOTICE), sent=(name, body))
        return Recorded(row, self.record_anchor(), of_incident(incident_id, listing=True))

    def waive_individual_notice(self, incident_id: str, reason: str) -> Changes:
        """D16 (第五十七条第二款): the individuals are not notified because the measures taken
        effectively avoid harm; the written reason is required (a blank one is refused)."""
        if not isinstance(reason, str) or not reason.strip():
            raise InvalidEdit(self.store.path, said("refuse_blank_waiver"))
        self.store.set_fields(incident_id, {WAIVER_PATH: {"reason": reason}})
        return of_incident(incident_id, listing=True)

    def withdraw_waiver(self, incident_id: str) -> Changes:
        """Back to "notify": the PI-protection department may still demand the notice (D16)."""
        self.store.set_fields(incident_id, {WAIVER_PATH: None})
        return of_incident(incident_id, listing=True)

    # --- documents ---
    def record_export(self, incident_id: str, kind: str, doc: Doc, pdf_sha256: str | None) -> Changes:
        """Keep the exact document a report was made from, with the report's SHA-256."""
        self.store.record_snapshot(incident_id, kind, canonical_json(doc), pdf_sha256)
        return of_incident(incident_id, listing=False)

    def export_report(self, incident_id: str, kind: str, now: datetime, target: str | os.PathLike[str], *, app_version: str) -> ReportInfo:
        """Render the report of ``kind`` for a stored incident to ``target`` and keep its
        snapshot; returns the report's ``ReportInfo``. Raises ``ReportError`` or
        ``InvalidIncident`` with the reason."""
        from core.report import Stamp, render_report  # lazy: reportlab loads only here

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
            stamp=Stamp(anchor=self.record_anchor()),
        )
        self.record_export(incident_id, kind, doc, info.pdf_sha256)
        return info
