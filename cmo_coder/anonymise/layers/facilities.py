"""Named local facilities nobody registered, in any casing: "the sunflower day centre", "the oaks care home",
"the kestrel club", "an agency called carewell", "bright horizons the agency", "the lunch club at greenbank",
"lives up on ropewalk".

Where someone goes every week (a day centre, a lunch club, a care home, a café, the shop they work in, a
church, a nursery) places them within a street or two, and a care home or a day centre names the very
building. Captions write all of these in lower case, so the name's capitals cannot tell "the sunflower day
centre" from "the dementia day centre"; the shape of the phrase and the words in it do:

* **a facility's head** (:data:`HEADS`: "day centre", "care home", "club", "café", "shop", "school",
  "nursery", "agency", "trust", "group" ...), which also types the placeholder ("[day centre name]",
  "[care home name]");
* **name words** right before it, after an article or a preposition: what is left once the closed list of
  generic modifiers (:data:`GENERIC`: "local", "new", "old", "council", "nhs", "community", "day",
  "drop-in", "dementia", "nursing" ...) is set aside. In cased text a name word carries its capital. In
  captions it is a word of proper-name kind (no dictionary word, a listed surname or place, a word of
  place-name shape: "bramblewick", "hartleys"), or one of the everyday nouns English local names are made
  of: trees, landforms, old buildings, the images services take ("the oaks", "the willows", "the
  sunflower", "the kestrel"). Any other dictionary word says a kind ("the lunch club", "the old day
  centre", "the corner shop") and is left alone. Once one word names, the adjectives and nouns before it
  up to the article join it ("the bright horizons agency");
* **what the speaker says around it**: "a care home called rosedene", "bright horizons, the agency",
  "the lunch club at st aidans" (the place after "at" named by the same test), the plural of a tree said
  as a place ("went to the hollies"), and a street said without its suffix after a word of movement or
  residence ("lives up on ropewalk", "walked along tanners"): a word no dictionary holds and subtitles seldom
  write in lower case, which the tagger reads as a noun, so "up on holiday", "down on benefits" stay.

Public names win: a chain, a national charity or a public body on the allow-list ("the Tesco on Mill
Lane", "Age UK") is removed from what this layer proposes by the allow-list, and this layer proposes no
word of it in the first place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

from spacy.attrs import IDX, POS
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from .cue_scan import cued_finditer, first_runs, register_cues
from .facility_cues import cued_spans
from .naming import KIND_WORDS, NAMING_NOUNS, compound_place, norm_word, proper_word, public_words, said_words
from .pubs import PUB_EMBLEMS
from .said_from import said_from
from .services import SERVICE_IMAGES, SERVICE_PHRASES
from .sites import _CENTRE_KINDS, _NOT_NAMES, place_shaped
from .streets import STREET_HEADS
from .words import (
    CALENDAR,
    FILLERS,
    KINSHIP,
    PEOPLES,
    SELDOM_LOWER,
    in_dictionary,
    is_everyday,
    lowercase_usage,
    place_names,
)

HEADS: dict[str, str] = {
    # day services
    "day centre": "day_centre", "day center": "day_centre", "day centres": "day_centre",
    "day care centre": "day_centre",
    "day services": "day_centre", "day service": "day_centre", "resource centre": "day_centre",
    # care homes
    "care home": "care_home", "nursing home": "care_home", "residential home": "care_home", "rest home": "care_home",
    "retirement home": "care_home", "care village": "care_home", "respite home": "care_home",
    "old people's home": "care_home", "old peoples home": "care_home",
    # clubs and groups
    "club": "club", "social club": "club", "lunch club": "club", "luncheon club": "club", "youth club": "club",
    "group": "org", "support group": "org", "carers group": "org", "carers' group": "org",
    # cafés and shops
    "café": "cafe", "cafe": "cafe", "caff": "cafe", "coffee shop": "cafe", "tea room": "cafe", "tea rooms": "cafe",
    "tearoom": "cafe", "tearooms": "cafe", "coffee house": "cafe",
    "shop": "shop", "shops": "shop", "store": "shop", "stores": "shop", "newsagents": "shop", "newsagent": "shop",
    "newsagent's": "shop", "chippy": "shop", "chip shop": "shop", "takeaway": "shop", "supermarket": "shop",
    "launderette": "shop", "hairdressers": "shop", "hairdresser's": "shop", "salon": "shop", "barbers": "shop",
    "barber's": "shop", "florists": "shop", "butchers": "shop", "butcher's": "shop", "bakers": "shop",
    "baker's": "shop", "garden centre": "shop", "off licence": "shop", "offy": "shop", "minimart": "shop",
    # schools and nurseries
    "school": "school", "high": "school", "primary": "school", "primary school": "school", "infants": "school",
    "infant school": "school", "junior school": "school", "juniors": "school", "high school": "school",
    "secondary school": "school", "academy": "school", "college": "school", "sixth form": "school",
    "nursery": "school", "pre-school": "school", "preschool": "school", "playgroup": "school",
    "comprehensive": "school", "grammar school": "school", "special school": "school",
    # health
    "hospital": "hospital", "hospice": "hospital", "unit": "hospital", "ward": "ward", "surgery": "practice",
    "practice": "practice", "medical centre": "practice", "health centre": "practice",
    # worship
    "church": "church", "chapel": "church", "parish church": "church", "methodist church": "church",
    "baptist church": "church", "mosque": "mosque", "masjid": "mosque", "gurdwara": "gurdwara", "temple": "temple",
    "mandir": "temple", "synagogue": "synagogue",
    # local organisations and agencies
    "agency": "org", "care agency": "org", "trust": "org", "charity": "org", "foundation": "org",
    "association": "org", "society": "org", "partnership": "org", "network": "org", "collective": "org",
    "forum": "org", "team": "service", "project": "service", "hub": "service", "centre": "service", "center": "service",
    "estate": "estate", "pub": "pub", "arms": "pub", "inn": "pub", "tavern": "pub",
    # local sports clubs, named by what ends a team's name ("parkside rangers", "harrowfield athletic")
    "rangers": "club", "athletic": "club", "wanderers": "club", "harriers": "club", "rovers": "club",
    "colts": "club", "dynamos": "club", "united": "club", "fc": "club", "afc": "club", "jfc": "club", "rfc": "club",
    "rlfc": "club", "arlfc": "club", "abc": "club", "cricket club": "club", "football club": "club",
    "rugby club": "club", "boxing club": "club", "golf club": "club", "bowls club": "club", "tennis club": "club",
    "sports club": "club", "swimming club": "club", "athletics club": "club", "running club": "club",
}
"""Facility heads (as said, lower case) and the category that types their placeholder."""

_LOOSE_HEADS = frozenset({"high", "team", "club", "group", "shop", "shops", "store", "stores", "trust", "society",
                          "network", "forum",
                          "association", "partnership", "collective", "foundation", "project", "hub", "centre",
                          "center", "unit", "ward", "primary", "comprehensive", "juniors", "infants", "practice",
                          "surgery", "academy", "college", "school", "charity", "agency", "salon", "takeaway",
                          "estate", "pub", "arms", "inn", "tavern", "temple", "chapel", "church", "hospital",
                          "hospice", "supermarket", "rangers", "athletic", "wanderers", "harriers", "rovers", "colts",
                          "dynamos", "united", "fc", "afc", "jfc", "rfc", "rlfc", "arlfc", "abc"})
"""Heads also said of a kind, an activity or a body ("the book club", "the corner shop", "the trust", "good
practice"): in captions only after an article or preposition, and only a word of proper-name kind or a
naming noun names before them."""

OPEN_HEADS = frozenset({"club", "day centre", "day center", "day centres", "day care centre", "care home",
                        "nursing home", "residential home", "rest home", "retirement home", "playgroup", "tea rooms",
                        "tearooms"})
"""Heads whose kinds are few and all listed in :data:`GENERIC` and :data:`ACTIVITIES` (what a club does, who a
day centre or a care home is for): in captions any other noun before them names one ("the friendship club",
"the jubilee day centre"), as the tagger reads it. Not "team": health and care teams are named by what they do,
in more ways than any list holds ("the falls team", "the reablement team", "the discharge team"); a team named
by an image ("the harbour team") is still read by :data:`SERVICE_IMAGES`."""

ACTIVITIES = frozenset({
    "drama", "jazz", "comedy", "judo", "karate", "taekwondo", "kickboxing", "athletics", "gymnastics", "netball",
    "hockey", "badminton", "squash", "rowing", "sailing", "climbing", "rambling", "ramblers", "hiking", "camera",
    "photography", "science", "computer", "computing", "coding", "lego", "chess", "draughts", "dominoes", "cards",
    "whist", "quiz", "poetry", "writers", "history", "heritage", "nature", "wildlife", "birdwatching", "garden",
    "allotment", "supporters", "fan", "fans", "country", "golf", "night", "strip", "gentlemen's", "gentlemens",
    "boys", "girls", "ladies", "lads", "working", "men's", "women's", "bowls", "pool", "snooker", "billiards",
    "fishing", "angling", "cycling", "running", "jogging", "swimming", "diving", "surf", "surfing", "ski", "skiing",
    "skating", "dance", "ballet", "tap", "salsa", "zumba", "pilates", "aerobics", "fitness", "health", "sports",
    "sport", "rugby", "football", "cricket", "tennis", "boxing", "darts", "bingo", "film", "cinema", "book",
    "reading", "knitting", "sewing", "craft", "crafts", "art", "arts", "music", "singing", "choir", "gardening",
    "cookery", "cooking", "lunch", "breakfast", "homework", "youth", "kids", "toddler", "toddlers", "baby", "mums",
    "parents", "carers", "social", "sunday", "saturday", "tuesday", "monday", "wednesday", "thursday", "friday",
    "model", "railway", "train", "car", "motor", "motorbike", "bike", "biker", "bikers", "vintage", "classic",
    "stamp", "coin", "antique", "wine", "beer", "cheese", "supper", "dinner", "tea", "coffee", "luncheon",
    "memory", "dementia", "stroke", "heart", "cancer", "diabetes", "parkinson's", "parkinsons", "carer", "blind",
    "deaf", "elderly", "pensioners", "retired", "veterans", "army", "navy", "rafa", "legion", "conservative",
    "labour", "liberal", "rotary", "lions", "round", "table", "masonic", "scouts", "guides", "brownies", "cubs",
    "beavers", "rainbows", "cadets", "brigade", "youthclub", "holiday", "summer", "christmas", "easter",
    "nursing", "residential", "respite", "care", "emi", "specialist", "private", "council", "local", "family",
    "friendly", "happy", "lovely", "nice", "good", "great", "best", "big", "small", "little", "old", "new", "whole",
    "same", "other", "next", "first", "last", "only", "own", "different", "right", "wrong", "proper", "real",
    "crisis", "home", "treatment", "outreach", "support", "mental", "community", "district", "team", "teams", "club",
    "clubs", "day", "drop", "walking", "talking", "listening", "after",
})
"""What a club does or who it is for, what a day centre or care home serves, as said before the head:
kinds, never names ("the drama club", "the nursing home", "the dementia day centre")."""

GENERIC = frozenset({
    # what a health or care team does, said before "team", "service" or "unit" (few dictionaries hold some)
    "falls", "reablement", "enablement", "discharge", "frailty", "continence", "safeguarding", "liaison",
    "intermediate", "palliative", "telecare", "telehealth", "physio", "physiotherapy", "podiatry", "wound",
    "homecare", "domiciliary", "triage", "duty", "intake", "resettlement", "rapid", "response",
    "locality", "integrated", "enhanced", "ot", "occupational", "respiratory", "diabetic",
    "local", "new", "old", "council", "nhs", "community", "private", "day", "drop-in", "drop", "in", "main",
    "little", "big", "own", "that", "this", "mental", "health", "memory", "dementia", "nursing", "residential",
    "care", "elderly", "older", "people's", "peoples", "adult", "adults", "children's", "childrens", "kids", "youth",
    "family", "families", "carers", "carer's", "carers'", "parent", "parents", "women's", "womens", "men's", "mens",
    "lunch", "luncheon", "breakfast", "tea", "coffee", "social", "support", "peer", "recovery", "respite", "day-care",
    "stroke", "cardiac", "cancer", "rehab", "rehabilitation", "assessment", "acute", "intensive", "psychiatric",
    "secure", "specialist", "general", "district", "county", "city", "town", "village", "corner", "charity",
    "high", "primary", "secondary", "junior", "infant", "special", "grammar", "catholic", "rc", "cofe",
    "methodist", "baptist", "parish", "anglican", "pentecostal", "evangelical", "church", "faith", "sunday",
    "weekly", "monthly", "nearest", "usual", "same", "other", "whole", "next", "last", "first", "second", "third",
    "book", "knitting", "sewing", "craft", "crafts", "art", "arts", "music", "singing", "choir", "dance", "dancing",
    "walking", "running", "cycling", "swimming", "football", "rugby", "cricket", "golf", "tennis", "bowls", "bowling",
    "boxing", "darts", "snooker", "bingo", "chess", "bridge", "film", "gardening", "cookery", "cooking", "reading",
    "writing", "fishing", "angling", "gym", "fitness", "exercise", "yoga", "keep-fit", "slimming", "weight",
    "supper", "dinner", "evening", "morning", "afternoon", "night", "weekend", "holiday", "summer",
    "after-school", "afterschool", "school", "homework", "study", "job", "jobs", "work", "employment", "housing",
    "food", "clothes", "card", "gift", "phone", "mobile", "computer", "bike", "pet", "toy", "sweet",
    "chip", "fish", "paper", "pound", "discount", "convenience", "grocery", "farm", "garden", "gardens",
    "bookie's", "bookies", "betting", "vape", "hardware", "furniture", "shoe",
    "second-hand", "secondhand", "vintage", "thrift", "antique", "antiques", "pawn", "kebab", "pizza",
    "indian", "chinese", "italian", "polish", "asian", "african", "caribbean", "turkish", "greek", "english",
    "irish", "scottish", "welsh", "british", "muslim", "jewish", "sikh", "hindu", "christian", "deaf", "blind",
    "lgbt", "lgbtq", "gay", "trans", "black", "white", "bereavement", "grief", "hearing", "sight", "autism",
    "learning", "disability", "disabilities", "mum", "mums", "mother", "mothers", "toddler", "toddlers", "baby",
    "babies", "dad", "dads", "men", "women", "girls", "boys", "over", "fifties", "sixties", "seventies", "eighties",
    "veterans", "ex-forces", "forces", "army", "navy", "police", "fire", "crisis", "substance", "drug", "drugs",
    "alcohol", "addiction", "detox", "homeless", "hostel", "refugee", "asylum", "advice", "advocacy", "counselling",
    "therapy", "therapeutic", "wellbeing", "well-being", "medical", "dental", "gp", "gp's", "doctor's", "doctors",
    "eye", "maternity", "children", "boarding", "state", "independent", "free", "comp", "sixth", "form", "nursery",
    "play", "pre", "infants", "juniors", "staff", "patients", "visitors", "hospital", "ward", "unit", "clinic",
    "the", "a", "an", "st", "saint", "royal", "national", "regional", "central", "north", "south", "east", "west",
    "upper", "lower", "great", "long", "broad", "good", "best", "bad", "nice", "lovely", "decent", "proper",
    "small", "large", "huge", "tiny", "posh", "cheap", "expensive", "busy", "quiet", "open", "closed", "empty",
    "full", "temporary", "permanent", "online", "virtual", "zoom", "outreach", "volunteer", "volunteers",
    "voluntary", "users", "user", "service", "services", "day-centre", "centre", "center", "home", "homes",
    "resident", "residents", "tenants", "tenant", "neighbourhood", "residents'", "tenants'", "sports",
    "sport", "working", "workingmen's", "labour", "conservative", "liberal", "legion", "welfare", "miners",
})
"""Words said between an article and a facility's head that say a kind of facility, never its name (module
doc): size, age, who it serves, what it does, when it meets, what it sells, its faith or its funder."""

_SCHOOL_SHORT = frozenset({"high", "primary", "comprehensive", "juniors", "infants", "academy", "college"})
_NOT_SCHOOL_AFTER = re.compile(r"(?i)^\s+(?:street|st|road|rd|lane|care|school|dependency|unit|team|ward|"
                               r"level|levels|risk|blood|alert|court|sheriff|commission)\b")
"""After a school said by its short head, words that make the head something else ("high street", "primary care")."""
_DEMONYM_ENDINGS = ("ian", "ish", "ese", "ean", "ican", "istani", "eshi", "ani", "ali")
_BOUNDARY = frozenset({"the", "a", "an", "at", "to", "from", "in", "into", "with", "by", "for", "on", "near", "of",
                       "down", "up", "round", "around", "outside", "inside", "behind", "opposite", "past", "via",
                       "called", "named", "our", "my", "his", "her", "their", "your", "its", "and", "or", "but", "so",
                       "then", "because", "cos", "that", "this", "visit", "visited", "visiting", "left", "leave",
                       "joined", "join", "attends", "attended", "attend", "went", "go", "goes", "going", "like",
                       "about", "is", "was", "were", "are", "onto", "towards", "through", "across", "over"})
"""Words that may stand right before a facility's name in captions: an article, a preposition, a possessive,
a conjunction, a verb of going ("goes to the ...", "attends ...")."""
_SAINT = frozenset({"st", "st.", "saint", "ss"})
_WORD = r"[^\W\d_][\w'’-]*"
_HEAD_ALT = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(HEADS, key=lambda h: (-len(h), h)))
_HEAD_RE = re.compile(r"(?i)(?<![\w'’-])(" + _HEAD_ALT + r")(?![\w'’-])")
_HEAD_FIRST_WORDS = frozenset(h.split()[0] for h in HEADS)
_HEAD_CUES = register_cues("facilities.head", first_runs(HEADS))
"""The first word of each way of :data:`_HEAD_RE` (:mod:`.cue_scan`)."""


class Found(NamedTuple):
    start: int
    end: int
    category: str
    reason: str
    score: float = 0.85
    """Above the other local layers (0.8) where the head types the place; below them where only the words
    around say a place, so a layer that knows its kind ("registered at the Elms": a practice) types it."""


def _low(word: str) -> str:
    return norm_word(word)


_VERB_CONTRACTIONS = ("'m", "'re", "'ve", "'ll", "'d", "n't")
"""Endings of a word that holds a verb ("I'm", "we're", "they've"): such a word names nothing."""


def _is_name_word(word: str, caseless: bool, head: str, sentence_start: bool = False, pos: str | None = None) -> bool:
    """``word`` can be (the last word of) a facility's name before ``head`` (module doc)."""
    low = _low(word)
    bare = low.removesuffix("'s").removesuffix("s'")
    if low.endswith(_VERB_CONTRACTIONS):
        return False  # "So I'm school nursing", "we've school on Monday": a pronoun and its verb, never a name
    if (len(bare) < 3 or not bare.replace("'", "").replace("-", "").isalpha() or low in STOP_WORDS
            or bare in STOP_WORDS or low in GENERIC or bare in GENERIC or low in FILLERS or bare in CALENDAR
            or low in KINSHIP or bare in KINSHIP or low in _NOT_NAMES or low in _CENTRE_KINDS
            or (low in KIND_WORDS and low not in NAMING_NOUNS) or low in HEADS or low.endswith("ing")
            or low in PEOPLES or bare in PEOPLES):
        return False  # a people's word says what a shop sells or who runs it ("the East European shop")
    if (low in public_words() or bare in public_words()) and (
            HEADS.get(head) in {"shop", "cafe", "pub"} or not (low in SERVICE_IMAGES or low in NAMING_NOUNS)):
        return False  # "the Tesco store", "the Greggs cafe": a chain; "the Kestrel Club" is named by a bird
    if not caseless:
        if not word[:1].isupper() or (word.isupper() and len(word) > 1) or sentence_start:
            return False
        return not low.endswith(_DEMONYM_ENDINGS) or not in_dictionary(low)
    if low.endswith("'s") and is_everyday(bare):
        return False  # "my mum's home", "the kids' club": whose, not which
    if proper_word(word, True) or compound_place(low) or place_shaped(low):
        return True
    if (head in OPEN_HEADS and (pos in {"NOUN", "PROPN"} or (pos == "ADJ" and _noun_read_as_adjective(low)))
            and low not in ACTIVITIES and bare not in ACTIVITIES
            and len(low) >= 4 and not low.endswith(("ing", "ers", "ics"))):
        return True  # "the friendship club", "the jubilee day centre": no kind, so a name
    loose = head in _LOOSE_HEADS or HEADS.get(head) in {"shop", "cafe", "club", "org"}
    images = low in SERVICE_IMAGES or bare in SERVICE_IMAGES or low in PUB_EMBLEMS
    if loose:
        return images and low not in {"bridge", "spring", "star", "sun", "moon", "junction", "engine", "coach"}
    return low in NAMING_NOUNS or images or (low.endswith("s") and low[:-1] in NAMING_NOUNS)


