"""The Word export (product.md §8.3): the same content as the PDF in real Word structures,
with 宋体 named as the East-Asian font; LibreOffice renders it (when it is installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from core.report import render_report_docx
from core.rules import default_pack
from core.timeutil import parse_instant
from tests.conftest import example

PACK = default_pack()
NOW = parse_instant("2026-11-24T10:00:00+08:00")


def all_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "".join("".join(parts).split())


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return render_report_docx(example(), PACK, "initial", NOW, tmp_path / "报告.docx", app_version="t")


def test_the_word_file_holds_every_typed_item_of_the_report(report: Path):
    text = all_text(report)
    doc = example()
    for value in (
        doc["title"],
        doc["reporter"]["name"],
        doc["harm"],
        doc["measures_taken"],
        doc["systems"][0]["name"],
        "2BTC",
        "报告单位（盖章）",
    ):
        assert "".join(str(value).split()) in text, value
    for absent in ("数据校验码", "SHA-256", "报送渠道", "12387", "报告期限表"):
        assert absent not in text, absent


def test_headings_tables_and_the_signature_block_are_word_structures_in_songti(report: Path):
    document = Document(str(report))
    assert any(p.style.name.startswith("Heading") for p in document.paragraphs)
    assert len(document.tables) >= 3
    signature = document.tables[-1]
    assert len(signature.rows) == 1 and "报告单位（盖章）" in signature.rows[0].cells[0].text
    run = next(r for p in document.paragraphs for r in p.runs if r.text.strip())
    assert run.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"
    props = document.core_properties
    assert props.title.startswith("网络安全事件报告") and props.author == example()["reporter"]["name"] and props.language == "zh-CN"
    assert "incident-assistant t" in props.keywords and "SHA-256" in props.keywords  # versions and hash: in the properties only


@pytest.mark.skipif(shutil.which("libreoffice") is None or shutil.which("pdftotext") is None, reason="needs LibreOffice and poppler")
def test_libreoffice_renders_the_same_items(report: Path, tmp_path: Path):
    out = tmp_path / "pdf"
    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(report)], check=True, capture_output=True, timeout=180)
    text = "".join(subprocess.run(["pdftotext", str(out / "报告.pdf"), "-"], capture_output=True, text=True, check=True).stdout.split())
    for value in (example()["title"], example()["reporter"]["name"], "以下事项待补报", "负责人（签字）"):
        assert value in text, value
