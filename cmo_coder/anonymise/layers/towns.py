"""Unlisted towns and villages: a word of English place-name shape where the sentence says a place.

No list holds every village, and invented names in research data ("Wendlebury", "Harbeckton")
are on none. In lower-cased captions the model sees none of them; in cased text it misses some.
Two kinds of evidence together make a town of such a word:

* its form: no dictionary word, seldom written in lower case, and ending in an element English
  place names end in ("-by", "-ton", "-ham", "-ley", "-field", "-bury", "-thorpe", "-mouth" ...);
* its place: a word of place before it ("lives in", "moved to", "over in", "from", "near",
  "out at", "in the middle of", "round") or after it ("the X area", "the X estate",
  "X town centre", "X high street").

Either alone is weak ("from Pemberton" may be a person; "-ton" ends many surnames), so both
are required. In cased text the word must have its capital, and a word the model already
typed is left to it.
"""

from __future__ import annotations

import re

from .cue_scan import cued_finditer, cued_search, register_cues
from .words import CALENDAR, FILLERS, SELDOM_LOWER, in_dictionary, is_everyday, lowercase_usage, name_lexicon

TOWN_ENDINGS = ("by", "ton", "ham", "ley", "leigh", "lea", "field", "bury", "borough", "burgh", "wick", "wich",
                "thorpe", "thorp", "worth", "worthy", "den", "don", "combe", "coombe", "mouth", "ford", "stead",
                "caster", "chester", "cester", "minster", "bridge", "pool", "well", "wells", "dale", "holme",
                "hurst", "stow", "stowe", "ridge", "stone", "haven", "port", "gate", "cliffe", "moor", "mere",
                "brook", "wood", "church", "haugh", "thwaite", "bourne", "burn", "wold", "ington", "hampton",
                "cott", "cote", "heath", "marsh", "hall", "castle", "land", "sea", "stoke", "hithe")
"""Endings of English place names (Ekwall's place-name elements, as modern spellings)."""
_STEM_MIN = 3
_PREPOSITIONS = r"(?:in|to|from|near|round|around|outside|towards|at|via|through)"
_BEFORE = re.compile(
    r"(?i)(?:\b(?:in\s+the\s+middle\s+of|on\s+the\s+outskirts\s+of|the\s+other\s+side\s+of|"
    r"(?:over|down|up|out|back|round|across|along)\s+(?:in|at|to|near|by)|" + _PREPOSITIONS + r")\s+)$")
_AFTER = re.compile(r"(?i)^\s+(?:area|estate|town\s+centre|town\s+center|high\s+street|village|town|way\s+(?:up|down)|"
                    r"side\s+of\s+town|ward|district|direction)\b")
WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{6,}(?![\w'’-])")
_ENDINGS = tuple(sorted(set(TOWN_ENDINGS)))


def town_shaped(word: str) -> bool:
    """"wendlebury", "harbeckton", "stallowmouth": no dictionary word, seldom lower-cased, and
    ending in a place-name element after a stem of three letters or more."""
    low = word.lower()
    if len(low) < 6 or not low.isalpha() or in_dictionary(low) or is_everyday(low):
        return False
    if lowercase_usage().get(low, 0) >= SELDOM_LOWER:
        return False
    return any(low.endswith(e) and len(low) - len(e) >= _STEM_MIN for e in TOWN_ENDINGS)


def said_as_place(text: str, start: int, end: int) -> bool:
    """The words around ``text[start:end]`` say a place stands there."""
    before = text[max(0, start - 40) : start]
    if _BEFORE.search(before):
        return True
    return bool(_AFTER.match(text[end : end + 30]))


_WORD_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ism", "ise", "ize", "ised", "ized", "ly")
"""Endings of derived English words the dictionary may lack ("restructuring"): no town ends so."""
_RESIDENCE = re.compile(
    r"(?i)\b(?:(?:lives?|lived|living|grew\s+up|born|brought\s+up|raised|moved|moving|based|settled|"
    r"relocated|housed|rehoused)\s+(?:in|to|near|round|over\s+to|out\s+to|down\s+to|up\s+to)|"
    r"(?:over|down|up|out|back)\s+in|(?:lives|lived|living)\s+out\s+(?:in|at))"
    r"\s+([^\W\d_]{4,})(?![\w'’-])")

_RESIDENCE_CUES = register_cues("towns.residence", {
    "live", "lives", "lived", "living", "grew", "born", "brought", "raised", "moved", "moving", "based", "settled",
    "relocated", "housed", "rehoused", "over", "down", "up", "out", "back"})
"""The first word of each way of :data:`_RESIDENCE` (:mod:`.cue_scan`)."""

_TOWN_PART = re.compile(r"(?i)(?<![\w'’-])([^\W\d_]{4,})\s+(?:town\s+cent(?:re|er)|high\s+street|train\s+station|"
                        r"railway\s+station|bus\s+station|city\s+cent(?:re|er))\b")


def _british_spelling_of_a_word(low: str) -> bool:
    """"centre", "harbour", "organise": words the (American-spelt) dictionary holds under another spelling."""
    variants = []
    if low.endswith("re"):
        variants.append(low[:-2] + "er")
    if "our" in low:
        variants.append(low.replace("our", "or"))
    if low.endswith(("ise", "ised", "ising")):
        variants.append(low.replace("is", "iz"))
    return any(in_dictionary(v) for v in variants)


def residence_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """A word no dictionary holds and subtitles seldom write in lower case, right after a strong word of
    residence ("lives in", "grew up in", "moved to", "over in"): a town, whatever its ending ("moved
    to kelso", "grew up in dunoon"); so is one before a part only a town has ("X town centre", "X train
    station"). Weaker cues ("from", "at", "near") need the place-name shape too
    (:func:`town_spans`); a given name is left to the person layers ("moved in with", "over to")."""
    out = []
    firsts = name_lexicon("first")
    for m in [*cued_finditer(_RESIDENCE, text, _RESIDENCE_CUES), *_TOWN_PART.finditer(text)]:
        word = m.group(1)
        low = word.lower()
        if not caseless and not (word[:1].isupper() and not word.isupper()):
            continue
        if (low in firsts or in_dictionary(low) or _british_spelling_of_a_word(low) or is_everyday(low)
                or low in CALENDAR or low in FILLERS or low.endswith(_WORD_ENDINGS)
                or lowercase_usage().get(low, 0) >= SELDOM_LOWER):
            continue
        out.append(m.span(1))
    return out


DISTRICT_TAILS = frozenset({"lees", "carr", "moor", "moorside", "moorend", "bottoms", "bottom", "top", "green", "spa",
                            "common", "fold", "heath", "brow", "bank", "hill", "dale", "wood", "cross", "gate",
                            "marsh", "edge", "nook", "hollow", "end", "village", "park", "fields", "lane"})
"""Words that make a district of the town before them: "Thornhill Lees", "Batley Carr", "Dewsbury Moor",
"Wibsey Bottoms", "Earlsheaton Top", "Mirfield Green". The district is the whole phrase: a town said with
its part names a few streets, and "[city name] Lees" leaves the part to find it by."""
DISTRICT_PREFIXES = frozenset({"upper", "lower", "nether", "little", "great", "high", "far"})
"""Words before a town that make a district or a village of it: "Upper Hopton", "Nether Edge", "Little Horton"."""
_NOT_A_DISTRICT_AFTER = frozenset({"of", "belt", "party", "parties", "card", "cards", "light", "lights", "line",
                                   "lines", "tea", "beans", "energy", "paper", "room", "rooms", "ten", "five",
                                   "marks", "man", "men", "floor", "flight", "dollar", "shelf", "gear", "holiday",
                                   "holidays", "account", "accounts", "statement", "manager", "scorer", "ride"})
"""Words after a tail that make it a phrase of its own ("the Leeds end of the road", "green belt", "top marks")."""
_TAIL_RE = re.compile(r"(?i)\s+(" + "|".join(sorted(DISTRICT_TAILS)) + r")(?![\w'’-])(?:\s+([^\W\d_][\w'’-]*))?")
_PREFIX_RE = re.compile(r"(?i)(?<![\w'’-])(" + "|".join(sorted(DISTRICT_PREFIXES)) + r")\s+$")
_LOCATIVE_BEFORE = re.compile(r"(?i)(?:^|\b(?:in|to|from|at|near|round|around|outside|towards|of|on|up|down|over|"
                              r"out|back|into|via|through|and|or))\s+$")


def district_tail(text: str, end: int, caseless: bool) -> int | None:
    """Where a district ends when a town ending at ``end`` is followed by a part-of-town word ("Thornhill
    Lees", "batley carr"); None when no such word follows or it begins a phrase of its own ("the Leeds
    end of it", "Bradford green belt"). Cased text writes the part with its capital."""
    m = _TAIL_RE.match(text, end)
    if m is None or (not caseless and not m.group(1)[:1].isupper()):
        return None
    after = (m.group(2) or "").lower().replace("’", "'")
    if after in _NOT_A_DISTRICT_AFTER or (m.group(1).lower() in {"end", "top", "bottom", "edge", "lane"}
                                          and not (caseless or m.group(1)[:1].isupper())):
        return None
    if m.group(1).lower() == "park" and after == "and":
        return None  # "the Leeds park and ride"
    if m.group(1).lower() in {"end", "top", "bottom", "edge", "lane", "park", "village"} and after in {"the", "a"}:
        return None  # "the Leeds end the other fans": a side of a ground, not a district
    return m.end(1)


def district_prefix(text: str, start: int, caseless: bool) -> int | None:
    """Where a district begins when a word before a town at ``start`` makes one ("Upper Hopton",
    "nether edge"): the prefix stands after a word of place or a phrase's start."""
    m = _PREFIX_RE.search(text, max(0, start - 12), start)
    if m is None or (not caseless and not m.group(1)[:1].isupper()):
        return None
    if not _LOCATIVE_BEFORE.search(text[max(0, m.start(1) - 30) : m.start(1)]):
        return None
    return m.start(1)


_DISTRICT_RE = re.compile(r"(?i)(?<![\w'’-])([^\W\d_]{4,})(?=\s+(?:" + "|".join(sorted(DISTRICT_TAILS))
                          + r")(?![\w'’-]))")


_ANY_TAIL = re.compile(r"(?i)\b(?:" + "|".join(sorted(DISTRICT_TAILS)) + r")\b")
_TAIL_CUES = register_cues("towns.district", DISTRICT_TAILS)
"""Every match of :data:`_ANY_TAIL` is one of these words (:mod:`.cue_scan`)."""


def district_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """"from wibsey bottoms", "out at earlsheaton top": a word no dictionary holds, seldom lower-cased, and
    a part-of-town word after it, where the words before say a place: the whole district, though no list
    holds its town."""
    out: list[tuple[int, int]] = []
    if not cued_search(_ANY_TAIL, text, _TAIL_CUES):
        return out  # most turns say no part of a town
    for m in _DISTRICT_RE.finditer(text):
        word = m.group(1)
        if not unknown_word(word, caseless) or not _BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        end = district_tail(text, m.end(1), caseless)
        if end is not None:
            out.append((m.start(1), end))
    return out


def unknown_word(word: str, caseless: bool) -> bool:
    """A word of no dictionary, given-name list or everyday use, capitalised in cased text."""
    low = word.lower()
    if not caseless and not (word[:1].isupper() and not word.isupper()):
        return False
    return not (low in name_lexicon("first") or in_dictionary(low) or _british_spelling_of_a_word(low)
                or is_everyday(low) or low in CALENDAR or low in FILLERS or low.endswith(_WORD_ENDINGS)
                or lowercase_usage().get(low, 0) >= SELDOM_LOWER)


def town_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Spans of place-shaped words said as places in ``text``."""
    out = district_spans(text, caseless)
    for m in WORD.finditer(text):
        word = m.group(0)
        if not word.lower().endswith(_ENDINGS):
            continue  # one C-level test turns away most words
        if not caseless and not (word[:1].isupper() and not word.isupper()):
            continue
        if town_shaped(word) and said_as_place(text, m.start(), m.end()) \
                and not any(a <= m.start() < b for a, b in out):
            out.append(m.span())
    return out + [span for span in residence_spans(text, caseless) if span not in out]
