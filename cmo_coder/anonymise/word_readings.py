"""Captions: where a name that is also an everyday word is said again as the word ("you would marvel at it",
"when it's sunny", "bear with me").

A transcript that names "Marvel", "Sunny" or "Bear" as a person leads the layers that spread a name to its other
occurrences (:func:`.consistency.propagate`, :func:`.consistency.propagate_everyday`,
:func:`.layers.bynames.said_again`, :func:`.introduced_names.introduced_names`) to propose every occurrence of
the word. Cased text keeps the word apart by its capital; captions have none, and each everyday use becomes a
proposal a reviewer must reject (or, accepted in bulk, a word the study loses). The grammar right beside the
word tells the reading at once in three closed frames:

* **a modal or a subject's contraction before it, and an object, a preposition or the turn's end after it**:
  "would marvel at", "i'd marvel at", "can't bear it": a verb. A name after a modal is a question's subject,
  and a verb follows it ("will sunny come", "would marvel be there"), so those stay names;
* **"it's" or a degree word before it**: "when it's sunny", "very precious", "too sunny": an adjective. Not
  "so" or "really", which open clauses ("so sunny came round"), and not where "who", "that" or "'s" follows
  ("it's sunny who rings", a cleft; "it's sunny's turn");
* **"with me" or "with us" after it**: "bear with me": the verb asking for patience.

A leaked name costs more than a removed word, so each frame asks for both sides where one side alone is shared
with a name's frame.

Only a word a dictionary holds is read this way (a name no dictionary holds, "kirsteen", is a name wherever it
stands), and only in captions. The word lists were written for the project.
"""

from __future__ import annotations

import re

from .layers.words import in_dictionary

_VERB_BEFORE = frozenset({"would", "could", "will", "can", "should", "might", "must", "shall", "i'd", "you'd",
                          "we'd", "they'd", "he'd", "she'd", "i'll", "you'll", "we'll", "they'll", "can't",
                          "cannot", "couldn't", "wouldn't", "won't", "don't", "didn't", "doesn't", "cannae",
                          "couldnae", "wouldnae", "dinnae"})
_ADJECTIVE_BEFORE = frozenset({"it's", "its", "too", "very"})
_VERB_AFTER = frozenset({"at", "it", "them", "that", "this", "to", "with", "the", "a", "an", "me", "us", "him",
                         "her", "you", "over", "how", "what", "in", "on", "up"})
"""Words after a verb read as a verb: its object, a preposition, "how" or "what" ("marvel at", "bear it")."""
_NAME_AFTER = frozenset({"who", "that", "'s", "’s", "s"})
"""Words after the word that make a name of it: a cleft ("it's sunny who rings") or a possessive."""
_WORD = re.compile(r"[^\W\d_][\w'’]*")


def _before(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 30):start])
    return words[-1].lower().replace("’", "'") if words else ""


def _after(text: str, end: int, n: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[end:end + 30])[:n]]


def said_as_the_word(text: str, start: int, end: int) -> bool:
    """Whether the caption word ``text[start:end]``, a name elsewhere in the transcript, is said here as the
    everyday word by the grammar beside it (module doc); False for a word no dictionary holds."""
    low = text[start:end].lower()
    if not in_dictionary(low):
        return False
    before, after = _before(text, start), _after(text, end, 2)
    if before in _VERB_BEFORE:
        return not after or after[0] in _VERB_AFTER
    if before in _ADJECTIVE_BEFORE:
        return not text[end:end + 2].startswith(("'", "’")) and not (after and after[0] in _NAME_AFTER)
    return after in (["with", "me"], ["with", "us"])
