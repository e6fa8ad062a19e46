"""`breach_orgs`: organizations with their roles, and the victims of the main incident.

Sets ``doc._.breach_orgs`` (every organization once, with its role and aliases; ``text``,
``start``, ``end`` are the first mention of its best name) and ``doc._.breach_victims``
(the victim organizations, most central first). No statistical model: rules and
gazetteers from ``patterns/orgs.json`` and ``patterns/orgs_gazetteer.json``.

Candidates (prose sentences only, never inside ``doc._.breach_skip``):

- capitalised name runs (at most 8 words of at most 40 characters, joined by spaces, ``&``
  or lower-case connectors such as ``of``/``and``/``dba``; ``at`` only after heads like
  ``University``), trimmed of sentence words (``The``, weekdays, a leading demonym or
  ``X-based``), cut before person titles (``DNC Chair Debbie ...``) and split at ``and``
  unless the run ends in an organization head (``Health and Human Services``) or sits in
  the HHS portal wording; possessives split after places (``Ireland’s Health Service
  Executive``) but stay inside names (``St. Luke’s Health System``);
- possessive places or organizations with a lower-case head (``France’s health ministry``);
- name runs also join across no-break spaces, keep a title word before ``of`` or inside a
  headed name (``King of Prussia Dental Associates``, ``Akron General Medical Center``) and
  split before a capital ``The`` inside the run (a headline without its full stop);
- acronyms defined in brackets (``Health Service Executive (HSE)``), ``known as`` / ``f/k/a``
  names (linked to the name just before the phrase or its ``, the ...`` appositive),
  bare domain names (``000webhost.com``), names after a descriptor noun (``the online
  betting platform 1win``), the HHS portal's legal names (``The covered entity (CE),
  Fiondella, Milone & LaSaracina, LLP, reported``; whole, with the lower-case words of
  ``portal_name_lower_words``: ``Center for a Brighter Tomorrow``, ``Partners in Care``; also
  ``X, the covered entity`` after ``The`` or a date), and ORG entities of any NER that ran
  before us (``doc.ents``).

The candidate searches change no answer for speed (tests/test_orgs_speed_candidates.py runs
them against their plain forms): name runs are searched from their first capital or digit
(a word of small letters and a capital, "eBay", from its capital, the start moved back);
whole-text tests and the places their matches need (``),``, "covered", a dot inside a word,
" as ", the descriptor and gazetteer gates' matches) leave the other searches to the few
sentences that hold one; the all-capitals and Title Case tests of a sentence count
characters on a one-byte class copy of the text (Windows-1252 texts); the person-title rule
runs only after the last word of a title; a run's pieces are memoized with their facts.

Dropped: Title Case phrases of ordinary words (``Emergency Room``), towns before a state
(``Nashville, Tennessee``), people (a name after a title; "First Last" when "Last" also
stands alone), contractions, ordinals, products (``Windows PC``) and rules (``Security
Rule``). A candidate is kept as an organization only when something says it is one: a
gazetteer entry, an organization head or legal suffix, a definition, a descriptor, NER,
the portal wording, or a role context.

Roles come from context patterns on the text just left and right of each mention within
its sentence (``a breach at X``, ``X suffered``, ``X said ... hackers``, ``The covered
entity (CE), X,``, ``according to X``, ``researchers at X``, ``the X ransomware gang``,
``its business associate (BA), X`` = vendor), plus the gazetteers (regulators, attacker
groups, news outlets: final; security firms, vendors: a prior that strong victim evidence
can beat; a listed vendor named as the software a site ran, ``the compromised vBulletin
forum``, gets ``software_in_use`` vendor weight). ``X, a business associate (BA) of Y``: Y
is the victim, X its vendor (the HHS portal lists the covered entity). Names coordinated in one list (``Altel, Celcom, DiGi and Maxis``) share the
list's strongest victim evidence. A mention in a sentence about another incident (``have
also been targeted``, ``which previously targeted``, ``the latest in a ...``) counts as
``other``, not victim.

Mentions merge when their names are the same organization (``orgnames.same_org``:
prefixes, acronyms, clippings, domains, dba names) or are linked by a definition or
``known as``; a gazetteer name (``HHS``) never merges with a non-gazetteer one by initials.
Victims are ranked by their summed victim evidence, with a bonus for the first sentence
and for repeated mentions. An organization is listed as a victim when its evidence reaches
half of the best victim's, or a fifth of it when a strong pattern names it as breached
(``victim_selection`` in ``orgs.json``); others get role ``other``.

HHS portal notes name the reporting party in a slot (``portal_slots``): when a victim fills
the covered entity's slot (``The covered entity (CE), X,``), victims outside it become
``vendor`` (its business associate) or ``other`` (a courier, the IRS, a subcontractor); the
business associate's slot wins instead when the note says the BA notified HHS. Whoever found
or notified the covered entity (``VA Long Beach Police discovered that the covered entity’s
(CE) ...``) is ``other``; ``the CE's Redding facility`` is no name. Malware, attack tools and
named vulnerabilities (``WannaCry``) are never victims; a listed news outlet, security firm or
vendor with strong victim evidence (``Mashable suffered a data breach``) weighs its list's
prior at half; the fallback victim is never an organization that context or a source,
security-firm or vendor list gives another role.

Bounded repeats everywhere, one pass of each regex per sentence and short context windows
per mention: time stays linear in the text length (10,000 capitalised words in a row
included). Case-insensitive rules run as lower-case patterns on lower-cased windows.
Left-context rules (and the person-title and list rules) end at the mention, so they run
backwards: one anchored ``match`` of the reversed rule on the reversed window instead of a
search from every position; a rule's required words are tested first when they are few;
one anchored gate skips all right rules when none can match. These change no answer
(tests/test_orgs.py compares them with the plain searches).

More speed paths that change no answer (also tested against the plain forms): pure
functions of a string are memoized in bounded dicts (a run's pieces, a name's facts, its
gazetteer role, its normalized form; cleared when full); the portal look-ups that decide
``keep_and`` run only when the run's pieces depend on it; word lists compile to prefix
trees (longest word first, as the sorted alternation); the gazetteer regex tests its
look-behind after the first character; the descriptor regex runs only in sentences that a
match of "white space, descriptor noun, white space" (one pass over the text) overlaps; the text's lower-case words are
tested word by word on demand (``_LowerWords``: the same answers as the set of all of
them); per sentence, the rules whose few required words are absent and the cue rules of a
sentence without a cue are set aside once; one anchored alternation of the cheap reversed
left rules (no word skipping) rules them out together, and a second one those that skip
words; whether a skip region meets each sentence is found in one sweep; name pairs are
compared only within a gazetteer role and initial.

Round 4 (candidate half; tests/test_orgs_speed_candidates.py): a run of one word (half of
all runs) gets its pieces from ``_one_word_ranges`` (the possessive, trailing punctuation and
non-name-word steps of ``_clean_run_text``, the only ones a single word reaches) without the
``_clean_memo`` machinery; a name's ``phrase_keys`` is None when one of its words can never
be a lower-case word of a text (not ``_LOWER_TOKEN``: "&", "4", "u.s."), so no word is
looked up; in ``orgnames`` the 'dba' hint test is one search, ``_same_key`` orders a pair
without ``sorted`` and memoizes ``acronym``.

Round 5 (candidate half; tests/test_orgs_speed_candidates.py): when the sentences are sorted,
disjoint and end before white space (or at the text's end: 7,003 of the 7,010 dev docs), the
name runs and the descriptor phrases of every sentence come from one search of the whole
text (``_doc_runs``, ``_doc_descs``): a match inside a sentence that no match crosses an edge
of is one of the sentence's own search, and a sentence that one crosses is searched alone;
the descriptor phrases are searched once per article ("the", then "a"/"an": literal first
letters, the joint regex when two overlap) and filtered before the sentences
(``_desc_names``), so no gate scan of descriptor nouns runs and only sentences with a phrase
to look at get the searches after the runs; those searches are gated per search and sentence
(``_doc_gates``: a sentence runs only the searches whose places it holds; the portal opening
needs "covered entit..."/"business associate", ``known as`` its own word test
``_may_know``); sentences without runs or searches are not visited; a skip region is found
per sentence by a walk; the Title Case test counts the upper-case words first (fewer than 3:
no Title Case line); the fast regexes have their safe repeats possessive. A run's memo entry
keeps its rare portal and person parts apart, and serves a run at a sentence's start and
inside alike when its first word is letters only and not one that only the start strips;
``_clean_run_text`` skips its possessive loop in a run without an apostrophe; the text's
lower-case words are looked up after the cheaper set tests.

Session 3 (scoring and resolution; tests/test_orgs_speed_scoring.py): the breach cue and the
separate-incident cue are tried only where a word starts (``regexgate.WordStartRegex``);
the first left gate sits behind a look-ahead for the first characters its reversed rules
can start with (``regexgate``'s prefix analysis); the case-sensitive right rules get the
most selective of their required-word sets as a prefilter, and their gate is not tried in
a sentence that leaves none of them; every rule and gate that runs has its safe greedy
repeats possessive (``breach_nlp.possessive``: a repeat of one character class whose
continuation must first consume a character outside that class never gives characters back
usefully; the word-skipping rules fail about twice as fast); a sentence without a breach
cue tries a second left gate of only the rules it keeps; per-name facts of the person test
and a key's initials are memoized; pairs are tracked as tried only when a 'dba' key has
two initials. The clusters and the coordinated lists are found before the scores (neither
reads one), and the mentions whose scores cannot change the output are not scored
(``_unscored``: clusters of person names, and clusters with evidence whose gazetteer list
fixes a role other than victim; never a mention in a coordinated list).

Round 5 (scoring and resolution; tests/test_orgs_speed_scoring.py compares ``_score_all``
with a plain scorer that searches every rule as written): all mentions are scored in one
loop (the sentence's plan and gates read once per sentence; no score dict or hit list
before a rule hits); the cheap left rules with a few required words sit in the first left
gate, so a sentence looks for 8 words instead of 21 and keys its rule lists by a bit mask;
a forward-only left rule (a look-ahead) is tried only where its reversed form without
look-arounds matches; long literal prefilters are prefix trees; a one-mention cluster is
resolved without ``_gaz_facts``' lists.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from heapq import heappop, heappush
from operator import itemgetter, le, lt, methodcaller
from typing import Any, Iterator

try:  # the regex parser and compiler: prefilters and reversed rules (see _score_all)
    from re import _compiler, _constants as _C, _parser as _P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

_compile_tree = _compiler.compile

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from ..orgnames import _split_dba, org_key, same_org
from ..possessive import possessive, possessive_tree
from ..regexgate import WordStartRegex, trie_alternation
from ..textspans import doc_lower, doc_text, is_skipped, touches
from .base import BreachComponent, remember

_APOS = "'’"
_WCH = r"(?:[\w&$+.\-]|['’](?=\w))"
_WORD = (
    r"(?<![\w'’&$.\-])(?:[A-Z\u00C0-\u00D6\u00D8-\u00DE]" + _WCH + r"{0,40}"
    r"|[0-9][\w.\-]{0,20}[A-Za-z]" + _WCH + r"{0,30}"
    r"|[a-z]{1,6}[A-Z]" + _WCH + r"{0,40})"
)
_POSS_WORD = re.compile(r"^(.+?)(?:['’]s|s['’])$")
_POSS_END = "s'’"
_NUMLIKE = re.compile(
    r"^\d[\d.,]*(?:k|m|b|bn|mn|gb|tb|mb|kb|pb|st|nd|rd|th|s|am|pm|x|h|hrs?|min|yo|km|kg|mm|cm|ft|mph|g|fps|bit)?$", re.I
)
_ACRONYM_DEF = re.compile(r"^\s{0,2}\(([A-Z][A-Za-z0-9&.\-]{1,11})\)")  # "(DPS)", "(R2Games)"
_KNOWN_AS = re.compile(
    r"(?:\b(?:formerly|previously|also|now|better|once)?\s?(?:known|trading|operating|doing business)\s+as|\b[fan]/k/a)\s+"
    r"(?:[\"“‘']([^\"”’'\n]{1,40})[\"”’']|([A-Z\u00C0-\u00DE][\w.&\-]{0,40}(?:\s+(?:[A-Z0-9\u00C0-\u00DE][\w.&\-]{0,40}|(?![a-z]{1,38}(?:ed|ing)\b)[a-z\u00DF-\u00FF][\w.&\-]{0,40})){0,3}?))"
    r"(?=\s*[,.;:)]|\s+(?:said|says|has|had|was|is|were|are|reported|and|or|but|which|who|that|"
    r"in|on|at|to|by|for|from|with|after|before|when|while|where)\b|\s*$)"
)
#: "The covered entity (CE), Fiondella, Milone & LaSaracina, LLP, reported ..." (HHS portal wording)
_HHS_APPOSITIVE = re.compile(
    r"\((?:CE|BA|CEs|ACE|CA)\),\s{1,3}((?:Dr\.?\s)?[A-Z0-9][^()\n]{1,150}?)(?:\s\([A-Z][A-Za-z&.]{1,10}\))?,\s{1,3}(?:reported|experienced|was|were|is|has|had|"
    r"discovered|learned|notified|submitted|filed|determined|stated|informed|lost|mailed|sent|became|received|"
    r"suffered|provided|posted|detected|identified|affecting|that|on|after|which|when|failed|took|sent|[a-z]{2,20}ly)\b"
)
#: coordinated names share their context: "The Co-op and Harrods have also been targeted"
_COORD_RIGHT = re.compile(r"^(?:,?\s+(?:and|or|&)\s+|,\s+)(?:the\s+)?[A-Z0-9][\w.&’'\-]{0,40}(?:\s+[A-Z0-9][\w.&’'\-]{0,40}){0,4}")
_COORD_LEFT = re.compile(r"(?:^|\s)(?:the\s+)?[A-Z0-9][\w.&’'\-]{0,40}(?:\s+[A-Z0-9][\w.&’'\-]{0,40}){0,4}(?:,?\s+(?:and|or|&)|,)\s+$")
#: "English-speaking", "Geneva-based", "state-backed": adjectives, not names
_HYPHEN_ADJ = re.compile(
    r"-(?:speaking|based|owned|backed|run|linked|affiliated|born|made|sponsored|funded|led|era|style|type|"
    r"like|related|focused|headquartered|registered|listed|operated|founded|wide|level|language)$"
)
#: a sentence opening with the portal's legal name: "Stonehaven Dental, P.L.L.C., the covered entity (CE), ..."
_HHS_OPENING = re.compile(
    r"(?:On\s[A-Z][a-z]{2,8}\.?\s\d{1,2},\s\d{4},\s{1,2})?(?:The\s)?((?:Dr\.?\s)?[A-Z0-9][^()\n]{1,150}?)(?:,|(?<=\.))\s{1,3}(?:the|a|an)\s(?:affiliated\s)?(?:covered\sentit(?:y|ies)|business\sassociate)\b"
)
#: where "covered" or "business" can start the words a ``_HHS_OPENING`` match ends with
_OPENING_TAIL = re.compile(r"covered\sentit|business\sassociate")
_NOT_ORG_HEADS = frozenset(
    "Rule Rules Act Acts Law Laws Regulation Regulations Standard Standards Report Reports Survey Study Index "
    "PC PCs TV Flash Player Reader Phone Browser Edition Update".split()
)
#: contractions, ordinals and tax forms are never names ("We've", "26th December", "W-2s")
_NOT_NAME = re.compile(r"['’](?:ve|re|ll|d|m|t)\b|^\d+(?:st|nd|rd|th)\b|^W-?2s?$|^1099s?$")
_LIST_GAP = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s*,\s*|\s*,?\s+(?:and|or|&)\s+)(?:the\s+)?")
_STATE_AFTER = re.compile(r"^,\s([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2})(?=[\s,.;:)]|$)")
_NONSPACE = re.compile(r"\S+")
#: the "and" between the two names of "X and Y" (any white space around it)
_AND_SEP = re.compile(r"(?<!\s)\s+and\s+")  # starts at the first space of a run: linear
_CLAUSE_VERB = re.compile(r"\b(?:is|was|were|are|has|had|have|been|[a-z]{2,20}ed)\b")
_TOWN_BEFORE = re.compile(r"[A-Z][a-z]{2,20},[ \u00a0]\Z")
_DOTTED_CAPS = re.compile(r"(?:[A-Z]\.){2,5}")
_ODD_NAME = re.compile(r"[A-Z0-9]|\.\w")
_DOT_WORD = re.compile(r"\.(?<=\w\.)[A-Za-z]")  # r"\w\.[A-Za-z]" found from its "."
_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]{1,40}\b")
_LOWER_TOKEN = re.compile(r"[a-z][a-z\-]{1,40}")
_AZ_HYPHEN = frozenset("abcdefghijklmnopqrstuvwxyz-")
#: different words tested one by one (a search of the text each) before the whole set is built
_LOWER_QUERIES = 24
_SPACES = re.compile(r"\s+")
_SPACE_RE = re.compile(r"\s")
#: a year inside a portal appositive means a clause, not a name ("1020 South Main Street" is a name)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_TRAIL = ".,;:-–—/"
_LEFT_QUOTES = "\"“‘'"
#: evidence that a name is an organization's, not a person's (``_person_names``)
_NOT_PERSON_EV = frozenset({"head", "gazetteer", "hhs", "acronym_def", "domain"})
#: gazetteer lists whose names are "listed" for the fallback victim (news, security firms, vendors)
_LISTED_ROLES = frozenset({"source", "researcher", "vendor"})
_RIGHT_QUOTES = "\"”"
#: what may not stand just before a word of ``_WORD`` (its look-behind)
_NOT_BEFORE_WORD = r"[\w'’&$.\-]"
#: ``_WORD`` found from its first capital or digit (a search skips to those characters; the
#: plain form tries every position): the same words, except that a word of small letters
#: and a capital ("eBay", "iPhone") is matched from its capital (``_name_runs`` moves the
#: start back to the small letters)
_FAST_FIRST_WORD = (
    r"[A-Z\u00C0-\u00D6\u00D8-\u00DE0-9]"
    r"(?:(?<!" + _NOT_BEFORE_WORD + r".)|(?<=[a-z][A-Z])(?:"
    + "|".join(r"(?<=(?<!" + _NOT_BEFORE_WORD + r")[a-z]{%d}[A-Z])" % k for k in range(1, 7))
    + r"))(?:(?<=[0-9])[\w.\-]{0,20}[A-Za-z]" + _WCH + r"{0,30}|(?<![0-9])" + _WCH + r"{0,40})"
)
_ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"
#: what may stand before a sentence's first word (at its start)
_LEAD = " \t\"“‘'(["
_FIRST = itemgetter(0)
_NAME = itemgetter("name")
_SPAN = methodcaller("span")
_M_START = methodcaller("start")
_START = itemgetter("start")
_END = itemgetter("end")
_HAS_AND = methodcaller("__contains__", " and ")
#: entries kept in each memo of a pure function (cleared when full: memory stays flat)
_CACHE_MAX = 20_000

# -- candidate half, round 4 (speed-o3) ---------------------------------------------------
#: a run with white space inside (None: one word, see ``Orgs._one_word_ranges``)
_ONE_WORD = re.compile(r"\s").search

# -- candidate half, round 5 (speed5-oc) --------------------------------------------------
_SECOND = itemgetter(1)
#: the searches after the name runs (``_sentence_extras``), one bit each: the portal
#: appositive, the portal opening, domains, gazetteer names, ``known as``; then the
#: descriptor noun, which has no switch of its own (``_desc_pre`` or ``_desc_ends`` decide)
_PORTAL, _OPENING, _DOMAIN, _GAZ, _KNOWN, _DESC = 1, 2, 4, 8, 16, 32
#: the ``gates`` tuple of ``_sentence_extras`` for each set of bits
_GATE_SETS = tuple(
    (bool(m & _PORTAL), bool(m & _OPENING), bool(m & _DOMAIN), bool(m & _GAZ), bool(m & _KNOWN)) for m in range(64)
)


def _not_name(name: str) -> bool:
    """``_NOT_NAME.search(name)``: each of its matches holds an apostrophe or starts the
    name with a digit or "W" (``isdigit`` holds for every ``\\d``)."""
    c = name[:1]
    return (c == "W" or c.isdigit() or "'" in name or "’" in name) and _NOT_NAME.search(name) is not None


def _norm_name(name: str) -> str:
    """``_SPACES.sub(" ", name).strip()``: every white space character but the space is
    unprintable, so a printable name without double, leading or trailing spaces is kept."""
    if name.isprintable() and "  " not in name and name[:1] != " " and name[-1:] != " ":
        return name
    return _SPACES.sub(" ", name).strip()


class Orgs(BreachComponent):
    data_files = ("orgs.json", "orgs_gazetteer.json")
    _doc_persons: set[str] = set()
    _skip: list[list[int]] = []
    _desc_ends: list[int] | None = None
    #: per sentence, the useful descriptor matches of one search of the text (None: search
    #: the sentence); None: no such search (see ``_doc_descs``)
    _desc_pre: dict[int, list[tuple[int, int, str]] | None] | None = None
    _desc_starts: list[int] = []
    _and_read = False

    # -- compile ------------------------------------------------------------------------
    def compile(self) -> None:
        assert self.data is not None
        rules = self.data["orgs.json"]
        gaz = self.data["orgs_gazetteer.json"]
        self.suffixes = frozenset(rules["legal_suffixes"]["words"])
        self.heads = frozenset(rules["org_heads"]["words"])
        self.not_alone = frozenset(rules["not_org_alone"]["words"])
        self.person_titles = frozenset(rules["person_title_words"]["words"])
        self.at_heads = frozenset(rules["at_heads"]["words"])
        self.title_verbs = frozenset(rules["title_verbs"]["words"])
        self.generic_owners = frozenset(rules["generic_owners"]["words"])
        self.nonname = frozenset(rules["non_name_words"]["words"]) - self.not_alone
        #: stop words strip only at a sentence start ("Go Games" mid-sentence is a name)
        self.start_nonname = self.nonname | (frozenset(w.capitalize() for w in STOP_WORDS) - self.not_alone)
        self.connectors = frozenset(rules["connectors"]["words"])
        self.connectors_amp = self.connectors | {"&", "+"}
        self.portal_lower = frozenset(rules["portal_name_lower_words"]["words"])
        conn = "|".join(re.escape(c) for c in sorted(self.connectors, key=lambda c: (-len(c), c)))
        sep = (
            r"(?:[ \t\u00a0]{1,3}(?:(?:" + conn + r")[ \t\u00a0]{1,3}){0,2}"
            r"|[ \t\u00a0]{0,2}[&+][ \t\u00a0]{0,2}"
            r"|,[ \t\u00a0]{1,2}(?=(?:Jr|Sr|D\.?O|Inc|LLC|Ltd|L\.L\.C|LLP|PLLC|PLLP|P\.L\.L\.C|P\.?C|P\.?A|P\.?S|M\.?D|D\.?D\.?S|DMD|PLC|plc|Corp|Co)\b))"
        )
        self.name_re = re.compile(
            _WORD + r"(?:" + sep + _WORD + r"|[ \t\u00a0]{1,3}[0-9]{1,4}(?![\w.,]\w)){0,7}"
        )
        tld_words = rules["tlds"]["words"]
        # (the list is regex text: a prefix tree only when every entry is a plain word)
        tlds = (
            trie_alternation(tld_words)
            if all(re.fullmatch(r"[a-z0-9]+", w) for w in tld_words)
            else "|".join(sorted(tld_words, key=len, reverse=True))
        )
        self.domain_re = re.compile(
            r"(?<![\w@.])((?:[A-Za-z0-9][A-Za-z0-9\-]{0,62}\.){1,3}(?:" + tlds + r"|[a-z]{2}))(?![\w@])"
        )
        desc = trie_alternation(rules["descriptor_nouns"]["words"])
        #: a descriptor noun between white space: the descriptor regex needs one in its sentence
        self.desc_gate_re = re.compile(r"\s(?:" + desc + r")\s")
        self.desc_re = re.compile(
            r"\b(?:the|a|an)\s+(?:[\w’'\-]{1,30}\s+){0,5}?(?:" + desc + r")\s+[\"“‘]?"
            r"([\w][\w.&$+\-]{0,40})"
        )
        self.desc_end_re = re.compile(
            r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w’'\-]{1,30}\s+){0,4}?(?:" + desc + r")\s+[\"“‘]?\Z"
        )
        lh = "|".join(re.escape(w) for w in sorted(rules["lower_heads"]["words"], key=len, reverse=True))
        self.poss_head_re = re.compile(
            r"^[’']s?\s+((?:[a-z][a-z\-]{1,20}\s+){0,3}?(?:" + lh + r")(?:\s+(?:of|for)\s+[a-z]{2,20}){0,1})\b"
        )
        self.title_re = re.compile(rules["person_titles"]["pattern"], re.IGNORECASE)
        self.title_rev = _reversed_left(self.title_re)
        sel = rules.get("victim_selection", {})
        self.min_ratio = float(sel.get("min_ratio", 0.5))
        self.strong_min_ratio = float(sel.get("strong_min_ratio", self.min_ratio))
        self.strong_ids = frozenset(sel.get("strong_patterns", ()))
        slots = rules["portal_slots"]
        self.ce_slot_ids = frozenset(slots["ce_patterns"])
        self.ba_slot_ids = frozenset(slots["ba_patterns"])
        self.ba_reported_re = re.compile(slots["ba_reported"], re.IGNORECASE)
        self.ce_reported_re = re.compile(slots["ce_reported"], re.IGNORECASE)
        self.reported_after_re = re.compile(_at_position(slots["reported_after_name"]), re.IGNORECASE)
        #: ordinary nouns that can follow a descriptor noun ("a database backup had been obtained")
        self.common_nouns = frozenset(rules["descriptor_nouns"]["words"]) | frozenset(
            rules["lower_heads"]["words"]
        ) | frozenset(rules["descriptor_common_nouns"]["words"])
        self.desc_verb_re = re.compile(_at_position(rules["descriptor_lowercase_verbs"]["pattern"]))
        self.software_use_re = re.compile(rules["software_in_use"]["pattern"])
        self.software_use_w = float(rules["software_in_use"]["weight"])
        self.cue_re = _lower_pattern(rules["breach_cue"]["pattern"])
        self.sep_re = _lower_pattern(rules["separate_incident"]["pattern"])
        #: (role, weight, needs a breach cue, id, regex, runs lower-case, literal prefilter,
        #: reversed: the regex is the rule read backwards, for reversed windows)
        self.left_pats: list[tuple[str, float, bool, str, re.Pattern[str], bool, Any, Any]] = []
        self.right_pats: list[tuple[str, float, bool, str, re.Pattern[str], bool, Any, Any]] = []
        gate_fwd: list[re.Pattern[str]] = []  # see left_gate below
        gated: set[str] = set()
        gate2_fwd: list[re.Pattern[str]] = []  # see left_gate2 below
        gated2: set[str] = set()
        fwd_all: dict[str, re.Pattern[str]] = {}  # id -> the rule as written (forward)
        for p in rules["roles"]["patterns"]:
            flags = 0 if p.get("flags") == "case-sensitive" else re.IGNORECASE
            # case-insensitive rules run as lower-case patterns on lower-cased windows:
            # re.IGNORECASE makes these searches about ten times slower
            rx = re.compile(p["pattern"]) if flags == 0 else _lower_pattern(p["pattern"])
            fwd_all[p["id"]] = rx
            pf = _prefilter(rx)
            if p["side"] == "left":
                # a left rule ends at the mention: run it backwards, anchored, on the reversed
                # window (after a cheap test of its required words, when there is one), in its
                # fast form (safe repeats possessive: the same matches)
                rev = _reversed_left(rx, fast=True) or _reversed_left(rx)
                if rev is not None:
                    pf = pf if type(pf) is tuple else None
                    if pf is None and flags != 0 and not _skips_words(rx):
                        gate_fwd.append(rx)
                        gated.add(p["id"])
                    elif pf is None and flags != 0:
                        gate2_fwd.append(rx)
                        gated2.add(p["id"])
                    rx = rev
            item = (p["role"], float(p["weight"]), bool(p.get("cue")), p["id"], rx, flags != 0, pf, rev)
            if p["id"] == "hhs_ce_before":
                self.hhs_left = re.compile(p["pattern"].rstrip("$") + r"\Z", flags)
            elif p["id"] == "hhs_ce_after":
                self.hhs_right = re.compile(p["pattern"].lstrip("^"), flags)
            elif p["id"] == "hhs_ba_after":
                self.hhs_ba_right = re.compile(p["pattern"].lstrip("^"), flags)
            (self.left_pats if p["side"] == "left" else self.right_pats).append(item)
        # the reversed lower-case left rules without a literal prefilter that do not skip
        # words (cheap to fail): one anchored match of their alternation (left_gate) tells
        # when none of them can match; then the loop runs without them (same order)
        self.left_gate = _reversed_gate(gate_fwd) if len(gate_fwd) > 1 else None
        if self.left_gate is None:
            gated.clear()
        self.left_gated_ids = frozenset(gated)
        # the same for those that skip words (their alternation fails a little faster than
        # they do one by one, and most windows fail it: the loop then runs without them)
        self.left_gate2 = _reversed_gate(gate2_fwd) if len(gate2_fwd) > 1 else None
        if self.left_gate2 is None:
            gated2.clear()
        self.left_gated2_ids = frozenset(gated2)
        # the rule lists per (cue, literals found; ``pf_lits_lc``/``pf_lits_cs``, set in
        # ``_compile_scoring``)
        self._rule_lists: dict[Any, Any] = {}
        # gates: one anchored try tells when none of the right rules can match a window (a
        # gate of all the reversed left rules costs as much as the rules: left_gate above
        # holds only the cheap ones)
        self.right_gate_lc = _any_of_anchored([p[4] for p in self.right_pats if p[5]])
        self.right_gate_cs = _any_of_anchored([p[4] for p in self.right_pats if not p[5]])
        self._compile_scoring(fwd_all)
        # gazetteers: exact names and org keys -> role
        self.gaz_exact: dict[str, str] = {}
        self.gaz_key: dict[str, str] = {}
        #: name -> prior weight of its list (absent: the list fixes the role)
        self.gaz_prior: dict[str, float] = {}
        for lname, lst in gaz.items():
            if not isinstance(lst, dict) or "names" not in lst or lname in ("places", "demonyms", "state_codes"):
                continue
            role = lst.get("role", lname)
            for n in lst["names"]:
                if n in self.gaz_exact:
                    continue
                self.gaz_exact[n] = role
                if "prior" in lst:
                    self.gaz_prior[n] = float(lst["prior"])
                k = org_key(n)
                if k and (" " in k or len(k) > 3):
                    self.gaz_key.setdefault(k, role)
                    if "prior" in lst:
                        self.gaz_prior.setdefault(k, float(lst["prior"]))
        self.reg_heads = frozenset(gaz["regulator_heads"]["words"])
        self.places = frozenset(gaz["places"]["names"])
        self.state_codes = frozenset(gaz["state_codes"]["names"])
        self.demonyms = frozenset(gaz["demonyms"]["names"])
        self.gaz_re = self._gazetteer_regex(gaz)
        # memos of pure functions of a name or a run's text (bounded: cleared when full)
        self._gaz_role_cache: dict[str, str | None] = {}
        self._name_facts: dict[str, Any] = {}
        self._norm_cache: dict[str, str] = {}
        self._reg_names: dict[str, bool] = {}  # name -> a regulator's head word
        self._run_cache: dict[tuple[str, bool, bool], tuple[Any, tuple[str, ...], bool]] = {}
        self._compile_candidates(gaz)

    def _compile_candidates(self, gaz: dict[str, Any]) -> None:
        """The fast forms of the candidate searches (each finds what the plain one finds)."""
        pat = self.name_re.pattern
        assert pat.startswith(_WORD)
        #: ``name_re`` found from its first capital or digit (see ``_name_runs``)
        self.name_fast_re = possessive(re.compile(_FAST_FIRST_WORD + pat[len(_WORD) :]))
        # the gazetteer names that start with a small letter are tested with ``in``; the
        # others' alternation (no look-ahead) finds every place where a name can match
        odd = self._gazetteer_odd_names(gaz)
        self.gaz_lower_names = tuple(n for n in odd if n[:1].islower())
        caps = [n for n in odd if not n[:1].islower()]
        alts = trie_alternation(caps, guard=lambda ch: r"(?<![\w$]" + re.escape(ch) + ")")
        self.gaz_gate_re = re.compile(alts or "(?!)")
        # ``\b(?:the|a|an)`` with the boundary tested after the first letter: the search skips
        # to the letters "t" and "a" (the same matches)
        art = r"\b(?:the|a|an)\s+"
        assert self.desc_re.pattern.startswith(art)
        rest = self.desc_re.pattern[len(art) :]
        self.desc_fast_re = possessive(re.compile(r"(?:t(?<!\wt)he|a(?<!\wa)n?)\s+" + rest))
        #: the same, one article each: each search skips to its literal first letters (see
        #: ``_desc_search``)
        self.desc_the_re = possessive(re.compile(r"the(?<!\wthe)\s+" + rest))
        self.desc_a_re = possessive(re.compile(r"a(?<!\wa)n?\s+" + rest))
        #: a person title ends in white space (``...\\s+)$``): a name after no white space has none
        self._title_space = _ends_in_space(self.title_re)
        #: the literal last words that a title ends with, by their last letter (None: not known)
        ends = _title_ends(self.title_re) if self._title_space else None
        self._title_ends: dict[str, tuple[str, ...]] | None = None
        if ends is not None:
            self._title_ends = {ch: tuple(w for w in ends if w[-1] == ch) for ch in {w[-1] for w in ends}}
        #: the words that the last rules of ``_clean_run_text`` look for (none: the run stays whole)
        self._run_triggers = self.person_titles | {"The", "at", "in", "on", "the", "and"}
        #: run pieces with their name facts, by run (at the sentence start, or not): see ``_run_pieces``
        self._pieces_at_start: dict[str, tuple[Any, ...]] = {}
        self._pieces_inside: dict[str, tuple[Any, ...]] = {}
        #: the words that only a sentence's start strips (``start_nonname`` less ``nonname``):
        #: the one place where ``_clean_run_text`` reads ``at_start``
        self._start_only = self.start_nonname - self.nonname

    def _gazetteer_regex(self, gaz: dict[str, Any]) -> re.Pattern[str]:
        """Lower-case or odd gazetteer names the capitalised-run regex cannot see."""
        names = self._gazetteer_odd_names(gaz)
        # ``(?<![\w$])`` before the name, tested after its first character: the same
        # matches, found faster (the search skips to the names' first characters)
        alts = trie_alternation(names, guard=lambda ch: r"(?<![\w$]" + re.escape(ch) + ")")
        return re.compile(r"(?:" + (alts or "(?!)") + r")(?![\w$])")

    def _gazetteer_odd_names(self, gaz: dict[str, Any]) -> list[str]:
        return [
            n
            for lname in ("attacker", "researcher", "source", "vendor", "breach_data_sources", "forum_software")
            for n in gaz.get(lname, {}).get("names", ())
            if not re.fullmatch(_WORD + r"(?:[ \t]" + _WORD + r")*", n) or n.split()[0] in self.nonname
        ]

    # -- helpers ------------------------------------------------------------------------
    def gazetteer_role(self, name: str) -> str | None:
        """The gazetteer role of a name (memoized: a pure function of the name)."""
        cache = self._gaz_role_cache
        if name in cache:
            return cache[name]
        return remember(cache, name, self._gazetteer_role(name), _CACHE_MAX)

    def _gazetteer_role(self, name: str) -> str | None:
        role = self.gaz_exact.get(name)
        if role is None:
            k = org_key(name)
            role = self.gaz_key.get(k)
            if role is None and " " in name:
                # a country before a listed name: "US Justice Department", "UK Information Commissioner"
                first, rest = name.split(" ", 1)
                if first in self.places or first in self.demonyms:
                    role = self.gaz_exact.get(rest) or self.gaz_key.get(org_key(rest))
        return role

    def _clean_run(
        self, text: str, s: int, e: int, keep_and: bool = False, at_start: bool = True
    ) -> list[tuple[int, int]]:
        """Trim a capitalised run to its name part(s); returns char ranges. Memoized: the
        answer (and the person names it notes) depends only on the run's text."""
        hit = self._clean_memo(text[s:e], keep_and, at_start)
        if hit[1]:
            self._doc_persons.update(hit[1])
        if hit[2]:
            self._and_read = True
        return [(s + a, s + b) for a, b in hit[0]]

    def _clean_memo(self, run: str, keep_and: bool, at_start: bool) -> tuple[Any, tuple[str, ...], bool]:
        """``_clean_run`` of a whole string, memoized: (ranges, person names noted, whether
        ``keep_and`` was read: when it was not, the other value gives the same answer)."""
        key = (run, keep_and, at_start)
        hit = self._run_cache.get(key)
        if hit is None:
            saved, saved_read = self._doc_persons, self._and_read
            self._doc_persons = found = set()
            self._and_read = False
            try:
                spans = self._clean_run_text(run, 0, len(run), keep_and, at_start)
                read = self._and_read
            finally:
                self._doc_persons, self._and_read = saved, saved_read
            hit = remember(self._run_cache, key, (tuple(spans), tuple(sorted(found)), read), _CACHE_MAX)
        return hit

    def _keep_and(self, keep_and: bool) -> bool:
        """Read ``keep_and`` (noted: see ``_clean_memo``)."""
        self._and_read = True
        return keep_and

    def _clean_run_text(
        self, text: str, s: int, e: int, keep_and: bool = False, at_start: bool = True
    ) -> list[tuple[int, int]]:
        """``_clean_run`` without the memo."""
        words = [m.span() for m in _NONSPACE.finditer(text, s, e)]
        # possessives inside a run: "Ireland’s Health Service Executive" splits after a place,
        # a trailing "Nvidia’s" loses its "’s"; "St. Luke’s Health System" stays whole
        # (each possessive holds an apostrophe: without one, no word is one)
        if text.find("'", s, e) >= 0 or text.find("’", s, e) >= 0:
            for i, (ws, we) in enumerate(words):
                if text[we - 1] not in _POSS_END:
                    continue  # not a possessive (cheap test before _POSS_WORD)
                pm = _POSS_WORD.match(text[ws:we])
                if pm is None:
                    continue
                stem_end = ws + len(pm.group(1))
                if pm.group(1) in self.generic_owners:
                    return []  # "the CE's Redding facility", "the CE’s BA": a part of an unnamed party
                if i == len(words) - 1:
                    words[i] = (ws, stem_end)
                    break
                stem = text[s:stem_end] if i else pm.group(1)
                prev = text[words[i - 1][0] : words[i - 1][1]] if i else ""
                if (
                    # a place word ends a person's name too ("Michael Jordan’s Steak House")
                    pm.group(1) in self.places
                    and (not prev or prev in self.start_nonname or prev in self.connectors or not prev[:1].isupper())
                    or stem in self.places
                    or self.gazetteer_role(stem) is not None
                    or stem.split()[-1] in self.heads
                    or stem.split()[-1] in self.suffixes
                ):
                    return self._clean_run(text, s, stem_end, keep_and) + self._clean_run(
                        text, words[i + 1][0], e, keep_and
                    )
        # a trailing period belongs to an abbreviation only ("Inc.", "U.S.")
        out_words: list[list[int]] = [list(w) for w in words]
        last = out_words[-1]
        w = text[last[0] : last[1]]
        keep_dot = w in self.suffixes or _DOTTED_CAPS.fullmatch(w) is not None
        if w.endswith(".") and not keep_dot:
            last[1] -= 1
        while out_words and not keep_dot and text[out_words[-1][1] - 1] in _TRAIL:
            out_words[-1][1] -= 1
            if out_words[-1][1] <= out_words[-1][0]:
                out_words.pop()
        # strip leading non-name words and connectors, and a leading demonym ("Turkish Minecraft")
        nonname = self.start_nonname if at_start else self.nonname
        while out_words:
            w = text[out_words[0][0] : out_words[0][1]]
            if w in nonname or w.rstrip(".") in nonname or w in self.connectors or w in "&+":
                out_words.pop(0)
                nonname = self.start_nonname
            elif "-" in w and _HYPHEN_ADJ.search(w) and len(out_words) > 1:  # (a match starts "-")
                out_words.pop(0)  # "Sharjah-based InvestBank"
            elif (
                w in self.not_alone
                and w.endswith("s")
                and w not in self.heads
                and (text[out_words[1][0] : out_words[1][1]] if len(out_words) > 1 else "") in ("of", "at", "for", "from")
            ):
                out_words.pop(0)  # "Members of the Girl Scouts of Orange County"
                nonname = self.start_nonname
            elif (
                w in self.demonyms
                and len(out_words) > 1
                and text[out_words[-1][0] : out_words[-1][1]].rstrip(".,") not in self.heads
                and text[out_words[-1][0] : out_words[-1][1]] not in self.suffixes
            ):
                out_words.pop(0)
            else:
                break
        while out_words and text[out_words[-1][0] : out_words[-1][1]] in self.connectors_amp:
            out_words.pop()
        if not out_words:
            return []
        # (the words between the first and the last are whole: the text between splits into them)
        if len(out_words) == 1 or self._run_triggers.isdisjoint(text[out_words[0][0] : out_words[-1][1]].split()):
            # no word that a rule below looks for (a title, "The", "at"/"in"/"on"/"the", "and")
            return [(out_words[0][0], out_words[-1][1])]
        # a title inside a run starts a person's name: "DNC Chair Debbie Wasserman-Schultz"
        for i, (ws, we) in enumerate(out_words):
            if (
                text[ws:we] in self.person_titles
                and i + 1 < len(out_words)
                and not (i == 0 and self._keep_and(keep_and))
                # a title before "of" names a place or an organization: "King of Prussia Dental Associates"
                and text[out_words[i + 1][0] : out_words[i + 1][1]] not in self.connectors
                # and so does a run ending in a head: "Akron General Medical Center"
                and text[out_words[-1][0] : out_words[-1][1]].rstrip(".,") not in self.heads
            ):
                # (the portal names a doctor's practice after its doctor: "Dr. Kraig R. Pepper,
                # D.O., P.A. the covered entity (CE) reported")
                person = text[out_words[i + 1][0] : out_words[-1][1]]
                self._doc_persons.update((person, person.split()[-1]))
                return self._clean_run(text, out_words[0][0], out_words[i - 1][1], keep_and) if i else []
        # "at"/"in"/"on" continue a name only after a head (University of X at Y)
        for i in range(1, len(out_words)):
            if text[out_words[i][0] : out_words[i][1]] == "The" and text[
                out_words[i - 1][0] : out_words[i - 1][1]
            ] not in self.connectors:
                # a capital "The" inside a run starts a new phrase (a headline without its full
                # stop: "... in China, Russia and Ukraine The UK Foreign Office was targeted";
                # "Advocare, LLC.  The message board")
                return self._clean_run(text, out_words[0][0], out_words[i - 1][1], keep_and) + self._clean_run(
                    text, out_words[i][0], out_words[-1][1], keep_and
                )
        for i in range(1, len(out_words) - 1):
            w = text[out_words[i][0] : out_words[i][1]]
            if w in ("at", "in", "on", "the") and (
                w != "the" or text[out_words[i - 1][0] : out_words[i - 1][1]] not in ("of", "for", "at")
            ):
                prev = text[out_words[i - 1][0] : out_words[i - 1][1]]
                if w == "the" and prev in self.title_verbs:
                    return []  # a title, not names: "Orange Is the New Black"
                if w == "the" or prev not in self.at_heads:
                    return self._clean_run(
                        text, out_words[0][0], out_words[i - 1][1], keep_and
                    ) + self._clean_run(text, out_words[i + 1][0], out_words[-1][1], keep_and)
        # split coordinations "X and Y" unless the run ends with an organization head
        for i in range(1, len(out_words) - 1):
            if text[out_words[i][0] : out_words[i][1]] == "and" and not self._keep_and(keep_and):
                lastw = text[out_words[-1][0] : out_words[-1][1]]
                whole = text[out_words[0][0] : out_words[-1][1]]
                if (lastw in self.heads or lastw in self.suffixes) and i >= 1 and self.gazetteer_role(
                    text[out_words[0][0] : out_words[i - 1][1]]
                ) is None or whole in self.gaz_exact:
                    break
                return self._clean_run(text, out_words[0][0], out_words[i - 1][1]) + self._clean_run(
                    text, out_words[i + 1][0], out_words[-1][1]
                )
        return [(out_words[0][0], out_words[-1][1])]

    # -- main -----------------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        ext = doc._  # (each ``doc._`` builds a new accessor: one for the reads and writes here)
        ext.breach_orgs = []
        ext.breach_victims = []
        text = doc_text(doc)
        sents = ext.breach_sents
        if sents is None:
            sents = [[0, len(text)]] if text.strip() else []
        if not sents:
            return doc
        big = len(text) >= 2_000_000
        #: the text's lower-case words (``_LOWER_WORD``), tested word by word on demand
        lower_words: Any = _LowerWords(text) if not big else set()
        self._doc_persons: set[str] = set()  # names seen after a title, per document
        self._doc_phrases: dict[tuple[str, ...], bool] = {}  # phrase keys -> all ordinary words
        classes = _char_classes(text) if not big else None
        self._doc_classes = classes
        self._doc_low = doc_lower(doc) if classes is not None else None
        self._doc_title_ends = self._title_ends if classes is not None else None
        self._skip = ext.breach_skip or []  # read once: a doc._ read is slow
        #: the spans of the descriptor gate's matches (None: no gate) and the descriptor
        #: matches found beforehand (``_doc_candidates`` sets them)
        self._desc_ends = self._desc_pre = None
        mentions: list[dict[str, Any]] = []
        links: list[tuple[int, int]] = []
        self._doc_candidates(doc, text, sents, lower_words, mentions, links)
        for ent in doc.ents:
            if ent.label_ in ("ORG", "ORGANIZATION", "NORP_ORG") and not is_skipped(
                doc, ent.start_char, ent.end_char
            ):
                si = _sent_of(sents, ent.start_char)
                if si >= 0:
                    self._add(mentions, text, ent.start_char, ent.end_char, si, "ner")
        if not mentions:
            return doc
        kept_for: dict[int, int] = {}
        mentions = _dedupe(mentions, kept_for)
        if kept_for and links:  # a link to a dropped duplicate goes to the mention kept for it
            links = [(kept_for.get(a, a), kept_for.get(b, b)) for a, b in links]
        mentions = self._split_coordinations(text, mentions)
        # the clusters and lists first (neither reads a score): mentions whose scores cannot
        # change the output are not scored
        groups = self._list_groups(text, mentions)
        plan = self._clusters(mentions, links)
        skip = self._unscored(mentions, plan, {id(m) for g in groups for m in g})
        self._score_all(text, sents, mentions, skip)
        self._share_in_lists(text, mentions, groups)
        self._resolve(doc, text, sents, mentions, links, plan)
        return doc

    def _split_coordinations(self, text: str, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """"X and Y" kept whole (its run ends in a head: "Netflix and Larson Studios") is two
        organizations when the text also names each of X and Y alone (CASIE 1990: "The company
        in question, Larson Studios"); "Brigham and Women’s Hospital" stays one."""
        if not any(map(_HAS_AND, map(_NAME, mentions))):  # (``" and " in m["name"]``, C loops)
            return mentions
        alone = {m["name"] for m in mentions if " and " not in m["name"]}
        out: list[dict[str, Any]] = []
        for m in mentions:
            name = m["name"]
            left, sep, right = name.partition(" and ")
            if not sep or "," in name or " and " in right or left not in alone or right not in alone:
                out.append(m)
                continue
            seps = list(_AND_SEP.finditer(text, m["start"], m["end"]))
            if len(seps) != 1:
                out.append(m)
                continue
            for a, b in ((m["start"], seps[0].start()), (seps[0].end(), m["end"])):
                raw = text[a:b]
                a += len(raw) - len(raw.lstrip())
                b -= len(raw) - len(raw.rstrip())
                part = self._add(out, text, a, b, m["sent"], None)
                if part is not None:
                    part["ev"] = set(m["ev"])
        return out

    def _add(
        self, mentions: list[dict[str, Any]], text: str, s: int, e: int, si: int, evidence: str | None
    ) -> dict[str, Any] | None:
        raw = text[s:e]
        name = self._norm_cache.get(raw)
        if name is None:
            name = remember(self._norm_cache, raw, _norm_name(raw), _CACHE_MAX)
        if not name or len(name) > 120:
            return None
        ev = {evidence} if evidence else set()
        m = {"start": s, "end": e, "name": name, "sent": si, "ev": ev, "scores": {}, "sep": False}
        mentions.append(m)
        return m

    def _doc_gates(
        self, text: str, starts: list[int] | None = None, ends: list[int] | None = None
    ) -> tuple[tuple[bool, bool, bool, bool, bool], dict[int, tuple[bool, bool, bool, bool, bool]] | None]:
        """Whole-text tests that rule out the searches after the name runs in every sentence
        at once: (the portal appositive's "),", "covered"/"business", a dot inside a word, a
        gazetteer name, "as "/"/k/a " with a word of ``_KNOWN_AS``), each needed by its search
        in any sentence; and, for sentences sorted and disjoint (``starts``, ``ends``), the
        sentences that hold a place where one of those searches may match, with the gates of
        the searches whose places they hold (None: every sentence, with the whole-text
        gates). The places: the first characters of "),", "covered" or "business" before white
        space and "entit" or "associate", a dot inside a word, " as " or "/k/a " in a sentence
        that ``_may_know``, the characters of the descriptor gate's matches (their first
        and last when the noun holds no white space) and of the gazetteer gate's (a match of
        a search in a sentence starts at a place where a search of the whole text finds one,
        or inside one it finds; a sentence without a place of the descriptor gate may still
        lie inside a noun: then no descriptor match fits in it)."""
        found: list[list[int]] = []
        for w in ("),", "covered", "business", " as ", "/k/a "):
            places: list[int] = []
            p = text.find(w)
            while p >= 0:
                places.append(p)
                p = text.find(w, p + 1)
            found.append(places)
        portal, covered, business, as_, fka = found
        # ``_KNOWN_AS`` needs "known", "trading", "operating", "doing business" or "/k/a"
        known = bool(fka) or bool(as_) and (
            bool(business) or "known" in text or "trading" in text or "operating" in text or "/k/a" in text
        )
        dots = [m.start() for m in _DOT_WORD.finditer(text)]
        # a gazetteer match holds a match of the gate (no look-ahead) found by a search of
        # the whole text, or one of the names that start with a small letter
        gaz_lower = any(n in text for n in self.gaz_lower_names)
        gaz_spans = [m.span() for m in self.gaz_gate_re.finditer(text)]
        gates = (bool(portal), bool(covered or business), bool(dots), gaz_lower or bool(gaz_spans), known)
        pre = self._desc_pre
        if gaz_lower or pre is None and self._desc_ends is None or starts is None or ends is None:
            return gates, None
        bits: dict[int, int] = {}
        # (an opening holds "covered entit..." or "business associate": only those places)
        opening = [p for p in covered + business if _OPENING_TAIL.match(text, p)]
        opening.sort()
        for places, bit in ((portal, _PORTAL), (opening, _OPENING), (dots, _DOMAIN)):
            if places:
                _mark_sentences(starts, ends, places, bit, bits)
        if known:  # (the sentences that pass the test of ``_sentence_extras``)
            found_as: dict[int, int] = {}
            _mark_sentences(starts, ends, as_, _KNOWN, found_as)
            _mark_sentences(starts, ends, fka, _KNOWN, found_as)
            for si in found_as:
                if _may_know(text, starts[si], ends[si]):
                    bits[si] = bits.get(si, 0) | _KNOWN
        if gaz_spans:
            _mark_sentences(starts, ends, [p for a, b in gaz_spans for p in range(a, b)], _GAZ, bits)
        if pre is not None:  # the sentences with a descriptor match to look at
            for si, got in pre.items():
                if got is None or got:
                    bits[si] = bits.get(si, 0) | _DESC
            return gates, {si: _GATE_SETS[m] for si, m in bits.items()}
        desc: list[int] = []
        for a, b in zip(self._desc_starts, self._desc_ends):  # type: ignore[arg-type]
            # a sentence that such a match meets holds its first or last character, or lies
            # inside the noun: without white space there, no descriptor match fits in it
            if _SPACE_RE.search(text, a + 1, b - 1):
                desc.extend(range(a, b))
            else:
                desc += (a, b - 1)
        if desc:
            _mark_sentences(starts, ends, desc, _DESC, bits)
        return gates, {si: _GATE_SETS[m] for si, m in bits.items()}

    def _name_runs(self, text: str, ss: int, se: int) -> Iterator[tuple[int, int]]:
        """The spans of ``self.name_re.finditer(text, ss, se)``, searched from the capitals
        and digits (``name_fast_re``). A run whose first word is small letters and a capital
        ("eBay") is found from the capital: its start moves back to the small letters (at
        most 6, after a character that may stand before a word). When that start lies before
        the end of the previous run (only after a word cut at 41 characters), the plain
        search goes on from there."""
        p = ss
        for m in self.name_fast_re.finditer(text, ss, se):
            a, b = m.span()
            if a and text[a - 1] in _ASCII_LOWER:
                a -= 1
                while a > 0 and text[a - 1] in _ASCII_LOWER:
                    a -= 1
                if a < p:
                    for m in self.name_re.finditer(text, p, se):
                        yield m.span()
                    return
            yield a, b
            p = b

    def _run_pieces(self, run: str, at_start: bool) -> tuple[Any, Any, Any]:
        """Per run text (memoized): of ``_clean_memo(run, False, at_start)``, its ranges and
        the ranges that can be candidates with their names and facts: (start, end, name,
        ``_facts(name)``); then None, or when the run notes person names or the portal
        wording can change its pieces: (the ``keep_and`` answer of ``_clean_memo`` when it
        can, else None; the person names noted). A run whose first word is letters only and
        not a word stripped only at a sentence's start (``_start_only``) has the same entry at
        the start and inside: the other one's, when there is one."""
        cache = self._pieces_at_start if at_start else self._pieces_inside
        first = run.split(None, 1)[0]
        if first.isalpha() and first not in self._start_only:
            other = (self._pieces_inside if at_start else self._pieces_at_start).get(run)
            if other is not None:
                return remember(cache, run, other, _CACHE_MAX)
        if _ONE_WORD(run) is None:  # one word (most runs): ``_one_word_ranges``, no memo
            ranges = self._one_word_ranges(run, at_start)
            hit = (ranges, (), False)
        else:
            hit = self._clean_memo(run, False, at_start)
        hit_and = self._clean_memo(run, True, at_start) if hit[2] else hit
        alt = hit_and if hit_and is not hit and hit[:2] != hit_and[:2] else None
        pieces = []
        for a, b in hit[0]:
            name = run[a:b]
            facts = self._facts(name)
            if facts is not False:
                pieces.append((a, b, name, facts))
        extra = (alt, hit[1]) if alt is not None or hit[1] else None
        return remember(cache, run, (hit[0], tuple(pieces), extra), _CACHE_MAX)

    def _one_word_ranges(self, run: str, at_start: bool) -> tuple[tuple[int, int], ...]:
        """``_clean_memo(run, keep_and, at_start)[0]`` of a run without white space (then it
        notes no person and never reads ``keep_and``): a trailing possessive cut (none of a
        generic owner), trailing punctuation cut unless the word is a legal suffix or dotted
        capitals, and nothing left of a non-name word or a connector."""
        e = len(run)
        if run[-1] in _POSS_END:
            pm = _POSS_WORD.match(run)
            if pm is not None:
                stem = pm.group(1)
                if stem in self.generic_owners:
                    return ()
                e = len(stem)
        w = run[:e]
        if not (w in self.suffixes or _DOTTED_CAPS.fullmatch(w) is not None):
            w = w.rstrip(_TRAIL)
            if not w:
                return ()
        if (
            w in (self.start_nonname if at_start else self.nonname)
            or w.rstrip(".") in (self.start_nonname if at_start else self.nonname)
            or w in self.connectors_amp
            or w in "&+"
        ):
            return ()
        return ((0, len(w)),)

    def _facts(self, name: str) -> Any:
        """``_candidate_facts`` memoized."""
        facts = self._name_facts.get(name)
        if facts is None:
            facts = remember(self._name_facts, name, self._candidate_facts(name), _CACHE_MAX)
        return facts

    def _doc_candidates(
        self,
        doc: Doc,
        text: str,
        sents: list[list[int]],
        lower_words: set[str],
        mentions: list[dict[str, Any]],
        links: list[tuple[int, int]],
    ) -> None:
        """``_sentence_candidates`` of every sentence. The searches after the name runs run
        only in sentences that hold one of the places their matches need (``_doc_gates``;
        sorted disjoint sentences, else in every sentence). When the sentences are sorted,
        disjoint and end before white space (or at the end of the text), the name runs and
        the descriptor matches of every sentence come from one search of the whole text
        (``_doc_runs``, ``_doc_descs``); else the descriptor regex runs only in sentences
        that a match of its gate (a descriptor noun between white space) meets."""
        starts = list(map(_FIRST, sents))
        ends = list(map(_SECOND, sents))
        ordered = all(map(le, starts, ends)) and all(map(le, ends, starts[1:]))
        runs = None
        if ordered and 0 <= starts[0] and ends[-1] <= len(text) and _ends_before_space(text, ends):
            self._desc_pre = self._doc_descs(text, starts, ends)
            runs = self._doc_runs(text)
        elif len(text) < 2_000_000:
            spans = [m.span() for m in self.desc_gate_re.finditer(text)]
            self._desc_starts = [a for a, _ in spans]
            self._desc_ends = [b for _, b in spans]
        gates, masks = self._doc_gates(text, starts, ends) if ordered else self._doc_gates(text)
        self._candidates_in(text, enumerate(sents), lower_words, mentions, links, gates, masks, self._doc_classes, runs)

    def _doc_descs(self, text: str, starts: list[int], ends: list[int]) -> dict[int, Any]:
        """``_desc_pre``: the descriptor matches of one search of the text, by sentence,
        those that ``_desc_names`` keeps; a sentence that a match crosses an edge of is
        searched alone (None). Sentences sorted, disjoint and ending before white space:
        the matches inside a sentence that no match crosses an edge of are those of its own
        search (as in ``_doc_runs``: a white space character is no word character, no
        quote, and a path that reads it past the sentence's end consumes it)."""
        found: dict[int, Any] = {}
        n = len(starts)
        for dm in self._desc_search(text):
            a, b = dm.span()
            k = bisect_right(starts, a) - 1
            if k >= 0 and b <= ends[k]:
                got = found.setdefault(k, [])
                if got is not None:
                    got.append(dm)
                continue
            if k < 0 or a >= ends[k]:
                k += 1  # (in the gap before sentence k + 1)
            while k < n and starts[k] < b:
                found[k] = None  # crossed: searched alone
                k += 1
        for k, got in found.items():
            if got is not None:
                found[k] = list(self._desc_names(text, got, ends[k]))
        return found

    def _desc_search(self, text: str) -> list[Any]:
        """``list(desc_fast_re.finditer(text))`` from a search of each article ("the", then
        "a"/"an"): a match of the joint regex at a place is the match of the one article
        that the place's letter starts, so when no match of one search overlaps one of the
        other, the joint search finds them all, in the order of their starts (else it runs)."""
        ms = [*self.desc_the_re.finditer(text), *self.desc_a_re.finditer(text)]
        if len(ms) > 1:
            ms.sort(key=_M_START)
            end = -1
            for m in ms:
                if m.start() < end:
                    return list(self.desc_fast_re.finditer(text))
                end = m.end()
        return ms

    def _desc_names(self, text: str, matches: Any, se: int) -> Iterator[tuple[int, int, str]]:
        """The descriptor matches (in a sentence ending at ``se``) that may name something:
        (start, end, name) of their name, without trailing punctuation; not a number or a
        stop word, and one with neither a capital, a digit nor ".x" only before a verb."""
        for dm in matches:
            s, e = dm.span(1)
            name = dm.group(1).rstrip(_TRAIL)
            e = s + len(name)
            if not name or _NUMLIKE.match(name) or name.lower() in STOP_WORDS:
                continue
            if not _ODD_NAME.search(name) and not self.desc_verb_re.match(text, e, min(se, e + 20)):
                continue  # a lower-case word is a name only before a breach verb
            yield s, e, name

    def _doc_runs(self, text: str) -> tuple[list[Any], list[int]]:
        """The spans of one search of ``name_fast_re`` over the whole text and their starts.
        For sentences sorted, disjoint and ending before white space or at the text's end,
        the spans inside a sentence that no span crosses the start or the end of are those
        of its own search (``finditer(text, ss, se)``): both searches reach the sentence's
        start and read the same characters before it; a white space character at its end is
        no word character, no ``[.,]``, and where a path of a match reads it (the separators
        of two words) the sentence's search fails there, and the text's search either fails
        later or finds a run that crosses the end."""
        spans = list(map(_SPAN, self.name_fast_re.finditer(text)))
        return spans, list(map(_FIRST, spans))

    def _sentence_candidates(
        self,
        doc: Doc,
        text: str,
        si: int,
        ss: int,
        se: int,
        lower_words: set[str],
        mentions: list[dict[str, Any]],
        links: list[tuple[int, int]],
        gates: tuple[bool, bool, bool, bool, bool] = (True, True, True, True, True),
    ) -> None:
        """The candidates of one sentence (``gates``: see ``_doc_gates``)."""
        self._candidates_in(text, ((si, (ss, se)),), lower_words, mentions, links, gates, None, None)

    def _candidates_in(
        self,
        text: str,
        items: Any,
        lower_words: set[str],
        mentions: list[dict[str, Any]],
        links: list[tuple[int, int]],
        gates: tuple[bool, bool, bool, bool, bool],
        masks: dict[int, tuple[bool, bool, bool, bool, bool]] | None,
        classes: tuple[bytes, bytes] | None,
        runs: tuple[list[Any], list[int]] | None = None,
    ) -> None:
        """The candidates of the sentences ``items`` ((index, (start, end)), in order): those
        of the name runs (``_name_runs``; ``runs``: the spans of ``_doc_runs``, else a search
        per sentence), then ``_sentence_extras`` (with the gates of ``masks`` in the sentences
        it holds, unless None: ``gates`` in every sentence). ``classes``: see
        ``_char_classes`` (None: the sentence tests read the sentence's text)."""
        name_runs = self._name_runs
        fast = self.name_fast_re.finditer
        at_start_pieces, inside_pieces = self._pieces_at_start, self._pieces_inside
        candidate = self._candidate_with
        cls, wcls = classes if classes is not None else (None, None)
        skip_all = self._skip
        # whether a skip region meets a sentence: a walk over them (sorted, disjoint, not
        # empty, for sentences in order: else ``touches``)
        nk = len(skip_all)
        walk = nk > 0 and _ranges_apart(skip_all)
        k = 0
        prev_ss = 0
        r_spans, r_starts = runs if runs is not None else ((), ())
        j = 0
        sg: Any = gates
        for si, (ss, se) in items:
            if runs is not None:
                i = bisect_left(r_starts, ss, j)
                j = bisect_left(r_starts, se, i)
                if masks is not None:
                    sg = masks.get(si)
                    if i == j and sg is None and not (i and r_spans[i - 1][1] > ss):
                        continue  # no run and no extra search
                if i and r_spans[i - 1][1] > ss or i < j and r_spans[j - 1][1] > se:
                    spans: Any = fast  # a run crosses an edge of the sentence: its own search
                else:
                    spans = r_spans[i:j] if i < j else None
            else:
                spans = fast  # (searched below)
                if masks is not None:
                    sg = masks.get(si)
            n_before = len(mentions)
            skip = skip_all
            if nk:
                if walk and se - ss > 1 and ss >= prev_ss:
                    prev_ss = ss
                    while k < nk and skip_all[k][1] <= ss:
                        k += 1
                    if not (k < nk and skip_all[k][0] < se):
                        skip = []  # no skip region meets the sentence: none meets a part of it
                elif not touches(skip_all, ss, se):
                    skip = []
            # an all-capitals line has no candidate runs (no character that upper() changes:
            # then the plain test decides)
            if spans is None:
                allcaps = True  # (no runs to look at)
            elif classes is None or classes[0].find(b"l", ss, se) < 0:
                sent = text[ss:se]
                allcaps = sent.upper() == sent and any(c.isalpha() for c in sent) and len(sent.split()) >= 3
            else:
                allcaps = False
            if not allcaps:
                c0 = text[ss : ss + 1]
                # (only quotes and brackets before the first word)
                first_word = ss if c0 and c0 not in _LEAD else se - len(text[ss:se].lstrip(_LEAD))
                titleish: bool | None = None  # computed on first need
                # the runs (``_name_runs``): the fast search's spans until a run that starts
                # with small letters ("eBay"), then ``_name_runs`` from the end of the last run
                if spans is fast:
                    spans = map(_SPAN, fast(text, ss, se))
                p = ss
                while True:
                    for rs, r_e in spans:
                        if rs and text[rs - 1] in _ASCII_LOWER:
                            break
                        p = r_e
                        run = text[rs:r_e]
                        ent = (at_start_pieces if rs <= first_word else inside_pieces).get(run)
                        if ent is None:
                            ent = self._run_pieces(run, rs <= first_word)
                        ranges, pieces, extra = ent
                        if extra is not None:
                            alt, persons = extra
                            # the portal wording (keep_and) changes the pieces of few runs: test it only then
                            if alt is not None and (
                                # the portal rule needs a comma: test that first
                                text.find(",", max(ss, rs - 60), rs) >= 0
                                and self.hhs_left.search(text, max(ss, rs - 60), rs)
                                or self.hhs_right.match(text, r_e, min(se, r_e + 80))
                                or self.hhs_ba_right.match(text, r_e, min(se, r_e + 80))
                                # a name after a descriptor keeps its "and": "the gaming website Guns and Robots"
                                or " and " in run
                                and self.desc_end_re.search(text, max(ss, rs - 60), rs)
                            ):
                                ranges, persons = alt[0], alt[1]
                                pieces = None  # (the pieces of the other answer)
                            if persons:
                                self._doc_persons.update(persons)
                        if not ranges:
                            continue
                        if titleish is None:
                            if cls is None:
                                titleish = _titleish(text, ss, se, None)
                            else:  # (``_titleish`` inline)
                                c = cls[ss]
                                up = cls.count(b" A", ss, se) + (c == 65)
                                if up < 3:
                                    titleish = False
                                else:
                                    nw = wcls.count(b" w", ss, se) + (c != 32)
                                    titleish = nw >= 4 and up >= 0.7 * nw
                        if titleish:
                            for a, b in ranges:
                                s, e = rs + a, rs + b
                                if skip and touches(skip, s, e):
                                    continue
                                for s2, e2 in self._title_split(text, s, e, titleish, lower_words):
                                    self._candidate(text, s2, e2, si, ss, lower_words, mentions, links)
                        elif pieces is None:  # (_title_split keeps the whole range)
                            for a, b in ranges:
                                s, e = rs + a, rs + b
                                if not (skip and touches(skip, s, e)):
                                    self._candidate(text, s, e, si, ss, lower_words, mentions, links)
                        elif skip:  # the pieces that can be candidates, with their facts
                            for a, b, name, facts in pieces:
                                if not touches(skip, rs + a, rs + b):
                                    candidate(text, rs + a, rs + b, si, ss, lower_words, mentions, links, name, facts)
                        else:
                            for a, b, name, facts in pieces:
                                candidate(text, rs + a, rs + b, si, ss, lower_words, mentions, links, name, facts)
                    else:
                        break
                    spans = name_runs(text, p, se)
            if sg is not None:
                self._sentence_extras(text, si, ss, se, n_before, skip, mentions, links, sg)

    def _sentence_extras(
        self,
        text: str,
        si: int,
        ss: int,
        se: int,
        n_before: int,
        skip: Any,
        mentions: list[dict[str, Any]],
        links: list[tuple[int, int]],
        gates: tuple[bool, bool, bool, bool, bool],
    ) -> None:
        """The candidates of a sentence after its name runs (``mentions[n_before:]``): portal
        names, domains, gazetteer names, names after a descriptor, ``known as`` names."""
        portal_gate, opening_gate, dot_gate, gaz_gate, known_gate = gates
        # (the appositive holds "),": test that first)
        portal = (
            [(hm, False) for hm in _HHS_APPOSITIVE.finditer(text, ss, se)]
            if portal_gate and text.find("),", ss, se) >= 0
            else []
        )
        # the opening needs "covered entity" or "business associate": test the words first
        om = (
            _HHS_OPENING.match(text, ss, se)
            if opening_gate and (text.find("covered", ss, se) >= 0 or text.find("business", ss, se) >= 0)
            else None
        )
        if om:
            portal.append((om, True))
        for hm, opening in portal:
            s, e = hm.span(1)
            inner = hm.group(1)
            if (
                inner.count(",") <= 6
                and all(w in self.portal_lower or not w[:1].islower() for w in inner.split())
                and not (opening and inner.split()[0].rstrip(",") in self.start_nonname)
                and inner.rstrip(",") not in self.not_alone
                and not (" " not in inner and inner.endswith("ly"))
                and not _YEAR.search(inner)
                and not (skip and touches(skip, s, e))
            ):
                self._add(mentions, text, s, e, si, "hhs")
        # (``_DOT_WORD.search(sent)``: its look-behind stays inside the sentence)
        domains = self.domain_re.finditer(text, ss, se) if dot_gate and _DOT_WORD.search(text, ss + 1, se) else ()
        # (the sentence's mentions that hold a place: ``_Holders``, linear in the matches)
        holders: _Holders | None = None
        for dm in domains:
            s, e = dm.span(1)
            if not (skip and touches(skip, s, e)) and re.search(r"[a-z]{3}", dm.group(1), re.I):
                if holders is None:
                    holders = _Holders(mentions[n_before:])
                held = holders.at(s)
                if not held:
                    holders.add(self._add(mentions, text, s, e, si, "domain"))
                else:
                    for x in held:
                        x["ev"].add("domain")
        holders = None
        for gm in self.gaz_re.finditer(text, ss, se) if gaz_gate else ():
            if holders is None:
                holders = _Holders(mentions[n_before:])
            if not holders.at(gm.start()):
                holders.add(self._add(mentions, text, gm.start(), gm.end(), si, "gazetteer"))
        # the descriptor matches: found beforehand (``_desc_pre``), or searched when a match of
        # the gate (a descriptor noun between white space: one pass over the text, before
        # the sentences) overlaps the sentence
        pre = self._desc_pre
        found: Any
        if pre is not None:
            found = pre.get(si, ())
            if found is None:  # (a match of the text's search crosses an edge of the sentence)
                found = self._desc_names(text, self.desc_fast_re.finditer(text, ss, se), se)
        else:
            desc_ends = self._desc_ends
            j = bisect_right(desc_ends, ss) if desc_ends is not None else -1
            found = (
                self._desc_names(text, self.desc_fast_re.finditer(text, ss, se), se)
                if desc_ends is None or j < len(desc_ends) and self._desc_starts[j] < se
                else ()
            )
        first_at: dict[int, dict[str, Any]] | None = None
        for s, e, name in found:
            if first_at is None:  # the first of the sentence's mentions at each start
                first_at = {}
                for x in mentions[n_before:]:
                    first_at.setdefault(x["start"], x)
            hit = first_at.get(s)
            if hit is not None:
                hit["ev"].add("descriptor")
            elif name[:1].islower() or name[:1].isdigit():
                if name in self.not_alone or name in self.common_nouns:
                    continue  # "the Xiaomi user forum website suffered": no name
                added = self._add(mentions, text, s, e, si, "descriptor")
                if added is not None:
                    first_at[s] = added
        known = _KNOWN_AS.finditer(text, ss, se) if known_gate and _may_know(text, ss, se) else ()
        ends: list[tuple[int, int]] | None = None  # (end, index) of this sentence's mentions, sorted
        for km in known:
            g = 1 if km.group(1) is not None else 2
            s, e = km.span(g)
            alias = self._add(mentions, text, s, e, si, "known_as")
            if alias is None:
                continue
            if ends is None:  # built once per sentence: a bisect per phrase keeps this linear
                ends = sorted((x["end"], i) for i, x in enumerate(mentions[n_before:-1], n_before))
            j = bisect_right(ends, (km.start(), len(mentions)))
            prev = mentions[ends[j - 1][1]] if j else None
            insort(ends, (alias["end"], len(mentions) - 1))
            # the name just before the phrase ("Pediatrix Medical Group, formerly known as MEDNAX
            # Services", "a Telegram channel known as ALIEN TXTBASE", "the Fur Affinity website for
            # ... (also known as", "France Travail, the national employment agency formerly known
            # as"), not one several words back ("the vBulletin forum for the social engineering
            # site known as AstroPID")
            gap = text[prev["end"] : km.start()] if prev is not None else ""
            if prev is not None and len(gap) < 80 and (
                gap.count(" ") <= 3
                or gap.rstrip().endswith("(")
                # an appositive, not a clause ("according to The Wall Street Journal, the company
                # was hit with a strain known as SamSam")
                or gap.startswith((", the ", ", a ", ", an ")) and not _CLAUSE_VERB.search(gap)
            ):
                links.append((id(prev), id(alias)))

    def _title_split(
        self, text: str, s: int, e: int, titleish: bool, lower_words: set[str]
    ) -> list[tuple[int, int]]:
        """In Title Case lines, keep only runs of words that are not ordinary lower-case words."""
        if not titleish:
            return [(s, e)]
        out: list[tuple[int, int]] = []
        cur: list[int] | None = None
        for m in _NONSPACE.finditer(text[s:e]):
            w = m.group(0)
            # (the look-up in the text's lower-case words last: it reads the text)
            common = not w.isupper() and (
                w.lower() in STOP_WORDS or w in self.nonname or w.lower() in lower_words
            )
            if common:
                if cur:
                    out.append((cur[0], cur[1]))
                cur = None
            elif cur is None:
                cur = [s + m.start(), s + m.end()]
            else:
                cur[1] = s + m.end()
        if cur:
            out.append((cur[0], cur[1]))
        return out

    def _candidate_facts(self, name: str) -> Any:
        """What ``_candidate`` knows from a name alone (memoized per name): False when the
        name is never a candidate, else (word count, place or demonym, the lower-case form
        of a one-word non-acronym name, the lower-case words of an unheaded name that is not
        in a gazetteer (its words must not all be ordinary words), headed, last word,
        gazetteer role, a state code, the mention's name: the name with its white space
        made single spaces, or None when ``_add`` would refuse it)."""
        words = name.split()
        first = words[0]
        nwords = len(words)
        # (``_NUMLIKE`` starts with ``\d``: every such character is ``isdigit``)
        if nwords == 1 and (first[:1].isdigit() and _NUMLIKE.match(name) or len(name) < 2):
            return False
        if first[:1].isdigit() and sum(c.isalpha() for c in first) < 2:
            lastw = words[-1].rstrip(".")
            if nwords < 3 or not (lastw in self.heads or lastw in self.suffixes):
                return False
        if (
            name in self.not_alone
            or "-" in name and _HYPHEN_ADJ.search(name)
            or words[-1] in _NOT_ORG_HEADS and not name.endswith((", PC", ", PS"))
            or _not_name(name)
        ):
            return False
        place = name in self.places or name in self.demonyms
        single_key = name.lower() if nwords == 1 and not name.isupper() else None
        lastw = words[-1].rstrip(".,")
        headed = len(words) >= 2 and (lastw in self.heads or words[-1] in self.suffixes or lastw in self.suffixes)
        phrase_keys = None
        gaz_role = self.gazetteer_role(name)
        if nwords >= 2 and not headed and gaz_role is None:
            phrase_keys = tuple(w.lower() for w in words if w not in self.connectors)
            # a word that no ``_LOWER_WORD`` match can be ("&", "4", "u.s.") is never one of
            # the text's lower-case words: the phrase is never all ordinary words
            if not all(map(_LOWER_TOKEN.fullmatch, phrase_keys)):
                phrase_keys = None
        norm: str | None = _norm_name(name)  # (as in ``_add``)
        if not norm or len(norm) > 120:
            norm = None
        return (
            nwords, place, single_key, phrase_keys, headed, words[-1], gaz_role,
            name in self.state_codes, norm,
        )

    def _candidate(
        self,
        text: str,
        s: int,
        e: int,
        si: int,
        ss: int,
        lower_words: set[str],
        mentions: list[dict[str, Any]],
        links: list[tuple[int, int]],
    ) -> None:
        name = text[s:e]
        facts = self._facts(name)
        if facts is not False:
            self._candidate_with(text, s, e, si, ss, lower_words, mentions, links, name, facts)

    def _candidate_with(
        self,
        text: str,
        s: int,
        e: int,
        si: int,
        ss: int,
        lower_words: set[str],
        mentions: list[dict[str, Any]],
        links: list[tuple[int, int]],
        name: str,
        facts: Any,
    ) -> None:
        """``_candidate`` of the name ``text[s:e]`` with its facts (not False)."""
        nwords, place, single_key, phrase_keys, headed, last_word, gaz_role, state, norm = facts
        c = text[e : e + 1]  # (``after[:1]``)
        poss = c in _APOS and (text[e + 1 : e + 2] == "s" or name.endswith("s"))
        if state and _TOWN_BEFORE.search(text, max(0, s - 30), s):
            return  # the state of a town: "in Nashville, TN"
        if place or (nwords <= 3 and c == "," and self._place_before_state(text[e : e + 80])):
            if poss:
                pm = self.poss_head_re.match(text[e : e + 80])
                if pm:
                    self._add(mentions, text, s, e + pm.end(1), si, "possessive_head")
            return
        # sentence-initial ordinary word ("Hackers stole ...")
        if single_key is not None and s == ss and (name.endswith("ly") or single_key in lower_words):
            return
        if phrase_keys is not None:
            common = self._doc_phrases.get(phrase_keys)
            if common is None:
                common = self._doc_phrases[phrase_keys] = all(map(lower_words.__contains__, phrase_keys))
            if common:
                return  # a capitalised common phrase ("Emergency Room", "Business Associate")
        # a title before the name ends in white space just before it (``_title_space``), and
        # before that white space in the last word of a title (``_title_ends``: compared with
        # the lower-cased text when every character is in Windows-1252, where ``lower()``
        # keeps the length and the literal letters match their own two cases only)
        if s > ss and text[s - 1].isspace() or not self._title_space:
            ends = self._doc_title_ends
            if ends is not None:
                lo = ss if ss > s - 40 else s - 40
                p = s - 2
                while p >= lo and text[p].isspace():
                    p -= 1
                low = self._doc_low
                tails = ends.get(low[p]) if p >= lo else None  # type: ignore[index]
                go = tails is not None and low.endswith(tails, lo, p + 1)  # type: ignore[union-attr]
            else:
                go = True
        else:
            go = False
        if go:
            left = text[max(ss, s - 40) : s]
            rev = self.title_rev  # (``_title_before(left)`` inline)
            if rev is None:
                titled = self.title_re.search(left) is not None
            else:
                x = left[::-1]
                titled = rev.match(x) is not None or (x[:1] == "\n" and rev.match(x[1:]) is not None)
            if (
                titled
                and not re.search(r"(?:CE|BA)\),\s*(?:Dr\.?\s+)?$", left)
                and not self.hhs_right.match(text, e, min(len(text), e + 80))
            ):
                self._doc_persons.update((name, last_word))
                return  # a person after a title ("Chief executive Stuart Machin")
        if norm is None:
            return  # (``_add`` refuses it)
        # (``_add`` inline)
        ev: set[str] = set()
        m = {"start": s, "end": e, "name": norm, "sent": si, "ev": ev, "scores": {}, "sep": False}
        mentions.append(m)
        if headed:
            ev.add("head")
        if gaz_role:
            ev.add("gazetteer")
        if poss:
            after = text[e : e + 80]
            pm = self.poss_head_re.match(after)
            if pm and not re.match(r"[’']s?\s+[A-Z]", after):
                # "Equifax's security department" stays Equifax; keep place-like heads whole
                head = pm.group(1)
                if any(head.endswith(h) for h in ("ministry", "government", "police", "commission", "agency")):
                    self._add(mentions, text, s, e + pm.end(1), si, "possessive_head")
        if nwords >= 2 and "(" in text[e : e + 3]:
            am = _ACRONYM_DEF.match(text[e : e + 80])  # (it starts "\s{0,2}(")
            if am:
                acr = am.group(1)
                if acr[0].upper() == name[0].upper() or same_org(acr, name):
                    ev.add("acronym_def")
                    a = self._add(mentions, text, e + am.start(1), e + am.end(1), si, "acronym_def")
                    if a is not None:
                        links.append((id(m), id(a)))

    # -- scoring ------------------------------------------------------------------------
    def _compile_scoring(self, fwd_all: dict[str, re.Pattern[str]]) -> None:
        """The fast forms of the scoring rules (same answers as the plain ones, see
        _score_all); ``fwd_all``: each rule's id -> the rule as written (forward)."""
        # every rule and gate with its safe repeats possessive (``possessive``: the same
        # matches, found with less backtracking; the reversed left rules are so already)
        for lst in (self.left_pats, self.right_pats):
            for i, p in enumerate(lst):
                if p[7] is None or lst is not self.left_pats:
                    lst[i] = p[:4] + (possessive(p[4]),) + p[5:]
        #: the left rules that need no breach cue, in the same order
        self.left_pats_nocue = [p for p in self.left_pats if not p[2]]
        # (the first gate runs as left_gate_fast below; the second one is rebuilt here)
        if self.left_gate2 is not None:
            rxs = [fwd_all[p[3]] for p in self.left_pats if p[3] in self.left_gated2_ids]
            self.left_gate2 = _reversed_gate(rxs, fast=True) or self.left_gate2
        self.right_gate_lc = self.right_gate_lc and possessive(self.right_gate_lc)
        self.right_gate_cs = self.right_gate_cs and possessive(self.right_gate_cs)
        #: the breach cue and the separate-incident cue, tried only where a word starts
        self.cue_ws = WordStartRegex(self.cue_re)
        self.sep_ws = WordStartRegex(self.sep_re)
        #: the regexes inside the wrappers, where a walk over attributes finds them
        self.scoring_forms = {"cue": (self.cue_ws.rx, self.cue_ws.scan), "sep": (self.sep_ws.rx, self.sep_ws.scan)}
        # the cheap left rules with a few required words (no word skipping) join the first
        # left gate: one anchored try of the gate costs less than a test of their words per
        # window, and the sentence then needs no test of those words either
        absorb = [
            p[3]
            for p in self.left_pats
            if type(p[6]) is tuple and p[5] and p[7] is not None and p[3] in fwd_all and not _skips_words(fwd_all[p[3]])
        ]
        if self.left_gate is not None and absorb:
            ids = [p[3] for p in self.left_pats if p[3] in self.left_gated_ids or p[3] in absorb]
            gate = _reversed_gate([fwd_all[i] for i in ids])
            if gate is not None:
                self.left_gate = gate
                self.left_gated_ids = frozenset(ids)
        #: left rules in the first gate although they have a literal prefilter
        self.left_absorbed = self.left_gated_ids & frozenset(absorb)
        # the first left gate behind the first characters its rules' matches can start with
        # (read backwards): most windows fail that look-ahead at once
        ids = [p[3] for p in self.left_pats if p[3] in self.left_gated_ids]
        self.left_gate_fast = (
            _reversed_gate([fwd_all[i] for i in ids], _GATE_PREFIX, fast=True)
            if self.left_gate is not None and all(i in fwd_all for i in ids)
            else None
        ) or self.left_gate
        # the case-sensitive right rules without a prefilter get one when their every match
        # holds one of a few words of 2+ characters (the most selective such set): a sentence
        # without them leaves none of these rules, and then their gate is not tried
        for i, p in enumerate(self.right_pats):
            if p[5] or p[6] is not None or p[3] not in fwd_all:
                continue
            try:
                plain = fwd_all[p[3]]
                sets = _required_sets(list(_P.parse(plain.pattern, plain.flags & ~re.UNICODE)))
            except Exception:  # pragma: no cover - then the rule keeps no prefilter
                sets = []
            sets = [c for c in sets if min(map(len, c)) >= 2 and len(c) <= 6]
            if sets and not plain.flags & re.IGNORECASE:
                best = max(sets, key=lambda c: (min(map(len, c)), -len(c)))
                self.right_pats[i] = p[:6] + (tuple(sorted(best, key=lambda x: (-len(x), x))),) + p[7:]
        self.pf_lits_cs = sorted(
            {lit for p in self.left_pats + self.right_pats if not p[5] and type(p[6]) is tuple for lit in p[6]}
        )
        # the sentence tests only the words of the left rules outside the first gate (a
        # lower-case right rule is tried whenever its gate opens: its words are not tested)
        self.pf_lits_lc = sorted(
            {
                lit
                for p in self.left_pats
                if p[5] and type(p[6]) is tuple and p[3] not in self.left_absorbed
                for lit in p[6]
            }
        )
        # in a sentence without a breach cue, the rules that need one are not in the lists:
        # a gate of the other rules that skip words alone (None: no such gate, the loop
        # tries the rules)
        nocue = [p for p in self.left_pats if p[3] in self.left_gated2_ids and not p[2]]
        self.left_gate2_nocue = (
            _reversed_gate([fwd_all[p[3]] for p in nocue], fast=True)
            if len(nocue) > 1 and all(p[3] in fwd_all for p in nocue)
            else None
        )
        #: lower-case left rules searched forward (no exact reversed form, e.g. a look-ahead):
        #: id -> the rule read backwards without its look-arounds, a superset tried first on
        #: the reversed windows (when it fails on all of them, the rule cannot match)
        self.left_relaxed: dict[str, re.Pattern[str]] = {}
        for p in self.left_pats:
            if p[7] is None and p[5] and p[3] in fwd_all:
                rel = _relaxed_reversed(fwd_all[p[3]])
                if rel is not None:
                    self.left_relaxed[p[3]] = rel
        # memos of pure functions of a name or key (bounded: cleared when full)
        self._initials: dict[str, tuple[str, ...]] = {}
        self._person_facts: dict[str, Any] = {}

    def _score_all(self, text: str, sents: list[list[int]], mentions: list[dict[str, Any]], skip: set[int]) -> None:
        """Score every mention whose index is not in ``skip`` (its ``scores``, ``hits``,
        ``cue``, ``sep`` and "context" evidence): the role rules on the text just left (80
        characters) and right (180) of the mention within its sentence, and on the windows
        without a coordinated name next to it. The same answers as the plain searches of
        every rule (tests/test_orgs_speed_scoring.py compares them), found with the
        sentence's plan (``_sentence_plan``) and the gates read once per sentence, the rules
        a gate or the sentence leaves, and no score dict or hit list before a rule hits."""
        plans: dict[int, Any] = {}
        rev_c = _COORD_LEFT_REV
        coord_left = _COORD_LEFT.search
        coord_right = _COORD_RIGHT.match
        g1 = self.left_gate_fast
        g_lc, g_cs = self.right_gate_lc, self.right_gate_cs
        software_re = self.software_use_re
        sep_found = self.sep_ws.found
        reg_names = self._reg_names
        plan_of = self._sentence_plan
        gate2_cue, gate2_nocue = self.left_gate2, self.left_gate2_nocue
        relaxed = self.left_relaxed
        for i, m in enumerate(mentions):
            if i in skip:
                continue
            si = m["sent"]
            info = plans.get(si)
            if info is None:
                ss, se = sents[si]
                cue, _left_open, left_lists, right_pats, has_cs = plan_of(text[ss:se])
                info = plans[si] = (ss, se, cue, left_lists, right_pats, has_cs, gate2_cue if cue else gate2_nocue)
            ss, se, cue, left_lists, right_pats, has_cs, g2 = info
            s = m["start"]
            e = m["end"]
            left = text[s - 80 if s - 80 > ss else ss : s]
            if left[-1:] in _LEFT_QUOTES:
                left = left.rstrip(_LEFT_QUOTES)
            right = text[e : se if se < e + 180 else e + 180]
            if right[:1] in _RIGHT_QUOTES:
                right = right.lstrip(_RIGHT_QUOTES)
            # the coordination variants (the backwards rule says cheaply whether the forward
            # match exists)
            rl = left[::-1]
            if rev_c is None or rev_c.match(rl) or (rl[:1] == "\n" and rev_c.match(rl[1:])):
                cm = coord_left(left)
                left2 = left[: cm.start()] + " " if cm else None
            else:
                left2 = None
            cm = coord_right(right)
            right2 = right[cm.end() :] if cm else None
            low = left.lower()
            x = low[::-1]
            xn0 = x[1:] if x[:1] == "\n" else None  # (``$`` also matches before a final newline)
            if left2 is None:
                low2 = x1 = xn1 = None
            else:
                low2 = left2.lower()
                x1 = low2[::-1]
                xn1 = x1[1:] if x1[:1] == "\n" else None
            k = (
                1
                if g1 is None
                or g1.match(x)
                or (xn0 is not None and g1.match(xn0))
                or (x1 is not None and (g1.match(x1) or (xn1 is not None and g1.match(xn1))))
                else 0
            )
            if (
                g2 is None
                or g2.match(x)
                or (xn0 is not None and g2.match(xn0))
                or (x1 is not None and (g2.match(x1) or (xn1 is not None and g2.match(xn1))))
            ):
                k += 2
            scores: dict[str, float] | None = None
            hits: list[str] | None = None
            for role, w, _need_cue, pid, rx, lc, pf, rev in left_lists[k]:
                if rev is not None and lc:  # (most rules: reversed, lower-case)
                    if pf is not None:
                        for lit in pf:
                            if lit in low:
                                break
                        else:
                            continue
                    found = (
                        rx.match(x)
                        or (xn0 is not None and rx.match(xn0))
                        or (x1 is not None and (rx.match(x1) or (xn1 is not None and rx.match(xn1))))
                    )
                else:
                    rel = relaxed.get(pid)
                    if rel is not None and not (
                        rel.match(x)
                        or (xn0 is not None and rel.match(xn0))
                        or (x1 is not None and (rel.match(x1) or (xn1 is not None and rel.match(xn1))))
                    ):
                        continue  # (not even without its look-arounds)
                    found = _left_other(rx, lc, pf, rev, left, left2, low, low2, x, x1)
                if found:
                    if scores is None:
                        scores, hits = {role: w}, [pid]
                    else:
                        scores[role] = scores.get(role, 0.0) + w
                        hits.append(pid)  # type: ignore[union-attr]
            rlow = right.lower()
            rlow2 = right2.lower() if right2 is not None else None
            open_lc = g_lc is None or g_lc.match(rlow) or (rlow2 is not None and g_lc.match(rlow2))
            open_cs = has_cs and (g_cs is None or g_cs.match(right) or (right2 is not None and g_cs.match(right2)))
            if open_lc or open_cs:
                for role, w, _need_cue, pid, rx, lc, _pf, _rev in right_pats:
                    if (
                        (open_lc and (rx.search(rlow) or (rlow2 is not None and rx.search(rlow2))))
                        if lc
                        else (open_cs and (rx.search(right) or (right2 is not None and rx.search(right2))))
                    ):
                        if scores is None:
                            scores, hits = {role: w}, [pid]
                        else:
                            scores[role] = scores.get(role, 0.0) + w
                            hits.append(pid)  # type: ignore[union-attr]
            name = m["name"]
            if "gazetteer" in m["ev"] and software_re.match(right) and self.gazetteer_role(name) == "vendor":
                if scores is None:
                    scores, hits = {"vendor": self.software_use_w}, ["software_in_use"]
                else:
                    scores["vendor"] = scores.get("vendor", 0.0) + self.software_use_w
                    hits.append("software_in_use")  # type: ignore[union-attr]
            reg = reg_names.get(name)
            if reg is None:
                words = name.split()
                reg = bool(words) and (
                    words[-1].capitalize() in self.reg_heads or (len(words) > 2 and words[0] == "Office" and "of" in words)
                )
                remember(reg_names, name, reg, _CACHE_MAX)
            if reg:
                if scores is None:
                    scores = {"regulator": 3.0}
                else:
                    scores["regulator"] = scores.get("regulator", 0.0) + 3
            if scores is None:
                m["scores"] = {}
                m["hits"] = []
            else:
                if "victim" in scores and sep_found(text[max(ss, s - 300) : min(se, e + 60)].lower()):
                    m["sep"] = True
                    scores["other"] = scores.get("other", 0.0) + scores.pop("victim")
                m["scores"] = scores
                if hits is None:
                    m["hits"] = []
                else:
                    m["hits"] = hits
                    m["ev"].add("context")
            m["cue"] = cue

    def _sentence_rules(self, sent: str) -> tuple[bool, list[Any], list[Any], list[Any]]:
        """Per sentence: (breach cue, the left rules to try, those lists by the left gates
        (index: left gate open + 2 * left_gate2 open), the right rules to try). A rule whose few required words
        (its prefilter tuple) are nowhere in the sentence cannot match a window of it;
        rules that need a cue are dropped without one. The rules keep their order."""
        return self._sentence_plan(sent)[:4]  # type: ignore[return-value]

    def _sentence_plan(self, sent: str) -> tuple[bool, list[Any], Any, list[Any], bool]:
        """``_sentence_rules`` and whether the right rules hold a case-sensitive one. Only the
        words of the left rules outside the first gate (``pf_lits_lc``), of the case-sensitive
        right rules (``pf_lits_cs``) are looked for: the
        rules in the first gate and the lower-case right rules are always listed (their gates
        decide per window)."""
        low = sent.lower()
        key = 1 if self.cue_ws.found(low) else 0  # (bit 0: the cue; then one bit per word found)
        bit = 2
        for lit in self.pf_lits_lc:
            if lit in low:
                key |= bit
            bit <<= 1
        for lit in self.pf_lits_cs:
            if lit in sent:
                key |= bit
            bit <<= 1
        hit = self._rule_lists.get(key)
        if hit is None:
            cue = bool(key & 1)
            n = len(self.pf_lits_lc)
            present = [lit for i, lit in enumerate(self.pf_lits_lc) if key >> (i + 1) & 1]
            present += [(lit,) for i, lit in enumerate(self.pf_lits_cs) if key >> (i + 1 + n) & 1]
            absorbed = self.left_absorbed

            def possible_left(item: Any) -> bool:
                pf = item[6]
                if type(pf) is not tuple or item[3] in absorbed:
                    return True  # (a search of a long alternation costs more than it saves)
                return any((lit if item[5] else (lit,)) in present for lit in pf)

            def possible_right(item: Any) -> bool:
                pf = item[6]
                if item[5] or type(pf) is not tuple:
                    return True  # (the right gate decides)
                return any((lit,) in present for lit in pf)

            left_open = [p for p in (self.left_pats if cue else self.left_pats_nocue) if possible_left(p)]
            # by (left gate open) + 2 * (left_gate2 open): the rules a closed gate rules out go
            g1, g2 = self.left_gated_ids, self.left_gated2_ids
            left_lists = (
                [p for p in left_open if p[3] not in g1 and p[3] not in g2],
                [p for p in left_open if p[3] not in g2],
                [p for p in left_open if p[3] not in g1],
                left_open,
            )
            right = [p for p in self.right_pats if (cue or not p[2]) and possible_right(p)]
            has_cs = any(not p[5] for p in right)
            hit = remember(self._rule_lists, key, (cue, left_open, left_lists, right, has_cs), 4096)
        return hit

    def _share_in_lists(
        self, text: str, mentions: list[dict[str, Any]], groups: list[list[dict[str, Any]]] | None = None
    ) -> None:
        """Names in one list ("JobStreet, Maxis, Celcom and DiGi were breached") share the
        strongest victim evidence of the list (``groups``: ``_list_groups``, when known)."""
        for group in self._list_groups(text, mentions) if groups is None else groups:
            lead = max(group, key=lambda m: m["scores"].get("victim", 0.0))
            best = lead["scores"].get("victim", 0.0)
            if best > 0:
                for m in group:
                    if m["scores"].get("victim", 0.0) < best and not (set(m["scores"]) - {"victim"}):
                        m["scores"]["victim"] = best
                        m["hits"] = list(m.get("hits", ())) + list(lead.get("hits", ()))
                        m["sep"] = m["sep"] or lead["sep"]
                        m["ev"].add("context")

    def _list_groups(self, text: str, mentions: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
        """The coordinated lists: runs of two or more mentions of one sentence with list gaps
        between them (a comma, "and", "or", "&"), one of which holds "and", "or" or "&" (the
        positions and the text decide: no score is read)."""
        out: list[list[dict[str, Any]]] = []
        group: list[dict[str, Any]] = []
        coordinated = False
        prev: dict[str, Any] | None = None
        for m in mentions:
            if (
                prev is not None
                and prev["sent"] == m["sent"]
                and m["start"] - prev["end"] <= 40
                and _LIST_GAP.fullmatch(text, prev["end"], m["start"])
            ):
                if not group:
                    group.append(prev)
                group.append(m)
                if re.search(r"\b(?:and|or)\b|&", text[prev["end"] : m["start"]]):
                    coordinated = True
            else:
                if len(group) > 1 and coordinated:
                    out.append(group)
                group = []
                coordinated = False
            prev = m
        if len(group) > 1 and coordinated:
            out.append(group)
        return out

    # -- merging and output -------------------------------------------------------------
    def _clusters(self, mentions: list[dict[str, Any]], links: list[tuple[int, int]]) -> tuple[Any, ...]:
        """(each mention's org key, the clusters: lists of mention indices, the person names).
        None of it reads the scores: it can run before them."""
        keys = list(map(org_key, map(_NAME, mentions)))
        parent = list(range(len(mentions)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)

        if links:
            idx = {id(m): i for i, m in enumerate(mentions)}
            for a, b in links:
                if a in idx and b in idx:
                    union(idx[a], idx[b])
        # merge by name: distinct keys compared pairwise (few per document; capped)
        first_of_key: dict[str, int] = {}
        for i, k in enumerate(keys):
            if not k:
                continue
            j = first_of_key.get(k)
            if j is None:
                first_of_key[k] = i
            elif links:
                union(j, i)
            else:  # (no links: j and i are roots, and union(j, i) hangs i under j)
                parent[i] = j
        uniq = list(first_of_key.items())[:400]
        # names can only match when some part starts with the same letter (prefix, acronym,
        # clipping): a cheap filter before same_org
        # (pairs are taken within buckets of the same gazetteer role and initial; the
        # clusters do not depend on the order of the unions: a root is its least index)
        buckets: dict[tuple[str | None, str], list[int]] = {}
        initials, role_of = self._initials, self.gazetteer_role
        several = False  # a key with two initials (a 'dba' name) can meet a pair twice
        for x, (k, i) in enumerate(uniq):
            chs = initials.get(k)
            if chs is None:
                parts = _split_dba(k)  # (one part: its initial, no set)
                chs = (parts[0][:1],) if len(parts) == 1 else tuple({p[:1] for p in parts})
                remember(initials, k, chs, _CACHE_MAX)
            grole = role_of(mentions[i]["name"])
            if len(chs) > 1:
                several = True
            for ch in chs:
                b = buckets.get((grole, ch))
                if b is None:
                    buckets[(grole, ch)] = [x]
                else:
                    b.append(x)
        tried: set[tuple[int, int]] = set()
        for xs in buckets.values():
            if len(xs) < 2:
                continue
            for a, x in enumerate(xs):
                kx = uniq[x][0]
                for y in xs[a + 1 :]:  # "HHS" the regulator is not "Harbor Health Services"
                    if several:
                        if (x, y) in tried:
                            continue
                        tried.add((x, y))
                    if same_org(kx, uniq[y][0]) and not self._place_prefix(kx, uniq[y][0]):
                        union(uniq[x][1], uniq[y][1])
        persons = self._person_names(mentions) | getattr(self, "_doc_persons", set())
        clusters: dict[int, list[int]] = {}
        for i in range(len(mentions)):
            r = parent[i]
            if parent[r] != r:
                r = find(i)
            c = clusters.get(r)
            if c is None:
                clusters[r] = [i]
            else:
                c.append(i)
        return keys, list(clusters.values()), persons

    def _gaz_facts(self, names: list[str], distinct: dict[str, None]) -> tuple[Any, ...]:
        """(each name with its gazetteer role, the roles found, the commonest role and its
        first name, that name's list prior (None: the list fixes the role); None, None, None
        when no name is listed)."""
        if len(distinct) == 1:
            role1 = self.gazetteer_role(names[0])
            gaz_hits = [(n, role1) for n in names]
            gaz_roles = [role1] * len(names) if role1 else []
        else:
            roles = {n: self.gazetteer_role(n) for n in distinct}
            gaz_hits = [(n, roles[n]) for n in names]
            gaz_roles = [r for _, r in gaz_hits if r]
        if not gaz_roles:
            return gaz_hits, gaz_roles, None, None, None
        g = max(gaz_roles, key=gaz_roles.count)  # a tie: the first mention's (not set order: hash-seeded)
        gname = next(n for n, r in gaz_hits if r == g)
        return gaz_hits, gaz_roles, g, gname, self.gaz_prior.get(gname, self.gaz_prior.get(org_key(gname)))

    def _unscored(self, mentions: list[dict[str, Any]], plan: tuple[Any, ...], listed: set[int]) -> set[int]:
        """Mentions whose scores cannot change the output (``_resolve`` reads the scores of
        the organizations it keeps, with a role not fixed by a list): those of a cluster of
        person names or non-names (always dropped), and of a cluster whose commonest
        gazetteer list fixes a role other than victim and that has evidence already (scores
        add only "context"). A mention in a coordinated list stays (its list shares scores)."""
        keys, clusters, persons = plan
        out: set[int] = set()
        nonname, role_of = self.nonname, self.gazetteer_role
        for members in clusters:
            if len(members) == 1:  # (most clusters: the same tests for one name)
                i = members[0]
                m = mentions[i]
                n = m["name"]
                if n in nonname or n in persons or (
                    m["ev"] and role_of(n) not in (None, "victim") and self._gaz_facts([n], {n: None})[4] is None
                ):
                    if keys[i] and id(m) not in listed:
                        out.add(i)
                continue
            names = [mentions[i]["name"] for i in members]
            if not all(n in nonname or n in persons for n in names):
                distinct = dict.fromkeys(names)
                if not any(map(role_of, distinct)):
                    continue  # (no listed name: no fixed role)
                _hits, _roles, g, _gname, prior = self._gaz_facts(names, distinct)
                if g is None or prior is not None or g == "victim":
                    continue
                if not any(mentions[i]["ev"] for i in members):
                    continue  # (the scores may give it its only evidence)
            # (an empty key pools its evidence with other clusters': such a mention stays)
            out.update(i for i in members if keys[i] and id(mentions[i]) not in listed)
        return out

    def _resolve(
        self,
        doc: Doc,
        text: str,
        sents: list[list[int]],
        mentions: list[dict[str, Any]],
        links: list[tuple[int, int]],
        plan: tuple[Any, ...] | None = None,
    ) -> None:
        """Organizations from the clusters (``_clusters``; ``plan`` when they were made
        before the scores) and the victims."""
        keys, clusters, persons = plan if plan is not None else self._clusters(mentions, links)
        # organizations need evidence somewhere (any mention of the same name)
        ev_by_key: dict[str, set[str]] = {}
        for k, m in zip(keys, mentions):
            ev = ev_by_key.get(k)
            if ev is None:
                ev_by_key[k] = set(m["ev"])
            else:
                ev.update(m["ev"])
        orgs: list[dict[str, Any]] = []
        strong_ids, ce_ids, ba_ids = self.strong_ids, self.ce_slot_ids, self.ba_slot_ids
        nonname, role_of, gaz_prior = self.nonname, self.gazetteer_role, self.gaz_prior
        for members in clusters:
            if len(members) == 1:  # (most clusters: ``_gaz_facts``'s answers for one name)
                m0 = mentions[members[0]]
                ev = ev_by_key[keys[members[0]]]  # (only read below: no copy)
                if not ev:
                    continue
                best = m0["name"]
                if best in nonname or best in persons:
                    continue
                ms: Any = (m0,)
                distinct: Any = None
                g = role_of(best)
                prior = None if g is None else gaz_prior.get(best, gaz_prior.get(org_key(best)))
                listed = g in _LISTED_ROLES
            else:
                ev = set()
                for i in members:
                    ev |= ev_by_key[keys[i]]  # (every mention's key is in it)
                if not ev:
                    continue
                ms = [mentions[i] for i in members]
                names = [m["name"] for m in ms]
                if all(n in nonname or n in persons for n in names):
                    continue
                distinct = dict.fromkeys(names)  # (the names in order, once each)
                _gaz_hits, gaz_roles, g, _gname, prior = self._gaz_facts(names, distinct)
                # a news source, security firm or vendor list names it
                listed = not _LISTED_ROLES.isdisjoint(gaz_roles)
                best = names[0] if len(distinct) == 1 else self._best_name(ms)  # (one name: _best_name's answer)
                if len(distinct) == 1:
                    distinct = None  # (one name: the best one, no alias)
            scores: dict[str, float] = {}
            # (one pass for the mentions' flags: breach cue, separate incident, strong or slot
            # patterns outside a separate incident, software in use, first position)
            cue_sent = strong = ce_slot = ba_slot = software = in_first = False
            sep_only = True
            first_pos = ms[0]["start"]
            for m in ms:
                for r, w in m["scores"].items():
                    scores[r] = scores.get(r, 0.0) + w
                if m["start"] < first_pos:
                    first_pos = m["start"]
                if m["sent"] == 0:
                    in_first = True
                if m.get("cue"):
                    cue_sent = True
                    if not m["sep"]:
                        sep_only = False
                mh = m.get("hits")
                if mh:
                    if "software_in_use" in mh:
                        software = True
                    if not m["sep"]:
                        strong = strong or not strong_ids.isdisjoint(mh)
                        ce_slot = ce_slot or not ce_ids.isdisjoint(mh)
                        ba_slot = ba_slot or not ba_ids.isdisjoint(mh)
            victim = scores.get("victim", 0.0)
            claimed = any(r != "victim" for r in scores)  # context gave it another role
            fixed = None
            if g is not None:
                if prior is None:
                    fixed = g
                else:
                    if g in ("source", "researcher", "vendor") and strong and not software:
                        prior /= 2  # "Mashable suffered a data breach": a listed outlet breached itself
                    scores[g] = scores.get(g, 0.0) + prior
            if fixed is None and "possessive_head" in ev and victim == 0 and not scores:
                pass
            role = fixed or (max(scores, key=lambda r: (scores[r], r == "victim")) if scores else "other")
            if role != "victim":
                victim = 0.0
            first_best = ms[0] if len(ms) == 1 else min((m for m in ms if m["name"] == best), key=_START)
            central = victim
            if victim > 0:
                if in_first:
                    central += 2
                central += min(3, len(ms) - 1) * 0.5
            aliases = []
            if distinct is not None:
                for n in distinct:
                    if n != best and org_key(n) != org_key(best):
                        aliases.append(n)
            orgs.append(
                {
                    "org": {
                        "text": text[first_best["start"] : first_best["end"]],
                        "start": first_best["start"],
                        "end": first_best["end"],
                        "name": best,
                        "role": role,
                        "aliases": aliases,
                    },
                    "victim": victim,
                    "central": central,
                    "first": first_pos,
                    "fixed": fixed,
                    "cue_sent": cue_sent,
                    "sep_only": sep_only,
                    "strong": strong,
                    "claimed": claimed,
                    "listed": listed,
                    "ends": [m["end"] for m in ms],
                    "ce_slot": ce_slot,
                    "ba_slot": ba_slot,
                }
            )
        if not orgs:
            return
        victims = [o for o in orgs if o["org"]["role"] == "victim"]
        if not victims:
            # fallback: the earliest organization in a breach sentence that nothing else claims
            # (no context gave it another role, no gazetteer lists it)
            pool = [
                o
                for o in orgs
                if o["fixed"] is None
                and o["org"]["role"] == "other"
                and not o["claimed"]
                and not o["listed"]
                and o["cue_sent"]
                and not o["sep_only"]
            ]
            if pool:
                pick = min(pool, key=lambda o: o["first"])
                pick["org"]["role"] = "victim"
                pick["central"] = 0.5
                victims = [pick]
        victims = self._portal_slot_victims(text, victims)
        victims.sort(key=lambda o: (-o["central"], o["first"]))
        top = victims[0]["central"] if victims else 0.0
        chosen = [
            o
            for o in victims
            if o["central"] >= (self.strong_min_ratio if o["strong"] else self.min_ratio) * top
        ]
        for o in victims:
            if o not in chosen:
                o["org"]["role"] = "other"
        orgs.sort(key=lambda o: o["first"])
        doc._.breach_orgs = [o["org"] for o in orgs]
        doc._.breach_victims = [dict(o["org"]) for o in chosen]

    def _portal_slot_victims(self, text: str, victims: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """HHS portal notes name the reporting party in a slot ("The covered entity (CE), X,",
        "X, the business associate (BA),"): when a victim fills a slot, only the victims in the
        preferred slot stay victims -- the business associate's when the note says the BA
        notified HHS, else the covered entity's. The others become ``vendor`` (a business
        associate) or ``other`` (a courier, the IRS, a subcontractor)."""
        ce = [o for o in victims if o["ce_slot"]]
        ba = [o for o in victims if o["ba_slot"] and not o["ce_slot"]]
        if not ce and not ba:
            return victims
        keep = ce or ba
        if ce and ba:

            def reported(group: list[dict[str, Any]], rx: re.Pattern[str]) -> bool:
                """The note says that this slot's party notified HHS ("The BA provided breach
                notification to HHS", "Northwood notified HHS")."""
                return rx.search(text) is not None or any(
                    self.reported_after_re.match(text, e, e + 120) for o in group for e in o["ends"]
                )

            if reported(ba, self.ba_reported_re) and not reported(ce, self.ce_reported_re):
                keep = ba
        kept = {id(o) for o in keep}
        ba_ids = {id(o) for o in ba}
        for o in victims:
            if id(o) not in kept:
                o["org"]["role"] = "vendor" if id(o) in ba_ids else "other"
        return keep

    def _title_before(self, left: str) -> bool:
        """``title_re.search(left)``: a person title ends the window (run backwards)."""
        if self.title_rev is None:
            return self.title_re.search(left) is not None
        x = left[::-1]
        return self.title_rev.match(x) is not None or (x[:1] == "\n" and self.title_rev.match(x[1:]) is not None)

    def _place_before_state(self, after: str) -> bool:
        """A town before its state: "Nashville, Tennessee", "Whiteville, NC"."""
        m = _STATE_AFTER.match(after)
        return bool(m) and (m.group(1) in self.places or (len(m.group(1)) == 2 and m.group(1) not in self.suffixes))

    def _person_names(self, mentions: list[dict[str, Any]]) -> set[str]:
        """News refers to people by surname: "Christina Salcido" ... "said Salcido". A one-word
        name that ends a two- or three-word name without an organization head marks both
        as a person (organizations are shortened to their first word: "Qantas Airways")."""
        singles: dict[str, int] = {}  # one-word name -> its first position
        for m in mentions:
            if " " not in m["name"] and "hhs" not in m["ev"]:
                singles.setdefault(m["name"], m["start"])
        out: set[str] = set()
        if not singles:
            return out  # (every test below needs one)
        memo = self._person_facts
        for m in mentions:
            name = m["name"]
            if " " not in name:
                continue  # (one word: no "First Last")
            facts = memo.get(name)
            if facts is None:
                facts = remember(memo, name, self._person_shape(name), _CACHE_MAX)
            if not facts:
                continue
            first, last = facts
            pos = singles.get(last)
            if (
                pos is not None
                # news names a person in full before the surname alone ("Streaming companies such
                # as Netflix ... Hello Netflix" is no person), and a given name is no possessive
                # ("the Guardian’s Soulmates dating site")
                and m["start"] < pos
                and first not in singles
                and _NOT_PERSON_EV.isdisjoint(m["ev"])
                and self.gazetteer_role(last) is None
            ):
                out.add(name)
                out.add(last)
        return out

    def _person_shape(self, name: str) -> tuple[str, str] | bool:
        """(first word, last word) when the name alone can be a person's ("First Last": two or
        three words, no possessive first word, no organization head last), else False (a
        pure function of the name: memoized by ``_person_names``)."""
        words = name.split()
        if 2 <= len(words) <= 3 and not words[0].endswith(("’s", "'s")) and words[-1] not in self.heads:
            return words[0], words[-1]
        return False

    def _place_prefix(self, a: str, b: str) -> bool:
        """Do not merge a place with an organization named after it ("France" / "France Travail")."""
        short = a if len(a) <= len(b) else b
        return any(org_key(p) == short for p in (short.title(), short.upper())) and (
            short.title() in self.places or short.upper() in self.places
        )

    def _best_name(self, ms: list[dict[str, Any]]) -> str:
        """The best display name: the longest name ending in an organization head or legal
        suffix, else the most frequent non-acronym name (ties: the longer, the earlier)."""
        names = [m["name"] for m in ms]
        if names.count(names[0]) == len(names):
            return names[0]  # one name (what the rules below choose then)
        first: dict[str, int] = {}
        for i, n in enumerate(names):
            first.setdefault(n, i)
        plain = [n for n in first if not n.isupper()] or list(first)
        headed = [
            n
            for n in plain
            if len(n.split()) >= 2 and (n.split()[-1] in self.suffixes or n.split()[-1].rstrip(".") in self.heads)
        ]
        if headed:
            return max(headed, key=lambda n: (len(n), -first[n]))
        upper_only = not any(not n.isupper() for n in first)
        counts: dict[str, int] = {}
        for n in names:
            if upper_only or not n.isupper():
                counts[n] = counts.get(n, 0) + 1
        return max(plain, key=lambda n: (counts[n], len(n), -first[n]))


class _Holders:
    """The mentions that hold a place (``start <= p < end``), asked for places in increasing
    order while mentions that start at the place asked last are added: the answer of
    ``[x for x in mentions if x["start"] <= p < x["end"]]`` (in no set order) without a pass
    over all mentions per place (many matches in one long sentence stay linear)."""

    __slots__ = ("order", "i", "heap", "n")

    def __init__(self, mentions: list[dict[str, Any]]) -> None:
        self.order = sorted(mentions, key=_START)
        self.i = 0
        self.heap: list[tuple[int, int, dict[str, Any]]] = []  # (end, tie-break, mention)
        self.n = 0

    def add(self, m: dict[str, Any] | None) -> None:
        if m is not None:
            self.n += 1
            heappush(self.heap, (m["end"], self.n, m))

    def at(self, p: int) -> list[dict[str, Any]]:
        order, heap = self.order, self.heap
        while self.i < len(order) and order[self.i]["start"] <= p:
            self.add(order[self.i])
            self.i += 1
        while heap and heap[0][0] <= p:
            heappop(heap)
        return [m for _, _, m in heap]


class _LowerWords:
    """``w in set(_LOWER_WORD.findall(text))`` without building the set. A word is one of
    the text's lower-case words when ``_LOWER_WORD`` matches exactly it at one of its
    occurrences that the scan for matches reaches. A match holds only small letters and
    hyphens and starts at a word boundary: only an occurrence right after a hyphen can lie inside an
    earlier match, and only one from the same run of letters and hyphens; then the scan is
    replayed from the start of that run (a run longer than 64 characters, or more than
    ``_LOWER_QUERIES`` different words, build the set: the cost stays linear in the text)."""

    __slots__ = ("text", "full", "memo")

    def __init__(self, text: str) -> None:
        self.text = text
        self.full: set[str] | None = None
        self.memo: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if self.full is not None:
            return word in self.full
        hit = self.memo.get(word)  # type: ignore[call-overload]
        if hit is None:
            if len(self.memo) >= _LOWER_QUERIES:
                return word in self._build()
            hit = self.memo[word] = self._test(word)  # type: ignore[index]
        return hit

    def _build(self) -> set[str]:
        self.full = set(_LOWER_WORD.findall(self.text))
        return self.full

    def _test(self, word: Any) -> bool:
        if type(word) is not str or not _LOWER_TOKEN.fullmatch(word):
            return False  # every match is 2-41 small letters and hyphens, a letter first
        text = self.text
        n = len(word)
        after_hyphen: list[int] = []
        p = text.find(word)
        while p >= 0:
            if p and text[p - 1] == "-":
                after_hyphen.append(p)
            else:  # no match runs across p: the scan tries p (``\b`` sees the character before it)
                m = _LOWER_WORD.match(text, p)
                if m is not None and m.end() == p + n:
                    return True
            p = text.find(word, p + 1)
        for p in after_hyphen:
            r0 = p - 1  # the start of the run of small letters and hyphens before p
            lim = max(0, p - 64)
            while r0 > lim and text[r0 - 1] in _AZ_HYPHEN:
                r0 -= 1
            if r0 == lim and r0 and text[r0 - 1] in _AZ_HYPHEN:
                return word in self._build()
            # the matches from the run's start (no earlier match reaches into the run; those
            # that start before p end before p + 42: the end bound changes none of them)
            inside = False
            for m in _LOWER_WORD.finditer(text, r0, p + 42):
                if m.start() >= p:
                    break
                if m.end() > p:
                    inside = True
                    break
            if not inside:
                m = _LOWER_WORD.match(text, p)
                if m is not None and m.end() == p + n:
                    return True
        return False


def _left_other(
    rx: Any, lc: bool, pf: Any, rev: Any, left: str, left2: str | None, low: str, low2: str | None, x: str, x1: str | None
) -> Any:
    """Does a left rule that is not a reversed lower-case one match the window (or its
    coordination variant)? Its prefilter first (a literal tuple or alternation on the
    lower-cased window; False when it fails), then the forward search, or the anchored
    reversed match (``$`` also matches before a final newline: also without it)."""
    if pf is not None and lc:
        if type(pf) is tuple:
            for lit in pf:
                if lit in low:
                    break
            else:
                return False
        elif pf.search(low) is None:
            return False
    if rev is None:
        if lc:
            return rx.search(low) or (low2 is not None and rx.search(low2))
        return rx.search(left) or (left2 is not None and rx.search(left2))
    if lc:
        xs = [x] if x1 is None else [x, x1]
    else:
        xs = [left[::-1]] if left2 is None else [left[::-1], left2[::-1]]
    for y in xs:
        if rx.match(y) or (y[:1] == "\n" and rx.match(y[1:])):
            return True
    return False


def _required(items: Any) -> set[str] | None:
    """Literal strings one of which occurs in every match of a parsed regex sequence (None:
    no such set found). Literal runs stop at whitespace; optional parts require nothing."""
    cands: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            cands.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is _C.LITERAL and not chr(av).isspace():
            run.append(chr(av))
            continue
        flush()
        req: set[str] | None = None
        if op is _C.SUBPATTERN:
            req = _required(av[3])
        elif op is _C.BRANCH:
            subs = [_required(a) for a in av[1]]
            if all(x is not None for x in subs):
                req = set().union(*subs)  # type: ignore[arg-type]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            req = _required(av[2])
        if req:
            cands.append(req)
    flush()
    if not cands:
        return None
    return min(cands, key=lambda c: (min(map(len, c)) < 3, len(c)))


def _required_sets(items: Any) -> list[set[str]]:
    """Every set ``_required`` chooses from: each holds a literal of every match (a literal
    run of the sequence, or one part required by each branch of an alternation)."""
    out: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _C.LITERAL and not chr(av).isspace():
            run.append(chr(av))
            continue
        if run:
            out.append({"".join(run)})
            run = []
        if op is _C.SUBPATTERN:
            out.extend(_required_sets(av[3]))
        elif op is _C.BRANCH:
            subs = [_required(a) for a in av[1]]
            if all(subs):
                out.append(set().union(*subs))  # type: ignore[arg-type]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            out.extend(_required_sets(av[2]))
    if run:
        out.append({"".join(run)})
    return out


def _prefilter(rx: re.Pattern[str]) -> Any:
    """A cheap necessary condition for ``rx`` (compiled without flags) to match: a tuple of
    literals for ``in`` tests, a compiled alternation of many literals, or None."""
    if rx.flags & re.IGNORECASE:
        return None
    try:
        req = _required(list(_P.parse(rx.pattern)))
    except Exception:  # pragma: no cover - an unparsable pattern is simply not prefiltered
        return None
    # str.lower() is context-free except for the Greek final sigma
    if not req or min(map(len, req)) < 2 or any(ch in lit for lit in req for ch in "σςΣ"):
        return None
    lits = sorted(req, key=lambda x: (-len(x), x))
    if len(lits) <= 6:
        return tuple(lits)
    return re.compile(trie_alternation(lits))  # (finds a literal wherever the plain alternation does)


def _reverse_items(items: Any) -> list[Any]:
    """The parsed regex sequence that matches the reversed strings (ValueError when the
    sequence holds something this does not handle: look-arounds, back-references...)."""
    out = []
    for op, av in reversed(list(items)):
        if op in (_C.LITERAL, _C.NOT_LITERAL, _C.IN, _C.ANY, _C.CATEGORY):
            out.append((op, av))
        elif op is _C.AT:
            swap = {_C.AT_BEGINNING: _C.AT_END_STRING, _C.AT_BEGINNING_STRING: _C.AT_END_STRING,
                    _C.AT_END_STRING: _C.AT_BEGINNING_STRING, _C.AT_BOUNDARY: _C.AT_BOUNDARY,
                    _C.AT_NON_BOUNDARY: _C.AT_NON_BOUNDARY}
            if av not in swap:
                raise ValueError(av)
            out.append((op, swap[av]))
        elif op is _C.SUBPATTERN:
            _group, add, dele, sub = av  # groups do not capture: only "does it match" counts
            out.append((op, (None, add, dele, _P.SubPattern(sub.state, _reverse_items(sub)))))
        elif op is _C.BRANCH:
            alts = [_P.SubPattern(a.state, _reverse_items(a)) for a in av[1]]
            out.append((op, (av[0], alts)))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            lo, hi, sub = av
            if hi == _C.MAXREPEAT:  # bounded: the same answers on windows up to _REV_WINDOW chars
                hi = max(lo, _REV_WINDOW)
            out.append((op, (lo, hi, _P.SubPattern(sub.state, _reverse_items(sub)))))
        else:
            raise ValueError(op)
    return out


#: reversed rules are only run on windows of at most this many characters (left windows
#: are at most 81, title windows 40): their unbounded repeats are capped at it
_REV_WINDOW = 120


def _reversed_left(rx: re.Pattern[str], fast: bool = False) -> re.Pattern[str] | None:
    """For a rule that must end at the end of the window (``...$``, no other ``$`` and no
    look-arounds), the rule read backwards: ``rev.match(window[::-1])`` tells whether
    ``rx.search(window)`` matches (one anchored attempt instead of one per position), for
    windows of up to ``_REV_WINDOW`` characters.
    ``$`` also matches before a final newline: callers retry without that newline.
    ``fast``: with the safe repeats possessive (``possessive.possessive_tree``: same matches)."""
    try:
        rev = _reversed_tree(rx, fast)
        return None if rev is None else _compile_tree(rev, rx.flags)
    except Exception:  # pragma: no cover - such a rule keeps its forward search
        return None


def _reversed_tree(rx: re.Pattern[str], fast: bool = False) -> Any:
    """The parsed tree of ``_reversed_left(rx, fast)`` (None when the rule cannot be reversed).
    The possessive form is memoized per pattern (the gates reuse their rules' trees)."""
    if not fast:
        return _reversed_tree_of(rx)
    key = (rx.pattern, rx.flags)
    if key not in _FAST_TREES:
        rev = _reversed_tree_of(rx)
        _FAST_TREES[key] = None if rev is None else possessive_tree(rev)
    return _FAST_TREES[key]


#: (pattern, flags) -> the possessive reversed tree of a left rule (a few dozen rules)
_FAST_TREES: dict[tuple[Any, int], Any] = {}


def _reversed_tree_of(rx: re.Pattern[str]) -> Any:
    tree = _P.parse(rx.pattern, rx.flags & ~re.UNICODE)
    items = list(tree)
    if not items or items[-1] != (_C.AT, _C.AT_END) or "AT_END" in str(items[:-1]).replace(
        "AT_END_STRING", ""
    ):
        return None
    rev = _P.SubPattern(tree.state, _reverse_items(items[:-1]))
    rev.state.flags = tree.state.flags
    return rev


def _without_lookarounds(items: Any) -> list[Any]:
    """The parsed sequence without its look-aheads and look-behinds, at any depth: it
    matches wherever the sequence matches (a constraint less), and maybe elsewhere."""
    out = []
    for op, av in items:
        if op is _C.ASSERT or op is _C.ASSERT_NOT:
            continue
        if op is _C.SUBPATTERN:
            av = (av[0], av[1], av[2], _P.SubPattern(av[3].state, _without_lookarounds(av[3])))
        elif op is _C.BRANCH:
            av = (av[0], [_P.SubPattern(a.state, _without_lookarounds(a)) for a in av[1]])
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            av = (av[0], av[1], _P.SubPattern(av[2].state, _without_lookarounds(av[2])))
        out.append((op, av))
    return out


def _relaxed_reversed(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a rule that must end at the end of the window (``...$``) but cannot be read
    backwards as it is (a look-around), the rule without its look-arounds read backwards
    (as ``_reversed_left``, with its safe repeats possessive): when it fails to match the
    reversed window (and the window without a final newline), ``rx.search(window)`` fails
    too (windows of up to ``_REV_WINDOW`` characters). None when even that cannot be built."""
    try:
        tree = _P.parse(rx.pattern, rx.flags & ~re.UNICODE)
        items = _without_lookarounds(list(tree))
        if not items or items[-1] != (_C.AT, _C.AT_END) or "AT_END" in str(items[:-1]).replace(
            "AT_END_STRING", ""
        ):
            return None
        rev = _P.SubPattern(tree.state, _reverse_items(items[:-1]))
        rev.state.flags = tree.state.flags
        return _compile_tree(possessive_tree(rev), rx.flags)
    except Exception:  # pragma: no cover - then the rule runs without it
        return None


def _reversed_gate(rxs: list[re.Pattern[str]], prefix: int = 0, fast: bool = False) -> re.Pattern[str] | None:
    """One regex whose ``match`` on a reversed window succeeds exactly when the reversed
    rule (``_reversed_left``) of one of ``rxs`` does: their alternation (None when a rule
    cannot be reversed or the flags differ). With ``prefix``, the alternation sits behind a
    look-ahead for the first ``prefix`` characters that a match of one of the reversed rules
    can start with (``regexgate``'s prefix analysis: a superset, so the look-ahead never
    refuses a window the alternation matches; None when no such prefix set exists).
    ``fast``: the rules with their safe repeats possessive (same matches)."""
    from ..regexgate import _seq, _trie

    try:
        if not rxs or len({r.flags for r in rxs}) != 1:
            return None
        trees = [_reversed_tree(r, fast) for r in rxs]
        if any(t is None for t in trees):
            return None
        state = _P.State()
        state.flags = trees[0].state.flags
        items: list[Any] = [(_C.BRANCH, (None, trees))]
        if prefix:
            starts: set[Any] = set()
            for t in trees:
                got = {p for p, _c in _seq(list(t), prefix, t.state.flags & re.IGNORECASE)}
                if not got or () in got:
                    return None
                starts |= got
            ahead = _P.parse(_trie(starts), state.flags & ~re.UNICODE)
            items.insert(0, (_C.ASSERT, (1, ahead)))
        return _compile_tree(_P.SubPattern(state, items), rxs[0].flags)
    except Exception:  # pragma: no cover - then no gate: every rule is tried
        return None


#: characters of the prefix look-ahead of the first left gate (``_reversed_gate``)
_GATE_PREFIX = 5


def _skips_words(rx: re.Pattern[str]) -> bool:
    """Does the rule repeat a group that holds a repeat (``(?:[\\w'-]+\\s+){0,3}``: skipping
    words)? Such rules backtrack a lot when they fail, so they stay out of the left gate."""

    def repeats(items: Any) -> bool:  # a repeat of more than one, anywhere inside
        for op, av in items:
            if op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and (av[1] > 1 or repeats(av[2])):
                return True
            if op is _C.SUBPATTERN and repeats(av[3]) or op is _C.BRANCH and any(map(repeats, av[1])):
                return True
        return False

    def walk(items: Any) -> bool:
        for op, av in items:
            if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
                if av[1] > 1 and repeats(av[2]) or walk(av[2]):
                    return True
            elif op is _C.SUBPATTERN and walk(av[3]) or op is _C.BRANCH and any(map(walk, av[1])):
                return True
        return False

    try:
        return walk(list(_P.parse(rx.pattern, rx.flags & ~re.UNICODE)))
    except Exception:  # pragma: no cover
        return True


def _any_of_anchored(rxs: list[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One regex for ``.match`` that matches where any of the rules ``rxs`` matches, when
    every rule can only match at the start of its window (``^...``); else None."""
    try:
        if not rxs or len({r.flags for r in rxs}) != 1:
            return None
        for r in rxs:
            items = list(_P.parse(r.pattern, r.flags & ~re.UNICODE))
            if not items or not _starts_anchored(items):
                return None
            if r.groupindex or re.search(r"\\[1-9]|\(\?P=", r.pattern):
                return None
        return re.compile("|".join("(?:" + r.pattern + ")" for r in rxs), rxs[0].flags)
    except Exception:  # pragma: no cover
        return None


def _starts_anchored(items: Any) -> bool:
    op, av = items[0]
    if op is _C.AT:
        return av in (_C.AT_BEGINNING, _C.AT_BEGINNING_STRING)
    if op is _C.SUBPATTERN:
        return bool(av[3]) and _starts_anchored(list(av[3]))
    if op is _C.BRANCH:
        return all(a and _starts_anchored(list(a)) for a in av[1])
    return False


def _at_position(pattern: str) -> str:
    """A ``^...`` rule for ``rx.match(text, pos)`` (``^`` only matches at the start of the
    string): the anchor becomes "no space or comma just before", which holds after a name
    and keeps ``finditer`` over long runs of spaces linear."""
    return "(?<![\\s,])" + pattern[1:] if pattern.startswith("^") else pattern


def _lower_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a case-insensitive rule as a lower-case pattern (for lower-cased text): literal
    capitals become small letters; escapes such as ``\\W`` and ``\\S`` are kept."""
    return re.compile(re.sub(r"(?<!\\)[A-Z]", lambda m: m.group(0).lower(), pattern))


#: the classes of the characters that the Windows-1252 code page holds (``_char_classes``):
#: " " white space, "A" upper case, "l" changed by ``upper()``, "x" the others
_CLASS_TABLE = bytes(
    (
        32
        if ch.isspace()
        else 65
        if ch.isupper()
        else 108
        if ch.upper() != ch
        else 120
    )
    for ch in (bytes([i]).decode("cp1252", "replace") for i in range(256))
)
#: the same, every character that is not white space as "w"
_WORD_TABLE = bytes(32 if c == 32 else 119 for c in _CLASS_TABLE)


def _char_classes(text: str) -> tuple[bytes, bytes] | None:
    """The text as one byte per character: its class (``_CLASS_TABLE``) and whether it is
    white space (``_WORD_TABLE``), or None when a character is outside Windows-1252 (its
    class is unknown)."""
    if text.isascii():
        raw = text.encode("ascii")
    else:
        raw = text.encode("cp1252", "replace")  # (one "?" per character it lacks)
        if raw.count(b"?") != text.count("?"):
            return None
    return raw.translate(_CLASS_TABLE), raw.translate(_WORD_TABLE)


def _titleish(text: str, ss: int, se: int, classes: tuple[bytes, bytes] | None) -> bool:
    """Is the sentence a Title Case line: ``words = text[ss:se].split()``, ``len(words) >=
    4`` and 70 % of them start with an upper-case letter? With ``classes`` the words and
    the upper-case ones are counted as white space followed by another character (or one
    at the start)."""
    if classes is None:
        words = text[ss:se].split()
        return len(words) >= 4 and sum(map(str.isupper, map(_FIRST, words))) >= 0.7 * len(words)
    cls, wcls = classes
    if ss >= se:
        return False
    first = cls[ss]
    # (4 words or more, 70 % upper: 3 upper words or more, counted first)
    up = cls.count(b" A", ss, se) + (first == 65)
    if up < 3:
        return False
    n = wcls.count(b" w", ss, se) + (first != 32)
    return n >= 4 and up >= 0.7 * n


def _title_ends(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """For a rule ``(?:...(?:A|B|...)\\s+)$`` (``_ends_in_space``): the literal letters that
    each alternative ends with, lower case, up to the first other item (``Dr\\.?``: "dr.",
    "dr"); None when an alternative ends otherwise or the letters are not ASCII."""
    try:
        items = list(_P.parse(rx.pattern, rx.flags & ~re.UNICODE))
    except Exception:  # pragma: no cover
        return None
    while len(items) == 1 and items[0][0] is _C.SUBPATTERN and items[0][1][0] is None:
        items = list(items[0][1][3])
    if len(items) < 3:
        return None
    op, av = items[-3]
    while op is _C.SUBPATTERN and av[0] is None and len(av[3]) == 1:
        op, av = list(av[3])[0]
    alts = [list(a) for a in av[1]] if op is _C.BRANCH else None
    if alts is None:
        return None
    out: set[str] = set()

    def tails(seq: list[Any]) -> list[str] | None:
        """The literal endings of a sequence (at least one letter each)."""
        if not seq:
            return None
        op, av = seq[-1]
        if op is _C.LITERAL:
            ch = chr(av)
            rest = tails(seq[:-1]) if len(seq) > 1 and seq[-2][0] is _C.LITERAL else None
            return [r + ch for r in rest] if rest else [ch]
        if op is _C.MAX_REPEAT and av[0] == 0 and av[1] == 1 and [x[0] for x in av[2]] == [_C.LITERAL]:
            with_it = tails(seq[:-1] + list(av[2]))
            without = tails(seq[:-1])
            return None if with_it is None or without is None else with_it + without
        return None

    for alt in alts:
        t = tails(alt)
        if t is None:
            return None
        out.update(t)
    # the last word of each (what the window ends with before its white space)
    last = {w.lower().split()[-1] if w.strip() else "" for w in out}
    if "" in last or not all(w.isascii() for w in last) or any(w[-1].isspace() for w in out):
        return None
    return tuple(sorted(last))


def _ends_in_space(rx: re.Pattern[str]) -> bool:
    """Does every match of ``rx`` end in white space at ``$`` (``...\\s+$``, the groups
    around it not capturing)? Then ``rx.search(left)`` needs ``left[-1].isspace()``."""
    try:
        items = list(_P.parse(rx.pattern, rx.flags & ~re.UNICODE))
    except Exception:  # pragma: no cover
        return False
    while len(items) == 1 and items[0][0] is _C.SUBPATTERN and items[0][1][0] is None:
        items = list(items[0][1][3])
    if len(items) < 2 or items[-1] != (_C.AT, _C.AT_END):
        return False
    op, av = items[-2]
    return (
        op in (_C.MAX_REPEAT, _C.MIN_REPEAT)
        and av[0] >= 1
        and list(av[2]) == [(_C.IN, [(_C.CATEGORY, _C.CATEGORY_SPACE)])]
    )


def _sent_of(sents: list[list[int]], pos: int) -> int:
    from ..textspans import find_range

    return find_range(sents, pos)


def _may_know(text: str, ss: int, se: int) -> bool:
    """Can ``_KNOWN_AS`` match in ``text[ss:se]``? It needs " as " or "/k/a ", and one of
    "known", "trading", "operating", "business", "/k/a"."""
    f = text.find
    return (f(" as ", ss, se) >= 0 or f("/k/a ", ss, se) >= 0) and (
        f("known", ss, se) >= 0 or f("trading", ss, se) >= 0 or f("operating", ss, se) >= 0
        or f("business", ss, se) >= 0 or f("/k/a", ss, se) >= 0
    )


def _mark_sentences(starts: list[int], ends: list[int], places: list[int], bit: int, bits: dict[int, int]) -> None:
    """``bits[i] |= bit`` for each sentence ``i`` (sorted disjoint ``[starts[i], ends[i])``)
    that holds one of the sorted ``places``: one look-up per sentence or gap reached."""
    lim = -1
    n = len(starts)
    for p in places:
        if p < lim:
            continue  # in the sentence or the gap of the last look-up
        i = bisect_right(starts, p) - 1
        if i >= 0 and p < ends[i]:
            bits[i] = bits.get(i, 0) | bit
            lim = ends[i]
        elif i + 1 < n:
            lim = starts[i + 1]
        else:
            break  # after the last sentence


def _ends_before_space(text: str, ends: list[int]) -> bool:
    """Does every range (sorted ends) end at the end of the text or before white space?"""
    edge = "".join(map(text.__getitem__, ends[: bisect_left(ends, len(text))]))  # (sorted ends)
    return not edge or edge.isspace()


def _ranges_apart(ranges: list[list[int]]) -> bool:
    """Are the ranges sorted, disjoint and not empty (``textspans.touching``'s condition)?"""
    return all(a < b for a, b in ranges) and all(map(le, map(_SECOND, ranges), map(_FIRST, ranges[1:])))


def _dedupe(mentions: list[dict[str, Any]], kept_for: dict[int, int] | None = None) -> list[dict[str, Any]]:
    """Drop mentions nested inside a longer one with the same start, keep order by position.
    ``kept_for`` receives id(dropped mention) -> id(the mention kept in its place)."""
    # by (start, -length): for one start the longer ends later; stable sorts keep the order
    # of equal keys (two sorts by item keys: no Python call per mention)
    mentions.sort(key=_END, reverse=True)
    mentions.sort(key=_START)
    out: list[dict[str, Any]] = []
    hhs_end = -1
    hhs_m: dict[str, Any] | None = None
    last_s = last_e = -1  # (the start and end of ``out[-1]``, read once per mention)
    for m, s, e in zip(mentions, map(_START, mentions), map(_END, mentions)):
        if s == last_s and last_e >= e:
            out[-1]["ev"] |= m["ev"]
            if kept_for is not None:
                kept_for[id(m)] = id(out[-1])
            continue
        if e <= hhs_end:
            if kept_for is not None and hhs_m is not None:
                kept_for[id(m)] = id(hhs_m)
            continue  # a piece of a portal name ("Milone" in "Fiondella, Milone & LaSaracina, LLP")
        if "hhs" in m["ev"]:
            hhs_end = e
            hhs_m = m
        out.append(m)
        last_s, last_e = s, e
    return out


_COORD_LEFT_REV = _reversed_left(_COORD_LEFT)


@Language.factory("breach_orgs", assigns=["doc._.breach_orgs", "doc._.breach_victims"])
def make_orgs(nlp: Language, name: str) -> Orgs:
    return Orgs(nlp, name)
