"""A capitalised everyday word that opens a name of the shape "X of Y": a body, a group or a programme.

The byname layer reads an everyday word written with a capital inside a sentence, where a person stands, as a
nickname ("Me and Sparrow had a brew"), and leaves a run of capitals alone ("Great Expectations"). A name whose
words are joined by "of" is a run too, though the joining word is in lower case: "I rang Voices of Hope", "I told
Circles of Support", "Songs of Praise"; there the first word alone was removed as a byname, leaving "[name removed]
of Hope". A byname is seldom followed by "of" and a capitalised word: people are "Sparrow from upstairs", "Badger in
Leeds", not "Sparrow of Support", so the joining word read here is "of" only ("Badger for Ellie", "Sparrow to Dave",
"Badger and Jim" say two people).
"""

from __future__ import annotations

from spacy.tokens import Token

from .context import word_after

_JOINS = frozenset({"of"})
_ARTICLES = frozenset({"the", "a", "an"})


def opens_a_joined_name(tok: Token) -> bool:
    """Whether ``tok`` is followed by "of" (and perhaps an article) and then a capitalised word: the first word of
    a name of the shape "X of Y" ("Voices of Hope", "Friends of the Earth")."""
    join = word_after(tok)
    if join is None or join.lower_ not in _JOINS or not join.text.islower():
        return False
    nxt = word_after(join)
    if nxt is not None and nxt.lower_ in _ARTICLES and nxt.text.islower():
        nxt = word_after(nxt)
    return nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() and nxt.text != "I"
