"""GUI entry point: ``main(argv)`` starts the desktop app (product.md §4.6).

It reuses a ``QApplication`` that already exists (tests create one and schedule steps
with timers), installs Qt's own Chinese translations, registers the bundled CJK font as
a fallback, opens the store (``--db`` / ``INCIDENT_ASSISTANT_DB``) and opens straight
into a new incident when there is none yet, otherwise into the main window, offering to
resume an unfinished draft. A store that cannot be opened is explained in a message,
never a crash dialog.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from core import resources
from core.clock import Clock, SystemClock
from core.rules import RulePack, default_pack
from core.store import Store, StoreError, open_store, resolve_db_path
from core.store.writer import WriterLock
from gui import dialogs, i18n
from gui.firstpaint import after_first_paint
from gui.hub import StoreHub
from gui.i18n import tr
from gui.main_window import MainWindow
from gui.ticker import Ticker

if TYPE_CHECKING:
    from gui.clockwatch import ClockWatch
    from gui.reminders import ReminderService
    from gui.welcome import WelcomeWindow
    from gui.wizard.wizard import IncidentWizard

FONT_FAMILY_FALLBACK = "WenQuanYi Micro Hei"
_READY: list[QApplication] = []  # set up once (a Python flag: reading an unset Qt property returns None, see fields.choice_value)
LANGUAGE_KEY = "ui_language"  # store meta: the language chosen last time
TRAY_KEY = "keep_in_tray"  # store meta: TRAY_STAY / TRAY_QUIT, asked once when the window closes with a deadline open
TRAY_STAY, TRAY_QUIT = "tray", "quit"
ICON_SIZES = (16, 32, 48, 64, 128, 256)  # resources/icons/incident-assistant-N.png (packaging/render_icons.py)


def app_icon() -> QIcon:
    """The app's icon (a shield with a clock hand) in every size it is drawn in."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resources.path(f"icons/incident-assistant-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def prepare_application(argv: Sequence[str] = ()) -> QApplication:
    """The application object, with translations and the bundled CJK font (once)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "incident-assistant", *argv])
    if not _READY:
        i18n.set_language(i18n.DEFAULT)
        app.setWindowIcon(app_icon())  # every window and the tray
        font_id = QFontDatabase.addApplicationFont(str(resources.path("fonts/wqy-microhei.ttc")))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            font = app.font()
            font.setFamilies([font.family(), families[0]])  # system font first, CJK fallback
            app.setFont(font)
        _READY.append(app)
    return app


@dataclass
class Session:
    """Everything one running app shares: store, hub, pack, ticker, open windows."""

    store: Store
    pack: RulePack
    clock: Clock
    hub: StoreHub = field(init=False)
    ticker: Ticker = field(init=False)
    window: MainWindow | None = None
    welcome: WelcomeWindow | None = None
    reminders: ReminderService | None = None
    clock_watch: ClockWatch | None = None
    tray: QSystemTrayIcon | None = None
    tray_menu: QMenu | None = None  # kept: the tray does not own its menu in PySide
    writer: WriterLock | None = None  # this window is the one that writes the database
    wizards: list[IncidentWizard] = field(default_factory=list)
    _pending_steps: list[Callable[[], None]] = field(default_factory=list, init=False)
    quitting: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.hub = StoreHub(self.store)
        self.ticker = Ticker(self.clock)

    def open_wizard(self, incident_id: str | None) -> IncidentWizard:
        from gui.wizard.wizard import IncidentWizard

        # A new incident is created with its first answer, and its discovery time is the
        # first question (D1a): nothing is assumed "now" and nothing is left behind.
        wizard = IncidentWizard(self.hub, self.pack, self.ticker, incident_id, parent=None)
        wizard.data_path = str(self.store.path)
        wizard.finished.connect(lambda _r: self._wizard_closed(wizard))
        self.wizards.append(wizard)
        wizard.show()
        wizard.resume()
        return wizard

    def _wizard_closed(self, wizard: IncidentWizard) -> None:
        self.hub.flush()
        if wizard in self.wizards:
            self.wizards.remove(wizard)
        if self.window is None:
            self.show_main_window()

    def close_wizards(self) -> None:
        """The main window closes: its wizards close with it (drafts are on disk)."""
        self.hub.flush()
        for wizard in list(self.wizards):
            self.wizards.remove(wizard)
            wizard.close()

    def _open_deadline(self) -> bool:
        """Some incident still has a deadline to meet (the list's stored next due)."""
        return any(row.next_due is not None for row in self.hub.list_incidents(self.clock.now()))

    def keep_in_tray(self) -> bool:
        """Closing the main window with a deadline open: ask once (default yes) whether to
        keep reminding from the tray; then the app stays running there (product.md §8.4)."""
        try:
            if self.quitting or not self._open_deadline():
                return False
            choice = self.store.meta(TRAY_KEY)
        except StoreError:  # the store is closed or gone (the app is ending): just close
            return False
        if choice not in (TRAY_STAY, TRAY_QUIT):
            yes = dialogs.ask(
                self.window,
                tr("继续提醒报告期限？"),
                tr("还有报告期限没有完成。关闭窗口后，是否留在系统托盘里继续提醒？\n选「否」将退出程序，提醒也会停止。以后可以用「事件 → 退出」退出。"),
            )
            choice = TRAY_STAY if yes else TRAY_QUIT
            try:
                self.store.set_meta(TRAY_KEY, choice)
            except StoreError:
                pass  # asked again next time at worst
        if choice != TRAY_STAY:
            return False
        tray = self.ensure_tray()
        tray.setToolTip(tr("网络安全事件报告助手：仍在提醒报告期限"))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(False)
        return True

    def ensure_tray(self) -> QSystemTrayIcon:
        """The tray icon with its menu: open the main window, or quit."""
        if self.tray is None:
            self.tray = QSystemTrayIcon(app_icon())
            self.tray.setToolTip(tr("网络安全事件报告助手"))
        if self.tray.contextMenu() is None:
            menu = QMenu()
            menu.addAction(tr("打开主窗口"), self.show_main_window)
            menu.addAction(tr("退出"), self.quit)
            self.tray_menu = menu
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda _reason: self.show_main_window())
        self.tray.show()
        return self.tray

    def quit(self) -> None:
        """退出: the explicit end, from the menu or the tray (drafts are on disk)."""
        self.quitting = True
        self.close_wizards()
        if self.window is not None:
            self.window.close()
        if self.tray is not None:
            self.tray.hide()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def show_welcome(self) -> WelcomeWindow:
        from gui.welcome import WelcomeWindow

        self.welcome = WelcomeWindow(self.store.profile(), self.hub.save_profile)
        self.welcome.startIncident.connect(lambda: self.open_wizard(None))
        self.welcome.openExample.connect(self.open_example)
        self.welcome.show()
        return self.welcome

    def open_example(self) -> IncidentWizard:
        """The bundled example, imported as a drill, to see how everything works."""
        from gui.welcome import example_drill

        incident_id = self.store.import_document(example_drill(), new_id=True)
        self.hub.incidentsChanged.emit()
        return self.open_wizard(incident_id)

    def show_main_window(self) -> MainWindow:
        if self.window is None:
            self.window = MainWindow(self.hub, self.pack, self.ticker, self.open_wizard)
            self.window.languageRequested.connect(self.switch_language)
            self.window.closing.connect(self.close_wizards)
            self.window.keep_in_tray = self.keep_in_tray
            self.window.quitRequested.connect(self.quit)
            self.window.data_path = str(self.store.path)
        self.window.show()
        return self.window

    def switch_language(self, lang: str) -> bool:
        """Switch 中文 / English at run time: install the translation, remember the choice,
        and rebuild the open windows on the same incident and page (drafts are on disk)."""
        if lang == i18n.language():
            return True
        if not i18n.set_language(lang):
            if self.window is not None:
                self.window.status_label.setText(tr("无法加载英文界面文件，仍使用中文。"))
            return False
        self.store.set_meta(LANGUAGE_KEY, lang)
        self.hub.flush()
        old = self.window
        if old is not None:
            selected = old.desk.incident_id
            self.window = None
            window = self.show_main_window()
            window.setGeometry(old.geometry())
            window.splitter.setSizes(old.splitter.sizes())
            window.select_incident(selected)
            old.hide()
            old.deleteLater()
        for wizard in list(self.wizards):
            incident_id, page = wizard.incident_id, wizard.currentId()
            self.wizards.remove(wizard)  # before closing, so closing does not reopen the main window
            wizard.hide()
            wizard.deleteLater()
            self.open_wizard(incident_id).jump_to(page)
        return True

    def unfinished_draft(self) -> tuple[str, str] | None:
        """The most recently edited incident that still lacks items for a first report and
        has no submission: the draft to offer for resuming (derived, no extra state)."""
        from core.assessment import assess

        latest = self.store.latest_incident_id()
        if latest is None:
            return None
        doc = self.store.get_incident(latest)
        result = assess(doc, self.pack, self.clock.now())
        if result.missing["initial"] and not doc.get("submissions"):
            return latest, doc.get("title") or tr("（未命名事件）")
        return None

    def notify(self, message: str) -> None:
        """A reminder: the tray where the platform has one, and the main window's banner."""
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.ensure_tray()
        if self.tray is not None:
            self.tray.showMessage(tr("报告期限提醒"), message, QSystemTrayIcon.MessageIcon.Warning, 15000)
            self.tray.setToolTip(message)
        in_tray = self.window is not None and not self.window.isVisible() and self.tray is not None
        window = self.window if in_tray and self.window is not None else self.show_main_window()
        window.show_reminder(message)  # in the tray: the banner waits for the window to be opened

    def notify_clock(self, message: str) -> None:
        """A clock warning: calm, in the main window (or the status of a running wizard)."""
        if self.window is not None or not self.wizards:
            self.show_main_window().show_clock_warning(message)

    def apply_saved_language(self, requested: str | None = None) -> None:
        """The language asked for on the command line, else the one chosen last time."""
        lang = requested or self.store.meta(LANGUAGE_KEY)
        if lang in i18n.LANGUAGES and lang != i18n.language() and i18n.set_language(lang) and requested:
            self.store.set_meta(LANGUAGE_KEY, lang)

    def start(self) -> None:
        """First run (no incident, no profile): the welcome screen. No incident yet:
        straight into a new one. Otherwise the main window, painted first; then, one step
        at a time on the event loop (issue 7: start-up), the offer of a draft to resume,
        reminders for deadlines that fell due while the app was closed, and the clock
        checks (``settled`` tells when all of them ran)."""
        self.ticker.start()
        if self.store.count_incidents() == 0:
            if not any(v for v in self.store.profile().values()):
                self.show_welcome()
            else:
                self.open_wizard(None)
            self._pending_steps = [self._finish_opening, self._start_reminders, self._start_clock_watch]
        else:
            self._pending_steps = [self._finish_opening, self._offer_draft, self._start_reminders, self._start_clock_watch]
            self.show_main_window()
        after_first_paint(self._front_window(), self._next_step)

    def _front_window(self) -> QWidget | None:
        """The window the user sees: the main window, the welcome, or the first wizard."""
        return self.window or self.welcome or (self.wizards[0] if self.wizards else None)

    def _next_step(self) -> None:
        if not self._pending_steps:
            return
        step = self._pending_steps.pop(0)
        try:
            step()
        except StoreError as exc:  # the store was closed or is busy: say so, never a crash dialog
            if self.window is not None:
                self.window.status_label.setText(str(exc))
        QTimer.singleShot(0, self._next_step)

    @property
    def settled(self) -> bool:
        """All start-up steps have run (tests and the benchmark wait for this)."""
        return not self._pending_steps

    def _finish_opening(self) -> None:
        """The database check that ran while the window was painted: a damaged file is
        explained and the app ends, as when it cannot be opened at all; nothing was written."""
        try:
            self.store.finish_opening()
        except StoreError as exc:
            self._pending_steps.clear()
            dialogs.warn(self._front_window(), tr("无法打开数据库"), str(exc))
            app = QApplication.instance()
            if app is not None:
                app.exit(2)

    def _offer_draft(self) -> None:
        draft = self.unfinished_draft()
        if draft and self.window is not None:
            self.window.offer_resume(*draft)

    def _start_reminders(self) -> None:
        from gui.reminders import ReminderService

        self.reminders = ReminderService(self.hub, self.pack, self.ticker, self.notify)
        if self.store.count_incidents():
            self.reminders.check(self.clock.now())

    def _start_clock_watch(self) -> None:
        from gui.clockwatch import ClockWatch

        self.clock_watch = ClockWatch(self.store, self.ticker, self.notify_clock)
        if self.store.count_incidents():
            self.clock_watch.check_at_start()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="incident-assistant", add_help=False)
    parser.add_argument("--db")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES))
    args, _unknown = parser.parse_known_args(list(argv))
    return args


