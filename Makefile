# `make site` builds the site from the shipped content; `make test` runs every test.
# Both create the virtual environment in .venv when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve check bench clean

site: $(STAMP)
	$(BIN)/python build.py build

# The Nu HTML checker from `npm ci`, when present, also runs tests/test_examples_build.py's check.
VNU_JAR := $(wildcard $(CURDIR)/node_modules/vnu-jar/build/dist/vnu.jar)

test: $(STAMP)
	DOSSIER_VNU_JAR="$${DOSSIER_VNU_JAR:-$(VNU_JAR)}" $(BIN)/python -m pytest -q

serve: $(STAMP)
	$(BIN)/python build.py serve

check: $(STAMP)
	$(BIN)/python build.py check

bench: $(STAMP)
	$(BIN)/python bench/run.py

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf _site .dossier-cache
