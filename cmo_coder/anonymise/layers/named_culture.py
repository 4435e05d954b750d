"""Titles, singers and events named like a person or a place, kept only where the sentence speaks of culture.

"Vera", "Shetland", "Adele", "Wimbledon" and "Glastonbury" are a programme, a singer and two events, and also a
given name, a UK place and a town. No list may keep them wherever said ("Vera said", "moved to Shetland"), and
the culture frames of :mod:`.public_culture` never keep a run that begins with a given name or is a one-word
place. So the list ``data/public_names/named_titles.txt`` keeps its entries only inside a frame of culture:

* watched, listened to or bought for: "watching Vera", "binged Luther", "listening to Adele", "tickets for
  Glastonbury", "an episode of Shetland";
* shown, for a title that is no given name: "Shetland on the telly", "Wimbledon was on the TV";
* a work or a following: "an Adele song", "Madonna's new album", "a Sherlock fan".

A proposed run after "a programme called", "a band called", "a game named" is a title whatever it is: a show,
a band or a game is no person ("a show called Vera", "a band called the Lathums"), and no list need hold it
(:func:`called_title_spans`).

A word of kinship, friendship, ownership or a title right before ("my Vera", "Auntie Vera"), or a word of doing
after ("watching Vera in the nativity", "listening to Dave at the meeting") leaves the name a person's; "X is
on" alone is no frame, as a nurse "is on tonight"; registered names always win, as everywhere in the allow-list.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc

from .public_bodies import _lows
from .public_culture import CONSUME, DOING, LISTEN, STREAMING, WORKS
from .public_names import public_names
from .public_runs import personal, span_of
from .words import name_lexicon

_SHOWN = frozenset({"telly", "tv", "television", "box", "telebox", *STREAMING})
"""Where a named title is shown: "Shetland on the telly", "Wimbledon on iPlayer" (not the radio, where people
ring in)."""
_BOUGHT = frozenset({"tickets", "ticket"})
_PART = frozenset({"episode", "episodes", "series", "season", "seasons", "finale", "repeat", "repeats"})
_MAX = 4
_DOING = DOING - {"and"}
"""Words after a watched name that make it a person doing something; "and" is not one for a listed title."""
_BINGED = frozenset({"binge", "binged", "bingeing", "binging", "streaming", "streamed", "rewatching", "rewatched"})
_SPEAKING = frozenset({"talk", "talking", "talks", "speak", "speaking", "say", "saying", "says", "said", "at",
                       "moan", "moaning", "going", "explain", "explaining", "tell", "telling", "about", "on"})
"""Words after "listening to X" that make X someone speaking ("listening to Drake talk at the meeting")."""


@cache
def named_titles() -> dict[tuple[str, ...], int]:
    """The list's entries as lower-case word tuples ("lord", "'s"), each with its length in words."""
    out: dict[tuple[str, ...], int] = {}
    for entry in public_names("named_titles"):
        words = tuple(re.findall(r"'s|[^\W_]+", entry.lower().replace("’", "'")))
        out[words] = len(words)
    return out


@cache
def _title_firsts() -> frozenset[str]:
    """The first word of every listed title: a word that is none cannot begin one (made once, not per turn)."""
    return frozenset(t[0] for t in named_titles())


def _framed_before(lows: list[str], s: int) -> bool:
    """ "watching X", "listening to X", "tickets for X", "an episode of X"."""
    one = lows[s - 1] if s > 0 else ""
    two = lows[s - 2] if s > 1 else ""
    return one in CONSUME or (one == "to" and two in LISTEN) or (one in {"for", "to"} and two in _BOUGHT) or (
        one == "of" and two in _PART)


def _framed_after(lows: list[str], e: int, shown: bool) -> bool:
    """ "X on the telly", "X was on the TV" (with ``shown``), "X's new album", "a X fan"."""
    k = e
    if k < len(lows) and lows[k] in {"'s", "is", "was"}:
        k += 1
    if shown and k < len(lows) and lows[k] == "on":
        k += 1
        if k < len(lows) and lows[k] == "the":
            k += 1
        return k < len(lows) and lows[k] in _SHOWN
    while k < len(lows) and lows[k] in {"new", "latest", "last", "old", "first", "big", "best"}:
        k += 1
    return k < len(lows) and lows[k] in WORKS


