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

It is also the turn's table of offsets: which token holds a character (:meth:`TurnView.token_at`), the
tokens a character span covers (:meth:`TurnView.char_tokens`, what ``doc.char_span`` answers, as indices)
and the nearest word before or after a token with line breaks skipped (:meth:`TurnView.before`,
:meth:`TurnView.after`). Why: ``doc.char_span`` makes five ``Token`` objects to find two indices, and the
public runs, the private mentions and the public frames ask it of every proposal of every turn; the words
around a name were found by making a ``Token`` of each word stepped over.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, IS_STOP, LENGTH, LOWER, ORTH, POS, SPACY
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span

from ..turn_text import turn_text
from .state import text_of

_KEY = "cmo_turn_view"
_MODES = ("strict", "contract", "expand")


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
    """Whether each token is whitespace itself (a line break): what :func:`.context.word_before` skips."""
    trail: list[bool]
    """Whether each token is followed by a space (``Token.whitespace_``): its characters run to there."""
    words: frozenset[str]
    """Every token's lower form: what :func:`holds_any` intersects a layer's triggers with."""
    _pos: list[str] | None = field(default=None)

    def pos(self) -> list[str]:
        """Each token's coarse part of speech (``Token.pos_``), read from one array on first use."""
        if self._pos is None:
            ids = self.doc.to_array(POS).tolist() if len(self.texts) else []
            self._pos = [POS_NAMES[p] for p in ids]
        return self._pos

    def token_at(self, char: int) -> int:
        """The index of the token whose characters, its trailing space included, hold ``char``; -1 if none
        (spaCy's ``token_by_char``, which ``doc.char_span`` asks)."""
        i = bisect_right(self.starts, char) - 1
        if i < 0 or char >= self.starts[i] + self.lengths[i] + self.trail[i]:
            return -1
        return i

    def char_tokens(self, start: int, end: int, mode: str = "strict") -> tuple[int, int] | None:
        """The token range (start, end) of ``doc.char_span(start, end, alignment_mode=mode)``, or None where it
        answers None, without making a ``Token`` or a ``Span``. A range that would run backwards (an empty or
        reversed character span at a token's edge) is left to ``doc.char_span`` itself, so every answer, an
        error included, stays spaCy's."""
        if mode not in _MODES:
            return self._spacy_char_tokens(start, end, mode)  # spaCy's own error for an unknown mode
        first = self.token_at(start)
        if first < 0 or (mode == "strict" and start != self.starts[first]):
            return None
        last = self.token_at(end - 1)
        if last < 0 or (mode == "strict" and end != self.starts[last] + self.lengths[last]):
            return None
        if mode == "contract":
            if self.starts[first] < start:
                first += 1
            if end < self.starts[last] + self.lengths[last]:
                last -= 1
            if last < first:
                return None
        elif mode == "expand" and start == self.starts[first] + self.lengths[first]:
            first += 1
        if last + 1 < first:
            return self._spacy_char_tokens(start, end, mode)
        return first, last + 1

    def _spacy_char_tokens(self, start: int, end: int, mode: str) -> tuple[int, int] | None:
        span = self.doc.char_span(start, end, alignment_mode=mode)
        return None if span is None else (span.start, span.end)

    def before(self, i: int, n: int = 1) -> int:
        """The index of the ``n``-th token before token ``i``, whitespace tokens (line breaks) skipped; -1 if
        the turn begins first (:func:`.context.word_before`)."""
        space = self.space
        while n:
            i -= 1
            while i >= 0 and space[i]:
                i -= 1
            if i < 0:
                return -1
            n -= 1
        return i

    def after(self, i: int, n: int = 1) -> int:
        """The index of the ``n``-th token after token ``i``, whitespace tokens skipped; -1 if the turn ends
        first (:func:`.context.word_after`)."""
        space, length = self.space, len(self.space)
        while n:
            i += 1
            while i < length and space[i]:
                i += 1
            if i >= length:
                return -1
            n -= 1
        return i


def turn_view(doc: Doc) -> TurnView:
    """The doc's :class:`TurnView`, made on first use and kept on the doc."""
    data: dict[Any, Any] = doc.user_data
    view: TurnView | None = data.get(_KEY)
    if view is not None and len(view.texts) == len(doc):
        return view
    rows = doc.to_array([ORTH, LOWER, IDX, LENGTH, IS_ALPHA, IS_STOP, IS_SPACE, SPACY]).tolist() if len(doc) else []
    strings = doc.vocab.strings
    texts = [strings[r[0]] for r in rows]
    lowers = [strings[r[1]] for r in rows]
    view = TurnView(
        doc=doc, text=text_of(doc), texts=texts, lowers=lowers, starts=[r[2] for r in rows],
        lengths=[r[3] for r in rows], alpha=[bool(r[4]) for r in rows], stop=[bool(r[5]) for r in rows],
        space=[bool(r[6]) for r in rows], trail=[bool(r[7]) for r in rows], words=frozenset(lowers))
    data[_KEY] = view
    return view


def holds_any(doc: Doc, triggers: frozenset[str]) -> bool:
    """Whether the turn says one of ``triggers`` as a whole word (a token's lower form): a layer whose every
    finding holds one of its trigger words need not look at a turn that holds none."""
    return not turn_view(doc).words.isdisjoint(triggers)


def text_words(text: str) -> frozenset[str]:
    """The lower forms of every maximal run of letters in ``text``: a superset of the words any pattern of the
    form ``(?<![\\w'’-])[^\\W\\d_]+(?![\\w'’-])`` finds there (each such word is such a run). For the layers
    that read a turn's text, not its doc: a layer whose every finding begins at one of its trigger words can
    turn away a turn whose runs hold none. Read from the turn's shared text (:func:`..turn_text.turn_text`), kept for
    more turns than a batch holds, since every component of a batch asks."""
    return turn_text(text).letter_runs


def says_any(text: str, triggers: frozenset[str]) -> bool:
    """Whether a run of letters of ``text`` is one of ``triggers`` (lower forms): :func:`text_words`'s
    :func:`holds_any`."""
    return not text_words(text).isdisjoint(triggers)


def char_tokens(doc: Doc, start: int, end: int, mode: str = "strict") -> tuple[int, int] | None:
    """The token range of ``doc.char_span(start, end, alignment_mode=mode)`` read from the turn's table of
    offsets (:meth:`TurnView.char_tokens`): for a caller that needs the indices, not a ``Span``."""
    return turn_view(doc).char_tokens(start, end, mode)


def char_span(doc: Doc, start: int, end: int, mode: str = "strict") -> Span | None:
    """``doc.char_span(start, end, alignment_mode=mode)``, the same span, found in the turn's table of offsets
    instead of by making a ``Token`` of each edge."""
    found = turn_view(doc).char_tokens(start, end, mode)
    return None if found is None else doc[found[0] : found[1]]
