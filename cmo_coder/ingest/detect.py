"""Tell the format from the content, never the extension.

A ``.txt`` may be an Otter export, Zoom saved captions, a Zoom chat log or a plain
transcript; a ``.vtt`` from Teams and one from Zoom need different readers. Each test
below looks at the structure only a given source produces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import SourceFormat
from . import (
    chat,
    csv_transcript,
    cues,
    docx_reader,
    elan,
    email_message,
    html_transcript,
    iwork,
    markdown_transcript,
    odt_reader,
    otranscribe,
    otter,
    pdf_transcript,
    plain,
    rtf_reader,
    sbv,
    speech_json,
    srt,
    teams_vtt,
    ttml,
    whatsapp,
    whisper,
    xlsx_reader,
    youtube_vtt,
    zoom_captions,
    zoom_vtt,
)
from .limits import check_lines
from .normalise import decode
from .utterance import ParseError, Utterance

_CHAT_RE = re.compile(r"^\d{1,2}:\d{2}:\d{2}(?:\t[^\t\n]{1,80}:\t| From .{1,80}? to .{1,80}?:)")
_SRT_TIMING = re.compile(r"^\d{1,2}:\d{2}:\d{2},\d{1,3}\s+-->\s+")
#: A cue's timing line of captions that lost their header: a time, then the arrow. "-->" said in a line of speech
#: ("Jo: so --> next", a CSV cell, a Markdown turn) refused the whole file as broken captions.
_ARROW_RE = re.compile(r"^[0-9][0-9:.,]{0,20}\s*-->")
_FOREIGN = (
    (b"\xd0\xcf\x11\xe0", "a legacy Word 97-2003 (.doc) or Office file, which is not read (its binary format "
                          "hides deleted and hidden text); open it in Word or LibreOffice, save it as .docx or .odt "
                          "and import that"),
)


#: The format recorded for a PDF by the reader its text layer went to: the project says the source was a PDF (what
#: ``show`` and the list print), and a ``plain`` format keeps the plain reader's handling of headings and turns of
#: no speaker. Text of another shape printed to PDF (captions, a table) keeps its reader's format.
_PDF_FORMATS = {SourceFormat.plain_txt: SourceFormat.plain_pdf, SourceFormat.plain_md: SourceFormat.plain_pdf,
                SourceFormat.otter_txt: SourceFormat.otter_pdf}

#: The format recorded for an email by the reader its body went to, as for a PDF: a transcript typed into the
#: message is the plain reader's, recorded as an email; an Otter export or captions pasted in keep their reader's.
_EMAIL_FORMATS = {SourceFormat.plain_txt: SourceFormat.plain_eml}


@dataclass
class Parsed:
    format: SourceFormat
    utterances: list[Utterance]
    warnings: list[str] = field(default_factory=list)
    #: The people a Google Meet header names as attendees (:mod:`.meet_header`), speakers or not.
    attendees: list[str] = field(default_factory=list)


def _nonblank(text: str, n: int) -> list[str]:
    out = []
    for line in text.split("\n"):
        if line.strip():
            out.append(line.strip())
            if len(out) >= n:
                break
    return out


def detect_text(text: str, source: str) -> SourceFormat:
    head = _nonblank(text, 40)
    if not head:
        raise ParseError(f"{source}: the file has no text")
    if head[0].startswith("WEBVTT"):
        if re.search(r"<v[\s.][^>]*>", text):
            return SourceFormat.teams_vtt
        return SourceFormat.youtube_vtt if youtube_vtt.looks_like_youtube(text) else SourceFormat.zoom_vtt
    chat_log = sum(1 for line in head if _CHAT_RE.match(line))
    if chat_log and chat_log >= len(head) // 2:
        raise ParseError(
            f"{source}: this is a Zoom chat log (time, name, message), not a transcript; "
            "import the meeting's transcript (.vtt) or saved captions instead"
        )
    if zoom_captions.HEADER_RE.match(head[0]):
        return SourceFormat.zoom_captions
    if whatsapp.looks_like_whatsapp(head):
        return SourceFormat.whatsapp_txt
    if len(head) > 1 and head[0].isdigit() and _SRT_TIMING.match(head[1]):
        return SourceFormat.srt
    if sbv.looks_like_sbv(head[0]):
        return SourceFormat.sbv
    if chat.looks_like_chat(head):
        return SourceFormat.chat_cha
    if head[0].startswith(html_transcript.HTML_HEADS):
        return SourceFormat.plain_html  # before the captions' arrow: an HTML comment closes with "-->" too
    if head[0].startswith("{"):  # before the arrow and Otter's lines: JSON's speech may say "-->" or "Jo  0:03"
        if otranscribe.looks_like_otr(text):
            return SourceFormat.otranscribe
        if speech_json.service_of(text) is not None:
            return SourceFormat.speech_json
        if whisper.looks_like_json(text):
            return SourceFormat.whisper_json
    if csv_transcript.looks_like_csv(head[0]):  # before the arrow: a quoted cell's line may open with a timing
        return SourceFormat.csv_table
    if any(_ARROW_RE.match(line) for line in head[:3]):
        raise ParseError(f"{source}: line 1: looks like captions but is neither WebVTT (no 'WEBVTT' line) nor SRT")
    if head[0].upper() in ("SUMMARY KEYWORDS", "KEYWORDS", "SPEAKERS") or otter.is_header(head[0]) or (
        # a Markdown turn's speech ending in a time, said twice ("**Jo**" above "so 10:30"), has Otter's shape
        otter.looks_like_otter(text) and not markdown_transcript.looks_like_markdown(text)
    ):
        return SourceFormat.otter_txt
    if whisper.looks_like_tsv(head[0]):
        return SourceFormat.whisper_tsv
    if markdown_transcript.looks_like_markdown(text):
        return SourceFormat.plain_md
    if head[0].startswith(("<?xml", "<html", "<!DOCTYPE", "<!doctype", "{\"", "[{")):
        raise ParseError(f"{source}: unknown format (markup or JSON, not a transcript)")
    return SourceFormat.plain_txt


def parse(data: bytes, name: str | Path, infer_speakers: bool = False,
          markers: tuple[str, ...] | None = None) -> Parsed:
    """Detect the format of ``data`` (the bytes of file ``name``) and read its utterances."""
    source = str(name)
    for magic, what in _FOREIGN:
        if data.startswith(magic):
            raise ParseError(f"{source}: not read: this is {what}")
    if pdf_transcript.is_pdf(data):
        text, notes = pdf_transcript.read_text(data, source)
        parsed = _parse_text(text, source, infer_speakers, notes)
        parsed.format = _PDF_FORMATS.get(parsed.format, parsed.format)
        return parsed
    if rtf_reader.is_rtf(data):
        utts, notes = rtf_reader.read(data, source)
        return Parsed(SourceFormat.plain_rtf, utts, notes)
    if email_message.looks_like_email(data):
        text, notes = email_message.body_text(data, source)
        check_lines(text.count("\n") + 1, source)
        parsed = _parse_text(text, source, infer_speakers, notes)
        parsed.format = _EMAIL_FORMATS.get(parsed.format, parsed.format)
        return parsed
    odf = odt_reader.odf_kind(data)
    if odf == "text":
        utts, notes = odt_reader.read(data, source)
        return Parsed(SourceFormat.plain_odt, utts, notes)
    if odf is not None:
        raise ParseError(f"{source}: unknown format: this is an OpenDocument {odf.split('-')[0]}, not a text "
                         "document; save the transcript as .odt, .docx or .txt")
    if ttml.looks_like_ttml(data):
        return Parsed(SourceFormat.ttml, ttml.read(data, source))
    if elan.looks_like_eaf(data):
        utts, notes = elan.read(data, source)
        return Parsed(SourceFormat.elan_eaf, utts, notes)
    if iwork.is_iwork(data):
        raise ParseError(f"{source}: not read: this is {iwork.ADVICE}")
    if data.startswith(b"PK\x03\x04") and xlsx_reader.is_workbook(data):
        utts, notes = xlsx_reader.read(data, source)
        return Parsed(SourceFormat.xlsx_table, utts, notes)
    if data.startswith(b"PK\x03\x04") or Path(source).suffix.lower() == ".docx":
        fmt, utts = docx_reader.read(data, source, markers=markers or docx_reader.TRANSCRIPTION_MARKERS)
        return Parsed(SourceFormat(fmt), utts, docx_reader.left_out(data, source))
    decoded = decode(data, source)
    check_lines(decoded.text.count("\n") + 1, source)
    return _parse_text(decoded.text, source, infer_speakers, decoded.warnings)


_WEBVTT = frozenset({SourceFormat.teams_vtt, SourceFormat.zoom_vtt, SourceFormat.youtube_vtt})


def _parse_text(text: str, source: str, infer_speakers: bool, warnings: list[str]) -> Parsed:
    """The utterances of decoded text (a text file's, or a PDF's text layer) by the reader its shape names."""
    fmt = detect_text(text, source)
    if fmt in _WEBVTT:  # a title or a comment outside the cues: no speech, but said (it may name someone)
        warnings = warnings + cues.webvtt_left_out(text)
    if fmt is SourceFormat.teams_vtt:
        utts = teams_vtt.read(text, source)
    elif fmt is SourceFormat.zoom_vtt:
        utts = zoom_vtt.read(text, source, infer_speakers=infer_speakers)
    elif fmt is SourceFormat.zoom_captions:
        utts = zoom_captions.read(text, source)
    elif fmt is SourceFormat.srt:
        utts = srt.read(text, source)
    elif fmt is SourceFormat.sbv:
        utts = sbv.read(text, source)
    elif fmt is SourceFormat.chat_cha:
        utts = chat.read(text, source)
    elif fmt is SourceFormat.otranscribe:
        utts = otranscribe.read(text, source)
    elif fmt is SourceFormat.youtube_vtt:
        utts = youtube_vtt.read(text, source)
    elif fmt is SourceFormat.whatsapp_txt:
        utts = whatsapp.read(text, source)
    elif fmt is SourceFormat.otter_txt:
        warnings = list(warnings)
        utts = otter.read(text, source, warnings)
    elif fmt is SourceFormat.speech_json:
        utts = speech_json.read(text, source)
    elif fmt is SourceFormat.whisper_json:
        utts = whisper.read_json(text, source)
    elif fmt is SourceFormat.whisper_tsv:
        utts = whisper.read_tsv(text, source)
    elif fmt is SourceFormat.csv_table:
        utts, notes = csv_transcript.read(text, source)
        return Parsed(fmt, utts, warnings + notes)
    elif fmt is SourceFormat.plain_html:
        utts = html_transcript.read(text, source)
    elif fmt is SourceFormat.plain_md:
        utts = markdown_transcript.read(text, source)
    else:
        utts, attendees = plain.read_with_attendees(text, source)
        if not any(u.speaker for u in utts) and _json_document(text):
            raise ParseError(
                f"{source}: unknown format: a JSON document, but not in a shape the import reads (Whisper's, "
                "WhisperX's, AssemblyAI's, Amazon Transcribe's, Rev.ai's, Speechmatics' or oTranscribe's JSON): "
                "export the transcript from the tool that made it as .srt, .vtt, .docx or .txt with speaker labels"
            )
        if not any(u.speaker for u in utts):
            raise ParseError(
                f"{source}: unknown format: no speaker labels ('Name:', 'I:', 'R:'), WebVTT, SRT, Otter or Zoom "
                "structure found (a Whisper .txt has none: import the .srt, .vtt, .json or .tsv Whisper wrote "
                "beside it, with --speaker NAME for one speaker)"
            )
        return Parsed(fmt, utts, warnings, attendees)
    return Parsed(fmt, utts, warnings)


def _json_document(text: str) -> bool:
    """Whether ``text`` is a JSON object or array: such a file refused as "no speaker labels" came from a speech
    tool whose shape the import does not read, and advice about Whisper's plain ``.txt`` only misled (a Rev.ai
    JSON was refused so before it was read)."""
    import json

    if not text.lstrip().startswith(("{", "[")):
        return False
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True
