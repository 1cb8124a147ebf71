"""Wizard pages 1–4: discovery, reporter, affected systems, incident type. Each
statutory item carries a one-line explanation with an example, in plain Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core import citations, credit_code
from core import field_paths as fp
from core import fields as catalogue
from core.assessment import discovery_problem
from core.incident import REPORTER_KEYS, get
from core.suggestions import suggestions
from core.symptoms import symptoms
from gui.i18n import ask, basis, hint, language, pick, tr
from gui.widgets import named
from gui.wizard.base import EditContext, FieldPage
from gui.wizard.discovery import DiscoveryQuestion
from gui.wizard.fields import (
    CheckField,
    ChoiceField,
    ListField,
    TextField,
    TimeField,
    YesNoField,
    catalogue_field,
    form_section,
)

PAGE_DISCOVERY, PAGE_REPORTER, PAGE_SYSTEMS, PAGE_TYPE, PAGE_IMPACT, PAGE_RANSOMWARE, PAGE_RESPONSE, PAGE_REVIEW = range(8)


class DiscoveryPage(FieldPage):
    """Page 1 asks the discovery time first, with quick answers (regulation.md D1a)."""

    def __init__(self, ctx: EditContext) -> None:
        super().__init__(ctx, "pageDiscovery", tr("发现事件"), tr("先记下什么时候发现的。从发现时刻起，报告期限就开始计算，右侧会显示倒计时。"))
        c = ctx.change
        self.discovered = TimeField(
            fp.DISCOVERED_AT,
            ask(fp.DISCOVERED_AT),
            hint(fp.DISCOVERED_AT),
            self._typed,
            ctx.now,
            rule=lambda at, now: discovery_problem(at, now, language()),  # core's one rule (D1a, D1b)
        )
        self.occurred = TimeField(fp.OCCURRED_AT, ask(fp.OCCURRED_AT), hint(fp.OCCURRED_AT), c, ctx.now)
        self.question = DiscoveryQuestion(self.discovered, ctx.now, self._answered)
        self.layout_.addWidget(self.question)
        self.add_form(
            [
                self.discovered,
                self.occurred,
                TextField(fp.TITLE, ask(fp.TITLE), hint(fp.TITLE), c),
                TextField(fp.LOCATION, ask(fp.LOCATION), hint(fp.LOCATION), c),
                CheckField(fp.DRILL, ask(fp.DRILL), hint(fp.DRILL), c),
            ]
        )
        self.finish_layout()

    def _answered(self, iso: str) -> None:
        """A time that passed the rules is recorded; core's warnings show beside the field."""
        self.discovered.local_error = None
        self.ctx.change(fp.DISCOVERED_AT, iso)
        self.refresh()

    def _typed(self, _path: str, value: object) -> None:
        """The typed time, recorded once read (a future one never reaches here: the field
        refuses it and keeps the text, D1a)."""
        if isinstance(value, str):
            self._answered(value)

    def answered(self) -> bool:
        return bool(self.ctx.document().get(fp.DISCOVERED_AT))

    def refresh(self) -> None:
        """Until answered, the question above asks; no red "missing" line under it."""
        super().refresh()
        if not self.answered() and not self.discovered.local_error:
            self.discovered.error.setText("")

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        super().initializePage()
        if not self.answered():  # she can type the time at once (after the window shows)
            QTimer.singleShot(0, lambda: self.discovered.edit.setFocus(Qt.FocusReason.OtherFocusReason))

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.discovered.time.commit()  # what is typed counts, even without Enter
        if self.discovered.time.problem:
            return False  # the field says why, beside what she typed
        if not self.answered():
            self.discovered.local_error = tr("请先回答发现时间：点上面的一个选项，或输入时间（例如「9:30」）。")
            self.discovered.show_findings([])
            self.discovered.local_error = None
            return False
        self.refresh()
        return not any(e.path in (fp.DISCOVERED_AT, fp.OCCURRED_AT) for e in self.page_errors())


class ReporterPage(FieldPage):
    def __init__(self, ctx: EditContext) -> None:
        super().__init__(
            ctx,
            "pageReporter",
            tr("报告单位"),
            tr("涉事单位的基本信息（{basis}）。已自动填入单位资料，改动后可保存为今后的默认值。").format(basis=basis(citations.report_item(ctx.pack, 1))),
        )
        # The catalogue's reporter fields in its order: a field added there is asked here.
        self.add_form([catalogue_field(path, ctx.change) for path in catalogue.on_page(catalogue.Page.REPORTER)])
        row = QWidget()
        buttons = QHBoxLayout(row)
        self.save_profile_button = named(QPushButton(tr("保存为单位资料（下次自动填入）")), "saveProfile")
        self.save_profile_button.clicked.connect(self.save_profile)
        self.profile_saved = named(QLabel(""), "profileSaved")
        buttons.addWidget(self.save_profile_button)
        buttons.addWidget(self.profile_saved, 1)
        self.layout_.addWidget(row)
        self.finish_layout()

    def initializePage(self) -> None:  # noqa: N802
        doc = self.ctx.document()
        reporter = doc.get("reporter") or {}
        if not any(reporter.get(k) for k in REPORTER_KEYS):
            for key, value in self.ctx.profile().items():
                if key in REPORTER_KEYS and value not in (None, ""):
                    self.ctx.change(f"reporter.{key}", value)
        super().initializePage()

    def save_profile(self) -> None:
        reporter = self.ctx.document().get("reporter") or {}
        code = reporter.get("credit_code")
        self.ctx.save_profile({k: reporter.get(k) for k in REPORTER_KEYS})
        note = tr("已保存。")
        if code and credit_code.problem(code):
            note += tr("（信用代码校验未通过，请核对）")
        self.profile_saved.setText(note)


