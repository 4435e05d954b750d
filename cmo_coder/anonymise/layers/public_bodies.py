"""National and public bodies no list holds, known by the form of their name.

A national body is named with everyday words and a mark of the nation or of public standing: "Kidney
Care UK", "Public Health Wales", "the National Gambling Helpline", "the British Lung Foundation", "the
Royal College of Podiatry", "the Department for Education", "the Office for Students", "the Low Pay
Commission", "the Housing Ombudsman", "Cocaine Anonymous", "the General Optical Council". No list keeps
up with every charity, regulator and agency, but the form holds for the ones no list has, and it holds
in captions too. A local body is named after its place instead ("Leeds City Council", "Elmbury Hospitals
NHS Trust", "Elmbury Mind"), and the place is what a study must remove (a charity's branch named after a listed
town is settled with every public name holding a town, in ``town_names``). So this module keeps a run of
words only where every word is one a dictionary holds and no word is a place, a given name or a word
that makes a place ("North", "Greater", "New"), beside one of these marks:

* a nation after the words: "UK", "Scotland", "Wales", "England", "Cymru", "Northern Ireland" (never after a
  hospital's or an infirmary's name: "the University Hospital of Wales" is one building in one city);
* a national word before them: "National", "British", "Royal College of", "Royal Society of/for",
  "Royal National", "NHS" (not an NHS trust: those are named after their places), "Department for/of",
  "Ministry of", "Office for/of";
* a head only national bodies have after them: "Commission", "Ombudsman", "Anonymous", "Agency",
  "Authority", "Executive", "Inspectorate", "Regulator";
* "Council" only with a word of a profession or a nation ("General Dental Council", "Medical Research
  Council", "Nursing and Midwifery Council") and no word of local government ("City", "Borough",
  "Town", "Parish", "County", "District"): "Barnsley Council" and "Brackley Town Council" are towns;
* "Trust" only with no word of a local provider ("NHS", "Hospitals", "Healthcare", "Partnership",
  "Community", "Housing", "School"): "Carers Trust", "Woodland Trust" stay, a hospital trust goes.

In cased text every word must be capitalised (joining words "and", "of", "for", "the" aside): "I went
back to Scotland" keeps nothing but the country. What is kept is only words a dictionary holds, so a
place or a person's name is never inside; a place before the body ("Elmbury British Legion") is cut
from it and removed. Registered names always win, as everywhere in the allow-list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.tokens import Doc

from .state import lower_ids
from .words import in_dictionary, name_lexicon, place_names

NATIONS = frozenset({"uk", "scotland", "wales", "england", "cymru"})
"""Words after a body's name that make it the nation's ("Diabetes UK", "Police Scotland")."""
HEADS = frozenset({"commission", "ombudsman", "anonymous", "agency", "authority", "executive", "inspectorate",
                   "regulator"})
"""Heads only national bodies have ("the Gambling Commission", "the Pensions Ombudsman")."""
COUNCIL_MARKS = frozenset({"general", "national", "british", "royal", "uk", "medical", "dental", "nursing",
                           "midwifery", "optical", "pharmaceutical", "chiropractic", "osteopathic", "professions",
                           "research", "arts", "sentencing", "privy", "scottish", "welsh", "science", "sciences"})
"""Words that make a council a national one: a profession's regulator or a national funder."""
LOCAL_GOVERNMENT = frozenset({"city", "town", "borough", "county", "district", "parish", "metropolitan", "community",
                              "unitary", "village", "regional", "local", "rural", "urban", "youth", "school",
                              "student", "students", "tenants", "residents", "estate", "combined", "island",
                              "islands", "neighbourhood", "area", "council"})
"""Words of local government: a council with one of these is a place's."""
LOCAL_PROVIDERS = frozenset({"nhs", "hospital", "hospitals", "healthcare", "health", "foundation", "partnership",
                             "teaching", "university", "ambulance", "community", "housing", "care", "homes",
                             "home", "school", "schools", "academy", "academies", "learning", "education",
                             "leisure", "sports", "church", "parish", "village", "estate", "development",
                             "regeneration", "primary", "mental", "hospice", "medical", "practice", "surgery",
                             "services", "service", "group", "centre", "center"})
