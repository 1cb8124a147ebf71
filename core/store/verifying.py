"""Checking a whole database file (``verify_file``) and copying one (``backup``, and the
copy kept before a migration or a restore). Below both ``core.store.store`` (whose
``Store.verify`` and ``Store.backup`` are these) and ``core.store.opening``; it opens no
``Store`` itself.

``verify_file`` is the full check without writing: the schema against the app's own,
``integrity_check``, the whole audit chain, every row against it and every incident's
list columns against its document (``core.store.listcheck``).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from core.store import audit, connection, guard, leftovers, schema
from core.store.errors import (
    BackupInvalid,
    Each,
    ForeignSchema,
    NotADatabase,
    StoreError,
    TargetExists,
    from_os,
    from_sqlite,
    said,
    text,
    translated,
    translated_reading,
)
from core.store.paths import check_header, key_file_of, wal_companions

if TYPE_CHECKING:
    from core.rules import RulePack
    from core.store.store import Store


class VerifyResult(NamedTuple):
    """What ``verify`` found. ``first_broken_row`` is the audit row number of the first
    chain break (None if the chain is whole or the break is in another table)."""

    path: Path
    integrity: str
    audit_rows: int
    problems: tuple[audit.Problem, ...]

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and not self.problems

    @property
    def first_broken_row(self) -> int | None:
        for p in self.problems:
            if p.table == "audit" and p.row.isdigit():
                return int(p.row)
        return None

    def message(self, lang: str = "zh") -> str:
        """One line naming the file and what was found, in ``lang``."""
        return said("store_where", path=self.path).render(lang) + self.finding().render(lang)

    def finding(self) -> Each:
        """What was found, without the file's name (a backup is checked under another name)."""
        return Each(self._finding("zh"), self._finding("en"))

    def _finding(self, lang: str) -> str:
        if self.integrity != "ok":
            return said("store_verify_failed_integrity", state=self.integrity).render(lang)
        if self.problems:
            more = said("store_verify_more", n=len(self.problems) - 1) if len(self.problems) > 1 else ""
            return said("store_verify_failed", problem=self.problems[0].line(lang), more=more).render(lang)
        return said("store_verify_ok", rows=self.audit_rows).render(lang)


def integrity(conn: sqlite3.Connection, pragma: str) -> str:
    """``PRAGMA quick_check`` or ``integrity_check``: "ok", or its first three findings."""
    rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
    return "ok" if rows == ["ok"] else "；".join(rows[:3])


def copy_file(conn: sqlite3.Connection, out: Path, source: Path | None = None) -> None:
    """Online backup of ``conn`` (the database ``source``) into the new file ``out``
    (0600), written under a partial name (``core.store.leftovers``) and moved to ``out``
    only once complete: a killed copy never leaves a half ``.bak``, and its partial file is
    removed later. The copy of an encrypted database is encrypted with the same key, and
    a copy of its key file goes beside it first (issue 28)."""
    with translated(out):
        partial = leftovers.partial_name(out)
    try:
        key = connection.held(source) if source is not None else None
        if key is not None:
            connection.hold(partial, key)
        _copy_into(conn, partial, out)
        with translated(out):
            if source is not None:
                copy_key_file(source, out)
            os.replace(partial, out)  # ``out`` is a new, unused name (``sibling``)
    finally:
        connection.forget(partial)
        _remove_partial(partial)


def copy_key_file(source: Path, out: Path) -> None:
    """Put a copy of the key file of the encrypted database ``source`` beside ``out``
    (nothing for a plain one). The key file holds only wrapped keys (``core.store.keys``)."""
    if connection.held(source) is None:
        return
    from core.store.keys import read_key_file, write_key_file  # lazy: encrypted files only

    write_key_file(key_file_of(out), read_key_file(key_file_of(source)))


