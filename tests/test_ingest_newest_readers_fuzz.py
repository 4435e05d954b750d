"""Fuzz targets for the newest readers: AssemblyAI and Amazon Transcribe JSON (``ingest/speech_json.py``), YouTube's
rolling captions (``ingest/youtube_vtt.py``), SBV (``ingest/sbv.py``), TTML and DFXP (``ingest/ttml.py``), a header
of fields (``ingest/header_fields.py``), Markdown (``ingest/markdown_transcript.py``), CSV and Excel tables of turns
(``ingest/csv_transcript.py``, ``ingest/xlsx_reader.py``), Pages refusal (``ingest/iwork.py``) and the choice
between them all (``ingest/detect.py``).

Each target draws a valid-looking file with hostile names and speech: every script, combining marks, bidi and
zero-width characters, control characters, ``#`` and brackets, times said in speech, and the markers of the other
formats said inside speech (``WEBVTT``, ``-->``, ``**Name**``, a CSV header, ``{"utterances"``, ``<tt``). What must
hold for every valid file: the format detected is the one written; every character of speech is in exactly one
turn, in order, under the speaker that said it (never speech read as a speaker, nor a speaker as speech); every
turn slices the text to exactly its speech; the same bytes give the same turns. Files with hostile structure
(times that are no times, NaN, huge, negative or reversed; duplicate ids; missing fields; nesting; cut or flipped
bytes) read so, or are refused with one line naming the file, never an internal error. An import that refuses
writes nothing: the project and the secure folder stay byte for byte as they were.

The regular tests at the top are the defects these targets found, kept as ordinary cases.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from fuzzing import REPO, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from test_ingest_fuzz import check_reads_or_refuses
from test_ingest_time_marks_fuzz import NAMES, RTL_NAMES, WORD, _chars

from cmo_coder import codebook as codebook_io
from cmo_coder.errors import CmoError
from cmo_coder.ingest import canonical, detect, import_files
from cmo_coder.ingest.normalise import clean_name, squash
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat
from cmo_coder.store import Project

#: Other formats' markers, said inside a line of speech (never at its start, where a label is a label by design).
FOREIGN = ["WEBVTT", "-->", "00:00:01.000 --> 00:00:02.000", "**Jo**", "**Jo:**", "### Jo", "speaker,text",
           "start,end,speaker,text", '{"utterances":', '"results":', "<tt", "<p begin=\"1s\">",
           "0:00:01.000,0:00:02.000",
           "Interviewer: ST  Date: 12/03", "<00:00:01.500><c>", "&lt;v Jo&gt;", "PK\x03\x04", "Index/Document.iwa",
           "SPEAKERS", "1", "NaN", "1e400", "-1", "\ufeff", "\u200b", "\u202e", "\x1b[31m"]
SPEECH_WORD = st.one_of(WORD, st.sampled_from(FOREIGN))
_OPENERS = ["so", "and", "well", "yeah", "right", "we", "i"]
#: A line of speech: an ordinary first word, then hostile words (one line: no line break inside).
SPEECH = st.tuples(st.sampled_from(_OPENERS), st.lists(SPEECH_WORD, min_size=0, max_size=10)).map(
    lambda t: " ".join([t[0], *t[1]]))
#: Speakers as services and people write them (a letter, ``spk_0``, names in every script).
SPEAKERS = [*NAMES, *RTL_NAMES, "A", "B", "spk_0", "spk_1", "Speaker 1"]
#: Characters XML 1.0 cannot hold at all (a TTML or XLSX writer leaves them out).
_NOT_XML = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"} | {"\ufffe", "\uffff"}


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c not in _NOT_XML and not 0xD800 <= ord(c) <= 0xDFFF)


def _turns(data: bytes, name: str, fmt: SourceFormat | None = None) -> list[tuple[str | None, str]]:
    """The turns a file reads as (speaker, text), checked: the format, turns slicing the text, the same bytes
    read twice alike, and the import's own oracle (offsets through the model and back)."""
    parsed = detect.parse(data, name)
    if fmt is not None:
        assert parsed.format is fmt, parsed.format
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    out = [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]
    for (_, said), t in zip(out, canon.turns, strict=True):
        assert said == said.strip() and said, (said, t)
    assert canon.text == canonical.TURN_SEPARATOR.join(said for _, said in out)
    again = detect.parse(data, name)
    assert [(u.speaker, u.text, u.start_time, u.end_time) for u in again.utterances] == [
        (u.speaker, u.text, u.start_time, u.end_time) for u in parsed.utterances]
    check_reads_or_refuses(data, name)
    return out


def _refused_or_read(data: bytes, name: str) -> None:
    """Read with turns that slice the text, or refused in one line naming the file (never another error)."""
    try:
        detect.parse(data, name)
    except CmoError as exc:
        assert str(exc).startswith(f"{name}: ") and "\n" not in str(exc), str(exc)[:300]
    check_reads_or_refuses(data, name)


def _collapsed(pairs: list[tuple[str | None, str]]) -> list[str | None]:
    out: list[str | None] = []
    for who, said in pairs:
        if not _chars(squash(said)):
            continue
        if not out or out[-1] != who:
            out.append(who)
    return out


def _same_speech(got: list[tuple[str | None, str]], said: list[tuple[str | None, str]]) -> None:
    assert _chars("".join(t for _, t in got)) == _chars("".join(squash(t) for _, t in said))
    assert [who for who, _ in got] == _collapsed(said)


def _encode(text: str, how: str) -> bytes:
    if how == "utf-16":
        return text.encode("utf-16")
    return (("\ufeff" if how == "bom" else "") + text).encode("utf-8", "surrogatepass")


