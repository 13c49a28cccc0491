# Everything runs in .venv, created on first use, so a fresh clone needs nothing but Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: test validate master clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest -q

validate: $(STAMP)
	$(BIN)/iwpacks validate

# Every course that is not pending, into dist/master/ and dist/iwpacks-master.zip.
master: $(STAMP)
	$(BIN)/iwpacks build --out dist/master --zip

clean:
	rm -rf dist build *.egg-info
