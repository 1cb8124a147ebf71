"""The field catalogue (conventions §22): one entry per incident field, read by every
place that names, asks for, checks or prints a field. An entry holds the field's path,
its name (the statutory wording in 中文, and English), the wizard's question and its
plain-language help with an example, the wizard page that asks it, its unit, whether the
annex grading reads it, the labels of its choices, and its value: type, required or not,
and the incident format that added it. ``core.incident`` builds the schema (and the
published JSON Schema) from these entries; the statutory item a field belongs to is the
rule pack's (``report_items``).

Adding a field: one entry here, both languages included. Does not validate or compute anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from core import paths
from core.text import text as catalogue_text
from core.vocab import Label

if TYPE_CHECKING:  # a type only: the profile form and the wizard's labels need no rule pack
    from core.rules import RulePack

L = Label


class Page(StrEnum):
    """The wizard pages that ask for fields, in the order the wizard shows them."""

    DISCOVERY = "discovery"  # 发现事件
    REPORTER = "reporter"  # 报告单位
    SYSTEMS = "systems"  # 涉事系统
    TYPE = "type"  # 事件类型
    IMPACT = "impact"  # 影响与定级
    RANSOMWARE = "ransomware"  # 勒索软件
    PERSONAL_INFO = "personal_info"  # 个人信息 (D16)
    RESPONSE = "response"  # 处置情况
    SUMMARY = "summary"  # 总结报告 (第八条)


NO_CHOICES: Mapping[str, Label] = MappingProxyType({})  # a field without fixed choices


class FieldInfo(NamedTuple):
    """One field of the incident: its names, question, help, page, unit, choices and value
    type. (A named tuple: the welcome window's form reads the catalogue before its first
    paint, and a frozen dataclass is slower to define and to make, issue 12.)"""

    path: str  # ``impact.people_affected``; list elements as ``systems[].name``
    name: Label  # the statutory name, for lists, the review page, the report and ``check``
    page: Page | None = None  # the wizard page that asks it (None: recorded by the app)
    question: Label | None = None  # the wizard's wording, when it differs from the name
    help: Label | None = None  # plain words with an example
    unit: Label | None = None
    grading: bool = False  # an input of the annex grading (a known fact makes the grade known)
    choices: Mapping[str, Label] = NO_CHOICES  # labels of fixed choices
    # The value (``core.incident`` builds the schema from these): text, bool, int, number,
    # percent, instant, hours (a sector rule's), amount (text or number), enum (the fixed
    # ``choices``), enum_list (a list of the fixed ``choices``, incident@3) or enum:<list>
    # (sites, grades, classes, channels, kinds: from the rule pack).
    type: str = "text"
    required: bool = False  # required in its object (a list element, a grade choice)
    nonblank: bool = False  # text that may not be blank (a reason)
    since: int = 1  # the incident format that added it (2: incident@2, 3: incident@3)
    # A document's own wording for the field, where it is not the name: the worksheet's and
    # the notices' 「报告单位」, the report's 「涉事系统或设施」 (``heading()``).
    heading: Label | None = None

    def ask(self, lang: str = "zh") -> str:
        return (self.question or self.name)(lang)

    def hint(self, lang: str = "zh") -> str:
        return self.help(lang) if self.help else ""


def F(path: str, name: Label, **kw: object) -> FieldInfo:  # noqa: N802 - reads as a table row
    return FieldInfo(path, name, **kw)  # type: ignore[arg-type]


CATEGORY_CHOICES = {
    "other": L("其他网络运营者", "Other network operator"),
    "central_state_organ": L("中央和国家机关各部门及其直属单位", "Central or state organ department, or a unit directly under it"),
}
AUTHORITY_SCOPE_CHOICES = {
    "especially_large": L("特大范围", "Especially large scale"),
    "large": L("大范围", "Large scale"),
    "relatively_large": L("较大范围", "Relatively large scale"),
}
DATA_THREAT_CHOICES = {
    "especially_serious": L("特别严重威胁", "Especially serious threat"),
    "serious": L("严重威胁", "Serious threat"),
    "relatively_serious": L("较严重威胁", "Relatively serious threat"),
}
PI_WHAT_CHOICES = {
    "leaked": L("泄露", "Leaked"),
    "tampered": L("篡改", "Altered"),
    "lost": L("丢失", "Lost"),
}
PI_AFFECTED_CHOICES = {
    "yes": L("是，已经泄露、篡改或丢失", "Yes, it was leaked, altered or lost"),
    "possible": L("可能", "Possibly"),
    "no": L("否", "No"),
}

_ENTRIES: tuple[FieldInfo, ...] = (
    F("schema", L("格式", "Format")),
    F("id", L("事件标识", "Incident identifier")),
    F(
        "title",
        L("事件名称", "Incident title"),
        page=Page.DISCOVERY,
        help=L("一句话说明发生了什么。例：门诊系统文件被加密。", "Say in one sentence what happened. Example: files on the outpatient system were encrypted."),
    ),
    F(
        "drill",
        L("演练", "Drill"),
        page=Page.DISCOVERY,
        question=L("这是演练（不是真实事件）", "This is a drill (not a real incident)"),
        help=L(
            "演练的报告每页都印有「演练」字样，不计入统计。", "Every page of a drill report is marked “演练” (drill), and drills are not counted in statistics."
        ),
        type="bool",
    ),
    F(
        "reporter.name",
        L("涉事单位名称", "Organisation name"),
        page=Page.REPORTER,
        question=L("单位名称", "Organisation name"),
        heading=L("报告单位", "Reporting organisation"),
        help=L("与营业执照或登记证书一致。例：某某市某某诊所。", "As on the business licence or registration certificate. Example: X Clinic, X City."),
    ),
    F(
        "reporter.credit_code",
        L("统一社会信用代码", "Unified social credit code"),
        page=Page.REPORTER,
        help=L(
            "18 位，营业执照上有。填错校验位会提醒。", "18 characters, printed on the business licence. You will be warned if the check character is wrong."
        ),
    ),
    F(
        "reporter.category",
        L("单位类别", "Organisation type"),
        page=Page.REPORTER,
        help=L("决定向谁报告、几小时内报告（第四条）。", "Decides whom you report to and within how many hours (Art. 4)."),
        type="enum",
    ),
    F(
        "reporter.province",
        L("所在省份", "Province"),
        page=Page.REPORTER,
        help=L(
            "向属地省级网信部门报告时使用。例：福建省。",
            "Used for reporting to the provincial cyberspace administration office where you are. Example: Fujian.",
        ),
    ),
    F(
        "reporter.protection_department",
        L("保护工作部门", "CII protection department"),
        page=Page.REPORTER,
        help=L(
            "仅关键信息基础设施需要：负责本行业关基保护的部门。例：省卫生健康委员会。",
            "Only for critical information infrastructure: the department responsible for CII protection in your sector. Example: the provincial health commission.",
        ),
    ),
    F(
        "reporter.cyberspace_office",
        L("本部门网信工作机构", "Department's cyberspace affairs body"),
        page=Page.REPORTER,
        help=L("仅中央和国家机关及其直属单位需要。", "Only for central and state organs and units directly under them."),
    ),
    F("reporter.contact_name", L("联系人", "Contact person"), page=Page.REPORTER),
    F(
        "reporter.contact_phone",
        L("联系电话", "Contact phone"),
        page=Page.REPORTER,
        help=L("能随时接通的手机号。", "A mobile number that can be reached at any time."),
    ),
    F("reporter.contact_email", L("电子邮箱", "Email"), page=Page.REPORTER),
    F("reporter.address", L("单位地址", "Organisation address"), page=Page.REPORTER),
    F(
        "discovered_at",
        L("发现时间", "Discovery time"),
        page=Page.DISCOVERY,
        question=L("发现或获知时间", "Time discovered or learned of"),
        help=L(
            "第一次发现异常、或接到别人通知的时刻。报告期限从这一刻起算（第四条，从严理解）。例：前台 9:30 看到勒索提示，就填 9:30。",
            "The moment you first noticed something wrong, or were told about it. The reporting deadlines count from this moment (Art. 4, read strictly). Example: the front desk saw the ransom note at 9:30, so enter 9:30.",
        ),
        type="instant",
    ),
    F(
        "occurred_at",
        L("发生时间", "Time it began"),
        page=Page.DISCOVERY,
        help=L(
            "事件实际开始的时间，不能晚于发现时间；不清楚就留空。例：日志显示 8:10 有异常登录。",
            "When the incident actually began; it cannot be later than the discovery time. If you are not sure, leave it empty. Example: the logs show a suspicious login at 8:10.",
        ),
        type="instant",
    ),
    F(
        "location",
        L("地点", "Location"),
        page=Page.DISCOVERY,
        help=L(
            "事件发生或受影响设备所在地。例：某市某区某路1号 一楼收费处。",
            "Where the incident happened or where the affected equipment is. Example: cashier's desk, ground floor, 1 X Road, X District, X City.",
        ),
    ),
    F(
        "involves_cii",
        L("是否涉及关键信息基础设施", "Involves critical information infrastructure"),
        page=Page.SYSTEMS,
        question=L("事件涉及关键信息基础设施", "The incident involves critical information infrastructure (CII)"),
        help=L(
            "勾选后须在 1 小时内向保护工作部门和公安机关报告（第四条第一款）。不确定是否属于关基，请问行业主管部门。",
            "If ticked, you must report to the CII protection department and the public security organ (police) within 1 hour (Art. 4(1)). If you are not sure whether a system is CII, ask the authority in charge of your sector.",
        ),
        type="bool",
    ),
    F("impact", L("级别（影响情况）", "Grade (impact)"), page=Page.IMPACT),
    F(
        "systems",
        L("涉事系统", "Affected systems"),
        page=Page.SYSTEMS,
        question=L("受影响的系统或设施", "Affected systems or facilities"),
        heading=L("涉事系统或设施", "Affected system or facility"),
        help=L(
            "每行一个。例：HIS门诊系统｜挂号、收费和电子病历｜否。「关基」指被认定为关键信息基础设施的系统，一般单位不是。",
            "One per row. Example: HIS outpatient system | registration, billing and medical records | not ticked. “CII” means a system officially designated as critical information infrastructure; most organisations have none.",
        ),
    ),
    F("systems[].name", L("涉事系统名称", "System name"), page=Page.SYSTEMS, required=True),
    F("systems[].description", L("系统基本情况", "What the system does"), page=Page.SYSTEMS),
    F("systems[].is_cii", L("属于关键信息基础设施", "Part of CII"), page=Page.SYSTEMS, type="bool"),
    F("type.class", L("事件类别", "Incident class"), page=Page.TYPE, question=L("类别", "Category"), type="enum:classes"),
    F("type.subclass", L("事件子类", "Incident subclass"), page=Page.TYPE, question=L("子类", "Subcategory")),
    F(
        "impact.cii_full_outage_minutes",
        L("关键信息基础设施整体中断运行时长", "CII fully down (minutes)"),
        page=Page.IMPACT,
        question=L("关基整体中断（分钟）", "CII fully down (minutes)"),
        help=L("例：整个系统停了 2 小时，填 120。", "Example: the whole system was down for 2 hours, so enter 120."),
        unit=L("分钟", "minutes"),
        grading=True,
        type="number",
    ),
    F(
        "impact.cii_main_function_outage_minutes",
        L("关键信息基础设施主要功能中断运行时长", "CII main functions down (minutes)"),
        page=Page.IMPACT,
        question=L("关基主要功能中断（分钟）", "CII main functions down (minutes)"),
        unit=L("分钟", "minutes"),
        grading=True,
        type="number",
    ),
    F(
        "impact.cii_full_outage.started_at",
        L("关基整体中断开始时间", "CII fully down: since when"),
        page=Page.IMPACT,
        question=L("还在持续吗？从几点开始？（关基整体中断）", "Is it still going on? Since when? (CII fully down)"),
        help=L(
            "不知道分钟数也没关系：填开始时间，时长自动算到现在。例：9:10 发现无法访问，就填 9:10。",
            "No need to know the minutes: enter when it began and the duration counts up to now. Example: unreachable since 9:10, so enter 9:10.",
        ),
        type="instant",
        since=3,
    ),
    F(
        "impact.cii_full_outage.ended_at",
        L("关基整体中断结束时间", "CII fully down: ended at"),
        page=Page.IMPACT,
        question=L("已经结束了吗？几点结束？（关基整体中断）", "Has it ended? When? (CII fully down)"),
        help=L(
            "还在持续就留空：时长算到现在，定级随时间更新。", "Leave empty while it is still going on: the duration counts up to now and the grade follows."
        ),
        type="instant",
        since=3,
    ),
    F(
        "impact.cii_main_function_outage.started_at",
        L("关基主要功能中断开始时间", "CII main functions down: since when"),
        page=Page.IMPACT,
        question=L("还在持续吗？从几点开始？（关基主要功能中断）", "Is it still going on? Since when? (CII main functions down)"),
        help=L(
            "不知道分钟数也没关系：填开始时间，时长自动算到现在。例：9:10 发现无法访问，就填 9:10。",
            "No need to know the minutes: enter when it began and the duration counts up to now. Example: unreachable since 9:10, so enter 9:10.",
        ),
        type="instant",
        since=3,
    ),
    F(
        "impact.cii_main_function_outage.ended_at",
        L("关基主要功能中断结束时间", "CII main functions down: ended at"),
        page=Page.IMPACT,
        question=L("已经结束了吗？几点结束？（关基主要功能中断）", "Has it ended? When? (CII main functions down)"),
        help=L(
            "还在持续就留空：时长算到现在，定级随时间更新。", "Leave empty while it is still going on: the duration counts up to now and the grade follows."
        ),
        type="instant",
        since=3,
    ),
    F(
        "impact.portal_outage.site",
        L("中断网站类型", "Type of website that could not be reached"),
        page=Page.IMPACT,
        question=L("不能访问的网站类型", "Type of website that could not be reached"),
        help=L("企事业单位的门户网站都算在内（从严理解附件）。", "Every enterprise or public-institution portal counts (the Annex read strictly)."),
        type="enum:sites",
    ),
    F(
        "impact.portal_outage.minutes",
        L("网站中断时长", "How long unreachable (minutes)"),
        page=Page.IMPACT,
        question=L("不能访问多久（分钟）", "How long unreachable (minutes)"),
        unit=L("分钟", "minutes"),
        grading=True,
        type="number",
    ),
    F(
        "impact.portal_outage.started_at",
        L("网站不能访问开始时间", "Website unreachable: since when"),
        page=Page.IMPACT,
        question=L("还在持续吗？从几点开始？（网站不能访问）", "Is it still going on? Since when? (Website unreachable)"),
        help=L(
            "不知道分钟数也没关系：填开始时间，时长自动算到现在。例：9:10 发现无法访问，就填 9:10。",
            "No need to know the minutes: enter when it began and the duration counts up to now. Example: unreachable since 9:10, so enter 9:10.",
        ),
        type="instant",
        since=3,
    ),
    F(
        "impact.portal_outage.ended_at",
        L("网站不能访问结束时间", "Website unreachable: ended at"),
        page=Page.IMPACT,
        question=L("已经结束了吗？几点结束？（网站不能访问）", "Has it ended? When? (Website unreachable)"),
        help=L(
            "还在持续就留空：时长算到现在，定级随时间更新。", "Leave empty while it is still going on: the duration counts up to now and the grade follows."
        ),
        type="instant",
        since=3,
    ),
    F(
        "impact.province_population_percent",
        L("影响单个省级行政区人口比例", "Affected share of the province's population (%)"),
        page=Page.IMPACT,
        question=L("受影响人口占所在省人口的百分比", "Affected share of the province's population (%)"),
        unit=L("%", "%"),
        grading=True,
        type="percent",
    ),
    F(
        "impact.prefecture_population_percent",
        L("影响单个地市级行政区人口比例", "Affected share of the city's population (%)"),
        page=Page.IMPACT,
        question=L("受影响人口占所在地市人口的百分比", "Affected share of the city's population (%)"),
        help=L("只在影响大范围民生时填写，例：30。", "Fill in only if daily life is affected on a wide scale. Example: 30."),
        unit=L("%", "%"),
        grading=True,
        type="percent",
    ),
    F(
        "impact.people_affected",
        L("影响人数", "People affected"),
        page=Page.IMPACT,
        question=L("受影响的人数", "People affected"),
        help=L(
            "用水、用电、用气、取暖、交通出行、就医、购物等工作生活实际受到影响的人数，可写「12万」；不是登记在册的总人数。例：门诊停摆一天，当天约 300 名患者无法就诊。",
            "People whose work or daily life was actually affected: water, power, gas, heating, transport, medical care, shopping, etc.; not everyone on your register. You may type 120000 or 120,000. Example: the clinic was shut for a day and about 300 patients could not be seen.",
        ),
        unit=L("人", "people"),
        grading=True,
        type="int",
    ),
    F(
        "impact.personal_info_leaked",
        L("泄露个人信息涉及人数", "People whose personal information leaked"),
        page=Page.IMPACT,
        question=L("泄露了多少人的个人信息", "People whose personal information leaked"),
        help=L("按人数计，不是条数。没有泄露填 0。", "Count people, not records. If nothing leaked, enter 0."),
        unit=L("人", "people"),
        grading=True,
        type="int",
    ),
    F(
        "impact.direct_loss_yuan",
        L("直接经济损失", "Direct financial loss (yuan)"),
        page=Page.IMPACT,
        question=L("直接经济损失（元）", "Direct financial loss (yuan)"),
        help=L(
            "事件直接造成的财产损失和处置费用，如设备损毁、数据恢复费、停业损失；不含赎金本身。可写「300万」。",
            "Property losses and handling costs caused directly by the incident, such as damaged equipment, data recovery fees and lost business; not the ransom itself. You may type 3000000 or 3,000,000.",
        ),
        unit=L("元", "yuan"),
        grading=True,
        type="number",
    ),
    F(
        "impact.defacement.site",
        L("被篡改网站类型", "Type of website or platform defaced"),
        page=Page.IMPACT,
        question=L("被篡改的网站或平台类型", "Type of website or platform defaced"),
        help=L("网页被改、出现违法有害信息时填写。", "Fill in if web pages were altered or illegal or harmful content appeared."),
        type="enum:sites",
    ),
    F(
        "impact.defacement.homepage_minutes",
        L("首页被篡改时长", "Harmful content on the home page (minutes)"),
        page=Page.IMPACT,
        question=L("违法有害信息在主页上持续（分钟）", "Harmful content on the home page (minutes)"),
        unit=L("分钟", "minutes"),
        grading=True,
        type="number",
    ),
    F(
        "impact.defacement.other_page_minutes",
        L("其他页面被篡改时长", "On other pages (minutes)"),
        page=Page.IMPACT,
        question=L("在其他页面持续（分钟）", "On other pages (minutes)"),
        unit=L("分钟", "minutes"),
        grading=True,
        type="number",
    ),
    F(
        "impact.defacement.homepage_started_at",
        L("主页违法有害信息开始时间", "Harmful content on the home page: since when"),
        page=Page.IMPACT,
        question=L("还在持续吗？从几点开始？（主页违法有害信息）", "Is it still going on? Since when? (Harmful content on the home page)"),
        help=L(
            "从几点起主页上出现违法有害信息？还没清除就留空结束时间。例：14:10 起首页被改。",
            "Since when has the harmful content been on the home page? Leave the end empty while it is still there. Example: the home page was altered at 14:10.",
        ),
        type="instant",
        since=3,
    ),
    F(
        "impact.defacement.homepage_ended_at",
        L("主页违法有害信息结束时间", "Harmful content on the home page: ended at"),
        page=Page.IMPACT,
        question=L("已经结束了吗？几点结束？（主页违法有害信息）", "Has it ended? When? (Harmful content on the home page)"),
        help=L(
            "还在持续就留空：时长算到现在，定级随时间更新。", "Leave empty while it is still going on: the duration counts up to now and the grade follows."
        ),
        type="instant",
        since=3,
    ),
    F(
        "impact.defacement.other_page_started_at",
        L("其他页面违法有害信息开始时间", "Harmful content on other pages: since when"),
        page=Page.IMPACT,
        question=L("还在持续吗？从几点开始？（其他页面违法有害信息）", "Is it still going on? Since when? (Harmful content on other pages)"),
        help=L(
            "从几点起其他页面上出现违法有害信息？还没清除就留空结束时间。",
            "Since when has the harmful content been on other pages? Leave the end empty while it is still there.",
        ),
        type="instant",
        since=3,
    ),
    F(
        "impact.defacement.other_page_ended_at",
        L("其他页面违法有害信息结束时间", "Harmful content on other pages: ended at"),
        page=Page.IMPACT,
        question=L("已经结束了吗？几点结束？（其他页面违法有害信息）", "Has it ended? When? (Harmful content on other pages)"),
        help=L(
            "还在持续就留空：时长算到现在，定级随时间更新。", "Leave empty while it is still going on: the duration counts up to now and the grade follows."
        ),
        type="instant",
        since=3,
    ),
    F(
        "impact.defacement.reposts",
        L("篡改内容转发次数", "Shares on social media"),
        page=Page.IMPACT,
        question=L("被社交平台转发次数", "Shares on social media"),
        unit=L("次", "times"),
        grading=True,
        type="int",
    ),
    F(
        "impact.defacement.views",
        L("篡改内容浏览次数", "Views or clicks"),
        page=Page.IMPACT,
        question=L("浏览或点击次数", "Views or clicks"),
        unit=L("次", "times"),
        grading=True,
        type="int",
    ),
    F(
        "impact.defacement.authority_scope",
        L("主管部门认定的传播范围", "Spread as determined by the cyberspace administration office or police"),
        page=Page.IMPACT,
        question=L("网信部门或公安机关认定的传播范围", "Spread as determined by the cyberspace administration office or police"),
        grading=True,
        type="enum",
    ),
    F(
        "impact.data_threat",
        L("核心数据、重要数据安全威胁", "Threat from core or important data being leaked, stolen or altered"),
        page=Page.IMPACT,
        question=L("核心数据、重要数据泄露或被窃取、篡改的威胁程度", "Threat from core or important data being leaked, stolen or altered"),
        help=L(
            "只有数据已被认定为重要数据或核心数据时才选；一般客户资料按上面的人数计算。",
            "Choose only if the data has been officially designated as important or core data; ordinary customer records are counted by the number of people above.",
        ),
        grading=True,
        type="enum",
    ),
    F(
        "impact.qualitative.grade",
        L("定性判断级别", "Your grade under the Annex's qualitative criteria"),
        page=Page.IMPACT,
        question=L("按附件定性情形，您判断的等级", "Your grade under the Annex's qualitative criteria"),
        help=L(
            "附件中「其他……构成较严重威胁」等情形需人工判断；与上面的数字取较高者。",
            "Annex criteria such as “other … constituting a relatively serious threat” need your judgement; the higher of this and the grade from the numbers above applies.",
        ),
        grading=True,
        type="enum:grades",
        required=True,
    ),
    F(
        "impact.qualitative.reason",
        L("定性判断理由", "Reason for your judgement"),
        page=Page.IMPACT,
        question=L("定性判断的理由", "Reason for your judgement"),
        grading=True,
        required=True,
        nonblank=True,
    ),
    F(
        "grade_override.grade",
        L("手动定级", "Manual grade (replaces the calculated one)"),
        page=Page.IMPACT,
        question=L("手动定级（替代计算结果）", "Manual grade (replaces the calculated one)"),
        help=L("可调高或调低；调低会在每份报告上注明。", "You may raise or lower the grade; a lowered grade is noted on every report."),
        type="enum:grades",
        required=True,
    ),
    F(
        "grade_override.reason",
        L("手动定级理由", "Reason for the manual grade"),
        page=Page.IMPACT,
        question=L("手动定级的理由", "Reason for the manual grade"),
        help=L("必填。例：主管部门电话确认按重大处置。", "Required. Example: the competent authority confirmed by phone that it is to be handled as major."),
        required=True,
        nonblank=True,
    ),
    F(
        "harm",
        L("已造成的影响和危害", "Impact and harm so far"),
        page=Page.RESPONSE,
        question=L("已造成的影响和危害（第二项）", "Impact and harm so far (item 2)"),
        help=L(
            "用事实说话：什么停了、多久、影响了谁。例：全天无法挂号收费，改为手工登记。",
            "Stick to facts: what stopped, for how long, who was affected. Example: no registration or billing all day; switched to paper records.",
        ),
    ),
    F(
        "measures_taken",
        L("已采取的措施及效果", "Measures taken and effect"),
        page=Page.RESPONSE,
        question=L("已采取的措施及效果（第二项）", "Measures taken and their effect (item 2)"),
        help=L(
            "做了什么、有没有用。例：已断网隔离服务器，加密未再扩散。",
            "What you did and whether it worked. Example: server disconnected from the network; the encryption has not spread further.",
        ),
    ),
    F(
        "trend",
        L("事态发展趋势及可能的进一步影响和危害", "Likely development and further impact"),
        page=Page.RESPONSE,
        question=L("事态发展趋势及可能的进一步影响（第三项）", "Likely development and further impact (item 3)"),
        help=L(
            "接下来可能怎样。例：备份也可能被加密，恢复还要两天。",
            "What may happen next. Example: the backups may be encrypted too; recovery will take two more days.",
        ),
    ),
    F(
        "cause",
        L("原因初步分析意见", "Preliminary cause analysis"),
        page=Page.RESPONSE,
        question=L("原因初步分析（第四项）", "Preliminary analysis of the cause (item 4)"),
        help=L(
            "目前的判断即可，可写「初步判断」。例：远程桌面弱口令被爆破。",
            "Your current view is enough; you can say it is preliminary. Example: a weak Remote Desktop password was brute-forced.",
        ),
    ),
    F(
        "leads.attacker",
        L("可能的攻击者信息", "Attacker information"),
        page=Page.RESPONSE,
        question=L("可能的攻击者信息（第五项）", "Possible attacker information (item 5)"),
        help=L("勒索信署名、邮箱、IP 地址等。", "Name signed on the ransom note, email addresses, IP addresses, etc."),
    ),
    F(
        "leads.attack_path",
        L("攻击路径", "Attack path"),
        page=Page.RESPONSE,
        question=L("攻击路径（第五项）", "Attack path (item 5)"),
        help=L(
            "怎么进来的。例：公网 3389 端口 → 管理员账户 → 共享目录。",
            "How they got in. Example: port 3389 open to the internet → administrator account → shared folder.",
        ),
    ),
    F(
        "leads.vulnerabilities",
        L("存在的漏洞", "Vulnerabilities"),
        page=Page.RESPONSE,
        question=L("存在的漏洞（第五项）", "Vulnerabilities (item 5)"),
        help=L("例：远程桌面对公网开放、密码过于简单。", "Example: Remote Desktop open to the internet, passwords too simple."),
    ),
    F(
        "planned_measures",
        L("拟进一步采取的应对措施", "Planned measures"),
        page=Page.RESPONSE,
        question=L("拟进一步采取的应对措施（第六项）", "Further measures planned (item 6)"),
        help=L("例：请专业公司恢复数据，关闭公网远程桌面。", "Example: hire a specialist firm to recover the data; close Remote Desktop to the internet."),
    ),
    F(
        "support_requested",
        L("请求支援事项", "Support requested"),
        page=Page.RESPONSE,
        question=L("请求支援事项（第六项）", "Support requested (item 6)"),
        help=L("需要主管部门帮什么；没有写「无」。", "What help you need from the authorities; if none, write “None”."),
    ),
    F(
        "scene_preservation",
        L("现场保护情况", "Scene preservation"),
        page=Page.RESPONSE,
        question=L("现场保护情况（第七项）", "Scene preservation (item 7)"),
        help=L(
            "为调查保留证据的做法。简易清单：①不要关机重装，断网即可；②拍照保存勒索提示；③保留日志和可疑文件；④记录谁在什么时间做了什么操作。例：已断网保留服务器原状，拍照留存勒索信。",
            "What you did to keep evidence for the investigation. Short checklist: (1) do not shut down or reinstall, just disconnect from the network; (2) photograph the ransom message; (3) keep logs and suspicious files; (4) write down who did what, and when. Example: server disconnected and left as it was; ransom note photographed.",
        ),
    ),
    F(
        "other",
        L("其他应当报告的情况", "Other matters"),
        page=Page.RESPONSE,
        question=L("其他应当报告的情况（第八项）", "Other matters to report (item 8)"),
        help=L("没有写「无」。", "If there are none, write “None”."),
    ),
    F(
        "ransomware.amount",
        L("要求支付的赎金金额", "Ransom amount"),
        page=Page.RANSOMWARE,
        heading=L("要求支付的赎金", "Ransom demanded"),
        question=L("要求的金额", "Amount demanded"),
        help=L("例：2", "Example: 2"),
        type="amount",
    ),
    F(
        "ransomware.currency",
        L("赎金币种", "Ransom currency"),
        page=Page.RANSOMWARE,
        question=L("币种", "Currency"),
        help=L("例：BTC、USDT、人民币", "Example: BTC, USDT, RMB"),
    ),
    F(
        "ransomware.method",
        L("要求的支付方式", "Payment method"),
        page=Page.RANSOMWARE,
        help=L("例：比特币转账到指定钱包", "Example: Bitcoin transfer to a given wallet"),
    ),
    F(
        "ransomware.date",
        L("赎金相关日期", "Ransom date"),
        page=Page.RANSOMWARE,
        question=L("日期", "Date"),
        help=L("勒索信给出的日期或期限，例：2026-11-26 前", "Date or deadline given in the ransom note. Example: before 2026-11-26"),
    ),
    F(
        "ransomware.contact",
        L("勒索方联系方式或钱包地址", "Wallet address or contact"),
        page=Page.RANSOMWARE,
        question=L("钱包地址或联系方式", "Wallet address or contact"),
        help=L("勒索信里的邮箱、钱包地址等，原样抄录。", "Email addresses, wallet addresses etc. from the ransom note, copied exactly."),
    ),
    F(
        "ransomware.paid",
        L("是否已支付赎金", "Ransom paid"),
        page=Page.RANSOMWARE,
        question=L("已经支付了赎金", "The ransom has been paid"),
        help=L("如实填写；是否支付不影响报告义务。", "Answer truthfully; paying or not paying does not change your reporting obligation."),
        type="bool",
    ),
    F(
        "crime_suspected",
        L("是否涉嫌违法犯罪", "Crime suspected"),
        page=Page.RESPONSE,
        question=L("涉嫌违法犯罪（须及时向公安机关报案，第四条第五款）", "Suspected crime (report it to the police promptly, Art. 4(5))"),
        help=L("勒索、入侵、窃取数据通常都涉嫌犯罪。", "Extortion, break-ins and data theft are usually crimes."),
        type="bool",
    ),
    F(
        "sector_obligations",
        L("行业规定的报告", "Reports required by sector rules"),
        page=Page.RESPONSE,
        question=L("行业规定的报告（第四条第四款）", "Reports required by sector rules (Art. 4(4))"),
        help=L(
            "本行业另有报告规定时添加，例：金融机构向人民银行报告。时限填小时数，倒计时与法定期限同样显示。",
            "Add one if your sector has its own reporting rules, e.g. financial institutions reporting to the People's Bank of China. Enter the time limit in hours; its countdown is shown like the statutory deadlines.",
        ),
    ),
    F("sector_obligations[].recipient", L("行业主管监管部门", "Sector regulator"), page=Page.RESPONSE, required=True),
    F("sector_obligations[].hours", L("行业规定时限（小时）", "Sector time limit (hours)"), page=Page.RESPONSE, unit=L("小时", "hours"), type="hours"),
    F("sector_obligations[].note", L("行业规定说明", "Sector rule"), page=Page.RESPONSE),
    F("handling_ended_at", L("处置工作结束时间", "Handling ended"), type="instant"),
    F("submissions", L("报送记录", "Submissions")),
    F("submissions[].obligation", L("报送对应的报告义务", "Obligation reported"), required=True),
    F("submissions[].kind", L("报告类型", "Report kind"), type="enum:kinds", required=True),
    F("submissions[].submitted_at", L("报送时间", "Time sent"), type="instant", required=True),
    F("submissions[].channel", L("报送渠道", "Channel"), type="enum:channels"),
    F("submissions[].person", L("报送人", "Sent by")),
    F("submissions[].reference", L("报送编号或回执", "Reference or receipt")),
    F("submissions[].recipients_count", L("通知人数", "Individuals notified"), type="int", since=2),
    F("timeline", L("时间线", "Timeline")),
    F("timeline[].at", L("时间", "Time"), type="instant", required=True),
    F("timeline[].text", L("经过", "What happened"), required=True),
    F("number", L("事件编号", "Incident number"), since=2),
    F(
        "personal_info.affected",
        L("个人信息是否受影响", "Personal information affected"),
        page=Page.IMPACT,
        question=L("个人信息是否泄露、被篡改或丢失", "Was personal information leaked, altered or lost?"),
        help=L(
            "只要可能发生就选「可能」：法律要求立即通知，与事件级别无关。例：诊所的患者病历、学校的学生名册、商店的会员手机号。",
            "Choose “Possibly” if it may have happened: the law requires notice at once, whatever the grade. "
            "Examples: a clinic's patient records, a school's student roll, a shop's member phone numbers.",
        ),
        type="enum",
        since=2,
    ),
    F(
        "personal_info.kinds",
        L("涉及的个人信息种类", "Kinds of personal information"),
        page=Page.PERSONAL_INFO,
        question=L("哪些个人信息", "Which personal information"),
        help=L(
            "写明种类，不写具体内容。诊所例：姓名、身份证号、手机号、病历和检查结果；学校例：学生姓名、学号、家长电话；商店例：会员姓名、手机号、收货地址。",
            "Name the kinds, not the data itself. Clinic: names, ID numbers, phone numbers, medical records and test results; "
            "school: pupils' names, student numbers, parents' phones; shop: members' names, phone numbers, delivery addresses.",
        ),
        since=2,
    ),
    F(
        "personal_info.count",
        L("涉及的个人人数", "Individuals concerned"),
        page=Page.PERSONAL_INFO,
        heading=L("涉及人数", "Individuals concerned"),
        question=L("涉及多少人", "How many people"),
        help=L("估计即可，按人数而不是按记录条数。例：约 12 万名患者。", "An estimate will do; count people, not records. Example: about 120,000 patients."),
        unit=L("人", "people"),
        type="int",
        since=2,
    ),
    F(
        "personal_info.what",
        L("个人信息遭受的情形", "What happened to the personal information"),
        page=Page.PERSONAL_INFO,
        question=L("个人信息是泄露、被篡改还是丢失（可多选）", "Was it leaked, altered or lost (tick all that apply)"),
        help=L(
            "通知中会如实写明发生了什么（个人信息保护法第五十七条）。不清楚就都不选。",
            "The notices say exactly what happened (PIPL Art. 57). If you do not know, tick none.",
        ),
        type="enum_list",
        since=3,
    ),
    F(
        "personal_info.cause",
        L("发生的原因", "Cause"),
        page=Page.PERSONAL_INFO,
        question=L("信息是怎么泄露、被篡改或丢失的", "How it was leaked, altered or lost"),
        help=L(
            "用对方听得懂的话。例：门诊服务器被勒索软件攻击，攻击者可能复制了数据库。",
            "In words the individuals understand. Example: the outpatient server was attacked by ransomware and the attacker may have copied the database.",
        ),
        since=2,
    ),
    F(
        "personal_info.possible_harm",
        L("可能造成的危害", "Possible harm"),
        page=Page.PERSONAL_INFO,
        question=L("可能给个人带来什么危害", "What harm it may cause the individuals"),
        help=L(
            "例：可能收到冒充诊所的诈骗电话或短信；病情信息可能被他人知悉。",
            "Example: calls or messages from fraudsters posing as the clinic; others may learn about their health.",
        ),
        since=2,
    ),
    F(
        "personal_info.remedies",
        L("已采取的补救措施", "Remedies taken"),
        page=Page.PERSONAL_INFO,
        question=L("您已经采取了哪些补救措施", "What you have done about it"),
        help=L(
            "例：已断开服务器网络、修改全部密码、报警，并请专业机构排查。",
            "Example: the server was taken off the network, all passwords changed, the police called, and specialists are investigating.",
        ),
        since=2,
    ),
    F(
        "personal_info.individual_measures",
        L("个人可以采取的减轻危害的措施", "What individuals can do"),
        page=Page.PERSONAL_INFO,
        question=L("个人自己可以做什么来减轻危害", "What individuals can do to limit the harm"),
        help=L(
            "例：不要相信索要验证码或转账的电话；如在本诊所注册过的密码在别处也用过，请尽快修改。",
            "Example: do not trust calls asking for verification codes or payments; change any password also used elsewhere.",
        ),
        since=2,
    ),
    F(
        "personal_info.contact",
        L("个人信息处理者的联系方式", "Contact for individuals"),
        page=Page.PERSONAL_INFO,
        question=L("个人可以找谁了解情况", "Whom individuals can contact"),
        help=L(
            "写对外公布的电话或邮箱和接听时间。例：0591-12345678（工作日 8:00–17:00）。",
            "A public phone or e-mail and hours. Example: 0591-12345678 (weekdays 8:00–17:00).",
        ),
        since=2,
    ),
    F(
        "personal_info.authority",
        L("履行个人信息保护职责的部门", "Personal-information protection authority"),
        page=Page.PERSONAL_INFO,
        question=L("要通知哪个部门", "Which department to notify"),
        help=L(
            "一般是属地网信部门，或您所在行业的主管部门。诊所例：某市卫生健康委员会；学校例：某区教育局；商店例：某市委网信办。",
            "Usually the local cyberspace administration, or your sector's regulator. "
            "Clinic: the city health commission; school: the district education bureau; shop: the city cyberspace office.",
        ),
        since=2,
    ),
    F(
        "personal_info.individual_notice_waived.reason",
        L("不通知个人的理由", "Reason for not notifying individuals"),
        page=Page.PERSONAL_INFO,
        question=L("不通知个人的理由", "Why individuals are not notified"),
        help=L(
            "只有采取的措施能够有效避免危害时才可以不通知个人，须写明理由；监管部门认为可能造成危害的，仍可要求通知。例：丢失的是加密硬盘，密钥未丢失。",
            "Only when the measures taken effectively avoid harm, with the reason written down; the authority can still require a notice. "
            "Example: the lost disk was encrypted and the key was not lost.",
        ),
        required=True,
        nonblank=True,
        since=2,
    ),
    F(
        "accountability",
        L("责任追究", "Accountability"),
        page=Page.SUMMARY,
        question=L("责任追究（总结报告）", "Accountability (summary report)"),
        help=L(
            "对相关责任人的处理。例：对未及时修改默认密码的管理员进行了通报批评。",
            "How those responsible were dealt with. Example: the administrator who left the default password was formally reprimanded.",
        ),
        since=2,
    ),
    F(
        "remediation",
        L("完善整改情况", "Remediation"),
        page=Page.SUMMARY,
        question=L("完善整改情况（总结报告）", "Remediation (summary report)"),
        help=L(
            "为防止再次发生做了哪些改进。例：关闭公网远程桌面，启用双因素认证，备份改为离线保存。",
            "What was changed so it does not happen again. Example: remote desktop closed to the internet, two-factor sign-in, offline backups.",
        ),
        since=2,
    ),
    F(
        "lessons",
        L("教训", "Lessons"),
        page=Page.SUMMARY,
        question=L("教训（总结报告）", "Lessons (summary report)"),
        help=L(
            "从这次事件中学到什么。例：备份必须与生产系统隔离。",
            "What this incident taught. Example: backups must be kept apart from the systems they protect.",
        ),
        since=2,
    ),
    F("voided.at", L("作废时间", "Voided at"), type="instant", required=True, since=2),
    F("voided.reason", L("作废理由", "Reason for voiding"), required=True, nonblank=True, since=2),
)

CATALOGUE: dict[str, FieldInfo] = {f.path: f for f in _ENTRIES}
# The keys of ``reporter``, also the organisation profile's (``core.incident`` builds the
# same object of the schema from these entries; a test holds the two equal).
REPORTER_KEYS: tuple[str, ...] = tuple(p.removeprefix("reporter.") for p in CATALOGUE if p.startswith("reporter.") and p.count(".") == 1)
_CHOICES = {
    "reporter.category": CATEGORY_CHOICES,
    "impact.defacement.authority_scope": AUTHORITY_SCOPE_CHOICES,
    "impact.data_threat": DATA_THREAT_CHOICES,
    "personal_info.affected": PI_AFFECTED_CHOICES,
    "personal_info.what": PI_WHAT_CHOICES,
}
for _path, _labels in _CHOICES.items():
    CATALOGUE[_path] = CATALOGUE[_path]._replace(choices=_labels)

# The impact questions whose answer counts as a known fact (product.md §4.1: the grade is
# ``undetermined`` while none is known); the qualitative choice counts as one whole.
GRADING_FIELDS: tuple[str, ...] = tuple(
    dict.fromkeys("impact.qualitative" if f.path.startswith("impact.qualitative.") else f.path for f in _ENTRIES if f.grading)
)


class ImpactArea(NamedTuple):
    """One kind of harm the impact page asks about first (product.md §8.4): ticking it shows
    the annex questions about it, and only those."""

    key: str
    name: Label
    paths: tuple[str, ...]


IMPACT_AREAS: tuple[ImpactArea, ...] = (
    ImpactArea(
        "people",
        L("业务与人群", "Services and people"),
        ("impact.people_affected", "impact.prefecture_population_percent", "impact.province_population_percent"),
    ),
    ImpactArea("personal_info", L("个人信息", "Personal information"), ("personal_info.affected", "impact.personal_info_leaked")),
    ImpactArea("money", L("资金", "Money"), ("impact.direct_loss_yuan",)),
    ImpactArea("website", L("网站", "Websites"), tuple(f.path for f in _ENTRIES if f.path.startswith(("impact.portal_outage.", "impact.defacement.")))),
    ImpactArea(
        "cii",
        L("关键信息基础设施", "Critical information infrastructure"),
        tuple(f.path for f in _ENTRIES if f.path.startswith(("impact.cii_full_outage", "impact.cii_main_function_outage"))),
    ),
    ImpactArea("data", L("核心数据、重要数据", "Core or important data"), ("impact.data_threat",)),
)


class Duration(NamedTuple):
    """A duration of the annex that may still be running (D18; 附件 一、二、三 第1、2、6项):
    the minutes the user may type, and the instants it began and ended (incident@3). While
    it has begun and not ended it counts up to the present moment; typed minutes win."""

    minutes: str  # the annex criterion's field
    started: str
    ended: str
    running: Label  # 「若……仍……」: the condition a projection rests on, in plain words


DURATIONS: tuple[Duration, ...] = (
    Duration(
        "impact.cii_full_outage_minutes",
        "impact.cii_full_outage.started_at",
        "impact.cii_full_outage.ended_at",
        L("若关键信息基础设施仍整体中断", "If the critical information infrastructure stays fully down"),
    ),
    Duration(
        "impact.cii_main_function_outage_minutes",
        "impact.cii_main_function_outage.started_at",
        "impact.cii_main_function_outage.ended_at",
        L("若关键信息基础设施主要功能仍中断", "If the main functions of the critical information infrastructure stay down"),
    ),
    Duration(
        "impact.portal_outage.minutes",
        "impact.portal_outage.started_at",
        "impact.portal_outage.ended_at",
        L("若网站仍不能访问", "If the website stays unreachable"),
    ),
    Duration(
        "impact.defacement.homepage_minutes",
        "impact.defacement.homepage_started_at",
        "impact.defacement.homepage_ended_at",
        L("若首页篡改内容仍未清除", "If the harmful content stays on the home page"),
    ),
    Duration(
        "impact.defacement.other_page_minutes",
        "impact.defacement.other_page_started_at",
        "impact.defacement.other_page_ended_at",
        L("若其他页面篡改内容仍未清除", "If the harmful content stays on the other pages"),
    ),
)


def areas_answered(doc: dict[str, object]) -> set[str]:
    """The impact areas with at least one answer in ``doc`` (shown ticked when it is opened)."""
    return {a.key for a in IMPACT_AREAS if any(paths.get(doc, p) not in (None, "") for p in a.paths)}


def info(path: str) -> FieldInfo | None:
    """The entry of a field path (list positions allowed: ``systems[2].name``)."""
    return CATALOGUE.get(paths.pattern(path))


def name(path: str, lang: str = "zh") -> str:
    """The field's statutory name in ``lang`` (the path itself for an unknown one); the
    qualitative choice, one grading fact of two entries, is named by its grade's entry."""
    entry = info(path) or info(f"{path}.grade")
    return entry.name(lang) if entry else path


