"""Test helpers for file permissions: run a block as ``nobody`` (root ignores permissions),
in a folder ``nobody`` can enter. Shared by the store's integrity and read-only tests.

The clone may lie where ``nobody`` cannot read (root's home, mode 0700; issue 28): before
the first drop, every module of ``core`` and the libraries it loads lazily are imported
and the rule pack loaded, as root, so the code under test reads nothing from the clone
as ``nobody``; test data goes through ``readable``."""

from __future__ import annotations

import importlib
import os
import pkgutil
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest

NOBODY = 65534


@cache
def preload() -> None:
    """Import, as the current user, what the store and the command line load lazily."""
    import core

    for info in pkgutil.walk_packages(core.__path__, "core."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    for name in ("sqlite_utils", "platformdirs"):
        importlib.import_module(name)
    from core.rules import default_pack

    default_pack()


@cache
def readable(path: Path) -> str:
    """The text of ``path``, read as the current user (before any drop to ``nobody``)."""
    return path.read_text(encoding="utf-8")


@contextmanager
def unprivileged() -> Iterator[None]:
    """Drop to ``nobody`` while root, so file permissions apply (root ignores them)."""
    if os.geteuid() != 0:
        yield
        return
    preload()
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder ``nobody`` can enter (pytest's tmp_path is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="store-ro-"))
    base.chmod(0o777)
    yield base
    for p in [base, *base.rglob("*")]:
        if p.is_dir():
            p.chmod(0o777)
    shutil.rmtree(base)
