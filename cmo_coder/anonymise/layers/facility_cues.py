"""Facilities named without their head, by what the speaker does with them: "she goes to phoenix on mondays",
"we refer them to turning tides", "she volunteers at greenacres", "mum goes down sunflowers on a tuesday",
"harbourlight have been brilliant", "sunrise said they'd ring back".

Speech seldom says the kind of a place it goes to every week: the head ("day centre", "agency") that
:mod:`.facilities` reads is often missing, said far away ("phoenix on mondays, it's a day centre"), or never
said at all. What is said is a **facility verb**, a verb and preposition whose object is a place or a body
("goes to", "goes down", "refer them to", "signposted her to", "works at", "volunteers at", "a carer with",
"attends"), and the phrase after it (one to three words, "the" or not) ends where the phrase ends.

How dictionary words are treated (captions have no capitals to go by):

* a word no dictionary holds, or one of place-name shape ("greenacres", "fernbank", "homewise",
  "brannigans"), names after any facility verb: English has no everyday word of that kind to go to;
* a phrase of dictionary words ("phoenix", "the haven", "open door", "turning tides") names only with
  **two cues**: the facility verb and a second one, either a strong verb (one that takes a body as its object:
  "refer to", "signpost to", "volunteers at", "works at", "a carer with", "attends") or what is said after
  it: when it meets ("on mondays", "every thursday", "twice a week", "for her dinner") or what kind of place it
  is ("it's a day centre", "they're an agency", "the bakery"). A lone "went to the bridge" stays;
* never a word that says a kind of place or activity: the closed class of nouns English says without an
  article after "to" because they are kinds ("goes to church", "to bed", "to school", "to work", "to group",
  "to physio": :data:`BARE_KINDS`), the kinds and modifiers :mod:`.facilities` sets aside (:data:`.GENERIC`,
  :data:`.ACTIVITIES`, its heads), destinations everyone has (:data:`DESTINATIONS`: "the park", "the shops",
  "the market"), a verb form in -ing at the end ("goes to counselling"), calendar words, people's relations,
  public names (the allow-list keeps "age uk", "mind", "the samaritans"), listed towns (the town layers type
  them). After "the", a dictionary word names only if it is one of the images local services and houses take
  (:data:`.services.SERVICE_IMAGES`, naming nouns, pub emblems: "the haven", "the bridge", "the lighthouse");
  "the zoo", "the pictures" are destinations whatever is said around them.

An organisation is also named by its grammar: British English gives a body a plural verb ("harbourlight
have been amazing", "sunrise said they'd ring"). A bare singular noun at the start of a clause (no article,
no possessive) taking "have", "were", "are", "do" or "said they" is a name, unless it is a word of people or
a collective ("staff have", "family were", "police are", "mum said they'd"); a dictionary word so only with
a second cue of its own: a plural verb and "said they".

Public names win here as everywhere: a phrase that is on the allow-list is never proposed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from .cue_scan import cued_finditer, register_cues
from .naming import KIND_WORDS, NAMING_NOUNS, compound_place, norm_word, proper_word, public_words
from .pubs import PUB_EMBLEMS
from .services import SERVICE_IMAGES, SERVICE_PHRASES
from .sites import _CENTRE_KINDS, place_shaped
from .turn_view import says_any
from .words import CALENDAR, FILLERS, KINSHIP, in_dictionary, name_lexicon, place_names

_WORD = r"[^\W\d_][\w'’-]*"
_OBJ = r"(?:them|him|her|me|us|people|patients|families|clients|folk|someone|somebody|you|everyone|lots|a\s+lot)"

_WEAK = (r"go|goes|going|went|gone|been|get|gets|got|getting|take|takes|took|taking|takes\s+" + _OBJ
         + r"|take\s+" + _OBJ + r"|took\s+" + _OBJ + r"|taking\s+" + _OBJ + r"|drive|drives|drove|driving|"
         r"pop|pops|popped|popping|nip|nips|nipped|head|heads|headed|started\s+going|still\s+goes")
_STRONG = (r"(?:refer|refers|referred|referring|signpost|signposts|signposted|signposting|send|sends|sent|sending|"
           r"passed|pass|transferred|moved|move|moving|introduced)(?:\s+" + _OBJ + r"(?:\s+(?:on|over|across|back))?)?")
_FACILITY_VERB = re.compile(
    r"(?i)(?<![\w'’-])(?:"
    # weak: going somewhere, with a preposition of going
    r"(?P<weak>(?:" + _WEAK + r")\s+(?:(?:to|into)|(?:down|up|over|round|along|across)(?:\s+(?:to|at))?))"
    # strong: a verb whose object is a body or a place it serves
    r"|(?P<strong>(?:" + _STRONG + r")\s+(?:on\s+)?(?:to|into)"
    r"|(?:works|worked|working|work|volunteers|volunteered|volunteering|volunteer|job|placement|shifts|"
    r"employed|cleaner|carer|carers|manager|cook|started|starting|apprenticeship)\s+(?:at|for|with|in)"
    r"|(?:attends|attended|attending)"
    r"|(?:supported|helped|run|funded|referred|managed|organised|organized|owned|visited|contacted)\s+by"
    r"|(?:support|help|referral|referrals|funding|letter|someone|somebody|worker|workers|bloke|lady|woman|man)"
    r"\s+from"
    r"|(?:up|down|over|round)\s+at)"
    # weak again: what comes from a place ("his baccy from pattinsons", "the bread from crumbs the bakery")
    r"|(?P<source>from))"
    r"\s+(?P<the>the\s+)?")

_VERB_FIRST_WORDS = register_cues("facility_cues.verb", {
    "go", "goes", "going", "went", "gone", "been", "get", "gets", "got", "getting", "take", "takes", "took", "taking",
    "drive", "drives", "drove", "driving", "pop", "pops", "popped", "popping", "nip", "nips", "nipped", "head",
    "heads", "headed", "started", "still",
    "refer", "refers", "referred", "referring", "signpost", "signposts", "signposted", "signposting", "send", "sends",
    "sent", "sending", "passed", "pass", "transferred", "moved", "move", "moving", "introduced",
    "works", "worked", "working", "work", "volunteers", "volunteered", "volunteering", "volunteer", "job",
    "placement", "shifts", "employed", "cleaner", "carer", "carers", "manager", "cook", "starting", "apprenticeship",
    "attends", "attended", "attending",
    "supported", "helped", "run", "funded", "managed", "organised", "organized", "owned", "visited", "contacted",
    "support", "help", "referral", "referrals", "funding", "letter", "someone", "somebody", "worker", "workers",
    "bloke", "lady", "woman", "man",
    "up", "down", "over", "round", "from"})
"""The words a match of :data:`_FACILITY_VERB` can begin with: the first word of each of its ways, which the
look-behind and the space after it make a whole run of letters. In plain ASCII the pattern is tried only where
they stand (:mod:`.cue_scan`); outside ASCII it searches the turn, as its case-blind match reaches letters no
lower-casing gives ("ſent")."""

_AFTER = frozenset({"on", "for", "every", "each", "and", "in", "at", "its", "it's", "it", "they", "they're", "theyre",
                    "we", "he", "she", "i", "you", "with", "because", "cos", "now", "then", "last", "this", "twice",
                    "once", "since", "when", "where", "but", "so", "till", "until", "after", "before", "yeah", "um",
                    "er", "erm", "uh", "like", "a", "which", "that", "who", "as", "about", "by", "near", "from",
                    "again", "most", "all", "to", "or", "there", "mind", "anyway", "though", "instead", "sometimes",
                    "three", "two", "four", "five", "years", "weeks", "months", "is", "was", "were", "are", "had",
                    "has", "have", "do", "did", "does", "the", "nowadays", "still", "really", "actually", "just",
                    "recently", "regularly", "lately", "today", "yesterday", "tomorrow", "over", "up", "down"})
"""Words a name's phrase may end before: a preposition, a conjunction, a pronoun starting the next clause."""

