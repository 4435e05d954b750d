"""People named in apposition to who they are, a frame that says a person whatever the word is:

* **a relation, then the name**: "Ionela's partner Florin was working nights", "her little boy Storm was poorly",
  "my husband Sunny came". A given name that is also a town ("Florin", "Jordan") or a word ("Storm") stands
  where only a person can: after a possessive and a word of kinship or partnership. In cased text the name is
  a capitalised word that does not open the sentence; in captions it must be a given name a list holds and be
  followed by what a person does ("was", "came", "said", "and", the turn's end), since "my son basically
  runs" and "her partner support worker" say no name.
* **a name, then who that is**: "Storm, he's Amber's little boy", "Selam, she's my cousin": the speaker
  introduces someone by saying whose relative they are. Any capitalised word (cased) or any word that is no
  stop word or word of kinship (captions, no comma) opens that frame.
* **a name, then the team it belongs to**: "Faith on my team did the same", "Hope from our team came out":
  "on" or "from" a possessive team, ward, unit or caseload, then a verb or a comma. "Faith in the team" and
  "there was joy on our ward" stay: "in" speaks of trust, and a word after "was" is no subject.
* **who someone is, the name set off by commas, then "she" or "he"** (typed text): "The Stroke Association lady,
  Anji, she gave me the leaflet", "that fella, Kaz, he sorted it": a word for a person, the capitalised name
  between commas, and a pronoun taking the sentence up again. The model read "Anji" as a county of China, and the
  person was removed as "[city name]".

Each reading is a person (layer ``rules``), and it outranks a place a list or the model guessed for the same
word ("Florin" is a town in Romania, "Storm" an organisation to the model): the frame is the stronger evidence.
A word another layer already reads as a person is left as found. The word lists here were written for the
project.
"""

from __future__ import annotations

import re
from functools import cache

from .candidates import Candidate
from .layers.words import CALENDAR, KINSHIP, TITLE_WORDS, name_lexicon
from .namelists import uk_given
from .register import common_word_names

_POSSESSOR = r"(?:\b(?:my|her|his|their|our|your|me)|\b[^\W\d_][\w-]*['’]s|\]['’]s)"
_KIN = (r"(?:partner|husband|wife|hubby|boyfriend|girlfriend|fianc[eé]e?|ex|son|daughter|brother|sister|"
        r"cousin|nephew|niece|friend|mate|pal|boy|girl|lad|baby|bairn|child|stepson|stepdaughter|twin)")
_BEFORE_KIN = r"(?:(?:little|wee|eldest|youngest|oldest|older|younger|big|best|new|baby|twin)\s+)?"
_RELATION_THEN_NAME = re.compile(
    _POSSESSOR + r"\s+" + _BEFORE_KIN + _KIN + r"\s*,?\s+([^\W\d_][\w'’-]*?)(?=['’]s\b|[^\w'’-]|$)",
    re.IGNORECASE)
_NAME_THEN_RELATION = re.compile(
    r"\b([^\W\d_][\w'’-]*)\s*,?\s+(?:he|she)(?:['’]s|\s+is|\s+was)\s+" + _POSSESSOR + r"\s+" + _BEFORE_KIN + _KIN
    + r"\b", re.IGNORECASE)
_NAME_ON_TEAM = re.compile(
    r"\b([^\W\d_][\w'’-]*)\s+(?:on|from|off)\s+(?:my|our|her|his|their|the)\s+"
    r"(?:team|ward|unit|caseload|shift|rota|patch)\s*(?:,|(?=\s+(?:did|does|do|was|is|has|had|went|goes|came|"
    r"comes|said|says|told|rang|took|takes|got|gets|always|just|also|too|then|and|who|she|he)\b))",
    re.IGNORECASE)
_PERSON_SET_OFF = re.compile(
    r"\b(?:lady|woman|man|fella|feller|bloke|chap|guy|girl|lad|lass|nurse|doctor|worker|volunteer|receptionist|"
    r"carer|physio|therapist|manager|officer|counsellor|coordinator|adviser|advisor|mentor|midwife|visitor)"
    r",[^\S\n]+([A-Z][\w'’-]*),[^\S\n]+(?:she|he)\b")
"""A word for a person, the name between commas, then a pronoun: "the lady, Anji, she gave me" (cased only)."""
_THEN = frozenset({"was", "is", "were", "has", "had", "came", "comes", "come", "said", "says", "goes", "went",
                   "works", "worked", "does", "did", "drives", "drove", "rang", "rings", "told", "tells", "got",
                   "gets", "took", "takes", "lives", "lived", "left", "died", "passed", "helped", "helps", "and",
                   "who", "she", "he", "never", "always", "just", "still", "too", "as", "would", "wouldn't",
                   "could", "couldn't", "can", "can't", "will", "won't", "wasn't", "isn't", "didn't", "doesn't",
                   "hasn't", "hadn't", "'s", "’s"})
