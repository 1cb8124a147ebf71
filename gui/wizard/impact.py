"""Wizard pages 5–7: impact and grade (live, with the annex items that apply), ransomware,
and the response (第七条 items 二 to 八). Every question may stay unanswered."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGridLayout, QLabel, QVBoxLayout, QWidget

from core import citations, vocab
from core import field_paths as fp
from core import fields as catalogue
from core.assessment import projection_sentence
from core.incident import involves_cii, is_ransomware
from core.suggestions import reason_for
from gui.i18n import ask, basis, hint, language, pick, tr
from gui.widgets import named
from gui.wizard.base import EditContext, FieldPage
from gui.wizard.durations import DurationQuestion, running_note
from gui.wizard.facts import PAGE_RANSOMWARE, PAGE_RESPONSE
from gui.wizard.fields import AreaField, ChoiceField, Field, ListField, QuantityField, TextField, YesNoField, add_rows, form_section
from gui.wizard.personal_info import PAGE_PERSONAL_INFO
from gui.wizard.personal_info import applies as personal_info_applies


class ImpactPage(FieldPage):
    """The impact interview (product.md §8.4): first what was affected, then only the annex
    questions about what was ticked; the live grade stays in view above them."""

    def __init__(self, ctx: EditContext) -> None:
        super().__init__(ctx, "pageImpact", tr("影响与定级"), tr("先勾选受到影响的方面，再回答相应的问题。每题都可以不答；答了哪题，上方的定级立即更新。"))
        c = ctx.change
        sites = [(s.id, vocab.pack_name(s, language())) for s in ctx.pack.site_kinds]
        grades = [(g.id, vocab.pack_name(g, language())) for g in ctx.pack.grades]
        self.summary = named(QLabel(""), "gradeSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(self.summary.textFormat().RichText)
        self.summary.setStyleSheet("background: #f4f6f8; border: 1px solid #c9d1d9; border-radius: 6px; padding: 8px;")
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.insertWidget(0, self.summary)  # pinned above the scrolling questions: the grade stays in view

        def q(path: str, integer: bool = True) -> QuantityField:
            return QuantityField(path, ask(path), hint(path), c, integer=integer)

        def choice(path: str, choices: list[tuple[str, str]]) -> ChoiceField:
            return ChoiceField(path, ask(path), hint(path), c, choices)

        self.layout_.addWidget(form_section(tr("哪些方面受到了影响？"), tr("可以多选；没有勾选的方面不必回答。")))
        ticks = QWidget()
        grid = QGridLayout(ticks)
        grid.setContentsMargins(0, 0, 0, 0)
        self.area_ticks: dict[str, QCheckBox] = {}
        for n, area in enumerate(catalogue.IMPACT_AREAS):
            tick = named(QCheckBox(area.name(language())), f"impactArea_{area.key}")
            tick.toggled.connect(lambda on, key=area.key: self._show_area(key, on))
            grid.addWidget(tick, n // 3, n % 3)
            self.area_ticks[area.key] = tick
        self.layout_.addWidget(ticks)
        self.areas: dict[str, QWidget] = {}
        self._area(
            "people",
            tr("影响了多少人的工作、生活（就医、购物、出行等）。"),
            [
                q(fp.IMPACT_PEOPLE_AFFECTED),
                q(fp.IMPACT_PREFECTURE_POPULATION_PERCENT, integer=False),
                q(fp.IMPACT_PROVINCE_POPULATION_PERCENT, integer=False),
            ],
        )
        self._area(
            "personal_info",
            "",
            [
                ChoiceField(
                    fp.PERSONAL_INFO_AFFECTED,
                    ask(fp.PERSONAL_INFO_AFFECTED),
                    hint(fp.PERSONAL_INFO_AFFECTED),
                    c,
                    catalogue.choices(fp.PERSONAL_INFO_AFFECTED, language()),
                    unknown="不知道",  # null: not known yet (a leaked count then decides, D16, D16b)
                ),
                # D16a: the number of people is asked here once (grading reads it when it
                # leaked; the notices name it); the personal-information page does not ask again.
                q(fp.PERSONAL_INFO_COUNT),
            ],
        )
        self._area("money", "", [q(fp.IMPACT_DIRECT_LOSS_YUAN, integer=False)])
        self.durations: list[DurationQuestion] = []
        self._area(
            "website",
            running_note(),
            [
                choice(fp.IMPACT_DEFACEMENT_SITE, sites),
                *self._duration(fp.IMPACT_DEFACEMENT_HOMEPAGE_MINUTES),
                *self._duration(fp.IMPACT_DEFACEMENT_OTHER_PAGE_MINUTES),
                q(fp.IMPACT_DEFACEMENT_REPOSTS),
                q(fp.IMPACT_DEFACEMENT_VIEWS),
                choice(fp.IMPACT_DEFACEMENT_AUTHORITY_SCOPE, catalogue.choices(fp.IMPACT_DEFACEMENT_AUTHORITY_SCOPE, language())),
                choice(fp.IMPACT_PORTAL_OUTAGE_SITE, sites),
                *self._duration(fp.IMPACT_PORTAL_OUTAGE_MINUTES),
            ],
        )
        self._area(
            "cii",
            tr("只在涉及关键信息基础设施时填写。") + running_note(),
            [*self._duration(fp.IMPACT_CII_FULL_OUTAGE_MINUTES), *self._duration(fp.IMPACT_CII_MAIN_FUNCTION_OUTAGE_MINUTES)],
        )
        self._area("data", "", [choice(fp.IMPACT_DATA_THREAT, catalogue.choices(fp.IMPACT_DATA_THREAT, language()))])
        self.layout_.addWidget(form_section(tr("其他情形与手动定级"), tr("下面是需要您判断的项目，必须写明理由。")))
        self.add_form(
            [
                ChoiceField(fp.IMPACT_QUALITATIVE_GRADE, ask(fp.IMPACT_QUALITATIVE_GRADE), hint(fp.IMPACT_QUALITATIVE_GRADE), self._manual_grade, grades),
                TextField(fp.IMPACT_QUALITATIVE_REASON, ask(fp.IMPACT_QUALITATIVE_REASON), hint(fp.IMPACT_QUALITATIVE_REASON), c),
                ChoiceField(fp.GRADE_OVERRIDE_GRADE, ask(fp.GRADE_OVERRIDE_GRADE), hint(fp.GRADE_OVERRIDE_GRADE), self._manual_grade, grades),
                TextField(fp.GRADE_OVERRIDE_REASON, ask(fp.GRADE_OVERRIDE_REASON), hint(fp.GRADE_OVERRIDE_REASON), c),
            ]
        )
        self.finish_layout()

    def _manual_grade(self, path: str, value: object) -> None:
        """A grade chosen by hand; back to 「不知道」 withdraws the finding or the override
        as a whole (no grade, no reason owed), so it never blocks 下一步."""
        if value is None:
            self.ctx.change(path.rsplit(".", 1)[0], None)
            for f in self.fields:
                if f.path in (fp.IMPACT_QUALITATIVE_REASON, fp.GRADE_OVERRIDE_REASON) and f.path.startswith(path.rsplit(".", 1)[0]):
                    f.load(self.ctx.document())
        else:
            self.ctx.change(path, value)

    def _duration(self, minutes_path: str) -> list[Field | QWidget]:
        """A duration's questions (when it began, ended, or its minutes) and its live figure (D18)."""
        question = DurationQuestion(minutes_path, self.ctx.change, self.ctx.now)
        self.durations.append(question)
        return [*question.fields, question.live_row()]

    def _area(self, key: str, note: str, rows: list[Field | QWidget]) -> None:
        """One area's questions under its name, hidden until its box is ticked."""
        box = named(QWidget(), f"impactSection_{key}")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        area = next(a for a in catalogue.IMPACT_AREAS if a.key == key)
        layout.addWidget(form_section(area.name(language()), note))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        fields = [r for r in rows if isinstance(r, Field)]
        for row in rows:
            if isinstance(row, Field):
                add_rows(form, [row])
            else:
                form.addRow("", row)
        layout.addLayout(form)
        self.fields.extend(fields)
        box.setVisible(False)
        self.layout_.addWidget(box)
        self.areas[key] = box

    def _show_area(self, key: str, on: bool) -> None:
        """Unticking hides the questions; answers already given are kept (and still count)."""
        self.areas[key].setVisible(on)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        doc = self.ctx.document()
        ticked = catalogue.areas_answered(doc) | ({"cii"} if involves_cii(doc) else set())
        for key, tick in self.area_ticks.items():
            if key in ticked:
                tick.setChecked(True)
        super().initializePage()

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
        projection = projection_sentence(result, pack, language())
        if projection:  # D18: what a running duration will reach, and when
            lines.append("<span style='color:#8a4b00'>" + escape(projection) + "</span>")
        self.summary.setText("<br>".join(lines))
        self.tick()

    def tick(self) -> None:
        """The live figures of running durations (each second the page is shown)."""
        doc = self.ctx.document()
        for question in self.durations:
            question.show(doc)

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
            tr("{basis}：勒索软件攻击事件还应报告要求支付赎金的金额、方式、日期等。照勒索信上写的填；不要联系攻击者。").format(
                basis=basis(citations.report_item(ctx.pack, 2))
            ),
        )
        c = ctx.change
        self.add_form(
            [
                TextField(fp.RANSOMWARE_AMOUNT, ask(fp.RANSOMWARE_AMOUNT), hint(fp.RANSOMWARE_AMOUNT), c),
                TextField(fp.RANSOMWARE_CURRENCY, ask(fp.RANSOMWARE_CURRENCY), hint(fp.RANSOMWARE_CURRENCY), c),
                TextField(fp.RANSOMWARE_METHOD, ask(fp.RANSOMWARE_METHOD), hint(fp.RANSOMWARE_METHOD), c),
                TextField(fp.RANSOMWARE_DATE, ask(fp.RANSOMWARE_DATE), hint(fp.RANSOMWARE_DATE), c),
                TextField(fp.RANSOMWARE_CONTACT, ask(fp.RANSOMWARE_CONTACT), hint(fp.RANSOMWARE_CONTACT), c),
                YesNoField(fp.RANSOMWARE_PAID, ask(fp.RANSOMWARE_PAID), hint(fp.RANSOMWARE_PAID), c),
            ]
        )
        self.finish_layout()

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return after_impact(self.ctx)


