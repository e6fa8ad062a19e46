"""Adversarial inputs for breach_nlp, made by code (nothing big is stored on disk).

Three parts:

* ``GENERATORS``: name -> ``fn(n) -> str`` giving an input of about ``n`` characters
  (digits with separators, nested brackets, huge Python literals, JSON with many keys,
  repeated breach sentences, and a pathological input for each kind of regex the
  components use: runs of capitalized words, of digits and commas, of "a a a", of quotes,
  of dates, of money, of negations, of ``Key: value`` lines...). Deterministic: the same
  ``(name, n)`` always gives the same string.
* ``rce_payloads(marker)``: texts that would create the file ``marker`` if any part of the
  library ever ``eval``/``exec``-ed a scraped record.
* ``report_problems(text, report)``: every broken guarantee of one report, in words
  (offsets, counts, ISO dates, JSON safety, component failures recorded as warnings).

Run as a worker (``python -m tests.adversarial --worker``) it reads JSON requests on
stdin, builds the input itself (megabytes never cross the pipe), runs ``extract`` and
answers one JSON line: timings, the error with its traceback, the problems, peak memory,
and every forbidden side effect (socket, file write, process spawn) seen by an audit
hook installed before breach_nlp is imported. ``tests/test_adversarial.py`` drives it
with a per-input timeout, so a catastrophic regex shows up as a named failure, not a hung
test run. ``--dump`` prints ``model_dump_json()`` of ``DETERMINISM_CASES``, one per line
(used by tests/test_determinism.py in subprocesses with other TZ, clock and hash seeds).
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
import random
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------------------
# Fragments of breach reporting: what the components look for, so that generated text
# reaches deep into their rules instead of being dismissed at the first regex.
# --------------------------------------------------------------------------------------

BREACH_SENTENCE = (
    "Acme Health Systems Inc. said on Friday that hackers stole the names, Social Security "
    "numbers and medical records of 15 million patients in March 2024, and paid a $5m ransom. "
)

FRAGMENTS: tuple[str, ...] = (
    "15 million", "1.2 million", "4,500,000", "over 15 million individuals", "56k users",
    "$5m", "€1.2 billion", "£20,000 fine", "a ransom of 75 BTC", "$22 million settlement",
    "{'a': 1}", '{"name": "Acme", "records": 15000000}', "[", "]", "{", "}", "'", '"',
    "Name: Acme Corp", "Records: 1,000", "Date: 2/2026", "\nType of Breach: Hacking\n",
    "on Friday", "last month", "in March 2024", "2024-02-30", "03/14/2024", "yesterday",
    "did not include SSNs", "may have included passwords", "Social Security numbers",
    "credit card numbers", "email addresses", "medical records", "no financial information",
    "Acme Health Inc.", "the Department of Health", "ShinyHunters", "HHS OCR", "U.S.",
    "https://example.com/a?b=c", "www.", "said", "breach", "hackers", "accounts",
    "\n", "\n\n", " ", ". ", ", ", ": ", "(", ")", "\u00a0", "\u202f", "\t",
)

# Scripts and characters that break naive text handling (mixed scripts, RTL, combining
# marks, digits outside ASCII that str.isdigit() accepts but int() refuses, and so on).
ODD_PIECES: tuple[str, ...] = (
    "Ацме Хелс", "شركة الصحة", "株式会社アクメ", "आक्मे", "Ελλάδα", "한국", "😀🔥", "👩‍💻",
    "\u200b", "\u200d", "\u200e", "\u202e", "\ufeff", "\x00", "\x0b", "\x1f", "\x7f", "\x85",
    "\u2028", "\u2029", "a\u0301\u0301\u0301", "\ud800", "\udfff", "\U0010ffff",
    "１５ million", "١٥ million", "²³ million", "𝟙𝟝 million", "15\u00a0million", "1.5e309 million",
    "९ million records", "Ⅻ million",
)

# Text whose resolution would depend on the clock if a component ever looked at it.
RELATIVE_DATES: tuple[str, ...] = (
    "The company said on Friday that it found the breach.",
    "Hackers accessed the network last month and again yesterday.",
    "The breach was discovered earlier this year and disclosed last week.",
    "It was detected on Monday, two days after the attack, in March.",
    "The incident began three weeks ago; notices went out today.",
)

# --------------------------------------------------------------------------------------
# Generators: fn(n) -> about n characters. Keep every one linear to build.
# --------------------------------------------------------------------------------------


def _fill(unit: str, n: int) -> str:
    """``unit`` repeated to about ``n`` characters (at least once)."""
    return unit * max(1, n // max(1, len(unit)))


def digits_with_separators(n: int) -> str:
    rnd = random.Random(n)
    seps = [",", ".", " ", "\u00a0", "'", "-", "/", ":", ", ", ". "]
    out, size = [], 0
    while size < n:
        piece = str(rnd.randint(0, 999_999)) + rnd.choice(seps)
        out.append(piece)
        size += len(piece)
    return "".join(out)


def thousands_groups_count(n: int) -> str:
    """``123,456,789,...`` one valid-looking grouped number of ~n digits, then a unit:
    int() of more than 4,300 digits raises ValueError in CPython >= 3.11."""
    return "Hackers stole " + _fill("123,", n)[:-1] + " million records."


def long_number_count(n: int) -> str:
    return "The breach exposed " + "9" * n + " records and cost $" + "9" * n + "."


def digit_commas(n: int) -> str:
    return _fill("1,", n) + " individuals"


def digit_run(n: int) -> str:
    return "9" * n


def nested_curly(n: int) -> str:
    return "{" * (n // 2) + "}" * (n // 2)


def nested_square(n: int) -> str:
    return "[" * (n // 2) + "]" * (n // 2)


def nested_python_dict(n: int) -> str:
    depth = n // 8
    return "{'a': " * depth + "1" + "}" * depth


def nested_json_dict(n: int) -> str:
    depth = n // 8
    return '{"a": ' * depth + "1" + "}" * depth


def unbalanced_brackets(n: int) -> str:
    return _fill("{[(", n) + " breach of 15 million records"


def python_literal(n: int) -> str:
    """A Python dict literal like the seed page's dump, about n characters long."""
    parts, size, i = [], 20, 0
    while True:
        p = (
            f"'key_{i}': {{'customers_affected': '{i * 7919}', 'name': 'Org {i}’s unit', "
            f"'type_of_data_compromised': ['Medical records', 'Names'], 'flag': True, 'n': None}}"
        )
        if parts and size + len(p) + 3 > n:
            break
        parts.append(p)
        size += len(p) + 3
        i += 1
    return "Breach report\n{" + ",\n ".join(parts) + "}\n"


