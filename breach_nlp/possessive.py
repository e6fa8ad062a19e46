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

Two more rewrites of the same kind (same matches, same groups, the same tries in the same
order, so the same spans): ``_cheapen`` groups an alternation's alternatives by their first
literal character (``said|told|says`` -> ``s(?:a(?:id|ys))|told``: ``re`` tests a branch's
first character before entering it, so one test rules out a group), moving an alternative
up only past alternatives that cannot start with its character, and writes optional and
short bounded repeats of groups as nested alternations (``(?:X){0,2}`` ->
``(?:X(?:X|)|)``; lazy ``(?:|X(?:|X))``; not when the pattern has a capturing group),
which ``re`` runs without its general repeat machinery; after the possessive step,
``_merge_heads`` lets the alternatives that open with one deterministic item (a character
or a possessive repeat of one class: it matches one way only) share it
(``\\s++eht|\\s++a`` -> ``\\s++(?:eht|a)``) and reads a nested alternation that is a whole
alternative inline.

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


def _items(sub: Any) -> list[Any]:
    """The items of a parsed sequence as a new list (``SubPattern.data``: ``list(sub)`` would
    go through its slow ``__getitem__`` one item at a time)."""
    return list(sub.data) if hasattr(sub, "data") else list(sub)


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
            body = _items(sub)
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
                out.append((op, (group, add, dele, _P.SubPattern(sub.state, _rewrite(_items(sub), conts)))))
        elif op is _C.BRANCH:
            alts = [_P.SubPattern(a.state, _rewrite(_items(a), conts)) for a in av[1]]
            out.append((op, (av[0], alts)))
        elif op is _C.ASSERT or op is _C.ASSERT_NOT:
            direction, sub = av
            if direction == 1:  # a look-ahead body ends the assertion: nothing after it
                out.append((op, (direction, _P.SubPattern(sub.state, _rewrite(_items(sub), [[]])))))
            else:
                out.append((op, av))
        else:
            out.append((op, av))
    return out


# -- cheaper alternations and optional groups (same matches, same order of tries) ----------
#: a bounded repeat of a group (``(?:[\w'-]+\s+){0,3}``) is unrolled up to this many copies
_MAX_UNROLL = 4


def _simple(items: list[Any]) -> bool:
    """Does ``re`` compile a repeat of ``items`` as a one-character repeat (REPEAT_ONE)?"""
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is _C.SUBPATTERN:
        return av[0] is None and not av[1] and not av[2] and _simple(_items(av[3]))
    return op in (_C.LITERAL, _C.NOT_LITERAL, _C.ANY, _C.IN, _C.CATEGORY)


def _first_classes_or_none(items: list[Any]) -> list[re.Pattern[str]] | None:
    """Regexes for the classes of the first character a match of ``items`` can start with
    (a superset), or None when it may consume nothing or the analysis does not know."""
    try:
        got = _seq(items, 1, 0)
        out = []
        for t, _c in got:
            if not t:
                return None
            out.append(re.compile(t[0]))
        return out
    except (_Refuse, RecursionError, ValueError, TypeError, re.error):
        return None


def _factor_branch(alts: list[Any]) -> list[Any]:
    """The alternatives with those that start with the same literal character grouped
    (``said|says|sent`` -> ``s(?:a(?:id|ys)|ent)``, recursively), so ``re``'s quick
    first-character test of a branch rules out a whole group at once. Tries keep their
    order: an alternative only moves up past alternatives that cannot start with its
    first character (a string matched by one of them is matched by none of those)."""
    groups: list[list[Any]] = []  # [literal or None, members, first classes (None key)]
    for a in alts:
        data = _items(a)
        c = data[0][1] if data and data[0][0] is _C.LITERAL else None
        if c is None:
            groups.append([None, [a], _first_classes_or_none(data)])
            continue
        for g in reversed(groups):
            if g[0] == c:
                g[1].append(a)
                break
            if g[0] is None and (g[2] is None or any(rx.match(chr(c)) for rx in g[2])):
                groups.append([c, [a], None])  # (a barrier: it could start with c too)
                break
        else:
            groups.append([c, [a], None])
    if len(groups) == len(alts):
        return alts
    out = []
    for key, members, _fs in groups:
        if len(members) == 1:
            out.append(members[0])
            continue
        state = members[0].state
        tails = _factor_branch([_P.SubPattern(m.state, _items(m)[1:]) for m in members])
        body = _P.SubPattern(state, [(_C.BRANCH, (None, tails))])
        out.append(_P.SubPattern(state, [(_C.LITERAL, key), (_C.SUBPATTERN, (None, 0, 0, body))]))
    return out


