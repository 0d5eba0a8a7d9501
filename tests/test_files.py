"""her2desk.files: private (0600), exclusive, atomic writes and the cleaning of killed runs' leftovers.

Real files in tmp_path; the lock a running writer holds is a real flock taken through a second open
file description (which conflicts exactly like another process's).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from her2desk.files import (
    PRIVATE_FILE_MODE,
    create_private_file,
    private_folder,
    private_temp,
    private_text,
    remove_leftovers,
    write_private_bytes,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and flock")


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The widest umask: the modes below must not depend on the user's."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".part", "-journal")))


@posix_only
def test_written_files_are_private_whatever_the_umask(tmp_path: Path, loose_umask: None) -> None:
    write_private_bytes(tmp_path / "a.pdf", b"%PDF-1.4 synthetic")
    with private_text(tmp_path / "b.csv") as stream:
        stream.write("accession\nS26-1\n")
    assert create_private_file(tmp_path / "c.sqlite3") is True
    for name in ("a.pdf", "b.csv", "c.sqlite3"):
        assert _mode(tmp_path / name) == PRIVATE_FILE_MODE, name
    assert (tmp_path / "b.csv").read_text(encoding="utf-8") == "accession\nS26-1\n"
    assert _leftovers(tmp_path) == []


@posix_only
def test_replacing_a_readable_file_leaves_a_private_one(tmp_path: Path) -> None:
    target = tmp_path / "cases.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o644)
    write_private_bytes(target, b"new")
    assert (target.read_bytes(), _mode(target)) == (b"new", PRIVATE_FILE_MODE)


def test_a_failure_leaves_the_target_as_it_was_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "cases.csv"
    target.write_text("the good copy", encoding="utf-8")

    def fail_half_way() -> None:
        with private_text(target) as stream:
            stream.write("half")
            raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError, match="disk gone"):
        fail_half_way()
    assert target.read_text(encoding="utf-8") == "the good copy"
    assert _leftovers(tmp_path) == []


def test_overwrite_false_refuses_an_existing_target_and_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "backup.sqlite3"
    target.write_bytes(b"keep")
    with pytest.raises(FileExistsError, match="already exists"):
        write_private_bytes(target, b"new", overwrite=False)
    assert target.read_bytes() == b"keep"
    # ... also when the target appears while the file is being written (another backup won the race).
    other = tmp_path / "race.sqlite3"

    def lose_the_race() -> None:
        with private_temp(other, overwrite=False) as temp:
            os.write(temp.fd, b"mine")
            other.write_bytes(b"theirs")

    with pytest.raises(FileExistsError, match="already exists"):
        lose_the_race()
    assert other.read_bytes() == b"theirs"
    assert _leftovers(tmp_path) == []


def test_folders_are_not_created_and_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        write_private_bytes(tmp_path / "missing" / "a.pdf", b"x")
    with pytest.raises(IsADirectoryError, match="is a folder"):
        write_private_bytes(tmp_path, b"x")
    assert not (tmp_path / "missing").exists()


@posix_only
def test_a_link_at_the_database_name_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    (tmp_path / "new.sqlite3").symlink_to(victim)
    assert create_private_file(tmp_path / "new.sqlite3") is False
    assert victim.read_text(encoding="utf-8") == "untouched"


@posix_only
def test_leftovers_of_killed_runs_are_removed_and_running_writers_left_alone(tmp_path: Path) -> None:
    import fcntl

    dead = tmp_path / ".her2desk-abc123-backup.sqlite3.part"
    dead.write_bytes(b"x" * 4096)
    Path(f"{dead}-journal").write_bytes(b"j")
    running = tmp_path / ".her2desk-def456-handout.pdf.part"
    running.write_bytes(b"y")
    holder = os.open(running, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    victim = tmp_path / "victim.txt"
    victim.write_text("untouched", encoding="utf-8")
    planted = tmp_path / ".her2desk-zzz-link.part"
    planted.symlink_to(victim)
    theirs = tmp_path / "notes.part"  # not a name her2desk makes
    theirs.write_text("user's", encoding="utf-8")
    try:
        assert remove_leftovers(tmp_path) == [dead]
        assert not dead.exists()
        assert not Path(f"{dead}-journal").exists()
        assert running.exists()
        assert planted.is_symlink()
        assert theirs.exists()
        assert victim.read_text(encoding="utf-8") == "untouched"
    finally:
        os.close(holder)
    assert remove_leftovers(tmp_path) == [running]  # its writer is gone now


@posix_only
def test_the_first_write_into_a_folder_cleans_it(tmp_path: Path) -> None:
    dead = tmp_path / ".her2desk-abc123-old.pdf.part"
    dead.write_bytes(b"x")
    write_private_bytes(tmp_path / "new.pdf", b"%PDF")
    assert not dead.exists()


@posix_only
def test_her2desks_own_folder_is_made_private(tmp_path: Path, loose_umask: None) -> None:
    fresh = tmp_path / "data" / "her2desk"
    private_folder(fresh)
    assert _mode(fresh) == 0o700
    older = tmp_path / "older"
    older.mkdir(mode=0o755)
    private_folder(older)  # a folder an earlier version made world-readable
    assert _mode(older) == 0o700
