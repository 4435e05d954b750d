"""Fuzz targets: group and joint speaker lines (``ingest/group_speakers.py``, and at sign-off
``anonymise/joint_turns.py``), words in file names (``ingest/stem_words_as_names.py``), and ``cmo-coder import``
as a user runs it on hostile files one by one and on a folder of them (every file of the folder named on the
command line, as a shell's ``*`` names them).

A focus group's transcript is drawn from the labels typists write for the group (``ALL:``, ``Everyone:``), for
members together (``P2 & P4:``, ``Mary and Jo:``, ``[All] Yeah.``) and for a voice nobody placed (``?:``,
``Female voice:``), mixed with labels that are numbers, empty, invisible, bidi-marked, bracketed inside brackets,
and speech with NUL, control characters and lines of a hundred thousand characters. The contract, as for every
reader: a transcript whose turns slice exactly to its text, or a one-line refusal naming the file; through the
command line an exit of 0 or 1 (``FAILED`` naming each refused file), never an internal error, every refused
file leaving the project and the secure folder as they were, and a signed-off group transcript's joint turns
given to its members.
"""

from __future__ import annotations

import hashlib
import json
import re
import string
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fuzzing import fuzz_settings, read_turns
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz_speech_json_structure import _bounded, _reads_or_refuses, _service_file

from cmo_coder.cli.main import cli
from cmo_coder.ingest.stem_lexicon import stem_holds_name, stem_words
from cmo_coder.ingest.stem_words_as_names import word_read_as_name

GROUP = ["ALL", "All", "Everyone", "EVERYBODY", "Several voices", "Group", "Both", "In unison"]
JOINT = ["P2 & P4", "P1 and P3", "Mary and Jo", "P1/P2", "P1, P2 and P3", "Facilitator & P1", "P1 + P1",
         "Mary & Mary", "A & E", "Q and A"]
UNPLACED = ["?", "???", "Speaker ?", "Unknown", "Female voice", "Unidentified speaker", "Male voice"]
ODD = ["12", "0", "", " ", "\u200b", "\u202eP1\u202c", "P\x001", "P1\u2066", "[P1]", "[[All]]", "(P1)", "P" * 300,
       "P1 & ", " & P2", "&", "and", "P1 &amp; P2", "\ufeffP1", "P1\u0301", "Zo\u00eb M\u00fcller", "P1\tP2"]
PEOPLE = ["P1", "P2", "P3", "P4", "Facilitator", "Mary", "Jo"]
SPEECH = ["yes", "no I don't think so", "we all agreed", "\x00", "\x1b[31mred", "\u202ereversed\u202c",
          "a " * 50_000, "P1 & P2: inside speech", "ALL: said in speech", "(laughter from group)", "[all laugh]",
          "\ud800", "caf\u00e9", "\r", "\u2028", "10:30", "-->", "\t"]


