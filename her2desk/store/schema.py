"""The database schema (SQLAlchemy 2.0 typed ORM), shaped after the CAP breast and gastric templates.

One case has one patient, one specimen, an IHC result, an ISH result with one row per observer count,
and the interpretation exactly as the engine computed it (with the guideline and rules version), so a
report can be reproduced and a rules change detected. Raw counts are stored; derived values are never
typed in. Every change to these tables is audited (`audit.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from her2desk.domain.vocabulary import (
    AssayType,
    ClinicalSetting,
    Descriptor,
    Fixative,
    IhcScore,
    IshMethod,
    IshProbe,
    Laterality,
    NextStep,
    Procedure,
    ScoringCriteria,
    ScoringSystem,
    Sex,
    Site,
    Status,
)
from her2desk.store.types import DecimalText, EnumText, SearchKey

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CLINICAL_TABLES = (
    "patient",
    "her2_case",
    "specimen",
    "ihc_result",
    "ish_result",
    "ish_count",
    "interpretation",
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Every model here is mapped to one plain Table (no joined or selectable mappings), so Core
    # statements such as insert(Model.__table__) may treat it as a Table, not the general FromClause.
    __table__: ClassVar[Table]


class Chained:
    """The tamper-evidence columns (revision 0008, `chain.py`): position in the one chain, the hash of
    the row before it and this row's hash (hex SHA-256). NULL only in a row inserted behind the
    program's back, which `db check` reports."""

    chain_seq: Mapped[int | None] = mapped_column(BigInteger)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    row_hash: Mapped[str | None] = mapped_column(String(64))


class AppMetadata(Base):
    """Key/value facts about the database itself: the schema marker and the demo flag."""

    __tablename__ = "app_metadata"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class User(Base):
    """A person who uses the program: role (`domain.workflow.Role`), argon2id password hash, active flag.

    The password hash is never written to the audit trail (`audit.py` leaves it out).
    """

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    created_at: Mapped[datetime | None] = mapped_column(DateTime)


class SessionRow(Base):
    """One sign-in (revision 0009): the SHA-256 of its random token, never the token itself, with its
    expiry. Every privileged service call proves the session; signing out, the idle lock, a password
    reset and deactivation end it (`ended_at`, `end_reason`)."""

    __tablename__ = "app_session"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    end_reason: Mapped[str | None] = mapped_column(String(32))


class LabSetting(Base):
    """One lab setting an administrator changed (revision 0005); a missing row means the default.

    Values are stored as text (`domain.lab_settings.format_setting`) and parsed when read, so a new
    setting needs no schema change. Changes are audited (action "setting").
    """

    __tablename__ = "lab_setting"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(64))


class Patient(Base):
    __tablename__ = "patient"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mrn: Mapped[str] = mapped_column(String(32), unique=True)
    family_name: Mapped[str] = mapped_column(String(200))
    given_name: Mapped[str] = mapped_column(String(200))
    family_name_key: Mapped[str] = mapped_column(SearchKey, index=True)
    # The MRN's number (`domain.identifiers.mrn_number_key`; NULL: no digits), so typing "72" finds
    # "DEMO0000072" from an index (revision 0013). Derived from `mrn`: not part of the patient's seal.
    mrn_number_key: Mapped[str | None] = mapped_column(String(32), index=True)
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[Sex | None] = mapped_column(EnumText(Sex, 16))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(64))


