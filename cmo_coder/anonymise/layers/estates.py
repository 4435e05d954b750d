"""Housing estates and blocks: "the beechwood estate", "grange park estate", "grew up on the hollins",
"danbury flats", "carlton towers".

Where someone grew up or lives now is often said by estate or block rather than street, and in a
town an estate is a few hundred households. Three forms:

* a name before "estate" ("the beechwood estate", "the grange park estate"), not a kind of estate
  ("the council estate", "a housing estate", "real estate", "an industrial estate", "estate agents");
* a name before a block's head: "flats", "towers", "heights", "mansions" ("danbury flats",
  "carlton towers"), and "court", "house", "buildings" where living there is said ("lived in
  ellerby court": "the delaware court ruled" is no block), where the name is of proper-name kind (a
  place, a surname, a word no dictionary holds), not an everyday word ("the council flats", "the
  white house") nor someone's ("darren's house");
* "the" and a name after living on an estate is said: "grew up on the hollins", "lives on the
  manor", "moved onto the brackenfield" (the estate is said without its head), where the name is
  of proper-name kind or a noun estates are named by (:data:`..naming.NAMING_NOUNS`), not the
  edge, the streets or the coast.
"""

from __future__ import annotations

import re

from .naming import (
    KIND_WORDS,
    NAMING_NOUNS,
    name_before,
    naming_word,
    norm_word,
    proper_word,
    said_words,
    street_name_before,
)

_WORD = r"[^\W\d_][\w'’]*"
_ESTATE = re.compile(r"(?i)\b((?:" + _WORD + r"\s+){1,3})(estate)\b(?!\s+(?:agents?|car|cars|agency|planning|tax|"
                     r"duty|sale|sales|management))")
_BLOCK_HEADS = ("flats", "towers", "heights", "mansions", "court", "house", "buildings", "tower", "block",
                "maisonettes")
_BLOCK_SET = frozenset(_BLOCK_HEADS)
_WEAK_BLOCKS = frozenset({"house", "court", "block", "tower", "buildings"})
_RESIDE = re.compile(r"(?i)\b(?:(?:live[sd]?|living|stay(?:s|ed|ing)?|moved|moving|housed|rehoused|flat|born|grew\s+up|"
                     r"brought\s+up)\s+(?:in|at|into|to|on)|(?:in|into)\s+(?:a\s+)?flat\s+(?:in|at)|put\s+\w+\s+in|"
                     r"number\s+\w+|flat\s+\w+)\s*,?\s*(?:the\s+)?$")
"""Words of living somewhere right before a block named by a weak head ("lived in carlton house")."""
_BLOCK = re.compile(r"(?i)\b(" + _WORD + r"(?:\s+" + _WORD + r")?)\s+(" + "|".join(_BLOCK_HEADS) + r")\b")
_ON_THE = re.compile(r"(?i)\b(?:grew\s+up|grow\s+up|growing\s+up|brought\s+up|raised|born|live|lives|lived|living|"
                     r"stay|stays|stayed|staying|moved|moving|housed|rehoused|flat|house)"
                     r"(?:\s+(?:up|down|over|out|back|round))?\s+(?:on|onto|off)\s+the\s+("
                     + _WORD + r")(?:\s+(" + _WORD + r"))?")
_NOT_ESTATES = frozenset({
                          "edge", "streets", "street", "road", "roads", "coast", "border", "outskirts", "island",
                          "farm", "boat", "boats", "canal", "river", "breadline", "dole", "social", "sick", "game",
                          "run", "go", "move", "side", "same", "other", "top", "bottom", "corner", "front", "back",
                          "estate", "estates", "ground", "floor", "first", "second", "third", "fourth", "fifth",
                          "sixth", "seventh", "eighth", "ninth", "tenth", "phone", "internet", "telly", "radio",
                          "rocks", "lam", "mend", "wagon", "waiting", "list", "register", "books", "ward", "site",
                          "premises", "base", "camp", "airbase", "quay", "beach", "seafront", "high", "hill", "main",
                          "whole", "west", "east", "north", "south", "continent", "mainland", "market", "pier",
                          "green", "common", "moors", "moor", "park"})
"""Words said after "lives on the" that are no estate ("the edge", "the streets", "the coast")."""
_ENDS = re.compile(r"(?i)^(?:\s*(?:$|[.,;:!?)])|\s+(?:estate|and|but|so|then|when|with|for|in|at|near|till|until|"
                   r"where|which|that|was|is|had|has|all|most|since|from|as|because|cos|now|years?|til|there|"
                   r"for|i|we|he|she|they|you|my|his|her|our|their|before|after|though|yeah|like|um|er|knew|know|knows|"
                   r"were|are|got|used|went|did|does|do|would|will|could|back|again|anymore|either|too|on|up|off|down|"
                   r"round)\b)")


_NEAR_ON_THE = re.compile(r"(?i)\b(?:on|onto|off|up|round|across|from)\s+the\s+(" + _WORD + r")")
_ESTATE_CUE = re.compile(r"(?i)\b(?:estates?|council\s+(?:house|houses|flat|flats)|tower\s+blocks?|"
                         r"blocks?\s+of\s+flats|maisonettes?|the\s+flats|high-?rise|housing\s+association)\b")
"""Words of housing said near "on the X": then a proper name there is the estate ("we had a maisonette on
the brackley", "everyone on the wolsey knew us, it was a big estate")."""
_ESTATE_NOUNS = frozenset({"grange", "manor", "abbey", "priory", "hollies", "limes", "elms", "oaks", "beeches",
                           "laurels", "willows", "brambles", "meadows", "chase", "warren", "crofts", "leas", "larches",
                           "poplars", "rowans", "sycamores", "hawthorns", "cedars", "firs", "pines"})
