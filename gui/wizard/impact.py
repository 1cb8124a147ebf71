"""Wizard pages 5–7: impact and grade (live, with the annex items that apply), ransomware,
and the response (第七条 items 二 to 八). Every question may stay unanswered."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel

from core import fields as catalogue
from core import vocab
from core.incident import is_ransomware
from core.suggestions import reason_for
from gui.i18n import ask, basis, hint, language, pick, tr
from gui.widgets import named
from gui.wizard.base import EditContext, FieldPage
from gui.wizard.facts import PAGE_RANSOMWARE, PAGE_RESPONSE
from gui.wizard.fields import AreaField, ChoiceField, ListField, QuantityField, TextField, YesNoField, form_section
from gui.wizard.personal_info import PAGE_PERSONAL_INFO
from gui.wizard.personal_info import applies as personal_info_applies


class ImpactPage(FieldPage):
    def __init__(self, ctx: EditContext) -> None:
        super().__init__(ctx, "pageImpact", tr("影响与定级"), tr("按《网络安全事件分级指南》（附件）定级。每题都可以不答；答了哪题，右侧和下方立即更新。"))
        c = ctx.change
        sites = [(s.id, vocab.pack_name(s, language())) for s in ctx.pack.site_kinds]
        grades = [(g.id, vocab.pack_name(g, language())) for g in ctx.pack.grades]
        self.summary = named(QLabel(""), "gradeSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(self.summary.textFormat().RichText)
        self.summary.setStyleSheet("background: #f4f6f8; border: 1px solid #c9d1d9; border-radius: 6px; padding: 8px;")
        self.layout_.addWidget(self.summary)

        def q(path: str, integer: bool = True) -> QuantityField:
            return QuantityField(path, ask(path), hint(path), c, integer=integer)

        self.layout_.addWidget(form_section(tr("人员和经济影响")))
        self.add_form(
            [
                q("impact.people_affected"),
                q("impact.personal_info_leaked"),
                ChoiceField(
                    "personal_info.affected",
                    ask("personal_info.affected"),
                    hint("personal_info.affected"),
                    c,
                    catalogue.choices("personal_info.affected", language()),
                    unknown="不知道",  # null: not known yet (the leaked count above then decides, D16)
                ),
                q("impact.direct_loss_yuan", integer=False),
                q("impact.prefecture_population_percent", integer=False),
                q("impact.province_population_percent", integer=False),
            ]
        )
        self.layout_.addWidget(form_section(tr("系统中断"), tr("只在涉及关键信息基础设施时填写。")))
        self.add_form(
            [
                q("impact.cii_full_outage_minutes", integer=False),
                q("impact.cii_main_function_outage_minutes", integer=False),
            ]
        )
        self.layout_.addWidget(form_section(tr("网站")))
        self.add_form(
            [
                ChoiceField("impact.portal_outage.site", ask("impact.portal_outage.site"), hint("impact.portal_outage.site"), c, sites),
                q("impact.portal_outage.minutes", integer=False),
                ChoiceField("impact.defacement.site", ask("impact.defacement.site"), hint("impact.defacement.site"), c, sites),
                q("impact.defacement.homepage_minutes", integer=False),
                q("impact.defacement.other_page_minutes", integer=False),
                q("impact.defacement.reposts"),
                q("impact.defacement.views"),
                ChoiceField(
                    "impact.defacement.authority_scope",
                    ask("impact.defacement.authority_scope"),
                    hint("impact.defacement.authority_scope"),
                    c,
                    catalogue.choices("impact.defacement.authority_scope", language()),
                ),
            ]
        )
        self.layout_.addWidget(form_section(tr("数据与其他情形"), tr("下面是需要您判断的项目，必须写明理由。")))
        self.add_form(
            [
                ChoiceField(
                    "impact.data_threat", ask("impact.data_threat"), hint("impact.data_threat"), c, catalogue.choices("impact.data_threat", language())
                ),
                ChoiceField("impact.qualitative.grade", ask("impact.qualitative.grade"), hint("impact.qualitative.grade"), c, grades),
                TextField("impact.qualitative.reason", ask("impact.qualitative.reason"), hint("impact.qualitative.reason"), c),
                ChoiceField("grade_override.grade", ask("grade_override.grade"), hint("grade_override.grade"), c, grades),
                TextField("grade_override.reason", ask("grade_override.reason"), hint("grade_override.reason"), c),
            ]
        )
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
            lines.append("· " + escape(f"{pick(level.name, level.name_en)} | {basis(t.item)}: {t.describe(language())}{value}"))
        self.summary.setText("<br>".join(lines))

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        if is_ransomware(self.ctx.document(), self.ctx.pack):
            return PAGE_RANSOMWARE
        return after_impact(self.ctx)

    def validatePage(self) -> bool:  # noqa: N802
        self.refresh()
        return not any(e.code == "blank_reason" or e.path.endswith(".reason") for e in self.page_errors())


def after_impact(ctx: EditContext) -> int:
    """The page after the impact (and ransomware) answers: personal information when it was
    or may have been affected (D16), otherwise the response."""
    return PAGE_PERSONAL_INFO if personal_info_applies(ctx.document()) else PAGE_RESPONSE


class RansomwarePage(FieldPage):
    def __init__(self, ctx: EditContext) -> None:
        super().__init__(
            ctx,
            "pageRansomware",
            tr("勒索软件"),
            tr("第七条第二项：勒索软件攻击事件还应报告要求支付赎金的金额、方式、日期等。照勒索信上写的填；不要联系攻击者。"),
        )
        c = ctx.change
        self.add_form(
            [
                TextField("ransomware.amount", ask("ransomware.amount"), hint("ransomware.amount"), c),
                TextField("ransomware.currency", ask("ransomware.currency"), hint("ransomware.currency"), c),
                TextField("ransomware.method", ask("ransomware.method"), hint("ransomware.method"), c),
                TextField("ransomware.date", ask("ransomware.date"), hint("ransomware.date"), c),
                TextField("ransomware.contact", ask("ransomware.contact"), hint("ransomware.contact"), c),
                YesNoField("ransomware.paid", ask("ransomware.paid"), hint("ransomware.paid"), c),
            ]
        )
        self.finish_layout()

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return after_impact(self.ctx)


class ResponsePage(FieldPage):
    def __init__(self, ctx: EditContext) -> None:
        super().__init__(
            ctx, "pageResponse", tr("处置情况"), tr("第七条第二至八项。首报可以只填「影响和危害」「措施及效果」，其余查清后及时补报（第七条第二款）。")
        )
        c = ctx.change

        def a(path: str) -> AreaField:
            return AreaField(path, ask(path), hint(path), c)

        self.crime = YesNoField("crime_suspected", ask("crime_suspected"), hint("crime_suspected"), c)

        self.add_form(
            [
                a("harm"),
                a("measures_taken"),
                a("trend"),
                a("cause"),
                a("leads.attacker"),
                a("leads.attack_path"),
                a("leads.vulnerabilities"),
                a("planned_measures"),
                a("support_requested"),
                a("scene_preservation"),
                a("other"),
                self.crime,
                ListField(
                    "sector_obligations",
                    ask("sector_obligations"),
                    hint("sector_obligations"),
                    c,
                    [("recipient", tr("接收单位"), "text"), ("hours", tr("时限（小时）"), "hours"), ("note", tr("依据或备注"), "text")],
                    tr("添加行业报告"),
                ),
            ]
        )
        self.layout_.addWidget(form_section(tr("总结报告（第八条）"), tr("处置工作结束后填写；总结报告在其后规定期限内报送。")))
        self.add_form([a("accountability"), a("remediation"), a("lessons")])
        self.finish_layout()

    def refresh(self) -> None:
        super().refresh()
        reason = reason_for(self.ctx.document(), self.ctx.pack, "crime_suspected")
        self.crime.help.setText(hint("crime_suspected") + ("\n" + reason(language()) if reason else ""))