def sync_file(path: Path) -> None:
    """Flush ``path``'s bytes to the disk (before it is renamed or linked into place)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def export(conn: sqlite3.Connection, target: Path, key: bytes | bytearray | None) -> None:
    """``sqlcipher_export`` of the SQLCipher connection ``conn`` into the empty file
    ``target``, encrypted with ``key`` or plain (``None``)."""
    query_only = conn.execute("PRAGMA query_only").fetchone()[0]
    conn.execute("PRAGMA query_only=OFF")  # a read-only store's connection writes the new file only
    conn.execute(connection.attach_sql("target", key), (str(target),))
    try:
        if key is not None:
            for statement in connection.attach_settings("target"):
                conn.execute(statement)
        # a new file nobody else reads: no journal, no flush per statement (0.5 s for the
        # schema alone); the caller flushes it once before it is renamed into place
        conn.execute("PRAGMA target.synchronous=OFF")
        conn.execute("PRAGMA target.journal_mode=OFF")
        conn.execute("SELECT sqlcipher_export('target')").fetchall()
    finally:
        conn.execute("DETACH DATABASE target")
        conn.execute(f"PRAGMA query_only={int(query_only)}")


def _copy_into(conn: sqlite3.Connection, target_path: Path, shown: Path) -> None:
    """Online backup of ``conn`` into the empty file ``target_path``; failures name
    ``shown`` (the user's file). The copy uses a rollback journal, so reading it later
    leaves no -wal or -shm file beside it. The copy of an encrypted database is encrypted
    with the key the caller holds for ``target_path`` (SQLCipher copies only between files
    of one key)."""
    target = connection.connect(target_path)
    try:
        with translated(shown):
            conn.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


def _remove_partial(partial: Path) -> None:
    for leftover in [partial, partial.with_name(partial.name + "-journal"), *wal_companions(partial)]:
        leftover.unlink(missing_ok=True)


def verify_file(path: str | Path, *, timeout: float = 5.0, pack: RulePack | None = None, list_columns: bool = True) -> VerifyResult:
    """Full check without writing: the schema against the app's own, ``integrity_check``,
    the whole chain, every row against it and every incident's list columns against its
    document. Raises ``NotADatabase`` for an empty or foreign file (nothing to verify).
    Leaves no -wal or -shm file beside a file nothing has open (a backup)."""
    path = Path(path)
    with translated_reading(path):
        if not path.exists():
            raise StoreError(path, said("store_missing_file"), said("store_check_path"))
        if path.is_dir() or not path.is_file():
            raise NotADatabase(path, said("store_file_not_regular_plain"))
        if not check_header(path):
            raise NotADatabase(path, said("store_empty"))
        conn = guard.connect(path, timeout=timeout, leave_no_companions=True)
        try:
            from core.rules import default_pack  # lazy: the rule pack loads only when a check needs it

            return _verify(conn, path, pack or default_pack(), list_columns=list_columns)
        except ForeignSchema as exc:
            found = exc.detail or exc.problem
            return VerifyResult(path, "ok", 0, (audit.Problem("schema", "", text(found), text(found, "en")),))
        except connection.DatabaseError as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_INTERRUPT, sqlite3.SQLITE_NOTADB):
                raise from_sqlite(exc, path) from exc
            return VerifyResult(path, str(exc), 0, ())
        finally:
            conn.close()


def _verify(conn: sqlite3.Connection, path: Path, pack: RulePack, *, list_columns: bool = True) -> VerifyResult:
    applied, differences = schema.inspect(conn, path)
    if not applied:
        raise NotADatabase(path, said("store_no_tables"))
    state = integrity(conn, "integrity_check")
    if state != "ok":
        return VerifyResult(path, state, 0, ())
    count, problems, expected = audit.walk_chain(conn)
    problems += audit.check_rows(conn, expected)
    if "m002_list_columns" in applied and list_columns:
        from core.store import listcheck  # lazy: only verify recomputes the columns

        problems += listcheck.check_list_columns(conn, pack)
    problems += [audit.Problem("schema", "", text(found), text(found, "en")) for found in differences]
    return VerifyResult(path, "ok", count, tuple(problems))


def backup(store: Store, out: str | Path, *, plain: bool = False) -> Path:
    """Copy the open database to ``out`` with SQLite's online backup API, then verify the
    copy; a copy that does not verify is deleted and ``BackupInvalid`` raised. Never
    overwrites an existing file.

    The backup of an encrypted database (issue 28) is encrypted with the same data key and
    gets a copy of the key file beside it (``<out>.keys``, written before ``out`` appears);
    its passphrase and recovery key are the database's at that moment. ``plain`` writes a
    clear copy instead (only when the user asks; the caller warns her)."""
    out = Path(out)
    key = None if plain else connection.held(store.path)
    for target in (out, key_file_of(out)) if key is not None else (out,):
        if target.exists():
            raise TargetExists(target)
    with translated(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        leftovers.remove_partials(out.parent)  # of backups killed before (issue 25)
        tmp = leftovers.partial_name(out)
    wrote_keys = False
    try:
        try:
            if plain and connection.is_cipher(store.db.conn):
                with translated(out):
                    export(store.db.conn, tmp, None)
                    sync_file(tmp)
            else:
                if key is not None:
                    connection.hold(tmp, key)
                _copy_into(store.db.conn, tmp, out)
            result = verify_file(tmp)
        except StoreError as exc:
            raise exc.at(out) from exc  # the user's file named, never the temporary one (issue 25)
        if not result.ok:
            raise BackupInvalid(out, result.finding())
        try:
            if key is not None:
                copy_key_file(store.path, out)
                wrote_keys = True
            os.link(tmp, out)  # fails instead of overwriting a file created meanwhile
        except FileExistsError as exc:
            raise TargetExists(out) from exc
        except OSError as exc:
            raise from_os(exc, out) from exc
    except BaseException:
        if wrote_keys:
            key_file_of(out).unlink(missing_ok=True)
        raise
    finally:
        connection.forget(tmp)
        _remove_partial(tmp)
    return out
