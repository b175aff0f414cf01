"""A report's proof files made safe to keep (issue 42 §3): a photo of the ceremony or a scan of the
signed *pakta integritas*, as JPEG, PNG or PDF. :func:`prepare` turns the uploaded bytes into what may
be stored (:class:`Prepared`) or refuses them with a PetaError naming the file; it stores nothing.

- The type is told by the first bytes, never by the name: an HTML page renamed ``foto.jpg`` is HTML.
- A photo is decoded only after the size its header declares is checked (a few-KB "decompression
  bomb" declaring 40000×40000 pixels is never decoded), turned upright by its EXIF orientation, made
  no larger than :data:`STORED_MAX_SIDE`, and encoded again from its pixels alone: no EXIF (a phone
  photo carries the GPS position where it was taken, and the phone's serial), XMP, comment, colour
  profile or PNG text chunk survives. What is kept is what one sees.
- A PDF is kept byte for byte (the signed scan is the evidence; re-drawing it would lose the text and
  any signature). It must open as a PDF, have 1 to :data:`MAX_PDF_PAGES` pages, and its first page must
  be drawn for the thumbnail by a bounded child process (:mod:`dashboard.io.pdf_thumbnail`). A PDF
  whose first page cannot be drawn in time is refused, not kept unseen: a reviewer could not look at
  it, and a file that hangs the renderer once would hang whatever opens it next.

Serving the files (as files with their type, never as HTML) is the pages' part.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import partial
from typing import Callable

from PIL import Image, ImageOps

from .errors import Msg, PetaError, msg
from .io import images, pdf_thumbnail

MAX_BYTES = 10 * 1024 * 1024
MAX_PER_REPORT = 5
MAX_PIXELS = 52_000_000
"""Declared pixels an image may have. A phone photo is 12 MP by default and 48–50 MP in its
full-resolution mode (8160×6144 = 50.1 M); an A4 page scanned at 600 dpi is 35 M. 52 M admits all of
these and refuses the 64/108/200 MP modes (rarely under 10 MB anyway). Decoding is what it bounds: at
most 52 M × 4 bytes = 208 MB for an RGBA PNG; a JPEG is decoded at reduced scale (libjpeg's draft)
close to :data:`STORED_MAX_SIDE`, a 50 MP photo in about 38 MB. Below Pillow's own limit (89 MP), so
ours always speaks first."""
STORED_MAX_SIDE = 2560  # longer side of the stored photo: a group photo's faces and a pakta's signatures
#                         stay legible on any screen, at about 1 MB as JPEG
THUMB_SIDE = 320  # longer side of the thumbnail in a report's list
MAX_PDF_PAGES = 50  # a pakta integritas is a page or two; a whole bundle of minutes and lists is still
#                     well under 50. More is not one report's proof (and costs the reviewer's time)
JPEG_QUALITY = 85  # no visible loss on a photo, a third of the size of quality 95

MIME = {"jpeg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}
EXTENSION = {"jpeg": ".jpg", "png": ".png", "pdf": ".pdf"}
_MAGIC = ((b"\xff\xd8\xff", "jpeg"), (b"\x89PNG\r\n\x1a\n", "png"), (b"%PDF-", "pdf"))
_OTHER = ((b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"),
          (b"PK\x03\x04", "ZIP/DOCX/XLSX"), (b"\xd0\xcf\x11\xe0", "DOC/XLS"), (b"Rar!", "RAR"),
          (b"7z\xbc\xaf", "7z"), (b"\x1f\x8b", "gzip"), (b"\x00\x00\x01\x00", "ICO"))
FORMAT_LABEL = images.FORMATS  # "jpeg" -> "JPEG", as messages name it
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"}  # an iPhone's default photo

Renderer = Callable[[bytes, int], bytes]  # (PDF bytes, longer side in px) -> PNG of the first page


@dataclass(frozen=True)
class Prepared:
    """What may be stored of one upload."""

    name: str  # safe: the uploaded stem in letters, digits and -_. (at most 80) + the detected type's extension
    mime: str  # image/jpeg, image/png or application/pdf: the detected type, whatever the name said
    data: bytes  # a photo re-encoded without metadata; a PDF as uploaded
    thumbnail: bytes | None
    thumbnail_mime: str | None  # image/jpeg for a JPEG photo's, image/png otherwise
    width: int  # of the stored image, or of a PDF's first-page thumbnail
    height: int
    sha256: str  # of data
    size: int  # len(data)


def prepare(name: str, data: bytes, *, renderer: Renderer | None = None) -> Prepared:
    """``data`` uploaded as ``name``, made safe to keep, or a PetaError naming the file (field
    ``attachment``). ``renderer`` draws a PDF's first page (default: pdftoppm in a bounded child)."""
    size = len(data)
    # Size first, before any parsing: nothing larger than MAX_BYTES is ever handed to a decoder.
    if size == 0:
        raise _refused(name, "0 B", msg("attachment_empty", name=name, max_mb=_MAX_MB))
    if size > MAX_BYTES:
        raise _refused(name, f"{_mb(size)} MB", msg("attachment_too_big", name=name, mb=_mb(size), max_mb=_MAX_MB))
    kind = sniff(data)
    if kind is None:
        value, found = _found(data)
        raise _refused(name, value, msg("attachment_type", name=name, found=found, max_mb=_MAX_MB))
    if kind == "pdf":
        return _pdf(name, data, renderer or partial(pdf_thumbnail.first_page_png, name=name))
    return _image(name, data, kind)


def sniff(data: bytes) -> str | None:
    """``"jpeg"``, ``"png"`` or ``"pdf"`` by the first bytes; None for anything else."""
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def safe_name(uploaded: str, kind: str) -> str:
    """A name to store and serve under: the uploaded stem (no folder) in ASCII letters, digits and
    ``-_.`` (accents dropped, other runs become ``_``; no leading dot, no ``..``), at most 80 characters,
    then the extension of the type found. ``Foto Apel (1).JPG.exe`` -> ``Foto_Apel_1_.JPG.jpg``."""
    base = re.split(r"[\\/]", uploaded or "")[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    reduced = re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_stem)).strip("._-")
    return (reduced[:80].rstrip("._-") or "lampiran") + EXTENSION[kind]


