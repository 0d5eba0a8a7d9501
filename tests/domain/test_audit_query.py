"""The audit viewer's filter values and words, without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from her2desk.domain.audit_query import (
    AuditQuery,
    AuditQueryError,
    AuditRecord,
    action_label,
    describe_changes,
    parse_day,
)


def test_readable_action_names_and_unknown_actions_kept() -> None:
    assert action_label("login-failed") == "Failed sign-in"
    assert action_label("login") == "Signed in"
    assert action_label("sign-out") == "Report signed out"
    assert action_label("adjudicate") == "Adjudicated"
    assert action_label("amend") == "Amended"
    assert action_label("handout") == "Handout printed"
    assert action_label("something-new") == "something-new"


def test_a_day_typed_wrongly_names_the_field() -> None:
    assert parse_day(" 2026-03-29 ", "Date from") == date(2026, 3, 29)
    assert parse_day("", "Date from") is None
    with pytest.raises(AuditQueryError, match=r"^Date to: use a date as YYYY-MM-DD"):
        parse_day("29/03/2026", "Date to")


def test_a_local_day_across_a_daylight_saving_change_is_that_day() -> None:
    # 2026-03-29 in Berlin: starts at 23:00 UTC the day before (UTC+1), ends at 22:00 UTC (UTC+2).
    day = date(2026, 3, 29)
    start, end = AuditQuery(date_from=day, date_to=day).utc_bounds(ZoneInfo("Europe/Berlin"))
    assert start == datetime(2026, 3, 28, 23, 0)
    assert end == datetime(2026, 3, 29, 22, 0)
    assert AuditQuery().utc_bounds(UTC) == (None, None)


def test_changes_in_words() -> None:
    record = AuditRecord(
        1,
        datetime(2026, 1, 1, tzinfo=UTC),
        "pia",
        "amend",
        "her2_case",
        "7",
        "S26-1",
        '{"report_version": 1, "gone": "x"}',
        '{"report_version": 2, "reason": "recount", "preliminary": false, "note": null}',
    )
    assert describe_changes(record) == [
        "note: (empty)",
        "preliminary: no",
        "reason: recount",
        "report_version: 1 → 2",
        "gone: was x",
    ]
    assert record.old == {"report_version": 1, "gone": "x"}
