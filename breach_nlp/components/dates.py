"""`breach_dates`: dates in the prose, resolved against the publication date, with roles.

Sets ``doc._.breach_dates`` (DateMention dicts: text, start, end, value, end_value, role,
precision) and, when ``doc._.breach_published`` is None, the publication date the page
states.

**Publication date** (first found wins; the ``published`` argument always comes first):

1. the ``published`` argument of ``extract`` (already on ``doc._.breach_published``);
2. a ``<date> 2018_11_09 </date>`` line (CASIE-style source header);
3. a line (or a ``|``/``•`` segment of one, e.g. a byline) among the first six lines that is
   only a day-precise date, optionally after ``Published``/``Updated``/``Posted``/``Date``
   and before a time (``May 21, 2025``, ``Published 7 February 2024``, ``By X | Updated:
   Mon 21 May 2025 12.01 BST``); a ``Published:``/``Updated:`` line anywhere in the first
   3,000 characters (``Date:`` lines inside embedded records are left to the records);
4. a wire dateline opening a paragraph: ``LONDON, May 21 (Reuters) -``, ``SAN FRANCISCO,
   Oct. 5, 2023 /PRNewswire/ --`` (a year-less one only resolves against a known P);
5. an embedded record's publication field (``date_published``, ``datePublished``, ...
   in ``doc._.breach_records[*]["fields"]`` or its ``raw`` object).

A dateline found in the text is emitted with role ``publication`` even when the argument
was given (the mention's value is the date the page states).

**Candidates** come from our own compiled regexes (``patterns/dates.json``): ISO and
numeric dates (``2018-11-09``, ``2018_11_09``, ``03/14/2024``, ``2/2026``), month-name
dates (``July 29, 2017``, ``7 February 2024``, ``Oct 23``, ``Sept. 29th``, ``March 2024``,
``July of 2016``, bare ``April`` after a preposition), modifiers (``mid-May``, ``late April
2025``, ``the end of January 2024``, ``early 2025``), years in context (``in 2019``, ``the
2017 data breach``; not counts such as ``2019 customers`` or ``more than 2000``),
weekdays (``on Friday``, ``last Wednesday``, ``Saturday afternoon``) and relative
expressions (``last week``, ``earlier this month``, ``two days ago``, ``today``, ``in recent
months``, ``the past few years``). Matches inside ``doc._.breach_skip`` (embedded records,
boilerplate, URLs) are ignored. Overlapping candidates: the longest wins. (Speed: one
shared scan finds the word starts where any of the five candidate regexes may match -- it
skips in C to the characters before words, and a gate of the first letters any match can
start with, ``regexgate.prefix_gate``, turns most words away at once; each kind then runs
only at the word starts its first character admits, with exactly the matches of its own
scan over the text. With ``pyahocorasick`` those word starts come from one native
Aho-Corasick pass over the folded page instead, ``multiscan``: the folded spellings of the
character before the word and of the first characters of every kind's matches, a superset
of the shared scan's positions, found about twice as fast; each kind has its own group of
prefixes in that automaton, 6-8 characters long, so a kind's regex runs only where its own
prefix occurs: ~8,000 tries over the 650 CASIE texts instead of ~21,700 by first character. The role and left-context
regexes, whose matches all open a word, are searched the same way as the shared scan
(``regexgate.WordStartRegex``: a consumed non-word character, then their first-letter
gate; the clause-break regex opens with one class of its first characters), and a match
that ``_accept`` refuses whatever its left context, such as a lower-case "may", is
dropped before that context is searched; ``left_relative`` is searched only when one of
its words and 1-3 spaces end the text before the date, ``_relative_may_extend``.)

**Ranges and shared years**: ``between A and B``, ``from A to/until/through B`` and
``A – B`` give one mention per end; the first carries ``end_value``. A date written without
a year takes the year of its partner (``between February 6 and March 5, 2024``; ``March 25
and April 5, 2021``), one year earlier when its month comes after the partner's.

**Resolution** never reads today's clock. Absolute forms go through
``datevalues.parse_date_value`` at the precision written (``March 2024`` -> ``2024-03``).
Against the publication date P: a month (and day) without a year is in P's year unless
that is more than ~3 months after P (then the year before); weekdays are the most recent
such day on or before P (``last <weekday>``: strictly before; ``next``/``this``: on or
after); ``last week``/``this week`` are Monday-Sunday ranges; ``last month``, ``this
year``, ``N days/weeks/months/years ago`` are computed here. Durations and vague spans
(``the past few months``, ``in recent weeks``, ``two weeks later``) and anaphoric ones
(``the next day``, ``the previous year``) keep value None. Seasons (``last summer``) are
month ranges (northern hemisphere). ``dateparser`` (lazily imported, ``RELATIVE_BASE`` = P,
``PREFER_DATES_FROM`` past, cached on (phrase, P)) is only asked about ``<word> <unit>
ago`` when the number word is not in our table (``thirteen days ago``); it is never
imported for the dev data. Without P, relative dates and year-less dates (with no
partner) have value None.

**Numeric dates**: ``03/04/2024`` is US month-first unless the page signals day-first: an
unambiguous day-first numeric date (first number above 12, e.g. ``14/03/2024``), or, when
no numeric date decides it, more day-month dates (``7 February 2024``) than month-day ones
(``February 7, 2024``). Then the page's ambiguous numeric dates are read day-first.

**Roles** (``patterns/dates_roles.json``), decided in this order inside the date's clause
(the sentence cut at ``;``, ``:`` and dashes): ``publication`` for the dateline; a date
followed by a breach noun (``the 2017 data breach``, ``September attack``) is
``incident``; ``<said/told> on <date>`` is ``disclosure`` when what follows within the
sentence speaks of the breach (stolen, compromised, copied, ransom...), else ``other``;
``before/prior to <date>`` is ``other``; else the nearest cue VERB before the date in the
clause (discovery: discovered, detected, became aware, notified of; disclosure: announced,
confirmed, disclosed, notified, reported; incident: occurred, took place, stole, hit,
accessed; other: fined, convicted, posted, received...); else the nearest cue NOUN before
it (``filing``, ``statement``, ``notification letters``, ``court``...: a noun between a
verb and its date, as in "detected the attack on <date>", must not outvote the verb); else
``<breach noun> on/in <date>``; else the nearest cue after the date; else ``other``. Both
ends of a range share the role of its first end. Cue analysis stops after
``MAX_ROLE_MENTIONS`` mentions in one text (hostile input). (Speed: ``_role_fast`` calls
the role regexes' word-start scans directly, the same decisions as ``_role_plain``; the
clause-break regex runs only on a window holding one of its characters or ``but``; the
``doc._`` values are read once per document through ``docext``; one regex over both cue
tiers, which matches wherever either does, tells when the two tier searches can be
skipped.)
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import Any, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..datevalues import (
    MONTHS,
    add_months,
    infer_year,
    iso,
    parse_date_value,
    to_date,
    weekday_on_or_after,
    weekday_on_or_before,
)
from ..docext import get_values, set_value
from ..multiscan import AVAILABLE as _NATIVE_SCAN
from ..multiscan import Probes, fold, folded_prefixes
from ..regexgate import WordStartRegex, gated, prefix_gate
from ..textspans import doc_lower, doc_text, find_range, touches
from .base import BreachComponent

_YEAR = r"(?:1[89]\d\d|20[0-4]\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[.,]\d)"
_SPACE = r"[ \t\u00a0]{1,3}"  # spaces inside a date (no line breaks: datelines stay alone)
_SPACE_CHARS = " \t\u00a0"  # the characters of _SPACE
#: Cue analysis (the costly part per mention) stops after this many mentions in one text; later
#: ones keep role "other". No article comes near it; it bounds the time of hostile input.
MAX_ROLE_MENTIONS = 3000
_THAT = re.compile(r"[ \t\u00a0]{1,3}that\b")  # right after a cue verb: "reported that"
#: A clause break: the matches of ``[;:()\[\]]|\s[–—-]\s|\bbut\b``, opening with one class of
#: their first characters (``re`` skips to those in C instead of trying three alternatives at
#: every character): the alternatives start with different characters, and ``b(?<!\wb)`` is
#: ``\bb``.
_CLAUSE_BREAK_FAST = re.compile(r"[;:()\[\]\sb](?:(?<=[;:()\[\]])|(?<=\s)[–—-]\s|(?<=b)(?<!\wb)ut\b)")
#: Every clause break holds one of these characters or ``but`` (``_may_break``).
_BREAK_CHARS = tuple(";:()[]–—-")


def _may_break(s: str) -> bool:
    """False when ``s`` holds none of the characters (nor the word ``but``) a clause break
    needs: ``_CLAUSE_BREAK_FAST`` cannot match there (a few substring tests, cheaper than
    trying its leading class at every space)."""
    return "but" in s or any(map(s.__contains__, _BREAK_CHARS))


#: The words of ``left_relative`` ("earlier in the", "over the most"): its modifiers and prepositions.
_REL_MODS = ("early", "earlier", "late", "later")
_REL_PREPS = ("over", "in", "during", "within", "for", "throughout")
_RANGE_JOIN = re.compile(r"^[ \t\u00a0]{0,3}(?:to|until|till|through|thru|[-–—]|and)[ \t\u00a0]{0,3}$", re.I)
_LIST_JOIN = re.compile(r"^[ \t\u00a0]{0,3}(?:,|and|or|,[ \t\u00a0]{0,3}and)[ \t\u00a0]{0,3}$", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between|from|since)[ \t\u00a0]{1,3}(?:the[ \t\u00a0]{1,3})?$", re.I)
_CASIE_DATE = re.compile(r"<date>[ \t]{0,5}([^<\n]{4,40}?)[ \t]{0,5}</date>", re.I)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t\u00a0.,'’]{0,3}$")
_WORD_AFTER = re.compile(r"^[ \t\u00a0]{0,3}([A-Za-z%]+)")
_LINE = re.compile(r"[^\n]+")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_SEGMENT = re.compile(r"[^|•·]+")
_TRAILING_TIME = re.compile(
    r"(?:[ \t]{0,3}[,|–-]?[ \t]{0,3}(?:at[ \t]{1,3})?\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:[ \t]{0,2}[ap]\.?m\.?)?"
    r"(?:[ \t]{0,2}\(?[A-Z]{2,5}\)?)?)$",
    re.I,
)
_WIRE = re.compile(
    r"^[ \t]{0,4}[A-Z][A-Za-z .'’-]{1,40}?,[ \t]{1,3}"
    r"(?P<date>[A-Z][a-z]{2,8}\.?[ \t]{1,3}\d{1,2}(?:,[ \t]{1,3}\d{4})?|\d{1,2}[ \t]{1,3}[A-Z][a-z]{2,8}(?:[ \t]{1,3}\d{4})?)"
    r"[ \t]{0,3}(?:(?:\([A-Za-z .&]{2,30}\)|/[A-Za-z .&-]{2,30}/)[ \t]{0,3})?[-–—]{1,2}[ \t]",
    re.M,
)
#: ASCII upper -> lower, same length, so offsets into the lowered text hold for the original.
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


#: Characters after the word start that the native scan's prefixes spell out, per kind
#: (longer: fewer false starts, but more prefixes; a year-less month or a relative word
#: spells out the most variants). 7-8 characters for the word kinds made about 8,700
#: prefixes: the automaton took 0.05 s more to build at every load (cold start) for about
#: 2 ms less over the 650 CASIE dev texts.
_PROBE_CHARS = {"numeric": 6, "wordy": 5, "relative": 6, "weekday": 6, "year": 6}

#: The leading first-character test of a candidate regex (``(?=[...])`` or ``(?=\d)``), and
#: the same followed by a word boundary.
_LEAD = re.compile(r"\(\?=(?:\[([^\]\\]{1,40})\]|\\d)\)")
_LEAD_B = re.compile(r"^(\(\?=\[[^\]\\]{1,40}\]\))\\b")
#: One character that is not an ASCII word character, consumed (ranges, tested fast): a
#: word may start right after it. The non-ASCII word characters the last range lets through
#: are refused afterwards (``_candidates``), cheaper than a lookbehind at every attempt.
_NOT_WORD_BEFORE = r"[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\U0010ffff]"


def _uncaptured(p: str) -> str:
    """``p`` with every group non-capturing and every back-reference replaced by a copy of
    its group's pattern: the same or more matches, and no captures to save and restore
    (much faster inside a large alternation)."""
    out: list[str] = []
    groups: dict[str, str] = {}
    stack: list = []
    i, n, in_class = 0, len(p), False
    while i < n:
        c = p[i]
        if c == "\\":
            out.append(p[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < n and p[i] == "^":
                out.append("^")
                i += 1
            if i < n and p[i] == "]":
                out.append("]")
                i += 1
            continue
        if c == "(":
            if p.startswith("(?P<", i):
                j = p.index(">", i)
                out.append("(?:")
                stack.append((p[i + 4:j], len(out)))
                i = j + 1
                continue
            if p.startswith("(?P=", i):
                j = p.index(")", i)
                out.append("(?:" + groups[p[i + 4:j]] + ")")
                i = j + 1
                continue
            if p.startswith("(?", i):
                out.append("(")
                stack.append((None, 0))
                i += 1
                continue
            out.append("(?:")
            stack.append((None, 0))
            i += 1
            continue
        if c == ")":
            name, start = stack.pop()
            if name:
                groups[name] = "".join(out[start:])
            out.append(")")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


#: Day shift of "today" words; step of "last/this/next" words (``_relative_named``).
_TODAY_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_STEP = {"last": -1, "past": -1, "previous": -1, "this past": -1, "this": 0, "next": 1, "coming": 1}


def _squeeze(s: str) -> str:
    """``_SPACES.sub(" ", s)``; a word of letters alone has no space to squeeze."""
    return s if s.isalpha() else _SPACES.sub(" ", s)


def _alt(words: list[str]) -> str:
    """Regex alternation of literal words (longest first; spaces match any short space).
    Words of one length in alphabetical order: they never match at the same place, so the
    order changes no match, but the pattern text is then the same in every process (keys
    of ``prebuilt``), not a set's iteration order."""
    ws = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", _SPACE) for w in ws) + ")"


