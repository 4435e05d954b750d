"""What the PDF reader left (``ingest/pdf_transcript.py``): paragraphs that end at a page break, pages in two
columns, a title on a one-page PDF, and the format a PDF import records.

Every PDF is made by ``tests/pdf_writer.py`` from the text it holds; the turns must be those of the TXT of the same
transcript, white space and all where the page shows where a paragraph ends."""

from __future__ import annotations

import pytest
from pdf_writer import Page, make_pdf, transcript_pdf, wrap

from cmo_coder.ingest import canonical, detect, pdf_transcript
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat

_LONG = ("Participant: It was my care coordinator who first mentioned the recovery college to me. I was wary at first "
         "because I had tried groups before and they never really suited me, but she said this one was different.")


def _turns(data: bytes, name: str) -> list[tuple[str | None, str]]:
    parsed = detect.parse(data, name)
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    return [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]


def test_a_paragraph_that_ends_at_a_page_break_ends_there_as_in_the_txt() -> None:
    """The page's space above the next paragraph is lost at a page break; a last line that ends a sentence short of
    the margin, and a next page that opens as a paragraph does, say the paragraph ended."""
    text = ("Interviewer: Go on.\n\n" + _LONG + "\n\nAnd the second week I took my sister with me.\n\n"
            "Interviewer: Thanks.\n")
    lines = [line for para in text.split("\n\n") for line in [*wrap(para.strip()), ""]][:-1]
    end = lines.index("") + 1 + len(wrap(_LONG))  # the page ends where the long paragraph does
    pdf = make_pdf([Page(lines[:end]), Page(lines[end + 1:])])
    assert _turns(pdf, "t.pdf") == _turns(text.encode(), "t.txt")
    assert _turns(pdf, "t.pdf")[1][1].count("\n") == 1


def test_a_sentence_cut_by_a_page_break_goes_on_over_it() -> None:
    lines = wrap(_LONG)
    pdf = make_pdf([Page(["Interviewer: Go on.", "", *lines[:1]]), Page(lines[1:])])
    assert _turns(pdf, "t.pdf") == [("Interviewer", "Go on."), ("Participant", _LONG.split(": ", 1)[1])]


def test_a_full_line_ending_a_sentence_at_a_page_break_goes_on() -> None:
    """A line that reaches the margin was wrapped, whatever it ends with: the paragraph goes on."""
    lines = ["Participant: We went along every single week to the group at the village hall, and we liked it.",
             "Then the bus stopped running and that was that for a while."]
    pdf = make_pdf([Page(lines[:1]), Page(lines[1:])])
    assert _turns(pdf, "t.pdf") == [("Participant", " ".join(lines).split(": ", 1)[1])]


def test_a_page_in_two_columns_is_refused_with_advice() -> None:
    left = wrap("I: So tell me how the group started and who came along to the first meeting at the hall. R: Well it "
                "was my neighbour who started it, she had been going to one in the next town for years.", 44)
    right = wrap("I: And how did you hear about the service in the first place? R: Through the surgery, the nurse "
                 "there gave me a leaflet and said it might help me get out of the house.", 44)
    pdf = make_pdf([Page(["I: Hello.", "R: Hi."]), Page(left, right_column=right)])
    with pytest.raises(ParseError, match=r"^c\.pdf: not read: page 2 is laid out in two columns.*\.docx"):
        detect.parse(pdf, "c.pdf")


@pytest.mark.parametrize("lines", [
    ["00:00:03    Interviewer: How did it start?", "00:00:09    Participant: Through my GP, then the link worker.",
     "00:00:21    Interviewer: And after that?", "00:00:30    Participant: I went along every week."],
    ["Jordan Reyes    0:03", "How did it start?", "Sam Okafor    0:09", "Through my GP, then the link worker."],
], ids=["times-beside-turns", "otter-headers"])
def test_times_beside_speech_are_not_two_columns(lines: list[str]) -> None:
    pdf = make_pdf([Page(lines)])
    assert pdf_transcript.columns_at(pdf_transcript.pages_text(pdf, "t.pdf")[0]) is None


