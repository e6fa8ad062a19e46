"""breach_orgs candidate half: each fast path gives the answer of its plain form.

The fast paths (see the module docstring of breach_nlp/components/orgs.py): name runs searched
from their capitals (``name_fast_re`` + ``_name_runs``), the searches after the runs only in
sentences holding a place they need (``_doc_gates``), sentence tests on a one-byte class copy
of the text (``_char_classes``), the title prefilter (``_title_ends``), the descriptor regex
searched from its article (``desc_fast_re``), run pieces memoized with their name facts. The
end-to-end tests run the candidate half both ways on the same documents: real sentences
from the dev data (SEED, CASIE, HHS snippets quoted below), odd inputs (BUGS_CAUGHT-style
edge cases), random texts, and every CASIE dev text when ../shared is present."""

from __future__ import annotations

import random
import re

import pytest

import breach_nlp.components.orgs as orgs_mod
from breach_nlp.api import make_doc
from breach_nlp.pipeline import build

from .conftest import shared_path


@pytest.fixture(scope="module")
def nlp():
    return build()


# (id, text): short real sentences and odd inputs that reach each fast path
CASES = [
    ("casie-ebay", "Hackers breached eBay and stole the iPhone maker's data, said vBulletin software users."),
    ("casie-title", "Chief Executive Officer Stuart Machin said the Co-op and Harrods were targeted."),
    ("hhs-portal", "The covered entity (CE), Fiondella, Milone & LaSaracina, LLP, reported that an email "
                   "account was accessed."),
    ("hhs-opening", "Stonehaven Dental, P.L.L.C., the covered entity (CE), reported a hacking incident."),
    ("casie-known-as", "Pediatrix Medical Group, formerly known as MEDNAX Services, said it was hit. "
                       "The Telegram channel known as ALIEN TXTBASE posted it."),
    ("casie-descriptor", "The online betting platform 1win suffered a breach. The Indian grocery platform "
                         "bigbasket was hacked."),
    ("casie-domain", "The site 000webhost.com and dehashed.com leaked data; see U.S. and e.g. the Inc. filings."),
    ("casie-gazetteer", "The Record and The Register reported that LockBit 3.0 and Have I Been Pwned listed it."),
    ("all-caps", "BREAKING NEWS: ACME CORP HACKED BY GROUP. Acme Corp said it was hacked."),
    ("title-case", "Acme Health Systems Reports Data Breach Affecting Patients In Texas And Ohio"),
    ("long-word", "x" * 45 + "eBay " + "A" * 50 + "bC D " + "Q" * 41 + "iPhone Maker"),
    ("lower-prefix-cut", "Visit " + "A" * 41 + "abcdefX Corp and ab" + "C" * 40 + "deF Inc today."),
    ("non-cp1252", "İstanbul’s Acme Ltd → Şirket ΑΒΓ Holdings said ſome Chief\u2009Executive John Doe left."),
    ("titles-window", "spokesperson Acme Corp. Mr. Smith, Dr.\nJones, ms  Acme and the Prof. Brown Clinic"),
    ("state-town", "Hospitals in Nashville, TN and Akron General Medical Center in Akron, Ohio were hit."),
    ("acronym", "The Health Service Executive (HSE) and Ireland’s Health Service Executive said so."),
    ("empty-ish", " \n \t "),
    ("fka-before-a-tab", "Acme Corp, f/k/a\tBeta Holdings, said the data was sold as a set."),
]


def _random_texts(n: int, seed: int = 11) -> list[str]:
    rnd = random.Random(seed)
    pieces = ["Acme", " ", "  ", "\n", ". ", ", ", "eBay", "iPhone", "The ", "the ", "a ", "Corp", "Inc.", "of",
              "and", "&", "(ACME)", "known as ", "covered entity", "),", "site", "website ", ".com", "U.S.",
              "Chief Executive ", "CEO ", "Mr. ", "x" * 7, "Z" * 9, "é", "’s", "’", "İ", "→", "\u00a0", "2019",
              "404 Media", "The Record", "vBulletin software", "Vice", "LLC", "Texas", "TN", "said", "Hackers",
              "ab", "abcdefG", "-", "HHS", "BA", "(CE), ", "dba ", "f/k/a ", "f/k/a\t", "/k/a", " as\n",
              "trading as ", "doing business as ", "The covered entity ", "business associate", "www.acme.com",
              "acme.co.uk", "a-.com", " the online forum ", "platform", "1win ", "suffered ", "The Verge",
              "thedarkoverlord", "Guardians of Peace", "Lapsus group"]
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 70))) for _ in range(n)]


