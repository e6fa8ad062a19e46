"""`breach_orgs`: organizations with their roles, and the victims of the main incident.

First version: a stub that assigns empty results; see the issue for what it must do.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import BreachComponent


class Orgs(BreachComponent):
    data_files: tuple[str, ...] = ()

    def process(self, doc: Doc) -> Doc:
        doc._.breach_orgs = []
        doc._.breach_victims = []
        return doc


@Language.factory("breach_orgs", assigns=["doc._.breach_orgs", "doc._.breach_victims"])
def make_orgs(nlp: Language, name: str) -> Orgs:
    return Orgs(nlp, name)
