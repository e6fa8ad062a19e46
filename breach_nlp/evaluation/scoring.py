"""Scoring a :class:`~breach_nlp.schema.BreachReport` against gold pages, field by field.

Only the gold keys present on a page are scored on that page; counts are summed over the
corpus (micro averages). Zero denominators give ``None``, never an exception (see
``evaluation.model``). Matching of lists is one-to-one and maximal (``match_items``): as
many gold items as possible are paired with a prediction that matches them, each preferring
its best candidate; unmatched gold items are false negatives, unmatched predictions false
positives.

Matching rules, by field (the field names of the report):

``victims`` (P/R/F1)
    A gold entry is a list of aliases. A predicted victim (its ``name`` or any of its
    ``aliases``) matches an entry when ``orgnames.same_org`` holds against any alias (case,
    accents, punctuation, possessives, a leading "the" and legal suffixes are normalized
    away; a whole-word prefix or an acronym also matches). A second prediction of an entry
    already matched is a false positive: merging duplicates is the extractor's job.
``victim_top1`` (accuracy)
    The first predicted victim matches some gold entry (pages with at least one gold victim).
``victim_role_violations`` (violations; dev pages' ``other_orgs``)
    A page violates when a predicted victim matches an ``other_orgs`` entry whose role is
    ``regulator``, ``source`` or ``attacker`` and matches no gold victim.
``other_org_roles`` (accuracy)
    For each ``other_orgs`` entry found among ``organizations`` (same_org), the predicted role
    equals the gold role. Entries not found are not counted (``other_orgs`` is not exhaustive).
``records_affected`` (accuracy)
    Exact integer equality; a null gold requires a null prediction (none, or a vague count).
``records_affected_approx`` (accuracy)
    ``|predicted - gold| <= 10%`` of gold; a null gold requires a null prediction.
``record_counts`` (P/R/F1)
    Sets of distinct values (vague counts without a value are left out); a gold value matches
    a predicted one within 1% of the gold value.
``data_categories`` (P/R/F1)
    Set of categories of the non-negated predicted data types against the gold set.
``data_categories_recall`` (recall)
    The same sets, recall only: categories beyond the gold are not errors.
``negated_data_categories`` (P/R/F1)
    ``BreachReport.negated_categories``: categories of data types flagged ``negated`` that no
    non-negated data type exposes (a category is negated only when nothing of it is exposed).
``negation_conflicts`` (violations)
    A page violates when a category the gold says was NOT exposed (and does not also list as
    exposed) is predicted as exposed.
``dates`` (P/R/F1)
    A gold date with a value matches a prediction whose value, truncated to the gold's
    precision (YYYY, YYYY-MM or YYYY-MM-DD), equals it; a prediction coarser than the gold
    does not match. Candidates whose text equals the gold text, then with the same value, then
    whose role agrees, are preferred. A gold date with a null value matches an unresolved prediction (null value)
    with the same text (case-insensitive).
``date_roles`` (accuracy)
    On the matched date pairs: predicted role equals gold role.
``date_any`` (accuracy)
    Some predicted date (value, or the range value..end_value) equals the gold value or lies
    within it, both compared at the coarser of the two precisions.
``money`` (P/R/F1)
    Amount within 1% of the gold amount and the same currency (a gold without currency
    accepts any). ``money_kinds`` (accuracy): kind agrees on the matched pairs.
``embedded`` (P/R/F1, page level)
    A page whose gold ``embedded`` is an object is a positive: true positive when the report
    has at least one embedded record. A null gold with a predicted record is a false positive.
``embedded.<field>`` (accuracy)
    For each mapped field in a positive gold object (``format``, ``organization``,
    ``records_affected``, ``data_categories``, ``date`` and any other), compare with the
    predicted record that agrees best: organization by same_org, categories as sets,
    the rest by equality (dates and strings case-insensitively). No predicted record = wrong.
``reconciliation`` and ``reconciliation.<field>`` (accuracy)
    ``report.reconciliation[field].status`` equals the gold status; a missing check is wrong.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import GoldFormatError
from ..orgnames import same_org
from ..schema import BreachReport
from .model import ErrorItem, EvaluationReport, FieldScore, prf, ratio

#: Roles of ``other_orgs`` that must never be listed as victims.
NON_VICTIM_ROLES = frozenset({"regulator", "source", "attacker"})
COUNT_TOLERANCE = 0.01
APPROX_TOLERANCE = 0.10
MONEY_TOLERANCE = 0.01
PROGRESS_MIN_PAGES = 200
MAX_FAILURE_WARNINGS = 20

#: Display order of the fields (``embedded.*`` and ``reconciliation.*`` follow their parent).
FIELD_ORDER = (
    "victims", "victim_top1", "victim_role_violations", "other_org_roles", "records_affected",
    "records_affected_approx", "record_counts", "data_categories", "data_categories_recall",
    "negated_data_categories", "negation_conflicts", "dates", "date_roles", "date_any", "money",
    "money_kinds", "embedded", "reconciliation",
    "Victim", "Victim:Organization", "Number-of-Victim/Number-of-Data", "Compromised-Data", "Time", "Damage-Amount",
)

Predict = Callable[[dict[str, Any]], BreachReport]


class Scorer:
    """Accumulates per-field counts and errors over pages."""

    def __init__(self, max_errors: int = 50) -> None:
        self.max_errors = max_errors
        self.fields: dict[str, FieldScore] = {}
        self._page_no = 0  # page ids may repeat (e.g. HHS rows), so pages are counted by number
        self._last_page: dict[str, int] = {}

    def next_page(self) -> None:
        """Call before scoring each page."""
        self._page_no += 1

    def _field(self, name: str, kind: str, page: str) -> FieldScore:
        f = self.fields.get(name)
        if f is None:
            f = self.fields[name] = FieldScore(kind=kind)  # type: ignore[arg-type]
        if self._last_page.get(name) != self._page_no:
            self._last_page[name] = self._page_no
            f.pages += 1
        return f

    def _error(self, f: FieldScore, page: str, predicted: Any, gold: Any, note: str = "") -> None:
        f.n_errors += 1
        if len(f.errors) < self.max_errors:
            f.errors.append(ErrorItem(page=page, predicted=predicted, gold=gold, note=note))

    def prf(self, name: str, page: str, tp: int, fp: int, fn: int, predicted: Any = None,
            gold: Any = None, note: str = "", kind: str = "prf") -> None:
        f = self._field(name, kind, page)
        f.tp += tp
        f.fp += fp if kind == "prf" else 0
        f.fn += fn
        if fn or (fp and kind == "prf"):
            self._error(f, page, predicted, gold, note)

    def spans(self, name: str, page: str, hit_gold: int, n_gold: int, hit_pred: int, n_pred: int,
              predicted: Any = None, gold: Any = None, note: str = "") -> None:
        """Span-overlap counts: recall numerator ``hit_gold``, precision numerator ``hit_pred``."""
        f = self._field(name, "prf", page)
        f.tp += hit_gold
        f.tp_pred = (f.tp_pred or 0) + hit_pred
        f.fn += n_gold - hit_gold
        f.fp += n_pred - hit_pred
        if hit_gold < n_gold or hit_pred < n_pred:
            self._error(f, page, predicted, gold, note)

    def accuracy(self, name: str, page: str, ok: bool, predicted: Any = None, gold: Any = None,
                 note: str = "", kind: str = "accuracy") -> None:
        f = self._field(name, kind, page)
        f.total += 1
        if ok:
            f.correct += 1
        else:
            self._error(f, page, predicted, gold, note)

    def finish(self) -> dict[str, FieldScore]:
        """Compute the ratios; fields in FIELD_ORDER order (sub-fields and others as first seen)."""
        rank = {name: i for i, name in enumerate(FIELD_ORDER)}
        self.fields = dict(sorted(self.fields.items(), key=lambda kv: rank.get(kv[0].split(".")[0], len(rank))))
        for f in self.fields.values():
            if f.kind in ("prf", "recall"):
                f.precision, f.recall, f.f1 = prf(f.tp, f.fp, f.fn, f.tp_pred)
                if f.kind == "recall":
                    f.precision = f.f1 = None
            else:
                f.accuracy = ratio(f.correct, f.total)
        return self.fields


# ---------------------------------------------------------------- matching helpers


def match_items(gold: list, pred: list, match: Callable[[Any, Any], bool],
                prefer: Callable[[Any, Any], int] | None = None) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """One-to-one maximum matching: (pairs, unmatched gold idx, unmatched pred idx).

    Gold items are placed in order, each trying its candidates best ``prefer(g, p)`` first (ties
    in prediction order) and moving an earlier gold item to another candidate when that frees
    one (augmenting paths), so no gold item is left out because an earlier one took its only match.
    """
    cands = []
    for g in gold:
        c = [pi for pi, p in enumerate(pred) if match(g, p)]
        if prefer is not None:
            c.sort(key=lambda pi: -prefer(g, pred[pi]))
        cands.append(c)
    owner: dict[int, int] = {}  # pred idx -> gold idx

    def place(gi: int, seen: set[int]) -> bool:
        for pi in cands[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or place(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    placed = {gi for gi in range(len(gold)) if cands[gi] and place(gi, set())}
    pairs = sorted((gi, pi) for pi, gi in owner.items())
    return pairs, [gi for gi in range(len(gold)) if gi not in placed], [pi for pi in range(len(pred)) if pi not in owner]


def org_matches(names: list[str], aliases: list[str]) -> bool:
    """Any predicted name matches any gold alias (``orgnames.same_org``)."""
    return any(same_org(n, a) for n in names for a in aliases)


def _names(org: Any) -> list[str]:
    return [org.name, *getattr(org, "aliases", [])]


def within(pred: float, gold: float, tol: float) -> bool:
    return abs(pred - gold) <= tol * abs(gold)


def date_within(pred: str | None, gold: str, end: str | None = None) -> bool:
    """``date_any``: pred (or the range pred..end) equals / lies within gold at the coarser precision."""
    if not pred:
        return False
    k = min(len(pred), len(gold))
    if end and len(end) >= 4:
        k2 = min(k, len(end))
        return pred[:k2] <= gold[:k2] <= end[:k2]
    return pred[:k] == gold[:k]


def _money(amount: float, currency: str | None) -> str:
    return f"{amount:,.0f} {currency}" if float(amount).is_integer() else f"{amount:,} {currency}"


def _short(v: Any, limit: int = 5) -> Any:
    if isinstance(v, list) and len(v) > limit:
        return [*v[:limit], f"... {len(v) - limit} more"]
    return v


# ---------------------------------------------------------------- per page


def score_page(sc: Scorer, page: dict[str, Any], report: BreachReport) -> None:
    """Add one page's counts for every gold key it has."""
    pid, g = page["id"], page["gold"]

    victims = list(report.victims)
    if "victims" in g:
        gv = g["victims"]
        pairs, missed, extra = match_items(gv, victims, lambda a, p: org_matches(_names(p), a))
        sc.prf("victims", pid, len(pairs), len(extra), len(missed),
               predicted=[v.name for v in victims], gold=[a[0] for a in gv])
        if gv:
            top = victims[0].name if victims else None
            ok = bool(victims) and any(org_matches(_names(victims[0]), a) for a in gv)
            sc.accuracy("victim_top1", pid, ok, predicted=top, gold=[a[0] for a in gv])

    if "other_orgs" in g:
        gv = g.get("victims", [])
        bad = [
            (v.name, o["name"], o["role"])
            for v in victims
            for o in g["other_orgs"]
            if o["role"] in NON_VICTIM_ROLES
            and org_matches(_names(v), [o["name"]])
            and not any(org_matches(_names(v), a) for a in gv)
        ]
        sc.accuracy("victim_role_violations", pid, not bad, predicted=[b[0] for b in bad],
                    gold=[f"{b[1]} ({b[2]})" for b in bad], note="listed as victim", kind="violations")
        for o in g["other_orgs"]:
            found = [x for x in report.organizations if org_matches(_names(x), [o["name"]])]
            if found:
                sc.accuracy("other_org_roles", pid, found[0].role == o["role"],
                            predicted=f"{found[0].name}: {found[0].role}", gold=f"{o['name']}: {o['role']}")

    ra = report.records_affected.value if report.records_affected is not None else None
    if "records_affected" in g:
        gold_v = g["records_affected"]
        sc.accuracy("records_affected", pid, ra == gold_v, predicted=ra, gold=gold_v)
    if "records_affected_approx" in g:
        gold_v = g["records_affected_approx"]
        ok = (ra is None) if gold_v is None else (ra is not None and within(ra, gold_v, APPROX_TOLERANCE))
        sc.accuracy("records_affected_approx", pid, ok, predicted=ra, gold=gold_v)

    if "record_counts" in g:
        gold_c = sorted(set(g["record_counts"]), reverse=True)
        pred_c = sorted({c.value for c in report.record_counts if c.value is not None}, reverse=True)
        pairs, missed, extra = match_items(gold_c, pred_c, lambda a, b: within(b, a, COUNT_TOLERANCE))
        sc.prf("record_counts", pid, len(pairs), len(extra), len(missed),
               predicted=_short([pred_c[i] for i in extra]), gold=_short([gold_c[i] for i in missed]),
               note="predicted = unmatched predictions, gold = missed gold")

    exposed = set(report.data_categories)
    if "data_categories" in g:
        gold_s = set(g["data_categories"])
        sc.prf("data_categories", pid, len(gold_s & exposed), len(exposed - gold_s), len(gold_s - exposed),
               predicted=sorted(exposed), gold=sorted(gold_s))
    if "data_categories_recall" in g:
        gold_s = set(g["data_categories_recall"])
        sc.prf("data_categories_recall", pid, len(gold_s & exposed), 0, len(gold_s - exposed),
               predicted=sorted(exposed), gold=sorted(gold_s), kind="recall")
    if "negated_data_categories" in g:
        gold_n = set(g["negated_data_categories"])
        pred_n = set(report.negated_categories)
        sc.prf("negated_data_categories", pid, len(gold_n & pred_n), len(pred_n - gold_n), len(gold_n - pred_n),
               predicted=sorted(pred_n), gold=sorted(gold_n))
        wrong = sorted((gold_n - set(g.get("data_categories", []))) & exposed)
        sc.accuracy("negation_conflicts", pid, not wrong, predicted=wrong, gold=sorted(gold_n),
                    note="gold-negated category predicted as exposed", kind="violations")

    if "dates" in g:
        _score_dates(sc, pid, g["dates"], report)
    if "date_any" in g and g["date_any"] is not None:
        gold_v = g["date_any"]
        ok = any(date_within(d.value, gold_v, d.end_value) for d in report.dates)
        sc.accuracy("date_any", pid, ok, predicted=_short([d.value for d in report.dates]), gold=gold_v)

    if "money" in g:
        gm = g["money"]
        pm = report.money
        pairs, missed, extra = match_items(
            gm, pm,
            lambda a, p: within(p.amount, a["amount"], MONEY_TOLERANCE)
            and (a["currency"] is None or (p.currency or "").upper() == a["currency"]),
        )
        sc.prf("money", pid, len(pairs), len(extra), len(missed),
               predicted=_short([_money(pm[i].amount, pm[i].currency) for i in extra]),
               gold=_short([_money(gm[i]["amount"], gm[i]["currency"]) for i in missed]),
               note="predicted = unmatched predictions, gold = missed gold")
        for gi, pi in pairs:
            if gm[gi].get("kind"):
                sc.accuracy("money_kinds", pid, pm[pi].kind == gm[gi]["kind"],
                            predicted=f"{pm[pi].text}: {pm[pi].kind}", gold=gm[gi]["kind"])

    if "embedded" in g:
        _score_embedded(sc, pid, g["embedded"], report)

    if "reconciliation" in g:
        for fld, status in g["reconciliation"].items():
            chk = report.reconciliation.get(fld)
            got = chk.status if chk is not None else None
            note = chk.note if chk is not None else "no check"
            sc.accuracy("reconciliation", pid, got == status, predicted=f"{fld}: {got}", gold=f"{fld}: {status}", note=note)
            sc.accuracy(f"reconciliation.{fld}", pid, got == status, predicted=got, gold=status, note=note)


