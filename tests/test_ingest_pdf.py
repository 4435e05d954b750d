"""PDF transcripts (``ingest/pdf_transcript.py``): read as the text they were printed from, or refused with advice.

Every PDF here is made by ``tests/pdf_writer.py`` from the text it holds, so each case says what the page shows.
The turns and speakers of a PDF must be those of the TXT of the same transcript; what a page adds (a running header
with the interviewee's name, page numbers) must never reach a turn and is reported by kind and count only.
"""

from __future__ import annotations

import time
import zlib
from pathlib import Path

import ingest_fixtures as fx
import pytest
from pdf_writer import Page, make_pdf, transcript_pdf

from cmo_coder.ingest import detect, import_files, pdf_transcript
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat, Transcript
from cmo_coder.store import Project

_PLAIN = (
    "Interviewer: Thanks for coming in on day {n}. Could you tell me how you first heard about the recovery college "
    "and what made you decide to go along to the first session?\n\n"
    "Participant: It was care coordinator {n} who mentioned it. I was wary at first because I'd tried groups "
    "before and they never really suited me, but she said this one was different, run by people who'd been "
    "through it themselves.\n\n"
    "Interviewer: And how did course {n} go?\n\n"
    "Participant: Honestly, better than I expected. Peer trainer {n} was brilliant and rang me the day before.\n"
)


def plain(times: int = 1) -> str:
    """A ``Name: text`` transcript of ``times`` exchanges, none the same (no two pages of a transcript are)."""
    return "\n".join(_PLAIN.format(n=n) for n in range(times))


PLAIN = plain()
REV = "".join(
    f"Speaker 1 (00:{n:02d}:03):\nThanks for joining. How did referral {n} come about for you?\n\n"
    f"Dr. Amaka Eze (00:{n:02d}:09):\nThrough the GP at first, then the link worker rang me, which I had not "
    f"expected at all, if I am honest with you, on visit {n}.\n\n"
    f"Speaker 1 (00:{n:02d}:21):\nAnd after visit {n}?\n\n" for n in range(4))


def _turns(data: bytes, name: str) -> list[tuple[str | None, str, float | None]]:
    return [(u.speaker, u.text, u.start_time) for u in detect.parse(data, name).utterances]


def _folded(turns: list[tuple[str | None, str, float | None]]) -> list[tuple[str | None, str, float | None]]:
    """Turns with their white space folded: a paragraph break that falls on a page break is not seen on the page
    (the foot of every page is blank), so there the turn's two paragraphs are read as one."""
    return [(who, " ".join(said.split()), at) for who, said, at in turns]


@pytest.mark.parametrize("text", [plain(5), REV, fx.OTTER_TXT, fx.PLAIN], ids=["plain", "rev", "otter", "fx"])
@pytest.mark.parametrize("layout", [{}, {"words_apart": True}, {"reversed_stream": True}],
                         ids=["lines", "words-apart", "stream-reversed"])
def test_a_pdf_gives_the_turns_and_speakers_of_the_same_transcript_as_txt(text: str, layout: dict[str, bool]) -> None:
    pdf = transcript_pdf(text, per_page=5, header="Interview 07 with Jacob Keswick, 12 March 2025",
                         page_numbers=True, **layout)
    txt = detect.parse(text.encode(), "t.txt")
    got = detect.parse(pdf, "t.pdf")
    assert got.format is {SourceFormat.plain_txt: SourceFormat.plain_pdf,
                          SourceFormat.otter_txt: SourceFormat.otter_pdf}[txt.format]  # the source was a PDF
    assert _folded(_turns(pdf, "t.pdf")) == _folded(_turns(text.encode(), "t.txt"))


def test_running_header_and_page_numbers_are_left_out_and_reported_by_count_never_by_content() -> None:
    pdf = transcript_pdf(plain(4), per_page=10, header="Jacob Keswick interview 12/03/2025", page_numbers=True)
    parsed = detect.parse(pdf, "t.pdf")
    said = " ".join(u.text for u in parsed.utterances)
    assert "Keswick" not in said and "Page" not in said
    notes = " ".join(parsed.warnings)
    assert "Keswick" not in notes and "2025" not in notes
    assert "running header or footer line(s)" in notes and "page number(s)" in notes
    pages = int(notes.split("PDF of ")[1].split(" ")[0])
    assert f"{pages} running header" in notes and f"{pages} page number(s)" in notes


