"""`her2desk interpret` against the command-line contract of issue 2.

The command lines in SUBPROCESS_CASES run as real processes (`python -m her2desk interpret ...`), all
started at once because each process needs about a second to import the program. The remaining cases
call the same entry point, `her2desk.cli.main`, inside the test process, which is much faster and
reads the same standard output, standard error and exit status.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest

CONTRACT_KEYS = {
    "status",
    "ish_group",
    "ratio",
    "descriptor",
    "next_step",
    "comments",
    "warnings",
    "trail",
    "errors",
    "guideline",
    "scoring_criteria",
    "rules_version",  # added with the lab rule settings; every earlier key unchanged
}
STATUSES = {"positive", "negative", "equivocal", "pending", "adjudication", "indeterminate"}
NEXT_STEPS = {
    "none",
    "reflex-ish",
    "recount",
    "concurrent-ihc",
    "dual-probe-ish",
    "adjudicate",
    "new-specimen",
}
DESCRIPTORS = {None, "HER2-low", "HER2-ultralow", "HER2-null"}
SITES = [
    "breast",
    "stomach",
    "gastroesophageal-junction",
    "esophagus",
    "pancreas",
    "bladder",
    "ovary",
    "other",
]
PROCEDURES = [
    "fine-needle-aspiration",
    "core-needle-biopsy",
    "incisional-biopsy",
    "excisional-biopsy",
    "endoscopic-biopsy",
    "surgical-resection",
]
OPTIONS = [
    "--site",
    "--criteria",
    "--procedure",
    "--ihc",
    "--stained-pct",
    "--cluster-cells",
    "--ish",
    "--her2",
    "--cep17",
    "--cells",
    "--recount-her2",
    "--recount-cep17",
    "--recount-cells",
    "--json",
]

BREAST_CORE = ["--site", "breast", "--procedure", "core-needle-biopsy"]
STOMACH_BIOPSY = ["--site", "stomach", "--procedure", "endoscopic-biopsy"]


def dual(her2: str, cep17: str, cells: str = "20") -> list[str]:
    return ["--ish", "dual", "--her2", her2, "--cep17", cep17, "--cells", cells]


# name -> arguments after `her2desk interpret`
SUBPROCESS_CASES = {
    "help",
    "worked example 1.99 json",
    "worked example 1.99 text",
    "bad site text",
    "19 cells text",
    "nothing given json",
}
CASES: dict[str, list[str]] = {
    "help": ["--help"],
    # The worked example of rules (c): 3.95/1.98 -> 1.99 (group 5), 3.96/1.98 -> 2.00 (group 2).
    "worked example 1.99 json": [*BREAST_CORE, "--ihc", "2+", *dual("3.95", "1.98"), "--json"],
    "worked example 1.99 text": [*BREAST_CORE, "--ihc", "2+", *dual("3.95", "1.98")],
    "worked example 2.00 json": [*BREAST_CORE, "--ihc", "1+", *dual("3.96", "1.98"), "--json"],
    "ihc only json": [*BREAST_CORE, "--ihc", "0", "--stained-pct", "5", "--json"],
    "equivocal json": [*BREAST_CORE, "--ihc", "2+", "--json"],
    "pending recount json": [*BREAST_CORE, "--ihc", "2+", *dual("5.00", "3.00"), "--json"],
    "adjudication json": [
        *BREAST_CORE,
        "--ihc",
        "2+",
        *dual("5.00", "3.00"),
        *["--recount-her2", "10.00", "--recount-cep17", "2.00", "--recount-cells", "20"],
        "--json",
    ],
    "indeterminate json": [*BREAST_CORE, "--ihc", "indeterminate", "--json"],
    "positive text": [*BREAST_CORE, "--ihc", "3+", "--stained-pct", "80"],
    "2+ at 5 percent warns json": [*BREAST_CORE, "--ihc", "2+", "--stained-pct", "5", "--json"],
    "stomach amplified json": [
        *STOMACH_BIOPSY,
        "--ihc",
        "2+",
        "--cluster-cells",
        "5",
        *dual("3.00", "1.20"),
        "--json",
    ],
    "pancreas json": [
        "--site",
        "pancreas",
        "--criteria",
        "gastroesophageal",
        "--procedure",
        "surgical-resection",
        "--ihc",
        "3+",
        "--stained-pct",
        "10",
        "--json",
    ],
    # Invalid input.
    "bad site text": ["--site", "brest", "--procedure", "core-needle-biopsy", "--ihc", "3+"],
    "bad site json": ["--site", "brest", "--procedure", "core-needle-biopsy", "--ihc", "3+", "--json"],
    "19 cells text": [*BREAST_CORE, "--ihc", "2+", *dual("5.00", "3.00", cells="19")],
    "19 cells json": [*BREAST_CORE, "--ihc", "2+", *dual("5.00", "3.00", cells="19"), "--json"],
    "not a number text": [*BREAST_CORE, "--ihc", "2+", *dual("abc", "3.00")],
    "3+ at 5 percent text": [*BREAST_CORE, "--ihc", "3+", "--stained-pct", "5"],
    "single probe stomach json": [
        *STOMACH_BIOPSY,
        "--ihc",
        "2+",
        "--ish",
        "single",
        "--her2",
        "7",
        "--cells",
        "20",
        "--json",
    ],
    "nothing given text": [],
    "nothing given json": ["--json"],
}


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        data = json.loads(self.out)  # the whole of stdout is one JSON object
        assert isinstance(data, dict)
        return data


def _run_process(args: list[str]) -> Run:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "her2desk", "interpret", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def _run_in_process(args: list[str]) -> Run:
    from her2desk.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["interpret", *args])
        except SystemExit as exit_:  # argparse's --help and usage errors
            code = exit_.code if isinstance(exit_.code, int) else 1
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def runs() -> dict[str, Run]:
    names = [name for name in CASES if name in SUBPROCESS_CASES]
    with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 2)) as pool:
        results = dict(zip(names, pool.map(_run_process, (CASES[n] for n in names)), strict=True))
    results.update({name: _run_in_process(args) for name, args in CASES.items() if name not in results})
    for name, run in results.items():
        assert "Traceback" not in run.err, f"{name}: {run.err}"
    return results


def test_subprocess_cases_exist() -> None:
    assert set(CASES) >= SUBPROCESS_CASES


def check_contract(data: dict[str, Any]) -> None:
    """Keys and types exactly as issue 2's --json contract."""
    assert set(data) == CONTRACT_KEYS
    assert data["status"] is None or data["status"] in STATUSES
    assert data["ish_group"] is None or (type(data["ish_group"]) is int and 1 <= data["ish_group"] <= 5)
    assert data["ratio"] is None or type(data["ratio"]) in (int, float)
    assert data["descriptor"] in DESCRIPTORS
    assert data["next_step"] in NEXT_STEPS
    for key in ("comments", "warnings", "trail"):
        assert isinstance(data[key], list)
        assert all(isinstance(item, str) for item in data[key])
    assert isinstance(data["errors"], list)
    for error in data["errors"]:
        assert set(error) == {"field", "message"}
        assert isinstance(error["field"], str)
        assert isinstance(error["message"], str)
        assert error["message"]
    assert isinstance(data["guideline"], str)
    # The criteria the result was scored with; none when nothing was interpreted.
    assert data["scoring_criteria"] in ({None} if data["status"] is None else {"breast", "gastroesophageal"})
    assert data["rules_version"].startswith("her2desk-rules-1+")


