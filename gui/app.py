"""GUI entry point: ``main(argv)`` starts the desktop app (product.md §4.6).

It reuses a ``QApplication`` that already exists (tests create one and schedule steps
with timers), installs Qt's own Chinese translations, registers the bundled CJK font as
a fallback, opens the store (``--db`` / ``INCIDENT_ASSISTANT_DB``) and opens straight
into a new incident when there is none yet, otherwise into the main window, offering to
resume an unfinished draft. A store that cannot be opened is explained in a message,
never a crash dialog.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from core import resources
from core.clock import Clock, SystemClock
from core.service import DatabaseInUse, IncidentService, PassphraseNeeded, StoreError, database_path, encryption_state, open_service
from gui import autostart, dialogs, i18n
from gui.firstpaint import after_first_paint
from gui.hub import StoreHub
from gui.i18n import said, tr
from gui.main_window import MainWindow
from gui.ticker import Ticker

if TYPE_CHECKING:
    import argparse

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QMenu, QSystemTrayIcon

    from core.rules import RulePack
    from core.service import FullCheckResult
    from gui.clockwatch import ClockWatch
    from gui.fullcheck import FullCheckWatch, Starter
    from gui.reminders import ReminderService
    from gui.welcome import WelcomeWindow
    from gui.wizard.wizard import IncidentWizard

FONT_FAMILY_FALLBACK = "WenQuanYi Micro Hei"
_READY: list[QApplication] = []  # set up once (a Python flag: reading an unset Qt property returns None, see fields.choice_value)
LATER = object()  # a start-up step not ready yet: it runs again STEP_RETRY_MS later
STEP_RETRY_MS = 15
LANGUAGE_KEY = "ui_language"  # store meta: the language chosen last time
TRAY_KEY = "keep_in_tray"  # store meta: TRAY_STAY / TRAY_QUIT, asked once when the window closes with a deadline open
TRAY_STAY, TRAY_QUIT = "tray", "quit"
START_AT_LOGIN_KEY = autostart.KEY  # store meta: start at login, hidden in the tray (issue 18)
ICON_SIZES = (16, 32, 48, 64, 128, 256)  # resources/icons/incident-assistant-N.png (packaging/render_icons.py)

T = TypeVar("T")


def tray_available() -> bool:
    """The desktop has a system tray (a hidden start would be unreachable without one).
    The tray's classes load when first needed, not before the first paint (issue 12)."""
    from PySide6.QtWidgets import QSystemTrayIcon

    return QSystemTrayIcon.isSystemTrayAvailable()


