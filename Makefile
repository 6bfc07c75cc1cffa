# meteo: `make run` to use it, `make test` to check it. Both install what is missing first.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build, the tests and the benchmarks need.
APT_PACKAGES := libcurl4-openssl-dev libsqlite3-dev libncurses-dev pkg-config sqlite3 tmux openssl curl hyperfine time python3 \
  postgresql-15
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
ARGS ?=

.PHONY: deps build release run test lint format bench clean

deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
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
test: deps lint
	$(SWIFT) build --build-tests
	METEO_REQUIRE_RECORDED_ANSWERS=$${CI:+1} scripts/with-postgres.sh $(SWIFT) test --disable-xctest

bench: deps
	bench/run.sh

clean:
	rm -rf .build
