"""Files that hold patient data, written privately, completely or not at all, never through a planted link.

The database, its backups, exports and handouts all go through here, so they share one set of rules:

* A new file is first created under a random temporary name in the target's own folder, with
  O_CREAT|O_EXCL (`tempfile.mkstemp`): a name someone could predict and plant a symbolic link at
  (`out.pdf.part` -> a victim file) is never used, and an existing path is never followed or reused.
* It is created with mode 0600 (owner read/write only) whatever the umask, and the rename keeps the
  mode, so the finished file is 0600 too. The folder her2desk creates for its own data is 0700.
* It becomes the target by a rename once complete and flushed to disk (`os.replace`, or a hard link
  when an existing file must not be replaced), so a crash leaves the old file or the new one under the
  real name, never half a file.
* While it is written the temporary file holds an exclusive `flock`. A run that was killed leaves its
  temporary file behind without a lock, and the next write into the same folder removes such leftovers
  (`.her2desk-*.part`, with the `-journal` SQLite may have left beside a backup); a file another
  running writer still holds is left alone.

Windows has no POSIX modes: a new file gets the access-control list of its folder (the user data
folder, %LOCALAPPDATA%, is private to the user by default; a shared folder is as private as its ACL).
A file that is open there cannot be deleted, which takes the place of the lock when leftovers are
cleaned, and the temporary file is closed before it is renamed (Windows cannot rename an open file).

Standard library only: used by the store, the exchange formats and the handout alike.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

try:  # POSIX
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]  # no fcntl on Windows; its users check for None

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700
TEMP_PREFIX = ".her2desk-"
TEMP_SUFFIX = ".part"
# Files SQLite may create beside a database it writes (the temporary copy of a backup).
SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_cleaned: set[Path] = set()


class PrivateTemp:
    """A new, empty, private file beside the target (see `private_temp`): its path and an open descriptor."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self.fd = fd


def _lock(fd: int, wait: bool) -> bool:
    """Take the exclusive lock on `fd`; False if another process holds it (only when not waiting)."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.lstat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _new_temp(folder: Path, target_name: str) -> PrivateTemp:
    """mkstemp (O_EXCL, 0600) and lock it; if a cleaner removed it before the lock was taken, again."""
    import tempfile  # here: the start-up path imports this module, and needs no temporary files

    while True:
        suffix = f"-{target_name[:40]}{TEMP_SUFFIX}"
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=folder)
        _lock(fd, wait=True)
        path = Path(name)
        if _same_file(fd, path):
            if hasattr(os, "fchmod"):
                os.fchmod(fd, PRIVATE_FILE_MODE)  # mkstemp's mode already; said again, whatever the platform
            return PrivateTemp(path, fd)
        os.close(fd)  # removed as a leftover in the instant before the lock: take a new name


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files that killed runs left in `folder`; returns what was removed.

    Only regular files named `.her2desk-*.part` that no running writer holds are removed (with the
    SQLite side files beside them); anything that cannot be opened or locked is left alone.
    """
    removed: list[Path] = []
    try:
        candidates = sorted(folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for path in candidates:
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                continue  # a link or a folder with our name was not made by us
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
        except OSError:
            continue
        try:
            if not _lock(fd, wait=False) or not _same_file(fd, path):
                continue
            if fcntl is None:
                os.close(fd)  # Windows: an open file cannot be deleted; a writer's open file fails below
                fd = -1
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
            for side in SQLITE_SIDE_FILES:
                Path(f"{path}{side}").unlink(missing_ok=True)
        finally:
            if fd >= 0:
                os.close(fd)
    return removed


def _clean_once(folder: Path) -> None:
    """Leftovers are looked for once per folder per process: a batch of thousands scans the folder once."""
    key = folder.resolve()
    if key not in _cleaned:
        _cleaned.add(key)
        remove_leftovers(folder)


def _commit(temp: PrivateTemp, target: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp.path, target)
        return
    try:
        os.link(temp.path, target)  # fails if the target exists, atomically
    except FileExistsError:
        raise FileExistsError(f"{target} already exists; choose a new file name") from None
    except OSError:  # a file system without hard links: check, then rename
        if target.exists():
            raise FileExistsError(f"{target} already exists; choose a new file name") from None
        os.replace(temp.path, target)
        return
    temp.path.unlink()


@contextlib.contextmanager
def private_temp(target: Path, *, overwrite: bool = True) -> Iterator[PrivateTemp]:
    """A new private file beside `target` that becomes `target` when the block ends without an error.

    The caller writes into `temp.fd` or `temp.path` (another process, such as SQLite or pg_dump, may
    write through the path or a copy of the descriptor). On an error, or if `overwrite` is False and
    `target` exists (FileExistsError), the temporary file is removed and `target` is left as it was.
    The folder must exist: a mistyped path is an error, not a new folder.
    """
    target = Path(target)
    folder = target.parent
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a folder; give a file name")
    if not folder.is_dir():
        raise FileNotFoundError(f"folder {folder} does not exist")
    if not overwrite and target.exists():
        raise FileExistsError(f"{target} already exists; choose a new file name")
    _clean_once(folder)
    temp = _new_temp(folder, target.name)
    try:
        yield temp
        os.fsync(temp.fd)
        if fcntl is None:
            os.close(temp.fd)
            temp.fd = -1
        _commit(temp, target, overwrite)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.path.unlink()
        for side in SQLITE_SIDE_FILES:
            with contextlib.suppress(OSError):
                Path(f"{temp.path}{side}").unlink()
        raise
    finally:
        if temp.fd >= 0:
            os.close(temp.fd)


def write_private_bytes(target: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write `data` as `target`: private, complete or not at all (see the module docstring)."""
    with private_temp(target, overwrite=overwrite) as temp:
        view = memoryview(data)
        while view:
            view = view[os.write(temp.fd, view) :]


@contextlib.contextmanager
def private_text(target: Path, *, encoding: str = "utf-8", newline: str = "") -> Iterator[IO[str]]:
    """A text stream whose contents become `target` when the block ends without an error."""
    # A duplicate descriptor: closing the stream must not close the one that holds the lock.
    with (
        private_temp(target) as temp,
        os.fdopen(os.dup(temp.fd), "w", encoding=encoding, newline=newline) as stream,
    ):
        yield stream


def create_private_file(path: Path) -> bool:
    """Create `path` empty with mode 0600 unless something is already there (then False).

    For a new SQLite database: SQLite gives its -wal and -shm files the mode of the database file, so
    the whole database is private. O_EXCL never follows a link planted at the name.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def private_folder(folder: Path) -> None:
    """Create her2desk's own data folder with mode 0700, or tighten it to 0700 if it is ours and wider.

    Only for a folder that belongs to her2desk (the user data folder): a folder the user chose keeps
    the permissions they gave it.
    """
    folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    if sys.platform == "win32" or not hasattr(os, "getuid"):
        return
    info = folder.stat()
    if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
        folder.chmod(PRIVATE_FOLDER_MODE)
