#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine with Python >= 3.11.
#   bash scripts/install.sh          the app's Python packages and Debian's chromium (image/PDF export)
#   bash scripts/install.sh --test   + test packages (pytest, Playwright driving that chromium, psycopg)
#                                    and Debian's postgresql (the store tests start a throwaway server)
set -euo pipefail
cd "$(dirname "$0")/.."
extra=""
[ "${1:-}" = "--test" ] && extra="[test]"
if ! command -v chromium >/dev/null 2>&1 && [ -z "${PETA_BROWSER:-}" ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  if ! { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null; }; then
    if [ -n "$extra" ]; then echo "install.sh: could not install chromium (needed by the tests)" >&2; exit 1; fi
    echo "install.sh: chromium not installed; the app runs, but PNG/SVG/PDF exports need it (or PETA_BROWSER)" >&2
  fi
fi
if [ -n "$extra" ] && ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  # the store tests start a throwaway PostgreSQL server on loopback (tests/conftest.py: pg_url)
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
fi
python3 -m pip install --quiet --disable-pip-version-check -e ".${extra}"
