"""What a fresh Debian 12 found about installing (issue 28, "Also on install"): the
.deb depends on a CJK font, the desktop entry's Version is one Debian 12's
``desktop-file-validate`` knows (it passes the validator where installed), the README's
apt line does not prompt and says where the example lives, and its first command shows
the example at its own moment rather than 已超时."""

from __future__ import annotations

import configparser
import contextlib
import io
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from core.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[1]
DEB = ROOT / "packaging" / "deb"
DESKTOP = DEB / "org.incident_assistant.IncidentAssistant.desktop"
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLE = "resources/examples/clinic-ransomware.json"
# Desktop Entry Specification versions desktop-file-utils 0.26 (Debian 12) accepts.
KNOWN_VERSIONS = {"1.0", "1.1", "1.2", "1.3", "1.4"}


def test_the_deb_depends_on_a_cjk_font() -> None:
    control = (DEB / "control.in").read_text(encoding="utf-8")
    depends = re.search(r"^Depends: (.+)$", control, re.M)
    assert depends is not None
    names = {re.sub(r"\s*\(.*\)", "", d).strip() for d in depends.group(1).split(",")}
    assert "fonts-wqy-microhei" in names


def test_the_desktop_entry_has_a_version_debian_12_knows_and_validates() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser["Desktop Entry"]["Version"] in KNOWN_VERSIONS
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        done = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_readme_installs_the_deb_without_a_prompt_and_checks_the_installed_example() -> None:
    lines = README.splitlines()
    install = [line for line in lines if line.startswith("sudo apt install") and ".deb" in line]
    assert install and all(" -y " in f" {line} " for line in install)
    installed = "/opt/incident-assistant/_internal/" + EXAMPLE
    after = lines[lines.index(install[0]) + 1]
    assert after.startswith("incident-assistant check ") and installed in after
    bundle_copy = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'f"resources/{d.name}"' in bundle_copy  # the examples land under resources/ in the bundle


def test_the_readmes_first_command_shows_the_example_at_its_own_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the command is run from the clone
    first = next(line for line in README.splitlines() if line.startswith("python3 -m venv .venv") and "check" in line)
    words = shlex.split(first.split("incident-assistant", 2)[-1])
    assert words[0] == "check" and "--now" in words
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_main(words) == 0
    assert "已超时" not in out.getvalue() and "待报告" in out.getvalue()
