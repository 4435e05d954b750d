"""Each reader on realistic sources, through detection and canonical text building."""

from __future__ import annotations

from pathlib import Path

import ingest_fixtures as fx
import pytest

from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat


def build(data: bytes, name: str, **kw: object) -> tuple[SourceFormat, canonical.Canonical]:
    parsed = detect.parse(data, name, **kw)  # type: ignore[arg-type]
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    return parsed.format, canon


def turns(canon: canonical.Canonical) -> list[tuple[str | None, str]]:
    return [(t.speaker_name, canon.text[t.start : t.end]) for t in canon.turns]


def test_teams_vtt_merges_split_cues_orders_by_time_and_decodes_names() -> None:
    fmt, canon = build(fx.TEAMS_VTT.encode(), "meeting.vtt")
    assert fmt is SourceFormat.teams_vtt
    assert turns(canon) == [
        ("Adams, Jennifer (She/Her)",
         "Thanks for joining. I'd like to start by asking how the recovery college first came up for you."),
        ("Lucía Farías (Guest)",
         "Sorry, can you hear me? Well, my care coordinator mentioned it & I was wary at first."),
        ("Adams, Jennifer (She/Her)", "That's helpful, thank you."),
    ]
    assert canon.turns[1].start_time == 11.0 and canon.turns[1].end_time == 18.3
    assert "Adams" not in canon.text and "<" not in canon.text


def test_zoom_vtt_crlf_prefixes_devices_and_unlabelled_cues() -> None:
    fmt, canon = build(fx.ZOOM_VTT.encode(), "zoom.txt")
    assert fmt is SourceFormat.zoom_vtt
    got = turns(canon)
    assert got[0] == ("Dr Sam Okafor", "Shall we begin? The recording is on.")
    assert got[1] == ("Galaxy S21", "Yes, I can hear you fine. The groups helped me most.")
    # "Note" is not a speaker: said once, and a sentence follows, so the cue keeps its words, flagged
    assert got[2] == (None, "Note: the room was noisy that day, I think.")
    assert canon.turns[2].flags == ["no_speaker"]
    assert "\r" not in canon.text


def test_zoom_vtt_infer_speakers_flags_them() -> None:
    data = (
        b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nPriya Shah: Hello there.\n\n"
        b"2\n00:00:02.000 --> 00:00:03.000\nand one more thing.\n\n"
        b"3\n00:00:03.000 --> 00:00:04.000\nPriya Shah: Bye.\n"
    )
    _, plain = build(data, "a.vtt")
    assert [t.flags for t in plain.turns] == [[], ["no_speaker"], []]
    _, inferred = build(data, "a.vtt", infer_speakers=True)
    # the continuation joins its speaker's turn, which records that part of it was inferred
    assert [(t.speaker_name, t.flags) for t in inferred.turns] == [("Priya Shah", ["inferred_speaker"])]
    assert inferred.text == "Hello there. and one more thing. Bye."


def test_zoom_captions_wall_clock_past_midnight() -> None:
    fmt, canon = build(fx.ZOOM_CAPTIONS.encode(), "captions.txt")
    assert fmt is SourceFormat.zoom_captions
    assert turns(canon) == [
        ("Dr Sam Okafor", "Welcome back, everyone. Let's continue."),
        ("Priya Shah", "I found the peer trainers really easy to talk to."),
    ]
    assert canon.turns[0].start_time == 0.0
    assert canon.turns[1].start_time == 15.0  # 23:59:50 → 00:00:05 is 15 s, not minus a day


def test_zoom_chat_is_refused_as_chat() -> None:
    with pytest.raises(ParseError, match="chat log"):
        detect.parse(fx.ZOOM_CHAT.encode(), "meeting_saved_chat.txt")


def test_otter_txt_strips_top_block_and_footer_keeps_paragraphs() -> None:
    fmt, canon = build(fx.OTTER_TXT.encode(), "otter.txt")
    assert fmt is SourceFormat.otter_txt
    assert turns(canon) == [
        ("Tom Baker", "So tell me about the first course you went on."),
        ("Priya Shah", "It was the wellbeing one. I nearly didn't go because of the bus.\n"
                       "But the peer trainer rang me the day before."),
        ("Tom Baker", "That's a nice touch."),
    ]
    assert canon.turns[2].start_time == 75.0
    assert "otter.ai" not in canon.text and "KEYWORDS" not in canon.text


def test_srt_unlabelled_cues_continue_the_speaker() -> None:
    fmt, canon = build(fx.SRT.encode(), "x.srt")
    assert fmt is SourceFormat.srt
    assert turns(canon) == [
        ("Interviewer", "How long have you worked on the ward?"),
        ("Respondent", "About six years now, mostly nights."),
        ("Interviewer", "And the college?"),
    ]


def test_plain_text_labels_wraps_and_paragraphs() -> None:
    fmt, canon = build(fx.PLAIN.encode(), "notes.txt")
    assert fmt is SourceFormat.plain_txt
    assert turns(canon) == [
        (None, "Interview with a staff member, site B"),
        ("I", "Could you tell me about your role?"),
        ("R", "I'm a support worker. I've been here since 2019, mostly on the early shift.\n"
              "Before that I was in a care home."),
        ("I", "Thanks."),
    ]


