"""Throughput of ``extract_many`` against bare ``spacy.blank("en")`` tokenization.

Both phases run on the same texts in the same command, each in a fresh child process
(``python -m breach_nlp.evaluation.bench --phase ...``) so that the peak resident memory
(``resource.getrusage(...).ru_maxrss``, self and worker children) belongs to that phase alone.
Pipeline loading is outside the timed part; with ``--repeat R`` the best of R passes is
reported. Figures: docs/s, words/s (whitespace-separated words), ms per document, peak RSS,
and the ratio extract time / tokenization time -- the figure that travels between machines.
An extra untimed single-process pass then splits the extraction time by pipeline component
(tokenizer, each ``breach_*`` component, report building) to show where the time goes.

Inputs: a pages JSONL file (``text``, ``published``), a CASIE folder (every annotation's
``content``, with ``info.date`` as the publication date), or a folder of ``.txt`` files
(or one ``.txt`` file).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from ..errors import GoldFormatError


def guess_format(path: Path) -> str:
    if path.is_dir():
        if (path / "annotation").is_dir() or any(path.glob("*.json")):
            return "casie"
        return "text"
    return "text" if path.suffix == ".txt" else "pages"


def load_texts(path: str | Path, fmt: str | None = None, limit: int | None = None) -> list[tuple[str, str | None]]:
    """``(text, published)`` pairs from a pages JSONL file, a CASIE folder or .txt files."""
    path = Path(path)
    if not path.exists():
        raise GoldFormatError(f"bench input not found: {path}")
    fmt = fmt or guess_format(path)
    out: list[tuple[str, str | None]] = []
    if fmt == "pages":
        from .gold import iter_jsonl

        for lineno, obj in iter_jsonl(path):
            if limit is not None and len(out) >= limit:
                break
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise GoldFormatError(f"{path}, line {lineno}: no 'text' string")
            pub = obj.get("published")
            out.append((obj["text"], pub[:10] if isinstance(pub, str) else None))
    elif fmt == "casie":
        from .casie import annotation_files, load_annotation, published_of

        for f in annotation_files(path):
            if limit is not None and len(out) >= limit:
                break
            doc = load_annotation(f)
            out.append((doc["content"], published_of(doc)))
    else:
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        for f in files[:limit]:
            out.append((f.read_text(encoding="utf-8", errors="replace"), None))
    if not out:
        raise GoldFormatError(f"{path}: no texts to benchmark")
    return out


def _rss_mb() -> float:
    """Peak RSS in MB of this process and of its (waited-for) children, whichever is larger."""
    scale = 1 / 1024 / 1024 if sys.platform == "darwin" else 1 / 1024  # bytes on macOS, KB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, kids) * scale, 1)


def component_times(items: list[tuple[str, str | None]]) -> dict[str, float]:
    """Seconds spent in tokenization, each pipeline component and report building, in one
    extra single-process pass (not part of the timed figures): where the time goes.

    The garbage collector is off inside each part (and run between parts): with all docs
    alive, one full collection costs tens of milliseconds and would land on whichever part
    happened to trigger it. Its cost is inside the timed ``extract_many`` figure."""
    import gc

    from ..api import load, make_doc, report_from_doc

    nlp = load()
    was_enabled = gc.isenabled()
    out: dict[str, float] = {}

    def timed(name: str, fn: Any) -> Any:
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            result = fn()
            out[name] = time.perf_counter() - t0
        finally:
            if was_enabled:
                gc.enable()
        return result

    docs = timed("tokenizer", lambda: [make_doc(nlp, t, p) for t, p in items])
    for name, proc in nlp.pipeline:
        docs = timed(name, lambda proc=proc, docs=docs: [proc(d) for d in docs])
    timed("report_from_doc", lambda: [report_from_doc(d) for d in docs])
    return {k: round(v, 4) for k, v in out.items()}


def run_phase(phase: str, path: str, fmt: str | None, limit: int | None, n_process: int,
              batch_size: int, repeat: int) -> dict[str, Any]:
    """Time one phase in this process; returns its figures."""
    items = load_texts(path, fmt, limit)
    texts = [t for t, _ in items]
    if phase == "blank":
        import spacy

        nlp = spacy.blank("en")
        nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)

        def run() -> int:
            return sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    else:
        from ..api import extract_many, load

        load()

        def run() -> int:
            return sum(1 for _ in extract_many(items, n_process=n_process, batch_size=batch_size))

    rss_before = _rss_mb()
    times = []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        n = run()
        times.append(time.perf_counter() - t0)
    best = min(times)
    peak = _rss_mb()  # before the breakdown pass, which holds every Doc at once
    words = sum(len(t.split()) for t in texts)
    breakdown = component_times(items) if phase == "extract" else None
    return {
        "components": breakdown,
        "phase": phase,
        "docs": n,
        "words": words,
        "chars": sum(len(t) for t in texts),
        "seconds": round(best, 4),
        "seconds_all": [round(t, 4) for t in times],
        "docs_per_s": round(n / best, 1) if best else None,
        "words_per_s": round(words / best) if best else None,
        "ms_per_doc": round(1000 * best / n, 3) if n else None,
        "rss_loaded_mb": rss_before,
        "peak_rss_mb": peak,
    }


def bench(path: str | Path, *, fmt: str | None = None, limit: int | None = None, n_process: int = 1,
          batch_size: int = 64, repeat: int = 1) -> dict[str, Any]:
    """Both phases, each in a child process; returns ``{"blank": ..., "extract": ..., "ratio": ...}``."""
    load_texts(path, fmt, limit)  # fail early, in this process, on bad input
    results: dict[str, Any] = {"input": str(path), "n_process": n_process, "batch_size": batch_size, "repeat": repeat}
    for phase in ("blank", "extract"):
        # -P: the current directory is not put first on the child's path, so the child
        # measures this process's breach_nlp (``_child_env``), not a source tree that
        # happens to be the working directory
        cmd = [sys.executable, "-P", "-m", "breach_nlp.evaluation.bench", "--phase", phase, str(path),
               "--n-process", str(n_process), "--batch-size", str(batch_size), "--repeat", str(repeat)]
        if fmt:
            cmd += ["--format", fmt]
        if limit is not None:
            cmd += ["--limit", str(limit)]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=_child_env())
        if proc.returncode != 0:
            raise RuntimeError(f"bench phase {phase} failed:\n{proc.stderr.strip()[-2000:]}")
        results[phase] = json.loads(proc.stdout.strip().splitlines()[-1])
    b, e = results["blank"]["seconds"], results["extract"]["seconds"]
    results["ratio"] = round(e / b, 2) if b else None
    b1, e1 = results["blank"]["seconds_all"][0], results["extract"]["seconds_all"][0]
    results["ratio_first"] = round(e1 / b1, 2) if b1 else None
    return results


def _child_env() -> dict[str, str]:
    """The environment of a phase's child: this process's ``breach_nlp`` first on its path
    and a fixed hash seed."""
    import breach_nlp

    root = str(Path(breach_nlp.__file__).resolve().parent.parent)
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": root + (os.pathsep + path if path else "")}


def format_bench(r: dict[str, Any]) -> str:
    rows = [("", "docs", "words", "seconds", "docs/s", "words/s", "ms/doc", "RSS loaded MB", "peak RSS MB")]
    for phase, label in (("blank", 'spacy.blank("en").pipe'), ("extract", "breach_nlp.extract_many")):
        p = r[phase]
        rows.append((label, str(p["docs"]), str(p["words"]), f"{p['seconds']:.3f}", f"{p['docs_per_s']:,}",
                     f"{p['words_per_s']:,}", f"{p['ms_per_doc']:.3f}", f"{p['rss_loaded_mb']:.1f}", f"{p['peak_rss_mb']:.1f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [f"breach-nlp bench: {r['input']}  [n_process={r['n_process']}, batch_size={r['batch_size']}, best of {r['repeat']}]", ""]
    for row in rows:
        lines.append("  ".join([row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]))
    lines += ["", f"ratio extract_many / tokenization time: {r['ratio']}x"]
    if r.get("repeat", 1) > 1 and r.get("ratio_first") is not None:
        lines.append(
            f"first pass alone: {r['ratio_first']}x (texts this process had not seen: spaCy's "
            "tokenizer cache and our per-name memos start empty, one-time imports included)"
        )
    comp = r["extract"].get("components")
    if comp:
        total = sum(comp.values()) or 1.0
        lines += ["", "where the time goes (one extra single-process pass):"]
        width = max(len(k) for k in comp)
        for k, v in sorted(comp.items(), key=lambda kv: -kv[1]):
            lines.append(f"  {k.ljust(width)}  {v:8.3f} s  {100 * v / total:5.1f}%")
    return "\n".join(lines)


def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m breach_nlp.evaluation.bench")
    ap.add_argument("path")
    ap.add_argument("--phase", choices=["blank", "extract"], required=True)
    ap.add_argument("--format", choices=["pages", "casie", "text"], default=None)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args(argv)
    res = run_phase(a.phase, a.path, a.format, a.limit, a.n_process, a.batch_size, a.repeat)
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
