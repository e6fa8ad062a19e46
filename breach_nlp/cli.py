"""``breach-nlp``: thin command-line wrappers over extract(), evaluate() and the pipeline build.

    breach-nlp extract FILE... | -      one JSON report per input (--jsonl: one line each)
    breach-nlp evaluate PATH            per-field precision/recall/F1 against gold data
    breach-nlp bench PATH               throughput against bare spaCy tokenization
    breach-nlp build                    rebuild models/breach_core from the pattern files
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from collections import deque
from typing import Any, Iterable, Iterator, TextIO

from . import __version__
from .errors import BreachNLPError


TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")


class InputError(Exception):
    """An input that could not be read; carries the name to report."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"cannot read {source}: {reason}")
        self.source = source


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _jsonl_items(name: str, lines: Iterable[str]) -> Iterator[tuple[str, Any]]:
    """(source, item) per line: an object with "text" (and optional "id", "published") or a string."""
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        src = f"{name}:{i}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield src, InputError(src, f"invalid JSON ({exc.msg})")
            continue
        if isinstance(obj, str):
            yield src, obj
        elif isinstance(obj, dict) and isinstance(obj.get("text"), str):
            yield str(obj.get("id", src)), (obj["text"], obj.get("published"))
        else:
            yield src, InputError(src, 'expected a JSON string or an object with a "text" string')


def iter_inputs(paths: list[str], stdin: TextIO) -> Iterator[tuple[str, Any]]:
    """Yield (source, item) for every input, lazily: item is a text, a (text, published)
    pair, or an InputError. '-' is standard input (JSONL when it is a .jsonl stream is
    not knowable, so '-' is one text); a .jsonl file gives one item per line; a folder
    gives its text files (*.txt, *.md, *.html), recursively, in sorted order."""
    for p in paths:
        if p == "-":
            yield "-", stdin.read()
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                yield p, InputError(p, "folder has no .txt/.md/.html files")
            for f in files:
                try:
                    yield str(f), _read_text(f)
                except InputError as exc:
                    yield str(f), exc
        elif path.suffix.lower() == ".jsonl":
            try:
                fh = open(path, encoding="utf-8")
            except OSError as exc:
                yield p, InputError(p, exc.strerror or str(exc))
                continue
            with fh:
                try:
                    yield from _jsonl_items(p, fh)
                except UnicodeDecodeError as exc:
                    yield p, InputError(p, f"not UTF-8 text ({exc.reason})")
        else:
            try:
                yield p, _read_text(path)
            except InputError as exc:
                yield p, exc


def cmd_extract(args: argparse.Namespace) -> int:
    from .api import extract_many, normalize_published

    try:
        published = normalize_published(args.published)
    except BreachNLPError as exc:
        print(f"breach-nlp: {exc}", file=sys.stderr)
        return 2
    failed: list[str] = []
    sources: deque[str] = deque()

    def items() -> Iterator[Any]:
        for source, item in iter_inputs(args.files, sys.stdin):
            if isinstance(item, InputError):
                print(f"breach-nlp: {item}", file=sys.stderr)
                failed.append(source)
                continue
            sources.append(source)
            yield item

    out = sys.stdout
    progress = _progress(args)
    for report in extract_many(items(), n_process=args.n_process, batch_size=args.batch_size, published=published):
        source = sources.popleft()
        data = report.model_dump(mode="json")
        if report.error:
            print(f"breach-nlp: {source}: {report.error}", file=sys.stderr)
            failed.append(source)
        if args.jsonl:
            out.write(json.dumps({"source": source, **data}, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        out.flush()
        progress.update(1)
    progress.close()
    if failed:
        print(f"breach-nlp: {len(failed)} input(s) could not be processed", file=sys.stderr)
    return 1 if failed else 0


def _progress(args: argparse.Namespace):  # noqa: ANN202 - tqdm or a no-op
    """A progress bar on stderr when it is a terminal (tqdm ships with spaCy)."""
    from tqdm import tqdm

    return tqdm(unit="doc", disable=args.no_progress or not sys.stderr.isatty(), file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import main as build_main

    return build_main(["--output", str(args.output)] if args.output else [])


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluation.cli import run_evaluate

    return run_evaluate(args)


def cmd_bench(args: argparse.Namespace) -> int:
    from .evaluation.cli import run_bench

    return run_bench(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="breach-nlp", description="Structured records from breach reporting.")
    parser.add_argument("--version", action="version", version=f"breach-nlp {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract a BreachReport from each input file ('-' for stdin)")
    p.add_argument("files", nargs="+", metavar="FILE", help="a text file, a folder of text files, a .jsonl file of {\"text\", \"id\", \"published\"} objects, or -")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per line (with its \"source\"), streamed")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of inputs that give none")
    p.add_argument("--n-process", type=int, default=1, help="worker processes (see extract_many)")
    p.add_argument(
        "--batch-size", type=int, default=64,
        help="texts per batch (default 64); reports are written a batch at a time, so use 1 to get "
        "each line as soon as its input arrives (slower)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("evaluate", help="score against gold data (pages JSONL or a CASIE folder)")
    p.add_argument("path")
    p.add_argument("--format", choices=["pages", "casie"], default=None, help="default: guessed from PATH")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="list up to N errors per field")
    p.add_argument("--json", action="store_true", help="print the full EvaluationReport as JSON")
    p.add_argument("--limit", type=int, default=None, help="only the first N documents")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("bench", help="throughput of extract_many vs bare spaCy tokenization")
    p.add_argument("path")
    p.add_argument("--format", choices=["pages", "casie", "text"], default=None)
    p.add_argument("--n-process", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("build", help="rebuild the serialized pipeline from the pattern files")
    p.add_argument("--output", type=Path, default=None)
    p.set_defaults(func=cmd_build)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
