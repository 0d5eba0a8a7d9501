"""Refusals, lab settings, audit action names and print summaries in a Spanish interface.

The domain and the services write English `Phrase`s (the command line, the database and the audit
trail keep exactly that English); the dialogs say them in the interface's language through
`domain_text.say`. These tests drive the real dialogs on a real database in Spanish, and check that
every refusal the workflow can give, every audit action name and every lab setting label is a phrase
with a Spanish translation (so a new English f-string added later fails here).
"""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit
from support.lab import PASSWORDS, open_lab

from her2desk.domain import workflow
from her2desk.domain.audit_query import ACTION_LABELS
from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.lab_settings import SETTING_LABELS, LabSettingError, parse_setting
from her2desk.domain.phrases import Phrase
from her2desk.domain.records import SignOutState
from her2desk.domain.rule_settings import RULE_SETTINGS, parse_rule_setting
from her2desk.domain.vocabulary import IhcScore, Laterality, Procedure, Sex, Site, Status
from her2desk.domain.workflow import Action, Actor, CaseFacts, Role, SignOutPolicy
from her2desk.gui.common import pdf_files
from her2desk.gui.common.domain_text import say
from her2desk.services.handout_service import HandoutRefused, HandoutService


def _case(accession: str, score: IhcScore = IhcScore.THREE_PLUS) -> CaseEntry:
    return CaseEntry(
        accession,
        PatientDetails("SYN-" + accession[-3:], "Testpatient-Eco", "Synthetic", date(1971, 2, 3), Sex.FEMALE),
        SpecimenDetails(
            procedure=Procedure.SURGICAL_RESECTION,
            site=Site.BREAST,
            laterality=Laterality.RIGHT,
            collected_on=date(2026, 2, 1),
            block="B1",
        ),
        IhcDetails(clone="4B5", score=score, stained_pct=Decimal(40)),
        IshDetails(),
    )


def _translated(text: str) -> bool:
    """`text` said in Spanish differs from its English (the translation is really there)."""
    return say(text) != str(text)


# -- every refusal the workflow can give ------------------------------------------------------------


def _all_workflow_refusals() -> list[str]:
    """Every reason the workflow's guards give, over every role, action, state and result."""
    reasons: list[str] = []
    policies = (SignOutPolicy(), SignOutPolicy(allow_self_verification=True))
    statuses = (None, *Status)
    for role, action, state, status, policy in itertools.product(
        Role, Action, SignOutState, statuses, policies
    ):
        actor = Actor(1, "someone", role)
        for entered_by in (1, 2, None):
            facts = CaseFacts(state, entered_by, status, ihc=IhcScore.THREE_PLUS)
            reasons += workflow.standing_refusals(actor, facts, action, policy)
    reasons += workflow.signature_given(False)
    reasons += workflow.signature_given(False, workflow.NOT_AMENDED)
    reasons += workflow.signature_given(False, workflow.NOT_ADJUDICATED)
    reasons += workflow.reason_given("short", workflow.AN_AMENDMENT)
    reasons += workflow.reason_given("short", workflow.AN_ADJUDICATION)
    for final, ihc in itertools.product(Status, IhcScore):
        facts = CaseFacts(SignOutState.ENTERED, 2, Status.EQUIVOCAL, ihc=ihc)
        reasons += workflow.adjudication_consistent(facts, final)
    return reasons


def test_every_workflow_refusal_is_a_phrase_said_in_spanish(spanish) -> None:
    reasons = _all_workflow_refusals()
    distinct = set(reasons)
    assert len(distinct) > 30  # the product above really reaches the guards
    english = [r for r in distinct if not isinstance(r, Phrase)]
    assert english == []
    untranslated = sorted(r for r in distinct if not _translated(r))
    assert untranslated == []
    # The English stays exactly as it was (the audit trail and the command line read it).
    assert "a technologist may not sign out" in distinct
    assert "a case that is draft cannot be sign-out" in distinct
    assert "an administrator may not edit" in distinct
    technologist = workflow.role_refusals(Actor(1, "tom", Role.TECHNOLOGIST), Action.SIGN_OUT)[0]
    assert say(technologist) == "un/a técnico/a no puede firmar"


