"""The full background check at open, in the running app (issue 16, defect 8): starts
the core service's full check on its own thread, brings its progress and result back to the UI
thread through Qt signals (the worker never touches a widget), and, when the check finds
a problem, stops writing (``StoreHub.stop_writing``) and offers a raw copy of the file for
forensics.

The raw copy is made byte for byte with plain file reads, never through SQLite (opening a
damaged file could change it: a checkpoint, a recovered journal), with the -wal and -shm
files beside it when present, mode 0600, and never over an existing file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from core.service import FullCheck, FullCheckResult, Progress, start_full_check
from core.timeutil import beijing
from gui import i18n
from gui.i18n import tr

LARGE_ROWS = 20_000  # rows from which the check's progress is shown in the status bar
RAW_MARK = "原始副本"  # in every raw copy's name: 「incidents.sqlite3.原始副本-20261201-2233.sqlite3」
SIDE_FILES = ("-wal", "-shm")  # SQLite's companions of the database file, copied with it
Starter = Callable[[Path, Progress, Callable[[FullCheckResult], None]], FullCheck]


class FullCheckWatch(QObject):
    """One full check of the database file at ``path``. ``progressed(done, total)`` and
    ``done(result)`` are emitted on the UI thread. A check that found a problem calls
    ``stop_writing`` before ``done`` is emitted, so nothing more is written to the file."""

    progressed = Signal(int, int)
    done = Signal(object)  # FullCheckResult
    _progress = Signal(int, int)  # from the worker thread (queued to this object's thread)
    _done = Signal(object)

    def __init__(self, path: Path, stop_writing: Callable[[], None], starter: Starter = start_full_check, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path, self.stop_writing = path, stop_writing
        self.starter = starter
        self.check: FullCheck | None = None
        self.result: FullCheckResult | None = None
        self._progress.connect(self._relay_progress)  # a slot of this object: queued to the UI thread
        self._done.connect(self._finished)

    def start(self) -> None:
        self.check = self.starter(self.path, self._progress.emit, self._done.emit)

    def cancel(self, wait: float | None = None) -> None:
        """Stop the check soon (the window closed); ``wait`` seconds for its thread to end."""
        if self.check is not None:
            self.check.cancel()
            if wait is not None:
                self.check.join(wait)

    @property
    def running(self) -> bool:
        return self.check is not None and self.result is None

    @Slot(int, int)
    def _relay_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(object)
    def _finished(self, result: FullCheckResult) -> None:
        self.result = result
        if result.finished and not result.ok:
            self.stop_writing()  # writes now raise StoreReadOnly: the damaged file stays as it is
        self.done.emit(result)


def problem_text(result: FullCheckResult) -> str:
    """What the user reads when the check found a problem, in plain words."""
    return tr("数据库完整检查发现问题，为保护数据已停止写入（可以继续查看，不能修改）。") + "\n" + result.message(i18n.language())


def progress_text(done: int, total: int) -> str:
    return tr("正在后台完整检查数据库：{p}%（可以照常使用）").format(p=done * 100 // max(total, 1))


def raw_copy_name(db_path: Path, now: datetime) -> str:
    """「incidents.sqlite3.原始副本-20261201-2233.sqlite3」: plainly a raw copy, and of which file."""
    return f"{db_path.name}.{RAW_MARK}-{beijing(now).strftime('%Y%m%d-%H%M')}.sqlite3"


def _copy_raw(source: Path, target: Path) -> str:
    """Byte for byte, mode 0600, never over an existing file; the copy's SHA-256."""
    digest = hashlib.sha256()
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with source.open("rb") as src, os.fdopen(fd, "wb") as out:
        while chunk := src.read(1 << 20):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest()


def save_raw_copy(db_path: Path, target: Path) -> list[tuple[Path, str]]:
    """Copy the database file to ``target`` and its -wal/-shm beside it as
    ``target``-wal/-shm; returns each copy with its SHA-256. Raises ``OSError``."""
    copies = [(target, _copy_raw(db_path, target))]
    for suffix in SIDE_FILES:
        side = db_path.with_name(db_path.name + suffix)
        if side.is_file():
            side_target = target.with_name(target.name + suffix)
            copies.append((side_target, _copy_raw(side, side_target)))
    return copies


def raw_copy_report(copies: list[tuple[Path, str]]) -> str:
    files = "；".join(f"{path.name}（SHA-256 {digest[:16]}…）" for path, digest in copies)
    return tr("已保存原始副本（供取证，未经数据库打开）：{f}，在 {d}").format(f=files, d=copies[0][0].parent)
