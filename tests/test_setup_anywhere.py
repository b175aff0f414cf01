"""Issue 24 §1: the README's test command works in a fresh clone that has no ../shared beside it,
when PETA_GEO_SOURCE names the boundary files; and says which of the three sources to provide
when it has none."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import GEO_FOLDER, ROOT


pytestmark = pytest.mark.slow  # the fast loop leaves it out (README "Tests")

def _clone(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    where = tmp_path / "elsewhere" / "peta"  # no ../shared beside it
    subprocess.run(["git", "clone", "-q", str(ROOT), str(where)], check=True, timeout=120)
    return where


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PETA_")}
    return {**env, **extra}


def test_a_clone_without_shared_runs_its_tests_with_peta_geo_source(tmp_path):
    if GEO_FOLDER is None:
        pytest.skip("needs the boundary files as a folder")
    clone = _clone(tmp_path)
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/test_records.py::test_lebak_signed_by_every_camat"],
                         cwd=clone, env=_env(PETA_GEO_SOURCE=str(GEO_FOLDER)), capture_output=True, text=True,
                         timeout=900)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    assert "1 passed" in out.stdout


def test_a_clone_without_any_source_says_what_to_provide(tmp_path):
    clone = _clone(tmp_path)
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/test_records.py::test_lebak_signed_by_every_camat"],
                         cwd=clone, env=_env(PETA_GEO_SOURCE=str(tmp_path / "tidak-ada")), capture_output=True,
                         text=True, timeout=300)
    assert out.returncode != 0
    said = out.stdout + out.stderr
    assert "PETA_GEO_SOURCE" in said and "beside the checkout" in said and "online" in said
