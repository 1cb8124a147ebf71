"""Wizard pages 5–7: impact and grade (live, with the annex items that apply), ransomware,
and the response (第七条 items 二 to 八). Every question may stay unanswered."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel

from core import vocab
from core.incident import is_ransomware
from gui.i18n import basis, language, pick, tr
from gui.wizard.base import EditContext, FieldPage
from gui.wizard.facts import PAGE_RANSOMWARE, PAGE_RESPONSE
from gui.wizard.fields import AreaField, CheckField, ChoiceField, ListField, QuantityField, TextField, form_section


class ImpactPage(FieldPage):
    def __init__(self, ctx: EditContext) -> None:
        super().__init__(ctx, "pageImpact", tr("影响与定级"),
                         tr("按《网络安全事件分级指南》（附件）定级。每题都可以不答；答了哪题，右侧和下方立即更新。"))
        c = ctx.change
        sites = [(s.id, s.name) for s in ctx.pack.site_kinds]
        grades = [(g.id, g.name) for g in ctx.pack.grades]
        self.summary = QLabel("", objectName="gradeSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(self.summary.textFormat().RichText)
        self.summary.setStyleSheet("background: #f4f6f8; border: 1px solid #c9d1d9; border-radius: 6px; padding: 8px;")
        self.layout_.addWidget(self.summary)

        def q(path: str, label: str, help_text: str, integer: bool = True) -> QuantityField:
            return QuantityField(path, label, help_text, c, integer=integer)

        self.layout_.addWidget(form_section(tr("人员和经济影响")))
        self.add_form([
            q("impact.people_affected", tr("受影响的人数"), tr(
                "用水、用电、用气、取暖、交通出行、就医、购物等工作生活受影响的人数，可写「12万」。例：门诊停摆一天，在册患者约 12 万人。")),
            q("impact.personal_info_leaked", tr("泄露了多少人的个人信息"), tr("按人数计，不是条数。没有泄露填 0。")),
            q("impact.direct_loss_yuan", tr("直接经济损失（元）"), tr(
                "事件直接造成的财产损失和处置费用，如设备损毁、数据恢复费、停业损失；不含赎金本身。可写「300万」。"), integer=False),
            q("impact.prefecture_population_percent", tr("受影响人口占所在地市人口的百分比"), tr("只在影响大范围民生时填写，例：30。"),
              integer=False),
            q("impact.province_population_percent", tr("受影响人口占所在省人口的百分比"), "", integer=False),
        ])
        self.layout_.addWidget(form_section(tr("系统中断"), tr("只在涉及关键信息基础设施时填写。")))
        self.add_form([
            q("impact.cii_full_outage_minutes", tr("关基整体中断（分钟）"), tr("例：整个系统停了 2 小时，填 120。"), integer=False),
            q("impact.cii_main_function_outage_minutes", tr("关基主要功能中断（分钟）"), "", integer=False),
        ])
        self.layout_.addWidget(form_section(tr("网站")))
        self.add_form([
            ChoiceField("impact.portal_outage.site", tr("不能访问的网站类型"), tr(
                "企事业单位门户网站均计入（D10：从严理解）。"), c, sites),
            q("impact.portal_outage.minutes", tr("不能访问多久（分钟）"), "", integer=False),
            ChoiceField("impact.defacement.site", tr("被篡改的网站或平台类型"), tr("网页被改、出现违法有害信息时填写。"), c, sites),
            q("impact.defacement.homepage_minutes", tr("违法有害信息在主页上持续（分钟）"), "", integer=False),
            q("impact.defacement.other_page_minutes", tr("在其他页面持续（分钟）"), "", integer=False),
            q("impact.defacement.reposts", tr("被社交平台转发次数"), ""),
            q("impact.defacement.views", tr("浏览或点击次数"), ""),
            ChoiceField("impact.defacement.authority_scope", tr("网信部门或公安机关认定的传播范围"), "", c, [
                ("especially_large", tr("特大范围")), ("large", tr("大范围")), ("relatively_large", tr("较大范围"))]),
        ])
        self.layout_.addWidget(form_section(tr("数据与其他情形"), tr("下面是需要您判断的项目，必须写明理由。")))
        self.add_form([
            ChoiceField("impact.data_threat", tr("核心数据、重要数据泄露或被窃取、篡改的威胁程度"), tr(
                "只有数据已被认定为重要数据或核心数据时才选；一般客户资料按上面的人数计算。"), c, [
                    ("especially_serious", tr("特别严重威胁")), ("serious", tr("严重威胁")), ("relatively_serious", tr("较严重威胁"))]),
            ChoiceField("impact.qualitative.grade", tr("按附件定性情形，您判断的等级"), tr(
                "附件中「其他……构成较严重威胁」等情形需人工判断；与上面的数字取较高者。"), c, grades),
            TextField("impact.qualitative.reason", tr("定性判断的理由"), "", c),
            ChoiceField("grade_override.grade", tr("手动定级（替代计算结果）"), tr(
                "可调高或调低；调低会在每份报告上注明（D11）。"), c, grades),
            TextField("grade_override.reason", tr("手动定级的理由"), tr("必填。例：主管部门电话确认按重大处置。"), c),
        ])
        self.finish_layout()

    def refresh(self) -> None:
        super().refresh()
        result, _errors, _warnings = self.ctx.assessment()
        pack = self.ctx.pack
        g = result.grading
        grade = pack.grade(g.grade)
        how = tr("手动定级") if g.basis == "manual" else tr("按附件计算")
        lines = ["<b>" + escape(tr("当前定级：{g}（{how}）").format(g=pick(grade.name, grade.name_en), how=how)) + "</b>"]
        if g.basis == "manual":
            computed = pack.grade(g.computed_grade)
            lines.append(escape(tr("按附件计算为：{g}；理由：{r}").format(g=pick(computed.name, computed.name_en), r=g.reason or "")))
        lines.append(escape(vocab.explain(result.reportable, language())))
        for t in g.triggered:
            value = "" if t.value is None else tr("（填报值：{v}）").format(v=t.value)
            level = pack.grade(t.grade)
            lines.append("· " + escape(f"{pick(level.name, level.name_en)} | {basis(t.item)}: {t.text}{value}"))
        self.summary.setText("<br>".join(lines))

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return PAGE_RANSOMWARE if is_ransomware(self.ctx.document(), self.ctx.pack) else PAGE_RESPONSE

    def validatePage(self) -> bool:  # noqa: N802
        self.refresh()
        return not any(e.code == "blank_reason" or e.path.endswith(".reason") for e in self.page_errors())


class RansomwarePage(FieldPage):
    def __init__(self, ctx: EditContext) -> None:
        super().__init__(ctx, "pageRansomware", tr("勒索软件"), tr(
            "第七条第二项：勒索软件攻击事件还应报告要求支付赎金的金额、方式、日期等。照勒索信上写的填；不要联系攻击者。"))
        c = ctx.change
        self.add_form([
            TextField("ransomware.amount", tr("要求的金额"), tr("例：2"), c),
            TextField("ransomware.currency", tr("币种"), tr("例：BTC、USDT、人民币"), c),
            TextField("ransomware.method", tr("要求的支付方式"), tr("例：比特币转账到指定钱包"), c),
            TextField("ransomware.date", tr("日期"), tr("勒索信给出的日期或期限，例：2026-11-26 前"), c),
            TextField("ransomware.contact", tr("钱包地址或联系方式"), tr("勒索信里的邮箱、钱包地址等，原样抄录。"), c),
            CheckField("ransomware.paid", tr("已经支付了赎金"), tr("如实填写；是否支付不影响报告义务。"), c),
        ])
        self.finish_layout()


class ResponsePage(FieldPage):
    def __init__(self, ctx: EditContext) -> None:
        super().__init__(ctx, "pageResponse", tr("处置情况"), tr(
            "第七条第二至八项。首报可以只填「影响和危害」「措施及效果」，其余查清后及时补报（第七条第二款）。"))
        c = ctx.change

        def a(path: str, label: str, help_text: str) -> AreaField:
            return AreaField(path, label, help_text, c)

        self.add_form([
            a("harm", tr("已造成的影响和危害（第二项）"), tr("用事实说话：什么停了、多久、影响了谁。例：全天无法挂号收费，改为手工登记。")),
            a("measures_taken", tr("已采取的措施及效果（第二项）"), tr("做了什么、有没有用。例：已断网隔离服务器，加密未再扩散。")),
            a("trend", tr("事态发展趋势及可能的进一步影响（第三项）"), tr("接下来可能怎样。例：备份也可能被加密，恢复还要两天。")),
            a("cause", tr("原因初步分析（第四项）"), tr("目前的判断即可，可写「初步判断」。例：远程桌面弱口令被爆破。")),
            a("leads.attacker", tr("可能的攻击者信息（第五项）"), tr("勒索信署名、邮箱、IP 地址等。")),
            a("leads.attack_path", tr("攻击路径（第五项）"), tr("怎么进来的。例：公网 3389 端口 → 管理员账户 → 共享目录。")),
            a("leads.vulnerabilities", tr("存在的漏洞（第五项）"), tr("例：远程桌面对公网开放、密码过于简单。")),
            a("planned_measures", tr("拟进一步采取的应对措施（第六项）"), tr("例：请专业公司恢复数据，关闭公网远程桌面。")),
            a("support_requested", tr("请求支援事项（第六项）"), tr("需要主管部门帮什么；没有写「无」。")),
            a("scene_preservation", tr("现场保护情况（第七项）"), tr(
                "为调查保留证据的做法。简易清单：①不要关机重装，断网即可；②拍照保存勒索提示；③保留日志和可疑文件；"
                "④记录谁在什么时间做了什么操作。例：已断网保留服务器原状，拍照留存勒索信。")),
            a("other", tr("其他应当报告的情况（第八项）"), tr("没有写「无」。")),
            CheckField("crime_suspected", tr("涉嫌违法犯罪（须及时向公安机关报案，第四条第五款）"), tr(
                "勒索、入侵、窃取数据通常都涉嫌犯罪。"), c),
            ListField("sector_obligations", tr("行业规定的报告（第四条第四款）"), tr(
                "本行业另有报告规定时添加，例：金融机构向人民银行报告。时限填小时数，倒计时与法定期限同样显示。"), c,
                [("recipient", tr("接收单位"), "text"), ("hours", tr("时限（小时）"), "hours"), ("note", tr("依据或备注"), "text")],
                tr("添加行业报告")),
        ])
        self.finish_layout()
