"""The draft's other fields, each read by a named rule from the article's sentences.

Every reader returns a :class:`Reading`: the value, a confidence (``sure`` / ``check`` /
``missing``), the sentence it came from, and alternatives where there is doubt. The rules are
in the README ("Dari berita ke catatan"); the vocabulary is the project's own
(:mod:`dashboard.records.vocab`), with the spelling variants regional news uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import fmt
from ..errors import Msg, msg
from ..regions import _fold as _fold_place
from ..roles import spelled
from .text import NUMBER_WORD, Sentence, fold, number_value

SURE, CHECK, MISSING = "sure", "check", "missing"


@dataclass
class Reading:
    value: Any
    confidence: str
    evidence: str | None = None
    alternatives: list = field(default_factory=list)
    notes: list[Msg] = field(default_factory=list)  # why it is not sure (worded in the reviewer's language)
    per_value: dict = field(default_factory=dict)   # value id -> its own evidence sentence

    def to_dict(self) -> dict:
        out = {"value": self.value, "confidence": self.confidence, "evidence": self.evidence}
        if self.alternatives:
            out["alternatives"] = self.alternatives
        if self.notes:
            out["notes"] = [n.to_json() for n in self.notes]
        if self.per_value:
            out["evidence_by_value"] = self.per_value
        return out


def missing(note: Msg | None = None) -> Reading:
    return Reading(None, MISSING, None, notes=[note] if note else [])


# -- vocabulary with spelling variants --------------------------------------------------------
NETRAL = re.compile(r"netral")
KIND_WORDS = {
    "apel": r"\bapel\b",
    "upacara": r"(?<!lapangan )(?<!inspektur )\bupacara\b",
    "ikrar": r"\bikrar|\bberikrar|mengikrarkan|ikrarkan",
    "deklarasi": r"deklarasi|mendeklarasikan",
    "pakta_integritas": r"\b[pf]akta\s*-?\s*inter?gr?itas",  # "pakta intergritas" is a common misspelling
    "komitmen_bersama": r"komitmen\s+bersama|penanda\s*-?\s*tangan\w*\s+komitmen|menanda\s*-?\s*tangan\w*\s+komitmen"
                        r"|tanda\s*-?\s*tangan\w*\s+komitmen",
    # not a duty to "mensosialisasikan" something; a "diseminasi" of the rules is the same event
    "sosialisasi": r"\bsosialisasi\b|\bdiseminasi\b",
}
KIND_RE = {k: re.compile(p) for k, p in KIND_WORDS.items()}
# a pakta integritas about something else: procurement, corruption, recruitment, a zone of integrity
OTHER_PAKTA = re.compile(r"korupsi|pengadaan|gratifikasi|zona integritas|\bwbk\b|\bwbbm\b|pungli|lelang|tender"
                         r"|rekrutmen|seleksi|penerimaan|anggaran|kinerja|perjanjian kinerja|narkoba|\bpbj\b")
EVENT = re.compile(r"menggelar|digelar|gelar\b|dilaksanakan|melaksanakan|menyelenggarakan|diselenggarakan|mengikuti|diikuti|menandatangan|"
                   r"tanda\s+tangan|"
                   r"ditandatangan|penanda\s*-?\s*tangan|tandatangan|membacakan|dibacakan|berikrar|mengikrarkan|"
                   r"ikrarkan|dipimpin|memimpin|pimpin|berlangsung|bertempat|mendeklarasikan|deklarasikan|"
                   r"menyatakan sikap|mengucapkan|hadir|"
                   # opened, held, or spoken at (issue 38, fresh articles: a sosialisasi that took place was
                   # judged not held when the article only said it was opened, or quoted someone at it)
                   r"membuka|dibuka|mengadakan|diadakan|"
                   r"(?:pada|saat|dalam|di sela(?:-sela)?)\s+(?:acara\s+|kegiatan\s+)?(?:sosialisasi|deklarasi|ikrar)")
# A kind word that does not report this kind: an upacara the pledge merely followed ("usai upacara
# HUT RI"), "sebagai wujud komitmen bersama" (a phrase, not a signing), a candidate's declaration
# or a campaign apel (what ASN must not attend)
NOT_THIS_KIND = {
    "upacara": re.compile(r"(?:usai|seusai|setelah|selepas|sebelum)\s+(?:\w+\s+)?upacara|upacara\s+(?:\w+\s+)?"
                          r"(?:peringatan|hut\b|hari\b|bendera|kemerdekaan|pengibaran|hari jadi)"),
    "komitmen_bersama": re.compile(r"(?:sebagai|bentuk|wujud|tanda)\s+(?:\w+\s+)?komitmen\s+bersama"),
    # ... and one official's statement about himself ("mendeklarasikan dirinya netral") is no ceremony
    "deklarasi": re.compile(r"deklarasi\s+(?:\w+\s+)?(?:pasangan|paslon|calon|kampanye|dukungan|pemenangan)"
                            r"|deklarasikan\s+(?:diri|dirinya|secara pribadi)"),
    "ikrar": re.compile(r"ikrar\w*\s+(?:diri|dirinya|secara pribadi)"),
    "apel": re.compile(r"apel\s+(?:\w+\s+)?(?:kampanye|akbar pasangan|siaga|pasukan)"),
}
# A sentence that forbids or appeals, not one that reports: "ASN dilarang menghadiri deklarasi ..."
PROHIBITION = re.compile(r"dilarang|larangan bagi|tidak boleh|jangan\b|tidak diperkenankan|tidak dibenarkan")
# A sentence that reports a plan: "akan menggelar deklarasi", "segera menjadwalkan penandatanganan",
# "deklarasi direncanakan berlangsung"
PLANNED = re.compile(r"\bbesok\b|(?:\bakan|\bbakal|\bsegera|rencana(?:nya)?|direncanakan|dijadwalkan|menjadwalkan|berencana)\s+"
                     r"(?:\w+\s+){0,3}?(?:menggelar|gelar|melaksanakan|dilaksanakan|mengadakan|diadakan|berlangsung|"
                     r"disampaikan|dibacakan|ditandatangani|diikuti|dipimpin|dilakukan|"
                     r"digelar|deklarasi|penandatanganan|menandatangani|ikrar|apel|sosialisasi|mengikrarkan|"
                     r"mendeklarasikan|menjadwalkan)"
                     r"|(?:deklarasi|penandatanganan|ikrar|apel|sosialisasi)\s+(?:\w+\s+){0,3}?(?:direncanakan|dijadwalkan|"
                     r"akan\s+(?:digelar|dilaksanakan|berlangsung|diadakan))")


def kind_found(kind: str, folded: str) -> bool:
    """The sentence names ``kind`` as an event of the article (not inside a prohibition, not as a
    phrase such as "sebagai wujud komitmen bersama")."""
    if not KIND_RE[kind].search(folded):
        return False
    other = NOT_THIS_KIND.get(kind)
    if other is not None and not KIND_RE[kind].search(other.sub(" ", folded)):
        return False
    if PROHIBITION.search(folded):
        m = PROHIBITION.search(folded)
        if KIND_RE[kind].search(folded, m.end()) and not KIND_RE[kind].search(folded[:m.start()]):
            return False  # the kind word comes only after "dilarang ..."
    return True


APPEAL = re.compile(r"mengimbau|menghimbau|imbauan|himbauan|mengingatkan|meminta|diminta|surat edaran|"
                    r"menerbitkan|larangan|dilarang|sanksi|melaporkan|pelanggaran")


def _first(sents: list[Sentence], pattern: re.Pattern, where=None) -> Sentence | None:
    for s in sents:
        if (where is None or where(s)) and pattern.search(s.folded):
            return s
    return None


QUOTED = re.compile(r"[“\"][^”\"]{3,}[”\"]")


def _said(s: Sentence) -> str:
    """The sentence's own report, folded, without what it quotes: a speaker's "harus ada komitmen
    bersama" or "mari kita deklarasikan" is an exhortation, not this event's kind (issue 38)."""
    return fold(QUOTED.sub(" ", s.text)) if QUOTED.search(s.text) else s.folded