def _mutate(draw: st.DrawFn, data: bytes) -> bytes:
    """Bytes cut, flipped, doubled or with a hostile token put in."""
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["cut", "flip", "double", "insert", "delete"]))
        if op == "cut":
            data = data[:at]
        elif op == "flip" and at < len(data):
            data = data[:at] + bytes([data[at] ^ (1 << draw(st.integers(0, 7)))]) + data[at + 1:]
        elif op == "double":
            data = data[:at] + data[at:at + draw(st.integers(1, 200))] + data[at:]
        elif op == "insert":
            data = data[:at] + draw(st.sampled_from(FOREIGN + ["\n\n", "\r", '"', ",", "<", "]]>", "9" * 400, "\x00"])
                                    ).encode("utf-8", "surrogatepass") + data[at:]
        else:
            data = data[:at] + data[at + draw(st.integers(1, 50)):]
    return data


# -- what the targets found, kept as regular tests ---------------------------------------------------------------------
@pytest.mark.parametrize(("name", "text", "fmt"), [
    ("a.json", '{"utterances": [{"speaker": "A", "text": "so --> next"}], "text": "so --> next"}',
     SourceFormat.speech_json),
    ("w.json", '{"text": " so --> next", "segments": [{"text": " so --> next"}]}', SourceFormat.whisper_json),
    ("p.txt", "Zo\u00eb M\u00fcller: so --> next\n\nR: ok\n\nZo\u00eb M\u00fcller: right\n", SourceFormat.plain_txt),
    ("t.md", "**Zo\u00eb**\nso --> next\n\n**R**\nok\n", SourceFormat.plain_md),
    ("t.csv", "speaker,text\nZo\u00eb,so --> next\nR,ok\n", SourceFormat.csv_table),
    ("q.csv", "speaker,text\nZo\u00eb,\"so\n 00:00:01.000 --> next\"\nR,ok\n", SourceFormat.csv_table),
])
def test_an_arrow_said_near_the_top_is_no_broken_caption(name: str, text: str, fmt: SourceFormat) -> None:
    """"-->" anywhere in the first three lines refused the file as "looks like captions but is neither WebVTT nor
    SRT": a service's JSON (one line), a plain, Markdown or CSV transcript whose first turn said it."""
    got = _turns(text.encode(), name, fmt)
    assert "so" in got[0][1] and "--> next" in got[0][1]


@pytest.mark.parametrize("form", ["**{}**\n{}\n", "**{}** [00:00:01]\n{}\n", "### {}\n{}\n"])
def test_markdown_speech_ending_in_a_time_said_twice_is_not_otters(form: str) -> None:
    """"so 10:30" under a bold label, said twice, has the shape of Otter's "Name  0:03" header said twice: the
    file was read as Otter's, "so" a speaker and the label its speech."""
    text = "\n".join(form.format(who, said) for who, said in [("Zo\u00eb M\u00fcller", "so 10:30"), ("R", "ok"),
                                                              ("Zo\u00eb M\u00fcller", "so 10:30")])
    assert _turns(text.encode(), "t.md", SourceFormat.plain_md) == [
        ("Zo\u00eb M\u00fcller", "so 10:30"), ("R", "ok"), ("Zo\u00eb M\u00fcller", "so 10:30")]


def test_captions_without_their_header_are_still_refused() -> None:
    with pytest.raises(ParseError, match=r"^c\.txt: line 1: looks like captions"):
        detect.parse(b"00:00:01.000 --> 00:00:02.000\nso\n", "c.txt")


@pytest.mark.parametrize(("name", "data"), [
    ("a.json", b'{"utterances": [{"speaker": "A", "text": "email me <jo@example.org> or AT&amp;T"}], "text": ""}'),
    ("t.json", json.dumps({"jobName": "j", "results": {"transcripts": [], "items": [
        {"type": "pronunciation", "start_time": "0", "end_time": "1", "alternatives": [{"content": w}]}
        for w in ["email", "me", "<jo@example.org>", "or", "AT&amp;T"]]}}).encode()),
    ("t.csv", b"speaker,text\nA,email me <jo@example.org> or AT&amp;T\n"),
])
def test_angle_brackets_in_a_services_json_or_a_table_are_speech(name: str, data: bytes) -> None:
    """JSON strings and table cells are text, not markup: "<jo@example.org>" was stripped as a tag, with the
    words inside it, and "&amp;" decoded."""
    got = _turns(data, name)
    assert got[0][1] == "email me <jo@example.org> or AT&amp;T"


@pytest.mark.parametrize("cell", ["M\u00f2rag Nic\u200bLe\u00f2id", "\u202bM\u00f2rag NicLe\u00f2id\u202c",
                                  "M\u00f2rag\u00a0NicLe\u00f2id", "M\u00f2rag NicLe\u00f2id\x01"])
def test_a_tables_speaker_is_cleaned_as_every_readers(cell: str) -> None:
    """A speaker cell kept its zero-width and bidi characters, so "Mòrag Nic\u200bLeòid" was another speaker than
    the "Mòrag NicLeòid" of the manifest and of the file's other rows (every other reader cleans a name)."""
    rows = [["speaker", "text"], [cell, "so"], ["R", "ok"], ["M\u00f2rag NicLe\u00f2id", "right"]]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    got = _turns(buf.getvalue().encode(), "t.csv", SourceFormat.csv_table)
    assert [who for who, _ in got] == ["M\u00f2rag NicLe\u00f2id", "R", "M\u00f2rag NicLe\u00f2id"]
    got = _turns(_xlsx([[_xml_safe(c) for c in r] for r in rows], inline=False), "t.xlsx", SourceFormat.xlsx_table)
    assert [who for who, _ in got] == ["M\u00f2rag NicLe\u00f2id", "R", "M\u00f2rag NicLe\u00f2id"]


def _central_directory_moved(archive: bytes, by: int) -> bytes:
    """The archive with its end record's offset of the central directory written ``by`` bytes too far."""
    end = archive.rindex(b"PK\x05\x06")
    offset = int.from_bytes(archive[end + 16:end + 20], "little") + by
    return archive[:end + 16] + offset.to_bytes(4, "little") + archive[end + 20:]


