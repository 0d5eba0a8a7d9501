"""No worklist label is cut: each column with a closed vocabulary is as wide as the longest text it can
show, measured with the table's own font; free-text columns show their whole text on hover."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from support.backends import make_entry

from her2desk.domain.vocabulary import Descriptor, IhcScore, Status
from her2desk.gui.common import dialogs
from her2desk.gui.common.labels import label, reported_label
from her2desk.gui.shell.main_window import MainWindow
from her2desk.gui.worklist.worklist_model import COLUMNS
from her2desk.gui.worklist.worklist_view import CELL_MARGIN
from her2desk.services.case_service import CaseService


def test_every_closed_vocabulary_label_fits_its_column(window: MainWindow) -> None:
    table = window.worklist.table
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    checked = 0
    for index, column in enumerate(COLUMNS):
        room = header.sectionSize(index) - CELL_MARGIN
        for text in column.texts:
            assert metrics.horizontalAdvance(text) <= room, (column.title, text, room)
            checked += 1
        title = header.fontMetrics().horizontalAdvance(column.title)
        assert title < header.sectionSize(index), column.title
    by_title = {c.title: c.texts for c in COLUMNS}
    # The labels that were cut before ("Indeter…", "NEGATIVE (HE…") are among those checked.
    assert label(IhcScore.INDETERMINATE) in by_title["IHC"]
    assert reported_label(Status.NEGATIVE, Descriptor.ULTRALOW, True) in by_title["Status"]
    assert checked > 60


def test_free_text_cells_show_their_whole_text_on_hover(service: CaseService, qtbot, monkeypatch) -> None:
    entry = make_entry("S26-000777")
    long_name = replace(entry.patient, family_name="Testpatient-Vanderberghe-Oyelaran-Castellanos")
    service.save(replace(entry, patient=long_name), None)
    window = MainWindow(service, location="test")
    qtbot.addWidget(window)
    window.show()
    model = window.worklist_model
    qtbot.waitUntil(lambda: model.total == 1 and model.row_at(0) is not None)
    free = [i for i, c in enumerate(COLUMNS) if not c.texts]
    assert [COLUMNS[i].title for i in free] == ["Accession", "Patient", "MRN"]
    tips = {COLUMNS[i].title: model.data(model.index(0, i), Qt.ItemDataRole.ToolTipRole) for i in free}
    assert tips["Accession"] == "S26-000777"
    assert tips["Patient"].startswith("Testpatient-Vanderberghe-Oyelaran-Castellanos")
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ToolTipRole) is None  # Site: never cut
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UnsavedChoice.DISCARD)
    window.close()
    window.runner.wait()
