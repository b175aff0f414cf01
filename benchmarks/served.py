"""A served app for the benchmarks: ``serve.py`` started on a port, the national map drawn once in
Chromium, and the ceremony count a viewer's run shows (season, saves and two_servers use them)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .app import _healthy, _port, _wait

ROOT = Path(__file__).resolve().parent.parent
# the national Peta's count: its panel's head names how many ceremonies reach the view's region
# ("Upacara yang menjangkau (12.345)"); Ringkasan, which the viewers ran by mistake before issue
# 39, showed it as the "Upacara komitmen" tile
COUNT = "Upacara yang menjangkau"


def count(texts: list[str]) -> int | None:
    """The last ceremony count a run drew."""
    for t in reversed(texts):
        m = re.search(re.escape(COUNT) + r" \(([\d.]+)\)", t.replace("\\", ""))  # markdown escapes: \( \.
        if m:
            return int(m.group(1).replace(".", ""))
    return None


def start(env: dict) -> tuple[subprocess.Popen, str]:
    """``serve.py`` started on a free port of this machine with ``env``; (the process, its address)."""
    port = _port()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(port),
                             "--server.address", "127.0.0.1", "--server.headless", "true"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    _wait("server start", lambda: _healthy(base), 300)
    return proc, base



def first_map(base: str) -> None:
    """One browser draws the national map (the memory a served map costs is then counted)."""
    from playwright.sync_api import sync_playwright

    from .app import BROWSER_ARGS, _fills

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(f"{base}/peta?election=pilkada-2024")
        _wait("first map", lambda: _fills(page), 300)
        browser.close()
