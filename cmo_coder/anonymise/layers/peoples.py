"""A people's name that is also a given name, said of the people: "the Roma families", "speak Polish and Roma".

"Roma" (and "Romany", "Gypsy") are on the given-name lists, so the lexicon proposed "the Roma families up in
Hendon" as a person, and a study of services for Roma and Traveller families lost the word it is about. A
word of :data:`.words.PEOPLES` is the people, not a person, where a noun of a community follows it ("Roma
families", "Roma lads", "the Roma community"), where it follows a verb of speaking ("she speaks Roma"), or where
it is joined by "and"/"or" or a list's comma to another people or language ("Polish and Roma", "Roma or Slovak",
"Romanian, Roma"), where another
people's name stands just before it ("Slovak Roma", "Czech Roma"), where "the" names the people as a whole
("the Roma from Romania"), or where a group
says it is one ("we are Roma", "they're Roma"; "I'm Roma" may introduce a person). Said alone in a
name's slot ("my key worker Roma rang") it is still a name. Nouns written for the project.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .words import PEOPLES

COMMUNITY_NOUNS = frozenset({
    "family", "families", "community", "communities", "people", "person", "folk", "lads", "lad", "girls", "girl",
    "boys", "boy", "women", "woman", "men", "man", "kids", "children", "child", "mums", "mothers", "dads",
    "parents", "elders", "groups", "group", "culture", "language", "interpreter", "interpreters", "traveller",
    "travellers", "gypsy", "gypsies", "households", "neighbours", "population", "site", "sites", "church",
    "heritage", "background", "clients", "patients", "residents", "speakers", "speaker", "mams", "mammies",
    "mam", "mum", "dad", "mother", "father", "bairns", "babies", "baby", "couples", "couple", "grandparents",
    "grans", "nanas", "lasses", "lass", "fathers", "grannies"})
"""Nouns after a people's name that say the people is meant ("the Roma families")."""
_SPEAK = frozenset({"speak", "speaks", "spoke", "speaking", "spoken"})
_GROUP = frozenset({"we", "they"})
_THE = frozenset({"the"})
_ARE = frozenset({"are", "were", "'re", "’re", "re"})


def _we_are(doc: Doc, i: int) -> bool:
    """ "we are X", "they're X", "we are all X": a plural subject, then a form of "be" (and "all" or "both")."""
    k = i - 1
    if k >= 0 and doc[k].lower_ in {"all", "both"}:
        k -= 1
    return k >= 1 and doc[k].lower_ in _ARE and doc[k - 1].lower_ in _GROUP


def said_as_a_people(tok: Token) -> bool:
    """Whether ``tok``, a word naming a people that may also be a given name, is said of the people here."""
    low = tok.lower_
    if low not in PEOPLES:
        return False
    doc = tok.doc
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    prev = doc[tok.i - 1].lower_ if tok.i else ""
    if nxt in COMMUNITY_NOUNS or prev in _SPEAK:
        return True
    if prev in PEOPLES and prev != low:
        return True  # "Slovak Roma", "Czech Roma", "Syrian Kurdish": a people named more closely by another
    if prev in _THE and nxt not in {"'s", "’s"}:
        return True  # "the Roma from Romania", "the Roma are": a people said as a whole, where no one is named
    if _we_are(doc, tok.i) and nxt not in {"'s", "’s"}:
        return True  # "We are Roma", "they're Roma": a people is what a group is; "I'm Roma" introduces a person
    beside = [doc[j].lower_ for j in (tok.i - 2, tok.i + 2) if 0 <= j < len(doc)]
    joined = {prev, nxt} & {"and", "or", "&", ","}  # "Romanian, Roma", "Gypsy, Roma and Traveller": a list of peoples
    return bool(joined) and any(w in PEOPLES and w != low for w in beside)
