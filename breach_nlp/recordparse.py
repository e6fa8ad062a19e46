"""Safe, linear-time finding and parsing of structured records inside text.

Pure functions used by the ``breach_records`` component (no spaCy here):

- :func:`bracket_spans` finds the outermost balanced ``{…}`` / ``[…]`` regions of a text in a
  single left-to-right scan with a bracket stack that knows about quoted strings (``"…"`` and
  ``'…'``; a string also ends at a line break, so an apostrophe in prose cannot swallow the
  page). Regexes jump between the interesting characters, so a 20 MB literal costs one pass.
  Each region carries its nesting depth; nothing is parsed here.
- :func:`parse_literal` parses one candidate: ``json`` first, then ``ast.parse`` +
  ``ast.literal_eval`` for Python literal dumps (single quotes, ``True``/``None``, tuples,
  adjacent string literals from ``pprint``). ``eval`` is never used: ``literal_eval`` accepts
  only literals, so ``__import__('os').system(...)`` is rejected as a malformed node, never run.
  Size (``MAX_RECORD_CHARS``) and depth (``MAX_RECORD_DEPTH``) are checked BEFORE parsing.
- :func:`json_safe` turns the parsed object into plain JSON values: NaN/Infinity -> None,
  tuples/sets -> lists, bytes -> text, non-string keys -> strings.

Duplicate keys: the last value wins (as in ``json`` and Python), and an error line notes it.

>>> [(s, e, d) for s, e, d in bracket_spans('a {"b": [1, 2]} c [x] {')]
[(2, 15, 2), (18, 21, 1)]
>>> parse_literal("{'a': True, 'b': None}")
('python_dict', {'a': True, 'b': None}, [])
>>> parse_literal('{"a": NaN}')
('json', {'a': None}, [])
>>> parse_literal("{'a': __import__('os').system('true')}")[0] is None
True
"""

from __future__ import annotations

import ast
import json
import math
import re
import warnings
from typing import Any, Iterator

from .settings import MAX_RECORD_CHARS, MAX_RECORD_DEPTH

#: Characters that matter inside brackets; at depth 0 only openers matter (found by
#: :class:`_Openers`, the fast form of ``_OPENER.search``).
_OPENER = re.compile(r"[\[{]")
#: Inside brackets: a whole quoted string (ends at its quote or the line's end; unrolled
#: loop, linear, no nested-quantifier backtracking) or a bracket.
_INNER = re.compile(
    r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"?'
    r"|'[^'\\\n]*(?:\\.[^'\\\n]*)*'?"
    r"|[\[\]{}]"
)
_PAIRS = {"}": "{", "]": "["}


class _Openers:
    """``_OPENER.search(text, pos, n)``'s start (-1 for none) for non-decreasing ``pos``,
    found with ``str.find`` (many times faster than a character-class scan; most texts have
    no bracket at all). The next ``[`` and ``{`` are remembered and each is searched again
    only once ``pos`` has passed it, so the text is read once in all."""

    __slots__ = ("text", "n", "sq", "cu")

    def __init__(self, text: str, n: int) -> None:
        self.text, self.n = text, n
        self.sq = self.cu = -2  # next "[" / "{" (-1: none left, -2: not searched yet)

    def next(self, pos: int) -> int:
        sq, cu = self.sq, self.cu
        if -1 != sq < pos:
            sq = self.sq = self.text.find("[", pos, self.n)
        if -1 != cu < pos:
            cu = self.cu = self.text.find("{", pos, self.n)
        if sq < 0:
            return cu
        return sq if cu < 0 or sq < cu else cu


def bracket_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, int]]:
    """Outermost balanced bracket regions ``(start, end, depth)`` of ``text[start:end]``.

    One scan; a stray opener that never closes does not hide the balanced regions after it
    (its completed children are promoted when the scan ends). A closer that does not match
    the innermost opener is ignored. Time is linear in the length of the text.
    """
    n = len(text) if end is None else end
    # the stack is kept in flat lists of str/int (no container per opener: the garbage
    # collector would otherwise rescan them all as 100,000 openers pile up)
    opens: list[int] = []  # position of each open bracket
    kinds: list[str] = []  # its character
    depths: list[int] = []  # deepest completed child depth below it
    children: dict[int, list[tuple[int, int, int]]] = {}  # level -> completed children
    top: list[tuple[int, int, int]] = []
    pos = start
    openers = _Openers(text, n)
    while pos < n:
        if not opens:
            p = openers.next(pos)
            if p < 0:
                break
            opens.append(p)
            kinds.append(text[p])
            depths.append(0)
            pos = p + 1
        for m in _INNER.finditer(text, pos, n):
            c = m.group()[0]
            if c == '"' or c == "'":
                continue
            if c == "[" or c == "{":
                opens.append(m.start())
                kinds.append(c)
                depths.append(0)
                continue
            if kinds[-1] != _PAIRS[c]:
                continue
            level = len(opens) - 1
            s = opens.pop()
            kinds.pop()
            depth = depths.pop() + 1
            children.pop(level, None)
            span = (s, m.end(), depth)
            if opens:
                children.setdefault(level - 1, []).append(span)
                if depth > depths[-1]:
                    depths[-1] = depth
            else:
                top.append(span)
                pos = m.end()
                break
        else:
            break
    # unclosed openers: their completed children are candidates of their own
    for spans in children.values():
        top.extend(spans)
    top.sort()
    yield from top


