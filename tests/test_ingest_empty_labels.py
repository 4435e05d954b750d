"""A speaker's label with no speech after it is read the same way by every reader.

Found by the SRT property test: a cue whose whole speech was ``&shy;`` decodes to a soft hyphen that
cleaning removes, and the Zoom VTT and SRT readers then took ``Zoë Müller:`` for speech of no one (the
label lost, the name moved into the text). Teams VTT, Otter, Zoom saved captions and plain text already
read such a label as its speaker's turn with nothing in it, which is left out of the transcript. Every
reader now does that, the next unlabelled SRT cue is hers, and the import says where turns were left out,
by place only (a label may be a name; warnings are shown outside the secure folder).
"""

from __future__ import annotations

import pytest

from cmo_coder.ingest import canonical
from cmo_coder.ingest.source import empty_turns_warning, read_source

NAME = "Zoë Müller"


def _turns(data: str, name: str) -> tuple[list[tuple[str | None, str]], list[str]]:
    read = read_source(data.encode("utf-8"), name)
    text = read.canon.text
    return [(t.speaker_name, text[t.start : t.end]) for t in read.canon.turns], read.warnings


def _srt(*bodies: str) -> str:
    return "\n\n".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},900\n{b}" for i, b in enumerate(bodies, 1)) + "\n"


def _zoom(*bodies: str) -> str:
    return "WEBVTT\n\n" + "\n\n".join(
        f"{i}\n00:00:0{i}.000 --> 00:00:0{i}.900\n{b}" for i, b in enumerate(bodies, 1)) + "\n"


EMPTY_SPEECH = ["&shy;", "\u00ad", "\u200b", "<i></i>", "", "   "]


@pytest.mark.parametrize("empty", EMPTY_SPEECH)
def test_srt_label_with_speech_that_cleans_away_is_her_label(empty: str) -> None:
    turns, warnings = _turns(_srt("Ann Lee: hello there", f"{NAME}: {empty}", "Ann Lee: and you?"), "a.srt")
    assert turns == [("Ann Lee", "hello there and you?")]  # her empty turn is left out; no one's turn appears
    assert warnings == ["1 speaker label(s) with no speech after them left out (line 6)"]


def test_srt_cue_after_an_empty_label_continues_that_speaker() -> None:
    """SRT labels only where the speaker changes: the unlabelled cue after ``Zoë Müller: &shy;`` is hers."""
    turns, _ = _turns(_srt("Ann Lee: hello there", f"{NAME}: &shy;", "it was a long week", "Ann Lee: I see"), "b.srt")
    assert turns == [("Ann Lee", "hello there"), (NAME, "it was a long week"), ("Ann Lee", "I see")]


@pytest.mark.parametrize("empty", EMPTY_SPEECH)
def test_zoom_vtt_label_with_no_speech_is_left_out(empty: str) -> None:
    turns, warnings = _turns(_zoom("Ann Lee: hello there", f"{NAME}: {empty}", "Ann Lee: and you?"), "c.vtt")
    assert turns == [("Ann Lee", "hello there and you?")]
    assert warnings == ["1 speaker label(s) with no speech after them left out (line 8)"]


@pytest.mark.parametrize(("name", "data"), [
    ("teams.vtt", f"WEBVTT\n\n1\n00:00:01.000 --> 00:00:01.900\n<v Ann Lee>hello there</v>\n\n"
                  f"2\n00:00:02.000 --> 00:00:02.900\n<v {NAME}>&shy;</v>\n\n"
                  "3\n00:00:03.000 --> 00:00:03.900\n<v Ann Lee>and you?</v>\n"),
    ("otter.txt", f"Ann Lee  0:01\nhello there\n\n{NAME}  0:02\n\u00ad\n\nAnn Lee  0:03\nand you?\n"),
    ("captions.txt", f"[Ann Lee] 10:00:01\nhello there\n\n[{NAME}] 10:00:02\n&shy;\n\n[Ann Lee] 10:00:03\nand you?\n"),
    ("plain.txt", f"Ann Lee: hello there\n\n{NAME}: &shy;\n\nAnn Lee: and you?\n"),
    ("srt.srt", _srt("Ann Lee: hello there", f"{NAME}: &shy;", "Ann Lee: and you?")),
    ("zoom.vtt", _zoom("Ann Lee: hello there", f"{NAME}: &shy;", "Ann Lee: and you?")),
])
def test_every_reader_agrees_on_an_empty_turn(name: str, data: str) -> None:
    turns, warnings = _turns(data, name)
    assert turns == [("Ann Lee", "hello there and you?")] or turns == [("Ann Lee", "hello there\nand you?")]
    assert len(warnings) == 1 and warnings[0].startswith("1 speaker label(s) with no speech")
    assert "Zo" not in warnings[0]  # the warning names the place, never the label


def test_a_lone_colon_word_is_still_speech_not_a_label() -> None:
    """Only a prefix that looks like a speaker is one: a cue that is only ``Anyway:`` stays speech."""
    turns, warnings = _turns(_zoom("Ann Lee: hello there", "Anyway:", "Ann Lee: and you?"), "d.vtt")
    assert turns == [("Ann Lee", "hello there"), (None, "Anyway:"), ("Ann Lee", "and you?")]
    assert warnings == []


def test_the_warning_counts_and_cuts_a_long_list() -> None:
    where = [f"line {n}" for n in range(1, 9)]
    assert empty_turns_warning(where) == (
        "8 speaker label(s) with no speech after them left out (line 1, line 2, line 3, line 4, line 5 and 3 more)")


def test_offsets_hold_around_a_left_out_turn() -> None:
    read = read_source(_srt("Ann Lee: a", f"{NAME}: &shy;", "more", f"{NAME}:", "Ann Lee: b").encode(), "e.srt")
    pieces = [read.canon.text[t.start : t.end] for t in read.canon.turns]
    assert canonical.TURN_SEPARATOR.join(pieces) == read.canon.text
    assert pieces == ["a", "more", "b"]
    assert "Zo" not in read.canon.text


def test_a_table_row_with_a_speaker_and_no_text_is_their_empty_turn() -> None:
    """A transcription service's table: a row naming a speaker with an empty text cell was dropped whole, so
    the unlabelled rows after it went to the speaker above. It is now that speaker's empty turn, as a
    ``Name:`` line alone is, and the rows after it are theirs."""
    from test_ingest_cross_reader import table_docx

    rows = [("Ann Lee", ["hello"]), ("dr okafor", []), ("", ["it", "was", "fine"]), ("Ann Lee", ["ok"])]
    read = read_source(table_docx(rows), "t.docx")
    text = read.canon.text
    assert [(t.speaker_name, text[t.start : t.end]) for t in read.canon.turns] == [
        ("Ann Lee", "hello"), ("dr okafor", "it was fine"), ("Ann Lee", "ok")]
    assert read.warnings == []  # the empty row is followed by its speaker's speech: nothing is left out
    alone = read_source(table_docx([("Ann Lee", ["hello"]), (NAME, []), ("Ann Lee", ["ok"])]), "u.docx")
    assert [t.speaker_name for t in alone.canon.turns] == ["Ann Lee"]
    assert alone.warnings == ["1 speaker label(s) with no speech after them left out (table 1 row 2)"]
