"""Layer 1: registered names and every variant of them, matched case-insensitively."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..candidates import Candidate, Suspicion
from ..register import Register, RegisterItem
from .context import looks_like_name
from .state import candidates, suspicions


class RegisterComponent:
    """Layer 1: registered names and their variants, ``PhraseMatcher(attr="LOWER")``."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.items: dict[str, list[RegisterItem]] = {}
        self.transcript_id: str | None = None
        self.owner: object = None

    def set_register(self, register: Register) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.items = {}
        for variant, item in register.all_variants():
            self.items.setdefault(variant.lower(), []).append(item)
        patterns: dict[str, Doc] = {}
        for variant in self.items:
            patterns.setdefault(variant, self.nlp.make_doc(variant))
            # curly apostrophes in speech: "O’Brien" should match a registered "O'Brien"
            if "'" in variant:
                patterns.setdefault(variant.replace("'", "’"), self.nlp.make_doc(variant.replace("'", "’")))
        for variant, pattern in patterns.items():
            self.matcher.add(variant.replace("’", "'"), [pattern])

    def _item(self, variant: str) -> RegisterItem | None:
        for item in self.items.get(variant, []):
            if item.scope is None or self.transcript_id is None:
                return item
            from ..register import _scope_matches

            if _scope_matches(item.scope, self.transcript_id):
                return item
        return None

    def __call__(self, doc: Doc) -> Doc:
        out = candidates(doc)
        caseless = bool(doc._.cmo_caseless)
        for match_id, start, end in self.matcher(doc):
            variant = self.nlp.vocab.strings[match_id]
            item = self._item(variant)
            if item is None:
                continue
            span = doc[start:end]
            if end - start == 1 and not looks_like_name(span[0], caseless):
                suspicions(doc).append(Suspicion(span.start_char, span.end_char,
                                                 "registered name used like an everyday word"))
                continue
            out.append(Candidate(span.start_char, span.end_char, item.category, "register", 1.0,
                                 "registered", item_key=item.key, placeholder=item.placeholder))
        return doc


@Language.factory("cmo_register")
def make_register(nlp: Language, name: str) -> RegisterComponent:
    return RegisterComponent(nlp)
