"""A tokenizer that stays linear on long runs without whitespace.

spaCy's rule tokenizer strips prefixes and suffixes one at a time, re-searching the rest of
the chunk each time, so one whitespace-free chunk of length L costs O(L²): 4,000 nested
``{`` take 8 s and 150 KB of minified JSON takes 19 s. This wrapper cuts every run of
``LONG_RUN`` or more non-space characters into ``PIECE``-character pieces, tokenizes the
text between runs and each piece with spaCy's tokenizer, and joins the tokens into one Doc
whose text is exactly the input (offsets unchanged). Text without such runs goes straight
to spaCy's tokenizer, so ordinary pages tokenize exactly as before.

Finding the runs costs little: the text as one byte per character, spaces and the rest marked
by one ``bytes.translate``, ``bytes.find`` of 64 marks says whether a run can exist (most
texts stop there) and where; the regex ``_LONG`` runs only inside those stretches. The
joined Doc is built from each piece's ORTH/SPACY arrays (no Token object per token) with
one ``Doc(words=..., spaces=...)``, which is how spaCy's own ``Doc.from_docs`` joins docs.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from .textspans import TEXT_KEY

LONG_RUN = 64
PIECE = 32
_LONG = re.compile(r"\S{%d,}" % LONG_RUN)
#: Does the text have a run of ``LONG_RUN`` non-space characters? (The reference of the
#: tests; the tokenizer asks ``_long_runs``.) One ``match`` that walks word by word (possessive, so it never backtracks into earlier words): about 3x faster
#: than ``_LONG.search``, which restarts at every character. Same answer as ``_LONG.search``.
_HAS_LONG = re.compile(r"\A\s*+(?:\S{1,%d}+\s++)*+\S{%d}" % (LONG_RUN - 1, LONG_RUN))
#: bytes.translate table: the Latin-1 whitespace characters (``\s``) to " ", every other byte to "x"
_SPACE_MARKS = bytes(32 if chr(b).isspace() else 120 for b in range(256))
_RUN_MARKS = b"x" * LONG_RUN


def _space_marks(text: str) -> bytes:
    """``text`` as one byte per character (Latin-1, anything else written "?", so offsets
    stay), its Latin-1 whitespace (``\\s``) marked " " and everything else "x" by one
    ``bytes.translate``. A space outside Latin-1 is marked "x": a run of marks holds every
    run of non-space characters and may join some (the regex settles them)."""
    return text.encode("latin-1", "replace").translate(_SPACE_MARKS)


def _long_runs(text: str) -> list[tuple[int, int]]:
    """The spans of ``_LONG.finditer(text)`` (maximal runs of ``LONG_RUN`` or more non-space
    characters), the regex run only inside the runs of ``LONG_RUN`` or more "x" marks of
    ``_space_marks(text)``: each true run lies inside one of them, and each ends at a true
    space or the end of the text, so the regex finds there what it finds on the whole text.
    Linear: every ``find`` starts where the previous one stopped. A text without such a run
    (news texts almost never have one) costs one translate and one ``bytes.find`` of
    ``LONG_RUN`` marks, which skips ahead many bytes at a time: about 4x cheaper than
    ``_HAS_LONG.match``."""
    marks = _space_marks(text)
    out: list[tuple[int, int]] = []
    i = marks.find(_RUN_MARKS)
    while i >= 0:
        j = marks.find(b" ", i)
        if j < 0:
            j = len(marks)
        out += [m.span() for m in _LONG.finditer(text, i, j)]
        i = marks.find(_RUN_MARKS, j)
    return out


class SafeTokenizer:
    """Wraps a spaCy Tokenizer; serializes as the wrapped tokenizer."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        runs = _long_runs(text)
        if not runs:
            doc = self.inner(text)
        else:
            # the tokens of each segment, read as arrays (no Token object per token)
            words: list[str] = []
            spaces: list[bool] = []
            string = self.inner.vocab.strings.__getitem__
            for segment in self._segments(text, runs):
                arr = self.inner(segment).to_array([ORTH, SPACY])
                words += map(string, arr[:, 0].tolist())
                spaces += arr[:, 1].astype(bool).tolist()
            doc = Doc(self.inner.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text  # doc.text re-joins every token on each read
        return doc

    @staticmethod
    def _segments(text: str, runs: list[tuple[int, int]]) -> Iterator[str]:
        """The text between the long runs, and each run cut in ``PIECE``-character pieces
        (``runs``: ``_long_runs(text)``)."""
        pos = 0
        for start, end in runs:
            if start > pos:
                yield text[pos:start]
            for i in range(start, end, PIECE):
                yield text[i : min(i + PIECE, end)]
            pos = end
        if pos < len(text):
            yield text[pos:]

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path: Any, **kwargs: Any) -> "SafeTokenizer":
        self.inner.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> "SafeTokenizer":
        self.inner.from_bytes(data, **kwargs)
        return self

    def __getattr__(self, name: str) -> Any:  # explain(), rules, vocab... of the wrapped tokenizer
        if name == "inner":
            raise AttributeError(name)
        return getattr(self.inner, name)


@registry.tokenizers("breach_nlp.SafeTokenizer.v1")
def create_safe_tokenizer() -> Callable[[Language], SafeTokenizer]:
    make_inner = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language) -> SafeTokenizer:
        return SafeTokenizer(make_inner(nlp))

    return make
