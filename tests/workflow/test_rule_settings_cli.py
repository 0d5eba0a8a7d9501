"""The rule settings on the command line, on real SQLite files: `settings show|set|reset` list and change
the rules and comment texts (audited, administrators only once users exist) and print the rules version;
`interpret --database` uses a lab's rules (read-only) and names the rules version; `import` checks rows
with the lab's rules."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from her2desk.cli import main
from her2desk.domain.report_comments import GROUP_2
from her2desk.domain.rule_settings import DEFAULT_RULES_VERSION, rules_version
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService
from her2desk.services.rule_settings import RuleSettingsService
from her2desk.store.database import open_database

BREAST_1_PLUS = ["--site", "breast", "--procedure", "core-needle-biopsy", "--ihc", "1+"]
BREAST_1_PLUS += ["--stained-pct", "50"]


def _lab_rules_version(db: str) -> str:
    database = open_database(db)
    try:
        return rules_version(RuleSettingsService(database).load())
    finally:
        database.close()


def _audit(db: str) -> list[tuple[str, str, dict]]:
    database = open_database(db)
    try:
        with database.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT who, record, new FROM audit WHERE action = 'setting' ORDER BY id")
            ).all()
        return [(who, record, json.loads(new)) for who, record, new in rows]
    finally:
        database.close()


def test_show_lists_the_rules_and_comments_shortened_and_one_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lab.sqlite3")
    open_database(db).close()
    assert main(["settings", "show", "--database", db]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert "rules.near_ratio_low\t1.80\tNear-threshold notice: lowest ratio" in lines
    assert "rules.report_her2_low\ttrue\tBreast: report the HER2-low descriptor" in lines
    [group_2] = [line for line in lines if line.startswith("comments.group_2\t")]
    shown = group_2.split("\t")[1]
    assert shown.endswith("...")
    assert len(shown) <= 60
    assert GROUP_2.startswith(shown[:-3])
    assert group_2.endswith("\tReport comment: ISH group 2")
    assert lines[-1].startswith(f"rules_version\t{DEFAULT_RULES_VERSION}\t")
    assert "settings show NAME" in captured.err

    assert main(["settings", "show", "comments.group_2", "--database", db]) == 0
    assert capsys.readouterr().out == GROUP_2 + "\n"
    assert main(["settings", "show", "rules_version", "--database", db]) == 0
    assert capsys.readouterr().out.strip() == DEFAULT_RULES_VERSION
    assert main(["settings", "show", "rules.colour", "--database", db]) == 2
    assert "unknown setting 'rules.colour'" in capsys.readouterr().err


def test_set_and_reset_a_rule_and_a_comment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "lab.sqlite3")
    assert main(["settings", "set", "rules.report_her2_low", "no", "--database", db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "rules.report_her2_low: 'true' -> 'false'"
    changed = _lab_rules_version(db)
    assert out[1] == f"rules version: {DEFAULT_RULES_VERSION} -> {changed}"
    assert main(["settings", "set", "comments.group_2", "Line one.\nLine two.", "--database", db]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("-> 'Line one. Line two.'")
    assert main(["settings", "show", "comments.group_2", "--database", db]) == 0
    assert capsys.readouterr().out == "Line one.\nLine two.\n"
    assert main(["settings", "reset", "comments.group_2", "--database", db]) == 0
    assert main(["settings", "reset", "rules.report_her2_low", "--database", db]) == 0
    out = capsys.readouterr().out
    assert "rules.report_her2_low: 'false' -> 'true'" in out
    assert f"-> {DEFAULT_RULES_VERSION}" in out
    assert _lab_rules_version(db) == DEFAULT_RULES_VERSION
    audit = _audit(db)
    assert [(record, new["value"]) for _who, record, new in audit] == [
        ("rules.report_her2_low", "false"),
        ("comments.group_2", "Line one.\nLine two."),
        ("comments.group_2", GROUP_2),
        ("rules.report_her2_low", "true"),
    ]
    assert audit[0][2]["rules_version"] == changed
    assert all(who.startswith("cli:") for who, _record, _new in audit)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("rules.near_ratio_low", "1,8", "rules.near_ratio_low (Near-threshold notice: lowest ratio): '1,8'"),
        ("rules.gastroesophageal_resection_pct", "150", "use a number from 0 to 100 percent"),
        ("comments.group_3", " ", "comments.group_3 (Report comment: ISH group 3): must not be empty"),
        ("rules.no_such_rule", "1", "unknown setting 'rules.no_such_rule'"),
    ],
)
def test_a_bad_rule_value_is_refused_naming_the_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, value: str, message: str
) -> None:
    db = tmp_path / "lab.sqlite3"
    assert main(["settings", "set", name, value, "--database", str(db)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.strip().endswith("nothing was changed")
    assert not db.exists()


def test_an_upside_down_range_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "lab.sqlite3")
    assert main(["settings", "set", "rules.near_ratio_low", "2.5", "--database", db]) == 2
    err = capsys.readouterr().err
    assert "rules.near_ratio_low (Near-threshold notice: lowest ratio) is 2.5, more than" in err
    assert "rules.near_ratio_high" in err
    assert _audit(db) == []


def test_once_there_are_users_a_rule_needs_an_administrator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "lab.sqlite3")
    database = open_database(db)
    try:
        AuthService(database).create_user("ada", "admin-pass-1", "administrator")
        ada = AuthService(database).login("ada", "admin-pass-1").actor
        AuthService(database).create_user("tom", "tech-pass-1", "technologist", by=ada)
    finally:
        database.close()
    change = ["settings", "reset", "rules.report_her2_low", "--database", db]
    monkeypatch.setattr(sys, "stdin", io.StringIO("tech-pass-1\n"))
    assert main([*change, "--as", "tom"]) == 2
    assert "tom is not an administrator" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("admin-pass-1\n"))
    assert main(["settings", "set", "rules.report_her2_low", "false", "--as", "ada", "--database", db]) == 0
    assert _audit(db)[0][0] == "ada"


def _interpret(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_interpret_uses_the_lab_rules_of_database_and_names_the_rules_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "lab.sqlite3")
    assert main(["settings", "set", "rules.report_her2_low", "false", "--database", db]) == 0
    capsys.readouterr()
    lab = _lab_rules_version(db)

    code, out, _err = _interpret(["interpret", *BREAST_1_PLUS], capsys)
    assert code == 0
    assert "HER2 status:  NEGATIVE (HER2-low, a descriptor of a negative result)\n" in out
    assert f"Rules:        {DEFAULT_RULES_VERSION} (her2desk's default rule settings" in out

    code, out, _err = _interpret(["interpret", *BREAST_1_PLUS, "--database", db], capsys)
    assert code == 0
    assert "HER2 status:  NEGATIVE\n" in out  # this lab does not report the HER2-low descriptor
    assert f"Rules:        {lab} (the lab rule settings of {db})" in out

    code, out, _err = _interpret(["--database", db, "interpret", *BREAST_1_PLUS, "--json"], capsys)
    data = json.loads(out)
    assert (code, data["descriptor"], data["rules_version"]) == (0, None, lab)
    code, out, _err = _interpret(["interpret", *BREAST_1_PLUS, "--json"], capsys)
    data = json.loads(out)
    assert (data["descriptor"], data["rules_version"]) == ("HER2-low", DEFAULT_RULES_VERSION)
    code, out, _err = _interpret(["interpret", "--site", "breast", "--json", "--database", db], capsys)
    assert (code, json.loads(out)["rules_version"]) == (2, lab)  # invalid input: still says which rules


def test_interpret_never_creates_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "lab.sqlite"
    code, out, err = _interpret(["interpret", *BREAST_1_PLUS, "--database", str(typo)], capsys)
    assert code == 1
    assert out == ""
    assert "no such file" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_import_checks_rows_with_the_lab_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "lab.sqlite3")
    cluster = "rules.gastroesophageal_biopsy_cluster_cells"
    assert main(["settings", "set", cluster, "7", "--database", db]) == 0
    header = "accession,mrn,family_name,given_name,birth_date,site,procedure,ihc,cluster_cells"
    row = "S26-IMP1,SYN-IMP-1,Testpatient-Import,Synthetic,1970-01-02,stomach,endoscopic-biopsy,1+,{}"
    csv_file = tmp_path / "cases.csv"
    csv_file.write_text(f"{header}\n{row.format(6)}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(csv_file), "--database", db]) == 2
    err = capsys.readouterr().err
    assert "row 2, column cluster_cells" in err
    assert "at least 7 stained tumour cells" in err
    csv_file.write_text(f"{header}\n{row.format(7)}\n", encoding="utf-8")
    assert main(["import", str(csv_file), "--database", db]) == 0
    database = open_database(db)
    try:
        stored = CaseService(database).load("S26-IMP1")
    finally:
        database.close()
    assert stored is not None
    assert stored.interpretation.rules_version == _lab_rules_version(db)
    assert "cluster of 7 tumour cells (>= 7, irrespective of percentage" in stored.interpretation.trail[0]
