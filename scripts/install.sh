#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine with Python >= 3.11.
#   bash scripts/install.sh          the app's Python packages
#   bash scripts/install.sh --test   + test packages and Debian's chromium (end-to-end tests)
set -euo pipefail
cd "$(dirname "$0")/.."
extra=""
if [ "${1:-}" = "--test" ]; then
  extra="[test]"
  if ! command -v chromium >/dev/null 2>&1; then
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
  fi
fi
python3 -m pip install --quiet --disable-pip-version-check -e ".${extra}"
