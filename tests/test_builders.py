"""Figure and map builders as plain functions (issue 4 §6): what they return."""

import datetime as dt
import re
from pathlib import Path

import pytest

from dashboard import charts, fmt, html_map, maps, metrics, style, views
from dashboard.geo.store import load_level

PILKADA = dt.date(2024, 11, 27)


@pytest.fixture(scope="module")
def bogor(records, gaz):
    return metrics.coverage(records, gaz, "pilkada-2024", PILKADA, "32.01")


def test_indonesian_formats():
    assert fmt.date_long(dt.date(2024, 11, 12)) == "Selasa, 12 November 2024"
    assert fmt.date_long(dt.date(2024, 11, 12), "en") == "Tuesday, 12 November 2024"
    assert fmt.pct(90) == "90 %" and fmt.pct(12.5) == "12,5 %" and fmt.pct(12.5, "en") == "12.5%"
    assert fmt.pct(0.05, share=True) == "5 %" and fmt.number(1234.5) == "1.234,5"
    assert fmt.date_long(None) == "tanpa tanggal"


def test_map_colours_units_by_state_with_legend_and_tooltips(records, gaz, geo_cfg):
    units, level, mode = views.map_units(records, gaz, "pilkada-2024", PILKADA, "32.01")
    assert (level, mode, len(units)) == ("kecamatan", "state", 40)
    units = units.assign(status=views.status_text(units, mode, "id"),
                         ceremonies=views.unit_tooltips(records, units, "id"))
    m = html_map.coverage_map(load_level(geo_cfg, level, display=True), units, mode, "id")
    gj = next(c for c in m._children.values() if c.__class__.__name__ == "GeoJson")
    feats = {f["properties"]["code"]: f["properties"] for f in gj.data["features"]}
    assert len(feats) == 40  # units without records are drawn too
    assert feats["32.01.01"]["fill"] == style.STATE_COLORS["covered"]
    assert feats["32.01.02"]["fill"] == style.STATE_COLORS["none"]
    assert feats["32.01.01"]["status"] == "Ikrar sendiri"
    assert "12 Nov 2024" in feats["32.01.01"]["ceremonies"] and "NewsBogor" in feats["32.01.01"]["ceremonies"]
    tooltip = next(c for c in gj._children.values() if c.__class__.__name__ == "GeoJsonTooltip")
    assert tooltip.fields == ["label", "code", "status", "pledge", "ceremonies"]
    legend = next(c for c in m._children.values() if isinstance(c, html_map.Legend))
    assert "Ikrar sendiri" in legend.html and "Tingkat pimpinan saja" in legend.html and "Belum ada upacara" in legend.html
    html = m.get_root().render()
    external = [u for u in re.findall(r'(?:src|href)="([^"]+)"', html) if u.startswith("http")]
    assert external == []  # offline: nothing from a CDN


def test_map_by_share_for_aggregates(records, gaz, geo_cfg):
    units, level, mode = views.map_units(records, gaz, "pilkada-2024", PILKADA, None)
    assert (level, mode) == ("kabupaten/kota", "share") and len(units) == 514  # all of Indonesia
    units = units.assign(status=views.status_text(units, mode, "en"), ceremonies=views.unit_tooltips(records, units, "en"))
    m = html_map.coverage_map(load_level(geo_cfg, level, display=True), units, mode, "en")
    gj = next(c for c in m._children.values() if c.__class__.__name__ == "GeoJson")
    feats = {f["properties"]["code"]: f["properties"] for f in gj.data["features"]}
    assert feats["36.02"]["fill"] == style.share_color(1.0) == style.STATE_COLORS["covered"]
    assert feats["32.01"]["fill"] == style.share_color(0.05) != style.STATE_COLORS["none"]
    assert feats["32.01"]["status"] == "No pledge by own government · 5% (2/40 kec.)"
    # Lebak's own Pemkab ceremony: drawn with the own-government outline, and said in its status
    assert feats["36.02"]["own"] is True and feats["32.01"]["own"] is False
    assert feats["36.02"]["status"].startswith("Own government pledged")
    assert "Undated" not in feats["32.75"]["ceremonies"] and "Rilisinfo" in feats["32.75"]["ceremonies"]


