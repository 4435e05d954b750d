"""Hidden text in Word and OpenDocument files (``ingest/docx_hidden.py``, ``ingest/odt_reader.py``): the transcript
is the text as its changes would be accepted. Deleted text holding a name never reaches a turn, inserted text is
never lost, a field's code is never speech, a content control is read as what it shows, alternate content once;
what was there is reported by kind and count, never by content. The property test builds paragraphs of every kind
at random and checks the turns read are exactly the accepted text, with offsets that slice to it."""

from __future__ import annotations

import io
import zipfile

import pytest
from fuzzing import fuzz_settings
from hypothesis import given, settings
from hypothesis import strategies as st
from test_anonymise_fourteenth_study_readers import _odt
from test_ingest_fuzz import XML_HOSTILE, _with_document_xml, check_reads_or_refuses, mutated

from cmo_coder.errors import CmoError
from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.source import read_source

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = (f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')
SECRET = "Zenobia Quartermaine"


def _docx(body: str) -> bytes:
    """A Word document of ``body`` (the XML inside ``w:body``), as Word stores it."""
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}><w:body>{body}</w:body>'
           "</w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def p(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def ins(text: str) -> str:
    return f'<w:ins w:id="1" w:author="Reviewer" w:date="2025-03-12T10:00:00Z">{r(text)}</w:ins>'


def dele(text: str) -> str:
    return (f'<w:del w:id="2" w:author="Reviewer" w:date="2025-03-12T10:00:00Z"><w:r><w:delText xml:space="preserve">'
            f"{text}</w:delText></w:r></w:del>")


def field(code: str, shown: str) -> str:
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {code} '
            f'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{r(shown)}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _read(body: str) -> tuple[list[tuple[str | None, str]], list[str]]:
    got = read_source(_docx(body), "t.docx")
    turns = [(t.speaker_name, got.canon.text[t.start:t.end]) for t in got.canon.turns]
    return turns, got.warnings


def test_deleted_text_never_reaches_a_turn_and_inserted_text_is_read() -> None:
    turns, notes = _read(p(r("Interviewer: Who helped?")) + p(r("Participant: It was "), dele(SECRET),
                                                                  ins("my key worker"), r(", really.")))
    assert turns[-1] == ("Participant", "It was my key worker, really.")
    assert all("Zenobia" not in said for _, said in turns)
    said = " ".join(notes)
    assert "1 deletion(s) left out" in said and "1 insertion(s) kept" in said and "Zenobia" not in said


def test_deleted_text_written_as_plain_text_inside_a_deletion_is_still_left_out() -> None:
    hostile = f'<w:del w:id="3" w:author="x" w:date="2025-03-12T10:00:00Z">{r(SECRET)}</w:del>'
    turns, _ = _read(p(r("R: I saw "), hostile, r("her.")) + p(r("I: Right.")))
    assert turns[0] == ("R", "I saw her.")


def test_moved_text_is_read_once_at_its_new_place() -> None:
    moved_from = f'<w:moveFrom w:id="4" w:author="x" w:date="2025-03-12T10:00:00Z">{r("on Tuesdays ")}</w:moveFrom>'
    moved_to = f'<w:moveTo w:id="5" w:author="x" w:date="2025-03-12T10:00:00Z">{r(" on Tuesdays")}</w:moveTo>'
    turns, notes = _read(p(r("R: We go "), moved_from, r("to the group"), moved_to, r(".")) + p(r("I: Ok.")))
    assert turns[0] == ("R", "We go to the group on Tuesdays.")
    assert "1 move(s) read at their new place" in " ".join(notes)


def test_a_field_code_is_never_speech_and_its_shown_text_is() -> None:
    turns, notes = _read(p(r("R: Email me at "), field("HYPERLINK \"mailto:zq@example.org\"", "my address"),
                           r(" any time.")) + p(r("I: Thanks.")))
    assert turns[0] == ("R", "Email me at my address any time.")
    assert "mailto" not in " ".join(s for _, s in turns) and "HYPERLINK" not in " ".join(s for _, s in turns)
    assert "1 field code(s) not read as speech" in " ".join(notes)


def test_a_field_code_written_as_plain_text_between_begin_and_separate_is_not_speech() -> None:
    odd = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + r("HYPERLINK mailto:zq@example.org")
           + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("here")
           + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    turns, _ = _read(p(r("R: Write "), odd, r(".")) + p(r("I: Ok.")))
    assert turns[0] == ("R", "Write here.")


