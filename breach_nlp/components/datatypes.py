"""`breach_data_types`: kinds of data exposed (taxonomy mapped to VERIS), with negation and hedging.

First version: a stub that assigns empty results; see the issue for what it must do.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import BreachComponent


class DataTypes(BreachComponent):
    data_files: tuple[str, ...] = ()

    def process(self, doc: Doc) -> Doc:
        doc._.breach_data_types = []
        return doc


@Language.factory("breach_data_types", assigns=["doc._.breach_data_types"])
def make_data_types(nlp: Language, name: str) -> DataTypes:
    return DataTypes(nlp, name)
