"""Field-level edits of an incident document: parse a path such as
``impact.people_affected``, ``reporter.name`` or ``systems[0].name``, check it names a
field of the incident schema (product.md §4.1), and set a JSON value there, creating
the objects and list slots on the way. Values are not validated further: a draft may
be temporarily invalid. Does not touch the database.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from core import field_paths as fp
from core import paths
from core.store.errors import InvalidEdit

if TYPE_CHECKING:  # the schema loads with the first edit, not at start-up
    from core.incident import Doc, Node

# Fields the store manages itself; edit them through their own calls.
RESERVED = {
    fp.ID: "id 由数据库分配，不能修改",
    fp.SCHEMA: "schema 由本程序写为 incident-assistant/incident@2",
    fp.NUMBER: "事件编号由数据库分配，不能修改",
    fp.SUBMISSIONS: "报送记录请用 add_submission 追加",
    fp.TIMELINE: "时间线请用 add_timeline 追加",
}
Part = str | int


def parse_path(path: str) -> list[Part]:
    """``"systems[0].name"`` → ``["systems", 0, "name"]``; refuses malformed paths and
    paths that are not fields of the incident schema."""
    try:
        parts = paths.parse(path)
    except paths.PathError:
        raise InvalidEdit(None, f"字段路径「{path}」格式不对（例如 impact.people_affected、systems[0].name）", "") from None
    if parts[0] in RESERVED:
        raise InvalidEdit(None, RESERVED[parts[0]], "")
    _check_schema(parts, path)
    return parts


def _check_schema(parts: list[Part], path: str) -> None:
    from core.incident import SCHEMA  # lazy: the schema loads at the first edit, not at start-up

    node: Node | None = SCHEMA
    for part in parts:
        assert node is not None
        if isinstance(part, int):
            if node.kind != "list":
                raise InvalidEdit(None, f"字段路径「{path}」：{part} 处不是列表", "")
            node = node.item
        else:
            if node.fields is None or part not in node.fields:
                raise InvalidEdit(None, f"字段路径「{path}」：未知的键「{part}」", "")
            node = node.fields[part]


def check_json_value(value: Any, path: str = "") -> None:
    """Refuse anything that is not plain JSON (NaN and infinities included)."""
    from core.jsonfile import MAX_NUMBER, MAX_NUMBER_TEXT  # lazy: not needed to list incidents at start-up

    if value is None or isinstance(value, (str, bool)):
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise InvalidEdit(None, f"{path or '值'}：不是有效的 JSON 数字（{value}）", "")
        if abs(value) > MAX_NUMBER:
            raise InvalidEdit(None, f"{path or '值'}：数字超出范围（绝对值不能超过 {MAX_NUMBER_TEXT}）", "")
        return
    if isinstance(value, list):
        for i, item in enumerate(value):
            check_json_value(item, f"{path}[{i}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidEdit(None, f"{path or '值'}：对象的键必须是文本（{key!r}）", "")
            check_json_value(item, f"{path}.{key}" if path else key)
        return
    raise InvalidEdit(None, f"{path or '值'}：不是 JSON 值（{type(value).__name__}）", "")


def set_path(doc: Doc, path: str, value: Any) -> None:
    """Set ``value`` at ``path`` in ``doc`` (in place)."""
    parts = parse_path(path)
    check_json_value(value, path)
    current: Any = doc
    for part, following in zip(parts, parts[1:], strict=False):
        child = _get_child(current, part, path)
        if child is None:
            child = [] if isinstance(following, int) else {}
            _put(current, part, child, path)
        elif isinstance(following, int) != isinstance(child, list):
            kind = "列表" if isinstance(following, int) else "对象"
            raise InvalidEdit(None, f"字段路径「{path}」：{part} 处的值不是{kind}", "")
        current = child
    _put(current, parts[-1], value, path)


def _get_child(container: Any, part: Part, path: str) -> Any:
    if isinstance(part, int):
        return container[part] if part < len(container) else None
    return container.get(part)


def _put(container: Any, part: Part, value: Any, path: str) -> None:
    if isinstance(part, int):
        if part < len(container):
            container[part] = value
        elif part == len(container):
            container.append(value)
        else:
            raise InvalidEdit(None, f"字段路径「{path}」：序号 {part} 超出列表长度 {len(container)}", "")
    else:
        container[part] = value
