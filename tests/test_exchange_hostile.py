"""Hostile and broken exchange files are refused with a clear error, and nothing is written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from cmo_coder.errors import CmoError
from cmo_coder.exchange import importer
from cmo_coder.exchange.archive import Limits, SafeZip

GOOD_QDE = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<Project xmlns="urn:QDA-XML:project:1.0" name="x" origin="test">'
    "<CodeBook><Codes>"
    '<Code guid="11111111-1111-1111-1111-111111111111" name="PT1 Context" isCodable="true"/>'
    "</Codes></CodeBook>"
    '<Sources><TextSource guid="22222222-2222-2222-2222-222222222222" name="doc" '
    'plainTextPath="internal://22222222-2222-2222-2222-222222222222.txt">'
    '<PlainTextSelection guid="33333333-3333-3333-3333-333333333333" startPosition="0" endPosition="5">'
    '<Coding guid="44444444-4444-4444-4444-444444444444"><CodeRef targetGUID="11111111-1111-1111-1111-111111111111"/>'
    "</Coding></PlainTextSelection></TextSource></Sources></Project>"
)
TEXT_NAME = "sources/22222222-2222-2222-2222-222222222222.txt"


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return path


def _import(project, path: Path):  # type: ignore[no-untyped-def]
    return importer.run(project, path, actor="tester")


def _assert_untouched(project) -> None:  # type: ignore[no-untyped-def]
    assert project.transcript_ids() == [] and project.codings() == []


def test_good_minimal_archive_imports(project, tmp_path: Path) -> None:
    path = _zip(tmp_path / "ok.qdpx", {"project.qde": GOOD_QDE.encode(), TEXT_NAME: b"Hello world"})
    report = _import(project, path)
    assert report.codings_added == 1 and project.codings()[0].text == "Hello"


def test_zip_slip_is_refused(project, tmp_path: Path) -> None:
    path = _zip(tmp_path / "slip.qdpx", {"project.qde": GOOD_QDE.encode(), "../../evil.txt": b"x"})
    with pytest.raises(CmoError, match="zip-slip"):
        _import(project, path)
    _assert_untouched(project)
    path = _zip(tmp_path / "abs.qdpx", {"project.qde": GOOD_QDE.encode(), "/etc/passwd": b"x"})
    with pytest.raises(CmoError, match="zip-slip"):
        _import(project, path)


def test_zip_bomb_ratio_is_refused(project, tmp_path: Path) -> None:
    path = _zip(tmp_path / "bomb.qdpx", {"project.qde": GOOD_QDE.encode(), TEXT_NAME: b"\0" * (8 * 1024 * 1024)})
    with pytest.raises(CmoError, match="zip bomb"):
        _import(project, path)
    _assert_untouched(project)


def test_entry_beyond_size_limit_and_lying_headers(tmp_path: Path) -> None:
    path = _zip(tmp_path / "big.qdpx", {"project.qde": b"a" * 5000})
    with pytest.raises(CmoError, match="per-entry limit"):
        SafeZip(path, Limits(max_entry_bytes=1000))
    # a header that understates the size is caught while reading, as a clear error
    z = SafeZip(path, Limits(max_entry_bytes=10_000))
    z._by_name["project.qde"].file_size = 100
    with pytest.raises(CmoError, match="zip bomb|corrupt archive entry"):
        z.read("project.qde")


def test_too_many_entries_is_refused(project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entries = {"project.qde": GOOD_QDE.encode(), **{f"sources/{i}.txt": b"x" for i in range(60)}}
    path = _zip(tmp_path / "many.qdpx", entries)
    monkeypatch.setattr(importer, "Limits", lambda: Limits(max_entries=50))
    with pytest.raises(CmoError, match="more than the limit of 50"):
        _import(project, path)


XXE = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    '<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>'
)
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&lol3;"/>'
)


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_dtd_and_entities_are_refused(project, tmp_path: Path, xml: str) -> None:
    path = _zip(tmp_path / "x.qdpx", {"project.qde": xml.encode()})
    with pytest.raises(CmoError, match="DOCTYPE"):
        _import(project, path)
    bare = tmp_path / "x.qde"
    bare.write_text(xml, encoding="utf-8")
    with pytest.raises(CmoError, match="DOCTYPE"):
        _import(project, bare)


def test_utf16_xml_is_refused(project, tmp_path: Path) -> None:
    data = GOOD_QDE.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16")
    path = _zip(tmp_path / "u16.qdpx", {"project.qde": data, TEXT_NAME: b"Hello world"})
    with pytest.raises(CmoError, match="UTF-16"):
        _import(project, path)


def test_declared_latin1_and_invalid_utf8_are_refused(project, tmp_path: Path) -> None:
    latin = GOOD_QDE.replace('encoding="utf-8"', 'encoding="ISO-8859-1"').encode("latin-1")
    with pytest.raises(CmoError, match="must be UTF-8"):
        _import(project, _zip(tmp_path / "l1.qdpx", {"project.qde": latin}))
    broken = GOOD_QDE.replace('name="doc"', 'name="d\xe9c"').encode("latin-1")
    with pytest.raises(CmoError, match="not well-formed"):
        _import(project, _zip(tmp_path / "bad.qdpx", {"project.qde": broken}))
    text_bad = _zip(tmp_path / "tb.qdpx", {"project.qde": GOOD_QDE.encode(), TEXT_NAME: b"Hell\xff world"})
    with pytest.raises(CmoError, match="not UTF-8"):
        _import(project, text_bad)
    _assert_untouched(project)


def test_non_zip_and_missing_project_qde(project, tmp_path: Path) -> None:
    junk = tmp_path / "junk.qdpx"
    junk.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(CmoError, match="not a readable ZIP"):
        _import(project, junk)
    empty = _zip(tmp_path / "empty.qdpx", {TEXT_NAME: b"Hello"})
    with pytest.raises(CmoError, match="no project.qde"):
        _import(project, empty)
    truncated = tmp_path / "trunc.qdpx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("project.qde", GOOD_QDE)
    truncated.write_bytes(buf.getvalue()[:40])
    with pytest.raises(CmoError):
        _import(project, truncated)


def test_dangling_guid_references_are_refused(project, tmp_path: Path) -> None:
    dangling = GOOD_QDE.replace('CodeRef targetGUID="11111111-1111-1111-1111-111111111111"',
                                'CodeRef targetGUID="99999999-9999-9999-9999-999999999999"')
    with pytest.raises(CmoError, match="dangling GUID"):
        _import(project, _zip(tmp_path / "d.qdpx", {"project.qde": dangling.encode(), TEXT_NAME: b"Hello world"}))
    _assert_untouched(project)


def test_out_of_range_selection_and_traversal_path_are_reported(project, tmp_path: Path) -> None:
    far = GOOD_QDE.replace('endPosition="5"', 'endPosition="500"')
    report = _import(project, _zip(tmp_path / "far.qdpx", {"project.qde": far.encode(), TEXT_NAME: b"Hello world"}))
    assert report.codings_added == 0 and "outside the text" in report.not_placed[0]
    # a file none of whose sources can be read imports nothing, and says so as an error
    before = project.transcript_ids()
    sneaky = GOOD_QDE.replace("internal://22222222-2222-2222-2222-222222222222.txt", "internal://../../etc/passwd")
    with pytest.raises(CmoError, match="none of its 1 text source.*not a plain file name"):
        _import(project, _zip(tmp_path / "s.qdpx", {"project.qde": sneaky.encode()}))
    outside = GOOD_QDE.replace("internal://22222222-2222-2222-2222-222222222222.txt", "/home/someone/t.txt")
    with pytest.raises(CmoError, match="none of its 1 text source.*outside the archive"):
        _import(project, _zip(tmp_path / "o.qdpx", {"project.qde": outside.encode()}))
    with pytest.raises(CmoError, match="none of its 1 text source.*is missing"):
        _import(project, _zip(tmp_path / "m.qdpx", {"project.qde": GOOD_QDE.encode()}))
    assert project.transcript_ids() == before


def test_malformed_xml_names_file_and_line(project, tmp_path: Path) -> None:
    broken = GOOD_QDE.replace("</Sources>", "</Source>")
    with pytest.raises(CmoError, match=r"project.qde:\d+:\d+: not well-formed"):
        _import(project, _zip(tmp_path / "m.qdpx", {"project.qde": broken.encode(), TEXT_NAME: b"Hello world"}))


def test_total_size_beyond_limit_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "total.qdpx", {"project.qde": b"a" * 600, "sources/a.txt": b"b" * 600})
    with pytest.raises(CmoError, match="in total"):
        SafeZip(path, Limits(max_total_bytes=1000))
    assert SafeZip(path, Limits(max_total_bytes=2000)).names() == ["project.qde", "sources/a.txt"]
