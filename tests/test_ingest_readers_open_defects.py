"""Readers' defects the studies found, each its minimal failing example: a caption label behind an opening bracket,
a decisions sheet of CR rows whose cells hold LF, and a Google Meet attendee whose name is long or carries its
organisation in brackets."""

from __future__ import annotations

import pytest

from cmo_coder.anonymise.sheet_text import parse
from cmo_coder.ingest import plain, srt
from cmo_coder.ingest.normalise import clean_name

SRT = ("1\n00:00:01,000 --> 00:00:02,000\n(Mrs Jenkins: will you come in\n\n"
       "2\n00:00:03,000 --> 00:00:04,000\nAmy Lo: yes I will\n")


def test_a_cue_opening_with_a_bracket_before_its_label_gives_the_name_without_it() -> None:
    """The label "(Mrs Jenkins" went into the import's advice and the manifest line a team copies."""
    utts = srt.read(SRT, "c.srt")
    assert [(u.speaker, u.text) for u in utts] == [("Mrs Jenkins", "will you come in"), ("Amy Lo", "yes I will")]


def test_only_a_bracket_nothing_pairs_leaves_a_name() -> None:
    assert clean_name("(Mrs Jenkins") == "Mrs Jenkins"
    assert clean_name("[ Dr Ola Ade") == "Dr Ola Ade"
    assert clean_name("Amy Lo)") == "Amy Lo"
    assert clean_name("Amy Lo (RWT)") == "Amy Lo (RWT)"  # a pair is the name's own
    assert clean_name("(Interviewer)") == "(Interviewer)"
    assert clean_name("(") == "("  # never emptied


def test_a_sheet_of_cr_rows_whose_cells_hold_lf_reads_row_by_row() -> None:
    """An old Mac's or Excel's "CSV (Macintosh)" save: LF inside a quoted context, CR between rows. The reader took
    any LF for the row end, the rows ran together and the sheet was refused."""
    text = 'surface,decision,context\r"Amy\nLo",accept,"she said\nAmy Lo"\r"Ben ""B"" Roe",reject,x\r'
    header, rows = parse(text, "d.csv", ["surface", "decision", "context"])
    assert header == ["surface", "decision", "context"]
    assert list(rows) == [(2, ["Amy\nLo", "accept", "she said\nAmy Lo"]), (3, ['Ben "B" Roe', "reject", "x"])]


def test_a_sheet_of_crlf_or_lf_rows_whose_cells_hold_cr_still_reads() -> None:
    for end in ("\r\n", "\n"):
        text = f'surface,decision{end}"Amy\rLo",accept{end}Ben,reject{end}'
        _, rows = parse(text, "d.csv", ["surface", "decision"])
        assert list(rows) == [(2, ["Amy\rLo", "accept"]), (3, ["Ben", "reject"])]


def _meet(attendees: str) -> str:
    return (f"Ward huddle (2026-05-13 13:02 GMT+1) - Transcript\nAttendees\n{attendees}\nTranscript\n00:00:00\n"
            "Amy Lo: Right, shall we start?\n")


def test_a_meet_attendee_over_81_characters_is_an_attendee() -> None:
    """The name pattern stopped at 81 characters, so the whole header was read as the file's heading and no
    attendee was taken from it: a person of the meeting nobody was told about."""
    long_name = "Siobhan Nic Fhionnlaoich-" + "Ó Súilleabháin-" * 5 + "MacGiolla Bhríde"
    assert len(long_name) > 81
    utts, attendees = plain.read_with_attendees(_meet(f"Amy Lo, {long_name}"), "m.txt")
    assert attendees == ["Amy Lo", long_name]
    assert [(u.speaker, u.text) for u in utts] == [("Amy Lo", "Right, shall we start?")]


def test_a_meet_attendee_with_an_organisation_in_brackets_is_an_attendee() -> None:
    utts, attendees = plain.read_with_attendees(_meet("Amy Lo, Hope Barley (NHS Fife), R&D / Audit"), "m.txt")
    assert attendees == ["Amy Lo", "Hope Barley (NHS Fife)", "R&D / Audit"]
    assert "Hope" not in " ".join(u.text for u in utts)


def test_a_line_with_a_colon_is_still_no_attendee_line() -> None:
    """The header stays Meet's by its structure: a turn's label ("Amy Lo: hi") is no attendee."""
    _, attendees = plain.read_with_attendees(_meet("Amy Lo: hi"), "m.txt")
    assert attendees == []


