"""Typed text: a word the transcript writes in lower case, capitalised only where a line or sentence opens.

The statistical model reads a capitalised word it does not know at the opening of a line as a person or a place:
a Word Transcribe file's title "Physio interview Newcastle" gave "Physio" as a person. Review then accepts the
surface, an accepted surface goes everywhere, and "the physio" was removed from every turn of the transcript, a
must-stay word lost wherever it was said. The transcript itself says otherwise: its typed speech writes the word in
lower case ("to the physio at the Haywood"), and the only capitals it gives it are those any word gets at the
opening of a line or a sentence. A name is written with its capital wherever it stands.

So every proposal of a word is dropped where all of these hold:

* it is one word of letters, on no name list (:func:`.layers.words.name_lexicon`), no place list
  (:func:`.layers.words.place_names`) and no given-name list (:func:`.namelists.uk_given`): "Hope" and "Will",
  which a study may name, keep whatever the other layers decide;
* only a guess proposed it anywhere in the transcript (:data:`.said_as_time.GUESSING_LAYERS`: the model, its
  caption reading, the spreading of that reading), never the register or a list;
* every occurrence written with a capital opens a line or a sentence;
* at least one occurrence is written in lower case on a line that has capitals elsewhere (typed text: in captions
  every word is lower case and says nothing).
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .layers.words import name_lexicon, place_names
from .namelists import uk_given
from .said_as_time import GUESSING_LAYERS

_ONE_WORD = re.compile(r"^[^\W\d_]{3,}$")
_OPENING = re.compile(r"(?:^|[\n.!?…:]|\.\.\.)[\s\"'“‘(\[-]*$")
"""What may stand before a word that opens a line or a sentence (a heading, a label's colon, a full stop)."""
_LOOK_BACK = 8


def _opens(text: str, start: int) -> bool:
    return _OPENING.search(text, max(0, start - _LOOK_BACK), start) is not None


def _line_of(text: str, start: int, end: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a : b if b != -1 else len(text)]


def written_as_a_word(text: str, low: str) -> bool:
    """``low`` is written with a capital only where a line or sentence opens, and in lower case on a typed line."""
    lower_typed = False
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(low)}(?![\w'’-])", text, re.IGNORECASE):
        word = m.group(0)
        if word == low:
            line = _line_of(text, m.start(), m.end())
            lower_typed = lower_typed or any(ch.isupper() for ch in line)
        elif not (word[0].isupper() and word[1:] == low[1:] and _opens(text, m.start())):
            return False  # a capital mid-sentence, or written in capitals: the transcript writes a name
    return lower_typed


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without the guessed proposals of a word the transcript writes as a word (module doc)."""
    guessed: dict[str, bool] = {}
    for c in found:
        word = text[c.start:c.end]
        if _ONE_WORD.match(word):
            low = word.lower()
            guessed[low] = guessed.get(low, True) and c.layer in GUESSING_LAYERS and c.item_key is None
    words = {low for low, alone in guessed.items() if alone and low not in name_lexicon("all")
             and low not in uk_given() and low not in place_names() and written_as_a_word(text, low)}
    if not words:
        return found
    return [c for c in found if text[c.start:c.end].lower() not in words]
