"""Slowing down and stopping password guessing: the rule, as plain values (kept by `store.throttle`).

One count of consecutive wrong passwords per account, shared by the two places a password is typed:
signing in and the electronic signature at sign-out. Both are the same secret, so an attacker at a
signed-in workstation guessing through the signature prompt spends the same budget as one guessing
at the sign-in window; counting them apart would double it. A right password resets the count.

After the second wrong password in a row each further attempt must wait: `delay_seconds` after the
second, then twice that after the third, and so on (at most `MAX_DELAY_SECONDS`). After
`lock_after` wrong passwords in a row the account is locked until an administrator unlocks it (no
timed unlock: waiting gives an attacker no fresh guesses, and a locked account is a sign someone
should look at). An attempt that must wait, or on a locked account, is refused before the password
is checked, so it costs no password hash and teaches the caller nothing about the password.

An attempt is counted as a failure *before* the password is checked ("claimed") and the count is
reset if it was right: two workstations (or a script with many connections) guessing at the same
moment each take a slot, so the limit holds however many attempts run at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from her2desk.domain.phrases import Phrase

FREE_FAILURES = 1  # a single typo costs no wait; the wait starts after the second failure in a row
MAX_DELAY_SECONDS = 15 * 60
LOCK_AFTER_RANGE = (3, 20)
DELAY_SECONDS_RANGE = (0, 60)
LOCKED_MESSAGE = Phrase(
    "this account is locked after too many wrong passwords in a row; an administrator must unlock it"
)


class Verdict(StrEnum):
    ALLOWED = "allowed"
    WAIT = "wait"  # too soon after the last failure
    LOCKED = "locked"


@dataclass(frozen=True)
class ThrottlePolicy:
    """The lab's settings `lockout_after_failures` and `failure_delay_seconds`."""

    lock_after: int = 5
    delay_seconds: int = 2

    def delay_after(self, failures: int) -> timedelta:
        """How long the next attempt must wait after `failures` wrong passwords in a row."""
        if failures <= FREE_FAILURES or self.delay_seconds <= 0:
            return timedelta(0)
        seconds = self.delay_seconds * 2 ** (failures - 1 - FREE_FAILURES)
        return timedelta(seconds=min(seconds, MAX_DELAY_SECONDS))


@dataclass(frozen=True)
class ThrottleState:
    """What the database holds for one account (or one group of unknown names)."""

    failures: int = 0
    not_before: datetime | None = None
    locked_at: datetime | None = None

    def locked(self, policy: ThrottlePolicy) -> bool:
        return self.locked_at is not None or self.failures >= policy.lock_after


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    wait_seconds: int = 0  # for WAIT: whole seconds, rounded up, never 0


def decide(state: ThrottleState, policy: ThrottlePolicy, now: datetime) -> Decision:
    """May a password be checked now? Locked wins over waiting."""
    if state.locked(policy):
        return Decision(Verdict.LOCKED)
    if state.not_before is not None and now < state.not_before:
        remaining = (state.not_before - now).total_seconds()
        return Decision(Verdict.WAIT, max(1, int(-(-remaining // 1))))
    return Decision(Verdict.ALLOWED)


def claimed(state: ThrottleState, policy: ThrottlePolicy, now: datetime) -> ThrottleState:
    """The state once an allowed attempt has taken its slot (counted as a failure until it proves right)."""
    failures = state.failures + 1
    delay = policy.delay_after(failures)
    return ThrottleState(failures, now + delay if delay else None, state.locked_at)


def wait_message(seconds: int) -> str:
    return Phrase(
        "too many wrong passwords in a row: wait {seconds} s before the next attempt", seconds=seconds
    )
