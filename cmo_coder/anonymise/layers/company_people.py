"""Captions: a word no list and no dictionary holds, said where people tell whom they live, go or grow up with.

A name a caption spells as heard ("shannagh", "kezzia", "nazrul") is on no name list, and the list-led layers
leave it unless a cue they know stands beside it. Three ways people speak of someone close leave only a
person's reading for such a word, and the other frame layers do not read them:

* **someone gone, lived or stayed with**: a verb of going, living or staying, "with" and the word, then what
  closes the phrase ("i went with shannagh to the meeting", "i was living with kezzia at the time", "she came
  with ruqaya and her kids", "she's going out with tobiah now");
* **someone's wedding, funeral or party**: the word, its possessive, and a gathering held for a person ("she
  went to nazrul's wedding", "at orlagh's christening"); whom a person has ("x's mum") is read by the person
  cues already;
* **someone known or seen for a time**: "known", "seeing" or "dating" and the word, then a stretch of time
  ("i've known fenella for years", "she's been seeing tobiah since june");
* **someone seen or arriving**: "i saw", "i've seen" or "went to see" and the word, then where or when ("i saw
  neeve in the corridor"; not "we saw", which a company says of its figures), and the word opening a clause
  before a verb of arriving ("then sheevaun came in", "and jaxen turned up"; not "ebitda came in at").

Only a word no dictionary holds and subtitles seldom write in lower case is read (``worth_a_look`` and
``SELDOM_LOWER``), and never one on a place list: in the same slots an everyday word is what it says ("went
with work to the meeting", "living with depression for years", "the company's party"), and a drug, an app or a
brand after "with" or "on" is no one ("sat with sertraline", "living with ptsd for years" have no verb of
company, a listed drug or a dictionary word). Everything here was written for the project from how people
tell of the people around them; the lists are closed and small on purpose.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from ..lookup import Intervals
from .short_people import ABBREVIATIONS
from .state import candidates, caseless_doc
from .turn_view import turn_view
from .words import SELDOM_LOWER, in_dictionary, lowercase_usage, place_names, worth_a_look

LAYER = "rules"
REASON = "a word no dictionary holds, said where only a person stands ({frame})"

_COMPANY_VERBS = frozenset({
    "went", "go", "goes", "going", "gone", "came", "come", "comes", "coming", "live", "lives", "lived", "living",
    "stay", "stays", "stayed", "staying", "moved", "move", "moving", "sat", "sit", "sitting", "shared", "share",
    "sharing", "grew", "walked", "travelled", "stopped", "stopping", "left", "ran", "hung", "hanging", "dating"})
"""Verbs of going, living or staying somewhere with someone ("went with", "living with", "grew up with")."""
_BETWEEN_VERB = frozenset({"out", "up", "round", "over", "along", "in", "back", "off", "down", "away", "there",
                           "home", "together", "again"})
"""A particle or adverb between the verb and "with" ("going out with", "grew up with", "came back with")."""
_CLOSES_COMPANY = frozenset({
    "to", "and", "at", "for", "in", "on", "from", "after", "before", "when", "last", "now", "then", "but", "cos",
    "because", "she", "he", "who", "till", "until", "since", "once", "yesterday", "today", "tonight", "round",
    "down", "up", "into", "every", "all", "both", "a", "the", "ages", "years", "months", "weeks"})
"""What ends "with X" as company: a place or time after it, "and" someone else, "she" or "he"."""
_GATHERINGS = frozenset({"wedding", "funeral", "christening", "wake", "party", "graduation", "do", "hen", "stag",
                         "memorial", "baptism", "nikah", "mehndi"})
"""Gatherings held for a person ("nazrul's wedding", "kezzia's hen do"); whom a person has is the cues'. Not
what a company has too ("gcp's engagement with", "the firm's anniversary", "its retirement plan")."""
_NOT_BEFORE_OWNER = frozenset({"the", "a", "an", "this", "that", "these", "those", "our", "your", "their",
                               "its", "company", "firm", "team", "last", "next", "every", "each"})
"""A word before the possessive that makes it a thing's or a time's ("the firm's party", "last year's do")."""
_KNOWN = frozenset({"known", "seeing", "dating", "courting"})
"""Verbs of knowing or seeing someone over a stretch of time ("known fenella for years")."""
_STRETCH = frozenset({"for", "since", "from", "ages", "years", "forever", "donkey's", "donkeys"})
"""What says a stretch of time after the word ("for years", "since school", "from when we were kids")."""
_SEE = frozenset({"saw", "seen", "see", "visit", "visited", "visiting"})
_SEER = frozenset({"i", "she", "he", "'ve", "’ve", "'d", "’d", "had", "have", "to", "and", "go", "went", "gone",
                   "never", "also", "just", "then", "finally"})
"""What stands before a verb of seeing someone ("i saw", "i've seen", "went to see"); not "we saw", which a
company says of its figures ("we saw ebitda in the quarter")."""
_NOT_SEER = frozenset({"we", "you", "they", "we've", "you've", "they've"})
_SEEN_CLOSE = frozenset({"in", "at", "on", "yesterday", "last", "today", "the", "and", "when", "after", "before",
                         "about", "every", "this", "that", "again", "there", "she", "he", "for", "earlier", "once",
                         "twice", "outside", "down", "up", "round", "recently", "lately", "since"})
"""What closes someone seen as the object ("i saw neeve in the corridor", "went to see kezzia after")."""
_OPENS = frozenset({"then", "and", "so", "when", "till", "until", "cos", "because", "before", "after", "but",
                    "yeah", "anyway", "well"})
_ARRIVES = frozenset({"came", "come", "comes", "turned", "turns", "popped", "pops", "walked", "arrived", "showed",
                      "nipped", "rocked", "rolled", "knocked"})
"""Verbs of someone arriving, at a clause's opening ("then sheevaun came in", "and jaxen turned up")."""
_FIGURES_AFTER_IN = frozenset({"at", "above", "below", "ahead", "line", "higher", "lower", "better", "worse",
                               "slightly", "well", "around", "under", "over", "just", "strong", "flat"})
