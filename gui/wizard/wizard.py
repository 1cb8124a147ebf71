"""The new-incident wizard (objectName ``IncidentWizard``, product.md §2.2): eight pages
over one draft in the store, with the live countdown panel at its side.

The wizard owns no data: pages edit the draft through the ``StoreHub`` and read it back.
One assessment (``core.assessment.assess``) is recomputed when the draft changes and
shared by the pages and the panel; the shared ticker only re-formats the countdowns.
Finishing work runs from ``accepted``/``rejected`` (conventions §6); either way the draft
is already on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget, QWizard, QWizardPage

from core import field_paths as fp
from core.assessment import Assessment, assess
from core.incident import SCHEMA_ID
from core.messages import Finding
from core.rules import RulePack
from core.service import Recorded
from core.timeutil import beijing
from gui.countdown import CountdownPanel
from gui.hub import StoreHub
from gui.i18n import tr
from gui.reporting import ReportActions
from gui.submission import recipient_name
from gui.ticker import Ticker
from gui.widgets import fit_on_screen, named
from gui.wizard.base import EditContext
from gui.wizard.facts import (
    PAGE_DISCOVERY,
    PAGE_IMPACT,
    PAGE_RANSOMWARE,
    PAGE_REPORTER,
    PAGE_RESPONSE,
    PAGE_REVIEW,
    PAGE_SYSTEMS,
    PAGE_TYPE,
    DiscoveryPage,
    ReporterPage,
    SystemsPage,
    TypePage,
)
from gui.wizard.impact import ImpactPage, RansomwarePage, ResponsePage
from gui.wizard.personal_info import PAGE_PERSONAL_INFO, PersonalInfoPage
from gui.wizard.review import ReviewPage

PAGE_KEY = "wizard_page:"  # store meta: the page a draft's wizard was last on (product.md §8.4)


def page_builders(wizard: IncidentWizard) -> dict[int, Callable[[], QWizardPage]]:
    """The wizard's pages in order, by id; a new page is one more entry here (the order of
    this table is the wizard's order; the ids need not be)."""
    ctx = wizard.ctx
    return {
        PAGE_DISCOVERY: lambda: DiscoveryPage(ctx),
        PAGE_REPORTER: lambda: ReporterPage(ctx),
        PAGE_SYSTEMS: lambda: SystemsPage(ctx),
        PAGE_TYPE: lambda: TypePage(ctx),
        PAGE_IMPACT: lambda: ImpactPage(ctx),
        PAGE_RANSOMWARE: lambda: RansomwarePage(ctx),
        PAGE_PERSONAL_INFO: lambda: PersonalInfoPage(ctx),  # only when personal information was or may have been affected (D16)
        PAGE_RESPONSE: lambda: ResponsePage(ctx),
        PAGE_REVIEW: lambda: ReviewPage(
            ctx,
            wizard.jump_to,
            wizard.export_pdf,
            wizard.record_submission,
            wizard.export_docx,
            wizard.notice_group,
            wizard.filing_helper,
            wizard.export_worksheet,
        ),
    }


