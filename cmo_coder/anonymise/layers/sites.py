"""Layer 3e: hospitals, units, services and streets named after places, cased and in captions.

Services and wards in the UK are named after the place they stand in or an invented place-like
word: "the Ashgrove", "Royal Elmbury", "Larchfield Unit", "the Millbrook recovery service",
"Kingsway drug service", "Harrowby Road". The model types them as anything or misses them, and
in lower-cased captions it sees none. Two kinds of evidence make a name of such a word:

* its head or cue: a facility word after it ("unit", "clinic", "recovery service", "road"), "Royal"
  before it, or "lives on", "at the", "admitted to the" before it;
* its form: in cased text a capital and no everyday word; in captions a word no dictionary holds,
  or a listed UK place, or the shape of an English place name: a dictionary word and a place
  element joined ("ash" + "grove", "king's" + "way", "elm" + "bury", "harrow" + "by").
"""

from __future__ import annotations

import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate
from .allowlist import default_allowlist
from .services import SERVICE_HEADS, image_services
from .state import candidates, caseless_doc, text_of
from .streets import STREET_HEADS, everyday_streets
from .towns import town_shaped
from .welsh_streets import CUES as WELSH_STREET_CUES
from .welsh_streets import welsh_street_spans
from .words import (
    CALENDAR,
    FILLERS,
    SELDOM_LOWER,
    everyday_words,
    in_dictionary,
    is_everyday,
    listed_names,
    lowercase_usage,
    place_names,
)

PLACE_ELEMENTS = ("brook", "field", "fields", "grove", "wood", "woods", "way", "bury", "borough", "ford", "ham", "ton",
                  "ley", "leigh", "hill", "hills", "dale", "side", "gate", "view", "bank", "croft", "mead", "moor",
                  "well", "wells", "worth", "wick", "stead", "by", "thorpe", "holme", "mount", "lands", "park", "vale",
                  "combe", "cliffe", "cliff", "hurst", "ridge", "stone", "stow", "mouth", "haven", "port", "minster",
                  "church", "chester", "caster", "cester", "haugh", "garth", "royd", "shaw", "lea", "mere", "heath",
                  "marsh", "fold", "lodge", "court", "house", "green", "dene", "den", "don", "burn", "water")
_SHORT_ELEMENTS = {"by", "ton", "ham", "ley", "lea", "den", "don", "way"}
_FACILITY = {"unit": "hospital", "clinic": "hospital", "hospice": "hospital", "hospital": "hospital",
             "infirmary": "hospital", "ward": "ward", "centre": "service", "center": "service",
             "service": "service", "services": "service", "team": "service", "project": "service", "hub": "service",
             "house": "service", "lodge": "service"}
_QUALIFIERS = ("recovery", "drug", "drugs", "alcohol", "substance", "substance misuse", "addiction", "treatment",
               "detox", "rehab", "rehabilitation", "mental health", "housing", "outreach", "support", "community",
               "wellbeing", "well-being", "peer", "crisis", "health", "day", "resource", "assessment", "inpatient",
               "rehabilitation", "recovery and wellbeing", "drug and alcohol", "needle exchange", "methadone")
_CLINICAL = {"unit", "clinic", "hospice", "hospital", "infirmary", "ward"}
_HEALTH = {"recovery", "drug", "drugs", "alcohol", "substance", "addiction", "treatment", "detox", "rehab",
           "rehabilitation", "mental", "crisis", "methadone", "needle", "inpatient", "assessment", "misuse"}
_STREET = ("road", "street", "lane", "avenue", "drive", "close", "crescent", "terrace", "grove", "gardens", "row",
           "walk", "rise", "mews", "parade", "square", "way", "place", "hill")
_STREET_SET = set(_STREET)
_STREET_WORDS = set(STREET_HEADS)
_IMAGE_HEADS = set(SERVICE_HEADS)
_WORDS_RE = re.compile(r"[a-z]+")
_LIVES_WORDS = {"live", "lives", "lived", "living", "moved", "moving", "house", "flat", "estate", "stays", "stayed",
                "staying"}
_WORD = r"[^\W\d_][\w'’-]*"
_HEAD_WORDS = sorted({w for q in _QUALIFIERS for w in q.split()} | set(_FACILITY) | set(_STREET),
                     key=lambda w: (-len(w), w))  # longest first; ties by spelling, never by hash order
