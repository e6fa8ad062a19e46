"""Every custom attribute breach_nlp sets on a Doc, in one table.

Values are JSON-safe (dicts, lists, strings, ints) so Docs survive ``n_process > 1`` and
DocBin; no Span objects are stored. Dict shapes follow the models in ``schema.py``.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: name -> (default, meaning). Mutable defaults are never shared: components assign new objects.
DOC_EXTENSIONS: dict[str, tuple[object, str]] = {
    "breach_published": (None, "ISO publication date used to resolve relative dates (argument, else page)"),
    "breach_records": (None, "list of EmbeddedRecord dicts"),
    "breach_skip": (None, "sorted [start, end) char ranges prose components ignore (records, boilerplate)"),
    "breach_sents": (None, "sorted [start, end) char ranges of prose sentences"),
    "breach_counts": (None, "list of RecordCount dicts"),
    "breach_records_affected": (None, "RecordCount dict of the main incident, or None"),
    "breach_money": (None, "list of MoneyAmount dicts"),
    "breach_orgs": (None, "list of Organization dicts (every organization, with its role)"),
    "breach_victims": (None, "list of Organization dicts, most central first"),
    "breach_data_types": (None, "list of DataType dicts"),
    "breach_dates": (None, "list of DateMention dicts"),
    "breach_reconciliation": (None, "dict field -> FieldCheck dict"),
    "breach_warnings": (None, "list of strings: what could not be processed"),
    "breach_error": (None, "why this input could not be processed at all (extract_many), or None"),
}


def register_extensions() -> None:
    """Register the Doc extensions (idempotent; called on import of any component)."""
    for name, (default, _meaning) in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def add_warning(doc: Doc, message: str) -> None:
    """Record a warning on the doc (shown in ``BreachReport.warnings``)."""
    if doc._.breach_warnings is None:
        doc._.breach_warnings = []
    doc._.breach_warnings.append(message)


register_extensions()
