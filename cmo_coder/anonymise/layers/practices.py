"""GP practices, pharmacies, health centres, named wards and ward numbers, in captions and cased text.

Which surgery a participant is registered with, or which ward they were on, places them: a practice
serves one part of a town, a ward number inside a named hospital is a handful of beds. Forms:

* a name before a practice's or pharmacy's head: "the meadowbank practice", "the elms surgery",
  "kirkgate medical centre", "the ashcroft pharmacy", "holloway chemists"; the name is of
  proper-name kind or a noun practices are named by ("park", "elms", "grange"), never a kind
  ("the heart surgery", "good practice", "the dental practice", "the local chemist");
* a named ward, suite or wing: "the larch ward", "the bluebell suite";
* a ward's number in words, as captions write it: "ward thirty two", "ward number four". The
  number is removed and "ward" kept, so the sentence reads "she was on ward [ward number]", as
  the rules layer already does for "ward 32".

Pharmacy chains every town has ("Boots", "Lloyds", "Superdrug", "Well", "Rowlands", the supermarkets)
identify nobody and stay (:data:`PHARMACY_BRANDS`).
"""

from __future__ import annotations

import re

from .naming import (
    KIND_WORDS,
    name_before,
    naming_word,
    norm_word,
    proper_word,
    public_words,
    said_words,
    street_name_before,
)
from .words import place_names

_WORD = r"[^\W\d_][\w'’]*"
_PRACTICE_HEADS = (r"medical\s+practice|family\s+practice|group\s+practice|medical\s+cent(?:re|er)|"
                   r"health\s+cent(?:re|er)|surgery|practice|pharmacy|chemists?|dispensary")
_PRACTICE_WORDS = frozenset({"practice", "surgery", "centre", "center", "pharmacy", "chemist", "chemists",
                            "dispensary"})
_PRACTICE = re.compile(r"(?i)\b((?:" + _WORD + r"\s+){1,3})(" + _PRACTICE_HEADS + r")\b")
_WARD = re.compile(r"(?i)\b(the|on|to|from|in|onto|at)\s+(" + _WORD + r"(?:\s+" + _WORD + r")?)\s+(ward|suite|wing)\b")
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:" + _UNITS + r"))?|ten|eleven|"
           r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + _UNITS + r")")
_COUNTED = (r"(?:days?|nights?|weeks?|months?|years?|hours?|times?|shifts?|mornings?|afternoons?|evenings?|"
            r"of|or|more|less|other|another|and\s+a\s+half|patients?|beds?|nurses?|staff|people|person)\b")
"""Words a number counts ("I cover Beech Ward one day a week", "the ward two nurses short"): then the
number is no ward's number."""
_WARD_NUMBER = re.compile(r"(?i)\bward\s+(?:number\s+|no\.?\s+)?(" + _NUMBER + r"(?:\s+(?:" + _UNITS + r"))?"
                          r"(?:\s+[a-f])?)\b(?![\w'’-])(?!\s+" + _COUNTED + r")")
PHARMACY_BRANDS = frozenset({"boots", "lloyds", "lloydspharmacy", "superdrug", "well", "rowlands", "day lewis",
                             "asda", "tesco", "morrisons", "sainsbury's", "sainsburys", "cohens", "jhoots", "numark",
                             "avicenna", "paydens", "whitworths", "weldricks", "m&s", "co-op", "coop", "kamsons",
                             "hi-weld", "superdrug's", "boots's", "cvs", "walgreens", "rite aid",
                             "walmart", "kroger", "costco", "express scripts", "optum", "amazon"})
