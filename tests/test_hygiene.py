"""Issue 25 §5: the lint runs with the suite, and the README's settings table is the one the code
declares (as datasette checks its documentation against its code)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from dashboard import settings

from .conftest import ROOT


def test_ruff_finds_nothing():
    """pyflakes' unused and undefined names, syntax errors, mutable defaults (pyproject's
    ``[tool.ruff]``) over the code, the pages, the tests and the benchmarks."""
    ruff = shutil.which("ruff", path=str(ROOT / ".venv" / "bin")) or shutil.which("ruff")
    cmd = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    got = subprocess.run([*cmd, "check", "--output-format", "concise", "."], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert got.returncode == 0, got.stdout + got.stderr


def test_the_readme_settings_table_is_what_the_code_declares():
    """``python -m dashboard settings`` prints the table; the README holds the same lines."""
    table = settings.markdown_table().strip().splitlines()
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = readme.index(table[0])
    assert readme[start:start + len(table)] == table
    declared = {m.group(1) for line in table[2:] if (m := re.match(r"\| `([A-Z_]+)`", line))}
    assert declared == set(settings.SETTINGS)
