"""An email saved as a file (``.eml``), a transcript pasted into its body: read from the body, decoded from its
transfer encoding, its header, a forwarded message's header block, its sign-off and its attachments left out and
said. Before the reader such a file was read as plain text: the header's names and subject were speech, and
quoted-printable's soft line breaks split a place name ("B=" and "rae") and a phone number in two."""

from __future__ import annotations

import base64

import pytest

from cmo_coder.ingest.detect import parse
from cmo_coder.ingest.email_message import looks_like_email
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat

QP = "\r\n".join([
    "From: Typing Desk <desk@typing.example>",
    "To: Anna Researcher <anna@uni.example>",
    "Subject: transcript P03 (Kettlewell)",
    "Date: Mon, 16 Nov 2026 09:41:12 +0000",
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="utf-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    "Hi Anna, here it is.",
    "",
    "Anna: Where do you go for the clinic?",
    "Sam: It=E2=80=99s at Kettle=",
    "well, the health centre, and my number is oh one two three, four five=",
    " six.",
    "Anna: Thanks.",
    "Sam: No bother.",
    "",
    "Kind regards,",
    "Desk Person",
    "Typing Desk, Kettlewell",
    "",
]).encode()


def _turns(data: bytes) -> list[tuple[str | None, str]]:
    return [(u.speaker, u.text) for u in parse(data, "message.eml").utterances]


def test_a_quoted_printable_message_is_read_from_its_decoded_body() -> None:
    parsed = parse(QP, "message.eml")
    assert parsed.format is SourceFormat.plain_eml
    turns = [(u.speaker, u.text) for u in parsed.utterances]
    assert ("Sam", "It’s at Kettlewell, the health centre, and my number is oh one two three, four five six.") in turns
    text = " ".join(t for _, t in turns)
    for header in ("desk@typing.example", "Anna Researcher", "Subject", "P03", "MIME", "=E2"):
        assert header not in text
    assert any("the email's header" in w for w in parsed.warnings)


def test_the_senders_sign_off_is_no_speakers_words_but_a_speakers_thanks_stays() -> None:
    parsed = parse(QP, "message.eml")
    turns = [(u.speaker, u.text) for u in parsed.utterances]
    assert ("Anna", "Thanks.") in turns and ("Sam", "No bother.") in turns
    assert "Desk Person" not in " ".join(t for _, t in turns)
    assert any("sign-off" in w for w in parsed.warnings)


def test_a_forwarded_messages_header_block_opens_no_turns() -> None:
    body = "\n".join([
        "From: Anna Researcher <anna@uni.example>", "Subject: Fwd: interview", "Date: Tue, 17 Nov 2026 10:00:00 +0000",
        "Content-Type: text/plain; charset=utf-8", "", "See below.", "",
        "---------- Forwarded message ---------", "From: Typing Desk <desk@typing.example>",
        "Date: Mon, 16 Nov 2026", "Subject: interview", "To: Anna Researcher <anna@uni.example>", "",
        "Interviewer: How long have you lived there?", "Jo: Twenty years.", "Interviewer: And before?",
        "Jo: Up the valley.", ""]).encode()
    parsed = parse(body, "fwd.eml")
    speakers = {u.speaker for u in parsed.utterances}
    assert speakers - {None} == {"Interviewer", "Jo"}
    assert "desk@typing.example" not in " ".join(u.text for u in parsed.utterances)
    assert any("forwarded" in w for w in parsed.warnings)


def test_an_html_only_message_in_base64_and_windows_1252_is_read() -> None:
    html = "<html><body><p>Interviewer: Who drives you?</p><p>Mo: My son, he’s good.</p>" \
           "<p>Interviewer: Thank you.</p><p>Mo: Ta.</p></body></html>"
    body = base64.encodebytes(html.encode("cp1252")).decode()
    data = ("From: Desk <desk@typing.example>\nSubject: transcript\nMIME-Version: 1.0\n"
            "Content-Type: text/html; charset=windows-1252\nContent-Transfer-Encoding: base64\n\n" + body).encode()
    turns = _turns(data)
    assert ("Mo", "My son, he’s good.") in turns


def test_an_attachment_is_said_and_a_message_with_no_text_is_refused_by_name() -> None:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "desk@typing.example", "anna@uni.example", "transcript"
    msg.set_content("Interviewer: Hello there.\nSam: Hello.\nInterviewer: Shall we start?\nSam: Aye.\n")
    msg.add_attachment(b"WEBVTT\n", maintype="text", subtype="vtt", filename="call.vtt")
    parsed = parse(bytes(msg), "with.eml")
    assert any("1 attachment(s)" in w for w in parsed.warnings)
    bare = EmailMessage()
    bare["From"], bare["Subject"] = "desk@typing.example", "audio"
    bare.add_attachment(b"\x00\x01", maintype="audio", subtype="mpeg", filename="call.mp3")
    with pytest.raises(ParseError, match=r"bare\.eml: an email with no text"):
        parse(bytes(bare), "bare.eml")


@pytest.mark.parametrize("text", [
    "Interviewer: Hello.\nFrom: the start I mean.\n\nP1: Yes.\n",
    "Date: 12/03/2026\nInterviewer: Hi.\n\nP1: Hello.\n",
    "From: Jo\nTo: Sam\n\nJo: this is a note, not a message\n",
    "Subject: interview\nFrom: Jo\nJo: no blank line ends this\nSam: yes\n",
])
def test_a_transcript_that_opens_with_field_like_lines_is_no_message(text: str) -> None:
    assert not looks_like_email(text.encode())