# -- photos ---------------------------------------------------------------------------------------------

def _image(name: str, data: bytes, kind: str) -> Prepared:
    image = images.open_bounded(data, kind, max_pixels=MAX_PIXELS, name=name, draft_side=STORED_MAX_SIDE)
    try:
        image = _plain_mode(image, kind)  # before resizing: a 1-bit or palette scan resized as such is mush
        image.thumbnail((STORED_MAX_SIDE, STORED_MAX_SIDE), Image.Resampling.LANCZOS)
        _upright(image)
        stored = _encode(image, kind)
        thumb = image.copy()
        thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
        thumbnail = _encode(thumb, kind)
    except images.UNREADABLE as exc:  # decoded, yet a conversion trips on what the file held
        raise PetaError.single("attachment", FORMAT_LABEL[kind],
                               msg("attachment_broken", name=name, kind=FORMAT_LABEL[kind], why=images.why(exc)),
                               file=name) from None
    return _prepared(name, kind, stored, thumbnail, MIME[kind], image.size)


def _plain_mode(image: Image.Image, kind: str) -> Image.Image:
    """A mode the stored format holds plainly: JPEG as RGB or grey (a CMYK print scan made RGB); PNG as
    RGB(A) or grey(+alpha), a palette or 1-bit scan widened first, 16-bit grey brought to 8 bits."""
    mode, transparent = image.mode, "transparency" in image.info
    if kind == "jpeg":
        return image if mode in ("L", "RGB") else image.convert("RGB")
    if mode in ("RGBA", "LA") or (mode in ("RGB", "L") and not transparent):
        return image
    if mode in ("RGB", "L"):  # a tRNS colour: made a real alpha channel (the chunk is not kept)
        return image.convert(mode + "A")
    if mode == "1":
        return image.convert("L")
    if mode.startswith("I"):  # 16-bit grey: the top 8 bits
        return image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    return image.convert("RGBA" if mode in ("PA", "RGBa", "La") or transparent else "RGB")


def _upright(image: Image.Image) -> None:
    """Turned as its EXIF orientation says (a phone stores the sensor's rows and a tag saying how to
    hold them), in place: the stored copy has no tag, so its pixels must already stand upright. A
    damaged EXIF block is a photo left as its rows lie, not a refusal."""
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except images.UNREADABLE:
        pass


