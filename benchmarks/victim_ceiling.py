"""How many gold victims could any extractor find in the text at all?

    python benchmarks/victim_ceiling.py ../shared/real-dev/hhs.jsonl [--show 20]

Mechanical golds (the HHS portal's covered-entity column, HIBP titles) sometimes name an
organization the text never mentions: the legal name of a parent, another row's entity, or a
text that says only "the covered entity (CE)". No extractor can find those. For every page with
``gold.victims`` this script looks for ANY span of 1 to 12 words of the text that the
evaluation's own matcher (``breach_nlp.orgnames.same_org``, the function behind the victims
score) accepts as one of the gold names. It prints the share of pages where one exists -- the
recall ceiling of an extractor that predicts one right victim per page -- and the best F1 such
an extractor could reach (perfect precision, recall at the ceiling).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from breach_nlp.evaluation.gold import iter_jsonl  # noqa: E402
from breach_nlp.orgnames import same_org  # noqa: E402

_WORD = re.compile(r"\S+")
_EDGE = " ,.;:()[]\"'“”‘’"
MAX_WORDS = 12


def findable(text: str, names: list[str]) -> bool:
    """Some span of up to MAX_WORDS words of ``text`` is the same organization as a name."""
    words = [m.span() for m in _WORD.finditer(text)]
    for i in range(len(words)):
        for j in range(i, min(len(words), i + MAX_WORDS)):
            span = text[words[i][0] : words[j][1]].strip(_EDGE)
            if span and any(same_org(span, n) for n in names):
                return True
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pages", type=Path, help="a gold pages JSONL file with gold.victims")
    ap.add_argument("--show", type=int, default=0, help="print N pages whose gold is not in the text")
    args = ap.parse_args(argv)
    pages = found = 0
    missing: list[tuple[str, list[str]]] = []
    for _lineno, obj in iter_jsonl(args.pages):
        victims = (obj.get("gold") or {}).get("victims")
        if not victims:
            continue
        names = [a for v in victims for a in v]
        pages += 1
        if findable(obj.get("text") or "", names):
            found += 1
        else:
            missing.append((str(obj.get("id")), names))
    if not pages:
        print(f"{args.pages}: no page has gold.victims")
        return 1
    ceiling = found / pages
    best_f1 = 2 * ceiling / (1 + ceiling)
    print(f"{args.pages}: {pages} pages with gold victims; a gold name occurs in the text of {found}")
    print(f"recall ceiling {ceiling:.3f}; best possible victims F1 (precision 1.000) {best_f1:.3f}")
    for pid, names in missing[: args.show]:
        print(f"  not in text: {pid}: {names}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
