"""CASIE as gold: reading ``annotation/*.json`` and a span-level score in CASIE's terms.

CASIE: Satyapanich, Ferraro, Finin, "CASIE: Extracting Cybersecurity Event Information from
Text", AAAI 2020. Each annotation file has ``content`` (the article), ``info.date``
("2018_11_09", used as the publication date) and ``cyberevent.hopper[].events[]`` with a
``subtype`` and ``argument[]`` (``role.type``, ``startOffset``, ``endOffset``, ``text``,
``type``).

Reading rules:

- Only documents with at least one ``Databreach`` event are kept, and only the arguments of
  Databreach events are used.
- Offsets: in most files ``content[startOffset:endOffset] == text``; in a few files (16 of
  the 650 dev files) every offset is shifted by one or two characters. A span whose offsets
  do not hold is re-anchored to the nearest occurrence of its text (within 60 characters
  first, then anywhere); a span whose text does not occur is dropped (counted in warnings).
- ``victims``: ``Victim`` arguments of type ``Organization`` that are named: a leading
  "the" is dropped, the rest must start with a capital or a digit, and a multi-word text
  whose only capital is its first letter ("Hotel brands") is taken as a generic noun
  phrase and dropped. A trailing "(ACRONYM)" becomes an alias; an unclosed parenthesis is
  cut. A span that includes a lower-case descriptor before the name ("UK payday loan firm
  Wonga") also gets the name after it as an alias ("Wonga"), not after a connector ("Bank
  of America"). Names that ``same_org`` groups together, or whose key ends with the other's
  ("Pakistan's real estate giant Zameen" ~ "Zameen"), form one gold entry. The key is set
  only when a named victim exists.
- ``record_counts``: ``Number-of-Victim`` and ``Number-of-Data`` texts parsed with
  ``numbers.parse_count``; vague ones ("thousands") are dropped. Set only when non-empty.
- ``data_categories``: categories of the ``Compromised-Data`` phrases by
  ``taxonomy.categorize``. Set only when some phrase maps to a category.
- ``casie_spans``: every Databreach argument span (role, start, end, text), deduplicated, for
  :func:`score_spans`; ``Time`` and ``Damage-Amount`` are scored there only.

Span-level score (``EvaluationReport.spans``), per CASIE role, for the roles we produce:
``Victim`` (all Victim arguments) and ``Victim:Organization`` <- our victims' mentions;
``Number-of-Victim/Number-of-Data`` (one role: we do not tell them apart) <- record counts;
``Compromised-Data`` <- non-negated data types; ``Time`` <- dates; ``Damage-Amount`` <- money.
A gold span is recalled when a prediction overlaps it (character overlap); a prediction is
correct when it overlaps a gold span of the role. recall = recalled gold / gold spans,
precision = correct predictions / predictions (``tp_pred``). CASIE annotates the arguments
of its events only, so predictions about other events count against precision.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..datevalues import parse_date_value
from ..errors import GoldFormatError
from ..numbers import parse_count
from ..orgnames import org_key, same_org
from ..schema import BreachReport
from ..taxonomy import categorize

SEARCH_WINDOW = 60
_PARENS = re.compile(r"^(?P<name>.+?)\s*\((?P<alias>[^()]{2,40})\)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_CONNECTORS = frozenset({"of", "and", "for", "the", "de", "du", "la", "at", "in", "on", "und", "y"})
_PRONOUN_KEYS = frozenset({"it", "its", "we", "us", "our", "they", "their", "he", "she"})
COUNT_ROLES = ("Number-of-Victim", "Number-of-Data")
NUMBER_ROLE = "Number-of-Victim/Number-of-Data"


def annotation_files(path: Path) -> list[Path]:
    """The annotation files of a CASIE folder (``annotation/`` inside it, or the folder itself)."""
    folder = path / "annotation" if (path / "annotation").is_dir() else path
    files = list(folder.glob("*.json"))
    if not files:
        raise GoldFormatError(f"{path}: no CASIE annotation files (annotation/*.json)")
    return sorted(files, key=lambda p: (0, int(p.stem), "") if p.stem.isdigit() else (1, 0, p.stem))


def anchor(content: str, start: Any, end: Any, text: str) -> tuple[int, int] | None:
    """Offsets of ``text`` in ``content``: the given ones when they hold, else the nearest occurrence."""
    if isinstance(start, int) and isinstance(end, int) and content[start:end] == text:
        return start, end
    if not text:
        return None
    s0 = start if isinstance(start, int) else 0
    lo = max(0, s0 - SEARCH_WINDOW)
    best: int | None = None
    for region_lo, region_hi in ((lo, s0 + SEARCH_WINDOW + len(text)), (0, len(content))):
        i = content.find(text, region_lo, region_hi)
        while i >= 0:
            if best is None or abs(i - s0) < abs(best - s0):
                best = i
            i = content.find(text, i + 1, region_hi)
        if best is not None:
            return best, best + len(text)
    return None


def victim_aliases(text: str) -> list[str] | None:
    """Aliases of a named victim text, or None when it is generic ("the company")."""
    t = _LEADING_THE.sub("", " ".join(text.split()))
    if not t or not (t[0].isupper() or t[0].isdigit()):
        return None
    words = t.split()
    if len(words) > 1 and not any(w[0].isupper() or w[0].isdigit() for w in words[1:]):
        return None
    if org_key(t) in _PRONOUN_KEYS or not org_key(t):
        return None
    if "(" in t and ")" not in t:  # span cut inside a parenthesis: "United Way (unitedwayhn.on.ca"
        t = t[: t.index("(")].rstrip()
    m = _PARENS.match(t)
    if m:
        return [m.group("name"), m.group("alias").strip()]
    tail = _descriptor_tail(t.split())
    return [t, tail] if tail else [t]


def _descriptor_tail(words: list[str]) -> str | None:
    """The name after a lower-case descriptor that the span includes: "UK payday loan firm
    Wonga" -> "Wonga", "Italian company Hacking Team" -> "Hacking Team"; not after a
    connector ("Bank of America", "Steak House and Bar")."""
    i = len(words)
    while i > 0 and (words[i - 1][0].isupper() or words[i - 1][0].isdigit()):
        i -= 1
    if i == 0 or i == len(words) or words[i - 1].lower() in _CONNECTORS or not words[i - 1].isalpha():
        return None
    return " ".join(words[i:])


def _appositive(a: str, b: str) -> bool:
    """"Pakistan's real estate giant Zameen" ~ "Zameen": one key ends with the other as whole words."""
    ka, kb = org_key(a), org_key(b)
    short, long_ = sorted((ka, kb), key=len)
    return bool(short) and long_.endswith(" " + short)


def _group_victims(names: list[list[str]]) -> list[list[str]]:
    groups: list[list[str]] = []
    for aliases in names:
        for g in groups:
            if any(same_org(a, b) or _appositive(a, b) for a in aliases for b in g):
                g.extend(a for a in aliases if a not in g)
                break
        else:
            groups.append(list(aliases))
    return groups


def load_annotation(path: Path) -> dict[str, Any]:
    """One annotation file as a dict with a ``content`` string (GoldFormatError otherwise)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}, line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except (OSError, UnicodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read ({exc})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("content"), str):
        raise GoldFormatError(f"{path}: not a CASIE annotation (no 'content' string)")
    return doc