def _branch_item(state: Any, alts: list[Any]) -> Any:
    return (_C.SUBPATTERN, (None, 0, 0, _P.SubPattern(state, [(_C.BRANCH, (None, alts))])))


def _cheapen(items: list[Any], unroll: bool) -> list[Any]:
    """``items`` with their alternations grouped by first character (``_factor_branch``) and
    their optional or bounded repeats of groups written as nested alternations
    (``(?:X){0,2}`` -> ``(?:X(?:X|)|)``, lazy: ``(?:|X(?:|X))``): the same tries in the same
    order, without ``re``'s costlier general repeat (``unroll``: the pattern has no
    capturing group, which a copy would duplicate)."""
    out: list[Any] = []
    for op, av in items:
        if op is _C.SUBPATTERN:
            group, add, dele, sub = av
            if add or dele:
                out.append((op, av))  # inline flags: left as written
            else:
                out.append((op, (group, add, dele, _P.SubPattern(sub.state, _cheapen(_items(sub), unroll)))))
        elif op is _C.MAX_REPEAT or op is _C.MIN_REPEAT:
            lo, hi, sub = av
            body = _cheapen(_items(sub), unroll)
            bsp = _P.SubPattern(sub.state, body)
            if unroll and not _simple(body) and lo <= hi <= _MAX_UNROLL and bsp.getwidth()[0] > 0:
                empty = _P.SubPattern(sub.state, [])
                tail: list[Any] | None = None
                for _ in range(hi - lo):
                    more = _P.SubPattern(sub.state, body + ([_branch_item(sub.state, tail)] if tail else []))
                    tail = [more, empty] if op is _C.MAX_REPEAT else [empty, more]
                out.extend(body * lo)
                if tail:
                    out.append(_branch_item(sub.state, _factor_branch(tail)))
            else:
                out.append((op, (lo, hi, bsp)))
        elif op is _C.ASSERT or op is _C.ASSERT_NOT:
            direction, sub = av
            if direction == 1:
                out.append((op, (direction, _P.SubPattern(sub.state, _cheapen(_items(sub), unroll)))))
            else:
                out.append((op, av))  # (a look-behind body keeps its fixed width as written)
        elif op is _C.BRANCH:
            alts = [_P.SubPattern(a.state, _cheapen(_items(a), unroll)) for a in av[1]]
            out.append((op, (av[0], _factor_branch(alts))))
        else:
            out.append((op, av))
    return out


def _head_classes(items: list[Any]) -> list[tuple[frozenset[str], frozenset[str]]] | None:
    """The classes of the first character of ``items`` (None: may consume nothing, or
    unknown), as ``_first_classes`` reads them."""
    return _first_classes(items)


def _deterministic(item: Any) -> bool:
    """Does ``item`` match in at most one way where it starts (one character of a class, or
    a possessive repeat of one class: no choice for backtracking to revisit)?"""
    op, av = item
    if op is _C.LITERAL or op is _C.IN:
        return True
    return op is getattr(_C, "POSSESSIVE_REPEAT", None) and av[0] >= 1 and _simple(_items(av[2]))


