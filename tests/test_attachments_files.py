"""Issue 42 §3: a report's proof files made safe to keep. Photos lose their EXIF (a phone photo carries
its GPS position) and every other metadata, stand upright, are bounded in pixels before they are
decoded (a decompression bomb is never decoded) and in size on the page; a PDF is kept as sent, opens
as a PDF, and has its first page drawn in a child bounded in time, memory and CPU (a PDF that loops is
refused, never waited on); every refusal names the file in Indonesian and English."""

from __future__ import annotations

import hashlib
import io
import struct
import threading
import time
import zlib
from functools import partial
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageFile, PngImagePlugin

from dashboard import attachments, problem_text
from dashboard.attachments import MAX_BYTES, MAX_PIXELS, STORED_MAX_SIDE, THUMB_SIDE, prepare
from dashboard.errors import PetaError
from dashboard.io import pdf_thumbnail
from dashboard.io.pdf_thumbnail import first_page_png

RED, BLUE = (220, 20, 20), (20, 20, 220)


# -- makers ---------------------------------------------------------------------------------------------

def _jpeg(size=(600, 400), *, exif: Image.Exif | None = None, mode="RGB", corner=True, **save) -> bytes:
    """A blue picture with a red block in its top-left corner (so a turn can be seen)."""
    image = Image.new("RGB", size, BLUE)
    if corner:
        image.paste(RED, (0, 0, size[0] // 4, size[1] // 4))
    out = io.BytesIO()
    image.convert(mode).save(out, "JPEG", quality=90, **({"exif": exif.tobytes()} if exif else {}), **save)
    return out.getvalue()


def _png(image: Image.Image, **save) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", **save)
    return out.getvalue()


def _png_declaring(width: int, height: int) -> bytes:
    """A PNG of a few dozen bytes whose header (IHDR) declares ``width`` × ``height`` 1-bit pixels: a
    decompression bomb's header without the megabytes of zlib that would fill it."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(64)))
            + chunk(b"IEND", b""))


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF written by hand: the objects numbered from 1 (1 is the catalog), with a true xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
A4_PDF = _pdf([CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               _stream(b"0 0 1 rg 100 100 200 300 re f")])
# "A PDF that loops": its page tree's Kids point back at the Pages object itself
SELF_KIDS_PDF = _pdf([CATALOG, b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])
LOOP_AFTER_PAGE_PDF = _pdf([CATALOG, b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
                            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])


def _pypdf(pages: int, size=(595, 842), password: str | None = None) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(*size)
    if password:
        writer.encrypt(user_password=password, owner_password="pemilik", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _refusal(name: str, data: bytes, **kw) -> PetaError:
    with pytest.raises(PetaError) as caught:
        prepare(name, data, **kw)
    return caught.value


def _text(exc: PetaError, lang: str = "en") -> str:
    return exc.problems[0].want.text(lang)


def _no_decoding(monkeypatch) -> list:
    """Record every decode (Pillow's ``load``); the bombs below must never reach one."""
    calls = []
    for cls in (Image.Image, ImageFile.ImageFile):
        original = cls.load
        monkeypatch.setattr(cls, "load", lambda self, _o=original: calls.append(self.size) or _o(self))
    return calls


# -- EXIF, text chunks and other metadata ------------------------------------------------------------------

def test_a_phone_photos_gps_and_exif_are_gone_and_it_stands_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the sensor's rows are to be turned 90° clockwise to be seen upright
    exif[0x010F] = "PonselMerk"  # make
    exif[0x8825] = {1: "S", 2: (6.0, 35.0, 51.5), 3: "E", 4: (106.0, 49.0, 3.2)}  # GPS: Ciawi, Bogor
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>6,35.86S</exif:GPSLatitude></x:xmpmeta>'
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    sent = _jpeg((600, 400), exif=exif, comment=b"komentar-rahasia", xmp=xmp, icc_profile=profile)
    shot = Image.open(io.BytesIO(sent))
    assert shot.getexif().get_ifd(0x8825)[2] == (6.0, 35.0, 51.5) and b"Exif" in sent  # the test's photo has it
    assert b"GPSLatitude" in sent and "icc_profile" in shot.info

    kept = prepare("IMG_2024.jpg", sent)
    stored = Image.open(io.BytesIO(kept.data))
    assert dict(stored.getexif()) == {} and b"Exif" not in kept.data and b"PonselMerk" not in kept.data
    assert b"komentar-rahasia" not in kept.data and "comment" not in stored.info
    assert b"GPSLatitude" not in kept.data and "xmp" not in stored.info and "icc_profile" not in stored.info
    assert b"Exif" not in kept.thumbnail and dict(Image.open(io.BytesIO(kept.thumbnail)).getexif()) == {}
    # upright: 600×400 lying becomes 400×600 standing, and the red corner (top-left of the sensor)
    # is now at the top right, as the phone's screen showed it
    assert (kept.width, kept.height) == stored.size == (400, 600)
    rgb = stored.convert("RGB")
    assert _near(rgb.getpixel((400 - 20, 20)), RED) and _near(rgb.getpixel((20, 20)), BLUE)
    assert kept.mime == "image/jpeg" and kept.thumbnail_mime == "image/jpeg" and kept.name == "IMG_2024.jpg"
    assert kept.size == len(kept.data) and kept.sha256 == hashlib.sha256(kept.data).hexdigest()


def _near(got, want, slack=40) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(got, want))


def test_a_pngs_text_chunks_and_exif_are_gone():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Budi Santoso")
    info.add_text("Comment", "lokasi rumah", zip=True)  # zTXt
    info.add_itxt("Description", "Kantor Kecamatan Ciawi")
    exif = Image.Exif()
    exif[0x8825] = {1: "S", 2: (6.0, 35.0, 51.5)}
    sent = _png(Image.new("RGB", (300, 200), RED), pnginfo=info, exif=exif)
    assert b"tEXt" in sent and b"Budi Santoso" in sent and b"eXIf" in sent

    kept = prepare("pakta.png", sent)
    stored = Image.open(io.BytesIO(kept.data))
    for chunk in (b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"Budi Santoso"):
        assert chunk not in kept.data, chunk
    assert stored.text == {} and dict(stored.getexif()) == {} and stored.format == "PNG"
    assert (kept.mime, kept.thumbnail_mime, kept.width, kept.height) == ("image/png", "image/png", 300, 200)


def test_a_multi_picture_jpeg_keeps_only_the_picture_shown():
    """Phones write MPO (a JPEG followed by more pictures: a depth map, a second lens' shot); only
    the first, the one a viewer shows, is kept."""
    first, hidden = Image.new("RGB", (200, 100), RED), Image.new("RGB", (200, 100), BLUE)
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[hidden])
    assert Image.open(io.BytesIO(out.getvalue())).n_frames == 2
    kept = prepare("mpo.jpg", out.getvalue())
    stored = Image.open(io.BytesIO(kept.data))
    assert stored.format == "JPEG" and getattr(stored, "n_frames", 1) == 1 and kept.data.count(b"\xff\xd8\xff") == 1
    assert _near(stored.getpixel((100, 50)), RED)


@pytest.mark.parametrize("image, mode", [
    (Image.new("CMYK", (120, 80), (0, 255, 255, 0)), "RGB"),  # a print shop's CMYK scan, as JPEG
    (Image.new("L", (120, 80), 128), "L"),
])
def test_jpeg_modes_are_kept_plain(image, mode):
    out = io.BytesIO()
    image.save(out, "JPEG")
    assert Image.open(io.BytesIO(prepare("scan.jpg", out.getvalue()).data)).mode == mode


@pytest.mark.parametrize("image, mode", [
    (Image.new("1", (120, 80), 1), "L"),  # a 1-bit pakta scan
    (Image.new("P", (120, 80), 3), "RGB"),
    (Image.new("LA", (120, 80), (10, 100)), "LA"),
    (Image.new("RGBA", (120, 80), (1, 2, 3, 4)), "RGBA"),
    (Image.new("I;16", (120, 80), 40000), "L"),
])
def test_png_modes_are_kept_plain(image, mode):
    kept = Image.open(io.BytesIO(prepare("scan.png", _png(image)).data))
    assert kept.mode == mode and kept.size == (120, 80)
    if image.mode == "I;16":
        assert kept.getpixel((0, 0)) == 40000 // 256  # the top 8 bits, not clipped to white


def test_a_palette_pngs_transparent_colour_stays_transparent():
    image = Image.new("P", (50, 50), 1)
    image.putpalette([0, 0, 0, 255, 0, 0])  # index 1 red, made transparent below
    kept = Image.open(io.BytesIO(prepare("logo.png", _png(image, transparency=1)).data))
    assert kept.mode == "RGBA" and kept.getpixel((0, 0))[3] == 0


# -- size and type -------------------------------------------------------------------------------------------

def test_over_10_mb_and_empty_are_refused_before_any_parsing(monkeypatch):
    def parsed(*a, **k):
        raise AssertionError("parsed")

    monkeypatch.setattr(attachments.images, "open_bounded", parsed)
    big = b"\xff\xd8\xff" + b"\x00" * MAX_BYTES
    exc = _refusal("besar sekali.jpg", big)
    assert exc.problems[0].field == "attachment" and exc.problems[0].file == "besar sekali.jpg"
    assert exc.problems[0].value == "10.0 MB" and "10.0 MB" in _text(exc) and "at most 10 MB" in _text(exc)
    exc = _refusal("kosong.jpg", b"")
    assert exc.problems[0].value == "0 B" and "kosong.jpg is empty" in _text(exc)
    assert "kosong (0 bita)" in _text(exc, "id")
    monkeypatch.undo()
    assert prepare("pas.jpg", _jpeg()).mime == "image/jpeg"  # the same path with a small file passes


def test_the_type_is_read_from_the_content_not_the_name():
    gif = io.BytesIO()
    Image.new("RGB", (20, 20), RED).save(gif, "GIF")
    exc = _refusal("foto.jpg", gif.getvalue())
    assert exc.problems[0].value == "GIF" and "foto.jpg holds GIF, not JPEG, PNG or PDF" in _text(exc)
    exc = _refusal("foto.jpg", b"<!DOCTYPE html><html><script>alert(1)</script></html>")
    assert exc.problems[0].value == "HTML" and "holds HTML" in _text(exc)
    exc = _refusal("foto.jpg", b"Ini bukan foto, hanya teks biasa.\n")
    assert "holds text" in _text(exc) and "berisi teks" in _text(exc, "id")
    exc = _refusal("foto.jpg", bytes(range(256)))
    assert "holds content of no known type" in _text(exc) and "isi yang tidak dikenal" in _text(exc, "id")
    # and the other way round: a PNG named .jpg is a PNG, stored and named as one
    kept = prepare("foto.jpg", _png(Image.new("RGB", (10, 10))))
    assert (kept.mime, kept.name) == ("image/png", "foto.png")


@pytest.mark.parametrize("uploaded, kind, stored", [
    ("Foto Apel Café (1).JPG", "jpeg", "Foto_Apel_Cafe_1.jpg"),
    ("../../etc/passwd.png", "png", "passwd.png"),
    ("C:\\fakepath\\pakta.pdf", "pdf", "pakta.pdf"),
    (".htaccess", "png", "lampiran.png"),
    ("..", "pdf", "lampiran.pdf"),
    ("<script>x.jpg", "jpeg", "script_x.jpg"),
    ("a" * 200 + ".jpg", "jpeg", "a" * 80 + ".jpg"),
])
def test_the_stored_name_is_safe(uploaded, kind, stored):
    assert attachments.safe_name(uploaded, kind) == stored


# -- decompression bombs and the pixel bound ----------------------------------------------------------------

def test_a_decompression_bomb_is_refused_without_being_decoded(monkeypatch):
    """A 40000×40000 1-bit PNG is a few hundred KB on disk and 1.6 G pixels once decoded (above even
    Pillow's own limit, whose refusal is worded as ours). Its header alone is what is read."""
    bomb = _png_declaring(40000, 40000)
    assert len(bomb) < 200 and bomb[16:24] == struct.pack(">II", 40000, 40000)  # IHDR's width and height
    decoded = _no_decoding(monkeypatch)
    exc = _refusal("bom.png", bomb)
    assert decoded == []
    assert exc.problems[0].value == 1_600_000_000 and "1600000000 pixels" in _text(exc)
    assert "1600000000 piksel" in _text(exc, "id")


def test_an_image_over_our_bound_but_under_pillows_is_refused_on_its_header(monkeypatch):
    side = int((MAX_PIXELS * 1.2) ** 0.5)  # between our bound and Pillow's (89 MP): ours must speak
    bomb = _png_declaring(side, side)
    assert Image.open(io.BytesIO(bomb)).size == (side, side)  # a header Pillow reads as declared
    decoded = _no_decoding(monkeypatch)
    exc = _refusal("besar.png", bomb)
    assert decoded == [] and exc.problems[0].value == f"{side}×{side}"
    assert f"{side * side} pixels" in _text(exc) and f"at most {MAX_PIXELS} pixels" in _text(exc)


def test_a_hand_crafted_jpeg_header_declaring_a_huge_size_is_refused_undecoded(monkeypatch):
    small = _jpeg((16, 16))
    sof = small.index(b"\xff\xc0")  # baseline frame header: length(2) precision(1) height(2) width(2)
    for width, height in ((9000, 7000), (60000, 60000)):  # under Pillow's own limit, and far over it
        bomb = small[:sof + 5] + struct.pack(">HH", height, width) + small[sof + 9:]
        assert len(bomb) == len(small)
        decoded = _no_decoding(monkeypatch)
        exc = _refusal("bom.jpg", bomb)
        assert decoded == [] and f"{width * height} pixels" in _text(exc)
        monkeypatch.undo()


def test_a_large_legal_photo_is_stored_smaller():
    sent = _jpeg((6000, 4000))  # 24 MP, under the bound
    kept = prepare("lebar.jpg", sent)
    stored = Image.open(io.BytesIO(kept.data))
    assert stored.size == (kept.width, kept.height) == (STORED_MAX_SIDE, round(STORED_MAX_SIDE * 4000 / 6000))
    thumb = Image.open(io.BytesIO(kept.thumbnail))
    assert max(thumb.size) == THUMB_SIDE and kept.size < len(sent)
    tall = prepare("tinggi.png", _png(Image.new("L", (1000, 3000), 200)))
    assert (tall.width, tall.height) == (round(STORED_MAX_SIDE / 3), STORED_MAX_SIDE)


def test_a_truncated_or_corrupt_image_is_refused_with_a_message():
    whole = _jpeg((400, 300))
    exc = _refusal("terpotong.jpg", whole[: len(whole) // 2])
    assert exc.problems[0].value == "JPEG" and "terpotong.jpg cannot be read as JPEG" in _text(exc)
    png = _png(Image.effect_noise((200, 200), 60))
    exc = _refusal("rusak.png", png[:60] + bytes(len(png) - 60))  # the header kept, the pixels zeroed
    assert "rusak.png cannot be read as PNG" in _text(exc)
    exc = _refusal("kepala.png", png[:20])  # not even a whole header
    assert "kepala.png cannot be read as PNG" in _text(exc)


# -- PDFs --------------------------------------------------------------------------------------------------

def test_a_pdf_is_kept_as_sent_with_a_thumbnail_of_its_first_page():
    kept = prepare("Pakta Integritas.pdf", A4_PDF)
    assert kept.data == A4_PDF and kept.mime == "application/pdf" and kept.name == "Pakta_Integritas.pdf"
    thumb = Image.open(io.BytesIO(kept.thumbnail))
    assert kept.thumbnail_mime == "image/png" and thumb.format == "PNG"
    assert thumb.size == (kept.width, kept.height) and kept.height == THUMB_SIDE and kept.width < THUMB_SIDE
    # drawn, not blank: the page's blue rectangle is there
    assert any(_near(c, (0, 0, 255), 30) for _, c in thumb.convert("RGB").getcolors(1 << 16))
    wide = prepare("lanskap.pdf", _pypdf(2, size=(842, 595)))
    assert wide.width == THUMB_SIDE and wide.height < THUMB_SIDE


def test_a_pdf_is_refused_when_it_does_not_open_has_too_many_pages_or_is_locked():
    drawn = []

    def renderer(data, side):
        drawn.append(side)
        return first_page_png(data, side)

    exc = _refusal("bukan.pdf", b"%PDF-1.7\nini bukan PDF", renderer=renderer)
    assert "bukan.pdf cannot be opened as a PDF" in _text(exc)
    exc = _refusal("tebal.pdf", _pypdf(attachments.MAX_PDF_PAGES + 1), renderer=renderer)
    assert exc.problems[0].value == 51 and "tebal.pdf has 51 pages" in _text(exc)
    exc = _refusal("kosong.pdf", _pdf([CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"]), renderer=renderer)
    assert "kosong.pdf has 0 pages" in _text(exc)
    exc = _refusal("sandi.pdf", _pypdf(1, password="rahasia"), renderer=renderer)
    assert "sandi.pdf is locked" in _text(exc)
    assert drawn == []  # none of them reached the renderer
    assert prepare("cukup.pdf", _pypdf(attachments.MAX_PDF_PAGES), renderer=renderer).mime == "application/pdf"


@pytest.mark.parametrize("looping", [SELF_KIDS_PDF, LOOP_AFTER_PAGE_PDF])
def test_a_pdf_whose_page_tree_loops_is_refused_promptly(looping):
    """The server thread returns (a thread is watched rather than the clock: a hang never ends)."""
    got = []
    worker = threading.Thread(target=lambda: got.append(_catch(lambda: prepare("lingkar.pdf", looping))), daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "prepare hung on a PDF whose page tree loops"
    assert isinstance(got[0], PetaError) and "lingkar.pdf" in _text(got[0])
    # and the renderer's own child, given it directly, ends and fails rather than hanging
    with pytest.raises(PetaError) as caught:
        first_page_png(SELF_KIDS_PDF, THUMB_SIDE, name="lingkar.pdf")
    assert caught.value.problems[0].want.code == "attachment_pdf_render"


def _catch(call):
    try:
        return call()
    except Exception as exc:  # handed to the test thread to look at
        return exc


def test_a_renderer_that_never_ends_is_killed_with_its_children_and_the_file_refused(tmp_path):
    pid_file = tmp_path / "sleeper.pid"
    # the child starts a grandchild and waits: both are in the child's session, and both must go
    never_ends = ["sh", "-c", f"sleep 60 & echo $! > {pid_file}; wait", "pdftoppm"]
    render = partial(first_page_png, timeout_s=1, command=never_ends, name="macet.pdf")
    exc = _refusal("macet.pdf", A4_PDF, renderer=render)
    assert exc.problems[0].want.code == "attachment_pdf_timeout" and exc.problems[0].value == "> 1 s"
    assert "the first page of macet.pdf was not drawn within 1 seconds, so this PDF is not kept" in _text(exc)
    assert "tidak selesai digambar dalam 1 detik" in _text(exc, "id")
    assert _gone(int(pid_file.read_text()))


def _gone(pid: int, wait_s: float = 10.0) -> bool:
    """The process no longer runs (gone, or a zombie waiting for a parent to reap it)."""
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        stat = Path(f"/proc/{pid}/stat")
        try:
            state = stat.read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.1)
    return False


def test_the_renderer_child_is_bounded_in_memory():
    """A child asking for 2 GiB is refused it by RLIMIT_AS (1 GiB), fails, and the file is refused."""
    import sys

    greedy = [sys.executable, "-c", "bytearray(2 * 1024 ** 3)"]
    with pytest.raises(PetaError) as caught:
        first_page_png(A4_PDF, THUMB_SIDE, command=greedy, name="rakus.pdf")
    assert caught.value.problems[0].want.code == "attachment_pdf_render"
    assert "MemoryError" in _text(caught.value) and "rakus.pdf" in _text(caught.value)


def test_what_the_renderer_wrote_is_itself_bounded():
    """The child's PNG is untrusted too: first_page_png holds it to the size it asked for, and
    prepare holds any renderer's output to the pixel bound before decoding it."""
    import sys

    too_big = [sys.executable, "-c", "import sys; from PIL import Image; "
               "Image.new('L', (2000, 2000)).save(sys.argv[-1] + '.png')"]  # what pdftoppm -singlefile names
    with pytest.raises(PetaError) as caught:
        first_page_png(A4_PDF, THUMB_SIDE, command=too_big, name="aneh.pdf")
    assert "4000000 pixels" in _text(caught.value) and "aneh.pdf" in _text(caught.value)
    side = int((MAX_PIXELS * 1.2) ** 0.5)
    for bomb in (_png_declaring(side, side), _png_declaring(40000, 40000)):
        exc = _refusal("aneh.pdf", A4_PDF, renderer=lambda data, size, _b=bomb: _b)
        assert "aneh.pdf" in _text(exc) and exc.problems[0].want.code == "attachment_pixels"
    exc = _refusal("aneh.pdf", A4_PDF, renderer=lambda data, side: b"<html>")
    assert exc.problems[0].want.code == "attachment_pdf_render"


def test_a_missing_pdftoppm_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no pdftoppm on it
    exc = _refusal("pakta.pdf", A4_PDF)
    problem = exc.problems[0]
    assert (problem.field, problem.value, problem.file) == ("pdftoppm", "pdftoppm", "pakta.pdf")
    assert "poppler-utils" in _text(exc) and "pdftoppm" in _text(exc, "id")
    with pytest.raises(PetaError) as caught:
        first_page_png(A4_PDF, THUMB_SIDE, command=["/nonexistent/pdftoppm"])
    assert caught.value.problems[0].field == "pdftoppm"
    assert pdf_thumbnail.PROGRAM == ("pdftoppm",)


# -- the wording --------------------------------------------------------------------------------------------

def test_every_refusal_is_worded_in_both_languages_and_names_the_file():
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, "GIF")
    cases = {
        "kosong.jpg": (b"", {}),
        "besar.jpg": (b"\xff\xd8\xff" + bytes(MAX_BYTES), {}),
        "gif.jpg": (gif.getvalue(), {}),
        "teks.jpg": (b"hanya teks", {}),
        "acak.jpg": (bytes(range(256)), {}),
        "bom.png": (_png_declaring(40000, 40000), {}),
        "rusak.jpg": (_jpeg()[:300], {}),
        "bukan.pdf": (b"%PDF-1.4 rusak", {}),
        "tebal.pdf": (_pypdf(51), {}),
        "sandi.pdf": (_pypdf(1, password="x"), {}),
        "lingkar.pdf": (SELF_KIDS_PDF, {}),
        "macet.pdf": (A4_PDF, {"renderer": partial(first_page_png, timeout_s=1, name="macet.pdf",
                                                    command=["sh", "-c", "sleep 60"])}),
        "gagal.pdf": (A4_PDF, {"renderer": partial(first_page_png, name="gagal.pdf", command=["false"])}),
        "tanpa.pdf": (A4_PDF, {"renderer": partial(first_page_png, name="tanpa.pdf", command=["no-pdftoppm"])}),
    }
    codes = set()
    for name, (data, kw) in cases.items():
        exc = _refusal(name, data, **kw)
        want = exc.problems[0].want
        codes.add(want.code)
        indonesian, english = want.text("id"), want.text("en")
        assert indonesian != english and name in indonesian and name in english, (name, indonesian, english)
        line = problem_text.say(exc.problems[0], "id")
        assert name in line and ("lampiran" in line or "pdftoppm" in line), line
    from dashboard.i18n_problems import PROBLEMS

    raised = {c for c in PROBLEMS if c.startswith("attachment_") and not c.startswith("attachment_found_")}
    assert codes == raised, raised - codes