def test_a_turn_cut_by_a_page_break_goes_on_over_it() -> None:
    long_turn = "Participant: " + " ".join(f"word{i}" for i in range(200))
    pdf = transcript_pdf("Interviewer: Go on.\n\n" + long_turn, per_page=6, page_numbers=True)
    turns = _turns(pdf, "t.pdf")
    assert [s for s, _, _ in turns] == ["Interviewer", "Participant"]
    assert turns[1][1] == long_turn.split(": ", 1)[1]


def test_a_title_on_the_first_page_alone_stays_as_in_the_txt() -> None:
    text = "Recovery college study, interview 7\n\n" + plain(3)
    pdf = transcript_pdf(text, per_page=10)
    assert _turns(pdf, "t.pdf") == _turns(text.encode(), "t.txt")


def test_a_labelled_line_at_the_top_of_both_pages_of_a_short_file_is_speech() -> None:
    pages = [Page(["R: Yes.", "I: And then?", "R: We went home."]), Page(["R: Yes.", "I: Thank you."])]
    turns = _turns(make_pdf(pages), "t.pdf")
    assert [t for _, t, _ in turns] == ["Yes.", "And then?", "We went home.", "Yes.", "Thank you."]


def test_a_number_said_on_its_own_line_in_a_one_page_file_stays_unless_it_is_the_page_number() -> None:
    pages = [Page(["I: How many times did you go?", "R: I went, let me think,", "12"])]
    turns = _turns(make_pdf(pages), "t.pdf")
    assert turns[-1][1].endswith("12")
    numbered = [Page(["I: How many times did you go?", "R: Twice."], footer="1")]
    assert _turns(make_pdf(numbered), "t.pdf")[-1][1] == "Twice."


def test_ligatures_are_read_as_their_letters() -> None:
    pdf = make_pdf([Page(["I: The of\ufb01ce was ef\ufb02uent?", "R: It was \ufb01ne."])])
    assert [t for _, t, _ in _turns(pdf, "t.pdf")] == ["The office was effluent?", "It was fine."]


@pytest.mark.parametrize(("lines", "said"), [
    (["R: I saw Sandra Okon-", "kwo at the clinic."], "I saw Sandra Okonkwo at the clinic."),
    (["R: it was a hos-", "pital appointment."], "it was a hospital appointment."),
    (["R: it was a self-", "referral in the end."], "it was a self-referral in the end."),
    (["R: for our well-", "being, honestly."], "for our well-being, honestly."),
    (["R: and every-", "one came along."], "and everyone came along."),
    (["R: the Covid-", "ward at night."], "the Covid-ward at night."),
    (["R: we met Smith-", "Jones there."], "we met Smith- Jones there."),
    (["R: about 2010-", "2012 or so."], "about 2010- 2012 or so."),
])
def test_a_word_broken_at_the_line_end_is_joined(lines: list[str], said: str) -> None:
    assert _turns(make_pdf([Page(["I: Go on.", *lines])]), "t.pdf")[-1][1] == said


def test_a_pdf_is_detected_by_its_content_not_its_name() -> None:
    pdf = transcript_pdf(PLAIN)
    assert detect.parse(pdf, "transcript.txt").format is SourceFormat.plain_pdf
    assert detect.parse(b"\r\n" + pdf, "x.bin").utterances
    assert not pdf_transcript.is_pdf(b"R: %PDF-1.4 is a version\n")


# -- refused with advice, quickly, naming the file -----------------------------------------------------------------
def _refused(data: bytes, match: str, name: str = "bad.pdf", seconds: float = 10.0) -> None:
    start = time.monotonic()
    with pytest.raises(ParseError, match=match) as info:
        detect.parse(data, name)
    assert str(info.value).startswith(f"{name}: ")
    assert "\n" not in str(info.value)
    assert time.monotonic() - start < seconds


