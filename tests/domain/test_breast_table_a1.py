"""Decision table A1 (breast, ASCO/CAP 2018 affirmed 2023), one test case per row.

Expected results are read from her2-reporting-rules.md: §1.2 (IHC), §1.3 (dual-probe groups and the
Figs 4-6 workup), §1.4 (single-probe), §2 (HER2-low/-ultralow/-null descriptors), table A1 and issue 2.

The ISH counts below were chosen by hand, well away from every threshold, so that each lands in the
group named next to it (the boundaries themselves are tested in test_boundaries.py):

    group 1: HER2 10.00 / CEP17 2.00 = ratio 5.00, HER2 >= 4.0
    group 2: HER2  3.00 / CEP17 1.20 = ratio 2.50, HER2 <  4.0
    group 3: HER2  7.00 / CEP17 4.00 = ratio 1.75, HER2 >= 6.0
    group 4: HER2  5.00 / CEP17 3.00 = ratio 1.67, HER2 in [4.0, 6.0)
    group 5: HER2  2.00 / CEP17 2.00 = ratio 1.00, HER2 <  4.0

The report comments are replaced by short marker texts so that "the right comment" is checked exactly
and the test does not depend on the paraphrased wording, which a laboratory is meant to replace.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

import pytest

from her2desk.domain import DEFAULT_SETTINGS, Her2TestInput, interpret
from her2desk.domain.report_comments import ReportComments
from her2desk.domain.vocabulary import (
    Descriptor,
    IhcScore,
    IshProbe,
    NextStep,
    Procedure,
    Site,
    Status,
)

D = Decimal

COMMENTS = ReportComments(
    group_2="<group 2 comment>",
    group_3="<group 3 comment>",
    group_4="<group 4 comment>",
    her2_low_2023="<2023 comment>",
    her2_ultralow="<ultralow comment>",
    her2_low_needs_scored_ihc="<scored IHC needed comment>",
    single_probe_ihc_review="<single-probe IHC review comment>",
    no_site_guideline="<no site guideline comment>",
)
SETTINGS = replace(DEFAULT_SETTINGS, comments=COMMENTS)
GROUP_COMMENTS = {2: COMMENTS.group_2, 3: COMMENTS.group_3, 4: COMMENTS.group_4}

# (HER2, CEP17) per dual-probe group, and a second, different count in the same group for recounts.
GROUP_COUNTS = {
    1: (D("10.00"), D("2.00")),
    2: (D("3.00"), D("1.20")),
    3: (D("7.00"), D("4.00")),
    4: (D("5.00"), D("3.00")),
    5: (D("2.00"), D("2.00")),
}
SAME_GROUP_RECOUNT = {
    2: (D("3.20"), D("1.25")),  # ratio 2.56, HER2 < 4
    3: (D("7.40"), D("3.90")),  # ratio 1.90, HER2 >= 6
    4: (D("4.60"), D("2.90")),  # ratio 1.59, HER2 in [4, 6)
}
OTHER_GROUP_RECOUNT = {
    2: (D("2.00"), D("2.00")),  # group 5
    3: (D("5.00"), D("3.00")),  # group 4
    4: (D("10.00"), D("2.00")),  # group 1
}
SINGLE_PROBE = {"<4.0": D("3.00"), "4.0-<6.0": D("5.00"), ">=6.0": D("8.00")}


def breast_test(
    ihc: IhcScore | None,
    *,
    group: int | None = None,
    single: str | None = None,
    recount: tuple[Decimal, Decimal] | None = None,
    stained_pct: Decimal | None = None,
) -> Her2TestInput:
    values: dict[str, object] = {}
    if group is not None:
        her2, cep17 = GROUP_COUNTS[group]
        values.update(ish=IshProbe.DUAL, her2=her2, cep17=cep17, cells=20)
    if single is not None:
        values.update(ish=IshProbe.SINGLE, her2=SINGLE_PROBE[single], cells=20)
    if recount is not None:
        values.update(recount_her2=recount[0], recount_cep17=recount[1], recount_cells=20)
    return Her2TestInput(
        site=Site.BREAST,
        procedure=Procedure.CORE_NEEDLE_BIOPSY,
        ihc=ihc,
        stained_pct=stained_pct,
        **values,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Row:
    """One row of table A1: the input and what the table says about it."""

    test: Her2TestInput
    status: Status
    next_step: NextStep = NextStep.NONE
    descriptor: Descriptor | None = None
    group: int | None = None
    group_comment: int | None = None  # the group whose Fig 4-6 comment must be printed
    comments: tuple[str, ...] = field(default=())  # other comments that must be present
    discordance: bool = False


# Staining for IHC 0: 0% is HER2-null, 5% faint incomplete staining is HER2-ultralow (§2.3).
NULL_PCT, ULTRALOW_PCT = D(0), D(5)

ROWS: dict[str, Row] = {
    # --- IHC 3+ -----------------------------------------------------------------------------------
    "3+/ISH not done": Row(breast_test(IhcScore.THREE_PLUS), Status.POSITIVE),
    **{
        f"3+/group {g}": Row(
            breast_test(IhcScore.THREE_PLUS, group=g), Status.POSITIVE, group=g, discordance=g == 5
        )
        for g in (1, 2, 3, 4, 5)
    },
    # --- IHC 2+ -----------------------------------------------------------------------------------
    "2+/ISH not done": Row(breast_test(IhcScore.TWO_PLUS), Status.EQUIVOCAL, NextStep.REFLEX_ISH),
    "2+/group 1": Row(breast_test(IhcScore.TWO_PLUS, group=1), Status.POSITIVE, group=1),
    **{
        # Before the blinded recount, groups 2-4 with IHC 2+ are not final: they wait for more work.
        f"2+/group {g}/awaiting recount": Row(
            breast_test(IhcScore.TWO_PLUS, group=g), Status.PENDING, NextStep.RECOUNT, group=g
        )
        for g in (2, 3, 4)
    },
    "2+/group 2/recount still group 2": Row(
        breast_test(IhcScore.TWO_PLUS, group=2, recount=SAME_GROUP_RECOUNT[2]),
        Status.NEGATIVE,
        descriptor=Descriptor.LOW,
        group=2,
        group_comment=2,
    ),
    "2+/group 3/recount still group 3": Row(
        breast_test(IhcScore.TWO_PLUS, group=3, recount=SAME_GROUP_RECOUNT[3]), Status.POSITIVE, group=3
    ),
    "2+/group 4/recount still group 4": Row(
        breast_test(IhcScore.TWO_PLUS, group=4, recount=SAME_GROUP_RECOUNT[4]),
        Status.NEGATIVE,
        descriptor=Descriptor.LOW,
        group=4,
        group_comment=4,
    ),
    **{
        f"2+/group {g}/recount gives another group": Row(
            breast_test(IhcScore.TWO_PLUS, group=g, recount=OTHER_GROUP_RECOUNT[g]),
            Status.ADJUDICATION,
            NextStep.ADJUDICATE,
            group=g,
        )
        for g in (2, 3, 4)
    },
    "2+/group 5": Row(
        breast_test(IhcScore.TWO_PLUS, group=5), Status.NEGATIVE, descriptor=Descriptor.LOW, group=5
    ),
    # --- IHC 1+ -----------------------------------------------------------------------------------
    "1+/ISH not done": Row(breast_test(IhcScore.ONE_PLUS), Status.NEGATIVE, descriptor=Descriptor.LOW),
    "1+/group 5": Row(
        breast_test(IhcScore.ONE_PLUS, group=5), Status.NEGATIVE, descriptor=Descriptor.LOW, group=5
    ),
    "1+/group 1": Row(breast_test(IhcScore.ONE_PLUS, group=1), Status.POSITIVE, group=1),
    **{
        f"1+/group {g}": Row(
            breast_test(IhcScore.ONE_PLUS, group=g),
            Status.NEGATIVE,
            descriptor=Descriptor.LOW,
            group=g,
            group_comment=g,
        )
        for g in (2, 3, 4)
    },
    # --- IHC 0 (null: no staining; ultralow: faint incomplete staining in > 0% and <= 10%) ---------
    **{
        f"0 {kind}/{'ISH not done' if g is None else f'group {g}'}": Row(
            breast_test(IhcScore.ZERO, group=g, stained_pct=pct),
            Status.NEGATIVE,
            descriptor=descriptor,
            group=g,
            comments=(COMMENTS.her2_ultralow,) if descriptor is Descriptor.ULTRALOW else (),
        )
        for g in (None, 5)
        for kind, pct, descriptor in (
            ("null", NULL_PCT, Descriptor.NULL),
            ("ultralow", ULTRALOW_PCT, Descriptor.ULTRALOW),
        )
    },
    **{
        f"0 {kind}/group 1": Row(
            breast_test(IhcScore.ZERO, group=1, stained_pct=pct), Status.POSITIVE, group=1
        )
        for kind, pct in (("null", NULL_PCT), ("ultralow", ULTRALOW_PCT))
    },
    **{
        f"0 {kind}/group {g}": Row(
            breast_test(IhcScore.ZERO, group=g, stained_pct=pct),
            Status.NEGATIVE,
            descriptor=descriptor,
            group=g,
            group_comment=g,
            comments=(COMMENTS.her2_ultralow,) if descriptor is Descriptor.ULTRALOW else (),
        )
        for g in (2, 3, 4)
        for kind, pct, descriptor in (
            ("null", NULL_PCT, Descriptor.NULL),
            ("ultralow", ULTRALOW_PCT, Descriptor.ULTRALOW),
        )
    },
    # --- single-probe ISH ----------------------------------------------------------------------------
    **{
        f"{ihc or 'IHC not done'}/single-probe >=6.0": Row(
            breast_test(ihc, single=">=6.0", stained_pct=NULL_PCT if ihc is IhcScore.ZERO else None),
            Status.POSITIVE,
            comments=(COMMENTS.single_probe_ihc_review,),
            # Positive ISH against a negative IHC score is flagged for review [K], as group 5 with 3+ is.
            discordance=ihc in (IhcScore.ZERO, IhcScore.ONE_PLUS),
        )
        for ihc in (None, IhcScore.ZERO, IhcScore.ONE_PLUS, IhcScore.TWO_PLUS, IhcScore.THREE_PLUS)
    },
    "3+/single-probe 4.0-<6.0": Row(breast_test(IhcScore.THREE_PLUS, single="4.0-<6.0"), Status.POSITIVE),
    "2+/single-probe 4.0-<6.0": Row(
        breast_test(IhcScore.TWO_PLUS, single="4.0-<6.0"), Status.PENDING, NextStep.DUAL_PROBE_ISH
    ),
    "1+/single-probe 4.0-<6.0": Row(
        breast_test(IhcScore.ONE_PLUS, single="4.0-<6.0"), Status.NEGATIVE, descriptor=Descriptor.LOW
    ),
    "0 null/single-probe 4.0-<6.0": Row(
        breast_test(IhcScore.ZERO, single="4.0-<6.0", stained_pct=NULL_PCT),
        Status.NEGATIVE,
        descriptor=Descriptor.NULL,
    ),
    "0 ultralow/single-probe 4.0-<6.0": Row(
        breast_test(IhcScore.ZERO, single="4.0-<6.0", stained_pct=ULTRALOW_PCT),
        Status.NEGATIVE,
        descriptor=Descriptor.ULTRALOW,
        comments=(COMMENTS.her2_ultralow,),
    ),
    # "any except 3+ | single-probe < 4.0 | Negative | per IHC": the descriptor follows the IHC score;
    # IHC 2+ with a negative ISH is HER2-low by the §2.2 definition.
    "IHC not done/single-probe <4.0": Row(breast_test(None, single="<4.0"), Status.NEGATIVE),
    "0 null/single-probe <4.0": Row(
        breast_test(IhcScore.ZERO, single="<4.0", stained_pct=NULL_PCT),
        Status.NEGATIVE,
        descriptor=Descriptor.NULL,
    ),
    "1+/single-probe <4.0": Row(
        breast_test(IhcScore.ONE_PLUS, single="<4.0"), Status.NEGATIVE, descriptor=Descriptor.LOW
    ),
    "2+/single-probe <4.0": Row(
        breast_test(IhcScore.TWO_PLUS, single="<4.0"), Status.NEGATIVE, descriptor=Descriptor.LOW
    ),
    # --- technical failure ---------------------------------------------------------------------------
    "indeterminate/ISH not done": Row(
        breast_test(IhcScore.INDETERMINATE), Status.INDETERMINATE, NextStep.NEW_SPECIMEN
    ),
}


@pytest.mark.parametrize("row", list(ROWS.values()), ids=list(ROWS))
def test_table_a1_row(row: Row) -> None:
    result = interpret(row.test, SETTINGS)

    assert result.errors == ()
    assert result.status is row.status
    assert result.next_step is row.next_step
    assert result.descriptor is row.descriptor
    assert result.ish_group == row.group
    assert result.guideline  # every result records the guideline it was interpreted under
    assert "ASCO/CAP 2018" in result.guideline

    # The right group comment, and no other group's comment.
    for g, text in GROUP_COMMENTS.items():
        assert (text in result.comments) is (g == row.group_comment), f"group {g} comment"
    for text in row.comments:
        assert text in result.comments

    # Every negative breast result with a scored IHC (0, 1+, 2+) carries the 2023 comment on IHC 0 vs
    # 1+ (issue 2, table A1, §2.1), IHC 0 included; a negative without one says a scored IHC is needed
    # instead. Non-negative results carry neither a descriptor nor either comment.
    scored = row.test.ihc in (IhcScore.ZERO, IhcScore.ONE_PLUS, IhcScore.TWO_PLUS)
    if row.status is Status.NEGATIVE:
        assert (COMMENTS.her2_low_2023 in result.comments) is scored
        assert (COMMENTS.her2_low_needs_scored_ihc in result.comments) is not scored
    else:
        assert result.descriptor is None
        assert result.as_dict()["descriptor"] is None
        assert COMMENTS.her2_low_2023 not in result.comments
        assert COMMENTS.her2_low_needs_scored_ihc not in result.comments
        assert COMMENTS.her2_ultralow not in result.comments
    # The ultralow comment belongs to the ultralow descriptor only.
    assert (COMMENTS.her2_ultralow in result.comments) is (result.descriptor is Descriptor.ULTRALOW)

    discordance = [w for w in result.warnings if "discordan" in w.lower()]
    assert bool(discordance) is row.discordance, result.warnings


def test_every_status_and_descriptor_of_a1_is_covered() -> None:
    """Guards the table above against losing rows: every outcome A1 names appears at least once."""
    statuses = {row.status for row in ROWS.values()}
    descriptors = {row.descriptor for row in ROWS.values()}
    next_steps = {row.next_step for row in ROWS.values()}
    assert statuses == {
        Status.POSITIVE,
        Status.NEGATIVE,
        Status.EQUIVOCAL,
        Status.PENDING,
        Status.ADJUDICATION,
        Status.INDETERMINATE,
    }
    assert descriptors == {None, Descriptor.LOW, Descriptor.ULTRALOW, Descriptor.NULL}
    assert {NextStep.REFLEX_ISH, NextStep.RECOUNT, NextStep.ADJUDICATE, NextStep.DUAL_PROBE_ISH} <= next_steps


@pytest.mark.parametrize("group", [2, 3, 4])
def test_recount_with_another_group_is_never_auto_derived(group: int) -> None:
    """§1.3: 'The software must not auto-derive a result here' - no descriptor, no group comment."""
    result = interpret(
        breast_test(IhcScore.TWO_PLUS, group=group, recount=OTHER_GROUP_RECOUNT[group]), SETTINGS
    )
    assert result.status is Status.ADJUDICATION
    assert result.recount_group is not None
    assert result.recount_group != group
    assert result.descriptor is None
    assert not set(GROUP_COMMENTS.values()) & set(result.comments)


@pytest.mark.parametrize("group", [2, 3, 4])
def test_same_group_recount_is_recorded(group: int) -> None:
    result = interpret(
        breast_test(IhcScore.TWO_PLUS, group=group, recount=SAME_GROUP_RECOUNT[group]), SETTINGS
    )
    assert result.ish_group == group
    assert result.recount_group == group
    assert result.recount_ratio is not None


@pytest.mark.parametrize("ihc", [None, IhcScore.INDETERMINATE])
@pytest.mark.parametrize("group", [2, 3, 4])
def test_groups_2_to_4_without_concurrent_ihc_wait_for_it(ihc: IhcScore | None, group: int) -> None:
    """§1.3 Fig 3 note: groups 2-4 need IHC on the same tissue before a result can be given."""
    result = interpret(breast_test(ihc, group=group), SETTINGS)
    assert result.status is Status.PENDING
    assert result.next_step is NextStep.CONCURRENT_IHC
    assert result.ish_group == group
    assert result.descriptor is None


@pytest.mark.parametrize(("group", "status"), [(1, Status.POSITIVE), (5, Status.NEGATIVE)])
@pytest.mark.parametrize("ihc", [None, IhcScore.INDETERMINATE])
def test_groups_1_and_5_stand_without_ihc(ihc: IhcScore | None, group: int, status: Status) -> None:
    """Groups 1 and 5 are final ISH calls (§1.3 'ISH positive'/'ISH negative'); no IHC is needed.

    Without an IHC score there is nothing to say whether the negative is HER2-low or HER2-0, so no
    descriptor is given.
    """
    result = interpret(breast_test(ihc, group=group), SETTINGS)
    assert result.status is status
    assert result.next_step is NextStep.NONE
    assert result.descriptor is None
    if status is Status.NEGATIVE:  # HER2-low cannot be judged: the comment says a scored IHC is needed
        assert COMMENTS.her2_low_needs_scored_ihc in result.comments
        assert COMMENTS.her2_low_2023 not in result.comments


def test_single_probe_4_to_6_without_ihc_waits_for_ihc_or_dual_probe() -> None:
    """§1.4: 4.0-<6.0 needs 'IHC and/or dual-probe ISH' on the same tissue; either next step is allowed."""
    result = interpret(breast_test(None, single="4.0-<6.0"), SETTINGS)
    assert result.status is Status.PENDING
    assert result.next_step in (NextStep.CONCURRENT_IHC, NextStep.DUAL_PROBE_ISH)


def test_single_probe_below_4_with_ihc_3_plus_is_positive() -> None:
    """A1 says 'any except 3+' for single-probe < 4.0; IHC 3+ stays positive (IHC 3+ rows of A1)."""
    result = interpret(breast_test(IhcScore.THREE_PLUS, single="<4.0"), SETTINGS)
    assert result.status is Status.POSITIVE
    assert result.descriptor is None


def test_ihc_0_without_a_staining_percentage_gets_no_guessed_descriptor() -> None:
    """Null vs ultralow depends on whether there is any faint staining; without it nothing is guessed."""
    result = interpret(breast_test(IhcScore.ZERO), SETTINGS)
    assert result.status is Status.NEGATIVE
    assert result.descriptor is None
    assert any("stained_pct" in w for w in result.warnings)


def test_ihc_0_at_exactly_10_percent_faint_staining_is_ultralow() -> None:
    """§2.3: ultralow is faint incomplete staining in > 0% and <= 10% of cells."""
    assert (
        interpret(breast_test(IhcScore.ZERO, stained_pct=D(10)), SETTINGS).descriptor is Descriptor.ULTRALOW
    )
    assert (
        interpret(breast_test(IhcScore.ZERO, stained_pct=D("0.1")), SETTINGS).descriptor
        is Descriptor.ULTRALOW
    )


def test_descriptors_can_be_switched_off() -> None:
    """HER2-low and -ultralow are optional descriptors (A1 'optional, 2023+'); the status stays negative."""
    off = replace(SETTINGS, report_her2_low=False, report_her2_ultralow=False)
    low = interpret(breast_test(IhcScore.ONE_PLUS), off)
    ultralow = interpret(breast_test(IhcScore.ZERO, stained_pct=ULTRALOW_PCT), off)
    assert (low.status, low.descriptor) == (Status.NEGATIVE, None)
    assert (ultralow.status, ultralow.descriptor) == (Status.NEGATIVE, None)
    assert COMMENTS.her2_ultralow not in ultralow.comments


@pytest.mark.parametrize(
    "test",
    [
        breast_test(IhcScore.ZERO, stained_pct=NULL_PCT),
        breast_test(IhcScore.ZERO, stained_pct=ULTRALOW_PCT),
        breast_test(IhcScore.ONE_PLUS),
        breast_test(IhcScore.TWO_PLUS, group=5),
        breast_test(None, group=5),
        breast_test(IhcScore.INDETERMINATE, single="<4.0"),
    ],
)
def test_the_2023_comment_is_a_lab_setting(test: Her2TestInput) -> None:
    """On by default (the 2023 update offers it); a lab that turns it off gets neither it nor its
    no-scored-IHC variant, and the result and descriptor are unchanged."""
    on = interpret(test, SETTINGS)
    off = interpret(test, replace(SETTINGS, report_2023_comment=False))
    assert on.status is off.status is Status.NEGATIVE
    assert on.descriptor is off.descriptor
    assert {COMMENTS.her2_low_2023, COMMENTS.her2_low_needs_scored_ihc} & set(on.comments)
    assert not {COMMENTS.her2_low_2023, COMMENTS.her2_low_needs_scored_ihc} & set(off.comments)
    assert DEFAULT_SETTINGS.report_2023_comment is True


def test_the_ultralow_comment_does_not_contradict_the_2023_comment() -> None:
    """The 2023 comment says IHC 0 was not in DESTINY-Breast04; the ultralow comment, printed beside it,
    says IHC 0 *with membrane staining* was studied in DESTINY-Breast06 (rules §2.1, §2.3)."""
    comments = DEFAULT_SETTINGS.comments
    result = interpret(breast_test(IhcScore.ZERO, stained_pct=ULTRALOW_PCT))
    assert result.comments == (comments.her2_low_2023, comments.her2_ultralow)
    assert "IHC 0 results were not included in the trial (DESTINY-Breast04)" in comments.her2_low_2023
    assert "IHC 0 with membrane staining" in comments.her2_ultralow
    assert "DESTINY-Breast06" in comments.her2_ultralow
    assert "FDA-approved test" in comments.her2_ultralow
    assert "hormone-receptor-positive" in comments.her2_ultralow
    assert "DESTINY-Breast04" not in comments.her2_ultralow
    null = interpret(breast_test(IhcScore.ZERO, stained_pct=NULL_PCT))
    assert null.comments == (comments.her2_low_2023,)  # IHC 0 keeps the 2023 comment, not the ultralow


def test_a_negative_without_a_scored_ihc_says_one_is_needed() -> None:
    comments = DEFAULT_SETTINGS.comments
    for test in (breast_test(None, group=5), breast_test(IhcScore.INDETERMINATE, single="<4.0")):
        result = interpret(test)
        assert result.status is Status.NEGATIVE
        assert result.comments == (comments.her2_low_needs_scored_ihc,)
    text = comments.her2_low_needs_scored_ihc
    assert "scored IHC" in text
    assert "IHC 0 from IHC 1+" in text
    assert "HER2-low" in text


def test_discordance_flag_can_be_switched_off_without_changing_the_result() -> None:
    off = replace(SETTINGS, flag_breast_ihc3_group5_discordance=False)
    result = interpret(breast_test(IhcScore.THREE_PLUS, group=5), off)
    assert result.status is Status.POSITIVE
    assert not [w for w in result.warnings if "discordan" in w.lower()]


def test_default_comment_texts_are_used_when_nothing_is_configured() -> None:
    result = interpret(breast_test(IhcScore.ONE_PLUS, group=4))
    assert DEFAULT_SETTINGS.comments.group_4 in result.comments
    assert DEFAULT_SETTINGS.comments.her2_low_2023 in result.comments


def test_trail_names_the_group_with_its_rounded_numbers() -> None:
    """Issue 2: a short rule trail a pathologist can read, e.g. 'Group 4: ratio 1.83 < 2.0 and HER2 5.50'."""
    test = breast_test(IhcScore.ONE_PLUS).with_changes(
        ish=IshProbe.DUAL, her2=D("5.5"), cep17=D("3.0"), cells=20
    )
    result = interpret(test, SETTINGS)
    assert result.ish_group == 4
    assert any("Group 4" in line and "1.83" in line and "5.50" in line for line in result.trail), result.trail
