"""Interface text: Bahasa Indonesia first, English offered. ``t(key, lang)``."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # key: (Bahasa Indonesia, English)
    "app_title": ("Peta Netralitas ASN", "ASN Neutrality Map"),
    "page_summary": ("Ringkasan", "Summary"),
    "page_map": ("Peta", "Map"),
    "page_readiness": ("Kesiapan", "Readiness"),
    "page_timeline": ("Linimasa", "Timeline"),
    "page_data": ("Data & sumber", "Data & sources"),
    "election": ("Pemilihan", "Election"),
    "region": ("Wilayah", "Region"),
    "province": ("Provinsi", "Province"),
    "kabupaten": ("Kabupaten/kota", "Regency/city"),
    "kecamatan": ("Kecamatan", "District"),
    "desa": ("Desa/kelurahan", "Village"),
    "all": ("(semua)", "(all)"),
    "indonesia": ("Indonesia", "Indonesia"),
    "search_region": ("Cari wilayah", "Find a region"),
    "search_help": ("Ketik nama, mis. \"Ranca Bungur\" atau \"Kab. Lebak\"", "Type a name, e.g. \"Kab. Lebak\""),
    "no_match": ("Tidak ada wilayah bernama \"{q}\". Coba ejaan lain atau pilih dari daftar di bawah.",
                 "No region is called \"{q}\". Try another spelling or pick from the lists below."),
    "bad_link": ("Sebagian tautan tidak dikenali; nilai bawaan dipakai:", "Part of the link was not understood; defaults used:"),
    "as_of": ("Per tanggal", "As of"),
    "language": ("Bahasa", "Language"),
    "countdown": ("Hitung mundur", "Countdown"),
    "h_before": ("{n} hari menjelang {e}", "{n} days before {e}"),
    "h_day": ("Hari pemungutan suara", "Election day"),
    "h_after": ("{n} hari setelah {e}", "{n} days after {e}"),
    "ceremonies": ("Upacara komitmen", "Commitment ceremonies"),
    "units_covered": ("{level} tercakup", "{level} covered"),
    "of_units": ("dari {n}", "of {n}"),
    "latest_readiness": ("Kesiapan terakhir dilaporkan", "Latest reported readiness"),
    "none_reported": ("Belum ada laporan", "None reported"),
    "recent": ("Upacara terbaru", "Most recent ceremonies"),
    "undated_note": ("{n} upacara tanpa tanggal tidak dihitung dalam cakupan: {ids}",
                     "{n} undated ceremonies are not counted in coverage: {ids}"),
    "no_ceremonies": ("Belum ada upacara tercatat untuk pilihan ini.", "No ceremonies recorded for this choice."),
    "state_covered": ("Tercakup", "Covered"),
    "state_leadership": ("Tingkat pimpinan saja", "Leadership only"),
    "state_none": ("Belum tercakup", "Not covered"),
    "share_legend": ("Kecamatan tercakup", "Kecamatan covered"),
    "legend_title": ("Cakupan komitmen", "Commitment coverage"),
    "map_hint": ("Arahkan kursor ke wilayah untuk detail; klik atau pilih di bawah untuk masuk lebih dalam.",
                 "Hover a unit for details; click it or pick it below to go down a level."),
    "go_down": ("Masuk ke", "Go to"),
    "no_desa": ("Batas desa/kelurahan untuk wilayah ini belum tersedia; ditampilkan kecamatannya.",
                "No village boundaries for this region; showing the kecamatan."),
    "code": ("Kode", "Code"),
    "name": ("Nama", "Name"),
    "state": ("Status", "Status"),
    "date": ("Tanggal", "Date"),
    "kind": ("Jenis", "Kind"),
    "leader": ("Pemimpin", "Led by"),
    "sources": ("Sumber", "Sources"),
    "unit": ("Wilayah", "Unit"),
    "commitment_pct": ("Cakupan komitmen", "Commitment coverage"),
    "reported_pct": ("Kesiapan dilaporkan", "Reported readiness"),
    "readiness_title": ("Cakupan kategori komitmen per wilayah", "Commitment categories covered per unit"),
    "grid_title": ("Kategori komitmen per wilayah", "Commitment categories per unit"),
    "figures_title": ("Angka kesiapan yang dilaporkan", "Reported readiness figures"),
    "measure": ("Yang diukur", "Measured"),
    "timeline_title": ("Cakupan kumulatif menjelang hari pemungutan suara", "Cumulative coverage up to election day"),
    "axis_mode": ("Sumbu waktu", "Time axis"),
    "axis_date": ("Tanggal", "Date"),
    "axis_h": ("H-n (hari sebelum pemilihan)", "H-n (days before the election)"),
    "undated_list": ("Upacara tanpa tanggal (tidak ditaruh di sumbu)", "Undated ceremonies (not placed on the axis)"),
    "share_axis": ("Bagian unit tercakup", "Share of units covered"),
    "filters": ("Saring", "Filter"),
    "kinds": ("Jenis kegiatan", "Kinds"),
    "download_csv": ("Unduh CSV", "Download CSV"),
    "records_shown": ("{n} upacara ditampilkan", "{n} ceremonies shown"),
    "conflicts": ("Laporan yang saling bertentangan (nilai dikosongkan, tidak dipilih):",
                  "Reports that disagree (value left empty, not picked):"),
    "data_error": ("Data tidak dapat dimuat", "Data could not be loaded"),
    "commitments": ("Komitmen", "Commitments"),
    "signatories": ("Penanda tangan", "Signatories"),
    "witnesses": ("Saksi/hadir", "Witnesses"),
    "venue": ("Tempat", "Venue"),
    "date_note": ("Catatan tanggal", "Date note"),
    "elections": ("Pemilihan", "Elections"),
}


def t(key: str, lang: str = "id", **kw) -> str:
    ind, eng = TEXT[key]
    text = eng if lang == "en" else ind
    return text.format(**kw) if kw else text


def state_label(state: str, lang: str = "id") -> str:
    return t(f"state_{state}", lang)


LEVEL_KEYS = {"provinsi": "province", "kabupaten/kota": "kabupaten", "kecamatan": "kecamatan",
              "desa/kelurahan": "desa"}


def level_label(level: str, lang: str = "id") -> str:
    return t(LEVEL_KEYS[level], lang)
