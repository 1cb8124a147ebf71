"""A quit that does not come from 退出 (the system ending the session, or any other
``QApplication.quit``) ends the app: Qt 6 closes every window on quit, and the main window
must not ask then whether to stay in the tray (it would block the quit). Run in a process
of its own, with the app's own application object."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from core.clock import FixedClock
from core.store import open_store
from core.rules import default_pack
from core.timeutil import parse_instant
from core.service import IncidentService
from gui import dialogs
from gui.app import Application, Session, prepare_application
from tests.conftest import example

asked = []
dialogs.ask = lambda *a, **k: asked.append(a) or True
app = prepare_application()
assert isinstance(app, Application)
clock = FixedClock(parse_instant("2026-11-24T10:00:00+08:00"))
store = open_store({db!r}, clock)
store.import_document(example())  # a deadline is open: closing the window by hand would ask
session = Session(IncidentService(store), default_pack(), clock)
session.show_main_window()
QTimer.singleShot(300, app.quit)
app.exec()
print("ended", len(asked))
"""


def test_a_quit_from_outside_ends_the_app_without_asking(tmp_path: Path) -> None:
    code = SCRIPT.format(root=str(ROOT), db=str(tmp_path / "s.sqlite3"))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "ended 0"