def _candidates(comp, doc, plain: bool, monkeypatch) -> tuple:
    """The candidate half of ``process`` (mentions, links, persons), fast or plain."""
    got: dict = {}

    def resolve(doc, text, sents, mentions, links, *_plan):
        ids = {id(m): i for i, m in enumerate(mentions)}
        got["out"] = (
            [(m["start"], m["end"], m["name"], m["sent"], sorted(m["ev"])) for m in mentions],
            [(ids.get(a), ids.get(b)) for a, b in links],
            sorted(comp._doc_persons),
        )

    with monkeypatch.context() as mp:
        mp.setattr(comp, "_score_all", lambda *a: None, raising=False)
        mp.setattr(comp, "_share_in_lists", lambda *a: None, raising=False)
        mp.setattr(comp, "_resolve", resolve, raising=False)
        if plain:
            mp.setattr(comp, "name_fast_re", comp.name_re, raising=False)
            mp.setattr(comp, "desc_fast_re", comp.desc_re, raising=False)
            mp.setattr(orgs_mod, "_char_classes", lambda text: None)
            mp.setattr(comp, "_pieces_at_start", {}, raising=False)
            mp.setattr(comp, "_pieces_inside", {}, raising=False)

            def run_pieces(run, at_start):  # the pieces through ``_candidate`` (facts per call)
                hit = comp._clean_memo(run, False, at_start)
                hit_and = comp._clean_memo(run, True, at_start) if hit[2] else hit
                alt = hit_and if hit_and is not hit and hit[:2] != hit_and[:2] else None
                return (hit[0], None, (alt, hit[1]) if alt is not None or hit[1] else None)

            def doc_candidates(doc, text, sents, lower_words, mentions, links):
                for si, (ss, se) in enumerate(sents):
                    comp._sentence_candidates(doc, text, si, ss, se, lower_words, mentions, links)

            mp.setattr(comp, "_run_pieces", run_pieces, raising=False)
            mp.setattr(comp, "_doc_candidates", doc_candidates, raising=False)
        comp(doc)
    return got.get("out")


def _docs(nlp, texts):
    names = [n for n, _ in nlp.pipeline]
    idx = names.index("breach_orgs")
    out = []
    for t in texts:
        d = make_doc(nlp, t, None)
        for _n, p in nlp.pipeline[:idx]:
            d = p(d)
        out.append(d)
    return out


@pytest.mark.parametrize("text", [t for _, t in CASES], ids=[i for i, _ in CASES])
def test_fast_candidates_are_the_plain_ones(nlp, monkeypatch, text: str) -> None:
    comp = nlp.get_pipe("breach_orgs")
    (doc,) = _docs(nlp, [text])
    assert _candidates(comp, doc, False, monkeypatch) == _candidates(comp, doc, True, monkeypatch)


def test_fast_candidates_on_random_texts(nlp, monkeypatch) -> None:
    comp = nlp.get_pipe("breach_orgs")
    for doc in _docs(nlp, _random_texts(800)):
        assert _candidates(comp, doc, False, monkeypatch) == _candidates(comp, doc, True, monkeypatch), doc.text


def test_fast_candidates_on_casie_dev(nlp, monkeypatch) -> None:
    folder = shared_path("casie-dev")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))][:250]
    comp = nlp.get_pipe("breach_orgs")
    for doc in _docs(nlp, texts):
        assert _candidates(comp, doc, False, monkeypatch) == _candidates(comp, doc, True, monkeypatch)


def test_name_runs_are_the_plain_search(nlp) -> None:
    comp = nlp.get_pipe("breach_orgs")
    texts = [t for _, t in CASES] + _random_texts(300, seed=5) + [
        "aB", "a" * 7 + "B", " abcdefG", "xabcdefG", "é" + "abC", "." + "abC", "'abC d", "ab’C", "abC" * 20,
        "Q" * 41 + "abC", "Q" * 41 + "abcdefgH", "9" * 30 + "abC", "A-abC",
    ]
    for t in texts:
        bounds = sorted({0, len(t)} | set(range(0, len(t), 3)))
        for ss in bounds:
            for se in bounds:
                if ss <= se:
                    plain = [m.span() for m in comp.name_re.finditer(t, ss, se)]
                    assert list(comp._name_runs(t, ss, se)) == plain, (t, ss, se)


def test_sentence_tests_on_classes_are_the_plain_ones() -> None:
    from breach_nlp.components.orgs import _char_classes, _titleish

    texts = [t for _, t in CASES] + _random_texts(300, seed=3) + [
        "A B C D", "A B c D", "a\u00a0B C D E", "ÀÉ ÎÕ ÜŸ Œ", "ß ß ß", "µ µ", "A\x1cB C D", "Š Ž Ÿ x"]
    for t in texts:
        classes = _char_classes(t)
        if classes is None:
            assert any(ch.encode("cp1252", "replace") == b"?" and ch != "?" for ch in t)
            continue
        for ss in range(len(t) + 1):
            for se in range(ss, min(len(t), ss + 40) + 1):
                sent = t[ss:se]
                assert _titleish(t, ss, se, classes) == _titleish(t, ss, se, None), (t, ss, se)
                if classes[0].find(b"l", ss, se) >= 0:
                    assert sent.upper() != sent


