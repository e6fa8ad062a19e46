"""Scale out on a Dask cluster you already run (``pip install "breach-nlp[dask]"``).

Each worker process loads the pipeline once (``breach_nlp.load`` caches per process) and
runs ``extract_many`` over whole partitions, so the cost per text is the same as locally.

    from dask.distributed import Client
    import dask.bag as db
    from breach_nlp.dask import extract_bag, extract_dataframe

    client = Client("tcp://scheduler:8786")          # an existing cluster
    reports = extract_bag(db.read_text("pages/*.txt", files_per_partition=100)).compute()

    ddf = extract_dataframe(dd.read_parquet("articles.parquet"), text_column="body",
                            published_column="date")   # adds report columns
"""

from __future__ import annotations

import json
from typing import Any, Iterable

#: Columns ``extract_dataframe`` adds, with their dtypes.
REPORT_COLUMNS: dict[str, str] = {
    "victim": "object",
    "records_affected": "float64",
    "data_categories": "object",
    "report": "object",
    "error": "object",
}


def _reports(items: Iterable[Any], published: Any = None, batch_size: int = 64) -> list[dict]:
    from .api import extract_many

    return [r.model_dump(mode="json") for r in extract_many(items, batch_size=batch_size, published=published)]


def extract_bag(bag: Any, *, published: Any = None, batch_size: int = 64) -> Any:
    """A ``dask.bag.Bag`` of report dicts (``BreachReport.model_dump(mode="json")``), one per
    item of ``bag``; items are texts or ``(text, published)`` pairs, order kept."""
    return bag.map_partitions(_reports, published=published, batch_size=batch_size)


def _frame_partition(df: Any, text_column: str, published_column: str | None, batch_size: int) -> Any:
    import pandas as pd

    pdf = df.copy()
    texts = pdf[text_column].tolist()
    if published_column is not None:
        pubs = [None if p is None or pd.isna(p) else p for p in pdf[published_column].tolist()]
        items: list[Any] = list(zip(texts, pubs))
    else:
        items = texts
    rows = _reports(items, batch_size=batch_size)
    pdf["victim"] = [r["victims"][0]["name"] if r["victims"] else None for r in rows]
    pdf["records_affected"] = [
        float(r["records_affected"]["value"])
        if r["records_affected"] and r["records_affected"]["value"] is not None
        else float("nan")
        for r in rows
    ]
    pdf["data_categories"] = [
        ",".join(dict.fromkeys(d["category"] for d in r["data_types"] if not d["negated"])) for r in rows
    ]
    pdf["report"] = [json.dumps(r, ensure_ascii=False) for r in rows]
    pdf["error"] = [r["error"] for r in rows]
    return pdf


def extract_dataframe(
    ddf: Any, text_column: str = "text", *, published_column: str | None = None, batch_size: int = 64
) -> Any:
    """``ddf`` with the columns of :data:`REPORT_COLUMNS` added (``report`` is the full
    report as JSON text)."""
    if text_column not in ddf.columns:
        raise KeyError(f"text_column {text_column!r} is not a column of the dataframe")
    import pandas as pd

    meta = ddf._meta.assign(**{col: pd.Series(dtype=dtype) for col, dtype in REPORT_COLUMNS.items()})
    return ddf.map_partitions(
        _frame_partition, text_column, published_column, batch_size, meta=meta
    )
