"""The keys of an encrypted database (issue 28) and the key file that carries them.

- The **data key**: 256 random bits; SQLCipher encrypts the database with it, given raw.
  It is never written anywhere in the clear.
- The **passphrase** wraps it: Argon2id (``argon2-cffi``'s ``hash_secret_raw``; 64 MiB,
  3 passes, 1 lane: 0.47 s measured here, December 2026; 2 passes took 0.33–0.35 s) turns the
  passphrase and a random salt into a 256-bit key that seals the data key with AES-256-GCM
  (``cryptography``, PyCA's library: maintained, audited, wheels for every platform we
  ship, already pulled in by ``keyring``'s Secret Service backend on Linux). A wrong
  passphrase fails GCM's tag, so it is told apart from a damaged database, and nothing is
  decrypted with it.
- The **recovery key** wraps it too: 30 random characters (150 bits) from Crockford's
  base-32 alphabet plus 2 check characters, shown once as 8 groups of 4
  (``K7M2-…``). It has so much entropy that stretching would add nothing: HKDF-SHA256
  derives its sealing key. Typing it is forgiving (case, ``O``/``0``, ``I``/``L``/``1``,
  spaces and dashes), and a mistyped one is told by its check characters, not by a slow
  failed unlock.

Where the wrapped keys live: a SQLCipher file has no page readable without the key, so
the slots are in a small JSON **key file** beside the database, ``<name>.keys`` (0600,
written under a temporary name, flushed to disk and renamed into place, so it is always
the old or the new one whole). Every backup of an encrypted database carries a copy
beside it (``<backup>.keys``). Losing the key file of the database: the database cannot
be opened with the passphrase or the recovery key alone (both only unwrap the copy in
that file); the key file of any backup made since encryption was turned on holds the
same data key, so copying it back beside the database (as ``<name>.keys``) opens it
again with the recovery key (and with the passphrase it had then). The OS keyring's copy,
when there is one, also still opens it. If every key file and the keyring copy are lost,
nothing can open the database.

Keyring (optional): the data key may be kept in the operating system's keyring
(``keyring``; Windows Credential Locker, Secret Service on Linux) under the key file's
random ``id``, so the app opens without asking. A missing keyring, an error from it, or a
key there that does not match the key file's check value all mean "ask for the
passphrase or the recovery key": never a lock-out.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "incident-assistant/keys@1"
KEYRING_SERVICE = "incident-assistant database key"
CHECK_LABEL = b"incident-assistant key check"
RECOVERY_INFO = b"incident-assistant recovery key"
MIN_PASSPHRASE_CHARS = 8


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id costs; stored in each passphrase slot, so a later version may raise them
    for new slots and still open old ones."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    lanes: int = 1


DEFAULT_ARGON2 = Argon2Params()
# Crockford's base 32: no I, L, O or U; read back forgivingly (``_READ``).
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ = {c: i for i, c in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}
RECOVERY_GROUPS, GROUP_LEN, CHECK_CHARS = 8, 4, 2


class KeyProblem(Exception):
    """A secret that does not open the key file; ``kind`` says which (``wrong_passphrase``,
    ``wrong_recovery``, ``recovery_format``, ``key_file``, ``weak_passphrase``)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


# --- the secrets ---------------------------------------------------------------------


def new_data_key() -> bytearray:
    return bytearray(secrets.token_bytes(32))


def passphrase_bytes(text: str) -> bytearray:
    """A passphrase as the bytes that are stretched: NFC-normalized UTF-8, so the same
    characters typed through different input methods give the same key."""
    return bytearray(unicodedata.normalize("NFC", text).encode("utf-8"))


def check_new_passphrase(text: str) -> None:
    """A new passphrase has at least ``MIN_PASSPHRASE_CHARS`` characters."""
    if len(text.strip()) < MIN_PASSPHRASE_CHARS:
        raise KeyProblem("weak_passphrase")


