"""The case record's version list shows every version's heading whole, at any dialog width."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QStyle

from her2desk.domain.records import SignOutState
from her2desk.gui.audit.case_record_view import CaseRecordDialog, version_heading
from her2desk.services.signout_service import CaseVersion

SIGNED = datetime(2026, 12, 5, 14, 30, 15, tzinfo=UTC)


def _versions() -> list[CaseVersion]:
    signed = [
        CaseVersion(n, SignOutState.SIGNED_OUT, {}, "recount", "demo-pathologist-2", SIGNED)
        for n in (1, 2, 3)
    ]
    return [*signed, CaseVersion(4, SignOutState.AMENDED, {}, "recount", None, None)]


def _clipped(versions: QListWidget) -> list[str]:
    """The headings of visible items whose text, wrapped as the view wraps it, does not fit inside
    the item's rectangle (less the delegate's text margins) or whose rectangle leaves the viewport."""
    viewport = versions.viewport().rect()
    margin = versions.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, versions) + 1
    flags = int(Qt.TextFlag.TextWordWrap)
    clipped = []
    for row in range(versions.count()):
        item = versions.item(row)
        rect = versions.visualItemRect(item)
        if not rect.intersects(viewport):
            continue  # scrolled out of sight: the list scrolls to it
        text_rect = rect.adjusted(margin, 0, -margin, 0)
        needed = versions.fontMetrics().boundingRect(text_rect, flags, item.text())
        if (
            needed.width() > text_rect.width()
            or needed.height() > rect.height()
            or rect.left() < viewport.left()
            or rect.right() > viewport.right()
        ):
            clipped.append(item.text())
    return clipped


@pytest.mark.parametrize("width", [960, 640, 480])
def test_every_version_heading_fits_its_item(qtbot, width: int) -> None:
    versions = _versions()
    dialog = CaseRecordDialog("S26-00001", versions, [], [], [])
    qtbot.addWidget(dialog)
    dialog.resize(width, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    listed = dialog.version_list
    assert [listed.item(r).text() for r in range(listed.count())] == [version_heading(v) for v in versions]
    widest = max(listed.fontMetrics().horizontalAdvance(version_heading(v)) for v in versions)
    assert widest > listed.viewport().width()  # a heading wider than the list: wrapped, not cut off
    assert _clipped(listed) == []
    assert listed.horizontalScrollBar().maximum() == 0  # nothing hidden to the right
