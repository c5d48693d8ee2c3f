# profilesheet: community profiles to PDF summary sheets.
#   make sheets   set up, build, render every profile in profiles/ into output/
#   make test     set up, build, run every test, check every sample sheet against PDF/UA-1
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/profilesheet

.PHONY: setup build sheets test venv bench install clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build --product profilesheet

sheets: build
	$(BIN) build

test: setup venv
	$(SWIFT) build --build-tests
	$(MAKE) test-man
	$(SWIFT) test --skip-build
	A11Y_REPORT=$(A11Y_REPORT) bash scripts/a11y-check.sh $(BIN) $(VENV)/bin/python
	$(VENV)/bin/python scripts/gallery-check.py $(BIN)

# Python test tools (pikepdf for ../shared/tools/a11y_check.py, actionlint, check-jsonschema,
# playwright for the gallery in Chromium: scripts/gallery-check.py)
# in .venv, from scripts/test-requirements.txt; made again when that file changes.
VENV := .venv
venv: $(VENV)/.installed
$(VENV)/.installed: scripts/test-requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r scripts/test-requirements.txt
	touch $@

# PDF/UA-1 checks `make test` would print without failing on (comma-separated ids): none, all
# 16 are required on every sample, the preview and collection.pdf.
A11Y_REPORT :=

# Fuzzes with libFuzzer, each entry for FUZZ_SECONDS (default 600): profile loading, the SVG
# cleaner, survey exports with their mappings, templates (FUZZ_TARGETS="svg survey template"
# picks some); findings go to fuzz-artifacts/. Builds into .build-fuzz, apart from the normal
# build (scripts/fuzz.sh; docs/checks.md, "Fuzzing the checks"). make test runs every entry
# over its seeds (FuzzEntryTests).
.PHONY: fuzz
FUZZ_SECONDS ?= 600
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

# Speed and memory, as medians over several runs of the release build (N profiles, RUNS runs).
bench: setup
	$(SWIFT) build -c release --product profilesheet
	N=$${N:-1000} RUNS=$${RUNS:-3} python3 scripts/bench.py

# Installs a release binary that runs without a Swift toolchain (Swift's standard library and
# Foundation linked in: -static-stdlib; checked with ldd), the templates under
# share/profilesheet/templates, the man page and shell completions, under $(DESTDIR)$(PREFIX).
# The static build has flags of its own, so it lives in its own folder, $(STATIC_BUILD).
#   make install-files INSTALL_BIN=… MAN_DIR=…   copies an already built binary and man page
PREFIX ?= /usr/local
STATIC_BUILD ?= .build-static
STATIC_FLAGS := -Xswiftc -static-stdlib
INSTALL_BIN ?= $(STATIC_BUILD)/release/profilesheet
MAN_DIR ?= $(STATIC_BUILD)/man
SHARE := $(DESTDIR)$(PREFIX)/share
.PHONY: install-binary install-files man
install: install-binary man install-files

# The man page of the debug build, for the tests of the installed files.
test-man:
	$(MAKE) man MAN_SCRATCH=.build MAN_FLAGS= MAN_CONFIG=debug MAN_DIR=.build/man

install-binary:
	@bash scripts/setup.sh build
	$(SWIFT) build -c release $(STATIC_FLAGS) --scratch-path $(STATIC_BUILD) --product profilesheet
	@if ldd $(INSTALL_BIN) | grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime'; then \
		echo "install: $(INSTALL_BIN) still loads the Swift libraries above from the toolchain" >&2; exit 1; fi

# The man page, from the commands' own help (swift-argument-parser's generate-manual plugin),
# built with the same scratch folder and flags as the binary, so it builds nothing again.
MAN_SCRATCH ?= $(STATIC_BUILD)
MAN_FLAGS ?= $(STATIC_FLAGS)
MAN_CONFIG ?= release
man:
	mkdir -p $(MAN_DIR)
	$(SWIFT) package --scratch-path $(MAN_SCRATCH) $(MAN_FLAGS) --allow-writing-to-directory $(MAN_DIR) \
		generate-manual --configuration $(MAN_CONFIG) --output-directory $(MAN_DIR)

install-files:
	rm -rf $(SHARE)/profilesheet/templates
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/man/man1 $(SHARE)/profilesheet/templates \
		$(SHARE)/bash-completion/completions $(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d
	install -m 755 $(INSTALL_BIN) $(DESTDIR)$(PREFIX)/bin/profilesheet
	install -m 644 $(MAN_DIR)/profilesheet.1 $(SHARE)/man/man1/profilesheet.1
	cp -R templates/. $(SHARE)/profilesheet/templates/
	$(INSTALL_BIN) --generate-completion-script bash > $(SHARE)/bash-completion/completions/profilesheet
	$(INSTALL_BIN) --generate-completion-script zsh > $(SHARE)/zsh/site-functions/_profilesheet
	$(INSTALL_BIN) --generate-completion-script fish > $(SHARE)/fish/vendor_completions.d/profilesheet.fish

clean:
	rm -rf .build $(STATIC_BUILD) output/*.pdf output/*.png output/preview