def read_kinds(sents: list[Sentence], title: str) -> Reading:
    """Kind ids the text names in a sentence about netralitas (or the title's topic), outside quotes."""
    # the article's topic is netralitas when its title says so or its body says so twice: then a kind
    # in a sentence that does not repeat the word still counts
    topic = bool(NETRAL.search(fold(title))) or sum(len(NETRAL.findall(s.folded)) for s in sents) >= 2
    found, per = [], {}
    for kind, pat in KIND_RE.items():
        for s in sents:
            if kind_found(kind, _said(s)) and (NETRAL.search(s.folded) or topic or "asn" in s.folded):
                if kind == "pakta_integritas" and OTHER_PAKTA.search(s.folded) and not NETRAL.search(s.folded):
                    continue
                found.append(kind)
                per[kind] = s.text
                break
    if not found:
        return missing(msg("note_no_kind"))
    # *Pasti* (issue 38) only when the whole list is settled: every kind stated in a sentence about
    # netralitas that reports the event done (a verb of doing, not a plan); no kind word in the
    # article left out (a passing "upacara", a "deklarasi" of another day: the reviewer decides);
    # a signing reported with no pakta or komitmen found (what was signed is then unsaid)
    notes = []
    if not all(NETRAL.search(fold(per[k])) for k in found):
        notes.append(msg("note_kind_not_neutral"))
    else:
        words = [fold(title)] + [_said(s) for s in sents]
        # (a kind word only inside a quote is not found, but it is not settled either)
        left_out = [k for k, pat in KIND_RE.items() if k not in found
                    and any(pat.search(w) for w in [fold(title)] + [s.folded for s in sents])]
        undone = [k for k in found if not any(KIND_RE[k].search(w) and EVENT.search(w) and not PLANNED.search(w)
                                              for w in words)]
        signed = any(SIGNING.search(w) for w in words) and not {"pakta_integritas", "komitmen_bersama"} & set(found)
        # and the headline names each kind: what a headline leaves out, a body mentions in passing
        unheaded = [k for k in found if not KIND_RE[k].search(fold(title))]
        if left_out or undone or signed or unheaded:
            notes.append(msg("note_kinds_unsettled"))
    return Reading(found, CHECK if notes else SURE, per[found[0]], per_value=per, notes=notes)


SIGNING = re.compile(r"penanda\s*-?\s*tangan|menanda\s*-?\s*tangan|ditanda\s*-?\s*tangan|tanda\s*-?\s*tangan|\bteken")


def read_is_ceremony(sents: list[Sentence], title: str, kinds: Reading) -> Reading:
    """Is this article about a commitment ceremony (as opposed to an appeal, a reminder, a
    report of violations, or a pakta integritas about something else)?"""
    text = fold(title) + " " + " ".join(s.folded for s in sents)
    netral = len(NETRAL.findall(text))
    ceremony_sents = [s for s in sents if EVENT.search(s.folded) and any(kind_found(k, s.folded) for k in KIND_RE)]
    other_pakta = [s for s in sents if KIND_RE["pakta_integritas"].search(s.folded)
                   and OTHER_PAKTA.search(s.folded) and not NETRAL.search(s.folded)]
    appeals = [s for s in sents if APPEAL.search(s.folded)]
    reasons = []
    if not netral:
        if other_pakta:
            return Reading(False, SURE, other_pakta[0].text, notes=[msg("note_other_pakta")])
        return Reading(False, SURE, None, notes=[msg("note_no_neutrality")])
    if not kinds.value:  # an event of another name may still be one ("rakor", "bimtek"): never sure
        ev = appeals[0].text if appeals else None
        return Reading(False, CHECK, ev, notes=[msg("note_no_ceremony_kind")])
    if not ceremony_sents:
        ev = appeals[0].text if appeals else kinds.evidence
        return Reading(False, CHECK, ev, notes=[msg("note_not_held")])
    if other_pakta and set(kinds.value) == {"pakta_integritas"} and netral < 2:
        return Reading(False, CHECK, other_pakta[0].text, notes=[msg("note_other_pakta_q")])
    future = [s for s in ceremony_sents if PLANNED.search(s.folded)]
    if len(future) == len(ceremony_sents):  # every report of the event is a plan: not (yet) a ceremony
        return Reading(False, CHECK, future[0].text, notes=[msg("note_planned")])
    title_hit = bool(NETRAL.search(fold(title))) and any(p.search(fold(title)) for p in KIND_RE.values())
    if len(appeals) > 2 * len(ceremony_sents) and not title_hit:
        reasons.append(msg("note_more_appeals"))
    sure = not reasons and (title_hit or len(ceremony_sents) >= 2)
    if not sure and not reasons:
        reasons.append(msg("note_title_silent"))
    # an apel or upacara with no pledge, signing or sosialisasi: a routine assembly whose address
    # mentions neutrality, or one devoted to it? The reviewer judges (issue 38)
    if sure and not set(kinds.value) - {"apel", "upacara"}:
        sure = False
        reasons.append(msg("note_only_assembly"))
    return Reading(True, SURE if sure else CHECK, ceremony_sents[0].text, notes=reasons)


# -- who led ---------------------------------------------------------------------------------
# The acting titles are kept in the role, however written: "Penjabat (Pj)", "Pj.", "PJ", "Pjs",
# "Pejabat Sementara (Pjs)", "Plt.", "Plh", "Pelaksana Tugas"
_ACTING = (r"(?:P[jJ][sS]?(?:\.\s*|\s+)|P[lL][tThH](?:\.\s*|\s+)"
           r"|(?:Penjabat|Pejabat)(?:\s+[Ss]ementara)?(?:\s*\((?:P[jJ][sS]?|P[lL][tThH])\.?\))?\s+"
           r"|Pelaksana\s+(?:Tugas|Harian)(?:\s*\(P[lL][tThH]\.?\))?\s+)")
_OFFICE = (r"(?:Camat|Bupati|Wali\s?[Kk]ota|Wali\s+ota|Walikota|Gubernur|Sek(?:re|er)taris\s+Daerah(?:\s*\(Sekda\))?"
           r"|Sekda(?:kab|kot|prov)?|Sek(?:re|er)taris\s+Kota|Sek(?:re|er)taris\s+(?:Kecamatan|Camat)|Sekcam"
           r"|Ketua\s+(?:Bawaslu|Panwaslu|Panwascam|Panwaslucam|Panwaslih)(?:\s+Kecamatan)?"
           r"|Ketua\s+Badan\s+Pengawas\s+Pemil(?:u(?:\s+Umum)?|ihan\s+Umum)(?:\s*\(Bawaslu\))?"
           r"|Ketua\s+Pengawas\s+Pemil(?:u|ihan)(?:\s+Umum)?\s+Kecamatan"
           # the election bodies' other members, and the Korpri chair, who lead a sosialisasi or an ikrar too
           r"|(?:Anggota|Komisioner)\s+Bawaslu|Ketua\s+KPUD?|Ketua\s+(?:Dewan\s+Pengurus\s+)?Korpri"
           r"|Kepala\s+Desa|Kades|Lurah|Kepala\s+Kecamatan"
           # Yogyakarta's kemantren head, a camat by another name
           r"|Mantri\s+Pamong\s+Praja"
           # the heads of the offices that hold ASN events: personnel (BKPSDM, BKD) and Kesbangpol
           r"|(?:Kepala|Kaban)\s+(?:BKPSDMD?|BKD|BKPP|BKPPD|BKDPSDM|Badan\s+Kesbangpol|Bakesbangpol|Kesbangpol)"
           r"|Kepala\s+Badan\s+Kesatuan\s+Bangsa\s+dan\s+Politik(?:\s*\([A-Za-z]+\))?"
           r"|Kepala\s+Badan\s+Kepegawaian(?:\s+(?:dan\s+)?(?:Pengembangan\s+)?(?:Sumber\s?[Dd]aya\s+Manusia|Daerah))*"
           r"(?:\s*\([A-Z]+\))?)")
