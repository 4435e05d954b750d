"""Places as people say them in speech, read where captions give no capital (issue 13, places in captions).

The list and slot layers take a listed town anywhere and a word no dictionary holds in a place's slot. What
they leave are places named with ordinary words, which a caption writes like any other words:

* **a town of two ordinary words** ("new mills", "mountain ash", "hope valley"): the town list drops a name
  whose words are both words, since a list matches wherever its words stand. Said right after a word of
  place or of going and living ("she's from new mills originally", "we went over to hope valley"), with its
  phrase ending there, the pair is the town: English has no other reading of "from new mills" that ends;
* **a town named with an everyday word, after a word of going or being there** ("she works in reading now",
  "her sister's down in wells", "we went over to neath"): :mod:`.word_towns` reads the frames of living and
  coming from; these are the frames of going, working and being somewhere, with the same end of phrase, and
  never for the towns that read as the words of those frames ("went to church", "down in the dale");
* **a part of town by its end** ("the marsden end of town", "at the brookside end"): a name before "end"
  after "the", where what comes before says a place or "of town", "of the village" follows; not the kinds
  of end ("the deep end", "the other end", "the business end");
* **an estate of one everyday noun** ("on the beacon estate", "off the quarry estate"): the estate layer
  wants a name of proper-name kind or a noun estates are named by; after a word of place and "the", a noun
  before "estate" that says no kind of estate ("council", "industrial", "whole") is its name;
* **a hospital known by its name alone** ("in ninewells", "at stepping hill"; ``data/uk_hospitals.txt``), and
  **a town or hospital as captions split it** ("black burn", "nine wells"), joined back to a listed name;
* **a listed town with an area's head** ("[town] docks", "[town] marina"): the list takes the town and leaves
  the head, which with it names a part of the town.

Cased text has capitals and the model for all of these; the town pairs are read there only when both words
are capitalised. Every list below was written for the project from how people speak, unless it says else.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from .naming import KIND_WORDS, naming_word, norm_word
from .turn_view import says_any
from .word_towns import _ENDS_AFTER, _READ_AS_WORDS, word_towns
from .words import CALENDAR, _data_lines, in_dictionary, place_names, town_lines, uk_towns

PAIR_REASON = "a town of two ordinary words, said where a place goes"
GOING_REASON = "a town named with an everyday word, said where someone goes or is, its phrase ended"
END_REASON = "a part of town said by its end"
ESTATE_REASON = "an estate named with an everyday noun, said where someone lives"
AREA_REASON = "a listed town and an area's head"

_SLOT = re.compile(
    r"(?i)(?:(?<![\w'’-])(?:in|at|to|from|into|near|outside|towards|round|around|past|via)"
    r"|(?<![\w'’-])(?:over|down|up|out|back|round)\s+(?:in|at|to|near|from)"
    r"|(?<![\w'’-])(?:lives?|living|lived|moved|moving|born|raised|settled|based|works?|working|worked)\s+"
    r"(?:(?:out|up|down|over)\s+)?(?:in|at|to|near))\s+$")
"""A word of place or of going and being somewhere right before a name ("from", "over to", "lives out at")."""
_PAIR_NOT_TOWNS = frozenset({"west end", "new buildings", "town row", "south bank", "north hill", "south hill",
                             "kings hill", "church street", "park street", "abbey road", "harrow road", "bow street",
                             "primrose place", "vincent square", "new inn", "high peak", "sunk island",
                             "crystal palace", "west ham", "seven sisters", "four marks", "three crosses"})
"""Pairs on the town list that speech says as something else more often: a kind of place or a street the street
layer reads ("west end", "church street"), a football club ("west ham", "crystal palace"), or a pub's sign
("new inn", "three crosses")."""
_PAIR_ENDS = _ENDS_AFTER | {"to", "for", "on", "at", "in", "from", "every", "last", "this", "by", "area", "way",
                            "direction", "side", "then", "there", "again", "today", "yesterday", "tonight"}
"""Words that may follow a place: its phrase has ended ("from new mills originally", "to hope valley for")."""


@cache
def word_pair_towns() -> frozenset[str]:
    """Two-word UK towns (``data/uk_towns.txt``, GeoNames) that :func:`.words.uk_towns` drops because both words
    are words, less :data:`_PAIR_NOT_TOWNS`."""
    kept = uk_towns()
    out = set()
    for name in town_lines():
        low = name.lower()
        words = low.split()
        if len(words) != 2 or not all(w.isalpha() for w in words) or low in kept or low in _PAIR_NOT_TOWNS:
            continue
        out.add(low)
    return frozenset(out)


@cache
def _pair_firsts() -> frozenset[str]:
    """The first words of :func:`word_pair_towns`: every town pair begins with one (made once, not per turn)."""
    return frozenset(t.split()[0] for t in word_pair_towns())


_PAIR = re.compile(r"(?i)(?<![\w'’-])([^\W\d_]+)\s+([^\W\d_]+)(?![\w'’-])")


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([\w'’]+)", text[end : end + 30])
    if m is None or re.match(r"\s*[,.;:!?]", text[end : end + 2]):
        return ""
    return m.group(1).lower()


def pair_town_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Two-word towns of ordinary words (:func:`word_pair_towns`) said right after a place's slot, their phrase
    ended; in cased text both words capitalised."""
    towns = word_pair_towns()
    firsts = _pair_firsts()
    if not towns or not says_any(text, firsts):
        return []  # the pair's first word is a run of letters of the turn: a turn with none holds no pair
    out = []
    for m in re.finditer(r"(?i)(?<![\w'’-])[^\W\d_]+(?![\w'’-])", text):
        if m.group(0).lower() not in firsts:
            continue
        pair = _PAIR.match(text, m.start())
        if pair is None or f"{pair.group(1)} {pair.group(2)}".lower() not in towns:
            continue
        if not caseless and not (pair.group(1)[:1].isupper() and pair.group(2)[:1].isupper()):
            continue
        if not _SLOT.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if _next_word(text, pair.end()) not in _PAIR_ENDS:
            continue  # "in new mills road": the street's
        out.append(pair.span())
    return out