"""What after "came in" says a figure ("ebitda came in at", "revenue came in above"), no one arriving."""
_TRIGGERS = frozenset({"with", "'s", "’s", "s"} | _KNOWN | _SEE | _ARRIVES)


def unlisted(tok: Token) -> bool:
    """A word of letters no dictionary, place list or subtitle writing in lower case knows: a name heard. Not an
    abbreviation said as a word or a run of consonants ("living with ptsd", "copd"): a condition or a body."""
    low = tok.lower_
    return (tok.is_alpha and len(low) >= 3 and not tok.is_stop and not in_dictionary(low)
            and any(v in low for v in "aeiouy") and low not in ABBREVIATIONS
            and lowercase_usage().get(low, 0) < SELDOM_LOWER and low not in place_names() and worth_a_look(tok))


def _low(ws: list[Token], k: int) -> str:
    return ws[k].lower_ if 0 <= k < len(ws) else ""


def _with_company(ws: list[Token], i: int) -> bool:
    """ "went with shannagh to", "living with kezzia at the time", "going out with tobiah now"."""
    if _low(ws, i - 1) != "with":
        return False
    k = i - 2
    if _low(ws, k) in _BETWEEN_VERB:
        k -= 1
    if _low(ws, k) not in _COMPANY_VERBS:
        return False
    nxt = _low(ws, i + 1)
    return not nxt or nxt in _CLOSES_COMPANY


def _gathering(ws: list[Token], i: int) -> bool:
    """ "nazrul's wedding", "at orlagh's christening", "kezzia s hen do" (the apostrophe dropped)."""
    if _low(ws, i + 1) not in {"'s", "’s", "s"} or _low(ws, i + 2) not in _GATHERINGS:
        return False
    if _low(ws, i + 2) == "do" and _low(ws, i + 3) in {"n't", "not", "nt"}:
        return False  # "a tablet tunnock's don't get excited": the verb, not a do
    return _low(ws, i - 1) not in _NOT_BEFORE_OWNER


def _known_for(ws: list[Token], i: int) -> bool:
    """ "i've known fenella for years", "she's been seeing tobiah since june"."""
    return _low(ws, i - 1) in _KNOWN and _low(ws, i + 1) in _STRETCH


def _seen(ws: list[Token], i: int) -> bool:
    """ "i saw neeve in the corridor", "i've seen kezzia since", "we went to see tobiah after"."""
    if _low(ws, i - 1) not in _SEE or _low(ws, i - 2) not in _SEER:
        return False
    if _low(ws, i - 2) in {"'ve", "’ve", "'d", "’d", "had", "have"} and _low(ws, i - 3) in _NOT_SEER:
        return False  # "we've seen ebitda": a company's figures
    return _low(ws, i + 1) in _SEEN_CLOSE or i + 1 >= len(ws)


def _arrives(ws: list[Token], i: int) -> bool:
    """ "then sheevaun came in", "and jaxen turned up", "so kezzia popped round": someone arriving, opening a
    clause; not a figure that "came in at" a level."""
    if i and _low(ws, i - 1) not in _OPENS:
        return False
    verb = _low(ws, i + 1)
    if verb not in _ARRIVES:
        return False
    return not (verb in {"came", "come", "comes"} and _low(ws, i + 2) == "in" and _low(ws, i + 3) in _FIGURES_AFTER_IN)


_FRAMES = (("gone or lived with", _with_company), ("a gathering held for someone", _gathering),
           ("known for a time", _known_for), ("seen", _seen), ("arriving", _arrives))


def company_people(doc: Doc) -> list[Candidate]:
    """Person candidates for unlisted words in the frames above; a stretch another layer reads as a person
    already is left to it."""
    if not caseless_doc(doc) or not len(doc) or turn_view(doc).words.isdisjoint(_TRIGGERS):
        return []
    ws = [t for t in doc if not t.is_space and not t.is_punct or t.lower_ in {"'s", "’s"}]
    people = Intervals((c.start, c.end) for c in candidates(doc) if c.category == "person")
    out: list[Candidate] = []
    for i, tok in enumerate(ws):
        if not unlisted(tok):
            continue
        for frame, read in _FRAMES:
            if read(ws, i):
                start, end = tok.idx, tok.idx + len(tok)
                if not people.covers(start, end):
                    out.append(Candidate(start, end, "person", LAYER, 0.75, REASON.format(frame=frame)))
                break
    return out
