"""Property tests: ``extract`` never raises on any str and always returns a valid report.

For arbitrary text (every Unicode category, control characters, lone surrogates, NUL bytes,
very long tokens, mixed scripts, and text assembled from breach-ish fragments) the report
validates, every offset holds (``text[start:end] == mention.text``), counts are
non-negative, dates are ISO at their stated precision, money is finite, the report is
JSON-safe and round-trips, and no component failure was swallowed into ``warnings``.
Typed errors: non-str text is a TypeError (InputTypeError), a bad ``published`` a
ValueError (PublishedDateError), text past ``settings.MAX_TEXT_CHARS`` a ValueError
(TextTooLongError); nothing else escapes ``extract`` on the adversarial corpus.

The example budget is bounded (``max_examples`` below) so the suite stays fast; Hypothesis
prints the minimal failing input of any failure.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import breach_nlp
from breach_nlp import settings as breach_settings
from breach_nlp.errors import BreachNLPError, InputTypeError, PublishedDateError, TextTooLongError
from breach_nlp.schema import BreachReport

from .adversarial import (
    FRAGMENTS, GENERATORS, ODD_PIECES, RELATIVE_DATES, Worker, WorkerTimeout, rce_payloads, report_problems,
)
from .conftest import check_offsets

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)


def assert_valid(text: str, report, published=None) -> None:
    """The whole set of guarantees; the input is in every message."""
    check_offsets(text, report)
    problems = report_problems(text, report)
    if has_surrogate(text):
        # Serializing lone surrogates to UTF-8 JSON is tested on its own
        # (test_lone_surrogates_serialize) so it does not mask other failures here.
        problems = [p for p in problems if "model_dump_json" not in p]
    assert not problems, f"input {text[:300]!r} (published={published!r}): {problems}"


# -- strategies ------------------------------------------------------------------------

# Lone surrogates get their own tests (test_text_with_lone_surrogates and
# test_lone_surrogates_serialize) so that one known failure does not mask the others.
any_char = st.one_of(
    st.characters(exclude_categories=["Cs"]),  # every other category, incl. controls
    st.sampled_from(["\x00", "\n", "\r", "\t", "\u2028", "\u00a0", "\ufeff", "\u202e"]),
)
surrogate = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
any_text = st.text(any_char, max_size=600)
fragment = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from([p for p in ODD_PIECES if not has_surrogate(p)]),
    st.sampled_from(RELATIVE_DATES),
    st.text(any_char, max_size=8),
    st.integers(min_value=0, max_value=10**30).map(str),
    st.integers(min_value=0, max_value=10**12).map(lambda n: f"{n:,}"),
)
soup = st.lists(fragment, max_size=40).map("".join)
long_token = st.builds(lambda c, k: c * k, st.sampled_from(list("a9.,-_/'\"{[(<$%€:") + ["ab", "1,"]),
                       st.integers(min_value=1, max_value=3000))


# -- properties ------------------------------------------------------------------------

@PROPERTY
@given(any_text)
@example("")
@example("\x00" * 50)
@example("\u202e15 million records\u202c \ufeff\u200b")
def test_any_unicode_text(text):
    assert_valid(text, breach_nlp.extract(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(fragment, surrogate), min_size=1, max_size=20).map("".join))
@example("\ud800")
@example("\ud800 15 million records \udfff")
@example("Acme\ud800 Corp said hackers stole 15 million records.")
def test_text_with_lone_surrogates(text):
    """Python str may hold lone surrogates (e.g. from ``bytes.decode(errors="surrogateescape")``):
    they are processed like any character, or rejected with a typed ValueError."""
    try:
        report = breach_nlp.extract(text)
    except BreachNLPError as exc:
        assert isinstance(exc, ValueError), repr(exc)
        return
    assert_valid(text, report)


@PROPERTY
@given(soup)
@example("".join(FRAGMENTS))
@example("".join(p for p in ODD_PIECES if not has_surrogate(p)))
@example("²³ million records were exposed")
@example("1.5e309 million records and a $1e309 fine")
@example("९ million records")
def test_breach_fragment_soup(text):
    assert_valid(text, breach_nlp.extract(text))


@PROPERTY
@given(soup, st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
@example("on Friday last month next year in March", dt.date(1, 1, 1))
@example("on Friday last month next year in March", dt.date(9999, 12, 31))
@example("The breach began last week and was disclosed yesterday.", dt.date(1, 1, 3))
@example("Notices will be sent next month, early next year.", dt.date(9999, 12, 30))
def test_any_published_date(text, published):
    """Relative dates resolved against the extreme publication dates never overflow."""
    assert_valid(text, breach_nlp.extract(text, published=published), published)


@PROPERTY
@given(st.lists(st.one_of(long_token, fragment), min_size=1, max_size=4).map(" ".join))
def test_long_tokens(text):
    assert_valid(text, breach_nlp.extract(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30),
                    timezones=st.sampled_from([None, dt.timezone.utc,
                                               dt.timezone(dt.timedelta(hours=14)),
                                               dt.timezone(dt.timedelta(hours=-12))])))
def test_published_datetimes(published):
    """Any datetime (naive or aware) is accepted and reported as its ISO date."""
    text = "Hackers struck on Friday, the company said last month."
    report = breach_nlp.extract(text, published=published)
    assert report.published == published.date().isoformat()
    assert_valid(text, report, published)


SURROGATE_SERIALIZE = {
    "in-prose": "Acme\ud800 Corp said hackers stole 15 million records.",
    "json-escape-ascii": 'Breach report\n{"Name of Covered Entity": "Acme \\ud800 Health", "Individuals Affected": 1348}\n',
    "json-escaped-pair-split": 'Breach report\n{"name": "Acme \\ud800{\\udc00", "records": 1348}\n',
    "python-dict": "Breach report\n{'name': 'Acme \ud800 Health', 'records': 1348}\n",
}


@pytest.mark.parametrize("name", sorted(SURROGATE_SERIALIZE))
def test_lone_surrogates_serialize(name):
    """A lone surrogate in the input, or one produced by a JSON ``\\ud800`` escape in a
    pure-ASCII embedded record, must not make the report unserializable:
    ``model_dump(mode="json")`` is JSON-safe and ``model_dump_json()`` works."""
    text = SURROGATE_SERIALIZE[name]
    report = breach_nlp.extract(text)
    check_offsets(text, report)
    json.dumps(report.model_dump(mode="json"), allow_nan=False)
    assert BreachReport.model_validate_json(report.model_dump_json()) == report


# -- typed errors ----------------------------------------------------------------------

class StrSubclass(str):
    pass


NOT_STR = [None, b"15 million records", bytearray(b"x"), 15_000_000, 1.5, ["text"], {"text": 1},
           ("a", "b"), object(), memoryview(b"x")]


@pytest.mark.parametrize("bad", NOT_STR, ids=lambda b: type(b).__name__)
def test_non_str_text_is_a_type_error(bad):
    with pytest.raises(TypeError) as exc:
        breach_nlp.extract(bad)
    assert isinstance(exc.value, InputTypeError), repr(exc.value)
    assert isinstance(exc.value, BreachNLPError)


def test_str_subclass_is_text():
    text = StrSubclass("Hackers stole 15 million records from Acme Corp on Friday.")
    report = breach_nlp.extract(text)
    assert_valid(str(text), report)
    assert report == breach_nlp.extract(str(text))


BAD_PUBLISHED = ["not a date", "2026-13-40", "2026-02-30", "", "   ", "0000-00-00", "Friday",
                 "27/02/2026", 20260227, 2026.0, b"2026-02-27", ["2026-02-27"], object(),
                 "\ud800"]


@pytest.mark.parametrize("bad", BAD_PUBLISHED, ids=repr)
def test_bad_published_is_a_value_error(bad):
    with pytest.raises(ValueError) as exc:
        breach_nlp.extract("Hackers stole 15 million records on Friday.", published=bad)
    assert isinstance(exc.value, PublishedDateError), repr(exc.value)


def test_text_longer_than_max_text_chars_raises_cheaply():
    """The documented limit (settings.MAX_TEXT_CHARS): over it, TextTooLongError (a
    ValueError) before any tokenization, so the check itself is cheap."""
    limit = breach_settings.MAX_TEXT_CHARS
    with pytest.raises(TextTooLongError) as exc:
        breach_nlp.extract("a" * (limit + 1))
    assert isinstance(exc.value, ValueError)
    assert f"{limit:,}" in str(exc.value)


def test_max_text_chars_setting_is_honoured(monkeypatch):
    """Lowering ``breach_nlp.settings.MAX_TEXT_CHARS`` (the setting the error message
    names) takes effect: text one character over it raises, text at it does not."""
    monkeypatch.setattr(breach_settings, "MAX_TEXT_CHARS", 1000)
    text = ("Hackers stole 15 million records. " * 40)[:1000]
    assert_valid(text, breach_nlp.extract(text))
    with pytest.raises(TextTooLongError):
        breach_nlp.extract(text + "x")


@pytest.fixture(scope="module")
def default_worker():
    """A worker process with default settings (BREACH_NLP_STRICT=0, as users run it) and a
    time limit per input, so a super-linear input fails by name instead of hanging."""
    w = Worker(strict=False)
    yield w
    w.close()


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_nothing_else_escapes_on_the_adversarial_corpus(default_worker, name):
    """With default settings, each adversarial input (2,000 chars) gives a valid report:
    no exception escapes, no component failure is swallowed into ``warnings``."""
    try:
        a = default_worker.ask({"gen": name, "size": 2000}, timeout=20)
    except WorkerTimeout:
        pytest.fail(f"{name}(2000): no result within 20s")
    assert a["error"] is None, f"{name}(2000): {a['error']['type']}: {a['error']['message']}\n{a['error']['traceback']}"
    assert not a["problems"], f"{name}(2000): {a['problems']}"


@pytest.mark.parametrize("name", sorted(rce_payloads("/nonexistent/x")))
def test_nothing_escapes_on_code_like_records(name, tmp_path):
    marker = tmp_path / "pwned"
    text = rce_payloads(str(marker))[name]
    assert_valid(text, breach_nlp.extract(text))
    assert_valid(text, breach_nlp.extract(text, published="2026-02-27"))
    assert not marker.exists(), f"{name}: the record was executed as code: {text!r}"
