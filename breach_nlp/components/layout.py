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

from spacy.language import Language
from spacy.tokens import Doc

from ..textspans import doc_text, merge_ranges
from .base import BreachComponent

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']{1,2000}")
#: A break starts at its ``.!?`` or line break (``m.start()``), which is consumed first so
#: ``re`` skips to those characters in C: a sentence end (``.!?`` and closing quotes, group
#: ``pq``, before spaces and an upper-case letter, digit or quote), a blank line, or a line
#: break that is not mid-sentence (not after ``a-z,;`` or not before a lower-case letter).
_BREAK = re.compile(
    r"[.!?\n](?:(?<=[.!?])(?P<pq>[\"'”’)\]]*)[ \t]+(?=[\"'“‘(]?[A-Z0-9])"
    r"|(?<=\n)[ \t]*\n\s*"
    r"|(?<=\n)(?<![a-z,;]\n)|(?<=\n)(?![ \t]*[a-z]))"
)


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
        self.boilerplate = re.compile(
            r"^[ \t]*(?:" + "|".join(f"(?:{p})" for p in pats) + r")[^\n]{0,300}$",
            re.MULTILINE | re.IGNORECASE,
        )
        self.abbrevs = frozenset(a.lower() for a in self.data["abbreviations.json"]["abbreviations"])

    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        skip = [[r["start"], r["end"]] for r in (doc._.breach_records or [])]
        skip += [[m.start(), m.end()] for m in self.boilerplate.finditer(text)]
        skip += [[m.start(), m.end()] for m in _URL.finditer(text)]
        skip = merge_ranges(skip)
        doc._.breach_skip = skip
        sents: list[list[int]] = []
        pos = 0
        for s, e in skip + [[len(text), len(text)]]:
            if s > pos:
                sents.extend(self._split(text, pos, s))
            pos = max(pos, e)
        doc._.breach_sents = sents
        return doc

    def _split(self, text: str, start: int, end: int) -> list[list[int]]:
        out: list[list[int]] = []
        cur = start
        for m in _BREAK.finditer(text, start, end):
            c = text[m.start()]
            if c != "\n":
                cut = m.end("pq")
                if c == ".":
                    word = _word_before(text, max(cur, m.start() - 40), m.start()).lower()
                    word = word.lstrip("(\"'“‘")
                    if word + "." in self.abbrevs or _is_initials(word):
                        continue
            else:
                cut = m.start()
            self._add(text, cur, cut, out)
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


def _is_initials(word: str) -> bool:
    """A single initial or dotted initials before the period: ``J``, ``S.E`` (``S.E. Mass.``).

    >>> _is_initials("s.e"), _is_initials("j"), _is_initials("mass")
    (True, True, False)
    """
    return bool(word) and all(len(p) == 1 and p.isalpha() for p in word.split("."))


@Language.factory(
    "breach_layout",
    assigns=["doc._.breach_skip", "doc._.breach_sents"],
    requires=["doc._.breach_records"],
)
def make_layout(nlp: Language, name: str) -> Layout:
    return Layout(nlp, name)