@pytest.mark.parametrize("name", ["t.xlsx", "t.docx"])
def test_an_archive_whose_directory_offset_is_wrong_is_refused(name: str) -> None:
    """zipfile seeks to a negative place for such an archive ("negative seek value -19"): a ValueError that
    escaped the readers as an internal error."""
    if name == "t.xlsx":
        raw = _xlsx([["speaker", "text"], ["A", "so"]], inline=False)
    else:
        from docx import Document

        buf = io.BytesIO()
        doc = Document()
        doc.add_paragraph("A: so")
        doc.save(buf)
        raw = buf.getvalue()
    with pytest.raises(ParseError, match=rf"^{name.replace('.', '[.]')}: corrupt [.]{name.split('.')[1]}: "):
        detect.parse(_central_directory_moved(raw, 19), name)


def test_a_workbooks_xml_error_is_one_line() -> None:
    """libxml2's message ends in a line break ("Char 0x0 out of allowed range\\n, line 1"): the refusal was two
    lines."""
    raw = _xlsx([["speaker", "text"], ["A", "so"]], inline=False)
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/workbook.xml"] = b"<\x00" + parts["xl/workbook.xml"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, b in parts.items():
            z.writestr(n, b)
    with pytest.raises(ParseError) as exc:
        detect.parse(buf.getvalue(), "t.xlsx")
    assert str(exc.value).startswith("t.xlsx: not well-formed XML") and "\n" not in str(exc.value)


# -- AssemblyAI and Amazon Transcribe ----------------------------------------------------------------------------------
def _as_text(text: str) -> str:
    """Speech of a service's JSON as the reader must give it: text, never markup (a "<" or "&amp;" as written)."""
    return html.escape(text, quote=False)


def _aai_speaker(name: str) -> str | None:
    who = clean_name(_as_text(name))
    if not who:
        return None
    return f"Speaker {who}" if len(who) == 1 and who.isalpha() else who


_MS = st.integers(0, 10**7)


@st.composite
def _assemblyai(draw: st.DrawFn) -> tuple[dict[str, object], list[tuple[str | None, str]]]:
    utterances: list[dict[str, object]] = []
    said: list[tuple[str | None, str]] = []
    for i in range(draw(st.integers(1, 8))):
        speaker = draw(st.sampled_from(SPEAKERS))
        text = draw(SPEECH)
        u: dict[str, object] = {"speaker": speaker, "text": text, "start": draw(_MS), "end": draw(_MS),
                                "confidence": draw(st.floats(0, 1)), "id": draw(st.sampled_from([i, 0, "dup"]))}
        if draw(st.integers(0, 4)) == 0:
            u["words"] = [{"text": w, "start": 0, "end": 0, "speaker": speaker} for w in text.split()]
        utterances.append(u)
        said.append((_aai_speaker(speaker), _as_text(text)))
    body: dict[str, object] = {"id": "x", "status": "completed", "text": " ".join(t for _, t in said),
                               "utterances": utterances}
    if draw(st.booleans()):
        body["audio_url"] = "https://example.org/a.mp3"
    return body, said


@pytest.mark.fuzz
@fuzz_settings(30)
@given(_assemblyai(), st.sampled_from(["utf-8", "bom", "utf-16"]), st.sampled_from([None, 2]), st.booleans())
def test_fuzz_assemblyai(file: tuple[dict[str, object], list[tuple[str | None, str]]], how: str,
                         indent: int | None, ascii_only: bool) -> None:
    body, said = file
    if not any(_chars(squash(t)) for _, t in said):
        return
    data = _encode(json.dumps(body, indent=indent, ensure_ascii=ascii_only), how)
    _same_speech(_turns(data, "a.json", SourceFormat.speech_json), said)


_BAD_VALUES = ["NaN", "Infinity", "-Infinity", "1e400", "-1", "-0.5", "1e300", '"12"', "true", "[1]", "{}", "null",
               '"\\ud800"', '""', "[[[[[[[[]]]]]]]]"]


@pytest.mark.fuzz
@fuzz_settings(30)
@given(_assemblyai(), st.data())
def test_fuzz_assemblyai_hostile_fields(file: tuple[dict[str, object], list[tuple[str | None, str]]],
                                        data: st.DataObject) -> None:
    """A field of an utterance typed over (times NaN, huge, negative; text or speaker of another type; a field
    missing; the list of another type): read, or refused naming the utterance."""
    body, _ = file
    utterances = body["utterances"]
    assert isinstance(utterances, list)
    text = json.dumps(body)
    i = data.draw(st.integers(0, len(utterances) - 1))
    key = data.draw(st.sampled_from(["start", "end", "text", "speaker", "utterances", "drop"]))
    marker = "__HOSTILE__"
    if key == "utterances":
        body["utterances"] = marker
    elif key == "drop":
        del utterances[i][data.draw(st.sampled_from(["text", "speaker", "start", "end"]))]
    else:
        utterances[i][key] = marker
    text = json.dumps(body).replace(f'"{marker}"', data.draw(st.sampled_from(_BAD_VALUES)))
    _refused_or_read(text.encode(), "a.json")


@st.composite
def _transcribe(draw: st.DrawFn) -> tuple[dict[str, object], list[tuple[str | None, str]]]:
    items: list[dict[str, object]] = []
    said: list[tuple[str | None, str]] = []
    labelled = draw(st.booleans())
    at = 0.0
    for _ in range(draw(st.integers(1, 6))):
        speaker = draw(st.sampled_from(["spk_0", "spk_1", *NAMES[:4]]))
        words = draw(SPEECH).split()
        for w in words:
            item: dict[str, object] = {"type": "pronunciation", "start_time": f"{at:.3f}",
                                       "end_time": f"{at + 0.4:.3f}", "alternatives": [
                                           {"confidence": "0.99", "content": w}]}
            if labelled:
                item["speaker_label"] = speaker
            items.append(item)
            at += 0.5
            if draw(st.integers(0, 5)) == 0:
                items.append({"type": "punctuation", "alternatives": [{"confidence": "0.0", "content": "."}]})
        said.append((clean_name(speaker) if labelled else None, _as_text(" ".join(words))))
    results = {"transcripts": [{"transcript": " ".join(t for _, t in said)}], "items": items}
    return {"jobName": "job", "accountId": "1", "results": results, "status": "COMPLETED"}, said


