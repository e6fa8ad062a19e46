"""breach_orgs: organizations, roles and victims. Case tables by origin, quoting short
snippets of the dev data (real sentences); nothing here needs ../shared except the
measured-figure checks at the end, which skip without it."""

from __future__ import annotations

import json
import time

import pytest
import spacy

from breach_nlp.api import make_doc
from breach_nlp.evaluation.scoring import match_items, org_matches
from breach_nlp.orgnames import same_org
from breach_nlp.pipeline import build

from .conftest import check_offsets, dev_pages, shared_path


@pytest.fixture(scope="module")
def nlp():
    """The pipeline built from the package sources (independent of a stale models/)."""
    return build()


def run(nlp, text: str):
    doc = nlp(make_doc(nlp, text))
    return doc._.breach_victims, doc._.breach_orgs


def role_of(orgs, name: str) -> str | None:
    for o in orgs:  # an exact name first ("HHS" the regulator, not Harbor Health Services)
        if o["name"] == name or name in o["aliases"]:
            return o["role"]
    for o in orgs:
        if same_org(o["name"], name) or any(same_org(a, name) for a in o["aliases"]):
            return o["role"]
    return None


# --------------------------------------------------------------------------- victims
# (id, text, expected victim names in order)
SEED_SENTENCES = [
    (
        "seed-first-sentence",
        "France’s health ministry confirmed on Friday that hackers accessed sensitive administrative "
        "and medical data belonging to over 15 million individuals.",
        ["France’s health ministry"],
    ),
]
DEV_PAGES = [
    (
        "ms-said-cyber-attack",
        "Marks & Spencer said on Wednesday that the cyber attack which forced it to suspend online orders "
        "would reduce its operating profit by about £300 million, a week after the retailer confirmed that "
        "hackers had stolen some customers' personal data.",
        ["Marks & Spencer"],
    ),
    (
        "qantas-attack-on-platform",
        "Qantas Airways said on Wednesday that 5.7 million unique customers had personal information stolen "
        "in a cyber attack on a third-party platform used by one of its contact centres.",
        ["Qantas Airways"],
    ),
    (
        "caesars-bloomberg-reported",
        "Caesars Entertainment paid roughly $15 million, about half of a $30 million demand, after hackers "
        "copied its loyalty program database on August 18, 2023, Bloomberg reported.",
        ["Caesars Entertainment"],
    ),
    (
        "air-india-and-sita",
        "Air India said on Friday that personal data of 4,500,000 passengers worldwide had been compromised "
        "in a cyberattack on SITA, the Geneva-based technology company that operates its passenger service system.",
        ["Air India", "SITA"],
    ),
    (
        "viamedis-almerys-cnil",
        "The CNIL, France's data protection authority, has received breach notifications from Viamedis and "
        "Almerys, two companies that manage third-party payment. Both were hit by cyberattacks at the end of "
        "January 2024.\nCyberattacks on Viamedis and Almerys: more than 33 million people concerned",
        ["Viamedis", "Almerys"],
    ),
    (
        "hse-ireland-possessive-acronym",
        "Ireland's Health Service Executive (HSE) has started writing to about 113,000 people whose personal "
        "or medical information was stolen in the Conti ransomware attack. A review later found that the "
        "attackers first got into the HSE's network on 18 March 2021.",
        ["Health Service Executive"],
    ),
]
HHS = [
    (
        "ce-appositive",
        "The covered entity (CE), Bay Area Anesthesia, reported that its business associate (BA) experienced a "
        "cyber-attack that affected the protected health information (PHI) of 15,196 individuals. The CE "
        "notified HHS, affected individuals, the media, and provided substitute notice.",
        ["Bay Area Anesthesia"],
    ),
    (
        "ce-before-and-its-ba",
        "Monroe County Hospital, the covered entity (CE), reported that its business associate (BA), Navicent, "
        "was impacted by a cyber-attack that affected 10,970 individuals.",
        ["Monroe County Hospital"],
    ),
    (
        "ba-apostrophe-name",
        "The business associate (BA), O’Neil Digital Solutions, reported that a workforce member mailed the "
        "protected health information (PHI) of 1,722 individuals to the wrong recipients.",
        ["O’Neil Digital Solutions"],
    ),
    (
        "doctor-is-covered-entity",
        "Dr. Amy Woodruff, the covered entity (CE), reported that her practice was the victim of a ransomware "
        "attack that affected the electronic protected health information (ePHI) of 10,862 individuals.",
        ["Amy Woodruff"],
    ),
    (
        "commas-in-legal-name",
        "The covered entity (CE), Fiondella, Milone & LaSaracina, LLP, reported that it experienced a "
        "cyber-attack affecting the protected health information (PHI) of 1,000 individuals.",
        ["Fiondella, Milone & LaSaracina, LLP"],
    ),
    (
        "and-inside-ba-name",
        "Marshall and Melhorn, a business associate (BA), reported that it experienced a ransomware incident "
        "that affected the protected health information (PHI) of 9,412 individuals.",
        ["Marshall and Melhorn"],
    ),
]
HIBP = [
    (
        "descriptor-digit-name",
        "In 2015, the free web hosting provider 000webhost suffered a major data breach that exposed almost "
        "15 million customer records.",
        ["000webhost"],
    ),
    (
        "descriptor-123rf",
        "In March 2020, the stock photo site 123RF suffered a data breach which impacted over 8 million "
        "subscribers and was subsequently sold online.",
        ["123RF"],
    ),
    (
        "forum-was-hacked",
        "In May 2014, the Avast anti-virus forum was hacked and 423k member records were exposed.",
        ["Avast"],
    ),
    (
        "known-as-and-source",
        "In April 2013, the adult website known as Brazzers was hacked and 790k accounts were exposed publicly. "
        "The breach was brought to light by the Vigilante.pw data breach reporting site in September 2016.",
        ["Brazzers"],
    ),
    (
        "lowercase-domain",
        "In 2024, the lesbian dating website ladies.com suffered a data breach. The breach included extensive "
        "personal information on 119k users of the service.",
        ["ladies.com"],
    ),
    (
        "quoted-name-after-descriptor",
        'In August 2022, millions of records from Mexican bank "Banorte" were publicly dumped on a popular '
        "hacking forum.",
        ["Banorte"],
    ),
]
CASIE = [
    (
        "acronym-defined",
        "Defense Point Security (DPS) told employees that hackers stole W-2 tax data. DPS said the breach "
        "affected all employees.",
        ["Defense Point Security"],
    ),
    (
        "list-after-include",
        "Telecommunications providers caught by the breach include Altel, Celcom, DiGi and Maxis, reports suggest.",
        ["Altel", "Celcom", "DiGi", "Maxis"],
    ),
    (
        "members-of-and-exposed",
        "Members of the Girl Scouts of Orange County were notified this week that their personal information "
        "may have been exposed to an unknown person.",
        ["Girl Scouts of Orange County"],
    ),
    (
        "hacked-object-and-surname-source",
        "Late last year, TheDarkOverlord hacked Larson Studios and downloaded an unknown number of files, "
        "said Christina Salcido. Salcido said the studio was notified.",
        ["Larson Studios"],
    ),
]
BUGS_CAUGHT = [
    (
        "regulator-acronym-is-not-victim-acronym",  # HHS ~ Harbor Health Services by initials
        "The covered entity (CE), Harbor Health Services, reported that an employee was the victim of an email "
        "phishing attack. The CE notified HHS, affected individuals, and the media.",
        ["Harbor Health Services"],
    ),
    (
        "possessive-verb-name",  # "Domino's refused" is the name, not a possessive
        "Domino's refused to pay the ransom and six months later, the attackers released the data.",
        ["Domino"],
    ),
]
HHS_MORE = [
    (
        "town-before-state-is-not-victim",
        "The covered entity (CE), Poplar Bluff Regional Medical Center, reported that a tornado struck the "
        "Nashville, Tennessee area and destroyed records containing the protected health information (PHI) "
        "of 1,000 individuals.",
        ["Poplar Bluff Regional Medical Center"],
    ),
    (
        "legal-name-with-commas-opening",
        "Stonehaven Dental, P.L.L.C., the covered entity (CE), reported that its facility was burglarized and "
        "a network server containing PHI was stolen.",
        ["Stonehaven Dental"],
    ),
    (
        "state-of-department",
        "The State of Arizona Department of Administration, the covered entity (CE), reported that its "
        "business associate (BA) mailed the protected health information (PHI) of 1,000 individuals to the "
        "wrong recipients.",
        ["State of Arizona Department of Administration"],
    ),
]
VICTIM_CASES = SEED_SENTENCES + DEV_PAGES + HHS + HHS_MORE + HIBP + CASIE + BUGS_CAUGHT


