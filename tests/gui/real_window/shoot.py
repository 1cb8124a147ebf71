"""Screenshots of the real windows under Xvfb with a window manager (openbox), as a user
sees them: the main window with its desk, the wizard on every page and the profile dialog,
in 中文 and English. Run through ``run.sh`` (which starts Xvfb and openbox); not collected
by pytest. Prints each window's frame against the screen so windows taller or wider than
the screen show up here, where the offscreen platform hides them."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402

from core.clock import FixedClock  # noqa: E402
from core.rules import default_pack  # noqa: E402
from core.service import IncidentService  # noqa: E402
from core.store import open_store  # noqa: E402
from core.timeutil import parse_instant  # noqa: E402
from tests.conftest import example  # noqa: E402

OUT = Path(os.environ.get("SHOTS", ROOT / "screenshots" / "real"))
NOW = parse_instant("2026-11-24T10:00:00+08:00")


def settle(app: QApplication, rounds: int = 40) -> None:
    """Let the window manager map and paint the window (a real X server answers later)."""
    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.01)


def shoot(app: QApplication, window, name: str) -> None:
    settle(app)
    screen = app.primaryScreen()
    frame = window.frameGeometry()
    avail = screen.availableGeometry()
    fits = avail.contains(frame)
    print(
        f"{name}: frame {frame.width()}x{frame.height()} at {frame.x()},{frame.y()}; available "
        f"{avail.width()}x{avail.height()}; {'fits' if fits else 'DOES NOT FIT'}"
    )
    screen.grabWindow(0).save(str(OUT / f"{name}.png"))


def clinic_leak() -> dict:
    """The example clinic, whose patient records may have leaked (the notices of 第五十七条)."""
    doc = example()
    doc["schema"] = "incident-assistant/incident@2"
    doc["title"] = "门诊系统患者信息可能泄露"
    doc["personal_info"] = {
        "affected": "possible",
        "kinds": "姓名、手机号、病历",
        "count": 118000,
        "cause": "门诊服务器被勒索软件攻击，攻击者可能复制了数据库",
        "possible_harm": "可能收到冒充诊所的诈骗电话",
        "remedies": "已断开服务器网络、修改全部密码并报警",
        "individual_measures": "不要相信索要验证码或转账的电话",
        "contact": "0591-12345678（工作日 8:00–17:00）",
        "authority": "福州市卫生健康委员会",
    }
    return doc


def shoot_personal_info(app: QApplication, session, window, lang: str, tag: str) -> None:
    """The desk with its 「个人信息通知」 group, the wizard's personal-information page and its
    review page with the same group, and the SMS dialog."""
    from gui.notice_group import SmsDialog
    from gui.wizard.facts import PAGE_REVIEW
    from gui.wizard.personal_info import PAGE_PERSONAL_INFO

    incident_id = session.hub.import_document(clinic_leak())
    window.select_incident(incident_id)
    shoot(app, window, f"{lang}-{tag}-desk-personal-info")
    wizard = session.open_wizard(incident_id)
    wizard.jump_to(PAGE_PERSONAL_INFO)
    shoot(app, wizard, f"{lang}-{tag}-wizard-personal-info")
    wizard.jump_to(PAGE_REVIEW)
    review = wizard.currentPage()
    scroll = review.findChild(QScrollArea, "pageReviewScroll")
    if scroll is not None:
        scroll.ensureWidgetVisible(review.notices)
    shoot(app, wizard, f"{lang}-{tag}-wizard-review-personal-info")
    wizard.close()
    from core.notice import SMS, notice_content

    texts = notice_content(clinic_leak(), session.pack, SMS, NOW)
    dialog = SmsDialog(texts, window)  # type: ignore[arg-type]
    dialog.show()
    shoot(app, dialog, f"{lang}-{tag}-sms-dialog")
    dialog.close()


def shoot_encryption(app: QApplication, session, window, lang: str, tag: str) -> None:
    """The encryption windows (issue 28): the passphrase at start after a wrong try, the
    three steps of turning it on, changing the passphrase, and the welcome screen's offer."""
    from core.store.keys import new_recovery_key
    from gui.encryption import ChangePassphraseDialog, EncryptDialog, UnlockDialog

    wrong = "口令不对，请再试一次。" if lang == "zh" else "The passphrase is wrong; try again."
    unlock = UnlockDialog(str(Path.home() / "incidents.sqlite3"), lambda *_: wrong, window)
    unlock.show()
    unlock.passphrase.setText("not it")
    unlock._try()
    shoot(app, unlock, f"{lang}-{tag}-encryption-unlock-wrong")
    unlock._use_recovery()
    shoot(app, unlock, f"{lang}-{tag}-encryption-unlock-recovery")
    unlock.close()
    key = new_recovery_key()
    encrypt = EncryptDialog(lambda _p, _r: (key, None), parent=window)
    encrypt.show()
    shoot(app, encrypt, f"{lang}-{tag}-encryption-1-passphrase")
    encrypt.new.first.setText("clinic back office")
    encrypt.new.second.setText("clinic back office")
    encrypt._start()
    shoot(app, encrypt, f"{lang}-{tag}-encryption-2-recovery-key")
    encrypt._ask_back()
    shoot(app, encrypt, f"{lang}-{tag}-encryption-3-type-back")
    encrypt.recovery_key = None
    encrypt.close()
    change = ChangePassphraseDialog(lambda *_: None, parent=window)
    change.show()
    shoot(app, change, f"{lang}-{tag}-encryption-change-passphrase")
    change.close()
    welcome = session.show_welcome()
    shoot(app, welcome, f"{lang}-{tag}-welcome-with-encryption-offer")
    welcome.close()


def main() -> int:
    from gui.app import Session, prepare_application

    lang = sys.argv[1] if len(sys.argv) > 1 else "zh"
    tag = sys.argv[2] if len(sys.argv) > 2 else "100"
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    prepare_application()
    store = open_store(Path(tempfile.mkdtemp()) / "shots.sqlite3", FixedClock(NOW))
    session = Session(IncidentService(store), default_pack(), FixedClock(NOW))
    if lang == "en":
        session.switch_language("en")
    incident_id = store.import_document(example())
    window = session.show_main_window()
    settle(app)
    if os.environ.get("SHOTS_ONLY") == "encryption":
        shoot_encryption(app, session, window, lang, tag)
        QTimer.singleShot(0, app.quit)
        return 0
    window.select_incident(incident_id)
    shoot(app, window, f"{lang}-{tag}-main")
    fresh = session.open_wizard(None)  # a new incident: the discovery question first
    shoot(app, fresh, f"{lang}-{tag}-wizard-new-discovery-question")
    fresh.close()
    window.show_guide()
    shoot(app, window.guide, f"{lang}-{tag}-quick-guide")
    window.guide.close()
    wizard = session.open_wizard(incident_id)
    for page in wizard.pageIds():
        wizard.jump_to(page)
        shoot(app, wizard, f"{lang}-{tag}-wizard-{page}-{wizard.currentPage().objectName()}")
    wizard.close()
    shoot_personal_info(app, session, window, lang, tag)
    shoot_encryption(app, session, window, lang, tag)
    QTimer.singleShot(0, app.quit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
