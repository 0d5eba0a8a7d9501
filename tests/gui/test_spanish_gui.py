"""The program in Spanish: the language preference, the translated windows, nothing cut off, decimal commas.

The windows are built after the Spanish translators are installed, as `gui.app.run` does at start;
the autouse `private_settings` fixture puts English back for every other test.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QGroupBox, QLabel, QPushButton, QWidget
from support.lab import PASSWORDS, open_lab

from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.vocabulary import IhcScore, IshProbe, Laterality, Procedure, Sex, Site
from her2desk.gui.common import dialogs, translation
from her2desk.gui.common.fields import MessageLine
from her2desk.gui.shell.main_window import MainWindow
from her2desk.gui.shell.preferences_dialog import PreferencesDialog
from her2desk.gui.shell.status_bar import ElidedLabel
from her2desk.gui.signout import signout_dialogs
from her2desk.services.case_service import CaseService

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "her2desk_es.ts"


def plain(text: str) -> str:
    return text.replace("&", "").strip()


def untranslated_english() -> set[str]:
    """The English words of the .ts whose Spanish differs (so seeing one means a missed translation)."""
    words = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source, target = message.findtext("source") or "", message.findtext("translation") or ""
        if plain(source) != plain(target) and "{" not in source:
            words.add(plain(source))
    return words


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(kind, text) of every label, button, group box and action under `root` that shows words."""
    found: list[tuple[str, str]] = []
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root) and label.text():
            found.append(("label", plain(label.text())))
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and button.text():
            found.append(("button", plain(button.text())))
    for box in root.findChildren(QGroupBox):
        if box.isVisibleTo(root) and box.title():
            found.append(("group", plain(box.title())))
    return found


def test_the_language_comes_from_the_preference_else_the_system_else_english() -> None:
    assert translation.resolved_language(translation.SYSTEM, QLocale("es_MX")) == "es"
    assert translation.resolved_language(translation.SYSTEM, QLocale("de_DE")) == "en"
    assert translation.resolved_language("en", QLocale("es_ES")) == "en"
    assert translation.resolved_language("es", QLocale("en_GB")) == "es"
    # The tests themselves are pinned to English whatever the machine's locale.
    assert translation.preferred_language() == "en"
    assert translation.active_language() == "en"


def test_preferences_offer_languages_by_name_and_save_the_choice(qtbot) -> None:
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert "English" in names
    assert "Español" in names
    assert not any(name in ("en", "es") for name in names)  # words, never codes
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.language.setCurrentIndex(names.index("Español"))
    assert "next time the program starts" in dialog.note.text()
    qtbot.wait(20)
    assert dialog.note.height() >= dialog.note.heightForWidth(dialog.note.width())  # not squeezed
    dialog.accept()
    assert QSettings().value(translation.LANGUAGE_KEY) == "es"
    assert translation.active_language() == "en"  # takes effect at the next start, not now


def test_the_main_window_and_the_case_form_speak_spanish(spanish, service: CaseService, qtbot) -> None:
    window = MainWindow(service, location=str(service.database.url))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.worklist_model.total is not None)
    menus = [plain(action.text()) for action in window.menuBar().actions()]
    assert menus[:5] == ["Archivo", "Caso", "Ver", "Herramientas", "Ayuda"]
    assert window.tabs.tabText(0) == "Lista de trabajo"
    assert (
        window.worklist_model.headerData(9, window.worklist.table.horizontalHeader().orientation())
        == "Estado"
    )
    english = untranslated_english()
    shown = visible_texts(window)  # the worklist
    assert ("button", "Requiere acción") in shown
    window.tabs.setCurrentWidget(window.case_tab)
    form = window.editor.form
    shown += visible_texts(window)  # the case form and its interpretation
    assert ("label", "Apellidos") in shown
    assert form.rows["patient.family_name"].caption.text() == "A&pellidos"
    assert form.rows["site"].combo.itemText(1) == "Mama"
    assert form.rows["patient.mrn"].input.accessibleName() == "MRN"  # accessible names stay English
    assert len(shown) > 40  # the walk does see the window's words
    left = [(kind, text) for kind, text in shown if text in english]
    for menu in window.menuBar().actions():
        assert plain(menu.text()) not in english
        left += [("action", plain(a.text())) for a in menu.menu().actions() if plain(a.text()) in english]
    assert left == []
    entries = {plain(a.text()) for menu in window.menuBar().actions() for a in menu.menu().actions()}
    assert {"Firmar…", "Vista previa del informe…", "Usuarios…", "Registro del caso…"} <= entries
    for menu in window.menuBar().actions():  # Alt+letter reaches each entry of a Spanish menu once
        keys = [m.group(1).lower() for a in menu.menu().actions() if (m := re.search(r"&(\w)", a.text()))]
        assert len(keys) == len(set(keys)), (plain(menu.text()), keys)
    window.close()
    window.runner.wait()


