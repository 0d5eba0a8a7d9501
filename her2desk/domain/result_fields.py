"""Which fields of a case are its *results*: what a pathologist verifies and signs out.

Saving a change to any of these makes the saver the case's "enterer" (`entered_by_user_id`), and the
four-eyes rule (`workflow.not_self_verified`) then needs another pathologist to sign it out; it also
voids an earlier adjudication, which judged the old results. Changing anything else (patient details,
block number, antibody clone, assay type, ISH method, fixative, cold ischaemia, fixation time,
fragments, collection date, laterality, setting) corrects the record without changing what was
measured or how it is interpreted, so it leaves both alone: an amendment that corrects a block number
or a clone's spelling can be signed out by the pathologist who amended it.

The results are what was read and what the guideline engine reads (`CaseEntry.test_input`):
- the IHC reading: score, % stained cells, cluster cells, and whether the controls stained as expected
  (unacceptable controls make the reading invalid);
- the ISH probe design and both observers' counts;
- the specimen's site, procedure and the criteria chosen for a site without a guideline, because the
  engine reads them to choose the scoring rules, so changing them can change the signed interpretation.
The clone, the assay type and the ISH method describe how the test was done; they are reported and
checked (warnings), but do not change the reading. Pre-analytic details only add warnings; the sign-out
dialog shows those warnings.
"""

from __future__ import annotations

from her2desk.domain.case import CaseEntry

# Section of `CaseEntry` -> its fields that are results. The store's columns carry the same names.
RESULT_FIELDS: dict[str, tuple[str, ...]] = {
    "specimen": ("site", "procedure", "scoring_criteria"),
    "ihc": ("controls_acceptable", "score", "stained_pct", "cluster_cells"),
    "ish": ("probe", "first", "second"),
}
# Fields of the IHC and ISH panels that describe the assay and are deliberately not results.
ASSAY_DESCRIPTION_FIELDS: dict[str, tuple[str, ...]] = {
    "ihc": ("clone", "assay_type"),
    "ish": ("method",),
}


def is_result_field(section: str, name: str) -> bool:
    return name in RESULT_FIELDS.get(section, ())


def changed_results(old: CaseEntry, new: CaseEntry) -> list[str]:
    """The result fields that differ between `old` and `new`, as "section.field" (empty: none)."""
    return [
        f"{section}.{name}"
        for section, names in RESULT_FIELDS.items()
        for name in names
        if getattr(getattr(old, section), name) != getattr(getattr(new, section), name)
    ]
