"""The walk on a real X screen (run by ``run.sh`` under Xvfb, openbox and a taskbar): the
same personas and the same walker as the suite, but every click, key and wheel turn goes
through the X server with xdotool (the window manager, Qt's xcb input and focus handling
all take part), Chinese text through the clipboard and Ctrl+V as an input method user ends
up doing, and the preview and save dialogs are real modal windows answered the same way.
The walk runs inside the app's process only to read where a widget is (its global
geometry) and when a milestone shows; it prints the persona's table row.

``python -m tests.walk.real PERSONA [--lang en] [--shots DIR]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QFileDialog, QWidget

from core.service import IncidentService
from tests.walk.hands import Hands, _aim
from tests.walk.personas import PERSONAS, Persona
from tests.walk.walker import Walker, table

KEYS = {
    Qt.Key.Key_Return: "Return",
    Qt.Key.Key_Enter: "Return",
    Qt.Key.Key_Escape: "Escape",
    Qt.Key.Key_Tab: "Tab",
    Qt.Key.Key_Delete: "Delete",
    Qt.Key.Key_Home: "Home",
    Qt.Key.Key_Down: "Down",
    Qt.Key.Key_Up: "Up",
    Qt.Key.Key_A: "a",
}


def xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True)


class XHands(Hands):
    """Hands whose input goes through the X server."""

    pause_ms = 350

    def _settle(self) -> None:
        QTest.qWait(self.pause_ms)

    def __init__(self, shots: Path | None) -> None:
        super().__init__(shots, self._settle)

    def _point(self, widget: QWidget, local: QPoint) -> tuple[int, int]:
        ratio = widget.devicePixelRatioF()
        g = widget.mapToGlobal(local)
        return round(g.x() * ratio), round(g.y() * ratio)

    def click(self, widget: QWidget, what: str = "", *, double: bool = False) -> None:
        self._scroll_into_view(widget)
        assert widget.isVisible(), f"{widget.objectName()} is not on the screen"
        x, y = self._point(widget, _aim(widget))
        xdotool("mousemove", "--sync", str(x), str(y), "click", "--repeat", "2" if double else "1", "1")
        self._count(f"click {what or widget.objectName() or type(widget).__name__}")

    def click_at(self, widget: QWidget, local: QPoint, what: str) -> None:
        x, y = self._point(widget, local)
        xdotool("mousemove", "--sync", str(x), str(y), "click", "1")
        self._count(f"click {what}")

    def type(self, text: str, what: str = "") -> None:
        if text.isascii():
            xdotool("type", "--delay", "40", text)
        else:  # an input method's commit: here through the clipboard
            QApplication.clipboard().setText(text)
            QTest.qWait(100)
            xdotool("key", "ctrl+v")
        self._count(f"type {what} {text[:20]!r}")

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, what: str = "") -> None:
        name = KEYS[key]
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            name = "ctrl+" + name
        xdotool("key", name)
        self._count(f"key {what or name}")

    def wheel(self, widget: QWidget, notches: int = 1, *, count: bool = True) -> None:
        x, y = self._point(widget, widget.rect().center())
        xdotool("mousemove", "--sync", str(x), str(y), "click", "--repeat", str(abs(notches)), "4" if notches > 0 else "5")
        self._settle()
        if count:
            self._count(f"wheel {notches:+d} over {widget.objectName() or type(widget).__name__}")

    def _count(self, what: str) -> None:
        self.actions += 1
        self.log.append(what)
        self._settle()
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            screen = QApplication.primaryScreen()
            screen.grabWindow(0).save(str(self.shots / f"{self.actions:03d}.png"))


def answer_dialogs(hands: XHands, done: list[Path]) -> QTimer:
    """While the export runs its modal windows: 保存… in the preview, Enter in the save
    dialog (the name it offers), each one action."""
    timer = QTimer()
    state = {"preview": False, "save": False}

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QFileDialog) and not state["save"]:
            state["save"] = True
            done.append(Path(modal.directory().absolutePath()))
            # each answer from its own one-shot timer: Qt never re-enters a timer's slot, and
            # the answer waits in a nested event loop for the next window
            QTimer.singleShot(0, lambda: hands.key(Qt.Key.Key_Return, what="Return in the save dialog"))
        elif isinstance(modal, QDialog) and modal.objectName() == "PdfPreview" and not state["preview"]:
            state["preview"] = True
            box = modal.findChild(QDialogButtonBox)
            save = box.button(QDialogButtonBox.StandardButton.Save) if box else None
            if isinstance(save, QAbstractButton):
                QTimer.singleShot(0, lambda: hands.click(save, "保存… in the preview"))

    timer.timeout.connect(look)
    timer.start(300)
    return timer


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("persona", choices=[p.key for p in PERSONAS])
    parser.add_argument("--lang", default="zh")
    parser.add_argument("--shots")
    args = parser.parse_args(argv)
    persona: Persona = next(p for p in PERSONAS if p.key == args.persona)

    from core.clock import FixedClock
    from core.rules import default_pack
    from core.store import open_store
    from gui import i18n, tasks
    from gui.app import TRAY_KEY, TRAY_QUIT, Session, prepare_application

    home = Path(tempfile.mkdtemp(prefix="walk-"))
    os.environ["HOME"] = str(home)  # the save dialog offers the report's name in this folder
    app = prepare_application()
    i18n.set_language(args.lang)
    tasks.set_executor(tasks.InlineExecutor())
    clock = FixedClock(persona.now)
    store = open_store(home / "incidents.sqlite", clock)
    store.set_meta(TRAY_KEY, TRAY_QUIT)
    session = Session(IncidentService(store), default_pack(), clock)
    hands = XHands(Path(args.shots) if args.shots else None)
    saved: list[Path] = []

    def export(_hands: Hands) -> Path | None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not list(home.glob("*.pdf")):
            QTest.qWait(200)
        found = sorted(home.glob("*.pdf"))
        return found[0] if found else None

    outcome: dict[str, object] = {}

    def walk() -> None:
        watcher = answer_dialogs(hands, saved)
        try:
            outcome["result"] = Walker(persona, session, hands, export).run()
        except Exception as exc:  # the run prints what went wrong and where the walk was
            outcome["error"] = f"{type(exc).__name__}: {exc}"
        finally:
            watcher.stop()
            app.quit()

    session.start()
    QTimer.singleShot(1500, walk)
    app.exec()
    result = outcome.get("result")
    if result is None:
        print(f"{persona.key}: the walk stopped: {outcome.get('error')}\n  " + "\n  ".join(hands.log))
        return 1
    print("\n  ".join([f"{persona.key} ({args.lang}): {result.actions} actions, milestones {result.marks}", *result.log]))  # type: ignore[attr-defined]
    print(table([result]))  # type: ignore[list-item]
    return 0 if not result.problems else 1  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
