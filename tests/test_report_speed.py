"""Speed paths of report building (issue 9): each gives what the plain form it replaces gives.

- ``docext.get_values`` / ``set_value`` read and write ``doc.user_data`` directly: the same
  values as ``doc._`` for every extension, set or not, and ``doc._`` itself for extensions
  with a getter, setter or mutable default.
- ``api._surrogates`` (a strict UTF-8 encode first): the positions the ``_SURROGATE`` scan finds.
- ``report_from_doc`` (values read once, the validator called directly): the report the
  plain ``doc._`` reads and ``BreachReport.model_validate`` give, warnings and surrogate
  handling included.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

import breach_nlp
from breach_nlp import api
from breach_nlp.docext import get_values, set_value
from breach_nlp.extensions import DOC_EXTENSIONS
from breach_nlp.schema import BreachReport

NLP = spacy.blank("en")


def test_get_values_equal_underscore_reads():
    doc = NLP.make_doc("x")
    names = list(DOC_EXTENSIONS)
    assert get_values(doc, names) == [getattr(doc._, n) for n in names]  # none set: the defaults
    for i, n in enumerate(names):
        setattr(doc._, n, [i] if i % 2 else {"k": i})
    assert get_values(doc, names) == [getattr(doc._, n) for n in names]
    assert all(get_values(doc, [n])[0] is getattr(doc._, n) for n in names)  # the same objects


def test_set_value_equals_underscore_write():
    a, b = NLP.make_doc("x"), NLP.make_doc("x")
    for i, n in enumerate(DOC_EXTENSIONS):
        set_value(a, n, i)
        setattr(b._, n, i)
    assert a.user_data == b.user_data


def test_other_extension_kinds_go_through_underscore():
    Doc.set_extension("_cm2_getter", getter=lambda d: len(d), force=True)
    Doc.set_extension("_cm2_mutable", default=[], force=True)
    calls: list[Any] = []
    Doc.set_extension("_cm2_setter", getter=lambda d: "got", setter=lambda d, v: calls.append(v), force=True)
    try:
        doc = NLP.make_doc("two words")
        assert get_values(doc, ["_cm2_getter", "_cm2_setter"]) == [2, "got"]
        got = get_values(doc, ["_cm2_mutable"])[0]
        assert got == [] and got is doc._._cm2_mutable  # copied once and stored, as doc._ does
        set_value(doc, "_cm2_setter", 5)
        assert calls == [5]
        with pytest.raises(AttributeError):
            get_values(doc, ["_cm2_not_registered"])
        with pytest.raises(AttributeError):
            set_value(doc, "_cm2_not_registered", 1)
    finally:
        for n in ("_cm2_getter", "_cm2_mutable", "_cm2_setter"):
            Doc.remove_extension(n)


def test_surrogate_positions_equal_the_regex_scan():
    rng = random.Random(5)
    parts = ["a", "é", "“", "\ud800", "\udfff", "\ud83d", "\ude00", "😀", "\ufffd", " ", "\n", "中"]
    texts = ["", "plain ascii", "caf\u00e9", "\ud800", "x\udc00y"] + [
        "".join(rng.choice(parts) for _ in range(rng.randint(0, 30))) for _ in range(2000)
    ]
    for text in texts:
        assert api._surrogates(text) == [m.start() for m in api._SURROGATE.finditer(text)], repr(text)


def _plain_report(doc: Doc) -> BreachReport:
    """report_from_doc as it was: doc._ read per value, model_validate (valid reports)."""
    x = doc._
    data: dict[str, Any] = {}
    for field, ext, empty in api._SECTIONS:
        value = getattr(x, ext)
        data[field] = value if value is not None else (empty() if empty else None)
    data["published"] = x.breach_published
    data["warnings"] = list(x.breach_warnings or [])
    data["error"] = x.breach_error
    surrogates = doc.user_data.get(api.SURROGATES_KEY)
    if surrogates:
        api._drop_surrogate_mentions(data, surrogates)
    return BreachReport.model_validate(data)


REPORT_TEXTS = [
    # SEED-like prose (short snippets in the style of the dev pages)
    "Acme Health said on March 3, 2024 that a ransomware attack exposed the names and Social Security "
    "numbers of more than 15,000 patients. It was fined $1.2 million by the regulator.",
    "The breach affected 7,445 individuals.\n\n{\"organization\": \"Acme Health\", \"records_affected\": 7445}",
    "Lone surrogate \ud800 before 500 customers' records were leaked.",
    "",
]


@pytest.mark.parametrize("text", REPORT_TEXTS, ids=["prose", "record", "surrogate", "empty"])
def test_report_from_doc_equals_plain_form(text):
    nlp = breach_nlp.load()
    doc = nlp(api.make_doc(nlp, text, "2024-03-14"))
    assert api.report_from_doc(doc).model_dump_json() == _plain_report(doc).model_dump_json()


def test_report_from_doc_keeps_the_invalid_section_fallback():
    nlp = breach_nlp.load()
    doc = nlp(api.make_doc(nlp, "The breach affected 7,445 individuals.", None))
    doc._.breach_money = [{"text": "x", "start": 0, "end": 1, "amount": "lots", "bogus": 1}]
    if api.STRICT:
        with pytest.raises(Exception):
            api.report_from_doc(doc)
        return
    report = api.report_from_doc(doc)
    assert report.money == [] and "money dropped: it did not validate" in report.warnings
