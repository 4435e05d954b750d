"""Places said the way people round them say them, which no list or model reads as places:

* a street called only by its name and "the", on the old Scots and northern pattern "-gate"/"-gait" (way):
  "her da ran the pub on the Gallowgate", "up the trongate": a street, after "on", "up", "down", "along" or
  "off the", when the word is no dictionary word ("the floodgate" stays);
* a nickname set beside a place just named, "as they call it": "in and out of the Queen Liz, the Death Star
  as they call it" is the hospital again, and takes the place's placeholder;
* a prison by its name or nickname ("he's in the Bar-L now", "barlinnie"): where someone is held names
  them as surely as their street. The Scottish Prison Service's establishments (the public list) and their
  common nicknames, written for the project; towns that name a prison (Perth, Shotts) are towns already.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .layers.words import in_dictionary

_GATE = re.compile(r"(?i)\b(?:on|up|down|along|off|aff|doon|roon|round|near|at|in|frae|fae|from)\s+the\s+"
                   r"([^\W\d_]{3,}(?:gate|gait))\b")
_NICKNAME = re.compile(r"(?i)\s*,?\s*(the\s+(?:[^\W\d_][\w'’-]*\s+){0,2}[^\W\d_][\w'’-]*)\s*,?\s+"
                       r"as\s+(?:they|we|folk|people|everybody|everyone|some|locals|the\s+locals|you)\s+"
                       r"(?:call|calls|called|say)\s+it\b")
_PLACE_KINDS = frozenset({"hospital", "place", "city", "estate", "street", "ward", "service", "pub", "club",
                          "church", "school", "day_centre", "care_home", "workplace", "practice", "shop", "cafe"})
PRISONS = ("barlinnie", "bar-l", "bar l", "the bar-l", "low moss", "saughton", "glenochil", "addiewell",
           "cornton vale", "castle huntly", "porterfield", "polmont", "peterheid", "hmp barlinnie")
"""Scottish prisons (the Scottish Prison Service's public list) and the nicknames people use (written for the
project), lower-cased."""
_PRISON = re.compile(r"(?i)\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?")
                                           for p in sorted(PRISONS, key=lambda p: (-len(p), p))) + r")\b")


def candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    """New candidates for "-gate" streets, nicknames "as they call it" and prisons (module doc)."""
    out: list[Candidate] = []
    low = text.lower()
    if "gate" in low or "gait" in low:
        for m in _GATE.finditer(text):
            if not in_dictionary(m.group(1).lower()):
                out.append(Candidate(m.start(1), m.end(1), "street", "rules", 0.8, "a street said as 'the …gate'"))
    if " call" in low or " say" in low:
        ends = {c.end: c for c in found if c.category in _PLACE_KINDS}
        for end, c in sorted(ends.items()):
            said = _NICKNAME.match(text, end)
            if said is not None:
                out.append(Candidate(said.start(1), said.end(1), c.category, "rules", 0.8,
                                     "a place's nickname said beside it", c.item_key, c.placeholder))
    for m in _PRISON.finditer(text):
        out.append(Candidate(m.start(), m.end(), "place", "rules", 0.8, "a prison by its name or nickname"))
    return out
