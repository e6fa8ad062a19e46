"""Our own number parsing for counts (price-parser and number-word libraries get
``9.7 million`` or ``15 million`` wrong upstream, so counts never lean on them).

>>> parse_count("15 million")
15000000
>>> parse_count("1.2 billion")
1200000000
>>> parse_count("4,500,000")
4500000
>>> parse_count("4 500 000")
4500000
>>> parse_count("1.200.000")
1200000
>>> parse_count("56k")
56000
>>> parse_count("2.9bn")
2900000000
>>> parse_count("three million")
3000000
>>> parse_count("half a million")
500000
>>> parse_count("15000000")
15000000
>>> parse_count("tens of millions") is None
True
"""

from __future__ import annotations

import re

MAX_COUNT = 2**63 - 1

SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "mln": 1_000_000,
    "mil": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
}

WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "dozen": 12,
}

_NUM = re.compile(
    r"^\s*(?P<num>\d{1,3}(?:(?P<sep>[,. \u00a0\u202f'])\d{3})(?:(?P=sep)\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*-?\s*(?P<scale>[a-z]+)?\s*$",
    re.IGNORECASE,
)


def _number(num: str, sep: str | None) -> float | None:
    if sep:
        if sep == "." and num.count(".") >= 1 and all(len(g) == 3 for g in num.split(".")[1:]):
            # 1.200.000 (European grouping); a single ".ddd" group is ambiguous: grouping only
            # when more than one group, else a decimal ("1.234 million").
            if num.count(".") >= 2:
                return float(num.replace(".", ""))
            return float(num)
        num = num.replace(sep, "")
    try:
        return float(num)
    except ValueError:
        return None


def parse_count(text: str) -> int | None:
    """Parse a count written in digits, with scale words, or in words; None when vague or not a count."""
    s = text.strip().lower().replace("\u2009", " ")
    if not s or len(s) > 80:
        return None
    m = _NUM.match(s)
    if m:
        value = _number(m.group("num"), m.group("sep"))
        if value is None:
            return None
        scale = m.group("scale")
        if scale:
            if scale not in SCALES:
                return None
            value *= SCALES[scale]
        return _clamp(value)
    return _words(s)


def _words(s: str) -> int | None:
    tokens = re.findall(r"[a-z]+|\d+(?:\.\d+)?", s.replace("-", " "))
    if not tokens:
        return None
    if tokens[0] == "half" and len(tokens) >= 2:
        rest = [t for t in tokens[1:] if t not in ("a", "an")]
        if len(rest) == 1 and rest[0] in SCALES:
            return _clamp(SCALES[rest[0]] / 2)
        return None
    total, current, seen = 0.0, 0.0, False
    for t in tokens:
        if t == "and":
            continue
        if t in WORDS:
            current += WORDS[t]
            seen = True
        elif re.fullmatch(r"\d+(?:\.\d+)?", t):
            current += float(t)
            seen = True
        elif t in SCALES and t not in ("k", "m", "b", "mn", "bn", "tn", "mil", "mln"):
            if not seen:
                return None
            if t == "hundred":
                current = (current or 1) * 100
            else:
                total += (current or 1) * SCALES[t]
                current = 0
        else:
            return None
    if not seen:
        return None
    return _clamp(total + current)


def _clamp(value: float) -> int | None:
    if value != value or value < 0 or value > MAX_COUNT:
        return None
    return int(round(value))
