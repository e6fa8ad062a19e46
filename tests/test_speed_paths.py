"""The speed paths find exactly what the plain regexes find (issue 9: faster, same output).

Each fast path is compared with the straightforward form it replaces on real sentences and
on random text built from date, number, data-type and punctuation fragments (seeded, so a
failure is reproducible): the lexicon's lower-cased scan, the dates' shared candidate scan,
the layout's sentence-break regex, and the cue regexes run case-sensitively on lower-cased
text.
"""

from __future__ import annotations

import random
import re

import pytest

from breach_nlp.api import load
from breach_nlp.components.layout import _BREAK, _word_before
from breach_nlp.taxonomy import default_lexicon
from breach_nlp.textspans import lowered_ok, lowered_regex

#: Real wording, short snippets (SEED / DEV_PAGES / HHS / CASIE-style sentences).
SENTENCES = [
    "M&S said on May 13 that the stolen information could include names, email addresses, "
    "postal addresses, phone numbers and dates of birth.",
    "The covered entity (CE), California Correctional Health Care Services, reported that one "
    "of its workforce members inadvertently sent an email containing the protected health "
    "information (PHI) of 1,348 individuals.",
    "Between February 6 and March 5, 2024, an unauthorized party accessed Social Security "
    "numbers; no credit card data was affected.",
    "LONDON, May 21 (Reuters) - Marks & Spencer said on Wednesday that the attack would cost "
    "about £300 million.",
    "Customers should never give out passwords. Be vigilant about phishing emails asking "
    "for PINs.",
    "The 2017 data breach, disclosed last week, exposed 3.5 million records (2019-2020).",
    "İstanbul ıs ſo Ǆ ß ﬀ KELVIN \u212a STRASSE é\u0301 Σ ΣΑΣ straße.",
    "BUGS_CAUGHT: on ٣/٤/2019 (Arabic-Indic digits) a numeric date still starts a candidate.",
]

#: Fragments for random texts: heads of every candidate kind, separators, odd characters.
FRAGMENTS = [
    "May", "may", "5", "05", "2019", "1999", "2024-03-14", "3/14/2024", "14.03.2024", "2018_11_09",
    "2/2026", "Sept.", "sept", "Oct", "29th", "of", "mid-", "late", "early", "last", "this", "next",
    "week", "weeks", "month", "ago", "two", "thirteen", "days", "Monday", "Friday", "today", "TODAY",
    "the end of", "in", "on", "between", "and", "to", "-", "–", ",", ".", "!", "?", ";", ":", "(", ")",
    '"', "'", "’", "“", "/", "@", "\n", "\n\n", " ", " ", " ", "\t", "\u00a0", "names", "Email",
    "addresses", "passwords", "Social Security numbers", "patients'", "driver's license",
    "credit card", "data protection", "phishing email", "PHI", "HIPAA", "not", "no", "were not",
    "affected", "may have", "should", "never", "ask", "million", "1,348", "3.5", "$", "€5",
    "Inc.", "U.S.", "A.", "İ", "ı", "ſ", "K", "é", "x", "www.example.com", "https://a.b/c",
    "٣", "٤", "٢٠١٩", "１２", "²",  # other Unicode digits: ``\\d`` matches them
]


def random_texts(n: int, seed: int = 9) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(0, 40))) for _ in range(n)]


TEXTS = SENTENCES + random_texts(1500)


@pytest.fixture(scope="module")
def nlp():
    return load()


# -- taxonomy ------------------------------------------------------------------------
def test_lexicon_fast_scan_equals_ignorecase_regex():
    lex = default_lexicon()
    assert lex.fast is not None
    for text in TEXTS:
        for start, end in ((0, len(text)), (min(3, len(text)), max(0, len(text) - 2))):
            if end < start:
                continue
            plain = [m.span() for m in lex.regex.finditer(text, start, end)]
            assert lex._spans(text, start, end) == plain, (text, start, end)


