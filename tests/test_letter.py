"""Issue 42 §2: the follow-up letter (*surat imbauan*) from the region's office to the heads of the
units on its *Belum berikrar* list — letterhead, the sender's blanks, subject, legal basis, the
units with the days left and the signature block; DOCX to edit and PDF from the same content; text
from the data and the template is text in both, never markup or fields; a template that is wrong is
refused naming its file, key and value."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

from dashboard import cli, context, letter
from dashboard.errors import PetaError
from dashboard.export.letter_docx import to_docx
from dashboard.report import Report

from .test_pending import DAY, _add


@pytest.fixture
def rec(fresh_store, gaz, monkeypatch):
    monkeypatch.delenv("PETA_LETTER_TEMPLATE", raising=False)
    db, data = fresh_store
    _add(db, gaz, "32.01.24", DAY.replace(month=10, day=15), ["sosialisasi"], "sosialisasi-ciawi")  # Kec. Ciawi
    return context.records(gaz, data)


def _docx_text(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def _png(width: int = 4, height: int = 2) -> bytes:
    """A tiny valid PNG, made here (no image library needed)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\0" + b"\x00\x00\xff" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_the_letter_goes_from_the_sekda_to_the_heads_of_the_listed_units(rec, gaz):
    rep = Report(rec, gaz, "pilkada-2024", "32.01", DAY)
    got = letter.compose(rep)
    listed = rep.table("belum")
    assert len(got.rows) == len(listed) > 30
    assert got.letterhead == ("PEMERINTAH KABUPATEN BOGOR", "SEKRETARIAT DAERAH")
    assert got.signer_title == "SEKRETARIS DAERAH KABUPATEN BOGOR"
    # the number, the date and the signer's name and NIP are left for the sender
    assert dict(got.heading)["Nomor"] == letter.DOTS and letter.DOTS in got.place_date
    assert got.signer_name == letter.DOTS and got.signer_nip == f"NIP. {letter.DOTS}"
    assert dict(got.heading)["Hal"] == "Imbauan Pelaksanaan Ikrar Netralitas ASN pada Pilkada Serentak 2024"
    assert any("Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara" in b for b in got.basis)
    assert any("Tahun 2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas" in b for b in got.basis)
    body = " ".join(got.paragraphs)
    assert "{" not in body and "Rabu, 27 November 2024 (H-7)" in body and "Rabu, 20 November 2024" in body
    assert f"di {len(listed)} unit" in body
    assert got.salutation.startswith("Yth. Camat ")
    # each unit with its head, its state, its latest briefing in words and the days left
    assert got.table_head == ("No.", "Wilayah", "Dipimpin oleh", "Status", "Sosialisasi terakhir",
                              "Hari menuju pemungutan suara")
    ciawi = next(r for r in got.rows if r[1] == "Kec. Ciawi")
    assert ciawi[2:] == ("Camat Ciawi", "Sosialisasi saja", "Selasa, 15 Oktober 2024", "H-7")
    assert [r[0] for r in got.rows] == [str(i) for i in range(1, len(got.rows) + 1)]
    assert got.rows[0][4] == "–"  # nothing at all: first, and no briefing
    assert got.filename == "surat-imbauan_kab-bogor_pilkada-2024_2024-11-20"


@pytest.mark.parametrize("region, head, signer, to", [
    ("32", ("PEMERINTAH PROVINSI JAWA BARAT", "SEKRETARIAT DAERAH"), "SEKRETARIS DAERAH PROVINSI JAWA BARAT",
     "Bupati/Wali Kota"),
    (None, ("KEMENTERIAN DALAM NEGERI", "REPUBLIK INDONESIA", "SEKRETARIAT JENDERAL"),
     "SEKRETARIS JENDERAL KEMENTERIAN DALAM NEGERI", "Gubernur"),
    ("32.01.24", ("PEMERINTAH KABUPATEN BOGOR", "KECAMATAN CIAWI"), "CAMAT CIAWI", "Kepala Desa/Lurah"),
])
def test_the_sender_and_the_addressees_follow_the_level_of_the_view(rec, gaz, region, head, signer, to):
    got = letter.compose(Report(rec, gaz, "pilkada-2024", region, DAY))
    assert got.letterhead == head and got.signer_title == signer
    assert got.salutation.startswith(f"Yth. {to} ")


