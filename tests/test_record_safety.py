"""Bad input for embedded records (issue 8): nothing runs code, nothing explodes, time is linear.

Every case goes through the component directly (fast) and the worst ones through
``breach_nlp.extract`` too, so the report stays valid (pydantic) and offsets hold.
"""

from __future__ import annotations

import json
import time

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import breach_nlp
from breach_nlp.components.records import Records
from breach_nlp.recordparse import bracket_spans, parse_literal
from breach_nlp.settings import MAX_RECORD_CHARS, MAX_RECORD_DEPTH

from .conftest import check_offsets


@pytest.fixture(scope="module")
def finder() -> Records:
    comp = Records(spacy.blank("en"), "breach_records")
    comp.initialize()
    return comp


def timed(finder: Records, text: str, limit: float) -> list[dict]:
    t0 = time.perf_counter()
    recs = finder.find(text)
    took = time.perf_counter() - t0
    assert took < limit, f"{took:.2f}s for {len(text):,} chars"
    for r in recs:
        assert 0 <= r["start"] < r["end"] <= len(text)
        json.dumps(r, allow_nan=False)
    return recs


# --- code never runs ---------------------------------------------------------------------

CODE_LITERALS = [
    ("import-os-system", "{{'a': __import__('os').system('touch {marker}')}}"),
    ("open-write", "{{'a': open('{marker}', 'w').write('x')}}"),
    ("lambda-call", "{{'a': (lambda: __import__('pathlib').Path('{marker}').touch())()}}"),
    ("fstring", "{{'a': f\"{{__import__('os').system('touch {marker}')}}\"}}"),
    ("pprint-shaped", "{{'affected_entities': [{{'name': 'X'}}],\n 'x': exec(\"open('{marker}','w')\")}}"),
]


@pytest.mark.parametrize("template", [c[1] for c in CODE_LITERALS], ids=[c[0] for c in CODE_LITERALS])
def test_code_in_a_literal_is_never_run(finder, tmp_path, template):
    marker = tmp_path / "PWNED"
    literal = template.format(marker=marker)
    text = "Breach report\n" + literal + "\n"
    recs = timed(finder, text, 1.0)
    assert not marker.exists()
    assert len(recs) == 1 and recs[0]["raw"] is None
    assert recs[0]["errors"] and "not a JSON or Python literal" in recs[0]["errors"][0]
    report = breach_nlp.extract(text)
    assert not marker.exists()
    assert report.embedded_records[0].errors


def test_parse_literal_rejects_calls_without_running_them(tmp_path):
    marker = tmp_path / "PWNED"
    fmt, raw, errors = parse_literal(f"__import__('os').system('touch {marker}')")
    assert (fmt, raw) == (None, None) and errors and not marker.exists()


# --- size and depth ----------------------------------------------------------------------

def test_100000_nested_brackets(finder):
    text = "Before. " + "[" * 100_000 + "]" * 100_000 + " after."
    assert timed(finder, text, 3.0) == []  # no key inside: not a record


def test_100000_nested_objects_are_reported_too_deep(finder):
    text = "x " + '{"a":' * 100_000 + "1" + "}" * 100_000
    recs = timed(finder, text, 3.0)
    assert len(recs) == 1 and recs[0]["raw"] is None
    assert "nested too deeply" in recs[0]["errors"][0]


def test_100000_unclosed_openers(finder):
    timed(finder, "{" * 100_000 + ' "a": 1 ' + "[" * 100_000, 3.0)


def test_depth_limit_is_exact():
    ok = '{"a":' * (MAX_RECORD_DEPTH - 1) + "[1]" + "}" * (MAX_RECORD_DEPTH - 1)
    assert parse_literal(ok)[0] == "json"
    deep = '{"a":' * MAX_RECORD_DEPTH + "[1]" + "}" * MAX_RECORD_DEPTH
    assert parse_literal(deep)[0] is None


