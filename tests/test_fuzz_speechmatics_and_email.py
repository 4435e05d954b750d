"""Fuzz targets: Speechmatics' JSON (``ingest/speechmatics.py``) and a transcript pasted into an email
(``ingest/email_message.py``), each drawn by its parts and then changed in its structure.

Speechmatics: a job's ``results`` drawn item by item (words of speakers ``S1``/``S2``, ``UU`` for nobody, or of
channels; punctuation attaching each of its four ways; entities; ``speaker_change`` items), names of one or several
words among the words. Read whole, every word is in its speaker's turn, whole and in order, a turn is a run of one
speaker, and "UU" is nobody. Then the same trees with one to four structural edits (the speech services' target's
mutations: a value typed over, a key dropped, a list emptied, doubled, reversed or given a foreign element, nesting
ten thousand deep, a number of 5,000 digits): read with every turn slicing to its text, or refused in one line naming
the file, within bounds of time and memory.

Email: a message built with the standard library's ``email`` package as a mail program writes one: a header naming
the sender, the recipient and a subject with a person's and a place's name in it; the body plain, HTML or both
(``multipart/alternative``), in UTF-8, Latin-1 or Windows-1252, sent as quoted-printable, base64 or 8-bit, with
lines long enough that quoted-printable breaks them anywhere, inside a name too; a greeting, a forwarded message's
header block, a sign-off and a signature, an attachment, the whole quoted in a reply ("> ", ">> ") under its
attribution line, CRLF or LF. Read, the turns are the transcript's: every speaker a turn's, every name said whole in
the text, nothing of the header, a forwarded header, the attribution or the signature in any turn or speaker, and
what was left out said. The same messages damaged byte by byte are read or refused naming the file.
"""

from __future__ import annotations

import json
from email.message import EmailMessage
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from fuzzing import fuzz_settings, mutated, read_or_refused, read_turns
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz_speech_json_structure import _bounded, _dumped, _mutate_tree, _reads_or_refuses

from cmo_coder.ingest import detect
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat

# -- Speechmatics -----------------------------------------------------------------------------------------------------

#: Names as a recogniser writes them: one word, two words in one item, accented, apostrophised, hyphenated.
NAMES = ["Siân", "Zoë Ng", "O'Neill", "Nic Dhòmhnaill", "Hope Barley", "Ó Briain", "Mary-Kate", "Ishbel"]
WORDS = ["so", "we", "went", "to", "the", "clinic", "and", "she", "said", "aye", "um", "well"]
MARKS = [(".", "previous"), (",", "previous"), ("?", "previous"), ("“", "next"), ("”", "previous"),
         ("-", "both"), ("&", "none"), ("'", "both")]


@st.composite
def speechmatics_job(draw: st.DrawFn) -> tuple[dict[str, Any], list[tuple[str | None, list[str]]]]:
    """A valid job and what it says: ``(speaker, its words in order)`` for each run of one speaker's words."""
    by_channel = draw(st.integers(0, 4)) == 0
    voices = ["channel_1", "channel_2"] if by_channel else ["S1", "S2", "UU"]
    results: list[dict[str, Any]] = []
    runs: list[tuple[str | None, list[str]]] = []
    at = 0.0
    for _ in range(draw(st.integers(1, 25))):
        kind = draw(st.sampled_from(["word", "word", "word", "name", "mark", "entity", "change"]))
        if kind == "change":
            results.append({"type": "speaker_change", "start_time": at, "end_time": at})
            continue
        voice = draw(st.sampled_from(voices))
        if kind == "mark":
            content, attach = draw(st.sampled_from(MARKS))
            results.append({"type": "punctuation", "attaches_to": attach, "start_time": at, "end_time": at,
                            "alternatives": [{"content": content, "confidence": 1.0}]})
            continue
        content = draw(st.sampled_from(NAMES if kind == "name" else ["twenty three", "£40", "3rd"]
                                       if kind == "entity" else WORDS))
        alt: dict[str, Any] = {"content": content, "confidence": 0.9, "language": "en"}
        item: dict[str, Any] = {"type": "entity" if kind == "entity" else "word", "start_time": at,
                                "end_time": at + 0.3, "alternatives": [alt]}
        if by_channel:
            item["channel"] = voice
        else:
            alt["speaker"] = voice
        results.append(item)
        at += 0.4
        speaker = None if voice == "UU" else voice
        if runs and runs[-1][0] == speaker:
            runs[-1][1].append(content)
        else:
            runs.append((speaker, [content]))
    job = {"format": "2.9", "job": {"id": "j1", "data_name": "interview.m4a", "duration": at},
           "metadata": {"type": "transcription", "transcription_config": {"diarization": "speaker"}},
           "results": results}
    return job, runs


