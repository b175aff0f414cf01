"""A leader's role, written one way (issue 38).

Regional news writes one office many ways (*Pj / Pj. / Penjabat (Pj)*, *Pjs / Pejabat Sementara*,
*Sekda / Sekdakab / Sekretaris Daerah*, *Walikota / Wali Kota*, *Kaban Kesbangpol*), and reviewers
write the place after it with or without its kind (*Sekretaris Daerah Kabupaten Muna Barat* beside
*Sekretaris Daerah Muna Barat*). :func:`spelled` is how the article reader writes a role it found
(the titles spelled out, as the shipped records write them); :func:`role_key` is what the curation
log and the replay compare (:mod:`dashboard.curation`): the same office at the same place is the
same role however it is spelled, and a different office, an acting title dropped or added
(*Penjabat* against *Penjabat Sementara* against none), or a different place is not.

This module is the one place these spellings live.
"""

from __future__ import annotations

import re
import unicodedata

# short title -> spelled out, applied in order to a role as the article wrote it
_SPELLED = [
    # the acting titles, with their short form in brackets or alone; "Pejabat" before a head is "Penjabat"
    (r"\s*\((?:P[jJ][sS]?|P[lL][tThH]|Sekda)\.?\)", ""),
    (r"^(?:Penjabat|Pejabat)\s+[Ss]ementara\s+", "Penjabat Sementara "),
    (r"^P[jJ][sS](?:\.\s*|\s+)", "Penjabat Sementara "),
    (r"^P[jJ](?:\.\s*|\s+)", "Penjabat "),
    (r"^Pejabat\s+", "Penjabat "),
    (r"^P[lL][tT](?:\.\s*|\s+)", "Pelaksana Tugas "),
    (r"^P[lL][hH](?:\.\s*|\s+)", "Pelaksana Harian "),
    (r"\bSek(?:re|er)taris\b", "Sekretaris"),
    (r"\bSekdakab\b", "Sekretaris Daerah Kabupaten"), (r"\bSekdakot\b", "Sekretaris Daerah Kota"),
    (r"\bSekdaprov\b", "Sekretaris Daerah Provinsi"), (r"\bSekda\b", "Sekretaris Daerah"),
    (r"\bSekcam\b", "Sekretaris Kecamatan"), (r"\bKades\b", "Kepala Desa"),
    (r"\bK(?:o|oo)rdinator\s+D[ei]visi(?:\s*\(Kordiv\))?", "Koordinator Divisi"), (r"\bKordiv\b", "Koordinator Divisi"),
    (r"\bKabag\b", "Kepala Bagian"),
    (r"\b[Ww]ali\s?(?:[Kk]ota|[Oo]ta|kota)\b", "Wali Kota"), (r"\bKaban\b", "Kepala Badan"), (r"^Kepala Kecamatan\b", "Camat"),
    (r"\bBadan\s+Pengawas\s+Pemil(?:u(?:\s+Umum)?|ihan\s+Umum)(?:\s*\(Bawaslu\))?", "Bawaslu"),
    (r"\bPengawas\s+Pemil(?:u|ihan)(?:\s+Umum)?\s+Kecamatan\b", "Panwaslu Kecamatan"),
    (r"\bKab\.?(?=\s)", "Kabupaten"), (r"\bProv\.?(?=\s)", "Provinsi"),
]
_SPELLED_RE = [(re.compile(p), r) for p, r in _SPELLED]

# what the comparison reads as one word: an office's kinds of spelling beyond the titles above
_SAME = [(r"\bpanwaslu\s*cam\b|\bpanwaslu kecamatan\b|\bpanwas kecamatan\b", "panwascam"),
         (r"\bbadan kesbangpol\b|\bbakesbangpol\b|\bbadan kesatuan bangsa dan politik\b", "kesbangpol"),
         (r"\bsekretaris kota\b", "sekretaris daerah"), (r"\bsekretaris camat\b", "sekretaris kecamatan"),
         (r"\bkomisioner\b", "anggota")]
_SAME_RE = [(re.compile(p), r) for p, r in _SAME]
# the kind before a place's name ("Kabupaten", "Kota" but not the "Kota" of "Wali Kota")
_KIND = re.compile(r"\b(?:kabupaten|provinsi|kecamatan|kemantren|administrasi)\b|(?<!wali )\bkota\b")
# a reviewer's note after the role: ", mewakili Bupati", ", inspektur upacara"
_NOTE = re.compile(r",\s+(?=[a-z])")


def spelled(role: str) -> str:
    """The role with its short titles spelled out: "Pjs Bupati Sleman" -> "Penjabat Sementara Bupati
    Sleman", "Sekdakab Pesawaran" -> "Sekretaris Daerah Kabupaten Pesawaran"."""
    out = " ".join(role.split())
    for pat, rep in _SPELLED_RE:
        out = pat.sub(rep, out)
    return " ".join(out.split())


def role_key(role: str | None) -> str | None:
    """What two spellings of one role share: titles spelled out, a reviewer's note after a comma,
    the kind before the place, case, spaces and punctuation left out ("Sekretaris Daerah Kabupaten
    Muna Barat" and "Sekda Muna Barat" are one role; "Penjabat Bupati X" and "Bupati X" are two)."""
    if not role or not str(role).strip():
        return None
    text = _NOTE.split(str(role), maxsplit=1)[0]
    text = spelled(text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())
    text = re.sub(r"\bdki\b", "daerah khusus ibukota", re.sub(r"\bdiy\b", "daerah istimewa yogyakarta", text))
    for pat, rep in _SAME_RE:
        text = pat.sub(rep, text)
    text = _KIND.sub(" ", text)
    return re.sub(r"\s+", "", text) or None
