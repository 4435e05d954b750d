"""Streets named by everyday words, told from generic roads by where they stand.

Most English streets are named by ordinary words: "Station Road", "Church Street", "Mill Lane",
"Castle Hill", "Park Avenue". Cased text gives them capitals; captions give nothing, and the word
alone cannot tell "mill lane" from "the bus lane". What the sentence says around it can:

* a residence or position cue right before it, with no article between: "lives on mill lane",
  "just off church street", "at the top of castle hill", "on the corner of station road",
  "down park avenue";
* a house number right before it: "12 mill lane", "number forty station road";
* a town after it: "station road in wendlebury" (a listed town or a word of place-name shape);
* the start of a clause, for the heads that name nothing else ("road", "street", "lane", "avenue"...):
  "church street's been shut", "and mill lane was flooded".

An article or possessive before the first word ("the main road", "down the road", "our lane")
says a kind of road, never a name; so do the few words that name kinds of road ("ring road",
"bus lane", "side street", "memory lane").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from .towns import town_shaped
from .words import CALENDAR, FILLERS, in_dictionary, place_names

_GENERAL_HEADS = ("road", "street", "lane", "avenue", "drive", "close", "crescent", "terrace", "grove", "gardens",
                  "row", "walk", "rise", "mews", "parade", "square", "way", "place", "hill", "fold", "yard", "court",
                  "wynd", "brow", "croft", "green", "gate", "mount", "vale", "chase", "wharf",
                  "quay", "hollow", "meadows", "fields", "broadway", "promenade", "rd", "ave")
HOUSE_HEADS = ("view", "bank", "vennel", "brae", "loan", "side", "lea")
"""Street words that are also everyday nouns of other sorts ("deutsche bank", "the near term view"): a street
only after a house number or where someone lives ("number nine pendle view", "lived on larkhill bank")."""
STREET_HEADS = _GENERAL_HEADS + HOUSE_HEADS
_GENERAL_SET, _HOUSE_SET = frozenset(_GENERAL_HEADS), frozenset(HOUSE_HEADS)
"""Words that end English street names: the thoroughfare descriptors of Royal Mail's Postcode Address File
and Ordnance Survey's OS Open Roads ("road", "street", "lane", "avenue", "close", "crescent", "mews", "rise",
"view", "bank", "parade", "broadway", "promenade"...; "broadway" and "promenade" are also places' own names, a
village and a seafront, so a word said before them was left beside a town: "Filwood [place name]"), and the
northern and Scottish ones in the same files (fold, brow, wynd, vennel, brae, loan, side), and the short forms
captions and notes write ("rd", "ave"; "st" in :data:`_SHORT_ST`)."""
KIND_OF_ROAD = {"main", "high", "side", "back", "ring", "one", "two", "dual", "country", "slip", "private", "busy",
                "same", "other", "next", "long", "wrong", "right", "left", "open", "whole", "top", "bottom", "end",
                "front", "middle", "new", "old", "only", "first", "second", "third", "last", "each", "every", "bus",
                "cycle", "bike", "fast", "slow", "inside", "outside", "memory", "dirt", "toll", "trunk", "link",
                "access", "service", "relief", "bypass", "civvy", "easy", "farm", "school", "car", "this", "that",
                "no", "any", "some", "own", "narrow", "wide", "steep", "little", "big", "quiet", "dead", "short",
                "straight", "windy", "muddy", "green", "village", "town", "city", "public", "parking", "play",
                "dog", "exercise", "prison", "hospital", "ward", "way", "half", "under", "over", "hard", "soft",
                "great", "good", "bad", "best", "worst", "nice", "lovely", "proper", "real", "king", "queen",
                "pretty", "very", "really", "quite", "fairly", "darn", "damn", "bloody", "too", "near", "far"}
"""First words that say a kind of road or place, not its name ("the ring road", "a bus lane", "memory lane")."""
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                 "hundred")
_NUMBER_CUE = r"(?:" + _NUMBER_WORDS + r")(?:[\s-](?:" + _NUMBER_WORDS + r"))?"
"""A house number said in words: "forty two fenwick road", "fifteen cheviot road"."""
_CUE = (r"(?:\b(?:lives?|lived|living|stay(?:s|ed|ing)?|moved|moving|grew\s+up|born)\s+(?:on|in|off|at|down|up)"
        r"|\b(?:just\s+)?off|\bat\s+the\s+(?:top|bottom|end|far\s+end)\s+of"
        r"|\b(?:down|up|along|onto|on|via|into|near|from|to|past|round|across|behind|opposite|towards|outside)"
        r"|\bthe\s+corner\s+of|\bnumber\s+(?:\d+[a-z]?|(?:" + _NUMBER_WORDS + r")(?:[\s-](?:" + _NUMBER_WORDS
        + r"))?)|\bflat\s+\d+[a-z]?|(?<![\w.,:])\d{1,4}[a-z]?|\b" + _NUMBER_CUE + r"(?:\s*[ab])?)")
_NEAR_CUE = r"(?:\b(?:by|in|at|around|through|between|beside|called|top\s+of|bottom\s+of|end\s+of|bit\s+of))"
"""Words that put a street by them only before a head naming nothing but a street ("in mill lane", "by
fenwick road", "the top of kirk street"): "in harm's way", "at market close", "in federal court" say else."""
_NEAR_HEADS = ("road", "street", "lane", "avenue", "crescent", "terrace", "gardens", "mews", "rd", "ave")
_HOUSE_CUE = (r"(?:\b(?:lives?|lived|living|stay(?:s|ed|ing)?|moved|moving|grew\s+up|born)\s+(?:on|in|off|at|down|up)"
              r"|\bthe\s+corner\s+of|\bnumber\s+(?:\d+[a-z]?|" + _NUMBER_CUE + r")|\bflat\s+\d+[a-z]?"
              r"|(?<![\w.,:])\d{1,4}[a-z]?|\b" + _NUMBER_CUE + r"(?:\s*[ab])?)")
_WORD = r"[^\W\d_][\w'’]*"
_STREET = re.compile(r"(?i)" + _CUE + r",?\s+(" + _WORD + r"(?:\s+" + _WORD + r")?)\s+(" + "|".join(_GENERAL_HEADS)
                     + r")\b")
_NEAR_STREET = re.compile(r"(?i)" + _NEAR_CUE + r",?\s+(" + _WORD + r"(?:\s+" + _WORD + r")?)\s+("
                          + "|".join(_NEAR_HEADS) + r")\b")
_HOUSE_STREET = re.compile(r"(?i)" + _HOUSE_CUE + r",?\s+(" + _WORD + r"(?:\s+" + _WORD + r")?)\s+("
                           + "|".join(HOUSE_HEADS) + r")\b")
STRONG_HEADS = ("road", "street", "lane", "avenue", "crescent", "terrace", "gardens", "mews")
"""Heads that name a street even with no cue, at the start of a clause ("church street's been shut")."""
_ENDS_PHRASE = (r"(?=\s*(?:$|[.,;:!?)]|['’]s\b|\s(?:is|was|has|had|were|been|will|would|and|or|but|to|in|on|at|"
                r"where|which|that|near|by|off|down|up|round|just|there|now|then|too|it's)\b))")
"""After the head: the street ends its phrase ("church street's been shut", not "road maps")."""
_PHRASE_ENDS = re.compile(_ENDS_PHRASE)
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'’]*)")


def head_ends_phrase(text: str, end: int) -> bool:
    """The street's head ending at ``end`` ends its phrase: the text ends, a mark or a possessive follows, or a
    word that carries no noun of its own ("on Lord Street above the bakery", "most Fridays"); not a noun the head
    makes a compound with ("Street View", "road trips", "street lights")."""
    if _PHRASE_ENDS.match(text, end):
        return True
    m = _NEXT_WORD.match(text, end)
    return m is None or m.group(1).lower() in STOP_WORDS
_CLAUSE_STREET = re.compile(r"(?i)(?:^|[.,;:!?]\s*|\b(?:and|but|so|then|or|because|cos)\s+)"
                            r"(?!(?:and|but|so|then|or|because|cos)\b)(" + _WORD + r"(?:\s+"
                            + _WORD + r")?)\s+(" + "|".join(STRONG_HEADS) + r")\b(?!\s+(?:" + "|".join(STREET_HEADS)
                            + r")\b)" + _ENDS_PHRASE)
_ANY_STREET = re.compile(r"(?i)\b(" + _WORD + r"(?:\s+" + _WORD + r")?)\s+(" + "|".join(_GENERAL_HEADS)
                         + r")\s+in\s+(" + _WORD + r")\b")


MEASURES = frozenset({"minute", "minutes", "min", "mins", "hour", "hours", "day", "days", "week", "weeks", "month",
                      "months", "year", "years", "second", "seconds", "mile", "miles", "yard", "yards", "metre",
                      "metres", "meter", "meters", "foot", "feet", "inch", "inches", "kilometre", "kilometres", "k",
                      "storey", "story", "stories", "storeys", "bedroom", "bed", "lane", "lanes", "people", "times",
                      "quid", "pound", "pounds", "kids", "children", "dogs", "cars", "bus", "buses", "stop", "stops",
                      "floor", "floors", "stage", "stages", "point", "step", "steps", "of", "or", "and"})
"""Words a number says the size of ("ten minutes walk", "a two mile walk", "three lane road"), not a street's name."""
_ADJECTIVE_ENDINGS = ("'s", "ing", "ed", "ly", "al", "ate", "ive", "ous", "ful", "ic", "less", "est")
STREET_NOUNS = frozenset({"canal", "cathedral", "hospital", "admiral", "arsenal", "festival", "signal", "olive",
                          "estate", "mineral", "tramway", "carnival", "terminal", "portal"})
"""Nouns that end as adjectives do ("-al", "-ive", "-ate") and that streets are named after ("Canal Street",
"Cathedral Road", "Olive Grove", "Admiral Street"): a street's word, where :data:`_ADJECTIVE_ENDINGS` would turn it
away. Written for the project."""


@cache
def _public_words() -> frozenset[str]:
    """Words of the shipped allow-list ("barclays", "lloyds"): "barclays bank" is no street."""
    from .allowlist import default_allowlist  # here, not at the top: the allow-list reads this module's heads

    return frozenset(p.lower() for p in default_allowlist() if " " not in p)


def street_namable(word: str) -> bool:
    """A word that can name a street; an ending of adjectives and participles turns away a dictionary word
    ("central", "winding"), not a name ("rydal", "kendal")."""
    low = word.lower().replace("’", "'")
    return (len(low) >= 3 and low.replace("'", "").isalpha() and low not in STOP_WORDS and low not in KIND_OF_ROAD
            and low not in FILLERS and low not in CALENDAR and low not in MEASURES
            and not (low.endswith(_ADJECTIVE_ENDINGS) and low not in STREET_NOUNS
                     and (low.endswith("'s") or in_dictionary(low))))


_NOT_STREETS = {"court": frozenset({"crown", "magistrates", "magistrates'", "magistrate's", "county", "family",
                                    "supreme", "youth", "coroner's", "coroners", "coroners'", "appeal", "appeals",
                                    "civil", "criminal", "sheriff", "sheriff's", "tennis", "squash", "basketball",
                                    "netball", "food", "royal", "district", "juvenile", "divorce", "small", "claims",
                                    "employment", "tribunal", "kangaroo", "high"}),
                "row": frozenset({"death", "skid", "back", "front"}),
                "way": frozenset({"harm's", "harms", "milky", "british", "american", "hard", "pathway"}),
                "place": frozenset({"first", "second", "third", "last", "pride", "safe", "happy", "dark", "meeting"}),
                "yard": frozenset({"scotland", "school", "prison", "back", "builder's", "builders", "scrap"}),
                "square": frozenset({"times", "fair", "trafalgar", "leicester", "red", "tiananmen"})}
"""Names of a head's other things ("crown court", "death row", "harm's way", "times square"): no local street."""


ROYAL_STREET_WORDS = frozenset({"king", "queen", "prince", "princess", "duke", "regent"})
"""Royal words that name more British streets than any other ("King Street", "Queen Street", "Prince's Road",
"Duke Street", "Regent Street"): a kind of road to :data:`KIND_OF_ROAD` ("the king road" is nobody's), but a
street's name where a cue puts a street and the head names nothing but a street (:data:`STRONG_HEADS`). Royal
Mail's address file holds each in hundreds of towns; the list is general knowledge of UK street names."""


def _royal_street(word: str, head: str) -> bool:
    """ "Queen" before "Street": a royal word names the street a cue marks (:data:`ROYAL_STREET_WORDS`)."""
    return norm_word(word) in ROYAL_STREET_WORDS and head.lower() in STRONG_HEADS


def _start(text: str, m: re.Match[str]) -> int | None:
    """Where the street name starts in group 1: its last word must name, a first word may join it."""
    words = list(re.finditer(_WORD, m.group(1)))
    last = words[-1].group(0)
    if len(words) == 1 and _royal_street(last, m.group(2)):
        return m.start(1)  # "the Woolworths on Queen Street": the cue marks it ("on the king road" does not)
    if not street_namable(last) or (last.lower() in _public_words() and not (
            m.group(2).lower() in STRONG_HEADS and head_ends_phrase(m.string, m.end(2)))):
        return None  # "barclays bank", "on christmas road trips"; but "on Lord Street" is a street
    if norm_word(words[-1].group(0)) in _NOT_STREETS.get(m.group(2).lower(), frozenset()):
        return None
    if len(words) == 2 and re.fullmatch(_NUMBER_CUE, words[0].group(0).lower()):
        return m.start(1) + words[-1].start()  # "lived at twelve sefton brow": the number is the cue
    if len(words) == 2:
        return m.start(1) + words[0].start() if street_namable(words[0].group(0)) else None
    return m.start(1) + words[-1].start()


def norm_word(word: str) -> str:
    return word.lower().replace("’", "'")


_SHORT_ST = re.compile(r"(?i)" + _CUE + r",?\s+(" + _WORD + r"(?:\s+" + _WORD + r")?)\s+(st)\b\.?"
                       r"(?=\s*(?:$|[,;:!?)]|\.(?:\s|$)|\s+(?:is|was|has|had|and|or|but|in|where|which|that|near|"
                       r"by|off|now|then|there|for|with|when|we|i|he|she|they|it|till|until|before|after|yeah)\b))")
"""A street written "X St": only where the phrase ends after it, since "st" also opens a saint's name."""


def _town(word: str) -> bool:
    low = word.lower()
    return low in place_names() or town_shaped(low)


def everyday_streets(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Spans of streets named by everyday words that a cue, a house number or a town marks (module doc).
    In cased text both words need their capitals ("Mill Lane", not "the mill lane")."""
    out: list[tuple[int, int]] = []
    said = frozenset(re.findall(r"[a-z]+", text.lower()))
    patterns = [_STREET, _NEAR_STREET, _ANY_STREET, _CLAUSE_STREET] if said & _GENERAL_SET else []
    if "st" in said:
        patterns.append(_SHORT_ST)
    if said & _HOUSE_SET:
        patterns.append(_HOUSE_STREET)
    for pattern in patterns:
        for m in pattern.finditer(text):
            if pattern is _ANY_STREET and not _town(m.group(3)):
                continue
            start = _start(text, m)
            if start is None:
                continue
            if not caseless and not all(w[:1].isupper() for w in text[start : m.end(2)].split()):
                continue
            out.append((start, m.end(2)))
    return out
