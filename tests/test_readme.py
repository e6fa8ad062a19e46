"""The README's two commands stay true: CI runs exactly the README's test command."""

from __future__ import annotations

import re

from .conftest import ROOT


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```bash\n(.+?)\n```", readme)[:2]


def test_ci_runs_the_readme_test_command():
    run_cmd, test_cmd = _commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_cmd in ci.splitlines()
    assert "examples/" in run_cmd and "breach-nlp extract" in run_cmd


def test_sample_page_exists():
    run_cmd, _ = _commands()
    sample = re.search(r"(examples/\S+)", run_cmd).group(1)
    assert (ROOT / sample).is_file()


def test_quickstart_runs():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(ROOT / "examples" / "quickstart.py")], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "15,000,000" in out.stdout
