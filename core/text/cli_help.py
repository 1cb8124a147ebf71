"""The command line's help: the descriptions of its commands and options (``core.cli``)."""

from __future__ import annotations

ENTRIES: dict[str, tuple[str, str]] = {}
