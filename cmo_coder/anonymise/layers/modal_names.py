"""A given name that is also a modal verb ("will", "may"), said before a surname.

"Will Tyson rang" keeps its capital in typed text, and the whole name goes. In captions "will" is the verb
far more often than a name, so the name layers leave it and take only the surname: "can will [name removed]
come", "i asked if will [name removed] could come", "me and will [name removed] went". The first name is then
left beside its placeholder, which is half the name.

English grammar tells the two apart where a surname follows. The modal verb never follows another auxiliary
or a modal ("can will", "did will", "it's will"), a preposition ("to will", "with will") or a verb whose
object it would have to be ("asked will", "told will"); and a question opened by the modal ("will tyson
come") has a bare verb after its subject, never a past or third-person form ("will tyson rang", "will
tyson's coming", "will tyson could"). So "will" goes with the surname after it where the word before rules
the verb out, or where no bare verb follows the surname and no subject stands before "will" ("she will",
"the nurse will" are the verb). The surname must be a person another layer proposed or a word a surname
list holds that subtitles seldom write in lower case ("did will baxter ring"): the name is never guessed from
"will" alone ("i told will" stays a question for the word layers). Typed text reads the same grammar for a
capitalised "Will" before a capitalised surname ("Can Will Baxter come?"), which no layer took before. A
registered "Will" is the register's (left open per occurrence there).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..candidates import Candidate
from .context import word_after, word_before
from .name_edges import PAST_FORMS
from .state import caseless_doc
from .turn_view import turn_view
from .words import known_surnames, lowercase_usage

LAYER = "lexicon"
REASON = "a given name that is a modal verb, before a surname ('did will tyson ring')"

MODAL_NAMES = frozenset({"will", "may"})
"""Given names English also uses as modal verbs."""

_NO_MODAL_AFTER = frozenset({
    # auxiliaries and modals: a modal never follows one ("can will tyson come", "did will tyson ring")
    "can", "could", "would", "should", "shall", "might", "must", "will", "did", "does", "do", "has", "have",
    "had", "is", "was", "are", "were", "'s", "’s", "isn't", "wasn't", "didn't", "doesn't", "can't", "won't",
    # prepositions and "me and": a noun phrase stands after them
    "to", "with", "for", "from", "about", "at", "by", "of", "like", "than", "me",
    # verbs people are the object of
    "told", "tell", "asked", "ask", "saw", "see", "seen", "met", "meet", "rang", "ring", "called", "call", "phoned",
    "phone", "texted", "text", "emailed", "email", "thanked", "thank", "thanks", "cheers", "ta", "know", "knew",
    "known", "love", "loved", "miss", "missed", "visit", "visited", "helped", "help", "introduced"})
"""Words after which "will" (or "may") cannot be the verb."""

_SUBJECTS = frozenset({"i", "you", "he", "she", "we", "they", "it", "that", "this", "there", "who", "which", "what",
                       "everyone", "everybody", "someone", "somebody", "nobody", "one", "they'll", "i'll"})
"""Words that are the subject of a modal "will" after them ("she will", "who will")."""

_COMMON_WORD = 20_000
"""A surname-list word subtitles write in lower case this often or more is read as the word ("cook", "power",
"brown" 33,000; "collins" 1,414, "baxter" 266): only another layer's person makes it the surname."""

_FINITE_TAGS = frozenset({"VBD", "VBZ", "MD", "POS"})
"""Tags of the word after the surname that the modal's question cannot have there (a past or third-person
verb, another modal, a possessive): "will tyson rang", "will tyson could", "will tyson's mum"."""
_FINITE_WORDS = frozenset({"'s", "’s", "was", "is", "has", "had", "said", "says", "and", "who", "from"})
"""The same, as words (a caption's tags are unsure): "will tyson said", "will tyson and his wife"; and the past
forms of :data:`.name_edges.PAST_FORMS` ("will tyson rang", which a caption's tagger may read as a name)."""


def _low(tok: Token | None) -> str:
    return tok.lower_ if tok is not None else ""


def _no_modal_before(modal: Token) -> bool:
    """The word before rules the verb out ("did will", "to will", "asked will")."""
    return _low(word_before(modal)) in _NO_MODAL_AFTER


def _finite_after(last: Token) -> bool:
    """The word after the surname is one a question "will X ...?" cannot have there, or the turn ends."""
    nxt = word_after(last)
    if nxt is None:
        return True
    return nxt.tag_ in _FINITE_TAGS or nxt.lower_ in _FINITE_WORDS or nxt.lower_ in PAST_FORMS


def _surname_end(nxt: Token, found: list[Candidate], caseless: bool) -> int | None:
    """Where the surname after the modal word ends: a person another layer proposed starting there, or a word a
    surname list holds that subtitles seldom write in lower case ("baxter", "collins"; not "cook", "power",
    "come"); None if neither. In
    typed text the surname has its capital."""
    if not caseless and not (nxt.text[:1].isupper() and not nxt.text.isupper()):
        return None
    person = max((c.end for c in found if c.category == "person" and c.start == nxt.idx), default=None)
    if person is not None:
        return person
    low = nxt.lower_
    if nxt.is_alpha and len(low) >= 3 and not nxt.is_stop and low in known_surnames() \
            and lowercase_usage().get(low, 0) < _COMMON_WORD:
        return nxt.idx + len(nxt)
    return None


def modal_names(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """"will" or "may" and the surname right after it, as one person, where grammar rules the verb out (module
    doc). In typed text only a capitalised "Will" before a capitalised surname is read. Offsets are the turn's
    own; each span runs from the modal word to the end of the surname."""
    lowers = turn_view(doc).lowers  # the turn's table, read already: no Token made for a turn without the words
    at = [i for i, low in enumerate(lowers) if low in MODAL_NAMES]
    if not at:
        return []
    modals = [doc[i] for i in at]
    caseless = caseless_doc(doc)
    out: list[Candidate] = []
    for modal in modals:
        if modal.i + 1 >= len(doc) or modal.whitespace_ != " " or (not caseless and modal.text[:1].islower()):
            continue
        start = modal.idx
        if any(o.start < start + len(modal) and start < o.end for o in found):
            continue  # "will" itself read already (a registered "Will" is the register's)
        nxt = doc[modal.i + 1]
        end = _surname_end(nxt, found, caseless)
        if end is None:
            continue
        last = next((t for t in doc[nxt.i:] if t.idx + len(t) >= end), doc[-1])
        prev = word_before(modal)
        if not (_no_modal_before(modal) or (
                _low(prev) not in _SUBJECTS and (prev is None or prev.pos_ not in {"NOUN", "PROPN"})
                and _finite_after(last))):
            continue
        out.append(Candidate(start, end, "person", LAYER, 0.7, REASON))
    return out