def _score_dates(sc: Scorer, pid: str, gd: list[dict], report: BreachReport) -> None:
    pd = report.dates

    def match(a: dict, p: Any) -> bool:
        if a["value"] is None:
            return p.value is None and bool(a["text"]) and p.text.lower() == a["text"].lower()
        return p.value is not None and len(p.value) >= len(a["value"]) and p.value[: len(a["value"])] == a["value"]

    def prefer(a: dict, p: Any) -> int:
        same_text = bool(a["text"]) and p.text.lower() == a["text"].lower()
        return 4 * same_text + 2 * (p.value == a["value"]) + (p.role == a["role"])

    pairs, missed, extra = match_items(gd, pd, match, prefer)
    sc.prf("dates", pid, len(pairs), len(extra), len(missed),
           predicted=_short([f"{pd[i].text!r}={pd[i].value}" for i in extra]),
           gold=_short([f"{gd[i]['text']!r}={gd[i]['value']}" for i in missed]),
           note="predicted = unmatched predictions, gold = missed gold")
    for gi, pi in pairs:
        if gd[gi]["role"]:
            sc.accuracy("date_roles", pid, pd[pi].role == gd[gi]["role"],
                        predicted=f"{pd[pi].text!r}: {pd[pi].role}", gold=gd[gi]["role"])


