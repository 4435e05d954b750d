"""Captions: a word no dictionary or list holds, and no near spelling of a word, said where only a name can stand.

A speech recogniser writes a name it has never met as letters that spell nothing ("ashcombry sorted all of that
out", "oh trevannick he was a character", "dunmorrick is where my nan lives"). Such a word is on no list, the
re-cased model often reads nothing there, and the frame layers read it only after a preposition of place
(:mod:`.slots`) or in a frame of company (:mod:`.company_people`). When the same word opens a clause as the one
who did or said something, the grammar of the sentence leaves a name as its only reading.

What the word must be (each test a way an ordinary caption word differs from a name heard):

* :func:`.company_people.unlisted`: letters only, in no dictionary, on no place list, not an abbreviation or a
  run of consonants, seldom written in lower case by subtitles;
* **no near spelling of a dictionary word** (:func:`near_spelling`: one letter dropped, added, changed or two
  swapped): "becuase", "definately", "probaly" are words the recogniser or the typist got wrong, not names;
* not read by any other layer (a stretch another layer proposes is left to it) and not a language or a word
  newer than the dictionary (:data:`.slots.LANGUAGES`, :data:`.slots.RECENT_WORDS`).

The frames (closed and small on purpose; a drug, an app or a company seldom stands in them):

* **the one who spoke or acted, opening a clause**: "and ashcombry sorted it", "then brennock phoned",
  "so what happened was tavish told them" — a verb of speech, contact or help right after the word;
* **a name set off and taken up by "he" or "she"**: "oh trevannick he was a character", "tamzelle she's lovely";
* **a cleft**: "it was ashcombry that sorted it", "it's morwennow who knows";
* **a place said as where something is**: "dunmorrick is where my nan lives";
* **a place's people or direction**: "the brindlecott lot were no help", "we went brindlecott way".

Each finding is proposed for review with its frame in the reason: a team sees the word in its sentence and
decides it, as it decides every proposal; ``review --accept-all`` removes it. Every list here was written for
the project from how people speak of one another and of places.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..lookup import Intervals
from .company_people import unlisted
from .slots import LANGUAGES, RECENT_WORDS
from .state import candidates, caseless_doc
from .turn_view import turn_view
from .words import everyday_words

LAYER = "rules"
REASON = "a word no dictionary holds and no near spelling of one, said where only a name stands ({frame}); review"

_LETTERS = "abcdefghijklmnopqrstuvwxyz"

_OPENS = frozenset({"then", "and", "so", "when", "cos", "because", "but", "yeah", "anyway", "well", "oh", "was",
                    "once", "after", "before", "till", "until", "like", "right", "okay", "ok", "though",
                    "think", "reckon", "know", "guess", "suppose", "bet", "said", "says", "heard"})
"""Words after which a clause opens with its subject ("and ashcombry sorted it", "what happened was X phoned",
"i think X rang", "she said X told them")."""
_DID = frozenset({
    "said", "says", "told", "tells", "rang", "rings", "phoned", "phones", "texted", "texts", "messaged", "emailed",
    "asked", "asks", "reckons", "reckoned", "sorted", "sorts", "helped", "helps", "promised", "explained",
    "mentioned", "shouted", "laughed", "cried", "knows", "knew", "thinks", "wanted", "wants", "offered", "offers",
    "invited", "drove", "picked", "looked", "looks", "organised", "arranged", "went", "goes", "gave", "gives",
    "sent", "wrote", "brought", "dropped", "fetched", "booked", "visited", "visits", "rung"})
"""Verbs of speech, contact, knowing or help that a person does ("brennock phoned", "tavish reckons"). Not "is",
"has" or "was", which a thing takes as readily ("metformin is"), nor verbs of figures ("grew", "rose", "fell")."""
_TAKEN_UP = frozenset({"he", "she"})
_TAKEN_UP_VERB = frozenset({"was", "is", "'s", "’s", "s", "used", "would", "had", "has", "said", "says", "told",
                            "never", "always", "just", "came", "went", "did", "does", "were", "'d", "’d"})
"""What follows a name set off and taken up by a pronoun ("trevannick he was", "tamzelle she's lovely")."""
_CLEFT_BE = frozenset({"was", "is", "'s", "’s", "s"})
_CLEFT_AFTER = frozenset({"that", "who"})
_WHERE_BE = frozenset({"is", "was", "'s", "’s", "s"})
_WAY_VERBS = frozenset({"went", "go", "goes", "going", "gone", "out", "up", "down", "over", "round", "live",
                        "lives", "lived", "living", "moved", "somewhere", "off", "back"})
"""Before "X way": a direction of going or living ("we went brindlecott way", "she lives out brindlecott way")."""
_TRIGGERS = _DID | _TAKEN_UP | _CLEFT_AFTER | frozenset({"where", "lot", "way"})


def near_spelling(low: str) -> bool:
    """Whether ``low`` is one edit from an everyday word (a letter dropped, added, changed, or two swapped):
    what a typist or a recogniser gets wrong of an ordinary word ("becuase", "probaly") is no name."""
    words = everyday_words()
    n = len(low)
    for i in range(n + 1):
        head, tail = low[:i], low[i:]
        if tail and n > 4 and head + tail[1:] in words:
            return True
        if len(tail) > 1 and head + tail[1] + tail[0] + tail[2:] in words:
            return True
        for c in _LETTERS:
            if tail and c != tail[0] and head + c + tail[1:] in words:
                return True
            if head + c + tail in words:
                return True
    return False


def _low(ws: list[Token], k: int) -> str:
    return ws[k].lower_ if 0 <= k < len(ws) else ""


def _opens(ws: list[Token], i: int) -> bool:
    return i == 0 or _low(ws, i - 1) in _OPENS


def _did(ws: list[Token], i: int) -> bool:
    """ "and ashcombry sorted it", "then brennock phoned", "what happened was tavish told them"."""
    return _opens(ws, i) and _low(ws, i + 1) in _DID


def _taken_up(ws: list[Token], i: int) -> bool:
    """ "oh trevannick he was a character", "tamzelle she's lovely"."""
    return _opens(ws, i) and _low(ws, i + 1) in _TAKEN_UP and _low(ws, i + 2) in _TAKEN_UP_VERB


def _cleft(ws: list[Token], i: int) -> bool:
    """ "it was ashcombry that sorted it", "it's morwennow who knows"."""
    return (_low(ws, i - 1) in _CLEFT_BE and _low(ws, i - 2) == "it"
            and _low(ws, i + 1) in _CLEFT_AFTER and i + 2 < len(ws))


def _where(ws: list[Token], i: int) -> bool:
    """ "dunmorrick is where my nan lives"."""
    return _opens(ws, i) and _low(ws, i + 1) in _WHERE_BE and _low(ws, i + 2) == "where"


def _lot(ws: list[Token], i: int) -> bool:
    """ "the brindlecott lot were no help"."""
    return _low(ws, i - 1) == "the" and _low(ws, i + 1) == "lot" and _low(ws, i + 2) != "of"


def _way(ws: list[Token], i: int) -> bool:
    """ "we went brindlecott way", "she lives out brindlecott way"."""
    return _low(ws, i - 1) in _WAY_VERBS and _low(ws, i + 1) == "way" and _low(ws, i + 2) not in {"of", "to"}


_FRAMES = (("the one who spoke or acted", _did, "person"), ("a name taken up by he or she", _taken_up, "person"),
           ("it was X that", _cleft, "person"), ("X is where", _where, "place"),
           ("the X lot", _lot, "place"), ("X way", _way, "place"))


def heard_word(tok: Token) -> bool:
    """A caption word that can only be a name heard: :func:`.company_people.unlisted`, no near spelling of a
    word, no language and no word newer than the dictionary."""
    low = tok.lower_
    return (unlisted(tok) and len(low) >= 4 and low not in LANGUAGES and low not in RECENT_WORDS
            and not near_spelling(low))


def unheard_words(doc: Doc, found_here: list[Candidate]) -> list[Candidate]:
    """Person or place candidates for heard words in the frames above; a stretch any other layer reads (or the
    calling component found, ``found_here``) is left to it."""
    if not caseless_doc(doc) or not len(doc) or turn_view(doc).words.isdisjoint(_TRIGGERS):
        return []
    ws = [t for t in doc if not t.is_space and not t.is_punct or t.lower_ in {"'s", "’s"}]
    found = Intervals((c.start, c.end) for c in (*candidates(doc), *found_here))
    out: list[Candidate] = []
    for i, tok in enumerate(ws):
        if found.overlaps(tok.idx, tok.idx + len(tok)):
            continue
        for frame, read, category in _FRAMES:
            if read(ws, i) and heard_word(tok):
                out.append(Candidate(tok.idx, tok.idx + len(tok), category, LAYER, 0.7, REASON.format(frame=frame)))
                break
    return out
