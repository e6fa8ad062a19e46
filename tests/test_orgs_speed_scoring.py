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
