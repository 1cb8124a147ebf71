"""Field paths of the incident document, parsed one way everywhere: ``title``,
``impact.people_affected``, ``systems[0].name`` (product.md §4.1 keys, list positions in
brackets). Reading, removing and formatting values at such paths lives here; checking
that a path names a field of the incident schema is ``core.store.docpath``'s job.
Does not validate values.
"""

from __future__ import annotations

import re
from typing import Any

Step = str | int

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


class PathError(ValueError):
    """Text that is not a field path (``a.b[0].c``)."""


def parse(path: str) -> list[Step]:
    """``"systems[0].name"`` → ``["systems", 0, "name"]``. Raises ``PathError`` for
    anything else: empty steps, a leading index, stray characters."""
    steps: list[Step] = []
    pos = 0
    while pos < len(path):
        if steps and path[pos] == ".":
            pos += 1
            m = _TOKEN.match(path, pos)
            if m is None or m.group(1) is None:
                raise PathError(path)
        else:
            m = _TOKEN.match(path, pos)
            if m is None or (m.group(1) is not None and steps):
                raise PathError(path)
        steps.append(m.group(1) if m.group(1) is not None else int(m.group(2)))
        pos = m.end()
    if not steps or not isinstance(steps[0], str):
        raise PathError(path)
    return steps


def format_path(steps: list[Step]) -> str:
    """The inverse of :func:`parse`."""
    out = ""
    for step in steps:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def join(path: str, key: str | int) -> str:
    """``join("systems", 0)`` → ``systems[0]``; ``join("impact", "x")`` → ``impact.x``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def pattern(path: str) -> str:
    """The path with list positions blanked (``systems[2].name`` → ``systems[].name``): the
    key under which the field catalogue describes every element of a list."""
    return re.sub(r"\[\d+\]", "[]", path)


def _step(current: Any, step: Step) -> Any:
    if isinstance(step, int):
        return current[step] if isinstance(current, list) and step < len(current) else None
    return current.get(step) if isinstance(current, dict) else None


def get(doc: Any, path: str) -> Any:
    """The value at ``path``, or None when any step is absent or null (unknown)."""
    current = doc
    for step in parse(path):
        current = _step(current, step)
        if current is None:
            return None
    return current


def delete(doc: Any, path: str) -> bool:
    """Remove the key, or the whole list element, at ``path``; False when it is not there."""
    steps = parse(path)
    current = doc
    for step in steps[:-1]:
        current = _step(current, step)
        if current is None:
            return False
    last = steps[-1]
    if isinstance(last, int) and isinstance(current, list) and last < len(current):
        del current[last]
        return True
    if isinstance(last, str) and isinstance(current, dict) and last in current:
        del current[last]
        return True
    return False


def is_within(path: str, ancestor: str) -> bool:
    """True when ``path`` is ``ancestor`` or lies inside it (``systems[0].name`` in ``systems[0]``)."""
    a, p = parse(ancestor), parse(path)
    return p[: len(a)] == a


def sort_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """Orders paths with list positions compared as numbers (``[10]`` after ``[2]``)."""
    return tuple((0, s) if isinstance(s, int) else (1, s) for s in parse(path))


def prefixes(pattern_: str) -> list[str]:
    """The paths of the objects and lists a catalogue pattern lies in, outermost first:
    ``systems[].name`` → ``["systems"]``, ``impact.portal_outage.site`` →
    ``["impact", "impact.portal_outage"]``."""
    parts = pattern_.split(".")
    return [".".join(parts[:n]).removesuffix("[]") for n in range(1, len(parts))]