_ROLE = r"(?P<role>(?:" + _ACTING + r")?(?:Wakil\s+)?" + _OFFICE + r")(?!\w)"
# any case: "dipimpin penjabat bupati Lanny Jaya ...", "ketua panwaslu kecamatan Adiluwih"; a short
# name in brackets after the office ("Ketua Panwaslu Kecamatan (Panwascam) Kota Raja") is passed over
ROLE_RE = re.compile(r"\b" + _ROLE + r"(?:\s*\((?:Sekda|Pj|Plt|Panwascam|Panwaslucam|Bawaslu)\))?", re.IGNORECASE)
# offices written many ways, read like a head's staff (the office as written, never *Pasti*): a
# division's coordinator in an election body ("Koordinator Divisi Pencegahan dan Humas Bawaslu
# Kabupaten X", "Kordiv P3S Panwaslu Kecamatan X") and a chair of the village heads' forum ("Ketua
# Forum Kades Kabupaten X"), whose office is no government's (issue 38)
WRITTEN_RE = re.compile(
    r"\b(?P<role>(?:K(?:o|oo)rdinator\s+D[ei]visi(?:\s*\(Kordiv\))?|Kordiv)\s+(?:[^\s.;:]+\s+){0,10}?"
    r"(?:Bawaslu|Panwaslu|Panwascam)(?:\s+Kecamatan)?(?:\s*\((?:Panwascam|Bawaslu)\))?"
    r"|Ketua\s+Forum\s+(?:Komunikasi\s+)?(?:Kepala\s+Desa|Kades|Lurah|Sekretaris\s+Desa|Sekdes|Perangkat\s+Desa))(?!\w)",
    re.IGNORECASE)
_TITLES = {"drs", "dra", "dr", "ir", "h", "hj", "prof", "kh", "hc", "st", "raden", "rd", "bapak", "ibu"}
# academic degrees written after a name ("Yunus Wonda SH, MH", "Hendra Kusuma,SH.,MH"): the name ends there
_DEGREES = {"sh", "mh", "se", "mm", "msi", "ssos", "mt", "skm", "spd", "mpd", "ap", "map", "sip", "sstp", "mtp",
            "mph", "ssi", "skom", "mkom", "bsc", "msc", "phd", "sag", "mag", "mba", "ak", "sked", "mkes", "skep",
            "sth", "mth", "mhum", "shum", "spsi", "mpsi", "sp", "mp", "sei", "mei", "lc", "mars", "mec", "dea",
            "sst", "ssit", "mkn", "mpa", "mse", "shi", "mhi", "spdi", "mpdi", "sthi", "mep", "ipu", "cht", "cfp",
            "stp", "amd", "st"}
_PLACE_WORDS = {"kabupaten", "kab", "kota", "provinsi", "prov", "kecamatan", "kec", "administrasi", "kemantren"}
_PUNCT = ",.;:\"“”'’()!?*"
# who led or read the pledge: "dipimpin", "membuka", "dibacakan oleh", the apel's "pembina" or "inspektur"
LEAD_VERB = re.compile(r"dipimpin|memimpin|\bpimpin\b|diawali oleh|diawali|dibuka\b|membuka|membacakan|dibacakan|"
                       r"dipandu|langsung oleh|pertama|mengambil sumpah|menggelar|"
                       r"(?:selaku|sebagai|juga|sekaligus)\s+pembuka\s+(?:acara|kegiatan)|"
                       # "Ikrar diucapkan Kepala Bagian X dan diikuti seluruh ASN": who read the pledge out
                       r"(?:ikrar|sumpah|janji)\s+(?:\w+\s+)?diucapkan\s+(?:langsung\s+)?(?:oleh\s+)?(?!seluruh|semua|para)|"
                       r"(?:pembina|inspektur)\s+(?:apel|upacara)")
ROLE_LEVEL = [(r"forum.*\bkecamatan\b", "kecamatan"), (r"\bforum\b", "kabupaten/kota"),
              (r"camat|sekretaris kecamatan|sekcam|panwascam|panwaslucam|panwaslu kecamatan|mantri pamong praja",
               "kecamatan"),
              (r"gubernur", "provinsi"),
              (r"sek(?:re|er)taris daerah provinsi|sekda ?provinsi|sekdaprov|bawaslu provinsi|\bprovinsi\b",
               "provinsi"),
              (r"kepala desa|kades|lurah", "desa/kelurahan"),
              (r"bupati|wali ?kota|walikota|sek(?:re|er)taris (?:daerah|kota)|sekda|kepala|kaban|bawaslu|panwaslu",
               "kabupaten/kota")]
# an attendance sentence ("turut hadir", "hadir pula", "dihadiri"): its officials attended; the one who led is elsewhere
ATTEND = re.compile(r"turut hadir|hadir pula|juga hadir|tampak hadir|hadir dalam|\bhadir\b|dihadiri|menghadiri")
# a lead verb after an attendance list ("Turut hadir para kepala OPD ... yang dipimpin langsung Pj Wali Kota"):
# who led the officials attending, not necessarily the ceremony
DELEGATION = re.compile(r"(?:turut hadir|hadir pula|juga hadir|tampak hadir|dihadiri)\b.*\b(?:dipimpin|memimpin)")
# who witnessed a signing ("disaksikan oleh Bupati X", "Pj Wali Kota X menyaksikan", "jadi saksi")
WITNESS = re.compile(r"disaksikan|menyaksikan|\bsaksikan|(?:men)?jadi saksi|sebagai saksi")
_WITNESS_BEFORE = re.compile(r"(?:disaksikan|menyaksikan)(?:\s+(?:secara\s+)?langsung)?(?:\s+oleh)?\W*$")
_WITNESS_AFTER = re.compile(r"^(?:menyaksikan|saksikan|(?:men)?jadi saksi|sebagai saksi|hadir menyaksikan)")
# someone stood in: "Bupati X, diwakili Sekda Y" and "Sekda Y mewakili Bupati X": X was stood in for,
# and never leads (Y, the one present, is read as any official is)
# standing in: "mewakili", "atas nama", and reading out another official's written address ("sambutan
# tertulis Gubernur yang dibacakan Sekda X": the Sekda read the governor's words; issue 38, a fresh
# article where he was read as the leader, *Pasti*)
_REPRESENTED_BEFORE = re.compile(r"(?:mewakili|\bwakili|atas nama"
                                 r"|sambutan(?:\s+tertulis)?(?:\s+\w+){0,3}?\s+(?:yang\s+)?dibacakan(?:\s+oleh)?)\W*$")
_REPRESENTED_AFTER = re.compile(r"^(?:yang\s+)?(?:diwakili|berhalangan)")
# the title names another's office or a thing, not this official: "Kantor Camat X", "Surat Edaran
# Gubernur Aceh", "Staf Ahli Bupati Serang", "Ketua Forum Kades", "pemilihan Bupati dan Wakil Bupati"
_NOT_THE_OFFICIAL = re.compile(
    r"(?:kantor|halaman|aula|pendopo|pendapa|rumah dinas|rumdin|rujab|gedung|ruang|lapangan|"
    r"surat edaran|edaran|\bse\b|keputusan|peraturan|instruksi|\bsk\b|perbup|pergub|perwali|"
    r"pemilihan|pilkada|calon|cabup|cawabup|cagub|paslon|pasangan|"
    r"staf ahli|staff ahli|asisten|ajudan|istri|suami|forum|asosiasi|apdesi|"
    r"(?:gubernur|bupati|wali ?kota|walikota|camat)\s+dan)\W*(?:\(\w+\)\W*)?$")
