"""breach_data_types: data types in prose, mapped to VERIS categories, negated and hedged.

Case tables are named by origin; sentences are quoted (short) from the source named.
Each case: (text, exposed categories expected, negated categories expected).
"""

from __future__ import annotations

import json
import time

import pytest

from breach_nlp.schema import CATEGORIES, DataType

from .conftest import partial_pipeline, shared_path


@pytest.fixture(scope="module")
def nlp():
    return partial_pipeline("breach_data_types")


def run(nlp, text):
    doc = nlp(text)
    dts = doc._.breach_data_types
    for d in dts:
        DataType(**d)  # schema-valid
        assert text[d["start"]:d["end"]] == d["text"], (text, d)
    return dts


def exposed(dts):
    return {d["category"] for d in dts if not d["negated"]}


def negated(dts):
    return {d["category"] for d in dts if d["negated"]} - exposed(dts)


Case = tuple[str, set, set]

SEED: list[Case] = [
    ("France’s health ministry confirmed on Friday that hackers accessed sensitive administrative and "
     "medical data belonging to over 15 million individuals.", {"personal", "medical"}, set()),
    ("The breach exposed personal details, including medical notes, though the ministry did not specify "
     "the exact timeline of the attack.", {"personal", "medical"}, set()),
    ("Massive Data Breach Exposes Medical Records of 15 Million in France", {"medical"}, set()),
    ("France’s health ministry: Hackers Steal Medical Details Of 15 Million In France", {"medical"}, set()),
    ("The incident follows a separate cyberattack disclosed earlier in the week, in which 1.2 million "
     "French bank accounts were compromised.", set(), set()),
    ("Authorities are investigating the scope and potential impact of the stolen data, which could include "
     "vulnerabilities for identity theft, fraud, or targeted phishing schemes.", set(), set()),
]

DEV_PAGES: list[Case] = [
    ("M&S said on May 13 that the stolen information could include names, email addresses, postal addresses, "
     "phone numbers and dates of birth. It said the data did not include usable card or payment details, or "
     "account passwords, and that there was no evidence the information had been shared.",
     {"personal"}, {"payment", "credentials"}),
    ("The stolen data included members' names, home addresses and contact details such as phone numbers and "
     "email addresses. The Co-op said passwords, bank or credit card details and information about members' "
     "transactions were not taken.", {"personal"}, {"credentials", "bank", "payment"}),
    ("It said the system did not hold credit card details, personal financial information or passport details, "
     "and that no frequent flyer passwords, PINs or login details were compromised.",
     set(), {"payment", "bank", "personal", "credentials"}),
    ("The exposed records contain surnames and first names, dates of birth, social security numbers, France "
     "Travail identifiers, email and postal addresses and phone numbers. France Travail said passwords and "
     "bank details were not affected.", {"personal"}, {"credentials", "bank"}),
    ("The two companies state that banking details, medical data, health reimbursement information, postal "
     "addresses, telephone numbers and email addresses were not affected.", set(), {"bank", "medical", "personal"}),
    ("Material reviewed by journalists reportedly includes patient names, dates of birth, NHS numbers and "
     "descriptions of blood tests, as well as internal business spreadsheets.",
     {"personal", "medical", "internal"}, set()),
    ("Nvidia said on Tuesday that a threat actor had taken employee credentials and some internal company "
     "information from its systems.", {"credentials", "internal"}, set()),
    ("The extortion group Lapsus$ has claimed it stole about 1TB of data, including source code for Nvidia's "
     "graphics drivers.", {"source_code"}, set()),
    ("MGM said it did not believe customer passwords, bank account numbers or payment card information were "
     "affected.", set(), {"credentials", "bank", "payment"}),
    ("Caesars Entertainment paid roughly $15 million after hackers copied its loyalty program database, "
     "including driver's license and Social Security numbers for a significant number of members.",
     {"personal"}, set()),
    ("Passwords, security questions and PINs were not compromised, Desjardins said.", set(), {"credentials"}),
    ("The airline said CVV and CVC numbers were not held by its data processor, and that passwords were not "
     "affected.", set(), {"payment", "credentials"}),
    ("Coinbase said the attackers did not obtain passwords, two-factor authentication codes or private keys, "
     "and could not move customer funds from the cryptocurrency exchange.",
     set(), {"credentials", "virtual_currency"}),
    ("The stolen information includes masked bank account numbers; account balance snapshots and transaction "
     "histories; and some internal corporate documents and training material.", {"bank", "internal"}, set()),
    ("Telehealth company Cerebral had shared personal and health information of about 3.18 million people.",
     {"personal", "medical"}, set()),
    ("Investigators found that mobile phone numbers, subscriber identity numbers (IMSI) and the USIM "
     "authentication keys had been leaked.", {"personal", "credentials"}, set()),
    ("South Korea's Personal Information Protection Commission (PIPC) on Thursday fined SK Telecom.", set(), set()),
    ("It held records on about 33,000 patients, including names, addresses, personal identity codes and "
     "detailed notes written by therapists during sessions.", {"personal", "medical"}, set()),
    ("The hackers downloaded a report containing the names and email addresses of all users; some files "
     "contained session tokens that could be used to hijack customer sessions.", {"personal", "credentials"}, set()),
]

