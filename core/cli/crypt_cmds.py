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
from core.cli.lang import say

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
            help=say("help_passphrase_file", env=PASSPHRASE_FILE_ENV),
            **suppress,
        )
    if RECOVERY_KEY_FILE not in command._option_string_actions:
        command.add_argument(
            RECOVERY_KEY_FILE,
            metavar="FILE",
            help=say("help_recovery_key_file"),
            **suppress,
        )
    if REMEMBER not in command._option_string_actions:
        command.add_argument(
            REMEMBER,
            action="store_true",
            help=say("help_remember"),
            **suppress,
        )


def read_secret(path_text: str, option: str) -> str:
    """The secret in the file ``path_text``: UTF-8 (a byte-order mark and one line ending at
    the end are dropped). ``CliError`` naming ``option`` when it cannot be read or is empty."""
    path = Path(path_text).expanduser()
    try:
        if not path.is_file():
            raise CliError(say("cli_secret_not_file", option=option, path=path))
        raw = path.read_bytes()[: MAX_SECRET_BYTES + 1]
    except OSError as exc:
        raise CliError(say("cli_secret_unreadable", option=option, path=path, detail=exc.strerror or exc)) from None
    if len(raw) > MAX_SECRET_BYTES:
        raise CliError(say("cli_secret_too_large", option=option, path=path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(say("cli_secret_not_utf8", option=option, path=path)) from None
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    if not text:
        raise CliError(say("cli_secret_empty", option=option, path=path))
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
        help=say("help_encrypt"),
        description=say("help_encrypt_about"),
    )
    p.add_argument("--keep-old", action="store_true", help=say("help_encrypt_keep_old"))
    p.set_defaults(run=run_encrypt)

    p = sub.add_parser(
        "decrypt",
        help=say("help_decrypt"),
        description=say("help_decrypt_about"),
    )
    p.add_argument("--keep-old", action="store_true", help=say("help_decrypt_keep_old"))
    p.set_defaults(run=run_decrypt)

    p = sub.add_parser(
        "change-passphrase",
        help=say("help_change_passphrase"),
        description=say("help_change_passphrase_about"),
    )
    p.add_argument("--new-passphrase-file", metavar="FILE", required=True, help=say("help_new_passphrase_file"))
    p.set_defaults(run=run_change_passphrase)


def _existing(args: argparse.Namespace) -> Path:
    from core.service import database_path

    path = database_path(args.db)
    if not path.is_file():
        raise CliError(say("cli_db_missing", path=path))
    return path


def run_encrypt(args: argparse.Namespace) -> int:
    from core.service import StoreError, encrypt_database

    passphrase = passphrase_from(args)
    if passphrase is None:
        raise CliError(say("cli_encrypt_needs_passphrase", option=PASSPHRASE_FILE))
    path = _existing(args)
    try:
        result = encrypt_database(path, passphrase, keep_old=args.keep_old, remember=bool(getattr(args, "remember", False)))
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    print(say("cli_encrypted", path=path))
    print(say("cli_recovery_key_intro"))
    print(result.recovery_key)
    if result.in_keyring:
        print(say("cli_key_in_keyring"))
    if result.kept is not None:
        kept = result.kept
        out_err(say("cli_plain_copy_kept", kept=kept))
    return 0


def run_decrypt(args: argparse.Namespace) -> int:
    from core.service import StoreError, decrypt_database

    path = _existing(args)
    try:
        kept = decrypt_database(path, keep_old=args.keep_old)
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    print(say("cli_decrypted", path=path))
    if kept is not None:
        print(say("cli_encrypted_copy_kept", kept=kept))
    return 0


def run_change_passphrase(args: argparse.Namespace) -> int:
    from core.service import StoreError, change_passphrase

    new = read_secret(args.new_passphrase_file, "--new-passphrase-file")
    path = _existing(args)
    try:
        change_passphrase(path, new)
    except StoreError as exc:
        raise CliError(said_line(exc)) from None
    print(say("cli_passphrase_changed", path=path))
    return 0