def _breast_case(accession: str) -> CaseEntry:
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
        IhcDetails(clone="4B5", score=IhcScore.THREE_PLUS, stained_pct=Decimal(40)),
        IshDetails(),
    )


def test_the_signout_dialog_speaks_spanish(spanish, tmp_path: Path, qtbot) -> None:
    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        stored = lab.cases(lab.tech).save(_breast_case("S26-000900"), None)
        dialog = signout_dialogs.SignOutDialog(lab.signout, lab.path, stored)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle() == "Firmar el caso"
        assert dialog.accessibleName() == "Sign out case"
        assert dialog.action_button.text() == "&Firmar"
        assert "Su contraseña es su firma electrónica" in dialog.meaning.text()
        assert "«He revisado este resultado y lo firmo.»" in dialog.meaning.text()
        assert dialog.summary.text().startswith("Caso S26-000900, versión del informe 1\nPaciente: ")
        assert "Resultado informado: POSITIVO" in dialog.summary.text()
        assert "Resultado según la guía: POSITIVO" in dialog.summary.text()
        dialog.resize(dialog.sizeHint())
        _speaks_spanish(dialog, qtbot)
        dialog.close()

        # Refused whatever is typed: a technologist cannot sign out; the reason's frame is Spanish.
        refused = signout_dialogs.SignOutDialog(lab.signout, lab.tech, stored)
        qtbot.addWidget(refused)
        assert refused.problem.text().startswith("Este caso no se puede firmar: ")
        refused.close()

        lab.signout.sign_out(lab.path, "S26-000900", PASSWORDS["pia"], stored.version)
        signed = lab.cases(lab.path).load("S26-000900")
        assert signed is not None
        amend = signout_dialogs.AmendmentDialog(lab.signout, lab.path, signed)
        qtbot.addWidget(amend)
        amend.reason.edit.setPlainText("typo")
        assert amend.reason.counter.text().startswith("4 caracteres, se necesitan al menos ")
        assert amend.windowTitle() == "Modificar el caso"
        shown = _speaks_spanish(amend, qtbot)
        assert any(text.startswith("La versión del informe 1 queda registrada") for _k, text in shown)
        amend.close()
    finally:
        lab.database.close()


def test_the_adjudication_dialog_speaks_spanish(spanish, tmp_path: Path, qtbot) -> None:
    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        entry = _breast_case("S26-000902")
        stored = lab.cases(lab.tech).save(entry, None)
        dialog = signout_dialogs.AdjudicationDialog(lab.signout, lab.path, stored)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Resolver el caso"
        shown = _speaks_spanish(dialog, qtbot)
        assert ("label", "Estado final:") in shown
        assert dialog.final.accessibleName() == "Final status"
        # A 3+ result is final already: the frame of the refusal is Spanish (its reason is the domain's).
        assert dialog.problem.text().startswith("Este caso no se puede resolver: ")
        dialog.close()
    finally:
        lab.database.close()