_WHEN = re.compile(r"(?i)^\s*(?:on\s+(?:a\s+|the\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
                   r"|(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b"
                   r"|every\s+(?:day|week|morning|afternoon|evening|night|fortnight|month|other|single|so|"
                   r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
                   r"|(?:once|twice|three\s+times|a\s+couple\s+of\s+times|two\s+days|three\s+days)\s+a\s+"
                   r"(?:week|month|fortnight)"
                   r"|for\s+(?:his|her|their|my|your|our|the|a)?\s*(?:dinner|dinners|lunch|tea|breakfast|meals?|"
                   r"respite|drop\s+in|drop-in|day|sessions?|appointments?|years|ages|months|weeks)\b"
                   r"|for\s+(?:two|three|four|five|six|a\s+few|a\s+couple\s+of|many|some)\s+(?:years|months|weeks)"
                   r"|in\s+the\s+(?:mornings?|afternoons?|week)\b|most\s+(?:days|weeks|mornings)"
                   r"|(?:of|on|at)\s+(?:a|an)\s+(?:morning|afternoon|evening|weekend)"
                   r"|at\s+(?:the\s+)?weekends?|(?:now|since)\b)")
"""When a place is gone to: the second cue of a regular place."""

_KIND_HEADS = (r"day\s+cent(?:re|er)|care\s+home|nursing\s+home|residential\s+home|home|charity|agency|group|"
               r"service|services|centre|center|project|hub|club|place|organisation|organization|company|firm|"
               r"business|shop|store|bakery|cafe|café|pub|school|nursery|church|chapel|trust|team|unit|ward|"
               r"hostel|shelter|practice|surgery|factory|warehouse|garage|salon|caff|takeaway|mosque|temple|"
               r"hospice|hospital|college|academy|refuge|lot|outfit|scheme|programme|network|partnership|"
               r"foundation|association|society|collective|forum|butchers|bakers|greengrocers?|newsagents?|"
               r"supermarket|office|offices|housing\s+association|estate")
