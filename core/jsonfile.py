"""Reads an untrusted incident file into plain JSON values, refusing what a hostile or
damaged file can hold: anything but a regular file (folder, FIFO, device), more than
``MAX_FILE_BYTES``, text that is not UTF-8, nesting deeper than ``MAX_DEPTH``, an
array or object of more than ``MAX_ITEMS`` entries (``MAX_TOTAL_ITEMS`` in the whole
file), duplicate keys, NaN and
infinities, numbers beyond ``MAX_NUMBER`` and lone surrogates.
Every refusal is an ``InvalidIncident`` whose finding names the key path and the limit.
It does not know the incident schema (``core.incident`` checks that).
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.messages import Finding, InvalidIncident

MAX_FILE_BYTES = 20 * 1024 * 1024  # 20 MB: thousands of times a real incident file
MAX_FILE_TEXT = "20 MB"
MAX_DEPTH = 64  # objects and arrays inside each other; an incident needs four
MAX_NUMBER = 10**15  # |x| above this is refused: no count or amount comes near, and every
MAX_NUMBER_TEXT = "10^15"  # JSON reader holds it exactly (below 2**53)
_MAX_DIGITS = 17  # an integer literal longer than this is beyond MAX_NUMBER without parsing it
# Entries in one array (submissions, timeline entries, sector obligations, systems) or one
# object: a real incident has tens; 100,000 made an import take 45 s and 5,000 about 4 s
# (issue 25). The benchmark suite times import and check at this size.
MAX_ITEMS = 1_000
# Entries of all arrays and objects together: the example has about 100, a file with every
# list at MAX_ITEMS about 12,000; 900,000 unknown keys made a check take 4.5 s.
MAX_TOTAL_ITEMS = 20_000

_SURROGATE = re.compile("[\ud800-\udfff]")
# Tokens for locating a too-deep nesting when the parser itself gives up: strings and
# brackets (commas are counted between them, everything else is skipped).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_KEY_END = re.compile(r"[ \t\r\n]*:")
_SCAN_TOKENS = 1_000_000


def has_surrogate(text: str) -> bool:
    """True when ``text`` holds a lone UTF-16 surrogate (not Unicode text; cannot be written as UTF-8)."""
    return _SURROGATE.search(text) is not None


@dataclass(frozen=True)
class _Bad:
    """A parser hook's marker for a refused value; the walk turns it into a finding with its path."""

    code: str
    params: dict[str, Any]
    key: str | None = None  # for a duplicate key: the key, appended to the object's path