class Case(Base):
    """One accession: the unit a pathologist signs out. `version` is the optimistic-lock counter."""

    __tablename__ = "her2_case"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    accession: Mapped[str] = mapped_column(String(32), unique=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    signout_state: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    updated_by: Mapped[str] = mapped_column(String(64))
    # Sign-out workflow (revision 0004). `report_version` counts amendments (1 = the original report);
    # `version` above is only the optimistic-lock counter. The adjudicated status is kept alongside the
    # engine's interpretation and never overwrites it.
    report_version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    entered_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    signed_out_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    signed_out_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)  # index: revision 0005
    adjudicated_status: Mapped[Status | None] = mapped_column(EnumText(Status, 16))
    adjudication_reason: Mapped[str | None] = mapped_column(Text)
    adjudicated_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    adjudicated_at: Mapped[datetime | None] = mapped_column(DateTime)
    amendment_reason: Mapped[str | None] = mapped_column(Text)
    amended_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    amended_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The reported result (revision 0007, `domain.reported_result`): the adjudicated status when there
    # is one, else the engine's, with its descriptor. Written with every save and adjudication by the
    # same domain function, so the worklist filters, sorts and shows what the lab reports.
    reported_status: Mapped[Status | None] = mapped_column(EnumText(Status, 16), index=True)
    reported_descriptor: Mapped[Descriptor | None] = mapped_column(EnumText(Descriptor, 16))
    # The patient's family-name key, copied here by triggers so a broad name search tests the case row
    # alone (revision 0014, `store.case_name_keys`). Derived: never written by the program, not sealed.
    family_name_key: Mapped[str | None] = mapped_column(SearchKey)

    patient: Mapped[Patient] = relationship(lazy="joined")
    specimen: Mapped[Specimen] = relationship(lazy="joined", cascade="all, delete-orphan")
    ihc: Mapped[IhcResult | None] = relationship(lazy="joined", cascade="all, delete-orphan")
    ish: Mapped[IshResult | None] = relationship(lazy="joined", cascade="all, delete-orphan")
    ish_counts: Mapped[list[IshCountRow]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="IshCountRow.observer"
    )
    interpretation: Mapped[InterpretationRow] = relationship(lazy="joined", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Specimen(Base):
    __tablename__ = "specimen"
    case_id: Mapped[int] = mapped_column(ForeignKey("her2_case.id", ondelete="CASCADE"), primary_key=True)
    procedure: Mapped[Procedure | None] = mapped_column(EnumText(Procedure, 32))
    site: Mapped[Site | None] = mapped_column(EnumText(Site, 32))
    laterality: Mapped[Laterality | None] = mapped_column(EnumText(Laterality, 16))
    setting: Mapped[ClinicalSetting] = mapped_column(EnumText(ClinicalSetting, 16))
    metastatic_site: Mapped[str | None] = mapped_column(String(100))
    collected_on: Mapped[date | None] = mapped_column(Date)
    block: Mapped[str | None] = mapped_column(String(100))
    fixative: Mapped[Fixative | None] = mapped_column(EnumText(Fixative, 40))
    cold_ischaemia_minutes: Mapped[int | None] = mapped_column(Integer)
    fixation_hours: Mapped[Decimal | None] = mapped_column(DecimalText)
    fragments: Mapped[int | None] = mapped_column(Integer)
    fragments_with_tumour: Mapped[int | None] = mapped_column(Integer)
    # For a site without a HER2 guideline of its own, the criteria the person entering chose (revision
    # 0007); None for breast and gastroesophageal sites, whose guideline decides.
    scoring_criteria: Mapped[ScoringCriteria | None] = mapped_column(EnumText(ScoringCriteria, 32))

    # Newest-first worklist. NULL sorts as the smallest date on both backends: SQLite's default, which
    # its plain index serves in both directions; PostgreSQL needs the index built DESC NULLS LAST.
    __table_args__ = (
        Index("ix_specimen_collected_on_case_id", "collected_on", "case_id").ddl_if(dialect="sqlite"),
        Index(
            "ix_specimen_newest_first",
            text("collected_on DESC NULLS LAST"),
            text("case_id DESC NULLS LAST"),
        ).ddl_if(dialect="postgresql"),
    )


class IhcResult(Base):
    __tablename__ = "ihc_result"
    case_id: Mapped[int] = mapped_column(ForeignKey("her2_case.id", ondelete="CASCADE"), primary_key=True)
    clone: Mapped[str | None] = mapped_column(String(100))
    assay_type: Mapped[AssayType | None] = mapped_column(EnumText(AssayType, 32))
    controls_acceptable: Mapped[bool | None] = mapped_column(Boolean)
    score: Mapped[IhcScore | None] = mapped_column(EnumText(IhcScore, 16))
    stained_pct: Mapped[Decimal | None] = mapped_column(DecimalText)
    cluster_cells: Mapped[int | None] = mapped_column(Integer)


class IshResult(Base):
    __tablename__ = "ish_result"
    case_id: Mapped[int] = mapped_column(ForeignKey("her2_case.id", ondelete="CASCADE"), primary_key=True)
    probe: Mapped[IshProbe | None] = mapped_column(EnumText(IshProbe, 16))
    method: Mapped[IshMethod | None] = mapped_column(EnumText(IshMethod, 8))


class IshCountRow(Base):
    """One observer's count (observer 1 = first count, 2 = the recount).

    `entered_by_user_id` (revision 0007) is the signed-in user who entered this count, so the blinded
    recount can be proven to be a second observer's.
    """

    __tablename__ = "ish_count"
    case_id: Mapped[int] = mapped_column(ForeignKey("her2_case.id", ondelete="CASCADE"), primary_key=True)
    observer: Mapped[int] = mapped_column(Integer, primary_key=True)
    cells: Mapped[int] = mapped_column(Integer)
    her2: Mapped[Decimal] = mapped_column(DecimalText)
    cep17: Mapped[Decimal | None] = mapped_column(DecimalText)
    entered_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class InterpretationRow(Base):
    """The interpretation as computed when the case was saved (never edited by hand)."""

    __tablename__ = "interpretation"
    case_id: Mapped[int] = mapped_column(ForeignKey("her2_case.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[Status | None] = mapped_column(EnumText(Status, 16), index=True)
    next_step: Mapped[NextStep] = mapped_column(EnumText(NextStep, 32))
    guideline: Mapped[str] = mapped_column(String(200))
    scoring_system: Mapped[ScoringSystem | None] = mapped_column(EnumText(ScoringSystem, 80))
    ish_group: Mapped[int | None] = mapped_column(Integer)
    ratio: Mapped[Decimal | None] = mapped_column(DecimalText)
    her2_average: Mapped[Decimal | None] = mapped_column(DecimalText)
    recount_group: Mapped[int | None] = mapped_column(Integer)
    recount_ratio: Mapped[Decimal | None] = mapped_column(DecimalText)
    descriptor: Mapped[Descriptor | None] = mapped_column(EnumText(Descriptor, 16))
    comments: Mapped[str] = mapped_column(Text)
    warnings: Mapped[str] = mapped_column(Text)
    trail: Mapped[str] = mapped_column(Text)
    rules_version: Mapped[str] = mapped_column(String(64))


class RuleSet(Base):
    """Every set of lab rule settings that was ever in force (revision 0007), by its fingerprint.

    An interpretation's `rules_version` names its fingerprint, so a stored result can be re-derived
    with exactly the rules it was computed with, after the lab has changed them.
    """

    __tablename__ = "rule_set"
    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    settings: Mapped[str] = mapped_column(Text)  # canonical JSON of every rule setting
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(64))


class ElectronicSignature(Chained, Base):
    """One electronic signature: who signed which report version of a case, when, and its meaning."""

    __tablename__ = "e_signature"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("her2_case.id", ondelete="CASCADE"), index=True)
    report_version: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(200))
    signed_at: Mapped[datetime] = mapped_column(DateTime)
    meaning: Mapped[str] = mapped_column(String(64))


