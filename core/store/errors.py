"""The store's errors: one ``StoreError`` subclass per situation a user can meet (not a
database, corrupt, broken chain, newer schema, read-only, disk full, locked), each
with a Chinese message that names the file, the problem and the way out. Also turns
``sqlite3`` and ``OSError`` failures into those classes. Does not touch the database.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

RESTORE_HINT = "可用「备份与恢复」从备份恢复（命令行：incident-assistant restore 备份文件）"


class StoreError(Exception):
    """An expected failure of the store. ``str()`` is one Chinese line for the user."""

    problem = "无法使用数据库"
    remedy = RESTORE_HINT

    def __init__(self, path: Path | str | None, detail: str | None = None, remedy: str | None = None, *, problem: str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.detail = detail
        if remedy is not None:
            self.remedy = remedy
        if problem is not None:
            self.problem = problem
        super().__init__(self.message())

    def message(self) -> str:
        where = f"数据库文件 {self.path}：" if self.path is not None else ""
        detail = f"（{self.detail}）" if self.detail else ""
        remedy = f"。{self.remedy}" if self.remedy else ""
        return f"{where}{self.problem}{detail}{remedy}。".replace("。。", "。")


class NotADatabase(StoreError):
    problem = "不是本程序的数据库文件（文件头不对或已损坏），文件未作任何改动"


class StoreCorrupt(StoreError):
    problem = "完整性检查（PRAGMA integrity_check）未通过，数据库已损坏，文件未作任何改动"


class ChainBroken(StoreError):
    problem = "审计记录的哈希链断裂，数据可能在本程序之外被改动，文件未作任何改动"


class StoreTooNew(StoreError):
    problem = "由更新版本的程序创建，本版本无法安全打开，文件未作任何改动"
    remedy = "请升级程序，或从备份恢复"


class StoreReadOnly(StoreError):
    problem = "文件或所在文件夹不可写（只读），无法保存"
    remedy = "请检查文件夹权限，或用 --db 指定一个可写的位置；已保存的内容没有丢失，修改可在恢复写入后重试"


class StoreFull(StoreError):
    problem = "磁盘空间已满，本次修改未能保存"
    remedy = "请清理磁盘空间后重试；已保存的内容没有丢失"


class StoreLocked(StoreError):
    problem = "数据库正被另一个程序长时间占用（已锁定），本次修改未能保存"
    remedy = "请关闭另一个正在写入的窗口或程序后重试；已保存的内容没有丢失"


class StoreIOError(StoreError):
    problem = "读写数据库时出错"
    remedy = "请检查磁盘后重试；已保存的内容没有丢失"


class ForeignSchema(StoreError):
    """The file's tables, indexes, views or triggers are not exactly the app's own (issue 16)."""

    problem = "数据库结构与本程序的不符（可能被人动过手脚），为安全起见未使用，文件未作任何改动"


class StoreTimeout(StoreError):
    problem = "读取数据库超时，已中止（文件可能被构造成让程序卡住），文件未作任何改动"


class BackupInvalid(StoreError):
    problem = "备份文件校验未通过，未使用"
    remedy = "请换一个备份文件"


class TargetExists(StoreError):
    problem = "文件已存在，为免覆盖，未写入"
    remedy = "请换一个文件名"


class IncidentNotFound(StoreError, LookupError):
    problem = "没有这个事件"
    remedy = "请用 incident-assistant list 查看已有事件的 id"


class IncidentExists(StoreError):
    problem = "已有同一 id 的事件，为免覆盖，未导入"
    remedy = "如需另存一份，请用 import --new-id"


class InvalidEdit(StoreError, ValueError):
    """A field path or value the store refuses (unknown key, not JSON, wrong place)."""

    problem = "修改无效"
    remedy = ""


_CODE_CLASSES: dict[int, type[StoreError]] = {
    sqlite3.SQLITE_BUSY: StoreLocked,
    sqlite3.SQLITE_LOCKED: StoreLocked,
    sqlite3.SQLITE_FULL: StoreFull,
    sqlite3.SQLITE_READONLY: StoreReadOnly,
    sqlite3.SQLITE_CANTOPEN: StoreReadOnly,
    sqlite3.SQLITE_NOTADB: NotADatabase,
    sqlite3.SQLITE_CORRUPT: StoreCorrupt,
    sqlite3.SQLITE_IOERR: StoreIOError,
    sqlite3.SQLITE_PERM: StoreReadOnly,
    sqlite3.SQLITE_INTERRUPT: StoreTimeout,
}

# What a failure means when nothing was being written (list, export, verify, backup, check ID):
# never 「本次修改未能保存」 when no edit was made (issue 16).
_READING: dict[type[StoreError], tuple[str, str]] = {
    StoreLocked: ("数据库正被另一个程序独占锁定，无法读取", "请关闭另一个程序后重试；没有作任何修改"),
    StoreFull: ("磁盘空间已满，无法读取数据库", "请清理磁盘空间后重试；没有作任何修改"),
    StoreReadOnly: ("无法打开数据库文件读取（没有权限或文件夹不可访问）", "请检查文件和文件夹的权限；没有作任何修改"),
    StoreIOError: ("读取数据库时出错", "请检查磁盘后重试；没有作任何修改"),
}


def reading(error: StoreError) -> StoreError:
    """``error`` worded for an operation that only reads."""
    wording = _READING.get(type(error))
    if wording is None:
        return error
    return type(error)(error.path, error.detail, wording[1], problem=wording[0])


def from_sqlite(exc: sqlite3.Error, path: Path | str | None) -> StoreError:
    """The ``StoreError`` for a sqlite3 failure (by primary result code, then by text)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _CODE_CLASSES:
        return _CODE_CLASSES[code & 0xFF](path, str(exc))
    text = str(exc).lower()
    for needle, cls in (
        ("locked", StoreLocked),
        ("full", StoreFull),
        ("readonly", StoreReadOnly),
        ("unable to open", StoreReadOnly),
        ("not a database", NotADatabase),
        ("malformed", StoreCorrupt),
        ("disk i/o", StoreIOError),
    ):
        if needle in text:
            return cls(path, str(exc))
    return StoreIOError(path, str(exc))


def from_os(exc: OSError, path: Path | str | None) -> StoreError:
    detail = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreFull(path, detail)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreReadOnly(path, detail)
    return StoreIOError(path, detail)


@contextmanager
def translated(path: Path | str | None) -> Iterator[None]:
    """Re-raise sqlite3 and OS failures inside the block as ``StoreError``s."""
    try:
        yield
    except StoreError:
        raise
    except sqlite3.Error as exc:
        raise from_sqlite(exc, path) from exc
    except OSError as exc:
        raise from_os(exc, path) from exc


@contextmanager
def translated_reading(path: Path | str | None) -> Iterator[None]:
    """As ``translated``, worded for an operation that writes nothing."""
    try:
        with translated(path):
            yield
    except StoreError as exc:
        raise reading(exc) from exc
