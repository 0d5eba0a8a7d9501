"""The audit log window: the whole database's trail, filtered by user, action, local days and case.

A page of rows at a time (the trail may hold millions), newest first; the selected row's old and new
values in words below the table; "Export CSV…" writes every row the filters match, on a worker thread
(200,000 rows take seconds). The file dialog is asked through `ask_csv_path` so that tests can answer
it. Page reads are short (see `services.audit_service` and bench/bench_audit.py) and run on the GUI
thread.

A row's subject is named as the lab knows it (`AuditRecord.subject`: the case's accession, the user's
name), never by a bare database id; the names come with the page from the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.audit_query import (
    AuditQuery,
    AuditQueryError,
    AuditRecord,
    action_label,
    describe_changes,
    parse_day,
)
from her2desk.domain.metastatic_site import site_words
from her2desk.gui.common import dialogs
from her2desk.gui.common.domain_text import say
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate, whole_number
from her2desk.gui.common.workers import TaskRunner
from her2desk.services.audit_service import AuditService

PAGE_SIZE = 100
# English, marked for pyside6-lupdate; shown through translate("AuditLog", ...).
HEADERS = (
    QT_TRANSLATE_NOOP("AuditLog", "Time"),
    QT_TRANSLATE_NOOP("AuditLog", "User"),
    QT_TRANSLATE_NOOP("AuditLog", "Action"),
    QT_TRANSLATE_NOOP("AuditLog", "Case"),
    QT_TRANSLATE_NOOP("AuditLog", "Record"),
)
EVERYONE = QT_TRANSLATE_NOOP("AuditLog", "Everyone")
ALL_ACTIONS = QT_TRANSLATE_NOOP("AuditLog", "All actions")

# Readable names for the columns audit rows most often carry; any other key is shown as it is stored.
FIELD_LABELS: dict[str, str] = {
    "accession": "Accession",
    "active": "Active",
    "adjudicated_status": "Adjudicated status",
    "adjudication_reason": "Adjudication reason",
    "adjudicated_at": "Adjudicated at",
    "adjudicated_by_user_id": "Adjudicated by (user id)",
    "amended_by_user_id": "Amended by (user id)",
    "engine_status": "Guideline result",
    "amended_at": "Amended at",
    "amended_by": "Amended by",
    "amendment_reason": "Amendment reason",
    "case_id": "Case (id)",
    "created_at": "Created at",
    "created_by": "Created by",
    "display_name": "Display name",
    "entered_by_user_id": "Entered by (user id)",
    "handouts_superseded": "Handouts superseded",
    "id": "Id",
    "language": "Language",
    "meaning": "Meaning",
    "metastatic_site": "Metastatic site",
    "password_hash": "Password",
    "patient_id": "Patient (id)",
    "preliminary": "Preliminary",
    "reason": "Reason",
    "report_version": "Report version",
    "reported_descriptor": "Reported descriptor",
    "reported_status": "Reported result",
    "role": "Role",
    "rules_version": "Rules version",
    "sha256": "SHA-256 of the PDF",
    "signed_out_at": "Signed out at",
    "signed_out_by": "Signed out by",
    "signed_out_by_user_id": "Signed out by (user id)",
    "signout_state": "Sign-out state",
    "updated_at": "Changed at",
    "updated_by": "Changed by",
    "user_id": "User (id)",
    "username": "User name",
    "version": "Edit count (version)",
}
# Keys holding a user's id: shown as the user's name when it is known.
USER_ID_FIELDS = frozenset(
    {"entered_by_user_id", "user_id", "signed_out_by_user_id", "adjudicated_by_user_id", "amended_by_user_id"}
)
# Keys holding the id of the case the row belongs to: shown with the case's accession.
CASE_ID_FIELDS = frozenset({"case_id"})


def ask_csv_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the export (None: cancelled). Tests replace this function."""
    path, _filter = QFileDialog.getSaveFileName(parent, "Export audit log", suggested, "CSV files (*.csv)")
    return Path(path) if path else None