def open_session(db: str | None, clock: Clock | None = None, lang: str | None = None) -> Session | None:
    """The store (``--db`` / ``INCIDENT_ASSISTANT_DB`` / the user data folder, its
    quick_check in the background) and a session on it; None, after a message, when the
    file cannot be opened."""
    clock = clock or SystemClock()
    path = resolve_db_path(db)
    writer = WriterLock(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        claimed = writer.acquire()
    except OSError:
        claimed = True  # a folder we cannot write to: opening the store says so below
    if not claimed:
        dialogs.warn(
            None,
            tr("数据库已在使用"),
            tr("这个数据库已在另一个窗口中打开（{p}）。为免两处同时修改、互相覆盖，请回到那个窗口继续；关闭它后再从这里打开。").format(p=path),
        )
        return None
    try:
        store = open_store(path, clock, check_in_background=True)
    except StoreError as exc:
        writer.release()
        dialogs.warn(None, tr("无法打开数据库"), str(exc))
        return None
    session = Session(store, default_pack(), clock)
    session.writer = writer
    session.apply_saved_language(lang)
    return session


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    args = parse_args(list(argv or []))
    app = prepare_application()
    session = open_session(args.db, clock, args.lang)
    if session is None:
        return 2
    session.start()
    code = int(app.exec())
    session.hub.flush()
    session.store.close()
    if session.writer is not None:
        session.writer.release()
    return code
