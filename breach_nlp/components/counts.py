"""`breach_counts`: counts of affected people/records/accounts, and the main incident's count.

Sets ``doc._.breach_counts`` (RecordCount dicts: ``text``, ``start``, ``end``, ``value``,
``unit``, ``qualifier``, ``main``) and ``doc._.breach_records_affected`` (one of them, or None).
Word lists and cue patterns live in ``patterns/counts.json``; numbers are parsed by
:func:`breach_nlp.numbers.parse_count`.

Finding counts (regex scans of ``doc.text``, then small look-arounds per candidate):

- Numbers in ASCII digits (``4,500,000``, ``43 000 000``, ``1.200.000``; ``3.851
  individuals`` without a scale word is read as 3,851), with scale words or suffixes (``15
  million``, ``6.5m``, ``96M``, ``2.9bn``, ``17k``), spelled out with a scale word (``three
  million``, ``half a million``, ``three quarters of a million``, ``a dozen``) or vague
  (``tens of millions of records``: value None). Spelled numbers below ten (``two
  employees``) and ``a few dozen`` are narrative, not counts. Numbers too large for 64 bits
  are dropped.
- Only prose counts: matches inside ``doc._.breach_skip`` (embedded records, boilerplate,
  URLs) or outside ``doc._.breach_sents`` are ignored.
- The counted noun (``unit``) follows the number across at most four ordinary modifiers,
  a short parenthesis, or ``of its`` / ``of the CE's`` (``1.2 million French bank accounts``,
  ``5.7 million unique customers``, ``all 6.5 million of its members``), taking the head of
  a noun compound (``five employee email accounts`` -> accounts); or it precedes the number
  as a label (``the number of affected customers at 69,461``). Units come from a lexicon of
  people/account/data nouns; ``operations``, ``appointments``, ``followers``, ``years``,
  ``GB``, currencies and function words end the search, and a singular unit followed by
  another noun is a modifier (``15.5 million account login attempts``). A number with no
  counted noun is kept (unit None) when it is large (a scale word or >= 1,000) and either
  follows a breach verb/preposition with nothing noun-like after it (``Medical Details Of 15
  Million In France``, ``the credit-card data of 209,000 —``) or is followed by a breach
  participle (``61,011 MtGox.com stolen``).
- Not counts: years (a 19xx/20xx number counts only with its noun right after it and no
  date word before), percentages, money (currency sign or code before), phone/case/version
  numbers (glued to ``-``, ``#``, ``/``, ``:``, or after ``version``, ``No.``), numbers in
  names (``Office 365 accounts``, ``1Password``), ages, durations and sizes (no counted
  noun), ranges' lower bounds, rates (``50 million passengers a year``), bases of a
  percentage (``1% of its more than 18,000 customers``), populations and company sizes
  (``has about 22,500 employees``, ``its roughly 23 million subscribers``) unless a breach
  participle follows the noun (``had 186k records exposed``), legal thresholds (``in each
  state was less than 500``), and people counts with no breach word in their sentence or the
  sentences next to it (data and account units need none).
- ``qualifier`` from the hedge before the number (``over``/``more than`` -> over,
  ``nearly``/``fewer than`` -> under, ``about``/``roughly`` -> about, ``up to``/``as many
  as`` -> up_to; ``500,000-plus`` -> over), else ``exact``.
- ``main`` is False when the count's sentence has a separate-incident cue before the count
  (``follows a separate cyberattack``, ``second major breach``, ``an earlier data breach``,
  ``comes a few weeks after``) and no return to the main incident after the cue (``the
  subsequent breach exposed ...``).
- The same count stated twice (values within 2%: a headline ``15 Million`` and the prose
  ``over 15 million individuals``; ``nearly 27 million`` and ``26,957,749``) is reported once:
  the mention with a counted noun, then the most precise, then the first.

Choosing ``records_affected`` among the main counts that have a value, in this order:
subset counts (``about 4 million of those customers``, ``including 200 minors``) come last
unless they are unique addresses/people; counts with a counted noun before bare ones; counts
of 50 or more before smaller ones and employee counts after others (small counts and
employees are usually actors: ``two former employees impermissibly accessed``, ``the email
accounts of 11 staff members``); whole-population scope (``all 4.2 million members``); the
affected total (``the breach affected 7,445 individuals``, ``affecting the PHI of 13,112``,
``approximately 1,500 affected individuals``); unique people/addresses over raw rows (``22
million records containing almost 15 million unique email addresses``); then the first
mention (the headline or lead usually states the main figure). A separate incident's count
is never chosen.
"""

from __future__ import annotations

import re
from operator import methodcaller
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..docext import get_values, set_value
from ..numbers import DIGITS_TAIL_RE, MAX_COUNT, alternation, parse_count, scale_re
from ..textspans import (
    digit_starts, doc_digit_starts, doc_lower, doc_text, find_range, lowered_ok, lowered_regex, max_width, touches,
    touching,
)
from .base import BreachComponent, remember

_SCALE_RE = scale_re("scale")


_WORD = re.compile(
    r"[A-Za-z][A-Za-z0-9'’-]{0,40}(?:\.[A-Za-z0-9][A-Za-z0-9-]{0,30}){0,3}|\([^()\n]{1,30}\)|[^\sA-Za-z]"
)