_KIND_SAID = re.compile(r"(?i)^(?:[\s,]+" + _WORD + r"){0,6}?[\s,]+(?:it's|its|it\s+is|it\s+was|they're|theyre|"
                        r"they\s+are|they\s+were|that's|thats|which\s+is|which\s+was|that\s+is|the)\s+(?:a\s+|an\s+|the\s+)?"
                        r"(?:" + _WORD + r"\s+){0,3}?(?:" + _KIND_HEADS + r")(?![\w'’-])")
"""What kind of place it is, said after it: "phoenix on mondays, it's a day centre", "homewise, they're an agency"."""
_KIND_BESIDE = re.compile(r"(?i)^,?\s+(?:(?:it's|its|they're|theyre|that's|thats|which\s+is)\s+)?(?:the|a|an)\s+"
                          r"(?:" + _WORD + r"\s+){0,2}?(?:" + _KIND_HEADS + r")(?![\w'’-])")
"""Its kind said right after it: "crumbs the bakery", "homewise, an agency"."""

BARE_KINDS = frozenset({
    "bed", "church", "chapel", "school", "college", "uni", "university", "work", "town", "court", "prison", "jail",
    "gaol", "hospital", "home", "sea", "class", "classes", "mass", "temple", "mosque", "synagogue", "nursery",
    "playgroup", "rehab", "detox", "hospice", "group", "groups", "sleep", "physio", "physiotherapy", "therapy",
    "counselling", "yoga", "bingo", "meetings", "meeting", "housing", "services", "social", "sessions", "session",
    "appointments", "hydro", "dialysis", "chemo", "radiotherapy", "outpatients", "theatre", "surgery", "casualty",
    "a&e", "respite", "daycare", "creche", "mums", "toddlers", "tots", "brownies", "guides", "scouts", "cubs",
    "beavers", "cadets", "choir", "practice", "training", "lessons", "lectures", "seminars", "lunch", "dinner",
    "breakfast", "tea", "supper", "war", "pieces", "bits", "waste", "seed", "ground", "market", "hell", "heaven",
    "pot", "press", "print", "trial", "tribunal", "appeal", "assessment", "assessments",
    "treatment", "recovery", "aa", "na", "ca", "slimming", "weightwatchers", "church's", "matins", "evensong",
    "confession", "communion", "worship", "prayers", "madrassa", "madrasa", "gurdwara", "shul", "cheder",
    "kindergarten", "preschool", "reception", "juniors", "infants", "seniors", "sixth", "tech", "poly", "night",
    "weekends", "lunchtime", "dinnertime", "teatime", "jury", "parliament", "office", "camp", "land",
    "hand", "heart", "mind", "ruin", "rest",
})
"""Nouns English says without an article after "to", "at", "down", because they name a kind of place or a
regular activity, never one place ("goes to church", "back to work", "down to group", "off to bed")."""