def test_a_title_on_a_one_page_pdf_is_a_heading_not_a_running_header() -> None:
    """One page repeats nothing: its first line is a title, kept as the TXT's heading is (text of no turn, which
    the anonymiser reads as speech), never taken away unread."""
    text = "Recovery college study: interview 7 with a peer trainer\n\nI: How are you?\n\nR: Fine thanks.\n"
    pdf = transcript_pdf(text, per_page=50)
    assert _turns(pdf, "t.pdf") == _turns(text.encode(), "t.txt")
    assert not any("running header" in w for w in detect.parse(pdf, "t.pdf").warnings)


def test_a_pdf_records_that_its_source_was_a_pdf() -> None:
    assert detect.parse(transcript_pdf("I: How are you?\n\nR: Fine.\n"), "t.pdf").format is SourceFormat.plain_pdf
    otter = "Jordan Reyes  0:03\nHow did it start?\n\nSam Okafor  0:09\nThrough my GP.\n"
    assert detect.parse(transcript_pdf(otter), "o.pdf").format is SourceFormat.otter_pdf
    assert detect.parse(otter.encode(), "o.txt").format is SourceFormat.otter_txt


def test_a_short_reply_repeated_on_short_pages_is_speech() -> None:
    """Pages of a few lines have nothing inward of their edges; a reply at the same place on half of them was
    taken for a running header and lost."""
    pages = [Page(["I: Did you like the group?", "Yes.", "I: And the walk?"]),
             Page(["R: The walk too.", "Yes.", "I: Why?"]),
             Page(["R: The people.", "I: Anything else?"]),
             Page(["R: No.", "I: Thank you."])]
    said = [t for _, t in _turns(make_pdf(pages), "s.pdf")]
    assert said.count("Yes.") == 0 and sum(t.count("Yes.") for t in said) == 2


def test_a_header_on_every_short_page_is_still_left_out() -> None:
    pages = [Page(["I: Did you like the group?", "R: Yes."], header="Interview 7, 12 March 2025"),
             Page(["I: And the walk?", "R: That too."], header="Interview 7, 12 March 2025"),
             Page(["I: Thank you."], header="Interview 7, 12 March 2025")]
    parsed = detect.parse(make_pdf(pages), "h.pdf")
    assert not any("Interview 7" in u.text for u in parsed.utterances)
    assert any("3 running header or footer line(s)" in w for w in parsed.warnings)


_TITLE = ("Recovery college evaluation: interview transcript, participant seven, second round of fieldwork, "
          "transcribed verbatim and checked against the recording")


@pytest.mark.parametrize("where", ["title", "heading"])
def test_a_line_wider_than_the_body_does_not_move_the_margin(where: str) -> None:
    """A full line ending a sentence at a page break goes on into the next page, even where the document's longest
    line is a title or a heading wider than the body's margin (the margin was the longest line, and the full line
    then looked short of it: the paragraph was cut in two at the page break)."""
    full = "Participant: We went along every single week to the group at the village hall, and we liked it."
    rest = "Then the bus stopped running and that was that for a while."
    assert 0.8 * 88 < len(full) <= 88 + 10 and 0.8 * len(_TITLE) > len(full)
    body = [*wrap(_LONG), "", *wrap(_LONG), "", *wrap(_LONG), "", full]
    gap = body.index("") + 1
    page1 = [_TITLE, "", *body] if where == "title" else [*body[:gap], _TITLE, "", *body[gap:]]
    pdf = make_pdf([Page(page1), Page([rest])])
    assert _turns(pdf, "t.pdf")[-1][1].endswith("\n" + full.split(": ", 1)[1] + " " + rest)


@pytest.mark.parametrize("lines", [[], ["a"], ["Interviewer: hello", "Participant: yes"]])
def test_the_margin_of_a_short_document_is_its_longest_line(lines: list[str]) -> None:
    assert pdf_transcript._measure([lines]) == max((len(x) for x in lines), default=0)


def test_the_margin_is_where_wrapped_lines_stop_not_a_lone_wide_line() -> None:
    lines = wrap(_LONG + " " + _LONG, 60)
    assert pdf_transcript._measure([["x" * 150, *lines]]) <= 60
    assert pdf_transcript._measure([lines]) == max(len(x) for x in lines[:-1])
