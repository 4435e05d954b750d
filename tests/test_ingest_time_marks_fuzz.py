"""Fuzz targets for the readers of times around speech (``ingest/time_marks.py`` and the plain reader's time labels):
f4transkript marks, Google Meet time lines, Trint/Sonix ``Name  [00:01:02]`` DOCX, Word "Transcribe" time-and-speaker
lines, Rev-style ``Name (00:01:02):`` labels, Microsoft Stream VTT with open ``<v Name>`` tags and GUID cue ids, and
UTF-16 files, generated with hostile names and speech: diacritics, right-to-left letters and bidi controls,
zero-width and control characters, ``#`` and ``[`` inside speech, a label with no speech, a heading that is a name,
times out of range or malformed.

What must hold for every file: the format detected is the one written (never a reader that drops text); every
character of speech is in exactly one turn, in order, under the speaker that said it; every turn slices the text
to exactly its speech. Where a time is malformed the line may be read as speech rather than as a label, so there
the weaker property is checked: nothing written is lost, nothing is invented, offsets still slice.

The tests in ``test_anonymise_eleventh_study.py`` run the same shapes on plain speech; these are the hostile runs,
short in ``make test`` and long under ``make fuzz``.
"""

from __future__ import annotations

import html
import io
from collections import Counter

import pytest
from docx import Document
from fuzzing import fuzz_settings
from hypothesis import assume, given
from hypothesis import strategies as st

from cmo_coder.errors import CmoError
from cmo_coder.ingest import canonical, detect
from cmo_coder.ingest.normalise import clean_name, squash
from cmo_coder.model import SourceFormat

#: Speakers as transcription tools write them: accents, apostrophes, an Irish fada, Vietnamese tones, a name with a
#: zero-width joiner or a bidi mark inside (each reader drops those), a right-to-left name, f4's short labels.
NAMES = ["Zoë Müller", "Seán O'Neill", "Nguyễn Văn An", "Mòrag Nic\u200bLeòid", "\u202bDana Cohen\u202c",
         "Speaker 1", "B1", "I", "Chidi Okafor-Bello", "Ana\u0301 Lucía"]
#: Right-to-left names need no capital; the header formats (a name alone on a line) need one, as a name has.
RTL_NAMES = ["أحمد علي", "שרה לוי"]
_LETTERS = list("abcdefghijklmnopqrstuvwxyzABCXYZéßñçòøĳ") + ["ا", "ب", "ש", "中", "ễ", "e\u0301"]
_HOSTILE = ["\u200b", "\u200f", "\u202e", "\u2066", "\x01", "\x7f", "\u00ad", "#", "##", "[", "]", "(", ")", "…",
            "#1", "#MeToo", "[laughs]", "[inaudible 00:03]", "10:30", "#00:01", "#12:30#", "#0:1:2-3#", "5pm,", "?",
            "-", "'", "\"", "!"]
WORD = st.one_of(st.lists(st.sampled_from(_LETTERS), min_size=1, max_size=8).map("".join), st.sampled_from(_HOSTILE))
#: A line of speech starts with an ordinary word: a line starting with a time or ``Name:`` is a label by design.
SPEECH = st.tuples(st.sampled_from(["so", "and", "well", "yeah", "right", "we", "i"]),
                   st.lists(WORD, min_size=0, max_size=12)).map(lambda t: [t[0], *t[1]])
TIMES = st.integers(0, 35999)


