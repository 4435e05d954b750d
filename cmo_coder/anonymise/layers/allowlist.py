"""Layer 4: what must stay."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..placeholders import placeholder_spans
from .state import candidates

LABEL_TOKEN = re.compile(r"^(?:S?P|F)\d{1,4}$")


@cache
def default_allowlist() -> tuple[str, ...]:
    text = resources.files("cmo_coder.data").joinpath("allowlist.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


class AllowListComponent:
    """Layer 4: what must stay (national bodies, reports, eponyms, countries, study labels, placeholders)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.phrases: set[str] = set()
        self.owner: object = None
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.set_phrases(default_allowlist())

    def set_phrases(self, phrases: Iterable[str]) -> None:
        self.phrases = {p.lower() for p in phrases}
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        docs = []
        for p in sorted(self.phrases):
            docs.append(self.nlp.make_doc(p))
            if "'" in p:
                docs.append(self.nlp.make_doc(p.replace("'", "’")))
        self.matcher.add("ALLOW", docs)

    def protected(self, doc: Doc) -> list[tuple[int, int]]:
        spans = [(doc[s:e].start_char, doc[s:e].end_char) for _, s, e in self.matcher(doc)]
        spans += [(t.idx, t.idx + len(t)) for t in doc if LABEL_TOKEN.match(t.text)]
        return spans + placeholder_spans(doc.text)

    def __call__(self, doc: Doc) -> Doc:
        keep = self.protected(doc)
        text = doc.text
        placeholders = placeholder_spans(text)
        out = []
        for c in candidates(doc):
            inside_placeholder = any(s < c.end and c.start < e for s, e in placeholders)
            if inside_placeholder:
                continue
            if c.layer != "register" and any(s <= c.start and c.end <= e for s, e in keep):
                continue
            if c.layer != "register" and text[c.start : c.end].lower().strip() in self.phrases:
                continue
            out.append(c)
        doc._.cmo_candidates = out
        return doc


@Language.factory("cmo_allowlist")
def make_allowlist(nlp: Language, name: str) -> AllowListComponent:
    return AllowListComponent(nlp)
