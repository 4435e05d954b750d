"""Otter ``.txt`` exports as Otter really writes them: title first, keyword and speaker blocks, then headers.

Research archives hold exports whose first line is the meeting title, so a detector that
looks only at line 1 reads them as plain text and turns ``BSR01  00:32`` into a speaker
``BSR01 00`` whose speech starts with ``32``. These fixtures are invented but shaped like
those exports; the property test writes exports with random headers, speakers and times.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.ingest import canonical, detect, otter, plain
from cmo_coder.ingest.utterance import ParseError, ends_in_time
from cmo_coder.model import SourceFormat
from tests.fuzzing import fuzz_settings

ARCHIVE_EXPORT = """BSR01 interview
Tue, 5/11 2:04PM • 48:31

SUMMARY KEYWORDS
people, ward, staff, support, feel, time, family, nurse

SPEAKERS
BSR01, <interviewer's name>, Unknown Speaker

<interviewer's name>  00:00
So thanks for agreeing to talk to me today. We started at 10:30, I think.

BSR01  00:32
That's fine. I was a bit nervous
about it, to be honest.

There was a lot going on: 12:45 was lunch.

Unknown Speaker  59:58
Sorry, wrong room.

<interviewer's name>  1:02:15
No problem.
"""


def _turns(text: str) -> tuple[SourceFormat, list[tuple[str | None, float | None, str]]]:
    parsed = detect.parse(text.encode(), "BSR01_interview.txt")
    return parsed.format, [(u.speaker, u.start_time, u.text) for u in parsed.utterances]


def test_archive_export_with_title_keywords_and_speakers() -> None:
    fmt, turns = _turns(ARCHIVE_EXPORT)
    assert fmt is SourceFormat.otter_txt
    assert turns == [
        ("<interviewer's name>", 0.0, "So thanks for agreeing to talk to me today. We started at 10:30, I think."),
        ("BSR01", 32.0, "That's fine. I was a bit nervous about it, to be honest.\nThere was a lot going on: 12:45 "
                        "was lunch."),
        ("Unknown Speaker", 3598.0, "Sorry, wrong room."),
        ("<interviewer's name>", 3735.0, "No problem."),
    ]


def test_title_only_no_blocks() -> None:
    text = "Ward team interview 3\n\n\nDr Ann Lowe  0:01\nHello.\n\nP 7  0:05\nHi there.\n"
    fmt, turns = _turns(text)
    assert fmt is SourceFormat.otter_txt
    assert turns == [("Dr Ann Lowe", 1.0, "Hello."), ("P 7", 5.0, "Hi there.")]


def test_speakers_list_vouches_for_single_space_headers() -> None:
    """Copies made by hand fold Otter's two spaces to one; the SPEAKERS list still names the headers."""
    text = ("Team meeting\nSPEAKERS\nInterviewer, Mary Ann Jones\n\nInterviewer 0:02\nHow was it?\n\n"
            "Mary Ann Jones 0:07\nFine, we left at 9:30\n")
    fmt, turns = _turns(text)
    assert fmt is SourceFormat.otter_txt
    assert turns == [("Interviewer", 2.0, "How was it?"), ("Mary Ann Jones", 7.0, "Fine, we left at 9:30")]


def test_redacted_angle_bracket_speaker_is_kept_not_stripped_as_a_tag() -> None:
    text = "SPEAKERS\n<Interviewer Name>, BSR02\n\n<Interviewer Name>  0:00\nHi.\n\nBSR02  0:04\nHello.\n"
    assert _turns(text)[1][0][0] == "<Interviewer Name>"


def test_long_speech_before_first_header_is_an_error_not_a_loss() -> None:
    text = "\n".join(f"This is a sentence of real speech number {i}." for i in range(5))
    text += "\n\nBSR01  0:03\nHello.\n\nBSR01  0:09\nAgain.\n"
    with pytest.raises(ParseError, match=r"x\.txt: line 1: speech before the first"):
        otter.read(text, "x.txt")


def test_no_reader_turns_a_time_stamp_into_a_name() -> None:
    """A colon between digits is a time, never a label's colon, in plain text as in Otter."""
    utts = plain.read("BSR01  00:05 so it began\nInterviewer: at 10:30?\nR: yes\n", "p.txt")
    assert [u.speaker for u in utts] == [None, "Interviewer", "R"]
    assert utts[0].text == "BSR01 00:05 so it began"
    assert ends_in_time("BSR01 00:32") and ends_in_time("Jo 1:02:03") and not ends_in_time("Speaker 1")


# --- property: generated Otter exports -------------------------------------------------------

_NAME = st.sampled_from(["BSR01", "Interviewer", "<interviewer's name>", "Unknown Speaker", "Mary Ann Jones",
                         "Speaker 2", "Dr Jo O'Neil", "P07", "Zoë Müller"])
_WORD = st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABC0123456789',.?!-é")), min_size=1, max_size=8)
_SPEECH = st.lists(_WORD, min_size=1, max_size=10).map(" ".join).filter(lambda s: not s[-1].isdigit())
_BLOCK = st.tuples(_NAME, st.integers(0, 3 * 3600 - 1), st.lists(_SPEECH, min_size=1, max_size=3))


def _stamp(seconds: int, style: int) -> str:
    h, rem = divmod(seconds, 3600)
    m, s = divmod(rem, 60)
    if h:
        return f"{h}:{m:02d}:{s:02d}"
    return f"{m:02d}:{s:02d}" if style else f"{m}:{s:02d}"


@pytest.mark.fuzz
@fuzz_settings(60)
@given(
    blocks=st.lists(_BLOCK, min_size=1, max_size=8),
    title=st.sampled_from(["", "BSR01 interview\n", "Focus group 2 (site A)\nWed, 3/3 11:00AM • 52:10\n"]),
    keywords=st.booleans(), speakers=st.booleans(), blank_lines=st.integers(0, 3), style=st.integers(0, 1),
    footer=st.booleans(),
)
def test_generated_otter_exports(blocks: list[tuple[str, int, list[str]]], title: str, keywords: bool,
                                 speakers: bool, blank_lines: int, style: int, footer: bool) -> None:
    if not (title or keywords or speakers or footer) and len(blocks) < 2:
        blocks = blocks * 2  # a lone header with nothing around it is not recognisably Otter
    head = title + "\n" * blank_lines
    if keywords:
        head += "SUMMARY KEYWORDS\nward, staff, time\n\n"
    if speakers:
        head += "SPEAKERS\n" + ", ".join(dict.fromkeys(n for n, _, _ in blocks)) + "\n\n"
    body = "\n\n".join(f"{name}  {_stamp(t, style)}\n" + "\n\n".join(paras) for name, t, paras in blocks)
    text = head + body + ("\n\n\n\nTranscribed by https://otter.ai\n" if footer else "\n")
    parsed = detect.parse(text.encode(), "export.txt")
    assert parsed.format is SourceFormat.otter_txt
    got = [(u.speaker, u.start_time, u.text) for u in parsed.utterances]
    assert got == [(name, float(t), "\n".join(paras)) for name, t, paras in blocks]
    assert not any(u.speaker and ends_in_time(u.speaker) for u in parsed.utterances)
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    for turn in canon.turns:  # offsets slice exactly to the speech
        assert canon.text[turn.start:turn.end].strip() == canon.text[turn.start:turn.end]