def test_the_audit_action_names_and_the_lab_setting_labels_are_phrases_said_in_spanish(spanish) -> None:
    labels = [*ACTION_LABELS.values(), *SETTING_LABELS.values(), *(s.label for s in RULE_SETTINGS)]
    assert [label for label in labels if not isinstance(label, Phrase)] == []
    assert [label for label in labels if not _translated(label)] == []
    assert say(ACTION_LABELS["login-failed"]) == "Inicio de sesión fallido"
    assert ACTION_LABELS["login-failed"] == "Failed sign-in"  # the export and the CLI keep the English


def test_every_setting_problem_is_said_in_spanish(spanish) -> None:
    bad = {
        "allow_self_verification": "perhaps",
        "idle_lock_minutes": "0",
        "handout_language": "fr",
        "paper_size": "a5",
        "lab_name": "x" * 300,
    }
    for name, raw in bad.items():
        with pytest.raises(LabSettingError) as refused:
            parse_setting(name, raw)
        assert str(refused.value).startswith(f"{name}: ")  # the English message as before
        assert _translated(refused.value.why), refused.value.why
    for spec in RULE_SETTINGS:
        with pytest.raises(LabSettingError) as refused:
            parse_rule_setting(spec.name, "" if spec.kind is str else "-1")
        assert str(refused.value).startswith(f"{spec.name} ({spec.label}): ")
        assert _translated(refused.value.why), refused.value.why
    percent = next(s for s in RULE_SETTINGS if s.name == "rules.gastroesophageal_resection_pct")
    assert percent.allowed() == "a number from 0 to 100 percent, at most 2 decimal places"
    assert say(percent.allowed()) == "un número de 0 a 100 por ciento, con 2 decimales como máximo"


# -- the real dialogs ---------------------------------------------------------------------------------


def test_a_technologist_and_a_wrong_password_are_refused_in_spanish(spanish, tmp_path: Path, qtbot) -> None:
    from her2desk.gui.signout import signout_dialogs

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        stored = lab.cases(lab.tech).save(_case("S26-000910"), None)
        refused = signout_dialogs.SignOutDialog(lab.signout, lab.tech, stored)
        qtbot.addWidget(refused)
        assert refused.problem.text() == (
            "Este caso no se puede firmar: un/a técnico/a no puede firmar; "
            "usted registró estos resultados; otro patólogo/a tiene que firmarlos."
        )

        dialog = signout_dialogs.SignOutDialog(lab.signout, lab.path, stored)
        qtbot.addWidget(dialog)
        assert not dialog.problem.text()
        dialog.password.setText(PASSWORDS["pia"] + "-wrong")
        assert dialog.attempt() is False
        assert dialog.problem.text() == (
            "Rechazado: la contraseña no es correcta; el resultado no se ha firmado."
        )
        # The audit trail keeps the English reasons, whatever language the dialog spoke.
        assert [e.action for e in lab.events("signature-failed")] == ["signature-failed"]
    finally:
        lab.database.close()


def test_a_refused_amendment_reason_is_said_in_spanish(spanish, tmp_path: Path, qtbot) -> None:
    from her2desk.gui.signout import signout_dialogs

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        stored = lab.cases(lab.tech).save(_case("S26-000911"), None)
        lab.signout.sign_out(lab.path, "S26-000911", PASSWORDS["pia"], stored.version)
        signed = lab.cases(lab.path).load("S26-000911")
        assert signed is not None
        amend = signout_dialogs.AmendmentDialog(lab.signout, lab.path, signed)
        qtbot.addWidget(amend)
        amend.reason.edit.setPlainText("typo")
        amend.password.setText(PASSWORDS["pia"])
        assert amend.attempt() is False
        assert amend.problem.text() == (
            "Rechazado: una modificación necesita un motivo de al menos 10 caracteres."
        )
    finally:
        lab.database.close()


def test_the_lab_settings_dialog_shows_spanish_labels_and_problems(spanish, tmp_path: Path, qtbot) -> None:
    from her2desk.gui.admin.settings_dialog import SettingsDialog
    from her2desk.services.lab_settings_service import LabSettingsService

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        dialog = SettingsDialog(LabSettingsService(lab.database), lab.admin)
        qtbot.addWidget(dialog)
        captions = [
            label.text()
            for form in dialog.findChildren(QFormLayout)
            for row in range(form.rowCount())
            if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
            and isinstance(label := item.widget(), QLabel)
        ]
        assert "Nombre del laboratorio:" in captions
        assert "Bloqueo por inactividad (minutos):" in captions
        assert "Aviso cerca del umbral: cociente más bajo:" in captions
        english = {f"{label}:" for label in SETTING_LABELS.values()} | {f"{s.label}:" for s in RULE_SETTINGS}
        assert [caption for caption in captions if caption in english] == []
        # The accessible names stay English (the contract with screen readers' scripts and the tests).
        idle = dialog.inputs["idle_lock_minutes"]
        assert idle.accessibleName() == "Idle lock (minutes)"
        ratio = dialog.inputs["rules.near_ratio_low"]
        assert isinstance(ratio, QLineEdit)
        assert ratio.placeholderText().startswith("un número de 0 a 10 (un cociente HER2/CEP17)")

        assert isinstance(idle, QLineEdit)
        idle.setText("0")
        assert dialog.save() is False
        shown = dialog.messages["idle_lock_minutes"].text()
        assert shown == "'0' no está permitido; use un número entero de 1 a 240"
    finally:
        lab.database.close()


