"""Places said with ordinary words, read by the frame of speech around them (captions; issue 13, a tenth round).

In captions a local place named with dictionary words is written like any other words, and a speech
recogniser that does not know a name writes the words it sounds like ("the foxglove", "crow moor"). No list
can hold what is misheard, so this layer reads the **frame** a place is said in, and scores the words in it
rather than matching them one by one:

* **a verb of care and "the"** ("admitted to the foxglove", "discharged from the juniper", "seen at the
  beacon"): after these verbs "the" + a noun names where care was given; what is not a name there is a kind
  of place or of care ("the ward", "the other hospital", "the high dependency unit"), which
  :data:`GENERIC` holds;
* **"the X one"** said of a hospital or a site ("not the big one, the maple one"): a noun before "one" after
  a word of place is the place's name; an adjective ("the new one", "the blue one") is not;
* **a word and a place's head after a word of going, living or being somewhere** ("lives up gorse brow",
  "moved down to heron bank", "over in flax green", "out past crow moor"): :data:`HEADS` are the ends
  local names have and generic phrases seldom pair with a noun of no kind ("the car park", "the food
  bank", "the other side" and "all the way" stay);
* **a rare word after "the" in a place's slot** ("she was in at the juniper for a week"): the words
  speech puts there as ordinary nouns are common ones ("to the shops", "in the kitchen"); a word the
  subtitles seldom write (:func:`.words.lowercase_usage`) with the phrase ended after it is more likely a
  name, so it is proposed for review, never silently kept; not an abstract noun, a given name or a plural
  of a dictionary word ("in the volatility", "the rulings": a meeting's words);
* **an everyday word in a strong frame of living or coming from** ("he's from thimble originally",
  "she moved over to brambling when"), where the word is uncommon and no idiom of the frame ("lives in
  fear", "moved to tears", "grew up in care").

Every span is the name alone (no "the", no "one"); a head stays inside the span, as the street layers keep
it. Cased text has capitals and the model for all of these, so the layer reads only turns without
capitals. Every list below was written for the project from how people speak.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ..turn_text import turn_text
from .naming import KIND_WORDS, NAMING_NOUNS
from .slots import SCOTS_PLACE_PREPS
from .turn_view import text_words
from .words import CALENDAR, FILLERS, in_dictionary, lowercase_usage, name_lexicon

CARE_REASON = "a place said with 'the' after a verb of care (a frame of care)"
ONE_REASON = "a place said as 'the X one' after a word of place (a frame of place)"
HEAD_REASON = "a name and a place's head after a word of going or living (a frame of place)"
RARE_REASON = "a word seldom said in lower case, after 'the' where a place goes (a frame of place; review)"
LIVING_REASON = "an uncommon word where someone lives or comes from (a frame of place; review)"

GENERIC = frozenset({
    # kinds of place and of care said after "the" in speech
    "ward", "wards", "unit", "units", "hospital", "hospitals", "hospice", "clinic", "clinics", "surgery", "practice",
    "maternity", "labour", "delivery", "birth", "birthing", "special", "baby", "babies", "neonatal", "children's",
    "childrens", "kids", "kid's", "a&e", "ae", "icu", "itu", "hdu", "nicu", "scbu", "emergency", "assessment",
    "walk", "walk-in", "centre", "center", "department", "dept", "theatre", "theatres", "scanner", "scan", "x-ray",
    "xray", "lab", "labs", "pharmacy", "chemist", "chemists", "dentist", "dentists", "optician", "opticians",
    "physio", "gym", "pool", "doctors", "doctor's", "gp", "gp's", "nurse", "nurses", "consultant", "midwife",
    "midwives", "team", "crisis", "mental", "psych", "psychiatric", "intensive", "high", "critical", "acute",
    "medical", "surgical", "stroke", "cardiac", "cancer", "chemo", "renal", "dialysis", "fracture", "plaster",
    "antenatal", "postnatal", "community", "hub", "service", "services", "system", "list", "waiting", "queue",
    "reception", "desk", "front", "back", "top", "bottom", "end", "side", "floor", "room", "rooms", "door",
    "corridor", "lift", "stairs", "entrance", "exit", "car", "bus", "train", "ambulance", "paramedics", "police",
    "cells", "prison", "court", "jail", "nick", "army", "navy", "airport", "station", "shops", "shop", "supermarket",
    "market", "school", "college", "uni", "university", "nursery", "office", "jobcentre", "council", "bank", "post",
    "library", "church", "chapel", "mosque", "temple", "gurdwara", "mandir", "masjid", "synagogue", "madrasa",
    "madrassa", "madrasah", "barracks", "base", "dockyard", "docks", "quarters",
    "pub", "club", "cafe", "café", "canteen", "restaurant",
    "park", "beach", "seaside", "coast", "sea", "river", "canal", "lake", "woods", "hills", "hill", "moors",
    "country", "countryside", "city", "town", "village", "estate", "flats", "flat", "house", "home", "homes",
    "hostel", "hostels", "shelter", "refuge", "digs", "halls", "garden", "gardens", "kitchen", "bathroom",
    "toilet", "toilets", "loo", "bedroom", "lounge", "garage", "shed", "yard", "road", "roads", "street",
    "streets", "lane", "motorway", "bypass", "roundabout", "junction", "lights", "corner", "cemetery",
    "crematorium", "graveyard", "funeral", "wedding", "party", "match", "game", "pictures", "cinema", "theatre's",
    "zoo", "fair", "funfair", "circus", "races", "shopping", "shower", "bath", "bed", "beds", "sofa", "settee",
    "table", "phone", "telly", "tv", "radio", "internet", "computer", "laptop", "news", "paper", "papers",
    "meeting", "meetings", "group", "groups", "session", "sessions", "appointment", "appointments", "interview",
    "doctor", "vet", "vets", "dole", "social", "housing", "benefits", "welfare", "foodbank", "food", "cleaners",
    "launderette", "laundrette", "bookies", "chippy", "takeaway", "offy", "offie", "barbers", "hairdressers",
    "salon", "spa", "tip", "dump", "allotment", "allotments", "farm", "fields", "field", "pitch", "track",
    "stadium", "ground", "grounds", "gate", "gates", "wall", "fence", "hedge", "path", "footpath", "pavement",
    "bridge", "tunnel", "underpass", "subway", "precinct", "arcade", "mall", "retail", "industrial", "business",
    "trading", "depot", "warehouse", "factory", "mill", "mills", "works", "site", "sites", "building",
    "buildings", "block", "blocks", "tower", "towers", "carehome", "care", "respite", "rehab", "detox", "unit's",
    "morgue", "mortuary", "labs'", "family", "mum's", "dad's", "nan's", "gran's", "mother's", "father's",
    "other", "same", "local", "big", "main", "new", "old", "nearest", "right", "wrong", "whole", "usual",
    "private", "nhs", "general", "royal", "infirmary", "first", "second", "third", "last", "next", "only", "best",
    "worst", "time", "moment", "minute", "day", "night", "morning", "afternoon", "evening", "weekend", "week",
    "weekends", "start", "beginning", "middle", "way", "moon", "bend", "beyond", "public", "world",
    "universe", "planet", "country's", "north", "south", "east", "west", "northeast", "southwest", "outskirts",
    "area", "areas", "region", "county", "borough", "district", "parish", "valley", "dale", "coastline",
    # times said where a place goes ("born in the sixties", "admitted in the summer", "seen in the war")
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "noughties",
    "summer", "winter", "spring", "autumn", "holidays", "war", "blitz", "snow", "storm", "year", "month",
    "century", "past", "future", "meantime", "interim", "lockdown", "pandemic",
})
"""Nouns and words of kind that fill a place's slot after "the" as ordinary words ("admitted to the ward",
"went to the shops", "over the moon", "in the middle"): never a name here. Written for the project."""

_ADJECTIVES = frozenset({
    "red", "blue", "green", "black", "white", "yellow", "pink", "purple", "orange", "brown", "grey", "gray",
    "silver", "gold", "big", "small", "little", "large", "huge", "tiny", "long", "short", "tall", "new", "old",
    "older", "newer", "young", "first", "second", "third", "last", "next", "other", "same", "only", "main",
    "right", "wrong", "good", "bad", "best", "worst", "better", "worse", "nice", "cheap", "expensive", "free",
    "private", "nhs", "council", "local", "nearest", "closest", "usual", "proper", "real", "top", "bottom",
    "front", "back", "middle", "left", "early", "late", "day", "night", "kids", "children's", "adult", "adults",
    "men's", "women's", "baby", "plastic", "metal", "wooden", "glass", "paper", "electric", "online", "phone",
    "open", "closed", "busy", "quiet", "posh", "rough", "dodgy", "decent", "bigger", "smaller", "nearer",
    "further", "far", "near", "north", "south", "east", "west", "easy", "hard", "soft", "heavy", "light",
    "full", "empty", "whole", "half", "normal", "special", "general", "major", "minor", "fancy", "basic",
    "cheaper", "posher", "other's", "american", "english", "british", "scottish", "welsh", "irish", "polish",
})
"""Adjectives said before "one" ("the new one", "the blue one", "the children's one"): the kind of a thing,
never a place's name. Written for the project."""

