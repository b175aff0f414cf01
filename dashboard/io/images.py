"""Uploaded JPEG and PNG bytes decoded within a pixel bound (issue 42 §3): the one place an upload's
image is parsed. ``dashboard.attachments`` decides what is kept and how it is re-encoded.

Why the bound is checked here, between Pillow's header read and its decoding: ``Image.open`` reads
only the header, so the size an image *declares* is known before one pixel is decoded. A small file
may declare 40000×40000 pixels (a "decompression bomb": a few KB on disk, gigabytes once decoded);
it is refused on the declaration, never decoded. Pillow refuses on its own above twice its
``MAX_IMAGE_PIXELS`` (raising at ``open``); that refusal is worded as ours. Its warning band (one to two
times its limit, about 89–179 MP) lies above any bound the app uses, so it cannot let a picture through
here; it is not turned into an error by changing the process-wide warning filters, which Streamlit's
threads share.
"""

from __future__ import annotations

import io
import re
import struct

from PIL import Image

from ..errors import PetaError, msg

FORMATS = {"jpeg": "JPEG", "png": "PNG"}  # the kind told by the first bytes -> the only Pillow plugin tried

# What Pillow raises on a damaged or hostile file (its fuzzers' list, plus struct's and EOF errors
# of short reads): each means "cannot be read", never a bug of ours worth a traceback on the page.
UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError, KeyError, TypeError)


def open_bounded(data: bytes, kind: str, *, max_pixels: int, name: str, draft_side: int | None = None,
                 field: str = "attachment") -> Image.Image:
    """The decoded first image of ``data`` (``kind``: "jpeg" or "png", told by its first bytes).

    A PetaError naming ``name`` and ``field`` when the declared size is over ``max_pixels`` (before
    decoding) or the bytes cannot be decoded (truncated, corrupt). ``draft_side``: a JPEG may be decoded
    at 1/2, 1/4 or 1/8 scale while still at least this many pixels on each side (libjpeg's own
    reduction: a 50 MP photo kept at 2560 px costs an eighth of the memory)."""
    label = FORMATS[kind]
    try:
        image = Image.open(io.BytesIO(data), formats=[label])  # the header only
    except Image.DecompressionBombError as exc:
        pixels = _pixels_in(str(exc))
        raise _too_many(name, field, pixels, max_pixels, value=pixels) from None
    except UNREADABLE as exc:
        raise _broken(name, field, label, exc) from None
    width, height = image.size
    if width * height > max_pixels:
        raise _too_many(name, field, width * height, max_pixels, value=f"{width}×{height}")
    try:
        if draft_side and kind == "jpeg":
            image.draft(image.mode, (draft_side, draft_side))
        image.load()
    except Image.DecompressionBombError as exc:  # a format whose frames grow past the header's size
        pixels = _pixels_in(str(exc))
        raise _too_many(name, field, pixels, max_pixels, value=pixels) from None
    except UNREADABLE as exc:
        raise _broken(name, field, label, exc) from None
    return image


def _pixels_in(text: str) -> int | None:
    """The pixel count Pillow's DecompressionBombError names ("Image size (N pixels) exceeds ...")."""
    found = re.search(r"\((\d+) pixels\)", text)
    return int(found.group(1)) if found else None


def _too_many(name: str, field: str, pixels: int | None, max_pixels: int, *, value) -> PetaError:
    shown = str(pixels) if pixels is not None else f"> {2 * Image.MAX_IMAGE_PIXELS}"
    mp = f"{pixels / 1e6:.1f}" if pixels is not None else "?"
    return PetaError.single(field, value, msg("attachment_pixels", name=name, pixels=shown, mp=mp,
                                               max_pixels=max_pixels, max_mp=f"{max_pixels / 1e6:g}"), file=name)


def _broken(name: str, field: str, label: str, exc: BaseException) -> PetaError:
    return PetaError.single(field, label, msg("attachment_broken", name=name, kind=label, why=why(exc)), file=name)


def why(exc: BaseException) -> str:
    """An exception as a short reason for a message: its first line, at most 160 characters."""
    text = (str(exc).strip().splitlines() or [""])[0][:160]
    return text or type(exc).__name__
