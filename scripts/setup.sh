#!/usr/bin/env bash
# Installs the Debian packages profilesheet needs, when they are missing.
# Used by every make target that builds or runs something; safe to run again.
set -euo pipefail

packages=(
  pkg-config
  libcairo2-dev        # PDF and PNG surfaces
  libpango1.0-dev      # text shaping, line breaking, font fallback
  librsvg2-dev         # SVG logos
  libxml2-dev          # SVG logos parsed and cleaned before librsvg sees them
  libgdk-pixbuf-2.0-dev  # JPEG logos
  libpng-dev           # thumbnails (libpng's simplified API)
  libspng-dev          # PNG logos, decoded a row at a time
  libfreetype-dev libfontconfig-dev  # font faces opened for cairo (CairoFontFaces)
  libharfbuzz-dev      # hb-subset: the subroutines of embedded CJK (CFF) fonts
  zlib1g-dev           # page content streams rewritten by the accessibility pass
  libicu-dev           # plural rules for the template's strings
  libhyphen-dev        # dictionary hyphenation (LibreOffice's libhyphen)
  libqpdf-dev          # every written PDF checked before it takes its name (PDFStructureCheck); CJK font programs rewritten
  hyphen-en-us hyphen-en-gb hyphen-de hyphen-fr hyphen-es hyphen-it hyphen-nl  # its patterns,
  hyphen-pt-br hyphen-pt-pt hyphen-ca hyphen-da hyphen-sv hyphen-no hyphen-pl  # in /usr/share/hyphen
  hyphen-ru hyphen-cs
  fontconfig
  fonts-noto-core      # Latin, Greek, Cyrillic, Arabic, Ethiopic, … scripts
  fonts-noto-cjk       # Chinese, Japanese, Korean
  poppler-utils        # pdfinfo, pdffonts, pdftotext, pdftoppm: used by the tests
  qpdf                 # PDF structure checks in the tests
  libjpeg-turbo-progs  # jpegtran: the tests' progressive JPEG with repeated scans
  chromium             # headless browser: the gallery page's end-to-end test
  python3-venv         # .venv for the Python test tools (scripts/test-requirements.txt)
  shellcheck           # actionlint checks the workflows' scripts with it
)

# `setup.sh build` (make install): only what compiling and linking need, pkg-config and the
# -dev packages, not the fonts, dictionaries and test tools a machine that only builds can do without.
if [ "${1:-}" = build ]; then
  needed=()
  for package in "${packages[@]}"; do
    case "$package" in pkg-config | *-dev) needed+=("$package") ;; esac
  done
  packages=("${needed[@]}")
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "setup: these packages are missing and this user cannot install them: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fc-cache -f >/dev/null 2>&1 || true
