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
