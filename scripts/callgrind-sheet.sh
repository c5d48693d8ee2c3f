#!/bin/bash
# What a sheet costs in instructions, where repeatable figures are needed on a shared machine:
#   scripts/callgrind-sheet.sh [BINARY] [TAG] [TEMPLATE_DIR]
# BINARY defaults to .build/release/profilesheet (build it with `swift build -c release`).
# Runs `build --force --jobs 1` of the first 3 and the first 10 profiles scripts/bench.py
# generates (seed 7: every component used) under `valgrind --tool=callgrind`, logo verdicts
# cached by a run before each, and prints the millions of instructions a sheet,
# (I10 - I3) / 7, so that start-up and the build's fixed work drop out. Writes
# $OUT/cg-TAG-{3,10}.out and $OUT/cg-TAG-sheet.txt: every function's inclusive cost a sheet,
# highest first (OUT defaults to /tmp). Needs valgrind and callgrind_annotate.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/.build/release/profilesheet}"
tag="${2:-sheet}"
template="${3:-$root/templates/standard}"
out="${OUT:-/tmp}"
mkdir -p "$out"
[ -x "$bin" ] || { echo "no binary at $bin: run swift build -c release --product profilesheet" >&2; exit 2; }
# Swift seeds its hashing at random in each process, which moves a sheet's count by 1-2 M
# instructions between runs of the same binary; fixed, the runs repeat.
export SWIFT_DETERMINISTIC_HASHING=1
# valgrind cannot read Swift's DWARF: a copy without it.
cp "$bin" "$out/ps-$tag" && strip --strip-debug "$out/ps-$tag"
for n in 3 10; do
  profiles="$out/cg-profiles-$n"
  [ -d "$profiles" ] || (cd "$root" && python3 -c "import sys; sys.path.insert(0, 'scripts'); import bench; bench.generate('$profiles', $n)")
  build=("$out/ps-$tag" build --force --jobs 1 --profiles "$profiles" --template "$template" --output "$out/cg-output-$tag-$n")
  "${build[@]}" > /dev/null 2>&1 || true
  valgrind --tool=callgrind --callgrind-out-file="$out/cg-$tag-$n.out" "${build[@]}" > "$out/cg-$tag-$n.log" 2>&1
  callgrind_annotate --inclusive=yes --threshold=100 "$out/cg-$tag-$n.out" > "$out/ann-$tag-$n.txt" 2>/dev/null
done
python3 - "$out" "$tag" <<'PY'
import re, subprocess, sys
out, tag = sys.argv[1], sys.argv[2]
def load(path):
    costs = {}
    for line in open(path):
        match = re.match(r'\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(\S.*)', line)
        if match: costs[match.group(2)[:300]] = int(match.group(1).replace(',', ''))
    return costs
ten, three = load(f'{out}/ann-{tag}-10.txt'), load(f'{out}/ann-{tag}-3.txt')
rows = sorted((((ten[k] - three.get(k, 0)) / 7e6), k) for k in ten)[::-1][:250]
names = subprocess.run(['swift', 'demangle', '--compact', '--simplified'], input='\n'.join(k for _, k in rows),
                       capture_output=True, text=True).stdout.splitlines() or [k for _, k in rows]
with open(f'{out}/cg-{tag}-sheet.txt', 'w') as table:
    for (cost, _), name in zip(rows, names):
        table.write(f"{cost:8.1f}  {name[:200]}\n")
total = next((cost for cost, name in rows if name == 'PROGRAM TOTALS'), None)
print(f"{total:.1f} M instructions a sheet; every function: {out}/cg-{tag}-sheet.txt")
PY
