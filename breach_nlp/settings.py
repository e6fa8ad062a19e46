"""Defaults in one place (the dateparser habit): limits, names and paths."""

from __future__ import annotations

from pathlib import Path

#: Name of the pipeline under ``models/``.
PIPELINE_NAME = "breach_core"

#: Longest text ``extract`` accepts, in characters. Longer input raises TextTooLongError.
MAX_TEXT_CHARS = 20_000_000

#: Limits for parsing embedded records (bytes of one record, nesting depth).
MAX_RECORD_CHARS = 2_000_000
MAX_RECORD_DEPTH = 64

PACKAGE_DIR = Path(__file__).resolve().parent
PATTERNS_DIR = PACKAGE_DIR / "patterns"
#: Where the serialized pipeline is looked for: inside an installed wheel, then the source tree.
MODEL_DIRS = (PACKAGE_DIR / "_models", PACKAGE_DIR.parent / "models")
