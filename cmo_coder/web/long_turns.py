"""A long turn of no line breaks shown in paragraphs on the review page, its text and offsets untouched.

Captions read without speakers (YouTube's, a webinar's SRT, a meeting's TTML) are one turn: every cue of one
(unknown) speaker joined by spaces. Shown as one paragraph of an hour's speech, a coder cannot find the proposal
they are deciding or keep their place between decisions. Such a turn is shown in paragraphs of a few sentences:
each ends at a sentence's end after about :data:`PARA_MIN` characters, or (automatic captions have no full stops)
at the last space before :data:`PARA_MAX`; no last paragraph is left shorter than :data:`TAIL_MIN`. A break never
falls inside a proposal, so every marked stretch stays whole and clickable. Only the page is cut: a break is an
empty element at an offset (``data-s`` = ``data-e``), the text's characters all stay in their pieces, and a
selection across a break still maps to exact offsets. A turn with line breaks of its own (a typed transcript's
paragraphs) is shown as it is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: A turn longer than this, with no line break, is shown in paragraphs.
LONG_TURN = 1_000
PARA_MIN = 300
PARA_MAX = 550
#: No paragraph is left this short at a turn's end: its words go with the paragraph before.
TAIL_MIN = 150
_SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]*\s+")


@dataclass
class Piece:
    """A stretch of a turn's text (``start``/``end`` offsets into the transcript), a proposal's or plain; or,
    with ``brk``, an empty paragraph break at ``start``."""

    start: int
    end: int
    text: str
    proposal: dict[str, Any] | None
    brk: bool = False
    control: str | None = None  # a bidirectional control alone: its short name, which the page shows


def with_controls(pieces: list[Piece], controls: dict[str, tuple[str, str]]) -> list[Piece]:
    """``pieces`` with each bidirectional control of a plain piece in a piece of its own (named by its short
    name in ``controls``), so the page can isolate and label it without moving an offset: the pieces' text
    still tiles the turn exactly. A control inside a proposal's mark stays in the mark."""
    out: list[Piece] = []
    for piece in pieces:
        if piece.proposal is not None or piece.brk or not any(ch in controls for ch in piece.text):
            out.append(piece)
            continue
        run = piece.start
        for i, ch in enumerate(piece.text):
            if ch not in controls:
                continue
            at = piece.start + i
            if at > run:
                out.append(Piece(run, at, piece.text[run - piece.start:i], None))
            out.append(Piece(at, at + 1, ch, None, control=controls[ch][0]))
            run = at + 1
        if run < piece.end:
            out.append(Piece(run, piece.end, piece.text[run - piece.start:], None))
    return out


def _inside(at: int, marks: Sequence[tuple[int, int]]) -> int | None:
    """The end of the proposal ``at`` falls inside, if any."""
    for s, e in marks:
        if s < at < e:
            return e
    return None


def paragraph_breaks(text: str, lo: int, hi: int, marks: Sequence[tuple[int, int]]) -> list[int]:
    """Offsets in ``text[lo:hi]`` where a paragraph of the page starts (each just after a space), none for a
    turn that is short or has line breaks of its own; never inside a mark (``(start, end)`` of a proposal)."""
    if hi - lo <= LONG_TURN or "\n" in text[lo:hi]:
        return []
    out: list[int] = []
    at = lo
    while hi - at > PARA_MAX:
        window = text[at + PARA_MIN: at + PARA_MAX]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        if ends:
            cut = at + PARA_MIN + ends[0]
        else:
            space = text.rfind(" ", at + PARA_MIN, at + PARA_MAX)
            cut = space + 1 if space > at else at + PARA_MAX
        inside = _inside(cut, marks)
        if inside is not None:  # after the proposal, at the next space
            space = text.find(" ", inside, hi)
            cut = space + 1 if space >= 0 else hi
        if cut >= hi - TAIL_MIN or cut <= at:
            break
        out.append(cut)
        at = cut
    return out


def with_breaks(pieces: list[Piece], breaks: list[int]) -> list[Piece]:
    """``pieces`` with a break piece at each offset in ``breaks``, a plain piece split there; the pieces' text
    still tiles the turn exactly."""
    if not breaks:
        return pieces
    out: list[Piece] = []
    todo = sorted(breaks)
    for piece in pieces:
        while todo and todo[0] <= piece.start:
            out.append(Piece(todo[0], todo[0], "", None, brk=True))
            todo.pop(0)
        while todo and piece.proposal is None and piece.start < todo[0] < piece.end:
            at = todo.pop(0)
            head = Piece(piece.start, at, piece.text[: at - piece.start], None)
            piece = Piece(at, piece.end, piece.text[at - piece.start:], None)
            out.extend([head, Piece(at, at, "", None, brk=True)])
        out.append(piece)
    return out
