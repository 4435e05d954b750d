"""Fuzz targets for the readers of Whisper's JSON and TSV (``ingest/whisper.py``), HTML transcripts
(``ingest/html_transcript.py``) and WhatsApp chat exports (``ingest/whatsapp.py``), with hostile names and speech.

What must hold for every generated file: the format detected is the one written (never a reader that drops text);
every character of speech is in exactly one turn, in order, under the speaker that wrote it; every turn slices the
text to exactly its speech; a file that cannot be read is refused with one ``ParseError`` naming the file and the
place (segment, line), never an internal error. Where a reader leaves something out by design (an HTML comment, a
``<script>``, a WhatsApp notice or "<Media omitted>"), the test puts a name there and checks it is gone from every
turn and that nothing else is.

The regular tests at the top are the defects these targets found, kept as ordinary cases.
"""

from __future__ import annotations

import html
import json
import math
import re
import unicodedata
from pathlib import Path

import pytest
from fuzzing import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from reference_text import unescape_as_read
from test_ingest_time_marks_fuzz import NAMES, RTL_NAMES, WORD, _chars, _turns

from cmo_coder.errors import CmoError
from cmo_coder.ingest import detect
from cmo_coder.ingest.html_transcript import page_lines
from cmo_coder.ingest.normalise import clean_name, squash
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import SourceFormat

#: Words of speech with the characters these formats give a meaning to: markup, entities, brackets, colons.
_MARKUP = ["<", ">", "&", "&amp;", "a<b", "x>y", "<3", "[", "]", "#", ":", "a:b", "10:30", "[00:00:01]", "&lt;",
           "\"", "'", "=1+1", "+44", "-"]
SPEECH_WORD = st.one_of(WORD, st.sampled_from(_MARKUP))
SPEECH = st.tuples(st.sampled_from(["so", "and", "well", "yeah", "right", "we", "i"]),
                   st.lists(SPEECH_WORD, min_size=0, max_size=10)).map(lambda t: " ".join([t[0], *t[1]]))
#: noScribe's time mark, as the reader takes it out of a page that has two or more.
_MARK = re.compile(r"\[[0-9]{2}:[0-9]{2}:[0-9]{2}\]")
#: A name that must never reach a turn where the reader leaves text out.
SECRET = "Zenobia Quartermaine"


def _speech_chars(texts: list[str]) -> str:
    return _chars("".join(squash(t) for t in texts))


def _collapsed(speakers: list[str | None]) -> list[str | None]:
    out: list[str | None] = []
    for s in speakers:
        if not out or out[-1] != s:
            out.append(s)
    return out


def _encode(text: str, how: str) -> bytes:
    if how == "utf-16":
        return text.encode("utf-16")
    return (("\ufeff" if how == "bom" else "") + text).encode("utf-8")


# -- what the targets found, kept as regular tests ----------------------------------------------------------------
@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e400", "1e300", "-1", "\"12\"", "true", "[1]"])
def test_a_whisper_time_that_is_no_time_is_refused_naming_the_segment(value: str) -> None:
    """JSON's NaN and Infinity (Python's json reads them) were taken as times: a NaN compares false with every
    time, and the turn went into the project with it."""
    data = ('{"segments": [{"text": " hi", "start": 0, "end": 1}, {"text": " there", "start": '
            + value + ', "end": 2}]}').encode()
    with pytest.raises(ParseError, match=r"^w\.json: segment 2: a segment's time"):
        detect.parse(data, "w.json")


def test_whisper_text_with_half_a_character_is_refused_naming_the_segment() -> None:
    """A ``\\ud800`` escape in a segment's text reached the import, which failed with an encoder's message naming
    no segment."""
    with pytest.raises(ParseError, match=r"^w\.json: segment 1: the 'text' holds half a character"):
        detect.parse(b'{"segments": [{"text": " hi \\ud800 there"}]}', "w.json")
    with pytest.raises(ParseError, match=r"^w\.json: segment 1: the 'speaker' holds half a character"):
        detect.parse(b'{"segments": [{"text": " hi", "speaker": "\\udfff"}]}', "w.json")


@pytest.mark.parametrize("speaker", ["5", "true", "[\"SPEAKER_00\"]", "{\"name\": \"Zo\u00eb\"}"])
def test_a_whisper_speaker_that_is_not_text_is_refused(speaker: str) -> None:
    """A speaker written as a number or a list was read as no speaker, silently: the turn lost who said it."""
    with pytest.raises(ParseError, match=r"^w\.json: segment 1: the 'speaker' is not text"):
        detect.parse(('{"segments": [{"text": " hi", "speaker": ' + speaker + "}]}").encode(), "w.json")


