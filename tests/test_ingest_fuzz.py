"""Fuzz targets for every transcript reader: mutated real files either read into a transcript
whose turns slice the text exactly, or fail with the project's own error naming the file.

Seeds are the sample study's files (``seed_corpus``) plus small DOCX and Zoom-captions files
built here; mutations are byte flips, truncations, deletions, duplications and insertions of
hostile tokens (huge digit runs, non-ASCII digits, NULs, BOMs, other encodings, surrogates,
very long lines, thousands of tiny turns). DOCX is fuzzed twice: the zip's bytes, and the
XML of ``word/document.xml`` inside a valid zip.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from pathlib import Path

import ingest_fixtures as fx
import pytest
from fuzzing import REPO, fuzz_settings, seed_corpus
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.errors import CmoError
from cmo_coder.ingest import canonical, import_files
from cmo_coder.ingest.normalise import NORMALISER_VERSION
from cmo_coder.ingest.source import read_source
from cmo_coder.model import Transcript, TranscriptKind, Turn
from cmo_coder.store import Project

pytestmark = pytest.mark.fuzz

#: Tokens that broke readers before, or plausibly could: each is inserted whole at a random place.
HOSTILE: list[bytes] = [
    b"9" * 5000, b"00:00:0" + b"1" * 4400 + b".000", "٠١:٢٣:٤٥.٦٧٨".encode(), "0³:00:00.000".encode(),
    "１２:３４:５６.７８９".encode(), "٣".encode(), b"\x00", b"\x00\x00\x00\x00", b"\xef\xbb\xbf", b"\xff\xfe",
    b"\xfe\xff", b"\x93quoted\x94 caf\xe9", b"\x81\x8d\x8f", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xc3",
    b"x" * 70_000, b"A: x\n" * 3000, b"\n" * 5000, b"-->", b" --> ", b"WEBVTT\n\n", b"<v Jane Adams>", b"</v>",
    b"<v ", b"&#0;", b"&#xd800;", b"&#99999999999;", b"&amp;", b"&", b"\r", b"\r\n\r\n", b"\r\r\r",
    b"Jane Adams  0:03\n", b"\t1:02:45\n", b"[Jane Adams] 10:00:00\n", b"1\n00:00:01,000 --> 00:00:02,000\n",
    b"00:00:01.000 --> 00:00:02.000\n", b"NOTE\n", b":" * 2000, b"<" * 2000, b">" * 2000, b"[" * 2000,
    b" " * 10_000, b"\t" * 2000, "\u202e\u200b\ufeff".encode(), "e\u0301".encode() * 200, "中文".encode() * 100,
    b"Transcribed by https://otter.ai\n", b"SPEAKERS\n", b"Interviewer:", b"R:", b"PK\x03\x04", b"%PDF",
]


@st.composite
def mutated(draw: st.DrawFn, seeds: list[tuple[str, bytes]], tokens: list[bytes]) -> tuple[str, bytes]:
    """A seed file with one to six mutations applied at drawn places."""
    name, data = draw(st.sampled_from(seeds))
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "insert", "insert", "delete", "duplicate"]))
        pos = draw(st.integers(0, max(0, len(buf))))
        if op == "flip" and buf:
            i = min(pos, len(buf) - 1)
            buf[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del buf[pos:]
        elif op == "insert":
            token = draw(st.sampled_from(tokens)) * draw(st.sampled_from([1, 1, 1, 3, 50]))
            buf[pos:pos] = token
        elif op == "delete":
            del buf[pos : pos + draw(st.integers(1, 400))]
        elif op == "duplicate":
            buf[pos:pos] = buf[pos : pos + draw(st.integers(1, 2000))]
    return name, bytes(buf)


def check_reads_or_refuses(data: bytes, name: str) -> None:
    """The fuzz oracle: a transcript whose turns slice the text exactly, or a clear error naming the file."""
    try:
        read = read_source(data, name)
    except CmoError as exc:
        message = str(exc)
        assert message.startswith(f"{name}: "), message
        assert "\n" not in message and len(message) < 600, message[:600]
        return
    canon = read.canon
    text = canon.text
    text.encode("utf-8")  # no lone surrogate survives into the text
    assert canon.turns and text
    pieces = [text[t.start : t.end] for t in canon.turns]
    assert canonical.TURN_SEPARATOR.join(pieces) == text  # turns tile the text, separators between them
    for piece in pieces:
        assert piece and canonical.TURN_SEPARATOR not in piece
        assert "\x00" not in piece and "\ufeff" not in piece and "\r" not in piece
    turns = [Turn(speaker="U1", start=t.start, end=t.end, start_time=t.start_time, end_time=t.end_time,
                  speaker_name=t.speaker_name, flags=list(t.flags)) for t in canon.turns]
    model = Transcript(id="fuzz", title="fuzz", source_format=read.format, kind=TranscriptKind.transcript,
                       text=text, turns=turns, source_sha256="0" * 64, normaliser_version=NORMALISER_VERSION)
    back = Transcript.model_validate_json(model.model_dump_json())
    assert [back.turn_text(i) for i in range(len(back.turns))] == pieces


# ---- seeds -----------------------------------------------------------------------------------


def _sample(pattern: str) -> list[tuple[str, bytes]]:
    seeds = [(n, d) for n, d in seed_corpus() if re.search(pattern, n)]
    assert seeds, f"no sample file matches {pattern}"
    return seeds


@cache
def text_seeds(fmt: str) -> list[tuple[str, bytes]]:
    """Sample files and the test fixtures' small files that read as ``fmt`` unmutated."""
    pool = [s for s in seed_corpus(".vtt", ".txt", ".srt") if not s[0].startswith("report")]
    pool += [(f"{n.lower()}.txt", getattr(fx, n).encode())
             for n in ("TEAMS_VTT", "ZOOM_VTT", "ZOOM_CAPTIONS", "OTTER_TXT", "SRT", "PLAIN")]
    seeds = []
    for name, data in pool:
        try:
            if read_source(data, name).format.value == fmt:
                seeds.append((name, data))
        except CmoError:
            continue
    assert seeds, f"no seed reads as {fmt}"
    return seeds


