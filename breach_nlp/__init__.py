"""breach_nlp: structured, checked incident records from free-text breach reporting.

    import breach_nlp
    report = breach_nlp.extract(text, published="2026-02-27")
    report.victims[0].name, report.records_affected.value
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import extract, extract_many, load  # noqa: E402
from .schema import BreachReport  # noqa: E402


def evaluate(gold, **kwargs):  # noqa: ANN001, ANN201 - thin lazy wrapper, see evaluation.evaluate
    """Score extraction against gold pages (JSONL path or iterable); see ``breach_nlp.evaluation``."""
    from .evaluation import evaluate as _evaluate

    return _evaluate(gold, **kwargs)


__all__ = ["extract", "extract_many", "load", "evaluate", "BreachReport", "__version__"]
