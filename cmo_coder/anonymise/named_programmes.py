"""A programme, scheme, grant or app named with a coined word: "the Fitwise programme", "a Youthcraft grant",
"the Healthbridge initiative".

Schemes and funds that people talk about getting onto or paid by are named the way brands are, with a coined
word of two dictionary words joined ("Fitwise", "Youthcraft"), and said with what they are after the name. The
model reads the coined word, capitalised and on no list, as a person or an organisation, and the study loses
what the speaker was helped by. A person is never said before "programme" or "grant" without a possessive
("Sarah's grant"), and a place that names a scheme is on the place lists, which the coined-word test excludes.

So a proposal that is only one such coined word (:func:`.layers.lone_bodies.coined`, which no dictionary, name
list or place list holds and which is not shaped like an English place), followed right away by the head of a
programme (:data:`PROGRAMME_HEADS`), is dropped where only a guess proposed it (:data:`GUESSING_LAYERS`): the
model, or a layer's guess of a name from the words around it. Never dropped: the register's entry, anything tied
to a registered person (the sound-alike and close-form layers), and a word the name lists hold.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .layers.lone_bodies import coined

PROGRAMME_HEADS = frozenset({
    "programme", "programmes", "program", "scheme", "schemes", "grant", "grants", "initiative", "funding", "fund",
    "app", "helpline", "website", "campaign", "award", "bursary", "pathway", "course", "challenge", "card",
})
"""What a scheme, fund or product is said as after its name (written for the project from how people talk about
the help they got: "on the X scheme", "an X grant", "the X app")."""
GUESSING_LAYERS = frozenset({"ner", "caseless", "slot", "rules", "consistency"})
"""Layers whose proposal of a coined word is a guess from its shape or the words before it."""
_ONE_WORD = re.compile(r"^[^\W\d_]+$")
_HEAD_AFTER = re.compile(r"[^\S\n]+([^\W\d_]+)\b")


def named_programme(text: str, c: Candidate) -> bool:
    """``c`` is one coined word and a programme's head follows it."""
    word = text[c.start:c.end]
    if not _ONE_WORD.match(word) or not coined(word.lower()):
        return False
    m = _HEAD_AFTER.match(text, c.end)
    return m is not None and m.group(1).lower() in PROGRAMME_HEADS


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without a programme's coined name that only a guess proposed (module doc)."""
    guessed: dict[tuple[int, int], bool] = {}
    for c in found:
        key = (c.start, c.end)
        alone = c.layer in GUESSING_LAYERS and c.item_key is None
        guessed[key] = guessed.get(key, True) and alone
    return [c for c in found if not (guessed[(c.start, c.end)] and named_programme(text, c))]