@pytest.mark.parametrize("text,expected", [c[1:] for c in VICTIM_CASES], ids=[c[0] for c in VICTIM_CASES])
def test_victims(nlp, text: str, expected: list[str]) -> None:
    victims, orgs = run(nlp, text)
    names = [v["name"] for v in victims]
    assert len(names) == len(expected), (text, names)
    for got, want in zip(sorted(names), sorted(expected)):
        assert same_org(got, want), (text, names)
    for o in orgs + victims:
        assert text[o["start"] : o["end"]] == o["text"], (text, o)


# --------------------------------------------------------------------------- roles
# (id, text, organization, role)
ROLES = [
    ("attacker-claimed", "The DragonForce group claimed responsibility for the attack on the retailer.", "DragonForce", "attacker"),
    ("attacker-gang-before", "The Qilin ransomware gang posted almost 400GB of data on its leak site on June 20.", "Qilin", "attacker"),
    ("attacker-goes-by", "The hacker, who goes by the name xenZen, had been offering the data through chatbots.", "xenZen", "attacker"),
    ("regulator-appositive", "The agency has filed a complaint and notified the CNIL, France's data protection authority, within 72 hours.", "CNIL", "regulator"),
    ("regulator-fined", "South Korea's Personal Information Protection Commission (PIPC) on Thursday fined SK Telecom 134.8 billion won over a hack that exposed data.", "Personal Information Protection Commission", "regulator"),
    ("regulator-ftc", "Equifax Inc. will pay up to $700 million to settle investigations into the 2017 data breach, the Federal Trade Commission said on Monday.", "Federal Trade Commission", "regulator"),
    ("researcher-at", "Researchers at Palo Alto Networks' Unit 42 had warned shortly before the attack that Scattered Spider was targeting airlines.", "Unit 42", "researcher"),
    ("source-reported-by", "Okta said hackers stole data from its support system. The update was reported earlier by BleepingComputer.", "BleepingComputer", "source"),
    ("source-sentence-end", "Caesars Entertainment paid roughly $15 million after hackers copied its loyalty program database, Bloomberg reported.", "Bloomberg", "source"),
    ("vendor-hosted-by", "Qantas said customer data was stolen from a contact centre platform. The platform was reportedly hosted by Salesforce.", "Salesforce", "vendor"),
    ("vendor-its-ba", "Monroe County Hospital, the covered entity (CE), reported that its business associate (BA), Navicent, was impacted by a cyber-attack.", "Navicent", "vendor"),
    ("vendor-framework", "Attackers exploited an unpatched vulnerability in the Apache Struts web application framework on an Equifax online dispute portal.", "Apache Struts", "vendor"),
    ("regulator-hhs-notified", "The covered entity (CE), Harbor Health Services, reported a phishing attack. The CE notified HHS, affected individuals, and the media.", "HHS", "regulator"),
]


@pytest.mark.parametrize("text,org,role", [c[1:] for c in ROLES], ids=[c[0] for c in ROLES])
def test_roles(nlp, text: str, org: str, role: str) -> None:
    victims, orgs = run(nlp, text)
    assert role_of(orgs, org) == role, (text, [(o["name"], o["role"]) for o in orgs])
    if role in ("attacker", "regulator", "source", "researcher", "vendor"):
        assert not any(v["name"] == org or org in v["aliases"] for v in victims), (text, victims)


# --------------------------------------------------------------------------- separate incidents
SEPARATE = [
    (
        "co-op-harrods-also-targeted",
        "Marks & Spencer said hackers had stolen some customers' personal data. The attack has been linked to "
        "Scattered Spider. The Co-op and Harrods have also been targeted in recent weeks.",
        "Marks & Spencer",
        ["Co-op", "Harrods"],
    ),
    (
        "brazil-previously-targeted",
        "Nvidia said on Tuesday that a threat actor had taken employee credentials from its systems. "
        "The group, which previously targeted Brazil's health ministry, has been posting updates on Telegram.",
        "Nvidia",
        ["Brazil's health ministry"],
    ),
]


@pytest.mark.parametrize("text,victim,others", [c[1:] for c in SEPARATE], ids=[c[0] for c in SEPARATE])
def test_separate_incident_is_not_victim(nlp, text: str, victim: str, others: list[str]) -> None:
    victims, orgs = run(nlp, text)
    assert [v["name"] for v in victims] == [victim], (text, victims)
    for o in others:
        assert role_of(orgs, o) == "other", (text, [(x["name"], x["role"]) for x in orgs])


# --------------------------------------------------------------------------- merging
def test_alias_merging_acronym_and_possessive(nlp) -> None:
    text = (
        "Ireland's Health Service Executive (HSE) has started writing to 113,000 people whose data was "
        "stolen. The attackers first got into the HSE's network on 18 March 2021. The HSE said the cost "
        "passed €100 million."
    )
    victims, orgs = run(nlp, text)
    hse = [o for o in orgs if same_org(o["name"], "Health Service Executive")]
    assert len(hse) == 1, orgs
    assert hse[0]["name"] == "Health Service Executive"
    assert "HSE" in hse[0]["aliases"]
    assert len(victims) == 1


def test_alias_merging_prefix_and_known_as(nlp) -> None:
    text = (
        "France Travail, the national employment agency formerly known as Pôle emploi, said on Wednesday "
        "that hackers may have stolen personal data. France Travail said passwords were not affected."
    )
    victims, orgs = run(nlp, text)
    assert [v["name"] for v in victims] == ["France Travail"]
    assert "Pôle emploi" in victims[0]["aliases"]

    text = (
        "Qantas Airways said that 5.7 million customers had personal information stolen. Qantas said it "
        "detected unusual activity. The airline said no passwords were compromised."
    )
    victims, orgs = run(nlp, text)
    assert len(orgs) == 1 and orgs[0]["name"] == "Qantas Airways", orgs
    assert "Qantas" in orgs[0]["aliases"]


def test_people_are_not_organizations(nlp) -> None:
    text = (
        "Chief executive Stuart Machin said the company was using the disruption as a chance. "
        "Disney CEO Bob Iger said hackers stole a film. Iger said the studio would not pay."
    )
    victims, orgs = run(nlp, text)
    names = {o["name"] for o in orgs}
    assert not names & {"Stuart Machin", "Bob Iger", "Iger"}, orgs


def test_company_after_victim_needs_no_output(nlp) -> None:
    victims, orgs = run(nlp, "Coinbase said cybercriminals had bribed contractors to copy data. The company said it would not pay.")
    assert [o["name"] for o in orgs] == ["Coinbase"]


# --------------------------------------------------------------------------- NER stand-in
def test_ner_org_entities_are_candidates() -> None:
    """A pipeline whose NER ran before us: its ORG entities become candidates (stand-in ruler)."""
    nlp = build()
    text = "Hackers breached acme widgets and stole the customer database."
    assert run(nlp, text)[0] == []  # lower-case name: our rules alone do not see it
    ruler = nlp.add_pipe("entity_ruler", first=True)
    ruler.add_patterns([{"label": "ORG", "pattern": [{"LOWER": "acme"}, {"LOWER": "widgets"}]}])
    doc = nlp(make_doc(nlp, text))
    assert [v["name"] for v in doc._.breach_victims] == ["acme widgets"]


