"""`breach_dates`: dates resolved against the publication date, with their roles.

First version: a stub that assigns empty results; see the issue for what it must do.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import BreachComponent


class Dates(BreachComponent):
    data_files: tuple[str, ...] = ()

    def process(self, doc: Doc) -> Doc:
        doc._.breach_dates = []
        return doc


@Language.factory("breach_dates", assigns=["doc._.breach_dates"])
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates(nlp, name)
