"""The formats the fifteenth new study brought (``tests/data/fifteenth_study``): a Markdown transcript as MacWhisper
exports it (``**Speaker 1** [00:00:02]``) and one typed in a notes app (``### Hope`` headings), an Excel workbook of
turns, a drop-in group's captions whose ``[crosstalk]`` and ``[laughter]`` were read as speakers, a Teams VTT of
``Surname, Given (Organisation)`` voices and a DOCX as Trint sends it, both named after the interviewee. Each reader
is held to keeping every word of speech and inventing none, with offsets that slice exactly (property tests), and
to refusing hostile input with a one-line error."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.markdown_transcript import looks_like_markdown
from cmo_coder.ingest.sound_events import is_sound_event
from cmo_coder.ingest.source import read_source
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat

STUDY = Path(__file__).parent / "data" / "fifteenth_study" / "transcripts"


def _turns(data: bytes, name: str) -> tuple[list[tuple[str | None, str]], list[str], SourceFormat]:
    got = read_source(data, name)
    return [(t.speaker_name, got.canon.text[t.start:t.end]) for t in got.canon.turns], got.warnings, got.format


# -- Markdown -------------------------------------------------------------------------------------------------------
def test_the_studys_macwhisper_markdown_is_read_turn_by_turn_with_times() -> None:
    data = (STUDY / "newlyn_fishermen.md").read_bytes()
    got = read_source(data, "t.md")
    turns = [(t.speaker_name, got.canon.text[t.start:t.end]) for t in got.canon.turns]
    assert got.format is SourceFormat.plain_md and not got.warnings
    assert turns[0] == (None, "Newlyn – fishermen's health interview\nTranscribed with MacWhisper, checked by PC")
    assert {who for who, _ in turns} == {None, "Speaker 1", "Speaker 2"} and len(turns) == 18
    assert turns[2][1].startswith("Proper job, no bother. I've skippered the Girl Rachel out of Newlyn")
    assert "they sort the dentist\nthey sort the grants" in turns[6][1]  # a list's items are lines
    assert "*" not in got.canon.text and "**" not in got.canon.text
    assert [t.start_time for t in got.canon.turns[1:4]] == [2.0, 11.0, 34.0]


def test_the_studys_notes_app_markdown_reads_repeated_headings_as_speakers_and_keeps_the_title() -> None:
    turns, _, fmt = _turns((STUDY / "birkenhead_idva_notes.md").read_bytes(), "t.md")
    assert fmt is SourceFormat.plain_md
    assert [who for who, _ in turns] == [None, "Interviewer", "Hope"] * 1 + ["Interviewer", "Hope"] * 2 + [
        "Interviewer"]
    assert turns[0][1].startswith("IDVA team – Wirral (notes, typed up after the interview)\nStudy: HARBOUR")
    assert "Mostly through MARAC, some from Merseyside Police" in turns[2][1]
    assert "Refuge and Women's Aid do the national bed search\nClare's Law requests" in turns[4][1]


@pytest.mark.parametrize(("text", "expected"), [
    ("**Interviewer:** How are you?\n**Jago:** Proper job.\n", [("Interviewer", "How are you?"),
                                                               ("Jago", "Proper job.")]),
    ("**Interviewer**: How are you?\n\n**Jago**: Fine.\nStill fine.\n", [("Interviewer", "How are you?"),
                                                                       ("Jago", "Fine. Still fine.")]),
    ("__Kerensa__ (00:01:02)\nHello.\n\n__Jowan__ (00:01:09)\n> Hi *there*, \\*mate\\*.\n",
     [("Kerensa", "Hello."), ("Jowan", "Hi there, *mate*.")]),
    ("# Interview_Morwenna_Pascoe_v2\n\n## Piran\nHi.\n## Morwenna\nHiya.\n## Piran\nBye.\n",
     [(None, "Interview_Morwenna_Pascoe_v2"), ("Piran", "Hi."), ("Morwenna", "Hiya."), ("Piran", "Bye.")]),
])
def test_markdown_labels_in_their_written_forms(text: str, expected: list[tuple[str | None, str]]) -> None:
    turns, _, fmt = _turns(text.encode(), "t.md")
    assert fmt is SourceFormat.plain_md and turns == expected


def test_a_word_inside_underscores_and_a_heading_said_once_stay_whole() -> None:
    turns, _, _ = _turns(b"### Hope\nsee snake_case and __init__ here\n### Kim\n#### Notes on Jago Rowe\nok\n"
                         b"### Hope\nyes\n", "t.md")
    assert turns[0] == ("Hope", "see snake_case and init here")  # dunder emphasis is emphasis; the word stays
    assert turns[1] == ("Kim", "Notes on Jago Rowe\nok")  # a heading said once is text, never dropped


@pytest.mark.parametrize("text", [
    "# Minutes\n\nWe met on Tuesday. **Action:** none.\n",  # one bold label is a note, not a transcript
    "Interviewer: hello\nRespondent: hi\n",  # a plain transcript stays the plain reader's
])
def test_text_that_is_no_markdown_transcript_is_not_taken_for_one(text: str) -> None:
    assert not looks_like_markdown(text)


def test_a_markdown_file_with_labels_but_no_speech_is_refused() -> None:
    with pytest.raises(ParseError, match="no speech"):
        detect.parse(b"**A:**\n**B:**\n", "t.md")


_WORD = st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCXYZéñ0123456789',.?!-&\"")), min_size=1,
                max_size=8)
_MD_WORD = _WORD.filter(lambda w: w.strip("-") != "")
"""A word that is no list's bullet where it opens a line ("- ", which Markdown reads as one)."""
_TURN = st.tuples(st.sampled_from(["Interviewer", "Jowan", "Speaker 2"]), st.lists(_MD_WORD, min_size=1, max_size=8))


