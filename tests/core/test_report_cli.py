"""``incident-assistant pdf``: renders the report and the filing helpers; bad input exits
2 with one Chinese line and never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from email import message_from_bytes, policy
from pathlib import Path

from pypdf import PdfReader

from core.canonical import document_hash
from core.incident import load_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "clinic-ransomware.json"
CLI = Path(sys.executable).with_name("incident-assistant")
NOW = "2026-11-24T11:00:00+08:00"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [str(CLI)] if CLI.exists() else [sys.executable, "-m", "core.cli"]
    return subprocess.run([*command, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_pdf_command_writes_the_report_and_prints_its_hashes(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = run("pdf", str(EXAMPLE), "-o", str(out), "--now", NOW)
    assert result.returncode == 0, result.stderr
    assert f"事件数据 SHA-256：{document_hash(load_file(EXAMPLE))}" in result.stdout
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(out).pages))
    assert "网络安全事件报告（首报）" in text and "2026-11-2411:00:00（北京时间）" in text


def test_pdf_command_writes_the_filing_helpers(tmp_path: Path) -> None:
    out, eml, phone, fax = (tmp_path / n for n in ("r.pdf", "d.eml", "p.txt", "f.pdf"))
    result = run(
        "pdf", str(EXAMPLE), "-o", str(out), "--kind", "followup", "--now", NOW, "--eml", str(eml), "--phone-script", str(phone), "--fax-cover", str(fax)
    )
    assert result.returncode == 0, result.stderr
    message = message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"] == "12387@cert.org.cn" and "续报" in message["Subject"]
    assert "涉事单位是福州市鼓楼区康宁诊所" in phone.read_text(encoding="utf-8")
    assert len(PdfReader(fax).pages) == 1


def test_summary_without_handling_ended_exits_2_with_one_chinese_line(tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    result = run("pdf", str(EXAMPLE), "-o", str(out), "--kind", "summary", "--now", NOW)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "处置工作结束时间" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_bad_input_exits_2_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "incident-assistant/incident@1", "colour": 1}', encoding="utf-8")
    cases = [
        ("pdf", str(bad), "-o", str(tmp_path / "a.pdf")),
        ("pdf", str(tmp_path / "missing.json"), "-o", str(tmp_path / "b.pdf")),
        ("pdf", str(EXAMPLE), "-o", str(tmp_path / "no-such-dir" / "c.pdf"), "--now", NOW),
        ("pdf", str(EXAMPLE), "-o", str(tmp_path / "d.pdf"), "--now", "yesterday"),
        ("pdf", str(EXAMPLE), "-o", str(tmp_path / "e.pdf"), "--kind", "draft"),
    ]
    for args in cases:
        result = run(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert "colour" in run(*cases[0]).stderr
