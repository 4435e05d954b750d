"""Local venues and bodies known by what people do there, and shops by their owner's name: "he spars at the falcons",
"she's played for ashgrove since she was nine", "behind the bar at the tamworth lad", "bingo at the unicorn",
"i help out at brightside", "my fags from kilbride's", "down pricey's for the veg".

Captions lose the capital that tells a club, a pub or a shop from the words it is named with, and the facility
rules (:mod:`.facility_cues`) know a place by a verb of going, working or referring. People speak of a club, a pub
or a group by what they do there as often: they box, train, skate or bowl at a club and play for it, sit on its
committee; they work behind a pub's bar or play its bingo; they help out at a group. Those acts are done at a
kind of place too ("trains at the hospital", "bingo at the club", "plays for the love of it"), so the words after
the act are read as :mod:`.facility_cues` reads the object of a strong verb: one to three words that say no kind
of place, activity, time or people (:func:`.facility_cues._kind`), ending where the phrase ends, and after "the"
only an image places are named by (a sign, a beast, a bird: "the falcons", "the unicorn") or a word no dictionary
holds. The act itself is the second cue the facility rules ask for.

A local shop is named by its owner as often as by a sign: "kilbride's", "pricey's", "big tam's". Said after a
preposition of going or buying from ("from", "at", "down", "round", "up", "to") with no article, its phrase ended
right after the "'s" (no noun after it: "at mo's house" is a home), a word with "'s" is a shop, unless it says a
kind of place or person ("the doctor's", "my sister's", "work's do"), is a chain or a listed public name said
with the possessive speech gives shops ("tesco's", "mcdonald's"), a listed town, a time, or a given name (a
friend's home, "round at dave's": the name layers' to remove as a person). This one is read in captions alone:
cased text has the capital, which the model and the other layers read.

Public names win as everywhere: the allow-list keeps a listed club, pub chain or charity ("plays for celtic",
"a pint at wetherspoons"); only the local ones, which no list holds, are proposed here.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .cue_scan import cued_finditer, register_cues
from .facility_cues import _AFTER, _image, _kind, _low, _names, _phrase, _rare
from .naming import public_words
from .turn_view import says_any
from .words import name_lexicon, place_names

_WORD = r"[^\W\d_][\w'’-]*"

_ACTS = {
    "club": (r"(?:box|boxes|boxed|spar|spars|sparred|sparring|train|trains|trained|skate|skates|skated|skating|"
             r"curl|curls|curled|bowl|bowls|bowled|coach|coaches|coached)\s+(?:at|for|with)"
             r"|(?:play|plays|played|playing|signed|skate|skates|skated|bowls|bowled|curl|curls|curled|box|boxes|"
             r"boxed)\s+for"
             r"|(?:committee|treasurer|secretary|chairman|chairwoman)\s+(?:of|at|for)"
             r"|(?:member|members|membership)\s+(?:at|of)"),
    "pub": (r"behind\s+the\s+bar\s+(?:at|in|of|down)|(?:bingo|raffle|music|sherry|shandy|karaoke|fry\s+up|fry-up)"
            r"\s+(?:at|in|down)"),
    "org": (r"(?:help|helps|helped|helping)\s+out\s+(?:at|with|for)"
            r"|(?:stint|stints|shift|tills|taken)\s+(?:on\s+)?at"),
    "venue": r"(?:meets|meet|meeting)\s+(?:in|at|upstairs\s+(?:in|at)|in\s+the\s+back\s+(?:room\s+)?of)",
}
_ACT = re.compile(r"(?i)(?<![\w'’-])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _ACTS.items())
                  + r")\s+(?P<the>the\s+)?")
_ACT_CUES = register_cues("venue_acts", {
    "box", "boxes", "boxed", "spar", "spars", "sparred", "sparring", "train", "trains", "trained", "skate", "skates",
    "skated", "skating", "curl", "curls", "curled", "bowl", "bowls", "bowled", "coach", "coaches", "coached", "play",
    "plays", "played", "playing", "signed", "committee", "treasurer", "secretary", "chairman", "chairwoman",
    "member", "members", "membership", "behind", "bingo", "raffle", "music", "sherry", "shandy", "karaoke", "fry",
    "help", "helps", "helped", "helping", "stint", "stints", "shift", "tills", "taken", "meets", "meet", "meeting"})
"""The first word of each way of :data:`_ACT` (:mod:`.cue_scan`)."""
_CATEGORY = {"club": "club", "pub": "pub", "org": "org", "venue": "place"}
VENUE_REASON = {"club": "club named after what its members do there", "pub": "pub named after what is done there",
                "org": "group or firm named after what is done there",
                "place": "place named as where a group meets", "shop": "shop named by its owner's name"}
"""The reason each category's proposal gives the reviewer."""

_OWNED = re.compile(r"(?i)(?<![\w'’-])(?:from|at|down|round|up|to|into|outside|opposite)\s+"
                    r"(?:(?:big|little|wee|old|young)\s+)?(?P<name>[^\W\d_][\w-]*)['’]s(?![\w'’-])")