def test_the_audit_log_shows_spanish_action_names(spanish, tmp_path: Path, qtbot) -> None:
    from her2desk.gui.audit.audit_view import AuditLogDialog, record_details
    from her2desk.services.audit_service import AuditService

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        stored = lab.cases(lab.tech).save(_case("S26-000912"), None)
        lab.signout.sign_out(lab.path, "S26-000912", PASSWORDS["pia"], stored.version)
        dialog = AuditLogDialog(AuditService(lab.database))
        qtbot.addWidget(dialog)
        assert dialog.load()
        qtbot.waitUntil(lambda: dialog.trail.model.rowCount() > 0)
        model = dialog.trail.model
        shown = {
            model.data(model.index(row, 2), Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())
        }
        assert {"Inicio de sesión", "Informe firmado"} <= shown
        assert not shown & {"Signed in", "Report signed out", "Record created"}
        offered = {dialog.action.itemText(i) for i in range(dialog.action.count())}
        assert "Informe firmado" in offered
        signed = next(r for r in model.rows if r.action == "sign-out")
        assert record_details(signed).startswith("Informe firmado por pia el ")
        dialog.close()
        dialog.runner.wait()
    finally:
        lab.database.close()


def test_a_batch_summary_is_spanish(spanish, tmp_path: Path) -> None:
    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        lab.cases(lab.tech).save(_case("S26-000913"), None)
        with pytest.raises(HandoutRefused) as refused:
            HandoutService(lab.database).check("S26-000913", preliminary=False)
        result: pdf_files.BatchResult[object] = pdf_files.BatchResult()
        result.skipped.append(("S26-000913", pdf_files.refusal_reasons(refused.value, HandoutRefused)))
        text = pdf_files.summary_text(result, "printed", "handout")
        assert text.splitlines()[0] == "0 hojas para el paciente impresas y registradas."
        assert "Omitidos 1:" in text
        assert (
            "• S26-000913: el caso S26-000913 no está firmado (registrado); solo un resultado firmado" in text
        )
        saved = pdf_files.summary_text(pdf_files.BatchResult(done=[object()]), "saved", "report")
        assert saved == "1 informe guardado y registrado."
    finally:
        lab.database.close()


def test_the_users_dialog_refuses_in_spanish(spanish, tmp_path: Path, qtbot) -> None:
    from her2desk.gui.admin.users_dialog import UsersDialog

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        users = UsersDialog(lab.auth, lab.admin)
        qtbot.addWidget(users)
        users.select_user(lab.admin.user_id)
        assert users.toggle_active() is False
        assert users.message.text() == (
            "No se ha hecho: no puede desactivar su propia cuenta; tiene que hacerlo otro administrador/a"
        )
    finally:
        lab.database.close()


def test_a_session_that_ended_and_an_account_gone_are_refused_in_spanish(spanish) -> None:
    """The store's refusals for a session no longer valid are the domain's phrases, said in Spanish."""
    for reason in (workflow.NOT_SIGNED_IN, workflow.ACCOUNT_UNUSABLE):
        assert isinstance(reason, Phrase)
        assert say(reason) != str(reason)
        assert "sesión" in say(reason)


def test_a_date_filter_the_worklist_cannot_read_says_why_in_spanish(spanish, qtbot) -> None:
    from her2desk.gui.worklist.worklist_view import _date_or_none

    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.setText("2024-13-01")
    assert _date_or_none(edit) is None
    assert edit.toolTip() == "'2024-13-01' no es una fecha; use año-mes-día, p. ej., 2024-03-15"
    edit.setText("2024-03-15")
    assert _date_or_none(edit) == date(2024, 3, 15)
    assert edit.toolTip() == ""
