"""The lab-configurable rules as lab settings: names, labels, parsing, and the rules fingerprint.

Every field of `GuidelineSettings` (the rules her2-reporting-rules.md tags [K]) and of its nested
`ReportComments` (the report comment texts) is a lab setting. They are found by iterating
`dataclasses.fields`, so a field added to either class is a setting without further code:

* a plain field of `GuidelineSettings` is named `rules.<field>` (`rules.near_ratio_low`);
* a field of a nested settings class is named `<nested field>.<field>` (`comments.group_2`).

Each is parsed by its type: bool (true/false, yes/no, on/off, 1/0), int and Decimal (plain digits,
within a range that makes sense for the rule: percentages 0-100, signals per cell above 0 and at most
100, ...; at most two decimal places), and text (report comments: not empty, at most
`MAX_COMMENT_CHARS` characters, no control characters except line breaks). A rule pair such as
`rules.fixation_hours_min`/`rules.fixation_hours_max` (names differing only in low/high or min/max)
must stay in order. The guideline's own [S] thresholds (breast >10%, ratio 2.0, copy number 4.0/6.0,
20 cells) are not settings: they are the guideline.

The rules version stored with every result is `her2desk-rules-1+<fingerprint>`: the engine's rules
(`settings.RULES_VERSION`) and the first 12 hex digits of the SHA-256 of `canonical_json(settings)`,
which lists every rule setting, texts included, as text, sorted by name. The same settings always give
the same fingerprint, on every workstation and every run; any change of a rule or a comment gives
another. `services.rule_settings` records the canonical JSON of every fingerprint ever used in the
table `rule_set`, so a stored result can be re-derived from its rules version.

Results stored before the rules were lab settings carry the bare `her2desk-rules-1` (no fingerprint).
They were all computed with the settings her2desk shipped then, and nothing could change them; those
values are frozen in `legacy_rules.LEGACY_VALUES`, and `settings_for_legacy_version` gives them back.
A field added to the settings since then takes its default when such a result is re-derived.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, RULES_VERSION, GuidelineSettings
from her2desk.domain.lab_settings import (
    DEFAULT_LAB_SETTINGS,
    SETTING_NAMES,
    LabSettingError,
    format_setting,
    parse_setting,
    refused_setting,
)
from her2desk.domain.parsing import shown
from her2desk.domain.phrases import Phrase

RULES_SECTION = "rules"
FINGERPRINT_HEX_DIGITS = 12
MAX_COMMENT_CHARS = 2000
MAX_DECIMAL_PLACES = 2
MAX_NAME_CHARS = 64  # the `lab_setting.name` column
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}
_PLAIN_NUMBER = re.compile(r"[0-9]{1,9}(\.[0-9]+)?")
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")

# Labels in words. A field missing here (added later) is labelled from its `metadata["label"]`, or
# else from its name in words, so it is never shown as a raw key.
LABELS: dict[str, str] = {
    "rules.gastroesophageal_resection_pct_inclusive": Phrase(
        "Gastroesophageal resection: a percentage equal to the limit reaches it (at least, not more than)"
    ),
    "rules.gastroesophageal_resection_pct": Phrase(
        "Gastroesophageal resection: percent of stained tumour cells needed for IHC 1+ and above"
    ),
    "rules.gastroesophageal_biopsy_cluster_cells": Phrase(
        "Gastroesophageal biopsy: smallest stained cluster for IHC 1+ and above (cells)"
    ),
    "rules.gastroesophageal_high_copy_adjudication": Phrase(
        "Gastroesophageal: send a ratio below 2.0 with a high HER2 copy number to the pathologist"
    ),
    "rules.gastroesophageal_high_copy_threshold": Phrase(
        "Gastroesophageal: high HER2 copy number for that rule (signals per cell)"
    ),
    "rules.flag_breast_ihc3_group5_discordance": Phrase("Breast: flag IHC 3+ with ISH group 5 as discordant"),
    "rules.report_her2_low": Phrase("Breast: report the HER2-low descriptor"),
    "rules.report_her2_ultralow": Phrase("Breast: report the HER2-ultralow descriptor"),
    "rules.report_2023_comment": Phrase("Breast: print the 2023 comment on HER2-low (IHC 0 versus 1+)"),
    "rules.require_controls_for_ihc3": Phrase("IHC 3+ cannot be saved without a controls result"),
    "rules.require_stained_pct_for_breast_ihc3": Phrase(
        "Breast IHC 3+ cannot be saved without the percentage of stained cells"
    ),
    "rules.near_ratio_low": Phrase("Near-threshold notice: lowest ratio"),
    "rules.near_ratio_high": Phrase("Near-threshold notice: highest ratio"),
    "rules.near_copy_margin": Phrase("Near-threshold notice: margin around 4.0 and 6.0 signals per cell"),
    "rules.her2_high_warning": Phrase("Warn when average HER2 signals per cell are above"),
    "rules.cep17_low_warning": Phrase("Warn when average CEP17 signals per cell are below"),
    "rules.cep17_high_warning": Phrase("Warn when average CEP17 signals per cell are above"),
    "rules.fixation_hours_min": Phrase("Fixation: shortest time without a warning (hours)"),
    "rules.fixation_hours_max": Phrase("Fixation: longest time without a warning (hours)"),
    "rules.cold_ischaemia_max_minutes": Phrase("Cold ischaemia: longest time without a warning (minutes)"),
    "rules.gastroesophageal_min_fragments": Phrase(
        "Gastroesophageal biopsy: fewest fragments without a warning"
    ),
    "comments.group_2": Phrase("Report comment: ISH group 2"),
    "comments.group_3": Phrase("Report comment: ISH group 3"),
    "comments.group_4": Phrase("Report comment: ISH group 4"),
    "comments.her2_low_2023": Phrase("Report comment: HER2-low (2023 update)"),
    "comments.her2_ultralow": Phrase("Report comment: HER2-ultralow"),
    "comments.her2_low_needs_scored_ihc": Phrase(
        "Report comment: HER2-low cannot be judged without a scored IHC"
    ),
    "comments.single_probe_ihc_review": Phrase("Report comment: single-probe ISH needs IHC review"),
    "comments.no_site_guideline": Phrase("Report comment: no site-specific guideline"),
    "comments.no_site_guideline_breast": Phrase(
        "Report comment: no site-specific guideline, breast criteria used"
    ),
    "rules.descriptors_on_other_sites": Phrase("Give HER2-low/-ultralow/-null on sites without a guideline"),
}


@dataclass(frozen=True)
class Bounds:
    """What a number may be: from `low` (excluded when `low_open`) to `high`, in `unit`."""

    low: Decimal
    high: Decimal
    low_open: bool = False
    unit: str = ""

    def allows(self, value: Decimal) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        return above and value <= self.high

    def words(self, whole: bool) -> str:
        """ "a number from 0 to 10 (a HER2/CEP17 ratio), at most 2 decimal places": a row of phrases, each
        said in the interface's language."""
        kind = Phrase("a whole number") if whole else Phrase("a number")
        low, high = _plain(self.low), _plain(self.high)
        span = (
            Phrase("above {low} and at most {high}", low=low, high=high)
            if self.low_open
            else Phrase("from {low} to {high}", low=low, high=high)
        )
        parts: list[str] = [kind, " ", span]
        if self.unit:
            parts += [" ", self.unit]
        if not whole:
            parts.append(Phrase(", at most {count} decimal places", count=MAX_DECIMAL_PLACES))
        return Phrase.listing(parts, "")