def test_the_handout_preview_speaks_spanish(spanish, tmp_path: Path, qtbot) -> None:
    from her2desk.gui.handouts.handout_preview import HandoutPreview
    from her2desk.services.handout_service import HandoutService

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        stored = lab.cases(lab.tech).save(_breast_case("S26-000901"), None)
        lab.signout.sign_out(lab.path, "S26-000901", PASSWORDS["pia"], stored.version)
        preview = HandoutPreview(HandoutService(lab.database), "S26-000901", lab.path)
        qtbot.addWidget(preview)
        preview.show()
        qtbot.waitUntil(lambda: preview.prepared is not None, timeout=20_000)
        assert preview.windowTitle() == "Hoja para el paciente — caso S26-000901"
        assert preview.state.text().startswith("Resultado definitivo — versión del informe 1")
        assert preview.print_button.text() == "&Imprimir…"
        english = untranslated_english()
        assert [text for _kind, text in visible_texts(preview) if text in english] == []
        assert _clipped(preview) == []
        preview.close()
        preview.runner.wait()
    finally:
        lab.database.close()


def _clipped(root: QWidget) -> list[str]:
    """Every visible label, button and check box under `root` whose words do not fit its width."""
    cut = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or isinstance(widget, ElidedLabel | MessageLine):
            continue  # these elide on purpose and show the whole text on hover
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap():
            text = re.sub(r"<[^>]+>", "", widget.text()) if "<" in widget.text() else plain(widget.text())
            if widget.fontMetrics().horizontalAdvance(text) > widget.contentsRect().width():
                cut.append(f"label {text!r}")
        elif (
            isinstance(widget, QPushButton | QCheckBox)
            and widget.text()
            and widget.sizeHint().width() > widget.width()
        ):
            cut.append(f"button {plain(widget.text())!r}")
    return cut


def test_the_clipping_check_sees_a_cut_label_and_a_cut_button(qtbot) -> None:
    """The check below must be able to fail: a label and a button too narrow for their words."""
    root = QWidget()
    qtbot.addWidget(root)
    label, button = QLabel("Fecha de nacimiento", root), QPushButton("Buscar paciente", root)
    label.setGeometry(0, 0, 30, 20)
    button.setGeometry(0, 30, 30, 20)
    root.show()
    assert _clipped(root) == ["label 'Fecha de nacimiento'", "button 'Buscar paciente'"]


def test_nothing_is_cut_off_in_spanish_at_1280_by_800(
    spanish, service: CaseService, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(service, location=str(service.database.url))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.worklist_model.total is not None)
    assert _clipped(window) == []
    window.tabs.setCurrentWidget(window.case_tab)
    form = window.editor.form
    # Every optional row shown: a gastric biopsy, metastatic, dual probe, with a second count.
    form.rows["site"].set_value(Site.STOMACH)
    form.rows["procedure"].set_value(Procedure.ENDOSCOPIC_BIOPSY)
    form.rows["ish"].set_value(IshProbe.DUAL)
    form.set_second_count_wanted(True)
    qtbot.wait(50)
    assert form.rows["cluster_cells"].input.isVisibleTo(window)
    assert _clipped(window) == []
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UnsavedChoice.DISCARD)
    window.close()
    window.runner.wait()


def test_a_decimal_comma_is_read_as_the_decimal_point_in_spanish_only(
    spanish, service: CaseService, qtbot
) -> None:
    from her2desk.gui.case_entry.case_form import CaseForm

    form = CaseForm()
    qtbot.addWidget(form)
    form.rows["ish"].set_value(IshProbe.DUAL)
    for key, text in (("her2", "2,1"), ("cep17", "2.0"), ("stained_pct", "12,5")):
        form.rows[key].set_value(text)
    entry, problems = form.read()
    assert problems == []
    assert entry.ish.first is not None
    assert entry.ish.first.her2 == Decimal("2.1")
    assert entry.ihc.stained_pct == Decimal("12.5")
    form.rows["her2"].set_value("2.1")  # the same value typed with a point
    assert form.read()[0].ish.first == entry.ish.first
    translation.install_translators(translation.ENGLISH)
    form.rows["stained_pct"].set_value("")
    form.rows["her2"].set_value("1,234")  # thousands in English: refused, never read as 1.234
    entry, problems = form.read()
    assert [p.field for p in problems] == ["her2"]
    assert entry.ish.first is not None
    assert entry.ish.first.her2 is None
    assert translation.decimal_point_text("2,1") == "2,1"


