"""breach_orgs, scoring and resolution half: each fast path against its plain form (session 3
speed work). Real sentences and windows (CASIE, HHS, HIBP, DEV_PAGES wording) plus edge
cases; nothing here needs ../shared."""

from __future__ import annotations

import random

import pytest

from breach_nlp.api import make_doc
from breach_nlp.pipeline import build

from .test_orgs import SPEED_SENTENCES, SPEED_WINDOWS, _variants


@pytest.fixture(scope="module")
def nlp():
    return build()


@pytest.fixture(scope="module")
def comp(nlp):
    return nlp.get_pipe("breach_orgs")


def _random_texts(n: int, seed: int = 11) -> list[str]:
    rnd = random.Random(seed)
    pieces = ["a", " ", "\n", ".", ",", "A", "’", "'", "(", ")", "CE", "BA", "the ", "of ", "at ", "from ",
              "breach", "hacked ", "attack", "said ", "also been targeted", "covered entity", "business associate",
              "researchers ", "according to ", "İ", "ς", "\u00a0", "-", "data", "x"]
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 40))) for _ in range(n)]


CUE_SENTENCES = [
    ("CASIE", "The company said hackers accessed the personal information of 2 million customers."),
    ("CASIE", "The Co-op and Harrods have also been targeted in the past weeks."),
    ("HHS", "The covered entity (CE), Fiondella, Milone & LaSaracina, LLP, reported that an unauthorized party"),
    ("HIBP", "In March 2015, 000webhost suffered a major data breach that exposed almost 15 million customer records."),
    ("DEV_PAGES", "The ransomware gang posted the stolen files on its dark web leak site"),
    ("BUGS_CAUGHT", "xbreach breach_ -hacked cyber-attack cyberattack cyber attacks PHI ePHI misdirected"),
    ("BUGS_CAUGHT", ""),
]


def test_word_start_cues_are_the_plain_searches(comp) -> None:
    """The breach cue and the separate-incident cue (``WordStartRegex``) answer as the plain
    searches on lower-cased text."""
    texts = [t.lower() for _, t in CUE_SENTENCES + SPEED_SENTENCES] + [t.lower() for t in _random_texts(2000)]
    for t in texts:
        for a in range(0, len(t) + 1, 5):
            x = t[a:]
            assert comp.cue_ws.found(x) == (comp.cue_re.search(x) is not None), x
            assert comp.sep_ws.found(x) == (comp.sep_re.search(x) is not None), x


def test_prefixed_left_gate_is_the_left_gate(comp) -> None:
    """The first left gate behind its prefix look-ahead matches exactly the windows the
    plain gate matches (reversed, lower-cased, with and without a final newline)."""
    assert comp.left_gate is not None and comp.left_gate_fast is not comp.left_gate
    windows = [x for _, w in SPEED_WINDOWS for x in _variants(w)] + _random_texts(3000)
    windows += ["researchers at ", "according to the ", "reported by ", "its vendor, ", "the covered entity (CE), Dr. "]
    for w in windows:
        r = w.lower()[::-1]
        for y in (r, r[1:]):
            assert bool(comp.left_gate_fast.match(y)) == bool(comp.left_gate.match(y)), w


def test_case_sensitive_right_prefilters_are_necessary(comp) -> None:
    """A case-sensitive right rule only matches a window holding one of its prefilter words
    (so a sentence without them may skip that rule and its gate)."""
    cs = [p for p in comp.right_pats if not p[5]]
    assert cs and all(type(p[6]) is tuple for p in cs)
    rights = [
        " (CE), the covered entity, reported", ", the covered entity (CE),", " is the CE (", ", a business associate (BA)",
        " (BA), the BA reported", ", the Covered Entity", " (DDS), a CE, filed", ", the business associate",
    ]
    rights += [x for _, w in SPEED_WINDOWS for x in _variants(w)] + _random_texts(3000)
    for y in rights:
        for _, _, _, pid, rx, _lc, pf, _rev in cs:
            if rx.search(y):
                assert any(lit in y for lit in pf), (pid, y)
    # and the sentence lists leave them out only when those words are absent
    for _, sent in SPEED_SENTENCES + [("HHS", "x" + r) for r in rights[:8]]:
        right = comp._sentence_rules(sent)[3]
        for p in cs:
            assert (p in right) == any(lit in sent for lit in p[6]), (p[3], sent)


