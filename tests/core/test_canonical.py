"""The canonical JSON behind the report's SHA-256 is RFC 8785 (JCS): the RFC's own
examples, agreement with the ``rfc8785`` package, and old stored rows still verifying."""

from __future__ import annotations

import json
import sqlite3
import struct

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from core.canonical import CanonicalizationError, canonical_json, document_hash, legacy_canonical_json, sha256_hex
from core.store import audit
from tests.conftest import ROOT, example

# RFC 8785 Appendix B: IEEE 754 bit patterns and the text JCS writes for them.
APPENDIX_B = [
    ("0000000000000000", "0"),
    ("8000000000000000", "0"),
    ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"),
    ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"),
    ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"),
    ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"),
    ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"),
    ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"),
    ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
    ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"),
    ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"),
    ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"),
    ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]


@pytest.mark.parametrize(("bits", "text"), APPENDIX_B)
def test_numbers_are_written_as_rfc_8785_appendix_b_says(bits: str, text: str) -> None:
    value = struct.unpack(">d", bytes.fromhex(bits))[0]
    assert canonical_json(value) == text.encode("ascii")


def test_the_rfc_example_of_section_3_2_2() -> None:
    source = (
        '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],'
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}'
    )
    expected = '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
    assert canonical_json(json.loads(source)) == expected.encode("utf-8")


def test_keys_are_sorted_by_utf16_code_units_as_in_section_3_2_3() -> None:
    doc = {
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\U0001f600": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis",
    }
    keys = list(json.loads(canonical_json(doc)))
    assert keys == ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]
    # The first releases sorted by code point, which puts the emoji last: the one place
    # key order differs between the two forms.
    assert list(json.loads(legacy_canonical_json(doc)))[-1] == "\U0001f600"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.floats(-1e15, 1e15) | st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=25,
)


@given(doc=json_values)
@settings(max_examples=300, deadline=None)
def test_canonical_json_is_the_rfc8785_package_and_reads_back_equal(doc) -> None:
    data = canonical_json(doc)
    assert data == rfc8785.dumps(doc)
    assert json.loads(data) == doc
    assert canonical_json(json.loads(data)) == data  # a fixed point (within the app's 10^15 number range)


def test_document_hash_is_the_sha256_of_the_canonical_bytes() -> None:
    doc = example()
    assert document_hash(doc) == sha256_hex(rfc8785.dumps(doc))


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 2**53, "\ud800", {1: "x"}])
def test_what_rfc_8785_cannot_write_is_refused(value) -> None:
    with pytest.raises(CanonicalizationError):
        canonical_json({"x": value} if not isinstance(value, dict) else value)
    assert issubclass(CanonicalizationError, ValueError)


def test_rows_of_a_first_release_database_hash_the_same_under_both_forms() -> None:
    """The audit chain recomputes ``canonical_json`` over strings and small integers only;
    for those the RFC 8785 form is byte-identical to the old one, so old files verify."""
    conn = sqlite3.connect(f"file:{ROOT / 'tests' / 'fixtures' / 'store-v1.sqlite3'}?mode=ro&immutable=1", uri=True)
    try:
        rows = conn.execute("SELECT seq, at, action, incident_id, detail, prev_hash, hash FROM audit ORDER BY seq").fetchall()
    finally:
        conn.close()
    assert rows
    for seq, at, action, incident_id, detail, prev_hash, stored in rows:
        content = {"seq": seq, "at": at, "action": action, "incident_id": incident_id, "detail": detail}
        assert canonical_json(content) == legacy_canonical_json(content)
        assert audit.entry_hash(prev_hash, seq, at, action, incident_id, detail) == stored
        assert canonical_json(json.loads(detail)).decode("utf-8") == detail


flat_values = st.none() | st.integers(-(2**53) + 1, 2**53 - 1) | st.text() | st.booleans() | st.floats(allow_nan=False) | st.integers()
flat_docs = st.dictionaries(st.text(max_size=6), flat_values, max_size=6) | st.fixed_dictionaries(
    {"seq": st.integers(1, 2**40), "at": st.text(), "action": st.text(max_size=12), "incident_id": st.none() | st.text(max_size=36), "detail": st.text()}
)


@given(doc=flat_docs)
@settings(max_examples=500, deadline=None)
def test_the_flat_fast_path_writes_exactly_what_rfc_8785_writes(doc) -> None:
    """The audit entry's fast path (C encoder) gives RFC 8785's bytes, and refuses what it refuses."""
    from core.canonical import canonical_flat

    try:
        expected = rfc8785.dumps(doc)
    except rfc8785.CanonicalizationError:
        with pytest.raises(CanonicalizationError):
            canonical_flat(doc)
        return
    assert canonical_flat(doc) == expected


@pytest.mark.parametrize("text", ["\x00\x1f\x7f\u2028\u2029", '"\\/', "\ud83d", "é\U0001f600", "\b\t\n\f\r"])
def test_the_flat_fast_path_on_escapes_and_surrogates(text) -> None:
    from core.canonical import canonical_flat

    doc = {"detail": text, "seq": 1}
    if text == "\ud83d":
        with pytest.raises(CanonicalizationError):
            canonical_flat(doc)
    else:
        assert canonical_flat(doc) == rfc8785.dumps(doc)