_ADJECTIVE_ENDINGS = ("al", "ful", "ous", "ive", "ic", "able", "ible", "less", "ish", "y", "ly", "ed", "est", "ant",
                      "ent", "ary", "ory", "ern", "er", "ile", "id")
_ADJECTIVES = frozenset({"secret", "top", "smart", "cool", "hot", "cold", "warm", "dark", "bright", "quiet", "loud",
                         "fine", "free", "safe", "sound", "strong", "weak", "young", "rich", "poor", "kind", "wide",
                         "deep", "fast", "slow", "hard", "soft", "late", "early", "fresh", "clean", "bare", "brave",
                         "calm", "true", "wise", "wild", "rare", "common", "modern", "mixed", "open", "closed",
                         "main", "senior", "junior", "exclusive", "complete", "absolute", "entire", "separate",
                         "actual", "present", "recent", "usual", "single", "double", "final", "front", "back"})


def _noun_read_as_adjective(low: str) -> bool:
    """Captions: the tagger often reads an unknown noun before a head as an adjective ("the pelican club");
    a word with no adjective's ending and no common adjective is taken as the noun it most likely is."""
    return len(low) >= 4 and low not in _ADJECTIVES and not low.endswith(_ADJECTIVE_ENDINGS)


def _words_before(text: str, end: int, limit: int = 4) -> tuple[list[re.Match[str]], int]:
    """The last ``limit`` words before ``end`` (nearest last), stopping at punctuation other than apostrophes."""
    chunk_start = max(0, end - 80)
    chunk = text[chunk_start:end]
    cut = max(chunk.rfind(c) for c in ".,;:!?\n()\"…")
    if cut >= 0:
        chunk_start += cut + 1
    return list(re.finditer(_WORD, text[chunk_start:end]))[-limit:], chunk_start


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:\n\"“"


