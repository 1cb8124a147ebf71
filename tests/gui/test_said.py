"""Core's errors shown in the desktop speak the UI's language (``gui.i18n.said``): in the
English UI a store error, a report refused and a time that cannot be read are English;
in the Chinese UI they are today's Chinese words."""

from __future__ import annotations

import re

import pytest

from core.report import ReportError
from core.store import NotADatabase, StoreLocked
from core.text import said as keyed
from core.timeparse import TimeParseError
from gui import i18n

CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture(autouse=True)
def back_to_chinese():
    yield
    i18n.set_language("zh")


ERRORS = [
    NotADatabase("x.sqlite3"),
    StoreLocked("x.sqlite3", "database is locked"),
    ReportError(keyed("report_summary_needs_end")),
    TimeParseError("bad_time", "25:99"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_a_core_error_is_said_in_the_ui_language(qapp, error: Exception) -> None:
    assert i18n.set_language("en")
    english = i18n.said(error)
    assert english == error.message("en") and not CHINESE.search(english)  # type: ignore[attr-defined]
    i18n.set_language("zh")
    chinese = i18n.said(error)
    assert chinese == error.message("zh") and CHINESE.search(chinese)  # type: ignore[attr-defined]


def test_any_other_exception_is_its_own_text(qapp) -> None:
    assert i18n.set_language("en")
    assert i18n.said(ValueError("plain")) == "plain"