def test_a_simple_field_gives_its_shown_text_only() -> None:
    simple = f'<w:fldSimple w:instr=" HYPERLINK mailto:zq@example.org ">{r("the clinic")}</w:fldSimple>'
    turns, _ = _read(p(r("R: Ring "), simple, r(".")) + p(r("I: Ok.")))
    assert turns[0] == ("R", "Ring the clinic.")


def test_a_content_control_is_read_as_it_shows_and_its_placeholder_is_not() -> None:
    typed = f"<w:sdt><w:sdtPr><w:alias w:val=\"Answer\"/></w:sdtPr><w:sdtContent>{p(r('R: We walked there.'))}" \
            "</w:sdtContent></w:sdt>"
    empty = ("<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
             f"{p(r('Click or tap here to enter text.'))}</w:sdtContent></w:sdt>")
    inline = f"<w:sdt><w:sdtPr/><w:sdtContent>{r('the ward')}</w:sdtContent></w:sdt>"
    turns, _ = _read(p(r("I: Where?")) + typed + empty + p(r("R: Then to "), inline, r(".")))
    assert turns == [("I", "Where?"), ("R", "We walked there.\nThen to the ward.")]


def test_a_generated_table_of_contents_is_not_read() -> None:
    toc = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
           f"<w:sdtContent>{p(r('Interview with Heather 3'))}</w:sdtContent></w:sdt>")
    turns, _ = _read(toc + p(r("I: Hello.")) + p(r("R: Hi.")))
    assert turns == [("I", "Hello."), ("R", "Hi.")]


def test_hyperlinks_and_smart_tags_are_read_as_their_shown_text() -> None:
    link = f'<w:hyperlink w:history="1">{r("the website")}</w:hyperlink>'
    tag = f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="place">{r("Leeds")}</w:smartTag>'
    turns, _ = _read(p(r("R: I found "), link, r(" in "), tag, r(".")) + p(r("I: Ok.")))
    assert turns[0] == ("R", "I found the website in Leeds.")


def test_alternate_content_is_read_once() -> None:
    alt = (f'<mc:AlternateContent><mc:Choice Requires="w14">{r("☒")}</mc:Choice>'
           f"<mc:Fallback>{r('[x]')}</mc:Fallback></mc:AlternateContent>")
    only_choice = f'<mc:AlternateContent><mc:Choice Requires="w14">{r("yes")}</mc:Choice></mc:AlternateContent>'
    turns, _ = _read(p(r("R: Ticked "), alt, r(" and "), only_choice, r(".")) + p(r("I: Ok.")))
    assert turns[0] == ("R", "Ticked [x] and yes.")


def test_an_images_alt_text_is_never_read_and_is_reported() -> None:
    drawing = (f'<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="Photo of {SECRET} at the '
               'allotment"/></wp:inline></w:drawing></w:r>')
    turns, notes = _read(p(r("R: This is us "), drawing, r("there.")) + p(r("I: Lovely.")))
    assert turns[0] == ("R", "This is us there.")
    assert "the alt text of 1 image(s) not read" in " ".join(notes) and "Zenobia" not in " ".join(notes)


def test_a_document_with_no_hidden_text_has_no_note() -> None:
    assert read_source(_docx(p(r("I: Hello.")) + p(r("R: Hi."))), "t.docx").warnings == []


# -- property: every kind of segment at random, the accepted text read exactly ---------------------------------------
#: Words with the characters XML escapes (markup-like "<x>" is taken out by every reader's normaliser, so none here).
_WORD = st.text(alphabet=st.sampled_from("abcdefghij KLMN&'\"é"), min_size=1, max_size=8).filter(
    lambda w: w.strip() != "")