@pytest.mark.fuzz
@fuzz_settings(30)
@given(_transcribe(), st.sampled_from(["utf-8", "bom", "utf-16"]))
def test_fuzz_transcribe(file: tuple[dict[str, object], list[tuple[str | None, str]]], how: str) -> None:
    body, said = file
    if not any(_chars(squash(t)) for _, t in said):
        return
    got = _turns(_encode(json.dumps(body), how), "t.json", SourceFormat.speech_json)
    # punctuation is put against the word before it, so compare characters with the full stops taken out
    assert _chars("".join(t for _, t in got)).replace(".", "") == _chars(
        "".join(squash(t) for _, t in said)).replace(".", "")
    assert [who for who, _ in got] == _collapsed(said)


@pytest.mark.fuzz
@fuzz_settings(30)
@given(_transcribe(), st.data())
def test_fuzz_transcribe_hostile_items(file: tuple[dict[str, object], list[tuple[str | None, str]]],
                                       data: st.DataObject) -> None:
    body, _ = file
    results = body["results"]
    assert isinstance(results, dict)
    items = results["items"]
    i = data.draw(st.integers(0, len(items) - 1))
    key = data.draw(st.sampled_from(["start_time", "end_time", "type", "alternatives", "speaker_label", "drop"]))
    marker = "__HOSTILE__"
    if key == "drop":
        items[i].pop(data.draw(st.sampled_from(["type", "alternatives", "start_time"])), None)
    else:
        items[i][key] = marker
    if data.draw(st.booleans()):  # speakers by segments, as older outputs give them
        results["speaker_labels"] = {"segments": [{"start_time": "0", "end_time": marker, "speaker_label": "spk_0"}]}
    text = json.dumps(body).replace(f'"{marker}"', data.draw(st.sampled_from(_BAD_VALUES)))
    _refused_or_read(text.encode(), "t.json")


# -- YouTube's rolling captions ----------------------------------------------------------------------------------------
def _stamp(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


#: Caption words: no markup (the caption readers take ``<...>`` for a tag), hostile otherwise.
CAPTION_WORD = st.one_of(WORD, st.sampled_from(["WEBVTT", "**Jo**", "### Jo", "speaker,text", "{\"utterances\":",
                                                "0:00:01.000,0:00:02.000", "&amp;", "\u200b", "\u202e", "NaN"]))
CAPTION_LINE = st.tuples(st.sampled_from(_OPENERS), st.lists(CAPTION_WORD, min_size=1, max_size=6)).map(
    lambda t: [t[0], *t[1]])


@pytest.mark.fuzz
@fuzz_settings(40)
@given(st.lists(CAPTION_LINE, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]),
       st.sampled_from(["utf-8", "bom"]), st.booleans())
def test_fuzz_youtube_rolling(lines: list[list[str]], eol: str, how: str, settings_on_timing: bool) -> None:
    """Each line is written as YouTube rolls it: said with word timings under the line before, then alone in a
    cue of ten milliseconds. Every line comes back once, in order, as speech of no one."""
    out = ["WEBVTT", "Kind: captions", "Language: en", ""]
    t = 0
    previous: str | None = None
    for words in lines:
        timed = words[0] + "".join(f"<{_stamp(t + 200 * (k + 1))}><c> {w}</c>" for k, w in enumerate(words[1:]))
        extra = " align:start position:0%" if settings_on_timing else ""
        out += [f"{_stamp(t)} --> {_stamp(t + 2000)}{extra}", previous if previous is not None else " ", timed, ""]
        plain = " ".join(words)
        out += [f"{_stamp(t + 2000)} --> {_stamp(t + 2010)}{extra}", plain, " ", ""]
        previous = plain
        t += 2010
    said = [(None, " ".join(w)) for w in lines]
    if not any(_chars(squash(s)) for _, s in said):
        return
    got = _turns(_encode(eol.join(out), how), "y.vtt", SourceFormat.youtube_vtt)
    assert _chars("".join(s for _, s in got)) == _chars("".join(squash(s) for _, s in said))
    assert all(who is None for who, _ in got)


@pytest.mark.fuzz
@fuzz_settings(30)
@given(st.lists(CAPTION_LINE, min_size=2, max_size=6), st.data())
def test_fuzz_youtube_damaged(lines: list[list[str]], data: st.DataObject) -> None:
    out = ["WEBVTT", ""]
    for i, words in enumerate(lines):
        timed = words[0] + "".join(f"<{_stamp(i * 1000 + 100 * (k + 1))}><c> {w}</c>" for k, w in enumerate(words[1:]))
        out += [f"{_stamp(i * 1000)} --> {_stamp(i * 1000 + 900)}", " ", timed, ""]
    text = "\n".join(out).encode()
    _refused_or_read(_mutate(data.draw, text), "y.vtt")


# -- SBV ------------------------------------------------------------------------------------------------------------
def _sbv_time(ms: int) -> str:
    return f"{ms // 3_600_000}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


@pytest.mark.fuzz
@fuzz_settings(40)
@given(st.lists(st.tuples(st.sampled_from([n for n in NAMES if n != "I"] + RTL_NAMES), CAPTION_LINE), min_size=1,
                max_size=6), st.sampled_from(["\n", "\r\n"]), st.sampled_from(["utf-8", "bom", "utf-16"]),
       st.sampled_from(["", ">> "]))
