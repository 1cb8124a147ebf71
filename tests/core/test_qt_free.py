"""Conventions §16: importing every core module never loads PySide6."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_does_not_import_qt():
    modules = sorted(
        "core." + str(p.relative_to(ROOT / "core").with_suffix("")).replace("/", ".").removesuffix(".__init__")
        for p in (ROOT / "core").rglob("*.py") if p.name != "__main__.py")
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "False"
