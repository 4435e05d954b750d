"""Property tests over generated cue streams: offsets slice exactly, no speech is lost, output is deterministic."""

from __future__ import annotations

import html
import re
import unicodedata

import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from reference_text import unescape_as_read

from cmo_coder.ingest import canonical, detect
from cmo_coder.model import SourceFormat, Transcript, Turn

NAMES = ["Zoë Müller", "Ann Ó Briain", "Dr Sam Okafor", "Lucía Farías", "Chen Wei", "Jean-Luc Picard"]
_ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCXYZéßΩ中ñçø0123456789',.?!&;\"-…()") + ["é"])
WORD = st.text(_ALPHABET, min_size=1, max_size=9)
SPEECH = st.lists(WORD, min_size=1, max_size=12)
CUES = st.lists(st.tuples(st.sampled_from(NAMES), SPEECH, st.booleans()), min_size=1, max_size=25)


#: Characters that carry no speech and that every reader drops (an entity such as ``&shy`` decodes to one).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def _normal(words: list[str]) -> str:
    return " ".join(_INVISIBLE.sub("", unicodedata.normalize("NFC", " ".join(words))).split())


def _expected(cues: list[tuple[str, list[str], bool]]) -> list[tuple[str, str]]:
    """Each cue's speech under its speaker; a cue whose speech cleans away to nothing is no turn."""
    out: list[tuple[str, str]] = []
    for name, words, _ in cues:
        said = _normal(words)
        if not said:
            continue
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + " " + said)
        else:
            out.append((name, said))
    return out


def _body(words: list[str], wrap: bool) -> str:
    escaped = [html.escape(w, quote=False) for w in words]
    if wrap and len(escaped) > 2:  # a caption line wrap in the middle of the cue
        return " ".join(escaped[:2]) + "\n" + " ".join(escaped[2:])
    return " ".join(escaped)


