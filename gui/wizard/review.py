"""Wizard page 8: what is missing (each a link to its page), the obligations with the
channels that fit them (D13), export of the report PDF, and recording a submission."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from core.assessment import Assessment, channel_advice
from core.obligations import Obligation
from core.rules import RulePack
from core.timeutil import display_beijing, format_hms
from core.vocab import REPORT_KINDS
from gui.i18n import basis, join, join_clauses, kind_name, pick, tr
from gui.submission import SubmissionForm, recipient_name, set_beijing
from gui.wizard.base import EditContext, FieldPage
from gui.wizard.facts import PAGE_DISCOVERY, PAGE_IMPACT, PAGE_RANSOMWARE, PAGE_REPORTER, PAGE_RESPONSE, PAGE_SYSTEMS, PAGE_TYPE
from gui.wizard.fields import form_section

FIELD_NAMES = {
    "reporter.name": QT_TR_NOOP("单位名称"),
    "systems": QT_TR_NOOP("涉事系统"),
    "discovered_at": QT_TR_NOOP("发现时间"),
    "location": QT_TR_NOOP("地点"),
    "type.class": QT_TR_NOOP("事件类型"),
    "impact": QT_TR_NOOP("级别（影响情况）"),
    "harm": QT_TR_NOOP("已造成的影响和危害"),
    "measures_taken": QT_TR_NOOP("已采取的措施及效果"),
    "ransomware.amount": QT_TR_NOOP("赎金金额"),
    "ransomware.currency": QT_TR_NOOP("赎金币种"),
    "ransomware.method": QT_TR_NOOP("支付方式"),
    "ransomware.date": QT_TR_NOOP("赎金日期"),
    "trend": QT_TR_NOOP("事态发展趋势"),
    "cause": QT_TR_NOOP("原因初步分析"),
    "leads.attacker": QT_TR_NOOP("攻击者信息"),
    "leads.attack_path": QT_TR_NOOP("攻击路径"),
    "leads.vulnerabilities": QT_TR_NOOP("存在的漏洞"),
    "planned_measures": QT_TR_NOOP("拟采取的措施"),
    "support_requested": QT_TR_NOOP("请求支援事项"),
    "scene_preservation": QT_TR_NOOP("现场保护情况"),
    "other": QT_TR_NOOP("其他情况"),
}


def page_of(key: str) -> int:
    if key.startswith("reporter"):
        return PAGE_REPORTER
    if key == "systems":
        return PAGE_SYSTEMS
    if key.startswith("type"):
        return PAGE_TYPE
    if key == "impact":
        return PAGE_IMPACT
    if key.startswith("ransomware"):
        return PAGE_RANSOMWARE
    if key in ("discovered_at", "location"):
        return PAGE_DISCOVERY
    return PAGE_RESPONSE


def channels_for(obligation: Obligation, pack: RulePack) -> tuple[list[str], str | None]:
    """The channels core says fit an obligation, formatted, and the caution where 12387
    cannot stand in for the recipient."""
    advice = channel_advice(obligation, pack)
    if advice.cyberspace:
        return [tr("{name}（{detail}）").format(name=pick(c.name, c.name_en), detail=c.detail) if c.detail else pick(c.name, c.name_en)
                for c in advice.cyberspace], None
    if advice.direct:
        rule = pack.channel_rule
        return [tr("直接联系接收单位：当面、电话或其指定方式")], pick(rule.text, rule.text_en) if advice.not_by_12387 else None
    return [tr("按接收单位要求的方式（原渠道）")], None


class ReviewPage(FieldPage):
    def __init__(self, ctx: EditContext, jump: Callable[[int], None], export: Callable[[str, Callable[[str], None]], None],
                 record: Callable[[dict[str, object]], None]) -> None:
        super().__init__(ctx, "pageReview", tr("检查与导出"), tr("看看还缺什么，导出报告，报送后在这里登记。"))
        self.jump = jump
        self.export = export
        self.record = record
        self.ready = QLabel("", objectName="readyMeter")
        self.ready.setWordWrap(True)
        self.ready.setStyleSheet("font-weight: bold; padding: 6px; background: #eef4fa; border-radius: 6px;")
        self.missing = QLabel("", objectName="missingItems")
        self.missing.setWordWrap(True)
        self.missing.linkActivated.connect(lambda link: self.jump(int(link.split(":")[1])))
        self.obligations = QLabel("", objectName="obligationChannels")
        self.obligations.setWordWrap(True)
        for w in (self.ready, form_section(tr("缺项（点击跳到该页）")), self.missing,
                  form_section(tr("报告义务与渠道")), self.obligations):
            self.layout_.addWidget(w)
        self._build_export()
        self._build_submission()
        self.finish_layout()

    def _build_export(self) -> None:
        box = QGroupBox(tr("导出报告 PDF"))
        row = QHBoxLayout(box)
        self.kind = QComboBox(objectName="reportKind")
        for kind in REPORT_KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.kind.setAccessibleName(tr("报告类型"))
        self.export_button = QPushButton(tr("预览并导出 PDF…"), objectName="exportPdf")
        self.export_button.clicked.connect(self._export)
        self.export_result = QLabel("", objectName="exportResult")
        self.export_result.setWordWrap(True)
        row.addWidget(self.kind)
        row.addWidget(self.export_button)
        row.addWidget(self.export_result, 1)
        self.layout_.addWidget(box)

    def _build_submission(self) -> None:
        box = QGroupBox(tr("登记报送（报送后填写，证明按时报告）"))
        layout = QVBoxLayout(box)
        self.submission = SubmissionForm(self.ctx.pack, self.ctx.now(), box)
        self.sub_button = QPushButton(tr("登记报送"), objectName="recordSubmission")
        self.sub_button.clicked.connect(self._record)
        layout.addWidget(self.submission)
        layout.addWidget(self.sub_button)
        self.layout_.addWidget(box)

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        set_beijing(self.submission.time, self.ctx.now())

    def refresh(self) -> None:
        super().refresh()
        result, _errors, _warnings = self.ctx.assessment()
        self._show_missing(result)
        self._show_obligations(result)

    def _show_missing(self, result: Assessment) -> None:
        initial, complete = result.missing["initial"], result.missing["complete"]
        rest = [k for k in complete if k not in initial]

        def links(keys: list[str]) -> str:
            return join([f'<a href="page:{page_of(k)}">{escape(tr(FIELD_NAMES.get(k, k)))}</a>' for k in keys]) or tr("无")

        first, complete = escape(tr("首报（第一、二项）尚缺：")), escape(tr("完整报告另缺："))
        self.missing.setText(f"<b>{first}</b>{links(initial)}<br><b>{complete}</b>{links(rest)}")
        timed = [o for o in result.obligations if o.has_clock and o.due is not None]
        now = self.ctx.now()
        if timed:
            nearest = min(timed, key=lambda o: o.due)  # type: ignore[arg-type,return-value]
            assert nearest.due is not None
            left = format_hms(abs((nearest.due - now).total_seconds()))
            advice = (tr("可以先报第一、二项，其余及时补报（第七条第二款）。") if not initial else
                      tr("首报还缺 {n} 项（见下）；来不及补齐也要在期限前先报已知情况。").format(n=len(initial)))
            where = tr("最近期限：{r}，还剩 {left}。") if nearest.due >= now else tr("最近期限：{r}，已超时 {left}，仍须尽快报告。")
            self.ready.setText(where.format(r=recipient_name(nearest, self.ctx.pack), left=left) + advice)
        else:
            self.ready.setText(tr("目前没有正在倒计时的报告期限。"))

    def _show_obligations(self, result: Assessment) -> None:
        pack = self.ctx.pack
        parts = []
        self.submission.set_obligations(result.obligations)
        for o in result.obligations:
            if o.due:
                due = tr("{t}（北京时间）").format(t=display_beijing(o.due))
            elif o.days is not None:
                due = tr("处置工作结束后 {d} 日内").format(d=o.days)
            else:
                due = tr("无固定时限，应及时")
            names, caution = channels_for(o, pack)
            head = tr("{r}（{b}）").format(r=recipient_name(o, pack), b=basis(o.basis))
            deadline = tr("期限：{due}").format(due=due)
            ways = tr("渠道：{c}").format(c=join_clauses(names))
            text = f"<b>{escape(head)}</b> {escape(deadline)}<br>{escape(ways)}"
            if caution:
                text += f"<br><span style='color:#b42318'>{escape(caution)}</span>"
            parts.append(text)
        if result.escalations:
            parts.append(escape(tr("接收方还须在收到后向上级报告（供参考，不是您的期限）：")) + "<br>" + "<br>".join(
                escape(tr("{by} → {to}：{m} 分钟内（{b}）").format(by=e.by, to=e.to, m=e.within_minutes, b=basis(e.basis)))
                for e in result.escalations))
        self.obligations.setText("<br><br>".join(parts))

    def _export(self) -> None:
        self.export(self.kind.currentData(), self.export_result.setText)

    def _record(self) -> None:
        submission = self.submission.submission(self.ctx.now())
        if submission is None:
            return
        self.record(submission)
        at = datetime.fromisoformat(str(submission["submitted_at"]))
        self.submission.message.setText(tr("已登记：{r}，{t}（北京时间）").format(
            r=self.submission.obligation.currentText(), t=display_beijing(at)))
