"""``breach_layout``: where the prose is. Marks boilerplate lines (subscribe prompts, cookie
banners, checkout/billing messages) and URLs as skip regions, joins them with the embedded
records found by ``breach_records``, and splits the remaining prose into sentences.

Sentence rules (regex over the text, no per-token Python loop): a sentence ends at ``.!?``
followed by space and an upper-case letter, digit or quote, unless the word before the
period is a known abbreviation (``Inc.``, ``U.S.``) or initials (``J.``, ``S.E.``); at a blank line;
and at a single line break unless the line breaks mid-sentence (a lower-case letter or
comma before it and a lower-case letter after it).
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..docext import get_values, set_value
from ..textspans import _parsed_items, doc_lower, doc_text, lowered_ok, merge_ranges, required_literal
from .base import BreachComponent

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']{1,2000}")
#: A break starts at its ``.!?`` or line break (``m.start()``), which is consumed first so
#: ``re`` skips to those characters in C: a sentence end (``.!?`` and closing quotes, group
#: ``pq``, before spaces and an upper-case letter, digit or quote), a blank line, or a line
#: break that is not mid-sentence (not after ``a-z,;`` or not before a lower-case letter).
_BREAK_BODY = (
    r"(?:(?<=[.!?])(?P<pq>[\"'”’)\]]*)[ \t]+(?=[\"'“‘(]?[A-Z0-9])"
    r"|(?<=\n)[ \t]*\n\s*"
    r"|(?<=\n)(?<![a-z,;]\n)|(?<=\n)(?![ \t]*[a-z]))"
)
_BREAK = re.compile(r"[.!?\n]" + _BREAK_BODY)
#: _BREAK at periods only: a literal first character, which ``re`` finds many times faster
#: than one of a class; in a text without ``!``, ``?`` and line breaks it finds what _BREAK
#: finds (see _breaks).
_BREAK_DOT = re.compile(r"\." + _BREAK_BODY)


def _word_before(text: str, a: int, b: int) -> str:
    """The run of non-space characters ending at ``b`` (or just before a final line
    break) inside ``text[a:b]``, or ""; what ``re.search(r"(\\S+)$", text[a:b])`` finds."""
    window = text[a:b]
    if window.endswith("\n"):
        window = window[:-1]
    if not window or window[-1].isspace():
        return ""
    return window.split()[-1]


class Layout(BreachComponent):
    data_files = ("boilerplate.json", "abbreviations.json")

    def compile(self) -> None:
        assert self.data is not None
        pats = [p["pattern"] for p in self.data["boilerplate.json"]["patterns"]]
        body = r"[ \t]*(?:" + "|".join(f"(?:{p})" for p in pats) + r")[^\n]{0,300}$"
        self.boilerplate = re.compile("^" + body, re.MULTILINE | re.IGNORECASE)
        # the same lines found faster: re jumps to each line break (a literal) and tries the
        # line after it (group "line"), instead of trying "^" at every character; the first
        # line is tried on its own. Same matches as self.boilerplate as long as no pattern
        # matches a line break (the patterns are single-line phrases).
        self.boilerplate_first, self.boilerplate_next = self._line_scans(pats)
        # A pattern that starts with no literal ("[^\n]{0,120} cybersecurity rating report:")
        # is tried along the whole of every line; when it needs a literal that the page
        # (lower-cased) lacks, it cannot match there and the page is scanned without it
        # (same lines: every match is a whole line, whichever pattern matched it)
        self.boilerplate_pats = pats
        self.boilerplate_gates = [
            (i, lit.lower()) for i, p in enumerate(pats)
            if _starts_with_repeat(p) and (lit := required_literal(p)) is not None and lit.isascii()
        ]
        #: the (first, next) scans without the patterns of a set of indexes (built on demand)
        self.boilerplate_without: dict[frozenset[int], tuple[re.Pattern[str], re.Pattern[str]]] = {}
        self.abbrevs = frozenset(a.lower() for a in self.data["abbreviations.json"]["abbreviations"])
        #: the abbreviations without their final period: ``w in stems`` is ``w + "." in abbrevs``
        self.abbrev_stems = frozenset(a[:-1] for a in self.abbrevs if a.endswith("."))
        #: the last two characters of the stems (None when a stem is not ASCII): a word
        #: before a period that ends in two letters whose lower case is none of them is no
        #: abbreviation (its lower case ends in theirs, or in a non-ASCII character) nor
        #: initials (they end in one letter), which _split sees without cutting the word out
        self.stem_ends = (
            frozenset(a[-2:] for a in self.abbrev_stems if len(a) >= 2)
            if all(a.isascii() for a in self.abbrev_stems) else None
        )

    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        (records,) = get_values(doc, ("breach_records",))  # doc._ reads and writes: see docext
        skip = [[r["start"], r["end"]] for r in (records or [])]
        # the lower-cased page: computed once per page here (counts, money and the others
        # read the same one, see textspans.doc_lower)
        skip += self._boilerplate(text, doc_lower(doc))
        skip += _urls(text)
        skip = merge_ranges(skip)
        set_value(doc, "breach_skip", skip)
        sents: list[list[int]] = []
        pos = 0
        for s, e in skip + [[len(text), len(text)]]:
            if s > pos:
                sents.extend(self._split(text, pos, s))
            pos = max(pos, e)
        set_value(doc, "breach_sents", sents)
        return doc

    @staticmethod
    def _line_scans(pats: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """(first line, next lines) scans of the boilerplate patterns ``pats`` (see compile)."""
        body = r"[ \t]*(?:" + "|".join(f"(?:{p})" for p in pats) + r")[^\n]{0,300}$"
        return (
            re.compile(r"\A" + body, re.MULTILINE | re.IGNORECASE),
            re.compile(r"\n(?P<line>" + body + ")", re.MULTILINE | re.IGNORECASE),
        )

    def _boilerplate(self, text: str, low: str | None = None) -> list[list[int]]:
        """``[start, end]`` of every boilerplate line: ``self.boilerplate.finditer(text)``;
        ``low`` (``text.lower()``), when given, lets the scan leave out the patterns whose
        literal it lacks."""
        first, rest = self.boilerplate_first, self.boilerplate_next
        if low is not None and self.boilerplate_gates and lowered_ok(text, low):
            drop = frozenset(i for i, lit in self.boilerplate_gates if lit not in low)
            if drop:
                scans = self.boilerplate_without.get(drop)
                if scans is None:
                    keep = [p for i, p in enumerate(self.boilerplate_pats) if i not in drop]
                    scans = self.boilerplate_without[drop] = self._line_scans(keep) if keep else (None, None)
                first, rest = scans
                if first is None or rest is None:
                    return []  # no pattern can match
        out = []
        pos = 0
        m = first.match(text)
        if m is not None:
            out.append([m.start(), m.end()])
            pos = m.end()
        if "\n" in text:
            out += [[m.start("line"), m.end()] for m in rest.finditer(text, pos)]
        return out

    def _split(self, text: str, start: int, end: int) -> list[list[int]]:
        out: list[list[int]] = []
        cur = start
        stems = self.abbrev_stems
        ends = self.stem_ends
        for m in _breaks(text, start, end):
            ms = m.start()
            c = text[ms]
            if c != "\n":
                cut = m.end("pq")
                if c == "." and not (
                    # "said.": two letters before the period that end no stem (see compile)
                    ends is not None and ms - 2 >= cur and (t2 := text[ms - 2 : ms]).isalpha()
                    and t2.lower() not in ends
                ):
                    a = ms - 40 if ms - 40 > cur else cur
                    window = text[a:ms]
                    if window and not window[-1].isspace():
                        word = window.rsplit(None, 1)[-1]  # what _word_before gives here
                    else:
                        word = _word_before(text, a, ms)
                    word = word.lower().lstrip("(\"'“‘")
                    # word + "." in self.abbrevs, or initials (one letter, or dotted)
                    if word in stems or ((len(word) == 1 or "." in word) and _is_initials(word)):
                        continue
            else:
                cut = ms
            # self._add(text, cur, cut, out), inlined; most sentences have no space to strip
            if cur < cut and not text[cur].isspace() and not text[cut - 1].isspace():
                out.append([cur, cut])
            else:
                seg = text[cur:cut]
                rest = seg.lstrip()
                if rest:
                    s = cut - len(rest)
                    out.append([s, s + len(rest.rstrip())])
            cur = m.end()
        self._add(text, cur, end, out)
        return out

    @staticmethod
    def _add(text: str, s: int, e: int, out: list[list[int]]) -> None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append([s, e])


def _breaks(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_BREAK.finditer(text, start, end)``: the period breaks alone (_BREAK_DOT) when the
    text has no ``!``, ``?`` or line break there (most news texts), else _BREAK itself."""
    if text.find("\n", start, end) < 0 and text.find("?", start, end) < 0 and text.find("!", start, end) < 0:
        return _BREAK_DOT.finditer(text, start, end)
    return _BREAK.finditer(text, start, end)