# --------------------------------------------------------------------------- seed and skips
def test_seed_page_one_victim(nlp, seed_text: str) -> None:
    victims, orgs = run(nlp, seed_text)
    assert len(victims) == 1
    assert victims[0]["name"] in ("France’s health ministry", "France’s Health Ministry")
    doc = nlp(make_doc(nlp, seed_text))
    boiler = seed_text.index("Great! Next, complete checkout")
    record = seed_text.index('"id": "FRE1772224282"')
    for o in orgs:
        assert o["start"] < min(boiler, record) or not (o["start"] >= record), o
        assert not any(s <= o["start"] < e for s, e in doc._.breach_skip), o


def test_seed_via_extract(seed_text: str) -> None:
    import breach_nlp

    report = breach_nlp.extract(seed_text)
    check_offsets(seed_text, report)
    assert [v.name for v in report.victims] in (["France’s health ministry"], ["France’s Health Ministry"])


# --------------------------------------------------------------------------- bad input
BAD_INPUT = [
    ("all-caps", "EQUIFAX SAID HACKERS STOLE DATA OF 147 MILLION PEOPLE. THE FTC FINED EQUIFAX."),
    ("no-capitals", "hackers stole data from a hospital and the company said it notified patients."),
    ("unicode-quotes-dashes", "“Kaleida Health” — the hospital group — said ‘hackers’ accessed e‑mail accounts; Kaleida Health’s staff were notified."),
    ("empty-ish", "   \n\n  "),
    ("lone-punctuation", "’s ’ ( ) , . — & & of and"),
]


@pytest.mark.parametrize("text", [c[1] for c in BAD_INPUT], ids=[c[0] for c in BAD_INPUT])
def test_bad_input_never_crashes(nlp, text: str) -> None:
    victims, orgs = run(nlp, text)
    for o in orgs:
        assert text[o["start"] : o["end"]] == o["text"]


def test_unicode_name_merges(nlp) -> None:
    text = "“Kaleida Health” said hackers accessed e‑mail accounts. Kaleida Health’s patients were notified."
    victims, orgs = run(nlp, text)
    assert [v["name"] for v in victims] == ["Kaleida Health"]


def cpu_cost(nlp, text: str) -> float:
    """CPU seconds of one run, best of 2 (other processes share the machine)."""
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        run(nlp, text)
        best = min(best, time.process_time() - t0)
    return best


def test_capitalized_run_stays_linear(nlp) -> None:
    def cost(n: int) -> float:
        return cpu_cost(nlp, " ".join(["Alpha", "Beta", "Gamma", "Delta"] * (n // 4)) + " suffered a data breach.")

    small, big = cost(10_000), cost(40_000)
    assert small < 2.0
    assert big < 8 * max(small, 0.02), (small, big)


# --------------------------------------------------------------------------- serialization
def test_component_round_trip(tmp_path) -> None:
    nlp = build()
    nlp.to_disk(tmp_path / "p")
    nlp2 = spacy.load(tmp_path / "p")
    text = "The covered entity (CE), Gruber Dental, reported that two of its servers were encrypted by ransomware."
    a = nlp(make_doc(nlp, text))._.breach_victims
    b = nlp2(make_doc(nlp2, text))._.breach_victims
    assert a == b and a and a[0]["name"] == "Gruber Dental"


# --------------------------------------------------------------------------- measured on ../shared
def victim_counts(nlp, pages: list[dict]) -> tuple[int, int, int]:
    """Victim tp/fp/fn with the evaluation's own matching (one-to-one, any alias)."""
    tp = fp = fn = 0
    for page in pages:
        victims, _ = run(nlp, page["text"])
        gold = page["gold"]["victims"]
        pairs, missed, extra = match_items(gold, victims, lambda g, v: org_matches([v["name"], *v["aliases"]], g))
        tp, fp, fn = tp + len(pairs), fp + len(extra), fn + len(missed)
    return tp, fp, fn


def test_dev_pages_victims_and_no_bad_roles(nlp) -> None:
    pages = dev_pages()
    if not pages:
        pytest.skip("../shared/dev-pages not present")
    tp, fp, fn = victim_counts(nlp, pages)
    for page in pages:
        victims, _ = run(nlp, page["text"])
        for other in page["gold"].get("other_orgs") or []:
            if other["role"] in ("regulator", "source", "attacker"):
                assert not any(same_org(v["name"], other["name"]) for v in victims), (page["id"], other)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.9, (tp, fp, fn)


def test_hibp_victim_f1(nlp) -> None:
    path = shared_path("real-dev", "hibp.jsonl")
    pages = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    tp, fp, fn = victim_counts(nlp, pages)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.85, (tp, fp, fn)


# -- speed rewrites must not change what the rules say ----------------------------------------
# Left-context rules end at the mention (``...$``): they run backwards, anchored, on the
# reversed window; required words are tested first; right rules sit behind one anchored gate.
# These checks compare the fast forms with the plain searches on real windows and variants.
SPEED_WINDOWS = [
    ("CASIE", "A data breach at "),
    ("CASIE", "the personal information of customers of "),
    ("CASIE", "according to a statement from the "),
    ("CASIE", "Researchers at security firm "),
    ("CASIE", "the ransomware gang known as "),
    ("HHS", "The covered entity (CE), "),
    ("HHS", "its business associate (BA), "),
    ("HHS", "business associate, the "),
    ("DEV_PAGES", "said on Wednesday that hackers had stolen data from "),
    ("DEV_PAGES", "Chief executive "),
    ("DEV_PAGES", "the online betting platform "),
    ("HIBP", "In approximately March 2015, the free web hosting provider "),
    ("BUGS_CAUGHT", "stolen from\n"),
    ("BUGS_CAUGHT", "hacked the\n"),
    ("BUGS_CAUGHT", ""),
]


def _variants(window: str):
    import random

    rnd = random.Random(len(window))
    alphabet = list("ab CE,().;’'-\n") + ["the ", "from ", "at ", "of "]
    yield window
    yield window.lower()
    yield window + "\n"
    yield window + "\n\n"
    for cut in range(0, len(window) + 1, 3):
        yield window[cut:]
    for _ in range(40):
        chars = list(window)
        for _ in range(rnd.randint(1, 4)):
            chars.insert(rnd.randint(0, len(chars)), rnd.choice(alphabet))
        yield "".join(chars)


@pytest.mark.parametrize("window", [w for _, w in SPEED_WINDOWS], ids=[f"{o}:{w[:20]!r}" for o, w in SPEED_WINDOWS])
def test_reversed_left_rules_agree_with_search(nlp, window: str) -> None:
    import re

    from breach_nlp.components.orgs import _COORD_LEFT, _lower_pattern, _reversed_left

    comp = nlp.get_pipe("breach_orgs")
    forward = [
        re.compile(p["pattern"]) if p.get("flags") == "case-sensitive" else _lower_pattern(p["pattern"])
        for p in comp.data["orgs.json"]["roles"]["patterns"]
        if p["side"] == "left"
    ] + [comp.title_re, _COORD_LEFT]
    for fw in forward:
        rev = _reversed_left(fw)
        if rev is None:
            continue
        for x in _variants(window):
            if fw is not comp.title_re and fw is not _COORD_LEFT:
                x = x.lower()
            r = x[::-1]
            fast = bool(rev.match(r) or (r[:1] == "\n" and rev.match(r[1:])))
            assert fast == bool(fw.search(x)), (fw.pattern[:60], x)
        if fw is comp.title_re:
            assert all(comp._title_before(x) == bool(fw.search(x)) for x in _variants(window))


def test_prefilters_and_gates_are_necessary(nlp) -> None:
    """A rule never matches a window without one of its required words; the right gate
    never closes on a window some right rule matches."""
    comp = nlp.get_pipe("breach_orgs")
    windows = [x for _, w in SPEED_WINDOWS for x in _variants(w)]
    rights = [", which suffered a data breach", " researchers said", "’s customers were", ": hackers", " ransomware gang"]
    for _, _, _, pid, rx, lc, pf, rev in comp.left_pats:
        if pf is None or not lc:
            continue
        for x in windows:
            low = x.lower()
            has = any(lit in low for lit in pf) if type(pf) is tuple else pf.search(low) is not None
            matched = bool(rev and (rx.match(low[::-1]) or (low[::-1][:1] == "\n" and rx.match(low[::-1][1:])))) if rev is not None else bool(rx.search(low))
            assert has or not matched, (pid, x)
    for x in rights + windows:
        for _, _, _, pid, rx, lc, _pf, _rev in comp.right_pats:
            y = x.lower() if lc else x
            gate = comp.right_gate_lc if lc else comp.right_gate_cs
            if rx.search(y):
                assert gate is None or gate.match(y), (pid, x)


def test_best_name_keeps_its_choice(nlp) -> None:
    comp = nlp.get_pipe("breach_orgs")
    ms = [{"name": n} for n in ("HSE", "Health Service Executive", "HSE", "the HSE")]
    assert comp._best_name(ms) == "Health Service Executive"
    ms = [{"name": n} for n in ("Qantas", "QANTAS", "Qantas", "Qantas Airways")]
    assert comp._best_name(ms) == "Qantas Airways"
    ms = [{"name": n} for n in ("Optus", "Optus", "Singtel", "QANTAS")]
    assert comp._best_name(ms) == "Optus"
    ms = [{"name": n} for n in ("HHS", "OCR", "OCR")]
    assert comp._best_name(ms) == "OCR"


# -- speed rewrites, session 2: each fast form against the plain one --------------------------
# Real sentences (CASIE, HIBP, HHS wording) plus edge cases for the look-arounds.
SPEED_SENTENCES = [
    ("CASIE", "The data breach at Equifax Inc. exposed 143 million people, according to The Wall Street Journal."),
    ("CASIE", "Researchers at security firm Kromtech found an Amazon S3 bucket owned by the company."),
    ("CASIE", "The Shadow Brokers leaked tools; $Vice and xVice are not Vice, nor is Vice-president (The Record)."),
    ("HIBP", "In approximately March 2015, the free web hosting provider 000webhost suffered a major data breach."),
    ("HIBP", "the online betting platform 1win was breached; see dehashed.com and thedarkoverlord's site"),
    ("HHS", "The covered entity (CE), Fiondella, Milone & LaSaracina, LLP, reported that its business associate (BA), "
     "a web site provider, was hacked by the group known as ALPHV/BlackCat."),
    ("BUGS_CAUGHT", "e.g. a.b x.Y 3.x .A A. ...a"),
    ("BUGS_CAUGHT", "Vice"),
    ("BUGS_CAUGHT", "the web site  and the provider’s co-operative non-profit start-up\tstore"),
]


def test_trie_alternation_tries_longest_first() -> None:
    import re

    from breach_nlp.regexgate import trie_alternation

    words = ["web", "web site", "site", "forum", "forums", "for", "a", "ab", "abc", "co-op", "co-operative"]
    plain = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    trie = trie_alternation(words)
    texts = [t for _, t in SPEED_SENTENCES] + ["abc ab a forums forum for web site web sites co-operative co-op x"]
    for tail in (r"", r"\s+(\w+)", r"(?![\w$])", r"s\b"):
        a, b = re.compile("(?:" + plain + ")" + tail), re.compile("(?:" + trie + ")" + tail)
        for t in texts:
            assert [(m.span(), m.groups()) for m in a.finditer(t)] == [(m.span(), m.groups()) for m in b.finditer(t)]


def test_gazetteer_regex_is_the_plain_look_behind_form(nlp) -> None:
    import re

    comp = nlp.get_pipe("breach_orgs")
    names = comp._gazetteer_odd_names(comp.data["orgs_gazetteer.json"])
    plain = re.compile(
        r"(?<![\w$])(?:" + "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True)) + r")(?![\w$])"
    )
    texts = [t for _, t in SPEED_SENTENCES] + [" ".join(names), "x".join(names), "$".join(names), "(" + ")(".join(names)]
    for t in texts:
        assert [m.span() for m in plain.finditer(t)] == [m.span() for m in comp.gaz_re.finditer(t)]
        for a in range(0, len(t), 7):  # per-sentence bounds: the look-behind sees before pos
            assert [m.span() for m in plain.finditer(t, a)] == [m.span() for m in comp.gaz_re.finditer(t, a)]


def _random_texts(n: int, seed: int = 7) -> list[str]:
    """Random texts over an alphabet of the characters the fast paths care about."""
    import random

    rnd = random.Random(seed)
    pieces = ["a", "b", "-", " ", "\n", ".", "A", "_", "1", "é", "’", "site", "web", "the", "data", "co-op",
              "x-y", "data-", "provider", " the site ", "forum", "\u00a0", "İ", "ς"]
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 60))) for _ in range(n)]


