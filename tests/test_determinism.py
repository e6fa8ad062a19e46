"""Same input, same output: byte-identical ``report.model_dump_json()`` across repeated runs,
input order, processes (other hash seeds), ``n_process`` values, time zones and a patched
clock (another day of the week), with ``published`` None and set.

The cases are ``tests.adversarial.determinism_cases()`` (the seed page, relative dates,
records, fragments, odd scripts); subprocesses print them with ``python -m
tests.adversarial --dump``. The contract adds: without ``published`` and without a date
on the page, relative dates stay unresolved (never resolved against today's clock).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import breach_nlp

from .adversarial import RELATIVE_DATES, ROOT, determinism_cases

CASES = determinism_cases()

# Replaces datetime.date/datetime (today/now/utcnow) and time.time with a fixed moment on
# another day of the week (Tuesday 2031-07-15), before breach_nlp is imported.
CLOCK_PRELUDE = r"""
import datetime as _d, runpy, sys, time as _t
class _Date(_d.date):
    @classmethod
    def today(cls):
        return cls(2031, 7, 15)
class _DateTime(_d.datetime):
    @classmethod
    def now(cls, tz=None):
        v = cls(2031, 7, 15, 3, 4, 5, tzinfo=_d.timezone.utc)
        return v.astimezone(tz) if tz is not None else v.replace(tzinfo=None)
    @classmethod
    def utcnow(cls):
        return cls(2031, 7, 15, 3, 4, 5)
    @classmethod
    def today(cls):
        return cls(2031, 7, 15, 3, 4, 5)
_d.date, _d.datetime = _Date, _DateTime
_t.time = lambda: 1941930245.0
assert _d.date.today().weekday() == 1
sys.argv = ["adversarial", "--dump"]
runpy.run_module("tests.adversarial", run_name="__main__", alter_sys=True)
"""


def label(i: int) -> str:
    text, published = CASES[i]
    return f"case {i} (published={published!r}): {text[:80]!r}"


@pytest.fixture(scope="module")
def baseline() -> list[str]:
    return [breach_nlp.extract(t, published=p).model_dump_json() for t, p in CASES]


def assert_same(baseline: list[str], other: list[str], how: str) -> None:
    assert len(other) == len(baseline), f"{how}: {len(other)} outputs for {len(baseline)} cases"
    diffs = [i for i, (a, b) in enumerate(zip(baseline, other)) if a != b]
    if diffs:
        i = diffs[0]
        a, b = baseline[i], other[i]
        k = next((j for j in range(min(len(a), len(b))) if a[j] != b[j]), min(len(a), len(b)))
        pytest.fail(
            f"{how}: {len(diffs)} of {len(baseline)} cases differ; first: {label(i)}\n"
            f"  here:  ...{a[max(0, k - 150):k + 150]}\n  there: ...{b[max(0, k - 150):k + 150]}"
        )


def dump_in_subprocess(env_changes: dict[str, str], prelude: str | None = None) -> list[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(env_changes)
    cmd = [sys.executable, "-c", prelude] if prelude else [sys.executable, "-m", "tests.adversarial", "--dump"]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=300)
    assert proc.returncode == 0, f"subprocess {env_changes} failed:\n{proc.stderr[-3000:]}"
    return proc.stdout.splitlines()


def test_repeated_runs_are_identical(baseline):
    for _ in range(2):
        assert_same(baseline, [breach_nlp.extract(t, published=p).model_dump_json() for t, p in CASES],
                    "repeated run")


def test_order_does_not_matter(baseline):
    """No state leaks from one text to the next."""
    out = [breach_nlp.extract(t, published=p).model_dump_json() for t, p in reversed(CASES)]
    assert_same(baseline, out[::-1], "reversed order")


def test_extract_many_matches_extract(baseline):
    out = [r.model_dump_json() for r in breach_nlp.extract_many(CASES, batch_size=3)]
    assert_same(baseline, out, "extract_many(n_process=1)")


def test_extract_many_two_processes(baseline):
    out = [r.model_dump_json() for r in breach_nlp.extract_many(CASES, n_process=2, batch_size=4)]
    assert_same(baseline, out, "extract_many(n_process=2)")


@pytest.mark.parametrize(
    "env",
    [
        {"TZ": "UTC", "PYTHONHASHSEED": "0"},
        {"TZ": "Asia/Tokyo", "PYTHONHASHSEED": "12345"},
        {"TZ": "America/Los_Angeles", "PYTHONHASHSEED": "random", "LC_ALL": "C.UTF-8"},
    ],
    ids=["UTC-hashseed0", "Tokyo-hashseed12345", "LosAngeles-hashrandom"],
)
def test_other_process_time_zone_and_hash_seed(baseline, env):
    assert_same(baseline, dump_in_subprocess(env), f"subprocess with {env}")


def test_patched_clock_other_weekday(baseline):
    """A process whose clock says Tuesday 2031-07-15 (TZ Pacific/Kiritimati, UTC+14) gives the
    same reports, with published None and set."""
    out = dump_in_subprocess({"TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "7"}, prelude=CLOCK_PRELUDE)
    assert_same(baseline, out, "patched clock (2031-07-15, a Tuesday)")


@pytest.mark.parametrize("text", RELATIVE_DATES)
def test_relative_dates_unresolved_without_published(text):
    """CONTRACT: without ``published`` and without a date on the page, relative dates stay
    unresolved (value None): never resolved against today's clock."""
    report = breach_nlp.extract(text)
    resolved = [(d.text, d.value, d.end_value) for d in report.dates if d.value or d.end_value]
    assert not resolved, f"{text!r}: resolved without a reference date: {resolved}"
