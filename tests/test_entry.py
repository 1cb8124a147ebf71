"""The entry point lives outside core (issue 12, item 9): ``gui.launch`` chooses the desktop
app or the command line, ``core`` never imports ``gui``, and the command-line path loads
neither Qt nor the GUI's set-up. Also ``--db``
before or after the subcommand (product.md §4.3, issue 17)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest

from core.cli import COMMANDS, WITHOUT_DB, build_parser, wants_gui
from gui import launch

ROOT = Path(__file__).resolve().parent.parent


def gui_imports(source: str, label: str) -> list[str]:
    """Every import of ``gui`` in a module's source: import statements, and importlib calls
    with a literal name; each as "label:line name"."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename=label)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if called in ("import_module", "__import__", "find_spec"):
                names = [node.args[0].value]
        found += [f"{label}:{getattr(node, 'lineno', 0)} {name}" for name in names if name == "gui" or name.startswith("gui.")]
    return found


def test_no_module_under_core_imports_gui():
    modules = sorted((ROOT / "core").rglob("*.py"))
    assert len(modules) > 20
    hits = [hit for path in modules for hit in gui_imports(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert hits == []


def test_the_checker_finds_each_form_of_import():
    source = (
        "import gui.app\n"
        "from gui import launch\n"
        "import importlib\n"
        "def later():\n"
        "    importlib.import_module('gui.selftest')\n"
        "    from guide import x\n"
        "    __import__('gui')\n"
    )
    assert gui_imports(source, "m.py") == ["m.py:1 gui.app", "m.py:2 gui", "m.py:5 gui.selftest", "m.py:7 gui"]


def test_the_installed_command_and_the_bundle_enter_through_the_launcher():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"incident-assistant": "gui.launch:entry"}
    bundle_entry = (ROOT / "packaging" / "launch.py").read_text(encoding="utf-8")
    assert "from gui.launch import entry" in bundle_entry
    assert "packaging" in (ROOT / "build.spec").read_text(encoding="utf-8")


def test_the_command_line_path_loads_neither_qt_nor_the_reference_guard():
    """``gui/__init__`` is light: the CLI through the launcher imports no Qt and leaves
    None's reference count alone (the guard runs only when the desktop app starts)."""
    code = (
        "import sys\n"
        "from gui import launch\n"
        "status = launch.main(['--version'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'gui.app')))\n"
        "print('loaded:', loaded)\n"
        "sys.exit(status)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("incident-assistant ")
    assert out.stdout.splitlines()[-1] == "loaded: []"


@pytest.mark.parametrize(
    ("args", "gui"),
    [
        ([], True),
        (["--db", "x.sqlite3"], True),
        (["--db=x.sqlite3", "--lang", "en"], True),
        (["--lang=zh"], True),
        (["list"], False),
        (["--db", "x.sqlite3", "list"], False),
        (["--self-test"], False),
        (["--version"], False),
        (["--help"], False),
        (["--lang", "fr"], False),  # a bad value goes to argparse, which explains it (exit 2)
        (["--bogus"], False),
        (["--db", "list"], False),  # a command's name anywhere means the command line, as before
    ],
)
def test_the_launcher_chooses_the_desktop_app_only_for_its_own_options(args, gui):
    assert wants_gui(args) is gui


def test_the_launcher_starts_the_gui_or_runs_the_command(monkeypatch, tmp_path, capsys):
    received: list[list[str]] = []
    fake = types.ModuleType("gui.app")
    fake.main = lambda argv: received.append(list(argv)) or 7  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gui.app", fake)
    paused: list[bool] = []
    monkeypatch.setattr(launch, "pause_collection", lambda: paused.append(True))  # the real one: below
    db = tmp_path / "a.sqlite3"
    assert launch.main(["--db", str(db)]) == 7
    assert launch.main(["list", "--db", str(db)]) == 0
    assert received == [["--db", str(db)]]
    assert paused == [True]  # for the desktop app only
    assert "数据库中还没有事件" in capsys.readouterr().out


def test_the_command_names_are_the_parsers():
    """``wants_gui`` decides from ``COMMANDS`` without building the parser (issue 12)."""
    assert build_parser()[1] == COMMANDS


def test_the_launcher_loads_no_subcommand_before_the_desktop_app():
    """The desktop app's start pays for the launcher's choice only: no subcommand module,
    incident module or rule pack (they cost ~75 ms before the first paint)."""
    code = (
        "import sys\nfrom gui import launch\nassert launch.wants_gui(['--db', 'x.sqlite3'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('core.', 'PySide6')) and m not in ('core.cli', 'core.cli.lang')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "[]"


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "INCIDENT_ASSISTANT_DB"} | (env or {})
    return subprocess.run([sys.executable, "-m", "gui.launch", *args], cwd=ROOT, capture_output=True, text=True, timeout=60, env=environ)


def test_db_works_before_and_after_the_subcommand(tmp_path):
    example = ROOT / "resources" / "examples" / "clinic-ransomware.json"
    before, after = tmp_path / "before.sqlite3", tmp_path / "after.sqlite3"
    imported = cli("--db", str(before), "import", str(example))
    assert imported.returncode == 0, imported.stderr
    incident_id = imported.stdout.split()[-1]
    listed_before = cli("--db", str(before), "list")
    listed_after = cli("list", "--db", str(before))
    assert listed_before.returncode == listed_after.returncode == 0
    assert incident_id in listed_before.stdout and listed_before.stdout == listed_after.stdout
    assert cli("import", str(example), f"--db={after}").returncode == 0
    assert cli("check", incident_id, "--db", str(before), "--json").returncode == 0
    assert not (tmp_path / "nowhere.sqlite3").exists()


def test_after_the_subcommand_wins_when_both_are_given(tmp_path):
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    example = str(ROOT / "resources" / "examples" / "clinic-ransomware.json")
    out = cli("--db", str(first), "import", example, "--db", str(second))  # import creates the file it writes to
    assert out.returncode == 0, out.stderr
    assert second.exists() and not first.exists()


def test_the_environment_variable_still_applies_when_no_db_is_given(tmp_path):
    env_db = tmp_path / "env.sqlite3"
    out = cli("import", str(ROOT / "resources" / "examples" / "clinic-ransomware.json"), env={"INCIDENT_ASSISTANT_DB": str(env_db)})
    assert out.returncode == 0, out.stderr
    assert env_db.exists()


def test_every_subcommand_but_the_self_test_takes_db():
    parser, commands = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    with_db = {name for name, p in sub.choices.items() if "--db" in p._option_string_actions}
    assert with_db == commands - WITHOUT_DB
    assert {"check", "pdf", "import", "export", "list", "verify", "backup", "restore"} <= with_db


ICONS = ROOT / "resources" / "icons"


def test_the_app_icon_is_drawn_in_every_size_with_its_licence(qapp):
    import struct

    from PySide6.QtGui import QImage

    from gui.app import ICON_SIZES, app_icon

    for size in ICON_SIZES:
        image = QImage(str(ICONS / f"incident-assistant-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0  # transparent corners
    ico = (ICONS / "incident-assistant.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    sides = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert (reserved, kind, sides) == (0, 1, [16, 32, 48, 256])
    assert "Apache" in (ICONS / "LICENCE.md").read_text(encoding="utf-8")
    assert sorted(s.width() for s in app_icon().availableSizes()) == list(ICON_SIZES)


@pytest.mark.parametrize(("svg", "png", "side"), [("incident-assistant.svg", "incident-assistant-48.png", 48), ("overdue.svg", "overdue-32.png", 32)])
def test_the_pngs_are_rendered_from_the_svg_as_it_is_now(qapp, svg, png, side):
    """A changed SVG needs ``packaging/render_icons.py`` run again; this notices when it was not."""
    import importlib.util

    from PySide6.QtGui import QImage
    from PySide6.QtSvg import QSvgRenderer

    spec = importlib.util.spec_from_file_location("render_icons", ROOT / "packaging" / "render_icons.py")
    assert spec is not None and spec.loader is not None
    render_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icons)
    fresh = render_icons.render(QSvgRenderer(str(ICONS / svg)), side)
    stored = QImage(str(ICONS / png)).convertToFormat(fresh.format())
    worst = max(
        abs(a - b) for y in range(side) for x in range(side) for a, b in zip(fresh.pixelColor(x, y).getRgb(), stored.pixelColor(x, y).getRgb(), strict=True)
    )
    assert worst <= 8


def test_the_windows_get_the_app_icon(qapp):
    from gui.app import install_app_icon, prepare_application

    app = prepare_application()
    install_app_icon()  # the session's first step after the first paint
    assert not app.windowIcon().isNull()
    assert 256 in [s.width() for s in app.windowIcon().availableSizes()]