def new_recovery_key() -> str:
    """A recovery key to show once: ``XXXX-XXXX-…`` (8 groups of 4)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(RECOVERY_GROUPS * GROUP_LEN - CHECK_CHARS))
    chars = body + _check(body)
    return "-".join(chars[i : i + GROUP_LEN] for i in range(0, len(chars), GROUP_LEN))


def _check(body: str) -> str:
    digest = int.from_bytes(hashlib.sha256(body.encode("ascii")).digest()[:4], "big")
    return "".join(ALPHABET[(digest >> (5 * i)) & 31] for i in range(CHECK_CHARS))


def read_recovery_key(text: str) -> str:
    """The recovery key's canonical characters (no dashes); ``KeyProblem('recovery_format')``
    when it has the wrong length, a character outside the alphabet, or a wrong check."""
    chars = []
    for c in unicodedata.normalize("NFKC", text).upper():
        if c in " -\t\r\n":
            continue
        if c not in _READ:
            raise KeyProblem("recovery_format")
        chars.append(ALPHABET[_READ[c]])
    canonical = "".join(chars)
    size = RECOVERY_GROUPS * GROUP_LEN
    if len(canonical) != size or _check(canonical[: size - CHECK_CHARS]) != canonical[size - CHECK_CHARS :]:
        raise KeyProblem("recovery_format")
    return canonical


# --- wrapping ------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(data: object) -> bytes:
    if not isinstance(data, str):
        raise KeyProblem("key_file")
    try:
        return base64.b64decode(data, validate=True)
    except ValueError as exc:
        raise KeyProblem("key_file") from exc


def _stretch(passphrase: bytes | bytearray, salt: bytes, params: Argon2Params) -> bytearray:
    from argon2.low_level import Type, hash_secret_raw

    return bytearray(
        hash_secret_raw(bytes(passphrase), salt, time_cost=params.time_cost, memory_cost=params.memory_kib, parallelism=params.lanes, hash_len=32, type=Type.ID)
    )


def _recovery_kek(recovery: str, salt: bytes) -> bytearray:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return bytearray(HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=RECOVERY_INFO).derive(recovery.encode("ascii")))


def _seal(kek: bytearray, data_key: bytes | bytearray, aad: bytes) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    try:
        return nonce, AESGCM(bytes(kek)).encrypt(nonce, bytes(data_key), aad)
    finally:
        _zero(kek)


def _open(kek: bytearray, nonce: bytes, sealed: bytes, aad: bytes) -> bytearray | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return bytearray(AESGCM(bytes(kek)).decrypt(nonce, sealed, aad))
    except (InvalidTag, ValueError):
        return None
    finally:
        _zero(kek)


def _zero(buffer: bytearray) -> None:
    for i in range(len(buffer)):
        buffer[i] = 0


@dataclass
class KeyFile:
    """The key file's content: its random ``id`` (the keyring's name for the key), the
    data key's check value and the slots that wrap it."""

    id: str
    check: str
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def new(cls, data_key: bytes | bytearray) -> KeyFile:
        file_id = secrets.token_hex(16)
        return cls(file_id, _check_value(data_key, file_id))

    def matches(self, data_key: bytes | bytearray) -> bool:
        return len(data_key) == 32 and hmac.compare_digest(self.check, _check_value(data_key, self.id))

    def _aad(self, slot: str) -> bytes:
        return f"{FORMAT}|{self.id}|{slot}".encode("ascii")

    def set_passphrase(self, data_key: bytes | bytearray, passphrase: bytes | bytearray, params: Argon2Params | None = None) -> None:
        params = params or DEFAULT_ARGON2
        salt = secrets.token_bytes(16)
        nonce, sealed = _seal(_stretch(passphrase, salt, params), data_key, self._aad("passphrase"))
        self.slots["passphrase"] = {
            "kdf": "argon2id",
            "time_cost": params.time_cost,
            "memory_kib": params.memory_kib,
            "lanes": params.lanes,
            "salt": _b64(salt),
            "aead": "aes-256-gcm",
            "nonce": _b64(nonce),
            "sealed": _b64(sealed),
        }

    def set_recovery(self, data_key: bytes | bytearray, recovery: str) -> None:
        salt = secrets.token_bytes(16)
        nonce, sealed = _seal(_recovery_kek(read_recovery_key(recovery), salt), data_key, self._aad("recovery"))
        self.slots["recovery"] = {"kdf": "hkdf-sha256", "salt": _b64(salt), "aead": "aes-256-gcm", "nonce": _b64(nonce), "sealed": _b64(sealed)}

    def open_with_passphrase(self, passphrase: bytes | bytearray) -> bytearray:
        slot = self.slots.get("passphrase")
        if not isinstance(slot, dict):
            raise KeyProblem("key_file")
        try:
            params = Argon2Params(int(slot["time_cost"]), int(slot["memory_kib"]), int(slot["lanes"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyProblem("key_file") from exc
        if not (1 <= params.time_cost <= 16 and 8 <= params.memory_kib <= 1024 * 1024 and 1 <= params.lanes <= 16):
            raise KeyProblem("key_file")  # a crafted key file does not get to ask for a terabyte or an hour
        kek = _stretch(passphrase, _unb64(slot.get("salt")), params)
        return self._unsealed(_open(kek, _unb64(slot.get("nonce")), _unb64(slot.get("sealed")), self._aad("passphrase")), "wrong_passphrase")

    def open_with_recovery(self, recovery: str) -> bytearray:
        canonical = read_recovery_key(recovery)
        slot = self.slots.get("recovery")
        if not isinstance(slot, dict):
            raise KeyProblem("key_file")
        kek = _recovery_kek(canonical, _unb64(slot.get("salt")))
        return self._unsealed(_open(kek, _unb64(slot.get("nonce")), _unb64(slot.get("sealed")), self._aad("recovery")), "wrong_recovery")

    def _unsealed(self, key: bytearray | None, wrong: str) -> bytearray:
        if key is None:
            raise KeyProblem(wrong)
        if not self.matches(key):
            _zero(key)
            raise KeyProblem("key_file")
        return key

    def to_json(self) -> str:
        from core.store.connection import CIPHER_SETTINGS

        data = {"format": FORMAT, "id": self.id, "check": self.check, "cipher": CIPHER_SETTINGS, "slots": self.slots}
        return json.dumps(data, indent=1, sort_keys=True) + "\n"


def _check_value(data_key: bytes | bytearray, file_id: str) -> str:
    return hmac.new(bytes(data_key), CHECK_LABEL + b"|" + file_id.encode("ascii"), hashlib.sha256).hexdigest()


def read_key_file(path: Path) -> KeyFile:
    """The key file at ``path``; ``FileNotFoundError`` when there is none,
    ``KeyProblem('key_file')`` when it is not one."""
    raw = path.read_bytes()
    if len(raw) > 64 * 1024:
        raise KeyProblem("key_file")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise KeyProblem("key_file") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("slots"), dict):
        raise KeyProblem("key_file")
    file_id, check = data.get("id"), data.get("check")
    if not isinstance(file_id, str) or not isinstance(check, str) or not file_id.isalnum() or not file_id.isascii():
        raise KeyProblem("key_file")
    return KeyFile(file_id, check, dict(data["slots"]))


def write_key_file(path: Path, key_file: KeyFile) -> None:
    """Write ``key_file`` at ``path`` (0600) under a temporary name, flushed, then renamed:
    a killed write leaves the old file or the new one, whole."""
    from core.store.leftovers import partial_name  # a killed write's file is removed later

    tmp = partial_name(path)
    try:
        with tmp.open("wb") as fh:
            fh.write(key_file.to_json().encode("ascii"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk where the platform allows it."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- the OS keyring (optional) -------------------------------------------------------


@contextmanager
def _keyring() -> Iterator[Any]:
    import keyring  # lazy: ~200 ms to import, only when a key file asks for it

    yield keyring


def keyring_get(key_file: KeyFile) -> bytearray | None:
    """The data key kept in the keyring for ``key_file``, if there is one and it is the
    right one; None otherwise (no keyring, an error, nothing kept, a stale key)."""
    try:
        with _keyring() as kr:
            kept = kr.get_password(KEYRING_SERVICE, key_file.id)
    except Exception:  # noqa: BLE001 - any keyring failure means "ask her instead"
        return None
    if not kept:
        return None
    try:
        key = bytearray(bytes.fromhex(kept))
    except ValueError:
        return None
    if not key_file.matches(key):
        _zero(key)
        return None
    return key


def keyring_put(key_file: KeyFile, data_key: bytes | bytearray) -> bool:
    """Keep the data key in the keyring; False when there is none or it refused."""
    try:
        with _keyring() as kr:
            kr.set_password(KEYRING_SERVICE, key_file.id, bytes(data_key).hex())
    except Exception:  # noqa: BLE001 - no keyring: the passphrase is asked each time
        return False
    return True


def keyring_forget(key_file: KeyFile) -> None:
    try:
        with _keyring() as kr:
            kr.delete_password(KEYRING_SERVICE, key_file.id)
    except Exception:  # noqa: BLE001 - nothing kept, or no keyring
        pass
