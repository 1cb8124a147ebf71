"""The incident's vocabulary, declared once: grades, statuses, report kinds, obligation
ids, channels, reportable states and card urgencies as ``StrEnum`` members, each with its
label in 中文 and English beside it. Code compares members; user text comes from
:func:`label`. Names that the rule pack carries (recipients, channel names, site kinds)
stay in the pack and are read through :func:`pack_name`. The grades' names are the
annex's and stand in both: the incident list shows them from here, so its first paint
needs no rule pack (issue 12: start-up); documents and the wizard print the pack's.

A test keeps these enums equal to the rule pack's ids and the grades' names equal to the
pack's, and greps ``core/`` and ``gui/`` for string tables of them written anywhere else.
Does not compute anything.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple, Protocol

from core.text import pick

Lang = str  # "zh" | "en"


class Grade(StrEnum):
    ESPECIALLY_MAJOR = "especially_major"  # 特别重大
    MAJOR = "major"  # 重大
    RELATIVELY_MAJOR = "relatively_major"  # 较大
    GENERAL = "general"  # 一般
    UNDETERMINED = "undetermined"  # 待定: no impact fact yet and no manual grade


class Status(StrEnum):
    """An obligation's status (product.md §4.3, §8.2)."""

    PENDING = "pending"  # 待报告: not submitted, now <= due
    OVERDUE = "overdue"  # 已超时: not submitted, now > due
    MET = "met"  # 已按时报告
    LATE = "late"  # 已报告（迟于期限）
    NOT_REQUIRED = "not_required"  # 一般事件 (D4)
    OPEN = "open"  # no hours, not yet done (D8, D16)
    DONE = "done"  # no hours, done
    WAITING = "waiting"  # summary report before handling ended (D7)
    WAIVED = "waived"  # individual notice waived with a reason (D16)
    VOIDED = "voided"  # the incident's own status in the list: entered by mistake, kept (product.md §8.1)


CLOCK_STATUSES = frozenset({Status.PENDING, Status.OVERDUE})  # a countdown runs
OPEN_STATUSES = frozenset({Status.PENDING, Status.OVERDUE, Status.OPEN, Status.WAITING})  # something still to do


def unfinished(status: str) -> bool:
    """Something is still to do for an incident (or a duty) in ``status``."""
    return status in OPEN_STATUSES


class ReportKind(StrEnum):
    INITIAL = "initial"  # 首报
    SUPPLEMENT = "supplement"  # 补报
    FOLLOWUP = "followup"  # 续报
    SUMMARY = "summary"  # 总结报告
    NOTICE = "notice"  # 个人信息通知 (D16)


REPORT_KINDS = (ReportKind.INITIAL, ReportKind.SUPPLEMENT, ReportKind.FOLLOWUP, ReportKind.SUMMARY)  # the reports of 第七条、第八条
CHANGE_KINDS = frozenset({ReportKind.SUPPLEMENT, ReportKind.FOLLOWUP})  # show what changed since the last report


class ObligationId(StrEnum):
    CII_PROTECTION_DEPARTMENT = "cii_protection_department"  # 保护工作部门, 1 h
    CII_PUBLIC_SECURITY = "cii_public_security"  # 公安机关, 1 h
    CENTRAL_ORGAN_CYBERSPACE_OFFICE = "central_organ_cyberspace_office"  # 本部门网信工作机构, 2 h
    PROVINCIAL_CYBERSPACE_OFFICE = "provincial_cyberspace_office"  # 属地省级网信部门, 4 h
    POLICE_CASE = "police_case"  # 公安机关报案
    SUMMARY_REPORT = "summary_report"  # 总结报告, 30 days
    PI_AUTHORITY_NOTICE = "pi_authority_notice"  # 通知履行个人信息保护职责的部门, 立即 (D16)
    PI_INDIVIDUAL_NOTICE = "pi_individual_notice"  # 通知个人, 立即; may be waived with a reason (D16)


# Duties the law says to meet 立即 (at once), with no hours (D16).
IMMEDIATE = frozenset({ObligationId.PI_AUTHORITY_NOTICE, ObligationId.PI_INDIVIDUAL_NOTICE})

SECTOR_PREFIX = "sector_"  # sector_<n>, n from 1 (D9)


def sector_id(n: int) -> str:
    return f"{SECTOR_PREFIX}{n}"


def is_sector(obligation_id: str) -> bool:
    return obligation_id.startswith(SECTOR_PREFIX)


class Channel(StrEnum):
    HOTLINE_12387 = "hotline_12387"
    WEBSITE_12387 = "website_12387"
    WECHAT_MINIPROGRAM_12387 = "wechat_miniprogram_12387"
    WECHAT_OFFICIAL_ACCOUNT = "wechat_official_account"
    EMAIL_12387 = "email_12387"
    FAX_12387 = "fax_12387"
    IN_PERSON = "in_person"
    PHONE = "phone"
    EMAIL_OTHER = "email_other"
    OTHER = "other"
    # The means of notifying individuals (D16; 网络数据安全管理条例第十一条), incident@2.
    SMS = "sms"
    IM = "im"
    LETTER = "letter"
    ANNOUNCEMENT = "announcement"


