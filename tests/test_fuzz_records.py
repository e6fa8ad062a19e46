"""Hypothesis fuzzing of embedded-record parsing, through ``extract``.

Records are built by strategies (recursive dicts and lists of strings, numbers, booleans
and None), rendered the ways scraped pages carry them (``json.dumps`` compact and indented,
``repr``, ``pprint.pformat`` like the seed page's dump) and placed after a prose paragraph
under a header, like the HHS embed pages ("Breach report\\n{...}").

* Well-formed: ``extract`` finds a record covering the rendering whose ``raw`` equals the
  object (value check, not just "no exception").
* Mutated (truncated, a slice deleted, a character inserted or swapped, brackets
  duplicated): ``extract`` never raises and the report keeps every guarantee.

Bounded budgets (``max_examples``) keep the suite fast; Hypothesis prints the minimal
failing record.
"""

from __future__ import annotations

import json
import pprint

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import breach_nlp

from .adversarial import report_problems
from .conftest import check_offsets

FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PROSE = "Acme Health said hackers accessed the records of 1,348 patients.\n\nBreach report\n"
TAIL = "\n\nThe company notified HHS and the affected individuals."

# Keys a record finder can recognise as keys: printable, no quotes or line breaks.
key = st.text(st.characters(categories=["L", "N", "Zs"], include_characters="_-./()#"),
              min_size=1, max_size=24).filter(lambda k: k.strip() == k and k.strip())
leaf = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.text(max_size=40),  # any text: quotes, braces, colons, newlines, escapes
    st.sampled_from(["1,348", "15 million", "03/14/2024", "2/2026", "Hacking/IT Incident",
                     "{", "}", "[", "]", "'", '"', "\\", "': '", '": "', "\\u0000", "__import__('os')"]),
)
value = st.recursive(leaf, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                   st.dictionaries(key, kids, max_size=4)),
                     max_leaves=25)
record = st.dictionaries(key, value, min_size=1, max_size=8)
RENDERERS = {
    "json": lambda o: json.dumps(o, ensure_ascii=False),
    "json_indent": lambda o: json.dumps(o, indent=2),
    "repr": repr,
    "pformat": lambda o: pprint.pformat(o, width=60),
}
renderer = st.sampled_from(sorted(RENDERERS))

HHS_LIKE = {
    "Name of Covered Entity": "California Correctional Health Care Services",
    "Individuals Affected": 1348,
    "Breach Submission Date": "03/14/2024",
    "Type of Breach": "Unauthorized Access/Disclosure",
    "Location of Breached Information": "Email",
}


def page_with(rendered: str) -> tuple[str, int, int]:
    text = PROSE + rendered + TAIL
    return text, len(PROSE), len(PROSE) + len(rendered)


@FUZZ
@given(record, renderer)
@example(HHS_LIKE, "json_indent")
@example(HHS_LIKE, "pformat")
@example({"name": "Acme", "note": "a } b { c", "q": "it's \"quoted\""}, "repr")
@example({"name": "Acme", "nested": [[[[{"a": [1, 2, {"b": None}]}]]]]}, "json")
def test_well_formed_record_is_found_and_parsed(obj, how):
    rendered = RENDERERS[how](obj)
    text, start, end = page_with(rendered)
    report = breach_nlp.extract(text)
    check_offsets(text, report)
    problems = report_problems(text, report)
    assert not problems, f"{how} {rendered!r}: {problems}"
    covering = [r for r in report.embedded_records if r.start <= start and r.end >= end]
    assert covering, (
        f"{how}: no embedded record covers {rendered!r}; found "
        f"{[(r.format, r.start, r.end, r.errors) for r in report.embedded_records]}"
    )
    r = covering[0]
    assert r.format in ("json", "python_dict"), (how, r.format, rendered)
    assert r.raw == obj, f"{how}: raw differs for {rendered!r}: {r.raw!r} (errors: {r.errors})"


def mutate(rendered: str, data) -> str:
    n = len(rendered)
    op = data.draw(st.sampled_from(["truncate", "delete", "insert", "swap", "double", "prefix"]))
    i = data.draw(st.integers(min_value=0, max_value=n))
    if op == "truncate":
        return rendered[:i]
    if op == "delete":
        j = data.draw(st.integers(min_value=i, max_value=n))
        return rendered[:i] + rendered[j:]
    c = data.draw(st.sampled_from(list("{}[]()'\":,\\\n\x00") + ["__import__('os').system('true')", "\ud800"]))
    if op == "insert":
        return rendered[:i] + c + rendered[i:]
    if op == "swap":
        return rendered[:i] + c + rendered[i + 1:]
    if op == "double":
        return rendered[:i] + rendered[i:] * 2
    return "{" * data.draw(st.integers(min_value=1, max_value=70)) + rendered


@FUZZ
@given(record, renderer, st.data())
def test_mutated_record_never_breaks_extract(obj, how, data):
    rendered = mutate(RENDERERS[how](obj), data)
    text = page_with(rendered)[0]
    try:
        report = breach_nlp.extract(text)
    except UnicodeEncodeError:
        # Lone surrogates are test_robustness.py::test_text_with_lone_surrogates's subject.
        assert any("\ud800" <= c <= "\udfff" for c in text)
        return
    check_offsets(text, report)
    problems = report_problems(text, report)
    assert not problems, f"{how} mutated {rendered!r}: {problems}"
