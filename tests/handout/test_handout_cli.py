"""`her2desk handout ACCESSION -o FILE.pdf [--lang en|es]` against a real SQLite database."""

from __future__ import annotations

import hashlib
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from handout_cases import complete_entry, pdftotext_text

from her2desk.cli import main
from her2desk.domain.records import SignOutState
from her2desk.handout import HandoutRequest, LabContact
from her2desk.services.case_service import open_case_service


@pytest.fixture
def database(tmp_path: Path) -> str:
    url = str(tmp_path / "cases.sqlite3")
    with open_case_service(url, "tester") as service:
        service.save(complete_entry(), None)
    return url


def test_writes_the_handout_of_a_stored_case(
    database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HER2DESK_LAB_NAME", "Northside Demo Pathology")
    monkeypatch.setenv("HER2DESK_LAB_CONTACT", "phone 555-0100")
    out = tmp_path / "handout.pdf"
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


def test_spanish(database: str, tmp_path: Path) -> None:
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
    assert "not signed out yet" in err
    assert "--preliminary" in err
    assert not out.exists()


def test_signed_out_case_prints_a_final_page_without_the_flag(database: str, tmp_path: Path) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(f"sqlite:///{database}")
    with engine.begin() as connection:  # test set-up: the sign-out service is another issue's work
        connection.execute(sa.text("UPDATE her2_case SET signout_state = 'signed-out'"))
    engine.dispose()
    out = tmp_path / "final.pdf"
    assert main(["--database", database, "handout", "S26-07001", "-o", str(out)]) == 0
    text = pdftotext_text(out.read_bytes())
    assert "PRELIMINARY" not in text
    assert "Early result" not in text


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


def test_sign_out_state_decides_preliminary_and_corrected(database: str) -> None:
    with open_case_service(database) as service:
        stored = service.load("S26-07001")
    assert stored is not None
    lab = LabContact()
    assert HandoutRequest.for_stored_case(stored, "en", lab).preliminary
    signed = replace(stored, signout_state=SignOutState.SIGNED_OUT)
    assert not HandoutRequest.for_stored_case(signed, "en", lab).preliminary
    assert HandoutRequest.for_stored_case(signed, "en", lab).corrected_on is None
    amended = replace(
        stored, signout_state=SignOutState.AMENDED, updated_at=datetime(2026, 4, 2, 9, 30, tzinfo=UTC)
    )
    corrected = HandoutRequest.for_stored_case(amended, "en", lab)
    assert not corrected.preliminary
    assert str(corrected.corrected_on) == "2026-04-02"


def test_corrected_date_is_the_local_date(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """03:30 UTC on 2 April is still 1 April in California: the patient's page says 1 April."""
    with open_case_service(database) as service:
        stored = service.load("S26-07001")
    amended = replace(
        stored, signout_state=SignOutState.AMENDED, updated_at=datetime(2026, 4, 2, 3, 30, tzinfo=UTC)
    )
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        assert str(HandoutRequest.for_stored_case(amended).corrected_on) == "2026-04-01"
    finally:
        monkeypatch.undo()
        time.tzset()
