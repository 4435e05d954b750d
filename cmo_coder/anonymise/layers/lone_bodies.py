"""National bodies named with a coined word, which the statistical model alone proposes.

A national charity or company is often named with a word no dictionary or name list holds, made of two words
("Youthlink Scotland", "Sightsavers UK", "Carewise Cymru"), beside a mark of the nation. :mod:`.public_bodies`
keeps a body by that mark only where every word is a dictionary's, so the model's proposal of the coined word was
removed and the nation left ("[organisation name] UK"). The mark itself is the evidence the text gives: a person is
not called "UK" or "Cymru", and a local body is named after its place, not the nation.

So this module keeps the run of a national body's name beside a nation after it ("… UK", "… Scotland", "… Wales",
"… England", "… Cymru", "… Northern Ireland") or a national word before it ("National …", "British …", "Royal
College of …": :data:`.public_bodies._PREFIXES`), where the words no dictionary holds are each:

* on no list of given names or surnames (:func:`.words.listed_names`: every locale's) and no UK place;
* a compound of two dictionary words that does not end as an English place does ("Youthlink", not "Elmbury",
  "Kinderwell" or "Ellerthorpe": :func:`.public_runs.place_shaped`): a word of one piece no list holds may be a
  small town or a rare surname, and a leaked place costs more than a charity removed;
* capitalised in cased text, and proposed by the model alone, or by a guess from the slot it stands in ("from X",
  "went to X"): no other layer reads a name, a place, a head word or a registered name there (:data:`GUESSES`).

And never where the words say a person or a place: a title, a word of kinship or friendship before it, a verb of
speech or a person's possession after it; "England", "Scotland" and "Wales", which are also surnames, not where
the model reads a person ("Brennock England") and only at a sentence's start or after a word that puts a body
there ("from", "rang", "the": not "a word with Stammerline England"); nor after a verb of moving or living and a
place's preposition ("we moved to Ellerthorpe UK", "she's from Carewise Wales"). A registered name always wins: a
register layer's proposal anywhere in the run keeps nothing. What is kept is the whole run, so the words beside it
are untouched and a local branch's place after it ("Youthlink Scotland Brackwell") is read by
:func:`.public_charities.branch_places` as before.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..candidates import Candidate
from .context import person_cue, word_before
from .public_bodies import (
    _NOT_IN_NAME,
    BODY_WORDS,
    JOINERS,
    NATIONS,
    PLACE_MAKERS,
    TITLES,
    _lows,
    _plain_word,
    _prefix_at,
    run_forward,
)
from .public_figures import PRIVATE_WORDS
from .public_runs import place_shaped
from .slots import SLOT_REASON
from .state import candidates
from .words import in_dictionary, listed_names, place_names

MODEL_LAYERS = frozenset({"ner", "caseless"})
"""The statistical model's layers, cased and in captions."""
GOING_REASON = "a place or body named after a verb of going, working or referring"
"""The reason :mod:`.facility_cues` gives a name it reads from the verb before it alone (a test ties the two)."""
GUESSES = frozenset({("slot", SLOT_REASON), ("rules", GOING_REASON)})
"""Proposals read only from the slot a word stands in ("from X", "went to X"), as weak as the model's guess: with
the model's, the only proposers this module overrules."""
SURNAME_NATIONS = frozenset({"england", "scotland", "wales"})
"""Nations that are also surnames: after a word the model reads as a person they may end a person's name."""
MOVING = frozenset({"moved", "move", "moving", "live", "lives", "living", "lived", "born", "grew", "up", "back",
                    "went", "going", "go", "gone", "drove", "stay", "stayed", "staying", "emigrated", "relocated",
                    "'m", "am", "is", "'s", "are", "'re", "was", "were", "come", "comes", "came"})
"""Words before a place's preposition that make what follows where someone lives or goes ("moved to", "she's
from", "grew up in")."""
BODY_PLACE = frozenset({"the", "from", "through", "by", "for", "via", "at", "to", "rang", "phoned", "called",
                        "contacted", "joined", "emailed", "signposted", "referred", "fundraising", "funded", "grant"})
"""Words right before a body's name that put a body there ("rang", "from", "through"): where a nation that is
also a surname ends the run, one of these (or the start of a sentence) must come first ("a word with X England"
may be a person)."""
PLACE_PREPOSITIONS = frozenset({"to", "in", "from", "near", "outside", "round", "around", "into"})
_SPOKEN = frozenset({"speaks", "owns", "before"})
_MAX_WORDS = 5
_ALPHA = re.compile(r"[^\W\d_][\w'’-]*")


def coined(low: str) -> bool:
    """A word no dictionary, name list or place list holds, made of two dictionary words and not shaped like an
    English place ("youthlink", "carewise"; not "elmbury", "dravet")."""
    if in_dictionary(low) or low in listed_names() or low in place_names() or low in PLACE_MAKERS:
        return False
    if place_shaped(low):
        return False
    return any(in_dictionary(low[:i]) and in_dictionary(low[i:]) for i in range(3, len(low) - 2))


