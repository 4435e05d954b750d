"""A long transcript's review in pages of whole turns, each with its counts of items and undecided items.

Why: the review page drew every turn of a transcript at once. A two-hour focus group (2,000 turns or more, 30,000
words, hundreds of proposals) made a page of megabytes that took seconds to answer and to draw, and a reviewer
scrolled through thousands of decided turns to find the few still open. Pages of at most :data:`PAGE_TURNS` turns
and about :data:`PAGE_CHARS` characters keep a page small; the page a reviewer lands on is the first with an item
still to decide, and the list of pages says where the rest are.

Pages are cut by turns alone (never by decisions), so a page's address names the same turns before and after
every decision, and the offsets of everything on it are the transcript's own: a page cuts no turn and moves no
offset. A turn longer than a page (captions read without speakers are one turn) is a page of its own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

#: At most this many turns on a page.
PAGE_TURNS = 60
#: A page takes no further turn once it holds this many characters (about 2,000 words).
PAGE_CHARS = 12_000


@dataclass(frozen=True)
class Page:
    """Turns ``first``…``stop - 1`` (indices into the transcript's blocks), the text ``start``:``end`` they cover,
    and how many proposals start there (``items``) and how many of them are undecided (``undecided``)."""

    number: int
    first: int
    stop: int
    start: int
    end: int
    items: int = 0
    undecided: int = 0


def cut_pages(blocks: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(first, stop)`` block indices of each page: whole blocks, at most :data:`PAGE_TURNS` of them, none added
    once a page holds :data:`PAGE_CHARS` characters; a transcript of no blocks is one empty page."""
    out: list[tuple[int, int]] = []
    first = 0
    while first < len(blocks):
        stop = first + 1
        while (stop < len(blocks) and stop - first < PAGE_TURNS
               and blocks[stop - 1][1] - blocks[first][0] < PAGE_CHARS):
            stop += 1
        out.append((first, stop))
        first = stop
    return out or [(0, 0)]


def pages(blocks: Sequence[tuple[int, int]], items: Sequence[tuple[int, bool]]) -> list[Page]:
    """The pages of ``blocks`` (``(start, end)`` offsets, in order), each counting the ``items`` (``(start,
    undecided)``) that start from its first turn up to the next page's first turn: every item is counted on
    exactly one page, so the pages' counts add up to the transcript's."""
    cuts = cut_pages(blocks)
    bounds = [blocks[first][0] if first < len(blocks) else 0 for first, _ in cuts]
    counts = [[0, 0] for _ in cuts]
    for start, undecided in items:
        at = max(0, bisect_left(bounds, start + 1) - 1)  # the last page whose first turn starts at or before it
        counts[at][0] += 1
        counts[at][1] += int(undecided)
    out = []
    for n, ((first, stop), (total, open_n)) in enumerate(zip(cuts, counts, strict=True), start=1):
        start = blocks[first][0] if first < len(blocks) else 0
        end = blocks[stop - 1][1] if stop > first else 0
        out.append(Page(n, first, stop, start, end, total, open_n))
    return out


def landing(all_pages: Sequence[Page]) -> Page:
    """The page a reviewer opens without asking for one: the first with an item still to decide, else the first."""
    return next((p for p in all_pages if p.undecided), all_pages[0])


def neighbours(all_pages: Sequence[Page], page: Page) -> tuple[int | None, int | None]:
    """The numbers of the nearest pages before and after ``page`` with an item still to decide."""
    before = next((p.number for p in reversed(all_pages[:page.number - 1]) if p.undecided), None)
    after = next((p.number for p in all_pages[page.number:] if p.undecided), None)
    return before, after