def test_whisper_json_of_too_many_segments_is_refused_as_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whisper's JSON is one line: the limit of lines never held it, and a million segments were read whole."""
    from cmo_coder.ingest import limits

    monkeypatch.setattr(limits, "MAX_TURNS", 3)
    data = json.dumps({"segments": [{"text": f" word {i}"} for i in range(10)]}).encode()
    with pytest.raises(ParseError, match=r"^w\.json: over 3 utterances \(reached at segment 4\)"):
        detect.parse(data, "w.json")


def test_an_html_comment_is_not_taken_for_captions() -> None:
    """An HTML page whose comment closes with "-->" near its top was refused as "looks like captions but is neither
    WebVTT nor SRT": the arrow test ran before the page was known as HTML."""
    page = "<html><!-- saved by noScribe -->\n<body><p>S00: hello</p><p>S01: yes</p></body></html>"
    assert _turns(page.encode(), "t.html", SourceFormat.plain_html) == [("S00", "hello"), ("S01", "yes")]


@pytest.mark.parametrize("tag", ["script", "style", "title", "template"])
def test_an_html_element_never_closed_that_hides_the_rest_is_refused(tag: str) -> None:
    """An unclosed ``<script>`` or ``<style>`` hid every paragraph after it: the page was read short, speech lost
    with no word said."""
    page = f"<html><body><p>S00: hello</p>\n<p>S00: so <{tag}>x</p><p>S01: every word here was lost</p>"
    with pytest.raises(ParseError, match=rf"^t\.html: line 2: <{tag}> is never closed"):
        detect.parse(page.encode(), "t.html")


def test_a_head_opened_inside_the_body_hides_nothing() -> None:
    """A ``<head>`` start tag in the body (a pasted fragment) hid the speech after it; a browser ignores it."""
    page = "<html><body><p>S00: hi</p><head><p>S01: inside a late head</p></head><p>S00: and after</p>"
    assert _turns(page.encode(), "t.html", SourceFormat.plain_html) == [
        ("S00", "hi"), ("S01", "inside a late head"), ("S00", "and after")]


def test_markup_said_in_html_speech_stays_speech() -> None:
    """"&lt;b&gt;" (a "<b>" said or typed in speech) and "&lt;Zoe Muller&gt;" were decoded, then cleaned a second
    time as tags and dropped with the words inside the brackets."""
    page = ("<html><body><p>S00: he said &lt;Zoe Muller&gt; and &lt;b&gt;bold&lt;/b&gt;</p>"
            "<p>S01: a &amp;lt; b</p></body></html>")
    assert _turns(page.encode(), "t.html", SourceFormat.plain_html) == [
        ("S00", "he said <Zoe Muller> and <b>bold</b>"), ("S01", "a &lt; b")]
    plain = "S00: he said &lt;Zoe Muller&gt; ok\n\nS01: yes\n"
    assert _turns(plain.encode(), "t.txt", SourceFormat.plain_txt)[0] == ("S00", "he said <Zoe Muller> ok")


def test_what_an_html_page_leaves_out_is_no_speech() -> None:
    """Comments, attributes, scripts, styles and the title are left out; hidden elements' text is kept."""
    page = (f"<html><head><title>{SECRET}</title><style>p {{}}</style></head><body>"
            f"<p>S00: hi <!-- {SECRET} --><img alt='{SECRET}'> there</p><script>var x = '{SECRET}';</script>"
            "<p>S01: <span hidden>kept</span> <span style='display:none'>too</span></p></body></html>")
    assert _turns(page.encode(), "t.html") == [("S00", "hi there"), ("S01", "kept too")]


def test_a_line_break_inside_html_speech_keeps_every_character() -> None:
    """A ``<br>`` breaks the line where it stands, inside a word too; the characters are all kept, in order."""
    page = "<html><body><p>S00: hello wor<br>ld and<br/>more</p><p>S01: yes</p></body></html>"
    assert _turns(page.encode(), "t.html") == [("S00", "hello wor\nld and\nmore"), ("S01", "yes")]