def local_time(record: AuditRecord) -> str:
    return record.when.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def record_details(record: AuditRecord, user_names: Mapping[int, str] | None = None) -> str:
    """The row in words, for the details pane: its subject by accession or user name
    (`AuditRecord.subject`), then its values. `user_names` (user id -> user name) turns the user ids
    among the values into names; the case id of a case's rows is shown with the accession."""
    names = user_names or {}
    lines = [
        translate("AuditLog", "{action} by {who} at {when}").format(
            action=say(action_label(record.action)), who=record.who, when=local_time(record)
        ),
        translate("AuditLog", "Record: {subject}").format(subject=say(record.subject)),
        "",
    ]
    changes = readable_changes(record, names)
    return "\n".join(lines + (changes or [translate("AuditLog", "No values recorded.")]))


def user_names(database: Any) -> dict[int, str]:
    """User id -> user name of every account (a short read: a lab has tens of users)."""
    from her2desk.services.bundle import Services

    return {user.user_id: user.username for user in Services(database).auth.users()}


def readable_changes(record: AuditRecord, user_names: Mapping[int, str]) -> list[str]:
    """`describe_changes` (same lines, same order) with readable names for the common fields, times to
    the second in this computer's zone and user ids as names when known. Unknown keys stay as stored."""
    old, new = record.old or {}, record.new or {}
    lines = []
    for line in describe_changes(record):
        key, sep, _rest = line.partition(": ")
        if not sep or (key not in old and key not in new):
            lines.append(line)
            continue
        label = FIELD_LABELS.get(key, key)
        names: Mapping[int, str] = {}
        ids = [v for v in (old.get(key), new.get(key)) if v is not None]
        if key in USER_ID_FIELDS and ids and all(isinstance(v, int) and v in user_names for v in ids):
            label, names = label.removesuffix(" (user id)"), user_names  # every id has a name
        if key in CASE_ID_FIELDS or (key == "id" and record.table == "her2_case"):
            label, before, after = _case_values(record, key, old.get(key), new.get(key), label)
        else:
            before, after = _value(key, old.get(key), names), _value(key, new.get(key), names)
        if key in old and key in new:
            lines.append(f"{label}: {before} → {after}")
        elif key in new:
            lines.append(f"{label}: {after}")
        else:
            lines.append(f"{label}: was {before}")
    return lines


def _case_values(record: AuditRecord, key: str, old: Any, new: Any, label: str) -> tuple[str, str, str]:
    """A case id among the values: the accession, with the id in brackets, when it is this row's case."""
    ours = (None, record.case_id)
    if not record.accession or record.case_id is None or old not in ours or new not in ours:
        return label, _value(key, old, {}), _value(key, new, {})
    shown = f"{record.accession} (case id {record.case_id})"
    return "Case", shown if old is not None else "(empty)", shown if new is not None else "(empty)"


def _value(key: str, value: Any, user_names: Mapping[int, str]) -> str:
    if key in USER_ID_FIELDS and isinstance(value, int) and value in user_names:
        return f"{user_names[value]} (user id {value})"
    if key.endswith("_at") and isinstance(value, str):
        moment = _stored_time(value)
        if moment is not None:
            return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    if value is None:
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key == "metastatic_site" and isinstance(value, str):
        return say(site_words(value))  # stored as a code (domain.metastatic_site)
    return str(value)