HEADS = frozenset({"way", "park", "green", "fields", "field", "side", "bank", "banks", "cross", "moor", "moors",
                   "vale", "brow", "dale", "edge", "heath", "common", "wood", "woods", "hill", "rise", "hollow",
                   "fold", "croft", "meadows", "gate", "row", "nook", "clough", "carr", "howe", "top", "bottom"})
"""Ends that local names of streets and areas have ("gorse brow", "heron bank", "tanner way", "quarry side").
Written for the project from the place names of the north and midlands."""
_STREET_HEADS = frozenset({"way", "brow", "gate", "row"})

_NOT_WITH_HEAD = frozenset({
    "car", "theme", "retail", "business", "skate", "water", "safari", "country", "holiday", "trailer", "industrial",
    "science", "food", "blood", "sperm", "piggy", "river", "sand", "sea", "road", "canal", "railway", "motor",
    "rail", "bright", "flip", "village", "bowling", "putting", "golf", "play", "amusement", "national", "ball",
    "dog", "caravan", "leisure", "memorial", "high", "give", "half", "one", "long", "short", "wrong", "right",
    "either", "any", "some", "every", "each", "both", "all", "no", "way", "whole", "other", "far", "near",
    "this", "that", "these", "those", "our", "their", "your", "his", "her", "my", "its", "same", "top", "bottom",
    "hill", "field", "fields", "cross", "green", "gate", "school", "church", "hospital", "bus", "train",
    "town", "city", "pub", "back", "front", "dark", "sunny", "shady", "wild", "best", "worst", "safe", "wet",
    "dry", "red", "blue", "double", "single", "yellow", "zebra", "pelican", "level", "boarding", "starting",
    "finishing", "penalty", "halfway", "parking", "sunday", "rugby", "football", "cricket", "tennis", "kids",
    "childrens", "children's", "data", "memory", "grass", "south", "north", "east", "west",
    "death", "skid", "fish", "rag", "light", "heavy", "inside", "outside", "blind", "hill's",
})
"""Words that pair with a head as a kind, not a name ("car park", "food bank", "river bank", "the other
side", "all the way", "village green", "bowling green", "zebra crossing"). Written for the project."""

