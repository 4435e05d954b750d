"""Caption files people download: YouTube's automatic captions as rolling WebVTT, YouTube's SBV, and TTML/DFXP
(Microsoft Stream, the BBC, broadcast tools).

Each must give the turns and speakers the SRT of the same captions gives, every word once and in order, offsets
that slice to their text; hostile files are refused with one ``ParseError`` naming the file. The fuzz targets at
the end generate captions from invented words and names and render them in each format."""

from __future__ import annotations

import html

import pytest
from fuzzing import fuzz_settings, mutated, read_or_refused, read_turns
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.ingest import detect
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat

_turns = read_turns


def _words(text: str) -> list[str]:
    return text.split()


def _stamp(ms: int, sep: str = ".") -> str:
    s, ms = divmod(ms, 1000)
    return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}{sep}{ms:03d}"


# Cues: (speaker label or None, text lines), one second each.
Cues = list[tuple[str | None, list[str]]]
CONVERSATION: Cues = [
    ("Jordan Reyes", ["welcome everyone to the", "Millbrook residents meeting"]),
    (None, ["we start with the play area"]),
    ("Priya Shah", ["thanks Jordan"]),
    (None, ["the bins at Elm Court again"]),
    ("Jordan Reyes", ["noted"]),
]


def _srt(cues: Cues) -> str:
    out = []
    for i, (who, lines) in enumerate(cues):
        body = [f"{who}: {lines[0]}" if who else lines[0], *lines[1:]]
        out.append(f"{i + 1}\n{_stamp(i * 1000, ',')} --> {_stamp(i * 1000 + 900, ',')}\n" + "\n".join(body))
    return "\n\n".join(out) + "\n"


def _sbv(cues: Cues, chevrons: bool = True) -> str:
    out = []
    for i, (who, lines) in enumerate(cues):
        head = (">> " if chevrons else "") + f"{who}: " if who else ""
        body = [head + lines[0], *lines[1:]]
        out.append(f"{_stamp(i * 1000)[1:]},{_stamp(i * 1000 + 900)[1:]}\n" + "\n".join(body))
    return "\n\n".join(out) + "\n"


def _ttml(cues: Cues, agents: bool = True, encoding: str = "UTF-8") -> str:
    names = sorted({w for w, _ in cues if w})
    ids = {n: f"spk{i}" for i, n in enumerate(names)}
    head = "".join(f'<ttm:agent xml:id="{ids[n]}" type="person"><ttm:name type="full">{html.escape(n)}'
                   "</ttm:name></ttm:agent>" for n in names)
    ps = []
    current = None
    for i, (who, lines) in enumerate(cues):
        current = who or current
        agent = f' ttm:agent="{ids[current]}"' if agents and current else ""
        prefix = "" if agents or not who else f"{html.escape(who)}: "
        body = "<br/>".join(f'<span tts:color="white">{html.escape(x, quote=False)}</span>' for x in lines)
        ps.append(f'<p begin="{_stamp(i * 1000)}" end="{_stamp(i * 1000 + 900)}"{agent}>{prefix}{body}</p>')
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n'
            '<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" '
            'xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xml:lang="en">\n'
            f'<head><metadata><ttm:title>Residents meeting</ttm:title>{head}</metadata>'
            '<styling><style xml:id="s1" tts:color="white"/></styling></head>\n'
            '<body><div>\n' + "\n".join(ps) + "\n</div></body></tt>\n")


def _youtube(words: list[str], per_line: int = 4) -> str:
    """Rolling automatic captions: each cue shows the line before it, then the new line with word timings; a
    cue of 10 ms between them shows the finished line alone, with a line of one space (as YouTube writes them)."""
    lines = [words[i:i + per_line] for i in range(0, len(words), per_line)]
    out = ["WEBVTT\nKind: captions\nLanguage: en\n"]
    t = 0
    previous = " "
    for line in lines:
        timed = line[0] + "".join(f"<{_stamp(t + 300 * (j + 1))}><c> {w}</c>" for j, w in enumerate(line[1:]))
        end = t + 300 * len(line) + 100
        out.append(f"{_stamp(t)} --> {_stamp(end)} align:start position:0%\n{previous}\n{timed}\n")
        out.append(f"{_stamp(end)} --> {_stamp(end + 10)} align:start position:0%\n{' '.join(line)}\n \n")
        previous = " ".join(line)
        t = end + 10
    return "\n".join(out)


# -- YouTube's rolling automatic captions ---------------------------------------------------------------------------
def test_youtube_rolling_captions_read_each_word_once_in_order() -> None:
    words = _words("welcome everyone to the Millbrook residents meeting tonight we start with the play area")
    got = _turns(_youtube(words), "meeting.en.vtt", SourceFormat.youtube_vtt)
    assert got == [(None, " ".join(words))]


