"""Test helpers for file permissions: run a block as ``nobody`` (root ignores permissions),
in a folder ``nobody`` can enter. Shared by the store's integrity and read-only tests."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

NOBODY = 65534


@contextmanager
def unprivileged() -> Iterator[None]:
    """Drop to ``nobody`` while root, so file permissions apply (root ignores them)."""
    if os.geteuid() != 0:
        yield
        return
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