_ARTICLES = frozenset({"a", "an", "the"})


def headed_spans(text: str, caseless: bool, pos_at: Mapping[int, str] | None = None) -> list[Found]:
    """[article/preposition] + name words + a facility's head (module doc, first two bullets)."""
    out: list[Found] = []
    pos_at = {} if pos_at is None else pos_at
    for m in cued_finditer(_HEAD_RE, text, _HEAD_CUES):
        head = " ".join(m.group(1).lower().replace("’", "'").split())
        category = HEADS[head]
        if head in _SCHOOL_SHORT and _NOT_SCHOOL_AFTER.match(text[m.end():]):
            continue  # "ashdale high street", "the primary care team"
        # "the Sunflower day centre" is fine; a loose head in lower case needs a name that is no movement's
        cased_ok = not caseless and head in _LOOSE_HEADS and not m.group(1)[:1].isupper()
        words, offset = _words_before(text, m.start())
        # set aside generic modifiers right before the head ("the oaks residential care home")
        i = len(words) - 1
        while i >= 0 and (_low(words[i].group(0)) in GENERIC and _low(words[i].group(0)) not in _SAINT):
            i -= 1
        if i < 0 or i < len(words) - 3:
            continue
        apposed = any(_low(w.group(0)) in _ARTICLES for w in words[i + 1:])
        # "the Phil's a pub": an article between a word and the head ends the name before it, and the head
        # after it says what the name is ("Hartleys the butchers"), so the name goes alone and "a pub" stays
        last = words[i]
        if apposed and (said_from(last.group(0)) or _low(last.group(0)) in STOP_WORDS):
            continue  # "chidi fae the pub", "we went in the pub": a word of where, no name
        possessive = _low(last.group(0)).endswith(("'s", "s'"))
        if possessive and (head.endswith("s") or _low(last.group(0))[:-2] in STREET_HEADS):
            continue  # "Attercliffe Road's shops", "the Smiths' shops": whose shops, not one named
        if i >= 1 and f"{_low(words[i - 1].group(0))} {_low(last.group(0))}" in SERVICE_PHRASES:
            # "the stepping stones playgroup", "the new leaf project": a phrase services are named by
            out.append(Found(offset + words[i - 1].start(), m.end(), category,
                             f"{category.replace('_', ' ')} named before its head"))
            continue
        if not _is_name_word(last.group(0), caseless, head, _sentence_start(text, offset + last.start()),
                             pos_at.get(offset + last.start())):
            continue
        if cased_ok and not _cased_loose_ok(last.group(0), head):
            continue
        first = i
        while first > 0 and i - first < 2:
            prev = words[first - 1].group(0)
            lowp = _low(prev)
            if lowp in _SAINT:
                first -= 1
                break
            if _is_name_word(prev, caseless, head, _sentence_start(text, offset + words[first - 1].start())):
                first -= 1
                continue
            if caseless and _joins(prev) and first - 1 > 0 and _low(words[first - 2].group(0)) in {"the", "a", "an"}:
                first -= 1  # "the bright horizons agency": the adjective up to the article joins the name
                continue
            break
        boundary = _low(words[first - 1].group(0)) if first > 0 else None
        if caseless and (head in _LOOSE_HEADS or category in {"shop", "cafe", "club", "org"}) \
                and boundary not in _BOUNDARY and not _sentence_start(text, offset + words[first].start()):
            continue  # "they said kestrel club": a loose head needs its article or preposition in captions
        start = offset + words[first].start()
        surface = " ".join(text[start:m.start()].lower().replace("’", "'").split())
        if " " in surface and (surface in public_words() or surface.removesuffix("'s") in public_words()):
            continue  # one word was judged above ("the Kestrel Club" named by a bird, not the lager)
        end = offset + last.end() if apposed else m.end()
        out.append(Found(start, end, category, f"{category.replace('_', ' ')} named before its head"))
    return out


