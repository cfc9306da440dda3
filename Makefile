# Two commands matter on a fresh machine: `make lab` and `make test`.
# Both create the virtual environment in .venv when it is missing.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The static site's widget JavaScript (npm ci, pinned by helpers/classroom/site_js/package-lock.json).
SITE_JS := helpers/classroom/site_js/node_modules/.package-lock.json
# axe-core for the accessibility audit of the browser tests (npm ci, pinned by tests/browser/axe/package-lock.json).
AXE_JS := tests/browser/axe/node_modules/.package-lock.json
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test test-fast lint bench lock venv clean class-test

venv: $(STAMP)

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-test.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

## Open the course in JupyterLab, at the start notebook (settings in jupyter_config/: no news pop-up,
## build and cache folders hidden; tests/browser/test_lab_opening.py starts it the same way).
lab: $(STAMP)
	jupyter_config/start-lab $(PY) $(ROOT_FLAG)

## Every test: lint and types first, then parser, curated data, widgets, notebooks (nbval), classroom, browser.
test: lint $(SITE_JS) $(AXE_JS)
	$(PY) -m pytest -n 2 -m "not browser" tests
	$(PY) -m pytest -m browser tests
	$(PY) -m pytest --nbval-lax --nbval-current-env -p no:randomly notebooks

## ruff (lint and format check) and mypy on the package and the tests.
lint: $(STAMP)
	$(VENV)/bin/ruff check helpers tests
	$(VENV)/bin/ruff format --check helpers tests
	$(VENV)/bin/mypy

## Regenerate the pins from pyproject.toml (pip-tools keeps every pin that still fits).
lock: $(STAMP)
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --strip-extras --no-annotate --no-emit-index-url --no-emit-find-links --extra course \
		--output-file requirements.txt pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --strip-extras --no-annotate --no-emit-index-url --no-emit-find-links --extra course --extra test \
		--constraint requirements.txt --output-file requirements-test.txt pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --strip-extras --no-annotate --no-emit-index-url --no-emit-find-links --extra course --extra test --extra class-test \
		--constraint requirements-test.txt --output-file requirements-class-test.txt pyproject.toml

## Quick loop for developers: no notebooks, no browser.
test-fast: $(STAMP)
	$(PY) -m pytest tests -m "not browser and not slow"

## 30 simulated students on a local JupyterHub through notebook 04 (about 2 minutes; not part of make test).
## Installs JupyterHub (requirements-class-test.txt) and configurable-http-proxy (npm, tests/classroom_load).
CLASS_TEST_FLAGS ?=
class-test: $(STAMP)
	$(PY) -m pip install --quiet -r requirements-class-test.txt
	npm ci --prefix tests/classroom_load --no-audit --no-fund
	$(PY) tests/classroom_load/class_test.py $(CLASS_TEST_FLAGS)

## Parse throughput (1x to 1,000x the seed), import time, notebook times.
bench: $(STAMP)
	$(PY) tests/benchmarks/bench.py

clean:
	rm -rf build dist site .pytest_cache .hypothesis test-artifacts

# -- Classroom (docs/teachers.md, docs/deploy.md) --------------------------------------------
.PHONY: student submission site app
STUDENT ?=
VOILA_PORT ?= 8866
VOILA_FLAGS ?= --port=$(VOILA_PORT)

## Student copies (no solutions, no outputs) in dist/student/ and dist/student.zip.
student: $(STAMP)
	$(PY) -m helpers.classroom student

## One student's answers as dist/submission/<name>_<date>_submission.html and .json: make submission STUDENT="Ana"
# The name reaches the program through the environment ($$STUDENT), never pasted into the shell line.
override STUDENT := $(value STUDENT)
export STUDENT
submission: $(STAMP)
	$(PY) -m helpers.classroom submission

## Run every course notebook and write it as a static web site in site/ (open site/index.html); the
## widget JavaScript (npm, pinned in helpers/classroom/site_js) is served from site/static/, so it works offline.
$(SITE_JS): helpers/classroom/site_js/package-lock.json
	npm ci --prefix helpers/classroom/site_js --no-audit --no-fund --loglevel=error
	touch $(SITE_JS)

$(AXE_JS): tests/browser/axe/package-lock.json
	npm ci --prefix tests/browser/axe --no-audit --no-fund --loglevel=error
	touch $(AXE_JS)

site: $(STAMP) $(SITE_JS)
	$(PY) -m helpers.classroom site

## The code-free apps in Voila at http://localhost:$(VOILA_PORT)/ (a home page that says what each app is for;
## jupyter_config/start-voila, which tests/test_voila_home.py starts the same way).
app: $(STAMP)
	jupyter_config/start-voila $(PY) --no-browser $(VOILA_FLAGS)
