"""Settings, declared once.

Each setting has a name, a default and a help text. A value is read from the
environment first, then from ``.streamlit/secrets.toml`` (a top-level key of the
same name), then the default. The README's configuration table is generated from
:data:`SETTINGS` (``python -m dashboard settings``) so it cannot drift.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .io import files

PROJECT_ROOT = Path(__file__).resolve().parent.parent
UPSTREAM_GEO = (
    "https://raw.githubusercontent.com/cahyadsn/wilayah_boundaries/"
    "3c5a7960f4d227a38489094d84252bdbb3f978a5/"
)


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in [
        Setting("PETA_GEO_SOURCE", UPSTREAM_GEO,
                "Where boundary files come from: the upstream raw-file address at the pinned commit, "
                "or a local directory holding the same `db/...` paths (an offline mirror)."),
        Setting("PETA_PROVINCES", "all",
                "Province codes the maps draw, comma-separated, or `all`. Only drawing: the gazetteer, the "
                "records and every number always cover all 38 provinces; a region outside is counted and "
                "listed, and its page says that its map is not drawn."),
        Setting("PETA_CACHE_DIR", "",
                "Where verified downloads, parsed GeoParquet and snapshots of the loaded records are "
                "cached (writable by the operator only). Empty: the user's cache directory "
                "(`~/.cache/peta-netralitas` on Linux)."),
        Setting("PETA_DATA_DIR", str(PROJECT_ROOT / "data"),
                "The folder with `elections.yaml`, `ceremonies/*.yaml` and `indicators/*.csv`."),
        Setting("PETA_LANG", "id", "Default interface language: `id` (Bahasa Indonesia) or `en`."),
        Setting("PETA_TILES", "off",
                "Basemap under the polygons: `off` (polygons only; works with no network) or `osm` "
                "(OpenStreetMap tiles; needs internet)."),
        Setting("PETA_DB_URL", "",
                "The ceremony database (any SQLAlchemy URL, e.g. `postgresql+psycopg://user:pw@host/peta` for "
                "several app servers). Empty: the SQLite file `peta.db` inside PETA_DATA_DIR (git-ignored), "
                "created on first run and filled from the curated files."),
        Setting("PETA_LOGIN_TO_VIEW", "false",
                "`true`: even viewing needs a login. Entering, editing and importing always do."),
        Setting("PETA_BROWSER", "",
                "Chromium used for PNG/SVG/PDF exports and the briefing pack. Empty: `BROWSER_PATH`, "
                "else `chromium` (Debian's package) or `chromium-browser`/`google-chrome` on `PATH`."),
        Setting("PETA_BRIEFING_SECONDS", "20",
                "Seconds each view stays on the briefing screen (`?mode=briefing`) before the next; "
                "a link may override it with `&seconds=N` (5 to 600)."),
        Setting("PETA_FETCH", "on",
                "`on`: the server fetches article links pasted on *Dari berita* and given to `extract` "
                "(http/https only, 15 s for the whole fetch, 5 MB, public addresses only). `off`: files and pasted text only "
                "(a server without internet says so instead of waiting)."),
        Setting("PETA_FETCH_ALLOW", "",
                "Networks (`10.20.0.0/16`, `127.0.0.1/32`) and host names, comma-separated, that article "
                "links may reach although they are not public (an intranet mirror, the tests). Empty: public "
                "addresses only, so a pasted link cannot make the server reach inside its network."),
        Setting("PETA_SECRETS_FILE", str(PROJECT_ROOT / ".streamlit" / "secrets.toml"),
                "The accounts file (`[users.<name>]`) and these settings' second source; from the environment "
                "only. A server keeps it outside the checkout (`/etc/peta/secrets.toml`, docs/operator-guide.md); "
                "Streamlit's own `[auth]` for `st.login` stays in `.streamlit/secrets.toml`."),
        Setting("PETA_LETTER_TEMPLATE", "",
                "The follow-up letter's words and letterhead (*surat imbauan*, `export letter` and the Komitmen "
                "page): a copy of `dashboard/letter_template.yaml` the office edited. Empty: the shipped template."),
        Setting("PETA_PROOF_VISIBLE", "signed_in",
                "Who sees the files of proof beside a report (photos show the faces of civil servants): "
                "`signed_in` (users who signed in) or `everyone`. The mark *Ada bukti* and the count of files "
                "are shown to everyone."),
        Setting("PETA_TIMEZONE", "Asia/Jakarta",
                "Time zone of the times shown on *Riwayat* and in its download (stored in UTC): "
                "`Asia/Jakarta` (WIB), `Asia/Makassar` (WITA) or `Asia/Jayapura` (WIT)."),
    ]
}


def _secrets_file() -> Path:
    # from the environment only: the file cannot name itself
    return Path(os.environ.get("PETA_SECRETS_FILE", SETTINGS["PETA_SECRETS_FILE"].default))


def get(name: str) -> str:
    """The value of a declared setting (environment > secrets.toml > default)."""
    setting = SETTINGS[name]  # KeyError here is a programming error, not a user one
    if name in os.environ:
        return os.environ[name]
    path = _secrets_file()
    if path.is_file():
        value = files.read_toml(path).get(name)
        if value is not None:
            return str(value)
    return setting.default


def cache_dir() -> Path:
    configured = get("PETA_CACHE_DIR")
    if configured:
        return Path(configured).expanduser()
    import platformdirs  # a dependency of pooch

    return Path(platformdirs.user_cache_dir("peta-netralitas"))


def markdown_table() -> str:
    rows = ["| setting | default | what it does |", "| --- | --- | --- |"]
    for s in SETTINGS.values():
        default = s.default.replace(str(PROJECT_ROOT), "<project>") or "(empty)"
        rows.append(f"| `{s.name}` | `{default}` | {s.help} |")
    return "\n".join(rows)
