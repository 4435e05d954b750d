"""Fuzz target: import-qdpx on mutated archives.

The seed is a real export of a small project built here (two transcripts, an emoji, an em
dash, codings, a CMOC, a project note). Each example applies a few mutations to its XML, its
members, its GUIDs and offsets, or its ZIP structure (zip-slip names, huge and nested members,
DOCTYPEs, control characters, truncation). Whatever the file, the import must either refuse it
with a project error and leave the project exactly as it was, or import it so that every
coding slices its transcript to exactly its text. Any other exception is a bug.
"""

from __future__ import annotations

import io
import re
import stat
import tempfile
import warnings
import zipfile
from pathlib import Path

import pytest
from exchange_helpers import build_rich
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.errors import CmoError
from cmo_coder.exchange import export, importer
from cmo_coder.store import Project
from cmo_coder.store.secure import PROJECT_DB
from tests.fuzzing import REPO, fuzz_settings
from tests.study import add_signed_off

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_GUID = re.compile(rb'(guid|targetGUID|creatingUser)="([0-9A-Fa-f-]{36})"')
_POS = re.compile(rb'(startPosition|endPosition)="(\d+)"')


def _seed() -> dict[str, bytes]:
    """The members of an export of a small, fully coded project (made once per session)."""
    with tempfile.TemporaryDirectory() as d:
        cb = codebook_io.load(REPO / "codebooks" / "tiny.yaml")
        project = Project.create(Path(d) / "src", cb, actor="tester")
        build_rich(project, lambda tid, turns, title=None: add_signed_off(project, tid, turns, title=title))
        export.run(project, Path(d) / "seed.qdpx", None)
        project.close()
        with zipfile.ZipFile(Path(d) / "seed.qdpx") as z:
            return {n: z.read(n) for n in z.namelist()}


SEED = _seed()
CLEAN: dict[str, bytes] = {}
SOURCES = sorted(n for n in SEED if n.startswith("sources/"))


def _xml_mutation(data: st.DataObject, qde: bytes) -> bytes:
    if len(qde) < 64:  # already truncated away
        return qde
    op = data.draw(st.sampled_from(["guid", "dup_guid", "position", "shift", "delete", "doctype", "truncate",
                                    "encoding", "bytes"]))
    if op in ("guid", "dup_guid"):
        found = list(_GUID.finditer(qde))
        if not found:
            return qde
        m = found[data.draw(st.integers(0, len(found) - 1))]
        if op == "guid":
            new = data.draw(st.sampled_from([b"", b"x", b"{" + m[2] + b"}", m[2].lower(), m[2][:-1] + b"Z",
                                             m[2] + b"0", b"../../etc/passwd"]))
        else:
            new = found[data.draw(st.integers(0, len(found) - 1))][2]
        return qde[: m.start(2)] + new + qde[m.end(2):]
    if op == "position":
        found = list(_POS.finditer(qde))
        if not found:
            return qde
        m = found[data.draw(st.integers(0, len(found) - 1))]
        new = data.draw(st.one_of(st.integers(-5, 400), st.sampled_from([2**63, -(2**63), 10**30]))).__str__()
        new_b = data.draw(st.sampled_from([new.encode(), b"", b"1e3", b" 7", b"0x10"]))
        return qde[: m.start(2)] + new_b + qde[m.end(2):]
    if op == "shift":  # every offset moved by the same amount (a consistent drift)
        k = data.draw(st.integers(-3, 3))
        return _POS.sub(lambda m: m[1] + b'="' + str(max(0, int(m[2]) + k)).encode() + b'"', qde)
    if op == "delete":  # drop one element (and so maybe leave dangling references)
        starts = [m.start() for m in re.finditer(rb"<(?!/|\?|!)", qde)][1:]
        if not starts:
            return qde
        i = starts[data.draw(st.integers(0, len(starts) - 1))]
        m = re.match(rb"<([A-Za-z:]+)[^>]*?(/>|>)", qde[i:])
        if not m:
            return qde
        if m[2] == b"/>":
            return qde[:i] + qde[i + m.end():]
        close = qde.find(b"</" + m[1] + b">", i)
        return qde if close < 0 else qde[:i] + qde[close + len(m[1]) + 3:]
    if op == "doctype":
        decl = data.draw(st.sampled_from([b'<!DOCTYPE Project [<!ENTITY e "x">]>', b"<!doctype Project>",
                                          b'<!DOCTYPE P SYSTEM "file:///etc/passwd">', b'<!ENTITY x "y">']))
        comment = b"<!--" + b"c" * data.draw(st.sampled_from([0, 10, 70_000])) + b"-->"
        head, sep, rest = qde.partition(b"?>")
        return head + sep + comment + decl + rest if sep else comment + decl + qde
    if op == "truncate":
        return qde[: data.draw(st.integers(0, len(qde)))]
    if op == "encoding":
        return qde.replace(b'encoding="utf-8"', data.draw(st.sampled_from([b'encoding="latin-1"', b""])), 1)
    i = data.draw(st.integers(0, len(qde) - 1))
    return qde[:i] + data.draw(st.binary(min_size=1, max_size=4)) + qde[i + 1:]


