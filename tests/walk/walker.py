"""Walks a persona through the real windows with ``Hands`` and reports what she met: the
action count at each milestone (the right clock, the report answer with its recipient, the
personal-information duties, the first-report PDF), the log, and a screenshot per action.

Used by the test suite offscreen (``test_walk.py``) and, with the X backend, by
``run.sh`` on a real X screen. The walk itself reads the app's state only to notice a
milestone; every change goes through the hands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QTableWidget, QWidget, QWizard

from tests.walk.hands import Hands, find
from tests.walk.personas import Persona

MILESTONES = ("clock", "due", "pi", "pdf")


@dataclass
class WalkResult:
    persona: Persona
    actions: int = 0
    marks: dict[str, int] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def row(self) -> str:
        cells = [str(self.marks.get(m, "—")) for m in MILESTONES]
        return f"| {self.persona.key} | " + " | ".join(cells) + f" | {self.actions} |"


def table(results: list[WalkResult]) -> str:
    head = "| persona | right clock | report due or not, to whom | personal information | first-report PDF | all actions |"
    return "\n".join([head, "|---|---|---|---|---|---|", *(r.row() for r in results)])


class Walker:
    """``session`` is a started ``gui.app.Session``; ``export`` performs the steps a person
    takes in the preview and the save dialog and returns the saved path (the suite counts
    them and writes the file; the real run presses the keys)."""

    def __init__(self, persona: Persona, session: Any, hands: Hands, export: Callable[[Hands], Path | None]) -> None:
        self.persona, self.session, self.hands, self.export_steps = persona, session, hands, export
        self.result = WalkResult(persona)
        self.pdf: Path | None = None

    @property
    def wizard(self) -> QWizard:
        return self.session.wizards[-1]

    def run(self) -> WalkResult:
        for step in self.persona.steps:
            getattr(self, "do_" + step[0])(*step[1:])
            self.notice()
        self.result.actions = self.hands.actions
        self.result.marks = dict(self.hands.marks)
        self.result.log = list(self.hands.log)
        return self.result

    # --- steps ---
    def do_start(self) -> None:
        welcome = getattr(self.session, "welcome", None)
        if welcome is not None and welcome.isVisible():
            self.hands.click(find(welcome, "startIncident", QAbstractButton))
        for _ in range(20):  # she waits for the wizard to come up (a real window takes a moment)
            if self.session.wizards and self.wizard.isActiveWindow():
                break
            self.hands.settle()

    def do_field(self, name: str, text: str) -> None:
        widget = find(self.wizard, name)
        if QApplication.focusWidget() is not widget or not widget.window().isActiveWindow():
            self.hands.click(widget, name)
        self.hands.type(text, name)

    def do_key(self, key: str) -> None:
        from PySide6.QtCore import Qt

        self.hands.key(getattr(Qt.Key, "Key_" + key))

    def do_click(self, name: str) -> None:
        self.hands.click(find(self.wizard, name), name)

    def do_choose(self, name: str, text: str) -> None:
        self.hands.choose(find(self.wizard, name, QComboBox), text)

    def do_row(self, name: str, text: str) -> None:
        self.hands.click(find(self.wizard, name + "_add", QAbstractButton), name + "_add")
        table = find(self.wizard, name, QTableWidget)
        if QApplication.focusWidget() is not table:
            rect = table.visualItemRect(table.item(table.currentRow(), 0))
            self.hands.click_at(table.viewport(), rect.center(), f"{name} first cell")
        self.hands.type(text, name)  # typing into a selected cell starts editing it

    def do_next(self) -> None:
        before = self.wizard.currentId()
        self.hands.click(self.wizard.button(QWizard.WizardButton.NextButton), "下一步")
        if self.wizard.currentId() == before:
            self.result.problems.append(f"下一步 refused on {self.wizard.currentPage().objectName()}")

    def do_export(self) -> None:
        self.hands.click(find(self.wizard, "exportPdf", QAbstractButton), "exportPdf")
        self.pdf = self.export_steps(self.hands)

    # --- milestones ---
    def notice(self) -> None:
        """After each step: mark what the app now shows her for the first time."""
        persona, hands = self.persona, self.hands
        if not self.session.wizards:
            return
        wizard = self.wizard
        assessment = wizard.assessment()[0]
        doc = assessment.doc
        if "clock" not in hands.marks and doc.get("discovered_at") == persona.discovered.isoformat(timespec="seconds"):
            first = next((o for o in assessment.obligations if o.hours), None)
            if first is not None and _card_shows(wizard, first.id, first.due) and not _notice_visible(wizard):
                hands.mark("clock")
        if "due" not in hands.marks and assessment.reportable == persona.reportable:
            shown = all(_card_visible(wizard, o) for o in persona.recipients)
            if shown and _verdict_visible(wizard, persona.reportable):
                hands.mark("due")
        if persona.pi and "pi" not in hands.marks and all(_card_visible(wizard, o) for o in ("pi_authority_notice", "pi_individual_notice")):
            hands.mark("pi")
        if self.pdf is not None and self.pdf.exists() and "pdf" not in hands.marks:
            hands.mark("pdf")


def _card(wizard: QWidget, obligation_id: str) -> QWidget | None:
    return wizard.findChild(QWidget, f"countdown_{obligation_id}")


def _card_visible(wizard: QWidget, obligation_id: str) -> bool:
    card = _card(wizard, obligation_id)
    return card is not None and card.isVisible()


def _card_shows(wizard: QWidget, obligation_id: str, due: Any) -> bool:
    """The card is on screen and states the due time she should see (Beijing time)."""
    card = _card(wizard, obligation_id)
    if card is None or not card.isVisible() or due is None:
        return False
    text = " ".join(label.text() for label in card.findChildren(QLabel))
    due_bj = due.astimezone(due.tzinfo) if due.tzinfo else due
    from core.timeutil import beijing

    return beijing(due_bj).strftime("%H:%M:%S") in text


def _notice_visible(wizard: QWidget) -> bool:
    notice = wizard.findChild(QLabel, "countdownNotice")
    return notice is not None and notice.isVisible() and bool(notice.text())


def _verdict_visible(wizard: QWidget, reportable: str) -> bool:
    """The words of the answer are on screen: on the panel or the page she is on."""
    words = {"yes": ("须报告", "must be reported"), "no": ("无须", "not required"), "undetermined": ("待定", "yet")}[reportable]
    for label in wizard.findChildren(QLabel):
        if label.isVisible() and any(w in label.text() for w in words):
            return True
    return False


def clinic_deadline_text(persona: Persona) -> str:
    """What the clinic's card must read: 4 hours after 09:30:00, to the second."""
    return (persona.discovered + timedelta(hours=4)).strftime("%H:%M:%S")
