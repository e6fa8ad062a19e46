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