def _text_mutation(data: st.DataObject, text: bytes) -> bytes:
    op = data.draw(st.sampled_from(["control", "emoji", "prefix", "crlf", "bad_utf8", "bom", "empty"]))
    i = data.draw(st.integers(0, len(text)))
    if op == "control":
        return text[:i] + data.draw(st.sampled_from([b"\x00", b"\x01\x02", b"\x0b", b"\x1f"])) + text[i:]
    if op == "emoji":
        return text[:i] + "😊".encode() + text[i:]
    if op == "prefix":  # text edited after coding: everything after shifts
        return data.draw(st.sampled_from([b"Edited. ", b"x", b"\xc3\xa9"])) + text
    if op == "crlf":
        return text.replace(b"\n", b"\r\n")
    if op == "bad_utf8":
        return text[:i] + b"\xff\xfe" + text[i:]
    if op == "bom":
        return b"\xef\xbb\xbf" + text
    return b""


def _build(data: st.DataObject) -> bytes:
    members = dict(SEED)
    extra: list[tuple[zipfile.ZipInfo, bytes]] = []
    for _ in range(data.draw(st.integers(1, 3))):
        kind = data.draw(st.sampled_from(["xml", "xml", "text", "text", "member", "zip"]))
        present = [n for n in SOURCES if n in members]
        if kind == "xml" and "project.qde" in members:
            members["project.qde"] = _xml_mutation(data, members["project.qde"])
        elif kind == "text" and present:
            name = data.draw(st.sampled_from(present))
            members[name] = _text_mutation(data, members[name])
        elif kind == "member" and members:
            op = data.draw(st.sampled_from(["drop", "slip", "absolute", "huge", "nested", "symlink", "dir_qde",
                                            "rename"]))
            if op == "drop":
                members.pop(data.draw(st.sampled_from(sorted(members))), None)
            elif op == "slip":
                members["sources/../../evil.txt"] = b"x"
            elif op == "absolute":
                members["/etc/cron.d/evil"] = b"x"
            elif op == "huge":  # 3 MB of zeros: a high compression ratio
                members[data.draw(st.sampled_from([*SOURCES, "sources/big.txt"]))] = b"\x00" * (3 << 20)
            elif op == "nested":
                inner = io.BytesIO()
                with zipfile.ZipFile(inner, "w") as z:
                    z.writestr("project.qde", SEED["project.qde"])
                members[data.draw(st.sampled_from(["project.qde", "sources/inner.qdpx", *SOURCES]))] = inner.getvalue()
            elif op == "symlink":
                info = zipfile.ZipInfo(data.draw(st.sampled_from(SOURCES)))
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                members.pop(info.filename, None)
                extra.append((info, b"/etc/passwd"))
            elif op == "dir_qde":
                members.pop("project.qde", None)
                members["Project.QDE"] = SEED["project.qde"]
            elif present:
                old = data.draw(st.sampled_from(present))
                members[old.upper()] = members.pop(old)
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        warnings.simplefilter("ignore", UserWarning)  # a duplicate member name is one of the hostile cases
        for name, payload in members.items():
            z.writestr(name, payload)
        for info, payload in extra:
            z.writestr(info, payload)
    raw = buf.getvalue()
    if data.draw(st.integers(0, 9)) == 0:  # damage the ZIP structure itself
        cut = data.draw(st.integers(0, len(raw)))
        raw = data.draw(st.sampled_from([raw[:cut], raw[:cut] + b"\x00" * 7 + raw[cut + 7:]]))
    return raw


def _snapshot(project: Project) -> tuple[int, ...]:
    q = project.conn.execute
    return tuple(q(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                 for t in ("transcripts", "turns", "codings", "configurations", "notes", "participants", "audit"))


@pytest.mark.fuzz
@fuzz_settings(25)
@given(data=st.data())
def test_fuzz_import_mutated_qdpx(tmp_path_factory, tiny_codebook, data):  # type: ignore[no-untyped-def]
    d = tmp_path_factory.mktemp("qdpx")
    if not CLEAN:  # a clean project made once; each example works on a copy of its database
        Project.create(d / "clean", tiny_codebook, actor="t").close()
        CLEAN["db"] = (d / "clean" / PROJECT_DB).read_bytes()
    (d / "p").mkdir()
    (d / "p" / PROJECT_DB).write_bytes(CLEAN["db"])
    project = Project.open(d / "p")
    try:
        path = d / "mutated.qdpx"
        path.write_bytes(_build(data))
        before = _snapshot(project)
        offsets = data.draw(st.sampled_from(["auto", "codepoints", "utf16"]))
        try:
            report = importer.run(project, path, offsets=offsets, actor="t")
        except CmoError as exc:
            assert str(exc).strip(), "an error must say something"
            assert _snapshot(project) == before, f"refused ({exc}) but the project changed"
            return
        for c in project.codings():
            assert project.text(c.transcript_id)[c.start:c.end] == c.text, (c, report)
        for tid in project.transcript_ids():
            assert not _ILLEGAL.search(project.text(tid)), f"control characters kept in {tid}"
            for turn in project.transcript(tid).turns:
                assert 0 <= turn.start < turn.end <= len(project.text(tid))
        assert project.transcript_ids() or not report.transcripts_added
    finally:
        project.close()


def test_the_seed_itself_imports_cleanly(project):  # type: ignore[no-untyped-def]
    """The unmutated seed: every selection placed, nothing re-anchored, nothing refused."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "seed.qdpx"
        with zipfile.ZipFile(path, "w") as z:
            for name, payload in SEED.items():
                z.writestr(name, payload)
        report = importer.run(project, path, actor="t")
    assert report.not_placed == [] and report.codings_added == 6
    assert not any("re-anchored" in w for w in report.warnings)
