"""multiscan: the native (Aho-Corasick) scan must find exactly what the plain regex scans find.

The native scan only proposes positions; the regexes still decide. So every test compares
the native path with the plain ``re`` path it replaces (the lexicon's ``fast.finditer``, the
dates' ``re_any`` scan) on real sentences (SEED / DEV_PAGES / CASIE-style snippets), on the
CASIE dev texts when ../shared is present, on the adversarial generators, and on seeded random
texts built from forms, date heads, separators and odd characters (non-ASCII spaces and
dashes, curly apostrophes, other scripts' digits, astral letters). Without ``pyahocorasick``
(simulated in a subprocess) the pipeline falls back to the plain scans with the same output.
"""

from __future__ import annotations

import json
import pathlib
import random
import re
import subprocess
import sys

import pytest

from breach_nlp import multiscan
from breach_nlp.api import load
from breach_nlp.taxonomy import PROBE_CHARS, _form_probes, build_lexicon, default_lexicon

from .adversarial import GENERATORS
from .test_speed_paths import FRAGMENTS, SENTENCES, TEXTS

needs_native = pytest.mark.skipif(not multiscan.AVAILABLE, reason="pyahocorasick not installed")

#: Real wording with the spellings the folding merges (DEV_PAGES / HHS / CASIE-style).
NATIVE_SENTENCES = [
    "names, e-mail addresses, driver’s license numbers and dates\u00a0of birth were exposed",
    "Social  Security   numbers; credit\u2010card data; phone\u2011numbers and patients' names",
    "The <source> tag\n\nsource  code was stolen on 03/14/2024; ٣/٤/2019 and １２ May 2019",
    "the attackers accessed Email Addresses, IP addresses and physical addresses in mid-May",
    "\U0001d400email addresses, \U0001f600names, éemail, _passwords, ßphone numbers",
    "ransomware hit the company last week; PHI of 1,348 patients was involved on Friday",
]

EXTRA_FRAGMENTS = ["e-mail", "e\u2010mail", "driver’s", "driver`s", "date\u00a0of\u00a0birth", "  ", "   ",
                   "    ", "\u2009", "\u3000", "\u2028", "\x1c", "?", "٣", "１", "\U0001d400", "’s"]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    parts = list(FRAGMENTS) + EXTRA_FRAGMENTS
    return ["".join(rng.choice(parts) for _ in range(rng.randint(0, 60))) for _ in range(n)]


def _casie_texts() -> list[str]:
    root = pathlib.Path(__file__).resolve().parents[2] / "shared" / "casie-dev"
    if not root.exists():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))[:300]]


ALL_TEXTS = (SENTENCES + NATIVE_SENTENCES + TEXTS + _random_texts(1500, 31)
             + [g(4000) for g in GENERATORS.values()] + _casie_texts())


@pytest.fixture(scope="module")
def nlp():
    return load()


# -- folding and prefixes ------------------------------------------------------------------
def test_fold_keeps_length_and_alphabet():
    for text in ALL_TEXTS[:800]:
        for blank in (False, True):
            f = multiscan.fold(text, blank)
            assert len(f) == len(text)
            assert set(f) <= set("abcdefghijklmnopqrstuvwxyz0 ?" if not blank else "abcdefghijklmnopqrstuvwxyz0 ")
            assert all(f[i] == multiscan.fold_char(c, blank) for i, c in enumerate(text))


#: (pattern, k): regexes shaped like the components' (classes, bounded repeats, lookarounds,
#: named groups and back-references, non-ASCII classes and literals).
PREFIX_CASES = [
    (r"\b(?:may|june)\s\d", 5),
    (r"(?=[12])(?<![\w$€£¥#/.,:])(?:1[89]\d\d|20[0-4]\d)(?![\w%$€£]|[.,/-]\d)", 6),
    (r"(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?:19|20)\d\d", 8),
    (r"[\x00-\x2c\x3a-\x3f\u00a0-\u00bf](?:e[\s\-\u2010]{1,3}mail|driver['\u2019]s)", 9),
    (r"\bno\s{1,3}(?:evidence|indication)\b", 7),
    (r"x.y[^a]z", 5),
]


@pytest.mark.parametrize("pattern,k", PREFIX_CASES)
@pytest.mark.parametrize("blank", [False, True])
def test_folded_prefixes_cover_every_match(pattern, k, blank):
    """Every match of the pattern opens with one of its folded prefixes (a superset)."""
    pre = multiscan.folded_prefixes(pattern, k, blank=blank)
    assert pre
    rx = re.compile(pattern)
    for text in ALL_TEXTS[:1500]:
        f = multiscan.fold(text, blank)
        for p in range(len(text)):
            m = rx.match(text, p)
            if m is not None:
                assert any(f.startswith(x, p) for x in pre), (pattern, text, m.group(0))


def test_folded_prefixes_refuse_what_they_cannot_bound():
    assert multiscan.folded_prefixes(r"(?i)abc", 3) is None
    assert multiscan.folded_prefixes(r"a?", 3) is None  # may match empty
    assert multiscan.folded_prefixes(r"(a)\1", 3) == frozenset({"a"})  # the back-reference ends it


