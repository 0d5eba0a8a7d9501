"""What the history knows of one specimen, in words: the table's cells and the time line's tooltips
read the same facts, so the two never disagree."""

from __future__ import annotations

from html import escape

from her2desk.domain.metastatic_site import site_words
from her2desk.domain.records import StoredCase
from her2desk.domain.vocabulary import NextStep
from her2desk.gui.common.domain_text import say
from her2desk.gui.common.labels import label, reported_label
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

# English, marked for pyside6-lupdate; shown through translate("History", ...).
HEADERS = (
    QT_TRANSLATE_NOOP("History", "Collected"),
    QT_TRANSLATE_NOOP("History", "Accession"),
    QT_TRANSLATE_NOOP("History", "Site"),
    QT_TRANSLATE_NOOP("History", "Procedure"),
    QT_TRANSLATE_NOOP("History", "Setting"),
    QT_TRANSLATE_NOOP("History", "IHC"),
    QT_TRANSLATE_NOOP("History", "ISH group"),
    QT_TRANSLATE_NOOP("History", "Status"),
    QT_TRANSLATE_NOOP("History", "Sign-out"),
    QT_TRANSLATE_NOOP("History", "Change"),
)


def _awaiting_recount(case: StoredCase) -> bool:
    """The group comes from the first count; it stays hidden until the blinded recount is in."""
    return case.interpretation.next_step is NextStep.RECOUNT


def specimen_facts(case: StoredCase, change: str) -> tuple[str, ...]:
    """One value per HEADERS column; `change` is why the specimen is highlighted ('' if it is not)."""
    s, i = case.entry.specimen, case.entry.ihc
    result = case.interpretation
    return (
        s.collected_on.isoformat() if s.collected_on else translate("History", "undated"),
        case.entry.accession,
        label(s.site),
        label(s.procedure),
        label(s.setting) + (f" ({say(site_words(s.metastatic_site))})" if s.metastatic_site else ""),
        label(i.score),
        "" if result.ish_group is None or _awaiting_recount(case) else str(result.ish_group),
        reported_label(case.reported.status, case.reported.descriptor, case.reported.adjudicated),
        label(case.signout_state),  # beside the status: a result not signed out is not final
        change,
    )


def specimen_tooltip(case: StoredCase, change: str) -> str:
    """Every known fact as 'Heading: value' lines (rich text so that the lines wrap as lines);
    empty facts are left out."""
    lines = [
        f"<b>{escape(translate('History', name))}:</b> {escape(value)}"
        for name, value in zip(HEADERS, specimen_facts(case, change), strict=True)
        if value and name != "Change"
    ]
    if change:
        lines.append(f"<b>⚠ {escape(change)}</b>")
    return "<br>".join(lines)
