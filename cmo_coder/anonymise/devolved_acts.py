"""Acts of the Scottish, Welsh and Northern Ireland parliaments said by their titles: "the Homeless Persons
(Scotland) Act", "the mental health care and treatment scotland act".

A devolved act's title puts its nation in brackets before "Act", and the model reads the words before the
bracket as a body ("Homeless Persons (" was proposed as an organisation, leaving a broken "Scotland) Act"). A
law's title names no one in a study, so nothing proposed inside it is kept but a registered name or a person.
Captions drop the brackets: the nation right before "act" is read the same way. Written for the project from
the form of the titles in the statute book.
"""

from __future__ import annotations

import re

from .candidates import Candidate

_NATION_ACT = r"\(?(?:Scotland|Wales|Northern\s+Ireland)\)?\s+Act\b(?:\s+\d{4})?"
_CASED = re.compile(r"(?:\b[A-Z][\w'’-]*\s+|\((?:[A-Z][\w'’-]*|and|of|for)(?:\s+(?:[A-Z][\w'’-]*|and|of|for))*\)\s+"
                    r"|\b(?:and|of|for)\s+){1,8}" + _NATION_ACT)
"""Cased: the title's words are capitalised but for "and", "of" and "for", with any bracketed part."""
_NOT_TITLE = (r"(?:in|at|from|fae|to|near|on|by|with|the|a|an|my|his|her|our|their|i|he|she|they|we|you|about|"
              r"under|is|was)")
_CAPTIONS = re.compile(r"(?:\b(?!" + _NOT_TITLE + r"\b)[a-z][\w'’-]*\s+){1,6}(?:scotland|wales|northern\s+ireland)"
                       r"\s+act\b(?:\s+\d{4})?")
"""Captions: up to six words that are no preposition, article or pronoun, the nation, "act"."""


_TITLE_WORDS = frozenset({"act", "scotland", "wales", "northern ireland", "northern", "ireland"})
"""Words of the title itself that a layer may read as a person ("Act says"); any other person inside stays."""


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without what was proposed inside a devolved act's title, but people and registered names."""
    if " act" not in text.lower():
        return found
    titles = [m.span() for m in _CASED.finditer(text)] + [m.span() for m in _CAPTIONS.finditer(text)]
    if not titles:
        return found
    return [c for c in found if c.layer == "register" or not any(s <= c.start and c.end <= e for s, e in titles)
            or c.category == "person" and text[c.start:c.end].strip("()").lower() not in _TITLE_WORDS]
