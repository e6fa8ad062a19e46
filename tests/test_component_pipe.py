"""BreachComponent.pipe runs its component a batch of docs at a time (speed round 3): the
same reports as one doc through the whole pipeline at a time, and a bounded batch."""

from __future__ import annotations

import breach_nlp
from breach_nlp.api import load, make_doc

#: SEED-like and adversarial texts: counts, money, dates, records, empty and odd input.
TEXTS = [
    "Acme Health said on March 3, 2024 that a breach exposed the names and SSNs of 15,000 patients.",
    "The company agreed to pay a $5 million settlement; over 2.3 million customers were affected.",
    '{"organization": "Foo Corp", "records_affected": 1200, "date": "2023-01-02"}',
    "",
    "\ud800 lone surrogate and 3 million records",
    "Hackers stole data of tens of millions of users. Read more: https://example.com/x",
] * 3


def test_batched_pipe_gives_the_per_doc_reports():
    per_doc = [breach_nlp.extract(t).model_dump_json() for t in TEXTS]
    for batch_size in (1, 2, 5, 64):
        got = [r.model_dump_json() for r in breach_nlp.extract_many(TEXTS, batch_size=batch_size)]
        assert got == per_doc, batch_size


def test_pipe_reads_one_batch_before_its_first_doc():
    nlp = load()
    comp = nlp.get_pipe("breach_records")
    pulled = []

    def docs():
        for i, t in enumerate(TEXTS):
            pulled.append(i)
            yield make_doc(nlp, t)

    out = comp.pipe(docs(), batch_size=4)
    next(out)
    assert len(pulled) == 4
    assert len(list(out)) == len(TEXTS) - 1
    assert list(comp.pipe(iter([]), batch_size=4)) == []
