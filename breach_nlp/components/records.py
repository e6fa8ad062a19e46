"""`breach_records`: embedded structured records (JSON, JSON-LD, Python dicts, key-value
fragments, ``Key: value`` lines), found anywhere in the text, parsed safely and mapped.

Runs FIRST; ``breach_layout`` masks every record range so prose components ignore it.
Sets ``doc._.breach_records``: a list of EmbeddedRecord dicts in text order.

Detection, in this order (a later kind never overlaps an earlier one):

1. ``<script type="application/ld+json">…</script>`` blocks -> ``json_ld`` (range covers the
   script tags).
2. Balanced ``{…}``/``[…]`` regions (one linear scan, see ``breach_nlp.recordparse``) that
   contain a quoted key followed by ``:`` -> ``json`` (``json_ld`` when it carries
   ``@context``/``@type``) or ``python_dict`` (``ast.literal_eval``, never ``eval``). A list
   is a record only when it holds a dict. Records inside ``` fences are found like any other
   (the fence lines join the range).
3. Loose key-value fragments: consecutive lines of ``"key": value,`` pairs without braces
   (at least two lines, or three pairs on one line), wrapped in braces and parsed -> ``key_value``.
4. ``Key: value`` line blocks and simple two-column tables (``Key | value``, tab-separated),
   at least ``min_lines`` consecutive lines (single blank lines between them allowed) with at
   least one key the field table knows ->
   ``lines``. Short keys only (no sentences), values that are bare URLs end a block, so
   ``Source: https://…`` and prose sentences with a colon are not swallowed.

A header line right above a record ("Breach report", "Incident summary", "Breach record",
``patterns/records.json``) joins its range. A candidate that looks like a record but cannot
be parsed (code in a literal, too large, too deep, malformed) is kept with ``raw`` None and
its ``errors``; nothing here raises on any input.

Mapping (``patterns/fields.json``): every leaf of the record is named by its key path
(normalized: camelCase split, lower-cased, non-alphanumerics -> ``_``; list indexes dropped;
schema.org ``PropertyValue`` ``{name, value}`` pairs named by their ``name``), and the alias
table maps it onto ``organization``, ``records_affected`` (``numbers.parse_count``),
``data_categories`` (``taxonomy.categorize``, union of all data-type fields),
``date`` (``datevalues.parse_date_value``), and extras (``date_published``, ``attacker``,
``country``, ``industry``, ``breach_type``, ...). ``fields.date`` is the incident date, else
discovery, else disclosure, else a generic ``date``, else the submission date, else the
publication date; ``fields.date_role`` says which; ``fields.organization_field`` names the
field the organization came from ("name of covered entity"). Unknown fields stay in ``raw``.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from itertools import islice
from typing import Any, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..datevalues import parse_date_value
from ..docext import set_value
from ..numbers import parse_count
from ..recordparse import bracket_spans, json_safe, needs_cleaning, parse_literal
from ..taxonomy import categorize
from ..textspans import doc_text, max_width
from .base import BreachComponent

_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_NONALNUM = re.compile(r"[^a-z0-9]+")
_LOOKS_LIKE_RECORD = re.compile(r"[\"'][^\"'\n]{1,200}[\"'][ \t\r\n]{0,20}:")
_RECORD_HEAD = re.compile(r"(?:\[[ \t\r\n]{0,40})?\{[ \t\r\n]{0,40}([\"'])[^\"'\n]{1,100}\1[ \t\r\n]{0,20}:")
_JSONLD_OPEN = re.compile(r"<script\b[^>]{0,300}?application/ld\+json[^>]{0,300}>", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script\s{0,10}>", re.IGNORECASE)
_FENCE_BEFORE = re.compile(r"(?:^|\n)[ \t]{0,8}(?:```|~~~)[\w+-]{0,20}[ \t]{0,8}\n[ \t\n]{0,20}$")
_FENCE_AFTER = re.compile(r"[ \t\n]{0,20}\n[ \t]{0,8}(?:```|~~~)[ \t]{0,8}(?=\n|$)")
_NUMBER_IN = re.compile(
    r"\d[\d,.\u00a0 ]{0,20}(?:\s?(?:million|billion|thousand|mn|bn|m|k)\b)?", re.IGNORECASE
)

# one "key": value pair of a loose fragment (bounded repeats, disjoint alternatives)
_Q_VALUE = (
    r"(?:\"(?:[^\"\\\n]|\\.){0,5000}\"|'(?:[^'\\\n]|\\.){0,5000}'"
    r"|-?\d[\d.eE+-]{0,40}|true|false|null|True|False|None|NaN"
    r"|\[[^\[\]\n]{0,5000}\]|\{[^{}\n]{0,5000}\})"
)
_Q_PAIR = r"(?:\"[^\"\n]{1,100}\"|'[^'\n]{1,100}')[ \t]{0,10}:[ \t]{0,10}" + _Q_VALUE


def _reach(pattern: str) -> int:
    """``max_width(pattern)``, which must be bounded."""
    width = max_width(pattern)
    assert width is not None, pattern
    return width


class _Lines:
    """A regex tried at line starts only: ``finditer(text, pos, endpos)`` finds what
    ``re.compile("^" + body, re.MULTILINE)`` finds, each match's group ``line`` being that
    match. It jumps to the line breaks (a literal ``\\n`` before the body, which ``re`` finds
    in C) instead of trying ``^`` at every character. The body never matches a line break."""

    def __init__(self, body: str, need: str = "", reach: int = 0) -> None:
        self.first = re.compile(f"\\A(?P<line>{body})", re.MULTILINE)
        self.next = re.compile(f"\n(?P<line>{body})", re.MULTILINE)
        #: every match has one of the characters ``need`` within its first ``reach``
        #: characters ("" : no such test): the first line (often the whole of a text
        #: without line breaks) is tried only when one is there
        self.need, self.reach = need, reach

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        if pos == 0:
            lim = min(self.reach, endpos)
            if not self.need or any(text.find(c, 0, lim) >= 0 for c in self.need):
                m = self.first.match(text, 0, endpos)
                if m is not None:
                    yield m
                    pos = m.end()
        elif text[pos - 1] == "\n":
            pos -= 1  # "^" holds at pos: the line break before it starts the next match
        if text.find("\n", pos, endpos) >= 0:
            yield from self.next.finditer(text, pos, endpos)


_FRAGMENT_LINE = _Lines(
    r"[ \t]{0,40}" + _Q_PAIR + r"(?:[ \t]{0,10},[ \t]{0,10}" + _Q_PAIR + r"){0,50}[ \t]{0,10},?[ \t]{0,10}$",
    need="\"'",  # the quote of the first key, after at most 40 blanks
    reach=1 + _reach(r"[ \t]{0,40}"),
)
_PAIR_START = re.compile(r"(?:\"[^\"\n]{1,100}\"|'[^'\n]{1,100}')[ \t]{0,10}:")

_KEY = r"[A-Za-z][A-Za-z0-9 ()/&'’.#_-]{0,59}?"
#: what comes before the ":" of a key line, the "|" or tab of a table row, the "|" of a
#: table's separator row (the three kinds of _KV_LINE)
_KV_HEADS = (
    r"[ \t]{0,20}(?:[-*•][ \t]{1,4})?(?:\*\*)?(?P<k>" + _KEY + r")(?:\*\*)?[ \t]{0,4}",
    r"[ \t]{0,20}\|?[ \t]{0,20}(?P<tk>" + _KEY + r")[ \t]{0,20}",
    r"[ \t]{0,20}\|?[ \t]{0,20}:?-{3,40}:?[ \t]{0,20}",
)
_KV_LINE = _Lines(
    _KV_HEADS[0] + r":(?:\*\*)?[ \t]{1,20}(?P<v>[^\n]{1,1000}?)[ \t]{0,20}$"
    r"|" + _KV_HEADS[1] + r"(?:\||\t)[ \t]{0,20}(?P<tv>[^|\t\n]{1,1000}?)[ \t]{0,20}\|?[ \t]{0,20}$"
    r"|(?P<sep>" + _KV_HEADS[2] + r"\|[ \t]{0,20}:?-{3,40}:?[ \t]{0,20}\|?[ \t]{0,20})$",
    # a ":", "|" or tab right after a head (so within its widest match)
    need=":|\t",
    reach=1 + max(_reach(h) for h in _KV_HEADS),
)
_URL_VALUE = re.compile(r"^(?:https?://|www\.)\S*$", re.IGNORECASE)


def normalize_key(name: str) -> str:
    """Field-name key: camelCase split, lower case, non-alphanumerics -> ``_``.

    >>> normalize_key("recordsAffected"), normalize_key("Name of Covered Entity")
    ('records_affected', 'name_of_covered_entity')
    >>> normalize_key("DataClasses"), normalize_key("@type")
    ('data_classes', 'type')
    """
    s = _CAMEL.sub(r"\1_\2", name).lower()
    return _NONALNUM.sub("_", s).strip("_")


class Records(BreachComponent):
    data_files = ("records.json", "fields.json")

    def compile(self) -> None:
        assert self.data is not None
        conf = self.data["records.json"]
        self.header = re.compile(
            r"(?:^|\n)[ \t]{0,20}(?:#{1,6}[ \t]{1,4}|\*\*)?(?:" + conf["header_pattern"] + r")"
            r"[ \t]{0,4}:?(?:\*\*)?[ \t]{0,20}\n[ \t\n]{0,20}$",
            re.IGNORECASE,
        )
        lines = conf["lines"]
        self.min_lines = int(lines["min_lines"])
        self.max_records = int(conf["max_records"])
        self.max_leaves = int(conf["max_leaves"])
        self.max_key_words = int(lines["max_key_words"])
        self.not_key_first = frozenset(w.lower() for w in lines["not_key_first_words"])
        self.pv_containers = {normalize_key(c) for c in conf["property_value_containers"]}
        fconf = self.data["fields.json"]
        self.bare: dict[str, tuple[int, str]] = {}
        self.paths: dict[tuple[str, ...], tuple[int, str]] = {}
        self.kinds: dict[str, dict[str, Any]] = fconf["fields"]
        for field, spec in fconf["fields"].items():
            for i, alias in enumerate(spec["aliases"]):
                parts = tuple(normalize_key(p) for p in alias.split("."))
                if len(parts) == 1:
                    self.bare.setdefault(parts[0], (i, field))
                else:
                    self.paths.setdefault(parts, (i, field))
        self.max_path = max((len(p) for p in self.paths), default=1)
        self.date_order: list[str] = fconf["date_preference"]["order"]
        self.token_rules = [
            (r["field"], [tuple(g) for g in r["all_of"]], tuple(r["none_of"]))
            for r in fconf["token_rules"]["rules"]
        ]
        self._rule_cache: dict[str, tuple[int, str] | None] = {}
        tl = fconf["top_level_name"]
        self.tl_requires = {normalize_key(k) for k in tl["requires_any"]}
        self.tl_aliases = [normalize_key(k) for k in tl["aliases"]]

    # -- detection ----------------------------------------------------------------------
    def process(self, doc: Doc) -> Doc:
        set_value(doc, "breach_records", self.find(doc_text(doc)))  # doc._.breach_records = (see docext)
        return doc

    def find(self, text: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        covered: list[list[int]] = []  # sorted, non-overlapping

        def overlaps(s: int, e: int) -> bool:
            i = bisect_right(covered, [s, len(text) + 1])
            return (i > 0 and covered[i - 1][1] > s) or (i < len(covered) and covered[i][0] < e)

        def add(fmt: str, s: int, e: int, raw: Any, errors: list[str]) -> None:
            if len(found) >= self.max_records:
                if len(found) == self.max_records:
                    found[-1]["errors"].append(f"more than {self.max_records} records: the rest were not parsed")
                return
            xs, xe = self._extend(text, s, e)
            if not overlaps(xs, xe):  # a header or fence never reaches into another record
                s, e = xs, xe
            rec = {
                "format": fmt,
                "start": s,
                "end": e,
                "raw": raw,
                "fields": self.map_fields(raw) if raw is not None else {},
                "errors": errors,
            }
            found.append(rec)
            insort(covered, [s, e])

        # 1. JSON-LD script blocks
        close: re.Match[str] | None = None
        for m in _JSONLD_OPEN.finditer(text) if "<" in text else ():
            if overlaps(m.start(), m.end()):
                continue
            if close is None or close.start() < m.end():  # each closing tag is searched once
                close = _SCRIPT_CLOSE.search(text, m.end())
                if close is None:
                    break
            fmt, raw, errors = parse_literal(text[m.end() : close.start()])
            add("json_ld", m.start(), close.end(), raw, errors)

        # 2. balanced bracket regions
        for s, e, depth in bracket_spans(text):
            if overlaps(s, e):
                continue
            if not _LOOKS_LIKE_RECORD.search(text, s, min(e, s + 10_000)):
                continue
            fmt, raw, errors = parse_literal(text[s:e], depth=depth)
            if fmt is None:
                # kept (with the reason) only when it opens like a record: a brace, then a
                # quoted key; "[sic]"-like prose brackets are simply not records
                head = _RECORD_HEAD.match(text, s, min(e, s + 200))
                if head:
                    add("python_dict" if head.group(1) == "'" else "json", s, e, None, errors)
                continue
            if not _has_dict(raw):
                continue
            if fmt == "json" and _is_json_ld(raw):
                fmt = "json_ld"
            add(fmt, s, e, raw, errors)

        # 3. loose "key": value fragments
        for s, e in self._fragment_blocks(text, covered):
            if overlaps(s, e):
                continue
            body = text[s:e].rstrip().rstrip(",")
            fmt, raw, errors = parse_literal("{" + body + "}", depth=1 + _max_inner_depth(body))
            if fmt is None or not isinstance(raw, dict):
                continue
            add("key_value", s, e, raw, errors)

        # 4. Key: value line blocks and two-column tables
        for s, e, pairs in self._line_blocks(text, covered):
            if overlaps(s, e):
                continue
            raw: dict[str, Any] = {}
            errors: list[str] = []
            if needs_cleaning(text[s:e]):
                pairs = [(json_safe(k), json_safe(v)) for k, v in pairs]
            for k, v in pairs:
                if k in raw and len(errors) < 20:
                    errors.append(f"duplicate key {k!r}: last value kept")
                raw[k] = v
            add("lines", s, e, raw, errors)

        found.sort(key=lambda r: r["start"])
        return found

    def _extend(self, text: str, s: int, e: int) -> tuple[int, int]:
        """Grow a record range over an enclosing code fence and a header line above it."""
        fb = _FENCE_BEFORE.search(text, max(0, s - 60), s)
        if fb:
            fa = _FENCE_AFTER.match(text, e, min(len(text), e + 60))
            if fa:
                s = fb.start() + (1 if text[fb.start()] == "\n" else 0)
                e = fa.end()
        hm = self.header.search(text, max(0, s - 120), s)
        if hm:
            s = hm.start() + (1 if text[hm.start()] == "\n" else 0)
            while s < len(text) and text[s] in " \t":
                s += 1
        return s, e

    def _fragment_blocks(self, text: str, covered: list[list[int]]) -> Iterator[tuple[int, int]]:
        start = end = -1
        lines = pairs = 0
        for m in _gap_matches(_FRAGMENT_LINE, text, covered):
            ms = m.start("line")
            npairs = len(_PAIR_START.findall(m.group("line")))
            if start >= 0 and text[end:ms].strip() == "" and text.count("\n", end, ms) <= 1:
                end = m.end()
                lines += 1
                pairs += npairs
                continue
            if start >= 0 and (lines >= 2 or pairs >= 3):
                yield start, end
            start, end, lines, pairs = ms, m.end(), 1, npairs
        if start >= 0 and (lines >= 2 or pairs >= 3):
            yield start, end

    def _line_blocks(
        self, text: str, covered: list[list[int]]
    ) -> Iterator[tuple[int, int, list[tuple[str, str]]]]:
        block: list[tuple[str, str]] = []
        start = end = -1
        for m in _gap_matches(_KV_LINE, text, covered):
            if m.group("sep") is not None:
                pair = None
            else:
                k = (m.group("k") or m.group("tk") or "").strip()
                v = (m.group("v") if m.group("k") else m.group("tv")) or ""
                v = v.strip().strip("*").strip()
                words = k.split()
                if (
                    len(words) > self.max_key_words
                    or not v
                    or _URL_VALUE.match(v)
                    or k.endswith(".")
                    or words[0].lower() in self.not_key_first
                ):
                    pair = False
                else:
                    pair = (k, v)
            ms = m.start("line")
            gap = text[end:ms] if start >= 0 and ms - end <= 8 else None
            adjacent = gap is not None and not gap.strip() and gap.count("\n") <= 2
            if pair is False or not adjacent:
                if block:
                    yield from self._accept_lines(start, end, block)
                block, start, end = [], -1, -1
                if pair is False:
                    continue
            if start < 0:
                start = ms
            end = m.end()
            if pair:
                block.append(pair)
            elif len(block) == 1 and m.group("sep") is not None:
                block = []  # "| Field | Value |" above the separator is the table's header row
        if block:
            yield from self._accept_lines(start, end, block)

    def _accept_lines(
        self, start: int, end: int, block: list[tuple[str, str]]
    ) -> Iterator[tuple[int, int, list[tuple[str, str]]]]:
        if len(block) < self.min_lines:
            return
        sentences = sum(1 for _k, v in block if len(v.split()) >= 4 and v.rstrip()[-1:] in ".!?")
        if sentences * 2 > len(block):
            return
        if not any(self._lookup((normalize_key(k),)) for k, _ in block):
            return
        yield start, end, block

    # -- mapping ------------------------------------------------------------------------
    def leaves(self, obj: Any, path: tuple[str, ...] = (), depth: int = 0) -> Iterator[tuple[tuple[str, ...], Any]]:
        """``(normalized key path, value)`` for every leaf; lists of scalars are one leaf."""
        if depth > 80:
            return
        if isinstance(obj, dict):
            if "name" in obj and "value" in obj and isinstance(obj.get("name"), str) and (
                len(obj) <= 3 or (path and path[-1] in self.pv_containers)
            ):
                yield (normalize_key(obj["name"]),), obj["value"]
                return
            for k, v in obj.items():
                yield from self.leaves(v, path + (normalize_key(str(k)),), depth + 1)
        elif isinstance(obj, list):
            if any(isinstance(v, (dict, list)) for v in obj):
                for v in obj:
                    yield from self.leaves(v, path, depth + 1)
            else:
                yield path, obj
        else:
            yield path, obj

    def _lookup(self, path: tuple[str, ...]) -> tuple[int, str] | None:
        for n in range(min(len(path), self.max_path), 1, -1):
            hit = self.paths.get(path[-n:])
            if hit:
                return hit
        if not path:
            return None
        hit = self.bare.get(path[-1])
        if hit is None:
            hit = self._by_words(path[-1])
        return hit

    def _by_words(self, key: str) -> tuple[int, str] | None:
        """The token-rule fallback for a field name no alias lists (``fields.json``)."""
        if key in self._rule_cache:
            return self._rule_cache[key]
        words = [w for w in key.split("_") if w]
        hit = None
        if 1 < len(words) <= 8 or (len(words) == 1 and len(key) <= 30):
            for field, groups, none_of in self.token_rules:
                if any(w.startswith(none_of) for w in words) if none_of else False:
                    continue
                if all(any(w.startswith(g) for w in words) for g in groups):
                    hit = (1000, field)
                    break
        if len(self._rule_cache) < 10_000:
            self._rule_cache[key] = hit
        return hit

    def map_fields(self, raw: Any) -> dict[str, Any]:
        """The record's values on our schema (see the module docstring)."""
        hits: dict[str, list[tuple[int, int, Any, str]]] = {}
        for order, (path, value) in enumerate(islice(self.leaves(raw), self.max_leaves)):
            hit = self._lookup(path)
            if hit is None:
                continue
            prio, field = hit
            hits.setdefault(field, []).append((prio, order, value, path[-1] if path else ""))
        entry = raw if isinstance(raw, dict) else next((v for v in raw if isinstance(v, dict)), None) if isinstance(raw, list) else None
        if "organization" not in hits and entry:
            keys = {normalize_key(str(k)): v for k, v in entry.items()}
            if self.tl_requires & set(keys):
                for i, alias in enumerate(self.tl_aliases):
                    if isinstance(keys.get(alias), str):
                        hits["organization"] = [(i, 0, keys[alias], alias)]
                        break
        fields: dict[str, Any] = {
            "organization": None,
            "records_affected": None,
            "data_categories": [],
            "date": None,
        }
        dates: dict[str, str] = {}
        for field, cands in hits.items():
            cands.sort(key=lambda c: (c[0], c[1]))
            kind = self.kinds[field]["kind"]
            if kind == "categories":
                cats: list[str] = []
                for _, _, v, _k in sorted(cands, key=lambda c: c[1]):
                    for phrase in _strings(v):
                        for _typ, cat in categorize(phrase):
                            if cat not in cats:
                                cats.append(cat)
                fields["data_categories"] = cats
                continue
            for _, _, v, key in cands:
                value = _normalize_value(kind, v)
                if value is not None:
                    if kind == "date":
                        dates[field] = value
                    else:
                        fields[field] = value
                    if field == "organization":
                        fields["organization_field"] = key.replace("_", " ")
                    break
        for field in self.date_order:
            if field in dates:
                fields["date"] = dates[field]
                fields["date_role"] = self.kinds[field]["role"]
                break
        for field, value in dates.items():
            if field != "date_other":
                fields[field] = value
        return fields


