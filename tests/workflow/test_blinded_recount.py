"""The blinded recount is a second observer's: the service refuses a recount the guideline uses when
the person who entered the first count enters it too, unless the lab allows one person to make both
counts (and then the record says so). Every path that writes counts is held to it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from support.backends import make_entry
from support.lab import Lab

from her2desk.domain.case import IshDetails
from her2desk.domain.inputs import IshCount
from her2desk.domain.vocabulary import IshMethod, IshProbe, NextStep, Status
from her2desk.domain.workflow import WorkflowError
from her2desk.services.lab_settings_service import LabSettingsService

FIRST_GROUP_4 = IshCount(her2=Decimal("4.80"), cep17=Decimal("2.60"), cells=20)  # ratio 1.85: group 4
RECOUNT_GROUP_4 = IshCount(her2=Decimal("4.90"), cep17=Decimal("2.70"), cells=20)  # ratio 1.81: group 4
FIRST_GROUP_1 = IshCount(her2=Decimal("4.50"), cep17=Decimal("2.10"), cells=20)  # ratio 2.14: group 1


def _entry(first: IshCount, second: IshCount | None):
    return make_entry(ish=IshDetails(IshProbe.DUAL, IshMethod.FISH, first, second))


def _allow_one_person(lab: Lab) -> None:
    LabSettingsService(lab.database).update(lab.admin, "allow_same_person_recount", "true")


def test_the_first_observer_cannot_enter_the_recount(lab: Lab) -> None:
    first = lab.cases(lab.tech).save(_entry(FIRST_GROUP_4, None), None)
    assert first.interpretation.next_step is NextStep.RECOUNT
    assert first.first_count_by_user_id == lab.tech.user_id
    with pytest.raises(WorkflowError, match="second observer"):
        lab.cases(lab.tech).save(_entry(FIRST_GROUP_4, RECOUNT_GROUP_4), first.version)
    unchanged = lab.cases(None).load(first.entry.accession)
    assert unchanged is not None
    assert unchanged.entry.ish.second is None  # nothing of the refused save was written
    assert unchanged.version == first.version


def test_a_second_observer_enters_the_recount_and_the_record_says_who(lab: Lab) -> None:
    first = lab.cases(lab.tech).save(_entry(FIRST_GROUP_4, None), None)
    recounted = lab.cases(lab.path).save(_entry(FIRST_GROUP_4, RECOUNT_GROUP_4), first.version)
    assert recounted.interpretation.recount_group == 4
    assert recounted.interpretation.status is Status.NEGATIVE
    assert (recounted.first_count_by, recounted.recount_by) == ("tom", "pia")
    assert not recounted.one_person_counted_both


def test_one_person_typing_both_counts_into_a_new_case_is_refused(lab: Lab) -> None:
    with pytest.raises(WorkflowError, match="second observer"):
        lab.cases(lab.tech).save(_entry(FIRST_GROUP_4, RECOUNT_GROUP_4), None)
    assert lab.cases(None).load("S26-00001") is None


def test_an_import_of_both_counts_by_one_person_is_refused(lab: Lab) -> None:
    with pytest.raises(WorkflowError, match="second observer"):
        lab.cases(lab.tech).import_cases([_entry(FIRST_GROUP_4, RECOUNT_GROUP_4)])
    assert lab.cases(None).load("S26-00001") is None


def test_a_one_person_lab_may_allow_it_and_the_record_says_so(lab: Lab) -> None:
    _allow_one_person(lab)
    first = lab.cases(lab.tech).save(_entry(FIRST_GROUP_4, None), None)
    both = lab.cases(lab.tech).save(_entry(FIRST_GROUP_4, RECOUNT_GROUP_4), first.version)
    assert both.one_person_counted_both
    assert both.interpretation.recount_group == 4
    new = lab.cases(lab.tech).save(
        _entry(FIRST_GROUP_4, RECOUNT_GROUP_4).with_changes(accession="S26-2"), None
    )
    assert new.one_person_counted_both


def test_a_second_count_the_guideline_does_not_use_is_not_an_observers_call(lab: Lab) -> None:
    stored = lab.cases(lab.tech).save(_entry(FIRST_GROUP_1, RECOUNT_GROUP_4), None)
    assert stored.interpretation.status is Status.POSITIVE  # group 1: no recount needed, none used
    assert stored.interpretation.recount_group is None


def test_the_second_observer_may_not_then_retype_the_first_count(lab: Lab) -> None:
    """Changing the first count makes the changer its observer: both counts would be one person's."""
    first = lab.cases(lab.tech).save(_entry(FIRST_GROUP_4, None), None)
    recounted = lab.cases(lab.path).save(_entry(FIRST_GROUP_4, RECOUNT_GROUP_4), first.version)
    retyped = IshCount(her2=Decimal("4.70"), cep17=Decimal("2.60"), cells=20)  # still group 4
    with pytest.raises(WorkflowError, match="second observer"):
        lab.cases(lab.path).save(_entry(retyped, RECOUNT_GROUP_4), recounted.version)