PERCENT = Bounds(Decimal(0), Decimal(100), unit=Phrase("percent"))
SIGNALS = Bounds(Decimal(0), Decimal(100), low_open=True, unit=Phrase("signals per cell"))
RATIO = Bounds(Decimal(0), Decimal(10), unit=Phrase("(a HER2/CEP17 ratio)"))
HOURS = Bounds(Decimal(0), Decimal(1000), unit=Phrase("hours"))
# Per rule where the generic bounds of its type would be too wide (a field not listed gets those).
BOUNDS: dict[str, Bounds] = {
    "rules.gastroesophageal_resection_pct": PERCENT,
    "rules.gastroesophageal_biopsy_cluster_cells": Bounds(Decimal(1), Decimal(1000), unit=Phrase("cells")),
    "rules.gastroesophageal_high_copy_threshold": SIGNALS,
    "rules.near_ratio_low": RATIO,
    "rules.near_ratio_high": RATIO,
    "rules.near_copy_margin": Bounds(Decimal(0), Decimal(2), unit=Phrase("signals per cell")),
    "rules.her2_high_warning": SIGNALS,
    "rules.cep17_low_warning": SIGNALS,
    "rules.cep17_high_warning": SIGNALS,
    "rules.fixation_hours_min": HOURS,
    "rules.fixation_hours_max": Bounds(Decimal(0), Decimal(1000), low_open=True, unit=Phrase("hours")),
    "rules.cold_ischaemia_max_minutes": Bounds(Decimal(0), Decimal(1440), unit=Phrase("minutes")),
    "rules.gastroesophageal_min_fragments": Bounds(Decimal(0), Decimal(100), unit=Phrase("fragments")),
}
GENERIC_INT = Bounds(Decimal(0), Decimal(100_000))
GENERIC_DECIMAL = Bounds(Decimal(0), Decimal(100_000))