_NOT_PERSON = {"Kecamatan", "Kabupaten", "Kota", "Provinsi", "Kapanewon", "Kemantren", "Distrik", "Desa", "Kelurahan",
               "Nagari", "Gampong", "Pemilu", "Pilkada", "Pemilihan", "Netralitas", "Aparatur",
               "Sipil", "Negara", "Selasa", "Senin", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Dalam", "Pada",
               "Bersama", "Tahun", "Kepala", "Ketua", "Badan", "Dinas", "Kantor", "Aula", "Halaman", "Pendopo",
               "Setda", "Sekretariat", "Sekretaris", "Daerah", "Bapak", "Ibu", "Dia", "Ia", "Menurut", "Saat",
               "Dengan", "Dan", "Yang", "Itu", "Ini", "Acara", "Kegiatan", "Apel", "Ikrar", "Deklarasi",
               "Pakta", "Fakta", "Integritas", "Mengatakan", "Menyampaikan", "Menegaskan", "Juga", "Didampingi",
               "Wakil", "Bupati", "Camat", "Gubernur", "Polsek", "Kapolsek", "Danramil", "Bawaslu", "Panwascam", "KPU",
               # verbs that follow a role in headlines ("Camat X Pimpin Apel")
               "Pimpin", "Memimpin", "Ajak", "Imbau", "Gelar", "Teken", "Tandatangani", "Hadiri", "Ikuti", "Minta",
               "Tegaskan", "Ingatkan", "Lantik", "Buka", "Serukan", "Pastikan", "Bacakan", "Ikrarkan", "Deklarasikan",
               "Kukuhkan", "Dorong", "Sampaikan", "Beri", "Berikan", "Larang", "Warning", "Resmikan", "Jaga",
               # group nouns and places that follow a title ("Camat se-Kabupaten", "Perangkat Desa")
               "Perangkat", "Tingkat", "Lingkup", "Jajaran", "Seluruh", "Para", "Pemkab", "Pemkot", "Pemprov",
               "Pemerintah", "ASN", "OPD", "PNS", "Staf", "Desa", "Kelurahan", "Se",
               # what follows a title that is not a person: a letter's number, a field, an office, a term
               "Nomor", "No", "Bidang", "Periode", "Jalan", "Jl", "Tokoh", "Lurah", "Kades", "Sekda", "Serta",
               "Hingga", "Atau", "Beserta", "Forkopimda", "Kapolres", "Dandim", "Kajari", "Asisten", "Anggota",
               "Komisioner", "Pj", "Plt", "Plh", "Pjs", "Penjabat", "Pejabat", "Walikota", "Wali", "Koordinator",
               "Kordiv", "Divisi", "Inspektorat", "Inspektur", "Kemantren"}


@dataclass
class LeaderFound:
    name: str
    role: str  # the office and its place, as written ("Pj Bupati Gumas")
    place: str | None
    level: str | None
    sentence: Sentence
    led: bool  # a leading verb in the sentence
    attended: bool = False  # named in an attendance sentence ("turut hadir"), not leading
    in_title: bool = False  # read from the headline line
    close: bool = False  # a leading verb right beside the role and name
    office: str = ""  # the office alone, as written ("Pj Bupati")
    witnessed: bool = False  # witnessed ("disaksikan oleh", "menyaksikan"), not leading
    represented: bool = False  # someone stood in for this official ("Bupati X, diwakili ...")
    staff: bool = False  # a head's staff ("Asisten I ...", "Staf Ahli Bupati ..."), its office written at length


def _role_level(role: str, place: str | None, provinces: set[str] = frozenset()) -> str | None:
    if place == "RI":  # the national Bawaslu
        return None
    text = fold(role + " " + (place or ""))
    if place and re.search(r"bawaslu|sekretaris daerah|sekda|kepala", text) and _key(place) in provinces:
        return "provinsi"  # "Ketua Bawaslu Sulsel", "Sekda Jateng": a province's office
    for pat, level in ROLE_LEVEL:
        if re.search(pat, text):
            return level
    return None


def _key(text: str) -> str:
    """A place name as the gazetteer's keys write it: folded, "DKI" spelled out, no spaces or hyphens."""
    return _fold_place(text).replace(" ", "").replace("-", "")


def _place_run(tokens: list[str], i: int, place_names: set[str]) -> int:
    """How many tokens from ``i`` name a known place (4 down to 1; 0 when none): capitalised, and no
    comma or bracket inside the run ("Aceh Utara,”" is one place; "Jambi, Sri" is not "Jambi Sri")."""
    for k in (4, 3, 2, 1):
        run = tokens[i:i + k]
        if len(run) < k or any(t != t.rstrip(_PUNCT) for t in run[:-1]) or any(t.startswith("(") for t in run):
            continue
        words = [t.strip(_PUNCT) for t in run]
        if all(w[:1].isupper() for w in words) and _key(" ".join(words)) in place_names:
            return k
    return 0


def _person_after(text: str, place_names: set[str], provinces: set[str] = frozenset(),
                  parents: set[str] = frozenset()) -> tuple[str | None, str | None]:
    """(place, person) from the words after a role: "Cibinong Drs. Acep Sajidin, M.Si memimpin"
    -> ("Cibinong", "Acep Sajidin"). The place is the longest run of capitalised words that is
    a known place name (after its kind, "Kabupaten"); a bracketed short name and a parent place
    after a comma are passed over ("Pesisir Selatan (Pessel), Sumatera Barat, Budi Santoso");
    titles and degrees are left out of the person's name, and a name that is only a place is none."""
    tokens = re.findall(r"[^\s]+", text[:200])
    i, place = 0, None
    k = _place_run(tokens, 0, place_names)  # "Kota Raja", a kecamatan whose name starts with a kind word
    if k < 2 and tokens and tokens[0].lower().strip(_PUNCT) in _PLACE_WORDS:
        k = 0  # "Kota" alone, the kind of what follows
    while not k and i < len(tokens) - 1 and (tokens[i].lower().strip(_PUNCT) in _PLACE_WORDS
                                              or re.fullmatch(r"\(\w+\),?", tokens[i]) and i):
        i += 1  # "Kabupaten Kuansing": the kind, then the place; "Kabupaten (Sekdakab) Way Kanan Budi"
        k = _place_run(tokens, i, place_names)
    parent_told = False
    if not k:
        i = 0
        # a place the gazetteer writes otherwise, told by its parent after a comma ("Camat Enam
        # Lingkung, Padang Pariaman Budi Santoso"): the words up to the comma are the place
        end = next((j for j, t in enumerate(tokens[:4]) if t.endswith(",")), None)
        if end is not None and all(t.strip(_PUNCT)[:1].isupper() for t in tokens[:end + 1]) and \
                _place_run(tokens, end + 1, parents) and \
                _key(" ".join(t.strip(_PUNCT) for t in tokens[:end + 1])) not in place_names:
            k, parent_told = end + 1, True
    if k:
        place = " ".join(t for t in tokens[:i + k] if not t.startswith("(")).strip(_PUNCT)
        i += k
        if tokens[i - 1].endswith(":"):  # "Sekda X: ASN Wajib Netral": a statement follows
            return place, None
    elif tokens and tokens[0].strip(_PUNCT) == "RI":  # "Ketua Bawaslu RI"
        place, i = "RI", 1
    if place:
        while i < len(tokens):
            tok = tokens[i]
            if tok.startswith("("):  # "(Pessel)", "( Babel )": an aside after the place
                j = i
                while j < len(tokens) and not tokens[j].rstrip(_PUNCT.replace(")", "")).endswith(")"):
                    j += 1
                i = j + 1
                continue
            # ", Sumatera Barat,": the parent place, a province or a kabupaten followed by a comma
            # (not a kecamatan's name that a person may bear: "Bandung, Bambang Sutrisno")
            kind = int(tokens[i].lower().strip(_PUNCT) in _PLACE_WORDS)  # ", Kabupaten Bogor"
            k = _place_run(tokens, i + kind, parents) if tokens[i - 1].endswith((",", ")")) else 0
            if not k or not (_key(" ".join(t.strip(_PUNCT) for t in tokens[i + kind:i + kind + k])) in provinces
                             or tokens[i + kind + k - 1].endswith(",") or kind or parent_told):
                break
            i += kind + k
    name: list[str] = []
    for n, tok in enumerate(tokens[i:], start=i):
        # a degree written with a space after its first letter ("S. STP", "S. Sos"): the name ends there
        if len(name) >= 2 and re.fullmatch(r"[A-Z]\.", tok) and n + 1 < len(tokens) and \
                (tok[0] + tokens[n + 1].replace(".", "").strip(_PUNCT)).lower() in _DEGREES:
            break
        if name and tok.startswith("("):  # "Sri Wahyuni (Bunda Yuni)": a nickname after the name
            break
        if name and "," in tok.rstrip(","):  # "Kusuma,SH.,MH": the name's last word, then its degrees
            tok = tok.split(",", 1)[0] + ","
        if not name:  # "H.Ahmad", "Rd.Agus": a title joined to the name
            tok = re.sub(r"^(?:H|Hj|Dr|Drs|Ir|Rd|Prof)\.(?=[A-Z])", "", tok)
        word = tok.strip(",.;:\"“”()")
        # a degree: in capitals, with dots, or written without them but with its capitals ("MSi",
        # "SSos"; issue 38, a fresh article: "Basarin Yunus Tanjung MSi" was a *Pasti* name)
        if name and re.sub(r"[.\s]", "", word).lower() in _DEGREES and (
                word.isupper() or "." in word or sum(c.isupper() for c in word) >= 2):
            break
        if not name and fold(word) in _TITLES:
            continue  # Drs., H., Dr. before the name
        if not name and tok.startswith("(") and tok.rstrip(",.;:").endswith(")"):
            continue  # an aside before the name: "Sekda Provinsi Sulawesi Utara (Sulut) Johan Rumengan"
        if not word or not word[0].isupper() or word in _NOT_PERSON or not re.match(r"^[A-Z][\w'’.-]*$", word) \
                or re.match(r"^Se-", word):
            break
        name.append(word)
        if tok.endswith((",", ".", ";", ":")) and not re.fullmatch(r"[A-Z]\.", tok) or len(name) == 5:
            break
    person = " ".join(name)
    if len(person) < 3 or _key(person) in place_names:  # "Kantor Gubernur X, Ibukota": a place
        return place, None
    return place, person


