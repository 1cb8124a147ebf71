"""Encryption at rest (issue 28): unlocking an encrypted database, turning encryption on
and off, and changing the passphrase. The keys and the key file are ``core.store.keys``;
connections are made by ``core.store.connection``, which opens a file with the key this
module made it hold.

Turning encryption on or off is one operation that never leaves a half file: SQLCipher's
``sqlcipher_export`` writes the whole database into a new file beside it (under a
partial name, ``core.store.leftovers``), that file is verified as ``verify`` does
(schema, ``integrity_check``, the whole audit chain, every row's digest, the list
columns), and only then renamed over the database, as a restore does, while the
database's one-writer lock is held. The key file is written (encrypting) before that
rename and removed (decrypting) after it; a file whose first bytes are SQLite's header is
plain whatever lies beside it, so a process killed at any point leaves the old file or
the new one, whole and openable. The old file is kept beside as ``<name>.before-encrypt-…
.bak`` only when asked (a kept plain copy defeats the purpose; a kept encrypted copy gets
its key file).

Changing the passphrase rewrites only the key file (the passphrase wraps the data key; the
data itself is not touched), under a temporary name and renamed into place: the old
passphrase or the new one opens the file, never neither. The recovery key stays valid.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.clock import Clock, SystemClock
from core.store import connection, keys, leftovers
from core.store.errors import (
    KeyFileProblem,
    NotADatabase,
    PassphraseNeeded,
    StoreCorrupt,
    StoreError,
    WrongPassphrase,
    said,
    translated,
)
from core.store.paths import SQLITE_HEADER, is_encrypted, key_file_of, sibling, wal_companions

Progress = Callable[[float], None]  # the share of a conversion done, 0.0 to 1.0


@dataclass(frozen=True)
class Encrypted:
    """What ``encrypt`` returns: the recovery key (to show once, never stored in the clear)
    and the kept plain copy, if one was asked for."""

    recovery_key: str
    kept: Path | None
    in_keyring: bool


def unlock(
    path: str | Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    use_keyring: bool = True,
    remember: bool = False,
) -> str:
    """Make this process able to open the database ``path``; returns how: ``plain`` (not
    encrypted: nothing to do), ``held`` (already), ``keyring``, ``passphrase``, ``recovery``.

    With neither secret, the OS keyring is asked (``use_keyring``): nothing there, no
    keyring, or a key there that does not fit raises ``PassphraseNeeded`` (ask her). A
    wrong passphrase or recovery key raises ``WrongPassphrase`` and changes nothing (any
    number of tries). ``remember`` keeps the data key in the keyring after a successful
    unlock. ``KeyFileProblem`` when the key file is missing, damaged or another file's."""
    path = Path(path)
    if not is_encrypted(path):
        if path.is_file() and _head(path) not in (b"", SQLITE_HEADER) and not key_file_of(path).exists():
            raise _missing(path)
        return "plain"
    if connection.held(path) is not None and passphrase is None and recovery_key is None:
        return "held"
    key_file = read_keys(path)
    candidates = connection.held_keys()
    try:
        for held in candidates:
            if key_file.matches(held):  # a backup of a database this process has unlocked: the same data key
                _check_opens(path, held)
                return "held"
    finally:
        for candidate in candidates:
            connection.zero(candidate)
    how = "passphrase" if passphrase is not None else "recovery" if recovery_key is not None else "keyring"
    key: bytearray | None = None
    try:
        if passphrase is not None:
            secret = keys.passphrase_bytes(passphrase)
            try:
                key = key_file.open_with_passphrase(secret)
            finally:
                connection.zero(secret)
        elif recovery_key is not None:
            key = key_file.open_with_recovery(recovery_key)
        elif use_keyring:
            key = keys.keyring_get(key_file)
        if key is None:
            raise PassphraseNeeded(path)
    except keys.KeyProblem as exc:
        raise _said(exc, path) from None
    try:
        _check_opens(path, key)
        if remember:
            keys.keyring_put(key_file, key)
    finally:
        connection.zero(key)
    return how


@dataclass(frozen=True)
class Offer:
    """The secrets this process was given for encrypted files it meets (the command line's
    ``--passphrase-file``, ``--recovery-key-file``, ``--remember``). With none, the keyring
    is asked (``use_keyring``)."""

    passphrase: str | None = None
    recovery_key: str | None = None
    use_keyring: bool = True
    remember: bool = False


_offer = Offer()


def offer(secrets: Offer) -> None:
    """Use ``secrets`` whenever an encrypted file whose key is not held is opened."""
    global _offer
    _offer = secrets


