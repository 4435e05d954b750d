"""Export: schema-valid QDPX/QDC, deterministic bytes, exact offsets, privacy gates."""

from __future__ import annotations

import re
import sys
import types
import unicodedata
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from exchange_helpers import build_rich, qde_of, validate_both
from lxml import etree

from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError, PrivacyError
from cmo_coder.exchange import export
from cmo_coder.exchange.textprep import Profile
from cmo_coder.model import SourceFormat, TranscriptKind
from cmo_coder.store.secure import SecureFolder

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL

NS = {"q": "urn:QDA-XML:project:1.0"}
GUID = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


@pytest.fixture
def rich(project, add_transcript):  # type: ignore[no-untyped-def]
    build_rich(project, add_transcript)
    return project


@pytest.mark.parametrize("profile", list(Profile))
def test_export_validates_against_both_schemas(rich, tmp_path: Path, shared_dir: Path, profile: Profile) -> None:
    out = tmp_path / "study.qdpx"
    export.run(rich, out, tmp_path / "codebook.qdc", profile)
    validate_both(qde_of(out), shared_dir / "refi-qda" / "Project-mrt2019.xsd")
    validate_both((tmp_path / "codebook.qdc").read_bytes(), shared_dir / "refi-qda" / "Codebook.xsd")


def test_reco_codebook_qdc_validates(tmp_path: Path, shared_dir: Path, reco_codebook) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.exchange import qdc

    qdc.write(reco_codebook, tmp_path / "reco.qdc")
    data = (tmp_path / "reco.qdc").read_bytes()
    validate_both(data, shared_dir / "refi-qda" / "Codebook.xsd")
    names = [c.get("name") for c in etree.fromstring(data).iter("{urn:QDA-XML:codebook:1.0}Code")]
    assert len(names) == len(set(names)), "code names must be unique across the tree (QualCoder merges equal names)"
    assert "PT3 Context" in names and "Supports" in names


def test_two_exports_are_byte_identical(rich, tmp_path: Path) -> None:
    export.run(rich, tmp_path / "a.qdpx", tmp_path / "a.qdc")
    export.run(rich, tmp_path / "b.qdpx", tmp_path / "b.qdc")
    assert (tmp_path / "a.qdpx").read_bytes() == (tmp_path / "b.qdpx").read_bytes()
    assert (tmp_path / "a.qdc").read_bytes() == (tmp_path / "b.qdc").read_bytes()


def test_archive_layout_text_files_and_references(rich, tmp_path: Path) -> None:
    out = tmp_path / "study.qdpx"
    export.run(rich, out, None)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        assert names[0] == "project.qde"
        assert all(n == "project.qde" or re.match(r"^sources/[0-9A-F-]{36}\.txt$", n) for n in names)
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in z.infolist())
        xml = z.read("project.qde")
        texts = {n: z.read(n) for n in names if n.startswith("sources/")}
    assert not xml.startswith(b"\xef\xbb\xbf")
    root = etree.fromstring(xml)
    assert root.get("origin", "").startswith("cmo-coder")
    for data in texts.values():
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
        assert unicodedata.is_normalized("NFC", data.decode("utf-8"))
    # every plainTextPath resolves, no richTextPath, no PlainTextContent beside it
    for src in root.iterfind(".//q:Sources/q:TextSource", NS):
        assert src.get("richTextPath") is None and src.find("q:PlainTextContent", NS) is None
        assert "sources/" + src.get("plainTextPath").removeprefix("internal://") in texts
    # every GUID well formed and unique; every reference resolves
    guids = [e.get("guid") for e in root.iter() if e.get("guid")]
    assert all(GUID.match(g) for g in guids) and len(guids) == len(set(guids))
    for e in root.iter():
        for attr in ("targetGUID", "originGUID", "representedGUID", "sourceVertex", "targetVertex", "creatingUser",
                     "modifyingUser", "creatingUserGUID", "modifyingUserGUID"):
            if e.get(attr):
                assert e.get(attr) in guids, f"{etree.QName(e).localname}@{attr} dangles"
    # no empty container elements, dates in UTC Z form, notes dated
    for tag in ("Users", "Codes", "Cases", "Sources", "Notes", "Links", "Sets", "Graphs", "Variables"):
        for el in root.iterfind(f".//q:{tag}", NS):
            assert len(el), f"empty {tag}"
    for e in root.iter():
        for attr in ("creationDateTime", "modifiedDateTime"):
            if e.get(attr):
                assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", e.get(attr))
    for note in root.iterfind(".//q:Notes/q:Note", NS):
        assert note.get("creationDateTime") and note.get("modifiedDateTime")
    assert b"/home/" not in xml and b"basePath" not in xml