_VILLAGE_HEAD = re.compile(r"(?:Kepala\s+(?:Desa|Kelurahan|Kampung|Gampong|Negeri)|Kades|Lurah|Keuchik|Wali\s+Nagari)",
                           re.IGNORECASE)
# a village's name (and its kecamatan) and then the person, set apart by a comma: "Kepala Desa Ara,
# H. Amiruddin", "kepala desa Ara kecamatan Bonto Bahari, H. Amiruddin"
_VILLAGE_THEN_NAME = re.compile(r"^([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
                                r"(?:,?\s+(?:[Kk]ecamatan|Kec\.|[Kk]apanewon|[Dd]istrik)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
                                r",\s+")


def _village_then_person(office: str, text: str, place_names: set[str], provinces: set[str],
                         parents: set[str]) -> tuple[str | None, str | None]:
    """(village, person) after a village head's title when a comma sets the village apart from the
    person: the gazetteer's place names stop at the kecamatan, so a village's name alone looked like a
    person's ("Kepala Desa Ara, H. Amiruddin" read as "Ara"; issue 38, two fresh articles of two).
    (None, None) when the title is no village head's or no person follows the comma."""
    m = _VILLAGE_HEAD.fullmatch(office) and _VILLAGE_THEN_NAME.match(text)
    if not m:
        return None, None
    rest = text[m.end():]
    if re.match(r"(?:[Kk]ecamatan|Kec\.|[Kk]apanewon|[Dd]istrik)\s", rest):  # "Lurah Salamrejo, Kapanewon
        return m.group(1), None  # Sentolo": the village and its kecamatan, no person (the caller looks before)
    _, person = _person_after(rest, place_names, provinces, parents)
    return (m.group(1), person) if person else (None, None)


REPRESENTED = re.compile(r"diwakili|mewakili|yang mewakilkan|atas nama")
# a head's staff, whose office runs on to a comma: "Asisten I Pemerintahan dan Kesra Setda Bone Bolango,
# Ahmad Yusuf", "Staf Ahli Bupati Bidang Pembangunan Ekonomi dan Keuangan, Budi Santoso"
# a section head of the secretariat: "Kepala Bagian Umum Setdakab X Budi Santoso" (issue 38)
STAFF_RE = re.compile(r"\b(?P<role>Staf+\s+Ahli|Asisten(?:\s+(?:[IVX]{1,3}|\d)(?!\w))?|Kepala\s+Bagian|Kabag)(?!\w)",
                      re.IGNORECASE)
# the secretariat that ends a staff office's field, its place and the name after it
_SETDA = re.compile(r"\b(?:Setda(?:kab|ko|kot|prov)?|Sekretariat\s+Daerah)\s+")
_FIELD_WORDS = {"Politik", "Pemerintahan", "Hukum", "Ekonomi", "Keuangan", "Pembangunan", "Kesra", "Kesejahteraan",
                "Masyarakat", "Administrasi", "Umum", "Sosial", "Kemasyarakatan", "Sumber", "Daya", "Manusia",
                "Perekonomian", "Rakyat", "Bidang", "Setda", "Setdakab", "Setdako", "Sekda"}


def _staff_after(text: str, place_names: set[str], provinces: set[str], parents: set[str]) -> tuple[str, str | None]:
    """(the rest of a staff office, person) from the words after "Staf Ahli" or "Asisten": the name
    right after it ("Asisten I Budi Santoso"), after the head it serves and its place ("staf ahli
    Bupati Jepara Budi Santoso"), or after the comma that ends the office's field."""
    setda = _SETDA.search(text[:120])
    if setda and not re.search(r"[,.;:()]", text[:setda.start()]):
        # "Umum dan Perlengkapan Setdakab X Budi Santoso": the field, the secretariat, its place, the name
        place, person = _person_after(text[setda.end():], place_names, provinces, parents)
        if place and person and not set(person.split()) & _FIELD_WORDS:
            return " ".join((text[:setda.end()].strip(), place)), person
    head = re.match(r"(?:Bupati|Wali\s?[Kk]ota|Walikota|Gubernur|Sekda|Setda)\s+", text, re.IGNORECASE)
    rest = text[head.end():] if head else text
    place, person = _person_after(rest, place_names, provinces, parents)
    # (not a field: "Asisten Pemerintahah dan Kesra" is one, whatever its spelling)
    if person and not set(person.split()) & _FIELD_WORDS and \
            not re.match(r"[\s,]*dan\b", rest[rest.find(person.split()[-1]) + len(person.split()[-1]):]):
        return " ".join(x for x in ((head.group(0).strip() if head else ""), place or "") if x), person
    for m in re.finditer(r",\s*", text[:200]):
        tail = text[:m.start()]
        if re.search(r"[.;:()]", tail) or any(w.islower() and w not in ("dan", "bidang") for w in tail.split()) \
                or STAFF_RE.search(tail) or ROLE_RE.search(tail[6:]) \
                or any(seg.split()[:1] and seg.split()[0] not in _FIELD_WORDS for seg in tail.split(",")[1:]):
            break  # a sentence goes on, or a list of offices ("Asisten ..., Staf Ahli ..., Inspektorat")
        _, person = _person_after(text[m.end():], place_names)
        if person and not set(person.split()) & _FIELD_WORDS:
            return tail.strip(), person
    return "", None


