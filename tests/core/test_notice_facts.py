"""The notices name what happened to the information (个人信息保护法第五十七条: 泄露、篡改、
丢失) from ``personal_info.what`` (incident@3), 「可能」 when ``affected`` is possible, and
the three together only when it is not known. Built directly for the notice content
functions: the document is what the personal-information page records."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.notice.content import announcement, authority, letter
from core.notice.sms import sms
from core.report.personal_info import happened_words
from tests.core.notice_fixtures import NOW, leak

WORDS = {"leaked": "泄露", "tampered": "篡改", "lost": "丢失"}
UNKNOWN = "泄露、篡改或丢失"


def texts(doc: dict[str, Any]) -> dict[str, str]:
    """Each notice's sentence about what happened (the SMS: both texts)."""
    texts = sms(doc, NOW)
    return {
        "letter": letter(doc, NOW).opening,
        "announcement": announcement(doc, NOW).opening,
        "authority": next(line.value or "" for line in authority(doc, NOW).table if line.label == "受影响情况"),
        "sms": texts.short + "\n" + texts.long,
    }


@pytest.mark.parametrize(
    "what,said",
    [
        (["leaked"], "泄露"),
        (["tampered"], "篡改"),
        (["lost"], "丢失"),
        (["tampered", "leaked"], "泄露和篡改"),
        (["lost", "leaked", "tampered"], "泄露、篡改和丢失"),
    ],
)
def test_every_notice_names_exactly_what_happened(what: list[str], said: str) -> None:
    for name, text in texts(leak(what=what)).items():
        assert f"被{said}" in text, name
        assert UNKNOWN not in text and "或" not in text.split("被", 1)[1][: len(said) + 1], name
        for key, word in WORDS.items():
            if key not in what:
                assert f"被{word}" not in text and f"{said}{word}" not in text, (name, word)


def test_a_leak_only_is_never_called_tampering_or_loss() -> None:
    found = texts(leak(what=["leaked"]))
    assert "您的个人信息已经被泄露。" in found["letter"]
    assert "约 120000\u00a0人的个人信息已经被泄露。" in found["announcement"]
    assert found["authority"] == "已被泄露"
    assert all("篡改" not in t and "丢失" not in t for t in found.values())


def test_possible_says_may_have_been() -> None:
    found = texts(leak(affected="possible", what=["leaked"]))
    assert "您的个人信息可能被泄露" in found["letter"] and found["authority"] == "可能被泄露"
    assert "您的个人信息可能被泄露" in found["sms"] and "您的个人信息已经被" not in found["sms"]


@pytest.mark.parametrize("what", [None, [], ["stolen"]], ids=["absent", "empty", "nothing-the-law-names"])
def test_only_when_not_known_the_three_together(what: Any) -> None:
    doc = leak() if what is None else leak(what=what)
    found = texts(doc)
    assert f"被{UNKNOWN}" in found["letter"] and f"被{UNKNOWN}" in found["announcement"] and found["authority"] == f"已被{UNKNOWN}"


def test_the_english_preview_follows_the_same_facts() -> None:
    doc = leak(what=["tampered", "lost"])
    assert "your personal information was tampered with and lost" in letter(doc, NOW, "en").opening
    assert happened_words(leak(), "en") == "leaked, tampered with or lost"


@given(st.lists(st.sampled_from(list(WORDS)), max_size=5))
def test_the_words_follow_the_laws_order_once_each(what: list[str]) -> None:
    words = happened_words(leak(what=what))
    if not what:
        assert words == UNKNOWN
        return
    named = [WORDS[k] for k in WORDS if k in what]
    assert [w for w in WORDS.values() if w in words] == named
    assert all(words.count(w) == 1 for w in named)


@pytest.mark.parametrize("kind,fmt", [("letter", "txt"), ("announcement", "txt"), ("sms", "txt"), ("authority", "docx")])
def test_the_exported_notices_of_an_incident_at3_name_what_happened(kind: str, fmt: str) -> None:
    """Through the whole export (validation included): ``personal_info.what`` of an
    incident@3 file decides the words."""
    from io import BytesIO

    from docx import Document

    from core.notice import render_notice
    from core.rules import default_pack

    doc = leak(what=["tampered"])
    doc["schema"] = "incident-assistant/incident@3"
    data = render_notice(doc, default_pack(), kind, fmt, NOW)
    if fmt == "docx":
        word = Document(BytesIO(data))
        text = "\n".join([p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells])
    else:
        text = data.decode("utf-8")
    assert "被篡改" in text and "泄露、篡改或丢失" not in text and "被泄露" not in text
