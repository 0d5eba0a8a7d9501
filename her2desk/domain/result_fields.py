"""Which fields of a case are its *results*: what a pathologist verifies and signs out.

Saving a change to any of these makes the saver the case's "enterer" (`entered_by_user_id`), and the
four-eyes rule (`workflow.not_self_verified`) then needs another pathologist to sign it out; it also
voids an earlier adjudication, which judged the old results. Changing anything else (patient details,
block number, fixative, cold ischaemia, fixation time, fragments, collection date, laterality, setting)
corrects the record without changing what was measured, so it leaves both alone.

The results are:
- the whole IHC panel (clone, assay type, controls, score, % stained cells, cluster cells): how the
  stain was done and read;
- the whole ISH panel (probe, method, and both observers' counts);
- the specimen's site and procedure, because the guideline engine reads them to choose the scoring
  rules (`CaseEntry.test_input`), so changing them can change the signed interpretation.
Pre-analytic details (fixation and the like) only add warnings; the sign-out dialog shows those warnings.
"""

from __future__ import annotations

from her2desk.domain.case import CaseEntry

# Section of `CaseEntry` -> its fields that are results. The store's columns carry the same names.
RESULT_FIELDS: dict[str, tuple[str, ...]] = {
    "specimen": ("site", "procedure"),
    "ihc": ("clone", "assay_type", "controls_acceptable", "score", "stained_pct", "cluster_cells"),
    "ish": ("probe", "method", "first", "second"),
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
