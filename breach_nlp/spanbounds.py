"""``skip_end``: where the skip ranges of a page end, so that the spans after it need no
``textspans.touches`` test (speed only; owner: the dates / data-types helper).

``touches(skip, start, end)`` bisects ``skip`` up to three times (a list made per call);
most pages keep their skip ranges (boilerplate, embedded records) in a few places, and
most mentions lie after the last of them.
"""

from __future__ import annotations

from typing import Sequence


def skip_end(skip: Sequence[Sequence[int]]) -> int | None:
    """The end of the last range when ``skip`` is sorted, disjoint and its ranges non-empty
    (then ``touches(skip, s, e)`` is False for every ``s >= skip_end(skip)``: no range
    holds ``s`` or ``e - 1``, and none starts at or after ``s``); None otherwise (and for
    no ranges), when ``touches`` must decide.

    >>> skip_end([[0, 5], [10, 20]]), skip_end([[10, 20], [0, 5]]), skip_end([])
    (20, None, None)
    """
    prev = None
    for a, b in skip:
        if not a < b or (prev is not None and prev > a):
            return None
        prev = b
    return prev