_IDIOMS = frozenset({
    "fear", "hope", "tears", "care", "poverty", "squalor", "sin", "denial", "luxury", "comfort", "peace",
    "harmony", "terror", "dread", "pain", "agony", "misery", "bed", "hospital", "prison", "captivity", "wedlock",
    "debt", "arrears", "custody", "labour", "remission", "recovery", "limbo", "tandem", "vain", "earnest",
    "situ", "bits", "pieces", "stitches", "shock", "panic", "trouble", "danger", "hiding", "secret", "private",
    "public", "person", "theory", "practice", "time", "town", "school", "church", "work", "uni", "college",
    "nights", "days", "lates", "earlies", "waste", "seed", "ground", "grips", "bat", "goal", "sleep", "pot",
    "rack", "ruin", "hell", "heaven", "scratch", "birth", "home", "abroad", "overseas", "foster", "residential",
    "supported", "sheltered", "temporary", "emergency", "halls", "digs", "lodgings",
    "hostels", "flats", "rooms", "bedsits", "caravans", "tents", "doorways",
})
"""What fills a frame of living, being born or moving as an ordinary word ("lives in fear", "moved to tears",
"grew up in care", "born in captivity", "went to pieces"). Written for the project."""

_CARE = re.compile(
    r"(?i)(?<![\w'’-])(?:admitted|readmitted|re-admitted|transferred|discharged|referred|rushed|blue[\s-]?light(?:ed)?|"
    r"blue[\s-]?lit|induced|delivered|born|scanned|seen|treated|operated\s+on|kept\s+(?:him|her|me|them|us)\s+in|"
    r"kept\s+in|booked\s+in|stayed|staying|died|passed\s+away|sectioned|ambulanced|took\s+(?:him|her|me|them|us)|"
    r"taken|sent\s+(?:him|her|me|them|us))(?:\s+(?:him|her|me|them|us|mum|dad|the\s+baby))?"
    r"(?:\s+(?:back|over|up|down|across|out|in|straight|again|there|here))?\s+(?:to|at|in|into|from)\s+the\s+$")