_GOING = re.compile(
    r"(?i)(?:(?<![\w'’-])(?:went|go|goes|going|gone|drove|drive|driving|travelled|travel|came|come|coming|get|got|"
    r"getting|work|works|working|worked|stay|stays|stayed|staying|live|lives|lived|living|moved|moving|"
    r"transferred|sent|taken|took)\s+(?:(?:back|over|down|up|out|round|across|all\s+the\s+way)\s+)?(?:to|in|at|near)"
    r"|(?<![\w'’-])(?:over|down|up|out|back)\s+(?:in|at|near))\s+$")
"""Frames of going to or being at a place: "went over to", "works in", "down in", "out at"."""
_LISTING = frozenset({"and", "or", "but", "as", "all"})
"""After an everyday word, words that go on a list of words rather than end a place's phrase."""
_TOWN_AS_WORD = _READ_AS_WORDS | {"stock", "stone", "pool", "fleet", "over", "wall", "moss", "rock", "bridge",
                                  "grove", "hill", "valley", "street", "church", "dale", "croft", "cove", "plains",
                                  "banks", "forth", "settle", "sale", "send", "deal", "dollar", "hope", "bath",
                                  "wing", "stoke", "ford", "nash", "hale", "bury", "hook", "ware", "mold", "battle",
                                  "london", "wales", "washington", "boston", "houston", "york", "lincoln",
                                  "wellington", "chelsea", "fulham", "derby", "preston", "bradford", "leeds"}
"""Word towns this frame leaves alone: words that fill it as words ("went to church", "got to settle", "came
to stock"), and places other rules type already or that name a city the public knows (the list keeps those)."""


@cache
def _going_towns() -> frozenset[str]:
    """The word towns :func:`going_word_town_spans` reads: :func:`.word_towns.word_towns` less
    :data:`_TOWN_AS_WORD` (made once, not per turn)."""
    return word_towns() - _TOWN_AS_WORD


