"""Child process for ``tests/benchmarks/run.py``: the Qt measurements, each in a fresh
interpreter so the parent never loads Qt and every start-up is cold.

Usage (offscreen; prints one JSON object on its last line, then exits at once)::

    python tests/benchmarks/qt_child.py bare                 # QApplication + QWizard shown
    python tests/benchmarks/qt_child.py floor                # a plain PySide6 list window, no app code
    python tests/benchmarks/qt_child.py main  DB             # the launcher's path, then Session.show_main_window()
    python tests/benchmarks/qt_child.py start DB             # the launcher's path, then Session.start(), as the app does
    python tests/benchmarks/qt_child.py main-keyring DB      # ``main`` on an encrypted DB, its key read from a keyring (issue 28)
    python tests/benchmarks/qt_child.py scroll DB            # frames while scrolling the list, one tick
    python tests/benchmarks/qt_child.py countdown N_TICKS    # 50 countdown panels, refresh per tick
    python tests/benchmarks/qt_child.py idle SECONDS DB      # CPU with the real 1 Hz ticker running
    python tests/benchmarks/qt_child.py idle-bare SECONDS    # CPU of the bare window, same time

For ``bare`` ``paint_at`` is ``time.time()`` once its events were processed and it was
grabbed; for the app's windows, when the window received its first paint event (its
children are painted in the same pass right after, ~4 ms more). The parent subtracts its
own time before it started the process. The launcher's path (``gui.launch``: the choice of
the desktop app, the collector paused) comes first, as in the installed command. The
process exits with ``os._exit`` so teardown is not measured.
"""

from __future__ import annotations

import copy
import json
import os
import resource
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
OPEN_INCIDENTS = 50


LAZY = ("reportlab", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "pypdf", "click", "sqlite_utils", "dateutil", "pluggy")


def peak_rss_mb() -> float:
    """VmHWM: the peak RSS of this process image. (``ru_maxrss`` of a child on Linux also
    carries the parent's high-water mark across exec, so a parent at 200 MB makes
    ``python -c pass`` report 200 MB; VmHWM starts afresh with the new image.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _done(result: dict[str, Any]) -> None:
    result["peak_rss_mb"] = peak_rss_mb()
    if PASS_END:
        result["pass_end"] = PASS_END[0]
    result["loaded"] = [m for m in LAZY if m in sys.modules]
    print(json.dumps(result), flush=True)
    os._exit(0)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QWizard

    app = QApplication([])
    wizard = QWizard()
    wizard.show()
    app.processEvents()
    wizard.grab()
    _done({"paint_at": time.time()})


def floor() -> None:
    """What any PySide6 list window costs before app code: a QMainWindow with a menu, a
    search box and a QTableView over a 6-column Python model (``Qt`` namespace enums,
    item-view classes), no store, no rules, no translations."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget

    class Model(QAbstractTableModel):
        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008
            return 20

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008
            return 6

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            return f"{index.row()}:{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None

    app = QApplication([])
    window = QMainWindow()
    window.menuBar().addMenu("File").addAction("Quit")
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addWidget(QLineEdit())
    table = QTableView()
    model = Model()
    table.setModel(model)
    layout.addWidget(table)
    window.setCentralWidget(central)
    window.resize(1200, 700)
    window.show()
    _done({"paint_at": _first_paint(app, window)})


def _session(db: str) -> Any:
    """As the installed command does it: the launcher (``gui.launch.main``: the choice of
    the desktop app, the collector paused), then ``gui.app.main``: the application, then
    the store and session."""
    sys.path.insert(0, str(ROOT))
    from gui import launch

    if not launch.wants_gui(["--db", db]):
        raise SystemExit(f"the launcher would not start the desktop app for {db}")
    launch.pause_collection()
    from gui.app import open_session, prepare_application

    app = prepare_application()
    session = open_session(db)
    if session is None:
        raise SystemExit(f"cannot open {db}")
    return app, session


PASS_END: list[float] = []  # ``time.time()`` once the pass that first painted the window ended


def _first_paint(app: Any, window: Any) -> float:
    """``time.time()`` when ``window`` received its first paint event, processing events
    as the app's own loop would (a grab forces one if the platform never exposes it). The
    children (the list's rows) are painted in the same pass, right after: when that pass
    ended goes to ``PASS_END``."""
    from PySide6.QtCore import QEvent, QObject

    painted: list[float] = []

    class Watch(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
            if watched is window and event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.time())
            return False

    watch = Watch()
    window.installEventFilter(watch)
    deadline = time.monotonic() + 5
    while not painted and time.monotonic() < deadline:
        app.processEvents()
        if not painted:
            window.grab()
    PASS_END.append(time.time())
    window.removeEventFilter(watch)
    return painted[0]