def test_fuzz_sbv(turns: list[tuple[str, list[str]]], eol: str, how: str, chevron: str) -> None:
    turns = turns + turns  # a label is a label where the file names it twice
    blocks = [f"{_sbv_time(i * 1500)},{_sbv_time(i * 1500 + 1400)}\n{chevron}{who}: {' '.join(words)}"
              for i, (who, words) in enumerate(turns)]
    said = [(clean_name(who), " ".join(w)) for who, w in turns]
    if not any(_chars(squash(s)) for _, s in said):
        return
    got = _turns(_encode(("\n\n".join(blocks) + "\n").replace("\n", eol), how), "c.sbv", SourceFormat.sbv)
    _same_speech(got, said)


@pytest.mark.fuzz
@fuzz_settings(30)
@given(st.lists(CAPTION_LINE, min_size=1, max_size=5), st.data())
def test_fuzz_sbv_times_and_damage(lines: list[list[str]], data: st.DataObject) -> None:
    """Times reversed, huge, negative or broken, and bytes damaged: read, or refused naming the line."""
    times = st.sampled_from(["0:00:01.000", "9:59:59.999", "999999:59:59.999", "0:00:05.000", "0:61:00.000",
                             "0:00:99.000", "-0:00:01.000", "0:00:01", "0:00:01.0000", "１:00:00.000", "NaN"])
    blocks = [f"{data.draw(times)},{data.draw(times)}\n{' '.join(w)}" for w in lines]
    text = "\n\n".join(blocks).encode()
    _refused_or_read(_mutate(data.draw, text) if data.draw(st.booleans()) else text, "c.sbv")


# -- TTML and DFXP -----------------------------------------------------------------------------------------------------
_TT = "http://www.w3.org/ns/ttml"
_TTM = "http://www.w3.org/ns/ttml#metadata"
_TTP = "http://www.w3.org/ns/ttml#parameter"
_XML = "http://www.w3.org/XML/1998/namespace"
_TIMES = ["00:00:01.500", "00:00:01:12", "1.5s", "1500ms", "2m", "1h", "45f", "15000000t", "0s", "00:00:00"]


@st.composite
def _ttml(draw: st.DrawFn) -> tuple[bytes, list[tuple[str | None, str]]]:
    root = etree.Element(f"{{{_TT}}}tt", nsmap={None: _TT, "ttm": _TTM, "ttp": _TTP})
    if draw(st.booleans()):
        root.set(f"{{{_TTP}}}frameRate", draw(st.sampled_from(["25", "30", "0", "-1", "x", "1e999"])))
    head = etree.SubElement(root, f"{{{_TT}}}head")
    metadata = etree.SubElement(head, f"{{{_TT}}}metadata")
    if draw(st.booleans()):
        etree.SubElement(metadata, f"{{{_TTM}}}title").text = "Interview with Zenobia Quartermaine"
    names = draw(st.lists(st.sampled_from([n for n in NAMES if clean_name(n)] + RTL_NAMES), min_size=1, max_size=3,
                          unique=True))
    ids = [f"a{i}" for i in range(len(names))]
    for aid, name in zip(ids, names, strict=True):
        agent = etree.SubElement(metadata, f"{{{_TTM}}}agent", {f"{{{_XML}}}id": aid, "type": "person"})
        etree.SubElement(agent, f"{{{_TTM}}}name", {"type": "full"}).text = _xml_safe(name)
    body = etree.SubElement(root, f"{{{_TT}}}body")
    parent = body
    for _ in range(draw(st.integers(0, 40))):
        parent = etree.SubElement(parent, f"{{{_TT}}}div")
    said: list[tuple[str | None, str]] = []
    for _ in range(draw(st.integers(1, 6))):
        k = draw(st.integers(0, len(ids) - 1))
        p = etree.SubElement(parent, f"{{{_TT}}}p", {f"{{{_TTM}}}agent": ids[k]})
        p.set("begin", draw(st.sampled_from(_TIMES)))
        if draw(st.booleans()):
            p.set("end", draw(st.sampled_from(_TIMES)))
        else:
            p.set("dur", draw(st.sampled_from(_TIMES)))
        words = [_xml_safe(w) for w in draw(CAPTION_LINE)]
        form = draw(st.sampled_from(["text", "spans", "br"]))
        if form == "text":
            p.text = " ".join(words)
        elif form == "spans":
            for w in words:
                span = etree.SubElement(p, f"{{{_TT}}}span")
                span.text = w
                span.tail = " "
        else:
            p.text = words[0]
            br = etree.SubElement(p, f"{{{_TT}}}br")
            br.tail = " ".join(words[1:])
        if draw(st.integers(0, 4)) == 0:
            etree.SubElement(p, f"{{{_TT}}}metadata").text = "Zenobia Quartermaine"
        said.append((clean_name(_xml_safe(names[k])), html.escape(" ".join(words), quote=False)))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8"), said


@pytest.mark.fuzz
@fuzz_settings(40)
@given(_ttml())
def test_fuzz_ttml(file: tuple[bytes, list[tuple[str | None, str]]]) -> None:
    data, said = file
    if not any(_chars(squash(s)) for _, s in said):
        return
    got = _turns(data, "c.ttml", SourceFormat.ttml)
    assert all("Quartermaine" not in t and "Quartermaine" not in (who or "") for who, t in got)
    _same_speech(got, said)