@pytest.mark.parametrize("name", [n for n, args in CASES.items() if "--json" in args])
def test_every_json_output_keeps_the_contract(runs: dict[str, Run], name: str) -> None:
    run = runs[name]
    data = run.json()
    check_contract(data)
    # Exit 0 for a valid input (with a status), 2 for an invalid one (with errors and no status).
    if data["errors"]:
        assert run.code == 2
        assert data["status"] is None
    else:
        assert run.code == 0
        assert data["status"] in STATUSES
        assert data["guideline"]
        assert data["trail"]


def test_worked_example_1_99_is_group_5(runs: dict[str, Run]) -> None:
    data = runs["worked example 1.99 json"].json()
    assert data["ratio"] == 1.99
    assert data["ish_group"] == 5
    assert data["status"] == "negative"
    assert data["descriptor"] == "HER2-low"
    assert data["next_step"] == "none"
    assert "ASCO/CAP 2018" in data["guideline"]


def test_worked_example_2_00_is_group_2(runs: dict[str, Run]) -> None:
    data = runs["worked example 2.00 json"].json()
    assert data["ratio"] == 2.0
    assert data["ish_group"] == 2
    assert data["status"] == "negative"  # group 2 with concurrent IHC 1+
    assert data["descriptor"] == "HER2-low"
    assert any("Group 2" in line for line in data["trail"])


def test_ihc_only_result_has_no_ratio_and_no_group(runs: dict[str, Run]) -> None:
    data = runs["ihc only json"].json()
    assert (data["status"], data["descriptor"]) == ("negative", "HER2-ultralow")
    assert data["ratio"] is None
    assert data["ish_group"] is None


@pytest.mark.parametrize(
    ("name", "status", "next_step"),
    [
        ("equivocal json", "equivocal", "reflex-ish"),
        ("pending recount json", "pending", "recount"),
        ("adjudication json", "adjudication", "adjudicate"),
        ("indeterminate json", "indeterminate", "new-specimen"),
        ("stomach amplified json", "positive", "none"),
        ("pancreas json", "positive", "none"),
    ],
)
def test_statuses_and_next_steps(runs: dict[str, Run], name: str, status: str, next_step: str) -> None:
    run = runs[name]
    assert run.code == 0  # a result that still needs work is still a valid input
    data = run.json()
    assert (data["status"], data["next_step"]) == (status, next_step)
    assert data["descriptor"] is None


