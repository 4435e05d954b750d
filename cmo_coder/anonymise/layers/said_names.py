"""A name given as a name: "his name was will", "her name's may", "we call her mags", "they called him lucky".

Saying what someone is called is the surest cue there is: whatever follows is that person's name, even a
word that is a modal verb or a month anywhere else ("will", "may", "mark"), which every other layer leaves
as a word. Two frames:

* "(his|her|my|your|their|whose|the lad's|...) name is / was / 's X";
* "call / calls / called / calling him / her / them X", where X is no word of the call itself ("called her
  back", "call him up", "called her names", "called him a liar") and no kin word ("we call her nan").

X must be a given name or a name word a list holds (:func:`.caption_names.common_given`,
:func:`.word_names.name_words`), and, in typed text, written with its capital.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..candidates import Candidate
from ..placeholders import RELATIONS
from .caption_names import common_given
from .state import candidates, text_of
from .word_names import name_words, reads_as_captions
from .words import FILLERS, KINSHIP

LAYER = "rules"
REASON = "a name given as a name ('his name was will', 'we call her mags')"

_NAME_IS = re.compile(r"(?i)(?<![\w'’-])(?:his|her|my|your|their|whose|our|its)\s+(?:real\s+|first\s+|nick)?"
                      r"name(?:\s+is|\s+was|['’]s)\s+([^\W\d_]+)\b")
_CALL_HIM = re.compile(r"(?i)(?<![\w'’-])(?:call|calls|called|calling)\s+(?:him|her|them)\s+([^\W\d_]+)\b")
_NOT_A_NAME = frozenset({
    "back", "up", "out", "in", "over", "on", "off", "round", "again", "later", "tomorrow", "tonight", "now", "first",
    "names", "everything", "something", "anything", "nothing", "a", "an", "the", "that", "this", "what", "all",
    "too", "so", "and", "but", "or", "because", "cos", "then", "when", "if", "about", "by", "for", "to", "at",
    "like", "just", "down", "yesterday", "today", "twice", "once", "every", "straight", "myself", "loads",
    "lots", "mud", "mine", "yours", "his", "hers", "it", "is", "was", "not", "never", "always"})
"""Words after "called her" or "name was" that are no name: the call's own words ("called her back") and
what is said of a name ("his name was mud")."""


def said_names(doc: Doc) -> list[Candidate]:
    """The names this turn gives as names (module doc)."""
    text = text_of(doc)
    low = text.lower()
    if "name" not in low and "call" not in low:
        return []
    caseless = reads_as_captions(doc)
    taken = [(c.start, c.end) for c in candidates(doc) if c.category == "person"]
    out = []
    for pattern in (_NAME_IS, _CALL_HIM):
        for m in pattern.finditer(text):
            word = m.group(1)
            w = word.lower()
            if (w in _NOT_A_NAME or w in FILLERS or w in KINSHIP or w in RELATIONS or len(w) < 2
                    or (w not in common_given() and w not in name_words())
                    or (not caseless and not word[:1].isupper())):
                continue
            s, e = m.span(1)
            if any(a <= s and e <= b for a, b in taken):
                continue
            out.append(Candidate(s, e, "person", LAYER, 0.75, REASON))
    return out