def json_many_keys(n: int) -> str:
    """A JSON object of about n characters, as many keys as fit."""
    parts, size, i = [], 10, 0
    while size < n:
        p = f'"k{i}": {i}'
        parts.append(p)
        size += len(p) + 2
        i += 1
    return "Record:\n{" + ", ".join(parts) + "}\n"


def json_keys(keys: int) -> str:
    """A JSON object with exactly ``keys`` keys."""
    return "Record:\n{" + ", ".join(f'"k{i}": {i}' for i in range(keys)) + "}\n"


def repeated_sentence(n: int) -> str:
    return _fill(BREACH_SENTENCE, n)


def capitalized_words(n: int) -> str:
    rnd = random.Random(1)
    words = ["Acme", "Health", "Data", "Systems", "National", "Bank", "Group", "Holdings",
             "Services", "Department", "Of", "The", "Medical", "Center", "University"]
    out, size = [], 0
    while size < n:
        w = rnd.choice(words)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def capitalized_then_suffix(n: int) -> str:
    return capitalized_words(n) + " Inc. said hackers stole data."


def same_word(n: int) -> str:
    return _fill("a ", n)


def the_word_run(n: int) -> str:
    return _fill("The ", n) + "breach"


def double_quotes(n: int) -> str:
    return '"' * n


