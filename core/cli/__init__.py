"""The ``incident-assistant`` command: one entry point for the GUI and the headless CLI
(product.md §4.3). With no subcommand it starts the GUI (imported lazily, so the CLI
never loads Qt). Exit codes: 0 success, 1 a finding (e.g. a broken chain), 2 bad
input with one line on stderr naming the field and what was expected.

Each subcommand lives in its own module with ``register(subparsers)``; this module only
wires them together and turns expected errors into one-line messages.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from core import __version__
from core.cli.common import CliError, out_err
from core.messages import InvalidIncident
from core.rules import RulePackError, default_pack

# Subcommand modules, in help order. Each has ``register(subparsers)``.
COMMAND_MODULE_NAMES = ("check_cmd", "pdf_cmd", "store_cmds", "selftest_cmd")


def command_modules() -> list[ModuleType]:
    return [importlib.import_module(f"core.cli.{name}") for name in COMMAND_MODULE_NAMES
            if importlib.util.find_spec(f"core.cli.{name}") is not None]


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line (exit 2), in Chinese."""

    def error(self, message: str) -> NoReturn:
        out_err(f"{self.prog}: 参数错误：{message}（用 --help 查看用法）")
        raise SystemExit(2)


def version_text() -> str:
    try:
        pack = default_pack()
        rules = f"规则包 {pack.id} {pack.version}（{pack.title}，{pack.text_date}，{pack.in_force} 起施行）"
    except RulePackError as exc:
        rules = f"规则包无法加载：{exc}"
    return f"incident-assistant {__version__}\n{rules}"


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser and the names of its subcommands."""
    parser = _Parser(
        prog="incident-assistant",
        description="网络安全事件报告助手（Incident Reporting Assistant）。不带子命令时启动图形界面。",
    )
    parser.add_argument("--version", action="store_true", help="显示程序和规则包版本")
    parser.add_argument("--self-test", action="store_true", help="自检（同 self-test 子命令；不开窗口，不动用户数据库）")
    parser.add_argument("--db", metavar="PATH", help="数据库文件（默认在用户数据目录；也可用环境变量 INCIDENT_ASSISTANT_DB）")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    for module in command_modules():
        module.register(sub)
    return parser, set(sub.choices)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = ["self-test" if a == "--self-test" else a for a in (sys.argv[1:] if argv is None else argv)]
    parser, commands = build_parser()
    # The GUI takes only --db; any other option goes to argparse, which explains it (exit 2),
    # so a mistyped flag never opens a window on the user's database.
    gui_only = all(a == "--db" or a.startswith("--db=") or (i > 0 and args_list[i - 1] == "--db")
                   for i, a in enumerate(args_list))
    wants_cli = any(a in commands for a in args_list) or not gui_only
    if not wants_cli:
        from gui.app import main as gui_main  # lazy: the CLI never loads Qt

        return gui_main(args_list)
    args = parser.parse_args(args_list)
    if args.version:
        print(version_text())
        return 0
    if not args.command:
        parser.print_help()
        return 0
    try:
        return int(args.run(args))
    except InvalidIncident as exc:
        out_err(f"错误：{exc.errors[0].line()}")
        return 2
    except CliError as exc:
        out_err(f"错误：{exc}")
        return exc.exit_code
    except RulePackError as exc:
        out_err(f"错误：{exc}")
        return 2
    except KeyboardInterrupt:
        out_err("已取消")
        return 130


def entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())