def _docx_bytes(build: object, tmp: Path) -> bytes:
    return build(tmp).read_bytes()  # type: ignore[operator]


@cache
def docx_seeds() -> list[tuple[str, bytes]]:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        built = [(f"{f.__name__}.docx", _docx_bytes(f, Path(d) / f"{f.__name__}.docx"))
                 for f in (fx.teams_docx, fx.plain_docx, fx.otter_docx)]
    return seed_corpus(".docx") + built


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml")


def _with_document_xml(data: bytes, xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, xml if item.filename == "word/document.xml" else zin.read(item.filename))
    return out.getvalue()


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
XML_HOSTILE: list[bytes] = HOSTILE[:20] + [
    b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>', b"&a;&b;",
    b'<!DOCTYPE d SYSTEM "http://example.invalid/x.dtd">', b'<!ENTITY x SYSTEM "file:///etc/passwd">',
    b"<w:p><w:r><w:t>Jane Adams   0:03</w:t><w:br/><w:t>hello</w:t></w:r></w:p>", b"<w:p/>" * 500,
    b"<w:p>" * 300, b"</w:p>" * 10, b"</w:body>", b"<w:body>", b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A",
    b"<![CDATA[x]]>", b"<!-- c -->", b"<?pi x?>", b"<w:br/>" * 1000, b"<w:tab/>", b"<w:cr/>",
    b"<w:t>" + b"R: y " * 500 + b"</w:t>", b'<w:document ' + W + b'>', b"<html>", b"\xff\xfe<", b"&#0;", b"&#x1;",
]