HHS: list[Case] = [
    ("The PHI involved included names, diagnoses, lab results, and other treatment information.", {"personal", "medical"}, set()),
    ("The covered entity (CE) reported that an employee sent an email containing the protected health "
     "information (PHI) of 1,348 individuals to an unintended recipient.", {"medical"}, set()),
    ("The letters disclosed the names, appointment times and, in some cases, appointment types, of "
     "approximately 1,669 patients.", {"personal", "medical"}, set()),
    ("Upon investigation, the CE determined that no protected health information was exported or breached.",
     set(), {"medical"}),
    ("The covered entity (CE) reported that an employee mailed postcards containing the Social Security "
     "numbers of 1,907 individuals.", {"personal", "medical"}, set()),
    ("The incident affected over 1 million individuals’ demographic, clinical, and/or financial information.",
     {"personal", "medical", "bank"}, set()),
]

HIBP: list[Case] = [
    ("The breach included email, IP and physical addresses, names, phone numbers and passwords stored as MD5 "
     "hashes.", {"personal", "credentials"}, set()),
    ("The impacted data included passwords in various hashed formats, as well as usernames, private messages, "
     "dates of birth, purchases and 192k unique email addresses.", {"personal", "credentials", "internal", "payment"}, set()),
    ("The data included almost 5 million email addresses, names, the first 6 and last 4 digits and the expiry "
     "date of credit cards, purchase histories and password hashes.", {"personal", "payment", "credentials"}, set()),
    ("The data included 1.3M unique email addresses, usernames, bcrypt password hashes and cryptocurrency "
     "wallet addresses.", {"personal", "credentials", "virtual_currency"}, set()),
    ("The breach exposed extensive personal information including names, family makeup, information on "
     "spouses, income and expenses, religions and employment information.", {"personal", "bank"}, set()),
]

CASIE: list[Case] = [
    ("In the FAQs Radisson stresses that credit card data was not exposed by the breach, nor were members’ "
     "passwords or travel histories / future stays.", set(), {"payment", "credentials", "personal"}),
    ("Stefanek said patient care was never compromised, nor were hospital records.", set(), {"medical"}),
    ("We deliberately never store any payment details or bank card information, so there is no possibility "
     "of those being compromised.", set(), {"payment"}),
    ("The hack did not affect student and staff records but the entire school network was taken offline.",
     set(), {"personal"}),
    ("West Haven officials said Thursday they paid the money to anonymous attackers through the digital "
     "currency Bitcoin.", set(), set()),
]

# Advice and instructions are not disclosures (dev pages B05, B06; CASIE).
ADVICE: list[Case] = [
    ("The agency stresses that it will never ask for a password or bank details by email, text message or phone.", set(), set()),
    ("Never give out passwords or bank details in response to an unsolicited message.", set(), set()),
    ("Be vigilant about any request for personal information, particularly by email or phone.", set(), set()),
    ("Regularly change your passwords on other online services, if you re-use the same password.", set(), set()),
    ("Customers should reset their passwords and monitor their credit card statements.", set(), set()),
    ("Advisers have been asked to remind jobseekers that identity thieves may use the stolen details, for "
     "example by quoting a person's identifier or date of birth.", set(), set()),
    ("Users were urged to change their passwords after hackers stole names and email addresses.", set(), set()),
]

