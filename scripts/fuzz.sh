#!/usr/bin/env bash
# Fuzzes with libFuzzer, each entry for FUZZ_SECONDS (default 600): profile loading, the SVG
# cleaner, survey exports with their mappings, and templates. FUZZ_TARGETS (e.g. "svg survey
# template"; the names are those `wants` is asked about) runs only the entries named; by
# default every one runs.
#
# The fuzz entry (Fuzz/ProfileLoadFuzzer.swift) is deliberately not a SwiftPM target: an
# executable built with -sanitize=fuzzer gets its `main` from libFuzzer, which a normal
# `swift build` cannot link. So this script
#   1. builds SheetCore (and Yams, libyaml) with fuzzer coverage into its own scratch folder,
#      .build-fuzz, leaving .build untouched;
#   2. compiles the entry with `swiftc -sanitize=fuzzer` against that module and links the
#      object files;
#   3. runs it on a seed corpus of profiles/ and Tests/Corpus/, with -rss_limit_mb=200 and
#      -timeout=2: a crash, a hang or a memory blow-up on one input is a finding, written to
#      fuzz-artifacts/.
# fuzz-corpus/ (the growing corpus) and fuzz-artifacts/ are not committed (.gitignore).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-swiftc}
SECONDS_TO_RUN=${FUZZ_SECONDS:-600}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
JOBS=${FUZZ_JOBS:-1}
wants() { [ -z "${FUZZ_TARGETS:-}" ] || [[ " $FUZZ_TARGETS " == *" $1 "* ]]; }

"$SWIFT" build --scratch-path "$SCRATCH" -c release --target SheetCore \
    -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link
BIN_DIR=$("$SWIFT" build --scratch-path "$SCRATCH" -c release --show-bin-path)
CYAML=$(find "$SCRATCH/checkouts" -path '*Sources/CYaml/include' -type d | head -n 1)

objects=()
for target in SheetCore Yams CYaml; do
    while IFS= read -r object; do objects+=("$object"); done < <(find "$BIN_DIR/$target.build" -name '*.o' | sort)
done
"$SWIFTC" -O -sanitize=fuzzer -parse-as-library -swift-version 5 \
    -I "$BIN_DIR/Modules" -Xcc -fmodule-map-file="$CYAML/module.modulemap" -Xcc -I"$CYAML" \
    Fuzz/ProfileLoadFuzzer.swift "${objects[@]}" -lFoundationXML \
    -o "$BIN_DIR/profile-load-fuzzer"