"""Words of a local provider's name: a trust with one of these is named for its place."""
PLACE_MAKERS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                          "greater", "upper", "lower", "new", "great", "mid", "middle", "inner", "outer", "little",
                          "old", "saint", "st", "northeast", "northwest", "southeast", "southwest", "north-east",
                          "north-west", "south-east", "south-west", "merrie", "back", "visit", "leave",
                          "across", "all", "over"})
"""Words that make a place, or a trip, with a nation after them ("North Wales", "New England")."""
BODY_WORDS = frozenset({"helpline", "helplines", "samaritans", "alzheimer's", "alzheimers", "healthwatch", "lgbt",
                        "lgbtq", "lgbtq+", "aids", "hiv", "autism", "dementia", "mencap"})
"""Words of bodies' names that no dictionary holds ("the National Gambling Helpline")."""
ENDS = HEADS | {"council", "trust", "foundation", "association", "society", "federation", "institute", "college",
                "helpline", "service", "fund", "league", "legion", "network", "alliance", "board", "charity",
                "campaign", "cross", "office", "unit", "forum", "statistics", "collaborative", "centre"}
"""Words that end a body's name: a run after a national word stops at the first ("the British Lung Foundation
years ago" keeps the body only)."""
_NOT_IN_NAME = frozenset({"VERB", "AUX", "ADV", "PRON", "DET", "ADP", "NUM", "INTJ", "SCONJ", "PART"})
"""Parts of speech no word of a body's name has (joiners aside): "rang", "said", "ago" end the run."""
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "doctor", "nurse", "sister", "matron", "professor", "prof",
                    "officer", "sergeant", "pc", "inspector", "councillor", "father", "reverend", "rev", "worker",
                    "manager", "boss", "lady", "man", "woman", "bloke", "lad", "lass", "guy", "fella"})
"""Words after which a name follows ("NHS nurse Black"): a body's name never holds them."""
BUILDINGS = frozenset({"hospital", "hospitals", "infirmary"})
"""Words that make a name one building's, whatever it is named after: "the University Hospital of Wales" is a hospital
in one city (a participant's), not a national body, though its words are a dictionary's and a nation ends them."""
JOINERS = frozenset({"and", "&", "of", "for", "the"})
"""Words inside a body's name that need no capital ("Department for Work and Pensions")."""
_MAX_WORDS = 7
_ALPHA = re.compile(r"[^\W\d_][\w'’-]*")
_ACRONYM = re.compile(r"[A-Z]{2,5}")


def _lows(doc: Doc) -> list[str]:
    """The doc's words in lower case, straight apostrophes, made once per doc (shared with the public frames)."""
    lows = doc.user_data.get("cmo_lows")
    if lows is None or len(lows) != len(doc):
        strings = doc.vocab.strings  # each token's ``lower_`` from its string id: no Token made per word
        lows = [strings[h].replace("’", "'") for h in lower_ids(doc)]
        doc.user_data["cmo_lows"] = lows
    return lows


@cache
def _given() -> frozenset[str]:
    return name_lexicon("first")


def _plain_word(low: str) -> bool:
    """A word a national body's name may hold: one a dictionary has, no place, no given name that is not
    also a word, no word that makes a place."""
    if low in BODY_WORDS:
        return True
    return low not in PLACE_MAKERS and low not in place_names() and low not in _given() and in_dictionary(low)


def _generic(doc: Doc, i: int, caseless: bool) -> bool:
    """Token ``i`` may stand in a national body's name (see the module doc)."""
    tok = doc[i]
    text = tok.text
    if not _ALPHA.fullmatch(text):
        return False
    if not caseless and _ACRONYM.fullmatch(text) and text.lower() not in place_names():
        return True  # "HIV Scotland", "MS Society UK": an acronym names no person
    if not caseless and not text[:1].isupper():
        return False
    if tok.pos_ in _NOT_IN_NAME:
        return False
    low = _lows(doc)[i]
    if low in TITLES:
        return False
    return _plain_word(low) and not tok.is_stop


def _joiner(doc: Doc, i: int) -> bool:
    return _lows(doc)[i] in JOINERS


def _run_back(doc: Doc, end: int, caseless: bool) -> int:
    """Start of the longest run of body words ending just before token ``end`` (joiners inside only)."""
    start = end
    k = end - 1
    while k >= 0 and end - k <= _MAX_WORDS and (_generic(doc, k, caseless) or _joiner(doc, k)):
        if _generic(doc, k, caseless):
            start = k
        k -= 1
    return start