@pytest.mark.fuzz
@fuzz_settings(30)
@given(_ttml(), st.data())
def test_fuzz_ttml_damaged(file: tuple[bytes, list[tuple[str | None, str]]], data: st.DataObject) -> None:
    """Markup cut or put in (a DOCTYPE, an entity, a time that is none, nesting past the limit), bytes flipped."""
    raw, _ = file
    how = data.draw(st.sampled_from(["bytes", "doctype", "nest", "time", "agent"]))
    if how == "bytes":
        raw = _mutate(data.draw, raw)
    elif how == "doctype":
        raw = raw.replace(b"?>", b'?><!DOCTYPE tt [<!ENTITY a "aaaa">]>', 1)
    elif how == "nest":
        n = data.draw(st.integers(200, 5000))
        raw = raw.replace(b"<body>", b"<body>" + b"<div>" * n, 1).replace(b"</body>", b"</div>" * n + b"</body>", 1)
    elif how == "time":
        raw = raw.replace(b'begin="', b'begin="' + data.draw(st.sampled_from(
            [b"-", b"99999999999999", b"1e9", b"NaN", b"00:99:", b"\xef\xbc\x91"])), 1)
    else:
        raw = raw.replace(b'agent="a0"', data.draw(st.sampled_from([b'agent=""', b'agent=" "', b'agent="zz"'])))
    _refused_or_read(raw, "c.ttml")


# -- a header of fields, and Markdown ----------------------------------------------------------------------------------
_FIELDS = ["Interviewer", "Interviewee", "Date", "Date of interview", "Location", "Duration", "Transcriber",
           "Participant ID", "Site", "Study"]
#: No empty value: a field left blank on the line above the first turn ("Interviewee:") is read as a label with no
#: speech, by the plain reader's rule for a label alone on its line (left, see the section in docs/benchmarks.md).
_VALUES = ["ST", "P04", "12/03/2025", "Bulwell", "45 min", "JB", "Zoë Müller", "أحمد", "\u202eX\u202c",
           "10:30", "**Jo**", "-->", "Interviewer: ST"]


def _rows_of(fields: list[tuple[str, str]], widths: list[int]) -> list[list[tuple[str, str]]]:
    """The fields set out on lines of one to three (a header names each field once)."""
    rows: list[list[tuple[str, str]]] = []
    i = 0
    for w in widths:
        if i >= len(fields):
            break
        rows.append(fields[i:i + w])
        i += w
    return rows


@pytest.mark.fuzz
@fuzz_settings(40)
@given(st.lists(st.tuples(st.sampled_from(_FIELDS), st.sampled_from(_VALUES)), min_size=1, max_size=8,
                unique_by=lambda f: f[0]).flatmap(
           lambda fields: st.lists(st.integers(1, 3), min_size=len(fields), max_size=len(fields)).map(
               lambda widths: _rows_of(fields, widths))),
       st.lists(st.tuples(st.sampled_from(["Zoë Müller", "Seán O'Neill", "R", "Chidi Okafor-Bello"]), SPEECH),
                min_size=1, max_size=5),
       st.sampled_from(["   ", "\t", " | "]), st.sampled_from(["\n", "\r\n"]))
def test_fuzz_header_of_fields(header: list[list[tuple[str, str]]], turns: list[tuple[str, str]], gap: str,
                               eol: str) -> None:
    """A header of fields above the turns, several to a line: never a speaker's turn; its words stay in the text
    (the anonymiser reads them); the turns below read as written."""
    turns = turns + turns
    lines = [gap.join(f"{f}: {v}" for f, v in row) for row in header]
    body = [f"{who}: {said}" for who, said in turns]
    text = eol.join([*lines, "", *body]) + eol
    try:
        parsed = detect.parse(text.encode(), "h.txt")
    except ParseError as exc:  # a header line that reads as a table's header, a caption or JSON: refused so
        assert str(exc).startswith("h.txt: ") and "\n" not in str(exc)
        return
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    speakers = {clean_name(w) for w, _ in turns} | {None}
    # a header's field is never a speaker: each is named once, with a short value or beside another field
    assert {t.speaker_name for t in canon.turns} <= speakers, {t.speaker_name for t in canon.turns} - speakers
    assert all(_chars(squash(v)) in _chars(canon.text) for row in header for _, v in row)
    assert all(_chars(squash(s)) in _chars(canon.text) for _, s in turns if _chars(squash(s)))
    check_reads_or_refuses(text.encode(), "h.txt")


@pytest.mark.fuzz
@fuzz_settings(40)
@given(st.lists(st.tuples(st.sampled_from([n for n in NAMES if n not in ("I",)]), SPEECH), min_size=1, max_size=6),
       st.sampled_from(["bold", "bold_time", "inline", "inline_outside", "heading"]),
       st.sampled_from(["\n", "\r\n"]), st.sampled_from(["utf-8", "bom"]), st.booleans())
def test_fuzz_markdown(turns: list[tuple[str, str]], form: str, eol: str, how: str, title: bool) -> None:
    turns = turns + turns
    lines = ["# Interview notes", ""] if title else []
    for i, (who, said) in enumerate(turns):
        lines += {"bold": [f"**{who}**", said], "bold_time": [f"**{who}** [00:{i // 60:02d}:{i % 60:02d}]", said],
                  "inline": [f"**{who}:** {said}"], "inline_outside": [f"**{who}**: {said}"],
                  "heading": [f"### {who}", said]}[form] + [""]
    expected = [(clean_name(w), s) for w, s in turns]
    try:
        got = _turns(_encode(eol.join(lines), how), "t.md", SourceFormat.plain_md)
    except AssertionError:
        raise
    # Markdown's own marks in speech (emphasis, escapes, a list's bullet) are formatting: compare without them
    strip = str.maketrans("", "", "*_\\")
    assert _chars("".join(t for _, t in got)).translate(strip).replace("Interviewnotes", "", 1) == _chars(
        "".join(squash(s) for _, s in expected)).translate(strip)
    named = [who for who, _ in got if who is not None]
    assert named == _collapsed(expected)


# -- CSV and Excel tables of turns ------------------------------------------------------------------------------------
_CELL_WORD = st.one_of(SPEECH_WORD, st.sampled_from([",", ";", "\t", '"', '""', "\n", "\r\n", "=1+1", "+44", "@x",
                                                     "-", "'"]))
