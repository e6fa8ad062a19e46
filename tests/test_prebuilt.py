"""Values derived from the pattern data at build time (``BreachComponent.prebuilt``).

BUGS_CAUGHT: the dates component's native-scan prefixes took about 0.1 s to derive at every
load (cold start 2.19x against the 2.0 target); they are now written beside the model's data.
The first version never hit: the pattern text they are keyed by listed words of one length in
a set's (hash-seeded) order, so each process built a different key.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import breach_nlp
from breach_nlp.components import dates as dates_mod

pytestmark = pytest.mark.skipif(not dates_mod._NATIVE_SCAN, reason="pyahocorasick is not installed")


def _dates(nlp=None):
    return (nlp or breach_nlp.load()).get_pipe("breach_dates")


@pytest.fixture
def comp():
    """The shared pipeline's dates component, given back its prebuilt values afterwards."""
    c = _dates()
    saved = dict(c._prefix_seed)
    yield c
    c.use_prebuilt({"folded_prefixes": saved})
    c.compile()


def _content(probes) -> tuple:
    """What a ``Probes`` automaton answers: its group names and every prefix with its value."""
    assert probes is not None
    return probes.names, sorted(probes.automaton.items())


def test_the_loaded_model_uses_every_prebuilt_value() -> None:
    comp = _dates()
    seed = comp._prefix_seed
    assert seed, "the model folder has no prebuilt.json for breach_dates (run breach-nlp build)"
    # every key this process derives is found in the file: none was derived again
    assert set(comp._prefix_made) <= set(seed)


def test_prebuilt_values_equal_derived_ones(comp) -> None:
    loaded = comp.probes
    assert comp._prefix_seed
    comp.use_prebuilt({})  # nothing prebuilt: derive everything
    comp.compile()
    assert _content(comp.probes) == _content(loaded)


def test_a_stale_or_foreign_file_is_never_used(comp) -> None:
    want = _content(comp.probes)
    # keyed by the pattern text: values under other keys are ignored, wrong values under
    # keys that no pattern has cannot reach the scan
    comp.use_prebuilt({"folded_prefixes": {"7\tnot a pattern of ours": ["xx"]}})
    comp.compile()
    assert _content(comp.probes) == want
    comp.use_prebuilt({"folded_prefixes": "garbage"})
    comp.compile()
    assert _content(comp.probes) == want


def test_pattern_text_is_the_same_in_every_process() -> None:
    code = (
        "import breach_nlp, json, sys; c = breach_nlp.load().get_pipe('breach_dates');"
        "json.dump(sorted(c._prefix_made), sys.stdout)"
    )
    keys = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        keys.append(json.loads(out.stdout))
    assert keys[0] == keys[1]
