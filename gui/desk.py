"""The desk for the incident selected in the main window (objectName ``incidentDesk``):
its countdown cards (the same cards as in the wizard), the submissions ledger, the report
history with each snapshot's PDF hash, and the actions that move an incident on:
continue editing / export / record a submission (in the wizard), and mark handling ended,
which starts the 30-day summary clock (D7)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from core.check import CheckResult, assess_draft
from core.rules import RulePack
from core.timeutil import beijing, display_beijing
from gui.countdown import CountdownPanel
from gui.hub import StoreHub
from gui.i18n import kind_name, tr


class IncidentDesk(QWidget):
    def __init__(self, hub: StoreHub, pack: RulePack, now: Callable[[], datetime],
                 open_wizard: Callable[[str], object]) -> None:
        super().__init__()
        self.setObjectName("incidentDesk")
        self.hub, self.pack, self.now, self.open_wizard = hub, pack, now, open_wizard
        self.incident_id: str | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(tr("选择左侧的事件查看期限和报送记录。"), objectName="deskHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(tr("继续编辑 / 导出 / 登记报送"), objectName="deskEdit")
        self.edit_button.clicked.connect(self._edit)
        self.ended_button = QPushButton(tr("处置工作已结束"), objectName="deskHandlingEnded")
        self.ended_button.setToolTip(tr("记下处置结束时间；总结报告须在其后 30 日内报送（第八条）"))
        self.ended_button.clicked.connect(self._handling_ended)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.ended_button)
        layout.addLayout(buttons)
        self.panel = CountdownPanel()
        self.panel.empty.setText(tr("这里显示所选事件每项报告义务的倒计时。"))
        layout.addWidget(self.panel)
        self.ledger = QLabel("", objectName="submissionLedger")
        self.ledger.setWordWrap(True)
        self.history = QLabel("", objectName="reportHistory")
        self.history.setWordWrap(True)
        for widget in (self.ledger, self.history):
            widget.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            widget.setMargin(6)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(widget)
            layout.addWidget(scroll)
        self._enable(False)
        hub.incidentChanged.connect(self._changed)

    def _enable(self, on: bool) -> None:
        self.edit_button.setEnabled(on)
        self.ended_button.setEnabled(on)

    def show_incident(self, incident_id: str | None) -> None:
        self.incident_id = incident_id
        self._enable(incident_id is not None)
        self.reload()

    def _changed(self, incident_id: str) -> None:
        if incident_id == self.incident_id:
            self.reload()

    def reload(self) -> None:
        if self.incident_id is None:
            self.panel.set_obligations([], self.now())
            self.ledger.setText("")
            self.history.setText("")
            return
        doc = self.hub.document(self.incident_id)
        result, _errors = assess_draft(doc, self.pack, self.now())
        title = doc.get("title") or tr("（未命名事件）")
        drill = tr("（演练）") if doc.get("drill") else ""
        self.heading.setText(f"<b>{escape(title)}</b>{escape(drill)}　{escape(tr('定级'))}：{escape(self.pack.grade(result.grading.grade).name)}")
        self.ended_button.setEnabled(doc.get("handling_ended_at") is None)
        self.panel.set_obligations(result.obligations if doc.get("discovered_at") else [], self.now())
        self.ledger.setText(self._ledger(result))
        self.history.setText(self._history())

    def _ledger(self, result: CheckResult) -> str:
        subs = result.doc.get("submissions") or []
        if not subs:
            return "<b>" + escape(tr("报送记录")) + "</b><br>" + escape(tr("还没有登记报送。"))
        names = {o.id: o for o in result.obligations}
        rows = []
        for sub in subs:
            ob = names.get(sub["obligation"])
            at = datetime.fromisoformat(sub["submitted_at"])
            timing = ""
            if ob is not None and ob.due is not None and sub["kind"] != "summary":
                timing = tr("按时") if at <= ob.due else tr("迟于期限")
            channel = self.pack.channel(sub["channel"]).name if sub.get("channel") else ""
            rows.append(escape(f"{display_beijing(at)}　{kind_name(sub['kind'])}　"
                               f"{ob.recipient if ob else sub['obligation']}　{channel}　{timing}"
                               + (f"　{tr('编号')}：{sub['reference']}" if sub.get("reference") else "")))
        return "<b>" + escape(tr("报送记录")) + "</b><br>" + "<br>".join(rows)

    def _history(self) -> str:
        assert self.incident_id is not None
        rows = []
        for snap in self.hub.store.snapshots(self.incident_id):
            kind = str(snap["kind"])
            if kind.startswith("submitted:"):
                continue
            pdf = snap.get("pdf_sha256") or ""
            rows.append(escape(f"{str(snap['created_at'])[:19].replace('T', ' ')} UTC　{kind_name(kind)}　"
                               f"PDF SHA-256 {pdf[:16]}…"))
        body = "<br>".join(rows) if rows else escape(tr("还没有导出报告。"))
        return "<b>" + escape(tr("已导出的报告")) + "</b><br>" + body

    def refresh(self, now: datetime) -> None:
        self.panel.refresh(now)

    def _edit(self) -> None:
        if self.incident_id:
            self.open_wizard(self.incident_id)

    def _handling_ended(self) -> None:
        if not self.incident_id:
            return
        self.hub.set_field(self.incident_id, "handling_ended_at", beijing(self.now()).isoformat(timespec="seconds"))
        self.hub.flush()
        self.reload()