def test_title_prefilter_is_necessary(nlp) -> None:
    from breach_nlp.components.orgs import _char_classes

    comp = nlp.get_pipe("breach_orgs")
    ends = tuple(w for tails in comp._title_ends.values() for w in tails)
    assert "officer" in ends and "dr." in ends and all(w[-1] == ch for ch, ws in comp._title_ends.items() for w in ws)
    windows = ["the chief executive officer ", "CEO  ", "co-founder\n", "Dr. ", "DR\n\n", "Mrs.\u00a0", "spokesman\t",
               "items ", "said ", "xceo ", "Prof.\n", "the Sir ", "(CEO) ", "chairwoman \n"]
    for w in windows + [x + " " for x in _random_texts(200, seed=9)]:
        text = w + "Acme"
        if _char_classes(text) is None:
            continue
        s, low = len(w), text.lower()
        for ss in range(0, s):
            left = text[max(ss, s - 40) : s]
            if comp.title_re.search(left):
                lo = max(ss, s - 40)
                p = s - 2
                while p >= lo and text[p].isspace():
                    p -= 1
                assert text[s - 1].isspace() and p >= lo and low.endswith(ends, lo, p + 1), (w, ss)


def test_descriptor_fast_regex_is_the_plain_one(nlp) -> None:
    comp = nlp.get_pipe("breach_orgs")
    texts = [t for _, t in CASES] + _random_texts(200, seed=4) + [
        "the online betting platform 1win", "an app Foo", "a\u00a0website Bar", "xthe site Foo", "The site Foo",
        "ana website Foo", "an  forum \n Baz", "_a site Q", "éthe site Q"]
    for t in texts:
        for ss in range(0, len(t) + 1, 2):
            got = [(m.span(), m.group(1)) for m in comp.desc_fast_re.finditer(t, ss)]
            assert got == [(m.span(), m.group(1)) for m in comp.desc_re.finditer(t, ss)], (t, ss)


def test_facts_name_is_what_add_keeps(nlp) -> None:
    comp = nlp.get_pipe("breach_orgs")
    for name in ["Acme  Corp", "Acme\u00a0Corp", "Acme\tCorp", "A" * 130, "Acme Corp", "X Y" + " Z" * 60]:
        facts = comp._candidate_facts(name)
        if facts is False:
            continue
        kept = comp._add([], name, 0, len(name), 0, None)
        assert facts[-1] == (kept["name"] if kept is not None else None), name


def test_title_helpers_read_the_rule() -> None:
    from breach_nlp.components.orgs import _ends_in_space, _title_ends

    assert _ends_in_space(re.compile(r"(?:\b(?:a|b)\s+)$"))
    assert not _ends_in_space(re.compile(r"(?:a|b\s+)$"))
    assert not _ends_in_space(re.compile(r"(?:\b(?:a|b)\s*)$"))
    assert _title_ends(re.compile(r"(?:\b(?:chief executive|Dr\.?|ceo)\s+)$", re.I)) == ("ceo", "dr", "dr.", "executive")
    assert _title_ends(re.compile(r"(?:\b(?:chief|[a-z]+)\s+)$", re.I)) is None


def test_dedupe_order_is_the_plain_sort() -> None:
    from breach_nlp.components.orgs import _dedupe

    def plain(mentions, kept_for):  # the sort by one Python key, then the same walk
        mentions = sorted(mentions, key=lambda m: (m["start"], -(m["end"] - m["start"])))
        out, hhs_end, hhs_m = [], -1, None
        for m in mentions:
            if out and out[-1]["start"] == m["start"] and out[-1]["end"] >= m["end"]:
                out[-1]["ev"] |= m["ev"]
                kept_for[id(m)] = id(out[-1])
                continue
            if m["end"] <= hhs_end:
                if hhs_m is not None:
                    kept_for[id(m)] = id(hhs_m)
                continue
            if "hhs" in m["ev"]:
                hhs_end, hhs_m = m["end"], m
            out.append(m)
        return out

    rnd = random.Random(2)
    for _ in range(2000):
        base = []
        for i in range(rnd.randint(0, 14)):
            s = rnd.randint(0, 6)
            base.append({"start": s, "end": s + rnd.randint(0, 4), "i": i, "ev": set(rnd.sample(["hhs", "x", "y"], 1))})
        a = [dict(m, ev=set(m["ev"])) for m in base]
        b = [dict(m, ev=set(m["ev"])) for m in base]
        ka: dict = {}
        kb: dict = {}
        got, want = _dedupe(a, ka), plain(b, kb)
        assert [(m["i"], sorted(m["ev"])) for m in got] == [(m["i"], sorted(m["ev"])) for m in want]
        ida = {id(m): m["i"] for m in a}
        idb = {id(m): m["i"] for m in b}
        assert {ida[k]: ida[v] for k, v in ka.items()} == {idb[k]: idb[v] for k, v in kb.items()}