"""A verb of care and its preposition, then "the": where care was given comes next."""
_PLACE_WORD = re.compile(
    r"(?i)(?:(?<![\w'’-])(?:in|at|to|from|into|near|outside|opposite|round|around|past|via|off|up|down|over|"
    r"behind|towards|across|along|out|by|onto|inside)"
    r"|(?<![\w'’-])(?:lives?|lived|living|grew\s+up|flat|house|moved|over|up|down|round|back|out)\s+on)"
    r"\s+(?:the\s+)?$")
""""on" only where someone lives ("lives on heron bank"): "on death row", "on the side" are no places."""
_THE_SLOT = re.compile(r"(?i)(?<![\w'’-])(?:in|at|to|from|into|near|outside|opposite|past|via|behind|towards|"
                       r"inside|" + SCOTS_PLACE_PREPS + r")\s+the\s+$")
"""A preposition of place and "the": the slot a rare word is read in (not "on the", "up the": "up the wall")."""
_LIVING = re.compile(
    r"(?i)(?:(?<![\w'’-])(?:lives?|lived|living|grew\s+up|brought\s+up|raised|born|moved|moving|settled|based|"
    r"stays|stayed|staying)\s+(?:(?:over|down|up|out|back|round|across)\s+)?(?:in|to|at|near)"
    r"|(?:['’](?:s|re|m)|(?<![\w'’-])(?:is|are|was|were|am|comes?|came))\s+(?:originally\s+)?from)\s+$")
"""A frame of living, moving or coming from ("lives in", "moved over to", "she's from")."""
_LIVING_END = re.compile(r"(?i)(?:in|to|at|near|from)\s+")
"""How :data:`_LIVING` ends: a word can follow a frame of living only where a match of this ends (no look-behind,
as :data:`_SLOT_WORD`)."""
_END = re.compile(r"(?i)^(?:\s*$|\s*[.,;:!?)…-]|\s+(?:and|but|so|then|when|with|for|in|at|on|near|till|until|where|"
                  r"which|that|was|is|had|has|all|since|from|as|because|cos|now|every|each|there|i|we|he|she|they|"
                  r"you|my|his|her|our|their|before|after|though|yeah|like|um|er|erm|uh|again|anymore|no|not|or|"
                  r"to|by|did|were|are|used|would|will|could|it|it's|what|who|last|too|either|a|the|originally|"
                  r"over|overnight|twice|once|first|instead|anyway|just|straight|about|right|instead|mind|"
                  r"innit|yesterday|today|tonight|this|next|born|three|two|four|five|six|ten|past|near|opposite|behind|off|up|"
                  r"down|round|out|most|some|sometimes|usually|often|always|never)\b)")
"""After a place's name its phrase ends: the clause goes on ("for two nights", "and they said")."""
_WORD = re.compile(r"(?<![\w'’&-])[a-z][a-z'’]*(?![\w'’&-])")

LAND_KINDS = frozenset({
    "croft", "crofts", "byre", "bothy", "steading", "shieling", "machair", "moor", "moors", "fell", "fells", "tarn",
    "loch", "lochs", "lochan", "glen", "brae", "strath", "firth", "beck", "burn", "ghyll", "crag", "crags", "scar",
    "copse", "spinney", "coppice", "paddock", "paddocks", "pasture", "meadow", "meadows", "allotment", "allotments",
    "smallholding", "orchard", "quay", "quayside", "wharf", "jetty", "slipway", "pier", "towpath", "weir", "sluice",
    "dyke", "levee", "fen", "fens", "marsh", "marshes", "heath", "colliery", "pithead", "hayloft", "stackyard",
    "farmyard", "lambing", "fold", "sheepfold", "pens"})