def test_descriptor_and_dot_tests_are_necessary(nlp) -> None:
    import re
    from bisect import bisect_right

    from breach_nlp.components.orgs import _DOT_WORD

    comp = nlp.get_pipe("breach_orgs")
    for _, t in SPEED_SENTENCES:
        for a in range(len(t)):
            assert bool(_DOT_WORD.search(t[a:])) == bool(re.search(r"\w\.[A-Za-z]", t[a:]))
    # the descriptor gate: when the descriptor regex matches inside a sentence, a match of the
    # gate over the whole text overlaps the sentence (every sentence bound is tried)
    nouns = comp.data["orgs.json"]["descriptor_nouns"]["words"]
    texts = [t for _, t in SPEED_SENTENCES] + ["the x " + n + " Foo" for n in nouns] + [
        "the site site site Foo", "a web site provider Acme", "the forum forums Foo"
    ] + ["the " + t + " Foo" for t in _random_texts(300)]
    for t in texts:
        spans = [m.span() for m in comp.desc_gate_re.finditer(t)]
        ends = [b for _, b in spans]
        for ss in range(len(t)):
            for se in range(ss + 1, len(t) + 1):
                if comp.desc_re.search(t, ss, se):
                    j = bisect_right(ends, ss)
                    assert j < len(ends) and spans[j][0] < se, (t, ss, se)


def test_lower_words_test_is_the_set(nlp) -> None:
    from breach_nlp.components.orgs import _LOWER_WORD, _LowerWords

    texts = [t for _, t in SPEED_SENTENCES] + _random_texts(1500) + [
        "foo-bar foo bar", "x-foo foo", "-foo", "foo-", "a" * 45 + " " + "b" * 41, "data-data data",
        "Emergency Room emergency", "é-data data_x data1 1data", "a-" * 40 + "data data", "x" + "-ab" * 30,
        "ab-" * 13 + "ab", "-" + "abcdefghij" * 5 + "-data", "Foo-data-data-data", "zz-" + "y" * 39 + "-data",
    ]
    for t in texts:
        plain = set(_LOWER_WORD.findall(t))
        queries = sorted(plain | {w[1:] for w in plain} | {w[:-1] for w in plain} | set(t.split()) | {
            "data", "foo", "bar", "the", "site", "a", "", "-x", "x-", "co-op", "Data", "b" * 41, "a" * 42})
        lazy = _LowerWords(t)
        assert [q in lazy for q in queries] == [q in plain for q in queries], t
        # one word at a time (each a fresh object: no set built by the query count)
        assert [q in _LowerWords(t) for q in queries] == [q in plain for q in queries], t


