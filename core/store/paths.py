"""Where the database lives and how its files are made: the location rule (``--db`` >
``INCIDENT_ASSISTANT_DB`` > the platform's user data folder), owner-only creation
(0600), the SQLite header check done before SQLite ever opens a file, and the names of
the copies kept beside it (before a migration, before a restore). Does not run SQL.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from core import APP_NAME
from core.store.errors import NotADatabase, from_os

ENV_VAR = "INCIDENT_ASSISTANT_DB"
DB_FILENAME = "incidents.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"


def default_db_path() -> Path:
    import platformdirs  # lazy: only the edge of the app needs it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def resolve_db_path(cli_value: str | None) -> Path:
    """``--db PATH`` wins, then ``INCIDENT_ASSISTANT_DB``, then the user data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def check_header(path: Path) -> bool:
    """True if ``path`` holds a SQLite database, False if it is empty (a new file).

    Raises ``NotADatabase`` for anything else. Reads 16 bytes; never writes.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise from_os(exc, path) from exc
    if not head:
        return False
    if head != SQLITE_HEADER:
        from core.store import connection

        if connection.held(path) is not None:
            return True  # an encrypted database, or a copy of one, this process holds the key of
        if is_encrypted(path, head):
            from core.store.crypt import unlock_on_demand

            unlock_on_demand(path)  # with the secrets offered, or the keyring; else PassphraseNeeded
            return True
        raise NotADatabase(path)
    return True


def key_file_of(path: Path) -> Path:
    """The key file of an encrypted database (``core.store.keys``): ``<name>.keys``."""
    return path.with_name(path.name + ".keys")


def is_encrypted(path: Path, head: bytes | None = None) -> bool:
    """True when ``path`` is an encrypted database (issue 28): its first bytes are not
    SQLite's header (SQLCipher leaves none readable) and its key file is beside it. A
    plain file with a key file beside it (a conversion killed half-way) is plain: the
    file's own bytes decide."""
    if head is None:
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_HEADER))
        except OSError:
            return False
    return bool(head) and head != SQLITE_HEADER and len(head) == len(SQLITE_HEADER) and key_file_of(path).is_file()


def create_private_file(path: Path) -> None:
    """Create ``path`` empty, readable and writable only by its owner (0600 on POSIX).

    Missing parent folders are created (0700). SQLite gives its -wal and -shm files the
    same mode as the database file.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)
    except OSError as exc:
        raise from_os(exc, path) from exc


def stamp(at: datetime) -> str:
    """A file-name-safe UTC time stamp."""
    return at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def sibling(path: Path, label: str, at: datetime) -> Path:
    """A new, unused name beside ``path``: ``incidents.sqlite3.<label>-<stamp>.bak``."""
    base = f"{path.name}.{label}-{stamp(at)}"
    candidate = path.with_name(base + ".bak")
    n = 1
    while candidate.exists():
        candidate = path.with_name(f"{base}-{n}.bak")
        n += 1
    return candidate


def wal_companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
