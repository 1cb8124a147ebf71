"""The .deb's templates (packaging/deb/) are complete and agree with each other, checked
without building: the desktop entry's keys, the AppStream metainfo's id, the control
file's dependencies, the DEP-5 copyright and the changelog's version."""

from __future__ import annotations

import configparser
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEB = ROOT / "packaging" / "deb"
APP_ID = "org.incident_assistant.IncidentAssistant"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string((DEB / f"{APP_ID}.desktop").read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def control_fields() -> dict[str, str]:
    fields: dict[str, str] = {}
    key = ""
    for line in (DEB / "control.in").read_text(encoding="utf-8").splitlines():
        if line.startswith(" ") and key:
            fields[key] += "\n" + line
        elif ":" in line:
            key, value = line.split(":", 1)
            fields[key] = value.strip()
    return fields


def test_the_desktop_entry_names_the_app_in_chinese_and_english_and_files_it_under_office():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "网络安全事件报告助手"
    assert entry["Name[en]"] == "Incident Reporting Assistant"
    assert entry["Categories"].split(";") == ["Office", ""]
    assert entry["Exec"] == "incident-assistant"  # the /usr/bin link; no arguments start the desktop app
    assert entry["Terminal"] == "false"
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.svg").is_file()


def test_the_metainfo_is_well_formed_with_the_desktop_entry_as_its_launchable():
    root = ET.parse(DEB / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("project_license") == "Apache-2.0"
    names = {n.get(XML_LANG): n.text for n in root.findall("name")}
    assert names == {None: desktop_entry()["Name"], "en": desktop_entry()["Name[en]"]}
    assert [c.text for c in root.iter("category")] == ["Office"]
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert root.find("releases/release").get("version") == version  # type: ignore[union-attr]


def test_the_control_file_depends_on_the_qt_system_libraries_of_the_readme():
    fields = control_fields()
    assert fields["Package"] == "incident-assistant"
    assert {"@VERSION@", "@ARCH@", "@INSTALLED_SIZE@"} <= {fields["Version"], fields["Architecture"], fields["Installed-Size"]}
    depends = [re.sub(r"\s*\(.*\)", "", d).strip() for d in fields["Depends"].split(",")]
    assert depends and all(depends)
    apt_line = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.startswith("sudo apt-get update && "))
    qt_runtime = [p for p in apt_line.split() if p.startswith(("libgl", "libegl", "libxkb", "libglib", "libfont", "libdbus", "libxcb"))]
    assert len(qt_runtime) == 12
    assert set(qt_runtime) <= set(depends), set(qt_runtime) - set(depends)


def test_the_copyright_file_is_dep5_and_names_every_licence_it_uses():
    text = (DEB / "copyright").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert paragraphs[0].startswith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
    used = {m for p in paragraphs[1:] if p.startswith("Files:") for m in re.findall(r"^License: (.+)$", p, re.M)}
    defined = {re.match(r"License: (.+)", p).group(1) for p in paragraphs if p.startswith("License:")}  # type: ignore[union-attr]
    assert {"Apache-2.0", "LGPL-3", "Apache-2.0 or GPL-3+ with Font exception"} <= used
    for expression in used:
        for name in re.split(r" or | and ", expression):
            assert name in defined, name
    assert "Files: opt/incident-assistant/_internal/resources/fonts/*" in text
    assert "Files: usr/share/icons/hicolor/*" in text


def test_the_changelog_is_at_the_project_version_and_every_override_has_a_reason():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    first = (DEB / "changelog").read_text(encoding="utf-8").splitlines()[0]
    assert re.fullmatch(rf"incident-assistant \({re.escape(version)}-\d+\) unstable; urgency=medium", first)
    lines = (DEB / "lintian-overrides").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line and not line.startswith("#"):
            assert line.startswith("incident-assistant: ")
            assert lines[i - 1].startswith("#"), f"override without a reason: {line}"
