"""The argument parser of every `her2desk` command: an option given twice is refused, never overwritten.

Plain argparse keeps the last of `--ihc 0 --ihc 3+` without a word, so a result could be interpreted
from a value the person did not mean. `Her2deskParser` gives every single-valued option (a value, or a
flag) an action that refuses a second occurrence with exit status 2, naming the option. It is the root
parser's class, and argparse makes every sub-command's parser of the same class, so an option added
later is covered without anyone remembering to. An option given both before and after the
sub-command (`her2desk --database A export --database B`) counts as given twice, too.
"""

from __future__ import annotations

import argparse
import functools
import gettext
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any

# argparse passes its own words (group titles, "show this help message and exit", error texts) through
# gettext, which searches the disk for an "argparse" catalogue every time it is asked, found or not: four
# file look-ups a word, about 75 words for the 24 parsers `her2desk` builds before it knows which command
# runs, a third of that time. A word's translation cannot change while the program runs (the locale and
# the text domain are not changed), so each is looked up once: the same words, fewer look-ups.
argparse._ = functools.cache(gettext.gettext)  # type: ignore[attr-defined]

# For the parse under way: destination -> the option string as first typed. One parse covers the
# root parser and the sub-command parsers it calls, so an option repeated across them is seen.
_given: ContextVar[dict[str, str] | None] = ContextVar("her2desk_options_given", default=None)


class _Once(argparse.Action):
    """Mixin: refuse the second occurrence of an option within one command line."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        given = _given.get()
        if given is not None and option_string is not None:
            first = given.get(self.dest)
            if first is not None:
                parser.error(repeated_message(first, option_string))
            given[self.dest] = option_string
        super().__call__(parser, namespace, values, option_string)


def repeated_message(first: str, second: str) -> str:
    """'--ihc: given more than once; give it once', in the commands' "option: message" style (both
    spellings named when they differ, e.g. -o and --output)."""
    if first == second:
        return f"{first}: given more than once; give it once"
    return f"{second}: given more than once (also as {first}); give it once"


class _StoreOnce(_Once, argparse._StoreAction):
    pass


class _StoreConstOnce(_Once, argparse._StoreConstAction):
    pass


class _StoreTrueOnce(_Once, argparse._StoreTrueAction):
    pass


class _StoreFalseOnce(_Once, argparse._StoreFalseAction):
    pass


# The single-valued actions; "append", "count", "extend", "help" and "version" may repeat or exit.
_ONCE: dict[object, type[argparse.Action]] = {
    None: _StoreOnce,
    "store": _StoreOnce,
    "store_const": _StoreConstOnce,
    "store_true": _StoreTrueOnce,
    "store_false": _StoreFalseOnce,
}
# Every action that keeps one value (store_true/store_false are store_const underneath): what the
# tests expect to refuse a repetition.
SINGLE_VALUED_ACTIONS: tuple[type[argparse.Action], ...] = (argparse._StoreAction, argparse._StoreConstAction)


class Her2deskParser(argparse.ArgumentParser):
    """ArgumentParser whose single-valued options refuse to be given twice."""

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        optional = bool(args) and all(isinstance(a, str) and a[:1] in self.prefix_chars for a in args)
        action = kwargs.get("action")
        if optional and (action is None or isinstance(action, str)) and action in _ONCE:
            kwargs["action"] = _ONCE[action]
        return super().add_argument(*args, **kwargs)

    # typeshed overloads parse_known_args for a namespace of any class; the program passes none or a Namespace
    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if _given.get() is not None:  # a sub-command's parser, inside the root parser's parse
            return super().parse_known_args(args, namespace)
        token = _given.set({})
        try:
            return super().parse_known_args(args, namespace)
        finally:
            _given.reset(token)
