"""The seed ceremonies, loading, validation and merging (issue 2 §1-3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.errors import PetaError
from dashboard.records.tables import load_folder
from dashboard.records.vocab import COMMITMENT_CATEGORIES

from .conftest import DATA, SEEDS


def test_four_ceremonies_from_five_reports(records):
    assert sorted(records.ceremonies["id"]) == [
        "cibinong-2024-11-12", "kota-bekasi-sosialisasi-2024", "lebak-2023-12-15", "rancabungur-2023-11-10"]
    assert len(records.sources) == 5
    assert records.conflicts.empty


def test_cibinong_merges_two_sources_with_facts_from_both(records):
    c = records.ceremonies.set_index("id").loc["cibinong-2024-11-12"]
    assert c["region_code"] == "32.01.01" and c["region_level"] == "kecamatan"
    assert c["date"] == pd.Timestamp("2024-11-12") and c["date_status"] == "stated"
    assert c["leader_name"] == "Acep Sajidin" and c["leader_role"] == "Camat Cibinong"
    src = records.sources[records.sources["ceremony_id"] == "cibinong-2024-11-12"]
    assert sorted(src["outlet"]) == ["NewsBogor (NBC)", "TB"]
    # the pakta's seven points come from TB ...
    cats = records.commitments[records.commitments["ceremony_id"] == "cibinong-2024-11-12"]
    assert list(cats["category"]) == ["kampanye", "atribut", "mobilisasi_asn", "fasilitas_negara",
                                      "keputusan_berpihak", "kegiatan_berpihak", "dukungan_ktp"]
    assert all(ids == ["cibinong-2024-11-12.tb#1"] for ids in cats["source_ids"])
    # ... the readiness figure and the lurah signing from NewsBogor
    r = records.readiness.set_index("ceremony_id").loc["cibinong-2024-11-12"]
    assert r["percent"] == 90 and r["as_of"] == pd.Timestamp("2024-11-12")
    assert r["source_ids"] == ["cibinong-2024-11-12.newsbogor#1"]
    sig = records.signatories[records.signatories["ceremony_id"] == "cibinong-2024-11-12"].set_index("group")
    assert set(sig.index) == {"camat", "sekcam", "kasi", "lurah", "asn"}
    assert sig.loc["lurah", "all"] and sig.loc["camat", "count"] == 1
    kinds = records.kinds[records.kinds["ceremony_id"] == "cibinong-2024-11-12"]["kind"]
    assert list(kinds) == ["apel", "pakta_integritas"]


def test_bekasi_stays_undated_with_reason(records):
    c = records.ceremonies.set_index("id").loc["kota-bekasi-sosialisasi-2024"]
    assert pd.isna(c["date"]) and c["date_status"] == "unknown"
    assert "tidak menyebut tanggal" in c["date_note"]
    assert c["region_code"] == "32.75" and c["region_level"] == "kabupaten/kota"


def test_rancabungur_year_inferred_and_explained(records):
    c = records.ceremonies.set_index("id").loc["rancabungur-2023-11-10"]
    assert c["date"] == pd.Timestamp("2023-11-10") and c["date_status"] == "year_inferred"
    assert c["date_note"].startswith("Jumat (10/11)")
    assert pd.Timestamp("2023-11-10").day_name() == "Friday"


def test_lebak_signed_by_every_camat(records):
    sig = records.signatories[records.signatories["ceremony_id"] == "lebak-2023-12-15"].set_index("group")
    assert sig.loc["camat", "all"] and sig.loc["kepala_perangkat_daerah", "all"]
    el = records.elections[records.elections["ceremony_id"] == "lebak-2023-12-15"]["election_id"]
    assert set(el) == {"pemilu-2024", "pilkada-2024"}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are not beside this checkout")
def test_facts_are_traceable_to_the_seed_articles(records):
    """Each source names its archived article; leader, venue words, outlet and title appear in it."""
    for s in records.sources.itertuples():
        text = (SEEDS / Path(s.archive).name).read_text(encoding="utf-8").lower()
        outlet_word = s.outlet.split()[0].lower().rstrip(".com")
        assert outlet_word in text.replace(".", ""), s.outlet
        if isinstance(s.title, str):
            assert s.title.lower() in text
        c = records.ceremonies.set_index("id").loc[s.ceremony_id]
        assert c["leader_name"].lower() in text
        if isinstance(c["venue"], str):
            assert c["venue"].split()[-1].lower() in text
        if pd.notna(c["date"]) and c["date_status"] == "stated":
            d = c["date"]
            assert f"{d.day} november {d.year}" in text or f"{d.day}/{d.month}/{d.year}" in text


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles (../shared/seeds) are not beside this checkout")
def test_commitment_texts_are_our_words(records):
    """Facts in our own words: no commitment text repeats a 6-word run of its article."""
    src = records.sources.set_index("source_id")
    for c in records.commitments.itertuples():
        article = (SEEDS / Path(src.loc[c.source_ids[0], "archive"]).name).read_text(encoding="utf-8").lower()
        words = c.text.lower().replace(",", "").replace(".", "").split()
        runs = [" ".join(words[i:i + 6]) for i in range(len(words) - 5)]
        assert not any(r in article.replace(",", "") for r in runs), c.text
        assert c.category in COMMITMENT_CATEGORIES


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def _write(folder: Path, name: str, text: str) -> None:
    (folder / "ceremonies" / name).write_text(text, encoding="utf-8")


BAD = """id: bad-record
region: 32.01
level: kecamatan
date: "10/11"
elections: [pilkada-2025]
kinds: [apel, tumpengan]
signatories:
  - group: camat
    count: -3
