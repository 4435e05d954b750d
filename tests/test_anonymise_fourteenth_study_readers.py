"""The formats the fourteenth new study brought (``tests/data/fourteenth_study``): an ODT typed in LibreOffice, a CSV
of turns as editors and spreadsheets export it, an RTF as transcription services send it (bold labels, ``\\par``
paragraphs, the interviewee's name in the page header), a Word document whose page header, comments, footnotes and
text box hold names, a PDF saved from a word processor, and the files the import refuses with advice (a legacy
.doc; an Excel workbook was refused too, until the fifteenth study). Each reader is held to keeping every word of
speech and inventing none, with offsets that slice exactly (property tests), and to refusing hostile input (a zip
bomb, entities, a truncated archive, a row of the wrong shape) with a one-line error."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.source import read_source
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat

STUDY = Path(__file__).parent / "data" / "fourteenth_study" / "transcripts"
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def _odt(body: str, styles: str = "", mimetype: str = "application/vnd.oasis.opendocument.text",
         content: str | None = None) -> bytes:
    """An ODT as LibreOffice writes one: ``mimetype`` first and stored, then the XML parts."""
    xml = content if content is not None else (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS}><office:body><office:text>'
        f"{body}</office:text></office:body></office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        z.writestr("content.xml", xml, compress_type=zipfile.ZIP_DEFLATED)
        if styles:
            z.writestr("styles.xml", f'<?xml version="1.0"?><office:document-styles {_NS} '
                       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"><office:master-styles>'
                       f"{styles}</office:master-styles></office:document-styles>", compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _turns(data: bytes, name: str) -> tuple[list[tuple[str | None, str]], list[str], SourceFormat]:
    got = read_source(data, name)
    return [(t.speaker_name, got.canon.text[t.start:t.end]) for t in got.canon.turns], got.warnings, got.format


# -- ODT ------------------------------------------------------------------------------------------------------------
def test_the_studys_odt_is_read_turn_by_turn() -> None:
    turns, warnings, fmt = _turns((STUDY / "wisbech_link_worker.odt").read_bytes(), "t.odt")
    assert fmt is SourceFormat.plain_odt and not warnings
    assert {who for who, _ in turns} == {None, "Interviewer", "Holly"} and len(turns) == 17
    assert turns[2][1].startswith("Well, bor, it's all on the huh this week.")


def test_an_odts_notes_comments_boxes_and_deletions_are_no_speech_and_are_counted() -> None:
    body = ('<text:p><text:span>Interviewer:</text:span><text:tab/>So how<text:s text:c="2"/>was it?</text:p>'
            '<text:p>Respondent: Fine<office:annotation><dc:creator>T</dc:creator><text:p>Check spelling: '
            'Mindaugas?</text:p></office:annotation>, thanks<text:note text:note-class="footnote"><text:note-body>'
            '<text:p>Ms Fenn asked for this out.</text:p></text:note-body></text:note>.<text:line-break/>'
            'Second line.</text:p>'
            '<text:p><draw:frame><draw:text-box><text:p>Heather\'s notes: Dale rang</text:p></draw:text-box>'
            '</draw:frame>Interviewer: And then?</text:p>'
            '<text:tracked-changes><text:changed-region><text:deletion><text:p>Respondent: Joe Bloggs said '
            'so.</text:p></text:deletion></text:changed-region></text:tracked-changes>'
            '<table:table><table:table-row><table:table-cell><text:p>Respondent</text:p></table:table-cell>'
            '<table:table-cell><text:p>We went home.</text:p></table:table-cell></table:table-row></table:table>')
    styles = '<style:master-page><style:header><text:p>Interview 4 – Heather Fenn</text:p></style:header>' \
             '</style:master-page>'
    turns, warnings, _ = _turns(_odt(body, styles), "t.odt")
    assert turns == [("Interviewer", "So how was it?"), ("Respondent", "Fine, thanks. Second line."),
                     ("Interviewer", "And then?"), ("Respondent", "We went home.")]
    said = " ".join(s for _, s in turns)
    assert "Mindaugas" not in said and "Fenn" not in said and "Dale" not in said and "Bloggs" not in said
    assert len(warnings) == 2 and "1 comment(s)" in warnings[0] and "1 footnote(s)" in warnings[0]
    assert "1 text box" in warnings[0] and "page header" in warnings[0] and "Heather" not in warnings[0]
    assert warnings[1] == "tracked changes read as accepted: 1 tracked deletion(s), left out"


def test_an_odt_without_speech_or_with_another_odf_kind_is_refused_with_advice() -> None:
    with pytest.raises(ParseError, match="no text"):
        detect.parse(_odt("<text:p/>"), "t.odt")
    with pytest.raises(ParseError, match="OpenDocument spreadsheet.*save the transcript"):
        detect.parse(_odt("<text:p>x</text:p>", mimetype="application/vnd.oasis.opendocument.spreadsheet"), "t.ods")


@pytest.mark.parametrize(("content", "message"), [
    ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "Joe Bloggs">]><office:document-content ' + _NS
     + '><office:body><office:text><text:p>A: &e;</text:p></office:text></office:body></office:document-content>',
     "DOCTYPE|not well-formed"),
    ('<?xml version="1.0"?><office:document-content ' + _NS + '><office:body><office:text><text:p>A: x',
     "not well-formed"),
    ('<?xml version="1.0"?><html><body><p>A: x</p></body></html>', "not office:document-content|no office:body"),
])
def test_hostile_or_broken_odt_xml_is_refused(content: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        detect.parse(_odt("", content=content), "t.odt")


def test_an_odt_zip_bomb_and_a_truncated_odt_are_refused() -> None:
    from cmo_coder.ingest import docx_reader

    big = "<text:p>A: " + "a" * (docx_reader.MAX_DOCUMENT_XML + 10) + "</text:p>"
    with pytest.raises(ParseError, match="zip bomb"):
        detect.parse(_odt(big), "bomb.odt")
    whole = (STUDY / "wisbech_link_worker.odt").read_bytes()
    for cut in (len(whole) // 3, len(whole) - 30):
        with pytest.raises(ParseError):
            detect.parse(whole[:cut], "cut.odt")


_WORD = st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCXYZéñ0123456789',.?!-&\"")), min_size=1,
                max_size=8)
"""A word of speech; "<" and ">" aside, which the normaliser reads as a cue's tags in every format."""
_PARA = st.tuples(st.sampled_from(["Interviewer", "Holly", None]), st.lists(_WORD, min_size=1, max_size=8))


