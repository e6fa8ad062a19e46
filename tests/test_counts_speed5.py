"""Speed paths of breach_counts and textspans.digit_starts (issue 9, round 5): each gives
what the plain form it replaces gives.

- ``textspans.digit_starts`` (Latin-1 bytes, one ``translate``, two ``find`` per run): the
  starts ``re.finditer("[0-9]+")`` gives, on any text (non-Latin-1 characters, lone
  surrogates, non-ASCII digits).
- ``counts._search_tail`` (a ``$``-anchored search started ``_tail_lead`` characters before
  the end): what ``rx.search`` finds, for the name-before regex and the subset/scope cues.
- the ``_PERCENT_OF`` gate ("%" or "cent" in the text before the number): the regex never
  matches without them.
"""

from __future__ import annotations

import random
import re

import pytest

import breach_nlp
from breach_nlp.components import counts as C
from breach_nlp.textspans import _digit_starts_plain, digit_starts

from .conftest import shared_path


@pytest.fixture(scope="module")
def counts_pipe():
    pipe = breach_nlp.load().get_pipe("breach_counts")
    pipe.ensure()
    return pipe


def _random_texts(alphabet: list[str], n: int, seed: int, longest: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]


# CASIE: "1.2 million French bank accounts"; HHS: "affecting 13,112 individuals"
DIGIT_TEXTS = [
    "", "7", "In 2024, 4,500 (x12) 7", "affecting 13,112 individuals", "1.2 million French bank accounts",
    "caf\u00e9 12 \u20ac 3\ud800 45", "\u0661\u0662 12\u0663 \U0001f600 9", "9" * 500, "a" * 300 + "1",
]


def test_digit_starts_equal_the_regex():
    alphabet = list("0123456789") + [" ", "a", ",", ".", "\n", "\u00e9", "\u20ac", "\U0001f600", "\ud800", "\u0661"]
    for text in DIGIT_TEXTS + _random_texts(alphabet, 20000, 3):
        assert digit_starts(text) == _digit_starts_plain(text), repr(text)


def test_digit_starts_on_casie_dev():
    root = shared_path("casie-dev")
    for p in sorted(root.rglob("*.txt")):
        text = p.read_text()
        assert digit_starts(text) == _digit_starts_plain(text), p.name


def test_tail_lead_only_for_end_anchored_patterns():
    assert C._tail_lead(re.compile(r"\bab\s{1,3}$")) == 6  # "ab" + 3 spaces + a final line break
    assert C._tail_lead(re.compile(r"a$|b$")) is None  # a top-level alternation: no lead
    assert C._tail_lead(re.compile(r"ab")) is None
    assert C._tail_lead(re.compile(r"a+$")) is None  # unbounded
    assert C._tail_lead(re.compile(r"ab$", re.MULTILINE)) is None


def _pre_texts(n: int, seed: int) -> list[str]:
    words = ["including", "of whom", "among them", "all", "a total of", "in total", "Office", "Windows",
             "The", "x", "per cent", "percent", "%", "of", "its", "EXCLUDING", "ALL", "\u00e9t\u00e9", "of-whom"]
    seps = [" ", "  ", "   ", "    ", "\n", "\u00a0", "", "-", "(", ",", "\t"]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 8)):
            parts.append(rng.choice(words))
            parts.append(rng.choice(seps))
        out.append("".join(parts)[-60:])
    return out


def test_tail_searches_equal_plain_search(counts_pipe):
    cases = [
        (C._NAME_BEFORE, C._NAME_LEAD),
        (counts_pipe.subset_before, counts_pipe.subset_lead),
        (counts_pipe.scope_before, counts_pipe.scope_lead),
    ]
    assert all(lead is not None for _, lead in cases)  # the fast path is taken
    for text in _pre_texts(20000, 5) + ["", "\n", "of whom \n", "Office \n"]:
        for rx, lead in cases:
            a, b = rx.search(text), C._search_tail(rx, lead, text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (rx.pattern, repr(text))


def test_percent_of_needs_percent_or_cent():
    for text in _pre_texts(20000, 7) + ["PER CENT of its ", "1% of its more than "]:
        if C._PERCENT_OF.search(text):
            assert "%" in text or "cent" in text.lower(), repr(text)


def _year_texts(n: int, seed: int) -> list[str]:
    """Sentences with years after date words and hedges, quoting CASIE/HHS shapes."""
    rng = random.Random(seed)
    before = ["in", "since", "In", "until", "by", "early", "mid-", "March", "about", "over", "more than", "the",
              "affected", "of", "(in", "during", "nearly"]
    after = ["hackers stole 500 records", "records were exposed", "patients were affected", "customers",
             "accounts", ", the breach affected 7,445 individuals", "and 2,000 employees", "data breach"]
    return [
        f"{rng.choice(['The breach', 'Hackers', 'In total'])} {rng.choice(before)} "
        f"{rng.choice(['2019', '1999', '2024', '2003'])}{rng.choice([' ', '  ', ''])}{rng.choice(after)}."
        for _ in range(n)
    ]


def test_year_after_date_word_exit_changes_nothing(counts_pipe, monkeypatch):
    """With the early exit and without it (the checks at the end of _candidate decide), the
    same counts on sentences full of years after date words."""
    nlp = breach_nlp.load()
    texts = _year_texts(400, 9) + [
        "In 2019 hackers stole the records of 2,000 patients.", "Since 2015 the clinic has notified 500 patients.",
        "The data of about 2018 customers was exposed.", "By 2020 records of 3,000 people were leaked.",
    ]

    def run() -> list:
        return [breach_nlp.extract(t).model_dump()["record_counts"] for t in texts]

    fast = run()
    monkeypatch.setattr(counts_pipe, "_year_after_date_word", lambda pre: False)
    assert nlp.get_pipe("breach_counts") is counts_pipe
    assert run() == fast