class Reportable(StrEnum):
    YES = "yes"  # 较大 and above (第四条)
    NO = "no"  # 一般
    UNDETERMINED = "undetermined"


class Urgency(StrEnum):
    """How a running countdown looks (thresholds in ``core.reminders``)."""

    CALM = "calm"
    SOON = "soon"
    URGENT = "urgent"
    CRITICAL = "critical"


class Label(NamedTuple):
    """A text in Chinese and English; call it with a language to get one. (A named tuple:
    hundreds are made at start-up, and a frozen dataclass is slower to define and to make.)"""

    zh: str
    en: str

    def __call__(self, lang: Lang) -> str:
        return pick(self.zh, self.en, lang)


# A table of its own: members of different enums with one value are one dict key
# (``Grade.UNDETERMINED == Reportable.UNDETERMINED``).
GRADE_LABELS: dict[Grade, Label] = {
    Grade.ESPECIALLY_MAJOR: Label("特别重大", "especially major"),
    Grade.MAJOR: Label("重大", "major"),
    Grade.RELATIVELY_MAJOR: Label("较大", "relatively major"),
    Grade.GENERAL: Label("一般", "general"),
    Grade.UNDETERMINED: Label("待定", "undetermined"),
}

LABELS: dict[StrEnum, Label] = {
    Status.PENDING: Label("待报告", "To report"),
    Status.OVERDUE: Label("已超时", "Overdue"),
    Status.MET: Label("已按时报告", "Reported on time"),
    Status.LATE: Label("已报告（迟于期限）", "Reported late"),
    Status.NOT_REQUIRED: Label("无须依《办法》报告（一般事件）", "Not required under the Measures (general incident)"),
    Status.OPEN: Label("待办（无法定时限，应及时）", "To do (no statutory hours: promptly)"),
    Status.DONE: Label("已完成", "Done"),
    Status.WAITING: Label("处置工作结束后起算", "Starts when handling ends"),
    Status.WAIVED: Label("已决定不通知（已写明理由）", "Not notified (reason recorded)"),
    Status.VOIDED: Label("已作废", "Voided"),
    ReportKind.INITIAL: Label("首报", "First report"),
    ReportKind.SUPPLEMENT: Label("补报", "Supplementary report"),
    ReportKind.FOLLOWUP: Label("续报", "Follow-up report"),
    ReportKind.SUMMARY: Label("总结报告", "Summary report"),
    ReportKind.NOTICE: Label("个人信息通知", "Personal information notice"),
    Reportable.YES: Label("须报告（第四条：较大以上）", "Must be reported (Art. 4: relatively major and above)"),
    Reportable.NO: Label("无须依《办法》报告（一般事件）", "No report required under the Measures (general incident)"),
    Reportable.UNDETERMINED: Label("待定（尚无影响数据，期限照常起算）", "Undetermined (no impact facts yet; the deadlines run all the same)"),
}

# Short forms for the incident list's status column.
SHORT_LABELS: dict[StrEnum, Label] = {
    Status.LATE: Label("已报告（迟）", "Reported late"),
    Status.NOT_REQUIRED: Label("无须报告", "Not required"),
    Status.OPEN: Label("待办", "To do"),
    Status.WAITING: Label("待处置结束", "Awaiting end of handling"),
    Status.WAIVED: Label("不通知", "Waived"),
}


# The reportable state explained where the user grades the incident.
EXPLAINED: dict[StrEnum, Label] = {
    Reportable.YES: Label("须报告：属于较大以上网络安全事件（第四条）", "Must be reported: a relatively major or more serious incident (Art. 4)"),
    Reportable.NO: Label(
        "无须依《办法》报告：一般事件（其他法律法规、行业规定仍可能要求报告）",
        "No report required under the Measures: a general incident (other laws and sector rules may still require one)",
    ),
    Reportable.UNDETERMINED: Label(
        "待定：还没有影响数据。期限照常计算，请尽快补充或手动定级",
        "Undetermined: no impact facts yet. The deadlines run all the same; add facts soon or grade manually",
    ),
}


def explain(member: StrEnum, lang: Lang = "zh") -> str:
    """The longer explanation of a vocabulary member, where there is one."""
    return EXPLAINED[member](lang) if member in EXPLAINED else label(member, lang)


def label(member: StrEnum | str, lang: Lang = "zh", *, short: bool = False) -> str:
    """The user's word for a vocabulary member (or its value) in ``lang``. A plain value
    is read as a status, a report kind or a reportable state (a grade is asked for by its
    member: ``undetermined`` is also a reportable state)."""
    if isinstance(member, Grade):
        return GRADE_LABELS[member](lang)
    for enum in (Status, ReportKind, Reportable):
        try:
            key: StrEnum = enum(member)
        except ValueError:
            continue
        if short and key in SHORT_LABELS:
            return SHORT_LABELS[key](lang)
        if key in LABELS:
            return LABELS[key](lang)
    return str(member)


class _Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def name_en(self) -> str | None: ...


def pack_name(item: _Named, lang: Lang = "zh") -> str:
    """A name the rule pack carries (grade, channel, site kind) in ``lang``, Chinese when
    the pack has no English."""
    return pick(item.name, item.name_en, lang)