def _field_ok(key: str, pred: Any, gold: Any) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if key == "organization":
        return isinstance(pred, str) and isinstance(gold, str) and same_org(pred, gold)
    if key == "data_categories" and isinstance(gold, list) and isinstance(pred, list):
        return {str(x).lower() for x in gold} == {str(x).lower() for x in pred}
    if isinstance(gold, str) and isinstance(pred, str):
        return pred.strip().lower() == gold.strip().lower()
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)) and not isinstance(pred, bool):
        return pred == gold
    return pred == gold


def _score_embedded(sc: Scorer, pid: str, ge: dict | None, report: BreachReport) -> None:
    recs = report.embedded_records
    if ge is None:
        sc.prf("embedded", pid, 0, int(bool(recs)), 0, predicted=[r.format for r in recs], gold=None)
        return
    sc.prf("embedded", pid, int(bool(recs)), 0, int(not recs), predicted=[r.format for r in recs], gold=ge.get("format", "a record"))

    def got(rec: Any, key: str) -> Any:
        return rec.format if key == "format" else rec.fields.get(key)

    best = max(recs, key=lambda r: sum(_field_ok(k, got(r, k), v) for k, v in ge.items()), default=None)
    for key, gold_v in ge.items():
        pred_v = got(best, key) if best is not None else None
        ok = best is not None and _field_ok(key, pred_v, gold_v)
        sc.accuracy(f"embedded.{key}", pid, ok, predicted=pred_v if best is not None else "(no record)", gold=gold_v)