# -- Whisper's JSON and TSV -------------------------------------------------------------------------------------
_TIME = st.one_of(st.none(), st.integers(0, 10**6), st.floats(0, 10**5, allow_nan=False))
_BAD_TIME = st.sampled_from([math.nan, math.inf, -math.inf, -1, -0.001, 1e300, "1.0", True, [1], {"s": 1}])
SEGMENT = st.fixed_dictionaries({"text": SPEECH.map(lambda s: " " + s), "start": _TIME, "end": _TIME},
                                optional={"speaker": st.sampled_from(["SPEAKER_00", "SPEAKER_01", *NAMES]),
                                          "words": st.recursive(st.integers(), lambda c: st.lists(c, max_size=3),
                                                                max_leaves=20)})


@pytest.mark.fuzz
@fuzz_settings(30)
@given(st.lists(SEGMENT, min_size=1, max_size=8), st.sampled_from(["utf-8", "bom", "utf-16"]),
       st.sampled_from([None, 2]), st.booleans(), st.booleans())
def test_fuzz_whisper_json(segments: list[dict[str, object]], how: str, indent: int | None, ascii_only: bool,
                           language_first: bool) -> None:
    head: dict[str, object] = {"language": "en"} if language_first else {}
    body = {**head, "text": "".join(str(s["text"]) for s in segments), "segments": segments}
    data = _encode(json.dumps(body, indent=indent, ensure_ascii=ascii_only), how)
    texts = [str(s["text"]) for s in segments]
    if not _speech_chars(texts):
        return
    got = _turns(data, "w.json", SourceFormat.whisper_json)
    assert _chars("".join(said for _, said in got)) == _speech_chars(texts)
    said_by = [clean_name(str(s["speaker"])) if s.get("speaker") else None for s in segments if _chars(squash(
        str(s["text"])))]
    assert [who for who, _ in got] == _collapsed(said_by)


@pytest.mark.fuzz
@fuzz_settings(20)
@given(st.lists(SEGMENT, min_size=1, max_size=5), st.data())
def test_fuzz_whisper_json_bad_times_are_refused(segments: list[dict[str, object]], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(segments) - 1))
    segments[i][data.draw(st.sampled_from(["start", "end"]))] = data.draw(_BAD_TIME)
    with pytest.raises(ParseError, match=rf"^w\.json: segment {i + 1}: a segment's time"):
        detect.parse(json.dumps({"segments": segments}).encode(), "w.json")


@pytest.mark.fuzz
@fuzz_settings(20)
@given(st.one_of(st.integers(), st.floats(), st.text(max_size=20), st.lists(st.integers(), max_size=3),
                 st.dictionaries(st.sampled_from(["text", "segments", "language"]),
                                 st.one_of(st.none(), st.integers(), st.text(max_size=5),
                                           st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=5),
                                                              st.dictionaries(st.sampled_from(["text", "start"]),
                                                                              st.integers() | st.text(max_size=5),
                                                                              max_size=2)),
                                                    max_size=3)),
                                 max_size=3)),
       st.integers(0, 3000))
def test_fuzz_whisper_json_of_the_wrong_shape(value: object, depth: int) -> None:
    """JSON of any shape and nesting after Whisper's opening key: read, or refused in one line naming the file."""
    nested = "[" * depth + "]" * depth
    text = '{"segments": ' + json.dumps(value) + ', "words": ' + nested + "}"
    try:
        parsed = detect.parse(text.encode(), "w.json")
    except CmoError as e:
        assert str(e).startswith("w.json: ") and "\n" not in str(e)
        return
    assert parsed.format is SourceFormat.whisper_json


@pytest.mark.fuzz
@fuzz_settings(25)
@given(st.lists(st.tuples(st.integers(0, 10**8), st.integers(0, 10**8), SPEECH), min_size=1, max_size=8),
       st.sampled_from(["\n", "\r\n"]), st.sampled_from(["utf-8", "bom", "utf-16"]))
def test_fuzz_whisper_tsv(rows: list[tuple[int, int, str]], eol: str, how: str) -> None:
    text = eol.join(["start\tend\ttext", *(f"{a}\t{b}\t{s}" for a, b, s in rows)]) + eol
    got = _turns(_encode(text, how), "w.tsv", SourceFormat.whisper_tsv)
    assert _chars("".join(said for _, said in got)) == _speech_chars([s for _, _, s in rows])
    assert all(who is None for who, _ in got)


@pytest.mark.fuzz
@fuzz_settings(15)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), SPEECH), min_size=1, max_size=5),
       st.data())