def published_of(doc: dict[str, Any]) -> str | None:
    """``info.date`` ("2018_11_09") as an ISO day, or None."""
    date = (doc.get("info") or {}).get("date")
    parsed = parse_date_value(date) if isinstance(date, str) else None
    return parsed[0] if parsed and parsed[1] == "day" else None


def read_casie_file(path: Path, stats: dict[str, int]) -> dict[str, Any] | None:
    """One gold page from an annotation file, or None when it has no Databreach event."""
    doc = load_annotation(path)
    content: str = doc["content"]
    hoppers = (doc.get("cyberevent") or {}).get("hopper") or []
    events = [e for h in hoppers for e in (h.get("events") or []) if e.get("subtype") == "Databreach"]
    if not events:
        return None
    spans: dict[tuple[str, int, int], dict[str, Any]] = {}
    victims: list[list[str]] = []
    counts: list[int] = []
    cats: list[str] = []
    for ev in events:
        for arg in ev.get("argument") or []:
            role = (arg.get("role") or {}).get("type")
            text = arg.get("text") or ""
            if not role or not isinstance(text, str):
                continue
            pos = anchor(content, arg.get("startOffset"), arg.get("endOffset"), text)
            if pos is None:
                stats["dropped"] += 1
                continue
            if pos != (arg.get("startOffset"), arg.get("endOffset")):
                stats["realigned"] += 1
            stats["spans"] += 1
            spans.setdefault((role, *pos), {"role": role, "type": arg.get("type"), "start": pos[0], "end": pos[1], "text": text})
            if role == "Victim" and arg.get("type") == "Organization":
                aliases = victim_aliases(text)
                if aliases:
                    victims.append(aliases)
            elif role in COUNT_ROLES:
                n = parse_count(text)
                if n is not None and n not in counts:
                    counts.append(n)
            elif role == "Compromised-Data":
                for _, cat in categorize(text):
                    if cat not in cats:
                        cats.append(cat)
    gold: dict[str, Any] = {}
    if victims:
        gold["victims"] = _group_victims(victims)
    if counts:
        gold["record_counts"] = counts
    if cats:
        gold["data_categories"] = cats
    return {
        "id": f"casie:{path.stem}",
        "text": content,
        "published": published_of(doc),
        "gold": gold,
        "casie_spans": sorted(spans.values(), key=lambda s: (s["start"], s["end"], s["role"])),
    }


