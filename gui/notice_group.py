"""The personal-information notices group (个人信息保护法第五十七条, D16), one widget shared by
the desk and the wizard's review page (objectName ``piNotices``): record that the department
or the individuals were notified, write down why individuals are not notified (and take it
back: the department can still require the notice), and make the notice documents — the
letter (告知书), the SMS text, the public notice (公告) and the report to the department.

The documents are always Chinese; in the English UI an English preview is offered beside
them. A refused document (one of the three items of 第五十七条第一款 is empty) is shown with
what to fill and a button that opens the wizard on the personal-information page. The law
(which obligations, which channels, what the notices say) is core's; files are written
through ``gui.reporting``."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import citations
from core import field_paths as fp
from core.assessment import check
from core.incident import Doc
from core.messages import InvalidIncident
from core.notice import ANNOUNCEMENT, AUTHORITY, LETTER, NOTICE_KINDS, SMS, NoticeError, kind_name, notice_content, preview
from core.notice.sms import SMS_LIMIT, SmsTexts
from core.obligations import Obligation
from core.rules import RulePack
from core.service import SUBMITTED_PREFIX, StoreError
from core.timeutil import display_beijing
from core.vocab import Channel, ObligationId, ReportKind
from gui import dialogs
from gui.hub import StoreHub
from gui.i18n import basis, english, language, pick, said, tr
from gui.i18n import kind_name as kind_label
from gui.notice_dialogs import NoticeDialog, WaiverDialog, notice_obligations
from gui.reporting import ReportActions, Say
from gui.submission import recipient_name
from gui.widgets import fit_on_screen, named

# The document that fits each means of notifying individuals (网络数据安全管理条例第十一条);
# any other means (phone, e-mail) gets the letter's text.
CHANNEL_KIND: dict[str, str] = {Channel.SMS: SMS, Channel.IM: SMS, Channel.ANNOUNCEMENT: ANNOUNCEMENT, Channel.LETTER: LETTER}


def suggested_text(doc: Doc, pack: RulePack, obligation_id: str, channel: str | None, now: datetime) -> str | None:
    """The generated text for a notice given through ``channel`` (the short SMS for 短信, the
    longer SMS for instant messaging, the text of the letter, the public notice or the
    department's report), or None when it cannot be generated yet."""
    kind = AUTHORITY if obligation_id == ObligationId.PI_AUTHORITY_NOTICE else CHANNEL_KIND.get(str(channel), LETTER)
    try:
        content = notice_content(doc, pack, kind, now)
    except (NoticeError, InvalidIncident):
        return None
    if isinstance(content, SmsTexts):
        return content.short if channel == Channel.SMS else content.long
    from core.notice import text

    return text.render(content)


class SmsDialog(QDialog):
    """objectName ``SmsDialog``: the one-message text (``smsShort``, at most 70 characters)
    and the longer variant (``smsLong``), each with its character count and a 复制 button."""

    def __init__(self, texts: SmsTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SmsDialog")
        self.setWindowTitle(tr("短信文本"))
        layout = QVBoxLayout(self)
        self.short = self._part(layout, "smsShort", tr("一条短信（{n} 字，一条最多 {limit} 字）").format(n=len(texts.short), limit=SMS_LIMIT), texts.short, 90)
        self.long = self._part(layout, "smsLong", tr("完整短信（{n} 字，将分多条发送）").format(n=len(texts.long)), texts.long, 180)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_on_screen(self, 560, 460)

    def _part(self, layout: QVBoxLayout, name: str, heading: str, body: str, height: int) -> QPlainTextEdit:
        row = QHBoxLayout()
        label = named(QLabel(heading), name + "Count")
        label.setWordWrap(True)
        copy = named(QPushButton(tr("复制")), name + "Copy")
        copy.setAccessibleName(tr("复制") + " " + heading)
        row.addWidget(label, 1)
        row.addWidget(copy)
        layout.addLayout(row)
        view = named(QPlainTextEdit(body), name)
        view.setReadOnly(True)
        view.setAccessibleName(heading)
        view.setMinimumHeight(height)
        layout.addWidget(view)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(body))
        return view


# The notice documents offered, with the formats the group offers for each (the SMS opens a dialog).
DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("piLetter", LETTER, str(QT_TR_NOOP("告知书（PDF / Word）"))),
    ("piSms", SMS, str(QT_TR_NOOP("短信文本…"))),
    ("piAnnouncement", ANNOUNCEMENT, str(QT_TR_NOOP("公告（PDF / Word）"))),
    ("piAuthorityReport", AUTHORITY, str(QT_TR_NOOP("给部门的报告（PDF / Word）"))),
)


