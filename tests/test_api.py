"""extract()/extract_many()/load(): bad input, empty input, order, offsets."""

from __future__ import annotations

import datetime as dt

import pytest

import breach_nlp
from breach_nlp.errors import InputTypeError, PublishedDateError
from breach_nlp.schema import BreachReport

from .conftest import check_offsets


@pytest.mark.parametrize("bad", [None, b"bytes", 123, ["a"]], ids=["None", "bytes", "int", "list"])
def test_non_str_input_raises_type_error_naming_the_type(bad):
    with pytest.raises(TypeError) as exc:
        breach_nlp.extract(bad)
    assert type(bad).__name__ in str(exc.value)
    assert isinstance(exc.value, InputTypeError)


@pytest.mark.parametrize("bad", ["not a date", "2026-13-40", "", 20260227])
def test_bad_published_raises_value_error(bad):
    with pytest.raises(ValueError) as exc:
        breach_nlp.extract("text", published=bad)
    assert isinstance(exc.value, PublishedDateError)


@pytest.mark.parametrize(
    "published", ["2026-02-27", dt.date(2026, 2, 27), dt.datetime(2026, 2, 27, 23, 0), "2026-02-27T10:00:00+01:00"]
)
def test_published_forms(published):
    assert breach_nlp.extract("x", published=published).published == "2026-02-27"


def assert_empty(r: BreachReport) -> None:
    data = r.model_dump()
    rec = data.pop("reconciliation")
    assert {k: v for k, v in data.items() if v} == {}, data
    assert {k: v["status"] for k, v in rec.items()} == dict.fromkeys(
        ["victim", "records_affected", "data_categories", "date"], "absent"
    )


def test_empty_text_gives_empty_report():
    assert_empty(breach_nlp.extract(""))


def test_load_is_cached():
    assert breach_nlp.load() is breach_nlp.load()


def test_json_schema():
    schema = BreachReport.model_json_schema()
    assert set(schema["properties"]) >= {
        "victims", "organizations", "records_affected", "record_counts", "data_types",
        "dates", "money", "embedded_records", "reconciliation",
    }


def test_extract_many_keeps_order_and_accepts_pairs(seed_text):
    texts = ["", seed_text, ("x", "2024-01-01"), "Nothing here."]
    reports = list(breach_nlp.extract_many(texts, batch_size=2))
    assert len(reports) == 4
    assert_empty(reports[0])
    assert reports[1] == breach_nlp.extract(seed_text)
    assert reports[2].published == "2024-01-01"


def test_seed_offsets(seed_text):
    check_offsets(seed_text, breach_nlp.extract(seed_text))


def test_spacy_multiprocessing_keeps_components_and_extensions(seed_text):
    """nlp.pipe(n_process=2) on the loaded pipeline: Docs come back with every extension."""
    from breach_nlp.api import report_from_doc

    nlp = breach_nlp.load()
    docs = list(nlp.pipe([seed_text, "Nothing here."] * 2, n_process=2, batch_size=1))
    assert [report_from_doc(d) for d in docs[:2]] == [report_from_doc(nlp(seed_text)), report_from_doc(nlp("Nothing here."))]
    assert docs[0]._.breach_records_affected["value"] == 15_000_000


def test_extract_many_parallel_matches_serial_and_isolates_errors(seed_text):
    items = [seed_text, None, ("x", "not a date"), "Acme said 2,000 customers were affected.", seed_text]
    serial = [r.model_dump_json() for r in breach_nlp.extract_many(items, batch_size=2)]
    parallel = [r.model_dump_json() for r in breach_nlp.extract_many(items, n_process=2, batch_size=2)]
    assert serial == parallel
    reports = list(breach_nlp.extract_many(items, n_process=2, batch_size=2))
    assert [r.error is not None for r in reports] == [False, True, True, False, False]


@pytest.mark.parametrize("kw", [{"n_process": 0}, {"batch_size": 0}, {"n_process": "2"}])
def test_extract_many_bad_settings(kw):
    with pytest.raises(ValueError):
        list(breach_nlp.extract_many(["x"], **kw))