def read_casie(path: str | Path, limit: int | None = None, warnings: list[str] | None = None) -> list[dict[str, Any]]:
    """Gold pages of the Databreach documents of a CASIE folder (at most ``limit``)."""
    stats = {"files": 0, "spans": 0, "realigned": 0, "dropped": 0}
    pages = []
    for f in annotation_files(Path(path)):
        if limit is not None and len(pages) >= limit:
            break
        stats["files"] += 1
        page = read_casie_file(f, stats)
        if page is not None:
            pages.append(page)
    if not pages:
        raise GoldFormatError(f"{path}: no CASIE document with a Databreach event")
    if warnings is not None:
        warnings.append(
            f"CASIE: {len(pages)} Databreach documents of {stats['files']} read; {stats['spans']} argument "
            f"spans, {stats['realigned']} re-anchored (offsets off), {stats['dropped']} dropped (text not found)"
        )
    return pages


def predicted_spans(report: BreachReport) -> dict[str, list[tuple[int, int]]]:
    """Our mentions by the CASIE role they stand for."""
    victims = {(o.start, o.end) for o in report.victims}
    victims |= {(o.start, o.end) for o in report.organizations if o.role == "victim"}
    return {
        "Victim": sorted(victims),
        "Victim:Organization": sorted(victims),
        NUMBER_ROLE: [(c.start, c.end) for c in report.record_counts],
        "Compromised-Data": [(d.start, d.end) for d in report.data_types if not d.negated],
        "Time": [(d.start, d.end) for d in report.dates],
        "Damage-Amount": [(m.start, m.end) for m in report.money],
    }


def _gold_spans(spans: list[dict[str, Any]], role: str) -> list[dict[str, Any]]:
    if role == "Victim:Organization":
        return [s for s in spans if s["role"] == "Victim" and s.get("type") == "Organization"]
    if role == NUMBER_ROLE:
        return [s for s in spans if s["role"] in COUNT_ROLES]
    return [s for s in spans if s["role"] == role]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1] or a == b


def score_spans(sc: Any, page: dict[str, Any], report: BreachReport) -> None:
    """Add one page's span-overlap counts per role to ``sc`` (a ``scoring.Scorer``)."""
    pid, text = page["id"], page["text"]
    for role, pred in predicted_spans(report).items():
        gold = _gold_spans(page["casie_spans"], role)
        g_pos = [(s["start"], s["end"]) for s in gold]
        hit_gold = [g for g in g_pos if any(_overlaps(g, p) for p in pred)]
        hit_pred = [p for p in pred if any(_overlaps(p, g) for g in g_pos)]
        sc.spans(
            role, pid, len(hit_gold), len(g_pos), len(hit_pred), len(pred),
            predicted=[text[p[0]:p[1]] for p in pred if p not in hit_pred][:5],
            gold=[text[g[0]:g[1]] for g in g_pos if g not in hit_gold][:5],
            note="predicted = predictions overlapping no gold span, gold = gold spans not found",
        )