def test_left_gate_and_sentence_rule_lists_are_necessary(nlp) -> None:
    comp = nlp.get_pipe("breach_orgs")
    gated = [p for p in comp.left_pats if p[3] in comp.left_gated_ids]
    assert comp.left_gate is not None and gated
    windows = [x.lower() for _, w in SPEED_WINDOWS for x in _variants(w)]
    for x in windows:
        r = x[::-1]
        one = any(p[4].match(r) or (r[:1] == "\n" and p[4].match(r[1:])) for p in gated)
        assert one == bool(comp.left_gate.match(r) or (r[:1] == "\n" and comp.left_gate.match(r[1:]))), x
    # the second gate (rules that skip words) and the lists the gates choose
    gated2 = [p for p in comp.left_pats if p[3] in comp.left_gated2_ids]
    assert comp.left_gate2 is not None and len(gated2) > 1 and not comp.left_gated_ids & comp.left_gated2_ids
    for x in windows:
        r = x[::-1]
        two = any(p[4].match(r) or (r[:1] == "\n" and p[4].match(r[1:])) for p in gated2)
        assert two == bool(comp.left_gate2.match(r) or (r[:1] == "\n" and comp.left_gate2.match(r[1:]))), x
    for _, sent in SPEED_SENTENCES:
        _cue, left_open, lists, _right = comp._sentence_rules(sent)
        assert lists[3] == left_open
        for i, ids in enumerate((comp.left_gated_ids | comp.left_gated2_ids, comp.left_gated2_ids, comp.left_gated_ids)):
            assert lists[i] == [p for p in left_open if p[3] not in ids]
    for _, sent in SPEED_SENTENCES + [(o, w + "Acme said customers were hit") for o, w in SPEED_WINDOWS]:
        cue, left_open, _closed, right = comp._sentence_rules(sent)
        for c in range(len(sent) + 1):
            low = sent[max(0, c - 80) : c].lower()
            for p in comp.left_pats if cue else comp.left_pats_nocue:
                rx, rev = p[4], p[7]
                hit = (rx.match(low[::-1]) or (low[::-1][:1] == "\n" and rx.match(low[::-1][1:]))) if rev is not None else rx.search(low)
                assert not hit or p in left_open, (p[3], sent)
            for p in comp.right_pats:
                y = sent[c : c + 180]
                if (cue or not p[2]) and p[4].search(y.lower() if p[5] else y):
                    assert p in right, (p[3], sent)


def test_clean_run_memo_is_the_plain_answer(nlp) -> None:
    comp = nlp.get_pipe("breach_orgs")
    runs = [
        "The UK Foreign Office", "DNC Chair Debbie Wasserman-Schultz", "Ireland’s Health Service Executive",
        "Marks and Spencer", "Health and Human Services", "King of Prussia Dental Associates", "Nvidia’s",
        "University of Texas at Austin", "Advocare, LLC.  The", "Dr. Kraig R. Pepper, D.O., P.A.", "Chief Executive Bob",
    ]
    for run in runs:
        for keep_and in (False, True):
            for at_start in (False, True):
                comp._doc_persons = plain_persons = set()
                plain = comp._clean_run_text(run, 0, len(run), keep_and, at_start)
                comp._doc_persons = memo_persons = set()
                text = "xx " + run
                memo = comp._clean_run(text, 3, len(text), keep_and, at_start)
                assert [(s - 3, e - 3) for s, e in memo] == plain and memo_persons == plain_persons, run


# --------------------------------------------------------------------------- exact portal names
# (id, text, exact victim names): the whole legal name, not a piece that same_org would accept
HHS_EXACT_NAMES = [
    (
        "dotted-abbreviation-in-name",
        "The business associate (BA), U.S. Wellness, reported that its third-party vendor was the victim of a "
        "cybersecurity attack that affected the protected health information (PHI) of 15,818 individuals.",
        ["U.S. Wellness"],
    ),
    (
        "lower-case-function-words-for-a",
        "The covered entity (CE), Center for a Brighter Tomorrow, reported that an employee lost an unencrypted "
        "USB drive that contained the protected health information (PHI) of 1,082 individuals.",
        ["Center for a Brighter Tomorrow"],
    ),
    (
        "lower-case-function-word-in",
        "The covered entity (CE), Partners in Care, reported that an employee was the victim of an email "
        "phishing scheme affecting the protected health information (PHI) of 3,048 individuals.",
        ["Partners in Care"],
    ),
    (
        "lower-case-function-word-with",
        "The covered entity (CE), Florida Agency for Persons with Disabilities, reported that an employee was "
        "the victim of an email phishing scheme that affected the electronic protected health information.",
        ["Florida Agency for Persons with Disabilities"],
    ),
    (
        "leading-street-number",
        "The covered entity (CE), 1020 South Main Street Operations, reported that it was the victim of a "
        "ransomware attack affecting the protected health information (PHI) of 702 individuals.",
        ["1020 South Main Street Operations"],
    ),
    (
        "comma-pc-is-a-legal-suffix",
        "Between January 1, 2015 and April 18, 2015, a physician employed by the covered entity (CE), Central "
        "Brooklyn Medical Group, PC, impermissibly disclosed the protected health information (PHI) of "
        "approximately 500 patients to his former medical assistants via facsimile on multiple occasions.",
        ["Central Brooklyn Medical Group, PC"],
    ),
    (
        "opening-with-the",
        "The University of Alabama at Birmingham, the covered entity (CE), was the victim of an email phishing "
        "attack that affected the electronic protected health information (ePHI) of 19,557 individuals.",
        ["University of Alabama at Birmingham"],
    ),
    (
        "opening-after-a-date",
        "On May 17, 2017, LC&Z General and Cosmetic Dentistry, the covered entity (“CE”), discovered it had "
        "experienced a breach when an unauthorized individual gained access to the CE’s email account.",
        ["LC&Z General and Cosmetic Dentistry"],
    ),
    (
        "sentence-opening-a-business-associate-is-the-reporter",
        "A business associate (BA), Practice Transformation Solutions, LLC, was informed by its covered entity "
        "(CE) that one of the its employees was the victim of an email phishing scheme that affected the "
        "electronic protected health information (ePHI) of approximately 1,678 individuals.",
        ["Practice Transformation Solutions, LLC"],
    ),
    (
        "bracketed-the-covered-entity",
        "On March 7, 2019, American Indian Health & Services, Inc. (the covered entity), discovered that a "
        "former employee had forwarded emails to a personal email account.",
        ["American Indian Health & Services, Inc."],
    ),
    (
        "breach-report-from",
        "OCR received a breach report from Bakersfield Hematology Oncology stating that an employee "
        "impermissibly downloaded and provided the protected health information (PHI) of 1,286 individuals "
        "to an unauthorized third party.",
        ["Bakersfield Hematology Oncology"],
    ),
    (
        "jr-md-after-a-person-name",
        "An unauthorized user obtained remote access to the computer system of Leo Edwards, Jr. M.D., the "
        "covered entity (CE).",
        ["Leo Edwards, Jr. M.D."],
    ),
    (
        "doctor-practice-opening-without-comma",
        "Dr. Kraig R. Pepper, D.O., P.A. the covered entity (CE) reported that CoPilot Provider Support "
        "Services (CoPilot) suffered a data security incident exposing the protected health information.",
        # the covered entity's slot outranks its vendor's breach (the portal lists the CE)
        ["Dr. Kraig R. Pepper, D.O., P.A."],
    ),
    (
        "appositive-before-an-adverb",
        "The covered entity (CE), Dr. Ronald D. Garrett-Roe, affecting approximately 1,600 patients’ "
        "protected health information.",
        ["Dr. Ronald D. Garrett-Roe"],
    ),
    (
        "appositive-before-on-date",
        "The covered entity (CE), Vancouver Radiologists, PC, on January 4, 2016, received telephone calls "
        "from a few patients that they received a postcard mammogram reminder.",
        ["Vancouver Radiologists, PC"],
    ),
    (
        "llc-then-next-sentence-the",
        "OCR was notified by the covered entity (CE), Advocare, LLC.  The message board was unsecured and "
        "hacked.",
        ["Advocare, LLC"],
    ),
    (
        "title-word-before-of-is-a-place",
        "King of Prussia Dental Associates’ network server was hacked.  The breach affected the electronic "
        "protected health information (ePHI) of 16,768 individuals.",
        ["King of Prussia Dental Associates"],
    ),
    (
        "dash-and-acronym-inside-appositive",
        "The covered entity (CE), SSM Health St. Mary’s Hospital – Jefferson City (SSMH), reported that "
        "documents containing protected health information (PHI) were found in its former hospital.",
        ["SSM Health St. Mary’s Hospital – Jefferson City"],
    ),
    (
        "on-behalf-of-inside-appositive",
        "The covered entity (CE), Covenant Care California on behalf of  Wagner Heights Nursing and "
        "Rehabilitation Center, reported that an employee was the subject of an email phishing scheme.",
        ["Covenant Care California on behalf of Wagner Heights Nursing and Rehabilitation Center"],
    ),
    (
        "ba-of-ce-names-the-covered-entity",
        "Cognizant TriZetto Software Group, Inc., a business associate (BA) of Western Health Advantage,  "
        "experienced a communication error while performing routine maintenance on its servers which allowed "
        "another covered entity to inadvertently download the electronic protected health information.",
        ["Western Health Advantage"],
    ),
    (
        "title-word-inside-a-headed-name",
        "Ambucor Health Solutions filed a breach report for an incident also reported by the covered "
        "entity (CE), Akron General Medical Center, reported that a former employee was hacked.",
        ["Akron General Medical Center"],
    ),
    (
        "doctor-after-portal-slot",
        "The cover entity CE), Dr. Hal Meadows (HM) reported a breach that occurred when its electronic "
        "patient billing files were unlawfully accessed on a desktop computer in the CE’s office.",
        ["Hal Meadows"],
    ),
    (
        "two-separate-incidents-are-its-own",
        "HealthEquity, Inc., the business associate (BA), reported two separate breach incidents involving "
        "several employees that were the victims of email phishing schemes.",
        ["HealthEquity, Inc."],
    ),
]




