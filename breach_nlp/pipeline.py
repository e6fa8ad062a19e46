"""Build the breach_nlp spaCy pipeline from its sources and save it under ``models/``.

``python -m breach_nlp.pipeline`` (or ``breach-nlp build``) writes ``models/breach_core/``.
The pipeline is ``spacy.blank("en")`` plus our components, in this order:

1. ``breach_records``  embedded records (JSON, JSON-LD, Python dicts, key-value, lines)
2. ``breach_layout``   skip regions (records, boilerplate, URLs) and prose sentences
3. ``breach_counts``   counts of affected people/records and the main incident's count
4. ``breach_money``    fines, ransoms, settlements, costs
5. ``breach_orgs``     organizations, roles, victims
6. ``breach_data_types`` data types (taxonomy -> VERIS categories), negation, hedging
7. ``breach_dates``    dates with roles, resolved against the publication date
8. ``breach_reconcile`` prose vs records, field by field

The serialized copy is checked against the sources by ``tests/test_pipeline.py``.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import spacy
from spacy.language import Language

from . import __version__
from .settings import PACKAGE_DIR, PIPELINE_NAME

COMPONENTS: tuple[str, ...] = (
    "breach_records",
    "breach_layout",
    "breach_counts",
    "breach_money",
    "breach_orgs",
    "breach_data_types",
    "breach_dates",
    "breach_reconcile",
)

SOURCE_MODELS_DIR = PACKAGE_DIR.parent / "models"


def import_components() -> None:
    """Import the component modules so their factories are registered."""
    from . import tokenizer  # noqa: F401
    from .components import (  # noqa: F401
        counts,
        dates,
        datatypes,
        layout,
        money,
        orgs,
        reconcile,
        records,
    )


def build() -> Language:
    """A fresh, initialized pipeline built from the pattern files in the package."""
    import_components()
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "breach_nlp.SafeTokenizer.v1"}}})
    nlp.max_length = 25_000_000
    for name in COMPONENTS:
        nlp.add_pipe(name)
    nlp.initialize()
    nlp.meta.update(
        {
            "name": PIPELINE_NAME,
            "version": __version__,
            "description": "breach_nlp rule-based pipeline: blank English + breach_* components",
            "author": "breach_nlp",
            "license": "MIT",
            "requirements": [f"breach-nlp>={__version__}"],
        }
    )
    return nlp


def save(nlp: Language, target: Path) -> Path:
    """Write the pipeline to ``target`` atomically (a temp dir renamed into place)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        nlp.to_disk(tmp)
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}-old-{tmp.name}")
            target.rename(old)
        tmp.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m breach_nlp.pipeline", description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=SOURCE_MODELS_DIR / PIPELINE_NAME)
    args = parser.parse_args(argv)
    path = save(build(), args.output)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