def test_fuzz_whisper_tsv_bad_rows_are_refused_naming_the_line(rows: list[tuple[int, int, str]],
                                                               data: st.DataObject) -> None:
    lines = ["start\tend\ttext", *(f"{a}\t{b}\t{s}" for a, b, s in rows)]
    i = data.draw(st.integers(1, len(lines) - 1))
    lines[i] = data.draw(st.sampled_from(["-1\t20\tso", "1.5\t20\tso", "NaN\t20\tso", "10\tso", "so 10 20",
                                          "10 20 so", "1e3\t2e3\tso", "12345678901\t1\tso"]))
    with pytest.raises(ParseError, match=rf"^w\.tsv: line {i + 1}: "):
        detect.parse("\n".join(lines).encode(), "w.tsv")


# -- HTML -----------------------------------------------------------------------------------------------------------
#: What a page may hold between the words of speech: nothing of it is speech, and none of it may reach a turn.
_LEFT_OUT = [f"<!-- {SECRET} -->", f"<!--{SECRET}-->", f"<script>var n = '{SECRET}'; if (a < b) {{}}</script>",
             f"<style>/* {SECRET} */ p {{ color: red }}</style>", f"<img alt=\"{SECRET}\">",
             f"<span title='{SECRET}'></span>", f"<?xml-stylesheet {SECRET}?>", f"<template>{SECRET}</template>",
             f"<![CDATA[{SECRET}]]>", f"<title>{SECRET}</title>"]
#: Inline markup around or inside a word: it joins the word, and adds nothing.
_INLINE = ["<b>", "</b>", "<i>", "</i>", "<span class=\"x\">", "</span>", "<a href='#'>", "</a>", "<font>", "</font>"]


def _html_speech(draw: st.DrawFn, words: str) -> tuple[str, list[str]]:
    """Speech escaped as a page writes it, with markup put between and inside words; the words it must give back
    (a ``<br>`` between words is a line break, inside a word it splits the word: the characters stay the same)."""
    out = []
    for word in words.split(" "):
        escaped = html.escape(word, quote=False)
        if draw(st.integers(0, 9)) == 0:
            escaped = "".join(f"&#{ord(c)};" if c.isalpha() else html.escape(c, quote=False) for c in word)
        elif draw(st.integers(0, 6)) == 0:
            cut = draw(st.integers(0, len(escaped)))
            if "&" not in escaped[max(0, cut - 8):cut]:  # never inside an entity reference
                escaped = escaped[:cut] + draw(st.sampled_from(_INLINE)) + escaped[cut:]
        if draw(st.integers(0, 5)) == 0:
            escaped += draw(st.sampled_from(_LEFT_OUT))
        out.append(escaped)
    return " ".join(out), words.split(" ")


