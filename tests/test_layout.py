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


# -- speed paths (issue 9): the same ranges as the plain regex scans ---------------------
def _layout_texts(n: int, seed: int = 5) -> list[str]:
    import random

    rng = random.Random(seed)
    frags = ["http://", "https://", "www.", "wwww.", "x", " ", "\n", "\n\n", "Source: ", "Read more:", "related:",
             "SHARE this ", "a.com", "<", '"', "'", "\t", ":", "//", "https", "http", "s", "Accept cookies",
             "We use cookies", "foo bar cybersecurity rating report:", "\r\n", "www.x.y", "Inc.", "U.S.", "J. "]
    return ["".join(rng.choice(frags) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_url_and_boilerplate_scans_equal_plain_finditer(nlp, seed_text):
    from breach_nlp.components.layout import _URL, _urls

    layout = nlp.get_pipe("breach_layout")
    for text in _layout_texts(4000) + [seed_text]:
        assert _urls(text) == [[m.start(), m.end()] for m in _URL.finditer(text)], repr(text)
        assert layout._boilerplate(text) == [[m.start(), m.end()] for m in layout.boilerplate.finditer(text)], repr(
            text
        )


def test_split_equals_plain_split(nlp, seed_text):
    """_split with its inlined strip and word lookup gives the sentences of the plain loop."""
    from breach_nlp.components.layout import _BREAK, _is_initials, _word_before

    layout = nlp.get_pipe("breach_layout")

    def plain(text):
        out, cur = [], 0

        def add(s, e):
            layout._add(text, s, e, out)  # the plain strip-and-append that _split inlines

        for m in _BREAK.finditer(text, 0, len(text)):
            c = text[m.start()]
            if c != "\n":
                cut = m.end("pq")
                if c == ".":
                    word = _word_before(text, max(cur, m.start() - 40), m.start()).lower().lstrip("(\"'“‘")
                    if word + "." in layout.abbrevs or _is_initials(word):
                        continue
            else:
                cut = m.start()
            add(cur, cut)
            cur = m.end()
        add(cur, len(text))
        return out

    for text in _layout_texts(3000, seed=8) + [seed_text]:
        assert layout._split(text, 0, len(text)) == plain(text), repr(text)


def test_break_scans_equal_one_break_scan():
    """layout._breaks (period breaks and the others, two scans merged) finds what _BREAK finds."""
    from breach_nlp.components.layout import _BREAK, _breaks

    extra = ['He said "Stop." Then', "Wait!\n\nNext", "a?  B", "x.)\tY", "\n \n", "end.\nnext", "A. B! C? D.\n"]
    for text in _layout_texts(4000, seed=11) + extra:
        for a, b in ((0, len(text)), (1, max(1, len(text) - 2))):
            got = [(m.span(), m.end("pq")) for m in _breaks(text, a, b)]
            assert got == [(m.span(), m.end("pq")) for m in _BREAK.finditer(text, a, b)], repr(text)


def test_split_two_letter_shortcut_keeps_abbreviations(nlp):
    """BUGS_CAUGHT-style cases for _split's shortcut (two letters before a period that end
    no abbreviation): upper case, non-ASCII letters, quotes, a word cut by the previous
    break, and the plain split gives the same sentences."""
    import random

    layout = nlp.get_pipe("breach_layout")
    words = ["Inc.", "INC.", "Corp.", "said.", "plan.", "Σ.", "ΟΔΟΣ.", "İnc.", "K\u212a.", "(Mr.", "“Dr.", "J.", "S.E.",
             "AG.", "co.", "CO.", "x.", "ab.", "data.", "e.g.", "U.S.", "Jan.", "approx.", "sept.", "Bros."]
    rng = random.Random(17)
    texts = [" ".join(rng.choice(words) + rng.choice([" A", " 5", " The", " “B", " x"]) for _ in range(rng.randint(1, 12)))
             for _ in range(3000)]
    for text in texts:
        fast = layout._split(text, 0, len(text))
        ends, layout.stem_ends = layout.stem_ends, None  # the same split without the shortcut
        try:
            assert fast == layout._split(text, 0, len(text)), repr(text)
        finally:
            layout.stem_ends = ends