_OWNED_CUES = frozenset({"from", "at", "down", "round", "up", "to", "into", "outside", "opposite"})
_NOT_OWNERS = frozenset({
    "doctor", "dentist", "chemist", "butcher", "baker", "barber", "optician", "vet", "newsagent", "grocer",
    "greengrocer", "hairdresser", "solicitor", "undertaker", "jeweller", "tailor", "cobbler", "florist", "mate",
    "friend", "neighbour", "boss", "work", "council", "school", "church", "hospital", "nobody", "somebody",
    "anybody", "everybody", "everyone", "someone", "anyone", "one", "other", "another", "people", "today",
    "tonight", "yesterday", "tomorrow", "week", "year", "month", "night", "day", "world", "god", "lord", "heaven",
    "hell", "earth", "nature", "life", "death", "st", "saint", "child", "children", "lad", "lass", "kid", "kids",
    "partner", "boyfriend", "girlfriend", "husband", "wife", "fiance", "fiancee", "carer", "gaffer", "landlord",
    "landlady", "let", "what", "who", "where", "there", "here", "that", "it", "he", "she", "everything", "nothing",
    "something", "anything",
})
"""Words with "'s" after a preposition that are a person's home, a trade's shop or no name ("round at my mate's",
"at the chemist's", "from work's"): written for this module from how people say where they were."""


_SIDES = frozenset({"reserves", "firsts", "seconds", "thirds", "juniors", "seniors", "veterans", "vets", "colts",
                    "minis", "youths", "adults", "under", "unders", "ones", "others", "lads", "lasses", "girls",
                    "boys"})
"""A club's own sides and kinds of people, said after "plays for the" of any club: no club's name."""
_TIMES = frozenset({"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
                    "noughties", "teens", "holidays", "hols", "weekends", "evenings", "mornings", "afternoons",
                    "nights", "days", "summers", "winters", "finals", "playoffs", "heats", "trials"})
"""Times and rounds of a season after "the" ("we met in the nineties", "plays for the finals"): no venue."""
_NOT_ENDS = frozenset({"back", "front", "side", "top", "bottom", "place", "house", "name", "own", "whole", "part",
                       "car", "van", "flat"})
"""Words after a name with "'s" that make it a person's things ("at mo's place", "from dave's car")."""


def _phrase_ends(text: str, end: int) -> bool:
    """The name's phrase ends at ``end``: a pause, the end of the turn, or a word that begins the next phrase
    (a preposition, a conjunction, a pronoun, "there's")."""
    nxt = re.match(r"\s*(" + _WORD + r"|[.,;:!?]|$)", text[end : end + 40])
    if nxt is None or nxt.group(1) == "" or not nxt.group(1)[:1].isalpha():
        return nxt is not None
    low = _low(nxt.group(1))
    bare = re.sub(r"['’](?:s|re|ll|d|ve)$", "", low)
    return low in _AFTER or (bare in STOP_WORDS and bare not in _NOT_ENDS)


def _named_after_the(surface: list[str]) -> bool:
    """After an act and "the", one or two words name a venue where each says no kind and the last is a word no
    dictionary holds, an image places are named by, or a plural (a side's name: "the falcons", "the colliers")."""
    lows = [_low(w) for w in surface]
    if len(lows) > 2 or lows[-1] in _SIDES or lows[-1] in _TIMES:
        return False
    last = lows[-1]
    return (_rare(surface[-1]) or _image(last, landforms=False)
            or (last.endswith("s") and not last.endswith(("ss", "'s")) and len(last) > 4))


def act_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """Venues named after what people do there (module doc): (start, end, category)."""
    out: list[tuple[int, int, str]] = []
    for m in cued_finditer(_ACT, text, _ACT_CUES):
        the = m.group("the") is not None
        words = _phrase(text, m.end(), not caseless, the)
        if not words:
            continue
        end = m.end() + words[-1].end()
        if not _phrase_ends(text, end):
            continue  # "plays for the school team": the phrase goes on
        surface = [w.group(0) for w in words]
        lows = [_low(w) for w in surface]
        if any(_kind(w, the) for w in lows) or " ".join(lows) in public_words():
            continue
        if not (_named_after_the(surface) if the else _names(surface, the, True, not caseless, False, None)):
            continue
        kind = next(k for k in _ACTS if m.group(k) is not None)
        out.append((m.end() + words[0].start(), end, _CATEGORY[kind]))
    return out


def owned_spans(text: str) -> list[tuple[int, int]]:
    """Shops named by their owner's name with "'s" after a preposition of going or buying, in captions."""
    out: list[tuple[int, int]] = []
    if not says_any(text, _OWNED_CUES):
        return out
    given = name_lexicon("first")
    for m in _OWNED.finditer(text):
        name = _low(m.group("name"))
        if (name in _NOT_OWNERS or name in given or name in place_names() or _kind(name) or _kind(name + "'s")
                or name in public_words() or f"{name}'s" in public_words() or f"{name}s" in public_words()):
            continue
        if not _phrase_ends(text, m.end()):
            continue  # "at mo's house", "from dave's car": a person's things
        out.append((m.start("name"), m.end()))
    return out


def act_venue_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """Every venue this module reads in one turn's ``text`` (captions when ``caseless``), sorted."""
    found = act_spans(text, caseless)
    if caseless:
        found.extend((s, e, "shop") for s, e in owned_spans(text))
    return sorted(set(found))