def test_holders_are_the_plain_scan() -> None:
    from breach_nlp.components.orgs import _Holders

    rnd = random.Random(8)
    for _ in range(3000):
        ms = []
        for i in range(rnd.randint(0, 10)):
            s = rnd.randint(0, 12)
            ms.append({"start": s, "end": s + rnd.randint(0, 5), "i": i})
        holders = _Holders(list(ms))
        p = 0
        for _q in range(rnd.randint(0, 8)):
            p += rnd.randint(0, 3)
            want = sorted(m["i"] for m in ms if m["start"] <= p < m["end"])
            assert sorted(m["i"] for m in holders.at(p)) == want
            if rnd.random() < 0.5:  # a mention added at the place just asked
                m = {"start": p, "end": p + rnd.randint(0, 4), "i": len(ms)}
                ms.append(m)
                holders.add(m)
        holders.add(None)


# BUGS_CAUGHT: one long sentence of many gazetteer names, domains or descriptor names looked
# over every earlier mention of the sentence for each match (quadratic: 252 s for 690 KB)
@pytest.mark.parametrize(
    "piece",
    ["The Record The Verge Vice Society LockBit 3.0 ", "see acme.com and Acme.com ",
     "the online betting platform 1win suffered a breach "],
    ids=["gazetteer", "domains", "descriptors"],
)
def test_many_matches_in_one_sentence_stay_linear(nlp, piece: str) -> None:
    import time

    def cost(n: int) -> float:
        doc = make_doc(nlp, piece * n, None)
        t = time.process_time()
        nlp(doc)
        return time.process_time() - t

    small, big = cost(1_000), cost(6_000)  # linear: about 6x; quadratic: about 36x
    assert big < 15 * max(small, 0.02), (small, big)


# -- round 4 (speed-o3) ------------------------------------------------------------------
#: one-word runs (CASIE, HHS and BUGS_CAUGHT-style odd words): possessives, generic owners,
#: trailing punctuation, legal suffixes, dotted capitals, non-name words, connectors
ONE_WORDS = [
    "Equifax", "Equifax’s", "Equifax's", "Nvidia’s", "Banks'", "CE's", "CE’s", "The", "In", "But", "Hackers",
    "Inc.", "Ltd.", "U.S.", "U.S", "A.B.C.", "Co.", "LLC,", "Acme.", "Acme..", "Acme.,;", "Acme-", "Acme—",
    "Acme/", "&", "+", "&+", "of", "and", "dba", "eBay", "iPhone", "000webhost.com", "2019", "3M", "AT&T",
    "AT&T’s", "s’", "’s", "Ss'", "X", "Monday", "Monday.", "Turkish", "Geneva-based", "St.", "Dr.", "Mr.",
    "ALL-CAPS", "Co-op", "é", "İstanbul", ".", "..", "Jan.", "Members", "’", "Xs’", "I", "A.",
]


@pytest.mark.parametrize("at_start", [True, False])
def test_one_word_ranges_are_the_plain_clean(nlp, at_start: bool) -> None:
    comp = nlp.get_pipe("breach_orgs")
    words = ONE_WORDS + [w for t in _random_texts(300, seed=9) for w in t.split()]
    for w in words:
        for keep_and in (False, True):
            spans = comp._clean_run_text(w, 0, len(w), keep_and, at_start)
            memo = comp._clean_memo(w, keep_and, at_start)
            assert memo[1:] == ((), False), w  # no person noted, keep_and not read
            assert comp._one_word_ranges(w, at_start) == tuple(spans), (w, at_start)


def test_phrase_keys_dropped_only_when_never_common(nlp) -> None:
    """A name's ``phrase_keys`` is None (no "all ordinary words" test) when one of its words
    can never be one of the text's lower-case words: the plain test gives False there."""
    from breach_nlp.components.orgs import _LOWER_WORD, _LowerWords

    comp = nlp.get_pipe("breach_orgs")
    text = ("emergency room and the nhs ayrshire & arran u.s. zone 4 cbs4 indy bully 4 u said; "
            "the business associate of a co-op, e-mail x-ray")
    names = ["Emergency Room", "NHS Ayrshire & Arran", "Zone 4", "CBS4 Indy", "Bully 4 U", "U.S. Zone",
             "Business Associate", "Co-op X-ray", "E-mail Zone", "Ayrshire Arran", "Emergency Room’s Unit"]
    full = set(_LOWER_WORD.findall(text))
    for name in names:
        words = name.split()
        keys = tuple(w.lower() for w in words if w not in comp.connectors)
        facts = comp._candidate_facts(name)
        if facts is False or facts[4] or facts[6] is not None or len(words) < 2:
            continue
        plain = all(k in full for k in keys)
        got = facts[3] is not None and all(k in _LowerWords(text) for k in facts[3])
        assert got == plain, name
        if facts[3] is not None:
            assert facts[3] == keys