# ---------------------------------------------------------------- the loop


def _default_predictions(pages: list[dict[str, Any]], published: Any, warnings: list[str],
                         batch_size: int = 64) -> Iterator[BreachReport]:
    """``extract_many`` over ``(text, published)``; if it raises, the remaining pages go one by
    one through ``extract`` and a page that still fails is scored as an empty report (warned)."""
    from ..api import extract, extract_many, load, normalize_published

    default = normalize_published(published)
    load()  # a pipeline that cannot load is an error, not a page failure
    done = 0
    try:
        for rep in extract_many(((p["text"], p["published"] or default) for p in pages), batch_size=batch_size):
            done += 1
            yield rep
        return
    except Exception as exc:  # noqa: BLE001 - a crashing component must not stop the evaluation
        warnings.append(f"extract_many failed after {done} pages ({type(exc).__name__}: {exc}); going page by page")
    failed = 0
    for p in pages[done:]:
        try:
            yield extract(p["text"], published=p["published"] or default)
        except Exception as exc:  # noqa: BLE001
            failed += 1
            if failed <= MAX_FAILURE_WARNINGS:
                warnings.append(f"page {p['id']}: extraction failed ({type(exc).__name__}: {exc}); scored as empty")
            yield BreachReport()
    if failed > MAX_FAILURE_WARNINGS:
        warnings.append(f"extraction failed on {failed} pages in all; each scored as an empty report")