@settings(max_examples=40, deadline=None)
@example([("Interviewer", ["&lt"])], "bold")  # a legacy entity without its ";" is text, not "<"
@given(st.lists(_TURN, min_size=1, max_size=10), st.sampled_from(["bold", "heading", "inline"]))
def test_markdown_turns_keep_every_word_and_offsets_slice(turns: list[tuple[str, list[str]]], form: str) -> None:
    """Every word of every turn comes back in order under its speaker, and each turn slices the text exactly. A
    file writes its labels one way; the first speaker speaks again at the end, as an interviewer thanks."""
    turns = [*turns, turns[0]]
    lines = []
    for who, words in turns:
        said = " ".join(words)
        lines += {"bold": [f"**{who}** [00:00:01]", said], "heading": [f"### {who}", said],
                  "inline": [f"**{who}:** {said}"]}[form] + [""]
    parsed = detect.parse("\n".join(lines).encode(), "t.md")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    got: list[str] = []
    for t in canon.turns:
        assert t.speaker_name is not None
        assert canon.text[t.start:t.end] == canon.text[t.start:t.end].strip()
        got += canon.text[t.start:t.end].split()
    assert got == [w for _, words in turns for w in " ".join(words).split()]


# -- Excel workbooks --------------------------------------------------------------------------------------------------
def _xlsx(rows: list[list[str]], sheets: int = 1, sheet_xml: str | None = None, strings: str | None = None) -> bytes:
    """A workbook as Excel writes one: shared strings, a workbook part naming its sheets, relationships."""
    shared: list[str] = []
    body = []
    for r, row in enumerate(rows, 1):
        cells = []
        for c, value in enumerate(row):
            if value not in shared:
                shared.append(value)
            cells.append(f'<c r="{chr(65 + c)}{r}" t="s"><v>{shared.index(value)}</v></c>')
        body.append(f'<row r="{r}">{"".join(cells)}</row>')
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", f"<workbook {ns} {rel}><sheets>" + "".join(
            f'<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, sheets + 1)) + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", "<Relationships>" + "".join(
            f'<Relationship Id="rId{i}" Target="worksheets/sheet{i}.xml"/>' for i in range(1, sheets + 1))
            + "</Relationships>")
        z.writestr("xl/sharedStrings.xml", strings if strings is not None else f"<sst {ns}>" + "".join(
            f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in shared) + "</sst>")
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml or f"<worksheet {ns}><sheetData>{''.join(body)}"
                   "</sheetData></worksheet>")
        for i in range(2, sheets + 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", f"<worksheet {ns}><sheetData/></worksheet>")
    return buf.getvalue()


def test_the_studys_workbook_is_read_as_a_table_of_turns() -> None:
    turns, warnings, fmt = _turns((STUDY / "anfield_dental_access.xlsx").read_bytes(), "t.xlsx")
    assert fmt is SourceFormat.xlsx_table and not warnings
    assert [who for who, _ in turns] == ["Interviewer", "Hodan"] * 5 + ["Interviewer"]
    assert turns[1][1].startswith("We came from Somalia through Yemen, 2016. First Bootle, now Anfield")


def test_a_workbooks_times_inline_and_rich_strings_and_other_sheets() -> None:
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet = (f'<worksheet {ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Start</t></is></c>'
             '<c r="B1" t="inlineStr"><is><t>Speaker</t></is></c><c r="C1" t="inlineStr"><is><t>Text</t></is></c>'
             '</row><row r="2" hidden="1"><c r="A2"><v>2.3148148148148147E-5</v></c><c r="B2" t="s"><v>0</v></c>'
             '<c r="C2" t="s"><v>1</v></c></row><row r="3"><c r="A3"><v>0.00011574074074074075</v></c>'
             '<c r="B3" t="str"><f>"Ka"&amp;"ho"</f><v>Kaho</v></c><c r="C3" t="inlineStr"><is><t>Sound, la.</t>'
             '</is></c></row></sheetData></worksheet>')
    strings = (f'<sst {ns}><si><t>Wai Ling</t></si><si><r><t>Proper </t></r><r><rPr><b/></rPr><t>job</t></r>'
               '<rPh><t>ジョブ</t></rPh></si></sst>')
    parsed = detect.parse(_xlsx([], sheets=2, sheet_xml=sheet, strings=strings), "t.xlsx")
    assert [(u.speaker, u.text, u.start_time) for u in parsed.utterances] == [
        ("Wai Ling", "Proper job", 2.0), ("Kaho", "Sound, la.", 10.0)]
    assert any("only the first of the workbook's 2 sheets" in w for w in parsed.warnings)
    assert not any("Wai" in w for w in parsed.warnings)


def test_a_cell_beyond_the_header_and_a_workbook_without_sheets_are_refused() -> None:
    with pytest.raises(ParseError, match="row 2 of the first sheet has a cell beyond the header"):
        detect.parse(_xlsx([["Speaker", "Text"], ["Hodan", "Hello", "Abdi Warsame"]]), "t.xlsx")
    with pytest.raises(ParseError, match="not a transcript table's header"):
        detect.parse(_xlsx([["Name", "Age"], ["Hodan", "40"]]), "t.xlsx")


@pytest.mark.parametrize(("sheet", "message"), [
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "Darren Fish">]><worksheet><sheetData><row><c t="inlineStr">'
     "<is><t>&e;</t></is></c></row></sheetData></worksheet>", "DOCTYPE|not well-formed"),
    ("<worksheet><sheetData><row><c", "not well-formed"),
    ('<worksheet><sheetData><row><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
     "beyond column"),
    ('<worksheet><sheetData><row><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>',
     "shared string 99"),
])
def test_hostile_or_broken_workbook_xml_is_refused(sheet: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        detect.parse(_xlsx([], sheet_xml=sheet), "t.xlsx")


def test_a_workbook_zip_bomb_and_a_truncated_workbook_are_refused() -> None:
    from cmo_coder.ingest import docx_reader

    big = [["Speaker", "Text"], ["A", "a" * (docx_reader.MAX_DOCUMENT_XML + 10)]]
    with pytest.raises(ParseError, match="zip bomb"):
        detect.parse(_xlsx(big), "bomb.xlsx")
    whole = (STUDY / "anfield_dental_access.xlsx").read_bytes()
    for cut in (len(whole) // 3, len(whole) - 30):
        with pytest.raises(ParseError):
            detect.parse(whole[:cut], "cut.xlsx")


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Interviewer", "Hodan"]), st.lists(_WORD, min_size=1, max_size=6)),
                min_size=1, max_size=8))
