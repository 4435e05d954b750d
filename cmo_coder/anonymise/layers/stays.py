"""Where care was given, read by the stay spent there, a move between wards and a head of care (captions; issue
13, classes 3–5).

Health research interviews tell stays: "she was in oakwood for six weeks", "they kept him in kingfisher for a
fortnight", "he spent a month on primrose", "we got him into marsh lane rehab". Wards, units, hospices and care
homes are named after trees, flowers, birds and old local names, so captions write them as everyday words, and
without "the", a verb of care or a head ("ward", "hospital") the earlier place frames do not read them. Three
frames of speech say a place here:

* **a stay with its length**: a verb of being or staying and "in", "on" or "at", one or two words, then "for"
  and a length ("was in oakwood for six weeks"), or a length spent there ("spent a month on primrose"). What
  fills that slot as an ordinary word is a state or an institution ("in bed", "in hospital", "in pain", "in
  prison", "on nights", "in business for years"), which :data:`.place_frames.GENERIC` and
  :data:`.place_frames._IDIOMS` and :data:`_STATES` hold; a name word must be of proper-name kind or one of
  the nouns places are named by (:func:`.naming.naming_word`, :data:`.services.SERVICE_IMAGES`). After "on" only
  the nouns wards are named by count: a word of proper-name kind there is as likely a medicine ("on sertraline
  for six months"); after "in the", "at the" and a stay of days to months, an uncommon noun that is no
  institution counts too ("in the countess for two nights");
* **a ward word after a verb of care, without "the"** ("admitted to foxglove", "moved her over to primrose"):
  only the nouns wards are named by, or a word of proper-name kind of six letters or more; specialties and
  departments said there stay ("referred to cardiology", "moved to majors");
* **a name and a head of care that no facility list treats as one**: "rehab" and "detox" ("oakwood rehab",
  "elm tree detox"), after a preposition of place, the phrase ended; a kind stays ("drug rehab", "residential
  rehab", "cardiac rehab", "home detox").

A town of the place lists is left to the town layers, a public word (the allow-list's) is never proposed. Every
list here was written for the project from how people speak of hospital stays.
"""

from __future__ import annotations

import re

from .facilities import GENERIC as FACILITY_KINDS
from .naming import KIND_WORDS, NAMING_NOUNS, naming_word, public_words
from .place_frames import _END as _PHRASE_ENDS
from .place_frames import _IDIOMS, _UNCOMMON_LIVING, GENERIC
from .services import SERVICE_IMAGES
from .words import CALENDAR, lowercase_usage, place_names

_REHAB_CUE = re.compile(r"(?i)\b(?:rehab|detox)\b")

STAY_REASON = "a place of care said by the length of a stay there (a frame of care)"
REHAB_REASON = "a place of care named before 'rehab' or 'detox' (a head of care)"
MOVE_REASON = "a ward or unit said without 'the' after a verb of care (a frame of care)"

_STATES = frozenset({
    "pain", "agony", "tears", "shock", "labour", "plaster", "traction", "isolation", "quarantine", "lockdown",
    "recovery", "remission", "treatment", "therapy", "counselling", "surgery", "theatre", "resus", "casualty",
    "intensive", "a&e", "icu", "itu", "hdu", "rehab", "detox", "respite", "hospital", "prison", "jail", "custody",
    "care", "bed", "business", "office", "power", "charge", "place", "service", "production", "operation",
    "effect", "development", "contact", "touch", "love", "trouble", "debt", "work", "school", "college", "uni",
    "town", "here", "there", "nights", "days", "earlies", "lates", "holiday", "holidays", "leave", "sick",
    "benefits", "methadone", "medication", "meds", "tablets", "antibiotics", "steroids", "oxygen", "dialysis",
    "chemo", "radiotherapy", "insulin", "morphine", "fluids", "drip", "lithium", "probation", "remand", "bail",
    "tag", "licence", "furlough", "strike", "standby", "call", "duty", "shift", "nightshift", "nightshifts",
    "total", "all", "person", "bits", "hiding", "limbo", "denial", "london", "england", "scotland", "wales",
    "ireland", "britain", "europe", "spain", "france", "india", "pakistan", "poland", "abroad", "overseas",
})
"""What fills "was in/on/at _ for a week" as an ordinary word: a state, an institution said bare, a treatment or a
country ("in pain for days", "in hospital for a month", "on antibiotics for a week", "in spain for a fortnight").
Written for the project."""

