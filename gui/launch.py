"""The ``incident-assistant`` command (``[project.scripts]``, the bundle's entry script):
decides between the desktop app and the command line, and adds the GUI's check to the
self-test. It stays outside ``core`` so that ``core`` never imports ``gui``; it imports
neither Qt nor the GUI unless the desktop app or the GUI check is wanted, and the command
line's subcommands load only when one runs (the desktop app's start pays for neither).

No subcommand and only ``--db PATH`` / ``--lang zh|en`` start the desktop app
(``gui.app.main``); anything else goes to ``core.cli.main``, whose output and exit codes
are the command line's contract (product.md §4.3). ``--tray`` (or ``--minimized``) with
them starts the desktop app hidden in the tray, as the start at login does (issue 18).
"""

from __future__ import annotations

import gc
import importlib.util
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from core import cli

if TYPE_CHECKING:
    from core.cli.selftest_cmd import Check, SelfTestState


def gui_check(state: SelfTestState) -> str:
    """The self-test's GUI half: import the GUI modules and read the self-test's PDF with
    QtPdf, without a window; skipped when PySide6 is not installed."""
    if importlib.util.find_spec("PySide6") is None:
        return "skipped: PySide6 is not installed (the command line works without it)"
    from gui import selftest  # lazy: Qt only for this check

    return selftest.check(state.pdf, state.pages)


GUI_CHECKS: tuple[Check, ...] = (("gui", gui_check, ()),)
TRAY_FLAGS = ("--tray", "--minimized")  # the desktop app's own: start hidden in the tray (gui.autostart)


def wants_gui(args: Sequence[str]) -> bool:
    """The desktop app: the command line's own test, with the tray flags set aside."""
    return cli.wants_gui([a for a in args if a not in TRAY_FLAGS])


def pause_collection() -> None:
    """Start-up allocates tens of thousands of objects (Qt's enums, the modules' classes)
    and frees almost none: the cyclic collector only slows it (~5 ms before the first
    paint). The session turns it back on with its last start-up step (``gui.app``)."""
    gc.disable()


def main(argv: Sequence[str] | None = None) -> int:
    """Start the desktop app or run one command; the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_gui(args):
        pause_collection()
        from gui.app import main as gui_main  # lazy: the command line never loads Qt

        return gui_main(args)  # --db, --lang and --tray go along; the GUI reads them
    return cli.main(args, extra_checks=GUI_CHECKS)


def entry() -> None:
    """Console-script entry point."""
    raise SystemExit(main())


if __name__ == "__main__":
    entry()
