"""Captions: a registered person's clipped form that is also a word ("pad" for Paddy), where no name context shows.

Captions drop the commas that set off someone addressed, so "It's not a joke, Pad. It's true." arrives as "it's
not a joke pad it's true": the form stands mid-line, between the end of one clause and the start of the next, and
the register's name contexts (:func:`.familiar.named_here`) read none of it. Two readings here:

* **addressed mid-line**: the form is followed by the opening of a new clause ("it's", "you're", "i", "we") and
  preceded by a word that closes a clause rather than one that takes the form as its object or modifies it
  ("fair play pad you were right", "honestly tab it was the worst week"): a person, removed;
* **no slot says the word**: captions write names in lower case, so the form is never silently kept as the word
  unless the grammar says it is one: after a determiner or possessive ("a pad of paper", "my pad"), after a
  preposition other than "with" and "to" ("on pad"), after an adjective or a number, as the second word of a
  compound a determiner opens ("a launch pad"), before "of", or as a verb before its particle or object ("carry
  on" for a Carys, "gave us" for a Gavin). Elsewhere the occurrence is an undecided review
  item, one occurrence at a time.

A compound a determiner opens that then meets a new clause ("a joke pad it's true") could be either: it is
undecided, never removed unseen nor kept unseen. The word lists here were written for the project.
"""

from __future__ import annotations

from spacy.tokens import Token

from .context import word_after, word_before

_OPENS_CLAUSE = frozenset({"it's", "it", "i", "i'm", "i've", "i'd", "i'll", "you", "you're", "you've", "you'd",
                           "you'll", "we", "we're", "we've", "that's", "there's", "he", "he's", "she", "she's",
                           "they", "they're", "honestly", "listen", "look", "don't", "stop", "come", "what's",
                           "are", "do", "did", "have", "can", "will", "would"})
"""Words that open a new clause after someone addressed: "fair play pad you were right", "pad are you coming"."""
_CONTRACTED = frozenset({"'s", "’s", "'re", "’re", "'m", "’m", "'ve", "’ve", "'d", "’d", "'ll", "’ll"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "our",
                          "their", "its", "some", "any", "no", "every", "each", "one", "me", "yer", "ur", "another"})
"""Before the form, these make it a noun ("a pad", "me pad" for my flat)."""
_PREPOSITIONS = frozenset({"of", "in", "on", "at", "for", "from", "by", "into", "onto", "under", "over", "about",
                           "off", "out", "up", "down", "through", "than", "like", "as", "per"})
"""Before the form, these make it a noun or a verb's particle ("on pad", "like pad"); "with" and "to" are where
people stand ("i went with pad", "i said to pad")."""
_TAKES_OBJECT = frozenset({"bought", "got", "get", "need", "needed", "use", "used", "using", "buy", "grab", "pass",
                           "lost", "find", "found", "keep", "kept", "want", "wanted", "had", "have", "has", "is",
                           "was", "be", "been", "are", "were", "tone", "to"})
"""Before the form, a verb whose object it would be ("i need pad it's in the drawer" reads two ways)."""


_SUBJECT_OF = frozenset({"said", "says", "was", "is", "came", "had", "told", "reckons", "rang", "goes", "and"})
"""After a form: what a person does as a subject ("pad was there")."""
_VERB_GOES_ON = frozenset({"on", "out", "up", "off", "over", "down", "round", "back", "away", "in", "it", "them",
                           "us", "me", "him", "her", "you", "that", "this", "a", "the", "some"})
"""After a form the tagger reads as a verb, a particle or an object: the verb ("carry on", "gave us")."""


def _low(tok: Token | None) -> str:
    return tok.lower_ if tok is not None else ""


def _clause_opens(tok: Token | None) -> bool:
    """``tok`` opens a clause: a word of :data:`_OPENS_CLAUSE`, or "it" / "you" split from its "'s" / "'re"."""
    if tok is None:
        return False
    if tok.lower_ in _OPENS_CLAUSE:
        return True
    nxt = word_after(tok)
    return tok.lower_ in {"it", "you", "that", "there", "we", "they", "i"} and _low(nxt) in _CONTRACTED


def _compound(token: Token) -> bool:
    """The form is the second word of a compound a determiner opens: "a launch pad", "the joke pad"."""
    prev, prev2 = word_before(token), word_before(token, 2)
    return prev is not None and prev.pos_ in {"NOUN", "ADJ", "PROPN"} and _low(prev2) in _DETERMINERS


def addressed_mid_line(token: Token) -> str | None:
    """Why a caption's clipped form is someone addressed mid-line ("fair play pad you were right"), or None.

    Before it a word that closes a clause (no determiner, preposition, adjective or verb taking it as object);
    after it the opening of a new clause. A compound a determiner opens is left to :func:`open_in_captions`."""
    prev = word_before(token)
    if prev is None or not prev.is_alpha or not _clause_opens(word_after(token)):
        return None
    low = prev.lower_
    if low in _DETERMINERS | _PREPOSITIONS | _TAKES_OBJECT or prev.pos_ in {"DET", "ADP", "NUM", "AUX"}:
        return None
    if _compound(token):
        return None  # "a joke pad it's true": a compound or someone addressed; the reviewer decides
    return "addressed mid-line, before a new clause"


def open_in_captions(token: Token) -> bool:
    """A caption's clipped form no grammar reads as the word (module doc): an undecided review item."""
    prev, nxt = word_before(token), word_after(token)
    if _low(nxt) == "of":
        return False  # "pad of paper"
    if token.pos_ not in {"NOUN", "PROPN", "INTJ", "VERB"}:
        return False  # "lunch al fresco": the tagger reads no noun there
    if token.pos_ in {"VERB", "AUX"} and _low(nxt) in _VERB_GOES_ON:
        return False  # "happy to carry on", "god gave us": a verb with its particle or object
    if prev is None:
        return True
    low = prev.lower_
    if low in _DETERMINERS or low in _PREPOSITIONS or prev.pos_ in {"DET", "NUM"}:
        return False
    if prev.pos_ == "ADJ" and low not in {"big", "little", "young", "old", "wee"}:
        return False  # "a new pad", "clean pad"
    # "lunch al fresco", "a launch pad for": a word goes on the phrase, and no one is addressed
    return nxt is None or _clause_opens(nxt) or _low(nxt) in _SUBJECT_OF