_LENGTH = re.compile(
    r"(?i)^\s+for\s+(?:(?:a|an|one|another|about|nearly|almost|over|just|only|the|best|part|of|couple|few|"
    r"several|good|whole|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|\d+|and|half)"
    r"\s+){0,5}(?:days?|nights?|weeks?|fortnights?|months?|years?)(?![\w'’-])")
""""for six weeks", "for a couple of months", "for the best part of a year": a stay's length after the place."""
_WORD_LENGTH = (r"(?:(?:a|an|one|another|about|nearly|almost|over|just|only|the|best|part|of|couple|few|several|"
                r"good|whole|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|and|half)\s+){1,5}"
                r"(?:days?|nights?|weeks?|fortnights?|months?|years?)")
_STAY = re.compile(
    r"(?i)(?:(?<![\w'’-])(?:was|were|been|is|are|am|stayed|stays|staying|stay|kept\s+(?:him|her|me|them|us)|"
    r"keep\s+(?:him|her|me|them|us))|['’](?:s|re|m))\s+"
    r"(?:(?:still|back|up|down|over|then|only|just)\s+)?(in|on|at)\s+(the\s+)?$")
"""A verb of being or staying, a preposition of place and "the" or not: "was in", "she's on", "kept him in the",
"stayed at"."""
_SPENT = re.compile(r"(?i)(?<![\w'’-])(?:spent|spend|spends|spending|did|done|had)\s+" + _WORD_LENGTH
                    + r"\s+(?:(?:in|up|down|over|back)\s+)?(in|on|at)\s+(the\s+)?$")
"""A length spent somewhere: "spent a month on", "did six weeks at", "had a fortnight in"."""
_END = re.compile(r"(?i)^(?:\s*$|\s*[.,;:!?)…-]|\s+(?:and|but|so|then|when|with|for|in|at|on|till|until|where|"
                  r"which|that|was|is|had|has|all|since|as|because|cos|now|i|we|he|she|they|you|it|my|his|her|our|"
                  r"their|before|after|though|yeah|like|um|er|erm|again|or|to|by|did|were|are|used|would|will|"
                  r"could|what|who|last|too|a|the|just|about|this|next|after)\b)")
"""After a place's name its phrase ends ("spent a month on primrose and then", "on primrose before")."""
_REHAB = re.compile(r"(?i)(?<![\w'’-])(?:([a-z][a-z'’]*)\s+)?([a-z][a-z'’]*)\s+(rehab|detox)(?![\w'’-])")
_PLACE_BEFORE = re.compile(r"(?i)(?<![\w'’-])(?:in|at|to|from|into|near|outside|round|past|via|off|up|down|over|"
                           r"behind|towards|across|out|by|onto|inside)\s+(?:the\s+)?$")
