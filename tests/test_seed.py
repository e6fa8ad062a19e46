"""The seed page (examples/france-health-ministry.txt, the page this project was founded on)
must come out exactly as the Foundation issue says: a golden test."""

from __future__ import annotations

import pytest

import breach_nlp

from .conftest import check_offsets

BOILERPLATE_START = "Great! Next, complete checkout"


@pytest.fixture(scope="module")
def report(seed_text):
    return breach_nlp.extract(seed_text)


@pytest.fixture(scope="module")
def report_published(seed_text):
    return breach_nlp.extract(seed_text, published="2026-02-27")


def test_victim_is_the_health_ministry_only(report):
    assert [v.name.lower() for v in report.victims] == ["france’s health ministry"]
    assert report.victims[0].role == "victim"


def test_records_affected(report):
    ra = report.records_affected
    assert ra is not None
    assert (ra.value, ra.qualifier, ra.main) == (15_000_000, "over", True)


def test_separate_bank_account_attack_is_kept_but_not_main(report):
    other = [c for c in report.record_counts if c.value == 1_200_000]
    assert len(other) == 1 and other[0].main is False
    assert report.records_affected.value != 1_200_000


def test_data_types(report):
    cats = {d.category for d in report.data_types}
    assert {"medical", "personal"} <= cats
    assert not any(d.negated for d in report.data_types)


def test_nothing_from_boilerplate_or_records(seed_text, report):
    cut = seed_text.index(BOILERPLATE_START)
    record_start = seed_text.index('"id": "FRE1772224282"')
    for group in (report.organizations, report.record_counts, report.data_types, report.dates, report.money):
        for m in group:
            assert m.end <= record_start, m
    assert all(r.end <= cut + 1 for r in report.embedded_records)


def test_embedded_records(seed_text, report):
    formats = [r.format for r in report.embedded_records]
    assert formats == ["key_value", "python_dict"]
    kv, pyd = report.embedded_records
    assert kv.raw["id"] == "FRE1772224282"
    assert kv.fields["date"] == "2026-02"
    assert pyd.fields["organization"] == "France’s Health Ministry"
    assert pyd.fields["records_affected"] == 15_000_000
    assert "medical" in pyd.fields["data_categories"]


def test_reconciliation_without_published(report):
    rec = report.reconciliation
    assert rec["victim"].status == "agree"
    assert rec["records_affected"].status == "agree"
    assert rec["data_categories"].status == "agree"
    assert rec["date"].status == "record_only"
    assert rec["date"].value == "2026-02"


def test_friday_resolves_with_published(report, report_published):
    friday = [d for d in report.dates if d.text.endswith("Friday")]
    assert friday and friday[0].value is None
    friday = [d for d in report_published.dates if d.text.endswith("Friday")]
    assert friday[0].value == "2026-02-27"
    assert report_published.reconciliation["date"].status == "agree"


def test_offsets_and_no_warnings(seed_text, report, report_published):
    check_offsets(seed_text, report)
    check_offsets(seed_text, report_published)
    assert report.warnings == []
