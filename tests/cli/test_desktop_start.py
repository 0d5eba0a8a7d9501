"""A start of the desktop program is parsed by the root parser alone, with the whole parser's result.

`cli._desktop_start` skips building every sub-command's parser (~20 ms of each start-up); anything the
root parser alone does not accept is left to the whole parser, so help, errors and exit statuses stay
the whole parser's.
"""

from __future__ import annotations

import pytest

from her2desk.cli import _desktop_start, build_parser, main

DESKTOP_STARTS = [
    [],
    ["--demo"],
    ["--database", "cases.sqlite3", "--demo", "--quit-after-paint"],
    ["--database=cases.sqlite3"],
    ["--log-level", "debug", "--database", "interpret"],  # a value that happens to be a command's name
]


@pytest.mark.parametrize("argv", DESKTOP_STARTS)
def test_a_desktop_start_is_parsed_as_the_whole_parser_parses_it(argv: list[str]) -> None:
    started = _desktop_start(argv)
    assert started is not None
    _parser, args = started
    whole = build_parser().parse_args(argv)
    assert {k: v for k, v in vars(args).items() if k != "handler"} == vars(whole)
    assert getattr(_parser, "default_handler", None) is getattr(build_parser(), "default_handler", None)


@pytest.mark.parametrize(
    "argv",
    [
        ["interpret", "--site", "breast"],
        ["--demo", "export"],
        ["--help"],
        ["-h"],
        ["--demo", "--demo"],  # the whole parser refuses it, naming the option
        ["--data", "cases.sqlite3"],  # an abbreviation: the whole parser decides
        ["--log-level", "loud"],
        ["--database"],
        ["--bogus"],
    ],
)
def test_anything_else_is_left_to_the_whole_parser(argv: list[str]) -> None:
    assert _desktop_start(argv) is None


def test_a_mistake_is_reported_by_the_whole_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--demo", "--demo"])
    assert done.value.code == 2
    error = capsys.readouterr().err
    assert "--demo: given more than once; give it once" in error
    assert "COMMAND" in error  # the whole parser's usage line, with its sub-commands