def test_workbook_rows_keep_every_word_and_offsets_slice(rows: list[tuple[str, list[str]]]) -> None:
    data = _xlsx([["Speaker", "Text"], *[[who, " ".join(words)] for who, words in rows]])
    parsed = detect.parse(data, "t.xlsx")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    got: list[str] = []
    for t in canon.turns:
        assert canon.text[t.start:t.end] == canon.text[t.start:t.end].strip()
        got += canon.text[t.start:t.end].split()
    assert got == [w for _, words in rows for w in " ".join(words).split()]


# -- captions: a sound in brackets is no speaker --------------------------------------------------------------------
def test_the_studys_drop_in_captions_have_no_crosstalk_or_laughter_speaker() -> None:
    turns, _, fmt = _turns((STUDY / "toxteth_dropin_captions.srt").read_bytes(), "t.srt")
    assert fmt is SourceFormat.srt and [who for who, _ in turns] == [None]
    assert "[crosstalk] scouse get the biscuits" in turns[0][1] and "[laughter] liverpool fc" in turns[0][1]


@pytest.mark.parametrize("label", ["crosstalk", "CROSSTALK", "cross talk", "laughter", "laughs", "inaudible 00:12:03",
                                   "music playing", "phone rings", "dog barking", "overlapping speech", "pause"])
def test_a_bracketed_sound_is_no_speaker(label: str) -> None:
    assert is_sound_event(label)
    srt = f"1\n00:00:01,000 --> 00:00:02,000\n[Jacko] right\n\n2\n00:00:02,000 --> 00:00:03,000\n[{label}] so\n"
    turns, _, _ = _turns(srt.encode(), "t.srt")
    assert turns == [("Jacko", f"right [{label}] so")]


@pytest.mark.parametrize("label", ["Sam", "SPEAKER 2", "all", "both", "Dog", "Baby", "Kelly", "Music Man"])
def test_a_bracketed_name_or_group_is_still_a_speaker(label: str) -> None:
    assert not is_sound_event(label)


# -- the files named after the interviewee ------------------------------------------------------------------------
def test_a_teams_vtt_of_surname_given_organisation_voices_and_a_trint_docx_are_read() -> None:
    turns, _, fmt = _turns((STUDY / "Kelly Rowe 12-03.vtt").read_bytes(), "Kelly Rowe 12-03.vtt")
    assert fmt is SourceFormat.teams_vtt
    assert {who for who, _ in turns} == {"Curnow, Piran (University of Exeter)", "Pascoe, Tamsin (Cornwall Council)",
                                         "Kelly Rowe"}
    turns, _, fmt = _turns((STUDY / "Interview_Morwenna_Pascoe_v2.docx").read_bytes(), "x.docx")
    assert fmt is SourceFormat.plain_docx and turns[0] == (None, "Interview_Morwenna_Pascoe_v2\nTranscribed by Trint")
    assert [who for who, _ in turns[1:3]] == ["Piran Curnow", "Morwenna Pascoe"]
