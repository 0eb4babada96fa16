#!/usr/bin/env bash
# Installs what the tests need on a Debian machine, then the npm packages from the lockfile.
# Debian packages: chromium (task pane tests in a real browser), libxml2-utils (xmllint,
# offline manifest validation, and the ECMA-376 check of annotated copies with python3), libsecret-1-dev (keytar, pulled in by office-addin-debugging,
# compiles against it where no prebuilt binary can be fetched).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
# python3: runs ../shared/ooxml-xsd/validate-xlsx.py (with xmllint) from the package tests.
command -v python3 >/dev/null 2>&1 || missing+=(python3)
{ command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libsecret-1; } || missing+=(libsecret-1-dev pkg-config)

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "setup: installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: please install: ${missing[*]} (no apt-get here)" >&2
    exit 1
  fi
fi

npm ci --no-audit --no-fund
