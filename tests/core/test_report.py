"""The report PDF (product.md §4.4): every field value is in the text layer, the footer
carries the document hash on every page, the fonts are embedded, the four kinds have
their own headings, and user text renders as typed."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from core.canonical import document_hash
from core.incident import walk_strings
from core.report import ReportError, render_report, render_report_bytes
from core.report.labels import CATEGORY_NAMES, KIND_NAMES, display
from core.rules import default_pack
from core.timeutil import display_beijing, parse_instant

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))
FIXTURES = sorted((Path(__file__).parent / "report_fixtures").glob("*.json"))
NOW = parse_instant("2026-11-24T11:00:00+08:00")
PACK = default_pack()


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def clinic() -> dict[str, Any]:
    return load(ROOT / "resources" / "examples" / "clinic-ransomware.json")


def first_report() -> dict[str, Any]:
    """The example with only 第七条 items 一 and 二 known (what a first report has)."""
    doc = clinic()
    for key in ("trend", "cause", "leads", "planned_measures", "support_requested", "scene_preservation", "other", "crime_suspected"):
        doc[key] = None
    return doc


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return squash("".join(page_texts(data)))


def body_text(data: bytes) -> str:
    """The text layer without the footers (drawn last on each page), for text that spans pages."""
    return "".join(re.sub(r"第\d+页/共\d+页.*$", "", squash(page)) for page in page_texts(data))


def render(doc: dict[str, Any], kind: str = "initial", now: datetime = NOW, **kw: Any) -> bytes:
    return render_report_bytes(doc, PACK, kind, now, app_version="9.9.9-test", **kw)


TIME_PATHS = re.compile(
    r"^(discovered_at|occurred_at|handling_ended_at|submissions\[\d+\]\.submitted_at|timeline\[\d+\]\.at|impact\.[a-z_]+\.[a-z_]*(started|ended)_at)$"
)


def expected_value(path: str, value: Any) -> str | None:
    """How a leaf value of the document reads in the PDF (None: not printed by design)."""
    generic = re.sub(r"\[\d+\]", "[]", path)
    if path in ("schema", "id"):  # the internal id stays out of documents (the human number is printed)
        return None
    if generic.startswith("personal_info."):  # the notices print these (个人信息保护法第五十七条), not the 第七条 report
        return None
    if generic == "drill":
        return "演练" if value else None
    if isinstance(value, bool):
        return "是" if value else "否"
    if TIME_PATHS.match(path):
        return display_beijing(parse_instant(value))
    if generic == "submissions[].obligation":
        return PACK.obligation(value).recipient
    if generic == "submissions[].kind":
        return KIND_NAMES[value]
    if generic == "submissions[].channel":
        return PACK.channel(value).name
    return display(path, value, PACK)


def leaves(value: Any, path: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in leaves(v, f"{path}.{k}" if path else k)]
    if isinstance(value, list):
        return [x for i, v in enumerate(value) for x in leaves(v, f"{path}[{i}]")]
    return [] if value is None else [(path, value)]


@pytest.mark.parametrize("path", EXAMPLES + FIXTURES, ids=lambda p: p.stem)
def test_every_field_value_of_the_incident_is_in_the_text_layer(path: Path) -> None:
    doc = load(path)
    text = pdf_text(render(doc))
    missing = [(p, v) for p, v in leaves(doc) if (e := expected_value(p, v)) is not None and squash(e) not in text]
    assert missing == []


def test_enumerations_print_by_their_chinese_names() -> None:
    text = pdf_text(render(clinic()))
    for name in (CATEGORY_NAMES["other"], "恶意程序事件", "勒索软件事件", "企事业单位门户网站", "较大"):
        assert name in text
    assert "malicious_program" not in text and "enterprise_portal" not in text


@pytest.mark.parametrize("path", EXAMPLES + FIXTURES, ids=lambda p: p.stem)
def test_the_quiet_footer_has_page_count_and_number_and_the_hash_and_versions_are_in_the_metadata(path: Path) -> None:
    doc = load(path)
    doc["schema"], doc["number"] = "incident-assistant/incident@3", "2026-0003"
    doc["timeline"] = (doc.get("timeline") or []) + [{"at": "2026-11-24T10:00:00+08:00", "text": "处置记录" * 40}] * 12
    data = render(doc)
    pages = page_texts(data)
    assert len(pages) >= 2
    for n, page in enumerate(pages, start=1):
        flat = squash(page)
        assert f"第{n}页/共{len(pages)}页" in flat and "事件编号2026-0003" in flat
        assert PACK.id not in flat  # no rule-pack id: it means nothing to the office
        for absent in ("SHA-256", "数据校验码", "incident-assistant", "规则版本", document_hash(doc), "生成于"):
            assert absent not in flat, absent
    meta = PdfReader(BytesIO(data)).metadata
    assert meta is not None
    assert document_hash(doc) in str(meta["/Keywords"]) and f"规则版本 {PACK.version}" in str(meta["/Keywords"])
    assert meta["/Creator"] == "incident-assistant 9.9.9-test"


def test_a_report_from_the_database_carries_the_record_anchor_on_every_page() -> None:
    from core.report import Stamp

    doc = load(FIXTURES[0])
    doc["timeline"] = [{"at": "2026-11-24T10:00:00+08:00", "text": "处置记录" * 40}] * 30
    data = render_report_bytes(doc, PACK, "initial", NOW, app_version="t", stamp=Stamp(anchor="12-3f9a-77c1-0b2e-9d40"))
    pages = page_texts(data)
    assert len(pages) >= 2 and all("记录校验码12-3f9a-77c1-0b2e-9d40" in squash(p) for p in pages)


def test_render_report_writes_the_file_and_returns_its_fingerprints(tmp_path: Path) -> None:
    doc = clinic()
    out = tmp_path / "报告.pdf"
    info = render_report(doc, PACK, "initial", NOW, out, app_version="1")
    data = out.read_bytes()
    assert info.path == out and info.pages == len(page_texts(data))
    assert info.json_sha256 == document_hash(doc)
    import hashlib

    assert info.pdf_sha256 == hashlib.sha256(data).hexdigest()
    assert render_report_bytes(doc, PACK, "initial", NOW, app_version="1") == data  # deterministic


def test_report_does_not_change_the_document() -> None:
    doc = clinic()
    before = copy.deepcopy(doc)
    render(doc, "supplement", previous=before)
    assert doc == before


def test_every_font_is_embedded_per_pypdf() -> None:
    reader = PdfReader(BytesIO(render(load(FIXTURES[0]))))
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            assert re.match(r"/[A-Z]{6}\+", font["/BaseFont"]), "subset fonts carry a tag"
            seen += 1
    assert seen


def test_every_font_is_embedded_per_pdffonts(tmp_path: Path) -> None:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    out = tmp_path / "r.pdf"
    render_report(load(FIXTURES[0]), PACK, "initial", NOW, out, app_version="1")
    rows = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        emb, sub = row.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), row
        assert "WenQuanYiMicroHei" in row


HEADINGS = {
    "initial": "网络安全事件报告（首报）",
    "supplement": "网络安全事件报告（补报）",
    "followup": "网络安全事件报告（续报）",
    "summary": "网络安全事件报告（总结报告）",
}


@pytest.mark.parametrize("kind", list(HEADINGS))
def test_each_kind_has_its_own_title_and_statutory_headings(kind: str) -> None:
    doc = clinic()
    doc["handling_ended_at"] = "2026-11-25T18:00:00+08:00"
    text = pdf_text(render(doc, kind))
    assert squash(HEADINGS[kind]) in text
    for other, title in HEADINGS.items():
        if other != kind:
            assert squash(title) not in text
    item_headings = [squash(i.heading) for i in PACK.report_items]
    summary_headings = [squash(h) for h in PACK.summary_headings]
    if kind == "summary":
        assert "第八条" in text
        positions = [text.index(h) for h in summary_headings[:3]]
        assert positions == sorted(positions)
        assert not any(h in text for h in item_headings)
        assert "以下事项待补报：（四）责任追究（五）完善整改情况（六）教训" in text
    else:
        known = [h for h in item_headings if not h.startswith("七、")]  # the example has no 现场保护情况
        positions = [text.index(h) for h in known]
        assert positions == sorted(positions)
        assert item_headings[6] not in text and "以下事项待补报：（七）" in text


def test_summary_prints_the_second_edition_fields_under_article_8_headings() -> None:
    doc = clinic()
    doc["schema"] = "incident-assistant/incident@2"
    doc["handling_ended_at"] = "2026-11-25T18:00:00+08:00"
    doc["accountability"] = "对值班管理员给予通报批评"
    doc["remediation"] = "关闭公网远程桌面，启用双因素认证"
    doc["lessons"] = "弱口令和暴露的远程桌面是主要风险"
    text = pdf_text(render(doc, "summary"))
    for value in (doc["cause"], doc["measures_taken"], doc["planned_measures"], doc["harm"]):
        assert squash(value) in text
    for n, (heading, key) in enumerate((("责任追究", "accountability"), ("完善整改情况", "remediation"), ("教训", "lessons")), start=4):
        numeral = "一二三四五六"[n - 1]
        assert f"{numeral}、{heading}{squash(doc[key])}" in text
    assert "待补报" not in text


def test_summary_refuses_without_handling_ended_at() -> None:
    with pytest.raises(ReportError, match="处置工作结束时间"):
        render(clinic(), "summary")


def test_unknown_kind_is_refused_with_a_chinese_message() -> None:
    with pytest.raises(ReportError, match="报告类型"):
        render(clinic(), "draft")


def test_unknown_items_are_listed_in_one_line_and_unknown_sub_items_print_as_pending() -> None:
    text = pdf_text(render(load(next(p for p in FIXTURES if "drill" in p.stem))))
    for label in ("地点", "已采取的措施及效果"):
        assert f"{label}：（待补报）" in text
    pending = re.search(r"以下事项待补报：((?:（[一二三四五六七八]）)+)", text)
    assert pending is not None
    for mark in re.findall(r"（([一二三四五六七八])）", pending.group(1)):
        heading = next(squash(i.heading) for i in PACK.report_items if i.heading.startswith(mark + "、"))
        assert heading not in text


def test_a_first_report_with_only_items_one_and_two_fits_one_page_and_holds_every_value() -> None:
    doc = first_report()
    data = render(doc)
    assert len(PdfReader(BytesIO(data)).pages) == 1
    text = pdf_text(data)
    missing = [(p, v) for p, v in leaves(doc) if (e := expected_value(p, v)) is not None and squash(e) not in text]
    assert missing == []
    assert "以下事项待补报：（三）（四）（五）（六）（七）（八）" in text
    for heading in ("一、涉事单位名称", "二、网络安全事件发现或发生的时间"):
        assert heading in text
    for line in ("报告单位（盖章）", "负责人（签字）", "填报人及联系电话王芳，13800000000", "报告日期2026年11月24日"):
        assert line in text


def test_pdf_metadata_are_true_and_the_bytes_deterministic() -> None:
    doc = first_report()
    data = render(doc, now=parse_instant("2026-11-24T11:05:07+08:00"))
    reader = PdfReader(BytesIO(data))
    meta = reader.metadata
    assert meta is not None and meta.creation_date is not None
    assert meta.creation_date == parse_instant("2026-11-24T11:05:07+08:00")
    assert meta.title == "网络安全事件报告（首报）" and meta.author == doc["reporter"]["name"] and meta.subject == "首报"
    assert reader.trailer["/Root"]["/Lang"] == "zh-CN"
    assert render(doc, now=parse_instant("2026-11-24T11:05:07+08:00")) == data
    assert render(doc, now=parse_instant("2026-11-24T11:05:08+08:00")) != data


def test_the_report_prints_the_ransom_with_its_unit_and_no_line_starts_with_closing_punctuation(tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path / "r.pdf"
    out.write_bytes(render(first_report()))
    lines = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout.splitlines()
    assert any(re.search(r"要求支付的赎金：2\s+BTC", x) for x in lines)
    assert not any(x.strip().startswith(("BTC", "北京时间", "）", "，", "。", "；")) for x in lines)


@pytest.mark.parametrize("n", range(1, 30))
def test_an_amount_and_its_currency_never_split_across_lines(n: int) -> None:
    from core.report import fonts, pdf

    text = "对方要求支付" + "赎" * n + "2\u00a0BTC的赎金" + "。" * 20
    paragraph = pdf.para(text)
    width = fonts.register().stringWidth("赎" * 18, 9.5)
    paragraph.wrap(width, 10_000)
    starts = [fonts.clean(_line_text(line)) for line in paragraph.blPara.lines]
    assert len(starts) >= 2
    assert not any(x.startswith(("BTC", "\u00a0BTC")) for x in starts), starts
    assert not any(x.endswith("2\u00a0") or x.endswith("2") for x in starts[:-1]), starts


def _line_text(line: Any) -> str:
    """The text of one laid-out line (single-fragment paragraphs keep ``(space, [text])``)."""
    words = getattr(line, "words", None)
    if words is None:
        return "".join(str(w) for w in line[1])
    return "".join(getattr(w, "text", str(w)) for w in words)


def test_a_drill_carries_the_mark_on_every_page() -> None:
    doc = load(next(p for p in FIXTURES if "drill" in p.stem))
    doc["timeline"] = [{"at": "2026-11-24T09:00:00+08:00", "text": "推演步骤" * 30}] * 40
    pages = page_texts(render(doc))
    assert len(pages) >= 3
    assert all("演练" in p for p in pages)
    assert not any("演练" in p for p in page_texts(render(clinic())))


def test_a_manual_grade_reads_as_the_units_own_judgement_with_its_reason() -> None:
    doc = load(next(p for p in FIXTURES if "cii" in p.stem))
    text = pdf_text(render(doc))
    assert "级别较大（本单位研判确定）" in text and f"定级理由{squash(doc['grade_override']['reason'])}" in text
    assert "按附件指标计算重大，本单位确定的级别低于此级别" in text
    assert "《办法》附件二通常情况第6项" in text  # the computed grade's item, cited plainly
    assert "手动定级" not in text and "用户定性判断" not in text and "附件三" not in text  # lower items add nothing


def test_a_qualitative_finding_reads_as_the_units_judgement_not_as_a_pack_label() -> None:
    doc = clinic()
    doc["impact"] = {"qualitative": {"grade": "general", "reason": "仅一台收费电脑受影响，半小时恢复"}}
    text = pdf_text(render(doc))
    assert "本单位判断：仅一台收费电脑受影响，半小时恢复（对照《办法》附件四）" in text
    assert "用户定性判断" not in text and "附件四…" not in text


def test_the_time_limit_of_a_first_report_says_whether_this_report_meets_it() -> None:
    doc = clinic()
    on_time = pdf_text(render(doc, now=parse_instant("2026-11-24T11:00:00+08:00")))
    late = pdf_text(render(doc, now=parse_instant("2026-11-24T14:00:00+08:00")))
    assert "报告期限2026-11-2413:30:00（北京时间）前（第四条第三款），本报告在期限内报送" in on_time
    assert "距期限" not in on_time  # no countdown frozen on paper
    assert "本报告晚于期限报送" in late and "已超时" not in late
    assert "报告期限" not in pdf_text(render(doc, "supplement", previous=doc))  # the limit is the first report's


def test_a_general_incident_is_reported_as_voluntary_with_no_deadline() -> None:
    doc = clinic()
    doc["impact"] = {"people_affected": 10}
    doc["ransomware"], doc["crime_suspected"] = None, False
    text = pdf_text(render(doc))
    assert "级别一般" in text and squash("依《办法》第四条无须报告；本报告为自愿报送") in text
    for absent in ("报告期限", "13:30", "期限内", "无须…"):
        assert absent not in text, absent


def test_the_report_holds_no_worksheet_no_channels_no_other_duties() -> None:
    """The office reads the report: no channel instructions (how to dial 12387), no table
    of the reporter's other duties, none of the means that reach individuals only."""
    for doc in (clinic(), load(next(p for p in FIXTURES if "cii" in p.stem))):
        text = pdf_text(render(doc))
        for absent in ("报送渠道", "12387", "拨打", "短信", "即时通信工具", "公告", "总结报告", "处置工作结束后", "本报告是否在期限内", "不能代替"):
            assert absent not in text, absent