_NAME_WORD = r"(?!(?:" + "|".join(_HEAD_WORDS) + r")\b)" + _WORD  # a head or qualifier never ends the name
_NAME = r"(" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")?)"
_FACILITY_RE = re.compile(r"(?i)\b" + _NAME + r"\s+((?:(?:" + "|".join(q.replace(" ", r"\s+") for q in _QUALIFIERS)
                          + r")\s+){0,2}(?:" + "|".join(_FACILITY) + r"))\b")
_STREET_RE = re.compile(r"(?i)\b" + _NAME + r"\s+(" + "|".join(_STREET) + r")\b")
_ROYAL_RE = re.compile(r"(?i)\broyal\s+(" + _WORD + r")\b")
_LIVES_ON = re.compile(r"(?i)\b(?:live|lives|lived|living|moved|moving|house|flat|estate|stays|stayed|staying)\s+"
                       r"(?:on|in|onto|off|down)\s+(?:the\s+)?(" + _WORD + r")\b")
_AT_THE = re.compile(r"(?i)\b(?:at|in|on|into|from|outside|inside|near|left|leave|leaving|visit|visited|visiting|"
                     r"admitted\s+to|discharged\s+from|sent\s+to|transferred\s+to|moved\s+to|back\s+to|up\s+to|"
                     r"down\s+to|over\s+to|round\s+to)\s+the\s+(" + _WORD + r")(?=\s*(?:[,.;:!?]|$|\s+(?:for|and|"
                     r"but|then|now|again|when|where|with|because|after|before|until|till|last|this|that|"
                     r"every|in|at|on|a|about|was|is|had|has)\b))")
_NOT_NAMES = {"royal", "national", "local", "general", "community", "district", "county", "city", "new", "old", "main",
              "central", "north", "south", "east", "west", "our", "their", "my", "his", "her", "your", "the", "a",
              "an", "this", "that", "same", "other", "drug", "drugs", "alcohol", "recovery", "crisis", "mental",
              "health", "day", "support", "housing", "nhs", "gp", "a&e", "council", "care", "social", "family",
              "specialist", "private", "inpatient", "outpatient", "acute", "rehab", "detox", "treatment", "memory",
              "stroke", "cancer", "maternity", "children's", "kids", "youth", "adult", "adults", "older", "young",
              "women's", "men's", "assessment", "intensive", "high", "low", "secure", "medium", "open", "closed",
              "psychiatric", "psychiatry", "addiction", "addictions", "substance", "liaison", "homeless", "street",
              "police", "probation", "prison", "job", "jobs", "employment", "benefits", "money", "debt", "food",
              "needle", "exchange", "pharmacy", "chemist", "dental", "eye", "sexual", "ward", "team", "service",
              "unit", "clinic", "centre", "center", "project", "hub", "bed", "beds", "front", "back", "home", "whole",
              "next", "last", "first", "second", "one", "two", "every", "each", "any", "some", "all", "both",
              "peer", "outreach", "wellbeing", "resource", "methadone", "research", "university", "college", "school"}


@cache
def _public_words() -> frozenset[str]:
    """Single words of the shipped allow-list ("NHS", "Mind", "Samaritans"): a public body's service."""
    return frozenset(p.lower() for p in default_allowlist() if " " not in p)


def place_shaped(word: str) -> bool:
    """"ashgrove", "kingsway", "elmbury", "harrowby": no dictionary word, but a word and a place element."""
    low = word.lower().replace("’", "'").replace("'", "")
    if len(low) < 6 or not low.isalpha() or in_dictionary(low):
        return False
    words = everyday_words()
    for element in PLACE_ELEMENTS:
        if low.endswith(element):
            stem = low[: -len(element)]
            least = 4 if element in _SHORT_ELEMENTS else 3
            if len(stem) >= least and (stem in words or in_dictionary(stem) or stem in place_names()
                                       or (stem.endswith("s") and stem[:-1] in words)):
                return True
    return False


