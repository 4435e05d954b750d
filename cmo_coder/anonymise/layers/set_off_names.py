"""Cased text: a capitalised word set off by commas where only a person fits, even an everyday word.

British speech names someone and then says what they did, with the name set off on its own: "There's a
worker there, Sky, she came out to the house", "Our Kirsty, she did most of it", "the nurse, Faith, was
lovely". The name layers take listed given names on any cue, but a name that is also a word ("Sky",
"Faith", "Storm", "River") takes none in cased text, and the model often leaves it. Two shapes say a person
whatever the word is:

- left dislocation: ", X, she/he …" mid-sentence, where the pronoun picks the name up again (not ", X, she
  said", where X is what was said);
- apposition: a word for a person, perhaps with "there" or "here", then ", X," ("a worker there, Sky,").

Only cased text: the commas and the capital are the evidence, and captions have neither.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..placeholders import RELATIONS
from .context import PERSON_NOUNS
from .state import candidates, caseless_doc, text_of

REASON = "said where a name stands (set off by commas beside a person)"
_PRONOUNS = frozenset({"she", "he"})
_SPEECH = frozenset({"said", "says", "say", "asked", "asks", "replied", "added", "thought", "thinks", "reckons",
                     "reckoned", "goes", "explained", "answered", "admitted"})
"""Verbs after ", X, she" that end a quotation rather than pick up a name ("…, Sky, she said")."""
_PLACE_ADVERBS = frozenset({"there", "here"})
_PEOPLE = frozenset(PERSON_NOUNS | set(RELATIONS) | {"worker", "nurse", "doctor", "manager", "lead", "officer",
                                                       "volunteer", "coordinator", "practitioner", "visitor"})


def _set_off(doc: Doc, i: int) -> bool:
    """``doc[i]`` is one capitalised word between two commas, not opening the sentence."""
    if i < 2 or i + 2 >= len(doc) or doc[i - 1].text != "," or doc[i + 1].text != ",":
        return False
    tok = doc[i]
    return (tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper() and not tok.is_stop
            and not tok.is_sent_start)


def _picked_up(doc: Doc, i: int) -> bool:
    """ ", X, she came out": the pronoun after the second comma is the subject of a verb other than one of
    speech ("…, Sky, she said" is a quotation's end)."""
    pron = doc[i + 2]
    if pron.lower_ not in _PRONOUNS or i + 3 >= len(doc):
        return False
    verb = doc[i + 3]
    return verb.is_alpha and verb.lower_ not in _SPEECH


def _after_a_person(doc: Doc, i: int) -> bool:
    """ "a worker there, Sky," / "the nurse, Faith,": a word for a person just before the first comma."""
    k = i - 2
    if k >= 0 and doc[k].lower_ in _PLACE_ADVERBS:
        k -= 1
    return k >= 0 and doc[k].lower_ in _PEOPLE and doc[k].pos_ in {"NOUN", "PROPN"}


def set_off_names(doc: Doc) -> None:
    """Add a person candidate for each word :func:`_set_off` beside a person (see the module doc)."""
    if caseless_doc(doc) or ", " not in text_of(doc):
        return
    out = candidates(doc)
    for i in range(2, len(doc) - 2):
        if _set_off(doc, i) and (_picked_up(doc, i) or _after_a_person(doc, i)):
            tok: Token = doc[i]
            if not any(c.start <= tok.idx and tok.idx + len(tok) <= c.end for c in out):
                out.append(Candidate(tok.idx, tok.idx + len(tok), "person", "rules", 0.75, REASON))