rm -rf fuzz-seeds
mkdir -p fuzz-corpus fuzz-artifacts fuzz-seeds
# The samples and the committed corpus (the generated cases are megabytes or FIFOs), each
# under a name made of its path, as several folders hold a taxonomy.yaml.
for file in profiles/*.yaml Tests/Corpus/valid/*.yaml Tests/Corpus/invalid/*.yaml; do
    cp "$file" "fuzz-seeds/${file//\//_}"
done

parallel=()
# Several jobs run as child processes, each logging to fuzz-N.log.
if [ "$JOBS" -gt 1 ]; then parallel=(-jobs="$JOBS" -workers="$JOBS"); fi
if wants profile; then
FUZZ_LOGOS="$PWD/Tests/Corpus/valid/logos" "$BIN_DIR/profile-load-fuzzer" fuzz-corpus fuzz-seeds \
    -dict=Fuzz/yaml.dict -max_len=65536 -rss_limit_mb=200 -timeout=2 \
    -max_total_time="$SECONDS_TO_RUN" "${parallel[@]}" \
    -artifact_prefix=fuzz-artifacts/ -print_final_stats=1
fi

# --- The SVG cleaner (Fuzz/SVGCleanFuzzer.swift) ---------------------------------------------
# Its sources (Sources/SheetRender/Images/SVG/) need only SheetCore and libxml2, so they are
# compiled into the entry itself, with fuzzer coverage, against the SheetCore built above; no
# cairo or librsvg is linked. Seeds: every SVG logo of the samples and the corpus, and hostile
# cases (escaped url(), xml-stylesheet, xi:include, entities, filters, huge numbers).
if wants svg; then
    "$SWIFTC" -O -sanitize=fuzzer -parse-as-library -swift-version 6 -module-name SVGCleanFuzz \
        -I "$BIN_DIR/Modules" -Xcc -fmodule-map-file=Sources/CXML2/module.modulemap -Xcc -I/usr/include/libxml2 \
        Fuzz/SVGCleanFuzzer.swift Sources/SheetRender/Images/SVG/*.swift "${objects[@]}" -lxml2 -lFoundationXML \
        -o "$BIN_DIR/svg-clean-fuzzer"
    rm -rf fuzz-seeds-svg
    mkdir -p fuzz-corpus-svg fuzz-seeds-svg
    for file in profiles/logos/*.svg Tests/Corpus/*/logos/*.svg; do
        cp "$file" "fuzz-seeds-svg/${file//\//_}"
    done
    svg='<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xi="http://www.w3.org/2001/XInclude" width="10" height="10">'
    printf '%s' "$svg"'<style>rect{fill:\75 rl(x.csv)} @import url(a.css); @font-face{src:url(b)}</style><rect width="1e38" height="10" stroke-width="1e38"/></svg>' > fuzz-seeds-svg/hostile-css.svg
    printf '%s' '<?xml-stylesheet href="x.css"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;">]>'"$svg"'<text font-size="1e30">&b;<xi:include href="x.csv" parse="text"/></text><image href="data:image/png;base64,iVBORw0KGgo="/></svg>' > fuzz-seeds-svg/hostile-xml.svg
    printf '%s' "$svg"'<filter id="f"><feConvolveMatrix order="21"/></filter><g filter="url(#f)"><a xlink:href="javascript:x"><use href="file:///etc/passwd#a"/><path d="M0 0L1e9-5z" style="font-size:200%"/></a></g><script>x</script><foreignObject/></svg>' > fuzz-seeds-svg/hostile-elements.svg
    "$BIN_DIR/svg-clean-fuzzer" fuzz-corpus-svg fuzz-seeds-svg \
        -max_len=65536 -rss_limit_mb=200 -timeout=2 \
        -max_total_time="$SECONDS_TO_RUN" "${parallel[@]}" \
        -artifact_prefix=fuzz-artifacts/svg- -print_final_stats=1
fi

# Survey exports with their mappings (Fuzz/SurveyMergeFuzzer.swift): SheetSurvey and what it
# links (SheetCore, Yams, swift-crypto) built with coverage; seeds are the sample mappings,
# each followed by a NUL byte and its CSV, the mapping's `source:` renamed to fuzz.csv.
if wants survey; then
    "$SWIFT" build --scratch-path "$SCRATCH" -c release --target SheetSurvey \
        -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link
    survey_objects=()
    for target in SheetSurvey SheetCore Yams CYaml Crypto CCryptoBoringSSL CCryptoBoringSSLShims CryptoBoringWrapper; do
        [ -d "$BIN_DIR/$target.build" ] || continue
        while IFS= read -r object; do survey_objects+=("$object"); done < <(find "$BIN_DIR/$target.build" -name '*.o' | sort)
    done
    "$SWIFTC" -O -sanitize=fuzzer -parse-as-library -swift-version 5 \
        -I "$BIN_DIR/Modules" -Xcc -fmodule-map-file="$CYAML/module.modulemap" -Xcc -I"$CYAML" \
        Fuzz/SurveyMergeFuzzer.swift "${survey_objects[@]}" -lFoundationXML \
        -o "$BIN_DIR/survey-merge-fuzzer"
    rm -rf fuzz-seeds-survey
    mkdir -p fuzz-corpus-survey fuzz-artifacts fuzz-seeds-survey
    for mapping in profiles/surveys/*.survey.yaml; do
        source=$(sed -n 's/^source: *\([^ #]*\).*/\1/p' "$mapping" | head -n 1)
        { sed 's/^source:.*/source: fuzz.csv/' "$mapping"; printf '\0'; cat "$(dirname "$mapping")/$source"; } \
            > "fuzz-seeds-survey/$(basename "$mapping")"
    done
    FUZZ_PROFILES="$PWD/profiles" "$BIN_DIR/survey-merge-fuzzer" fuzz-corpus-survey fuzz-seeds-survey \
        -dict=Fuzz/csv.dict -max_len=65536 -rss_limit_mb=300 -timeout=2 \
        -max_total_time="$SECONDS_TO_RUN" "${parallel[@]}" \
        -artifact_prefix=fuzz-artifacts/survey- -print_final_stats=1
fi

# Templates (Fuzz/TemplateLayoutFuzzer.swift): SheetLayout built with coverage; each input is
# a template.yaml, and one that loads lays out two sample profiles on every paper with the
# fixed-metric measurer. Seeds are the repository's templates.
if wants template; then
    "$SWIFT" build --scratch-path "$SCRATCH" -c release --target SheetLayout \
        -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link
    template_objects=()
    for target in SheetLayout SheetCore Yams CYaml; do
        while IFS= read -r object; do template_objects+=("$object"); done < <(find "$BIN_DIR/$target.build" -name '*.o' | sort)
    done
    "$SWIFTC" -O -sanitize=fuzzer -parse-as-library -swift-version 5 \
        -I "$BIN_DIR/Modules" -Xcc -fmodule-map-file="$CYAML/module.modulemap" -Xcc -I"$CYAML" \
        Fuzz/TemplateLayoutFuzzer.swift "${template_objects[@]}" -lFoundationXML \
        -o "$BIN_DIR/template-layout-fuzzer"
    rm -rf fuzz-seeds-template
    mkdir -p fuzz-corpus-template fuzz-artifacts fuzz-seeds-template
    for file in templates/*/template.yaml; do
        cp "$file" "fuzz-seeds-template/${file//\//_}"
    done
    FUZZ_PROFILES="$PWD/profiles" "$BIN_DIR/template-layout-fuzzer" fuzz-corpus-template fuzz-seeds-template \
        -dict=Fuzz/yaml.dict -max_len=65536 -rss_limit_mb=300 -timeout=5 \
        -max_total_time="$SECONDS_TO_RUN" "${parallel[@]}" \
        -artifact_prefix=fuzz-artifacts/template- -print_final_stats=1
fi
