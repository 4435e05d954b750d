"""Properties of what the review pages are built from: ghost segments and marked pieces tile their block
and slice exactly to the text, whatever the suggestions or proposals overlap."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.model import Component
from cmo_coder.suggest.records import Suggestion
from cmo_coder.web.anonymisation import cut
from cmo_coder.web.suggestions import _ghosts
from tests.fuzzing import fuzz_settings

TEXT = st.text(alphabet=st.sampled_from(list("ab cé\n😀[]<>&\"'⟦⟧")), min_size=1, max_size=60)


@st.composite
def text_block_spans(draw: st.DrawFn) -> tuple[str, int, int, list[tuple[int, int]]]:
    text = draw(TEXT)
    lo = draw(st.integers(0, len(text) - 1))
    hi = draw(st.integers(lo + 1, len(text)))
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text) - 1))
        spans.append((start, draw(st.integers(start + 1, len(text)))))
    return text, lo, hi, spans


@fuzz_settings(200)
@given(text_block_spans(), st.sampled_from(list(Component)))
def test_ghost_segments_tile_the_block_and_slice_exactly(case: tuple[str, int, int, list[tuple[int, int]]],
                                                         component: Component) -> None:
    text, lo, hi, spans = case
    pending = [Suggestion(id=f"s{i}", transcript="t", start=a, end=b, text=text[a:b], component=component, pt="PT1",
                          confidence=0.5, reasons=[]) for i, (a, b) in enumerate(spans)]
    segments = _ghosts(text, lo, hi, pending)
    assert "".join(s.text for s in segments) == text[lo:hi]
    assert [s.start for s in segments] == [lo] + [s.end for s in segments[:-1]] and segments[-1].end == hi
    for seg in segments:
        assert seg.text == text[seg.start:seg.end]
        inside = {s.id for s in pending if s.start <= seg.start and seg.end <= s.end}
        assert set(seg.suggestions) == inside and bool(seg.css) == bool(inside)


@fuzz_settings(200)
@given(text_block_spans())
def test_marked_pieces_tile_the_block_and_each_mark_is_its_own_stretch(
        case: tuple[str, int, int, list[tuple[int, int]]]) -> None:
    text, lo, hi, spans = case
    marks: list[dict[str, Any]] = [{"id": f"p{i}", "start": a, "end": b} for i, (a, b) in enumerate(spans)]
    pieces = cut(text, lo, hi, marks)
    assert "".join(p.text for p in pieces) == text[lo:hi]
    assert all(p.text == text[p.start:p.end] and p.start < p.end for p in pieces)
    for p in pieces:
        if p.proposal is not None:
            assert (p.start, p.end) == (p.proposal["start"], p.proposal["end"])
    shown = [p.proposal for p in pieces if p.proposal is not None]
    # every mark inside the block is shown unless it overlaps one shown before it
    for m in marks:
        if lo <= m["start"] and m["end"] <= hi and m not in shown:
            assert any(s["start"] < m["end"] and m["start"] < s["end"] for s in shown)