def _stamp(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _turns(data: bytes, name: str, fmt: SourceFormat | None = None) -> list[tuple[str | None, str]]:
    parsed = detect.parse(data, name)
    if fmt is not None:
        assert parsed.format is fmt
    canon = canonical.build(parsed.utterances, canonical.joiner_for(parsed.format))
    out = [(t.speaker_name, canon.text[t.start:t.end]) for t in canon.turns]
    for (_, said), t in zip(out, canon.turns, strict=True):
        assert said == said.strip() and said, (said, t)  # a turn is speech, not the space around it
    assert canon.text == "\n\n".join(said for _, said in out)  # nothing between turns but their separators
    return out


def _expected(turns: list[tuple[str, list[str]]], joiner: str) -> list[tuple[str, str]]:
    """Each turn's speech, cleaned as every reader cleans it, under its cleaned name; a turn whose speech cleans
    away is no turn, and a speaker's turns in a row are one."""
    out: list[tuple[str, str]] = []
    for name, words in turns:
        said = squash(" ".join(words))
        if not said:
            continue
        who = clean_name(name)
        if out and out[-1][0] == who:
            out[-1] = (who, out[-1][1] + joiner + said)
        else:
            out.append((who, said))
    return out


def _twice(turns: list[tuple[str, list[str], int]]) -> list[tuple[str, list[str], int]]:
    """Each speaker named twice at least, as in any interview: a short label (``B1:``) said once is speech."""
    return turns + turns


TURNS = st.lists(st.tuples(st.sampled_from(NAMES + RTL_NAMES), SPEECH, TIMES), min_size=1, max_size=8).map(_twice)
HEADED = st.lists(st.tuples(st.sampled_from([n for n in NAMES if n not in ("I",)]), SPEECH, TIMES), min_size=1,
                  max_size=8).map(_twice)


def _chars(text: str) -> str:
    return "".join(text.split())


def _nothing_lost(got: list[tuple[str | None, str]], turns: list[tuple[str, list[str], int]]) -> None:
    """Every character of speech is in the output, in order (a malformed time may join speech, never drop it)."""
    out = iter(_chars("".join(said for _, said in got)))
    for _, words, _ in turns:
        for ch in _chars(squash(" ".join(words))):
            assert any(ch == c for c in out), ch
    names = {clean_name(n) for n, _, _ in turns} | {None}
    assert {who for who, _ in got} <= names


# -- what the fuzz targets found, kept as regular tests ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Interviewer: See you at 10:30\nRespondent: Fine, thanks.\nInterviewer: See you at 10:30\n",
    "Zoë Müller: so 10:30\n\nZoë Müller: so 10:30\n",
    "Zoë Müller (00:00:00): so 10:30\n\nZoë Müller (00:00:00): so 10:30\n",
    "Zoë Müller: so  10:30\n\nSeán O'Neill: right\n\nZoë Müller: so  10:30\n",
])
def test_a_labelled_line_said_twice_ending_in_a_time_is_not_an_otter_header(text: str) -> None:
    """The same words ending in a time, said twice, made "Interviewer: See you at" a recurring Otter speaker: the
    whole file was read as Otter's, speech became speakers' names and the next speaker's words went to them."""
    got = _turns(text.encode(), "plain.txt", SourceFormat.plain_txt)
    assert all(who is not None and ":" not in who for who, _ in got)
    assert [said for _, said in got if "10:30" in said]


def test_speech_ending_in_a_time_after_two_spaces_does_not_make_a_trint_file_otters() -> None:
    """A short paragraph "so we meet at  10:30" has the shape of an Otter header: one of them made a whole Trint
    document (or text) Otter's, each speaker's header speech and "so we meet at" a speaker."""
    turns = [("Zoë Müller", "00:00:00", "so we meet at  10:30"), ("Seán O'Neill", "00:00:04", "fine"),
             ("Zoë Müller", "00:00:09", "so we meet at  10:30"), ("Seán O'Neill", "00:00:12", "grand")]
    paras = [p for who, at, said in turns for p in (f"{who}  [{at}]", said)]
    expected = [("Zoë Müller", "so we meet at 10:30"), ("Seán O'Neill", "fine"), ("Zoë Müller", "so we meet at 10:30"),
                ("Seán O'Neill", "grand")]
    assert _turns(_docx(paras), "trint.docx") == expected
    assert _turns("\n".join(paras).encode(), "trint.txt", SourceFormat.plain_txt) == expected


@pytest.mark.parametrize("head", ["00:00:{:02d} {}", "{1} ({0:02d}:00):"])
def test_speech_ending_in_a_time_said_twice_does_not_make_word_or_rev_lines_otters(head: str) -> None:
    """The same for Word's "Transcribe" lines and Rev's labels on a line of their own: "so we meet at 10:30" said
    twice was a speaker the file vouched for (one space before the time is enough for a recurring name)."""
    turns = [("Zoë Müller", "so we meet at 10:30"), ("Seán O'Neill", "fine"), ("Zoë Müller", "so we meet at 10:30")]
    text = "\n".join(f"{head.format(i, who)}\n{said}\n" for i, (who, said) in enumerate(turns))
    assert _turns(text.encode(), "word.txt", SourceFormat.plain_txt) == turns


