"""The data-type taxonomy (``patterns/taxonomy.json``): fine types, their VERIS category and
surface forms. ``categorize`` maps a free phrase (a record's data-type string, an HIBP data
class) to taxonomy types.

First version: a small table; the Data types issue grows it.
"""

from __future__ import annotations

import functools
import json

from .settings import PATTERNS_DIR


@functools.lru_cache(maxsize=1)
def load_taxonomy() -> dict:
    with open(PATTERNS_DIR / "taxonomy.json", encoding="utf-8") as fh:
        return json.load(fh)


def categorize(phrase: str) -> list[tuple[str, str]]:
    """(type, category) pairs named in ``phrase``, in order of appearance, each once."""
    low = phrase.lower()
    found: list[tuple[int, str, str]] = []
    for t in load_taxonomy()["types"]:
        for form in t["forms"]:
            i = low.find(form)
            if i >= 0:
                found.append((i, t["type"], t["category"]))
                break
    out: list[tuple[str, str]] = []
    for _, typ, cat in sorted(found):
        if (typ, cat) not in out:
            out.append((typ, cat))
    return out
