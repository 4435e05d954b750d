"""Captions: a surname that is also a word, joined by "and" to someone already found ("siobhan and frost came").

People name the staff and friends they deal with in pairs: "siobhan and frost sorted it", "then holt and kerry
turned up", "i went with kerry and marsh". Where one of the pair is a person another layer found, and the other is
a word the surname lists hold ("Frost", "Holt", "Marsh"), said bare, the pair is two people: a thing is seldom
joined by "and" to a person without an article ("kerry and the dog", "siobhan and her kids" keep theirs). The
given-name lists' words have this cue already (:mod:`.cues`, "ahmed and saira"); this is the same cue for the
surname lists' everyday words, which no cue read before.

What stays: a word after a determiner, possessive or preposition of place ("the marsh and kerry's house"), a word
tagged as a verb, pronoun or other function word ("kerry and work out a plan"), a pair that modifies the noun
after it ("kerry and marsh road"), a listed place, and a word subtitles write in lower case very often ("cook",
"page", "bell"): there the word's own reading is likelier. Text typed with capitals is left to the model.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..lookup import Intervals
from .context import word_after, word_before
from .sound_alike import OFTEN_LOWER
from .state import NEVER_NAME_POS
from .turn_view import holds_any, turn_view
from .words import KINSHIP, TITLE_WORDS, is_everyday, lowercase_usage, name_lexicon, place_names

LAYER = "rules"
REASON = "a surname said with 'and' beside a person"
_AND = frozenset({"and", "&"})
_BEFORE_A_THING = frozenset({"the", "a", "an", "this", "that", "these", "those", "my", "our", "your", "their", "his",
                             "her", "its", "every", "each", "some", "any", "no", "of", "in", "at", "on", "into",
                             "from", "near", "by", "through", "across", "over", "under"})
"""Words before which the word names a thing or a place ("the marsh", "across marsh and"): never read here."""


@cache
def _word_surnames() -> frozenset[str]:
    """Everyday words the surname lists hold and the given-name lists do not: the words no cue read."""
    firsts = name_lexicon("first")
    return frozenset(w for w in name_lexicon("all") - firsts
                     if w.isalpha() and len(w) >= 3 and is_everyday(w) and w not in KINSHIP
                     and w not in TITLE_WORDS and lowercase_usage().get(w, 0) < OFTEN_LOWER)


def _joined(tok: Token, people: Intervals) -> Token | None:
    """The person ``tok`` is joined to by "and", before or after it, or None."""
    for joint, other in ((word_before(tok), word_before(tok, 2)), (word_after(tok), word_after(tok, 2))):
        if joint is not None and joint.lower_ in _AND and other is not None \
                and people.covers(other.idx, other.idx + len(other)):
            return other
    return None


def paired_surnames(doc: Doc, people: list[tuple[int, int]]) -> list[Candidate]:
    """Surname words joined by "and" to a person in ``people`` (offsets in ``doc``'s turn), in a caption turn."""
    if not people or not holds_any(doc, _AND):  # one set test on the turn's words, no Token made of each
        return []
    found = Intervals(people)
    words, places = _word_surnames(), place_names()
    out: list[Candidate] = []
    for i, low in enumerate(turn_view(doc).lowers):
        if low not in words or low in places:
            continue  # most words: told from the turn's lower forms before a Token is made
        tok = doc[i]
        if tok.pos_ in NEVER_NAME_POS:
            continue
        if found.covers(tok.idx, tok.idx + len(tok)):
            continue
        other = _joined(tok, found)
        if other is None:
            continue
        before = word_before(tok)
        first = tok if other.i > tok.i else other
        last = other if other.i > tok.i else tok
        opening = word_before(first)
        if (before is not None and before.lower_ in _BEFORE_A_THING) or \
                (opening is not None and opening.lower_ in _BEFORE_A_THING):
            continue
        after = word_after(last)
        if after is not None and after.pos_ == "NOUN":
            continue  # "kerry and marsh road": the pair names a thing
        out.append(Candidate(tok.idx, tok.idx + len(tok), "person", LAYER, 0.75, REASON))
    return out
