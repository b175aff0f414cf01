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


def test_the_settings_table_is_what_the_code_declares():
    """``python -m dashboard settings`` prints the table; the operator's guide holds the same lines."""
    table = settings.markdown_table().strip().splitlines()
    readme = (ROOT / "docs" / "operator-guide.md").read_text(encoding="utf-8").splitlines()
    start = readme.index(table[0])
    assert readme[start:start + len(table)] == table
    declared = {m.group(1) for line in table[2:] if (m := re.match(r"\| `([A-Z_]+)`", line))}
    assert declared == set(settings.SETTINGS)


def test_ambient_peta_settings_do_not_reach_the_tests(tmp_path):
    """Issue 41 §4: a developer whose shell sets PETA_DB_URL, PETA_LANG or any PETA_* setting runs the
    same tests: the session clears them and sets its own (here two tests that read the store and the
    language pass with a broken store URL and English in the environment)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PETA_DB_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none", "PETA_LANG": "en",
           "PETA_PROVINCES": "11", "PETA_LOGIN_TO_VIEW": "true", "PETA_DATA_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/test_nusantara.py::test_all_provinces_load_by_default",
                          "tests/test_pages.py::test_ringkasan_numbers_follow_controls"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0 and "2 passed" in out.stdout, out.stdout[-3000:]
