"""The taxonomy data file and ``taxonomy.categorize`` (used by the records and evaluation code)."""

from __future__ import annotations

import json
import re

import pytest

from breach_nlp import taxonomy
from breach_nlp.schema import CATEGORIES
from breach_nlp.settings import PATTERNS_DIR


@pytest.fixture(scope="module")
def tax():
    return json.loads((PATTERNS_DIR / "taxonomy.json").read_text(encoding="utf-8"))


def test_versioned_with_source(tax):
    assert re.fullmatch(r"\d+\.\d+\.\d+", tax["version"])
    assert tax["source"] and "VERIS" in tax["source"]


def test_every_entry_has_a_veris_category(tax):
    for t in tax["types"]:
        assert t["category"] in CATEGORIES, t["type"]
        assert t["forms"], t["type"]
        if "context" in t:
            assert t["context"]["category"] in CATEGORIES, t["type"]
            re.compile(t["context"]["pattern"])


def test_hundreds_of_forms_lower_case_and_unique(tax):
    seen: dict[str, str] = {}
    n = 0
    for t in tax["types"]:
        for f in t["forms"] + t.get("weak", []):
            n += 1
            assert f == f.lower() and f == f.strip(), f
            key = taxonomy.norm(f)
            assert seen.get(key, t["type"]) == t["type"], f"{f!r} in {seen.get(key)} and {t['type']}"
            seen[key] = t["type"]
    assert n >= 500
    types = [t["type"] for t in tax["types"]]
    assert len(types) == len(set(types))


def test_stop_forms_are_not_type_forms(tax):
    forms = {taxonomy.norm(f) for t in tax["types"] for f in t["forms"] + t.get("weak", [])}
    clash = [s for s in tax["stop"] if taxonomy.norm(s) in forms]
    assert not clash


def test_plurals():
    assert taxonomy.pluralize("date of birth") == "dates of birth"
    assert taxonomy.pluralize("diagnosis") == "diagnoses"
    assert taxonomy.pluralize("password") == "passwords"
    assert taxonomy.pluralize("passwords") == "passwords"


# Record strings seen in embedded records (dev pages, seed) and HIBP data-class names.
RECORDS = [
    ("Administrative data", ["personal"]),
    ("Medical records", ["medical"]),
    ("Names", ["personal"]),
    ("Email addresses", ["personal"]),
    ("Frequent flyer numbers", ["personal"]),
    ("USIM authentication keys", ["credentials"]),
    ("NTLM password hashes", ["credentials"]),
    ("Therapy notes, personal identity codes, contact details", ["medical", "personal"]),
    ("Employee email addresses; NTLM password hashes; Source code", ["personal", "credentials", "source_code"]),
    ("Bank details", ["bank"]),
    ("Medical data", ["medical"]),
    ("Patient contact details", ["personal"]),
    ("Staff information", ["personal"]),
    ("Medical reports", ["medical"]),
    ("Diagnoses", ["medical"]),
    ("IMSI", ["personal"]),
    ("Names; contact information; gender; dates of birth; driver's license numbers", ["personal"]),
    ("Sensitive administrative and medical data, including medical notes", ["personal", "medical"]),
]
HIBP = [
    ("Email addresses", ["personal"]),
    ("Passwords", ["credentials"]),
    ("Partial credit card data", ["payment"]),
    ("Government issued IDs", ["personal"]),
    ("Usernames", ["credentials"]),
    ("IP addresses", ["personal"]),
    ("Private messages", ["internal"]),
    ("Security questions and answers", ["credentials"]),
    ("Bank account numbers", ["bank"]),
    ("Income levels", ["bank"]),
    ("Cryptocurrency wallet addresses", ["virtual_currency"]),
    ("Purchases", ["payment"]),
    ("Auth tokens", ["credentials"]),
    ("Health insurance information", ["medical"]),
]
CASIE = [
    ("personally identifiable information (PII)", ["personal"]),
    ("protected health information (PHI)", ["medical"]),
    ("login credentials", ["credentials"]),
    ("credit card numbers", ["payment"]),
    ("intellectual property", ["secrets"]),
    ("classified information", ["classified"]),
    ("Windows and Unix hacking tools", ["source_code"]),
    ("critical system files", ["system"]),
    ("personal and financial information", ["personal", "bank"]),
    ("data", []),
    ("information", []),
    ("records", []),
    ("the details", []),
]
CASES = [(f"RECORDS-{i}", *c) for i, c in enumerate(RECORDS)] + \
        [(f"HIBP-{i}", *c) for i, c in enumerate(HIBP)] + \
        [(f"CASIE-{i}", *c) for i, c in enumerate(CASIE)]


@pytest.mark.parametrize("cid,phrase,cats", CASES, ids=[c[0] for c in CASES])
def test_categorize(cid, phrase, cats):
    assert taxonomy.categories(phrase) == cats, (phrase, taxonomy.categorize(phrase))


def test_categorize_pairs_and_order():
    assert taxonomy.categorize("Names, email addresses and NTLM password hashes") == [
        ("name", "personal"), ("email", "personal"), ("password", "credentials")]


@pytest.mark.parametrize("bad", [None, 3, b"names", "", "   "])
def test_categorize_tolerates_non_strings(bad):
    assert taxonomy.categorize(bad) == []
