"""A registered name that is an abstract noun, said inside a set phrase of that noun: "there's always hope".

"Hope", "Faith", "Joy", "Grace", "Patience", "Mercy" and "Charity" are given names and nouns of the talk this
tool is used on ("there's always hope", "I'd lost all faith", "no joy with the council", "a glimmer of hope").
A registered Hope Lafferty made every such "hope" a review item, and ``review --accept-all`` removed the word
from a quote about hope. Inside these phrases only the noun fits: a determiner or quantifier that is never said
before a person ("no", "any", "some", "much", "little", "all", "false", "new"), "of" after a word of measure
("a glimmer of", "a ray of", "a leap of"), "live in", "lost", or "there's always/still" with the clause ending
after the word. Outside them the occurrence stays the reviewer's to decide, as the register layer does for every
everyday-word name; "Hope came round", "I rang Hope", "there's always Hope on the ward" stay proposals.
Phrases written for the project.
"""

from __future__ import annotations

from spacy.tokens import Token

ABSTRACT_NAMES = frozenset({"hope", "faith", "joy", "grace", "patience", "mercy", "charity", "honour", "honor",
                            "prudence", "constance", "felicity", "serenity", "harmony", "liberty", "destiny",
                            "verity", "trust", "unity", "peace", "bliss", "glory"})
"""Given names that are abstract nouns: the only names this rule reads."""
_BEFORE = frozenset({"no", "any", "some", "much", "little", "less", "more", "all", "false", "new", "real", "great",
                     "renewed", "blind", "lost", "lose", "losing", "without", "hopeless", "such", "every", "enough",
                     "plenty", "lots", "loads", "restored", "gave"})
"""Words said before the noun and never before a person's name ("no hope", "lost all faith", "real joy")."""
_MEASURE = frozenset({"glimmer", "ray", "bit", "sign", "flicker", "spark", "leap", "act", "lot", "sense", "message",
                      "beacon", "kind", "source", "moment", "moments", "word", "words", "state", "lack", "loss"})
"""Words of measure or kind before "of" ("a glimmer of hope", "a leap of faith", "a lack of patience")."""
_CLAUSE_END = frozenset({"", ",", ".", "!", "?", ";", ":", "and", "but", "so", "though", "innit", "you", "isn't",
                         "is", "eh", "really", "left", "yet", "in", "for"})
_THERE = frozenset({"there's", "theres", "there", "is", "'s"})


def said_as_the_noun(token: Token) -> bool:
    """Whether ``token``, an abstract-noun given name, is said as the noun inside a set phrase (see the module
    doc). Read one token before and after (two for "there's always" and "live in")."""
    low = token.lower_
    if low not in ABSTRACT_NAMES or (token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in {"'s", "’s"}):
        return False
    doc = token.doc
    words = [doc[k].lower_.replace("’", "'") for k in range(max(0, token.i - 3), token.i)]
    prev = words[-1] if words else ""
    prev2 = words[-2] if len(words) > 1 else ""
    nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    if prev in _BEFORE or (prev == "all" and prev2 in _BEFORE):
        return True
    if prev == "of" and prev2 in _MEASURE:
        return True
    if prev == "in" and prev2 in {"live", "lives", "living", "lived"}:
        return True
    if prev in {"always", "still"} and (prev2 in _THERE or (prev2 == "is" and len(words) > 2 and words[-3] == "there")):
        return nxt in _CLAUSE_END
    return False
