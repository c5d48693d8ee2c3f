# profilesheet: community profiles to PDF summary sheets.
#   make sheets   set up, build, render every profile in profiles/ into output/
#   make test     set up, build, run every test
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/profilesheet

.PHONY: setup build sheets test bench install clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build --product profilesheet

sheets: build
	$(BIN) build

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Fuzzes with libFuzzer, each entry for FUZZ_SECONDS (default 600): profile loading, the SVG
# cleaner, survey exports with their mappings, templates (FUZZ_TARGETS="svg survey template"
# picks some); findings go to fuzz-artifacts/. Builds into .build-fuzz, apart from the normal
# build (scripts/fuzz.sh).
.PHONY: fuzz
FUZZ_SECONDS ?= 600
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

# Speed and memory, as medians over several runs of the release build (N profiles, RUNS runs).
bench: setup
	$(SWIFT) build -c release --product profilesheet
	N=$${N:-1000} RUNS=$${RUNS:-3} python3 scripts/bench.py

# Installs the release binary, its man page and shell completions under $(DESTDIR)$(PREFIX).
PREFIX ?= /usr/local
install: setup
	$(SWIFT) build -c release --product profilesheet
	mkdir -p .build/man
	$(SWIFT) package --allow-writing-to-directory .build/man generate-manual --output-directory .build/man
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/profilesheet $(DESTDIR)$(PREFIX)/bin/profilesheet
	install -m 644 .build/man/profilesheet.1 $(DESTDIR)$(PREFIX)/share/man/man1/profilesheet.1
	.build/release/profilesheet --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/profilesheet
	.build/release/profilesheet --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_profilesheet
	.build/release/profilesheet --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/profilesheet.fish

clean:
	rm -rf .build output/*.pdf output/*.png output/preview