def test_otter_headers_are_still_headers() -> None:
    two_spaces = "Jane Adams  0:03\nHello there.\n\nSam Lee  0:09\nHi.\n\nJane Adams  0:15\nRight.\n"
    one_space = ("Meeting\nJane Adams 0:03\nHello there.\nSam Lee 0:09\nHi.\nJane Adams 0:15\nRight.\n"
                 "Sam Lee 0:20\nOk.\n")
    assert _turns(two_spaces.encode(), "otter.txt", SourceFormat.otter_txt) == [
        ("Jane Adams", "Hello there."), ("Sam Lee", "Hi."), ("Jane Adams", "Right.")]
    assert _turns(one_space.encode(), "otter.txt", SourceFormat.otter_txt) == [
        ("Jane Adams", "Hello there."), ("Sam Lee", "Hi."), ("Jane Adams", "Right."), ("Sam Lee", "Ok.")]


@pytest.mark.fuzz
@fuzz_settings(25)
@given(TURNS, st.booleans())
def test_fuzz_f4_marks(turns: list[tuple[str, list[str], int]], crlf: bool) -> None:
    text = "\n\n".join(f"{n}: {' '.join(w)} #{_stamp(at)}-{at % 10}#" for n, w, at in turns) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    assert _turns(text.encode(), "f4.txt", SourceFormat.plain_txt) == _expected([(n, w) for n, w, _ in turns], "\n")


@pytest.mark.fuzz
@fuzz_settings(25)
@given(TURNS, st.sampled_from(["#99:99:99-9#", "#00:00:60-1#", "#0:00:01#", "#00:01:02,5#", "#00:01:02-#",
                               "# 00:01:02-3#", "#00:01:02-3", "00:01:02-3#", "#-1:00:00-0#"]))
def test_fuzz_f4_malformed_marks_lose_nothing(turns: list[tuple[str, list[str], int]], mark: str) -> None:
    text = "\n\n".join(f"{n}: {' '.join(w)} {mark}" for n, w, _ in turns) + "\n"
    got = _turns(text.encode(), "f4.txt", SourceFormat.plain_txt)
    _nothing_lost(got, turns)


@pytest.mark.fuzz
@fuzz_settings(20)
@given(TURNS, st.booleans(), st.sampled_from(["Check-in (2026-03-04 10:02 GMT) - Transcript", "Zoë Müller",
                                               "Attendees", "Transcript"]))
def test_fuzz_meet_time_lines(turns: list[tuple[str, list[str], int]], crlf: bool, heading: str) -> None:
    """Time lines between turns, a heading (sometimes a person's name) above them: the heading stays as text; Meet's
    own header (its title ends "- Transcript") is the file's header and is dropped (``ingest.meet_header``)."""
    lines = [heading, "Attendees", ", ".join(sorted({clean_name(n) for n, _, _ in turns})), "Transcript"]
    for i, (name, words, at) in enumerate(turns):
        if i % 2 == 0:
            lines += [_stamp(at), " "]
        lines.append(f"{name}: {' '.join(words)}")
    text = ("\r\n" if crlf else "\n").join(lines)
    got = _turns(("\ufeff" + text).encode(), "meet.txt", SourceFormat.plain_txt)
    expected = _expected([(n, w) for n, w, _ in turns], "\n")
    if heading.endswith("- Transcript"):
        assert got == expected
        return
    assert got[1:] == expected and got[0][0] is None
    head = got[0][1]
    assert clean_name(heading) in head and not any(_stamp(at) in head for _, _, at in turns)


def _docx(paragraphs: list[str]) -> bytes:
    """A document of these paragraphs; C0 control characters left out, since XML cannot hold them."""
    doc = Document()
    for p in paragraphs:
        doc.add_paragraph("".join(c for c in p if c >= " " or c in "\t"))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.mark.fuzz
@fuzz_settings(10)
@given(HEADED, st.sampled_from([None, "interview 12-03-2026.mp3", "Mairi MacLeod", "Ruth Alderson  "]),
       st.sampled_from(["[{}]", "({})"]))