"""Kinds of place on the land, by the water and round a village, said with "the" for the speaker's own ("out to
the croft", "down the towpath", "up on the moor", "out on the fell"): nouns of a kind, seldom written in
lower case only because subtitles seldom speak of them, never a name heard as words. Written for the project from
the words of rural, coastal and mining speech; names a care home, a pub or a charity often takes ("the Mill", "the
Forge", "the Lighthouse", "the Harbour", and the old church houses many homes are: "the Vicarage", "the Manse", "the
Rectory") are not listed, and stay for review."""
_COMMON = 20000
"""Lower-case uses above which a word after a verb of care is an ordinary noun ("the shops", "the car")."""
_RARE_AFTER_THE = 1000
"""Below this (about one in 1.6 million words) a word after "in the", "at the" is read as a name for review."""
_UNCOMMON_LIVING = 3000
"""Below this a word in a frame of living or coming from is read as a place for review."""


def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def _usage(word: str) -> int:
    return lowercase_usage().get(word, 0)


_PREPOSITIONS = frozenset({"past", "near", "opposite", "behind", "off", "up", "down", "round", "out", "over", "via",
                           "towards", "toward", "across", "along", "inside", "outside", "beside", "by", "onto"})


def _ordinary(low: str) -> bool:
    """A word that never names a place in these frames: a function word, a filler, a date word or a kind."""
    return (len(low) < 3 or low in STOP_WORDS or low in _PREPOSITIONS or low in FILLERS or low in CALENDAR
            or low in GENERIC or low in KIND_WORDS or low in _ADJECTIVES
            or low.endswith(("'s", "ing", "ed", "ly", "est")))


def _name_word(low: str) -> bool:
    """A word that can be (part of) a place's name in a frame: not ordinary, and a noun or no dictionary word."""
    return not _ordinary(low) and low.replace("'", "").isalpha()


def _ends(text: str, end: int) -> bool:
    return bool(_END.match(text[end : end + 24]))


_AFTER_THE = re.compile(r"(?i)(?<=\s)the\s+")
""""the" with space before and after it: :data:`_CARE` ends so, so a word can follow a verb of care only where
this pattern ends (one pass over the turn instead of a search of the fifty letters before every word)."""


def care_spans(text: str) -> list[tuple[int, int]]:
    """"admitted to the foxglove", "discharged from the juniper": one or two name words after a verb of care
    and "the", with the phrase ended; a word said in lower case very often is an ordinary noun."""
    out: list[tuple[int, int]] = []
    after_the = {m.end() for m in _AFTER_THE.finditer(text)}
    if not after_the:
        return out
    for m in _WORD.finditer(text):
        if m.start() not in after_the or not _CARE.search(text[max(0, m.start() - 50) : m.start()]):
            continue
        first = _plain(m.group(0))
        if not _name_word(first) or (_usage(first) >= _COMMON and first not in NAMING_NOUNS):
            continue
        if _ends(text, m.end()):
            out.append(m.span())
            continue
        nxt = _WORD.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
        if nxt is not None and _name_word(_plain(nxt.group(0))) and _ends(text, nxt.end()):
            out.append((m.start(), nxt.end()))
    return out


_ONE = re.compile(r"(?i)(?<![\w'’-])the\s+([a-z][a-z'’]*)\s+one(?![\w'’-])")


def one_spans(text: str) -> list[tuple[int, int]]:
    """"the maple one", "the linnet one": a noun before "one" after a word of place or of going, or set against
    another "one" ("not the big one, the maple one"); an adjective there says a kind ("the new one")."""
    out = []
    for m in _ONE.finditer(text):
        low = _plain(m.group(1))
        if not _name_word(low) or low.endswith(("y", "er", "ish", "al", "ful", "ous", "ive", "ic")):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        framed = _PLACE_WORD.search(before + "the ") or _CARE.search(before + "the ")
        contrast = re.search(r"(?i)\bone\s*[,]?\s*$", before)
        if not (framed or contrast) or (_usage(low) >= _COMMON and low not in NAMING_NOUNS):
            continue
        out.append(m.span(1))
    return out


