"""Captions: a local place named with everyday words, read by the structure it is said in, scored, not matched.

Pubs, clubs, shops, churches, schools, care homes, estates and local charities are named with words
("the swan", "the ravens", "the ridings", "stepping stones"), and a caption writes them in lower case, so a
word list takes them everywhere or nowhere. Earlier layers read one frame per kind ("drinks at the [x]",
"[x] primary"); each fitted the text it was written against. What the kinds share is how speech places them:

* **a place slot**: a preposition of place after a verb of going, meeting, drinking, living, working or
  playing, or after a noun of dwelling ("we'd go to the ...", "box at the ...", "a council house on the
  ...", "end up in the ..."), then "the" and the words up to the next function word;
* **the kind said beside it**: an apposition ("harbour light the charity", "the hawks the cricket",
  "brighter days that's a befriending charity") or a kind noun right before ("the football club ...");
* **a head that names a kind of local place inside the name** ("fisherman's arms", "holme rovers");
* **a reply at the start of a turn** to a question about shopping, school, help or where one lives;
* **words that are seldom said in lower case** (subtitle counts, :func:`.layers.words.lowercase_usage`):
  "sheiling", "hillcrest", "colliers" are rarely anything else, "kitchen" and "toilet" nearly always are.

Each is a point or two; the everyday reading is counter-evidence: a noun people go to every day said after
"the" ("the pub", "the kitchen": a closed list and the subtitle counts), "of" after the words ("the crown of
my tooth", "the bank of the river"), a phrase that is a measure or a time. A phrase is proposed when its
points reach :data:`THRESHOLD`, and the same words said again in the transcript's captions after a
preposition or "the" are proposed with it. Only lower-cased caption turns are read: typed text has capitals.
Every word list here was written for the project from how people speak.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .candidates import Candidate
from .layers.words import CALENDAR, FILLERS, KINSHIP, in_dictionary, lowercase_usage
from .lookup import Intervals

REASON = "a local place named with everyday words, by the way it is said (a place slot, its kind said beside it)"
AGAIN = "the words of a local place named earlier in the transcript, said again"
THRESHOLD = 3

_WORD = re.compile(r"[a-z][a-z0-9]*(?:['’][a-z]+)?(?:-[a-z]+)*")

_PLACE_PREPOSITIONS = frozenset({"at", "in", "to", "from", "on", "into", "for", "near", "opposite", "behind",
                                 "outside", "inside"})
_PARTICLES = frozenset({"up", "down", "over", "round", "around", "back", "out", "off", "just", "right", "along"})
_PLACE_VERBS = frozenset({
    "go", "goes", "went", "going", "gone", "drink", "drinks", "drank", "drinking", "meet", "meets", "met",
    "meeting", "live", "lives", "lived", "living", "stay", "stays", "stayed", "staying", "work", "works", "worked",
    "working", "play", "plays", "played", "playing", "box", "boxes", "boxed", "boxing", "train", "trains",
    "trained", "training", "end", "ended", "ends", "moved", "move", "moves", "volunteer", "volunteers", "sing",
    "sings", "swim", "swims", "pop", "pops", "popped", "nip", "nipped", "drop", "dropped", "eat", "ate", "sat",
    "sit", "bowls", "dance", "danced", "help", "helps", "helped", "house", "flat", "home", "cousin",
    "sister", "brother", "mum", "mam", "dad", "nan", "aunt", "auntie", "uncle", "friend", "mate", "mates"})
"""Words before the preposition that make it a place slot: verbs of going and being somewhere, and the people or
dwellings said to be there ("a council house on the ...", "a cousin on the ...")."""

_KIND_NOUNS = frozenset({
    "charity", "shop", "butcher", "butchers", "butcher's", "baker", "bakers", "baker's", "bakery", "cafe", "café",
    "pub", "club", "team", "gym", "school", "primary", "secondary", "academy", "chapel", "church", "parish",
    "home", "estate", "project", "group", "cricket", "football", "rugby", "boxing", "darts", "bowls", "netball",
    "swimming", "hockey", "newsagent", "newsagents", "chippy", "takeaway", "store", "stores", "garage", "salon",
    "barbers", "hairdressers", "pantry", "mosque", "gurdwara", "temple", "centre", "hall", "college", "nursery",
    "service", "organisation", "pharmacy", "chemist", "chemists", "bar", "inn", "hotel", "street", "road",
    "estate's", "flats", "one", "lot", "people", "lads", "boys", "girls", "women"})
"""Nouns that say what kind of place or body a name is, said beside it ("the charity", "the cricket", "the welsh
one", "the debt people")."""

_NAME_HEADS = frozenset({"arms", "inn", "tavern", "rovers", "united", "juniors", "athletic", "wanderers", "rangers",
                         "harriers", "colts", "quins", "albion", "celtic"})
"""Last words that make a name of the words before them ("fisherman's arms", "holme rovers"). Not the heads a
common noun also takes ("house", "court": "the appeals court" is no name)."""

_EVERYDAY_DESTINATIONS = frozenset({
    "pub", "pubs", "club", "clubs", "shop", "shops", "school", "church", "chapel", "home", "house", "estate",
    "park", "hospital", "doctor's", "doctors", "dentist", "dentist's", "dentists", "chemist", "chemist's",
    "chemists", "surgery", "library", "gym", "pool", "baths", "beach", "seaside", "sea", "coast", "front", "prom",
    "harbour", "quay", "docks", "river", "canal", "lake", "pond", "woods", "wood", "hills", "hill", "moor",
    "moors", "mountain", "top", "bottom", "end", "back", "side", "corner", "door", "kitchen", "toilet", "loo",
    "bathroom", "bedroom", "garden", "yard", "allotment", "allotments", "tip", "chippy", "bookies", "crem",
    "cemetery", "graveyard", "offy", "offie", "bingo", "pictures", "cinema", "match", "game", "pitch", "ground",
    "bus", "train", "station", "garage", "office", "ward", "unit", "centre", "hall", "market", "precinct",
    "town", "city", "village", "country", "valley", "valleys", "bay", "links", "square", "rec", "high", "street",
    "road", "lane", "flat", "flats", "hostel", "refuge", "cafe", "café", "canteen", "caff", "jobcentre", "bank",
    "post", "morning", "afternoon", "evening", "night", "weekend", "week", "day", "time", "moment", "way",
    "phone", "telly", "radio", "internet", "news", "paper", "papers", "middle", "start", "past", "future",
    "world", "system", "queue", "list", "floor", "room", "lounge", "meeting", "group", "team", "home's",
    "college", "uni", "university", "nursery", "playground", "field", "fields", "farm", "works", "factory",
    "site", "depot", "mines", "pit", "pits", "army", "navy", "forces", "police", "council", "social",
    "hairdressers", "barbers", "launderette", "laundrette", "takeaway", "supermarket", "butchers", "bakers",
    "newsagents", "stall", "van", "car", "boat", "ship", "plane", "sun", "rain", "cold", "dark",
    "rugby", "football", "footy", "cricket", "darts", "bowls", "boxing", "swimming", "races", "dogs",
    "mill", "mills", "plant", "warehouse", "colliery", "mine", "foundry", "quarry", "abattoir", "laundry",
    "brewery", "distillery", "workshop", "studio", "salon", "care", "nursing", "hospice"})
"""Nouns said after "to the", "at the", "in the" every day, never a name there: a phrase with one of these as its
last word is not read here (the layers for "the [name] estate", "[name] primary" read those)."""

_PLACE_ADVERBS = frozenset({"outside", "inside", "abroad", "away", "anywhere", "somewhere", "nowhere", "everywhere",
                            "upstairs", "downstairs", "overseas", "home", "there", "here", "town"})
"""Words that say where without naming anywhere ("help from outside a charity")."""

_ABSTRACT = re.compile(r"(?:ship|tion|sion|ment|ness|ity|ance|ence|ism)s?$")
"""Endings of abstract nouns ("partnership", "assessment"), which say what a thing is and name no local place."""

_NOT_IN_NAME = frozenset({"of", "with", "between", "about"})
"""Words right after the phrase that make a common noun of it ("the crown of my tooth", "the boundary with")."""

_TURN_CUES = frozenset({"shop", "shopping", "school", "schooling", "schools", "charity", "charities", "help",
                        "support", "supported", "club", "clubs", "church", "chapel", "pub", "drink", "live",
                        "living", "estate", "home", "homes", "care", "where", "which", "group", "groups"})
"""Words of a question that asks for a place: a reply opening on a name answers it ("where do you shop" …
"trewin's in the village")."""

_AFTER_REPLY = re.compile(r"^(?:on the corner|in the village|in town|on [a-z]+ (?:road|street|lane)|"
                          r"they're based|it's based|is based|then the|till |the [a-z]+ one\b)")
"""What follows a place said as a reply: where it is, or what came after it."""

_MAX_WORDS = 3
_RARE = 1000
"""Fewer lower-case uses than this in the subtitle counts: a word no dictionary holds that is seldom said."""
_UNCOMMON = 10000


def _words(turn: str) -> list[tuple[int, int, str]]:
    """The turn's words; one after punctuation is given a leading "," so no phrase runs across it ("uh, th-")."""
    out: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(turn):
        if out and turn[out[-1][1] : m.start()].strip():
            out.append((out[-1][1], out[-1][1], ","))  # a stop: punctuation stood between the words
        out.append((m.start(), m.end(), m.group(0).replace("’", "'")))
    return out


def _content(word: str) -> bool:
    """A word a name can be made of: no function word, contraction ("i'm", "we'd") or word of the calendar."""
    if ("'" in word and not word.endswith("'s")) or not word.replace("'", "").replace("-", "").isalpha():
        return False  # a contraction, a stop, or a word with digits ("q2")
    if word in FILLERS or word in {"unk", "inaudible", "crosstalk"} or word in _PLACE_PREPOSITIONS | _PARTICLES:
        return False  # "pemberton street near the shop": a preposition ends the name
    bare = _bare(word)
    if bare in KINSHIP or bare.rstrip("s") in KINSHIP or _ABSTRACT.search(bare):
        return False  # "listen to the mams", "went to the partnership": kin and abstract nouns name no place
    return (word not in STOP_WORDS and word not in _PLACE_ADVERBS and bare not in STOP_WORDS and len(word) > 1
            and bare not in CALENDAR and bare.rstrip("s") not in CALENDAR)


def _bare(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def _unlisted(words: list[str]) -> bool:
    """A word of the phrase is in no dictionary and seldom said ("sheiling", "greenbank"; not "women", which the
    dictionary holds only as "woman"): the best evidence a word can give."""
    usage = lowercase_usage()
    return any(all(not in_dictionary(p) and usage.get(p, 0) < _RARE for p in _bare(w).split("-")) for w in words)


def _rarity(words: list[str]) -> int:
    """Points for how seldom the phrase's words are said in lower case: its rarest word decides."""
    if _unlisted(words):
        return 2
    usage = lowercase_usage()
    return 1 if any(usage.get(_bare(w), 0) < _UNCOMMON for w in words) else 0


def _slot_points(words: list[tuple[int, int, str]], i: int) -> int:
    """Points for the words before position ``i`` (the first word of "the" or of the phrase)."""
    if i == 0 or words[i - 1][2] not in _PLACE_PREPOSITIONS:
        return 0
    j = i - 2
    while j >= 0 and words[j][2] in _PARTICLES:
        j -= 1
    return 2 if j >= 0 and words[j][2] in _PLACE_VERBS else 1


def _kind_beside(words: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """The kind is said right after the phrase ("the charity", "that's a befriending charity") or right before
    it ("the football club [name]")."""
    after = [w for _, _, w in words[end : end + 4]]
    if after[:1] in (["the"], ["a"]) and any(w in _KIND_NOUNS for w in after[1:3]):
        return True
    if after[:2] in (["that's", "a"], ["it's", "a"], ["they're", "a"], ["that's", "the"], ["it's", "the"]) \
            and any(w in _KIND_NOUNS for w in after[2:4]):
        return True
    return start > 0 and words[start - 1][2] in {"club", "charity", "chapel", "pub"}


def _common_noun_after(words: list[tuple[int, int, str]], end: int) -> bool:
    """The words after make a common noun of the phrase ("the crown of my tooth"), not a time said after a place
    ("the tolbooth of a night")."""
    if end >= len(words) or words[end][2] not in _NOT_IN_NAME:
        return False
    return not (words[end][2] == "of" and end + 1 < len(words) and words[end + 1][2] in {"a", "an"})


def _score(words: list[tuple[int, int, str]], lead: int, start: int, end: int, turn: str,
           prev_turn: set[str]) -> int:
    """Points for the phrase ``words[start:end]``, with ``lead`` the index of its "the" (or ``start``)."""
    said = [w for _, _, w in words[start:end]]
    if said[-1] in _EVERYDAY_DESTINATIONS or any(not _content(w) for w in said):
        return 0
    if end < len(words) and words[end][2] in _EVERYDAY_DESTINATIONS | _KIND_NOUNS and not _unlisted(said):
        return 0  # "the luncheon club": a kind of club; "the oakfield school" is named by a word no dictionary has
    if _common_noun_after(words, end):
        return 0
    points = _rarity(said) + _slot_points(words, lead)
    if _kind_beside(words, start, end):
        points += 2
    if len(said) > 1 and said[-1] in _NAME_HEADS:
        points += 1
    if lead == 0 and prev_turn & _TURN_CUES and _AFTER_REPLY.match(turn[words[end - 1][1]:].lstrip()):
        points += 2  # a reply that opens on the name, and says where it is or what came after
    if lead == start and lead > 0 and not (_kind_beside(words, start, end)
                                           or (_unlisted(said) and _slot_points(words, lead) == 2)
                                           or (len(said) > 1 and said[-1] in _NAME_HEADS)):
        return 0  # a bare phrase mid-turn ("in reading", "increase in ebitda margin") needs its kind or a place verb
    return points


def _phrases(words: list[tuple[int, int, str]]) -> Iterable[tuple[int, int, int]]:
    """(lead, start, end) word indices: "the" and the content words after it, or the words opening the turn, or
    the content words after a preposition of place (not "to": "to answer" is an infinitive) or a kind noun."""
    n = len(words)
    for i, (_, _, w) in enumerate(words):
        if w == "the":
            lead, start = i, i + 1
        elif i == 0 or words[i - 1][2] in _PLACE_PREPOSITIONS - {"to"} or words[i - 1][2] in {"club", "charity"}:
            lead, start = i, i
        else:
            continue
        end = start
        while end < n and end - start < _MAX_WORDS and _content(words[end][2]):
            end += 1
        for last in range(start + 1, end + 1):  # "knightswood till fourth year": the reply is its first word
            yield lead, start, last


_NOT_NAMING_POS = frozenset({"VERB", "AUX", "ADV", "ADP", "PRON", "DET", "CCONJ", "SCONJ", "PART", "INTJ"})
"""What the tagger calls a word that cannot be part of a local place's name here ("take him to the rugby bless
them": "bless" is a verb)."""


def _tagged(doc: Doc | None, words: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """No word of the phrase is tagged as a function word, nor its last as a verb or adverb (the tagger calls a
    caption's unknown first word anything: "harbour light the charity"); a word the tokenizer splits is let by."""
    if doc is None:
        return True
    pos = {t.idx: t.pos_ for t in doc}
    if pos.get(words[end - 1][0]) in _NOT_NAMING_POS and words[end - 1][2] not in _NAME_HEADS:
        return False
    return not any(pos.get(a) in _NOT_NAMING_POS - {"VERB", "ADV"} for a, _, _ in words[start:end])


def _segment_phrases(turn: str, prev_turn: set[str], doc: Doc | None) -> list[tuple[int, int, str]]:
    words = _words(turn)
    out = []
    for lead, start, end in _phrases(words):
        said = [w for _, _, w in words[start:end]]
        if _score(words, lead, start, end, turn, prev_turn) >= THRESHOLD and (
                _tagged(doc, words, start, end) or _kind_beside(words, start, end) or _unlisted(said)):
            out.append((words[start][0], words[end - 1][1], " ".join(said)))
    return out


def named_places(text: str, segments: list[tuple[int, int]], caseless: list[bool], found: list[Candidate],
                 protected: list[tuple[int, int]], docs: list[Doc] | None = None) -> list[Candidate]:
    """Candidates for local places named with everyday words in the caption turns of ``text`` (module doc)."""
    taken = Intervals([(c.start, c.end) for c in found] + protected)
    kept = Intervals(protected)
    out: list[Candidate] = []
    names: dict[str, None] = {}
    prev: set[str] = set()
    for n, ((s, e), lower) in enumerate(zip(segments, caseless, strict=True)):
        turn = text[s:e]
        if lower:
            for a, b, said in _segment_phrases(turn, prev, docs[n] if docs is not None else None):
                names.setdefault(said)
                if not kept.overlaps(a + s, b + s) and not any(c.start <= a + s and b + s <= c.end for c in found):
                    out.append(Candidate(a + s, b + s, "place", "places", 0.6, REASON))
        prev = {w for _, _, w in _words(turn.lower())}
    if not names:
        return out
    placed = Intervals([(c.start, c.end) for c in out])
    for (s, e), lower in zip(segments, caseless, strict=True):
        if not lower:
            continue
        words = _words(text[s:e])
        for said in names:
            k = len(said.split())
            for i in range(len(words) - k + 1):
                if " ".join(w for _, _, w in words[i : i + k]) != said:
                    continue
                a, b = words[i][0] + s, words[i + k - 1][1] + s
                before = words[i - 1][2] if i else ""
                if before == "the":
                    before = words[i - 2][2] if i > 1 else ""
                bare_again = words[i - 1][2] != "the" if i else True
                if (before not in _PLACE_PREPOSITIONS | {"of"} or _common_noun_after(words, i + k)
                        or (bare_again and before == "to")):  # "to answer": an infinitive
                    continue  # said again as the word: "walk the meadows", "help the hawks", "the boundary with"
                if placed.overlaps(a, b) or taken.overlaps(a, b):
                    continue
                out.append(Candidate(a, b, "place", "places", 0.6, AGAIN))
    return out