def going_word_town_spans(text: str) -> list[tuple[int, int]]:
    """Captions: an everyday-word town (:func:`.word_towns.word_towns`) after a frame of going or being somewhere
    (:data:`_GOING`) whose phrase ends right after it ("she works in reading now", "down in wells with the kids")."""
    towns = _going_towns()
    if not says_any(text, towns):
        return []  # each town found is a run of letters of the turn
    out = []
    for m in re.finditer(r"(?<![\w'’-])[^\W\d_]{4,}(?![\w'’-])", text):
        low = m.group(0).lower()
        if low not in towns:
            continue
        if not _GOING.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        after = _next_word(text, m.end())
        if after not in _ENDS_AFTER or after in {"with", "as", "like", "for"} and low.endswith("ing"):
            continue  # "went in reading with her": the verb's; "works in telford now": the town's
        if after in _LISTING and in_dictionary(low):
            continue  # "works in wells and boreholes": a word in a list of words
        out.append(m.span())
    return out


_END_KINDS = frozenset({
    "deep", "shallow", "other", "far", "near", "top", "bottom", "back", "front", "business", "sharp", "wrong",
    "right", "receiving", "tail", "dead", "loose", "rough", "thin", "thick", "short", "long", "same", "opposite",
    "west", "east", "north", "south", "upper", "lower", "posh", "nice", "bad", "good", "better", "worse", "quiet",
    "busy", "old", "new", "whole", "fag", "weekend", "week", "month", "year", "day", "season",
    "term", "story", "film", "book", "world", "road", "street", "lane", "garden", "room", "table", "bed", "line",
    "phone", "pier", "pool", "beach", "field", "pitch", "ward", "corridor", "house", "estate", "town", "village",
    "city", "valley", "market", "shop", "school", "hospital", "bus", "train", "queue", "list", "game", "match",
    "bar", "stick", "wedge", "rope", "tether", "finger", "fingers", "end", "this", "that", "our", "their", "your",
    "my", "his", "her", "its", "which", "what", "one", "two", "happy", "sad", "bitter", "very", "nether",
})
"""Words before "end" that say a kind of end, not a part of town ("the deep end", "the receiving end", "the
business end", "the other end of the phone", "the west end" as a generic)."""
_END = re.compile(r"(?i)(?<![\w'’-])the\s+([^\W\d_][\w'’]*)(?:\s+([^\W\d_][\w'’]*))?\s+end(?![\w'’-])"
                  r"(\s+of\s+(?:the\s+)?(?:town|village|city|estate|valley|borough|the\s+town))?")
_END_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:at|in|from|to|up|down|round|over|live|lives|lived|living|towards|near|past|it['’]s|"
    r"that['’]s|is|was)\s+$")


def end_of_town_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """"the marsden end of town", "we live at the brookside end": the name before "end", where "of town" (or
    village, estate) follows or a word of place is right before "the"."""
    out = []
    for m in _END.finditer(text):
        first, second = m.group(1), m.group(2)
        names = [first] if second is None else [first, second]
        lows = [norm_word(w) for w in names]
        if any(w in _END_KINDS or w in KIND_WORDS or w in STOP_WORDS or w in CALENDAR for w in lows):
            continue
        if not all(naming_word(w, caseless) for w in names):
            continue
        if m.group(3) is None and not _END_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        start = m.start(1)
        out.append((start, m.end(2) if second is not None else m.end(1)))
    return out


_ESTATE_KINDS = KIND_WORDS | frozenset({
    "council", "housing", "industrial", "trading", "business", "retail", "country", "landed", "sink", "entire",
    "whole", "real", "residential", "shooting", "grouse", "sporting", "tea", "rubber", "sugar", "coffee", "wine",
    "crown", "national", "modern", "huge", "massive", "tiny", "posh", "rough", "dodgy", "quiet", "nice", "lovely",
    "horrible", "awful", "same", "other", "another", "this", "that", "his", "her", "their", "our", "my", "your",
    "its", "whose", "which", "what", "new", "newer", "newbuild", "build", "private", "rented", "social", "local",
    "big", "bigger", "biggest", "little", "small", "smaller", "old", "older", "estate", "caravan", "holiday", "park",
    "farm", "hall", "manor", "family", "dead", "man's", "mans", "dad's", "mum's", "bloody", "flipping",
})
"""Words before "estate" that say a kind of estate or whose it is ("the council estate", "the whole estate", "the
family estate", "my dad's estate" of a will), not its name."""
_ESTATE = re.compile(r"(?i)(?<![\w'’-])(?:on|off|onto|from|round|around|up|down|near|across|behind|past|into|"
                     r"in|to|at)\s+the\s+([^\W\d_][\w'’]*)\s+estate(?![\w'’-])(?!\s+(?:agents?|agency|car|cars|"
                     r"planning|tax|duty|sale|sales|management|office|manager|managers|team|staff))")