def _person_names_plain(comp, mentions):
    """The first form of ``_person_names`` (session 2), kept here as the reference."""
    singles: dict[str, int] = {}
    for m in mentions:
        if " " not in m["name"] and "hhs" not in m["ev"]:
            singles.setdefault(m["name"], m["start"])
    out: set[str] = set()
    for m in mentions:
        words = m["name"].split()
        if (
            2 <= len(words) <= 3
            and words[-1] in singles
            and m["start"] < singles[words[-1]]
            and not words[0].endswith(("’s", "'s"))
            and words[0] not in singles
            and not ({"head", "gazetteer", "hhs", "acronym_def", "domain"} & m["ev"])
            and words[-1] not in comp.heads
            and comp.gazetteer_role(words[-1]) is None
        ):
            out.add(m["name"])
            out.add(words[-1])
    return out


PERSON_CASES = [
    ("DEV_PAGES", ["Christina Salcido", "Salcido"], [set(), set()]),
    ("CASIE", ["Qantas Airways", "Qantas"], [set(), set()]),
    ("CASIE", ["Hello Netflix", "Netflix", "Netflix"], [set(), set()]),
    ("CASIE", ["the Guardian’s Soulmates", "Soulmates"], [set(), set()]),
    ("BUGS_CAUGHT", ["Salcido", "Christina Salcido", "Salcido"], [set(), set(), set()]),
    ("BUGS_CAUGHT", ["Mary Ann Smith", "Smith", "Ann"], [set(), set(), set()]),
    ("BUGS_CAUGHT", ["Acme Health", "Health"], [{"head"}, set()]),
    ("BUGS_CAUGHT", ["John Doe", "Doe"], [{"hhs"}, set()]),
    ("BUGS_CAUGHT", ["John Doe", "Doe"], [set(), {"hhs"}]),
    ("BUGS_CAUGHT", ["John Doe", "John", "Doe"], [set(), set(), set()]),
]


@pytest.mark.parametrize("origin,names,evs", PERSON_CASES, ids=[f"{o}:{n[0]}" for o, n, _ in PERSON_CASES])
def test_person_names_is_the_plain_form(comp, origin, names, evs) -> None:
    ms = [{"name": n, "start": 10 * i, "ev": set(ev)} for i, (n, ev) in enumerate(zip(names, evs))]
    assert comp._person_names(ms) == _person_names_plain(comp, ms)
    ms.reverse()
    for i, m in enumerate(ms):
        m["start"] = 10 * i
    assert comp._person_names(ms) == _person_names_plain(comp, ms)


RESOLVE_TEXTS = [
    ("HHS", "OU Medicine, Inc. d/b/a OU Health reported a breach. OU Medicine dba OU Health notified HHS. "
     "OU Health said the breach at OU Medicine affected patients."),
    ("CASIE", "The Health Service Executive (HSE) was hit by ransomware. The HSE said Health Service Executive "
     "systems were down; HHS and Harbor Health Services were not affected."),
    ("CASIE", "France Travail, formerly known as Pole Emploi, was breached. France said the France Travail breach "
     "hit 43 million people."),
]


@pytest.mark.parametrize("origin,text", RESOLVE_TEXTS, ids=[o + ":" + t[:20] for o, t in RESOLVE_TEXTS])
def test_resolve_runs_on_dba_and_acronym_names(nlp, origin, text) -> None:
    """Names with two initials ('dba' forms) meet a pair in two buckets: compared once."""
    doc = nlp(make_doc(nlp, text))
    for o in doc._.breach_orgs:
        assert text[o["start"] : o["end"]] == o["text"]
    names = [o["name"] for o in doc._.breach_orgs]
    assert len(names) == len(set(names))


def test_scoring_fast_paths_keep_the_answers(comp) -> None:
    """Whole documents: the component's answers do not depend on the order the memos fill
    (each text twice, cold and warm)."""
    nlp = comp.nlp
    texts = [t for _, t in SPEED_SENTENCES + CUE_SENTENCES + RESOLVE_TEXTS]
    first = []
    for t in texts:
        doc = nlp(make_doc(nlp, t))
        first.append((doc._.breach_orgs, doc._.breach_victims))
    again = []
    for t in texts:
        doc = nlp(make_doc(nlp, t))
        again.append((doc._.breach_orgs, doc._.breach_victims))
    assert first == again