def named_culture_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of listed named titles said inside a frame of culture (see the module doc)."""
    lows = _lows(doc)
    titles = named_titles()
    firsts = _title_firsts()
    out = []
    for s, low in enumerate(lows):
        if low not in firsts:
            continue
        for n in range(min(_MAX, len(lows) - s), 0, -1):
            e = s + n
            if tuple(lows[s:e]) in titles:
                # the word before only: a listed title is often a one-word place, which the frame decides here
                if not personal(lows, s, s + 2) and _in_frame(lows, s, e, given=low in _given()):
                    out.append(span_of(doc, s, e))
                break
    return out


@cache
def _given() -> frozenset[str]:
    return name_lexicon("first")


def _in_frame(lows: list[str], s: int, e: int, given: bool) -> bool:
    """A frame before (and no word of doing after), or one after; a given name is not kept by "on the telly"
    alone, where a friend who was on the news is said too."""
    if _framed_before(lows, s):
        after = lows[e] if e < len(lows) else ""
        if lows[s - 1] in _BINGED:
            return True  # nobody binges or streams a person: "binged Luther in a weekend"
        if s > 1 and lows[s - 1] == "to" and lows[s - 2] in LISTEN:
            return after not in _SPEAKING  # "listening to Adele in the car"; "listening to Drake talk"
        return after not in _DOING  # "watching Vera and I cried"; "watching Vera in the school play"
    return _framed_after(lows, e, shown=not given)


WORK_NOUNS = frozenset({"programme", "programmes", "program", "show", "shows", "series", "film", "films", "movie",
                        "movies", "band", "bands", "group", "game", "games", "book", "books", "novel", "song", "songs",
                        "album", "podcast", "podcasts", "documentary", "drama", "soap", "sitcom", "cartoon", "quiz",
                        "channel", "app", "musical", "play", "festival", "comedy", "singer", "rapper", "boxset"})
"""Works and makers of culture that are named with "called" ("a programme called X", "a band called X");
written for the project. "a lad called X", "a woman called X" are people and are not here."""
_CALLED = frozenset({"called", "named", "titled", "entitled"})
_BETWEEN = frozenset({"new", "old", "great", "good", "brilliant", "funny", "little", "big", "daft", "this", "that",
                      "tv", "telly", "radio", "kids", "kids'", "children's", "cooking", "quiz", "crime", "reality",
                      "dating", "war", "true", "detective", "documentary", "local", "rock", "punk", "pop", "indie"})


_MADE_BY_US = frozenset({"in", "joined", "formed", "started", "runs", "run", "ran", "running", "organises",
                         "organised", "made", "makes", "set", "does", "did", "plays", "played", "wrote", "writes"})
"""Words before "a band called X" that make it the speaker's or a friend's own, a local one ("my son is in a band
called X", "she runs a podcast called X"): not kept."""


def called_title_spans(doc: Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of proposed token ``runs`` said after a work noun and "called" ("a programme called
    Vera", "this band called the Lathums"); never after a word of kinship or ownership ("my mate's band called
    Dave" is no frame: the noun must follow an article or a describing word), nor where someone is in it, runs
    or made it ("he's in a band called X": a local band names its members)."""
    lows = _lows(doc)
    out = []
    for s, e in runs:
        k = s - 1
        if k >= 0 and lows[k] == "the":
            k -= 1
        if k < 1 or lows[k] not in _CALLED:
            continue
        k -= 1
        if lows[k] not in WORK_NOUNS:
            continue
        j = k - 1
        while j >= 0 and lows[j] in _BETWEEN and k - j <= 3:
            j -= 1
        if j >= 0 and lows[j] in {"a", "an", "the", "this", "that", "some", "one"} \
                and not (j > 0 and lows[j - 1] in _MADE_BY_US):
            out.append(span_of(doc, s, e))
    return out