def heading(path: str, lang: str = "zh") -> str:
    """The field as a document labels it: its ``heading``, else its name."""
    entry = info(path)
    return entry.heading(lang) if entry and entry.heading else name(path, lang)


# Examples shown beside a choice in the wizard (never printed in a report).
CHOICE_EXAMPLES: dict[str, dict[str, Label]] = {
    "reporter.category": {"other": L("多数单位：企业、医院、学校、商户等", "most organisations: companies, hospitals, schools, shops…")},
}


def choice_label(path: str, value: str, lang: str = "zh", *, with_example: bool = False) -> str:
    """A choice's statutory label; ``with_example`` adds the wizard's example (「（企业、医院…）」)."""
    entry = info(path)
    label = entry.choices.get(value) if entry else None
    text = label(lang) if label else value
    example = CHOICE_EXAMPLES.get(paths.pattern(path), {}).get(value) if with_example else None
    if example is None:
        return text
    return catalogue_text("label_with_example", lang, label=text, example=example(lang))


def choices(path: str, lang: str = "zh", *, with_example: bool = True) -> list[tuple[str, str]]:
    """``(value, label)`` of a field's fixed choices, in the catalogue's order."""
    entry = info(path)
    return [(value, choice_label(path, value, lang, with_example=with_example)) for value in (entry.choices if entry else {})]


