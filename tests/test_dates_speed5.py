"""Round-5 speed paths of breach_dates / breach_data_types against their plain forms
(BUGS_CAUGHT style: the plain form is the reference)."""

from __future__ import annotations

import random
import re

import pytest

from breach_nlp.components import dates as dates_module
from breach_nlp.spanbounds import skip_end
from breach_nlp.textspans import touches

from .conftest import partial_pipeline


@pytest.fixture(scope="module")
def nlp():
    return partial_pipeline("breach_dates")


def _random_ranges(rng: random.Random) -> list[list[int]]:
    out, pos = [], rng.randint(0, 5)
    for _ in range(rng.randint(0, 5)):
        a = pos + rng.randint(0, 8)
        b = a + rng.randint(0 if rng.random() < 0.1 else 1, 8)
        out.append([a, b])
        pos = b if rng.random() < 0.9 else max(0, a - 3)  # sometimes overlapping or unsorted
    if rng.random() < 0.1:
        rng.shuffle(out)
    return out


def test_skip_end_never_hides_a_touch():
    """Every span starting at or after skip_end(skip) has touches(...) False; None when the
    ranges are not sorted, disjoint and non-empty (then touches decides alone)."""
    rng = random.Random(5)
    for _ in range(3000):
        skip = _random_ranges(rng)
        past = skip_end(skip)
        if past is None:
            continue
        for s in range(past, past + 12):
            for e in range(s, s + 6):
                assert not touches(skip, s, e), (skip, s, e)


def test_squeeze_is_the_spaces_regex():
    for s in ["last", "this past", "this\u00a0 past", "", "a  b", "\t", "x\ny", "coming", "éé"]:
        assert dates_module._squeeze(s) == dates_module._SPACES.sub(" ", s), s


def test_either_cue_scan_finds_a_match_wherever_a_tier_does(nlp):
    """The one-regex test of both cue tiers (``role_scans[-1]``) is None only where the verb
    and noun scans both are (then _role_fast skips them)."""
    dates = nlp.get_pipe("breach_dates")
    dates.ensure()
    cues, nouns, *_rest, either = dates.role_scans
    texts = ["the breach was discovered on", "in a statement on", "filed with the court in", "nothing here",
             "reported that", "told the court", "data breach notification letters dated"]
    rng = random.Random(3)
    words = re.findall(r"\w+", " ".join(texts)) + ["the", "on", "x", "-", ";"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12))) for _ in range(2000)]
    for t in texts:
        s = " " + t.lower()
        if either.search(s) is None:
            assert cues.search(s) is None and nouns.search(s) is None, t