_CASED_LOOSE_KINDS = frozenset({"labour", "conservative", "rotary", "lions", "women's", "mothers'", "scouts"})


def _cased_loose_ok(word: str, head: str) -> bool:
    """Cased text, a loose head written in lower case ("the Kestrel club"): the capital of the name alone says a
    name unless it is a word written with a capital anyway (a party, a movement)."""
    return _low(word) not in _CASED_LOOSE_KINDS


def _joins(word: str) -> bool:
    """A caption word that may join a name begun by a naming word after it: an adjective or noun of the
    dictionary that says no kind ("bright", "golden", "silver"), never a verb form or a function word."""
    low = _low(word)
    return (low.isalpha() and len(low) >= 3 and low not in STOP_WORDS and low not in GENERIC and low not in KIND_WORDS
            and low not in FILLERS and low not in CALENDAR and not low.endswith(("ing", "ed", "ly")))


# ------------------------------------------------------------------------------ "a care home called rosedene"
_CALLED_HEADS = {**HEADS, "place": "place", "firm": "workplace", "company": "workplace", "outfit": "org",
                 "organisation": "org", "organization": "org", "lot": "org", "business": "workplace",
                 "home": "care_home", "centre": "service", "service": "service", "team": "service"}
_CALLED_ALT = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(_CALLED_HEADS, key=lambda h: (-len(h), h)))
_CALLED = re.compile(r"(?i)(?<![\w'’-])(" + _CALLED_ALT + r")\s+(?:that\s+was\s+|which\s+was\s+|which\s+is\s+|"
                     r"that's\s+|was\s+|is\s+|they\s+call\s+|we\s+call\s+)?(?:called|named|known\s+as)\s+(?:the\s+)?"
                     # "the centre they call the ark", "a group we all call the natterers": the name after the call
                     r"|(" + _CALLED_ALT + r")\s+(?:that\s+|which\s+)?(?:they|we|people|everyone|everybody|folk)"
                     r"(?:\s+all)?\s+call(?:s|ed)?\s+(?:it\s+)?(?:the\s+)?"
                     # "the day centre she goes to is called larchmont", "the shop at the end called pennies"
                     r"|(" + _CALLED_ALT + r")((?:\s+(?!(?:called|named)\b)" + _WORD + r"){1,5}?)\s+"
                     r"(?:(is|was|it's|its|it\s+is|it\s+was|that's|which\s+is|which\s+was)\s+)?(?:called|named)\s+"
                     r"(?:the\s+)?")