def nested_quotes(n: int) -> str:
    return _fill("\"'“‘«", n) + "Acme" + _fill("»’”'\"", n)


def quoted_words(n: int) -> str:
    return _fill('"a "b ', n)


def colon_lines(n: int) -> str:
    return _fill("Name: Acme Corp\n", n)


def colon_chain(n: int) -> str:
    return _fill("a: ", n)


def key_no_value(n: int) -> str:
    return _fill('"key": ', n)


def kv_fragment(n: int) -> str:
    return _fill('"date": "2/2026",\n"severity": "100",\n', n)


def newlines(n: int) -> str:
    return "\n" * n


def spaces(n: int) -> str:
    return "x" + " " * n + "x"


def crlf_blank_lines(n: int) -> str:
    return _fill("\r\n \t\r\n", n)


def periods(n: int) -> str:
    return _fill(". ", n)


def ellipsis_run(n: int) -> str:
    return "." * n


def abbreviations(n: int) -> str:
    return _fill("Inc. U.S. Dr. ", n)


def initials(n: int) -> str:
    return _fill("A. B. ", n) + "Smith"


def long_url(n: int) -> str:
    return "See https://" + "a" * n + " for details."


def url_prefixes(n: int) -> str:
    return _fill("www.", n)


def month_names(n: int) -> str:
    return _fill("January ", n) + "2024"


def date_dashes(n: int) -> str:
    return _fill("2024-", n)


def date_slashes(n: int) -> str:
    return _fill("1/", n) + "2024"


def weekday_run(n: int) -> str:
    return _fill("on Friday ", n)


def relative_dates(n: int) -> str:
    return _fill(" ".join(RELATIVE_DATES) + " ", n)


def dollar_run(n: int) -> str:
    return "$" * n


def money_run(n: int) -> str:
    return _fill("$5m ", n)


def money_words(n: int) -> str:
    return _fill("million ", n)


def count_words(n: int) -> str:
    return _fill("15 ", n) + "million records"


def negation_run(n: int) -> str:
    return _fill("did not include ", n) + "SSNs"


def not_run(n: int) -> str:
    return _fill("not ", n) + "Social Security numbers"


def data_type_list(n: int) -> str:
    return "exposed " + _fill("names, email addresses, ", n) + "and passwords"


def zero_width(n: int) -> str:
    return _fill("a\u200b", n)


def combining_marks(n: int) -> str:
    return "a" + "\u0301" * n


def nul_bytes(n: int) -> str:
    return _fill("15\x00million\x00", n)


def mixed_scripts(n: int) -> str:
    return _fill("Ацме株式会社شركة😀 15 million ", n)


def html_tags(n: int) -> str:
    return _fill("<div>", n) + "15 million" + _fill("</div>", n)


def json_ld_scripts(n: int) -> str:
    return _fill('<script type="application/ld+json">{"@type": "Organization", ', n)


def long_token(n: int) -> str:
    return "a" * n


def hyphen_run(n: int) -> str:
    return _fill("-", n) + "15-million-records"


def whitespace_between_orgs(n: int) -> str:
    """A long whitespace gap between two organization names in one sentence (as HTML-to-text
    scrapes produce), the input of orgs' list-gap regex."""
    return "Hackers breached Acme Health Corp" + " " * n + "Beta Bank Corp, the companies said."


def record_org_spaces(n: int) -> str:
    """An embedded record whose organization holds a long run of spaces: reconcile compares
    it with the prose victim (orgnames.same_org / split_dba)."""
    rec = {"Name of Covered Entity": "Acme" + " " * n + "Health", "Individuals Affected": 1348}
    return ("Acme Health Corp said hackers stole the records of 1,348 patients.\n\nBreach report\n"
            + json.dumps(rec, indent=2) + "\n")