def _progress(items: Iterable[Any], total: int, enabled: bool, label: str = "evaluating") -> Iterator[Any]:
    """Yield items; on a TTY stderr with enough pages, redraw 'label n/total' about 5 times a second."""
    show = enabled and total >= PROGRESS_MIN_PAGES and sys.stderr.isatty()
    last = 0.0
    n = 0
    for n, item in enumerate(items, 1):
        if show and (time.monotonic() - last > 0.2 or n == total):
            last = time.monotonic()
            sys.stderr.write(f"\r{label}: {n}/{total} pages")
            sys.stderr.flush()
        yield item
    if show:
        sys.stderr.write("\r" + " " * (len(label) + 30) + "\r")
        sys.stderr.flush()


def detect_format(path: Path) -> str:
    """'casie' for a CASIE folder (with annotation/, or the annotation folder itself), else 'pages'."""
    if path.is_dir():
        if (path / "annotation").is_dir() or any(path.glob("*.json")):
            return "casie"
        raise GoldFormatError(f"{path}: a folder, but neither a CASIE folder (annotation/*.json) nor a gold file")
    return "pages"


def evaluate(
    gold: str | Path | Iterable[dict[str, Any]],
    *,
    published: Any = None,
    limit: int | None = None,
    progress: bool = False,
    predict: Predict | None = None,
    format: str | None = None,
    max_errors: int = 50,
    batch_size: int = 64,
) -> EvaluationReport:
    """Score extraction against gold pages; see the module docstring for the matching rules.

    ``gold``: a pages JSONL path, a CASIE folder, or an iterable of page dicts.
    ``published``: publication date used for pages that have none. ``predict(page)`` returns
    the BreachReport for a page (default: ``extract_many`` over ``(text, published)``), so
    scores can be tested independently of extraction. ``max_errors`` caps the errors kept
    per field (``n_errors`` always counts all). Raises GoldFormatError for bad gold.
    """
    t0 = time.perf_counter()
    unknown: Counter = Counter()
    warnings: list[str] = []
    source: str | None = None
    if limit is not None and limit < 1:
        raise GoldFormatError(f"limit must be at least 1, got {limit}")
    if isinstance(gold, (str, Path)):
        path = Path(gold)
        source = str(path)
        if not path.exists():
            raise GoldFormatError(f"gold path not found: {path}")
        fmt = format or detect_format(path)
        if fmt == "casie":
            from .casie import read_casie

            pages = read_casie(path, limit=limit, warnings=warnings)
        else:
            from .gold import read_pages

            pages = read_pages(path, unknown, limit=limit)
    else:
        from .gold import iter_examples

        if isinstance(gold, dict):  # one page
            gold = [gold]
        fmt = "examples"
        pages = list(iter_examples(gold, unknown, limit=limit))
        if not pages:
            raise GoldFormatError("no gold pages given (the iterable is empty)")
    if published is not None:
        from ..api import normalize_published

        normalize_published(published)

    reports = (predict(p) for p in pages) if predict is not None else _default_predictions(pages, published, warnings, batch_size)
    sc = Scorer(max_errors=max_errors)
    span_sc = Scorer(max_errors=max_errors)
    for page, report in _progress(zip(pages, reports), len(pages), progress):
        sc.next_page()
        span_sc.next_page()
        score_page(sc, page, report)
        if "casie_spans" in page:
            from .casie import score_spans

            score_spans(span_sc, page, report)
    dup = sum(n - 1 for n in Counter(p["id"] for p in pages).values() if n > 1)
    if dup:
        warnings.append(f"{dup} page(s) repeat an earlier page id; errors name pages by id")
    for key, n in sorted(unknown.items()):
        what = "value" if "=" in key else "key"
        warnings.append(f"unknown {what} {key!r} on {n} page(s): " + ("not scored" if what == "key" else "outside the contract's vocabulary"))
    return EvaluationReport(
        source=source,
        format=fmt,  # type: ignore[arg-type]
        pages=len(pages),
        fields=sc.finish(),
        spans=span_sc.finish(),
        unknown_keys=dict(sorted(unknown.items())),
        warnings=warnings,
        seconds=round(time.perf_counter() - t0, 3),
    )
