"""A public word that opens a street's name: "Lord Street", "Jesus Lane", "Christmas Street".

The allow-list keeps one-word public names ("Lord", "Jesus", "Christmas", "Zoom") wherever they stand, so a street
named after one was protected by its first word and left whole: "the Blue Anchor on Lord Street" kept the street
that says where a participant drinks. A word of road straight after the public word makes the two one street's
name; the public word is then no public name there, and the street layers decide the street.

What keeps the public word: the head must end its phrase ("on Google Street View", "Christmas road trips" name
no street); in typed text the head must have its capital ("On Christmas street lights were all we
had" is a street light, not a street); in captions, where nothing has a capital, a day or a month before the head
("every monday road closures") is read as the time it names, since captions cannot tell it from a street.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .state import text_of
from .streets import STRONG_HEADS, head_ends_phrase
from .words import CALENDAR

_HEADS = frozenset(STRONG_HEADS)


def opens_a_street(doc: Doc, end: int, caseless: bool) -> bool:
    """The phrase ending before token ``end`` is the first part of a street's name: a strong word of road follows
    it at once and ends its phrase, capitalised in typed text; in captions the phrase's last word names no day or
    month."""
    if end >= len(doc) or doc[end - 1].whitespace_ == "":
        return False
    head = doc[end]
    if head.lower_ not in _HEADS or not head_ends_phrase(text_of(doc), head.idx + len(head)):
        return False
    if caseless:
        return doc[end - 1].lower_ not in CALENDAR
    return head.text[:1].isupper()
