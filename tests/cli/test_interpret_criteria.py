"""`her2desk interpret --criteria`: the scoring criteria of a site without a HER2 guideline of its own.

Required for pancreas, bladder, ovary and other (nothing is assumed), refused for breast and the
gastroesophageal sites (their guideline decides), given once; shown in the text and the JSON output.
"""

from __future__ import annotations

import contextlib
import io
import json
from typing import Any

import pytest

from her2desk.cli import main

OTHER_SITES = ["pancreas", "bladder", "ovary", "other"]
GUIDELINE_SITES = ["breast", "stomach", "gastroesophageal-junction", "esophagus"]
# IHC 2+ with dual-probe ISH ratio 1.67 and HER2 5.0: breast group 4 waiting for the blinded recount;
# by the gastroesophageal criteria not amplified, so negative. The two criteria part here.
GROUP_4 = ["--procedure", "core-needle-biopsy", "--ihc", "2+", "--ish", "dual", "--her2", "5.0",
           "--cep17", "3.0", "--cells", "20"]  # fmt: skip


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["interpret", *args])
        except SystemExit as exit_:  # argparse's usage errors
            code = exit_.code if isinstance(exit_.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def run_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, _err = run(*args, "--json")
    return code, json.loads(out)


@pytest.mark.parametrize("site", OTHER_SITES)
def test_missing_criteria_is_refused_with_the_choices(site: str) -> None:
    code, out, err = run("--site", site, *GROUP_4)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == "her2desk interpret: the input is not valid; nothing was interpreted."
    assert len(lines) == 2
    assert lines[1].startswith("  --criteria: required because ")
    assert "no site-specific HER2 guideline" in lines[1]
    assert "choose gastroesophageal (CAP/ASCP/ASCO 2016" in lines[1]
    assert "or breast (ASCO/CAP 2018" in lines[1]

    code, data = run_json("--site", site, *GROUP_4)
    assert code == 2
    assert data["status"] is None
    assert data["scoring_criteria"] is None
    assert [e["field"] for e in data["errors"]] == ["scoring_criteria"]


@pytest.mark.parametrize("site", OTHER_SITES)
def test_gastroesophageal_criteria(site: str) -> None:
    code, data = run_json("--site", site, "--criteria", "gastroesophageal", *GROUP_4)
    assert code == 0
    assert (data["status"], data["ish_group"], data["ratio"]) == ("negative", None, 1.67)
    assert data["scoring_criteria"] == "gastroesophageal"
    assert data["guideline"].startswith("CAP/ASCP/ASCO 2016 gastroesophageal criteria, applied to ")
    assert data["guideline"].endswith(" (no site-specific guideline)")
    code, out, _err = run("--site", site, "--criteria", "gastroesophageal", *GROUP_4)
    assert code == 0
    assert "Criteria:     Gastroesophageal criteria (CAP/ASCP/ASCO 2016), chosen with --criteria" in out
    assert "Scored with:  gastroesophageal biopsy (CAP/ASCP/ASCO 2016)" in out


@pytest.mark.parametrize("site", OTHER_SITES)
def test_breast_criteria(site: str) -> None:
    code, data = run_json("--site", site, "--criteria", "breast", *GROUP_4)
    assert code == 0
    assert (data["status"], data["ish_group"], data["next_step"]) == ("pending", 4, "recount")
    assert data["scoring_criteria"] == "breast"
    assert data["guideline"].startswith("ASCO/CAP 2018 breast criteria (affirmed 2023), applied to ")
    assert any(w.startswith("No site-specific HER2 guideline exists for ") for w in data["warnings"])
    code, out, _err = run("--site", site, "--criteria", "breast", *GROUP_4)
    assert code == 0
    assert "Criteria:     Breast criteria (ASCO/CAP 2018), chosen with --criteria" in out
    assert "HER2 status:  PENDING" in out
    assert "ISH group:    4" in out


def test_no_descriptor_on_another_site_by_default() -> None:
    code, data = run_json("--site", "bladder", "--criteria", "breast", "--procedure", "surgical-resection",
                          "--ihc", "1+", "--stained-pct", "30")  # fmt: skip
    assert code == 0
    assert (data["status"], data["descriptor"]) == ("negative", None)
    breast = run_json(
        "--site", "breast", "--procedure", "surgical-resection", "--ihc", "1+", "--stained-pct", "30"
    )
    assert breast[1]["descriptor"] == "HER2-low"


@pytest.mark.parametrize("criteria", ["gastroesophageal", "breast"])
@pytest.mark.parametrize("site", GUIDELINE_SITES)
def test_criteria_for_a_site_with_its_own_guideline_are_refused(site: str, criteria: str) -> None:
    code, out, err = run("--site", site, "--criteria", criteria, *GROUP_4)
    assert code == 2
    assert out == ""
    assert "  --criteria: " in err
    assert "scored by their own guideline" in err
    assert "so leave them empty" in err
    # Without the option the same test is valid, and its JSON names the guideline's criteria.
    code, data = run_json("--site", site, *GROUP_4)
    assert code == 0
    assert data["scoring_criteria"] == ("breast" if site == "breast" else "gastroesophageal")
    code, out, _err = run("--site", site, *GROUP_4)
    assert "Criteria:" not in out  # nothing was chosen: the site's guideline decided


def test_an_unknown_criteria_value_names_the_allowed_ones() -> None:
    code, _out, err = run("--site", "ovary", "--criteria", "gastric", *GROUP_4)
    assert code == 2
    assert (
        "  --criteria: 'gastric' is not allowed; choose one of: gastroesophageal, breast" in err.splitlines()
    )


def test_criteria_given_twice_is_refused() -> None:
    code, out, err = run(
        "--site", "ovary", "--criteria", "breast", "--criteria", "gastroesophageal", *GROUP_4
    )
    assert code == 2
    assert out == ""
    assert "--criteria: given more than once; give it once" in err


def test_help_explains_the_option() -> None:
    code, out, _err = run("--help")
    assert code == 0
    flat = " ".join(out.split())
    assert "--criteria CRITERIA" in flat
    assert "pancreas, bladder, ovary, other" in flat
    assert "gastroesophageal, breast" in flat
