"""The fixed vocabularies a record is validated against.

Each entry has an id (what the data files use) and labels in Bahasa Indonesia
and English. Adding a kind, group or body is a one-line change here; the
commitment categories are deliberately fixed, because the readiness grid and its
percentages compare units on the same list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    id: str
    id_label: str  # Bahasa Indonesia
    en_label: str
    id_short: str = ""  # a column heading where the whole label does not fit (the category grid)
    en_short: str = ""

    def label(self, lang: str) -> str:
        return self.en_label if lang == "en" else self.id_label

    def short(self, lang: str) -> str:
        return (self.en_short if lang == "en" else self.id_short) or self.label(lang)


def _index(*terms: Term) -> dict[str, Term]:
    return {t.id: t for t in terms}


KINDS = _index(
    Term("apel", "Apel", "Assembly (apel)"),
    Term("upacara", "Upacara", "Ceremony (upacara)"),
    Term("ikrar", "Ikrar", "Pledge read aloud (ikrar)"),
    Term("deklarasi", "Deklarasi", "Declaration (deklarasi)"),
    Term("pakta_integritas", "Pakta/fakta integritas", "Integrity pact (pakta/fakta integritas)"),
    Term("komitmen_bersama", "Penandatanganan komitmen bersama", "Joint commitment signing"),
    Term("sosialisasi", "Sosialisasi", "Briefing (sosialisasi)"),
)

# Who signed or pledged. ``LEADERS`` below says which of them speak for a unit.
SIGNATORY_GROUPS = _index(
    Term("kepala_daerah", "Kepala daerah (bupati/wali kota)", "Regional head (regent/mayor)"),
    Term("sekda", "Sekretaris daerah", "Regional secretary"),
    Term("kepala_perangkat_daerah", "Kepala perangkat daerah (OPD)", "Heads of regional agencies (OPD)"),
    Term("pejabat_eselon_ii", "Pejabat eselon II", "Echelon II officials"),
    Term("pejabat_eselon_iii", "Pejabat eselon III", "Echelon III officials"),
    Term("pejabat_eselon_iv", "Pejabat eselon IV", "Echelon IV officials"),
    Term("camat", "Camat", "Sub-district heads (camat)"),
    Term("sekcam", "Sekretaris kecamatan", "Sub-district secretary"),
    Term("kasi", "Kepala seksi kecamatan", "Sub-district section heads"),
    Term("lurah", "Lurah", "Urban village heads (lurah)"),
    Term("kepala_desa", "Kepala desa", "Village heads"),
    Term("perangkat_desa", "Perangkat desa", "Village officials"),
    Term("asn", "ASN", "Civil servants (ASN)"),
    Term("non_asn", "Non-ASN (tenaga kontrak)", "Non-civil-servant staff"),
)

# Which signatory groups, signing for *every* unit of a region ("se-Kabupaten"),
# cover each child unit at leadership level. Desa and kelurahan differ: a desa is
# led by a kepala desa with perangkat desa, a kelurahan by a lurah.
LEADERS = {
    "kabupaten/kota": {"kepala_daerah"},
    "kecamatan": {"camat"},
    "desa": {"kepala_desa", "perangkat_desa"},
    "kelurahan": {"lurah"},
}

WITNESS_BODIES = _index(
    Term("bawaslu", "Bawaslu", "Election supervisory board (Bawaslu)"),
    Term("panwascam", "Panwascam", "Sub-district election supervisors (Panwascam)"),
    Term("kpu", "KPU", "Election commission (KPU)"),
    Term("ppk", "PPK", "Sub-district election committee (PPK)"),
    Term("pps", "PPS", "Village election committee (PPS)"),
    Term("kapolsek", "Kapolsek", "Sub-district police chief (Kapolsek)"),
    Term("danramil", "Danramil", "Sub-district military commander (Danramil)"),
    Term("kesbangpol", "Kesbangpol", "National unity and politics agency (Kesbangpol)"),
    Term("sekda", "Sekretaris daerah", "Regional secretary"),
    Term("pgri", "PGRI", "Teachers' association (PGRI)"),
    Term("partai_politik", "Pengurus partai politik (PAC)", "Political party branches"),
    Term("puskesmas", "Puskesmas", "Community health centre"),
    Term("ormas", "Organisasi kemasyarakatan", "Civil-society organisations"),
    Term("kepala_desa", "Kepala desa", "Village heads"),
    Term("perangkat_desa", "Perangkat desa", "Village officials"),
)

# The fixed list of commitment categories (see README, "Kategori komitmen").
COMMITMENT_CATEGORIES = _index(  # (id, label, English label, short heading, English short heading)
    Term("kampanye", "Tidak ikut kampanye", "No campaigning", "Kampanye", "Campaigning"),
    Term("atribut", "Tanpa atribut partai atau atribut ASN", "No party or ASN attributes", "Atribut", "Attributes"),
    Term("mobilisasi_asn", "Tidak mengerahkan ASN lain", "No mobilising other ASN", "Mengerahkan ASN",
         "Mobilising ASN"),
    Term("fasilitas_negara", "Tidak memakai fasilitas negara", "No use of state facilities", "Fasilitas negara",
         "State facilities"),
    Term("keputusan_berpihak", "Tidak membuat keputusan yang berpihak", "No partisan decisions",
         "Keputusan berpihak", "Partisan decisions"),
    Term("kegiatan_berpihak", "Tidak mengadakan kegiatan atau memberi barang yang berpihak",
         "No partisan activities or gifts", "Kegiatan, barang", "Activities, gifts"),
    Term("dukungan_ktp", "Tidak memberi dukungan berupa fotokopi KTP", "No ID-copy support letters",
         "Fotokopi KTP", "ID copies"),
    Term("konflik_kepentingan", "Menghindari konflik kepentingan dan intimidasi",
         "No conflicts of interest or intimidation", "Konflik kepentingan", "Conflicts of interest"),
    Term("media_sosial", "Bijak bermedia sosial, tanpa hoaks dan ujaran kebencian",
         "Responsible social media; no hoaxes or hate speech", "Media sosial", "Social media"),
    Term("politik_uang", "Menolak politik uang", "Rejecting money politics", "Politik uang", "Money politics"),
    Term("netralitas", "Netral sebelum, selama, dan sesudah pemilihan",
         "Neutral before, during and after the election", "Netralitas", "Neutrality"),
)

VOCABULARIES = {
    "kinds": KINDS,
    "signatories.group": SIGNATORY_GROUPS,
    "witnesses": WITNESS_BODIES,
    "commitments.category": COMMITMENT_CATEGORIES,
}

# Kinds that *bind*: someone pledged, declared or signed. A ceremony with none of them (a
# sosialisasi, an apel or upacara without a pledge) informs but does not commit, and is shown
# as its own weaker state (``informed``), never as covered.
BINDING_KINDS = frozenset({"ikrar", "deklarasi", "pakta_integritas", "komitmen_bersama"})

# The ASN of a kecamatan office (and a lurah, who is ASN) are employees of the kabupaten/kota
# government. A binding kabupaten/kota ceremony that *all ASN* of that Pemda signed or were
# instructed to sign (``asn`` with ``all: true``) therefore binds them: the ``pemda`` state.
# A province's ASN are another employer, so a provincial all-ASN ceremony does not reach them.
PEMDA_WIDE_GROUP = "asn"
