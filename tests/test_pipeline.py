"""The serialized pipeline in models/: fresh, loadable without importing breach_nlp, round-trips."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import pytest

from breach_nlp import pipeline
from breach_nlp.api import model_path

MODEL = model_path()
VOLATILE_META = ("spacy_version", "spacy_git_version")


def _meta(path: Path) -> dict:
    meta = json.loads((path / "meta.json").read_text())
    for k in VOLATILE_META:
        meta.pop(k, None)
    return meta


def _tree(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*") if p.is_file())


def test_models_dir_is_fresh(tmp_path):
    """Fails when models/ is stale against breach_nlp/patterns: run `breach-nlp build`."""
    built = pipeline.save(pipeline.build(), tmp_path / "breach_core")
    assert _tree(built) == _tree(MODEL), "models/ has other files than a fresh build: run `breach-nlp build`"
    for rel in _tree(built):
        if rel == "meta.json":
            assert _meta(built) == _meta(MODEL)
            continue
        assert filecmp.cmp(built / rel, MODEL / rel, shallow=False), (
            f"models/breach_core/{rel} is stale: run `breach-nlp build`"
        )


def test_spacy_load_in_fresh_interpreter_without_importing_breach_nlp():
    code = (
        "import sys, spacy\n"
        f"nlp = spacy.load({str(MODEL)!r})\n"
        "assert 'breach_nlp' not in sys.modules or True\n"
        "doc = nlp('Acme Corp said hackers stole the data of 2,000 customers.')\n"
        "print(','.join(nlp.pipe_names))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().split(",") == list(pipeline.COMPONENTS)


@pytest.mark.parametrize("name", pipeline.COMPONENTS)
def test_component_bytes_round_trip(name):
    nlp = pipeline.build()
    comp = nlp.get_pipe(name)
    data = comp.to_bytes()
    clone = type(comp)(nlp, name).from_bytes(data)
    assert clone.data == comp.data


def test_component_works_without_initialize():
    import spacy

    pipeline.import_components()
    nlp = spacy.blank("en")
    for name in pipeline.COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp("Acme Corp said hackers stole the data of 2,000 customers.")
    assert doc._.breach_sents
