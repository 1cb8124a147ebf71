"""The two incidents of the documents walkthrough (issue 27), as first reports with only
第七条 items 一 and 二 known: a clinic's ransomware with patients' records leaked, and a
school's defaced home page with a pupil data leak. Each carries a typical amount of text,
a human number and the personal-information answers (``personal_info``, incident@2)."""

from __future__ import annotations

from typing import Any

from tests.conftest import example
from tests.core.notice_fixtures import PI_VALUES

LATER_ITEMS = ("trend", "cause", "leads", "planned_measures", "support_requested", "scene_preservation", "other", "crime_suspected")


def first_report_of(doc: dict[str, Any]) -> dict[str, Any]:
    """The same incident with every item after 第七条 item 二 emptied (what a first report has)."""
    for key in LATER_ITEMS:
        if key in doc:
            doc[key] = None
    return doc


def clinic_ransomware() -> dict[str, Any]:
    doc = example()
    doc["schema"] = "incident-assistant/incident@2"
    doc["number"] = "2026-0007"
    doc["impact"]["personal_info_leaked"] = 120000
    doc["personal_info"] = {"affected": "yes", "count": 120000, "authority": "福州市卫生健康委员会", **PI_VALUES}
    return first_report_of(doc)


def school_defacement() -> dict[str, Any]:
    return first_report_of(
        {
            "schema": "incident-assistant/incident@2",
            "number": "2026-0012",
            "title": "学校官网首页被篡改，学生信息泄露",
            "drill": False,
            "reporter": {
                "name": "南平市建阳区第三中学",
                "credit_code": "12350700MB0000000X",
                "category": "other",
                "province": "福建省",
                "contact_name": "陈老师",
                "contact_phone": "0599-5812345",
                "contact_email": "xxzx@jy3z.example.cn",
                "address": "福建省南平市建阳区东门路8号",
            },
            "discovered_at": "2026-11-24T07:50:00+08:00",
            "occurred_at": "2026-11-24T06:55:00+08:00",
            "location": "学校信息中心机房（官网服务器托管于本校）",
            "involves_cii": False,
            "systems": [
                {"name": "学校官方网站", "description": "学校门户网站，发布校务公开和招生信息，1台服务器", "is_cii": False},
                {"name": "学籍与成绩管理系统", "description": "与官网同一台服务器上的数据库，存有在校学生学籍信息", "is_cii": False},
            ],
            "type": {"class": "network_attack", "subclass": "网页篡改事件"},
            "impact": {
                "defacement": {"site": "enterprise_portal", "homepage_minutes": 55, "other_page_minutes": None},
                "personal_info_leaked": 1860,
            },
            "harm": "官网首页被替换为违法有害图片和文字，约55分钟后下线；攻击者在页面上贴出部分学生姓名、班级和家长手机号，"
            "并声称已下载全校学籍数据。已有家长在班级群中转发截图。",
            "measures_taken": "已关闭官网服务器对外访问，保存网页截图和服务器日志；更换管理员密码；通知各班主任提醒家长警惕诈骗电话。"
            "效果：违法有害页面已不能访问。",
            "personal_info": {
                "affected": "yes",
                "count": 1860,
                "authority": "南平市建阳区教育局",
                "kinds": "学生姓名、班级、身份证号、家长姓名和手机号",
                "cause": "官网后台使用默认口令，被攻击者登录后篡改首页并导出学籍数据库。",
                "possible_harm": "家长可能接到冒充学校或教育部门的诈骗电话、短信，学生身份证号可能被冒用。",
                "remedies": "已关闭官网、更换全部口令、报警，并请专业公司排查。",
                "individual_measures": "请警惕以学校、教育局名义要求转账或索要验证码的来电和短信。",
                "contact": "学校办公室 0599-5812345（工作日 8:00–17:30）",
            },
            "submissions": [],
            "timeline": [
                {"at": "2026-11-24T06:55:00+08:00", "text": "服务器日志显示后台被登录"},
                {"at": "2026-11-24T07:50:00+08:00", "text": "值班老师发现官网首页被篡改"},
                {"at": "2026-11-24T08:45:00+08:00", "text": "官网服务器停止对外访问"},
            ],
        }
    )