_REHAB_KINDS = frozenset({
    "drug", "drugs", "alcohol", "substance", "addiction", "residential", "inpatient", "outpatient", "community",
    "home", "day", "cardiac", "heart", "stroke", "pulmonary", "lung", "physical", "neuro", "neurological",
    "brain", "spinal", "orthopaedic", "orthopedic", "hip", "knee", "private", "nhs", "local", "proper", "full",
    "medical", "supervised", "assisted", "rapid", "short", "long", "intensive", "specialist", "vocational",
    "mental", "health", "recovery", "trauma", "injury", "sports", "stroke's", "more", "some", "any", "no",
    "inpatient's", "hospital", "ward", "unit", "centre", "center", "clinic", "outpatients", "his", "her",
})
"""What is said before "rehab" or "detox" as a kind ("drug rehab", "cardiac rehab", "home detox"). Written for the
project."""
WARD_IMAGES = frozenset({
    # wild and garden flowers
    "foxglove", "foxgloves", "bluebell", "bluebells", "primrose", "primroses", "snowdrop", "snowdrops", "daffodil",
    "daffodils", "buttercup", "buttercups", "cowslip", "cowslips", "harebell", "campion", "poppy", "poppies",
    "cornflower", "clover", "speedwell", "celandine", "anemone", "honeysuckle", "jasmine", "lilac", "magnolia",
    "camellia", "azalea", "lavender", "gorse", "bracken", "thistle", "teasel", "tansy", "yarrow", "sorrel",
    "meadowsweet", "marigold", "orchid", "tulip", "pansy", "sunflower", "forget-me-not", "larkspur", "hyacinth",
    "aster", "freesia", "peony", "wisteria", "clematis", "mistletoe",
    # trees
    "aspen", "hornbeam", "whitebeam", "blackthorn", "hawthorn", "rowan", "larch", "spruce", "cypress", "juniper",
    "linden", "mulberry", "walnut", "acacia", "elder", "cherry", "damson", "quince",
    # birds
    "kingfisher", "heron", "wren", "robin", "skylark", "linnet", "goldfinch", "chaffinch", "bullfinch", "siskin",
    "nightingale", "thrush", "blackbird", "starling", "kestrel", "merlin", "osprey", "curlew", "plover", "lapwing",
    "sandpiper", "puffin", "kittiwake", "avocet", "egret", "bittern", "dipper", "nuthatch", "woodpecker", "warbler",
    "redstart", "wagtail", "waxwing", "fieldfare", "redwing", "owl", "swan", "eider", "peregrine", "buzzard",
    "harrier", "cormorant", "gannet", "guillemot", "tern", "oystercatcher", "goldcrest", "yellowhammer",
})
"""Flowers, trees and birds that British hospitals, hospices and care homes name wards and units after, written
for the project from their common English names; words also said as verbs or adjectives ("swallow", "swift",
"lark") are left out."""
_WARD_WORDS = NAMING_NOUNS | SERVICE_IMAGES | WARD_IMAGES
"""Nouns wards and units are named by: the only words read after "on" in a stay."""
_WORD = re.compile(r"(?<![\w'’&-])[a-z][a-z'’]*(?![\w'’&-])")
_SHORT_STAY = re.compile(r"(?i)(?:days?|nights?|weeks?|fortnights?|months?)(?![\w'’-])")
"""The lengths of a stay in hospital or care, not of a job or a career ("in the army for twenty years")."""
_INSTITUTIONS = frozenset({
    "army", "navy", "forces", "marines", "police", "force", "job", "role", "post", "union", "industry", "trade",
    "company", "firm", "business", "team", "squad", "group", "band", "choir", "area", "country", "system",
    "pipeline", "quarter", "market", "queue", "dark", "cold", "rain", "sun", "heat", "wind", "loft", "attic",
    "cupboard", "cellar", "basement", "van", "lorry", "caravan", "tent", "papers", "news", "spotlight", "limelight",
    "picture", "loop", "wilderness", "doghouse", "wars", "trenches", "mix", "running", "lead", "dock", "cells",
    "nick", "jail", "slammer", "clink", "can", "bin", "red", "black", "money", "wrong", "clear", "open", "balance",
    "process", "meantime", "interim", "end", "long", "short", "run", "fold", "frame", "know", "zone", "mood",
    "habit", "middle", "thick", "centre", "flat", "house", "bungalow", "cottage", "hotel", "b&b", "motel",
    "travelodge", "premier", "hostel", "shelter", "lodge", "annexe", "extension", "spare", "box", "cot", "crib",
    "incubator", "chair", "wheelchair", "bay", "cubicle", "corridor", "side", "isolation", "bubble", "pod",
})
"""What follows "in the", "at the" before a length as an ordinary noun ("in the army", "in the dark", "in the
house for a week", "in the incubator for a fortnight"): never a name here. Written for the project."""


def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def _ordinary(low: str) -> bool:
    """A word that fills these frames as a word, never as a name: a kind, a state, a date word or a public word."""
    return (len(low) < 3 or low in GENERIC or low in _IDIOMS or low in _STATES or low in KIND_WORDS
            or low in CALENDAR or low in public_words() or low in place_names())


