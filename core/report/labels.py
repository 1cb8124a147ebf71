"""Plain Chinese labels and display forms for incident fields, shared by the report, the
change list and the filing helpers. Pure functions over the document and the rule pack;
no layout, no reportlab, no clock.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from core import vocab
from core.rules import RulePack
from core.timeutil import BEIJING, TimeFormatError, display_beijing, parse_instant

PENDING = "（待补报）"
BEIJING_SUFFIX = "（北京时间）"

KIND_NAMES = {str(k): vocab.label(k) for k in vocab.REPORT_KINDS}  # the documents are Chinese
CATEGORY_NAMES = {"central_state_organ": "中央和国家机关各部门及其直属单位", "other": "其他网络运营者"}
DATA_THREAT_NAMES = {"especially_serious": "特别严重", "serious": "严重", "relatively_serious": "较严重"}
AUTHORITY_SCOPE_NAMES = {"especially_large": "特大范围", "large": "大范围", "relatively_large": "较大范围"}
REPORTABLE_NAMES = {str(r): vocab.label(r) for r in vocab.Reportable}

# Labels for every leaf of the incident document (list indexes written as ``[]``).
FIELD_LABELS: dict[str, str] = {
    "title": "事件名称", "drill": "演练", "id": "事件编号",
    "reporter.name": "涉事单位名称", "reporter.credit_code": "统一社会信用代码", "reporter.category": "单位类别",
    "reporter.province": "所在省份", "reporter.protection_department": "保护工作部门",
    "reporter.cyberspace_office": "本部门网信工作机构", "reporter.contact_name": "联系人",
    "reporter.contact_phone": "联系电话", "reporter.contact_email": "电子邮箱", "reporter.address": "单位地址",
    "discovered_at": "发现时间", "occurred_at": "发生时间", "location": "地点",
    "involves_cii": "是否涉及关键信息基础设施",
    "systems[].name": "涉事系统名称", "systems[].description": "系统基本情况", "systems[].is_cii": "属于关键信息基础设施",
    "type.class": "事件类别", "type.subclass": "事件子类",
    "impact.cii_full_outage_minutes": "关键信息基础设施整体中断运行时长",
    "impact.cii_main_function_outage_minutes": "关键信息基础设施主要功能中断运行时长",
    "impact.portal_outage.site": "中断网站类型", "impact.portal_outage.minutes": "网站中断时长",
    "impact.province_population_percent": "影响单个省级行政区人口比例",
    "impact.prefecture_population_percent": "影响单个地市级行政区人口比例",
    "impact.people_affected": "影响人数", "impact.personal_info_leaked": "泄露个人信息涉及人数",
    "impact.direct_loss_yuan": "直接经济损失",
    "impact.defacement.site": "被篡改网站类型", "impact.defacement.homepage_minutes": "首页被篡改时长",
    "impact.defacement.other_page_minutes": "其他页面被篡改时长", "impact.defacement.reposts": "篡改内容转发次数",
    "impact.defacement.views": "篡改内容浏览次数", "impact.defacement.authority_scope": "主管部门认定的传播范围",
    "impact.data_threat": "核心数据、重要数据安全威胁", "impact.qualitative.grade": "定性判断级别",
    "impact.qualitative.reason": "定性判断理由",
    "grade_override.grade": "手动定级", "grade_override.reason": "手动定级理由",
    "harm": "已造成的影响和危害", "measures_taken": "已采取的措施及效果", "trend": "事态发展趋势及可能的进一步影响和危害",
    "cause": "原因初步分析意见", "leads.attacker": "可能的攻击者信息", "leads.attack_path": "攻击路径",
    "leads.vulnerabilities": "存在的漏洞", "planned_measures": "拟进一步采取的应对措施",
    "support_requested": "请求支援事项", "scene_preservation": "现场保护情况", "other": "其他应当报告的情况",
    "ransomware.amount": "要求支付的赎金金额", "ransomware.currency": "赎金币种", "ransomware.method": "要求的支付方式",
    "ransomware.date": "赎金相关日期", "ransomware.contact": "勒索方联系方式或钱包地址", "ransomware.paid": "是否已支付赎金",
    "crime_suspected": "是否涉嫌违法犯罪",
    "sector_obligations[].recipient": "行业主管监管部门", "sector_obligations[].hours": "行业规定时限（小时）",
    "sector_obligations[].note": "行业规定说明",
    "handling_ended_at": "处置工作结束时间",
}

# Impact facts in the order the report lists them, with their unit.
IMPACT_UNITS: tuple[tuple[str, str], ...] = (
    ("impact.cii_full_outage_minutes", "分钟"), ("impact.cii_main_function_outage_minutes", "分钟"),
    ("impact.province_population_percent", "%"), ("impact.prefecture_population_percent", "%"),
    ("impact.people_affected", "人"), ("impact.personal_info_leaked", "人"), ("impact.direct_loss_yuan", "元"),
    ("impact.data_threat", ""),
)

UNITS: dict[str, str] = dict(IMPACT_UNITS) | {
    "impact.portal_outage.minutes": "分钟", "impact.defacement.homepage_minutes": "分钟",
    "impact.defacement.other_page_minutes": "分钟", "impact.defacement.reposts": "次",
    "impact.defacement.views": "次", "sector_obligations[].hours": "小时",
}

_INDEX = re.compile(r"\[\d+\]")


def label(path: str) -> str:
    """The plain label of a field path (``systems[2].name`` → 涉事系统名称（第3项）)."""
    generic = _INDEX.sub("[]", path)
    text = FIELD_LABELS.get(generic, path)
    numbers = [int(n) + 1 for n in re.findall(r"\[(\d+)\]", path)]
    return text + "".join(f"（第{n}项）" for n in numbers)


def number(value: Any) -> str:
    """A number as people write it: ``150``, ``2.5``; never ``1e+20`` or ``150.0``."""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, "f").rstrip("0").rstrip(".") if abs(value) >= 1e-4 else repr(value)
    return str(value)


def yes_no(value: Any) -> str:
    return "是" if value is True else "否" if value is False else PENDING


def when(value: Any) -> str:
    """A stored instant shown in Beijing time with the zone named (D12)."""
    if not isinstance(value, str):
        return PENDING
    try:
        return display_beijing(parse_instant(value)) + BEIJING_SUFFIX
    except TimeFormatError:
        return value


def when_dt(value: datetime) -> str:
    return display_beijing(value) + BEIJING_SUFFIX


def spoken_time(value: datetime) -> str:
    """``2026年11月24日9时30分`` for reading aloud (Beijing time)."""
    local = value.astimezone(BEIJING)
    seconds = f"{local.second}秒" if local.second else ""
    return f"{local.year}年{local.month}月{local.day}日{local.hour}时{local.minute}分{seconds}"


def grade_name(grade_id: str | None, pack: RulePack) -> str:
    if grade_id is None:
        return PENDING
    try:
        return pack.grade(grade_id).name
    except KeyError:
        return grade_id


def display(path: str, value: Any, pack: RulePack) -> str:
    """Display form of one leaf value, by its path (enums by name, times in Beijing time)."""
    generic = _INDEX.sub("[]", path)
    if value is None:
        return PENDING
    if isinstance(value, bool):
        return yes_no(value)
    if generic in ("discovered_at", "occurred_at", "handling_ended_at"):
        return when(value)
    if generic == "type.class":
        return _lookup(lambda: pack.incident_class(value).name, value)
    if generic.endswith(".site"):
        return _lookup(lambda: pack.site(value).name, value)
    if generic == "reporter.category":
        return CATEGORY_NAMES.get(value, str(value))
    if generic == "impact.data_threat":
        return DATA_THREAT_NAMES.get(value, str(value))
    if generic == "impact.defacement.authority_scope":
        return AUTHORITY_SCOPE_NAMES.get(value, str(value))
    if generic.endswith(".grade"):
        return grade_name(value, pack)
    return number(value) if isinstance(value, (int, float)) else str(value)


def _lookup(find: Any, fallback: Any) -> str:
    try:
        return str(find())
    except KeyError:
        return str(fallback)


def with_unit(value: Any, unit: str) -> str:
    return f"{number(value)}{' ' + unit if unit and unit != '%' else unit}"


def shown(path: str, value: Any, pack: RulePack) -> str:
    """``display`` plus the unit of a quantity (``150 分钟``, ``0.2%``)."""
    unit = UNITS.get(_INDEX.sub("[]", path), "")
    if unit and isinstance(value, (int, float)) and not isinstance(value, bool):
        return with_unit(value, unit)
    return display(path, value, pack)


def type_text(doc: dict[str, Any], pack: RulePack, joiner: str = " / ") -> str | None:
    """类型: class name and subclass (GB/T 20986-2023), or None when neither is known."""
    type_ = doc.get("type") or {}
    cls, sub = type_.get("class"), type_.get("subclass")
    if cls is None and sub is None:
        return None
    name = display("type.class", cls, pack) if cls is not None else "类别待定"
    return f"{name}{joiner}{sub}" if sub else name