_SEGMENT = st.tuples(st.sampled_from(["plain", "ins", "del", "field", "simple", "sdt", "link", "movefrom", "moveto"]),
                     _WORD)


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _segment(kind: str, word: str) -> tuple[str, str]:
    """The XML of one segment and the text it gives when the changes are accepted."""
    w = _xml_escape(word)
    if kind == "plain":
        return r(w), word
    if kind == "ins":
        return ins(w), word
    if kind == "del":
        return dele(w), ""
    if kind == "field":
        return field(f"HYPERLINK mailto:{w}", w), word
    if kind == "simple":
        return f'<w:fldSimple w:instr="MERGEFIELD {w}">{r(w)}</w:fldSimple>', word
    if kind == "sdt":
        return f"<w:sdt><w:sdtPr/><w:sdtContent>{r(w)}</w:sdtContent></w:sdt>", word
    if kind == "link":
        return f"<w:hyperlink>{r(w)}</w:hyperlink>", word
    if kind == "movefrom":
        return f'<w:moveFrom w:id="9" w:author="a" w:date="2025-01-01T00:00:00Z">{r(w)}</w:moveFrom>', ""
    return f'<w:moveTo w:id="9" w:author="a" w:date="2025-01-01T00:00:00Z">{r(w)}</w:moveTo>', word


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_SEGMENT, min_size=1, max_size=6), min_size=1, max_size=5))
def test_turns_are_the_accepted_text_and_slice_exactly(paragraphs: list[list[tuple[str, str]]]) -> None:
    body = p(r("I: Go on."))
    expected = []
    for segments in paragraphs:
        parts = [_segment(kind, word) for kind, word in segments]
        body += p(r("R: "), *(xml for xml, _ in parts), r(" ok"))
        expected.append(" ".join(("".join(said for _, said in parts) + " ok").split()))
    got = read_source(_docx(body), "t.docx")
    text = got.canon.text
    pieces = [text[t.start:t.end] for t in got.canon.turns]
    assert canonical.TURN_SEPARATOR.join(pieces) == text
    said = [" ".join(piece.split()) for piece, t in zip(pieces, got.canon.turns, strict=True) if t.speaker_name == "R"]
    assert " ".join(said) == " ".join(expected)  # a speaker's paragraphs one after another are one turn


def test_a_hidden_name_in_every_kind_of_no_speech_at_once_never_reaches_a_turn() -> None:
    body = (p(r("I: Tell me."))
            + p(r("R: We "), dele(SECRET), r("went "), field(f"HYPERLINK mailto:{SECRET}", "out"), r("."))
            + p(r("R: And "), f'<w:moveFrom w:id="7" w:author="a" w:date="2025-01-01T00:00:00Z">{r(SECRET)}'
                "</w:moveFrom>", r("back.")))
    parsed = detect.parse(_docx(body), "t.docx")
    assert all("Zenobia" not in u.text and "Quartermaine" not in u.text for u in parsed.utterances)
    assert [u.text for u in parsed.utterances][-2:] == ["We went out.", "And back."]


