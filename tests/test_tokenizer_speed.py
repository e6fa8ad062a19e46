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


def test_may_have_long_run_is_necessary():
    """``_may_have_long_run`` says False only where ``_LONG.search`` finds nothing (texts with
    spaces outside Latin-1, lone surrogates and non-Latin-1 letters included)."""
    from breach_nlp.tokenizer import _may_have_long_run

    rng = random.Random(7)
    pieces = ["a", "é", "中", "😀", "\ud800", "{", " ", "\n", "\u00a0", "\u2009", "\u3000", "\x85", "\x1c"]
    texts = _texts(3000, seed=2) + [
        "".join(rng.choice(pieces) * rng.randint(1, 40) for _ in range(rng.randint(0, 10))) for _ in range(5000)
    ]
    texts += ["x" * LONG_RUN, "x" * (LONG_RUN - 1), "中" * LONG_RUN, "a\u2009" * LONG_RUN, ""]
    for text in texts:
        has = _LONG.search(text) is not None
        if not _may_have_long_run(text):
            assert not has, repr(text)
        if text and all(ord(c) < 256 for c in text):
            assert _may_have_long_run(text) == has, repr(text)  # exact within Latin-1