# -- possessive repeats (breach_nlp.possessive) -------------------------------------------
POSSESSIVE_CASES = [
    ("BUGS_CAUGHT", r"\s+$"),
    ("BUGS_CAUGHT", r"a+a"),
    ("BUGS_CAUGHT", r"a+b"),
    ("BUGS_CAUGHT", r"[\w-]+\s+x"),
    ("BUGS_CAUGHT", r"\w+\b"),
    ("BUGS_CAUGHT", r"x*(?=x)"),
    ("BUGS_CAUGHT", r"x*(?!y)x"),
    ("BUGS_CAUGHT", r"[^,]{1,5},"),
    ("BUGS_CAUGHT", r"(?:ab)+b"),
    ("BUGS_CAUGHT", r"(?:[a-z]+\s+){0,3}data\b"),
    ("BUGS_CAUGHT", r"(?:\s+,?[\w’'.-]+){0,3}\s+(?:eht\s+)?fo"),
    ("BUGS_CAUGHT", r"\s*(?:\(\w+\))?,?(?:\s+|\s*\()the"),
    ("BUGS_CAUGHT", r"(?=(\d+))\d+x|\d+"),
    ("BUGS_CAUGHT", r"(a|ab)c+(?:c|d)"),
    ("BUGS_CAUGHT", r"\d{1,3}(?:,\d{3})*\b"),
    ("BUGS_CAUGHT", r"[a-z]+(?<=b)c"),
    ("BUGS_CAUGHT", r"(?i:a+)A"),
    ("BUGS_CAUGHT", r"\S+\s"),
    ("BUGS_CAUGHT", r"(\w+)\s+\1"),
    ("CASIE", r"(?:breach\w*|attacks?)\s+(?:at|on|of)\s+(?:the\s+)?(?:[\w’'.-]+,?\s+){0,3}$"),
]
_POSS_TEXTS = [
    "", "a", "aab", "aaa", "ab", "abbc", "xxx", "xy", "1,234 x", "12,34,567", "the data of the site",
    "an old  data  base", "  (CE), the", " ( the", "abc  abc", "breach at the old site,  ", "x\n", "A a aA",
] + _random_texts(400, seed=5)


@pytest.mark.parametrize("origin,pattern", POSSESSIVE_CASES, ids=[f"{o}:{p[:24]}" for o, p in POSSESSIVE_CASES])
def test_possessive_finds_the_same_matches(origin, pattern) -> None:
    import re

    from breach_nlp.possessive import possessive

    rx = re.compile(pattern)
    fast = possessive(rx)
    for t in _POSS_TEXTS:
        assert [(m.span(), m.groups()) for m in rx.finditer(t)] == [(m.span(), m.groups()) for m in fast.finditer(t)], t
        for a in range(len(t)):
            m1, m2 = rx.match(t, a), fast.match(t, a)
            assert (m1 and m1.span()) == (m2 and m2.span()), (t, a)


def test_possessive_applies_to_the_word_skipping_rules() -> None:
    from breach_nlp.components.orgs import _P
    from breach_nlp.possessive import possessive_tree

    tree = possessive_tree(_P.parse(r"(?:[\w-]+\s+){0,3}data"))
    assert "POSSESSIVE_REPEAT" in str(tree)
    assert "POSSESSIVE_REPEAT" not in str(possessive_tree(_P.parse(r"\s+$")))
    assert "POSSESSIVE_REPEAT" not in str(possessive_tree(_P.parse(r"a+a")))


def test_possessive_doctests() -> None:
    import doctest

    from breach_nlp import possessive

    assert doctest.testmod(possessive).failed == 0