def app_icon() -> QIcon:
    """The app's icon (a shield with a clock hand) in every size it is drawn in."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        path = resources.path(f"icons/incident-assistant-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


class Application(QApplication):
    """The application object; ``quitRequested`` tells the session that the app is ending
    (Qt 6 closes every window on quit, and a window closing on quit must not ask whether to
    stay in the tray)."""

    quitRequested = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Quit:
            self.quitRequested.emit()
        return super().event(event)


def install_app_icon() -> None:
    """The app's icon on every window and the tray: the session's first step after the first
    paint (the icon classes' enums cost ~1.3 ms before it; the title bar gets it a frame later)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        app.setWindowIcon(app_icon())


def prepare_application(argv: Sequence[str] = ()) -> QApplication:
    """The application object, with translations and the bundled CJK font (once); the icon
    follows the first paint (``install_app_icon``)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = Application([sys.argv[0] if sys.argv else "incident-assistant", *argv])
    if not _READY:
        i18n.set_language(i18n.DEFAULT)
        font_id = QFontDatabase.addApplicationFont(str(resources.path("fonts/wqy-microhei.ttc")))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            font = app.font()
            font.setFamilies([font.family(), families[0]])  # system font first, CJK fallback
            app.setFont(font)
        _READY.append(app)
    return app


class Session:
    """Everything one running app shares: the core service, its hub, pack, ticker, open
    windows.

    ``rules`` is the rule pack a test gives; the app gives none and ``pack`` is the
    service's, loaded with the desk right after the first paint (issue 12: start-up). A
    plain class: a dataclass costs ~1 ms to define before the first paint."""

    def __init__(self, service: IncidentService, rules: RulePack | None, clock: Clock, *, in_tray: bool = False) -> None:
        self.service, self.rules, self.clock = service, rules, clock
        self.hub = StoreHub(service)
        self.ticker = Ticker(clock)
        self.window: MainWindow | None = None
        self.welcome: WelcomeWindow | None = None
        self.reminders: ReminderService | None = None
        self.clock_watch: ClockWatch | None = None
        self.tray: QSystemTrayIcon | None = None
        self.tray_menu: QMenu | None = None  # kept: the tray does not own its menu in PySide
        self.wizards: list[IncidentWizard] = []
        self.full_check: FullCheckWatch | None = None  # the whole-file check started at open (issue 16)
        self.full_check_starter: Starter | None = None  # tests may run it their own way; None: a thread
        self.in_tray = in_tray  # started with --tray (at login): the main window waits in the tray
        self._pending_steps: list[Callable[[], object]] = []
        self._remember_language: str | None = None  # --lang, written once the opening checks passed
        self.quitting = False
        app = QApplication.instance()
        if isinstance(app, Application):
            app.quitRequested.connect(self._quit_requested)

    @property
    def pack(self) -> RulePack:
        return self.rules or self.service.pack

    def _quit_requested(self) -> None:
        """The app is ending (the system, or a quit from elsewhere): windows close without asking."""
        self.quitting = True

    def open_wizard(self, incident_id: str | None) -> IncidentWizard:
        """The wizard on ``incident_id``: the one already open for it is raised (two wizards
        on one incident would each save their own copy of its list fields, issue 16), else
        a new one; ``None`` starts a new incident."""
        from gui.wizard.wizard import IncidentWizard

        open_already = next((w for w in self.wizards if incident_id is not None and w.incident_id == incident_id), None)
        if open_already is not None:
            open_already.show()
            open_already.raise_()
            open_already.activateWindow()
            return open_already
        # A new incident is created with its first answer, and its discovery time is the
        # first question (D1a): nothing is assumed "now" and nothing is left behind.
        wizard = IncidentWizard(self.hub, self.pack, self.ticker, incident_id, parent=None)
        wizard.data_path = self.hub.data_path()
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
            choice = self.hub.meta(TRAY_KEY)
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
                self.hub.set_meta(TRAY_KEY, choice)
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
        from PySide6.QtWidgets import QMenu, QSystemTrayIcon

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
        self.cancel_full_check()
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

        self.welcome = WelcomeWindow(self.hub.profile(), self.hub.save_profile)
        self.welcome.startIncident.connect(lambda: self.open_wizard(None))
        self.welcome.openExample.connect(self.open_example)
        self.welcome.encryptRequested.connect(self._encrypt_from_welcome)
        self.welcome.show()
        return self.welcome

    def _encrypt_from_welcome(self) -> None:
        from gui import encryption

        if self.welcome is not None:
            self.welcome.encrypted(encryption.encrypt(self.welcome, self))

    def open_example(self) -> IncidentWizard:
        """The bundled example, imported as a drill, to see how everything works."""
        from gui.welcome import example_drill

        incident_id = self.hub.import_document(example_drill(), new_id=True)
        return self.open_wizard(incident_id)

    def show_main_window(self) -> MainWindow:
        window = self.main_window()
        window.show()
        return window

    def main_window(self) -> MainWindow:
        """The main window, built (not shown) when there is none yet."""
        if self.window is None:
            self.window = window = MainWindow(self.hub, lambda: self.pack, self.ticker, self.open_wizard)
            window.languageRequested.connect(self.switch_language)
            window.closing.connect(self.close_wizards)
            window.closed.connect(self.cancel_full_check)
            window.keep_in_tray = self.keep_in_tray
            window.quitRequested.connect(self.quit)
            window.action_start_at_login.setChecked(self._meta(START_AT_LOGIN_KEY) == autostart.ON)
            window.startAtLoginRequested.connect(self.set_start_at_login)
            window.encryption_state = self.encryption_state
            window.encryptionRequested.connect(self.run_encryption)
            result = self.full_check.result if self.full_check is not None else None
            if result is not None and result.finished and not result.ok:
                self._show_problem(window, result)  # a rebuilt window (language switch) says it again
        return self.window

    # --- encryption at rest (issue 28) ---
    def database(self) -> Path:
        return Path(self.service.data_path())

    def encryption_state(self) -> str:
        return encryption_state(self.database())

    def convert(self, work: Callable[[Path], T]) -> T:
        """Run ``work(path)`` on the database file with the database closed (a conversion
        replaces the file), then open it again as this window's writer. The clock's ticks
        (countdowns, reminders) pause meanwhile; the edits typed so far are written first."""
        path = self.database()
        self.hub.flush()
        self.cancel_full_check(wait=5)
        self.ticker.stop()
        self.service.close()
        try:
            return work(path)
        finally:
            self.service = open_service(path, self.clock, claim_writer=True)
            self.hub.reopened(self.service)
            self.ticker.start()

    def run_encryption(self, what: str) -> None:
        """The data menu's 加密此数据库 / 更改口令 / 取消加密; the outcome goes to the status bar."""
        from gui import encryption

        flow = {"encrypt": encryption.encrypt, "change": encryption.change, "decrypt": encryption.decrypt}[what]
        said_ = flow(self.window, self)
        if said_ and self.window is not None:
            self.window.status_label.setText(said_)

    def _meta(self, key: str) -> str | None:
        try:
            return self.hub.meta(key)
        except StoreError:
            return None

    def set_start_at_login(self, enabled: bool) -> str:
        """登录时启动: write or remove the autostart entry and remember the choice; returns
        what happened (shown in the status bar)."""
        try:
            where = autostart.set_enabled(enabled)
        except OSError as exc:
            message = tr("未能设置登录时启动：{e}").format(e=exc.strerror or exc)
        else:
            message = (tr("已设置登录时启动：登录后在托盘中运行并提醒（{p}）") if enabled else tr("已取消登录时启动（{p}）")).format(p=where)
        try:
            self.hub.set_meta(START_AT_LOGIN_KEY, autostart.ON if enabled else autostart.OFF)
        except StoreError as exc:
            message = said(exc)
        if self.window is not None:
            self.window.status_label.setText(message)
        return message

    # --- the full check at open (issue 16, defect 8) ---

    def start_full_check(self) -> FullCheckWatch:
        """The whole chain and every stored row, on a thread of its own, after the quick
        checks of opening passed; progress for large files in the status bar."""
        from gui.fullcheck import FullCheckWatch

        path = Path(self.hub.data_path())
        watch = FullCheckWatch(path, self.hub.stop_writing, self.full_check_starter) if self.full_check_starter else FullCheckWatch(path, self.hub.stop_writing)
        watch.progressed.connect(self._full_check_progress)
        watch.done.connect(self._full_check_done)
        self.full_check = watch
        watch.start()
        return watch

    def cancel_full_check(self, wait: float | None = None) -> None:
        if self.full_check is not None:
            self.full_check.cancel(wait)

    def _full_check_progress(self, done: int, total: int) -> None:
        from gui.fullcheck import LARGE_ROWS, progress_text

        if total >= LARGE_ROWS and self.window is not None:
            self.window.status_label.setText(progress_text(done, total) if done < total else "")

    def _full_check_done(self, result: FullCheckResult) -> None:
        if not result.finished or result.ok:
            return  # cancelled, unreadable for a moment, or whole: nothing to say
        self._show_problem(self.show_main_window() if not self.in_tray else self.main_window(), result)
        from PySide6.QtWidgets import QSystemTrayIcon

        if self.tray is not None:
            self.tray.showMessage(tr("数据库完整检查未通过"), tr("已停止写入以保护数据；请打开主窗口查看。"), QSystemTrayIcon.MessageIcon.Critical, 30000)

    def _show_problem(self, window: MainWindow, result: FullCheckResult) -> None:
        from gui.fullcheck import problem_text

        window.show_integrity_problem(problem_text(result), lambda: self.save_raw_copy(window))

    def save_raw_copy(self, parent: QWidget | None = None) -> str:
        """保存原始副本（供取证）: the file as it is, byte for byte, where the user picks."""

        from gui.fullcheck import raw_copy_name, raw_copy_report, save_raw_copy

        db_path = Path(self.hub.data_path())
        name = raw_copy_name(db_path, self.clock.now())
        target = dialogs.save_file(parent, tr("保存原始副本（供取证）"), str(Path.home() / name), tr("原始副本 (*.sqlite3)"))
        if not target:
            return tr("已取消保存原始副本。")
        try:
            return raw_copy_report(save_raw_copy(db_path, Path(target)))
        except FileExistsError:
            return tr("那里已有同名文件，没有覆盖：{p}").format(p=target)
        except OSError as exc:
            return tr("未能保存原始副本：{e}").format(e=exc.strerror or exc)

    def switch_language(self, lang: str) -> bool:
        """Switch 中文 / English at run time: install the translation, remember the choice,
        and rebuild the open windows on the same incident and page (drafts are on disk)."""
        if lang == i18n.language():
            return True
        if not i18n.set_language(lang):
            if self.window is not None:
                self.window.status_label.setText(tr("无法加载英文界面文件，仍使用中文。"))
            return False
        self.hub.set_meta(LANGUAGE_KEY, lang)
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
        draft = self.service.unfinished_draft(self.clock.now(), self.pack)
        if draft is None:
            return None
        return draft.id, draft.title or tr("（未命名事件）")

    def notify(self, message: str) -> None:
        """A reminder: the tray where the platform has one, and the main window's banner."""
        from PySide6.QtWidgets import QSystemTrayIcon

        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.ensure_tray()
        if self.tray is not None:
            self.tray.showMessage(tr("报告期限提醒"), message, QSystemTrayIcon.MessageIcon.Warning, 15000)
            self.tray.setToolTip(message)
        in_tray = self.window is not None and not self.window.isVisible() and self.tray is not None
        window = self.window if in_tray and self.window is not None else self.show_main_window()
        window.show_reminder(message)  # in the tray: the banner waits for the window to be opened

    def notify_clock(self, message: str) -> None:
        """A clock warning: calm, in the main window (or the status of a running wizard);
        in the tray it waits in the hidden window."""
        if self.window is not None and not self.window.isVisible() and self.tray is not None:
            self.window.show_clock_warning(message)
        elif self.window is not None or not self.wizards:
            self.show_main_window().show_clock_warning(message)

    def apply_saved_language(self, requested: str | None = None) -> None:
        """The language asked for on the command line, else the one chosen last time. A
        requested one is remembered once the opening checks passed (``_finish_opening``):
        writing before them would wait for them, and a damaged file is never written to."""
        lang = requested or self.hub.meta(LANGUAGE_KEY)
        if lang in i18n.LANGUAGES and lang != i18n.language() and i18n.set_language(lang) and requested:
            self._remember_language = lang

    def start(self, tray: bool = False) -> None:
        """First run (no incident, no profile): the welcome screen. No incident yet:
        straight into a new one. Otherwise the main window, painted first; then, one step
        at a time on the event loop (issue 7: start-up), the offer of a draft to resume,
        reminders for deadlines that fell due while the app was closed, and the clock
        checks (``settled`` tells when all of them ran). ``tray`` (``--tray``, at login):
        the main window waits in the tray while reminders run, when there is a tray."""
        self.ticker.start()
        if tray and tray_available():
            self.in_tray = True
            self._pending_steps = self._startup_steps(offer_draft=False)
            self.main_window()
            self.ensure_tray().setToolTip(tr("网络安全事件报告助手：在托盘中提醒报告期限"))
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(False)
            after_first_paint(None, self._next_step)
            return
        if self.service.count_incidents() == 0:
            if not any(v for v in self.hub.profile().values()):
                self.show_welcome()
            else:
                self.open_wizard(None)
            self._pending_steps = self._startup_steps(offer_draft=False)
        else:
            self._pending_steps = self._startup_steps(offer_draft=True)
            self.show_main_window()
        after_first_paint(self._front_window(), self._next_step)

    def _startup_steps(self, *, offer_draft: bool) -> list[Callable[[], object]]:
        """What follows the first paint, one step per turn of the event loop: the icon, the
        opening checks, the offer of a draft (with the main window), reminders, the clock
        checks and the whole-file check (last: its thread would slow the others)."""
        offer = [self._offer_draft] if offer_draft else []
        return [install_app_icon, self._finish_opening, *offer, self._start_reminders, self._start_clock_watch, self._tell_kept_copies, self._start_full_check]

    def _tell_kept_copies(self) -> None:
        """A copy of the database kept beside it (before a restore that was cut short, or a
        migration) is named once, in a message she can read at leisure (issue 25)."""
        copies = self.service.untold_copies()
        if not copies:
            return
        names = "\n".join(str(c) for c in copies)
        dialogs.inform(
            self._front_window(), tr("保留的数据库副本"), tr("以下是以前保留的数据库副本，没有删除；确认不再需要后可以自行删除：\n{names}").format(names=names)
        )
        self.service.note_told(copies)

    def _front_window(self) -> QWidget | None:
        """The window the user sees: the main window, the welcome, or the first wizard."""
        return self.window or self.welcome or (self.wizards[0] if self.wizards else None)

    def _next_step(self) -> None:
        if not self._pending_steps:
            gc.enable()  # start-up is over: the collector the launcher paused runs again (gui.launch.pause_collection)
            return
        step = self._pending_steps.pop(0)
        later = False
        try:
            later = step() is LATER
        except StoreError as exc:  # the store was closed or is busy: say so, never a crash dialog
            if self.window is not None:
                self.window.status_label.setText(said(exc))
        finally:
            if later:  # not ready: the same step again in a moment, the window running meanwhile
                self._pending_steps.insert(0, step)
            QTimer.singleShot(STEP_RETRY_MS if later else 0, self._next_step)

    @property
    def settled(self) -> bool:
        """All start-up steps have run (tests and the benchmark wait for this)."""
        return not self._pending_steps

    def _finish_opening(self) -> object:
        """The database check, started once the window is painted and waited for without
        blocking it (``LATER`` until it is done): a damaged file is explained and the app
        ends, as when it cannot be opened at all; nothing was written."""
        if not self.service.opening_checked():
            return LATER
        try:
            self.service.finish_opening()
        except Exception as exc:  # noqa: BLE001 - whatever stopped the checks, the file is not written to
            self._pending_steps.clear()
            dialogs.warn(self._front_window(), tr("无法打开数据库"), said(exc) if isinstance(exc, StoreError) else f"{self.hub.data_path()}：{exc}")
            app = QApplication.instance()
            if app is not None:
                app.exit(2)
            return None
        if self._remember_language:  # the language asked for on the command line, now that writing is safe
            language, self._remember_language = self._remember_language, None
            self.hub.set_meta(LANGUAGE_KEY, language)  # a StoreError here is said in the status line
        return None

    def _start_full_check(self) -> None:
        """Last of the start-up steps: the whole-file check runs in a thread and would slow the rest."""
        self.start_full_check()

    def _offer_draft(self) -> None:
        draft = self.unfinished_draft()
        if draft and self.window is not None:
            self.window.offer_resume(*draft)

    def _start_reminders(self) -> None:
        from gui.reminders import ReminderService

        self.reminders = ReminderService(self.hub, self.pack, self.ticker, self.notify)
        if self.service.count_incidents():
            self.reminders.check(self.clock.now())

    def _start_clock_watch(self) -> None:
        from gui.clockwatch import ClockWatch

        self.clock_watch = ClockWatch(self.service, self.ticker, self.notify_clock)
        if self.service.count_incidents():
            self.clock_watch.check_at_start()


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    import argparse

    parser = argparse.ArgumentParser(prog="incident-assistant", add_help=False)
    parser.add_argument("--db")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES))
    parser.add_argument(autostart.TRAY_ARG, "--minimized", dest="tray", action="store_true")
    args, _unknown = parser.parse_known_args(list(argv))
    return args