commitments:
  - category: kampanye
sources: []
"""


def test_malformed_file_rejected_naming_file_record_field_value(data_copy, gaz):
    _write(data_copy, "bad.yaml", BAD)
    with pytest.raises(PetaError) as err:
        load_folder(data_copy, gaz)
    problems = {p.field: p for p in err.value.problems}
    assert all(p.file == "bad.yaml" and p.record == "bad-record" for p in problems.values())
    assert problems["region"].value == 32.01 and "quote" in problems["region"].expected
    assert problems["date"].value == "10/11" and "never guessed" in problems["date"].expected
    assert problems["elections"].value == "pilkada-2025" and "pilkada-2024" in problems["elections"].expected
    assert problems["kinds"].value == "tumpengan" and "sosialisasi" in problems["kinds"].expected
    assert problems["signatories[0].count"].value == -3
    assert "commitments[0].text" in problems and "sources" in problems
    msg = err.value.message
    assert "nothing was loaded" in msg and "bad.yaml" in msg and "'tumpengan'" in msg


def test_unreadable_yaml_and_unknown_fields(data_copy, gaz):
    _write(data_copy, "broken.yaml", "id: x\nregion: [unclosed\n")
    with pytest.raises(PetaError) as err:
        load_folder(data_copy, gaz)
    assert err.value.problems[0].file == "broken.yaml" and "line" in str(err.value.problems[0].value)
    (data_copy / "ceremonies" / "broken.yaml").unlink()
    text = (data_copy / "ceremonies" / "lebak-2023-12-15.yaml").read_text().replace("venue:", "tempat:")
    (data_copy / "ceremonies" / "lebak-2023-12-15.yaml").write_text(text)
    with pytest.raises(PetaError) as err:
        load_folder(data_copy, gaz)
    p = err.value.problems[0]
    assert (p.field, p.record, p.value) == ("tempat", "lebak-2023-12-15", "Aula Multatuli Setda Kabupaten Lebak")
    assert "venue" in p.expected


def test_level_must_match_code_and_region_must_exist(data_copy, gaz):
    path = data_copy / "ceremonies" / "lebak-2023-12-15.yaml"
    path.write_text(path.read_text().replace("level: kabupaten/kota", "level: kecamatan")
                    .replace('region: "36.02"', 'region: "36.99"'))
    with pytest.raises(PetaError) as err:
        load_folder(data_copy, gaz)
    fields = {p.field: p for p in err.value.problems}
    assert fields["region"].value == "36.99"
    assert fields["level"].value == "kecamatan" and "kabupaten/kota" in fields["level"].expected


def test_same_place_and_day_with_different_ids_is_refused(data_copy, gaz):
    text = (data_copy / "ceremonies" / "cibinong-2024-11-12.tb.yaml").read_text()
    (data_copy / "ceremonies" / "cibinong-2024-11-12.tb.yaml").write_text(
        text.replace("id: cibinong-2024-11-12", "id: cibinong-pakta"))
    with pytest.raises(PetaError) as err:
        load_folder(data_copy, gaz)
    assert "same ceremony" in err.value.message and "cibinong-pakta" in err.value.message


def test_conflicting_facts_are_reported_not_picked(data_copy, gaz):
    path = data_copy / "ceremonies" / "cibinong-2024-11-12.tb.yaml"
    path.write_text(path.read_text().replace("venue: Halaman kantor Kecamatan Cibinong", "venue: Aula Kecamatan"))
    rec = load_folder(data_copy, gaz)
    c = rec.ceremonies.set_index("id").loc["cibinong-2024-11-12"]
    assert pd.isna(c["venue"])
    conflict = rec.conflicts.iloc[0]
    assert conflict["field"] == "venue"
    assert sorted(conflict["values"]) == ["Aula Kecamatan", "Halaman kantor Kecamatan Cibinong"]
    assert sorted(conflict["files"]) == ["cibinong-2024-11-12.newsbogor.yaml", "cibinong-2024-11-12.tb.yaml"]


def test_new_election_needs_no_code(data_copy, gaz):
    with (data_copy / "elections.yaml").open("a") as fh:
        fh.write("- id: pilkades-2025\n  name: Pilkades 2025\n  date: 2025-06-01\n"
                 "  sources:\n    - outlet: Warta Uji\n")
    path = data_copy / "ceremonies" / "lebak-2023-12-15.yaml"
    path.write_text(path.read_text().replace("[pemilu-2024, pilkada-2024]", "[pemilu-2024, pilkades-2025]"))
    rec = load_folder(data_copy, gaz)
    assert list(rec.for_election("pilkades-2025")["id"]) == ["lebak-2023-12-15"]


def test_yaml_aliases_are_read_but_bombs_and_loops_are_named(data_copy, gaz):
    """PyYAML itself writes an alias when one date is used twice: such a file loads. Aliases that
    multiply past 100,000 values, or contain themselves, are named instead of walked."""
    import yaml

    path = data_copy / "ceremonies" / "lebak-2023-12-15.yaml"
    rec = yaml.safe_load(path.read_text(encoding="utf-8"))
    rec.setdefault("readiness", []).append({"measure": "uji", "percent": 50, "as_of": rec["date"]})
    text = yaml.safe_dump(rec, allow_unicode=True)
    assert "&id001" in text  # the same date object: written once, referred to after
    path.write_text(text, encoding="utf-8")
    assert "lebak-2023-12-15" in set(load_folder(data_copy, gaz).ceremonies["id"])
    bomb = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 7))
    path.write_text(text + "l0: &l0 [x]\n" + bomb, encoding="utf-8")
    with pytest.raises(PetaError, match="aliases are expanded"):
        load_folder(data_copy, gaz)
    path.write_text("a: &a [1, *a]\n", encoding="utf-8")
    with pytest.raises(PetaError, match="alias inside itself"):
        load_folder(data_copy, gaz)


def test_an_undated_report_joins_a_dated_one_of_the_same_id(data_copy, gaz):
    """An article that does not state the day does not contradict one that does: the ceremony
    takes the stated day (and drops the unknown-day reason); two stated days that differ are
    still refused, naming both files."""
    later = """id: kota-bekasi-sosialisasi-2024
