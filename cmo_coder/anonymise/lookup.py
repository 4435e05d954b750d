"""Two questions the residual-risk list asks for every word of a transcript, answered without a scan each.

Why: the residual list looks at every token and asked, for each, "does any proposal overlap it?" and
"is it within 80 of any registered one-word name?" by looping over all proposals and all names. With
the familiar forms a register now holds (nicknames, shapes of speech), that loop was a third of the
anonymiser's time. The answers are the same; only the way to them changes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from rapidfuzz import fuzz, process


class Intervals:
    """Half-open character spans, asked whether any overlaps a span or holds a position.

    Sorted by start with a running maximum of ends: the spans that start early enough are a prefix,
    and one of them reaches far enough exactly when the prefix's largest end does.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach = list(accumulate((b for _, b in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``(a, b)`` has ``a < end and start < b``."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start

    def holds(self, position: int) -> bool:
        """Whether some span ``(a, b)`` has ``a <= position < b``."""
        k = bisect_right(self._starts, position)
        return k > 0 and self._reach[k - 1] > position


class CloseNames:
    """Whether a word is within a ``fuzz.ratio`` of ``threshold`` of any of ``names``, remembered per word.

    rapidfuzz's batch search picks the few names near the threshold in compiled code (with a margin, so
    rounding cannot leave one out); the answer is then decided by the same ``fuzz.ratio`` comparison
    a plain loop over every name would make.
    """

    _MARGIN = 5.0

    def __init__(self, names: Iterable[str], threshold: float = 80) -> None:
        self.key = frozenset(names)
        self.names = sorted(self.key)
        self.threshold = threshold
        self._seen: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        known = self._seen.get(word)
        if known is None:
            near = process.extract(word, self.names, scorer=fuzz.ratio, limit=None,
                                   score_cutoff=max(0.0, self.threshold - self._MARGIN))
            known = any(fuzz.ratio(word, name) >= self.threshold for name, _, _ in near)
            self._seen[word] = known
        return known
