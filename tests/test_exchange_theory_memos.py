"""REFI-QDA: theory versions (statement, rationale) and memos travel in the QDPX and come back on import."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import qde_of, validate_both
from lxml import etree

from cmo_coder.exchange import export, importer
from cmo_coder.exchange.textprep import Profile
from cmo_coder.memo import service as memos
from cmo_coder.store import Project
from cmo_coder.theory import service
from tests.study import build_study

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL

NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture
def refined(project: Project, add_transcript) -> Project:  # type: ignore[no-untyped-def]
    build_study(project, add_transcript)
    service.revise(project, "PT1", statement="Joint assessment that staff trust keeps people in treatment.",
                   because="Carers at site B contradicted it.", evidence=["c5"], actor="lead")
    service.add_element(project, "PT2", component="Mresp", statement="staff feel safe to ask", because="d1 says so",
                        evidence=["d1"], actor="lead")
    memos.add_memo(project, "Trust, not forms.", pt="PT1", actor="ann")
    memos.add_memo(project, "Strongest refutation.", coding="c5", actor="bob")
    memos.add_memo(project, "Only staff voices.", cmoc="K1", actor="ann")
    memos.add_memo(project, "Interview ran short.", transcript="site-a-interview", actor="ann")
    memos.add_memo(project, "Diary: first meeting.", actor="ann")
    return project


@pytest.mark.parametrize("profile", list(Profile))
def test_versions_and_memos_export_schema_valid_and_attached(refined: Project, tmp_path: Path, shared_dir: Path,
                                                             profile: Profile) -> None:
    out = tmp_path / "study.qdpx"
    export.run(refined, out, None, profile)
    xml = qde_of(out)
    validate_both(xml, shared_dir / "refi-qda" / "Project-mrt2019.xsd")
    root = etree.fromstring(xml)
    notes = {n.get("guid"): n for n in root.iterfind(".//q:Notes/q:Note", NS)}
    by_name = {n.get("name"): n for n in notes.values()}
    pt1 = root.find(".//q:CodeBook//q:Code[@name='PT1 shared ownership']", NS)
    assert pt1 is not None
    assert pt1.findtext("q:Description", namespaces=NS) == refined.codebook.pt("PT1").statement
    refs = [notes[r.get("targetGUID")].get("name") for r in pt1.iterfind("q:NoteRef", NS)]
    assert refs[0] == "PT1 v2: statement revised" and len(refs) == 2  # the version, then the PT memo
    version = by_name["PT1 v2: statement revised"]
    assert version.findtext("q:Description", namespaces=NS) == \
        "cmo-coder theory version; pt: PT1; version: 2; change: revise"
    if profile is not Profile.qualcoder:  # QualCoder's notes keep their text in files
        body = version.findtext("q:PlainTextContent", namespaces=NS) or ""
        assert "Joint assessment that staff trust" in body and "Rationale: Carers at site B contradicted it." in body
        assert "Evidence: c5" in body
    project_refs = [r.get("targetGUID") for r in root.iterfind("q:NoteRef", NS)]
    assert [notes[g].get("name") for g in project_refs] == ["Diary: first meeting."]  # memos hang off their targets
    sel_refs = {r.get("targetGUID") for r in root.iterfind(".//q:PlainTextSelection/q:NoteRef", NS)}
    assert any(notes[g].get("name") == "Strongest refutation." for g in sel_refs if g in notes)
    link_refs = {r.get("targetGUID") for r in root.iterfind(".//q:Link/q:NoteRef", NS)}
    assert any(notes[g].get("name") == "Only staff voices." for g in link_refs if g in notes)
    src_refs = {r.get("targetGUID") for r in root.iterfind(".//q:TextSource/q:NoteRef", NS)}
    assert [notes[g].get("name") for g in src_refs] == ["Interview ran short."]


def test_import_keeps_versions_and_memos_on_their_targets(refined: Project, tmp_path: Path,
                                                         tiny_codebook) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "study.qdpx"
    export.run(refined, out, None, Profile.refi)
    fresh = Project.create(tmp_path / "fresh", tiny_codebook, actor="tester")
    importer.run(fresh, out, actor="tester")
    got = {(n.target_kind.value if n.target_kind else None, n.title): n for n in fresh.notes()}
    assert got[("pt", "Trust, not forms.")].target_id == "PT1"
    on_cmoc = got[("cmoc", "Only staff voices.")].target_id
    assert on_cmoc is not None and fresh.configuration(on_cmoc).name == refined.configuration("K1").name
    assert got[("transcript", "Interview ran short.")].target_id == "site-a-interview"
    assert got[(None, "Diary: first meeting.")].target_id is None
    on_coding = got[("coding", "Strongest refutation.")]
    assert fresh.coding(on_coding.target_id).text == refined.coding("c5").text
    assert fresh.coding(on_coding.target_id).memo == refined.coding("c5").memo  # not folded into the coding memo
    version = got[("pt", "PT1 v2: statement revised")]
    assert "Rationale: Carers at site B contradicted it." in version.body
    assert version.description == "cmo-coder theory version; pt: PT1; version: 2; change: revise"
    assert ("pt", "PT2 v2: element added") in got
    again = importer.run(fresh, out, actor="tester")  # a re-import adds nothing
    assert again.notes_added == 0
    fresh.close()


def test_export_refuses_a_name_in_a_refined_theory_before_writing_anything(project: Project, tmp_path: Path) -> None:
    from anon_support import secure_folder

    from cmo_coder.errors import PrivacyError

    sf = secure_folder(tmp_path)
    service.revise(project, "PT1", statement="Joint assessment keeps people in treatment.", because="staff said so")
    out = tmp_path / "out"
    report = export.run(project, out / "ok.qdpx", out / "ok.qdc", Profile.refi, secure=sf)
    assert report.leak_check == "passed" and (out / "ok.qdpx").exists() and (out / "ok.qdc").exists()
    # lower-cased, the name would pass as reference text inside the exported codebook: it is caught first
    service.revise(project, "PT2", statement="As maggie okafor put it, training builds empathy.", because="b")
    with pytest.raises(PrivacyError, match="nothing was written"):
        export.run(project, out / "leak.qdpx", out / "leak.qdc", Profile.refi, secure=sf)
    with pytest.raises(PrivacyError, match="theory PT2 v2"):
        export.run(project, None, out / "leak.qdc", Profile.refi, secure=sf)
    assert sorted(p.name for p in out.iterdir()) == ["ok.qdc", "ok.qdpx"]


def test_a_refined_theory_quoting_its_first_statement_is_not_a_leak(tmp_path: Path, reco_codebook) -> None:  # type: ignore[no-untyped-def]
    """An added element keeps the PT's first statement ("… will help staff feel …"): with "Will Jenkins"
    registered, that "will" is the codebook's word, not the participant; a name in new words still fails."""
    from anon_support import secure_folder

    from cmo_coder.errors import PrivacyError

    sf = secure_folder(tmp_path)
    p = Project.create(tmp_path / "study", reco_codebook, actor="tester")
    try:
        assert " will " in next(t.statement for t in p.codebook.programme_theories if t.id == "PT3")
        service.add_element(p, "PT3", component="Mres", statement="Protected time for joint reviews",
                            because="joint reviews lapse without it")
        out = tmp_path / "out"
        for profile in Profile:  # QualCoder's profile writes notes as text sources, outside the codebook
            report = export.run(p, out / f"ok-{profile.value}.qdpx", out / "ok.qdc", profile, secure=sf)
            assert report.leak_check == "passed"
        service.add_element(p, "PT3", component="Mresp", statement="Staff trust what Will told them",
                            because="a carer's account")
        with pytest.raises(PrivacyError, match="theory PT3 v3"):
            export.run(p, out / "leak.qdpx", None, Profile.refi, secure=sf)
    finally:
        p.close()
