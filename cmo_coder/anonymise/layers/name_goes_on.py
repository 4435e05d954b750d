"""A registered given name said with a surname the register does not hold, where that surname is a word.

The register often holds a person by given name alone, or by another surname than the one a speaker uses
(a maiden name, a partner's name, a name the team never wrote down). :func:`.register_near.run_on` takes a
second word no dictionary holds, written with a capital. Three ways of saying such a full name still left
the surname beside the placeholder, and the surname with the context points at the person:

- **a surname written in lower case in cased text**: automatic captions that a Teams or Zoom export keeps
  as typed text write a name they do not know in lower case ("Gethin prys", "Nkechi amadi"), and so does a
  hurried typist. A word English almost never writes in lower case, straight after the name on the same
  line, is the surname there, dictionary word or not ("prys" is in the dictionary only as "pry" + s);
- **a surname that is also a word, written with a capital**: "Dawn Hill came in", "I spoke to Priya Oak",
  "Will Bass rang". Mid-sentence capitals after a given name are a full name when the word is a surname
  in the census or UK lists; not where the word makes the pair a street or a place's name ("Grace Road",
  "Hope Street"), a listed public name ("Jo Malone"), or a phrase English says with that word ("Will
  Power", "Dawn Chorus");
- **the same in captions**: "i spoke to priya oak", "will bass rang me". With no capitals nothing tells the
  surname from a word ("priya home now"), so the word is an undecided item of its own, named as the person:
  a reviewer decides it, it is never removed silently nor kept unseen. Only a noun or adjective the
  tagger reads there, that a surname list holds or that is not among English's most frequent words, and
  never a word of time, place or kin.

Each candidate takes the certainty of the registered name it follows: after a name the register layer
itself left open ("will" may be the verb) the two words become one undecided item; in captions not where
the open name follows a determiner, an adjective or a possessive ("the dawn walks").
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..folding import fold
from ..register import GENERIC_TAILS, RegisterItem
from .context import word_after, word_before
from .name_edges import never_in_a_name
from .public_names import all_public_names
from .state import text_of
from .streets import STREET_HEADS
from .turn_view import char_span
from .words import (
    CALENDAR,
    FILLERS,
    KINSHIP,
    TITLE_WORDS,
    in_dictionary,
    known_surnames,
    lowercase_usage,
    place_names,
)

LOWER_SELDOM = 100
"""A word written in lower case fewer times than this in the subtitle counts (:func:`.words.lowercase_usage`)
is a name there, dictionary word or not: "prys" 0, "veda" 55; every word said after a name ("said", "was",
"innit" 148) is far above it."""
CAPTION_COMMON = 100_000
"""In captions a word after a registered given name that no surname list holds is still an undecided item
below this many lower-case uses ("oak" 5,926, "moss"); above it, a word that is no surname is a word there
("home" 712,613, "good"). Measured before choosing: on the focus-group, hand-written and interview caption
sets, with no bound at all, the rule added 0, 0.25 and 0 undecided items per transcript."""

PLACE_HEADS = frozenset({*STREET_HEADS, *GENERIC_TAILS, "house", "court", "lodge", "hall", "park", "green", "hill",
                         "way", "gardens", "square", "place", "bridge", "farm", "cottage", "cottages",
                         "estate", "village", "town", "city", "street", "road"})
"""Words that make the pair a place ("Grace Road", "Hope Street", "Ruby House", "Will Court"): the street and
place layers type those. Written for the project from the street heads (:data:`.streets.STREET_HEADS`) and
the kinds of service a place name ends in (:data:`..register.GENERIC_TAILS`). "Hill" and "Green" are heads only
where a street list would read one ("Dawn Hill Road"): as the last word after a given name they are
surnames first, so they are dropped from this set below."""
SURNAMES_FIRST = frozenset({"hill", "green", "wood", "hall", "park", "field", "fields", "moss", "marsh", "brook",
                            "brooks", "ford", "dale", "croft", "shaw", "wells", "rhodes", "knight"})
"""Place heads that are common surnames: after a given name, with nothing after them that makes a street
("Dawn Hill came in", "Sarah Wood rang"), they are taken as the surname. Not "Street", "Lane" or "Road":
there the street reading wins, and the street layers remove the pair whichever it is. Written for the
project."""

PHRASES = frozenset({"will power", "dawn chorus", "grace period", "hope chest", "rose garden", "rose bush",
                     "holly bush", "ivy league", "ruby wedding", "daisy chain", "april fool", "may day",
                     "faith school", "joy ride", "penny black", "mark sheet", "sandy beach", "summer time",
                     "summer holiday", "bill board", "grace note", "pearl harbour", "jack knife", "jack pot",
                     "frank talk", "rusty nail", "ginger beer", "ginger nut", "olive oil", "olive branch",
                     "amber light", "amber warning", "crystal ball", "honey pot", "sunny spell", "sunny side"})
"""Pairs English says with a given name that is a word and a word that is a surname: not a full name. Written
for the project (common compounds of a word given name, from how people speak)."""

_PERSON_POS = frozenset({"NOUN", "PROPN", "ADJ"})
"""What the tagger reads a surname said as a word as: "priya oak" (NOUN), "will bass" (NOUN), "dawn white"
(ADJ). Never a verb, adverb, preposition or function word ("priya went", "priya now")."""


@cache
def public_pairs() -> frozenset[str]:
    """Two-word public names of every class, lower case ("jo malone", "ted baker"): a brand or a public
    person named with a given name is no full name of a participant."""
    return frozenset(" ".join(e.lower().split()) for e in all_public_names() if len(e.split()) == 2)


def _plain(tok: Token, caseless: bool = True) -> bool:
    """Letters only, not a function word, filler, title, month, weekday or relative, nor a word that is never
    part of a name ("jade rang": the tagger may read a past form in captions as a noun)."""
    low = tok.lower_
    return (tok.is_alpha and len(tok) >= 2 and not tok.is_stop and low not in FILLERS and low not in CALENDAR
            and low not in KINSHIP and low not in TITLE_WORDS and not never_in_a_name(tok.text, cased=not caseless))


def _given_name_only(span_text: str, item: RegisterItem) -> bool:
    """The match is one word and not the registered surname: a given name or a familiar form said alone
    ("Dawn" of Dawn Price), or the whole of a one-word registration ("Nkechi")."""
    words = span_text.split()
    if len(words) != 1:
        return False
    names = item.surface.split()
    return len(names) == 1 or fold(words[0]) != fold(names[-1])


def _place_pair(name: str, word: str, after: Token | None) -> str | None:
    """ "head": the pair is a street's or a place's name ("Grace Road", "Hope Street", "Dawn Hill Road"), which
    the street and place layers type; "place": the word is a place's name too ("Priya Preston"), a surname or
    a town, for a reviewer; None: neither."""
    low = word.lower()
    if after is not None and after.lower_ in PLACE_HEADS and after.lower_ not in SURNAMES_FIRST:
        return "head"  # "Dawn Hill Road": the head is the next word
    if low in PLACE_HEADS and low not in SURNAMES_FIRST:
        return "head"
    pair = f"{name.lower()} {low}"
    if pair in place_names() or fold(name) + fold(word) in place_names():
        return "head"  # "Grace Dieu", "Maryport": the pair is the place
    return "place" if fold(word) in place_names() else None


def _said_together(name: str, word: str) -> bool:
    """A phrase, a compound or a public name, not a full name: "Will Power", "willpower", "Jo Malone"."""
    pair = f"{name.lower()} {word.lower()}"
    return pair in PHRASES or pair in public_pairs() or in_dictionary(fold(name) + fold(word))


def _why(tok: Token, name: Token, caseless: bool) -> tuple[str, bool] | None:
    """Why ``tok`` right after the registered given name ``name`` is the person's surname, and whether the
    rule is sure of it; None where it is not a surname here."""
    low, folded = tok.lower_, fold(tok.text)
    if not folded or _said_together(name.text, tok.text):
        return None
    if not caseless:
        if tok.text.islower():
            if _another_language_after(tok):
                return None  # "Jas beti bahut changi hai": a run of words no dictionary holds is speech in another
                # language written in lower case, as an interpreted interview keeps it, not a surname
            if not in_dictionary(folded) or lowercase_usage().get(low, 0) < LOWER_SELDOM:
                return "a surname written in lower case", True
            return None
        if tok.text[:1].isupper() and not tok.text.isupper() and in_dictionary(folded) and folded in known_surnames():
            place = _place_pair(name.text, tok.text, word_after(tok))
            if place == "head":
                return None
            return ("a surname that is also a word", True) if place is None else ("a surname, or a place", False)
        return None
    if tok.pos_ not in _PERSON_POS or not in_dictionary(folded):
        return None  # a word no dictionary holds is run_on's, and sure
    if _praise_before_a_noun(tok):
        return None  # "come here bud good boy": the word praises whoever the noun after it is
    if _place_pair(name.text, tok.text, word_after(tok)) is not None:
        return None  # in captions a place after a name is the place layers' ("told priya london was far")
    if folded in known_surnames() or lowercase_usage().get(low, 0) < CAPTION_COMMON:
        return "perhaps a surname, or a word", False
    return None


def _another_language_after(tok: Token) -> bool:
    """Whether the lower-case word after ``tok`` on its line would be taken for a surname too (no dictionary's
    word, or one English seldom writes in lower case): in cased text a
    surname in lower case ("Gethin prys came") is followed by English, and a second such word makes the run a
    phrase of another language ("Pinky vi kadi kadi aundi hai", "Jas beti bahut changi hai")."""
    nxt = word_after(tok)
    return (nxt is not None and nxt.is_alpha and nxt.text.islower() and nxt.idx == tok.idx + len(tok) + 1
            and (not in_dictionary(fold(nxt.text)) or lowercase_usage().get(nxt.lower_, 0) < LOWER_SELDOM))


_ADDRESSED_AS = frozenset({"boy", "girl", "lad", "lass", "dog", "pup", "puppy", "lady", "fella", "man", "woman",
                           "chap", "mate", "kid", "bairn", "baby", "un", "one", "job", "stuff"})
"""Nouns a speaker praises or calls someone by after an adjective ("good boy", "clever girl", "good lad", "good
job"): said to a dog or a child right after its name, as often as after nothing."""


def _praise_before_a_noun(tok: Token) -> bool:
    """An adjective of the dictionary before a noun of address ("bud good boy"): no surname stands before a noun
    it could modify so, and a walking group's captions said it to the dog by name."""
    nxt = word_after(tok)
    return tok.pos_ == "ADJ" and nxt is not None and nxt.lower_ in _ADDRESSED_AS


_BEFORE_A_WORD = frozenset({"DET", "ADJ", "NUM"})


def _a_word_here(tok: Token) -> bool:
    """A registered name that is a word, after a determiner, adjective or number ("the dawn", "early dawn"):
    the word, as far as the words before it say."""
    prev = word_before(tok)
    return prev is not None and (prev.pos_ in _BEFORE_A_WORD or prev.tag_ == "PRP$")


def goes_on(doc: Doc, found: list[Candidate], caseless: bool, items: Mapping[str, RegisterItem],
            taken: list[tuple[int, int]]) -> list[Candidate]:
    """The word right after a registered given name, on the same line, where it is the person's surname
    (see the module's docstring); ``found``: the register layer's matches, ``taken``: stretches already
    proposed (:func:`.register_near.run_on`'s words among them), ``items``: register items by key."""
    out: list[Candidate] = []
    for c in found:
        if c.category != "person" or c.item_key is None or c.item_key not in items:
            continue
        span = char_span(doc, c.start, c.end, "expand")
        if span is None or not len(span) or not _given_name_only(span.text, items[c.item_key]):
            continue
        last = span[-1]
        nxt = word_after(last)
        if nxt is None or not _plain(nxt, caseless) or text_of(doc)[last.idx + len(last):nxt.idx] != " ":
            continue  # one space only: a comma, "and" or a line break is another person or a new start
        s, e = nxt.idx, nxt.idx + len(nxt)
        if any(a < e and s < b for a, b in taken):
            continue
        if caseless and c.per_occurrence and _a_word_here(span[0]):
            continue  # "the dawn walks helped": the open name is the word, and so is the next one
        why = _why(nxt, last, caseless)
        if why is None:
            continue
        reason, sure = why
        if sure and not c.per_occurrence:
            out.append(Candidate(s, e, c.category, "register", 1.0, f"the registered name goes on into {reason}",
                                 item_key=c.item_key, placeholder=c.placeholder))
        else:  # an open name, or an open surname: one undecided item, never silently removed or kept
            start = c.start if c.per_occurrence else s
            out.append(Candidate(start, e, c.category, "register", 0.5,
                                 f"the registered name perhaps goes on into {reason}", item_key=c.item_key,
                                 placeholder=c.placeholder, per_occurrence=True))
        taken.append((s, e))
    return out
