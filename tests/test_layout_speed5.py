"""Speed path of breach_layout (issue 9, round 5): the boilerplate scan without the patterns
that start with a repeat and need a literal the lower-cased page lacks finds the lines the
plain scan (``Layout.boilerplate``) finds."""

from __future__ import annotations

import random

import pytest

import breach_nlp
from breach_nlp.textspans import required_literal


@pytest.fixture(scope="module")
def layout():
    pipe = breach_nlp.load().get_pipe("breach_layout")
    pipe.ensure()
    return pipe


def test_a_gate_is_used(layout):
    assert layout.boilerplate_gates  # "[^\n]{0,120} cybersecurity rating report:" (dev pages)
    assert required_literal("[^\\n]{0,120} cybersecurity rating report:") == " cybersecurity rating report:"


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    frags = [
        "Acme Corp cybersecurity rating report:", "ACME CYBERSECURITY RATING REPORT: B", " cybersecurity rating report",
        "cyberſecurity rating report:", "cybersecurıty rating report:", "\u212aey cybersecurity rating report:",
        "Read more:", "Source: ", "We use cookies", "Accept all cookies", "x" * 130, "\n", "\n\n", " ", "\t",
        "The breach was confirmed. ", "İstanbul ", "word ",
    ]
    return ["".join(rng.choice(frags) for _ in range(rng.randint(0, 16))) for _ in range(n)]


def test_gated_boilerplate_equals_plain_scan(layout):
    for text in _texts(5000, 3) + ["", "\n", "x cybersecurity rating report:\n"]:
        plain = [[m.start(), m.end()] for m in layout.boilerplate.finditer(text)]
        assert layout._boilerplate(text, text.lower()) == plain, repr(text)
        assert layout._boilerplate(text) == plain, repr(text)