def test_its_business_associate_stays_vendor(nlp) -> None:
    # HHS: the CE's business associate named after "its business associate (BA)," is not the reporter
    text = (
        "The covered entity (CE), Medical Center of Plano, reported that its business associate (BA), "
        "Relay-Health, inadvertently sent an incorrect mailing affecting 1,000 individuals."
    )
    victims, orgs = run(nlp, text)
    assert [v["name"] for v in victims] == ["Medical Center of Plano"]
    assert role_of(orgs, "Relay-Health") == "vendor"


def test_employees_of_is_not_a_portal_name(nlp) -> None:
    # HHS: "Employees of the covered entity (CE), X" -- no comma before "the covered entity"
    text = (
        "Employees of the covered entity (CE), Children’s National Medical Center (CNMS), responded to "
        "phishing emails they believed were legitimate emails."
    )
    victims, _ = run(nlp, text)
    assert [v["name"] for v in victims] == ["Children’s National Medical Center"]


# (id, text, exact victim names)
CASIE_EXACT_NAMES = [
    (
        "no-break-spaces-inside-a-name",
        "TORONTO, April 19 (Reuters) - Global hotel chain\xa0InterContinental\xa0Hotels\xa0Group Plc said 1,200 "
        "of its franchised\xa0hotels were victims of a three-month cyber attack.",
        ["InterContinental\xa0Hotels\xa0Group Plc"],
    ),
    (
        "headline-without-full-stop-the",
        "F-Secure says it cannot prove which country was behind the hack but the group had links to "
        "'entities' in China, Russia and Ukraine\nThe UK Foreign Office was targeted by a group of "
        "determined and well-funded hackers over several months last year.",
        ["UK Foreign Office"],
    ),
    (
        "place-word-ending-a-person-name-before-possessive",
        "That breach affected hotels, along with bars and restaurants at hotels, such as Michael Jordan’s "
        "Steak House at InterContinental Chicago.",
        ["Michael Jordan’s Steak House"],
    ),
    (
        "plural-generic-trusts",
        "The incident occurred in October 2016 and has affected Trusts and non-NHS organisations nationwide, "
        "including Dorset County Hospital.",
        ["Dorset County Hospital"],
    ),
]


# HHS cases check the display name; CASIE cases the victim's mention text.
EXACT_NAMES = [("name", *c) for c in HHS_EXACT_NAMES] + [("text", *c) for c in CASIE_EXACT_NAMES]


@pytest.mark.parametrize("key,text,expected", [(c[0], *c[2:]) for c in EXACT_NAMES], ids=[c[1] for c in EXACT_NAMES])
def test_exact_names(nlp, key: str, text: str, expected: list[str]) -> None:
    victims, orgs = run(nlp, text)
    assert [v[key] for v in victims] == expected, text
    for o in orgs + victims:
        assert text[o["start"] : o["end"]] == o["text"], (text, o)


# (id, text, victim names, vendor name)
HIBP_SOFTWARE_IN_USE = [
    (
        "compromised-vbulletin-forum",
        'In April 2018, the self-proclaimed "biggest retro gaming website on earth", Emuparadise, suffered a '
        "data breach. The compromised vBulletin forum exposed 1.1 million email addresses, IP address, "
        "usernames and passwords stored as salted MD5 hashes.",
        ["Emuparadise"],
        "vBulletin",
    ),
    (
        "breach-of-the-vbulletin-forum",
        "In August 2016, the pocket PC fan site forum PPCGeeks suffered a data breach that exposed over 490k "
        "records. The breach of the vBulletin forum exposed email and IP addresses, usernames, dates of birth "
        "and passwords stored as salted MD5 hashes.",
        ["PPCGeeks"],
        "vBulletin",
    ),
]


@pytest.mark.parametrize(
    "text,expected,vendor", [c[1:] for c in HIBP_SOFTWARE_IN_USE], ids=[c[0] for c in HIBP_SOFTWARE_IN_USE]
)
def test_software_in_use_is_vendor(nlp, text: str, expected: list[str], vendor: str) -> None:
    victims, orgs = run(nlp, text)
    assert [v["name"] for v in victims] == expected
    assert role_of(orgs, vendor) == "vendor"


# (id, text, victim name, alias it must carry or None, names that must not be its aliases)
KNOWN_AS_LINKS = [
    (
        "hhs-formerly-known-as",
        "The covered entity (CE), Pediatrix Medical Group, formerly known as MEDNAX Services, reported that "
        "multiple employees were victims of an email phishing attack.",
        "Pediatrix Medical Group",
        "MEDNAX Services",
        [],
    ),
    (
        "hhs-f/k/a",
        "OCR opened an investigation of the covered entity (CE), Preferred Health Partners f/k/a Central "
        "Brooklyn Medical Group, after it reported appointment schedules were stolen from an office.",
        "Central Brooklyn Medical Group",
        "Preferred Health Partners",
        [],
    ),
    (
        "hibp-known-as-several-words-back-is-not-an-alias",
        'In December 2013, the vBulletin forum for the social engineering site known as "AstroPID" was '
        "breached and leaked publicly.",
        "AstroPID",
        None,
        ["vBulletin"],
    ),
]


@pytest.mark.parametrize(
    "text,victim,alias,not_alias", [c[1:] for c in KNOWN_AS_LINKS], ids=[c[0] for c in KNOWN_AS_LINKS]
)
def test_known_as_links(nlp, text: str, victim: str, alias: str | None, not_alias: list[str]) -> None:
    victims, _ = run(nlp, text)
    assert [v["name"] for v in victims] == [victim], victims
    if alias:
        assert alias in victims[0]["aliases"]
    for n in not_alias:
        assert n not in victims[0]["aliases"]


def test_known_as_after_a_clause_is_no_alias(nlp) -> None:
    """CASIE 10319: "known as" after a clause names the strain, not the outlet before the clause;
    BUGS_CAUGHT: the outlet's role came from set order (hash-seeded) when the two merged."""
    text = (
        "LabCorp declined to say what variant of ransomware was used. But according to The Wall Street "
        "Journal, the company was hit with a strain known as SamSam."
    )
    _, orgs = run(nlp, text)
    wsj = [o for o in orgs if o["name"] == "The Wall Street Journal"]
    assert wsj and wsj[0]["role"] == "source" and not wsj[0]["aliases"], orgs


def test_many_known_as_phrases_stay_linear(nlp) -> None:
    # BUGS_CAUGHT: one sentence of many "known as" / "f/k/a" phrases looked back over every earlier
    # mention of the sentence for each phrase (quadratic: 8.5 s for 210 KB)
    def cost(n: int) -> float:
        return cpu_cost(nlp, "Xxxx known as Zzzz, the Yyyy f/k/a Wwww, the " * n + "suffered a data breach.")

    small, big = cost(1_000), cost(4_000)
    assert big < 8 * max(small, 0.02), (small, big)