def _encode(image: Image.Image, kind: str) -> bytes:
    """The pixels alone: whatever Pillow carried over from the upload in ``info`` (EXIF, XMP, ICC
    profile, JPEG comment, PNG text, dpi) is dropped, since Pillow's encoders write some of it back."""
    image.info = {}
    out = io.BytesIO()
    if kind == "jpeg":
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        image.save(out, "PNG")
    return out.getvalue()


# -- PDFs -----------------------------------------------------------------------------------------------

def _pdf(name: str, data: bytes, render: Renderer) -> Prepared:
    pages = _page_count(name, data)
    if not 1 <= pages <= MAX_PDF_PAGES:
        raise _refused(name, pages, msg("attachment_pdf_pages", name=name, pages=pages, max_pages=MAX_PDF_PAGES))
    png = render(data, THUMB_SIDE)  # a PetaError naming the file when it fails or runs out of time
    if sniff(png) != "png":
        raise _refused(name, "?", msg("attachment_pdf_render", name=name, why="no PNG"))
    thumb = images.open_bounded(png, "png", max_pixels=MAX_PIXELS, name=name)
    thumb = _plain_mode(thumb, "png")
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    return _prepared(name, "pdf", data, _encode(thumb, "png"), MIME["png"], thumb.size)


def _page_count(name: str, data: bytes) -> int:
    """Pages of the PDF, read by pypdf in this process: its reading of the structure has loop guards
    (a page tree that refers to itself is an error, not a hang); only drawing runs in the child."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise _refused(name, "/Encrypt", msg("attachment_pdf_locked", name=name))
        return len(reader.pages)
    except PetaError:
        raise
    except Exception as exc:  # pypdf's errors on a malformed file are no closed set: any means "cannot open"
        why = images.why(exc)
        raise _refused(name, why, msg("attachment_pdf_unreadable", name=name, why=why)) from None


def _opens_without_password(reader) -> bool:
    """A PDF locked only against printing or copying opens with the empty password; one that asks
    for a password to be read does not (and neither does AES without pypdf's optional ``cryptography``:
    either way no reviewer could be shown it from here)."""
    from pypdf.errors import DependencyError

    try:
        return bool(reader.decrypt(""))
    except DependencyError:
        return False


# -- shared ---------------------------------------------------------------------------------------------

_MAX_MB = MAX_BYTES // (1024 * 1024)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def _refused(name: str, value, want: Msg) -> PetaError:
    return PetaError.single("attachment", value, want, file=name)


def _prepared(name: str, kind: str, data: bytes, thumbnail: bytes, thumbnail_mime: str,
              size: tuple[int, int]) -> Prepared:
    return Prepared(name=safe_name(name, kind), mime=MIME[kind], data=data, thumbnail=thumbnail,
                    thumbnail_mime=thumbnail_mime, width=size[0], height=size[1],
                    sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def _found(data: bytes) -> tuple[str, str | Msg]:
    """(the value for the problem, what the message calls it) for bytes of no accepted type."""
    head = data[:1024]
    for magic, label in _OTHER:
        if head.startswith(magic):
            return label, label
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP", "WebP"
    if head[4:8] == b"ftyp":
        label = "HEIC" if head[8:12] in _HEIF_BRANDS else "AVIF" if head[8:12] in (b"avif", b"avis") else "MP4/MOV"
        return label, label
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script")) or b"<html" in text:
        return "HTML", "HTML"
    if text.startswith(b"<svg") or b"<svg" in text:
        return "SVG", "SVG"
    if b"\x00" not in head and _is_text(head):
        return head[:24].decode("utf-8", "replace").strip(), msg("attachment_found_text")
    if head.startswith(b"BM"):
        return "BMP", "BMP"
    return head[:8].hex(" "), msg("attachment_found_unknown")


def _is_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3  # only a character cut by the 1024-byte window
    return True


VISIBLE = ("signed_in", "everyone")


def visible_to(user) -> bool:
    """Whether ``user`` (None: not signed in) may see the files of proof: ``PETA_PROOF_VISIBLE``.
    Photos show civil servants' faces, so by default only signed-in users do; the mark *Ada bukti*
    and the count are everyone's. A value the setting does not take is named, never guessed."""
    from . import settings

    value = settings.get("PETA_PROOF_VISIBLE").strip().lower()
    if value not in VISIBLE:
        raise PetaError.single("PETA_PROOF_VISIBLE", value, msg("one_of", options=list(VISIBLE)))
    return value == "everyone" or user is not None
