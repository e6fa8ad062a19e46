"""The tokenizer's long-run check (issue 9): one anchored possessive ``match`` answers what
``_LONG.search`` answers (is there a run of LONG_RUN non-space characters?), in linear time."""

from __future__ import annotations

import random
import time

from breach_nlp.tokenizer import _HAS_LONG, _LONG, LONG_RUN


def _texts(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 12)):
            parts.append("a" * rng.randint(1, LONG_RUN + 10))
            parts.append(rng.choice([" ", "\n", "\t", "\u00a0", "  ", "\u2009", ""]))
        out.append("".join(parts))
    return out


def test_has_long_equals_long_search():
    for text in _texts(5000) + ["", " ", "a" * (LONG_RUN - 1), "a" * LONG_RUN, " " + "b" * LONG_RUN + " "]:
        assert (_HAS_LONG.match(text) is None) == (_LONG.search(text) is None), repr(text)


def test_has_long_is_linear():
    def cpu(text: str) -> float:
        t0 = time.process_time()
        _HAS_LONG.match(text)
        return time.process_time() - t0

    small, big = "ab " * 50_000, "ab " * 400_000
    cpu(small)
    assert cpu(big) < 20 * max(cpu(small), 1e-3)


def test_long_runs_found_exactly_where_the_regex_finds_one():
    """``_long_runs`` is empty exactly where ``_LONG.search`` finds nothing (texts with spaces
    outside Latin-1, lone surrogates and non-Latin-1 letters included): the mark test it
    starts with never hides a run."""
    from breach_nlp.tokenizer import _long_runs

    rng = random.Random(7)
    pieces = ["a", "é", "中", "😀", "\ud800", "{", " ", "\n", "\u00a0", "\u2009", "\u3000", "\x85", "\x1c"]
    texts = _texts(3000, seed=2) + [
        "".join(rng.choice(pieces) * rng.randint(1, 40) for _ in range(rng.randint(0, 10))) for _ in range(5000)
    ]
    texts += ["x" * LONG_RUN, "x" * (LONG_RUN - 1), "中" * LONG_RUN, "a\u2009" * LONG_RUN, ""]
    for text in texts:
        has = _LONG.search(text) is not None
        assert bool(_long_runs(text)) == has, repr(text)


def _plain_long_run_tokens(tok, text: str) -> list[tuple[str, str]]:
    """The long-run path as it was: segments cut where ``_LONG.finditer`` finds runs,
    tokens read one Token at a time, one Doc built from the words."""
    from spacy.tokens import Doc

    from breach_nlp.tokenizer import PIECE

    segs, pos = [], 0
    for m in _LONG.finditer(text):
        if m.start() > pos:
            segs.append(text[pos : m.start()])
        segs += [text[i : min(i + PIECE, m.end())] for i in range(m.start(), m.end(), PIECE)]
        pos = m.end()
    if pos < len(text):
        segs.append(text[pos:])
    if not segs or _LONG.search(text) is None:
        doc = tok.inner(text)
    else:
        words, spaces = [], []
        for seg in segs:
            for t in tok.inner(seg):
                words.append(t.text)
                spaces.append(bool(t.whitespace_))
        doc = Doc(tok.inner.vocab, words=words, spaces=spaces)
    return [(t.text, t.whitespace_) for t in doc]


def test_long_runs_equal_the_regex_and_tokens_equal_the_plain_path():
    """``_long_runs`` gives the spans of ``_LONG.finditer``; the tokenizer gives the tokens of
    the plain long-run path (seed-like prose with minified JSON, URLs, brace runs and
    spaces outside Latin-1 inside and around the runs)."""
    import breach_nlp
    from breach_nlp.tokenizer import _long_runs

    tok = breach_nlp.load().tokenizer
    rng = random.Random(13)
    pieces = [
        "France’s health ministry confirmed on Friday that hackers accessed data ",
        '{"name":"John Doe","email":"jdoe@example.com","ssn":"123-45-6789"}',
        "https://example.com/a/very/long/path/to/a/page?with=query&and=more&params=1 ",
        "{" * 80, "x" * 63, "y" * 64, "é" * 70, "中" * 66, "\u2009", "\u3000", "\u00a0", "\x85", " ", "\n", "  ",
    ]
    texts = ["", "a", "x" * LONG_RUN, " " + "x" * 200 + " "] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(600)
    ]
    for text in texts:
        assert _long_runs(text) == [m.span() for m in _LONG.finditer(text)], repr(text)
        doc = tok(text)
        assert doc.text == text
        assert [(t.text, t.whitespace_) for t in doc] == _plain_long_run_tokens(tok, text), repr(text)