def test_fuzz_trint_headers(turns: list[tuple[str, list[str], int]], heading: str | None, brackets: str) -> None:
    """A speaker and a bracketed time above each paragraph; a heading above them all, which may be a name."""
    assume(max(Counter(clean_name(n) for n, _, _ in turns).values()) >= 2)
    paras = ([heading] if heading else []) + [
        p for n, w, at in turns for p in (f"{n}  {brackets.format(_stamp(at))}", " ".join(w))]
    got = _turns(_docx(paras), "trint.docx")
    expected = _expected([(n, w) for n, w, _ in turns], "\n")
    if heading:
        assert got[0] == (None, heading.strip()) and got[1:] == expected
    else:
        assert got == expected


@pytest.mark.fuzz
@fuzz_settings(20)
@given(HEADED, st.booleans())
def test_fuzz_word_transcribe_lines(turns: list[tuple[str, list[str], int]], as_docx: bool) -> None:
    """Word's "Transcribe": ``00:00:03 Speaker 1`` on a line, the speech in the paragraph below."""
    paras = [p for n, w, at in turns for p in (f"{_stamp(at)} {n}", " ".join(w))]
    if as_docx:
        got = _turns(_docx(paras), "transcribe.docx")
    else:
        got = _turns("\n".join(paras).encode(), "transcribe.txt", SourceFormat.plain_txt)
    assert got == _expected([(n, w) for n, w, _ in turns], "\n")


@pytest.mark.fuzz
@fuzz_settings(25)
@given(TURNS, st.booleans(), st.booleans())
def test_fuzz_rev_labels(turns: list[tuple[str, list[str], int]], own_line: bool, empty_first: bool) -> None:
    """``Name (00:01:02):`` before the speech or on a line above it; a label with no speech after it is left out."""
    lines = []
    if empty_first:
        lines += [f"{turns[0][0]} ({_stamp(0)}):", ""]
    for n, w, at in turns:
        lines += [f"{n} ({_stamp(at)}):", " ".join(w), ""] if own_line else [f"{n} ({_stamp(at)}): {' '.join(w)}", ""]
    got = _turns("\n".join(lines).encode(), "rev.txt", SourceFormat.plain_txt)
    assert got == _expected([(n, w) for n, w, _ in turns], "\n")


@pytest.mark.fuzz
@fuzz_settings(15)
@given(TURNS, st.sampled_from(["[00:61:99]", "[99:99]", "[00:01:02.99999]", "[]", "[00:01:02", "(1:2:3)",
                               "[00:00:60]"]))
def test_fuzz_malformed_header_times_lose_nothing(turns: list[tuple[str, list[str], int]], stamp: str) -> None:
    paras = [p for n, w, _ in turns for p in (f"{n}  {stamp}", " ".join(w))]
    try:
        got = _turns(_docx(paras), "trint.docx")
    except CmoError as exc:
        assert "trint.docx" in str(exc)
        return
    _nothing_lost(got, turns)