def test_only_the_unambiguous_decimal_comma_is_converted(spanish) -> None:
    assert translation.decimal_point_text(" 2,15 ") == " 2.15 "
    for text in ("1,234,5", "1.234,5", ",5", "2,", "2,1a", "x"):
        assert translation.decimal_point_text(text) == text


def test_the_audit_log_speaks_spanish(spanish, tmp_path: Path, qtbot) -> None:
    from PySide6.QtCore import Qt

    from her2desk.gui.audit.audit_view import AuditLogDialog
    from her2desk.services.audit_service import AuditService

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        dialog = AuditLogDialog(AuditService(lab.database))
        qtbot.addWidget(dialog)
        assert dialog.load()
        dialog.show()
        assert dialog.windowTitle() == "Registro de auditoría"
        assert dialog.user.itemText(0) == "Todos"
        header = dialog.trail.model.headerData(0, Qt.Orientation.Horizontal)
        assert header == "Hora"
        assert dialog.position.text().startswith("Filas 1–")
        model = dialog.trail.model
        qtbot.waitUntil(lambda: model.rowCount() > 0)
        subjects = [
            model.data(model.index(row, 4), Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())
        ]
        assert any(subject.startswith("usuario ") for subject in subjects)  # the record each row is about
        assert not any(subject.startswith(("user ", "case ", "patient ")) for subject in subjects)
        english = untranslated_english()
        assert [text for _kind, text in visible_texts(dialog) if text in english] == []
        assert _clipped(dialog) == []
        dialog.close()
        dialog.runner.wait()
    finally:
        lab.database.close()


def _speaks_spanish(root: QWidget, qtbot) -> list[tuple[str, str]]:
    """Show `root`; the words it shows (checked: no English source text of the .ts left, nothing cut off)."""
    root.show()
    qtbot.waitExposed(root)
    qtbot.wait(20)
    shown = visible_texts(root)
    english = untranslated_english()
    assert [text for _kind, text in shown if text in english] == []
    assert _clipped(root) == []
    return shown


def test_the_sign_in_and_first_administrator_dialogs_speak_spanish(spanish, tmp_path: Path, qtbot) -> None:
    from her2desk.gui.shell.login_dialog import FirstAdministratorDialog, LoginDialog
    from her2desk.services.auth_service import AuthService
    from her2desk.store.database import open_database

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    empty = open_database(str(tmp_path / "empty.sqlite3"))
    try:
        login = LoginDialog(lab.auth)
        qtbot.addWidget(login)
        assert login.windowTitle() == "Iniciar sesión en her2desk"
        assert login.cancel_button.accessibleName() == "Quit"  # accessible names stay English
        login.username.setText("tom")
        login.password.setText("wrong")
        assert not login.sign_in()
        assert login.message.text() == "El nombre de usuario o la contraseña no son correctos"
        shown = _speaks_spanish(login, qtbot)
        assert ("button", "Iniciar sesión") in shown
        assert ("label", "Contraseña:") in shown

        first = FirstAdministratorDialog(AuthService(empty))
        qtbot.addWidget(first)
        assert first.windowTitle() == "Crear el primer administrador/a"
        first.fields["Password"].setText("x")
        assert not first.create_administrator()  # every field's problem shown, in Spanish
        assert first.messages["User name"].text() == "Escriba un nombre de usuario."
        shown = _speaks_spanish(first, qtbot)
        assert ("label", "Repetir la contraseña:") in shown
        assert any(text.startswith("Esta base de datos todavía no tiene usuarios") for _k, text in shown)
    finally:
        lab.database.close()
        empty.close()


def test_the_lock_screen_speaks_spanish(spanish, qtbot) -> None:
    from her2desk.domain.workflow import Actor, Role
    from her2desk.gui.shell.idle_lock import LockScreen

    screen = LockScreen()
    qtbot.addWidget(screen)
    screen.resize(900, 600)
    screen.prepare(Actor(7, "pia", Role.PATHOLOGIST))
    screen.say(translation.translate("IdleLock", "The password is not correct"))
    assert "her2desk está bloqueado" in screen.title.text()
    assert "(patólogo/a)" in screen.title.text()
    shown = _speaks_spanish(screen, qtbot)
    assert ("button", "Desbloquear") in shown
    assert ("label", "La contraseña no es correcta") in shown
    assert screen.unlock_button.accessibleName() == "Unlock"


