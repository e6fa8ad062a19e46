"""Speed path of breach_money (issue 9, round 5): the kind cues with a look-ahead of their
first two letters (``Money.cues``) find what the cues without it (``Money.cues_plain``) find,
case-insensitively on the text and case-sensitively on the lower-cased text."""

from __future__ import annotations

import random

import pytest

import breach_nlp
from breach_nlp.regexgate import prefix_gate
from breach_nlp.textspans import lowered_regex

from .conftest import shared_path


@pytest.fixture(scope="module")
def money_pipe():
    pipe = breach_nlp.load().get_pipe("breach_money")
    pipe.ensure()
    return pipe


def _sig(rx, text):
    return [(m.span(), m.lastgroup) for m in rx.finditer(text)]


# CASIE / HHS style sentences around kind cues
SENTENCES = [
    "The company agreed to pay a $100 million civil penalty to settle the class-action lawsuit.",
    "Hackers demanded a ransom of $68,000 and threatened to leak the data; the extortion failed.",
    "The breach cost the firm £300 million in remediation, lost revenue and write-downs.",
    "FINED: regulators levied a Monetary Penalty; CHARGES were imposed. Settlement reached.",
]


def test_cue_heads():
    """The gate's two characters per cue fragment (``regexgate.prefix_gate``)."""
    assert prefix_gate("charges?\\b", 2) == "(?:ch)"
    assert prefix_gate("write-down", 2) == "(?:wr)"
    assert prefix_gate("(?:fine)|(?:fee)", 2) == "(?:f(?:e|i))"


def test_gated_cues_equal_plain_cues(money_pipe):
    assert money_pipe.cues.pattern != money_pipe.cues_plain.pattern  # the look-ahead is used
    plain_low = lowered_regex(money_pipe.cues_plain)
    assert money_pipe.cues_low is not None and plain_low is not None
    rng = random.Random(11)
    words = " ".join(SENTENCES).split() + ["Ransom", "ſettle", "\u212aey", "x-fine", "_fund", "fund_", "ch", "th"]
    texts = SENTENCES + [" ".join(rng.choice(words) for _ in range(rng.randint(0, 25))) for _ in range(3000)]
    for text in texts:
        assert _sig(money_pipe.cues, text) == _sig(money_pipe.cues_plain, text), text
        low = text.lower()
        assert _sig(money_pipe.cues_low, low) == _sig(plain_low, low), text


def test_gated_cues_on_casie_dev(money_pipe):
    root = shared_path("casie-dev")
    plain_low = lowered_regex(money_pipe.cues_plain)
    for p in sorted(root.rglob("*.txt")):
        text = p.read_text()
        assert _sig(money_pipe.cues, text) == _sig(money_pipe.cues_plain, text), p.name
        low = text.lower()
        assert _sig(money_pipe.cues_low, low) == _sig(plain_low, low), p.name
