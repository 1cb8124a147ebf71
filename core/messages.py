"""Errors and warnings as values with a place: a field path, a message key and its
parameters, rendered in Chinese (default) or English. The CLI prints one line, the GUI
shows it beside the field; both say the same words because both use this module."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

TEMPLATES: dict[str, tuple[str, str]] = {
    # validation errors
    "not_object": ("应为 JSON 对象", "expected a JSON object"),
    "unknown_key": ("未知的键「{key}」（请检查拼写；本格式不接受其他键）", "unknown key '{key}' (check the spelling; no other keys are accepted)"),
    "schema": ('应为 "{expected}"', 'expected "{expected}"'),
    "missing": ("必填，不能为空", "required"),
    "type_str": ("应为文本（字符串）", "expected text (a string)"),
    "type_bool": ("应为 true 或 false", "expected true or false"),
    "type_int": ("应为整数", "expected a whole number"),
    "type_number": ("应为数字", "expected a number"),
    "type_list": ("应为数组（列表）", "expected an array"),
    "negative": ("不能为负数（实际为 {value}）", "must not be negative (got {value})"),
    "not_positive": ("应大于 0（实际为 {value}）", "must be greater than 0 (got {value})"),
    "percent_range": ("百分比应在 0 到 100 之间（实际为 {value}）", "a percentage must be between 0 and 100 (got {value})"),
    "enum": ("应为以下之一：{choices}（实际为 {value}）", "expected one of: {choices} (got {value})"),
    "instant": (
        "应为带时间的日期，例如 2026-11-24T09:30:00+08:00（实际为 {value}）",
        "expected a date and time such as 2026-11-24T09:30:00+08:00 (got {value})",
    ),
    "instant_range": (
        "时间应在 {min} 年至 {max} 年之间（实际为 {value}）",
        "the time must lie in the years {min} to {max} (got {value})",
    ),
    "hours_beyond_calendar": (
        "小时数过大：期限将超出日历范围（最多 {limit} 小时，实际为 {value}）",
        "too many hours: the due time would fall outside the calendar (at most {limit} hours, got {value})",
    ),
    "blank_reason": ("须写明理由", "a reason is required"),
    "occurred_after_discovered": ("发生时间不能晚于发现时间（发现：{discovered}）", "occurrence time must not be after discovery time ({discovered})"),
    "ended_before_discovered": ("处置结束时间不能早于发现时间（发现：{discovered}）", "handling end must not be before discovery ({discovered})"),
    "subclass_mismatch": (
        "子类「{value}」不属于「{class_name}」；可选：{choices}",
        "subclass '{value}' is not in class '{class_name}'; choose one of: {choices}",
    ),
    "subclass_unknown": ("未知的事件子类「{value}」", "unknown incident subclass '{value}'"),
    "obligation_unknown": ("未知的报告义务「{value}」；可选：{choices}", "unknown obligation '{value}'; choose one of: {choices}"),
    "too_large": ("数值超出允许范围（绝对值不能超过 {limit}，实际为 {value}）", "the number is out of range (at most {limit} in magnitude, got {value})"),
    "lone_surrogate": (
        "文本中有无效字符（不成对的 UTF-16 代理码），请删去后重新输入",
        "the text holds an invalid character (a lone UTF-16 surrogate); remove it",
    ),
    "v2_only": ('「{key}」属于 {expected} 格式；请把 schema 改为 "{expected}"', "'{key}' belongs to the {expected} format; set schema to \"{expected}\""),
    "not_json": ("不是有效的 JSON：第 {line} 行第 {col} 列：{detail_zh}", "not valid JSON: line {line}, column {col}: {detail}"),
    "unreadable": ("无法读取文件：{detail}", "cannot read the file: {detail}"),
    # reading an incident file (core.jsonfile)
    "file_not_regular": ("不是普通文件（是{kind_zh}），不能作为事件文件读取", "not a regular file ({kind_en}); it cannot be read as an incident file"),
    "file_too_large": ("文件过大：事件文件不能超过 {limit}", "the file is too large: an incident file may be at most {limit}"),
    "not_utf8": ("不是 UTF-8 编码的文本（第 {offset} 个字节处无法解码）", "not UTF-8 text (cannot be decoded at byte {offset})"),
    "duplicate_key": ("键「{key}」在同一对象中出现了不止一次；请只保留一个", "the key '{key}' appears more than once in the same object; keep only one"),
    "not_finite": (
        "{value} 不是有效的数字（JSON 不允许 NaN、Infinity）；不知道请填 null",
        "{value} is not a valid number (JSON allows no NaN or Infinity); use null if unknown",
    ),
    "number_range": ("数字 {value} 超出允许范围（绝对值不能超过 {limit}）", "the number {value} is out of range (at most {limit} in magnitude)"),
    "too_deep": ("嵌套层数超过上限（最多 {limit} 层对象或数组）", "nested too deeply (at most {limit} levels of objects or arrays)"),
    "lone_surrogate_key": ("键名中有无效字符（不成对的 UTF-16 代理码）", "the key holds an invalid character (a lone UTF-16 surrogate)"),
    "not_a_number": (
        "「{value}」不是数字；请填写数字，如 120000 或 12万；不知道请留空",
        "'{value}' is not a number; type e.g. 120000, or leave it empty if unknown",
    ),
    "not_whole": ("「{value}」应为整数（人数、次数不能有小数）", "'{value}' must be a whole number"),
    "negative_text": ("「{value}」不能为负数", "'{value}' must not be negative"),
    # warnings
    "credit_code_check_digit": (
        "统一社会信用代码「{value}」校验位不符（按 GB 32100-2015 应为 {expected}），请核对",
        "unified social credit code '{value}' has a wrong check digit (GB 32100-2015 expects {expected}); please check it",
    ),
    "credit_code_format": (
        "统一社会信用代码「{value}」格式不符（应为 18 位，不含 I、O、Z、S、V），请核对",
        "unified social credit code '{value}' is malformed (18 characters, no I, O, Z, S, V); please check it",
    ),
    "submission_channel_not_counted": (
        "第 {n} 条报送记录经「{channel}」报送，该渠道送达不了{recipient}，不计为已向其报告；请直接向其报告（第四条、第九条）",
        "submission {n} went by '{channel_en}', which does not reach the {recipient_en}; it does not count as reported to them: report to them directly (Articles 4 and 9)",
    ),
    "submission_not_applicable": (
        "第 {n} 条报送记录所记的义务「{recipient}」对本事件不适用，该记录未计入任何期限；请核对所记义务",
        "submission {n} is recorded against the duty to report to the {recipient_en}, which does not apply to this incident; it counts for no deadline: please check it",
    ),
    "submission_in_future": (
        "第 {n} 条报送记录的报送时间（{value}）晚于当前时间，暂不计为已报告；请核对",
        "submission {n} is timed after the present ({value}); it does not count as reported yet: please check it",
    ),
    "before_in_force": (
        "发现时间早于《办法》施行日期 {date}（第十四条）：当时《办法》尚未施行，以下义务仅供记录和演练参考",
        "discovered before the Measures took effect on {date} (Article 14): they were not yet in force; the duties below are for records and drills",
    ),
    "cii_system_flag": (
        "有系统标记为关键信息基础设施，已按涉及关键信息基础设施计算期限（第四条第一款）",
        "a system is marked as critical information infrastructure; deadlines are computed as a CII incident",
    ),
    "category_unknown": (
        "未选择报告单位类别，暂按「其他网络运营者」计算期限（第四条第三款）",
        "reporter category not chosen; deadlines are computed for 'other operators' for now",
    ),
    "discovered_unknown": ("未填写发现时间，无法计算报告期限", "discovery time missing: deadlines cannot be computed"),
    "general_with_unknowns": (
        "已判为一般事件，但仍有影响情况未知（{fields}）；事实变化时须重新定级",
        "graded general while some impact facts are unknown ({fields}); re-grade when facts change",
    ),
    "manual_lower": (
        "手动定级「{grade}」低于按附件计算的「{computed}」；理由：{reason}",
        "manual grade '{grade_en}' is below the computed '{computed_en}'; reason: {reason}",
    ),
    "site_unknown": ("已填写网站受影响情况但未选择网站类型，该项暂不计入定级", "website impact given without a site kind; it is not counted for grading yet"),
    "site_not_listed": (
        "「{site}」不在附件第{item}项列举的网站范围内，该项未计入定级；如影响相当，可手动定级",
        "'{site_en}' is not a site kind the annex item {item} covers; it is not counted (you may grade manually)",
    ),
    "submitted_before_discovery": ("报送时间早于发现时间（{value}），请核对", "submission time is before discovery ({value}); please check it"),
    "general_other_laws": (
        "一般事件无须依《办法》报告，但个人信息保护法、数据安全法等其他法律法规及行业规定仍可能要求报告",
        "a general incident need not be reported under the Measures, but other laws and sector rules may still require it",
    ),
}


class FieldPaths(tuple[str, ...]):
    """A message parameter naming fields: shown by their names in the message's language
    (「受影响人数」), never by JSON key."""


@dataclass(frozen=True)
class Finding:
    """One validation error or warning at a field path (``impact.people_affected``,
    ``submissions[0].channel``; empty for the whole document)."""

    path: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        zh, en = TEMPLATES[self.code]
        template = en if lang == "en" else zh
        return template.format(**{k: _named(v, lang) if isinstance(v, FieldPaths) else _show(v) for k, v in self.params.items()})

    def line(self, lang: str = "zh") -> str:
        """One line naming the field and what was expected, for stderr."""
        where = printable(self.path) or ("(整个文件)" if lang != "en" else "(document)")
        return f"{where}: {self.message(lang)}"

    def as_json(self, lang: str = "zh") -> dict[str, str]:
        return {"code": self.code, "field": self.path, "message": self.message(lang)}


# Characters that would break a one-line message or drive a terminal: controls, format
# characters (bidi overrides), surrogates and line or paragraph separators.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with every control, format, surrogate and separator character as ``\\uXXXX``."""
    if text.isprintable():
        return text
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in _HIDDEN_CATEGORIES else c for c in text)


def _named(value: FieldPaths, lang: str) -> str:
    from core.fields import name  # lazy: the catalogue is not needed for most messages

    return ("; " if lang == "en" else "、").join(printable(name(path, lang)) for path in value)


def _show(value: Any) -> str:
    if isinstance(value, str):
        value = printable(value if len(value) <= 200 else value[:200])
        return value if len(value) <= 80 else value[:77] + "..."
    if isinstance(value, (list, tuple)):
        return "、".join(_show(v) for v in value)
    try:
        text = printable(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):
        text = printable(repr(value))
    return text if len(text) <= 80 else text[:77] + "..."


class InvalidIncident(ValueError):
    """The incident document has errors; ``errors`` lists every one, first one first."""

    def __init__(self, errors: list[Finding]) -> None:
        super().__init__(errors[0].line() if errors else "invalid")
        self.errors = errors
