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
        return True

    def release(self) -> None:
        if self._fd is None:
            return
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