def test_a_webvtt_title_or_note_is_no_speech_but_is_said() -> None:
    """A comment ("NOTE Meeting: Sarah Pennington, Ryde") and a header's title were dropped without a word: a person
    nobody was told about. They stay out of the turns and the import says, by kind and count, that they were there."""
    from cmo_coder.ingest import detect

    text = ("WEBVTT - Interview with Jo Bloggs\n\nNOTE Meeting: Sarah Pennington, Ryde\n\n"
            "1\n00:00:01.000 --> 00:00:02.000\n<v Amy Lo>Hello there\n\nNOTE\n\n"
            "2\n00:00:03.000 --> 00:00:04.000\n<v Ben Roe>Hi\n")
    parsed = detect.parse(text.encode(), "c.vtt")
    assert [(u.speaker, u.text) for u in parsed.utterances] == [("Amy Lo", "Hello there"), ("Ben Roe", "Hi")]
    [said] = parsed.warnings
    assert said.startswith("left out as no speech: the words of the WebVTT header, 1 NOTE comment(s)")
    assert not any(w in said for w in ("Jo", "Bloggs", "Sarah", "Ryde"))  # a warning names nobody


def test_a_webvtt_of_cues_and_settings_alone_says_nothing() -> None:
    from cmo_coder.ingest import detect

    text = "WEBVTT\nKind: captions\nLanguage: en\n\n00:00:01.000 --> 00:00:02.000\nhello there\n"
    assert detect.parse(text.encode(), "y.vtt").warnings == []


def test_a_meet_header_of_many_lines_of_attendees_is_meets() -> None:
    """Google Docs wraps a long list of attendees; at a seventh line the header was no header and nobody in it was
    taken for an attendee."""
    names = [f"Person {chr(65 + i)}{chr(97 + j)}" for i in range(10) for j in range(4)]
    lines = "\n".join(", ".join(names[k:k + 4]) for k in range(0, len(names), 4))
    utts, attendees = plain.read_with_attendees(_meet(lines), "m.txt")
    assert attendees == names
    assert [(u.speaker, u.text) for u in utts] == [("Amy Lo", "Right, shall we start?")]


def test_an_otter_exports_title_and_keywords_are_said_by_count() -> None:
    """The lines above Otter's first speaker (a title naming the interviewee, keywords) were dropped without a
    word; they stay out of the turns and the import says how many there were, never what they say."""
    from cmo_coder.ingest import detect

    text = ("Interview with Jo Bloggs, Ryde\n\nSUMMARY KEYWORDS\nclinic, ryde, jo\n\n"
            "Amy Lo  0:00\nHello there.\n\nJo Bloggs  0:05\nHi.\n")
    parsed = detect.parse(text.encode(), "o.txt")
    assert [(u.speaker, u.text) for u in parsed.utterances] == [("Amy Lo", "Hello there."), ("Jo Bloggs", "Hi.")]
    [said] = parsed.warnings
    assert said.startswith("left out as no speech: 3 line(s) above the first speaker")
    assert "Ryde" not in said and "Jo" not in said


@pytest.mark.parametrize("attach", [[], {}, ["previous"], 1, None])
def test_speechmatics_punctuation_attaching_to_no_word_is_refused_naming_the_result(attach: object) -> None:
    """Found by the Speechmatics target at scale 20: ``attaches_to`` as a list or an object was looked up in a set,
    ``TypeError: unhashable type``, an internal error where the file should be refused."""
    import json

    from cmo_coder.ingest import detect
    from cmo_coder.ingest.utterance import ParseError

    job = {"format": "2.9", "job": {"id": "j"}, "metadata": {}, "results": [
        {"type": "word", "start_time": 0.0, "end_time": 0.3, "alternatives": [{"content": "so", "speaker": "S1"}]},
        {"type": "punctuation", "attaches_to": attach, "start_time": 0.3, "end_time": 0.3,
         "alternatives": [{"content": "."}]}]}
    with pytest.raises(ParseError, match=r"^job\.json: result 2: punctuation attaching to "):
        detect.parse(json.dumps(job).encode(), "job.json")


def test_a_transcript_quoted_in_a_reply_gives_its_speakers_without_the_marks() -> None:
    """A colleague's reply quoting the transcript: every speaker was "> Anna Reid" (no manifest line matches it, and
    the advice's line kept the mark), and the attribution line gave the typist's name and address as speech."""
    from email.message import EmailMessage

    from cmo_coder.ingest import detect

    msg = EmailMessage()
    msg["From"] = "Anna Reid <anna@uni.example>"
    msg["To"] = "Team <team@uni.example>"
    msg["Subject"] = "Re: transcript"
    msg["Date"] = "Mon, 16 Nov 2026 10:02:00 +0000"
    msg.set_content("Thanks, see below.\n\nOn Mon, 16 Nov 2026 at 09:41, Typing Desk <desk@typing.example> wrote:\n"
                    "> Anna Reid: Where do you go?\n> Sam Roe: To the clinic.\n>\n>> Anna Reid: Thanks.\n")
    parsed = detect.parse(msg.as_bytes(), "r.eml")
    assert [(u.speaker, u.text) for u in parsed.utterances] == [
        (None, "Thanks, see below."), ("Anna Reid", "Where do you go?"), ("Sam Roe", "To the clinic."),
        ("Anna Reid", "Thanks.")]
    assert any("1 reply attribution line(s)" in w for w in parsed.warnings)
    assert any(w.startswith("4 line(s) quoted in a reply") for w in parsed.warnings)
