"""regexgate: first-letter gates must be supersets (a gated regex finds exactly the same
matches), and refuse what they cannot bound.

Tables: BASICS (hand-written patterns and their gates), then a seeded random check of the
superset property over generated patterns and strings (case-sensitive and IGNORECASE,
with the characters IGNORECASE folds onto ASCII letters: Kelvin sign, long s, dotted I).
"""

from __future__ import annotations

import random
import re

import pytest

from breach_nlp.regexgate import gated, prefix_gate

BASICS = [
    ("alternation-and-digits", r"\b(?:last|next)\s+week|\d{4}", 3, r"(?:[\d][\d][\d]|las|nex)"),
    ("unknown-char-ends-prefix", r"\b(?:a.c|ab)", 3, "(?:a)"),
    ("optional-first-item", r"x?y", 2, "(?:xy|y)"),
    ("lookarounds-skipped", r"(?=\d)(?<![\w/])\d\d", 2, r"(?:[\d][\d])"),
    ("bounded-repeat", r"a{0,1000}b", 3, "(?:a(?:a(?:a|b)|b)|b)"),
    ("may-match-empty", r"(?:ab)?", 2, None),
    ("negated-first-char", r"[^a]b", 2, None),
    ("backreference-ends-prefix", r"(a)\1x", 3, "(?:a)"),
]


@pytest.mark.parametrize("pattern,k,gate", [pytest.param(*r[1:], id=r[0]) for r in BASICS])
def test_basics(pattern, k, gate):
    assert prefix_gate(pattern, k) == gate


def test_gated_same_matches_and_groups():
    rx = re.compile(r"\b(?P<neg>was|were)\s{1,3}not\b(?!\s{1,3}only)")
    g = gated(rx)
    assert g is not rx and g.groupindex == rx.groupindex
    text = "it was not; they were not only late, were  not taken"
    assert [(m.span(), m.group("neg")) for m in g.finditer(text)] == [(m.span(), m.group("neg")) for m in rx.finditer(text)]


def test_gated_leaves_alone_what_it_cannot_speed_up():
    for rx in (re.compile(r"\bmay\b", re.IGNORECASE), re.compile(r"a # comment", re.VERBOSE), re.compile(r"x*")):
        assert gated(rx) is rx


_ATOMS = ["a", "b", "ab", r"\d", "[ab]", "[^a]", ".", r"\b", "(?=a)", "(?!b)", "(?<=a)", " ", r"\s", r"\w",
          "k", "s", "i", "[A-C]", "(?i:a)", "(?i:[a-c])", "(?-i:b)"]
_QUANT = ["?", "*", "+", "{0,2}", "{1,3}", "{2}", "{3,5}", "*?"]


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    r = rng.random()
    if depth > 3 or r < 0.35:
        return rng.choice(_ATOMS)
    if r < 0.55:
        return _random_pattern(rng, depth + 1) + _random_pattern(rng, depth + 1)
    if r < 0.7:
        return f"(?:{_random_pattern(rng, depth + 1)}|{_random_pattern(rng, depth + 1)})"
    if r < 0.85:
        return f"(?:{_random_pattern(rng, depth + 1)}){rng.choice(_QUANT)}"
    return f"({_random_pattern(rng, depth + 1)})"


@pytest.mark.parametrize("flags", [0, re.IGNORECASE], ids=["case-sensitive", "ignorecase"])
def test_gate_is_a_superset(flags):
    rng = random.Random(9)
    alphabet = "abxABXkKsSi \n1\u212a\u017f\u0130"
    checked = 0
    for _ in range(400 if flags else 1500):
        try:
            rx = re.compile(_random_pattern(rng), flags)
        except re.error:
            continue
        for k in (1, 3):
            gate = prefix_gate(rx, k)
            if gate is None:
                continue
            grx = re.compile(gate)
            for _ in range(3):
                s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
                for pos in range(len(s) + 1):
                    if rx.match(s, pos):
                        assert grx.match(s, pos), (rx.pattern, flags, gate, s, pos)
                        checked += 1
    assert checked > 200


# -- word-start scans (WordStartRegex): the same matches as the plain regex ---------------
from breach_nlp.regexgate import WordStartRegex, word_start_scan  # noqa: E402