@dataclass(frozen=True)
class RuleSetting:
    """One lab-configurable rule or report comment."""

    name: str  # "rules.near_ratio_low", "comments.group_2"
    path: tuple[str, ...]  # the attribute path in GuidelineSettings: ("comments", "group_2")
    kind: type  # bool, int, Decimal or str
    default: Any
    label: str

    @property
    def section(self) -> str:
        return self.name.partition(".")[0]

    @property
    def bounds(self) -> Bounds:
        if self.name in BOUNDS:
            return BOUNDS[self.name]
        if self.name.endswith("_pct"):
            return PERCENT
        return GENERIC_INT if self.kind is int else GENERIC_DECIMAL

    def allowed(self) -> str:
        """What may be entered, in words."""
        if self.kind is bool:
            return Phrase("true or false")
        if self.kind is str:
            return Phrase(
                "text of 1 to {count} characters (line breaks allowed, no other control characters)",
                count=f"{MAX_COMMENT_CHARS:,}",
            )
        return self.bounds.words(whole=self.kind is int)


def _label(name: str, field: dataclasses.Field[Any]) -> str:
    if "label" in field.metadata:
        return str(field.metadata["label"])
    if name in LABELS:
        return LABELS[name]
    section, _, key = name.partition(".")
    words = key.replace("_", " ").strip()
    prefix = "Report comment: " if section != RULES_SECTION else ""
    return prefix + (words[:1].upper() + words[1:] if not prefix else words)


def _field_default(field: dataclasses.Field[Any]) -> Any:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    raise TypeError(f"settings field {field.name} has no default; every lab setting needs one")


def _kind(value: Any, name: str) -> type:
    for kind in (bool, int, Decimal, str):  # bool before int: True is an int too
        if isinstance(value, kind):
            return kind
    raise TypeError(f"lab setting {name} has a default of type {type(value).__name__}; "
                    "settings are bool, int, Decimal or str (see domain.rule_settings)")  # fmt: skip


def specs_of(settings_class: type) -> tuple[RuleSetting, ...]:
    """The lab settings of a settings dataclass (`GuidelineSettings`), found from its fields."""
    specs: list[RuleSetting] = []
    for field in dataclasses.fields(settings_class):
        default = _field_default(field)
        if dataclasses.is_dataclass(default):  # a nested group of settings: the report comments
            for inner in dataclasses.fields(default):
                name = f"{field.name}.{inner.name}"
                value = _field_default(inner)
                specs.append(RuleSetting(name, (field.name, inner.name), _kind(value, name), value,
                                         _label(name, inner)))  # fmt: skip
        else:
            name = f"{RULES_SECTION}.{field.name}"
            specs.append(RuleSetting(name, (field.name,), _kind(default, name), default, _label(name, field)))
    for spec in specs:
        if len(spec.name) > MAX_NAME_CHARS:
            raise TypeError(f"lab setting name {spec.name} is longer than {MAX_NAME_CHARS} characters")
    return tuple(specs)


RULE_SETTINGS: tuple[RuleSetting, ...] = specs_of(GuidelineSettings)
RULE_SETTINGS_BY_NAME: dict[str, RuleSetting] = {s.name: s for s in RULE_SETTINGS}
RULE_SETTING_NAMES: tuple[str, ...] = tuple(RULE_SETTINGS_BY_NAME)
RULE_SETTING_LABELS: dict[str, str] = {s.name: s.label for s in RULE_SETTINGS}


def is_rule_setting(name: str) -> bool:
    return name in RULE_SETTINGS_BY_NAME


def _plain(value: Decimal) -> str:
    return format(value, "f")


def _refuse(spec: RuleSetting, raw: str, reason: str | None = None) -> LabSettingError:
    why = reason or Phrase("{raw} is not allowed; use {allowed}", raw=shown(raw), allowed=spec.allowed())
    return refused_setting(f"{spec.name} ({spec.label})", why)