def test_teams_docx(tmp_path: Path) -> None:
    path = fx.teams_docx(tmp_path / "t.docx")
    fmt, canon = build(path.read_bytes(), str(path))
    assert fmt is SourceFormat.teams_docx
    assert turns(canon) == [
        ("Jennifer Adams", "Thanks for joining. How did you hear about the college?"),
        ("Lucía Farías", "My care coordinator told me & I signed up that week.\nIt was a long time ago now."),
    ]
    assert canon.turns[1].start_time == 11.0
    assert "transcription" not in canon.text and "38m" not in canon.text


def test_plain_and_otter_docx(tmp_path: Path) -> None:
    fmt, canon = build(fx.plain_docx(tmp_path / "p.docx").read_bytes(), "p.docx")
    assert fmt is SourceFormat.plain_docx
    assert turns(canon)[1] == ("Respondent", "The people, honestly.\nIt felt like nobody judged you.")
    fmt, canon = build(fx.otter_docx(tmp_path / "o.docx").read_bytes(), "o.docx")
    assert fmt is SourceFormat.otter_docx
    assert turns(canon) == [("Tom Baker", "Welcome, everyone."), ("Priya Shah", "Thanks for having us.")]


def test_cp1252_fallback_is_recorded() -> None:
    data = "R: It was a caf\u00e9 \u2013 nice.\nI: Ok.\n".encode("cp1252")
    parsed = detect.parse(data, "old.txt")
    assert parsed.utterances[0].text == "It was a caf\u00e9 \u2013 nice."
    assert parsed.warnings and "Windows-1252" in parsed.warnings[0]


def test_utf16_bom_and_zero_width_and_nfc() -> None:
    text = "\ufeffR: Jose\u0301 said\u200b hi\u0007.\nI: Ok.\n"
    parsed = detect.parse(text.encode("utf-16"), "u16.txt")
    assert parsed.utterances[0].text == "Jos\u00e9 said hi."


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.vtt", "empty"),
        (b"  \n\n", "blank.txt", "empty"),
        (b"\x00\x01\x02binary", "x.bin", "binary"),
        (b"%PDF-1.7 ...", "x.txt", "PDF"),
        (b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:0", "cut.vtt", "line 4: malformed cue timing"),
        (b"WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nA: hi\n\nsome stray text\n", "bad.vtt", "line 7"),
        (b"1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n00:00:0", "cut.srt", "malformed cue timing"),
        (b"just some prose without any speakers at all\nand more prose\n", "prose.txt", "unknown format"),
        (b"not a zip at all", "broken.docx", "not a valid .docx"),
        (b"PK\x03\x04garbage", "trunc.docx", "not a valid .docx"),
        (b"\x81\x8d\x8f\x90\x9d", "undecodable.txt", "undecodable"),
        (b'<?xml version="1.0"?><a/>', "x.xml", "unknown format"),
    ],
)
def test_bad_input_is_refused_naming_the_file(data: bytes, name: str, message: str) -> None:
    with pytest.raises(Exception, match=message) as info:
        detect.parse(data, name)
    assert name in str(info.value)


def test_docx_zip_without_document(tmp_path: Path) -> None:
    import zipfile

    p = tmp_path / "x.docx"
    with zipfile.ZipFile(p, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(ParseError, match="no word/document.xml"):
        detect.parse(p.read_bytes(), str(p))


def test_docx_zip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cmo_coder.ingest import docx_reader

    path = fx.plain_docx(tmp_path / "p.docx")
    monkeypatch.setattr(docx_reader, "MAX_DOCUMENT_XML", 1_000)
    with pytest.raises(ParseError, match="zip bomb"):
        detect.parse(path.read_bytes(), str(path))


def test_docx_entities_are_not_expanded(tmp_path: Path) -> None:
    import zipfile

    src = fx.plain_docx(tmp_path / "p.docx")
    bomb = tmp_path / "lol.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bomb, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                head, _, rest = data.partition(b"?>")
                data = head + b'?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>' + rest
                data = data.replace(b"The people, honestly.", b"&b;")
            zout.writestr(item, data)
    with pytest.raises(ParseError, match="lol.docx: .*DOCTYPE"):
        detect.parse(bomb.read_bytes(), str(bomb))


def test_generic_docx_with_a_speaker_table(tmp_path: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Transcript, site C")
    table = doc.add_table(rows=3, cols=2)
    for row, (who, said) in zip(table.rows, [("Interviewer", "How was the group?"), ("Respondent", "Good, mostly."),
                                             ("Interviewer", "Thanks.")], strict=True):
        row.cells[0].text, row.cells[1].text = who, said
    doc.save(tmp_path / "table.docx")
    fmt, canon = build((tmp_path / "table.docx").read_bytes(), "table.docx")
    assert fmt is SourceFormat.plain_docx
    assert turns(canon) == [(None, "Transcript, site C"), ("Interviewer", "How was the group?"),
                            ("Respondent", "Good, mostly."), ("Interviewer", "Thanks.")]