class ResponsePage(FieldPage):
    def __init__(self, ctx: EditContext) -> None:
        super().__init__(
            ctx,
            "pageResponse",
            tr("处置情况"),
            tr("{items}。首报可以只填「影响和危害」「措施及效果」，其余查清后及时补报（{basis}）。").format(
                items=basis(citations.report_item_range(ctx.pack, 2, len(ctx.pack.report_items))), basis=basis(citations.supplement(ctx.pack))
            ),
        )
        c = ctx.change

        def a(path: str) -> AreaField:
            return AreaField(path, ask(path), hint(path), c)

        self.crime = YesNoField(fp.CRIME_SUSPECTED, ask(fp.CRIME_SUSPECTED), hint(fp.CRIME_SUSPECTED), c)

        self.add_form(
            [
                a(fp.HARM),
                a(fp.MEASURES_TAKEN),
                a(fp.TREND),
                a(fp.CAUSE),
                a(fp.LEADS_ATTACKER),
                a(fp.LEADS_ATTACK_PATH),
                a(fp.LEADS_VULNERABILITIES),
                a(fp.PLANNED_MEASURES),
                a(fp.SUPPORT_REQUESTED),
                a(fp.SCENE_PRESERVATION),
                a(fp.OTHER),
                self.crime,
                ListField(
                    fp.SECTOR_OBLIGATIONS,
                    ask(fp.SECTOR_OBLIGATIONS),
                    hint(fp.SECTOR_OBLIGATIONS),
                    c,
                    [("recipient", tr("接收单位"), "text"), ("hours", tr("时限（小时）"), "hours"), ("note", tr("依据或备注"), "text")],
                    tr("添加行业报告"),
                ),
            ]
        )
        self.layout_.addWidget(
            form_section(
                tr("总结报告（{basis}）").format(basis=basis(citations.summary_report(ctx.pack))), tr("处置工作结束后填写；总结报告在其后规定期限内报送。")
            )
        )
        self.add_form([a(fp.ACCOUNTABILITY), a(fp.REMEDIATION), a(fp.LESSONS)])
        self.finish_layout()

    def refresh(self) -> None:
        super().refresh()
        reason = reason_for(self.ctx.document(), self.ctx.pack, fp.CRIME_SUSPECTED)
        self.crime.help.setText(hint(fp.CRIME_SUSPECTED) + ("\n" + reason(language()) if reason else ""))