def parse_rule_setting(name: str, raw: str) -> Any:
    """The typed value of one rule setting from text, or LabSettingError naming it and what is allowed."""
    spec = RULE_SETTINGS_BY_NAME.get(name)
    if spec is None:
        raise LabSettingError(f"unknown rule setting {name!r}; `her2desk settings show` lists them")
    if spec.kind is str:
        return _parse_text(spec, raw)
    text = raw.strip()
    if spec.kind is bool:
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise _refuse(spec, raw)
    pattern = _WHOLE_NUMBER if spec.kind is int else _PLAIN_NUMBER
    if not text.isascii() or not pattern.fullmatch(text):
        raise _refuse(spec, raw)
    value = Decimal(text)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent > MAX_DECIMAL_PLACES or not spec.bounds.allows(value):
        raise _refuse(spec, raw)
    return int(text) if spec.kind is int else value


def _parse_text(spec: RuleSetting, raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise _refuse(spec, raw, Phrase("must not be empty; use {allowed}", allowed=spec.allowed()))
    if len(text) > MAX_COMMENT_CHARS:
        raise _refuse(
            spec,
            raw,
            Phrase(
                "{count} characters is too long; use {allowed}",
                count=f"{len(text):,}",
                allowed=spec.allowed(),
            ),
        )
    bad = [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn")]
    if bad:
        raise _refuse(
            spec,
            raw,
            Phrase(
                "contains the control character {code}; use {allowed}",
                code=f"U+{ord(bad[0]):04X}",
                allowed=spec.allowed(),
            ),
        )
    return text


def format_rule_value(value: Any) -> str:
    """The stored and printed text of a value (the inverse of `parse_rule_setting`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _plain(value)
    return str(value)


def rule_value(settings: GuidelineSettings, name: str) -> Any:
    value: Any = settings
    for attribute in RULE_SETTINGS_BY_NAME[name].path:
        value = getattr(value, attribute)
    return value


def default_text(name: str) -> str:
    return format_rule_value(RULE_SETTINGS_BY_NAME[name].default)


def with_rule_values(settings: GuidelineSettings, values: Mapping[str, Any]) -> GuidelineSettings:
    """`settings` with the typed `values` (by setting name) in place; the others unchanged."""
    top: dict[str, Any] = {}
    nested: dict[str, dict[str, Any]] = {}
    for name, value in values.items():
        path = RULE_SETTINGS_BY_NAME[name].path
        if len(path) == 1:
            top[path[0]] = value
        else:
            nested.setdefault(path[0], {})[path[1]] = value
    for group, changes in nested.items():
        top[group] = dataclasses.replace(getattr(settings, group), **changes)
    return dataclasses.replace(settings, **top) if top else settings


def rule_values(settings: GuidelineSettings) -> dict[str, str]:
    """Every rule setting's text, by name (what `canonical_json` serialises)."""
    return {name: format_rule_value(rule_value(settings, name)) for name in RULE_SETTING_NAMES}


def _counterpart(name: str) -> str | None:
    """The upper end of a lower-end rule (`..._min` -> `..._max`, `cep17_low_...` -> `cep17_high_...`)."""
    section, _, key = name.partition(".")
    words = key.split("_")
    for low, high in (("low", "high"), ("min", "max")):
        if low in words:
            other = f"{section}." + "_".join(high if w == low else w for w in words)
            if other in RULE_SETTINGS_BY_NAME:
                return other
    return None


ORDERED_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (name, other) for name in RULE_SETTING_NAMES if (other := _counterpart(name)) is not None
)


def rule_problems(settings: GuidelineSettings) -> list[str]:
    """What is wrong with a whole set of rules that no single value shows: a range turned upside down."""
    problems: list[str] = []
    for low, high in ORDERED_PAIRS:
        if rule_value(settings, low) > rule_value(settings, high):
            problems.append(
                Phrase(
                    "{low} ({low_label}) is {low_value}, more than {high} ({high_label}) {high_value}; "
                    "the lower limit must not exceed the upper",
                    low=low,
                    low_label=RULE_SETTING_LABELS[low],
                    low_value=format_rule_value(rule_value(settings, low)),
                    high=high,
                    high_label=RULE_SETTING_LABELS[high],
                    high_value=format_rule_value(rule_value(settings, high)),
                )
            )
    return problems


def settings_from_values(
    values: Mapping[str, str], base: GuidelineSettings = DEFAULT_SETTINGS
) -> tuple[GuidelineSettings, list[str]]:
    """`base` with the stored texts applied (by name) and, in words, every text that could not be used
    (it keeps the base value). Names that are not rule settings are ignored: the caller picks them."""
    typed: dict[str, Any] = {}
    problems: list[str] = []
    for name, text in values.items():
        if name not in RULE_SETTINGS_BY_NAME:
            continue
        try:
            typed[name] = parse_rule_setting(name, text)
        except LabSettingError as error:
            shown_default = format_rule_value(rule_value(base, name))
            if len(shown_default) > 40:
                shown_default = shown_default[:37] + "..."
            problems.append(f"the stored value cannot be used ({error}); {shown_default!r} applies")
    return with_rule_values(base, typed), problems


def canonical_json(settings: GuidelineSettings) -> str:
    """Every rule setting as text, sorted by name: the serialisation the fingerprint is taken of."""
    return json.dumps(rule_values(settings), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


@functools.lru_cache(maxsize=64)
def fingerprint(settings: GuidelineSettings) -> str:
    """A short stable hash of the rule settings (the engine stamps it on every result)."""
    digest = hashlib.sha256(canonical_json(settings).encode("utf-8")).hexdigest()
    return digest[:FINGERPRINT_HEX_DIGITS]


def rules_version(settings: GuidelineSettings) -> str:
    """`her2desk-rules-1+<fingerprint>`: the engine's rules and the lab's settings they ran with."""
    return f"{RULES_VERSION}+{fingerprint(settings)}"


def fingerprint_of_version(version: str) -> str | None:
    """The fingerprint part of a rules version ("" for a legacy bare version, None if not ours)."""
    if version == RULES_VERSION:
        return ""
    base, plus, print_ = version.partition("+")
    if base != RULES_VERSION or not plus or not re.fullmatch(r"[0-9a-f]{12}", print_):
        return None
    return print_


def settings_from_json(text: str) -> tuple[GuidelineSettings, list[str]]:
    """The settings of a recorded canonical JSON (see `canonical_json`) and, in words, anything in it this
    program cannot use. A setting added since it was recorded takes its default."""
    try:
        values = json.loads(text)
    except ValueError as error:
        return DEFAULT_SETTINGS, [f"the recorded rule settings are not JSON ({error}); the defaults apply"]
    if not isinstance(values, dict):
        return DEFAULT_SETTINGS, ["the recorded rule settings are not a JSON object; the defaults apply"]
    settings, problems = settings_from_values({str(k): str(v) for k, v in values.items()})
    problems += [f"{name} is not a rule setting of this program; ignored" for name in values
                 if name not in RULE_SETTINGS_BY_NAME]  # fmt: skip
    problems += [f"{name} was not recorded (added later); its default applies" for name in RULE_SETTING_NAMES
                 if name not in values]  # fmt: skip
    return settings, problems


def settings_for_legacy_version() -> GuidelineSettings:
    """The settings every result with the bare rules version `her2desk-rules-1` was computed with."""
    from her2desk.domain.legacy_rules import LEGACY_VALUES

    settings, problems = settings_from_values(LEGACY_VALUES)
    assert not problems, problems
    return settings


DEFAULT_RULES_VERSION = rules_version(DEFAULT_SETTINGS)


def parse_any_setting(name: str, raw: str) -> Any:
    """Any lab setting's typed value: a rule or comment (`rules.*`, `comments.*`) or one of
    `lab_settings` (the workflow and handout choices); LabSettingError naming it otherwise."""
    if name in RULE_SETTINGS_BY_NAME:
        return parse_rule_setting(name, raw)
    if name not in SETTING_NAMES:
        raise LabSettingError(
            f"unknown setting {name!r}; settings are: {', '.join(SETTING_NAMES)}, and the rules and "
            "report comments (rules.NAME, comments.NAME) that `her2desk settings show` lists"
        )
    return parse_setting(name, raw)


def format_any_setting(value: Any) -> str:
    return format_rule_value(value) if isinstance(value, Decimal | str) else format_setting(value)


def any_default_text(name: str) -> str:
    """The text of any setting's default; KeyError for an unknown name."""
    if name in RULE_SETTINGS_BY_NAME:
        return default_text(name)
    if name not in SETTING_NAMES:
        raise KeyError(name)
    return format_setting(getattr(DEFAULT_LAB_SETTINGS, name))
