"""`breach_money`: money amounts (fines, ransoms, settlements, costs).

First version: a stub that assigns empty results; see the issue for what it must do.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import BreachComponent


class Money(BreachComponent):
    data_files: tuple[str, ...] = ()

    def process(self, doc: Doc) -> Doc:
        doc._.breach_money = []
        return doc


@Language.factory("breach_money", assigns=["doc._.breach_money"])
def make_money(nlp: Language, name: str) -> Money:
    return Money(nlp, name)