@cache
def docx_xml_seeds() -> list[tuple[str, bytes]]:
    seeds = [(n, _document_xml(d)) for n, d in docx_seeds()]
    roots = [  # wrong roots and a missing body
        ("wrong_root.docx", b'<?xml version="1.0"?><w:body ' + W + b"><w:p/></w:body>"),
        ("no_body.docx", b'<?xml version="1.0"?><w:document ' + W + b"><w:p/></w:document>"),
        ("foreign.docx", b'<?xml version="1.0"?><document xmlns="urn:x"><body><p>A: hi</p></body></document>'),
    ]
    return seeds + roots


# ---- one fuzz target per reader --------------------------------------------------------------

TEXT_FORMATS = ["teams_vtt", "zoom_vtt", "srt", "otter_txt", "zoom_captions", "plain_txt"]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@fuzz_settings(30)
@given(data=st.data())
def test_fuzz_text_reader(fmt: str, data: st.DataObject) -> None:
    name, content = data.draw(mutated(text_seeds(fmt), HOSTILE))
    check_reads_or_refuses(content, f"fuzz-{name}")


@fuzz_settings(30)
@given(case=st.builds(lambda lines, tok: b"\n".join(lines) + tok,
                      st.lists(st.sampled_from([b"Interviewer: How was it?", b"Respondent: Good, I think.",
                                                b"it went on", b"", b"R: ok", b"Note: a sentence", b"I:"]),
                               min_size=1, max_size=40), st.sampled_from(HOSTILE)))
def test_fuzz_plain_reader_built(case: bytes) -> None:
    """Plain text built line by line from labelled, unlabelled and blank lines, ending in a hostile token."""
    check_reads_or_refuses(case, "fuzz-plain.txt")


@fuzz_settings(30)
@given(case=mutated(docx_seeds(), [b"\x00" * 64, b"PK\x03\x04", b"PK\x05\x06", b"\xff" * 30, b"PK\x01\x02"]))
def test_fuzz_docx_archive_bytes(case: tuple[str, bytes]) -> None:
    check_reads_or_refuses(case[1], f"fuzz-{case[0]}")


@fuzz_settings(40)
@given(case=mutated(docx_xml_seeds(), XML_HOSTILE))
def test_fuzz_docx_document_xml(case: tuple[str, bytes]) -> None:
    base = docx_seeds()[0][1]
    check_reads_or_refuses(_with_document_xml(base, case[1]), f"fuzz-{case[0]}")


# ---- the batch: one import of several mutated files -------------------------------------------


BATCH_SEEDS = [s for fmt in ("teams_vtt", "zoom_vtt", "srt", "otter_txt", "plain_txt") for s in text_seeds(fmt)[:1]]


@fuzz_settings(6)
@given(cases=st.lists(mutated(BATCH_SEEDS + docx_seeds()[:1], HOSTILE), min_size=1, max_size=4))
def test_fuzz_import_batch(cases: list[tuple[str, bytes]]) -> None:
    """A batch of mutated files of every kind: each gets exactly one outcome, the failures name
    their file, and each imported raw copy reads back with turns slicing its text."""
    import tempfile

    from cmo_coder import codebook as codebook_io

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = []
        for i, (name, data) in enumerate(cases):
            paths.append(root / f"f{i}-{name}")
            paths[-1].write_bytes(data)
        project = Project.create(root / "study", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t")
        try:
            report = import_files(project, paths, root / "secure")
        finally:
            project.close()
        assert [f.path for f in report.files] == [str(p) for p in paths]
        for f in report.files:
            if f.status == "failed":
                assert (f.error or "").startswith(f"{f.path}: ") and "\n" not in (f.error or "")
                continue
            raw = Transcript.model_validate_json((root / "secure" / "raw" / f"{f.transcript_id}.json").read_bytes())
            pieces = [raw.turn_text(i) for i in range(len(raw.turns))]
            assert canonical.TURN_SEPARATOR.join(pieces) == raw.text
            if f.status in ("imported", "replaced"):
                assert len(raw.turns) == f.turns and len(raw.text) == f.characters
