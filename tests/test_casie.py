"""The CASIE reader (Satyapanich, Ferraro, Finin, AAAI 2020) and the span-level score, on a
small CASIE-format fixture written here; plus checks on ../shared/casie-dev when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from breach_nlp.errors import GoldFormatError
from breach_nlp.evaluation import evaluate
from breach_nlp.evaluation.casie import anchor, read_casie, victim_aliases
from breach_nlp.schema import BreachReport, DataType, DateMention, MoneyAmount, Organization, RecordCount

from .conftest import shared_path

TEXT = (
    "Acme Corp said hackers stole the names and passwords of 2.5 million customers in March 2018. "
    "The company paid $50,000 to thousands of users."
)


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def arg(role: str, typ: str, sub: str, shift: int = 0, text: str = TEXT) -> dict:
    s, e = span(text, sub)
    return {"startOffset": s + shift, "endOffset": e + shift, "role": {"type": role}, "type": typ, "text": sub}


def casie_doc(events: list[dict], content: str = TEXT, date: str = "2018_11_09") -> dict:
    return {"sourcefile": "x.txt", "info": {"title": "t", "date": date, "type": "text"}, "content": content,
            "cyberevent": {"hopper": [{"relation": "Same", "index": 0, "events": events}]}}


def breach(*args: dict) -> dict:
    return {"nugget": {"startOffset": 0, "endOffset": 1, "text": "A"}, "subtype": "Databreach", "type": "Attack",
            "realis": "Actual", "argument": list(args)}


def make_folder(root: Path, shift: int = 0) -> Path:
    ann = root / "annotation"
    ann.mkdir(parents=True)
    main = breach(
        arg("Victim", "Organization", "Acme Corp", shift),
        arg("Victim", "Organization", "The company", shift),  # generic: no victim
        arg("Victim", "Person", "customers", shift),
        arg("Number-of-Victim", "Number", "2.5 million", shift),
        arg("Number-of-Victim", "Number", "thousands", shift),  # vague: dropped
        arg("Compromised-Data", "PII", "names", shift),
        arg("Compromised-Data", "PII", "passwords", shift),
        arg("Time", "Time", "March 2018", shift),
        arg("Damage-Amount", "Money", "$50,000", shift),
        arg("Attacker", "Person", "hackers", shift),
    )
    (ann / "10.json").write_text(json.dumps(casie_doc([main])), encoding="utf-8")
    phishing = dict(breach(arg("Victim", "Organization", "Acme Corp")), subtype="Phishing")
    (ann / "2.json").write_text(json.dumps(casie_doc([phishing])), encoding="utf-8")
    return root


def test_reader_gold_from_databreach_arguments(tmp_path):
    warnings: list[str] = []
    pages = read_casie(make_folder(tmp_path), warnings=warnings)
    assert [p["id"] for p in pages] == ["casie:10"]  # 2.json has no Databreach event
    p = pages[0]
    assert p["published"] == "2018-11-09" and p["text"] == TEXT
    g = p["gold"]
    assert g["victims"] == [["Acme Corp"]]
    assert g["record_counts"] == [2500000]
    assert {"personal", "credentials"} <= set(g["data_categories"])
    roles = sorted({s["role"] for s in p["casie_spans"]})
    assert roles == ["Attacker", "Compromised-Data", "Damage-Amount", "Number-of-Victim", "Time", "Victim"]
    assert all(TEXT[s["start"]:s["end"]] == s["text"] for s in p["casie_spans"])
    assert "1 Databreach documents of 2 read" in warnings[0]


def test_reader_reanchors_shifted_offsets(tmp_path):
    # as in 16 of the dev files, every offset is one character late
    warnings: list[str] = []
    pages = read_casie(make_folder(tmp_path, shift=1), warnings=warnings)
    assert all(TEXT[s["start"]:s["end"]] == s["text"] for s in pages[0]["casie_spans"])
    assert "10 re-anchored" in warnings[0]


def test_span_level_and_field_scores_exact(tmp_path):
    folder = make_folder(tmp_path)
    s_acme, s_count, s_time, s_names = span(TEXT, "Acme Corp"), span(TEXT, "2.5 million"), span(TEXT, "March 2018"), span(TEXT, "names")
    report = BreachReport(
        victims=[Organization(name="Acme", role="victim", text="Acme", start=0, end=4)],  # overlaps "Acme Corp"
        record_counts=[RecordCount(value=2500000, unit="customers", text="2.5 million", start=s_count[0], end=s_count[1])],
        data_types=[
            DataType(type="name", category="personal", text="names", start=s_names[0], end=s_names[1]),
            DataType(type="email", category="personal", text="hackers", start=span(TEXT, "hackers")[0], end=span(TEXT, "hackers")[1]),
        ],
        dates=[DateMention(value="2018-03", role="incident", text="March 2018", start=s_time[0], end=s_time[1])],
        money=[MoneyAmount(amount=50, currency="USD", text="paid", start=span(TEXT, "paid")[0], end=span(TEXT, "paid")[1])],
    )
    assert TEXT[s_acme[0]:4] == "Acme"
    rep = evaluate(folder, predict=lambda p: report)
    assert rep.format == "casie" and rep.pages == 1
    sp = rep.spans
    assert (sp["Victim"].tp, sp["Victim"].tp_pred, sp["Victim"].fp, sp["Victim"].fn) == (1, 1, 0, 2)  # 'customers', 'The company' missed
    assert (sp["Victim:Organization"].tp, sp["Victim:Organization"].fn) == (1, 1)  # spans keep generic ones
    n = sp["Number-of-Victim/Number-of-Data"]
    assert (n.tp, n.fp, n.fn) == (1, 0, 1)  # 'thousands' is a span too
    c = sp["Compromised-Data"]
    assert (c.tp, c.tp_pred, c.fp, c.fn, c.precision, c.recall) == (1, 1, 1, 1, 0.5, 0.5)
    assert (sp["Time"].tp, sp["Time"].fp, sp["Time"].fn) == (1, 0, 0)
    assert (sp["Damage-Amount"].tp, sp["Damage-Amount"].fp, sp["Damage-Amount"].fn) == (0, 1, 1)
    f = rep.fields
    assert (f["victims"].tp, f["victims"].fp, f["victims"].fn) == (1, 0, 0)
    assert (f["record_counts"].tp, f["record_counts"].fp, f["record_counts"].fn) == (1, 0, 0)
    assert "CASIE span level" in rep.table()


# Victim texts from the CASIE dev annotations (type Organization).
CASIE_VICTIMS = [
    ("named", "Northrop Grumman", ["Northrop Grumman"]),
    ("leading-the-acronym", "the United States Postal Service (USPS)", ["United States Postal Service", "USPS"]),
    ("the-company", "the company", None),
    ("bare-company", "company", None),
    ("sentence-start-generic", "Hotel brands", None),
    ("generic-with-capital-start", "Defense subcontractor", None),
    ("possessive-place", "Washington D.C.’s police department", ["Washington D.C.’s police department"]),
    ("pronoun", "It", None),
    ("single-word", "Cathay", ["Cathay"]),
    ("unclosed-parenthesis", "United Way (unitedwayhn.on.ca", ["United Way"]),
    ("descriptor-before-name", "UK payday loan firm Wonga", ["UK payday loan firm Wonga", "Wonga"]),
    ("descriptor-before-multiword-name", "Italian company Hacking Team", ["Italian company Hacking Team", "Hacking Team"]),
    ("connector-not-descriptor", "Michael Jordan’s Steak House and Bar", ["Michael Jordan’s Steak House and Bar"]),
    ("of-not-descriptor", "Office of Personnel Management", ["Office of Personnel Management"]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASIE_VICTIMS], ids=[c[0] for c in CASIE_VICTIMS])
def test_victim_aliases(text, expected):
    assert victim_aliases(text) == expected, text


def test_anchor_rules():
    content = "xx Acme yy Acme"
    assert anchor(content, 3, 7, "Acme") == (3, 7)
    assert anchor(content, 4, 8, "Acme") == (3, 7)  # nearest occurrence
    assert anchor(content, 12, 16, "Acme") == (11, 15)
    assert anchor(content, 0, 4, "Zeta") is None


def test_bad_casie_input(tmp_path):
    ann = tmp_path / "annotation"
    ann.mkdir()
    with pytest.raises(GoldFormatError, match="no CASIE annotation files"):
        read_casie(tmp_path)
    (ann / "1.json").write_text('{"content": "x", ', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"1\.json, line 1"):
        read_casie(tmp_path)
    (ann / "1.json").write_text(json.dumps(casie_doc([])), encoding="utf-8")
    with pytest.raises(GoldFormatError, match="no CASIE document with a Databreach event"):
        read_casie(tmp_path)


# ------------------------------------------------------------------ CASIE dev (../shared)


def test_casie_dev_reader_offsets_hold():
    folder = shared_path("casie-dev")
    warnings: list[str] = []
    pages = read_casie(folder, warnings=warnings)
    assert len(pages) == 300
    for p in pages:
        for s in p["casie_spans"]:
            assert p["text"][s["start"]:s["end"]] == s["text"], (p["id"], s)
    assert sum("victims" in p["gold"] for p in pages) > 50
    assert "0 dropped" in warnings[0]


def test_victim_entries_group_aliases_and_appositives():
    from breach_nlp.evaluation.casie import _group_victims

    groups = _group_victims([["Zameen"], ["Pakistan’s real estate giant Zameen"], ["Cathay Pacific Airways"],
                             ["Cathay"], ["United States Postal Service", "USPS"], ["USPS"]])
    assert groups == [["Zameen", "Pakistan’s real estate giant Zameen"], ["Cathay Pacific Airways", "Cathay"],
                      ["United States Postal Service", "USPS"]]


def test_bench_reads_every_casie_document(tmp_path):
    from breach_nlp.evaluation.bench import load_texts

    assert load_texts(make_folder(tmp_path)) == [(TEXT, "2018-11-09"), (TEXT, "2018-11-09")]
