# Two commands do all the set-up on a fresh machine with python3 (3.11+):
#   make run    start the app        make test   run the whole test suite
# Each creates the virtual environment it needs in .venv.

PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python

.PHONY: run test bench dist clean

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

# A standalone folder, dist/pain-journal/, that runs without Python: PyInstaller is installed
# here only (it is not needed to run or test the app).
dist: $(VENV)/.installed
	$(PY) -m pip install --quiet 'pyinstaller>=6.10'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --name pain-journal \
	    --windowed --collect-submodules journal --exclude-module tkinter \
	    --add-data '$(CURDIR)/resources/icons:resources/icons' \
	    --add-data '$(CURDIR)/resources/pain-journal.desktop:resources' \
	    --add-data '$(CURDIR)/resources/instruments:resources/instruments' \
	    --add-data '$(CURDIR)/resources/crisis_contacts.json:resources' \
	    --add-data '$(CURDIR)/LICENSE:.' \
	    --distpath dist --workpath build/pyinstaller --specpath build/pyinstaller \
	    journal/__main__.py
	@echo "Built dist/pain-journal/pain-journal (copy the whole folder; see README)."

clean:
	rm -rf $(VENV) build dist *.egg-info