@needs_native
def test_probes_report_each_start_once_in_order():
    probes = multiscan.Probes({"a": ["ab", "abc", " x"], "b": ["b", "ab"]})
    got = probes.starts(multiscan.fold("AB x-Abc"))
    assert got == [[0, 2, 5], [0, 1, 5, 6]]


# -- the lexicon scan ----------------------------------------------------------------------
@needs_native
def test_lexicon_native_scan_equals_fast_regex():
    lex = default_lexicon()
    for text in ALL_TEXTS:
        low = text.lower()
        for start, end in ((0, len(low)), (min(5, len(low)), max(0, len(low) - 3))):
            if end < start:
                continue
            plain = [(m.start(), m.end() - 1) for m in lex.fast.finditer(" " + low, start, end + 1)]
            assert lex._probe_spans(low, start, end) == plain, (text[:200], start, end)


@needs_native
def test_lexicon_spans_with_and_without_native_scan(monkeypatch):
    """``_spans`` (native above ``PROBE_MIN_CHARS``) equals the IGNORECASE regex on pages."""
    from breach_nlp import taxonomy

    lex = default_lexicon()
    monkeypatch.setattr(taxonomy, "PROBE_MIN_CHARS", 0)
    for text in ALL_TEXTS:
        assert lex._spans(text, 0, len(text)) == [m.span() for m in lex.regex.finditer(text)], text[:200]


@needs_native
def test_form_probes_cover_the_generic_prefixes():
    """The prefixes made from the forms hold a prefix of every generic prefix of ``fast``
    (``folded_prefixes`` read from the regex itself), on a taxonomy small enough to parse."""
    from breach_nlp.taxonomy import load_taxonomy

    tax = load_taxonomy()
    small = {"types": tax["types"][:12], "stop": tax.get("stop", [])[:5], "possessors": tax.get("possessors", [])}
    lex = build_lexicon(small)
    probes = _form_probes(lex.index, PROBE_CHARS)
    assert probes is not None
    words = list(probes.automaton.keys())
    generic = multiscan.folded_prefixes(lex.fast, PROBE_CHARS + 1, blank=True)
    assert generic
    for g in generic:
        assert any(g.startswith(w) or w.startswith(g) for w in words), g


# -- the dates scan ------------------------------------------------------------------------
@needs_native
def test_dates_native_scan_equals_regex_scan(nlp):
    dates = nlp.get_pipe("breach_dates")
    dates.ensure()
    probes = dates.probes
    assert probes is not None
    try:
        for text in ALL_TEXTS:
            low = text.lower()
            if len(low) != len(text):
                low = text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))
            dates.probes = probes
            native = sorted((m.start(), k, m.end()) for k, _kind, m in dates.scan(low))
            dates.probes = None
            plain = sorted((m.start(), k, m.end()) for k, _kind, m in dates.scan(low))
            assert native == plain, text[:200]
    finally:
        dates.probes = probes


# -- without pyahocorasick -----------------------------------------------------------------
_FALLBACK = r"""
import json, sys
sys.modules["ahocorasick"] = None  # the import fails as on a machine without it
from breach_nlp import multiscan
assert not multiscan.AVAILABLE
import breach_nlp
nlp = breach_nlp.load()
assert nlp.get_pipe("breach_dates").probes is None
texts = json.loads(sys.stdin.read())
print(json.dumps([breach_nlp.extract(t).model_dump(mode="json") for t in texts]))
"""


@needs_native
def test_pipeline_without_native_scanner_gives_the_same_reports():
    import breach_nlp

    texts = SENTENCES + NATIVE_SENTENCES + [" ".join(SENTENCES) * 3] + _casie_texts()[:40]
    got = subprocess.run([sys.executable, "-c", _FALLBACK], input=json.dumps(texts), capture_output=True,
                         text=True, check=True, cwd=pathlib.Path(__file__).resolve().parents[1])
    plain = json.loads(got.stdout)
    native = [breach_nlp.extract(t).model_dump(mode="json") for t in texts]
    assert native == plain


# BUGS_CAUGHT-style edges of the whole-form prefixes (a form spelled out with the space after it)
_TAIL_EDGES = [
    "Exposed: names",  # a form at the very end of the text (no character after it)
    "names, emails and passwords were stolen; passwords_x and namesake are not forms",
    "their passwordsxx leaked, and user names\u2019s lists",
    "the hackers took email addresses\u00a0and phone numbers-only",
    "social security numbers\U0001F600 and dates of birth",
]


@needs_native
def test_lexicon_native_scan_ends_of_forms_and_of_scans():
    """A whole form's prefix needs the character after it: the scan must still find a form
    that ends the text, and one cut by ``end`` (``fast`` sees the text end there)."""
    lex = default_lexicon()
    for text in _TAIL_EDGES:
        low = " ".join([text] * 30).lower()  # long enough for the native scan
        for start, end in [(0, len(low))] + [(0, e) for e in range(len(low) - 40, len(low))]:
            plain = [(m.start(), m.end() - 1) for m in lex.fast.finditer(" " + low, start, end + 1)]
            assert lex._probe_spans(low, start, end) == plain, (text, start, end)
