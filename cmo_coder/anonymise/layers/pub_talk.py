"""Pubs named with ordinary words, known by pub talk around them: "a pint at the sportsman", "the quiz at the
fountain", "landlord of the shoulder of mutton", "i loved the quarryman best pint in town".

Pubs are named by signs (:mod:`.pubs` knows the common ones), but as often by a trade or a traveller ("the
Sportsman", "the Woodman", "the Quarryman", "the Drovers"), a thing ("the Fountain", "the Fleece") or a
phrase ("the Shoulder of Mutton"), all ordinary words. What says a pub is what people do there:

* **after a word only a pub takes** (the quiz, darts, karaoke, a lock-in "at", "in" or "down the"; the
  landlord, the barmaid "of" or "at the"; barred "from the"; after a pint or a drink, which people have at
  home too, only a word of proper-name kind, a sign or a trade's word): one noun, a number and a noun
  ("the three pigeons"), or a noun, "of" and a noun, whose phrase ends after it, names the pub; a kind of
  place or of time ("a pint at the match", "drinks at the weekend", "the quiz at the club",
  :data:`_NOT_PUBS`) stays;
* **before pub talk in the same breath** ("the quarryman, best pint in town", "the woodman does a quiz",
  "the fountain has a beer garden"): a word of proper-name kind, a sign, or a trade's word ending in "-man"
  after "the", with a word of drinking within a few words after it.

Pub chains known everywhere stay (:data:`.pubs.PUB_BRANDS`), as everything the allow-list keeps.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .cue_scan import cued_finditer, register_cues
from .naming import KIND_WORDS, norm_word, proper_word
from .pubs import PUB_BRANDS, PUB_EMBLEMS
from .words import CALENDAR, FILLERS, in_dictionary

_WORD = r"[^\W\d_][\w'’]*"
_STRONG_CUE = re.compile(
    r"(?i)(?<![\w'’-])(?:(?:(pints?|a\s+drink|drinks|drinking|drank|a\s+half)|quiz(?:\s+night)?|darts|karaoke|"
    r"lock-?in|last\s+orders)\s+(?:at|in|down|up|round)|(?:landlord|landlady|barman|barmaid|bar\s+staff)\s+"
    r"(?:of|at|in|down)|(?:barred|banned)(?:\s+(?:him|her|them|me|us))?\s+(?:from|out\s+of))\s+the\s+(?:(?:two|three|four|five|six|seven|"
    r"nine|ten|twelve)\s+)?(?P<name>" + _WORD + r")(?:\s+of\s+(?P<of>" + _WORD
    + r"))?")
_STRONG_CUES = register_cues("pub_talk", {
    "pint", "pints", "a", "drinks", "drinking", "drank", "quiz", "darts", "karaoke", "lock", "lockin", "last",
    "landlord", "landlady", "barman", "barmaid", "bar", "barred", "banned"})
"""The first word of each way of :data:`_STRONG_CUE` (:mod:`.cue_scan`)."""
_NOT_PUBS = frozenset({
    "pub", "pubs", "bar", "bars", "club", "clubs", "local", "social", "legion", "welfare", "hotel", "weekend", "end",
    "match", "game", "games", "party", "wedding", "funeral", "wake", "do", "station", "airport", "beach", "park",
    "hospital", "house", "flat", "centre", "center", "time", "night", "moment", "same", "pictures", "races",
    "footy", "football", "cricket", "rugby", "golf", "bowls", "restaurant", "cafe", "café", "festival", "fair",
    "christening", "meeting", "back", "front", "top", "bottom", "side", "corner", "bingo", "gym", "pool",
    "cinema", "theatre", "village", "town", "city", "seaside", "caravan", "campsite", "services",
    "hall", "home", "leisure", "sports", "working", "cons", "con", "labour", "british",
    "royal", "garden", "gardens", "door", "table", "counter", "till", "fire", "window", "lounge", "snug", "bottle",
    "pumps", "tap", "taps", "cellar", "car", "bus", "train", "boat", "ship", "plane", "disco", "dance", "gig",
    "concert", "reception", "start", "beginning", "last", "first", "next", "other", "minute",
    "hour", "day", "week", "month", "year", "morning", "afternoon", "evening", "christmas", "summer", "winter",
})
"""Nouns after a pub's cue that say a kind of place, a time or a part of a pub: no pub's name."""
_TALK_AFTER = re.compile(
    r"(?i)^[\s,]+(?:(?:was|is|were|used\s+to\s+be)\s+(?:our|my|his|her|their|the)\s+local"
    r"|(?:(?:does|did|do|had|has|have|used\s+to\s+do|used\s+to\s+have|runs|ran|were|was|is)\s+)?"
    r"(?:(?:a|the|their|its|best|good|great|proper|decent|cheap|nice|lovely)\s+){0,2}"
    r"(?:pints?|quiz|quiz\s+night|darts|karaoke|beer\s+garden|real\s+ale|ale|lager|bitter|landlord|landlady|"
    r"lock-?ins?|jukebox|pool\s+table|happy\s+hour|carvery|sunday\s+roast|pub\s+grub))\b")
"""Pub talk right after a name, in the same breath ("the quarryman best pint in town", "the woodman does a
quiz", "the fountain, lovely beer garden", "the feathers was our local")."""
_PEOPLE_DO = re.compile(r"(?i)^[\s,]+(?:had|has|have|were|was|is|used\s+to\s+have)\b")
"""What a man does with a pint ("the postman had a pint"): a trade's word before it is a person, not a pub."""
_AFTER_THE = re.compile(r"(?i)(?<![\w'’-])the\s+(" + _WORD + r")")
_ENDS = re.compile(r"(?i)^(?:\s*(?:$|[.,;:!?)…-])|\s+(?:and|but|so|then|when|with|for|in|at|on|near|till|until|"
                   r"where|which|that|was|is|had|has|were|are|every|each|last|on|after|before|because|cos|now|"
                   r"yeah|like|um|er|erm|uh|i|we|he|she|they|you|it|again|most|all|one|by|to|did|does|do|"
                   r"used|would|or|too|instead|mostly|always|never|knew|knows|said|told|got|gave|let|put|kept|made|took|came|"
                   r"went|shut|closed|looked|barred|banned|kicked|threw|sold|bought)\b)")
"""Where a pub's name ends: a pause, the end of the turn, or a word that begins the next phrase."""


def _ordinary(low: str) -> bool:
    return (low in STOP_WORDS or low in KIND_WORDS or low in FILLERS or low in CALENDAR or low in _NOT_PUBS
            or len(low) < 3 or not low.replace("'", "").isalpha())


def _trade_word(low: str) -> bool:
    """A trade's word pubs are named after ("sportsman", "woodman", "ferryman"): one man, since "the workers
    had a pint" speaks of people."""
    return low.endswith("man") and len(low) > 5 and in_dictionary(low)


def pub_talk_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Spans of pubs named with ordinary words where pub talk says a pub (module doc)."""
    low_text = text.lower()
    out: list[tuple[int, int]] = []
    for m in cued_finditer(_STRONG_CUE, text, _STRONG_CUES):
        word, of = m.group("name"), m.group("of")
        low = norm_word(word)
        if _ordinary(low) or (not caseless and not word[:1].isupper()):
            continue
        if m.group(1) and not (proper_word(word, caseless) or low in PUB_EMBLEMS or _trade_word(low)):
            continue  # "we drank in the kitchen": drinking is done at home too; a quiz or a landlord is a pub's
        start, end = m.start("name"), m.end("name")
        number = re.search(r"(?i)(?:two|three|four|five|six|seven|nine|ten|twelve)\s+$", text[m.start() : start])
        if number:
            start = m.start() + number.start()  # "barred from the three pigeons": the number is the name's
        if of and not _ordinary(norm_word(of)) and (caseless or of[:1].isupper()):
            end = m.end("of")  # "the shoulder of mutton"
        if not _ENDS.match(text[end : end + 20]) or " ".join(low_text[start:end].split()) in PUB_BRANDS:
            continue
        out.append((start, end))
    if not any(w in low_text for w in ("local", "pint", "quiz", "darts", "karaoke", "beer garden", "ale", "lager",
                                        "bitter", "landlord", "landlady", "lock", "jukebox", "pool table",
                                        "happy hour", "carvery", "roast", "grub")):
        return out
    for m in _AFTER_THE.finditer(text):
        word = m.group(1)
        low = norm_word(word)
        if _ordinary(low) or low in PUB_BRANDS or (not caseless and not word[:1].isupper()):
            continue
        talk = _TALK_AFTER.match(text[m.end(1) : m.end(1) + 60])
        if talk is None:
            continue
        local = "local" in talk.group(0).lower()  # "the tumbler was our local": no word but a pub's name stands there
        if not (local or proper_word(word, caseless) or low in PUB_EMBLEMS or _trade_word(low)):
            continue
        if not (_trade_word(low) and _PEOPLE_DO.match(talk.group(0))):
            out.append(m.span(1))  # "the postman had a pint" is a man; "the woodman does a quiz" a pub
    return sorted(set(out))