def _stamp(t: float, sep: str = ".") -> str:
    h, rem = divmod(int(t * 1000), 3600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def teams(cues: list[tuple[str, list[str], bool]], order: list[int]) -> str:
    blocks = []
    for i in order:
        name, words, wrap = cues[i]
        v = html.escape(name).replace("ü", "&#252;").replace("ë", "&#235;")
        blocks.append(f"9a1c/{i}-0\n{_stamp(i * 2.0)} --> {_stamp(i * 2.0 + 1.5)}\n<v {v}>{_body(words, wrap)}</v>")
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def zoom(cues: list[tuple[str, list[str], bool]]) -> str:
    blocks = [
        f"{i + 1}\n{_stamp(i * 2.0)} --> {_stamp(i * 2.0 + 1.5)}\n{name}: {_body(words, wrap)}"
        for i, (name, words, wrap) in enumerate(cues)
    ]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def srt(cues: list[tuple[str, list[str], bool]]) -> str:
    blocks = [
        f"{i + 1}\n{_stamp(i * 2.0, ',')} --> {_stamp(i * 2.0 + 1.5, ',')}\n{name}: {' '.join(words)}"
        for i, (name, words, _) in enumerate(cues)
    ]
    return "\n\n".join(blocks) + "\n"


def _check(data: bytes, name: str, cues: list[tuple[str, list[str], bool]], fmt: SourceFormat) -> None:
    parsed = detect.parse(data, name)
    assert parsed.format is fmt
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    got = [(t.speaker_name, canon.text[t.start : t.end]) for t in canon.turns]
    assert got == _expected(cues)  # every turn slices to its speech, nothing lost, names decoded
    assert canon.text == "\n\n".join(said for _, said in got)
    model = Transcript(
        id="t", title="t", source_format=fmt, text=canon.text, source_sha256="0" * 64, normaliser_version="1",
        turns=[Turn(speaker="X", start=t.start, end=t.end, speaker_name=t.speaker_name) for t in canon.turns],
    )
    assert len(model.turns) == len(got)
    again = canonical.build(detect.parse(data, name).utterances, canonical.joiner_for(parsed.format))
    assert again == canon  # deterministic


@pytest.mark.fuzz
@fuzz_settings(60)
@given(CUES, st.booleans(), st.randoms(use_true_random=False))
def test_teams_streams(cues: list[tuple[str, list[str], bool]], crlf: bool, rnd: object) -> None:
    order = list(range(len(cues)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    text = teams(cues, order)
    if crlf:
        text = text.replace("\n", "\r\n")
    _check(text.encode(), "gen.vtt", cues, SourceFormat.teams_vtt)


@pytest.mark.fuzz
@fuzz_settings(60)
@given(CUES, st.booleans(), st.booleans())
def test_zoom_streams(cues: list[tuple[str, list[str], bool]], crlf: bool, bom: bool) -> None:
    text = zoom(cues)
    if crlf:
        text = text.replace("\n", "\r\n")
    _check(("\ufeff" if bom else "").encode() + text.encode(), "gen.vtt", cues, SourceFormat.zoom_vtt)


@pytest.mark.fuzz
@fuzz_settings(60)
@given(CUES, st.booleans())
def test_srt_streams(cues: list[tuple[str, list[str], bool]], crlf: bool) -> None:
    text = srt(cues)
    if crlf:
        text = text.replace("\n", "\r\n")
    # SRT speech is written unescaped; entities that happen to appear are decoded like everywhere else
    _check(text.encode(), "gen.srt", [(n, [unescape_as_read(x) for x in w], False) for n, w, _ in cues],
           SourceFormat.srt)


PARAS = st.lists(st.tuples(st.sampled_from(NAMES + [None]), SPEECH), min_size=1, max_size=20)


@pytest.mark.fuzz
@fuzz_settings(60)
@given(PARAS, st.booleans())
def test_plain_text_streams(paras: list[tuple[str | None, list[str]]], crlf: bool) -> None:
    """``Name: text`` paragraphs, unlabelled ones continuing the turn, blank lines between."""
    if paras[0][0] is None:
        paras = [(NAMES[0], paras[0][1]), *paras[1:]]
    text = "\n\n".join(f"{name}: {' '.join(w)}" if name else " ".join(w) for name, w in paras) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    expected: list[tuple[str, str]] = []
    for name, words in paras:
        said = unescape_as_read(_normal(words))
        if name is None or (expected and expected[-1][0] == name):
            expected[-1] = (expected[-1][0], expected[-1][1] + "\n" + said)
        else:
            expected.append((name, said))
    parsed = detect.parse(text.encode(), "gen.txt")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    assert [(t.speaker_name, canon.text[t.start : t.end]) for t in canon.turns] == expected


ROWS = st.lists(st.tuples(st.sampled_from(NAMES + [None]), SPEECH), min_size=1, max_size=15)


@pytest.mark.fuzz
@fuzz_settings(40)
@given(ROWS, st.booleans(), st.booleans())
def test_a_table_of_turns_streams(rows: list[tuple[str | None, list[str]]], time_column: bool,
                                  details: bool) -> None:
    """A transcription service's DOCX table (``Speaker | Text``, with or without a time column), a table of
    interview details above it: every turn slices to its speech, the details are no turn."""
    import io

    from docx import Document

    if rows[0][0] is None:
        rows = [(NAMES[0], rows[0][1]), *rows[1:]]
    doc = Document()
    if details:
        doc.add_paragraph("Interview details")
        head = doc.add_table(rows=0, cols=2)
        for k, v in [("Interviewer", NAMES[1]), ("Date", "14/03/2026")]:
            cells = head.add_row().cells
            cells[0].text, cells[1].text = k, v
    cols = ["Time", "Speaker", "Text"] if time_column else ["Speaker", "Text"]
    table = doc.add_table(rows=1, cols=len(cols))
    for cell, head_word in zip(table.rows[0].cells, cols, strict=True):
        cell.text = head_word
    for n, (name, words) in enumerate(rows):
        cells = table.add_row().cells
        values = ([f"00:{n // 60:02d}:{n % 60:02d}"] if time_column else []) + [name or "", " ".join(words)]
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    buf = io.BytesIO()
    doc.save(buf)
    expected: list[tuple[str, str]] = []
    for name, words in rows:
        said = unescape_as_read(_normal(words))
        if name is None or (expected and expected[-1][0] == name):
            expected[-1] = (expected[-1][0], expected[-1][1] + "\n" + said)
        else:
            expected.append((name, said))
    parsed = detect.parse(buf.getvalue(), "gen.docx")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    assert [(t.speaker_name, canon.text[t.start : t.end]) for t in canon.turns] == expected