def _stay_word(low: str, after_on: bool) -> bool:
    if _ordinary(low):
        return False
    if after_on:
        return low in _WARD_WORDS
    return low in _WARD_WORDS or naming_word(low, True)


def _heard_word(low: str) -> bool:
    """After "in the", "at the" with a short stay's length: an uncommon noun (as the living frame of
    :mod:`.place_frames` counts uncommon) that is no kind, state or institution ("was in the countess for two
    nights"), as a recogniser writes a hospital's name it heard as a word; "in the fridge for a week" stays."""
    return (not _ordinary(low) and low not in _INSTITUTIONS and low.isalpha()
            and lowercase_usage().get(low, 0) < _UNCOMMON_LIVING
            and not low.endswith(("ing", "ed", "ly", "est", "ness", "ity", "ion", "ment")))


def _runs(text: str, pos: int) -> list[tuple[re.Match[str], ...]]:
    """The two words and the one word that start at ``pos`` (two first), each run of words one space apart."""
    first = _WORD.match(text, pos)
    if first is None:
        return []
    second = _WORD.match(text, first.end() + 1) if text[first.end() : first.end() + 1] == " " else None
    return [(first, second), (first,)] if second is not None else [(first,)]


_FOR_LENGTH = re.compile(r"(?i)(?<![\w'’-])for\s+(?:[a-z\d]+\s+){0,5}"
                         r"(?:days?|nights?|weeks?|fortnights?|months?|years?)(?![\w'’-])")
"""A length said anywhere in the turn: without one, no place of a stay is looked for."""
_STAY_OPEN = re.compile(_STAY.pattern.removesuffix("$"))
_SPENT_OPEN = re.compile(_SPENT.pattern.removesuffix("$"))
""":data:`_STAY` and :data:`_SPENT` searched forward through a turn: one pass finds every slot a stay's place can
fill, instead of a search of the words before every word."""


def stay_spans(text: str) -> list[tuple[int, int]]:
    """"was in oakwood for six weeks", "spent a month on primrose": one or two name words where a stay of a given
    length was spent (see the module doc)."""
    out: list[tuple[int, int]] = []
    stays = _STAY_OPEN.finditer(text) if _FOR_LENGTH.search(text) else ()  # no "for" and a length: no stay
    frames = sorted([(m.end(), m, True) for m in stays]
                    + [(m.end(), m, False) for m in _SPENT_OPEN.finditer(text)], key=lambda f: (f[0], not f[2]))
    taken = -1
    for pos, frame, stay in frames:
        if pos < taken:
            continue
        after_on = frame.group(1).lower() == "on"
        the = bool(frame.group(2))
        if the and after_on:
            continue  # "on the list", "on the green": a ward is said "on" without "the"
        for run in _runs(text, pos):
            rest = text[run[-1].end() : run[-1].end() + 60]
            length = _LENGTH.match(rest) if stay else None
            if not (length or (not stay and _END.match(rest))):
                continue  # a stay needs its length after the place, a length spent needs the phrase ended
            lows = [_plain(x.group(0)) for x in run]
            if the and any(low in _INSTITUTIONS for low in lows):
                continue  # "in the bay for a week", "in the lodge for days"
            if not all(_stay_word(low, after_on) for low in lows) and not (
                    the and length and _SHORT_STAY.search(length.group(0)) and all(_heard_word(x) for x in lows)):
                continue
            out.append((run[0].start(), run[-1].end()))
            taken = run[-1].end()
            break
    return out


def _rehab_name(low: str) -> bool:
    return (low not in _REHAB_KINDS and low not in FACILITY_KINDS and not _ordinary(low)
            and (low in _WARD_WORDS or naming_word(low, True)))