DESTINATIONS = frozenset({
    "shop", "shops", "shopping", "pub", "pubs", "park", "parks", "market", "markets", "beach", "seaside", "coast",
    "gym", "pool", "baths", "library", "cinema", "pictures", "theatre", "museum", "zoo", "match", "footy",
    "football", "races", "dogs", "tip", "dump", "shed", "allotment", "allotments", "garden", "woods", "fields",
    "hills", "moors", "lake", "canal", "station", "airport", "bank", "post", "chemist", "chemists",
    "doctors", "doctor's", "dentist", "dentists", "dentist's", "opticians", "hairdressers", "barbers", "bookies",
    "butchers", "bakers", "chippy", "offy", "corner", "front", "back", "top", "bottom", "end", "toilet", "loo",
    "bathroom", "kitchen", "bedroom", "garage", "car", "bus", "train", "office", "council", "police", "court",
    "jobcentre", "hospital", "clinic", "ward", "surgery", "hospice", "home", "hall", "club", "social", "centre",
    "city", "town", "village", "estate", "street", "road", "motorway", "seafront", "prom",
    "promenade", "pier", "arcade", "arcades", "fair", "funfair", "circus", "show", "shows", "concert", "gig", "party",
    "wedding", "funeral", "christening", "do", "pantomime", "panto", "carnival", "festival", "gala", "parade",
    "launderette", "laundrette", "takeaway", "restaurant", "cafe", "café", "caff", "canteen", "pharmacy",
    "supermarket", "newsagents", "precinct", "mall", "retail", "church", "chapel", "cathedral", "mosque",
    "school", "nursery", "college", "university", "uni", "flat", "flats", "house", "bungalow", "caravan", "hotel",
    "b&b", "hostel", "shelter", "refuge", "prison", "nick", "cells", "station's", "crematorium", "cemetery",
    "graveyard", "grave", "crem", "farm", "stables", "kennels", "vets", "vet's", "vet", "ground", "stadium",
    "track", "course", "links", "range", "rink", "bowling", "alley", "lanes", "disco", "nightclub", "club's",
    "hairdresser's", "chemist's", "butcher's", "baker's", "greengrocers", "greengrocer's", "grocers", "deli",
    "workshop", "yard", "docks", "depot", "warehouse", "factory", "mill", "mine", "pit", "site", "offices", "bank's",
    "building", "society", "post office", "polls", "meeting", "meetings", "loft", "attic", "cellar", "basement",
    "lounge", "room", "rooms", "inside", "outside", "window",
    "edge", "limit", "point", "extreme", "extremes", "trouble", "bother", "effort", "lengths", "pieces",
    "same", "other", "next", "one", "ones", "place", "places", "bit", "side", "way", "lot",
})
"""Places everyone goes, said after "the" ("went to the park", "down the shops", "up the allotment"): kinds,
never one place's name, whatever is said around them."""

_PEOPLE = frozenset({
    "staff", "police", "family", "families", "council", "government", "management", "people", "folk", "folks",
    "everyone", "everybody", "nobody", "anybody", "somebody", "someone", "kids", "children", "parents", "team",
    "crew", "nurses", "doctors", "carers", "social", "services", "housing", "nhs", "school", "church", "hospital",
    "work", "neighbours", "friends", "relatives", "gp", "gps", "ambulance", "paramedics", "firemen", "army",
    "navy", "teachers", "lads", "girls", "boys", "men", "women", "ladies", "grandparents", "twins", "both",
    "all", "they", "we", "you", "i", "it", "things", "prices", "times", "news", "benefits", "results",
    "tablets", "meds", "drugs", "pills", "cops", "feds", "authorities", "bosses", "office", "head", "headteacher",
    "manager", "management's", "union", "unions", "press", "media", "public", "locals", "residents", "tenants",
    "landlord", "landlords", "government's", "labour", "tories", "mine", "yours", "ours", "theirs", "his", "hers",
    "these", "those", "that", "this", "there", "here", "what", "who", "which", "some", "most", "many", "few",
    "others", "other", "rest", "lot", "lots", "half", "none", "each", "either", "neither", "cos", "because",
    "yeah", "yes", "no", "well", "so", "and", "but", "or", "then", "now", "um", "er", "erm", "uh", "like", "oh",
    "okay", "ok", "right", "alright", "sorry", "please", "thanks", "just", "also", "still", "maybe", "course",
})
"""Subjects that take a plural verb in British English with no name in them ("staff have", "police were")."""

