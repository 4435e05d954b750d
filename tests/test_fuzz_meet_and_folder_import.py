"""Fuzz targets: Google Meet's transcript as Google Docs saves it (``ingest/meet_header.py`` through the plain
reader), and ``cmo-coder import`` on a folder of mixed formats as a user calls it (every file named at once, with
a manifest).

A Meet file is drawn as its parts: a title (words, a date or none, a hyphen or a dash, "Transcript"), a line
``Attendees`` in any case, the attendees on one to three lines (names with accents, apostrophes, titles, right-to-
left script, a zero-width or bidi mark, 120 letters, a number), ``Transcript``, Meet's notice or none, then time
lines and ``Name: speech`` turns by some attendees (others never speak) and by people the header does not name.
Then zero to three edits of its structure: a line dropped, doubled, moved or cut in half, a hostile string put in
a line (NUL, a lone CR, U+2028, a colon, a label's shape, 5,000 letters), lines ended CRLF, a BOM.

The contracts: a file is read with every turn slicing exactly to its text, or refused with a one-line error naming
the file; a Meet file read as such drops its header from every turn and says which attendees it named, each a
speaker or a silent attendee. Through the import: exit 1 exactly when a ``FAILED`` line names a file; a refused
file leaves no raw copy or source entry; each imported transcript's turns slice its text; every attendee a Meet
header named is in the participants key (a speaker, or a provisional person who never speaks, listed as such), and
no warning quotes one.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from fuzzing import fuzz_settings, read_turns
from hypothesis import event, given
from hypothesis import strategies as st

from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError
from cmo_coder.ingest import detect
from cmo_coder.ingest.utterance import ParseError
from cmo_coder.model import Transcript

NAMES = ["Amy Lo", "Ben Craig", "Siân Pryce", "Tom O'Neill", "Dr Ravi Menon", "Hamish Ure", "Zoë Ní Bhriain",
         "Ishbel Cowan", "Jo", "Kwame Mensah-Boateng", "María José García", "Yusuf Al-Amin"]
HOSTILE_NAMES = ["\u0633\u0627\u0631\u0627 \u0639\u0644\u064a", "Amy\u200bLo", "\u202eBen Craig", "A" * 120,
                 "Rev. J. Smith", "O\u2019Brien", "Nguyễn Văn An", "Ann-Marie Bell"]
HOSTILE = ["\x00", "\r", "\u2028", ":", "Amy Lo:", "00:00:00", "Attendees", "Transcript", "x" * 5000, "\ufeff",
           "\u200b", "- Transcript", ","]
WORDS = ["so", "we", "the", "list", "is", "long", "today", "right", "aye", "ok", "and", "rota", "thanks", "fine"]


@st.composite
def meet_file(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """``(text, attendees, who speaks)`` of a Meet transcript as Google Docs saves it, before any edit."""
    attendees = draw(st.lists(st.sampled_from(NAMES + HOSTILE_NAMES), min_size=1, max_size=6, unique=True))
    title = " ".join(draw(st.lists(st.sampled_from(["Ward", "huddle", "MDT", "Team", "catch-up", "Review"]),
                                   min_size=1, max_size=4)))
    if draw(st.booleans()):
        title += " (2026-05-13 13:02 GMT+1)"
    lines = [f"{title} {draw(st.sampled_from(['-', '–', '—']))} Transcript",
             draw(st.sampled_from(["Attendees", "ATTENDEES", "attendees"]))]
    per_line = draw(st.integers(1, 3))
    for i in range(0, len(attendees), max(1, -(-len(attendees) // per_line))):
        chunk = attendees[i:i + max(1, -(-len(attendees) // per_line))]
        lines.append(", ".join(chunk) + draw(st.sampled_from(["", ",", " "])))
    lines.append("Transcript")
    if draw(st.booleans()):
        lines.append("This editable transcript was computer generated and might contain errors.")
    speakers = draw(st.lists(st.sampled_from(attendees + ["Pat Doyle"]), min_size=1, max_size=6))
    for i, who in enumerate(speakers):
        if draw(st.booleans()):
            lines.append(f"00:{i:02d}:00")
        said = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
        lines.append(f"{who}: {said.capitalize()}.")
    if draw(st.booleans()):
        lines = [x for line in lines for x in (line, "")]  # Google Docs' blank line between paragraphs
    return "\n".join(lines) + "\n", attendees, list(dict.fromkeys(speakers))


@st.composite
def edited(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, max(0, len(lines) - 1)))
        how = draw(st.sampled_from(["drop", "double", "move", "cut", "insert"]))
        if how == "drop" and len(lines) > 1:
            del lines[at]
        elif how == "double":
            lines.insert(at, lines[at])
        elif how == "move":
            lines.insert(draw(st.integers(0, len(lines))), lines.pop(at))
        elif how == "cut":
            lines[at:at + 1] = [lines[at][: len(lines[at]) // 2], lines[at][len(lines[at]) // 2:]]
        else:
            k = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:k] + draw(st.sampled_from(HOSTILE)) + lines[at][k:]
    return "\n".join(lines)


def _encoded(draw: st.DrawFn, text: str) -> bytes:
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + text.encode("utf-8", "surrogatepass")


def _fold(name: str) -> str:
    from cmo_coder.ingest.speakers import clean_name

    return " ".join(clean_name(name).split()).casefold()


@pytest.mark.fuzz
@fuzz_settings(60)
@given(file=meet_file(), data=st.data())
def test_fuzz_meet_transcript(file: tuple[str, list[str], list[str]], data: st.DataObject) -> None:
    text, attendees, speakers = file
    whole = not data.draw(st.booleans(), label="edit")
    raw = _encoded(data.draw, text if whole else data.draw(edited(text)))
    try:
        turns = read_turns(raw, "meet.txt")
        parsed = detect.parse(raw, "meet.txt")
    except (ParseError, CmoError) as exc:  # a reader's refusal, or the decoder's (NUL bytes: no text)
        assert str(exc).startswith("meet.txt") and "\n" not in str(exc), exc
        event("refused")
        return
    event("read as Meet's" if parsed.attendees else "read as another file")
    if parsed.attendees:
        said = {_fold(who) for who, _ in turns if who}
        # the header names the attendees and is no one's speech: no turn quotes the line of their names
        header_line = ", ".join(parsed.attendees)
        assert not any(s == header_line for _, s in turns)
    if whole:  # the file as Meet wrote it: its header found, its attendees all named, a "name" of 120 letters too
        assert [_fold(a) for a in parsed.attendees] == [_fold(a) for a in attendees], (parsed.attendees, attendees)
        assert not any(line.strip().casefold() == "attendees" for _, s in turns for line in s.split("\n"))
        # a label is at most 60 characters (a longer "Name:" is a sentence's colon): the 120 letters' line is the
        # turn before's speech, the name kept in it for the anonymiser, and their attendee's entry removes it
        assert {_fold(s) for s in speakers if len(s) <= 60} <= said | {""}, (speakers, turns)
        assert all(any(s in t for _, t in turns) for s in speakers if len(s) > 60)


@st.composite
def mixed_folder(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    """Two to five files of the kinds a study's folder holds: Meet's text (whole or edited), Teams' VTT, SRT,
    a typed transcript, a service's JSON, raw bytes."""
    out = []
    for k in range(draw(st.integers(2, 5))):
        kind = draw(st.sampled_from(["meet", "meet", "vtt", "srt", "txt", "json", "bytes"]))
        said = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8))) + f" {k}"
        who = draw(st.sampled_from(NAMES))
        if kind == "meet":
            text, _, _ = draw(meet_file())
            raw = _encoded(draw, text if draw(st.booleans()) else draw(edited(text)))
            name = f"{k}-huddle.txt"
        elif kind == "vtt":
            raw = f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v {who}>{said}</v>\n".encode()
            name = f"{k}-call.vtt"
        elif kind == "srt":
            raw = f"1\n00:00:01,000 --> 00:00:02,000\n{who}: {said}\n".encode()
            name = f"{k}-captions.srt"
        elif kind == "txt":
            raw = f"Interviewer: {said}\n\n{who}: {said} too\n".encode()
            name = f"{k}-interview.txt"
        elif kind == "json":
            raw = json.dumps({"monologues": [{"speaker": 0, "elements": [
                {"type": "text", "value": said, "ts": 0.5, "end_ts": 1.0}]}]}).encode()
            name = f"{k}-rev.json"
        else:
            raw, name = draw(st.binary(max_size=200)), f"{k}-odd{draw(st.sampled_from(['.txt', '.vtt', '.docx']))}"
        out.append((name, raw))
    return out


