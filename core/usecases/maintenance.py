"""Keeping the database whole: backup, restore, verify, the record anchor's check, the
full check at open, and the copies of the file kept beside it (issue 25). The methods work
on the open database; the functions on a file that may not open (verify and restore must
also work on a file the app refuses to open, and the full check runs on its own thread).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from core.store import VerifyResult, restore, verify_file
from core.store.anchor import Anchor, AnchorCheck, AnchorFormatError, check_file, store_anchor
from core.store.anchor import parse as parse_anchor
from core.store.fullcheck import FullCheck, FullCheckResult, Progress
from core.store.fullcheck import start_full_check as start
from core.usecases.base import Area
from core.usecases.changes import LISTING, Restored

if TYPE_CHECKING:
    from collections.abc import Callable

    from core.clock import Clock

__all__ = [
    "Anchor",
    "AnchorCheck",
    "AnchorFormatError",
    "Maintenance",
    "check_anchor",
    "parse_anchor",
    "restore_database",
    "start_full_check",
    "verify_database",
]


def verify_database(path: str | os.PathLike[str]) -> VerifyResult:
    """``integrity_check``, the whole audit chain and every row against it; writes nothing
    (works on a file the app refuses to open)."""
    return verify_file(Path(path))


def check_anchor(path: str | os.PathLike[str], wanted: Anchor) -> AnchorCheck:
    """Whether the audit chain of the file at ``path`` extends the one ``wanted`` was printed from."""
    return check_file(Path(path), wanted)


def restore_database(path: str | os.PathLike[str], source: str | os.PathLike[str], clock: Clock | None = None) -> Path | None:
    """Replace the database at ``path`` with a verified backup; returns where the data as it
    was is kept (None when there was none)."""
    return restore(Path(path), Path(source), clock)


def start_full_check(path: str | os.PathLike[str], on_progress: Progress | None, on_done: Callable[[FullCheckResult], None]) -> FullCheck:
    """The whole-file check at open (issue 16) on a thread of its own; ``on_done`` gets the result."""
    return start(Path(path), on_progress, on_done)


class Maintenance(Area):
    def data_path(self) -> Path:
        """The database file (shown in the quick guide and the about box)."""
        return Path(self.store.path)

    def record_anchor(self) -> str:
        """The record anchor (记录校验码) of the store now: what a report exported from it
        prints in its footer and the reporter keeps (product.md §9.4)."""
        return store_anchor(self.store)

    def verify(self) -> VerifyResult:
        return self.store.verify()

    def backup(self, target: str | os.PathLike[str], *, plain: bool = False) -> Path:
        """A verified backup copy at ``target`` (never over an existing file). A backup of an
        encrypted database is encrypted with the same key, its key file beside it
        (``<target>.keys``); ``plain`` writes a clear copy instead, only when she asks (issue 28)."""
        return Path(self.store.backup(Path(target), plain=plain))

    def restore(self, source: str | os.PathLike[str]) -> Restored:
        """Replace the data with a backup's; the data as it was is kept as a copy."""
        kept = restore(self.store.path, Path(source), self.store.clock)  # replaces the file the store has open
        return Restored(Path(kept) if kept else None, LISTING)

    def untold_copies(self) -> list[Path]:
        """Copies of the database kept beside it that the user was not told about yet."""
        return self.store.untold_copies()

    def note_told(self, copies: list[Path]) -> None:
        """The user was told about ``copies``: each is told once."""
        self.store.note_told(copies)

    # --- the checks of opening ---
    def opening_checked(self) -> bool:
        """Whether ``finish_opening`` would not wait (the background check has ended)."""
        return self.store.opening_checked()

    def finish_opening(self) -> None:
        """Wait for the background check of opening; raises ``StoreCorrupt`` on a damaged file."""
        self.store.finish_opening()

    def stop_writing(self) -> None:
        """The file was found damaged: every later write raises ``StoreReadOnly``, so the
        damaged file stays as it is for examination."""
        self.store.read_only = True

    @property
    def writable(self) -> bool:
        return not self.store.read_only

    def close(self) -> None:
        """Close the database and give up this process's claim to write it."""
        try:
            self.store.close()
        finally:
            if self._writer is not None:
                self._writer.release()
                self._writer = None
