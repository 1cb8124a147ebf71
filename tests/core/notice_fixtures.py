"""A clinic's patient-record leak with every item of 个人信息保护法第五十七条第一款 filled in,
for the notice tests."""

from __future__ import annotations

from typing import Any

from core.timeutil import parse_instant
from tests.conftest import example

NOW = parse_instant("2026-11-24T17:00:00+08:00")
PI_VALUES = {
    "kinds": "姓名、身份证号、手机号、病历（诊断和用药记录）",
    "cause": "门诊系统服务器的远程桌面使用弱口令，被攻击者登录后复制并加密了患者数据。",
    "possible_harm": "姓名、电话和病历可能被冒用或用于诈骗，也可能收到冒充诊所的电话、短信。",
    "remedies": "已断开服务器网络并关闭远程桌面，更换全部密码，报警并请专业公司排查。",
    "individual_measures": "请警惕自称诊所或医保部门的来电和短信，不要透露验证码、不要转账。",
    "contact": "电话 0591-87654321（工作日 8:00–18:00）",
}
SIX = tuple(f"personal_info.{k}" for k in PI_VALUES)


def leak(**personal_info: Any) -> dict[str, Any]:
    doc = example()
    doc["schema"] = "incident-assistant/incident@2"
    doc["number"] = "2026-0007"
    doc["personal_info"] = {"affected": "yes", "count": 120000, "authority": "福州市卫生健康委员会", **PI_VALUES, **personal_info}
    return doc


def notified(doc: dict[str, Any]) -> dict[str, Any]:
    """The same incident after an SMS to 118,000 patients and a public notice."""
    doc["submissions"] = [
        {"obligation": "pi_individual_notice", "kind": "notice", "submitted_at": "2026-11-24T15:00:00+08:00", "channel": "sms", "recipients_count": 118000},
        {"obligation": "pi_individual_notice", "kind": "notice", "submitted_at": "2026-11-24T16:00:00+08:00", "channel": "announcement"},
    ]
    return doc
