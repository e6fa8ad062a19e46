"""One native multi-pattern pass over a document that finds where costly regexes may match.

Several components scan the whole page with a large alternation tried at every word start
(the data-type taxonomy, the date candidates): ``re`` pays a failed attempt of tens of
nanoseconds at each of the page's word starts. This module finds, in one Aho-Corasick pass
in C (``pyahocorasick``), a small SUPERSET of the positions where such a regex can match;
the regex itself then runs only there (``Pattern.match`` at each position, in order), so
the matches are exactly the regex's own.

How the superset is made:

- ``fold(s)``: a same-length copy of ``s`` over a small alphabet: ASCII letters in lower
  case, every ASCII digit ``0``, every other ASCII character but ``?`` a space, and every
  non-ASCII character (a lone surrogate too) ``?`` (``str.encode("ascii", "replace")``,
  then one ASCII ``str.translate``; both in C, about 2 ns a character); ``fold(s,
  blank=True)`` makes ``?`` a space too (fewer spellings per prefix: the lexicon's forms,
  whose separators and apostrophes then have one image). ``fold`` maps each character on
  its own, so if a regex matches ``s[p:p + n]`` then ``fold(s)[p:p + n]`` is one of the
  folded spellings of the characters the regex's first ``n`` items accept.
- ``folded_prefixes(rx, k)``: the folded spellings of the first ``k`` characters (fewer
  where a match may end sooner) of every possible match of ``rx``, read from the parsed
  pattern: a literal or a class gives the folded images of the characters it accepts (a
  class that may accept a non-ASCII character also gives ``?``); zero-width items
  (``\\b``, lookarounds, anchors) are skipped (no constraint, so a superset); an item the
  analysis cannot bound ends the prefix there. None when some match could start with an
  unbounded item, or when there would be too many prefixes.
- ``Probes``: an Aho-Corasick automaton of those prefixes (several named groups in one
  automaton, one pass over the page for all of them). Every match of ``rx`` at ``p`` has one
  of its group's prefixes at ``fold(text)[p:]``, so ``starts`` reports ``p``.

Cost (CASIE dev texts): the pass costs 5-8 ns a character (more for a larger automaton, and
much more when prefixes may start with a letter instead of the space or ``?`` before a word:
the automaton then leaves its root at most characters), plus about 150 ns for each position
reported; ``re`` pays 15-20 ns a character for the same gated alternations. A prefix should
therefore start with the character before the word and be long enough that few positions
are reported in vain.

Without ``pyahocorasick`` (``AVAILABLE`` is False) callers keep their plain regex scans;
``Probes`` then cannot be built. The components test both paths for equal output.
"""

from __future__ import annotations

import itertools
import re
from typing import Iterable

try:  # optional native scanner; without it the callers run their plain regex scans
    import ahocorasick as _ahocorasick
except ImportError:  # pragma: no cover - exercised by the fallback tests (monkeypatched)
    _ahocorasick = None

try:  # the parser behind ``re`` (Python 3.11+); without it, no prefixes (never wrong)
    from re import _constants as _C
    from re import _parser as _P

    from .regexgate import _Refuse as _GateRefuse
    from .regexgate import _seq as _class_seq
except ImportError:  # pragma: no cover
    _C = _P = _class_seq = None  # type: ignore[assignment]
    _GateRefuse = ValueError  # type: ignore[assignment,misc]

#: Is the native scanner importable? (Without it the components run their plain regex scans.)
AVAILABLE = _ahocorasick is not None


def _table(blank: bool) -> dict[int, str]:
    return str.maketrans({
        chr(i): (chr(i).lower() if chr(i).isalpha() else "0" if chr(i).isdigit()
                 else "?" if chr(i) == "?" and not blank else " ")
        for i in range(128)
    })


#: The folding of ASCII characters: upper-case letters lowered, digits ``0``, ``?`` kept,
#: every other character a space (``_BLANK``: ``?`` a space too).
_FOLD = _table(False)
_BLANK = _table(True)


def fold(s: str, blank: bool = False) -> str:
    """``s`` over the folded alphabet (``a-z``, ``0``, space, ``?``), same length; every
    non-ASCII character is ``?`` (with ``blank``: a space, like ``?`` itself, an alphabet of
    28 characters, so spellings that differ only in punctuation or non-ASCII characters
    need one prefix).

    >>> fold("Card-No. 4417, Müller’s?"), fold("Müller’s?", blank=True)
    ('card no  0000  m?ller?s?', 'm ller s ')
    """
    if not s.isascii():
        s = s.encode("ascii", "replace").decode("ascii")
    return s.translate(_BLANK if blank else _FOLD)


