"""Finds bundled resource files, from a source checkout, an installed package or a
PyInstaller bundle. Does not read the files."""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The ``resources/`` folder: inside the bundle (``sys._MEIPASS``) or beside ``core/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def path(relative: str) -> Path:
    """Absolute path of a resource, e.g. ``path("fonts/wqy-microhei.ttc")``."""
    return root() / relative
