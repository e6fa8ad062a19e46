"""breach_nlp.numbers.parse_count: our own number parser for counts (doctests run too)."""

from __future__ import annotations

import doctest
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from breach_nlp import numbers
from breach_nlp.numbers import MAX_COUNT, parse_count, vague_lower_bound

# (input, expected) -- forms named in the issue and seen in the dev data
ISSUE_FORMS = [
    ("15 million", 15_000_000),
    ("15m", 15_000_000),
    ("15M", 15_000_000),
    ("1.2 billion", 1_200_000_000),
    ("2.9bn", 2_900_000_000),
    ("4,500,000", 4_500_000),
    ("4 500 000", 4_500_000),
    ("43 000 000", 43_000_000),
    ("1.200.000", 1_200_000),
    ("56k", 56_000),
    ("three million", 3_000_000),
    ("half a million", 500_000),
    ("500,000-plus", 500_000),
    ("500,000+", 500_000),
    ("9.7 million", 9_700_000),
    ("26,957,749", 26_957_749),
    ("3.18 million", 3_180_000),
    ("a dozen", 12),
    ("two dozen", 24),
    ("Six million", 6_000_000),
    ("a hundred million", 100_000_000),
    ("one billion", 1_000_000_000),
]

VAGUE = ["tens of millions", "hundreds of thousands", "millions", "thousands"]

BAD_INPUT = [
    ("1e309", None),
    ("1,2,3,4,5", None),
    ("1,2,3,4,5,6,7,8,9,10", None),
    ("9" * 5000, None),
    ("99999999999999999999", None),  # does not fit in 64 bits
    ("-5", None),
    ("NaN", None),
    ("inf", None),
    ("", None),
    ("   ", None),
    ("million", None),
    ("1.2.3", None),
]


@pytest.mark.parametrize("text,expected", ISSUE_FORMS, ids=[t for t, _ in ISSUE_FORMS])
def test_issue_forms(text, expected):
    assert parse_count(text) == expected, text


@pytest.mark.parametrize("text", VAGUE)
def test_vague_amounts_have_no_value_but_a_lower_bound(text):
    assert parse_count(text) is None, text
    assert vague_lower_bound(text) is not None and vague_lower_bound(text) > 0, text


@pytest.mark.parametrize("text,expected", BAD_INPUT, ids=[repr(t[:20]) for t, _ in BAD_INPUT])
def test_bad_input_never_raises(text, expected):
    assert parse_count(text) == expected, text


def test_unicode_digits_are_read_as_digits():
    assert parse_count("١٢٣") == 123
    assert parse_count("１２３") == 123


def test_non_strings_give_none():
    assert parse_count(None) is None  # type: ignore[arg-type]
    assert parse_count(123) is None  # type: ignore[arg-type]


def test_largest_64_bit_value_is_kept_and_one_more_is_dropped():
    assert parse_count(str(MAX_COUNT)) == MAX_COUNT
    assert parse_count(str(MAX_COUNT + 1)) is None
    assert parse_count("9,223,372,036,854,775,807") == MAX_COUNT
    assert parse_count("9,223,372,036,854,775,808") is None


def test_long_input_is_fast():
    t0 = time.perf_counter()
    for s in ("1," * 100_000, "9" * 1_000_000, "one " * 100_000):
        assert parse_count(s) is None
    assert time.perf_counter() - t0 < 1.0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_never_raises_and_fits_64_bits(s):
    v = parse_count(s)
    assert v is None or (isinstance(v, int) and 0 <= v <= MAX_COUNT)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_grouped_digits_round_trip(n):
    assert parse_count(f"{n:,}") == n
    assert parse_count(str(n)) == n


def test_doctests():
    result = doctest.testmod(numbers)
    assert result.failed == 0


def test_digits_tail_re_equals_digits_re():
    """``[0-9] + DIGITS_TAIL_RE`` (the fast scans' form) matches what DIGITS_RE matches."""
    import random
    import re

    from breach_nlp.numbers import DIGITS_RE, DIGITS_TAIL_RE

    full, tail = re.compile(DIGITS_RE), re.compile("[0-9]" + DIGITS_TAIL_RE)
    rng = random.Random(1)
    parts = ["1", "12", "123", "1234", ",", ".", " ", "'", "\u00a0", "\u202f", ",000", ".000", " 000", "x"]
    for _ in range(5000):
        s = "".join(rng.choice(parts) for _ in range(rng.randint(1, 12)))
        a, b = full.match(s), tail.match(s)
        assert (a and a.span()) == (b and b.span()), repr(s)


def test_plain_digits_fast_path_equals_general_path():
    from breach_nlp.numbers import MAX_NUMBER_CHARS, _NUM, _clamp, _number

    for s in ["0", "7", "0123", "4500", "9" * 18, "9223372036854775807", "9223372036854775808", "9" * 19]:
        m = _NUM.match(s)
        general = _clamp(_number(m.group("num"), m.group("sep"))) if m and len(s) <= MAX_NUMBER_CHARS else None
        assert parse_count(s) == general, s


def test_comma_groups_fast_path_equals_general_path():
    """parse_count("4,500,000") skips _NUM; the general path (its own steps, after the fast
    paths) gives the same for every comma-grouped number, however many groups."""
    import random

    from breach_nlp.numbers import _COMMA_GROUPS, _NUM, _clamp, _number, _words

    def general(s):
        m = _NUM.match(s)
        if m:
            value = _number(m.group("num"), m.group("sep"))
            return None if value is None or m.group("scale") else _clamp(value)
        return _words(s)

    rng = random.Random(4)
    cases = ["1,000", "12,345", "999,999,999", "9,223,372,036,854,775,807", "9,223,372,036,854,775,808",
             "1,000,000,000,000,000,000", "1,000,000,000,000,000,000,000", "0,000", "1,00", "1,0000", ",000"]
    cases += [",".join([str(rng.randint(1, 999))] + [f"{rng.randint(0, 999):03d}" for _ in range(rng.randint(1, 9))])
              for _ in range(3000)]
    for s in cases:
        if _COMMA_GROUPS.fullmatch(s):
            assert parse_count(s) == general(s), s
