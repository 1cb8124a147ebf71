"""A first report with only 第七条 items 一 and 二 fits one A4 page (product.md §8.3, §9.4):
for every example under resources/examples (with the later items emptied) and for both
walkthrough incidents of issue 27, as PDF (pypdf page count) and as Word (LibreOffice's
page count where LibreOffice is installed, else an estimate of the lines the Word file
holds)."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from core.report import render_report_bytes, render_report_docx
from core.rules import default_pack
from core.timeutil import parse_instant
from tests.core.walkthroughs import clinic_ransomware, first_report_of, school_defacement

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))
PACK = default_pack()
NOW = parse_instant("2026-11-24T10:05:00+08:00")


def _example(path: Path) -> Callable[[], dict[str, Any]]:
    return lambda: first_report_of(json.loads(path.read_text(encoding="utf-8")))


CASES: dict[str, Callable[[], dict[str, Any]]] = {
    **{f"example-{p.stem}": _example(p) for p in EXAMPLES},
    "walkthrough-clinic-ransomware": clinic_ransomware,
    "walkthrough-school-defacement": school_defacement,
}
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def test_there_are_examples_and_walkthroughs() -> None:
    assert EXAMPLES and len(CASES) == len(EXAMPLES) + 2


@pytest.mark.parametrize("name", list(CASES))
def test_the_pdf_first_report_is_one_page(name: str) -> None:
    doc = CASES[name]()
    data = render_report_bytes(doc, PACK, "initial", NOW, app_version="t")
    reader = PdfReader(BytesIO(data))
    assert len(reader.pages) == 1
    text = "".join((reader.pages[0].extract_text() or "").split())
    assert "以下事项待补报：（三）（四）（五）（六）（七）（八）" in text and "报告单位（盖章）" in text and "报告日期" in text


def _estimated_lines(path: Path) -> int:
    """Lines the Word file takes at 10.5 pt over 170 mm (about 46 CJK characters a line)."""
    document = Document(str(path))
    lines = sum(max(1, -(-len(p.text) // 46)) for p in document.paragraphs)
    for table in document.tables:
        lines += sum(max(max(1, -(-len(c.text) // 30)) for c in row.cells) for row in table.rows)
    return lines


@pytest.mark.parametrize("name", list(CASES))
def test_the_word_first_report_is_one_page(name: str, tmp_path: Path) -> None:
    path = render_report_docx(CASES[name](), PACK, "initial", NOW, tmp_path / "report.docx", app_version="t")
    if SOFFICE is None:
        assert _estimated_lines(path) <= 52
        return
    profile = tmp_path / "profile"  # a private LibreOffice profile: runs never share a lock
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    assert len(PdfReader(tmp_path / "report.pdf").pages) == 1