_CALLED_STOP = frozenset(STOP_WORDS) | {"yeah", "um", "er", "erm", "uh", "like", "now", "then", "there", "here",
                                        "and", "but", "so", "cos", "because", "which", "who", "where", "when"}


def called_spans(text: str, caseless: bool) -> list[Found]:
    """"a care home called rosedene", "an agency called carewell", "a shop called bits and bobs": after a
    facility's head and "called", the words up to where the phrase ends name it, whatever they are."""
    out: list[Found] = []
    for m in _CALLED.finditer(text):
        head = " ".join((m.group(1) or m.group(2) or m.group(3)).lower().replace("’", "'").split())
        category = _CALLED_HEADS[head]
        if m.group(3) and not m.group(5) and _low(m.group(4).split()[-1]) in _CALLERS:
            continue  # "the agency my sister called yesterday": a call made, no name given
        words = list(re.finditer(_WORD, text[m.end() : m.end() + 60]))
        taken: list[re.Match[str]] = []
        for k, w in enumerate(words[:4]):
            low = _low(w.group(0))
            gap = text[m.end() + (taken[-1].end() if taken else 0) : m.end() + w.start()]
            if taken and not gap.isspace():
                break  # punctuation ends the name
            if low == "and" and taken and k + 1 < len(words) and _called_name(words[k + 1].group(0), caseless) \
                    and (k + 2 >= len(words) or _low(words[k + 2].group(0)) in _CALLED_STOP):
                taken.append(w)  # "bits and bobs", "fox and hounds"
                continue
            if low in _CALLED_STOP or not _called_name(w.group(0), caseless):
                break
            taken.append(w)
        if not taken or taken[0] is not words[0]:
            continue
        start, end = m.end() + taken[0].start(), m.end() + taken[-1].end()
        if _low(text[start:end]) in public_words() or _low(text[start:end]) in GENERIC:
            continue
        out.append(Found(start, end, category, f"{category.replace('_', ' ')} named after its kind and 'called'"))
    return out


