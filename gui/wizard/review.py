"""Wizard page 8: what is missing (each a link to its page), the obligations with the
channels that fit them (D13), export of the report PDF, recording a submission, and the
personal-information notices (the desk's own group, product.md §8.4)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import citations
from core import fields as catalogue
from core.assessment import Assessment, channel_advice
from core.fields import Page
from core.incident import Doc
from core.messages import Finding
from core.obligations import Obligation
from core.pack_text import escalation
from core.readiness import readiness
from core.rules import RulePack
from core.service import Recorded, StoreError
from core.timeutil import display_beijing, format_hms
from core.vocab import IMMEDIATE, REPORT_KINDS
from gui.i18n import basis, join, join_clauses, kind_name, language, pick, said, tr
from gui.submission import SubmissionForm, recipient_name, set_beijing
from gui.widgets import named, reserved_line
from gui.wizard.base import EditContext, FieldPage
from gui.wizard.facts import PAGE_DISCOVERY, PAGE_IMPACT, PAGE_RANSOMWARE, PAGE_REPORTER, PAGE_RESPONSE, PAGE_SYSTEMS, PAGE_TYPE
from gui.wizard.fields import form_section
from gui.wizard.personal_info import PAGE_PERSONAL_INFO

FILING_EMAIL, FILING_PHONE, FILING_FAX = "email", "phone", "fax"  # the review page's filing helpers (product.md §8.4)

# The wizard page of each catalogue page (core.fields.Page).
PAGE_IDS = {
    Page.DISCOVERY: PAGE_DISCOVERY,
    Page.REPORTER: PAGE_REPORTER,
    Page.SYSTEMS: PAGE_SYSTEMS,
    Page.TYPE: PAGE_TYPE,
    Page.IMPACT: PAGE_IMPACT,
    Page.RANSOMWARE: PAGE_RANSOMWARE,
    Page.PERSONAL_INFO: PAGE_PERSONAL_INFO,
    Page.RESPONSE: PAGE_RESPONSE,
}


def field_name(key: str) -> str:
    """A field's statutory name in the UI language, from the field catalogue."""
    return catalogue.name(key, language())


def page_of(key: str) -> int:
    page = catalogue.page_of(key)
    return PAGE_IDS.get(page, PAGE_RESPONSE) if page is not None else PAGE_RESPONSE


def channels_for(obligation: Obligation, pack: RulePack, doc: Doc | None = None) -> tuple[list[str], str | None]:
    """The channels that reach an obligation's recipient (core's answer, D13b), formatted:
    the 12387 ones with how to use them, and the caution where 12387 cannot stand in."""
    advice = channel_advice(obligation, pack, doc)
    reach = advice.notice or advice.channels
    if not reach:
        return [tr("按接收单位要求的方式（原渠道）")], None
    names = [
        tr("{name}（{detail}）").format(name=pick(c.name, c.name_en), detail=pick(c.detail, c.detail_en)) if c.detail else pick(c.name, c.name_en)
        for c in reach
    ]
    rule = pack.channel_rule
    return names, pick(rule.text, rule.text_en) if advice.not_by_12387 else None


