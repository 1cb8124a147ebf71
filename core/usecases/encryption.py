"""Encryption at rest (issue 28), the use cases for the desktop and the command line:
whether a database is encrypted, unlocking it (passphrase, recovery key, the OS keyring),
turning encryption on and off, changing the passphrase. ``where`` is what
``core.service.database_path`` reads (``--db``, ``INCIDENT_ASSISTANT_DB``, the user data
folder). The work is ``core.store.crypt``'s; the keys never leave core.

The desktop's flow (the 「加密此数据库…」, 「更改口令…」 and 「用恢复密钥打开…」 menu items)::

    state = encryption_state(where)            # "plain" | "locked" | "unlocked"
    open_service(where, ...)                   # a locked file is unlocked from the keyring,
                                               # else PassphraseNeeded: ask, then
    unlock_database(where, passphrase=…, remember=…)   # WrongPassphrase: say so, ask again
    unlock_database(where, recovery_key=…)             # 「用恢复密钥打开…」, then
    change_passphrase(where, new)                      # 「更改口令…」 (unlocked either way)
    result = encrypt_database(where, passphrase, keep_old=…, remember=…, progress=…)
    recovery_key_groups(result.recovery_key)   # show once; ask two groups back:
    recovery_groups_match(result.recovery_key, {2: typed_b, 6: typed_f})
    decrypt_database(where, keep_old=…, progress=…)

The database must be closed (``IncidentService.close``) before ``encrypt_database`` or
``decrypt_database``: they replace the file. Errors are ``StoreError`` subclasses with a
message in either language: ``PassphraseNeeded``, ``WrongPassphrase`` (also a wrong or
mistyped recovery key, and a new passphrase that is too short), ``KeyFileProblem``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from core.clock import Clock
from core.store import resolve_db_path
from core.store.crypt import Encrypted, Offer, Progress
from core.store.errors import KeyFileProblem, PassphraseNeeded, WrongPassphrase

__all__ = [
    "Encrypted",
    "KeyFileProblem",
    "Offer",
    "PassphraseNeeded",
    "Progress",
    "WrongPassphrase",
    "change_passphrase",
    "decrypt_database",
    "encrypt_database",
    "encryption_state",
    "forget_key_in_keyring",
    "lock_database",
    "offer_secrets",
    "recovery_groups_match",
    "read_recovery_key_text",
    "recovery_key_groups",
    "unlock_database",
]

Where = str | os.PathLike[str] | None


def _path(where: Where) -> Path:
    return resolve_db_path(None if where is None else str(where))


def encryption_state(where: Where) -> Literal["plain", "locked", "unlocked"]:
    """``plain`` (or no file yet), ``locked`` (encrypted, its key not held by this
    process), ``unlocked``."""
    from core.store import connection
    from core.store.paths import is_encrypted

    path = _path(where)
    if not is_encrypted(path):
        return "plain"
    return "unlocked" if connection.held(path) is not None else "locked"


def unlock_database(where: Where, *, passphrase: str | None = None, recovery_key: str | None = None, use_keyring: bool = True, remember: bool = False) -> str:
    """Unlock an encrypted database for this process; returns how (``plain``, ``held``,
    ``keyring``, ``passphrase``, ``recovery``). ``remember``: keep the key in the OS
    keyring (quietly not done when there is none). Wrong tries change nothing."""
    from core.store import crypt

    return crypt.unlock(_path(where), passphrase=passphrase, recovery_key=recovery_key, use_keyring=use_keyring, remember=remember)


def offer_secrets(secrets: Offer) -> None:
    """Secrets to use for any encrypted file this process meets (the command line's
    ``--passphrase-file`` and ``--recovery-key-file``)."""
    from core.store import crypt

    crypt.offer(secrets)


def lock_database(where: Where) -> None:
    """Let go of the key held for the database (when the desktop closes it)."""
    from core.store import crypt

    crypt.lock(_path(where))


def forget_key_in_keyring(where: Where) -> None:
    """Remove the database's key from the OS keyring: the passphrase is asked from then on."""
    from core.store import crypt

    crypt.forget_in_keyring(_path(where))


def encrypt_database(
    where: Where,
    passphrase: str,
    *,
    keep_old: bool = False,
    remember: bool = False,
    clock: Clock | None = None,
    progress: Progress | None = None,
) -> Encrypted:
    """Encrypt the (closed) plain database; returns the recovery key to show once, the
    kept plain copy (``keep_old``) and whether the key went into the keyring."""
    from core.store import crypt

    return crypt.encrypt(_path(where), passphrase, clock=clock, keep_old=keep_old, remember=remember, progress=progress)


def decrypt_database(where: Where, *, keep_old: bool = False, clock: Clock | None = None, progress: Progress | None = None) -> Path | None:
    """Write the (closed, unlocked) encrypted database back as a plain file; returns the
    kept encrypted copy (``keep_old``, with its key file)."""
    from core.store import crypt

    return crypt.decrypt(_path(where), clock=clock, keep_old=keep_old, progress=progress)


def change_passphrase(where: Where, new_passphrase: str) -> None:
    """A new passphrase for the unlocked database (unlocked with the old passphrase or the
    recovery key); the recovery key stays valid."""
    from core.store import crypt

    crypt.change_passphrase(_path(where), new_passphrase)


def recovery_key_groups(recovery_key: str) -> list[str]:
    """The recovery key's eight groups of four characters, to show (and print) once."""
    return recovery_key.split("-")


def recovery_groups_match(recovery_key: str, typed: Mapping[int, str]) -> bool:
    """Whether the groups typed back (group index from 0 -> what she typed) are the key's;
    case, spaces and the look-alike letters (O for 0, I and L for 1) are forgiven."""
    from core.store.keys import ALPHABET

    groups = recovery_key_groups(read_recovery_key_text(recovery_key))
    for index, text in typed.items():
        cleaned = "".join(c for c in text.upper() if not c.isspace() and c != "-").replace("O", "0").replace("I", "1").replace("L", "1")
        if not 0 <= index < len(groups) or cleaned != groups[index] or not set(cleaned) <= set(ALPHABET):
            return False
    return True


def read_recovery_key_text(recovery_key: str) -> str:
    """The recovery key in its shown form (``XXXX-XXXX-…``) however it was typed."""
    from core.store.keys import GROUP_LEN, read_recovery_key

    canonical = read_recovery_key(recovery_key)
    return "-".join(canonical[i : i + GROUP_LEN] for i in range(0, len(canonical), GROUP_LEN))
