"""The text a save writes into audit and chained rows stays byte for byte what it was.

An audit row's JSON and every chained column are hashed (`store.chain`): a value written in another
form would not change what `db check` verifies of new rows, but would make rows written by two
versions of the program differ for the same change. The fast paths of `driver_value` and `to_json`
must give exactly what the plain forms give.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest

from her2desk.domain.vocabulary import IhcScore, Status
from her2desk.store.audit import to_json
from her2desk.store.chain import driver_value


def plain_driver_value(value: Any, sqlite: bool) -> Any:
    """`driver_value` as it was written before its fast path."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(" ", "microseconds") if sqlite else value
    if isinstance(value, date):
        return value.isoformat() if sqlite else value
    if value is not None and not isinstance(value, (str, int, bool, float)):
        return str(value)
    return value


VALUES = [
    None,
    "",
    "Ångström 王",
    0,
    -7,
    True,
    False,
    1.5,
    Decimal("4.50"),
    Decimal("30"),
    Status.POSITIVE,
    IhcScore.TWO_PLUS,
    date(2025, 3, 4),
    datetime(2026, 1, 2, 3, 4, 5),
    datetime(2026, 1, 2, 3, 4, 5, 678901),
    datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
]


@pytest.mark.parametrize("sqlite", [True, False])
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_driver_value_is_the_plain_form(value: Any, sqlite: bool) -> None:
    got = driver_value(value, sqlite)
    want = plain_driver_value(value, sqlite)
    assert got == want
    assert type(got) is type(want)


def test_audit_json_is_json_dumps_sorted_with_str_for_the_rest() -> None:
    values = {f"k{i}": v for i, v in enumerate(VALUES)} | {"nested": {"b": [1, "ü"], "a": None}}
    assert to_json(values) == json.dumps(values, ensure_ascii=False, default=str, sort_keys=True)
    assert to_json(None) is None