def test_youtube_a_line_said_twice_with_word_timings_is_read_twice() -> None:
    """Repeated speech on two timed lines is two things said; only the roll's copy of a line is left out."""
    words = ["yes", "I", "agree", "yes", "I", "agree", "Jordan"]
    got = _turns(_youtube(words, per_line=3), "y.vtt", SourceFormat.youtube_vtt)
    assert got == [(None, "yes I agree yes I agree Jordan")]


def test_youtube_cue_settings_and_notes_are_never_text() -> None:
    text = _youtube(_words("the clinic on Harbour Street closed")).replace(
        "Language: en\n", "Language: en\n\nNOTE made by a downloader\nZenobia Quartermaine\n", 1)
    got = _turns(text, "n.vtt", SourceFormat.youtube_vtt)
    assert got == [(None, "the clinic on Harbour Street closed")]
    assert "align" not in got[0][1] and "position" not in got[0][1] and "Zenobia" not in got[0][1]


def test_youtube_captions_give_the_turns_of_the_same_srt() -> None:
    cues: Cues = [("Jordan Reyes", ["hello all"]), (None, ["so to begin"]), ("Priya Shah", ["thanks Jordan"]),
                  ("Jordan Reyes", ["right"]), ("Priya Shah", ["and the bins"])]
    rolled = ["WEBVTT\nKind: captions\n"]
    previous = " "
    for i, (who, lines) in enumerate(cues):
        line = (f">> {who}: " if who else "") + lines[0]
        first, *rest = line.split(" ")
        timed = first + "".join(f"<{_stamp(i * 1000 + 100 * (j + 1))}><c> {w}</c>" for j, w in enumerate(rest))
        rolled.append(f"{_stamp(i * 1000)} --> {_stamp(i * 1000 + 900)}\n{previous}\n{timed}\n")
        previous = line
    srt = _srt([(w, ls) for w, ls in cues])
    assert _turns("\n".join(rolled), "r.vtt", SourceFormat.youtube_vtt) == _turns(srt, "r.srt", SourceFormat.srt)


def test_youtube_lines_of_one_word_are_known_by_the_line_of_spaces() -> None:
    got = _turns(_youtube(_words("so we met on Tuesday"), per_line=1), "o.vtt", SourceFormat.youtube_vtt)
    assert got == [(None, "so we met on Tuesday")]


def test_a_webvtt_without_word_timings_is_still_read_cue_by_cue() -> None:
    """Uploaded captions never roll: two cues alike are two things said, and the Zoom reader keeps both."""
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nyes\n\n00:00:02.000 --> 00:00:03.000\nyes\n"
    assert _turns(text, "u.vtt", SourceFormat.zoom_vtt) == [(None, "yes yes")]


def test_youtube_text_outside_a_cue_is_refused_never_dropped() -> None:
    """A line after a blank line that no timing line opens is no cue's: refused, as the other WebVTT readers do,
    rather than left out unread."""
    text = _youtube(_words("one two three four five six")) + "\nZenobia Quartermaine said hello\n"
    with pytest.raises(ParseError, match=r"^s\.vtt: line \d+: expected a cue timing line"):
        detect.parse(text.encode(), "s.vtt")
    glued = _youtube(_words("one two three")).replace("Language: en\n\n", "Language: en\n", 1)
    with pytest.raises(ParseError, match=r"^g\.vtt: line 4: a blank line must follow the WEBVTT header"):
        detect.parse(glued.encode(), "g.vtt")
    with_id = _youtube(_words("one two three")).replace("00:00:00.000 -->", "cue-1\n00:00:00.000 -->", 1)
    assert _turns(with_id, "i.vtt") == [(None, "one two three")]


def test_youtube_truncated_timing_is_refused_naming_the_line() -> None:
    text = _youtube(_words("one two three four five six")) + "\n00:00:09.0\n"
    text = text.replace("00:00:09.0\n", "00:00:09.0 --> 00:0\nfoo<00:00:09.500><c> bar</c>\n")
    with pytest.raises(ParseError, match=r"^t\.vtt: line \d+: malformed cue timing"):
        detect.parse(text.encode(), "t.vtt")


# -- SBV ------------------------------------------------------------------------------------------------------------
def test_sbv_gives_the_turns_of_the_same_srt() -> None:
    assert _turns(_sbv(CONVERSATION), "m.sbv", SourceFormat.sbv) == _turns(_srt(CONVERSATION), "m.srt")
    assert _turns(_sbv(CONVERSATION, chevrons=False), "m.sbv") == _turns(_srt(CONVERSATION), "m.srt")
    assert _turns(_sbv(CONVERSATION), "m.sbv")[0] == ("Jordan Reyes", "welcome everyone to the Millbrook "
                                                      "residents meeting we start with the play area")