def _person_before(text: str, place_names: set[str], capital: bool = True) -> tuple[str | None, int]:
    """(person, where the name starts) from a name written before its title and set off from it by
    a comma, a degree or "selaku"/"sebagai" ("dipimpin Dr. H. Budi Santoso, M.M Sekretaris Daerah X",
    "Budi Santoso selaku Camat X", "Budi Santoso, Camat X,"); the name follows a lowercase word, a
    title or the sentence's start; a title in lower case only after "selaku"/"sebagai" (issue 38)."""
    tokens = list(re.finditer(r"\S+", text[-160:]))
    offset = max(0, len(text) - 160)
    set_off = False
    if tokens and fold(tokens[-1].group(0).strip(_PUNCT)) in ("selaku", "sebagai"):
        tokens.pop()
        set_off = capital = True
    while tokens and re.sub(r"[.,]", "", tokens[-1].group(0)).lower() in _DEGREES and \
            ("." in tokens[-1].group(0) or tokens[-1].group(0).strip(",").isupper()):
        tokens.pop()  # "Budi Santoso, M.M Sekretaris Daerah"
        set_off = True
    if tokens and tokens[-1].group(0).endswith(","):
        set_off = True
    name: list[re.Match] = []
    while tokens and len(name) < 4:
        tok = tokens[-1].group(0)
        word = tok.strip(_PUNCT)
        if name and tok.endswith((",", ".", ";", ":")) and not re.fullmatch(r"[A-Z]\.", tok):
            break  # a comma ends what came before the name
        if not word or not re.match(r"^[A-Z][\w'’-]*$", word) or word in _NOT_PERSON or fold(word) in _TITLES:
            break
        name.insert(0, tokens.pop())
    if not name or not set_off or not capital:
        return None, 0
    prev = tokens[-1].group(0) if tokens else ""
    if prev and not (prev[:1].islower() or fold(prev.strip(_PUNCT)) in _TITLES):
        return None, 0  # "Apel Gabungan, Bupati X": no name
    person = " ".join(t.group(0).strip(_PUNCT) for t in name)
    if len(person) < 3 or _key(person) in place_names:
        return None, 0
    return person, offset + name[0].start()


def _after_name(text: str, start: int, person: str) -> str:
    """The folded words right after the person's name (past degrees and commas), for the verb that follows."""
    last = person.split()[-1]
    at = text.find(last, start)
    if at < 0:
        return ""
    rest = text[at + len(last):at + len(last) + 80]
    # degrees and punctuation between the name and the verb ("Budi Santoso, M.M. mewakili")
    rest = re.sub(r"^(?:[\s,.;:]+|\b[A-Z][A-Za-z]{0,4}\.?(?:[A-Z][A-Za-z]{0,4}\.?)*(?=[\s,.;:]))+", "", rest)
    return fold(rest)


def _same_as_title(s: Sentence, title: str) -> bool:
    """A body line that repeats the headline (a caption, a quoted headline), not a lead that restates it."""
    head = re.sub(r"\W+", " ", title).strip()
    line = re.sub(r"\W+", " ", s.folded).strip()
    return len(head) >= 20 and (head in line and len(line) <= len(head) + 12 or len(line) >= 20 and line in head)


def leaders(sents: list[Sentence], place_names: set[str], has_title: bool = False,
            provinces: set[str] = frozenset(), parents: set[str] = frozenset()) -> list[LeaderFound]:
    """Every role + name the text gives. ``place_names`` (keys as :func:`_key` writes them) tell the
    place after a role ("Camat Cibinong") from the person ("Acep Sajidin"); ``provinces`` tell a
    province's office ("Ketua Bawaslu Sulsel"); ``parents`` (provinces and kabupaten/kota) the
    parent place written after the place ("Pj Bupati Dharmasraya, Sumatera Barat, Budi Santoso")."""
    title = sents[0].folded if has_title and sents else ""
    headline = {s.index for s in sents if has_title and (s.index == 0 or _same_as_title(s, title))}
    out = []
    for s in sents:
        written = [(m, "written") for m in WRITTEN_RE.finditer(s.text)]
        spans = [(m.start(), m.end()) for m, _ in written]
        matches = sorted([(m, "role") for m in ROLE_RE.finditer(s.text)]
                         + [(m, "staff") for m in STAFF_RE.finditer(s.text)], key=lambda x: x[0].start())
        matches = sorted([x for x in matches if not any(a <= x[0].start() < b for a, b in spans)] + written,
                         key=lambda x: x[0].start())
        for m, kind in matches:
            staff = kind != "role"
            before = fold(s.text[max(0, m.start() - 40):m.start()])
            if _NOT_THE_OFFICIAL.search(before) and kind != "written":
                continue
            office = re.sub(r"\s*\((?:Sekda|Pj|Pjs|Plt|Plh)\.?\)", "", m.group("role")).strip()
            office = re.sub(r"\s*\(([A-Za-z]+)\)$", "", office)
            office = " ".join(w[:1].upper() + w[1:] if w.islower() and w != "dan" else w for w in office.split())
            start = m.start()
            if kind == "staff":
                place = None
                tail, person = _staff_after(s.text[m.end():].lstrip(" ,"), place_names, provinces, parents)
                office = " ".join(x for x in (office, tail) if x)
            else:
                rest = s.text[m.end():].lstrip(" ,")
                place, person = _village_then_person(office, rest, place_names, provinces, parents)
                if not place:
                    place, person = _person_after(rest, place_names, provinces, parents)
                if not person and kind == "role":  # "dipimpin Dr. Budi Santoso, M.M Sekretaris Daerah X"
                    person, start = _person_before(s.text[:m.start()], place_names, m.group("role")[:1].isupper())
                    start = start if person else m.start()
            if not person:
                continue
            if kind == "written":  # the office as written, with its place
                office, place = " ".join(x for x in (office, place) if x), None
            full_role = " ".join(x for x in (office, place) if x)
            after = _after_name(s.text, m.end(), person)
            led = bool(LEAD_VERB.search(s.folded))
            # the leading verb right beside the official ("dipimpin langsung Bupati X", "Bupati X
            # memimpin"), not somewhere else in a long sentence: only that makes the leader *Pasti*
            near = fold(s.text[max(0, start - 40):m.end() + len(person) + 60])
            close = bool(LEAD_VERB.search(near))
            attended = bool(ATTEND.search(s.folded)) and not close and not re.search(r"dipimpin|memimpin|\bpimpin",
                                                                                      s.folded)
            # "Pj Wali Kota X didampingi Sekda Y dan Kepala BKPSDM Z": who is accompanying does not lead
            k = s.text.rfind("didampingi", 0, m.start())
            accompanying = k >= 0 and not LEAD_VERB.search(fold(s.text[k:m.start()]))
            witnessed = bool(_WITNESS_BEFORE.search(before) or _WITNESS_AFTER.search(after)
                             or (WITNESS.search(s.folded) and not LEAD_VERB.search(s.folded)))
            represented = bool(_REPRESENTED_BEFORE.search(before) or _REPRESENTED_AFTER.search(after))
            if accompanying or witnessed or represented:
                led, close = False, False
                attended = attended or accompanying or represented
            out.append(LeaderFound(person, full_role, place, _role_level(office, place, provinces), s,
                                   led and not attended, attended, in_title=s.index in headline, close=close,
                                   office=office, witnessed=witnessed, represented=represented, staff=staff))
    # a name read from the headline, where every word is capitalised, is the name of an official
    # the body names: the longest start of it that a body name holds ("Pj Bupati Budi Pimpin
    # Upacara" -> "Budi" -> "Budi Santoso"); "Tekankan", "Membuka Sosialisasi" are no names
    body = [g for g in out if not g.in_title]
    kept = []
    for f in out:
        if f.in_title:
            words, whole = f.name.split(), None
            for n in range(len(words), 0, -1):
                holders = [g for g in body if set(words[:n]) <= set(g.name.split())]
                if holders:
                    whole = max(holders, key=lambda g: len(g.name.split()))
                    break
            if whole is None:
                continue
            f.name = whole.name
            if whole.place and not f.place:
                f.role, f.place, f.level, f.office = whole.role, whole.place, whole.level, whole.office
        kept.append(f)
    out = kept
    # a name written short in one place and whole in another ("Sekda Budi", "Sekda Budi Santoso";
    # "Bupati Rina", "Bupati Rina Kartika"), for the same office: the whole name
    for f in out:
        words = f.name.split()
        fuller = [g for g in out if g is not f and len(g.name.split()) > len(words)
                  and set(words) <= set(g.name.split()) and _same_office(f, g)]
        if fuller:
            g = max(fuller, key=lambda x: (len(x.name.split()), not x.in_title))
            f.name = g.name
            if g.place and not f.place:
                f.role, f.place, f.level, f.office = g.role, g.place, g.level, g.office
    # the same official written with an acting title elsewhere ("Pjs Bupati Kudus Hendra Wijaya",
    # "Bupati Hendra Wijaya"): the acting title is the office
    for f in out:
        acting = [g for g in out if g.name == f.name and _same_office(f, g) and _acting(g) and not _acting(f)]
        if acting:
            f.office = acting[0].office
            f.role = " ".join(x for x in (f.office, f.place) if x)
    # named with a title in one sentence, leading in another by name alone ("Rina memimpin pembacaan
    # ikrar", "dipimpin langsung Rina"): that official led
    for f in out:
        if f.led or f.represented:
            continue
        words = [w for w in f.name.split() if len(w) >= 4]
        for s in sents:
            if s.index in headline:
                continue
            # (or "Rina selaku pembina apel", "Rina selaku inspektur upacara juga memimpin ikrar")
            if any(re.search(rf"\b{re.escape(w)}\b(?:\s+\w+)?\s+(?:memimpin|pimpin)\b|(?:dipimpin|diawali)\s+"
                             rf"(?:langsung\s+)?(?:oleh\s+)?{re.escape(w)}\b|\b{re.escape(w)}\b,?\s+selaku\s+"
                             rf"(?:pembina|inspektur)\s+(?:apel|upacara)\b", s.text, re.IGNORECASE) for w in words):
                f.led, f.attended, f.close, f.witnessed = True, False, True, False  # the name right beside its verb
                break
    return out