def test_no_text_layer_is_refused_with_run_ocr_first() -> None:
    _refused(make_pdf([Page([], image_only=True), Page([], image_only=True)]), "no text layer.*run OCR first")


def test_an_encrypted_pdf_is_refused() -> None:
    _refused(make_pdf([Page(["R: a secret name, Zenobia"])], encrypt=True), "encrypted PDF.*unprotected copy")


def test_a_pdf_of_no_pages_is_refused() -> None:
    data = make_pdf([Page(["R: hi"])]).replace(b"/Kids [4 0 R] /Count 1", b"/Kids [] /Count 0")
    _refused(data, "no pages|damaged PDF")


def test_letters_placed_one_by_one_have_no_readable_order() -> None:
    spaced = " ".join("the interviewer asked about the recovery college and the peer trainers")
    _refused(make_pdf([Page([spaced] * 10)]), "no readable order")


def test_fonts_with_no_unicode_mapping_are_refused() -> None:
    with pytest.raises(ParseError, match="no readable characters"):
        pdf_transcript._check_readable("R: " + "\ufffd\ue001" * 50, "x.pdf")


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9, 0.99])
def test_a_truncated_pdf_is_read_or_refused_naming_the_file(cut: float) -> None:
    data = transcript_pdf(plain(3), per_page=8)
    try:
        detect.parse(data[: int(len(data) * cut)], "cut.pdf")
    except ParseError as exc:
        assert str(exc).startswith("cut.pdf: ")


@pytest.mark.parametrize("tail", [b"", b"\x00" * 100, b"garbage " * 50, b"1 0 obj << /Type /Catalog", b"\xff" * 9])
def test_garbage_after_the_magic_is_refused_naming_the_file(tail: bytes) -> None:
    _refused(b"%PDF-1.7\n" + tail, "damaged PDF|no pages|no text layer")


def test_a_compression_bomb_is_refused_quickly() -> None:
    squeeze = zlib.compressobj(9)
    bomb = b"".join(squeeze.compress(b"0 0 m " * 100_000) for _ in range(400)) + squeeze.flush()
    data = make_pdf([Page(["R: hi"])], content_override=bomb)
    _refused(data, "compression bomb|damaged PDF", seconds=20)


def test_deep_nesting_is_refused_quickly() -> None:
    deep = b"<< /A " + b"[" * 50_000 + b"]" * 50_000 + b" >>"
    _refused(make_pdf([Page(["R: hi"])], extra_objects=[deep]), "nest more than 64 deep")
    dicts = b"<< /A " * 5_000 + b">>" * 5_000
    _refused(make_pdf([Page(["R: hi"])], extra_objects=[dicts]), "nest more than 64 deep")


def test_a_page_tree_that_holds_itself_is_refused_quickly() -> None:
    data = make_pdf([Page(["R: hi"])]).replace(b"/Kids [4 0 R]", b"/Kids [2 0 R]")
    _refused(data, "damaged PDF|refer to themselves|no pages")


def test_too_many_pages_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_transcript, "MAX_PAGES", 3)
    _refused(transcript_pdf(plain(6), per_page=4), "over the limit of 3 pages")


def test_deleted_speech_never_leaks_through_a_damaged_file_message() -> None:
    data = make_pdf([Page(["R: Zenobia Quartermaine said so"])], compress=False)
    broken = data.replace(b"endstream", b"endstrem")
    try:
        detect.parse(broken, "b.pdf")
    except ParseError as exc:
        assert "Zenobia" not in str(exc)


