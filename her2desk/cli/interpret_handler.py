"""`her2desk interpret`'s work: parse the options, interpret, print (the parser: `interpret_command`)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace

from her2desk.cli.interpret_command import OPTION_NAMES, OPTIONS
from her2desk.domain.criteria import CRITERIA_LABELS
from her2desk.domain.engine import interpret
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.inputs import Her2TestInput
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.labels import field_label, readable_warnings, warning_field
from her2desk.domain.numbers import format_decimal
from her2desk.domain.parsing import in_codes, parse_test_input
from her2desk.domain.problems import Problem


def lab_rules(url: str) -> GuidelineSettings:
    """The rule settings stored in the database at `url` (read-only; DatabaseError when unusable)."""
    from her2desk.services.bundle import Services  # SQLAlchemy only when asked
    from her2desk.store.database import open_database

    database = open_database(url, create=False)
    try:
        settings, problems = Services(database).rule_settings.load_checked()
    finally:
        database.close()
    for problem in problems:
        print(f"her2desk interpret: warning: {problem}", file=sys.stderr)
    return settings


def run(args: argparse.Namespace) -> int:
    raw = {field: getattr(args, field) for field in OPTIONS}
    test, problems = parse_test_input(raw)
    url = getattr(args, "database", None)
    settings = DEFAULT_SETTINGS
    if url is not None:
        try:
            settings = lab_rules(url)
        except Exception as error:  # an unusable address or database: in words, never a traceback
            print(f"her2desk interpret: {getattr(error, 'orig', None) or error}", file=sys.stderr)
            return 1
    result = interpret(test, settings)
    if problems:
        # Parse problems come first; the engine adds what it can still see (e.g. a missing site).
        seen = {p.field for p in problems}
        merged = (*problems, *(e for e in result.errors if e.field not in seen))
        result = Interpretation(
            status=None,
            next_step=result.next_step,
            guideline=result.guideline,
            errors=tuple(merged),
            # The engine saw an unreadable value as "not given"; a warning about it would mislead.
            warnings=tuple(w for w in result.warnings if warning_field(w) not in seen),
            rules_version=result.rules_version,
        )
    # A warning about one field names it as the user typed it: the option (--stained-pct); allowed
    # values are named as they are typed here, by their codes (core-needle-biopsy).
    result = replace(
        result,
        errors=tuple(in_codes(e) for e in result.errors),
        warnings=tuple(readable_warnings(result.warnings, OPTION_NAMES)),
    )
    if args.json:
        data = result.as_dict()
        data["scoring_criteria"] = _criteria_used(test, result)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif result.errors:
        print_errors(result.errors)
    else:
        print(render_text(result, test, rules_source(url)))
    return 2 if result.errors else 0


def _criteria_used(test: Her2TestInput, result: Interpretation) -> str | None:
    """The criteria the result was scored with (the JSON key "scoring_criteria"); None when nothing
    was interpreted."""
    if result.status is None or test.criteria is None:
        return None
    return test.criteria.value


def rules_source(url: str | None) -> str:
    if url is None:
        return "her2desk's default rule settings (give --database URL for a lab's)"
    from her2desk.store.urls import redact

    return f"the lab rule settings of {redact(url)}"


def option_name(field: str) -> str:
    return OPTION_NAMES.get(field) or field_label(field)


def print_errors(errors: tuple[Problem, ...] | list[Problem]) -> None:
    print("her2desk interpret: the input is not valid; nothing was interpreted.", file=sys.stderr)
    for problem in errors:
        print(f"  {option_name(problem.field)}: {problem.message}", file=sys.stderr)


def render_text(result: Interpretation, test: Her2TestInput | None = None, source: str = "") -> str:
    assert result.status is not None
    status = result.status.value.upper()
    if result.descriptor:
        status += f" ({result.descriptor.value}, a descriptor of a negative result)"
    lines = [
        f"HER2 status:  {status}",
        f"ISH group:    {result.ish_group if result.ish_group is not None else '-'}",
        f"Ratio:        {format_decimal(result.ratio)}",
        f"Next step:    {result.next_step.value}",
        f"Guideline:    {result.guideline}",
    ]
    if test is not None and test.site is not None and test.scoring_criteria is not None:
        # Only a site without a guideline of its own has criteria chosen (validation refuses others).
        lines.append(f"Criteria:     {CRITERIA_LABELS[test.scoring_criteria]}, chosen with --criteria")
    if result.scoring_system:
        lines.append(f"Scored with:  {result.scoring_system.value}")
    lines.append(f"Rules:        {result.rules_version}" + (f" ({source})" if source else ""))
    for title, items in (
        ("Rule trail", result.trail),
        ("Comments", result.comments),
        ("Warnings", result.warnings),
    ):
        if items:
            lines.append(f"{title}:")
            lines.extend(f"  - {item}" for item in items)
    return "\n".join(lines)
