"""`breach_reconcile`: field-by-field check of the prose against the embedded records.

First version: a stub that assigns empty results; see the issue for what it must do.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import BreachComponent


class Reconcile(BreachComponent):
    data_files: tuple[str, ...] = ()

    def process(self, doc: Doc) -> Doc:
        doc._.breach_reconciliation = {}
        return doc


@Language.factory("breach_reconcile", assigns=["doc._.breach_reconciliation"])
def make_reconcile(nlp: Language, name: str) -> Reconcile:
    return Reconcile(nlp, name)
