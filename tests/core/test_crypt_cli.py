"""Encryption at rest on the command line (product.md §9.5, issue 28): ``encrypt`` prints
the recovery key once, every command works on an encrypted file given its passphrase
(``--passphrase-file`` before or after the command, or the environment variable), its
recovery key (``--recovery-key-file``), and without one or with a wrong one ends with exit
2 and one line saying so, in Chinese or English; ``change-passphrase``, ``decrypt``,
``backup --plain`` and the restore of an encrypted backup. The passphrase never appears in
any output. Each call starts as a new process would: no key held, nothing offered."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.cli import main as cli_main
from core.store import connection, crypt
from core.store.paths import is_encrypted, key_file_of

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources/examples/clinic-ransomware.json"
PASSPHRASE = "诊所的口令 correct horse"
RECOVERY = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$")


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # never the machine's own keyring
    monkeypatch.delenv("INCIDENT_ASSISTANT_PASSPHRASE_FILE", raising=False)
    monkeypatch.delenv("INCIDENT_ASSISTANT_DB", raising=False)
    monkeypatch.setattr("core.store.keys.DEFAULT_ARGON2", crypt.keys.Argon2Params(1, 1024, 1))  # the real costs: bench_crypt.py
    yield
    keyring.set_keyring(before)
    _forget_all()


def _forget_all() -> None:
    crypt.offer(crypt.Offer())
    for name in list(connection._held):
        connection.forget(name)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """One command as its own process would run it."""
    _forget_all()
    code = cli_main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert PASSPHRASE not in out + err
    return code, out, err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    found = {"db": tmp_path / "data" / "incidents.sqlite3"}
    for name, text in (("pass", PASSPHRASE), ("wrong", "not the passphrase"), ("new", "一个新的口令 2027"), ("short", "short")):
        found[name] = tmp_path / f"{name}.txt"
        found[name].write_text(text + "\n", encoding="utf-8")
    return found


def encrypted(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> tuple[str, str]:
    """An encrypted database holding the example; returns the incident id and the recovery key."""
    code, out, _ = run(capsys, "--db", files["db"], "import", EXAMPLE)
    assert code == 0
    incident_id = out.strip().splitlines()[-1]
    code, out, err = run(capsys, "--db", files["db"], "encrypt", "--passphrase-file", files["pass"])
    assert code == 0, err
    (recovery,) = [line for line in out.splitlines() if RECOVERY.match(line)]
    return incident_id, recovery


def test_encrypt_prints_the_recovery_key_once_and_leaves_no_readable_title(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    _, recovery = encrypted(capsys, files)
    db = files["db"]
    assert is_encrypted(db) and key_file_of(db).is_file()
    assert "门诊".encode() not in db.read_bytes() and recovery not in key_file_of(db).read_text()
    code, out, _ = run(capsys, "--db", db, "list", "--passphrase-file", files["pass"])
    assert code == 0 and "门诊" in out and recovery not in out


def test_encrypt_without_a_passphrase_file_or_with_a_short_one_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    run(capsys, "--db", files["db"], "import", EXAMPLE)
    code, out, err = run(capsys, "--db", files["db"], "encrypt")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--passphrase-file" in err
    code, _, err = run(capsys, "--db", files["db"], "encrypt", "--passphrase-file", files["short"])
    assert code == 2 and "至少 8 个字符" in err
    code, _, err = run(capsys, "--lang", "en", "--db", files["db"], "encrypt", "--passphrase-file", files["db"].parent / "missing.txt")
    assert code == 2 and err.startswith("Error: --passphrase-file: ") and "does not exist" in err
    assert not is_encrypted(files["db"])


@pytest.mark.parametrize(
    "command",
    [["list"], ["list", "--json"], ["verify"], ["export", "{id}", "-o", "-"], ["check", "{id}", "--json"], ["import", str(EXAMPLE), "--new-id"]],
    ids=lambda c: c[0] + ("-json" if "--json" in c else ""),
)
def test_every_command_needs_the_key_says_so_in_one_line_and_works_with_it(
    command: list[str], capsys: pytest.CaptureFixture[str], files: dict[str, Path]
) -> None:
    incident_id, _ = encrypted(capsys, files)
    argv = [a.replace("{id}", incident_id) for a in command]
    db = files["db"]
    code, out, err = run(capsys, "--db", db, *argv)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "需要口令" in err
    code, out, err = run(capsys, "--lang", "en", "--db", db, *argv)
    assert code == 2 and "needs its passphrase" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "--db", db, *argv, "--passphrase-file", files["wrong"])
    assert code == 2 and "口令不正确" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "--passphrase-file", files["pass"], "--db", db, *argv)  # before the command
    assert code == 0, err
    code, out, err = run(capsys, "--db", db, *argv, "--passphrase-file", files["pass"])  # after it
    assert code == 0, err


def test_the_environment_variable_names_the_passphrase_file(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    encrypted(capsys, files)
    monkeypatch.setenv("INCIDENT_ASSISTANT_PASSPHRASE_FILE", str(files["pass"]))
    code, out, err = run(capsys, "--db", files["db"], "list")
    assert code == 0 and "门诊" in out, err
    code, _, err = run(capsys, "--db", files["db"], "list", "--passphrase-file", files["wrong"])  # the option wins
    assert code == 2 and "口令不正确" in err


def test_the_recovery_key_opens_and_sets_a_new_passphrase_and_the_old_one_is_then_wrong(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    _, recovery = encrypted(capsys, files)
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(recovery.lower().replace("-", " ") + "\r\n", encoding="utf-8")
    db = files["db"]
    code, out, err = run(capsys, "--db", db, "list", "--recovery-key-file", key_file)
    assert code == 0 and "门诊" in out, err
    wrong_key = tmp_path / "wrong-recovery.txt"
    wrong_key.write_text(crypt.keys.new_recovery_key(), encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "list", "--recovery-key-file", wrong_key)
    assert code == 2 and "恢复密钥不正确" in err
    code, out, err = run(capsys, "--db", db, "change-passphrase", "--new-passphrase-file", files["new"], "--recovery-key-file", key_file)
    assert code == 0 and "恢复密钥不变" in out, err
    code, _, err = run(capsys, "--db", db, "list", "--passphrase-file", files["pass"])
    assert code == 2 and "口令不正确" in err
    code, out, _ = run(capsys, "--db", db, "list", "--passphrase-file", files["new"])
    assert code == 0 and "门诊" in out


def test_backups_stay_encrypted_a_plain_one_only_when_asked_and_restore_needs_the_key(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], tmp_path: Path
) -> None:
    incident_id, _ = encrypted(capsys, files)
    db, backup, clear = files["db"], tmp_path / "backup.sqlite3", tmp_path / "clear.sqlite3"
    code, out, err = run(capsys, "--db", db, "backup", backup, "--passphrase-file", files["pass"])
    assert code == 0 and ".keys" in out, err
    assert is_encrypted(backup) and "门诊".encode() not in backup.read_bytes()
    code, _, err = run(capsys, "--db", db, "backup", clear, "--plain", "--passphrase-file", files["pass"])
    assert code == 0 and "未加密" in err and "门诊".encode() in clear.read_bytes()
    code, _, err = run(capsys, "--db", db, "change-passphrase", "--new-passphrase-file", files["new"], "--passphrase-file", files["pass"])
    assert code == 0, err
    code, _, err = run(capsys, "--db", db, "restore", backup)
    assert code == 2 and "需要口令" in err
    code, out, err = run(capsys, "--db", db, "restore", backup, "--passphrase-file", files["new"])  # the backup has the same data key
    assert code == 0 and "恢复" in out, err
    code, out, _ = run(capsys, "--db", db, "export", incident_id, "-o", "-", "--passphrase-file", files["new"])
    assert code == 0 and json.loads(out)["id"] == incident_id


def test_decrypt_writes_a_plain_file_that_opens_without_a_key(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    encrypted(capsys, files)
    db = files["db"]
    code, _, err = run(capsys, "--db", db, "decrypt")
    assert code == 2 and "需要口令" in err and is_encrypted(db)
    code, out, err = run(capsys, "--db", db, "decrypt", "--passphrase-file", files["pass"])
    assert code == 0 and "已解密" in out, err
    assert not is_encrypted(db) and not key_file_of(db).exists()
    code, out, _ = run(capsys, "--db", db, "list")
    assert code == 0 and "门诊" in out
    code, _, err = run(capsys, "--db", db, "decrypt")
    assert code == 2 and "没有加密" in err


def test_a_plain_database_needs_no_key_and_a_passphrase_file_given_changes_nothing(capsys: pytest.CaptureFixture[str], files: dict[str, Path]) -> None:
    run(capsys, "--db", files["db"], "import", EXAMPLE)
    code, out, _ = run(capsys, "--db", files["db"], "list", "--passphrase-file", files["pass"])
    assert code == 0 and "门诊" in out and not is_encrypted(files["db"])


def test_the_help_lists_the_encryption_commands_and_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli_main(["--help"])
    out = capsys.readouterr().out
    for word in ("encrypt", "decrypt", "change-passphrase", "--passphrase-file", "--recovery-key-file"):
        assert word in out
