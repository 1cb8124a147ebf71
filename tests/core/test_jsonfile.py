"""The hardened incident-file reader (core.jsonfile): every nasty file is refused with one
finding that names the key path and the limit; nothing else ever escapes, and the CLI
answers each with exit 2 and one stderr line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import incident, jsonfile
from core.jsonfile import MAX_DEPTH, MAX_FILE_BYTES, load_file, loads
from core.messages import Finding, InvalidIncident
from tests.conftest import ROOT, example


def refusal(source: str | bytes) -> Finding:
    with pytest.raises(InvalidIncident) as info:
        loads(source)
    assert len(info.value.errors) == 1
    return info.value.errors[0]


def nested(depth: int) -> str:
    return '{"impact":' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


def test_a_plain_incident_reads_as_json_does() -> None:
    text = (ROOT / "resources" / "examples" / "clinic-ransomware.json").read_text(encoding="utf-8")
    assert loads(text) == json.loads(text) == example()
    assert loads(("\ufeff" + text).encode("utf-8")) == example()  # a BOM is allowed


@pytest.mark.parametrize(
    ("source", "path"),
    [
        ('{"impact": {"people_affected": 5, "people_affected": 5000000}}', "impact.people_affected"),
        ('{"title": "a", "title": "a"}', "title"),
        ('{"submissions": [{"kind": "initial"}, {"kind": "initial", "kind": "summary"}]}', "submissions[1].kind"),
    ],
)
def test_duplicate_keys_are_refused_naming_the_key_path(source: str, path: str) -> None:
    found = refusal(source)
    assert (found.path, found.code) == (path, "duplicate_key")
    key = path.rsplit(".", 1)[-1]
    assert key in found.message() and key in found.message("en")
    assert found.line().startswith(f"{path}: ")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinities_are_refused_at_their_key(constant: str) -> None:
    found = refusal(f'{{"impact": {{"direct_loss_yuan": {constant}}}}}')
    assert (found.path, found.code) == ("impact.direct_loss_yuan", "not_finite")
    assert constant in found.message() and "整个文件" not in found.line() and "第 1 行" not in found.line()


@pytest.mark.parametrize(
    ("literal", "path"),
    [
        ("1e400", "ransomware.amount"),
        ("-1e400", "ransomware.amount"),
        ("1e16", "ransomware.amount"),
        ("1000000000000001", "ransomware.amount"),
        ("-100000000000000000000", "ransomware.amount"),
        ("9" * 5000, "ransomware.amount"),  # beyond Python's 4300-digit int limit: no ValueError escapes
    ],
)
def test_numbers_beyond_the_range_are_refused_naming_key_and_limit(literal: str, path: str) -> None:
    found = refusal(f'{{"ransomware": {{"amount": {literal}}}}}')
    assert (found.path, found.code) == (path, "number_range")
    assert "10^15" in found.message() and "10^15" in found.message("en")
    assert len(found.line()) < 200


@pytest.mark.parametrize("literal", ["1000000000000000", "-1000000000000000", "1e15", "0.5", "-0.0", "1E-300"])
def test_numbers_within_the_range_are_read(literal: str) -> None:
    assert loads(f'{{"x": {literal}}}') == {"x": json.loads(literal)}


def test_nesting_up_to_the_limit_is_read_and_one_deeper_is_refused_with_its_path() -> None:
    assert loads(nested(MAX_DEPTH))["impact"] is not None
    found = refusal(nested(MAX_DEPTH + 1))
    assert found.code == "too_deep"
    assert found.path == "impact" + "[0]" * (MAX_DEPTH - 1)
    assert str(MAX_DEPTH) in found.message() and str(MAX_DEPTH) in found.message("en")


@pytest.mark.parametrize("depth", [5_000, 100_000])
def test_nesting_far_beyond_the_parser_is_refused_not_a_recursion_error(depth: int) -> None:
    found = refusal('{"a": {"b": [1, ' + "[" * depth + "]" * depth + "]}}")
    assert found.code == "too_deep"
    assert found.path.startswith("a.b[1][0]")
    assert found.path.count("[") == MAX_DEPTH - 2


@pytest.mark.parametrize(
    ("source", "path", "code"),
    [
        ('{"title": "a\\ud800b"}', "title", "lone_surrogate"),
        ('{"timeline": [{"text": "\\udfff"}]}', "timeline[0].text", "lone_surrogate"),
        ('{"ti\\ud800": 1}', "ti\ud800", "lone_surrogate_key"),
    ],
)
def test_lone_surrogates_are_refused_naming_the_key(source: str, path: str, code: str) -> None:
    found = refusal(source)
    assert (found.path, found.code) == (path, code)
    found.line().encode("utf-8")  # printable on any console: the surrogate is shown escaped
    assert "\\ud800" in found.line() or code == "lone_surrogate"


def test_a_valid_surrogate_pair_is_text() -> None:
    assert loads('{"title": "\\ud83d\\ude00"}') == {"title": "\U0001f600"}


def test_invalid_utf8_is_refused_with_the_byte_offset() -> None:
    found = refusal(b'{"title": "\xff"}')
    assert (found.path, found.code, found.params["offset"]) == ("", "not_utf8", 11)
    assert "UTF-8" in found.message() and "11" in found.message("en")


def test_bad_json_names_line_and_column_in_chinese_and_english() -> None:
    found = refusal('{\n  "title": "a",\n}')
    assert (found.code, found.params["line"], found.params["col"]) == ("not_json", 3, 1)
    assert "第 3 行第 1 列" in found.message() and "双引号" in found.message()
    assert "line 3, column 1" in found.message("en")


def test_a_directory_is_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidIncident) as info:
        load_file(tmp_path)
    assert info.value.errors[0].code == "file_not_regular"
    assert "文件夹" in info.value.errors[0].message() and "folder" in info.value.errors[0].message("en")


def finishes(function: Any, seconds: float = 10.0) -> Any:
    """Run ``function`` in a thread; fail (instead of hanging the suite) if it blocks."""
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = function()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            result["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the reader blocked"
    if "error" in result:
        raise result["error"]
    return result.get("value")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "incident.json"
    os.mkfifo(fifo)
    with pytest.raises(InvalidIncident) as info:
        finishes(lambda: load_file(fifo))
    assert info.value.errors[0].code == "file_not_regular"
    assert "命名管道" in info.value.errors[0].message()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    with pytest.raises(InvalidIncident) as info:
        finishes(lambda: load_file(device))
    assert info.value.errors[0].code == "file_not_regular"


def test_a_symlink_to_a_regular_file_is_read(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text('{"title": "x"}', encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert load_file(link) == {"title": "x"}


def test_a_file_over_the_limit_is_refused_after_reading_at_most_one_byte_more(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(4 * MAX_FILE_BYTES)  # sparse: costs no disk
    read = 0
    real_read = os.read

    def counting(fd: int, n: int) -> bytes:
        nonlocal read
        chunk = real_read(fd, n)
        read += len(chunk)
        return chunk

    monkeypatch.setattr(os, "read", counting)
    with pytest.raises(InvalidIncident) as info:
        load_file(big)
    assert read == MAX_FILE_BYTES + 1
    found = info.value.errors[0]
    assert found.code == "file_too_large"
    assert "20 MB" in found.message() and "20 MB" in found.message("en")


def test_a_file_at_the_limit_is_read(tmp_path: Path) -> None:
    body = b'{"title": "x"}'
    exact = tmp_path / "exact.json"
    exact.write_bytes(body + b" " * (MAX_FILE_BYTES - len(body)))
    assert load_file(exact) == {"title": "x"}


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(InvalidIncident) as info:
        load_file(tmp_path / "absent.json")
    assert info.value.errors[0].code == "unreadable"


def test_the_incident_module_reads_through_this_reader(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"schema": "incident-assistant/incident@2", "drill": false, "drill": true}', encoding="utf-8")
    for read in (lambda: incident.load_file(path), lambda: incident.loads(path.read_text(encoding="utf-8"))):
        with pytest.raises(InvalidIncident) as info:
            read()
        assert info.value.errors[0].path == "drill"


# --- Anything at all: a value or InvalidIncident, never another exception. ---

fragments = st.sampled_from(
    [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        '"a"',
        '"b"',
        "1",
        "-0",
        "1e400",
        "1e16",
        "NaN",
        "Infinity",
        "true",
        "null",
        '"\\ud800"',
        '"\\ud83d\\ude00"',
        '"\\u0000"',
        " ",
        '"',
    ]
)


@given(data=st.binary(max_size=200))
@settings(max_examples=400, deadline=None)
def test_any_bytes_give_a_value_or_a_finding(data: bytes) -> None:
    try:
        loads(data)
    except InvalidIncident as exc:
        assert len(exc.errors) == 1 and exc.errors[0].line().encode("utf-8")


@given(parts=st.lists(fragments, max_size=60))
@settings(max_examples=400, deadline=None)
def test_any_json_like_text_gives_a_value_or_a_finding(parts: list[str]) -> None:
    text = "".join(parts)
    try:
        value = loads(text)
    except InvalidIncident as exc:
        line = exc.errors[0].line()
        assert line.encode("utf-8") and len(line.splitlines()) == 1
    else:
        assert json.loads(text) == value


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**15), 10**15) | st.floats(-1e15, 1e15) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=15,
)


@given(value=json_values)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_plain_json_value_within_the_limits_reads_back_equal(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    if not jsonfile.has_surrogate(text):
        assert loads(text.encode("utf-8")) == value


# --- The CLI: each nasty file is exit 2 with one stderr line and no traceback. ---

NASTY: dict[str, bytes] = {
    "duplicate.json": b'{"schema": "incident-assistant/incident@2", "impact": {"people_affected": 5, "people_affected": 5000000}}',
    "nan.json": b'{"impact": {"direct_loss_yuan": NaN}}',
    "infinity.json": b'{"impact": {"direct_loss_yuan": -Infinity}}',
    "huge-number.json": b'{"ransomware": {"amount": 1e400}}',
    "long-integer.json": b'{"impact": {"views": ' + b"9" * 5000 + b"}}",
    "deep.json": b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "surrogate.json": b'{"title": "\\ud800"}',
    "surrogate-key.json": b'{"\\udc00": 1}',
    "newline-key.json": b'{"a\\nb\\u2028c\\u001b[2J": 1, "a\\nb\\u2028c\\u001b[2J": 2}',
    "not-utf8.json": b'{"title": "\xc3\x28"}',
    "empty.json": b"",
    "nul.json": b'{"title": "a\x00b"}',
}


def run_check(path: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "core.cli", "check", str(path)], cwd=ROOT, capture_output=True, text=True, timeout=60)


def assert_one_line_exit_2(out: subprocess.CompletedProcess[str]) -> None:
    assert out.returncode == 2, out.stderr
    assert "Traceback" not in out.stderr
    assert len(out.stderr.splitlines()) == 1, out.stderr


def test_the_cli_answers_every_nasty_file_with_one_line(tmp_path: Path) -> None:
    for name, data in NASTY.items():
        path = tmp_path / name
        path.write_bytes(data)
        out = run_check(path)
        assert_one_line_exit_2(out)
        assert "\x1b" not in out.stderr
    big = tmp_path / "big.json"
    with big.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    folder = tmp_path / "folder.json"
    folder.mkdir()
    specials: list[Path | str] = [big, folder] + [d for d in ("/dev/zero", "/dev/null") if Path(d).exists()]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo.json")
        specials.append(tmp_path / "fifo.json")
    for path in specials:
        assert_one_line_exit_2(run_check(path))


def test_the_cli_names_the_duplicate_key(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_bytes(NASTY["duplicate.json"])
    assert "impact.people_affected" in run_check(path).stderr