"""National and regional pharmacy chains: public names (module doc)."""
PRACTICE_KINDS = frozenset({"good", "best", "bad", "poor", "clinical", "general", "medical", "nursing", "private",
                             "dental", "vets", "vet's", "vet", "veterinary", "gp", "gps", "gp's", "doctors",
                             "doctor's", "same", "other", "local", "new", "old", "usual", "own", "nearest",
                             "weight", "loss", "cosmetic", "plastic", "keyhole", "laser", "heart", "knee", "hip",
                             "back", "brain", "eye", "emergency", "day", "major", "minor", "open", "bypass",
                             "community", "online", "high", "street", "village", "town", "city", "corner",
                             "late", "night", "twenty-four", "hour", "independent", "family", "big", "little",
                             "shut", "closed", "surgery", "practice", "cancer", "spinal", "foot", "shoulder", "neck",
                             "stomach", "bowel", "gastric", "band", "bariatric", "ops", "op", "reflective", "piano",
                             "choir", "football", "rugby", "training", "driving", "target", "fire", "drill",
                             "sports", "dance", "music", "law", "legal", "dispensing", "teaching",
                             "health", "centre", "center", "this", "that", "mp's", "mps", "constituency",
                             "councillor's", "longterm", "long-term", "longstanding", "standard", "common",
                             "accepted", "industry", "business", "accounting", "sales", "pricing", "market",
                             "hiring", "lending", "underwriting", "normal", "current", "past", "recent"})
"""First words of kinds of surgery, practice and pharmacy ("good practice", "heart surgery", "the local chemist")."""
_WARD_KINDS = frozenset({"maternity", "children's", "childrens", "kids", "psych", "psychiatric", "mental", "acute",
                         "general", "medical", "surgical", "stroke", "cancer", "cardiac", "renal", "orthopaedic",
                         "elderly", "geriatric", "dementia", "assessment", "admissions", "admission", "discharge",
                         "isolation", "labour", "delivery", "post-natal", "postnatal", "antenatal", "ante-natal",
                         "respiratory", "covid", "day", "side", "secure", "locked", "open", "female", "male",
                         "women's", "men's", "mixed", "private", "nhs", "east", "west", "north", "south", "new", "old",
                         "same", "other", "next", "right", "left", "labor", "recovery", "rehab", "detox", "burns",
                         "eye", "ent", "high", "dependency", "intensive", "care", "critical", "emergency", "short",
                         "stay", "long", "the", "a", "an", "hospital", "bridal", "honeymoon", "penthouse",
                         "hotel", "en", "master", "presidential", "executive", "office", "software", "test", "three",
                         "piece", "bathroom", "kitchen", "family", "wet", "sensory", "relatives", "quiet", "viewing",
                         "bereavement", "birthing", "birth", "wing", "ward", "suite", "that", "this",
                         "electoral", "council", "political", "his", "her", "my", "our", "their", "your"})
"""Kinds of ward, suite and wing, and the other suites (software, bridal, a three-piece)."""


_GP_CUE = re.compile(r"(?i)\b(?:registered\s+(?:at|with)|signed\s+(?:on\s+|up\s+)?(?:at|with)|"
                     r"(?:gp|gp's|doctors?|doctor's|surgery|practice)\s+(?:is\s+|was\s+|were\s+)?(?:at|up|down)|"
                     r"(?:moved|changed|switched)\s+(?:gps?|doctors?|surgery|surgeries|practice)\s+to)\s+"
                     r"(?:the\s+)?(" + _WORD + r")(?:\s+(" + _WORD + r"))?")
"""Words only a GP practice follows: "registered at the elms", "my gp at kirkgate", "changed doctors to the
limes"."""
_PHRASE_ENDS = re.compile(r"(?i)^(?:\s*(?:$|[.,;:!?)])|\s+(?:and|but|so|then|when|with|for|in|at|on|near|where|which|"
                          r"that|was|is|had|has|since|as|because|cos|now|there|i|we|he|she|they|you|said|says|"
                          r"before|after|though|yeah|like|um|er|erm|for|are|were|told|gave|rang|sent|did|do|does|"
                          r"have|put|got|were|would|will|could|surgery|practice|medical|health)\b)")
_NOT_PRACTICES = frozenset({"time", "moment", "minute", "start", "end", "weekend", "weekends", "hospital", "hospitals",
                            "job", "jobcentre", "council", "same", "other", "walk", "clinic", "centre", "center",
                            "top", "bottom", "back", "front", "station", "market", "bridge", "river", "high", "new",
                            "old", "long", "great", "little", "west", "east", "north", "south", "central", "upper",
                            "lower", "cross", "gate", "well", "wells", "spring", "springs", "hill", "hills", "bank"})
