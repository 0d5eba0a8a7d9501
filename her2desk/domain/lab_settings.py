"""Lab settings: the workflow and handout choices a lab makes once for every workstation.

They live in the shared database (one lab, one answer), are changed only by an administrator, and
every change is audited. Defaults are the cautious choice: nobody signs out their own results, the
window locks after 10 idle minutes, and a case that is not signed out gets no handout at all.
The domain only describes and validates them; `store`/`services` keep them. The handout's languages
and paper sizes live in `handout_choices` (the command line's parser needs only them) and are named
here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from her2desk.domain.accession_pattern import (
    AccessionPattern,
    AccessionPatternError,
    parse_accession_pattern,
)
from her2desk.domain.blinded_recount import BlindedRecountPolicy
from her2desk.domain.handout_choices import LANGUAGES as LANGUAGES
from her2desk.domain.handout_choices import PAPER_SIZES as PAPER_SIZES
from her2desk.domain.phrases import Phrase
from her2desk.domain.sign_in_throttle import DELAY_SECONDS_RANGE, LOCK_AFTER_RANGE, ThrottlePolicy
from her2desk.domain.workflow import SignOutPolicy

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
# Territories whose locales print on US Letter: those glibc's locale data gives a 279 mm LC_PAPER
# height (en_US and the locales that copy it); every other territory prints on A4.
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "PR", "BO", "CL", "CO", "CR", "GT", "NI", "PA", "SV", "VE"}
)
IDLE_LOCK_MINUTES_RANGE = (1, 240)
MAX_TEXT_CHARS = 200


class LabSettingError(ValueError):
    """A setting's value is not allowed; the message names the setting and what is allowed. `why` is
    the message without the setting's name (what a form shows beside the setting's field)."""

    def __init__(self, message: str, why: str | None = None) -> None:
        super().__init__(message)
        self.why = message if why is None else why


def refused_setting(name: str, why: str) -> LabSettingError:
    """ "name: why": the error of one setting, its `why` kept apart (a phrase, for the interface)."""
    return LabSettingError(Phrase.listing([name, why], ": "), why)


@dataclass(frozen=True)
class LabSettings:
    # The lab's name and contact line in the default handout language (`handout_language`); each
    # language may have its own (`lab_name_es` ...), else a handout in it falls back to these with a warning.
    lab_name: str = ""
    lab_contact: str = ""  # the handout's contact line, e.g. "Call 555-0100, Monday to Friday"
    lab_name_en: str = ""
    lab_contact_en: str = ""
    lab_name_es: str = ""
    lab_contact_es: str = ""
    paper_size: str = "auto"  # a4, letter, or auto: from the workstation's locale (`paper_for_locale`)
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
    # Automatic accession numbers for a new case saved without one, e.g. "H{yy}-{seq:06}"
    # (`domain.accession_pattern`); empty: off, every case needs a typed accession.
    accession_pattern: str = ""

    @property
    def accession_numbering(self) -> AccessionPattern | None:
        """The parsed pattern, or None when automatic numbers are off (the value was checked when set)."""
        return parse_accession_pattern(self.accession_pattern)

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
# Labels in words (phrases: the settings dialog says them in the interface's language).
SETTING_LABELS: dict[str, str] = {
    "lab_name": Phrase("Lab name"),
    "lab_contact": Phrase("Lab contact line"),
    "lab_name_en": Phrase("Lab name on English handouts"),
    "lab_contact_en": Phrase("Lab contact line on English handouts"),
    "lab_name_es": Phrase("Lab name on Spanish handouts"),
    "lab_contact_es": Phrase("Lab contact line on Spanish handouts"),
    "paper_size": Phrase("Handout paper size"),
    "allow_self_verification": Phrase("Allow self-verification"),
    "allow_same_person_recount": Phrase("Allow one person to enter both ISH counts"),
    "allow_preliminary_handouts": Phrase("Allow preliminary handouts"),
    "idle_lock_minutes": Phrase("Idle lock (minutes)"),
    "handout_language": Phrase("Default handout language"),
    "lockout_after_failures": Phrase("Lock an account after this many wrong passwords"),
    "failure_delay_seconds": Phrase("Wait after a second wrong password (seconds)"),
    "accession_pattern": Phrase("Automatic accession numbers"),
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
        raise refused_setting(name, Phrase("{raw} is not allowed; use true or false", raw=repr(raw)))
    if name in WHOLE_NUMBER_RANGES:
        low, high = WHOLE_NUMBER_RANGES[name]
        if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
            raise refused_setting(
                name,
                Phrase(
                    "{raw} is not allowed; use a whole number from {low} to {high}",
                    raw=repr(raw),
                    low=low,
                    high=high,
                ),
            )
        return int(text)
    if name == "handout_language":
        if text not in LANGUAGES:
            raise refused_setting(
                name,
                Phrase(
                    "{raw} is not allowed; use one of {choices}", raw=repr(raw), choices=", ".join(LANGUAGES)
                ),
            )
        return text
    if name == "paper_size":
        if text.lower() not in PAPER_SIZES:
            raise refused_setting(
                name,
                Phrase(
                    "{raw} is not allowed; use a4, letter (US Letter) or auto (from this computer's locale)",
                    raw=repr(raw),
                ),
            )
        return text.lower()
    if name == "accession_pattern":
        try:
            parse_accession_pattern(text)
        except AccessionPatternError as error:
            raise refused_setting(
                f"{name} ({SETTING_LABELS[name]})",
                Phrase(
                    "{raw} cannot be used: {error} (leave it empty to type every accession number)",
                    raw=repr(raw),
                    error=error.args[0] if error.args and isinstance(error.args[0], str) else str(error),
                ),
            ) from None
        return text
    if len(text) > MAX_TEXT_CHARS or any(ord(c) < 32 for c in text):
        raise refused_setting(name, Phrase("at most {count} characters on one line", count=MAX_TEXT_CHARS))
    return text


def canonical_setting_name(name: str) -> str:
    """`lab_name.es` and `lab_contact.es` (the per-language lines as people write them) as stored:
    `lab_name_es`; any other name unchanged."""
    for kind in ("lab_name", "lab_contact"):
        for language in LANGUAGES:
            if name == f"{kind}.{language}":
                return f"{kind}_{language}"
    return name


def with_setting(settings: LabSettings, name: str, raw: str) -> LabSettings:
    # The field's type depends on the name, known only at run time; parse_setting returns that type.
    change: dict[str, Any] = {name: parse_setting(name, raw)}
    return replace(settings, **change)


def format_setting(value: object) -> str:
    """The stored/printed text of a value (the inverse of `parse_setting`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class LabLines:
    """The lab's name and contact line for a handout in one language, and why a fallback was taken."""

    name: str
    contact: str
    warnings: tuple[str, ...] = ()


def lab_lines(settings: LabSettings, language: str) -> LabLines:
    """The name and contact line a handout in `language` prints.

    A language's own line (`lab_name_es`) wins; without one, the plain `lab_name` / `lab_contact`, which
    are the default language's lines. Printing them on a handout in another language is allowed (a lab
    name is often not translated) but said in a warning, so the preview and the command line show that
    a Spanish page may carry an English contact line.
    """
    found: dict[str, str] = {}
    warnings: list[str] = []
    for kind, label in (("name", "lab name"), ("contact", "lab contact line")):
        own = str(getattr(settings, f"lab_{kind}_{language}", "")).strip()
        default = str(getattr(settings, f"lab_{kind}")).strip()
        found[kind] = own or default
        if not own and default and language != settings.handout_language:
            warnings.append(
                f"no {label} in {LANGUAGE_NAMES.get(language, language)} is set (lab setting "
                f"lab_{kind}_{language}), so the default language's "
                f"({LANGUAGE_NAMES.get(settings.handout_language, settings.handout_language)}) line "
                f"{default!r} is printed"
            )
    return LabLines(found["name"], found["contact"], tuple(warnings))


def locale_territory(locale_name: str) -> str | None:
    """'US' from 'en_US.UTF-8' or 'es-MX'; None for 'C', 'POSIX' or a name without a territory."""
    base = locale_name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    if len(parts) < 2 or not parts[1].isalpha():
        return None
    return parts[1].upper()


def paper_for_locale(locale_name: str) -> str:
    """'letter' for a locale of a Letter territory (US, Canada, Mexico, the Philippines ...), else 'a4'."""
    return "letter" if locale_territory(locale_name) in LETTER_TERRITORIES else "a4"


def paper_locale_name(environ: Mapping[str, str]) -> str:
    """The locale that decides the paper, as POSIX ranks them: LC_ALL, then LC_PAPER, then LANG."""
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = environ.get(variable, "").strip()
        if value:
            return value
    return ""


def resolve_paper(setting: str, environ: Mapping[str, str], fallback_locale: str = "") -> str:
    """The paper a handout is printed on: the setting, or for 'auto' the locale's paper.

    `fallback_locale` is the process's own locale (the caller reads it), for a system whose locale is
    not in the environment (Windows, macOS apps started from the Dock).
    """
    if setting != "auto":
        return setting
    return paper_for_locale(paper_locale_name(environ) or fallback_locale)
