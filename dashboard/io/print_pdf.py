"""HTML printed to PDF by the system Chromium (the letter's PDF, issue 42 §2).

Why Chromium and not a PDF library: the app already needs Chromium for its image exports
(PETA_BROWSER), it lays out any script a name is written in, and it prints what the HTML says.
The page is the app's own (every text from the data escaped, no script, no address outside it, and a
Content-Security-Policy that lets nothing run or load); it is printed in a throwaway profile, from a
temporary folder that is removed after. (Chromium's ``scriptEnabled=false`` switch is not used: with it
``--print-to-pdf`` writes nothing.)"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from ..errors import PetaError, msg

TIMEOUT_S = 60


def html_to_pdf(html: str, browser: str) -> bytes:
    """The PDF Chromium (``browser``) prints of ``html``; a PetaError naming PETA_BROWSER when it fails."""
    with tempfile.TemporaryDirectory(prefix="peta-print-") as tmp:
        page, out = Path(tmp) / "page.html", Path(tmp) / "page.pdf"
        page.write_text(html, encoding="utf-8")
        args = [browser, "--headless", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--print-to-pdf={out}", page.as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to start as root with its sandbox
        try:
            done = subprocess.run(args, capture_output=True, timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PetaError.single("PETA_BROWSER", browser, msg("letter_print", why=type(exc).__name__)) from None
        if not out.is_file() or out.stat().st_size == 0:
            why = f"exit {done.returncode}"
            raise PetaError.single("PETA_BROWSER", browser, msg("letter_print", why=why))
        return out.read_bytes()