def _word(doc: Doc, k: int, caseless: bool) -> str | None:
    """What token ``k`` is in a body's name: "plain" (a dictionary word no given name or place), "coined", or
    None (it ends the run)."""
    tok = doc[k]
    if not _ALPHA.fullmatch(tok.text) or tok.is_stop or tok.pos_ in _NOT_IN_NAME:
        return None
    if not caseless and not tok.text[:1].isupper():
        return None
    low = _lows(doc)[k]
    if low in TITLES or low in NATIONS:
        return None
    if low in BODY_WORDS or _plain_word(low):
        return "plain"
    return "coined" if coined(low) else None


def _run_back(doc: Doc, end: int, caseless: bool) -> int:
    """Start of the run of name words (joiners inside) ending just before token ``end``."""
    start, k = end, end - 1
    lows = _lows(doc)
    while k >= 0 and end - k <= _MAX_WORDS and (_word(doc, k, caseless) or lows[k] in JOINERS and k < end - 1):
        if lows[k] not in JOINERS:
            start = k
        k -= 1
    return start


def _lone(found: list[Candidate], a: int, b: int) -> tuple[bool, bool]:
    """Whether the model alone proposed the characters ``a``..``b`` (something proposed, nothing but the model),
    and whether it read a person there. A guess from the slot (:data:`GUESSES`) counts as the model's."""
    over = [c for c in found if c.start < b and a < c.end]
    guessed = all(c.layer in MODEL_LAYERS or (c.layer, c.reason) in GUESSES for c in over)
    return bool(over) and guessed, any(c.category == "person" for c in over)


def _where_someone_lives(doc: Doc, start: int) -> bool:
    """A place's preposition before token ``start``, after a verb of moving or living ("moved to", "she's from")."""
    prep = word_before(doc[start])
    if prep is None or prep.lower_ not in PLACE_PREPOSITIONS:
        return False
    verb = word_before(prep)
    return verb is not None and verb.lower_.replace("’", "'") in MOVING


def _in_a_bodys_place(doc: Doc, start: int) -> bool:
    """The run begins a sentence or follows a word that puts a body there, not a person ("from", "rang", "the")."""
    prev = word_before(doc[start])
    return prev is None or prev.is_sent_end or prev.text in {".", "?", "!"} or prev.lower_ in BODY_PLACE


def _said_of_a_person(doc: Doc, start: int, end: int) -> bool:
    """A title, kinship or friendship word before the run, or speech or a possession after its last word."""
    prev = word_before(doc[start])
    if prev is not None and (prev.lower_ in PRIVATE_WORDS or prev.lower_.rstrip(".") in TITLES):
        return True
    return person_cue(doc[end - 1]) in _SPOKEN


def lone_body_spans(doc: Doc, caseless: bool) -> list[tuple[int, int]]:
    """Character spans of national bodies whose coined words the model alone proposed (see the module doc)."""
    lows = _lows(doc)
    if not any(low in NATIONS or _prefix_at(lows, i) for i, low in enumerate(lows)):
        return []
    found = list(candidates(doc))
    if not found:
        return []
    out: list[tuple[int, int]] = []
    for i, low in enumerate(lows):
        runs: list[tuple[int, int, set[int]]] = []  # (start, end exclusive, the tokens of the national mark)
        if low in NATIONS or low == "ireland" and i > 0 and lows[i - 1] == "northern":
            last = i - 1 if low == "ireland" else i
            if caseless or doc[last].text[:1].isupper():
                runs.append((_run_back(doc, last, caseless), i + 1, set(range(last, i + 1))))
        n = _prefix_at(lows, i)
        if n and (caseless or doc[i].text[:1].isupper()):
            end = run_forward(doc, i + n, caseless, _word)
            marks = set(range(i, i + n))
            if end > i + n and lows[end - 1] in NATIONS:
                marks.add(end - 1)
            runs.append((i, end, marks))
        for start, end, marks in runs:
            span = _kept(doc, found, start, end, marks, caseless)
            if span is not None:
                out.append(span)
    return out


def _kept(doc: Doc, found: list[Candidate], start: int, end: int, marks: set[int],
          caseless: bool) -> tuple[int, int] | None:
    """The run ``start``..``end`` (``marks``: its national words) as a kept span, or None where it holds no coined
    word, its coined words are not the model's alone, or the words say a person or a place."""
    lows = _lows(doc)
    words = [k for k in range(start, end) if k not in marks and lows[k] not in JOINERS]
    coined_words = [k for k in words if _word(doc, k, caseless) == "coined"]
    if not coined_words or any(_word(doc, k, caseless) is None for k in words):
        return None  # no coined word: :mod:`.public_bodies` decides
    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    if any(c.layer in {"register", "sound_alike"} and c.start < b and a < c.end for c in found):
        return None
    person = False
    for k in coined_words:
        alone, said_person = _lone(found, doc[k].idx, doc[k].idx + len(doc[k]))
        if not alone:
            return None
        person = person or said_person
    if any(lows[k] in SURNAME_NATIONS for k in marks) and (person or not _in_a_bodys_place(doc, start)):
        return None  # "Brennock England", "a word with Stammerline England": a surname the lists lack, and a nation
        # that is a surname too
    if _said_of_a_person(doc, start, end) or _where_someone_lives(doc, start):
        return None
    return a, b
