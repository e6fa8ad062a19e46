"""Organization name normalization shared by merging, reconciliation and evaluation.

>>> org_key("France’s Health Ministry")
'france health ministry'
>>> org_key("Equifax Inc.")
'equifax'
>>> org_key("SK Telecom Co., Ltd.")
'sk telecom'
>>> org_key("The Co-operative Group")
'co operative group'
"""

from __future__ import annotations

import re
import unicodedata

LEGAL_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company ltd limited llc llp lp plc gmbh ag sa sas nv bv "
    "oy oyj ab asa as spa srl pty pte kk".split()
)
_POSSESSIVE = re.compile(r"['’`]s\b|(?<=s)['’`](?=\s|$)")
_NONWORD = re.compile(r"[^\w&]+")


def org_key(name: str) -> str:
    """A comparison key: case, accents, punctuation, possessives, a leading 'the' and
    trailing legal suffixes removed."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = _POSSESSIVE.sub("", s)
    words = [w for w in _NONWORD.sub(" ", s).split() if w]
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def same_org(a: str, b: str) -> bool:
    """Whether two names denote the same organization: equal keys, or one key is a
    whole-word prefix of the other ("Qantas" ~ "Qantas Airways"), or an acronym of it.

    >>> same_org("Qantas", "Qantas Airways Limited")
    True
    >>> same_org("HSE", "Health Service Executive")
    True
    >>> same_org("Equifax", "Experian")
    False
    """
    ka, kb = org_key(a), org_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    if long_.startswith(short + " "):
        return True
    return acronym(long_) == short.replace(" ", "") and len(short) >= 2


def acronym(key: str) -> str:
    """Initials of the significant words of a key ('health service executive' -> 'hse')."""
    return "".join(w[0] for w in key.split() if w not in ("of", "and", "&", "for", "the"))