def fold_char(c: str, blank: bool = False) -> str:
    """The folded image of one character."""
    return ("?" if ord(c) > 0x7F else c).translate(_BLANK if blank else _FOLD)


_ASCII = [chr(i) for i in range(128)]


class _Refuse(Exception):
    pass


def _space(c: str) -> bool:
    return c in " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _cat_member(cat: object, c: str) -> bool:
    """Does the category ``cat`` (of ``re``'s parser) accept the ASCII character ``c``?"""
    name = str(cat).upper()
    neg = "NOT_" in name
    if "DIGIT" in name:
        hit = c.isdigit()
    elif "SPACE" in name:
        hit = _space(c)
    elif "WORD" in name:
        hit = c.isalnum() or c == "_"
    elif "LINEBREAK" in name:
        hit = c == "\n"
    else:
        raise _Refuse
    return hit != neg


def _class_images(items: list, blank: bool) -> frozenset[str]:
    """The folded images of the characters an IN item (a class) accepts: its ASCII members
    folded, and ``?`` when it may accept a non-ASCII character (always assumed for a
    negated class or a category, which is only a wider superset)."""
    neg = False
    members: set[str] = set()  # the ASCII characters the items accept
    non_ascii = False
    for op, av in items:
        if op is _C.NEGATE:
            neg = True
        elif op is _C.LITERAL:
            if av > 0x7F:
                non_ascii = True
            else:
                members.add(chr(av))
        elif op is _C.RANGE:
            non_ascii |= av[1] > 0x7F
            members.update(map(chr, range(av[0], min(av[1], 0x7F) + 1)))
        elif op is _C.CATEGORY:
            non_ascii = True
            members.update(c for c in _ASCII if _cat_member(av, c))
        else:
            raise _Refuse
    if neg:
        members = set(_ASCII) - members
    out = {fold_char(c, blank) for c in members}
    if neg or non_ascii:
        out.add(fold_char("\x80", blank))
    return frozenset(out)


def _images(src: str, blank: bool) -> frozenset[str]:
    """The folded images of the characters the one-character class ``src`` (a source of
    ``regexgate``'s prefix analysis: ``[x]``, ``[a-z\\d]``, ``[^...]``...) accepts."""
    got = _IMAGES.get((src, blank))
    if got is None:
        items = list(_P.parse(src))
        if len(items) != 1:
            raise _Refuse
        op, av = items[0]
        if op is _C.LITERAL:
            got = frozenset({fold_char(chr(av), blank)})
        elif op is _C.IN:
            got = _class_images(av, blank)
        elif op is _C.NOT_LITERAL or op is _C.ANY:
            got = frozenset(fold("".join(_ASCII) + "\x80", blank))
        else:
            raise _Refuse
        _IMAGES[(src, blank)] = got
    return got


_IMAGES: dict[tuple[str, bool], frozenset[str]] = {}


def folded_prefixes(rx: "re.Pattern[str] | str", k: int, limit: int = 50_000,
                    blank: bool = False) -> frozenset[str] | None:
    """The folded spellings of the first ``k`` characters of every match of ``rx`` (shorter
    where a match may end or the analysis stops sooner): a superset, see the module
    docstring. The characters each position may hold come from ``regexgate``'s prefix
    analysis (one class per position; zero-width items skipped, the prefix ended at an item
    it cannot bound); each class then gives its folded images. None when no useful set
    exists (a match could start with an item not analysed, or be empty), for
    case-insensitive patterns, and when there would be more than ``limit`` of them.
    ``blank``: for text folded with ``blank``.

    >>> sorted(folded_prefixes(r"\\b(?:May|june)\\s\\d", 5))
    ['june ', 'june?', 'may 0', 'may ?', 'may?0', 'may??']
    """
    if _P is None or _class_seq is None:
        return None
    src, flags = (rx.pattern, rx.flags) if isinstance(rx, re.Pattern) else (rx, 0)
    if isinstance(src, bytes):
        return None
    try:
        tree = _P.parse(src, flags)
        if tree.state.flags & (re.IGNORECASE | re.LOCALE):
            return None  # case-insensitive letters may also be non-ASCII ones (also inline ``(?i)``)
        seqs = {t for t, _c in _class_seq(list(tree), k, 0)}
        if not seqs or () in seqs:
            return None
        out: set[str] = set()
        for t in seqs:
            out.update(map("".join, itertools.product(*[sorted(_images(c, blank)) for c in t])))
            if len(out) > limit:
                return None
    except (_Refuse, _GateRefuse, RecursionError, re.error, TypeError, ValueError, OverflowError):
        return None
    return frozenset(out)


