"""Quickstart: extract a checked breach record from the sample page.

    python examples/quickstart.py [FILE] [--published YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import breach_nlp

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", default=HERE / "france-health-ministry.txt", type=Path)
    parser.add_argument("--published", default=None)
    args = parser.parse_args()

    text = args.file.read_text(encoding="utf-8")
    report = breach_nlp.extract(text, published=args.published)

    print("victims:         ", [v.name for v in report.victims])
    ra = report.records_affected
    print("records affected:", f"{ra.qualifier} {ra.value:,} {ra.unit}" if ra and ra.value else None)
    print("other counts:    ", [(c.value, c.unit) for c in report.record_counts if not c.main])
    print("data exposed:    ", report.data_categories, "| said NOT exposed:", report.negated_categories)
    print("dates:           ", [(d.text, d.value, d.role) for d in report.dates])
    print("money:           ", [(m.amount, m.currency, m.kind) for m in report.money])
    print("embedded records:", [r.format for r in report.embedded_records])
    for field, check in report.reconciliation.items():
        print(f"  {field:16} {check.status:12} text={check.text!r} record={check.record!r}")


if __name__ == "__main__":
    main()