@pytest.mark.fuzz
@fuzz_settings(25)
@given(TURNS, st.booleans(), st.booleans())
def test_fuzz_stream_vtt(turns: list[tuple[str, list[str], int]], close: bool, split: bool) -> None:
    """Stream's VTT: GUID cue ids, ``<v Name>`` left open (or closed), an utterance sometimes over two cues."""
    blocks = ["WEBVTT"]
    for i, (n, w, _) in enumerate(turns):
        body = [html.escape(x, quote=False) for x in w]
        parts = [body[: len(body) // 2], body[len(body) // 2:]] if split and len(body) > 1 else [body]
        for j, part in enumerate(parts):
            cue = f"<v {html.escape(n)}>{' '.join(part)}" + ("</v>" if close else "")
            blocks.append(f"3f1e9a2c-7b4d-4c1e-9a0b-{i:012d}/{i + 10}-{j}\n"
                          f"{_stamp(i * 4)}.{j * 500:03d} --> {_stamp(i * 4 + 3)}.000\n{cue}")
    got = _turns(("\n\n".join(blocks) + "\n").encode(), "stream.vtt", SourceFormat.teams_vtt)
    assert got == _expected([(n, w) for n, w, _ in turns], " ")


@pytest.mark.fuzz
@fuzz_settings(25)
@given(TURNS, st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"]), st.booleans())
def test_fuzz_utf16_notepad(turns: list[tuple[str, list[str], int]], encoding: str, crlf: bool) -> None:
    """A plain transcript saved by Notepad: UTF-16 with a BOM reads as UTF-8 does; without one it is refused by
    name (NUL bytes), never read as something else."""
    text = "\n\n".join(f"{n}: {' '.join(w)}" for n, w, _ in turns) + "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        with pytest.raises(CmoError, match=r"^notepad\.txt: binary data"):
            detect.parse(data, "notepad.txt")
        data = ("\ufeff" + text).encode(encoding)  # the same file with its BOM
    got = _turns(data, "notepad.txt", SourceFormat.plain_txt)
    assert got == _expected([(n, w) for n, w, _ in turns], "\n")


# -- the study's files of these formats, mutated ---------------------------------------------------------------------
# ``../shared`` holds real exports of Zoom only (fuzzed in ``test_fuzz_real_files.py``): no real f4, Meet, Trint,
# Stream or Notepad file is there. The eleventh study's files, written in those tools' shapes, are mutated instead,
# with the lines each of these formats is made of put in whole, broken or doubled.

from pathlib import Path  # noqa: E402

from test_fuzz_real_files import _mutate_archive, _mutate_text  # noqa: E402
from test_ingest_fuzz import check_reads_or_refuses  # noqa: E402

STUDY_FILES = Path(__file__).parent / "data" / "eleventh_study" / "transcripts"
TIME_LINES = [
    "#00:01:23-4#", "##00:01:23-4##", "#00:01:23-4# Zoë Müller: hello", "Zoë Müller: #00:01:23-4#", "#99:99:99-9#",
    "00:05:00", " 00:05:00 ", "99:99", "00:05:00 Zoë Müller", "00:05:00 Zoë Müller:", "Zoë Müller  [00:01:07]",
    "Zoë Müller  [00:01:67]", "Zoë Müller (00:01:02):", "Zoë Müller (00:01:02): ", "Zoë Müller [00:01:02]: hi",
    "\u202eZoë Müller\u202c  [00:01:07]", "Zo\u200bë Müller (00:01:02):", "أحمد علي (00:01:02):", "[00:01:02]",
    "(00:01:02)", "Speaker 1  [00:00:00]", "00:00:03 Speaker 1", "#", "[", "Zoë Müller", "Transcript",
    "Attendees", "Mairi MacLeod, Zoë Müller",
]


def _study_files(*suffixes: str) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(STUDY_FILES.iterdir()) if p.suffix in suffixes]


def _mutate_lines(draw: st.DrawFn, data: bytes) -> bytes:
    """A line of these formats put in, or a line of the file doubled, blanked or moved."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    text = data.decode("utf-16" if utf16 else "utf-8", "replace")
    lines = text.split("\n")
    op = draw(st.sampled_from(["insert", "insert", "double", "blank", "move"]))
    i = draw(st.integers(0, len(lines) - 1))
    if op == "insert":
        lines.insert(i, draw(st.sampled_from(TIME_LINES)))
    elif op == "double":
        lines[i:i] = lines[i:i + draw(st.integers(1, 4))]
    elif op == "blank":
        lines[i] = ""
    else:
        lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(i))
    return "\n".join(lines).encode("utf-8")


def test_the_study_files_read_unmutated() -> None:
    files = _study_files(".txt", ".vtt", ".srt", ".docx")
    assert len(files) == 6
    for name, content in files:
        check_reads_or_refuses(content, name)


@pytest.mark.fuzz
@fuzz_settings(40)
@given(data=st.data())
def test_fuzz_study_files_of_the_new_readers(data: st.DataObject) -> None:
    name, content = data.draw(st.sampled_from(_study_files(".txt", ".vtt", ".srt")))
    for _ in range(data.draw(st.integers(1, 4))):
        content = _mutate_lines(data.draw, content) if data.draw(st.booleans()) else _mutate_text(data.draw, content)
    check_reads_or_refuses(content, f"study-{name}")


@pytest.mark.fuzz
@fuzz_settings(10)
@given(data=st.data())
def test_fuzz_study_trint_docx(data: st.DataObject) -> None:
    name, content = data.draw(st.sampled_from(_study_files(".docx")))
    for _ in range(data.draw(st.integers(1, 3))):
        content = _mutate_archive(data.draw, content, "word/document.xml")
    check_reads_or_refuses(content, f"study-{name}")
