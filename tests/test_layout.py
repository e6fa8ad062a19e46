"""breach_layout: prose sentences and skip regions, case tables by origin."""

from __future__ import annotations

import pytest

from .conftest import partial_pipeline

# (id, text, sentences expected)
SEED = [
    (
        "seed-headlines",
        "France’s health ministry: Hackers Steal Medical Details Of 15 Million In France\n\n"
        "Massive Data Breach Exposes Medical Records of 15 Million in France\n\n"
        "France’s health ministry confirmed on Friday that hackers accessed data.",
        [
            "France’s health ministry: Hackers Steal Medical Details Of 15 Million In France",
            "Massive Data Breach Exposes Medical Records of 15 Million in France",
            "France’s health ministry confirmed on Friday that hackers accessed data.",
        ],
    ),
]
DEV_PAGES = [
    (
        "B04-abbreviations",
        "Equifax Inc. will pay up to $700 million. The agreement includes 50 U.S. states and territories.",
        ["Equifax Inc. will pay up to $700 million.", "The agreement includes 50 U.S. states and territories."],
    ),
]
HHS = [
    (
        "hhs-dotted-initials",
        "Personal Touch Home Care of S.E. Mass., Inc., the covered entity (CE), reported a ransomware attack. "
        "The CE notified HHS.",
        [
            "Personal Touch Home Care of S.E. Mass., Inc., the covered entity (CE), reported a ransomware attack.",
            "The CE notified HHS.",
        ],
    ),
]
CASES = SEED + DEV_PAGES + HHS


@pytest.fixture(scope="module")
def nlp():
    return partial_pipeline()


@pytest.mark.parametrize("case_id,text,expected", CASES, ids=[c[0] for c in CASES])
def test_sentences(nlp, case_id, text, expected):
    doc = nlp(text)
    assert [text[s:e] for s, e in doc._.breach_sents] == expected, text


def test_boilerplate_and_urls_are_skipped(nlp, seed_text):
    doc = nlp(seed_text)
    for line in ("Your billing was not updated.", "Source: https://www.barrons.com"):
        start = seed_text.index(line)
        assert any(s <= start < e for s, e in doc._.breach_skip), line