# Each negation form of the issue, one sentence each.
NEGATION: list[Case] = [
    ("The stolen data did not include Social Security numbers.", set(), {"personal"}),
    ("No Social Security numbers or financial information were accessed.", set(), {"personal", "bank"}),
    ("Payment card data was not affected.", set(), {"payment"}),
    ("Customer passwords were not taken.", set(), {"credentials"}),
    ("There is no evidence that medical records were accessed.", set(), {"medical"}),
    ("The attackers did not obtain passwords.", set(), {"credentials"}),
    ("CVV numbers were not held by the processor.", set(), {"payment"}),
    ("The company said sensitive customer data remained secure.", set(), {"personal"}),
    ("Neither credit card numbers nor passwords were exposed.", set(), {"payment", "credentials"}),
    ("Names and addresses were taken, but not Social Security numbers.", {"personal"}, set()),
    ("Names were stolen; passwords weren't accessed.", {"personal"}, {"credentials"}),
    ("Names and phone numbers were exposed, but Social Security numbers and payment card data were not.",
     {"personal"}, {"payment"}),
    ("Although passwords were not exposed, email addresses were.", {"personal"}, {"credentials"}),
    ("The exposed data does not contain passwords but does include usernames and email addresses.",
     {"credentials", "personal"}, set()),
    ("The vulnerability could be exploited without a password.", set(), {"credentials"}),
    ("None of the passwords were taken.", set(), {"credentials"}),
    # "neither" far from any data type negates nothing (HHS)
    ("Neither entity had conducted a risk analysis of all systems that access ePHI.", {"medical"}, set()),
    # misuse is not exposure: the data stays exposed
    ("The company said it has no evidence that any personal information has been misused.", {"personal"}, set()),
]

HEDGE: list[tuple[str, set]] = [
    ("The stolen information could include names and email addresses.", {"name", "email"}),
    ("Hackers may have accessed patient records.", {"medical_record"}),
    ("The data potentially includes Social Security numbers.", {"ssn"}),
    ("Attackers may have been able to view credit card numbers.", {"payment_card"}),
    ("The records reportedly include dates of birth.", {"date_of_birth"}),
]

BUGS_CAUGHT: list[Case] = [
    # "last four digits" of an SSN is not card data (dev page B19)
    ("masked Social Security numbers showing only the last four digits; masked bank account numbers",
     {"personal", "bank"}, set()),
    # "people with disabilities" is not a diagnosis (dev page B05)
    ("Cap emploi is a network of organisations that help people with disabilities find work.", set(), set()),
    # a verb, and a word in a name: not data
    ("The indictment names two FSB agents.", set(), set()),
    ("Hong Kong's Privacy Commissioner for Personal Data has launched an investigation.", set(), set()),
    # cryptocurrency mining is not virtual currency data (dev page B08)
    ("Hackers demanded that Nvidia remove a limiter that restricts cryptocurrency mining.", set(), set()),
    # an imperative sentence that is not the first of the text (CASIE 10002)
    ("Names were stolen. Avoid opening attachments from unknown senders. Regularly change your passwords on "
     "other online services, if you re-use the same password.", {"personal"}, set()),
    # a company name that starts like an imperative is not advice
    ("Change Healthcare said the stolen data included names and medical records.", {"personal", "medical"}, set()),
    # a sentence about how the attack works, not what was taken (CASIE 1074)
    ("The vulnerabilities would allow an attacker to take full control of the platform remotely, without the "
     "need of a username and password.", set(), {"credentials"}),
    # HIPAA: a covered entity's data about individuals is PHI (HHS)
    ("The covered entity (CE) reported that its business associate sent e-mails to the wrong addresses. The "
     "e-mails included the first and last names of 10,700 individuals.", {"personal", "medical"}, set()),
    # without HIPAA wording or patients, names are only personal
    ("The retailer said the e-mails included the first and last names of 10,700 customers.", {"personal"}, set()),
    ("An employee exposed the email addresses of all patients involved.", {"personal", "medical"}, set()),
    # "2 forms and" before a bank form is not a count of accounts; only "accounts" is a count unit
    ("The leak included payroll data, W-2 forms and direct deposit information.", {"personal", "bank"}, set()),
    # a Medicare card is health insurance, not a payment card
    ("No Medicare card numbers were taken, the company said.", set(), {"medical"}),
]

