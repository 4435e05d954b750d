"""Two questions the residual-risk list asks for every word of a transcript, answered without a scan each.

Why: the residual list looks at every token and asked, for each, "does any proposal overlap it?" and
"is it within 80 of any registered one-word name?" by looping over all proposals and all names. With
the familiar forms a register now holds (nicknames, shapes of speech), that loop was a third of the
anonymiser's time. The answers are the same; only the way to them changes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from .turn_text import turn_text


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

    def covers(self, start: int, end: int) -> bool:
        """Whether some span ``(a, b)`` has ``a <= start and end <= b``: of the spans that start at ``start`` or
        before, the one reaching furthest is the one to ask."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end

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


def by_first_letter(alternatives: Iterable[str], ignore_case: bool) -> str:
    """The regex ``a1|a2|...`` with the alternatives grouped under their first letter, order kept.

    Why: a regex alternation of hundreds of names (public figures, registered forms) is tried one
    alternative after another at every position of a turn, and with ``re.IGNORECASE`` the regex
    engine cannot skip an alternative by its first character. Grouped, a position is tried against
    one small group per first letter. The match is the same: alternatives that begin with different
    letters cannot match at the same place, and within a group they are tried in their old order.
    A plain ASCII digit leads a group as a letter does ("12 Steps" among the listed bodies: one such
    name had left the whole list of 853 ungrouped, tried name by name at every position).
    ``ignore_case``: the regex is compiled with ``re.IGNORECASE`` ("A" and "a" then lead one group;
    without it they lead two). When an alternative does not begin with a plain ASCII letter or digit (an
    escape, a class, a quantified letter) or holds a ``|`` of its own, the alternatives are joined as given.
    """
    alts = list(alternatives)
    groups: dict[str, list[str]] = {}
    for alt in alts:
        head = alt[:1]
        if not (head.isascii() and head.isalnum()) or alt[1:2] in {"?", "*", "+", "{"} or "|" in alt:
            return "|".join(alts)
        groups.setdefault(head.lower() if ignore_case else head, []).append(alt)
    return "|".join(f"{rest[0][0]}(?:{'|'.join(a[1:] for a in rest)})" for rest in groups.values())


_PARTS = re.compile(r"[^a-z0-9]+")


def _runs(text: str) -> frozenset[str]:
    """The runs of letters and digits of ``text`` lower-cased, read from the turn's shared text
    (:func:`.turn_text.turn_text`): the gates of three name lists (world places, public figures, listed bodies) ask
    of the same turn in turn, and other layers of the turn lower-case it too."""
    return turn_text(text).ascii_runs


class NameGate:
    """Whether a text can hold a match of a case-blind pattern of listed names, asked before the pattern runs.

    Why: the listed names (world places, public figures, public bodies) are searched for in every turn by one
    alternation of hundreds of names, which the ``re`` module tries at every position of the turn, and most
    turns hold none. Each name is matched word by word, a word's letters literally (in any case), with only an
    apostrophe or a hyphen inside a word optional and something other than a letter or digit between words
    and around the name. So where a name stands, one of its words (here the one with the longest first part
    that is no stop word, the rarest: "nuffield" of "the Nuffield Trust", "bridge" of "From The Bridge", as turns
    say "the", "and" or "from" far more often than any name) is a whole run of letters and digits in the
    lower-cased text, or, its marks left out, a run of its parts joined ("obrien", "alanon"). A text of plain ASCII
    none of whose runs is such a form cannot hold a match; the pattern is asked of every other text, so what is
    found does not change. Text that is not ASCII, or a list with a name that has no word of plain ASCII letters
    and digits, always goes to the pattern: case-blind matching outside ASCII has forms a lower-cased run would
    not show.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.forms: frozenset[str] | None = frozenset()
        forms: set[str] = set()
        for name in names:
            best: list[str] = []
            rank = (False, 0)
            for word in name.lower().split():
                parts = [p for p in _PARTS.split(word) if p]
                if word.isascii() and parts and (not best or (word not in STOP_WORDS, len(parts[0])) > rank):
                    best, rank = parts, (word not in STOP_WORDS, len(parts[0]))
            if not best:
                self.forms = None  # a name this gate cannot vouch for: every text is searched
                return
            forms.update("".join(best[:k]) for k in range(1, len(best) + 1))
        self.forms = frozenset(forms)

    def may_hold(self, text: str) -> bool:
        """False only where no listed name can stand in ``text``."""
        if self.forms is None or not text.isascii():
            return True
        return not self.forms.isdisjoint(_runs(text))
