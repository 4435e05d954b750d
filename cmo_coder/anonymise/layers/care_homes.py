"""Care homes said by name where someone is placed, lives or is visited: "she's in meadowbank now", "we moved
her to ashgrove manor", "dad's at fernlea house on the dementia floor", "a respite bed at holmcroft lodge".

Families seldom say "care home" after a home's name: the home is a house name ("X Manor", "X Grange", "X
Lodge", "X House", "X Court") or the name alone, and what says it is a place is the verb of placing or being
there: "she's in", "mum's at", "moved her to", "put him in", "a bed at", "respite at", "visiting her at".
After such a cue:

* a name and a house head: the last word of proper-name kind or a noun houses are named by
  (:func:`.naming.naming_word`: "meadow", "oak", "fern"), the word before it joining when it names too; a
  kind ("the new house", "the council flats", "her mum's house") is no name;
* a name alone, where it is of proper-name kind (no dictionary word, seldom written in lower case, no
  given name: "meadowbank", "holmcroft"), and its phrase ends after it: "she's in hospital", "he's in
  bed", "she's in year six" stay, and a listed town is the town layers' to type.

Cased text writes the name with its capitals. The placeholder says a care home where care is spoken of in
the turn (respite, nursing, dementia, residents, the staff), and a place otherwise ("he's in carlton court"
may be a block of flats).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from .cue_scan import cued_finditer, register_cues
from .naming import KIND_WORDS, naming_word, norm_word, proper_word
from .words import CALENDAR, FILLERS, KINSHIP, name_lexicon, place_names

_WORD = r"[^\W\d_][\w'’-]*"
_WHO = (r"(?:she|he|mum|mam|dad|nan|nana|nanna|gran|granny|grandad|grandma|grandpa|mother|father|husband|wife|"
        r"aunt|auntie|uncle|they|we|it|brother|sister)")
_WHOM = r"(?:her|him|them|mum|mam|dad|nan|nana|gran|grandad|grandma|grandpa|mother|father|husband|wife|auntie)"
_CUE = re.compile(
    r"(?i)(?<![\w'’-])(?:" + _WHO + r"(?:['’]s|\s+is|\s+was|['’]s\s+been|\s+has\s+been|\s+had\s+been|\s+went|"
    r"\s+moved|['’]s\s+gone|\s+lives|\s+lived|\s+died|['’]s\s+living|\s+was\s+living|\s+stayed|['’]s\s+staying)"
    r"(?:\s+(?:now|still|up|down|over|out))?\s+(?:in|into|at|to)"
    r"|(?:moved|put|placed|admitted|transferred|took|taken|sent|found)\s+" + _WHOM + r"\s+(?:in|into|at|to)"
    r"|(?:visit|visits|visited|visiting|see|saw|seeing)\s+" + _WHOM + r"\s+(?:in|at)"
    r"|(?:respite|bed|room|place|placement)\s+(?:in|at)"
    r"|(?:went|gone|going|moved|admitted)\s+into)"
    r"\s+(?:the\s+)?(" + _WORD + r")(?:\s+(" + _WORD + r"))?(?:\s+(" + _WORD + r"))?")
HOUSE_HEADS = frozenset({"manor", "grange", "lodge", "court", "house", "hall", "mews", "view", "gardens", "mount",
                         "park", "place", "villa", "villas", "towers", "croft", "lea", "lees", "meadows"})
"""Words that end the names of care homes as of houses ("Ashgrove Manor", "Fernlea House", "Oak Lodge")."""
_HOME_HEADS = ("care home", "nursing home", "residential home", "rest home", "retirement home")
_ENDS = frozenset(STOP_WORDS) | FILLERS | CALENDAR | {"yeah", "now", "since", "for", "on", "after", "till", "until",
                                                      "because", "cos", "near", "with", "and", "but", "so", "then"}
"""Words after a name that end its phrase ("she's in meadowbank now", "at holmcroft for respite")."""
_CARE_TALK = re.compile(r"(?i)\b(?:care|nursing|respite|dementia|residents?|staff|carers?|visiting|"
                        r"manager|floor|unit|old\s+people)\b")


def _ends(text: str, end: int) -> bool:
    rest = text[end : end + 20]
    if not rest.strip() or rest.lstrip()[:1] in ".,;:!?)" or rest[:1] in ".,;:!?)":
        return True
    nxt = rest.split()[0].lower().replace("’", "'").strip(".,;:!?")
    return nxt in _ENDS
_CUES = register_cues("care_homes", {
    "she", "he", "mum", "mam", "dad", "nan", "nana", "nanna", "gran", "granny", "grandad", "grandma", "grandpa",
    "mother", "father", "husband", "wife", "aunt", "auntie", "uncle", "they", "we", "it", "brother", "sister",
    "moved", "put", "placed", "admitted", "transferred", "took", "taken", "sent", "found", "visit", "visits",
    "visited", "visiting", "see", "saw", "seeing", "respite", "bed", "room", "place", "placement", "went", "gone",
    "going"})
"""The first word of each way of :data:`_CUE`: who, or the verb or noun of placing (:mod:`.cue_scan`)."""


def _bare_name(word: str, caseless: bool) -> bool:
    """A name said alone after a cue: of proper-name kind, no given name, no town, not whose ("kayden's")."""
    low = norm_word(word)
    if low.endswith("'s") or low in KIND_WORDS or low in KINSHIP or low in place_names():
        return False
    return proper_word(word, caseless) and low not in name_lexicon("first")


def care_home_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """Spans of homes named after a cue of placing or being there (module doc), typed "care_home" where care
    is spoken of in the turn and "place" otherwise."""
    out: list[tuple[int, int, str]] = []
    for m in cued_finditer(_CUE, text, _CUES):
        words = [(m.group(k), m.start(k), m.end(k)) for k in (1, 2, 3) if m.group(k)]
        lows = [norm_word(w) for w, _, _ in words]
        span: tuple[int, int] | None = None
        for k in (1, 2):  # a head after one or two name words
            if len(words) <= k:
                break
            head = lows[k]
            two = f"{lows[k]} {lows[k + 1]}" if len(lows) > k + 1 else ""
            if head not in HOUSE_HEADS and two not in _HOME_HEADS:
                continue
            end = words[k + 1][2] if two in _HOME_HEADS else words[k][2]
            names = words[:k]
            if not all(_names(w, caseless) for w, _, _ in names) or not _ends(text, end):
                break
            span = (names[0][1], end)
            break
        if span is None and _bare_name(words[0][0], caseless) and _ends(text, words[0][2]):
            span = (words[0][1], words[0][2])
        if span is None:
            continue
        kind = "care_home" if _CARE_TALK.search(text) else "place"
        out.append((span[0], span[1], kind))
    return out


def _names(word: str, caseless: bool) -> bool:
    low = norm_word(word)
    if low.endswith("'s") or low in KIND_WORDS or low in STOP_WORDS or low in HOUSE_HEADS:
        return False
    if not caseless and not word[:1].isupper():
        return False
    return naming_word(word, caseless)
