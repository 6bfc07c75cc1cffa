# meteo: `make run` to use it, `make test` to check it. Both install what is missing first.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build, the tests and the benchmarks need.
APT_PACKAGES := libcurl4-openssl-dev libsqlite3-dev libncurses-dev pkg-config sqlite3 tmux openssl curl hyperfine time python3 \
  python3-venv postgresql-15 docker-compose wrk
# Python tools from PyPI, pinned, in a virtual environment of the project's own (.build-tools, ignored by git).
PY_TOOLS := schemathesis==4.32.5 yamllint==1.38.0 kubernetes-validate==1.37.0
TOOLS := .build-tools
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
ARGS ?=

.PHONY: deps tools build release run test lint format bench fuzz clean

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

clean:
	rm -rf .build