def name_word(word: str, caseless: bool, strict: bool = False) -> bool:
    """A word that can name a place or service: in cased text written with a capital and no everyday
    word (or a listed place); in captions no dictionary word. ``strict``: the context alone does not
    say a name stands there ("at the X", "X road", "X team"), so only a listed UK place or a word
    of place-name shape will do ("at the ashgrove", not "at the capex")."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s") and caseless:
        return False  # "my mum's place": whose, not which
    if (low in STOP_WORDS or low in _NOT_NAMES or low in _public_words() or len(low) < 3 or low in FILLERS
            or low in CALENDAR or "-" in low):
        return False
    if not caseless and not (word[:1].isupper() and not word.isupper()):
        return False
    if low in place_names() or place_shaped(low):
        return True
    if strict:
        return False
    return not is_everyday(low) if not caseless else not (is_everyday(low) or in_dictionary(low.rstrip("s")))


class SitesComponent:
    """Layer 3e: hospitals, units, services and streets named after places (see the module doc)."""

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        caseless = caseless_doc(doc)
        out = candidates(doc)
        said = set(_WORDS_RE.findall(text.lower()))  # each pattern runs only on turns holding its head words
        if said & _FACILITY.keys():
            self._facilities(text, caseless, out)
            if said & _CENTRE_HEADS:
                out.extend(named_centres(text, caseless))
        if said & _STREET_SET:
            for m in _STREET_RE.finditer(text):
                if not caseless and (not m.group(2)[:1].isupper() or m.group(2).lower() == "hill"):
                    continue  # "Harrowby Road"; not "the Automate road"; cased "Jane Hill" is a person
                start = self._name_start(m, caseless, strict=caseless)
                if start is None and caseless:
                    start = _caption_street_start(m)
                elif start is None:
                    start = _street_part_start(text, m)
                if start is not None:
                    out.append(Candidate(start, m.end(2), "street", "rules", 0.8, "street name"))
        if said & _IMAGE_HEADS:
            for s, e in image_services(text, caseless):
                kind = "ward" if text[s:e].lower().endswith(("ward", "wing", "suite")) else "service"
                out.append(Candidate(s, e, kind, "rules", 0.75, f"{kind} named by an image"))
        if said & _STREET_WORDS:
            for s, e in everyday_streets(text, caseless):
                out.append(Candidate(s, e, "street", "rules", 0.75, "street named by everyday words, where someone "
                                                                    "lives or a number or town says a street"))
        if said & WELSH_STREET_CUES or "lôn" in text.lower():  # said words are [a-z] runs
            for s, e in welsh_street_spans(text, caseless):
                out.append(Candidate(s, e, "street", "rules", 0.8, "Welsh street name, its kind first"))
        if "royal" in said:
            for m in _ROYAL_RE.finditer(text):
                word = m.group(1)
                if name_word(word, caseless) and (caseless or m.group(0)[:1].isupper()):
                    out.append(Candidate(m.start(), m.end(1), "hospital", "rules", 0.8, "Royal + place: a hospital"))
        if said & _LIVES_WORDS:
            for m in _LIVES_ON.finditer(text):
                word = m.group(1)
                # cased, "lives on Pemberton" is a street whatever its shape; in captions "lives on" needs one
                # ("lives on methadone"), "lives in" a word no dictionary holds and subtitles seldom write
                on = "on" in m.group(0).lower().split()
                loose = not caseless or (not on and lowercase_usage().get(word.lower(), 0) < SELDOM_LOWER)
                if name_word(word, caseless, strict=not loose) and word.lower() not in place_names():
                    out.append(Candidate(m.start(1), m.end(1), "street" if on else "place", "rules", 0.7,
                                         "where someone lives"))
        if "the" in said:
            for m in _AT_THE.finditer(text):
                if name_word(m.group(1), caseless, strict=True):
                    out.append(Candidate(m.start(1), m.end(1), "place", "rules", 0.7, "a place called by name"))
        return doc

    def _facilities(self, text: str, caseless: bool, out: list[Candidate]) -> None:
        for m in _FACILITY_RE.finditer(text):
            words = m.group(2).split()
            head = words[-1].lower()
            # a health head or qualifier says "a named service" ("Larchfield Unit", "Oakwell drug team");
            # a plain "team" or "project" is said of anything ("the Constellium team"): then only a place
            # name will do, and in cased text the head must have its capital too ("Willow Project")
            health = head in _CLINICAL or any(w.lower() in _HEALTH for w in words[:-1])
            if not health and not caseless and not words[-1][:1].isupper():
                continue
            start = self._name_start(m, caseless, strict=not health)
            if start is None:
                continue
            category = _FACILITY[head]
            if category == "service" and head in {"house", "lodge"} and not caseless:
                category = "place"
            out.append(Candidate(start, m.end(2), category, "rules", 0.8, f"{category} named after a place"))

    @staticmethod
    def _name_start(m: re.Match[str], caseless: bool, strict: bool = False) -> int | None:
        """Where the name before a head word starts: its last word must name, its first may ("Royal")."""
        words = list(re.finditer(_WORD, m.group(1)))
        last = words[-1].group(0)
        if not name_word(last, caseless, strict):
            return None
        if len(words) == 2 and name_word(words[0].group(0), caseless):
            return m.start(1) + words[0].start()
        return m.start(1) + words[-1].start()


_CENTRE_HEADS = {"centre", "center", "hub"}
_CENTRE_KINDS = {
    "community", "health", "day", "job", "jobs", "town", "city", "shopping", "leisure", "sports", "sport", "garden",
    "call", "test", "testing", "vaccination", "vaccine", "covid", "medical", "family", "families", "youth", "resource",
    "learning", "training", "education", "conference", "visitor", "visitors", "business", "data", "distribution",
    "contact", "service", "advice", "information", "drop", "treatment", "recovery", "rehab", "detox", "crisis",
    "assessment", "support", "care", "carers", "respite", "drug", "drugs", "alcohol", "wellbeing", "mental", "dental",
    "eye", "sexual", "cancer", "stroke", "birth", "maternity", "trauma", "heart", "research", "arts", "art", "music",
    "dance", "fitness", "citizens", "law", "legal", "tax", "benefits", "housing", "homeless", "night", "elderly",
    "employment", "skills", "career", "careers", "enterprise", "innovation", "science", "tech", "technology",
    "computer", "digital", "media", "news", "control", "operations", "command", "nerve", "custody", "detention",
    "immigration", "refugee", "asylum", "rape", "referral", "sorting", "recycling", "waste", "cash", "power", "bus",
    "coach", "transport", "travel", "tourist", "retail", "trade", "exhibition", "convention", "civic", "cultural",
    "heritage", "faith", "student", "students", "police", "fire", "ambulance", "emergency", "urgent", "injuries",
    "walk", "start", "victim", "victims", "women", "men", "kids", "children", "baby", "parent", "parents", "school",
    "diagnostic", "screening", "blood", "donor", "logistics", "customer", "fulfilment", "design",
    "development", "excellence", "wellness", "spa", "food", "bank", "clinical", "nursing", "rehabilitation",
    "addiction", "addictions", "outreach", "peer", "social", "sure", "drop-in", "walk-in", "village", "neighbourhood",
    "local", "regional", "national", "central", "main", "new", "old", "big", "whole", "same", "other", "nearest",
}
_CENTRE_RE = re.compile(r"(?i)\b(the|to|at|from|into|in)\s+(" + _WORD + r")\s+(centre|center|hub)\b")


def named_centres(text: str, caseless: bool) -> list[Candidate]:
    """"the beacon centre", "to harbour hub": a service named by an everyday word ("beacon", "oasis",
    "willow") is told from a kind of centre ("the job centre", "the community hub") by that word:
    a kind names what the centre does or who it serves, and those are few (``_CENTRE_KINDS``);
    without "the", only a hub ("at harbour hub", not "in town centre"). Cased text writes both words
    with capitals."""
    out = []
    for m in _CENTRE_RE.finditer(text):
        word, head = m.group(2), m.group(3)
        low = word.lower().replace("’", "'")
        if m.group(1).lower() != "the" and head.lower() != "hub":
            continue
        if not caseless and not (word[:1].isupper() and head[:1].isupper() and not word.isupper()):
            continue
        if (len(low) < 4 or not low.isalpha() or low in STOP_WORDS or low in _CENTRE_KINDS or low in _NOT_NAMES
                or low in _public_words() or low in CALENDAR or low in FILLERS
                or low.endswith(("al", "ive", "ic", "ous", "ful", "less", "ed", "ing", "ary", "ity", "ion", "ist",
                                 "ern", "est", "ate", "ant", "ent", "'s"))
                or (low.endswith("s") and in_dictionary(low[:-1]))):
            continue  # adjectives, activities and plural users say a kind: "the regional hub", "the testing centre"
        out.append(Candidate(m.start(2), m.end(3), "service", "rules", 0.7, "service named by its own word"))
    return out


_STREET_PREFIX = {"upper", "lower", "old", "new", "st", "saint", "north", "south", "east", "west", "little", "great",
                  "nether", "far", "long"}
_STREET_EVERYDAY = {"main", "high", "side", "back", "ring", "one", "dual", "country", "slip", "private", "busy", "same",
                    "other", "next", "long", "wrong", "right", "left", "open", "whole", "top", "bottom", "end", "front",
                    "middle", "way", "new", "old", "only", "first", "second", "third", "last", "each", "every"}


def _street_name_word(word: str) -> bool:
    """A caption word that names a street before "road", "lane", "close": a word of place-name
    shape ("gresley", "ollerton") or a name on the census or Faker lists that no dictionary holds
    and subtitles seldom write in lower case ("pemberton", "fairfax"); not any rare word
    ("automate road", "nfc lane")."""
    low = word.lower().replace("’", "'")
    if town_shaped(low):
        return True
    if (low not in listed_names() or len(low) < 3 or not low.isalpha() or low in STOP_WORDS or low in _NOT_NAMES
            or low in _STREET_EVERYDAY or low in FILLERS or low in CALENDAR or low in _public_words()
            or is_everyday(low)):
        return False
    return lowercase_usage().get(low, 0) < SELDOM_LOWER


_PART_WORDS = frozenset({"bit", "end", "side", "corner", "stretch"})
"""Words after a street that say which part of it is meant ("the Constitution Road bit", "the Market Street side"):
said so, the street is a place someone knows by its name, not a kind of road."""
_PART_AFTER_RE = re.compile(r"\s+(" + "|".join(sorted(_PART_WORDS)) + r")\b")
_THE_BEFORE_RE = re.compile(r"(?i)\bthe\s+$")


def _street_part_start(text: str, m: re.Match[str]) -> int | None:
    """Where a cased street's name starts when its word is an everyday one ("Constitution", "Market"), which
    :meth:`SitesComponent._name_start` takes for a kind of road: only where "the" stands before it and a word of a
    part of it after ("at the Constitution Road bit"), the word and its head both capitalised, and the word no
    kind of road ("the Ring Road end", "the Main Street end" are said of any town)."""
    words = list(re.finditer(_WORD, m.group(1)))
    last = words[-1]
    word = last.group(0)
    start = m.start(1) + last.start()
    if not (word[:1].isupper() and not word.isupper() and m.group(2)[:1].isupper()):
        return None
    low = word.lower()
    if low in _STREET_EVERYDAY or low in STOP_WORDS or low in FILLERS or low in CALENDAR or len(low) < 4:
        return None
    if not _PART_AFTER_RE.match(text, m.end(2)) or not _THE_BEFORE_RE.search(text[max(0, start - 8) : start]):
        return None
    return start


def _caption_street_start(m: re.Match[str]) -> int | None:
    """Where a caption's street name starts, when its shape did not already tell: a surname
    ("pemberton street"), or a prefix before any word ("upper mill lane", "st marys road"); never
    an everyday word alone ("the main road", "a side street", "the ring road", "one way")."""
    words = list(re.finditer(_WORD, m.group(1)))
    last = words[-1].group(0).lower()
    if len(words) == 2 and words[0].group(0).lower() in _STREET_PREFIX and last.isalpha() \
            and last not in STOP_WORDS and last not in _STREET_EVERYDAY and last not in _NOT_NAMES:
        return m.start(1) + words[0].start()
    if _street_name_word(last):
        if len(words) == 2 and _street_name_word(words[0].group(0)):
            return m.start(1) + words[0].start()
        return m.start(1) + words[-1].start()
    return None


@Language.factory("cmo_sites")
def make_sites(nlp: Language, name: str) -> SitesComponent:
    return SitesComponent()