_CLAUSE_START = frozenset({"and", "but", "so", "then", "yeah", "well", "oh", "because", "cos", "like", "um", "er",
                           "erm", "uh", "and then", "honestly", "now", "anyway", "actually", "mind", "though"})
_PLURAL_VERB = re.compile(r"(?i)(?<=\s)(?:have\s+been|have\s+got|haven't|havent|have|were|weren't|werent|are|aren't|"
                          r"arent|don't|dont|do\s+(?:a|the|lunches|dinners|trips?|activities|meals|classes)|"
                          r"said\s+they|told\s+(?:us|me|him|her|them)\s+they|rang\s+(?:us|me|him|her)\s+and\s+said\s+"
                          r"they)(?:['’](?:d|ll|re|ve))?(?![\w'’-])")
_PLURAL_VERB_CUES = register_cues("facility_cues.plural", {
    "have", "haven", "havent", "were", "weren", "werent", "are", "aren", "arent", "don", "dont", "do", "said", "told",
    "rang"})
"""The first word of each way of :data:`_PLURAL_VERB` (:mod:`.cue_scan`)."""
_SAID_THEY = re.compile(r"(?i)^(?:said|told\s+(?:us|me|him|her|them)|rang\s+(?:us|me|him|her)\s+and\s+said)\s+they")


_NOUNS = frozenset({"NOUN", "PROPN", "X", ""})


class Cued(NamedTuple):
    start: int
    end: int
    category: str
    reason: str
    score: float = 0.75
    """Below the facility heads (0.85) and the other local layers (0.8): a layer that knows the place's kind
    types it ("registered at the elms": a practice); this one only knows someone goes there."""


def _low(word: str) -> str:
    return norm_word(word)


def _kind(low: str, the: bool = False) -> bool:
    """A word that says a kind of place, activity or body, never one (module doc, third bullet); after "the",
    an image a kind list also holds names ("the bridge" the centre, not "bridge" the card game)."""
    from .facilities import ACTIVITIES, GENERIC, HEADS

    bare = low.removesuffix("'s").removesuffix("s'")
    activity = (low in GENERIC or low in ACTIVITIES) and not (the and _image(low))
    return (len(bare) < 3 or not bare.replace("'", "").replace("-", "").isalpha() or low in STOP_WORDS
            or bare in STOP_WORDS or low in FILLERS or bare in CALENDAR or bare in KINSHIP or activity
            or low in HEADS or low in BARE_KINDS or low in DESTINATIONS or _public_possessive(low)
            or bare in DESTINATIONS or low in _CENTRE_KINDS or (low in KIND_WORDS and low not in NAMING_NOUNS)
            or low in public_words() or bare in public_words() or low in _PEOPLE)


def _public_possessive(low: str) -> bool:
    """"tescos", "asdas", "greggses": a chain said with the possessive s speech gives shops."""
    return low.removesuffix("s") in public_words() or low.removesuffix("'s") in public_words()


def _rare(word: str) -> bool:
    """A word no dictionary holds, or of place-name shape: names after any facility verb (module doc)."""
    low = _low(word)
    bare = low.removesuffix("'s")
    return (proper_word(word, True) or compound_place(bare) or place_shaped(bare)
            or (bare.endswith("s") and len(bare) > 5 and (compound_place(bare[:-1]) or place_shaped(bare[:-1]))))


def _image(low: str, landforms: bool = True) -> bool:
    """One of the everyday words local services and houses are named by ("haven", "bridge", "sunflowers");
    with ``landforms``, the naming nouns of places too ("fernbank"'s "bank"), which after "the" are
    where everyone walks ("up the hill", "down the green")."""
    from .facilities import TREE_PLURALS

    bare = low.removesuffix("'s")
    stem = bare[:-1] if bare.endswith("s") else bare
    return any(w in SERVICE_IMAGES or w in PUB_EMBLEMS or w in TREE_PLURALS or (landforms and w in NAMING_NOUNS)
               for w in (bare, stem))