def test_big_literal_is_reported_not_parsed(finder):
    items = ", ".join(["'abcdefghij'"] * ((MAX_RECORD_CHARS // 14) + 10_000))
    text = "Intro sentence.\n{'k': [" + items + "]}\nClosing sentence."
    recs = timed(finder, text, 2.0)
    assert len(recs) == 1 and recs[0]["raw"] is None
    assert "too large" in recs[0]["errors"][0]
    assert text[recs[0]["end"]:].strip() == "Closing sentence."


def test_big_literal_below_the_limit_parses(finder):
    items = ", ".join(f"{{'id': {i}, 'name': 'entity {i}'}}" for i in range(10_000))
    text = "Intro.\n{'organization': 'Acme', 'records': 10000, 'rows': [" + items + "]}\n"
    recs = timed(finder, text, 3.0)
    assert recs[0]["fields"]["organization"] == "Acme" and len(recs[0]["raw"]["rows"]) == 10_000


def test_twenty_megabytes_of_one_character(finder):
    timed(finder, "a" * 20_000_000, 2.0)


# --- JSON bomb-ish and odd values ----------------------------------------------------------

BOMBS = [
    ("huge-integer", '{"records": ' + "9" * 5000 + "}"),
    ("huge-exponent", '{"records": 1e999999999}'),
    ("many-keys", "{" + ", ".join(f'"k{i}": {i}' for i in range(50_000)) + "}"),
    ("wide-and-deep", "[" + ",".join(['{"a": [[[[[[[[[[1]]]]]]]]]]}'] * 20_000) + "]"),
    ("python-tuple-set-bytes-complex", "{'a': (1, 2), 'b': {3, 4}, 'c': b'xy', 'd': 1+2j, 5: None}"),
]


@pytest.mark.parametrize("text", [c[1] for c in BOMBS], ids=[c[0] for c in BOMBS])
def test_bombs_leave_a_valid_report(finder, text):
    recs = timed(finder, "Breach report\n" + text, 3.0)
    assert len(recs) == 1


def test_python_oddities_become_json_values():
    fmt, raw, _ = parse_literal("{'a': (1, 2), 'b': {3, 4}, 'c': b'xy', 'd': 1+2j, 5: None}")
    assert fmt == "python_dict"
    assert raw == {"a": [1, 2], "b": [3, 4], "c": "xy", "d": "(1+2j)", "5": None}


def test_nan_and_infinity_become_null(finder):
    text = '{"organization": "Acme", "records": NaN, "x": Infinity, "y": -Infinity, "z": [NaN]}'
    r = timed(finder, text, 1.0)[0]
    assert r["raw"] == {"organization": "Acme", "records": None, "x": None, "y": None, "z": [None]}
    assert r["fields"]["records_affected"] is None
    r = timed(finder, "{'organization': 'Acme', 'x': float('nan')}", 1.0)[0]  # a call: rejected
    assert r["raw"] is None


def test_duplicate_keys_last_wins_with_a_note(finder):
    r = timed(finder, '{"organization": "First", "organization": "Second", "records": 5}', 1.0)[0]
    assert r["raw"]["organization"] == "Second" and r["fields"]["organization"] == "Second"
    assert any("duplicate key 'organization'" in e for e in r["errors"])
    r = timed(finder, "{'organization': 'First', 'organization': 'Second'}", 1.0)[0]
    assert r["format"] == "python_dict" and r["raw"] == {"organization": "Second"}
    assert r["errors"]
    text = "Incident summary\nCompany: A\nCompany: B\nRecords exposed: 3\n"
    r = timed(finder, text, 1.0)[0]
    assert r["raw"]["Company"] == "B" and r["errors"]


# --- truncated, malformed, fenced -------------------------------------------------------------

TRUNCATED = [
    ("cut-mid-object", 'Breach report\n{"organization": "Acme", "records": 5, "da'),
    ("cut-mid-string", "Breach report\n{'organization': 'Acme, 'records': 5}"),
    ("missing-brace", 'Text.\n{"organization": "Acme",\n"records": 5\nMore text here.'),
    ("stray-closer", 'Text ] } with {"organization": "Acme"] and more.'),
]


@pytest.mark.parametrize("text", [c[1] for c in TRUNCATED], ids=[c[0] for c in TRUNCATED])
def test_truncated_records_never_crash(finder, text):
    for r in timed(finder, text, 1.0):
        assert r["raw"] is not None or r["errors"]
    report = breach_nlp.extract(text)
    check_offsets(text, report)


def test_malformed_but_balanced_record_is_reported_with_an_error(finder):
    recs = timed(finder, "Breach report\n{'organization': 'Acme', 'records': 5,, }\n", 1.0)
    assert len(recs) == 1 and recs[0]["raw"] is None and recs[0]["errors"]


def test_unbalanced_record_is_kept_out(finder):
    assert timed(finder, "Breach report\n{'organization': 'Acme, 'records': 5}", 1.0) == []


@pytest.mark.parametrize("fence", ["```", "```json", "```python", "~~~"])
def test_records_in_code_fences(finder, fence):
    close = "~~~" if fence == "~~~" else "```"
    text = f"Prose first.\n\n{fence}\n{{'organization': 'Acme', 'records': 7}}\n{close}\n\nProse after."
    recs = timed(finder, text, 1.0)
    assert len(recs) == 1 and recs[0]["fields"]["records_affected"] == 7
    assert text[recs[0]["start"]:recs[0]["end"]].startswith(fence)


def test_a_stray_opener_does_not_hide_a_later_record():
    text = "Prose with a stray { brace.\n" + '{"organization": "Acme"}' + "\nMore."
    spans = list(bracket_spans(text))
    assert any(text[s:e] == '{"organization": "Acme"}' for s, e, _ in spans)


def test_apostrophes_in_bracketed_prose_do_not_swallow_the_page():
    text = "[the company's view, then more {\n{\"a\": 1}"
    assert [text[s:e] for s, e, _ in bracket_spans(text)] == ['{"a": 1}']


# --- fuzz -------------------------------------------------------------------------------------

_FUZZ_FINDER = Records(spacy.blank("en"), "breach_records")
_FUZZ_FINDER.initialize()
ALPHABET = st.sampled_from(list("{}[]\"':,\n aZ09.-_\\") + ["True", "None", "NaN", "```", "Breach report\n"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=120).map("".join))
def test_fuzz_never_raises_and_offsets_hold(text):
    for r in _FUZZ_FINDER.find(text):
        assert 0 <= r["start"] < r["end"] <= len(text)
        json.dumps(r, allow_nan=False)


def test_lone_surrogates_become_replacement_characters(finder):
    text = '{"organization": "Acme\\ud800", "k\\udc00": 1}\n' + "Incident summary\nCompany: Bad\ud800Co\nRecords exposed: 5\nBreach date: 2020\n"
    recs = timed(finder, text, 1.0)
    assert recs[0]["raw"] == {"organization": "Acme\ufffd", "k\ufffd": 1}
    assert recs[1]["raw"]["Company"] == "Bad\ufffdCo"
    for r in recs:
        json.dumps(r, ensure_ascii=False).encode("utf-8")
