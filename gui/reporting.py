"""Producing what gets sent: the report PDF of any kind (首报 / 补报 / 续报 / 总结报告),
and the filing helpers of the report issue (an e-mail draft with the PDF, the 12387 phone
script, a fax cover). Used by the wizard's review page and by the desk; every file goes
through a preview or a save dialog (``gui.dialogs``), every snapshot is recorded, and
each step returns one sentence for the screen instead of raising."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QWidget

from core import __version__
from core.incident import Doc, validate
from core.rules import RulePack
from core.timeutil import beijing
from gui import dialogs
from gui.hub import StoreHub
from gui.i18n import join_clauses, kind_name, language, tr


def default_name(doc: Doc, kind: str, now: datetime, suffix: str) -> str:
    title = str(doc.get("title") or tr("网络安全事件"))
    for bad in '/\\:*?"<>|':
        title = title.replace(bad, "_")
    return f"{title}-{kind_name(kind)}-{beijing(now).strftime('%Y%m%d-%H%M')}{suffix}"


class ReportActions:
    """The report and filing actions for one store and rule pack."""

    def __init__(self, hub: StoreHub, pack: RulePack) -> None:
        self.hub, self.pack = hub, pack

    def _document(self, incident_id: str) -> tuple[Doc, str | None]:
        self.hub.flush()
        doc = self.hub.document(incident_id)
        errors, _warnings = validate(doc, self.pack)
        if errors:
            return doc, tr("请先修正：") + join_clauses(e.line(language()) for e in errors[:3])
        return doc, None

    def _render(self, incident_id: str, doc: Doc, kind: str, now: datetime, target: Path) -> tuple[str | None, str | None, int]:
        """Render the report PDF to ``target``: (error, pdf sha256, pages)."""
        from core.report import ReportError, render_report  # lazy: reportlab loads only on export

        try:
            info = render_report(doc, self.pack, kind, now, target, previous=self.hub.last_submitted(incident_id),
                                 attachments=self.hub.attachments(incident_id), app_version=__version__)
        except ReportError as exc:
            return str(exc), None, 0
        except OSError as exc:
            return tr("无法生成报告：{e}").format(e=exc.strerror or exc), None, 0
        return None, info.pdf_sha256, info.pages

    def export(self, parent: QWidget | None, incident_id: str, kind: str, now: datetime) -> str:
        """Render, preview and save the report; record its snapshot."""
        doc, problem = self._document(incident_id)
        if problem:
            return problem
        with tempfile.TemporaryDirectory() as tmp:
            preview = Path(tmp) / "preview.pdf"
            error, sha256, _pages = self._render(incident_id, doc, kind, now, preview)
            if error:
                return error
            if not dialogs.preview_pdf(parent, str(preview)):
                return tr("已取消导出。")
            target = dialogs.save_file(parent, tr("保存报告"), str(Path.home() / default_name(doc, kind, now, ".pdf")),
                                       "PDF (*.pdf)")
            if not target:
                return tr("已取消导出。")
            saved = self._write(Path(target), preview.read_bytes())
            if saved:
                return saved
        self.hub.record_export(incident_id, kind, doc, sha256)
        return tr("已保存{k}：{p}").format(k=kind_name(kind), p=target)

    @staticmethod
    def _write(target: Path, data: bytes) -> str | None:
        try:
            target.write_bytes(data)
        except OSError as exc:
            return tr("无法保存到 {p}：{e}。请换一个文件夹再试。").format(p=target, e=exc.strerror or exc)
        return None

    def email_draft(self, parent: QWidget | None, incident_id: str, kind: str, now: datetime) -> str:
        """An unsent e-mail to the 12387 mailbox with the report PDF attached (.eml)."""
        doc, problem = self._document(incident_id)
        if problem:
            return problem
        from core.report.filing import eml_draft

        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / default_name(doc, kind, now, ".pdf")
            error, sha256, _pages = self._render(incident_id, doc, kind, now, pdf)
            if error:
                return error
            data = eml_draft(doc, self.pack, kind, pdf, now)
        target = dialogs.save_file(parent, tr("保存邮件草稿"), str(Path.home() / default_name(doc, kind, now, ".eml")),
                                   tr("邮件草稿 (*.eml)"))
        if not target:
            return tr("已取消。")
        saved = self._write(Path(target), data)
        if saved:
            return saved
        self.hub.record_export(incident_id, kind, doc, sha256)
        return tr("邮件草稿已保存：{p}。用邮件程序打开它，核对后发送。").format(p=target)

    def phone_script(self, parent: QWidget | None, incident_id: str, now: datetime) -> str:
        """What to say on the 12387 hotline (第七条 items 一 and 二), shown to read out."""
        doc, problem = self._document(incident_id)
        if problem:
            return problem
        from core.report.filing import phone_script

        dialogs.show_text(parent, tr("12387 电话报告稿"), phone_script(doc, self.pack, now))
        return tr("已显示电话报告稿。打完电话请登记报送。")

    def fax_cover(self, parent: QWidget | None, incident_id: str, kind: str, now: datetime) -> str:
        """A one-page cover for faxing the report to 12387 (page count from the report)."""
        doc, problem = self._document(incident_id)
        if problem:
            return problem
        from core.report import ReportError
        from core.report.filing import render_fax_cover

        target = dialogs.save_file(parent, tr("保存传真封面"),
                                   str(Path.home() / default_name(doc, kind, now, "-" + tr("传真封面") + ".pdf")), "PDF (*.pdf)")
        if not target:
            return tr("已取消。")
        with tempfile.TemporaryDirectory() as tmp:
            error, _sha256, pages = self._render(incident_id, doc, kind, now, Path(tmp) / "report.pdf")
        if error:
            return error
        try:
            render_fax_cover(doc, self.pack, kind, now, target, pages)
        except (ReportError, OSError) as exc:
            return tr("无法保存到 {p}：{e}。请换一个文件夹再试。").format(p=target, e=getattr(exc, "strerror", None) or exc)
        return tr("传真封面已保存：{p}（报告共 {n} 页）").format(p=target, n=pages)
