"""Care homes named like houses, in a transcript that talks of care homes: "bramble court were lovely with
her", "we chose larch house in the end", "heron view rang me at six".

Families name a care home the way its sign does, two ordinary words of which the last is a word houses are
named by ("Bramble Court", "Meadow View", "Oak Lodge", "Larch House": :data:`HEADS`), and once the talk is of
the home they seldom say "care home" again or put a verb of placing before it: the home is the subject of
what the staff did, or the object of choosing and visiting. Read alone, a turn cannot tell "bramble court
were lovely" from talk of a court; the transcript can. Where the transcript speaks of care homes at all
(:data:`_CARE_TALK`: "care home", "nursing home", "residents", "respite"), a house-shaped name is proposed
wherever it is said as a name:

* one or two naming words (:func:`.layers.naming.naming_word`: a naming noun, a place-shaped word, a word of
  proper-name kind; in captions also a noun that says no kind, "sorrel", "kingfisher"; in cased text a
  capitalised word) and a house head, the first naming word not a bare qualifier ("new house", "old hall",
  "high court"), a head itself ("court house"), an adjective ("lovely house") or a noun that makes a kind
  of the head ("tennis court", "guest house", "sea view", :data:`_KINDS_BEFORE`);
* no article, possessive or other determiner before it ("a park view", "the new house", "her own court"),
  nor a word that makes a kind of it ("tennis court", "car park": such words are no naming words anyway);
* nothing that the allow-list keeps ("Hampton Court", "Hyde Park");

and "the" with a plural homes are named by ("the willows were lovely", "we chose the laurels",
:data:`PLURAL_NAMES`), unless what follows makes trees of it ("the willows by the river").

A turn's own layers may find the same home (a verb of placing before it, its kind after it): overlapping
proposals are one redaction, and a name found here is said again elsewhere bare through
:func:`.consistency.local_recurrences`.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .candidates import Candidate
from .layers.kind_first import HOUSE_HEADS
from .layers.naming import KIND_WORDS, NAMING_NOUNS, naming_word, norm_word, public_words
from .layers.words import CALENDAR, FILLERS, KINSHIP, in_dictionary

HEADS = HOUSE_HEADS - {"place", "villa", "villas", "towers", "mews", "mount", "hill", "bank", "rise", "lees"}
"""Last words of care homes' names as of houses' (:data:`.layers.kind_first.HOUSE_HEADS`) less those that end
as many streets and hills as homes."""
_KINDS_BEFORE = frozenset({
    "tennis", "food", "crown", "county", "magistrates", "magistrates'", "supreme", "youth", "family", "squash",
    "basketball", "netball", "badminton", "juvenile", "coroner's", "coroners", "civil", "criminal", "appeal",
    "appeals", "district", "sheriff", "court", "farm", "guest", "dolls", "doll's", "summer", "safe", "halfway",
    "open", "club", "boat", "tree", "play", "council", "public", "wendy", "light", "coffee", "steak", "opera",
    "bath", "glass", "hen", "full", "packed", "mad", "wash", "ware", "theme", "skate", "water", "safari", "retail",
    "business", "industrial", "country", "national", "holiday", "caravan", "trailer", "science", "ball",
    "amusement", "football", "town", "village", "church", "sports", "bingo", "dance", "music", "concert", "dining",
    "mess", "lecture", "exam", "assembly", "city", "scout", "community", "guild", "masonic", "residence", "school",
    "sea", "rear", "side", "front", "point", "hunting", "ski", "lord", "botanical", "rose", "tea", "car", "lake",
    "river", "bird's", "bird's-eye", "aerial", "street", "road", "garden", "back", "care", "nursing", "home",
    "manor", "student", "boarding", "detention", "custody", "bail", "station", "police", "fire", "power", "pump",
    "engine", "ice", "cold", "hot", "green", "white", "mill", "gate", "mountain", "world", "birds", "panoramic",
})
"""Nouns that make a kind of court, house, park, hall or view ("tennis court", "guest house", "car park", "sea
view"): no home's name, whatever the transcript talks of (written for the project)."""
_ADJECTIVE = re.compile(r"(?:ful|ous|ive|ic|al|able|ible|less|est|ing|ed|ly|ish|y)$")
"""Endings of adjectives and participles ("lovely", "wooden", "crowded"): a kind of house, not its name."""
_QUALIFIERS = frozenset({"north", "south", "east", "west", "central", "upper", "lower", "old", "new", "high",
                         "little", "great", "long", "broad", "royal", "st", "st.", "saint", "green"})
"""Words that name only with another naming word ("the old hall", "high court", "green park")."""
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "my", "our", "your", "his", "her",
                          "their", "its", "some", "any", "no", "every", "each", "another", "own", "one", "big",
                          "nice", "lovely", "little", "same", "other"})
