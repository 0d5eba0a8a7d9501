"""The patient's time line: labels of specimens days apart never overlap, every point and label
tells its specimen on hover, and a date range can be shown closely and the whole history again."""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pytest
from gui.test_history_and_window import save
from PySide6.QtCore import QDate, QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from her2desk.domain.vocabulary import ClinicalSetting, IhcScore
from her2desk.gui.history.history_view import HistoryView
from her2desk.gui.history.placement import GAP, place_labels
from her2desk.services.case_service import CaseService

CLUSTER = [f"S24-{n:06d}" for n in range(10, 22)]  # twelve specimens over four days


@pytest.fixture
def history(service: CaseService, qtbot) -> HistoryView:
    save(service, "S20-000001", date(2020, 5, 1), ClinicalSetting.PRIMARY, IhcScore.THREE_PLUS)
    for n, accession in enumerate(CLUSTER):
        setting = ClinicalSetting.RECURRENT if n % 3 == 0 else ClinicalSetting.METASTATIC
        save(
            service,
            accession,
            date(2024, 3, 1 + n // 3),
            setting,
            IhcScore.ZERO if n % 2 else IhcScore.THREE_PLUS,
        )
    save(service, "S24-000099", date(2024, 9, 1), ClinicalSetting.METASTATIC, IhcScore.ZERO)
    view = HistoryView(service)
    qtbot.addWidget(view)
    view.show_patient("SYN-700")
    view.show()
    qtbot.waitExposed(view)
    return view


def _labels_fit(view: HistoryView) -> bool:
    inside = QRectF(view.timeline.rect())
    return all(inside.contains(p.rect) for p in view.timeline.label_rects())


@pytest.mark.parametrize("width", [600, 1400])
def test_labels_of_specimens_days_apart_never_overlap_and_stay_inside(
    history: HistoryView, qtbot, width: int
) -> None:
    history.resize(width, 600)
    qtbot.waitUntil(lambda: history.timeline.width() > width - 40 and _labels_fit(history))
    placed = history.timeline.label_rects()
    assert sorted(p.case.entry.accession for p in placed) == sorted(["S20-000001", "S24-000099", *CLUSTER])
    for a, b in combinations(placed, 2):
        assert not a.rect.intersects(b.rect), (a.text, a.rect, b.text, b.rect)
    for p in placed:
        assert p.rect.width() >= history.timeline.fontMetrics().horizontalAdvance(p.text)  # text not cut


def test_placement_keeps_labels_apart_and_within_bounds_at_any_width() -> None:
    wanted = [(300.0 + i, 130.0) for i in range(14)] + [(20.0, 130.0), (1000.0, 90.0)]
    for high in range(150, 2001, 37):
        places = place_labels(wanted, 4.0, float(high), 6)
        rects = [
            QRectF(spot.left, spot.row * 20.0, width, 16.0)
            for (_x, width), spot in zip(wanted, places, strict=True)
            if spot is not None
        ]
        assert rects  # something is always labelled
        for r in rects:
            assert r.left() >= 4.0
            assert r.right() <= high
        for a, b in combinations(rects, 2):
            assert not a.adjusted(-GAP / 2 + 0.01, 0, GAP / 2 - 0.01, 0).intersects(b), high


def test_a_lone_label_sits_centred_under_its_point() -> None:
    [spot] = place_labels([(500.0, 100.0)], 4.0, 1000.0, 6)
    assert spot is not None
    assert (spot.left, spot.row) == (450.0, 0)


def test_every_label_and_point_tells_its_specimen_on_hover(history: HistoryView, qtbot) -> None:
    history.resize(900, 600)
    timeline = history.timeline
    qtbot.waitUntil(lambda: _labels_fit(history))
    for placed in timeline.label_rects():
        text = timeline.tooltip_at(placed.rect.center())
        assert placed.case.entry.accession in text
        assert "Breast" in text
        assert "Core needle biopsy" in text
        assert placed.case.entry.specimen.collected_on.isoformat() in text
    primary = next(p for p in timeline.label_rects() if p.case.entry.accession == "S20-000001")
    at_point = timeline.tooltip_at(primary.point)
    assert "S20-000001" in at_point
    assert "POSITIVE" in at_point
    assert "Primary" in at_point
    changed = next(p for p in timeline.label_rects() if p.case.case_id in timeline.changed)
    assert "HER2 status changed" in timeline.tooltip_at(changed.rect.center())
    assert timeline.tooltip_at(QPointF(2, timeline.height() - 2)) == ""

    # the real hover event shows it
    centre = changed.rect.center().toPoint()
    QApplication.sendEvent(timeline, QHelpEvent(QEvent.Type.ToolTip, centre, timeline.mapToGlobal(centre)))
    qtbot.waitUntil(lambda: changed.case.entry.accession in QToolTip.text())


def test_a_date_range_shows_only_its_specimens_and_show_all_or_esc_brings_back_all(
    history: HistoryView, qtbot
) -> None:
    history.resize(700, 600)
    bar, timeline = history.range_bar, history.timeline
    assert len(timeline.label_rects()) == 14
    bar.zoom_from.setDate(QDate(2024, 3, 2))
    bar.zoom_to.setDate(QDate(2024, 3, 3))
    shown = sorted(p.case.entry.accession for p in timeline.label_rects())
    assert shown == CLUSTER[3:9]
    assert [c.entry.accession for c in timeline.visible_cases()] == CLUSTER[3:9]
    assert timeline.accessibleDescription().count("2024-03-0") == 6
    xs = [p.point.x() for p in timeline.label_rects()]
    assert max(xs) - min(xs) > 400  # two days now spread across the strip

    bar.show_all.click()
    assert len(timeline.label_rects()) == 14
    assert bar.zoom_from.date() == QDate(2020, 5, 1)
    assert bar.zoom_to.date() == QDate(2024, 9, 1)

    bar.zoom_from.setDate(QDate(2024, 3, 4))
    assert len(timeline.label_rects()) == 4
    history.activateWindow()
    qtbot.waitActive(history)
    bar.zoom_to.setFocus()
    qtbot.keyClick(bar.zoom_to, Qt.Key.Key_Escape)
    assert len(timeline.label_rects()) == 14


def test_a_from_date_after_the_to_date_is_refused_in_words(history: HistoryView) -> None:
    bar, timeline = history.range_bar, history.timeline
    bar.zoom_to.setDate(QDate(2024, 3, 1))
    assert len(timeline.label_rects()) == 4  # the primary and 1 March's three
    bar.zoom_from.setDate(QDate(2024, 4, 1))
    assert (
        "'to' date (2024-03-01) must be on or after the 'Time line from' date (2024-04-01)"
        in bar.message.text()
    )
    assert len(timeline.label_rects()) == 4  # still the previous range
    bar.zoom_from.setDate(QDate(2024, 3, 1))
    assert bar.message.text() == ""
    assert len(timeline.label_rects()) == 3


def test_a_range_with_no_specimen_draws_no_point(history: HistoryView) -> None:
    history.range_bar.zoom_from.setDate(QDate(2021, 1, 1))
    history.range_bar.zoom_to.setDate(QDate(2021, 12, 31))
    assert history.timeline.visible_cases() == []
    assert history.timeline.label_rects() == []
    assert history.timeline.tooltip_at(QPointF(history.timeline.width() / 2, 34)) == ""
    history.timeline.grab()  # paints without error