@settings(max_examples=40, deadline=None)
@given(st.lists(_PARA, min_size=1, max_size=10))
def test_odt_paragraphs_keep_every_word_and_offsets_slice(paras: list[tuple[str | None, list[str]]]) -> None:
    """Every word of every paragraph comes back in order, and each turn slices the canonical text to its speech
    (labels aside: the plain reader decides which ``Name:`` is a label, as it does for every document)."""
    from xml.sax.saxutils import escape

    body = "".join(f"<text:p>{escape(who) + ':' if who else ''}<text:s/>{escape(' '.join(words))}</text:p>"
                   for who, words in paras)
    parsed = detect.parse(_odt(body), "t.odt")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    labels = {"Interviewer:", "Holly:"}
    got: list[str] = []
    for t in canon.turns:
        assert canon.text[t.start:t.end] == canon.text[t.start:t.end].strip()
        got += [w for w in canon.text[t.start:t.end].split() if w not in labels]
    assert got == [w for _, words in paras for w in " ".join(words).split() if w not in labels]


# -- CSV ------------------------------------------------------------------------------------------------------------
def test_the_studys_csv_is_read_row_by_row_with_times() -> None:
    turns, warnings, fmt = _turns((STUDY / "haverigg_health_team.csv").read_bytes(), "t.csv")
    assert fmt is SourceFormat.csv_table and not warnings
    assert [who for who, _ in turns] == ["Tom Buckle", "Brook Kendal"] * 5
    got = read_source((STUDY / "haverigg_health_team.csv").read_bytes(), "t.csv")
    assert [t.start_time for t in got.canon.turns][:3] == [0.0, 7.1, 21.4]


