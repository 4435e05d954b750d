"""Postcode districts as people say and captions write them: "LS6", "ls6", "bt47", "ls 6", "l s six",
"b t forty seven", "s eleven".

A full postcode ("M14 5TP") is a direct identifier the rules layer removes; the outward code alone
("LS6", "BT47") still narrows a participant down to a few thousand households, and in a small town
to a street or two. Speech recognisers write it joined or spelt, with digits or number words.

The letters are checked against the 121 UK postcode areas (``data/uk_postcode_areas.txt``), so
"a4 paper", "ps5", "mp3" are no postcodes. Three kinds of form are told apart:

* two area letters joined to a district number ("ls6", "BT47", "ky12"): a postcode wherever it
  stands, but for the few that are also everyday codes ("co2", "so2", "mk2" the car, "wd40");
* one area letter and a number ("m14", "s11", "b12", "g20"), or joined area letters then a number
  said in words ("ls six", "ex two"): a vitamin, a summit or a word as often, so only where the
  sentence says a place ("in", "near", "round", "postcode", "lives in", "moved to", "the ... area");
* spelt letters then a number ("l s six", "b t forty seven"): spelt area letters say a postcode.

A motorway ("the m1", "m62 motorway", "junction 3 of the m6") is not removed: it crosses dozens of
towns and identifies nobody. A district beside one is (the cue decides: "lives in m14").
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS = (r"(?:(?:" + "|".join(_TENS) + r")(?:[\s-](?:" + "|".join(_UNITS) + r"))?|" + "|".join(_TEENS)
                 + r"|" + "|".join(_UNITS) + r"|zero|nought)")
_LETTER_SUFFIX_AREAS = {"e", "ec", "n", "nw", "se", "sw", "w", "wc"}
"""Central London areas whose districts may end in a letter ("EC1A", "W1D", "SW1A")."""
EVERYDAY_CODES = frozenset({"co2", "so2", "so3", "no2", "mk1", "mk2", "mk3", "mk4", "mk5", "mk6", "mk7", "wd40",
                            "ch4", "st1", "ha1", "ha2", "ll1", "pe1", "pe2", "se1"})
"""Area letters and a number that more often mean something else: gases, a car's mark, a lubricant, a TV
channel, PE lessons. "se1" stays here because captions write "se one" as a tense marker too; a cue makes
any of them a postcode ("lives in se1")."""
_WORD_PAIRS = {"ab", "al", "ba", "ca", "co", "de", "eh", "en", "ex", "ha", "hr", "la", "le", "me", "ne", "pa", "pe",
               "po", "pr", "sa", "se", "so", "st", "ta", "wc", "yo", "ox", "ll", "ml", "ss", "tv", "dd"}
"""Area letters that are also words or common abbreviations when said joined ("my ex two", "pe one")."""

_CUE_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|near|round|around|from|postcodes?(?:\s+(?:is|was|'s))?|post\s+code(?:\s+(?:is|was))?|"
    r"(?:lives?|lived|living|moved|moving|based|born|grew\s+up|stay(?:s|ed|ing)?)\s+(?:in|to|near|round)|"
    r"(?:over|up|down|out|back)\s+(?:in|near|to|round)|area\s+of)\s*,?\s*)$")
_CUE_AFTER = re.compile(r"(?i)^\s*(?:area|postcode|post\s+code|district|way|side|end|direction|patch)\b")
_ROAD_AFTER = re.compile(r"(?i)^\s*(?:motorway|junction|j\d|northbound|southbound|eastbound|westbound|toll|"
                         r"corridor|services|slip|link|relief|bridge|traffic|roadworks|exit|hard\s+shoulder)\b")
_ROAD_BEFORE = re.compile(r"(?i)\b(?:junction\s+\w+\s+(?:of|on)\s+the|on\s+the|off\s+the|along\s+the|up\s+the|"
                          r"down\s+the|the|via\s+the|onto\s+the|join(?:ed|ing)?\s+the)\s*$")
_INWARD = r"(?:\s?\d[abd-hjlnp-uw-z]{2})?"
_DIGITS_SAID = r"(?:(?:" + "|".join(_UNITS) + r")[\s-](?:" + "|".join(_UNITS) + r"|zero|nought|oh))"
"""A district number said a digit at a time: "b one one", "b-one-one", "s one oh"."""


@cache
def postcode_areas() -> frozenset[str]:
    """The 121 UK postcode areas, lower-cased (``data/uk_postcode_areas.txt``)."""
    text = resources.files("cmo_coder.data").joinpath("uk_postcode_areas.txt").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[0].strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


_JOINED = re.compile(r"(?i)(?<![\w'’.-])([a-z]{1,2})(\s?)(\d{1,2})([a-z]?)(" + _INWARD + r")(?![\w'’-])")
_SPELT = re.compile(r"(?i)(?<![\w'’.-])(([a-z])\.?\s([a-z])\.?)\s+(\d{1,2}|" + _NUMBER_WORDS + r")(?![\w'’-])")
_SAID = re.compile(r"(?i)(?<![\w'’.-])([a-z]{1,2})(?:\s+|-)(" + _DIGITS_SAID + r"|" + _NUMBER_WORDS + r")(?![\w'’-])")
_INWARD_LETTER = r"[abd-hjlnp-uw-z]"
_WORD_UNITS = {"as", "at", "be", "by", "he", "we", "us", "up", "so", "no", "go", "do", "to", "an", "in", "is", "it",
               "of", "on", "or", "me", "my", "ah", "eh", "uh", "er", "ha", "hm", "yes", "ye", "ya", "ex"}
"""Two joined letters that are words ("my ex two, three at a time"): an inward code only when spelt apart."""
_FULL_SAID = re.compile(
    r"(?i)(?<![\w'’.-])(?P<area>[a-z]{1,2}|[a-z]\.?\s[a-z]\.?)(?:\s*|-)(?P<district>\d{1,2}|" + _DIGITS_SAID + r"|"
    + _NUMBER_WORDS + r")[\s,-]+(?P<sector>\d|zero|nought|oh|" + "|".join(_UNITS) + r")[\s-]*"
    r"(?P<unit>" + _INWARD_LETTER + r"\.?\s?" + _INWARD_LETTER + r")(?![\w'’-])")
"""A whole postcode said or spelt: "ls nine seven tf", "M fourteen five T P", "w f one, three d x"."""
_ANY_NUMBER = re.compile(r"(?i)\d|\b(?:" + "|".join((*_UNITS, *_TEENS, *_TENS)) + r"|zero|nought)\b")
"""Most turns hold no digit and no number word: one search turns them away."""


def _cued(text: str, start: int, end: int) -> bool:
    return bool(_CUE_BEFORE.search(text[max(0, start - 30) : start]) or _CUE_AFTER.match(text[end : end + 20]))


def _motorway(text: str, area: str, start: int, end: int) -> bool:
    """ "the m62", "m1 motorway", "junction 3 of the m6": a motorway, not a district."""
    if area != "m":
        return False
    if _ROAD_AFTER.match(text[end : end + 20]):
        return True
    return bool(_ROAD_BEFORE.search(text[max(0, start - 30) : start])) and not _CUE_AFTER.match(text[end : end + 20])


_FEW_DISTRICTS = {"fy": 8, "ze": 3, "hs": 9, "ld": 8, "kw": 17, "td": 15, "dg": 16}
"""Areas with few districts (FY0–FY8 ...): "fy21" is a fiscal year, never Blackpool."""


def _district_ok(area: str, digits: str, letter: str) -> bool:
    if len(digits) == 2 and digits[0] == "0":
        return False
    if int(digits) > _FEW_DISTRICTS.get(area, 99):
        return False
    return not letter or (area in _LETTER_SUFFIX_AREAS and len(digits) == 1)


def postcode_spans(text: str) -> list[tuple[int, int]]:
    """Spans of postcode districts (and full postcodes written with them) in ``text`` (module doc)."""
    if not _ANY_NUMBER.search(text):
        return []
    areas = postcode_areas()
    out: list[tuple[int, int]] = []
    for m in _JOINED.finditer(text):
        area, gap, digits, letter, inward = (g.lower() for g in m.groups())
        if area not in areas or not _district_ok(area, digits, letter):
            continue
        start, end = m.span()
        if inward:
            out.append((start, end))  # a full postcode: the shape is proof
            continue
        code = f"{area}{digits}{letter}"
        if _motorway(text, area, start, end):
            continue
        if (len(area) == 1 or gap or code in EVERYDAY_CODES) and not _cued(text, start, end):
            continue  # "b12 injections", "the g20", "co2": a place only where the sentence says one
        out.append((start, end))
    for m in _SPELT.finditer(text):
        if f"{m.group(2)}{m.group(3)}".lower() in areas:
            out.append(m.span())
    for m in _SAID.finditer(text):
        area = m.group(1).lower()
        if area not in areas:
            continue
        start, end = m.span()
        if _motorway(text, area, start, end):
            continue
        if len(area) == 1 and re.search(r"(?i)\b(?:it|that|he|she|what|there|let|who|where|here)\s*$",
                                        text[max(0, start - 8) : start]):
            continue  # "it s eleven": an apostrophe the recogniser dropped
        strong = len(area) == 2 and area not in _WORD_PAIRS
        if strong or _cued(text, start, end):
            out.append((start, end))
    for m in _FULL_SAID.finditer(text):
        if re.sub(r"[\s.]", "", m.group("area")).lower() in areas and m.group("unit").lower() not in _WORD_UNITS:
            out.append(m.span())  # the inward code's shape is proof, as in a written full postcode
    spans = sorted(set(out))
    return [(s, e) for s, e in spans if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)]
