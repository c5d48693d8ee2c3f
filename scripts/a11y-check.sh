#!/usr/bin/env bash
# Renders every sample profile with each template (standard, compact), the preview PDF of one,
# collection.pdf, a comparison of three samples in different languages (in English and in Arabic
# words) and the overview of a two-community collection into a scratch folder
# and runs the PDF/UA-1 scorecard (../shared/tools/a11y_check.py, as CI has shared/ beside the
# clone) on each; fails when any check fails.
#   [A11Y_REPORT=id,id] scripts/a11y-check.sh BINARY PYTHON
set -euo pipefail
binary=${1:?binary}
python=${2:?python}
checker=../shared/tools/a11y_check.py
if [ ! -f "$checker" ]; then
  echo "a11y-check: $checker is missing (shared/ must sit beside the clone)" >&2
  exit 2
fi
out=.build/a11y-check
rm -rf "$out"
mkdir -p "$out"
"$binary" build --force --output "$out" >/dev/null
"$binary" build --force --template compact --output "$out/compact" >/dev/null
"$binary" preview --output "$out" us-rse >/dev/null
"$binary" compare --output "$out" us-rse kenkyu-data-kiban arab-rse-network >/dev/null 2>&1
# The comparison in Arabic words (its pages mirrored) and a collection of two communities, whose
# short overview once put bare counts low on the page, where they read as page numbers.
"$binary" compare --language ar --output "$out/ar" us-rse kenkyu-data-kiban arab-rse-network >/dev/null 2>&1
"$binary" build --force --profiles Tests/Fixtures/sheets --output "$out/two" >/dev/null
# A11Y_REPORT: check ids printed but not yet required (scripts/a11y-gate.py).
"$python" scripts/a11y-gate.py "$checker" --report "${A11Y_REPORT:-}" "$out"/*.pdf "$out"/compact/*.pdf "$out"/preview/*.pdf "$out"/compare/*.pdf \
  "$out"/ar/compare/*.pdf "$out"/two/overview.pdf "$out"/two/collection.pdf