def test_a_csv_of_another_shape_is_read_or_refused_with_its_line() -> None:
    text = ("Speaker;Start Time;Text;Confidence\r\nJo Smith;00:00:01.500;Hello, all.;0.9\r\n;00:00:03;\"And more, "
            "quoted; here.\";0.8\r\nSam;0:05;\"Two\nlines\";0.7\r\n")
    turns, warnings, _ = _turns(text.encode(), "t.csv")
    assert turns == [("Jo Smith", 'Hello, all. And more, quoted; here.'), ("Sam", "Two lines")]
    assert warnings == ["column(s) not read as speech: 'Confidence'"]
    with pytest.raises(ParseError, match="line 3: 2 cells"):
        detect.parse(b"start,end,speaker,text\n0,1,A,hi\n1,2\n", "t.csv")
    with pytest.raises(ParseError, match="line 2: the start 'soon' is no time"):
        detect.parse(b"start,end,speaker,text\nsoon,1,A,hi\n", "t.csv")
    with pytest.raises(ParseError, match="no speech"):
        detect.parse(b"start,end,speaker,text\n0,1,A,\n", "t.csv")


@pytest.mark.parametrize("first", ["Interviewer: speaker, text and time", "name,text", "start,end,text",
                                   "So the speaker said the text, and then: more"])
def test_a_line_that_is_no_header_is_no_csv(first: str) -> None:
    from cmo_coder.ingest.csv_transcript import looks_like_csv

    assert looks_like_csv(first) is (first == "name,text")


def test_a_csv_in_windows_1252_is_read_with_a_warning() -> None:
    data = "speaker,text\nJoão,Olá obrigado\n".encode("cp1252")
    turns, warnings, _ = _turns(data, "t.csv")
    assert turns == [("João", "Olá obrigado")] and any("1252" in w for w in warnings)


_CELL = st.text(st.sampled_from(list("abcdefghij XYZé,;'\"\n")), min_size=1, max_size=12).filter(
    lambda s: s.strip() != "")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Jo", "Sam Reed", ""]), _CELL), min_size=1, max_size=12))
def test_csv_rows_keep_every_word_and_offsets_slice(rows: list[tuple[str, str]]) -> None:
    import csv

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["start", "end", "speaker", "text"])
    for i, (who, said) in enumerate(rows):
        writer.writerow([i, i + 1, who, said])
    parsed = detect.parse(buf.getvalue().encode(), "t.csv")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    for t in canon.turns:
        assert canon.text[t.start:t.end] == canon.text[t.start:t.end].strip()
    said = " ".join(canon.text[t.start:t.end] for t in canon.turns).split()
    assert said == " ".join(s for _, s in rows).split()


# -- RTF ------------------------------------------------------------------------------------------------------------
def test_the_studys_rtf_is_read_turn_by_turn_and_its_header_is_left_out() -> None:
    turns, warnings, fmt = _turns((STUDY / "kings_lynn_pharmacist.rtf").read_bytes(), "t.rtf")
    assert fmt is SourceFormat.plain_rtf and len(turns) == 12
    assert [who for who, _ in turns[:2]] == ["INTERVIEWER", "AMBER"]
    said = " ".join(s for _, s in turns)
    assert "Grzegorz Wiśniewski" in said and "Łukasz" in said and "café" in said
    assert "Amber Shepherd" not in said and "14/03/2025" not in said
    assert warnings == ["left out as no speech: the page header (check them in the original for anything the "
                        "transcript needs)"]


def test_an_rtfs_notes_shapes_and_ignorable_destinations_are_no_speech() -> None:
    rtf = (r"{\rtf1\ansi\ansicpg1252\uc1{\fonttbl{\f0 Arial;}}{\*\generator Riched20;}{\info{\author Joe Bloggs}}"
           r"{\footer\pard Heather Fenn\par}\pard{\b Interviewer:}\tab Caf\'e9 or pub\emdash which?"
           r"{\*\atnid TR}{\*\annotation{\*\atnauthor TR} Check spelling: Mindaugas?}\par"
           r"{\b Respondent:} Caf\u233\'e9, ta{\footnote\pard Ms Fenn asked.}. {\shp{\*\shpinst{\shptxt Dale rang}}}"
           r"{\pict\bin4 \}{}x}Done\line Next line\par}")
    turns, warnings, _ = _turns(rtf.encode("ascii"), "t.rtf")
    assert turns == [("Interviewer", "Café or pub—which?"), ("Respondent", "Café, ta. Done Next line")]
    assert len(warnings) == 1 and all(w in warnings[0] for w in ("1 footnote(s)", "1 comment(s)",
                                                                  "1 text box(es) or shape(s)", "the page footer"))
    assert "Fenn" not in warnings[0] and "Bloggs" not in warnings[0]