def test_the_about_and_shortcuts_boxes_and_the_demo_accounts_speak_spanish(
    spanish, service: CaseService, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "Registra, interpreta y guarda" in dialogs.about_html()
    shortcuts = dialogs.shortcuts_html()
    assert "caso nuevo" in shortcuts
    assert "Alt + letra subrayada" in shortcuts
    assert not any(english in shortcuts for english in ("new case", "refresh the worklist", "underlined"))
    owner = QWidget()
    qtbot.addWidget(owner)
    box = dialogs.unsaved_box(owner, "S26-000001")
    assert box.text() == "Ha modificado el caso S26-000001 sin guardarlo."
    assert sorted(plain(b.text()) for b in box.buttons()) == ["Cancelar", "Descartar", "Guardar"]
    window = MainWindow(service, demo=True, location=str(service.database.url))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.worklist_model.total is not None)
    accounts = next(
        w for w in window.statusBar().findChildren(QLabel) if w.accessibleName() == "Demo accounts"
    )
    assert accounts.text() == "Cuentas de demostración: contraseña demo-password"
    assert accounts.toolTip().startswith(
        "Cuentas de demostración (contraseña demo-password): demo-pathologist"
    )
    assert _clipped(window) == []
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UnsavedChoice.DISCARD)
    window.close()
    window.runner.wait()


def test_the_report_preview_speaks_spanish(spanish, tmp_path: Path, qtbot) -> None:
    from her2desk.gui.reports.report_preview import ReportPreview
    from her2desk.services.report_service import ReportService

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        stored = lab.cases(lab.tech).save(_breast_case("S26-000903"), None)
        lab.signout.sign_out(lab.path, "S26-000903", PASSWORDS["pia"], stored.version)
        preview = ReportPreview(ReportService(lab.database), "S26-000903", lab.path)
        qtbot.addWidget(preview)
        preview.show()
        qtbot.waitUntil(lambda: preview.prepared is not None, timeout=20_000)
        assert preview.windowTitle() == "Informe — caso S26-000903"
        assert preview.state.text().startswith("Informe definitivo — versión del informe 1, 1 página")
        assert preview.print_button.accessibleName() == "Print report"
        shown = _speaks_spanish(preview, qtbot)
        assert ("button", "Guardar como PDF…") in shown
        preview.grab().save(str(tmp_path / "report-es.png"))
        preview.close()
        preview.runner.wait()
    finally:
        lab.database.close()


def test_the_crash_dialog_speaks_spanish(spanish, tmp_path: Path, qtbot) -> None:
    from her2desk.gui.common.crash_dialog import CrashDetails, CrashDialog

    details = CrashDetails("ValueError", "synthetic", "Traceback …", "1.0", tmp_path / "her2desk.log")
    dialog = CrashDialog(details)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "her2desk — Algo ha salido mal"
    shown = _speaks_spanish(dialog, qtbot)
    assert ("label", "Qué ha pasado: ValueError: synthetic") in shown
    assert dialog.copy_button.accessibleName() == "Copy details"
    assert details.copy_text().startswith("her2desk 1.0: unexpected error")  # for support: English


def test_the_patient_correction_dialog_speaks_spanish(spanish, tmp_path: Path, qtbot) -> None:
    from her2desk.gui.patient.patient_dialog import PatientDialog
    from her2desk.services.patient_service import PatientService

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        lab.cases(lab.tech).save(_breast_case("S26-000904"), None)
        service = PatientService(lab.database)
        dialog = PatientDialog(service, lab.tech, service.load("SYN-904"), ["S26-000904"])
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Corregir los datos del paciente"
        assert dialog.accessibleName() == "Correct patient details"
        dialog.rows["patient.birth_date"].set_value("not a date")
        assert not dialog.attempt()
        assert dialog.problem.text() == "No se ha corregido: corrija los campos marcados."
        shown = _speaks_spanish(dialog, qtbot)
        assert ("label", "Apellidos") in shown
        assert any(text.startswith("MRN SYN-904: los datos corregidos") for _k, text in shown)
    finally:
        lab.database.close()


