"""Every headline figure on the development data, as a Markdown table for the README, each row
with the exact command that reproduces it.

    python benchmarks/dev_figures.py [SHARED_DIR]      # default: ../shared beside the repo

Reads ``dev-pages/pages.jsonl``, ``real-dev/{hhs,hhs-embed,hibp}.jsonl`` and ``casie-dev``
(skipping, with a note, whatever is absent), then runs the benchmark on ``casie-dev``.
The headline of a field is its F1 (P/R/F1 fields), its recall (recall-only fields) or its
accuracy (accuracy and violation fields); see ``breach_nlp.evaluation.scoring``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from breach_nlp.evaluation import evaluate
from breach_nlp.evaluation.bench import bench

ROOT = Path(__file__).resolve().parent.parent
SETS = [
    ("dev pages", "dev-pages/pages.jsonl", None),
    ("HHS", "real-dev/hhs.jsonl", None),
    ("HHS + embedded record", "real-dev/hhs-embed.jsonl", None),
    ("HIBP", "real-dev/hibp.jsonl", None),
    ("CASIE (Databreach docs)", "casie-dev", "casie"),
]


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else ROOT.parent / "shared"
    print("| data | field | metric | value | n | command |")
    print("|---|---|---|---|---|---|")
    for label, rel, fmt in SETS:
        path = shared / rel
        if not path.exists():
            print(f"<!-- {path} absent: skipped -->")
            continue
        rep = evaluate(path, format=fmt)
        cmd = f"`breach-nlp evaluate ../shared/{rel}" + (f" --format {fmt}`" if fmt else "`")
        rows = list(rep.fields.items()) + [(f"span {k}", v) for k, v in rep.spans.items()]
        for name, s in rows:
            if s.kind == "prf":
                metric, value, n = "F1 (P / R)", f"{_fmt(s.f1)} ({_fmt(s.precision)} / {_fmt(s.recall)})", s.tp + s.fn
            elif s.kind == "recall":
                metric, value, n = "recall", _fmt(s.recall), s.tp + s.fn
            else:
                metric, value, n = "accuracy", _fmt(s.accuracy), s.total
            print(f"| {label} | {name} | {metric} | {value} | {n} | {cmd} |")
    casie = shared / "casie-dev"
    if casie.exists():
        r = bench(casie, repeat=5)
        print()
        print(f"Speed (`breach-nlp bench ../shared/casie-dev --repeat 5`): {r['extract']['docs_per_s']} docs/s, "
              f"{r['extract']['words_per_s']:,} words/s, {r['ratio']}x the time of bare spaCy tokenization "
              f"({r['blank']['docs_per_s']} docs/s), first pass alone {r['ratio_first']}x; "
              f"peak RSS {r['extract']['peak_rss_mb']} MB.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
