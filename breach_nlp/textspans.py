"""Char-range helpers shared by the components: skip regions and sentence lookup.

Ranges are sorted, non-overlapping ``[start, end)`` pairs stored on the Doc by the
``breach_layout`` component (``doc._.breach_skip``, ``doc._.breach_sents``).
"""

from __future__ import annotations

import re
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


#: doc.user_data key of the lower-cased input (see doc_lower).
LOWER_KEY = "breach_lower"


def doc_lower(doc: Doc) -> str:
    """``doc_text(doc).lower()``, computed once per document for every component."""
    low = doc.user_data.get(LOWER_KEY)
    if low is None:
        low = doc.user_data[LOWER_KEY] = doc_text(doc).lower()
    return low


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
    return touches(doc._.breach_skip or [], start, end)


def touches(skip: Sequence[Sequence[int]], start: int, end: int | None = None) -> bool:
    """``is_skipped`` on the list ``doc._.breach_skip`` read once (a ``doc._`` read costs
    more than the test): True when ``[start, end)`` touches one of the ranges.

    >>> touches([[0, 5], [10, 20]], 6, 11), touches([[0, 5], [10, 20]], 6, 10)
    (True, False)

    Nothing at or after the end of the last range touches one (the ranges are sorted, as
    the bisects need): most mentions lie there, past a page's few skip ranges.
    """
    if not skip or start >= skip[-1][1]:
        return False
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


_INLINE_FLAGS = re.compile(r"\(\?[-aiLmsux]")


def lowered_regex(rx: "re.Pattern[str]") -> "re.Pattern[str] | None":
    """``rx`` without IGNORECASE, to run on lower-cased text (``re`` matches literal
    alternatives much faster case-sensitively), or None when that is not safe: the
    pattern must be ASCII without upper-case letters (group syntax ``(?P<``/``(?P=``
    aside), so no ``\\S``, ``\\W``, ``\\B`` or ``[A-Z]``, and without inline flags
    (``(?-i:may)``). On a text for which ``lowered_ok`` holds it finds exactly the
    matches ``rx`` finds on the text.

    >>> bool(lowered_regex(re.compile(r"\\bshould\\b", re.I)).flags & re.I)
    False
    >>> lowered_regex(re.compile(r"\\bHIPAA\\b", re.I)), lowered_regex(re.compile(r"(?-i:may)", re.I))
    (None, None)
    """
    src = rx.pattern.replace("(?P<", "").replace("(?P=", "")
    if not (src.isascii() and src == src.lower()) or _INLINE_FLAGS.search(src):
        return None
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


def lowered_ok(text: str, low: str) -> bool:
    """Is ``low`` (``text.lower()``) a faithful stand-in for ``text`` under IGNORECASE?
    Yes when lower-casing kept every offset and the text has no dotless ``ı`` or long
    ``ſ`` (the only characters IGNORECASE also folds onto ASCII letters, ``i``/``s``,
    that lower-casing leaves alone)."""
    return len(low) == len(text) and "\u0131" not in low and "\u017f" not in low


def touching(skip: Sequence[Sequence[int]], spans: Sequence[Sequence[int]]) -> list[bool] | None:
    """``[touches(skip, ss, se) for ss, se in spans]`` in one sweep, for sorted disjoint
    non-empty skip ranges and spans sorted by start (else None). For such ranges
    ``touches`` tells whether one of them meets ``[ss, se)``: the first range that ends
    after ``ss`` starts before ``se``.

    >>> touching([[0, 5], [10, 20]], [[6, 11], [6, 10], [12, 13]])
    [True, False, True]
    """
    prev = None
    for a, b in skip:
        if not a < b or prev is not None and prev > a:
            return None
        prev = b
    prev = None
    for ss, _se in spans:
        if prev is not None and prev > ss:
            return None
        prev = ss
    out: list[bool] = []
    j, n = 0, len(skip)
    for ss, se in spans:
        if se - ss <= 1:
            out.append(touches(skip, ss, se))
            continue
        while j < n and skip[j][1] <= ss:
            j += 1
        out.append(j < n and skip[j][0] < se)
    return out


def max_width(pattern: str) -> int | None:
    """Most characters a match of ``pattern`` can span, or None when unbounded or unknown
    (the stdlib regex parser's own bound).

    >>> max_width(r"[ \\t]{0,40}x"), max_width(r"a+")
    (41, None)
    """
    try:
        from re import _parser  # the stdlib's own regex parser (Python 3.11+)

        width = _parser.parse(pattern).getwidth()[1]
    except Exception:  # noqa: BLE001 - any trouble: no bound, the caller's slow path is used
        return None
    return width if width < 10_000 else None


def _parsed_items(pattern: str) -> list | None:
    """The top-level items of ``pattern`` as the stdlib regex parser reads them, or None."""
    try:
        from re import _parser  # the stdlib's own regex parser (Python 3.11+)

        return list(_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - unknown: the caller's plain path is used
        return None


def required_literal(pattern: str, shortest: int = 4) -> str | None:
    """The longest run of literal characters that every match of ``pattern`` contains (a
    run of its top-level items), when it has at least ``shortest`` characters, else None.

    >>> required_literal("[^\\n]{0,120} rating report:"), required_literal("a|bcdef")
    (' rating report:', None)
    """
    from re import _constants

    items = _parsed_items(pattern)
    if items is None:
        return None
    best, run = "", ""
    for op, av in items:
        run = run + chr(av) if op == _constants.LITERAL else ""
        if len(run) > len(best):
            best = run
    return best if len(best) >= shortest else None


#: doc.user_data key of the digit run starts (see doc_digit_starts).
DIGITS_KEY = "breach_digit_starts"
_DIGIT_RUN = re.compile(r"[0-9]+")


#: bytes.translate table: ASCII digits to "0", every other byte to "."
_DIGIT_MARKS = bytes(48 if 48 <= b <= 57 else 46 for b in range(256))


def digit_starts(text: str) -> list[int]:
    """Where each run of ASCII digits starts, in order: ``[m.start() for m in
    re.finditer("[0-9]+", text)]``, found without the regex (``re`` reads a character
    class several times slower than ``bytes.find`` reads a byte): the text as one byte per
    character (Latin-1, anything else written "?", so offsets stay), digits marked "0" and
    everything else "." by one ``bytes.translate``, then two ``find`` calls per run (its
    start, its end). Linear in the text: each find starts where the previous one stopped.

    >>> digit_starts("In 2024, 4,500 (x12) 7")
    [3, 9, 11, 17, 21]
    """
    marks = text.encode("latin-1", "replace").translate(_DIGIT_MARKS)
    find = marks.find
    out: list[int] = []
    i = find(48)
    while i >= 0:
        out.append(i)
        j = find(46, i)
        if j < 0:
            break
        i = find(48, j)
    return out


def _digit_starts_plain(text: str) -> list[int]:
    """``digit_starts`` as the regex gives it (the reference of its test)."""
    return [m.start() for m in _DIGIT_RUN.finditer(text)]


def doc_digit_starts(doc: Doc) -> list[int]:
    """``digit_starts(doc_text(doc))``, computed once per document (counts and money scan
    for numbers only there)."""
    starts = doc.user_data.get(DIGITS_KEY)
    if starts is None:
        starts = doc.user_data[DIGITS_KEY] = digit_starts(doc_text(doc))
    return starts
