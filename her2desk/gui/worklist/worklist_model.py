"""The worklist as a Qt table model over paged queries: a million cases cost a count and a few pages.

The model knows the number of rows (one COUNT query) and keeps only the pages recently looked at in
a small LRU cache. A row whose page is not cached shows a placeholder and asks for its page on a
worker thread; when the page arrives, those rows are repainted. A page next to one already read is
asked for by its neighbour's boundary case (keyset paging: as cheap deep in the list as at its top),
a page nearer the end than the start is counted from the end, so scrolling to the end of a million
cases reads one page, not a million index entries. Sorting and filtering change the
query, so the database does the work with its indexes; nothing is ever sorted in Python.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from her2desk.domain.records import SignOutState, WorklistOrder, WorklistQuery, WorklistRow
from her2desk.domain.vocabulary import Descriptor, IhcScore, Procedure, Site, Status
from her2desk.gui.common.labels import STATUS_COLOURS, label, reported_label
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate
from her2desk.gui.common.workers import TaskRunner

PAGE_SIZE = 200
MAX_CACHED_PAGES = 30
LOADING = "…"
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ACCESSION_ROLE = Qt.ItemDataRole.UserRole + 2
# `data` is called for every role of every visible cell at each paint (about 2,000 calls for the first
# screen): the roles it answers, as plain numbers, are looked up once here rather than at each call.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED_ROLES = frozenset({_DISPLAY, _FOREGROUND, _TOOLTIP, int(CASE_ID_ROLE), int(ACCESSION_ROLE)})
Index = QModelIndex | QPersistentModelIndex


class WorklistSource(Protocol):
    """What the model needs from storage (CaseService provides it; tests may pass anything like it)."""

    def worklist_count(self, query: WorklistQuery) -> int: ...

    def worklist_page(
        self,
        query: WorklistQuery,
        offset: int,
        limit: int,
        *,
        after: int | None = None,
        before: int | None = None,
        total: int | None = None,
    ) -> list[WorklistRow]: ...


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[WorklistRow], str]
    order: WorklistOrder | None  # None: the store has no index to sort this column by
    # Every text the column can show, where the vocabulary is closed: the view makes it as wide as the
    # longest, so no label is ever cut ("Indeter…"). None: free text, a set width and a tooltip. A
    # function, called when the view is built, so the texts are in the interface's language.
    words: Callable[[], tuple[str, ...]] | None = None
    meaning: str = ""  # the header's tooltip says what a short title stands for

    @property
    def texts(self) -> tuple[str, ...]:
        return self.words() if self.words is not None else ()

    @property
    def shown_title(self) -> str:
        """The header in the interface's language (`title` stays English: code finds columns by it)."""
        return translate("Worklist", self.title)