_CALLERS = frozenset(STOP_WORDS) | KINSHIP | {"someone", "somebody", "council", "doctor", "gp", "nurse", "social",
                                             "worker", "they've", "we've", "i've", "she'd", "he'd", "staff"}
"""Who makes a call: "the agency mum called" says nothing of the agency's name."""


def _called_name(word: str, caseless: bool) -> bool:
    low = _low(word)
    if len(low) < 2 or low in FILLERS or low in CALENDAR or low in KINSHIP:
        return False
    return caseless or word[:1].isupper() or low == "and"


# ------------------------------------------------------------------------------ "bright horizons, the agency"
_APPOSED = re.compile(r"(?i)\b(?:at|from|with|to|for|in|into|by|via|through|called|joined|and|the)\s+("
                      + _WORD + r"(?:\s+" + _WORD + r"){0,2}?)(,)?\s+"
                      r"(?:that's\s+|thats\s+|which\s+is\s+|it's\s+|its\s+)?"
                      r"(the|a|an)\s+((?:" + _WORD + r"\s+){0,2}?)(" + _HEAD_ALT + r")(?![\w'’-])")


def apposed_spans(text: str, caseless: bool) -> list[Found]:
    """"from bright horizons, the agency", "at hartleys the butchers", "in fernleigh house, the care home": a name
    after a preposition and what kind of place it is after it. In captions each name word must name on its own
    test or join one that does; cased, each carries its capital."""
    out: list[Found] = []
    for m in _APPOSED.finditer(text):
        head = " ".join(m.group(5).lower().replace("’", "'").split())
        category = HEADS[head]
        between = [_low(w) for w in m.group(4).split()]
        if any(w not in GENERIC and w not in ACTIVITIES for w in between):
            continue
        words = m.group(1).split()
        lows = [_low(w) for w in words]
        if any(w in STOP_WORDS or w in GENERIC or w in HEADS or w in FILLERS or said_from(w) for w in lows):
            continue  # "called chidi fae the pub": a man from the pub (.said_from)
        if caseless:
            naming = [_is_name_word(w, True, "agency") or _is_name_word(w, True, "care home") for w in words]
            if not naming[-1] and not any(naming):
                continue
            if not all(n or _joins(w) for n, w in zip(naming, words, strict=True)):
                continue
        elif not all(w[:1].isupper() for w in words) or not m.group(2):
            continue
        surface = " ".join(lows)
        if surface in public_words() or surface in place_names():
            continue
        out.append(Found(m.start(1), m.end(1), category, f"{category.replace('_', ' ')} named beside its kind"))
    return out


