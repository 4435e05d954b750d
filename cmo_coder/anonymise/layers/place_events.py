"""An event or a dish named after a place: "the Great Yorkshire Show", "the Glasgow Film Festival", "Lancashire
hotpot", "a cup of Yorkshire Tea".

A place's name inside the name of a public event or of a regional dish says where the event is held or where the
dish comes from, not where the speaker lives: "we went to see the Blackpool Illuminations" is a day out, "he makes a
lovely Lancashire hotpot" is tea. The place list reads the place word alone ("[place] hotpot", "the [place]
Illuminations") and the model reads the whole as an organisation or a facility, so the analyst loses the event or
the dish, and the words left read wrongly. The lists cannot hold every show, gala and festival of every town, but
the shape can be read: one to three words of a name, at least one of them a UK place the place lists hold, then a
word that only an event or a dish ends on.

Such a phrase is kept as public, so only a proposal lying inside it is dropped. What still goes:

* a registered place: the register wins over every kept phrase, and ``town_names`` removes the whole event
  or dish where a registered town, or a town removed elsewhere in the transcript, is in it;
* a place followed by a word that makes the phrase a place again: "the Leeds Festival site", "the Cornish pasty
  shop" (:data:`PLACE_AFTER`);
* a run with no listed place in it: "the Hartside Gala" is read as before (a name only a list could tell from a
  person's or a place's);
* a local body: "Leeds City Council" and the territorial police are bodies of the place a participant lives in,
  read elsewhere and removed by design (a charity's branch, "Rotherham Mind", is settled in ``town_names``).

"Week" ends an event only where it is written as its name, with a capital in cased text ("Cowes Week"): in speech
a week follows a place as often as not ("we went to Cowes week after"), and captions cannot tell the two apart.
"Show" is a word many local things end on ("the Elmbury show" is the village's), so it ends an event only when it
is written as a name ("Show" in cased text) or after "Great", "Royal" or "County" ("the great yorkshire show" in
captions). The word lists were written for the project from how UK events and regional food are named.
"""

from __future__ import annotations

import re
from functools import cache

from .cue_scan import cued_finditer, register_cues
from .state import has_capital
from .words import place_names

EVENT_HEADS = frozenset({"festival", "festivals", "fest", "carnival", "pride", "marathon", "gala", "illuminations",
                         "regatta", "tattoo", "races", "fair", "fringe", "eisteddfod", "mela", "games", "airshow",
                         "show", "week"})
"""Last words of a public event's name after its place ("Notting Hill Carnival", "Durham Miners' Gala")."""

DISH_HEADS = frozenset({"tea", "hotpot", "pudding", "puddings", "pasty", "pasties", "tart", "tarts", "cake", "cakes",
                        "sausage", "sausages", "rarebit", "stottie", "stotties", "oatcake", "oatcakes", "fudge",
                        "rock", "parkin", "cheese", "pie", "pies", "scallops", "bap", "barmcake", "teacake",
                        "teacakes"})
"""Last words of a dish or a food named after its place ("Yorkshire puddings", "Eccles cakes", "Blackpool rock")."""

MIDDLE_WORDS = frozenset({"film", "food", "beer", "book", "literary", "music", "jazz", "folk", "comedy", "arts",
                          "science", "miners", "miners'", "miners’", "international", "half", "agricultural", "county",
                          "summer", "winter", "christmas", "pork", "air", "goose", "horse", "highland", "welsh",
                          "scottish", "cornish", "fire", "fringe"})
"""Words that may stand between the place and the head ("Glasgow Film Festival", "Melton Mowbray pork pie")."""

OPENERS = frozenset({"great", "royal", "county", "big"})
"""Words that open an event's name before its place ("the Great Yorkshire Show", "the Royal Welsh Show")."""

PLACE_AFTER = frozenset({"site", "sites", "ground", "grounds", "field", "fields", "shop", "shops", "stall", "stalls",
                         "factory", "house", "room", "rooms", "cafe", "café", "bakery", "centre", "center", "hall",
                         "park", "arena", "office", "offices", "road", "street", "lane", "way", "estate", "ward",
                         "campsite", "car", "carpark", "school", "church", "van", "stand", "place", "club"})
"""Words after the head that make the phrase a place again ("the Reading Festival site", "the pasty shop")."""

