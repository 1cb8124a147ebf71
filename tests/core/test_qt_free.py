"""What importing core loads: never PySide6 (conventions §16); sqlite-utils only to create or migrate a file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_does_not_import_qt():
    modules = sorted(
        "core." + str(p.relative_to(ROOT / "core").with_suffix("")).replace("/", ".").removesuffix(".__init__")
        for p in (ROOT / "core").rglob("*.py")
        if p.name != "__main__.py"
    )
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "False"


def test_known_migration_names_match_the_migration_steps():
    from sqlite_utils import Database

    from core.store.migrations import migrations
    from core.store.versions import KNOWN_NAMES

    assert tuple(m.name for m in migrations.pending(Database(memory=True))) == KNOWN_NAMES


def test_opening_and_reading_a_current_store_leaves_sqlite_utils_unloaded(tmp_path: Path):
    """Start-up cost (issue 7): sqlite-utils (with click, pluggy, dateutil) is imported only
    to create or migrate a file, not to open, list, read or write a current one."""
    path = tmp_path / "db.sqlite3"
    code = (
        "import sys\nfrom datetime import datetime, UTC\nfrom core.store import open_store\n"
        f"s = open_store({str(path)!r}); s.close()\n"  # creates the file: sqlite-utils allowed
        "for m in [m for m in sys.modules if m.split('.')[0] in ('sqlite_utils', 'click', 'pluggy', 'dateutil')]:\n"
        "    del sys.modules[m]\n"
        f"s = open_store({str(path)!r})\n"
        "i = s.create_incident({'title': 'x'}); s.set_field(i, 'title', 'y'); s.list_incidents(datetime.now(UTC))\n"
        "s.add_timeline(i, {'at': '2026-01-01T00:00:00+08:00', 'text': 't'}); s.get_incident(i); s.close()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlite_utils', 'click', 'pluggy', 'dateutil'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "[]"
