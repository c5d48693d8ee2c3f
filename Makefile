# profilesheet: community profiles to PDF summary sheets.
#   make sheets   set up, build, render every profile in profiles/ into output/
#   make test     set up, build, run every test
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug/profilesheet

.PHONY: setup build sheets test clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build --product profilesheet

sheets: build
	$(BIN) build

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Fuzzes profile loading with libFuzzer for FUZZ_SECONDS (default 600); findings go to
# fuzz-artifacts/. Builds into .build-fuzz, apart from the normal build (scripts/fuzz.sh).
.PHONY: fuzz
FUZZ_SECONDS ?= 600
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

clean:
	rm -rf .build output/*.pdf output/*.png output/preview
