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
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, union, union_all

from her2desk.domain.identifiers import mrn_number_key
from her2desk.domain.records import SignOutState, WorklistOrder, WorklistQuery, WorklistRow
from her2desk.domain.vocabulary import NextStep, Status
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


def prefix_range(column: Any, prefix: str) -> ColumnElement[bool]:
    """`column` starts with `prefix`, as an index range (byte order = code-point order in UTF-8)."""
    if ord(prefix[-1]) >= 0x10FFFF:
        return and_(column >= prefix, column <= prefix + "\U0010ffff" * 8)
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < upper)


BRANCHES: tuple[str, ...] = ("accession", "mrn", "name")


def typed_mrn_number(text: str) -> str | None:
    """The MRN number key to look up for typed `text` (already trimmed): only text of ASCII digits alone
    is taken as an MRN's number; anything else (letters, a separator, a space) searches by prefix only."""
    return mrn_number_key(text) if text.isascii() and text.isdigit() else None


def _branch_selects(text: str, branch: str) -> list[Select[*tuple[Any, ...]]]:
    """Case ids matching `text` in one way: by accession or MRN (as typed or upper-cased; for digits
    alone, also the MRN's number), or by name."""
    variants = sorted({text, text.upper()})
    if branch == "accession":
        return [select(Case.id).where(prefix_range(Case.accession, v)) for v in variants]
    by_patient = select(Case.id).join(Patient, Case.patient_id == Patient.id)
    if branch == "mrn":
        selects = [by_patient.where(prefix_range(Patient.mrn, v)) for v in variants]
        number = typed_mrn_number(text)
        if number is not None:  # exact, never a prefix: "7" must not find every MRN with a 7 in it
            selects.append(by_patient.where(Patient.mrn_number_key == number))
        return selects
    return [by_patient.where(prefix_range(Patient.family_name_key, name_key(text)))]


def text_matches(text: str, branches: tuple[str, ...] = BRANCHES) -> ColumnElement[bool]:
    """Case ids whose accession, MRN or family name starts with `text`, or whose MRN's number is the
    digits typed (index-driven)."""
    selects = [s for b in branches for s in _branch_selects(text, b)]
    if not selects:
        return false()
    if len(selects) == 1:
        return Case.id.in_(selects[0].scalar_subquery())
    return Case.id.in_(union(*selects).scalar_subquery())


def text_matches_row(text: str) -> ColumnElement[bool]:
    """The same test on one joined case + patient row, for walking an order index.

    All three kinds of match are always tested (cheap per row): a test on the patient alone would let
    SQLite build a Bloom filter over the whole patient table first. The columns are wrapped
    (`column || ''`) so the planner cannot drive the query from their indexes instead, which would
    bring back the sort of every match this plan exists to avoid.
    """
    variants = sorted({text, text.upper()})
    tests = [prefix_range(Case.accession.concat(""), v) for v in variants]
    tests += [prefix_range(Patient.mrn.concat(""), v) for v in variants]
    number = typed_mrn_number(text)
    if number is not None:
        tests.append(Patient.mrn_number_key.concat("") == number)
    tests.append(prefix_range(Patient.family_name_key.concat(""), name_key(text)))
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


def probe_statement(text: str, cap: int) -> Select[*tuple[Any, ...]]:
    """Matches per kind (accession, MRN, name) in one query, each counted no further than `cap`."""
    counts = []
    for branch in BRANCHES:
        selects = _branch_selects(text, branch)
        matches = (union_all(*selects) if len(selects) > 1 else selects[0]).limit(cap).subquery()
        counts.append(select(func.count()).select_from(matches).scalar_subquery().label(branch))
    return select(*counts)


def plan_text_search(session: Any, text: str, total_cases: int) -> TextPlan:
    """Walk the order index only for many patient (name or MRN) matches: those are spread over all
    dates, so a page of them is met soon. Accession prefixes ("S25") follow the collection date, so a
    walk newest-first could cross most of the database before meeting one; those are match-driven."""
    cap = broad_threshold(total_cases)
    counts = dict(zip(BRANCHES, session.execute(probe_statement(text, cap)).one(), strict=True))
    branches = tuple(b for b in BRANCHES if counts[b])
    broad = counts["accession"] < cap and counts["mrn"] + counts["name"] >= cap
    return TextPlan(broad, branches)


def is_broad(session: Any, text: str) -> bool:
    total = session.execute(select(func.max(Case.id))).scalar_one() or 0
    return plan_text_search(session, text, total).broad


def _filtered(
    statement: Select[*tuple[Any, ...]], query: WorklistQuery, plan: TextPlan | None = None
) -> Select[*tuple[Any, ...]]:
    conditions: list[ColumnElement[bool]] = []
    text = query.text.strip()
    if text:
        plan = plan or TextPlan()
        conditions.append(text_matches_row(text) if plan.broad else text_matches(text, plan.branches))
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
    if plan.broad and query.text.strip():
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


def _display(statement: Any) -> Select[*tuple[Any, ...]]:
    """The display columns of the worklist, joined from `statement` (the case table or page ids)."""
    return (
        select(
            Case.id,
            Case.accession,
            Patient.family_name,
            Patient.given_name,
            Patient.mrn,
            Specimen.site,
            Specimen.procedure,
            Specimen.collected_on,
            IhcResult.score,
            InterpretationRow.ish_group,
            InterpretationRow.next_step,
            InterpretationRow.status.label("engine_status"),
            Case.reported_status,
            Case.reported_descriptor,
            Case.signout_state,
            Case.updated_at,
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


def worklist_row(row: Any) -> WorklistRow:
    name = f"{row.family_name}, {row.given_name}" if row.given_name else row.family_name
    return WorklistRow(
        case_id=row.id,
        accession=row.accession,
        patient_name=name,
        mrn=row.mrn,
        site=row.site,
        procedure=row.procedure,
        collected_on=row.collected_on,
        ihc=row.score,
        # A case waiting for its blinded recount shows no group: the group comes from the first count.
        ish_group=None if row.next_step is NextStep.RECOUNT else row.ish_group,
        status=row.reported_status,
        signout_state=SignOutState(row.signout_state),
        updated_at=aware(row.updated_at),
        descriptor=row.reported_descriptor,
        engine_status=row.engine_status,
    )
