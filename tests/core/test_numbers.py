"""Reading the numbers people type (core.numbers), with property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.numbers import QuantityError, format_quantity, parse_quantity
from core.rules import default_pack
from core.symptoms import symptoms


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("120000", 120000),
        ("12万", 120000),
        ("1.2 万人", 12000),
        ("300万元", 3_000_000),
        ("1,200", 1200),
        ("１２万", 120000),
        ("2亿", 200_000_000),
        ("0", 0),
        ("  ", None),
        ("", None),
        ("30%", 30),
        ("1.5万", 15000),
    ],
)
def test_common_ways_of_writing_numbers(text, value):
    assert parse_quantity(text, integer=False) == value


@pytest.mark.parametrize(("text", "code"), [("很多", "not_a_number"), ("-5", "negative_text"), ("1.5", "not_whole"), ("12万3", "not_a_number")])
def test_unreadable_numbers_say_why(text, code):
    with pytest.raises(QuantityError) as info:
        parse_quantity(text, integer=True)
    assert info.value.code == code


@given(st.integers(min_value=0, max_value=10**12))
def test_a_shown_number_reads_back_the_same(n):
    assert parse_quantity(format_quantity(n), integer=True) == n


@given(st.integers(min_value=0, max_value=10**6))
def test_wan_multiplies_by_ten_thousand(n):
    assert parse_quantity(f"{n}万", integer=True) == n * 10_000


@given(st.text(max_size=30))
def test_any_text_is_a_number_none_or_a_quantity_error(text):
    try:
        value = parse_quantity(text, integer=False)
    except QuantityError as exc:
        assert exc.code in ("not_a_number", "negative_text", "not_whole")
    else:
        assert value is None or value >= 0


def test_every_symptom_points_to_a_real_class_and_subclass():
    items = symptoms(default_pack())
    assert any(s.subclass == "勒索软件事件" for s in items)


@pytest.mark.parametrize(
    "text, value",
    [
        ("约 12 万名患者", 120_000),
        ("约12万", 120_000),
        ("近3000名学生", 3_000),
        ("大约 5000 条", 5_000),
        ("about 120000", 120_000),
        ("300万元人民币", 3_000_000),
    ],
)
def test_an_estimate_written_as_the_hints_write_it_is_a_number(text, value):
    assert parse_quantity(text, integer=True) == value


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["约", "大约", "近", ""]), st.sampled_from(["名患者", "人", "位学生", "名顾客", ""]))
def test_estimates_round_trip(n, about, counted):
    assert parse_quantity(f"{about}{n}{counted}", integer=True) == n
