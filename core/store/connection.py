"""The one place a connection to a database file is made (issue 28: encryption at rest).

A plain file is opened with Python's own ``sqlite3``, as it always was: a user who never
turns encryption on loads nothing more (``sqlcipher3`` costs 10–40 ms to import, measured
here, and start-up is budgeted). A file whose data key this process holds (``hold``,
done by ``core.store.crypt.unlock``) is opened with SQLCipher 4 (``sqlcipher3``, the
same DB-API, its own SQLite 3.51) and keyed before anything is read: the 256-bit data key
is given raw (``x'…'``), so SQLCipher derives nothing from it, and SQLCipher's own log is
switched off first, so a key that does not fit prints no line of its own to the user's
terminal (tech-notes: "Encryption at rest").

The held keys are kept in this process only, by the resolved path of the file they open
(the database, a backup being written or checked, a restore's staging copy), each in a
``bytearray`` zeroed when it is let go. They are never written anywhere in the clear.

SQLCipher's exceptions are not ``sqlite3``'s: code that may meet either catches
``connection.Error``, ``connection.DatabaseError`` or ``connection.OperationalError``,
tuples that include SQLCipher's classes once it has been loaded (before that, no
SQLCipher connection exists to raise them). Their ``sqlite_errorcode`` and the
``SQLITE_*`` numbers are the same in both.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

Error: tuple[type[Exception], ...] = (sqlite3.Error,)
DatabaseError: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
OperationalError: tuple[type[Exception], ...] = (sqlite3.OperationalError,)

_held: dict[str, bytearray] = {}
_lock = threading.Lock()


def _name(path: Path | str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(Path(path).absolute())


def cipher() -> ModuleType:
    """SQLCipher's DB-API module, loaded at the first encrypted file (and its errors added
    to ``Error``, ``DatabaseError`` and ``OperationalError``)."""
    global Error, DatabaseError, OperationalError
    from sqlcipher3 import dbapi2

    if dbapi2.Error not in Error:
        Error = (sqlite3.Error, dbapi2.Error)
        DatabaseError = (sqlite3.DatabaseError, dbapi2.DatabaseError)
        OperationalError = (sqlite3.OperationalError, dbapi2.OperationalError)
    return dbapi2


def hold(path: Path | str, key: bytes | bytearray) -> None:
    """Open ``path`` with ``key`` from now on (a copy is kept; the caller drops its own)."""
    if len(key) != 32:
        raise ValueError("a data key is 32 bytes")
    with _lock:
        old = _held.pop(_name(path), None)
        _held[_name(path)] = bytearray(key)
    if old is not None:
        zero(old)


def held(path: Path | str) -> bytearray | None:
    """The data key held for ``path`` (the held copy itself: do not change it)."""
    with _lock:
        return _held.get(_name(path))


def held_keys() -> list[bytearray]:
    """Copies of the distinct data keys held (the caller zeroes them after use)."""
    with _lock:
        found: list[bytearray] = []
        for key in _held.values():
            if key not in found:
                found.append(bytearray(key))
    return found


def forget(path: Path | str) -> None:
    """Let go of the key held for ``path`` (zeroed)."""
    with _lock:
        old = _held.pop(_name(path), None)
    if old is not None:
        zero(old)


def zero(buffer: bytearray) -> None:
    """Overwrite a key's bytes in place."""
    for i in range(len(buffer)):
        buffer[i] = 0


def is_cipher(conn: Any) -> bool:
    """True for a SQLCipher connection."""
    return type(conn).__module__.startswith("sqlcipher3")


def connect(
    path: Path | str,
    *,
    readonly: bool = False,
    immutable: bool = False,
    timeout: float = 5.0,
    key: bytes | bytearray | None = None,
    plain: bool = False,
) -> sqlite3.Connection:
    """A connection to the file ``path``: read-only (``mode=ro``, ``immutable`` on request)
    or read-write. Keyed with ``key``, else with the key held for ``path``, else plain
    (``plain`` insists on plain: a file being written in the clear on request). Nothing
    is read yet; a key that does not fit fails at the first read with ``SQLITE_NOTADB``."""
    path = Path(path)
    if key is None and not plain:
        key = held(path)
    target = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "") if readonly else str(path)
    if key is None:
        return sqlite3.connect(target, uri=readonly, timeout=timeout, check_same_thread=False)
    conn: sqlite3.Connection = cipher().connect(target, uri=readonly, timeout=timeout, check_same_thread=False)
    try:
        apply_key(conn, key)
    except BaseException:
        conn.close()
        raise
    return conn


# SQLCipher 4 with 16 KiB pages and HMAC-SHA256 page authentication instead of its
# defaults (4 KiB, HMAC-SHA512): reading every page of a 10,000-incident file (the
# quick_check at opening) took 1.3–1.8 s with the defaults and 0.4–0.6 s with these, plain
# SQLite 0.3–0.6 s (measured here, December 2026). Both are read from no file: every
# connection to an encrypted file sets them (``apply_key``, ``attach_sql``), and a key file
# records them (``core.store.keys``).
CIPHER_PAGE_SIZE = 16384
CIPHER_HMAC = "HMAC_SHA256"
CIPHER_SETTINGS = f"sqlcipher4;page_size={CIPHER_PAGE_SIZE};hmac={CIPHER_HMAC};key=raw256"


def apply_key(conn: Any, key: bytes | bytearray) -> None:
    """Key a SQLCipher connection (its log silenced first) with the settings above."""
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
    conn.execute(f"PRAGMA cipher_page_size = {CIPHER_PAGE_SIZE}")
    conn.execute(f"PRAGMA cipher_hmac_algorithm = {CIPHER_HMAC}")


def attach_settings(alias: str) -> list[str]:
    """The statements that give an encrypted attached database (``attach_sql``) the settings above."""
    return [f"PRAGMA {alias}.cipher_page_size = {CIPHER_PAGE_SIZE}", f"PRAGMA {alias}.cipher_hmac_algorithm = {CIPHER_HMAC}"]


def attach_sql(alias: str, key: bytes | bytearray | None) -> str:
    """``ATTACH … KEY …`` for ``sqlcipher_export``: ``?`` is the file; no key: a plain file."""
    secret = f"x'{bytes(key).hex()}'" if key is not None else ""
    return f'ATTACH DATABASE ? AS {alias} KEY "{secret}"'


def memory_like(conn: Any) -> sqlite3.Connection:
    """An in-memory database of the same driver as ``conn`` (a backup needs both alike)."""
    if is_cipher(conn):
        memory: sqlite3.Connection = cipher().connect(":memory:", check_same_thread=False)
        return memory
    return sqlite3.connect(":memory:", check_same_thread=False)
