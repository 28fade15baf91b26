# Two commands do all the set-up on a fresh machine with python3 (3.11+):
#   make run    start the app        make test   run the whole test suite
# Each creates the virtual environment it needs in .venv.

PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python

.PHONY: run test bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/pain-journal

test: $(VENV)/.installed
	$(VENV)/bin/ruff check journal tests benchmarks
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(VENV)/.installed
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/inprocess.py
	$(PY) benchmarks/apple_health.py

clean:
	rm -rf $(VENV) build *.egg-info