_MARK_CHARS = frozenset("".join(m for m, _ in MARKS) + " ")


def _in_order(text: str, words: list[str]) -> bool:
    at = 0
    for w in words:
        found = text.find(w, at)
        if found < 0:
            return False
        at = found + len(w)
    return True


@pytest.mark.fuzz
@fuzz_settings(60)
@given(speechmatics_job())
def test_fuzz_speechmatics_job_as_the_service_writes_it(drawn: tuple[dict[str, Any], list[Any]]) -> None:
    """Every word in its speaker's turn, whole and in order; a turn a run of one speaker; "UU" nobody."""
    job, runs = drawn
    raw = json.dumps(job, ensure_ascii=False).encode()
    if not runs:  # marks alone, or nothing: speech of nobody, or refused naming the file
        read_or_refused(raw, "job.json")
        return
    turns = read_turns(raw, "job.json", SourceFormat.speech_json)
    if turns and turns[0][0] is None and all(ch in _MARK_CHARS for ch in turns[0][1]):
        turns = turns[1:]  # marks before the first word: speech of nobody of their own
    assert [s for s, _ in turns] == [s for s, _ in runs], (turns, runs)
    for (speaker, text), (_, words) in zip(turns, runs, strict=True):
        assert _in_order(text, words), (text, words)
        assert speaker not in ("UU", "uu")


@st.composite
def _changed_job(draw: st.DrawFn) -> bytes:
    job, _ = draw(speechmatics_job())
    return _dumped(_mutate_tree(draw, job), draw)


@pytest.mark.fuzz
@fuzz_settings(100)
@given(_changed_job())
def test_fuzz_speechmatics_job_changed_in_its_structure(raw: bytes) -> None:
    """Read with every turn slicing to its text, or refused in one line naming the file; within bounds."""
    _bounded(lambda: _reads_or_refuses(raw, "job.json"), len(raw))


# -- a transcript in an email ---------------------------------------------------------------------------------------

SPEAKERS = ["Anna Reid", "Siân Pryce", "Zoë Ng", "Tomás Ó Briain", "Hamish Ure"]
SAID = ["Hope Barley", "Kettlewell", "Màiri", "Ishbel Cowan", "Brae"]
#: What only the header, a forwarded header or the signature holds: none may reach a turn or a speaker.
HEADER_ONLY = ["desk@typing.example", "anna@uni.example", "Typist Person", "Yellsound", "MIME-Version",
               "Content-Type", "=E2", "forward@relay.example", "Signature Firm Ltd", "07700 900123"]


