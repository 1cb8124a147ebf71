"""Encryption at rest (issue 28), in the store: what an encrypted file, its backups and its
key file give away (nothing planted), what a wrong passphrase or recovery key gets (a
clear refusal, any number of times), the recovery key opening the file and setting a new
passphrase, the OS keyring present, absent and holding a stale key, conversions killed at
random moments, crafted files that come encrypted, and the crash and property suites run
on an encrypted database."""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from core.clock import FixedClock
from core.store import BackupInvalid, ForeignSchema, NotADatabase, Store, connection, crypt, keys, open_store, restore, verify_file
from core.store.errors import KeyFileProblem, PassphraseNeeded, StoreError, WrongPassphrase
from core.store.paths import is_encrypted, key_file_of
from tests.conftest import crash_harness
from tests.core.test_store import incidents
from tests.fixtures.hostile_backups import HOSTILE, build

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
CHEAP = keys.Argon2Params(1, 1024, 1)  # the real costs are measured in tests/benchmarks/bench_crypt.py
PASSPHRASE = "门诊系统 2026 口令"
TITLE = "PLANTED-TITLE-勒索事件-7f3a"
PHONE = "13912345678"
ATTACHMENT = b"PLANTED-ATTACHMENT-evidence-log-line-9c41"
PLANTED = (TITLE.encode(), TITLE.encode("utf-16-le"), PHONE.encode(), ATTACHMENT)