class IncidentWizard(QWizard):
    """``incident_id`` None: a new incident, created in the store only with its first
    answer, so closing an untouched wizard leaves nothing behind (issue 18)."""

    data_path = ""  # the database file, shown in the quick guide (set by the session)

    def __init__(self, hub: StoreHub, pack: RulePack, ticker: Ticker, incident_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IncidentWizard")
        self.setWindowTitle(tr("网络安全事件报告向导"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("关闭（已自动保存）"))
        self.hub, self.pack, self.ticker, self.incident_id = hub, pack, ticker, incident_id
        self._assessment: tuple[Assessment, list[Finding], list[Finding]] | None = None
        self.opened_at = beijing(ticker.now().replace(microsecond=0))  # the provisional start until discovery is answered (D1a)
        self.ctx = EditContext(
            pack=pack,
            document=self.document,
            change=self.change,
            now=ticker.now,
            assessment=self.assessment,
            profile=self.hub.profile,
            save_profile=self.hub.save_profile,
        )
        self.panel = CountdownPanel(names=lambda o: recipient_name(o, pack))
        self.side = side = named(QScrollArea(), "countdownScroll")  # kept: setSideWidget does not take ownership in PySide
        side.setWidgetResizable(True)
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setWidget(self.panel)
        side.setMinimumWidth(self.panel.minimumWidth() + 20)
        self.setSideWidget(side)
        self.pages: dict[int, QWizardPage] = {}
        for page_id, build in page_builders(self).items():
            self.pages[page_id] = page = build()
            self.setPage(page_id, page)
        fit_on_screen(self, 1100, 760)
        hub.incidentChanged.connect(self._incident_changed)
        ticker.tick.connect(self.panel.refresh)
        ticker.tick.connect(self._tick)
        self.accepted.connect(self.hub.flush)
        self.rejected.connect(self.hub.flush)
        self.saved_page = self.hub.meta(PAGE_KEY + incident_id) if incident_id else None  # read before showing page 1 overwrites it
        self.currentIdChanged.connect(self._remember_page)
        guide = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self)
        guide.activated.connect(self.show_guide)
        self._replan()

    def document(self) -> dict[str, Any]:
        """The draft; a new incident not yet created reads as an empty one."""
        if self.incident_id is None:
            return {fp.SCHEMA: SCHEMA_ID}
        return self.hub.document(self.incident_id)

    def show_guide(self) -> None:
        """F1 in the wizard: the offline quick guide."""
        from gui.guide import show_guide

        self.guide = show_guide(self.pack, self.data_path, self)

    # --- where the user stopped (product.md §8.4) ---
    def _remember_page(self, page_id: int) -> None:
        if self.incident_id is not None and page_id >= 0 and self.hub.meta(PAGE_KEY + self.incident_id) != str(page_id):
            self.hub.set_meta(PAGE_KEY + self.incident_id, str(page_id))

    def resume(self) -> None:
        """Open on the page the user was last on for this draft."""
        saved = self.saved_page
        if saved and saved.isdigit() and int(saved) in self.pages:
            self.jump_to(int(saved))

    # --- the shared assessment ---
    def assessment(self) -> tuple[Assessment, list[Finding], list[Finding]]:
        if self._assessment is None:
            result = assess(self.document(), self.pack, self.ticker.now())
            self._assessment = (result, result.errors, result.warnings)
        return self._assessment

    def _tick(self, now: datetime) -> None:
        """Time alone can change the answer (D18: a running outage or defacement reaches a
        threshold; a due time passes): recompute when core's next moment of change has come,
        not on every tick; running durations' figures follow the clock on the impact page."""
        result = self.assessment()[0]
        change = result.next_change
        page = self.currentPage()
        if change is not None and now >= change:
            self._assessment = None
            self._replan()
            if page is not None and hasattr(page, "refresh"):
                page.refresh()
        elif result.running and page is not None and hasattr(page, "tick"):
            page.tick()

    def _incident_changed(self, incident_id: str) -> None:
        if self.incident_id is None or incident_id != self.incident_id:
            return
        self._assessment = None
        self._replan()
        page = self.currentPage()
        if page is not None and hasattr(page, "refresh"):
            page.refresh()

    def _replan(self) -> None:
        """The cards; until discovery is answered they count from the moment the wizard
        opened, and say so (D1a: never a silent "now")."""
        result = self.assessment()[0]
        provisional = not result.doc.get(fp.DISCOVERED_AT)
        if provisional:
            doc = dict(self.document(), discovered_at=self.opened_at.isoformat(timespec="seconds"))
            result = assess(doc, self.pack, self.ticker.now())
        self.panel.set_notice(tr("按现在起算（请确认发现时间）") if provisional else "")
        self.panel.set_obligations(result.obligations, self.ticker.now())

    def change(self, path: str, value: Any) -> None:
        self.hub.set_field(self.created_id(), path, value)
        self._remember_page(self.currentId())

    def jump_to(self, page_id: int) -> None:
        """Go to a page (from a link on the review page), keeping everything typed."""
        self.hub.flush()
        order = list(self.pages)
        if page_id not in order:
            return
        target = order.index(page_id)

        def rank() -> int:
            return order.index(self.currentId()) if self.currentId() in order else -1

        while self.currentId() != page_id and rank() > target:
            self.back()
        while self.currentId() != page_id and rank() < target:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    # --- export and submissions ---
    def created_id(self) -> str:
        """The incident's id; exporting or recording first creates it if still new."""
        if self.incident_id is None:
            self.incident_id = self.hub.create_incident()
        return self.incident_id

    def export_pdf(self, kind: str, say: Callable[[str], None]) -> None:
        """Render (in the background), preview and save the report; record its snapshot.
        ``say`` shows the outcome on the page."""
        ReportActions(self.hub, self.pack).export(self, self.created_id(), kind, self.ticker.now(), say)

    def export_docx(self, kind: str, say: Callable[[str], None]) -> None:
        """The same report as an editable Word file."""
        ReportActions(self.hub, self.pack).export_docx(self, self.created_id(), kind, self.ticker.now(), say)

    def export_worksheet(self, say: Callable[[str], None]) -> None:
        """The reporter's worksheet (报送工作单) beside the report."""
        ReportActions(self.hub, self.pack).export_worksheet(self, self.created_id(), self.ticker.now(), say)

    def filing_helper(self, helper: str, kind: str, say: Callable[[str], None]) -> None:
        """The 12387 e-mail draft, phone script or fax cover, as the desk makes them."""
        from gui.wizard.review import FILING_EMAIL, FILING_PHONE

        actions, incident_id, now = ReportActions(self.hub, self.pack), self.created_id(), self.ticker.now()
        if helper == FILING_PHONE:
            say(actions.phone_script(self, incident_id, now))
        elif helper == FILING_EMAIL:
            actions.email_draft(self, incident_id, kind, now, say)
        else:
            actions.fax_cover(self, incident_id, kind, now, say)

    def notice_group(self, say: Callable[[str], None]) -> QWidget:
        """The desk's personal-information notices group, for the review page (product.md §8.4)."""
        from gui.notice_group import NoticeGroup

        return NoticeGroup(self.hub, self.pack, self.ticker.now, lambda: self.incident_id, lambda: self.jump_to(PAGE_PERSONAL_INFO), say, columns=2)

    def record_submission(self, submission: dict[str, Any]) -> Recorded:
        return self.hub.add_submission(self.created_id(), submission)
