"""Encryption at rest on the command line (product.md §9.5, issue 28): ``encrypt``,
``decrypt``, ``change-passphrase --new-passphrase-file FILE``, and the options every
command that touches the database takes, before or after the subcommand like ``--db``:
``--passphrase-file FILE`` (or the environment variable
``INCIDENT_ASSISTANT_PASSPHRASE_FILE``), ``--recovery-key-file FILE`` and ``--remember``.
A passphrase is never an argument: it is read from a file. The secrets read are offered
to core once (``core.service.offer_secrets``), which uses them for each encrypted file
a command opens (the database, a backup being restored); with none, the OS keyring is
asked. Without a key that fits, the command ends with exit 2 and one line saying a
passphrase is needed or is wrong; the secret itself never appears in any output.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from core.cli.common import CliError, out_err, said_line
from core.cli.lang import t

PASSPHRASE_FILE_ENV = "INCIDENT_ASSISTANT_PASSPHRASE_FILE"
PASSPHRASE_FILE = "--passphrase-file"
RECOVERY_KEY_FILE = "--recovery-key-file"
REMEMBER = "--remember"
MAX_SECRET_BYTES = 4096


def add_key_options(command: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--passphrase-file``, ``--recovery-key-file`` and ``--remember`` on the main parser
    (``top``) or a subcommand; as with ``--db``, one given after the subcommand wins."""
    suppress: dict[str, Any] = {} if top else {"default": argparse.SUPPRESS}
    if PASSPHRASE_FILE not in command._option_string_actions:  # argparse has no public lookup
        command.add_argument(
            PASSPHRASE_FILE,
            metavar="FILE",
            help=t(
                f"加密数据库的口令所在的文件（口令不写在命令行上；也可用环境变量 {PASSPHRASE_FILE_ENV}）",
                f"file holding the encrypted database's passphrase (never the passphrase itself on the command line; or set {PASSPHRASE_FILE_ENV})",
            ),
            **suppress,
        )
    if RECOVERY_KEY_FILE not in command._option_string_actions:
        command.add_argument(
            RECOVERY_KEY_FILE,
            metavar="FILE",
            help=t("用恢复密钥打开加密数据库：恢复密钥所在的文件", "open an encrypted database with its recovery key, read from this file"),
            **suppress,
        )
    if REMEMBER not in command._option_string_actions:
        command.add_argument(
            REMEMBER,
            action="store_true",
            help=t(
                "打开后把数据库密钥存入本账户的系统钥匙串，以后不再询问口令",
                "keep the database key in this account's keyring once opened, so the passphrase is not asked again",
            ),
            **suppress,
        )


