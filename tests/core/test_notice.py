"""The personal-information notices of 个人信息保护法第五十七条 (D16): every kind renders in
every format it offers, holds the three items of 第五十七条第一款, is refused naming each
missing value, keeps the same bytes for the same ``now``; the SMS fits one message of 70
characters or is refused, never cut; the report's item 二 and appendix mention the notices."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from core import fields
from core.notice import FORMATS, NOTICE_KINDS, NoticeError, notice_content, preview, render_notice
from core.notice.sms import SMS_LIMIT, phone_in, short_text
from core.report import report_content
from core.rules import default_pack
from core.timeutil import parse_instant
from tests.core.notice_fixtures import NOW, PI_VALUES, SIX, leak, notified

PACK = default_pack()
COMBINATIONS = [(kind, fmt) for kind in NOTICE_KINDS for fmt in FORMATS[kind]]
NUMERAL = {"kinds": "一", "cause": "一", "possible_harm": "一", "remedies": "二", "individual_measures": "二", "contact": "三"}


def text_of(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        return "".join(p.extract_text() or "" for p in PdfReader(BytesIO(data)).pages)
    if fmt == "docx":
        word = Document(BytesIO(data))
        return "\n".join([p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells])
    return data.decode("utf-8")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("kind,fmt", COMBINATIONS)
def test_every_kind_renders_with_the_three_items_and_the_same_bytes_for_the_same_now(kind: str, fmt: str):
    doc = notified(leak())
    data = render_notice(doc, PACK, kind, fmt, NOW)
    assert data == render_notice(doc, PACK, kind, fmt, NOW)
    text = squeeze(text_of(data, fmt))
    for value in PI_VALUES.values():
        assert squeeze(value.rstrip("。")) in text, value
    assert "福州市鼓楼区康宁诊所" in text


@pytest.mark.parametrize("kind,fmt", [(k, f) for k, f in COMBINATIONS if f != "txt"])
def test_a_later_now_dates_the_document_later(kind: str, fmt: str):
    later = parse_instant("2026-11-25T09:00:00+08:00")
    assert render_notice(leak(), PACK, kind, fmt, NOW) != render_notice(leak(), PACK, kind, fmt, later)
    assert "2026年11月25日" in squeeze(text_of(render_notice(leak(), PACK, kind, fmt, later), fmt))


@pytest.mark.parametrize("kind", NOTICE_KINDS)
@pytest.mark.parametrize("key", list(PI_VALUES))
@pytest.mark.parametrize("empty", ["", "  \n", None])
def test_each_missing_value_of_article_57_is_refused_by_its_chinese_name(kind: str, key: str, empty: str | None):
    doc = leak()
    if empty is None:
        del doc["personal_info"][key]
    else:
        doc["personal_info"][key] = empty
    with pytest.raises(NoticeError) as caught:
        render_notice(doc, PACK, kind, FORMATS[kind][0], NOW)
    message = str(caught.value)
    assert message == f"无法生成：缺少第五十七条第一款规定的事项：（{NUMERAL[key]}）{fields.name(f'personal_info.{key}')}"


def test_every_missing_value_is_named_and_in_english_for_the_english_ui():
    doc = leak(**{k: "" for k in PI_VALUES})
    with pytest.raises(NoticeError) as caught:
        render_notice(doc, PACK, "letter", "pdf", NOW)
    assert all(fields.name(p) in str(caught.value) for p in SIX)
    with pytest.raises(NoticeError) as english:
        render_notice(doc, PACK, "letter", "pdf", NOW, lang="en")
    assert str(english.value).startswith("Cannot generate: missing what Article 57(1)")
    assert "(2) What individuals can do" in str(english.value)
    assert all(fields.name(p, "en") in str(english.value) for p in SIX)


def test_an_incident_without_personal_information_gets_no_notice():
    with pytest.raises(NoticeError, match="未涉及个人信息"):
        render_notice(leak(affected="no", count=None), PACK, "letter", "pdf", NOW)


@pytest.mark.parametrize("kind,fmt", [("sms", "pdf"), ("sms", "docx"), ("authority", "txt")])
def test_a_format_that_does_not_fit_the_kind_is_refused(kind: str, fmt: str):
    with pytest.raises(NoticeError, match=f"--format {fmt}"):
        render_notice(leak(), PACK, kind, fmt, NOW)


def test_the_notices_say_possible_when_it_is_only_possible():
    text = render_notice(leak(affected="possible"), PACK, "letter", "txt", NOW).decode()
    assert "可能被泄露、篡改或丢失" in text and "已经被泄露" not in text


def test_the_cover_note_names_the_department_the_number_and_who_was_notified():
    text = squeeze(text_of(render_notice(notified(leak()), PACK, "authority", "pdf", NOW), "pdf"))
    for expected in ("福州市卫生健康委员会：", "2026-0007", "2026年11月24日09:30（北京时间）", "约120000人", "报告单位（盖章）", "负责人（签字）"):
        assert expected in text
    assert "已于2026年11月24日15:00（北京时间）通过短信等方式通知受影响的个人（约118000人）" in text


def test_the_cover_note_gives_the_waiver_reason_or_says_notice_is_still_to_come():
    waived = leak(individual_notice_waived={"reason": "泄露的备份已加密，密钥未外泄。"})
    assert "理由：泄露的备份已加密，密钥未外泄。" in text_of(render_notice(waived, PACK, "authority", "docx", NOW), "docx")
    assert "尚未通知个人" in text_of(render_notice(leak(), PACK, "authority", "docx", NOW), "docx")


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_the_english_preview_has_the_same_structure_in_english(kind: str):
    text = preview(notified(leak()), PACK, kind, NOW)
    assert "您好" not in text and "依据" not in text
    if kind == "sms":
        assert text.startswith("One message (") and "Longer text" in text
    else:
        assert "Article 57" in text and "3. How to contact us" in text and PI_VALUES["contact"] in text


def test_the_sms_short_text_fits_one_message_and_keeps_the_phone_number():
    texts = notice_content(leak(), PACK, "sms", NOW)
    assert len(texts.short) <= SMS_LIMIT and "0591-87654321" in texts.short and texts.short.startswith("【福州市鼓楼区康宁诊所】")
    assert all(v.rstrip("。") in texts.long for v in PI_VALUES.values())


def test_an_sms_that_cannot_fit_is_refused_not_cut():
    doc = leak(contact="请到本单位前台或拨打本单位各科室的咨询电话，也可以在工作时间到门诊大厅服务台当面咨询工作人员")
    doc["reporter"]["name"] = "某某省某某市某某区某某街道某某社区卫生服务中心附属第一门诊部"
    with pytest.raises(NoticeError, match="70 字以内"):
        render_notice(doc, PACK, "sms", "txt", NOW)


SAFE = st.characters(codec="utf-8", categories=("Lu", "Ll", "Lo", "Nd", "Po"))
PHONES = st.one_of(
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.from_regex(r"0[1-9][0-9]{1,2}-[0-9]{7,8}", fullmatch=True),
    st.from_regex(r"400-[0-9]{3}-[0-9]{4}", fullmatch=True),
)


def _contact(draw: Any) -> tuple[str, str | None]:
    before = draw(st.text(alphabet=st.sampled_from("电话联系方式请拨打工作日"), max_size=20))
    if draw(st.booleans()):
        phone = draw(PHONES)
        after = draw(st.text(alphabet=st.sampled_from("（工作日上午下午）地址某路号"), max_size=40))
        return f"{before} {phone}{after}", phone
    return before + draw(st.text(alphabet=SAFE, min_size=1, max_size=60)), None


@st.composite
def sms_docs(draw: Any) -> tuple[dict[str, Any], str | None]:
    contact, phone = _contact(draw)
    doc = leak(
        kinds=draw(st.text(alphabet=SAFE, min_size=1, max_size=80)),
        contact=contact,
        affected=draw(st.sampled_from(["yes", "possible"])),
    )
    doc["reporter"]["name"] = draw(st.text(alphabet=SAFE, min_size=1, max_size=50))
    return doc, phone


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sms_docs())
def test_the_short_sms_always_fits_or_is_refused_and_never_cuts_a_number(case: tuple[dict[str, Any], str | None]):
    doc, phone = case
    try:
        short = short_text(doc)
    except NoticeError as exc:
        assert "70 字以内" in str(exc)
        return
    assert len(short) <= SMS_LIMIT
    reach = phone_in(doc["personal_info"]["contact"]) or doc["personal_info"]["contact"].rstrip("。；;.，, ")
    assert reach in short  # the number (or the whole contact) is there whole, never cut
    if phone is not None:
        assert phone_in(doc["personal_info"]["contact"]) == phone and phone in short


def test_the_first_report_says_the_individuals_were_notified_and_lists_the_notices():
    content = report_content(notified(leak()), PACK, "initial", NOW, app_version="t")
    item2 = {line.label: line.value for line in content.sections[1].lines}
    assert item2["通知个人情况"] == "已于2026年11月24日 15:00（北京时间）通过短信等方式通知受影响的个人（约 118000\u00a0人）。"
    assert content.submissions[0] == "2026-11-24 15:00:00（北京时间）；个人信息通知；报送对象：受影响的个人；渠道：短信；通知人数：118000\u00a0人"
    assert "渠道：公告" in content.submissions[1]


def test_the_report_gives_the_waiver_and_says_nothing_before_either():
    waived = leak(individual_notice_waived={"reason": "泄露的备份已加密，密钥未外泄。"})
    item2 = {line.label: line.value for line in report_content(waived, PACK, "initial", NOW, app_version="t").sections[1].lines}
    assert "第五十七条第二款" in item2["通知个人情况"] and "泄露的备份已加密" in item2["通知个人情况"]
    plain = report_content(leak(), PACK, "initial", NOW, app_version="t").sections[1].lines
    assert "通知个人情况" not in {line.label for line in plain}
