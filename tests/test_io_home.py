"""Issue 41 §3: files have one home. Only ``dashboard/io/`` opens, reads or writes a file, pickles
to or from one, replaces one atomically, or builds CSV/XLSX; every other module of ``dashboard/``
decides what goes in and hands io the rows, bytes or paths (as geopandas keeps its ``io/``)."""

from __future__ import annotations

import ast

from .conftest import ROOT

# Modules that may still do it themselves, each with why. Keep this short: an entry goes when its
# reason does (test_every_allowed_module_still_needs_it says when).
ALLOWED: set[str] = set()  # none now: records/snapshot.py's files moved to io/snapshot_files.py

FILE_METHODS = {"open", "read_bytes", "read_text", "write_bytes", "write_text"}  # pathlib's, and zipfile's open
FRAME_WRITERS = {"to_csv", "to_excel"}  # pandas writing a file or CSV text
MODULE_CALLS = {("pickle", "load"), ("pickle", "dump"), ("os", "replace"), ("csv", "writer"), ("csv", "DictWriter")}
NAMED_CALLS = {"open", "Workbook"}  # the built-in open; openpyxl's Workbook, however it was imported


def _io_names(tree: ast.AST) -> set[str]:
    """The names a module took from ``dashboard.io`` (``from .io import files``, ``from ..io.files
    import read_bytes``): a call on them is io's own work, not the module's."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            ours = (node.level > 0 and (module == "io" or module.startswith("io."))) or module.startswith("dashboard.io")
            if ours:
                names |= {a.asname or a.name for a in node.names}
    return names


def file_work(source: str) -> list[str]:
    """Each call in ``source`` that does file input/output itself, as ``line: call``."""
    tree = ast.parse(source)
    mine = _io_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id in NAMED_CALLS:
            found.append(f"{node.lineno}: {f.id}(")
        elif isinstance(f, ast.Attribute):
            owner = f.value.id if isinstance(f.value, ast.Name) else None
            if owner in mine:
                continue
            if f.attr in FILE_METHODS | FRAME_WRITERS or f.attr == "Workbook" or (owner, f.attr) in MODULE_CALLS:
                found.append(f"{node.lineno}: {owner or '…'}.{f.attr}(")
    return found


def _modules():
    for path in sorted((ROOT / "dashboard").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if not rel.startswith("dashboard/io/"):
            yield rel, path.read_text(encoding="utf-8")


def test_no_module_outside_io_does_file_work_itself():
    found = {rel: got for rel, text in _modules() if rel not in ALLOWED and (got := file_work(text))}
    assert found == {}, found


def test_every_allowed_module_still_needs_it():
    """An allowed module that stopped doing its own file work leaves the list."""
    texts = dict(_modules())
    assert all(file_work(texts[rel]) for rel in ALLOWED), [rel for rel in ALLOWED if not file_work(texts[rel])]


def test_the_check_sees_file_work_and_lets_io_calls_pass():
    caught = file_work("from pathlib import Path\nimport pickle, os, csv\nfrom openpyxl import Workbook\n"
                       "Path('a').read_text()\nopen('b')\npickle.load(f)\nos.replace(a, b)\nWorkbook()\n"
                       "csv.writer(x)\ndf.to_csv(p)\nz.open('part')\n")
    assert len(caught) == 8, caught
    assert file_work("from ..io import files\nfrom .io.files import read_bytes\nimport pickle\n"
                     "files.read_text(p)\nread_bytes(p)\npickle.dumps(x)\nfiles.write_bytes(p, b'')\n") == []
