"""The PyInstaller bundle carries Qt's own Chinese translations (standard buttons and file
dialogs in Chinese): build.spec takes them from QLibraryInfo's TranslationsPath. Checked
on a built bundle (``pyinstaller --noconfirm --clean build.spec``); skipped when none."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo

from tests.conftest import ROOT

BUNDLE = ROOT / "dist" / "incident-assistant"


def test_this_pyside6_has_the_translations_build_spec_bundles():
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()
    assert '"qtbase_zh_CN.qm"' in (ROOT / "build.spec").read_text(encoding="utf-8")


@pytest.mark.skipif(not BUNDLE.is_dir(), reason="no bundle built (pyinstaller --noconfirm --clean build.spec)")
def test_the_bundle_has_qtbase_zh_cn_where_its_qt_looks():
    found = sorted(BUNDLE.rglob("qtbase_zh_CN.qm"))
    assert found and all(p.stat().st_size > 1000 for p in found)
    assert any(p.parent.name == "translations" and "PySide6" in p.parts for p in found)
