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
                   r"menyatakan sikap|mengucapkan|hadir")
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


# "Penjabat (Pj) Bupati": the acting title is kept whether or not its short form follows in brackets
_ROLE = (r"(?P<role>(?:(?:Pj\.?|Plt\.?|Plh\.?|(?:Penjabat|Pejabat|Pelaksana\s+Tugas|Pelaksana\s+Harian)"
         r"(?:\s*\((?:Pj|Plt|Plh)\.?\))?)\s+)?(?:Wakil\s+)?"
         r"(?:Camat|Bupati|Wali\s?[Kk]ota|Walikota|Gubernur|Sek(?:re|er)taris\s+Daerah(?:\s*\(Sekda\))?|Sekda|"
         r"Sek(?:re|er)taris\s+Kota|Ketua\s+(?:Bawaslu|Panwaslu|Panwascam|Panwaslih)(?:\s+Kecamatan)?|"
         r"Sekretaris\s+Kecamatan|Sekcam|Kepala\s+Desa|Kades|Lurah|Kepala\s+Badan\s+Kepegawaian\s+\w+))")
ROLE_RE = re.compile(r"\b" + _ROLE + r"(?:\s*\((?:Sekda|Pj|Plt)\))?")
_TITLES = {"drs", "dra", "dr", "ir", "h", "hj", "prof", "kh", "hc", "st"}
# academic degrees written after a name ("Yunus Wonda SH, MH", "Hendra Kusuma,SH.,MH"): the name ends there
_DEGREES = {"sh", "mh", "se", "mm", "msi", "ssos", "mt", "skm", "spd", "mpd", "ap", "map", "sip", "sstp", "mtp",
            "mph", "ssi", "skom", "mkom", "bsc", "msc", "phd", "sag", "mag", "mba", "ak", "sked", "mkes", "skep",
            "sth", "mth", "mhum", "shum", "spsi", "mpsi", "sp", "mp", "sei", "mei", "lc", "mars", "mec", "dea",
            "sst", "ssit", "mkn", "mpa", "mse", "shi", "mhi", "spdi", "mpdi", "sthi", "mep", "ipu", "cht", "cfp"}
_PLACE_WORDS = {"kabupaten", "kab", "kota", "provinsi", "prov", "kecamatan", "kec", "administrasi"}
LEAD_VERB = re.compile(r"dipimpin|memimpin|\bpimpin|diawali oleh|diawali|dibuka oleh|membuka|membacakan|dihadiri "
                       r"langsung|langsung oleh|pertama|mengambil sumpah|menyaksikan langsung|menggelar")
ROLE_LEVEL = [(r"camat|sekretaris kecamatan|sekcam|panwascam|panwaslu kecamatan", "kecamatan"), (r"gubernur", "provinsi"),
              (r"sek(?:re|er)taris daerah provinsi|sekda provinsi|bawaslu provinsi", "provinsi"),
              (r"kepala desa|kades|lurah", "desa/kelurahan"),
              (r"bupati|wali ?kota|walikota|sek(?:re|er)taris (?:daerah|kota)|sekda|kepala badan|bawaslu|panwaslu",
               "kabupaten/kota")]
# an attendance sentence ("turut hadir", "hadir pula", "dihadiri"): its officials attended; the one who led is elsewhere
ATTEND = re.compile(r"turut hadir|hadir pula|juga hadir|tampak hadir|hadir dalam|\bhadir\b|dihadiri|menghadiri")
_NOT_PERSON = {"Kecamatan", "Kabupaten", "Kota", "Provinsi", "Pemilu", "Pilkada", "Pemilihan", "Netralitas", "Aparatur",
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
               "Pemerintah", "ASN", "OPD", "PNS", "Staf", "Desa", "Kelurahan", "Se"}


@dataclass
class LeaderFound:
    name: str
    role: str
    place: str | None
    level: str | None
    sentence: Sentence
    led: bool  # a leading verb in the sentence
    attended: bool = False  # named in an attendance sentence ("turut hadir"), not leading
    in_title: bool = False  # read from the headline line
    close: bool = False  # a leading verb right beside the role and name


def _role_level(role: str, place: str | None) -> str | None:
    text = fold(role + " " + (place or ""))
    for pat, level in ROLE_LEVEL:
        if re.search(pat, text):
            return level
    return None


