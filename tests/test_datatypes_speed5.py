"""Round-5 speed paths of breach_data_types against their plain forms."""

from __future__ import annotations

import random

import pytest

from breach_nlp import multiscan
from breach_nlp.components.base import read_pattern_file

needs_native = pytest.mark.skipif(not multiscan.AVAILABLE, reason="pyahocorasick not installed")


@needs_native
def test_prefilter_families_equal_the_substring_tests():
    """multiscan.Families gives the verdicts of ``any(map(low.__contains__, words))`` for the
    negation and hedge prefilters, on a slice and on a whole string (astral and non-ASCII
    characters, curly apostrophes, no-break spaces included)."""
    pf = read_pattern_file("datatypes_cues.json")["prefilter"]
    neg, hedge = tuple(pf["negation"]), tuple(pf["hedge"])
    fam = multiscan.Families([neg, hedge])
    rng = random.Random(7)
    pieces = list(neg + hedge) + ["the", "data", " ", "\u00a0", "n", "o", "t", "'", "\u2019", "\U0001F600", "é", ".", "ma", "y"]
    for _ in range(4000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        a = rng.randint(0, len(s))
        b = rng.randint(a, len(s))
        low = s[a:b]
        want = (1 if any(map(low.__contains__, neg)) else 0) | (2 if any(map(low.__contains__, hedge)) else 0)
        assert fam.flags(s, a, b) == want, (s, a, b)
        assert fam.flags(low) == want, low


def test_negation_union_scan_finds_a_match_wherever_a_family_does():
    """DataTypes.neg_any (one scan of the four negation families) is None on a range only
    where each family's own scan is (then _judge skips their four loops)."""
    from .conftest import partial_pipeline

    dt = partial_pipeline("breach_data_types").get_pipe("breach_data_types")
    dt.ensure()
    assert dt.neg_any is not None
    scans = [getattr(dt.cues_low, k).scan for k in ("neg_fwd", "neg_no", "neg_evidence", "neg_bwd")]
    rng = random.Random(19)
    words = ("did not include was were not affected no evidence that the data was misused neither none of "
             "remained secure n't n\u2019t never nor except excluding without names emails passwords , ; . "
             "is are safe protected were not taken not including").split() + ["\u00a0", "\n", "\U0001F600"]
    for _ in range(4000):
        low = " ".join(rng.choice(words) for _ in range(rng.randint(0, 16))).lower()
        spaced = " " + low
        a = rng.randint(0, len(low))
        b = rng.randint(a, len(low))
        if dt.neg_any.search(spaced, a, b + 1) is None:
            assert all(sc.search(spaced, a, b + 1) is None for sc in scans), (low, a, b)