def test_component_rules_and_gates_are_the_plain_forms(comp) -> None:
    """The component's possessive rules and gates against the rules as written (left rules:
    the forward search; right rules: the plain anchored search; gates: any of their rules)."""
    import re

    from breach_nlp.components.orgs import _lower_pattern

    plain = {
        p["id"]: re.compile(p["pattern"]) if p.get("flags") == "case-sensitive" else _lower_pattern(p["pattern"])
        for p in comp.data["orgs.json"]["roles"]["patterns"]
    }
    windows = [x for _, w in SPEED_WINDOWS for x in _variants(w)] + _random_texts(1500, seed=3)
    windows += [t for _, t in SPEED_SENTENCES + CUE_SENTENCES]
    for w in windows:
        for case in (w, w.lower()):
            r = case[::-1]
            for _, _, _, pid, rx, lc, _pf, rev in comp.left_pats:
                if lc and case is w:
                    continue
                if rev is not None:
                    fast = bool(rx.match(r) or (r[:1] == "\n" and rx.match(r[1:])))
                    assert fast == bool(plain[pid].search(case[-120:] if len(case) > 120 else case)), (pid, case)
            for _, _, _, pid, rx, lc, _pf, _rev in comp.right_pats:
                if lc and case is w:
                    continue
                m1, m2 = plain[pid].search(case), rx.search(case)
                assert (m1 and m1.span()) == (m2 and m2.span()), (pid, case)
            if case is not w:
                for gate, ids in ((comp.left_gate, comp.left_gated_ids), (comp.left_gate_fast, comp.left_gated_ids),
                                  (comp.left_gate2, comp.left_gated2_ids)):
                    want = any(plain[i].search(case) for i in ids)
                    assert want == bool(gate.match(r) or (r[:1] == "\n" and gate.match(r[1:]))), case
                nocue = [p[3] for p in comp.left_pats if p[3] in comp.left_gated2_ids and not p[2]]
                want = any(plain[i].search(case) for i in nocue)
                g = comp.left_gate2_nocue
                assert want == bool(g.match(r) or (r[:1] == "\n" and g.match(r[1:]))), case
                want = any(plain[p[3]].match(case) for p in comp.right_pats if p[5])
                assert want == bool(comp.right_gate_lc.match(case)), case
            else:
                want = any(plain[p[3]].match(case) for p in comp.right_pats if not p[5])
                assert want == bool(comp.right_gate_cs.match(case)), case


# -- mentions left unscored (_unscored) ----------------------------------------------------
UNSCORED_TEXTS = [
    ("CASIE", "The ICO fined British Airways after hackers stole data, according to the BBC. "
     "The ICO said British Airways had been breached. LockBit claimed the attack on the ICO's systems."),
    ("CASIE", "Chief executive Stuart Machin said the attack hit Marks & Spencer. Machin said customers were safe; "
     "Stuart Machin and the FBI said the attack was over."),
    ("DEV_PAGES", "The FBI, the ICO and LockBit were named; Optus, the FBI and Medibank were breached."),
    ("HHS", "The covered entity (CE), Harbor Health Services, reported that HHS OCR was notified. The OCR said "
     "the HHS review of Harbor Health Services found the CE had been hacked by ALPHV."),
    ("BUGS_CAUGHT", "The The and &, Inc. were hacked; Inc. said the & breach hit Acme Inc. and Inc."),
]


def _orgs_of(nlp, text: str):
    doc = nlp(make_doc(nlp, text))
    return doc._.breach_orgs, doc._.breach_victims


@pytest.mark.parametrize("origin,text", UNSCORED_TEXTS, ids=[o + ":" + t[:24] for o, t in UNSCORED_TEXTS])
def test_unscored_mentions_change_no_answer(nlp, comp, monkeypatch, origin, text) -> None:
    """Scoring every mention gives the same organizations and victims."""
    fast = _orgs_of(nlp, text)
    monkeypatch.setattr(type(comp), "_unscored", lambda self, mentions, plan, listed: set())
    assert _orgs_of(nlp, text) == fast


def test_unscored_mentions_change_no_answer_on_dev_texts(nlp, comp, monkeypatch) -> None:
    """The same on CASIE dev texts (skips without ../shared)."""
    from .conftest import shared_path

    files = sorted(shared_path("casie-dev").rglob("*.txt"))[:150]
    texts = [f.read_text(encoding="utf-8") for f in files]
    fast = [_orgs_of(nlp, t) for t in texts]
    skipped = sum(
        len(comp._unscored(ms, comp._clusters(ms, []), set()))
        for ms in [[{"name": "Smith", "start": 0, "end": 5, "ev": set(), "sent": 0}]]
    )
    assert skipped == 0  # (an evidence-less lone name that is no person is scored)
    monkeypatch.setattr(type(comp), "_unscored", lambda self, mentions, plan, listed: set())
    assert [_orgs_of(nlp, t) for t in texts] == fast


