"""Speaker labels set apart by a tab with no colon ("RO<tab>So, could you start..."), as transcription services
and typists lay a Word or text transcript out: read as turns of their speakers. Before, the file was one turn of
the first ``Name:`` line above it (a header of fields), every speaker's words given to the interviewer."""

from __future__ import annotations

import io

import docx

from cmo_coder.ingest import docx_reader, plain


def _speakers(lines: list[str]) -> list[tuple[str | None, str]]:
    said = plain.read_lines([(line, f"line {i}") for i, line in enumerate(lines, 1)], "t.txt")
    return [(u.speaker, u.text) for u in said]


def test_initials_before_a_tab_open_turns_under_a_header_of_fields() -> None:
    said = _speakers(["Interviewer: RO    Interviewee: GP    Transcribed by: a typing service",
                      "RO\tSo, um, what do you do?",
                      "GP\tI'm a link worker in two practices.",
                      "RO\tAnd before that?",
                      "GP\tThe farm, with my dad."])
    turns = [(s, t) for s, t in said if s in ("RO", "GP")]
    assert [s for s, _ in turns] == ["RO", "GP", "RO", "GP"]
    assert turns[1][1] == "I'm a link worker in two practices."


def test_a_names_label_before_a_tab_opens_turns() -> None:
    said = _speakers(["Mared Hughes\tDiolch, thanks for coming.", "Interviewer\tHow long have you farmed?",
                      "Mared Hughes\tForty year, near enough.", "Interviewer\tAnd the lambing?"])
    assert [s for s, _ in said] == ["Mared Hughes", "Interviewer", "Mared Hughes", "Interviewer"]


def test_a_tab_in_speech_or_a_word_before_a_tab_said_once_is_left() -> None:
    said = _speakers(["Nurse: We wrote it down\tthen and there.", "Patient: Then\tI rang the office.",
                      "Nurse: Then\tyou came in.", "Patient: Yes."])
    assert [s for s, _ in said] == ["Nurse", "Patient", "Nurse", "Patient"]
    assert said[1][1].startswith("Then")


def test_a_word_document_in_bold_initials_and_tabs() -> None:
    d = docx.Document()
    d.add_paragraph("Interviewer: TH    Interviewee: KB")
    for who, text in [("TH", "Could you start with the works?"), ("KB", "Thirty year on the furnace."),
                      ("TH", "And the noise?"), ("KB", "Deaf as a post now.")]:
        p = d.add_paragraph()
        p.add_run(who).bold = True
        p.add_run("\t" + text)
    out = io.BytesIO()
    d.save(out)
    _, said = docx_reader.read(out.getvalue(), "interview.docx")
    assert [u.speaker for u in said if u.speaker in ("TH", "KB")] == ["TH", "KB", "TH", "KB"]
