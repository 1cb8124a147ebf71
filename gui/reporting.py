"""Producing what gets sent: the report PDF of any kind (首报 / 补报 / 续报 / 总结报告),
the filing helpers of the report issue (an e-mail draft with the PDF, the 12387 phone
script, a fax cover) and the personal-information notices (D16) as PDF or Word. Used by
the wizard's review page and by the desk; every file goes through a preview or a save dialog (``gui.dialogs``), every snapshot is recorded, and
each step hands one sentence for the screen to ``say`` instead of raising. Rendering
runs off the UI thread (``gui.tasks``)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QWidget

from core import __version__
from core import field_paths as fp
from core.files import WriteRefused, write_private_file
from core.incident import Doc, validate
from core.rules import RulePack
from core.timeutil import beijing
from gui import dialogs, tasks
from gui.hub import StoreHub
from gui.i18n import join_clauses, kind_name, language, said, tr

Say = Callable[[str], None]  # shows one sentence to the user
RenderResult = tuple[str | None, str | None, int]  # (error, PDF SHA-256, pages)


def default_name(doc: Doc, kind: str, now: datetime, suffix: str, label: str | None = None) -> str:
    """``<title>-<kind>-<yyyymmdd-hhmm><suffix>``; ``label`` names a kind that is not a report's."""
    title = str(doc.get(fp.TITLE) or tr("网络安全事件"))
    for bad in '/\\:*?"<>|':
        title = title.replace(bad, "_")
    return f"{title}-{label or kind_name(kind)}-{beijing(now).strftime('%Y%m%d-%H%M')}{suffix}"


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

    def _render_then(self, incident_id: str, doc: Doc, kind: str, now: datetime, target: Path, then: Callable[[RenderResult], None]) -> None:
        """Render the report PDF to ``target`` off the UI thread, then call ``then`` with
        ``(error, pdf sha256, pages)`` on the GUI thread. The worker gets data only."""
        previous, attachments = self.hub.last_submitted(incident_id), self.hub.attachments(incident_id)
        pack, anchor = self.pack, self.hub.service.record_anchor()  # the footer's record anchor (§9.4)

        def work() -> RenderResult:
            from core.report import ReportError, Stamp, render_report  # lazy: reportlab loads only on export

            try:
                info = render_report(
                    doc, pack, kind, now, target, previous=previous, attachments=attachments, app_version=__version__, stamp=Stamp(anchor=anchor)
                )
            except ReportError as exc:
                return said(exc), None, 0
            except OSError as exc:
                return tr("无法生成报告：{e}").format(e=exc.strerror or exc), None, 0
            return None, info.pdf_sha256, info.pages

        tasks.run(work, then, lambda exc: then((tr("无法生成报告：{e}").format(e=exc), None, 0)))

    def export(self, parent: QWidget | None, incident_id: str, kind: str, now: datetime, say: Say) -> None:
        """Render (in the background), preview and save the report; record its snapshot.
        ``say`` gets the one sentence for the screen."""
        self._render_in_temp(
            incident_id,
            kind,
            now,
            lambda _doc: "preview.pdf",
            say,
            lambda doc, pdf, result: self._preview_and_save(parent, incident_id, doc, kind, now, pdf, result),
        )

    def _render_in_temp(
        self, incident_id: str, kind: str, now: datetime, file_name: Callable[[Doc], str], say: Say, finish: Callable[[Doc, Path, RenderResult], str]
    ) -> None:
        """Check the document, render its report into a private temporary folder in the
        background, then ``finish`` with it on the GUI thread; the folder is removed after."""
        doc, problem = self._document(incident_id)
        if problem:
            say(problem)
            return
        tmp = Path(tempfile.mkdtemp(prefix="incident-report-"))
        pdf = tmp / file_name(doc)

        def rendered(result: RenderResult) -> None:
            try:
                say(finish(doc, pdf, result))
            finally:
                shutil.rmtree(tmp, ignore_errors=True)

        say(tr("正在生成报告……"))
        self._render_then(incident_id, doc, kind, now, pdf, rendered)

    def _preview_and_save(self, parent: QWidget | None, incident_id: str, doc: Doc, kind: str, now: datetime, preview: Path, result: RenderResult) -> str:
        error, sha256, _pages = result
        if error:
            return error
        if not dialogs.preview_pdf(parent, str(preview)):
            return tr("已取消导出。")
        target = dialogs.save_file(parent, tr("保存报告"), str(Path.home() / default_name(doc, kind, now, ".pdf")), "PDF (*.pdf)")
        if not target:
            return tr("已取消导出。")
        saved = self._write(Path(target), preview.read_bytes())
        if saved:
            return saved
        self.hub.record_export(incident_id, kind, doc, sha256)
        return tr("已保存{k}：{p}").format(k=kind_name(kind), p=target)

    @staticmethod
    def _write(target: Path, data: bytes) -> str | None:
        """Write where the user chose (the save dialog asked before replacing a file): in one
        step, readable only by the user, never through a symbolic link."""
        try:
            write_private_file(target, data, force=True)
        except WriteRefused as exc:
            return said(exc)
        except OSError as exc:
            return tr("无法保存到 {p}：{e}。请换一个文件夹再试。").format(p=target, e=exc.strerror or exc)
        return None

    def export_docx(self, parent: QWidget | None, incident_id: str, kind: str, now: datetime, say: Say) -> None:
        """The same report as an editable Word file (.docx), for offices that ask for one;
        made in the background, saved where the user chooses."""
        doc, problem = self._document(incident_id)
        if problem:
            say(problem)
            return
        target = dialogs.save_file(parent, tr("保存 Word 文件"), str(Path.home() / default_name(doc, kind, now, ".docx")), tr("Word 文件 (*.docx)"))
        if not target:
            say(tr("已取消导出。"))
            return
        previous, attachments, pack = self.hub.last_submitted(incident_id), self.hub.attachments(incident_id), self.pack
        anchor = self.hub.service.record_anchor()

        def work() -> bytes:
            from core.report import Stamp, render_report_docx

            with tempfile.TemporaryDirectory(prefix="incident-report-") as folder:
                written = render_report_docx(
                    doc,
                    pack,
                    kind,
                    now,
                    Path(folder) / "report.docx",
                    previous=previous,
                    attachments=attachments,
                    app_version=__version__,
                    stamp=Stamp(anchor=anchor),
                )
                return written.read_bytes()

        def done(data: bytes) -> None:
            say(self._write(Path(target), data) or tr("已保存 Word 文件：{p}").format(p=target))

        say(tr("正在生成报告……"))
        tasks.run(work, done, lambda exc: say(tr("无法生成报告：{e}").format(e=exc)))

    def export_worksheet(self, parent: QWidget | None, incident_id: str, now: datetime, say: Say) -> None:
        """The reporter's own worksheet (报送工作单, product.md §9.4: every duty with its due
        time and status, the channels that reach each recipient, what is missing, the
        projections) as a PDF beside the report, made in the background."""
        doc, problem = self._document(incident_id)
        if problem:
            say(problem)
            return
        name = default_name(doc, "", now, ".pdf", label=tr("报送工作单"))
        target = dialogs.save_file(parent, tr("保存报送工作单"), str(Path.home() / name), "PDF (*.pdf)")
        if not target:
            say(tr("已取消导出。"))
            return
        pack, anchor = self.pack, self.hub.service.record_anchor()

        def work() -> bytes:
            from core.report import Stamp, render_worksheet_bytes

            return render_worksheet_bytes(doc, pack, now, app_version=__version__, stamp=Stamp(anchor=anchor))

        def done(data: bytes) -> None:
            say(self._write(Path(target), data) or tr("已保存报送工作单：{p}").format(p=target))

        say(tr("正在生成报送工作单……"))
        tasks.run(work, done, lambda exc: say(tr("无法生成报送工作单：{e}").format(e=exc)))

    def export_notice(self, parent: QWidget | None, incident_id: str, kind: str, fmt: str, now: datetime, say: Say, refused: Say) -> None:
        """A personal-information notice (个人信息保护法第五十七条, D16) as PDF or Word, made in
        the background and saved where the user chooses. A notice lacking one of the three
        items is refused before the save dialog: ``refused`` gets what to fill."""
        from core.notice import NoticeError, notice_content
        from core.notice import kind_name as notice_name

        doc, problem = self._document(incident_id)
        if problem:
            refused(problem)
            return
        try:
            notice_content(doc, self.pack, kind, now, language())  # the refusal in the user's language
        except NoticeError as exc:
            refused(str(exc))
            return
        suffix, filters = (".docx", tr("Word 文件 (*.docx)")) if fmt == "docx" else (".pdf", "PDF (*.pdf)")
        name = notice_name(kind, language())
        target = dialogs.save_file(parent, tr("保存{k}").format(k=name), str(Path.home() / default_name(doc, kind, now, suffix, notice_name(kind))), filters)
        if not target:
            say(tr("已取消导出。"))
            return
        pack, lang = self.pack, language()

        def work() -> bytes:
            from core.notice import render_notice  # lazy: reportlab and python-docx load only here

            return render_notice(doc, pack, kind, fmt, now, lang=lang)

        def done(data: bytes) -> None:
            say(self._write(Path(target), data) or tr("已保存{k}：{p}").format(k=name, p=target))

        def failed(exc: Exception) -> None:
            (refused if isinstance(exc, NoticeError) else say)(str(exc) if isinstance(exc, NoticeError) else tr("无法生成通知：{e}").format(e=exc))

        say(tr("正在生成通知……"))
        tasks.run(work, done, failed)

    def email_draft(self, parent: QWidget | None, incident_id: str, kind: str, now: datetime, say: Say) -> None:
        """An unsent e-mail to the 12387 mailbox with the report PDF attached (.eml)."""
        self._render_in_temp(
            incident_id,
            kind,
            now,
            lambda doc: default_name(doc, kind, now, ".pdf"),
            say,
            lambda doc, pdf, result: self._save_email(parent, incident_id, doc, kind, now, pdf, result),
        )

    def _save_email(self, parent: QWidget | None, incident_id: str, doc: Doc, kind: str, now: datetime, pdf: Path, result: RenderResult) -> str:
        error, sha256, _pages = result
        if error:
            return error
        from core.report.filing import eml_draft

        data = eml_draft(doc, self.pack, kind, pdf, now)
        target = dialogs.save_file(parent, tr("保存邮件草稿"), str(Path.home() / default_name(doc, kind, now, ".eml")), tr("邮件草稿 (*.eml)"))
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

    def fax_cover(self, parent: QWidget | None, incident_id: str, kind: str, now: datetime, say: Say) -> None:
        """A one-page cover for faxing the report to 12387 (its page count from the report,
        rendered in the background)."""
        doc, problem = self._document(incident_id)
        if problem:
            say(problem)
            return
        target = dialogs.save_file(parent, tr("保存传真封面"), str(Path.home() / default_name(doc, kind, now, "-" + tr("传真封面") + ".pdf")), "PDF (*.pdf)")
        if not target:
            say(tr("已取消。"))
            return
        tmp = Path(tempfile.mkdtemp(prefix="incident-report-"))

        def rendered(result: RenderResult) -> None:
            shutil.rmtree(tmp, ignore_errors=True)
            say(self._save_cover(doc, kind, now, target, result))

        say(tr("正在生成报告……"))
        self._render_then(incident_id, doc, kind, now, tmp / "report.pdf", rendered)

    def _save_cover(self, doc: Doc, kind: str, now: datetime, target: str, result: RenderResult) -> str:
        error, _sha256, pages = result
        if error:
            return error
        from core.report import ReportError
        from core.report.filing import render_fax_cover

        try:
            render_fax_cover(doc, self.pack, kind, now, target, pages)
        except (ReportError, OSError) as exc:
            return tr("无法保存到 {p}：{e}。请换一个文件夹再试。").format(p=target, e=getattr(exc, "strerror", None) or said(exc))
        return tr("传真封面已保存：{p}（报告共 {n} 页）").format(p=target, n=pages)