def _phrase(text: str, at: int, cased: bool, the: bool = False) -> list[re.Match[str]]:
    """Up to three words from ``at`` that may be a name: no kind word, no punctuation between; cased text
    needs the capital on each."""
    words: list[re.Match[str]] = []
    pos = at
    ahead = list(re.finditer(_WORD, text[at : at + 60]))[:2]
    said = " ".join(_low(w.group(0)) for w in ahead)
    if len(ahead) == 2 and (said in SERVICE_PHRASES or said.removesuffix("s") in SERVICE_PHRASES) \
            and text[at + ahead[0].end() : at + ahead[1].start()] == " ":
        return ahead  # "open door", "new beginnings": kind words that name together
    for m in re.finditer(_WORD, text[at : at + 60]):
        gap = text[pos : at + m.start()]
        if words and (not gap.isspace() or "\n\n" in gap):
            break
        if words and gap != " " and "\n" not in gap:
            break
        low = _low(m.group(0))
        if cased and not m.group(0)[:1].isupper():
            break
        if len(words) == 3 or low in _AFTER or _kind(low, the):
            break
        words.append(m)
        pos = at + m.end()
    return words


def _names(words: list[str], the: bool, second_cue: bool, cased: bool, kind_beside: bool = False,
           tags: list[str] | None = None) -> bool:
    """The phrase names one place (module doc): each word rare, or all dictionary words with a second cue
    (any such word when its kind is said right after it: "crumbs the bakery")."""
    lows = [_low(w) for w in words]
    if lows[-1].endswith("ing") or (len(lows) == 1 and lows[0].endswith(("ly", "ed"))):
        return False
    phrase = " ".join(lows)
    if phrase in public_words() or phrase in place_names() or any(w in place_names() for w in lows):
        return False
    if len(lows) == 1 and lows[0] in name_lexicon("all") and not in_dictionary(lows[0]):
        return False  # "a letter from okonjo", "works for patel": a person, the name layers' to type
    if all(_rare(w) for w in words):
        return True
    if not second_cue:
        return False
    if phrase in SERVICE_PHRASES or phrase.removesuffix("s") in SERVICE_PHRASES:
        return True
    if tags and tags[-1] not in _NOUNS:
        return False  # "goes to swim on a tuesday", "went to visit every week": a verb, no place
    if cased or kind_beside:
        return True  # a capital on every word and two cues: "to Open Door on a Wednesday"
    if the:
        return len(lows) == 1 and _image(lows[0], landforms=False)
    # no article: a singular count noun cannot stand so unless it names; a plural must be an image's
    if len(lows) == 1:
        return _image(lows[0]) or not lows[0].endswith("s")
    return any(_rare(w) or _image(_low(w)) for w in words) or len(lows) == 2


def _verb_after(pos_at: Mapping[int, str], at: int, words: list[re.Match[str]]) -> bool:
    """The tagger reads a finite verb right after a phrase of two words or more: the phrase was the subject's
    object and its clause ends there ("a worker from fresh start rang me", "help from open door sorted it")."""
    return len(words) > 1 and pos_at.get(at) in {"VERB", "AUX"}


def may_cue(text: str) -> bool:
    """Whether :data:`_FACILITY_VERB` can match in ``text`` (:data:`_VERB_FIRST_WORDS`)."""
    return not text.isascii() or says_any(text, _VERB_FIRST_WORDS)


def cued_spans(text: str, caseless: bool, pos_at: Mapping[int, str] | None = None) -> list[Cued]:
    """Every facility named by a facility verb or an organisation's plural verb in ``text`` (module doc);
    ``pos_at`` (offset → the tagger's part of speech) keeps verbs out of a place's slot."""
    out: list[Cued] = []
    pos_at = {} if pos_at is None else pos_at
    for m in cued_finditer(_FACILITY_VERB, text, _VERB_FIRST_WORDS):
        words = _phrase(text, m.end(), not caseless, m.group("the") is not None)
        if not words:
            continue
        end = m.end() + words[-1].end()
        after = text[end : end + 80]
        nxt = re.match(r"\s*(" + _WORD + r"|[.,;:!?]|$)", after)
        if nxt is None or not (nxt.group(1) == "" or not nxt.group(1)[:1].isalpha() or _low(nxt.group(1)) in _AFTER
                               or _verb_after(pos_at, end + nxt.start(1), words)):
            continue  # the phrase goes on: "goes to the bridge club" is the heads' to judge
        kind = _KIND_SAID.match(after)
        beside = _KIND_BESIDE.match(after) is not None
        strong = m.group("strong") is not None
        second = strong or bool(_WHEN.match(after)) or kind is not None
        surface = [w.group(0) for w in words]
        if m.group("source") and not (second or all(_rare(w) for w in surface)):
            continue
        tags = [pos_at.get(m.end() + w.start(), "") for w in words]
        if not _names(surface, m.group("the") is not None, second, not caseless, beside, tags):
            continue
        category = _category(m.group(0), kind.group(0) if kind else "")
        start = m.end() + words[0].start()
        out.append(Cued(start, end, category, "a place or body named after a verb of going, working or referring"))
    out.extend(_plural_subjects(text, caseless))
    out.extend(after_head_spans(text, caseless))
    return sorted(set(out))


