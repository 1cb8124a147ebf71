"""Run by test_accessibility in a process of its own with QT_SCALE_FACTOR=2: opens the
main window on the example incident and the wizard, reports minimum sizes in logical
pixels as one JSON line and saves screenshots at 960×540 (1920×1080 at 200 %)."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core.clock import FixedClock  # noqa: E402
from core.rules import default_pack  # noqa: E402
from core.service import IncidentService  # noqa: E402
from core.store import open_store  # noqa: E402
from core.timeutil import BEIJING  # noqa: E402
from gui import i18n  # noqa: E402
from gui.app import Session, prepare_application  # noqa: E402
from tests.conftest import example  # noqa: E402


def main(lang: str, db: str, screenshots: str) -> None:
    app = prepare_application()
    i18n.set_language(lang)
    clock = FixedClock(datetime(2026, 11, 24, 10, 0, tzinfo=BEIJING))
    store = open_store(db, clock)
    session = Session(IncidentService(store), default_pack(), clock)
    incident_id = store.import_document(example())
    window = session.show_main_window()
    window.select_incident(incident_id)
    app.processEvents()
    minimum = window.minimumSizeHint()
    window.resize(960, 540)
    wizard = session.open_wizard(incident_id)
    wizard.resize(960, 540)
    app.processEvents()
    folder = Path(screenshots)
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / f"main-window-200pct-{lang}.png"
    window.grab().save(str(shot))
    wizard.grab().save(str(folder / f"wizard-200pct-{lang}.png"))
    print(json.dumps({"device_pixel_ratio": window.devicePixelRatio(), "main_minimum": [minimum.width(), minimum.height()], "screenshot": str(shot)}))
    session.hub.flush()
    store.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
