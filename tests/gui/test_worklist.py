"""The worklist model over a real database: paged, lazy, sorted and filtered by the store."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from support.backends import make_entry

from her2desk.demo.seed import seed_demo
from her2desk.domain.records import WorklistOrder, WorklistQuery
from her2desk.domain.vocabulary import Site, Status
from her2desk.gui.shell.main_window import MainWindow
from her2desk.gui.worklist.worklist_model import (
    CASE_ID_ROLE,
    COLUMNS,
    LOADING,
    MAX_CACHED_PAGES,
    PAGE_SIZE,
    STATUS_COLUMN,
    WorklistModel,
)
from her2desk.services.case_service import CaseService

CASES = 2 * PAGE_SIZE + 57


@pytest.fixture
def seeded(service: CaseService) -> CaseService:
    seed_demo(service, CASES, seed=7)
    return service


@pytest.fixture
def model(seeded: CaseService, qtbot):
    m = WorklistModel(seeded)
    m.set_query(WorklistQuery())
    qtbot.waitUntil(lambda: m.total is not None)
    yield m
    m.runner.wait()


def load_all_pages(model: WorklistModel, qtbot) -> None:
    for page in range((model.total + PAGE_SIZE - 1) // PAGE_SIZE):
        model.row_at(page * PAGE_SIZE)
    qtbot.waitUntil(lambda: not model.is_loading())


@pytest.mark.parametrize("force_py", [True, False], ids=["python-tester", "qt-tester"])
def test_model_passes_qtmodeltester(model: WorklistModel, qtmodeltester, qtbot, force_py: bool) -> None:
    load_all_pages(model, qtbot)
    qtmodeltester.check(model, force_py=force_py)
    model.sort(0, Qt.SortOrder.AscendingOrder)  # a reset and a fresh count while the tester watches
    qtbot.waitUntil(lambda: model.total == CASES)
    load_all_pages(model, qtbot)


def test_count_comes_from_the_store_and_rows_arrive_by_page(model: WorklistModel, seeded, qtbot) -> None:
    assert model.rowCount() == CASES == seeded.worklist_count(WorklistQuery())
    assert model.columnCount() == len(COLUMNS)
    last = model.index(CASES - 1, 0)
    assert model.data(last) == LOADING  # the last page has not been asked for until now
    last_page = (CASES - 1) // PAGE_SIZE
    with qtbot.waitSignal(model.page_loaded, timeout=5000, check_params_cb=lambda page: page == last_page):
        pass
    expected = seeded.worklist_page(WorklistQuery(), CASES - 1, 1)[0]
    assert model.data(last) == expected.accession


def test_newest_first_by_collection_date(model: WorklistModel, qtbot) -> None:
    load_all_pages(model, qtbot)
    collected = [model.data(model.index(r, 5)) for r in range(model.rowCount())]
    dated = [c for c in collected if c]
    assert dated == sorted(dated, reverse=True)


def test_sorting_by_accession_asks_the_store(model: WorklistModel, qtbot) -> None:
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.query.order_by is WorklistOrder.ACCESSION
    qtbot.waitUntil(lambda: model.total is not None)
    load_all_pages(model, qtbot)
    accessions = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert accessions == sorted(accessions)
    generation = model.generation
    model.sort(4, Qt.SortOrder.AscendingOrder)  # procedure: no index, so not sortable
    assert model.generation == generation


def test_cache_stays_small_while_scrolling_through_every_page(
    model: WorklistModel, qtbot, monkeypatch
) -> None:
    import her2desk.gui.worklist.worklist_model as wm

    monkeypatch.setattr(wm, "MAX_CACHED_PAGES", 2)
    load_all_pages(model, qtbot)
    assert model.cached_pages() <= 2 < (CASES + PAGE_SIZE - 1) // PAGE_SIZE
    assert MAX_CACHED_PAGES * PAGE_SIZE <= 10_000  # the real cache holds at most a few thousand rows


class RecordingSource:
    """The real service, noting how each page was asked for (by offset, after/before a case, or with the
    count for reading from the end)."""

    def __init__(self, service: CaseService) -> None:
        self.service = service
        self.calls: list[tuple[int, int | None, int | None, int | None]] = []

    def worklist_count(self, query: WorklistQuery) -> int:
        return self.service.worklist_count(query)

    def worklist_page(self, query, offset, limit, *, after=None, before=None, total=None):
        self.calls.append((offset, after, before, total))
        return self.service.worklist_page(query, offset, limit, after=after, before=before, total=total)


@pytest.mark.parametrize("descending", [True, False])
def test_deep_pages_start_from_their_neighbours_and_show_the_offset_rows(
    seeded: CaseService, qtbot, monkeypatch, descending: bool
) -> None:
    import her2desk.gui.worklist.worklist_model as wm

    size = 50  # ten pages, so that pages have neighbours on both sides
    monkeypatch.setattr(wm, "PAGE_SIZE", size)
    source = RecordingSource(seeded)
    model = WorklistModel(source)
    try:
        _scroll_both_ways(model, source, seeded, qtbot, size, descending)
    finally:
        model.runner.wait()


def _scroll_both_ways(model, source, seeded, qtbot, size: int, descending: bool) -> None:
    query = WorklistQuery(order_by=WorklistOrder.STATUS, descending=descending)  # long runs of ties
    model.set_query(query)
    qtbot.waitUntil(lambda: model.total == CASES and not model.is_loading())
    expected = [r.case_id for r in seeded.worklist_page(query, 0, CASES)]
    last_page = (CASES - 1) // size

    def shown() -> list[int]:
        return [model.data(model.index(r, 0), CASE_ID_ROLE) for r in range(CASES)]

    model.row_at(CASES - 1)  # jump to the end: counted from the end, not from the start
    qtbot.waitUntil(lambda: not model.is_loading())
    assert source.calls[-1] == (last_page * size, None, None, CASES)
    model.row_at(size)  # the page after the first: from the first page's last case
    qtbot.waitUntil(lambda: not model.is_loading())
    assert source.calls[-1] == (size, expected[size - 1], None, CASES)
    model.set_query(query)  # forget everything, then scroll up from the end page by page
    qtbot.waitUntil(lambda: model.total == CASES and not model.is_loading())
    source.calls.clear()
    for page in range(last_page, 0, -1):  # page 0 came with the reset
        model.row_at(page * size)
        qtbot.waitUntil(lambda: not model.is_loading())
    befores = [expected[(p + 1) * size] for p in range(last_page - 1, 1, -1)]
    assert [c[2] for c in source.calls] == [None, *befores, None]
    assert source.calls[-1][1] == expected[size - 1]  # page 1 follows page 0
    assert shown() == expected
    for page in range(2, last_page + 1):  # and down again (from the cache or after the page before)
        model.row_at(page * size)
        qtbot.waitUntil(lambda: not model.is_loading())
    assert shown() == expected


def test_filters_and_search_in_the_window(window: MainWindow, service: CaseService, ui, qtbot) -> None:
    seed_demo(service, CASES, seed=11)
    window.refresh_action.trigger()
    model = window.worklist_model
    qtbot.waitUntil(lambda: model.total == CASES)

    ui.choose(window.worklist, "Site filter", "Breast")
    qtbot.waitUntil(lambda: model.total is not None)
    assert model.total == service.worklist_count(WorklistQuery(site=Site.BREAST))
    load_all_pages(model, qtbot)
    assert {model.data(model.index(r, 3)) for r in range(model.total)} == {"Breast"}

    ui.choose(window.worklist, "Site filter", "Any site")
    window.worklist.needs_action.click()
    qtbot.waitUntil(lambda: model.total is not None and model.query.needs_action)
    assert model.total == service.worklist_count(WorklistQuery(needs_action=True))
    load_all_pages(model, qtbot)
    statuses = {model.data(model.index(r, STATUS_COLUMN)) for r in range(model.total)}
    assert statuses <= {"EQUIVOCAL", "PENDING", "ADJUDICATION"}
    window.worklist.needs_action.click()

    ui.choose(window.worklist, "Status filter", "POSITIVE")
    assert window.busy.isVisible()  # counting
    qtbot.waitUntil(lambda: model.total is not None and model.query.status is Status.POSITIVE)
    assert not window.busy.isVisible()
    assert model.total == service.worklist_count(WorklistQuery(status=Status.POSITIVE))
    load_all_pages(model, qtbot)
    positive = model.data(model.index(0, STATUS_COLUMN), Qt.ItemDataRole.ForegroundRole)
    assert positive is not None
    assert positive.color().name() == "#8e1b1b"
    ui.choose(window.worklist, "Status filter", "Any status")

    ui.type(window.worklist, "Collected from", "2099-01-01")
    window.worklist.apply_filters()
    qtbot.waitUntil(lambda: model.total == 0)
    assert window.worklist.count_label.text() == "No cases match the search and filters."
    ui.type(window.worklist, "Collected from", "not a date")
    window.worklist.apply_filters()
    assert "not a date" in window.worklist.date_from.toolTip()
    assert model.query.collected_from is None
    ui.type(window.worklist, "Collected from", "")
    ui.type(window.worklist, "Collected to", date.today().isoformat())

    mrn = service.worklist_page(WorklistQuery(), 0, 1)[0].mrn
    ui.type(window.worklist, "Search worklist", mrn)
    qtbot.waitUntil(lambda: model.query.text == mrn and model.total is not None, timeout=3000)
    assert model.total == service.worklist_count(WorklistQuery(text=mrn, collected_to=date.today()))
    load_all_pages(model, qtbot)
    assert {model.data(model.index(r, 2)) for r in range(model.total)} == {mrn}
    assert f"{model.total:,} case" in window.worklist.count_label.text()


def test_the_search_box_finds_an_mrn_by_its_number(window: MainWindow, service, ui, qtbot) -> None:
    """Typing only the number of an MRN ("72") finds "DEMO0000072" and "MRN-00072", not "DEMO0000720"."""
    for accession, mrn in (("S26-M1", "DEMO0000072"), ("S26-M2", "MRN-00072"), ("S26-M3", "DEMO0000720")):
        service.save(make_entry(accession=accession, mrn=mrn), None)
    window.refresh_action.trigger()
    model = window.worklist_model
    qtbot.waitUntil(lambda: model.total == 3)
    ui.type(window.worklist, "Search worklist", "72")
    qtbot.waitUntil(lambda: model.query.text == "72" and model.total is not None, timeout=3000)
    assert model.total == 2
    load_all_pages(model, qtbot)
    assert {model.data(model.index(r, 2)) for r in range(model.total)} == {"DEMO0000072", "MRN-00072"}
    assert "2 case" in window.worklist.count_label.text()


def test_enter_on_a_row_opens_the_case(window: MainWindow, service: CaseService, qtbot) -> None:
    seed_demo(service, 30, seed=3)
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: window.worklist_model.total == 30 and window.worklist_model.row_at(2) is not None)
    table = window.worklist.table
    table.setFocus()
    table.setCurrentIndex(window.worklist_model.index(2, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    expected = window.worklist_model.row_at(2)
    assert window.editor.isVisible()
    assert window.editor.form.rows["accession"].text() == expected.accession


def test_down_arrow_goes_from_the_search_box_to_the_results(window: MainWindow, service, qtbot) -> None:
    seed_demo(service, 5, seed=5)
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: window.worklist_model.total == 5)
    window.find_action.trigger()
    qtbot.keyClick(window.worklist.search, Qt.Key.Key_Down)
    assert window.worklist.table.hasFocus()
    assert window.worklist.table.currentIndex().row() == 0
