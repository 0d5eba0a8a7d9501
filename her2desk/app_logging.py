"""The program's log file: where it is, how it rotates, and what may never be written to it.

Support needs to know what the program did when something went wrong; the log must never hold patient
data, because it is an ordinary file in the user's folder, copied around and sent by e-mail. So:

* The file is `her2desk.log` in the platform's user log folder (`platformdirs.user_log_dir`), or in
  `$HER2DESK_LOG_DIR` when set (tests and labs redirect it). It rotates at 1 MB, keeping 5 older files
  (`her2desk.log.1` ... `.5`), UTF-8, one line per record with its time, level and logger.
* Only her2desk's own loggers write below WARNING; every other library reaches the file only with a
  warning or worse (a filter on the file's handler). Above all SQLAlchemy: its engine logging
  (`echo=True`, or its logger at INFO/DEBUG) writes the statements with their parameters, which are
  patient names, MRNs and dates of birth. The SQLAlchemy and Alembic loggers are also set to WARNING.
* her2desk's own log calls name commands, database kinds (never a URL: it may hold a password), user
  names (staff, not patients) and counts; never a patient's name, MRN, date of birth or accession
  number. `tests/test_app_logging.py` runs a session with a synthetic patient at DEBUG level and
  searches the whole file for them.
* An exception's message is never written: it is where patient data would slip in (a ValueError
  quoting the field it refused, a database error quoting the row). The log keeps the exception's type,
  its chain and every traceback frame (file, line, function and source line: program text, not data),
  and replaces each message by its length ("<message withheld: 42 characters>"). This holds for
  her2desk's own error classes too, since several of them quote an accession number. The message is
  still shown on the workstation's screen, where the patient's record is shown anyway
  (`gui.common.crash_dialog`).

No Qt here: the command line sets the log up too (`cli.main`).

The desktop program opens the file only after its first paint (`configure_deferred`, then
`open_deferred`). Until then its records wait in memory, filtered as the file will filter them; they are
written to the file, in order, when it opens, or at once when anyone asks where the log is
(`current_path`: a crash report is about to name it), and at the latest by `shutdown`. The rotation is
`RotatingFile`, logging.handlers.RotatingFileHandler's rule on `logging`'s own FileHandler: the module
logging.handlers imports socket, pickle and queue, ~10 ms of every command for one class.
"""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path
from types import TracebackType

ENV_VAR = "HER2DESK_LOG_DIR"
FILE_NAME = "her2desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}
DEFAULT_LEVEL = "info"
# Libraries whose records below WARNING could carry statement parameters (patient data).
QUIET_LIBRARIES = ("sqlalchemy", "alembic")
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

log = logging.getLogger("her2desk")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_dir() -> Path:
    """The folder of the log file: $HER2DESK_LOG_DIR, else the platform's user log folder."""
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_log_dir

    return Path(user_log_dir("her2desk", appauthor=False))


def log_path() -> Path:
    """Where the log is written (whether or not it exists yet)."""
    return log_dir() / FILE_NAME


def withheld(message: str) -> str:
    return f"<message withheld: {len(message)} characters>"


def safe_traceback(error: BaseException) -> str:
    """The traceback as Python prints it, with every exception message of the chain withheld."""
    lines: list[str] = []
    seen: set[int] = set()

    def add(current: BaseException) -> None:
        seen.add(id(current))
        if current.__cause__ is not None and id(current.__cause__) not in seen:
            add(current.__cause__)
            lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
        elif (
            current.__context__ is not None
            and not current.__suppress_context__
            and id(current.__context__) not in seen
        ):
            add(current.__context__)
            lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
        if current.__traceback__ is not None:
            lines.append("Traceback (most recent call last):\n")
            lines.extend(traceback.format_tb(current.__traceback__))
        kind = type(current)
        lines.append(f"{kind.__module__}.{kind.__qualname__}: {withheld(str(current))}\n")

    add(error)
    return "".join(lines).rstrip("\n")


class PatientSafeFormatter(logging.Formatter):
    """Formats tracebacks with `safe_traceback`: the frames, never an exception's message. The text
    another handler cached on the record (`exc_text`, with the messages) is set aside, not reused."""

    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: ExcInfo | tuple[None, None, None]) -> str:  # noqa: N802 (logging's name)
        error = ei[1]
        return safe_traceback(error) if error is not None else ""


class QuietLibraries(logging.Filter):
    """Lets her2desk's records through at any level, other libraries' only from WARNING up (keeps
    SQLAlchemy's statements and their parameters out, even with echo=True)."""

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name == "her2desk" or record.name.startswith("her2desk.")
        return own or record.levelno >= logging.WARNING