PLURAL_NAMES = frozenset({
    "oaks", "elms", "beeches", "limes", "pines", "cedars", "willows", "hollies", "laurels", "poplars", "maples",
    "chestnuts", "sycamores", "hawthorns", "rowans", "yews", "larches", "birches", "firs", "gables", "orchards",
    "cherries", "acorns", "heathers", "lilacs", "lindens", "spinneys", "paddocks", "cloisters", "chimneys",
})
"""Plurals homes are named by with "the" ("The Willows", "The Laurels", "The Gables"): trees and old features
of a house (written for the project). Said as a name's subject or object in a transcript about care homes."""
_PLURAL = re.compile(r"(?i)(?<![\w'’-])the\s+(" + "|".join(sorted(PLURAL_NAMES)) + r")(?![\w'’-])")
_NOUN_AFTER = re.compile(r"(?i)^\s+(?:tree|trees|wood|woods|forest|avenue|road|lane|drive|close|estate|in|on|"
                         r"along|outside|by|near|at|were\s+in\s+(?:blossom|bloom|leaf))\b")
"""After a plural: what makes trees of it ("the willows by the river", "the limes along the road")."""
_CARE_TALK = re.compile(r"(?i)\b(?:(?:care|nursing|residential|rest|retirement)\s+homes?|residents|respite)\b")
"""Talk of care homes in the transcript: a home's kind said, its residents, respite stays."""
_NAME = re.compile(r"(?i)(?<![\w'’-])([^\W\d_][\w'’]*)(?:\s+([^\W\d_][\w'’]*))?\s+(" + "|".join(sorted(HEADS))
                   + r")(?![\w'’-])")


def _names(word: str, caseless: bool) -> bool:
    """A word that can stand in a home's name before its head: a naming word, or in captions a noun that says
    no kind ("sorrel", "kingfisher", "aspen": trees, birds and flowers homes are named after)."""
    low = norm_word(word)
    if (low in STOP_WORDS or low in KIND_WORDS - _QUALIFIERS or low in FILLERS or low in CALENDAR or low in KINSHIP
            or low.endswith("'s") or low in HEADS or low in _KINDS_BEFORE or not low.isalpha() or len(low) < 3):
        return False
    if naming_word(word, caseless):
        return True
    return caseless and in_dictionary(low) and low not in _QUALIFIERS and not _ADJECTIVE.search(low)


def house_names(text: str, segments: list[tuple[int, int]], caseless: list[bool], found: list[Candidate],
                protected: list[tuple[int, int]]) -> list[Candidate]:
    """Care homes named like houses (module doc), in the turns ``segments`` (``caseless``: each turn's
    casing), as candidates; none where the transcript never talks of care homes."""
    if not _CARE_TALK.search(text):
        return []
    out = []
    for (seg_start, seg_end), lower in zip(segments, caseless, strict=True):
        for m in _NAME.finditer(text, seg_start, seg_end):
            first, second, head = m.group(1), m.group(2), m.group(3)
            words, start = [w for w in (first, second) if w], m.start(1)
            if len(words) == 2 and not (naming_word(first, lower) and _names(first, lower)
                                        and _names(second, lower)):
                words, start = [second], m.start(2)  # "we chose bramble court": the name is the last word
            if not _names(words[-1], lower):
                continue
            lows = [norm_word(w) for w in words]
            if len(lows) == 1 and (lows[0] in _QUALIFIERS or lows[0] not in NAMING_NOUNS and len(lows[0]) < 3):
                continue
            if not lower and not (all(w[:1].isupper() for w in words) and head[:1].isupper()):
                continue
            before = re.findall(r"[\w'’]+", text[max(seg_start, start - 20) : start].lower())
            if before and before[-1] in _DETERMINERS:
                continue
            end = m.end(3)
            if " ".join(text[start:end].lower().split()) in public_words() or any(
                    a < end and start < b for a, b in protected):
                continue
            out.append(Candidate(start, end, "care_home", "rules", 0.75,
                                 "a house-shaped name in a transcript about care homes"))
        for m in _PLURAL.finditer(text, seg_start, seg_end):
            word = m.group(1)
            if (not lower and not word[:1].isupper()) or _NOUN_AFTER.match(text[m.end(1) : m.end(1) + 30]) or any(
                    a < m.end(1) and m.start(1) < b for a, b in protected):
                continue
            out.append(Candidate(m.start(1), m.end(1), "care_home", "rules", 0.75,
                                 "a home's plural name in a transcript about care homes"))
    return out