"""Everyday nouns an estate is called by on its own ("up the grange", "on the hollies")."""
_CUE_WINDOW = 100
_HOUSING_WORDS = frozenset({"estate", "estates", "council", "tower", "block", "blocks", "maisonette", "maisonettes",
                            "flats", "high", "highrise", "housing"})
"""The words of :data:`_ESTATE_CUE`: a turn holding none has no "on the X" to read."""


def _estate_near(text: str, caseless: bool) -> list[tuple[int, int]]:
    """ "on the X" with words of housing near (:data:`_ESTATE_CUE`): X a proper name or an estate's noun."""
    out = []
    for m in _NEAR_ON_THE.finditer(text):
        word = m.group(1)
        low = norm_word(word)
        if low in _NOT_ESTATES or low in KIND_WORDS or not (proper_word(word, caseless) or low in _ESTATE_NOUNS):
            continue
        if (not caseless and not word[:1].isupper()) or not _ENDS.match(text[m.end(1):]):
            continue
        if text[m.end(1):].lower().lstrip().startswith("estate"):
            continue
        if _ESTATE_CUE.search(text[max(0, m.start() - _CUE_WINDOW) : m.end() + _CUE_WINDOW]):
            out.append(m.span(1))
    return out


def estate_spans(text: str, caseless: bool) -> list[tuple[int, int]]:
    """Spans of named estates and blocks (module doc): the name and its head, the article left out."""
    out: list[tuple[int, int]] = []
    said = said_words(text)
    for m in _ESTATE.finditer(text) if "estate" in said else ():
        words = m.group(1).split()
        n = street_name_before(words, caseless) or name_before(words, caseless)
        if not n or (n == 1 and norm_word(words[-1]) in KIND_WORDS):
            continue
        start = m.start(1) + m.group(1).rstrip().rfind(" ".join(words[-n:]))
        out.append((start, m.end(2)))
    for m in _BLOCK.finditer(text) if said & _BLOCK_SET else ():
        words = m.group(1).split()
        head = m.group(2).lower()
        last = words[-1]
        named = not norm_word(last).endswith("'s") and proper_word(last, caseless)
        if not named and not (head in {"towers", "heights", "mansions"} and naming_word(last, caseless)
                              and norm_word(last) not in KIND_WORDS):
            continue
        start = m.start(1) + m.group(1).rfind(last)
        if len(words) == 2 and proper_word(words[0], caseless) and not norm_word(words[0]).endswith("'s"):
            start = m.start(1)
        if head in _WEAK_BLOCKS and not _RESIDE.search(text[max(0, start - 30) : start]):
            continue  # "the delaware court ruled", "warner house": a block only where someone lives
        out.append((start, m.end(2)))
    for m in _ON_THE.finditer(text) if "the" in said else ():
        first, second = m.group(1), m.group(2)
        low = norm_word(first)
        if low in _NOT_ESTATES or low in KIND_WORDS or not naming_word(first, caseless):
            continue
        if not caseless and not proper_word(first, caseless) and low not in NAMING_NOUNS:
            continue
        end = m.end(1)
        if second and norm_word(second) not in {"estate"} and naming_word(second, caseless) \
                and norm_word(second) not in _NOT_ESTATES and _ENDS.match(text[m.end(2):]):
            end = m.end(2)
        elif not _ENDS.match(text[end:]):
            continue  # "lives on the hollins road": the street layer's; "on the manor house" is not an estate
        if text[end:].lower().lstrip().startswith("estate"):
            continue  # the head form above has it
        out.append((m.start(1), end))
    if "the" in said and said & _HOUSING_WORDS:
        out.extend(_estate_near(text, caseless))
    if "the" in said and said & {"on", "off"}:
        out.extend(_being_on(text, caseless))
    return sorted(set(out))


_BEING_ON = re.compile(r"(?i)(?<![\w'’-])(?:(?:she|he|they|we|you|i|mum|dad|nan|everyone|everybody|who|kids|lads)"
                       r"(?:['’]s|['’]re|['’]m|\s+is|\s+are|\s+was|\s+were)|from)"
                       r"(?:\s+(?:up|down|over|out|back|round|still|all))?\s+(?:on|off)\s+the\s+(" + _WORD + r")")
_MEDICINE_ENDINGS = ("ine", "pam", "lam", "done", "zole", "pril", "statin", "olol", "cillin", "mycin", "sartan", "mab",
                     "pine", "ate", "ide", "one", "xetine", "azine")
"""Endings of medicines' names: "she's on the olanzapine" is a prescription, not an estate."""


_IT_AFTER = re.compile(r"(?i)^\s+(?:it|it's|it’s|its)\b")


def _being_on(text: str, caseless: bool) -> list[tuple[int, int]]:
    """ "she's on the gorsey", "he's off the moorcroft": someone being on an estate said by a name of
    proper-name kind alone (no dictionary word: "she's on the phone", "he's on the mend" stay), where its
    phrase ends."""
    out = []
    for m in _BEING_ON.finditer(text):
        word = m.group(1)
        low = norm_word(word)
        if (low in _NOT_ESTATES or low in KIND_WORDS or low.endswith(_MEDICINE_ENDINGS)
                or not proper_word(word, caseless)):
            continue
        rest = text[m.end(1):]
        if (_ENDS.match(rest) or _IT_AFTER.match(rest)) and not rest.lower().lstrip().startswith("estate"):
            out.append(m.span(1))
    return out
