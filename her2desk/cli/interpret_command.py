"""`her2desk interpret`: the guideline engine on the command line (options and output are a contract).

The rules a lab may configure (`domain.rule_settings`) are her2desk's defaults unless `--database URL`
names a lab's database: its rule settings are then read (only read: a mistyped path creates nothing)
and used. Either way the output names the rules version the result was made with (`rules_version` in
`--json`), as it would be stored with a saved case. $HER2DESK_DATABASE_URL is not consulted: without
`--database` the result is the same on every machine.

This module builds the parser only (the vocabulary names the allowed values); the engine and the rest of
the command are in `interpret_handler`, imported when the command runs: every start of the desktop
program builds this parser too, and needs no guideline engine before its first paint.
"""

from __future__ import annotations

import argparse

from her2desk.cli.lazy import lazy_handler
from her2desk.domain.criteria import SITES_WITHOUT_GUIDELINE
from her2desk.domain.vocabulary import IhcScore, IshProbe, Procedure, ScoringCriteria, Site

# Field name -> command-line option. Values are taken as text and parsed by the domain, so a wrong
# value is reported by field in the same way in text and in --json (never an argparse traceback).
OPTIONS: dict[str, tuple[str, str, str]] = {
    "site": ("--site", "SITE", "primary site: " + ", ".join(s.value for s in Site)),
    "scoring_criteria": (
        "--criteria",
        "CRITERIA",
        "scoring criteria for a site without a HER2 guideline of its own ("
        + ", ".join(s.value for s in SITES_WITHOUT_GUIDELINE)
        + "), required there and refused for the others, whose guideline decides: "
        + ", ".join(c.value for c in ScoringCriteria)
        + " (gastroesophageal: CAP/ASCP/ASCO 2016, as DESTINY-PanTumor02 used; breast: ASCO/CAP 2018)",
    ),
    "procedure": (
        "--procedure",
        "PROCEDURE",
        "how the specimen was taken: "
        + ", ".join(p.value for p in Procedure)
        + " (gastroesophageal and other sites: surgical-resection uses resection criteria, every "
        "other procedure biopsy criteria)",
    ),
    "ihc": ("--ihc", "SCORE", "IHC score: " + ", ".join(i.value for i in IhcScore)),
    "stained_pct": (
        "--stained-pct",
        "P",
        "percent of invasive tumour cells with the membrane staining that "
        "defines the score (for IHC 0: the faint incomplete staining); checked against the score",
    ),
    "cluster_cells": (
        "--cluster-cells",
        "N",
        "size of the largest stained cluster (gastroesophageal biopsies)",
    ),
    "ish": ("--ish", "PROBE", "ISH assay: " + ", ".join(p.value for p in IshProbe)),
    "her2": ("--her2", "X", "average HER2 signals per cell"),
    "cep17": ("--cep17", "Y", "average CEP17 signals per cell (dual probe)"),
    "cells": ("--cells", "N", "cells counted (at least 20)"),
    "recount_her2": ("--recount-her2", "X", "blinded second count: average HER2 signals per cell"),
    "recount_cep17": ("--recount-cep17", "Y", "blinded second count: average CEP17 signals per cell"),
    "recount_cells": ("--recount-cells", "N", "blinded second count: cells counted (at least 20)"),
}


OPTION_NAMES = {field: flag for field, (flag, _metavar, _help) in OPTIONS.items()}


def register(sub: argparse._SubParsersAction, _root: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "interpret",
        help="interpret one HER2 test by the published guideline",
        description="Interpret one HER2 test: breast by ASCO/CAP 2018 (affirmed 2023), stomach, "
        "gastroesophageal junction and esophagus by CAP/ASCP/ASCO 2016; other sites by the criteria "
        "chosen with --criteria (nothing is assumed), with a warning. Exit status 0 for valid input, "
        "2 for invalid input (with every problem printed).",
    )
    for field, (flag, metavar, help_text) in OPTIONS.items():
        p.add_argument(flag, dest=field, metavar=metavar, help=help_text)
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    p.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="use the lab rule settings of this database (an SQLite file path or a postgresql+psycopg:// "
        "URL; only read); without it, her2desk's default rule settings",
    )
    p.set_defaults(handler=lazy_handler("her2desk.cli.interpret_handler", "run"))