def _slices(t: Transcript) -> None:
    end = 0
    for turn in t.turns:
        assert end <= turn.start < turn.end <= len(t.text), (t.id, turn)
        piece = t.text[turn.start:turn.end]
        assert piece == piece.strip() and piece, (t.id, piece)
        end = turn.end


@pytest.mark.fuzz
@fuzz_settings(8)
@given(files=mixed_folder())
def test_fuzz_import_of_a_folder_of_mixed_formats(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        study, secure, folder = tmp / "study", tmp / "secure", tmp / "in"
        folder.mkdir()
        manifest = tmp / "manifest.csv"
        manifest.write_text("name,aliases,role,site,label\nHamish Ure,,staff,A,SP1\nAmy Lo,,service_user,A,P1\n",
                            encoding="utf-8")
        assert CliRunner().invoke(cli, ["init", str(study), "--codebook", "tiny"]).exit_code == 0
        paths = []
        for name, raw in files:
            (folder / name).write_bytes(raw)
            paths.append(folder / name)
        r = CliRunner().invoke(cli, ["import", str(study), *map(str, paths), "--secure", str(secure),
                                     "--manifest", str(manifest), "--json"])
        assert r.exception is None or isinstance(r.exception, SystemExit), r.output
        report = json.loads(r.stdout)
        failed = [f for f in report["files"] if f["status"] == "failed"]
        assert r.exit_code == (1 if failed else 0), r.output
        for f in failed:
            assert f["error"].startswith(f"{f['path']}: ") and "\n" not in f["error"], f["error"]
        event(f"{len(failed)} of {len(files)} refused")
        sources = json.loads((secure / "sources.json").read_text(encoding="utf-8")) \
            if (secure / "sources.json").exists() else {}
        imported = {f["transcript_id"]: f for f in report["files"] if f["status"] == "imported"}
        assert set(sources) == set(imported)
        key = json.loads((secure / "participants-key.json").read_text(encoding="utf-8"))
        known = {_fold(n) for e in key["entries"] for n in [e["name"], *e["aliases"]]}
        listed = {_fold(s["name"]) for s in report["provisional_speakers"]}  # silent here, perhaps heard elsewhere
        for tid, f in imported.items():
            t = Transcript.model_validate_json((secure / "raw" / f"{tid}.json").read_text(encoding="utf-8"))
            _slices(t)
            parsed = detect.parse(Path(f["path"]).read_bytes(), f["path"])
            for name in parsed.attendees:  # every attendee of a Meet header is known to the key
                assert _fold(name) in known, (name, sorted(known))
                for w in f["warnings"]:
                    assert name not in w, w
            spoken = {_fold(turn.speaker_name or "") for turn in t.turns}
            for name in parsed.attendees:
                if _fold(name) not in spoken and re.sub(r"\W", "", name):
                    assert _fold(name) in listed or _fold(name) in {"hamish ure", "amy lo"}, (name, listed)