# ------------------------------------------------------------------------------ "the lunch club at greenbank"
_AT_PLACE = re.compile(r"(?i)(?<![\w'’-])(?:club|group|day\s+centre|day\s+center|café|cafe|coffee\s+morning|"
                       r"lunch|luncheon|drop-in|drop\s+in|bingo|tea\s+dance|service|services|meeting|meetings|choir|"
                       r"mass|playgroup|toddlers|class|classes)\s+(?:at|in)\s+(?:the\s+)?((?:st\.?|saint)\s+)?("
                       + _WORD + r")(?:\s+(" + _WORD + r"))?")


_AT_PLACE_WORDS = frozenset({"club", "group", "day", "café", "cafe", "coffee", "lunch", "luncheon", "drop", "bingo",
                             "tea", "service", "services", "meeting", "meetings", "choir", "mass", "playgroup",
                             "toddlers", "class", "classes"})
"""Words of :data:`_AT_PLACE` (a turn holding none of them is not scanned)."""


def at_place_spans(text: str, caseless: bool) -> list[Found]:
    """"the lunch club at st aidans", "the tuesday club at greenbank": where a group meets, named after "at"."""
    out: list[Found] = []
    for m in _AT_PLACE.finditer(text):
        word = m.group(2)
        saint = m.group(1) is not None
        if not saint and not _is_name_word(word, caseless, "care home"):
            continue
        if not caseless and saint and not word[:1].isupper():
            continue
        if _low(word) in place_names() and not saint:
            continue  # a town: the town layers type it
        start = m.start(1) if saint else m.start(2)
        end = m.end(2)
        second = m.group(3)
        if second and _low(second) in {"church", "chapel", "hall", "halls", "school", "centre", "center"}:
            end = m.end(3)
        out.append(Found(start, end, "church" if saint else "place", "where a group meets, named after 'at'", 0.75))
    return out


# ------------------------------------------------------------------------------ "went to the hollies"
TREE_PLURALS = frozenset({"hollies", "oaks", "willows", "cedars", "limes", "elms", "beeches", "laurels", "larches",
                          "pines", "firs", "poplars", "rowans", "hawthorns", "sycamores", "maples", "birches",
                          "hazels", "lindens", "chestnuts", "alders", "yews", "junipers", "magnolias", "acacias",
                          "cypresses", "mulberries", "hollins", "brambles", "heathers", "laburnums", "orchards"})
"""Plural trees and shrubs, what care homes, day centres and estates are called alone ("the hollies", "the
oaks"); said after a word of going or being somewhere, almost never of trees."""
_TREES = re.compile(r"(?i)\b(?:to|at|in|into|from|round|outside|inside|visit|visited|visiting|up|down|left|"
                    r"leaving)\s+the\s+(" + "|".join(sorted(TREE_PLURALS)) + r")\b(?=\s*(?:$|[.,;:!?)]|\s+(?:for|and|"
                    r"but|then|now|again|when|where|with|because|after|before|until|till|last|this|that|every|in|"
                    r"at|on|a|about|was|is|had|has|since|so|as|i|we|he|she|they|it|they're|it's|three|two|four|"
                    r"five|once|twice|most|all|yeah|um|er)\b))")


def tree_spans(text: str, caseless: bool) -> list[Found]:
    out: list[Found] = []
    for m in _TREES.finditer(text):
        if not caseless and not m.group(1)[:1].isupper():
            continue
        out.append(Found(m.start(1), m.end(1), "place", "a place called by a plural of trees", 0.7))
    return out


# ------------------------------------------------------------------------------ "lives up on ropewalk"
_STREET_CUE = re.compile(r"(?i)\b(?:(?:live[sd]?|living|lived|stay(?:s|ed|ing)?|house|flat|born|grew\s+up)\s+"
                         r"(?:up\s+|down\s+|along\s+|round\s+|over\s+)?(?:on|off|along|down|up)"
                         r"|(?:up|down|along|round|over)\s+on|along)\s+(" + _WORD + r")(?:\s+(" + _WORD + r"))?")
"""A residence verb and "on", "off", "up", "down" ("lives off ropewalk"), or a direction and "on" ("up on",
"down on"), or "along": never a bare "went on", "moved onto", "goes on" (a medicine, a shift, holiday)."""
_STREET_ENDS = re.compile(r"(?i)^(?:\s*(?:$|[.,;:!?)])|\s+(?:and|but|so|then|now|when|with|for|in|at|near|till|until|"
                          r"where|which|that|was|is|had|has|since|from|as|because|cos|every|each|there|i|we|he|she|"
                          r"they|you|it|my|his|her|our|their|before|after|though|yeah|like|um|er|erm|uh|again|"
                          r"anymore|by|past|opposite|number|near|next|right|just|all|too|still|these|those|a|the|"
                          r"years?|for)\b)")


_MEDICINE_ENDINGS = ("ine", "pam", "lam", "done", "zole", "pril", "statin", "olol", "cillin", "mycin", "sartan", "mab",
                     "pine", "apine", "ate", "ide", "one", "ol")
"""Endings of medicines' names ("sertraline", "diazepam", "methadone", "omeprazole"): "down on sertraline" is no
street. Streets seldom end so ("Ropewalk", "Tanners", "Quarrybank")."""
_NEVER_LOWER = 100
"""Fewer lower-case uses than this in the subtitle counts: a word nobody says of everyday things."""


def _street_word(word: str, caseless: bool, pos: str | None) -> bool:
    low = _low(word)
    if (len(low) < 4 or not low.isalpha() or low in STOP_WORDS or low in FILLERS or low in CALENDAR
            or low in KINSHIP or low in public_words() or low in place_names() or low in GENERIC):
        return False
    if pos not in {None, "NOUN", "PROPN", "X"}:
        return False
    if not caseless:
        return word[:1].isupper() and not word.isupper() and (
            not is_everyday(low) or lowercase_usage().get(low, 0) < _NEVER_LOWER)
    usage = lowercase_usage().get(low, 0)
    if usage >= SELDOM_LOWER or low.endswith(_MEDICINE_ENDINGS):
        return False
    # a dictionary word subtitles all but never write ("ropewalk", "quarrybank") names a street after the cue
    return not in_dictionary(low) or compound_place(low) or place_shaped(low) or (usage < _NEVER_LOWER
                                                                                  and len(low) >= 6)