# -- all mentions in one loop (_score_all) -------------------------------------------------
SCORE_ALL_TEXTS = [
    ("CASIE", "Hackers breached “Equifax” and stole data from 143 million people, according to The Wall Street "
     "Journal. Equifax said the attack on its systems was contained; researchers at Kromtech found it."),
    ("HHS", "The covered entity (CE), Fiondella, Milone & LaSaracina, LLP, reported that its business associate "
     "(BA), Acme Billing, lost records. The BA notified HHS. Acme Billing, a business associate of the CE, said"),
    ("HIBP", "In March 2015, 000webhost suffered a major data breach.\nThe compromised vBulletin forum exposed "
     "data; the online betting platform 1win was hit by the LockBit ransomware gang."),
    ("DEV_PAGES", "Optus, Medibank and Latitude were breached.\n\"Medibank\" confirmed the incident, the Office of the "
     "Australian Information Commissioner said. The Co-op and Harrods have also been targeted."),
    ("BUGS_CAUGHT", "\nAcme\n said it was hacked. ’Acme’ was breached by\nFoo Corp and Bar Inc, "
     "the ICO fined Baz Ltd; data of Qux Group customers leaked from Qux Group servers."),
]


def _score_plain(comp, text, sents, m) -> None:
    """The plain form of ``_score_all`` for one mention: every rule as written (lower-case
    rules on lower-cased windows), searched forward on the windows and their coordination
    variants, in the rules' order, without gates, prefilters or rule lists."""
    import re

    from breach_nlp.components.orgs import _COORD_LEFT, _COORD_RIGHT, _lower_pattern

    rules = [
        (p, re.compile(p["pattern"]) if p.get("flags") == "case-sensitive" else _lower_pattern(p["pattern"]))
        for p in comp.data["orgs.json"]["roles"]["patterns"]
    ]
    ss, se = sents[m["sent"]]
    s, e = m["start"], m["end"]
    cue = comp.cue_re.search(text[ss:se].lower()) is not None
    left = text[max(ss, s - 80) : s].rstrip("\"“‘'")
    right = text[e : min(se, e + 180)].lstrip("\"”")
    cm = _COORD_LEFT.search(left)
    left2 = left[: cm.start()] + " " if cm else None
    cm = _COORD_RIGHT.match(right)
    right2 = right[cm.end() :] if cm else None
    scores: dict = {}
    hits: list = []
    for side in ("left", "right"):
        for p, rx in rules:
            if p["side"] != side or (p.get("cue") and not cue):
                continue
            win, win2 = (left, left2) if side == "left" else (right, right2)
            if p.get("flags") != "case-sensitive":
                win, win2 = win.lower(), win2 and win2.lower()
            if rx.search(win) or (win2 is not None and rx.search(win2)):
                scores[p["role"]] = scores.get(p["role"], 0.0) + float(p["weight"])
                hits.append(p["id"])
    name = m["name"]
    if "gazetteer" in m["ev"] and comp.software_use_re.match(right) and comp.gazetteer_role(name) == "vendor":
        scores["vendor"] = scores.get("vendor", 0.0) + comp.software_use_w
        hits.append("software_in_use")
    words = name.split()
    if words and (words[-1].capitalize() in comp.reg_heads or (len(words) > 2 and words[0] == "Office" and "of" in words)):
        scores["regulator"] = scores.get("regulator", 0.0) + 3
    if "victim" in scores and comp.sep_re.search(text[max(ss, s - 300) : min(se, e + 60)].lower()):
        m["sep"] = True
        scores["other"] = scores.get("other", 0.0) + scores.pop("victim")
    m["scores"], m["hits"], m["cue"] = scores, hits, cue
    if hits:
        m["ev"].add("context")