def open_session(db: str | None, clock: Clock | None = None, lang: str | None = None) -> Session | None:
    """The database (``--db`` / ``INCIDENT_ASSISTANT_DB`` / the user data folder, its
    quick_check in the background, this window its one writer) and a session on it; None,
    after a message, when the file cannot be opened or another window writes it."""
    clock = clock or SystemClock()
    opened_with = None
    try:
        while True:
            try:
                service = open_service(db, clock, check_in_background=True, claim_writer=True)
                break
            except PassphraseNeeded:  # encrypted, and the keyring has no key for it: ask her
                from gui import encryption

                install_app_icon()
                opened_with = encryption.ask_to_unlock(None, database_path(db))
                if opened_with is None:
                    return None
    except DatabaseInUse as exc:
        install_app_icon()
        dialogs.warn(
            None,
            tr("数据库已在使用"),
            tr("这个数据库已在另一个窗口中打开（{p}）。为免两处同时修改、互相覆盖，请回到那个窗口继续；关闭它后再从这里打开。").format(p=exc.path),
        )
        return None
    except StoreError as exc:
        install_app_icon()
        dialogs.warn(None, tr("无法打开数据库"), said(exc))
        return None
    session = Session(service, None, clock)
    session.apply_saved_language(lang)
    if opened_with == "recovery":  # she forgot the passphrase: offer a new one at once
        from gui import encryption

        encryption.offer_new_passphrase(None, session.database())
    return session


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    args = parse_args(list(argv or []))
    app = prepare_application()
    try:
        session = open_session(args.db, clock, args.lang)
        if session is None:
            return 2
        session.start(tray=args.tray)
        code = int(app.exec())
        session.cancel_full_check(wait=2)
        session.hub.flush()
        session.service.close()
        return code
    finally:
        gc.enable()  # paused by the launcher for the start; on every way out