def test_readiness_bar_sorted_coloured_without_reported_readiness(records, bogor):
    fig = charts.readiness_bar(metrics.readiness(records, bogor), "id")
    bars = {tr.name: tr for tr in fig.data if tr.type == "bar"}
    assert bars["Ikrar sendiri"].marker.color == style.STATE_COLORS["covered"]
    assert list(bars["Ikrar sendiri"].y) == ["Kec. Rancabungur", "Kec. Cibinong"]  # ascending → largest on top
    assert list(bars["Ikrar sendiri"].text) == ["36,4 %", "63,6 %"]
    assert len(bars["Belum ada upacara"].y) == 38
    # issue 37: Cibinong's 90 % is a reported readiness (logistics), not a share of categories: not on this axis
    assert not [tr for tr in fig.data if tr.type == "scatter"]
    assert fig.layout.yaxis.categoryarray[-1] == "Kec. Cibinong"


def test_category_grid(records, bogor):
    fig = charts.category_grid(metrics.readiness(records, bogor), "en")
    hm = fig.data[0]
    assert len(hm.x) == 11 and hm.y[0] == "Kec. Cibinong"
    row = dict(zip(hm.x, hm.z[0]))
    assert row["ID copies"] == 1 and row["Money politics"] == 0
    # short upright headings; the whole commitment is in the hover
    assert fig.layout.xaxis.tickangle == -90 and max(map(len, hm.x)) <= 21
    hover = {c[1] for c in hm.customdata[0]}
    assert "No ID-copy support letters" in hover and "Rejecting money politics" in hover


def test_timeline_marks_both_elections_and_h_axis(records, gaz):
    tl = metrics.timeline(records, gaz, "pilkada-2024", "36")
    fig = charts.timeline_figure(tl, records.calendar, {}, "id", "date")
    marks = [tr for tr in fig.data if tr.mode == "markers"][0]
    assert list(marks.text) == ["Kabupaten Lebak"]  # named above its marker (an annotation), and in the hover
    assert [a.text for a in fig.layout.annotations if a.name == "event-label"] == ["Kabupaten Lebak"]
    assert {a.text for a in fig.layout.annotations if a.name != "event-label"} == {"Pemilu 2024", "Pilkada Serentak 2024"}
    assert len(fig.layout.shapes) == 2
    h = charts.timeline_figure(tl, records.calendar, {}, "id", "h")
    marks_h = [tr for tr in h.data if tr.mode == "markers"][0]
    assert list(marks_h.x) == [-(PILKADA - dt.date(2023, 12, 15)).days]
    assert h.layout.xaxis.ticktext[-1] == "H" and "H-60" in h.layout.xaxis.ticktext


def test_timeline_names_stay_off_the_election_day_line_and_the_axis_ends(records, gaz):
    """Issue 24 §2: Kec. Cibinong's ceremony 15 days before Pilkada 2024 is named ending at its marker
    (the election day's line is just right of it), Kec. Rancabungur's, first on the axis, starting
    at its marker (not over the share axis' ticks); a name with room either side stays centred."""
    tl = metrics.timeline(records, gaz, "pilkada-2024", "32.01")
    fig = charts.timeline_figure(tl, records.calendar, {}, "id", "h")
    anchors = {a.text: a.xanchor for a in fig.layout.annotations if a.name == "event-label"}
    assert anchors == {"Kec. Cibinong": "right", "Kec. Rancabungur": "left"}, anchors
    placed = charts._stagger([0, 50], [50, 100], ["Kec. A", "Kec. B"], 200.0, lines=[], ends_at=(0, 200))
    assert [p[3] for p in placed] == ["center", "center"]


