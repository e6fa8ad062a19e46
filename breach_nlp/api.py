"""``extract()``, ``extract_many()`` and ``load()``: the pipeline is loaded once per process."""

from __future__ import annotations

import datetime as _dt
import re
import threading
from typing import Any, Iterable, Iterator

from pydantic import ValidationError
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers Doc extensions)
from .components.base import STRICT
from .docext import get_values
from .errors import (
    BreachNLPError,
    InputTypeError,
    ModelNotFoundError,
    PublishedDateError,
    TextTooLongError,
)
from .schema import BreachReport
from . import settings
from .settings import MODEL_DIRS, PIPELINE_NAME

_NLP: Language | None = None
_LOCK = threading.Lock()
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: doc.user_data key: positions of lone surrogates the input had (read as U+FFFD).
SURROGATES_KEY = "breach_surrogates"


def model_path(name: str = PIPELINE_NAME):
    """Path of the serialized pipeline: inside the installed package, else the source tree."""
    for d in MODEL_DIRS:
        p = d / name
        if (p / "config.cfg").is_file():
            return p
    raise ModelNotFoundError(
        f"pipeline {name!r} not found in {', '.join(str(d) for d in MODEL_DIRS)}; "
        "run `breach-nlp build` (or `python -m breach_nlp.pipeline`) in the source tree"
    )


def load(name: str = PIPELINE_NAME) -> Language:
    """The spaCy Language behind :func:`extract` (loaded once per process and cached)."""
    global _NLP
    if _NLP is None:
        with _LOCK:
            if _NLP is None:
                import spacy

                from .pipeline import import_components

                import_components()
                nlp = spacy.load(model_path(name))
                _NLP = nlp
    return _NLP


def normalize_published(published: Any) -> str | None:
    """``published`` as an ISO ``YYYY-MM-DD`` string, or None.

    >>> normalize_published("2026-02-27T10:00:00Z")
    '2026-02-27'
    >>> normalize_published(_dt.date(2024, 3, 14))
    '2024-03-14'
    """
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        return published.date().isoformat()
    if isinstance(published, _dt.date):
        return published.isoformat()
    if isinstance(published, str):
        s = published.strip()
        m = _ISO_DATE.match(s)
        if m:
            try:
                return _dt.date.fromisoformat(m.group(0)).isoformat()
            except ValueError:
                pass
        raise PublishedDateError(
            f"published must be an ISO date such as '2026-02-27' (or a date/datetime); got {published!r}"
        )
    raise PublishedDateError(
        f"published must be a date, datetime or ISO date string, not {type(published).__name__}"
    )


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise InputTypeError(f"extract() needs text as str, not {type(text).__name__}")
    limit = settings.MAX_TEXT_CHARS
    if len(text) > limit:
        raise TextTooLongError(
            f"text has {len(text):,} characters; the limit is {limit:,} "
            "(breach_nlp.settings.MAX_TEXT_CHARS); split it first"
        )
    return str(text) if type(text) is not str else text


def make_doc(nlp: Language, text: Any, published: Any = None) -> Doc:
    """Tokenize ``text`` and attach the publication date for the components."""
    text = _check_text(text)
    pub = normalize_published(published)
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    surrogates = _surrogates(text)
    if surrogates:
        # Lone surrogates are not text (spaCy cannot hash them, JSON cannot carry them): they
        # are read as U+FFFD, one char for one, so every offset stays the same.
        text = _SURROGATE.sub("\ufffd", text)
    doc = nlp.make_doc(text)
    doc._.breach_published = pub
    if surrogates:
        doc.user_data[SURROGATES_KEY] = surrogates
    return doc


def _surrogates(text: str) -> list[int]:
    """Positions of the lone surrogates in ``text`` (U+D800..U+DFFF), found by
    ``_SURROGATE`` only in a text that has one: UTF-8 encoding (strict) fails exactly on
    them, and runs in C several times faster than the regex scan."""
    if text.isascii():
        return []
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return [m.start() for m in _SURROGATE.finditer(text)]
    return []


_SECTIONS = (
    ("victims", "breach_victims", list),
    ("organizations", "breach_orgs", list),
    ("records_affected", "breach_records_affected", None),
    ("record_counts", "breach_counts", list),
    ("data_types", "breach_data_types", list),
    ("dates", "breach_dates", list),
    ("money", "breach_money", list),
    ("embedded_records", "breach_records", list),
    ("reconciliation", "breach_reconciliation", dict),
)

#: every extension report_from_doc reads: the sections', then published, warnings, error
_REPORT_EXTS = tuple(ext for _f, ext, _e in _SECTIONS) + ("breach_published", "breach_warnings", "breach_error")


def report_from_doc(doc: Doc) -> BreachReport:
    """Assemble the BreachReport from what the components stored on the Doc.

    A section that does not validate (a component bug) is left empty and named in
    ``warnings`` rather than failing the whole report.
    """
    values = get_values(doc, _REPORT_EXTS)  # doc._ values, read directly (see docext)
    data: dict[str, Any] = {}
    for (field, _ext, empty), value in zip(_SECTIONS, values):
        data[field] = value if value is not None else (empty() if empty else None)
    published, warnings, error = values[len(_SECTIONS) :]
    data["published"] = published
    data["warnings"] = list(warnings or [])
    data["error"] = error
    surrogates = doc.user_data.get(SURROGATES_KEY)
    if surrogates:
        _drop_surrogate_mentions(data, surrogates)
    try:
        # BreachReport.model_validate(data) without its Python wrapper (same call, same result)
        return BreachReport.__pydantic_validator__.validate_python(data)
    except ValidationError as exc:
        if STRICT:
            raise
        bad = {str(e["loc"][0]) for e in exc.errors() if e.get("loc")}
        for field, _ext, empty in _SECTIONS:
            if field in bad:
                data[field] = empty() if empty else None
                data["warnings"].append(f"{field} dropped: it did not validate")
        return BreachReport.model_validate(data)


