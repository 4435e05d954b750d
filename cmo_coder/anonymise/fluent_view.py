"""A view of each turn with speech's hesitations and repeats set aside, and the way back to the transcript.

Why: automatic captions (and careful hand transcripts) keep the hesitations and repairs of speech: "we went to
the um the red lion", "she's at er at st anne's", "down on uh you know church lane", "the the rovers", "i spoke
to um to dean", "me and like me and jodie", "it was er it was nadia who". Every frame the layers read ("the"
and words, a preposition of place, a kind word after a name, a speech verb after a name, "me and X") breaks
when a filler or a repeat sits inside it, and so does the model's reading of the words around a name. The
layers are not each taught to step over fillers; they read this view instead, where "at er at st anne's"
reads "at st anne's", and every span they find is carried back to the transcript.

What is set aside, within one turn and never across sentence punctuation:

- hesitation words ("um", "er", "uh", "erm"), which are never names, where they break a frame: after a word
  that leads on (a preposition, an article, a pronoun, a verb like "was"); after any other word a hesitation
  may be the cue a layer reads ("as you know, um, jeoff, ..." addresses someone) and stays;
- "like" and "you know" said as fillers: after a word that leads into a name or a place ("to like bolton",
  "me and like me and", "on you know church lane") or between two copies of one word ("the, like, the");
- the first copy of a repeated word or run of words that opens on a function word ("the the", "at at", "it
  was it was", "to dean to dean"): the speaker's restart. A word that is not a function word said twice
  ("wagga wagga", "jodie jodie") stays: it may be a name, and the view must never hide one.

Nothing is lost by hiding a repeat: :meth:`FluentView.mirrored` copies every span found on the kept copy onto
the copy set aside, so "to dean to dean" removes both "dean"s. Offsets are sacred: a span in the view maps to
the transcript by :meth:`FluentView.span_back`, and the transcript's own characters are what a proposal shows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .candidates import Candidate

HESITATIONS = frozenset({"um", "umm", "uh", "uhm", "er", "erm", "err", "ehm", "uhh", "emm"})
"""Hesitation words: sounds, never a name or a word a frame needs ("ah" and "eh" stay: "Ah Ming", Scots "eh")."""

# words after which a "like" or "you know" leads into what follows rather than being the verb: a preposition of
# place, a joining word, an article ("to like bolton", "me and like me and jodie", "the you know the seagulls")
_LEADS_IN = frozenset({"to", "at", "in", "on", "from", "with", "and", "of", "by", "near", "past", "round",
                       "into", "onto", "towards", "the", "down", "up", "over", "through", "outside", "behind",
                       "called", "named"})

# words whose repetition is a restart, not a name said twice ("the the", "at at", "it was it was")
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "at", "to", "in", "on", "of", "from", "with", "and", "but", "or", "so", "by", "for",
    "near", "past", "round", "into", "onto", "up", "down", "over", "i", "i'm", "i've", "i'd", "me", "my", "we",
    "we're", "our", "us", "you", "your", "he", "he's", "his", "him", "she", "she's", "her", "it", "it's", "its",
    "they", "they're", "their", "them", "that", "that's", "this", "there", "there's", "was", "were", "is", "are",
    "be", "been", "had", "has", "have", "did", "do", "does", "went", "go", "goes", "said", "says", "saw", "see",
    "called", "when", "where", "who", "what", "which", "if", "because", "cos", "then", "just", "not", "no"})

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# what may stand between two words a speaker repeats or hesitates over: spaces, commas, dashes, an ellipsis
_SOFT_GAP = re.compile(r"(?:[\s,\u2013\u2014-]|\.\.\.|\u2026)+")
_LONGEST_REPEAT = 3


@dataclass(frozen=True)
class Echo:
    """A run of words set aside as the first copy of a repeat: ``[start, end)`` in the transcript, and the
    offset of its kept copy from it (the kept copy starts ``shift`` characters later)."""

    start: int
    end: int
    shift: int


@dataclass(frozen=True)
class FluentView:
    """The text the layers read and how it maps to the transcript.

    ``kept`` lists, for each character of ``text``, its offset in the transcript ``source`` (strictly
    increasing).
    """

    source: str
    text: str
    kept: tuple[int, ...]
    echoes: tuple[Echo, ...]

    @property
    def changed(self) -> bool:
        return len(self.text) != len(self.source)

    def forward(self, offset: int) -> int:
        """The view's offset of the first kept character at or after transcript ``offset``."""
        return bisect_right(self.kept, offset - 1)

    def span_back(self, start: int, end: int) -> tuple[int, int]:
        """A view span ``[start, end)`` as a transcript span: from its first character to its last."""
        if end <= start:
            at = self.kept[start] if start < len(self.kept) else len(self.source)
            return at, at
        return self.kept[start], self.kept[end - 1] + 1

    def segments(self, segments: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """Transcript spans (turns, stretches) as view spans."""
        return [(self.forward(s), self.forward(e)) for s, e in segments]

    def mirrored(self, found: list[Candidate]) -> list[Candidate]:
        """``found`` (transcript offsets) with each span on a kept copy copied onto the copy set aside: a name
        in a repeat is removed in both ("to dean to dean")."""
        out = list(found)
        for echo in self.echoes:
            lo, hi = echo.start + echo.shift, echo.end + echo.shift
            for c in found:
                # a span that already covers the copy set aside ("Red Lion with er with Dean", read whole by the
                # model) needs no clipped copy of its own there ("with" read as an organisation)
                if c.start < hi and lo < c.end and not (c.start <= echo.start and echo.end <= c.end):
                    out.append(replace(c, start=max(c.start, lo) - echo.shift, end=min(c.end, hi) - echo.shift))
        return out


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def _soft(text: str, a: int, b: int) -> bool:
    """Whether the gap ``text[a:b]`` between two words may be stepped over (no sentence ends there)."""
    return a < b and _SOFT_GAP.fullmatch(text, a, b) is not None


def _filler_phrase(low: list[str], i: int) -> int:
    """How many words from ``i`` make a "like" or "you know" (0 if neither)."""
    if low[i] == "like":
        return 1
    if low[i] == "you" and i + 1 < len(low) and low[i + 1] == "know":
        return 2
    return 0


def _set_aside(text: str, words: list[tuple[int, int]]) -> tuple[list[bool], list[tuple[int, int]]]:
    """Which words of one turn the view drops, and the (dropped, kept) word index pairs of repeats."""
    n = len(words)
    low = [text[s:e].lower().replace("\u2019", "'") for s, e in words]
    soft = [i + 1 < n and _soft(text, words[i][1], words[i + 1][0]) for i in range(n)]  # gap after word i
    # a hesitation inside a frame: after a word that leads on ("to the um the", "it was er it was"); after any
    # other word it may be the cue a layer reads ("as you know, um, jeoff": someone addressed)
    lead = [w in _LEADS_IN or w in FUNCTION_WORDS for w in low]
    drop = [low[i] in HESITATIONS and soft[i] and (i == 0 or soft[i - 1] and lead[i - 1]) for i in range(n)]

    def live() -> list[int]:
        return [i for i in range(n) if not drop[i]]

    # "like" / "you know" as fillers, read on the words left once the hesitations are set aside
    idx = live()
    for k, i in enumerate(idx):
        width = _filler_phrase(low, i)
        if not width or k == 0 or k + width >= len(idx) or idx[k + width - 1] != i + width - 1:
            continue
        last = i + width - 1
        if not (soft[idx[k - 1]] and all(soft[j] for j in range(i, last + 1))):
            continue
        before, after = low[idx[k - 1]], low[idx[k + width]]
        if before in _LEADS_IN or before == after:
            for j in range(i, last + 1):
                drop[j] = True
    # repeats: the first copy of a run said twice in a row, if it opens on a function word
    echoes: list[tuple[int, int]] = []
    idx = live()
    k = 0
    while k < len(idx):
        found = False
        for size in range(_LONGEST_REPEAT, 0, -1):
            first, second = idx[k:k + size], idx[k + size:k + 2 * size]
            if len(second) < size or low[first[0]] not in FUNCTION_WORDS:
                continue
            if [low[i] for i in first] != [low[i] for i in second]:
                continue
            if size == 1 and low[first[0]] == "no":  # "no no" may be a refusal said twice; harmless either way
                continue
            if not all(soft[i] for i in first):
                continue
            for a, b in zip(first, second, strict=True):
                drop[a] = True
                echoes.append((a, b))
            found = True
            break
        if found:  # the kept copy now stands at k: it may open a further repeat ("the the the")
            idx = live()
        else:
            k += 1
    return drop, echoes


def _cuts(text: str, words: list[tuple[int, int]], drop: list[bool]) -> list[tuple[int, int]]:
    """The transcript spans a turn's dropped words take with them: each run of dropped words with the gaps
    around it, down to the one space before the next kept word ("at, like, the swan" reads "at the swan"); the
    gap before a run is kept where it ends a sentence or the run opens the turn."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(drop):
        if not drop[i]:
            i += 1
            continue
        j = i
        while drop[j + 1]:  # a dropped word always has a word after it (its gap is soft)
            j += 1
        nxt = words[j + 1][0]
        if i > 0 and _soft(text, words[i - 1][1], words[i][0]):
            start = words[i - 1][1]
            out.append((start, nxt - 1 if text[nxt - 1].isspace() else nxt))
        else:
            out.append((words[i][0], nxt))
        i = j + 1
    return out


def view(text: str, segments: Iterable[tuple[int, int]]) -> FluentView:
    """The fluent view of ``text``: within each segment (a turn), hesitations, filler phrases and the first
    copies of restarts set aside, each with the gap after it; everything else kept, character for character."""
    cut: list[tuple[int, int]] = []  # transcript spans set aside
    echoes: list[Echo] = []
    for s, e in sorted(set(segments)):
        words = _words(text, s, e)
        drop, pairs = _set_aside(text, words)
        cut.extend(_cuts(text, words, drop))
        for a, b in pairs:
            echoes.append(Echo(words[a][0], words[a][1], words[b][0] - words[a][0]))
    if not cut:
        return FluentView(text, text, tuple(range(len(text))), ())
    kept: list[int] = []
    pos = 0
    for a, b in sorted(cut):
        if a < pos:
            a = pos
        kept.extend(range(pos, a))
        pos = max(pos, b)
    kept.extend(range(pos, len(text)))
    return FluentView(text, "".join(text[i] for i in kept), tuple(kept), tuple(echoes))