def _stored_time(text: str) -> datetime | None:
    """A stored timestamp (naive values are UTC, as the store keeps them); None if it is not one."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _case_cell(record: AuditRecord) -> str:
    """The Case column: the accession; a case that no longer resolves says so (never its id)."""
    if record.accession:
        return record.accession
    return "(no longer stored)" if record.case_id is not None else ""


class AuditTableModel(QAbstractTableModel):
    """One page of audit rows (plain `AuditRecord`s)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRecord] = []

    def set_rows(self, rows: list[AuditRecord]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("AuditLog", HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.action
        column = index.column()
        if column == 0:
            return local_time(record)
        if column == 1:
            return record.who
        if column == 2:
            return say(record.action_label)
        if column == 3:
            return _case_cell(record)
        return say(record.subject)


class AuditTrailPanel(QWidget):
    """A table of audit rows with the selected row's details below it (used here and by the case record)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(name)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(f"{name} details")
        self.details.setPlaceholderText(translate("AuditLog", "Select a row to see what changed."))
        self.user_names: dict[int, str] = {}  # user id -> user name, for the details (set by the owner)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)

    def set_rows(self, rows: list[AuditRecord]) -> None:
        self.model.set_rows(rows)
        self.details.clear()
        if rows:
            self.table.selectRow(0)

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() < len(self.model.rows):
            self.details.setPlainText(record_details(self.model.rows[current.row()], self.user_names))
        else:
            self.details.clear()


def _line(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class AuditLogDialog(QDialog):
    """Tools ▸ Audit log…: filters, a paged table, details, export."""

    def __init__(self, audit: AuditService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.audit = audit
        self.setWindowTitle(translate("AuditLog", "Audit log"))
        self.setAccessibleName("Audit log")
        self.offset = 0
        self.total = 0
        self.query = AuditQuery()
        self.runner = TaskRunner(threads=1, parent=self)

        self.user = QComboBox()
        self.user.setAccessibleName("Audit user filter")
        self.action = QComboBox()
        self.action.setAccessibleName("Audit action filter")
        self.date_from = _line("Audit date from", translate("AuditLog", "YYYY-MM-DD"))
        self.date_to = _line("Audit date to", translate("AuditLog", "YYYY-MM-DD"))
        self.accession = _line("Audit accession filter", translate("AuditLog", "accession"))
        self.text = _line(
            "Audit text filter", translate("AuditLog", "any part of a value, e.g. a user name or a reason")
        )
        self.problem = QLabel()
        self.problem.setAccessibleName("Audit filter problem")
        self.problem.setStyleSheet("color: #8e1b1b")
        self.problem.setVisible(False)
        self.show_button = QPushButton(translate("AuditLog", "&Show"))
        self.show_button.setAccessibleName("Apply audit filters")
        self.show_button.setDefault(True)
        self.show_button.setAutoDefault(True)

        filters = QFormLayout()
        filters.addRow(translate("AuditLog", "&User:"), self.user)
        filters.addRow(translate("AuditLog", "&Action:"), self.action)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(translate("AuditLog", "to")))
        dates.addWidget(self.date_to)
        from_label = QLabel(translate("AuditLog", "&Dates (local, inclusive):"))
        from_label.setBuddy(self.date_from)
        filters.addRow(from_label, dates)
        filters.addRow(translate("AuditLog", "Ca&se:"), self.accession)
        filters.addRow(translate("AuditLog", "&Contains:"), self.text)
        filters.addRow("", self.problem)

        self.trail = AuditTrailPanel("Audit entries")
        self.position = QLabel()
        self.position.setAccessibleName("Audit page")
        self.previous_button = QPushButton(translate("AuditLog", "&Previous"))
        self.previous_button.setAccessibleName("Previous audit page")
        self.next_button = QPushButton(translate("AuditLog", "&Next"))
        self.next_button.setAccessibleName("Next audit page")
        self.export_button = QPushButton(translate("AuditLog", "&Export CSV…"))
        self.export_button.setAccessibleName("Export audit CSV")
        self.export_result = QLabel()
        self.export_result.setAccessibleName("Audit export result")
        paging = QHBoxLayout()
        paging.addWidget(self.previous_button)
        paging.addWidget(self.next_button)
        paging.addWidget(self.position, 1)
        paging.addWidget(self.export_result)
        paging.addWidget(self.export_button)
        # A visible way out besides Escape (QDialog's own: reject, which closes the window).
        self.close_button = QPushButton(translate("AuditLog", "C&lose"))
        self.close_button.setAccessibleName("Close audit log")
        self.close_button.setAutoDefault(False)
        paging.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addLayout(filters, 1)
        top.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)
        layout.addWidget(self.trail, 1)
        layout.addLayout(paging)
        self.resize(960, 640)

        self.show_button.clicked.connect(self.apply_filters)
        # Enter in a text filter presses the default button (Show): a dialog's own Enter handling.
        self.user.activated.connect(lambda _i: self.apply_filters())
        self.action.activated.connect(lambda _i: self.apply_filters())
        self.previous_button.clicked.connect(lambda: self._go(self.offset - PAGE_SIZE))
        self.next_button.clicked.connect(lambda: self._go(self.offset + PAGE_SIZE))
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.close)

    # -- data ------------------------------------------------------------------------------------

    def load(self) -> bool:
        """Fill the filter lists and show the first page; False if the database could not be read."""
        try:
            users, actions = self.audit.users(), self.audit.actions()
            self.trail.user_names = user_names(self.audit.database)
        except Exception as error:  # unreachable or damaged database: say so, never a traceback
            dialogs.show_error(
                self,
                translate("AuditLog", "Database problem"),
                translate("AuditLog", "The audit log could not be read: {reason}").format(reason=error),
            )
            return False
        self.user.clear()
        self.user.addItem(translate("AuditLog", EVERYONE), None)
        for name in users:
            self.user.addItem(name, name)
        self.action.clear()
        self.action.addItem(translate("AuditLog", ALL_ACTIONS), None)
        for code in sorted(actions, key=lambda a: say(action_label(a)).lower()):
            self.action.addItem(say(action_label(code)), code)
        return self.apply_filters()

    def read_query(self) -> AuditQuery | None:
        """The filters as typed, or None with the problem shown beside them."""
        try:
            query = AuditQuery(
                who=self.user.currentData(),
                action=self.action.currentData(),
                date_from=parse_day(self.date_from.text(), "Date from"),
                date_to=parse_day(self.date_to.text(), "Date to"),
                accession=self.accession.text().strip() or None,
                text=self.text.text().strip() or None,
            )
        except AuditQueryError as error:
            self.problem.setText(str(error))
            self.problem.setVisible(True)
            return None
        self.problem.setVisible(False)
        return query

    def apply_filters(self) -> bool:
        query = self.read_query()
        if query is None:
            return False
        try:
            total = self.audit.count(query)
        except Exception as error:
            dialogs.show_error(
                self,
                translate("AuditLog", "Database problem"),
                translate("AuditLog", "The audit log could not be read: {reason}").format(reason=error),
            )
            return False
        self.query, self.total = query, total
        return self._go(0)

    def _go(self, offset: int) -> bool:
        offset = max(0, min(offset, max(self.total - 1, 0) // PAGE_SIZE * PAGE_SIZE))
        try:
            rows = self.audit.page(self.query, offset, PAGE_SIZE)
        except Exception as error:
            dialogs.show_error(
                self,
                translate("AuditLog", "Database problem"),
                translate("AuditLog", "The audit log could not be read: {reason}").format(reason=error),
            )
            return False
        self.offset = offset
        self.trail.set_rows(rows)
        if self.total:
            self.position.setText(
                translate("AuditLog", "Rows {first}–{last} of {total}").format(
                    first=whole_number(offset + 1),
                    last=whole_number(offset + len(rows)),
                    total=whole_number(self.total),
                )
            )
        else:
            self.position.setText(translate("AuditLog", "No audit rows match these filters."))
        self.previous_button.setEnabled(offset > 0)
        self.next_button.setEnabled(offset + PAGE_SIZE < self.total)
        return True

    def export(self) -> None:
        query = self.read_query()
        if query is None:
            return
        target = ask_csv_path(self, str(Path.home() / "her2desk-audit.csv"))
        if target is None:
            return
        if target.suffix == "":
            target = target.with_suffix(".csv")
        self.export_button.setEnabled(False)
        self.export_result.setText(translate("AuditLog", "Exporting to {file}…").format(file=target))
        self.runner.submit(
            lambda: self.audit.export_csv(query, target),
            lambda count: self._exported(target, count),
            self._export_failed,
        )

    def _exported(self, target: Path, count: int) -> None:
        self.export_button.setEnabled(True)
        self.export_result.setText(
            translate("AuditLog", "Exported {count} rows to {file}").format(
                count=whole_number(count), file=target
            )
        )

    def _export_failed(self, error: Exception) -> None:
        """Unwritable place or database problem: nothing was written (see `exchange.csv_audit`)."""
        self.export_button.setEnabled(True)
        self.export_result.setText(translate("AuditLog", "Export failed; nothing was written"))
        dialogs.show_error(self, translate("AuditLog", "Export failed"), str(error))