ALL = [(f"{name}-{i}", *c) for name, table in
       (("SEED", SEED), ("DEV_PAGES", DEV_PAGES), ("HHS", HHS), ("HIBP", HIBP), ("CASIE", CASIE),
        ("ADVICE", ADVICE), ("NEGATION", NEGATION), ("BUGS_CAUGHT", BUGS_CAUGHT))
       for i, c in enumerate(table)]


@pytest.mark.parametrize("cid,text,exp,neg", ALL, ids=[a[0] for a in ALL])
def test_categories(nlp, cid, text, exp, neg):
    dts = run(nlp, text)
    got = (exposed(dts), negated(dts))
    assert got == (exp, neg), f"{text!r}: {[(d['text'], d['category'], d['negated']) for d in dts]}"


@pytest.mark.parametrize("text,types", HEDGE, ids=[f"HEDGE-{i}" for i in range(len(HEDGE))])
def test_hedge(nlp, text, types):
    dts = run(nlp, text)
    assert {d["type"] for d in dts} >= types, (text, dts)
    for d in dts:
        assert d["hedged"] and not d["negated"], (text, d)


@pytest.mark.parametrize("text", [
    "The breach exposed names and email addresses.",
    "In May 2019, the data included names and passwords.",  # the month, not the modal (HIBP)
    "They took names, and in some cases Social Security numbers.",
])
def test_not_hedged_plain_statement(nlp, text):
    dts = run(nlp, text)
    assert dts and not any(d["hedged"] or d["negated"] for d in dts), (text, dts)


def test_list_split_each_type_once_with_offsets(nlp):
    text = ("They took names, addresses, dates of birth, and in some cases Social Security numbers and "
            "driver’s license numbers.")
    dts = run(nlp, text)
    assert [d["type"] for d in dts] == ["name", "address", "date_of_birth", "ssn", "drivers_license"], dts
    assert [d["text"] for d in dts] == ["names", "addresses", "dates of birth", "Social Security numbers",
                                        "driver’s license numbers"]


def test_elided_heads(nlp):
    dts = run(nlp, "The breach included email, IP and physical addresses.")
    assert [(d["text"], d["type"]) for d in dts] == [("email", "email"), ("IP", "ip_address"),
                                                     ("physical addresses", "address")]
    dts = run(nlp, "hackers accessed sensitive administrative and medical data")
    assert [(d["text"], d["type"]) for d in dts] == [("administrative", "administrative"),
                                                     ("medical data", "medical_record")]


def test_generic_words_alone_are_not_types(nlp):
    assert run(nlp, "The data, information, details and records were stolen.") == []
    assert exposed(run(nlp, "Patient records were stolen.")) == {"medical"}
    assert exposed(run(nlp, "Customer records were stolen.")) == {"personal"}


def test_weak_forms_need_a_list(nlp):
    assert run(nlp, "The hackers sent an email to staff.") == []
    assert exposed(run(nlp, "The dump held names, email and passwords.")) == {"personal", "credentials"}


def test_private_keys_category_depends_on_context(nlp):
    crypto = run(nlp, "The cryptocurrency wallet service said private keys were stolen.")
    assert {d["category"] for d in crypto if d["type"] == "private_key"} == {"virtual_currency"}
    tls = run(nlp, "The web host said TLS private keys were stolen.")
    assert {d["category"] for d in tls if d["type"] == "private_key"} == {"credentials"}


def test_skip_regions_ignored(nlp, seed_text):
    dts = run(nlp, seed_text)
    boiler = seed_text.index("Great! Next, complete checkout")
    record = seed_text.index('"id": "FRE1772224282"')
    assert all(d["start"] < record for d in dts), [d for d in dts if d["start"] >= record]
    assert all(d["start"] < boiler for d in dts)
    assert exposed(dts) == {"medical", "personal"} and negated(dts) == set()


def test_seed_through_extract(seed_text):
    import breach_nlp

    report = breach_nlp.extract(seed_text)
    assert {"medical", "personal"} <= set(report.data_categories)
    assert not any(d.negated for d in report.data_types)


def test_categories_are_veris(nlp):
    text = " ".join(c[0] for c in DEV_PAGES + HIBP + HHS)
    for d in run(nlp, text):
        assert d["category"] in CATEGORIES