def _drop_surrogate_mentions(data: dict[str, Any], positions: list[int]) -> None:
    """Mentions spanning a lone surrogate of the input cannot satisfy both
    ``input[start:end] == text`` and JSON-safety: they are dropped, and said so."""
    from bisect import bisect_left

    def spans(m: dict) -> bool:
        i = bisect_left(positions, m["start"])
        return i < len(positions) and positions[i] < m["end"]

    dropped = 0
    for field, _ext, empty in _SECTIONS:
        value = data[field]
        if empty is list:
            keep = [m for m in value if "text" not in m or not spans(m)]
            dropped += len(value) - len(keep)
            data[field] = keep
        elif isinstance(value, dict) and "text" in value and spans(value):
            data[field] = None
            dropped += 1
    data["warnings"].append(
        f"{len(positions)} lone surrogate(s) in the input were read as U+FFFD"
        + (f"; {dropped} mention(s) spanning them were dropped" if dropped else "")
    )


def extract(text: str, published: Any = None) -> BreachReport:
    """Extract a :class:`BreachReport` from one text.

    ``published`` (date, datetime or ISO string) anchors relative dates ("on Friday");
    without it, and without a date the page states, they stay unresolved. Raises
    ``TypeError`` (InputTypeError) for non-str text, ``ValueError`` (PublishedDateError)
    for a bad ``published`` and TextTooLongError (a ValueError) past MAX_TEXT_CHARS.
    """
    nlp = load()
    return report_from_doc(nlp(make_doc(nlp, text, published)))


def _error_doc(nlp: Language, message: str) -> Doc:
    doc = nlp.make_doc("")
    doc._.breach_error = message
    return doc


def _prepare(item: Any, default: str | None) -> tuple[str, str | None, str | None]:
    """``(text, published, error)`` for one input item, checked in the calling process."""
    try:
        if isinstance(item, tuple) and len(item) == 2:
            text, pub = item
            pub = normalize_published(pub) if pub is not None else default
        else:
            text, pub = item, default
        return _check_text(text), pub, None
    except BreachNLPError as exc:
        return "", None, f"{type(exc).__name__}: {exc}"


def _docs(nlp: Language, prepared: Iterable[tuple[str, str | None, str | None]]) -> Iterator[Doc]:
    for text, pub, error in prepared:
        yield _error_doc(nlp, error) if error else make_doc(nlp, text, pub)


def _run_batch(batch: list[tuple[str, str | None, str | None]]) -> list[str]:
    """Worker side of ``extract_many(n_process>1)``: whole reports, as JSON text."""
    nlp = load()
    return [report_from_doc(doc).model_dump_json() for doc in nlp.pipe(_docs(nlp, batch), batch_size=len(batch) or 1)]


def _pool_context():  # noqa: ANN202 - a multiprocessing context
    import multiprocessing as mp

    # fork shares the loaded pipeline copy-on-write; spawn (other platforms) loads it once per worker
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def extract_many(
    texts: Iterable[Any],
    n_process: int = 1,
    batch_size: int = 64,
    *,
    published: Any = None,
) -> Iterator[BreachReport]:
    """Extract reports from many texts, in input order (an iterator, constant memory).

    Items are strings or ``(text, published)`` pairs; the ``published`` keyword applies to
    items without their own. An item that cannot be processed (not a str, a bad date, too
    long) yields an empty report whose ``error`` says why; the other items are unaffected.

    ``n_process > 1`` runs whole extractions in worker processes, each with the pipeline
    loaded once: texts go out in batches of ``batch_size`` and reports come back as JSON, at
    most ``2 * n_process`` batches in flight, so memory stays flat on endless streams. (spaCy's
    own ``nlp.pipe(n_process=...)`` also works with this pipeline, but it tokenizes in the
    parent and ships every Doc both ways, which costs more than the extraction saves.)
    """
    if not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a positive int, not {n_process!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, not {batch_size!r}")
    nlp = load()
    default = normalize_published(published)
    prepared = (_prepare(item, default) for item in texts)
    if n_process == 1:
        for doc in nlp.pipe(_docs(nlp, prepared), batch_size=batch_size):
            yield report_from_doc(doc)
        return
    yield from _extract_parallel(prepared, n_process, batch_size)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_parallel(
    prepared: Iterable[tuple[str, str | None, str | None]], n_process: int, batch_size: int
) -> Iterator[BreachReport]:
    from collections import deque

    with _pool_context().Pool(n_process) as pool:
        pending: deque = deque()
        for batch in _batches(prepared, batch_size):
            pending.append(pool.apply_async(_run_batch, (batch,)))
            while len(pending) >= 2 * n_process:
                for js in pending.popleft().get():
                    yield BreachReport.model_validate_json(js)
        while pending:
            for js in pending.popleft().get():
                yield BreachReport.model_validate_json(js)