def test_the_case_record_and_the_patient_history_speak_spanish(spanish, tmp_path: Path, qtbot) -> None:
    from PySide6.QtCore import Qt

    from her2desk.gui.audit.case_record_view import CaseRecordDialog
    from her2desk.gui.history.history_view import HistoryView

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        stored = lab.cases(lab.tech).save(_breast_case("S26-000905"), None)
        lab.signout.sign_out(lab.path, "S26-000905", PASSWORDS["pia"], stored.version)
        versions = lab.signout.case_versions("S26-000905")
        record = CaseRecordDialog("S26-000905", versions, [], [], [])
        qtbot.addWidget(record)
        assert record.windowTitle() == "Registro del caso — S26-000905"
        assert record.tabs.tabText(0) == "Versiones del informe (1)"
        assert record.handouts.horizontalHeaderItem(0).text() == "Impreso el"
        assert record.version_list.item(0).text().startswith("Versión del informe 1 — firmado por pia ")
        text = record.version_text.toPlainText()
        assert "Estado: firmado" in text
        assert "Resultado informado: POSITIVE" in text  # the stored value, as frozen with the version
        _speaks_spanish(record, qtbot)
        record.close()

        history = HistoryView(lab.cases(lab.tech))
        qtbot.addWidget(history)
        history.resize(1100, 600)
        history.show_patient("SYN-905")
        assert history.title.text().endswith(": 1 muestra, de la más antigua a la más reciente")
        assert history.table.horizontalHeaderItem(1).text() == "N.º de laboratorio"
        assert history.table.item(0, 7).data(Qt.ItemDataRole.DisplayRole) == "POSITIVO"
        shown = _speaks_spanish(history, qtbot)
        assert ("button", "Mostrar todo") in shown
        assert ("label", "Cronología desde") in shown
    finally:
        lab.database.close()


def test_the_lab_settings_and_users_dialogs_speak_spanish(spanish, tmp_path: Path, qtbot) -> None:
    from her2desk.gui.admin.settings_dialog import SettingsDialog
    from her2desk.gui.admin.users_dialog import UsersDialog
    from her2desk.services.lab_settings_service import LabSettingsService

    lab = open_lab(str(tmp_path / "lab.sqlite3"))
    try:
        settings = SettingsDialog(LabSettingsService(lab.database), lab.admin)
        qtbot.addWidget(settings)
        assert settings.windowTitle() == "Ajustes del laboratorio"
        assert [plain(settings.tabs.tabText(i)) for i in range(3)] == [
            "General",
            "Reglas",
            "Comentarios del informe",
        ]
        assert settings.version.text().startswith("Versión de las reglas: ")
        shown = _speaks_spanish(settings, qtbot)
        assert ("button", "Guardar") in shown
        assert settings.save_button.accessibleName() == "Save lab settings"
        settings.grab().save(str(tmp_path / "settings-es.png"))
        settings.close()

        users = UsersDialog(lab.auth, lab.admin)
        qtbot.addWidget(users)
        assert users.windowTitle() == "Usuarios"
        assert users.table.horizontalHeaderItem(2).text() == "Función"
        roles = [users.table.item(r, 2).text() for r in range(users.table.rowCount())]
        assert "técnico/a" in roles
        assert [users.new_role.itemText(i) for i in range(users.new_role.count())] == [
            "técnico/a",
            "patólogo/a",
            "administrador/a",
        ]
        users.resize(900, 760)
        shown = _speaks_spanish(users, qtbot)
        assert ("group", "Añadir un usuario") in shown
        assert users.reset_password.placeholderText() == "al menos 10 caracteres"
        users.grab().save(str(tmp_path / "users-es.png"))
        users.close()
    finally:
        lab.database.close()
