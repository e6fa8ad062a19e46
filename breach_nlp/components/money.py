"""`breach_money`: money amounts (fines, ransoms, settlements, costs).

Sets ``doc._.breach_money``: MoneyAmount dicts (``text``, ``start``, ``end``, ``amount``,
``currency``, ``kind``). Currency tables and kind cues live in ``patterns/money.json``.

Rules:

- An amount is a number with a currency sign or code before it (``$5 million``, ``€1.2m``,
  ``£400,000``, ``US$191.02``, ``C$70 million``, ``R$600``, ``USD 35.71``) or a currency word
  after it (``22 million dollars``, ``134.8 billion won``, ``50 bitcoin`` -> ``BTC``).
  Currency words that are also English words (``won``, ``rand``) count only after a scale
  word or a grouped number.
- Scanning is driven by digit runs (fast on long texts): the currency is looked for just
  before each run, or as a word after the number and its scale word; one regex scan picks
  the runs where either can be (a currency sign's last character just before the run, or
  the whole suffixed amount after it).
- Plain digits (``5``, ``68,000``, ``191.02``) are read directly; other shapes go through
  price-parser (``Price.fromstring``, which knows ``1.234,56`` style decimals). Our scale
  words (``million``, ``bn``, ``m``, ``k``, from ``numbers.SCALES``) multiply the number
  (price-parser alone reads ``$5 million`` as 5). Amounts too large for 64 bits are dropped.
  ``between $180 million and $400 million`` gives two amounts; ``$180-$400 million`` /
  ``$180 to 400 million`` give the first one the second's scale.
- Only prose: amounts inside ``doc._.breach_skip`` (embedded records, boilerplate) or outside
  the prose sentences are ignored.
- ``kind``: the nearest cue word in the amount's own stretch of the sentence (from the previous
  amount to the next one, at most 70 characters before / 50 after) decides — ``a $100
  million civil penalty`` -> fine, ``$20 million extortion demand`` -> ransom, ``pay up to
  $700 million to settle`` -> settlement, ``reduce its operating profit by about £300 million``
  -> cost. Without one, the most frequent cue kind in the sentence (ties: settlement, fine,
  ransom, cost); without any, ``other``.
- ``amount`` is an int when whole, else a float.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, Iterator

from price_parser import Price
from spacy.language import Language
from spacy.tokens import Doc

from ..docext import get_values, set_value
from ..regexgate import prefix_gate
from ..numbers import DIGITS_RE, DIGITS_TAIL_RE, MAX_COUNT, SCALES, alternation, scale_re
from ..textspans import (
    digit_starts, doc_digit_starts, doc_lower, doc_text, find_range, lowered_ok, lowered_regex,
    touches,
)
from .base import BreachComponent

#: price-parser also accepts 1.234,56; a few more digit shapes than the counts' DIGITS_RE.
_AMOUNT_RE = r"(?:[0-9]{1,3}(?:\.[0-9]{3}){1,6},[0-9]{1,2}|" + DIGITS_RE[3:]
#: _AMOUNT_RE after its first digit (every alternative starts with one; see DIGITS_TAIL_RE)
_AMOUNT_TAIL_RE = r"(?:[0-9]{0,2}(?:\.[0-9]{3}){1,6},[0-9]{1,2}|" + DIGITS_TAIL_RE[3:]
_PLAIN_AMOUNT = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,6}|[0-9]{1,19})(?:\.[0-9]{1,2})?$")
_KIND_ORDER = ("settlement", "fine", "ransom", "cost")


class Money(BreachComponent):
    data_files: tuple[str, ...] = ("money.json",)

    def compile(self) -> None:
        assert self.data is not None
        d = self.data["money.json"]
        self.prefix = {k: v for k, v in d["prefix_currencies"].items() if k != "origin"}
        self.suffix = {k: v for k, v in d["suffix_currencies"].items() if k != "origin"}
        self.ambiguous = frozenset(w.lower() for w in d["ambiguous_suffix"]["words"])
        prefix_alt = alternation(list(self.prefix))
        suffix_alt = alternation(list(self.suffix))
        scale1 = scale_re("p", plural=True)
        scale2 = scale_re("q", plural=True)
        # Scanning is driven by digit runs (fast): a currency sign/code just before the run,
        # or a currency word after the number.
        self.prefix_back = re.compile(r"(?<![\w$€£¥₹₩])(?:" + prefix_alt + r")\s?$")
        self.prefixed = re.compile(
            r"(?P<cur>" + prefix_alt + r")\s?(?P<pnum>" + _AMOUNT_RE + r")(?![0-9])" + f"(?:{scale1})?"
        )
        self.suffixed = re.compile(
            r"(?<![\w$€£¥₹₩.,])(?P<snum>" + _AMOUNT_RE + r")(?![0-9])" + f"(?:{scale2})?"
            + r"\s(?P<scur>(?i:" + suffix_alt + r"))(?![\w])"
        )
        # The digit runs worth a look (the first digit of each, one scan that re runs in C):
        # a character that ends a currency sign or code before it (perhaps then one space),
        # or what ``suffixed`` matches from there (the look-behind and the rest as a
        # look-ahead). Every run _scan used to try that is not one of these matches nothing.
        last = "".join(sorted({re.escape(c[-1]) for c in self.prefix}))
        self.runs = re.compile(
            r"[0-9](?<![0-9][0-9])(?:(?<=[" + last + r"][0-9])|(?<=[" + last + r"]\s[0-9])"
            r"|(?<![\w$€£¥₹₩.,][0-9])(?=" + _AMOUNT_TAIL_RE + r"(?![0-9])" + f"(?:{scale_re('z', plural=True)})?"
            + r"\s(?i:" + suffix_alt + r")(?![\w])))"
        )
        self.range_next = re.compile(
            r"\s?(?:-|–|—|to|and)\s?(?:" + prefix_alt + r")?\s?" + _AMOUNT_RE + f"(?:{scale_re('r', plural=True)})",
        )
        self.kind_res: dict[str, re.Pattern[str]] = {}
        cues = []
        for kind in _KIND_ORDER:
            frag = "|".join(d["kinds"][kind])
            cues.append(f"(?P<{kind}>{frag})")
        # a look-ahead of the cues' first two characters (``regexgate.prefix_gate``, a trie:
        # one or two character tests at a word start where a cue is tried fragment by
        # fragment); the same matches either way
        head = prefix_gate("|".join(f"(?:{f})" for k in _KIND_ORDER for f in d["kinds"][k]), 2)
        gate = f"(?=(?:{head}))" if head else ""
        self.cues = re.compile(r"\b" + gate + "(?:" + "|".join(cues) + r")", re.IGNORECASE)
        #: the cues without the look-ahead (what the gated regex must match: see the tests)
        self.cues_plain = re.compile(r"\b(?:" + "|".join(cues) + r")", re.IGNORECASE)
        # the same cues, case-sensitive, for the lower-cased text (faster; None if unusable)
        self.cues_low = lowered_regex(self.cues)

    def process(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        matches = list(self._scan(text, starts=doc_digit_starts(doc)))
        if not matches:
            set_value(doc, "breach_money", [])  # doc._.breach_money = [] (see docext)
            return doc
        sents, skip = get_values(doc, ("breach_sents", "breach_skip"))
        sents = sents or []
        skip = skip or []
        found: list[dict[str, Any]] = []
        for m in matches:
            s, e = m.start(), m.end()
            if touches(skip, s, e):
                continue
            si = find_range(sents, s)
            if si < 0:
                continue
            try:
                item = self._amount(text, m, sents[si])
            except (InvalidOperation, ValueError, OverflowError, ArithmeticError):
                item = None
            if item is not None:
                item["_sent"] = si
                found.append(item)
        tallies: dict[int, str] = {}
        src, cues = text, self.cues
        if found and self.cues_low is not None:
            low = doc_lower(doc)
            if lowered_ok(text, low):
                src, cues = low, self.cues_low
        for i, item in enumerate(found):
            item["kind"] = self._kind(src, cues, found, i, sents[item["_sent"]], tallies)
        set_value(doc, "breach_money", [{k: v for k, v in it.items() if not k.startswith("_")} for it in found])
        return doc

    def _scan(
        self, text: str, runs: re.Pattern[str] | None = None, starts: list[int] | None = None
    ) -> Iterator[re.Match]:
        """Amounts at the digit runs ``runs`` finds (default ``self.runs``: only runs where a
        currency sign or word can be; the tests pass every digit run to check it). The
        default is matched only at the digit run starts (``starts``, else
        textspans.digit_starts(text)): each of its matches is one (its first digit follows
        no digit), and it finds one character, so none hides another."""
        if runs is None:
            rx = self.runs
            picked = (p for p in (digit_starts(text) if starts is None else starts) if rx.match(text, p))
        else:
            picked = (run.start() for run in runs.finditer(text))
        end = -1
        for p in picked:
            if p < end:
                continue
            back = self.prefix_back.search(text, max(0, p - 8), p)
            m = self.prefixed.match(text, back.start()) if back else None
            if m is None or m.start("pnum") != p:
                m = self.suffixed.match(text, p)
            if m is not None:
                end = m.end()
                yield m

    def _amount(self, text: str, m: re.Match, sent: list[int]) -> dict[str, Any] | None:
        g = m.groupdict()
        if g.get("cur") is not None:
            currency = self.prefix[g.get("cur")]
            num = g.get("pnum")
            scale = g.get("pw") or g.get("ps") or g.get("pa")
        else:
            word = g.get("scur").lower()
            currency = self.suffix[word]
            num = g.get("snum")
            scale = g.get("qw") or g.get("qs") or g.get("qa")
            if word in self.ambiguous and not scale and not re.search(r"[,. ']", num):
                return None
        if not scale:
            rm = self.range_next.match(text, m.end(), sent[1])
            if rm:
                scale = rm.group("rw") or rm.group("rs") or rm.group("ra")
        base = _price_amount(num)
        if base is None:
            return None
        amount = base * SCALES[scale.lower()] if scale else base
        if amount < 0 or amount > MAX_COUNT:
            return None
        value: int | float = int(amount) if amount == amount.to_integral_value() else float(amount)
        return {"text": m.group(0), "start": m.start(), "end": m.end(), "amount": value, "currency": currency}

    def _kind(
        self, text: str, cues: re.Pattern[str], found: list[dict[str, Any]], i: int, sent: list[int],
        tallies: dict[int, str],
    ) -> str:
        """The kind cue nearest the amount (``cues`` runs on ``text``, the page or its
        lower-cased copy), else the sentence's most frequent cue, else "other"."""
        item = found[i]
        lo = max(sent[0], item["start"] - 70)
        if i > 0 and found[i - 1]["_sent"] == item["_sent"]:
            lo = max(lo, found[i - 1]["end"])
        hi = min(sent[1], item["end"] + 50)
        if i + 1 < len(found) and found[i + 1]["_sent"] == item["_sent"]:
            hi = min(hi, found[i + 1]["start"])
        best: tuple[int, str] | None = None
        for cm in cues.finditer(text, lo, hi):
            dist = item["start"] - cm.end() if cm.end() <= item["start"] else cm.start() - item["end"]
            kind = cm.lastgroup or "other"
            if best is None or dist < best[0]:
                best = (dist, kind)
        if best is not None:
            return best[1]
        si = item["_sent"]
        if si not in tallies:  # once per sentence: a long sentence with many amounts stays linear
            tally: dict[str, int] = {}
            for cm in cues.finditer(text, sent[0], sent[1]):
                if cm.lastgroup:
                    tally[cm.lastgroup] = tally.get(cm.lastgroup, 0) + 1
            tallies[si] = (
                max(_KIND_ORDER, key=lambda k: (tally.get(k, 0), -_KIND_ORDER.index(k))) if tally else "other"
            )
        return tallies[si]


def _price_amount(num: str) -> Decimal | None:
    """The number read by price-parser, with our own reading as the fallback."""
    if len(num) > 40:
        return None
    plain = _PLAIN_AMOUNT.match(num)
    if plain:  # 5, 68,000, 191.02: no ambiguity, no need for price-parser
        return Decimal(num.replace(",", ""))
    amount = Price.fromstring(num).amount
    if amount is None:
        try:
            amount = Decimal(num.replace(",", "").replace(" ", "").replace("'", ""))
        except InvalidOperation:
            return None
    return Decimal(amount)


@Language.factory("breach_money", assigns=["doc._.breach_money"])
def make_money(nlp: Language, name: str) -> Money:
    return Money(nlp, name)
