"""The adversarial corpus (tests/adversarial.py) in a worker process with a time limit.

Every input runs in a subprocess (``tests.adversarial.Worker``) with a time limit
proportional to its size, so a catastrophic regex or a super-linear tokenizer shows up as
a named failure instead of a hung suite. The worker runs with BREACH_NLP_STRICT=1 (a
component failure raises, with its traceback) and an audit hook that records any socket,
file write or process spawn made by breach_nlp (imported after the hook).

* ``test_scales_linearly``: for every generator, the CPU time per character at 10x the size is
  at most ``MAX_PER_CHAR_RATIO`` times the time per character at the small size.
* ``test_issue_corpus``: the sizes named in issue 10 (1 MB of digits, 200,000 nested
  brackets, a 500 KB Python literal, JSON with 10^5 keys, a sentence x10,000) finish within the
  time budget and a bounded memory growth; BREACH_NLP_SLOW=1 adds the biggest sizes
  (a 20 MB Python literal, JSON with 10^6 keys).
* ``test_code_in_records_never_runs``: scraped records that would run ``touch X`` if
  evaluated: X never appears and no spawn/write is attempted.
"""

from __future__ import annotations

import os

import pytest

from .adversarial import BREACH_SENTENCE, GENERATORS, Worker, WorkerTimeout, json_keys, rce_payloads

SLOW = os.environ.get("BREACH_NLP_SLOW", "") not in ("", "0")
slow = pytest.mark.skipif(not SLOW, reason="biggest sizes: set BREACH_NLP_SLOW=1")

#: Time budget: generous against the target (~1 µs per character for the whole pipeline).
BUDGET_SECONDS_PER_CHAR = 20e-6
BUDGET_SLACK_SECONDS = 3.0
#: Per-character time at 10x the size may grow at most this much (quadratic gives ~10).
MAX_PER_CHAR_RATIO = 4.0
#: Memory: peak RSS growth per input character, plus a constant.
MEM_BYTES_PER_CHAR = 2000
MEM_SLACK_BYTES = 300 * 2**20

SMALL = 5_000
LARGE = 10 * SMALL


def budget(n_chars: int) -> float:
    return BUDGET_SLACK_SECONDS + BUDGET_SECONDS_PER_CHAR * n_chars


@pytest.fixture(scope="module")
def worker():
    w = Worker(strict=True)
    yield w
    w.close()


def ask(worker: Worker, label: str, request: dict, n_chars: int) -> dict:
    limit = budget(n_chars)
    try:
        answer = worker.ask(request, timeout=limit)
    except WorkerTimeout:
        pytest.fail(f"{label}: no result within {limit:.1f}s for ~{n_chars:,} chars "
                    f"(budget {BUDGET_SECONDS_PER_CHAR * 1e6:.0f} µs/char + {BUDGET_SLACK_SECONDS:.0f}s): "
                    "a hang or super-linear step")
    except RuntimeError as exc:
        pytest.fail(f"{label}: {exc}")
    assert_clean(label, answer)
    return answer


def assert_clean(label: str, answer: dict) -> None:
    err = answer.get("error")
    assert err is None, f"{label}: {err['type']}: {err['message']}\n{err['traceback']}"
    assert not answer["problems"], f"{label}: {answer['problems']}"
    assert not answer["violations"], f"{label}: forbidden side effects: {answer['violations']}"


