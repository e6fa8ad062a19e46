"""`breach_data_types`: kinds of data said to be exposed, mapped to the VERIS data varieties,
each flagged ``negated`` ("were not affected") or ``hedged`` ("may have included").

Rules, in order:

1. Find data-type forms with the taxonomy's one compiled matcher (``breach_nlp.taxonomy``:
   longest form wins, stop forms silence the forms they contain, weak forms only in lists,
   elided heads restored in coordinations). Generic words alone (``data``, ``information``,
   ``records``) are not forms; ``patient records`` or ``personal details`` are.
2. Ignore matches inside ``doc._.breach_skip`` (embedded records, boilerplate, URLs).
3. Work clause by clause inside the prose sentence (``doc._.breach_sents``); clauses end at
   ``;``, ``but``, ``though``, ``, and that``, ``said that`` and the like.
4. Advice is not a disclosure: mentions in a sentence that starts with an imperative
   ("Never give out passwords…", "Be vigilant…"), or after an advice cue ("will never ask
   for", "should", "urged … to", "remind") are dropped.
5. Negation (NegEx-style, cues in ``patterns/datatypes_cues.json``): a forward cue ("did
   not include", "did not obtain", "neither", "without") negates the mentions after it in
   its clause; "no evidence that" does too unless the clause speaks only of misuse ("no
   evidence that the data has been misused" leaves the data exposed); ``no`` negates the
   list that starts right after it ("no frequent flyer passwords, PINs or login details
   were compromised"); a backward cue ("were not affected", "was not taken", "were not
   held by", "remained secure") negates the mentions before it in its clause.
6. Hedge: a clause with "may", "could", "potentially", "reportedly"… is ``hedged``
   (still exposed). Negated types never count as exposed.
7. HIPAA context: when nothing medical is exposed, exposed personal/financial mentions in
   a HIPAA breach report ("covered entity", "business associate") or said to belong to
   patients ("patients' email addresses") also yield a ``phi`` mention (category
   ``medical``) at the same span: such data is protected health information.

Cheap substring prefilters (``prefilter`` in the cues file) skip the negation and hedge
regexes for sentences that cannot contain such a cue (both families tested in one exact
Aho-Corasick pass over the sentence, ``multiscan.Families``, when ``pyahocorasick`` is
there; the HIPAA document pattern is looked for only when a mention can use it, and not
on pages without its words; the advice prefilter's words occur in most sentences, so the
gated advice regex runs alone); those cues run only in the clauses that meet a mention,
the four negation families behind one scan of their alternation (``neg_any``)
(a clause's cue ranges lie inside it, so no other clause can change a verdict);
everything else is a handful of compiled regexes per sentence that holds a mention, so
the cost grows with the text, not with the taxonomy. The cue regexes written
in lower case run case-sensitively on the lower-cased page (the same matches as
IGNORECASE on the page, several times faster) unless lower-casing would move offsets, and
each cue regex sits behind the gate of the first letters its matches can start with
(``regexgate.gated``: the same matches, without trying the whole alternation at every
character); those whose every match opens a word (negation, evidence, advice, hedge,
patient cues) are tried only at word starts (``regexgate.WordStartRegex``, on ``" " +``
the lower-cased page, made once per page). The clause boundaries run on the lower-cased
page as two halves (``_split_boundaries``): those opening with punctuation (a leading
character ``re`` skips to in C) and those opening with a word (word starts only), merged
(the whole alternation still runs when their matches overlap). The ``doc._`` values are
read and written through ``docext`` (straight from ``doc.user_data``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from spacy.language import Language
from spacy.tokens import Doc

from ..docext import get_values, set_value
from ..regexgate import WordStartRegex, gated, prefix_gate
from ..multiscan import AVAILABLE as _NATIVE_SCAN
from ..multiscan import Families
from ..taxonomy import TAXONOMY_FILE, Lexicon, build_lexicon
from ..textspans import doc_lower, doc_text, find_range, lowered_ok, lowered_regex, merge_ranges, touches
from .base import BreachComponent

CUES_FILE = "datatypes_cues.json"
#: Longest reach, in characters, of a backward negation cue over its subject.
BACKWARD_REACH = 220


def _alt(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


#: Cue regexes that may run on the lower-cased text without IGNORECASE (faster, same matches).
_LOWERABLE = ("boundary", "neg_fwd", "neg_no", "neg_bwd", "neg_evidence", "ev_misuse", "ev_exposure",
              "advice", "med_before", "med_after")


#: Cue regexes whose every match opens a word: searched only at word starts
#: (``regexgate.WordStartRegex``; the others, or all on a page searched with IGNORECASE,
#: run as before, behind their first-letter gate).
_WORD_START = ("neg_fwd", "neg_no", "neg_bwd", "neg_evidence", "ev_misuse", "ev_exposure", "advice", "med_before")


def _fast(key: str, rx: re.Pattern | None):
    if rx is None:
        return None
    return WordStartRegex(rx) if key in _WORD_START else gated(rx)


def _split_boundaries(patterns: list[str]) -> tuple[re.Pattern, WordStartRegex] | None:
    """The clause boundaries, for the lower-cased page, in two regexes: those that open with
    a word (``\\b``), searched only at word starts (``WordStartRegex``), and the others, which
    open with a punctuation or space character (a class ``re`` skips to in C; the gated
    alternation of all of them has no such class and is tried at every character). A match
    of one never starts where the other can match, so merged they are the matches of the
    whole alternation unless two of them overlap (``DataTypes._boundary_ends`` then runs the
    alternation). None when the split does not hold for these patterns."""
    word = [p for p in patterns if p.startswith(r"\b")]
    punct = [p for p in patterns if not p.startswith(r"\b")]
    if not word or not punct:
        return None
    try:
        punct_rx = _lowered(_alt(punct))
        word_ws = WordStartRegex(_lowered(_alt(word)))
    except ValueError:
        return None
    first = prefix_gate(punct_rx, 1)
    if word_ws.scan is None or first is None:
        return None
    if any(re.fullmatch(first, c) for c in _WORDISH):
        return None  # a "punctuation" boundary could open with a word character
    return punct_rx, word_ws


def _union_scan(parts: list) -> re.Pattern | None:
    """The word-start scan (``WordStartRegex.scan``) of the alternation of the regexes of
    ``parts`` (``WordStartRegex``es with scans): at ``(pos, endpos)`` it finds a match
    wherever one of theirs does (the consumed character, a first-letter gate that admits
    every match of the alternation, then an alternative that matches). None when a part
    has no scan, a named group (the names would clash) or other flags."""
    if not parts or not all(isinstance(p, WordStartRegex) and p.scan is not None for p in parts):
        return None
    flags = {p.rx.flags for p in parts}
    if len(flags) != 1 or any("(?P" in p.rx.pattern for p in parts):
        return None
    try:
        return WordStartRegex(re.compile("|".join(f"(?:{p.rx.pattern})" for p in parts), flags.pop())).scan
    except re.error:
        return None


#: Word characters a punctuation boundary must not open with (``_split_boundaries``).
_WORDISH = "abcdefghijklmnopqrstuvwxyz0123456789_\u00e9\u00df\u0131\u017f\u00aa\u00b5\u00ba\u4e00"


def _lowered(rx: re.Pattern) -> re.Pattern:
    """``rx`` for lower-cased text (``textspans.lowered_regex``); raises when not usable."""
    low = lowered_regex(rx)
    if low is None:
        raise ValueError(rx.pattern)
    return low


class _Cues:
    """The cue regexes of one text form: ``src`` is the text they run on."""

    __slots__ = _LOWERABLE

    def __init__(self, **rx: re.Pattern) -> None:
        for k, v in rx.items():
            setattr(self, k, v)


class DataTypes(BreachComponent):
    data_files: tuple[str, ...] = (TAXONOMY_FILE, CUES_FILE)

    def compile(self) -> None:
        assert self.data is not None
        cues = self.data[CUES_FILE]
        self.lexicon: Lexicon = build_lexicon(self.data[TAXONOMY_FILE], cues)
        self.boundary = _alt(cues["clause_boundaries"])
        self.neg_fwd = _alt(cues["negation_forward"])
        self.neg_no = re.compile(cues["negation_no"], re.IGNORECASE)
        self.neg_no_reach = int(cues.get("negation_no_reach", 40))
        self.neg_bwd = _alt(cues["negation_backward"])
        self.neg_evidence = _alt(cues["negation_evidence"])
        self.ev_misuse = re.compile(cues["evidence_misuse"], re.IGNORECASE)
        self.ev_exposure = re.compile(cues["evidence_exposure"], re.IGNORECASE)
        self.hedge = _alt(cues["hedge"])
        self.advice_start = re.compile(cues["advice_sentence_start"], re.IGNORECASE)
        self.advice = _alt(cues["advice"])
        mc = cues.get("medical_context") or {}
        self.med_doc = re.compile(mc["document"], re.IGNORECASE) if mc.get("document") else None
        self.med_before = re.compile(mc["before"], re.IGNORECASE) if mc.get("before") else None
        self.med_after = re.compile(mc["after"], re.IGNORECASE) if mc.get("after") else None
        self.med_type = (mc.get("type", "phi"), mc.get("category", "medical"))
        self.med_cats = frozenset(mc.get("categories", ["personal"]))
        # the lower-cased text serves when lower-casing is exactly what IGNORECASE does:
        # same length and no dotless i / long s (IGNORECASE folds those onto i / s)
        orig = {k: getattr(self, k) for k in _LOWERABLE}
        self.cues_text = _Cues(**{k: _fast(k, v) for k, v in orig.items()})
        try:
            self.cues_low: _Cues | None = _Cues(
                **{k: _fast(k, _lowered(v)) if v is not None else None for k, v in orig.items()}
            )
        except ValueError:
            self.cues_low = None
        self.hedge = gated(self.hedge)
        # on the lower-cased page: the hedge cues that allow it run there (gated), the others
        # (case-sensitive "may" vs "May") on the page; a clause is hedged when either finds one
        hedges = list(cues["hedge"])
        low_h = [h for h in hedges if lowered_regex(re.compile(h, re.IGNORECASE)) is not None]
        text_h = [h for h in hedges if h not in low_h]
        self.hedge_low = WordStartRegex(_lowered(_alt(low_h))) if low_h else None
        self.hedge_text = _alt(text_h) if text_h else None
        #: the regexes inside the WordStartRegex wrappers, where a walk over attributes finds them
        self.word_start_forms = {
            k: (ws.rx, ws.scan)
            for k, ws in [(k, getattr(self.cues_low, k)) for k in _WORD_START if self.cues_low is not None]
            + [("hedge_low", self.hedge_low)]
            if isinstance(ws, WordStartRegex)
        }
        pf = cues.get("prefilter") or {}
        self.pre_neg = tuple(pf.get("negation", ()))
        self.pre_hedge = tuple(pf.get("hedge", ()))
        self.pre_advice = tuple(pf.get("advice", ()))
        self.pre_med_doc = tuple(pf.get("medical_document", ()))
        #: both sentence prefilters in one native pass (``multiscan.Families``: bit 0 a
        #: negation word, bit 1 a hedge word); None without the scanner or with an empty family
        self.pre_scan = (Families([self.pre_neg, self.pre_hedge])
                         if _NATIVE_SCAN and self.pre_neg and self.pre_hedge else None)
        self.bound_split = _split_boundaries(cues["clause_boundaries"]) if self.cues_low is not None else None
        #: the four negation families of the lower-cased page in one word-start scan: where it
        #: finds nothing in a clause, none of them can (it matches wherever one of them does)
        self.neg_any = _union_scan([getattr(self.cues_low, k) for k in ("neg_fwd", "neg_no", "neg_evidence", "neg_bwd")]
                                   if self.cues_low is not None else [])

    # ------------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        out: list[dict] = []
        if not text:
            set_value(doc, "breach_data_types", out)
            return doc
        sents, skip = get_values(doc, ("breach_sents", "breach_skip"))
        sents = sents or []
        skip = skip or []
        lex = self.lexicon
        low = doc_lower(doc)
        if self.cues_low is not None and lowered_ok(text, low):
            src, R = low, self.cues_low
        else:
            src, R = text, self.cues_text
        mentions = lex.mentions(text, low=low)
        if skip:
            mentions = [m for m in mentions if not touches(skip, m.start, m.end)]
        by_sent: dict[int, list] = {}
        loose = []
        for m in mentions:
            i = find_range(sents, m.start)
            if i < 0:
                loose.append(m)
            else:
                by_sent.setdefault(i, []).append(m)
        results: list[tuple] = []
        spaced = " " + src if by_sent else src  # for the word-start cue scans
        for i, ms in by_sent.items():
            s0, s1 = sents[i]
            results.extend(self._judge(text, src, R, s0, s1, ms, spaced))
        results.extend((m, False, False) for m in loose)
        results.sort(key=lambda r: r[0].start)
        ctx: dict = {}
        for m, negated, hedged in results:
            out.append({
                "text": text[m.start:m.end],
                "start": m.start,
                "end": m.end,
                "type": m.type,
                "category": lex.category_in(m, text, ctx),
                "negated": negated,
                "hedged": hedged and not negated,
            })
        out = self._medical_context(text, src, R, out)
        set_value(doc, "breach_data_types", out)
        return doc

    def _medical_context(self, text: str, src: str, R: _Cues, out: list[dict]) -> list[dict]:
        """HIPAA context: personal (or financial) data of a covered entity or of patients is also PHI.

        Applies only when no exposed medical mention exists; adds a ``phi`` mention at the
        span of each exposed personal mention that qualifies (whole document for HIPAA
        wording, else the mention itself must belong to patients).
        """
        if not out or any(d["category"] == "medical" and not d["negated"] for d in out):
            return out
        hipaa = None  # the page's HIPAA wording, looked for at the first mention it can concern
        typ, cat = self.med_type
        res: list[dict] = []
        spaced = None  # " " + src, made once if needed
        for d in out:
            res.append(d)
            if d["negated"] or d["category"] not in self.med_cats:
                continue
            if hipaa is None:
                hipaa = self._hipaa(text, src)
            ok = hipaa
            if not ok and R.med_before is not None:
                if spaced is None:
                    spaced = " " + src
                ok = bool(R.med_before.search(src, max(0, d["start"] - 40), d["start"], spaced))
            if not ok and R.med_after is not None:
                ok = bool(R.med_after.match(src[d["end"]:d["end"] + 80]))
            if ok:
                res.append({**d, "type": typ, "category": cat})
        return res

    def _hipaa(self, text: str, src: str) -> bool:
        """Does the page use HIPAA wording (``medical_context.document``)? ``src`` is ``text``
        or its lower-cased copy."""
        if self.med_doc is None or (
            src is not text and self.pre_med_doc and not any(map(src.__contains__, self.pre_med_doc))
        ):
            return False  # the lower-cased page holds none of the document pattern's words
        return bool(self.med_doc.search(text))

    # ------------------------------------------------------------------------------
    def _boundary_ends(self, src: str, R: _Cues, s0: int, s1: int, spaced: str) -> list[int]:
        """``[b.end() for b in R.boundary.finditer(src, s0, s1)]``; on the lower-cased page
        from the two halves of ``bound_split`` when their matches do not overlap."""
        if R is self.cues_low and self.bound_split is not None:
            punct, word = self.bound_split
            pm = [m.span() for m in punct.finditer(src, s0, s1)]
            wm = [h.span() for h in word.finditer(src, s0, s1, spaced)]
            if not wm or not pm:
                return [e for _s, e in (pm or wm)]
            both = sorted(pm + wm)
            if all(a[1] <= b[0] for a, b in zip(both, both[1:])):
                return [e for _s, e in both]
        return [b.end() for b in R.boundary.finditer(src, s0, s1)]

    def _clauses(self, src: str, R: _Cues, s0: int, s1: int, spaced: str) -> list[tuple[int, int]]:
        cuts = [s0]
        cuts.extend(self._boundary_ends(src, R, s0, s1, spaced))
        cuts.append(s1)
        out = []
        for a, b in zip(cuts, cuts[1:]):
            if b > a:
                out.append((a, b))
        return out or [(s0, s1)]

    def _judge(self, text: str, src: str, R: _Cues, s0: int, s1: int, ms: list, spaced: str) -> list[tuple]:
        """(mention, negated, hedged) for the mentions of one sentence; advice dropped.

        ``src`` is ``text`` or its lower-cased copy, the text ``R``'s regexes run on;
        ``spaced`` is ``" " + src`` (for the word-start scans)."""
        # advice: whole sentence or from the cue on
        if self.advice_start.match(text, s0, s1):
            return []
        # (the advice prefilter words occur in most sentences: the gated regex alone is cheaper)
        adv = R.advice.search(src, s0, s1, spaced)
        if adv:
            ms = [m for m in ms if m.end <= adv.start()]
            if not ms:
                return []
        if self.pre_scan is not None:
            # the same verdicts as the ``in`` tests below, in one pass over the sentence
            flags = self.pre_scan.flags(src, s0, s1) if src is not text else self.pre_scan.flags(text[s0:s1].lower())
            has_neg, has_hedge = bool(flags & 1), bool(flags & 2)
        else:
            low = src[s0:s1] if src is not text else text[s0:s1].lower()
            has_neg = not self.pre_neg or any(map(low.__contains__, self.pre_neg))
            has_hedge = not self.pre_hedge or any(map(low.__contains__, self.pre_hedge))
        if not has_neg and not has_hedge:
            return [(m, False, False) for m in ms]
        clauses = self._clauses(src, R, s0, s1, spaced)
        neg_ranges: list[tuple[int, int]] = []
        hedge_ranges: list[tuple[int, int]] = []
        mstarts = [m.start for m in ms]
        # the largest end among the first j mentions (ms is sorted by start)
        reach = list(accumulate((m.end for m in ms), max))
        hedge_low, hedge_text = (self.hedge_low, self.hedge_text) if src is not text else (None, self.hedge)
        neg_any = self.neg_any if R is self.cues_low else None
        for cs, ce in clauses:
            # A clause's cue ranges lie inside it, so only a clause that meets a mention can
            # change that mention's verdict (negated: the merged range holding its start must
            # reach its end; hedged: the clause holding its start): skip the others. It meets
            # one when a mention starting at or before its end ends at or after its start.
            j = bisect_right(mstarts, ce)
            if not j or reach[j - 1] < cs:
                continue
            if has_neg and (neg_any is None or neg_any.search(spaced, cs, ce + 1) is not None):
                for c in R.neg_fwd.finditer(src, cs, ce, spaced):
                    neg_ranges.append((c.end(), ce))
                for c in R.neg_no.finditer(src, cs, ce, spaced):
                    j = bisect_left(mstarts, c.end())
                    if j < len(ms) and ms[j].start < ce and ms[j].start - c.end() <= self.neg_no_reach:
                        neg_ranges.append((c.end(), ce))
                for c in R.neg_evidence.finditer(src, cs, ce, spaced):
                    # "no evidence that X was accessed" negates; "... was misused" does not
                    if R.ev_misuse.search(src, c.end(), ce, spaced) and not R.ev_exposure.search(src, c.end(), ce, spaced):
                        continue
                    neg_ranges.append((c.end(), ce))
                for c in R.neg_bwd.finditer(src, cs, ce, spaced):
                    neg_ranges.append((max(cs, c.start() - BACKWARD_REACH), c.start()))
            if has_hedge and (
                (hedge_low is not None and hedge_low.search(src, cs, ce, spaced))
                or (hedge_text is not None and hedge_text.search(text, cs, ce))
            ):
                hedge_ranges.append((cs, ce))
        negs = merge_ranges([[a, b] for a, b in neg_ranges if b > a])
        hedges = merge_ranges([[a, b] for a, b in hedge_ranges])
        res = []
        for m in ms:
            i = find_range(negs, m.start)
            neg = i >= 0 and m.end <= negs[i][1]
            hed = find_range(hedges, m.start) >= 0
            res.append((m, neg, hed))
        return res


@Language.factory("breach_data_types", assigns=["doc._.breach_data_types"],
                  requires=["doc._.breach_skip", "doc._.breach_sents"])
def make_data_types(nlp: Language, name: str) -> DataTypes:
    return DataTypes(nlp, name)
