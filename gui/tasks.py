"""Background work through one helper (conventions §17): "run this off the UI thread, then
deliver the result on the GUI thread". Report rendering (PDF export, preview, the fax
cover's page count, the e-mail draft's attachment) goes through here, so a long report
never freezes the window.

The work gets plain data (a document, the rule pack, a path), never a widget. The
executor is a parameter: the app uses a thread pool, tests pass ``InlineExecutor`` so
the same code runs synchronously and deterministically.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class Executor(Protocol):
    def start(self, work: Callable[[], Any], done: Done, failed: Failed) -> None:
        """Run ``work``; call ``done(result)`` or ``failed(error)`` on the GUI thread."""


class InlineExecutor:
    """Runs the work at once, on the calling thread (tests, and the self-test)."""

    def start(self, work: Callable[[], Any], done: Done, failed: Failed) -> None:
        try:
            result = work()
        except Exception as exc:  # delivered to the caller's handler, as the thread pool does
            failed(exc)
            return
        done(result)

    def wait_idle(self, msecs: int = -1) -> bool:
        return True


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], deliver: Callable[[bool, Any], None]) -> None:
        super().__init__()
        self.work, self.deliver = work, deliver

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # handed back to the GUI thread, never raised in the pool
            self.deliver(False, exc)
            return
        self.deliver(True, result)


class ThreadExecutor(QObject):
    """A thread pool whose results come back through a queued signal to the GUI thread."""

    _delivered = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one report at a time: they share the font cache
        self._handlers: dict[int, tuple[Done, Failed]] = {}
        self._ids = itertools.count(1)
        self._delivered.connect(self._deliver)

    def start(self, work: Callable[[], Any], done: Done, failed: Failed) -> None:
        token = next(self._ids)
        self._handlers[token] = (done, failed)
        self.pool.start(_Job(work, lambda ok, value: self._delivered.emit(token, ok, value)))

    def _deliver(self, token: int, ok: bool, value: Any) -> None:
        done, failed = self._handlers.pop(token)
        if ok:
            done(value)
        else:
            failed(value)

    @property
    def busy(self) -> bool:
        return bool(self._handlers)

    def wait_idle(self, msecs: int = -1) -> bool:
        """Wait for running work (on quitting); results still arrive through the event loop."""
        return self.pool.waitForDone(msecs)


_state: dict[str, Executor] = {}


def executor() -> Executor:
    """The executor in use: set by the app (a thread pool) or by a test (inline)."""
    if "executor" not in _state:
        _state["executor"] = ThreadExecutor()
    return _state["executor"]


def set_executor(new: Executor) -> None:
    _state["executor"] = new


def run(work: Callable[[], Any], done: Done, failed: Failed) -> None:
    """Run ``work`` off the UI thread and hand its result to ``done`` (or its error to
    ``failed``) on the GUI thread."""
    executor().start(work, done, failed)
