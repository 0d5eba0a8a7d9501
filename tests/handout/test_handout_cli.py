"""`her2desk handout ACCESSION -o FILE.pdf [--lang en|es] [--preliminary]` on a real SQLite database."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from support.handout_cases import database_with_one_case, pdftotext_text

from her2desk.cli import main
from her2desk.domain.records import SignOutState
from her2desk.domain.workflow import Actor, Role
from her2desk.handout import HandoutRequest, LabContact
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService, open_case_service
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.services.signout_service import SignOutService
from her2desk.store.database import open_database


@pytest.fixture
def database(tmp_path: Path) -> str:
    return database_with_one_case(tmp_path)


def _set(database: str, name: str, value: str) -> None:
    with open_case_service(database) as service:
        LabSettingsService(service.database).update(None, name, value, local_administrator="test")


@pytest.fixture
def preliminary_allowed(database: str) -> str:
    """The lab allows preliminary handouts (the setting is off by default)."""
    _set(database, "allow_preliminary_handouts", "true")
    return database


def test_writes_the_handout_of_a_stored_case(
    preliminary_allowed: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HER2DESK_LAB_NAME", "Northside Demo Pathology")
    monkeypatch.setenv("HER2DESK_LAB_CONTACT", "phone 555-0100")
    out = tmp_path / "handout.pdf"
    database = preliminary_allowed
    assert main(["--database", database, "handout", "S26-07001", "-o", str(out), "--preliminary"]) == 0
    pdf = out.read_bytes()
    text = pdftotext_text(pdf)
    assert "Ångström-Łukasiewicz, Zoë" in text
    assert "Early result, not final yet: HER2-positive" in text  # saved, not signed out yet
    assert "PRELIMINARY — NOT FINAL" in text
    assert "Contact Northside Demo Pathology: phone 555-0100." in text
    printed = capsys.readouterr().out
    assert hashlib.sha256(pdf).hexdigest() in printed
    assert "preliminary, not final" in printed
    (recorded,) = SignOutService(open_database(database)).handouts("S26-07001")
    assert recorded.preliminary
    assert recorded.sha256 == hashlib.sha256(pdf).hexdigest()


def test_preliminary_needs_the_lab_setting(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "refused.pdf"
    assert main(["--database", database, "handout", "S26-07001", "-o", str(out), "--preliminary"]) == 2
    err = capsys.readouterr().err
    assert "does not allow preliminary handouts" in err
    assert "her2desk settings set allow_preliminary_handouts true --as ADMINISTRATOR" in err
    assert not out.exists()
    assert SignOutService(open_database(database)).handouts("S26-07001") == []


def test_lab_name_and_contact_come_from_the_lab_settings(
    preliminary_allowed: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HER2DESK_LAB_NAME", raising=False)
    monkeypatch.delenv("HER2DESK_LAB_CONTACT", raising=False)
    _set(preliminary_allowed, "lab_name", "Eastside Synthetic Lab")
    _set(preliminary_allowed, "lab_contact", "desk 7")
    out = tmp_path / "settings.pdf"
    assert (
        main(["--database", preliminary_allowed, "handout", "S26-07001", "-o", str(out), "--preliminary"])
        == 0
    )
    assert "Contact Eastside Synthetic Lab: desk 7." in pdftotext_text(out.read_bytes())


def test_spanish(preliminary_allowed: str, tmp_path: Path) -> None:
    database = preliminary_allowed
    out = tmp_path / "es.pdf"
    assert (
        main(
            ["--database", database, "handout", "S26-07001", "-o", str(out), "--lang", "es", "--preliminary"]
        )
        == 0
    )
    assert "Resultado preliminar, todavía no es definitivo: HER2 positivo" in pdftotext_text(out.read_bytes())


def test_case_not_signed_out_is_refused_without_preliminary(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "refused.pdf"
    assert main(["--database", database, "handout", "S26-07001", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "not signed out (entered)" in err
    assert "--preliminary" in err
    assert "allow_preliminary_handouts" in err  # off by default: the hint says how to turn it on
    assert not out.exists()


def _sign_out(database: str) -> tuple[SignOutService, Actor]:
    db = open_database(database)
    auth = AuthService(db)
    auth.create_user("ada", "admin-pass-1", Role.ADMINISTRATOR)
    admin = auth.login("ada", "admin-pass-1").actor
    auth.create_user("pia", "pia-pass-1", Role.PATHOLOGIST, by=admin)
    pathologist = auth.login("pia", "pia-pass-1").actor
    signout = SignOutService(db)
    stored = CaseService(db).load("S26-07001")
    assert stored is not None
    signout.sign_out(pathologist, "S26-07001", "pia-pass-1", stored.version)
    return signout, pathologist


def _as_user(monkeypatch: pytest.MonkeyPatch, password: str) -> list[str]:
    """`--as` arguments for the one who prints, with the password as standard input's first line."""
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return ["--as", "pia"]