_STREET_CUE_WORDS = frozenset({"live", "lives", "lived", "living", "stay", "stays", "stayed", "staying", "house",
                               "flat", "born", "grew", "along", "up", "down", "round", "over"})
"""Words of :data:`_STREET_CUE` one of which every match holds (a turn holding none is not scanned)."""


def street_spans(text: str, caseless: bool, pos_at: Mapping[int, str] | None = None) -> list[Found]:
    """"lives up on ropewalk", "walked along tanners": a street said without its suffix after a word of
    movement or residence; a word no dictionary holds, seldom lower-cased, read as a noun ("on holiday",
    "down on benefits", "up on zoom" stay)."""
    out: list[Found] = []
    pos_at = {} if pos_at is None else pos_at
    for m in _STREET_CUE.finditer(text):
        word = m.group(1)
        if not _street_word(word, caseless, pos_at.get(m.start(1))):
            continue
        end = m.end(1)
        if m.group(2) and _street_word(m.group(2), caseless, pos_at.get(m.start(2))):
            end = m.end(2)
        if not _STREET_ENDS.match(text[end : end + 20]):
            continue
        out.append(Found(m.start(1), end, "street", "a street said without its suffix where someone lives or goes",
                         0.75))
    return out


def facility_spans(text: str, caseless: bool, pos_at: Mapping[int, str] | None = None) -> list[Found]:
    """Every named facility, group, shop and suffix-less street in ``text`` (module doc), sorted."""
    said = said_words(text)
    found: list[Found] = []
    if said & _HEAD_FIRST_WORDS:
        found.extend(headed_spans(text, caseless, pos_at))
        if said & {"the", "a", "an"}:
            found.extend(apposed_spans(text, caseless))
    if said & {"called", "named", "known", "call", "calls"}:
        found.extend(called_spans(text, caseless))
    if said & {"at", "in"} and said & _AT_PLACE_WORDS:
        found.extend(at_place_spans(text, caseless))
    if said & TREE_PLURALS:
        found.extend(tree_spans(text, caseless))
    if said & {"on", "along", "off", "down", "up"} and said & _STREET_CUE_WORDS:
        found.extend(street_spans(text, caseless, pos_at))
    found.extend(Found(*c) for c in cued_spans(text, caseless, pos_at))
    found.extend(said_again(text, found, caseless))
    return sorted(set(found))


_SAID_AGAIN_CATEGORIES = frozenset({"day_centre", "care_home", "club", "cafe", "shop", "school", "org", "service",
                                    "workplace", "church", "hospital", "place", "pub", "estate"})


def said_again(text: str, found: list[Found], caseless: bool) -> list[Found]:
    """A name found with its head or its verb, said again in the same turn without either: "the juniper club
    on tuesdays and juniper do a trip" (the transcript-wide step repeats it in other turns)."""
    if not found:
        return []
    taken = [(f.start, f.end) for f in found]
    forms: dict[str, str] = {}
    for f in found:
        words = text[f.start : f.end].lower().replace("’", "'").split()
        while words and (words[-1] in GENERIC or words[-1] in HEADS or " ".join(words[-2:]) in HEADS):
            words = words[:-2] if " ".join(words[-2:]) in HEADS else words[:-1]  # the name without its head
        while words and words[0] in {"the", "a", "an"}:
            words = words[1:]
        surface = " ".join(words)
        if f.category in _SAID_AGAIN_CATEGORIES and len(surface) >= 4 and surface not in GENERIC:
            forms.setdefault(surface, f.category)
    out: list[Found] = []
    for form, category in forms.items():
        pattern = r"(?i)(?<![\w'’-])" + r"\s+".join(re.escape(w) for w in form.split()) + r"(?![\w'’-])"
        for m in re.finditer(pattern, text):
            if any(a <= m.start() and m.end() <= b for a, b in taken):
                continue
            if not caseless and not m.group(0)[:1].isupper():
                continue
            out.append(Found(m.start(), m.end(), category, "a name this turn gives a place, said again", 0.7))
    return out


def pos_by_offset(doc: Doc) -> Mapping[int, str]:
    """The tagger's part of speech of each token, by its offset in the doc's text (from one array: no
    Token made; ``Token.pos_`` is ``parts_of_speech.NAMES`` of the same number), read on first use: three
    turns in four hold nothing the facility rules ask a part of speech of."""
    return _PosByOffset(doc)


class _PosByOffset(Mapping[int, str]):
    """:func:`pos_by_offset`'s mapping, filled from the doc the first time it is read."""

    __slots__ = ("_doc", "_pos")

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._pos: dict[int, str] | None = None

    def _filled(self) -> dict[int, str]:
        if self._pos is None:
            doc = self._doc
            self._pos = {idx: POS_NAMES[pos] for idx, pos in doc.to_array([IDX, POS]).tolist()} if len(doc) else {}
        return self._pos

    def get(self, key: int, default: str | None = None) -> str | None:  # type: ignore[override]
        return self._filled().get(key, default)

    def __getitem__(self, key: int) -> str:
        return self._filled()[key]

    def __iter__(self) -> Iterator[int]:
        return iter(self._filled())

    def __len__(self) -> int:
        return len(self._filled())


def spans_of(found: Iterable[Found]) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.category) for f in found]
