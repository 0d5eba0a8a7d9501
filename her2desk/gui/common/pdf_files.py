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

from her2desk.gui.common.domain_text import say, say_all
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from her2desk.domain.workflow import WorkflowError

Document = TypeVar("Document")  # a prepared handout or report

CONTEXT = "PdfFiles"
# The first line of a run's summary, by (verb, noun) and singular/plural: whole sentences, so each
# language can say them its own way (Spanish agrees the participle with the noun).
_COUNTS: dict[tuple[str, str], tuple[str, str]] = {
    ("printed", "handout"): (
        QT_TRANSLATE_NOOP("PdfFiles", "{count} handout printed and recorded."),
        QT_TRANSLATE_NOOP("PdfFiles", "{count} handouts printed and recorded."),
    ),
    ("saved", "handout"): (
        QT_TRANSLATE_NOOP("PdfFiles", "{count} handout saved and recorded."),
        QT_TRANSLATE_NOOP("PdfFiles", "{count} handouts saved and recorded."),
    ),
    ("printed", "report"): (
        QT_TRANSLATE_NOOP("PdfFiles", "{count} report printed and recorded."),
        QT_TRANSLATE_NOOP("PdfFiles", "{count} reports printed and recorded."),
    ),
    ("saved", "report"): (
        QT_TRANSLATE_NOOP("PdfFiles", "{count} report saved and recorded."),
        QT_TRANSLATE_NOOP("PdfFiles", "{count} reports saved and recorded."),
    ),
}
_NOTHING = {
    "printed": QT_TRANSLATE_NOOP("PdfFiles", "Nothing was printed: {error}."),
    "saved": QT_TRANSLATE_NOOP("PdfFiles", "Nothing was saved: {error}."),
}
_CANCELLED_NOTHING = {
    "printed": QT_TRANSLATE_NOOP("PdfFiles", "Cancelled: nothing was printed and nothing was recorded."),
    "saved": QT_TRANSLATE_NOOP("PdfFiles", "Cancelled: nothing was saved and nothing was recorded."),
}
_NOT_RECORDED = {
    "printed": QT_TRANSLATE_NOOP("PdfFiles", "Printed but NOT recorded in the print log:"),
    "saved": QT_TRANSLATE_NOOP("PdfFiles", "Saved but NOT recorded in the print log:"),
}


def refusal_reasons(error: Exception, refused: type[Exception]) -> str:
    """Why a document was refused or failed, in the interface's language (a refusal's reasons said)."""
    if isinstance(error, refused):
        return say_all(getattr(error, "reasons", []) or [str(error)])
    return say(error.args[0]) if len(error.args) == 1 and isinstance(error.args[0], str) else str(error)


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
        result.not_recorded.append((accession, say_all(error.reasons)))
    except Exception as error:  # the database failed: the paper exists, so say it was not logged
        reason = translate("PdfFiles", "the print log could not be written: {reason}").format(reason=error)
        result.not_recorded.append((accession, reason))
    else:
        result.done.append(prepared)


def run_progress(parent: QWidget, title: str, accessible_name: str, count: int) -> QProgressDialog:
    """The window-modal progress dialog of a run of `count` cases; it stays up until the run closes it."""
    progress = QProgressDialog(title, translate("PdfFiles", "Cancel"), 0, count, parent)
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
        return False, translate(
            "PdfFiles", "Not saved: cannot write {path}: {reason}. Nothing was recorded."
        ).format(path=path, reason=error.strerror or error)
    try:
        record()
    except Exception as error:  # the file exists; say plainly that it was not logged
        return False, translate(
            "PdfFiles", "Saved to {path}, but NOT recorded in the print log: {reasons}"
        ).format(path=path, reasons=refusal_reasons(error, refused))
    return True, translate("PdfFiles", "Saved to {path} and recorded (SHA-256 {digest}…).").format(
        path=path, digest=sha256[:16]
    )


def summary_text(result: BatchResult[Document], verb: str, noun: str, notes: Sequence[str] = ()) -> str:
    """The end of a run in words: how many `noun`s, `notes` (lines about the documents done), which were
    skipped and why, anything not logged."""
    lines: list[str] = []
    if result.error:
        lines.append(translate(CONTEXT, _NOTHING[verb]).format(error=result.error))
    elif result.cancelled and not result.done:
        lines.append(translate(CONTEXT, _CANCELLED_NOTHING[verb]))
    else:
        count = len(result.done)
        one, many = _COUNTS[verb, noun]
        lines.append(translate(CONTEXT, one if count == 1 else many).format(count=count))
        if result.cancelled:
            lines.append(
                translate("PdfFiles", "Cancelled before the end: the remaining cases were not done.")
            )
    lines.extend(notes)
    if result.skipped:
        lines.append("")
        lines.append(translate("PdfFiles", "Skipped {count}:").format(count=len(result.skipped)))
        lines.extend(f"• {accession}: {reason}" for accession, reason in result.skipped)
    if result.not_recorded:
        lines.append("")
        lines.append(translate(CONTEXT, _NOT_RECORDED[verb]))
        lines.extend(f"• {accession}: {reason}" for accession, reason in result.not_recorded)
    return "\n".join(lines)
