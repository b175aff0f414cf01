"""Common short names of provinces and kabupaten/kota, as regional news and staff write them.

Each maps to the region's name exactly as the gazetteer spells it. Only unambiguous
abbreviations are listed (``Mura`` is both Musi Rawas and Murung Raya, so it is not); a test
resolves every entry to exactly one region, so a wrong entry fails loudly. Add a line to add one.
"""

ABBREVIATIONS: dict[str, str] = {
    # provinces
    "babel": "Kepulauan Bangka Belitung", "bangka belitung": "Kepulauan Bangka Belitung",
    "kepri": "Kepulauan Riau", "sumut": "Sumatera Utara", "pbd": "Papua Barat Daya",
    "sumbar": "Sumatera Barat", "sumsel": "Sumatera Selatan", "kalbar": "Kalimantan Barat",
    "kalteng": "Kalimantan Tengah", "kalsel": "Kalimantan Selatan", "kaltim": "Kalimantan Timur",
    "kaltara": "Kalimantan Utara", "sulut": "Sulawesi Utara", "sulteng": "Sulawesi Tengah",
    "sulsel": "Sulawesi Selatan", "sultra": "Sulawesi Tenggara", "sulbar": "Sulawesi Barat",
    "jabar": "Jawa Barat", "jateng": "Jawa Tengah", "jatim": "Jawa Timur", "ntb": "Nusa Tenggara Barat",
    "ntt": "Nusa Tenggara Timur", "malut": "Maluku Utara", "jakarta": "Daerah Khusus Ibukota Jakarta",
    "yogyakarta": "Daerah Istimewa Yogyakarta",
    # DKI Jakarta
    "jakpus": "Kota Administrasi Jakarta Pusat", "jakut": "Kota Administrasi Jakarta Utara",
    "jakbar": "Kota Administrasi Jakarta Barat", "jaksel": "Kota Administrasi Jakarta Selatan",
    "jaktim": "Kota Administrasi Jakarta Timur",
    # kabupaten
    "kukar": "Kabupaten Kutai Kartanegara", "kutim": "Kabupaten Kutai Timur", "kubar": "Kabupaten Kutai Barat",
    "ppu": "Kabupaten Penajam Paser Utara", "minut": "Kabupaten Minahasa Utara",
    "minsel": "Kabupaten Minahasa Selatan", "mitra": "Kabupaten Minahasa Tenggara",
    "kotim": "Kabupaten Kotawaringin Timur", "kobar": "Kabupaten Kotawaringin Barat",
    "lamsel": "Kabupaten Lampung Selatan", "lamtim": "Kabupaten Lampung Timur",
    "lamteng": "Kabupaten Lampung Tengah", "lampura": "Kabupaten Lampung Utara",
    "lambar": "Kabupaten Lampung Barat", "tubaba": "Kabupaten Tulang Bawang Barat",
    "sergai": "Kabupaten Serdang Bedagai", "labusel": "Kabupaten Labuhanbatu Selatan",
    "labura": "Kabupaten Labuhanbatu Utara", "taput": "Kabupaten Tapanuli Utara",
    "tapteng": "Kabupaten Tapanuli Tengah", "tapsel": "Kabupaten Tapanuli Selatan",
    "madina": "Kabupaten Mandailing Natal", "humbahas": "Kabupaten Humbang Hasundutan",
    "inhu": "Kabupaten Indragiri Hulu", "inhil": "Kabupaten Indragiri Hilir",
    "kuansing": "Kabupaten Kuantan Singingi", "rohul": "Kabupaten Rokan Hulu", "rohil": "Kabupaten Rokan Hilir",
    "oku": "Kabupaten Ogan Komering Ulu", "oki": "Kabupaten Ogan Komering Ilir",
    "muba": "Kabupaten Musi Banyuasin", "kbb": "Kabupaten Bandung Barat",
    "tts": "Kabupaten Timor Tengah Selatan", "ttu": "Kabupaten Timor Tengah Utara",
    "mabar": "Kabupaten Manggarai Barat", "matim": "Kabupaten Manggarai Timur",
    "hsu": "Kabupaten Hulu Sungai Utara", "hst": "Kabupaten Hulu Sungai Tengah",
    "hss": "Kabupaten Hulu Sungai Selatan", "sidrap": "Kabupaten Sidenreng Rappang",
    "pangkep": "Kabupaten Pangkajene dan Kepulauan", "polman": "Kabupaten Polewali Mandar",
    "konsel": "Kabupaten Konawe Selatan", "konut": "Kabupaten Konawe Utara",
    "kolut": "Kabupaten Kolaka Utara", "koltim": "Kabupaten Kolaka Timur",
    "lobar": "Kabupaten Lombok Barat", "loteng": "Kabupaten Lombok Tengah", "lotim": "Kabupaten Lombok Timur",
    # seen in the national record's articles (issue 38): a short name right after a title
    "gumas": "Kabupaten Gunung Mas", "batola": "Kabupaten Barito Kuala", "mahulu": "Kabupaten Mahakam Ulu",
    "halteng": "Kabupaten Halmahera Tengah", "halsel": "Kabupaten Halmahera Selatan",
    "halut": "Kabupaten Halmahera Utara", "halbar": "Kabupaten Halmahera Barat",
    "haltim": "Kabupaten Halmahera Timur", "kepsul": "Kabupaten Kepulauan Sula",
    "tanjabbar": "Kabupaten Tanjung Jabung Barat", "tanjabtim": "Kabupaten Tanjung Jabung Timur",
    "abdya": "Kabupaten Aceh Barat Daya", "busel": "Kabupaten Buton Selatan",
    "bolmong": "Kabupaten Bolaang Mongondow", "pasbar": "Kabupaten Pasaman Barat",
    "mateng": "Kabupaten Mamuju Tengah", "pali": "Kabupaten Penukal Abab Lematang Ilir",
    "bursel": "Kabupaten Buru Selatan", "barsel": "Kabupaten Barito Selatan", "mubar": "Kabupaten Muna Barat",
    "bateng": "Kabupaten Bangka Tengah",
}