def word_estate_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """"on the beacon estate": one noun before "estate" after a word of place and "the", no kind of estate."""
    out = []
    for m in _ESTATE.finditer(text):
        word = m.group(1)
        low = norm_word(word)
        if low in _ESTATE_KINDS or low in STOP_WORDS or low in CALENDAR or len(low) < 3 or low.endswith("'s"):
            continue
        if not caseless and not word[:1].isupper():
            continue
        if low.endswith(("ing", "ed", "ly")):
            continue  # "the shooting estate", "the sprawling estate", "the lovely estate"
        out.append(m.span(1))
    return out


_AREA_HEADS = ("docks", "dock", "marina", "harbour", "bay", "sands", "beach", "seafront", "promenade", "common",
               "heath", "village", "quays", "waterfront", "riverside", "outskirts", "central", "centre")
"""Heads that, after a town, name a part of it ("[town] docks", "[town] marina", "[town] bay"); "centre" and
"central" say its middle."""
_AREA_WORDS = frozenset(_AREA_HEADS)
_AREA = re.compile(r"(?i)(?<![\w'’-])([^\W\d_][\w'’]*(?:\s+[^\W\d_][\w'’]*)?)\s+(" + "|".join(_AREA_HEADS)
                   + r")(?![\w'’-])")


def town_area_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """A listed UK town (:func:`.words.place_names`) and an area's head right after it: the whole is the area."""
    if text.isascii() and not says_any(text, _AREA_WORDS):
        return []  # the head is a run of letters of the turn (in plain ASCII, as the pattern's case-blind match)
    names = place_names()
    out = []
    for m in _AREA.finditer(text):
        words = m.group(1).split()
        for k in (2, 1):
            if len(words) < k:
                continue
            name = " ".join(words[-k:])
            if name.lower() not in names:
                continue
            if not caseless and not (name[:1].isupper() and m.group(2)[:1].isupper()):
                break
            start = m.start(1) + m.group(1).rfind(name)
            out.append((start, m.end(2)))
            break
    return out


def spoken_place_spans(text: str, caseless: bool) -> list[tuple[int, int, str, str]]:
    """``(start, end, category, reason)`` of every form above in one turn."""
    out: list[tuple[int, int, str, str]] = []
    out.extend((s, e, "city", PAIR_REASON) for s, e in pair_town_spans(text, caseless))
    if caseless:
        out.extend((s, e, "city", GOING_REASON) for s, e in going_word_town_spans(text))
    if " end" in text.lower():
        out.extend((s, e, "place", END_REASON) for s, e in end_of_town_spans(text, caseless))
    if "estate" in text.lower():
        out.extend((s, e, "estate", ESTATE_REASON) for s, e in word_estate_spans(text, caseless))
    out.extend((s, e, "place", AREA_REASON) for s, e in town_area_spans(text, caseless))
    out.extend((s, e, "hospital", HOSPITAL_REASON) for s, e in hospital_name_spans(text, caseless))
    if caseless:
        out.extend((s, e, kind, JOINED_REASON) for s, e, kind in joined_place_spans(text))
    return out


HOSPITAL_REASON = "a hospital known by its name alone (data/uk_hospitals.txt)"
JOINED_REASON = "a listed town or hospital as captions split it into words"