def _merge_heads(items: list[Any]) -> list[Any]:
    """After the possessive rewrite: in each alternation, the alternatives that open with
    the same deterministic item (``\\s++eht|\\s++a|\\s++na`` -> ``\\s++(?:eht|a|na)``) share it,
    and an alternation that is a whole alternative is read inline. The same tries in the
    same order: the shared item matches one way only, and an alternative only moves up past
    alternatives whose first characters it cannot start with."""
    out: list[Any] = []
    for op, av in items:
        if op is _C.SUBPATTERN and not av[1] and not av[2]:
            out.append((op, (av[0], av[1], av[2], _P.SubPattern(av[3].state, _merge_heads(_items(av[3]))))))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            out.append((op, (av[0], av[1], _P.SubPattern(av[2].state, _merge_heads(_items(av[2]))))))
        elif op is _C.ASSERT or op is _C.ASSERT_NOT:
            out.append((op, (av[0], _P.SubPattern(av[1].state, _merge_heads(_items(av[1])))) if av[0] == 1 else av))
        elif op is _C.BRANCH:
            alts: list[Any] = []
            for a in av[1]:
                data = _items(a)
                # (?:(?:x|y)) as a whole alternative: its alternatives in its place
                if len(data) == 1 and data[0][0] is _C.SUBPATTERN and data[0][1][0] is None and not data[0][1][1] \
                        and not data[0][1][2] and len(data[0][1][3]) == 1 and data[0][1][3][0][0] is _C.BRANCH:
                    alts.extend(data[0][1][3][0][1][1])
                else:
                    alts.append(a)
            out.append((op, (av[0], _merge_branch([_P.SubPattern(a.state, _merge_heads(_items(a))) for a in alts]))))
        else:
            out.append((op, av))
    return out


def _merge_branch(alts: list[Any]) -> list[Any]:
    groups: list[list[Any]] = []  # [head repr or None, members, head classes or first classes]
    for a in alts:
        data = _items(a)
        head = data[0] if data and _deterministic(data[0]) and (len(data) > 1 or data[0][0] is not _C.LITERAL) else None
        key = repr(head) if head is not None else None
        cls = _head_classes([head]) if head is not None else None
        if key is None or cls is None:
            groups.append([None, [a], _head_classes(data)])
            continue
        for g in reversed(groups):
            if g[0] == key:
                g[1].append(a)
                break
            if g[2] is None or not all(_disjoint(x, y) for x in cls for y in g[2]):
                groups.append([key, [a], cls])  # (a barrier: it could start like the head)
                break
        else:
            groups.append([key, [a], cls])
    if len(groups) == len(alts):
        return alts
    out = []
    for key, members, _cls in groups:
        if len(members) == 1:
            out.append(members[0])
            continue
        state = members[0].state
        head = _items(members[0])[0]
        tails = [_P.SubPattern(m.state, _items(m)[1:]) for m in members]
        body = _P.SubPattern(state, [(_C.BRANCH, (None, tails))])
        out.append(_P.SubPattern(state, [head, (_C.SUBPATTERN, (None, 0, 0, body))]))
    return out


def possessive_tree(tree: Any, flags: int = 0) -> Any:
    """The rewritten tree (the same tree when nothing applies: IGNORECASE, old Python): the
    safe repeats possessive, and (``_cheapen``) alternations grouped by first character,
    optional and short bounded repeats of groups as nested alternations."""
    if _C is None or not hasattr(_C, "POSSESSIVE_REPEAT") or (flags | tree.state.flags) & re.IGNORECASE:
        return tree
    items = _cheapen(_items(tree), unroll=tree.state.groups <= 1)
    new = _P.SubPattern(tree.state, _merge_heads(_rewrite(items, [[]])))
    return new


def possessive(rx: "re.Pattern[str]") -> "re.Pattern[str]":
    """``rx`` with its safe repeats possessive (``rx`` itself when nothing applies)."""
    if _C is None or rx.pattern is None or rx.flags & (re.IGNORECASE | re.VERBOSE):
        return rx
    try:
        return compile_tree(fast_tree(rx.pattern, rx.flags), rx.flags)
    except Exception:  # pragma: no cover - then the plain regex
        return rx


def fast_tree(pattern: str, flags: int) -> Any:
    """The rewritten parsed tree of a pattern (``possessive_tree``), memoized: gates built
    of several rules reuse their rules' trees (the analysis costs more than compiling).
    Callers must not change the tree."""
    key = (pattern, flags)
    tree = _FAST.get(key)
    if tree is None:
        tree = _FAST[key] = possessive_tree(_P.parse(pattern, flags & ~re.UNICODE))
        if len(_FAST) > 512:  # (a few dozen rules in practice)
            _FAST.clear()
    return tree


_FAST: dict[tuple[str, int], Any] = {}


def compile_tree(tree: Any, flags: int) -> "re.Pattern[str]":
    """Compile a parsed tree (``re``'s own compiler)."""
    return _compiler.compile(tree, flags)
