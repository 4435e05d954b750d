"""The rest of a place's name where a layer removed only part of it (captions; issue 13, an eleventh round).

A layer that reads a place by one of its words removes that word, and the rest of the name is left beside the
placeholder: "[place] homes" of a housing association, "[street] primary" of a school named by its road,
"[place] adp" of a drug partnership, "edge [place]" of a street whose head alone was read, "hope [place]" of a
hostel. What is left is the part that, with the town, says which place it was. :func:`.consistency.heads_after`
takes a head after the name for the kinds of place it knows; this pass completes it on both sides:

* **after**: a head or a word of an organisation's kind straight after any place's removed name, its phrase
  not going on as a word of its own ("[street] primary", "[place] homes", "[place] adp", "[place] house");
* **a hospital's word after a town** ("salford royal", "[town] general", "[town] infirmary"): the town and the
  word go as one hospital, where the phrase ends after the word ("the [town] general election" stays a town);
* **a town's own facility after it** ("[town] library", "[town] leisure centre", "[town] market", "[town]
  methodist"): the facility's kind goes with the town as one place, where the phrase ends after it ("[town]
  market research", "[town] library card" stay a town and words); captions give the model no capital to read the
  whole, and the kind left beside the placeholder was half a name;
* **before**: a removed stretch that is a place's head alone ("lane", "house", "centre") takes the one word
  before it when that word could name it: a word of letters, no stop word, no word of kind ("the car park",
  "a big house", "the food bank" are kinds of place, never read) and no verb in -ing or -ed.

The new candidate spans the name and the rest, so the whole becomes one redaction. Lists written for the
project.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from .candidates import Candidate
from .layers.naming import KIND_WORDS
from .layers.place_frames import _NOT_WITH_HEAD

REASON = "the rest of a place's name beside the part a layer removed"
HOSPITAL_REASON = "a hospital named by its town and a hospital's word ([town] royal, [town] general)"

PLACES = frozenset({"place", "city", "org", "hospital", "estate", "service", "workplace", "street", "school",
                    "church", "club", "pub", "care_home", "practice", "organisation", "town", "area"})
"""Categories whose name may be left in part: every place and body (not people, numbers or dates)."""

AFTER = frozenset({"primary", "academy", "school", "college", "homes", "housing", "house", "centre", "center",
                   "hall", "court", "lodge", "adp", "partnership", "project", "trust", "association", "foundation",
                   "hostel", "surgery", "practice", "clinic", "ward", "unit", "hospice", "church", "chapel",
                   "mosque", "club", "arms", "inn", "tavern", "estate", "road", "street", "lane", "avenue",
                   "close", "drive", "crescent", "terrace", "grove", "gardens", "way", "view", "park"})
"""Heads and words of an organisation's kind said after a place's name ("hollins homes", "kelby adp")."""
_GOES_ON = re.compile(r"(?i)\s+(?:care|street|st|road|rd|level|levels|school|public|practice|manager|secretary|"
                      r"worker|workers|staff|team|officer|nurse|meeting|meetings|fees?|run|holidays?|dinners?|"
                      r"uniform|bus|car|keys?|rules?|place|places|bill|visit|visits)\b")
"""Words after the head that make it a word of its own ("primary care", "house keys", "school run")."""
BEFORE = frozenset({"house", "lane", "road", "street", "centre", "center", "hall", "court", "lodge", "close",
                    "avenue", "drive", "gardens", "view", "mews", "terrace", "crescent", "grove", "green", "moor",
                    "bank", "rise", "homes", "way", "park"})
"""Heads that, removed alone, lost the name said before them ("hope [house]", "edge [lane]")."""
STREET_HEADS = frozenset({"road", "street", "lane", "avenue", "close", "drive", "crescent", "terrace", "grove",
                          "gardens", "way", "view"})
"""Heads of :data:`AFTER` that make a town's name a street's ("[town] road", "[town] view"): the whole is typed a
street, not the town the list read in it (a town newly listed, "Pendle", turned "Pendle View" into a city)."""
HOSPITAL_AFTER = frozenset({"royal", "general", "infirmary"})
"""Words a hospital is named by after its town ("[town] royal", "[town] general", "[town] infirmary"): said after
a removed town they are the hospital, so the whole goes as one hospital rather than a town and a word."""
TOWNS = frozenset({"city", "place", "town", "area"})
"""Categories a town or district is removed under: the ones a hospital's head can follow."""
_HOSPITAL_ENDS = frozenset({"", "now", "and", "but", "so", "when", "then", "since", "before", "after", "because",
                            "cos", "i", "he", "she", "we", "they", "you", "it", "his", "her", "my", "our", "yeah",
                            "like", "um", "er", "erm", "for", "was", "is", "with", "again", "last", "this", "on",
                            "in", "at", "till", "until", "overnight", "hospital", "a", "an", "the", "about", "that",
                            "there", "where", "which", "who", "to", "by", "all", "twice", "once"})