def test_an_english_view_makes_the_same_indonesian_letter_and_an_empty_list_none(rec, gaz):
    id_letter = letter.compose(Report(rec, gaz, "pilkada-2024", "32.01", DAY))
    assert letter.compose(Report(rec, gaz, "pilkada-2024", "32.01", DAY, lang="en")) == id_letter
    assert letter.compose(Report(rec, gaz, "pilkada-2024", "32.01.01", DAY)) is None  # Cibinong: all reached


def test_the_docx_holds_every_word_as_text_never_a_field_or_markup(rec, gaz, tmp_path):
    own = tmp_path / "surat.yaml"
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png())
    own.write_text(
        "letterhead:\n"
        "  lines: [PEMERINTAH KABUPATEN BOGOR, 'SEKRETARIAT DAERAH <b>{wilayah}</b>']\n"
        "  address: 'Jl. Tegar Beriman No. 1 MERGEFIELD nama <script>alert(1)</script>'\n"
        "  logo: logo.png\n"
        "signer:\n  name: '=HYPERLINK(\"http://x.example\")'\n", encoding="utf-8")
    got = letter.compose(Report(rec, gaz, "pilkada-2024", "32.01", DAY), letter.load_template(own))
    assert got.logo == logo.read_bytes() and got.logo_type == "png"
    data = to_docx(got)
    text = _docx_text(data)
    for line in got.text().split("\n"):
        for part in line.split(" | "):
            assert part in text, part
    assert "SEKRETARIAT DAERAH <b>Kabupaten Bogor</b>" in text
    assert "MERGEFIELD nama <script>alert(1)</script>" in text
    assert '=HYPERLINK("http://x.example")' in text
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
        assert not any(tag in xml for tag in ("<w:fldSimple", "<w:instrText", "<w:hyperlink", "<w:fldChar"))
        assert "&lt;script&gt;" in xml
        assert [n for n in z.namelist() if n.startswith("word/media/")]  # the logo, as an image part


@pytest.mark.slow
def test_the_pdf_says_what_the_docx_says_as_text_without_links(rec, gaz, tmp_path):
    from pypdf import PdfReader

    from dashboard.export.letter_pdf import to_html, to_pdf

    own = tmp_path / "surat.yaml"
    own.write_text("letterhead:\n  address: 'Jl. <i>Raya</i> & Co \"1\"'\n", encoding="utf-8")
    got = letter.compose(Report(rec, gaz, "pilkada-2024", "32.01", DAY), letter.load_template(own))
    html = to_html(got)
    assert "Jl. &lt;i&gt;Raya&lt;/i&gt; &amp; Co &#34;1&#34;" in html and "<i>" not in html
    assert "<script" not in html and "<a " not in html
    pdf = PdfReader(io.BytesIO(to_pdf(got)))
    words = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert 'Jl. <i>Raya</i> & Co "1"' in words
    for row in got.rows:
        assert row[1] in words
    assert "SEKRETARIS DAERAH KABUPATEN BOGOR" in words and "Nomor 20 Tahun 2023" in words
    assert not any(p.get("/Annots") for p in pdf.pages)  # no link anywhere


@pytest.mark.parametrize("text, field, value", [
    ("subject: Imbauan {kandidat}\n", "subject", "{kandidat}"),
    ("subject: '{pemilihan.__class__}'\n", "subject", "{pemilihan.__class__}"),
    ("tanda_tangan: x\n", "tanda_tangan", "x"),
    ("signer:\n  jabatan: x\n", "signer.jabatan", "x"),
    ("basis: Undang-Undang\n", "basis", "Undang-Undang"),
    ("copies: [1, 2]\n", "copies", "1"),
    ("basis: [" + ", ".join(["x"] * (letter.MAX_ITEMS + 1)) + "]\n", "basis", str(letter.MAX_ITEMS + 1)),
    ("a: &a [x, x]\nb: &b [*a, *a]\nbasis: [*b, *b]\n", "a", "(list)"),
])
def test_a_wrong_template_is_refused_naming_its_file_key_and_value(tmp_path, text, field, value):
    own = tmp_path / "surat.yaml"
    own.write_text(text, encoding="utf-8")
    with pytest.raises(PetaError) as err:
        letter.load_template(own)
    p = err.value.problems[0]
    assert (p.file, p.field, p.value) == (str(own), field, value)