_HEAD = re.compile(r"(?i)(?<![\w'’-])(?:([a-z][a-z'’]*)\s+)?([a-z][a-z'’]*)\s+(" + "|".join(sorted(HEADS))
                   + r")(?![\w'’-])")


def head_spans(text: str) -> list[tuple[int, int, str]]:
    """"lives up gorse brow", "over in flax green": one or two name words and a place's head, after a word of
    place (and "the" or not), the phrase ended after the head; not a kind with a head ("the car park")."""
    if text.isascii() and text_words(text).isdisjoint(HEADS):
        return []  # a head is a whole run of letters where it stands (in ASCII text, whose case folding is plain)
    out = []
    for m in _HEAD.finditer(text):
        first = _plain(m.group(1) or "")
        two = bool(first) and _name_word(first) and first not in _NOT_WITH_HEAD
        start = m.start(1) if two else m.start(2)
        if not _PLACE_WORD.search(text[max(0, start - 40) : start]):
            if not two or not _PLACE_WORD.search(text[max(0, m.start(2) - 40) : m.start(2)]):
                continue
            start = m.start(2)  # (never met: a name word is no word of place)
        name = _plain(text[start : m.start(3)]).split()
        if not name or any(w in _NOT_WITH_HEAD or not _name_word(w) for w in name) or not _ends(text, m.end()):
            continue
        kind = "street" if _plain(m.group(3)) in _STREET_HEADS else "place"
        out.append((start, m.end(), kind))
    return out


_BARE_SLOT = re.compile(r"(?i)(?<![\w'’-])(?:in|at|to|from|into|near|outside|opposite|past|via|behind|towards|"
                        r"inside|" + SCOTS_PLACE_PREPS + r")\s+$")
_SLOT_WORD = re.compile(r"(?i)(?:in|at|to|from|into|near|outside|opposite|past|via|behind|towards|inside|the|"
                        + SCOTS_PLACE_PREPS + r")\s+")
"""A preposition of place or "the", then space: :data:`_THE_SLOT` and :data:`_BARE_SLOT` both end so, and every
word they can precede begins where a match of this ends (no look-behind, so a word the turn's window cuts is
counted too): one pass over the turn tells which words to try."""


def _rare(low: str) -> bool:
    """Seldom written in lower case, or in no dictionary: what a recogniser writes for a name it half knows."""
    return not in_dictionary(low) or _usage(low) < _RARE_AFTER_THE


_ABSTRACT = ("ity", "ities", "ion", "ions", "ment", "ments", "ness", "ance", "ances", "ence", "ences", "ism", "ics",
             "ship", "ology", "als", "ables")
"""Endings of abstract nouns and of nouns made from adjectives ("the volatility", "the regulations", "the
financials", "the renewables"): a meeting's or a call's words after "in the", never a place heard as words."""


def _reads_as_word(lows: list[str]) -> bool:
    """A run the rare-word frame leaves: a word of :data:`_ABSTRACT`, a given name (the person layers' word:
    "from the larry"), or one word that is the plural of a dictionary word ("in the rulings")."""
    if any(w.endswith(_ABSTRACT) or w in name_lexicon("first") for w in lows):
        return True
    one = lows[0]
    return len(lows) == 1 and one.endswith("s") and not one.endswith("ss") and in_dictionary(one[:-1])


def rare_spans(text: str) -> list[tuple[int, int]]:
    """"she was in at the juniper for a week", "they took her to the tree lisk": one to three name words after a
    preposition of place and "the", the phrase ended, one of them seldom written in lower case or in no
    dictionary (one word alone must be a dictionary word: a word no dictionary holds is the slot layer's).
    Without "the", two or three such words of which a later one is in no dictionary ("moved to tree lisk").
    Proposed for review, as a name the recogniser heard as words may be."""
    out: list[tuple[int, int]] = []
    taken = 0  # where the last span found ends: its words are not read again
    for slot in sorted({m.end() for m in _SLOT_WORD.finditer(text)}):
        if slot < taken:
            continue
        words = _words_from(text, slot, 3)
        if not words or not _name_word(_plain(words[0].group(0))):
            continue  # no word, or an ordinary one ("in the", "to be"), right after: every run below begins with it
        before = text[max(0, slot - 20) : slot]
        the = bool(_THE_SLOT.search(before))
        hit = None
        if the or _BARE_SLOT.search(before):
            for k in (3, 2, 1):
                run = words[:k]
                if len(run) < k or any(text[x.end() : y.start()] != " " for x, y in zip(run, run[1:], strict=False)):
                    continue
                lows = [_plain(w.group(0)) for w in run]
                if not all(_name_word(w) for w in lows) or not _ends(text, run[-1].end()):
                    continue
                if _reads_as_word(lows) or k == 1 and (lows[0] in LAND_KINDS or not (
                        the and in_dictionary(lows[0]) and _rare(lows[0]))):
                    continue
                if k > 1 and not (any(_rare(w) and w not in LAND_KINDS for w in lows) if the else
                                  in_dictionary(lows[0]) and any(not in_dictionary(w) for w in lows[1:])):
                    continue
                hit = (run[0].start(), run[-1].end())
                break
        if hit is not None:
            out.append(hit)
            taken = hit[1]
    return out


