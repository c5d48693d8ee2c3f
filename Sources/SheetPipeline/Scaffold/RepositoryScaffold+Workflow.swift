/// The GitHub Actions workflow `profilesheet init` writes to `.github/workflows/sheets.yml`,
/// the same as `examples/github-actions/sheets.yml` (a test holds them equal).
extension RepositoryScaffold {
    /// The workflow, with profilesheet pinned to `version` (a tag of its repository).
    public static func workflow(version: String) -> String {
        // The steps every job that runs profilesheet starts with, and the date every build puts on
        // its sheets, written once here for the jobs that share them.
        let restoredTool = lines(Self.restoredToolSteps, indent: 6)
        let sourceDate = lines(Self.sourceDateCommands, indent: 10)
        return #"""
        # Community profile sheets, made by profilesheet (https://github.com/profilesheet/profilesheet).
        # `profilesheet init` writes this file to .github/workflows/sheets.yml.
        #
        # On a pull request every profile is validated, and each problem shows up as an annotation on
        # the line of the profile that has it. On the default branch every sheet is built, with the
        # gallery (index.html), collection.pdf and manifest.json, and published as the artifact
        # "community-profiles" and, when the repository's Settings → Pages → Source is "GitHub
        # Actions", as its GitHub Pages site.
        #
        # profilesheet is built from the pinned PROFILESHEET_VERSION once, then restored from the
        # cache. Only the packages a build needs are installed: the libraries it links, the Noto fonts,
        # the CJK fonts only when a profile or survey holds Chinese, Japanese or Korean text, and a
        # hyphenation dictionary for each language the profiles are written in.
        #
        # Sharding: a build renders some 60 sheets a second on two cores (profilesheet's
        # docs/performance.md), 1000 profiles in about 17 s, while every extra job costs about a minute
        # (a runner, the checkout, the cache, the packages) and gathering the shards another. Splitting
        # N profiles in two saves N/120 s, which passes those two minutes only past some 10000 profiles:
        # above PROFILES_PER_SHARD the build is split into shards of at most that many, and gathered.
        #
        # What a working group changes: PROFILESHEET_VERSION to upgrade (a tag or commit of
        # PROFILESHEET_REPOSITORY), STRICT to fail on warnings too, PROFILES_PER_SHARD rarely.
        # What it leaves alone: the steps themselves; `profilesheet build` in the repository's root
        # reads profiles/ and writes output/ as it does on a laptop.
        name: sheets

        on:
          pull_request:
          push:
          workflow_dispatch:

        permissions:
          contents: read

        concurrency:
          group: sheets-${{ github.ref }}
          cancel-in-progress: true

        env:
          PROFILESHEET_REPOSITORY: https://github.com/profilesheet/profilesheet.git
          PROFILESHEET_VERSION: v\#(version)
          SWIFT_VERSION: 6.3.1
          PROFILES_PER_SHARD: 10000
          STRICT: "false"

        jobs:
          # profilesheet itself (built once per version, then cached), what the profiles need to be
          # rendered, and whether to shard.
          tool:
            if: github.event_name == 'pull_request' || github.ref_name == github.event.repository.default_branch
            runs-on: ubuntu-24.04
            permissions:
              contents: read
              pages: read
            outputs:
              cache-key: ${{ steps.key.outputs.key }}
              packages: ${{ steps.needs.outputs.packages }}
              shards: ${{ steps.needs.outputs.shards }}
              shard-list: ${{ steps.needs.outputs.shard-list }}
              pages: ${{ steps.pages.outputs.enabled }}
            steps:
              - uses: actions/checkout@v4
              - id: key
                run: echo "key=profilesheet-$PROFILESHEET_VERSION-swift-$SWIFT_VERSION-ubuntu-24.04" >> "$GITHUB_OUTPUT"
              - id: cache
                uses: actions/cache/restore@v4
                with:
                  path: ~/.profilesheet
                  key: ${{ steps.key.outputs.key }}
              - name: Build profilesheet ${{ env.PROFILESHEET_VERSION }} (only when it is not cached yet)
                if: steps.cache.outputs.cache-hit != 'true'
                run: |
                  curl -fsSL "https://download.swift.org/swift-$SWIFT_VERSION-release/ubuntu2404/swift-$SWIFT_VERSION-RELEASE/swift-$SWIFT_VERSION-RELEASE-ubuntu24.04.tar.gz" \
                    | tar -xz -C "$RUNNER_TEMP"
                  export PATH="$RUNNER_TEMP/swift-$SWIFT_VERSION-RELEASE-ubuntu24.04/usr/bin:$PATH"
                  git clone --depth 1 --branch "$PROFILESHEET_VERSION" "$PROFILESHEET_REPOSITORY" "$RUNNER_TEMP/profilesheet"
                  # A release binary with Swift's libraries linked in, its templates, man page and completions.
                  make -C "$RUNNER_TEMP/profilesheet" install PREFIX="$HOME/.profilesheet"
              - if: steps.cache.outputs.cache-hit != 'true'
                uses: actions/cache/save@v4
                with:
                  path: ~/.profilesheet
                  key: ${{ steps.key.outputs.key }}
              - id: needs
                name: What the profiles need
                run: |
                  sudo apt-get update -qq
                  packages="libcairo2 libpango-1.0-0 libpangocairo-1.0-0 librsvg2-2 libgdk-pixbuf-2.0-0 libpng16-16t64 libspng0"
                  packages="$packages libhyphen0 libfontconfig1 libfreetype6 fonts-noto-core hyphen-en-us"
                  # The CJK fonts are large: only for Chinese, Japanese or Korean text.
                  if grep -rqP '[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]' profiles; then
                    packages="$packages fonts-noto-cjk"
                  fi
                  # A hyphenation dictionary for each language tag, or for its language alone.
                  for tag in $(grep -rhoP '^language:\s*\K[A-Za-z0-9-]+' profiles --include='*.yaml' --include='*.yml' | tr '[:upper:]' '[:lower:]' | sort -u); do
                    for candidate in "hyphen-$tag" "hyphen-${tag%%-*}"; do
                      if apt-cache show "$candidate" > /dev/null 2>&1; then packages="$packages $candidate"; break; fi
                    done
                  done
                  echo "packages=$packages" >> "$GITHUB_OUTPUT"
                  count=$(find profiles -maxdepth 1 \( -name '*.yaml' -o -name '*.yml' \) ! -name taxonomy.yaml | wc -l)
                  shards=$(( (count + PROFILES_PER_SHARD - 1) / PROFILES_PER_SHARD ))
                  [ "$shards" -ge 1 ] || shards=1
                  echo "shards=$shards" >> "$GITHUB_OUTPUT"
                  echo "shard-list=[$(seq -s , 1 "$shards")]" >> "$GITHUB_OUTPUT"
              - id: pages
                name: Is GitHub Pages published by Actions?
                env:
                  GH_TOKEN: ${{ github.token }}
                run: |
                  if [ "$(gh api "repos/$GITHUB_REPOSITORY/pages" --jq .build_type 2> /dev/null)" = workflow ]; then
                    echo "enabled=true" >> "$GITHUB_OUTPUT"
                  else
                    echo "enabled=false" >> "$GITHUB_OUTPUT"
                  fi

          # Pull requests: validate. The default branch: build everything in one job, unless sharded.
          sheets:
            needs: tool
            if: github.event_name == 'pull_request' || needs.tool.outputs.shards == '1'
            runs-on: ubuntu-24.04
            steps:
              \#(restoredTool)
              - name: Validate (problems become annotations)
                if: github.event_name == 'pull_request'
                run: |
                  if [ "$STRICT" = true ]; then set -- --strict; fi
                  profilesheet validate --diagnostics github "$@"
              - name: Build every sheet
                if: github.event_name != 'pull_request'
                run: |
                  \#(sourceDate)
                  if [ "$STRICT" = true ]; then set -- --strict; fi
                  profilesheet build --diagnostics github "$@"
              - if: github.event_name != 'pull_request'
                uses: actions/upload-artifact@v4
                with:
                  name: community-profiles
                  path: output/

          # Thousands of profiles: the build split over jobs, each rendering a stable slice.
          shard:
            needs: tool
            if: github.event_name != 'pull_request' && needs.tool.outputs.shards != '1'
            runs-on: ubuntu-24.04
            strategy:
              matrix:
                shard: ${{ fromJSON(needs.tool.outputs.shard-list) }}
            steps:
              \#(restoredTool)
              - name: Render shard ${{ matrix.shard }} of ${{ needs.tool.outputs.shards }}
                run: |
                  \#(sourceDate)
                  profilesheet build --shard ${{ matrix.shard }}/${{ needs.tool.outputs.shards }} --diagnostics github
              - uses: actions/upload-artifact@v4
                with:
                  name: shard-${{ matrix.shard }}
                  path: output/

          # The shards' sheets in one folder: every sheet is up to date (their manifests say so), so
          # this renders nothing and writes index.html, collection.pdf and one manifest.json.
          gather:
            needs: [tool, shard]
            runs-on: ubuntu-24.04
            steps:
              \#(restoredTool)
              - uses: actions/download-artifact@v4
                with:
                  pattern: shard-*
                  path: output/
                  merge-multiple: true
              - run: |
                  \#(sourceDate)
                  profilesheet build --diagnostics github
              - uses: actions/upload-artifact@v4
                with:
                  name: community-profiles
                  path: output/

          # The built sheets as the repository's GitHub Pages site, when Pages is published by Actions.
          pages:
            needs: [tool, sheets, gather]
            if: >-
              always() && github.event_name != 'pull_request' && needs.tool.outputs.pages == 'true'
              && (needs.sheets.result == 'success' || needs.gather.result == 'success')
            runs-on: ubuntu-24.04
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deploy.outputs.page_url }}
            steps:
              - uses: actions/download-artifact@v4
                with:
                  name: community-profiles
                  path: site/
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: site/
              - id: deploy
                uses: actions/deploy-pages@v4

        """#
    }

    /// The checkout, profilesheet from the cache the `tool` job filled, and the packages it
    /// found the profiles need: the first steps of `sheets`, `shard` and `gather`.
    static let restoredToolSteps = [
        "- uses: actions/checkout@v4",
        "- uses: actions/cache/restore@v4",
        "  with:",
        "    path: ~/.profilesheet",
        "    key: ${{ needs.tool.outputs.cache-key }}",
        "    fail-on-cache-miss: true",
        "- name: Install what a build needs",
        "  run: |",
        "    sudo apt-get update -qq",
        "    sudo apt-get install -y -qq --no-install-recommends ${{ needs.tool.outputs.packages }}",
        "    echo \"$HOME/.profilesheet/bin\" >> \"$GITHUB_PATH\"",
    ]

    /// The last commit's date as the sheets' date, so that a build of the same commit gives the
    /// same files: the start of every `run` that builds.
    static let sourceDateCommands = [
        "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)",
        "export SOURCE_DATE_EPOCH",
    ]

    /// `lines` for a place in the workflow `indent` spaces deep: the first takes the place's own
    /// indentation (where it is interpolated), the others get `indent` spaces.
    static func lines(_ lines: [String], indent: Int) -> String {
        lines.joined(separator: "\n" + String(repeating: " ", count: indent))
    }
}