region: "32.75"
level: kabupaten/kota
date: 2023-11-02
elections: [pemilu-2024]
kinds: [ikrar]
sources:
  - outlet: Warta Patriot
    title: ASN Kota Bekasi Berikrar Netral
    url: https://wartapatriot.example/2023/11/03/asn-bekasi-ikrar
    published: 2023-11-03
"""
    _write(data_copy, "kota-bekasi-sosialisasi-2024.warta.yaml", later)
    rec = load_folder(data_copy, gaz)
    c = rec.ceremonies.set_index("id").loc["kota-bekasi-sosialisasi-2024"]
    assert c["date"] == pd.Timestamp("2023-11-02") and c["date_status"] == "stated" and pd.isna(c["date_note"])
    assert rec.conflicts.empty
    _write(data_copy, "kota-bekasi-sosialisasi-2024.lain.yaml",
           later.replace("2023-11-02", "2023-11-06").replace("wartapatriot", "lain"))
    with pytest.raises(PetaError) as err:
        load_folder(data_copy, gaz)
    (p,) = err.value.problems  # one problem: the undated seed report contradicts neither
    said = f"{p.file} {p.value} {p.expected}"
    assert p.field == "date" and p.record == "kota-bekasi-sosialisasi-2024"
    assert all(w in said for w in ("2023-11-02", "2023-11-06", ".lain.yaml", ".warta.yaml")), said