def _same_office(a: LeaderFound, b: LeaderFound) -> bool:
    """The same office, however spelled ("Sekda", "Sekretaris Daerah (Sekda)"; "Pj. Bupati", "Penjabat Bupati")."""
    def base(f: LeaderFound) -> str:
        return re.sub(r"^(?:penjabat sementara|penjabat|pelaksana tugas|pelaksana harian)\s+", "",
                      fold(spelled(f.office)))
    return base(a) == base(b)


def _acting(f: LeaderFound) -> bool:
    return bool(re.match(r"penjabat|pelaksana", fold(spelled(f.office))))


def _who(f: LeaderFound) -> tuple[str, str]:
    return fold(f.name), fold(spelled(f.office))


def read_leader(found: list[LeaderFound]) -> tuple[Reading, LeaderFound | None]:
    if not found:
        return missing(msg("note_no_leader")), None
    led = [f for f in found if f.led]
    # who led before who is merely named, who witnessed next, and who attended or was stood in for
    # last: a "turut hadir" list never wins
    named = [f for f in found if not f.led and not f.attended and not f.witnessed]
    rest = named + [f for f in found if f.witnessed and not f.attended] + [f for f in found if f.attended]
    best = (led or rest)[0]
    found = led + rest
    if not led and not named:
        # only officials who attended, witnessed or were stood in for ("turut hadir Bupati X",
        # "disaksikan oleh Bupati X"): none of them led; they are offered, the name is left empty
        others = [{"name": f.name, "role": f.role} for f in found]
        others = [o for i, o in enumerate(others) if o not in others[:i]][:4]
        return Reading(None, CHECK, best.sentence.text, others, [msg("note_leader_attending")]), None
    others = [{"name": f.name, "role": f.role} for f in (led or found)[1:] if _who(f) != _who(best)]
    others = [o for i, o in enumerate(others) if o not in others[:i]][:4]
    sure = bool(led) and len(best.name.split()) >= 2 and len({_who(f) for f in led}) == 1
    notes = [] if sure else [msg("note_leader_unsaid" if not led else "note_leaders_several")]
    # someone stood in for the official ("Bupati X yang diwakili Asisten Y"), or the name is read
    # only from a headline, where every word is capitalised: whose name it is, the reviewer sees
    if sure and (REPRESENTED.search(best.sentence.folded) or best.in_title or not best.close):
        sure = False
        notes.append(msg("note_leader_represented"))
    # "Turut hadir ... yang dipimpin langsung Pj Wali Kota X": who led those attending, maybe not the ceremony
    if sure and DELEGATION.search(best.sentence.folded):
        sure = False
        notes.append(msg("note_leader_delegation"))
    return Reading({"name": best.name, "role": best.role}, SURE if sure else CHECK, best.sentence.text,
                   others, notes), best


_VENUE = re.compile(r"\b(?:bertempat\s+di|berlokasi\s+di|di)\s+((?:halaman|aula|gedung|kantor|pendopo|pendapa|"
                    r"lapangan|ruang|balai|masjid|alun-alun|gor|hotel|auditorium|sekretariat|rumah dinas|plaza|"
                    r"taman|bale|graha|wisma|hall)\b[^,.;()\n]{0,70})", re.IGNORECASE)
_VENUE_STOP = re.compile(r"\s+(?:pada|Selasa|Senin|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|yang|dan|serta|dengan|"
                         r"tersebut|kemarin|hari|sekaligus|dalam|untuk|setelah|usai|\d)\b.*$", re.IGNORECASE)


def read_venue(sents: list[Sentence], ceremony: set[int]) -> Reading:
    found = []
    for s in sents:
        for m in _VENUE.finditer(s.text):
            venue = _VENUE_STOP.sub("", m.group(1)).strip()
            if len(venue) >= 5:
                found.append((venue, s))
    if not found:
        return missing()
    in_cer = [(v, s) for v, s in found if s.index in ceremony]
    venue, s = (in_cer or found)[0]
    venue = venue[0].upper() + venue[1:]
    distinct = list(dict.fromkeys(v for v, _ in (in_cer or found)))
    sure = bool(in_cer) and len(distinct) == 1
    return Reading(venue, SURE if sure else CHECK, s.text, [v for v in distinct[1:4]])


# -- who signed ------------------------------------------------------------------------------
GROUP_WORDS = {
    "camat": r"\bcamat\b",
    "sekcam": r"sekretaris kecamatan|\bsekcam\b",
    "lurah": r"\blurah\b",
    "kepala_desa": r"kepala desa|\bkades\b",
    "perangkat_desa": r"perangkat desa|aparatur desa|aparat desa",
    "kepala_perangkat_daerah": r"kepala perangkat daerah|kepala opd|pimpinan opd|kepala dinas|kepala-kepala opd"
                               r"|pimpinan perangkat daerah|kepala skpd",
    "pejabat_eselon_ii": r"es+elon\s+ii\b",
    "pejabat_eselon_iii": r"es+elon\s+(?:ii\s*,\s*)?iii\b",
    "pejabat_eselon_iv": r"es+elon\s+(?:ii\s*,\s*)?(?:iii\s*,?\s*(?:dan\s+)?)?iv\b",
    "asn": r"\basn\b|aparatur sipil negara|\bpns\b|pegawai negeri",
    "non_asn": r"non[- ]?asn|tenaga kontrak|honorer|tenaga harian lepas|\bthl\b",
    "sekda": r"sekretaris daerah|\bsekda\b",
    "kepala_daerah": r"\bbupati\b|wali ?kota|walikota",
}
GROUP_RE = {g: re.compile(p) for g, p in GROUP_WORDS.items()}
SIGN = re.compile(r"tanda\s*-?\s*tangan|menandatangan|ditandatangan|berikrar|ikrar|deklarasi|mendeklarasikan|"
                  r"membacakan|mengucapkan|menyatakan|diikuti|mengikuti|diawali|pakta|fakta integritas|komitmen")
ALL = r"(?:seluruh|semua|segenap|para)\s+(?:\w+\s+){0,3}?{g}|{g}\s+(?:\w+\s+){0,2}?se-?\s?(?:kabupaten|kota|kecamatan|provinsi)"
_COUNT = r"(?P<n>\d{1,4}|" + NUMBER_WORD + r")\s+(?:orang\s+)?(?:\w+\s+){0,1}?"
LAW_NUMBER = re.compile(r"(?:tahun|nomor|nomer|\bno\.?|\buu|\bpp|pasal|ayat|perpres|permen\w*)\s*$")