@pytest.mark.parametrize("unclosed", ['<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                                      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                                      '<w:r><w:fldChar w:fldCharType="end"/></w:r>'])
def test_a_stray_field_mark_keeps_the_next_paragraphs_speech(unclosed: str) -> None:
    turns, _ = _read(p(r("R: One "), unclosed) + p(r("I: Two.")))
    assert turns[-1] == ("I", "Two.")


# -- ODT: the record of tracked changes --------------------------------------------------------------------------------
def _tracked_odt(body: str) -> bytes:
    record = ('<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>'
              "<dc:creator>Reviewer</dc:creator><dc:date>2025-03-12T10:00:00</dc:date></office:change-info>"
              f"<text:p>{SECRET}</text:p></text:deletion></text:changed-region>"
              '<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>Reviewer'
              "</dc:creator><dc:date>2025-03-12T10:00:00</dc:date></office:change-info></text:insertion>"
              "</text:changed-region></text:tracked-changes>")
    return _odt(record + body)


def test_an_odts_deleted_text_never_reaches_a_turn_and_its_inserted_text_is_read() -> None:
    body = ('<text:p>Interviewer: Who helped?</text:p><text:p>Participant: It was <text:change text:change-id="ct1"/>'
            '<text:change-start text:change-id="ct2"/>my key worker<text:change-end text:change-id="ct2"/>, really.'
            "</text:p>")
    got = read_source(_tracked_odt(body), "t.odt")
    turns = [(t.speaker_name, got.canon.text[t.start:t.end]) for t in got.canon.turns]
    assert turns == [("Interviewer", "Who helped?"), ("Participant", "It was my key worker, really.")]
    notes = " ".join(got.warnings)
    assert "1 tracked deletion(s), left out" in notes and "1 tracked insertion(s), kept" in notes
    assert "Zenobia" not in notes and "Reviewer" not in notes


def test_an_odt_with_no_tracked_changes_says_none() -> None:
    got = read_source(_odt("<text:p>I: Hello.</text:p><text:p>R: Hi.</text:p>"), "t.odt")
    assert not any("tracked" in note for note in got.warnings)


# -- fuzz target: documents full of hidden text, mutated as XML ------------------------------------------------------
_HIDDEN_TOKENS = [dele(SECRET).encode(), ins("kept").encode(), field("HYPERLINK mailto:x@y", "shown").encode(),
                  b'<w:r><w:fldChar w:fldCharType="begin"/></w:r>', b'<w:r><w:fldChar w:fldCharType="end"/></w:r>',
                  b"<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>", b"</w:sdtContent></w:sdt>",
                  b"<mc:AlternateContent><mc:Choice>", b"</mc:Choice><mc:Fallback>",
                  b"</mc:Fallback></mc:AlternateContent>",
                  b"<w:moveFrom>", b"</w:moveFrom>", b"<w:del>", b"</w:del>", b"<w:instrText>x</w:instrText>",
                  b"<w:sdt><w:sdtContent>" * 50, b"<w:customXml>", b"</w:customXml>", b'<wp:docPr descr="x"/>']


def _hidden_seeds() -> list[tuple[str, bytes]]:
    body = (p(r("Interviewer: Who helped?")) + p(r("Participant: It was "), dele(SECRET), ins("my key worker"), r(".")))
    body += f"<w:sdt><w:sdtPr/><w:sdtContent>{p(r('R: '), field('PAGE', '3'), r(' ok'))}</w:sdtContent></w:sdt>"
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NS}><w:body>{body}</w:body></w:document>').encode()
    return [("hidden.docx", xml)]


@pytest.mark.fuzz
@fuzz_settings(30)
@given(case=mutated(_hidden_seeds(), _HIDDEN_TOKENS + XML_HOSTILE))
def test_fuzz_docx_hidden_text(case: tuple[str, bytes]) -> None:
    check_reads_or_refuses(_with_document_xml(_docx(""), case[1]), f"fuzz-{case[0]}")


def test_text_formatted_as_hidden_is_not_read_and_is_reported() -> None:
    hidden = f'<w:r><w:rPr><w:b/><w:vanish/></w:rPr><w:t xml:space="preserve">{SECRET} </w:t></w:r>'
    shown = '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve">my sister </w:t></w:r>'
    turns, notes = _read(p(r("R: I went with "), hidden, shown, r("to the clinic.")) + p(r("I: Ok.")))
    assert turns[0] == ("R", "I went with my sister to the clinic.")
    said = " ".join(notes)
    assert "1 run(s) formatted as hidden text not read" in said and "Zenobia" not in said


def test_a_paragraph_mark_formatted_as_hidden_keeps_its_paragraphs_text() -> None:
    mark = '<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>' + r("R: We stayed in.") + "</w:p>"
    turns, _ = _read(p(r("I: And then?")) + mark)
    assert turns[-1] == ("R", "We stayed in.")


# -- a deleted paragraph mark, and text hidden by a style ----------------------------------------------------------
def _docx_styled(body: str, styles: str) -> bytes:
    """A Word document of ``body`` with ``styles`` (the ``w:style`` elements of word/styles.xml)."""
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}><w:body>{body}</w:body>'
           "</w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
        z.writestr("word/styles.xml", f'<?xml version="1.0"?><w:styles xmlns:w="{W}">{styles}</w:styles>')
    return buf.getvalue()


def _read_styled(body: str, styles: str) -> tuple[list[tuple[str | None, str]], list[str]]:
    got = read_source(_docx_styled(body, styles), "s.docx")
    return [(t.speaker_name, got.canon.text[t.start:t.end]) for t in got.canon.turns], got.warnings


def _mark_deleted(*runs: str) -> str:
    return ('<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="Reviewer" w:date="2025-03-12T10:00:00Z"/></w:rPr>'
            "</w:pPr>" + "".join(runs) + "</w:p>")


def test_a_deleted_paragraph_mark_joins_the_two_paragraphs_as_accepting_does() -> None:
    """A transcriber's stray Enter split a turn; the reviewer deleted the mark. Read as two paragraphs, the
    second was a line of its own (and a line opening "Leeds: ..." would have been taken for a speaker)."""
    turns, notes = _read(p(r("I: Where did you go?")) + _mark_deleted(r("R: We went to the drop-in at ")) +
                         p(r("Leeds Central Library on the Tuesday.")) + p(r("I: Thanks.")))
    assert turns == [("I", "Where did you go?"), ("R", "We went to the drop-in at Leeds Central Library on the "
                                                  "Tuesday."), ("I", "Thanks.")]
    assert "1 deleted paragraph mark(s) (the paragraphs joined)" in " ".join(notes)