@st.composite
def _group_file(draw: st.DrawFn) -> bytes:
    """A focus group's plain transcript: ``Label: speech`` lines and the bracketed forms, hostile labels mixed in."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        form = draw(st.sampled_from(["colon", "colon", "bracket", "sound", "alone"]))
        label = draw(st.sampled_from(GROUP + JOINT + UNPLACED + PEOPLE + PEOPLE + ODD))
        said = draw(st.sampled_from(SPEECH))
        if form == "colon":
            lines.append(f"{label}: {said}")
        elif form == "bracket":
            lines.append(f"[{label}] {said}")
        elif form == "sound":
            lines.append(draw(st.sampled_from(["(laughter from group)", "[all laugh]", "(everyone nods)",
                                               "[group: crosstalk]", "(" * 40 + "all laugh" + ")" * 40])))
        else:
            lines.append(f"{label}:")
            lines.append(said)
    gap = draw(st.sampled_from(["\n", "\n\n", "\r\n\r\n"]))
    return gap.join(lines).encode("utf-8", "surrogatepass") + b"\n"


@pytest.mark.fuzz
@fuzz_settings(80)
@given(_group_file())
def test_fuzz_group_and_joint_lines(raw: bytes) -> None:
    """Read, every turn slicing to its text, or refused naming the file; within the time and memory bounds."""
    _bounded(lambda: _reads_or_refuses(raw, "fg.txt"), len(raw))


def test_a_group_transcript_of_ordinary_labels_reads_its_group_and_joint_lines() -> None:
    """The generator's ordinary labels are read as what they are (the target's files are not all refused)."""
    turns = read_turns(b"P1: hello\n\nP2: hi\n\nALL: yes\n\nP1: so\n\nP2: right\n\nP1 & P2: no\n\n?: maybe\n",
                       "fg.txt")
    assert [s for s, _ in turns] == ["P1", "P2", "ALL", "P1", "P2", "P1 & P2", "?"]


# -- words in file names --------------------------------------------------------------------------------------------

STEM_WORDS = ["interview", "fg", "transcript", "with", "the", "Mary", "mary", "March", "march", "2024", "03",
              "Hope", "hope", "Reading", "reading", "Bath", "pmht", "A", "x", "P1", "CMHT", "Dawn", "ŁUKASZ", "ß",
              "İstanbul", "\u0301", "Zoë", "ǅ", "ﬁ", "Ⅻ", "٣", "the", "THE", "_", "-", "", "a" * 200]


@pytest.mark.fuzz
@fuzz_settings(100)
@given(st.lists(st.one_of(st.sampled_from(STEM_WORDS), st.text(min_size=0, max_size=12)), max_size=40))
def test_fuzz_words_in_a_file_name(words: list[str]) -> None:
    """Any list of words, in any script, answers a kind of name or None, the same twice, quickly."""
    began = time.perf_counter()
    first = word_read_as_name(words, frozenset({"interview", "fg"}))
    assert first is None or isinstance(first, str)
    assert word_read_as_name(list(words), frozenset({"interview", "fg"})) == first
    stem = "_".join(words)
    assert stem_holds_name(stem) == stem_holds_name(stem)
    assert all(isinstance(w, str) for w in stem_words(stem))
    assert time.perf_counter() - began < 10


# -- the import as a user runs it -------------------------------------------------------------------------------------

def _state(*roots: Path) -> dict[str, str]:
    """Every file's digest; SQLite's shared-memory index (``-shm``) changes on reading, and holds no data."""
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for root in roots if root.exists() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.name.endswith("-shm")}


def _run(*argv: object) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in argv])
    return result.exit_code, result.output


_NAME_CHARS = string.ascii_letters + string.digits + " _-.()&'" + "ëüłİ\u200b\u202e"


@pytest.mark.parametrize("raw", [b"", b"\x00\x01", b'{"monologues": [{"elements": [{"type": []}]}]}'])
def test_an_import_whose_every_file_is_refused_leaves_no_new_secure_folder(tmp_path: Path, raw: bytes) -> None:
    """A first import whose only file was refused (empty, binary, a broken JSON) left behind the secure folder
    it made, with its marker: something written by an import that wrote nothing (found at once)."""
    study, secure = tmp_path / "study", tmp_path / "secure"
    assert _run("init", study, "--codebook", "tiny")[0] == 0
    before = _state(study)
    (tmp_path / "t.json").write_bytes(raw)
    code, out = _run("import", study, tmp_path / "t.json", "--secure", secure)
    assert code == 1 and f"FAILED    {tmp_path / 't.json'}: " in out, out
    assert not secure.exists() and _state(study) == before
    (tmp_path / "ok.txt").write_text("Jo: hello\n\nSam: hi\n\nJo: bye\n", encoding="utf-8")
    code, out = _run("import", study, tmp_path / "t.json", tmp_path / "ok.txt", "--secure", secure)
    assert code == 1 and secure.exists(), out  # one file imported: the folder holds its original and key


@st.composite
def _hostile_files(draw: st.DrawFn) -> list[tuple[str, bytes]]:
    """One to four files a folder might hold: a service's JSON changed in its structure, a focus group's lines,
    raw bytes; each with a name of hostile characters and its format's suffix."""
    out: list[tuple[str, bytes]] = []
    for k in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["json", "json", "group", "bytes"]))
        if kind == "json":
            suffix, raw = ".json", draw(_service_file())[1]
        elif kind == "group":
            suffix, raw = ".txt", draw(_group_file())
        else:
            suffix, raw = draw(st.sampled_from([".txt", ".json", ".srt", ".vtt"])), draw(st.binary(max_size=400))
        stem = draw(st.text(alphabet=_NAME_CHARS, min_size=1, max_size=40)).strip(" .") or "f"
        out.append((f"{k}-{stem}{suffix}", raw))
    return out


@pytest.mark.fuzz
@fuzz_settings(12)
@given(_hostile_files())
def test_fuzz_import_command_on_a_folder_of_hostile_files(files: list[tuple[str, bytes]]) -> None:
    """``cmo-coder import`` on hostile files (each alone, then the whole folder at once): exit 0, or exit 1 with
    ``FAILED`` and the file's path for each refused file; a refused file alone leaves the project and the secure
    folder byte for byte as they were, and a folder's import holds exactly the files it reported imported."""
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        study, secure, folder = tmp / "study", tmp / "secure", tmp / "in"
        assert _run("init", study, "--codebook", "tiny")[0] == 0
        folder.mkdir()
        paths = []
        for name, raw in files:
            (folder / name).write_bytes(raw)
            paths.append(folder / name)
        for path in paths:
            before = _state(study, secure)
            began = time.perf_counter()
            code, out = _run("import", study, path, "--secure", secure, "--json")
            assert time.perf_counter() - began < 60
            assert code in (0, 1) and "Traceback" not in out and "internal error" not in out, (code, out[-2000:])
            report = json.loads(out[:out.rindex("}") + 1])
            (result,) = report["files"]
            if result["status"] == "failed":
                assert code == 1
                error = result["error"]
                assert error.startswith(f"{path}: ") and "\n" not in error and "could not be read (" not in error, error
                assert _state(study, secure) == before, error
        code, out = _run("import", study, *paths, "--secure", secure)
        assert code in (0, 1) and "Traceback" not in out and "internal error" not in out, (code, out[-2000:])
        failed = [p for p in paths if re.search(rf"^FAILED +{re.escape(str(p))}: ", out, re.MULTILINE)]
        assert (code == 1) == bool(failed), out[-2000:]
