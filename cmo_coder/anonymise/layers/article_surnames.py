"""A registered surname that is an everyday noun, said as the noun after an article ("on the ward").

Families' surnames are often words: a Traveller family called Ward, a Rose, a Bell, a Marsh. In a health
transcript "the ward" is said far more often than the family is, and the register layer took every "ward" as
the registered Patsy Ward's surname, silently, in every turn. A surname after "the", "a", "an", "this",
"that", "every" or "each" is the word: a person is named so only as a family in the plural ("the Wards"),
with a capital in cased text. So in cased text the word in lower case after an article is left to be the word;
in captions, where case says nothing, it is the reviewer's to decide one occurrence at a time, with that reading
given for ``review --keep-word-readings``.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..register import RegisterItem
from .words import in_dictionary

ARTICLES = frozenset({"the", "a", "an", "this", "that", "every", "each"})
"""Words before a noun that leave no room for one person's name (written for the project)."""


def surname_after_article(token: Token, item: RegisterItem) -> str | None:
    """Why ``token``, a registered person's surname that is a dictionary word, reads as the word after an article
    ("a word after 'the' ('the ward')"), or None."""
    words = item.surface.split()
    if item.category != "person" or len(words) < 2 or token.lower_ != words[-1].lower():
        return None
    if token.i == 0 or not in_dictionary(token.lower_):
        return None
    prev = token.doc[token.i - 1].lower_
    if prev not in ARTICLES:
        return None
    return f"a word after '{prev}' ('{prev} {token.lower_}')"