class NoticeGroup(QGroupBox):
    """The 「个人信息通知」 group; hidden when the incident has no personal-information
    obligations. ``incident_id`` gives the incident (the wizard creates it on demand);
    ``open_pi_page`` opens the wizard on the personal-information page; ``say`` shows one
    sentence (status bar or page); ``columns``: the buttons per row (fewer on a narrow page)."""

    def __init__(
        self,
        hub: StoreHub,
        pack: RulePack,
        now: Callable[[], datetime],
        incident_id: Callable[[], str | None],
        open_pi_page: Callable[[], None],
        say: Say,
        parent: QWidget | None = None,
        columns: int = 4,
    ) -> None:
        super().__init__(tr("个人信息通知"), parent)
        self.setObjectName("piNotices")
        self.hub, self.pack, self.now, self.incident_id, self.open_pi_page, self.say = hub, pack, now, incident_id, open_pi_page, say
        self.reports = ReportActions(hub, pack)
        self.obligations: list[Obligation] = []
        layout = QVBoxLayout(self)
        self.record_authority = self._button("piRecordAuthority", tr("登记已通知部门…"), lambda: self.record(ObligationId.PI_AUTHORITY_NOTICE))
        self.record_individuals = self._button("piRecordIndividuals", tr("登记已通知个人…"), lambda: self.record(ObligationId.PI_INDIVIDUAL_NOTICE))
        self.waive_button = self._button("piWaive", tr("不通知个人（写明理由）…"), self.waive)
        self.withdraw_button = self._button("piWithdrawWaiver", tr("改为须通知个人"), self.withdraw)
        self.withdraw_button.setToolTip(
            tr("履行个人信息保护职责的部门认为可能造成危害的，有权要求通知个人（{basis}）").format(basis=basis(citations.notice_waiver(pack)))
        )
        self.documents: dict[str, QPushButton] = {}
        for name, kind, text in DOCUMENTS:
            button = named(QPushButton(tr(text)), name)
            if kind == SMS:
                button.clicked.connect(self.sms)
            else:
                button.setMenu(self._formats_menu(name, kind))  # PDF or Word
            self.documents[kind] = button
        self.preview_button = self._button("piPreviewEnglish", tr("预览（英文）"), lambda: None)
        self.preview_button.setToolTip(tr("通知本身是中文的；这里显示英文译文，供您核对内容"))
        menu = QMenu(self)
        for kind in NOTICE_KINDS:
            action = QAction(kind_name(kind, language()), self)
            action.setObjectName(f"piPreview_{kind}")
            action.triggered.connect(lambda _c=False, k=kind: self.preview_english(k))
            menu.addAction(action)
        self.preview_button.setMenu(menu)
        grid = QGridLayout()
        # The waiver and the way back share one place: only one of them applies at a time.
        cells: list[tuple[QPushButton, ...]] = [
            (self.record_authority,),
            (self.record_individuals,),
            (self.waive_button, self.withdraw_button),
            (self.preview_button,),
            *((b,) for b in self.documents.values()),
        ]
        for index, widgets in enumerate(cells):
            for widget in widgets:
                grid.addWidget(widget, index // columns, index % columns)
        layout.addLayout(grid)
        refusal = QHBoxLayout()
        self.message = named(QLabel(""), "piNoticeMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #9b1c1c;")
        self.fill_button = self._button("piNoticeFill", tr("去填写个人信息…"), self.open_pi_page)
        refusal.addWidget(self.message, 1)
        refusal.addWidget(self.fill_button)
        layout.addLayout(refusal)
        self.fill_button.hide()
        self.message.hide()
        self.hide()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = named(QPushButton(text), name)
        button.clicked.connect(slot)
        return button

    def _formats_menu(self, name: str, kind: str) -> QMenu:
        menu = QMenu(self)
        for fmt, text in (("pdf", tr("PDF…")), ("docx", tr("Word（.docx）…"))):
            action = QAction(text, self)
            action.setObjectName(f"{name}_{fmt}")
            action.triggered.connect(lambda _c=False, k=kind, f=fmt: self.export(k, f))
            menu.addAction(action)
        return menu

    # --- showing ---
    def show_obligations(self, obligations: Sequence[Obligation]) -> None:
        """Show the group for an incident with personal-information obligations, with the
        waiver button or the way back to notifying, by the individual notice's status."""
        self.obligations = notice_obligations(obligations)
        by_id = {o.id: o for o in self.obligations}
        self.setVisible(bool(self.obligations))
        individual = by_id.get(ObligationId.PI_INDIVIDUAL_NOTICE)
        waived = individual is not None and individual.waived
        self.record_authority.setEnabled(ObligationId.PI_AUTHORITY_NOTICE in by_id)
        self.record_individuals.setEnabled(individual is not None)
        self.waive_button.setVisible(individual is not None and individual.awaited)
        self.withdraw_button.setVisible(waived)
        self.preview_button.setVisible(english())
        if not self.obligations:
            self._clear_refusal()

    def _clear_refusal(self) -> None:
        self.message.setText("")
        self.message.hide()
        self.fill_button.hide()

    def refused(self, reason: str) -> None:
        """A document could not be made: say what to fill, with the way to the page."""
        self.message.setText(reason)
        self.message.show()
        self.fill_button.show()
        self.say(reason)

    def _said(self, text: str) -> None:
        self._clear_refusal()
        self.say(text)

    def _document(self) -> tuple[str, Doc] | None:
        incident_id = self.incident_id()
        if incident_id is None:
            return None
        self.hub.flush()
        return incident_id, self.hub.document(incident_id)

    def _obligation(self, doc: Doc, obligation_id: str) -> Obligation | None:
        try:
            obligations = check(doc, self.pack, self.now()).obligations
        except InvalidIncident as exc:
            self.refused(said(exc))
            return None
        return next((o for o in obligations if o.id == obligation_id), None)

    # --- actions ---
    def record(self, obligation_id: str) -> None:
        """Record a notice given, its text prefilled with the generated text for the channel."""
        found = self._document()
        if found is None:
            return
        incident_id, doc = found
        obligation = self._obligation(doc, obligation_id)
        if obligation is None:
            return
        now = self.now()
        dialog = NoticeDialog(self.pack, doc, obligation, now, suggest=lambda channel: suggested_text(doc, self.pack, obligation_id, channel, now), parent=self)
        if not dialogs.run(dialog) or dialog.result_ is None:
            self._said(tr("已取消登记。"))
            return
        submission, text = dialog.result_
        try:
            recorded = self.hub.record_notice(incident_id, submission, text)
        except StoreError as exc:
            self.refused(said(exc))
            return
        at = datetime.fromisoformat(str(submission["submitted_at"]))
        anchor = tr("记录校验码：{c}（请与报送材料一起留存）").format(c=recorded.anchor)
        self._said(tr("已登记通知：{who}，{t}（北京时间）").format(who=recipient_name(obligation, self.pack), t=display_beijing(at)) + "  " + anchor)

    def waive(self) -> None:
        found = self._document()
        if found is None:
            return
        incident_id, doc = found
        current = ((doc.get("personal_info") or {}).get("individual_notice_waived") or {}).get("reason") or ""
        dialog = WaiverDialog(self.pack, current, parent=self)
        if not dialogs.run(dialog) or dialog.result_ is None:
            self._said(tr("已取消。"))
            return
        try:
            self.hub.waive_individual_notice(incident_id, dialog.result_)
        except StoreError as exc:
            self.refused(said(exc))
            return
        self._said(tr("已记下不通知个人的理由。部门要求通知时，点「改为须通知个人」。"))

    def withdraw(self) -> None:
        incident_id = self.incident_id()
        if incident_id is None:
            return
        try:
            self.hub.withdraw_waiver(incident_id)
        except StoreError as exc:
            self.refused(said(exc))
            return
        self._said(tr("已改为须通知个人：请立即通知，并登记已通知个人。"))

    def export(self, kind: str, fmt: str) -> None:
        """Save one notice document (PDF or Word) where the user chooses."""
        incident_id = self.incident_id()
        if incident_id is not None:
            self.reports.export_notice(self, incident_id, kind, fmt, self.now(), self._said, self.refused)

    def sms(self) -> SmsDialog | None:
        """Show the SMS texts to copy into the phone or the SMS platform."""
        found = self._document()
        if found is None:
            return None
        _incident_id, doc = found
        try:
            texts = notice_content(doc, self.pack, SMS, self.now(), language())
            if english():
                texts = notice_content(doc, self.pack, SMS, self.now())  # the message itself is Chinese
        except (NoticeError, InvalidIncident) as exc:
            self.refused(said(exc))
            return None
        assert isinstance(texts, SmsTexts)
        dialog = SmsDialog(texts, self)
        self._clear_refusal()
        dialogs.run(dialog)
        return dialog

    def preview_english(self, kind: str) -> None:
        """The notice in English, to check what the Chinese one says (English UI)."""
        found = self._document()
        if found is None:
            return
        _incident_id, doc = found
        try:
            text = preview(doc, self.pack, kind, self.now())
        except (NoticeError, InvalidIncident) as exc:
            self.refused(said(exc))
            return
        self._clear_refusal()
        dialogs.show_text(self, tr("预览（英文）") + " · " + kind_name(kind, "en"), text)


NoticeKey = tuple[str, str, str]


def _key(sub: Mapping[str, Any]) -> NoticeKey:
    return str(sub.get("obligation")), str(sub.get("submitted_at")), str(sub.get("channel"))


def notice_hashes(snapshots: Sequence[Mapping[str, Any]]) -> dict[NoticeKey, str]:
    """The SHA-256 of the text sent with each recorded notice: each notice's snapshot holds
    the document as it stood after the notice (the new notice is the one not in the
    earlier ones) and the text's hash."""
    found: dict[NoticeKey, str] = {}
    for snap in snapshots:
        if snap.get("kind") != SUBMITTED_PREFIX + ReportKind.NOTICE or not snap.get("pdf_sha256"):
            continue
        try:
            subs = json.loads(bytes(snap["canonical_json"])).get(fp.SUBMISSIONS) or []
        except (ValueError, AttributeError, TypeError):
            continue  # a damaged snapshot: the ledger still shows the notice, without the hash
        for sub in subs:
            if isinstance(sub, dict) and sub.get("kind") == ReportKind.NOTICE and _key(sub) not in found:
                found[_key(sub)] = str(snap["pdf_sha256"])
    return found


def ledger_notice(sub: Mapping[str, Any], obligation: Obligation | None, pack: RulePack, hashes: Mapping[NoticeKey, str]) -> str:
    """One ledger line for a notice given: time, whom, means, how many people, the text's hash."""
    parts = [display_beijing(datetime.fromisoformat(str(sub["submitted_at"]))), kind_label(ReportKind.NOTICE)]
    parts.append(recipient_name(obligation, pack) if obligation else str(sub["obligation"]))
    if sub.get("channel"):
        channel = pack.channel(str(sub["channel"]))
        parts.append(pick(channel.name, channel.name_en))
    if isinstance(sub.get("recipients_count"), int):
        parts.append(tr("{n} 人").format(n=f"{sub['recipients_count']:,}"))
    digest = hashes.get(_key(sub))
    if digest:
        parts.append(tr("文本 SHA-256 {h}…").format(h=digest[:16]))
    return " · ".join(parts)