def _labels(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(label(v) for v in values)


def _reported_texts() -> tuple[str, ...]:
    return tuple(
        reported_label(status, descriptor, adjudicated)
        for status in Status
        for descriptor in (None, *Descriptor)
        for adjudicated in (False, True)
    )


COLUMNS: tuple[Column, ...] = (
    Column("Accession", lambda r: r.accession, WorklistOrder.ACCESSION),
    Column("Patient", lambda r: r.patient_name, WorklistOrder.PATIENT),
    Column("MRN", lambda r: r.mrn, WorklistOrder.MRN),
    Column("Site", lambda r: label(r.site), WorklistOrder.SITE, lambda: _labels(Site)),
    Column("Procedure", lambda r: label(r.procedure), None, lambda: _labels(Procedure)),
    Column(
        "Collected",
        lambda r: r.collected_on.isoformat() if r.collected_on else "",
        WorklistOrder.COLLECTED_ON,
        lambda: ("2026-12-31",),
    ),
    Column("IHC", lambda r: label(r.ihc), None, lambda: _labels(IhcScore)),
    Column(
        "ISH",
        lambda r: "" if r.ish_group is None else str(r.ish_group),
        None,
        lambda: ("5",),
        "ISH group (1-5)",
    ),
    Column("Sign-out", lambda r: label(r.signout_state), None, lambda: _labels(SignOutState)),
    # Last, so it stretches: its longest texts ("…, adjudicated") are the rare ones.
    Column(
        "Status",
        lambda r: reported_label(r.status, r.descriptor, r.adjudicated),
        WorklistOrder.STATUS,
        _reported_texts,
        "The reported result",
    ),
)
# Free text gets a set width in pixels (a long name shows whole on hover). With them, every column
# but the end of Status's rare longest texts fits a 1280-pixel-wide screen.
# The titles and meanings, for pyside6-lupdate (shown through `Column.shown_title` and the tooltip).
_COLUMN_WORDS = (
    QT_TRANSLATE_NOOP("Worklist", "Accession"),
    QT_TRANSLATE_NOOP("Worklist", "Patient"),
    QT_TRANSLATE_NOOP("Worklist", "MRN"),
    QT_TRANSLATE_NOOP("Worklist", "Site"),
    QT_TRANSLATE_NOOP("Worklist", "Procedure"),
    QT_TRANSLATE_NOOP("Worklist", "Collected"),
    QT_TRANSLATE_NOOP("Worklist", "IHC"),
    QT_TRANSLATE_NOOP("Worklist", "ISH"),
    QT_TRANSLATE_NOOP("Worklist", "Sign-out"),
    QT_TRANSLATE_NOOP("Worklist", "Status"),
    QT_TRANSLATE_NOOP("Worklist", "ISH group (1-5)"),
    QT_TRANSLATE_NOOP("Worklist", "The reported result"),
)
FREE_TEXT_WIDTHS = {"Accession": 110, "Patient": 170, "MRN": 100}

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, CASE_ID_ROLE, ACCESSION_ROLE)
STATUS_COLUMN = next(i for i, c in enumerate(COLUMNS) if c.title == "Status")


