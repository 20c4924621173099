# Two commands do all set-up on a fresh Debian/Ubuntu machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export QT_QPA_PLATFORM ?= offscreen

.PHONY: setup demo test lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml .ci/setup-debian.sh
	bash .ci/setup-debian.sh
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python >= 3.11 is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[server,dev]'
	touch $@

demo: setup
	$(BIN)/helpdesk demo

lint: setup
	$(BIN)/lint-imports
	$(BIN)/ruff check helpdesk tests bench
	$(BIN)/mypy helpdesk/domain helpdesk/store helpdesk/services

test: lint
	bash .ci/cups.sh
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python bench/search.py --families 200000
	$(BIN)/python bench/give_aid.py
	$(BIN)/python bench/receipt.py

clean:
	rm -rf $(VENV) build dist *.egg-info
