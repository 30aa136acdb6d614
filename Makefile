# The two set-up commands: `make run` and `make test`. Each creates .venv on
# first use and reinstalls when pyproject.toml changes.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
QM     := $(patsubst %.ts,%.qm,$(wildcard resources/translations/*.ts))

.PHONY: run test lint format bench stress screenshots translations update-translations bytecode clean-venv

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Reader needs Python 3.11 or newer; found " + sys.version.split()[0])'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV). On Debian/Ubuntu: apt-get install python3-venv (as root, or with sudo)"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	@touch $(STAMP)

translations: $(STAMP) $(QM)

# After changing user-visible text: collect it into the .ts files (then
# translate the entries marked unfinished, e.g. in Qt Linguist).
update-translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find reader/ui reader/core -name '*.py') -ts resources/translations/*.ts

# Compiled bytecode for our own package, as a pip install would leave it:
# without it every start compiles ~40 modules again (~70 ms of `reader clean`,
# more for the window) when PYTHONDONTWRITEBYTECODE is set. Up to date = no-op.
bytecode: $(STAMP)
	@$(PY) -m compileall -q reader > /dev/null

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(PY) -m reader.ui.i18n_build $< $@

run: $(STAMP) translations bytecode
	@$(PY) -m reader.ui.preflight
	$(PY) -m reader gui

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# the library benchmarks at each size (100,000 articles take ~20 minutes:
# the corpus and its cold load are made first); BENCH_SIZES=10000 for a quick run
BENCH_SIZES ?= 10000 100000
bench: $(STAMP) bytecode
	$(PY) -m pip install --quiet trafilatura lxml_html_clean readability-lxml pytest-benchmark
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/benchmarks -p no:cacheprovider -o addopts="" --ignore=tests/benchmarks/test_bench_library.py
	for n in $(BENCH_SIZES); do \
	  echo "== $$n articles =="; \
	  READER_BENCH_N=$$n QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/benchmarks/test_bench_library.py -p no:cacheprovider -o addopts="" || exit 1; \
	done

screenshots: $(STAMP) translations
	READER_SCREENSHOTS=resources/screenshots QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/ui/test_screenshots.py

stress: $(STAMP)
	READER_STRESS=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/reliability

clean-venv:
	rm -rf $(VENV)