def read_secret(path_text: str, option: str) -> str:
    """The secret in the file ``path_text``: UTF-8 (a byte-order mark and one line ending at
    the end are dropped). ``CliError`` naming ``option`` when it cannot be read or is empty."""
    path = Path(path_text).expanduser()
    try:
        if not path.is_file():
            raise CliError(t(f"{option}：{path} 不存在或不是文件", f"{option}: {path} does not exist or is not a file"))
        raw = path.read_bytes()[: MAX_SECRET_BYTES + 1]
    except OSError as exc:
        raise CliError(t(f"{option}：无法读取 {path}（{exc.strerror or exc}）", f"{option}: cannot read {path} ({exc.strerror or exc})")) from None
    if len(raw) > MAX_SECRET_BYTES:
        raise CliError(t(f"{option}：{path} 过大（应只有口令一行）", f"{option}: {path} is too large (it should hold the passphrase alone)"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(t(f"{option}：{path} 不是 UTF-8 文本", f"{option}: {path} is not UTF-8 text")) from None
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    if not text:
        raise CliError(t(f"{option}：{path} 是空的", f"{option}: {path} is empty"))
    return text


def passphrase_from(args: argparse.Namespace) -> str | None:
    """The passphrase given with ``--passphrase-file``, else the environment variable's file."""
    given = getattr(args, "passphrase_file", None)
    if given:
        return read_secret(given, PASSPHRASE_FILE)
    env = os.environ.get(PASSPHRASE_FILE_ENV)
    return read_secret(env, PASSPHRASE_FILE_ENV) if env else None


def offer_from_args(args: argparse.Namespace) -> None:
    """Offer the secrets given to core before the command runs (nothing is read from a
    database here, so a command that never opens one does not need them)."""
    from core.service import Offer, offer_secrets

    recovery_file = getattr(args, "recovery_key_file", None)
    offer_secrets(
        Offer(
            passphrase=passphrase_from(args),
            recovery_key=read_secret(recovery_file, RECOVERY_KEY_FILE) if recovery_file else None,
            remember=bool(getattr(args, "remember", False)),
        )
    )


def register(sub: Any) -> None:
    p = sub.add_parser(
        "encrypt",
        help=t("加密数据库（口令来自 --passphrase-file）", "encrypt the database (the passphrase from --passphrase-file)"),
        description=t(
            "用 --passphrase-file 文件中的口令（至少 8 个字符）加密数据库，并只显示一次恢复密钥。口令和恢复密钥都丢失时，任何人都无法恢复数据。",
            "Encrypt the database with the passphrase in the --passphrase-file file (at least 8 characters) and show the recovery key once. "
            "If both the passphrase and the recovery key are lost, nobody can recover the data.",
        ),
    )
    p.add_argument("--keep-old", action="store_true", help=t("另存未加密的原文件（默认不保留）", "keep the plain file as a copy (not kept by default)"))
    p.set_defaults(run=run_encrypt)

    p = sub.add_parser(
        "decrypt",
        help=t("把加密数据库写回为未加密文件", "write the encrypted database back as a plain file"),
        description=t(
            "用口令或恢复密钥打开加密数据库，把它写回为未加密的文件。",
            "Open the encrypted database with its passphrase or recovery key and write it back as a plain file.",
        ),
    )
    p.add_argument("--keep-old", action="store_true", help=t("另存加密的原文件及其密钥文件", "keep the encrypted file, with its key file, as a copy"))
    p.set_defaults(run=run_decrypt)

    p = sub.add_parser(
        "change-passphrase",
        help=t("更改加密数据库的口令", "change the encrypted database's passphrase"),
        description=t(
            "用现在的口令（--passphrase-file）或恢复密钥（--recovery-key-file）打开，改用新口令；恢复密钥不变。",
            "Open with the current passphrase (--passphrase-file) or the recovery key (--recovery-key-file) and set a new passphrase; "
            "the recovery key stays the same.",
        ),
    )
    p.add_argument("--new-passphrase-file", metavar="FILE", required=True, help=t("新口令所在的文件", "file holding the new passphrase"))
    p.set_defaults(run=run_change_passphrase)


def _existing(args: argparse.Namespace) -> Path:
    from core.service import database_path

    path = database_path(args.db)
    if not path.is_file():
        raise CliError(t(f"数据库文件 {path} 不存在", f"the database file {path} does not exist"))
    return path


def run_encrypt(args: argparse.Namespace) -> int:
    from core.service import StoreError, encrypt_database

    passphrase = passphrase_from(args)
    if passphrase is None:
        raise CliError(
            t(
                f"encrypt 需要新口令：把口令写入一个只有你能读的文件，用 {PASSPHRASE_FILE} 文件 给出",
                f"encrypt needs the new passphrase: write it into a file only you can read and give {PASSPHRASE_FILE} FILE",
            )
        )
    path = _existing(args)
    try:
        result = encrypt_database(path, passphrase, keep_old=args.keep_old, remember=bool(getattr(args, "remember", False)))
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    print(t(f"已加密：{path}", f"Encrypted: {path}"))
    print(
        t(
            "恢复密钥（只显示这一次；请抄写或打印，与电脑分开保管。忘记口令时用它打开数据库。口令和恢复密钥都丢失时，数据无法恢复）：",
            "Recovery key (shown this once; write it down or print it and keep it away from the computer. It opens the database "
            "when the passphrase is forgotten. If both are lost, the data cannot be recovered):",
        )
    )
    print(result.recovery_key)
    if result.in_keyring:
        print(t("密钥已存入本账户的系统钥匙串。", "The key is kept in this account's keyring."))
    if result.kept is not None:
        kept = result.kept
        out_err(
            t(
                f"未加密的原文件另存为：{kept}（其中数据未加密；不需要时请删除）",
                f"The plain file is kept as: {kept} (not encrypted; delete it when no longer needed)",
            )
        )
    return 0


def run_decrypt(args: argparse.Namespace) -> int:
    from core.service import StoreError, decrypt_database

    path = _existing(args)
    try:
        kept = decrypt_database(path, keep_old=args.keep_old)
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    print(t(f"已解密：{path}（现在是未加密的文件）", f"Decrypted: {path} (now a plain file)"))
    if kept is not None:
        print(t(f"加密的原文件另存为：{kept}", f"The encrypted file is kept as: {kept}"))
    return 0


def run_change_passphrase(args: argparse.Namespace) -> int:
    from core.service import StoreError, change_passphrase

    new = read_secret(args.new_passphrase_file, "--new-passphrase-file")
    path = _existing(args)
    try:
        change_passphrase(path, new)
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    print(t(f"口令已更改：{path}（恢复密钥不变）", f"Passphrase changed: {path} (the recovery key stays the same)"))
    return 0