def _gap_matches(rx: _Lines, text: str, covered: list[list[int]]) -> Iterator[re.Match[str]]:
    """Matches of ``rx`` in the text between the records already found (their text is not
    scanned again, so a 20 MB record costs nothing here)."""
    pos = 0
    for s, e in [*covered, [len(text), len(text)]]:
        if s > pos:
            yield from rx.finditer(text, pos, s)
        pos = max(pos, e)


def _has_dict(obj: Any) -> bool:
    if isinstance(obj, dict):
        return bool(obj)
    if isinstance(obj, list):
        return any(isinstance(v, dict) and v for v in obj[:1000])
    return False


def _is_json_ld(obj: Any) -> bool:
    if isinstance(obj, list):
        return any(_is_json_ld(v) for v in obj[:50])
    return isinstance(obj, dict) and ("@context" in obj or "@type" in obj or "@graph" in obj)


def _max_inner_depth(body: str) -> int:
    return max((d for _s, _e, d in bracket_spans(body)), default=0)


def _strings(v: Any) -> Iterator[str]:
    if isinstance(v, str):
        yield v
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, str):
                yield x


def _normalize_value(kind: str, v: Any) -> Any:
    if kind == "count":
        return _count(v)
    if kind == "date":
        if isinstance(v, int) and not isinstance(v, bool):
            v = str(v)
        if isinstance(v, str):
            parsed = parse_date_value(v)
            return parsed[0] if parsed else None
        return None
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, list):
        parts = [str(x).strip() for x in v if isinstance(x, (str, int, float)) and str(x).strip()]
        return ", ".join(parts) or None
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, str):
        return v.strip() or None
    return None


def _count(v: Any) -> int | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int):
        return v if v >= 0 else None
    if isinstance(v, float):
        return int(v) if v == v and 0 <= v < 2**63 else None
    if isinstance(v, list):
        return _count(v[0]) if len(v) == 1 else None
    if not isinstance(v, str):
        return None
    s = v.strip()
    value = parse_count(s)
    if value is None:
        m = _NUMBER_IN.search(s[:200])
        if m:
            value = parse_count(m.group().strip().rstrip(",."))
    return value


@Language.factory("breach_records", assigns=["doc._.breach_records"])
def make_records(nlp: Language, name: str) -> Records:
    return Records(nlp, name)


__all__ = ["Records", "normalize_key"]
