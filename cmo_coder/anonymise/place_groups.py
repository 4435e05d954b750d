"""A place's own group said by its kind: "the Southwark staff group", "the Lincoln carers forum", "our Newry
bereavement team".

A rule reads a name before a head ("group", "team", "forum") as one body's name, so "the Southwark staff group"
became one "[place name]", and the analyst lost what kind of group met ("staff"). But there the words between the
place and the head say only what the group is for, as "the staff group" would in any study; the one thing that
identifies is the place, which the register, a place list or the transcript reads by itself. So where another
layer proposes the first word (or words) alone as a place, and every word between it and the head is an everyday
word in lower case, the rule's body is dropped and the place is removed alone: "the [place name] staff group".

A body named with capitals ("Southwark Carers Forum") is a named organisation and stays whole, and so does one whose
words before the head are not only words of a service's kind ("the Southwark sunflower group"). Written for the
project from how staff and families speak of the groups of a place.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .layers.facilities import GENERIC

_BODIES = frozenset({"group", "groups", "team", "teams", "forum", "network", "partnership", "panel", "board",
                     "committee", "meeting", "meetings", "hub", "collective"})
"""Heads of a group of people named by its place and its kind."""
_PLACE_KINDS = frozenset({"place", "city"})
_PLACE_LAYERS = frozenset({"register", "places", "transcript", "consistency"})
_ARTICLES = frozenset({"a", "an", "the"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _kind_only(words: list[str]) -> bool:
    """The words between a place and its group's head say what the group is for: lower case, and each a word
    services are described by (:data:`.layers.facilities.GENERIC`: "staff", "carers", "bereavement"), not an
    everyday word a group may be named by ("sunflower")."""
    return bool(words) and all(w.islower() and w.replace("’", "'") in GENERIC - _ARTICLES for w in words)


def group_after(text: str, end: int) -> bool:
    """Words of a group's kind and a group's head right after ``end`` ("… staff group", "… carers forum")."""
    words = []
    for m in _WORD.finditer(text, end, min(len(text), end + 60)):
        if text[end:m.start()].strip():
            break  # punctuation between: no longer one phrase
        words.append(m.group(0))
        end = m.end()
        if len(words) >= 2 and words[-1].lower() in _BODIES:
            return _kind_only(words[:-1])
        if len(words) > 4:
            break
    return False


def _place_group(text: str, c: Candidate, places: set[tuple[int, int]]) -> bool:
    if c.layer != "rules" or c.category == "person" or c.item_key is not None:
        return False
    words = list(_WORD.finditer(text, c.start, c.end))
    if len(words) < 3 or words[-1].group(0).lower() not in _BODIES:
        return False
    for s, e in places:
        if s == c.start and e < words[-1].start():
            between = [w.group(0) for w in words if w.start() >= e and w.end() <= words[-1].start()]
            if _kind_only(between):
                return True
    return False


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without a group read as one body where it is a place's group said by its kind (module doc)."""
    places = {(c.start, c.end) for c in found if c.layer in _PLACE_LAYERS and c.category in _PLACE_KINDS}
    if not places:
        return found
    return [c for c in found if not _place_group(text, c, places)]