def unlock_on_demand(path: Path) -> None:
    """Called when an encrypted file whose key is not held is about to be opened: unlock
    it with what was offered (``offer``), else the keyring; ``PassphraseNeeded`` when
    nothing opens it (the desktop then asks her and calls ``unlock``)."""
    if unlock(path, passphrase=_offer.passphrase, recovery_key=_offer.recovery_key, use_keyring=_offer.use_keyring, remember=_offer.remember) == "plain":
        raise PassphraseNeeded(path)  # not reached: the caller saw an encrypted file


def lock(path: str | Path) -> None:
    """Let go of the key held for ``path`` (the desktop: when it closes the database)."""
    connection.forget(path)


def forget_in_keyring(path: str | Path) -> None:
    """Remove the database's key from the OS keyring (the passphrase is asked from then on)."""
    keys.keyring_forget(read_keys(Path(path)))


def read_keys(path: Path) -> keys.KeyFile:
    """The key file of the encrypted database ``path``, or ``KeyFileProblem``."""
    where = key_file_of(path)
    try:
        return keys.read_key_file(where)
    except FileNotFoundError:
        raise _missing(path) from None
    except keys.KeyProblem:
        raise _damaged(path) from None
    except OSError as exc:
        raise StoreError(path, exc.strerror or str(exc)) from exc


def _missing(path: Path) -> KeyFileProblem:
    return KeyFileProblem(path, problem=said("store_key_file_missing"))


def _damaged(path: Path) -> KeyFileProblem:
    return KeyFileProblem(path, problem=said("store_key_file_damaged"))


def _said(problem: keys.KeyProblem, path: Path) -> StoreError:
    if problem.kind == "wrong_passphrase":
        return WrongPassphrase(path)
    if problem.kind == "wrong_recovery":
        return WrongPassphrase(path, problem=said("store_recovery_wrong"), remedy=said("store_recovery_wrong_remedy"))
    if problem.kind == "recovery_format":
        return WrongPassphrase(path, problem=said("store_recovery_format"), remedy=said("store_recovery_wrong_remedy"))
    if problem.kind == "weak_passphrase":
        return StoreError(path, problem=said("store_weak_passphrase"), remedy="")
    return _damaged(path)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER))
    except OSError:
        return b""


def _check_opens(path: Path, key: bytearray) -> None:
    """Hold ``key`` for ``path`` once it opens the file (the key file's check value already
    matched; this catches a key file put beside the wrong database)."""
    from core.store import guard

    connection.hold(path, key)
    try:
        guard.connect(path).close()
    except NotADatabase:
        connection.forget(path)
        raise _damaged(path) from None
    except BaseException:
        connection.forget(path)
        raise


def encrypt(
    path: str | Path,
    passphrase: str,
    *,
    clock: Clock | None = None,
    keep_old: bool = False,
    remember: bool = False,
    params: keys.Argon2Params | None = None,
    progress: Progress | None = None,
) -> Encrypted:
    """Encrypt the plain database ``path`` with a new random data key wrapped by
    ``passphrase`` and by a new recovery key (returned, to be shown once). The database
    must not be open for writing elsewhere (its one-writer lock is taken)."""
    path = Path(path)
    try:
        keys.check_new_passphrase(passphrase)
    except keys.KeyProblem as exc:
        raise _said(exc, path) from None
    _must_exist(path)
    if is_encrypted(path):
        raise StoreError(path, problem=said("store_already_encrypted"), remedy="")
    data_key = keys.new_data_key()
    recovery = keys.new_recovery_key()
    key_file = keys.KeyFile.new(data_key)
    secret = keys.passphrase_bytes(passphrase)
    try:
        key_file.set_passphrase(data_key, secret, params)
        key_file.set_recovery(data_key, recovery)
        kept = _convert(path, data_key, key_file, clock or SystemClock(), keep_old, "before-encrypt", progress)
        in_keyring = keys.keyring_put(key_file, data_key) if remember else False
    finally:
        connection.zero(secret)
        connection.zero(data_key)
    return Encrypted(recovery, kept, in_keyring)


def decrypt(path: str | Path, *, clock: Clock | None = None, keep_old: bool = False, progress: Progress | None = None) -> Path | None:
    """Write the unlocked encrypted database ``path`` back as a plain file; returns the kept
    encrypted copy (with its key file) when ``keep_old``. Its keyring entry is removed."""
    path = Path(path)
    _must_exist(path)
    if not is_encrypted(path):
        raise StoreError(path, problem=said("store_not_encrypted"), remedy="")
    if connection.held(path) is None:
        unlock_on_demand(path)
    key_file = read_keys(path)
    kept = _convert(path, None, None, clock or SystemClock(), keep_old, "before-decrypt", progress)
    keys.keyring_forget(key_file)
    return kept