class CaseVersionRow(Chained, Base):
    """A report version as it was signed out (JSON snapshot of entry, interpretation and state).

    Written at each sign-out and never changed, so every earlier version stays readable after an
    amendment. `amendment_reason` is the reason given for the amendment that created this version.
    """

    __tablename__ = "case_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("her2_case.id", ondelete="CASCADE"), index=True)
    report_version: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16))
    snapshot: Mapped[str] = mapped_column(Text)
    amendment_reason: Mapped[str | None] = mapped_column(Text)
    signed_out_by: Mapped[str] = mapped_column(String(64))
    signed_out_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("case_id", "report_version", name="uq_case_version_case_report"),)


class HandoutPrint(Chained, Base):
    """A printed (or exported) patient handout or chart report; marked superseded when the case is amended.

    `document` is NULL for a patient handout (every row before revision 0011) and "report" for the
    synoptic report: one print log for both documents, the same columns, the same superseding, and a
    NULL column is left out of the chain's hash, so the rows already chained keep their hashes.
    """

    __tablename__ = "handout_print"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("her2_case.id", ondelete="CASCADE"), index=True)
    report_version: Mapped[int] = mapped_column(Integer)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    printed_by: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(DateTime)
    language: Mapped[str] = mapped_column(String(16))
    rules_version: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))
    preliminary: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    superseded: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    document: Mapped[str | None] = mapped_column(String(16))


