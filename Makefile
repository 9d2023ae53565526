# The two commands: `make run` (set up and serve) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test lint format bench eval clean vendor-timelinejs

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

# Refresh the vendored TimelineJS (events/static/events/timelinejs/) from the version pinned in tools/timelinejs.
vendor-timelinejs:
	npm ci --prefix tools/timelinejs --no-audit --no-fund
	cp tools/timelinejs/node_modules/@knight-lab/timelinejs/dist/js/timeline.js* events/static/events/timelinejs/js/
	cp tools/timelinejs/node_modules/@knight-lab/timelinejs/dist/css/timeline.css* events/static/events/timelinejs/css/
	cp tools/timelinejs/node_modules/@knight-lab/timelinejs/dist/css/icons/* events/static/events/timelinejs/css/icons/
	cp tools/timelinejs/node_modules/@knight-lab/timelinejs/LICENSE events/static/events/timelinejs/LICENSE

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