"""Words after "[town] royal" that end the hospital's name ("in [town] royal for a week"); any other word makes the
head a word of a phrase of its own ("the [town] general election", "[town] royal mail", "[town] general
manager")."""
FACILITY_REASON = "a town's own facility named by the town and its kind ([town] library, [town] methodist)"
_FACILITY = re.compile(
    r"[ \t]+(?P<kind>(?:leisure|sports)[ \t]+(?:centre|center|hall)|swimming[ \t]+(?:baths|pool)|"
    r"(?:shopping|health)[ \t]+(?:centre|center)|retail[ \t]+park|market[ \t]+hall|library|market|baths|lido|"
    r"fields|methodists?|baptists?|pentecostal|gurdwara|synagogue|temple|precinct)(?![\w'’-])", re.IGNORECASE)
"""A facility a town names after itself, said after the town: its kind (written for the project from how towns'
libraries, markets, pools, fields and chapels are spoken of); a church's denomination names a church."""
_CHURCH_KINDS = ("methodist", "baptist", "pentecostal", "gurdwara", "synagogue", "temple")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’]*)(?![\w'’-])")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z][A-Za-z'’]*)[ \t]+$")


def _hospital_head(text: str, m: re.Match[str]) -> bool:
    """``m`` (the word after a removed town) is a hospital's word and its phrase ends there: written in lower case
    (captions) or with its capital, and the word after it one that ends a name (:data:`_HOSPITAL_ENDS`)."""
    head = m.group(1)
    if head.lower() not in HOSPITAL_AFTER or not (head.islower() or head[:1].isupper()):
        return False
    nxt = _WORD_AFTER.match(text, m.end())
    if nxt is None:
        return not re.match(r"[ \t]*[A-Za-z0-9]", text[m.end():m.end() + 2])
    return nxt.group(1).lower().strip("'’") in _HOSPITAL_ENDS


def _phrase_ends(text: str, end: int) -> bool:
    """The place's name ends at ``end``: the text ends, punctuation follows, or a word of :data:`_HOSPITAL_ENDS`."""
    nxt = _WORD_AFTER.match(text, end)
    if nxt is None:
        return not re.match(r"[ \t]*[A-Za-z0-9]", text[end:end + 2])
    return nxt.group(1).lower().strip("'’") in _HOSPITAL_ENDS


def _facility(text: str, c: Candidate) -> Candidate | None:
    """The town ``c`` and its facility's kind said after it, as one place (module doc); None where none is."""
    m = _FACILITY.match(text, c.end)
    if m is None or not _phrase_ends(text, m.end()):
        return None
    kind = m.group("kind").lower()
    category = "church" if kind.startswith(_CHURCH_KINDS) else "place"
    return Candidate(c.start, m.end(), category, "rules", 0.8, FACILITY_REASON)


def _names_it(low: str) -> bool:
    return (len(low) >= 3 and low.isalpha() and low not in STOP_WORDS and low not in KIND_WORDS
            and low not in _NOT_WITH_HEAD and not low.endswith(("ing", "ed")))


def rest_of_place(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """Candidates spanning a place's removed part and the rest of its name (module doc)."""
    out: list[Candidate] = []
    for c in found:
        if c.category not in PLACES or c.end <= c.start or c.per_occurrence:
            continue  # an occurrence the reviewer decides ("the city" of a registered "the City") has no rest
        m = _WORD_AFTER.match(text, c.end)
        if m and m.group(1).lower() in AFTER and not _GOES_ON.match(text, m.end()):
            street = c.category in TOWNS and m.group(1).lower() in STREET_HEADS
            out.append(Candidate(c.start, m.end(), "street" if street else c.category, "rules", 0.8, REASON))
        elif m and c.category in TOWNS and _hospital_head(text, m):
            out.append(Candidate(c.start, m.end(), "hospital", "rules", 0.8, HOSPITAL_REASON))
        elif m and c.category in TOWNS and (facility := _facility(text, c)) is not None:
            out.append(facility)
        if text[c.start:c.end].lower() in BEFORE:
            b = _WORD_BEFORE.search(text, max(0, c.start - 30), c.start)
            if b and _names_it(b.group(1).lower()):
                out.append(Candidate(b.start(1), c.end, c.category, "rules", 0.8, REASON))
    return out
