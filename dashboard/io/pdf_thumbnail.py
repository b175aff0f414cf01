"""A PDF's first page drawn as a small PNG by poppler's ``pdftoppm``, in a bounded child process
(issue 42 §3: the thumbnail of an uploaded *pakta integritas* scan).

Why a child process and not a PDF library in the server: a PDF is a program of sorts (page trees that
refer to themselves, content streams that expand without end, fonts to parse). Drawn in the server's
own thread, a hostile one could hold that thread or its memory for ever; drawn in a child, it is
bounded in time (``timeout_s``: the whole process group is killed, so nothing it started lives on), in
memory (``RLIMIT_AS``), in CPU seconds (``RLIMIT_CPU``) and in what it may write (``RLIMIT_FSIZE``), and
it needs no network. It works in a temporary folder removed after, like ``print_pdf``.
"""

from __future__ import annotations

import math
import os
import resource
import shutil
import signal
import subprocess
import tempfile
from functools import partial
from pathlib import Path
from typing import Sequence

from ..errors import PetaError, msg
from . import images

TIMEOUT_S = 10  # an ordinary first page draws at 320 px in well under a second; a heavy scan on a busy
#                 two-core server may take a few: ten is generous, and a server thread waits no longer
MEMORY_BYTES = 1024 ** 3  # 1 GiB of address space: a first page drawn at thumbnail size needs tens of MB
OUTPUT_BYTES = 16 * 1024 ** 2  # what the child may write (the PNG and its error text): a thumbnail is KBs
PROGRAM = ("pdftoppm",)


def first_page_png(data: bytes, side: int, *, timeout_s: float = TIMEOUT_S, name: str = "PDF",
                   command: Sequence[str] | None = None) -> bytes:
    """The PNG of ``data``'s first page, its longer side ``side`` pixels.

    A PetaError naming ``name`` (the uploaded file) when the page is not drawn within ``timeout_s``
    or the child fails; field ``pdftoppm`` when the program is missing (install poppler-utils).
    ``command`` replaces ``pdftoppm`` (its arguments follow); the tests pass a child that never ends."""
    program = list(command or PROGRAM)
    if shutil.which(program[0]) is None:
        raise _missing(program[0], name)
    with tempfile.TemporaryDirectory(prefix="peta-thumb-") as tmp:
        folder = Path(tmp)
        source, stem, errors = folder / "in.pdf", folder / "page", folder / "stderr.txt"
        source.write_bytes(data)
        args = [*program, "-f", "1", "-l", "1", "-png", "-singlefile", "-scale-to", str(side), "-r", "72",
                str(source), str(stem)]
        code = _run(args, folder, errors, timeout_s, name)
        out = stem.with_suffix(".png")
        if code != 0 or not out.is_file() or out.stat().st_size == 0:
            raise _failed(name, _exit_text(code, errors))
        png = out.read_bytes()
    # What the child wrote is itself untrusted: opened under a pixel bound (-scale-to promises at most
    # side × side; one pixel of rounding allowed) before anyone uses it.
    images.open_bounded(png, "png", max_pixels=(side + 1) ** 2, name=name)
    return png


def _run(args: list[str], folder: Path, errors: Path, timeout_s: float, name: str) -> int:
    """The child's exit code (negative: the signal that ended it); on timeout the child and everything
    it started are killed (its own session, so its process group is ours to kill) and the file refused."""
    cpu_s = math.ceil(timeout_s) + 1
    with open(errors, "wb") as err:
        try:
            child = subprocess.Popen(args, cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=err, start_new_session=True, preexec_fn=partial(_limits, cpu_s))
        except OSError as exc:
            if isinstance(exc, FileNotFoundError):
                raise _missing(args[0], name) from None
            raise _failed(name, images.why(exc)) from None
        try:
            return child.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            seconds = f"{timeout_s:g}"
            raise PetaError.single("attachment", f"> {seconds} s",
                                   msg("attachment_pdf_timeout", name=name, seconds=seconds), file=name) from None
        finally:
            if child.returncode is None:  # timed out (or interrupted): nothing of it may keep running
                _kill_group(child)


def _limits(cpu_s: int) -> None:
    """Run in the child between fork and exec: only C calls on modules already imported (no
    allocation-heavy Python that could wait on a lock another server thread held at fork; hence
    ``resource`` is imported with this module, not here)."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (OUTPUT_BYTES, OUTPUT_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crashed renderer leaves no core of the upload


def _kill_group(child: subprocess.Popen) -> None:
    try:
        os.killpg(child.pid, signal.SIGKILL)  # its session's group id is its pid (start_new_session)
    except ProcessLookupError:
        pass
    child.wait()


def _exit_text(code: int, errors: Path) -> str:
    """Why the child failed, for the message: its exit (or the signal, e.g. SIGXCPU for the CPU limit)
    and the last line it wrote to stderr (at most 160 characters; read from the end of a bounded file)."""
    try:
        said = f"exit {code}" if code >= 0 else signal.Signals(-code).name
    except ValueError:
        said = f"signal {-code}"
    with open(errors, "rb") as f:
        f.seek(max(0, errors.stat().st_size - 400))
        tail = f.read().decode("utf-8", "replace").strip().splitlines()
    return f"{said}: {tail[-1][:160]}" if tail else said


def _missing(program: str, name: str) -> PetaError:
    return PetaError.single("pdftoppm", program, msg("attachment_pdftoppm", name=name, program=program), file=name)


def _failed(name: str, why: str) -> PetaError:
    return PetaError.single("attachment", why, msg("attachment_pdf_render", name=name, why=why), file=name)
