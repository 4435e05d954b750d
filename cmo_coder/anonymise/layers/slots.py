"""Places said in the slot where a place goes, though nothing says what kind they are.

People name the places of their lives without their kind: "i was in harrowmead for a month", "they rushed
her into brackenridge", "he did two years in hewell", "i'm from wrenbeck originally", "they took him to the
royal". The town layers want a place-name ending ("-ton", "-ley") or a strong verb of residence; the
facility layers want a head ("hospital", "care home") or a verb of going with a second cue. A small place, a
hospital or a prison known by one word has neither, and in captions no capital either. What it has is its
**slot**: right after a preposition of place or movement ("in", "at", "to", "from", "into", "near",
"outside", "opposite", "round", "up", "down", "off" ...), with or without "the".

A slot alone says nothing: "in the morning", "from scratch", "at home", "to the shops" fill it with ordinary
words. So only two kinds of filler are read as places:

* **a word no dictionary holds** (:func:`.towns.unknown_word`: no dictionary or everyday word, no given name,
  no word subtitles often write in lower case, no derived ending such as "-ing"): English has no ordinary
  word of that kind to be in or go to. A word of place before it ("little", "upper", "north") joins it
  ("moved out to little haddon"). Public names on no dictionary ("asda", "whatsapp", "spain") are kept by
  the allow-list, which has the last word over every layer;
* **a hospital's everyday name** after "the": "the royal", "the general", "the infirmary", "the vic", "the
  northern", "the western" (and "the royal infirmary", "the general infirmary"), where nothing follows that
  makes the word an adjective ("the royal family", "the general public", "the royal college").

Languages ("in urdu"), medicines after a verb of prescribing ("switched to sertraline") and words another
layer already reads as a person ("got it from shaz") are left alone.
"""

from __future__ import annotations

import re

from .towns import unknown_word
from .turn_view import says_any

SLOT_REASON = "a word no dictionary holds, said where a place goes"
SCOTS_PLACE_PREPS = r"fae|frae|tae|intae"
"""Scots "from", "to" and "into" ("nae bus fae Longside", "intae the toon"): a place's slot as the English words are,
in speech from the north-east to the Borders (written for the project)."""
_PREP = (r"(?:in|at|to|from|into|near|outside|opposite|towards|toward|via|through|round|around|off|past|behind|"
         r"inside|beyond|up|down|over|out|onto|" + SCOTS_PLACE_PREPS + r")")
_SLOT_BEFORE = re.compile(r"(?i)(?<![\w'’-])" + _PREP + r"\s+(?:the\s+)?$")
_RESIDENT_ON = re.compile(r"(?i)(?<![\w'’-])(?:lives?|lived|living|grew\s+up|brought\s+up|raised|flat|house|moved|"
                          r"over|up|down|round|back|out)\s+on\s+(?:the\s+)?$")
""""on" is a slot only where someone lives ("lives on brackley", "over on the gorsefield"): "on sertraline",
"on universal credit" are not places."""
_PRESCRIBED = re.compile(r"(?i)(?<![\w'’-])(?:switch(?:ed|ing)?|chang(?:e|ed|ing)|swap(?:ped|ping)?|upped|"
                         r"increased|reduced|lowered|weaned|moved|put)\s+(?:(?:him|her|me|them|us)\s+)?"
                         r"(?:on\s*)?(?:to|onto|off|over\s+to)\s+$")