def change_passphrase(path: str | Path, new_passphrase: str, *, params: keys.Argon2Params | None = None) -> None:
    """Wrap the data key of the unlocked database ``path`` (unlocked with the old passphrase
    or the recovery key) with ``new_passphrase``; the recovery key and the keyring copy stay."""
    path = Path(path)
    try:
        keys.check_new_passphrase(new_passphrase)
    except keys.KeyProblem as exc:
        raise _said(exc, path) from None
    if not is_encrypted(path):
        raise StoreError(path, problem=said("store_not_encrypted"), remedy="")
    if connection.held(path) is None:
        unlock_on_demand(path)
    key = connection.held(path)
    if key is None:
        raise PassphraseNeeded(path)
    key_file = read_keys(path)
    if not key_file.matches(key):
        raise _said(keys.KeyProblem("key_file"), path)
    secret = keys.passphrase_bytes(new_passphrase)
    try:
        key_file.set_passphrase(key, secret, params)
    finally:
        connection.zero(secret)
    with translated(path):
        keys.write_key_file(key_file_of(path), key_file)


def _must_exist(path: Path) -> None:
    if not path.is_file():
        raise StoreError(path, said("store_missing_file"), said("store_missing_file_remedy"))


def _convert(
    path: Path, new_key: bytearray | None, key_file: keys.KeyFile | None, clock: Clock, keep_old: bool, label: str, progress: Progress | None
) -> Path | None:
    """Export ``path`` into a new file (encrypted with ``new_key``, or plain), verify it and
    rename it over ``path`` (see the module docstring); returns the kept old file."""
    from core.store.restoring import refuse_other_writer, refuse_read_only, writer_lock
    from core.store.verifying import _remove_partial, copy_key_file, sync_file, verify_file

    old_key = connection.held(path)
    refuse_read_only(path)
    with writer_lock(path):
        refuse_other_writer(path)
        with translated(path):
            leftovers.remove_partials(path.parent)
            staged = leftovers.partial_name(path)
        try:
            _export(path, old_key, staged, new_key, progress)
            if new_key is not None:
                connection.hold(staged, new_key)
            # the whole file, the schema, the audit chain and every row against it: a copy
            # that lost or changed anything fails; the list columns are the source's own
            # (recomputing 10,000 of them would add a minute and prove nothing about the copy)
            result = verify_file(staged, list_columns=False)
            if not result.ok:
                raise StoreCorrupt(path, result.finding(), problem=said("store_encrypt_failed" if new_key is not None else "store_decrypt_failed"))
            with translated(path):
                sync_file(staged)
                kept = sibling(path, label, clock.now()) if keep_old else None
                if kept is not None:
                    copy_key_file(path, kept)  # an encrypted old file keeps its key file
                    os.link(path, kept)
                if new_key is not None and key_file is not None:
                    keys.write_key_file(key_file_of(path), key_file)  # the plain header still decides until the rename
                for companion in wal_companions(path):  # folded in and empty (``_export``)
                    companion.unlink(missing_ok=True)
                os.replace(staged, path)
                keys.sync_folder(path.parent)
                if new_key is None:
                    connection.forget(path)
                    key_file_of(path).unlink(missing_ok=True)  # the plain header decides already
                else:
                    connection.hold(path, new_key)
            return kept
        finally:
            connection.forget(staged)
            _remove_partial(staged)


def _export(path: Path, old_key: bytearray | None, staged: Path, new_key: bytearray | None, progress: Progress | None) -> None:
    """``sqlcipher_export`` of ``path`` into the empty file ``staged``, after folding the
    write-ahead log into the file (nothing committed stays behind in it). ``progress`` is
    told the share written so far (the new file's size against the old one's), now and
    then while SQLCipher works, and 1.0 at the end."""
    from core.store.verifying import export

    conn = connection.cipher().connect(str(path), timeout=5.0)
    if progress is not None:
        total = max(path.stat().st_size, 1)

        def tell() -> int:
            try:
                progress(min(staged.stat().st_size / total, 0.99))
            except OSError:
                pass
            return 0  # never interrupts

        conn.set_progress_handler(tell, 200_000)
    try:
        with translated(path):
            if old_key is not None:
                connection.apply_key(conn, old_key)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            export(conn, staged, new_key)
        if progress is not None:
            progress(1.0)
    finally:
        conn.close()
