"""The guessing rule on its own: the growing wait, the lock, and the lab settings that tune them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from her2desk.domain.lab_settings import DEFAULT_LAB_SETTINGS, LabSettingError, parse_setting
from her2desk.domain.sign_in_throttle import (
    MAX_DELAY_SECONDS,
    ThrottlePolicy,
    ThrottleState,
    Verdict,
    claimed,
    decide,
)

NOW = datetime(2026, 3, 4, 10, 0, 0)


@pytest.mark.parametrize(
    ("failures", "seconds"),
    [(0, 0), (1, 0), (2, 2), (3, 4), (4, 8), (10, 512), (11, MAX_DELAY_SECONDS)],  # 1024 s is capped at 900
)
def test_one_typo_costs_nothing_then_the_wait_doubles(failures: int, seconds: int) -> None:
    assert ThrottlePolicy(lock_after=20, delay_seconds=2).delay_after(failures) == timedelta(seconds=seconds)


def test_the_wait_is_capped_and_a_zero_setting_means_no_wait() -> None:
    assert ThrottlePolicy(20, 60).delay_after(19) == timedelta(seconds=MAX_DELAY_SECONDS)
    assert ThrottlePolicy(20, 0).delay_after(19) == timedelta(0)


def test_an_attempt_before_the_wait_is_over_is_refused_and_told_how_long() -> None:
    state = ThrottleState(failures=2, not_before=NOW + timedelta(seconds=1, milliseconds=200))
    policy = ThrottlePolicy()
    assert decide(state, policy, NOW).verdict is Verdict.WAIT
    assert decide(state, policy, NOW).wait_seconds == 2  # rounded up, never 0
    assert decide(state, policy, NOW + timedelta(seconds=1, milliseconds=199)).wait_seconds == 1
    assert decide(state, policy, NOW + timedelta(seconds=1, milliseconds=200)).verdict is Verdict.ALLOWED


@pytest.mark.parametrize(("failures", "verdict"), [(4, Verdict.ALLOWED), (5, Verdict.LOCKED)])
def test_the_lock_comes_at_the_limit_not_before(failures: int, verdict: Verdict) -> None:
    assert decide(ThrottleState(failures), ThrottlePolicy(lock_after=5), NOW).verdict is verdict


def test_a_stamped_lock_holds_even_if_the_limit_is_raised_later() -> None:
    locked = ThrottleState(failures=5, locked_at=NOW)
    assert decide(locked, ThrottlePolicy(lock_after=10), NOW).verdict is Verdict.LOCKED


def test_claiming_counts_the_attempt_as_a_failure_until_it_proves_right() -> None:
    policy = ThrottlePolicy(lock_after=5, delay_seconds=2)
    first = claimed(ThrottleState(), policy, NOW)
    assert first == ThrottleState(1, None, None)
    second = claimed(first, policy, NOW)
    assert second == ThrottleState(2, NOW + timedelta(seconds=2), None)


@pytest.mark.parametrize(
    ("name", "raw", "allowed"),
    [
        ("lockout_after_failures", "3", True),
        ("lockout_after_failures", "2", False),
        ("lockout_after_failures", "20", True),
        ("lockout_after_failures", "21", False),
        ("lockout_after_failures", "five", False),
        ("failure_delay_seconds", "0", True),
        ("failure_delay_seconds", "-1", False),
        ("failure_delay_seconds", "60", True),
        ("failure_delay_seconds", "61", False),
    ],
)
def test_the_throttle_settings_have_limits(name: str, raw: str, allowed: bool) -> None:
    if allowed:
        assert parse_setting(name, raw) == int(raw)
    else:
        with pytest.raises(LabSettingError, match=f"{name}: .* use a whole number from"):
            parse_setting(name, raw)


def test_the_defaults_lock_after_five_and_wait_two_seconds() -> None:
    assert DEFAULT_LAB_SETTINGS.throttle_policy == ThrottlePolicy(lock_after=5, delay_seconds=2)
