"""A place said by its initials and in full in one transcript: the full name goes where the initials go.

People name a hospital, a school or a body once by its initials and once in full ("she rung the QEQM herself …
Queen Elizabeth the Queen Mother, they had me in ten days"; "the RVI … the Royal Victoria Infirmary"). A layer
reads the initials as a local place or organisation, but the full name may be made of words no layer reads as
a place: a royal's or a saint's name, or everyday words. The initials a layer proposed (capitals, three to six
of them, in a place's or an organisation's category) are spelt out: a run of capitalised words whose initials
are those letters, in order, with "the", "of", "and" or "&" between words counting for nothing, is the same
place and takes its category and placeholder. Initials the allow-list keeps (public bodies: "NHS", "UKHSA")
are never proposed, so their full names are never looked for. Cased text only: a caption's lower-case words
have no initials to read.
"""

from __future__ import annotations

import re

from .candidates import Candidate

_INITIALS = re.compile(r"[A-Z]{3,6}")
_KINDS = frozenset({"place", "city", "hospital", "ward", "trust", "service", "practice", "pharmacy", "pub", "club",
                    "day_centre", "care_home", "estate", "workplace", "church", "mosque", "gurdwara", "temple",
                    "synagogue", "school", "substance_service", "org"})
_JOIN = r"(?:\s+(?:the|of|and|&))?\s+"
_REASON = "a place's full name, spelt out from the initials this transcript removes"


def _spelt(letters: str) -> re.Pattern[str]:
    """Capitalised words whose initials are ``letters``, joiners between them counting for nothing."""
    words = [rf"{letter}[a-z'’-]+" for letter in letters]
    return re.compile(r"(?<![\w'’-])" + _JOIN.join(words) + r"(?![\w'’-])")


def candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    """Candidates for the full names of the initials ``found`` holds as places or organisations (module doc)."""
    by_initials: dict[str, Candidate] = {}
    for c in sorted(found, key=lambda c: (c.start, c.end)):
        surface = text[c.start:c.end]
        if c.category in _KINDS and _INITIALS.fullmatch(surface):
            by_initials.setdefault(surface, c)
    out: list[Candidate] = []
    for letters, c in sorted(by_initials.items()):
        for m in _spelt(letters).finditer(text):
            out.append(Candidate(m.start(), m.end(), c.category, "rules", 0.8, _REASON, c.item_key, c.placeholder))
    return out
