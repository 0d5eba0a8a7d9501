"""Lab settings: the workflow and handout choices a lab makes once for every workstation.

They live in the shared database (one lab, one answer), are changed only by an administrator, and
every change is audited. Defaults are the cautious choice: nobody signs out their own results, the
window locks after 10 idle minutes, and a case that is not signed out gets no handout at all.
The domain only describes and validates them; `store`/`services` keep them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from her2desk.domain.blinded_recount import BlindedRecountPolicy
from her2desk.domain.sign_in_throttle import DELAY_SECONDS_RANGE, LOCK_AFTER_RANGE, ThrottlePolicy
from her2desk.domain.workflow import SignOutPolicy

LANGUAGES = ("en", "es")
IDLE_LOCK_MINUTES_RANGE = (1, 240)
MAX_TEXT_CHARS = 200


class LabSettingError(ValueError):
    """A setting's value is not allowed; the message names the setting and what is allowed."""


@dataclass(frozen=True)
class LabSettings:
    lab_name: str = ""
    lab_contact: str = ""  # the handout's contact line, e.g. "Call 555-0100, Monday to Friday"
    allow_self_verification: bool = False  # one-person labs: the enterer may sign out their own work
    # One-person labs: the person who entered the first ISH count may enter the blinded recount too
    # (the report then says so).
    allow_same_person_recount: bool = False
    allow_preliminary_handouts: bool = False  # a clearly marked "preliminary — not final" page
    idle_lock_minutes: int = 10
    handout_language: str = "en"  # the default; chosen per handout
    # Wrong passwords in a row (sign-in and signature together) before the account locks until an
    # administrator unlocks it: 5 leaves room for a caps-lock and a typo or two, and with passwords of
    # at least 10 characters makes guessing online hopeless (see `domain.sign_in_throttle`).
    lockout_after_failures: int = 5
    failure_delay_seconds: int = 2  # the wait after the 2nd wrong password in a row, doubling after each

    @property
    def throttle_policy(self) -> ThrottlePolicy:
        return ThrottlePolicy(self.lockout_after_failures, self.failure_delay_seconds)

    @property
    def signout_policy(self) -> SignOutPolicy:
        return SignOutPolicy(allow_self_verification=self.allow_self_verification)

    @property
    def blinded_recount_policy(self) -> BlindedRecountPolicy:
        return BlindedRecountPolicy(allow_same_observer=self.allow_same_person_recount)


DEFAULT_LAB_SETTINGS = LabSettings()
SETTING_NAMES = tuple(f.name for f in fields(LabSettings))
SETTING_LABELS = {
    "lab_name": "Lab name",
    "lab_contact": "Lab contact line",
    "allow_self_verification": "Allow self-verification",
    "allow_same_person_recount": "Allow one person to enter both ISH counts",
    "allow_preliminary_handouts": "Allow preliminary handouts",
    "idle_lock_minutes": "Idle lock (minutes)",
    "handout_language": "Default handout language",
    "lockout_after_failures": "Lock an account after this many wrong passwords",
    "failure_delay_seconds": "Wait after a second wrong password (seconds)",
}
WHOLE_NUMBER_RANGES = {
    "idle_lock_minutes": IDLE_LOCK_MINUTES_RANGE,
    "lockout_after_failures": LOCK_AFTER_RANGE,
    "failure_delay_seconds": DELAY_SECONDS_RANGE,
}

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def parse_setting(name: str, raw: str) -> object:
    """The typed value of one setting from text (command line, stored value), or LabSettingError."""
    if name not in SETTING_NAMES:
        raise LabSettingError(f"unknown setting {name!r}; settings are: {', '.join(SETTING_NAMES)}")
    text = raw.strip()
    if name in ("allow_self_verification", "allow_same_person_recount", "allow_preliminary_handouts"):
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise LabSettingError(f"{name}: {raw!r} is not allowed; use true or false")
    if name in WHOLE_NUMBER_RANGES:
        low, high = WHOLE_NUMBER_RANGES[name]
        if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
            raise LabSettingError(f"{name}: {raw!r} is not allowed; use a whole number from {low} to {high}")
        return int(text)
    if name == "handout_language":
        if text not in LANGUAGES:
            raise LabSettingError(f"{name}: {raw!r} is not allowed; use one of {', '.join(LANGUAGES)}")
        return text
    if len(text) > MAX_TEXT_CHARS or any(ord(c) < 32 for c in text):
        raise LabSettingError(f"{name}: at most {MAX_TEXT_CHARS} characters on one line")
    return text


def format_setting(value: object) -> str:
    """The stored/printed text of a value (the inverse of `parse_setting`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
