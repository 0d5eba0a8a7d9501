"""An option given twice is refused with exit status 2 and its name, never silently overwritten.

`her2desk interpret --ihc 0 --ihc 3+` used to interpret IHC 3+. The walk below covers every option of
every `her2desk` command and sub-command as registered today, so an option added later is checked too
(and an option that is meant to repeat has to be named here on purpose).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from her2desk.cli import build_parser, main
from her2desk.cli.parser import SINGLE_VALUED_ACTIONS, Her2deskParser, _Once

BREAST = ["interpret", "--site", "breast", "--procedure", "core-needle-biopsy"]


def all_parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from all_parsers(sub, (*path, name))


PARSERS = list(all_parsers(build_parser()))
OPTIONS = [
    (path, action)
    for path, parser in PARSERS
    for action in parser._actions
    if action.option_strings and isinstance(action, SINGLE_VALUED_ACTIONS)
]
# Options that may appear more than once, or that end the program at once: none repeats a value.
MAY_REPEAT = {"-h", "--help", "--version"}


def _id(item: tuple[tuple[str, ...], argparse.Action]) -> str:
    path, action = item
    return " ".join(["her2desk", *path, action.option_strings[-1]])


def _value(action: argparse.Action) -> list[str]:
    """A value the option accepts (its first choice, a number, or text); none for a flag."""
    if action.nargs == 0:
        return []
    if action.choices:
        return [str(next(iter(action.choices)))]
    return ["1"] if action.type is int else ["x"]


def _parse(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Parse only (no command runs: nothing touches a database); (exit status or 0, standard error)."""
    try:
        build_parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0), capsys.readouterr().err
    return 0, capsys.readouterr().err


def test_the_walk_finds_every_command() -> None:
    paths = {" ".join(path) for path, _parser in PARSERS}
    expected = {"", "interpret", "import", "export", "demo", "db check", "db backup", "db upgrade",
                "handout", "users add", "users reset-password", "settings set", "settings show"}  # fmt: skip
    assert expected <= paths, paths
    assert len(OPTIONS) > 30  # every command's options, not only interpret's


def test_every_parser_is_a_her2desk_parser() -> None:
    for path, parser in PARSERS:
        assert isinstance(parser, Her2deskParser), path


def test_every_option_is_single_valued_or_known_to_repeat() -> None:
    """A new option with action='append' or 'count' must be added to MAY_REPEAT on purpose."""
    for path, parser in PARSERS:
        for action in parser._actions:
            if not action.option_strings or set(action.option_strings) & MAY_REPEAT:
                continue
            assert isinstance(action, SINGLE_VALUED_ACTIONS), (path, action.option_strings)
            assert isinstance(action, _Once), (path, action.option_strings)


@pytest.mark.parametrize("item", OPTIONS, ids=[_id(o) for o in OPTIONS])
def test_every_single_valued_option_refuses_a_second_occurrence(
    item: tuple[tuple[str, ...], argparse.Action], capsys: pytest.CaptureFixture[str]
) -> None:
    path, action = item
    option = action.option_strings[-1]
    once = [*path, option, *_value(action)]
    code, err = _parse([*once, option, *_value(action)], capsys)
    assert code == 2
    assert f"error: {option}: given more than once; give it once" in err, err
    assert "Traceback" not in err
    # The other side: given once, it is not called a repetition (the command line may still lack
    # something else, e.g. a required option, which is said in its own words).
    code, err = _parse(once, capsys)
    assert "more than once" not in err, err


@pytest.mark.parametrize(
    ("repeated", "option"),
    [
        (["--ihc", "0", "--ihc", "3+"], "--ihc"),
        (
            ["--ihc", "2+", "--her2", "3", "--her2", "5", "--ish", "dual", "--cep17", "2", "--cells", "20"],
            "--her2",
        ),
        (["--ihc", "3+", "--site", "stomach"], "--site"),
        (["--ihc", "3+", "--json", "--json"], "--json"),
    ],
)
def test_interpret_exits_2_naming_the_repeated_option(
    repeated: list[str], option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*BREAST, *repeated])
    out, err = capsys.readouterr()
    assert exit_.value.code == 2
    assert err.splitlines()[-1] == f"her2desk interpret: error: {option}: given more than once; give it once"
    assert out == ""  # nothing was interpreted


def test_two_spellings_of_one_option_are_one_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _parse(["export", "--format", "csv", "-o", "a.csv", "--output", "b.csv"], capsys)
    assert code == 2
    assert "--output: given more than once (also as -o); give it once" in err, err


def test_an_option_given_before_and_after_the_command_is_given_twice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`her2desk --database A export --database B` would silently use B."""
    code, err = _parse(["--database", "a.sqlite3", "export", "--format", "csv", "--database", "b"], capsys)
    assert code == 2
    assert "--database: given more than once; give it once" in err, err
    code, err = _parse(["--database", "a.sqlite3", "export", "--format", "csv"], capsys)
    assert code == 0
    code, err = _parse(["export", "--format", "csv", "--database", "b"], capsys)
    assert code == 0


def test_each_command_line_starts_afresh(capsys: pytest.CaptureFixture[str]) -> None:
    """What one parse saw is forgotten before the next (one parser, two command lines)."""
    parser = build_parser()
    args = parser.parse_args([*BREAST, "--ihc", "0"])
    assert args.ihc == "0"
    again = parser.parse_args([*BREAST, "--ihc", "3+"])
    assert again.ihc == "3+"