def _settle(app: Any, session: Any) -> float:
    """``time.time()`` once the start-up steps that follow the first paint have run and the
    list holds every incident."""
    deadline = time.monotonic() + 30
    while not (session.settled and (session.window is None or session.window.model.loaded)) and time.monotonic() < deadline:
        app.processEvents()
    return time.time()


def main_window(db: str) -> None:
    app, session = _session(db)
    window = session.show_main_window()
    paint_at = _first_paint(app, window)
    _done({"paint_at": paint_at, "rows": window.model.rowCount()})


def main_keyring(db: str) -> None:
    """``main`` on an encrypted database whose data key the keyring holds (issue 28): the
    ``keyring`` package is imported and asked as the app does, through a backend kept in
    this process (``BENCH_KEYRING`` = ``name:hex``), so the measure holds the import, the
    key file, the unlock and SQLCipher, not a particular OS keyring's round trip."""
    sys.path.insert(0, str(ROOT))
    import keyring
    from keyring.backend import KeyringBackend

    name, hex_key = os.environ["BENCH_KEYRING"].split(":")

    class Held(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service: str, username: str) -> str | None:
            return hex_key if username == name else None

        def set_password(self, service: str, username: str, password: str) -> None:
            raise NotImplementedError

        def delete_password(self, service: str, username: str) -> None:
            raise NotImplementedError

    keyring.set_keyring(Held())
    from core.store import crypt

    if crypt.unlock(db) != "keyring":
        raise SystemExit("the key did not come from the keyring")
    main_window(db)


def start(db: str) -> None:
    app, session = _session(db)
    session.start()
    window = next(w for w in app.topLevelWidgets() if w.isWindow() and w.isVisible())
    paint_at = _first_paint(app, window)
    settled_at = _settle(app, session)
    _done(
        {
            "paint_at": paint_at,
            "settled_at": settled_at,
            "first_window": type(window).__name__,
            "rows": window.model.rowCount() if hasattr(window, "model") else 0,
        }
    )