def _tail_lead(rx: re.Pattern) -> int | None:
    """How far before the end of the searched string a match of ``rx`` can start, when every
    match ends at the end (the pattern's last item is ``$``, not in MULTILINE mode): its
    widest match plus one (``$`` also matches before a final line break). None otherwise.
    ``rx.search(s, len(s) - lead)`` (clamped at 0) then finds what ``rx.search(s)`` finds,
    trying a few positions instead of every one (look-behinds and ``\\b`` still see the
    characters before the start)."""
    if rx.flags & re.MULTILINE:
        return None
    try:
        from re import _constants, _parser  # the stdlib's own regex parser (Python 3.11+)

        items = list(_parser.parse(rx.pattern, rx.flags))
    except Exception:  # noqa: BLE001 - unknown: no lead, the plain search is used
        return None
    if not items or items[-1] != (_constants.AT, _constants.AT_END):
        return None
    width = max_width(rx.pattern)
    return None if width is None else width + 1


def _search_tail(rx: re.Pattern, lead: int | None, s: str) -> re.Match | None:
    """``rx.search(s)`` for a pattern whose matches end at the end of ``s`` (see _tail_lead)."""
    return rx.search(s) if lead is None else rx.search(s, max(0, len(s) - lead))


_CURRENCY_BEFORE = re.compile(
    r"(?:[$€£¥₹₩₽₺₦฿₫₴]|\b(?:US|USD|EUR|GBP|CAD|AUD|INR|JPY|CHF|Rs\.?|R|Rp|RM|kr)\s?)\s?$"
)
_CURRENCY_LEAD = _tail_lead(_CURRENCY_BEFORE)
_PERCENT_AFTER = re.compile(r"\s?(?:%|per ?cent\b|pct\b)", re.IGNORECASE)
_DOT_GROUP = re.compile(r"^[0-9]{1,3}\.[0-9]{3}$")
_YEAR = re.compile(r"^(?:19|20)[0-9]{2}$")
_CENTURIES = ("19", "20")  # the first two digits of a _YEAR
_NON_DIGITS = re.compile(r"[^0-9]")
_BREACH_PARTICIPLE = re.compile(
    r"\s{1,3}(?:(?:were|was|had been|have been|being|are|got)\s{1,3})?(?:\w{1,20}ly\s{1,3})?"
    r"(?:exposed|affected|impacted|stolen|compromised|leaked|breached|accessed|taken|dumped|posted)\b",
    re.IGNORECASE,
)
#: "affecting the PHI of 13,112 individuals", "the breach affected 7,445": the affected total
_AFFECT_BEFORE = re.compile(r"\b(?:affect|impact)(?:s|ed|ing)?\b(?!\s{1,3}by\b)[^0-9.;]{0,50}$", re.IGNORECASE)
_AFFECT_AFTER = re.compile(
    r"[^0-9.;]{0,30}?\b(?:were|was|are|is|been|be|being)\s{1,3}(?:\w{1,20}\s{1,3})?(?:affected|impacted)\b",
    re.IGNORECASE,
)
#: "all 6.5 million of its members", "2,259 of the covered entity’s (CE) patients", "895 of Molina’s members"
#: "fewer than 1% of its more than 18,000 customers": a base population, never a count
_PERCENT_OF = re.compile(r"(?:%|\bper ?cent)\s{1,3}of\s{1,3}(?:[\w'’-]{1,30}\s{1,3}){0,2}$", re.IGNORECASE)
_BARE_STOLEN = re.compile(
    r"\s{1,3}(?:[\w.-]{1,40}\s{1,3}){0,2}?(?:(?:which|that)\s{1,3})?(?:(?:were|was|had been|have been)\s{1,3})?"
    r"(?:stolen|leaked|exposed|compromised|breached|hacked|dumped)\b",
    re.IGNORECASE,
)
_OF = re.compile(r"\s{1,3}of\s{1,3}")
_WORD_NEXT = re.compile(r"(?:\s|\u00a0){1,2}[A-Za-z(]|[A-Za-z]|-?\s?plus|\+")
_TAIL_WORDS = re.compile(r"[^\s(\[“\"']+")
_FEW = frozenset(("few", "several", "many", "some"))
_QUAL_DELIMS = "([“\"'"


def _last_word(pre: str) -> str:
    """The last whitespace-separated word of ``pre`` (at most its last 40 characters, at most
    three spaces after it), lower case ('' when none): what
    ``re.search(r"(\\S{1,40})\\s{0,3}$", pre)`` finds, without a regex.

    >>> _last_word("affected more than 500"), _last_word("the  "), _last_word("x    ")
    ('500', 'the', '')
    """
    tail = pre.rstrip()
    if not tail or len(pre) - len(tail) > 3:
        return ""
    return tail.rsplit(None, 1)[-1][-40:].lower()


_NAME_BEFORE = re.compile(r"\b([A-Z][A-Za-z]{1,30})\s$")
_NAME_LEAD = _tail_lead(_NAME_BEFORE)
_OF_DET = re.compile(
    r"\s{1,3}of\s{1,3}(?:(?:the\s{1,3})?(?:[\w&.-]{1,30}\s{1,3}){0,3}?[\w&.-]{1,30}['’]s?\s{1,3}"
    r"(?:\([^()\n]{1,12}\)\s{1,3})?|(?:its|their|the|our|those|these|his|her)\s{1,3})",
    re.IGNORECASE,
)
_RANGE_NEXT = re.compile(r"\s?(?:-|–|—|to)\s?[0-9]")
_BARE_NEXT_OK = frozenset(
    "in on at from across worldwide and or who whose were was have had has are is nationwide globally".split()
)


_UNKNOWN = object()  # not in Counts.one_word_units
_ONE_WORD_CACHE = 50_000  # most words Counts.one_word_units holds (then it starts again)

#: How far before a number its hedge, label or blocking word is looked for (characters).
PRE_WINDOW = 60

#: Counts below this rank after larger ones for records_affected ("two employees accessed ...").
SMALL_COUNT = 50



