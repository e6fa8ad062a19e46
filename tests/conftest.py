"""Shared fixtures. Tests never need ../shared: those that use it skip without it."""

from __future__ import annotations

import json
import os
from pathlib import Path

# Component failures raise in tests instead of becoming report warnings (see components/base.py).
os.environ.setdefault("BREACH_NLP_STRICT", "1")

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("BREACH_NLP_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (EXAMPLES / "france-health-ministry.txt").read_text(encoding="utf-8")


def partial_pipeline(*components: str):
    """``spacy.blank("en")`` with the named breach components (built from the package
    sources, independent of models/): records and layout first, as in the real pipeline."""
    import spacy

    from breach_nlp.pipeline import import_components

    import_components()
    nlp = spacy.blank("en")
    for name in ("breach_records", "breach_layout", *components):
        nlp.add_pipe(name)
    nlp.initialize()
    return nlp


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present (development data lives in ../shared)")
    return p


def dev_pages() -> list[dict]:
    p = SHARED / "dev-pages" / "pages.jsonl"
    if not p.exists():
        return []
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_offsets(text: str, report) -> None:
    """Every mention of a report satisfies text[start:end] == mention.text."""
    groups = [report.victims, report.organizations, report.record_counts, report.data_types,
              report.dates, report.money]
    for group in groups:
        for m in group:
            assert 0 <= m.start <= m.end <= len(text), (m, len(text))
            assert text[m.start:m.end] == m.text, (m, text[m.start:m.end])
    for r in report.embedded_records:
        assert 0 <= r.start < r.end <= len(text), r
