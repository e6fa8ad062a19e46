"""The data-type taxonomy (``patterns/taxonomy.json``): fine types, their VERIS category and
surface forms, and the one matcher every part of breach_nlp uses to find them.

Rules (the data file's ``notes`` say the same):

- Forms are matched case-insensitively as whole words, longest first, with ``'``/``’`` alike
  and a hyphen like a space. Plurals are generated (``card number`` → ``card numbers``,
  ``date of birth`` → ``dates of birth``); ``driver's license`` also matches ``drivers
  license`` and ``driver license``; forms that start with a data subject (``patient names``)
  also match the possessive (``patients' names``).
- Stop forms (``data protection``, ``password reset``, ``phishing email``) win over the
  shorter data-type form they contain and yield nothing.
- Weak forms (``email``, ``name``) count only inside a list next to another data type
  (``names, email and passwords``); a phrase categorized on its own accepts them. Generic
  forms (``files``, ``documents``, ``messages``) count only inside such a list, always.
- Elided heads are restored in coordinations: ``administrative and medical data`` names
  ``administrative data`` too, ``email, IP and physical addresses`` three kinds of address.
- A type with a ``context`` switches category when the document matches its pattern
  (``private keys`` on a cryptocurrency exchange are ``virtual_currency``).

Speed: the forms are scanned on the lower-cased text, case-sensitively, with the left
boundary as a consumed first character (``Lexicon.fast``: one class listing the BMP's
non-word characters, no lookbehind; a text with a word character beyond the BMP right
before a form is scanned again with the lookbehind form); the same matches as the
IGNORECASE ``regex`` (used when lower-casing would move offsets), found faster. On a page
(``PROBE_MIN_CHARS`` and more) ``fast`` is tried only where one native Aho-Corasick pass
(``multiscan``, over the page folded with ``blank``) finds the folded spelling of a
boundary character and a form's first ``PROBE_CHARS`` letters (``_probe_spans``: the same
matches, about a third cheaper; without ``pyahocorasick`` ``fast.finditer`` runs). What a
matched text is (its entry, and whether its head is a count noun) is kept in a bounded memo
keyed by that text, across documents; ``mentions`` works on ``(start, end, entry)`` triples
and makes ``Mention`` objects only for the mentions it keeps.

``categorize`` maps a free phrase (a record's data-type string, an HIBP data class, a
CASIE Compromised-Data argument) to ``(type, category)`` pairs with the same forms.

>>> categorize("Names, email addresses and NTLM password hashes")
[('name', 'personal'), ('email', 'personal'), ('password', 'credentials')]
>>> categorize("Administrative data")
[('administrative', 'personal')]
>>> categorize("data")
[]
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterable

from .multiscan import AVAILABLE as _NATIVE_SCAN
from .multiscan import Probes, fold, folded_prefixes
from .settings import PATTERNS_DIR
from .regexgate import trie_alternation
from .components.base import remember

TAXONOMY_FILE = "taxonomy.json"

_APOS = "'\u2019\u2018\u02bc`\u00b4"
_SEP_RE = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")
_APOS_RE = re.compile("[" + _APOS + "]")


def norm(text: str) -> str:
    """Normal form used to look matched text up in the taxonomy.

    >>> norm("Driver\u2019s  License-Numbers")
    "driver's license numbers"
    """
    return _SEP_RE.sub(" ", _APOS_RE.sub("'", text.lower())).strip()


_norm_cached = functools.lru_cache(maxsize=8192)(norm)


def pluralize(form: str) -> str:
    """Plural of a form: its last word, or the word before ``of`` in ``X of Y``.

    >>> pluralize("date of birth"), pluralize("card number"), pluralize("address"), pluralize("history")
    ('dates of birth', 'card numbers', 'addresses', 'histories')
    """
    words = form.split(" ")
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[i]
    if w.endswith(("ss", "x", "ch", "sh", "us", "sis")):
        p = w[:-2] + "es" if w.endswith("sis") else w + "es"
    elif w.endswith("s") or not w[-1:].isalpha():
        return form
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        p = w[:-1] + "ies"
    else:
        p = w + "s"
    words[i] = p
    return " ".join(words)


@dataclass(frozen=True)
class Entry:
    type: str
    category: str
    weak: bool = False
    count_noun: frozenset[str] = frozenset()
    generic: bool = False
    context: tuple[str, str] | None = None  # (pattern, category)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    type: str
    category: str
    weak: bool = False
    context: tuple[str, str] | None = None
    generic: bool = False


def _variants(form: str, possessors: frozenset[str], plural: bool) -> set[str]:
    base = norm(form)
    out = {base}
    if plural:
        out.add(pluralize(base))
    for f in list(out):
        if "'s " in f + " ":
            out.add((f + " ").replace("'s ", "s ").strip())
            out.add((f + " ").replace("'s ", " ").strip())
        if "s' " in f:
            out.add(f.replace("s' ", "s "))
    for f in list(out):
        for p in possessors:
            if f.startswith(p + " ") and len(f) > len(p) + 1:
                rest = f[len(p) + 1:]
                pl = pluralize(p)
                out.update({f"{p}'s {rest}", f"{pl}' {rest}", f"{pl} {rest}"})
    return {v for v in out if v}


def _char_atom(c: str) -> str:
    if c == " ":
        return r"[\s\-\u2010\u2011]{1,3}"
    if c == "'":
        return "[" + _APOS + "]"
    return re.escape(c)


#: Largest number of matched texts ``Lexicon._memo`` keeps (emptied when full).
_MEMO_LIMIT = 20_000

#: ``re.compile`` kept per pattern source (``re``'s own cache may drop a large pattern).
_compile = functools.lru_cache(maxsize=4)(re.compile)


@functools.lru_cache(maxsize=1)
def _boundary_class() -> str:
    """The characters a form may follow: ASCII ones other than word characters and
    ``@./-``, the BMP's non-word characters, and every character beyond the BMP (a class
    ``re`` tests as one bitmap lookup for the BMP; ``Lexicon._spans`` handles the rest)."""
    bmp = "".join(map(chr, range(0x80, 0x10000)))
    runs = "".join(
        "\\u%04x" % (m.start() + 0x80) + ("-\\u%04x" % (m.end() - 1 + 0x80) if m.end() - m.start() > 1 else "")
        for m in re.finditer(r"[^\w]+", bmp)
    )
    return r"[\x00-\x2c\x3a-\x3f\x5b-\x5e\x60\x7b-\x7f" + runs + r"\U00010000-\U0010ffff]"


#: Separators between two items of a list of data types (used for weak forms).
_LIST_GAP_BEFORE = re.compile(
    r"\s{0,3}(?:[,;/&]|\band\b|\bor\b|\bas well as\b|\balong with\b|\bplus\b|\bincluding\b|\bsuch as\b)"
    r"(?:\s{0,3}(?:and|or|as well as|along with|plus)\b)?\s{0,3}(?:(?:their|the|his|her|its|some|partial)\s{1,3})?\Z",
    re.IGNORECASE,
)
_LIST_GAP_AFTER = re.compile(
    r"\A\s{0,3}(?:[,;/&]|and\b|or\b|as well as\b|along with\b|plus\b)",
    re.IGNORECASE,
)
#: ``X and`` / ``X,`` / ``X or`` just before a match: a modifier whose head was elided.
_COORD_LEFT = re.compile(
    r"(?:^|(?<=[\s,(\"']))(?P<x>[\w'\u2019.\-]{1,25}(?:\s{1,2}[\w'\u2019.\-]{1,25})?)"
    r"\s{0,2}(?:,\s{0,3}(?:(?:and/or|and|or|&)\s{1,3})?|\s{1,3}(?:and/or|and|or|&)\s{1,3})\Z",
    re.IGNORECASE,
)
_COORD_LEFT1 = re.compile(
    r"(?:^|(?<=[\s,(\"']))(?P<x>[\w'\u2019.\-]{1,25})"
    r"\s{0,2}(?:,\s{0,3}(?:(?:and/or|and|or|&)\s{1,3})?|\s{1,3}(?:and/or|and|or|&)\s{1,3})\Z",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=16)
def _opens_with_space(rx: re.Pattern) -> bool:
    """Does every match of ``rx`` open with a whitespace character (``\\s{1,3}...``, no
    top-level alternation)? Then it cannot match where the next character is not one
    (``str.isspace`` is exactly ``\\s``)."""
    try:
        from re import _constants as C, _parser as P

        items = list(P.parse(rx.pattern, rx.flags).data)
    except Exception:  # noqa: BLE001 - no parser: no shortcut (never wrong)
        return False
    if not items:
        return False
    spaces = ([(C.CATEGORY, C.CATEGORY_SPACE)], [(C.CATEGORY, C.CATEGORY_UNI_SPACE)])
    op, av = items[0]
    if op is C.IN:
        return av in spaces
    if op not in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) or av[0] < 1:
        return False
    body = list(av[2].data) if hasattr(av[2], "data") else list(av[2])
    return len(body) == 1 and body[0][0] is C.IN and body[0][1] in spaces


def _first(t: tuple) -> Any:
    return t[0]


@dataclass
class Lexicon:
    """Compiled taxonomy: one regex over every form (a trie, so matching is fast)."""

    index: dict[str, Entry | None]  # None marks a stop form
    #: Source of ``regex``: every form, case-insensitive, over the original text. Compiled on
    #: first use (a large trie takes a tenth of a second; ``fast`` serves ordinary text).
    regex_source: str
    count_before: re.Pattern | None = None
    not_followed_by: re.Pattern | None = None
    version: str = ""
    #: The same forms for lower-cased text with one space in front, without IGNORECASE: it
    #: opens with the one-character class of the left boundary, so ``re`` skips to the
    #: candidate positions in C instead of trying the whole trie at every character.
    fast: re.Pattern | None = None
    #: Source of ``fast`` as first written (compiled on first need, see ``_spans``): the
    #: boundary class with a lookbehind that refuses every word character.
    fast_exact: str | None = None
    #: matched text -> ``(entry, counted)`` (``_form_info``), across documents
    _memo: dict = field(default_factory=dict, repr=False, compare=False)
    #: ``multiscan.Probes`` of ``fast`` (see ``_probe_spans``): False until first needed,
    #: None when the native scanner is missing or the forms give no prefixes
    _probes: Any = field(default=False, repr=False, compare=False)

    @property
    def regex(self) -> re.Pattern:
        return _compile(self.regex_source, re.IGNORECASE)

    # -- raw scanning -------------------------------------------------------------------
    def scan(self, text: str, start: int = 0, end: int | None = None, low: str | None = None) -> list[tuple[int, int, Entry]]:
        """Every longest, non-overlapping form in ``text[start:end]`` (stop forms dropped).
        ``low`` is ``text.lower()`` when the caller has it already."""
        end = len(text) if end is None else end
        out: list[tuple[int, int, Entry]] = []
        nfb = self.not_followed_by
        # a ``not_followed_by`` that opens with whitespace cannot match where none follows
        nfb_ws = nfb is not None and _opens_with_space(nfb)
        cb = self.count_before
        memo = self._memo
        for ms, me in self._spans(text, start, end, low):
            form = text[ms:me]
            hit = memo.get(form)
            if hit is None:
                hit = self._form_info(form)
            e, counted = hit
            if e is None:
                continue
            if nfb is not None and (not nfb_ws or (me < end and text[me].isspace())) \
                    and nfb.match(text, me, min(end, me + 40)):
                continue
            if counted and cb.search(text, max(start, ms - 60), ms):
                continue
            out.append((ms, me, e))
        return out

    def _form_info(self, form: str) -> tuple[Entry | None, bool]:
        """``(entry, counted)`` of a matched form: its entry (None for a stop form) and
        whether its head is one of the entry's count nouns (then ``count_before`` is
        tried); kept in a bounded memo keyed by the matched text, across documents."""
        key = _norm_cached(form)
        e = self.index.get(key)
        counted = bool(e is not None and e.count_noun and self.count_before is not None
                       and key.rsplit(" ", 1)[-1] in e.count_noun)
        return remember(self._memo, form, (e, counted), _MEMO_LIMIT)

    def _spans(self, text: str, start: int, end: int, low: str | None = None) -> list[tuple[int, int]]:
        """``(start, end)`` of every ``regex`` match in ``text[start:end]``.

        Uses ``fast`` over the lower-cased text when lower-casing is exactly what
        IGNORECASE does here: same length, and none of the two letters (dotless ``ı``,
        long ``ſ``) that IGNORECASE also folds onto ASCII ``i``/``s``. ``fast`` admits
        every character beyond the BMP as the boundary before a form; a match after one
        that is a word character (which ``regex`` refuses, and whose span may hide a
        later match) sends the text to ``fast_exact``, which tests that in a lookbehind.
        """
        fast = self.fast
        if fast is not None:
            if low is None:
                low = text.lower()
            if len(low) == len(text) and "\u0131" not in low and "\u017f" not in low:
                # the consumed boundary is low[s - 1] (" " + low): the form starts at low[s]
                if len(low) >= PROBE_MIN_CHARS and _NATIVE_SCAN:
                    spans = self._probe_spans(low, start, end)
                else:
                    spans = None
                if spans is None:
                    spans = [(m.start(), m.end() - 1) for m in fast.finditer(" " + low, start, end + 1)]
                if spans and not low.isascii():
                    for s, _e in spans:
                        c = low[s - 1] if s else " "
                        if c > "\uffff" and (c.isalnum() or c == "_"):
                            assert self.fast_exact is not None
                            exact = _compile(self.fast_exact)
                            return [(m.start(1) - 1, m.end() - 1) for m in exact.finditer(" " + low, start, end + 1)]
                return spans
        return [m.span() for m in self.regex.finditer(text, start, end)]

    def _probe_spans(self, low: str, start: int, end: int) -> list[tuple[int, int]] | None:
        """``[(m.start(), m.end() - 1) for m in fast.finditer(" " + low, start, end + 1)]``,
        with ``fast`` tried only where the native scan (``multiscan``) finds one of the
        folded prefixes of its matches, in order, each from the end of the last match on:
        the same matches (a match can only start at such a position). None without the
        native scanner."""
        probes = self._probes
        if probes is False:
            probes = self._probes = _form_probes(self.index, PROBE_CHARS)
        if probes is None:
            return None
        spaced = " " + low
        match = self.fast.match  # type: ignore[union-attr]
        stop = end + 1
        out: list[tuple[int, int]] = []
        resume = start
        for q in probes.starts(fold(spaced, blank=True))[0]:
            if q < resume:
                continue
            if q >= stop:
                break
            m = match(spaced, q, stop)
            if m is not None:
                resume = m.end()
                out.append((q, resume - 1))
        return out

    def lookup(self, phrase: str) -> Entry | None:
        return self.index.get(norm(phrase))

    # -- mentions -----------------------------------------------------------------------
    def mentions(self, text: str, start: int = 0, end: int | None = None, *, accept_weak: bool = False,
                 low: str | None = None) -> list[Mention]:
        """Data-type mentions in ``text[start:end]``: scanned forms, elided coordinations,
        weak forms kept only in lists (or everywhere with ``accept_weak``). ``low`` is
        ``text.lower()`` when the caller has it already.

        (Speed: the work runs on ``(start, end, entry)`` triples; ``Mention`` objects are
        made only for the mentions kept; weak forms are looked at only next to an accepted
        mention.)"""
        end = len(text) if end is None else end
        ms = self.scan(text, start, end, low)
        # elided heads: "administrative and medical data", "email, IP and physical addresses"
        extra: list[tuple[int, int, Entry]] = []
        for ms_, me_, en_ in ms:
            if en_.weak:
                continue
            key = _norm_cached(text[ms_:me_])
            if " " not in key:
                continue  # one word: no head to restore
            head = key.rsplit(" ", 1)[-1]
            right = ms_
            for _ in range(4):
                before = text[max(start, right - 8):right].lower()
                if "," not in before and " and" not in before and " or" not in before and "&" not in before:
                    break
                found = None
                for rx in (_COORD_LEFT, _COORD_LEFT1):
                    g = rx.search(text, max(start, right - 60), right)
                    if not g:
                        continue
                    x = g.group("x")
                    e = self.index.get(norm(x + " " + head))
                    if e is not None and not e.weak:
                        found = (g.start("x"), g.end("x"), e)
                        break
                if not found:
                    break
                extra.append(found)
                right = found[0]
        if extra:
            # a restored modifier replaces a weak match at its place ("email" in "email, IP and ...")
            taken = sorted((x[0], x[1]) for x in extra)
            starts = [a for a, _ in taken]

            def overlaps(m: tuple[int, int, Entry]) -> bool:
                i = bisect_right(starts, m[1] - 1) - 1
                return i >= 0 and taken[i][1] > m[0]

            ms = [m for m in ms if not overlaps(m)] + extra
            ms.sort(key=_first)
        # weak forms: keep those next to an accepted mention in a list (chains grow);
        # ``accept_weak`` (a phrase on its own) accepts weak forms but not generic ones
        accepted = [not en.weak or (accept_weak and not en.generic) for _s, _e, en in ms]
        if not all(accepted):
            n = len(ms)

            def ok_at(i: int) -> bool:
                s_i, e_i, _en = ms[i]
                if i > 0 and accepted[i - 1]:
                    p_end = ms[i - 1][1]
                    if s_i - p_end <= 40 and _LIST_GAP_BEFORE.match(text[p_end:s_i]):
                        return True
                if i + 1 < n and accepted[i + 1]:
                    n_start = ms[i + 1][0]
                    if n_start - e_i <= 40:
                        gap = text[e_i:n_start]
                        if _LIST_GAP_AFTER.match(gap) and _LIST_GAP_BEFORE.match(gap):
                            return True
                return False

            # chains grow in both directions: a weak form can be accepted only next to an
            # accepted mention, and accepting one makes its neighbours worth a look again
            # (``ok_at`` only grows as neighbours are accepted, so this reaches the same
            # fixpoint as sweeping every index left-to-right and back until nothing changes)
            todo = [i for i, a in enumerate(accepted)
                    if not a and ((i > 0 and accepted[i - 1]) or (i + 1 < n and accepted[i + 1]))]
            while todo:
                i = todo.pop()
                if accepted[i] or not ok_at(i):
                    continue
                accepted[i] = True
                if i > 0 and not accepted[i - 1]:
                    todo.append(i - 1)
                if i + 1 < n and not accepted[i + 1]:
                    todo.append(i + 1)
        return [Mention(s_, e_, en.type, en.category, en.weak, en.context, en.generic)
                for (s_, e_, en), a in zip(ms, accepted) if a]

    def category_in(self, m: Mention, text: str, cache: dict | None = None) -> str:
        """The mention's category, switched by its type's document context if that matches.

        ``cache`` (one dict per document) keeps each context pattern's answer.
        """
        if not m.context:
            return m.category
        pat, cat = m.context
        hit = cache.get(pat) if cache is not None else None
        if hit is None:
            hit = bool(re.search(pat, text, re.IGNORECASE))
            if cache is not None:
                cache[pat] = hit
        return cat if hit else m.category


#: Texts shorter than this are scanned with ``fast`` alone (the native scan pays off on pages).
PROBE_MIN_CHARS = 256
#: Characters of a form (after its boundary character) that the native scan's prefixes spell out.
PROBE_CHARS = 12


def _form_probes(keys: Iterable[str], k: int) -> Any:
    """``multiscan.Probes`` for ``fast``: the folded spellings of its boundary class and of
    each form up to its ``k``-th character that is not a space (so a prefix reaches into
    the next word after a short first word; one prefix per spelling of the separators and
    apostrophes, exactly the atoms ``fast`` is built from: ``_char_atom``). Every match of
    ``fast`` starts with one of them. None without the native scanner."""
    if not _NATIVE_SCAN:
        return None
    bnd = folded_prefixes(_boundary_class(), 1, blank=True)
    if not bnd:
        return None
    # the forms cut after their k-th character that is not a space (many forms share one)
    cuts = set()
    for key in keys:
        n = 0
        i = len(key)
        for j, c in enumerate(key):
            if n >= k:
                i = j
                break
            n += c != " "
        cuts.add(key[:i])
    spellings: dict[str, list[str]] = {}
    out: set[str] = set()
    for cut in cuts:
        parts = []
        for c in cut:
            sp = spellings.get(c)
            if sp is None:
                # every spelling of the atom (a separator matches one to three characters)
                got = folded_prefixes(_char_atom(c), 3, blank=True)
                if not got:
                    return None
                sp = spellings[c] = sorted(got)
            parts.append(sp)
        out.update(map("".join, itertools.product(sorted(bnd), *parts)))
    try:
        return Probes({"forms": out})
    except (RuntimeError, ValueError):
        return None


def build_lexicon(taxonomy: dict, cues: dict | None = None) -> Lexicon:
    """Compile a taxonomy (the JSON object) into a :class:`Lexicon`."""
    possessors = frozenset(norm(p) for p in taxonomy.get("possessors", []))
    index: dict[str, Entry | None] = {}
    for t in taxonomy["types"]:
        ctx = t.get("context")
        ctx_t = (ctx["pattern"], ctx["category"]) if ctx else None
        cn = frozenset(norm(w) for w in (t.get("count_noun") or []))
        strong = Entry(t["type"], t["category"], weak=False, count_noun=cn, context=ctx_t)
        weak = Entry(t["type"], t["category"], weak=True, count_noun=cn, context=ctx_t)
        generic = Entry(t["type"], t["category"], weak=True, count_noun=cn, context=ctx_t, generic=True)
        for f in t.get("generic", []):
            for v in _variants(f, possessors, plural=False):
                index.setdefault(v, generic)
        for f in t.get("weak", []):
            for v in _variants(f, possessors, plural=False):
                index.setdefault(v, weak)
        for f in t["forms"]:
            for v in _variants(f, possessors, plural=True):
                cur = index.get(v)
                if cur is None or cur.weak:
                    index[v] = strong
    for f in taxonomy.get("stop", []):
        for v in _variants(f, frozenset(), plural=True):
            index[v] = None
    body = trie_alternation(sorted(index), atom=_char_atom)
    regex = r"(?<![\w@./\-])" + body + r"(?![\w@]|['\u2019]s\b|-\w)"
    # same matches on " " + text.lower() (see Lexicon._spans); the left boundary is consumed
    # (the class of ranges is tested faster than a category; non-ASCII word characters
    # it lets through are refused by the lookbehind on the consumed character)
    fast_exact = (
        r"[\x00-\x2c\x3a-\x3f\x5b-\x5e\x60\x7b-\U0010ffff](?<![\w@./\-])(" + body + r")(?![\w@]|['\u2019]s\b|-\w)"
    )
    # the same without the lookbehind: the boundary class lists the BMP's non-word
    # characters itself (a bitmap, tested at once); beyond the BMP see Lexicon._spans
    fast = re.compile(_boundary_class() + body + r"(?![\w@]|['\u2019]s\b|-\w)")
    cb = nf = None
    if cues:
        if cues.get("count_before"):
            cb = re.compile(cues["count_before"], re.IGNORECASE)
        if cues.get("not_followed_by"):
            nf = re.compile(cues["not_followed_by"], re.IGNORECASE)
    return Lexicon(index=index, regex_source=regex, count_before=cb, not_followed_by=nf,
                   version=str(taxonomy.get("version", "")), fast=fast,
                   fast_exact=fast_exact)


@functools.lru_cache(maxsize=1)
def load_taxonomy() -> dict:
    with open(PATTERNS_DIR / TAXONOMY_FILE, encoding="utf-8") as fh:
        return json.load(fh)


@functools.lru_cache(maxsize=1)
def _default_cues() -> dict:
    with open(PATTERNS_DIR / "datatypes_cues.json", encoding="utf-8") as fh:
        return json.load(fh)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon built from the package's taxonomy (cached)."""
    return build_lexicon(load_taxonomy(), _default_cues())


def categorize(phrase: Any) -> list[tuple[str, str]]:
    """(type, category) pairs named in ``phrase``, in order of appearance, each once.

    Weak forms count (a record's ``"Emails"`` is a data type); generic words alone
    (``data``, ``information``, ``records``) name none.

    >>> categorize("Therapy notes, personal identity codes, contact details")
    [('medical_record', 'medical'), ('national_id', 'personal'), ('contact', 'personal')]
    >>> categorize("Partial credit card data")
    [('payment_card', 'payment')]
    """
    if not isinstance(phrase, str) or not phrase.strip():
        return []
    lex = default_lexicon()
    text = phrase[:10_000]
    out: list[tuple[str, str]] = []
    cache: dict = {}
    for m in lex.mentions(text, accept_weak=True):
        pair = (m.type, lex.category_in(m, text, cache))
        if pair not in out:
            out.append(pair)
    return out


def categories(phrase: Any) -> list[str]:
    """The VERIS categories named in ``phrase``, each once.

    >>> categories("Email addresses, Passwords, Government issued IDs")
    ['personal', 'credentials']
    """
    out: list[str] = []
    for _t, c in categorize(phrase):
        if c not in out:
            out.append(c)
    return out
