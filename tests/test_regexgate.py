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