def rehab_spans(text: str) -> list[tuple[int, int]]:
    """"moved her to oakwood rehab", "did six weeks at elm tree detox": one or two name words before "rehab" or
    "detox", after a preposition of place, the phrase ended; the head stays inside the span, as the street
    layers keep theirs. A kind of rehab ("drug rehab") stays."""
    out: list[tuple[int, int]] = []
    if not _REHAB_CUE.search(text):
        return out
    for m in _REHAB.finditer(text):
        first = _plain(m.group(1) or "")
        second = _plain(m.group(2))
        if second in _REHAB_KINDS or second in FACILITY_KINDS or _ordinary(second):
            continue
        first_names = bool(first) and _rehab_name(first)
        if not (_rehab_name(second) or first_names):
            continue  # "the new rehab": no word of the run names ("elm tree rehab": the first word does)
        two = first_names
        start = m.start(1) if two else m.start(2)
        if not _PLACE_BEFORE.search(text[max(0, start - 30) : start]) or not _END.match(text[m.end() : m.end() + 24]):
            continue
        out.append((start, m.end()))
    return out


_MOVE = re.compile(
    r"(?i)(?<![\w'’-])(?:admitted|readmitted|re-admitted|transferred|discharged|moved|referred|sent|rushed|"
    r"blue[\s-]?light(?:ed)?|blue[\s-]?lit|sectioned)(?:\s+(?:him|her|me|them|us|mum|dad|nan|grandad))?"
    r"(?:\s+(?:back|over|up|down|across|straight|again|out))?\s+(?:to|into|onto|from|at)\s+$")
"""A verb of care or of a move between wards and a preposition, with no "the" ("admitted to", "moved her over to",
"discharged from")."""
_NOT_A_WARD = frozenset({
    "amu", "mau", "sau", "cdu", "ccu", "picu", "majors", "minors", "paeds", "peads", "ortho", "orthopaedics", "gynae",
    "obs", "cardio", "cardiology", "neuro", "neurology", "endo", "onc", "oncology", "haem", "haematology", "resp",
    "gastro", "derm", "psych", "psychiatry", "camhs", "iapt", "amhs", "cmht", "crhtt", "hometreatment", "phlebotomy",
    "radiology", "urology", "geriatrics", "elderly", "medicine", "surgery", "theatres", "recovery", "physio",
    "dietetics", "dietitian", "dietician", "podiatry", "audiology", "ophthalmology", "ent", "maxfax", "fracture",
    "rheumatology", "respiratory", "palliative", "hospice", "community", "services", "social", "follow-up",
    "followup", "outpatients", "inpatients", "spring", "autumn", "summer", "winter", "tears", "pieces",
    # images also said as verbs ("moved her to swallow the tablets", "sent him to inspire others")
    "swallow", "swift", "lark", "kite", "dove", "inspire", "aspire", "thrive", "flourish", "blossom", "evolve",
    "emerge", "revive", "bridge", "springs", "stream", "tide", "fountain",
})
"""Specialties, departments, seasons and verbs said after a verb of care without "the" ("referred to
cardiology", "moved to majors", "discharged from ortho", "moved her to swallow"): never a ward's name. Written for
the project."""


def _ward_name(low: str) -> bool:
    """A word a ward or unit is named by, said bare after a verb of care: a noun wards are named by, or a word of
    proper-name kind of six letters or more (shorter ones are as likely a department's short form)."""
    if _ordinary(low) or low in _NOT_A_WARD or low.endswith(("ology", "ics", "ing", "ed")):
        return False
    return low in _WARD_WORDS or (len(low) >= 6 and naming_word(low, True))


_MOVE_OPEN = re.compile(_MOVE.pattern.removesuffix("$"))
""":data:`_MOVE` searched forward through a turn (one pass, as :data:`_STAY_OPEN`)."""


def move_spans(text: str) -> list[tuple[int, int]]:
    """"admitted to foxglove", "moved her over to primrose", "discharged from juniper": one or two ward words right
    after a verb of care and a preposition, with no "the", the phrase ended."""
    out: list[tuple[int, int]] = []
    for frame in _MOVE_OPEN.finditer(text):
        for run in _runs(text, frame.end()):
            if all(_ward_name(_plain(x.group(0))) for x in run) and _PHRASE_ENDS.match(text[run[-1].end() :][:24]):
                out.append((run[0].start(), run[-1].end()))
                break
    return out