def test_supplement_lists_what_changed_since_the_last_submitted_report() -> None:
    previous = clinic()
    doc = clinic()
    doc["cause"] = "确认为远程桌面弱口令被爆破"
    doc["scene_preservation"] = "已对服务器硬盘做镜像"
    doc["impact"]["people_affected"] = 150000
    doc["timeline"].append({"at": "2026-11-24T12:00:00+08:00", "text": "专业公司到场"})
    text = pdf_text(render(doc, "supplement", previous=previous))
    assert "自上次报送以来的变化" in text
    assert "影响人数：120000人→150000人" in text
    assert f"原因初步分析意见：{squash(previous['cause'])}→确认为远程桌面弱口令被爆破" in text
    assert "现场保护情况：（空）→已对服务器硬盘做镜像" in text
    assert "事件时间线：2条→3条" in text
    assert "无法列出变化" in pdf_text(render(doc, "followup"))
    assert "自上次报送以来的变化" not in pdf_text(render(doc, "initial", previous=previous))


def test_attachments_and_submissions_are_listed_in_the_appendices() -> None:
    digest = "ab" * 32
    text = pdf_text(render(load(FIXTURES[0]), attachments=[{"name": "勒索信截图.png", "sha256": digest, "size": 20480}]))
    assert f"勒索信截图.png（20480字节）SHA-256：{digest}" in text
    assert "卫健-2026-001" in text and "当面报送" in text
    assert "附录一事件时间线" in text and "附录二附件及其SHA-256" in text and "附录三报送记录" in text


