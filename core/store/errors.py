"""The store's errors: one ``StoreError`` subclass per situation a user can meet (not a
database, corrupt, broken chain, newer schema, read-only, disk full, locked), each
with a message that names the file, the problem and the way out, in Chinese (``str()``)
or English (``message("en")``); the wordings are keyed in core's text catalogue
(``core.text.store``). Also turns ``sqlite3`` and ``OSError`` failures into those classes;
a disk I/O error on a disk with no room left is the full disk it is (issue 25). Does not
touch the database.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.store import connection

# The store's texts are core.text's; named here too for the store's own modules.
from core.text import Each as Each
from core.text import Said as Said
from core.text import Text as Text
from core.text import render
from core.text import said as said

text = render  # a text of the store in the caller's language (``core.text.render``)

RESTORE_HINT = said("store_restore_hint")


class StoreError(Exception):
    """An expected failure of the store. ``str()`` is one Chinese line for the user;
    ``message(lang)`` the line in the caller's language (``zh`` or ``en``)."""

    problem: Text = said("store_unusable")
    remedy: Text = RESTORE_HINT

    def __init__(self, path: Path | str | None, detail: Text | None = None, remedy: Text | None = None, *, problem: Text | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.detail = detail
        if remedy is not None:
            self.remedy = remedy
        if problem is not None:
            self.problem = problem
        super().__init__(self.message())

    def message(self, lang: str = "zh") -> str:
        where = said("store_where", path=self.path) if self.path is not None else ""
        detail = said("store_detail", detail=self.detail) if self.detail and text(self.detail, lang) else ""
        remedy = said("store_remedy", remedy=self.remedy) if self.remedy and text(self.remedy, lang) else ""
        line = "".join(text(part, lang) for part in (where, self.problem, detail, remedy))
        stop = text(said("store_stop"), lang)
        return line if line.endswith(stop) else line + stop

    def at(self, path: Path | str | None) -> StoreError:
        """The same failure said of ``path`` (the user's file, never a temporary one)."""
        return type(self)(path, self.detail, self.remedy, problem=self.problem)


class NotADatabase(StoreError):
    problem = said("store_not_a_database")


class StoreCorrupt(StoreError):
    problem = said("store_corrupt")


class ChainBroken(StoreError):
    problem = said("store_chain_broken")


class StoreTooNew(StoreError):
    problem = said("store_too_new")
    remedy = said("store_too_new_remedy")


class StoreReadOnly(StoreError):
    problem = said("store_read_only")
    remedy = said("store_read_only_remedy")


class StoreFull(StoreError):
    problem = said("store_full")
    remedy = said("store_full_remedy")


class StoreLocked(StoreError):
    problem = said("store_locked")
    remedy = said("store_locked_remedy")


class StoreIOError(StoreError):
    problem = said("store_io")
    remedy = said("store_io_remedy")


class ForeignSchema(StoreError):
    """The file's tables, indexes, views or triggers are not exactly the app's own (issue 16)."""

    problem = said("store_foreign_schema")


class StoreTimeout(StoreError):
    problem = said("store_timeout")


class BackupInvalid(StoreError):
    problem = said("store_backup_invalid")
    remedy = said("store_backup_invalid_remedy")


class TargetExists(StoreError):
    problem = said("store_target_exists")
    remedy = said("store_target_exists_remedy")


class IncidentNotFound(StoreError, LookupError):
    problem = said("store_incident_not_found")
    remedy = said("store_incident_not_found_remedy")


class IncidentExists(StoreError):
    problem = said("store_incident_exists")
    remedy = said("store_incident_exists_remedy")


class PassphraseNeeded(StoreError):
    """An encrypted database (issue 28) opened without its passphrase or recovery key."""

    problem = said("store_passphrase_needed")
    remedy = said("store_passphrase_needed_remedy")


class WrongPassphrase(StoreError):
    """The passphrase (or the recovery key, ``problem`` says which) does not open the file."""

    problem = said("store_passphrase_wrong")
    remedy = said("store_passphrase_wrong_remedy")


class KeyFileProblem(StoreError):
    """The key file beside an encrypted database is missing, damaged or another file's."""

    problem = said("store_key_file_missing")
    remedy = said("store_key_file_remedy")


class InvalidEdit(StoreError, ValueError):
    """A field path or value the store refuses (unknown key, not JSON, wrong place)."""

    problem = said("store_invalid_edit")
    remedy = ""


_CODE_CLASSES: dict[int, type[StoreError]] = {
    sqlite3.SQLITE_BUSY: StoreLocked,
    sqlite3.SQLITE_LOCKED: StoreLocked,
    sqlite3.SQLITE_FULL: StoreFull,
    sqlite3.SQLITE_READONLY: StoreReadOnly,
    sqlite3.SQLITE_CANTOPEN: StoreReadOnly,
    sqlite3.SQLITE_NOTADB: NotADatabase,
    sqlite3.SQLITE_CORRUPT: StoreCorrupt,
    sqlite3.SQLITE_IOERR: StoreIOError,
    sqlite3.SQLITE_PERM: StoreReadOnly,
    sqlite3.SQLITE_INTERRUPT: StoreTimeout,
}

# What a failure means when nothing was being written (list, export, verify, backup, check ID):
# never 「本次修改未能保存」 when no edit was made (issue 16).
_READING: dict[type[StoreError], tuple[Said, Said]] = {
    StoreLocked: (said("store_reading_locked"), said("store_reading_locked_remedy")),
    StoreFull: (said("store_reading_full"), said("store_reading_full_remedy")),
    StoreReadOnly: (said("store_reading_denied"), said("store_reading_denied_remedy")),
    StoreIOError: (said("store_reading_io"), said("store_reading_io_remedy")),
}


def reading(error: StoreError) -> StoreError:
    """``error`` worded for an operation that only reads."""
    wording = _READING.get(type(error))
    if wording is None:
        return error
    return type(error)(error.path, error.detail, wording[1], problem=wording[0])


def from_sqlite(exc: Exception, path: Path | str | None) -> StoreError:
    """The ``StoreError`` for a sqlite3 failure (by primary result code, then by text).
    SQLite often says a write that found no room as a disk I/O error; on a disk with
    almost no room left it is said as the full disk it is."""
    code = getattr(exc, "sqlite_errorcode", None)
    found: StoreError | None = None
    if isinstance(code, int) and (code & 0xFF) in _CODE_CLASSES:
        found = _CODE_CLASSES[code & 0xFF](path, str(exc))
    else:
        lowered = str(exc).lower()
        for needle, cls in (
            ("locked", StoreLocked),
            ("full", StoreFull),
            ("readonly", StoreReadOnly),
            ("unable to open", StoreReadOnly),
            ("not a database", NotADatabase),
            ("malformed", StoreCorrupt),
            ("disk i/o", StoreIOError),
        ):
            if needle in lowered:
                found = cls(path, str(exc))
                break
    if found is None or type(found) is StoreIOError:
        if path is not None and disk_full(Path(path)):
            return StoreFull(path)
        return found or StoreIOError(path, str(exc))
    return found


# Less free space than this beside a file whose write failed: the disk is full (SQLite
# needs a few pages for its journal; the full disk left ~0 bytes in every case tried).
FULL_BELOW_BYTES = 256 * 1024


def disk_full(path: Path) -> bool:
    """True when the folder of ``path`` has (almost) no room left."""
    import shutil

    folder = path.parent if str(path.parent) else Path(".")
    try:
        return shutil.disk_usage(folder).free < FULL_BELOW_BYTES
    except OSError:
        return False


def from_os(exc: OSError, path: Path | str | None) -> StoreError:
    detail = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreFull(path, detail)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreReadOnly(path, detail)
    return StoreIOError(path, detail)


@contextmanager
def translated(path: Path | str | None) -> Iterator[None]:
    """Re-raise sqlite3 and OS failures inside the block as ``StoreError``s."""
    try:
        yield
    except StoreError:
        raise
    except connection.Error as exc:  # sqlite3's, and SQLCipher's once it is loaded
        raise from_sqlite(exc, path) from exc
    except OSError as exc:
        raise from_os(exc, path) from exc


@contextmanager
def translated_reading(path: Path | str | None) -> Iterator[None]:
    """As ``translated``, worded for an operation that writes nothing."""
    try:
        with translated(path):
            yield
    except StoreError as exc:
        raise reading(exc) from exc