def on_page(page: Page) -> tuple[str, ...]:
    """The fields ``page`` asks, in the catalogue's order (list elements included)."""
    return tuple(path for path, entry in CATALOGUE.items() if entry.page == page)


def page_of(path: str) -> Page | None:
    """The wizard page that asks for ``path`` (or for the object it lies in)."""
    steps = paths.parse(path)
    for end in range(len(steps), 0, -1):
        entry = info(paths.format_path(steps[:end]))
        if entry is not None and entry.page is not None:
            return entry.page
    return None


def item_of(path: str, pack: RulePack) -> str | None:
    """The 第七条 item (rule-pack id, e.g. ``item2``) whose report prints ``path``."""
    for item in pack.report_items:
        for listed in (*item.fields, *item.ransomware_fields):
            if path == listed or path.startswith(listed + ".") or path.startswith(listed + "["):
                return item.id
    return None


_NUMERALS = "一二三四五六七八九十"


def statutory_label(path: str, pack: RulePack, lang: str = "zh") -> str:
    """The field as a report names it, with its 第七条 item: 「（七）现场保护情况」."""
    item = item_of(path, pack)
    ids = [i.id for i in pack.report_items]
    text = name(path, lang)
    if item is None:
        return text
    n = ids.index(item)
    return catalogue_text("numbered_item", lang, numeral_zh=_NUMERALS[n] if n < len(_NUMERALS) else n + 1, numeral_en=n + 1, label=text)
