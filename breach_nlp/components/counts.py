"""`breach_counts`: counts of affected people/records/accounts, and the main incident's count.

First version: a stub that assigns empty results; see the issue for what it must do.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import BreachComponent


class Counts(BreachComponent):
    data_files: tuple[str, ...] = ()

    def process(self, doc: Doc) -> Doc:
        doc._.breach_counts = []
        doc._.breach_records_affected = None
        return doc


@Language.factory("breach_counts", assigns=["doc._.breach_counts", "doc._.breach_records_affected"])
def make_counts(nlp: Language, name: str) -> Counts:
    return Counts(nlp, name)