def test_a_pdf_imports_into_the_secure_folder_with_its_notes_and_nothing_of_its_header(
        project: Project, tmp_path: Path) -> None:
    path = tmp_path / "interview_07.pdf"
    path.write_bytes(transcript_pdf(plain(4), per_page=10, header="Jacob Keswick, 12 March 2025", page_numbers=True))
    report = import_files(project, [path], tmp_path / "secure")
    (result,) = report.files
    assert result.status == "imported" and result.source_format == "plain_pdf"
    assert any("running header or footer" in w for w in result.warnings)
    raw = Transcript.model_validate_json((tmp_path / "secure" / "raw" / f"{result.transcript_id}.json").read_text())
    assert "Keswick" not in raw.text and {t.speaker_name for t in raw.turns} == {"Interviewer", "Participant"}


def test_a_refused_pdf_fails_its_file_alone_naming_it(project: Project, tmp_path: Path) -> None:
    scan, good = tmp_path / "scan.pdf", tmp_path / "good.pdf"
    scan.write_bytes(make_pdf([Page([], image_only=True)]))
    good.write_bytes(transcript_pdf(plain(2)))
    report = import_files(project, [scan, good], tmp_path / "secure")
    assert [f.status for f in report.files] == ["failed", "imported"]
    assert "scan.pdf" in (report.files[0].error or "") and "run OCR first" in (report.files[0].error or "")


def test_a_header_of_two_lines_one_of_them_labelled_is_left_out() -> None:
    """Found on a Word transcript saved as PDF by LibreOffice: a header "Site: West Cumbria" under the interviewee's
    name looked like a speaker's label, so it stayed, and each page gave a turn of a speaker called Site."""
    body = [line for n in range(12) for line in (f"I: Question {n} about the walking group?", "",
                                                  f"R: Answer {n}, we went up the fell.", "")]
    pages = [Page(["Interview 08 - Jacob Keswick", "Site: West Cumbria", "", *body[i:i + 12]], footer=str(k))
             for k, i in enumerate(range(0, len(body), 12), 1)]
    parsed = detect.parse(make_pdf(pages), "t.pdf")
    assert {u.speaker for u in parsed.utterances} == {"I", "R"}
    assert not any("Cumbria" in u.text or "Keswick" in u.text for u in parsed.utterances)
    assert "8 running header or footer line(s), 4 page number(s)" in " ".join(parsed.warnings)


@pytest.mark.parametrize("footer", ["Interview 7, page {n}", "{n} | Recovery college study"])
def test_a_running_footer_holding_the_page_number_goes_from_every_page_the_first_too(footer: str) -> None:
    body = [line for n in range(9) for line in (f"I: Question {n}?", f"R: Answer {n}, we went.")]
    pages = [Page(body[i:i + 6], footer=footer.format(n=k)) for k, i in enumerate(range(0, len(body), 6), 1)]
    parsed = detect.parse(make_pdf(pages), "t.pdf")
    assert not any("Interview" in u.text or "Recovery" in u.text for u in parsed.utterances)
    assert "3 running header or footer line(s)" in " ".join(parsed.warnings)


def test_the_same_line_at_different_places_on_two_pages_is_speech() -> None:
    """Found by the cross-reader conversation printed to PDF: the page's number was folded in a line's place too, so
    a line second on page 1 and third on page 2 looked like a running line and was lost from both."""
    pages = [Page(["I: So?", "we went on the bus again", "I: And?", "R: Then", "I: Ok"]),
             Page(["R: Then.", "I: Right and", "we went on the bus again", "I: Thanks.", "R: Ok"])]
    said = " ".join(u.text for u in detect.parse(make_pdf(pages), "t.pdf").utterances)
    assert said.count("we went on the bus again") == 2


def test_a_passage_printed_twice_at_the_same_places_is_speech_both_times() -> None:
    """Found by the cross-reader conversation printed to PDF at scale 20: a conversation said twice over laid its
    lines at the same places on two pages, and the lines at the pages' edges were taken for a running header."""
    passage = ["R: we went up the fell and", "then back down to the van", "and home for our tea",
               "I: and after that", "R: bed, honestly", "I: fair enough", "R: then the next day", "it rained"]
    said = " ".join(u.text for u in detect.parse(make_pdf([Page(passage), Page(passage)]), "t.pdf").utterances)
    assert said.count("then back down to the van") == 2 and said.count("it rained") == 2