def test_an_empty_appendix_is_left_out_and_the_others_are_numbered_in_order() -> None:
    doc = clinic()
    text = pdf_text(render(doc))
    assert "附录一事件时间线" in text and "附录二" not in text and "附件：无" not in text and "尚无" not in text
    doc["timeline"] = []
    submitted = {"obligation": "provincial_cyberspace_office", "kind": "initial", "submitted_at": "2026-11-24T10:00:00+08:00", "channel": "hotline_12387"}
    doc["submissions"] = [submitted]
    text = pdf_text(render(doc, "supplement", previous=clinic()))
    assert "附录一报送记录" in text and "附录一事件时间线" not in text and "附录二" not in text


USER_TEXTS = {
    "markup": "<b>粗体</b> <font name=Helvetica size=40>大</font> <para> &amp; & < > <br/> <img src='x'/>",
    "windows_newlines": "第一行\r\n第二行\r\n\r\n第四行",
    "long_word": "A" * 300,
    "full_width": "，。、：；！？（）《》“”‘’【】——……￥％＃＠",
    "traditional": "資訊安全事件報告：伺服器遭勒索軟體加密，聯絡窗口為網路組。",
}


@pytest.mark.parametrize("name", list(USER_TEXTS))
def test_user_text_renders_as_typed(name: str) -> None:
    doc = clinic()
    doc["harm"] = USER_TEXTS[name]
    assert squash(USER_TEXTS[name]) in pdf_text(render(doc))


