# The two commands: `make run` (set up and serve) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test lint format bench eval clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py import_releases seeds --publish
	$(PY) manage.py create_local_editor
	$(PY) manage.py runserver $(HOST)

test: $(VENV)/.installed
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Extraction scored on the real releases of ../shared/corpus, per part, against the committed baseline.
eval: $(VENV)/.installed
	$(PY) tools/eval_corpus.py $(if $(SHOW),--show $(SHOW)) --changes

# Benchmarks (not tests): extraction vs dateparser, feeds vs django-ical, timeline at 10k/100k events.
bench: $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-bench.txt
	$(PY) bench/extraction.py
	$(PY) bench/feeds.py
	$(PY) bench/timeline.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