def load_file(path: str | Path) -> Any:
    """Read and parse the file at ``path``; raise ``InvalidIncident`` for every refusal."""
    return loads(read_bytes(path))


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes: a regular file only (stat first, a FIFO is never opened), at most
    ``MAX_FILE_BYTES`` (reads at most one byte more)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:
        raise _unreadable(exc) from None
    _require_regular(info.st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _unreadable(exc) from None
    try:
        _require_regular(os.fstat(fd).st_mode)  # the path may have been swapped since the stat
        chunks: list[bytes] = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise _unreadable(exc) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        raise InvalidIncident([Finding("", "file_too_large", {"limit": MAX_FILE_TEXT})])
    return data


def _unreadable(exc: OSError | ValueError) -> InvalidIncident:
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return InvalidIncident([Finding("", "unreadable", {"detail": detail})])


_KINDS = {
    stat.S_IFDIR: ("文件夹", "a folder"),
    stat.S_IFIFO: ("命名管道", "a named pipe"),
    stat.S_IFCHR: ("字符设备", "a character device"),
    stat.S_IFBLK: ("块设备", "a block device"),
    stat.S_IFSOCK: ("套接字", "a socket"),
}


def _require_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind_zh, kind_en = _KINDS.get(stat.S_IFMT(mode), ("特殊文件", "a special file"))
    raise InvalidIncident([Finding("", "file_not_regular", {"kind_zh": kind_zh, "kind_en": kind_en})])


def loads(data: str | bytes) -> Any:
    """Parse JSON text (bytes are UTF-8, a BOM allowed) with every check of this module."""
    text = _decode(data) if isinstance(data, (bytes, bytearray)) else data
    if len(text) > MAX_FILE_BYTES:
        raise InvalidIncident([Finding("", "file_too_large", {"limit": MAX_FILE_TEXT})])
    # Numbers are parsed natively (C speed) and range-checked by the walk. Only a file with
    # an integer too long to convert, or a number beyond a double (1e400), is parsed again
    # with hooks that keep the literal as written, for the message.
    try:
        value = _parse(text, hooked=False)
    except InvalidIncident:
        raise
    except ValueError:  # an integer longer than Python converts (4300 digits)
        value = _parse(text, hooked=True)
    problem = _first_problem(value, _Scope(surrogates=_may_hold_surrogates(data, text)))
    if problem is not None and problem.params.get("value") in ("inf", "-inf"):  # say 1e400 as written
        problem = _first_problem(_parse(text, hooked=True), _Scope(surrogates=False)) or problem
    if problem is not None:
        raise InvalidIncident([problem])
    return value


def _parse(text: str, *, hooked: bool) -> Any:
    hooks: dict[str, Any] = {"parse_int": _int, "parse_float": _float} if hooked else {}
    try:
        return json.loads(text, object_pairs_hook=_object, parse_constant=_constant, **hooks)
    except json.JSONDecodeError as exc:
        raise InvalidIncident([_not_json(exc)]) from None
    except RecursionError:
        raise InvalidIncident([Finding(_deep_path(text), "too_deep", {"limit": MAX_DEPTH})]) from None


def _may_hold_surrogates(data: str | bytes, text: str) -> bool:
    """A parsed string can hold a surrogate only through a ``\\uD8xx``-style escape, or
    when the caller passed text that already held one."""
    if "\\ud" in text or "\\uD" in text:
        return True
    if isinstance(data, str):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return True
    return False


def _decode(data: bytes | bytearray) -> str:
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidIncident([Finding("", "not_utf8", {"offset": exc.start})]) from None


# JSON's own messages, in Chinese for the default language.
_JSON_MESSAGES_ZH = {
    "Expecting value": "此处应为一个值",
    "Expecting property name enclosed in double quotes": "键名应放在英文双引号中",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Unterminated string starting at": "字符串没有结束的引号",
    "Invalid control character at": "字符串中有未转义的控制字符",
    "Invalid \\escape": "无效的转义序列",
    "Invalid \\uXXXX escape": "无效的 \\u 转义",
    "Extra data": "JSON 值之后还有多余内容",
}


def _not_json(exc: json.JSONDecodeError) -> Finding:
    return Finding("", "not_json", {"line": exc.lineno, "col": exc.colno, "detail": exc.msg, "detail_zh": _JSON_MESSAGES_ZH.get(exc.msg, exc.msg)})


# --- Parser hooks: refused values become markers, found with their path afterwards. ---


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any] | _Bad:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            return _Bad("duplicate_key", {"key": key}, key=key)
        result[key] = value
    return result


def _int(literal: str) -> int | _Bad:
    if len(literal.lstrip("-")) > _MAX_DIGITS:
        return _Bad("number_range", {"value": literal[:20] + "…", "limit": MAX_NUMBER_TEXT})
    value = int(literal)
    if abs(value) > MAX_NUMBER:
        return _Bad("number_range", {"value": literal, "limit": MAX_NUMBER_TEXT})
    return value


def _float(literal: str) -> float | _Bad:
    value = float(literal)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        shown = literal if len(literal) <= 40 else literal[:37] + "…"
        return _Bad("number_range", {"value": shown, "limit": MAX_NUMBER_TEXT})
    return value


def _constant(name: str) -> _Bad:
    return _Bad("not_finite", {"value": name})


# --- The walk: the first refused value, surrogate or too-deep container, in document order. ---


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


@dataclass(frozen=True)
class _Scope:
    """What the reader allows while it walks one JSON value (depth, surrogates)."""

    surrogates: bool  # whether strings and keys must be searched for lone surrogates
    seen: list[int] = field(default_factory=lambda: [0])  # entries of the containers walked so far


_PLAIN = frozenset({bool, type(None), str})
_NUMBERS = frozenset({int, float})


def _first_problem(root: Any, scope: _Scope) -> Finding | None:
    """Depth-first in document order; recursion is bounded by ``MAX_DEPTH``."""
    if isinstance(root, (dict, list)):
        return _container(root, "", 1, scope)
    return _leaf(root, "", scope)