"""Words after "registered at the" or "my gp at" that say when or what else, or name too little alone."""


def _gp_cued(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """A practice named after words only a practice follows (:data:`_GP_CUE`), without its head."""
    out = []
    for m in _GP_CUE.finditer(text):
        word = m.group(1)
        low = norm_word(word)
        if (low in _NOT_PRACTICES or low in PRACTICE_KINDS or low in KIND_WORDS or low in place_names()
                or not naming_word(word, caseless) or low in PHARMACY_BRANDS or low in public_words()):
            continue
        if not caseless and not proper_word(word, caseless) and not word[:1].isupper():
            continue
        end = m.end(1)
        second = m.group(2)
        if second and _PHRASE_ENDS.match(text[m.end(2):]) and naming_word(second, caseless) \
                and norm_word(second) not in _NOT_PRACTICES | PRACTICE_KINDS | KIND_WORDS:
            end = m.end(2)  # "registered at the ash grove"
        elif not _PHRASE_ENDS.match(text[end:]):
            continue
        if text[end:].lower().lstrip().startswith(("surgery", "practice", "medical", "health")):
            continue  # the head form has it
        out.append((m.start(1), end, "practice"))
    return out


def practice_spans(text: str, caseless: bool) -> list[tuple[int, int, str]]:
    """Spans of named practices ("practice") and pharmacies ("pharmacy") (module doc), head included."""
    out: list[tuple[int, int, str]] = []
    said = said_words(text)
    for m in _PRACTICE.finditer(text) if said & _PRACTICE_WORDS else ():
        words = m.group(1).split()
        lows = [norm_word(w) for w in words]
        n = street_name_before(words, caseless)  # "the talbot street surgery"
        if not n and (lows[-1] in PRACTICE_KINDS or lows[-1] in KIND_WORDS - {"royal", "upper", "lower"}):
            continue
        n = n or name_before(words, caseless)
        if n == 2 and lows[-2] in PRACTICE_KINDS | KIND_WORDS:
            n = 1
        if not n:
            continue
        head = " ".join(m.group(2).lower().split())
        kind = "pharmacy" if head in {"pharmacy", "chemist", "chemists", "dispensary"} else "practice"
        name = " ".join(lows[-n:])
        if name in PHARMACY_BRANDS or name in public_words() or lows[-1] in PHARMACY_BRANDS:
            continue
        if kind == "pharmacy" and not proper_word(words[-1], caseless) and lows[-1] not in {"park", "grange"} \
                and n == 1 and caseless:
            continue  # "the station chemist", "the village pharmacy": a kind; a proper name or two words name one
        if not caseless and not m.group(2)[:1].isupper() and not proper_word(words[-1], caseless):
            continue  # cased "the Park surgery"? only a proper name carries a lower-case head
        start = m.start(1) + m.group(1).rstrip().rfind(" ".join(words[-n:]))
        out.append((start, m.end(2), kind))
    if said & {"registered", "gp", "gp's", "doctor", "doctors", "doctor's", "surgery", "practice", "signed"}:
        out.extend(_gp_cued(text, caseless))
    if "ward" not in said and not said & {"suite", "wing"}:
        return sorted(set(out))
    for m in _WARD.finditer(text):
        words = m.group(2).split()
        lows = [norm_word(w) for w in words]
        if lows[-1] in _WARD_KINDS or lows[-1] in KIND_WORDS or not naming_word(words[-1], caseless):
            continue
        if not caseless and not m.group(3)[:1].isupper():
            continue
        start = m.start(2) + m.group(2).rfind(words[-1])
        if len(words) == 2 and lows[0] not in _WARD_KINDS and lows[0] not in KIND_WORDS \
                and naming_word(words[0], caseless):
            start = m.start(2)
        out.append((start, m.end(3), "ward"))
    for m in _WARD_NUMBER.finditer(text):
        out.append((m.start(1), m.end(1), "ward_number"))
    return sorted(set(out))