def scroll(db: str) -> None:
    """Frames (scroll + synchronous repaint of the list) from top to bottom of the list,
    and one tick of the shared ticker with the whole list loaded."""
    app, session = _session(db)
    window = session.show_main_window()
    deadline = time.monotonic() + 30
    while not (window.desk_ready and window.model.loaded) and time.monotonic() < deadline:
        app.processEvents()  # the desk and the rest of the list follow the first paint; scrolling is measured after
    table = window.table
    bar = table.verticalScrollBar()
    frames = []
    steps = 60
    for i in range(steps + 1):
        began = time.perf_counter()
        bar.setValue(bar.maximum() * i // steps)
        table.viewport().repaint()
        app.processEvents()
        frames.append(time.perf_counter() - began)
    for _ in range(20):  # line-by-line scrolling in the middle of the list
        began = time.perf_counter()
        bar.setValue(bar.value() - bar.singleStep() * 3)
        table.viewport().repaint()
        app.processEvents()
        frames.append(time.perf_counter() - began)
    ticks = []
    for _ in range(10):
        began = time.perf_counter()
        session.ticker.fire()
        table.viewport().repaint()
        app.processEvents()
        ticks.append(time.perf_counter() - began)
    _done(
        {
            "rows": window.model.rowCount(),
            "max_frame": max(frames),
            "median_frame": statistics.median(frames),
            "tick_median": statistics.median(ticks),
            "tick_max": max(ticks),
        }
    )


def _open_incident_obligations(base: datetime) -> list[Any]:
    """Obligation lists of 50 open incidents, discovered shortly before ``base`` so every
    countdown is running."""
    sys.path.insert(0, str(ROOT))
    from core.assessment import check
    from core.incident import load_file
    from core.rules import default_pack

    pack = default_pack()
    example = load_file(ROOT / "resources/examples/clinic-ransomware.json")
    result = []
    for i in range(OPEN_INCIDENTS):
        doc = copy.deepcopy(example)
        doc["discovered_at"] = (base - timedelta(minutes=5 + i)).isoformat()
        doc["occurred_at"] = None
        doc["submissions"] = []
        result.append(check(doc, pack, base).obligations)
    return result


def _panels(app: Any, obligations: list[Any], now: datetime) -> tuple[Any, list[Any]]:
    from PySide6.QtWidgets import QGridLayout, QScrollArea, QWidget

    from gui.countdown import CountdownPanel

    holder = QWidget()
    grid = QGridLayout(holder)
    panels = []
    for i, obs in enumerate(obligations):
        panel = CountdownPanel()
        panel.set_obligations(obs, now)
        grid.addWidget(panel, i // 10, i % 10)
        panels.append(panel)
    area = QScrollArea()
    area.setWidget(holder)
    area.resize(1400, 900)
    area.show()
    app.processEvents()
    return area, panels


def countdown(n_ticks: int) -> None:
    sys.path.insert(0, str(ROOT))
    from gui.app import prepare_application

    app = prepare_application()
    now = datetime.now(UTC).replace(microsecond=0)
    _area, panels = _panels(app, _open_incident_obligations(now), now)
    cards = sum(len(p.cards) for p in panels)
    refresh, painted = [], []
    for _ in range(n_ticks):
        now += timedelta(seconds=1)
        began = time.perf_counter()
        for panel in panels:
            panel.refresh(now)
        middle = time.perf_counter()
        app.processEvents()  # the repaint of the labels whose text changed
        painted.append(time.perf_counter() - began)
        refresh.append(middle - began)
    from gui import hub

    _done(
        {
            "panels": len(panels),
            "cards": cards,
            "refresh_median": statistics.median(refresh),
            "refresh_p99": sorted(refresh)[int(len(refresh) * 0.99) - 1],
            "painted_median": statistics.median(painted),
            "autosave_ms": hub.AUTOSAVE_MS,
        }
    )


SETTLE_S = 3.0  # idle starts once the start-up work after the first paint is done (rest of the list, first checks)


def _cpu_over(app: Any, seconds: float) -> tuple[float, float]:
    """CPU and wall time over ``seconds`` of the event loop, after ``SETTLE_S`` of it (a
    local event loop: ``QApplication.quit`` would close the windows first, in Qt 6)."""
    from PySide6.QtCore import QEventLoop, QTimer

    def run_for(s: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(s * 1000), loop.quit)
        loop.exec()

    run_for(SETTLE_S)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu0, wall0 = usage.ru_utime + usage.ru_stime, time.perf_counter()
    run_for(seconds)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime - cpu0, time.perf_counter() - wall0


def idle_bare(seconds: float) -> None:
    from PySide6.QtWidgets import QApplication, QWizard

    app = QApplication([])
    wizard = QWizard()
    wizard.show()
    app.processEvents()
    cpu, wall = _cpu_over(app, seconds)
    _done({"cpu_s": cpu, "wall_s": wall})


def idle(seconds: float, db: str) -> None:
    """The main window on a store of 50 open incidents plus one countdown panel per
    incident, all on the session's real 1 Hz ticker; CPU time over ``seconds``."""
    app, session = _session(db)
    window = session.show_main_window()
    now = session.clock.now()
    _area, panels = _panels(app, _open_incident_obligations(now), now)
    for panel in panels:
        session.ticker.tick.connect(panel.refresh)
    session.ticker.start()
    app.processEvents()
    ticks = []
    session.ticker.tick.connect(lambda _now: ticks.append(time.perf_counter()))
    cpu, wall = _cpu_over(app, seconds)
    measured = [t for t in ticks if t >= time.perf_counter() - wall]  # the ticks after the settling time
    _done({"cpu_s": cpu, "wall_s": wall, "ticks": len(measured), "rows": window.model.rowCount(), "cards": sum(len(p.cards) for p in panels)})


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode, rest = sys.argv[1], sys.argv[2:]
    if mode == "bare":
        bare()
    elif mode == "floor":
        floor()
    elif mode == "main":
        main_window(rest[0])
    elif mode == "start":
        start(rest[0])
    elif mode == "main-keyring":
        main_keyring(rest[0])
    elif mode == "scroll":
        scroll(rest[0])
    elif mode == "countdown":
        countdown(int(rest[0]))
    elif mode == "idle":
        idle(float(rest[0]), rest[1])
    elif mode == "idle-bare":
        idle_bare(float(rest[0]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
