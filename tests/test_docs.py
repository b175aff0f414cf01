"""Issue 41 §5: the README is a front door (what the product is, the two commands, screenshots, the
guides) and the guides in docs/ are kept true: every setting, CLI command and glossary word is
documented, every ``python -m dashboard`` command shown in a bash block is one the CLI takes, and
every relative link and image points at a file that exists (as datasette's test_docs.py does)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from dashboard import settings
from dashboard.cli import parser

from .conftest import ROOT

README = ROOT / "README.md"
GUIDES = sorted((ROOT / "docs").glob("*.md"))
PAGES = [README, *GUIDES]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_readme_is_a_front_door():
    text = _text(README)
    assert len(text.splitlines()) <= 300
    assert "bash scripts/install.sh && .venv/bin/streamlit run serve.py" in text  # the two commands
    assert "bash scripts/install.sh --test && .venv/bin/python -m pytest" in text
    assert "Signing in (the first account)" in text
    for guide in ("user-guide.md", "data-guide.md", "operator-guide.md", "developer-guide.md"):
        assert f"(docs/{guide})" in text and (ROOT / "docs" / guide).is_file()


def _commands(tree=None, prefix=()) -> list[tuple[str, ...]]:
    """Every command path the CLI has: ('records',), ('db', 'backup'), ..."""
    import argparse

    tree = tree or parser()
    out = []
    for action in tree._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = _commands(sub, prefix + (name,))
                out += nested or [prefix + (name,)]
    return out


def test_every_cli_command_is_documented():
    docs = " ".join(_text(p) for p in PAGES)
    missing = [c for c in _commands() if f"dashboard {' '.join(c)}" not in docs and f"`{' '.join(c)}" not in docs]
    assert not missing, missing


def test_every_setting_is_in_the_operators_guide():
    guide = _text(ROOT / "docs" / "operator-guide.md")
    assert all(f"| `{name}` |" in guide for name in settings.SETTINGS)


# placeholders a guide writes for what the reader fills in
_FILL = {"…": "x", "FILE": "f.csv", "ID": "kota-uji-2024", "N": "3", "NAME": "uji", "DATA_DIR": "data"}


def _shown_commands() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for block in re.findall(r"```bash\n(.*?)```", _text(page), re.S):
            for line in block.replace("\\\n", " ").splitlines():
                m = re.search(r"python -m dashboard (.+)", line)
                if m:
                    found.append((page.name, m.group(1).split(" #")[0].split("'")[0].strip()))
    return found


@pytest.mark.parametrize("page,command", _shown_commands())
def test_every_command_shown_is_one_the_cli_takes(page, command):
    command = re.sub(r"\[[^\]]*\]", "", command)  # optional parts as [--as-of DATE]
    command = re.sub(r"(\S+)\|\S+", r"\1", command)  # one of several choices: a|b|c
    argv = [_FILL.get(a, a) for a in shlex.split(command.split("|")[0].split(">")[0])]
    try:
        parser().parse_args(argv)
    except SystemExit as exc:
        pytest.fail(f"{page}: `python -m dashboard {command}` is not a command the CLI takes ({exc})")


def test_every_link_and_image_exists():
    broken = []
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", _text(page)):
            if re.match(r"[a-z]+://|mailto:", target):
                continue
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)} -> {target}")
    assert not broken, broken
