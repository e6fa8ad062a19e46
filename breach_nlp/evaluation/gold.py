"""Reading gold pages (the JSONL format of CONTRACT.md) and checking their shape.

A page is ``{"id", "text", "published", "gold": {...}}``; every ``gold`` key is optional.
Values are checked and normalized here so the scorer can trust them:

- ``victims``: a list whose items are a name or a list of aliases -> list of alias lists.
- ``other_orgs`` (dev pages): list of ``{"name", "role"}``.
- ``records_affected``, ``records_affected_approx``: int or null.
- ``record_counts``: list of ints.
- ``data_categories``, ``data_categories_recall``, ``negated_data_categories``: lists of
  category codes (lower-cased).
- ``dates``: list of ``{"value": "YYYY[-MM[-DD]]" or null, "role", "text"}``; ``date_any``: an
  ISO value at any precision.
- ``money``: list of ``{"amount", "currency", "kind", "text"}``.
- ``embedded``: an object (mapped fields) or null; ``reconciliation``: field -> status.

A malformed line or value raises :class:`~breach_nlp.errors.GoldFormatError` naming the file
and line. Keys outside this list are not errors: they are counted (``unknown_keys``) and the
report prints them; so are values outside the contract's vocabularies (a category, role or
status), counted as ``gold.<key>=<value>``. Page-level keys ``source`` and ``record`` (the real-dev tables) and
``casie_spans`` (the CASIE reader) are known.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import BreachNLPError, GoldFormatError
from ..schema import CATEGORIES, CHECK_STATUSES, DATE_ROLES, ORG_ROLES, RECONCILED_FIELDS

GOLD_KEYS = frozenset(
    """victims other_orgs records_affected records_affected_approx record_counts data_categories
    data_categories_recall negated_data_categories dates date_any money embedded reconciliation""".split()
)
PAGE_KEYS = frozenset({"id", "text", "published", "gold", "source", "record", "casie_spans"})
_ISO_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


class _Bad(Exception):
    """A value problem inside a page; turned into a GoldFormatError with file and line."""


def _int_or_none(v: Any, key: str) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v != v or v < 0:
        raise _Bad(f"{key} must be a non-negative integer or null, got {v!r}")
    return int(v)


def _list(v: Any, key: str) -> list:
    if not isinstance(v, list):
        raise _Bad(f"{key} must be a list, got {type(v).__name__}")
    return v


def _str_list(v: Any, key: str) -> list[str]:
    out = []
    for x in _list(v, key):
        if not isinstance(x, str):
            raise _Bad(f"{key} must hold strings, got {x!r}")
        out.append(x.strip().lower())
    return out


def _iso(v: Any, key: str, *, nullable: bool) -> str | None:
    if v is None and nullable:
        return None
    if not isinstance(v, str) or not _ISO_VALUE.match(v.strip()):
        raise _Bad(f"{key} must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD, got {v!r}")
    return v.strip()


def _vocab(unknown: Counter, key: str, values: Iterable[Any], allowed: Iterable[str]) -> None:
    """Count values outside the contract's vocabulary as ``key=value`` (reported, not fatal)."""
    for v in values:
        if v is not None and v not in allowed:
            unknown[f"{key}={v}"] += 1


