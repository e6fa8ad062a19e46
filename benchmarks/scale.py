"""The scale figures of the Throughput issue, measured in one run on this machine.

    python benchmarks/scale.py [CASIE_DIR]          # default: ../shared/casie-dev

1. ``n_process=2`` / ``n_process=1`` throughput of ``extract_many`` on 2,000+ texts
   (the CASIE dev texts repeated to 2,600);
2. peak RSS of ``breach-nlp extract --jsonl`` streaming 2,000 and 10,000 texts from a JSONL
   file (flat means constant memory);
3. cold start: ``python -c "import breach_nlp; breach_nlp.extract('x')"`` against
   ``python -c "import spacy; spacy.blank('en')('x')"``, best of 5 each;
4. linearity: time per character of ``extract`` on a 1 MB article against a 5 KB one
   (both made by joining CASIE articles), best of 3 each.

Absolute times belong to the machine; the ratios are what must hold.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import breach_nlp
from breach_nlp.evaluation.bench import load_texts

ROOT = Path(__file__).resolve().parent.parent


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def n_process_ratio(texts: list[str]) -> tuple[float, float]:
    def run(n: int) -> None:
        for _ in breach_nlp.extract_many(texts, n_process=n, batch_size=64):
            pass

    one = _best(lambda: run(1), 1)
    two = _best(lambda: run(2), 1)
    return len(texts) / one, len(texts) / two


def stream_rss(texts: list[str], n: int) -> float:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "in.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(n):
                fh.write(json.dumps({"id": str(i), "text": texts[i % len(texts)]}) + "\n")
        code = (
            "import resource, sys\n"
            "from breach_nlp.cli import main\n"
            f"rc = main(['extract', '--jsonl', '--no-progress', {str(path)!r}])\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True, check=True)
        return int(out.stderr.strip().splitlines()[-1]) / 1024


def cold_start() -> tuple[float, float]:
    def run(code: str) -> float:
        return _best(lambda: subprocess.run([sys.executable, "-c", code], check=True), 5)

    ours = run("import breach_nlp; breach_nlp.extract('x')")
    blank = run("import spacy; spacy.blank('en')('x')")
    return ours, blank


def linearity(texts: list[str]) -> tuple[float, float]:
    def article(size: int) -> str:
        parts, total, i = [], 0, 0
        while total < size:
            parts.append(texts[i % len(texts)])
            total += len(parts[-1]) + 2
            i += 1
        return "\n\n".join(parts)[:size]

    small, big = article(5_000), article(1_000_000)
    breach_nlp.extract(small)
    t_small = _best(lambda: breach_nlp.extract(small), 3) / len(small)
    t_big = _best(lambda: breach_nlp.extract(big), 3) / len(big)
    return t_small, t_big


def main(argv: list[str]) -> int:
    casie = Path(argv[0]) if argv else ROOT.parent / "shared" / "casie-dev"
    texts = [t for t, _ in load_texts(casie)]
    breach_nlp.load()
    many = (texts * 4)[:2600]
    one, two = n_process_ratio(many)
    print(f"extract_many on {len(many)} texts: n_process=1 {one:.1f} docs/s, n_process=2 {two:.1f} docs/s, "
          f"ratio {two / one:.2f}")
    r2, r10 = stream_rss(texts, 2_000), stream_rss(texts, 10_000)
    print(f"peak RSS streaming through the CLI: 2,000 texts {r2:.0f} MB, 10,000 texts {r10:.0f} MB")
    ours, blank = cold_start()
    print(f"cold start: breach_nlp {ours:.2f} s, spacy.blank {blank:.2f} s, ratio {ours / blank:.2f}")
    small, big = linearity(texts)
    print(f"time per character: 5 KB {small * 1e6:.2f} µs, 1 MB {big * 1e6:.2f} µs, ratio {big / small:.2f}")
    print(f"(machine: {resource.getpagesize()}-byte pages, python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