class RotatingFile(logging.FileHandler):
    """A log file that rotates before a record would take it to `max_bytes`, keeping `backup_count`
    older files (`.1` the newest): logging.handlers.RotatingFileHandler's rule and file names."""

    def __init__(self, path: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes = max_bytes
        self.backup_count = backup_count

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_with(record):
                self._rotate()
            super().emit(record)
        except Exception:
            self.handleError(record)

    def _full_with(self, record: logging.LogRecord) -> bool:
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False  # never rotate a device (/dev/null) or anything but a regular file
        if self.max_bytes <= 0:
            return False
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, 2)
        return self.stream.tell() + len(self.format(record) + "\n") >= self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        if self.backup_count > 0:
            for number in range(self.backup_count - 1, 0, -1):
                older, oldest = f"{self.baseFilename}.{number}", f"{self.baseFilename}.{number + 1}"
                if os.path.exists(older):
                    if os.path.exists(oldest):
                        os.remove(oldest)
                    os.rename(older, oldest)
            first = f"{self.baseFilename}.1"
            if os.path.exists(first):
                os.remove(first)
            os.rename(self.baseFilename, first)
        self.stream = self._open()


_ours: list[logging.Handler] = []  # the handler `configure` or `configure_deferred` added, if any


class _Pending(logging.Handler):
    """The records logged before the file is opened, kept to be written to it once it is."""

    def __init__(self, level: str, directory: Path | None) -> None:
        super().__init__(LEVELS[level])
        self.level_name = level
        self.directory = directory
        self.records: list[logging.LogRecord] = []
        self.forward: logging.Handler | None = None  # the file, once open (records on their way then)
        self.addFilter(QuietLibraries())

    def emit(self, record: logging.LogRecord) -> None:  # called with self.lock held (Handler.handle)
        if self.forward is not None:
            self.forward.handle(record)
        else:
            self.records.append(record)

    def hand_over(self, handler: logging.Handler) -> list[logging.LogRecord]:
        """From now on pass records to `handler`; the ones kept so far."""
        self.acquire()
        try:
            records, self.records, self.forward = self.records, [], handler
        finally:
            self.release()
        return records


def configure(
    level: str = DEFAULT_LEVEL,
    *,
    directory: Path | None = None,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> Path | None:
    """Write her2desk's log to the rotating file at `level` (one of LEVELS); the file's path, or None
    when the folder cannot be written (the program runs on without a log file, never fails for it).
    Calling it again replaces the earlier set-up; records waiting for a deferred file go to this one."""
    # A deferred set-up keeps collecting (other threads may log) until the file takes over below.
    pending = next((h for h in _ours if isinstance(h, _Pending)), None)
    _close(keep=pending)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    folder = directory if directory is not None else log_dir()
    path = folder / FILE_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFile(path, max_bytes, backup_count)
    except OSError:
        _close()  # records kept for it are dropped with it: there is nowhere to write them
        return None
    handler.setLevel(LEVELS[level])
    handler.setFormatter(PatientSafeFormatter(FORMAT))
    handler.addFilter(QuietLibraries())
    if pending is not None:
        for record in pending.hand_over(handler):
            handler.handle(record)
    # On the root logger, so a library's warning reaches the file too; the root's own level is left as
    # it is (WARNING), so other libraries do not start producing records for it.
    logging.getLogger().addHandler(handler)
    _ours.append(handler)
    if pending is not None:
        _close(only=pending)  # a record passing just now may be written twice, never lost
    log.setLevel(LEVELS[level])
    return path


def configure_deferred(level: str = DEFAULT_LEVEL, *, directory: Path | None = None) -> None:
    """As `configure`, but the file is opened later (`open_deferred`); records are kept until then."""
    _close()
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    pending = _Pending(level, directory)
    logging.getLogger().addHandler(pending)
    _ours.append(pending)
    log.setLevel(LEVELS[level])


def open_deferred() -> Path | None:
    """Open the file `configure_deferred` postponed and write the records kept so far; the file's
    path (None if it cannot be written, or if nothing was deferred and no file is open)."""
    pending = next((h for h in _ours if isinstance(h, _Pending)), None)
    if pending is None:
        return _file_path()
    return configure(pending.level_name, directory=pending.directory)


def _file_path() -> Path | None:
    for handler in _ours:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None


def current_path() -> Path | None:
    """The file the log is written to now, if any; a deferred file is opened first (the caller is about
    to tell someone where the log is, and it must hold what it was told)."""
    return open_deferred()


def shutdown() -> None:
    """Flush and close the log file (the end of a command, or before `configure` again); records still
    waiting for a deferred file are written to it first."""
    open_deferred()
    _close()


def _close(*, keep: logging.Handler | None = None, only: logging.Handler | None = None) -> None:
    """Remove and close the handlers we added (all but `keep`; or just `only`)."""
    root = logging.getLogger()
    for handler in list(_ours):
        if handler is keep or (only is not None and handler is not only):
            continue
        root.removeHandler(handler)
        _ours.remove(handler)
        handler.close()
    if keep is None and only is None:
        log.setLevel(logging.NOTSET)


def database_kind(url: str | None) -> str:
    """'sqlite' or 'postgresql' (the URL's scheme without its driver): what the log says about the
    database. Never the URL itself, which may hold a password (and a file name)."""
    chosen = url or os.environ.get("HER2DESK_DATABASE_URL") or ""
    if "://" not in chosen:
        return "sqlite"
    scheme = chosen.split("://", 1)[0].split("+", 1)[0].lower()
    return "postgresql" if scheme in ("postgresql", "postgres") else scheme