_KIND_CATEGORY = {"bakery": "shop", "greengrocers": "shop", "greengrocer": "shop", "newsagent": "shop",
                  "newsagents": "shop", "butchers": "shop", "bakers": "shop", "supermarket": "shop", "salon": "shop",
                  "takeaway": "shop", "caff": "cafe", "factory": "workplace", "warehouse": "workplace",
                  "garage": "workplace", "office": "workplace", "offices": "workplace", "firm": "workplace",
                  "company": "workplace", "business": "workplace", "home": "care_home", "hostel": "service",
                  "shelter": "service", "refuge": "service", "scheme": "service", "programme": "service",
                  "services": "service", "lot": "org", "outfit": "org", "organisation": "org",
                  "organization": "org", "housing association": "org"}
"""Kinds said after a name that :data:`.facilities.HEADS` does not hold, and the category each types."""


@cache
def _head_patterns() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """Every kind word, longest first, with the pattern of it ending a phrase and the category it types.

    Why made once: merged, sorted and compiled on every call, the kinds (more than the ``re`` module's cache
    holds) cost more per facility found than the search for it."""
    from .facilities import HEADS

    kinds = sorted({**HEADS, **_KIND_CATEGORY}.items(), key=lambda h: (-len(h[0]), h[0]))
    return tuple((head, re.compile(r"(?<![\w'’-])" + re.escape(head) + r"$"), category) for head, category in kinds)


def _category(verb: str, kind: str) -> str:
    said = " ".join(kind.lower().replace("’", "'").split())
    for head, pattern, category in _head_patterns():
        if said.endswith(head) and pattern.search(said):  # (``said`` ends in no newline: ``$`` is its end)
            return category
    if re.search(r"(?i)\b(?:work|works|worked|working|job|employed|cleaner|manager|cook|shifts|placement|"
                 r"apprenticeship)\b", verb):
        return "workplace"
    if re.search(r"(?i)\b(?:refer|refers|referred|referring|signpost\w*|support|help|referral\w*|funding|carer|"
                 r"carers|worker|workers)\b", verb) or said.endswith(("agency", "charity", "lot", "organisation")):
        return "org"
    return "place"


def _plural_subjects(text: str, caseless: bool) -> list[Cued]:
    """"harbourlight have been amazing", "sunrise said they'd ring": a bare singular name taking a plural verb."""
    out: list[Cued] = []
    for v in cued_finditer(_PLURAL_VERB, text, _PLURAL_VERB_CUES):
        before = re.findall(r"[\w'’-]+|[.,;:!?\n]", text[max(0, v.start() - 60) : v.start()])
        said_they = bool(_SAID_THEY.match(text[v.start() :]))
        for n in (1, 2):  # the name's words, then what stands before it
            if len(before) < n or not before[-n][:1].isalpha():
                break
            words = before[-n:]
            prev = _low(before[-n - 1]) if len(before) > n else ""
            if prev and prev not in _CLAUSE_START and prev[:1].isalpha():
                continue  # "the staff have", "my sister's lot were": not at a clause's start
            lows = [_low(w) for w in words]
            if any(_kind(w) or w in _AFTER for w in lows) or lows[-1].endswith(("s", "ing")):
                break
            if not caseless and not all(w[:1].isupper() and not w.isupper() for w in words):
                break
            if not all(_rare(w) for w in words) and not (said_they and n == 1):
                break  # a dictionary word needs "said they" too: "sunrise said they'd ring"
            if any(w in place_names() for w in lows) or " ".join(lows) in public_words():
                break
            end = len(text[: v.start()].rstrip())
            start = end - len(" ".join(words))
            if _low(text[start:end]) != " ".join(lows):
                break  # words apart by more than a space: no one name
            out.append(Cued(start, end, "org", "a body named by the plural verb British English gives it", 0.7))
            break
    return out