def _person_after(text: str, place_names: set[str]) -> tuple[str | None, str | None]:
    """(place, person) from the words after a role: "Cibinong Drs. Acep Sajidin, M.Si memimpin"
    -> ("Cibinong", "Acep Sajidin"). The place is the longest run of capitalised words that is
    a known place name; titles and degrees are left out of the person's name."""
    tokens = re.findall(r"[^\s]+", text[:160])
    i, place = 0, None
    if tokens and tokens[0].lower().strip(".,") in _PLACE_WORDS:
        i = 1
    for k in (3, 2, 1):
        words = [t.strip(",") for t in tokens[i:i + k]]
        if len(words) == k and all(w[:1].isupper() for w in words) and \
                fold("".join(words)).replace(" ", "").replace("-", "") in place_names:
            place = " ".join(tokens[:i + k]).strip(",")
            i += k
            break
    if place is None:
        i = 0
    name: list[str] = []
    for tok in tokens[i:]:
        if name and "," in tok.rstrip(","):  # "Kusuma,SH.,MH": the name's last word, then its degrees
            tok = tok.split(",", 1)[0] + ","
        word = tok.strip(",.;:\"“”()")
        if name and re.sub(r"[.\s]", "", word).lower() in _DEGREES and (word.isupper() or "." in word):
            break
        if not name and fold(word) in _TITLES:
            continue  # Drs., H., Dr. before the name
        if not name and tok.startswith("(") and tok.rstrip(",.;:").endswith(")"):
            continue  # an aside before the name: "Sekda Provinsi Sulawesi Utara (Sulut) Johan Rumengan"
        if not word or not word[0].isupper() or word in _NOT_PERSON or not re.match(r"^[A-Z][\w'’.-]*$", word):
            break
        name.append(word)
        if tok.endswith((",", ".", ";", ":")) and not re.fullmatch(r"[A-Z]\.", tok) or len(name) == 5:
            break
    person = " ".join(name)
    return place, (person if len(person) >= 3 else None)


REPRESENTED = re.compile(r"diwakili|mewakili|yang mewakilkan|atas nama")


def leaders(sents: list[Sentence], place_names: set[str], has_title: bool = False) -> list[LeaderFound]:
    """Every role + name the text gives. ``place_names`` (folded) tell the place after a role
    ("Camat Cibinong") from the person ("Acep Sajidin")."""
    out = []
    for s in sents:
        for m in ROLE_RE.finditer(s.text):
            role = re.sub(r"\s*\(.*?\)", "", m.group("role")).strip()
            place, person = _person_after(s.text[m.end():].lstrip(" ,"), place_names)
            if not person:
                continue
            full_role = " ".join(x for x in (role, place) if x)
            led = bool(LEAD_VERB.search(s.folded))
            attended = bool(ATTEND.search(s.folded)) and not re.search(r"dipimpin|memimpin|\bpimpin", s.folded)
            # "Pj Wali Kota X didampingi Sekda Y": who is accompanying does not lead
            if re.search(r"didampingi\W+(?:\w+\W+){0,2}$", s.text[max(0, m.start() - 30):m.start()]):
                led, attended = False, True
            # the leading verb right beside the official ("dipimpin langsung Bupati X", "Bupati X
            # memimpin"), not somewhere else in a long sentence: only that makes the leader *Pasti*
            near = fold(s.text[max(0, m.start() - 40):m.end() + len(person) + 60])
            out.append(LeaderFound(person, full_role, place, _role_level(role, place), s, led and not attended,
                                   attended, in_title=s.index == 0 and has_title,
                                   close=bool(LEAD_VERB.search(near))))
    # named with a title in one sentence, leading in another by name alone ("Rina memimpin pembacaan
    # ikrar", "dipimpin langsung Rina"): that official led
    for f in out:
        if f.led:
            continue
        words = [w for w in f.name.split() if len(w) >= 4]
        for s in sents:
            if any(re.search(rf"\b{re.escape(w)}\b(?:\s+\w+)?\s+(?:memimpin|pimpin)\b|(?:dipimpin|diawali)\s+"
                             rf"(?:langsung\s+)?(?:oleh\s+)?{re.escape(w)}\b", s.text) for w in words):
                f.led, f.attended, f.close = True, False, True  # the name right beside its verb
                break
    return out


def read_leader(found: list[LeaderFound]) -> tuple[Reading, LeaderFound | None]:
    if not found:
        return missing(msg("note_no_leader")), None
    led = [f for f in found if f.led]
    # who led before who is merely named, and who attended last: a "turut hadir" list never wins
    rest = [f for f in found if not f.led and not f.attended] + [f for f in found if f.attended]
    best = (led or rest)[0]
    found = led + rest
    others = [{"name": f.name, "role": f.role} for f in (led or found)[1:]
              if (f.name, f.role) != (best.name, best.role)][:4]
    sure = bool(led) and len(best.name.split()) >= 2 and len({(f.name, f.role) for f in led}) == 1
    notes = [] if sure else [msg("note_leader_unsaid" if not led else "note_leaders_several")]
    # someone stood in for the official ("Bupati X yang diwakili Asisten Y"), or the name is read
    # only from a headline, where every word is capitalised: whose name it is, the reviewer sees
    if sure and (REPRESENTED.search(best.sentence.folded) or best.in_title or not best.close):
        sure = False
        notes.append(msg("note_leader_represented"))
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