def test_sbv_with_crlf_and_a_bom_reads_the_same() -> None:
    data = ("\ufeff" + _sbv(CONVERSATION).replace("\n", "\r\n")).encode()
    assert _turns(data, "m.sbv") == _turns(_sbv(CONVERSATION), "m.sbv")


@pytest.mark.parametrize("bad", ["0:00:05.000,0:00", "0:00:05.000 0:00:06.000", "0:00:05,0:00:06", "hello there"])
def test_sbv_broken_timing_is_refused_naming_the_line(bad: str) -> None:
    text = _sbv(CONVERSATION) + f"\n{bad}\nmore words\n"
    with pytest.raises(ParseError, match=r"^m\.sbv: line 17: (malformed cue timing|expected a cue timing line)"):
        detect.parse(text.encode(), "m.sbv")


def test_a_plain_transcript_opening_with_a_time_range_is_not_sbv() -> None:
    """Only the SBV shape (two times and a comma, nothing else) opens an SBV file."""
    text = "0:00:01.000 to 0:00:04.000\nI: hello\nR: hi\nI: and then\n"
    assert detect.parse(text.encode(), "p.txt").format is SourceFormat.plain_txt


# -- TTML / DFXP ----------------------------------------------------------------------------------------------------
def test_ttml_with_agents_gives_the_turns_of_the_same_srt() -> None:
    got = _turns(_ttml(CONVERSATION), "m.ttml", SourceFormat.ttml)
    assert got == _turns(_srt(CONVERSATION), "m.srt")
    assert "Residents meeting" not in " ".join(s for _, s in got)  # the head's title is no speech


def test_ttml_agent_names_are_cleaned_as_every_reader_cleans_a_name() -> None:
    doc = _ttml([("Zo\u00eb  M\u00fcller\u200b", ["hello there"]), ("A &amp; B", ["and you"])])
    assert [w for w, _ in _turns(doc, "n.ttml")] == ["Zoë Müller", "A &amp; B"]


def test_ttml_with_name_prefixes_gives_the_turns_of_the_same_srt() -> None:
    assert _turns(_ttml(CONVERSATION, agents=False), "m.dfxp") == _turns(_srt(CONVERSATION), "m.srt")


def test_ttml_in_utf16_and_the_old_dfxp_namespace_reads() -> None:
    text = _ttml(CONVERSATION, encoding="UTF-16").replace("http://www.w3.org/ns/ttml",
                                                          "http://www.w3.org/2006/10/ttaf1")
    assert _turns(text.encode("utf-16"), "m.dfxp") == _turns(_srt(CONVERSATION), "m.srt")


def test_ttml_escaped_markup_in_speech_is_kept_as_written_and_metadata_is_not_speech() -> None:
    doc = _ttml([(None, ["x"])]).replace(
        '<span tts:color="white">x</span>',
        "a &lt;b&gt; tag &amp;amp; a heart &lt;3<metadata>Zenobia Quartermaine</metadata><set tts:color='red'/>")
    assert _turns(doc, "e.ttml") == [(None, "a <b> tag &amp; a heart <3")]


def test_ttml_times_in_ticks_frames_and_offsets() -> None:
    doc = ('<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" '
           'ttp:tickRate="10000000" ttp:frameRate="25"><body><div begin="10s">'
           '<p begin="15000000t" end="2500ms">one</p><p begin="00:00:03:05" dur="1.5s">two</p>'
           '<p>three</p></div></body></tt>')
    parsed = detect.parse(doc.encode(), "t.ttml")
    assert [(u.text, u.start_time, u.end_time) for u in parsed.utterances] == [
        ("one", 11.5, 12.5), ("two", 13.2, 14.7), ("three", 14.7, 14.7)]


def test_ttml_a_time_that_is_no_time_is_refused_naming_the_line() -> None:
    doc = '<tt xmlns="http://www.w3.org/ns/ttml">\n<body>\n<p begin="soon" end="1s">hi</p></body></tt>'
    with pytest.raises(ParseError, match=r"^t\.ttml: line 3: begin='soon' is not a TTML time"):
        detect.parse(doc.encode(), "t.ttml")


BILLION_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE tt [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<tt xmlns="http://www.w3.org/ns/ttml"><body>'
                  '<p begin="0s" end="1s">&c;</p></body></tt>')
EXTERNAL = ('<?xml version="1.0"?>\n<!DOCTYPE tt [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
            '<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="0s" end="1s">&x;</p></body></tt>')


