"""Round-5 speed paths of breach_dates / breach_data_types against their plain forms
(BUGS_CAUGHT style: the plain form is the reference)."""

from __future__ import annotations

import random
import re

import pytest

from breach_nlp.components import dates as dates_module
from breach_nlp.textspans import find_range, touches

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


def _touches_plain(skip, start, end):
    """``touches`` as it was, without its shortcut after the last range."""
    from bisect import bisect_right

    if find_range(skip, start) >= 0:
        return True
    if end - 1 > start:
        if find_range(skip, end - 1) >= 0:
            return True
        i = bisect_right(skip, [start, float("inf")])
        return i < len(skip) and skip[i][0] < end
    return False


def test_touches_shortcut_after_the_last_range_changes_no_answer():
    """Sorted ranges (as the bisects need; overlapping and empty ones included): the answer
    of ``touches`` with its shortcut is the plain one for every span."""
    rng = random.Random(5)
    for _ in range(3000):
        skip = sorted(_random_ranges(rng))
        top = max((b for _a, b in skip), default=0) + 12
        for s in range(top):
            for e in range(s, s + 6):
                assert touches(skip, s, e) == _touches_plain(skip, s, e), (skip, s, e)


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


def test_relative_may_extend_is_false_only_where_left_relative_matches_empty(nlp):
    """Dates._relative_may_extend (a look at the characters before a date) never hides a
    non-empty match of left_relative ("earlier in the", "over the most", "for\\u00a0")."""
    dates = nlp.get_pipe("breach_dates")
    dates.ensure()
    rng = random.Random(13)
    parts = ["early", "earlier", "late", "later", "in", "over", "during", "within", "for", "throughout", "the",
             "most", "x", "dfor", "-", " ", "  ", "    ", "\t", "\u00a0", "\n", ".", "é"]
    for _ in range(20000):
        low = "".join(rng.choice(parts) for _ in range(rng.randint(0, 12))) + "week"
        s = len(low) - 4
        if not dates._relative_may_extend(low, s):
            mm = dates.left_relative.search(low, max(0, s - 40), s)
            assert mm is None or mm.start() == s, repr(low)


def _day_first_plain(cands):
    """The round-4 form of Dates._day_first (three passes), the reference."""
    numeric = [c["m"] for c in cands if c["kind"] == "numeric" and c["m"].group("a")]
    if any(int(m.group("a")) > 12 >= int(m.group("b")) for m in numeric):
        return True
    if any(int(m.group("b")) > 12 >= int(m.group("a")) for m in numeric):
        return False
    dm = sum(1 for c in cands if c["kind"] == "wordy" and c["m"].group("d1"))
    md = sum(1 for c in cands if c["kind"] == "wordy" and c["m"].group("d2"))
    return dm > md


def test_day_first_one_pass_equals_plain(nlp):
    dates = nlp.get_pipe("breach_dates")
    dates.ensure()
    rng = random.Random(17)
    pieces = ["03/04/2024", "14/03/2024", "03/14/2024", "7 February 2024", "February 7, 2024", "12/12/2020",
              "5.6.2019", "13-01-2021", "on March 3", "3 March", "in 2019", "x", ", "]
    for _ in range(1500):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        low = text.lower()
        cands = dates._candidates([], text, low)
        assert dates._day_first(cands) == _day_first_plain(cands), text
