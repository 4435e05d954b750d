"""Layer 3b: listed UK places (the model misses many, above all in captions)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate
from .state import candidates
from .words import place_names


class PlacesComponent:
    """Layer 3b: listed UK places, which the model misses often in captions and sometimes in cased
    text ("We moved to Barnsley"). The list holds no everyday words, so a match is a place wherever
    it stands: in captions any match, in cased text a match written with its capital."""

    def __call__(self, doc: Doc) -> Doc:
        caseless = bool(doc._.cmo_caseless)
        names = place_names()
        for i, tok in enumerate(doc):
            if not caseless and not tok.text[:1].isupper():
                continue
            pair = f"{tok.lower_} {doc[i + 1].lower_}" if i + 1 < len(doc) else ""
            if pair in names and (caseless or doc[i + 1].text[:1].isupper()):
                candidates(doc).append(Candidate(tok.idx, doc[i + 1].idx + len(doc[i + 1]), "city", "places",
                                                 0.75, "UK place list"))
            elif tok.lower_ in names:
                candidates(doc).append(Candidate(tok.idx, tok.idx + len(tok), "city", "places", 0.75,
                                                 "UK place list"))
        return doc


@Language.factory("cmo_places")
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()




