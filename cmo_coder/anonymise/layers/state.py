"""What every layer shares on a ``Doc``: its candidates, its suspicions and whether it is caption text."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate, Suspicion

if not Doc.has_extension("cmo_candidates"):
    Doc.set_extension("cmo_candidates", default=None)
if not Doc.has_extension("cmo_suspicions"):
    Doc.set_extension("cmo_suspicions", default=None)
if not Doc.has_extension("cmo_text"):
    Doc.set_extension("cmo_text", default=None)
if not Doc.has_extension("cmo_caseless"):
    Doc.set_extension("cmo_caseless", default=None)

FUNCTION_POS = {"AUX", "VERB", "ADJ", "ADP", "ADV", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM", "INTJ"}


def candidates(doc: Doc) -> list[Candidate]:
    if doc._.cmo_candidates is None:
        doc._.cmo_candidates = []
    return doc._.cmo_candidates


def suspicions(doc: Doc) -> list[Suspicion]:
    if doc._.cmo_suspicions is None:
        doc._.cmo_suspicions = []
    return doc._.cmo_suspicions


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy joins every token's text again on each access."""
    if doc._.cmo_text is None:
        doc._.cmo_text = doc.text
    return str(doc._.cmo_text)


def is_caseless(text: str) -> bool:
    """Automatic captions are often all lower case: then capitals carry no signal at all."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) < 0.005


NEVER_NAME_POS = {"AUX", "VERB", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PART", "NUM"}


class CaseFlag:
    """Runs first: marks caseless docs so every later layer can adapt.

    ``override`` is set per transcript: one short turn says too little about casing.
    """

    def __init__(self) -> None:
        self.override: bool | None = None

    def __call__(self, doc: Doc) -> Doc:
        doc._.cmo_text = doc.text
        doc._.cmo_caseless = is_caseless(doc._.cmo_text) if self.override is None else self.override
        doc._.cmo_candidates = []
        doc._.cmo_suspicions = []
        return doc


@Language.factory("cmo_caseflag")
def make_caseflag(nlp: Language, name: str) -> CaseFlag:
    return CaseFlag()
