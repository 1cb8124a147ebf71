"""``incident-assistant check`` and ``--version`` run as real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, ROOT, minimal

NOW = "2026-11-24T10:00:00+08:00"


def cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "core.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_check_json_on_the_example_prints_the_contract_object():
    out = cli("check", str(EXAMPLES / "clinic-ransomware.json"), "--now", NOW, "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert list(result) == [
        *("grade", "computed_grade", "grade_basis", "reportable", "triggered", "obligations", "escalations", "missing", "warnings"),
        *("projections", "voided"),  # the third edition (product.md §9.2)
    ]
    assert (result["grade"], result["grade_basis"], result["reportable"]) == ("relatively_major", "computed", "yes")
    provincial = result["obligations"][0]
    assert provincial == {
        "id": "provincial_cyberspace_office",
        "recipient": "属地省级网信部门（福建省）",
        "basis": "第四条第三款",
        "hours": 4,
        "days": None,
        "due": "2026-11-24T13:30:00+08:00",
        "status": "pending",
        "submitted_at": None,
    }
    assert result["missing"] == {"initial": [], "complete": ["scene_preservation"]}


def test_check_text_form_is_chinese_with_time_left():
    out = cli("check", str(EXAMPLES / "clinic-ransomware.json"), "--now", NOW)
    assert out.returncode == 0
    assert "属地省级网信部门（福建省）" in out.stdout and "3:30:00" in out.stdout and "较大" in out.stdout


def test_overdue_text_form():
    out = cli("check", str(EXAMPLES / "clinic-ransomware.json"), "--now", "2026-11-24T13:30:01+08:00")
    assert "已超时 0:00:01" in out.stdout


def test_version_names_app_and_rule_pack():
    out = cli("--version")
    assert out.returncode == 0 and "incident-assistant" in out.stdout and "规则包" in out.stdout


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{not json", "JSON"),
        (json.dumps(minimal(impact={"people_afected": 1})), "impact.people_afected"),
        (json.dumps(minimal(impact={"people_affected": -1})), "impact.people_affected"),
        (json.dumps(minimal(occurred_at="2026-11-25T00:00:00+08:00")), "occurred_at"),
        (json.dumps([1, 2]), "JSON 对象"),
        ("", "JSON"),
    ],
)
def test_bad_files_exit_2_with_one_line_naming_the_key(tmp_path, content, needle):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    out = cli("check", str(path))
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and needle in out.stderr
    assert "Traceback" not in out.stderr


def test_missing_file_and_bad_now_and_bad_option(tmp_path):
    for args in (("check", str(tmp_path / "absent.json")), ("check", str(EXAMPLES / "clinic-ransomware.json"), "--now", "tomorrow"), ("check", "--frobnicate")):
        out = cli(*args)
        assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1, out.stderr


def test_time_without_offset_is_beijing(tmp_path):
    path = tmp_path / "i.json"
    path.write_text(json.dumps(minimal(discovered_at="2026-11-24T09:30:00", impact={"people_affected": 200000})))
    out = cli("check", str(path), "--json", "--now", "2026-11-24T01:00:00Z")
    assert json.loads(out.stdout)["obligations"][0]["due"] == "2026-11-24T13:30:00+08:00"


def test_an_unknown_option_is_explained_and_never_opens_the_gui():
    out = cli("--frobnicate")
    assert out.returncode == 2 and "--frobnicate" in out.stderr and len(out.stderr.strip().splitlines()) == 1
