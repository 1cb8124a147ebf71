"""Writing a file the user asked for (an export, a report) safely: written to a
temporary file in the target folder and moved into place with ``os.replace`` (a crash
leaves the old file or the new one, never half of one), readable by its owner only
(0600 on POSIX), never through a symbolic link, and an existing file replaced only
when the caller says so (issue 16). Works the same on Windows, where modes are not
set and ``os.replace`` replaces a file no other program holds open.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from core.store.errors import Said, said


class WriteRefused(Exception):
    """The file was not written; ``str()`` is one Chinese line naming it (the user's path,
    never the temporary file) and why, ``message("en")`` the same in English."""

    def __init__(self, path: Path, why: Said) -> None:
        self.path, self.why = path, why
        super().__init__(self.message())

    def message(self, lang: str = "zh") -> str:
        return said("store_file", path=self.path, text=self.why).render(lang)


def _failed(exc: OSError, key: str) -> Said:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return said("store_file_disk_full")
    return said(key, detail=exc.strerror or type(exc).__name__)


def write_private_file(path: str | Path, data: bytes, *, force: bool) -> Path:
    """Write ``data`` to ``path`` atomically, mode 0600. Raises ``WriteRefused`` for a
    symbolic link, a folder, an existing file without ``force``, or an OS error."""
    target = Path(path)
    check_target(target, force=force)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteRefused(target, _failed(exc, "store_file_folder_unwritable")) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if os.name == "posix":
            os.chmod(tmp, 0o600)  # mkstemp's mode already; said again for clarity
        _move_into_place(tmp, target, force=force)
    except OSError as exc:
        raise WriteRefused(target, _failed(exc, "store_file_write_failed")) from exc
    finally:
        tmp.unlink(missing_ok=True)
    _sync_folder(folder)
    return target


def check_target(target: Path, *, force: bool) -> None:
    if target.is_symlink():
        raise WriteRefused(target, said("store_file_symlink"))
    if target.is_dir():
        raise WriteRefused(target, said("store_file_folder"))
    if target.exists() and not force:
        raise WriteRefused(target, said("store_file_exists"))
    if target.exists() and not target.is_file():
        raise WriteRefused(target, said("store_file_not_regular"))


def _move_into_place(tmp: Path, target: Path, *, force: bool) -> None:
    """``os.replace`` (never follows a link: a link made meanwhile is replaced, not
    written through). Without ``force`` a hard link first, which fails instead of
    replacing a file created meanwhile; where links are not supported, a last check."""
    if force:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)
    except FileExistsError as exc:
        raise WriteRefused(target, said("store_file_exists")) from exc
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV, errno.EINVAL, errno.EACCES):
            raise
        if target.exists() or target.is_symlink():
            raise WriteRefused(target, said("store_file_exists")) from exc
        os.replace(tmp, target)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); best effort."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
