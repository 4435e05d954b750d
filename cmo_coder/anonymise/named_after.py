"""Schools, churches and streets named after a person or a saint, where a layer removed only the person.

British schools are very often named after a saint, a monarch, a bishop or a benefactor ("St Mary's Catholic
Primary", "King Edward the Sixth Grammar", "Sir John Thursby Community College", "Bishop of Hereford's Bluecoat
School", "Cardinal Newman"), and streets after a saint ("St John's Road"). A person layer reads the name inside
("[name removed] the sixth grammar", "sir [name removed] college", "queen [name removed]'s high school", "st
[name removed]'s road") and the rest is left beside the placeholder: "sir", "king", "bluecoat", "the sixth" are
what, with the town, say which school it was. :mod:`.rest_of_place` completes places removed in part by one
head after them; this pass completes the names of schools, churches and streets around a removed name:

* **a title of a saint, a monarch or a benefactor before it** ("st", "saint", "sir", "king", "queen", "bishop",
  "cardinal", "blessed", "our lady of", "bishop of"), taken with the name when a school's, church's or street's
  head follows;
* **words of a school's kind, then its head, after it** ("the sixth grammar", "catholic high", "community
  college", "kings academy"; a possessive between only with a title before: "queen [elizabeth]'s high school",
  never "kayden's high school", which is the school a child goes to);
* said where a school is gone to or named: after "to", "at", "from", "attended" or "in", or with its title.

A registered person's name is left to the register (its placeholder says who), and a head that goes on as a
word of its own ("school run", "college fees") is not read. Lists written for the project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .candidates import Candidate

REASON = "the rest of a school's, church's or street's name around a name removed inside it"

_TITLES = r"(?:our\s+lady\s+of|bishop\s+of|saint|st\.?|sir|king|queen|bishop|archbishop|cardinal|blessed|pope|dame)"
_TITLE_BEFORE = re.compile(rf"(?i)(?<![\w'’-]){_TITLES}[ \t]+$")
_TITLE_FIRST = re.compile(rf"(?i){_TITLES}[ \t]+\w")
_MIDDLE = ("the|sixth|fifth|seventh|eighth|first|second|catholic|rc|roman|church|of|england|c|e|ce|cofe|community|"
           "high|grammar|junior|juniors|infant|infants|primary|secondary|bluecoat|blue|coat|memorial|free|technical|"
           "girls|boys|upper|lower|middle|comprehensive|comp|methodist|baptist|jewish|islamic|christian|and|kings|"
           "queens|sports|arts|language|college|academy|school|va")
_SCHOOL = "school|academy|college|primary|high|grammar|juniors|infants|comp|comprehensive|nursery"
_CHURCH = "church|chapel|cathedral|parish|mosque|gurdwara|mandir|minster|abbey|priory"
_STREET = "road|street|lane|avenue|way|close|drive|crescent|terrace|grove|gardens|walk|square|place|hill"
_AFTER = re.compile(rf"(?i)(?P<own>['’]s|[ \t]+s)?(?P<middle>(?:[ \t]+(?:{_MIDDLE}))*)"
                    rf"[ \t]+(?P<head>{_SCHOOL}|{_CHURCH}|{_STREET})(?![\w'’-])")
_GOES_ON = re.compile(r"(?i)[ \t]+(?:run|runs|fees?|uniform|bus|gates?|holidays?|dinners?|trip|reunion|friends?|"
                      r"mates?|report|work|days|years|teacher|teachers|staff|field|playground|car\s+park|road|"
                      r"street|lane)\b")
_GONE_TO = re.compile(r"(?i)(?<![\w'’-])(?:to|at|from|attended|attends|attend|in|into|left|joined|started)[ \t]+$")
_KINDS = (("school", re.compile(rf"(?i)^(?:{_SCHOOL})$")), ("church", re.compile(rf"(?i)^(?:{_CHURCH})$")),
          ("street", re.compile(rf"(?i)^(?:{_STREET})$")))
_NAMED = frozenset({"person", "place", "city", "org", "organisation", "school", "church", "street", "town"})
"""What a layer may have read the name inside as: a person, or a place or body by a word of it."""
_REGISTER_LAYERS = frozenset({"register", "sound_alike"})


def _kind(head: str) -> str:
    return next(kind for kind, pat in _KINDS if pat.match(head))


def named_after(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """Candidates spanning a removed name and the rest of the school, church or street named after it."""
    out: list[Candidate] = []
    for c in found:
        if c.category not in _NAMED or c.layer in _REGISTER_LAYERS or c.end <= c.start:
            continue
        m = _AFTER.match(text, c.end)
        if m is None or _GOES_ON.match(text, m.end()):
            continue
        kind = _kind(m.group("head"))
        title = _TITLE_BEFORE.search(text, max(0, c.start - 20), c.start)
        titled = title is not None or _TITLE_FIRST.match(text, c.start) is not None  # "[queen elizabeth]'s"
        if kind == "street" and not (titled and m.group("own")):
            continue  # "st [john]'s road"; a street after a bare name is the street layers'
        if m.group("own") and not titled:
            continue  # "kayden's high school": the school a child goes to, not its name
        start = title.start() if title else c.start
        if not titled and not _GONE_TO.search(text, max(0, start - 12), start):
            continue  # "[kelly] high" only where a school is gone to or named
        out.append(Candidate(start, m.end(), kind, "rules", 0.85, REASON))
    return out
