"""Shared test set-up: Qt runs offscreen; helpers build incident documents."""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "resources" / "examples"


def load_script(relative: str) -> ModuleType:
    """A script of this repository that is not a package module (a benchmark's harness, a
    packaging helper), loaded under its file name so tests can call into it."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module  # dataclasses in it look their module up
    spec.loader.exec_module(module)
    return module


def crash_harness() -> ModuleType:
    """The kill -9 harness (``tests/benchmarks/crash_store.py``) the crash tests drive."""
    return load_script("tests/benchmarks/crash_store.py")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``incident-assistant ARGS`` run in this process
    (argparse's own exits, by ``SystemExit``, give their code too)."""
    from core.cli import main

    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    return code, out.out, out.err


def sha(path: Path) -> str:
    """The SHA-256 of a file's bytes (hex): proof a file was left as it was."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def example(name: str = "clinic-ransomware.json") -> dict[str, Any]:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


def minimal(**overrides: Any) -> dict[str, Any]:
    """A small valid incident: an ordinary operator, discovered 2026-11-24 09:30 Beijing time."""
    doc: dict[str, Any] = {
        "schema": "incident-assistant/incident@1",
        "title": "测试事件",
        "reporter": {"name": "某某公司", "category": "other", "province": "福建省"},
        "discovered_at": "2026-11-24T09:30:00+08:00",
    }
    doc.update(copy.deepcopy(overrides))
    return doc


@pytest.fixture
def pack():
    from core.rules import default_pack

    return default_pack()