def _leaf(value: Any, path: str, scope: _Scope) -> Finding | None:
    kind = type(value)
    if kind is _Bad:
        where = _join(path, value.key) if value.key is not None else path
        return Finding(where, value.code, value.params)
    if kind is str and scope.surrogates and has_surrogate(value):
        return Finding(path, "lone_surrogate")
    if kind in _NUMBERS and not -MAX_NUMBER <= value <= MAX_NUMBER:  # also catches 1e400 read as inf
        return Finding(path, "number_range", {"value": str(value), "limit": MAX_NUMBER_TEXT})
    return None


def _clean(values: Any, scope: _Scope) -> bool:
    """True when none of ``values`` (a list, or an object's values) needs a closer look: checked
    at C speed by their types and, for numbers, by their smallest and largest."""
    kinds = set(map(type, values))
    if not kinds <= _PLAIN | _NUMBERS or (str in kinds and scope.surrogates):
        return False
    if kinds & _NUMBERS:
        if not kinds <= _NUMBERS:
            return False
        in_range: bool = -MAX_NUMBER <= min(values) and max(values) <= MAX_NUMBER
        return in_range
    return True


def _container(value: dict[str, Any] | list[Any], path: str, depth: int, scope: _Scope) -> Finding | None:
    is_object = isinstance(value, dict)
    if len(value) > MAX_ITEMS:
        return Finding(path, "too_many_items", {"count": len(value), "limit": MAX_ITEMS})
    scope.seen[0] += len(value)
    if scope.seen[0] > MAX_TOTAL_ITEMS:
        return Finding(path, "too_many_items_total", {"limit": MAX_TOTAL_ITEMS})
    if is_object and scope.surrogates:
        for key in value:
            if has_surrogate(key):
                return Finding(_join(path, key), "lone_surrogate_key")
    if _clean(value.values() if isinstance(value, dict) else value, scope):
        return None
    pairs = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in pairs:
        kind = type(child)
        if kind is dict or kind is list:
            where = _join(path, str(key)) if is_object else f"{path}[{key}]"
            if depth >= MAX_DEPTH:
                return Finding(where, "too_deep", {"limit": MAX_DEPTH})
            found = _container(child, where, depth + 1, scope)
        elif kind is _Bad or (kind is str and scope.surrogates) or (kind in _NUMBERS and not -MAX_NUMBER <= child <= MAX_NUMBER):
            found = _leaf(child, _join(path, str(key)) if is_object else f"{path}[{key}]", scope)
        else:
            continue
        if found is not None:
            return found
    return None


def _deep_path(text: str) -> str:
    """The key path where nesting first goes past ``MAX_DEPTH``, from a token scan (used
    when the parser itself ran out of depth). Commas are counted between tokens, so flat
    content costs little; after ``_SCAN_TOKENS`` strings and brackets the scan gives up
    and the finding is for the whole file (it still names the limit)."""
    frames: list[list[Any]] = []  # per open container: [is_object, last key, element index]
    parts: list[str] = []
    last = 0
    for count, match in enumerate(_TOKEN.finditer(text)):
        if count >= _SCAN_TOKENS:
            return ""
        token = match.group()
        if frames and not frames[-1][0]:
            frames[-1][2] += text.count(",", last, match.start())
        last = match.end()
        if token in ("[", "{"):
            if len(frames) >= MAX_DEPTH:
                return _render(parts + [_step(frames[-1])])
            if frames:
                parts.append(_step(frames[-1]))
            frames.append([token == "{", None, 0])
        elif token in ("]", "}"):
            if not frames:
                return ""
            frames.pop()
            if parts and frames:
                parts.pop()
        elif frames and frames[-1][0] and _KEY_END.match(text, last):
            try:
                frames[-1][1] = json.loads(token)
            except ValueError:
                frames[-1][1] = token
    return ""


def _step(frame: list[Any]) -> str:
    is_object, key, index = frame
    return str(key) if is_object else f"[{index}]"


def _render(parts: list[str]) -> str:
    path = ""
    for part in parts:
        path = f"{path}{part}" if part.startswith("[") else _join(path, part)
    return path