@cache
def _after_head_pattern() -> re.Pattern[str]:
    """A kind's head after an article and before up to two words: compiled once (built and looked up in the ``re``
    module's cache on every turn, the long pattern cost a hash and a comparison of its whole text each time)."""
    from .facilities import _HEAD_ALT

    return re.compile(r"(?i)(?<![\w'’-])(?:the|a|an|our|my|his|her|their|this|that)\s+(?:" + _WORD + r"\s+){0,2}?("
                      + _HEAD_ALT + r")(\s*,\s*|\s+)(" + _WORD + r")(?:\s+(" + _WORD + r"))?")


def after_head_spans(text: str, caseless: bool) -> list[Cued]:
    """"the paper shop bradleys", "the housing association, Greenvale Homes, sent a letter": a name said after
    its kind. In captions only words no dictionary holds (a dictionary word after a head is what the place does
    or is: "the shop closed", "the club house"); cased, capitalised words, set off by a comma unless rare."""
    from .facilities import HEADS

    out: list[Cued] = []
    for m in _after_head_pattern().finditer(text):
        head = " ".join(m.group(1).lower().replace("’", "'").split())
        comma = "," in m.group(2)
        words = [w for w in (m.group(3), m.group(4)) if w]
        spans = [(m.start(3), m.end(3))] + ([(m.start(4), m.end(4))] if m.group(4) else [])
        taken: list[tuple[int, int]] = []
        for word, span in zip(words, spans, strict=True):
            low = _low(word)
            if low in _AFTER or _kind(low) or low in place_names() or low in HEADS:
                break
            if low in STOP_WORDS or low.split("'")[0] in STOP_WORDS:
                break  # "the dual diagnosis lead for the trust, I've been": a pronoun, whatever its capital
            if caseless and not _rare(word):
                break
            if not caseless and (not word[:1].isupper() or word.isupper() or not (comma or _rare(word))):
                break
            taken.append(span)
        if not taken:
            continue
        end = taken[-1][1]
        nxt = re.match(r"\s*(" + _WORD + r"|[.,;:!?]|$)", text[end : end + 40])
        if nxt is None or not (nxt.group(1) == "" or not nxt.group(1)[:1].isalpha() or _low(nxt.group(1)) in _AFTER
                               or _low(nxt.group(1)) in HEADS or _kind(_low(nxt.group(1))) or (not caseless and comma)):
            continue
        if " ".join(_low(text[a:b]) for a, b in taken) in public_words():
            continue
        out.append(Cued(taken[0][0], end, HEADS[head], "a name said right after its kind", 0.8))
    return out


_GONE_TO = re.compile(_FACILITY_VERB.pattern + r"$")
_SUBJECT_VERBS = frozenset({"is", "was", "are", "were", "have", "has", "had", "do", "did", "does", "said", "says",
                            "closed", "shut", "opened", "rang", "phoned", "sent", "helped", "told", "offered", "run",
                            "runs", "ran", "put", "gave", "give", "got", "arranged", "organise", "organised",
                            "been", "will", "would", "could", "can", "can't", "won't", "wouldn't", "couldn't",
                            "isn't", "wasn't", "they're", "it's"})


def said_as_facility(form: str, text: str, start: int, end: int) -> bool:
    """A name this transcript gave a facility is that facility again at ``text[start:end]`` where the words
    around say so as they did the first time: after a verb of going, working or referring ("she still goes to
    juniper"), or as the subject of a clause ("juniper do a trip", "phoenix is lovely", "turning tides have
    been brilliant"). One dictionary word recurs so only if it is an image services take and no destination
    ("phoenix", "juniper"; not "the station" of "station road")."""
    words = form.split()
    if len(words) == 1 and in_dictionary(words[0]) and (not _image(words[0], landforms=False) or _kind(words[0])):
        return False
    if _GONE_TO.search(text[max(0, start - 60) : start]):
        return True
    before = re.findall(r"[\w'’-]+|[.,;:!?\n]", text[max(0, start - 30) : start])
    prev = _low(before[-1]) if before else ""
    if prev and prev not in _CLAUSE_START and prev[:1].isalpha():
        return False
    after = re.match(r"\s+([\w'’-]+)", text[end : end + 30])
    return after is not None and _low(after.group(1)) in _SUBJECT_VERBS
