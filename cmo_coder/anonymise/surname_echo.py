"""A surname that is also a word, once said as someone's surname, is that person where it stands alone again.

People are introduced in full or with a title ("Jenny Fisher is the manager", "Mrs Baker came on the Monday")
and then called by the surname alone ("Fisher and her deputy run the place", "then baker rang me"). When the
surname is an ordinary word ("Fisher", "Baker", "Church", "Wood") the transcript-wide repeat of
:mod:`.consistency` does not take it (it seeds only words no dictionary holds, and given names that are words),
and nothing in one sentence says a person: the bare word leaks while its full form was removed.

Here the seed is the last word of a person's name of two or more words whose first word is a title or a common
given name (:func:`.layers.caption_names.common_given`, so a company the model read as a person seeds less), where
that last word is a known surname that is also an everyday word; the allow-list's protected names (a public
figure's "Gordon Brown") seed nothing. Each other place the word is said (in cased text with its capital) is
proposed with the same guards :func:`.consistency.propagate_everyday` puts on a given name that is a word: never
after an article, a possessive, a modal or a subject pronoun ("the church", "my baker", "we fish"); where neither
the word before nor the word after says a name stands, captions ask the model to read the place again capitalised,
and cased text leaves it. Offsets are the word's own; nothing is removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from .candidates import Candidate
from .consistency import (
    _AFTER_WORD,
    _BEFORE_WORD,
    _NAME_FOLLOWS,
    _NAME_PRECEDES,
    _context,
    _free_occurrences,
    _given_names,
)
from .layers.caption_names import common_given
from .layers.words import CALENDAR, TITLE_WORDS, is_everyday, known_surnames
from .lookup import Intervals

REASON = "a surname this transcript gives someone, said again alone"
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TITLES = frozenset(TITLE_WORDS) | {"mr.", "mrs.", "dr.", "ms."}
_MIN_LEN = 4
_NOT_NOUNS = frozenset({
    "forward", "back", "long", "young", "little", "good", "best", "well", "north", "south", "east", "west", "early",
    "late", "new", "strong", "small", "short", "rich", "sharp", "quick", "bright", "close", "dear", "free", "grand",
    "happy", "just", "light", "love", "low", "ready", "sweet", "swift", "wise", "more", "most", "less", "last",
    "first", "still", "even", "over", "down", "around", "along", "ahead", "away", "ever", "never", "right", "left",
    "money", "power", "price", "cash", "share", "rate", "cost", "market", "sales", "trade", "growth", "gain",
    "strategy", "service", "world", "today", "during", "while", "able", "ball", "bond", "stock", "bill", "bills",
})
"""Surnames that talk uses far more as adverbs, adjectives or words of business ("going forward", "the price"):
no seed, however a name list reads the word before them (written for the project)."""
_TITLE_BEFORE = re.compile(r"(?i)(?<![\w'’-])(" + "|".join(sorted(TITLE_WORDS, key=len, reverse=True))
                           + r")\.?\s+$")
_ACTS = frozenset({"came", "comes", "come", "went", "goes", "rang", "rings", "phoned", "texted", "popped", "sorted",
                   "turned", "took", "takes", "brought", "brings", "gave", "gives", "helped", "helps", "looked",
                   "looks", "got", "gets", "sat", "stayed", "stays", "runs", "ran", "did", "does", "was", "is",
                   "were", "used", "never", "always", "still", "she", "he", "she's", "he's"})
"""What a person then does, after the bare surname ("Church came back", "baker rang me", "fisher she said"): a
word after the name that counts as a name's follower here besides :data:`.consistency._NAME_FOLLOWS`."""


_CUED_SCORE = 0.75
"""A person the rules read alone from the words around the name ("i told baker", "then fisher said"), at least as
sure as a cue of speech or address: the surname alone is then said as someone's name, as a full name says it."""


def surname_seeds(text: str, found: Iterable[Candidate], protected: list[tuple[int, int]]) -> set[str]:
    """Lower-cased everyday-word surnames of people named in full or with a title in this transcript, or said alone
    where the rules read a person from the words around it (:data:`_CUED_SCORE`)."""
    firsts = common_given()  # the common given names, not every list's: "monro forward" seeds no "going forward"
    surnames = known_surnames()
    out: set[str] = set()
    kept = Intervals(protected)  # asked of every person found in the transcript
    for c in found:
        if c.category != "person" or c.layer in ("register", "sound_alike"):
            continue
        if kept.overlaps(c.start, c.end):
            continue  # a public figure the allow-list keeps seeds nothing
        words = _WORD.findall(text[c.start : c.end])
        before = _TITLE_BEFORE.search(text, max(0, c.start - 12), c.start)
        if len(words) == 1 and before is not None:
            words = [before.group(1), *words]  # "Mr [Church]": the title stays outside the person's span
        cued = len(words) == 1 and c.layer == "rules" and c.score >= _CUED_SCORE
        if len(words) < 2 and not cued:
            continue
        first, last = words[0].lower(), words[-1].lower()
        if not cued and first not in _TITLES and first not in firsts:
            continue
        if (len(last) < _MIN_LEN or last not in surnames or not is_everyday(last) or last in STOP_WORDS
                or last in CALENDAR or last in _given_names() or last in _NOT_NOUNS):
            continue  # a word no dictionary holds is consistency's; a given name that is a word is propagate_everyday's
        out.add(last)
    return out


def propagate_surnames(text: str, segments: list[tuple[int, int]], found: list[Candidate], caseless: bool,
                       protected: list[tuple[int, int]],
                       reread: Callable[[list[tuple[int, int]]], list[bool]] | None = None) -> list[Candidate]:
    """Candidates for the bare surname's other places in ``segments`` (module doc)."""
    seeds = surname_seeds(text, found, protected)
    if not seeds:
        return []
    out: list[Candidate] = []
    open_places: list[tuple[int, int]] = []
    for s, e in _free_occurrences(text, segments, seeds, caseless, found, protected):
        before, after = _context(text, s, e)
        if before in _BEFORE_WORD:
            continue
        follows = after in _NAME_FOLLOWS or after in _ACTS
        if after in _AFTER_WORD - {"is", "was", "were", "are"} or (before not in _NAME_PRECEDES and not follows):
            open_places.append((s, e))
            continue
        out.append(Candidate(s, e, "person", "consistency", 0.6, REASON))
    if reread is not None and open_places:
        for (s, e), person in zip(open_places, reread(open_places), strict=True):
            if person:
                out.append(Candidate(s, e, "person", "consistency", 0.6, REASON))
    return out
