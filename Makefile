# Two commands do all set-up on a fresh Debian/Ubuntu machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

I18N := resources/i18n

.PHONY: setup demo test lint bench chaos clean translations i18n-update screenshots package

setup: $(VENV)/.installed translations

$(VENV)/.installed: pyproject.toml .ci/setup-debian.sh
	bash .ci/setup-debian.sh
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python >= 3.11 is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[server,dev]'
	touch $@

translations: $(VENV)/.installed $(I18N)/helpdesk_zh_CN.qm $(I18N)/helpdesk_en.qm

$(I18N)/%.qm: $(I18N)/%.ts $(VENV)/.installed
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing UI strings; then translate in $(BIN)/pyside6-linguist.
i18n-update: setup
	$(BIN)/pyside6-lupdate helpdesk/app.py $$(find helpdesk/ui -name '*.py') -no-obsolete \
		-ts $(I18N)/helpdesk_zh_CN.ts $(I18N)/helpdesk_en.ts

demo: setup
	$(BIN)/helpdesk demo

screenshots: setup
	$(BIN)/python docs/make_screenshots.py
	$(BIN)/python docs/make_office_screenshots.py

lint: setup
	$(BIN)/lint-imports
	$(BIN)/ruff check helpdesk tests bench
	$(BIN)/mypy helpdesk/domain helpdesk/store helpdesk/services helpdesk/server

test: export QT_QPA_PLATFORM = offscreen
test: lint
	bash .ci/cups.sh
	eval "$$(bash .ci/postgres.sh)" && $(BIN)/pytest -q

bench: setup
	$(BIN)/python bench/search.py --families 200000
	$(BIN)/python bench/give_aid.py
	$(BIN)/python bench/receipt.py
	$(BIN)/python bench/startup.py --families 200000
	$(BIN)/python bench/sync.py --changes 100000

# Not part of `make test` (about an hour): random SIGKILLs and a faulty network, on SQLite then
# PostgreSQL; a small run of the same code is tests/e2e/test_chaos.py.
CHAOS ?= --kills 1000 --faulty-syncs 200
chaos: setup
	$(BIN)/python bench/chaos.py $(CHAOS) --db sqlite
	eval "$$(bash .ci/postgres.sh)" && $(BIN)/python bench/chaos.py $(CHAOS) --db pg

# The Linux bundle: dist/helpdesk/ and dist/helpdesk-<version>-linux-x86_64.tar.gz.
package: setup
	$(BIN)/python packaging/pack.py --dist dist --work build

clean:
	rm -rf $(VENV) build dist *.egg-info
