"""Worklist and search queries: paged SQL that an index can answer, never "load everything".

A text search matches an accession or MRN by prefix (as typed, or upper-cased) or a family name by
case-insensitive prefix; text of digits alone also matches an MRN whose number is exactly that
(`domain.identifiers.mrn_number_key`: "72" finds "DEMO0000072", an equality on its own index). Each
is a range on its own index (`key >= p AND key < p'` where p' is p with
its last character incremented), which SQLite and PostgreSQL (with the "C" collation on the key) both
answer from the index; the three are combined as a UNION of case ids.

That plan costs time in proportion to the number of matches (every match is looked up and sorted).
A broad search ("demo-", "S25") can match a tenth of a million-case database; for those the page is
found the other way round: walk the newest-first index and test each case against the prefixes,
stopping after one page. `is_broad` chooses between the two with a capped count.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    bindparam,
    false,
    func,
    or_,
    select,
    type_coerce,
    union,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

from her2desk.domain.identifiers import mrn_number_key
from her2desk.domain.records import SignOutState, WorklistOrder, WorklistQuery, WorklistRow
from her2desk.domain.vocabulary import Descriptor, IhcScore, NextStep, Procedure, Site, Status
from her2desk.store.mapping import aware, name_key
from her2desk.store.schema import Case, IhcResult, InterpretationRow, Patient, Specimen

NEEDS_ACTION = tuple(s for s in Status if s.needs_action)
AWAITING_SIGNOUT = (SignOutState.ENTERED.value, SignOutState.AMENDED.value)


def local_day_bounds(day: date, zone: tzinfo | None = None) -> tuple[datetime, datetime]:
    """[start, end) of a calendar day in local time (`zone`, default the machine's), as naive UTC
    like the stored timestamps. A day is not always 24 hours (daylight saving), hence two midnights."""

    def midnight_utc(d: date) -> datetime:
        start = datetime.combine(d, time.min)
        local = start.replace(tzinfo=zone) if zone is not None else start.astimezone()
        return local.astimezone(UTC).replace(tzinfo=None)

    return midnight_utc(day), midnight_utc(day + timedelta(days=1))


def _bounds(prefix: str) -> tuple[str, str, bool]:
    """[low, high) of the keys starting with `prefix` (byte order = code-point order in UTF-8); the flag
    says `high` is inclusive (the prefix ends in the last code point, which has no successor)."""
    if ord(prefix[-1]) >= 0x10FFFF:
        return prefix, prefix + "\U0010ffff" * 8, True
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1), False


def prefix_range(column: Any, prefix: str, name: str | None = None) -> ColumnElement[bool]:
    """`column` starts with `prefix`, as an index range. `name`: the bounds are the bind parameters
    `<name>_lo` and `<name>_hi` (see `search_params`), so a prepared statement can be reused."""
    low, high, inclusive = _bounds(prefix)
    if name is not None:
        low_bind = bindparam(f"{name}_lo", low, type_=column.type)
        high_bind = bindparam(f"{name}_hi", high, type_=column.type)
        return and_(column >= low_bind, column <= high_bind if inclusive else column < high_bind)
    return and_(column >= low, column <= high if inclusive else column < high)


BRANCHES: tuple[str, ...] = ("accession", "mrn", "name")


def typed_mrn_number(text: str) -> str | None:
    """The MRN number key to look up for typed `text` (already trimmed): only text of ASCII digits alone
    is taken as an MRN's number; anything else (letters, a separator, a space) searches by prefix only."""
    return mrn_number_key(text) if text.isascii() and text.isdigit() else None


def _variants(text: str) -> list[str]:
    """The forms an accession or MRN prefix is looked up in: as typed and upper-cased."""
    return sorted({text, text.upper()})


def search_params(text: str) -> dict[str, Any]:
    """The values of the named bind parameters of every text-search statement for `text` (trimmed)."""
    params: dict[str, Any] = {}
    for i, variant in enumerate(_variants(text)):
        low, high, _ = _bounds(variant)
        params.update({f"acc{i}_lo": low, f"acc{i}_hi": high, f"mrn{i}_lo": low, f"mrn{i}_hi": high})
    low, high, _ = _bounds(name_key(text))
    params.update(name_lo=low, name_hi=high)
    number = typed_mrn_number(text)
    if number is not None:
        params["mrn_number"] = number
    return params


def search_shape(text: str) -> tuple[Any, ...]:
    """What a text-search statement for `text` looks like apart from its parameter values: two texts of
    one shape share a statement (`prepared`), executed with each one's `search_params`."""
    variants = tuple(_bounds(v)[2] for v in _variants(text))
    return variants, _bounds(name_key(text))[2], typed_mrn_number(text) is not None


def _number_match(column: Any, number: str) -> ColumnElement[bool]:
    return column == bindparam("mrn_number", number, type_=column.type)


def _branch_selects(text: str, branch: str) -> list[Select[*tuple[Any, ...]]]:
    """Case ids matching `text` in one way: by accession or MRN (as typed or upper-cased; for digits
    alone, also the MRN's number), or by name."""
    variants = _variants(text)
    if branch == "accession":
        return [
            select(Case.id).where(prefix_range(Case.accession, v, f"acc{i}")) for i, v in enumerate(variants)
        ]
    by_patient = select(Case.id).join(Patient, Case.patient_id == Patient.id)
    if branch == "mrn":
        selects = [by_patient.where(prefix_range(Patient.mrn, v, f"mrn{i}")) for i, v in enumerate(variants)]
        number = typed_mrn_number(text)
        if number is not None:  # exact, never a prefix: "7" must not find every MRN with a 7 in it
            selects.append(by_patient.where(_number_match(Patient.mrn_number_key, number)))
        return selects
    return [by_patient.where(prefix_range(Patient.family_name_key, name_key(text), "name"))]


def _probe_selects(text: str, branch: str) -> list[Select[*tuple[Any, ...]]]:
    """What `plan_text_search` counts per kind: cases by accession; patients by MRN or name, from the
    patient table's own indexes alone (no case looked up per patient: that was most of a cold probe)."""
    if branch == "accession":
        return _branch_selects(text, branch)
    if branch == "name":
        return [select(Patient.id).where(prefix_range(Patient.family_name_key, name_key(text), "name"))]
    variants = _variants(text)
    selects = [
        select(Patient.id).where(prefix_range(Patient.mrn, v, f"mrn{i}")) for i, v in enumerate(variants)
    ]
    number = typed_mrn_number(text)
    if number is not None:
        selects.append(select(Patient.id).where(_number_match(Patient.mrn_number_key, number)))
    return selects


def text_matches(text: str, branches: tuple[str, ...] = BRANCHES) -> ColumnElement[bool]:
    """Case ids whose accession, MRN or family name starts with `text`, or whose MRN's number is the
    digits typed (index-driven)."""
    selects = [s for b in branches for s in _branch_selects(text, b)]
    if not selects:
        return false()
    if len(selects) == 1:
        return Case.id.in_(selects[0].scalar_subquery())
    return Case.id.in_(union(*selects).scalar_subquery())


class _Unindexed(ColumnElement[Any]):
    """A column's value that the planner cannot look up in the column's index: `+column` on SQLite (a
    no-op operator), `(column || '')` elsewhere. The concatenation cost SQLite a new string per test,
    five tests a row, hundreds of rows a broad page: about a fifth of that page's time."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]  # noqa: RUF012 (SQLAlchemy's form)

    def __init__(self, column: Any) -> None:
        self.column = column
        self.type = column.type


@compiles(_Unindexed)
def _concatenated(element: _Unindexed, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.column, **kw)} || '')"


@compiles(_Unindexed, "sqlite")
def _plus(element: _Unindexed, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(element.column, **kw)}"


def text_matches_row(text: str, branches: tuple[str, ...] = BRANCHES) -> ColumnElement[bool]:
    """The same test on one case row (joined to its patient when MRNs are tested), for walking an
    order index.

    The name is tested on the case's own copy of its patient's key (`case_name_keys`), so a search
    that can only match by accession or name reads the case rows it walks and no patient row. MRNs
    are tested only when the probe found some that match (`branches`), as the index-driven plan
    already leaves out a kind with no match: the probe and the page are read one after the other in
    one read transaction (on SQLite one snapshot; on PostgreSQL, at READ COMMITTED, a patient stored
    between the two statements shows at the next refresh, as with any search). With MRNs, every
    kind is tested on the joined row, since a test on the patient alone would let SQLite
    build a Bloom filter over the whole patient table first. The columns are hidden from the planner
    (`_Unindexed`) so it cannot drive the query from their indexes instead, which would bring back
    the sort of every match this plan exists to avoid.
    """
    variants = _variants(text)
    tests = [prefix_range(_Unindexed(Case.accession), v, f"acc{i}") for i, v in enumerate(variants)]
    if "mrn" in branches:
        tests += [prefix_range(_Unindexed(Patient.mrn), v, f"mrn{i}") for i, v in enumerate(variants)]
        number = typed_mrn_number(text)
        if number is not None:
            tests.append(_number_match(_Unindexed(Patient.mrn_number_key), number))
    tests.append(prefix_range(_Unindexed(Case.family_name_key), name_key(text), "name"))
    return or_(*tests)


def broad_threshold(total_cases: int) -> int:
    """Matches above which walking the order index is cheaper than sorting the matches.

    Sorting costs ~matches; walking costs ~page * total / matches; they cross near sqrt(page * total)
    (times the ratio of per-row costs, measured at about 0.5).
    """
    return max(500, int(math.sqrt(25 * max(total_cases, 1))))


@dataclass(frozen=True)
class TextPlan:
    """How to answer a text search: which kinds of match exist, and whether to walk the order index."""

    broad: bool = False
    branches: tuple[str, ...] = BRANCHES


def probe_statement(text: str, cap: int, patients: int | None = None) -> Select[*tuple[Any, ...]]:
    """Matches per kind in one query: cases by accession counted no further than `cap`, patients by
    MRN and by name no further than `patients` (default `cap`), which is all the plan compares them
    with (`plan_text_search`): counting further would walk their indexes for nothing."""
    counts = []
    for branch in BRANCHES:
        selects = _probe_selects(text, branch)
        limit = cap if branch == "accession" or patients is None else patients
        matches = (union_all(*selects) if len(selects) > 1 else selects[0]).limit(limit).subquery()
        counts.append(select(func.count()).select_from(matches).scalar_subquery().label(branch))
    return select(*counts)


def patient_cap(cap: int, total_cases: int, total_patients: int | None) -> int:
    """The patients whose cases are about `cap` cases (at the database's cases per patient)."""
    if not total_patients or total_patients >= total_cases:
        return cap
    return max(1, math.ceil(cap * total_patients / max(total_cases, 1)))


def plan_text_search(
    session: Any, text: str, total_cases: int, total_patients: int | None = None
) -> TextPlan:
    """Walk the order index only for many patient (name or MRN) matches: those are spread over all
    dates, so a page of them is met soon. Accession prefixes ("S25") follow the collection date, so a
    walk newest-first could cross most of the database before meeting one; those are match-driven.
    Patient matches are counted as patients (`_probe_selects`), against the patients that hold about
    as many cases as the threshold (`total_patients`: roughly how many patients there are)."""
    cap = broad_threshold(total_cases)
    patients = patient_cap(cap, total_cases, total_patients)
    statement, params = prepared_probe(text, cap, patients)
    counts = dict(zip(BRANCHES, session.execute(statement, params).one(), strict=True))
    branches = tuple(b for b in BRANCHES if counts[b])
    broad = counts["accession"] < cap and counts["mrn"] + counts["name"] >= patients
    return TextPlan(broad, branches)


def is_broad(session: Any, text: str) -> bool:
    total = session.execute(select(func.max(Case.id))).scalar_one() or 0
    patients = session.execute(select(func.max(Patient.id))).scalar_one() or 0
    return plan_text_search(session, text, total, patients).broad


def _filtered(
    statement: Select[*tuple[Any, ...]], query: WorklistQuery, plan: TextPlan | None = None
) -> Select[*tuple[Any, ...]]:
    conditions: list[ColumnElement[bool]] = []
    text = query.text.strip()
    if text:
        plan = plan or TextPlan()
        conditions.append(
            text_matches_row(text, plan.branches) if plan.broad else text_matches(text, plan.branches)
        )
    # Filters read the reported status (`domain.reported_result`): an adjudicated case is judged by
    # the pathologist's status, so it no longer "needs action". Indexed on her2_case (revision 0007).
    if query.status is not None:
        conditions.append(Case.reported_status == query.status)
    if query.needs_action:
        conditions.append(Case.reported_status.in_(NEEDS_ACTION))
    if query.site is not None:
        conditions.append(Specimen.site == query.site)
    if query.collected_from is not None:
        conditions.append(Specimen.collected_on >= query.collected_from)
    if query.collected_to is not None:
        conditions.append(Specimen.collected_on <= query.collected_to)
    if query.signout_state is not None:
        conditions.append(Case.signout_state == query.signout_state.value)
    if query.awaiting_signout:
        conditions.append(Case.signout_state.in_(AWAITING_SIGNOUT))  # index since revision 0002
    if query.signed_out_on is not None:
        start, end = local_day_bounds(query.signed_out_on)
        conditions.append(and_(Case.signed_out_at >= start, Case.signed_out_at < end))  # index: 0005
    return statement.where(*conditions) if conditions else statement


ORDER_COLUMNS: dict[WorklistOrder, tuple[Any, ...]] = {
    WorklistOrder.COLLECTED_ON: (Specimen.collected_on, Specimen.case_id),
    WorklistOrder.ACCESSION: (Case.accession,),
    WorklistOrder.PATIENT: (Patient.family_name_key, Patient.given_name, Case.id),
    WorklistOrder.MRN: (Patient.mrn, Case.id),
    WorklistOrder.SITE: (Specimen.site, Case.id),
    WorklistOrder.STATUS: (Case.reported_status, Case.id),
    WorklistOrder.UPDATED_AT: (Case.updated_at, Case.id),
}


ORDER_TABLES: dict[WorklistOrder, frozenset[type]] = {
    WorklistOrder.COLLECTED_ON: frozenset({Specimen}),
    WorklistOrder.ACCESSION: frozenset(),
    WorklistOrder.PATIENT: frozenset({Patient}),
    WorklistOrder.MRN: frozenset({Patient}),
    WorklistOrder.SITE: frozenset({Specimen}),
    WorklistOrder.STATUS: frozenset(),
    WorklistOrder.UPDATED_AT: frozenset(),
}


def _filter_tables(query: WorklistQuery) -> set[type]:
    tables: set[type] = set()
    if query.site is not None or query.collected_from is not None or query.collected_to is not None:
        tables.add(Specimen)
    return tables


def _narrow(
    statement: Select[*tuple[Any, ...]], tables: set[type] | frozenset[type]
) -> Select[*tuple[Any, ...]]:
    """Join only the tables in `tables`. Every case has exactly one patient, specimen and
    interpretation row, so leaving an unused join out changes a query's speed, never its rows."""
    statement = statement.select_from(Case)
    if Patient in tables:
        statement = statement.join(Patient, Case.patient_id == Patient.id)
    if Specimen in tables:
        statement = statement.join(Specimen, Specimen.case_id == Case.id)
    if InterpretationRow in tables:
        statement = statement.join(InterpretationRow, InterpretationRow.case_id == Case.id)
    return statement


def count_statement(query: WorklistQuery) -> Select[*tuple[Any, ...]]:
    return _filtered(_narrow(select(func.count()), _filter_tables(query)), query)


def _order(query: WorklistQuery, columns: tuple[Any, ...], reverse: bool = False) -> list[Any]:
    # NULL sorts as the smallest value on both backends (SQLite's rule, which lets its indexes serve).
    descending = query.descending != reverse
    return [c.desc().nulls_last() if descending else c.asc().nulls_first() for c in columns]


def _ids_base(query: WorklistQuery, plan: TextPlan) -> Select[*tuple[Any, ...]]:
    """The filtered case ids, joined only to what the filter and the order need (not yet ordered)."""
    tables = _filter_tables(query) | ORDER_TABLES[query.order_by]
    if plan.broad and query.text.strip() and "mrn" in plan.branches:
        tables.add(Patient)
    return _filtered(_narrow(select(Case.id.label("page_id")), tables), query, plan)


def page_ids_statement(
    query: WorklistQuery,
    offset: int,
    limit: int,
    broad: bool = False,
    plan: TextPlan | None = None,
    reverse: bool = False,
) -> Select[*tuple[Any, ...]]:
    """The case ids of one page, in order (the part of the page query an index must serve).
    `reverse`: counted from the end of the worklist (in reverse order), for pages near its end."""
    plan = plan or TextPlan(broad=broad)
    return (
        _ids_base(query, plan)
        .order_by(*_order(query, ORDER_COLUMNS[query.order_by], reverse))
        .offset(offset)
        .limit(limit)
    )


# -- keyset paging ---------------------------------------------------------------------------------
#
# A page that follows (or precedes) a row already shown starts from that row's sort key instead of
# counting rows from the start: OFFSET 999,800 walks 999,800 index entries, a key range walks one
# page. The rows strictly after an anchor key (k1, .., kn) in the order (NULL the smallest value) are
# the union of disjoint segments, nearest first: ties on k1..k(n-1) with kn beyond the anchor's, then
# ties on k1..k(n-2) with k(n-1) beyond, ... and last k1 beyond. Each segment is equalities on an
# index prefix plus a range on the next column, which both SQLite and PostgreSQL answer by seeking
# into the index; a combined OR would not be (it scans from the start of the range).


def anchor_statement(query: WorklistQuery, case_id: int) -> Select[*tuple[Any, ...]]:
    """The sort key of one case (found whatever the filters), the position a keyset page starts from."""
    columns = ORDER_COLUMNS[query.order_by]
    return _narrow(select(*columns), ORDER_TABLES[query.order_by]).where(Case.id == case_id)


def _nullable(column: Any) -> bool:
    return bool(getattr(column.expression, "nullable", True))


def _beyond(column: Any, value: Any, greater: bool) -> list[ColumnElement[bool]]:
    """`column` strictly beyond `value` (NULL the smallest value), as one or two index ranges in order."""
    if greater:
        return [column.is_not(None)] if value is None else [column > value]
    if value is None:
        return []
    return [column < value, column.is_(None)] if _nullable(column) else [column < value]


def _tie(column: Any, value: Any) -> ColumnElement[bool]:
    return column.is_(None) if value is None else column == value


def keyset_segments(
    query: WorklistQuery,
    key: tuple[Any, ...],
    limit: int,
    plan: TextPlan | None = None,
    reverse: bool = False,
) -> list[Select[*tuple[Any, ...]]]:
    """Statements for the case ids just after the row whose sort key is `key` (just before it when
    `reverse`, in reverse order), nearest segment first; each is ordered and limited to `limit`."""
    plan = plan or TextPlan()
    columns = ORDER_COLUMNS[query.order_by]
    greater = query.descending == reverse  # ascending forwards, or descending backwards
    base = _ids_base(query, plan)
    order = _order(query, columns, reverse)
    segments: list[Select[*tuple[Any, ...]]] = []
    for i in range(len(columns) - 1, -1, -1):
        ties = [_tie(columns[j], key[j]) for j in range(i)]
        for condition in _beyond(columns[i], key[i], greater):
            segments.append(base.where(*ties, condition).order_by(*order).limit(limit))
    return segments


def keyset_page_ids(
    session: Any,
    query: WorklistQuery,
    key: tuple[Any, ...],
    limit: int,
    plan: TextPlan | None = None,
    reverse: bool = False,
) -> list[int]:
    """The ids of the `limit` cases just after the sort key `key` (just before it when `reverse`), in
    worklist order: the segments are read nearest first until the page is full."""
    ids: list[int] = []
    for statement in keyset_segments(query, key, limit, plan, reverse):
        if len(ids) >= limit:
            break
        ids += session.execute(statement.limit(limit - len(ids))).scalars().all()
    return ids[::-1] if reverse else ids


def _raw(column: Any, label: str | None = None) -> Any:
    """`column` as the text stored in it: an enum column without its per-value conversion, which
    `worklist_row` does with one dictionary look-up instead (most of the time of building a page)."""
    return type_coerce(column, String).label(label or column.key)


def _display(statement: Any) -> Select[*tuple[Any, ...]]:
    """The display columns of the worklist, joined from `statement` (the case table or page ids), in
    the order `worklist_row` reads them."""
    return (
        select(
            Case.id,
            Case.accession,
            Patient.family_name,
            Patient.given_name,
            Patient.mrn,
            _raw(Specimen.site),
            _raw(Specimen.procedure),
            Specimen.collected_on,
            _raw(IhcResult.score),
            InterpretationRow.ish_group,
            _raw(InterpretationRow.next_step),
            _raw(InterpretationRow.status, "engine_status"),
            _raw(Case.reported_status),
            _raw(Case.reported_descriptor),
            Case.signout_state,
            Case.updated_at,
            Case.adjudicated_status.is_not(None),
        )
        .select_from(statement)
        .join(Patient, Case.patient_id == Patient.id)
        .join(Specimen, Specimen.case_id == Case.id)
        .join(InterpretationRow, InterpretationRow.case_id == Case.id)
        .outerjoin(IhcResult, IhcResult.case_id == Case.id)
    )


def rows_statement(ids: list[int]) -> Select[*tuple[Any, ...]]:
    """The display rows of the cases `ids` (in no particular order: the caller puts them in page order)."""
    return _display(Case).where(Case.id.in_(ids))


def page_statement(
    query: WorklistQuery, offset: int, limit: int, broad: bool = False, plan: TextPlan | None = None
) -> Select[*tuple[Any, ...]]:
    """One page in two steps: choose the page's case ids touching only the tables the filter and the
    order need, then fetch the display columns for just those rows. A broad search (a short
    family-name prefix matching thousands) then sorts small tuples instead of wide joined rows."""
    ids = page_ids_statement(query, offset, limit, broad, plan).subquery("page")
    joined = _display(ids.join(Case, Case.id == ids.c.page_id))
    return joined.order_by(*_order(query, ORDER_COLUMNS[query.order_by]))


# -- prepared statements ---------------------------------------------------------------------------
#
# Building a search statement (SQLAlchemy expression objects, then their cache key) cost several times
# running it on a warm database. Every value that depends on the typed text is a named bind parameter
# (`search_params`), so one statement serves every text of the same `search_shape`: it is built once,
# kept here, and executed with the text's parameters. Statements are immutable, so sharing is safe.

_PREPARED: dict[tuple[Any, ...], Any] = {}
_PREPARED_MAX = 512


def _prepared(key: tuple[Any, ...], build: Any) -> Any:
    statement = _PREPARED.get(key)
    if statement is None:
        if len(_PREPARED) >= _PREPARED_MAX:
            _PREPARED.clear()
        statement = _PREPARED[key] = build()
    return statement


def _search_key(query: WorklistQuery) -> tuple[WorklistQuery, tuple[Any, ...] | None, dict[str, Any]]:
    """The query without its text (the statement cache's key), the text's shape and its parameters."""
    text = query.text.strip()
    if not text:
        return replace(query, text=""), None, {}
    return replace(query, text=""), search_shape(text), search_params(text)


def prepared_probe(
    text: str, cap: int, patients: int | None = None
) -> tuple[Select[*tuple[Any, ...]], dict[str, Any]]:
    """`probe_statement(text, cap, patients)` and the parameters to execute it with."""
    key = ("probe", search_shape(text), cap, patients)
    statement = _prepared(key, lambda: probe_statement(text, cap, patients))
    return statement, search_params(text)


def prepared_page(
    query: WorklistQuery, offset: int, limit: int, plan: TextPlan | None = None
) -> tuple[Select[*tuple[Any, ...]], dict[str, Any]]:
    """`page_statement(query, offset, limit, plan=plan)` and the parameters to execute it with."""
    base, shape, params = _search_key(query)
    key = ("page", base, shape, offset, limit, plan)
    return _prepared(key, lambda: page_statement(query, offset, limit, plan=plan)), params


def prepared_page_ids(
    query: WorklistQuery, offset: int, limit: int, plan: TextPlan | None = None, reverse: bool = False
) -> tuple[Select[*tuple[Any, ...]], dict[str, Any]]:
    """`page_ids_statement(query, offset, limit, plan=plan, reverse=reverse)` and its parameters."""
    base, shape, params = _search_key(query)
    key = ("page_ids", base, shape, offset, limit, plan, reverse)
    build = lambda: page_ids_statement(query, offset, limit, plan=plan, reverse=reverse)  # noqa: E731
    return _prepared(key, build), params


def prepared_rows(ids: list[int]) -> tuple[Select[*tuple[Any, ...]], dict[str, Any]]:
    """`rows_statement(ids)` as one statement for any ids (an expanding IN parameter)."""
    build = lambda: _display(Case).where(Case.id.in_(bindparam("page_ids", expanding=True)))  # noqa: E731
    return _prepared(("rows",), build), {"page_ids": ids}


def _members(enum: Any) -> dict[str | None, Any]:
    members: dict[str | None, Any] = {m.value: m for m in enum}
    members[None] = None
    return members


_SITES, _PROCEDURES, _SCORES = _members(Site), _members(Procedure), _members(IhcScore)
_STATUSES, _DESCRIPTORS, _STATES = _members(Status), _members(Descriptor), _members(SignOutState)


def worklist_row(row: Any) -> WorklistRow:
    """One row of `_display` (read by position) as the worklist shows it. A stored value that is not
    a member of its enum is a KeyError naming it, as the enum's own ValueError would have."""
    (case_id, accession, family, given, mrn, site, procedure, collected, score, group, next_step, engine,
     status, descriptor, state, updated, adjudicated) = row  # fmt: skip
    return WorklistRow(
        case_id=case_id,
        accession=accession,
        patient_name=f"{family}, {given}" if given else family,
        mrn=mrn,
        site=_SITES[site],
        procedure=_PROCEDURES[procedure],
        collected_on=collected,
        ihc=_SCORES[score],
        # A case waiting for its blinded recount shows no group: the group comes from the first count.
        ish_group=None if next_step == NextStep.RECOUNT.value else group,
        status=_STATUSES[status],
        signout_state=_STATES[state],
        updated_at=aware(updated),
        descriptor=_DESCRIPTORS[descriptor],
        engine_status=_STATUSES[engine],
        adjudicated=bool(adjudicated),
    )