def read_signatories(sents: list[Sentence], leader: LeaderFound | None) -> Reading:
    found: dict[str, dict] = {}
    per: dict[str, str] = {}
    for s in sents:
        if not SIGN.search(s.folded):
            continue
        for group, pat in GROUP_RE.items():
            m = pat.search(s.folded)
            if not m:
                continue
            if group == "kepala_daerah" and not re.search(r"(?:seluruh|para)\s+(?:bupati|wali)", s.folded):
                continue  # the bupati leading is the leader, not a signatory group
            if group == "sekda" and not re.search(r"(?:diawali|pertama|oleh)\s+(?:oleh\s+)?(?:sekretaris daerah|sekda)",
                                                  s.folded):
                continue
            if group == "asn" and not re.search(r"(?:seluruh|semua|segenap|para|ribuan|ratusan|\d+)\s+(?:\w+\s+){0,2}?"
                                                r"(?:asn|aparatur sipil negara|pns)|(?:asn|aparatur sipil negara)"
                                                r"\s+(?:\(asn\)\s+)?(?:di lingkungan|se-|pemerintah|pemkab|pemkot)",
                                                s.folded):
                continue
            word = pat.pattern
            entry = found.setdefault(group, {"group": group})
            per.setdefault(group, s.text)
            if re.search(ALL.replace("{g}", f"(?:{word})"), s.folded):
                entry["all"] = True
            for c in re.finditer(_COUNT + f"(?:{word})", s.folded):
                # "UU Nomor 20 Tahun 2023 tentang ASN": a law's number or year is no head count
                if LAW_NUMBER.search(s.folded[max(0, c.start() - 12):c.start()]) or c.group(0).split()[1:2] == ["tentang"]:
                    continue
                n = number_value(c.group("n"))
                if n:
                    entry["count"] = n
                    break
    if leader and leader.level == "kecamatan" and "camat" not in found and re.match(r"camat", fold(leader.role)):
        found["camat"] = {"group": "camat", "count": 1}
        per["camat"] = leader.sentence.text
    if not found:
        return missing(msg("note_no_signatories"))
    return Reading(list(found.values()), CHECK, next(iter(per.values())), per_value=per,
                   notes=[msg("note_check_signatories")])


WITNESS_WORDS = {
    "bawaslu": r"bawaslu|badan pengawas pemilu",
    "panwascam": r"panwascam|panwas kecamatan|panitia pengawas (?:pemilu )?kecamatan",
    "kpu": r"\bkpu\b|komisi pemilihan umum",
    "ppk": r"\bppk\b|panitia pemilihan kecamatan|panitia pemungutan kecamatan",
    "pps": r"\bpps\b|panitia pemungutan suara",
    # the kecamatan's own police and army posts only: a Kapolres or Dandim is the kabupaten's, and
    # the vocabulary has no body for it (they are left to the reviewer, never filed as a post)
    "kapolsek": r"kapolsek|\bpolsek\b",
    "danramil": r"danramil|koramil",
    "kesbangpol": r"kesbangpol|kesatuan bangsa dan politik",
    "pgri": r"\bpgri\b",
    "partai_politik": r"partai politik|\bparpol\b|\bpac\b|pengurus partai",
    "puskesmas": r"puskesmas",
    "ormas": r"organisasi kemasyarakatan|\bormas\b",  # a tokoh agama is a person, not an organisation
}
WITNESS_RE = {k: re.compile(p) for k, p in WITNESS_WORDS.items()}
PRESENT = re.compile(r"dihadiri|hadir|disaksikan|menyaksikan|turut|didampingi|bersama|undang|unsur")


def _terms(sents: list[Sentence], patterns: dict[str, re.Pattern], note: Msg,
           where: re.Pattern | None = None) -> Reading:
    """Each vocabulary term the text names (in a sentence matching ``where``, if given), with the
    first sentence naming it as its evidence; always *Perlu dicek*."""
    found, per = [], {}
    for term, pat in patterns.items():
        s = _first(sents, pat, (lambda x: bool(where.search(x.folded))) if where else None)
        if s is not None:
            found.append(term)
            per[term] = s.text
    if not found:
        return missing()
    return Reading(found, CHECK, next(iter(per.values())), per_value=per, notes=[note])


def read_witnesses(sents: list[Sentence]) -> Reading:
    return _terms(sents, WITNESS_RE, msg("note_witnesses"), PRESENT)


CATEGORY_WORDS = {
    "kampanye": r"kampanye",
    "atribut": r"atribut",
    "mobilisasi_asn": r"mengerahkan|mobilisasi|memobilisasi",
    "fasilitas_negara": r"fasilitas (?:negara|jabatan|dinas|pemerintah)|kendaraan dinas|aset negara",
    "keputusan_berpihak": r"keputusan\s+(?:dan\s+/?\s*atau\s+tindakan\s+)?(?:yang\s+)?(?:\w+\s+){0,3}?(?:menguntungkan|merugikan|berpihak)",
    "kegiatan_berpihak": r"(?:kegiatan|barang|pemberian|bantuan)\s+(?:\w+\s+){0,5}?(?:keberpihakan|berpihak)"
                         r"|memberikan barang",
    "dukungan_ktp": r"(?:foto\s?kopi|photocopy|salinan)\s+(?:ktp|kartu tanda penduduk)|surat dukungan|dukungan ktp",
    "konflik_kepentingan": r"konflik kepentingan|intimidasi",
    "media_sosial": r"media sosial|medsos|hoaks|hoax|ujaran kebencian",
    "politik_uang": r"politik uang|money politic|serangan fajar",
    "netralitas": r"netral\w*\W+(?:\w+\W+){0,12}?(?:sebelum|selama|sesudah)|menjaga (?:\w+\s+)?netralitas"
                  r"|menegakkan (?:prinsip )?netralitas|menjunjung tinggi netralitas",
}
CATEGORY_RE = {k: re.compile(p) for k, p in CATEGORY_WORDS.items()}


def read_categories(sents: list[Sentence]) -> Reading:
    return _terms(sents, CATEGORY_RE, msg("note_categories"))


_PCT = re.compile(r"(?P<n>\d{1,3}(?:[.,]\d{1,2})?|" + NUMBER_WORD + r")\s*(?:%|persen\b)")
READY = re.compile(r"siap|kesiapan|persiapan|tercapai|capaian|terpenuhi|rampung|selesai")


def read_readiness(sents: list[Sentence]) -> Reading:
    found, evidence = [], None
    for s in sents:
        if not READY.search(s.folded):
            continue
        for m in _PCT.finditer(s.folded):
            raw = m.group("n")
            value = fmt.decimal(raw) if raw[0].isdigit() else number_value(raw)
            if value is not None and 0 <= value <= 100 and value not in [f["percent"] for f in found]:
                found.append({"percent": value, "measure": None})
                evidence = evidence or s.text
    if not found:
        return missing()
    return Reading(found, CHECK, evidence, notes=[msg("note_readiness")])


ELECTION_WORDS = {
    "pemilu": r"\bpemilu\b(?!kada)|pemilihan umum|\bpileg\b|\bpilpres\b|pemilihan presiden|pemilihan legislatif",
    "pilkada": r"pilkada|pemilukada|pemilihan kepala daerah|pemilihan gubernur|pemilihan bupati|pemilihan wali ?kota"
               # "Pemilu dan Pemilihan 2024" names both; "Pemilu dan Pemilihan Presiden" only the Pemilu
               r"|\bpilgub\b|\bpilbup\b|\bpilwalkot\b|\bpilwali\b"
               r"|pemilu dan pemilihan(?!\s+(?:presiden|umum|legislatif|anggota|capres))|pemilihan serentak",
    # a re-vote the Mahkamah Konstitusi ordered, and a repeat election after the empty box won
    "psu": r"\bpsu\b|pemungutan suara ulang",
    "pemilihan_ulang": r"pilkada ulang|pemilihan ulang|pemilihan kepala daerah ulang",
}
ELECTION_RE = {k: re.compile(p) for k, p in ELECTION_WORDS.items()}