def test_country_before_a_listed_regulator(nlp) -> None:
    # HIBP Qakbot: "the US Justice Department announced ..." is the Justice Department (a regulator)
    text = (
        "In August 2023, the US Justice Department announced a multinational operation to disrupt the "
        "botnet and malware known as Qakbot and take down its infrastructure. After the takedown, 6.43M "
        "email addresses were provided to HIBP to help notify victims of the malware."
    )
    victims, orgs = run(nlp, text)
    assert role_of(orgs, "US Justice Department") == "regulator"
    assert "US Justice Department" not in [v["name"] for v in victims]


# --------------------------------------------------------------------------- victim accuracy rules
# Each rule added to raise victim accuracy on the dev data, with the real sentence it came from.
# (id, text, expected victims (any order, same_org), organizations that must not be victims)
HHS_SLOTS = [
    (
        # the portal lists the covered entity: a business associate outside the slots is its vendor
        "ce-slot-outranks-its-ba",
        "The covered entity (CE), Hospice of San Joaquin, reported that its business associate (BA) IT Pro "
        "Source, was the victim of a ransomware attack that affected the electronic protected health "
        "information (ePHI) of approximately 13,000 individuals. The CE notified HHS, affected individuals, "
        "and provided a toll free telephone number for questions or concerns.",
        ["Hospice of San Joaquin"],
        ["IT Pro Source"],
    ),
    (
        "ce-slot-outranks-ba-slot",
        "A business associate (BA), Clarity Software Solutions, prepared a mailing of 70,320 member "
        "identification (ID) cards for Tufts Associated Health Maintenance Organization, the covered entity "
        "(CE). The member ID number was visible through the envelope window, in addition to the member’s "
        "name and address. The CE provided breach notification to HHS, the affected individuals, and the media.",
        ["Tufts Associated Health Maintenance Organization"],
        ["Clarity Software Solutions"],
    ),
    (
        # ... unless the note says the BA notified HHS: then the portal lists the BA
        "ba-reported-to-hhs",
        "On April 23, 2018, a business associate (BA), BioIQ, Inc., sent a mass email to members of TML "
        "Multistate Intergovernmental Employee Benefits Pool, the covered entity (CE), containing incorrect "
        "member names in the salutations. The BA provided breach notification to HHS, the CE, affected "
        "individuals, and the media.",
        ["BioIQ, Inc."],
        ["TML Multistate Intergovernmental Employee Benefits Pool"],
    ),
    (
        "ba-named-notified-hhs",
        "Northwood, Inc., a business associate (BA) of Blue Care Network and Blue Cross Blue Shield of "
        "Michigan, reported that an employee was the victim of an email phishing scheme that affected the "
        "protected health information (PHI) of approximately 18,684 individuals. Northwood notified HHS, "
        "affected individuals, the media, and the FBI.",
        ["Northwood, Inc."],
        ["Blue Care Network", "Blue Cross Blue Shield of Michigan"],
    ),
]
HHS_THIRD_PARTIES = [
    (
        # the covered entity unnamed: whoever found or reported its breach is not the victim
        "police-discovered-ce-breach",
        "During a traffic stop on April 12, 2018, VA Long Beach Police discovered that the covered entity’s "
        "(CE) workforce member, without authorization, had taken possession of protected health information "
        "(PHI). The CE provided breach notification to HHS, affected individuals, and the media.",
        [],
        ["VA Long Beach Police"],
    ),
    (
        "courier-found-ce-records",
        "The U.S. Postal Service found unsecured printed appointment lists dated October 2017 in the covered "
        "entity’s (CE) mail receptacle and returned them to the CE via priority mail package.",
        [],
        ["U.S. Postal Service"],
    ),
    (
        "irs-notified-the-ce",
        "In December 2013 The IRS notified the covered entity (CE), Martin Army Community Hospital,that one "
        "of its employees was involved in identity theft activities.",
        ["Martin Army Community Hospital"],
        ["IRS"],
    ),
    (
        # "the CE's ..." is a part of the covered entity, not another organization
        "ce-possessive-run",
        "The breach affected 520 individuals who were patients of the CE's Redding facility and a total of "
        "1,253 Dignity Health patients in California and Nevada.",
        None,
        ["CE's Redding"],
    ),
    (
        "forensic-investigator-is-researcher",
        "On December 20, 2017, Jemison Internal Medicine, P.C., the covered entity (CE), discovered that "
        "files in its electronic medical records (EMR) were encrypted by ransomware. Through its contracted "
        "forensic investigator, Altep, the CE found that there was unauthorized access through its remote "
        "desktop protocol (RDP) service.",
        ["Jemison Internal Medicine, P.C."],
        ["Altep"],
    ),
    (
        "capitalised-covered-entity",
        "On October 30, 2013, the Florida Department of Health, the Covered Entity (CE), was notified by law "
        "enforcement officials that Orange County Department of Health (OCDOH) employees retrieved protected "
        "health information (PHI).",
        ["Florida Department of Health"],
        ["Covered Entity"],
    ),
]
HHS_PLACES = [
    (
        "state-code-after-town",
        "On July 3, 2018, the covered entity’s (CE) sale associate experienced a theft when a briefcase was "
        "stolen from a vehicle in Nashville, TN. The briefcase contained an encrypted laptop.",
        [],
        ["TN"],
    ),
    (
        "territory-is-a-place",
        "An encrypted laptop computer was stolen from an AFLAC associate's vehicle in Puerto Rico. The laptop "
        "contained PHI of approximately 679 individuals.",
        ["AFLAC"],
        ["Puerto Rico"],
    ),
]
HIBP_RULES = [
    (
        "descriptor-comma-appositive",
        "In October 2020, 17 previously undisclosed data breaches appeared for sale including the Thai "
        "restaurant, hotel and attraction finding service, Wongnai. The breach exposed almost 4M unique "
        "customer records.",
        ["Wongnai"],
        [],
    ),
    (
        "had-decimal-count-exposed",
        "In January 2014 just one week after Gibson Security detailed vulnerabilities in the service, "
        "Snapchat had 4.6 million usernames and phone number exposed.",
        ["Snapchat"],
        ["Gibson Security"],
    ),
    (
        "parent-company-is-not-victim",
        'In July 2016, a data breach of the now defunct database forum "dBforums" appeared for sale '
        "alongside several others hacked from the parent company, Penton. The breach of the vBulletin based "
        "forum contained 363k unique email addresses.",
        ["dBforums"],
        ["Penton"],
    ),
    (
        # the fallback (earliest organization in a breach sentence) skips one context gave a role
        "fallback-skips-parent-company",
        'In August 2021, an allegation was made that the Brazilian fast food company "Habib\'s" had suffered '
        "a data breach that was later redistributed as part of a larger corpus of data. Upon thorough "
        "investigation, parent company Gennius concluded that the information in the breach was not related "
        "to any databases that hold their customers' personal information.",
        None,
        ["Gennius"],
    ),
]
CASIE_RULES = [
    (
        # "X with N records": a tally of the organizations in a leak
        "with-count-tally",
        "The leading organisation by records is the Department of Defense, with 101,013 personnel records "
        "exposed in the dump. It is followed by the United States Postal Service (USPS) with 88,153 leaked "
        "employee records and AT&T with 67,382. Other firms affected by the leak includes CVS with 40,739 "
        "records, Citigroup with 35,292 and IBM with 33,412.",
        ["Department of Defense", "United States Postal Service", "AT&T", "CVS", "Citigroup", "IBM"],
        [],
    ),
    (
        # an acronym with a digit links to its name: one victim, not two
        "acronym-with-digit",
        "Online gaming company Reality Squared Games (R2Games) has been compromised for the second time in "
        "two years, according to records obtained by the for-profit notification service LeakBase. In December "
        "of 2015, stretching into July of 2016, more than 22 million R2Games accounts were compromised.",
        ["Reality Squared Games"],
        [],
    ),
    (
        # malware names the weapon; the fallback then finds the organization
        "malware-is-not-victim",
        "The United States’ National Security Agency has linked North Korea to the WannaCry ransomware "
        "attack that had affected more than 3,00,000 people worldwide in May, reported The Washington Post.",
        None,
        ["WannaCry"],
    ),
    (
        "malware-demand-from",
        "The highest demand seen in public during the last was $28,730 from MIRCOP ransomware. It’s not "
        "clear if anyone actually paid off those specific hackers.",
        [],
        ["MIRCOP"],
    ),
    (
        # a capitalised verb before an inner "the": the title of a show, not two names
        "title-is-not-names",
        "Last week, Netflix found itself on the receiving end of a ransom demand from the individual or "
        "group, making unconfirmed demands in return for not releasing the unseen series 5 of the hit Orange "
        "Is the New Black, starring Dascha Polanco, to the web.",
        None,
        ["Orange Is", "New Black"],
    ),
    (
        # "Hello Netflix" after "Netflix" is no person named Netflix
        "surname-before-full-name-is-no-person",
        "Established broadcasters have been losing eyeballs to streaming companies such as Netflix and "
        "Amazon. Separately, the group’s Twitter feed crowed: Hello Netflix, we’ve arrived. Netflix "
        "acknowledged the leak, which it said was caused by a breach at a production vendor.",
        ["Netflix", "Amazon"],
        [],
    ),
    (
        # "Bar" is an organization head: the name is not cut at "and"
        "and-before-a-head",
        "That breach affected hotels, along with bars and restaurants at hotels, such as Michael Jordan’s "
        "Steak House and Bar at InterContinental Chicago.",
        ["Michael Jordan’s Steak House and Bar"],
        ["Bar"],
    ),
    (
        "plural-demonym-is-not-victim",
        "It's how Russians hacked the Democratic National Committee during the presidential election.",
        ["Democratic National Committee"],
        ["Russians"],
    ),
    (
        "regional-adjective-is-not-victim",
        "A group of financially motivated hackers is targeting networks and systems of North American "
        "companies, threatening to leak the stolen information.",
        [],
        ["North American"],
    ),
    (
        "news-outlet-is-source",
        "The media company, which runs a stable of TV and radio channels, was hit by a ransomware attack "
        "last Thursday (Nov 8), The Edge Financial Daily reported.",
        [],
        ["Edge Financial Daily"],
    ),
]
HIBP_MORE = [
    (
        # a name after a descriptor keeps its "and"
        "descriptor-name-with-and",
        "In approximately April 2016, the gaming website Guns and Robots suffered a data breach resulting in "
        "the exposure of 143k unique records.",
        ["Guns and Robots"],
        [],
    ),
    (
        # a lower-case name after a descriptor counts before a breach verb
        "lowercase-descriptor-name",
        "In October 2020, the Indian grocery platform bigbasket suffered a data breach that exposed over 20 "
        "million customer records.",
        ["bigbasket"],
        [],
    ),
    (
        # ... but an ordinary noun after a descriptor is no name
        "common-noun-after-descriptor",
        "In August 2012, the Xiaomi user forum website suffered a data breach. In all, 8.3M unique email "
        "addresses were exposed.",
        ["Xiaomi"],
        ["website"],
    ),
    (
        # a listed news outlet that suffered a breach itself is the victim
        "listed-outlet-breached-itself",
        "In approximately mid-2020, Mashable suffered a data breach that subsequently turned up publicly in "
        "November 2020. The data included 1.4 million unique email addresses.",
        ["Mashable"],
        [],
    ),
]
CASIE_MORE = [
    (
        # a maker's products are not its breach
        "vendor-products",
        "The code dump includes a cohort of old firewall exploits that targeted vulnerabilities in Cisco, "
        "Fortinet and Juniper Networks products.",
        [],
        ["Juniper Networks"],
    ),
    (
        # an incident the article compares with is another incident
        "comparison-is-other-incident",
        "As word of Netflix's security problem started to spread, news outlets starting comparing the "
        "incident to the Sony Pictures hack and the medical hacks over the last few years.",
        None,
        ["Sony Pictures"],
    ),
    (
        # "known as X" takes capitalised words only: not "TheDarkOverlord resurfaced"
        "known-as-stops-at-a-verb",
        "Over the weekend, a hacker known as TheDarkOverlord resurfaced and released the first episode of "
        "season five, a popular show on Netflix that isn't slated to air until June.",
        None,
        ["TheDarkOverlord resurfaced"],
    ),
]
BUGS_CAUGHT_ACCURACY = [
    (
        # "known as X" followed by "after": the phrase ended before a preposition was not read
        "known-as-before-after",
        "In April 2018, news broke of a massive data breach impacting the Vietnamese company known as VNG "
        "after data was discovered being traded on a popular hacking forum.",
        ["VNG"],
        [],
    ),
    (
        # "covered entity (CE)," also matched the "ce," ending "service," and "(twice),"
        "ce-slot-needs-a-word",
        "In February 2025, the spyware service Cocospy suffered a data breach along with sibling spyware "
        "service, Spyic. The Cocospy breach alone exposed almost 1.8M customer email addresses.",
        ["Cocospy"],
        [],
    ),
]
ACCURACY_CASES = HHS_SLOTS + HHS_THIRD_PARTIES + HHS_PLACES + HIBP_RULES + HIBP_MORE + CASIE_RULES + CASIE_MORE + BUGS_CAUGHT_ACCURACY