@st.composite
def email_transcript(draw: st.DrawFn) -> tuple[bytes, list[str], list[str]]:
    """A message holding a pasted ``Name: speech`` transcript; its bytes, the speakers and the names said."""
    speakers = draw(st.lists(st.sampled_from(SPEAKERS), min_size=1, max_size=3, unique=True))
    lines: list[str] = []
    if draw(st.booleans()):
        lines += ["Hi Anna, here it is.", ""]
    if draw(st.booleans()):
        lines += ["---------- Forwarded message ---------", "From: Relay <forward@relay.example>",
                  "Date: Mon, 16 Nov 2026 09:41:12 +0000", "Subject: Yellsound transcript",
                  "To: Typist Person <desk@typing.example>", ""]
    said: list[str] = []
    for k in range(draw(st.integers(len(speakers), 6))):
        who = speakers[k] if k < len(speakers) else draw(st.sampled_from(speakers))
        name = draw(st.sampled_from(SAID))
        pad = " ".join(["we went to the clinic"] * draw(st.integers(0, 6))) + "x" * draw(st.integers(0, 70))
        said.append(name)
        lines.append(f"{who}: {pad} and {name}’s sister said so, aye.")
    if draw(st.booleans()):
        lines += ["", "Kind regards,", "Typist Person", "Signature Firm Ltd", "07700 900123"]
    if draw(st.booleans()):  # a colleague's reply that quotes the whole message, one or two levels deep
        mark = draw(st.sampled_from(["> ", ">", "> > ", ">> "]))
        lines = ["Thanks, see below.", "", "On Mon, 16 Nov 2026 at 09:41, Typist Person <desk@typing.example> wrote:",
                 *[mark + line for line in lines]]
    text = "\n".join(lines) + "\n"
    charset = draw(st.sampled_from(["utf-8", "windows-1252", "latin-1"]))
    if charset == "latin-1":
        text = text.replace("’", "'")
    cte = draw(st.sampled_from(["quoted-printable", "base64", "8bit"]))
    how = draw(st.sampled_from(["plain", "html", "both"]))
    msg = EmailMessage()
    msg["From"] = "Typist Person <desk@typing.example>"
    msg["To"] = "Anna Reid <anna@uni.example>"
    msg["Subject"] = "Yellsound interview, Typist Person"
    msg["Date"] = "Mon, 16 Nov 2026 10:02:00 +0000"
    if how in ("plain", "both"):
        msg.set_content(text, charset=charset, cte=cte)
    if how in ("html", "both"):
        page = ET.Element("html")
        body = ET.SubElement(page, "body")
        for line in text.split("\n"):
            ET.SubElement(body, "p").text = line
        markup = ET.tostring(page, encoding="unicode")
        if how == "html":
            msg.set_content(markup, subtype="html", charset=charset, cte=cte)
        else:
            msg.add_alternative(markup, subtype="html", charset=charset, cte=cte)
    if draw(st.booleans()):
        msg.add_attachment(b"Hope Barley: attached\n", maintype="text", subtype="plain",
                           filename="Hope Barley transcript.txt")
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():  # a boundary of our own: the generator's is drawn from ``random``
            part.set_boundary(f"==part{i}==")
    raw = msg.as_bytes().replace(b"\r\n", b"\n")
    end = draw(st.sampled_from([b"\n", b"\r\n"]))
    raw = raw.replace(b"\n", end)
    return raw, speakers, said


@pytest.mark.fuzz
@fuzz_settings(60)
@given(email_transcript())
def test_fuzz_email_with_a_pasted_transcript(drawn: tuple[bytes, list[str], list[str]]) -> None:
    """The transcript's turns and nothing of the message around them; no name split by an encoding."""
    raw, speakers, said = drawn
    turns = read_turns(raw, "message.eml")
    parsed = detect.parse(raw, "message.eml")
    assert parsed.format is SourceFormat.plain_eml
    # every speaker a turn's; the greeting above the transcript is speech of nobody, kept for the anonymiser
    assert {s for s, _ in turns} - {None} == set(speakers), turns
    text = "\n".join(t for _, t in turns)
    for name in said:
        assert name in text, (name, text)
    for field in HEADER_ONLY:
        assert all(field not in t and field not in (s or "") for s, t in turns), (field, turns)
    assert any("the email's header" in w for w in parsed.warnings)


@pytest.mark.fuzz
@fuzz_settings(40)
@given(email_transcript(), st.data())
def test_fuzz_email_damaged_byte_by_byte(drawn: tuple[bytes, list[str], list[str]], data: st.DataObject) -> None:
    """Read (every turn slicing to its text) or refused naming the file; within bounds of time and memory."""
    raw = mutated(data, drawn[0], [b"\x00", b"=", b"=\r\n", b"\r", b"--", b"Content-Type: text/html\n",
                                   b"\n\n", b"=C3", b"\xff", b"From: x\n", "\u202e".encode()])
    _bounded(lambda: read_or_refused(raw, "message.eml"), len(raw))


def test_a_refusal_of_an_email_names_the_file() -> None:
    """An email whose only part is an attachment is refused naming the file (the contract the targets hold)."""
    msg = EmailMessage()
    msg["From"] = "Typist <desk@typing.example>"
    msg["Subject"] = "transcript"
    msg["Date"] = "Mon, 16 Nov 2026 10:02:00 +0000"
    msg.add_attachment(b"\x00\x01", maintype="application", subtype="octet-stream", filename="t.bin")
    with pytest.raises(ParseError, match=r"^message\.eml: "):
        detect.parse(msg.as_bytes(), "message.eml")