def example() -> dict[str, Any]:
    return json.loads((ROOT / "resources/examples/clinic-ransomware.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def no_keys_held() -> Iterator[None]:
    """Each test starts and ends with no key held in this process, nothing offered, and
    no keyring (never the machine's own)."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
    crypt.offer(crypt.Offer())
    for name in list(connection._held):
        connection.forget(name)


class MemoryKeyring:
    """A keyring backend in memory (the ``keyring`` package's interface)."""

    priority = 1

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.kept:
            raise PasswordDeleteError(username)
        del self.kept[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[Any]:
    import keyring
    from keyring.backend import KeyringBackend

    backend_class = type("TestKeyring", (MemoryKeyring, KeyringBackend), {})
    before = keyring.get_keyring()
    backend = backend_class()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> None:
    """No keyring (``no_keys_held`` sets keyring's own "fail" backend for every test)."""


def planted_db(path: Path, tmp_path: Path) -> str:
    store = open_store(path, FixedClock(T0))
    incident_id = store.import_document(example())
    store.set_fields(incident_id, {"title": TITLE, "reporter.contact_phone": PHONE})
    evidence = tmp_path / "evidence.log"
    evidence.write_bytes(ATTACHMENT * 20)
    store.add_attachment(incident_id, evidence)
    evidence.unlink()
    store.close()
    return incident_id


def encrypted_db(tmp_path: Path) -> tuple[Path, str, crypt.Encrypted]:
    db = tmp_path / "data" / "incidents.sqlite3"
    incident_id = planted_db(db, tmp_path)
    result = crypt.encrypt(db, PASSPHRASE, clock=FixedClock(T0), params=CHEAP)
    return db, incident_id, result


def locked(db: Path) -> Path:
    """Forget the key: the file is read from disk alone, as by the next process."""
    connection.forget(db)
    return db


def files_beside(db: Path) -> list[Path]:
    return sorted(p for p in db.parent.iterdir() if p.is_file())


def test_an_encrypted_file_its_backup_and_its_key_file_hold_none_of_the_planted_strings(tmp_path: Path) -> None:
    db, incident_id, _ = encrypted_db(tmp_path)
    store = open_store(db, FixedClock(T0))
    store.set_field(incident_id, "harm", TITLE)  # a write after encryption: into the -wal
    assert any(p.name.endswith("-wal") for p in files_beside(db))
    backup = store.backup(tmp_path / "backups" / "b.sqlite3")
    assert store.get_incident(incident_id)["title"] == TITLE
    assert store.attachment_content(store.attachments(incident_id)[0]["id"]) == ATTACHMENT * 20
    everything = files_beside(db) + [backup, key_file_of(backup)]
    assert key_file_of(db) in everything and key_file_of(backup).is_file()
    for path in everything:
        content = path.read_bytes()
        for planted in PLANTED:
            assert planted not in content, f"{planted!r} found in {path.name}"
    store.close()
    for path in files_beside(db):  # closed: the -wal folded into the file
        assert all(planted not in path.read_bytes() for planted in PLANTED)
    assert not db.read_bytes().startswith(b"SQLite format 3")


def test_a_plain_database_keeps_opening_without_any_key_and_without_sqlcipher(tmp_path: Path) -> None:
    import subprocess

    db = tmp_path / "plain.sqlite3"
    planted_db(db, tmp_path)
    code = (
        "import sys; from core.store import open_store; s = open_store(sys.argv[1]); import datetime as d; s.list_incidents(d.datetime.now(d.UTC)); "
        "s.close(); print('sqlcipher3' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"  # a user who never turns it on loads nothing more
    assert not is_encrypted(db) and TITLE.encode() in db.read_bytes()


def test_without_its_key_an_encrypted_file_asks_for_it_on_every_path(tmp_path: Path) -> None:
    db, _, _ = encrypted_db(tmp_path)
    locked(db)
    for attempt in (lambda: open_store(db), lambda: open_store(db, readonly=True), lambda: verify_file(db)):
        with pytest.raises(PassphraseNeeded) as caught:
            attempt()
        assert "需要口令" in str(caught.value)
        assert "needs its passphrase" in caught.value.message("en")


def test_five_wrong_passphrases_change_nothing_and_the_right_one_then_opens(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    db, incident_id, _ = encrypted_db(tmp_path)
    locked(db)
    before = {p.name: p.read_bytes() for p in files_beside(db)}
    for wrong in ("门诊系统 2025 口令", "", PASSPHRASE + " ", "password", PASSPHRASE.replace("2026", "2O26")):
        with pytest.raises(WrongPassphrase) as caught:
            crypt.unlock(db, passphrase=wrong, use_keyring=False)
        assert "口令不正确" in str(caught.value) and "the passphrase is wrong" in caught.value.message("en")
        assert PASSPHRASE not in str(caught.value) and PASSPHRASE not in caught.value.message("en")
    assert {p.name: p.read_bytes() for p in files_beside(db)} == before
    assert crypt.unlock(db, passphrase=PASSPHRASE, use_keyring=False) == "passphrase"
    store = open_store(db, readonly=True)
    assert store.get_incident(incident_id)["title"] == TITLE
    store.close()
    captured = capfd.readouterr()
    assert "hmac" not in captured.err.lower() and "sqlcipher" not in captured.err.lower()


def test_a_key_that_does_not_fit_the_file_prints_nothing_of_sqlcipher_and_is_said_as_the_wrong_key_file(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    db, _, _ = encrypted_db(tmp_path)
    other = tmp_path / "other" / "incidents.sqlite3"
    planted_db(other, tmp_path)
    crypt.encrypt(other, "another passphrase", params=CHEAP)
    locked(db)
    key_file_of(db).write_bytes(key_file_of(other).read_bytes())  # another database's key file
    with pytest.raises(KeyFileProblem) as caught:
        crypt.unlock(db, passphrase="another passphrase", use_keyring=False)
    assert "不属于此数据库" in str(caught.value)
    assert "sqlcipher" not in capfd.readouterr().err.lower()


def test_a_wrong_or_mistyped_recovery_key_is_refused_clearly(tmp_path: Path) -> None:
    db, _, result = encrypted_db(tmp_path)
    locked(db)
    another = keys.new_recovery_key()
    with pytest.raises(WrongPassphrase) as caught:
        crypt.unlock(db, recovery_key=another)
    assert "恢复密钥不正确" in str(caught.value) and "the recovery key is wrong" in caught.value.message("en")
    mistyped = result.recovery_key[:-1] + ("A" if result.recovery_key[-1] != "A" else "B")
    with pytest.raises(WrongPassphrase) as caught:
        crypt.unlock(db, recovery_key=mistyped)
    assert "恢复密钥格式不对" in str(caught.value)
    with pytest.raises(WrongPassphrase):
        crypt.unlock(db, recovery_key="not a key")


def test_the_recovery_key_is_eight_groups_of_four_and_forgives_how_it_is_typed(tmp_path: Path) -> None:
    db, incident_id, result = encrypted_db(tmp_path)
    groups = result.recovery_key.split("-")
    assert len(groups) == 8 and all(len(g) == 4 and set(g) <= set(keys.ALPHABET) for g in groups)
    locked(db)
    typed = " ".join(groups).lower().replace("0", "o").replace("1", "l")
    assert crypt.unlock(db, recovery_key=typed) == "recovery"
    store = open_store(db, readonly=True)
    assert store.get_incident(incident_id)["title"] == TITLE
    store.close()


def test_the_recovery_key_opens_the_file_and_sets_a_new_passphrase_the_old_one_then_refused(tmp_path: Path) -> None:
    db, incident_id, result = encrypted_db(tmp_path)
    locked(db)
    crypt.unlock(db, recovery_key=result.recovery_key)
    crypt.change_passphrase(db, "新的口令 new one", params=CHEAP)
    locked(db)
    with pytest.raises(WrongPassphrase):
        crypt.unlock(db, passphrase=PASSPHRASE)
    crypt.unlock(db, passphrase="新的口令 new one")
    store = open_store(db)
    assert store.get_incident(incident_id)["title"] == TITLE and store.verify().ok
    store.close()
    locked(db)
    assert crypt.unlock(db, recovery_key=result.recovery_key) == "recovery"  # it stays valid


def test_a_new_passphrase_of_fewer_than_eight_characters_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "incidents.sqlite3"
    planted_db(db, tmp_path)
    with pytest.raises(StoreError) as caught:
        crypt.encrypt(db, "short", params=CHEAP)
    assert "至少 8 个字符" in str(caught.value)
    assert not is_encrypted(db) and not key_file_of(db).exists()


def test_the_keyring_when_present_opens_without_asking(tmp_path: Path, memory_keyring: Any) -> None:
    db, incident_id, _ = encrypted_db(tmp_path)
    locked(db)
    crypt.unlock(db, passphrase=PASSPHRASE, remember=True)
    (kept,) = memory_keyring.kept.values()
    assert len(kept) == 64 and kept not in key_file_of(db).read_text()
    locked(db)
    assert crypt.unlock(db) == "keyring"
    store = open_store(db, readonly=True)
    assert store.get_incident(incident_id)["title"] == TITLE
    store.close()


def test_no_keyring_means_asking_not_a_lock_out(tmp_path: Path, no_keyring: None) -> None:
    db, _, _ = encrypted_db(tmp_path)
    locked(db)
    assert crypt.unlock(db, passphrase=PASSPHRASE, remember=True) == "passphrase"  # remembering silently not possible
    locked(db)
    with pytest.raises(PassphraseNeeded):
        crypt.unlock(db)
    assert crypt.unlock(db, passphrase=PASSPHRASE) == "passphrase"


def test_a_stale_key_in_the_keyring_means_asking_and_the_passphrase_still_opens(tmp_path: Path, memory_keyring: Any) -> None:
    db, _, result = encrypted_db(tmp_path)
    locked(db)
    crypt.unlock(db, passphrase=PASSPHRASE, remember=True)
    ((name, _),) = memory_keyring.kept.items()
    memory_keyring.kept[name] = "ab" * 32  # another key under this file's name
    locked(db)
    with pytest.raises(PassphraseNeeded):
        crypt.unlock(db)
    memory_keyring.kept[name] = "not hex"
    with pytest.raises(PassphraseNeeded):
        crypt.unlock(db)
    assert crypt.unlock(db, recovery_key=result.recovery_key) == "recovery"


def test_a_keyring_that_fails_is_as_no_keyring(tmp_path: Path, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    db, _, _ = encrypted_db(tmp_path)
    locked(db)

    def broken(*_args: object) -> None:
        raise RuntimeError("the Secret Service is locked")

    monkeypatch.setattr(memory_keyring, "get_password", broken)
    with pytest.raises(PassphraseNeeded):
        crypt.unlock(db)


def test_secrets_offered_once_open_every_encrypted_file_met_and_a_wrong_one_is_said(tmp_path: Path) -> None:
    db, incident_id, _ = encrypted_db(tmp_path)
    locked(db)
    crypt.offer(crypt.Offer(passphrase="wrong passphrase"))
    with pytest.raises(WrongPassphrase):
        open_store(db, readonly=True)
    crypt.offer(crypt.Offer(passphrase=PASSPHRASE))
    store = open_store(db, readonly=True)  # unlocked on demand, as the command line does
    assert store.get_incident(incident_id)["title"] == TITLE
    store.close()
    assert verify_file(locked(db)).ok


def test_a_conversion_tells_its_progress_up_to_the_end(tmp_path: Path) -> None:
    db = tmp_path / "incidents.sqlite3"
    planted_db(db, tmp_path)
    told: list[float] = []
    crypt.encrypt(db, PASSPHRASE, params=CHEAP, progress=told.append)
    assert told and told[-1] == 1.0 and told == sorted(told)
    told.clear()
    crypt.decrypt(db, progress=told.append)
    assert told[-1] == 1.0


def test_decrypting_writes_a_plain_file_and_removes_the_key_file_and_keyring_copy(tmp_path: Path, memory_keyring: Any) -> None:
    db, incident_id, _ = encrypted_db(tmp_path)
    locked(db)
    crypt.unlock(db, passphrase=PASSPHRASE, remember=True)
    assert memory_keyring.kept
    assert crypt.decrypt(db, clock=FixedClock(T0)) is None
    assert not is_encrypted(db) and not key_file_of(db).exists() and not memory_keyring.kept
    locked(db)
    store = open_store(db)
    assert store.get_incident(incident_id)["title"] == TITLE and store.verify().ok
    store.close()
    assert TITLE.encode() in db.read_bytes()


def test_the_old_file_is_kept_only_when_asked_and_a_kept_encrypted_copy_has_its_key_file(tmp_path: Path) -> None:
    db, _, _ = encrypted_db(tmp_path)
    assert not [p for p in files_beside(db) if ".before-" in p.name]  # the plain file is gone
    kept = crypt.decrypt(db, clock=FixedClock(T0), keep_old=True)
    assert kept is not None and key_file_of(kept).is_file()
    locked(kept)
    crypt.unlock(kept, passphrase=PASSPHRASE)
    assert verify_file(kept).ok


def test_encrypting_twice_or_decrypting_a_plain_file_is_said_plainly(tmp_path: Path) -> None:
    db, _, _ = encrypted_db(tmp_path)
    with pytest.raises(StoreError, match="已经加密"):
        crypt.encrypt(db, PASSPHRASE, params=CHEAP)
    crypt.decrypt(db)
    with pytest.raises(StoreError, match="没有加密"):
        crypt.decrypt(db)


def test_a_lost_key_file_is_said_with_the_way_back_and_a_backups_key_file_brings_it_back(tmp_path: Path) -> None:
    db, incident_id, result = encrypted_db(tmp_path)
    store = open_store(db)
    backup = store.backup(tmp_path / "b.sqlite3")
    store.close()
    locked(db)
    key_file_of(db).unlink()
    with pytest.raises(NotADatabase):
        open_store(db)  # without its key file, the file is bytes like any other
    with pytest.raises(KeyFileProblem) as caught:
        crypt.unlock(db, recovery_key=result.recovery_key)
    assert "密钥文件" in str(caught.value) and "数据无法恢复" in str(caught.value)
    key_file_of(db).write_bytes(key_file_of(backup).read_bytes())
    crypt.unlock(db, recovery_key=result.recovery_key)
    store = open_store(db)
    assert store.get_incident(incident_id)["title"] == TITLE
    store.close()


def test_a_damaged_key_file_is_said_as_such(tmp_path: Path) -> None:
    db, _, _ = encrypted_db(tmp_path)
    locked(db)
    for content in (b"{", b"[]", json.dumps({"format": keys.FORMAT, "id": "x", "check": "y", "slots": {}}).encode(), b"\x00" * 10):
        key_file_of(db).write_bytes(content)
        with pytest.raises(KeyFileProblem, match="已损坏"):
            crypt.unlock(db, passphrase=PASSPHRASE)


def test_a_crafted_key_file_cannot_ask_for_a_terabyte_of_memory(tmp_path: Path) -> None:
    db, _, _ = encrypted_db(tmp_path)
    locked(db)
    data = json.loads(key_file_of(db).read_text())
    data["slots"]["passphrase"]["memory_kib"] = 2**40
    key_file_of(db).write_text(json.dumps(data))
    with pytest.raises(KeyFileProblem):
        crypt.unlock(db, passphrase=PASSPHRASE)


def test_an_encrypted_backup_restores_with_its_passphrase_and_stays_encrypted(tmp_path: Path) -> None:
    db, incident_id, _ = encrypted_db(tmp_path)
    store = open_store(db, FixedClock(T0))
    backup = store.backup(tmp_path / "b.sqlite3")
    store.set_field(incident_id, "title", "after the backup")
    store.close()
    fresh = tmp_path / "elsewhere" / "incidents.sqlite3"
    assert crypt.unlock(locked(backup)) == "held"  # the database's key, held, opens its backups
    locked(db)
    with pytest.raises(PassphraseNeeded):
        restore(fresh, locked(backup), FixedClock(T0))
    with pytest.raises(WrongPassphrase):
        crypt.unlock(backup, passphrase="wrong passphrase")
    crypt.unlock(backup, passphrase=PASSPHRASE)
    assert restore(fresh, backup, FixedClock(T0)) is None
    assert is_encrypted(fresh) and all(p not in fresh.read_bytes() for p in PLANTED)
    locked(fresh)
    crypt.unlock(fresh, passphrase=PASSPHRASE)
    store = open_store(fresh)
    assert store.get_incident(incident_id)["title"] == TITLE and store.verify().ok
    store.close()
    crypt.unlock(db, passphrase=PASSPHRASE)
    kept = restore(db, backup, FixedClock(T0))  # over the encrypted original: same key, copied in
    assert kept is not None and key_file_of(kept).is_file()
    store = open_store(db)
    assert store.get_incident(incident_id)["title"] == TITLE
    store.close()


def test_an_encrypted_backup_restored_over_a_plain_database_brings_its_key_file(tmp_path: Path) -> None:
    db, incident_id, _ = encrypted_db(tmp_path)
    store = open_store(db, FixedClock(T0))
    backup = store.backup(tmp_path / "b.sqlite3")
    store.close()
    plain = tmp_path / "plain" / "incidents.sqlite3"
    planted_db(plain, tmp_path)
    crypt.unlock(backup, passphrase=PASSPHRASE)
    kept = restore(plain, backup, FixedClock(T0))
    assert kept is not None and not is_encrypted(kept) and is_encrypted(plain)
    locked(plain)
    crypt.unlock(plain, passphrase=PASSPHRASE)
    assert verify_file(plain).ok


def test_a_plain_backup_restored_over_an_encrypted_database_stays_encrypted(tmp_path: Path) -> None:
    plain_db = tmp_path / "old" / "incidents.sqlite3"
    planted_db(plain_db, tmp_path)
    store = open_store(plain_db, FixedClock(T0))
    plain_backup = store.backup(tmp_path / "plain-backup.sqlite3")
    store.close()
    db, _, _ = encrypted_db(tmp_path)
    locked(db)
    with pytest.raises(PassphraseNeeded):
        restore(db, plain_backup, FixedClock(T0))
    crypt.unlock(db, passphrase=PASSPHRASE)
    restore(db, plain_backup, FixedClock(T0))
    assert is_encrypted(db) and all(p not in db.read_bytes() for p in PLANTED)


def test_backup_plain_writes_a_clear_copy_only_when_asked(tmp_path: Path) -> None:
    db, incident_id, _ = encrypted_db(tmp_path)
    store = open_store(db, FixedClock(T0))
    from core.store.verifying import backup as backup_file

    clear = backup_file(store, tmp_path / "clear.sqlite3", plain=True)
    store.close()
    assert clear.read_bytes().startswith(b"SQLite format 3") and not key_file_of(clear).exists()
    assert verify_file(clear).ok
    check = open_store(clear, readonly=True)
    assert check.get_incident(incident_id)["title"] == TITLE
    check.close()


def encrypt_raw(plain: Path, out: Path, passphrase: str) -> None:
    """Encrypt ``plain`` into ``out`` with SQLCipher directly and write a valid key file:
    an attacker who crafts an encrypted backup with a key of her own."""
    data_key = keys.new_data_key()
    conn = connection.cipher().connect(str(plain))
    conn.execute(connection.attach_sql("enc", data_key), (str(out),))
    for statement in connection.attach_settings("enc"):
        conn.execute(statement)
    conn.execute("SELECT sqlcipher_export('enc')").fetchall()
    conn.execute("DETACH DATABASE enc")
    conn.close()
    key_file = keys.KeyFile.new(data_key)
    key_file.set_passphrase(data_key, keys.passphrase_bytes(passphrase), CHEAP)
    key_file.set_recovery(data_key, keys.new_recovery_key())
    keys.write_key_file(key_file_of(out), key_file)


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    store = open_store(folder / "db.sqlite3", FixedClock(T0))
    store.import_document(example())
    out = store.backup(folder / "backup.sqlite3")
    store.close()
    return out


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_crafted_encrypted_file_is_refused_untouched_naming_the_object(kind: str, good_backup: Path, tmp_path: Path) -> None:
    crafted_plain = tmp_path / "crafted-plain.sqlite3"
    name = build(kind, good_backup, crafted_plain)
    crafted = tmp_path / "crafted.sqlite3"
    encrypt_raw(crafted_plain, crafted, "attacker's passphrase")
    crypt.unlock(crafted, passphrase="attacker's passphrase")
    before = crafted.read_bytes()
    with pytest.raises((ForeignSchema, NotADatabase)) as caught:
        open_store(crafted, FixedClock(T0))
    assert name in str(caught.value)
    assert crafted.read_bytes() == before
    result = verify_file(crafted)
    assert not result.ok and name in result.message()
    current = tmp_path / "current" / "incidents.sqlite3"
    planted_db(current, tmp_path)
    with pytest.raises(BackupInvalid) as refused:
        restore(current, crafted, FixedClock(T0))
    assert name in str(refused.value)
    assert not is_encrypted(current) and TITLE.encode() in current.read_bytes()


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=incidents())
def test_any_valid_incident_round_trips_through_an_encrypted_database(encrypted_store: Store, doc: dict[str, Any]) -> None:
    incident_id = encrypted_store.import_document(copy.deepcopy(doc))
    exported = encrypted_store.export_document(incident_id)
    assert exported.pop("id") == incident_id
    exported.pop("number")
    assert exported == {k: v for k, v in doc.items() if k != "number"} | {"schema": "incident-assistant/incident@3"}


@pytest.fixture
def encrypted_store(tmp_path: Path) -> Iterator[Store]:
    db = tmp_path / "enc.sqlite3"
    open_store(db, FixedClock(T0)).close()
    crypt.encrypt(db, PASSPHRASE, params=CHEAP)
    store = open_store(db, FixedClock(T0))
    yield store
    store.close()
    assert store.path.read_bytes()[:16] != b"SQLite format 3\x00"


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_fifty_kill_9s_while_turning_encryption_on_and_off_leave_the_old_or_the_new_file_whole(tmp_path: Path) -> None:
    report = crash_harness().run_conversions(tmp_path / "crash.sqlite3", kills=50, seed=11)
    assert report.kills == 50
    assert report.corruptions == 0 and report.mixed == 0, report.failures
    assert report.plain > 0 and report.encrypted > 0  # kills landed on both sides
    assert report.mid_conversion > 0  # and some in the middle of a conversion


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_kill_9s_during_autosave_on_an_encrypted_database_lose_no_confirmed_edit(tmp_path: Path) -> None:
    report = crash_harness().run(tmp_path / "crash.sqlite3", kills=20, seed=7, min_delay=0.05, max_delay=0.3, encrypted=True)
    assert report.kills == 20
    assert report.corruptions == 0 and report.confirmed_edits_lost == 0, report.failures
    assert report.edits >= 4  # the child really was typing when some kills landed


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_kill_9s_during_the_restore_of_an_encrypted_backup_leave_the_old_or_the_restored_file(tmp_path: Path) -> None:
    report = crash_harness().run_restores(tmp_path / "crash.sqlite3", kills=8, seed=5, encrypted=True)
    assert report.kills == 8
    assert report.corruptions == 0 and report.mixed == 0, report.failures
    assert report.staging_left == 0
