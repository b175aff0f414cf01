#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine with Python >= 3.11.
#   bash scripts/install.sh          the app's Python packages (in ./.venv) and Debian's chromium
#                                    (image/PDF export), fonts and poppler-utils (a PDF's picture)
#   bash scripts/install.sh --test   + test packages (pytest, Playwright driving that chromium,
#                                    psycopg, Hypothesis) and Debian's postgresql (the store tests
#                                    start a throwaway server)
#
# Why a project environment: Debian's own Python refuses `pip install` outside one (PEP 668,
# "externally-managed-environment"). The packages go into ./.venv, made with the system python3;
# the README's run and test commands use .venv/bin/... so nothing is installed system-wide by pip.
set -euo pipefail
cd "$(dirname "$0")/.."
extra=""
[ "${1:-}" = "--test" ] && extra="[test]"

sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then $sudo_cmd apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}

# Debian splits venv/ensurepip into python3-venv: without it `python3 -m venv` fails.
if [ ! -x .venv/bin/python ]; then
  if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
    echo "install.sh: installing Debian's python3-venv (needed to make the project environment)" >&2
    apt_install python3-venv
  fi
  python3 -m venv .venv
fi

if ! command -v chromium >/dev/null 2>&1 && [ -z "${PETA_BROWSER:-}" ]; then
  if ! apt_install chromium; then
    if [ -n "$extra" ]; then echo "install.sh: could not install chromium (needed by the tests)" >&2; exit 1; fi
    echo "install.sh: chromium not installed; the app runs, but PNG/SVG/PDF exports need it (or PETA_BROWSER)" >&2
  fi
fi
# One font on every surface (app, charts, exports, PDF): Noto Sans from Debian.
if ! fc-list 2>/dev/null | grep -q "NotoSans-Regular"; then
  apt_install fonts-noto-core fontconfig || echo "install.sh: fonts-noto-core not installed; charts fall back to another sans-serif font" >&2
fi
# pdftoppm draws the first page of a PDF kept as proof (dashboard/io/pdf_thumbnail.py); the export
# tests also render PDF pages with it to look at them
if ! command -v pdftoppm >/dev/null 2>&1; then
  if ! apt_install poppler-utils; then
    if [ -n "$extra" ]; then echo "install.sh: could not install poppler-utils (needed by the tests)" >&2; exit 1; fi
    echo "install.sh: poppler-utils not installed; the app runs, but a PDF cannot be kept as proof" >&2
  fi
fi
if [ -n "$extra" ] && ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  # the store tests start a throwaway PostgreSQL server on loopback (tests/conftest.py: pg_url)
  apt_install postgresql
fi
if [ -n "$extra" ] && ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  # tests/test_deploy.py runs deploy/nginx/peta.conf in front of two servers, on loopback, as its
  # own process: the package's service must not start (on a machine without an init it would try
  # to take port 80), so a policy-rc.d that denies it is put in place for the install if none is
  made_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee /usr/sbin/policy-rc.d >/dev/null && $sudo_cmd chmod +x /usr/sbin/policy-rc.d
    made_policy=1
  fi
  apt_install nginx || { [ -n "$made_policy" ] && $sudo_cmd rm -f /usr/sbin/policy-rc.d; exit 1; }
  if [ -n "$made_policy" ]; then $sudo_cmd rm -f /usr/sbin/policy-rc.d; fi
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extra}"
