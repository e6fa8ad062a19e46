"""Possessive repeats where giving characters back can never help (speed only; same matches).

``possessive_tree(tree)`` rewrites a parsed regex (``re._parser`` tree) so that a greedy
repeat of one character class (``\\s+``, ``[\\w'-]{1,30}``, ``[^,]{1,140}``) becomes
possessive (``\\s++``) when every way the pattern can go on after it must first consume a
character outside that class. Then a shorter run of the repeat leaves one of its own
characters next, which the continuation cannot consume: backtracking into the repeat
never finds a match, so the possessive form finds the same matches (same spans, same
groups) and fails sooner. Zero-width items (``\\b``, look-arounds) in the continuation are
looked through (they cannot consume the character either); a continuation that may end the
pattern (or a look-ahead body) without consuming keeps the repeat greedy, and so does
anything the analysis does not know (``.``, back-references, inline flags, IGNORECASE).

>>> import re
>>> rx = possessive(re.compile(r"(?:[\\w-]+\\s+){0,3}(?:data|site)\\b"))
>>> bool(rx.match("the old data")), bool(rx.match("the old database"))
(True, False)
"""

from __future__ import annotations

import functools
import re
from typing import Any

try:
    from re import _compiler, _constants as _C, _parser as _P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11: no rewrite
    _compiler = _C = _P = None  # type: ignore[assignment]

from .regexgate import _Refuse, _seq

_SIMPLE_CATS: dict[Any, str] = {}
if _C is not None:
    _SIMPLE_CATS = {
        _C.CATEGORY_SPACE: "s", _C.CATEGORY_UNI_SPACE: "s", _C.CATEGORY_WORD: "w", _C.CATEGORY_UNI_WORD: "w",
        _C.CATEGORY_DIGIT: "d", _C.CATEGORY_UNI_DIGIT: "d",
    }
#: category pairs that share no character (``\\s`` holds no word character or digit)
_DISJOINT_CATS = {("s", "w"), ("w", "s"), ("s", "d"), ("d", "s")}
#: ranges wider than this are not expanded character by character
_MAX_RANGE = 512


def _members(items: list[Any]) -> tuple[frozenset[str], frozenset[str]] | None:
    """(characters, categories) of a positive class, or None (negated, unknown, too wide)."""
    chars: set[str] = set()
    cats: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            chars.add(chr(av))
        elif op is _C.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif op is _C.CATEGORY and av in _SIMPLE_CATS:
            cats.add(_SIMPLE_CATS[av])
        else:
            return None
    return frozenset(chars), frozenset(cats)


_CAT_RX = {"s": re.compile(r"\s"), "w": re.compile(r"\w"), "d": re.compile(r"\d")}


def _disjoint(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Do two positive classes share no character?"""
    (ca, ka), (cb, kb) = a, b
    if ca & cb:
        return False
    for chars, cats in ((ca, kb), (cb, ka)):
        if any(_CAT_RX[k].match(ch) for ch in chars for k in cats):
            return False
    return all((x, y) in _DISJOINT_CATS for x in ka for y in kb)


def _class_of_item(op: Any, av: Any) -> tuple[frozenset[str], frozenset[str]] | None:
    if op is _C.LITERAL:
        return frozenset((chr(av),)), frozenset()
    if op is _C.IN:
        return _members(list(av))
    return None


def _first_classes(cont: list[Any]) -> list[tuple[frozenset[str], frozenset[str]]] | None:
    """The classes of the first character every path of ``cont`` consumes (None: some path
    may consume nothing, or an item is not understood)."""
    try:
        got = _seq(cont, 1, 0)
    except (_Refuse, RecursionError, ValueError, TypeError):
        return None
    out = []
    for t, _c in got:
        if not t:
            return None
        cls = _class_of_source(t[0])
        if cls is None:
            return None
        out.append(cls)
    return out


@functools.lru_cache(maxsize=4096)
def _class_of_source(src: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The class of a one-character class source from ``regexgate``'s prefix analysis."""
    try:
        parsed = list(_P.parse(src))
    except re.error:  # pragma: no cover
        return None
    return _class_of_item(*parsed[0]) if len(parsed) == 1 else None


def _rewrite(items: list[Any], follow: list[list[Any]]) -> list[Any]:
    """``items`` with safe greedy single-class repeats made possessive; ``follow`` holds
    the item sequences that may come after ``items`` ([] = the end of the pattern)."""
    out: list[Any] = []
    state = _P.State()
    # the items that always consume a character: the first one after an item ends what the
    # analysis of that item's continuation needs to read
    solid = [_P.SubPattern(state, [it]).getwidth()[0] > 0 for it in items]
    for i, (op, av) in enumerate(items):
        j = next((j for j in range(i + 1, len(items)) if solid[j]), None)
        conts = [list(items[i + 1 : j + 1])] if j is not None else [list(items[i + 1 :]) + f for f in follow]
        if op is _C.MAX_REPEAT or op is _C.MIN_REPEAT:
            lo, hi, sub = av
            body = list(sub)
            if op is _C.MAX_REPEAT and len(body) == 1:
                cls = _class_of_item(*body[0])
                if cls is not None:
                    firsts = [_first_classes(c) for c in conts]
                    if all(f is not None and all(_disjoint(cls, x) for x in f) for f in firsts):
                        out.append((_C.POSSESSIVE_REPEAT, (lo, hi, sub)))
                        continue
            # inside the body: another round of the body or what follows the repeat
            new_body = _rewrite(body, [body + c for c in conts] + conts)
            out.append((op, (lo, hi, _P.SubPattern(sub.state, new_body))))
        elif op is _C.SUBPATTERN:
            group, add, dele, sub = av
            if add or dele:
                out.append((op, av))  # inline flags: left as written
            else:
                out.append((op, (group, add, dele, _P.SubPattern(sub.state, _rewrite(list(sub), conts)))))
        elif op is _C.BRANCH:
            alts = [_P.SubPattern(a.state, _rewrite(list(a), conts)) for a in av[1]]
            out.append((op, (av[0], alts)))
        elif op is _C.ASSERT or op is _C.ASSERT_NOT:
            direction, sub = av
            if direction == 1:  # a look-ahead body ends the assertion: nothing after it
                out.append((op, (direction, _P.SubPattern(sub.state, _rewrite(list(sub), [[]])))))
            else:
                out.append((op, av))
        else:
            out.append((op, av))
    return out


def possessive_tree(tree: Any, flags: int = 0) -> Any:
    """The rewritten tree (the same tree when nothing applies: IGNORECASE, old Python)."""
    if _C is None or not hasattr(_C, "POSSESSIVE_REPEAT") or (flags | tree.state.flags) & re.IGNORECASE:
        return tree
    new = _P.SubPattern(tree.state, _rewrite(list(tree), [[]]))
    return new


def possessive(rx: "re.Pattern[str]") -> "re.Pattern[str]":
    """``rx`` with its safe repeats possessive (``rx`` itself when nothing applies)."""
    if _C is None or rx.pattern is None or rx.flags & (re.IGNORECASE | re.VERBOSE):
        return rx
    try:
        tree = _P.parse(rx.pattern, rx.flags & ~re.UNICODE)
        return compile_tree(possessive_tree(tree), rx.flags)
    except Exception:  # pragma: no cover - then the plain regex
        return rx


def compile_tree(tree: Any, flags: int) -> "re.Pattern[str]":
    """Compile a parsed tree (``re``'s own compiler)."""
    return _compiler.compile(tree, flags)