def _plain_same_org(a: str, b: str) -> bool:
    """``orgnames.same_org`` as first written (no hint search, sort by length, no memo)."""
    from breach_nlp import orgnames as on

    def split(name: str) -> list[str]:
        parts = [p.strip(" ,;:") for p in on._DBA.split(name)]
        return [p for p in parts if p] or [name]

    def same_key(ka: str, kb: str) -> bool:
        if not ka or not kb:
            return False
        if ka == kb or ka.replace(" ", "") == kb.replace(" ", ""):
            return True
        short, long_ = sorted((ka, kb), key=len)
        if long_.startswith(short + " "):
            return True
        sw, lw = short.split(), long_.split()
        if 2 <= len(sw) <= len(lw) and all(y.startswith(x) for x, y in zip(sw, lw)) and len(short) >= 4:
            return True
        compact = short.replace(" ", "").replace("&", "")
        return len(compact) >= 2 and on.acronym(long_) == compact

    pa, pb = split(a), split(b)
    if len(pa) > 1 or len(pb) > 1:
        return any(same_key(on.org_key(x), on.org_key(y)) for x in pa for y in pb)
    return same_key(on.org_key(a), on.org_key(b))


#: name pairs from CASIE and HHS (and odd ones): equal lengths both ways, dba forms, acronyms
SAME_ORG_PAIRS = [
    ("HSE", "Health Service Executive"), ("Health Service Executive", "HSE"), ("M&S", "Marks & Spencer"),
    ("abc", "xyz"), ("xyz", "abc"), ("ab c", "a bc"), ("OU Medicine dba OU Health", "OU Health"),
    ("IEC Group, Inc. d/b/a AmeriBen", "AmeriBen"), ("Osaka Gas", "OG"), ("Kaka Inc", "KI"),
    ("Acme trading as Beta", "Beta Ltd"), ("Co-op", "The Co-operative Group"), ("HHS", "Harbor Health Services"),
    ("000webhost.com", "000webhost"), ("a.k.a", "AKA"), ("Sanofi aka Aventis", "Aventis"), ("", "X"),
    ("doing business as", "dba"), ("T/A Foods", "TA Foods"), ("Şirket", "Sirket"), ("NHS", "National Health Service"),
]


def test_same_org_is_the_plain_form() -> None:
    from breach_nlp import orgnames as on

    words = ["Acme", "Health", "Service", "Executive", "HSE", "&", "and", "of", "the", "dba", "aka", "Inc.",
             "Osaka", "trading", "as", "d/b/a", "Co-op", "Group", "AG", "M&S", "é", "a.k.a.", "The"]
    rnd = random.Random(5)
    pairs = list(SAME_ORG_PAIRS)
    for _ in range(3000):
        a = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 5)))
        b = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 5)))
        pairs += [(a, b), (on.org_key(a), on.org_key(b))]
    for a, b in pairs:
        assert on.same_org(a, b) == _plain_same_org(a, b), (a, b)
        if not a.isascii() or any(h in a.lower() for h in on._DBA_HINTS):  # (else: the fast path's answer)
            assert on.split_dba(a) == ([p for p in (x.strip(" ,;:") for x in on._DBA.split(a)) if p] or [a]), a


def _plain_org_key(name: str) -> str:
    """``orgnames.org_key`` as first written (every word through both filters)."""
    import unicodedata

    from breach_nlp import orgnames as on

    s = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
    s = on._POSSESSIVE.sub("", on._INITIAL_DOTS.sub(r"\1", s))
    words = ["&" if w == "and" else w for w in on._WORDS.findall(s)]
    if words and words[0] in ("the", "dr", "drs", "mr", "mrs", "ms", "prof"):
        words = words[1:]
    words = words[:1] + [w for w in words[1:] if w not in on.INNER_SUFFIXES]
    while len(words) > 1 and words[-1] in on.LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