"""Words after a name in a relation's apposition that say a person is the subject ("her partner florin was")."""
_NEVER = frozenset({"the", "a", "an", "and", "or", "but", "so", "then", "that", "this", "who", "what", "it", "is",
                    "was", "has", "had", "said", "says", "he", "she", "they", "we", "i", "you", "me", "him", "her",
                    "them", "us", "one", "ones", "too", "as", "well", "now", "there", "here", "of", "in",
                    "on", "at", "to", "for", "from", "with", "by", "not", "never", "just", "still", "also", "all",
                    "both", "yeah", "yes", "no", "oh", "mind", "god", "thing", "things", "will", "would", "can",
                    "could", "should", "might", "must", "did", "does", "do", "got", "gets", "went", "came", "goes",
                    "lives", "works", "used", "basically", "actually", "honestly", "obviously", "really",
                    "very", "though", "because", "cos", "when", "if", "were", "are", "be", "been", "being"})
"""Words that are never the name in these frames: function words, fillers and verbs."""


@cache
def _never() -> frozenset[str]:
    return _NEVER | KINSHIP | frozenset(TITLE_WORDS)


@cache
def _given() -> frozenset[str]:
    return uk_given() | common_word_names() | name_lexicon("first")


def _sentence_start(text: str, i: int) -> bool:
    before = text[:i].rstrip()
    return not before or before[-1] in ".!?:\n"


_CLAUSE_WORDS = frozenset({"and", "but", "so", "well", "oh", "then", "cos", "because"})


def _opens_clause(text: str, i: int, comma: bool) -> bool:
    """Whether a word at ``i`` opens a sentence or a clause: after its start, ".", "!", "?", a line break, a
    comma (where ``comma``) or "and", "but", "so", "then"."""
    before = text[:i].rstrip()
    if not before or before[-1] in ".!?:\n" or (comma and before[-1] == ","):
        return True
    last = re.search(r"([^\W\d_]+)$", before)
    return last is not None and last.group(1).lower() in _CLAUSE_WORDS


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*(['’]s\b|[^\W\d_][\w'’-]*|[,.;!?]|$)", text[end:])
    return (m.group(1) if m else "").lower()


_OPENERS = frozenset({"honestly", "seriously", "anyway", "anyways", "look", "listen", "yeah", "right", "okay",
                      "ok", "aye", "sorry", "mind", "like", "basically", "actually", "apparently", "obviously",
                      "because", "cos", "cause", "although", "though", "whereas", "sometimes", "now", "today",
                      "yesterday", "tonight", "later", "mum", "mam", "dad", "nan", "gran"})
"""Words that open a clause before "she's my …" and are no one ("Honestly, she's my best friend")."""


def _named(text: str, start: int, end: int, caseless: bool, listed: bool) -> bool:
    """Whether ``text[start:end]`` may be a name in this frame: no word of :func:`_never`; in cased text a
    capital; a given name a list holds where ``listed`` (always for the team frame, in captions for a
    relation's apposition)."""
    word = text[start:end]
    low = word.lower()
    if low in _never() or low in _OPENERS or len(low) < 2 or (low.endswith("ly") and low not in _given()):
        return False
    if not caseless and not word[:1].isupper():
        return False
    return not listed or low in _given()


def candidates(text: str, segment: tuple[int, int], found: list[Candidate], caseless: bool) -> list[Candidate]:
    """Person candidates for the four frames (module doc) in the turn ``text[segment[0]:segment[1]]``, read
    as ``caseless`` (captions) or cased; offsets into ``text``."""
    base, stop = segment
    people = {(c.start, c.end) for c in found if c.category == "person" and base <= c.start < stop}
    out: list[Candidate] = []
    text = text[base:stop]

    def add(start: int, end: int, reason: str) -> None:
        if (start + base, end + base) not in people:
            out.append(Candidate(start + base, end + base, "person", "rules", 0.95, reason))
            people.add((start + base, end + base))

    for m in _RELATION_THEN_NAME.finditer(text):
        s, e = m.span(1)
        if _sentence_start(text, s) or not _named(text, s, e, caseless, listed=caseless):
            continue
        then = _next_word(text, e)
        if caseless and then not in _THEN and then not in {",", ".", "!", "?", ";", ""}:
            continue
        if not caseless and then[:1].isalpha() and text[e:].lstrip()[:1].isupper():
            continue  # "her partner Florin Popescu": a full name other layers read whole
        add(s, e, "a name said after whose relative it is")
    for m in _NAME_THEN_RELATION.finditer(text):
        s, e = m.span(1)
        if _opens_clause(text, s, comma=True) and _named(text, s, e, caseless, listed=False):
            add(s, e, "a name then whose relative it is")
    if not caseless:
        for m in _PERSON_SET_OFF.finditer(text):
            s, e = m.span(1)
            if _named(text, s, e, caseless, listed=False) and (text[s:e].lower() not in CALENDAR
                                                                 or text[s:e].lower() in _given()):
                add(s, e, "a name set off by commas after a word for a person, then she or he")
    for m in _NAME_ON_TEAM.finditer(text):
        s, e = m.span(1)
        if _opens_clause(text, s, comma=False) and _named(text, s, e, caseless, listed=True):
            add(s, e, "a name then the team it is on")
    return out