@st.composite
def _page(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    names = NAMES[:6] + ["S00", "S01", "SPEAKER_00"] + RTL_NAMES
    turns = draw(st.lists(st.tuples(st.sampled_from(names), SPEECH), min_size=1, max_size=6))
    turns = turns + turns  # a label is a label where the page names it twice
    marks = draw(st.booleans())
    paras = []
    for i, (name, words) in enumerate(turns):
        said, _ = _html_speech(draw, words)
        stamp = f"[{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}] " if marks else ""
        opener = draw(st.sampled_from(["<p>", "<p class=\"turn\">", "<div>", "<li>", "<p><span>"]))
        name_html = html.escape(name, quote=False)
        if draw(st.integers(0, 4)) == 0:
            name_html = f"<b>{name_html}</b>"
        paras.append(f"{opener}{stamp}{name_html}: {said}" + ("" if draw(st.booleans()) else "</p>"))
    head = draw(st.sampled_from([
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title></head><body>",
        "<html>\n<!-- noScribe: {} -->\n<body>", "<html><body><h1 hidden></h1>", "<HTML><BODY>"])).format(SECRET)
    depth = draw(st.integers(0, 300))
    page = head + "<div>" * depth + "\n".join(paras) + "</div>" * depth + draw(
        st.sampled_from(["</body></html>", "", "</html><p>", "</body></html>\n<!-- end -->"]))
    return page, [(clean_name(n), w) for n, w in turns]


@pytest.mark.fuzz
@fuzz_settings(40)
@given(_page(), st.sampled_from(["utf-8", "bom", "utf-16"]), st.sampled_from(["\n", "\r\n"]))
def test_fuzz_html_pages(page: tuple[str, list[tuple[str, str]]], how: str, eol: str) -> None:
    text, turns = page
    got = _turns(_encode(text.replace("\n", eol), how), "t.html", SourceFormat.plain_html)
    assert all(SECRET not in said and (who is None or SECRET not in who) for who, said in got)
    # a page's speech is text as written: "&amp;" on the page is "&", "&amp;amp;" is "&amp;", "&lt;b&gt;" is "<b>"
    written = [html.escape(w, quote=False) for _, w in turns]
    # a page of noScribe's marks: a mark is a time wherever it stands, by design
    if sum(len(_MARK.findall(line)) for line in page_lines(text)) >= 2:
        written = [_MARK.sub("", w) for w in written]
    assert _chars("".join(said for _, said in got)) == _speech_chars(written)
    assert [who for who, _ in got] == _collapsed([n for (n, _), w in zip(turns, written, strict=True)
                                                  if _chars(squash(w))])


@pytest.mark.fuzz
@fuzz_settings(25)
@given(_page(), st.data())
def test_fuzz_html_damaged(page: tuple[str, list[tuple[str, str]]], data: st.DataObject) -> None:
    """Markup cut, unclosed or doubled anywhere: the page is read or refused in one line, and no text a browser
    would show is lost without a refusal (each character read is one of the page's)."""
    text, _ = page
    at = data.draw(st.integers(0, len(text)))
    damage = data.draw(st.sampled_from(["<", "</", "<p", "<script>", "<style>", "<!--", "-->", "&", "&#", "&#x",
                                        "&#99999999999999;", "<br", "]]>", "<title>", "\x00", "\ufeff",
                                        "<div>" * 5000, "", "</p></div></body></html>"]))
    cut = data.draw(st.booleans())
    text = text[:at] + damage + ("" if cut else text[at:])
    try:
        got = _turns(text.encode(), "t.html")
    except CmoError as e:
        assert str(e).startswith("t.html: ") and "\n" not in str(e)
        return
    shown = _chars(unicodedata.normalize("NFC", unescape_as_read(text)))
    for _, said in got:
        assert all(c in shown or c == "\ufffd" for c in _chars(said))


# -- WhatsApp -----------------------------------------------------------------------------------------------------
#: (a date and time as one locale's export writes it, iPhone's brackets or not) for 12 March 2025, 14:02:11.
_STAMPS = [("[12/03/2025, 14:02:11]", " "), ("[12/03/2025, 2:02:11 PM]", " "), ("[12/03/2025, 2:02:11\u202fpm]", " "),
           ("[12.03.25, 14:02:11]", " "), ("[3/12/25, 2:02:11 PM]", " "), ("12/03/2025, 14:02", " - "),
           ("12/03/2025, 2:02 pm", " - "), ("3/12/25, 2:02 PM", " - "), ("12.03.25, 14:02", " - "),
           ("12/03/2025 14:02", " - "), ("12/03/25, 14:02", " – ")]
SENDERS = ["Jordan", "Zoë Müller", "+44 7700 900123", "Dr. Kaur 🌸", "Mòrag Nic\u200bLeòid", "أحمد علي",
           "Seán O'Neill", "~ Sam"]
_NO_SPEECH = ["<Media omitted>", "This message was deleted", "You deleted this message", "null",
              "\u200eimage omitted", "\u200e<attached: 00000012-PHOTO-2025-03-12-14-02-11.jpg>",
              "\u200eThis message was deleted."]
#: The app's notices, in several of its languages: no member's speech, and they name members.
_NOTICES_ANDROID = [f"Jordan added {SECRET}", f"{SECRET} left", f"Jordan a ajouté {SECRET}",
                    f"{SECRET} ist der Gruppe beigetreten", f"Jordan created group \"{SECRET}\"",
                    "Messages and calls are end-to-end encrypted. No one outside of this chat can read them."]
#: The notice an iPhone export opens with, from the chat itself (the group's name), in a few of the app's languages.
_OPENING = ["Messages and calls are end-to-end encrypted. Only people in this chat can read them.",
            "Les messages et les appels sont chiffrés de bout en bout.",
            "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt."]
_NOTICES_IOS = [f"Group: \u200e{SECRET} added Jordan", f"Group: \u200eJordan a ajouté {SECRET}",
                "Jordan: \u200eimage omitted"]


@st.composite
def _chat(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    stamp, sep = draw(st.sampled_from(_STAMPS))
    ios = stamp.startswith("[")
    lines: list[str] = []
    said: list[tuple[str, str]] = []
    for _ in range(draw(st.integers(2, 8))):
        kind = draw(st.sampled_from(["message", "message", "message", "lines", "none", "notice"]))
        who = draw(st.sampled_from(SENDERS))
        if kind == "notice":
            lines.append(f"{stamp}{sep}{draw(st.sampled_from(_NOTICES_IOS if ios else _NOTICES_ANDROID))}")
        elif kind == "none":
            lines.append(f"{stamp}{sep}{who}: {draw(st.sampled_from(_NO_SPEECH))}")
        else:
            first = draw(SPEECH)
            more = draw(st.lists(SPEECH, min_size=1, max_size=3)) if kind == "lines" else []
            lines += [f"{stamp}{sep}{who}: {first}", *more]
            said.append((clean_name(who), "\n".join([first, *more])))
    if len([ln for ln in lines if ln.startswith(stamp)]) < 2 or not said:
        lines += [f"{stamp}{sep}Jordan: so then", f"{stamp}{sep}Jordan: right"]
        said += [("Jordan", "so then"), ("Jordan", "right")]
    if ios:  # an iPhone export opens with the chat's own notice, sent by the chat itself, in the phone's language
        lines.insert(0, f"{stamp}{sep}Group: \u200e{draw(st.sampled_from(_OPENING))}")
    return "\n".join(lines) + "\n", said


@pytest.mark.fuzz
@fuzz_settings(40)
@given(_chat(), st.sampled_from(["utf-8", "bom", "utf-16"]), st.sampled_from(["\n", "\r\n"]))
def test_fuzz_whatsapp(chat: tuple[str, list[tuple[str, str]]], how: str, eol: str) -> None:
    text, said = chat
    got = _turns(_encode(text.replace("\n", eol), how), "chat.txt", SourceFormat.whatsapp_txt)
    assert all(SECRET not in t and (who is None or SECRET not in who) for who, t in got)
    lines = [[line for line in t.split("\n")] for _, t in said]  # each line of a message is cleaned on its own
    assert _chars("".join(t for _, t in got)) == _speech_chars([ln for msg in lines for ln in msg])
    assert [who for who, _ in got] == _collapsed([w for (w, _), msg in zip(said, lines, strict=True)
                                                  if _speech_chars(msg)])


@pytest.mark.parametrize("stamp", ["32/03/2025, 14:02 - ", "13/13/2025, 14:02 - ", "12/03/2025, 25:02 - ",
                                   "[12/03/2025, 14:61:00] ", "00/03/2025, 14:02 - "])
def test_a_whatsapp_date_that_is_no_date_is_refused_naming_the_line(stamp: str) -> None:
    text = f"12/03/2025, 14:01 - Jordan: hi\n12/03/2025, 14:01 - Sam: ok\n{stamp}Jordan: so\n"
    if stamp.startswith("["):
        text = text.replace("12/03/2025, 14:01 - ", "[12/03/2025, 14:01:00] ")
    with pytest.raises(ParseError, match=r"^chat\.txt: line 3: bad date or time"):
        detect.parse(text.encode(), "chat.txt")


def test_a_sender_known_by_a_phone_number_stays_in_the_secure_folder(tmp_path: Path) -> None:
    """A member the exporting phone had not saved is named by the number: the import keeps it as the speaker's name
    in the secure folder, gives a provisional label, and the project holds the label only."""
    from click.testing import CliRunner

    from cmo_coder.cli.main import cli

    chat = tmp_path / "chat.txt"
    chat.write_text("12/03/2025, 14:02 - Jordan: hi\n12/03/2025, 14:03 - +44 7700 900123: hello there\n"
                    "12/03/2025, 14:04 - Jordan: ok\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(tmp_path / "study"), "--codebook", "tiny"]).exit_code == 0
    result = runner.invoke(cli, ["import", str(tmp_path / "study"), str(chat), "--secure", str(tmp_path / "secure")])
    assert result.exit_code == 0, result.output
    assert '"+44 7700 900123",,ROLE,SITE,' in result.output  # the suggested manifest line, on the terminal only
    held = b"".join(p.read_bytes() for p in (tmp_path / "study").rglob("*") if p.is_file())
    assert b"900123" not in held and b"Jordan" not in held
