"""The main window (objectName ``MainWindow``): the incident list (``incidentTable``, a
model over the store's list query, sorted by the nearest deadline), the incident desk
beside it (``gui.desk``), menus and shortcuts, the reminder, clock and resume banners.

Start-up (issue 7): the window is painted with the list's first page; the desk (and the
modules behind it: checks, reports, dialogs) is built right after the first paint, then
the rest of the list is read. ``desk`` builds it at once whenever something needs it
sooner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from core import field_paths as fp
from core import vocab
from core.service import StoreError
from core.vocab import Status
from gui import dialogs, i18n
from gui.firstpaint import after_first_paint
from gui.hub import StoreHub
from gui.i18n import said, tr
from gui.incident_table import VOIDED, IncidentTableModel
from gui.ticker import Ticker
from gui.widgets import fit_on_screen, guard_wheel

if TYPE_CHECKING:
    from core.rules import RulePack
    from gui.desk import IncidentDesk


def new_action(text: str, parent: QObject, *, checkable: bool = False) -> QAction:
    """``QAction(text, parent)`` without naming the text in the constructor: that overload
    is told apart from the one taking an icon by building the icon class, whose enums cost
    ~1.3 ms before the first paint (issue 12)."""
    action = QAction(parent)
    action.setText(text)
    action.setCheckable(checkable)
    return action


FILTERS = (
    ("all", QT_TR_NOOP("全部事件")),
    ("unfinished", QT_TR_NOOP("未完成报告")),
    ("past_due", QT_TR_NOOP("已超时")),
    ("drill", QT_TR_NOOP("演练")),
    ("real", QT_TR_NOOP("真实事件")),
    (str(Status.VOIDED), QT_TR_NOOP("已作废")),
)


class MainWindow(QMainWindow):
    languageRequested = Signal(str)  # "zh" | "en": the session switches and rebuilds the windows
    closing = Signal()  # the window closes (or goes to the tray): its wizards close with it
    closed = Signal()  # the window really closed (not to the tray): the background check stops
    encryptionRequested = Signal(str)  # "encrypt" | "change" | "decrypt": the session runs the flow
    startAtLoginRequested = Signal(bool)  # 登录时启动 ticked or unticked: the session applies it
    quitRequested = Signal()  # 退出: the one explicit way to end the app while deadlines run
    search: QLineEdit  # made below the actions whose slots use them
    status_label: QLabel

    def __init__(self, hub: StoreHub, pack: Callable[[], RulePack], ticker: Ticker, open_wizard: Any) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle(tr("网络安全事件报告助手"))
        self.hub, self._pack, self.ticker, self.open_wizard = hub, pack, ticker, open_wizard
        self._build_actions()
        self._build_menus()
        self._build_resume_banner()
        self._build_list()
        self._build_splitter()
        self._build_banners()
        central = QWidget()
        layout = QVBoxLayout(central)
        self.integrity = self._integrity_banner()
        layout.addWidget(self.integrity)
        layout.addWidget(self.reminder)
        layout.addWidget(self.clock_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._after_reload)
        self.setCentralWidget(central)
        self.status_label = QLabel("")
        self.statusBar().addWidget(self.status_label)
        hub.incidentsChanged.connect(self.model.reload)
        hub.incidentsChanged.connect(lambda *_: self.model.watch_running() if self.model.running is not None else None)
        after_first_paint(self, self._after_first_paint)
        hub.storeError.connect(lambda msg: self.status_label.setText(msg))
        hub.saved.connect(lambda: self.status_label.setText(tr("已自动保存")))
        ticker.tick.connect(self._tick)
        fit_on_screen(self, 1200, 700)
        self._after_reload()

    def _build_actions(self) -> None:
        """The window's actions, with their shortcuts named in the tooltips."""
        self._shortcut_tips: list[QAction] = []
        self.action_new = self._action("actionNewIncident", tr("新建事件(&N)"), "Ctrl+N", lambda: self.open_wizard(None))
        self.action_edit = self._action("actionEditIncident", tr("继续编辑(&E)"), "Ctrl+Return", self.edit_selected)
        self.action_export = self._action("actionExportPdf", tr("导出报告 PDF(&X)…"), "Ctrl+E", lambda: self.desk.export())
        self.action_submission = self._action("actionRecordSubmission", tr("登记报送(&S)…"), "Ctrl+R", lambda: self.desk.record_submission())
        self.action_find = self._action("actionFind", tr("搜索事件(&F)"), "Ctrl+F", lambda: self.search.setFocus())
        self.action_profile = self._action("actionProfile", tr("单位资料(&P)…"), "Ctrl+Shift+P", self.edit_profile)
        self.action_backup = self._action("actionBackup", tr("备份(&B)…"), "Ctrl+Shift+B", lambda: self.status_label.setText(self._backup()))
        self.action_restore = self._action("actionRestore", tr("从备份恢复(&R)…"), "", lambda: self.status_label.setText(self._restore()))
        self.keep_in_tray: Callable[[], bool] = lambda: False  # the session decides (asked once)
        self.action_quit = self._action("actionQuit", tr("退出(&Q)"), "Ctrl+Q", self.quitRequested.emit)
        self.action_start_at_login = new_action(tr("登录时启动（在托盘中运行提醒）(&L)"), self, checkable=True)
        self.action_start_at_login.setObjectName("actionStartAtLogin")
        self.action_start_at_login.setToolTip(tr("登录系统后自动在托盘中启动，报告期限到来时照常提醒"))
        self.action_start_at_login.toggled.connect(self.startAtLoginRequested.emit)
        self.action_encrypt = self._action("actionEncrypt", tr("加密此数据库(&C)…"), "", lambda: self.encryptionRequested.emit("encrypt"))
        self.action_change_passphrase = self._action("actionChangePassphrase", tr("更改口令(&W)…"), "", lambda: self.encryptionRequested.emit("change"))
        self.action_decrypt = self._action("actionDecrypt", tr("取消加密(&U)…"), "", lambda: self.encryptionRequested.emit("decrypt"))
        self.encryption_state: Callable[[], str] = lambda: "plain"  # the session tells: plain, locked, unlocked
        self.action_guide = self._action("actionGuide", tr("快速指南(&G)"), "F1", self.show_guide)
        self.action_about = self._action("actionAbout", tr("关于(&A)"), "", self._about)

    def _build_menus(self) -> None:
        """The toolbar and the menus: 事件, 数据, 语言, 帮助."""
        toolbar = QToolBar(tr("工具栏"))
        toolbar.setObjectName("mainToolbar")
        for action in (self.action_new, self.action_edit, self.action_export, self.action_submission):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu(tr("事件(&I)"))
        for action in (self.action_new, self.action_edit, self.action_export, self.action_submission, self.action_find):
            menu.addAction(action)
        data_menu = self.data_menu = self.menuBar().addMenu(tr("数据(&D)"))
        for action in (self.action_profile, self.action_backup, self.action_restore):
            data_menu.addAction(action)
        data_menu.addSeparator()
        for action in (self.action_encrypt, self.action_change_passphrase, self.action_decrypt):
            data_menu.addAction(action)
        data_menu.aboutToShow.connect(self._show_encryption_items)
        menu.addSeparator()
        menu.addAction(self.action_start_at_login)
        menu.addAction(self.action_quit)
        language_menu = self.menuBar().addMenu(tr("语言(&L)"))
        language_menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in i18n.MENU_LABELS.items():
            action = new_action(name, self, checkable=True)
            action.setObjectName(f"actionLanguage_{lang}")
            action.setChecked(lang == i18n.language())
            action.triggered.connect(lambda _c=False, code=lang: self.languageRequested.emit(code))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[lang] = action
        help_menu = self.menuBar().addMenu(tr("帮助(&H)"))
        help_menu.addAction(self.action_guide)
        help_menu.addAction(self.action_about)

    def _build_resume_banner(self) -> None:
        """The line that offers to go on with a draft the wizard left (hidden until there is one)."""
        self.banner = QWidget()
        self.banner.setObjectName("resumeBanner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(8, 4, 8, 4)  # a calm, compact line (issue 18), not a block
        self.banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.banner_text = QLabel("")
        self.banner_text.setObjectName("resumeText")
        self.banner_text.setWordWrap(True)
        self.banner_button = QPushButton(tr("继续填写"))
        self.banner_button.setObjectName("resumeDraft")
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_button)
        self.resume_id: str | None = None
        self.banner_button.clicked.connect(self._resume)
        self.hub.incidentChanged.connect(self._resume_still_offered)
        self.hub.incidentsChanged.connect(lambda: self._resume_still_offered(self.resume_id or ""))
        self.banner.setStyleSheet("#resumeBanner { background: #fff6e0; border: 1px solid #e0b050; border-radius: 6px; }")
        self.banner.hide()

    def _build_list(self) -> None:
        """The incident list with its search field, status filter and 作废或删除 action."""
        self.model = IncidentTableModel(self.hub, self.ticker)
        self.table = QTableView()
        self.table.setObjectName("incidentTable")
        self.table.setModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("incidentSearch")
        self.search.setPlaceholderText(tr("搜索事件名称或编号"))
        self.search.setAccessibleName(tr("搜索事件名称或编号"))
        self.search.textChanged.connect(lambda text: self.model.set_filter(text=text))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(tr("按状态筛选"))
        for key, shown in FILTERS:
            self.status_filter.addItem(tr(str(shown)), key)
        self.status_filter.currentIndexChanged.connect(lambda i: self.model.set_filter(kind=FILTERS[i][0]))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # sized once, not per row per tick
        header.setStretchLastSection(True)  # the title keeps its width on a narrow screen (200 %); the list scrolls
        for column, width in enumerate((self._number_width(), 240, 90, 110, 190, 130, 60)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(IncidentTableModel.GRADE, self._grade_width())  # 「relatively major」 whole, not 「relatively ···」
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(tr("事件列表"))
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.action_remove = new_action(tr("作废或删除(&V)…"), self.table)
        self.action_remove.setObjectName("actionRemoveIncident")
        self.action_remove.setProperty("shortcut", "Del")  # QKeySequence.StandardKey.Delete on every platform
        self.action_remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.action_remove.setToolTip(tr("真实事件作废（写明理由，记录保留）；演练可以删除"))
        self.action_remove.triggered.connect(self.remove_selected)
        self.table.addAction(self.action_remove)

    def _build_splitter(self) -> None:
        """The list (with its search and filter) beside the holder the desk goes into after the first paint."""
        self._desk: IncidentDesk | None = None
        self.desk_holder = QWidget()  # the desk goes in here after the first paint
        self.desk_holder.setObjectName("deskHolder")
        self.desk_layout = QVBoxLayout(self.desk_holder)
        self.desk_layout.setContentsMargins(0, 0, 0, 0)
        splitter = self.splitter = QSplitter()
        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.table)
        splitter.addWidget(list_box)
        splitter.addWidget(self.desk_holder)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 440])

    def _build_banners(self) -> None:
        """The reminder and system-clock banners above the list (hidden until they have something to say)."""
        self.reminder = QLabel("")
        self.reminder.setObjectName("reminderBanner")
        self.reminder.setWordWrap(True)
        self.reminder.setStyleSheet("#reminderBanner { background: #fde2e2; color: #7a1010; border: 1px solid #b42318; border-radius: 6px; padding: 6px; }")
        self.reminder.setAccessibleName(tr("报告期限提醒"))
        self.reminder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.reminder.hide()
        self.clock_banner = QLabel("")
        self.clock_banner.setObjectName("clockBanner")
        self.clock_banner.setWordWrap(True)
        self.clock_banner.setAccessibleName(tr("系统时钟提示"))
        self.clock_banner.setStyleSheet("#clockBanner { background: #eef4fa; color: #1f4e79; border: 1px solid #9dbbd8; border-radius: 6px; padding: 6px; }")
        self.clock_banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.clock_banner.hide()

    def _show_encryption_items(self) -> None:
        """加密此数据库 for a plain file; 更改口令 and 取消加密 for an encrypted one."""
        encrypted = self.encryption_state() != "plain"
        self.action_encrypt.setVisible(not encrypted)
        self.action_change_passphrase.setVisible(encrypted)
        self.action_decrypt.setVisible(encrypted)

    def _integrity_banner(self) -> QWidget:
        """The full check's finding (issue 16): what was found, that writing stopped, and
        the raw copy for forensics. Hidden unless the check found a problem."""
        banner = QWidget()
        banner.setObjectName("integrityBanner")
        banner.setStyleSheet("#integrityBanner { background: #fde2e2; border: 1px solid #b42318; border-radius: 6px; }")
        banner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        row = QHBoxLayout(banner)
        row.setContentsMargins(8, 4, 8, 4)
        self.integrity_text = QLabel("")
        self.integrity_text.setObjectName("integrityText")
        self.integrity_text.setWordWrap(True)
        self.integrity_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.integrity_text.setStyleSheet("color: #7a1010;")
        self.raw_copy_button = QPushButton(tr("保存原始副本（供取证）"))
        self.raw_copy_button.setObjectName("saveRawCopy")
        self.raw_copy_button.setToolTip(tr("把数据库文件按原样逐字节复制一份，不经数据库打开，供核查和取证"))
        self.raw_copy_button.clicked.connect(lambda: self.status_label.setText(self.save_raw_copy()))
        row.addWidget(self.integrity_text, 1)
        row.addWidget(self.raw_copy_button)
        self.save_raw_copy: Callable[[], str] = lambda: ""  # the session sets it with the problem
        banner.hide()
        return banner

    def show_integrity_problem(self, text: str, save_raw_copy: Callable[[], str]) -> None:
        """The full check found a problem: say it, and offer the raw copy."""
        self.integrity_text.setText(text)
        self.save_raw_copy = save_raw_copy
        self.integrity.show()

    def _action(self, name: str, text: str, shortcut: str, slot: Any) -> QAction:
        action = new_action(text, self)
        action.setObjectName(name)
        if shortcut:
            # Set as a property, the shortcut needs no Python key-sequence class before the
            # first paint (its enums cost ~1.4 ms); the tooltip naming it follows the paint.
            action.setProperty("shortcut", shortcut)
            self._shortcut_tips.append(action)
        action.triggered.connect(slot)
        return action

    def _name_shortcuts_in_tooltips(self) -> None:
        """「新建事件 (Ctrl+N)」: each action's tooltip names its shortcut as the system writes it."""
        from PySide6.QtGui import QKeySequence

        for action in self._shortcut_tips:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text().replace('&', '')} ({keys})")
        self._shortcut_tips.clear()

    def _grade_width(self) -> int:
        """The grade column wide enough for its header and every grade name in the UI language."""
        metrics = self.table.fontMetrics()
        names = [i18n.grade_name(g) for g in vocab.Grade]
        header = self.table.horizontalHeader().fontMetrics().horizontalAdvance(str(self.model.headerData(IncidentTableModel.GRADE, Qt.Orientation.Horizontal)))
        return max(90, header + 24, *(metrics.horizontalAdvance(n) + 24 for n in names))

    def _number_width(self) -> int:
        """The number column just wide enough for 2026-0003 and its header (narrow)."""
        header = self.table.horizontalHeader().fontMetrics().horizontalAdvance(str(self.model.headerData(IncidentTableModel.NUMBER, Qt.Orientation.Horizontal)))
        return max(header, self.table.fontMetrics().horizontalAdvance("2026-00000")) + 20

    # Backup, restore and About: ``gui.maintenance`` loads when one is first used.

    def _backup(self) -> str:
        from gui import maintenance

        return maintenance.backup(self, self.hub)

    def _restore(self) -> str:
        from gui import maintenance

        return maintenance.restore(self, self.hub)

    def _about(self) -> None:
        from gui import maintenance

        dialogs.inform(self, tr("关于"), maintenance.about_text(self.pack))

    @property
    def pack(self) -> RulePack:
        """The rule pack, loaded when the desk, the guide or About first asks (not to paint the list)."""
        return self._pack()

    def show_guide(self) -> None:
        """F1: the offline quick guide (the About box stays in the Help menu)."""
        from gui.guide import show_guide

        self.guide = show_guide(self.pack, self.hub.data_path(), self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Closing the main window closes the wizards opened from it (issue 18); with a
        deadline open the app may stay in the tray instead (product.md §8.4)."""
        self.closing.emit()
        if self.keep_in_tray():
            event.ignore()
            self.hide()
            return
        self.closed.emit()
        super().closeEvent(event)

    def edit_profile(self) -> None:
        from gui.profile import ProfileDialog

        dialog = ProfileDialog(self.hub.profile(), self.hub.save_profile, self)
        if dialogs.run(dialog):
            self.status_label.setText(tr("单位资料已保存；新建事件时自动填入。"))

    @property
    def desk(self) -> IncidentDesk:
        """The incident desk, built on first use (at the latest right after the first paint)."""
        if self._desk is None:
            from gui.desk import IncidentDesk

            desk = IncidentDesk(self.hub, self.pack, self.ticker.now, self.open_wizard)
            desk.message.connect(self.status_label.setText)
            self.desk_layout.addWidget(desk)
            QWidget.setTabOrder(self.table, desk)  # list → desk, as if it had been there from the start
            self._desk = desk
            desk.show_incident(self.selected_id())
            guard_wheel(desk)
        return self._desk

    @property
    def desk_ready(self) -> bool:
        return self._desk is not None

    def _after_first_paint(self) -> None:
        self._name_shortcuts_in_tooltips()
        self.desk.show()
        QTimer.singleShot(0, self.model.complete)
        QTimer.singleShot(0, self.model.watch_running)

    def _selection_changed(self, *_args: object) -> None:
        if self._desk is not None:  # else the desk shows the selection when it is built
            self._desk.show_incident(self.selected_id())

    def _after_reload(self) -> None:
        """Keep the desk on its incident; with nothing chosen yet, show the nearest deadline."""
        current = self._desk.incident_id if self._desk is not None else self.selected_id()
        if current is None and self.model.rowCount() > 0:
            self.table.selectRow(0)
        elif self._desk is not None:
            self._desk.show_incident(current)

    def show_reminder(self, message: str) -> None:
        """A non-modal reminder banner; the newest three messages stay visible."""
        lines = [message] + [line for line in self.reminder.text().split("\n") if line][:2]
        self.reminder.setText("\n".join(lines))
        self.reminder.show()

    def show_clock_warning(self, message: str) -> None:
        """A calm note about the system clock (deadlines stay computed in Beijing time)."""
        lines = [message] + [line for line in self.clock_banner.text().split("\n") if line and line != message][:1]
        self.clock_banner.setText("\n".join(lines))
        self.clock_banner.show()

    def _tick(self, now: datetime) -> None:
        if self._desk is not None:
            self._desk.refresh(now)
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if first < 0:
            return
        last = last if last >= 0 else self.model.rowCount() - 1
        self.model.tick(now, first, last)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.incident_id(rows[0].row())

    def select_incident(self, incident_id: str | None) -> None:
        """Select ``incident_id`` in the list (when it is shown)."""
        self.model.complete()
        for row in range(self.model.rowCount()):
            if self.model.incident_id(row) == incident_id:
                self.table.selectRow(row)
                return

    def remove_selected(self) -> str:
        """Void the selected real incident (with a reason) or delete the selected drill,
        after asking (product.md §8.1); returns what happened, shown in the status bar."""
        row = next((r for r in self.model.rows if r.id == self.selected_id()), None)
        if row is None:
            message = tr("请先在列表中选择一个事件。")
        elif row.voided:
            message = tr("这个事件已经作废。")
        elif row.drill:
            if not dialogs.ask(self, tr("删除演练"), tr("删除演练「{t}」及其全部记录？删除本身会记入审计日志。").format(t=row.title or "")):
                return ""
            self.hub.delete_drill(row.id)
            message = tr("已删除演练。")
        else:
            reason = dialogs.ask_text(self, tr("作废事件"), tr("真实事件不能删除，只能作废；记录和历史都会保留。请写明作废理由："))
            if reason is None:
                return ""
            try:
                self.hub.void_incident(row.id, reason)
            except StoreError as exc:
                message = said(exc)
            else:
                message = tr("已作废；在筛选「已作废」中仍可查看。")
        self.status_label.setText(message)
        return message

    def edit_selected(self) -> None:
        incident_id = self.selected_id()
        if incident_id:
            self.open_wizard(incident_id)

    def offer_resume(self, incident_id: str, title: str) -> None:
        """A non-modal offer to go on with an unfinished draft (after closing or a crash)."""
        self.banner_text.setText(tr("有一份尚未完成首报的草稿：「{t}」。所有已填写的内容都已保存。").format(t=title))
        self.resume_id = incident_id
        self.banner.show()

    def _resume_still_offered(self, incident_id: str) -> None:
        """The offer goes once the draft has a submission, is voided or deleted: the banner
        never contradicts what was submitted (issue 18)."""
        if not self.resume_id or incident_id != self.resume_id:
            return
        try:
            doc = self.hub.document(self.resume_id)
        except StoreError:  # deleted
            doc = {}
        if not doc or doc.get(fp.SUBMISSIONS) or doc.get(VOIDED):  # the document's 作废 record bears the status's name
            self.resume_id = None
            self.banner.hide()

    def _resume(self) -> None:
        self.banner.hide()
        if self.resume_id:
            self.open_wizard(self.resume_id)