def test_an_operators_template_changes_only_what_it_names(tmp_path, monkeypatch):
    own = tmp_path / "surat.yaml"
    own.write_text("place: Cibinong\nsigner:\n  nip: '19700101 199003 1 001'\n", encoding="utf-8")
    monkeypatch.setenv("PETA_LETTER_TEMPLATE", str(own))
    got = letter.load_template()
    shipped = letter.load_template(letter.TEMPLATE)
    assert got["place"] == "Cibinong" and got["signer"]["nip"] == "19700101 199003 1 001"
    assert got["signer"]["title"] == shipped["signer"]["title"] and got["basis"] == shipped["basis"]
    for bad, field in ((b"\xff\xfe", "(file)"), (b"x" * (letter.MAX_TEMPLATE_BYTES + 1), "(file)")):
        own.write_bytes(bad)
        with pytest.raises(PetaError) as err:
            letter.load_template()
        assert err.value.problems[0].field == field and err.value.problems[0].file == str(own)
    own.write_text("letterhead:\n  logo: bukan-gambar.txt\n", encoding="utf-8")
    (tmp_path / "bukan-gambar.txt").write_text("GIF89a, not a png", encoding="utf-8")
    from dashboard.io.letter_files import read_logo

    with pytest.raises(PetaError) as err:
        read_logo("bukan-gambar.txt", tmp_path)
    assert err.value.problems[0].field == "letterhead.logo"


def test_the_cli_writes_the_docx_says_why_there_is_none_and_refuses_other_files(rec, gaz, tmp_path, capsys):
    out = tmp_path / "surat.docx"
    args = ["export", "letter", "--election", "pilkada-2024", "--as-of", DAY.isoformat()]
    assert cli.main([*args, "--region", "32.01", "--out", str(out)]) == 0
    expected = letter.compose(Report(rec, gaz, "pilkada-2024", "32.01", DAY))  # the CLI writes nothing to the store
    assert "Kec. Ciawi" in _docx_text(out.read_bytes()) and f"{len(expected.rows)} units" in capsys.readouterr().out
    none = tmp_path / "tidak.docx"
    assert cli.main([*args, "--region", "32.01.01", "--out", str(none)]) == 0
    assert not none.exists() and "semua unit dalam tampilan ini sudah" in capsys.readouterr().out
    assert cli.main([*args, "--region", "32.01", "--out", str(tmp_path / "surat.txt")]) != 0
    assert "--out" in capsys.readouterr().err


def test_the_template_is_read_again_only_when_a_file_changed(tmp_path, monkeypatch):
    """The Komitmen page checks the template on every run: a file unchanged is not read again, an
    edited one is (its stamp moved), and each caller gets its own copy to change."""
    from dashboard import letter
    from dashboard.io import letter_files

    own = tmp_path / "surat.yaml"
    own.write_text("subject: Imbauan pertama\n", encoding="utf-8")
    reads = []
    real = letter_files.read_template
    monkeypatch.setattr(letter_files, "read_template", lambda p, n: reads.append(p) or real(p, n))
    letter._loaded.cache_clear()
    first = letter.load_template(own)
    first["subject"] = "diubah oleh pemanggil"
    assert letter.load_template(own)["subject"] == "Imbauan pertama" and len(reads) == 2  # shipped + own, once
    import os

    own.write_text("subject: Imbauan kedua\n", encoding="utf-8")
    os.utime(own, ns=(own.stat().st_atime_ns, own.stat().st_mtime_ns + 10**9))
    assert letter.load_template(own)["subject"] == "Imbauan kedua" and len(reads) == 4
