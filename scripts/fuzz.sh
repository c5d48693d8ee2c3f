#!/usr/bin/env bash
# Fuzzes with libFuzzer, each entry for FUZZ_SECONDS (default 600), one after the other:
#   profile    profile loading (Fuzz/Entries/ProfileLoadFuzzEntry.swift)
#   svg        the SVG cleaner (SVGCleanFuzzEntry.swift)
#   survey     survey exports with their mappings (SurveyMergeFuzzEntry.swift)
#   template   templates, loaded and laid out (TemplateLayoutFuzzEntry.swift)
# FUZZ_TARGETS (e.g. "svg survey") runs only the entries named; by default every one runs.
#
#   scripts/fuzz.sh                 builds the drivers and fuzzes
#   scripts/fuzz.sh --seeds FOLDER  only writes each entry's seeds into FOLDER/<entry>/
#                                   (FuzzEntryTests runs the entries over them in `make test`)
#
# The entries are a library target (FuzzEntries) that every `swift build` compiles; their
# libFuzzer drivers (Fuzz/Drivers/*) define LLVMFuzzerTestOneInput and no `main`, so they are
# declared only when PROFILESHEET_FUZZ=1 (Package.swift) and built here with --sanitize=fuzzer
# (coverage for every target, libFuzzer's `main`) into their own scratch folder, .build-fuzz,
# leaving .build untouched. Each runs on its seeds with -rss_limit_mb and -timeout: a crash, a
# trap, a hang or a memory blow-up on one input is a finding, written to
# fuzz-artifacts/<entry>-crash-… (add it to Fuzz/Seeds/<entry>/ with the fix, so that
# FuzzEntryTests runs it from then on). fuzz-corpus/ (the growing corpus), fuzz-seeds/ and
# fuzz-artifacts/ are not committed (.gitignore).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SECONDS_TO_RUN=${FUZZ_SECONDS:-600}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
JOBS=${FUZZ_JOBS:-1}
ENTRIES="profile svg survey template"
wants() { [ -z "${FUZZ_TARGETS:-}" ] || [[ " $FUZZ_TARGETS " == *" $1 "* ]]; }

# copy FOLDER FILE…: each file under a name made of its path, as several folders hold a
# taxonomy.yaml or a demo.svg.
copy() {
    local folder=$1 file
    shift
    for file in "$@"; do [ -f "$file" ] && cp "$file" "$folder/${file//\//_}"; done
    return 0
}

# seeds ENTRY FOLDER: the repository's inputs of that kind, and the committed hostile cases and
# earlier findings of Fuzz/Seeds/ENTRY/.
seeds() {
    local entry=$1 folder=$2 mapping source
    rm -rf "$folder"
    mkdir -p "$folder"
    case $entry in
    profile)
        # The samples and the committed corpus (the generated cases are megabytes or FIFOs).
        copy "$folder" profiles/*.yaml Tests/Corpus/valid/*.yaml Tests/Corpus/invalid/*.yaml ;;
    svg)
        copy "$folder" profiles/logos/*.svg Tests/Corpus/*/logos/*.svg ;;
    survey)
        # Each sample mapping, a NUL byte and its CSV, the mapping's `source:` renamed fuzz.csv.
        for mapping in profiles/surveys/*.survey.yaml; do
            source=$(sed -n 's/^source: *\([^ #]*\).*/\1/p' "$mapping" | head -n 1)
            { sed 's/^source:.*/source: fuzz.csv/' "$mapping"; printf '\0'; cat "$(dirname "$mapping")/$source"; } \
                > "$folder/$(basename "$mapping")"
        done ;;
    template)
        copy "$folder" templates/*/template.yaml ;;
    esac
    if [ -d "Fuzz/Seeds/$entry" ]; then cp Fuzz/Seeds/"$entry"/* "$folder"/; fi
}

if [ "${1:-}" = --seeds ]; then
    for entry in $ENTRIES; do seeds "$entry" "$2/$entry"; done
    exit 0
fi

export PROFILESHEET_FUZZ=1
BIN_DIR=$("$SWIFT" build --scratch-path "$SCRATCH" -c release --sanitize=fuzzer --show-bin-path)
# What the entries read besides the input: logos a fuzzed profile can name, sample profiles
# that survey rows are merged into and templates lay out.
export FUZZ_LOGOS="$PWD/Tests/Corpus/valid/logos" FUZZ_PROFILES="$PWD/profiles"
# A trap ends the process at once: Swift's backtracer takes seconds, which libFuzzer would
# report as a timeout in place of the crash.
export SWIFT_BACKTRACE=enable=no
parallel=()
# Several jobs run as child processes, each logging to fuzz-N.log.
if [ "$JOBS" -gt 1 ]; then parallel=(-jobs="$JOBS" -workers="$JOBS"); fi

# The drivers, each entry's name, driver, memory limit (MB), time limit for one input (s) and
# libFuzzer options of its own.
drivers=(
    "profile profile-load-fuzzer 300 2 -dict=Fuzz/yaml.dict"
    "svg svg-clean-fuzzer 300 2"
    "survey survey-merge-fuzzer 300 2 -dict=Fuzz/csv.dict"
    "template template-layout-fuzzer 300 5 -dict=Fuzz/yaml.dict"
)

# fuzz ENTRY DRIVER RSS_MB TIMEOUT_S [libFuzzer option…]: writes the seeds and runs the
# driver for FUZZ_SECONDS.
fuzz() {
    local entry=$1 driver=$2 rss=$3 timeout=$4
    shift 4
    seeds "$entry" "fuzz-seeds/$entry"
    mkdir -p "fuzz-corpus/$entry" fuzz-artifacts
    "$BIN_DIR/$driver" "fuzz-corpus/$entry" "fuzz-seeds/$entry" \
        -max_len=65536 -rss_limit_mb="$rss" -timeout="$timeout" -max_total_time="$SECONDS_TO_RUN" \
        ${parallel[@]+"${parallel[@]}"} -artifact_prefix="fuzz-artifacts/$entry-" -print_final_stats=1 "$@"
}

# Every driver wanted is built before any runs, so that a build error shows at once.
for line in "${drivers[@]}"; do
    read -r entry driver _ <<< "$line"
    if wants "$entry"; then "$SWIFT" build --scratch-path "$SCRATCH" -c release --sanitize=fuzzer --product "$driver"; fi
done
for line in "${drivers[@]}"; do
    read -r -a arguments <<< "$line"
    if wants "${arguments[0]}"; then fuzz "${arguments[@]}"; fi
done