@functools.lru_cache(maxsize=4096)
def _dateparser_relative(text: str, published: str) -> str | None:
    """ISO day of a relative phrase by dateparser, against ``published`` (never today)."""
    base = to_date(published)
    if base is None:
        return None
    import dateparser  # lazy: importing dateparser is slow

    got = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": _dt.datetime(base.year, base.month, base.day, 12, 0),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return got.date().isoformat() if got else None


def _role_windows(sents: list, text: str, start: int, end: int) -> tuple[str, str]:
    """The text a date's role is read from: up to 160 characters before and after it, inside
    its sentence (200 characters either side when it is in none)."""
    i = find_range(sents, start)
    ss, se = (sents[i][0], sents[i][1]) if i >= 0 else (max(0, start - 200), min(len(text), end + 200))
    return text[max(ss, start - 160) : start], text[end : min(se, end + 160)]


class Dates(BreachComponent):
    data_files: tuple[str, ...] = ("dates.json", "dates_roles.json")

    # -- compile --------------------------------------------------------------------------
    def compile(self) -> None:
        assert self.data is not None
        d = self.data["dates.json"]
        r = self.data["dates_roles.json"]
        self.weekdays = {w: i for i, w in enumerate(d["weekdays"])}
        self.weekdays.update({a: self.weekdays[w] for a, w in d["weekday_abbreviations"].items()})
        self.numbers = dict(d["number_words"])
        self.units = dict(d["relative_units"])
        full = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
        mon = rf"(?:{_alt(full)}\b|{_alt([m for m in MONTHS if m not in full])}\b\.?)"
        mon_full = _alt(full)
        wd = _alt(d["weekdays"])
        mod = _alt(d["modifiers"])
        num = r"(?:\d{1,3}|" + _alt(list(self.numbers)) + ")"
        self.vague = frozenset(d["vague_quantities"])
        self.not_numbers = frozenset(d["not_number_words"])
        vague = _alt(d["vague_quantities"])
        unit = _alt(list(self.units))
        part = _alt(d["parts_of_day"])
        self.seasons = {k: tuple(v) for k, v in d["seasons"].items() if not k.startswith("_")}
        season = _alt(list(self.seasons))
        S = _SPACE
        # Every candidate regex starts at its head word (a digit, a month, a weekday, a
        # relative keyword) behind a one-character gate, so the scan is cheap; words that may
        # precede the head ("late", "the end of", "on", "over the past") are taken by small
        # end-anchored regexes on the few characters before the match (_left).
        self.left_mod = re.compile(rf"(?:\b(?P<mod>{mod}){S}|\b(?P<mod2>mid|early|late)-)$")
        #: the last words of the modifiers (``_may_have_mod``: left_mod needs one right before
        #: the spaces that end its match) and the words ``left_mod`` takes before a hyphen
        self.mod_lasts = tuple(sorted({w.lower().split()[-1] for w in d["modifiers"]}))
        self.mod_hyphen = ("mid", "early", "late")
        self.left_weekday = re.compile(rf"\b(?P<wmod>on|last|this|next|late|early|past|this{S}past|coming){S}$")
        rmods, preps = "|".join(_REL_MODS), "|".join(_REL_PREPS)
        self.left_relative = re.compile(
            rf"\b(?:(?P<rmod>{rmods}){S}(?:in{S})?)?"
            rf"(?:(?:{preps}){S})?(?:the{S})?(?:most{S})?$"
        )
        #: the words that can end a non-empty match of left_relative (``_relative_may_extend``)
        self.rel_lasts = tuple(sorted(set(_REL_MODS + _REL_PREPS + ("in", "the", "most"))))
        self.left_number = re.compile(
            rf"\b(?:(?P<anum>{num}|{vague})|(?P<aword>[a-z]{{3,12}}(?:-[a-z]{{3,8}})?)){S}(?:(?:more|other){S})?$"
        )
        self.left_in_the = re.compile(rf"\bin{S}the{S}$")
        # searched only at word starts (regexgate.WordStartRegex: the same matches; the one
        # that may match empty, left_relative, runs behind its first-letter gate at every character)
        self.left_mod, self.left_weekday = WordStartRegex(self.left_mod), WordStartRegex(self.left_weekday)
        self.left_relative, self.left_number = gated(self.left_relative), WordStartRegex(self.left_number)
        self.left_in_the = WordStartRegex(self.left_in_the)
        rel_year = rf"(?:{S}(?:of{S})?(?P<ry>this|last|next|the{S}same|the{S}following|the{S}previous){S}year)"
        self.re_wordy = re.compile(
            rf"(?=[0-9adfjmnos])\b(?:"
            rf"(?P<d1>{_DAY})(?:{S}of)?{S}(?P<mon1>{mon})(?:,?{S}(?P<y1>{_YEAR})\b)?"
            rf"|(?P<mon2>{mon})[ \t\u00a0]{{0,3}}(?<=[\s.])(?P<d2>{_DAY})\b"
            rf"(?:{S}(?:or|and|to|through|-|–){S}(?:3[01]|[12]\d|0?[1-9])\b(?=,?{S}{_YEAR}\b))?(?:,?{S}(?P<y2>{_YEAR})\b)?"
            rf"|(?P<mon3>{mon})(?:{S}of|,)?{S}(?P<y3>{_YEAR})\b"
            rf"|(?P<mon4>{mon_full})\b"
            rf"){rel_year}?",
        )
        self.re_year = re.compile(
            rf"(?=[12])(?<![\w$€£¥#/.,:])(?P<y>{_YEAR})"
            rf"(?:(?P<sep>[ \t\u00a0]{{0,3}}[-–][ \t\u00a0]{{0,3}})(?P<y2>{_YEAR}|\d\d)(?![\w]))?"
            rf"(?![\w%$€£]|[.,/-]\d)",
        )
        self.re_numeric = re.compile(
            r"(?=\d)(?<![\w/.:-])(?:"
            r"(?P<iy>(?:19|20)\d\d)(?P<isep>[-_/.])(?P<im>0?[1-9]|1[0-2])(?P=isep)(?P<id>3[01]|[12]\d|0?[1-9])"
            r"(?:[Tt ]\d{1,2}:\d\d(?::\d\d(?:\.\d{1,6})?)?(?:Z|[+-]\d\d:?\d\d)?)?"
            r"|(?P<a>\d{1,2})(?P<nsep>[/.-])(?P<b>\d{1,2})(?P=nsep)(?P<c>(?:19|20)\d\d)"
            r"|(?P<mm>0?[1-9]|1[0-2])/(?P<my>(?:19|20)\d\d)"
            r")(?![\w/]|[.-]\d)",
        )
        wd_any = _alt(list(self.weekdays))
        self.re_leading_weekday = re.compile(rf"^{wd_any}\b\.?,?[ \t]{{1,3}}", re.I)
        self.re_weekday = re.compile(rf"(?=[fmstw])\b(?P<wd>{wd})\b(?:{S}(?P<wpart>{part}))?")
        self.re_relative = re.compile(
            r"(?=[cdelmnpqrstwy])\b(?:"
            # last|this|next|past (N) unit / month / season / part of day
            rf"(?P<rdir>last|this|next|past|previous|coming|this{S}past)"
            rf"(?:{S}(?P<rnum>{num}|{vague}))?{S}(?P<runit>{unit}|{mon_full}|{season}|{part})\b"
            # (N) units ago / later / earlier / prior; the number is taken by left_number
            rf"|(?P<aunit>{unit}){S}(?P<adir>ago|earlier|later|prior|previously|before{S}that|after{S}that)\b"
            # recent weeks
            rf"|recent{S}(?P<recent>days|weeks|months|years)\b"
            # earlier/later in the year, earlier that month
            rf"|(?P<emod>earlier|later){S}(?:in{S})?(?P<edet>the|this|that){S}(?P<eunit>day|week|month|year)\b"
            # the same day / year ("the" by left_relative)
            rf"|same{S}(?P<same>day|week|month|year)\b"
            rf"|(?P<today>today|yesterday|tonight|tomorrow)\b"
            # in the past (vague; "in the" required, by left_in_the)
            rf"|(?P<past>past)\b(?!{S}(?:\d|{num}|{vague}|{unit}))"
            r")",
        )
        #: the resolver of each kind (``_resolve``)
        self.resolvers = {k: getattr(self, f"_r_{k}") for k in ("numeric", "wordy", "relative", "weekday", "year")}
        self.scans = (("numeric", self.re_numeric), ("wordy", self.re_wordy), ("relative", self.re_relative),
                      ("weekday", self.re_weekday), ("year", self.re_year))
        # One scan finds every position where some candidate regex may match (each of them
        # starts at a word start): a word boundary, the union of their first-character
        # classes, then all of them (without captures or their own boundary test) in one
        # lookahead. It may report more positions than they match, never fewer; the kinds'
        # own regexes then run only there (see _candidates): one boundary test per
        # character instead of five.
        # The scan runs on " " + text and consumes the character before the word start (a
        # class of ranges, which ``re`` skips to in C: much cheaper than a ``\b`` test at
        # every character); then a gate of the first letters any kind's match can start with
        # (``regexgate.prefix_gate``: a superset, so no position is lost) keeps the costly
        # alternation away from most words ("the", "of", "company").
        heads = [_LEAD.match(rx.pattern) for _k, rx in self.scans]
        #: each kind's leading one-character test, to try at a word start only the kinds whose
        #: test admits its first character (filled lazily per character: kinds_by_char)
        self.heads = [re.compile(f"[{h.group(1)}]" if h.group(1) else r"\d") for h in heads] if all(heads) else None
        self.kinds_by_char: dict[str, tuple[int, ...]] = {}
        first = "(?=[" + "".join(h.group(1) or r"\d" for h in heads) + "])" if all(heads) else ""
        bodies = [_uncaptured(_LEAD_B.sub(r"\1", rx.pattern, count=1)) for _k, rx in self.scans]
        gate = prefix_gate("|".join(f"(?:{b})" for b in bodies), 4)
        self.re_any = re.compile(
            _NOT_WORD_BEFORE + (f"(?={gate})" if gate else "") + first + "(?="
            + "|".join(f"(?:{b})" for b in bodies)
            + ")"
        )
        assert all(rx.flags == self.re_any.flags for _k, rx in self.scans)
        #: the same word starts found natively (``multiscan``): an Aho-Corasick automaton of
        #: the folded first characters of every kind's matches, the consumed character before
        #: the word included (a superset of ``re_any``'s positions); None without the scanner
        self.probes = self._probes() if _NATIVE_SCAN else None
        roles = ("discovery", "disclosure", "incident", "other")
        self.re_cues, self.re_noun_cues = (
            re.compile(
                r"(?=[a-z0-9])\b(?:" + "|".join(
                    f"(?P<{role}>" + "|".join(f"(?:{c})" for c in r[role][tier]) + ")" for role in roles
                ) + r")\b",
            )
            for tier in ("verbs", "nouns")
        )
        said = r["said_verbs"]
        self.re_said_before = re.compile(
            rf"\b{said}(?:{S}\w+)?{S}(?:on|in|that|last|this)[ \t\u00a0]{{0,3}}$|\b{said}{S}$"
        )
        self.re_breach_content = re.compile(r["breach_content"])
        self.re_noun_after = re.compile(rf"^(?:'s|’s)?{S}(?:{r['breach_nouns']})\b")
        self.re_noun_before = re.compile(rf"\b{r['breach_nouns']}{S}(?:on|in|of|at|during|from){S}(?:the{S})?$")
        self.re_other_prep = re.compile(rf"\b{r['other_prepositions']}{S}(?:the{S})?$")
        # the role regexes run on short slices: tried only at the word starts their first
        # letters fit (regexgate.WordStartRegex: the same matches, a consumed non-word
        # character that ``re`` skips to in C, then a first-letter gate)
        self.re_cues, self.re_noun_cues = WordStartRegex(self.re_cues), WordStartRegex(self.re_noun_cues)
        self.re_said_before = WordStartRegex(self.re_said_before)
        self.re_breach_content = WordStartRegex(self.re_breach_content)
        self.re_noun_before, self.re_other_prep = WordStartRegex(self.re_noun_before), WordStartRegex(self.re_other_prep)
        #: the regexes inside the WordStartRegex wrappers, where a walk over attributes finds them
        self.word_start_forms = {
            k: (getattr(self, k).rx, getattr(self, k).scan)
            for k in ("left_mod", "left_weekday", "left_number", "left_in_the", "re_cues", "re_noun_cues",
                      "re_said_before", "re_breach_content", "re_noun_before", "re_other_prep")
        }
        self.re_clause_break = _CLAUSE_BREAK_FAST
        #: the word-start scans of the role regexes (for ``_role_fast``), None unless all qualify
        scans = tuple(getattr(self, k).scan for k in ("re_cues", "re_noun_cues", "re_said_before",
                                                       "re_breach_content", "re_noun_before", "re_other_prep"))
        #: and the scan of both cue tiers in one regex (without captures: the same or more
        #: matches), which finds none only where neither tier finds one
        either = WordStartRegex(re.compile(
            "|".join(f"(?:{_uncaptured(getattr(self, k).rx.pattern)})" for k in ("re_cues", "re_noun_cues"))
        )).scan
        self.role_scans = scans + (either,) if either is not None and all(sc is not None for sc in scans) else None
        self.bare_month_ctx = frozenset(d["bare_month_context"])
        self.may_context = frozenset(d["may_context"])
        self.year_reject_before = frozenset(d["year_reject_before"])
        self.year_reject_after = frozenset(d["year_reject_after"])
        pub_prefix = _alt(d["publication_prefixes"])
        self.re_pubfields = frozenset(f.lower() for f in d["publication_fields"])
        self.re_pub_prefix = re.compile(
            rf"^(?P<pp>{pub_prefix})\b[ \t]{{0,3}}:?[ \t]{{0,3}}(?:on\b[ \t]{{0,3}}:?[ \t]{{0,3}})?", re.I
        )

    # -- run ------------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        low = doc_lower(doc)
        if len(low) != len(text):  # a few non-ASCII letters lower to two characters
            low = text.translate(_LOWER)
        # the extensions read once (``docext``: straight from ``doc.user_data``)
        published_s, sents, skip, records = get_values(
            doc, ("breach_published", "breach_sents", "breach_skip", "breach_records"))
        skip = skip or []
        pub_mention, published_s = self._publication(doc, text, published_s, skip, records)
        published = to_date(published_s)
        cands = self._candidates(skip, text, low)
        if pub_mention is not None:
            cands = [c for c in cands if c["end"] <= pub_mention["start"] or c["start"] >= pub_mention["end"]]
        day_first = self._day_first(cands)
        for c in cands:
            self._resolve(c, published, day_first)
        self._link(text, cands, published)
        out: list[dict[str, Any]] = [pub_mention] if pub_mention is not None else []
        prev_range_role: str | None = None
        sents = sents or []
        for i, c in enumerate(cands):
            if prev_range_role is not None:  # the second end of a range takes the first end's role
                role = prev_range_role
            elif i < MAX_ROLE_MENTIONS:
                role = self._role(sents, low, c["start"], c["end"])
            else:
                role = "other"
            prev_range_role = role if c.get("range_next") else None
            out.append(
                {
                    "text": c["text"],
                    "start": c["start"],
                    "end": c["end"],
                    "value": c.get("value"),
                    "end_value": c.get("end_value"),
                    "role": role,
                    "precision": c.get("precision") if c.get("value") else None,
                }
            )
        out.sort(key=lambda m: m["start"])
        set_value(doc, "breach_dates", out)
        return doc

    @staticmethod
    def _day_first(cands: list[dict[str, Any]]) -> bool:
        """Does the page write dates day first? Yes when a numeric date can only be read so
        (``14/03/2024``), or, without such evidence either way, when it writes more
        "7 February 2024" than "February 7, 2024"."""
        day_first = month_first = False  # a numeric date that can only be read one way
        dm = md = 0  # "7 February" and "February 7" dates
        for c in cands:
            kind = c["kind"]
            if kind == "numeric":
                m = c["m"]
                a = m.group("a")
                if a:
                    ia, ib = int(a), int(m.group("b"))
                    if ia > 12 >= ib:
                        day_first = True
                    elif ib > 12 >= ia:
                        month_first = True
            elif kind == "wordy":
                m = c["m"]
                if m.group("d1"):
                    dm += 1
                if m.group("d2"):
                    md += 1
        if day_first:
            return True
        if month_first:
            return False
        return dm > md

    # -- publication ------------------------------------------------------------------------
    def _publication(self, doc: Doc, text: str, published: str | None, skip: list,
                     records: list | None) -> tuple[dict[str, Any] | None, str | None]:
        """Find the date the page states it was published; set breach_published if unset.
        ``published``, ``skip``, ``records``: the doc's ``breach_published``, ``breach_skip``
        and ``breach_records``; returns the mention (or None) and ``breach_published``."""
        found: tuple[int, int, str, str] | None = None
        m = _CASIE_DATE.search(text, 0, 5000)
        if m:
            v = parse_date_value(m.group(1))
            if v and v[1] == "day":
                found = (m.start(1), m.end(1), v[0], v[1])
        if found is None:
            found = self._dateline(skip, text)
        if found is None:
            found = self._wire_dateline(text, to_date(published))
        mention = None
        if found is not None:
            s, e, value, prec = found
            mention = {"text": text[s:e], "start": s, "end": e, "value": value, "end_value": None,
                       "role": "publication", "precision": prec if value else None}
            if published is None and prec == "day" and value:
                published = value
                set_value(doc, "breach_published", value)
        if published is None:
            value = self._record_published(records)
            if value:
                published = value
                set_value(doc, "breach_published", value)
        return mention, published

    def _dateline(self, skip: list, text: str) -> tuple[int, int, str, str] | None:
        """A date standing alone on a line (a segment between ``|``/``•``) near the top, or
        after a ``Published``/``Updated``/``Date`` label anywhere in the first 3,000
        characters: ``(start, end, value, precision)`` of the first day-precise one; an
        ``Updated``/``Last updated`` date only when no other is found."""
        lines_seen = 0
        updated: tuple[int, int, str, str] | None = None
        for line in _LINE.finditer(text, 0, min(len(text), 3000)):
            if len(line.group(0)) > 160:
                lines_seen += 1
                continue
            lines_seen += 1
            for seg in _SEGMENT.finditer(line.group(0)):
                frag = seg.group(0).lstrip()
                s0 = line.start() + seg.end() - len(frag)
                pp = self.re_pub_prefix.match(frag)
                if pp is None and lines_seen > 6:
                    continue
                strong = bool(pp) and pp.group("pp").lower().startswith(("pub", "post", "upd", "first", "last"))
                if not strong and touches(skip, s0):
                    continue  # "Date: ..." inside an embedded record is the record's business
                cut = pp.end() if pp else 0
                body = frag[cut:]
                lead = len(body) - len(body.lstrip())
                body = _TRAILING_TIME.sub("", body.strip())
                body = self.re_leading_weekday.sub("", body)
                v = parse_date_value(body.rstrip(". \t"))
                if v and v[1] == "day":
                    start = s0 + cut + lead + frag[cut + lead:].find(body)
                    body = body.rstrip(". \t")
                    found = (start, start + len(body), v[0], v[1])
                    if pp and pp.group("pp").lower().startswith(("upd", "last")):
                        updated = updated or found
                        continue
                    return found
        return updated

    def _wire_dateline(self, text: str, P: _dt.date | None) -> tuple[int, int, str | None, str | None] | None:
        """``LONDON, May 21 (Reuters) -`` at the start of a paragraph near the top. A date
        without a year is only resolved when the publication date is already known."""
        stop = min(len(text), 3000)
        # ``_WIRE.search(text, 0, stop)``: the pattern opens with ``^`` (MULTILINE), so only
        # line starts can match; trying just those spares a failed attempt at every character
        m = None
        p = 0
        while p <= stop:
            m = _WIRE.match(text, p, stop)
            if m is not None:
                break
            p = text.find("\n", p, stop) + 1
            if p <= 0:
                break
        if m is None:
            return None
        body = m.group("date")
        v = parse_date_value(body)
        if v is None:
            w = re.match(r"(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Za-z]+)|(?P<m2>[A-Za-z]+)\.?\s+(?P<d2>\d{1,2}))$", body)
            month = MONTHS.get((w.group("m1") or w.group("m2")).lower()) if w else None
            if month is None:
                return None
            day = int(w.group("d1") or w.group("d2"))
            v = iso(infer_year(month, day, P), month, day) if P else (None, None)
            if v is None:
                return None
        return m.start("date"), m.end("date"), v[0], v[1]

    def _record_published(self, records: list | None) -> str | None:
        for rec in records or []:
            for obj in (rec.get("fields") or {}, rec.get("raw")):
                if not isinstance(obj, dict):
                    continue
                for k, v in obj.items():
                    if isinstance(k, str) and k.lower().replace("-", "_") in self.re_pubfields and isinstance(v, str):
                        pv = parse_date_value(v[:40])
                        if pv and pv[1] == "day":
                            return pv[0]
        return None

    # -- candidates ---------------------------------------------------------------------
    def _probes(self) -> Probes | None:
        """The native form of ``re_any``'s positions, one group per kind (``scans`` order):
        the folded spellings (``multiscan.folded_prefixes``) of the consumed character and
        the first characters of every match of that kind; None when some kind has no such
        bound."""
        groups: dict[str, frozenset[str]] = {}
        seed = getattr(self, "_prefix_seed", {})
        made: dict[str, list[str] | None] = {}
        self._prefix_made = made
        for kind, rx in self.scans:
            src, k = _NOT_WORD_BEFORE + "(?:" + rx.pattern + ")", 1 + _PROBE_CHARS.get(kind, 4)
            key = f"{k}\t{src}"  # everything the prefixes depend on
            if key in seed:  # derived at build time (``prebuilt``)
                pre = None if seed[key] is None else frozenset(seed[key])
            else:
                pre = folded_prefixes(src, k)
            made[key] = None if pre is None else sorted(pre)
            if pre is None or min(map(len, pre)) < 2:
                return None
            groups[kind] = pre
        try:
            return Probes(groups)
        except (RuntimeError, ValueError):
            return None

    def prebuilt(self) -> dict[str, Any] | None:
        """The folded prefixes of ``_probes`` (about 0.1 s to derive at every load), keyed by
        the probe length and the pattern text they come from."""
        made = getattr(self, "_prefix_made", None)
        return {"folded_prefixes": made} if made else None

    def use_prebuilt(self, values: dict[str, Any]) -> None:
        seed = values.get("folded_prefixes")
        self._prefix_seed = seed if isinstance(seed, dict) else {}

    def scan(self, low: str, spaced: str | None = None) -> Iterator[tuple[int, str, re.Match[str]]]:
        """``(k, kind, match)``: exactly the matches of each kind's ``scans[k].finditer(low)``
        (by start; at one start, kinds in no fixed order).

        A kind is tried only at the positions the shared scan reports (every word start where
        any kind can match, behind its first-letter gate), from its own last match's end on.
        With the native scanner (``probes``) those positions come from one Aho-Corasick pass
        over the folded page, each with the kinds whose own prefixes occur there (a prefix
        spells out several characters of a kind's match, so far fewer kinds are tried than
        the first character admits): a superset of each kind's match starts.
        """
        scans = self.scans
        resume = [0] * len(scans)
        if spaced is None:
            spaced = " " + low
        if self.probes is not None:
            hits: Any = self.probes.hits(fold(spaced))
        else:
            by_char = self.kinds_by_char
            hits = []
            for g in self.re_any.finditer(spaced):
                c = low[g.start()]
                ks = by_char.get(c)
                if ks is None:
                    ks = by_char[c] = self._kinds_for(c)
                hits.append((g.start(), ks))
        for p, ks in hits:
            # the consumed character is low[p - 1]: the word starts at low[p]
            if p and low[p - 1] > "\x7f" and low[p - 1].isalnum():
                continue  # a non-ASCII word character (``\w``) before: not a word start
            for k in ks:
                if p < resume[k]:
                    continue
                kind, rx = scans[k]
                m = rx.match(low, p)
                if m is not None:
                    resume[k] = m.end()
                    yield k, kind, m

    def _candidates(self, skip: list, text: str, low: str) -> list[dict[str, Any]]:
        raw: list[tuple[int, int, int, int, int, str, re.Match[str], dict[str, str]]] = []
        spaced = " " + low  # for the word-start scans (``scan``, ``_left``)
        refused, left, accept = self._refused, self._left, self._accept
        for k, kind, m in self.scan(low, spaced):
            if refused(text, kind, m):
                continue  # _accept would refuse it whatever _left finds: skip that search
            start, pre = left(low, kind, m, spaced)
            if start is not None and accept(text, low, kind, m, start, pre):
                e = m.end()
                raw.append((start, start - e, k, m.start(), e, kind, m, pre))
        # the order of one finditer per kind, kind after kind, stably sorted by (start, -length):
        # sorted by (start, -length, kind, match start); no two entries agree on all four (one
        # kind's matches at one start are one match), so the rest is never compared
        raw.sort()
        out: list[dict[str, Any]] = []
        last_end = -1
        for s, _neg, _k, _ms, e, kind, m, pre in raw:
            if s < last_end:  # overlaps the previous pick: leftmost, then longest, wins
                continue
            if skip and touches(skip, s, e):
                continue
            out.append({"start": s, "end": e, "kind": kind, "m": m, "pre": pre, "text": text[s:e]})
            last_end = e
        return out

    def _kinds_for(self, c: str) -> tuple[int, ...]:
        """Indexes of the kinds whose leading character test admits ``c`` (the others cannot
        match at a word starting with it); all of them when a kind has no such test."""
        if self.heads is None:
            return tuple(range(len(self.scans)))
        return tuple(k for k, h in enumerate(self.heads) if h.match(c))

    def _left(self, low: str, kind: str, m: re.Match[str], spaced: str | None = None) -> tuple[int | None, dict[str, str]]:
        """Extend a match leftwards over the words that may precede its head; ``(None, {})``
        when a required left word is missing."""
        s = m.start()
        if kind == "wordy" or kind == "year":
            if not self._may_have_mod(low, s):
                return s, {}  # what left_mod finding nothing gives
            rx = self.left_mod
        elif kind == "weekday":
            rx = self.left_weekday
        elif kind == "relative":
            if m.group("aunit"):
                rx = self.left_number
            elif m.group("past"):
                rx = self.left_in_the
            else:
                if not self._relative_may_extend(low, s):
                    # left_relative's only match is the empty one at s (what the test below gives)
                    return (None, {}) if m.group("same") else (s, {})
                rx = self.left_relative
        else:
            return s, {}
        if rx.__class__ is WordStartRegex:
            mm = rx.search(low, max(0, s - 40), s, spaced)  # spaced: " " + low, if the caller has it
        else:
            mm = rx.search(low, max(0, s - 40), s)
        if mm is None or mm.start() == s or (mm.start() > 0 and low[mm.start() - 1].isalnum()):
            if kind == "relative" and (m.group("past") or m.group("same")):
                return None, {}
            return s, {}
        pre = {k: v for k, v in mm.groupdict().items() if v}
        if pre.get("aword") in self.not_numbers:
            return s, {}
        if kind == "relative" and m.group("same") and not low[mm.start():s].rstrip().endswith("the"):
            return None, {}
        return mm.start(), pre

    def _relative_may_extend(self, low: str, s: int) -> bool:
        """False when ``left_relative`` can only match empty at ``s`` in ``low[s - 40:s]``:
        each of its words is followed by one to three of ``_SPACE_CHARS`` and the match
        ends at ``s`` (``$``; also before a line break ending the window, left to the
        regex), so a longer match needs such a run of 1-3 characters right before ``s``
        after one of ``rel_lasts``."""
        if not s:
            return False
        c = low[s - 1]
        if c == "\n":
            return True
        if c not in _SPACE_CHARS:
            return False
        w0 = max(0, s - 40)
        body = low[w0:s].rstrip(_SPACE_CHARS)
        return s - w0 - len(body) <= 3 and body.endswith(self.rel_lasts)

    def _may_have_mod(self, low: str, s: int) -> bool:
        """False when ``left_mod`` cannot match before ``s``: every match of it ends at ``s``
        (``$``; at ``s - 1`` only before a line break there, left to the regex) with a
        modifier and spaces, or ``mid``/``early``/``late`` and a hyphen."""
        if not s:
            return False
        c = low[s - 1]
        if c == "\n":
            return True
        if c == "-":
            return low.endswith(self.mod_hyphen, max(0, s - 6), s - 1)
        if c not in _SPACE_CHARS:
            return False
        return low[max(0, s - 40):s].rstrip(_SPACE_CHARS).endswith(self.mod_lasts)

    @staticmethod
    def _refused(text: str, kind: str, m: re.Match[str]) -> bool:
        """The refusals of ``_accept`` that do not depend on the words left of the match
        (a lower-case bare month or weekday: "may", "march"; "USA TODAY")."""
        if kind == "wordy":
            return m.group("mon4") is not None and not text[m.start("mon4")].isupper()
        if kind == "weekday":
            return not text[m.start("wd")].isupper()
        if kind == "relative":
            if m.group("today") and text[m.start("today"):m.end("today")].isupper():
                return True
            u = m.group("runit")
            return bool(m.group("rdir") and u and u in MONTHS and not text[m.start("runit")].isupper())
        return False

    def _accept(self, text: str, low: str, kind: str, m: re.Match[str], start: int, pre: dict[str, str]) -> bool:
        if kind == "wordy" and m.group("mon4"):
            word = text[m.start("mon4"):m.end("mon4")]
            if not word[0].isupper():
                return False
            if pre or m.group("ry"):
                return True
            before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if before and before.group(1).lower() in self.bare_month_ctx:
                return word.lower() != "may" or before.group(1).lower() in self.may_context
            return bool(self.re_noun_after.match(low[m.end():m.end() + 40]))
        if kind == "relative" and m.group("today") and text[m.start("today"):m.end("today")].isupper():
            return False  # "USA TODAY"
        if kind == "weekday":
            if not text[m.start("wd")].isupper():
                return False
            return True
        if kind == "year":
            if start == m.start() and m.start() > 0 and low[m.start() - 1] == "-":
                return False  # CVE-2017-..., a hyphenated code; "mid-2018" was taken by _left
            before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if before and before.group(1).lower() in self.year_reject_before:
                return False
            after = _WORD_AFTER.match(text[m.end():m.end() + 30])
            if after and after.group(1).lower() in self.year_reject_after:
                return False
            return True
        if kind == "relative" and m.group("rdir") and m.group("runit"):
            u = m.group("runit")
            if u in MONTHS and not text[m.start("runit")].isupper():
                return False
        return True

    # -- resolution ---------------------------------------------------------------------
    def _resolve(self, c: dict[str, Any], P: _dt.date | None, day_first: bool) -> None:
        m: re.Match[str] = c["m"]
        kind = c["kind"]
        c["value"] = None
        c["precision"] = None
        try:
            self.resolvers[kind](c, m, P, day_first)
        except (ValueError, OverflowError, KeyError):
            c["value"] = None

    def _set(self, c: dict[str, Any], v: tuple[str, str] | None) -> None:
        if v:
            c["value"], c["precision"] = v

    def _r_numeric(self, c: dict[str, Any], m: re.Match[str], P: _dt.date | None, day_first: bool) -> None:
        if m.group("iy"):
            self._set(c, iso(int(m.group("iy")), int(m.group("im")), int(m.group("id"))))
        elif m.group("a"):
            self._set(c, parse_date_value(f"{m.group('a')}/{m.group('b')}/{m.group('c')}", day_first=day_first))
        else:
            self._set(c, iso(int(m.group("my")), int(m.group("mm"))))

    def _r_wordy(self, c: dict[str, Any], m: re.Match[str], P: _dt.date | None, day_first: bool) -> None:
        mon_s = next(g for g in (m.group("mon1"), m.group("mon2"), m.group("mon3"), m.group("mon4")) if g)
        month = MONTHS[mon_s.lower().rstrip(".")]
        day_s = m.group("d1") or m.group("d2")
        day = int(_DIGITS.match(day_s).group(0)) if day_s else None
        year_s = m.group("y1") or m.group("y2") or m.group("y3")
        c["month"], c["day"] = month, day
        if year_s:
            c["year_given"] = True
            self._set(c, iso(int(year_s), month, day))
            return
        ry = (m.group("ry") or "").lower()
        if ry and P is not None:
            y = P.year + (-1 if ry.startswith("last") or "previous" in ry else 1 if ry == "next" else 0)
            if "same" in ry or "following" in ry:
                return
            c["year_given"] = True
            self._set(c, iso(y, month, day))
            return
        if P is not None:
            self._set(c, iso(infer_year(month, day, P), month, day))

    def _r_year(self, c: dict[str, Any], m: re.Match[str], P: _dt.date | None, day_first: bool) -> None:
        y = int(m.group("y"))
        self._set(c, iso(y))
        if m.group("y2"):
            y2s = m.group("y2")
            y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
            if y2 > y:
                c["end_value"] = f"{y2:04d}"

    def _r_weekday(self, c: dict[str, Any], m: re.Match[str], P: _dt.date | None, day_first: bool) -> None:
        if P is None:
            return
        wd = self.weekdays[m.group("wd").lower()]
        wmod = _squeeze(c["pre"].get("wmod", ""))
        if wmod in ("next", "coming"):
            d = weekday_on_or_after(P + _dt.timedelta(days=1), wd)
        elif wmod == "this":
            d = weekday_on_or_before(P, wd) if (P.weekday() - wd) % 7 <= 1 else weekday_on_or_after(P, wd)
        else:
            d = weekday_on_or_before(P, wd, inclusive=wmod not in ("last", "past") and "past" not in wmod)
        c["value"], c["precision"] = d.isoformat(), "day"

    def _r_relative(self, c: dict[str, Any], m: re.Match[str], P: _dt.date | None, day_first: bool) -> None:
        if P is None:
            return
        # the match's groups, and the left words ``_left`` found (``rmod``, ``anum``, ``aword``:
        # no group of ``re_relative`` has their names; ``pre`` keeps only non-empty ones)
        pre = c["pre"]
        grp = m.group
        today = grp("today")
        if today:
            shift = _TODAY_SHIFT[today]
            c["value"], c["precision"] = (P + _dt.timedelta(days=shift)).isoformat(), "day"
            return
        rdir = grp("rdir")
        if rdir and not grp("rnum"):
            unit = grp("runit")
            if _squeeze(rdir) == "past" or (unit in self.units and unit.endswith("s")):
                return  # a period ("the past year", "the coming days"): no single date
            self._relative_named(c, rdir, unit, P)
            self._narrow_week(c, pre.get("rmod"), P)
            return
        adir = grp("adir")
        if adir == "ago" and pre.get("aword"):
            # a number word our table lacks ("thirteen days ago"): dateparser, against P
            v = _dateparser_relative(_SPACES.sub(" ", c["text"]), P.isoformat())
            unit = self.units.get(grp("aunit"))
            if v and unit in ("day", "week", "weekend", "month", "year"):
                keep = {"month": 7, "year": 4}.get(unit, 10)
                c["value"], c["precision"] = v[:keep], {7: "month", 4: "year"}.get(keep, "day")
            return
        anum = pre.get("anum")
        if anum and adir == "ago":
            anum = _squeeze(anum)
            n = self.numbers.get(anum) or (int(anum) if anum.isdigit() else None)
            unit = self.units.get(grp("aunit"))
            if anum in self.vague:
                return  # "a few weeks ago": no single date
            if n is None or unit is None:
                return
            if unit == "day":
                c["value"], c["precision"] = (P - _dt.timedelta(days=n)).isoformat(), "day"
            elif unit in ("week", "weekend"):
                c["value"], c["precision"] = (P - _dt.timedelta(days=7 * n)).isoformat(), "day"
            elif unit == "month":
                self._set(c, iso(*add_months(P.year, P.month, -n)))
            elif unit == "year":
                self._set(c, iso(P.year - n))
            return
        emod = grp("emod")
        if emod and grp("edet") in ("this", "the"):
            eunit = grp("eunit")
            if eunit in ("month", "year"):
                self._relative_named(c, "this", eunit, P)
            elif eunit == "week":
                self._relative_named(c, "this", "week", P)
                self._narrow_week(c, emod, P)

    @staticmethod
    def _narrow_week(c: dict[str, Any], rmod: str | None, P: _dt.date) -> None:
        """"earlier this week" ends on the publication day, "later this week" starts on it."""
        if not rmod or not c.get("end_value") or not c["value"] <= P.isoformat() <= c["end_value"]:
            return
        if rmod.startswith("earl"):
            c["end_value"] = P.isoformat()
        elif rmod.startswith("lat") and rmod != "late":
            c["value"] = P.isoformat()

    def _relative_named(self, c: dict[str, Any], rdir: str, unit: str, P: _dt.date) -> None:
        """last/this/next/past + week, month, year, weekend, a month name or a part of day."""
        rdir = _squeeze(rdir)
        step = _STEP[rdir]
        u = self.units.get(unit, unit)
        if rdir == "previous" or (u == "day" and rdir != "this"):
            return  # anaphoric: "the previous year", "the next day" follow another date
        if unit in MONTHS:
            month = MONTHS[unit]
            if step < 0:
                y = P.year if month < P.month else P.year - 1
            elif step > 0:
                y = P.year if month > P.month else P.year + 1
            else:
                y = P.year
            self._set(c, iso(y, month))
        elif u == "year":
            self._set(c, iso(P.year + step))
        elif u == "month":
            self._set(c, iso(*add_months(P.year, P.month, step)))
        elif u in ("week", "weekend"):
            monday = P - _dt.timedelta(days=P.weekday()) + _dt.timedelta(days=7 * step)
            if u == "weekend":
                sat = monday + _dt.timedelta(days=5)
                if step == 0 and sat > P:
                    sat -= _dt.timedelta(days=7)
                c["value"], c["end_value"] = sat.isoformat(), (sat + _dt.timedelta(days=1)).isoformat()
            else:
                c["value"], c["end_value"] = monday.isoformat(), (monday + _dt.timedelta(days=6)).isoformat()
            c["precision"] = "day"
        elif u == "day" or unit in ("morning", "afternoon", "evening", "night"):
            shift = -1 if (step < 0) else (1 if step > 0 else 0)
            c["value"], c["precision"] = (P + _dt.timedelta(days=shift)).isoformat(), "day"
        elif u == "quarter":
            q = (P.month - 1) // 3 + step
            y, qq = P.year + q // 4, q % 4
            c["value"], c["end_value"], c["precision"] = f"{y:04d}-{qq * 3 + 1:02d}", f"{y:04d}-{qq * 3 + 3:02d}", "month"
        elif unit in self.seasons:
            first, length = self.seasons[unit]
            here = P.year * 12 + P.month - 1
            # season instances by start month index; pick the one the phrase names
            starts = [(P.year + k) * 12 + first - 1 for k in (-2, -1, 0, 1)]
            if step < 0:
                done = [st for st in starts if st + length - 1 < here]
                st = done[-1]
            elif step > 0:
                st = next(st for st in starts if st > here)
            else:
                cur = [st for st in starts if st <= here <= st + length - 1]
                st = cur[0] if cur else next(st for st in starts if st // 12 == P.year)
            en = st + length - 1
            c["value"], c["end_value"] = f"{st // 12:04d}-{st % 12 + 1:02d}", f"{en // 12:04d}-{en % 12 + 1:02d}"
            c["precision"] = "month"

    # -- ranges and shared years ---------------------------------------------------------------
    def _joined(self, text: str, a: dict[str, Any], b: dict[str, Any]) -> tuple[bool, bool]:
        """(is_range, is_list) for two neighbouring mentions."""
        between = text[a["end"]:b["start"]]
        if len(between) > 12:
            return False, False
        is_range = bool(_RANGE_JOIN.match(between)) and (
            not re.match(r"^\s*and", between, re.I) or bool(_RANGE_OPEN.search(text, max(0, a["start"] - 20), a["start"]))
        )
        return is_range, is_range or bool(_LIST_JOIN.match(between))

    def _link(self, text: str, cands: list[dict[str, Any]], P: _dt.date | None) -> None:
        # a year-less second end takes the first end's year ("from March 5, 2024 to April 2")
        for a, b in zip(cands, cands[1:]):
            if b["kind"] != "wordy" or b.get("year_given") or not a.get("year_given") or not a.get("value"):
                continue
            if a["kind"] != "wordy" or not self._joined(text, a, b)[1]:
                continue
            ay, am = int(a["value"][:4]), a.get("month") or 1
            v = iso(ay + 1 if b["month"] < am else ay, b["month"], b.get("day"))
            if v:
                b["value"], b["precision"] = v
                b["year_given"] = True
        for i in range(len(cands) - 1, 0, -1):
            a, b = cands[i - 1], cands[i]
            is_range, is_list = self._joined(text, a, b)
            if not is_list:
                continue
            # a year-less first end takes the second end's year (one earlier if it would come after)
            a_open = a["kind"] == "wordy" and not a.get("year_given")
            if a_open and b.get("value") and b["kind"] in ("wordy", "numeric") and b.get("year_given", b["kind"] == "numeric"):
                by = int(b["value"][:4])
                y = by - 1 if a["month"] > int(b["value"][5:7] or 0) and len(b["value"]) >= 7 else by
                v = iso(y, a["month"], a.get("day"))
                if v:
                    a["value"], a["precision"] = v
                    a["year_given"] = True
            elif a_open and b["kind"] == "year" and b.get("value"):
                v = iso(int(b["value"]), a["month"], a.get("day"))
                if v:
                    a["value"], a["precision"] = v
                    a["year_given"] = True
            if is_range and a.get("value") and b.get("value") and not a.get("end_value"):
                if b["value"] >= a["value"]:
                    a["end_value"] = b["value"]
                    a["range_next"] = True

    # -- roles ------------------------------------------------------------------------------
    def _role(self, sents: list, text: str, start: int, end: int) -> str:
        """Role from cue words around ``[start, end)``; ``text`` is the lower-cased text and
        ``sents`` is ``doc._.breach_sents``. (The clauses are cut only when the checks that
        do not need them have not decided.)

        Speed: when every role regex has its word-start scan (``regexgate.WordStartRegex``),
        ``_role_fast`` makes the same decisions calling those scans directly."""
        if self.role_scans is not None:
            return self._role_fast(sents, text, start, end)
        return self._role_plain(sents, text, start, end)

    def _role_fast(self, sents: list, text: str, start: int, end: int) -> str:
        """``_role_plain`` with the ``WordStartRegex`` calls written out on their scans (a
        scan runs on ``" " + s``: a match of it ends one character later than the match of
        the regex it stands for)."""
        cues, nouns, said, content, noun_before, other_prep, either = self.role_scans
        before, after = _role_windows(sents, text, start, end)
        if self.re_noun_after.match(after[:60]):
            return "incident"
        if said.search(" " + before[-60:]) is not None:
            return "disclosure" if content.search(" " + after[:130]) is not None else "other"
        if other_prep.search(" " + before[-30:]) is not None:
            return "other"
        cb = None
        if _may_break(before):
            for cb in self.re_clause_break.finditer(before):
                pass
        clause_before = before[cb.end():] if cb else before
        spaced = " " + clause_before
        last = None
        # (``either`` finds a match wherever cues or nouns do: when it finds none, neither loop can)
        for rx in (cues, nouns) if either.search(spaced) is not None else ():
            pos = 0
            while True:
                m = rx.search(spaced, pos)
                if m is None:
                    break
                last = m
                pos = m.end() - 1
            if last is not None:
                break
        if last is not None:
            if _THAT.match(spaced, last.end()):
                # "reported that on July 15 ... was stolen": the cue governs the "that" clause
                # the date sits in; that clause's own verb (after the date) decides first
                got = cues.search(" " + self._clause_after(after))
                if got is not None:
                    return got.lastgroup or "other"
            return last.lastgroup or "other"
        if noun_before.search(" " + clause_before[-80:]) is not None:
            return "incident"
        clause_after = " " + self._clause_after(after)
        if either.search(clause_after) is None:
            return "other"  # neither cues nor nouns there
        for rx in (cues, nouns):
            first = rx.search(clause_after)
            if first is not None:
                return first.lastgroup or "other"
        return "other"

    def _role_plain(self, sents: list, text: str, start: int, end: int) -> str:
        """The plain form of ``_role`` (through the ``WordStartRegex`` wrappers)."""
        before, after = _role_windows(sents, text, start, end)
        if self.re_noun_after.match(after[:60]):
            return "incident"
        if self.re_said_before.found(before[-60:]):
            return "disclosure" if self.re_breach_content.found(after[:130]) else "other"
        if self.re_other_prep.found(before[-30:]):
            return "other"
        cb = None
        for cb in self.re_clause_break.finditer(before):
            pass
        clause_before = before[cb.end():] if cb else before
        spaced = " " + clause_before  # for the word-start scans
        last = self.re_cues.last(clause_before, spaced)
        if last is None:
            last = self.re_noun_cues.last(clause_before, spaced)
        if last is not None:
            if _THAT.match(clause_before, last.end()):
                # "reported that on July 15 ... was stolen": the cue governs the "that" clause
                # the date sits in; that clause's own verb (after the date) decides first
                after = self.re_cues.search(self._clause_after(after))
                if after is not None:
                    return after.lastgroup or "other"
            return last.lastgroup or "other"
        if self.re_noun_before.found(clause_before[-80:]):
            return "incident"
        clause_after = self._clause_after(after)
        for rx in (self.re_cues, self.re_noun_cues):
            first = rx.search(clause_after)
            if first is not None:
                return first.lastgroup or "other"
        return "other"

    def _clause_after(self, after: str) -> str:
        ca = self.re_clause_break.search(after) if _may_break(after) else None
        return after[:ca.start()] if ca else after


@Language.factory("breach_dates", assigns=["doc._.breach_dates", "doc._.breach_published"],
                  requires=["doc._.breach_skip", "doc._.breach_sents"])
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates(nlp, name)