def _run_forward(doc: Doc, begin: int, caseless: bool) -> int:
    """End (exclusive) of the longest run of body words from token ``begin`` (joiners inside only)."""
    return run_forward(doc, begin, caseless, _generic)


def run_forward(doc: Doc, begin: int, caseless: bool, is_word: Callable[[Doc, int, bool], object]) -> int:
    """End (exclusive) of the run of words ``is_word`` accepts from token ``begin``, joiners inside only, through
    its first body head or nation ("Youthlink Scotland", "Carers Trust"). Shared with :mod:`.lone_bodies`, whose
    words are coined ones rather than a body's generic words."""
    end = begin
    k = begin
    lows = _lows(doc)
    while k < len(doc) and k - begin < _MAX_WORDS and (is_word(doc, k, caseless) or lows[k] in JOINERS
                                                       or lows[k] in NATIONS):
        if lows[k] not in JOINERS:
            end = k + 1
            if lows[k] in ENDS or lows[k] in NATIONS:
                break
        k += 1
    return end


_PREFIXES: tuple[tuple[str, ...], ...] = (
    ("royal", "college", "of"), ("royal", "colleges", "of"), ("royal", "society", "of"), ("royal", "society", "for"),
    ("royal", "national"), ("royal", "british"), ("department", "for"), ("department", "of"), ("ministry", "of"),
    ("ministry", "for"), ("office", "for"), ("office", "of", "the"), ("national",), ("british",), ("nhs",))
"""Words before a body's name that make it national, longest first within a first word."""


_PREFIX_FIRSTS = frozenset(row[0] for row in _PREFIXES)


def _prefix_at(lows: list[str], i: int) -> int:
    """Tokens of a national prefix starting at token ``i`` (0 if none)."""
    if lows[i] not in _PREFIX_FIRSTS:
        return 0
    for row in _PREFIXES:
        if tuple(lows[i : i + len(row)]) == row:
            return len(row)
    return 0


def _capitalised(doc: Doc, start: int, end: int) -> bool:
    """Every word but the joiners is capitalised (cased text only)."""
    return all(doc[k].text[:1].isupper() or _joiner(doc, k) for k in range(start, end))


def _council_national(lows: list[str], start: int, end: int) -> bool:
    words = set(lows[start:end])
    return bool(words & COUNCIL_MARKS) and not words & LOCAL_GOVERNMENT


def body_spans(doc: Doc, caseless: bool) -> list[tuple[int, int]]:
    """Character spans of national and public bodies by the form of their names (see the module doc)."""
    lows = _lows(doc)
    out: list[tuple[int, int]] = []
    for i, low in enumerate(lows):
        if low in NATIONS or low == "ireland" and i > 0 and lows[i - 1] == "northern":
            last = i - 1 if low == "ireland" else i
            if low != "ireland" and not caseless and not doc[i].text[:1].isupper():
                continue
            start = _run_back(doc, last, caseless)
            if start < last and not BUILDINGS.intersection(lows[start:last]):
                out.append((doc[start].idx, doc[i].idx + len(doc[i])))
        elif low in HEADS or low in {"council", "trust"}:
            if not caseless and not doc[i].text[:1].isupper():
                continue
            if i > 0 and lows[i - 1] == "the":
                continue  # "bright horizons the agency": a local name and its kind, said beside it
            start = _run_back(doc, i, caseless)
            if start == i:
                continue
            if low == "council" and not _council_national(lows, start, i):
                continue
            if low == "trust" and set(lows[start:i]) & LOCAL_PROVIDERS:
                continue
            out.append((doc[start].idx, doc[i].idx + len(doc[i])))
        n = _prefix_at(lows, i)
        if n and (caseless or _capitalised(doc, i, i + n)):
            end = _run_forward(doc, i + n, caseless)
            if lows[i] == "nhs":
                while end > i + n and lows[end - 1] in {"trust", "trusts", "foundation"}:
                    end -= 1  # an NHS trust is named after its place: "Elmbury NHS Trust" is removed
            if end > i + n:
                out.append((doc[i].idx, doc[end - 1].idx + len(doc[end - 1])))
    return out
