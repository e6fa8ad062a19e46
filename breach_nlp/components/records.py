"""`breach_records`: embedded structured records (JSON, JSON-LD, Python dicts, key-value fragments, Key: value lines).

First version: a stub that assigns empty results; see the issue for what it must do.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import BreachComponent


class Records(BreachComponent):
    data_files: tuple[str, ...] = ()

    def process(self, doc: Doc) -> Doc:
        doc._.breach_records = []
        return doc


@Language.factory("breach_records", assigns=["doc._.breach_records"])
def make_records(nlp: Language, name: str) -> Records:
    return Records(nlp, name)