@pytest.mark.parametrize(("data", "message"), [
    (b"{\\rtf1 " + b"{" * 600 + b"x" + b"}" * 601, "nest over"),
    (b"{\\rtf1\\ansi {\\b Interviewer:} Hello there\\par {\\b Respondent:} Hi", "truncated"),
    (b"{\\rtf1\\ansi\\par}", "no text"),
])
def test_hostile_or_broken_rtf_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        detect.parse(data, "t.rtf")


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
    return "".join(out)


_RTF_WORD = st.text(st.sampled_from(list("abcdefghijXYZ0123456789',.?!-éŁśçø{}\\\"")), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Interviewer", "Amber", None]), st.lists(_RTF_WORD, min_size=1,
                                                                                     max_size=8)),
                min_size=1, max_size=10))
def test_rtf_paragraphs_keep_every_word_and_offsets_slice(paras: list[tuple[str | None, list[str]]]) -> None:
    body = "".join((r"{\b " + who + r":}\tab " if who else "") + _rtf_escape(" ".join(words)) + r"\par" + "\n"
                   for who, words in paras)
    parsed = detect.parse((r"{\rtf1\ansi\ansicpg1252{\header Amber Shepherd\par}" + body + "}").encode("ascii"),
                          "t.rtf")
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    labels = {"Interviewer:", "Amber:"}
    got: list[str] = []
    for t in canon.turns:
        assert canon.text[t.start:t.end] == canon.text[t.start:t.end].strip()
        got += [w for w in canon.text[t.start:t.end].split() if w not in labels]
    assert got == [w for _, words in paras for w in " ".join(words).split() if w not in labels]


# -- Word: what lies outside the speech ----------------------------------------------------------------------------
def test_a_docx_text_box_is_no_speech_and_header_comments_footnotes_are_counted() -> None:
    turns, warnings, _ = _turns((STUDY / "cleator_moor_nurse.docx").read_bytes(), "t.docx")
    assert turns[0] == ("Interviewer", "Thanks Heather. So you're the practice nurse at Cleator Moor?")
    said = " ".join(s for _, s in turns)
    assert "notes" not in said and "Check spelling" not in said and "Ms Fenn" not in said
    assert len(warnings) == 1 and all(w in warnings[0] for w in ("page header", "comments", "footnotes",
                                                                  "1 text box"))
    assert "Heather" not in warnings[0] and "Fenn" not in warnings[0]


def test_a_plain_docx_has_no_note_of_parts_left_out() -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Interviewer: Hello.")
    d.add_paragraph("Respondent: Hi.")
    buf = io.BytesIO()
    d.save(buf)
    turns, warnings, _ = _turns(buf.getvalue(), "t.docx")
    assert turns == [("Interviewer", "Hello."), ("Respondent", "Hi.")] and warnings == []


# -- refused with advice --------------------------------------------------------------------------------------------
def test_the_studys_pdf_is_read_turn_by_turn_by_its_initials() -> None:
    turns, warnings, fmt = _turns((STUDY / "maryport_farmer.pdf").read_bytes(), "t.pdf")
    assert fmt is SourceFormat.plain_pdf and warnings == ["read from the text layer of a PDF of 1 page(s)"]
    assert {who for who, _ in turns} == {None, "PN", "JK"} and turns[1] == ("PN", "Tell me how you met Dale.")


@pytest.mark.parametrize(("name", "advice"), [
    ("haverigg_release_focus_group.doc", "legacy Word 97-2003.*save it as .docx or .odt"),
])
def test_a_legacy_doc_is_refused_with_what_to_do(name: str, advice: str) -> None:
    with pytest.raises(ParseError, match=advice):
        detect.parse((STUDY / name).read_bytes(), name)


def test_an_excel_workbook_with_no_sheet_is_refused_with_a_reason() -> None:
    # a workbook is read since the fifteenth study (``xlsx_reader``); one that holds no sheet still says why
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ParseError, match="the workbook has no sheet"):
        detect.parse(buf.getvalue(), "t.xlsx")