class SystemsPage(FieldPage):
    def __init__(self, ctx: EditContext) -> None:
        super().__init__(
            ctx,
            "pageSystems",
            tr("涉事系统"),
            tr("哪些系统或设施受到影响（{basis}）。写清用途，不需要技术细节。").format(basis=basis(citations.report_item(ctx.pack, 1))),
        )
        c = ctx.change
        self.add_form(
            [
                ListField(
                    fp.SYSTEMS,
                    ask(fp.SYSTEMS),
                    hint(fp.SYSTEMS),
                    c,
                    [("name", tr("名称"), "text"), ("description", tr("用途和规模"), "text"), ("is_cii", tr("关基"), "bool")],
                    tr("添加系统"),
                ),
                YesNoField(fp.INVOLVES_CII, ask(fp.INVOLVES_CII), hint(fp.INVOLVES_CII), c),
            ]
        )
        self.finish_layout()


class TypePage(FieldPage):
    def __init__(self, ctx: EditContext) -> None:
        super().__init__(
            ctx,
            "pageType",
            tr("事件类型"),
            tr("按 GB/T 20986-2023 分类（{basis}「类型」）。不会分类？点下面最像的现象。").format(basis=basis(citations.report_item(ctx.pack, 2))),
        )
        c = ctx.change
        pack = ctx.pack
        self.class_field = ChoiceField(
            fp.TYPE_CLASS, ask(fp.TYPE_CLASS), hint(fp.TYPE_CLASS), self._class_changed, [(k.id, pick(k.name, k.name_en)) for k in pack.incident_classes]
        )
        self.subclass_field = ChoiceField(fp.TYPE_SUBCLASS, ask(fp.TYPE_SUBCLASS), hint(fp.TYPE_SUBCLASS), c, [])
        self.ransom = CheckField(
            "ransom_demanded",
            tr("对方要求支付赎金"),
            tr("勾选后会多一页，记录赎金金额、方式和日期（{basis}）。").format(basis=basis(citations.report_item(pack, 2))),
            self._ransom_changed,
        )
        self.ransom.widget.setObjectName("ransom_demanded")
        symptom_box = QWidget()
        grid = QHBoxLayout(symptom_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(
            form_section(
                tr("常见现象"),
                tr(
                    "点一下即可选好类别和子类，之后仍可修改。同时发生了两件事（例如首页被篡改，学生名单也泄露）？"
                    "选主要的一类；泄露的个人信息在「影响与定级」页勾选「个人信息」，另一类写进「其他应当报告的情况」。"
                ),
            )
        )
        columns = [QVBoxLayout(), QVBoxLayout()]
        for column in columns:
            grid.addLayout(column)
        for i, s in enumerate(symptoms(pack)):
            button = named(QPushButton(s.label(language())), f"symptom_{i}")
            button.setStyleSheet("text-align: left; padding: 4px;")
            button.clicked.connect(lambda _=False, s=s: self._pick(s.class_id, s.subclass))
            columns[i % 2].addWidget(button)
        self.layout_.addWidget(symptom_box)
        self.add_form([self.class_field, self.subclass_field, self.ransom])
        self.finish_layout()

    def _subclasses(self, class_id: str | None) -> list[tuple[str, str]]:
        if not class_id:
            return []
        cls = self.ctx.pack.incident_class(class_id)
        return [(s, cls.subclass_name(s, language())) for s in cls.subclasses]  # the file keeps the Chinese name

    def _class_changed(self, path: str, value: object) -> None:
        self.ctx.change(path, value)
        current = get(self.ctx.document(), fp.TYPE_SUBCLASS)
        allowed = [s for s, _ in self._subclasses(value if isinstance(value, str) else None)]
        if current not in allowed:
            current = None
            self.ctx.change(fp.TYPE_SUBCLASS, None)
        self.subclass_field.set_choices(self._subclasses(value if isinstance(value, str) else None), current)

    def _pick(self, class_id: str, subclass: str) -> None:
        self.class_field.set_value(class_id)  # emits → _class_changed
        self.subclass_field.set_choices(self._subclasses(class_id), subclass)
        self.ctx.change(fp.TYPE_SUBCLASS, subclass)
        if subclass == self.ctx.pack.ransomware_subclass:
            self.ransom.widget.setChecked(True)  # type: ignore[attr-defined]
        self._apply_suggestions()

    def _ransom_changed(self, _path: str, checked: object) -> None:
        ransomware = self.ctx.document().get("ransomware")
        if checked and ransomware is None:
            self.ctx.change("ransomware", {})
        elif not checked and isinstance(ransomware, dict) and not any(v not in (None, "") for v in ransomware.values()):
            self.ctx.change("ransomware", None)
        self._apply_suggestions()

    def _apply_suggestions(self) -> None:
        """Answers core proposes (a ransom demand: crime suspected, so the police card
        appears); only for questions the user has not answered."""
        for proposal in suggestions(self.ctx.document(), self.ctx.pack):
            self.ctx.change(proposal.path, proposal.value)

    def initializePage(self) -> None:  # noqa: N802
        doc = self.ctx.document()
        cls = get(doc, fp.TYPE_CLASS)
        self.subclass_field.set_choices(self._subclasses(cls), get(doc, fp.TYPE_SUBCLASS))
        super().initializePage()
        self.ransom.widget.blockSignals(True)
        self.ransom.widget.setChecked(doc.get("ransomware") is not None)  # type: ignore[attr-defined]
        self.ransom.widget.blockSignals(False)
