"""`breach_reconcile`: field-by-field check of the prose against the embedded records.

Runs LAST. Sets ``doc._.breach_reconciliation``: ``{"victim", "records_affected",
"data_categories", "date"}`` -> FieldCheck dict (``status``, ``text``, ``record``, ``value``,
``note``).

Record side: the records of ``doc._.breach_records`` merged into one view, field by field
in text order: the first record that has a value gives it, and the note names it
("record 2 (python_dict)"); records that disagree among themselves are noted too.

Text side: ``doc._.breach_victims`` (every victim, its name, aliases and text),
``doc._.breach_records_affected`` (value and qualifier), the categories of the
non-negated ``doc._.breach_data_types``, and the resolved ``doc._.breach_dates``.

Statuses: ``agree`` / ``conflict`` when both sides have the field, ``text_only`` /
``record_only`` when one has it, ``absent`` when neither has it.

Rules (the tolerances are in ``patterns/reconcile.json``):

- victim: agrees when the record's organization is the same organization as any victim's
  name, alias or text: ``orgnames.same_org`` (case, punctuation, legal suffixes, prefixes,
  acronyms), or nearly the same key (typos, "Mt."/"Mount"), or the shorter name's
  significant words all in the longer one, or the same head word (the first word that is
  not generic or a place: "Walgreen Co." ~ "Walgreens Pharmacy", "CVS Health" ~ "CVS
  Pharmacy"; ``victim_match`` in ``patterns/reconcile.json``);
  failing that, when it is the same as any organization the text names in another role, or
  when its name occurs word for word in the prose outside the records (agree, with a note:
  the text names it even if the organizations component did not pick it as the victim).
  When the text names no victim at all, it agrees if the prose refers to the record's
  organization by the role its field names ("Name of Covered Entity" -> "the covered
  entity", or its acronym "CE"); value from the record. Otherwise ``value`` is the text's
  display name (the matching victim, else the first victim); in a conflict too, since the
  prose names the main victim.
- records_affected, by the text's qualifier (t = text value, r = record value):
  ``exact`` agrees when |r - t| <= 1% of t, or <= 5% of t when t is a rounded figure
  ("4.5 million": at most 3 significant digits); ``about`` within 10%; ``over`` when
  0.99 t <= r <= 1.25 t ("over 15 million" ~ 15,000,000; "more than 71,000" ~ 71,335);
  ``under``/``up_to`` when 0.75 t <= r <= 1.01 t ("nearly 27 million" ~ 26,957,749).
  ``value``: the record's exact count when they agree, the text's count in a conflict
  (a feed is more often stale or wrong than the sentence that states the figure).
  A text count without a value ("tens of millions") counts as no text value.
- data_categories: agree when the two category sets overlap (the note lists what only one
  side has), conflict when they are disjoint; the note names record categories the text
  says were NOT exposed. ``value``: the union (text first) when they agree, the text's set
  in a conflict.
- date: the text dates are the resolved ``breach_dates`` (publication dates only when the
  record's date is itself a publication date; then ``doc._.breach_published`` stands in
  when the text states none). Two dates agree at the coarser precision ("2026-02" ~
  "2026-02-27"; "2018" ~ "2018-11"); a text range agrees when the record lies inside it.
  The check agrees when any text date agrees; the text date shown is the agreeing one, or
  else the preferred one: incident, then discovery, then disclosure, then the first other
  resolved date. ``value``: the more precise of two agreeing dates, the text's in a conflict.
  A record date that is a portal submission date (HHS "Breach Submission Date") is compared
  with the text's disclosure dates only: when no text date fits and the text states no
  disclosure date, the status is ``record_only`` (an incident date months earlier is no
  contradiction of a filing date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..docext import get_values, set_value
from ..orgnames import org_key, same_org
from ..textspans import doc_text
from .base import BreachComponent

_FIELDS = ("victim", "records_affected", "data_categories", "date")
_RECORD_FIELD = {
    "victim": "organization",
    "records_affected": "records_affected",
    "data_categories": "data_categories",
    "date": "date",
}


def _empty(v: Any) -> bool:
    return v is None or v == [] or v == ""


#: the Doc extensions the checks read (see DocView)
_READS = (
    "breach_records",
    "breach_victims",
    "breach_orgs",
    "breach_records_affected",
    "breach_data_types",
    "breach_dates",
    "breach_published",
)


@dataclass(slots=True)
class DocView:
    """What the checks read of a Doc, each ``doc._`` value read once (a ``doc._`` read costs
    more than most checks). Lists are ``[]`` where the Doc has None."""

    text: str
    records: list[dict[str, Any]]  #: doc._.breach_records
    victims: list[dict[str, Any]]  #: doc._.breach_victims
    orgs: list[dict[str, Any]]  #: doc._.breach_orgs
    records_affected: Any  #: doc._.breach_records_affected, as stored
    data_types: list[dict[str, Any]]  #: doc._.breach_data_types
    dates: list[dict[str, Any]]  #: doc._.breach_dates
    published: str | None  #: doc._.breach_published
    _prose_key: str | None = None

    @classmethod
    def of(cls, doc: Doc) -> "DocView":
        recs, victims, orgs, ra, dtypes, dates, published = get_values(doc, _READS)
        return cls(doc_text(doc), recs or [], victims or [], orgs or [], ra, dtypes or [], dates or [], published)

    @property
    def parsed_records(self) -> list[dict[str, Any]]:
        """The records that parsed (``raw`` set): the ones reconciled."""
        return [r for r in self.records if r.get("raw") is not None]

    def prose_key(self) -> str:
        """``" " + org_key(prose) + " "`` of the text outside the records (computed once)."""
        if self._prose_key is None:
            self._prose_key = " " + org_key(Reconcile._prose(self)) + " "
        return self._prose_key


def merge_records(records: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """One view of several records: (fields, provenance per field, disagreement notes).

    >>> recs = [{"format": "key_value", "fields": {"date": "2026-02", "records_affected": None}},
    ...         {"format": "python_dict", "fields": {"records_affected": 15000000}}]
    >>> merge_records(recs)[:2]
    ({'date': '2026-02', 'records_affected': 15000000}, {'date': 'record 1 (key_value)', 'records_affected': 'record 2 (python_dict)'})
    """
    fields: dict[str, Any] = {}
    source: dict[str, str] = {}
    notes: list[str] = []
    for i, rec in enumerate(records, 1):
        label = f"record {i} ({rec.get('format')})"
        for k, v in (rec.get("fields") or {}).items():
            if _empty(v):
                continue
            if k not in fields:
                fields[k] = v
                source[k] = label
            elif fields[k] != v and k in _RECORD_FIELD.values():
                notes.append(f"{label} gives {k} {v!r}, {source[k]} gives {fields[k]!r}")
    return fields, source, notes


class Reconcile(BreachComponent):
    data_files = ("reconcile.json",)

    def compile(self) -> None:
        assert self.data is not None
        tol = self.data["reconcile.json"]["count_tolerance"]
        self.tol = {k: (float(v[0]), float(v[1])) for k, v in tol.items() if not k.startswith("_")}
        conf = self.data["reconcile.json"]
        self.round_digits = int(conf["rounded_max_significant_digits"])
        self.round_tol = float(conf["rounded_exact_tolerance"])
        self.date_roles: list[str] = conf["text_date_role_order"]
        vm = conf["victim_match"]
        self.min_similarity = float(vm["min_similarity"])
        self.stem_chars = int(vm["stem_chars"])
        self.min_shared = int(vm["min_shared_words"])
        self.insignificant = frozenset(vm["insignificant_words"])
        self.single_min = int(vm["single_word_min_chars"])
        self.generic = frozenset(vm["generic_words"])
        self.not_head = self.generic | frozenset(vm["place_words"]) | self.insignificant
        self.head_min = int(vm["head_min_chars"])
        self.role_drop = frozenset(vm["role_reference"]["drop_words"])
        self.role_min_words = int(vm["role_reference"]["min_words"])

    def process(self, doc: Doc) -> Doc:
        view = DocView.of(doc)
        records = view.parsed_records
        rec, source, notes = merge_records(records)
        out: dict[str, Any] = {}
        checks = (self.check_victim, self.check_records_affected, self.check_data_categories, self.check_date)
        for field, check_field in zip(_FIELDS, checks):
            check = check_field(view, rec.get(_RECORD_FIELD[field]))
            prov = source.get(_RECORD_FIELD[field])
            extra = [n for n in notes if f" {_RECORD_FIELD[field]} " in n] if notes else None
            if prov and check["status"] != "text_only" and len(records) > 1:
                check["note"] = (check["note"] + "; " if check["note"] else "") + f"record value from {prov}"
            if extra:
                check["note"] = (check["note"] + "; " if check["note"] else "") + "; ".join(extra)
            out[field] = check
        set_value(doc, "breach_reconciliation", out)
        return doc

    # -- helpers ----------------------------------------------------------------------
    @staticmethod
    def _one_side(text: Any, record: Any, what: str) -> dict[str, Any] | None:
        if _empty(text) and _empty(record):
            return {"status": "absent", "text": None, "record": None, "value": None,
                    "note": f"neither the text nor a record gives the {what}"}
        if _empty(record):
            return {"status": "text_only", "text": text, "record": None, "value": text,
                    "note": "no embedded record gives it" if not _empty(text) else ""}
        if _empty(text):
            return {"status": "record_only", "text": None, "record": record, "value": record,
                    "note": f"the text does not state the {what}"}
        return None

    # -- victim -----------------------------------------------------------------------
    def check_victim(self, view: DocView, record: Any) -> dict[str, Any]:
        victims = [v for v in view.victims if v.get("name")]
        text = victims[0]["name"] if victims else None
        if text is None and not _empty(record):
            if self.named_in_prose(view, str(record)):
                return {"status": "agree", "text": record, "record": record, "value": record,
                        "note": "the text names the record's organization (no victim was recognized in it)"}
            role = self._role_of(view)
            said = None
            if role and self.named_in_prose(view, role):
                said = f"the {role}"
            elif role:
                acr = "".join(w[0] for w in role.split()).upper()
                if re.search(r"\b" + re.escape(acr) + r"\b", self._prose(view)):
                    said = f"the {acr}"
            if said:
                return {"status": "agree", "text": said, "record": record, "value": record,
                        "note": f"the text refers to it as '{said}' and names no other victim; value from the record"}
        one = self._one_side(text, record, "victim")
        if one:
            return one
        for v in victims:
            names = [v["name"], *(v.get("aliases") or []), v.get("text") or ""]
            if any(n and self.same_name(n, str(record)) for n in names):
                return {"status": "agree", "text": v["name"], "record": record, "value": v["name"],
                        "note": "same organization" if v["name"] != record else "same name"}
        for o in view.orgs:
            names = [o.get("name") or "", *(o.get("aliases") or []), o.get("text") or ""]
            if any(n and self.same_name(n, str(record)) for n in names):
                return {"status": "agree", "text": text, "record": record, "value": text,
                        "note": f"the text also names {o.get('name')!r} ({o.get('role')}); its first victim "
                        f"is {text!r}; value from the text"}
        if self.named_in_prose(view, str(record)):
            return {"status": "agree", "text": text, "record": record, "value": text,
                    "note": f"the text names {record!r} too; its first victim is {text!r}; value from the text"}
        return {"status": "conflict", "text": text, "record": record, "value": text,
                "note": f"the record names {record!r}, the text's victim is {text!r}; value from the text"}

    def same_name(self, a: str, b: str) -> bool:
        """``orgnames.same_org``, or nearly the same key, or the shorter name's significant
        words all in the longer one (see ``victim_match`` in ``patterns/reconcile.json``)."""
        if same_org(a, b):
            return True
        ka, kb = org_key(a), org_key(b)
        if not ka or not kb:
            return False
        if SequenceMatcher(None, ka, kb).ratio() >= self.min_similarity:
            return True
        wa = [w[: self.stem_chars] for w in ka.split() if w not in self.insignificant]
        wb = [w[: self.stem_chars] for w in kb.split() if w not in self.insignificant]
        short, long_ = sorted((wa, wb), key=len)
        if len(short) >= self.min_shared and set(short) <= set(long_):
            return True
        ha, hb = self._head(ka), self._head(kb)
        if ha and hb and (ha == hb or (min(len(ha), len(hb)) >= self.head_min and (ha.startswith(hb) or hb.startswith(ha)))):
            return True
        if len(short) == 1:
            word = min((ka, kb), key=len)
            return (
                " " not in word
                and len(word) >= self.single_min
                and word not in self.generic
                and word in max((ka, kb), key=len).split()
            )
        return False

    def _head(self, key: str) -> str | None:
        """First word of a name key that is not generic, a place word or insignificant."""
        for w in key.split():
            if w not in self.not_head and len(w) >= 2 and not w.isdigit():
                return w
        return None

    def _role_of(self, view: DocView) -> str | None:
        """The role noun of the record field that gave the organization ("covered entity")."""
        for r in view.records:
            f = r.get("fields") or {}
            if f.get("organization") and f.get("organization_field"):
                words = [w for w in f["organization_field"].split() if w not in self.role_drop]
                return " ".join(words) if len(words) >= self.role_min_words else None
        return None

    @staticmethod
    def named_in_prose(view: DocView, name: str) -> bool:
        """Whether the organization's comparison key occurs word for word in the prose."""
        key = org_key(name)
        if not key:
            return False
        return f" {key} " in view.prose_key()

    @staticmethod
    def _prose(view: DocView) -> str:
        """The text outside the embedded records (records replaced by a line break)."""
        text = view.text
        parts, pos = [], 0
        for s, e in sorted((r["start"], r["end"]) for r in view.records):
            parts.append(text[pos:s])
            pos = max(pos, e)
        parts.append(text[pos:])
        return "\n".join(parts)

    # -- counts -----------------------------------------------------------------------
    def count_agrees(self, t: int, r: int, qualifier: str) -> bool:
        """Whether record count ``r`` fits text count ``t`` stated with ``qualifier``."""
        if t <= 0:
            return r == t
        lo, hi = self.tol.get(qualifier, self.tol["exact"])
        if qualifier == "exact" and _sig_digits(t) <= self.round_digits:
            lo, hi = min(lo, 1 - self.round_tol), max(hi, 1 + self.round_tol)
        return lo * t <= r <= hi * t

    def check_records_affected(self, view: DocView, record: Any) -> dict[str, Any]:
        ra = view.records_affected or None
        t = ra.get("value") if isinstance(ra, dict) else None
        qual = (ra.get("qualifier") if isinstance(ra, dict) else None) or "exact"
        one = self._one_side(t, record, "number affected")
        if one:
            return one
        shown = (ra.get("text") or f"{t:,}") if isinstance(ra, dict) else f"{t:,}"
        if self.count_agrees(int(t), int(record), qual):
            note = f"{shown!r} ({qual}) fits the record's {int(record):,}; value from the record"
            return {"status": "agree", "text": t, "record": record, "value": record, "note": note}
        note = f"{shown!r} ({qual}) does not fit the record's {int(record):,}; value from the text"
        return {"status": "conflict", "text": t, "record": record, "value": t, "note": note}

    # -- data categories --------------------------------------------------------------
    def check_data_categories(self, view: DocView, record: Any) -> dict[str, Any]:
        text: list[str] = []
        negated: list[str] = []
        for d in view.data_types:
            cat = d.get("category")
            if not cat:
                continue
            bucket = negated if d.get("negated") else text
            if cat not in bucket:
                bucket.append(cat)
        rec = list(record or [])
        one = self._one_side(text, rec, "data categories")
        if one:
            return one
        neg_in_rec = [c for c in rec if c in negated and c not in text]
        neg_note = f"; the text says {', '.join(neg_in_rec)} data was NOT exposed" if neg_in_rec else ""
        common = [c for c in text if c in rec]
        if common:
            only_t = [c for c in text if c not in rec]
            only_r = [c for c in rec if c not in text]
            parts = [f"both: {', '.join(common)}"]
            if only_t:
                parts.append(f"text only: {', '.join(only_t)}")
            if only_r:
                parts.append(f"record only: {', '.join(only_r)}")
            value = text + only_r
            return {"status": "agree", "text": text, "record": rec, "value": value,
                    "note": "; ".join(parts) + neg_note}
        return {"status": "conflict", "text": text, "record": rec, "value": text,
                "note": f"no category in common (text: {', '.join(text)}; record: {', '.join(rec)})"
                + neg_note + "; value from the text"}

    # -- dates ------------------------------------------------------------------------
    def check_date(self, view: DocView, record: Any) -> dict[str, Any]:
        records = view.parsed_records
        role = None
        for r in records:
            if (r.get("fields") or {}).get("date") == record:
                role = r["fields"].get("date_role")
                break
        cands: list[dict[str, Any]] = []
        for d in view.dates:
            if not d.get("value"):
                continue
            if (d.get("role") == "publication") != (role == "publication"):
                continue
            cands.append(d)
        if role == "publication" and not cands and view.published:
            cands.append({"value": view.published, "role": "publication", "text": None})
        preferred = self._preferred(cands)
        text = preferred["value"] if preferred else None
        one = self._one_side(text, record, "date")
        if one:
            return one
        for d in [preferred] + [c for c in cands if c is not preferred]:
            if _date_agrees(d["value"], d.get("end_value"), str(record)):
                shown = d["value"]
                value = shown if len(shown) >= len(str(record)) else record
                said = f" ({d['text']!r}, {d.get('role')})" if d.get("text") else f" ({d.get('role')})"
                return {"status": "agree", "text": shown, "record": record, "value": value,
                        "note": f"text date {shown}{said} and record date {record} agree at the coarser precision"}
        if role == "submission" and not any(c.get("role") == "disclosure" for c in cands):
            return {"status": "record_only", "text": None, "record": record, "value": record,
                    "note": f"the record's date is a portal submission date; the text states no disclosure "
                    f"date to compare (its dates: {', '.join(c['value'] for c in cands)})"}
        return {"status": "conflict", "text": text, "record": record, "value": text,
                "note": f"no text date fits the record's {record} (text: {', '.join(c['value'] for c in cands)}); value from the text"}

    def _preferred(self, cands: list[dict[str, Any]]) -> dict[str, Any] | None:
        for role in self.date_roles:
            for d in cands:
                if d.get("role") == role:
                    return d
        return cands[0] if cands else None


def _sig_digits(n: int) -> int:
    """Significant digits of a positive integer (``4500000`` -> 2)."""
    s = str(abs(int(n))).rstrip("0")
    return max(1, len(s))


def _date_agrees(value: str, end_value: str | None, record: str) -> bool:
    """Agreement at the coarser precision; a range agrees with any date inside it.

    >>> _date_agrees("2026-02-27", None, "2026-02"), _date_agrees("2021", None, "2022-05-14")
    (True, False)
    >>> _date_agrees("2024-02-06", "2024-03-05", "2024-03")
    True
    """
    n = min(len(value), len(record))
    if value[:n] == record[:n]:
        return True
    if end_value:
        lo = value[: len(record)]
        hi = end_value[: len(record)]
        return lo <= record <= hi
    return False


@Language.factory(
    "breach_reconcile",
    assigns=["doc._.breach_reconciliation"],
    requires=["doc._.breach_records"],
)
def make_reconcile(nlp: Language, name: str) -> Reconcile:
    return Reconcile(nlp, name)
