"""One plain view of a turn's words, read once and shared by every layer that looks at it.

Why: some seventy layers each walk every word of every turn, and a spaCy ``Token`` costs more to make
than most of the tests a layer asks of it (``tok.lower_ in names``, ``tok.is_alpha``). The view reads
the doc's arrays once per turn into plain Python lists (texts, lower forms, offsets, flags) and the
set of the turn's lower-cased words, so that a layer can

* turn a whole turn away with one set test (:func:`holds_any`: none of its trigger words is said), and
* turn single words away with list look-ups, making a ``Token`` only of the few that may pass.

It is additive: a layer that does not use it is unchanged. It is built lazily, on a layer's first
question, and kept on the doc (``doc.user_data``); a doc whose token count changed gets a new one.
Parts of speech are read separately (:meth:`TurnView.pos`), on first use, since a layer that runs before
the tagger may ask for the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, IS_STOP, LENGTH, LOWER, ORTH, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from .state import text_of

_KEY = "cmo_turn_view"


@dataclass(slots=True)
class TurnView:
    """A turn's words as plain lists, index for index with the doc's tokens."""

    doc: Doc
    text: str
    texts: list[str]
    lowers: list[str]
    starts: list[int]
    lengths: list[int]
    alpha: list[bool]
    stop: list[bool]
    space: list[bool]
    words: frozenset[str]
    """Every token's lower form: what :func:`holds_any` intersects a layer's triggers with."""
    _pos: list[str] | None = field(default=None)

    def pos(self) -> list[str]:
        """Each token's coarse part of speech (``Token.pos_``), read from one array on first use."""
        if self._pos is None:
            ids = self.doc.to_array(POS).tolist() if len(self.texts) else []
            self._pos = [POS_NAMES[p] for p in ids]
        return self._pos


def turn_view(doc: Doc) -> TurnView:
    """The doc's :class:`TurnView`, made on first use and kept on the doc."""
    data: dict[Any, Any] = doc.user_data
    view: TurnView | None = data.get(_KEY)
    if view is not None and len(view.texts) == len(doc):
        return view
    rows = doc.to_array([ORTH, LOWER, IDX, LENGTH, IS_ALPHA, IS_STOP, IS_SPACE]).tolist() if len(doc) else []
    strings = doc.vocab.strings
    texts = [strings[r[0]] for r in rows]
    lowers = [strings[r[1]] for r in rows]
    view = TurnView(
        doc=doc, text=text_of(doc), texts=texts, lowers=lowers, starts=[r[2] for r in rows],
        lengths=[r[3] for r in rows], alpha=[bool(r[4]) for r in rows], stop=[bool(r[5]) for r in rows],
        space=[bool(r[6]) for r in rows], words=frozenset(lowers))
    data[_KEY] = view
    return view


def holds_any(doc: Doc, triggers: frozenset[str]) -> bool:
    """Whether the turn says one of ``triggers`` as a whole word (a token's lower form): a layer whose every
    finding holds one of its trigger words need not look at a turn that holds none."""
    return not turn_view(doc).words.isdisjoint(triggers)


_LETTER_RUN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=16)
def text_words(text: str) -> frozenset[str]:
    """The lower forms of every maximal run of letters in ``text``: a superset of the words any pattern of the
    form ``(?<![\\w'’-])[^\\W\\d_]+(?![\\w'’-])`` finds there (each such word is such a run). For the layers
    that read a turn's text, not its doc: a layer whose every finding begins at one of its trigger words can
    turn away a turn whose runs hold none. Kept for the last few texts, since every layer of a turn asks."""
    return frozenset(w.lower() for w in _LETTER_RUN.findall(text))


def says_any(text: str, triggers: frozenset[str]) -> bool:
    """Whether a run of letters of ``text`` is one of ``triggers`` (lower forms): :func:`text_words`'s
    :func:`holds_any`."""
    return not text_words(text).isdisjoint(triggers)