@cache
def hospital_names() -> frozenset[str]:
    """Large UK hospitals by the name they are said by (``data/uk_hospitals.txt``, written for the project)."""
    return frozenset(_data_lines("uk_hospitals.txt"))


def _everyday(name: str) -> bool:
    return all(in_dictionary(w) for w in name.split())


def _slot_before(text: str, start: int, article: bool) -> bool:
    before = text[max(0, start - 40) : start]
    if article:
        before = re.sub(r"(?i)(?<![\w'’-])the\s+$", "", before)
    return bool(_SLOT.search(before))


@cache
def _hospital_firsts() -> frozenset[str]:
    """The first words of :func:`hospital_names` (made once, not per turn)."""
    return frozenset(n.split()[0] for n in hospital_names())


def hospital_name_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """A listed hospital (:func:`hospital_names`): a name with a word no dictionary holds wherever it is said (in
    cased text with its capital); one of everyday words ("stepping hill") only after a place's slot, "the" or
    not, with its phrase ended."""
    names = hospital_names()
    firsts = _hospital_firsts()
    if not says_any(text, firsts):
        return []  # the name's first word is a run of letters of the turn
    out = []
    for m in re.finditer(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])", text):
        if m.group(0).lower() not in firsts:
            continue
        for k in (2, 1):
            got = re.match(r"[^\W\d_]+" + r"\s+[^\W\d_]+" * (k - 1) + r"(?![\w-])", text[m.start():])
            if got is None:
                continue
            name = " ".join(got.group(0).lower().split())
            if name not in names:
                continue
            end = m.start() + got.end()
            if not caseless and not all(w[:1].isupper() for w in got.group(0).split()):
                break
            if _everyday(name) and not (_slot_before(text, m.start(), True)
                                        and _next_word(text, end) in _PAIR_ENDS):
                break
            out.append((m.start(), end))
            break
    return out


@cache
def _joinable() -> dict[str, str]:
    """Names a caption may split into words, joined: one-word hospitals and UK towns of seven letters or more
    that no dictionary holds, each with its category."""
    out = {n: "hospital" for n in hospital_names() if " " not in n}
    for name in town_lines():
        low = name.lower()
        if low.isalpha() and len(low) >= 7 and not in_dictionary(low):
            out.setdefault(low, "city")
    return out


@cache
def _joinable_starts() -> frozenset[str]:
    """Every beginning of a name of :func:`_joinable`: a run whose first word begins no such name cannot join into
    one, so :func:`joined_place_spans` tries no run from it."""
    return frozenset(name[:k] for name in _joinable() for k in range(1, len(name) + 1))


def joined_place_spans(text: str) -> list[tuple[int, int, str]]:
    """Captions: two or three words that joined make a listed town or hospital ("black burn", "nine wells"):
    speech recognition splits a compound name it does not know. Where every part is an everyday word, only
    after a place's slot with the phrase ended ("in black burn now", not "a black burn mark")."""
    joinable, starts = _joinable(), _joinable_starts()
    words = list(re.finditer(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])", text))
    lows = [w.group(0).lower() for w in words]  # each word lower-cased once, not once for every run it is in
    out = []
    i, n = 0, len(words)
    while i < n:
        hit = None
        # the first two words joined must begin a name, or no run from here joins into one (a name of three
        # words joined begins with the first two): the runs are tried only past that one set test
        two = lows[i] + lows[i + 1] if i + 1 < n and lows[i] in starts else ""
        for k in (3, 2) if two and two in starts else ():
            if i + k > n:
                continue
            kind = joinable.get(two + lows[i + 2] if k == 3 else two)
            if kind is None:
                continue
            part = words[i : i + k]
            if any(text[a.end() : b.start()].strip() for a, b in zip(part, part[1:], strict=False)):
                continue
            s, e = part[0].start(), part[-1].end()
            if all(in_dictionary(low) for low in lows[i : i + k]) and not (
                    _slot_before(text, s, kind == "hospital") and _next_word(text, e) in _PAIR_ENDS):
                continue
            hit = (s, e, kind, k)
            break
        if hit is None:
            i += 1
            continue
        out.append(hit[:3])
        i += hit[3]
    return out