def test_gastroesophageal_json_has_a_ratio_but_no_group(runs: dict[str, Run]) -> None:
    data = runs["stomach amplified json"].json()
    assert data["ratio"] == 2.5
    assert data["ish_group"] is None
    assert "CAP/ASCP/ASCO 2016" in data["guideline"]


def test_other_site_warns_that_there_is_no_site_guideline(runs: dict[str, Run]) -> None:
    data = runs["pancreas json"].json()
    assert any("no site-specific" in w.lower() for w in data["warnings"]), data["warnings"]


def test_warning_does_not_make_the_input_invalid(runs: dict[str, Run]) -> None:
    run = runs["2+ at 5 percent warns json"]
    assert run.code == 0
    data = run.json()
    assert data["status"] == "equivocal"
    assert data["errors"] == []
    assert any(w.startswith("--stained-pct: ") for w in data["warnings"]), data["warnings"]


def test_text_output_is_readable(runs: dict[str, Run]) -> None:
    run = runs["worked example 1.99 text"]
    assert run.code == 0
    text = run.out
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    assert "NEGATIVE" in text
    assert "HER2-low" in text
    assert "1.99" in text
    assert "Group 5" in text
    assert "ASCO/CAP 2018" in text
    assert "2.00" not in text  # never 2.00 beside a < 2.0 call
    assert len(text.splitlines()) >= 5
    assert all(len(line) < 400 for line in text.splitlines())


def test_text_output_of_a_positive_result(runs: dict[str, Run]) -> None:
    run = runs["positive text"]
    assert run.code == 0
    assert "POSITIVE" in run.out
    assert "NEGATIVE" not in run.out


def _printed(run: Run) -> str:
    return run.out + run.err


def test_bad_site_names_the_option_and_the_allowed_values(runs: dict[str, Run]) -> None:
    run = runs["bad site text"]
    assert run.code == 2
    printed = _printed(run)
    assert "--site" in printed
    assert "brest" in printed
    for site in SITES:
        assert site in printed
    assert "POSITIVE" not in printed  # nothing is guessed: no result for an invalid input


def test_bad_site_in_json(runs: dict[str, Run]) -> None:
    run = runs["bad site json"]
    assert run.code == 2
    data = run.json()
    assert data["status"] is None
    errors = [e for e in data["errors"] if e["field"] == "site"]
    assert len(errors) == 1
    for site in SITES:
        assert site in errors[0]["message"]


@pytest.mark.parametrize(
    ("name", "option", "allowed"),
    [
        ("19 cells text", "--cells", "20"),
        ("not a number text", "--her2", "e.g."),
        ("3+ at 5 percent text", "--stained-pct", "10%"),
    ],
)
def test_errors_are_printed_with_the_option_name(
    runs: dict[str, Run], name: str, option: str, allowed: str
) -> None:
    run = runs[name]
    assert run.code == 2
    line = next((line for line in _printed(run).splitlines() if option in line), None)
    assert line is not None, _printed(run)
    assert allowed in line


def test_19_cells_json_names_the_cells_field(runs: dict[str, Run]) -> None:
    data = runs["19 cells json"].json()
    assert [e["field"] for e in data["errors"]] == ["cells"]
    assert data["ratio"] is None
    assert data["ish_group"] is None


def test_single_probe_for_stomach_is_invalid(runs: dict[str, Run]) -> None:
    run = runs["single probe stomach json"]
    assert run.code == 2
    assert "ish" in [e["field"] for e in run.json()["errors"]]


@pytest.mark.parametrize("name", ["nothing given text", "nothing given json"])
def test_no_input_is_invalid_and_says_what_is_missing(runs: dict[str, Run], name: str) -> None:
    run = runs[name]
    assert run.code == 2
    printed = _printed(run)
    for word in ("site", "procedure"):
        assert word in printed
    for procedure in PROCEDURES:
        assert procedure in printed


def test_help_lists_every_option(runs: dict[str, Run]) -> None:
    run = runs["help"]
    assert run.code == 0
    for option in OPTIONS:
        assert option in run.out
    for site in SITES:
        assert site.split("-")[0] in run.out  # argparse may wrap hyphenated words


def test_json_keeps_warnings_when_another_option_cannot_be_read() -> None:
    # IHC 2+ at 5% is a warning (an unusual pattern); the unreadable --her2 makes the input invalid.
    run = _run_in_process(
        [
            "--site",
            "breast",
            "--procedure",
            "core-needle-biopsy",
            "--ihc",
            "2+",
            "--stained-pct",
            "5",
            "--ish",
            "dual",
            "--her2",
            "abc",
            "--cep17",
            "2",
            "--cells",
            "20",
            "--json",
        ]
    )
    data = run.json()
    assert run.code == 2
    assert [e["field"] for e in data["errors"]] == ["her2"]
    assert any("unusual pattern" in w for w in data["warnings"])
