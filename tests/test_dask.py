"""The Dask integration against a real LocalCluster with 2 worker processes."""

from __future__ import annotations

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import breach_nlp  # noqa: E402
from breach_nlp.dask import extract_bag, extract_dataframe  # noqa: E402

TEXTS = [
    "Acme Corp said hackers stole the data of 2,000 customers.",
    "Nothing to see here.",
    "",
    "The breach exposed names and Social Security numbers of 15 million people.",
]


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as c:
            yield c


def test_extract_bag_matches_local(client, seed_text):
    import dask.bag as db

    texts = TEXTS + [seed_text]
    got = extract_bag(db.from_sequence(texts, npartitions=2)).compute()
    want = [r.model_dump(mode="json") for r in breach_nlp.extract_many(texts)]
    assert got == want


def test_extract_dataframe(client, seed_text):
    import dask.dataframe as dd

    pdf = pd.DataFrame({"body": TEXTS + [seed_text], "date": [None, None, None, None, "2026-02-27"]})
    out = extract_dataframe(dd.from_pandas(pdf, npartitions=2), "body", published_column="date").compute()
    assert list(out["body"]) == list(pdf["body"])
    import json

    want = breach_nlp.extract(seed_text, published="2026-02-27").model_dump(mode="json")
    assert json.loads(out["report"].iloc[-1]) == want
    assert out["error"].isna().all()
    assert set(out.columns) >= {"victim", "records_affected", "data_categories", "report", "error"}
