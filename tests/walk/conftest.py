"""The walk's fixtures: background work inline (deterministic), as in the GUI tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def inline_tasks():
    from gui import tasks

    tasks.set_executor(tasks.InlineExecutor())
    yield
    tasks.set_executor(tasks.InlineExecutor())