def _words_from(text: str, start: int, most: int) -> list[re.Match[str]]:
    """The words of :data:`_WORD` from ``start`` on, at most ``most`` of them; none unless one begins at ``start``.

    Why: the frames read only the words right after their cue, yet walked every word of every turn holding a
    preposition or "the" (nearly all). They are the words a walk of the whole turn finds there: a word of the
    pattern has no letter or apostrophe before it, so no earlier word runs over its start, and a search from the
    end of one word finds the next, as the walk does (the look-behind reads the text before where it starts)."""
    first = _WORD.match(text, start)
    if first is None:
        return []
    words = [first]
    while len(words) < most and (nxt := _WORD.search(text, words[-1].end())) is not None:
        words.append(nxt)
    return words


def living_spans(text: str) -> list[tuple[int, int]]:
    """"he's from thimble originally", "moved over to brambling when": an uncommon dictionary word, no idiom of
    the frame, right after a frame of living or coming from, its phrase ended."""
    out: list[tuple[int, int]] = []
    after = {m.end() for m in _LIVING_END.finditer(text)}
    if not after:
        return out
    for start in sorted(after):  # the words right after "in", "to", "at", "near" or "from" (:func:`_words_from`)
        words = _words_from(text, start, 1)
        if not words:
            continue
        m = words[0]
        low = _plain(m.group(0))
        if not _name_word(low) or low in _IDIOMS or _usage(low) >= _UNCOMMON_LIVING or not in_dictionary(low):
            continue
        if not _LIVING.search(text[max(0, m.start() - 40) : m.start()]) or not _ends(text, m.end()):
            continue
        out.append(m.span())
    return out


def _capitalised(text: str) -> bool:
    return all(w[:1].isupper() and not w.isupper() for w in text.split())


def frame_place_spans(text: str, caseless: bool = True) -> list[tuple[int, int, str, str]]:
    """``(start, end, category, reason)`` of every frame above in one turn; later frames never overlap an earlier
    one's span. In cased text the frames are read on the turn lower-cased and a span counts only where every
    word of it has its capital ("admitted to the Foxglove", not "admitted to the foxglove ward")."""
    out: list[tuple[int, int, str, str]] = []
    read = text if caseless else turn_text(text).low

    def add(s: int, e: int, kind: str, reason: str) -> None:
        if not caseless and not _capitalised(text[s:e]):
            return
        if not any(a < e and s < b for a, b, _, _ in out):
            out.append((s, e, kind, reason))

    for s, e, kind in head_spans(read):
        add(s, e, kind, HEAD_REASON)
    for s, e in care_spans(read):
        add(s, e, "hospital", CARE_REASON)
    for s, e in one_spans(read):
        add(s, e, "place", ONE_REASON)
    from .stays import MOVE_REASON, REHAB_REASON, STAY_REASON, move_spans, rehab_spans, stay_spans  # stays reads
    # this module's lists, so it is imported here

    for s, e in stay_spans(read):  # sure frames before the review-only ones below
        add(s, e, "place", STAY_REASON)
    for s, e in rehab_spans(read):
        add(s, e, "service", REHAB_REASON)
    for s, e in move_spans(read):
        add(s, e, "hospital", MOVE_REASON)
    for s, e in living_spans(read):
        add(s, e, "place", LIVING_REASON)
    for s, e in rare_spans(read):
        add(s, e, "place", RARE_REASON)
    return sorted(out)
