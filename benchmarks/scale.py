"""The scale figures of the Throughput issue, measured in one run on this machine.

    python benchmarks/scale.py [CASIE_DIR]          # default: ../shared/casie-dev

1. ``n_process=2`` / ``n_process=1`` throughput of ``extract_many`` on 2,000+ texts
   (the CASIE dev texts repeated to 2,600);
2. peak RSS of ``breach-nlp extract --jsonl`` streaming 2,000 and 10,000 texts from a JSONL
   file (flat means constant memory);
3. cold start: ``python -c "import breach_nlp; breach_nlp.extract('x')"`` against
   ``python -c "import spacy; spacy.blank('en')('x')"``, best of 5 each;
4. linearity: time per character of ``extract`` on a 1 MB article (CASIE articles joined)
   against the same text cut into 200 articles of 5 KB, best of 3 each after a warm-up
   (and, for reference, against the first 5 KB article alone: the cost per character
   depends on the text, so that ratio also says how light that article is).

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


def linearity(texts: list[str]) -> tuple[float, float, float]:
    """Time per character (best of 3, after one warm-up pass of everything) of a 1 MB article,
    of the same 1 MB cut into 200 articles of 5 KB, and of the first 5 KB article alone.

    The same-material figure is the linearity one: the cost per character depends on the
    text (names, numbers and dates per line), so one 5 KB article against a 1 MB mix also
    measures how light that one article is -- reported beside it."""
    parts, total, i = [], 0, 0
    while total < 1_000_000:
        parts.append(texts[i % len(texts)])
        total += len(parts[-1]) + 2
        i += 1
    big = "\n\n".join(parts)[:1_000_000]
    smalls = [big[j : j + 5_000] for j in range(0, len(big), 5_000)]

    def run_smalls() -> None:
        for s in smalls:
            breach_nlp.extract(s)

    breach_nlp.extract(big)
    run_smalls()
    t_big = _best(lambda: breach_nlp.extract(big), 3) / len(big)
    t_smalls = _best(run_smalls, 3) / len(big)
    t_one = _best(lambda: breach_nlp.extract(smalls[0]), 3) / len(smalls[0])
    return t_smalls, t_big, t_one


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
    small, big, one = linearity(texts)
    print(f"time per character: 1 MB article {big * 1e6:.2f} µs, the same text as 200 articles of 5 KB "
          f"{small * 1e6:.2f} µs, ratio {big / small:.2f} (the first 5 KB article alone {one * 1e6:.2f} µs, "
          f"ratio {big / one:.2f})")
    print(f"(machine: {resource.getpagesize()}-byte pages, python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
