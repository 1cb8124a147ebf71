"""The report after the first: 补报 (supplement: facts found since), 续报 (follow-up: new
developments) and the 总结报告 (summary, 第八条: within 30 days after handling ended, D7).

``NextReportDialog`` (objectName ``NextReportDialog``) shows what changed since the last
submitted report (``changesList``), what a complete report still lacks, and offers the
three steps in order: add the facts (the wizard), preview and export, record the
submission. It owns no data; each step is a callback and returns a sentence."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from core import citations
from core import field_paths as fp
from core.assessment import Assessment, summary_days
from core.incident import Doc
from core.report.changes import changes_since
from core.rules import RulePack
from core.timeutil import display_beijing
from core.vocab import ObligationId, ReportKind
from gui.i18n import basis, join, kind_name, tr
from gui.widgets import fit_on_screen, named
from gui.wizard.review import field_name

INTRO = {
    ReportKind.SUPPLEMENT: QT_TR_NOOP("补报：把首报时还不清楚、现在查清的情况报告给原接收单位（{paragraph}）。"),
    ReportKind.FOLLOWUP: QT_TR_NOOP("续报：事件有新进展（影响扩大、处置取得效果、查明原因等）时，及时报告最新情况。"),
    ReportKind.SUMMARY: QT_TR_NOOP("总结报告：处置工作结束后 {days} 日内报送，说明原因、处置、整改和教训（{article}）。"),
}


def changes_html(previous: Doc | None, doc: Doc, pack: RulePack) -> str:
    """What changed since the last submitted report, as rich text."""
    if previous is None:
        return escape(tr("还没有登记过报送，没有可比较的上一份报告。报送后请先登记，之后的补报、续报会列出变化。"))
    changes = changes_since(previous, doc, pack)
    if not changes:
        return escape(tr("与上次报送的报告相比还没有变化。先点「补充事实」写下新查清的情况。"))
    rows = [tr("{label}：{old} → {new}").format(label=f"<b>{escape(c.label)}</b>", old=escape(c.old or "—"), new=escape(c.new or "—")) for c in changes]
    return escape(tr("与上次报送相比，共 {n} 处变化：").format(n=len(changes))) + "<br>" + "<br>".join(rows)


class NextReportDialog(QDialog):
    def __init__(
        self,
        kind: str,
        result: Assessment,
        previous: Doc | None,
        pack: RulePack,
        *,
        edit: Callable[[], None],
        export: Callable[[str, Callable[[str], None]], None],
        record: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("NextReportDialog")
        self.kind = kind
        self.setWindowTitle(kind_name(kind))
        layout = QVBoxLayout(self)
        cited = {"paragraph": basis(citations.supplement(pack)), "article": basis(citations.summary_report(pack))}
        intro = named(QLabel(tr(str(INTRO[ReportKind(kind)])).format(days=summary_days(pack), **cited)), "nextReportIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.due = named(QLabel(""), "summaryDue")
        self.due.setWordWrap(True)
        layout.addWidget(self.due)
        self.changes = named(QLabel(""), "changesList")
        self.changes.setWordWrap(True)
        self.changes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.changes.setMargin(6)
        self.changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.changes)
        layout.addWidget(scroll, 1)
        self.missing = named(QLabel(""), "nextReportMissing")
        self.missing.setWordWrap(True)
        layout.addWidget(self.missing)
        self.message = named(QLabel(""), "nextReportMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        for name, text, action in (
            ("nextReportEdit", tr("① 补充事实(&E)…"), edit),
            ("nextReportExport", tr("② 预览并导出(&X)…"), lambda: export(kind, self.message.setText)),
            ("nextReportRecord", tr("③ 登记报送(&S)…"), lambda: self.message.setText(record(kind))),
            ("nextReportClose", tr("关闭"), self.accept),
        ):
            button = named(QPushButton(text), name)
            button.clicked.connect(action)
            row.addWidget(button)
        layout.addLayout(row)
        fit_on_screen(self, 620, 460)
        self.update_from(result, previous, pack)

    def update_from(self, result: Assessment, previous: Doc | None, pack: RulePack) -> None:
        """Show the incident as it is now (called again whenever it changes)."""
        doc = result.doc
        note = ""
        if self.kind == ReportKind.SUMMARY:
            summary = result.obligation(ObligationId.SUMMARY_REPORT)
            if not doc.get(fp.HANDLING_ENDED_AT):
                note = tr("还没有记下处置工作结束时间。处置结束后在事件台点「处置工作已结束」，总结报告的 {days} 日期限从那时起算。").format(
                    days=summary_days(pack)
                )
            elif summary is not None and summary.due is not None:
                note = tr("总结报告期限：{d}（北京时间）。").format(d=display_beijing(summary.due))
        self.due.setText(note)
        self.due.setVisible(bool(note))
        self.changes.setText(changes_html(previous, doc, pack))
        missing = [field_name(k) for k in result.missing["complete"]]
        self.missing.setText(
            tr("完整报告尚缺：{m}").format(m=join(missing)) if missing else tr("{basis}各项都已填写。").format(basis=basis(citations.report_items(pack)))
        )
