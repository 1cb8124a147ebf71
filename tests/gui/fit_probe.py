"""Run by test_window_fit in a process of its own, on an offscreen screen of a given size
(``QT_QPA_PLATFORM=offscreen:configfile=…``; with ``QT_SCALE_FACTOR=2`` for 200 %): opens
every window a user meets (the main window with the desk, the wizard on each of its pages,
the report preview, the submission, notice, waiver, next-report, profile and guide dialogs)
and prints one JSON line: per window its frame, the screen's available area, and where its
default and cancel buttons lie. The test decides what fits."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QPushButton, QWidget, QWizard  # noqa: E402

from core.assessment import assess  # noqa: E402
from core.clock import FixedClock  # noqa: E402
from core.rules import default_pack  # noqa: E402
from core.service import IncidentService  # noqa: E402
from core.store import open_store  # noqa: E402
from core.timeutil import BEIJING  # noqa: E402
from gui import i18n  # noqa: E402
from gui.app import Session, prepare_application  # noqa: E402
from tests.conftest import example  # noqa: E402

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=BEIJING)


def rect(r: Any) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def buttons(window: QWidget) -> list[dict[str, Any]]:
    """The window's default and cancel buttons (dialog button boxes and the wizard's own)."""
    found: list[QAbstractButton] = []
    for box in window.findChildren(QDialogButtonBox):
        for role in (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.RejectRole):
            found += [b for b in box.buttons() if box.buttonRole(b) == role and b.isVisibleTo(window)]
    if isinstance(window, QWizard):
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
            button = window.button(which)
            if button is not None and button.isVisibleTo(window):
                found.append(button)
    if not found:  # a dialog laying out its own buttons: every visible push button
        found = [b for b in window.findChildren(QPushButton) if b.isVisibleTo(window)]
    out = []
    for b in found:
        top_left = b.mapToGlobal(b.rect().topLeft())
        out.append({"text": b.text(), "rect": [top_left.x(), top_left.y(), b.width(), b.height()]})
    return out


def measure(app: QApplication, name: str, window: QWidget, shown: list[dict[str, Any]]) -> None:
    window.show()
    app.processEvents()
    screen = window.screen() or app.primaryScreen()
    shown.append({"name": name, "frame": rect(window.frameGeometry()), "area": rect(screen.availableGeometry()), "buttons": buttons(window)})


def main(lang: str, db: str) -> None:
    app = prepare_application()
    i18n.set_language(lang)
    clock = FixedClock(NOW)
    store = open_store(db, clock)
    pack = default_pack()
    session = Session(IncidentService(store), pack, clock)
    doc = example()
    doc["schema"] = "incident-assistant/incident@2"
    doc["personal_info"] = {"affected": "possible", "authority": "某市卫生健康委员会"}
    incident_id = store.import_document(doc)
    shown: list[dict[str, Any]] = []
    window = session.show_main_window()
    window.select_incident(incident_id)
    measure(app, "main", window, shown)
    wizard = session.open_wizard(incident_id)
    for page_id in wizard.pageIds():
        wizard.jump_to(page_id)
        measure(app, f"wizard:{wizard.currentPage().objectName()}", wizard, shown)
    wizard.close()
    from gui.welcome import WelcomeWindow

    measure(app, "welcome", WelcomeWindow({}, lambda _p: None), shown)

    from gui.guide import GuideDialog
    from gui.next_report import NextReportDialog
    from gui.notice_dialogs import NoticeDialog, WaiverDialog, notice_obligations
    from gui.preview import PdfPreviewDialog
    from gui.profile import ProfileDialog
    from gui.submission import SubmissionDialog

    result = assess(store.get_incident(incident_id), pack, NOW)
    pdf = Path(db).with_suffix(".pdf")
    session.hub.service.export_report(incident_id, "initial", NOW, pdf, app_version="probe")
    dialogs: list[tuple[str, QWidget]] = [
        ("preview", PdfPreviewDialog(str(pdf), window)),
        ("submission", SubmissionDialog(pack, result.obligations, NOW, parent=window)),
        ("waiver", WaiverDialog(pack, parent=window)),
        ("profile", ProfileDialog(store.profile(), store.save_profile, window)),
        ("guide", GuideDialog(pack, str(store.path), window)),
        (
            "next-report",
            NextReportDialog("supplement", result, None, pack, edit=lambda: None, export=lambda _k, _say: None, record=lambda _k: "", parent=window),
        ),
    ]
    dialogs += [(f"notice:{o.id}", NoticeDialog(pack, result.doc, o, NOW, parent=window)) for o in notice_obligations(result.obligations)]
    for name, dialog in dialogs:
        measure(app, name, dialog, shown)
        dialog.close()
    print(json.dumps({"dpr": window.devicePixelRatio(), "windows": shown}, ensure_ascii=False))
    session.hub.flush()
    store.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])