def punct_runs_under_cut(n: int) -> str:
    """Runs of 200-255 brackets, dollars or quotes (just under breach_nlp.tokenizer's LONG_RUN
    cut), each different so spaCy's token cache never helps."""
    rnd = random.Random(2)
    out, size, i = [], 0, 0
    while size < n:
        piece = rnd.choice("{[($\"'") * rnd.randint(197, 252) + str(i)
        out.append(piece)
        size += len(piece) + 1
        i += 1
    return " ".join(out)


def parens(n: int) -> str:
    return "(" * (n // 2) + "15 million" + ")" * (n // 2)


GENERATORS: dict[str, Callable[[int], str]] = {
    f.__name__: f
    for f in (
        digits_with_separators, thousands_groups_count, long_number_count, digit_commas,
        digit_run, nested_curly, nested_square, nested_python_dict, nested_json_dict,
        unbalanced_brackets, python_literal, json_many_keys, repeated_sentence,
        capitalized_words, capitalized_then_suffix, same_word, the_word_run, double_quotes,
        nested_quotes, quoted_words, colon_lines, colon_chain, key_no_value, kv_fragment,
        newlines, spaces, crlf_blank_lines, periods, ellipsis_run, abbreviations, initials,
        long_url, url_prefixes, month_names, date_dashes, date_slashes, weekday_run,
        relative_dates, dollar_run, money_run, money_words, count_words, negation_run,
        not_run, data_type_list, zero_width, combining_marks, nul_bytes, mixed_scripts,
        html_tags, json_ld_scripts, long_token, hyphen_run, parens, whitespace_between_orgs,
        record_org_spaces, punct_runs_under_cut,
    )
}


def rce_payloads(marker: str) -> dict[str, str]:
    """Scraped "records" that create ``marker`` if anything evaluates them as code."""
    m = marker.replace("\\", "\\\\").replace("'", "\\'")
    sh = f"touch {marker}"
    return {
        "import_os_system": f"Breach report\n{{'a': __import__('os').system('{sh}')}}\n",
        "seed_like_dict": (
            "Hackers stole 15 million records.\n"
            f"{{'affected_entities': [{{'name': 'Acme', 'customers_affected': "
            f"__import__('os').system('{sh}')}}], 'type': 'Data Breach'}}\n"
        ),
        "open_write": f"{{'name': 'Acme', 'x': open('{m}', 'w').write('pwned')}}",
        "exec_string": f"{{'name': 'Acme', 'x': exec(\"open('{m}', 'w')\")}}",
        "eval_string": f"{{'name': 'Acme', 'x': eval(\"__import__('os').system('{sh}')\")}}",
        "subprocess": f"{{'name': 'Acme', 'x': __import__('subprocess').call(['touch', '{m}'])}}",
        "lambda_call": f"{{'name': (lambda: __import__('os').system('{sh}'))()}}",
        "fstring": f"{{'name': f\"{{__import__('os').system('{sh}')}}\"}}",
        "dunder_walk": (
            "{'name': ().__class__.__bases__[0].__subclasses__(), "
            f"'x': __import__('pathlib').Path('{m}').touch()}}"
        ),
        "json_with_code": f'{{"name": "Acme", "records": __import__("os").system("{sh}")}}',
        "key_value_code": f"Name: __import__('os').system('{sh}')\nRecords: 15000000\n",
        "yaml_tag": f"!!python/object/apply:os.system ['{sh}']\nname: Acme\n",
        "pickle_like": "cos\nsystem\n(S'" + sh + "'\ntR.",
        "jsonld_code": (
            '<script type="application/ld+json">{"@type": "Organization", "name": '
            f"__import__('os').system('{sh}')}}</script>"
        ),
    }


# --------------------------------------------------------------------------------------
# What every report must satisfy (besides tests/conftest.py's check_offsets).
# --------------------------------------------------------------------------------------

ISO_BY_PRECISION = {
    "year": re.compile(r"\d{4}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
}
_FAILURE_WARNING = re.compile(r"\b(?:failed|dropped)\b|Error\b|Exception\b")
_CURRENCY = re.compile(r"[A-Z]{3}")


def iso_problem(value: Any, precision: str | None = None) -> str | None:
    """Why ``value`` is not an ISO date at a stated precision (None when it is fine)."""
    if value is None:
        return None
    if not isinstance(value, str):
        return f"date value {value!r} is not a string"
    found = [p for p, rx in ISO_BY_PRECISION.items() if rx.fullmatch(value)]
    if not found:
        return f"date value {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    try:
        y, *rest = (int(x) for x in value.split("-"))
        _dt.date(y, rest[0] if rest else 1, rest[1] if len(rest) > 1 else 1)
    except ValueError as exc:
        return f"date value {value!r} is not a real date ({exc})"
    if precision is not None and precision not in found:
        return f"date value {value!r} does not have its stated precision {precision!r}"
    return None


def _json_safe(obj: Any) -> str | None:
    try:
        json.dumps(obj, allow_nan=False)
    except (TypeError, ValueError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def report_problems(text: str, report: Any) -> list[str]:
    """Every broken guarantee of ``report`` (extracted from ``text``), in words."""
    from breach_nlp.schema import RECONCILED_FIELDS, BreachReport

    if not isinstance(report, BreachReport):
        return [f"extract returned {type(report).__name__}, not BreachReport"]
    problems: list[str] = []
    n = len(text)
    mentions = [
        *report.victims, *report.organizations, *report.record_counts, *report.data_types,
        *report.dates, *report.money,
    ]
    if report.records_affected is not None:
        mentions.append(report.records_affected)
    for m in mentions:
        if not (0 <= m.start <= m.end <= n) or text[m.start:m.end] != m.text:
            problems.append(f"bad offsets {type(m).__name__}({m.start}, {m.end}, {m.text[:60]!r})")
    for r in report.embedded_records:
        if not (0 <= r.start < r.end <= n):
            problems.append(f"bad embedded record range ({r.start}, {r.end}) in a text of {n}")
        why = _json_safe(r.raw) or _json_safe(r.fields)
        if why:
            problems.append(f"embedded record not JSON-safe: {why}")
    for c in report.record_counts + ([report.records_affected] if report.records_affected else []):
        if c.value is not None and c.value < 0:
            problems.append(f"negative count {c.value} from {c.text!r}")
    for d in report.dates:
        for v in (d.value, d.end_value):
            why = iso_problem(v, d.precision if v is d.value else None)
            if why:
                problems.append(f"{why} (from {d.text[:60]!r})")
    for m in report.money:
        if isinstance(m.amount, float) and not math.isfinite(m.amount):
            problems.append(f"money amount {m.amount} from {m.text[:60]!r} is not finite")
        elif m.amount < 0:
            problems.append(f"negative money amount {m.amount} from {m.text[:60]!r}")
        if m.currency is not None and not _CURRENCY.fullmatch(m.currency):
            problems.append(f"currency {m.currency!r} is not an ISO 4217-like code")
    for o in report.victims + report.organizations:
        if not o.name.strip():
            problems.append(f"organization with an empty name at {o.start}")
    extra = set(report.reconciliation) - set(RECONCILED_FIELDS)
    if extra:
        problems.append(f"unknown reconciliation keys {sorted(extra)}")
    for w in report.warnings:
        if _FAILURE_WARNING.search(w):
            problems.append(f"component failure recorded as warning: {w}")
    try:
        why = _json_safe(report.model_dump(mode="json"))
    except Exception as exc:  # noqa: BLE001 - reported as a problem
        why = f"model_dump raised {type(exc).__name__}: {str(exc)[:200]}"
    if why:
        problems.append(f"model_dump(mode='json') is not JSON-safe: {why}")
    try:
        again = BreachReport.model_validate_json(report.model_dump_json())
        if again != report:
            problems.append("report does not round-trip through model_dump_json")
    except Exception as exc:  # noqa: BLE001 - reported as a problem
        problems.append(f"model_dump_json/validate failed: {type(exc).__name__}: {str(exc)[:200]}")
    return problems


# --------------------------------------------------------------------------------------
# Determinism cases (tests/test_determinism.py): small, varied, with and without published.
# --------------------------------------------------------------------------------------

SEED_PATH = ROOT / "examples" / "france-health-ministry.txt"


def determinism_cases() -> list[tuple[str, str | None]]:
    seed = SEED_PATH.read_text(encoding="utf-8")
    texts = [
        seed,
        BREACH_SENTENCE * 3,
        *RELATIVE_DATES,
        " ".join(RELATIVE_DATES) + " " + BREACH_SENTENCE,
        "Name: Acme Corp\nRecords: 1,000\nDate: 2/2026\n",
        '{"name": "Acme", "records": 15000000, "date": "2024-03-14", "data": ["SSN", "email"]}',
        "".join(FRAGMENTS),
        "".join(p for p in ODD_PIECES if not ("\ud800" <= p[0] <= "\udfff")),
        python_literal(3000),
        capitalized_then_suffix(2000),
    ]
    cases: list[tuple[str, str | None]] = []
    for t in texts:
        cases.append((t, None))
        cases.append((t, "2026-02-27"))  # a Friday
    return cases


# --------------------------------------------------------------------------------------
# Worker process: audit hook, request loop.
# --------------------------------------------------------------------------------------

VIOLATIONS: list[str] = []
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_FORBIDDEN_EVENTS = (
    "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
    "socket.sendto", "urllib.Request", "http.client.connect", "os.system", "os.exec",
    "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty", "subprocess.Popen", "os.remove",
    "os.rename", "os.mkdir", "os.rmdir", "os.truncate", "os.symlink", "os.link", "os.chmod",
    "shutil.rmtree", "shutil.copyfile", "shutil.move", "pty.spawn",
)


def _audit(event: str, args: tuple) -> None:
    bad = None
    if event in _FORBIDDEN_EVENTS:
        bad = f"{event}{args!r}"[:300]
    elif event == "open" and len(args) >= 3:
        path, mode, flags = args[0], args[1], args[2]
        if isinstance(mode, str) and any(c in mode for c in "wax+"):
            bad = f"open({path!r}, {mode!r})"
        elif mode is None and isinstance(flags, int) and flags & _WRITE_FLAGS:
            bad = f"os.open({path!r}, flags={flags:#o})"
    if bad is not None:
        VIOLATIONS.append(bad)
        raise PermissionError(f"breach_nlp test audit hook: forbidden at run time: {bad}")


def _maxrss_kb() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _run_request(req: dict) -> dict:
    import traceback

    import breach_nlp

    if "text" in req:
        text = req["text"]
    else:
        text = GENERATORS[req["gen"]](int(req["size"]))
    out: dict[str, Any] = {"n_chars": len(text), "seconds": [], "cpu_seconds": [], "error": None,
                           "problems": []}
    del VIOLATIONS[:]
    rss0 = _maxrss_kb()
    report = None
    for _ in range(int(req.get("repeat", 1))):
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            report = breach_nlp.extract(text, published=req.get("published"))
        except BaseException as exc:  # noqa: BLE001 - the test decides what is allowed
            out["error"] = {
                "type": type(exc).__name__,
                "mro": [c.__name__ for c in type(exc).__mro__],
                "message": str(exc)[:500],
                "traceback": traceback.format_exc()[-3000:],
            }
            break
        finally:
            out["seconds"].append(time.perf_counter() - t0)
            out["cpu_seconds"].append(time.process_time() - c0)
    if report is not None:
        out["problems"] = report_problems(text, report)
        if req.get("want_json"):
            out["json"] = report.model_dump(mode="json")
    out["maxrss_kb_before"] = rss0
    out["maxrss_kb_after"] = _maxrss_kb()
    out["violations"] = list(VIOLATIONS)
    return out


def worker_main() -> int:
    """Request loop: one JSON object per stdin line, one JSON answer per stdout line."""
    sys.dont_write_bytecode = True
    import spacy  # noqa: F401  (third-party imports probe the host, e.g. urllib3's IPv6 check)

    sys.addaudithook(_audit)  # from here on: breach_nlp's own import, load and every extract
    import breach_nlp

    breach_nlp.load()
    # Warm-up (lazy imports, regex caches) so timings measure the input, not the first call.
    breach_nlp.extract(BREACH_SENTENCE + "".join(FRAGMENTS), published="2026-02-27")
    print(json.dumps({"ready": True, "violations": list(VIOLATIONS)}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = _run_request(json.loads(line))
        except BaseException as exc:  # noqa: BLE001 - a broken generator is reported too
            answer = {"error": {"type": type(exc).__name__, "mro": [], "message": str(exc)[:500],
                                "traceback": ""}, "seconds": [], "problems": [], "violations": []}
        print(json.dumps(answer, ensure_ascii=True), flush=True)
    return 0


def dump_main() -> int:
    """Print model_dump_json() of every determinism case, one per line."""
    import breach_nlp

    for text, published in determinism_cases():
        print(breach_nlp.extract(text, published=published).model_dump_json())
    return 0


# --------------------------------------------------------------------------------------
# Regex audit: every compiled regex of the package and of the loaded components, run
# (finditer, as the components do) over repeated units at two sizes.
# --------------------------------------------------------------------------------------

REGEX_UNITS: tuple[str, ...] = (
    "a", "A", "Aa ", "a ", "A ", "1", "1,", "1 ", "1.", "12,345 ", " ", "\t", "\n", "a\n", ". ",
    ", ", "'", '"', "“", "-", "–", ":", "a:", "$", "$1", "(", ")", "[", "{", "<", "/", "@", "#",
    "a.", "A.", "Inc. ", "the ", "of ", "a1", "A1 ", "on ", "\u00a0",
)
_LITERAL_WORD = re.compile(r"(?<![\\])\b[A-Za-z]{3,12}\b")


def regex_inventory() -> list[tuple[str, re.Pattern]]:
    """(label, pattern) for every compiled regex reachable from the breach_nlp modules and
    the loaded pipeline's components (attributes, and dicts/lists of them)."""
    import importlib
    import pkgutil

    import breach_nlp

    seen: dict[int, tuple[str, re.Pattern]] = {}

    def walk(obj: Any, label: str, depth: int = 0) -> None:
        if isinstance(obj, re.Pattern):
            seen.setdefault(id(obj), (label, obj))
        elif depth < 3 and isinstance(obj, dict):
            for k, v in obj.items():
                walk(v, f"{label}[{k!r}]", depth + 1)
        elif depth < 3 and isinstance(obj, (list, tuple)):
            for i, v in enumerate(obj):
                walk(v, f"{label}[{i}]", depth + 1)

    for name, proc in breach_nlp.load().pipeline:
        for k, v in vars(proc).items():
            walk(v, f"{name}.{k}")
    for info in pkgutil.walk_packages(breach_nlp.__path__, "breach_nlp."):
        if info.name.endswith("__main__"):
            continue
        mod = importlib.import_module(info.name)
        for k, v in vars(mod).items():
            walk(v, f"{info.name}.{k}")
    return sorted(seen.values(), key=lambda x: x[0])


def regex_attacks(pattern: re.Pattern, n: int) -> list[tuple[str, str]]:
    """(unit, text): each unit repeated to n chars, ending in a character no rule wants."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else ""  # None when built from a parse tree
    words = list(dict.fromkeys(_LITERAL_WORD.findall(source)))[:8]
    units = list(REGEX_UNITS) + [w + " " for w in words] + [w.capitalize() + " " for w in words[:4]]
    return [(u, _fill(u, n) + "\x00!") for u in units]


def regex_audit_main() -> int:
    """Stream one JSON line per (regex, unit): CPU seconds at two sizes. A line announcing
    each run comes first, so a parent that times out knows which regex hung."""
    sizes = [int(x) for x in os.environ.get("BREACH_NLP_REGEX_SIZES", "400,1600").split(",")]
    skip = set(json.loads(os.environ.get("BREACH_NLP_REGEX_SKIP", "[]")))
    for label, pat in regex_inventory():
        if (label in skip or label.split("[", 1)[0] in skip
                or label.startswith(("breach_nlp.evaluation.", "breach_nlp.cli."))):
            continue  # already audited, or code that only reads trusted gold files / argv
        attacks = {n: regex_attacks(pat, n) for n in sizes}
        growth = float(os.environ.get("BREACH_NLP_REGEX_GROWTH", "8"))
        for i, (unit, _) in enumerate(attacks[sizes[0]]):
            print(json.dumps({"start": label, "unit": unit}), flush=True)

            def measure() -> list[float]:
                out = []
                for n in sizes:
                    text = attacks[n][i][1]
                    c0 = time.process_time()
                    for _m in pat.finditer(text):
                        pass
                    out.append(time.process_time() - c0)
                return out

            secs = measure()
            for _ in range(2):  # a busy machine (a collection, a context switch) can spoil one run
                if not (secs[-1] > 0.002 and secs[-1] > growth * max(secs[0], 1e-6)):
                    break
                secs = [min(a, b) for a, b in zip(secs, measure())]
            print(json.dumps({"regex": label, "pattern": str(pat.pattern)[:300], "unit": unit,
                              "sizes": sizes, "seconds": secs}), flush=True)
            if secs[-1] > 0.002 and secs[-1] > growth * max(secs[0], 1e-6):
                break  # one super-linear unit is enough to name this regex
    print(json.dumps({"done": True}), flush=True)
    return 0


class WorkerTimeout(Exception):
    pass


class Worker:
    """A worker subprocess driven from a test: ``ask(request, timeout)`` -> answer dict.

    A request that does not answer within ``timeout`` seconds kills the worker (by its own
    pid) and raises WorkerTimeout; the next ``ask`` starts a fresh one.
    """

    def __init__(self, strict: bool = True, env: dict[str, str] | None = None) -> None:
        self.strict = strict
        self.extra_env = env or {}
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["BREACH_NLP_STRICT"] = "1" if self.strict else "0"
        env.update(self.extra_env)
        import tempfile

        self.stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.adversarial", "--worker"],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self.stderr, text=True, encoding="utf-8", bufsize=1,
        )
        ready = self._read(timeout=120)
        if not ready.get("ready"):
            raise RuntimeError(f"worker did not start: {ready}")
        self.startup_violations = ready.get("violations", [])

    def _read(self, timeout: float) -> dict:
        assert self.proc is not None and self.proc.stdout is not None
        r, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not r:
            self.kill()
            raise WorkerTimeout(f"no answer within {timeout:.0f}s")
        line = self.proc.stdout.readline()
        if not line:
            code = self.proc.wait()
            self.proc = None
            self.stderr.seek(0)
            tail = self.stderr.read()[-3000:]
            raise RuntimeError(f"worker died (exit code {code}): a crash, a kill or out of memory\n{tail}")
        return json.loads(line)

    def ask(self, request: dict, timeout: float = 120.0) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        return self._read(timeout)

    def kill(self) -> None:
        if self.proc is not None:
            if self.proc.poll() is None:
                os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            self.proc = None

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None


if __name__ == "__main__":
    if "--worker" in sys.argv:
        raise SystemExit(worker_main())
    if "--dump" in sys.argv:
        raise SystemExit(dump_main())
    if "--regex-audit" in sys.argv:
        raise SystemExit(regex_audit_main())
    print(__doc__)
