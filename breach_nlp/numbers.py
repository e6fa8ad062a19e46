"""Our own number parsing for counts and money amounts.

price-parser and the number-word libraries get ``9.7 million`` or ``15 million`` wrong
upstream, so counts never lean on them. :func:`parse_count` reads digits (with ``,``/``.``/
space/apostrophe grouping), scale words and suffixes (``million``, ``m``, ``bn``, ``k``) and
number words (``three million``, ``half a million``, ``a dozen``). Arithmetic is exact
(:class:`decimal.Decimal`); results are non-negative ints that fit in 64 bits, else None.
Vague amounts (``tens of millions``, ``thousands``) give None: see :func:`vague_lower_bound`.

>>> parse_count("15 million")
15000000
>>> parse_count("1.2 billion")
1200000000
>>> parse_count("9.7 million")
9700000
>>> parse_count("4,500,000")
4500000
>>> parse_count("4 500 000")
4500000
>>> parse_count("1.200.000")
1200000
>>> parse_count("1'200'000")
1200000
>>> parse_count("56k")
56000
>>> parse_count("96M")
96000000
>>> parse_count("2.9bn")
2900000000
>>> parse_count("three million")
3000000
>>> parse_count("Six million")
6000000
>>> parse_count("half a million")
500000
>>> parse_count("a hundred million")
100000000
>>> parse_count("three quarters of a million")
750000
>>> parse_count("a quarter of a billion")
250000000
>>> parse_count("a dozen")
12
>>> parse_count("two hundred and fifty thousand")
250000
>>> parse_count("500,000-plus")
500000
>>> parse_count("26,957,749")
26957749
>>> parse_count("15000000")
15000000
>>> parse_count("tens of millions") is None
True
>>> parse_count("1e309") is None
True
>>> parse_count("1,2,3,4,5") is None
True
>>> parse_count("9" * 5000) is None
True
>>> parse_count("99999999999999999999") is None
True
>>> parse_count("١٢٣")
123
>>> parse_count("") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

#: Largest value we return (fits a signed 64-bit integer).
MAX_COUNT = 2**63 - 1

#: Longest input parse_count looks at; longer strings are not a single number.
MAX_NUMBER_CHARS = 80

SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "k": 1_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "mln": 1_000_000,
    "mil": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mm": 1_000_000,
    "billion": 1_000_000_000,
    "bln": 1_000_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "tn": 1_000_000_000_000,
    "crore": 10_000_000,
    "lakh": 100_000,
}
#: Scale suffixes that only count when attached to digits ("56k"), never as words.
SUFFIX_ONLY = frozenset({"k", "m", "b", "mn", "bn", "tn", "mil", "mln", "bln", "mm"})

WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "dozen": 12,
}

#: Vague amounts: "tens of millions" -> (10, 1_000_000); lower bound = factor * scale.
_VAGUE = re.compile(
    r"^\s{0,3}(?:(?P<mult>tens|hundreds|dozens|several|many)\s{1,3}(?:of\s{1,3})?)?"
    r"(?P<scale>thousands|millions|billions)\s{0,3}$",
    re.IGNORECASE,
)
_VAGUE_MULT = {None: 1, "tens": 10, "dozens": 12, "hundreds": 100, "several": 2, "many": 2}

# Regex source of a digit number as written in prose (shared by counts and money).
# Grouped thousands (comma, dot with two or more groups, space, apostrophe) or a plain run
# of at most 19 digits, with an optional decimal part. Bounded repeats only.
DIGITS_RE = (
    r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,6}(?:\.[0-9]{1,6})?"
    r"|[0-9]{1,3}(?:\.[0-9]{3}){2,6}"
    r"|[0-9]{1,3}(?:[ \u00a0\u202f'][0-9]{3}){1,6}(?![0-9])"
    r"|[0-9]{1,19}(?:\.[0-9]{1,6})?)"
)
#: ``DIGITS_RE`` after its first digit: ``"[0-9]" + DIGITS_TAIL_RE`` matches exactly what
#: ``DIGITS_RE`` matches (every alternative starts with a digit; the same alternatives in the
#: same order). A pattern that starts with a plain ``[0-9]`` lets ``re`` skip to the digits in
#: C, where a leading look-behind makes it try every position.
DIGITS_TAIL_RE = (
    r"(?:[0-9]{0,2}(?:,[0-9]{3}){1,6}(?:\.[0-9]{1,6})?"
    r"|[0-9]{0,2}(?:\.[0-9]{3}){2,6}"
    r"|[0-9]{0,2}(?:[ \u00a0\u202f'][0-9]{3}){1,6}(?![0-9])"
    r"|[0-9]{0,18}(?:\.[0-9]{1,6})?)"
)

def scale_re(name: str = "scale", plural: bool = False) -> str:
    """Regex source of a scale word or suffix after digits, shared by counts and money:
    ``million`` (group ``<name>w``), ``bn``/``mn`` (``<name>s``) or an attached ``m``/``k``/``b``
    (``<name>a``); ``plural`` also accepts ``millions``.

    >>> import re
    >>> re.match("15" + scale_re("x"), "15m").group("xa")
    'm'
    """
    s = "s?" if plural else ""
    return (
        rf"(?:\s?-?\s?(?P<{name}w>thousand|million|billion|trillion|crore|lakh){s}(?![a-z])"
        rf"|\s?(?P<{name}s>mln|bln|mn|bn|tn)(?![a-z])"
        rf"|(?P<{name}a>[mkb])(?![a-z0-9]))"
    )


_NUM = re.compile(
    r"^\s{0,3}(?P<num>[0-9]{1,3}(?:(?P<sep>[,. \u00a0\u202f'])[0-9]{3})(?:(?P=sep)[0-9]{3}){0,6}(?:\.[0-9]{1,6})?"
    r"|[0-9]{1,19}(?:\.[0-9]{1,6})?)"
    r"\s?-?\s?(?P<scale>(?!plus\b)[a-z]{1,9})?\s{0,3}(?:-?\s?plus|\+)?\s{0,3}$",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"^(?:(?P<n>a|an|one|two|three)\s{1,3})?(?P<f>quarters?|thirds?|half)\s{1,3}of\s{1,3}(?:a|an|one)\s{1,3}"
    r"(?P<s>thousand|million|billion|trillion)$"
)
_FRACTION_PARTS = {"quarter": 4, "third": 3, "half": 2}
#: digits in comma groups of three, as many groups as _NUM reads (parse_count's fast path)
_COMMA_GROUPS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3}){1,7}")
_TOKENS = re.compile(r"[a-z]+|[^a-z\s]+")


def alternation(phrases: list[str] | set[str]) -> str:
    """Regex source matching any of ``phrases``, built as a character trie (the ``re`` engine
    then branches on one character instead of trying every phrase at every position);
    longer phrases win over their prefixes.

    >>> import re
    >>> rx = re.compile(alternation(["one", "one hundred", "two"]))
    >>> [m.group(0) for m in rx.finditer("one hundred and two")]
    ['one hundred', 'two']
    """
    trie: dict = {}
    for p in set(phrases):
        if not p:
            continue
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return "(?:" + build(trie) + ")"


def _ascii_digits(s: str) -> str:
    """Map unicode decimal digits (Arabic-Indic, fullwidth, ...) to ASCII 0-9."""
    if s.isascii():
        return s
    out = []
    for ch in s:
        if not ch.isascii() and ch.isdecimal():
            out.append(str(unicodedata.decimal(ch, 0)))
        else:
            out.append(ch)
    return "".join(out)


def _number(num: str, sep: str | None) -> Decimal | None:
    if sep:
        groups = num.split(sep)
        if sep == "." and len(groups) == 2:
            # a single ".ddd" group is a decimal ("1.234 million"); 1.200.000 is grouping
            pass
        else:
            num = num.replace(sep, "")
    try:
        return Decimal(num)
    except InvalidOperation:
        return None


def parse_count(text: str) -> int | None:
    """Parse a count written in digits, with scale words, or in words; None when vague or not a count."""
    if not isinstance(text, str):
        return None
    if len(text) <= 19 and text.isascii() and text.isdigit():
        # the common case, "4500": what the general path below gives, without its work
        value = int(text)
        return value if value <= MAX_COUNT else None
    if _COMMA_GROUPS.fullmatch(text):
        # "4,500,000": what _NUM and _number give (comma groups of three), without their work
        value = int(text.replace(",", ""))
        return value if value <= MAX_COUNT else None
    s = _ascii_digits(text.strip().lower().replace("\u2009", " ").replace("\u2011", "-"))
    if not s or len(s) > MAX_NUMBER_CHARS:
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


def vague_lower_bound(text: str) -> int | None:
    """Documented lower bound of a vague amount, or None when it is not one.

    >>> vague_lower_bound("tens of millions")
    10000000
    >>> vague_lower_bound("thousands")
    1000
    >>> vague_lower_bound("15 million") is None
    True
    """
    m = _VAGUE.match(text or "")
    if not m:
        return None
    mult = (m.group("mult") or "").lower() or None
    return _VAGUE_MULT[mult] * SCALES[m.group("scale").lower()[:-1]]


def _words(s: str) -> int | None:
    fm = _FRACTION.match(s)
    if fm:
        n = WORDS.get(fm.group("n") or "a", 1)
        parts = _FRACTION_PARTS[fm.group("f").rstrip("s")]
        return _clamp(Decimal(SCALES[fm.group("s")]) * n / parts)
    tokens = _TOKENS.findall(s.replace("-", " "))
    if not tokens or len(tokens) > 12:
        return None
    if tokens[0] == "half" and len(tokens) >= 2:
        rest = [t for t in tokens[1:] if t not in ("a", "an")]
        if len(rest) == 1 and rest[0] in SCALES and rest[0] not in SUFFIX_ONLY:
            return _clamp(Decimal(SCALES[rest[0]]) / 2)
        return None
    total, current, seen = Decimal(0), Decimal(0), False
    for t in tokens:
        if t == "and":
            continue
        if t == "dozen":
            current = (current or 1) * 12
            seen = True
        elif t in WORDS:
            current += WORDS[t]
            seen = True
        elif t in SCALES and t not in SUFFIX_ONLY and t != "millions":
            if not seen:
                return None
            if t == "hundred":
                current = (current or 1) * 100
            else:
                total += (current or 1) * SCALES[t]
                current = Decimal(0)
        else:
            return None
    if not seen:
        return None
    return _clamp(total + current)


def _clamp(value: Decimal | float) -> int | None:
    try:
        if value != value or value < 0 or value > MAX_COUNT:
            return None
        return int(Decimal(value).to_integral_value())
    except (InvalidOperation, OverflowError, ValueError):
        return None
