"""Plain-text rendering of an :class:`~breach_nlp.evaluation.model.EvaluationReport`.

One row per field: pages scored, tp/fp/fn with precision/recall/F1 (``prf``; recall only
for ``recall`` fields), correct/total accuracy (``accuracy``; for ``violations`` fields the
share of pages without a violation), and the number of errors. ``-`` marks a figure that is
undefined (zero denominator) or does not apply to the field's kind.
"""

from __future__ import annotations

import json
from typing import Any

from .model import EvaluationReport, FieldScore

HEADER = ("field", "kind", "pages", "tp", "fp", "fn", "P", "R", "F1", "acc", "n", "errors")
CASIE_CITATION = "CASIE: Satyapanich, Ferraro, Finin, AAAI 2020"


def _num(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def _row(name: str, s: FieldScore) -> tuple[str, ...]:
    counts = s.kind in ("prf", "recall")
    return (
        name,
        s.kind,
        str(s.pages),
        str(s.tp) if counts else "",
        str(s.fp) if s.kind == "prf" else "",
        str(s.fn) if counts else "",
        _num(s.precision) if s.kind == "prf" else "",
        _num(s.recall) if counts else "",
        _num(s.f1) if s.kind == "prf" else "",
        "" if counts else _num(s.accuracy),
        "" if counts else str(s.total),
        str(s.n_errors),
    )


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEADER))]
    out = []
    for j, r in enumerate(rows):
        cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1])] + [c.rjust(w) for c, w in zip(r[2:], widths[2:])]
        out.append("  ".join(cells).rstrip())
        if j == 0:
            out.append("-" * len(out[0]))
    return out


def _short(v: Any, width: int = 110) -> str:
    s = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 3] + "..."


def _errors(name: str, s: FieldScore, n: int) -> list[str]:
    if not s.n_errors or n <= 0:
        return []
    shown = s.errors[:n]
    lines = [f"{name}: {s.n_errors} error(s), showing {len(shown)}"]
    for e in shown:
        note = f"  [{_short(e.note, 80)}]" if e.note else ""
        lines.append(f"  {e.page}{note}")
        lines.append(f"      predicted: {_short(e.predicted)}")
        lines.append(f"      gold:      {_short(e.gold)}")
    return lines


def format_report(rep: EvaluationReport, errors: int = 0) -> str:
    """The report as a plain-text table, then up to ``errors`` errors per field, then warnings."""
    lines = [f"breach-nlp evaluate: {rep.source or '(examples)'}  [{rep.format}, {rep.pages} pages, {rep.seconds:.1f} s]", ""]
    lines += _table([HEADER] + [_row(k, v) for k, v in rep.fields.items()])
    if rep.spans:
        lines += ["", f"CASIE span level, character overlap ({CASIE_CITATION})", ""]
        lines += _table([HEADER] + [_row(k, v) for k, v in rep.spans.items()])
    if errors > 0:
        err_lines: list[str] = []
        for group in (rep.fields, rep.spans):
            for k, v in group.items():
                err_lines += _errors(k, v, errors)
        if err_lines:
            lines += ["", "Errors", ""] + err_lines
    if rep.warnings:
        lines += [""] + [f"warning: {w}" for w in rep.warnings]
    return "\n".join(lines)
