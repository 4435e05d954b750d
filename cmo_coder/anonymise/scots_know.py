"""Scots "ken" (know) said as the verb it is: "i dinnae ken", "ye ken what i mean", "she didnae ken the half".

"Ken" is a given name on every list, and the model reads a lower-case word it has not seen after "i" as a person,
so a Scots speaker's commonest verb was removed as ``[name removed]``. Said as the verb, the word is written in
lower case and comes straight after a Scots negative ("dinnae", "didnae": :mod:`.layers.scots_speech`), an
English one ("don't", "didn't") or a subject pronoun ("i", "ye", "you", "we", "they"; "you" only where it opens its
clause, since "thank you ken" thanks a Ken). After anything else it is
read as a name, as before: "my uncle ken came round", "i asked ken", "me and ken went", and "did ken come" (a
question's subject after its auxiliary). A capitalised "Ken" is a name wherever it stands, and a registered name
is the register's to decide, occurrence by occurrence.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .layers.scots_speech import scots_negative

_VERB_FORMS = frozenset({"ken", "kens", "kent"})
"""The verb's forms ("she kens", "i never kent"); "kent" is also a county, and goes only after a subject."""
_SUBJECTS = frozenset({"i", "ye", "you", "we", "they", "youse", "yous", "she", "he", "y'", "ya"})
_ENGLISH_NEGATIVES = frozenset({"don't", "dont", "didn't", "didnt", "doesn't", "doesnt", "never"})
_BEFORE = re.compile(r"([\w'’]+)[ \t]+$")
_YOU = frozenset({"you", "ye", "ya", "y'", "youse", "yous"})
"""Subjects that are objects too: "ye ken" is the verb, but "thank you ken", "see you ken", "love you ken" and
"said to you ken" say "you" as an object and "ken" as the person addressed."""
_CLAUSE_OPENERS = frozenset({"and", "but", "so", "cos", "because", "if", "when", "och", "aye", "well", "like", "oh",
                             "naw", "no", "yeah", "yes", "that", "what", "how", "as", "though", "sure", "mind", "right",
                             "now", "ah", "eh", "um", "er", "erm"})
"""Words after which "you" opens a clause as its subject ("och ye ken", "but you ken what she's like"). Not "see":
"see you ken" is a goodbye to a Ken far more often than a verb, and a doubt goes to the name."""


def said_as_verb(text: str, start: int, end: int) -> bool:
    """The word at ``start:end`` is the lower-case verb "ken" in a verb's place (module doc)."""
    word = text[start:end]
    if word not in _VERB_FORMS:
        return False
    before = _BEFORE.search(text, max(0, start - 24), start)
    if before is None:
        return False
    low = before.group(1).lower().replace("’", "'")
    if low in _YOU and not _opens_clause(text, before.start(1)):
        return False  # "thank you ken": "you" is the object and "ken" the person thanked
    if word == "kent":
        return low in _SUBJECTS or low == "never"
    return scots_negative(low) or low in _SUBJECTS or low in _ENGLISH_NEGATIVES


def _opens_clause(text: str, start: int) -> bool:
    """The pronoun at ``start`` opens its clause: the turn's or a sentence's start, a mark of punctuation, or a
    word of :data:`_CLAUSE_OPENERS` before it."""
    head = text[max(0, start - 24) : start]
    if not head.strip() or head.rstrip()[-1:] in {",", ".", ";", ":", "?", "!", "\n"} or head.endswith("\n"):
        return True
    prev = _BEFORE.search(head)
    if prev is None:
        return False
    return prev.group(1).lower().replace("’", "'") in _CLAUSE_OPENERS


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without the guessing layers' proposals of "ken" said as the verb (the register's stay)."""
    return [c for c in found if c.layer == "register" or not said_as_verb(text, c.start, c.end)]
