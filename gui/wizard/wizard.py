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
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget, QWizard

from core.assessment import Assessment, assess
from core.messages import Finding
from core.rules import RulePack
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
from gui.wizard.review import ReviewPage


class IncidentWizard(QWizard):
    def __init__(self, hub: StoreHub, pack: RulePack, ticker: Ticker, incident_id: str, parent: QWidget | None = None) -> None:
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
        self.ctx = EditContext(
            pack=pack,
            document=lambda: self.hub.document(self.incident_id),
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
        pages = {
            PAGE_DISCOVERY: DiscoveryPage(self.ctx),
            PAGE_REPORTER: ReporterPage(self.ctx),
            PAGE_SYSTEMS: SystemsPage(self.ctx),
            PAGE_TYPE: TypePage(self.ctx),
            PAGE_IMPACT: ImpactPage(self.ctx),
            PAGE_RANSOMWARE: RansomwarePage(self.ctx),
            PAGE_RESPONSE: ResponsePage(self.ctx),
            PAGE_REVIEW: ReviewPage(self.ctx, self.jump_to, self.export_pdf, self.record_submission, self.export_docx),
        }
        for page_id, page in pages.items():
            self.setPage(page_id, page)
        self.pages = pages
        fit_on_screen(self, 1100, 760)
        hub.incidentChanged.connect(self._incident_changed)
        ticker.tick.connect(self.panel.refresh)
        self.accepted.connect(self.hub.flush)
        self.rejected.connect(self.hub.flush)
        self._replan()

    # --- the shared assessment ---
    def assessment(self) -> tuple[Assessment, list[Finding], list[Finding]]:
        if self._assessment is None:
            result = assess(self.hub.document(self.incident_id), self.pack, self.ticker.now())
            self._assessment = (result, result.errors, result.warnings)
        return self._assessment

    def _incident_changed(self, incident_id: str) -> None:
        if incident_id != self.incident_id:
            return
        self._assessment = None
        self._replan()
        page = self.currentPage()
        if page is not None and hasattr(page, "refresh"):
            page.refresh()

    def _replan(self) -> None:
        result = self.assessment()[0]
        shown = result.obligations if result.doc.get("discovered_at") else []
        self.panel.set_obligations(shown, self.ticker.now())

    def change(self, path: str, value: Any) -> None:
        self.hub.set_field(self.incident_id, path, value)

    def start_now(self, now: datetime) -> None:
        """A new incident: discovery defaults to now (D1)."""
        page = self.pages[PAGE_DISCOVERY]
        assert isinstance(page, DiscoveryPage)
        page.discovered.set_datetime(beijing(now))
        self.change("discovered_at", beijing(now.replace(microsecond=0)).isoformat(timespec="seconds"))

    def jump_to(self, page_id: int) -> None:
        """Go to a page (from a link on the review page), keeping everything typed."""
        self.hub.flush()
        while self.currentId() != page_id and self.currentId() > page_id and self.currentId() != -1:
            self.back()
        while self.currentId() != page_id and self.currentId() < page_id:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    # --- export and submissions ---
    def export_pdf(self, kind: str, say: Callable[[str], None]) -> None:
        """Render (in the background), preview and save the report; record its snapshot.
        ``say`` shows the outcome on the page."""
        ReportActions(self.hub, self.pack).export(self, self.incident_id, kind, self.ticker.now(), say)

    def export_docx(self, kind: str, say: Callable[[str], None]) -> None:
        """The same report as an editable Word file."""
        ReportActions(self.hub, self.pack).export_docx(self, self.incident_id, kind, self.ticker.now(), say)

    def record_submission(self, submission: dict[str, Any]) -> None:
        self.hub.add_submission(self.incident_id, submission)
