# Two commands do all the set-up on a fresh clone (Python 3.11+ and make):
#   make site   builds the whole site into site/ (strict: any warning fails)
#   make test   runs every test
# Both create .venv from the pinned versions in requirements.lock first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: env site offline test lint checkers serve coverage readability sources catalogs language clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=23"
	$(BIN)/python -m pip install --quiet --constraint requirements.lock --editable '.[test]'
	touch $@

env: $(STAMP)

site: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

# The rule set is in pyproject.toml; complexity and size limits are measured by hand (README).
lint: $(STAMP)
	$(BIN)/ruff check hooks tests benchmarks

# The Nu HTML Checker for the tests (needs npm and Java; CI runs this).
checkers:
	npm install --prefix .tools --no-save --no-audit --no-fund vnu-jar@26.9.27

# Live preview: make serve [LOCALE=fr] [PORT=8001]. With LOCALE, English and that
# language only (a draft too), so a saved catalog shows in the browser at once.
# LOCALE and PORT reach the shell as environment variables, never as command text.
serve: $(STAMP)
	LEAFLET_PREVIEW="$$LOCALE" $(BIN)/mkdocs serve --dev-addr "127.0.0.1:$${PORT:-8000}"

# Translators: refresh every catalog from docs/ (never loses a translation).
catalogs: $(STAMP)
	$(BIN)/python -m leaflet.i18n.catalogs refresh

# Start a language: make language LOCALE=pt-BR
# LOCALE reaches the shell only as an environment variable, never as text
# in the command, and the command checks the code before using it.
language: $(STAMP)
	@test -n "$$LOCALE" || { echo "usage: make language LOCALE=<code>, for example LOCALE=pt-BR"; exit 2; }
	$(BIN)/python -m leaflet.i18n.catalogs init "$$LOCALE"

# Reviewers: does every published language cover every required section?
coverage: $(STAMP)
	$(BIN)/locale-coverage $(COVERAGE_ARGS)

readability: $(STAMP)
	$(BIN)/python -m leaflet.content.readability docs

# Reviewers: each page's review record and the sources it is based on (exit 1 if a page has none).
sources: $(STAMP)
	$(BIN)/python -m leaflet.content.sources docs

# Clinics: one PDF of the whole leaflet per published language, written into the built site
# (run make site first). LEAFLETS_ARGS="--paper Letter" prints on US Letter.
.PHONY: leaflets
leaflets: $(STAMP)
	$(BIN)/python -m leaflet.leaflets $(LEAFLETS_ARGS)

# One zip of the built site that works from file:// (no server): run make site first.
offline: $(STAMP)
	$(BIN)/python -m leaflet.hosting.offline --site site --output dist/leaflet-offline.zip

clean:
	rm -rf site dist .cache $(VENV) .tools