def test_a_deleted_paragraph_with_its_mark_leaves_nothing_behind() -> None:
    """A whole paragraph deleted (its text and its mark): nothing of it is read, and no empty line is left."""
    turns, _ = _read(p(r("I: And then?")) + _mark_deleted(dele(f"R: {SECRET} came round.")) +
                     p(r("R: Nobody came round.")))
    assert turns == [("I", "And then?"), ("R", "Nobody came round.")]


def test_a_paragraph_mark_that_is_not_deleted_keeps_the_paragraphs_apart() -> None:
    inserted = ('<w:p><w:pPr><w:rPr><w:ins w:id="8" w:author="Reviewer" w:date="2025-03-12T10:00:00Z"/></w:rPr>'
                '</w:pPr>' + r("R: First.") + "</w:p>")
    turns, _ = _read(inserted + p(r("I: Second.")))
    assert turns == [("R", "First."), ("I", "Second.")]


HIDDEN_STYLES = ('<w:style w:type="character" w:styleId="Private"><w:name w:val="Private"/><w:rPr><w:vanish/>'
                 '</w:rPr></w:style>'
                 '<w:style w:type="character" w:styleId="PrivateBold"><w:basedOn w:val="Private"/><w:rPr><w:b/>'
                 '</w:rPr></w:style>'
                 '<w:style w:type="character" w:styleId="Shown"><w:basedOn w:val="Private"/><w:rPr>'
                 '<w:vanish w:val="0"/></w:rPr></w:style>'
                 '<w:style w:type="paragraph" w:styleId="Note"><w:rPr><w:vanish/></w:rPr></w:style>'
                 '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
                 '<w:style w:type="character" w:styleId="LoopA"><w:basedOn w:val="LoopB"/></w:style>'
                 '<w:style w:type="character" w:styleId="LoopB"><w:basedOn w:val="LoopA"/></w:style>')


def _styled_run(style: str, text: str, own: str = "") -> str:
    return (f'<w:r><w:rPr><w:rStyle w:val="{style}"/>{own}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>')


def test_text_hidden_by_a_character_style_is_not_read_and_is_reported() -> None:
    body = (p(r("R: I went with "), _styled_run("Private", f"{SECRET} "), _styled_run("PrivateBold", "Quill "),
              _styled_run("Shown", "my sister "), _styled_run("LoopA", "and "), r("to the clinic."))
            + p(r("I: Ok.")))
    turns, notes = _read_styled(body, HIDDEN_STYLES)
    assert turns[0] == ("R", "I went with my sister and to the clinic.")
    said = " ".join(notes)
    assert "2 run(s) of a hidden character style" in said and "Zenobia" not in said


def test_a_paragraph_in_a_hidden_paragraph_style_is_not_read_but_a_run_shown_by_its_own_formatting_is() -> None:
    note = ('<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr>' + r(f"Transcriber: {SECRET} is the sister. ")
            + '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>Shown anyway.</w:t></w:r></w:p>')
    turns, notes = _read_styled(p(r("I: And then?")) + note + p(r("R: We stayed in.")), HIDDEN_STYLES)
    assert turns == [("I", "And then?\nShown anyway."), ("R", "We stayed in.")]
    assert "1 paragraph(s) of a hidden paragraph style" in " ".join(notes)
    assert SECRET not in str(turns)


def test_a_document_whose_styles_hide_nothing_reads_and_says_nothing_of_styles() -> None:
    styles = '<w:style w:type="character" w:styleId="Emph"><w:rPr><w:i/></w:rPr></w:style>'
    turns, notes = _read_styled(p(r("R: "), _styled_run("Emph", "really"), r(" yes.")), styles)
    assert turns == [("R", "really yes.")]
    assert not any("style" in n for n in notes)


def test_a_styles_part_with_a_doctype_is_refused() -> None:
    data = _docx_styled(p(r("R: yes.")), "")
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/styles.xml":
                body = body.replace(b"<w:styles", b'<!DOCTYPE w:styles [<!ENTITY a "aaaa">]><w:styles', 1)
            out.writestr(info, body)
    with pytest.raises(CmoError, match=r"^d\.docx: word/styles\.xml declares a DOCTYPE"):
        read_source(buf.getvalue(), "d.docx")
