"""Interface text: Bahasa Indonesia first, English offered. ``t(key, lang)``."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # key: (Bahasa Indonesia, English)
    "app_title": ("Peta Netralitas ASN", "ASN Neutrality Map"),
    "page_summary": ("Ringkasan", "Summary"),
    "page_map": ("Peta", "Map"),
    "page_readiness": ("Komitmen", "Commitments"),
    "page_timeline": ("Linimasa", "Timeline"),
    "page_data": ("Data & sumber", "Data & sources"),
    "sorted_note": ("Urutan: bagian terjangkau (terbesar dulu), lalu unit yang punya upacara atau angka kesiapan "
                    "sendiri, lalu kategori komitmen, lalu nama.",
                    "Order: share reached (largest first), then units with a ceremony or readiness figure of "
                    "their own, then commitment categories, then name."),
    "search_pick": ("Beberapa wilayah cocok: pilih satu", "Several regions match: pick one"),
    "page_calendar": ("Kalender pemilihan", "Election calendar"),
    "everywhere": ("Seluruh Indonesia", "All of Indonesia"),
    "voting_regions": ("Wilayah yang memilih", "Regions that vote"),
    "belongs_to": ("Bagian dari", "Part of"),
    "election_id": ("Id pemilihan", "Election id"),
    "calendar_intro": ("Pemilihan yang dapat dirujuk upacara. Berkas data/elections.yaml adalah isian awalnya; "
                       "perubahan di sini tersimpan di basis data dan tercatat di Riwayat.",
                       "The elections ceremonies can refer to. data/elections.yaml is the starting list; "
                       "changes made here are kept in the database and recorded in History."),
    "calendar_global_only": ("Hanya pengguna untuk seluruh wilayah yang dapat menambah atau mengoreksi pemilihan: "
                             "kalender dipakai semua wilayah. Akun Anda terbatas pada {mine}.",
                             "Only a user of every region can add or correct an election: the calendar is shared "
                             "by every region. Your account is limited to {mine}."),
    "calendar_login": ("Masuk dulu untuk menambah atau mengoreksi pemilihan.",
                       "Sign in to add or correct an election."),
    "calendar_pick": ("Koreksi pemilihan tercatat", "Correct a stored election"),
    "calendar_new": ("(pemilihan baru)", "(new election)"),
    "calendar_form": ("Tambah atau koreksi pemilihan", "Add or correct an election"),
    "calendar_id_help": ("Huruf kecil, angka dan tanda hubung, mis. psu-2025-04-19. Tidak dapat diubah setelah disimpan.",
                         "Lower-case letters, digits and hyphens, e.g. psu-2025-04-19. Cannot be changed once saved."),
    "name_id": ("Nama (Bahasa Indonesia)", "Name (Bahasa Indonesia)"),
    "name_en": ("Nama (Inggris)", "Name (English)"),
    "planned_no_day": ("Hari belum ditetapkan (isi tahunnya saja)", "Day not set yet (give the year only)"),
    "year": ("Tahun", "Year"),
    "regions_pick": ("Wilayah yang memilih (kosongkan bila seluruh Indonesia)",
                     "Regions that vote (leave empty for all of Indonesia)"),
    "part_of": ("Bagian dari pemilihan", "Part of the election"),
    "part_of_none": ("(berdiri sendiri)", "(on its own)"),
    "election_kind": ("Jenis", "Kind"),
    "ekind_psu": ("Pemungutan suara ulang (putusan MK)", "Re-vote (Constitutional Court order)"),
    "ekind_pemilihan_ulang": ("Pemilihan ulang (kotak kosong menang)", "Repeat election (the empty box won)"),
    "sources_required": ("Sumber (wajib: media, judul, tautan, tanggal terbit)",
                         "Sources (required: outlet, title, link, date published)"),
    "election_saved": ("Pemilihan {name} tersimpan.", "Election {name} saved."),
    "election": ("Pemilihan", "Election"),
    "kind_psu": ("Pemungutan suara ulang {parent}", "Re-vote of the {parent}"),
    "kind_pemilihan_ulang": ("Pemilihan ulang {parent}", "Repeat of the {parent}"),
    "held_in": ("hanya di {regions}", "only in {regions}"),
    "compare_with": ("Bandingkan dengan", "Compare with"),
    "compare_none": ("(tanpa pembanding)", "(no comparison)"),
    "compare_title": ("Menjelang hari pemungutan suara: perbandingan", "The run-up compared"),
    "compare_help": ("Garis tiap pemilihan disejajarkan pada hari pemungutan suaranya (H): jarak ke kanan "
                     "sama dengan hari yang sama menjelang pemilihan.",
                     "Each election's line is aligned on its own election day (H): the same distance "
                     "means the same number of days to go."),
    "election_day_line": ("Hari pemungutan suara", "Election day"),
    "cycles_title": ("Rekam jejak per pemilihan", "Record per election"),
    "cycles_help": ("Setiap pemilihan yang diikuti wilayah ini, dihitung pada hari pemungutan suaranya "
                    "(atau hari ini bila belum tiba).",
                    "Every election this region voted in, counted on its election day (or today when "
                    "it is still ahead)."),
    "voting_day": ("Hari pemungutan suara", "Election day"),
    "date_not_set": ("Tanggal belum ditetapkan ({year})", "Date not set yet ({year})"),
    "next_election": ("Pemilihan berikutnya: {name} · {when}", "Next election: {name} · {when}"),
    "no_h_axis": ("Hari pemungutan suara belum ditetapkan: sumbu H-n belum ada.",
                  "The election day is not set yet: there is no H-n axis."),
    "cycles_ahead": ("(*) Belum tiba, atau harinya belum ditetapkan: dihitung sampai hari ini.",
                     "(*) Still ahead, or its day not set yet: counted up to today."),
    "day_not_set_short": ("belum ada", "not set"),
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
    "h_before_one": ("{n} hari menjelang {e}", "{n} day before {e}"),
    "h_day": ("Hari pemungutan suara", "Election day"),
    "h_after": ("{n} hari setelah {e}", "{n} days after {e}"),
    "h_after_one": ("{n} hari setelah {e}", "{n} day after {e}"),
    # H-n on chart axes, tooltips and tables (charts.h_label)
    "h_label_day": ("H", "election day"),
    "h_label_before": ("H-{n}", "{n} days to go"),
    "h_label_before_one": ("H-{n}", "{n} day to go"),
    "h_label_after": ("H+{n}", "{n} days after"),
    "h_label_after_one": ("H+{n}", "{n} day after"),
    "h_short_before": ("H-{n}", "{n} d to go"),
    "h_short_after": ("H+{n}", "{n} d after"),
    # the countdown as a tile says it: "H-15" in Indonesian; English has no H-n, so the days, counted
    "count_today": ("H", "Today"),
    "count_before": ("H-{n}", "{n} days"),
    "count_before_one": ("H-{n}", "{n} day"),
    "count_after": ("H+{n}", "{n} days ago"),
    "count_after_one": ("H+{n}", "{n} day ago"),
    "ceremonies": ("Upacara komitmen", "Commitment ceremonies"),
    "ceremonies_short": ("Upacara komitmen", "Commitment ceremonies"),
    "units_covered": ("{level} terjangkau", "{level} reached"),
    "of_units": ("dari {n}", "of {n}"),
    "latest_readiness": ("Kesiapan dilaporkan", "Reported readiness"),
    "none_reported": ("Belum ada laporan", "None yet"),
    "units_reporting": ("Wilayah melapor", "Units reporting"),
    "units_reporting_help": ("Wilayah dalam tampilan ini yang melaporkan angka kesiapan (Kesiapan dilaporkan); "
                             "angka satu wilayah tidak ditampilkan sebagai angka wilayah yang lebih luas.",
                             "Units in this view that reported a readiness figure; one unit's figure is never "
                             "shown as the wider region's."),
    "latest_report_of": ("Terakhir: {unit} {pct} · {date}", "Latest: {unit} {pct} · {date}"),
    "recent": ("Upacara terbaru", "Most recent ceremonies"),
    "undated_note": ("{n} upacara tanpa tanggal tidak dihitung sebagai terjangkau: {ids}",
                     "{n} undated ceremonies are not counted as reaching: {ids}"),
    "undated_note_one": ("{n} upacara tanpa tanggal tidak dihitung sebagai terjangkau: {ids}",
                         "{n} undated ceremony is not counted as reaching: {ids}"),
    "no_ceremonies": ("Belum ada upacara tercatat untuk pemilihan ini di wilayah ini.",
                      "No ceremony recorded for this election in this region yet."),
    "no_units_here": ("Tidak ada wilayah dalam tampilan ini: pemilihan ini tidak diadakan di sini.",
                      "No unit in this view: this election is not held here."),
    "nothing_recorded": ("Belum ada upacara tercatat untuk pemilihan ini di wilayah ini sampai tanggal ini.",
                         "No ceremony recorded for this election in this region up to this date."),
    "undated_apart": ("{n} upacara tanpa tanggal tidak dihitung.", "{n} undated ceremonies are not counted."),
    "undated_apart_one": ("{n} upacara tanpa tanggal tidak dihitung.", "{n} undated ceremony is not counted."),
    "not_held_here": ("{election} tidak diadakan di {place}; pemilihan ini diadakan di {regions}. Pilih salah satu "
                      "wilayah itu, atau pemilihan lain.",
                      "{election} is not held in {place}; it is held in {regions}. Pick one of those regions, "
                      "or another election."),
    "heading_place_election": ("{place} · {election}", "{place} · {election}"),
    "state_covered": ("Ikrar sendiri", "Own pledge"),
    "state_leadership": ("Tingkat pimpinan saja", "Leadership only"),
    "state_none": ("Belum ada upacara", "No ceremony yet"),
    "state_pemda": ("Lewat ikrar seluruh ASN Pemda", "Via the Pemda's all-ASN pledge"),
    "state_informed": ("Sosialisasi saja", "Briefing only"),
    "own_label_commitment": ("Pemda sudah berikrar", "Own government pledged"),
    "own_label_information": ("Pemda baru sosialisasi", "Own government: briefing only"),
    "own_label_none": ("Pemda belum berikrar", "No pledge by own government"),
    "own_unit_label_commitment": ("{level} sudah berikrar sendiri", "{level}: own pledge"),
    "own_unit_label_information": ("{level} baru sosialisasi", "{level}: briefing only"),
    "own_unit_label_none": ("{level} belum berikrar sendiri", "{level}: no own pledge"),
    "own_unit_commitment": ("{level} ini sudah berikrar sendiri: {n} upacara · terakhir {last}",
                            "This {level} pledged itself: {n} ceremonies · latest {last}"),
    "own_unit_commitment_one": ("{level} ini sudah berikrar sendiri: {n} upacara · terakhir {last}",
                                "This {level} pledged itself: {n} ceremony · latest {last}"),
    "own_commitment": ("Pemda sudah berikrar sendiri: {n} upacara · terakhir {last}", "Own ceremonies: {n} · latest {last}"),
    "own_information": ("Upacara sendiri hanya sosialisasi/apel tanpa ikrar ({n}) · terakhir {last}",
                        "Own ceremonies were briefings without a pledge ({n}) · latest {last}"),
    "own_none": ("Pemerintah {level} ini belum tercatat mengadakan upacara komitmen sendiri.",
                 "This {level}'s own government has no commitment ceremony recorded."),
    "own_title": ("Upacara pemerintah daerah sendiri", "The region's own government"),
    "own_legend": ("Garis hijau tebal: Pemda sudah berikrar sendiri", "Thick green outline: own government pledged"),
    "own_legend_short": ("Pemda sudah berikrar", "Own government pledged"),
    "not_drawn": ("{n} wilayah tidak digambar di peta (di luar PETA_PROVINCES), tetapi tetap dihitung: {names}",
                  "{n} units are not drawn (outside PETA_PROVINCES) but are counted: {names}"),
    "repair_title": ("Laporan yang menyebabkan masalah", "Reports causing the problem"),
    "repair_none": ("Masalahnya ada di berkas data atau pengaturan, bukan di laporan tersimpan: perbaiki berkas yang disebut di atas.",
                    "The problem is in a data file or a setting, not a stored report: fix the file named above."),
    "repair_login": ("Masuk sebagai pengguna dengan akses ke wilayah ini untuk menarik laporan ini.",
                     "Sign in as a user with access to this region to withdraw this report."),
    "repair_withdraw": ("Tarik laporan ini (tetap tersimpan di riwayat)", "Withdraw this report (kept in the history)"),
    "building_geo": ("Menyiapkan batas wilayah seluruh Indonesia (sekali saja, ±15 detik)…",
                     "Preparing the boundaries of all of Indonesia (once, about 15 s)…"),
    "seeding": ("Memasukkan berkas data ke basis data: {done} dari {total} berkas (sekali saja; "
                "bila terhenti, dilanjutkan saat server berjalan lagi)…",
                "Bringing the data files into the database: {done} of {total} files (once; if it stops, "
                "it goes on when the server runs again)…"),
    "share_legend": ("Kecamatan terjangkau", "Districts reached"),
    "legend_title": ("Keadaan unit", "Unit state"),
    "map_hint": ("Klik wilayah untuk rinciannya di samping peta; klik dua kali untuk membuka petanya.",
                 "Click a unit for its details beside the map; double-click it to open its map."),
    "unlabelled": ("Tanpa label:", "Not labelled:"),
    "upload_hint": ("Tekan *Browse files* (pilih berkas) atau seret berkas ke kotak; paling besar 20 MB per berkas.",
                    "Press *Browse files* or drag a file onto the box; at most 20 MB per file."),
    "all_kinds": ("Semua jenis", "All kinds"),
    "not_shown_rows": ("Tidak ditampilkan di gambar ini: {n} wilayah lain (lengkap di tabel).",
                       "Not shown in this image: {n} more units (all are in the table)."),
    "unlabelled_n": ("Tanpa label: {n} wilayah lain", "Not labelled: {n} more units"),
    "tip_count": ("{n} · klik untuk rincian", "{n} · click for details"),
    "detail_for": ("Rincian wilayah", "Details for"),
    "open_unit": ("Buka peta {name}", "Open the map of {name}"),
    "detail_ceremonies": ("Upacara yang menjangkau ({n})", "Ceremonies reaching it ({n})"),
    "detail_none": ("Sampai {date} belum ada upacara tercatat yang menjangkau wilayah ini.",
                    "By {date} no recorded ceremony reaches this unit."),
    "detail_more": ("Semua {n} upacara di halaman Data", "All {n} ceremonies on the Data page"),
    "reach_own": ("Diadakan oleh wilayah ini", "Held by this unit"),
    "reach_leadership": ("Pimpinannya berikrar di tingkat atas", "Its leaders pledged at a higher level"),
    "reach_pemda": ("Ikrar seluruh ASN Pemkab/Pemkot", "The regency's or city's all-ASN pledge"),
    "reach_within": ("Di wilayah bawahannya", "Held within it"),
    "reach_undated": ("Tanpa tanggal: dicatat, tidak dihitung", "Undated: listed, not counted"),
    "signed_by": ("Penanda tangan", "Signed by"),
    "witnessed_by": ("Saksi", "Witnessed by"),
    "place": ("Tempat", "Where"),
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
    "commitment_pct": ("Kategori komitmen", "Commitment categories"),
    "reported_pct": ("Kesiapan dilaporkan", "Reported readiness"),
    "readiness_title": ("Kategori komitmen yang disebut, per wilayah", "Commitment categories named, per unit"),
    "grid_title": ("Kategori komitmen per wilayah", "Commitment categories per unit"),
    "figures_title": ("Angka kesiapan yang dilaporkan", "Reported readiness figures"),
    "measure": ("Yang diukur", "Measured"),
    "timeline_title": ("Unit terjangkau menjelang hari pemungutan suara", "Units reached up to election day"),
    "axis_mode": ("Sumbu waktu", "Time axis"),
    "axis_date": ("Tanggal", "Date"),
    "axis_h": ("H-n (hari sebelum pemilihan)", "H-n (days before the election)"),
    "undated_list": ("Upacara tanpa tanggal (tidak ditaruh di sumbu)", "Undated ceremonies (not placed on the axis)"),
    "share_axis": ("Bagian unit terjangkau", "Share of units reached"),
    "filters": ("Saring", "Filter"),
    "kinds": ("Jenis kegiatan", "Kinds"),
    "records_counted": ("{n} upacara ditampilkan: {d} bertanggal sampai {date} (dihitung)",
                        "{n} ceremonies shown: {d} dated up to {date} (counted)"),
    "records_later": ("{n} sesudah tanggal itu", "{n} after that date"),
    "table_no_rows": ("Tidak ada baris untuk pilihan ini.", "No rows for this choice."),
    "table_page": ("Halaman tabel", "Table page"),
    "table_rows": ("baris {a}–{b} dari {n}", "rows {a}–{b} of {n}"),
    "recent_pledges": ("Umur ikrar: {fresh} dari {reached} unit terjangkau ({pct}) berikrar dalam {months} bulan "
                       "sebelum hari pemungutan suara; sisanya lebih awal.",
                       "Age of pledges: {fresh} of {reached} units reached ({pct}) pledged within {months} months "
                       "of election day; the rest earlier."),
    "latest_pledge": ("Ikrar terakhir", "Latest pledge"),
    "link": ("Tautan berita", "Article link"),
    "open_article": ("Buka berita", "Open article"),
    "plus_undated": ("+{n} tanpa tanggal (tidak dihitung)", "+{n} undated (not counted)"),
    "undated_apart_head": ("Tanpa tanggal, tidak dihitung ({n})", "Undated, not counted ({n})"),
    "conflicts": ("Laporan yang saling bertentangan (nilai dikosongkan, tidak dipilih):",
                  "Reports that disagree (value left empty, not picked):"),
    "data_error": ("Data tidak dapat dimuat", "Data could not be loaded"),
    "commitments": ("Komitmen", "Commitments"),
    "signatories": ("Penanda tangan", "Signatories"),
    "witnesses": ("Saksi/hadir", "Witnesses"),
    "venue": ("Tempat", "Venue"),
    "date_note": ("Catatan tanggal", "Date note"),
    "elections": ("Pemilihan", "Elections"),
    # exports
    "and_more": ("dan {n} lainnya", "and {n} more"),
    "export_title": ("Judul", "Title"),
    "made_by": ("Dibuat dengan", "Made with"),
    "map_title": ("Peta ikrar netralitas ASN: unit terjangkau", "ASN neutrality pledges: units reached"),
    "ceremonies_title": ("Daftar upacara komitmen dan sumbernya", "Commitment ceremonies and their sources"),
    "pack_title": ("Bahan pengarahan netralitas ASN", "ASN neutrality briefing"),
    "ceremony_ids": ("ID upacara", "Ceremony ids"),
    # who has not pledged yet (issue 42 §1)
    "pending_title": ("Belum berikrar", "Not pledged yet"),
    "pending_note": ("Unit yang belum mengadakan upacara komitmen yang mengikat per {date} ({h}): yang belum "
                     "ada upacara sama sekali lebih dulu, lalu yang baru sosialisasi. Untuk kabupaten/kota dan "
                     "provinsi yang dihitung adalah ikrar pemerintah daerahnya sendiri.",
                     "Units without a binding commitment ceremony as of {date} ({h}): those with no ceremony at "
                     "all first, then those with a briefing only. For regencies/cities and provinces, their own "
                     "government's pledge is what counts."),
    "pending_none": ("Per {date} semua unit dalam tampilan ini sudah mengadakan upacara komitmen yang mengikat.",
                     "As of {date} every unit of this view has held a binding commitment ceremony."),
    "pending_empty_view": ("Tidak ada unit yang memilih dalam pemilihan ini di wilayah ini.",
                           "No unit of this region votes in this election."),
    "led_by": ("Dipimpin oleh", "Led by"),
    "days_to_vote": ("Hari menuju pemungutan suara", "Days to the vote"),
    "latest_briefing": ("Sosialisasi terakhir", "Latest briefing"),
    "lead_provinsi": ("Pemprov {name}", "{name} provincial government"),
    "lead_kabupaten": ("Pemkab {name}", "{name} regency government"),
    "lead_kota": ("Pemkot {name}", "{name} city government"),
    "lead_kecamatan": ("Camat {name}", "Camat (head) of {name}"),
    "lead_desa": ("Kepala Desa {name}", "Village head of {name}"),
    "lead_kelurahan": ("Lurah {name}", "Lurah (head) of {name}"),
    "ceremony_word": ("Upacara", "Ceremony"),
    "share_reached": ("Bagian terjangkau", "Share reached"),
    "risk_title": ("Risiko di samping komitmen", "Risk beside commitment"),
    "risk_pick": ("Indikator", "Indicator"),
    "risk_none_stored": ("Belum ada indikator tersimpan. Impor lembar indikator (templat: python -m dashboard "
                         "indicators template --out indikator.xlsx; impor: python -m dashboard indicators import "
                         "BERKAS).", "No indicator is stored yet. Import an indicator sheet (template: python -m "
                         "dashboard indicators template --out indikator.xlsx; import: python -m dashboard indicators "
                         "import FILE)."),
    "risk_no_ceremony": ("Risiko tinggi, belum ada upacara yang mengikat ({n} wilayah)",
                         "High risk, no binding ceremony ({n} units)"),
    "risk_no_ceremony_note": ("Wilayah tanpa upacara yang mengikat yang nilainya di kelas tertinggi peta (di atas {high}), "
                              "nilai tertinggi lebih dulu. Nilai milik wilayah itu sendiri, terbaru sampai {date}. "
                              "{none} wilayah tanpa upacara belum punya nilai (tidak ada data).",
                              "Units without a binding ceremony whose value is in the map's highest class (above {high}), "
                              "highest first. Each value is the unit's own, the newest up to {date}. "
                              "{none} units without a ceremony have no value (no data)."),
    "risk_despite": ("Nilai di atas nol meski sudah ada upacara ({n} wilayah)",
                     "A value above zero despite a ceremony ({n} units)"),
    "risk_value": ("Nilai", "Value"),
    "risk_value_date": ("Tanggal nilai", "Value date"),
    "no_data": ("tidak ada data", "no data"),
    "indicator_section": ("Impor indikator", "Import indicators"),
    "indicator_intro": ("Angka risiko atau hasil per wilayah dan tanggal (mis. skor kerawanan, jumlah temuan), "
                        "masing-masing dengan sumbernya. Satu lembar diimpor seluruhnya atau tidak sama sekali; nilai "
                        "yang sudah tersimpan tidak ditimpa.",
                        "Risk or outcome figures per region and date (e.g. a vulnerability score, a count of "
                        "findings), each with its source. A sheet is imported whole or not at all; a stored value is "
                        "never overwritten."),
    "indicator_template": ("Templat indikator ({fmt})", "Indicator template ({fmt})"),
    "indicator_upload": ("Lembar indikator (CSV atau XLSX)", "Indicator sheet (CSV or XLSX)"),
    "indicator_ok": ("{n} nilai ({ids}) lolos semua pemeriksaan", "{n} value(s) ({ids}) pass every check"),
    "indicator_import": ("Impor semua nilai", "Import every value"),
    "indicator_imported": ("{n} nilai diimpor ({ids})", "{n} value(s) imported ({ids})"),
    "map_color": ("Warna peta", "Map colours"),
    "map_color_state": ("Warna: keadaan komitmen", "Colours: commitment state"),
    "map_color_indicator": ("Warna: {name}", "Colours: {name}"),
    "map_color_both": ("Warna: {name} × komitmen", "Colours: {name} × commitment"),
    "risk_low": ("rendah (≤ {a})", "low (≤ {a})"),
    "risk_mid": ("sedang ({a}–{b})", "medium ({a}–{b})"),
    "risk_high": ("tinggi (> {b})", "high (> {b})"),
    "risk_with": ("{level}, ada upacara", "{level}, ceremony held"),
    "risk_without": ("{level}, tanpa upacara", "{level}, no ceremony"),
    "risk_none_high": ("tidak ada: setiap wilayah berisiko tinggi sudah dijangkau upacara",
                       "none: every high-risk unit is reached by a ceremony"),
    "risk_none_count": ("{n} wilayah tanpa upacara lainnya: tidak ada data", "{n} more units without a ceremony: no data"),
    "risk_map_title": ("{name} × komitmen", "{name} × commitment"),
    "risk_as_of": ("per {date}", "as of {date}"),
    "share_pct": ("Bagian terjangkau (%)", "Share reached (%)"),
    "kec_covered": ("Kecamatan terjangkau", "Districts reached"),
    "kec_total": ("Jumlah kecamatan", "Kecamatan in total"),
    "reported_on": ("Tanggal laporan", "Reported on"),
    "yes": ("ya", "yes"),
    "no": ("tidak", "no"),
    "covered": ("Terjangkau", "Reached"),
    "total_units": ("Jumlah unit", "Units in total"),
    "download": ("Unduh", "Download"),
    "dl_png": ("Gambar PNG 1920×1080 (slide)", "PNG image 1920×1080 (slides)"),
    "dl_png_square": ("Gambar PNG persegi 1080×1080 (grup obrolan)", "Square PNG 1080×1080 (chat groups)"),
    "dl_svg": ("SVG (vektor, untuk laporan)", "SVG (vector, for reports)"),
    "dl_pdf": ("PDF", "PDF"),
    "dl_html": ("HTML interaktif (buka tanpa internet)", "Interactive HTML (opens offline)"),
    "dl_csv": ("Data CSV (koma, UTF-8)", "Data as CSV (comma, UTF-8)"),
    "dl_csv_excel": ("Data CSV untuk Excel Indonesia (titik koma)", "Data as CSV for Excel in Indonesian (semicolon)"),
    "dl_xlsx": ("Data Excel (XLSX)", "Data as Excel (XLSX)"),
    "no_browser": ("Ekspor gambar memerlukan Chromium: {why}", "Image export needs Chromium: {why}"),
    "letter_error": ("Templat surat imbauan tidak dapat dimuat", "The follow-up letter's template could not be loaded"),
    "letter_docx": ("Surat imbauan (DOCX)", "Follow-up letter (DOCX)"),
    "letter_pdf": ("Surat imbauan (PDF)", "Follow-up letter (PDF)"),
    "letter_help": ("Surat dari kantor wilayah ini kepada kepala unit dalam daftar, dengan dasar hukum dan sisa "
                    "waktu; nomor, tanggal dan tanda tangan diisi pengirim. Selalu berbahasa Indonesia; kata-katanya "
                    "dari templat (PETA_LETTER_TEMPLATE).",
                    "A letter from this region's office to the heads of the units listed, with the legal basis and "
                    "the days left; the sender fills in the number, date and signature. Always in Bahasa Indonesia "
                    "(an official letter); its words come from the template (PETA_LETTER_TEMPLATE)."),
    "pack_button": ("Unduh bahan pengarahan (PDF)", "Download briefing pack (PDF)"),
    "pack_help": ("Sampul dengan hitung mundur dan angka kunci, peta, kesiapan, linimasa, dan daftar upacara "
                  "dengan sumbernya, untuk wilayah dan pemilihan yang dipilih.",
                  "Cover with countdown and key numbers, map, readiness, timeline and the list of ceremonies "
                  "with sources, for the chosen region and election."),
    "page_label": ("Halaman {i} dari {n}", "Page {i} of {n}"),
    "made_on": ("Dibuat {d} dengan Peta Netralitas ASN", "Made on {d} with Peta Netralitas ASN"),
    "continued": ("lanjutan", "continued"),
    "pack_rows_left": ("dan {n} baris lain tidak dicetak di bahan ini: semuanya ada di unduhan CSV/XLSX tabel ini.",
                       "and {n} more rows not printed in this pack: the table's CSV/XLSX download has them all."),
    "pack_rows_left_one": ("dan 1 baris lain tidak dicetak di bahan ini: semuanya ada di unduhan CSV/XLSX tabel ini.",
                           "and 1 more row not printed in this pack: the table's CSV/XLSX download has it."),
    "key_numbers": ("Angka kunci", "Key numbers"),
    # briefing screen
    "briefing": ("Layar pengarahan", "Briefing screen"),
    "briefing_open": ("Buka layar pengarahan", "Open the briefing screen"),
    "data_as_of": ("Data per {d} · dimuat {t}", "Data as of {d} · loaded {t}"),
    "pause": ("Jeda", "Pause"),
    "resume": ("Lanjutkan", "Resume"),
    "next": ("Berikutnya", "Next"),
    "previous": ("Sebelumnya", "Previous"),
    "paused": ("dijeda", "paused"),
    "every_n": ("berganti tiap {n} detik", "changes every {n} s"),
    "exit_briefing": ("Keluar", "Exit"),
    "not_shown": ("Tidak ditampilkan: {n} wilayah lain, {m} di antaranya belum terjangkau (lihat halaman Kesiapan).",
                  "Not shown: {n} more units, {m} of them not reached (see the Readiness page)."),
    "not_shown_none": ("Tidak ditampilkan: {n} wilayah lain, semuanya belum terjangkau (lihat halaman Kesiapan).",
                       "Not shown: {n} more units, none of them reached yet (see the Readiness page)."),
    # accounts, entry, import, history
    "account": ("Akun", "Account"),
    "all_regions": ("semua wilayah", "all regions"),
    "signed_in_as": ("Masuk sebagai {name} · wilayah: {region}", "Signed in as {name} · region: {region}"),
    "sign_in": ("Masuk", "Sign in"),
    "sign_out": ("Keluar akun", "Sign out"),
    "user_name": ("Nama pengguna", "User name"),
    "password": ("Kata sandi", "Password"),
    "login_failed": ("Nama pengguna atau kata sandi salah.", "Wrong user name or password."),
    "login_needed": ("Masuk dulu untuk mencatat, mengubah atau mengimpor.",
                     "Sign in to enter, edit or import."),
    "page_entry": ("Catat upacara", "Record a ceremony"),
    "page_import": ("Impor", "Import"),
    "page_history": ("Riwayat", "History"),
    "entry_region": ("Wilayah upacara: {place}. Ganti lewat pilihan wilayah di panel samping.",
                     "Ceremony region: {place}. Change it with the region picker in the sidebar."),
    "pick_region": ("Pilih kecamatan atau kabupaten/kota di panel samping dulu.",
                    "Pick a kecamatan or kabupaten/kota in the sidebar first."),
    "edit_existing": ("Ubah laporan tercatat", "Edit a stored report"),
    "new_report": ("(laporan baru)", "(new report)"),
    "undated": ("Tanggal tidak diketahui", "Date not known"),
    "undated_short": ("tanpa tanggal", "undated"),
    "undated_reason": ("Alasan tanggal tidak diketahui", "Why the date is not known"),
    "leader_name": ("Nama pemimpin", "Leader's name"),
    "leader_role": ("Jabatan pemimpin", "Leader's role"),
    "categories": ("Kategori komitmen", "Commitment categories"),
    "readiness_figures": ("Angka kesiapan yang dilaporkan", "Reported readiness figures"),
    "sources_min": ("Sumber (minimal satu)", "Sources (at least one)"),
    "notes": ("Catatan", "Notes"),
    "save": ("Simpan", "Save"),
    "saved": ("Tersimpan: {id}. Sudah tampil di peta, komitmen dan linimasa.",
              "Saved: {id}. It shows on the map, readiness and timeline pages."),
    "not_saved": ("Belum disimpan — perbaiki isian berikut:", "Not saved — please fix:"),
    "duplicate_found": ("Sudah ada upacara di wilayah dan tanggal yang sama: {ids}. Tambahkan laporan ini sebagai "
                        "sumber tambahan untuk upacara itu?",
                        "A ceremony is already recorded at this place and date: {ids}. Add this report to it as "
                        "another source?"),
    "merge": ("Gabungkan sebagai sumber tambahan", "Merge as another source"),
    "cancel": ("Batal", "Cancel"),
    "withdraw": ("Tarik laporan ini", "Withdraw this report"),
    "withdraw_reason": ("Alasan penarikan (disimpan di riwayat)", "Why it is withdrawn (kept in the history)"),
    "withdrawn": ("Ditarik: laporan #{n}. Datanya tetap tersimpan di riwayat.",
                  "Withdrawn: report #{n}. Its data stays in the history."),
    "template": ("Templat {fmt}", "Template, {fmt}"),
    "template_semicolon": ("Templat CSV untuk Excel (;)", "Template, CSV for Excel (;)"),
    "csv_comma_help": ("Dipisah koma (CSV UTF-8): untuk LibreOffice, Google Sheets dan Excel berbahasa Inggris.",
                       "Comma-separated (CSV UTF-8): for LibreOffice, Google Sheets and Excel in English."),
    "csv_semicolon_help": ("Dipisah titik koma: Excel dengan pengaturan Indonesia membukanya langsung per kolom.",
                           "Semicolon-separated: Excel in Indonesian settings opens it in columns straight away."),
    "upload": ("Berkas CSV atau XLSX", "CSV or XLSX file"),
    "import_all": ("Impor semua baris", "Import every row"),
    "import_valid": ("Impor hanya baris yang valid", "Import only the valid rows"),
    "rows_ok": ("{n} baris lolos pemeriksaan.", "{n} rows pass the checks."),
    "rows_bad": ("{n} baris ditolak; tidak ada yang disimpan:", "{n} rows rejected; nothing was saved:"),
    "imported": ("{n} baris diimpor: {ceremonies} upacara ({new} baru, {added} yang sudah tercatat mendapat sumber "
                 "tambahan), {sources} sumber.",
                 "{n} rows imported: {ceremonies} ceremonies ({new} new, {added} already stored given another "
                 "source), {sources} sources."),
    "rejected_download": ("Unduh baris yang ditolak (CSV)", "Download the rejected rows (CSV)"),
    "history_of": ("Riwayat upacara", "History of ceremony"),
    "history_all": ("(semua perubahan)", "(every change)"),
    "download_history": ("Unduh riwayat (CSV)", "Download the history (CSV)"),
    "when": ("Waktu ({zone})", "When ({zone})"),
    "history_report": ("No. laporan", "Report no."),
    "zoom_in": ("Perbesar", "Zoom in"),
    "zoom_out": ("Perkecil", "Zoom out"),
    "act_seed": ("dari berkas data", "from a data file"),
    "act_create": ("dicatat", "recorded"),
    "act_edit": ("diubah", "edited"),
    "act_withdraw": ("ditarik", "withdrawn"),
    "act_merge": ("digabung sebagai sumber", "merged as a source"),
    "act_import": ("diimpor", "imported"),
    "act_reject_draft": ("draf berita ditolak", "article draft rejected"),
    "act_election_add": ("pemilihan ditambahkan", "election added"),
    "act_election_edit": ("pemilihan dikoreksi", "election corrected"),
    "act_attach": ("bukti dilampirkan", "proof attached"),
    "proof": ("Bukti", "Proof"),
    "has_proof_n": ("Ada bukti ({n})", "Has proof ({n})"),
    "proof_only": ("Ada bukti", "Has proof"),  # the filter: the glossary's word, short enough for 1366 px
    "proof_add": ("Bukti: foto upacara atau pindaian pakta yang ditandatangani", "Proof: a photo of the ceremony or a scan of the signed pakta"),
    "proof_help": ("JPEG, PNG atau PDF; paling banyak {n} berkas per laporan, masing-masing {mb} MB. Foto disimpan ulang "
                   "tanpa data EXIF (lokasi GPS, jenis ponsel).",
                   "JPEG, PNG or PDF; at most {n} files per report, {mb} MB each. Photos are saved again without their "
                   "EXIF data (GPS location, phone model)."),
    "proof_download": ("Unduh {name} ({size})", "Download {name} ({size})"),
    "proof_sign_in": ("Masuk untuk melihat berkas bukti (foto memuat wajah ASN).",
                      "Sign in to see the files of proof (photos show civil servants' faces)."),
    "proof_remove": ("Hapus", "Remove"),
    "proof_remove_reason": ("Alasan dihapus (disimpan di riwayat)", "Why it is removed (kept in the history)"),
    "proof_removed": ("Bukti {name} dihapus; riwayatnya tetap disimpan.", "Proof {name} removed; its history is kept."),
    "proof_keep": ("Simpan {n} berkas bukti", "Keep {n} file(s) of proof"),
    "proof_kept": ("{n} berkas bukti disimpan.", "{n} file(s) of proof kept."),
    "proof_only_help": ("Upacara yang laporannya dilampiri foto atau pindaian pakta (bukti).",
                        "Ceremonies whose reports carry a photo or a scan of the pakta (proof)."),
    "act_detach": ("bukti dihapus", "proof removed"),
    "who": ("Oleh", "By"),
    "action": ("Tindakan", "Action"),
    "before": ("Sebelum", "Before"),
    "after": ("Sesudah", "After"),
    "row": ("Baris", "Row"),
    "column": ("Kolom", "Column"),
    "value": ("Nilai", "Value"),
    "valid": ("Yang benar", "What is valid"),
    # Dari berita (article -> reviewed record)
    "page_articles": ("Dari berita", "From news"),
    "art_add": ("Tambah berita ke antrean", "Add articles to the queue"),
    "art_links": ("Tautan berita (satu per baris)", "Article links (one per line)"),
    "art_files": ("Atau unggah halaman berita (.html) atau teks (.txt)", "Or upload article pages (.html) or text (.txt)"),
    "art_text": ("Atau tempel teks berita (judul di baris pertama)", "Or paste an article's text (title on the first line)"),
    "date_help": ("Ketik tanggal/bulan/tahun, mis. 14/11/2024, atau pilih di kalender.",
                  "Type day/month/year, e.g. 14/11/2024, or pick it in the calendar."),
    "art_published": ("Tanggal terbit, bila berita tidak memuatnya", "Publication date, if the article does not carry it"),
    "art_read": ("Baca dan masukkan ke antrean", "Read and queue"),
    "art_queued": ("{n} draf masuk antrean.", "{n} drafts queued."),
    "art_known": ("Sudah ada di antrean atau tersimpan (draf #{id}): {source}", "Already queued or saved (draft #{id}): {source}"),
    "art_failed": ("Tidak terbaca: {msg}", "Not read: {msg}"),
    "art_nothing": ("Isi tautan, unggah berkas atau tempel teks dulu.", "Give links, files or pasted text first."),
    "art_queue": ("Antrean draf ({n} belum diperiksa)", "Draft queue ({n} not yet reviewed)"),
    "art_queue_empty": ("Antrean kosong: tambahkan berita di bawah ini.", "The queue is empty: add articles below."),
    "art_pick": ("Draf yang diperiksa", "Draft under review"),
    "art_text_head": ("Teks berita (kalimat bukti ditandai)", "Article text (evidence highlighted)"),
    "art_draft_head": ("Draf catatan: periksa setiap isian", "Draft record: check every field"),
    "conf_sure": ("Pasti", "Sure"),
    "conf_check": ("Perlu dicek", "Check"),
    "conf_missing": ("Tidak ditemukan", "Not found"),
    "art_not_ceremony": ("Bukan upacara? {why}", "Not a ceremony? {why}"),
    "art_override": ("Tetap catat sebagai upacara netralitas", "Record it as a neutrality ceremony anyway"),
    "art_region_choice": ("Wilayah upacara", "Ceremony region"),
    "art_region_sidebar": ("(wilayah lain: pakai pilihan wilayah di panel samping: {place})",
                           "(another region: use the sidebar's region picker: {place})"),
    "art_region_none": ("Wilayah tidak ditemukan di berita: pilih di panel samping.",
                        "No region found in the article: pick one in the sidebar."),
    "art_date_choice": ("Tanggal upacara", "Ceremony date"),
    "art_date_none": ("tanpa tanggal (berita tidak menyebutnya)", "undated (the article does not say)"),
    "art_date_inferred": ("{d} (tahun disimpulkan dari tanggal terbit)", "{d} (year inferred from the publication date)"),
    "art_need_override": ("Berita ini ditandai bukan upacara. Centang \"{box}\" bila memang upacara, lalu simpan.",
                          "This article is marked as not a ceremony. Tick \"{box}\" if it is one, then save."),
    "art_date_other": ("tanggal lain…", "another date…"),
    "art_choose": ("Pilih salah satu sebelum menyimpan.", "Choose one before saving."),
    "art_commit_text": ("Isi komitmen dengan kata-kata Anda (satu baris per kategori terpilih; kosong: nama kategori)",
                        "The commitments in your own words (one line per chosen category; empty: the category name)"),
    "art_save": ("Simpan sebagai catatan", "Save as a record"),
    "art_merge_into": ("Upacara ini sudah tercatat ({ids}): laporan ini akan digabungkan sebagai sumber tambahan.",
                       "This ceremony is already recorded ({ids}): this report will be merged as another source."),
    "art_reject": ("Tolak draf ini", "Reject this draft"),
    "art_reject_reason": ("Alasan penolakan", "Why it is rejected"),
    "art_rejected": ("Draf #{n} ditolak.", "Draft #{n} rejected."),
    "art_saved": ("Tersimpan dari berita: {id} (draf #{n}).", "Saved from the article: {id} (draft #{n})."),
    "group": ("Kelompok", "Group"),
    "count": ("Jumlah", "Count"),
    "all_of_them": ("Semua (se-wilayah)", "All of them"),
    "col_note": ("Keterangan", "Note"),
    "col_percent": ("Persen (%)", "Percent (%)"),
    "col_outlet": ("Media (wajib)", "Outlet (required)"),
    "col_title": ("Judul berita", "Headline"),
    "col_url": ("Alamat berita (https://…)", "Link (https://…)"),
    "col_published": ("Tanggal terbit", "Published"),
    "col_archive": ("Arsip", "Archive"),
    "choose": ("Pilih…", "Choose…"),
    "entry_not_yours": ("Anda mencatat untuk {mine}. {place} di luar wilayah itu: pilih wilayah di dalam {mine}.",
                        "You record for {mine}. {place} is outside it: pick a region within {mine}."),
    "entry_go_mine": ("Buka {mine}", "Open {mine}"),
    "not_listed": ("Masuk sebagai {name}, tetapi belum terdaftar sebagai pengguna: hanya bisa melihat.",
                   "Signed in as {name}, but not listed as a user: viewing only."),
    "hidden_signed_out": ("(masuk untuk melihat)", "(sign in to see)"),
    "who_hidden": ("Nama pengubah hanya terlihat setelah masuk.", "Who made each change is shown after signing in."),
    "art_evidence": ("Bukti: “{e}”", "Evidence: “{e}”"),
    "art_more": ("Isi komitmen, angka kesiapan dan catatan", "Commitment wording, readiness figures and notes"),
    "art_reading": ("Membaca {i} dari {n}: {source}", "Reading {i} of {n}: {source}"),
    "art_drafting": ("Menyusun draf {i} dari {n}", "Drafting {i} of {n}"),
    "art_source_needed": ("Halaman ini tidak menyebut media dan/atau tanggal terbitnya (misalnya teks tempelan): "
                          "isi keduanya; laporan tidak disimpan tanpa sumber yang lengkap.",
                          "This page does not name its outlet and/or publication date (pasted text, for example): "
                          "fill them in; the report is not saved without a complete source."),
    "art_source": ("Sumber: {outlet} · terbit {published} · {url}", "Source: {outlet} · published {published} · {url}"),
}


def t(key: str, lang: str = "id", **kw) -> str:
    ind, eng = TEXT[key]
    text = eng if lang == "en" else ind
    return text.format(**kw) if kw else text


def tn(key: str, lang: str, n: int, **kw) -> str:
    """``t`` for a count ``n``: the ``<key>_one`` text when ``n`` is 1 and there is one (English
    "1 day"; Indonesian has no plural forms, so its two texts are the same), else ``<key>``."""
    return t(f"{key}_one" if n == 1 and f"{key}_one" in TEXT else key, lang, n=n, **kw)


def say(m, lang: str = "id") -> str:
    """A :class:`dashboard.errors.Msg` (a problem's *what is valid*, an error's summary) in ``lang``."""
    from .i18n_problems import PROBLEMS

    n = m.params.get("n")
    code = f"{m.code}_one" if n == 1 and f"{m.code}_one" in PROBLEMS else m.code
    template = PROBLEMS[code][1 if lang == "en" else 0]
    return template.format_map({k: _param(v, lang) for k, v in m.params.items()})


def _param(value, lang: str) -> str:
    from .errors import Msg

    if isinstance(value, Msg):  # a Msg inside a Msg (not any object with code and params: a driver's error has both)
        return say(value, lang)
    if isinstance(value, BaseException):
        return (str(value).strip().splitlines() or [type(value).__name__])[0][:200]
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_param(v, lang) for v in value)
    return "" if value is None else str(value)


def state_label(state: str, lang: str = "id") -> str:
    return t(f"state_{state}", lang)


def own_label(own_state: str, lang: str = "id", level: str | None = None) -> str:
    """Did the unit's own government hold a ceremony? A province or kabupaten/kota is a Pemda; a
    kecamatan or desa is named as itself (issue 37: a kecamatan is never told "Pemda sudah berikrar")."""
    if level in ("kecamatan", "desa/kelurahan"):
        return t(f"own_unit_label_{own_state}", lang, level=level_label(level, lang))
    return t(f"own_label_{own_state}", lang)


LEVEL_KEYS = {"provinsi": "province", "kabupaten/kota": "kabupaten", "kecamatan": "kecamatan",
              "desa/kelurahan": "desa"}


def level_label(level: str, lang: str = "id") -> str:
    return t(LEVEL_KEYS[level], lang)


PLURAL_EN = {"provinsi": "Provinces", "kabupaten/kota": "Regencies/cities", "kecamatan": "Districts",
             "desa/kelurahan": "Villages"}


def level_plural(level: str, lang: str = "id") -> str:
    """Units of a level counted ("Districts covered"); Indonesian nouns do not change."""
    return PLURAL_EN[level] if lang == "en" else level_label(level, lang)
