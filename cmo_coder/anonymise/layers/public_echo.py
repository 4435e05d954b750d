"""A public name one transcript keeps in one turn is public in its other turns too, unless it is said there as
someone the speaker knows.

The frames read one sentence: "the Dementia Alliance sent a pack" keeps the body by the form of its name, and
"Cordelia Stavely, the health secretary" keeps the minister by her office; three turns later "I rang the
Dementia Alliance back" or "I never trusted Cordelia Stavely" has no frame, the model proposes the name, and the
quote loses what it is about while the first turn shows it anyway. So a name of two words or more that the
allow-list kept in one turn (by a list, the shape of a body's name or a frame) is kept wherever the same words
are said in the transcript, with two guards:

* where a word of kinship or friendship, an owner ("my", "our") or the speaker ("me and") stands within three
  words of a person's name, that mention is the speaker's own person: it is not kept, and where the first keep
  was only a frame of fame (a trade, a book, the media: ``cmo_famed_people``), that keep is given back to the
  layers in every turn, as :func:`.allowlist.claimed_people` does for a kin word right before the name;
* registered names always win: a register proposal is never dropped, and review still reaches every
  registered form inside a kept name (:func:`..review.find_all`).

Places are not spread (a world place is kept or removed by how each mention is said), nor a phrase with a
function word at an end. One-word names are not spread: a one-word public name is a person's name too often
("Boots", "Ash"), and the surname echo of listed figures (:func:`.public_figures.echo_spans`) already covers
the public ones. Each mention kept only by this echo is on the review's residual list with its reason
(:data:`ECHO_REASON`).

Source of the word sets below: written for the project.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..candidates import Candidate
from .public_context import OWNERS, PRIVATE
from .public_world import near_before
from .state import candidates, text_of
from .words import place_names
from .world_places import uk_place_names, world_places

ECHO_KEY = "cmo_public_echoes"
"""Where each doc keeps the spans this echo kept (characters of the turn), for the residual list."""
ECHO_REASON = ("kept as public because the same transcript keeps this name public elsewhere: check it is no one "
               "the speaker knows")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SPEAKER = frozenset({"me", "i", "us", "we", "myself"})
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_NEAR = 3


def _norm(text: str) -> str:
    """A kept stretch as the words it is said with, lower case, straight apostrophes, no leading article."""
    return " ".join(_WORD.findall(_ARTICLE.sub("", text.strip()).lower().replace("’", "'")))


def _spreadable(phrase: str) -> bool:
    """A kept phrase the echo may spread: two words or more, no function word at either end ("as Brett", a
    name run that took the word before it, is one name), and no place: a world place is kept or removed by
    how each mention is said (a trip, or where someone lives: :mod:`.world_places`), never by another turn."""
    words = phrase.split()
    if len(words) < 2 or words[0] in STOP_WORDS or words[-1] in STOP_WORDS:
        return False
    return phrase not in world_places() and phrase not in uk_place_names() and not any(
        w in place_names() for w in words)


def _private_near(words: list[str], start: int, end: int) -> bool:
    """A word of kinship, friendship or ownership within three words of words ``start``..``end`` (before them, not
    the subject of a verb of liking or hearing: :func:`.public_world.near_before`), or the speaker joined to
    them."""
    before = words[near_before(words, start, _NEAR) : start]  # "my daughter plays X songs": the verb's subject
    after = words[end : end + _NEAR]
    if any(w in PRIVATE for w in (*before, *after)) or (before and before[-1] in OWNERS):
        return True
    return (len(before) >= 2 and before[-1] in {"and", "with", "&"} and before[-2] in _SPEAKER) or (
        len(after) >= 2 and after[0] in {"and", "with", "&"} and after[1] in _SPEAKER)


def _mentions(text: str, phrase: str) -> list[tuple[int, int, bool]]:
    """Each mention of ``phrase`` (normalised words) in ``text``: (start, end, said as someone known)."""
    parts = phrase.split()
    pattern = re.compile(r"(?<![\w'’-])" + r"[\s,]+".join(re.escape(p).replace("'", "['’]") for p in parts)
                         + r"(?![\w-])", re.IGNORECASE)
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    out = []
    for m in pattern.finditer(text):
        first = next((k for k, (a, _) in enumerate(spans) if a == m.start()), None)
        if first is None:
            continue
        last = first + len(parts)
        words = [text[a:b].lower().replace("’", "'") for a, b in spans]
        out.append((m.start(), m.end(), _private_near(words, first, last)))
    return out


def spread_public(docs: list[Doc], within: Callable[[Candidate, list[tuple[int, int]], str], bool],
                  give_back: Callable[[Doc, list[tuple[int, int]]], None]) -> None:
    """Keep across one transcript's turns the names of two words or more kept in one turn (see the module doc).

    ``within`` says whether a candidate is inside kept spans (:func:`.allowlist._within_public`); ``give_back``
    undoes a frame of fame's keep in one doc (:func:`.allowlist.give_back`)."""
    kept: dict[str, bool] = {}  # phrase -> kept only by a frame of fame somewhere
    for doc in docs:
        if doc._.cmo_protected is None:
            continue
        text = text_of(doc)
        famed = set(doc.user_data.get("cmo_famed_people") or ())
        for a, b in doc._.cmo_protected[0]:
            phrase = _norm(text[a:b])
            if not _spreadable(phrase):
                continue
            kept[phrase] = kept.get(phrase, True) and (a, b) in famed
    if not kept:
        return
    found: dict[int, list[tuple[int, int]]] = {}
    claimed: set[str] = set()
    for k, doc in enumerate(docs):
        text = text_of(doc)
        low = text.lower().replace("’", "'")
        for phrase in kept:
            if phrase.split()[0] not in low:
                continue
            for a, b, private in _mentions(text, phrase):
                if private:
                    claimed.add(phrase)
                else:
                    found.setdefault(k, []).append((a, b))
    for k, doc in enumerate(docs):
        text = text_of(doc)
        if claimed and doc._.cmo_protected is not None:
            undone = [(a, b) for a, b in doc.user_data.get("cmo_famed_people") or ()
                      if _norm(text[a:b]) in claimed and kept.get(_norm(text[a:b]))]
            if undone:
                give_back(doc, undone)
        spans = [(a, b) for a, b in found.get(k, ()) if _norm(text[a:b]) not in claimed]
        if not spans or doc._.cmo_protected is None:
            continue
        public, labels, placeholders = doc._.cmo_protected
        new = [s for s in spans if not any(x <= s[0] and s[1] <= y for x, y in public)]
        if not new:
            continue
        doc._.cmo_protected = (public + new, labels, placeholders)
        doc.user_data[ECHO_KEY] = new
        doc._.cmo_candidates = [c for c in candidates(doc) if c.layer == "register" or not within(c, new, text)]


def echo_hits(doc: Doc, off: int, free: Callable[[int, int], bool]) -> list[tuple[str, str, int, int]]:
    """The mentions this echo kept in ``doc`` as residual hits at transcript offsets (``off``: the turn's
    start), where a layer had proposed them: a wrong keep leaks a name, so a reviewer sees each with its
    reason. A mention no layer proposed was never going to be removed and is not listed."""
    spans = doc.user_data.get(ECHO_KEY) or ()
    before = doc.user_data.get("cmo_before_allow") or ()
    text = text_of(doc)
    return [(text[a:b], ECHO_REASON, a + off, b + off) for a, b in spans
            if free(a + off, b + off) and any(c.start < b and a < c.end and c.layer != "register" for c in before)]
