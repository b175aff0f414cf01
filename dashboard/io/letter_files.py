"""The files the follow-up letter reads (issue 42 §2): its template and the letterhead's logo."""

from __future__ import annotations

from pathlib import Path

from ..errors import PetaError, msg

MAX_LOGO_BYTES = 1024 * 1024  # a letterhead logo is tens of KB; more is a mistake
_MAGIC = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}


def read_template(path: Path, max_bytes: int) -> str:
    """The template's text; a PetaError naming the file when it is missing, too big or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PetaError.single("(file)", f"{size} bytes", msg("letter_file", kb=max_bytes // 1000), file=str(path))
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PetaError.single("(file)", getattr(exc, "strerror", None) or type(exc).__name__,
                               msg("letter_file", kb=max_bytes // 1000), file=str(path)) from None


def stamp(path: Path) -> tuple[int, int] | None:
    """(modified time in ns, size) of a file, or None when it cannot be read: what tells a template
    the operator edited from the one read before."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def read_logo(name: str, base: Path) -> tuple[bytes | None, str]:
    """(the logo's bytes, "png" or "jpeg"), or (None, "") when no logo is set. A relative ``name``
    is read beside the template (``base``). Only PNG and JPEG, told by their first bytes (never by
    the name): both files embed the bytes as an image and nothing else."""
    if not name:
        return None, ""
    path = Path(name).expanduser()
    path = path if path.is_absolute() else base / path
    want = msg("letter_logo", kb=MAX_LOGO_BYTES // 1024)
    try:
        if path.stat().st_size > MAX_LOGO_BYTES:
            raise PetaError.single("letterhead.logo", name, want, file=str(path))
        data = path.read_bytes()
    except OSError:
        raise PetaError.single("letterhead.logo", name, want, file=str(path)) from None
    kind = next((k for magic, k in _MAGIC.items() if data.startswith(magic)), None)
    if kind is None:
        raise PetaError.single("letterhead.logo", name, want, file=str(path))
    return data, kind
