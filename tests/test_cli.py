"""The breach-nlp command line: extract on files, folders, JSONL and stdin; errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from breach_nlp import __version__
from breach_nlp.cli import main

from .conftest import EXAMPLES

SEED = str(EXAMPLES / "france-health-ministry.txt")


def run(args, stdin=""):
    return subprocess.run(
        [sys.executable, "-m", "breach_nlp", *args], input=stdin, capture_output=True, text=True, timeout=120
    )


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_extract_file_prints_one_json_report(capsys):
    assert main(["extract", SEED]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "victims" in data and "reconciliation" in data


def test_extract_jsonl_streams_folder_jsonl_and_stdin(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Acme said hackers stole data.", encoding="utf-8")
    (tmp_path / "b.md").write_text("Nothing here.", encoding="utf-8")
    jl = tmp_path / "pages.jsonl"
    jl.write_text('{"id": "p1", "text": "x", "published": "2024-01-02"}\n"plain text"\n', encoding="utf-8")
    assert main(["extract", "--jsonl", str(tmp_path), str(jl)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["source"] for x in lines] == [str(tmp_path / "a.txt"), str(tmp_path / "b.md"), "p1", f"{jl}:2"]
    assert lines[2]["published"] == "2024-01-02"


def test_stdin():
    out = run(["extract", "--jsonl", "-"], stdin="Acme said hackers stole data.")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["source"] == "-"


def test_unreadable_inputs_are_named_and_exit_nonzero(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    jl = tmp_path / "bad.jsonl"
    jl.write_text('{"text": "ok"}\n{broken\n', encoding="utf-8")
    out = run(["extract", "--jsonl", str(tmp_path / "missing.txt"), str(bad), str(jl), SEED])
    assert out.returncode == 1
    assert "missing.txt: No such file or directory" in out.stderr
    assert "latin1.txt: not UTF-8" in out.stderr
    assert "bad.jsonl:2: invalid JSON" in out.stderr
    assert len(out.stdout.splitlines()) == 2  # the good JSONL line and the seed page


def test_bad_published_exits_2():
    out = run(["extract", "--published", "yesterday", SEED])
    assert out.returncode == 2
    assert "ISO date" in out.stderr