def per_char(worker: Worker, name: str, n: int) -> tuple[float, dict]:
    a = ask(worker, f"{name}({n})", {"gen": name, "size": n}, n)
    return a["cpu_seconds"][0] / max(1, a["n_chars"]), a


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_scales_linearly(worker, name):
    small, a = per_char(worker, name, SMALL)
    large, b = per_char(worker, name, LARGE)
    ratio = large / small
    if ratio > MAX_PER_CHAR_RATIO:  # re-measure once (other processes share the machine)
        small, a = per_char(worker, name, SMALL + SMALL // 10)
        large, b = per_char(worker, name, LARGE + LARGE // 10)
        ratio = large / small
    assert ratio <= MAX_PER_CHAR_RATIO, (
        f"{name}: {a['n_chars']:,} chars in {a['cpu_seconds'][0]:.3f}s CPU, {b['n_chars']:,} chars in "
        f"{b['cpu_seconds'][0]:.3f}s CPU: per-char time grew {ratio:.1f}x (limit {MAX_PER_CHAR_RATIO}x)"
    )


ISSUE_CORPUS = [
    pytest.param("digits_with_separators", 1_000_000, id="1MB-digits-with-separators"),
    pytest.param("nested_curly", 400_000, id="200k-nested-curly-brackets"),
    pytest.param("nested_square", 400_000, id="200k-nested-square-brackets"),
    pytest.param("nested_python_dict", 8 * 200_000, id="200k-nested-python-dicts", marks=slow),
    pytest.param("python_literal", 500_000, id="500KB-python-literal"),
    pytest.param("python_literal", 19_900_000, id="20MB-python-literal", marks=slow),  # < MAX_TEXT_CHARS
    pytest.param("json_many_keys", len(json_keys(10**5)), id="json-10^5-keys"),
    pytest.param("json_many_keys", len(json_keys(10**6)), id="json-10^6-keys", marks=slow),
    pytest.param("repeated_sentence", len(BREACH_SENTENCE) * 10_000, id="sentence-x10000"),
]


@pytest.mark.parametrize("name,size", ISSUE_CORPUS)
def test_issue_corpus(name, size):
    """Each finishes within budget(size) with peak memory growth bounded by its size
    (a fresh worker each, so the peak-RSS reading belongs to this input)."""
    w = Worker(strict=True)
    try:
        a = ask(w, f"{name}({size:,})", {"gen": name, "size": size}, size)
    finally:
        w.close()
    grown = (a["maxrss_kb_after"] - a["maxrss_kb_before"]) * 1024
    limit = MEM_BYTES_PER_CHAR * a["n_chars"] + MEM_SLACK_BYTES
    assert grown <= limit, f"{name}({size:,}): peak memory grew {grown / 2**20:.0f} MB (limit {limit / 2**20:.0f} MB)"


@pytest.mark.parametrize("name", sorted(rce_payloads("/nonexistent/x")))
def test_code_in_records_never_runs(worker, name, tmp_path):
    marker = tmp_path / "pwned"
    text = rce_payloads(str(marker))[name]
    for published in (None, "2026-02-27"):
        ask(worker, name, {"text": text, "published": published}, len(text))
        ask(worker, f"{name} inside the seed page", {"text": BREACH_SENTENCE + "\n\n" + text + "\n"
                                                     + BREACH_SENTENCE, "published": published}, 2000)
    assert not marker.exists(), f"{name}: the record was executed: {text!r}"


def test_worker_import_and_load_have_no_side_effects(worker):
    worker.ask({"text": "x"}, timeout=budget(1))
    assert worker.startup_violations == [], worker.startup_violations


# -- every regex, on its own ------------------------------------------------------------

#: Regexes reviewed as super-linear in isolation but only ever applied to a bounded window
#: (label -> where the bound is). Anything super-linear and not listed here fails.
REVIEWED_BOUNDED: dict[str, str] = {
    "breach_nlp.components.counts._BARE_STOLEN": "counts.py: .match(text, num_end, after_end), after_end <= e + 160",
    "breach_nlp.components.counts._BREACH_PARTICIPLE": "counts.py: .match(text, unit_end, after_end), after_end <= e + 160",
    "breach_counts.not_after": "counts.py: .match(text, unit_end, after_end), after_end <= e + 160",
    "breach_counts.subset_after": "counts.py: .match(text, num_end, after_end), after_end <= e + 160",
    "breach_nlp.components.counts._OF_DET": "counts.py: .match(text, pos, window_end), window_end <= pos + 90",
    "breach_nlp.components.dates._WORD_BEFORE": "dates.py: .search(text, m.start() - 20, m.start())",
    "breach_orgs.hhs_right": "orgs.py: .match(text, pos, min(..., pos + 80))",
    "breach_orgs.hhs_ba_right": "orgs.py: .match(text, pos, min(..., pos + 80))",
    "breach_orgs.right_pats": "orgs.py _score: every right rule runs on `right`, at most 180 chars",
    "breach_orgs.title_rev": "orgs.py _title_before: anchored .match on the reversed `left` window (<= 80 chars)",
    "breach_orgs.right_gate_lc": "orgs.py _score: anchored .match on the `right` windows (<= 180 chars)",
    "breach_orgs.right_gate_cs": "orgs.py _score: anchored .match on the `right` windows (<= 180 chars)",
    "breach_orgs.left_pats": "orgs.py _score: every left rule runs (reversed) on `left`, at most 80 chars",
    "breach_nlp.components.orgs._LIST_GAP": "orgs.py: .fullmatch only when the gap is <= 40 chars "
                                            "(whitespace_between_orgs checks it end to end)",
}
#: A regex is super-linear when 4x the input costs more than this many times the time
#: (linear: 4; quadratic: 16) and the larger run takes over MIN_SECONDS of CPU.
REGEX_MAX_GROWTH = 8.0
REGEX_MIN_SECONDS = 0.002
REGEX_LINE_TIMEOUT = 5.0


def reviewed(label: str) -> bool:
    """Listed in REVIEWED_BOUNDED, itself or as a table (``name`` covers ``name[i][j]``)."""
    return label in REVIEWED_BOUNDED or label.split("[", 1)[0] in REVIEWED_BOUNDED


def run_regex_audit(skip: list[str]) -> tuple[dict[str, str], set[str], str | None]:
    """One audit subprocess: (super-linear regexes, audited labels, the label that hung)."""
    import json as _json
    import select
    import signal
    import subprocess
    import sys

    from .adversarial import ROOT

    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               PYTHONDONTWRITEBYTECODE="1", BREACH_NLP_REGEX_GROWTH=str(REGEX_MAX_GROWTH),
               BREACH_NLP_REGEX_SKIP=_json.dumps(sorted(set(skip) | set(REVIEWED_BOUNDED))))
    proc = subprocess.Popen([sys.executable, "-m", "tests.adversarial", "--regex-audit"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    slow: dict[str, str] = {}
    audited: set[str] = set()
    last: dict = {}
    try:
        while True:
            ready, _, _ = select.select([proc.stdout], [], [], REGEX_LINE_TIMEOUT)
            if not ready:
                slow[last["start"]] = (f"did not finish within {REGEX_LINE_TIMEOUT:.0f}s on "
                                       f"{last['unit']!r} * 1600 (catastrophic backtracking)")
                return slow, audited, last["start"]
            line = proc.stdout.readline()
            if not line:
                assert proc.wait() == 0, proc.stderr.read()[-3000:]
                pytest.fail("regex audit ended early")
            row = _json.loads(line)
            if row.get("done"):
                return slow, audited, None
            if "start" in row:
                last = row
                continue
            audited.add(row["regex"])
            small, large = row["seconds"]
            if large > REGEX_MIN_SECONDS and large > REGEX_MAX_GROWTH * max(small, 1e-6):
                if not reviewed(row["regex"]) and row["regex"] not in slow:
                    slow[row["regex"]] = (f"{small:.4f}s -> {large:.4f}s CPU for 4x the input "
                                          f"{row['unit']!r} * {row['sizes']}: /{row['pattern']}/")
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()


def test_every_regex_is_linear():
    """Each compiled regex of the package and the loaded pipeline (evaluation code, which
    reads trusted gold files, aside), run with ``finditer`` over ~50 repeated units (spaces,
    letters, digits, separators, quotes, brackets and the words of the pattern itself) at
    two sizes, grows linearly. A run that does not finish within REGEX_LINE_TIMEOUT names
    the regex (catastrophic backtracking); the audit then resumes after it."""
    slow: dict[str, str] = {}
    audited: set[str] = set()
    skip: list[str] = []
    for _ in range(8):
        found, seen, hung = run_regex_audit(skip)
        slow.update(found)
        audited |= seen
        if hung is None:
            break
        skip += sorted(seen) + [hung]
    assert len(audited) > 20, f"only {len(audited)} regexes audited"
    assert not slow, "super-linear regexes:\n" + "\n".join(f"  {k}: {v}" for k, v in sorted(slow.items()))
