"""What killed processes leave beside the database or a backup, and telling the user about
the copies kept for her (issue 25).

Every copy the store writes (a backup, the copy kept before a restore or a migration)
is first written under a partial name that carries the writing process's id,
``.<name>.partial-<pid>-<random>.tmp``, and renamed into place only once complete. A
partial file (with its ``-journal``, ``-wal`` or ``-shm``) whose process is gone is
removed at the next opening of a database in that folder or the next backup into it;
never one whose process still runs (it may be writing it). Where a process's liveness
cannot be asked (Windows), only partial files older than an hour go. Restore staging
folders (``core.store.restoring``) are removed by the same rule.

Kept copies (``<name>.before-restore-<time>.bak``, ``<name>.before-<step>-<time>.bak``)
hold the user's data and are never removed; ``untold_copies`` lists those the user has
not been told about yet (one a killed restore left), and ``note_told`` remembers that
she was. Does not read the database.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

PARTIAL_LABEL = "partial-"
STAGING_LABEL = "restoring-"  # a restore's staging folder: <name>.restoring-<pid>-<random>
TOLD_KEY = "kept_copies_told"  # store meta: the kept copies' names the user was told about
_STALE_AFTER_S = 3600.0
_COMPANIONS = ("", "-journal", "-wal", "-shm")


def partial_name(out: Path) -> Path:
    """A new, unused partial file beside ``out`` for this process (created empty, 0600)."""
    folder = out.parent if str(out.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.{PARTIAL_LABEL}{os.getpid()}-", suffix=".tmp", dir=folder)
    os.close(fd)
    return Path(name)


def process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive
    return True


def _owner(name: str) -> int | None:
    tail = name.split(f".{PARTIAL_LABEL}", 1)[-1] if f".{PARTIAL_LABEL}" in name else ""
    pid = tail.split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def remove_partials(folder: Path) -> list[Path]:
    """Remove the partial files in ``folder`` whose writing process has ended; returns them."""
    removed: list[Path] = []
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(".") and f".{PARTIAL_LABEL}" in p.name]
    except OSError:
        return removed
    for candidate in candidates:
        base = candidate.name
        for suffix in _COMPANIONS[1:]:
            base = base.removesuffix(suffix)
        pid = _owner(base)
        if pid is None or not base.endswith(".tmp"):
            continue
        if sys.platform == "win32":
            try:
                if time.time() - candidate.stat().st_mtime < _STALE_AFTER_S:
                    continue
            except OSError:
                continue
        elif process_alive(pid):
            continue
        try:
            candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed


def kept_copies(db_path: Path) -> list[Path]:
    """The copies kept beside ``db_path`` (before a restore or a migration), oldest name first."""
    try:
        return sorted(p for p in db_path.parent.glob(f"{db_path.name}.before-*.bak") if p.is_file())
    except OSError:
        return []


def untold_copies(db_path: Path, told: str | None) -> list[Path]:
    """The kept copies whose names are not in ``told`` (the meta value ``TOLD_KEY``)."""
    names = set((told or "").split("\n"))
    return [p for p in kept_copies(db_path) if p.name not in names]


def told_value(told: str | None, copies: list[Path]) -> str:
    """The meta value ``TOLD_KEY`` once ``copies`` were told too."""
    names = [n for n in (told or "").split("\n") if n]
    names += [p.name for p in copies if p.name not in names]
    return "\n".join(names)


def remove_stale_staging(db_path: Path) -> list[Path]:
    """Remove staging folders (and older staging files) of restores that died; returns them."""
    removed: list[Path] = []
    for candidate in db_path.parent.glob(f"{db_path.name}.{STAGING_LABEL}*"):
        if _owner_alive(candidate):
            continue
        if candidate.is_dir():
            shutil.rmtree(candidate, ignore_errors=True)
        else:
            candidate.unlink(missing_ok=True)
        removed.append(candidate)
    return removed


def _owner_alive(candidate: Path) -> bool:
    tail = candidate.name.rsplit(STAGING_LABEL, 1)[-1]
    pid_text = tail.split("-", 1)[0]
    if not candidate.is_dir() or not pid_text.isdigit():
        return False  # an older version's staging file: its restore has ended
    if sys.platform == "win32":  # os.kill would end the process there
        try:
            return time.time() - candidate.stat().st_mtime < _STALE_AFTER_S
        except OSError:
            return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
