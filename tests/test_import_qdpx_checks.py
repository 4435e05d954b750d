"""import-qdpx on files that look right but are not: DTDs, GUIDs, control characters, drifted offsets."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError
from cmo_coder.exchange import importer

CODE = "11111111-1111-1111-1111-111111111111"
SRC_A = "22222222-2222-2222-2222-222222222222"
SRC_B = "22222222-2222-2222-2222-2222222222BB"


def selection(guid: str, start: int, end: int, name: str | None = None) -> str:
    named = f' name="{name}"' if name is not None else ""
    return (f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}"{named}>'
            f'<Coding guid="{guid[:-4]}9999"><CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection>')


def qde(sources: list[tuple[str, str, list[str]]], origin: str = "test", prologue: str = "") -> bytes:
    body = "".join(
        f'<TextSource guid="{g}" name="{name}" plainTextPath="internal://{g}.txt">{"".join(sels)}</TextSource>'
        for g, name, sels in sources
    )
    return (f'<?xml version="1.0" encoding="utf-8"?>\n{prologue}'
            f'<Project xmlns="urn:QDA-XML:project:1.0" name="x" origin="{origin}">'
            f'<CodeBook><Codes><Code guid="{CODE}" name="PT1 Context" isCodable="true"/></Codes></CodeBook>'
            f"<Sources>{body}</Sources></Project>").encode()


def archive(path: Path, project_qde: bytes, texts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", project_qde)
        for g, data in texts.items():
            z.writestr(f"sources/{g}.txt", data)
    return path


def untouched(project) -> bool:  # type: ignore[no-untyped-def]
    return project.transcript_ids() == [] and project.codings() == []


def every_coding_slices(project) -> None:  # type: ignore[no-untyped-def]
    for c in project.codings():
        assert project.text(c.transcript_id)[c.start:c.end] == c.text


@pytest.mark.parametrize("where", ["after a long comment", "after a processing instruction", "lower case"])
def test_doctype_anywhere_in_the_prologue_is_refused(project, tmp_path, where):
    doctype = '<!DOCTYPE Project [<!ENTITY e "boom">]>\n'
    prologue = {
        "after a long comment": "<!--" + "x" * 200_000 + "-->\n" + doctype,
        "after a processing instruction": "<?pi data?>\n<!-- c -->" + doctype,
        "lower case": '<!doctype Project SYSTEM "http://example.invalid/x.dtd">\n',
    }[where]
    data = qde([(SRC_A, "doc", [selection("33333333-3333-3333-3333-333333333333", 0, 5, "Hello")])],
               prologue=prologue)
    path = archive(tmp_path / "d.qdpx", data, {SRC_A: b"Hello world"})
    with pytest.raises(CmoError, match="project.qde: the XML has a DOCTYPE"):
        importer.run(project, path, actor="t")
    assert untouched(project)


def test_nul_and_control_characters_are_removed_with_offsets_kept(project, tmp_path):
    text = "He\x00llo wor\x01ld, and more\x0b text."
    sel = selection("33333333-3333-3333-3333-333333333333", 11, 25, "ld, and more\x0b t".replace("\x0b", ""))
    path = archive(tmp_path / "n.qdpx", qde([(SRC_A, "doc", [sel])]), {SRC_A: text.encode()})
    report = importer.run(project, path, actor="t")
    (tid,) = project.transcript_ids()
    stored = project.text(tid)
    assert stored == "Hello world, and more text."
    assert report.codings_added == 1 and project.codings()[0].text == "ld, and more t"
    assert any("3 control character(s)" in w for w in report.warnings)
    every_coding_slices(project)


def test_emoji_shift_is_re_anchored_by_the_other_count(project, tmp_path):
    text = "Intro 😊 then the quote we want and the end."
    q = "the quote we want"
    cp = text.index(q)
    u16 = cp + 1  # one emoji before it: UTF-16 counts it twice
    sel = selection("33333333-3333-3333-3333-333333333333", u16, u16 + len(q), q)
    path = archive(tmp_path / "e.qdpx", qde([(SRC_A, "doc", [sel])]), {SRC_A: text.encode()})
    report = importer.run(project, path, offsets="codepoints", actor="t")
    assert [c.text for c in project.codings()] == [q]
    assert any("count UTF-16 units; re-anchored" in w for w in report.warnings)
    every_coding_slices(project)


def test_drifted_selection_is_re_anchored_when_unique_and_refused_when_ambiguous(project, tmp_path):
    text = "Some edit added words here. We met every week. Later: nothing else."
    q = "We met every week."
    at = text.index(q)
    sels = [selection("33333333-3333-3333-3333-333333333333", at - 10, at - 10 + len(q), q),
            selection("33333333-3333-3333-3333-33333333AAAA", 0, 10, "nothing…")]  # prefix of the last words
    path = archive(tmp_path / "r.qdpx", qde([(SRC_A, "doc", sels)]), {SRC_A: text.encode()})
    report = importer.run(project, path, actor="t")
    texts = sorted(c.text for c in project.codings())
    assert texts == [q, "nothing el"]
    assert sum("re-anchored there" in w for w in report.warnings) == 2
    every_coding_slices(project)


def test_ambiguous_or_lost_quote_is_refused_not_imported_at_wrong_offsets(project, tmp_path):
    text = "yes I agree. Then no. And yes I agree again. Something else entirely here."
    sels = [selection("33333333-3333-3333-3333-333333333333", 50, 61, "yes I agree"),
            selection("33333333-3333-3333-3333-33333333AAAA", 13, 20, "Then no"),
            selection("33333333-3333-3333-3333-33333333BBBB", 0, 11, "a lost line…")]
    path = archive(tmp_path / "a.qdpx", qde([(SRC_A, "doc", sels)]), {SRC_A: text.encode()})
    report = importer.run(project, path, actor="t")
    assert [c.text for c in project.codings()] == ["Then no"]
    joined = " | ".join(report.not_placed)
    assert "occurs 2 times elsewhere; refused" in joined
    assert "nor anywhere in the source; refused" in joined


@pytest.mark.parametrize("bad", ["not-a-guid", "22222222-2222-2222-2222-22222222222Z", "{1234}"])
def test_malformed_guid_is_refused_naming_file_and_element(project, tmp_path, bad):
    data = qde([(SRC_A, "doc", [selection("33333333-3333-3333-3333-333333333333", 0, 5, "Hello")])])
    data = data.replace(b'guid="33333333-3333-3333-3333-333333333333"', f'guid="{bad}"'.encode())
    path = archive(tmp_path / "g.qdpx", data, {SRC_A: b"Hello world"})
    with pytest.raises(CmoError, match=r"project.qde:\d+: PlainTextSelection has guid=.*not a GUID"):
        importer.run(project, path, actor="t")
    assert untouched(project)


def test_duplicate_guids_are_refused(project, tmp_path):
    g = "33333333-3333-3333-3333-333333333333"
    data = qde([(SRC_A, "doc", [selection(g, 0, 5, "Hello")]), (SRC_B, "other", [selection(g, 0, 3, "Bye")])])
    path = archive(tmp_path / "dup.qdpx", data, {SRC_A: b"Hello world", SRC_B: b"Bye now"})
    with pytest.raises(CmoError, match=f"project.qde: 1 GUID.*more than one element.*{g}"):
        importer.run(project, path, actor="t")
    data = data.replace(SRC_B.encode(), SRC_A.encode())
    with pytest.raises(CmoError, match="more than one element"):
        importer.run(project, archive(tmp_path / "dup2.qdpx", data, {SRC_A: b"Hello world"}), actor="t")
    assert untouched(project)


def test_two_sources_with_identical_text_become_one_transcript(project, tmp_path):
    """NVivo for Mac 15 exported two text sources with the same content: no IntegrityError."""
    text = "Same words in both files. Coded differently."
    sels_a = [selection("33333333-3333-3333-3333-333333333333", 0, 10, "Same words")]
    sels_b = [selection("33333333-3333-3333-3333-33333333AAAA", 26, 31, "Coded")]
    data = qde([(SRC_A, "first copy", sels_a), (SRC_B, "second copy", sels_b)], origin="NVivo for Mac 15")
    path = archive(tmp_path / "twins.qdpx", data, {SRC_A: text.encode(), SRC_B: text.encode()})
    result = CliRunner().invoke(cli, ["import-qdpx", str(project.path), str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert "has the same text as source 'first copy'" in result.output
    assert len(project.transcript_ids()) == 1
    assert sorted(c.text for c in project.codings()) == ["Coded", "Same words"]
    every_coding_slices(project)
    again = CliRunner().invoke(cli, ["import-qdpx", str(project.path), str(path)])  # a rerun changes nothing
    assert again.exit_code == 0 and "0 coding(s) added, 2 unchanged" in again.output, again.output


def test_cli_nothing_importable_exits_1_and_writes_nothing(project, tmp_path):
    data = qde([(SRC_A, "doc", [selection("33333333-3333-3333-3333-333333333333", 0, 5, "Hello")])])
    path = archive(tmp_path / "empty.qdpx", data, {})
    result = CliRunner().invoke(cli, ["import-qdpx", str(project.path), str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and "is missing" in result.output
    assert untouched(project)


def test_leak_check_on_import_writes_no_temporary_copy(project, tmp_path, monkeypatch):
    """Foreign text is scanned in memory: a crash mid-check cannot leave it on disk."""
    import tempfile

    from test_exchange_export import _fake_leakcheck

    from cmo_coder.errors import PrivacyError
    from cmo_coder.store.secure import SecureFolder

    sel = selection("33333333-3333-3333-3333-333333333333", 0, 5, "Hello")
    path = archive(tmp_path / "l.qdpx", qde([(SRC_A, "doc", [sel])]), {SRC_A: b"Hello Jane Roe"})
    secure = SecureFolder.open(tmp_path / "secure", project_path=project.path, create=True)

    def no_temp(*args: object, **kwargs: object) -> None:
        raise AssertionError("the import wrote a temporary file")

    for name in ("mkstemp", "mkdtemp", "TemporaryDirectory", "NamedTemporaryFile"):
        monkeypatch.setattr(tempfile, name, no_temp)
    _fake_leakcheck(monkeypatch, "Jane Roe")
    with pytest.raises(PrivacyError, match="Jane Roe"):
        importer.run(project, path, secure=secure, actor="t")
    assert untouched(project)
    _fake_leakcheck(monkeypatch, None)
    assert importer.run(project, path, secure=secure, actor="t").leak_check == "passed"


def test_damaged_entry_header_is_a_project_error(project, tmp_path):
    data = qde([(SRC_A, "doc", [selection("33333333-3333-3333-3333-333333333333", 0, 5, "Hello")])])
    path = archive(tmp_path / "h.qdpx", data, {SRC_A: b"Hello world"})
    raw = bytearray(path.read_bytes())
    raw[0:4] = b"\x00\x00\x00\x00"  # the first local header's signature; the central directory is intact
    path.write_bytes(bytes(raw))
    with pytest.raises(CmoError, match="project.qde: corrupt archive entry"):
        importer.run(project, path, actor="t")
    assert untouched(project)


@pytest.mark.parametrize("data", [b"\xff\xfeH\x00i\x00", b"caf\xe9 latin-1", b"Hello\xc3"])
def test_a_source_text_not_utf8_is_refused_naming_the_archive(project, tmp_path, data):
    """Found by fuzzing NVivo's export: the error named only "sources/….txt", not which file was imported."""
    path = archive(tmp_path / "enc.qdpx", qde([(SRC_A, "doc", [])]), {SRC_A: data})
    with pytest.raises(CmoError) as exc:
        importer.run(project, path, actor="t")
    assert str(exc.value).startswith(f"{path}: sources/{SRC_A}.txt: not UTF-8 text")
    assert untouched(project)


@pytest.mark.parametrize("inserted", ["<w:p><w:r><w:t>x</w:t></w:r></w:p>", "<x:Note guid='a'/>", "<a:b:c/>"])
def test_an_element_with_an_undeclared_prefix_is_no_internal_error(project, tmp_path, inserted):
    """Found by fuzzing NVivo's export: ``<w:p>`` inside a QDE reached ``etree.QName`` as the tag "w:p" and
    its ValueError escaped the import. Such an element is read by its local name, and an unknown one is
    passed over like any other element the importer does not use."""
    data = qde([(SRC_A, "doc", [])]).replace(b"<Sources>", b"<Sources>" + inserted.encode(), 1)
    path = archive(tmp_path / "ns.qdpx", data, {SRC_A: b"Hello world"})
    try:
        importer.run(project, path, actor="t")
    except CmoError as exc:
        assert str(exc).startswith(str(path))
        assert untouched(project)
        return
    every_coding_slices(project)
