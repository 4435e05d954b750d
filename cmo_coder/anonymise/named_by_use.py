"""A body, helpline or tool named with one coined word, said as what one rings, joins or uses: "I rang the
Carewise", "he joined the Youthlink", "we contacted the Stepchange", "I used the Mindspring for a while".

Charities, helplines and apps are named the way brands are, with a word of two dictionary words joined
(:func:`.layers.lone_bodies.coined`: on no given-name, surname or place list, not shaped like an English place).
Said alone after "the", the statistical model reads such a word as an organisation or a place, and no list or
other layer holds it, so the study lost what the speaker rang or joined. The counts of public names removed
(``benchmarks/public_removed.py``) found this shape among the model's lone proposals on both blind sets, and a
private area of the same shape once: what tells them apart is the verb. A place is said after a preposition of
place ("in the …", "round the …", "moved into the …"); a body or a tool is what one rings, phones, contacts,
emails, texts, joins, uses, downloads or tries (:data:`USE_VERBS`) — the verb right before "the".

A care home, an estate, a house or a street is named with the same kind of word, and people ring a care home:
so a coined word whose second part is a word of the land or of a house (:data:`HOUSE_ENDINGS`: "Sunnyside",
"Meadowbank", "Oakview", "Fairhaven", "Willowbrook") is never kept here. Nor is a word that a person's word, a
place's head or a capitalised word follows ("the Carewise woman", "the Carewise estate", "the Carewise Trust": a
longer name goes on), a possessive, a word the model reads as a person, a word beside which another layer proposes
anything (a registered name right after it: keeping the coined word would leave part of one private name whose
other part is removed), or a word that any layer but the model proposes anywhere in the transcript (a list, a
rule, the register): only where the model alone read it, in every mention, is the proposal dropped. A word in the
register is the register layer's and always goes.

The verbs and endings below were written for the project from how people speak of the help they got and of the
places they live.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .consistency import SHORT_NAME_REASON
from .layers.lone_bodies import MODEL_LAYERS, coined
from .layers.public_figures import PRIVATE_WORDS
from .layers.words import in_dictionary

_SURER_WORD = re.compile(r"[^\W\d_]+")

USE_VERBS = frozenset({
    "rang", "ring", "ringing", "rings", "phoned", "phone", "phoning", "phones", "called", "call", "calling",
    "contacted", "contact", "contacting", "emailed", "email", "emailing", "messaged", "message", "texted", "text",
    "texting", "joined", "join", "joining", "joins", "used", "use", "using", "uses", "downloaded", "download",
    "downloading", "tried", "try", "trying", "recommended", "recommend", "recommends",
})
"""Verbs right before "the" that make the coined word after it a body, a helpline or a tool: what one rings,
contacts, joins or uses (never a preposition of place)."""
HOUSE_ENDINGS = (
    "side", "bank", "banks", "land", "lands", "view", "views", "acre", "acres", "haven", "grove", "brook", "lea",
    "lees", "mead", "meadow", "meadows", "court", "hill", "hills", "vale", "croft", "lodge", "house", "mount", "park",
    "green", "greens", "fields", "garden", "gardens", "garth", "leigh", "burn", "glen", "crest", "rise", "heights",
    "way", "path", "lane", "brae", "shaw", "nook", "hollow", "cross", "end", "row", "close", "lake", "water", "edge",
    "point", "bay", "cove", "hall", "farm", "mill", "manor", "oaks", "pines", "trees", "walk", "wharf", "yard",
    "place", "square", "terrace", "villa", "villas", "cottage", "cottages", "dene", "ings", "top",
)
"""Words of the land or of a house that end the names of care homes, estates, houses and streets ("Sunnyside",
"Meadowbank", "Parkview"): a coined word ending in one may be a place, and a leaked place costs more."""
AFTER_PERSON_OR_PLACE = frozenset({
    "lad", "lads", "lass", "man", "woman", "women", "men", "girl", "girls", "boy", "boys", "bloke", "fella", "kid",
    "kids", "family", "lot", "crowd", "estate", "road", "street", "lane", "house", "home", "flats", "flat", "close",
    "avenue", "drive", "farm", "end", "side", "park", "pub", "arms", "inn", "club", "school", "church", "ward",
    "surgery", "practice", "centre", "hospital", "court", "lodge", "hall", "village", "area",
})
"""A word after the coined one that makes it part of a person's or a place's name ("the Carewise woman", "the
Carewise estate"): the proposal then stays."""
_ONE_WORD = re.compile(r"^[^\W\d_]+$")
_BEFORE = re.compile(r"(?i)\b([a-z]+)[^\S\n]+the[^\S\n]+$")
_AFTER = re.compile(r"[^\S\n]*(['’]s\b|[^\W\d_]+)?")


def house_shaped(low: str) -> bool:
    """A coined word whose second part is a word of the land or a house: "sunnyside", "meadowbank", "oakview"."""
    return any(low.endswith(end) and len(low) > len(end) + 2 and in_dictionary(low[: -len(end)])
               for end in HOUSE_ENDINGS)


def named_by_use(text: str, c: Candidate) -> bool:
    """``c`` is one coined word, no house's shape, after "the" and a verb of ringing, joining or using, with no
    person's word, place head or possessive after it."""
    word = text[c.start:c.end]
    if not _ONE_WORD.match(word):
        return False
    low = word.lower()
    if not coined(low) or house_shaped(low):
        return False
    before = _BEFORE.search(text, max(0, c.start - 40), c.start)
    if before is None or before.group(1).lower() not in USE_VERBS:
        return False
    after = _AFTER.match(text, c.end)
    said = (after.group(1) or "") if after else ""
    nxt = said.lower()
    if said[:1].isupper():
        return False  # "the Carewise Trust", "the Youthlink Ashcombe": a longer name goes on, the layers' to read
    return not (nxt.startswith(("'", "’")) or nxt in AFTER_PERSON_OR_PLACE or nxt in PRIVATE_WORDS)


def _next_word_end(text: str, end: int) -> int:
    """End of the word right after offset ``end`` on the same line (``end`` itself where none follows)."""
    after = _AFTER.match(text, end)
    return after.end() if after is not None and after.group(1) else end


def settle(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without a coined name said as what one rings, joins or uses, where the model alone proposed it
    (module doc)."""
    surer = {w for c in found if not _models(c) or c.item_key is not None
             for w in _SURER_WORD.findall(text[c.start:c.end].lower())}
    drop: set[tuple[int, int]] = set()
    for c in found:
        if not _models(c) or c.category == "person" or c.item_key is not None:
            continue
        if text[c.start:c.end].lower() in surer or not named_by_use(text, c):
            continue
        lo, hi = max(0, c.start - 5), _next_word_end(text, c.end)  # "the " before it, the word after it
        if all(_models(o) and o.category != "person" and o.item_key is None
               for o in found if o.start < hi and lo < o.end):
            drop.add((c.start, c.end))
    if not drop:
        return found
    return [c for c in found if not any(a < c.end and c.start < b for a, b in drop)]


def _models(c: Candidate) -> bool:
    """The model's own reading: its layers', or its town after "the" retyped as a building's short name."""
    return c.layer in MODEL_LAYERS or c.layer == "transcript" and c.reason == SHORT_NAME_REASON
