"""Char-range helpers shared by the components: skip regions and sentence lookup.

Ranges are sorted, non-overlapping ``[start, end)`` pairs stored on the Doc by the
``breach_layout`` component (``doc._.breach_skip``, ``doc._.breach_sents``).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

from spacy.tokens import Doc

#: doc.user_data key under which the tokenizer keeps the input string.
TEXT_KEY = "breach_text"


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it: spaCy joins every token on each ``doc.text``
    read (about 0.2 ms for a 1 KB page); the tokenizer keeps the input string instead."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def find_range(ranges: Sequence[Sequence[int]], pos: int) -> int:
    """Index of the range containing ``pos``, or -1.

    >>> find_range([[0, 5], [10, 20]], 12)
    1
    >>> find_range([[0, 5], [10, 20]], 7)
    -1
    """
    if not ranges:
        return -1
    i = bisect_right(ranges, [pos, float("inf")]) - 1
    if i >= 0 and ranges[i][0] <= pos < ranges[i][1]:
        return i
    return -1


def merge_ranges(ranges: list[list[int]]) -> list[list[int]]:
    """Sort and merge overlapping or touching ranges.

    >>> merge_ranges([[5, 8], [0, 2], [1, 3], [8, 9]])
    [[0, 3], [5, 9]]
    """
    out: list[list[int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def is_skipped(doc: Doc, start: int, end: int | None = None) -> bool:
    """True when ``[start, end)`` touches a skip region (embedded record, boilerplate, URL)."""
    skip = doc._.breach_skip or []
    if find_range(skip, start) >= 0:
        return True
    if end is not None and end - 1 > start:
        if find_range(skip, end - 1) >= 0:
            return True
        i = bisect_right(skip, [start, float("inf")])
        return i < len(skip) and skip[i][0] < end
    return False


def sentence_index(doc: Doc, pos: int) -> int:
    """Index into ``doc._.breach_sents`` of the prose sentence containing ``pos``, or -1."""
    return find_range(doc._.breach_sents or [], pos)


def sentence_text(doc: Doc, pos: int) -> tuple[int, str]:
    """``(sentence_start, sentence_text)`` around ``pos``; ``(-1, "")`` outside prose."""
    sents = doc._.breach_sents or []
    i = find_range(sents, pos)
    if i < 0:
        return -1, ""
    s, e = sents[i]
    return s, doc_text(doc)[s:e]

