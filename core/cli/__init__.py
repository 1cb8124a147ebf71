"""The headless command line of ``incident-assistant`` (product.md §4.3): parses the
arguments, runs the subcommand and turns expected errors into one-line messages. Exit
codes: 0 success, 1 a finding (e.g. a broken chain), 2 bad input with one line on stderr
naming the field and what was expected.

The installed command is ``gui.launch:entry``, which asks ``wants_gui`` whether the
arguments mean the desktop app and otherwise calls ``main`` here; this package never
imports ``gui`` (nor Qt), and ``python -m core.cli`` is the command line alone (with no
subcommand it prints the help).

Each subcommand lives in its own module with ``register(subparsers)``; this module wires
them together and gives every subcommand that touches the database its own ``--db``
(``add_db_option``), so ``--db`` works before or after the subcommand. Help texts and
usage errors are in Chinese or English (``core.cli.lang``): ``--lang`` is read before
the parser is built, so the help follows it.

Importing this package is light (the launcher imports it before the desktop app's first
paint, issue 12): the subcommands, the incident module and the rule pack load when a
command runs; ``wants_gui`` decides from ``COMMANDS`` without building the parser.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Iterable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from core import __version__
from core.cli.lang import LANG_OPTION, LANGS, current_language, language_from_args, say, using_language

if TYPE_CHECKING:
    from core.cli.selftest_cmd import Check

# Subcommand modules, in help order. Each has ``register(subparsers)``.
COMMAND_MODULE_NAMES = ("check_cmd", "pdf_cmd", "notice_cmd", "store_cmds", "crypt_cmds", "selftest_cmd")
# Subcommands that never open the user's database, so they take no --db of their own
# (self-test uses a temporary one on purpose). Every other subcommand gets --db.
WITHOUT_DB = frozenset({"self-test"})
# The subcommands' names (what ``build_parser`` registers; a test holds the two equal).
COMMANDS = frozenset(
    {"check", "pdf", "notice", "list", "export", "import", "verify", "backup", "restore", "encrypt", "decrypt", "change-passphrase", "self-test"}
)
DB_OPTION = "--db"


def command_modules() -> list[ModuleType]:
    return [importlib.import_module(f"core.cli.{name}") for name in COMMAND_MODULE_NAMES if importlib.util.find_spec(f"core.cli.{name}") is not None]


def version_text() -> str:
    from core.rules import RulePackError, default_pack
    from core.text import pick

    try:
        pack = default_pack()
        title = pick(pack.title, pack.title_en, current_language())
        rules = say("cli_version_rules", id=pack.id, version=pack.version, title=title, date=pack.text_date, in_force=pack.in_force)
    except RulePackError as exc:
        rules = say("cli_version_no_rules", error=exc)
    return f"incident-assistant {__version__}\n{rules}"


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser, in the current language, and the names of its subcommands."""
    from core.cli.crypt_cmds import add_key_options
    from core.cli.parser import CliParser

    parser = CliParser(
        prog="incident-assistant",
        description=say("help_main_about"),
        epilog=say("help_main_epilog"),
    )
    parser.add_argument("--version", action="store_true", help=say("help_main_version"))
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=say("help_main_self_test"),
    )
    parser.add_argument(
        DB_OPTION,
        metavar="PATH",
        help=say("help_main_db"),
    )
    add_key_options(parser, top=True)
    parser.add_argument(
        LANG_OPTION,
        choices=LANGS,
        help=say("help_main_lang"),
    )
    sub = parser.add_subparsers(dest="command", metavar=say("help_main_commands_metavar"), parser_class=CliParser)
    for module in command_modules():
        module.register(sub)
    for name, command in sub.choices.items():
        if name not in WITHOUT_DB:
            add_db_option(command)
            add_key_options(command)  # an encrypted database's passphrase (issue 28), like --db
    return parser, set(sub.choices)


def add_db_option(command: argparse.ArgumentParser) -> None:
    """``--db PATH`` on a subcommand too (product.md §4.3), unless it has its own. Its
    default is "not given", so a ``--db`` before the subcommand stays in force; when both
    are given, the one after the subcommand wins, as the help says."""
    if DB_OPTION in command._option_string_actions:  # argparse has no public lookup
        return
    command.add_argument(
        DB_OPTION,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=say("help_db"),
    )


def gui_only(args_list: Sequence[str]) -> bool:
    """True when the arguments are only the GUI's own options, ``--db PATH`` and
    ``--lang zh|en``. Anything else goes to argparse, which explains it (exit 2), so a
    mistyped flag (or language) never opens a window on the user's database."""
    for i, a in enumerate(args_list):
        previous = args_list[i - 1] if i > 0 else None
        if a == "--db" or a.startswith("--db=") or previous == "--db":
            continue
        if a == LANG_OPTION and i + 1 < len(args_list) and args_list[i + 1] in LANGS:
            continue
        if (previous == LANG_OPTION and a in LANGS) or a in (f"{LANG_OPTION}={lang}" for lang in LANGS):
            continue
        return False
    return True


def wants_gui(argv: Sequence[str]) -> bool:
    """True when the arguments mean the desktop app: no subcommand, and nothing but the
    GUI's own options (``gui_only``). The launcher (``gui.launch``) asks this."""
    args_list = list(argv)
    return gui_only(args_list) and not any(a in COMMANDS for a in args_list)


def degrade_output() -> None:
    """On a console that cannot show Chinese (``PYTHONIOENCODING=ascii``, a legacy code
    page), write what it cannot encode as backslash escapes instead of ending in a
    traceback (issue 25); a console that can is left as it is."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            "中文—「」".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure = getattr(stream, "reconfigure", None)
            if callable(reconfigure):
                reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None, *, extra_checks: Iterable[Check] = ()) -> int:
    """Run one subcommand; with none, print the help. ``extra_checks`` are added to the
    self-test's own (the launcher adds the GUI check: core does not know the GUI)."""
    args_list = ["self-test" if a == "--self-test" else a for a in (sys.argv[1:] if argv is None else argv)]
    degrade_output()
    lang = language_from_args(args_list) or current_language()
    with using_language(lang):  # help, messages and the text output all in one language
        return _run(args_list, lang, tuple(extra_checks))


def _run(args_list: list[str], lang: str, extra_checks: tuple[Check, ...]) -> int:
    from core.cli.common import CliError, out_err, said_line
    from core.cli.crypt_cmds import offer_from_args
    from core.messages import InvalidIncident
    from core.rules import RulePackError

    parser, _commands = build_parser()
    args = parser.parse_args(args_list)
    args.extra_checks = extra_checks
    if args.command and args.command not in WITHOUT_DB:
        from core.cli.common import CliError, out_err

        try:
            offer_from_args(args)  # the secret files are read now; the database only when a command opens it
        except CliError as exc:
            out_err(say("cli_error") + str(exc))
            return exc.exit_code
    if args.version:
        print(version_text())
        return 0
    if not args.command:
        parser.print_help()
        return 0
    error = say("cli_error")
    try:
        return int(args.run(args))
    except InvalidIncident as exc:
        out_err(error + exc.errors[0].line(lang))
        return 2
    except CliError as exc:
        out_err(f"{error}{exc}")
        return exc.exit_code
    except RulePackError as exc:
        out_err(f"{error}{said_line(exc)}")
        return 2
    except KeyboardInterrupt:
        out_err(say("cli_cancelled"))
        return 130


def entry() -> None:
    """``python -m core.cli``: the command line alone (the installed command is ``gui.launch:entry``)."""
    raise SystemExit(main())
