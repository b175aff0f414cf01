"""What a problem says, by code: (Bahasa Indonesia, English) templates for :class:`dashboard.errors.Msg`.

A template names its parameters in braces (``{options}``); :func:`dashboard.i18n.say` fills them,
joining lists with ", " and wording a parameter that is itself a ``Msg`` in the same language.
A code ending in ``_one`` is used instead of its plain code when the parameter ``n`` is 1.
The Indonesian text may leave out a parameter the English names (a technical detail such as a
field's YAML shape) and may add a hint only the form's users need (Excel turning codes into numbers).
"""

from __future__ import annotations

_EXCEL_CODE = ("Bila Excel mengubah kode menjadi angka (32.01 → 32,01 atau 32.1), format kolom itu sebagai Teks "
               "lalu ketik ulang")
_SPLIT = ("simpan ulang dari templat, atau bagi lembarnya", "save the sheet again from the template, or split it")

PROBLEMS: dict[str, tuple[str, str]] = {
    # -- summaries --------------------------------------------------------------------------------
    "n_problems": ("{n} masalah ditemukan", "{n} problems found"),
    "n_problems_one": ("1 masalah ditemukan", "1 problem found"),
    "records_refused": ("{n} masalah di catatan upacara; tidak ada yang dimuat",
                        "{n} problem(s) in the records; nothing was loaded"),
    "unreadable_files": ("{n} berkas catatan tidak terbaca di {folder}", "{n} unreadable record file(s) in {folder}"),
    "file_refused": ("{n} masalah di {name}; tidak ada yang diimpor", "{n} problem(s) in {name}; nothing was imported"),
    "rows_refused": ("{n} baris {name} ditolak; tidak ada yang diimpor",
                     "{n} row(s) of {name} rejected; nothing was imported"),
    "rows_refused_of": ("{n} dari {total} baris ditolak; tidak ada yang diimpor",
                        "{n} of {total} row(s) rejected; nothing was imported"),
    "columns_refused": ("kolom {name} tidak sesuai templat; tidak ada yang diimpor",
                        "the columns of {name} do not match the template; nothing was imported"),
    "cells_refused": ("{n} sel di {name} tidak dapat dibaca apa adanya; tidak ada yang diimpor",
                      "{n} cell(s) of {name} cannot be read as written; nothing was imported"),
    "boundaries_refused": ("{n} berkas batas wilayah tidak dapat diperiksa",
                           "{n} boundary file(s) could not be verified"),
    "source_refused": ("{source}: {why}", "{source}: {why}"),

    # -- a record's fields (records/validate.py) --------------------------------------------------
    "required_text": ("wajib diisi", "required text"),
    "nonempty_text": ("teks, tidak kosong", "non-empty text"),
    "date_never_guessed": ("tanggal ditulis TTTT-BB-HH (mis. 2024-11-20); tanggal tidak pernah ditebak. Tanggal "
                           "tanpa tahun: kosongkan tanggal dan tulis alasannya",
                           "a date written YYYY-MM-DD (dates are never guessed)"),
    "date_iso": ("tanggal ditulis TTTT-BB-HH (mis. 2024-11-20)", "a date written YYYY-MM-DD"),
    "date_between": ("tanggal ditulis TTTT-BB-HH, dari {first} sampai {last}",
                     "a date written YYYY-MM-DD from {first} to {last}"),
    "mapping_keys": ("isian dengan: {keys}", "a mapping with keys: {keys}"),
    "known_keys": ("isian yang dikenal: {keys}", "known keys are: {keys}"),
    "known_fields": ("kolom yang dikenal: {fields}", "known fields are: {fields}"),
    "required": ("wajib diisi", "required: {what}"),
    "nonempty_list": ("isi minimal satu (di lembar: beberapa isian dipisah ;)", "a non-empty list: {what}"),
    "a_list": ("daftar", "a list: {what}"),
    "one_of": ("salah satu dari: {options}", "one of: {options}"),
    "stable_id": ("huruf kecil, angka dan tanda hubung saja", "stable id: lower-case letters, digits and hyphens"),
    "code_quoted_yaml": ('kode dalam tanda kutip agar tetap teks, mis. region: "{example}"',
                         'quote the code so YAML keeps it as text, e.g. region: "{example}"'),
    "code_written": ("kode Kemendagri (mis. {example}). " + _EXCEL_CODE,
                     'Kemendagri code as a quoted string, e.g. "{example}"'),
    "code_in_boundaries": ("kode wilayah yang ada di data batas wilayah (mis. 32.01.01 Kecamatan Cibinong). Bila "
                           "Excel mengubah kode menjadi angka, format kolom kode_wilayah sebagai Teks",
                           "a code present in the boundary data for the loaded provinces (see `python -m dashboard "
                           "geo info`; check PETA_PROVINCES)"),
    "level_of_code": ("tingkat kode {code}, yaitu {level}", "the level of code {code}, which is {level}"),
    "date_or_reason": ("wajib: tanggal TTTT-BB-HH, atau kosong dengan alasan tanggal tidak diketahui",
                       "required: YYYY-MM-DD, or null with date_unknown_reason"),
    "only_with_date": ("hanya bila tanggal diisi", "only with a date"),
    "only_without_date": ("hanya bila tanggal dikosongkan", "only when date is null"),
    "year_of_date": ("tahun dari tanggal ({year})", "the year of date ({year})"),
    "election_held_in": ("pemilihan yang diadakan di wilayah {code}: {election} hanya diadakan di {regions} "
                         "(Kalender pemilihan); pilih pemilihan lain",
                         "an election held in region {code}: {election} is held only in {regions} "
                         "(data/elections.yaml); choose another election"),
    "count_rule": ("bilangan bulat 1 atau lebih, atau kosongkan", "a whole number of 1 or more, or leave it out"),
    "all_rule": ("ya (semua pejabat itu di wilayah ini menandatangani) atau tidak",
                 "true (every such official of the region signed) or false"),
    "percent_rule": ("angka 0 sampai 100", "a number from 0 to 100"),
    "url_rule": ("alamat yang diawali http:// atau https://, atau kosongkan", "an http(s) address, or leave it out"),
    "same_as": ("'{value}' seperti di {where}: laporan dengan ID yang sama menggambarkan satu upacara (atau beri "
                "laporan ini ID sendiri)",
                "'{value}' as in {where}: reports sharing an id describe one ceremony (or give this report its own id)"),
    "same_place_day": ("satu ID: laporan-laporan ini sama wilayah ({region}) dan tanggalnya ({day}), jadi satu "
                       "upacara; beri ID yang sama",
                       "one id: these reports share region {region} and date {day}, so they describe the same "
                       "ceremony and are merged; give them the same id"),
    "with_row": ("{inner} [{row}]", "{inner} [{row}]"),

    # -- the election calendar --------------------------------------------------------------------
    "regions_list": ("daftar kode Kemendagri (dalam tanda kutip) wilayah yang memilih, atau kosongkan bila "
                     "diadakan di seluruh Indonesia",
                     "a list of quoted Kemendagri codes of the regions holding this election, or leave it out when "
                     "it is held everywhere"),
    "code_quoted_known": ('kode Kemendagri dalam tanda kutip yang ada di data batas wilayah, mis. "32.01"',
                          'a quoted Kemendagri code present in the boundary data, e.g. "32.01"'),
    "unique_election_id": ("ID pemilihan yang belum dipakai di kalender", "a unique election id"),
    "election_year": ("tahun pemilihan antara {first} dan {last}, mis. 2029 (pemilihan terencana yang harinya belum ditetapkan)",
                      "the election's year, from {first} to {last}, e.g. 2029 (a planned election whose day is not set yet)"),
    "name_at_most": ("nama paling banyak {n} karakter (yang ini {length}): nama harus muat di pilihan pemilihan",
                     "a name of at most {n} characters (this one has {length}): it must fit the election picker"),
    "unique_election_name": ("nama yang belum dipakai: pemilihan '{other}' sudah bernama begitu",
                             "a name not used yet: election '{other}' already has it"),
    "regions_at_most": ("paling banyak {n} wilayah; bila diadakan di mana-mana, kosongkan daftar wilayahnya",
                        "at most {n} regions; for an election held everywhere, leave the list empty"),
    "year_of_date_or_none": ("tahun dari tanggal ({year}), atau kosongkan", "the year of date ({year}), or leave it out"),
    "other_election": ("ID pemilihan lain di kalender: {ids}", "the id of another election in the calendar: {ids}"),
    "voted_in": ("wilayah yang ikut memilih pada {election} ({regions})", "a region that voted in {election} ({regions})"),
    "belongs_how": ("hubungannya dengan {parent}: salah satu dari: {options}", "how it belongs to {parent}: one of: {options}"),
    "kind_needs_part_of": ("dikosongkan: kind hanya diisi bersama part_of (pemilihan induknya)",
                           "left out: kind goes with part_of (the election this one belongs to)"),
    "calendar_file": ("berkas kalender pemilihan (lihat README)", "an election calendar file (see README)"),
    "calendar_list": ("daftar pemilihan", "a list of elections"),
    "valid_yaml": ("YAML yang sah (lihat README, 'Format data')", "valid YAML (see README, 'Format data')"),
    "record_mapping": ("isian kolom (id, region, level, date, …)", "a mapping of fields (id, region, level, date, ...)"),
    "data_folder": ("folder berisi ceremonies/ dengan satu berkas .yaml per laporan",
                    "a folder containing ceremonies/ with one .yaml file per report"),
    "yaml_at_most": ("berkas catatan paling besar {kb} KB", "a record file of at most {kb} KB"),
    "yaml_no_self": ("nilai yang tidak memuat dirinya sendiri", "values that do not contain themselves"),
    "yaml_aliases": ("paling banyak {n} nilai (alias bersarang di dalam alias berlipat ganda)",
                     "at most {n} values (aliases nested inside aliases multiply)"),
    "utf8_text": ("teks UTF-8", "UTF-8 text"),
    "dates_exist": ("tanggal yang ada, ditulis TTTT-BB-HH (tanggal tidak pernah ditebak)",
                    "dates that exist, written YYYY-MM-DD (dates are never guessed)"),
    "flat_mapping": ("isian kolom yang datar (lihat README, 'Format data')",
                     "a flat mapping of fields (see README, 'Format data')"),

    # -- who may write (store/editing.py) ---------------------------------------------------------
    "signed_in": ("pengguna yang sudah masuk: mencatat, mengubah dan mengimpor perlu masuk akun",
                  "a signed-in user: entering, editing and importing need a login"),
    "within_user_region": ("wilayah di dalam {region}: pengguna '{user}' hanya boleh mencatat di sana",
                           "a region within {region}: user '{user}' may only write there"),
    "id_unused": ("ID yang belum dipakai (atau gabungkan laporan ini ke upacara itu sebagai sumber tambahan); "
                  "mungkin baru saja disimpan orang lain",
                  "an id not used yet (or merge this report into that ceremony as another source); it may have "
                  "been saved by someone else a moment ago"),
    "withdraw_reason": ("alasan laporan ditarik (disimpan di riwayat)", "why the report is withdrawn (kept in its history)"),
    "reject_reason": ("alasan draf ditolak (disimpan di riwayat)", "why the draft is rejected (kept in the history)"),
    "draft_within": ("draf dengan wilayah di dalam {region}: draf ini tidak menyarankan wilayah, jadi hanya pengantre "
                     "draf atau pengguna semua wilayah yang boleh menolaknya",
                     "a draft with a region within {region}: this draft suggests no region, so only whoever queued "
                     "it or a user of every region may reject it"),
    "calendar_signed_in": ("pengguna yang sudah masuk: mengubah kalender pemilihan perlu masuk akun",
                           "a signed-in user: changing the election calendar needs a login"),
    "calendar_every_region": ("pengguna untuk seluruh wilayah: kalender pemilihan dipakai semua wilayah, dan pengguna "
                              "'{user}' hanya boleh mencatat di dalam {region}",
                              "a user of every region: the election calendar is shared by all regions, and user "
                              "'{user}' may only write within {region}"),

    # -- the store (store/db.py) ------------------------------------------------------------------
    "db_writable": ("basis data yang dapat ditulis aplikasi; tidak ada yang disimpan (transaksi dibatalkan). "
                    "Kosongkan ruang disk atau perbaiki basis data di PETA_DB_URL, lalu simpan lagi",
                    "a database the app can write to; nothing was saved (the transaction was rolled back). Free "
                    "disk space or fix the database named by PETA_DB_URL, then save again"),
    "draft_number": ("nomor draf yang ada di antrean", "the number of a queued draft"),
    "draft_open": ("draf yang masih terbuka: {user} sudah menandainya {status} ({at} UTC)",
                   "an open draft: {user} already marked it {status} ({at} UTC)"),
    "db_is_folder": ("berkas basis data upacara: jalur ini sebuah folder. Pindahkan folder itu, atau arahkan "
                     "PETA_DB_URL ke berkas basis data",
                     "a ceremony database file: this path is a folder. Move the folder away, or set PETA_DB_URL "
                     "to the database file"),
    "db_readable": ("berkas basis data upacara yang dapat dibaca aplikasi ({why}): periksa pemilik dan izinnya",
                    "a ceremony database file the app can read ({why}): check its owner and permissions"),
    "db_empty": ("basis data upacara yang terbaca: berkas ini kosong (0 bita). Pulihkan dari cadangan, atau "
                 "pindahkan agar penyimpanan baru dibuat dari berkas kurasi",
                 "a readable ceremony database: this file is empty (0 bytes). Restore it from a backup, or move "
                 "it away to start a new store from the curated files"),
    "db_not_sqlite": ("basis data upacara yang terbaca: berkas ini bukan basis data SQLite. Pulihkan dari cadangan, "
                      "atau pindahkan agar penyimpanan baru dibuat dari berkas kurasi",
                      "a readable ceremony database: this file is not a SQLite database. Restore it from a backup, "
                      "or move it away to start a new store from the curated files"),
    "stored_row_parses": ("baris {table} yang dapat dibaca ({why}); tarik laporan itu (python -m dashboard db withdraw N) "
                          "atau pulihkan basis data dari cadangan",
                          "a {table} row that can be read ({why}); withdraw that report (python -m dashboard db withdraw N) "
                          "or restore the database from a backup"),
    "db_url": ("URL basis data SQLAlchemy ({why})", "a SQLAlchemy database URL ({why})"),
    "db_open": ("basis data yang dapat dibuka dan ditulis aplikasi ({why})",
                "a database the app can open and write ({why})"),
    "report_number": ("nomor laporan yang tersimpan", "the number of a stored report"),
    # -- proof beside a report (issue 42 §3; the files themselves: attachment_* below) -----------
    "proof_limit": ("paling banyak {n} berkas bukti per laporan (laporan ini sudah punya {have})",
                    "at most {n} files of proof per report (this report has {have} already)"),
    "proof_twice": ("berkas yang belum terlampir pada laporan ini (sama dengan lampiran #{id})",
                    "a file not attached to this report yet (the same as attachment #{id})"),
    "proof_number": ("nomor lampiran bukti yang tersimpan dan belum dihapus",
                     "the number of a stored file of proof that is not removed"),
    "proof_report_active": ("laporan yang aktif (laporan yang ditarik tidak diberi bukti baru)",
                            "an active report (a withdrawn report takes no new proof)"),
    "proof_file": ("berkas JPEG, PNG atau PDF yang ada", "an existing JPEG, PNG or PDF file"),
    "proof_which": ("nomor lampiran yang ditulis (--attachment N): ada lebih dari satu atau tidak ada",
                         "the attachment's number (--attachment N): there is more than one, or none"),
    "proof_reason": ("alasan bukti dihapus (disimpan di riwayat)", "why the proof is removed (kept in its history)"),
    "report_unchanged": ("laporan yang belum berubah sejak Anda membukanya: orang lain baru saja menyimpannya; buka "
                         "lagi lalu ulangi perubahan Anda",
                         "unchanged since you opened it: someone else saved it meanwhile; reopen it and apply your "
                         "change again"),
    "election_id_unused": ("ID pemilihan yang belum dipakai (untuk mengoreksi pemilihan ini, pilih di daftar)",
                           "an election id not used yet (to correct this election, choose it in the list)"),
    "election_unchanged": ("pemilihan yang belum berubah sejak Anda membukanya: orang lain baru saja menyimpannya; "
                           "buka lagi lalu ulangi",
                           "an election unchanged since you opened it: someone else saved it meanwhile; open it "
                           "again and apply your change"),

    # -- the sheet (Impor) ------------------------------------------------------------------------
    "signatory_cell": ("kelompok[:jumlah][:semua], jumlah ditulis dengan angka 0-9 (paling banyak 9 angka), mis. "
                       "kepala_desa:12:semua",
                       "group[:count][:semua], count a whole number written with the digits 0-9 (at most 9 of them)"),
    "readiness_cell": ("persen@TTTT-BB-HH[:yang diukur], persen angka 0–100, mis. 90@2024-11-20",
                       "percent@YYYY-MM-DD[:measure], percent a number 0–100"),
    "sheet_file": ("berkas CSV atau XLSX dengan baris judul kolom dan minimal satu upacara (unduh templatnya)",
                   "a CSV or XLSX file with a header row and at least one ceremony"),
    "file_at_most_mb": ("paling besar {mb} MB (bagi lembarnya menjadi beberapa berkas)", "at most {mb} MB (split the sheet)"),
    "csv_or_xlsx": ("berkas .csv atau .xlsx", "a .csv or .xlsx file"),
    "csv_or_xlsx_exists": ("berkas .csv atau .xlsx yang ada", "a .csv or .xlsx file that exists"),
    "template_column": ("kolom dari templat: {columns}. Judul kolom harus di baris pertama; simpan dengan pemisah "
                        "koma atau titik koma", "a column of the template: {columns}"),
    "required_column": ("kolom bernama '{column}' (wajib). Judul kolom harus di baris pertama",
                        "a column named '{column}' (required)"),
    "some_rows": ("minimal satu baris data di bawah judul kolom", "at least one data row under the header"),
    "rows_at_most": ("paling banyak {n} baris data per berkas (bagi lembarnya)",
                     "at most {n} data rows per file (split the sheet)"),
    "sheet_rows_at_most": ("paling banyak {n} baris data per berkas dan {rows} baris di lembar, termasuk yang "
                           "kosong (bagi lembarnya, atau hapus baris kosong di bawahnya)",
                           "at most {n} data rows per file, and at most {rows} rows in the sheet, blank ones "
                           "included (split the sheet, or delete the blank rows under it)"),
    "cell_at_most": ("paling banyak {n} karakter per sel", "at most {n} characters in a cell"),
    "cell_at_most_has": ("paling banyak {n} karakter per sel (sel ini berisi {has})",
                         "at most {n} characters in a cell (this one has {has})"),
    "csv_text": ('teks CSV dengan paling banyak {n} karakter per sel (simpan ulang lembarnya sebagai "CSV UTF-8")',
                 "CSV text whose cells have at most {n} characters and no NUL bytes (save the sheet again as CSV UTF-8)"),
    "xlsx_book": ("buku kerja Excel (.xlsx) yang disimpan dari templat, dengan lembar berisi judul kolom dan upacara",
                  "an Excel workbook (.xlsx) saved from the template"),
    "xlsx_sheet": ("buku kerja dengan lembar kerja berisi kolom templat (berkas ini tidak punya lembar kerja)",
                   "a workbook with a worksheet holding the template's columns (this one has no worksheet)"),
    "xlsx_cells": ("paling banyak {row} sel per baris dan {sheet} sel per lembar (templat punya {columns} kolom: "
                   "hapus kolom di kanannya)",
                   "at most {row} cells in a row and {sheet} in the sheet (the template has {columns} columns: "
                   "delete the columns right of them)"),
    "xlsx_parts": (f"buku kerja dengan paling banyak {{n}} bagian ({_SPLIT[0]})",
                   f"a workbook of at most {{n}} parts ({_SPLIT[1]})"),
    "xlsx_part_kb": (f"paling banyak {{kb}} KB untuk bagian itu setelah dibuka ({_SPLIT[0]})",
                     f"at most {{kb}} KB in that part when unpacked ({_SPLIT[1]})"),
    "xlsx_runs": ("paling banyak {n} potongan teks berformat (formatted runs) dalam buku kerja: simpan teksnya tanpa format",
                  "at most {n} formatted runs of text in the workbook: save the text without formatting"),
    "xlsx_strings": (f"paling banyak {{n}} teks berbeda dalam buku kerja ({_SPLIT[0]})",
                     f"at most {{n}} different texts in the workbook ({_SPLIT[1]})"),
    "formula_value": ("nilai: rumus ini belum punya hasil tersimpan (buka berkas di Excel atau LibreOffice lalu "
                      "simpan, atau tempel sebagai nilai)",
                      "a value: this formula has no saved result (open the file in Excel or LibreOffice and save "
                      "it, or paste values)"),
    "excel_cut": ("teks lebih pendek dari batas Excel ({n} karakter): sel ini tepat di batas, jadi mungkin "
                  "terpotong; perpendek",
                  "text shorter than Excel's limit of {n} characters: this cell is at the limit, so it was "
                  "probably cut; shorten it"),
    "text_encoding": ('teks UTF-8 atau Windows-1252 (simpan CSV sebagai "CSV UTF-8")',
                      'UTF-8 or Windows-1252 text (save the CSV as "CSV UTF-8")'),
    "cells_per_row": ("paling banyak {n} sel per baris, satu per kolom templat (sel berisi pemisah atau baris baru "
                      "harus diapit tanda kutip)",
                      "at most {n} cells per row, one per column of the template (a cell with a separator or a "
                      "line break must be in quotes)"),
    "own_row": ("baris Anda sendiri: ini baris contoh dari templat; ganti isinya atau hapus sebelum mengimpor",
                "a row of your own: this is the template's example row; delete it before importing"),

    # -- a report drafted from an article (issue 21) ----------------------------------------------
    "draft_outlet": ("media yang menerbitkan berita (teks tempelan dan berkas tidak menyebutnya): isi kolom 'Media'",
                     "the outlet that published the article (pasted text and saved files name none): write it "
                     "under 'Media'"),
    "draft_published": ("tanggal terbit berita (halaman tidak menyebutnya): isi kolom 'Tanggal terbit'",
                        "the day the article was published (the page gives none): write it under 'Tanggal terbit'"),
    "draft_measure": ("apa yang diukur (mis. 'kesiapan logistik kecamatan'), atau hapus angkanya",
                      "what was measured (e.g. 'kesiapan logistik kecamatan'), or remove the figure"),
    "draft_as_of": ("tanggal angka itu diukur, seperti disebut berita, atau hapus angkanya",
                    "the day the figure was measured, as the article says, or remove the figure"),
    "one_source_record": ("satu sumber bila `--record` diberikan (satu berkas draf per berita)",
                          "one source when --record is given (one draft file per article)"),
    "record_exists": ("berkas sudah ada: draf tidak ditulis di atas catatan yang sudah diperiksa",
                      "the file exists: a draft is never written over a reviewed record"),
    "extract_nothing": ("sebutkan berkas, alamat, - (masukan standar) atau --list", "name a file, a URL, - (stdin) or --list"),
    "list_unreadable": ("daftar tidak terbaca: {why}", "the list cannot be read: {why}"),
    "list_line": ("satu baris 'alamat<TAB>berkas' dengan alamat http(s)",
                  "one 'url<TAB>file' line with an http(s) url"),
    "backup_folder": ("folder tujuan cadangan tidak ada", "the backup's folder does not exist"),
    "backup_missing": ("berkas cadangan tidak ada", "no backup file there"),
    "backup_not_ours": ("bukan berkas cadangan Peta Netralitas ASN (dibuat dengan `python -m dashboard db backup`)",
                        "not a Peta Netralitas ASN backup (made by `python -m dashboard db backup`)"),
    "backup_damaged": ("berkas cadangan rusak atau terpotong: {why}", "the backup is damaged or cut short: {why}"),
    "backup_version": ("format cadangan versi {version}; versi ini membaca versi {supported}",
                       "backup format version {version}; this version reads version {supported}"),
    "restore_not_empty": ("basis data tujuan tidak kosong ({rows}); pulihkan ke basis data kosong, atau tambahkan "
                          "--replace untuk menggantinya seluruhnya",
                          "the target store is not empty ({rows}); restore into an empty one, or add --replace to "
                          "replace it whole"),
    "one_source_url": ("satu sumber bila --url diberikan (alamat sumber itu)",
                       "one source when --url is given (it names that source's address)"),

    # -- articles that cannot be read (extract/article.py, extract/fetch.py) ----------------------
    "art_empty": ("kosong: tidak ada teks untuk dibaca", "empty: no text to read"),
    "art_too_big": ("terlalu besar ({kb} KB > {max_kb} KB): bukan berita", "too large ({kb} KB > {max_kb} KB): not a news article"),
    "art_binary": ("berkas biner, bukan HTML atau teks: berikan halaman berita atau teksnya",
                   "a binary file, not HTML or text: give the article's page or its text"),
    "art_encoding": ("tidak terbaca sebagai teks UTF-8 atau Windows-1252", "not readable as UTF-8 or Windows-1252 text"),
    "art_no_text": ("tidak ada teks artikel di halaman ini", "no article text found in the page"),
    "art_page_complex": ("halaman terlalu rumit ({n} elemen > {max}): bukan halaman berita; unggah teks beritanya",
                         "the page is too complex ({n} elements > {max}): not a news article page; upload the "
                         "article's text"),
    "art_page_long": ("halaman terlalu panjang ({n} karakter teks > {max}): bukan satu berita; tempel teks beritanya",
                      "the page is too long ({n} characters of text > {max}): not one news article; paste the "
                      "article's text"),
    "art_text_long": ("teks terlalu panjang ({n} karakter > {max}): bukan satu berita; tempel satu berita saja",
                      "the text is too long ({n} characters > {max}): not one news article; paste one article"),
    "art_text_short": ("teks terlalu pendek ({n} kata): tidak ada teks artikel untuk dibaca",
                       "the text is too short ({n} words): no article text to read"),
    "art_not_indonesian": ("bukan bahasa Indonesia: aturan pembaca hanya membaca berita berbahasa Indonesia",
                           "not Indonesian: the rules read Indonesian news only"),
    "art_no_fetch_here": ("pengambilan tautan tidak tersedia di sini", "fetching URLs is not available here"),
    "art_no_file": ("berkas tidak ada (berikan URL, berkas .html/.txt, atau - untuk masukan standar)",
                    "no such file (give a URL, an .html/.txt file, or - for standard input)"),
    "url_scheme": ("hanya tautan http:// dan https:// yang diambil, bukan {scheme}",
                   "only http:// and https:// links are fetched, not {scheme}"),
    "url_no_scheme": ("tanpa skema", "no scheme"),
    "url_no_host": ("tautan tidak punya nama host", "the link has no host name"),
    "url_credentials": ("tautan dengan nama pengguna atau kata sandi tidak diambil",
                        "links with a user name or password are not fetched"),
    "url_port": ("port tautan bukan angka 1 sampai 65535", "the link's port is not a number from 1 to 65535"),
    "url_host_unknown": ("host tidak ditemukan ({why}); tanpa internet, unggah halamannya sebagai berkas atau "
                         "tempel teksnya",
                         "host not found ({why}); without internet, upload the page as a file or paste its text"),
    "url_private": ("host mengarah ke alamat non-publik ({ip}, {why}); operator dapat mengizinkan jaringannya di "
                    "PETA_FETCH_ALLOW",
                    "the host resolves to a non-public address ({ip}, {why}); an operator may list its network "
                    "in PETA_FETCH_ALLOW"),
    "url_no_address": ("host tidak ditemukan (tanpa alamat)", "host not found (no address)"),
    "fetch_off": ("pengambilan tautan dimatikan di server ini (PETA_FETCH=off): unggah halamannya atau tempel teksnya",
                  "fetching links is off on this server (PETA_FETCH=off): upload the page or paste its text"),
    "http_status": ("server menjawab HTTP {status}", "the server answered HTTP {status}"),
    "not_html": ("tautan memberi {kind}, bukan halaman HTML atau teks", "the link gives {kind}, not an HTML page or text"),
    "page_at_most_mb": ("halaman lebih besar dari {mb} MB", "the page is larger than {mb} MB"),
    "fetch_slow": ("server butuh lebih dari {s} detik untuk mengirim halaman",
                   "the server took longer than {s} s to send the page"),
    "fetch_failed": ("tidak dapat diambil ({why}); tanpa internet, unggah halamannya sebagai berkas",
                     "could not fetch ({why}); without internet, upload the page as a file"),
    "too_many_redirects": ("lebih dari {n} pengalihan", "more than {n} redirects"),

    # -- what the article reader is unsure of (a draft's notes, shown to its reviewer) -------------
    "note_no_region": ("tidak ada nama wilayah yang dikenali", "no region name recognised"),
    "note_no_region_level": ("tidak ada nama {level} yang dikenali", "no {level} name recognised"),
    "note_same_name": ("{n} wilayah bernama sama; pilih yang benar", "{n} regions share the name; pick the right one"),
    "note_name_inexact": ("nama tidak persis sama dengan data wilayah", "the name is not exactly the boundary data's"),
    "note_no_such_date": ("tanggal tidak ada: {day}/{month}/{year}", "no such date: {day}/{month}/{year}"),
    "note_no_year": ("tahun tidak disebut dan tanggal terbit tidak diketahui",
                     "no year given and the publication day is not known"),
    "note_weekday_mismatch": ("hari {stated} tidak cocok dengan {date} (hari {actual})",
                              "{stated} does not match {date} (a {actual})"),
    "note_date_earlier": ("berita menyebut upacara diadakan beberapa waktu lalu: tanggal yang tertulis mungkin hari lain",
                          "the article says the ceremony was held some time ago: the date it writes may be another day's"),
    "note_year_from_published": ("tahun disimpulkan dari tanggal terbit", "year inferred from the publication day"),
    "note_year_from": ("tahun diambil dari {where}", "year taken from {where}"),
    "note_dateline": ("baris tanggal artikel", "the article's dateline"),
    "note_url": ("alamat (URL) artikel", "the article's address (URL)"),
    "note_weekday_only": ("hanya hari ({day}) yang disebut: tanggal dibiarkan kosong sampai pemeriksa memilih",
                          "only the weekday ({day}) is given: the date stays empty until the reviewer picks one"),
    "note_date_skipped": ("tanggal {date} dilewati ({why})", "date {date} skipped ({why})"),
    "note_vote_day": ("hari pemungutan suara", "the voting day"),
    "note_other_date": ("surat atau penetapan", "a letter or an appointment"),
    "note_no_kind": ("tidak ada jenis kegiatan yang dikenali", "no kind of ceremony recognised"),
    "note_kind_not_neutral": ("jenis disebut di kalimat yang tidak menyebut netralitas",
                              "the kind is named in a sentence that does not mention neutrality"),
    "note_other_pakta": ("pakta integritas tentang hal lain, bukan netralitas",
                         "a pakta integritas about something else, not neutrality"),
    "note_no_neutrality": ("tidak menyebut netralitas", "neutrality is not mentioned"),
    "note_no_ceremony_kind": ("bukan upacara? tidak ada ikrar, deklarasi, pakta, apel atau sosialisasi yang disebut",
                              "not a ceremony? no ikrar, deklarasi, pakta, apel or sosialisasi is named"),
    "note_not_held": ("bukan upacara? kegiatan disebut tetapi tidak dilaporkan terlaksana (imbauan atau pengingat)",
                      "not a ceremony? an event is named but not reported as held (an appeal or a reminder)"),
    "note_other_pakta_q": ("bukan upacara? pakta integritas tentang hal lain",
                           "not a ceremony? a pakta integritas about something else"),
    "note_planned": ("bukan upacara? kegiatan baru direncanakan, belum terlaksana",
                     "not a ceremony? the event is planned, not yet held"),
    "note_more_appeals": ("lebih banyak imbauan daripada laporan kegiatan", "more appeals than reports of an event"),
    "note_title_silent": ("judul tidak menyebut kegiatan netralitas", "the title does not name a neutrality event"),
    "note_no_leader": ("tidak ada pemimpin (camat, bupati, wali kota, sekda, gubernur) yang disebut",
                       "no leader (camat, bupati, wali kota, sekda, gubernur) is named"),
    "note_leader_unsaid": ("pemimpin tidak disebut dengan kata 'memimpin'/'dipimpin'",
                           "the leader is not named with 'memimpin'/'dipimpin' (led)"),
    "note_leaders_several": ("lebih dari satu pejabat disebut memimpin", "more than one official is said to lead"),
    "note_no_signatories": ("tidak disebut siapa yang menandatangani atau berikrar",
                            "it does not say who signed or pledged"),
    "note_check_signatories": ("periksa kelompok, jumlah dan 'seluruh' (semua) pada kalimatnya",
                               "check the group, the count and 'seluruh' (all) in its sentence"),
    "note_witnesses": ("saksi dibaca dari kalimat 'dihadiri'/'disaksikan'; periksa",
                       "witnesses read from 'dihadiri'/'disaksikan' sentences; check them"),
    "note_categories": ("usulan kategori; tuliskan komitmennya dengan kata-kata sendiri",
                        "suggested categories; write the commitments in your own words"),
    "note_readiness": ("tulis apa yang diukur dan per tanggal berapa", "write what was measured and as of which day"),
    "note_no_election": ("pemilihan tidak disebut", "no election is named"),
    "note_next_election": ("pemilihan tidak disebut: dipilih pemilihan terdekat setelah tanggal kegiatan",
                           "no election is named: the next one after the ceremony's day is offered"),
    "note_no_election_kind": ("tidak ada pemilihan jenis {kind} di kalender", "no {kind} election in the calendar"),
    "note_kinds_unsettled": ("jenis kegiatan perlu dicek: judul tidak menyebut setiap jenis, ada kata jenis lain, "
                             "rencana, atau penandatanganan tanpa nama dokumennya",
                             "check the kinds: the headline does not name each kind, or the article has another "
                             "kind word, a plan, or a signing without naming what was signed"),
    "note_only_assembly": ("hanya apel/upacara tanpa ikrar, penandatanganan atau sosialisasi: apakah seluruh "
                           "amanatnya tentang netralitas?",
                           "only an apel or upacara, with no pledge, signing or sosialisasi: was its whole "
                           "address about neutrality?"),
    "note_elections_apart": ("tidak setiap pemilihan disebut di judul atau di kalimat kegiatannya: periksa untuk "
                             "pemilihan mana ikrar ini",
                             "not every election is named in the headline or the ceremony's sentences: check which "
                             "election the pledge is for"),
    "note_leader_represented": ("pemimpin perlu dicek: ada yang mewakili, atau nama hanya terbaca dari judul",
                                "check the leader: someone stood in, or the name is read from the headline only"),
    "note_leader_attending": ("hanya pejabat yang hadir, menyaksikan atau diwakili yang disebut: tidak ada yang "
                              "disebut memimpin; pilih dari daftar bila salah satunya memimpin",
                              "only officials who attended, witnessed or were stood in for are named: none is said "
                              "to lead; pick one from the list if one of them led"),
    "note_leader_delegation": ("pemimpin perlu dicek: kata 'dipimpin' menyusul daftar yang hadir; mungkin ia "
                               "memimpin rombongan, bukan kegiatannya",
                               "check the leader: 'dipimpin' follows a list of who attended; they may have led the "
                               "officials attending, not the event"),
    "note_role_place": ("jabatan perlu dicek: daerahnya tidak tertulis di sebelah jabatan, atau diambil dari "
                        "daerah yang belum pasti",
                        "check the role: its region is not written beside it, or is taken from a region not yet "
                        "sure"),
    "note_election_year": ("{kind}: tahun pemilihan tidak jelas", "{kind}: the election's year is not clear"),
    "note_election_not_in_calendar": ("{kind} {years} tidak ada di kalender pemilihan: tambahkan dulu bila perlu",
                                      "{kind} {years} is not in the election calendar: add it first if needed"),
    "note_after_vote": ("{kind}: kegiatan sesudah hari pemungutan suara {election}",
                        "{kind}: the event came after the voting day of {election}"),
    "note_date_unsure": ("tanggal upacara belum pasti: pemilihan dipilih dari tahun yang disebut",
                         "the ceremony's day is not certain: the election was chosen from the year named"),

    # -- regions, views, exports, settings, the command line --------------------------------------
    "code_of_loaded": ("kode Kemendagri yang ada di data batas wilayah (mis. 32.01 Kabupaten Bogor, 32.01.01 "
                       "Kecamatan Cibinong); periksa PETA_PROVINCES bila wilayahnya di provinsi lain",
                       "a Kemendagri code present in the boundary data for the loaded provinces (e.g. 32.01 "
                       "Kabupaten Bogor, 32.01.01 Kecamatan Cibinong); check PETA_PROVINCES if the region lies "
                       "elsewhere"),
    "code_example": ("kode Kemendagri, mis. {example} (python -m dashboard geo info menampilkannya)",
                     "a Kemendagri code of the loaded provinces, e.g. {example} (python -m dashboard geo info lists them)"),
    "code_link": ("kode Kemendagri, mis. {example}", "a Kemendagri code of the loaded provinces, e.g. {example}"),
    "name_ambiguous": ("{n} wilayah bernama ini: {listed}. Sebutkan wilayah induknya atau kodenya",
                       "{n} regions have this name: {listed}. Give the parent region or the code"),
    "name_unknown": ("wilayah dari provinsi yang dimuat, menurut nama atau kode Kemendagri (`python -m dashboard geo "
                     "info --parent KODE` menampilkan wilayah di bawahnya); tidak ada yang bernama begitu{where}{hint}",
                     "a region of the loaded provinces, by name or Kemendagri code (`python -m dashboard geo info "
                     "--parent CODE` lists a region's children); none is called that{where}{hint}"),
    "name_under": (" di bawah {code}", " under {code}"),
    "name_hint": ("; mungkin maksudnya: {names}", "; did you mean: {names}"),
    "in_parent": ("{label} ({code}, di {parent})", "{label} ({code}, in {parent})"),
    "provinces_setting": ("`all` atau kode provinsi dipisah koma, di antara: {codes}",
                          "use `all` or comma-separated province codes among: {codes}"),
    "geo_fix": ("isi PETA_GEO_SOURCE dengan alamat sumber atau folder berisi salinan utuh (mis. "
                "../shared/geo/wilayah_boundaries), dan periksa koneksi jaringan",
                "set PETA_GEO_SOURCE to the upstream address or to a directory holding an intact copy "
                "(e.g. ../shared/geo/wilayah_boundaries), and check the network connection"),
    "sha256_mismatch": ("sha256 {sha} (geo/manifest.tsv); berkas ditolak dan tidak disimpan; {fix}",
                        "expected sha256 {sha} (geo/manifest.tsv); the file was refused and not cached; {fix}"),
    "file_with_sha": ("berkas dengan sha256 {sha}; {fix}", "a file with sha256 {sha}; {fix}"),
    "geo_offline": ("batas wilayah yang dapat dibaca: tanpa internet, isi PETA_GEO_SOURCE dengan folder salinannya "
                    "(mis. export PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries), lalu mulai lagi",
                    "boundary files that can be read: offline, set PETA_GEO_SOURCE to the folder holding the mirror "
                    "(e.g. export PETA_GEO_SOURCE=../shared/geo/wilayah_boundaries), then start again"),
    "reachable_with_sha": ("berkas yang dapat diunduh dengan sha256 {sha}; {fix}",
                           "a reachable file with sha256 {sha}; {fix}"),
    "compare_other": ("pemilihan selain yang sedang ditampilkan ({election})",
                      "another election than the one in view ({election})"),
    "compare_needed": ("pemilihan pembanding (Linimasa: 'Bandingkan dengan'; CLI: --compare), salah satu dari: {options}",
                       "an election to compare with (Linimasa: 'Bandingkan dengan'; CLI: --compare), one of: {options}"),
    "map_formats": ("untuk peta: html; untuk grafik ({charts}): {formats}",
                    "for the map (peta): html; for charts ({charts}): {formats}"),
    "browser_path": ("jalur program Chromium (berkas tidak ditemukan)", "the path of a Chromium executable (file not found)"),
    "browser_needed": ("Chromium untuk ekspor gambar: pasang paket Debian `chromium` (bash scripts/install.sh "
                       "memasangnya) atau isi PETA_BROWSER dengan jalurnya",
                       "a Chromium for image export: install Debian's `chromium` (bash scripts/install.sh does) or "
                       "set PETA_BROWSER to its path"),
    "time_zone": ("zona waktu IANA: Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)",
                  "an IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)"),
    "seconds_between": ("bilangan bulat detik, {low} sampai {high}", "a whole number of seconds, {low} to {high}"),
    "lang_option": ("id atau en", "id or en"),
    "out_folder": ("berkas di folder yang ada", "a file in an existing folder"),
    "out_writable": ("tempat berkas dapat ditulis ({why}); tidak ada yang ditulis",
                     "a place the file can be written ({why}); nothing was written"),
    "out_pdf": ("nama berkas berakhiran .pdf", "a file name ending in .pdf"),
    "password_length": ("paling sedikit 8 karakter", "at least 8 characters"),

    # -- indicators (dashboard/indicators.py) -----------------------------------------------------
    "indicator_id": ("ID indikator: huruf kecil, angka dan tanda hubung (mis. ikp-netralitas-asn)",
                     "an indicator id: lowercase letters, digits and hyphens (e.g. ikp-netralitas-asn)"),
    "indicator_one_kind": ("angka untuk setiap baris indikator ini, atau kelas (rendah, sedang, tinggi) untuk setiap "
                           "barisnya, seperti {where}", "a number on every row of this indicator, or a class (rendah, "
                           "sedang, tinggi) on every row, as {where}"),
    "a_finite_number": ("angka yang terbatas (bukan tak hingga): paling banyak 300 angka", "a finite number (not infinite)"),
    "a_number": ("angka, mis. 62,5 atau 62.5, tanpa pemisah ribuan", "a number, e.g. 62.5 or 62,5, without thousands separators"),
    "not_after_today": ("tanggal yang sudah lewat, paling lambat hari ini ({today}): angka diukur, bukan diramalkan",
                        "a date no later than today ({today}): a figure is measured, not forecast"),
    "indicator_once": ("satu nilai per indikator, wilayah dan tanggal; baris ini sama dengan {where}",
                       "one value per indicator, region and date; this row repeats {where}"),
    "indicator_stored": ("satu nilai per indikator, wilayah dan tanggal: nilai ini sudah tersimpan dari {where} "
                         "(nilai tersimpan tidak ditimpa)",
                         "one value per indicator, region and date: one is already stored from {where} "
                         "(a stored value is never overwritten)"),
    "indicator_name": ("nama yang sama untuk satu ID indikator: '{value}' seperti di {where}",
                       "one name for one indicator id: '{value}' as in {where}"),
    "indicator_known": ("ID indikator yang tersimpan: {options}", "a stored indicator id: {options}"),

    "log_columns": ("log kurasi dengan semua kolomnya: {columns}", "a curation log with all its columns: {columns}"),

    # -- the follow-up letter (dashboard/letter.py, issue 42 §2) -------------------------------------
    "letter_key": ("kunci templat surat, salah satu dari: {options}", "a letter template key, one of: {options}"),
    "letter_mapping": ("pasangan kunci: nilai (lihat dashboard/letter_template.yaml)",
                       "a mapping of keys to values (see dashboard/letter_template.yaml)"),
    "letter_list": ("daftar teks, satu butir per baris yang diawali '- '", "a list of texts, one item per '- ' line"),
    "letter_text": ("teks biasa", "plain text"),
    "letter_items": ("paling banyak {n} butir", "at most {n} items"),
    "letter_chars": ("paling banyak {n} karakter", "at most {n} characters"),
    "letter_placeholder": ("tempat isian yang dikenal: {options}", "a known placeholder: {options}"),
    "letter_file": ("berkas templat yang ada dan dapat dibaca, paling besar {kb} KB",
                    "a template file that exists and can be read, of at most {kb} KB"),
    "letter_logo": ("berkas logo PNG atau JPEG yang ada, paling besar {kb} KB",
                    "an existing PNG or JPEG logo file of at most {kb} KB"),
    "letter_out": ("nama berkas berakhiran .docx atau .pdf", "a file name ending in .docx or .pdf"),
    "letter_print": ("Chromium yang mencetak surat menjadi PDF ({why})", "a Chromium that prints the letter to PDF ({why})"),

    # -- a report's proof files (dashboard/attachments.py, io/images.py, io/pdf_thumbnail.py; issue 42 §3) -----
    "attachment_empty": ("{name} kosong (0 bita): lampirkan foto JPEG atau PNG, atau PDF, paling besar {max_mb} MB",
                         "{name} is empty (0 bytes): attach a JPEG or PNG photo, or a PDF, of at most {max_mb} MB"),
    "attachment_too_big": ("{name} berukuran {mb} MB: lampiran JPEG, PNG atau PDF paling besar {max_mb} MB (perkecil "
                           "fotonya, atau pindai ulang dengan resolusi lebih rendah)",
                           "{name} is {mb} MB: a JPEG, PNG or PDF attachment of at most {max_mb} MB (make the photo "
                           "smaller, or scan it again at a lower resolution)"),
    "attachment_type": ("{name} berisi {found}, bukan JPEG, PNG atau PDF (jenisnya dibaca dari isi berkas, bukan dari "
                        "akhiran namanya): simpan ulang sebagai JPEG, PNG atau PDF, paling besar {max_mb} MB",
                        "{name} holds {found}, not JPEG, PNG or PDF (the type is read from the content, not from the "
                        "name's extension): save it again as JPEG, PNG or PDF of at most {max_mb} MB"),
    "attachment_found_text": ("teks", "text"),
    "attachment_found_unknown": ("isi yang tidak dikenal", "content of no known type"),
    "attachment_pixels": ("{name} adalah gambar {pixels} piksel (±{mp} MP); gambar paling banyak {max_pixels} piksel "
                          "(±{max_mp} MP, cukup untuk foto ponsel 50 MP): perkecil gambarnya lalu lampirkan lagi",
                          "{name} is an image of {pixels} pixels (about {mp} MP); an image of at most {max_pixels} "
                          "pixels (about {max_mp} MP, enough for a 50 MP phone photo): make it smaller and attach it "
                          "again"),
    "attachment_broken": ("{name} tidak dapat dibaca sebagai {kind} ({why}): gambarnya terpotong atau rusak; lampirkan "
                          "lagi foto atau pindaian aslinya",
                          "{name} cannot be read as {kind} ({why}): the image is cut short or damaged; attach the "
                          "original photo or scan again"),
    "attachment_pdf_unreadable": ("{name} tidak dapat dibuka sebagai PDF ({why}): lampirkan PDF yang terbuka di "
                                  "pembaca PDF, atau foto JPEG atau PNG",
                                  "{name} cannot be opened as a PDF ({why}): attach a PDF that opens in a PDF reader, "
                                  "or a JPEG or PNG photo"),
    "attachment_pdf_locked": ("{name} terkunci atau terenkripsi sehingga tidak dapat diperiksa: lampirkan PDF tanpa "
                              "kata sandi (mis. cetak ulang ke PDF), atau foto JPEG atau PNG",
                              "{name} is locked or encrypted, so it cannot be checked: attach a PDF without a password "
                              "(e.g. print it to PDF again), or a JPEG or PNG photo"),
    "attachment_pdf_pages": ("{name} memuat {pages} halaman: PDF lampiran memuat 1 sampai {max_pages} halaman (pakta "
                             "integritas biasanya satu atau dua halaman)",
                             "{name} has {pages} pages: a PDF attachment has 1 to {max_pages} pages (a pakta integritas "
                             "is usually one or two)"),
    "attachment_pdf_timeout": ("halaman pertama {name} tidak selesai digambar dalam {seconds} detik, jadi PDF ini tidak "
                               "disimpan (PDF yang tidak dapat ditampilkan tidak diterima): simpan ulang PDF-nya "
                               "(mis. cetak ke PDF) atau lampirkan foto JPEG atau PNG",
                               "the first page of {name} was not drawn within {seconds} seconds, so this PDF is not "
                               "kept (a PDF that cannot be shown is refused): save the PDF again (e.g. print it to "
                               "PDF) or attach a JPEG or PNG photo"),
    "attachment_pdf_render": ("halaman pertama {name} tidak dapat digambar ({why}), jadi PDF ini tidak disimpan: simpan "
                              "ulang PDF-nya (mis. cetak ke PDF) atau lampirkan foto JPEG atau PNG",
                              "the first page of {name} could not be drawn ({why}), so this PDF is not kept: save the "
                              "PDF again (e.g. print it to PDF) or attach a JPEG or PNG photo"),
    "attachment_pdftoppm": ("program {program} (paket poppler-utils) terpasang di server untuk menggambar halaman "
                            "pertama {name}: minta pengelola server memasangnya",
                            "the {program} program (package poppler-utils) installed on the server, to draw the first "
                            "page of {name}: ask the server's operator to install it"),
}
