"""``python -m dashboard`` commands (issue 2 §6, issue 3 §6), run as a user would."""

import json
import shutil
import subprocess
import sys

import pytest

from .conftest import DATA, ROOT


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, **kw)


def test_records_json_shape():
    out = run("records", "--json")
    assert out.returncode == 0, out.stderr
    data = {c["id"]: c for c in json.loads(out.stdout)}
    cib = data["cibinong-2024-11-12"]
    assert cib["region"] == {"code": "32.01.01", "level": "kecamatan", "name": "Kec. Cibinong"}
    assert cib["date"] == "2024-11-12" and cib["elections"] == ["pilkada-2024"]
    assert "dukungan_ktp" in cib["commitment_categories"] and len(cib["sources"]) == 2
    assert cib["readiness"][0]["percent"] == 90 and cib["readiness"][0]["as_of"] == "2024-11-12"
    assert data["kota-bekasi-sosialisasi-2024"]["date"] is None


def test_coverage_json_by_name_and_code():
    out = run("coverage", "--election", "pemilu-2024", "--region", "Kab. Lebak", "--as-of", "2024-01-01", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    # Lebak's kecamatan are reached through their leaders (28 of 28), none holds its own pledge: the
    # headline is the sum of the three binding states, and no state is called by the sum's name
    assert (data["children_units"], data["children_reached"], data["children_states"]["leadership"],
            data["children_states"]["covered"]) == (28, 28, 28, 0)
    assert data["children_reached"] == sum(data["children_states"][s] for s in ("covered", "leadership", "pemda"))
    assert "share" not in data and "units" not in data  # issue 37: one name, one number
    assert data["headline"] == {"reached": 28, "units": 28, "share": 1.0, "level": "kecamatan"}
    assert data["countdown"] == {"days": 44, "label": "H-44"}
    out = run("coverage", "--election", "pilkada-2024", "--region", "32.75", "--json")
    assert json.loads(out.stdout)["undated_ceremonies"] == ["kota-bekasi-sosialisasi-2024"]


def test_bad_requests_exit_non_zero_with_message():
    out = run("coverage", "--election", "pilkada-2030", "--region", "32.01")
    assert out.returncode == 2 and "pilkada-2030" in out.stderr and "pilkada-2024" in out.stderr
    out = run("coverage", "--election", "pilkada-2024", "--region", "Bekasi")
    assert out.returncode == 2 and "32.16" in out.stderr and "32.75" in out.stderr
    out = run("coverage", "--election", "pilkada-2024", "--region", "32.01", "--as-of", "27/11/2024")
    assert out.returncode == 2 and "YYYY-MM-DD" in out.stderr


def test_validate(tmp_path):
    ok = run("validate")
    assert ok.returncode == 0 and "4 ceremonies" in ok.stdout
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "ceremonies" / "x.yaml").write_text("id: x-bad\nregion: '32.01'\n", encoding="utf-8")
    bad = run("validate", str(tmp_path / "data"))
    assert bad.returncode == 2 and "x.yaml" in bad.stderr and "'x-bad'" in bad.stderr


def test_geo_build_and_info():
    out = run("geo", "build")
    assert out.returncode == 0, out.stderr
    assert "kecamatan: 7265 features" in out.stdout and "repaired" in out.stdout  # all of Indonesia
    info = run("geo", "info", "--json", "--parent", "32.01")
    data = json.loads(info.stdout)
    assert data["parent"]["children"] == 40 and data["levels"]["provinsi"] == 38
    assert {"code": "32.01.01", "name": "Cibinong", "label": "Kec. Cibinong"} in data["parent"]["units"]
    text = run("geo", "info", "--parent", "18")
    assert "18.01\tKabupaten Lampung Selatan" in text.stdout  # the codes and names, not just a count


def test_coverage_without_region_is_national():
    out = run("coverage", "--election", "pilkada-2024", "--as-of", "2024-11-27", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["parent"] is None and data["children_units"] == 38 and data["kecamatan"]["units"] == 7265
    banten = next(c for c in data["children"] if c["code"] == "36")
    assert banten["sub_reached"] == 28 and banten["own_state"] == "none" and banten["own_ids"] == []
    lebak = json.loads(run("coverage", "--election", "pilkada-2024", "--region", "36.02", "--json").stdout)
    assert lebak["parent"]["own_ids"] == ["lebak-2023-12-15"] and lebak["parent"]["own_state"] == "commitment"


def test_validate_never_writes(tmp_path):
    shutil.copytree(DATA, tmp_path / "data", ignore=shutil.ignore_patterns("peta.db*"))
    ok = run("validate", str(tmp_path / "data"))
    assert ok.returncode == 0 and not list((tmp_path / "data").glob("peta.db*"))


def test_an_export_onto_a_full_disk_leaves_no_file_and_no_tmp(tmp_path, monkeypatch):
    import errno

    from dashboard import cli
    from dashboard.errors import PetaError

    import os

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)  # the data was written; putting it in place fails
    with pytest.raises(PetaError, match="No space left on device"):
        cli._write(str(tmp_path / "peta.png"), b"x" * 100)
    assert list(tmp_path.iterdir()) == []