_WORD = r"[^\W\d_][\w'’-]*"
_HEAD = re.compile(r"(?<=\s)(" + "|".join(sorted(EVENT_HEADS | DISH_HEADS)) + r")(?![\w'’-])", re.IGNORECASE)
_HEAD_CUES = register_cues("place_events", EVENT_HEADS | DISH_HEADS)
"""Every match of :data:`_HEAD` is one of these words after a space (:mod:`.cue_scan`)."""
_BEFORE = re.compile(r"(?<![\w'’-])((?:" + _WORD + r"\s+){1,4})$")
_LOOK_BACK = 120
"""Characters read back from a head for its name: four words of a name and their spaces fit."""


@cache
def _places() -> frozenset[str]:
    return place_names()


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _place_inside(words: list[str]) -> bool:
    """A UK place the lists hold is one word of ``words`` or two of them side by side ("Notting Hill")."""
    lows = [_norm(w) for w in words]
    places = _places()
    return any(w in places for w in lows) or any(f"{a} {b}" in places for a, b in zip(lows, lows[1:], strict=False))


def _name_start(words: list[str], cased: bool) -> int | None:
    """Where the event's or dish's name begins among ``words`` (the words before the head), or None when they do
    not read as a name: the words kept are the last run of name words (capitalised in cased text) and
    :data:`MIDDLE_WORDS`, with an opener before them."""
    k = len(words)
    while k > 0:
        w = words[k - 1]
        low = _norm(w)
        if low in MIDDLE_WORDS or low in OPENERS:
            k -= 1
            continue
        if cased and not w[:1].isupper():
            break
        if not cased and low in _STOP:
            break
        k -= 1
    return k if k < len(words) else None


_NOT_A_HEAD = frozenset({"enough", "play", "point", "dos", "time", "times", "break", "share", "game", "deal"})
"""Words after a head word that make it an everyday word ("fair enough", "fair play", "tea time")."""

_STOP = frozenset({"the", "a", "an", "to", "at", "in", "on", "of", "and", "or", "from", "for", "with", "some", "my",
                   "our", "your", "his", "her", "their", "we", "i", "you", "he", "she", "they", "it", "went", "go",
                   "love", "loves", "had", "have", "got", "get", "did", "do", "done", "made", "make", "makes", "eat",
                   "ate", "watched", "watch", "saw", "see", "was", "were", "is", "are", "be", "been", "lovely",
                   "proper", "nice", "cup", "piece", "slice", "bit", "every", "this", "that", "last", "next", "year",
                   "like", "up", "down", "round", "out", "off", "by", "about", "into", "after", "before", "then",
                   "so", "but", "because", "cos", "when", "ran", "run", "running", "doing", "ever"})


def place_event_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of events and dishes named after a UK place (module doc), from the name's first word to
    its head."""
    return [(a, b) for a, b, _ in named_after_place(text)]


def event_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The event named after a place whose name holds ``text[start:end]`` ("Brighton" in "Brighton Pride"), as a
    character span, or None: where a registered town opens an event, ``town_names`` removes the whole event."""
    lo = max(0, start - 60)
    for a, b, head in named_after_place(text[lo : end + 60]):
        if head in EVENT_HEADS and a + lo <= start and end <= b + lo - len(head):
            return a + lo, b + lo
    return None


def named_after_place(text: str) -> list[tuple[int, int, str]]:
    """Each event or dish named after a UK place in ``text``: its span and its head, lower-cased."""
    out: list[tuple[int, int, str]] = []
    cased: bool | None = None  # asked once, and only of a turn where a head is said: most turns have none
    for m in cued_finditer(_HEAD, text, _HEAD_CUES):  # from each head back to its name: heads are rare, words are not
        if cased is None:
            cased = has_capital(text)
        head = m.group(1)
        if head[:1] in "wW" and _norm(head) == "week" and not (cased and head[:1] == "W"):
            continue  # "we went to Cowes week after": a week, unless written as the event's name ("Cowes Week")
        after = re.match(r"\s*([\w'’-]+)", text[m.end():])
        if after and (_norm(after.group(1)) in PLACE_AFTER or _norm(after.group(1)) in _NOT_A_HEAD):
            continue
        lo = max(0, m.start() - _LOOK_BACK)
        run = _BEFORE.search(text, lo, m.start())
        if run is None:
            continue
        words = [(w.start() + run.start(1), w.group(0)) for w in re.finditer(r"\S+", run.group(1))]
        start = _name_start([w for _, w in words], cased)
        if start is None:
            continue
        name = [w for _, w in words[start:]]
        if all(_norm(w) in MIDDLE_WORDS | OPENERS for w in name) or not _place_inside(name):
            continue
        if _norm(head) == "show" and not (cased and head[:1].isupper()) and _norm(name[0]) not in OPENERS:
            continue  # "the Elmbury show" is the village's own, unless written as a name or opened as one
        out.append((words[start][0], m.end(), _norm(head)))
    return out
