"""The local store: one SQLite file (sqlite-utils) holding the organisation profile,
incidents, field-level draft autosave, submissions, timeline entries, attachments,
report snapshots and an append-only, hash-chained audit log (product.md §3). It is the
only way the rest of the app reads or writes incidents; nothing else writes SQL.

Opening::

    resolve_db_path(cli_value: str | None) -> Path   # --db > INCIDENT_ASSISTANT_DB > user data dir
    open_store(path, clock: Clock | None = None, *, pack=None, busy_timeout=5.0,
               check_in_background=False, readonly=False) -> Store   # then Store.finish_opening()
    verify_file(path, *, pack=None) -> VerifyResult   # no writes; for files open_store refuses
    restore(db_path, from_path, clock=None) -> Path | None   # rebuilt from the backup's rows; the kept copy
    core.files.write_private_file(path, data, *, force) -> Path   # exports: atomic, 0600, no symlinks

``Store`` (use from one thread at a time)::

    create_incident(doc: dict | None = None, *, use_profile=True) -> str   # new draft, uuid id
    import_document(doc, *, new_id=False) -> str      # validated; keeps a free id, never overwrites
    get_incident(id) -> dict / export_document(id) -> dict   # product.md §4.1, with id
    set_field(id, path, value) -> bool                # autosave "impact.people_affected", "systems[0].name"
    set_fields(id, {path: value}) -> bool             # several in one write (coalesced typing)
    list_incidents(now, *, limit=None, offset=0, include_drills=True, due_from=None, voided=False) -> list[IncidentSummary]
    count_incidents(*, include_drills=True) -> int;  has_incident(id) -> bool;  latest_incident_id() -> str | None
    profile() -> dict;  save_profile(dict)            # the keys of an incident's "reporter"
    add_submission(id, dict, *, snapshot_kind=None) -> int   # with its snapshot in one transaction
    add_timeline(id, dict) -> int
    add_attachment(id, file_path) -> dict;  attachments(id) -> list[dict];  attachment_content(att_id) -> bytes
    record_snapshot(id, kind, canonical_json: bytes, pdf_sha256: str | None) -> int;  snapshots(id) -> list[dict]
    history(id | None) -> list[dict]                  # audit rows, oldest first
    verify() -> VerifyResult;  backup(out) -> Path   # restore: the function above (it replaces the open file)
    untold_copies() -> list[Path];  note_told(copies)   # kept copies the user was not told about yet
    meta(key) -> str | None;  last_wall_clock();  previous_wall_clock;  clock_rollback(tolerance)
    close()

Every write is one ``db.atomic()`` transaction with its audit row, timed by the
injected ``Clock``, committed with ``synchronous=FULL`` in WAL mode. Failures raise a
``StoreError`` subclass (``NotADatabase``, ``StoreCorrupt``, ``ChainBroken``,
``StoreTooNew``, ``ForeignSchema``, ``StoreTimeout``, ``StoreReadOnly``, ``StoreFull``,
``StoreLocked``, ``StoreIOError``,
``IncidentNotFound``, ``IncidentExists``, ``InvalidEdit``, ``BackupInvalid``,
``TargetExists``) whose text is one Chinese line naming the file, the problem and
the way out; a failed write changes nothing and can be retried. Invalid imports raise
``core.messages.InvalidIncident``. Decisions on sharing a file between two instances
and on what ``open_store`` checks are in ``core.store.opening``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core.store.audit import Problem
from core.store.errors import (
    BackupInvalid,
    ChainBroken,
    ForeignSchema,
    IncidentExists,
    IncidentNotFound,
    InvalidEdit,
    NotADatabase,
    StoreCorrupt,
    StoreError,
    StoreFull,
    StoreIOError,
    StoreLocked,
    StoreReadOnly,
    StoreTimeout,
    StoreTooNew,
    TargetExists,
)
from core.store.opening import open_store
from core.store.paths import ENV_VAR, default_db_path, resolve_db_path
from core.store.store import IncidentSummary, Store
from core.store.verifying import VerifyResult, backup, verify_file

if TYPE_CHECKING:
    from core.clock import Clock


def restore(db_path: str | Path, from_path: str | Path, clock: Clock | None = None) -> Path | None:
    """``core.store.restoring.restore``, loaded when asked for: it brings sqlite-utils
    (the migrations), which opening a current file does not need."""
    from core.store.restoring import restore as restore_file  # lazy: start-up speed

    return restore_file(db_path, from_path, clock)


__all__ = [
    "ENV_VAR",
    "BackupInvalid",
    "ChainBroken",
    "ForeignSchema",
    "IncidentExists",
    "IncidentNotFound",
    "IncidentSummary",
    "InvalidEdit",
    "NotADatabase",
    "Problem",
    "Store",
    "StoreCorrupt",
    "StoreError",
    "StoreFull",
    "StoreIOError",
    "StoreLocked",
    "StoreReadOnly",
    "StoreTimeout",
    "StoreTooNew",
    "TargetExists",
    "VerifyResult",
    "backup",
    "default_db_path",
    "open_store",
    "resolve_db_path",
    "restore",
    "verify_file",
]