def normalize_gold(gold: Any, unknown: Counter) -> dict[str, Any]:
    """Checked, normalized copy of one page's ``gold`` object (unknown keys counted, kept out)."""
    if not isinstance(gold, dict):
        raise _Bad(f"'gold' must be an object, got {type(gold).__name__}")
    out: dict[str, Any] = {}
    for key, v in gold.items():
        if key not in GOLD_KEYS:
            unknown[f"gold.{key}"] += 1
            continue
        if key == "victims":
            entries = []
            for item in _list(v, key):
                aliases = [item] if isinstance(item, str) else item
                if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                    raise _Bad(f"victims items must be a name or a list of names, got {item!r}")
                aliases = [a.strip() for a in aliases if a.strip()]
                if aliases:
                    entries.append(aliases)
            out[key] = entries
        elif key == "other_orgs":
            orgs = []
            for o in _list(v, key):
                if not isinstance(o, dict) or not isinstance(o.get("name"), str):
                    raise _Bad(f"other_orgs items must be objects with a 'name', got {o!r}")
                orgs.append({"name": o["name"], "role": str(o.get("role") or "other")})
            _vocab(unknown, "gold.other_orgs.role", (o["role"] for o in orgs), ORG_ROLES)
            out[key] = orgs
        elif key in ("records_affected", "records_affected_approx"):
            out[key] = _int_or_none(v, key)
        elif key == "record_counts":
            out[key] = [_int_or_none(x, key) for x in _list(v, key) if x is not None]
        elif key in ("data_categories", "data_categories_recall", "negated_data_categories"):
            out[key] = _str_list(v, key)
            _vocab(unknown, f"gold.{key}", out[key], CATEGORIES)
        elif key == "dates":
            dates = []
            for d in _list(v, key):
                if not isinstance(d, dict) or "value" not in d:
                    raise _Bad(f"dates items must be objects with a 'value', got {d!r}")
                dates.append(
                    {
                        "value": _iso(d["value"], "dates.value", nullable=True),
                        "role": d.get("role"),
                        "text": d.get("text") if isinstance(d.get("text"), str) else None,
                    }
                )
            _vocab(unknown, "gold.dates.role", (d["role"] for d in dates), DATE_ROLES)
            out[key] = dates
        elif key == "date_any":
            out[key] = _iso(v, key, nullable=True)
        elif key == "money":
            money = []
            for m in _list(v, key):
                amt = m.get("amount") if isinstance(m, dict) else None
                if isinstance(amt, bool) or not isinstance(amt, (int, float)):
                    raise _Bad(f"money items must be objects with a numeric 'amount', got {m!r}")
                cur = m.get("currency")
                money.append(
                    {
                        "amount": amt,
                        "currency": cur.upper() if isinstance(cur, str) else None,
                        "kind": m.get("kind"),
                        "text": m.get("text"),
                    }
                )
            out[key] = money
        elif key == "embedded":
            if v is not None and not isinstance(v, dict):
                raise _Bad(f"embedded must be an object or null, got {type(v).__name__}")
            out[key] = v
        elif key == "reconciliation":
            if not isinstance(v, dict) or not all(isinstance(s, str) for s in v.values()):
                raise _Bad(f"reconciliation must map field names to status strings, got {v!r}")
            _vocab(unknown, "gold.reconciliation", v.keys(), RECONCILED_FIELDS)
            _vocab(unknown, "gold.reconciliation.status", v.values(), CHECK_STATUSES)
            out[key] = dict(v)
    return out


def normalize_page(page: Any, loc: str, default_id: str, unknown: Counter) -> dict[str, Any]:
    """One checked page; ``loc`` ("FILE, line N") starts every error message."""
    try:
        if not isinstance(page, dict):
            raise _Bad(f"a gold page must be a JSON object, got {type(page).__name__}")
        text = page.get("text")
        if not isinstance(text, str):
            raise _Bad("the page has no 'text' string")
        for key in page:
            if key not in PAGE_KEYS:
                unknown[f"page.{key}"] += 1
        published = page.get("published")
        if published is not None:
            from ..api import normalize_published

            try:
                published = normalize_published(published)
            except BreachNLPError as exc:
                raise _Bad(str(exc)) from None
        pid = page.get("id")
        out = {
            "id": str(pid) if pid is not None else default_id,
            "text": text,
            "published": published,
            "gold": normalize_gold(page.get("gold", {}), unknown),
        }
        if "casie_spans" in page:
            out["casie_spans"] = page["casie_spans"]
        return out
    except _Bad as exc:
        raise GoldFormatError(f"{loc}: {exc}") from None


def iter_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object) of each non-blank line; GoldFormatError names file and line."""
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise GoldFormatError(f"cannot read {path}: {exc.strerror or exc}") from None
    with fh:
        lineno = 0
        while True:
            try:
                line = fh.readline()
            except UnicodeDecodeError as exc:
                raise GoldFormatError(f"{path}, line {lineno + 1}: not UTF-8 ({exc.reason})") from None
            if not line:
                return
            lineno += 1
            if not line.strip():
                continue
            try:
                yield lineno, json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{path}, line {lineno}: not valid JSON ({exc.msg}, column {exc.colno})") from None


def read_pages(path: str | Path, unknown: Counter, limit: int | None = None) -> list[dict[str, Any]]:
    """Checked pages of a gold JSONL file (blank lines skipped)."""
    path = Path(path)
    pages: list[dict[str, Any]] = []
    for lineno, obj in iter_jsonl(path):
        if limit is not None and len(pages) >= limit:
            break
        pages.append(normalize_page(obj, f"{path}, line {lineno}", f"{path.name}:{lineno}", unknown))
    if not pages:
        raise GoldFormatError(f"{path}: no gold pages (the file is empty)")
    return pages


def iter_examples(items: Iterable[Any], unknown: Counter, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Checked pages from an iterable of page dicts (errors name the item number, from 1)."""
    for i, item in enumerate(items, 1):
        if limit is not None and i > limit:
            break
        yield normalize_page(item, f"gold example {i}", f"example:{i}", unknown)
