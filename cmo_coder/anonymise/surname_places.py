"""A registered person's name that is also a place's, said as the place, takes a place's placeholder.

Surnames are often towns ("Lincoln", "Boston", "Preston", "Chester", "Kendal"), and a participant's surname is
registered as a person. Where the same word is said as the town ("his brother was in Lincoln prison", "he's in
lincoln now", "we moved from Preston"), the register still removes it, rightly (a registered form is never
left), but as "[young person's name]": "in and out of [young person's name]" tells an analyst that somebody was
in a person. The words around it say which it is, as they would to a listener:

* a place's head after it, which a rule read as one place with the word ("Lincoln prison", "Preston station");
* a preposition of place before it ("in", "into", "outside", "towards", "via"; "from" after being or coming,
  "he's from Lincoln"), or "to" after a verb of going or moving ("went to", "moved back to", "drove over
  to"), and no possessive after it ("went round to Lincoln's" is the person's house);
* a word for a person from a place after it, the place said as an adjective or a demonym ("an Armagh man",
  "Derry girls", "a Lincoln lad", "Preston born and bred"), with no "the" or possessive before it: "the Lincoln
  boy" and "Mrs Lincoln's lad" are the family's child, so they stay the person;
* words of a group's kind and a group's head after it ("the Lincoln carers group", :mod:`.place_groups`).

Only one word that a place list or the transcript reads as a place is retyped, and only the placeholder changes:
the stretch is removed as before and keeps its register identity. A full name ("in Kayden Lincoln's class") is
never retyped. The word lists are written for the project from how people speak of places.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import place_groups
from .candidates import Candidate

_PLACE_LAYERS = frozenset({"places", "transcript"})
"""Layers that read a word as a place from a list of places or from the transcript's other mentions."""
_PLACE_TYPES = frozenset({"city", "place"})
_HEAD_TYPES = frozenset({"place", "hospital", "street", "school", "service", "estate", "org", "workplace"})
"""What a rule reads when a place's head follows the word ("Lincoln prison", "Preston station")."""

_PREPOSITION = re.compile(r"(?i)(?:^|[\s,(])(?:in|into|outside|towards|via)\s+$")
"""Prepositions that put a town after them and seldom a person ("in Lincoln", "outside Preston"); not "at",
"near" or "round", which people are as often ("shouting at Chester", "sat near Florence")."""
_FROM = re.compile(
    r"(?i)(?:(?:^|\s)(?:is|am|are|was|were|be|been|come|comes|came|coming|moved|move|moving|originally|"
    r"all\s+the\s+way|down|up|over|back)|['’](?:s|m|re))\s+from\s+$")
""""from" where a place is where someone is or comes from ("he's from Lincoln", "moved up from Preston"); not
"a text from Chester"."""
_GOING_TO = re.compile(
    r"(?i)(?:^|\s)(?:go|goes|going|gone|went|come|comes|coming|came|move|moves|moving|moved|drive|drove|driving|"
    r"driven|travel(?:led|ling|s)?|get|got|getting|head(?:ed|ing)?|transferred|sent|taken|took|back|over|down|up"
    r"|off|away|out|all\s+the\s+way|way)\s+to\s+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_FOLK_AFTER = re.compile(
    r"(?i)[^\S\n]+(?:man|men|woman|women|girl|girls|lad|lads|lass|lasses|boy|boys|fella|fellas|fellow|folk|people"
    r"|born|bred|accent|native|natives)\b")
"""Words for someone from a place said after the place's name ("an Armagh man", "Derry girls", "Preston born"):
written for the project from how people in the UK and Ireland say where someone is from. Not "family", "lot" or
"kids", which follow a surname as often ("the Lincoln family")."""
_FAMILY_BEFORE = re.compile(r"(?i)(?:^|[\s,(])(?:the|this|that|those|these)\s+$|['’]s?\s+$")
""""the Lincoln boy", "Mrs Lincoln's lad": the family's child, not someone from the town."""


def as_place(group: list[Candidate], text: str, best: Candidate) -> Candidate | None:
    """The candidate that types ``group`` as a place where the register's person ``best`` is a listed place's
    name said as the place (module doc); None where it is said as the person or is no place's name."""
    if best.category != "person" or " " in text[best.start:best.end].strip():
        return None
    listed = [c for c in group if c.layer in _PLACE_LAYERS and c.category in _PLACE_TYPES
              and (c.start, c.end) == (best.start, best.end)]
    if not listed:
        return None
    for c in group:  # "Lincoln prison": a rule read the word and its head as one place
        if (c.layer == "rules" and c.category in _HEAD_TYPES and c.start == best.start and c.end > best.end
                and text[best.end:c.end].strip()):
            return c
    before = text[max(0, best.start - 40):best.start]
    if _POSSESSIVE_AFTER.match(text, best.end):
        return None  # "round at Lincoln's": the person's
    if _PREPOSITION.search(before) or _FROM.search(before) or _GOING_TO.search(before):
        return replace(listed[0], placeholder=None)
    if place_groups.group_after(text, best.end) and not re.search(r"['’]s?\s+$", before):
        return replace(listed[0], placeholder=None)  # "the Lincoln carers group": the town's group
    if _FOLK_AFTER.match(text, best.end) and not _FAMILY_BEFORE.search(before):
        return replace(listed[0], placeholder=None)  # "an Armagh man himself", "derry girls"
    return None