#: CASIE / HHS names (and odd ones) through every branch of org_key
ORG_KEY_NAMES = [
    "Equifax Inc.", "The Co-operative Group", "Marshall and Melhorn, L.L.C.", "Ellen M. Field, M.D.",
    "France’s Health Ministry", "SK Telecom Co., Ltd.", "Bosselman Energy, Inc. Health Plan", "Dr. Inc",
    "The The Inc", "Inc", "and", "The and Inc LLC", "Mr. Smith's Pizza", "U.S. Department of Health",
    "Şirket Holdings A.Ş.", "İstanbul Ltd", "", " ", "&", "Banks'", "Inc Inc Inc", "the", "Prof LLC Corp",
]


def test_org_key_is_the_plain_form() -> None:
    from breach_nlp import orgnames as on

    words = ["The", "the", "and", "And", "Inc.", "Inc", "LLC", "Corp", "Co.", "Ltd", "MD", "Dr.", "Acme",
             "Health", "&", "U.S.", "Smith's", "Banks’", "é", "Ş", "A.", "B", "of", ",", "-", "co-op"]
    rnd = random.Random(7)
    names = list(ORG_KEY_NAMES)
    names += [" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 6))) for _ in range(4000)]
    for name in names:
        assert on.org_key.__wrapped__(name) == _plain_org_key(name), name


class _NeverDisjoint:
    def isdisjoint(self, _words) -> bool:
        return False


#: multi-word runs (CASIE / HHS wording) that reach, or skip, the last rules of _clean_run_text
RUNS = [
    "DNC Chair Debbie Wasserman-Schultz", "King of Prussia Dental Associates", "Akron General Medical Center",
    "China The UK Foreign Office", "Advocare, LLC.  The", "University of California at Berkeley",
    "Orange Is the New Black", "Netflix and Larson Studios", "Health and Human Services", "Brigham and Women’s Hospital",
    "Bank of America", "Acme Corp", "Dr. Kraig R. Pepper", "Chief Executive Stuart Machin", "The Home Depot",
    "Sharjah-based InvestBank", "Turkish Minecraft", "Members of the Girl Scouts", "Ireland’s Health Service Executive",
    "St. Luke’s Health System", "The CE’s BA", "Marks and Spencer", "Partners in Care", "Center for a Brighter Tomorrow",
]


@pytest.mark.parametrize("at_start", [True, False])
def test_run_trigger_prefilter_is_the_plain_loops(nlp, monkeypatch, at_start: bool) -> None:
    comp = nlp.get_pipe("breach_orgs")
    runs = RUNS + [t.strip() for t in _random_texts(600, seed=13) if t.strip()]
    for run in runs:
        for keep_and in (False, True):
            comp._doc_persons, comp._and_read = set(), False
            fast = comp._clean_run_text(run, 0, len(run), keep_and, at_start)
            noted = (comp._doc_persons, comp._and_read)
            with monkeypatch.context() as mp:
                mp.setattr(comp, "_run_triggers", _NeverDisjoint(), raising=False)
                mp.setattr(comp, "_run_cache", {}, raising=False)
                comp._doc_persons, comp._and_read = set(), False
                plain = comp._clean_run_text(run, 0, len(run), keep_and, at_start)
                assert (fast, noted) == (plain, (comp._doc_persons, comp._and_read)), run
    comp._doc_persons, comp._and_read = set(), False


def test_name_prefilters_are_the_plain_regexes() -> None:
    """``_not_name`` and ``_norm_name`` (CASIE / HHS names and odd strings) give the plain
    ``_NOT_NAME.search`` and ``_SPACES.sub(" ", x).strip()`` answers; every white space
    character but the space is unprintable, every ``\\d`` is ``isdigit``."""
    import sys

    from breach_nlp.components.orgs import _NOT_NAME, _SPACES, _norm_name, _not_name

    space = re.compile(r"\s")
    digit = re.compile(r"\d")
    for i in range(sys.maxunicode + 1):
        ch = chr(i)
        if space.match(ch) and ch != " ":
            assert not ch.isprintable(), hex(i)
        if digit.match(ch):
            assert ch.isdigit(), hex(i)
    names = ["We've", "They’re", "26th December", "W-2s", "W2", "1099s", "1099", "Acme", "Acme Corp", "O'Neil",
             "٣rd Street", "x W-2", "Acme  Corp", "Acme\u00a0Corp", " Acme", "Acme ", "Acme\tCorp", "", " ",
             "Acme\u2009Corp", "Acme\x1cCorp", "Acme\u200bCorp", "Don’t", "I'm", "2nd Ave", "W-2"]
    rnd = random.Random(3)
    names += ["".join(rnd.choice(["W", "2", "-", "s", "’", "'", "t", " ", "  ", "\u00a0", "\n", "1099", "th", "A"])
                      for _ in range(rnd.randint(0, 8))) for _ in range(3000)]
    for name in names:
        assert _not_name(name) == (_NOT_NAME.search(name) is not None), name
        assert _norm_name(name) == _SPACES.sub(" ", name).strip(), name


# -- round 5 (speed5-oc) -------------------------------------------------------------------
def _random_splits(text: str, rnd: random.Random, at_space: bool) -> list[list[int]]:
    """Sorted disjoint sentences of ``text``: ending before white space (``at_space``: what
    lets ``_doc_runs`` and ``_doc_descs`` search the whole text) or anywhere, with gaps of
    zero to three characters between them, some empty or one character long."""
    n = len(text)
    cuts = sorted({rnd.randint(0, n) for _ in range(rnd.randint(0, 12))})
    if at_space:
        cuts = [c for c in cuts if c == n or text[c].isspace()]
    out: list[list[int]] = []
    prev = 0
    for c in cuts + [n]:
        s = min(prev + rnd.choice((0, 0, 1, 2, 3)), c)
        if s <= c and (not out or out[-1][1] <= s):
            out.append([s, c])
        prev = c + (1 if at_space and c < n else 0)
    return out


@pytest.mark.parametrize("at_space", [True, False], ids=["ends-before-space", "ends-anywhere"])
def test_whole_text_searches_are_the_sentence_searches(nlp, monkeypatch, at_space: bool) -> None:
    """The name runs and descriptor matches of one search of the text (``_doc_runs``,
    ``_doc_descs``), the runs that cross a sentence's edge (its own search then) and the
    per-search sentence gates (``_doc_gates``) give the plain per-sentence candidates, for
    sentences cut anywhere in CASIE/HHS-style texts (runs and descriptor phrases cut)."""
    comp = nlp.get_pipe("breach_orgs")
    rnd = random.Random(17 if at_space else 19)
    texts = [t for _, t in CASES] + _random_texts(400, seed=21) + [
        "Acme Corp.  Beta Inc the online forum Gamma said", "the site\u00a0Acme\tCorp and the app Foo Bar",
        "Foo 12 Bar 34.5 Baz the website 1win", "A B C D E F G H I J K L", "the company  website Acme.com said"]
    n_docs = 0
    for text in texts:
        for _ in range(3):
            (doc,) = _docs(nlp, [text])
            sents = _random_splits(text, rnd, at_space)
            doc._.breach_sents = sents
            doc._.breach_skip = [[a, a + 2] for a in sorted(rnd.sample(range(len(text)), min(2, len(text))))
                                 if rnd.random() < 0.3 and a + 2 <= len(text)]
            if any(b > c for (_, b), (c, _) in zip(doc._.breach_skip, doc._.breach_skip[1:])):
                doc._.breach_skip = []
            got = _candidates(comp, doc, False, monkeypatch)
            assert got == _candidates(comp, doc, True, monkeypatch), (text, sents)
            n_docs += 1
    assert n_docs > 1000


def test_mark_sentences_is_the_plain_scan() -> None:
    from breach_nlp.components.orgs import _mark_sentences

    rnd = random.Random(23)
    for _ in range(3000):
        starts, ends, p = [], [], 0
        for _s in range(rnd.randint(0, 6)):
            a = p + rnd.randint(0, 3)
            b = a + rnd.randint(0, 4)
            starts.append(a)
            ends.append(b)
            p = b
        places = sorted(rnd.sample(range(p + 3), rnd.randint(0, min(8, p + 3))))
        bits: dict = {}
        _mark_sentences(starts, ends, places, 4, bits)
        want = {i: 4 for i, (a, b) in enumerate(zip(starts, ends)) if any(a <= q < b for q in places)}
        assert bits == want, (starts, ends, places)


def test_descriptor_search_by_article_is_the_plain_search(nlp) -> None:
    """``_desc_search`` (one search per article, joined) finds what ``desc_re.finditer`` finds,
    overlapping phrases of both articles included (CASIE-style descriptor wording)."""
    comp = nlp.get_pipe("breach_orgs")
    texts = [t for _, t in CASES] + _random_texts(600, seed=29) + [
        "the company a site Foo", "a site the app Bar", "the company a site the app an app Q", "an the site X",
        "the a website 1win", "thea site Foo", "the\u00a0site a\napp Foo the  forum  Bar", "xthe site Q a site R"]
    for t in texts:
        want = [(m.span(), m.group(1)) for m in comp.desc_re.finditer(t)]
        assert [(m.span(), m.group(1)) for m in comp._desc_search(t)] == want, t


def test_pieces_shared_between_start_and_inside(nlp) -> None:
    """A run whose first word is letters only and not one that only a sentence's start
    strips gets the same pieces (and notes the same persons) at the start and inside: the
    memo entry of one serves the other (CASIE / HHS runs and random ones)."""
    comp = nlp.get_pipe("breach_orgs")
    runs = RUNS + ONE_WORDS + [t.strip() for t in _random_texts(600, seed=31) if t.strip()] + [
        "The Home Depot", "In Acme", "Acme Corp", "Further Acme", "NHS Digital", "CEO Scott Wise", "No", "Overall"]
    shared = 0
    for run in runs:
        first = run.split(None, 1)[0]
        if not (first.isalpha() and first not in comp._start_only):
            continue
        shared += 1
        for keep_and in (False, True):
            assert comp._clean_memo(run, keep_and, True) == comp._clean_memo(run, keep_and, False), run
        if " " not in run:
            assert comp._one_word_ranges(run, True) == comp._one_word_ranges(run, False), run
    assert shared > 100


def test_possessive_needs_an_apostrophe() -> None:
    """``_clean_run_text`` skips its possessive loop in a run without an apostrophe: then no
    word matches ``_POSS_WORD`` (CASIE-style words and random strings)."""
    from breach_nlp.components.orgs import _POSS_WORD

    rnd = random.Random(37)
    words = ["Equifax’s", "Banks'", "Nvidia’s", "Acmes", "s", "ss", "’s", "x’", "Acme’S", "Co's"]
    words += ["".join(rnd.choice("aAs’'`´ʼ.-") for _ in range(rnd.randint(1, 6))) for _ in range(5000)]
    for w in words:
        if "'" not in w and "’" not in w:
            assert _POSS_WORD.match(w) is None, w


@pytest.mark.parametrize("text", ["A B C", "A B C d", "A B C D", "A B c D E", "x A B C", "Acme Beta Corp said", "A B C\nD",
                                  "Emergency Acme Staff\nthe emergency staff said", "Emergency Acme Staff Said\nthe emergency staff said"])
def test_title_case_lines_of_few_words(nlp, monkeypatch, text: str) -> None:
    """The Title Case test counts the upper-case words first (3 at least): three words are
    no Title Case line, four may be (the inline test in ``_candidates_in`` and ``_titleish``)."""
    from breach_nlp.components.orgs import _char_classes, _titleish

    classes = _char_classes(text)
    assert _titleish(text, 0, len(text), classes) == _titleish(text, 0, len(text), None)
    comp = nlp.get_pipe("breach_orgs")
    (doc,) = _docs(nlp, [text])
    cut = text.find("\n")
    doc._.breach_sents = [[0, len(text)]] if cut < 0 else [[0, cut], [cut + 1, len(text)]]
    assert _candidates(comp, doc, False, monkeypatch) == _candidates(comp, doc, True, monkeypatch)


def test_known_and_opening_places_are_the_plain_tests() -> None:
    """``_may_know`` is the sentence test of ``_sentence_extras`` as first written, and every
    portal opening (HHS wording: "X, the covered entity (CE)", "Y, a business associate")
    holds a place of ``_OPENING_TAIL`` (the only "covered"/"business" places kept)."""
    from breach_nlp.components.orgs import _HHS_OPENING, _OPENING_TAIL, _may_know

    texts = [t for _, t in CASES] + _random_texts(400, seed=41) + [
        "Stonehaven Dental, P.L.L.C., the covered\nentity (CE), reported", "Acme, a business\u00a0associate of X",
        "Acme, the covered entities reported", "Acme Corp, f/k/a Beta", "Acme, known as Beta", "Acme /k/a Beta"]
    for t in texts:
        for ss in range(0, len(t) + 1, 3):
            for se in range(ss, len(t) + 1, 5):
                sent = t[ss:se]
                plain = (" as " in sent or "/k/a " in sent) and (
                    "known" in sent or "trading" in sent or "operating" in sent or "business" in sent or "/k/a" in sent)
                assert _may_know(t, ss, se) == plain, (t, ss, se)
                if _HHS_OPENING.match(t, ss, se):
                    assert any(_OPENING_TAIL.match(t, p) for p in range(ss, se)), (t, ss, se)


def test_lower_words_are_the_plain_set() -> None:
    """``_LowerWords`` answers as the set of all ``_LOWER_WORD`` matches, for words found
    inside longer words, after letters of any script, digits, "_" and hyphens (CASIE-style
    words and random texts)."""
    from breach_nlp.components.orgs import _LOWER_WORD, _LowerWords

    rnd = random.Random(43)
    pieces = ["data", "database", "metadata", " ", "-", "_", "é", "ß", "Σ", "1", "x", "room", "classroom", "Room",
              "co-op", "e-mail", "mail", ".", "\n", "ab", "a", "the", "-data", "data-", "ǅ", "٣", "²"]
    for _ in range(1500):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 25)))
        full = set(_LOWER_WORD.findall(text))
        words = ["data", "room", "mail", "op", "co-op", "e-mail", "ab", "the", "database", "x", "a", "metadata"]
        lw = _LowerWords(text)
        for w in words:
            assert (w in lw) == (w in full), (text, w)
