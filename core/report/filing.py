"""Helpers that file a report through the 12387 channels (product.md §4.5, regulation.md
§4): an e-mail draft (.eml, the PDF attached, addressed to the 12387 mailbox), a phone
script of 第七条 items 一 and 二 to read aloud on the 12387 hotline, and a one-page fax
cover sheet for the 12387 fax. Addresses and numbers come from the rule pack.

D13: the 12387 channels reach 网信部门 only. None of these helpers is offered as
satisfying a CII duty; when the incident involves CII each says so in its text.
Does not read the clock (``now`` is a parameter) or send anything.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from core import field_paths as fp
from core.assessment import Assessment, check
from core.incident import Doc, get, instant, involves_cii, is_ransomware
from core.report import ReportError, labels, write_atomic
from core.report.content import signature, voided_mark
from core.report.labels import KIND_NAMES, PENDING, report_date
from core.rules import RulePack

EMAIL_CHANNEL, FAX_CHANNEL, HOTLINE_CHANNEL = "email_12387", "fax_12387", "hotline_12387"
_SIMPLE_ADDRESS = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+")
COVER_VALUE_CHARS = 160
# The reporter's contact, as the covering e-mail and the fax cover give it: name, phone, e-mail.
CONTACT = (fp.REPORTER_CONTACT_NAME, fp.REPORTER_CONTACT_PHONE, fp.REPORTER_CONTACT_EMAIL)


def _assess(doc: Doc, pack: RulePack, now: datetime) -> Assessment:
    return check(doc, pack, now)


def _one_line(value: Any, limit: int | None = None) -> str:
    """Text for a header or a spoken sentence: one line, no control characters."""
    from_text = "" if value is None else str(value)
    text = " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]", " ", from_text).split())
    if limit is not None and len(text) > limit:
        return text[:limit] + "…"
    return text


def cii_note(result: Assessment, pack: RulePack) -> str | None:
    """D13 in words, naming the CII recipients and their deadlines; None without CII."""
    if not involves_cii(result.doc):
        return None
    duties = [
        f"{o.recipient}（{o.basis}，{labels.number(o.hours)} 小时内）"
        for o in result.obligations
        if o.id in pack.channel_rule.not_for_cyberspace_channels and o.hours is not None
    ]
    also = f"须另行直接向{'、'.join(duties)}报告。" if duties else ""
    return f"本事件涉及关键信息基础设施：{pack.channel_rule.text}{also}（{pack.channel_rule.basis}）"


def _subject(doc: Doc, kind: str) -> str:
    reporter = _one_line(get(doc, fp.REPORTER_NAME), 60) or "（报告单位未填）"
    title = _one_line(doc.get(fp.TITLE), 60)
    drill = "【演练】" if doc.get(fp.DRILL) is True else ""
    drill += "【已作废】" if voided_mark(doc) else ""
    return f"{drill}网络安全事件报告（{KIND_NAMES[kind]}）：{reporter}" + (f"——{title}" if title else "")


def cii_also(result: Assessment, pack: RulePack) -> str | None:
    """For a CII incident, in the reporting unit's voice: that it reports to the CII
    recipients directly as well (D13: 12387 does not stand in for them); None otherwise."""
    if not involves_cii(result.doc):
        return None
    names = list(dict.fromkeys(o.recipient for o in result.obligations if o.id in pack.channel_rule.not_for_cyberspace_channels and o.hours is not None))
    return f"本事件涉及关键信息基础设施，本单位同时直接向{'、'.join(names)}报告。" if names else None


def _email_body(result: Assessment, pack: RulePack, kind: str, attachment: str) -> str:
    """A short covering message in the reporting unit's name: what is attached, whom to
    call, the unit and the date. The report itself carries the signature block."""
    doc = result.doc
    unit = _one_line(get(doc, fp.REPORTER_NAME)) or "本单位"
    title = _one_line(doc.get(fp.TITLE))
    about = f"「{title}」" if title else ""
    lines = ["您好：", ""]
    mark = voided_mark(doc)
    if mark:
        lines += [f"【{_one_line(mark)}】", ""]
    if doc.get(fp.DRILL) is True:
        lines += ["【演练】本邮件为演练材料，不是真实事件的报告。", ""]
    lines.append(f"{unit}现报送网络安全事件{about}的报告（{KIND_NAMES[kind]}），全文见附件 {attachment}。")
    also = cii_also(result, pack)
    if also:
        lines.append(also)
    name, phone, email = (_one_line(get(doc, p)) for p in CONTACT)
    reach = "，".join(x for x in (f"电话 {phone}" if phone else "", f"邮箱 {email}" if email else "") if x)
    if name or reach:
        lines.append(f"如需核实情况，请联系{name or '本单位'}" + (f"（{reach}）" if reach else "") + "。")
    lines += ["", unit, report_date(result.now)]
    return "\n".join(lines) + "\n"


def eml_draft(doc: Doc, pack: RulePack, kind: str, pdf_path: str | os.PathLike[str], now: datetime) -> bytes:
    """An unsent e-mail (RFC 5322 bytes) to the 12387 mailbox with the report PDF attached."""
    if kind not in KIND_NAMES:
        raise ReportError(f"报告类型应为以下之一：{'、'.join(KIND_NAMES)}（实际为 {kind!r}）")
    result = _assess(doc, pack, now)
    path = Path(pdf_path)
    message = EmailMessage(policy=SMTP)
    message["To"] = pack.channel(EMAIL_CHANNEL).detail
    sender = _one_line(get(result.doc, fp.REPORTER_CONTACT_EMAIL))
    if _SIMPLE_ADDRESS.fullmatch(sender):
        message["From"] = sender
    message["Subject"] = _subject(result.doc, kind)
    message["Date"] = format_datetime(now)
    message["X-Unsent"] = "1"  # mail programs open the file as a draft to send
    message.set_content(_email_body(result, pack, kind, path.name))
    message.add_attachment(path.read_bytes(), maintype="application", subtype="pdf", filename=path.name)
    return message.as_bytes()


def _speak(value: Any, unknown: str = "目前还不清楚，将及时补报") -> str:
    """A value inside a spoken sentence: one line, without its own closing punctuation."""
    text = _one_line(value).rstrip("。．.；;，,、 ")
    return text if text else unknown


def _item_one(doc: Doc) -> list[str]:
    unit = _speak(get(doc, fp.REPORTER_NAME), "（单位名称未填）")
    code = _one_line(get(doc, fp.REPORTER_CREDIT_CODE))
    lines = [f"涉事单位是{unit}" + (f"，统一社会信用代码{code}。" if code else "。")]
    systems = doc.get(fp.SYSTEMS) or []
    for n, s in enumerate(systems, start=1):
        about = _one_line(s.get("description"))
        cii = {True: "属于关键信息基础设施", False: "不属于关键信息基础设施"}.get(s.get("is_cii"), "")
        parts = [f"涉事系统{n}是{_speak(s.get('name'))}"] + [p for p in (about, cii) if p]
        lines.append("，".join(parts) + "。")
    if not systems:
        lines.append("涉事系统的情况目前还不清楚，将及时补报。")
    return lines


def _item_two(result: Assessment, pack: RulePack) -> list[str]:
    doc = result.doc
    found, occurred = instant(doc, fp.DISCOVERED_AT), instant(doc, fp.OCCURRED_AT)
    grade = result.grading.grade
    lines = [f"我们在北京时间{labels.spoken_time(found)}发现这起事件。" if found else "发现时间尚未确定。"]
    if occurred:
        lines.append(f"事件发生时间是北京时间{labels.spoken_time(occurred)}。")
    lines.append(f"地点是{_speak(doc.get('location'))}。")
    lines.append(f"事件类型是{_speak(labels.type_text(doc, pack, '中的'))}。")
    lines.append(
        "级别尚未判定，我们正在核实影响情况。" if grade == pack.undetermined.id else f"按照分级指南，初步判定为{labels.grade_name(grade, pack)}网络安全事件。"
    )
    lines.append(f"已造成的影响和危害：{_speak(doc.get('harm'))}。")
    lines.append(f"已采取的措施及效果：{_speak(doc.get('measures_taken'))}。")
    if is_ransomware(doc, pack):
        lines.append(_ransom_sentence(doc.get("ransomware") or {}))
    return lines


CURRENCY_WORDS = {
    "BTC": "个比特币",
    "XMR": "个门罗币",
    "ETH": "个以太币",
    "USDT": "个泰达币",
    "CNY": "元人民币",
    "USD": "美元",
    "人民币": "元人民币",
    "元": "元",
}


def _ransom_amount(r: dict[str, Any]) -> str | None:
    """「2个比特币」, 「50000元人民币」, or the amount and the currency as typed."""
    if r.get("amount") is None:
        return None
    amount, currency = labels.number(r["amount"]), _one_line(r.get("currency"))
    word = CURRENCY_WORDS.get(currency.upper() if currency.isascii() else currency)
    return f"{amount}{word}" if word else f"{amount}{' ' + currency if currency else ''}"


def _ransom_sentence(r: dict[str, Any]) -> str:
    """第七条第一款第二项: the ransom demanded (amount, method, date) in natural sentences;
    「已支付/未支付」 only when the user said so."""
    amount = _ransom_amount(r)
    parts = ["这是勒索软件攻击。" + (f"对方要求支付{amount}的赎金" if amount else "对方要求支付赎金，金额还不清楚")]
    if _one_line(r.get("method")):
        parts.append(f"支付方式是{_speak(r.get('method'))}")
    if _one_line(r.get("date")):
        parts.append(f"期限是{_speak(r.get('date'))}")
    if _one_line(r.get("contact")):
        parts.append(f"对方留下的联系方式是{_speak(r.get('contact'))}")
    sentence = "，".join(parts) + "。"
    if r.get("paid") is True:
        sentence += "赎金已支付。"
    elif r.get("paid") is False:
        sentence += "赎金未支付。"
    return sentence


def phone_script(doc: Doc, pack: RulePack, now: datetime) -> str:
    """What to say on the 12387 hotline: 第七条 items 一 and 二 as plain sentences."""
    result = _assess(doc, pack, now)
    d = result.doc
    name, phone = _speak(get(d, fp.REPORTER_CONTACT_NAME), "（姓名）"), _speak(get(d, fp.REPORTER_CONTACT_PHONE), "（电话）")
    hotline = pack.channel(HOTLINE_CHANNEL)
    out = [f"12387 电话报告稿（{pack.report_items_basis}第一项、第二项；准备于北京时间{labels.spoken_time(now)}）", f"拨号：{hotline.detail}。"]
    if d.get(fp.DRILL) is True:
        out.append("【演练】这是演练用稿，不要拨打真实热线。")
    if voided_mark(d):
        out.append(f"【{voided_mark(d)}】不要拨打。")
    note = cii_note(result, pack)
    if note:
        out.append(note)
    out += [
        "",
        f"开场：您好，我是{_speak(get(d, 'reporter.name'), '（单位名称）')}的{name}，联系电话{phone}。我单位发生一起网络安全事件，现在电话报告。",
        "",
        "一、涉事单位和系统",
        *_item_one(d),
        "",
        "二、事件情况",
        *_item_two(result, pack),
        "",
        f"结束：其他情况我们正在核实，将及时补报。书面报告可发送到 {pack.channel(EMAIL_CHANNEL).detail}"
        f"，或传真到 {pack.channel(FAX_CHANNEL).detail}。我的联系电话是{phone}。谢谢。",
    ]
    return "\n".join(out) + "\n"


def cover_lines(result: Assessment, pack: RulePack, kind: str, now: datetime, pages: int) -> list[tuple[str, str]]:
    doc = result.doc

    def short(value: Any) -> str:
        return _one_line(value, COVER_VALUE_CHARS) or PENDING

    contact = "，".join(x for x in (_one_line(get(doc, p), COVER_VALUE_CHARS) for p in CONTACT) if x)
    return [
        ("收件", f"网信部门 12387 网络安全事件报告（传真 {pack.channel(FAX_CHANNEL).detail}）"),
        ("发件单位", short(get(doc, fp.REPORTER_NAME))),
        ("联系人", contact or PENDING),
        ("日期", labels.when_dt(now)),
        ("页数", f"共 {pages + 1} 页（含本页；报告 {pages} 页）"),
        ("事由", f"网络安全事件报告（{KIND_NAMES[kind]}）：{short(doc.get('title'))}"),
        ("级别", labels.grade_name(result.grading.grade, pack)),
    ]


def render_fax_cover(doc: Doc, pack: RulePack, kind: str, now: datetime, out_path: str | os.PathLike[str], pages: int) -> Path:
    """Write a one-page fax cover sheet for the 12387 fax; long values are shortened so
    the sheet always fits one page (the report that follows has them in full)."""
    if kind not in KIND_NAMES:
        raise ReportError(f"报告类型应为以下之一：{'、'.join(KIND_NAMES)}（实际为 {kind!r}）")
    from core.report import pdf  # lazy: reportlab loads only here

    result = _assess(doc, pack, now)
    notes = [n for n in (cii_also(result, pack),) if n]  # the office reads the cover: the unit's voice
    if result.doc.get(fp.DRILL) is True:
        notes.append("【演练】本传真为演练材料，不是真实事件的报告。")
    data = pdf.render_cover(
        cover_lines(result, pack, kind, now, pages),
        notes,
        drill=result.doc.get(fp.DRILL) is True,
        signature=signature(result.doc, now),
        now=now,
        author=_one_line(get(result.doc, fp.REPORTER_NAME)),
        voided=voided_mark(result.doc),
    )
    path = Path(out_path)
    write_atomic(path, data)
    return path