def _starts_with_repeat(pattern: str) -> bool:
    """Does ``pattern`` start with a repeat (``[^\\n]{0,120} rating report:``)? Such a pattern
    is tried along the whole line at every line start (see Layout.compile).

    >>> _starts_with_repeat("[^\\n]{0,120} report:"), _starts_with_repeat("Read more:")
    (True, False)
    """
    from re import _constants

    items = _parsed_items(pattern)
    return bool(items) and items[0][0] in (_constants.MAX_REPEAT, _constants.MIN_REPEAT)


def _is_initials(word: str) -> bool:
    """A single initial or dotted initials before the period: ``J``, ``S.E`` (``S.E. Mass.``).

    >>> _is_initials("s.e"), _is_initials("j"), _is_initials("mass")
    (True, True, False)
    """
    if "." not in word:
        return len(word) == 1 and word.isalpha()
    return all(len(p) == 1 and p.isalpha() for p in word.split("."))


def _urls(text: str) -> list[list[int]]:
    """``[start, end]`` of every URL: what ``_URL.finditer(text)`` finds, tried only where a
    URL can start (``http://``, ``https://``, ``www.``) instead of at every ``h`` and ``w``."""
    starts = []
    # where a URL can start: every "://" of http(s):// (the scheme is checked by _URL.match)
    # and every "www." (neither can overlap itself or the other), found with str.find
    p = text.find("://")
    while p >= 0:
        if p >= 5 and text.startswith("https", p - 5):
            starts.append(p - 5)
        elif p >= 4 and text.startswith("http", p - 4):
            starts.append(p - 4)
        p = text.find("://", p + 3)
    p = text.find("www.")
    while p >= 0:
        starts.append(p)
        p = text.find("www.", p + 4)
    if not starts:
        return []
    out = []
    end = 0
    for p in sorted(starts):
        if p >= end:
            u = _URL.match(text, p)
            if u is not None:
                out.append([p, u.end()])
                end = u.end()
    return out


@Language.factory(
    "breach_layout",
    assigns=["doc._.breach_skip", "doc._.breach_sents"],
    requires=["doc._.breach_records"],
)
def make_layout(nlp: Language, name: str) -> Layout:
    return Layout(nlp, name)
