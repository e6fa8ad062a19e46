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


# -- speed work, round 2: the lexicon scan without its lookbehind -----------------------------
#: The scan's boundary class admits every character beyond the BMP; after an astral word
#: character (which the IGNORECASE regex refuses) the text is scanned again with the
#: lookbehind form, since such a match could hide a later one ("addresses" below).
ASTRAL_EDGES = [
    ("astral-letter-glued", "\U0001d400email addresses"),
    ("astral-symbol-is-a-boundary", "\U0001f600email addresses"),
    ("astral-letter-mid-text", "x \U0001d400passwords and email addresses, \U0001f600names"),
    ("bmp-letter-glued", "éemail addresses and _passwords; ßnames, -phone numbers"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in ASTRAL_EDGES])
def test_lexicon_scan_equals_regex_at_non_ascii_boundaries(text):
    from breach_nlp.taxonomy import default_lexicon

    lex = default_lexicon()
    assert lex._spans(text, 0, len(text)) == [m.span() for m in lex.regex.finditer(text)]


def test_lexicon_scan_equals_regex_random_non_ascii():
    import random

    from breach_nlp.taxonomy import default_lexicon

    lex = default_lexicon()
    rng = random.Random(23)
    parts = ["email", "addresses", "passwords", "names", "phone numbers", "credit card", " ", ", ", "-", "_",
             "é", "ß", "\U0001d400", "\U0001f600", "\U00010000", "\u00a0", "’s", "data protection", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 16)))
        for a, b in ((0, len(text)), (min(2, len(text)), len(text))):
            assert lex._spans(text, a, b) == [m.span() for m in lex.regex.finditer(text, a, b)], (text, a, b)


def _plain_mentions(lex, text, accept_weak=False):
    """``Lexicon.mentions`` in its plain form (before the speed work): no memo of matched
    forms, a ``Mention`` for every scanned form, weak-form sweeps over every index."""
    from bisect import bisect_right

    from breach_nlp.taxonomy import _COORD_LEFT, _COORD_LEFT1, _LIST_GAP_AFTER, _LIST_GAP_BEFORE, Mention, norm

    end = len(text)
    raw = []
    for ms, me in lex._spans(text, 0, end):
        key = norm(text[ms:me])
        e = lex.index.get(key)
        if e is None:
            continue
        if lex.not_followed_by is not None and lex.not_followed_by.match(text, me, min(end, me + 40)):
            continue
        if e.count_noun and lex.count_before is not None:
            if key.rsplit(" ", 1)[-1] in e.count_noun and lex.count_before.search(text, max(0, ms - 60), ms):
                continue
        raw.append((ms, me, e))
    ms = [Mention(s, e, en.type, en.category, en.weak, en.context, en.generic) for s, e, en in raw]
    extra = []
    for m in ms:
        if m.weak:
            continue
        key = norm(text[m.start:m.end])
        if " " not in key:
            continue
        head = key.rsplit(" ", 1)[-1]
        right = m.start
        for _ in range(4):
            before = text[max(0, right - 8):right].lower()
            if "," not in before and " and" not in before and " or" not in before and "&" not in before:
                break
            found = None
            for rx in (_COORD_LEFT, _COORD_LEFT1):
                g = rx.search(text, max(0, right - 60), right)
                if not g:
                    continue
                e = lex.index.get(norm(g.group("x") + " " + head))
                if e is not None and not e.weak:
                    found = (g.start("x"), g.end("x"), e)
                    break
            if not found:
                break
            s, e_, en = found
            extra.append(Mention(s, e_, en.type, en.category, weak=False, context=en.context))
            right = s
    if extra:
        taken = sorted((x.start, x.end) for x in extra)
        starts = [a for a, _ in taken]
        ms = [m for m in ms if not (bisect_right(starts, m.end - 1) - 1 >= 0
                                    and taken[bisect_right(starts, m.end - 1) - 1][1] > m.start)] + extra
        ms.sort(key=lambda m: m.start)
    accepted = [not m.weak or (accept_weak and not m.generic) for m in ms]

    def ok_at(i):
        m = ms[i]
        if i > 0 and accepted[i - 1]:
            gap = text[ms[i - 1].end:m.start]
            if len(gap) <= 40 and _LIST_GAP_BEFORE.match(gap):
                return True
        if i + 1 < len(ms) and accepted[i + 1]:
            gap = text[m.end:ms[i + 1].start]
            if len(gap) <= 40 and _LIST_GAP_AFTER.match(gap) and _LIST_GAP_BEFORE.match(gap):
                return True
        return False

    changed = True
    while changed:
        changed = False
        for order in (range(len(ms)), range(len(ms) - 1, -1, -1)):
            for i in order:
                if not accepted[i] and ok_at(i):
                    accepted[i] = changed = True
    return [m for m, a in zip(ms, accepted) if a]


#: Real wording (CASIE / dev pages) with weak forms in and out of lists, elided heads, stop forms.
MENTION_SENTENCES = [
    ("CASIE-list-chain", "The hackers stole names, email addresses, phone numbers and passwords."),
    ("CASIE-weak-alone", "Send us an email with your name if you have questions about the data protection act."),
    ("DEV-elided-heads", "Attackers accessed administrative and medical data, email, IP and physical addresses."),
    ("DEV-count-noun", "More than 3 million records and 40,000 files were exposed, including documents and messages."),
    # a form then a not_followed_by word through each kind of separator (the whitespace shortcut)
    ("NFB-space", "passwords protection and email addresses act"),
    ("NFB-nbsp-newline", "passwords\u00a0protection, email addresses\nact, names\u2003law"),
    ("NFB-punctuation", "passwords,protection; email addresses-act (names)law"),
    ("NFB-end", "email addresses"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in MENTION_SENTENCES])
@pytest.mark.parametrize("accept_weak", [False, True])
def test_mentions_equal_plain_form(text, accept_weak):
    from breach_nlp.taxonomy import default_lexicon

    lex = default_lexicon()
    for _ in range(2):  # cold, then with the memo of matched forms filled
        assert lex.mentions(text, accept_weak=accept_weak) == _plain_mentions(lex, text, accept_weak)


def test_mentions_equal_plain_form_random_lists():
    import random

    from breach_nlp.taxonomy import default_lexicon

    lex = default_lexicon()
    rng = random.Random(7)
    parts = ["email", "emails", "name", "names", "files", "documents", "messages", "passwords", "email addresses",
             "IP", "physical addresses", "medical data", "administrative", "credit card numbers", "data protection",
             ", ", " and ", " or ", " & ", " as well as ", " the ", " of ", " 3 million ", ". ", " were stolen ",
             " ", "-", "patients' ", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 14)))
        for aw in (False, True):
            assert lex.mentions(text, accept_weak=aw) == _plain_mentions(lex, text, aw), (text, aw)


@pytest.mark.parametrize("pattern, opens", [
    (r"\s{1,3}(?:protection|act)\b", True), (r"\s+x", True), (r"\sa", True),
    (r"\s{1,3}a|b", False), (r"\s?a", False), (r"x\s", False), (r"\S{1,3}x", False), (r"[\s,]{1,3}x", False),
])
def test_opens_with_space(pattern, opens):
    """The shortcut before ``not_followed_by`` is taken only when every match opens with whitespace."""
    assert taxonomy._opens_with_space(re.compile(pattern, re.IGNORECASE)) is opens
