"""``incident-assistant notice``: writes the notice from a file or a stored incident, owner-only,
never over an existing file without --force; a missing item, a format that does not fit the
kind or bad input exits 2 with one line on stderr. Runs ``core.cli.main`` in-process."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from core.cli.lang import ENV_VAR
from tests.conftest import run_cli as run
from tests.core.notice_fixtures import leak, notified

NOW = ["--now", "2026-11-24T17:00:00+08:00"]


@pytest.fixture(autouse=True)
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (ENV_VAR, "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def incident(tmp_path: Path, doc: dict[str, Any] | None = None) -> str:
    path = tmp_path / "leak.json"
    path.write_text(json.dumps(doc or notified(leak()), ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "kind,fmt,magic",
    [
        ("letter", None, b"%PDF"),
        ("letter", "docx", b"PK"),
        ("sms", None, "一条短信".encode()),
        ("announcement", "txt", "关于".encode()),
        ("authority", "pdf", b"%PDF"),
    ],
)
def test_writes_each_kind_owner_only_and_exits_0(capsys, tmp_path: Path, kind: str, fmt: str | None, magic: bytes):
    out = tmp_path / "notice.out"
    code, stdout, stderr = run(capsys, "notice", incident(tmp_path), "--kind", kind, "-o", str(out), *(["--format", fmt] if fmt else []), *NOW)
    assert (code, stderr) == (0, "") and "已生成" in stdout
    assert out.read_bytes().startswith(magic)
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600  # it holds personal information


def test_an_existing_file_is_kept_without_force_and_replaced_with_it(capsys, tmp_path: Path):
    out = tmp_path / "sms.txt"
    out.write_text("旧内容", encoding="utf-8")
    code, _out, err = run(capsys, "notice", incident(tmp_path), "--kind", "sms", "-o", str(out), *NOW)
    assert code == 2 and len(err.splitlines()) == 1 and "--force" in err and out.read_text(encoding="utf-8") == "旧内容"
    assert run(capsys, "notice", incident(tmp_path), "--kind", "sms", "-o", str(out), "--force", *NOW)[0] == 0
    assert out.read_text(encoding="utf-8").startswith("一条短信")


def test_sms_as_pdf_is_refused_in_one_line(capsys, tmp_path: Path):
    code, _out, err = run(capsys, "notice", incident(tmp_path), "--kind", "sms", "--format", "pdf", "-o", str(tmp_path / "x.pdf"), *NOW)
    assert code == 2 and err == "错误：--format pdf：短信只能生成为 txt\n" and not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    "lang,expected", [("zh", "错误：无法生成：缺少第五十七条第一款规定的事项：（三）个人信息处理者的联系方式\n"), ("en", "(3) Contact for individuals")]
)
def test_a_missing_item_exits_2_naming_it(capsys, tmp_path: Path, lang: str, expected: str):
    path = incident(tmp_path, leak(contact=""))
    code, _out, err = run(capsys, "--lang", lang, "notice", path, "--kind", "letter", "-o", str(tmp_path / "x.pdf"), *NOW)
    assert code == 2 and len(err.splitlines()) == 1 and expected in err and not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    "args,word",
    [
        (["--kind", "fax"], "--kind"),
        (["--kind", "letter", "--now", "yesterday"], "--now"),
        (["--kind", "letter", "--format", "odt"], "--format"),
    ],
)
def test_bad_arguments_exit_2_in_one_line(capsys, tmp_path: Path, args: list[str], word: str):
    code, _out, err = run(capsys, "notice", incident(tmp_path), "-o", str(tmp_path / "x"), *args)
    assert code == 2 and len(err.splitlines()) == 1 and word in err


def test_an_invalid_incident_exits_2_naming_the_field(capsys, tmp_path: Path):
    doc = leak()
    doc["personal_info"]["count"] = "很多"
    code, _out, err = run(capsys, "notice", incident(tmp_path, doc), "--kind", "letter", "-o", str(tmp_path / "x.pdf"), *NOW)
    assert (code, err) == (2, "错误：personal_info.count: 应为整数\n")


def test_a_stored_incident_is_found_by_its_id(capsys, tmp_path: Path):
    db = str(tmp_path / "store.sqlite")
    code, out, _err = run(capsys, "--db", db, "import", incident(tmp_path))
    assert code == 0
    incident_id = out.strip().splitlines()[-1]
    target = tmp_path / "letter.docx"
    code, _out, err = run(capsys, "--db", db, "notice", incident_id, "--kind", "letter", "--format", "docx", "-o", str(target), *NOW)
    assert (code, err) == (0, "") and target.read_bytes().startswith(b"PK")


def test_the_help_lists_the_command(capsys):
    code, out, _err = run(capsys, "--help")
    assert code == 0 and "notice" in out
    code, out, _err = run(capsys, "notice", "--help")
    assert code == 0 and "第五十七条" in out and "--force" in out
