"""GUI test fixtures: a real store in a temporary folder, a fake clock, a wizard."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from core.clock import FixedClock
from core.rules import default_pack
from core.service import IncidentService
from core.store import open_store
from core.timeutil import BEIJING

DISCOVERED = datetime(2026, 11, 24, 9, 30, 0, tzinfo=BEIJING)
SCREENSHOTS = Path(os.environ.get("INCIDENT_ASSISTANT_SCREENSHOTS", Path(__file__).resolve().parents[2] / "screenshots"))


def type_text(widget: QWidget, text: str) -> None:
    """Type any Unicode as an input-method commit (keyClicks with Chinese aborts Qt's test lib)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def save_screenshot(widget: QWidget, name: str) -> Path:
    """Grab a widget offscreen into ``screenshots/`` so anyone can look at it."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    QApplication.processEvents()  # let pending layout requests run, as a real window would
    widget.grab().save(str(path))
    return path


@pytest.fixture(autouse=True)
def inline_tasks():
    """Background work runs inline in tests (deterministic); tests of the thread pool set their own."""
    from gui import tasks

    tasks.set_executor(tasks.InlineExecutor())
    yield
    tasks.set_executor(tasks.InlineExecutor())


@pytest.fixture
def clock():
    return FixedClock(DISCOVERED)


@pytest.fixture
def store(tmp_path, clock):
    s = open_store(tmp_path / "incidents.sqlite", clock)
    yield s
    s.close()


@pytest.fixture
def session(qapp, store, clock):
    from gui.app import TRAY_KEY, TRAY_QUIT, Session, prepare_application

    prepare_application()
    session = Session(IncidentService(store), default_pack(), clock)
    store.set_meta(TRAY_KEY, TRAY_QUIT)  # answered: closing a window never waits on the tray question (tests of it clear this)
    yield session
    session.cancel_full_check(wait=5)  # the check's thread reads the file: done before the folder goes
    session.ticker.stop()  # no 1 Hz timer of this test fires into a later one
    qapp.setQuitOnLastWindowClosed(True)


@pytest.fixture
def wizard(qtbot, session):
    """A new incident whose discovery was answered 「刚刚 / 现在」 (the first question, D1a)."""
    w = session.open_wizard(None)
    qtbot.addWidget(w)
    w.findChild(QWidget, "discoveryNow").click()
    return w


@pytest.fixture
def desk_window(session, qtbot):
    """The main window on the example incident, selected: (window, incident id)."""
    from tests.conftest import example

    incident_id = session.service.store.import_document(example())
    window = session.show_main_window()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.desk_ready)  # built right after the first paint, as in the app
    window.select_incident(incident_id)
    return window, incident_id
