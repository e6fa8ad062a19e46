"""evaluate(): exact tp/fp/fn on small gold pages with hand-built predictions, bad gold input,
the CLI and the benchmark. Predictions are injected (``predict=``), so these tests do not
depend on extraction quality; only the CLI/bench/dev-page tests run the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from breach_nlp.errors import GoldFormatError
from breach_nlp.evaluation import EvaluationReport, evaluate
from breach_nlp.evaluation.model import prf
from breach_nlp.evaluation.scoring import date_within
from breach_nlp.schema import (
    BreachReport,
    DataType,
    DateMention,
    EmbeddedRecord,
    FieldCheck,
    MoneyAmount,
    Organization,
    RecordCount,
)

from .conftest import shared_path

# ------------------------------------------------------------------ builders


def org(name: str, role: str = "victim", aliases: list[str] | None = None) -> Organization:
    return Organization(name=name, role=role, text=name, start=0, end=len(name), aliases=aliases or [])


def count(value: int | None) -> RecordCount:
    return RecordCount(value=value, unit="records", text=str(value), start=0, end=len(str(value)))


def dtype(category: str, negated: bool = False) -> DataType:
    return DataType(type=category, category=category, negated=negated, text=category, start=0, end=len(category))


def date(value: str | None, role: str = "other", text: str = "x", end_value: str | None = None) -> DateMention:
    return DateMention(value=value, role=role, text=text, start=0, end=len(text), end_value=end_value)


def money(amount: float, currency: str, kind: str = "other") -> MoneyAmount:
    return MoneyAmount(amount=amount, currency=currency, kind=kind, text="m", start=0, end=1)


def record(fmt: str = "json", **fields) -> EmbeddedRecord:
    return EmbeddedRecord(format=fmt, start=0, end=1, raw={}, fields=fields)


def page(pid: str, gold: dict, text: str = "text", **extra) -> dict:
    return {"id": pid, "text": text, "published": None, "gold": gold, **extra}


def run(pages: list[dict], reports: dict[str, BreachReport]) -> EvaluationReport:
    return evaluate(pages, predict=lambda p: reports.get(p["id"], BreachReport()))


def counts(rep: EvaluationReport, field: str) -> tuple[int, int, int]:
    f = rep.fields[field]
    return f.tp, f.fp, f.fn


def acc(rep: EvaluationReport, field: str) -> tuple[int, int]:
    f = rep.fields[field]
    return f.correct, f.total


# ------------------------------------------------------------------ fields, exact counts


def test_victims_alias_matching_duplicates_and_top1():
    pages = [
        page("p1", {"victims": [["Marks & Spencer", "M&S"], ["Co-op", "The Co-operative Group"]]}),
        page("p2", {"victims": [["Equifax", "Equifax Inc."]]}),
    ]
    reports = {
        # "M&S" matches the first entry by alias, "Marks and Spencer plc" is a duplicate (fp),
        # Harrods is not in the gold (fp), Co-op is missed (fn).
        "p1": BreachReport(victims=[org("Harrods"), org("M&S"), org("Marks & Spencer plc")]),
        # normalization: case, legal suffix, possessive.
        "p2": BreachReport(victims=[org("EQUIFAX's")]),
    }
    rep = run(pages, reports)
    assert counts(rep, "victims") == (2, 2, 1)
    assert acc(rep, "victim_top1") == (1, 2)  # p1's first victim is Harrods
    f = rep.fields["victims"]
    assert (f.precision, f.recall, f.f1) == (0.5, 0.6667, 0.5714)
    assert f.errors[0].page == "p1" and f.errors[0].gold == ["Marks & Spencer", "Co-op"]


def test_victim_aliases_of_prediction_count():
    pages = [page("p", {"victims": [["Health Service Executive"]]})]
    rep = run(pages, {"p": BreachReport(victims=[org("HSE Ireland", aliases=["Health Service Executive"])])})
    assert counts(rep, "victims") == (1, 0, 0)


def test_victim_role_violations_from_other_orgs():
    gold = {
        "victims": [["France Travail"]],
        "other_orgs": [{"name": "CNIL", "role": "regulator"}, {"name": "Cap emploi", "role": "other"}],
    }
    pages = [page("bad", gold), page("ok", gold)]
    reports = {
        "bad": BreachReport(victims=[org("France Travail"), org("CNIL")], organizations=[org("CNIL", "victim")]),
        # an 'other' org listed as victim is an ordinary fp, not a role violation
        "ok": BreachReport(victims=[org("Cap emploi")], organizations=[org("CNIL", "regulator")]),
    }
    rep = run(pages, reports)
    f = rep.fields["victim_role_violations"]
    assert (f.kind, f.correct, f.total, f.n_errors) == ("violations", 1, 2, 1)
    assert f.errors[0].page == "bad"
    assert acc(rep, "other_org_roles") == (1, 2)


def test_records_affected_exact_null_and_approx():
    pages = [
        page("exact", {"records_affected": 15000000}),
        page("off", {"records_affected": 15000000}),
        page("null-ok", {"records_affected": None}),
        page("null-bad", {"records_affected": None}),
        page("vague", {"records_affected": None}),
        page("approx-in", {"records_affected_approx": 14936670}),
        page("approx-out", {"records_affected_approx": 8661578}),
    ]
    reports = {
        "exact": BreachReport(records_affected=count(15000000)),
        "off": BreachReport(records_affected=count(15000001)),
        "null-bad": BreachReport(records_affected=count(10)),
        "vague": BreachReport(records_affected=count(None)),
        "approx-in": BreachReport(records_affected=count(15000000)),  # 0.4% off
        "approx-out": BreachReport(records_affected=count(8000000)),  # 7.6% off -> within 10%
    }
    rep = run(pages, reports)
    assert acc(rep, "records_affected") == (3, 5)
    assert acc(rep, "records_affected_approx") == (2, 2)
    rep2 = run([page("far", {"records_affected_approx": 100})], {"far": BreachReport(records_affected=count(111))})
    assert acc(rep2, "records_affected_approx") == (0, 1)


def test_record_counts_tolerance_one_percent():
    pages = [page("p", {"record_counts": [15000000, 1200000, 1200000]})]
    # 15,100,000 is within 1% of 15M; 1,250,000 is 4% off; 999 is unrelated; duplicates collapse.
    rep = run(pages, {"p": BreachReport(record_counts=[count(15100000), count(15100000), count(1250000), count(999), count(None)])})
    assert counts(rep, "record_counts") == (1, 2, 1)


def test_data_categories_negations_and_conflicts():
    pages = [
        page("p1", {"data_categories": ["personal", "medical"], "negated_data_categories": ["medical", "bank", "payment"]}),
        page("p2", {"data_categories_recall": ["personal", "credentials"]}),
    ]
    reports = {
        # exposed {personal, payment}; negated {medical}
        "p1": BreachReport(data_types=[dtype("personal"), dtype("payment"), dtype("medical", negated=True)]),
        "p2": BreachReport(data_types=[dtype("personal"), dtype("payment")]),
    }
    rep = run(pages, reports)
    assert counts(rep, "data_categories") == (1, 1, 1)
    assert counts(rep, "negated_data_categories") == (1, 0, 2)
    # payment is negated in the gold and predicted exposed; medical is negated AND exposed in the gold
    f = rep.fields["negation_conflicts"]
    assert (f.correct, f.total, f.errors[0].predicted) == (0, 1, ["payment"])
    r = rep.fields["data_categories_recall"]
    assert (r.tp, r.fp, r.fn, r.recall, r.precision) == (1, 0, 1, 0.5, None)


def test_dates_precision_truncation_text_preference_and_roles():
    gold = {
        "dates": [
            {"value": "2025-05", "role": "incident", "text": "May 2025"},
            {"value": "2025-05-21", "role": "publication", "text": "May 21, 2025"},
            {"value": None, "role": "disclosure", "text": "on Monday"},
            {"value": "2024-01-02", "role": "other", "text": "Jan 2"},
        ]
    }
    report = BreachReport(
        dates=[
            date("2025-05-21", "publication", "May 21, 2025"),
            date("2025-05", "incident", "May 2025"),
            date(None, "other", "On Monday"),
            date("2024-01", "other", "January 2024"),  # coarser than the gold: no match
        ]
    )
    rep = run([page("p", gold)], {"p": report})
    assert counts(rep, "dates") == (3, 1, 1)
    assert acc(rep, "date_roles") == (2, 3)  # 'on Monday' has the wrong role


@pytest.mark.parametrize(
    "pred,gold,end,ok",
    [
        ("2015", "2015-03", None, True),  # coarser prediction: compared at year
        ("2015-03-14", "2015-03", None, True),  # lies within the gold month
        ("2016-03", "2015-03", None, False),
        ("2015-01", "2015-03", "2015-06", True),  # range covering the gold
        ("2015-04", "2015-03", "2015-06", False),
        (None, "2015", None, False),
    ],
    ids=["coarser", "within", "other-year", "range-covers", "range-after", "unresolved"],
)
def test_date_within(pred, gold, end, ok):
    assert date_within(pred, gold, end) is ok, (pred, gold, end)


def test_date_any_accuracy():
    pages = [page("a", {"date_any": "2015-03"}), page("b", {"date_any": "2020-03"}), page("c", {"date_any": None})]
    reports = {"a": BreachReport(dates=[date("2014"), date("2015-03-02")]), "b": BreachReport(dates=[date("2020-04")])}
    rep = run(pages, reports)
    assert acc(rep, "date_any") == (1, 2)


def test_money_amount_and_currency():
    gold = {
        "money": [
            {"amount": 300000000, "currency": "GBP", "kind": "cost", "text": "£300 million"},
            {"amount": 10, "currency": "EUR", "kind": "fine", "text": "€10"},
            {"amount": 20000000, "currency": "USD", "kind": "ransom", "text": "$20 million"},
        ]
    }
    report = BreachReport(
        money=[money(302000000, "GBP", "cost"), money(20000000, "EUR", "ransom"), money(20100000, "USD", "fine")]
    )
    rep = run([page("p", gold)], {"p": report})
    # 302M GBP within 1%; 20M EUR has the wrong currency (fp); 20.1M USD within 1%; €10 missed
    assert counts(rep, "money") == (2, 1, 1)
    assert acc(rep, "money_kinds") == (1, 2)


def test_embedded_detection_and_mapped_fields():
    gold_rec = {"format": "python_dict", "organization": "Star Health and Allied Insurance Co. Ltd.",
                "records_affected": 31000000, "data_categories": ["personal", "medical"], "date": "2024-10"}
    pages = [
        page("tp", {"embedded": gold_rec}),
        page("fp", {"embedded": None}),
        page("fn", {"embedded": {"organization": "Viamedis", "records_affected": 33000000}}),
        page("tn", {"embedded": None}),
    ]
    reports = {
        "tp": BreachReport(embedded_records=[
            record("json", organization="Other"),
            record("python_dict", organization="Star Health and Allied Insurance", records_affected=31000000,
                   data_categories=["medical", "personal"], date="2024-09"),
        ]),
        "fp": BreachReport(embedded_records=[record("lines")]),
    }
    rep = run(pages, reports)
    assert counts(rep, "embedded") == (1, 1, 1)
    assert acc(rep, "embedded.format") == (1, 1)
    assert acc(rep, "embedded.organization") == (1, 2)
    assert acc(rep, "embedded.records_affected") == (1, 2)
    assert acc(rep, "embedded.data_categories") == (1, 1)
    assert acc(rep, "embedded.date") == (0, 1)


def test_reconciliation_status():
    pages = [page("p", {"reconciliation": {"victim": "agree", "records_affected": "conflict", "date": "record_only"}})]
    report = BreachReport(reconciliation={
        "victim": FieldCheck(status="agree"),
        "records_affected": FieldCheck(status="agree", note="same count"),
    })
    rep = run(pages, {"p": report})
    assert acc(rep, "reconciliation") == (1, 3)
    assert acc(rep, "reconciliation.victim") == (1, 1)
    assert acc(rep, "reconciliation.records_affected") == (0, 1)
    assert acc(rep, "reconciliation.date") == (0, 1)
    assert rep.fields["reconciliation.date"].errors[0].predicted is None


def test_only_present_gold_keys_are_scored():
    rep = run([page("p", {"victims": [["Okta"]]})], {"p": BreachReport(victims=[org("Okta")], money=[money(1, "USD")])})
    assert set(rep.fields) == {"victims", "victim_top1"}


# ------------------------------------------------------------------ zero denominators


def test_zero_denominators_give_none_not_errors():
    rep = run([page("p", {"victims": [], "record_counts": [], "money": []})], {})
    for name in ("victims", "record_counts", "money"):
        f = rep.fields[name]
        assert (f.tp, f.fp, f.fn, f.precision, f.recall, f.f1) == (0, 0, 0, None, None, None), name
    assert prf(0, 0, 4) == (None, 0.0, 0.0)
    assert prf(0, 3, 0) == (0.0, None, 0.0)
    assert "victims" in rep.table()


# ------------------------------------------------------------------ bad input


def write_jsonl(path: Path, lines: list) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


BAD_GOLD = [
    ("malformed-json", ['{"id": "a", "text": "t", "gold": {}}', '{"id": "b", "text": '], "line 2: not valid JSON"),
    ("no-text", [{"id": "a", "gold": {}}], "line 1: the page has no 'text' string"),
    ("gold-not-object", [{"id": "a", "text": "t", "gold": []}], "line 1: 'gold' must be an object"),
    ("bad-count", [{"id": "a", "text": "t", "gold": {"records_affected": "many"}}], "line 1: records_affected must be"),
    ("bad-date", [{"id": "a", "text": "t", "gold": {"dates": [{"value": "March 2024"}]}}], "line 1: dates.value must be"),
    ("bad-published", [{"id": "a", "text": "t", "published": "yesterday", "gold": {}}], "line 1: published must be"),
    ("bad-victims", [{"id": "a", "text": "t", "gold": {"victims": [["Okta", 3]]}}], "line 1: victims items"),
]


@pytest.mark.parametrize("lines,message", [c[1:] for c in BAD_GOLD], ids=[c[0] for c in BAD_GOLD])
def test_malformed_gold_names_file_and_line(tmp_path, lines, message):
    path = write_jsonl(tmp_path / "gold.jsonl", lines)
    with pytest.raises(GoldFormatError) as exc:
        evaluate(path, predict=lambda p: BreachReport())
    assert str(path) in str(exc.value) and message in str(exc.value), str(exc.value)


@pytest.mark.parametrize("content", ["", "\n\n  \n"], ids=["empty", "blank-lines"])
def test_empty_gold_file_is_a_clear_error(tmp_path, content):
    path = tmp_path / "empty.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFormatError, match="no gold pages"):
        evaluate(path, predict=lambda p: BreachReport())


def test_empty_iterable_and_missing_path():
    with pytest.raises(GoldFormatError, match="no gold pages"):
        evaluate([], predict=lambda p: BreachReport())
    with pytest.raises(GoldFormatError, match="not found"):
        evaluate("/nonexistent/gold.jsonl")


def test_unknown_keys_are_reported(tmp_path):
    path = write_jsonl(tmp_path / "gold.jsonl", [
        {"id": "a", "text": "t", "gold": {"victims": [["Okta"]], "victim": ["typo"], "other_orgs": []}},
        {"id": "b", "text": "t", "lang": "en", "gold": {"victim": ["typo"]}},
    ])
    rep = evaluate(path, predict=lambda p: BreachReport())
    assert rep.unknown_keys == {"gold.victim": 2, "page.lang": 1}
    table = rep.table()
    assert "unknown key 'gold.victim' on 2 page(s)" in table
    assert rep.fields["victims"].pages == 1 and rep.pages == 2


def test_pages_counted_by_position_not_id():
    pages = [page("same", {"records_affected": 1}), page("same", {"records_affected": 2})]
    rep = run(pages, {})
    assert rep.fields["records_affected"].pages == 2
    assert any("repeat an earlier page id" in w for w in rep.warnings)


def test_limit_and_blank_lines(tmp_path):
    path = write_jsonl(tmp_path / "gold.jsonl", [page("a", {"victims": [["A"]]}), "", page("b", {"victims": [["B"]]})])
    assert evaluate(path, predict=lambda p: BreachReport()).pages == 2
    assert evaluate(path, predict=lambda p: BreachReport(), limit=1).pages == 1


# ------------------------------------------------------------------ report, CLI, bench


def test_report_json_round_trip_and_error_listing():
    rep = run([page("B01", {"victims": [["Marks & Spencer"]], "records_affected": 5})],
              {"B01": BreachReport(victims=[org("Harrods")])})
    again = EvaluationReport.model_validate_json(rep.model_dump_json())
    assert again == rep
    text = rep.table(errors=3)
    assert "Errors" in text and "B01" in text and '["Harrods"]' in text
    assert rep.summary()["victims"] == 0.0


def test_cli_evaluate_bad_line_exits_2(tmp_path, capsys):
    from breach_nlp.cli import main

    path = write_jsonl(tmp_path / "gold.jsonl", ['{"text": "x", "gold": {}}', "not json"])
    assert main(["evaluate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and str(path) in err


def test_cli_evaluate_runs_the_pipeline(tmp_path, capsys):
    from breach_nlp.cli import main

    text = "Equifax said hackers stole data of 147 million people in 2017."
    path = write_jsonl(tmp_path / "gold.jsonl", [page("eq", {"victims": [["Equifax"]], "records_affected": 147000000}, text)])
    assert main(["evaluate", str(path), "--errors", "2"]) == 0
    out = capsys.readouterr().out
    assert "victims" in out and "records_affected" in out
    assert main(["evaluate", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pages"] == 1 and "victims" in data["fields"]


def test_bench_reads_txt_folder_and_reports_ratio(tmp_path):
    from breach_nlp.evaluation.bench import bench, load_texts

    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Acme Corp said {i} million records were exposed.", encoding="utf-8")
    assert len(load_texts(tmp_path)) == 3
    res = bench(tmp_path, repeat=1)
    assert res["blank"]["docs"] == res["extract"]["docs"] == 3
    assert res["blank"]["words"] == 3 * 8
    assert res["ratio"] is not None and res["extract"]["peak_rss_mb"] > 0


def test_bench_empty_input_is_a_clear_error(tmp_path):
    from breach_nlp.evaluation.bench import load_texts

    with pytest.raises(GoldFormatError, match="no texts"):
        load_texts(tmp_path, "text")


# ------------------------------------------------------------------ DEV_PAGES (../shared)


def test_dev_pages_run_and_every_field_is_scored():
    path = shared_path("dev-pages", "pages.jsonl")
    rep = evaluate(path)
    assert rep.pages == 20 and rep.unknown_keys == {}
    expected = {
        "victims", "victim_top1", "victim_role_violations", "records_affected", "record_counts",
        "data_categories", "negated_data_categories", "negation_conflicts", "dates", "money",
        "embedded", "embedded.organization", "embedded.records_affected", "embedded.data_categories",
        "embedded.date", "reconciliation",
    }
    assert expected <= set(rep.fields), expected - set(rep.fields)


def test_values_outside_the_vocabulary_are_reported():
    gold = {"data_categories": ["persona"], "reconciliation": {"victim": "agreed"}, "dates": [{"value": "2024", "role": "breach"}]}
    rep = evaluate(page("p", gold), predict=lambda p: BreachReport())
    assert rep.unknown_keys == {"gold.data_categories=persona": 1, "gold.dates.role=breach": 1,
                                "gold.reconciliation.status=agreed": 1}
    assert any("unknown value 'gold.data_categories=persona'" in w for w in rep.warnings)


def test_bench_reads_pages_and_names_bad_lines(tmp_path):
    from breach_nlp.evaluation.bench import load_texts

    path = write_jsonl(tmp_path / "p.jsonl", [page("a", {}, "one two", published="2024-03-14T10:00:00Z"), page("b", {}, "three")])
    assert load_texts(path) == [("one two", "2024-03-14"), ("three", None)]
    assert load_texts(path, limit=1) == [("one two", "2024-03-14")]
    write_jsonl(path, [page("a", {}), "{oops"])
    with pytest.raises(GoldFormatError, match="line 2"):
        load_texts(path)


def test_matching_is_maximal_not_first_come():
    # BUGS_CAUGHT: greedy matching let the month '2025-05' take the day prediction that the
    # day gold needed, although the month one had its own match.
    gold = {"dates": [{"value": "2025-05", "role": "other", "text": "May"},
                      {"value": "2025-05-21", "role": "other", "text": "May 21"}]}
    report = BreachReport(dates=[date("2025-05-21", text="Wednesday"), date("2025-05", text="this month")])
    rep = run([page("p", gold)], {"p": report})
    assert counts(rep, "dates") == (2, 0, 0)


def test_evaluation_package_import_is_light():
    import subprocess
    import sys

    code = "import sys, breach_nlp.evaluation; print('breach_nlp.evaluation.scoring' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


# ------------------------------------------------------------------ fuzz: never raises, ratios in [0, 1]

_cat = st.sampled_from(["personal", "medical", "payment", "bank", "credentials"])
_iso = st.sampled_from(["2024", "2024-03", "2024-03-14", "2023-12", None])
_gold = st.fixed_dictionaries(
    {},
    optional={
        "victims": st.lists(st.lists(st.sampled_from(["Okta", "Equifax Inc.", "HSE", "", "The Co"]), max_size=3), max_size=3),
        "records_affected": st.one_of(st.none(), st.integers(0, 10**12)),
        "records_affected_approx": st.one_of(st.none(), st.integers(0, 10**12)),
        "record_counts": st.lists(st.integers(0, 10**9), max_size=4),
        "data_categories": st.lists(_cat, max_size=3),
        "data_categories_recall": st.lists(_cat, max_size=3),
        "negated_data_categories": st.lists(_cat, max_size=3),
        "dates": st.lists(st.fixed_dictionaries({"value": _iso, "role": st.just("other"), "text": st.text(max_size=5)}), max_size=3),
        "date_any": _iso,
        "money": st.lists(st.fixed_dictionaries({"amount": st.integers(0, 10**9), "currency": st.sampled_from(["USD", "EUR"])}), max_size=3),
        "embedded": st.one_of(st.none(), st.fixed_dictionaries({"organization": st.just("Okta"), "records_affected": st.integers(0, 9)})),
        "reconciliation": st.dictionaries(st.sampled_from(["victim", "date"]), st.sampled_from(["agree", "conflict"]), max_size=2),
    },
)
_report = st.builds(
    lambda n, vals, cats, dates: BreachReport(
        victims=[org(x) for x in n], record_counts=[count(v) for v in vals],
        data_types=[dtype(c, negated=i % 2 == 1) for i, c in enumerate(cats)],
        dates=[date(d) for d in dates], embedded_records=[record(organization="Okta")] if n else [],
    ),
    st.lists(st.sampled_from(["Okta", "Equifax", "HSE Ireland", "Co"]), max_size=3),
    st.lists(st.integers(0, 10**9), max_size=3),
    st.lists(_cat, max_size=3),
    st.lists(_iso, max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_gold, _report), min_size=1, max_size=4))
def test_fuzz_scores_are_ratios(cases):
    pages = [page(f"p{i}", g) for i, (g, _) in enumerate(cases)]
    reports = {f"p{i}": r for i, (_, r) in enumerate(cases)}
    rep = run(pages, reports)
    for name, f in rep.fields.items():
        for v in (f.precision, f.recall, f.f1, f.accuracy):
            assert v is None or 0.0 <= v <= 1.0, (name, f)
        assert f.tp + f.fn >= 0 and f.correct <= f.total
    assert rep.table(errors=2)
