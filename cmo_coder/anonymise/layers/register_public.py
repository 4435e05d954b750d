"""A registered place's descriptive word inside a listed public name ("Royal Mail", "Ulster Bank", "an Ulster Fry").

People name hospitals by one word of their name with "the": "the Royal", "the Ulster", "the City", and a team writes
those aliases into its register as said. The register then also holds the bare word ("Royal", "Ulster", "City", the
head of "Ulster Hospital"), and a registered form wins over every list, so "Royal Mail", "the Royal College of
Nursing", "Ulster Bank" and "an Ulster Fry" each lost a word as "[hospital]". Such a word describes the hospital
and is shared by many public names; said inside one of them it names that public thing, not the hospital.

So a registered form of a place (not a person, not a manifest site) yields where it stands inside a longer
allow-listed public name said there, and the word it holds is no UK town: a town's name still goes inside a public
name ("Wigan Warriors" loses "Wigan" where the team registered Wigan), as an earlier decision made it, since there
the word names the place itself.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from .allowlist import default_allowlist
from .state import text_of
from .words import uk_towns

_ARTICLES = frozenset({"the", "an", "a"})


@cache
def _phrases_by_word() -> dict[str, tuple[tuple[str, int], ...]]:
    """Each word of a listed public name of two words or more → (the name in lower case, where the word starts in
    it); made once, on the first registered place form that could need it (plain strings: no tokenizer runs)."""
    index: dict[str, list[tuple[str, int]]] = {}
    for phrase in {" ".join(p.lower().split()) for p in default_allowlist()}:
        at = 0
        words = phrase.split(" ")
        if len(words) < 2:
            continue
        for word in words:
            if word not in _ARTICLES:
                index.setdefault(word, []).append((phrase, at))
            at += len(word) + 1
    return {word: tuple(found) for word, found in index.items()}


def inside_public_name(span: Span, category: str, key: str) -> bool:
    """Whether the registered place form ``span`` (one word, with or without an article before it) stands inside a
    longer listed public name there ("Royal" in "Royal Mail", "the Ulster" in "the Ulster Fry") and holds no UK
    town's name."""
    if category == "person" or key.startswith("site:"):
        return False
    words = [t for t in span if t.lower_ not in _ARTICLES]
    if len(words) != 1 or words[0].lower_ in uk_towns():
        return False
    word = words[0]
    found = _phrases_by_word().get(word.lower_)
    if not found:
        return False
    text = text_of(span.doc)
    for phrase, at in found:
        a = word.idx - at
        b = a + len(phrase)
        if a < 0 or b > len(text) or text[a:b].lower() != phrase:
            continue
        if (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum()):
            return True
    return False
