"""Paragraphs whose parsing and line breaking are remembered from one handout to the next.

Most of a handout is the same sentences on every page (one language, a few result variants), yet
reportlab parses each paragraph's markup and breaks it into lines anew for every document, and more
than once per document (a table measures its cells, KeepTogether measures its content). Both results
depend only on (markup, style, bullet) and the width offered, so they are computed once per process
and shared: a `RememberedParagraph` holds exactly the fragments and lines a fresh `Paragraph` would
compute, so the page is the same (tests/handout/test_handout_speed.py compares them).

Shared structures are only read while drawing (left-to-right text; reportlab's RTL drawing reverses
lines in place, so a right-to-left style is never remembered). Rendering stays thread-safe: the caches
are guarded by a lock, and a cached value is never changed after it is stored.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

# What Paragraph.wrap sets on the paragraph (checked by a test against the installed reportlab).
WRAP_STATE = (
    "width",
    "height",
    "blPara",
    "_wrapWidths",
    "_width_max",
    "_splitLongWordCount",
    "_hyphenations",
)
_MISSING = object()


class LruCache:
    """A small thread-safe least-recently-used map: per-case texts (names, the footer) come and go,
    the shared sentences stay."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> Any:
        with self._lock:
            value = self._items.get(key, _MISSING)
            if value is _MISSING:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._items)


PARSED = LruCache(1024)  # (markup, style, bullet) -> (style, frags, bullet) as the parser left them
WRAPPED = LruCache(2048)  # (markup, style, bullet, width) -> the attributes wrap() set


class RememberedParagraph(Paragraph):
    """A Paragraph that reuses the parse and the line breaks of an identical earlier one."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,  # noqa: N803 - reportlab's own keyword (split() passes it)
        frags: list | None = None,
        **extra: Any,
    ) -> None:
        if frags is not None or extra or text is None or style.wordWrap in ("RTL", "LTR"):
            # A split half (reportlab passes the fragments), or anything unusual: plain behaviour.
            self._memo_key: tuple | None = None
            # reportlab's own split() passes text=None with the fragments; its stubs say str.
            super().__init__(text, style, bulletText, frags, **extra)  # type: ignore[arg-type]
            return
        key = (text, style, bulletText)
        self._memo_key = key
        parsed = PARSED.get(key)
        if parsed is None:
            super().__init__(text, style, bulletText)
            PARSED.put(key, (self.style, self.frags, self.bulletText))
        else:
            parsed_style, parsed_frags, parsed_bullet = parsed
            super().__init__(text, parsed_style, parsed_bullet, frags=parsed_frags)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        key = self._memo_key
        if key is None:
            return super().wrap(availWidth, availHeight)
        wrap_key = (*key, availWidth)
        state = WRAPPED.get(wrap_key)
        if state is None:
            size = super().wrap(availWidth, availHeight)
            if hasattr(self, "blPara"):  # a width too narrow to wrap at all sets nothing
                WRAPPED.put(wrap_key, tuple(getattr(self, name, _MISSING) for name in WRAP_STATE))
            return size
        for name, value in zip(WRAP_STATE, state, strict=True):
            if value is not _MISSING:
                setattr(self, name, value)
        return self.width, self.height
