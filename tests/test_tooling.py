"""Conventions §15: ruff (lint and format) and mypy (on core/ and gui/) stay quiet; run as part of the suite."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


def test_ruff_is_clean():
    out = subprocess.run([tool("ruff"), "check", "core", "gui", "tests"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_format_is_applied():
    out = subprocess.run([tool("ruff"), "format", "--check", "core", "gui", "tests", "packaging"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_is_clean_on_core_and_gui():
    out = subprocess.run([tool("mypy"), "core", "gui"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_checks_core_strictly():
    """Issue 26: the run above checks core as ``mypy --strict core`` does (the GUI as configured)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    strict = [o for o in config.get("overrides", []) if o.get("strict") is True]
    assert any({"core", "core.*"} <= set(o["module"]) for o in strict), config
    assert not any(m.startswith("gui") for o in strict for m in o["module"])


README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def readme_lines(start: str) -> list[str]:
    return [line for line in README.splitlines() if line.startswith(start)]


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = [line for line in readme_lines("python3 -m venv .venv") if "pytest" in line]
    assert len(test_command) == 1
    assert test_command[0] in CI_RUN.splitlines()


def test_ci_installs_every_package_of_the_readme_apt_line_but_git():
    """Issue 17: one apt line in the README for a fresh Debian; CI installs the same set."""
    (apt_line,) = readme_lines("sudo apt-get update && sudo apt-get install")
    readme_packages = {word for word in apt_line.split("install", 1)[1].split() if not word.startswith("-")}
    ci_block = CI_RUN.split("apt-get install", 1)[1].split(">/dev/null", 1)[0].replace("\\\n", " ")
    ci_packages = {word for word in ci_block.split() if not word.startswith("-")}
    assert {"python3-venv", "libpython3.11", "binutils", "libxcb-cursor0", "libxkbcommon-x11-0"} <= ci_packages
    assert ci_packages == readme_packages - {"git", "ca-certificates", "python3"}
