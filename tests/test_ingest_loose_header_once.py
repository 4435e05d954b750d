"""A speaker who speaks once in a file of ``Name 00:00:03`` headers written with one space (a hand-copied Otter
export, an editor's text export): their header line is a header, never speech. It was read as speech, the
speaker's name with it, into the turn before (a name in the text, where only the key should hold it)."""

from __future__ import annotations

import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.ingest import canonical, detect


def _read(text: str) -> list[tuple[str | None, float | None, str]]:
    parsed = detect.parse(text.encode(), "t.txt")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    return [(t.speaker_name, t.start_time, canon.text[t.start:t.end]) for t in canon.turns]


@pytest.mark.parametrize(("once", "at"), [("Speaker 2 00:00:10", 10.0), ("Anna Kowalski 0:10", 10.0),
                                          ("Dr Ruth Okafor 1:00:10", 3610.0)])
def test_a_header_said_once_is_a_header(once: str, at: float) -> None:
    text = (f"Speaker 1 00:00:03\nSo tell me about the clinic.\n\n{once}\nWell, my GP sent me.\n\n"
            "Speaker 1 1:00:15\nAnd then?\n")
    got = _read(text)
    assert [(w, t) for w, t, _ in got][1] == (once.rsplit(" ", 1)[0], at)
    assert all(once.rsplit(" ", 1)[0] not in said for _, _, said in got)


@pytest.mark.parametrize("line", ["see you at the clinic 10:30", "Meet At Noon 00:00:01"])
def test_a_line_of_speech_ending_in_a_time_stays_speech(line: str) -> None:
    """Lower-case words are speech, and so is a time earlier than the header above it."""
    text = f"Speaker 1 00:00:03\nSo.\n\nSpeaker 2 00:00:05\nWell.\n\n{line}\nand so on\n\nSpeaker 1 00:00:15\nOk.\n"
    got = _read(text)
    assert len(got) == 3 and line in got[1][2]


def test_a_name_and_time_inside_a_paragraph_stays_speech() -> None:
    text = ("Speaker 1 00:00:03\nSo.\n\nSpeaker 2 00:00:05\nWe saw\nDr Ruth Okafor 00:00:07\nthat day.\n\n"
            "Speaker 1 00:00:15\nOk.\n")
    assert len(_read(text)) == 3


def _docx(paras: list[str]) -> bytes:
    import io

    from docx import Document

    doc = Document()
    for para in paras:
        doc.add_paragraph(para)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_word_file_of_one_space_headers_is_read_by_its_headers() -> None:
    """Read as plain, the file was one turn of no speaker, every header (a name, where it is one) in its text."""
    paras = ["Speaker 1 00:00:03", "So tell me about the clinic.", "Anna Kowalski 00:00:10", "Well, my GP sent me.",
             "Speaker 1 00:00:15", "And then?"]
    parsed = detect.parse(_docx(paras), "t.docx")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    assert [(t.speaker_name, t.start_time, canon.text[t.start:t.end]) for t in canon.turns] == [
        ("Speaker 1", 3.0, "So tell me about the clinic."), ("Anna Kowalski", 10.0, "Well, my GP sent me."),
        ("Speaker 1", 15.0, "And then?")]


def test_a_word_file_of_labels_with_a_time_said_twice_stays_plain() -> None:
    paras = ["Interviewer: When do you go?", "Anna Kowalski: see you at 10:30", "Interviewer: And after?",
             "Anna Kowalski: see you at 10:30", "Interviewer: Thanks."]
    parsed = detect.parse(_docx(paras), "t.docx")
    assert [u.speaker for u in parsed.utterances] == ["Interviewer", "Anna Kowalski", "Interviewer",
                                                      "Anna Kowalski", "Interviewer"]


_NAMES = st.sampled_from(["Speaker 1", "Speaker 2", "Anna Kowalski", "Dr Ruth Okafor", "Seán Ó Briain"])
_SPEECH = st.lists(st.sampled_from(["so", "we", "went", "to", "the", "clinic", "at", "10:30", "and", "Anna", "it's",
                                    "fine"]), min_size=1, max_size=8).map(lambda ws: " ".join(["well", *ws, "then"]))
# (speech ends in a word: a line of speech ending in a time said twice is vouched for as an Otter header by the
# Otter reader's recurrence rule, a limit of that reader the section on this piece records)


@given(rows=st.lists(st.tuples(_NAMES, _SPEECH), min_size=2, max_size=10), word=st.booleans())
@fuzz_settings(60)
@pytest.mark.fuzz
def test_fuzz_one_space_headers_give_every_turn_and_no_name_in_the_text(rows: list[tuple[str, str]],
                                                                       word: bool) -> None:
    """Headers of one space, the first speaker's recurring so the file is known by them, times rising: every row is
    a turn of its speaker (consecutive rows of one merged), and no header is read as speech."""
    rows = [("Speaker 1", "well so"), *rows, ("Speaker 1", "well ok")]
    lines: list[str] = []
    for i, (who, said) in enumerate(rows):
        lines += [f"{who} 00:{i // 60:02d}:{i % 60:02d}", said] + ([] if word else [""])
    parsed = detect.parse(_docx(lines) if word else "\n".join(lines).encode(), "f.docx" if word else "f.txt")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    got = [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]
    merged: list[tuple[str, str]] = []
    for who, said in rows:
        if merged and merged[-1][0] == who:
            merged[-1] = (who, merged[-1][1] + "\n" + said)
        else:
            merged.append((who, said))
    assert got == merged