WORD_START_CASES = [
    ("boundary-then-words", r"\b(?:was|were)\s{1,3}not\b", True),
    ("lookahead-before-boundary", r"(?=[a-z])\b(?P<v>said|told)\b", True),
    ("branch-each-with-boundary", r"(?:\b(?P<m>late|early)\s|\bmid-)$", True),
    ("digits-are-word-characters", r"\b\d{1,3}\s(?:days|weeks)", True),
    ("no-boundary", r"(?:was|were) not", False),
    ("lookbehind", r"\b(?<!-)was\b", False),
    ("lookbehind-inside", r"\bwas\s(?<=s\s)not", False),
    ("start-anchor", r"^\bwas\b", False),
    ("may-open-with-a-non-word-char", r"\b(?:-x|was)", False),
    ("may-match-empty", r"\b(?:was)?", False),
    ("ignorecase", r"(?i)\bwas\b", False),
    ("inline-ascii-flag", r"(?a:\bwas)", False),
    ("scoped-ignorecase", r"\b(?i:was)", False),
]


@pytest.mark.parametrize("pattern,ok", [pytest.param(*r[1:], id=r[0]) for r in WORD_START_CASES])
def test_word_start_scan_qualifies(pattern, ok):
    assert (word_start_scan(re.compile(pattern)) is not None) is ok


_WS_ATOMS = ["a", "b", "ab", "was", r"\d", "[ab]", r"\w", " ", r"\s", "-", "é", "(?=a)", "(?!b)", r"\b", "x"]
#: word characters in and beyond the BMP, non-word ones beyond it, '_', digits of other scripts
_WS_ALPHABET = ["a", "b", "was", "x", " ", "  ", "-", ".", "_", "1", "é", "ß", "\u0663", "\U0001d400",
                "\U0001f600", "\U00010000", "\n", "\u00a0", "\u2014"]


def _ws_hits(it):
    return [(h.start(), h.end(), h.group(0)) for h in it]


def test_word_start_regex_same_matches_random():
    rng = random.Random(11)
    checked = 0
    for _ in range(1500):
        body = "".join(rng.choice(_WS_ATOMS) + rng.choice(["", "?", "{1,2}", "+"]) for _ in range(rng.randint(1, 4)))
        try:
            rx = re.compile(r"\b" + body)
        except re.error:
            continue
        ws = WordStartRegex(rx)
        if ws.scan is None:
            continue
        for _ in range(4):
            s = "".join(rng.choice(_WS_ALPHABET) for _ in range(rng.randint(0, 14)))
            sp = " " + s
            assert _ws_hits(ws.finditer(s)) == _ws_hits(rx.finditer(s)), (rx.pattern, s)
            assert _ws_hits(ws.finditer(s, spaced=sp)) == _ws_hits(rx.finditer(s)), (rx.pattern, s)
            last = None
            for last in rx.finditer(s):
                pass
            got = ws.last(s, sp)
            assert (got and (got.start(), got.end())) == (last and last.span()), (rx.pattern, s)
            for pos in (0, 1, 3):
                for endpos in (len(s), max(0, len(s) - 2), 2):
                    a = rx.search(s, pos, endpos)
                    b = ws.search(s, pos, endpos, sp)
                    assert (b and (b.start(), b.end())) == (a and a.span()), (rx.pattern, s, pos, endpos)
                    assert _ws_hits(ws.finditer(s, pos, endpos, sp)) == _ws_hits(rx.finditer(s, pos, endpos))
            checked += 1
    assert checked > 1000


def test_word_start_regex_groups_and_fallback():
    rx = re.compile(r"\b(?P<neg>was|were)\s{1,3}(?P<x>not)?\b")
    ws = WordStartRegex(rx)
    text = "it was not; they were  taken"
    got = [(h.span(), h.span("neg"), h.span("x"), h.group("neg"), h.lastgroup, h.groupdict()) for h in ws.finditer(text)]
    want = [(m.span(), m.span("neg"), m.span("x"), m.group("neg"), m.lastgroup, m.groupdict()) for m in rx.finditer(text)]
    assert got == want
    plain = WordStartRegex(re.compile(r"(?<=a)b"))  # does not qualify: plain regex, same API
    assert plain.scan is None and plain.search("ab").span() == (1, 2) and plain.last("abab").span() == (3, 4)


def test_word_start_regex_found_equals_search():
    rng = random.Random(13)
    for pattern in (r"\b(?:was|were)\s{1,3}not\b", r"\bsaid(?:\s\w+)?\s(?:on|in)\s?$", r"(?<=a)b"):
        rx = re.compile(pattern)
        ws = WordStartRegex(rx)
        for _ in range(300):
            s = "".join(rng.choice(_WS_ALPHABET + ["said", "on", "in", "not", "were"]) for _ in range(rng.randint(0, 10)))
            assert ws.found(s) == (rx.search(s) is not None), (pattern, s)
