# The two commands a newcomer needs: `make serve` and `make test`. Each bootstraps .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Material prints a banner about MkDocs 2.0 on every build; it is not a finding of ours.
export NO_MKDOCS_2_WARNING := 1
ADDR ?= 127.0.0.1:8000

.PHONY: serve test build build-production offline check venv browser node bench links clean

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

venv: $(VENV)/.installed

# The npm tools of the quality gates and the benchmark (axe-core, vnu-jar, lighthouse), pinned in
# package-lock.json. --ignore-scripts: vnu-jar's postinstall would download a Java runtime; the
# system's (default-jre-headless) is used instead.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

node: node_modules/.installed

## Serve the site with live reload on http://$(ADDR)/
serve: venv
	$(PY) -m mkdocs serve --dev-addr $(ADDR) --livereload

## Every check and test: content rules, strict build, browser tests, quality gates.
test: venv browser node_modules/.installed
	$(PY) -m pytest

## Strict build into site/ (zero warnings).
build: venv
	$(PY) -m mkdocs build --strict

## The build that goes live: refuses demo contact values (see README "Going live").
build-production: venv
	OKPAY_PRODUCTION=1 $(PY) -m mkdocs build --strict

## The offline copy: build/okpay-help-offline.zip (opens from disk, search included).
offline: venv
	$(PY) scripts/package_offline.py

## Content rules, Markdown lint and the translation drift report (fast feedback while writing).
check: venv
	$(PY) scripts/check_content.py
	$(PY) -m pymarkdown --config .pymarkdown.json scan -r docs reusables templates
	$(PY) scripts/translation_status.py

## Build cost, bytes per first visit, search index size, Lighthouse: one table + build/bench.json.
bench: venv browser node_modules/.installed
	$(PY) scripts/bench.py
	$(PY) -m helpcenter.search.bench --json build/search-bench.json

## Internal links and anchors of a fresh build; lists external links (never fetched).
links: venv
	$(PY) scripts/check_links.py --report

browser: venv
	$(PY) scripts/ensure_browser.py

clean:
	rm -rf site build