class Counts(BreachComponent):
    data_files: tuple[str, ...] = ("counts.json",)

    def compile(self) -> None:
        assert self.data is not None
        d = self.data["counts.json"]
        self.units: dict[str, tuple[str, str]] = {}
        for cls, table in d["units"].items():
            if cls == "origin":
                continue
            for unit, forms in table.items():
                for f in forms:
                    self.units.setdefault(f.lower(), (unit, cls))
        self.max_unit_words = max(len(k.split()) for k in self.units)
        self.unit_first_words = frozenset(k.split(" ")[0] for k in self.units if " " in k)
        #: _unit_at's answers for words that start no longer unit (a cache: word -> answer)
        self.one_word_units: dict[str, tuple[int, str, str] | None] = {}
        #: singular unit words ("account"): followed by another noun they are modifiers
        self.singular = frozenset(k for k in self.units if " " not in k and not k.endswith("s") and k + "s" in self.units)
        self.name_ok = frozenset(w.lower() for w in d["name_before"]["words"]) | frozenset(self.qual_of_words(d))
        ms = d["modifier_stop"]
        self.function_words = frozenset(w.lower() for w in ms["function_words"])
        self.stop = self.function_words | frozenset(w.lower() for w in ms["other_nouns"])
        quals: list[tuple[str, str]] = []
        for q, phrases in d["qualifiers"].items():
            if q != "origin":
                quals += [(p.lower(), q) for p in phrases]
        self.qual_of = dict(quals)
        #: last words of the hedges: a word before the number that is none of them starts none
        self.qual_last = frozenset(p.split(" ")[-1] for p, _ in quals)
        self.max_qual_words = max(len(p.split()) for p, _ in quals)
        words = d["number_words"]["words"]
        scale_words = ["hundred", "thousand", "million", "billion", "trillion"]
        w = alternation(words + ["a " + s for s in scale_words[1:]])
        sw = alternation(scale_words + words)
        # a digit not after a word character, sign or separator, then the rest of the number
        # (the look-behind comes after the first digit, so re skips to digits in C)
        number = (
            r"(?P<num>[0-9](?<![\w$€£¥₹₩.,'’/#@-][0-9])" + DIGITS_TAIL_RE + r")" + f"(?:{_SCALE_RE})?"
            r"(?![0-9]|[.,][0-9]|-[0-9])"
        )
        wordnum_body = r"(?P<wnum>(?:" + w + r")(?:[\s-]{1,2}(?:and\s)?(?:" + sw + r")){0,5})(?![\w-])"
        wordnum = r"(?<![\w-])" + wordnum_body
        vague = r"(?<![\w-])(?P<vague>" + d["vague"]["pattern"] + r")(?=\s{1,3}of\s)"
        # three separate scans merged by position (one alternation of all three is slower)
        self.number = re.compile(number, re.IGNORECASE)
        self.wordnum = re.compile(wordnum, re.IGNORECASE)
        self.vague = re.compile(vague, re.IGNORECASE)
        # the same scans on the lower-cased text (faster; None when not applicable)
        self.wordnum_low = lowered_regex(self.wordnum)
        #: where wordnum_low can match after the first character (see _wordnum_low_matches):
        #: after any character but a hyphen or an ASCII word character (a superset of what
        #: its look-behind allows), the match itself in a look-ahead so none is skipped
        self.wordnum_starts = (
            re.compile(r"[^\-0-9A-Z_a-z](?=" + wordnum_body + ")") if self.wordnum_low is not None else None
        )
        self.vague_low = lowered_regex(self.vague)
        #: what every vague match ends with (its scale word and the " of " after it), searched
        #: first on the lower-cased text (a fast scan); each match then starts at most
        #: ``vague_lead`` characters before its tail (None: scan the whole text instead)
        self.vague_tail_low = re.compile("(?:" + "|".join(_VAGUE_TAILS) + r")\s{1,3}of\s")
        self.vague_lead = max_width(d["vague"]["pattern"]) if d["vague"]["pattern"].endswith(
            "(?:" + "|".join(_VAGUE_TAILS) + ")"
        ) else None
        self.plus = re.compile(d["plus_suffix"]["pattern"], re.IGNORECASE)
        #: number words that parse to less than ten on their own ("one", "two")
        self.small_words = frozenset(w for w in words if (parse_count(w) or 0) < 10)
        # every word that can start a unit (one-word units, first words of longer ones) as a
        # substring: no match near a number means no unit can be found there
        hint = set(self.unit_first_words) | {k for k in self.units if " " not in k}
        hint |= {h.replace("'", "’") for h in hint}
        self.unit_hint = re.compile(alternation(hint), re.IGNORECASE)
        self.unit_hint_low = re.compile(alternation(hint))  # on the lower-cased text
        nb = d["not_count_before"]
        self.not_before_words = frozenset(w.lower() for w in nb["words"])
        self.not_before_symbols = frozenset(nb["symbols"])
        self.not_before_glued = frozenset(nb["glued"])
        self.year_words = frozenset(w.lower() for w in d["year_prefix"]["words"])
        self.not_after = re.compile(d["not_count_after"]["pattern"], re.IGNORECASE)
        self.label_before = re.compile(d["label_before"]["pattern"], re.IGNORECASE)
        self.bare_words = frozenset(w.lower() for w in d["bare_count_before"]["words"])
        self.subset_before = re.compile(d["subset"]["before"], re.IGNORECASE)
        self.subset_after = re.compile(d["subset"]["after"], re.IGNORECASE)
        self.scope_before = re.compile(d["scope"]["before"], re.IGNORECASE)
        #: how far from the end of the text before a number these can start (see _tail_lead)
        self.subset_lead = _tail_lead(self.subset_before)
        self.scope_lead = _tail_lead(self.scope_before)
        self.incident_nouns = frozenset(w.lower() for w in d["singular_unit_before"]["words"])
        self.unique = frozenset(x.lower() for x in d["unique"]["words"])
        self.context = re.compile(
            r"\b" + alternation([x.lower() for x in d["breach_context"]["words"]]), re.IGNORECASE
        )
        self.threshold = re.compile(d["threshold_sentence"]["pattern"], re.IGNORECASE)
        self.reset = re.compile(d["main_incident_reset"]["pattern"], re.IGNORECASE)
        self.separate = re.compile("|".join(f"(?:{p})" for p in d["separate_incident"]["patterns"]), re.IGNORECASE)
        # the sentence scans on the lower-cased text (same matches, faster; see lowered_regex)
        self.context_low = lowered_regex(self.context)
        self.threshold_low = lowered_regex(self.threshold)
        self.separate_low = lowered_regex(self.separate)

    @staticmethod
    def qual_of_words(d: dict[str, Any]) -> set[str]:
        return {w.lower() for q, ps in d["qualifiers"].items() if q != "origin" for p in ps for w in p.split()}

    def _in_name(self, pre: str) -> bool:
        """True when the number is glued to a preceding capitalized name word ("Office 365")."""
        m = _search_tail(_NAME_BEFORE, _NAME_LEAD, pre)
        if not m:
            return False
        word = m.group(1)
        if word.lower() in self.name_ok:
            return False
        before = pre[: m.start(1)].rstrip()
        # a sentence opener ("Hackers 500 ..." is rare; "The" etc. are in name_ok)
        return bool(before) and before[-1] not in ".!?:;\n\"“"

    def _scans(self, text: str, low: str, ok: bool, digits: list[int] | None = None) -> list[Iterator[re.Match]]:
        """Candidate matches: digit numbers, and (only when a scale word occurs) spelled-out
        and vague numbers. Spelled numbers without a scale word ("twenty patients") are not
        looked for. ``low`` is ``text.lower()``, ``ok`` whether it stands in for ``text``;
        ``digits`` the text's digit run starts (textspans.digit_starts) when known."""
        scans: list[Iterator[re.Match]] = [self._digit_numbers(text, digits)]
        if "illion" in low or "thousand" in low or "hundred" in low or "dozen" in low:
            small = self.small_words
            scans.append([
                # a single number word below ten is never a count (see _candidate): dropped here
                m for m in (
                    self._wordnum_low_matches(low) if ok and self.wordnum_starts is not None
                    else _finditer(self.wordnum, self.wordnum_low if ok else None, text, low)
                )
                if m.group("wnum").lower() not in small
            ])
            if "illions" in low or "thousands" in low:
                if ok and self.vague_low is not None and self.vague_lead is not None:
                    scans.append(self._vague_low_matches(low))
                else:
                    scans.append(_finditer(self.vague, self.vague_low if ok else None, text, low))
        return scans

    def _wordnum_low_matches(self, low: str) -> list[re.Match]:
        """``list(self.wordnum_low.finditer(low))``, faster: ``wordnum_starts`` finds in one
        scan (that ``re`` runs with a character-set prefix, not a look-behind at every
        position) every place after the first where a match can start; in text order, each
        one at or after the end of the previous match is matched for real (which also checks
        the look-behind), as finditer would."""
        assert self.wordnum_low is not None and self.wordnum_starts is not None
        m = self.wordnum_low.match(low)
        end = 0 if m is None else m.end()
        starts = (c.end() for c in self.wordnum_starts.finditer(low, end))
        return _matches_at(self.wordnum_low, low, starts, [] if m is None else [m], end)

    def _vague_low_matches(self, low: str) -> list[re.Match]:
        """``self.vague_low.finditer(low)``, searched only just before each tail ("millions of"):
        every vague match ends with the scale word of one, starting at most ``vague_lead``
        characters before it, and the search from the previous match's end finds it first."""
        assert self.vague_low is not None and self.vague_lead is not None
        out = []
        end = 0
        for ts, te in _vague_tails(low):
            m = self.vague_low.search(low, max(end, ts - self.vague_lead), te)
            if m is not None:
                out.append(m)
                end = m.end()
        return out

    def _digit_numbers(self, text: str, digits: list[int] | None = None) -> list[re.Match]:
        """``list(self.number.finditer(text))``, matched only at the digit run starts
        (``digits``, else textspans.digit_starts(text)): a match starts at a digit after no
        word character, so at a run start, and none starts inside the previous one."""
        return _matches_at(self.number, text, digit_starts(text) if digits is None else digits)

    @staticmethod
    def _inherit_units(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Give list items like "Citigroup with 35,292" the unit of the count before them in
        the same sentence ("CVS with 40,739 records"); drop them when there is none."""
        out: list[dict[str, Any]] = []
        for c in found:
            if c["_inherit"]:
                prev = next((p for p in reversed(out) if p["_sent"] == c["_sent"] and p["unit"]), None)
                if prev is None:
                    continue
                c["unit"] = prev["unit"]
            out.append(c)
        return out

    def _sent_info(
        self, text: str, sents: list, si: int, cache: dict, low: str | None = None
    ) -> tuple[bool, bool, list[int]]:
        """(has breach words, states a threshold, ends of separate-incident cues) of sentence
        ``si``; ``low`` is the lower-cased text when it stands in for ``text`` (faster scans)."""
        info = cache.get(si)
        if info is None:
            a, b = sents[si]
            thr, t2 = _pick(self.threshold, self.threshold_low, text, low)
            sep, t3 = _pick(self.separate, self.separate_low, text, low)
            info = (
                self._has_context(text, sents, si, cache, low),
                thr.search(t2, a, b) is not None,
                [m.end() for m in sep.finditer(t3, a, b)],
            )
            cache[si] = info
        return info

    def _has_context(self, text: str, sents: list, si: int, cache: dict, low: str | None = None) -> bool:
        """``_sent_info(...)[0]``, without the other scans (cached in ``cache`` under ``~si``)."""
        has = cache.get(~si)
        if has is None:
            a, b = sents[si]
            ctx, t1 = _pick(self.context, self.context_low, text, low)
            has = cache[~si] = ctx.search(t1, a, b) is not None
        return has

    def _qualifier(self, pre: str) -> tuple[str, int] | None:
        """(qualifier, characters back from the number to the hedge's start) or None."""
        tail = pre.rstrip()
        if not tail:
            return None
        if tail[-1] == "~":
            return "about", len(pre) - len(tail) + 1
        if tail[-1] not in _QUAL_DELIMS:
            # fast exit: the last word (as _TAIL_WORDS cuts it) ends no hedge
            chunk = tail.rsplit(None, 1)[-1]
            if chunk.isalpha():  # no delimiter in it (the usual case)
                last = chunk
            else:
                last = chunk[
                    max(chunk.rfind("("), chunk.rfind("["), chunk.rfind("“"), chunk.rfind('"'), chunk.rfind("'")) + 1 :
                ]
            if len(last) <= 40 and last.lower() not in self.qual_last:
                return None
        words = list(_TAIL_WORDS.finditer(tail, max(0, len(tail) - 40)))
        for k in range(min(self.max_qual_words, len(words)), 0, -1):
            start = words[-k].start()
            phrase = " ".join(w.group(0) for w in words[-k:]).lower()
            q = self.qual_of.get(phrase)
            if q is not None and (start == 0 or not tail[start - 1].isalnum()):
                return q, len(pre) - start
        return None

    def _year_after_date_word(self, pre: str) -> bool:
        """A year-shaped number right after a date word ("in 2019 hackers", "since 2015
        the") and no hedge: the year check at the end of _candidate (last word of pre2 in
        year_words) says no count, and without a hedge pre2 is ``pre``, so it can say it
        before any other work."""
        return _last_word(pre).rstrip("-") in self.year_words and self._qualifier(pre) is None

    def _blocked(self, pre: str, last: str) -> bool:
        """A population/company-size word, a date word, or a symbol right before the number."""
        if last.strip("\"'“”‘’(") in self.not_before_words:
            return True
        if pre and pre[-1] in self.not_before_glued:
            return True
        tail = pre[:-1] if pre.endswith(" ") else pre
        return bool(tail) and tail[-1] in self.not_before_symbols

    # -- finding ---------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found: list[dict[str, Any]] = []
        sents, skip = get_values(doc, ("breach_sents", "breach_skip"))  # doc._ reads (see docext)
        sents = sents or []
        skip = skip or []
        ctx_cache: dict[int, Any] = {}  # see _sent_info, _has_context
        last_end = -1
        low = doc_lower(doc)
        ok = lowered_ok(text, low)
        scans = self._scans(text, low, ok, doc_digit_starts(doc))
        low_ok = low if ok else None
        # merged by position; a stable sort keeps heapq.merge's order (ties: earlier scan first)
        matches = list(scans[0]) if len(scans) == 1 else sorted([m for scan in scans for m in scan], key=_START)
        n_sents = len(sents)
        sp = 0  # the matches come in text order: the sentence index only moves forward
        # which matches touch a skip range, in one sweep (textspans.touching); when it cannot
        # sweep (ranges unsorted or overlapping) _candidate asks touches() for each
        hits = touching(skip, [m.span() for m in matches]) if skip else None
        cand_skip = skip if hits is None else ()  # what _candidate still checks
        for i, m in enumerate(matches):
            ms = m.start()
            if ms < last_end:
                continue
            if hits is not None and hits[i]:
                continue
            while sp < n_sents and sents[sp][1] <= ms:
                sp += 1
            if sp >= n_sents or sents[sp][0] > ms:
                continue  # outside the prose sentences (find_range(sents, ms) < 0)
            try:
                c = self._candidate(doc, text, m, sents, ctx_cache, cand_skip, low_ok, sp)
            except (ValueError, OverflowError, IndexError):  # pragma: no cover - defensive
                c = None
            if c is not None:
                found.append(c)
                last_end = c["end"]
        found = self._inherit_units(found)
        counts, main = self._choose(found)
        set_value(doc, "breach_counts", counts)
        set_value(doc, "breach_records_affected", main)
        return doc

    def _candidate(
        self, doc: Doc, text: str, m: re.Match, sents: list, ctx_cache: dict[int, Any],
        skip: list, low: str | None = None, si: int | None = None,
    ) -> dict[str, Any] | None:
        """The count at match ``m``, or None; ``low`` is the lower-cased text when it stands
        in for the text (see lowered_ok), for faster scans; ``si`` the index of the sentence
        around ``m`` (-1: none), found here when not given."""
        s, e = m.span()
        rx = m.re
        num = wtext = None
        scale = ""
        word_next = True  # is a word next? (asked only of numbers without a scale)
        if rx is self.number:
            num, scalew, scales, scalea = m.group("num", "scalew", "scales", "scalea")
            scale = scalew or scales or scalea or ""
            if not scale:
                word_next = _WORD_NEXT.match(text, e, e + 3) is not None
                if len(num) < 4 and not word_next:
                    # cheap early exit before any lookup: a small number not followed by a word
                    before = text[max(0, s - PRE_WINDOW) : s]
                    if " of " not in before and ":" not in before[-3:]:
                        return None
        elif rx is self.wordnum or rx is self.wordnum_low:
            wtext = m.group("wnum")
        if skip and touches(skip, s, e):
            return None
        if si is None:
            si = find_range(sents, s)
        if si < 0:
            return None
        sent_start, sent_end = sents[si]
        pre = text[max(sent_start, s - PRE_WINDOW) : s]
        vague = num is None and wtext is None
        scaled = False
        if num is not None:
            scaled = bool(scale)
            if scale:
                value = parse_count(num + scale)
            elif len(num) <= 19 and num.isdigit():
                # parse_count's own fast path, without the call: plain digits ("4500")
                value = int(num)
                if value > MAX_COUNT:
                    return None
            elif _DOT_GROUP.match(num):
                # "3.851 individuals": a fraction of a person makes no sense, the dot groups thousands
                value = parse_count(num.replace(".", ""))
            else:
                value = parse_count(num)
            if value is None:
                return None
            # _YEAR.match(num): four digits, 19xx or 20xx
            is_year = not scaled and len(num) == 4 and num[:2] in _CENTURIES and num.isdigit()
            if not scaled and (value < 1000 or is_year) and not word_next:
                # a small or year-shaped number not followed by a word ("March 14, 2024"): no
                # counted noun can follow and it is too small for a bare count; only a label
                # ("the number of affected patients was 500.") could make it one
                if not (" of " in pre or ":" in pre[-3:]):
                    return None
            if is_year and self._year_after_date_word(pre):
                return None
        elif wtext is not None:
            value = parse_count(wtext)
            if value is None:
                return None
            scaled = any(x in wtext.lower() for x in ("thousand", "million", "billion", "trillion"))
            if value < 10:
                return None  # "two employees", "one patient": narrative, not a count of the affected
            if _last_word(pre) in _FEW:
                return None  # "a few dozen", "several hundred": vague
            is_year = False
        else:
            value = None
            is_year = False
        after_end = min(sent_end, e + 160)
        noun = None  # _noun_after's answer, when asked early
        need_unit = vague or is_year or (not scaled and (value or 0) < 1000)
        unit_after = True  # can _noun_after find a unit? (False: surely not)
        pm = self.plus.match(text, e, after_end)  # "500,000-plus"
        num_end = pm.end() if pm else e
        if need_unit:
            # only a counted noun makes this a count: after the number (what _noun_after
            # reads: no unit word in its window, no unit) or in a label before it (pre2, at
            # most 2 * PRE_WINDOW back; a label needs " of ", ":" or "="). Neither: no count.
            # No label possible: look for the noun after the number first (below).
            hint, hint_text = (self.unit_hint_low, low) if low is not None else (self.unit_hint, text)
            unit_after = hint.search(hint_text, e, min(after_end, num_end + 90)) is not None
            wide_start = max(sent_start, s - 2 * PRE_WINDOW)
            wide = text[wide_start:s]
            label_possible = " of " in wide or ":" in wide or "=" in wide
            if not unit_after and not (
                # a label gives a unit only with a unit word in it (one of the hints), in pre2
                label_possible and hint.search(hint_text, wide_start, s) is not None
            ):
                return None
        if num is not None and (
            # the currency search starts where a match ending the text can start (the same matches)
            _search_tail(_CURRENCY_BEFORE, _CURRENCY_LEAD, pre)
            or _PERCENT_AFTER.match(text, e, min(e + 10, len(text)))
        ):
            return None  # money, a percentage
        if need_unit and not label_possible:
            noun = self._noun_after(text, num_end, after_end, vague, scaled or (value or 0) >= 100)
            if noun[0] is None or (is_year and noun[3]):
                return None  # no unit; a year with modifiers (both end below too)
        # hedge before the number
        qualifier = "exact"
        q_start = s
        qpos = self._qualifier(pre) if not vague else None
        if qpos is not None:
            qualifier, back = qpos
            q_start = s - back
        pre2 = text[max(sent_start, q_start - PRE_WINDOW) : q_start]
        if num is not None and not scaled and _RANGE_NEXT.match(text, e, after_end):
            return None  # "1,500 – 2,000 paper charts": the upper bound carries the noun
        if pm:
            qualifier = "over"
        # the counted noun
        unit = None
        unit_cls = None
        unit_end = num_end
        mods: list[str] = []
        label = self.label_before.search(pre2) if (" of " in pre2 or ":" in pre2 or "=" in pre2) else None
        label_bare = False
        inherit = False
        if label:
            for lw in label.group(0).lower().split():
                lw = lw.rstrip("'’:=")
                if lw in self.units:
                    unit, unit_cls = self.units[lw]
                    break
            else:
                # "the combined number of data stolen from these forums is 12,000,000": a bare count
                label_bare = label.group(0).lower().lstrip().startswith(("number", "total", "count", "tally"))
                label = None
        if unit is None:
            big = scaled or (value or 0) >= 100
            if noun is None:
                if not unit_after:
                    return None  # needs a unit, the label gave none, none can follow
                noun = self._noun_after(text, num_end, after_end, vague, big)
            unit, unit_cls, unit_end, mods, next_word = noun
        else:
            next_word = None
            mods = []
        if vague and unit is None:
            return None
        last = _last_word(pre2)
        if is_year and (unit is None or mods or last.rstrip("-") in self.year_words):
            return None
        if unit is not None and not label and self._in_name(pre2):
            return None
        if unit is None:
            # a bare count: large, after a breach verb/preposition and followed by nothing
            # noun-like ("Medical Details Of 15 Million In France"), or followed by a breach
            # participle ("61,011 MtGox.com stolen", "1.6 million data stolen")
            if not (scaled or (value or 0) >= 1000):
                return None
            stolen = _BARE_STOLEN.match(text, num_end, after_end)
            if stolen or label_bare:
                unit_end = num_end
            elif last == "with" and (next_word is None or next_word.lower() in ("and", "or")):
                # "CVS with 40,739 records, Citigroup with 35,292 and IBM with 33,412": the
                # unit of an earlier count of the same sentence (set in process(), else dropped)
                inherit = True
            elif last not in self.bare_words:
                return None
            elif next_word is not None and next_word.lower() not in _BARE_NEXT_OK:
                return None
        # _PERCENT_OF needs "%" or "cent" (any case): without them it is not searched
        if ("%" in pre2 or "cent" in pre2.lower()) and _PERCENT_OF.search(pre2):
            return None
        if self._blocked(pre2, last) and not label:
            if unit is None or not _BREACH_PARTICIPLE.match(text, unit_end, after_end):
                return None
        if unit is not None and self.not_after.match(text, unit_end, after_end):
            return None
        # breach context
        if unit_cls not in ("data", "account") and not any(
            self._has_context(text, sents, j, ctx_cache, low) for j in (si, si - 1, si + 1) if 0 <= j < len(sents)
        ):
            return None
        _, threshold, cues = self._sent_info(text, sents, si, ctx_cache, low)
        if threshold:
            return None
        main = True
        for cue_end in cues:
            if cue_end <= q_start:
                main = bool(self.reset.search(text, cue_end, q_start))
        subset = bool(
            _search_tail(self.subset_before, self.subset_lead, pre2) or self.subset_after.match(text, num_end, after_end)
        )
        scope = bool(_search_tail(self.scope_before, self.scope_lead, pre2))
        affect = bool(
            any(x.startswith(("affected", "impacted")) for x in mods)
            or _AFFECT_BEFORE.search(text, max(sent_start, q_start - 70), q_start)
            or _AFFECT_AFTER.match(text, unit_end if unit is not None else num_end, after_end)
        )
        end = unit_end if unit is not None and not label else num_end
        digits = _NON_DIGITS.sub("", num or "")
        return {
            "text": text[q_start:end],
            "start": q_start,
            "end": end,
            "value": value,
            "unit": unit,
            "qualifier": qualifier,
            "main": main,
            "_subset": subset,
            "_scope": scope,
            "_unique": any(x in self.unique for x in mods),
            "_affect": affect,
            "_actor": unit_cls == "people" and unit == "employees",
            "_precision": len(digits.rstrip("0")) if digits else 0,
            "_inherit": inherit,
            "_sent": si,
        }

    def _noun_after(
        self, text: str, pos: int, limit: int, vague: bool, big: bool = True
    ) -> tuple[str | None, str | None, int, list[str], str | None]:
        """(unit, class, end, modifiers, first word) of the counted noun after ``pos``."""
        window_end = min(limit, pos + 90)
        om = _OF_DET.match(text, pos, window_end) if big else None
        if vague:
            vm = _OF.match(text, pos, window_end)
            if not vm:
                return None, None, pos, [], None
            pos = vm.end()
        elif om:
            pos = om.end()
        # the words of the window, as far as they are read (usually two or three)
        words = _Words(text, pos, window_end)
        has, items = words.has, words.items
        first = items[0][0] if has(0) else None
        if first is not None and not first[0].isalpha():
            first = None if first in ",.;:)!?—–-\"”'’" else first
        glued = has(0) and text[pos : pos + 1].isalpha() and not om and not vague
        if glued and not text[pos].islower():
            return None, None, pos, [], first  # "1Password", "3M Company": a name, not a count
        mods: list[str] = []
        i = 0
        while has(i) and len(mods) <= 4:
            w = items[i][0]
            if w[0] == "(" and mods:
                i += 1  # "2.5 million Xbox (Xbox 360 ISO) and Playstation accounts"
                continue
            if not w[0].isalpha():
                break
            hit = self._unit_at(words, i)
            if hit is not None:
                # extend to the head of a noun compound: "employee email accounts", "customer records"
                k, unit, cls = hit
                while not glued and has(i + k) and items[i + k - 1][0][-1:] not in "'’":
                    nxt = self._unit_at(words, i + k)
                    if nxt is None:
                        break
                    i, (k, unit, cls) = i + k, nxt
                last = items[i + k - 1][0].lower()
                if (
                    last in self.singular
                    and has(i + k)
                    and items[i + k][0][0].isalpha()
                    and items[i + k][0].lower() not in self.function_words
                    and items[i + k][0].lower() not in self.incident_nouns
                ):
                    # "15.5 million account login attempts", "43 consumer class action lawsuits"
                    return None, None, pos, mods, first
                return unit, cls, items[i + k - 1][1], mods, first
            if glued:
                # the number runs straight into a word that is not a unit ("15TB", "3pm")
                break
            lw = w.lower()
            if lw in ("and", "or") and mods and has(i + 1):
                mods.append(lw)
                i += 1
                continue
            if lw in self.stop or lw.rstrip("'’") in self.stop:
                break
            mods.append(lw)
            i += 1
        return None, None, pos, mods, first

    def _unit_at(self, words: "_Words", i: int) -> tuple[int, str, str] | None:
        """(number of words, unit, class) of the longest unit phrase starting at word ``i``
        (which ``words`` has)."""
        items = words.items
        w = items[i][0]
        known = self.one_word_units.get(w, _UNKNOWN)
        if known is not _UNKNOWN:
            return known
        first = w.lower().replace("’", "'")
        # a phrase of two or more words can only be a unit when its first word begins one
        top = 1
        if first in self.unit_first_words:
            words.has(i + self.max_unit_words - 1)  # read the words a phrase can take
            top = min(self.max_unit_words, len(items) - i)
        if top == 1:  # the loop below for one word, without its slicing and joining
            if not w[0].isalpha():
                found = None
            else:
                units = self.units
                hit = units.get(first)
                if hit is None:
                    cand = first.rstrip("'")
                    hit = units.get(cand) if cand else None
                    if hit is None and first.endswith("'s"):
                        cand = first[:-2]
                        hit = units.get(cand) if cand else None
                found = None if hit is None else (1, hit[0], hit[1])
            if first not in self.unit_first_words:  # the answer depends on the word alone
                remember(self.one_word_units, w, found, _ONE_WORD_CACHE)
            return found
        for k in range(top, 0, -1):
            chunk = items[i : i + k]
            if any(not x[0][0].isalpha() for x in chunk):
                continue
            phrase = " ".join(x[0] for x in chunk).lower().replace("’", "'")
            for cand in (phrase, phrase.rstrip("'"), phrase[:-2] if phrase.endswith("'s") else None):
                if cand and cand in self.units:
                    unit, cls = self.units[cand]
                    return k, unit, cls
        return None

    # -- choosing --------------------------------------------------------------------------
    @staticmethod
    def _choose(found: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        if not found:
            return [], None
        # the same count stated twice: values within 2% of the smallest in a run of sorted
        # values (same main flag); sorting keeps this O(n log n) on pages with many counts
        clusters: list[list[dict[str, Any]]] = [[c] for c in found if c["value"] is None]
        valued = sorted((c for c in found if c["value"] is not None), key=lambda c: (c["main"], c["value"]))
        for c in valued:
            last = clusters[-1] if clusters else None
            if last and last[0]["value"] is not None and last[0]["main"] == c["main"] and _near(
                last[0]["value"], c["value"]
            ):
                last.append(c)
            else:
                clusters.append([c])
        reps = []
        for cl in clusters:
            rep = min(cl, key=lambda c: (c["unit"] is None, -c["_precision"], c["start"]))
            rep = dict(rep)
            rep["_first"] = min(c["start"] for c in cl)
            rep["_scope"] = any(c["_scope"] for c in cl)
            rep["_subset"] = all(c["_subset"] for c in cl)
            rep["_unique"] = any(c["_unique"] for c in cl)
            rep["_affect"] = any(c["_affect"] for c in cl)
            reps.append(rep)
        reps.sort(key=lambda c: c["_first"])
        chosen = None
        cands = [r for r in reps if r["main"] and r["value"] is not None]
        if cands:
            chosen = min(
                cands,
                key=lambda r: (
                    r["_subset"] and not r["_unique"],
                    r["unit"] is None,
                    r["value"] < SMALL_COUNT,
                    r["_actor"],
                    not r["_scope"],
                    not r["_affect"],
                    not r["_unique"],
                    r["_first"],
                ),
            )
        out = [{k: v for k, v in r.items() if not k.startswith("_")} for r in reps]
        main = None
        if chosen is not None:
            main = out[reps.index(chosen)]
        return out, main


class _Words:
    """The words ``_WORD.finditer(text, pos, end)`` finds, as ``(word, end)`` pairs in
    ``items``, matched only as far as they are asked for (a noun search usually reads two
    or three of the dozen words in its window)."""

    __slots__ = ("items", "_it")

    def __init__(self, text: str, pos: int, end: int) -> None:
        self.items: list[tuple[str, int]] = []
        self._it = _WORD.finditer(text, pos, end)

    def has(self, j: int) -> bool:
        """Whether there is a word ``j`` (0-based); reads the words up to it."""
        items = self.items
        while len(items) <= j:
            m = next(self._it, None)
            if m is None:
                return False
            items.append((m.group(0), m.end()))
        return True


def _matches_at(
    rx: re.Pattern, s: str, starts: Iterable[int], out: list[re.Match] | None = None, end: int = 0
) -> list[re.Match]:
    """``rx.match(s, p)`` at each of ``starts`` (in text order) that is at or after the end
    of the previous match (from ``end``), appended to ``out``: what ``rx.finditer(s, end)``
    finds when ``starts`` holds every place after ``end`` where ``rx`` can match."""
    out = [] if out is None else out
    for p in starts:
        if p >= end:
            m = rx.match(s, p)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


#: the scale words every vague amount ends with ("tens of millions")
_VAGUE_TAILS = ("thousands", "millions", "billions")
_OF_AFTER = re.compile(r"\s{1,3}of\s")


def _vague_tails(low: str) -> list[tuple[int, int]]:
    """The spans ``Counts.vague_tail_low.finditer(low)`` gives (a scale word of
    ``_VAGUE_TAILS``, then " of "), found with ``str.find`` (many times faster than the
    regex, which stops at every t, m and b). No two can overlap (no tail word holds
    another, and " of " holds none), so every occurrence is one of them."""
    out = []
    for word in _VAGUE_TAILS:
        i = low.find(word)
        while i >= 0:
            m = _OF_AFTER.match(low, i + len(word))
            if m is not None:
                out.append((i, m.end()))
            i = low.find(word, i + 1)
    out.sort()
    return out


def _finditer(rx: re.Pattern, rx_low: re.Pattern | None, text: str, low: str) -> Iterator[re.Match]:
    """``rx.finditer(text)``, or ``rx_low.finditer(low)`` when given: the same spans (the
    group texts in lower case, which is all the counts need of them)."""
    return rx.finditer(text) if rx_low is None else rx_low.finditer(low)


def _pick(rx: re.Pattern, rx_low: re.Pattern | None, text: str, low: str | None) -> tuple[re.Pattern, str]:
    """(regex, string) to scan: ``rx_low`` on the lower-cased text when both are given
    (the same matches, faster), else ``rx`` on the text."""
    if rx_low is not None and low is not None:
        return rx_low, low
    return rx, text


_START = methodcaller("start")  # sort key: a match's start


def _near(a: int, b: int) -> bool:
    return abs(a - b) <= 0.02 * max(a, b)



@Language.factory("breach_counts", assigns=["doc._.breach_counts", "doc._.breach_records_affected"])
def make_counts(nlp: Language, name: str) -> Counts:
    return Counts(nlp, name)
