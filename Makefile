# meteo: `make run` to use it, `make test` to check it. Both install what is missing first.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build, the tests and the benchmarks need.
APT_PACKAGES := libcurl4-openssl-dev libsqlite3-dev libncurses-dev pkg-config sqlite3 tmux openssl curl hyperfine time python3 \
  python3-venv postgresql-15 docker-compose wrk nginx-light mandoc zsh fish
# Python tools from PyPI, pinned, in a virtual environment of the project's own (.build-tools, ignored by git).
PY_TOOLS := schemathesis==4.32.5 yamllint==1.38.0 kubernetes-validate==1.37.0
TOOLS := .build-tools
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
ARGS ?=

.PHONY: deps tools build release run test lint format bench fuzz clean man install uninstall

# make install PREFIX=~/.local: where the binaries, man pages and completions go (DESTDIR for packagers);
# CONFIG=debug installs the debug build instead; BIN=DIR installs the binaries already in DIR (the tests do,
# into a temporary prefix, without asking SwiftPM while it runs them).
PREFIX ?= /usr/local
CONFIG ?= release
BIN ?=
# What install writes, relative to $(DESTDIR)$(PREFIX): uninstall removes exactly these.
INSTALLED := bin/meteo bin/meteo-records share/man/man1/meteo.1 share/man/man1/meteo-records.1 \
  share/bash-completion/completions/meteo share/zsh/site-functions/_meteo \
  share/fish/vendor_completions.d/meteo.fish

# make fuzz FUZZ_SECONDS=600: every parser under libFuzzer for that long each (make test runs them 8 s each).
FUZZ_SECONDS ?= 300

deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

tools: deps
	@if [ "$$(cat $(TOOLS)/installed 2>/dev/null)" != "$(PY_TOOLS)" ]; then \
	  echo "Installing into $(TOOLS): $(PY_TOOLS)"; \
	  python3 -m venv $(TOOLS) && $(TOOLS)/bin/pip install -q --disable-pip-version-check $(PY_TOOLS) \
	    && echo "$(PY_TOOLS)" > $(TOOLS)/installed; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product meteo

run: release
	@.build/release/meteo $(ARGS)

lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

format:
	$(SWIFT) format format -i -r Sources Tests Package.swift

# CI (CI=true) must replay the recorded real API answers, so their absence fails there.
# One throwaway PostgreSQL serves the Swift suites and the fuzzing of the live service against its spec.
# test-run.sh fails the run when anything the suite started is still alive at its end.
test: deps tools lint
	scripts/check-imports.py
	$(SWIFT) build --build-tests
	PATH="$(CURDIR)/$(TOOLS)/bin:$$PATH" scripts/check-deploy.sh
	scripts/check-test-run.sh
	scripts/fuzz-replay.sh
	scripts/fuzz.sh 8
	METEO_REQUIRE_RECORDED_ANSWERS=$${CI:+1} PATH="$(CURDIR)/$(TOOLS)/bin:$$PATH" scripts/test-run.sh scripts/with-postgres.sh \
	  bash -c '$(SWIFT) test --disable-xctest && scripts/fuzz-api.sh "$$($(SWIFT) build --show-bin-path)" 25'

bench: deps
	bench/run.sh

fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

# The manual pages, written by the programs from the specs that parse their command lines.
man:
	$(SWIFT) build --product meteo
	$(SWIFT) build --product meteo-records
	mkdir -p .build/man
	bin="$$($(SWIFT) build --show-bin-path)"; \
	  "$$bin/meteo" manpage > .build/man/meteo.1 && "$$bin/meteo-records" manpage > .build/man/meteo-records.1
	@echo "Written: .build/man/meteo.1 .build/man/meteo-records.1 (man -l .build/man/meteo.1)"

install:
	@if [ -z "$(BIN)" ] && [ "$(CONFIG)" = release ]; then \
	  $(SWIFT) build -c release --static-swift-stdlib --product meteo && \
	  $(SWIFT) build -c release --static-swift-stdlib --product meteo-records; \
	fi
	@set -e; bin="$(BIN)"; [ -n "$$bin" ] || bin="$$($(SWIFT) build -c $(CONFIG) --show-bin-path)"; \
	  root="$(DESTDIR)$(PREFIX)"; \
	  stage="$$(mktemp -d)"; trap 'rm -rf "$$stage"' EXIT; \
	  "$$bin/meteo" manpage > "$$stage/meteo.1"; "$$bin/meteo-records" manpage > "$$stage/meteo-records.1"; \
	  for shell in bash zsh fish; do "$$bin/meteo" completions $$shell > "$$stage/$$shell"; done; \
	  install -D -m 755 "$$bin/meteo" "$$root/bin/meteo"; \
	  install -D -m 755 "$$bin/meteo-records" "$$root/bin/meteo-records"; \
	  install -D -m 644 "$$stage/meteo.1" "$$root/share/man/man1/meteo.1"; \
	  install -D -m 644 "$$stage/meteo-records.1" "$$root/share/man/man1/meteo-records.1"; \
	  install -D -m 644 "$$stage/bash" "$$root/share/bash-completion/completions/meteo"; \
	  install -D -m 644 "$$stage/zsh" "$$root/share/zsh/site-functions/_meteo"; \
	  install -D -m 644 "$$stage/fish" "$$root/share/fish/vendor_completions.d/meteo.fish"; \
	  echo "Installed meteo and meteo-records into $$root"

uninstall:
	@for file in $(INSTALLED); do rm -f "$(DESTDIR)$(PREFIX)/$$file"; done; \
	  echo "Removed meteo's files from $(DESTDIR)$(PREFIX)"

clean:
	rm -rf .build