class ReviewPage(FieldPage):
    def __init__(
        self,
        ctx: EditContext,
        jump: Callable[[int], None],
        export: Callable[[str, Callable[[str], None]], None],
        record: Callable[[dict[str, object]], Recorded | None],
        export_docx: Callable[[str, Callable[[str], None]], None] | None = None,
        notices: Callable[[Callable[[str], None]], QWidget] | None = None,
        filing: Callable[[str, str, Callable[[str], None]], None] | None = None,
        export_worksheet: Callable[[Callable[[str], None]], None] | None = None,
    ) -> None:
        """``notices(say)`` builds the personal-information notices group (``gui.notice_group``);
        ``filing(helper, kind, say)`` makes the 12387 e-mail draft, phone script or fax cover."""
        self.filing = filing
        super().__init__(ctx, "pageReview", tr("检查与导出"), tr("看看还缺什么，导出报告，报送后在这里登记。"))
        self.jump = jump
        self.export = export
        self.export_docx = export_docx or (lambda _kind, say: say(""))
        self.export_worksheet = export_worksheet or (lambda say: say(""))
        self.record = record
        self.ready = named(QLabel(""), "readyMeter")
        self.ready.setWordWrap(True)
        self.ready.setStyleSheet("font-weight: bold; padding: 6px; background: #eef4fa; border-radius: 6px;")
        self.missing = named(QLabel(""), "missingItems")
        self.missing.setWordWrap(True)
        self.missing.linkActivated.connect(lambda link: self.jump(int(link.split(":")[1])))
        self.obligations = named(QLabel(""), "obligationChannels")
        self.obligations.setWordWrap(True)
        for w in (self.ready, form_section(tr("缺项（点击跳到该页）")), self.missing, form_section(tr("报告义务与渠道")), self.obligations):
            self.layout_.addWidget(w)
        self._build_export()
        self.notices = notices(self.export_result.setText) if notices is not None else None
        if self.notices is not None:
            self.layout_.addWidget(self.notices)
        self._build_submission()
        self.finish_layout()

    def _build_export(self) -> None:
        box = QGroupBox(tr("导出报告 PDF"))
        row = QHBoxLayout(box)
        self.kind = named(QComboBox(), "reportKind")
        for kind in REPORT_KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.kind.setAccessibleName(tr("报告类型"))
        self.export_button = named(QPushButton(tr("预览并导出 PDF…")), "exportPdf")
        self.export_button.clicked.connect(self._export)
        self.docx_button = named(QPushButton(tr("导出 Word…")), "exportDocx")
        self.docx_button.setToolTip(tr("同样的内容，可编辑的 Word 文件（.docx），供要求 Word 格式的单位使用"))
        self.docx_button.clicked.connect(self._export_docx)
        self.export_result: QLabel = named(reserved_line(), "exportResult")
        self.worksheet_button = named(QPushButton(tr("导出报送工作单…")), "exportWorksheet")
        self.worksheet_button.setToolTip(tr("自己用的工作单：每项报告义务的期限和状态、可用渠道、缺项和预计升级，不用报送"))
        self.worksheet_button.clicked.connect(lambda: self.export_worksheet(self.export_result.setText))
        row.addWidget(self.kind)
        row.addWidget(self.export_button)
        row.addWidget(self.docx_button)
        row.addWidget(self.worksheet_button)
        row.addStretch(1)
        self.layout_.addWidget(box)
        self.layout_.addWidget(self.export_result)  # under the buttons, its lines reserved: nothing moves
        if self.filing is None:
            return
        helpers = QGroupBox(tr("报送用的材料"))
        helper_row = QHBoxLayout(helpers)
        for name, text, helper in (
            ("reviewEmailDraft", tr("12387 邮件草稿（附报告 PDF）…"), FILING_EMAIL),
            ("reviewPhoneScript", tr("12387 电话报告稿…"), FILING_PHONE),
            ("reviewFaxCover", tr("12387 传真封面…"), FILING_FAX),
        ):
            button = named(QPushButton(text), name)
            button.clicked.connect(lambda _=False, h=helper: self._file(h))
            helper_row.addWidget(button)
        helper_row.addStretch(1)
        self.layout_.addWidget(helpers)

    def _file(self, helper: str) -> None:
        assert self.filing is not None
        self.filing(helper, self.kind.currentData(), self.export_result.setText)

    def _build_submission(self) -> None:
        box = QGroupBox(tr("登记报送（报送后填写，证明按时报告）"))
        layout = QVBoxLayout(box)
        self.submission = SubmissionForm(self.ctx.pack, self.ctx.now(), box, clock=self.ctx.now)  # the present moment, not the page's making
        self.sub_button = named(QPushButton(tr("登记报送")), "recordSubmission")
        self.sub_button.clicked.connect(self._record)
        layout.addWidget(self.submission)
        layout.addWidget(self.sub_button)
        self.layout_.addWidget(box)

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        set_beijing(self.submission.time, self.ctx.now())

    def refresh(self) -> None:
        super().refresh()
        result, errors, _warnings = self.ctx.assessment()
        self._show_missing(result, errors)
        self._show_obligations(result)
        show = getattr(self.notices, "show_obligations", None)
        if show is not None:
            show(result.obligations)

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        return -1  # the last page (the personal-information page has a higher id)

    def _show_missing(self, result: Assessment, errors: list[Finding]) -> None:
        """Renders core's answer (``core.readiness``): what the first report lacks, and the
        nearest deadline with the time to it or past it."""
        ready = readiness(result, self.ctx.now())
        unreadable = list(dict.fromkeys(e.path for e in errors))  # left out of grading until corrected

        def links(keys: list[str]) -> str:
            return join([f'<a href="page:{page_of(k)}">{escape(field_name(k))}</a>' for k in keys]) or tr("无")

        first = escape(tr("首报已报送；补报时补充：") if ready.first_sent else tr("首报（第一、二项）尚缺："))
        more = escape(tr("完整报告另缺："))
        to_correct = escape(tr("须更正（无法识别，暂未计入）："))
        fix = f"<br><b>{to_correct}</b>{links(unreadable)}" if unreadable else ""
        self.missing.setText(f"<b>{first}</b>{links(ready.lacking_first)}<br><b>{more}</b>{links(ready.lacking_complete)}{fix}")
        if ready.nearest is None:
            self.ready.setText(tr("目前没有正在倒计时的报告期限。"))
            return
        left = format_hms(ready.seconds)
        advice = (
            tr("可以先报第一、二项，其余及时补报（{basis}）。").format(basis=basis(citations.supplement(self.ctx.pack)))
            if ready.report_known_now
            else tr("首报还缺 {n} 项（见下）；来不及补齐也要在期限前先报已知情况。").format(n=len(ready.lacking_first))
        )
        where = tr("最近期限：{r}，已超时 {left}，仍须尽快报告。") if ready.overdue else tr("最近期限：{r}，还剩 {left}。")
        self.ready.setText(where.format(r=recipient_name(ready.nearest, self.ctx.pack), left=left) + advice)

    def _show_obligations(self, result: Assessment) -> None:
        pack = self.ctx.pack
        parts = []
        self.submission.set_obligations(result.obligations, result.doc)
        for o in result.obligations:
            if o.due:
                due = tr("{t}（北京时间）").format(t=display_beijing(o.due))
            elif o.days is not None:
                due = tr("处置工作结束后 {d} 日内").format(d=o.days)
            elif o.id in IMMEDIATE:
                due = tr("立即（法律没有规定小时数）")
            else:
                due = tr("无固定时限，应及时")
            names, caution = channels_for(o, pack, result.doc)
            head = tr("{r}（{b}）").format(r=recipient_name(o, pack), b=basis(o.basis))
            deadline = tr("期限：{due}").format(due=due)
            ways = tr("渠道：{c}").format(c=join_clauses(names))
            text = f"<b>{escape(head)}</b> {escape(deadline)}<br>{escape(ways)}"
            if caution:
                text += f"<br><span style='color:#b42318'>{escape(caution)}</span>"
            parts.append(text)
        if result.escalations:
            parts.append(
                escape(tr("接收方还须在收到后向上级报告（供参考，不是您的期限）："))
                + "<br>"
                + "<br>".join(
                    escape(
                        tr("{by} → {to}：{m} 分钟内（{b}）").format(
                            by=escalation(e, pack, language())[0], to=escalation(e, pack, language())[1], m=e.within_minutes, b=basis(e.basis)
                        )
                    )
                    for e in result.escalations
                )
            )
        self.obligations.setText("<br><br>".join(parts))

    def _export_docx(self) -> None:
        self.export_docx(self.kind.currentData(), self.export_result.setText)

    def _export(self) -> None:
        self.export(self.kind.currentData(), self.export_result.setText)

    def _record(self) -> None:
        submission = self.submission.submission()
        if submission is None:
            return
        try:
            recorded = self.record(submission)
        except StoreError as exc:  # the form keeps what was typed
            self.submission.message.setText(tr("未能登记：{e}").format(e=said(exc)))
            return
        at = datetime.fromisoformat(str(submission["submitted_at"]))
        message = tr("已登记：{r}，{t}（北京时间）").format(r=self.submission.obligation.currentText(), t=display_beijing(at))
        anchor = tr("记录校验码：{c}（请与报送材料一起留存）").format(c=recorded.anchor) if recorded is not None else ""
        self.submission.message.setText("\n".join(line for line in (message, anchor) if line))
