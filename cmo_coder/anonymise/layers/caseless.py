"""Layer 3b: listed UK places in caption text."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate
from .state import candidates
from .words import place_names


class CaselessComponent:
    """Layer 3b: in lower-cased captions, listed UK places, which the model misses even re-cased."""

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.cmo_caseless:
            return doc
        names = place_names()
        # the list holds no everyday words, so a match is a place wherever it stands
        for i, tok in enumerate(doc):
            pair = f"{tok.lower_} {doc[i + 1].lower_}" if i + 1 < len(doc) else ""
            if pair in names:
                candidates(doc).append(Candidate(tok.idx, doc[i + 1].idx + len(doc[i + 1]), "city", "caseless",
                                                 0.75, "UK place list"))
            elif tok.lower_ in names:
                candidates(doc).append(Candidate(tok.idx, tok.idx + len(tok), "city", "caseless", 0.75,
                                                 "UK place list"))
        return doc


@Language.factory("cmo_caseless")
def make_caseless(nlp: Language, name: str) -> CaselessComponent:
    return CaselessComponent()




