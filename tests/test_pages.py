"""One AppTest per page: it renders without exception, and changing election,
region or as-of date changes the numbers shown (issue 4 §6)."""

import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

from .conftest import DATA, ROOT


def open_page(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page != "ringkasan":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


# AppTest does not keep st.dataframe keys, so tables are read by their order on the page.


def metric(at, label_start):
    return next(m.value for m in at.metric if m.label.startswith(label_start))


def test_ringkasan_numbers_follow_controls():
    at = open_page("ringkasan", election="pilkada-2024", region="32.01", as_of="2024-11-12")
    assert metric(at, "Hitung mundur") == "H-15"
    assert metric(at, "Kecamatan terjangkau") == "2 / 40"
    # issue 20: Kab. Bogor's tile does not present Cibinong's 90 % as the kabupaten's: it counts the
    # units that reported and names the latest one
    assert metric(at, "Wilayah melapor") == "1"
    assert any("Terakhir: Kec. Cibinong 90 % · 12 Nov 2024" in m.value.replace("\\", "") for m in at.markdown)
    assert not any(m.label.startswith("Kesiapan dilaporkan") for m in at.metric)
    assert any("15 hari menjelang Pilkada Serentak 2024" in m.value for m in at.markdown)
    at.date_input(key="as_of").set_value(dt.date(2024, 11, 1)).run()
    assert metric(at, "Kecamatan terjangkau") == "1 / 40" and metric(at, "Hitung mundur") == "H-26"
    at.selectbox(key="election").set_value("pemilu-2024").run()
    # a new election takes its own default as-of date: its election day, now past
    assert metric(at, "Hitung mundur") == "H" and metric(at, "Kecamatan terjangkau") == "1 / 40"
    assert at.date_input(key="as_of").value == dt.date(2024, 2, 14)
    at.selectbox(key="region_l1").set_value("32.75").run()
    assert metric(at, "Kecamatan terjangkau") == "0 / 12"
    assert any("tanpa tanggal" in i.value for i in at.info)
    assert at.query_params["region"] == ["32.75"] or at.query_params["region"] == "32.75"


def test_ringkasan_english_and_election_day():
    at = open_page("ringkasan", election="pilkada-2024", region="36.02", as_of="2024-11-27", lang="en")
    assert metric(at, "Countdown") == "Today"  # not a bare "H", which means nothing in English
    assert any(m.value == "**Election day**" for m in at.markdown)
    assert metric(at, "Districts reached") == "28 / 28"


def test_peta_renders_and_drills():
    at = open_page("peta", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    table = at.dataframe[0].value
    assert len(table) == 40
    assert table.set_index("Kode").loc["32.01.01", "Status"] == "Ikrar sendiri"
    at.selectbox(key="focus").set_value("32.01.01").run()
    at.button(key="open_unit").click().run()  # the panel's button opens the unit's own map
    table = at.dataframe[0].value
    assert len(table) == 13 and set(table["Status"]) == {"Tingkat pimpinan saja"}
    assert at.selectbox(key="focus").value == "32.01.01"  # the panel now describes the open region
    at.button(key="crumb_32").click().run()
    assert len(at.dataframe[0].value) == 27


def _panel(at) -> str:
    """The detail panel's text as written (markdown and captions), in page order."""
    return "\n".join(e.value for e in at.main if getattr(e, "type", "") in ("markdown", "caption")
                     and hasattr(e, "value")).replace("\u00a0", " ")  # non-breaking spaces read as spaces


def test_peta_panel_names_the_clicked_units_ceremonies_and_sources():
    """Issue 13 §2: a click on a unit shows beside the map its numbers and every ceremony that
    reaches it, why it counts, and the news sources that report it; the region in view first."""
    at = open_page("peta", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    assert at.selectbox(key="focus").value == "32.01"
    raw = "\n".join(e.value for e in at.main if getattr(e, "type", "") == "markdown")
    assert "2\u00a0/\u00a040 \\(5\u00a0%\\)" in raw  # issue 24 §3: no line break inside "(5 %)"
    text = _panel(at)
    assert "#### Kabupaten Bogor" in text and "2 / 40 \\(5 %\\)" in text and "Pemda belum berikrar" in text
    assert "Di wilayah bawahannya" in text and "Kec\\. Rancabungur" in text
    at.session_state["map"] = {"click": "32.01.01", "n": 1}
    at.run()
    assert at.selectbox(key="focus").value == "32.01.01" and _map_args(at)["focus"] == "32.01.01"
    # the tooltip is a glance: how many ceremonies; the panel has them with their sources
    assert ["Upacara komitmen", "1 · klik untuk rincian"] in _map_args(at)["units"]["32.01.01"]["tip"]
    text = _panel(at)
    assert "#### Kec\\. Cibinong" in text and "Status: **Ikrar sendiri**" in text and "**90 %**" in text
    assert "Diadakan oleh wilayah ini" in text and "Selasa, 12 November 2024" in text
    # issue 36: each source is a link to its article (outlet · title · date), the label escaped
    assert "Sumber: [NewsBogor \\(NBC\\)](https://newsbogor.example/cibinong-pakta)" in text
    assert "Pakta Integritas Sikap Netralitas" in text
    assert at.query_params["region"] in ("32.01", ["32.01"])  # a click shows; it does not open
    at.session_state["map"] = {"click": "32.01.24", "n": 2}
    at.run()
    text = _panel(at)
    assert "#### Kec\\. Ciawi" in text and "Belum ada upacara" in text and "belum ada upacara tercatat" in text
    from dashboard.ui import unit_panel

    at.session_state["map"] = {"click": "32.01", "n": 3}  # not drawn (its kecamatan are): the picker's first entry
    at.run()
    assert at.selectbox(key="focus").value == "32.01"
    limit, unit_panel.LIMIT = unit_panel.LIMIT, 1  # more ceremonies than the panel describes
    try:
        at.run()
        assert "Rancabungur" not in _panel(at)
        at.button(key="detail_more").click().run()  # … are all on the Data page, for the same region
        assert len(at.dataframe[0].value) == 2 and "Data" in at.title[0].value
    finally:
        unit_panel.LIMIT = limit
    at.switch_page("app_pages/peta.py").run()
    at.session_state["map"] = {"open": "32.01.01", "n": 4}  # a double click opens it
    at.run()
    assert at.query_params["region"] in ("32.01.01", ["32.01.01"]) and len(at.dataframe[0].value) == 13


def _map_args(at) -> dict:
    import json

    (el,) = at.get("component_instance")
    assert el.proto.component_name.endswith("peta_map")
    return json.loads(el.proto.json_args)


def test_peta_map_sends_geometry_once_then_only_colours():
    """The map component gets a view's geometry once; a change of date sends colours only; a
    frame that lost the geometry asks and gets it; a double click on a unit goes down into it."""
    at = open_page("peta", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    first = _map_args(at)
    assert first["geometry"]["type"] == "FeatureCollection" and len(first["geometry"]["features"]) == 40
    assert first["units"]["32.01.01"]["fill"] == "#08519c"
    at.date_input(key="as_of").set_value(dt.date(2024, 11, 1)).run()
    later = _map_args(at)
    assert later["geometry"] is None and later["geo_id"] == first["geo_id"]
    assert later["units"]["32.01.01"]["fill"] == "#e6e6e6"  # Cibinong's apel was on 12 November
    at.session_state["map"] = {"need": later["geo_id"], "n": 1}
    at.run()
    assert _map_args(at)["geometry"] is not None
    at.run()
    assert _map_args(at)["geometry"] is None  # asked once, sent once
    at.session_state["map"] = {"open": "32.01.01", "n": 2}
    at.run()
    assert at.query_params["region"] == "32.01.01" and len(at.dataframe[0].value) == 13
    down = _map_args(at)
    assert down["geo_id"] != first["geo_id"] and len(down["geometry"]["features"]) == 13


def test_kesiapan_changes_with_region_and_date():
    at = open_page("kesiapan", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    t = at.dataframe[0].value.set_index("Kode")
    assert t.loc["32.01.01", "Kesiapan dilaporkan"] == "90 %"
    assert t.loc["32.01.01", "Kategori komitmen"] == "63,6 %"
    assert len(at.dataframe[1].value) == 1
    at.date_input(key="as_of").set_value(dt.date(2024, 11, 1)).run()
    t = at.dataframe[0].value.set_index("Kode")
    assert t.loc["32.01.01", "Kategori komitmen"] == "0 %"


def test_linimasa_lists_dated_and_undated():
    at = open_page("linimasa", election="pilkada-2024", region="32", as_of="2024-11-27")
    rows = at.dataframe[0].value
    assert list(rows["Wilayah"]) == ["Kec. Cibinong", "Kec. Rancabungur"]
    assert any("Kota Bekasi" in m.value for m in at.markdown)
    at.radio(key="axis").set_value("h").run()
    assert not at.exception
    at.selectbox(key="region_l0").set_value("36").run()
    assert list(at.dataframe[0].value["Wilayah"]) == ["Kabupaten Lebak"]


def test_data_filters_and_download():
    at = open_page("data", election="pilkada-2024")
    assert len(at.dataframe[0].value) == 4
    at.multiselect(key="filter_kinds").set_value(["sosialisasi"]).run()
    table = at.dataframe[0].value
    assert list(table["Wilayah"]) == ["Kota Bekasi"] and "Rilisinfo.com" in table.iloc[0]["Sumber"]
    at.selectbox(key="election").set_value("pemilu-2024").run()
    at.multiselect(key="filter_kinds").set_value([]).run()
    assert len(at.dataframe[0].value) == 3  # Cibinong concerned only the Pilkada


def test_data_page_shows_a_page_of_rows_and_downloads_them_all(monkeypatch):
    """Issue 39: the Data page builds rows for the page it shows (a picker says which rows of how
    many, and the pages hold every row once); a text filter reads whole columns (a day as written,
    a kind's name, an outlet)."""
    from dashboard.ui import page

    monkeypatch.setattr(page, "PAGE_ROWS", 3)
    at = open_page("data", election="pilkada-2024")
    assert len(at.dataframe[0].value) == 3
    picker = at.selectbox(key="records_page")
    assert picker.options == ["baris 1–3 dari 4", "baris 4–4 dari 4"]
    first = list(at.dataframe[0].value["Wilayah"])
    picker.set_value(2).run()
    second = list(at.dataframe[0].value["Wilayah"])
    assert len(second) == 1 and len(set(first) | set(second)) == 4
    for needle, expect in (("november 2024", {"Kec. Cibinong"}), ("sosialisasi", {"Kota Bekasi"}),
                           ("newsbogor", {"Kec. Cibinong"})):
        at.text_input(key="filter_text").set_value(needle).run()
        assert set(at.dataframe[0].value["Wilayah"]) == expect, needle
    at.text_input(key="filter_text").set_value("").run()
    assert "4 upacara ditampilkan" in " ".join(c.value for c in at.caption)


def test_bad_data_shows_one_clear_error(tmp_path, monkeypatch):
    import shutil
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "ceremonies" / "rusak.yaml").write_text("id: rusak\nregion: '32.01'\n", encoding="utf-8")
    monkeypatch.setenv("PETA_DATA_DIR", str(tmp_path / "data"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert not at.exception
    shown = at.error[0].value.replace("\\", "")  # data text is markdown-escaped: compare what renders
    assert len(at.error) == 1 and "rusak.yaml" in shown and "tingkat wilayah: tertulis (kosong)" in shown
    assert any("berkas data" in i.value for i in at.info)  # a file to fix, not a stored report to withdraw


def test_markup_from_data_is_shown_as_text():
    """Issue 11 §1: a markdown image or link in a data value shows as characters, never loads."""
    from dashboard.ui.safe import bullets, md

    for payload in ("![x](https://example.org/x.png)", "[klik](javascript:alert(1))", "<img src=x onerror=alert(1)>",
                    ":red[merah] $x^2$"):
        escaped = md(payload)
        import re

        assert re.search(r"(?<!\\)[\[\]()<>!:$*_]", escaped) is None, escaped  # every markup character escaped
        assert escaped.replace("\\", "").replace("\u2060", "") == payload  # nothing lost: the same characters show
    assert bullets(["a\nb"]) == "- a b"  # one line per item: a line break in data starts no new row
    # a bare address is not left to the autolinker: it shows, but does not link out
    for bare in ("https://contoh.example/berita", "www.contoh.id/x"):
        assert "://" not in md(bare) and "www." not in md(bare).replace("\\", "")
    # nor an e-mail address (issue 23: it became a mailto: link), with or without mailto:
    for mail in ("humas@pemkab-uji.go.id", "mailto:humas@pemkab-uji.go.id", "xmpp:humas@pemkab-uji.go.id"):
        escaped = md(mail)
        assert re.search(r"[\w.+-]@[\w-]", escaped) is None, escaped
        assert escaped.replace("\\", "").replace("\u2060", "") == mail


def test_bad_link_values_are_named_then_defaults_used():
    at = open_page("ringkasan", election="pilkada-2099", region="32.99", as_of="27/11/2024")
    assert len(at.warning) == 1
    w = at.warning[0].value.replace("\\", "")  # data text is markdown-escaped: compare what renders
    # in the interface language: the field as the sidebar names it, what was written, what is valid
    assert "pemilihan: tertulis pilkada-2099; yang benar: salah satu dari: pemilu-2024, pilkada-2024" in w
    assert "wilayah: tertulis 32.99" in w and "per tanggal: tertulis 27/11/2024" in w and "TTTT-BB-HH" in w
    assert at.caption[0].value.startswith("Indonesia · ")  # fell back to the national view
    at.run()
    assert not at.warning  # said once, not on every rerun


@pytest.mark.parametrize("as_of", ["9999-12-31", "0001-01-01"])
def test_a_date_outside_the_pickers_range_is_named_like_an_impossible_one(as_of):
    """Issue 23: a real date the sidebar cannot show gave a traceback on every page."""
    at = open_page("ringkasan", election="pilkada-2024", region="32.01", as_of=as_of)
    w = at.warning[0].value.replace("\\", "")
    assert f"per tanggal: tertulis {as_of}" in w and "2000-01-01 sampai 2050-12-31" in w, w
    assert at.date_input(key="as_of").value == dt.date(2024, 11, 27)  # the election's default instead
    for page, extra in (("peta", {}), ("ringkasan", {"mode": "briefing"})):  # open_page fails on a traceback
        open_page(page, election="pilkada-2024", region="32.01", as_of=as_of, **extra)


def test_region_search_tolerates_spelling_and_names_a_miss():
    at = open_page("ringkasan", election="pilkada-2024", as_of="2024-11-27")
    at.text_input(key="region_search").set_value("Kab Lebak").run()
    assert at.caption[0].value.startswith("Kabupaten Lebak, Banten · ")
    assert metric(at, "Kecamatan terjangkau") == "28 / 28"
    at.text_input(key="region_search").set_value("Xyzabc").run()
    assert any('"Xyzabc"' in c.value for c in at.sidebar.caption)
    # issue 24 §3: "Bogor" is a kabupaten and a kota: both offered with their province, nothing opened
    at.text_input(key="region_search").set_value("Bogor").run()
    pick = at.radio(key="region_pick")
    assert {"32.01", "32.71"} <= set(pick.options_values if hasattr(pick, "options_values") else pick.options) or \
        {"Kabupaten Bogor, Jawa Barat", "Kota Bogor, Jawa Barat"} <= set(pick.options)
    assert at.caption[0].value.startswith("Kabupaten Lebak, Banten · ")  # still the region opened before
    pick.set_value("32.71").run()
    assert at.caption[0].value.startswith("Kota Bogor, Jawa Barat · ")
    # a near spelling is offered, not opened silently
    at.text_input(key="region_search").set_value("Rancabungr").run()
    assert at.caption[0].value.startswith("Kota Bogor, Jawa Barat · ") and at.radio(key="region_pick").value is None


def _html(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def test_briefing_mode_has_no_sidebar_and_pauses():
    at = open_page("ringkasan", mode="briefing", election="pilkada-2024", region="32.01", as_of="2024-11-12")
    assert len(at.sidebar) == 0 and not at.selectbox  # no controls: the link decides the view
    body = _html(at)
    assert 'data-view="ringkasan"' in body and ">H-15<" in body and "2 / 40" in body
    assert "Data per Selasa, 12 November 2024" in body and "Sumber: NewsBogor (NBC)" in body
    assert "berganti tiap 20 detik" in body  # PETA_BRIEFING_SECONDS default
    at.button(key="b_next").click().run()
    assert 'data-view="peta"' in _html(at)
    at.button(key="b_pause").click().run()
    assert "dijeda" in _html(at) and 'data-view="peta"' in _html(at)
    assert at.query_params["mode"] in ("briefing", ["briefing"])  # the link stays a briefing link


def test_briefing_bad_seconds_is_named():
    at = open_page("ringkasan", mode="briefing", election="pilkada-2024", seconds="2")
    assert any("detik: tertulis 2" in w.value.replace("\\", "") and "5 sampai 600" in w.value for w in at.warning)
    assert "berganti tiap 20 detik" in _html(at)


def test_download_menus_beside_charts_and_map():
    at = open_page("kesiapan", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    buttons = {b.proto.id.rsplit("-", 1)[-1]: b.proto for b in at.get("download_button")}
    for name in ("komitmen", "kategori"):
        for fmt in ("png", "png_square", "svg", "pdf", "csv", "xlsx"):
            b = buttons[f"dl_{name}_{fmt}"]
            assert b.ignore_rerun  # a download never reruns the page
    # beside the Belum berikrar list: the follow-up letter (issue 42 §2)
    for fmt in ("docx", "pdf"):
        b = buttons[f"download_letter_{fmt}"]
        assert b.ignore_rerun and b.label == f"Surat imbauan ({fmt.upper()})" and not b.disabled
    at = open_page("peta", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    ids = {b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")}
    assert {"dl_peta_png", "dl_peta_pdf", "dl_peta_html", "dl_peta_xlsx"} <= ids
    at = open_page("linimasa", election="pilkada-2024", region="32.01")
    assert "dl_linimasa_svg" in {b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")}
    at = open_page("ringkasan", election="pilkada-2024", region="32.01", as_of="2024-11-12")
    pack = next(b.proto for b in at.get("download_button") if b.proto.id.endswith("download_pack"))
    assert pack.ignore_rerun and pack.label == "Unduh bahan pengarahan (PDF)"


def test_a_broken_letter_template_is_named_on_the_page_with_the_letter_buttons_off(tmp_path, monkeypatch):
    own = tmp_path / "surat.yaml"
    own.write_text("subject: Imbauan {calon}\n", encoding="utf-8")
    monkeypatch.setenv("PETA_LETTER_TEMPLATE", str(own))
    at = open_page("kesiapan", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    said = " ".join(e.value for e in at.error).replace("\\", "")  # markdown's escapes
    assert "Templat surat imbauan" in said and "surat.yaml" in said and "subject" in said and "{calon}" in said
    letters = [b.proto for b in at.get("download_button") if "download_letter_" in b.proto.id]
    assert len(letters) == 2 and all(b.disabled for b in letters)


def test_briefing_picks_up_a_new_record_without_reload(tmp_path, monkeypatch):
    """A ceremony file added while the screen is up shows at the next change of view (a fragment
    rerun, not a page reload): Kab. Bogor goes from 2/40 to 3/40."""
    import re
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    at = open_page("ringkasan", mode="briefing", election="pilkada-2024", region="32.01", as_of="2024-11-27")
    assert "2 / 40" in _html(at)
    text = (data / "ceremonies" / "rancabungur-2023-11-10.yaml").read_text(encoding="utf-8")
    text = (text.replace("id: rancabungur-2023-11-10", "id: ciawi-2024-11-20").replace('region: "32.01.34"', 'region: "32.01.24"')
            .replace("date: 2023-11-10", "date: 2024-11-20"))
    text = re.sub(r"date_inferred:.*?(?=\nelections:)", "", text, flags=re.S)  # the date is stated in full
    (data / "ceremonies" / "ciawi-2024-11-20.yaml").write_text(text, encoding="utf-8")
    from dashboard.ui import cache

    cache.changed()  # the fingerprint is checked at most every 5 s: its 5 s have passed
    for _ in range(4):  # round the four views, back to the key numbers, inside the fragment
        at.button(key="b_next").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert 'data-view="ringkasan"' in _html(at) and "3 / 40" in _html(at)


@pytest.fixture
def own_data(tmp_path, monkeypatch):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("peta.db*"))
    monkeypatch.setenv("PETA_DATA_DIR", str(data))
    monkeypatch.delenv("PETA_DB_URL", raising=False)
    return data


def test_entry_page_needs_login_and_right_region(own_data):
    import pandas as pd

    from dashboard.store.editing import User

    at = open_page("catat", election="pilkada-2024", region="32.01.24")
    assert any("Masuk dulu" in i.value for i in at.info)  # anonymous: no form at all
    assert not [b for b in at.button if b.key == "f_withdraw"] and not at.get("form")
    # a kecamatan secretary of Rancabungur is not offered a Ciawi form (issue 13 §4), only a way home
    at.session_state["_user"] = User("sekcam-rancabungur", "32.01.34")
    at.run()
    assert "Simpan" not in [b.label for b in at.button] and not at.get("form")
    assert any("Kec. Rancabungur" in w.value and "Kec. Ciawi" in w.value for w in at.warning)
    at.button(key="f_go_mine").click().run()
    assert at.session_state["region"] == "32.01.34" and "Simpan" in [b.label for b in at.button]
    # the Ciawi secretary can save, and the ceremony shows on the summary at once
    at = open_page("catat", election="pilkada-2024", region="32.01.24")
    at.session_state["_user"] = User("sekcam-ciawi", "32.01.24")
    at.session_state["f_kinds"] = ["apel", "ikrar"]
    at.session_state["f_sources"] = pd.DataFrame([{"outlet": "Radar Bogor"}], columns=["outlet", "title", "url",
                                                                                       "published", "archive", "note"])
    at.run()
    # the editors speak the interface language: headings, not field ids; empty text, not None
    editors = {e.proto.id.rsplit("-", 1)[-1]: json.loads(e.proto.columns) for e in at.get("dataframe")}
    sig = editors["f_signatories_ed"]
    assert {sig[c]["label"] for c in ("group", "count", "all", "note")} == {"Kelompok", "Jumlah", "Semua (se-wilayah)",
                                                                           "Keterangan"}
    assert {editors["f_sources_ed"][c]["label"] for c in ("outlet", "url", "published")} == {
        "Media (wajib)", "Alamat berita (https://…)", "Tanggal terbit"}
    assert all(m.placeholder == "Pilih…" for m in at.multiselect)
    at.date_input(key="f_date").set_value(dt.date(2024, 11, 20))
    at.multiselect(key="f_elections").set_value(["pilkada-2024"])
    at.button[[b.label for b in at.button].index("Simpan")].click().run()
    assert not at.error, [e.value for e in at.error]
    assert any("ciawi-320124-2024-11-20" in s.value for s in at.success)
    at.switch_page("app_pages/ringkasan.py").run()
    at.selectbox(key="region_l2").set_value("").run()  # up to Kab. Bogor
    assert metric(at, "Kecamatan terjangkau") == "3 / 40"
    at.switch_page("app_pages/riwayat.py").run()
    hist = at.dataframe[0].value
    assert list(hist["Tindakan"])[-1] == "dicatat" and list(hist["Oleh"])[-1] == "sekcam-ciawi"
    assert any("Kec. Ciawi (32.01.24)" in c.value for c in at.sidebar.caption)  # the user's region by name


def test_import_page_says_what_it_wrote_and_refuses_a_workbook_bomb(own_data):
    """Issue 23 through Impor: a 100 KB workbook holding a 100 MB string is refused, named in
    Indonesian, before it expands; a sheet with two Kec. Caringin and two undated rows says
    exactly how many ceremonies and sources it wrote."""
    import csv
    import io

    from dashboard.forms import sheet
    from dashboard.store.editing import User
    from tests import hostile

    at = open_page("impor", election="pilkada-2024")
    at.session_state["_user"] = User("admin-provinsi")
    at.run()
    at.file_uploader(key="import_file").set_value(("bom.xlsx", hostile.shared_string_bomb(100),
                                                    "application/octet-stream")).run()
    assert not at.exception, [e.message for e in at.exception]
    shown = " ".join(e.value for e in at.error).replace("\\", "")
    assert "bom.xlsx" in shown and "paling banyak 16384 KB untuk bagian itu" in shown, shown
    base = {"tanggal": "2024-11-20", "pemilihan": "pilkada-2024", "jenis": "apel", "sumber_media": "Warta"}
    rows = [{**base, "kode_wilayah": "32.01.27"}, {**base, "kode_wilayah": "32.02.31"},
            {**base, "kode_wilayah": "32.01.24", "tanggal": "", "alasan_tanpa_tanggal": "tanpa tanggal"},
            {**base, "kode_wilayah": "32.01.24", "tanggal": "", "alasan_tanpa_tanggal": "tanpa tanggal"},
            {**base, "kode_wilayah": "32.01.26", "sumber_media": "Warta Lain"}, {**base, "kode_wilayah": "32.01.26"}]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(sheet.COLUMNS))
    writer.writeheader()
    writer.writerows({c: r.get(c, "") for c in sheet.COLUMNS} for r in rows)
    at.file_uploader(key="import_file").set_value(("serentak.csv", buf.getvalue().encode(), "text/csv")).run()
    at.button(key="import_all").click().run()
    assert not at.error, [e.value for e in at.error]
    assert any("6 baris diimpor: 5 upacara (5 baru, 0 yang sudah tercatat mendapat sumber tambahan), 6 sumber"
               in s.value for s in at.success), [s.value for s in at.success]


def test_history_hides_who_from_anonymous_viewers(own_data):
    from dashboard.store.editing import User

    at = open_page("riwayat", election="pilkada-2024")
    assert set(at.dataframe[0].value["Oleh"]) == {"(masuk untuk melihat)"}
    at.session_state["_user"] = User("sekcam-ciawi", "32.01.24")
    at.run()
    assert set(at.dataframe[0].value["Oleh"]) == {"seed"}


def test_import_and_history_pages_render(own_data):
    at = open_page("impor", election="pilkada-2024")
    ids = {b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")}
    assert {"template_xlsx", "template_csv"} <= ids
    assert any("Masuk dulu" in i.value for i in at.info)
    at = open_page("riwayat", election="pilkada-2024")
    hist = at.dataframe[0].value
    # the calendar's two elections are seeded first (pemilihan:<id>), then the five ceremony files
    assert len(hist) == 2 + 5 and set(hist["Tindakan"]) == {"dari berkas data"}
    assert list(hist["ID upacara"][:2]) == ["Pemilihan: Pemilu 2024", "Pemilihan: Pilkada Serentak 2024"]  # names, not ids (issue 37)
    # headed in Indonesian, times in WIB (stored in UTC), seed notes worded for the reader
    assert {"Waktu (WIB)", "ID upacara", "No. laporan"} <= set(hist.columns)
    assert all(n.startswith("dari berkas ") for n in hist["Catatan"])


def test_articles_page_five_links_reviewed_and_saved(own_data, article_server):
    """Issue 12: paste five links, review the drafts (doubt is a choice), save them as records;
    a second outlet on a stored ceremony is merged as another source."""
    import json

    from dashboard import context
    from dashboard.store.codec import load
    from dashboard.store.db import Store
    from dashboard.store.editing import User

    at = open_page("berita", election="pilkada-2024")
    assert any("Masuk dulu" in i.value for i in at.info)
    at.session_state["_user"] = User("admin-provinsi")
    at.run()
    names = ["01-kecamatan-apel-pakta.html", "02-pemkab-ikrar-sekda.html", "12a-sakra-outlet-a.html",
             "12b-sakra-outlet-b.txt", "07-tanpa-tahun.txt"]
    at.text_area(key="a_links").set_value("\n".join(f"{article_server}/{n}" for n in names))
    at.button(key="a_read").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("5 draf masuk antrean" in s.value for s in at.success)
    store = Store(context.db_url())
    drafts = {d.source.rsplit("/", 1)[-1]: d for d in store.drafts("open")}
    assert set(drafts) == set(names)
    # pasting the same links again queues nothing twice
    at.text_area(key="a_links").set_value(f"{article_server}/{names[0]}")
    at.button(key="a_read").click().run()
    assert any("Sudah ada di antrean" in i.value.replace("\\", "") for i in at.info)

    def review(name):
        at.selectbox(key="a_pick").set_value(drafts[name].id).run()
        assert not at.exception, [e.message for e in at.exception]

    # outlet A: region and date are sure, so preselected; save
    review("12a-sakra-outlet-a.html")
    assert at.radio(key="a_region").value == "52.03.02" and at.radio(key="a_date").value == "2024-11-14"
    at.button(key="a_save").click().run()
    assert any("Tersimpan dari berita" in s.value for s in at.success), [e.value for e in at.error]
    # outlet B on the same ceremony: offered as another source, and merged
    review("12b-sakra-outlet-b.txt")
    assert any("sumber tambahan" in i.value for i in at.info)
    # a text page carries no publication date: not saved until the reviewer gives it (issue 21 §3)
    at.button(key="a_save").click().run()
    assert any("tanggal terbit berita" in e.value for e in at.error), [e.value for e in at.error]
    at.date_input(key="a_published_rev").set_value(dt.date(2024, 11, 15)).run()
    at.button(key="a_save").click().run()
    assert any("Tersimpan dari berita" in s.value for s in at.success), [e.value for e in at.error]
    rows = [r for r in store.rows(include_withdrawn=False) if r.region_code == "52.03.02"]
    assert len(rows) == 2 and len({r.ceremony_id for r in rows}) == 1
    assert all(r.origin.startswith("article:http://127.0.0.1") for r in rows)
    hist = [h for h in store.history(rows[0].ceremony_id)]
    assert {h.action for h in hist} == {"create", "merge"}
    assert all(h.user == "admin-provinsi" and h.note.startswith("dari berita") and article_server in h.note
               for h in hist)
    # a date without a year: nothing is chosen until the reviewer does
    review("07-tanpa-tahun.txt")
    assert at.radio(key="a_date").value is None
    at.button(key="a_save").click().run()
    assert any("Pilih salah satu" in e.value for e in at.error)
    at.radio(key="a_date").set_value("2024-11-08").run()
    at.button(key="a_save").click().run()
    # served as plain text, the page has no publication date: the reviewer gives it (issue 21 §3) ...
    assert any("tanggal terbit berita" in e.value for e in at.error), [e.value for e in at.error]
    at.date_input(key="a_published_rev").set_value(dt.date(2024, 11, 9)).run()
    at.button(key="a_save").click().run()
    # ... and without it no election could be placed either
    assert any("pemilihan" in e.value for e in at.error), [e.value for e in at.error]
    at.multiselect(key="a_elections").set_value(["pilkada-2024"]).run()
    at.button(key="a_save").click().run()
    assert any("Tersimpan dari berita" in s.value for s in at.success), [e.value for e in at.error]
    saved = [load(r.data) for r in store.rows(include_withdrawn=False) if r.region_code == "32.06.24"][0]
    assert saved["date"] == dt.date(2024, 11, 8) and saved["date_inferred"]["year"] == 2024
    # the queue keeps the rest, not counted anywhere; a rejected draft says who and why
    assert {d.source.rsplit("/", 1)[-1] for d in store.drafts("open")} == set(names[:2])
    review("01-kecamatan-apel-pakta.html")
    at.text_input(key="a_reject_reason").set_value("Sudah dicatat lewat formulir")
    at.button(key="a_reject").click().run()
    rejected = store.drafts("rejected")
    assert len(rejected) == 1 and rejected[0].decided_by == "admin-provinsi"
    assert json.loads(rejected[0].draft)["region"]["value"] == "33.02.27"
    assert store.history()[-1].action == "reject_draft" and "Sudah dicatat lewat formulir" in store.history()[-1].note
    at.switch_page("app_pages/riwayat.py").run()
    assert "draf berita ditolak" in list(at.dataframe[0].value["Tindakan"])  # Riwayat says it
    at.switch_page("app_pages/berita.py").run()
    # the saved ceremonies load like any other: one Sakra ceremony with both outlets as sources
    rec = context.records(context.gazetteer(), own_data)
    sakra = rec.ceremonies[rec.ceremonies["region_code"] == "52.03.02"]
    assert len(sakra) == 1
    outlets = set(rec.sources.loc[rec.sources["ceremony_id"] == sakra["id"].iloc[0], "outlet"])
    assert outlets == {"Lombok Timur Terkini", "127.0.0.1"}  # a text page has no site name: its host


def test_briefing_screen_says_whether_the_pemda_pledged():
    """Issue 10: the region's own ceremony shows on the briefing screen too (Kab. Lebak's pakta)."""
    at = open_page("ringkasan", mode="briefing", election="pemilu-2024", region="36.02", as_of="2024-02-14")
    html = _html(at)
    assert 'data-testid="b-own"' in html and "Pemda" in html
    at = open_page("ringkasan", mode="briefing", election="pemilu-2024", region="32.01", as_of="2024-02-14")
    html = _html(at)  # Kab. Bogor held none of its own: said so, not left out
    assert "belum tercatat mengadakan upacara komitmen sendiri" in html and "berikrar sendiri" not in html


def test_people_read_names_not_ids():
    """Issue 20 ("ids instead of names"): the undated note on Ringkasan names the ceremony by place,
    date and kind, and the Peta panel's reported readiness names its outlet, not the record's id."""
    from dashboard import context, views
    from dashboard.report import Report

    at = open_page("ringkasan", election="pilkada-2024", as_of="2024-11-27")
    note = " ".join(i.value for i in at.info).replace("\\", "")
    assert "Kota Bekasi · tanpa tanggal · Sosialisasi" in note and "kota-bekasi-sosialisasi-2024" not in note
    gaz = context.gazetteer()
    rep = Report(context.records(gaz), gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 27))
    facts = {label: (value, detail) for label, value, detail in rep.unit_detail("32.01.01").facts}
    value, detail = facts["Kesiapan dilaporkan"]
    assert value == "90 %" and "NewsBogor" in detail and "cibinong-2024-11-12" not in detail
    assert views.ceremony_names(rep.records, ["cibinong-2024-11-12"], "id")["cibinong-2024-11-12"].startswith(
        "Kec. Cibinong · 12 Nov 2024 · ")


STREAMLIT_ENGLISH = ("Choose an option", "Choose options", "Select...", "Add options")


@pytest.mark.parametrize("page", ["data", "catat", "berita", "impor", "kalender", "riwayat", "linimasa", "peta"])
def test_no_streamlit_default_english_on_indonesian_pages(page):
    """Issue 24 §3: where Streamlit has a setting for a widget's empty text, it is set in the
    interface language: no select shows "Choose options" and no table editor writes "None" in an
    empty cell (its placeholder is set). What Streamlit offers no setting for is listed in the README."""
    from dashboard.store.editing import User

    at = open_page(page, election="pilkada-2024", region="32.01.24")
    at.session_state["_user"] = User("admin-provinsi")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    widgets = [w.proto for kind in ("multiselect", "selectbox") for w in at.get(kind)]
    said = [w.placeholder for w in widgets if w.placeholder]
    assert not [p for p in said if p in STREAMLIT_ENGLISH], (page, said)
    # a multiselect without its own placeholder shows Streamlit's "Choose options"
    assert all(w.placeholder for w in (m.proto for m in at.get("multiselect"))), \
        (page, [m.proto.label for m in at.get("multiselect") if not m.proto.placeholder])
    editors = [e.proto for e in at.get("dataframe") if e.proto.editing_mode]
    assert all(e.placeholder == "–" for e in editors), (page, [e.id for e in editors if e.placeholder != "–"])


def test_a_page_waiting_for_a_large_first_seed_says_how_far_it_is(monkeypatch):
    """Issue 26: while this server seeds a large data folder into the store (``cache.seeding``), a
    page shows how many files are stored of how many, waits, and looks again (``st.rerun``; stopped
    here so the page can be read)."""
    import streamlit as st

    from dashboard.ui import cache

    monkeypatch.setattr(cache, "seeding", lambda: (2000, 150000))
    monkeypatch.setattr(st, "rerun", st.stop)
    monkeypatch.setattr("dashboard.ui.page.time.sleep", lambda s: None)
    at = open_page("ringkasan")
    bars = at.get("progress")
    assert len(bars) == 1
    assert bars[0].proto.value == 1  # percent: 2,000 of 150,000
    assert "2.000 dari 150.000 berkas" in bars[0].proto.text
    assert not [m for m in at.metric]  # nothing else drawn yet


def test_review_page_keeps_an_ordinary_article_short(own_data, article_server):
    """Issue 36 §2: the review form of an ordinary article (no readiness figures) keeps the rarely
    needed fields folded, quotes each evidence sentence once and briefly (it is highlighted in
    full in the article beside the form), and saves with one click when the draft is right."""
    from dashboard.store.editing import User
    from dashboard.ui.articles import EVIDENCE_CHARS

    at = open_page("berita", election="pilkada-2024")
    at.session_state["_user"] = User("admin-provinsi")
    at.run()
    at.text_area(key="a_links").set_value(f"{article_server}/12a-sakra-outlet-a.html")
    at.button(key="a_read").click().run()
    assert not at.exception, [e.message for e in at.exception]
    folds = {e.label: e for e in at.expander}
    assert "Isi komitmen, angka kesiapan dan catatan" in folds
    assert folds["Isi komitmen, angka kesiapan dan catatan"].proto.expanded is False
    quoted = [c.value.replace("\\", "") for c in at.caption if c.value.startswith("Bukti\\:")]
    assert quoted and len(quoted) == len(set(quoted))
    assert all(len(q) <= EVIDENCE_CHARS + 20 for q in quoted), quoted  # "Bukti: “…”" and escapes
    at.button(key="a_save").click().run()
    assert any("Tersimpan dari berita" in s.value for s in at.success), [e.value for e in at.error]


def test_the_sign_in_form_counts_in_the_store(own_data, tmp_path, monkeypatch):
    """Issue 40: the sidebar's sign-in goes through the store's lockout: each attempt is kept there
    with the client's address, and the fifth failure for a name refuses even its right password."""
    from dashboard import context
    from dashboard.store import auth
    from dashboard.store.db import Store

    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[users.camat-ciawi]\npassword_hash = "{auth.hash_password("rahasia-123", iterations=1000)}"\n'
                       'region = "32.01.24"\n', encoding="utf-8")
    monkeypatch.setenv("PETA_SECRETS_FILE", str(secrets))
    at = open_page("catat", election="pilkada-2024")

    def try_password(password: str) -> None:
        at.text_input(key="login_name").set_value("camat-ciawi")
        at.text_input(key="login_password").set_value(password)
        at.button(key="login").click().run()

    for i in range(auth.MAX_FAILURES):
        try_password(f"salah-{i}")
        assert at.session_state["_user"] is None
    try_password("rahasia-123")
    assert at.session_state["_user"] is None  # locked for the window, right password or not
    kept = Store(context.db_url(own_data)).signins()
    assert [r.outcome for r in kept] == ["failed"] * auth.MAX_FAILURES + ["locked"]
    assert {r.address for r in kept} == {"127.0.0.1"} and {r.name for r in kept} == {"camat-ciawi"}
