"""Importing a marked-up report: a document source, component codings, PT-level quote codings with speakers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.coding import service
from cmo_coder.coding.markup_import import import_markup
from cmo_coder.errors import CmoError, ValidationFailed
from cmo_coder.model import Component
from cmo_coder.store import Project

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL

REPORT = """Findings
Where every service accepted people (context), joint assessment (mechanism – resource 1) made staff confident \
(mechanism response) and people stayed (proximal outcomes).
It makes a massive difference to our service users because they are followed up in both camps.
SP41, Case Study D
Refined programme theory 2: training
Carers valued ‘people who knew what they were doing’ (P36, (Carer) Case Study B) and training (mechanism – resource) \
built empathy (outcome).
"""


def _write(tmp_path: Path, text: str, name: str = "report.txt") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_import_codes_clauses_and_quotes(project: Project, tmp_path: Path) -> None:
    report = import_markup(project, _write(tmp_path, REPORT), pt="PT1", coder="analyst")
    assert report.census["tags"] == report.clauses_found == 6
    assert (report.clause_codings, report.quote_codings, report.turns) == (6, 2, 2)
    assert sorted(report.participants_added) == ["P36", "SP41"]
    t = project.transcript("report")
    assert (t.kind.value, t.source_format.value) == ("document", "markup")
    assert "(context)" not in t.text and "SP41, Case Study D" not in t.text
    codings = project.codings()
    assert all(t.text[c.start : c.end] == c.text for c in codings)
    got = {(c.pt, c.component, c.element, c.text) for c in codings if c.component}
    assert got == {
        ("PT1", Component.context, None, "Where every service accepted people"),
        ("PT1", Component.mechanism_resource, "PT1.MR1", "joint assessment"),
        ("PT1", Component.mechanism_response, None, "made staff confident"),
        ("PT1", Component.outcome, None, "and people stayed"),
        ("PT2", Component.mechanism_resource, None, "and training"),
        ("PT2", Component.outcome, None, "built empathy"),
    }
    quotes = [v for v in service.list_codings(project) if v.coding.component is None]
    assert [(v.coding.pt, v.attribution) for v in quotes] == [
        ("PT1", "SP41, Case Study D"), ("PT2", "P36, (Carer) Case Study B")]
    assert quotes[1].coding.text == "people who knew what they were doing"
    assert {c.origin.value for c in codings} == {"markup"}
    assert project.audit_log("markup")[-1]["entity_id"] == "report"


def test_without_pt_nothing_is_written(project: Project, tmp_path: Path) -> None:
    before = project.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(ValidationFailed, match="no programme theory"):
        import_markup(project, _write(tmp_path, REPORT))
    assert project.transcript_ids() == []
    assert project.participants() == []
    assert project.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before
    with pytest.raises(CmoError, match="unknown programme theory"):
        import_markup(project, _write(tmp_path, REPORT), pt="PT7")


def test_bad_files(project: Project, tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    with pytest.raises(CmoError, match="binary"):
        import_markup(project, tmp_path / "bin.txt", pt="PT1")
    (tmp_path / "l1.txt").write_bytes("caf\xe9 (context)".encode("latin-1"))
    with pytest.raises(CmoError, match="not UTF-8"):
        import_markup(project, tmp_path / "l1.txt", pt="PT1")
    import_markup(project, _write(tmp_path, REPORT), pt="PT1")
    with pytest.raises(CmoError, match="already imported"):
        import_markup(project, _write(tmp_path, REPORT, "again.txt"), pt="PT1")


def test_development_chapter_via_cli(tmp_path: Path, shared_dir: Path) -> None:
    runner = CliRunner()
    proj = str(tmp_path / "reco")
    assert runner.invoke(cli, ["init", proj, "--codebook", "reco"]).exit_code == 0
    r = runner.invoke(cli, ["markup", "import", proj, str(shared_dir / "reco" / "chapter4_pt1-5.txt"),
                            "--coder", "report", "--json"])
    assert r.exit_code == 0, r.output
    import json

    report = json.loads(r.stdout)
    assert report["clauses_found"] == report["census"]["tags"]
    assert report["clause_codings"] == report["clauses_found"]
    assert report["quotes_found"] >= report["census"]["attribution_lines"]
    assert set(report["per_pt"]) == {"PT1", "PT2", "PT3", "PT4", "PT5"}
    with Project.open(proj) as p:
        carers = service.list_codings(p, role="carer")
        assert carers and all(v.speaker and v.speaker.role.value == "carer" for v in carers)
        assert all(p.text(c.transcript_id)[c.start : c.end] == c.text for c in p.codings())
