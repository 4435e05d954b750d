"""One lower-cased copy of a turn's text, and the sets of its runs of letters, made once and shared by every layer.

Why: the layers that read a turn's text rather than its doc each lower-cased it or read it into runs of letters on
their own: the trigger-word gates (:func:`.layers.turn_view.text_words`), the head-word gates of the naming layers
(:func:`.layers.naming.said_words`), the gates of the listed names (:func:`.lookup.NameGate`), the cue scan
(:mod:`.layers.cue_scan`) and the place frames each made their own copy, three or four times a turn, with caches
of their own that a batch of 64 turns, going through one component after another, outran. Here each is made once
per turn, on the first question, and kept for the last :data:`KEPT` texts (more than a batch), so the components
after the first read the same objects.

Each set is made by exactly the expression its layer used (the runs of letters from the text as written, each
lower-cased; the ASCII words and runs of letters and digits from the lower-cased copy), so every answer is the
one the layer had: lower-casing and splitting do not commute outside ASCII ("İ" lower-cases to two characters).

A leaf module, outside the layers package: :mod:`.lookup` is imported by the layers, and reads it too.
"""

from __future__ import annotations

import re
from functools import lru_cache

KEPT = 256
"""Texts kept: more than a batch of turns (64), so every component of a batch finds what the first one made."""

_LETTER_RUN = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-z]+")
_ASCII_RUN = re.compile(r"[a-z0-9]+")


class TurnText:
    """A turn's text, its lower-cased copy and its sets of words, each made on first use."""

    __slots__ = ("_ascii_runs", "_ascii_words", "_letter_runs", "_low", "_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._low: str | None = None
        self._letter_runs: frozenset[str] | None = None
        self._ascii_words: frozenset[str] | None = None
        self._ascii_runs: frozenset[str] | None = None
        self._starts: dict[str, list[int]] = {}

    @property
    def low(self) -> str:
        """``text.lower()``."""
        if self._low is None:
            self._low = self.text.lower()
        return self._low

    @property
    def letter_runs(self) -> frozenset[str]:
        """The lower form of every maximal run of letters of the text as written (``[^\\W\\d_]+``)."""
        if self._letter_runs is None:
            self._letter_runs = frozenset(w.lower() for w in _LETTER_RUN.findall(self.text))
        return self._letter_runs

    @property
    def ascii_words(self) -> frozenset[str]:
        """Every run of the letters a–z in the lower-cased copy."""
        if self._ascii_words is None:
            self._ascii_words = frozenset(_ASCII_WORD.findall(self.low))
        return self._ascii_words

    @property
    def ascii_runs(self) -> frozenset[str]:
        """Every run of the letters a–z and digits in the lower-cased copy."""
        if self._ascii_runs is None:
            self._ascii_runs = frozenset(_ASCII_RUN.findall(self.low))
        return self._ascii_runs

    def starts_of(self, word: str) -> list[int]:
        """Where ``word`` (lower-cased letters) stands in the lower-cased copy as a whole run of letters, in order:
        the positions the cue scan (:mod:`.layers.cue_scan`) tries a layer's pattern at, kept for the turn's
        other layers."""
        found = self._starts.get(word)
        if found is not None:
            return found
        low, size, found = self.low, len(word), []
        end = len(low)
        i = low.find(word)
        while i >= 0:
            j = i + size
            if (i == 0 or not low[i - 1].isalpha()) and (j >= end or not low[j].isalpha()):
                found.append(i)
            i = low.find(word, j)
        self._starts[word] = found
        return found


@lru_cache(maxsize=KEPT)
def turn_text(text: str) -> TurnText:
    """The shared :class:`TurnText` of ``text``, made on first use and kept for the last :data:`KEPT` texts."""
    return TurnText(text)

