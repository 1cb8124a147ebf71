"""The documents label fields as the field catalogue does (its name, or its ``heading``
where a document words it otherwise), so a label is declared once and the report, the
worksheet and the notices cannot disagree with the wizard."""

from __future__ import annotations

from core import field_paths as fp
from core import fields
from core.assessment import check
from core.notice.content import authority
from core.report import report_content
from core.report.worksheet import worksheet_content
from core.rules import default_pack
from tests.conftest import example
from tests.core.notice_fixtures import NOW, leak

PACK = default_pack()


def labels_of(lines) -> list[str]:
    return [line.label for line in lines]


def test_a_heading_is_the_documents_wording_and_the_name_stands_in_without_one():
    assert fields.heading(fp.REPORTER_NAME) == "报告单位" != fields.name(fp.REPORTER_NAME)
    assert fields.heading(fp.REPORTER_NAME, "en") == "Reporting organisation"
    assert fields.heading(fp.DISCOVERED_AT) == fields.name(fp.DISCOVERED_AT) == "发现时间"
    assert fields.heading(fp.DISCOVERED_AT, "en") == fields.name(fp.DISCOVERED_AT, "en") == "Discovery time"
    assert fields.heading("no.such.field") == "no.such.field"


def test_the_worksheet_header_takes_its_labels_from_the_catalogue():
    content = worksheet_content(check(leak(), PACK, NOW), PACK, app_version="0", json_sha256="0" * 64)
    expected = [fields.heading(p) for p in (fp.TITLE, fp.NUMBER, fp.REPORTER_NAME, fp.DISCOVERED_AT)]
    assert labels_of(content.header)[:4] == expected == ["事件名称", "事件编号", "报告单位", "发现时间"]  # the wording as filed


def test_the_cover_note_to_the_authority_labels_its_rows_as_the_catalogue_in_both_languages():
    for lang in ("zh", "en"):
        rows = labels_of(authority(leak(), NOW, lang).table)
        assert rows[:4] == [fields.heading(p, lang) for p in (fp.NUMBER, fp.REPORTER_NAME, fp.TITLE, fp.DISCOVERED_AT)]
        assert rows[-1] == fields.heading(fp.PERSONAL_INFO_COUNT, lang)
    assert labels_of(authority(leak(), NOW).table) == ["事件编号", "报告单位", "事件名称", "发现时间", "受影响情况", "涉及人数"]  # as filed
    assert labels_of(authority(leak(), NOW, "en").table)[3] == "Discovery time"  # once 「Discovered」, unlike the wizard


def test_the_report_labels_the_title_the_systems_and_the_ransom_from_the_catalogue():
    content = report_content(example(), PACK, "initial", NOW, app_version="0")
    assert labels_of(content.header)[0] == fields.heading(fp.TITLE) == "事件名称"
    lines = [line for section in content.sections for line in section.lines]
    assert f"{fields.heading(fp.SYSTEMS)}1" in labels_of(lines) and fields.heading(fp.SYSTEMS) == "涉事系统或设施"
    ransom = next(line.value for line in lines if line.label == "勒索赎金情况")
    assert ransom.startswith(f"{fields.heading(fp.RANSOMWARE_AMOUNT)}：2") and fields.heading(fp.RANSOMWARE_AMOUNT) == "要求支付的赎金"