@pytest.mark.parametrize(
    "text,expected,not_victims", [c[1:] for c in ACCURACY_CASES], ids=[c[0] for c in ACCURACY_CASES]
)
def test_victim_accuracy_rules(nlp, text: str, expected: list[str] | None, not_victims: list[str]) -> None:
    victims, orgs = run(nlp, text)
    names = [v["name"] for v in victims]
    if expected is not None:
        assert len(names) == len(expected), (text, names)
        for got, want in zip(sorted(names), sorted(expected)):
            assert same_org(got, want), (text, names)
    for n in not_victims:
        assert not any(same_org(v, n) for v in names), (text, names)


def test_sentence_touch_sweep_is_touches() -> None:
    import random

    from breach_nlp.textspans import touches, touching as _touching

    rnd = random.Random(3)
    for _ in range(3000):
        cuts = sorted(rnd.sample(range(60), rnd.randint(0, 12)))
        skip = [[cuts[k], cuts[k + 1]] for k in range(0, len(cuts) - 1, 2)]
        bounds = sorted(rnd.sample(range(60), rnd.randint(0, 16)))
        sents = [[bounds[k], bounds[k + 1]] for k in range(0, len(bounds) - 1, rnd.choice((1, 2)))]
        sents += [[x, x + 1] for x in rnd.sample(range(60), 2)] + [[7, 7]]
        sents.sort()
        got = _touching(skip, sents)
        assert got == [touches(skip, a, b) for a, b in sents], (skip, sents)
    # unsorted or overlapping input: no sweep
    assert _touching([[5, 9], [1, 3]], [[0, 4]]) is None
    assert _touching([[1, 6], [5, 9]], [[0, 4]]) is None
    assert _touching([[1, 3]], [[5, 9], [0, 4]]) is None


# (id, text, names that must be organizations, names that must not)
COORDINATIONS = [
    # CASIE 1990: both names stand alone elsewhere in the text: two organizations
    ("casie-both-named-alone",
     "Netflix said an episode leaked. The company in question, Larson Studios, does audio post-production "
     "work. Netflix and Larson Studios are (were) being extorted, they were not infected with ransomware.",
     ["Netflix", "Larson Studios"], ["Netflix and Larson Studios"]),
    # HHS: one hospital whose name has "and" (no part named alone)
    ("hhs-one-name-with-and",
     "The covered entity (CE), Brigham and Women’s Hospital, reported that graphs posted to the Internet "
     "contained a link that could expose the protected health information (PHI) of 987 individuals.",
     ["Brigham and Women’s Hospital"], ["Brigham"]),
]


@pytest.mark.parametrize("text,present,absent", [c[1:] for c in COORDINATIONS], ids=[c[0] for c in COORDINATIONS])
def test_coordinated_names_split_only_when_each_stands_alone(nlp, text: str, present: list[str], absent: list[str]) -> None:
    _, orgs = run(nlp, text)
    names = {o["name"] for o in orgs}
    assert set(present) <= names and not set(absent) & names, orgs
