"""A festival, a month or a weekday written another way and said as a time: "for Dewali", "on Wensday",
"Navrathri celebrations", "happy Vaisaki".

The calendar list (``data/public_names/calendar.txt``) keeps the festivals and days by their usual spellings.
Families and transcribers write them in many others (a Punjabi, Gujarati or Tamil household's romanisation, a
caption's guess, a typo), and a word no list or dictionary holds, capitalised, is what the model and the
sound-alike layer read as a person: "we all went round for Dewali" lost its festival, sometimes to a
registered person's placeholder because the word sounds a little like a name on the register.

What tells a festival from a person is how it is said. A time is what people do things "on", "over",
"during", "for", "since", "before" or "after", what is "this", "last" or "next", what "happy" greets, and what
a day, an eve, a holiday, a festival, celebrations, prayers or presents belong to ("Dewali presents"). So a
proposal is dropped here when all of these hold:

- each of its words is a spelling close to a listed festival, month or weekday (by letters, see
  :data:`CLOSE`; the first letter the same, five letters or more), or a word that names such a time's parts
  ("day", "eve", "mubarak"), and at least one is such a spelling;
- no such spelling is a dictionary word, a given name, a surname or a place on the project's lists: a name
  the lists know ("Esther", "Christa", "Darshan") stays the name it is, wherever it is said;
- the words around say a time: a word of time before it, or a time's part after it;
- nothing says a person: no possessive or verb of speech after it, nor "and" unless the word before leaves
  no room for a person ("during", "last").

Never dropped: the register's own entry (a registered spelling always goes, as the register decides, and
a registered "June" said "in June" stays the reviewer's per-occurrence item), and a sound-alike whose word
is as close to the registered name as to the festival (see :func:`nearer_the_festival`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from rapidfuzz import fuzz

from .candidates import Candidate
from .folding import fold
from .layers.public_names import public_names
from .layers.words import CALENDAR, is_everyday, listed_names, place_names

CLOSE = 80
"""Least ``rapidfuzz`` ratio between a word and a listed festival, month or weekday: "dewali" and "diwali"
(83), "wensday" and "wednesday" (88), "navrathri" and "navratri" (94); "dial" and "diwali" (80) are excluded by
length and by the dictionary, "duval" and "divali" (73) are not close."""
LEAST_LETTERS = 5
"""A shorter word is too often a short name or a clipped word to be read as a festival by its letters."""

ONLY_A_TIME = frozenset({
    "during", "throughout", "over", "this", "last", "next", "every", "happy", "celebrate", "celebrates", "celebrated",
    "celebrating",
})
"""Words before a festival or day that leave no room for a person ("during Ramadan", "over Christmas", "last
Wednesday", "happy Diwali", "we celebrate Vaisakhi"): "and" after it is then another time ("during Ramzaan and
Eid")."""
TIME_BEFORE = ONLY_A_TIME | frozenset({"on", "for", "since", "before", "after", "until", "till", "til",
                                       "around"})
"""Words before a festival or day that say the time, though a person may follow them too ("since Easter",
"for Diwali"; "for Dev"): then "and" after it says a person (written for the project from how people date
things)."""
MARGIN = 5
"""How much nearer a festival than the registered name a sound-alike must be spelt to be read as the festival."""
TIME_PARTS = frozenset({
    "day", "days", "eve", "holiday", "holidays", "hols", "festival", "festivals", "festivities", "celebration",
    "celebrations", "mubarak", "time", "break", "week", "weekend", "season", "party", "parties", "dinner", "lunch",
    "meal", "feast", "prayers", "fast", "fasting", "presents", "gifts", "card", "cards", "greetings", "morning",
    "afternoon", "evening", "night", "market", "mela", "lights", "fireworks", "sweets", "service", "services",
})
"""What a festival or day has, said after its name ("Dewali presents", "Wensday morning", "Eid prayers");
a person's own would carry a possessive ("Dewi's party")."""
_PERSON_AFTER = frozenset({
    "'s", "’s", "s", "said", "says", "say", "told", "tells", "asked", "asks", "rang", "phoned", "texted",
    "is", "was", "were", "has", "had",
})
"""Words after a name that say a person ("Dewali said", "Dewali's mum"; "Dewali was lovely" is let go by this
too: a festival that "was" something is also a person who was, and a leak costs more)."""
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_BEFORE = re.compile(r"([^\W_]+)[^\S\n]*\n?[^\S\n]*$")
_AFTER = re.compile(r"[^\S\n]*\n?[^\S\n]*(['’]s\b|[^\W_]+)")


@cache
def _calendar_words() -> tuple[str, ...]:
    """One-word festivals, months and weekdays of the calendar list, folded, five letters or more."""
    words = {fold(e.lower()) for e in public_names("calendar") if " " not in e.strip() and "-" not in e}
    return tuple(sorted(w for w in words | CALENDAR if len(w) >= LEAST_LETTERS and w.isalpha()))


@cache
def closest_festival(word: str) -> tuple[str, float] | None:
    """The listed festival, month or weekday ``word`` is a close spelling of, and how close; None if none."""
    low = fold(word.lower())
    if len(low) < LEAST_LETTERS or not low.isalpha():
        return None
    best: tuple[str, float] | None = None
    for entry in _calendar_words():
        if entry[0] != low[0]:
            continue
        score = fuzz.ratio(low, entry)
        if score >= CLOSE and (best is None or score > best[1]):
            best = (entry, score)
    return best


@cache
def calendar_spelling(word: str) -> bool:
    """A word on no list and in no dictionary that is spelt close to a listed festival, month or weekday."""
    low = fold(word.lower())
    if is_everyday(low) or low in listed_names() or low in place_names():
        return False
    found = closest_festival(low)
    return found is not None and found[0] != low  # the listed spelling itself is the allow-list's


def nearer_the_festival(word: str, registered_part: str) -> bool:
    """Whether ``word``, tied by sound to a registered name part, is spelt nearer a festival than that name."""
    found = closest_festival(word)
    if found is None:
        return False
    return found[1] >= fuzz.ratio(fold(word.lower()), fold(registered_part.lower())) + MARGIN


def a_festival_not_the_person(text: str, start: int, end: int, parts: Iterable[str]) -> bool:
    """``text[start:end]``, one word tied to a registered person's name ``parts`` by sound or by letters, is a
    festival, month or weekday written another way, spelt nearer it than any of the parts, and said as a time:
    the time, not the person ("for dewali" with a registered Twila, "for hanukka" with a Hanka)."""
    word = text[start:end]
    return (calendar_spelling(word) and all(nearer_the_festival(word, p) for p in parts)
            and said_as_a_time(text, start, end))


def said_as_a_time(text: str, start: int, end: int) -> bool:
    """The words around ``text[start:end]`` say a time and nothing says a person (module doc)."""
    after = _AFTER.match(text, end)
    nxt = after.group(1).lower().replace("’", "'") if after else ""
    before = _BEFORE.search(text, max(0, start - 40), start)
    prev = before.group(1).lower() if before else ""
    if nxt in _PERSON_AFTER or (nxt == "and" and prev not in ONLY_A_TIME):
        return False
    return prev in TIME_BEFORE or nxt in TIME_PARTS or _like_a_date(nxt)


def _like_a_date(word: str) -> bool:
    """A day of the month or a year after a month: "Febuary 2020", "Wensday 3rd"."""
    return bool(re.fullmatch(r"\d{1,4}(?:st|nd|rd|th)?", word))


def festival_only(text: str, c: Candidate) -> bool:
    """Every word of ``c`` is a close spelling of a festival or one of a time's parts, at least one the former."""
    words = [w for w in _WORD.findall(text[c.start:c.end]) if w.lower() != "the"]
    if not words or len(words) > 3:
        return False
    spelled = [calendar_spelling(w) for w in words]
    return any(spelled) and all(s or w.lower() in TIME_PARTS for w, s in zip(words, spelled, strict=True))


def _with_its_part(text: str, c: Candidate) -> bool:
    """The proposal ends in a time's part ("Dewali presents", "Wensday morning") and no person's word follows."""
    words = _WORD.findall(text[c.start:c.end])
    after = _AFTER.match(text, c.end)
    nxt = after.group(1).lower().replace("’", "'") if after else ""
    return len(words) > 1 and words[-1].lower() in TIME_PARTS and nxt not in _PERSON_AFTER


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without festivals, months and weekdays written another way and said as a time (module doc).

    The register's own entries stand; so does anything tied to a registered person (its own layer,
    :mod:`.layers.sound_alike`, weighs the festival against that person's name)."""
    return [c for c in found
            if c.layer == "register" or c.item_key is not None
            or not (festival_only(text, c) and (said_as_a_time(text, c.start, c.end) or _with_its_part(text, c)))]
