"""``incident-assistant self-test`` (issue 7): passes on a complete installation with one
line per check, exits 1 naming what failed, never touches the user's database. The
installed command is the launcher (``python -m gui.launch``), which adds the GUI check to
core's; ``python -m core.cli self-test`` runs core's checks alone, without the GUI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from core.cli.selftest_cmd import CHECKS

ROOT = Path(__file__).resolve().parents[2]
CORE_NAMES = [name for name, _fn, _needs in CHECKS]
NAMES = [*CORE_NAMES, "gui"]  # gui.launch.GUI_CHECKS, read here without importing the GUI


def run(*args: str, code: str | None = None, env_extra: dict[str, str] | None = None, module: str = "gui.launch") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    cmd = [sys.executable, "-c", code] if code else [sys.executable, "-m", module, *args]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)


def check_lines(stdout: str) -> dict[str, str]:
    found = {}
    for line in stdout.splitlines():
        parts = line.split(maxsplit=2)
        if len(parts) >= 2 and parts[0] in ("ok", "failed") and parts[1] in NAMES:
            found[parts[1]] = parts[0]
    return found


def test_self_test_passes_and_prints_every_check(tmp_path):
    user_db = tmp_path / "user.sqlite3"
    out = run("self-test", env_extra={"INCIDENT_ASSISTANT_DB": str(user_db)})
    assert out.returncode == 0, out.stdout + out.stderr
    assert check_lines(out.stdout) == dict.fromkeys(NAMES, "ok")
    assert set(NAMES) >= {"rules", "font", "check", "pdf", "store", "gui"}
    assert out.stdout.splitlines()[-1] == f"self-test passed: {len(NAMES)} of {len(NAMES)} checks ok"
    assert not user_db.exists()  # the user's database is never opened or created


def test_the_flag_form_runs_the_same_checks():
    out = run("--self-test")
    assert out.returncode == 0, out.stdout + out.stderr
    assert check_lines(out.stdout) == dict.fromkeys(NAMES, "ok")


def test_core_alone_runs_its_own_checks_without_the_gui():
    """``python -m core.cli`` is the command line alone: core never imports the GUI."""
    code = (
        "import sys\n"
        "from core.cli import main\n"
        "status = main(['self-test'])\n"
        "print('gui loaded:', any(m == 'gui' or m.startswith(('gui.', 'PySide6')) for m in sys.modules))\n"
        "sys.exit(status)\n"
    )
    out = run(code=code)
    assert out.returncode == 0, out.stdout + out.stderr
    assert check_lines(out.stdout) == dict.fromkeys(CORE_NAMES, "ok")
    assert f"self-test passed: {len(CORE_NAMES)} of {len(CORE_NAMES)} checks ok" in out.stdout
    assert out.stdout.splitlines()[-1] == "gui loaded: False"


def test_self_test_is_listed_in_help():
    out = run("--help")
    assert out.returncode == 0
    assert "self-test" in out.stdout


def test_a_failing_check_exits_1_and_names_it():
    code = (
        "import sys\n"
        "from core.cli import selftest_cmd\n"
        "selftest_cmd.EXAMPLE = 'examples/does-not-exist.json'\n"
        "sys.argv = ['incident-assistant', 'self-test']\n"
        "from gui.launch import entry\n"
        "entry()\n"
    )
    out = run(code=code)
    assert out.returncode == 1, out.stdout + out.stderr
    lines = check_lines(out.stdout)
    assert lines["rules"] == "ok" and lines["font"] == "ok"
    assert lines["check"] == lines["pdf"] == lines["store"] == "failed"
    assert "not run: needs check" in out.stdout
    assert "self-test failed" in out.stdout and "check, pdf, store" in out.stdout
