"""The worklist screen: search box and filters above the paged case table.

Typing in the search box or changing a filter builds a new `WorklistQuery` after a short pause, so a
fast typist causes one query, not one per key. The table asks the model only for the rows on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.records import WorklistQuery
from her2desk.domain.vocabulary import Site, Status
from her2desk.gui.common.fields import ERROR_STYLE, enum_field
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate, whole_number
from her2desk.gui.worklist.worklist_model import CASE_ID_ROLE, COLUMNS, FREE_TEXT_WIDTHS, WorklistModel

SEARCH_DELAY_MS = 250
EMPTY_HINT = QT_TRANSLATE_NOOP(
    "Worklist", "No cases yet: press Ctrl+N (File ▸ New case) to enter the first one."
)


class _Table(QTableView):
    """The worklist's table; tells `painted` once its rows have been painted.

    Its own paint event, not an event filter on the viewport: `viewport()` hands Python a QWidget that
    Python did not create, and to find its class PySide6 sets up every widget class of QtWidgets with
    their enums (~30 ms, once), before the first paint. Later calls (`viewport().update()`) pay it after.
    """

    def __init__(self, painted: Callable[[], object]) -> None:
        super().__init__()
        self._painted = painted

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self._painted()


class WorklistView(QWidget):
    """Emits `open_requested(case_id)` on Enter or double-click, `first_paint` once rows are on screen."""

    open_requested = Signal(int)
    first_paint = Signal()

    def __init__(self, model: WorklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._painted = False
        self.empty_hint = translate("Worklist", EMPTY_HINT)

        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("Worklist", "Search: accession, MRN or family name"))
        self.search.setAccessibleName("Search worklist")
        self.search.setClearButtonEnabled(True)
        self.status_filter = enum_field("status", translate("Worklist", "Status"), "Status filter", Status)
        self.status_filter.combo.setItemText(0, translate("Worklist", "Any status"))
        self.site_filter = enum_field("site", translate("Worklist", "Site"), "Site filter", Site)
        self.site_filter.combo.setItemText(0, translate("Worklist", "Any site"))
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText(translate("Worklist", "collected from YYYY-MM-DD"))
        self.date_from.setAccessibleName("Collected from")
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText(translate("Worklist", "to YYYY-MM-DD"))
        self.date_to.setAccessibleName("Collected to")
        self.needs_action = QCheckBox(translate("Worklist", "&Needs action"))
        self.needs_action.setAccessibleName("Needs action")
        self.needs_action.setToolTip(translate("Worklist", "Equivocal, pending or awaiting adjudication"))
        self.awaiting_signout = QCheckBox(translate("Worklist", "&Awaiting sign-out"))
        self.awaiting_signout.setAccessibleName("Awaiting sign-out")
        self.awaiting_signout.setToolTip(translate("Worklist", "Entered or amended cases not yet signed out"))
        self.signed_out_today = QCheckBox(translate("Worklist", "Si&gned out today"))
        self.signed_out_today.setAccessibleName("Signed out today")
        self.signed_out_today.setToolTip(translate("Worklist", "Cases signed out today (local time)"))
        self.count_label = QLabel(translate("Worklist", "Counting cases…"))
        self.count_label.setAccessibleName("Case count")

        self.table: QTableView = _Table(self._on_table_painted)
        self.table.setAccessibleName("Worklist")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows: the handouts of selected cases are printed in one go.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row size queries
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(column_widths(self.table.fontMetrics(), header.fontMetrics())):
            header.resizeSection(column, width)
        column, order = model.sort_column()
        header.setSortIndicator(column, order)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        self.search.installEventFilter(self)  # Down arrow: from the search box into the results

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter.input, 1)
        filters.addWidget(self.site_filter.input, 1)
        filters.addWidget(self.date_from, 1)
        filters.addWidget(self.date_to, 1)
        # The check boxes on a line of their own: one line of everything would not fit a small screen.
        checks = QHBoxLayout()
        checks.addWidget(self.needs_action)
        checks.addWidget(self.awaiting_signout)
        checks.addWidget(self.signed_out_today)
        checks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(checks)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.setFocusProxy(self.search)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        for edit in (self.search, self.date_from, self.date_to):
            edit.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.apply_filters)
        self.status_filter.combo.currentIndexChanged.connect(self.apply_filters)
        self.site_filter.combo.currentIndexChanged.connect(self.apply_filters)
        self.needs_action.toggled.connect(self.apply_filters)
        self.awaiting_signout.toggled.connect(self.apply_filters)
        self.signed_out_today.toggled.connect(self.apply_filters)
        model.count_known.connect(self._on_count)
        model.page_loaded.connect(lambda _page: self.table.viewport().update())
        model.load_failed.connect(self.count_label.setText)

    def current_query(self) -> WorklistQuery:
        """The query the filters describe; a date that cannot be read is marked and left out."""
        return WorklistQuery(
            text=self.search.text().strip(),
            status=self.status_filter.value_as(Status),
            site=self.site_filter.value_as(Site),
            collected_from=_date_or_none(self.date_from),
            collected_to=_date_or_none(self.date_to),
            needs_action=self.needs_action.isChecked(),
            awaiting_signout=self.awaiting_signout.isChecked(),
            # "Today" in local time, as it is when the filters are applied.
            signed_out_on=datetime.now().astimezone().date() if self.signed_out_today.isChecked() else None,
            order_by=self.model.query.order_by,
            descending=self.model.query.descending,
        )

    def apply_filters(self) -> None:
        self._timer.stop()
        query = self.current_query()
        if query != self.model.query:
            self.count_label.setText(translate("Worklist", "Counting cases…"))
            self.model.set_query(query)

    def selected_case_id(self) -> int | None:
        index = self.table.currentIndex()
        value = self.model.data(index, CASE_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def selected_accessions(self) -> list[str]:
        """Accessions of the selected rows that are loaded (a selection spans only loaded pages)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = (self.model.row_at(row) for row in rows)
        return [r.accession for r in found if r is not None]

    def _open_index(self, index) -> None:
        case_id = self.model.data(index, CASE_ID_ROLE)
        if case_id is not None:
            self.open_requested.emit(int(case_id))

    def _on_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        if (
            not 0 <= column < len(COLUMNS) or COLUMNS[column].order is None
        ):  # keep the indicator on the column actually sorted
            header = self.table.horizontalHeader()
            current, current_order = self.model.sort_column()
            header.blockSignals(True)
            header.setSortIndicator(current, current_order)
            header.blockSignals(False)

    def _on_count(self, total: int) -> None:
        if total:
            self.count_label.setText(
                translate("Worklist", "1 case")
                if total == 1
                else translate("Worklist", "{count} cases").format(count=whole_number(total))
            )
        elif self.model.query == WorklistQuery(
            order_by=self.model.query.order_by, descending=self.model.query.descending
        ):
            self.count_label.setText(self.empty_hint)
        else:
            self.count_label.setText(translate("Worklist", "No cases match the search and filters."))
        self.table.viewport().update()  # an empty result changes no rows but must still be painted
        if total and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def set_empty_hint(self, text: str) -> None:
        """What an empty worklist tells the signed-in user to do (not "press Ctrl+N" to one who may not)."""
        self.empty_hint = text
        if self.model.total == 0:
            self._on_count(0)

    def populated(self) -> bool:
        """The first page of rows is in hand (or the count says there are none)."""
        return self.model.total == 0 or (self.model.rowCount() > 0 and self.model.row_at(0) is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            self.apply_filters()
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _on_table_painted(self) -> None:
        if not self._painted and self.populated():
            self._painted = True
            QTimer.singleShot(0, self.first_paint.emit)  # after this paint has reached the screen


def _date_or_none(edit: QLineEdit) -> date | None:
    text = edit.text().strip()
    if not text:
        edit.setStyleSheet("")
        edit.setToolTip("")
        return None
    try:
        value = date.fromisoformat(text)
    except ValueError:
        # The domain's own words for a date it cannot read, in the interface's language (imported
        # here: the worklist's first paint needs neither).
        from her2desk.domain.parsing import parse_iso_date
        from her2desk.gui.common.domain_text import say

        problem = parse_iso_date(text, "")
        edit.setStyleSheet(f"QLineEdit {{ {ERROR_STYLE} }}")
        edit.setToolTip(say(problem.message) if not isinstance(problem, date) else "")
        return None
    edit.setStyleSheet("")
    edit.setToolTip("")
    return value


CELL_MARGIN = 16  # the cell's own padding and focus frame, both sides
SORT_ARROW = 24  # room for the sort indicator beside a header's title


def column_widths(cells: QFontMetrics, headers: QFontMetrics) -> list[int]:
    """Each column as wide as the longest text it can show (its header's title included); the free-text
    columns (accession, patient, MRN) get a set width and show their whole text on hover."""
    widths = []
    for column in COLUMNS:
        title = headers.horizontalAdvance(column.shown_title) + CELL_MARGIN + SORT_ARROW
        if not column.texts:
            widths.append(max(title, FREE_TEXT_WIDTHS[column.title]))
            continue
        longest = max(cells.horizontalAdvance(text) for text in column.texts)
        widths.append(max(title, longest + CELL_MARGIN))
    return widths