_CELL = st.tuples(st.sampled_from(_OPENERS), st.lists(_CELL_WORD, max_size=8)).map(lambda t: " ".join([t[0], *t[1]]))
_HEADERS = [["start", "end", "speaker", "text"], ["Speaker", "Text"], ["Start Time", "Speaker Name", "Transcript"],
            ["speaker", "text", "confidence"], ["Timestamp", "Speaker", "Text", "Notes"]]


@st.composite
def _table(draw: st.DrawFn) -> tuple[list[list[str]], list[tuple[str | None, str]]]:
    header = draw(st.sampled_from(_HEADERS))
    names = [h.casefold() for h in header]
    rows = [header]
    said: list[tuple[str | None, str]] = []
    for i in range(draw(st.integers(1, 6))):
        who = draw(st.sampled_from(SPEAKERS))
        text = draw(_CELL)
        row = []
        for n in names:
            if "speaker" in n:
                row.append(who)
            elif n in ("text", "transcript"):
                row.append(text)
            elif n in ("start", "start time", "timestamp"):
                row.append(draw(st.sampled_from([f"{i}.5", f"00:00:{i:02d}.000", f"{i}:00", str(i)])))
            elif n == "end":
                row.append(f"{i + 1}")
            else:
                row.append(draw(st.sampled_from(["0.9", "", "Zenobia said so", "=HYPERLINK(\"x\")"])))
        rows.append(row)
        said.append((who, _as_text(text)))
    return rows, said


def _table_name(cell: str | None) -> str | None:
    """A speaker cell as the table readers give it: a name cleaned as every reader cleans one, the cell as text."""
    return clean_name(_as_text(cell)).rstrip(":").rstrip() or None if cell is not None else None


def _table_speakers(said: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """A row with no speaker goes on with the turn above, as the reader reads it."""
    out: list[tuple[str | None, str]] = []
    for cell, text in said:
        if not _chars(squash(text)):
            continue
        who = _table_name(cell)
        out.append((out[-1][0] if who is None and out else who, text))
    return out


def _assert_table_read(got: list[tuple[str | None, str]], said: list[tuple[str | None, str]]) -> None:
    """A table's turns hold the rows' speech, squashed as a turn is, and its speakers with a speaker's rows in a row
    collapsed into one turn."""
    expected = _table_speakers(said)
    assert _chars("".join(t for _, t in got)) == _chars("".join(squash(t) for _, t in expected))
    assert [who for who, _ in got] == _collapsed(expected)


@pytest.mark.fuzz
@fuzz_settings(40)
@given(_table(), st.sampled_from([",", ";", "\t"]), st.sampled_from(["\n", "\r\n"]),
       st.sampled_from(["utf-8", "bom", "utf-16"]))
def test_fuzz_csv(table: tuple[list[list[str]], list[tuple[str | None, str]]], sep: str, eol: str, how: str) -> None:
    rows, said = table
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator=eol).writerows(rows)
    if not any(_chars(squash(t)) for _, t in said):
        return
    _assert_table_read(_turns(_encode(buf.getvalue(), how), "t.csv", SourceFormat.csv_table), said)


@pytest.mark.fuzz
@fuzz_settings(25)
@given(_table(), st.data())
def test_fuzz_csv_damaged(table: tuple[list[list[str]], list[tuple[str | None, str]]], data: st.DataObject) -> None:
    rows, _ = table
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    _refused_or_read(_mutate(data.draw, buf.getvalue().encode()), "t.csv")


_SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _xlsx(rows: list[list[str]], inline: bool) -> bytes:
    """A workbook of one sheet, its parts built as trees (shared strings, or inline strings)."""
    shared: list[str] = []
    sheet = etree.Element(f"{{{_SML}}}worksheet", nsmap={None: _SML})
    data = etree.SubElement(sheet, f"{{{_SML}}}sheetData")
    for r, row in enumerate(rows, 1):
        row_el = etree.SubElement(data, f"{{{_SML}}}row", {"r": str(r)})
        for c, value in enumerate(row):
            value = _xml_safe(value)
            ref = f"{chr(65 + c)}{r}"
            if inline:
                cell = etree.SubElement(row_el, f"{{{_SML}}}c", {"r": ref, "t": "inlineStr"})
                t = etree.SubElement(etree.SubElement(cell, f"{{{_SML}}}is"), f"{{{_SML}}}t")
                t.text = value
                t.set(f"{{{_XML}}}space", "preserve")
            else:
                if value not in shared:
                    shared.append(value)
                cell = etree.SubElement(row_el, f"{{{_SML}}}c", {"r": ref, "t": "s"})
                etree.SubElement(cell, f"{{{_SML}}}v").text = str(shared.index(value))
    sst = etree.Element(f"{{{_SML}}}sst", nsmap={None: _SML})
    for s in shared:
        t = etree.SubElement(etree.SubElement(sst, f"{{{_SML}}}si"), f"{{{_SML}}}t")
        t.text = s
        t.set(f"{{{_XML}}}space", "preserve")
    book = etree.Element(f"{{{_SML}}}workbook", nsmap={None: _SML, "r": _REL})
    etree.SubElement(etree.SubElement(book, f"{{{_SML}}}sheets"), f"{{{_SML}}}sheet",
                     {"name": "Transcript", "sheetId": "1", f"{{{_REL}}}id": "rId1"})
    rels = etree.Element(f"{{{_PKG}}}Relationships", nsmap={None: _PKG})
    etree.SubElement(rels, f"{{{_PKG}}}Relationship", {"Id": "rId1", "Target": "worksheets/sheet1.xml"})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, tree in (("xl/workbook.xml", book), ("xl/_rels/workbook.xml.rels", rels),
                           ("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet)):
            z.writestr(name, etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))
    return buf.getvalue()


@pytest.mark.fuzz
@fuzz_settings(30)
@given(_table(), st.booleans())
def test_fuzz_xlsx(table: tuple[list[list[str]], list[tuple[str | None, str]]], inline: bool) -> None:
    rows, said = table
    rows = [[_xml_safe(c) for c in row] for row in rows]
    said = [(None if w is None else _xml_safe(w), _xml_safe(t)) for w, t in said]
    if not any(_chars(squash(t)) for _, t in said):
        return
    _assert_table_read(_turns(_xlsx(rows, inline), "t.xlsx", SourceFormat.xlsx_table), said)


@pytest.mark.fuzz
@fuzz_settings(25)
@given(_table(), st.data())
def test_fuzz_xlsx_damaged(table: tuple[list[list[str]], list[tuple[str | None, str]]], data: st.DataObject) -> None:
    """A part damaged inside the archive (cut, a DOCTYPE, a cell past the sheet's width, a shared string that is not
    there), or the archive's bytes damaged."""
    rows, _ = table
    raw = _xlsx([[_xml_safe(c) for c in row] for row in rows], inline=False)
    how = data.draw(st.sampled_from(["bytes", "part"]))
    if how == "bytes":
        raw = _mutate(data.draw, raw)
    else:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        name = data.draw(st.sampled_from(sorted(parts)))
        damage = data.draw(st.sampled_from([b"", b"<!DOCTYPE x [<!ENTITY e 'e'>]>", b'<c r="XFD1"><v>1</v></c>',
                                            b'<c r="A1" t="s"><v>99999</v></c>', b"<row>" * 3000, b"\x00"]))
        at = data.draw(st.integers(0, len(parts[name])))
        parts[name] = parts[name][:at] + damage + (b"" if data.draw(st.booleans()) else parts[name][at:])
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for n, b in parts.items():
                z.writestr(n, b)
        raw = buf.getvalue()
    _refused_or_read(raw, "t.xlsx")


# -- Pages, Numbers and Keynote ----------------------------------------------------------------------------------------
@pytest.mark.fuzz
@fuzz_settings(25)
@given(st.sampled_from(["Index/Document.iwa", "Index.zip", "index.xml"]),
       st.lists(st.sampled_from(["Metadata/Properties.plist", "preview.jpg", "Data/img.png", "word/x.xml",
                                 "xl/workbook.xml", "content.xml", "mimetype"]), max_size=3, unique=True),
       st.data())
def test_fuzz_pages_refused(index: str, others: list[str], data: st.DataObject) -> None:
    """An iWork archive, whole or damaged, is refused naming the file; never read as another format's text."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(index, b"\x00\x01Zenobia Quartermaine said so")
        for name in others:
            z.writestr(name, b"<x>Zenobia</x>")
    raw = buf.getvalue()
    if "word/x.xml" not in others and not data.draw(st.booleans()):
        with pytest.raises(ParseError, match=r"^k\.pages: not read: this is an Apple Pages"):
            detect.parse(raw, "k.pages")
        return
    raw = _mutate(data.draw, raw)
    try:
        parsed = detect.parse(raw, "k.pages")
    except CmoError as exc:
        assert str(exc).startswith("k.pages: ") and "\n" not in str(exc)
        return
    assert not any("Zenobia" in u.text for u in parsed.utterances)


# -- one format's markers in another's file, through detection ---------------------------------------------------------
@pytest.mark.fuzz
@fuzz_settings(40)
@given(st.lists(st.tuples(st.sampled_from(["Zoë Müller", "Seán O'Neill", "Dana Cohen"]),
                          st.tuples(st.sampled_from(_OPENERS), st.lists(st.sampled_from(FOREIGN[:20]), min_size=1,
                                                                        max_size=4)).map(
                              lambda t: " ".join([t[0], *t[1]]))),
                min_size=1, max_size=5))
def test_fuzz_markers_of_other_formats_in_plain_speech(turns: list[tuple[str, str]]) -> None:
    """A plain ``Name: text`` transcript whose speech says other formats' markers is read as plain text, its
    speakers and words as written."""
    turns = turns + turns
    text = "\n\n".join(f"{who}: {said}" for who, said in turns) + "\n"
    got = _turns(text.encode(), "p.txt", SourceFormat.plain_txt)
    _same_speech(got, [(clean_name(w), s) for w, s in turns])


# -- an import that refuses writes nothing -----------------------------------------------------------------------------
def _state(*roots: Path) -> dict[str, str]:
    """Every file's digest; SQLite's shared-memory index (``-shm``) changes on reading, and holds no data."""
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for root in roots if root.exists() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.endswith("-shm")}


@pytest.mark.fuzz
@fuzz_settings(10)
@given(st.one_of(_assemblyai().map(lambda f: ("a.json", json.dumps(f[0]).encode())),
                 _transcribe().map(lambda f: ("t.json", json.dumps(f[0]).encode())),
                 _ttml().map(lambda f: ("c.ttml", f[0])),
                 _table().map(lambda f: ("t.xlsx", _xlsx([[_xml_safe(c) for c in r] for r in f[0]], False)))),
       st.data())
def test_fuzz_import_refused_writes_nothing(file: tuple[str, bytes], data: st.DataObject) -> None:
    name, raw = file
    raw = _mutate(data.draw, raw) if data.draw(st.booleans()) else raw
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        project = Project.create(tmp / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"))
        secure = tmp / "secure"
        first = tmp / "first.txt"
        first.write_text("Zoë Müller: hello\n\nR: yes\n\nZoë Müller: ok\n", encoding="utf-8")
        try:
            assert import_files(project, [first], secure).files[0].status == "imported"
            before = _state(tmp / "study", secure)
            src = tmp / name
            src.write_bytes(raw)
            report = import_files(project, [src], secure)
            after = _state(tmp / "study", secure)
        finally:
            project.close()
        result = report.files[0]
        if result.status == "failed":
            assert result.error and result.error.startswith(f"{src}: ") and "\n" not in result.error, result.error
            assert "could not be read (" not in result.error, result.error  # an internal error, not a refusal
            assert after == before
