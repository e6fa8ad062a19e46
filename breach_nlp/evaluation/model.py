"""Result types of an evaluation (pydantic v2, ``extra="forbid"``) and the tp/fp/fn arithmetic.

Zero denominators never raise: a ratio whose denominator is zero is ``None`` ("nothing to
score"), not 0.0. So ``precision`` is None when nothing was predicted, ``recall`` is None
when the gold holds nothing, and ``f1`` is None only when there was nothing at all
(tp = fp = fn = 0); when either side is non-empty and tp = 0, ``f1`` is 0.0.

>>> prf(3, 1, 2)
(0.75, 0.6, 0.6667)
>>> prf(0, 0, 0)
(None, None, None)
>>> prf(0, 0, 4)
(None, 0.0, 0.0)
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ScoreKind = Literal["prf", "recall", "accuracy", "violations"]


def ratio(num: int, den: int) -> float | None:
    """``num / den`` rounded to 4 places, or None when ``den`` is 0."""
    return round(num / den, 4) if den else None


def prf(tp: int, fp: int, fn: int, tp_pred: int | None = None) -> tuple[float | None, ...]:
    """(precision, recall, f1); ``tp_pred`` (matched predictions) defaults to ``tp``."""
    tpp = tp if tp_pred is None else tp_pred
    p = ratio(tpp, tpp + fp)
    r = ratio(tp, tp + fn)
    if tp + fp + fn == 0 and not tpp:
        return p, r, None
    if p is not None and r is not None and p + r > 0:
        return p, r, round(2 * p * r / (p + r), 4)
    return p, r, 0.0


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorItem(_Model):
    """One disagreement on one page: what we predicted, what the gold says, and why."""

    page: str
    predicted: Any = None
    gold: Any = None
    note: str = ""


class FieldScore(_Model):
    """The score of one field over the corpus (micro: counts summed over pages).

    ``kind`` says which numbers mean something: ``prf`` (tp/fp/fn, precision/recall/f1),
    ``recall`` (tp/fn and recall only: the gold is a minimum, extra predictions are not
    errors), ``accuracy`` (correct/total), ``violations`` (total pages checked, correct =
    pages without a violation, ``n_errors`` = pages with one).
    """

    kind: ScoreKind
    pages: int = Field(0, description="Pages on which this field was scored.")
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_pred: int | None = Field(
        None, description="Span scores: predictions that overlap a gold span (precision numerator)."
    )
    correct: int = 0
    total: int = 0
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    accuracy: float | None = None
    n_errors: int = 0
    errors: list[ErrorItem] = Field(default_factory=list)
    note: str = ""


class EvaluationReport(_Model):
    """What :func:`breach_nlp.evaluate` returns. ``fields`` maps a field name to its score;
    ``spans`` holds CASIE span-level scores by CASIE role (empty for pages JSONL)."""

    source: str | None = None
    format: Literal["pages", "casie", "examples"] = "pages"
    pages: int = 0
    fields: dict[str, FieldScore] = Field(default_factory=dict)
    spans: dict[str, FieldScore] = Field(default_factory=dict)
    unknown_keys: dict[str, int] = Field(
        default_factory=dict, description="Gold (and page) keys this evaluator does not know, with counts."
    )
    warnings: list[str] = Field(default_factory=list)
    seconds: float = 0.0

    def table(self, errors: int = 0) -> str:
        """The plain-text table (and up to ``errors`` errors per field)."""
        from .report import format_report

        return format_report(self, errors=errors)

    def summary(self) -> dict[str, float | None]:
        """One headline figure per field: F1, recall or accuracy by kind."""
        out: dict[str, float | None] = {}
        for name, s in {**self.fields, **{f"span:{k}": v for k, v in self.spans.items()}}.items():
            out[name] = {"prf": s.f1, "recall": s.recall}.get(s.kind, s.accuracy)
        return out