def test_filter_ceremonies(records):
    rows = views.filter_ceremonies(records, "pilkada-2024", "32.01.01.1006", [], "", "id")
    assert list(rows["id"]) == ["cibinong-2024-11-12"]  # the kecamatan ceremony above the kelurahan
    assert list(views.filter_ceremonies(records, "pilkada-2024", None, ["ikrar"], "lebak", "id")["id"]) == \
        ["lebak-2023-12-15"]
    assert views.filter_ceremonies(records, "pemilu-2024", "32.01.01", [], "", "id").empty


def test_map_view_drill_and_kecamatan_without_village_shapes(records, gaz):
    mv = views.map_view(records, gaz, "pilkada-2024", PILKADA, "32.01", "id")
    assert len(mv.drill) == 40 and mv.drill["32.01.01"] == "Kec. Cibinong" and not mv.no_child_shapes
    alone = views.map_view(records, gaz, "pilkada-2024", PILKADA, "32.16.01", "id")  # Kab. Bekasi: no desa data
    assert alone.no_child_shapes and list(alone.units["code"]) == ["32.16.01"] and alone.drill == {}
    desa = views.map_view(records, gaz, "pilkada-2024", PILKADA, "32.01.01.1006", "id")
    assert not desa.no_child_shapes and list(desa.units["status"]) == ["Tingkat pimpinan saja"]


def test_readiness_rows_format(records, bogor):
    rows = views.readiness_rows(metrics.readiness(records, bogor), "id")
    first = rows.iloc[0]
    assert (first["Wilayah"], first["Kategori komitmen"], first["Kesiapan dilaporkan"], first["Tanggal"]) == \
        ("Kec. Cibinong", "63,6 %", "90 %", "12 Nov 2024")
    assert rows.iloc[-1]["Kesiapan dilaporkan"] == "–"


def test_tooltip_text_from_data_is_escaped(records, gaz, geo_cfg):
    """Issue 11 §1: folium's tooltip sets innerHTML, so data text must arrive escaped (the same map
    is the exported offline HTML)."""
    payload = '<img src=x onerror=alert(1)> <a href="javascript:alert(2)">x</a>'
    units, level, mode = views.map_units(records, gaz, "pilkada-2024", PILKADA, "32.01")
    units = units.assign(status=views.status_text(units, mode, "id"), ceremonies=payload)
    m = html_map.coverage_map(load_level(geo_cfg, level, display=True), units, mode, "id")
    html = m.get_root().render()
    assert "<img src=x" not in html and 'href=\\"javascript' not in html and "javascript:alert(2)\"" not in html
    # the JSON carries "&lt;img …&gt;" (folium writes & as \u0026): innerHTML shows it as text
    assert "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in html


def test_live_map_layer_is_plain_data_with_the_same_colours(records, gaz, geo_cfg):
    """The app's map component gets each unit's colour, outline and tooltip rows as plain text
    (it writes them with textContent), and the geometry apart, once per view."""
    units, level, mode = views.map_units(records, gaz, "pilkada-2024", PILKADA, None)
    units = units.assign(status=views.status_text(units, mode, "id"), ceremonies=views.unit_tooltips(records, units, "id"))
    layer = maps.map_layer(units, mode, "id")
    assert len(layer["units"]) == 514
    lebak, bogor = layer["units"]["36.02"], layer["units"]["32.01"]
    assert lebak["fill"] == style.share_color(1.0) and lebak["own"] is True
    assert bogor["fill"] == style.share_color(0.05) and bogor["own"] is False
    tip = dict(bogor["tip"])
    assert tip["Nama"] == "Kabupaten Bogor" and tip["Kode"] == "32.01" and "2/40" in tip["Status"]
    assert layer["legend"]["own"] == "Pemda sudah berikrar" and len(layer["legend"]["items"]) == 5
    shapes = load_level(geo_cfg, level, display=True)
    geometry = maps.map_geometry(shapes, units["code"])
    assert [f["properties"] for f in geometry["features"]][:2] == [{"code": c} for c in units["code"][:2]]
    assert len(geometry["features"]) == len(set(units["code"]) & set(shapes["code"]))
    # with names: each as written on the map, at a point inside its unit, ranked by area for the frame
    from shapely.geometry import Point, shape

    named = maps.map_geometry(shapes, units["code"], dict(zip(units["code"], units["label"])))
    props = {f["properties"]["code"]: f["properties"] for f in named["features"]}
    assert props["32.01"]["name"] == "Kab. Bogor" and props["31.71"]["name"] == "Kota Jakarta Pusat"
    assert sorted(p["rank"] for p in props.values()) == list(range(len(props)))
    assert props["32.01"]["rank"] < props["32.71"]["rank"]  # Kab. Bogor before Kota Bogor
    assert all(shape(f["geometry"]).buffer(1e-6).contains(Point(*f["properties"]["pt"])) for f in named["features"])


