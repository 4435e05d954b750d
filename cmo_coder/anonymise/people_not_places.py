"""A name shared by a ward or unit and a person is the person where the words say so: "she was moved to Skye
Ward … then Skye said she'd phone", "my support worker Skye came with me".

Wards, units and hospitals are named after islands, birds, trees and people ("Skye Ward", "the Robin Unit",
"Rowan Ward"), and the same words are given names. Once "Skye Ward" is read as a ward, the transcript's other
"Skye" takes the ward's placeholder wherever it stands, so a person reads as "[ward name] said she would phone".
Here a one-word place reading gives way to a person's where the frame is a person's and nothing says a place:

* a verb only people do right after it ("said", "told", "rang", "texted", "asked", "laughed"), or "from the
  ward / team / unit" then such a verb or "was";
* a relation, role or worker right before it ("my support worker Skye", "her midwife Rowan", "my pal Skye").

A head word after it ("Skye Ward", "Rowan Unit") or a preposition of place before it ("to", "on", "onto", "off",
"in", "at") keeps the place. A registered ward's word said so is a person too: the name still goes, as a
person's. The word lists were written for the project.
"""

from __future__ import annotations

import re

from .candidates import Candidate

_PLACE_KINDS = frozenset({"ward", "hospital", "place", "city", "service", "estate", "org", "day_centre",
                          "care_home", "other"})
_HUMAN_VERBS = (r"said|says|told|tells|rang|rings|phoned|phones|texted|texts|messaged|asked|asks|laughed|cried|"
                r"smiled|hugged|reckons|reckoned|thinks|thought|goes|went\s+mad|promised|explained|apologised|"
                r"sat\s+with|sat\s+down|knew|knows|remembered")
_AFTER = re.compile(r"\s*(?:,\s*)?(?:(?:" + _HUMAN_VERBS + r")\b|from\s+the\s+(?:ward|unit|team|hospital|clinic)\s+"
                    r"(?:" + _HUMAN_VERBS + r"|was|came|come)\b)", re.IGNORECASE)
_ROLE_BEFORE = re.compile(
    r"\b(?:my|her|his|our|their|your|the)\s+(?:(?:support|key|care|peer|link|social|family)\s+worker|keyworker|"
    r"midwife|nurse|health\s+visitor|named\s+nurse|pal|friend|mate|sister|brother|cousin|daughter|son|partner|"
    r"girlfriend|boyfriend|niece|nephew|auntie|aunt|neighbour|colleague)\s*,?\s*$", re.IGNORECASE)
_HEAD_AFTER = re.compile(r"\s+(?:ward|unit|wing|hospital|general|house|centre|suite|clinic|bay)\b", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:to|on|onto|off|in|into|at|from|near|by|the)\s+$", re.IGNORECASE)


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with one-word place readings in a person's frame made people (module doc)."""
    out: list[Candidate] = []
    for c in found:
        surface = text[c.start:c.end]
        if (c.category in _PLACE_KINDS and " " not in surface.strip()
                and surface[:1].isalpha() and _person_frame(text, c.start, c.end)):
            c = Candidate(c.start, c.end, "person", "rules", c.score, "a place's name said of a person")
        out.append(c)
    return out


def _person_frame(text: str, start: int, end: int) -> bool:
    if _HEAD_AFTER.match(text, end):
        return False
    before = text[max(0, start - 40):start]
    if _ROLE_BEFORE.search(before):
        return True
    return _PLACE_BEFORE.search(before) is None and _AFTER.match(text, end) is not None