"""A verb of prescribing before the slot: "switched to mirtazapine", "weaned off zopiclone"."""
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{5,}(?![\w'’-])")
_NEXT_WORD = re.compile(r" ([^\W\d_]{4,})(?![\w'’-])")
_PLACE_PREFIX = re.compile(r"(?i)(?<![\w'’-])(little|great|upper|lower|nether|north|south|east|west|old|new|"
                           r"long|high|kings|castle|market|church|bishops?)\s+$")
LANGUAGES = frozenset({
    "urdu", "punjabi", "bengali", "bangla", "sylheti", "gujarati", "hindi", "tamil", "telugu", "marathi",
    "malayalam", "kannada", "somali", "farsi", "dari", "pashto", "kurdish", "sorani", "kurmanji", "tigrinya",
    "amharic", "oromo", "yoruba", "igbo", "hausa", "swahili", "shona", "zulu", "xhosa", "cantonese",
    "mandarin", "hokkien", "tagalog", "romanian", "lithuanian", "latvian", "slovak", "czech", "albanian",
    "makaton", "patois", "creole", "pidgin", "mirpuri", "pahari", "potwari", "hindko", "saraiki", "sindhi",
    "nepali", "sinhala", "sinhalese", "vietnamese", "twi", "akan", "lingala", "wolof", "tigre", "arabic",
    "gaelic", "romani", "romanes",
    # Timor-Leste's languages, spoken by the Timorese families who work the Fens' packhouses on Portuguese
    # passports ("she interprets in Tetum"), and the Baltic and Balkan languages of the same workforce
    "tetum", "tetun", "bulgarian", "estonian",
})
"""Languages, said in the slot ("she speaks to me in urdu"): many are on no dictionary."""
RECENT_WORDS = frozenset({
    "lockdown", "lockdowns", "covid", "coronavirus", "furlough", "furloughed", "selfie", "selfies", "vape",
    "vapes", "vaping", "podcast", "podcasts", "facetime", "broadband", "wifi", "website", "websites", "online",
    "email", "emails", "texts", "texting", "smartphone", "telehealth", "telecare", "universal", "hotspot",
})
"""Everyday words newer than the dictionary and the subtitles ("hard in lockdown", "back on furlough")."""
_HOSPITAL_WORDS = re.compile(
    r"(?i)(?<![\w'’-])" + _PREP
    + r"\s+(the\s+(?:royal|general)(?:\s+infirmary)?|the\s+(?:infirmary|vic|northern|western))(?![\w'’-])")
_HOSPITAL_AFTER = re.compile(
    r"(?i)^(?:\s*[,.;:!?]|\s*$|\s+(?:for|on|and|with|because|cos|after|before|when|where|in|at|last|this|overnight|"
    r"till|until|since|then|now|i|he|she|they|we|it|it's|they're|but|so|um|er|erm|yeah|again|all|a|an|by|"
    r"to|from|by|is|was|were|had|has|have|twice|once|every|three|two|four|five|six|seven|ten|or|which|that|"
    r"who|where|about|as|like|just|straight|first|instead|anyway)\b)")
"""What may follow a hospital's everyday name: the clause goes on ("for six weeks", "and they said"), it does
not name what "royal" or "general" describes ("family", "public", "college", "election")."""


HOSPITAL_INITIALS = frozenset({
    "lgi", "sjuh", "rvi", "qmc", "qeuh", "gri", "ari", "rie", "pri", "bri", "hri", "jr", "jcuh", "nnuh", "uclh",
    "rlh", "rsch", "rduh", "ruh", "rbh", "rdh", "rsh", "qeh", "qehb", "uhw", "uhcw", "uhnm", "uhl", "lri", "nmgh",
    "rhsc", "wgh", "vhk", "dri", "cmi", "fgh",
})
"""Hospitals as staff and patients say them, by their initials (Leeds General Infirmary "the LGI", the Royal
Victoria Infirmary "the RVI", the Queen Elizabeth University Hospital "the QEUH", Perth or Preston Royal Infirmary
"PRI"): written for the project from the names NHS bodies give their large hospitals. Initials that are also a
word or a test ("MRI", "A&E", "ICU") are not listed, nor a kind of hospital ("DGH"). Only where a place's slot
is said: "in PRI for a bed"."""
_INITIALS_ANYWHERE = HOSPITAL_INITIALS - {"jr", "pri", "cmi", "dri", "fgh", "rdh", "rsh", "hri", "rlh", "qeh", "ari",
                                           "rie", "bri", "ruh", "rbh", "uhl", "lri", "gri"}
"""Initials that name a hospital wherever they are written in capitals in cased text ("did my pre-reg at the Heath,
UHW, and"): four letters, or three that spell no word, name, test or other body; the rest need a place's slot."""
_CAPITALS = re.compile(r"(?<![\w'’&-])([A-Z]{3,5})(?![\w'’&-])")
_INITIALS = re.compile(r"(?i)(?<![\w'’-])(?:in|at|to|into|from|outside|near|round|up|down)\s+(?:the\s+)?([a-z]{2,5})"
                       r"(?![\w'’&-])")



def _may_say_initials(text: str) -> bool:
    """Whether a match of :data:`_INITIALS` can be a hospital's: its initials are a whole run of letters (a space
    before, no letter or digit after), and only those :data:`HOSPITAL_INITIALS` holds count, so a turn of plain ASCII
    whose runs hold none is not searched (the pattern found a preposition and a short word in half the turns).
    Outside ASCII the pattern is asked: its case-blind match reaches letters no lower-casing gives ("ſ")."""
    return not text.isascii() or says_any(text, HOSPITAL_INITIALS)


_ROYAL_CLIPPED = re.compile(r"(?i)(?<![\w'’-])" + _PREP + r"\s+the\s+(royal\s+([^\W\d_]{3,}))(?![\w'’-])")
_ROYAL_NOT_HOSPITAL = frozenset({
    "family", "families", "mail", "college", "colleges", "navy", "marines", "marine", "air", "society", "british",
    "legion", "variety", "wedding", "weddings", "albert", "mint", "academy", "opera", "ballet", "household", "box",
    "court", "courts", "exchange", "shakespeare", "institution", "commission", "charter", "show", "oak", "visit",
    "tour", "train", "yacht", "seal", "assent", "warrant", "highness", "blue", "jelly", "icing", "flush", "mile",
    "mess", "treatment", "welcome", "couple", "baby", "babies", "funeral", "ascot", "parks", "park", "gardens",
    "hotel", "arms", "standard", "ordnance", "signals", "artillery", "engineers", "regiment", "scots", "welsh",
    "irish", "anglian", "logistic", "military", "infirmary", "hospital", "hospitals", "infirmaries", "london",
    "general", "hall", "theatre", "festival", "bank", "pavilion", "crescent", "county", "town", "borough",
    "national", "voluntary", "humane", "agricultural", "horticultural", "photographic", "philharmonic",
    "geographical", "statistical", "pharmaceutical", "we", "they", "he", "she", "it", "i", "you", "and", "for",
})
"""Words after "the Royal" that make "royal" an adjective or a body's name ("the Royal Mail", "the Royal
College"), or are a hospital's head the other rules take: written for the project."""
_ROYAL_WORD = re.compile(r"(?i)\b(?:prince|princess|queen|king)\s")
ROYAL_HOSPITAL = re.compile(
    r"(?i)(?<![\w'’-])(?:in|into|at|(?:admitted|transferred|moved|taken|rushed|sent|back)\s+to)\s+(?:the\s+)?"
    r"((?:prince|princess|queen|king)\s+(?:of\s+wales|royal|[a-z]+(?:\s+(?:ii|iii|iv|v|vi))?))(?![\w'’-])")
"""A hospital named after a royal, said where someone stays without its head: "he was in prince philip for nine
weeks", "they rushed her to the queen elizabeth", "born at the princess royal". A royal said of a person is
not in that slot ("I wrote to Prince Charles"); a possessive after it is no hospital ("in Queen Victoria's
time": :data:`_HOSPITAL_AFTER` does not allow it)."""


HOUSE_HEADS = frozenset({"grange", "lodge", "manor", "court", "house", "hall", "mount", "heights", "towers"})
"""Heads of a house's or a home's name ("orchard grange", "willow court", "ivy house"): after a place's slot
with no article, the word before is its name ("he's at orchard grange", "moved into marsden court")."""
_HOUSE_NAME = re.compile(r"(?i)(?<![\w'’-])([^\W\d_]{3,})\s+(" + "|".join(sorted(HOUSE_HEADS)) + r")(?![\w'’-])")
_NOT_A_HOUSE_NAME = frozenset({
    "crown", "county", "magistrates", "magistrate's", "magistrates'", "high", "family", "youth", "coroners",
    "coroner's", "supreme", "appeal", "appeals", "tennis", "squash", "food", "basketball", "royal", "district",
    "sheriff", "civil", "criminal", "juvenile", "safe", "halfway", "half", "full", "open", "mad", "big", "white",
    "opera", "town", "city", "village", "church", "school", "sports", "dance", "bingo", "dining", "concert", "music",
    "guest", "boarding", "lodging", "public", "council", "care", "nursing", "foster", "group", "children's",
    "station", "farm", "country", "manor", "summer", "winter", "tree", "dolls", "doll's", "green", "glass", "ware",
    "ski", "hunting", "masonic", "porter's", "porters", "gate", "game", "mess", "front", "back", "main", "same",
    "next", "other", "whole", "own", "this", "that", "their", "his", "her", "our", "my", "your", "a", "an", "the",
})
"""Words before a head that say a kind of court, hall or house ("crown court", "town hall", "safe house")."""


def house_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """"he's at orchard grange", "moved her into willow court": a word and a house's head in a place's slot,
    with no article between (a kind takes one: "the crown court", "the village hall")."""
    from .facilities import ACTIVITIES, GENERIC

    out: list[tuple[int, int, str]] = []
    for m in _HOUSE_NAME.finditer(text):
        name, head = m.group(1), m.group(2)
        low = name.lower()
        if not caseless and not (name[:1].isupper() and head[:1].isupper()):
            continue
        if low in _NOT_A_HOUSE_NAME or low in GENERIC or low in ACTIVITIES or low.endswith("ing"):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        if re.search(r"(?i)(?<![\w'’-])the\s+$", before):
            continue
        if _SLOT_BEFORE.search(before) or _RESIDENT_ON.search(before):
            out.append((m.start(), m.end(), "place"))
    return out


_WHERE_SOMEONE_IS = re.compile(r"(?i)(?<![\w'’-])(?:in|at|into|inside|outside|near|opposite)\s+(?:the\s+)?"
                               r"(?:(?:little|great|upper|lower|nether|north|south|east|west|old|new|long|high|kings|"
                               r"castle|market|church|bishops?)\s+)?$")


def where_someone_is(text: str, start: int) -> bool:
    """The slot before ``start`` says where someone is ("in", "at", "into", "outside"), not whom they met or
    heard from ("from", "to", "with"): no person stands there ("I was in Pinderfields for a month")."""
    return bool(_WHERE_SOMEONE_IS.search(text[max(0, start - 40) : start]))


def _public(low: str) -> bool:
    """A chain or body of the allow-list, as speech says it with an "s" ("from tescos", "down morrisons"):
    the allow-list keeps the word as listed, this its spoken plural too."""
    from .naming import public_words
    from .words import place_names

    # a listed town is the list's to type ("[city name]"); a public name stays
    return low in public_words() or (low.endswith("s") and low[:-1] in public_words()) or low in place_names()


_SLOT_WORDS: dict[tuple[str, bool], bool] = {}


def _slot_word(word: str, caseless: bool) -> bool:
    """A word that may be a place in a slot: no dictionary's, list's or everyday word, no language, no public
    name. Remembered per word and casing (the lists do not change): the look-ups were asked of every word of five
    letters or more of every turn, and a study says the same words again and again."""
    key = (word, caseless)
    got = _SLOT_WORDS.get(key)
    if got is None:
        if len(_SLOT_WORDS) >= 100_000:
            _SLOT_WORDS.clear()  # a long-running process with an open vocabulary must not grow this without end
        low = word.lower()
        got = _SLOT_WORDS[key] = (unknown_word(word, caseless) and low not in LANGUAGES
                                  and low not in RECENT_WORDS and not _public(low))
    return got


def _name_end(text: str, end: int, caseless: bool) -> int:
    """Where a place said in the slot ends: after the words no dictionary holds that follow its first one ("in
    Whitmore Reans", "at pendeford brockhurst"), capitalised in cased text. A district of two such words lost its
    first and kept the second ("in [place name] Reans"); a word a dictionary holds ends the name ("to Stourbridge
    yesterday")."""
    while (m := _NEXT_WORD.match(text, end)) is not None:
        word = m.group(1)
        if not (caseless or word[:1].isupper()) or not _slot_word(word, caseless):
            break
        end = m.end()
    return end


def slot_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """``(start, end, category)`` of places said in a place's slot with no kind (module doc)."""
    out: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(text):
        if not _slot_word(m.group(0), caseless):
            continue  # the word first: look-ups turn away nearly every word before any slot is searched for
        start = m.start()
        prefix = _PLACE_PREFIX.search(text, max(0, start - 12), start)
        if prefix is not None and (caseless or prefix.group(1)[:1].isupper()):
            start = prefix.start(1)  # "moved out to little haddon": the word of place is the name's
        before = text[max(0, start - 40) : start]
        if not (_SLOT_BEFORE.search(before) or _RESIDENT_ON.search(before)) or _PRESCRIBED.search(before):
            continue
        out.append((start, _name_end(text, m.end(), caseless), "place"))
    out.extend(house_spans(text, caseless))
    low = text.lower()
    if any(word in low for word in ("royal", "general", "infirmary", "vic", "northern", "western")):
        for m in _HOSPITAL_WORDS.finditer(text):
            name = m.group(1)
            if not caseless and not any(w[:1].isupper() for w in name.split()[1:]):
                continue  # cased text writes a hospital's name with its capital: "the Royal"
            if _HOSPITAL_AFTER.match(text[m.end() : m.end() + 20]):
                out.append((m.start(1) + len("the") + 1, m.end(1), "hospital"))
    if "royal" in low:
        for m in _ROYAL_CLIPPED.finditer(text):  # "goes into the Royal Glam", "she was in the royal free for"
            name, word = m.group(1), m.group(2)
            if word.lower() in _ROYAL_NOT_HOSPITAL or (not caseless and not all(w[:1].isupper() for w in
                                                                                  name.split())):
                continue
            if _HOSPITAL_AFTER.match(text[m.end() : m.end() + 20]):
                out.append((m.start(1), m.end(1), "hospital"))
    if not caseless:
        for m in _CAPITALS.finditer(text):
            if m.group(1).lower() in _INITIALS_ANYWHERE:
                out.append((m.start(1), m.end(1), "hospital"))
    for m in (_INITIALS.finditer(text) if _may_say_initials(text) else ()):
        name = m.group(1)
        if name.lower() in HOSPITAL_INITIALS and (caseless or name.isupper()) \
                and _HOSPITAL_AFTER.match(text[m.end() : m.end() + 20]):
            out.append((m.start(1), m.end(1), "hospital"))  # "waiting in pri for a bed", "taken to the RVI"
    if _ROYAL_WORD.search(text):
        for m in ROYAL_HOSPITAL.finditer(text):
            name = m.group(1)
            if not caseless and not all(w[:1].isupper() for w in name.split() if w.lower() != "of"):
                continue
            if _HOSPITAL_AFTER.match(text[m.end() : m.end() + 20]):
                out.append((m.start(1), m.end(1), "hospital"))
    return out