def test_live_map_tooltip_keeps_markup_as_text(records, gaz):
    units, _, mode = views.map_units(records, gaz, "pilkada-2024", PILKADA, "32.01")
    payload = '<img src=x onerror=alert(1)> [x](javascript:alert(1))'
    units = units.assign(status="s", ceremonies=[payload] * len(units))
    tip = dict(maps.map_layer(units, mode, "id")["units"]["32.01.01"]["tip"])
    # not escaped here (that would show "&lt;" to the user): the component never parses it as HTML
    assert tip["Upacara komitmen"] == payload
    js = (Path(maps.__file__).parent / "ui" / "leafletmap" / "map.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "textContent" in js


def test_history_times_in_the_configured_zone_and_words_in_the_interface_language():
    from types import SimpleNamespace

    change = SimpleNamespace(id=1, at=dt.datetime(2024, 11, 20, 1, 30), user="admin", action="withdraw",
                             ceremony_id="x", report_id=3, note="from x.yaml", before="a", after=None)
    wib = views.history_rows([change], "id")
    assert wib["Waktu (WIB)"][0] == "2024-11-20 08:30:00" and wib["Tindakan"][0] == "ditarik"
    assert wib["Catatan"][0] == "dari berkas x.yaml"
    wita = views.history_rows([change], "en", "Asia/Makassar")
    assert wita["When (WITA)"][0] == "2024-11-20 09:30:00" and wita["Action"][0] == "withdrawn"
    from dashboard.errors import PetaError

    with pytest.raises(PetaError, match="PETA_TIMEZONE.*Asia/Jakarta"):
        views.history_rows([change], "id", "WIB")


def test_timeline_axes_speak_the_interface_language(records, gaz):
    tl = metrics.timeline(records, gaz, "pilkada-2024", "32.01", until=PILKADA)
    fig = charts.timeline_figure(tl, records.calendar, {}, "id", axis="h")
    ticks = list(fig.layout.xaxis.ticktext)
    assert "H" in ticks and all(re.fullmatch(r"H([-+]\d+)?", x) for x in ticks) and "H0" not in ticks
    assert charts.h_label(-50, "id") == "H+50" and charts.h_label(13, "en") == "13 days to go"
    assert charts.h_label(0, "en") == "election day"
    by_date = charts.timeline_figure(tl, records.calendar, {}, "id")
    months = list(by_date.layout.xaxis.ticktext)
    assert months and all(re.fullmatch(r"(Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}", m) for m in months)
    hover = [c[2] for tr in fig.data if tr.mode == "lines" for c in tr.customdata]
    assert hover and all(not h.startswith("H--") for h in hover)


def test_figures_name_their_template_whatever_the_process_default(records, bogor):
    """Importing Streamlit makes its own plotly template the process default (no automargins,
    other colours): a chart exported from the app must not differ from the same chart from the CLI."""
    import plotly.io as pio

    before = pio.templates.default
    pio.templates.default = "streamlit" if "streamlit" in pio.templates else "simple_white"
    try:
        for fig in (charts.readiness_bar(metrics.readiness(records, bogor), "id"),
                    charts.category_grid(metrics.readiness(records, bogor), "id")):
            assert fig.layout.template.layout.yaxis.automargin is True  # plotly's own template, named
    finally:
        pio.templates.default = before


def test_unit_detail_says_why_each_ceremony_counts_and_who_reported_it(records, gaz):
    """The Peta panel's content (issue 13 §2): for a unit of the map, the view's region and
    Indonesia, every ceremony that reaches it, grouped by why, newest first, with its sources."""
    from dashboard import unit_detail
    from dashboard.report import Report

    national = Report(records, gaz, "pilkada-2024", None, PILKADA)
    lebak = national.unit_detail("36.02")  # a kabupaten of the national map, not one of the provinces counted
    assert lebak.label == "Kabupaten Lebak" and lebak.counts == {"own": 1}
    (line,) = lebak.ceremonies
    assert line.id == "lebak-2023-12-15" and line.date == "Jumat, 15 Desember 2023" 
    assert line.place == "Kabupaten Lebak — Aula Multatuli Setda Kabupaten Lebak"
    assert "Sekretaris daerah (1)" in line.signed and [s.outlet for s in line.sources] == ["Mitrapolitika.com"]
    assert ("Upacara pemerintah daerah sendiri", "Pemda sudah berikrar", "") in lebak.facts
    whole = national.unit_detail(None)
    # issue 37: the count is the dated ones (the tile's); the undated are apart, never counted
    assert whole.label == "Indonesia" and whole.counts["undated"] == whole.n_undated >= 1
    assert whole.n_ceremonies == sum(v for k, v in whole.counts.items() if k != "undated")
    assert all(c.date_note for c in whole.ceremonies if c.why == "undated")  # why its date is not known
    whys = [c.why for c in whole.ceremonies]
    assert whys == sorted(whys, key=unit_detail.REASONS.index)  # grouped in the panel's order
    dated = [c for c in whole.ceremonies if c.why == "within"]
    days = [records.ceremonies.set_index("id").loc[c.id, "date"] for c in dated]
    assert days == sorted(days, reverse=True)  # newest first

    bogor = Report(records, gaz, "pilkada-2024", "32.01", PILKADA)
    cibinong = bogor.unit_detail("32.01.01")
    assert cibinong.counts == {"own": 1} and cibinong.facts[0] == ("Status", "Ikrar sendiri", "")
    # issue 37: how old its pledge is, with the H-n of the pledge before election day
    assert cibinong.facts[1] == ("Ikrar terakhir", "12 Nov 2024 (H-15)", "")
    assert ("Kesiapan dilaporkan", "90 %") == cibinong.facts[2][:2]
    # whose figure, when and from which outlets; no record id (issue 20: people read names)
    assert cibinong.facts[2][2].endswith("Selasa, 12 November 2024 · NewsBogor (NBC), TB")
    assert "cibinong-2024-11-12" not in cibinong.facts[2][2]
    assert {s.outlet for s in cibinong.ceremonies[0].sources} == {"NewsBogor (NBC)", "TB"}
    region = bogor.unit_detail("32.01")
    assert region.counts == {"within": 2} and region.facts[0] == ("Kecamatan terjangkau", "2 / 40 (5 %)", "")
    cut = unit_detail.unit_detail(records, gaz, bogor.coverage, bogor.map_view.units, "32.01", "id", limit=1)
    assert len(cut.ceremonies) == 1 and cut.n_ceremonies == 2  # the panel then offers the Data page
    before = Report(records, gaz, "pilkada-2024", "32.01", dt.date(2024, 11, 1)).unit_detail("32.01.01")
    assert before.ceremonies == [] and before.facts == [("Status", "Belum ada upacara", ""), ("Ikrar terakhir", "–", "")]  # as of a date
    with pytest.raises(KeyError):
        bogor.unit_detail("36.02")  # not a unit of this view
