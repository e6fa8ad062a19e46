"""No network access and no file writes at run time.

In this process: sockets, process spawns and every write-mode ``open`` are blocked (patched
to raise and to record the attempt, since a component might swallow the exception), then
``extract`` runs on the seed page and dev-like pages; it must complete with valid reports
and no attempt recorded.

In a fresh process: an audit hook (installed before ``import breach_nlp``; see
``tests.adversarial``) sees every socket, write and spawn of importing breach_nlp, loading
the pipeline and extracting.
"""

from __future__ import annotations

import builtins
import io
import os
import socket
import subprocess

import pytest

import breach_nlp

from .adversarial import Worker, determinism_cases, rce_payloads, report_problems
from .conftest import check_offsets, dev_pages

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


@pytest.fixture
def sealed(monkeypatch, tmp_path):
    """Block network, spawns and writes; returns the list of attempts. (Depends on
    tmp_path so pytest creates that directory before writes are blocked.)"""
    attempts: list[str] = []

    def refuse(what):
        def f(*args, **kwargs):
            attempts.append(f"{what}{args!r}"[:200])
            raise PermissionError(f"test_no_network: {what} is forbidden at run time")
        return f

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    for name in ("system", "popen", "fork", "execv", "execve", "posix_spawn", "remove", "unlink",
                 "rename", "replace", "mkdir", "makedirs", "rmdir"):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, refuse(f"os.{name}"))
    monkeypatch.setattr(subprocess, "Popen", refuse("subprocess.Popen"))

    real_open, real_io_open, real_os_open = builtins.open, io.open, os.open

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(c in mode for c in "wax+"):
            return refuse("open")(file, mode)
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & _WRITE_FLAGS:
            return refuse("os.open")(path, flags)
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    del real_io_open
    return attempts


def pages(seed_text: str) -> list[tuple[str, str | None]]:
    out = [(seed_text, None), (seed_text, "2026-02-27")]
    out += [(p["text"], p.get("published")) for p in dev_pages()[:20]]
    out += determinism_cases()
    return out


def test_extract_with_network_spawns_and_writes_blocked(tmp_path, sealed, seed_text):
    texts = pages(seed_text) + [(t, None) for t in rce_payloads(str(tmp_path / "pwned")).values()]
    for text, published in texts:
        report = breach_nlp.extract(text, published=published)
        check_offsets(text, report)
        problems = report_problems(text, report)
        assert not problems, f"{text[:100]!r}: {problems}"
    assert sealed == [], f"breach_nlp tried: {sealed}"
    assert not (tmp_path / "pwned").exists()


def test_seed_report_has_content_while_sealed(sealed, seed_text):
    """Blocking I/O must not silently empty the report: the seed page still yields its
    15 million count (a value check, so 'completed' means 'worked')."""
    report = breach_nlp.extract(seed_text, published="2026-02-27")
    values = {c.value for c in report.record_counts}
    assert 15_000_000 in values, report.record_counts
    assert sealed == []


def test_fresh_process_import_load_extract_under_audit_hook(seed_text):
    """Importing breach_nlp, loading the pipeline and extracting (seed page, dev-like pages)
    make no socket, write or spawn, as seen by an audit hook in a fresh process."""
    w = Worker(strict=False)
    try:
        seen = []
        for text, published in pages(seed_text)[:12]:
            answer = w.ask({"text": text, "published": published}, timeout=120)
            assert answer["error"] is None, answer["error"]
            seen += answer["violations"]
        assert w.startup_violations == [], w.startup_violations
        assert seen == [], seen
    finally:
        w.close()
