"""``incident-assistant self-test`` (issue 7): passes on a complete installation with one
line per check, exits 1 naming what failed, never touches the user's database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from core.cli.selftest_cmd import CHECKS

ROOT = Path(__file__).resolve().parents[2]
NAMES = [name for name, _fn, _needs in CHECKS]


def run(*args: str, code: str | None = None, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    cmd = [sys.executable, "-c", code] if code else [sys.executable, "-m", "core.cli", *args]
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
    assert "self-test passed" in out.stdout.splitlines()[-1]
    assert not user_db.exists()  # the user's database is never opened or created


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
        "from core.cli import entry\n"
        "entry()\n"
    )
    out = run(code=code)
    assert out.returncode == 1, out.stdout + out.stderr
    lines = check_lines(out.stdout)
    assert lines["rules"] == "ok" and lines["font"] == "ok"
    assert lines["check"] == lines["pdf"] == lines["store"] == "failed"
    assert "not run: needs check" in out.stdout
    assert "self-test failed" in out.stdout and "check, pdf, store" in out.stdout