#: Lone surrogates (from ``"\ud800"`` escapes or the text itself) cannot be encoded as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def needs_cleaning(s: str) -> bool:
    """Whether text may parse into strings with lone surrogates."""
    return bool(_SURROGATE.search(s) or _SURROGATE_ESCAPE.search(s))


def json_safe(obj: Any, depth: int = 0) -> Any:
    """A JSON-safe copy of a parsed literal (NaN/Infinity -> None, tuples -> lists, lone
    surrogates -> U+FFFD...).

    >>> json_safe({1: (1.5, float('nan')), 'b': {b'x'}, 'c': 'a' + chr(0xD800)}) == {
    ...     '1': [1.5, None], 'b': ['x'], 'c': 'a' + chr(0xFFFD)}
    True
    """
    if depth > MAX_RECORD_DEPTH + 2:
        return None
    if isinstance(obj, str):
        return _SURROGATE.sub("\ufffd", obj)
    if obj is None or isinstance(obj, bool):
        return obj
    if isinstance(obj, int):
        return obj
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, complex):
        return str(obj)
    if isinstance(obj, bytes):
        return obj.decode("utf-8", errors="replace")
    if isinstance(obj, dict):
        return {json_safe(str(k)): json_safe(v, depth + 1) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        items = sorted(obj, key=repr) if isinstance(obj, (set, frozenset)) else obj
        return [json_safe(v, depth + 1) for v in items]
    return str(obj)


def _null_constant(_name: str) -> None:
    return None


def _finite_float(s: str) -> float | None:
    v = float(s)
    return v if math.isfinite(v) else None


class _DupCollector:
    """``object_pairs_hook`` for json: last key wins, duplicates remembered."""

    def __init__(self) -> None:
        self.dups: list[str] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in pairs:
            if k in out and len(self.dups) < 20:
                self.dups.append(k)
            out[k] = v
        return out


def _python_dups(tree: ast.AST) -> list[str]:
    dups: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            seen: set[Any] = set()
            for k in node.keys:
                if isinstance(k, ast.Constant):
                    try:
                        hash(k.value)
                    except TypeError:
                        continue
                    if k.value in seen and len(dups) < 20:
                        dups.append(str(k.value))
                    seen.add(k.value)
    return dups


def _bare_depth(s: str) -> int:
    """Bracket nesting depth of a string (strings taken into account), linear time."""
    depth = 0
    for _s, _e, d in bracket_spans(s):
        depth = max(depth, d)
    return depth


def parse_literal(
    s: str,
    *,
    depth: int | None = None,
    max_chars: int = MAX_RECORD_CHARS,
    max_depth: int = MAX_RECORD_DEPTH,
) -> tuple[str | None, Any, list[str]]:
    """Parse one record candidate safely: ``(format, json-safe object, errors)``.

    ``format`` is ``"json"`` or ``"python_dict"``, or None when the text is not a literal
    (errors then say why). ``depth`` is the nesting depth when already known (from
    :func:`bracket_spans`). Never evaluates code.
    """
    if len(s) > max_chars:
        return None, None, [f"record too large: {len(s):,} characters (limit {max_chars:,})"]
    if depth is None:
        depth = _bare_depth(s)
    if depth > max_depth:
        return None, None, [f"record nested too deeply: depth {depth} (limit {max_depth})"]
    hook = _DupCollector()
    try:
        # NaN/Infinity/1e999 -> None while parsing; json yields nothing else that is not JSON-safe
        obj = json.loads(
            s, object_pairs_hook=hook, parse_constant=_null_constant, parse_float=_finite_float
        )
        errors = [f"duplicate key {k!r}: last value kept" for k in hook.dups]
        return "json", json_safe(obj) if needs_cleaning(s) else obj, errors
    except (ValueError, RecursionError, MemoryError, TypeError):
        pass
    try:
        with warnings.catch_warnings():  # "invalid escape sequence" in scraped strings
            warnings.simplefilter("ignore")
            tree = ast.parse(s.strip(), mode="eval")
        obj = ast.literal_eval(tree.body)
    except (ValueError, SyntaxError, RecursionError, MemoryError, TypeError, OverflowError) as exc:
        reason = str(exc).split("\n")[0][:120] or type(exc).__name__
        return None, None, [f"not a JSON or Python literal: {reason}"]
    errors = [f"duplicate key {k!r}: last value kept" for k in _python_dups(tree)]
    return "python_dict", json_safe(obj), errors