class WorklistModel(QAbstractTableModel):
    """Rows of the current query, fetched page by page off the GUI thread."""

    count_known = Signal(int)
    page_loaded = Signal(int)
    load_failed = Signal(str)

    def __init__(self, source: WorklistSource, runner: TaskRunner | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.source = source
        self.runner = runner or TaskRunner(parent=self)
        self.query = WorklistQuery()
        self.generation = 0
        self.total: int | None = None  # the exact count, once the COUNT query has answered
        self._rows = 0  # rows shown now: the count, or the first page while the count is running
        self._pages: OrderedDict[int, list[WorklistRow]] = OrderedDict()
        self._pending: set[int] = set()
        # First and last case id of every page read for this query (kept after its rows leave the
        # cache): where the neighbouring pages start. No last id for a short (the last) page.
        self._bounds: dict[int, tuple[int, int | None]] = {}

    # -- the query ---------------------------------------------------------------------------------

    def set_query(self, query: WorklistQuery, first_page: list[WorklistRow] | None = None) -> None:
        """Show another query's rows: forget every cached page and count again.

        `first_page`: the query's first page, already read (at start-up, without the service); it is
        shown at once and only the count is asked of the source.
        """
        self.beginResetModel()
        self.query = query
        self.generation += 1
        self.total = None
        self._rows = 0
        self._pages.clear()
        self._pending.clear()
        self._bounds.clear()
        if first_page is not None:
            self._pages[0] = list(first_page)[:PAGE_SIZE]
            self._rows = len(self._pages[0])
            self._remember_bounds(0, self._pages[0])
        self.endResetModel()
        generation = self.generation
        self.runner.submit(
            lambda: (generation, self.source.worklist_count(query)), self._on_count, self._on_failure
        )
        if first_page is None:
            self._request_page(0)  # in parallel with the count: the first screen appears sooner

    def refresh(self) -> None:
        self.set_query(self.query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].order if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.query.order_by, self.query.descending):
            self.set_query(replace(self.query, order_by=key, descending=descending))

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        column = next((i for i, c in enumerate(COLUMNS) if c.order is self.query.order_by), 0)
        order = Qt.SortOrder.DescendingOrder if self.query.descending else Qt.SortOrder.AscendingOrder
        return column, order

    # -- Qt model API ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return COLUMNS[section].shown_title
            if role == Qt.ItemDataRole.ToolTipRole:
                column = COLUMNS[section]
                if column.meaning:
                    meaning = translate("Worklist", column.meaning)
                    if column.order is not None:
                        return translate("Worklist", "{meaning}; click to sort").format(meaning=meaning)
                    return translate("Worklist", "{meaning}; this column cannot be sorted").format(
                        meaning=meaning
                    )
                if column.order is not None:
                    return translate("Worklist", "Click to sort")
                return translate("Worklist", "This column cannot be sorted")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        column = index.column()
        if not 0 <= column < len(COLUMNS):
            return None
        row = self.row_at(index.row())
        if row is None:
            return LOADING if role == _DISPLAY and column == 0 else None
        if role == _DISPLAY:
            return COLUMNS[column].text(row)
        if role == CASE_ID_ROLE:
            return row.case_id
        if role == ACCESSION_ROLE:
            return row.accession
        if role == _TOOLTIP:
            if column == STATUS_COLUMN and row.adjudicated:
                return translate("Worklist", "Guideline result: {status}; reported as adjudicated").format(
                    status=label(row.engine_status) or translate("Worklist", "no result")
                )
            if COLUMNS[column].words is None:  # free text may be wider than its column
                return COLUMNS[column].text(row) or None
            return None
        # the foreground
        colour = STATUS_COLOURS.get(row.status) if column == STATUS_COLUMN else None
        return QBrush(QColor(colour)) if colour else None

    # -- pages -------------------------------------------------------------------------------------

    def row_at(self, row: int) -> WorklistRow | None:
        """The row if its page is cached; otherwise None, and the page is on its way."""
        if row < 0 or (self.total is not None and row >= self.total):
            return None
        page_number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_number)
        if page is None:
            self._request_page(page_number)
            return None
        self._pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    def cached_pages(self) -> int:
        return len(self._pages)

    def is_loading(self) -> bool:
        return self.total is None or bool(self._pending)

    def _request_page(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation, query, total = self.generation, self.query, self.total
        previous, following = self._bounds.get(page - 1), self._bounds.get(page + 1)
        after = previous[1] if previous else None
        before = following[0] if following and after is None else None

        def work() -> tuple[int, int, list[WorklistRow] | None]:
            if generation != self.generation or page not in self._pending:
                return generation, page, None  # the view moved on before this ran
            rows = self.source.worklist_page(
                query, page * PAGE_SIZE, PAGE_SIZE, after=after, before=before, total=total
            )
            return generation, page, rows

        self.runner.submit(work, self._on_page, self._on_failure)

    def _on_count(self, result: tuple[int, int]) -> None:
        generation, total = result
        if generation != self.generation:
            return
        self.total = total
        self._resize(total)
        self.count_known.emit(total)

    def _resize(self, rows: int) -> None:
        if rows > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, rows - 1)
            self._rows = rows
            self.endInsertRows()
        elif rows < self._rows:
            self.beginRemoveRows(QModelIndex(), rows, self._rows - 1)
            self._rows = rows
            self.endRemoveRows()

    def _on_page(self, result: tuple[int, int, list[WorklistRow] | None]) -> None:
        generation, page, rows = result
        if generation != self.generation:
            return
        self._pending.discard(page)
        if rows is None:
            return
        self._pages[page] = rows
        self._pages.move_to_end(page)
        self._remember_bounds(page, rows)
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        if page == 0 and self.total is None:
            # Show the first screen while the count is still running; the count then adds the rest.
            self._resize(len(rows))
            self.page_loaded.emit(page)
            return
        if self._rows:
            first = page * PAGE_SIZE
            last = min(first + len(rows), self._rows) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(page)

    def _remember_bounds(self, page: int, rows: list[WorklistRow]) -> None:
        if rows:  # after a short page the next page's rows would not start at its offset
            self._bounds[page] = (rows[0].case_id, rows[-1].case_id if len(rows) == PAGE_SIZE else None)

    def _on_failure(self, error: Exception) -> None:
        self._pending.clear()
        self.load_failed.emit(f"The worklist could not be read: {error}")
