"""An everyday word said as a stretch of time: "during lockdown", "throughout lockdown".

Health interviews since 2020 say "lockdown", "furlough" and "shielding" in nearly every turn about the
last years. In captions the statistical model, reading a re-cased copy, sometimes takes such a word at the end of
a clause for a town ("she was shielding during lockdown", "everything stopped throughout lockdown"), and the
consistency layer then spreads that reading to every "lockdown" in the transcript, so the study loses when
things happened.

"During" and "throughout" take a stretch of time or an event ("during the night", "throughout Ramadan",
"during the strike"), never a place said bare: a town or a local place after them comes with an article or a
word of time ("during the Elmbury years", "throughout the Willows' refurbishment"). So a word right after one
of them is read as a time where all of these hold:

* it is one word the dictionary holds (:func:`.layers.words.is_everyday`, with the project's list of recent
  everyday words), on no name list and no place list: a town, a given name or a surname after "during" keeps
  whatever the other layers decide ("during Ramadan" is the calendar list's; "during Leeds" is no English);
* only a guess proposed it (the model, its caption reading, or the consistency layer's spreading of that
  guess), never the register, a site or a layer that read a place's head word;
* the guess reads a town (the model's GPE): a time word is read so, while an organisation, a facility or a
  person read after "during" may be a session or a group named with an everyday word ("during Sanctuary"),
  which names a local service;
* no word of the transcript with the same spelling was proposed by anything but such a guess of a town.

The words that name the pandemic's stretches of time (:data:`PERIODS`: "lockdown", "furlough", "shielding")
name no group, session or service, so for them a guess of an organisation or a place is read the same way
("we couldn't visit him during lockdown", where the model read an organisation); a person's reading never is.

Then every guessed proposal of that word in the transcript is dropped: the word names the same stretch of time
wherever the speaker says it ("we were in lockdown", "after lockdown"), and the reading that spread it was the
mistaken one. A word that is proposed once by the register or a place list is left to those layers everywhere.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .layers.words import is_everyday, name_lexicon, place_names

TIME_WORDS = frozenset({"during", "throughout"})
"""Prepositions that take a stretch of time or an event and never a bare place (written for the project)."""
GUESSING_LAYERS = frozenset({"ner", "caseless", "consistency"})
"""Layers whose proposal of an everyday word is a guess: the model, its caption reading, and the spreading of
that reading over the transcript."""
TOWN = "city"
"""The category of the model's GPE reading (:data:`.layers.ner.NER_CATEGORIES`), the one a time word is given."""
PERIODS = frozenset({"lockdown", "lockdowns", "furlough", "pandemic", "quarantine", "shielding", "isolation",
                     "curfew", "covid"})
"""Words for the pandemic's stretches of time, which no local group or service is called (written for the
project from how people speak of 2020-22)."""
_ONE_WORD = re.compile(r"^[^\W\d_]+$")
_BEFORE = re.compile(r"([^\W\d_]+)[^\S\n]+$")


def timely_word(low: str) -> bool:
    """``low`` (lower case) is an everyday word on no name list and no place list."""
    return is_everyday(low) and low not in name_lexicon("all") and low not in place_names()


def after_time_word(text: str, c: Candidate) -> bool:
    """``c`` is one word right after "during" or "throughout" (same line)."""
    before = _BEFORE.search(text, max(0, c.start - 16), c.start)
    return before is not None and before.group(1).lower() in TIME_WORDS


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without the guessed proposals of an everyday word said as a time (module doc)."""
    guessed: dict[str, bool] = {}
    framed: set[str] = set()
    for c in found:
        word = text[c.start:c.end]
        if not _ONE_WORD.match(word):
            continue
        low = word.lower()
        read = c.category == TOWN or (low in PERIODS and c.category != "person")
        alone = c.layer in GUESSING_LAYERS and c.item_key is None and read
        guessed[low] = guessed.get(low, True) and alone
        if alone and after_time_word(text, c):
            framed.add(low)
    timely = {low for low in framed if guessed[low] and timely_word(low)}
    if not timely:
        return found
    return [c for c in found if text[c.start:c.end].lower() not in timely]
