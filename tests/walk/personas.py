"""Personas as data: who she is, when she sits down, and what she does, step by step, with
only what a person can do (the walker turns each step into clicks, keys and typing).

Steps:
- ``("start",)``: the first launch greets her; she clicks 「开始报告新事件」.
- ``("field", name, text)``: click the field named ``name`` and type ``text`` (2 actions;
  1 when the field already has the focus).
- ``("key", "Return")``: one key press into whatever has the focus.
- ``("click", name)``: click a button, a tick box or a radio button.
- ``("choose", name, text)``: open a combo box and click the item that reads ``text``.
- ``("row", name, text)``: in the table ``name``, click 添加 and type the first cell.
- ``("next",)``: the wizard's 下一步.
- ``("export",)``: 导出 PDF on the review page, then 保存 in the preview and Enter in the
  save dialog (3 actions).

Milestones (``expect``): when the app first shows each of them, the walker notes the action
count: ``clock`` (the discovery time she meant, and the first deadline counted from it),
``due`` (whether a report is due, and to whom), ``pi`` (the personal-information duties),
``pdf`` (the first report saved).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.timeutil import BEIJING


@dataclass(frozen=True)
class Persona:
    key: str
    who: str
    now: datetime  # when she sits down (Beijing time)
    discovered: datetime  # what she means by her answer
    steps: tuple[tuple[Any, ...], ...]
    reportable: str  # "yes" | "no": the answer she must get
    recipients: tuple[str, ...]  # obligation ids that must show, with their cards
    pi: bool = False  # personal-information duties must show
    profile: dict[str, Any] = field(default_factory=dict)
    lang: str = "zh"


def bj(*args: int) -> datetime:
    return datetime(*args, tzinfo=BEIJING)  # type: ignore[misc]


CLINIC = Persona(
    key="clinic",
    who="诊所经理：前台电脑 9:30 出现勒索提示，9:50 打开软件",
    now=bj(2026, 11, 24, 9, 50, 0),
    discovered=bj(2026, 11, 24, 9, 30, 0),
    reportable="undetermined",
    recipients=("provincial_cyberspace_office", "police_case"),
    steps=(
        ("start",),
        ("field", "discovered_at", "9:30"),
        ("key", "Return"),
        ("next",),
        ("field", "reporter_name", "福州市鼓楼区康宁诊所"),
        ("field", "reporter_province", "福建省"),
        ("field", "reporter_contact_phone", "13800000000"),
        ("next",),
        ("row", "systems", "门诊收费系统"),
        ("next",),
        ("click", "symptom_0"),
        ("next",),
        ("next",),  # impact: not known yet
        ("field", "ransomware_amount", "2 BTC"),
        ("next",),
        ("field", "harm", "门诊无法挂号收费"),
        ("field", "measures_taken", "已断网隔离服务器，并已报警"),
        ("next",),
        ("export",),
    ),
)

SCHOOL = Persona(
    key="school",
    who="中学信息老师：网站首页 14:10 起被挂赌博广告，学生名单泄露；14:40 打开软件",
    now=bj(2026, 11, 24, 14, 40, 0),
    discovered=bj(2026, 11, 24, 14, 10, 0),
    reportable="yes",
    recipients=("provincial_cyberspace_office",),
    pi=True,
    steps=(
        ("start",),
        ("field", "discovered_at", "14:10"),
        ("key", "Return"),
        ("next",),
        ("field", "reporter_name", "某某市第三中学"),
        ("field", "reporter_province", "江苏省"),
        ("next",),
        ("next",),  # systems: later
        ("click", "symptom_3"),
        ("next",),
        ("click", "impactArea_website"),
        ("choose", "impact_defacement_site", "企事业单位门户网站"),
        ("field", "impact_defacement_homepage_started_at", "14:10"),
        ("key", "Return"),
        ("click", "impactArea_personal_info"),
        ("choose", "personal_info_affected", "是，已经泄露、篡改或丢失"),
        ("field", "personal_info_count", "约1200名学生"),
        ("key", "Return"),
    ),
)

SHOP = Persona(
    key="shop",
    who="网店店主：有人在论坛上出售本店 8 万条顾客数据（姓名、电话、地址），昨晚 10 点看到",
    now=bj(2026, 11, 25, 8, 30, 0),
    discovered=bj(2026, 11, 24, 22, 0, 0),
    reportable="no",
    recipients=("pi_authority_notice", "pi_individual_notice"),
    pi=True,
    steps=(
        ("start",),
        ("field", "discovered_at", "昨晚10点"),
        ("key", "Return"),
        ("next",),
        ("field", "reporter_name", "某某网店"),
        ("field", "reporter_province", "浙江省"),
        ("next",),
        ("next",),
        ("next",),
        ("click", "impactArea_personal_info"),
        ("choose", "personal_info_affected", "是，已经泄露、篡改或丢失"),
        ("field", "personal_info_count", "约8万名顾客"),
        ("key", "Return"),
    ),
)

ISP = Persona(
    key="isp",
    who="县城小型宽带运营商：关键信息基础设施的核心路由 3:05 起全部中断，3:20 发现",
    now=bj(2026, 11, 24, 3, 40, 0),
    discovered=bj(2026, 11, 24, 3, 20, 0),
    reportable="yes",
    recipients=("cii_protection_department", "cii_public_security"),
    steps=(
        ("start",),
        ("field", "discovered_at", "3:20"),
        ("key", "Return"),
        ("next",),
        ("field", "reporter_name", "某某县宽带网络有限公司"),
        ("field", "reporter_province", "河南省"),
        ("next",),
        ("click", "involves_cii_yes"),
        ("next",),
        ("next",),
        ("field", "impact_cii_full_outage_minutes", "35"),
        ("key", "Return"),
    ),
)

PERSONAS = (CLINIC, SCHOOL, SHOP, ISP)
