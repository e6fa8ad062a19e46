"""Organization name normalization shared by merging, reconciliation and evaluation.

>>> org_key("France’s Health Ministry")
'france health ministry'
>>> org_key("Equifax Inc.")
'equifax'
>>> org_key("SK Telecom Co., Ltd.")
'sk telecom'
>>> org_key("The Co-operative Group")
'co operative group'
>>> org_key("Marshall and Melhorn, L.L.C.")
'marshall & melhorn'
>>> org_key("Ellen M. Field, M.D.") == org_key("Ellen M. Field, MD")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LEGAL_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited llc llp lp plc gmbh ag sa sas nv bv "
    "oy oyj ab asa as spa srl pty pte kk pc pa ps pllc pllp md dds dmd dpm".split()
)
_POSSESSIVE = re.compile(r"['’`]s\b|(?<=s)['’`](?=\s|$)")
_NONWORD = re.compile(r"[^\w&]+")
_WORDS = re.compile(r"[\w&]+")  # the pieces between _NONWORD runs
_INITIAL_DOTS = re.compile(r"\b([A-Za-z])\.(?=[A-Za-z]\b)")
#: legal forms dropped anywhere after the first word ("Bosselman Energy, Inc. Health Plan")
INNER_SUFFIXES = frozenset("inc incorporated ltd llc llp pllc pllp corp plc pc md dds dmd dpm".split())
#: first words a key drops ("The Co-operative Group", "Dr. Smith")
_KEY_TITLES = frozenset(("the", "dr", "drs", "mr", "mrs", "ms", "prof"))
_DBA = re.compile(r"\b(?:d\s?/\s?b\s?/\s?a|d\.b\.a\.?|dba|doing business as|t/a|trading as|aka|a\.k\.a\.?)(?!\w)", re.I)


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """A comparison key: case, accents, punctuation, possessives, a leading 'the' and
    trailing legal suffixes removed."""
    if name.isascii():  # NFKD leaves ASCII as it is
        s = name.lower()
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    if "." in s:
        s = _INITIAL_DOTS.sub(r"\1", s)
    if "'" in s or "’" in s or "`" in s:
        s = _POSSESSIVE.sub("", s)
    words = _WORDS.findall(s)
    if "and" in words:
        words = ["&" if w == "and" else w for w in words]
    if words and words[0] in _KEY_TITLES:
        words = words[1:]
    if not INNER_SUFFIXES.isdisjoint(words):  # (else the filter keeps every word)
        words = words[:1] + [w for w in words[1:] if w not in INNER_SUFFIXES]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=65536)
def same_org(a: str, b: str) -> bool:
    """Whether two names denote the same organization: equal keys, or one key is a
    whole-word prefix of the other ("Qantas" ~ "Qantas Airways"), or an acronym of it
    ("HSE", "M&S"), or a bare domain of it ("000webhost.com" ~ "000webhost").

    >>> same_org("Qantas", "Qantas Airways Limited")
    True
    >>> same_org("HSE", "Health Service Executive")
    True
    >>> same_org("Equifax", "Experian")
    False
    >>> same_org("M&S", "Marks & Spencer")
    True
    >>> same_org("000webhost.com", "000webhost")
    True
    >>> same_org("Co-op", "The Co-operative Group")
    True
    >>> same_org("GameSalad", "Game Salad")
    True
    >>> same_org("OU Medicine dba OU Health", "OU Medicine, Inc. d/b/a OU Health")
    True
    """
    pa, pb = _split_dba(a), _split_dba(b)
    if len(pa) > 1 or len(pb) > 1:
        return any(_same_key(org_key(x), org_key(y)) for x in pa for y in pb)
    return _same_key(org_key(a), org_key(b))


def split_dba(name: str) -> list[str]:
    """The names inside 'X d/b/a Y' ('doing business as'), or [name].

    >>> split_dba("IEC Group, Inc. d/b/a AmeriBen")
    ['IEC Group, Inc.', 'AmeriBen']
    """
    return list(_split_dba(name))


#: every 'dba' form holds one of these (lower-case, ASCII names: others use the regex)
_DBA_HINTS = ("/", "dba", "d.b.a", "doing business as", "trading as", "aka", "a.k.a")
#: ``any(h in low for h in _DBA_HINTS)`` as one search
_DBA_HINT = re.compile("|".join(map(re.escape, _DBA_HINTS))).search


@lru_cache(maxsize=65536)
def _split_dba(name: str) -> tuple[str, ...]:
    if name.isascii():
        low = name.lower()
        if _DBA_HINT(low) is None:  # no 'dba' form: no split (the regex is slow)
            return (name.strip(" ,;:") or name,)
    parts = tuple(p.strip(" ,;:") for p in _DBA.split(name))
    parts = tuple(p for p in parts if p)
    return parts or (name,)


@lru_cache(maxsize=65536)
def _same_key(ka: str, kb: str) -> bool:
    if not ka or not kb:
        return False
    if ka == kb or ka.replace(" ", "") == kb.replace(" ", ""):
        return True
    short, long_ = (kb, ka) if len(kb) < len(ka) else (ka, kb)  # (``sorted(..., key=len)``: stable)
    if long_.startswith(short + " "):
        return True
    sw, lw = short.split(), long_.split()
    if 2 <= len(sw) <= len(lw) and all(b.startswith(a) for a, b in zip(sw, lw)) and len(short) >= 4:
        return True  # a clipped form: "Co-op" ~ "Co-operative Group"
    compact = short.replace(" ", "").replace("&", "")
    return len(compact) >= 2 and _acronym(long_) == compact


def acronym(key: str) -> str:
    """Initials of the significant words of a key ('health service executive' -> 'hse').

    >>> acronym("marks & spencer")
    'ms'
    """
    return "".join(w[0] for w in key.replace("&", " ").split() if w not in ("of", "and", "for", "the", "at"))


#: ``acronym`` memoized (a key meets many others in ``_same_key``)
_acronym = lru_cache(maxsize=65536)(acronym)