def _selections(root: etree._Element) -> dict[str, tuple[str, int, int]]:
    out = {}
    for src in root.iterfind(".//q:Sources/q:TextSource", NS):
        for sel in src.iterfind("q:PlainTextSelection", NS):
            out[sel.get("guid")] = (src.get("plainTextPath").removeprefix("internal://"),
                                    int(sel.get("startPosition")), int(sel.get("endPosition")))
    return out


@pytest.mark.parametrize("profile", list(Profile))
def test_every_coding_slices_the_written_text_to_its_quote(rich, tmp_path: Path, profile: Profile) -> None:
    out = tmp_path / "study.qdpx"
    export.run(rich, out, None, profile)
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("project.qde"))
        texts = {n.removeprefix("sources/"): z.read(n).decode("utf-8") for n in z.namelist() if n != "project.qde"}
    from cmo_coder.exchange.guids import guid

    sels = _selections(root)
    for c in rich.codings():
        file, s, e = sels[guid("selection", c.id)]
        text = texts[file]
        if profile is Profile.nvivo:
            got = text.encode("utf-16-le")[2 * s:2 * e].decode("utf-16-le")
            assert got == c.text.replace("\n", "\r\n")
        else:
            assert text[s:e] == c.text
    # each coded selection carries its code and its stance code
    codes = {c.get("guid"): c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    sel = next(s for s in root.iter("{urn:QDA-XML:project:1.0}PlainTextSelection") if s.get("guid") == guid(
        "selection", "cod-4"))
    assert sorted(codes[r.get("targetGUID")] for r in sel.iter("{urn:QDA-XML:project:1.0}CodeRef")) == [
        "PT1.C1 When every service accepts people with co-occurring needs", "Refutes"]


def test_cases_links_notes_and_graphs(rich, tmp_path: Path) -> None:
    out = tmp_path / "study.qdpx"
    export.run(rich, out, None)
    root = etree.fromstring(qde_of(out))
    cases = {c.get("name"): c for c in root.iterfind(".//q:Cases/q:Case", NS)}
    assert set(cases) == {"SP1", "SP2", "P3", "P4"}
    assert len(cases["SP1"].findall("q:SelectionRef", NS)) == 2 and len(cases["SP1"].findall("q:SourceRef", NS)) == 1
    values = [v.text for v in cases["P4"].iterfind("q:VariableValue/q:TextValue", NS)]
    assert values == ["carer", "C"]
    links = root.findall(".//q:Links/q:Link", NS)
    assert [lk.get("name") for lk in links] == ["Mres→Mresp", "Mresp→O"]
    assert all(lk.get("direction") == "OneWay" and lk.find("q:NoteRef", NS) is not None for lk in links)
    notes = root.findall(".//q:Notes/q:Note", NS)
    assert len(notes) == 4  # two memos, one configuration, one project note
    (ref,) = root.findall("q:NoteRef", NS)  # the project note hangs off the Project itself
    assert ref.get("targetGUID") == notes[-1].get("guid") and notes[-1].get("name") == "Analysis diary"
    graphs = root.findall(".//q:Graphs/q:Graph", NS)
    assert [g.get("name") for g in graphs] == ["PT1 programme theory", "PT2 programme theory"]
    edges = graphs[0].findall("q:Edge", NS)
    assert sum(1 for e in edges if e.get("representedGUID") in {lk.get("guid") for lk in links}) == 2


def test_pending_transcripts_refuse_export_unless_signed_off_only(rich, tmp_path: Path) -> None:
    with rich.transaction("tester") as tx:
        tx.add_pending_transcript("T09", "still raw", SourceFormat.plain_txt, TranscriptKind.transcript, "0" * 64, "t")
    with pytest.raises(CmoError, match="T09"):
        export.run(rich, tmp_path / "x.qdpx", None)
    assert not (tmp_path / "x.qdpx").exists()
    report = export.run(rich, tmp_path / "x.qdpx", None, signed_off_only=True)
    assert report.skipped_pending == ["T09"] and report.transcripts == ["T01", "T02"]


def test_astral_characters_warn_under_refi_profile(rich, tmp_path: Path) -> None:
    report = export.run(rich, tmp_path / "x.qdpx", None)
    assert any("U+FFFF" in w for w in report.warnings)
    assert not any("U+FFFF" in w for w in export.run(rich, tmp_path / "y.qdpx", None, Profile.nvivo).warnings)
    assert {d.target for d in report.data_loss} == {"NVivo", "ATLAS.ti", "MAXQDA", "QualCoder"}


@pytest.mark.parametrize(("profile", "target"), [(Profile.nvivo, "NVivo"), (Profile.qualcoder, "QualCoder")])
def test_a_tool_profile_reports_that_tools_losses_only(rich, tmp_path: Path, profile: Profile, target: str) -> None:
    report = export.run(rich, tmp_path / "x.qdpx", None, profile)
    assert [d.target for d in report.data_loss] == [target] and report.data_loss[0].losses
    result = CliRunner().invoke(cli, ["export", rich.ref, "--qdpx", str(tmp_path / "c.qdpx"),
                                      "--profile", profile.value])
    assert result.exit_code == 0, result.output
    assert f"expected losses when importing into {target}:" in result.output
    others = {"NVivo", "ATLAS.ti", "MAXQDA", "QualCoder"} - {target}
    assert not any(f"  {o}: " in result.output for o in others)


def _fake_leakcheck(monkeypatch: pytest.MonkeyPatch, hits_for: str | None) -> None:
    """Stand in for the anonymise stage's leak check: report a hit when ``hits_for`` occurs."""
    mod = types.ModuleType("cmo_coder.anonymise.leakcheck")

    class Hit:
        def __init__(self, path: Path, member: str) -> None:
            self.path, self.member, self.line, self.column, self.surface, self.category = (
                path, member, 1, 1, hits_for, "PERSON")

    def scan_paths(paths: list[Path], secure: SecureFolder) -> list[Hit]:
        out = []
        for p in paths:
            if zipfile.is_zipfile(p):
                with zipfile.ZipFile(p) as z:
                    out += [Hit(p, n) for n in z.namelist() if hits_for and hits_for.encode() in z.read(n)]
            elif hits_for and hits_for in p.read_text(encoding="utf-8"):
                out.append(Hit(p, None))  # type: ignore[arg-type]
        return out

    def scan_text(text: str, matcher: object, path: Path, member: str | None) -> list[Hit]:
        return [Hit(path, member)] if hits_for and hits_for in text else []  # type: ignore[arg-type]

    mod.scan_paths = scan_paths  # type: ignore[attr-defined]
    mod.scan_text = scan_text  # type: ignore[attr-defined]
    mod.registered_items = lambda secure: []  # type: ignore[attr-defined]
    mod.build_matcher = lambda items: None  # type: ignore[attr-defined]
    mod.project_matcher = lambda secure, reference=None: None  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cmo_coder.anonymise", types.ModuleType("cmo_coder.anonymise"))
    monkeypatch.setitem(sys.modules, "cmo_coder.anonymise.leakcheck", mod)


def test_leak_check_hit_leaves_nothing_behind(rich, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secure = SecureFolder.open(tmp_path / "secure", project_path=rich.path, create=True)
    _fake_leakcheck(monkeypatch, "drug worker")
    dest = tmp_path / "out" / "study.qdpx"
    with pytest.raises(PrivacyError, match="drug worker") as err:
        export.run(rich, dest, None, secure=secure)
    assert list((tmp_path / "out").iterdir()) == []
    assert f"{dest}:sources/" in str(err.value) and ".tmp" not in str(err.value)
    _fake_leakcheck(monkeypatch, "Zebedee")
    report = export.run(rich, dest, None, secure=secure)
    assert report.leak_check == "passed" and dest.exists()
    assert not any("NO LEAK CHECK" in w for w in report.warnings)


def test_missing_leak_check_is_an_error_not_a_pass(rich, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secure = SecureFolder.open(tmp_path / "secure", project_path=rich.path, create=True)
    monkeypatch.setitem(sys.modules, "cmo_coder.anonymise.leakcheck", None)
    with pytest.raises(CmoError, match="leak check is unavailable"):
        export.run(rich, tmp_path / "x.qdpx", None, secure=secure)
    assert not (tmp_path / "x.qdpx").exists()


def test_cli_export_json_and_warning(rich, tmp_path: Path) -> None:
    rich.close()
    out = tmp_path / "study.qdpx"
    result = CliRunner().invoke(cli, ["export", rich.ref, "--qdpx", str(out), "--qdc",
                                      str(tmp_path / "c.qdc"), "--profile", "nvivo", "--json"])
    assert result.exit_code == 0, result.output
    assert '"profile": "nvivo"' in result.stdout and out.exists()
    assert "NO LEAK CHECK" in result.stderr
    bad = CliRunner().invoke(cli, ["export", rich.ref])
    assert bad.exit_code == 1 and "nothing to export" in bad.stderr


def test_xml_illegal_characters_never_reach_the_xml(project, add_transcript, tmp_path: Path, shared_dir: Path) -> None:
    from cmo_coder.model import Coding

    t = add_transcript("T05", [("SP1", "staff", "A", "Form\x0cfeed and a bell\x07 in the transcript.")],
                       title="Odd\x01 title")
    with project.transaction("tester") as tx:
        tx.add_coding(Coding(id="c1", transcript_id=t.id, start=0, end=9, text=t.text[:9], pt="PT1",
                             coder="ann\x02", memo="memo with \x0b vertical tab"))
    out = tmp_path / "x.qdpx"
    export.run(project, out, None)
    xml = qde_of(out)
    validate_both(xml, shared_dir / "refi-qda" / "Project-mrt2019.xsd")
    assert b"Odd title" in xml and b"memo with  vertical tab" in xml
    with zipfile.ZipFile(out) as z:
        (text_name,) = [n for n in z.namelist() if n.startswith("sources/")]
        assert z.read(text_name).decode() == t.text  # the text file keeps every character the offsets count


def test_empty_project_exports_valid_archive(project, tmp_path: Path, shared_dir: Path) -> None:
    out = tmp_path / "empty.qdpx"
    report = export.run(project, out, None)
    assert report.counts.sources == 0
    validate_both(qde_of(out), shared_dir / "refi-qda" / "Project-mrt2019.xsd")


def test_empty_turns_are_not_case_selections(project, tmp_path: Path, shared_dir: Path) -> None:
    import hashlib

    from cmo_coder.model import Participant, Transcript, Turn

    text = "Hello there.\n\nYes."
    t = Transcript(id="T07", title="t", source_format=SourceFormat.plain_txt, text=text,
                   turns=[Turn(speaker="SP1", start=0, end=12), Turn(speaker="P1", start=14, end=14),
                          Turn(speaker="P1", start=14, end=18)],
                   source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="t")
    with project.transaction("tester") as tx:
        tx.upsert_participant(Participant(label="SP1", role="staff"))
        tx.upsert_participant(Participant(label="P1", role="service_user"))
        tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, "t")
        tx.sign_off_transcript(t)
    out = tmp_path / "x.qdpx"
    export.run(project, out, None)
    root = etree.fromstring(qde_of(out))
    selections = {s.get("guid") for s in root.iter("{urn:QDA-XML:project:1.0}PlainTextSelection")}
    refs = [r.get("targetGUID") for r in root.iter("{urn:QDA-XML:project:1.0}SelectionRef")]
    assert len(refs) == 2 and set(refs) <= selections
    validate_both(qde_of(out), shared_dir / "refi-qda" / "Project-mrt2019.xsd")


def test_coding_memo_is_the_selections_description(rich, tmp_path: Path) -> None:
    """QualCoder takes a coding memo only from the coded selection's own Description (it
    ignores NoteRefs there), so the memo must sit there too, as the first child, verbatim;
    selections without a memo get no (empty) Description."""
    out = tmp_path / "study.qdpx"
    export.run(rich, out, None)
    root = etree.fromstring(qde_of(out))
    from cmo_coder.exchange.guids import guid

    sels = {s.get("guid"): s for s in root.iter("{urn:QDA-XML:project:1.0}PlainTextSelection")}
    with_memo = [c for c in rich.codings() if c.memo]
    assert with_memo and len(with_memo) < len(rich.codings())
    for c in rich.codings():
        sel = sels[guid("selection", c.id)]
        desc = sel.find("q:Description", NS)
        if c.memo:
            assert desc is not None and sel[0] is desc and desc.text == c.memo
            # the Note stays for NVivo and the round trip
            assert guid("memo", c.id) in {r.get("targetGUID") for r in sel.iterfind("q:NoteRef", NS)}
        else:
            assert desc is None


def test_qualcoder_profile_writes_no_uncoded_selections(rich, tmp_path: Path) -> None:
    """QualCoder imports every selection without a Coding as an (empty) annotation and ignores a
    named Case's SelectionRefs, so its profile writes only coded selections; cases keep their
    variables and SourceRefs. The default profile still writes turn selections for NVivo."""
    by_profile = {}
    for profile in (Profile.refi, Profile.qualcoder):
        out = tmp_path / f"{profile.value}.qdpx"
        export.run(rich, out, None, profile)
        by_profile[profile] = etree.fromstring(qde_of(out))
    qc, refi = by_profile[Profile.qualcoder], by_profile[Profile.refi]
    uncoded = [s for s in qc.iter("{urn:QDA-XML:project:1.0}PlainTextSelection")
               if s.find("q:Coding", NS) is None and s.getparent().tag.endswith("TextSource")]
    assert uncoded == []
    assert qc.findall(".//q:Cases/q:Case/q:SelectionRef", NS) == []
    assert [s.get("targetGUID") for s in qc.iterfind(".//q:Cases/q:Case/q:SourceRef", NS)] == [
        s.get("targetGUID") for s in refi.iterfind(".//q:Cases/q:Case/q:SourceRef", NS)]
    assert len(refi.findall(".//q:Cases/q:Case/q:SelectionRef", NS)) > 0
    coded = [(s.get("guid"), s.get("startPosition"), s.get("endPosition"))
             for s in refi.iter("{urn:QDA-XML:project:1.0}PlainTextSelection") if s.find("q:Coding", NS) is not None]
    assert coded and coded == [(s.get("guid"), s.get("startPosition"), s.get("endPosition"))
                               for s in qc.iter("{urn:QDA-XML:project:1.0}PlainTextSelection")
                               if s.getparent().tag.endswith("TextSource")]
    # every SelectionRef left anywhere still resolves
    guids = {e.get("guid") for e in qc.iter() if e.get("guid")}
    assert all(r.get("targetGUID") in guids for r in qc.iter("{urn:QDA-XML:project:1.0}SelectionRef"))


@pytest.mark.parametrize("profile", [Profile.refi, Profile.qualcoder])
def test_data_loss_report_states_what_qualcoder_was_seen_to_drop(rich, tmp_path: Path, profile: Profile) -> None:
    report = export.run(rich, tmp_path / "study.qdpx", None, profile)
    (qc,) = [d.losses for d in report.data_loss if d.target == "QualCoder"]
    assert all("observed with QualCoder" in line for line in qc)
    turns = [line for line in qc if "empty annotation" in line]
    if profile is Profile.refi:
        assert report.counts.turn_selections == len(rich.transcript("T01").turns) + len(
            rich.transcript("T02").turns) and turns == [f"{report.counts.turn_selections} uncoded turn selection(s) "
                                                        "each become an empty annotation; re-export with --profile "
                                                        "qualcoder (observed with QualCoder c3204641e0a9)"]
    else:
        assert report.counts.turn_selections == 0 and turns == []
    lost = any("CMO configurations are lost" in line for line in qc)
    journals = any("arrive as journals" in line for line in qc)
    assert (lost, journals) == ((True, False) if profile is Profile.refi else (False, True))


def test_qualcoder_profile_keeps_note_texts_in_files_under_unique_names(rich, tmp_path: Path,
                                                                       shared_dir: Path) -> None:
    """QualCoder imports a Note as a journal only from a plainTextPath file, and aborts its whole
    import on two journals of one name: so configuration and project notes are files there, with
    unique names; coding memos stay inline (QualCoder takes them from the selection)."""
    from cmo_coder.model.note import ProjectNote

    with rich.transaction("tester") as tx:  # a second note with the title of the first
        tx.add_note(ProjectNote(id="note-dup", title="Analysis diary", body="Second entry: → détail."))
    out = tmp_path / "study.qdpx"
    export.run(rich, out, None, Profile.qualcoder)
    validate_both(qde_of(out), shared_dir / "refi-qda" / "Project-mrt2019.xsd")
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("project.qde"))
        names = set(z.namelist())
        files = {}
        for note in root.iterfind(".//q:Notes/q:Note", NS):
            path = note.get("plainTextPath")
            if path:
                assert note.find("q:PlainTextContent", NS) is None
                member = "sources/" + path.removeprefix("internal://")
                assert member in names
                files[note.get("name")] = z.read(member).decode("utf-8")
            else:
                assert note.get("name").startswith("Memo: ")
    assert len(files) == 3  # one configuration, two project notes
    assert files["Analysis diary (2)"] == "Second entry: → détail."
    assert "Analysis diary" in files and any(n.startswith("CMOC ") for n in files)
    assert len(set(files)) == len(files)
