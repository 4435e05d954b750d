"""The PDF reader under random input: transcripts of random turns printed to PDF read as their TXT does, with offsets
that slice exactly (property test); and mutated PDFs (``tests/pdf_writer.py``'s files with bytes flipped, cut,
deleted, repeated, or PDF syntax inserted) either read into a transcript whose turns tile the text, or are refused
with one line naming the file, quickly (fuzz target: ``CMO_FUZZ_SCALE`` for a long run)."""

from __future__ import annotations

import time
from functools import cache

import pytest
from fuzzing import fuzz_settings
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_writer import Page, make_pdf, transcript_pdf, wrap
from test_ingest_fuzz import check_reads_or_refuses, mutated

from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.source import read_source

_NAMES = ["Interviewer", "Participant", "Dr. Amaka Eze", "Seán O'Neill", "R", "I", "Speaker 2", "Zoë Müller"]
_WORDS = st.sampled_from(["so", "we", "went", "to", "the", "clinic", "and", "then", "it", "was", "fine", "really",
                          "café", "(laughs)", "well-being", "£20", "10:30", "50%", "\"quoted\"", "don't", "a", "I",
                          "Okonkwo", "ofﬁce", "x" * 30, "[inaudible]", "…", "–", "self-referral"])
_TURN = st.tuples(st.sampled_from(_NAMES), st.lists(_WORDS, min_size=1, max_size=60).map(" ".join))


@settings(max_examples=40, deadline=None)
@given(st.lists(_TURN, min_size=2, max_size=14), st.integers(4, 30), st.booleans(), st.booleans())
def test_random_transcripts_read_from_pdf_as_from_txt_with_exact_offsets(
        turns: list[tuple[str, str]], per_page: int, numbered: bool, header: bool) -> None:
    # Speech varies: a counted word every few words keeps lines from repeating at the same place on every page,
    # which only a running header does (the same line at the top of half the pages is left out as one).
    counted = iter(range(10_000))
    turns = [(who, " ".join(w if i % 6 else f"{w} n{next(counted)}" for i, w in enumerate(said.split(" "))))
             for who, said in turns]
    text = "\n\n".join(f"{who}: {said}" for who, said in turns) + "\n"
    lines = sum(len(wrap(para)) if para.strip() else 1 for para in text.split("\n"))
    header = header and lines > per_page  # a running header runs over two pages at least; on one it is a title
    pdf = transcript_pdf(text, per_page=per_page, page_numbers=numbered,
                         header="Interview 3 with Jacob Keswick" if header else None)
    from_txt = read_source(text.encode(), "t.txt")
    from_pdf = read_source(pdf, "t.pdf")
    got = from_pdf.canon
    pieces = [got.text[t.start:t.end] for t in got.turns]
    assert canonical.TURN_SEPARATOR.join(pieces) == got.text
    want = [(t.speaker_name, " ".join(from_txt.canon.text[t.start:t.end].replace("\ufb01", "fi").split()))
            for t in from_txt.canon.turns]  # the PDF's ligature glyph is read as its letters
    assert [(t.speaker_name, " ".join(p.split())) for t, p in zip(got.turns, pieces, strict=True)] == want
    assert "Keswick" not in got.text


@cache
def _seeds() -> list[tuple[str, bytes]]:
    text = "\n\n".join(f"{'Interviewer' if n % 2 else 'Participant'}: we went to the clinic {n} and then it was fine "
                       "really, the peer trainer rang me the day before" for n in range(12))
    return [
        ("lines.pdf", transcript_pdf(text, per_page=8, header="Interview 3", page_numbers=True)),
        ("plain.pdf", make_pdf([Page(["I: Hello there.", "R: Hi, it was the of\ufb01ce."])], compress=False)),
        ("words.pdf", transcript_pdf(text, per_page=20, words_apart=True)),
    ]


#: PDF syntax inserted whole at a random place: what breaks parsers (nesting, references, streams, filters).
_TOKENS = [b"<<", b">>", b"[", b"]", b"[" * 300, b"<<" * 100, b" 0 R", b"2 0 R", b"999999 0 R", b"stream\n",
           b"endstream", b"endobj", b"/Filter /FlateDecode", b"/Filter /LZWDecode", b"/Length 999999999",
           b"/Length -1", b"xref\n0 1\n", b"trailer", b"%%EOF", b"startxref\n0\n", b"/Encrypt 3 0 R",
           b"/Count 99999999", b"/Kids [2 0 R]", b"(", b")", b"\\", b"BT", b"ET", b"Tj", b"TJ", b"Tf", b"\x00" * 8,
           b"\xff" * 8, b"%PDF-1.7\n", b"9" * 400, b"/Type /Page", b"/Resources << >>", b"q " * 200, b"Do"]


@pytest.mark.fuzz
@fuzz_settings(30)
@given(st.data())
def test_fuzz_pdf(data: st.DataObject) -> None:
    name, blob = data.draw(mutated(_seeds(), _TOKENS))
    start = time.monotonic()
    check_reads_or_refuses(blob, name)
    assert time.monotonic() - start < 30, "a mutated PDF took over 30 s"


def test_a_pdf_read_or_refused_never_quotes_its_text_in_the_error() -> None:
    pdf = make_pdf([Page(["R: Zenobia Quartermaine told me"])], compress=False)
    for cut in range(40, len(pdf), 37):
        try:
            detect.parse(pdf[:cut], "cut.pdf")
        except Exception as exc:  # any refusal: its words are what is checked
            assert "Zenobia" not in str(exc)
