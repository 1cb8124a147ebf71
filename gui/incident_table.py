"""The incident list's model (``incidentTable`` in the main window): rows from the store's
list query through the hub, sorted by the nearest deadline, a filter, and the one column
that changes on a tick (time left). Running incidents in view show their live grade
(D18). The mark for a passed deadline is drawn from ``resources/icons``."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from core import resources
from core.service import IncidentSummary, StoreError
from core.timeutil import display_beijing, past_due
from core.vocab import Status, unfinished
from gui import i18n
from gui.hub import StoreHub
from gui.i18n import tr
from gui.ticker import Ticker

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap

VOIDED = str(Status.VOIDED)  # the filter that lists voided incidents (out of the list otherwise)

Index = QModelIndex | QPersistentModelIndex
_OVERDUE_MARK: list[QPixmap] = []


def overdue_mark() -> QPixmap:
    """The list's mark for a passed deadline (``resources/icons/overdue.svg`` rendered to a
    32 px PNG, drawn at 16 logical pixels: sharp at 200 %). A file rather than the style's
    warning icon, and a pixmap rather than an icon: the style's and the icon's enums cost
    ~6 ms and ~1.3 ms before the first paint of a list with an overdue row (issue 12)."""
    if not _OVERDUE_MARK:
        from PySide6.QtGui import QPixmap

        mark = QPixmap(str(resources.path("icons/overdue-32.png")))
        mark.setDevicePixelRatio(2.0)
        _OVERDUE_MARK.append(mark)
    return _OVERDUE_MARK[0]


class IncidentTableModel(QAbstractTableModel):
    """Rows come from the store's summaries (derived columns, no re-grading); only the
    time-left column changes on a tick.

    A reload reads the ``FIRST_PAGE`` nearest deadlines at once and the rest on the next
    turn of the event loop (appended, so the view, its selection and scroll position stay
    put): with 10,000 incidents the window paints ~60 ms sooner (issue 7). The first load
    leaves the rest to the window, which asks for it after its first paint. Anything that
    needs every row (a filter, ``select_incident``) calls ``complete()`` first."""

    HEADERS = (
        QT_TR_NOOP("编号"),
        QT_TR_NOOP("事件"),
        QT_TR_NOOP("定级"),
        QT_TR_NOOP("状态"),
        QT_TR_NOOP("最近期限（北京时间）"),
        QT_TR_NOOP("剩余时间"),
        QT_TR_NOOP("演练"),
    )
    FIRST_PAGE = 100  # more rows than a 4K screen shows at 100 % (~70); 200 cost ~1.5 ms more before the first paint
    NUMBER, TITLE, GRADE, STATUS, DUE, LEFT, DRILL = range(7)  # the columns, in HEADERS' order

    def __init__(self, hub: StoreHub, ticker: Ticker) -> None:
        super().__init__()
        self.hub, self.ticker = hub, ticker
        self.all_rows: list[IncidentSummary] = []
        self.rows: list[IncidentSummary] = []  # the rows shown: all_rows through the filter
        self.text = ""
        self.kind = "all"
        self.now = ticker.now()
        self._partial = 0  # > 0 while only the first page is loaded: the reload it belongs to
        self._reloads = 0
        # D18: incidents whose grade time alone can change (a duration that began), and their
        # live grade with core's next moment of change; None until asked after the first paint.
        self.running: set[str] | None = None
        self.live: dict[str, tuple[str, datetime | None]] = {}
        self.reload(rest_later=False)

    def reload(self, rest_later: bool = True) -> None:
        self._reloads += 1
        self.beginResetModel()
        self.now = self.ticker.now()
        self.all_rows = self.hub.list_incidents(self.now, limit=self.FIRST_PAGE, voided=self.kind == VOIDED)
        self.rows = [row for row in self.all_rows if self._accepts(row)]
        self._partial = self._reloads if len(self.all_rows) == self.FIRST_PAGE else 0
        self.endResetModel()
        if self._partial and rest_later:
            token = self._partial
            QTimer.singleShot(0, lambda: self._load_rest(token))

    @property
    def loaded(self) -> bool:
        """Every incident is in ``all_rows``."""
        return not self._partial

    def complete(self) -> None:
        """Load the rest now, if only the first page is loaded."""
        if self._partial:
            self._load_rest(self._partial)

    def _load_rest(self, token: int) -> None:
        if token != self._partial:
            return  # a newer reload or a ``complete()`` came first
        self._partial = 0
        rows = self.hub.list_incidents(self.now, voided=self.kind == VOIDED)
        if rows[: len(self.all_rows)] != self.all_rows:
            self.beginResetModel()  # changed meanwhile (another window or process): start over
            self.all_rows = rows
            self.rows = [row for row in rows if self._accepts(row)]
            self.endResetModel()
            return
        more = [row for row in rows[len(self.all_rows) :] if self._accepts(row)]
        self.all_rows = rows
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def set_filter(self, text: str | None = None, kind: str | None = None) -> None:
        """Text search on the title and the human number (2026-0003), and a status filter. Done here rather than through a
        QSortFilterProxyModel: with PySide6 6.12 every role a Python model answers with
        None through a proxy drops a reference to None, which ends in a crash after
        enough repaints (measured: 2 per repaint of a row)."""
        if kind is not None and (kind == VOIDED) != (self.kind == VOIDED):
            self.kind = kind  # voided incidents are read only when asked for
            self.reload(rest_later=False)
            self.complete()
        self.complete()
        if text is not None:
            self.text = text.strip().lower()
        if kind is not None:
            self.kind = kind
        self.beginResetModel()
        self.rows = [row for row in self.all_rows if self._accepts(row)]
        self.endResetModel()

    def _accepts(self, row: IncidentSummary) -> bool:
        if self.text and self.text not in (row.title or "").lower() and self.text not in (row.number or "").lower():
            return False
        if self.kind == "unfinished":
            return unfinished(row.status)
        if self.kind == "past_due":
            return self._overdue(row)
        if self.kind == "drill":
            return row.drill
        if self.kind == "real":
            return not row.drill
        return True

    def incident_id(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def watch_running(self) -> None:
        """Ask core which incidents have a running duration (after the first paint and after
        each change); their grade cells show the live answer, asked again at the next tick."""
        try:
            self.running = self.hub.service.running_incidents()
        except StoreError:
            return  # the store is busy or closed: asked again at the next change
        self.live.clear()

    def _live_grades(self, now: datetime, first: int, last: int) -> None:
        """The rows in view with a running duration: assessed again only when core's next
        moment of change has come (``recompute_due``), not on every tick."""
        from core.assessment import recompute_due

        if not self.running:
            return
        view = {row.id: i for i, row in enumerate(self.rows[first : last + 1], start=first) if row.id in self.running}
        watch = {iid: self.live[iid][1] if iid in self.live else now for iid in view}
        for iid in recompute_due(watch, now):
            try:
                result = self.hub.service.assess(iid, now)
            except (StoreError, LookupError, ValueError):
                continue  # gone or unreadable meanwhile: the stored grade stays shown
            self.live[iid] = (str(result.grading.grade), result.next_change)  # None: time alone changes nothing more
            cell = self.index(view[iid], self.GRADE)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    def tick(self, now: datetime, first: int = 0, last: int | None = None) -> None:
        """On a tick only the time left of the rows in view changes; the status, icon and
        colour change too when a deadline among them has just passed."""
        before, self.now = self.now, now
        if not self.rows:
            return
        first, last = max(first, 0), len(self.rows) - 1 if last is None else min(last, len(self.rows) - 1)
        self._live_grades(now, first, last)
        passed = any(row.next_due is not None and past_due(row.next_due, now) and not past_due(row.next_due, before) for row in self.rows[first : last + 1])
        left = self.LEFT
        self.dataChanged.emit(self.index(first, 0 if passed else left), self.index(last, left), [] if passed else [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(str(self.HEADERS[section]))
        return None

    def _display(self, row: IncidentSummary, col: int) -> str | None:
        if col == self.NUMBER:
            return row.number or "—"
        if col == self.TITLE:
            return row.title or tr("（未命名事件）")
        if col == self.GRADE:
            return i18n.grade_name(self.live[row.id][0] if row.id in self.live else row.grade)
        if col == self.STATUS:
            return i18n.status_name(Status.OVERDUE if self._overdue(row) else row.status, short=True)
        if col == self.DUE:
            return display_beijing(row.next_due) if row.next_due else "—"
        if col == self.LEFT:
            return i18n.time_left(row.next_due, self.now) if row.next_due else "—"
        if col == self.DRILL:
            return tr("演练") if row.drill else ""
        return None

    def _overdue(self, row: IncidentSummary) -> bool:
        return row.next_due is not None and past_due(row.next_due, self.now)

    # The roles answered; the view asks each cell for seven (font, alignment, background…):
    # the others are turned away first, before the index is read.
    ANSWERED = frozenset(
        int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole)
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self.ANSWERED or not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.DecorationRole and col == self.TITLE and self._overdue(row):
            return overdue_mark()
        if role == Qt.ItemDataRole.ForegroundRole and self._overdue(row):
            from PySide6.QtGui import QColor

            return QColor("#b42318")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