def test_a_10000_character_field_wraps_and_breaks_across_pages() -> None:
    doc = clinic()
    doc["measures_taken"] = ("断网隔离并保全证据。" * 1000)[:10000]
    doc["other"] = "x" * 300 + "中" * 300
    data = render(doc)
    assert len(page_texts(data)) >= 6
    assert squash(doc["measures_taken"]) in body_text(data)
    assert doc["other"] in body_text(data)


def test_characters_the_font_lacks_show_a_placeholder_and_keep_the_typed_text() -> None:
    doc = clinic()
    doc["harm"] = "服务器宕机😀🔥，𠀀字与\u0007控制符"
    text = pdf_text(render(doc))
    assert "服务器宕机😀🔥，𠀀字与\ufffd控制符" in text


def test_placeholder_glyph_is_what_the_page_shows(tmp_path: Path) -> None:
    from core.report import fonts

    fonts.register()
    assert not fonts.has_glyph("😀") and fonts.has_glyph("中") and fonts.has_glyph("□")
    fonts.cover("😀")
    face = fonts.register().face
    assert face.charToGlyph[ord("😀")] == face.charToGlyph[ord("□")]


def test_importing_the_report_package_does_not_load_reportlab() -> None:
    code = "import sys, core.report, core.report.filing, core.cli.pdf_cmd; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_walk_strings_of_the_fixtures_are_all_printed() -> None:
    doc = load(FIXTURES[0])
    text = pdf_text(render(doc))
    for path, value in walk_strings(doc):
        if path != "schema" and not TIME_PATHS.match(path) and expected_value(path, value) == value:
            assert squash(value) in text, path


