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
from typing import Iterator, TextIO

from . import __version__
from .errors import BreachNLPError


def _read_inputs(paths: list[str], stdin: TextIO) -> Iterator[tuple[str, str]]:
    """Yield (name, text) for each input; '-' reads standard input. Raises OSError/UnicodeError."""
    for p in paths:
        if p == "-":
            yield "-", stdin.read()
        else:
            yield p, Path(p).read_text(encoding="utf-8")


def cmd_extract(args: argparse.Namespace) -> int:
    from .api import extract, normalize_published

    try:
        published = normalize_published(args.published)
    except BreachNLPError as exc:
        print(f"breach-nlp: {exc}", file=sys.stderr)
        return 2
    status = 0
    out = sys.stdout
    inputs = _read_inputs(args.files, sys.stdin)
    while True:
        try:
            name, text = next(inputs)
        except StopIteration:
            break
        except (OSError, UnicodeError) as exc:
            fname = getattr(exc, "filename", None) or "input"
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            print(f"breach-nlp: cannot read {fname}: {reason}", file=sys.stderr)
            status = 1
            continue
        report = extract(text, published=published)
        data = report.model_dump(mode="json")
        if args.jsonl:
            out.write(json.dumps({"source": name, **data}, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        out.flush()
    return status


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
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per line")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the inputs")
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
