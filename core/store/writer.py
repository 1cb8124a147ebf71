"""One writing app per database (issue 16): the desktop app holds an exclusive lock on a
small file beside the database (``<name>.writer``) while it runs, so a second window on
the same file is refused with a message instead of overwriting the first one's edits.
The command line's reading commands do not take it. POSIX ``flock`` or Windows
``msvcrt.locking``; the operating system drops the lock when the process ends, also after
a crash, so a stale lock file never blocks. Does not read the database.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# The lock files this process holds: a restore started from the desktop app runs in the
# process that already holds its database's lock (issue 25).
_HELD: set[Path] = set()


def held_here(database: str | os.PathLike[str]) -> bool:
    """True when this process holds the writer lock of ``database``."""
    return WriterLock(database).path.resolve() in _HELD


def holder(database: str | os.PathLike[str]) -> int | None:
    """The process id written in the lock file by the process holding it (POSIX), if any."""
    try:
        text = WriterLock(database).path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


class WriterLock:
    def __init__(self, database: str | os.PathLike[str]) -> None:
        self.path = Path(database).with_name(Path(database).name + ".writer")
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process (or window) holds it."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        if sys.platform != "win32":  # who holds it, for a restore refused meanwhile
            try:
                os.ftruncate(fd, 0)
                os.write(fd, str(os.getpid()).encode("ascii"))
            except OSError:
                pass
        _HELD.add(self.path.resolve())
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        _HELD.discard(self.path.resolve())
        try:
            if sys.platform == "win32":
                import msvcrt

                os.lseek(self._fd, 0, os.SEEK_SET)
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            os.close(self._fd)
            self._fd = None