class AuditRow(Chained, Base):
    """Append-only: triggers refuse UPDATE and DELETE (see `audit.py`)."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # at, who, action indexed (revision 0006): the whole-database audit viewer's date, user and action
    # filters, and its lists of users and actions.
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    who: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(32), index=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    patient_id: Mapped[int | None] = mapped_column(Integer, index=True)
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)


class RecordSeal(Chained, Base):
    """The hash of one case's (or patient's) clinical rows as a write transaction left them (revision
    0008, `seals.py`); appended at the commit of every audited change, never changed. The last seal of
    each case must match its current rows, so a change made without the program shows."""

    __tablename__ = "record_seal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject: Mapped[str] = mapped_column(String(16))  # "case" or "patient"
    subject_id: Mapped[int] = mapped_column(Integer)
    state_hash: Mapped[str] = mapped_column(String(64))
    sealed_at: Mapped[datetime] = mapped_column(DateTime)


class ChainHead(Base):
    """The chain's head (revision 0008, `chain.py`): one row, the last position and its hash. Moved by
    every append in the same transaction, so rows removed from the end of the chain show."""

    __tablename__ = "chain_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger)
    head_hash: Mapped[str] = mapped_column(String(64))


def include_for(dialect: str) -> Callable[[object, object, str, bool, object], bool]:
    """Alembic autogenerate hook: leave out indexes that are built only on another backend (`ddl_if`)."""

    def include_object(obj: object, _name: object, type_: str, _reflected: bool, _compare_to: object) -> bool:
        condition = getattr(obj, "_ddl_if", None)
        if type_ == "index" and condition is not None and condition.dialect is not None:
            return condition.dialect == dialect
        return True

    return include_object


class SignInThrottle(Base):
    """Wrong passwords in a row, per account (revision 0010): `domain.sign_in_throttle` is the rule.

    `subject` is "user:<id>" for an account, or "unknown:<4 hex digits>" for a name that matches no
    account: a keyed 16-bit digest of what was typed, so an unknown name is slowed down and locked
    exactly like a real one (which tells a guesser nothing about which names exist) while the typed
    text, perhaps a password typed into the wrong field, is never stored and cannot be recovered
    from 65,536 possible values. The key is a random value in `app_metadata`.
    """

    __tablename__ = "sign_in_throttle"
    subject: Mapped[str] = mapped_column(String(32), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    not_before: Mapped[datetime | None] = mapped_column(DateTime)
    locked_at: Mapped[datetime | None] = mapped_column(DateTime)


class WriteNotice(Base):
    """A long write that other workstations may wait for (a case import) says what it is (revision
    0010), so one that gives up waiting can name it (`store.busy`). Ended, never deleted."""

    __tablename__ = "write_notice"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    what: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)


class AccessionCounter(Base):
    """The last automatic accession number drawn per counter key (revision 0012): "H26-" for the
    pattern H{yy}-{seq:06} in 2026 (`domain.accession_pattern`), so a pattern with a year starts a new
    counter each year. Moved forward inside the save's write transaction (`store.accession_counters`),
    never back, never deleted."""

    __tablename__ = "accession_counter"
    prefix: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)