@pytest.mark.parametrize("doc", [BILLION_LAUGHS, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_ttml_with_a_dtd_is_refused_naming_the_file(doc: str) -> None:
    with pytest.raises(ParseError, match=r"^h\.ttml: the XML has a DOCTYPE or ENTITY declaration; refused"):
        detect.parse(doc.encode(), "h.ttml")
    with pytest.raises(ParseError, match=r"DOCTYPE"):
        detect.parse(doc.encode("utf-16"), "h.ttml")


def test_ttml_nested_deeper_than_the_parser_allows_is_refused() -> None:
    deep = "<span>" * 5000 + "Zenobia" + "</span>" * 5000
    doc = f'<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="0s" end="1s">{deep}</p></body></tt>'
    with pytest.raises(ParseError, match=r"^d\.ttml: (line \d+: not well-formed XML|elements nested over)"):
        detect.parse(doc.encode(), "d.ttml")


@pytest.mark.parametrize("doc", [
    '<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="0s" end="1s">cut off',
    '<tt xmlns="http://www.w3.org/ns/ttml"><head/></tt>',
    '<tt xmlns="http://www.w3.org/ns/ttml"><body><div/></body></tt>',
])
def test_ttml_broken_or_empty_is_refused_naming_the_file(doc: str) -> None:
    with pytest.raises(ParseError, match=r"^b\.ttml: "):
        detect.parse(doc.encode(), "b.ttml")


def test_other_xml_is_still_refused_as_unknown() -> None:
    with pytest.raises(ParseError, match="unknown format"):
        detect.parse(b'<?xml version="1.0"?><root><p>hello</p></root>', "x.xml")


# -- properties and fuzz targets ------------------------------------------------------------------------------------
_WORD = st.one_of(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéßñ'", min_size=1, max_size=8),
                  st.sampled_from(["&", "<3", "a<b", "x>y", "10:30", "[laughs]", "-", "?", "&amp;", "Zoë", "O'Neill"]))
_LINE = st.lists(_WORD, min_size=1, max_size=6).map(lambda ws: ["so", *ws])
_WHO = st.sampled_from([None, None, "Jordan Reyes", "Priya Shah", "Seán O'Neill"])
_CUES = st.lists(st.tuples(_WHO, st.lists(_LINE.map(" ".join), min_size=1, max_size=2)), min_size=1, max_size=12)


@given(words=st.lists(_WORD, min_size=1, max_size=60), per_line=st.integers(2, 7))
@fuzz_settings(60)
@pytest.mark.fuzz
def test_fuzz_youtube_rolling_reads_every_word_once(words: list[str], per_line: int) -> None:
    words = ["so", *words]
    # WebVTT escapes "<" and "&" in its text, as YouTube writes them; read, each is decoded once
    got = _turns(_youtube([html.escape(w, quote=False) for w in words], per_line), "f.vtt", SourceFormat.youtube_vtt)
    assert [s for _, s in got] == [" ".join(" ".join(words).split())]


@given(cues=_CUES)
@fuzz_settings(60)
@pytest.mark.fuzz
def test_fuzz_sbv_and_ttml_read_as_the_srt(cues: Cues) -> None:
    # SubRip reads "<3 x>" as a tag (its speech is not escaped); TTML's escaped "&lt;3" is speech, tested above.
    cues = [(w, [ln.replace("&", "and").replace("<", "lt").replace(">", "gt") for ln in ls]) for w, ls in cues]
    srt = _turns(_srt(cues), "f.srt")
    assert _turns(_sbv(cues), "f.sbv", SourceFormat.sbv) == srt
    assert _turns(_ttml(cues, agents=False), "f.ttml", SourceFormat.ttml) == srt


@given(data=st.data())
@fuzz_settings(80)
@pytest.mark.fuzz
def test_fuzz_mutated_caption_files_are_read_or_refused_cleanly(data: st.DataObject) -> None:
    """Bytes cut, doubled, dropped or put in anywhere: read with turns that slice, or one ParseError naming the
    file; never another error."""
    kind = data.draw(st.sampled_from(["youtube", "sbv", "ttml"]))
    base = {"youtube": _youtube(_words("so we met at the clinic and then Jordan said yes")),
            "sbv": _sbv(CONVERSATION), "ttml": _ttml(CONVERSATION)}[kind].encode()
    base = mutated(data, base, [b"<", b">", b"-->", b"\n\n", b"&", b"<!DOCTYPE x>", b"<span>", b"</p>",
                                b"\x00", b"\xff", b"00:00:01.000", b",", b" ", b"<c>", b"\r"])
    read_or_refused(base, f"m.{kind}")