def _scored(nlp, comp, monkeypatch, texts, plain: bool):
    """Each text's mentions after scoring (scores with their types, hits, flags, evidence)
    and its organizations; ``plain``: every mention scored by ``_score_plain``."""
    seen = []
    share = type(comp)._share_in_lists

    def spy(self, text, mentions, groups=None):
        seen.append([
            ([(k, v, type(v)) for k, v in m["scores"].items()], m.get("hits"), m["sep"], m.get("cue"), sorted(m["ev"]))
            for m in mentions
        ])
        return share(self, text, mentions, groups)

    def one_by_one(self, text, sents, mentions, skip):
        for i, m in enumerate(mentions):
            if i not in skip:
                _score_plain(self, text, sents, m)

    with monkeypatch.context() as mp:
        mp.setattr(type(comp), "_share_in_lists", spy)
        if plain:
            mp.setattr(type(comp), "_score_all", one_by_one)
        outs = [_orgs_of(nlp, t) for t in texts]
    return seen, outs


def test_score_all_is_the_plain_scoring(nlp, comp, monkeypatch) -> None:
    """``_score_all`` gives every mention what the plain searches give it (quotes, newlines
    before a name, coordinated names, case-sensitive portal rules, regulators)."""
    texts = [t for _, t in SCORE_ALL_TEXTS + SPEED_SENTENCES + CUE_SENTENCES + UNSCORED_TEXTS]
    texts += [t for _, t in RESOLVE_TEXTS]
    fast = _scored(nlp, comp, monkeypatch, texts, plain=False)
    assert fast == _scored(nlp, comp, monkeypatch, texts, plain=True)
    assert any(any(m[1] for m in ms) for ms in fast[0])  # (some rule hit)


def test_score_all_is_the_plain_scoring_on_dev_texts(nlp, comp, monkeypatch) -> None:
    """The same on CASIE dev texts (skips without ../shared)."""
    from .conftest import shared_path

    files = sorted(shared_path("casie-dev").rglob("*.txt"))[::4]
    texts = [f.read_text(encoding="utf-8") for f in files]
    assert _scored(nlp, comp, monkeypatch, texts, plain=False) == _scored(nlp, comp, monkeypatch, texts, plain=True)


def test_absorbed_left_rules_are_in_the_first_gate(comp) -> None:
    """The cheap left rules with a literal prefilter sit in the first left gate (their words
    are then not looked for per sentence), and the gate's ids name them."""
    assert comp.left_absorbed and comp.left_absorbed <= comp.left_gated_ids
    for p in comp.left_pats:
        if p[3] in comp.left_absorbed:
            assert type(p[6]) is tuple and not set(p[6]) & set(comp.pf_lits_lc) - {
                lit for q in comp.left_pats if q[3] not in comp.left_absorbed and type(q[6]) is tuple for lit in q[6]
            }


def test_relaxed_reversed_left_rules_are_necessary(comp) -> None:
    """A left rule searched forward (``object_hacked``: a look-ahead) matches a window only
    when its reversed form without look-arounds matches the reversed window (or that
    window without a final newline)."""
    import re

    from breach_nlp.components.orgs import _lower_pattern, _relaxed_reversed

    assert "object_hacked" in comp.left_relaxed
    windows = [x for _, w in SPEED_WINDOWS for x in _variants(w)] + _random_texts(3000, seed=17)
    windows += ["hackers breached the ", "it was hacked by ", "attackers hit the old ", "breached\n", "hit  by ",
                "they broke into its servers and the ", "hacked by the "]
    windows += [t[: a] for _, t in SPEED_SENTENCES + SCORE_ALL_TEXTS for a in range(0, len(t), 3)]
    for p in comp.data["orgs.json"]["roles"]["patterns"]:
        if p["id"] not in comp.left_relaxed:
            continue
        rx = _lower_pattern(p["pattern"])
        rel = comp.left_relaxed[p["id"]]
        hits = 0
        for w in windows:
            low = w[-81:].lower()
            if rx.search(low):
                hits += 1
                x = low[::-1]
                assert rel.match(x) or (x[:1] == "\n" and rel.match(x[1:])), (p["id"], low)
        assert hits > 5
    # a rule without look-arounds: its relaxed form is its reversed form
    plain = re.compile(r"\b(?:ab|cd)\s+(?:x\s+)?$")
    rel = _relaxed_reversed(plain)
    for w in ["ab ", "xab x ", "cd  x ", "ab", "zcd ", "ab x y "]:
        assert bool(rel.match(w[::-1])) == bool(plain.search(w)), w
