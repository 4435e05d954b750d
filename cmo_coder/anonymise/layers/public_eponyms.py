"""Public names that hold a person's name by their shape: a condition named after a person ("Wilson's disease",
"Sjogren's syndrome"), a law or rule named after one ("Owen's Law"), a clinical scale or inventory named after its
author ("a Beck inventory", "the Waterlow score").

The lists hold the eponyms people say most ("Parkinson's", "Martha's Rule", "the Glasgow Coma Scale"), but the
medical and legal eponyms are many, new laws are named after the person they honour every year, and each holds a
word the model and the name lexicon read as a person. The shape is read instead: a name, "'s" and a word that only a
condition ends on; in cased text, a capitalised name, "'s" and a capitalised "Law" or "Rule"; an article, a
capitalised name and a word that only an instrument ends on.

What still goes:

* a registered name: the register wins over every kept phrase (and an eponym the lists hold is put to the
  reviewer, :mod:`.register_eponyms`);
* a name owned or related before it ("my Clare's law", "her Dave's disease" is no condition): a possessive or
  kin word before the name makes the phrase a person's;
* "Clare's law degree", "Martha's rule at home" in cased text: the head in lower case is no law's name; captions
  keep no laws by shape at all, as they cannot tell the two;
* a kin word or a pronoun said before the head ("mum's syndrome"): no one's eponym.

The head words were written for the project from how the NHS website's Health A to Z names conditions and how
UK assessment tools are named; no list of people is read.
"""

from __future__ import annotations

import re
from functools import cache

from .words import KINSHIP, is_everyday

_CONDITION_HEADS = ("disease", "syndrome", "palsy", "lymphoma", "sarcoma", "ataxia", "dystrophy", "chorea",
                    "phenomenon", "contracture", "neuroma", "neuralgia", "encephalopathy", "anomaly", "thyroiditis",
                    "arteritis", "oedema")
"""Words that end a condition's name after a person's name and "'s". Not "test", "sign", "disorder" or
"fracture": "Sarah's test came back" is her test."""
_INSTRUMENT_HEADS = ("inventory", "scale", "score", "index", "questionnaire", "criteria", "manoeuvre",
                     "classification")
"""Words that end an assessment tool's name after its author's name."""
_ARTICLES = ("a", "an", "the")
_OWNERS = frozenset({"my", "his", "her", "our", "their", "your", "me", "mate", "friend", "pal", "auntie", "uncle",
                     "cousin", "nan", "gran", "brother", "sister"})
"""Words before a name that make what follows a known person's: "my Clare's law", "her Dave's disease"."""
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "you", "i", "who", "that", "there", "here", "what", "one",
                       "someone", "everyone", "nobody", "everybody", "somebody", "anyone", "let"})


@cache
def _condition() -> re.Pattern[str]:
    heads = "|".join(_CONDITION_HEADS)
    return re.compile(r"(?<![\w'’-])([^\W\d_][\w-]*)['’]?s\s+(?:(?:disease|syndrome)\s+)?(?:" + heads
                      + r")(?![\w'’-])", re.IGNORECASE)


_LAW = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s\s+(?:Law|Rule)(?![\w'’-])")


@cache
def _instrument() -> re.Pattern[str]:
    heads = "|".join(_INSTRUMENT_HEADS)
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(_ARTICLES) + r")\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:"
                      + heads + r")(?![\w'’-])")


def _word_before(text: str, at: int) -> str:
    m = re.search(r"([\w'’]+)\W*$", text[:at])
    return m.group(1).lower() if m else ""


def _a_name(word: str, cased_text: bool) -> bool:
    """Whether ``word`` can be a person's name here: capitalised in cased text, and no kin word or pronoun;
    in captions, no everyday word either ("the heart's disease" is no eponym)."""
    low = word.lower()
    if low in KINSHIP or low in _PRONOUNS or low in _OWNERS:
        return False
    if cased_text:
        return word[:1].isupper()
    return not is_everyday(low)


def eponym_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Where a condition, law or assessment tool named after a person is said in ``text`` (one turn), whole."""
    out = []
    for m in _condition().finditer(text):
        if _a_name(m.group(1), not caseless) and _word_before(text, m.start()) not in _OWNERS:
            out.append(m.span())
    if not caseless:
        for pattern in (_LAW, _instrument()):
            for m in pattern.finditer(text):
                if _word_before(text, m.start(1)) not in _OWNERS and m.group(1).lower() not in KINSHIP:
                    out.append((m.start(1) if pattern is _instrument() else m.start(), m.end()))
    return sorted(set(out))
