"""The full check at open (issue 16, defect 8): the whole audit chain and every stored
row (each incident's document, submission, timeline entry, attachment and snapshot)
against the digest the chain recorded for it, on a hardened read-only connection of its
own, with progress and cancellation, so it can run in a thread while the app is used.

``open_store`` checks only ``quick_check`` and the chain's newest rows, which a few
bytes changed inside an older incident pass; this finds them. It reads one consistent
snapshot of the file (one read transaction), so writes made meanwhile through the app's
own connection are neither seen half-done nor reported as outside changes.

Use::

    check = start_full_check(store.path, on_progress, on_done)   # thread; on_done(FullCheckResult)
    check.cancel()                                               # e.g. when the window closes
    run_full_check(path, progress=..., cancelled=...) -> FullCheckResult   # the same, in this thread

``on_progress(done, total)`` and ``on_done`` are called from the checking thread. Writes
nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.store import audit, guard
from core.store.errors import StoreError, translated_reading
from core.text import Each, Text, text

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 200  # rows between progress calls (and cancellation checks)


class Cancelled(Exception):
    """The check was cancelled before it finished."""


@dataclass(frozen=True)
class FullCheckResult:
    """What the full check found. ``ok`` is False when a problem was found; a cancelled
    or failed check found nothing either way (``cancelled``, ``error``)."""

    path: Path
    audit_rows: int
    rows_checked: int
    problems: tuple[audit.Problem, ...]
    cancelled: bool = False
    error: Text | None = None  # the store's failure, in each language

    @property
    def finished(self) -> bool:
        return not self.cancelled and self.error is None

    @property
    def ok(self) -> bool:
        return self.finished and not self.problems

    def message(self, lang: str = "zh") -> str:
        """What the check found, in ``lang`` (the row's own finding is given as the chain check words it)."""
        if self.cancelled:
            return text("store_full_check_cancelled", lang, path=self.path, rows=self.rows_checked)
        if self.error is not None:
            return text("store_full_check_not_run", lang, error=self.error)
        if self.problems:
            more = text("store_verify_more", lang, n=len(self.problems) - 1) if len(self.problems) > 1 else ""
            return text("store_full_check_failed", lang, path=self.path, problem=self.problems[0].line(lang), more=more)
        return text("store_full_check_ok", lang, path=self.path, audit_rows=self.audit_rows, data_rows=self.rows_checked - self.audit_rows)


class _Counter:
    def __init__(self, total: int, progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
        self.done, self.total = 0, total
        self.progress, self.cancelled = progress, cancelled

    def tick(self) -> None:
        self.done += 1
        if self.done % PROGRESS_EVERY == 0:
            self._report()

    def _report(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def _total(conn: sqlite3.Connection) -> int:
    tables = ["audit", *audit.TRACKED_TABLES]
    return sum(int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables)  # noqa: S608 - fixed names


def run_full_check(path: str | Path, *, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> FullCheckResult:
    """The whole chain and every stored row against it, in this thread. Raises
    ``StoreError`` when the file cannot be read (locked, gone, not a database)."""
    path = Path(path)
    with translated_reading(path):
        conn = guard.connect(path)
        try:
            conn.execute("BEGIN")  # one read snapshot for the whole check
            counter = _Counter(_total(conn), progress, cancelled)
            counter._report()
            try:
                count, problems, expected = audit.walk_chain(conn, counter.tick)
                problems += audit.check_rows(conn, expected, counter.tick)
            except Cancelled:
                return FullCheckResult(path, 0, counter.done, (), cancelled=True)
            if progress is not None:
                progress(counter.total, counter.total)
            return FullCheckResult(path, count, counter.done, tuple(problems))
        finally:
            conn.close()


class FullCheck:
    """``run_full_check`` in a daemon thread; ``on_done`` gets the result (a file that
    cannot be read gives a result with ``error`` set). ``cancel()`` stops it soon."""

    def __init__(self, path: Path, on_progress: Progress | None, on_done: Callable[[FullCheckResult], None]) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(path, on_progress, on_done), name="store-full-check", daemon=True)
        self._thread.start()

    def _run(self, path: Path, on_progress: Progress | None, on_done: Callable[[FullCheckResult], None]) -> None:
        try:
            result = run_full_check(path, progress=on_progress, cancelled=self._stop.is_set)
        except StoreError as exc:
            result = FullCheckResult(path, 0, 0, (), error=Each(exc.message("zh"), exc.message("en")))
        on_done(result)

    def cancel(self) -> None:
        self._stop.set()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)


def start_full_check(path: str | Path, on_progress: Progress | None, on_done: Callable[[FullCheckResult], None]) -> FullCheck:
    return FullCheck(Path(path), on_progress, on_done)
