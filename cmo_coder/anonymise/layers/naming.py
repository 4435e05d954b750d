"""Which words can name a local place: shared by the pub, estate, practice and workplace layers.

A head word says a kind of place ("estate", "surgery", "arms", "warehouse"); the word before it
says whether a particular one is meant. "the beechwood estate", "the meadowbank practice",
"brannigans warehouse" name one; "the council estate", "the heart surgery", "the big warehouse"
say a kind. In cased text the capital tells ("the Beechwood Estate"); in captions the word has to:

* a word of proper-name kind: a listed UK place, a word of English place-name shape
  ("beechwood", "meadowbank": a word and a place element), a listed given name or surname that
  subtitles seldom write in lower case ("fenwick", "brannigan"), or a word no dictionary holds;
* or, where the head alone says a name stands there, one of the everyday nouns English local
  names are made of: trees, landforms, buildings of old ("the elms surgery", "the grange estate",
  "the park practice"), listed in :data:`NAMING_NOUNS`.

Words that say a kind of place (:data:`KIND_WORDS`: "council", "local", "big", "private") are
never names, whatever their casing.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..turn_text import turn_text
from .allowlist import default_allowlist
from .services import SERVICE_IMAGES
from .sites import PLACE_ELEMENTS, place_shaped
from .streets import KIND_OF_ROAD, STREET_HEADS, street_namable
from .towns import town_shaped
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

NAMING_NOUNS = frozenset({
    # trees and plants (plural forms are how houses and practices are named: "the elms", "the limes")
    "oak", "oaks", "elm", "elms", "ash", "ashes", "beech", "beeches", "birch", "birches", "lime", "limes", "larch",
    "pine", "pines", "cedar", "cedars", "willow", "willows", "hawthorn", "hawthorns", "holly", "hollies", "laurel",
    "laurels", "poplar", "poplars", "rowan", "rowans", "yew", "yews", "maple", "maples", "chestnut", "chestnuts",
    "sycamore", "sycamores", "hazel", "alder", "alders", "thorn", "thorns", "heather", "ivy", "bramble", "brambles",
    "fern", "ferns", "rose", "roses", "orchard", "orchards",
    # landforms and water
    "park", "grove", "groves", "ridge", "ridgeway", "green", "meadow", "meadows", "brook", "brooks", "hill", "hills",
    "dale", "vale", "valley", "field", "fields", "moor", "moors", "moorland", "heath", "marsh", "lea", "leas", "wood",
    "woods", "woodland", "bank", "banks", "cliff", "cliffs", "spring", "springs", "well", "wells", "river",
    "riverside", "lake", "lakeside", "bay", "harbour", "quay", "bridge", "bridges", "ford", "fold", "crag", "crags",
    "knoll", "mount", "glen", "burn", "haugh", "common", "commons", "downs", "hollow", "island", "shore", "beck",
    "gill", "ghyll", "clough", "dene", "holme", "carr", "royd", "thwaite", "howe", "scar", "nook", "brow", "edge",
    # old buildings and estates
    "grange", "manor", "hall", "abbey", "priory", "chapel", "minster", "castle", "tower", "towers", "mill", "mills",
    "lodge", "lodges", "court", "croft", "crofts", "garth", "gate", "gates", "cross", "market", "station", "forge",
    "mews", "cloisters", "almshouses", "gardens", "garden", "terrace", "parade", "square", "crescent", "beacon",
    "hermitage", "rectory", "vicarage", "parsonage", "farmstead",
    # compass and old order
    "north", "south", "east", "west", "central", "upper", "lower", "old", "new", "high", "little", "great", "long",
    "broad", "king's", "kings", "queen's", "queens", "bishop's", "bishops", "saint", "st", "st.", "royal",
})
"""Everyday nouns English local names are made of (Ekwall's elements and the Royal Mail thoroughfare words
as modern words). Only a strong head ("estate", "surgery", "arms") lets one of these name a place."""

_QUALIFIERS = frozenset({"north", "south", "east", "west", "central", "upper", "lower", "old", "new", "high", "little",
                         "great", "long", "broad", "saint", "st", "st.", "royal"})
"""Words that name only beside another naming word ("upper grange", not "the upper estate")."""

KIND_WORDS = frozenset({
    "council", "housing", "local", "big", "small", "little", "large", "huge", "new", "old", "same", "other", "whole",
    "nearest", "private", "public", "social", "industrial", "trading", "business", "retail", "real", "country",
    "rough", "posh", "nice", "bad", "good", "best", "worst", "main", "only", "first", "last", "next", "own",
    "family", "village", "town", "city", "student", "corner", "sports", "gay", "irish", "english", "scottish",
    "welsh", "british", "local's", "dodgy", "decent", "proper", "favourite", "usual", "regular", "busy", "quiet",
    "nearby", "general", "medical", "dental", "doctor's", "doctors", "doctor", "gp", "gp's", "nhs", "clinical",
    "group", "health", "care", "community", "heart", "knee", "hip", "back", "brain", "eye", "eyes", "laser",
    "keyhole", "cosmetic", "plastic", "bypass", "major", "minor", "emergency", "day", "night", "late", "early",
    "chemical", "power", "nuclear", "steel", "car", "gas", "paper", "cotton", "wool", "coal", "food", "meat",
    "distribution", "delivery", "packing", "bottling", "processing", "recycling", "sewage", "treatment", "water",
    "bus", "tram", "train", "fire", "police", "ambulance", "army", "builder's", "builders", "timber", "scrap",
    "amazon", "royal", "mail", "post", "sorting", "storage", "furniture", "clothing", "shoe", "biscuit",
    "chocolate", "sweet", "toy", "glass", "brick", "cement", "concrete", "print", "printing", "textile", "textiles",
    "engineering", "electronics", "aircraft", "ship", "boat", "dock", "docks", "farm", "pig", "chicken", "dairy",
    "this", "that", "these", "those", "my", "his", "her", "their", "our", "your", "its", "a", "an", "the", "any",
    "some", "every", "each", "no", "one", "two", "three", "several", "many", "few", "lovely", "awful", "horrible",
    "terrible", "grotty", "shabby", "run", "down", "rundown", "high-rise", "rise", "tower", "council's", "bloody",
    "flipping", "massive", "tiny", "estate", "estates", "pub", "pubs", "club", "working", "men's", "mens",
})
"""First words that say a kind of place, never a name ("the council estate", "the heart surgery")."""

_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@cache
def public_words() -> frozenset[str]:
    """Single words and phrases of the shipped allow-list, lower-cased ("tesco", "boots", "amazon"): brands
    and bodies known everywhere, which name no local place."""
    return frozenset(" ".join(p.lower().replace("’", "'").split()) for p in default_allowlist())


def norm_word(word: str) -> str:
    return word.lower().replace("’", "'")


def proper_word(word: str, caseless: bool) -> bool:
    """``word`` is of proper-name kind (module doc, first bullet); cased text needs its capital."""
    low = norm_word(word)
    if low.endswith("'s"):
        low = low[:-2]
    if (len(low) < 3 or not low.replace("'", "").isalpha() or low in STOP_WORDS or low in FILLERS
            or low in CALENDAR or low in KIND_WORDS or low in public_words()):
        return False
    if not caseless and not (word[:1].isupper() and not word.isupper()):
        return False
    if low in place_names() or place_shaped(low) or town_shaped(low):
        return True
    stem = low[:-1] if low.endswith("s") and len(low) > 4 else low  # "brannigans", "hendersons"
    for form in (low, stem):
        if form in listed_names() and not is_everyday(form) and lowercase_usage().get(form, 0) < SELDOM_LOWER:
            return True
    return not in_dictionary(low) and not is_everyday(low) and lowercase_usage().get(low, 0) < SELDOM_LOWER


def compound_place(low: str) -> bool:
    """"beechwood", "hollybank", "oakfield": a naming noun or word joined to a place element. Unlike
    :func:`..sites.place_shaped` the dictionary may hold it: only a strong head lets it name."""
    if len(low) < 7 or not low.isalpha():
        return False
    for element in PLACE_ELEMENTS:
        stem = low[: -len(element)]
        if low.endswith(element) and len(stem) >= (4 if len(element) <= 3 else 3) \
                and (stem in NAMING_NOUNS or stem in everyday_words()) and stem not in STOP_WORDS:
            return True
    return False


def naming_word(word: str, caseless: bool) -> bool:
    """``word`` can stand in a local name before a strong head: of proper-name kind, or a naming noun.
    In cased text any capitalised word that says no kind will do ("the Park Surgery")."""
    low = norm_word(word)
    if low in KIND_WORDS - _QUALIFIERS or low in STOP_WORDS or low in FILLERS or low in CALENDAR:
        return False
    if not caseless:
        return word[:1].isupper() and not word.isupper() and len(low) >= 2
    return low in NAMING_NOUNS or compound_place(low) or proper_word(word, caseless)


def name_before(words: list[str], caseless: bool) -> int:
    """How many of the last one or two ``words`` (read backwards from a head) make a local name: 0 if none.
    The last word must name; a first word joins it when it names too ("upper grange", "st marys")."""
    if not words or not naming_word(words[-1], caseless) or norm_word(words[-1]) in _QUALIFIERS:
        return 0
    if len(words) >= 2 and naming_word(words[-2], caseless) and norm_word(words[-2]) not in STOP_WORDS:
        return 2
    return 1


def street_name_before(words: list[str], caseless: bool) -> int:
    """How many of the last ``words`` (read backwards from a head) are a street's name that names the
    place: "the hollin way estate", "the talbot street surgery", "the upper mill lane practice"; 0 if
    the last word is no street head or the street is a kind ("the ring road estate", "the high street
    surgery")."""
    if len(words) < 2 or norm_word(words[-1]) not in STREET_HEADS:
        return 0
    name = norm_word(words[-2])
    # the street's head says a name stands before it, so any word that can name a street will do ("hollin")
    names = street_namable(words[-2]) if caseless else naming_word(words[-2], caseless)
    if name in KIND_OF_ROAD or name in KIND_WORDS or not names:
        return 0
    if not caseless and not words[-1][:1].isupper():
        return 0
    if len(words) >= 3 and norm_word(words[-3]) in _QUALIFIERS and norm_word(words[-3]) not in KIND_OF_ROAD:
        return 3  # "upper mill lane"
    return 2


_CALLED = re.compile(r"(?i)\b(estate|flats|block|tower\s+block|pub|club|surgery|practice|pharmacy|chemists?|"
                     r"health\s+cent(?:re|er)|medical\s+cent(?:re|er)|street|road|lane|close|avenue|crescent)\s+"
                     r"(?:that\s+was\s+|which\s+was\s+|was\s+|is\s+|were\s+)?(?:called|named|known\s+as)\s+(?:the\s+)?"
                     r"([^\W\d_][\w'’]*)(?:\s+([^\W\d_][\w'’]*))?")
_CALLED_KINDS = {"estate": "estate", "flats": "estate", "block": "estate", "pub": "pub", "club": "club",
                 "surgery": "practice", "practice": "practice", "pharmacy": "pharmacy", "chemist": "pharmacy",
                 "chemists": "pharmacy", "street": "street", "road": "street", "lane": "street", "close": "street",
                 "avenue": "street", "crescent": "street"}


def _called_word(word: str, caseless: bool) -> bool:
    """After "called" any word that can name will do ("a pub called the kestrel"): no kind, no adjective."""
    return naming_word(word, caseless) or (street_namable(word) and (caseless or word[:1].isupper()))


def called_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """ "an estate called thornfield", "a pub called the kestrel", "a surgery named the limes": the name
    after its kind and "called", of any class; a word that names, its phrase ending after it."""
    out = []
    for m in _CALLED.finditer(text):
        head = " ".join(m.group(1).lower().split())
        kind = _CALLED_KINDS.get(head) or ("estate" if head.endswith("block") else "practice")
        first, second = m.group(2), m.group(3)
        if not _called_word(first, caseless) or norm_word(first) in KIND_WORDS | _QUALIFIERS:
            continue
        end = m.end(2)
        if second and (_called_word(second, caseless) or norm_word(second) in _BARE_HEADS) \
                and norm_word(second) not in KIND_WORDS and _PHRASE_ENDS.match(text[m.end(3):]):
            end = m.end(3)
        elif not _PHRASE_ENDS.match(text[end:]):
            continue
        if " ".join(text[m.start(2):end].lower().split()) in public_words():
            continue
        out.append((m.start(2), end, kind))
    return out


# "twice to the Fernside, the detox unit out at…", "the Beacon, that's the A&E at…", "the Larches, which is our
# crisis house": a name followed by what kind of place it is. The kind said beside it makes a place of even an
# everyday word; its head word types the placeholder.
_APPOSITION_KINDS = {
    "ward": "ward", "bay": "ward", "unit": "hospital", "hospital": "hospital", "infirmary": "hospital",
    "a&e": "hospital", "hospice": "hospital", "hostel": "service", "house": "service", "rehab": "service",
    "detox": "service", "clinic": "service", "centre": "service", "center": "service", "service": "service",
    "project": "service", "home": "service", "team": "service", "hub": "service", "surgery": "practice",
    "practice": "practice", "pharmacy": "pharmacy", "chemist": "pharmacy", "chemists": "pharmacy",
    "estate": "estate", "flats": "estate", "pub": "pub", "club": "club", "school": "school", "college": "school",
    "academy": "school", "church": "church", "chapel": "church", "mosque": "mosque", "temple": "temple",
    "gurdwara": "gurdwara", "synagogue": "synagogue", "a and e": "hospital"}
_LINK = r"(?:that['’]s|that is|thats|which is|which was|that was|it['’]s|its)"
_NAME_WORD = r"(?!" + _LINK + r"\b|the\b)[^\W\d_][\w'’-]*"
_KIND_HEAD = "|".join(re.escape(k) for k in sorted(_APPOSITION_KINDS, key=len, reverse=True))
_APPOSITION = re.compile(
    r"(?i)\bthe\s+((?:" + _NAME_WORD + r"\s+){0,2}" + _NAME_WORD + r")(,?)((?:\s+[a-z]+){0,3}?)(,?)\s+"
    r"(" + _LINK + r"\s+)?(?:the|our|their|a|an)\s+((?:[\w&'’-]+\s+){0,3}?)(" + _KIND_HEAD + r")\b(?![&'’-]?\w)")

_HEAD_ENDS = frozenset(re.findall(r"[a-z]+", k)[-1] for k in _APPOSITION_KINDS)
"""The last run of letters of every kind's head ("ward", "e" of "a&e" and "a and e"): every match of
:data:`_APPOSITION` ends with one as a whole run of letters (a space or "&" before it, no letter after it), so an
ASCII turn whose runs hold none cannot match, and the pattern, tried at every "the" of every turn, is not asked."""


def _names_alone(word: str) -> bool:
    """A word that can name a place with no head beside it: of proper-name kind or a naming noun, in the
    plural too ("the Larches", "the Beacon", "the Fernside")."""
    low = norm_word(word)
    return naming_word(word, True) or (low.endswith("s") and low.rstrip("s").removesuffix("e") in NAMING_NOUNS) or (
        low.endswith("es") and low[:-2] in NAMING_NOUNS)


def apposition_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """ "the Fernside, the detox unit", "the Beacon four times, that's the A&E": the name before its kind,
    typed by the kind's head word. Cased text needs the name's capitals and a comma; captions, which have
    neither, need "that's the" or "which is" between and a name of proper-name kind or a naming noun ("the
    beacon thats the a and e"). Up to three words may come between ("four times") only before "that's"."""
    out: list[tuple[int, int, str]] = []
    if text.isascii() and turn_text(text).letter_runs.isdisjoint(_HEAD_ENDS):
        return out  # outside ASCII the case-blind pattern reaches letters no lower-casing gives ("ſ" as "s")
    for m in _APPOSITION.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        naming = 0
        for w in words:
            word = w.group(0)
            if norm_word(word) in KIND_WORDS | STOP_WORDS or norm_word(word) in _APPOSITION_KINDS:
                break  # "the ward, the detox unit", "the other one, the unit": a kind, not a name
            if not (naming_word(word, True) if caseless else word[:1].isupper() and not word.isupper()):
                break
            naming += 1
        if not naming or not any(_names_alone(w.group(0)) for w in words[:naming]):
            continue  # "the Government, the health service": a capital alone names nothing
        between = " ".join(w.group(0) for w in words[naming:]) + m.group(3)
        comma, link = m.group(2) or m.group(4), m.group(5)
        if between.strip() and not (link and (comma or caseless)):
            continue  # "the Beacon four times, that's the A&E"; not "the Beacon four times the unit"
        if (caseless or not comma) and not link:
            continue
        if not caseless and any(w[:1].isupper() for w in between.split()):
            continue
        end = m.start(1) + words[naming - 1].end()
        if " ".join(text[m.start(1):end].lower().split()) in public_words():
            continue
        out.append((m.start(1), end, _APPOSITION_KINDS[" ".join(m.group(7).lower().split())]))
    return out


def said_words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` (runs of a–z): each layer runs its patterns only on turns holding its head
    words. Read from the turn's shared text (:func:`..turn_text.turn_text`), which six layers ask of one turn."""
    return turn_text(text).ascii_words


def word_spans(text: str) -> list[tuple[int, int]]:
    """Every word of ``text`` (letters, inner apostrophes) as a span."""
    return [m.span() for m in _LETTERS.finditer(text)]


# ------------------------------------------------------------------------------ a place said again, bare
_BARE_HEADS = frozenset({
    # streets (:data:`.streets.STREET_HEADS`) and their written short forms
    "road", "street", "lane", "avenue", "drive", "close", "crescent", "terrace", "grove", "gardens", "row", "walk",
    "rise", "mews", "parade", "square", "way", "place", "hill", "fold", "yard", "court", "wynd", "brow", "croft",
    "green", "gate", "mount", "vale", "chase", "wharf", "quay", "hollow", "meadows", "fields", "view", "bank",
    "vennel", "brae", "loan", "side", "lea", "rd", "st", "ave",
    # estates and blocks
    "estate", "flats", "towers", "tower", "heights", "mansions", "house", "buildings", "block", "maisonettes",
    # pubs and clubs
    "arms", "inn", "tavern", "vaults", "hotel", "alehouse", "tap", "taphouse", "club", "wmc", "legion", "welfare",
    "social", "pub", "bar", "hall", "rest",
    # practices and pharmacies
    "practice", "surgery", "centre", "center", "pharmacy", "chemist", "chemists", "dispensary", "clinic",
    # workplaces (:data:`.workplaces.WORKPLACE_HEADS`)
    "factory", "factories", "warehouse", "mill", "mills", "depot", "garage", "works", "plant", "foundry", "bakery",
    "dairy", "brewery", "quarry", "pit", "colliery", "abattoir", "haulage", "scrapyard", "joinery", "laundry",
    "printworks", "sawmill", "distillery", "tannery", "shipyard", "dockyard", "cannery", "mine", "steelworks",
    # day centres, care homes, cafés and shops (:data:`.facilities.HEADS`)
    "home", "cafe", "café", "caff", "tearooms", "shop", "stores", "store", "newsagents",
})
"""Last words of a local place's name that say its kind: "the thornfield estate" said again is "thornfield"."""
_HEAD_PARTS = frozenset({"medical", "health", "family", "group", "working", "men's", "mens", "workingmen's", "con",
                         "cons", "conservative", "labour", "liberal", "british", "sports", "and", "snooker", "ale",
                         "free", "brewery", "miners", "miners'", "comrades", "ex-servicemen's", "exservicemen's",
                         "bowling", "cricket", "rugby", "football", "golf", "tennis", "youth", "boxing", "the",
                         "social", "day", "care", "nursing", "residential", "retirement", "coffee", "lunch"})
"""Words of a head of several words ("medical centre", "working men's club", "sports and social club")."""
_BEFORE_PLACE = frozenset({"on", "in", "at", "off", "up", "down", "from", "to", "near", "round", "around", "behind",
                           "opposite", "past", "outside", "inside", "into", "onto", "towards", "along", "across",
                           "via", "by", "left", "leaving", "visit", "visited", "leave", "back"})
"""Words that put what follows as a place: "back on the grange", "down the feathers", "up at the anchor"."""
_PHRASE_ENDS = re.compile(r"(?i)^(?:\s*(?:$|[.,;:!?)…-])|\s*['’]s\b|\s+(?:and|but|so|then|when|with|for|in|at|on|"
                          r"near|till|until|where|which|that|was|is|had|has|all|since|from|as|because|cos|now|"
                          r"every|each|there|i|we|he|she|they|you|my|his|her|our|their|before|after|though|"
                          r"yeah|like|um|er|erm|uh|again|anymore|any|no|not|or|to|by|did|does|do|were|are|used|"
                          r"would|will|could|it|it's|what|who|years?|last|one|too|either|first|a|the)\b)")
"""After a bare name: its phrase ends ("back on the grange and...", not "the grange farm", "the crown court")."""


def bare_place(surface: str) -> str | None:
    """The name a local place is said again by, its kind left off: "thornfield estate" → "thornfield",
    "the meadowbank medical centre" → "meadowbank", "hetton working men's club" → "hetton"; None when
    the surface ends in no head or nothing that can name is left ("the miners arms", "the new inn")."""
    words = norm_word(surface).split()
    if not words or words[-1] not in _BARE_HEADS:
        return None
    words.pop()
    while words and words[-1] in _HEAD_PARTS:  # "working men's club"; a street's head stays ("hollin way")
        words.pop()
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    if not words or not all(w.replace("'", "").replace("-", "").isalpha() for w in words):
        return None
    last = words[-1]
    if len(words) == 1 and (len(last) < 3 or last in STOP_WORDS or last in KIND_WORDS or last in FILLERS
                            or last in CALENDAR or last in _QUALIFIERS):
        return None
    bare = " ".join(words)
    return None if bare in public_words() else bare


def everyday_place(form: str) -> bool:
    """Every word of ``form`` is also an everyday word ("grange", "red lion", "station"): said again, it
    is the place only where the words around it say a place (:func:`said_as_place`)."""
    words = form.split()
    if len(words) >= 2 and words[-1] in STREET_HEADS and words[-2] not in KIND_OF_ROAD:
        return False  # "hollin way", "talbot street": a street's name, whatever its words
    return all(is_everyday(w.removesuffix("'s")) or w in NAMING_NOUNS or w in STOP_WORDS for w in words)


_BARE_EVERYDAY = frozenset({
    # estates called by one noun ("up the grange", "on the hollies")
    "grange", "manor", "abbey", "priory", "hollies", "limes", "elms", "oaks", "beeches", "laurels", "willows",
    "brambles", "chase", "warren", "crofts", "larches", "poplars", "rowans", "sycamores", "hawthorns", "cedars",
    "firs", "pines", "hollins",
    # pubs called by their sign ("at the crown", "down the feathers")
    "crown", "anchor", "plough", "feathers", "swan", "bell", "ship", "bull", "fox", "globe", "angel", "george",
    "chequers", "mitre", "greyhound", "lamb", "albion", "volunteer", "grapes", "vine", "eagle", "falcon", "unicorn",
    "mermaid", "harp", "stag", "cock", "pheasant", "woolpack", "wheatsheaf", "beehive", "compasses", "roebuck",
    "talbot", "sloop", "cricketers", "navigation", "lion", "hart", "marquis", "victoria",
})
"""Everyday words said alone as a particular estate or pub. Any other everyday word ("station", "park",
"church", "mill") is said alone of the kind of place far more often: "we lived on station road ... I
went to the station" leaves "the station" as it is."""


def recurs_as_place(form: str, text: str, start: int, end: int) -> bool:
    """Whether ``form``, a place some layer or reviewer named, is that place again at ``text[start:end]``:
    a name not every word of which is everyday, always; an everyday one only where the words around it
    say a place (:func:`said_as_place`), and of one word only if it is of :data:`_BARE_EVERYDAY`."""
    if not everyday_place(form):
        return True
    if " " not in form and form not in _BARE_EVERYDAY and form not in SERVICE_IMAGES:
        return False  # an image a day centre or a club is named by ("at sunflower") is one again
    return said_as_place(text, start, end)


def said_as_place(text: str, start: int, end: int) -> bool:
    """The words around ``text[start:end]`` say a place: a word of where before it, "the" between or not
    ("back on the grange", "down the feathers", "lives on orchard"), and its phrase ending after it
    (not "the crown court", "on the grange farm")."""
    before = re.findall(r"[\w'’]+", text[max(0, start - 40) : start].lower())
    if not before:
        return False
    if before[-1] == "the":
        before = before[:-1]
    if not before or before[-1] not in _BEFORE_PLACE:
        return False
    return bool(_PHRASE_ENDS.match(text[end : end + 20]))
