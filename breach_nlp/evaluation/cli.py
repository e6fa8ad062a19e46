"""The ``evaluate`` and ``bench`` commands (wired in ``breach_nlp.cli``); exit codes:
0 done, 2 bad input (the message names the file and line)."""

from __future__ import annotations

import argparse
import sys

from ..errors import BreachNLPError


def run_evaluate(args: argparse.Namespace) -> int:
    from .scoring import evaluate

    errors = max(0, getattr(args, "errors", 0) or 0)
    try:
        rep = evaluate(
            args.path,
            format=getattr(args, "format", None),
            limit=getattr(args, "limit", None),
            progress=True,
            max_errors=max(50, errors),
        )
    except BreachNLPError as exc:
        print(f"breach-nlp evaluate: {exc}", file=sys.stderr)
        return 2
    if getattr(args, "json", False):
        print(rep.model_dump_json(indent=2))
    else:
        print(rep.table(errors=errors))
    return 0


def run_bench(args: argparse.Namespace) -> int:
    import json

    from .bench import bench, format_bench

    try:
        res = bench(
            args.path,
            fmt=getattr(args, "format", None),
            limit=getattr(args, "limit", None),
            n_process=getattr(args, "n_process", 1),
            batch_size=getattr(args, "batch_size", 64),
            repeat=getattr(args, "repeat", 1),
        )
    except BreachNLPError as exc:
        print(f"breach-nlp bench: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        print(f"breach-nlp bench: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(res, indent=2) if getattr(args, "json", False) else format_bench(res))
    return 0