@pytest.mark.parametrize("text", ["", " ", "\x00\ud7ff", "names, " * 20000, "a" * 200000,
                                  "no " * 30000 + "passwords", "(a) " * 5000 + "email addresses", "é" * 1000,
                                  "email, IP and physical addresses, " * 5000, "email, " * 20000 + "names",
                                  "names were not affected, " * 10000])
def test_weird_input_fast_and_safe(nlp, text):
    t0 = time.perf_counter()
    run(nlp, text)
    assert time.perf_counter() - t0 < 5.0


def test_dev_pages_no_negated_category_exposed(nlp):
    path = shared_path("dev-pages", "pages.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        gold = page["gold"]
        dts = run(nlp, page["text"])
        gold_neg = set(gold.get("negated_data_categories", []))
        assert not (exposed(dts) & gold_neg), (page["id"], exposed(dts) & gold_neg)


def test_serialization_round_trip(nlp):
    from breach_nlp.components.datatypes import DataTypes

    comp = nlp.get_pipe("breach_data_types")
    fresh = DataTypes(nlp, "breach_data_types").from_bytes(comp.to_bytes())
    text = DEV_PAGES[0][0]
    doc = nlp(text)
    before = doc._.breach_data_types
    doc._.breach_data_types = None
    assert fresh(doc)._.breach_data_types == before


# -- speed work (issue 9): verdicts at the edges the faster code paths touch -----------------
# Constructed sentences (not from the data), each pinned to the exact (text, type, negated,
# hedged) list the implementation gave before the speed changes: a form that spans clause
# boundaries ("(PII)"), cues in clauses without a mention (skipped now), hedge cues split
# between the lower-cased page and the page itself ("may" vs "May").
SPEED_EDGES = [
    ("No personally identifiable information (PII) or passwords were taken.",
     [("personally identifiable information (PII)", "personal_info", False, False),
      ("passwords", "password", False, False)]),
    ("The attackers did not obtain names; however, email addresses (and passwords) may have been accessed.",
     [("names", "name", True, False), ("email addresses", "email", False, False),
      ("passwords", "password", False, False)]),
    ("Social Security numbers were not affected - but names may have been stolen; credit card numbers were not.",
     [("Social Security numbers", "ssn", True, False), ("names", "name", False, True),
      ("credit card numbers", "payment_card", True, False)]),
    ("In May, customer names and email addresses were exposed.",
     [("customer names", "name", False, False), ("email addresses", "email", False, False)]),
    ("Customer names May have been exposed, and passwords could be at risk.",
     [("Customer names", "name", False, True), ("passwords", "password", False, True)]),
    ("Names, addresses (but not Social Security numbers) were stolen.",
     [("Names", "name", False, False), ("addresses", "address", False, False),
      ("Social Security numbers", "ssn", False, False)]),
]


@pytest.mark.parametrize("text,expected", SPEED_EDGES, ids=[f"SPEED_EDGES-{i}" for i in range(len(SPEED_EDGES))])
def test_speed_edges_verdicts_unchanged(nlp, text, expected):
    dts = run(nlp, text)
    assert [(d["text"], d["type"], d["negated"], d["hedged"]) for d in dts] == expected


def test_cue_regexes_are_gated_and_find_the_same_matches(nlp):
    """The cue regexes sit behind first-letter gates (regexgate.gated): same matches."""
    import re

    from breach_nlp.regexgate import gated
    from breach_nlp.textspans import lowered_regex

    comp = nlp.get_pipe("breach_data_types")
    cues = comp.data["datatypes_cues.json"]
    text = ("we did not obtain names; however, they were not affected - but you should never share passwords, "
            "and no evidence that the data was accessed, nor any card numbers, remain secure, may have been")
    for key in ("negation_forward", "negation_backward", "advice", "clause_boundaries"):
        rx = lowered_regex(re.compile("|".join(f"(?:{p})" for p in cues[key]), re.IGNORECASE))
        g = gated(rx)
        assert g.pattern.startswith("(?=") and g.pattern != rx.pattern
        assert [m.span() for m in g.finditer(text)] == [m.span() for m in rx.finditer(text)], key


# -- speed work, round 2: cue regexes searched at word starts only ---------------------------
#: Real wording (SEED / HHS / CASIE-style, short snippets) plus the word-start edges: a
#: non-ASCII letter, '_', a hyphen or an astral letter glued before a cue.
CUE_SPEED_SENTENCES = [
    "No credit card data was affected, and the company said passwords were not stolen.",
    "Customers should never give out passwords; the bank will never ask for PINs by email.",
    "There is no evidence that the data has been misused, though names may have been accessed.",
    "The attackers did not obtain Social Security numbers, except for a few patients' addresses.",
    "Patients' names and dates of birth of some patients were potentially exposed, HIPAA says.",
    "remained secure - é-not affected, x_never shared, \U0001d400should, -may have, _no passwords",
]


def test_word_start_cue_regexes_find_the_same_matches(nlp):
    """Each cue regex behind regexgate.WordStartRegex finds exactly its own matches (windows
    with pos/endpos as _judge and _medical_context use them, on the lower-cased text)."""
    import random

    from breach_nlp.regexgate import WordStartRegex

    comp = nlp.get_pipe("breach_data_types")
    comp.ensure()
    R = comp.cues_low
    assert R is not None
    wrapped = [(k, getattr(R, k)) for k in ("neg_fwd", "neg_no", "neg_bwd", "neg_evidence", "ev_misuse",
                                            "ev_exposure", "advice", "med_before")] + [("hedge_low", comp.hedge_low)]
    assert all(isinstance(ws, WordStartRegex) and ws.scan is not None for _k, ws in wrapped)
    rng = random.Random(17)
    words = [w for s in CUE_SPEED_SENTENCES for w in s.lower().split()] + [
        " ", "-", "_", "é", "\U0001d400", "\U0001f600", ";", ",", "\n", "n't", "may", "not"]
    texts = [s.lower() for s in CUE_SPEED_SENTENCES]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(0, 30))) for _ in range(600)]
    texts += ["".join(rng.choice(words) for _ in range(rng.randint(0, 20))) for _ in range(300)]
    for text in texts:
        sp = " " + text
        for key, ws in wrapped:
            rx = ws.rx
            for a, b in ((0, len(text)), (3, max(3, len(text) - 5)), (max(0, len(text) // 2 - 40), len(text) // 2)):
                assert ([h.span() for h in ws.finditer(text, a, b, sp)]
                        == [m.span() for m in rx.finditer(text, a, b)]), (key, text, a, b)
                x, y = ws.search(text, a, b, sp), rx.search(text, a, b)
                assert (x and x.span()) == (y and y.span()), (key, text, a, b)


#: Clause boundaries in real wording (CASIE / dev pages) and their edge cases: a punctuation
#: boundary that swallows a word one (", and that"), dashes, "but" inside a word.
BOUNDARY_TEXTS = [
    ("CASIE-said-that", "The company said that no payment data was taken; names, however, were exposed."),
    ("CASIE-and-that", "Hackers stole emails, and that could include passwords (hashed) - but not cards."),
    ("DEV-which", "The files, which held SSNs, were copied \u2014 the firm stated on Monday that it is unclear."),
    ("EDGE-glued", "abut but; x \u2013 y , and they , and said: yet whereas although"),
]


def test_boundary_split_equals_the_alternation(nlp):
    """DataTypes._boundary_ends (punctuation and word halves, merged) ends where the whole
    clause-boundary alternation's matches end, for every window, and on random lists."""
    import random

    dt = nlp.get_pipe("breach_data_types")
    dt.ensure()
    assert dt.bound_split is not None
    R = dt.cues_low
    rng = random.Random(5)
    parts = [";", ":", "(", ")", "\u2014", " \u2013 ", " - ", ", and that", ", and it", ", which", " but ", "but",
             " however", "and said", "said that", " said the ", "x", " ", "  ", "-", ",", " and ",
             "stated on monday that", "told reporters", "whereas", "yet", "abut"]
    texts = [t for _i, t in BOUNDARY_TEXTS] + ["".join(rng.choice(parts) for _ in range(rng.randint(0, 25)))
                                                for _ in range(2000)]
    for text in texts:
        low = text.lower()
        for s0 in range(0, len(low) + 1, 5):
            for s1 in (len(low), min(len(low), s0 + 40)):
                want = [b.end() for b in R.boundary.finditer(low, s0, s1)]
                assert dt._boundary_ends(low, R, s0, s1, " " + low) == want, (low, s0, s1)
