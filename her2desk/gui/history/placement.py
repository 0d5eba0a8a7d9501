"""Where the time line's date labels go so that no two of them overlap, at any width.

Specimens taken days apart sit a few pixels apart on a years-long axis, so their labels cannot
all sit centred under their points. The labels are dealt, in time order, onto as few rows as
needed (neighbours alternate rows), and within a row a label that would overlap its neighbour is
pushed sideways together with it, the pair centred on their points (a leader line then joins each
label to its point). Pure arithmetic on widths, so it is tested without painting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

GAP = 8.0  # pixels kept free between two labels of one row


@dataclass(frozen=True)
class Placed:
    """One label's left edge and row (0 = nearest the axis)."""

    left: float
    row: int


@dataclass
class _Cluster:
    items: list[int]
    offsets: list[float]
    width: float
    left: float


def _pack_row(wanted: Sequence[tuple[float, float]], low: float, high: float) -> list[float] | None:
    """Left edges for labels (centre, width) in centre order within [low, high], or None if they do
    not fit side by side. Overlapping neighbours merge into a block centred on their mean wish."""
    if sum(w for _c, w in wanted) + GAP * max(len(wanted) - 1, 0) > high - low:
        return None
    clusters: list[_Cluster] = []
    for index, (centre, width) in enumerate(wanted):
        clusters.append(_Cluster([index], [0.0], width, _clamp(centre - width / 2, low, high - width)))
        while len(clusters) > 1 and clusters[-2].left + clusters[-2].width + GAP > clusters[-1].left:
            last, before = clusters.pop(), clusters.pop()
            shift = before.width + GAP
            items = before.items + last.items
            offsets = before.offsets + [shift + o for o in last.offsets]
            width = shift + last.width
            wish = sum(wanted[i][0] - wanted[i][1] / 2 - o for i, o in zip(items, offsets, strict=True))
            clusters.append(_Cluster(items, offsets, width, _clamp(wish / len(items), low, high - width)))
    lefts = [0.0] * len(wanted)
    for cluster in clusters:
        for item, offset in zip(cluster.items, cluster.offsets, strict=True):
            lefts[item] = cluster.left + offset
    return lefts


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(value, high))


def place_labels(
    wanted: Sequence[tuple[float, float]], low: float, high: float, max_rows: int
) -> list[Placed | None]:
    """For labels given as (point's x, label width), in any order: where each goes, or None for a
    label that does not fit even on `max_rows` rows (its point and tooltip still show it).

    Every placed label lies within [low, high] and no two of one row come closer than GAP."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i][0])
    result: list[Placed | None] = [None] * len(wanted)
    if not wanted:
        return result
    for rows in range(1, max_rows + 1):
        dealt = [order[r::rows] for r in range(rows)]
        packed = [_pack_row([wanted[i] for i in row], low, high) for row in dealt]
        if all(lefts is not None for lefts in packed):
            for r, (row, lefts) in enumerate(zip(dealt, packed, strict=True)):
                assert lefts is not None
                for i, left in zip(row, lefts, strict=True):
                    result[i] = Placed(left, r)
            return result
    # Too many for the width: fill the rows greedily in time order and leave the rest unlabelled.
    rows_used: list[list[int]] = [[] for _ in range(max_rows)]
    for i in order:
        for row in rows_used:
            if _pack_row([wanted[k] for k in [*row, i]], low, high) is not None:
                row.append(i)
                break
    for r, row in enumerate(rows_used):
        lefts = _pack_row([wanted[k] for k in row], low, high)
        assert lefts is not None
        for i, left in zip(row, lefts, strict=True):
            result[i] = Placed(left, r)
    return result
