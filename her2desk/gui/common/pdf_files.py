"""What the handout and the chart report share when they print or save PDFs: the result of a run, a
free file name, writing the exact bytes, and the end-of-run summary in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

if TYPE_CHECKING:
    from her2desk.domain.workflow import WorkflowError

Document = TypeVar("Document")  # a prepared handout or report


@dataclass
class BatchResult(Generic[Document]):
    """What a print or save run did, for the summary and for tests."""

    done: list[Document] = field(default_factory=list)  # printed or saved, and recorded
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (accession, reason)
    not_recorded: list[tuple[str, str]] = field(default_factory=list)  # printed/saved, log refused
    cancelled: bool = False
    error: str | None = None
    paths: list[Path] = field(default_factory=list)


def record_into(
    result: BatchResult[Document],
    prepared: Document,
    accession: str,
    record: Callable[[], object],
    refused: type[WorkflowError],
) -> None:
    """Write the print log row (`record`) and say in `result` how it went; a refusal or a database
    failure is said, never lost (the paper or the file already exists)."""
    try:
        record()
    except refused as error:
        result.not_recorded.append((accession, "; ".join(error.reasons)))
    except Exception as error:  # the database failed: the paper exists, so say it was not logged
        result.not_recorded.append((accession, f"the print log could not be written: {error}"))
    else:
        result.done.append(prepared)


def run_progress(parent: QWidget, title: str, accessible_name: str, count: int) -> QProgressDialog:
    """The window-modal progress dialog of a run of `count` cases; it stays up until the run closes it."""
    progress = QProgressDialog(title, "Cancel", 0, count, parent)
    progress.setWindowTitle(title)
    progress.setAccessibleName(accessible_name)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    return progress


def show_summary(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def free_path(path: Path) -> Path:
    """`path`, or `name (2).pdf`, `name (3).pdf`... when a file of that name is already there."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
    return candidate


def write_pdf(path: Path, pdf: bytes) -> Path:
    """Write the exact bytes privately (0600), under an exclusive temporary name, then rename: never
    half a document under `path`, and never through a link someone planted (`her2desk.files`)."""
    from her2desk.files import write_private_bytes

    write_private_bytes(path, pdf)
    return path


def save_and_record(
    path: Path, pdf: bytes, sha256: str, record: Callable[[], object], refused: type[WorkflowError]
) -> tuple[bool, str]:
    """Save one previewed PDF at `path` (".pdf" added when missing), then record it with `record`.
    Returns whether it was recorded and what to tell the user: a file that could not be written is
    not recorded; a file written but refused by the print log is said to be NOT recorded."""
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        write_pdf(path, pdf)
    except OSError as error:
        return False, f"Not saved: cannot write {path}: {error.strerror or error}. Nothing was recorded."
    try:
        record()
    except Exception as error:  # the file exists; say plainly that it was not logged
        reasons = "; ".join(error.reasons) if isinstance(error, refused) else str(error)
        return False, f"Saved to {path}, but NOT recorded in the print log: {reasons}"
    return True, f"Saved to {path} and recorded (SHA-256 {sha256[:16]}…)."


def summary_text(result: BatchResult[Document], verb: str, noun: str, notes: Sequence[str] = ()) -> str:
    """The end of a run in words: how many `noun`s, `notes` (lines about the documents done), which were
    skipped and why, anything not logged."""
    lines: list[str] = []
    if result.error:
        lines.append(f"Nothing was {verb}: {result.error}.")
    elif result.cancelled and not result.done:
        lines.append(f"Cancelled: nothing was {verb} and nothing was recorded.")
    else:
        count = len(result.done)
        lines.append(f"{count} {noun}{'s' if count != 1 else ''} {verb} and recorded.")
        if result.cancelled:
            lines.append("Cancelled before the end: the remaining cases were not done.")
    lines.extend(notes)
    if result.skipped:
        lines.append("")
        lines.append(f"Skipped {len(result.skipped)}:")
        lines.extend(f"• {accession}: {reason}" for accession, reason in result.skipped)
    if result.not_recorded:
        lines.append("")
        lines.append(f"{verb.capitalize()} but NOT recorded in the print log:")
        lines.extend(f"• {accession}: {reason}" for accession, reason in result.not_recorded)
    return "\n".join(lines)
