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


# -- long texts are tokenized in blocks (tokenizer._blocks) ------------------------------------
def test_blocks_cover_the_text_exactly():
    from breach_nlp.tokenizer import _blocks

    rng = random.Random(4)
    alphabet = ["word", " ", "\n", "\n\n", "{", ".", "é", "  ", "x" * (LONG_RUN + 6)]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        for size in (1, 3, 17, 100, 10_000):
            blocks = list(_blocks(text, size))
            assert "".join(blocks) == text
            assert all(len(b) >= size for b in blocks[:-1])


def test_block_tokenization_keeps_text_and_report(monkeypatch, seed_text):
    """A text over CHUNK_AT (lowered here to 500) tokenizes in blocks: the Doc's text is the
    input, and the report is the one of a whole-text tokenization (no component reads tokens)."""
    import breach_nlp
    from breach_nlp import tokenizer

    nlp = breach_nlp.load()
    long_text = (seed_text + "\n\n") * 3 + "x" * 300 + " tail"
    whole = breach_nlp.extract(long_text).model_dump_json()
    monkeypatch.setattr(tokenizer, "CHUNK_AT", 500)
    monkeypatch.setattr(tokenizer, "BLOCK", 200)
    doc = nlp.tokenizer(long_text)
    assert doc.text == long_text and doc.user_data[tokenizer.TEXT_KEY] == long_text
    assert breach_nlp.extract(long_text).model_dump_json() == whole
