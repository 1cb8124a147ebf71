"""The desk for the incident selected in the main window (objectName ``incidentDesk``,
product.md §2.1): the actions that move an incident on, and five tabs — its countdown
cards (the same cards as in the wizard), the submissions ledger (on time or late), the
exported-report history with each PDF's hash, the timeline and the attachments.

Actions: continue editing (the wizard), record a submission, export a report of any
kind, new supplement (补报) and follow-up (续报) showing what changed since the last
submitted report, mark handling ended (starts the 30-day summary clock, D7), the summary
report, the filing helpers (e-mail draft, phone script, fax cover), and for an incident
touching personal information the 「个人信息通知」 group (D16, ``gui.notice_group``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import QT_TR_NOOP, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import citations
from core import field_paths as fp
from core.assessment import Assessment, assess, next_report_kind, projection_sentence, submission_verdicts, summary_days
from core.rules import RulePack
from core.service import StoreError
from core.timeutil import beijing, display_beijing
from core.vocab import REPORT_KINDS, ReportKind, Status
from gui import dialogs
from gui.countdown import CountdownPanel
from gui.desk_tabs import AttachmentPane, TimelinePane
from gui.hub import StoreHub
from gui.i18n import basis, kind_name, language, pick, said, tr
from gui.next_report import NextReportDialog
from gui.notice_group import NoticeGroup, ledger_notice, notice_hashes
from gui.reporting import ReportActions
from gui.submission import SubmissionDialog, recipient_name
from gui.widgets import named

VERDICT_WORDS = {Status.MET: str(QT_TR_NOOP("按时")), Status.LATE: str(QT_TR_NOOP("迟于期限"))}  # core's verdict on a submission, in words


def _scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    return scroll


def _rich_label(name: str) -> QLabel:
    label = named(QLabel(""), name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setMargin(6)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class IncidentDesk(QWidget):
    message = Signal(str)  # one sentence for the status bar

    def __init__(self, hub: StoreHub, pack: RulePack, now: Callable[[], datetime], open_wizard: Callable[[str], object]) -> None:
        super().__init__()
        self.setObjectName("incidentDesk")
        self.hub, self.pack, self.now, self.open_wizard = hub, pack, now, open_wizard
        self.reports = ReportActions(hub, pack)
        self.incident_id: str | None = None
        self.result: Assessment | None = None
        self.next_dialog: NextReportDialog | None = None
        layout = QVBoxLayout(self)
        self.heading = named(QLabel(tr("选择左侧的事件查看期限和报送记录。")), "deskHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addLayout(self._build_actions())
        self.notices = NoticeGroup(hub, pack, now, lambda: self.incident_id, self._open_personal_info, self._say, self)
        layout.addWidget(self.notices)
        self.tabs = named(QTabWidget(), "deskTabs")
        self.panel = CountdownPanel(names=lambda o: recipient_name(o, pack))
        self.panel.empty.setText(tr("这里显示所选事件每项报告义务的倒计时。"))
        self.ledger = _rich_label("submissionLedger")
        self.history = _rich_label("reportHistory")
        self.timeline = TimelinePane(hub, now)
        self.attachments = AttachmentPane(hub)
        for widget, title in (
            (_scrolled(self.panel), tr("期限(&1)")),
            (_scrolled(self.ledger), tr("报送记录(&2)")),
            (_scrolled(self.history), tr("已导出的报告(&3)")),
            (self.timeline, tr("时间线(&4)")),
            (self.attachments, tr("附件(&5)")),
        ):
            self.tabs.addTab(widget, title)
        layout.addWidget(self.tabs, 1)
        self._enable(False)
        hub.incidentChanged.connect(self._changed)

    def _button(self, name: str, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = named(QPushButton(text), name)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.clicked.connect(slot)
        return button

    def _build_actions(self) -> QGridLayout:
        self.edit_button = self._button("deskEdit", tr("继续编辑(&E)"), tr("打开向导，补充或修改事件情况"), self._edit)
        self.submit_button = self._button("deskRecordSubmission", tr("登记报送(&S)…"), tr("报送以后记下何时、以何种方式、向谁报送"), self.record_submission)
        self.export_button = self._button("deskExport", tr("导出报告(&X)"), tr("选择报告类型，预览并保存 PDF"), lambda: None)
        self.export_menu = QMenu(self)
        for kind in REPORT_KINDS:
            action = QAction(kind_name(kind) + "…", self)
            action.setObjectName(f"deskExport_{kind}")
            action.triggered.connect(lambda _c=False, k=kind: self.export(k))
            self.export_menu.addAction(action)
        self.export_menu.addSeparator()
        word = QAction(tr("Word 文件（.docx，可编辑）…"), self)
        word.setObjectName("deskExportDocx")
        word.triggered.connect(lambda _c=False: self.export_docx())
        self.export_menu.addAction(word)
        self.export_menu.addSeparator()
        sheet = QAction(tr("报送工作单（自己用，PDF）…"), self)
        sheet.setObjectName("deskExportWorksheet")
        sheet.triggered.connect(lambda _c=False: self.export_worksheet())
        self.export_menu.addAction(sheet)
        self.export_button.setMenu(self.export_menu)
        self.supplement_button = self._button(
            "deskSupplement", tr("新补报(&U)…"), tr("首报后查清了新情况：列出与上次报送相比的变化，导出补报"), lambda: self.next_report(ReportKind.SUPPLEMENT)
        )
        self.followup_button = self._button(
            "deskFollowup", tr("新续报(&F)…"), tr("事件有新进展：列出与上次报送相比的变化，导出续报"), lambda: self.next_report(ReportKind.FOLLOWUP)
        )
        days = summary_days(self.pack)
        self.ended_button = self._button(
            "deskHandlingEnded",
            tr("处置工作已结束(&D)"),
            tr("记下处置结束时间；总结报告须在其后 {days} 日内报送（{basis}）").format(days=days, basis=basis(citations.summary_report(self.pack))),
            self._handling_ended,
        )
        self.summary_button = self._button(
            "deskSummary", tr("总结报告(&Y)…"), tr("处置结束后 {days} 日内报送的总结报告").format(days=days), lambda: self.next_report(ReportKind.SUMMARY)
        )
        self.filing_button = self._button("deskFiling", tr("报送辅助(&H)"), tr("邮件草稿、电话报告稿、传真封面"), lambda: None)
        menu = QMenu(self)
        for name, text, slot in (
            ("deskEmailDraft", tr("12387 邮件草稿（附报告 PDF）…"), self._email),
            ("deskPhoneScript", tr("12387 电话报告稿…"), self._phone),
            ("deskFaxCover", tr("12387 传真封面…"), self._fax),
        ):
            action = QAction(text, self)
            action.setObjectName(name)
            action.triggered.connect(slot)
            menu.addAction(action)
        self.filing_button.setMenu(menu)
        grid = QGridLayout()
        buttons = (
            self.edit_button,
            self.submit_button,
            self.export_button,
            self.filing_button,
            self.supplement_button,
            self.followup_button,
            self.ended_button,
            self.summary_button,
        )
        for i, button in enumerate(buttons):
            grid.addWidget(button, i // 4, i % 4)
        self.buttons = buttons
        return grid

    def _enable(self, on: bool) -> None:
        for button in self.buttons:
            button.setEnabled(on)

    # --- showing ---
    def show_incident(self, incident_id: str | None) -> None:
        if incident_id != self.incident_id and self.next_dialog is not None:
            self.next_dialog.close()
            self.next_dialog = None
        self.incident_id = incident_id
        self._enable(incident_id is not None)
        self.reload()

    def _changed(self, incident_id: str) -> None:
        if incident_id == self.incident_id:
            self.reload()

    def reload(self) -> None:
        if self.incident_id is None:
            self.result = None
            self.heading.setText(tr("选择左侧的事件查看期限和报送记录。"))
            self.panel.set_obligations([], self.now())
            self.notices.show_obligations([])
            self.ledger.setText("")
            self.history.setText("")
            self.timeline.show_doc(None, None)
            self.attachments.show_doc(None)
            return
        try:
            doc = self.hub.document(self.incident_id)
        except StoreError as exc:  # a damaged or vanished file: say so where the incident would be
            self.result = None
            self.heading.setText(escape(said(exc)))
            self.notices.show_obligations([])
            self._enable(False)
            self.message.emit(said(exc))
            return
        result = assess(doc, self.pack, self.now())
        self.result = result
        title = doc.get(fp.TITLE) or tr("（未命名事件）")
        drill = " " + tr("（演练）") if doc.get(fp.DRILL) else ""
        grade = self.pack.grade(result.grading.grade)
        self.heading.setText(f"<b>{escape(title)}</b>{escape(drill)}<br>" + escape(tr("定级：{g}").format(g=pick(grade.name, grade.name_en))))
        projection = projection_sentence(result, self.pack, language())
        if projection:  # D18: a running outage or defacement, and what it will reach when
            self.heading.setText(self.heading.text() + "<br><span style='color:#8a4b00'>" + escape(projection) + "</span>")
        ended = doc.get(fp.HANDLING_ENDED_AT)
        self.ended_button.setEnabled(ended is None)
        if ended:
            self.heading.setText(
                self.heading.text() + "<br>" + escape(tr("处置工作结束：{t}（北京时间）").format(t=display_beijing(datetime.fromisoformat(ended))))
            )
        self.panel.set_obligations(result.obligations if doc.get(fp.DISCOVERED_AT) else [], self.now())
        self.notices.show_obligations(result.obligations)
        self.ledger.setText(self._ledger(result))
        self.history.setText(self._history())
        self.timeline.show_doc(self.incident_id, doc)
        self.attachments.show_doc(self.incident_id)
        if self.next_dialog is not None:
            self.next_dialog.update_from(result, self.hub.last_submitted(self.incident_id), self.pack)

    def _ledger(self, result: Assessment) -> str:
        subs = result.doc.get(fp.SUBMISSIONS) or []
        heading = "<b>" + escape(tr("报送记录")) + "</b><br>"
        if not subs:
            return heading + escape(tr("还没有登记报送。报送以后点「登记报送」记下来，日后可证明按时报告。"))
        obligations = {o.id: o for o in result.obligations}
        verdicts = submission_verdicts(result)  # only the report that answers a deadline is judged
        hashes = notice_hashes(self.hub.snapshots(self.incident_id)) if self.incident_id else {}
        rows = []
        for index, sub in enumerate(subs):
            ob = obligations.get(sub["obligation"])
            if sub["kind"] == ReportKind.NOTICE:
                rows.append(escape(ledger_notice(sub, ob, self.pack, hashes)))
                continue
            at = datetime.fromisoformat(sub["submitted_at"])
            parts = [display_beijing(at), kind_name(sub["kind"]), recipient_name(ob, self.pack) if ob else sub["obligation"]]
            if sub.get("channel"):
                channel = self.pack.channel(sub["channel"])
                parts.append(pick(channel.name, channel.name_en))
            if index in verdicts:
                parts.append(tr(VERDICT_WORDS[verdicts[index]]))
            if sub.get("person"):
                parts.append(tr("报送人 {p}").format(p=sub["person"]))
            if sub.get("reference"):
                parts.append(tr("编号 {r}").format(r=sub["reference"]))
            rows.append(escape(" · ".join(parts)))
        return heading + "<br>".join(rows)

    def _history(self) -> str:
        assert self.incident_id is not None
        rows = []
        for snap in self.hub.snapshots(self.incident_id):
            kind = str(snap["kind"])
            if kind not in REPORT_KINDS:  # "submitted:…" snapshots are the base for changes, not exports
                continue
            created = display_beijing(datetime.fromisoformat(str(snap["created_at"])))
            pdf = snap.get("pdf_sha256") or ""
            rows.append(escape(f"{created} · {kind_name(kind)} · PDF SHA-256 {pdf}"))
        body = "<br>".join(rows) if rows else escape(tr("还没有导出报告。"))
        return "<b>" + escape(tr("已导出的报告")) + "</b><br>" + body

    def refresh(self, now: datetime) -> None:
        """Each second: the countdowns; and when core's next moment of change has come (a
        running duration reaches a threshold, a due time passes), the whole answer again."""
        change = self.result.next_change if self.result is not None else None
        if change is not None and now >= change:
            self.reload()
        self.panel.refresh(now)
        self.timeline.tick(now)

    # --- actions ---
    def _say(self, text: str) -> None:
        self.message.emit(text)

    def _open_personal_info(self) -> None:
        """Open the wizard on the personal-information page (a notice was refused)."""
        if self.incident_id:
            wizard = self.open_wizard(self.incident_id)
            jump = getattr(wizard, "jump_to", None)
            if callable(jump):
                from gui.wizard.personal_info import PAGE_PERSONAL_INFO

                jump(PAGE_PERSONAL_INFO)

    def _edit(self) -> None:
        if self.incident_id:
            self.open_wizard(self.incident_id)

    def export(self, kind: str | None = None) -> None:
        """Export a report (Ctrl+E: the kind most likely needed next)."""
        if not self.incident_id:
            self._say(tr("请先在左侧选择一个事件。"))
            return
        kind = kind or next_report_kind(self.hub.document(self.incident_id))
        self.reports.export(self, self.incident_id, kind, self.now(), self._say)

    def export_docx(self, kind: str | None = None) -> None:
        """The report most likely needed next (or ``kind``) as an editable Word file."""
        if not self.incident_id:
            self._say(tr("请先在左侧选择一个事件。"))
            return
        kind = kind or next_report_kind(self.hub.document(self.incident_id))
        self.reports.export_docx(self, self.incident_id, kind, self.now(), self._say)

    def export_worksheet(self) -> None:
        """The reporter's worksheet (报送工作单): duties, channels, gaps and projections."""
        if not self.incident_id:
            self._say(tr("请先在左侧选择一个事件。"))
            return
        self.reports.export_worksheet(self, self.incident_id, self.now(), self._say)

    def record_submission(self, kind: str | None = None) -> str:
        if not self.incident_id or self.result is None:
            return ""
        dialog = SubmissionDialog(
            self.pack,
            self.result.obligations,
            self.now(),
            parent=self,
            obligation=self._open_obligation(),
            kind=kind or next_report_kind(self.result.doc),
            doc=self.result.doc,
        )
        while True:  # a write that fails shows why in the same form, with what was typed
            if not dialogs.run(dialog) or dialog.result_ is None:
                return tr("已取消登记。")
            try:
                recorded = self.hub.add_submission(self.incident_id, dialog.result_)
                break
            except StoreError as exc:
                dialog.form.message.setText(tr("未能登记：{e}").format(e=said(exc)))
        at = datetime.fromisoformat(str(dialog.result_["submitted_at"]))
        anchor = tr("记录校验码：{c}（请与报送材料一起留存）").format(c=recorded.anchor)
        message = tr("已登记报送：{t}（北京时间）").format(t=display_beijing(at)) + "  " + anchor
        self._say(message)
        return message

    def _open_obligation(self) -> str | None:
        """The nearest obligation still open, to preselect."""
        assert self.result is not None
        timed = sorted((o for o in self.result.obligations if o.has_clock), key=lambda o: o.due)  # type: ignore[arg-type,return-value]
        return timed[0].id if timed else None

    def next_report(self, kind: str) -> NextReportDialog | None:
        def edit() -> None:
            self.open_wizard(incident_id)

        if not self.incident_id or self.result is None:
            return None
        if self.next_dialog is not None:
            self.next_dialog.close()
        incident_id = self.incident_id
        self.next_dialog = NextReportDialog(
            kind,
            self.result,
            self.hub.last_submitted(incident_id),
            self.pack,
            edit=edit,
            export=lambda k, say: self.reports.export(self, incident_id, k, self.now(), say),
            record=lambda k: self.record_submission(k),
            parent=self,
        )
        self.next_dialog.setWindowFlag(Qt.WindowType.Window)
        self.next_dialog.show()  # not modal: the wizard opened from it must stay usable
        return self.next_dialog

    def _handling_ended(self) -> None:
        if not self.incident_id:
            return
        at = beijing(self.now()).replace(microsecond=0)
        self.hub.set_field(self.incident_id, fp.HANDLING_ENDED_AT, at.isoformat(timespec="seconds"))
        self.hub.flush()
        self.reload()
        self._say(
            tr("已记下处置结束时间 {t}；总结报告的 {days} 日期限已开始计算（{basis}）。").format(
                t=display_beijing(at), days=summary_days(self.pack), basis=basis(citations.summary_report(self.pack))
            )
        )

    def _email(self) -> None:
        if self.incident_id:
            kind = next_report_kind(self.hub.document(self.incident_id))
            self.reports.email_draft(self, self.incident_id, kind, self.now(), self._say)

    def _phone(self) -> None:
        if self.incident_id:
            self._say(self.reports.phone_script(self, self.incident_id, self.now()))

    def _fax(self) -> None:
        if self.incident_id:
            kind = next_report_kind(self.hub.document(self.incident_id))
            self.reports.fax_cover(self, self.incident_id, kind, self.now(), self._say)