def test_signed_out_case_prints_a_final_page_and_the_print_is_recorded(
    database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    signout, _ = _sign_out(database)
    out = tmp_path / "final.pdf"
    assert (
        main(
            [
                "--database",
                database,
                "handout",
                "S26-07001",
                "-o",
                str(out),
                *_as_user(monkeypatch, "pia-pass-1"),
            ]
        )
        == 0
    )
    text = pdftotext_text(out.read_bytes())
    assert "PRELIMINARY" not in text
    assert "Early result" not in text
    assert "Corrected result" not in text
    (printed,) = signout.handouts("S26-07001")
    assert printed.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert not printed.preliminary
    assert printed.printed_by == "pia"


def test_once_the_database_has_accounts_nobody_prints_without_signing_in(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    signout, _ = _sign_out(database)
    out = tmp_path / "final.pdf"
    capsys.readouterr()
    assert main(["--database", database, "handout", "S26-07001", "-o", str(out)]) == 2
    assert "this database has user accounts: give --as NAME" in capsys.readouterr().err
    assert (
        main(
            [
                "--database",
                database,
                "handout",
                "S26-07001",
                "-o",
                str(out),
                *_as_user(monkeypatch, "wrong-password"),
            ]
        )
        == 2
    )
    assert (
        "--as pia: the user name or the password is not correct; nothing written" in capsys.readouterr().err
    )
    assert not out.exists()
    assert signout.handouts("S26-07001") == []


def test_amended_case_is_not_final_until_signed_out_again_then_says_corrected(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    signout, pathologist = _sign_out(database)
    first = tmp_path / "first.pdf"
    assert (
        main(
            [
                "--database",
                database,
                "handout",
                "S26-07001",
                "-o",
                str(first),
                *_as_user(monkeypatch, "pia-pass-1"),
            ]
        )
        == 0
    )
    version = CaseService(signout.database).load("S26-07001").version
    signout.amend(pathologist, "S26-07001", "Wrong block recorded at entry", version, password="pia-pass-1")
    capsys.readouterr()
    reopened = tmp_path / "reopened.pdf"
    assert (
        main(
            [
                "--database",
                database,
                "handout",
                "S26-07001",
                "-o",
                str(reopened),
                *_as_user(monkeypatch, "pia-pass-1"),
            ]
        )
        == 2
    )
    assert "not signed out (amended)" in capsys.readouterr().err
    assert not reopened.exists()
    assert [h.superseded for h in signout.handouts("S26-07001")] == [True]

    admin = AuthService(signout.database).login("ada", "admin-pass-1").actor
    AuthService(signout.database).create_user("paul", "paul-pass-1", Role.PATHOLOGIST, by=admin)
    other = AuthService(signout.database).login("paul", "paul-pass-1").actor
    version = CaseService(signout.database).load("S26-07001").version
    signout.sign_out(other, "S26-07001", "paul-pass-1", version)
    corrected = tmp_path / "corrected.pdf"
    assert (
        main(
            [
                "--database",
                database,
                "handout",
                "S26-07001",
                "-o",
                str(corrected),
                *_as_user(monkeypatch, "pia-pass-1"),
            ]
        )
        == 0
    )
    assert "Corrected result" in pdftotext_text(corrected.read_bytes())
    assert "corrected" in capsys.readouterr().out


def test_unknown_accession_exits_2_and_writes_nothing(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "none.pdf"
    assert main(["--database", database, "handout", "S26-99999", "-o", str(out)]) == 2
    assert "no case with accession 'S26-99999'" in capsys.readouterr().err
    assert not out.exists()
    assert list(tmp_path.glob("*.part")) == []


def test_missing_output_folder_exits_2(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", database, "handout", "S26-07001", "-o", str(tmp_path / "no" / "x.pdf")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_unknown_language_is_a_usage_error(database: str, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--database", database, "handout", "S26-07001", "-o", str(tmp_path / "x.pdf"), "--lang", "fr"])
    assert stop.value.code == 2


def test_only_a_signed_out_case_gives_a_final_request(database: str) -> None:
    with open_case_service(database) as service:
        stored = service.load("S26-07001")
    assert stored is not None
    lab = LabContact()
    day = date(2026, 4, 2)
    for state in SignOutState:
        request = HandoutRequest.for_stored_case(replace(stored, signout_state=state), "en", lab, day)
        final = state is SignOutState.SIGNED_OUT
        assert request.preliminary is not final
        assert request.corrected_on == (day if final else None)


def test_without_lang_the_lab_setting_chooses_the_language(
    preliminary_allowed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _set(preliminary_allowed, "handout_language", "es")
    out = tmp_path / "por-defecto.pdf"
    argv = ["--database", preliminary_allowed, "handout", "S26-07001", "-o", str(out), "--preliminary"]
    assert main(argv) == 0
    assert ", es, " in capsys.readouterr().out
    (recorded,) = SignOutService(open_database(preliminary_allowed)).handouts("S26-07001")
    assert recorded.language == "es"
    assert main([*argv[:-1], "--lang", "en", "--preliminary"]) == 0  # --lang still wins
    assert SignOutService(open_database(preliminary_allowed)).handouts("S26-07001")[-1].language == "en"


def test_large_print_paper_and_the_warning_for_a_language_without_its_own_lab_lines(
    preliminary_allowed: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pypdf import PdfReader

    monkeypatch.delenv("HER2DESK_LAB_NAME", raising=False)
    monkeypatch.delenv("HER2DESK_LAB_CONTACT", raising=False)
    database = preliminary_allowed
    _set(database, "lab_name", "Eastside Synthetic Lab")
    out = tmp_path / "large.pdf"
    command = [
        "--database",
        database,
        "handout",
        "S26-07001",
        "-o",
        str(out),
        "--preliminary",
        "--lang",
        "es",
    ]
    assert main([*command, "--large-print", "--paper", "letter"]) == 0
    captured = capsys.readouterr()
    assert "letter, large print" in captured.out
    assert "warning: no lab name in Spanish is set (lab setting lab_name_es)" in captured.err
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert round(float(reader.pages[0].mediabox.height)) == 792
    assert 1 <= len(reader.pages) <= 2
    assert reader.metadata is not None
    assert reader.metadata.author == "Eastside Synthetic Lab"
    # The per-language line, set with the dotted name people write, silences the warning.
    assert (
        main(["--database", database, "settings", "set", "lab_name.es", "Laboratorio Sintético del Este"])
        == 0
    )
    assert main(["--database", database, "settings", "show", "lab_name.es"]) == 0
    assert "Laboratorio Sintético del Este" in capsys.readouterr().out
    assert main([*command, "--paper", "a4"]) == 0
    captured = capsys.readouterr()
    assert "warning" not in captured.err
    assert "a4, sha256" in captured.out
    text = pdftotext_text(out.read_bytes())
    assert "Laboratorio Sintético del Este" in text
    assert round(float(PdfReader(io.BytesIO(out.read_bytes())).pages[0].mediabox.height)) == 842


def test_paper_must_be_a4_or_letter(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(
            [
                "--database",
                database,
                "handout",
                "S26-07001",
                "-o",
                str(tmp_path / "x.pdf"),
                "--paper",
                "legal",
            ]
        )
    assert "invalid choice: 'legal'" in capsys.readouterr().err
