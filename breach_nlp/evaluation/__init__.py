"""Evaluation: gold readers (pages JSONL, CASIE), per-field matching rules and scores, the
error listing, and the benchmark.

    from breach_nlp.evaluation import evaluate
    rep = evaluate("../shared/dev-pages/pages.jsonl")
    print(rep.table(errors=5))
    rep.fields["victims"].f1

Modules: ``gold`` (page format, checks), ``casie`` (CASIE reader and span score), ``scoring``
(matching rules, written in its docstring), ``model`` (EvaluationReport), ``report`` (the
text table), ``bench`` (throughput), ``cli`` (the two commands). This module stays light:
nothing heavy is imported until ``evaluate`` is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import EvaluationReport


def evaluate(gold: Any, **kwargs: Any) -> "EvaluationReport":
    """Score extraction against ``gold`` (a pages JSONL path, a CASIE folder, or an iterable of
    gold page dicts). Keywords: ``published``, ``limit``, ``progress``, ``predict``, ``format``,
    ``max_errors`` -- see :func:`breach_nlp.evaluation.scoring.evaluate`."""
    from .scoring import evaluate as _evaluate

    return _evaluate(gold, **kwargs)


def __getattr__(name: str) -> Any:
    if name in ("EvaluationReport", "FieldScore", "ErrorItem"):
        from . import model

        return getattr(model, name)
    raise AttributeError(name)


__all__ = ["evaluate", "EvaluationReport", "FieldScore", "ErrorItem"]