def prefix_free(probes: Iterable[str]) -> list[str]:
    """``probes`` without those that extend another one (which reports the same start
    anyway): at most one probe of a group then begins at a position.

    >>> prefix_free(["ab", "abc", "b", "abd", "ba"])
    ['ab', 'b']
    """
    out: list[str] = []
    for p in sorted(set(probes)):
        if not p:
            raise ValueError("empty prefix")
        if out and p.startswith(out[-1]):
            continue
        out.append(p)
    return out


class Probes:
    """An Aho-Corasick automaton over named groups of folded prefixes: ``starts(folded)``
    gives, per group, the sorted start positions where one of its prefixes occurs (each
    once: a group's prefixes are made ``prefix_free``, so no two begin at one position)."""

    __slots__ = ("names", "automaton")

    def __init__(self, groups: dict[str, Iterable[str]]) -> None:
        if _ahocorasick is None:
            raise RuntimeError("pyahocorasick is not installed")
        self.names = tuple(groups)
        table: dict[str, list[int]] = {}
        for i, name in enumerate(self.names):
            for p in prefix_free(groups[name]):
                table.setdefault(p, []).append(i)
        A = _ahocorasick.Automaton()
        for p, idx in table.items():
            # the value: (start offset from the end index, the groups of the prefix)
            A.add_word(p, (len(p) - 1, tuple(idx)))
        A.make_automaton()
        self.automaton = A

    def hits(self, folded: str) -> list[tuple[int, tuple[int, ...]]]:
        """``(p, groups)`` for every position ``p`` where a prefix occurs, sorted: ``groups``
        (ascending indexes into ``names``) are the groups of that prefix. A position appears
        once per distinct prefix found there (each group reports it at most once: a group's
        prefixes are ``prefix_free``)."""
        got = [(e - back, idx) for e, (back, idx) in self.automaton.iter(folded)]
        got.sort()
        return got

    def starts(self, folded: str) -> list[list[int]]:
        """Per group (in ``names`` order), the sorted positions ``p`` where one of its
        prefixes is ``folded[p:p + len]``."""
        if len(self.names) == 1:
            got = [e - back for e, (back, _g) in self.automaton.iter(folded)]
            got.sort()
            return [got]
        lists: list[list[int]] = [[] for _ in self.names]
        for e, (back, idx) in self.automaton.iter(folded):
            for i in idx:
                lists[i].append(e - back)
        for lst in lists:
            lst.sort()
        return lists


class Families:
    """Which of several families of literal substrings occur in a string, exactly (no
    folding): one Aho-Corasick pass in C instead of one ``in`` test per substring (a sentence
    that holds none of forty words costs one pass, not forty searches)."""

    __slots__ = ("automaton", "full")

    def __init__(self, families: "list[Iterable[str]]") -> None:
        if _ahocorasick is None:
            raise RuntimeError("pyahocorasick is not installed")
        bits: dict[str, int] = {}
        for i, fam in enumerate(families):
            for w in fam:
                if not w:
                    raise ValueError("empty substring")
                bits[w] = bits.get(w, 0) | (1 << i)
        A = _ahocorasick.Automaton()
        for w, b in bits.items():
            A.add_word(w, b)
        A.make_automaton()
        self.automaton = A
        #: every family found: the pass can stop
        self.full = (1 << len(families)) - 1

    def flags(self, s: str, start: int = 0, end: int | None = None) -> int:
        """Bit ``i`` set when ``s[start:end]`` holds a substring of family ``i``:
        ``any(map(s[start:end].__contains__, families[i]))``.

        >>> Families([["not", "n't"], ["may"]]).flags("it isn't so"), Families([["a"], ["b"]]).flags("xbx", 0, 1)
        (1, 0)
        """
        got = 0
        full = self.full
        it = self.automaton.iter(s, start) if end is None else self.automaton.iter(s, start, end)
        for _e, b in it:
            got |= b
            if got == full:
                break
        return got