def test_a_lone_surrogate_is_refused_with_a_clear_message_not_a_crash() -> None:
    doc = clinic()
    doc["harm"] = "坏\ud800字"
    with pytest.raises(ReportError, match="无法编码"):
        render(doc)


def test_personal_information_held_once_reads_as_what_happened_to_whose_information() -> None:
    """D16a: the number is held in ``personal_info.count``; the report's impact line says
    whose information and what happened to it, 可能 when that is not yet established."""
    doc = clinic()
    doc["schema"] = "incident-assistant/incident@2"
    doc["impact"]["personal_info_leaked"] = None
    doc["personal_info"] = {"affected": "possible", "count": 860, "kinds": "学生姓名、班级"}
    assert "个人信息：约860人的学生姓名、班级可能被泄露、篡改或丢失" in pdf_text(render(doc))
    doc["impact"]["personal_info_leaked"] = 860
    text = pdf_text(render(doc))
    assert "泄露个人信息涉及人数：860人" in text
    assert "可能被泄露、篡改或丢失" not in text  # the annex's count already says it, once


def test_a_running_duration_is_counted_to_the_report_time_and_says_it_has_not_ended() -> None:
    doc = load(ROOT / "resources" / "examples" / "school-defacement-running.json")
    text = pdf_text(render(doc, now=parse_instant("2026-11-24T10:20:00+08:00")))
    assert "2026-11-2409:30:00（北京时间）起，至报告时仍未结束" in text
    assert "级别较大" in text and "实际为50分钟" in text
    doc["impact"]["defacement"]["homepage_ended_at"] = "2026-11-24T09:45:00+08:00"
    text = pdf_text(render(doc, now=parse_instant("2026-11-24T10:20:00+08:00")))
    assert "起，至2026-11-2409:45:00（北京时间）" in text and "仍未结束" not in text