# -- dates ---------------------------------------------------------------------------
def test_dates_shared_scan_equals_one_finditer_per_kind(nlp):
    """``scan`` (one gated word-start scan for all kinds) finds exactly each kind's own matches."""
    dates = nlp.get_pipe("breach_dates")
    dates.ensure()
    for text in TEXTS + [DATES_SPEED_TEXT]:
        low = text.lower()
        expected = sorted(
            ((m.start(), m.end(), k) for k, (_kind, rx) in enumerate(dates.scans) for m in rx.finditer(low)),
            key=lambda t: (t[0], t[2]),
        )
        got = [(m.start(), m.end(), k) for k, _kind, m in dates.scan(low)]
        assert sorted(got, key=lambda t: (t[0], t[2])) == expected, text


#: every date form and the word-start edge cases of the scan (non-ASCII letter and digit before)
DATES_SPEED_TEXT = (
    "On Friday, 14/03/2024 and 2018-11-09, mid-May 2019, last week, two days ago, the 2017 breach, "
    "Sept. 29th, July of 2016, earlier this month, in recent months, tomorrow (é2019) x2020 — 3/2026."
)


# -- layout --------------------------------------------------------------------------
#: The sentence-break regex before it was rewritten to start with a consumed character.
_BREAK_PLAIN = re.compile(
    r"(?P<punct>[.!?][\"'”’)\]]*)[ \t]+(?=[\"'“‘(]?[A-Z0-9])"
    r"|\n[ \t]*\n\s*"
    r"|(?<![a-z,;])\n|\n(?![ \t]*[a-z])"
)


def test_layout_break_regex_equals_plain_form():
    for text in TEXTS:
        for start in (0, min(2, len(text))):
            plain = [
                (m.start(), m.end(), None if m.group("punct") is None else m.start("punct") + len(m.group("punct")))
                for m in _BREAK_PLAIN.finditer(text, start)
            ]
            fast = [
                (m.start(), m.end(), None if text[m.start()] == "\n" else m.end("pq"))
                for m in _BREAK.finditer(text, start)
            ]
            assert fast == plain, text


def test_word_before_equals_regex():
    rx = re.compile(r"(\S+)$")
    for text in TEXTS:
        for b in range(0, len(text) + 1, 3):
            a = max(0, b - 40)
            m = rx.search(text, a, b)
            assert _word_before(text, a, b) == (m.group(1) if m else ""), (text, a, b)


# -- cue regexes on lower-cased text ---------------------------------------------------
def test_lowered_cue_regexes_equal_ignorecase(nlp):
    dt = nlp.get_pipe("breach_data_types")
    dt.ensure()
    counts = nlp.get_pipe("breach_counts")
    counts.ensure()
    pairs = [(getattr(dt.cues_text, k), getattr(dt.cues_low, k)) for k in dt.cues_text.__slots__]
    money = nlp.get_pipe("breach_money")
    money.ensure()
    pairs += [(counts.wordnum, counts.wordnum_low), (counts.vague, counts.vague_low), (money.cues, money.cues_low)]
    pairs = [(a, b) for a, b in pairs if a is not None]
    assert all(b is not None for _a, b in pairs)
    for text in TEXTS:
        low = text.lower()
        if not lowered_ok(text, low):
            continue
        for rx, rx_low in pairs:
            got = [(m.span(), m.lastgroup) for m in rx_low.finditer(low)]
            assert got == [(m.span(), m.lastgroup) for m in rx.finditer(text)], (rx.pattern[:40], text)


def test_lowered_regex_refuses_case_sensitive_parts():
    assert lowered_regex(re.compile(r"\bHIPAA\b", re.I)) is None
    assert lowered_regex(re.compile(r"(?-i:may)\b", re.I)) is None
    assert lowered_regex(re.compile(r"\S+", re.I)) is None
    assert lowered_regex(re.compile(r"(?P<x>a)(?P=x)", re.I)) is not None
    assert not lowered_ok("\u0130", "\u0130".lower())  # İ lower-cases to two characters
    assert not lowered_ok("ı", "ı")  # dotless i: IGNORECASE folds it onto i
