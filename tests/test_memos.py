"""Memos on a transcript, coding, PT or CMOC: commands, refusals, and the leak check reading them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from anon_support import secure_folder
from click.testing import CliRunner

from cmo_coder.anonymise.leakcheck import scan_project
from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError, NotFound
from cmo_coder.memo import service
from cmo_coder.store import Project
from cmo_coder.theory import service as theory
from tests.study import Study, build_study

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL


@pytest.fixture
def study(project: Project, add_transcript) -> Study:  # type: ignore[no-untyped-def]
    return build_study(project, add_transcript)


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_memos_attach_to_each_kind_of_target(study: Study) -> None:
    p = study.project
    a = service.add_memo(p, "Staff talk about trust, not forms.", pt="pt1", actor="ann")
    b = service.add_memo(p, "Strongest refutation we have.", coding="c5", actor="ann")
    c = service.add_memo(p, "Only staff voices here.", cmoc="K1", title="K1 is one-sided", actor="bob")
    d = service.add_memo(p, "Interview ran short.", transcript="site-a-interview", actor="ann")
    e = service.add_memo(p, "Diary: first coding meeting.", actor="ann")
    assert [(m.target_kind and m.target_kind.value, m.target_id) for m in (a, b, c, d, e)] == [
        ("pt", "PT1"), ("coding", "c5"), ("cmoc", "K1"), ("transcript", "site-a-interview"), (None, None)]
    assert (a.title, c.title, a.author) == ("Staff talk about trust, not forms.", "K1 is one-sided", "ann")
    assert service.list_memos(p, pt="PT1") == [a]
    assert len(service.list_memos(p)) == 5
    edited = service.edit_memo(p, b.id, text="Strongest refutation; check the carer's context.", actor="bob")
    assert service.show_memo(p, b.id).body == edited.body and edited.target_id == "c5"
    assert [x["action"] for x in p.audit_log("note")] == ["add"] * 5 + ["edit"]
    assert set(service.memos_by_target(p)) == {("pt", "PT1"), ("coding", "c5"), ("cmoc", "K1"),
                                               ("transcript", "site-a-interview")}


def test_memo_refusals_change_nothing(study: Study) -> None:
    p = study.project
    n = p.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    for kwargs, message in (
        ({"pt": "PT9"}, "unknown programme theory PT9"), ({"coding": "nope"}, "no coding 'nope'"),
        ({"cmoc": "K9"}, "no configuration"), ({"transcript": "t9"}, "no transcript 't9'"),
        ({"pt": "PT1", "coding": "c1"}, "at most one of"),
    ):
        with pytest.raises(CmoError, match=message):
            service.add_memo(p, "text", **kwargs)  # type: ignore[arg-type]
    with pytest.raises(CmoError, match="needs some --text"):
        service.add_memo(p, "   ", pt="PT1")
    with pytest.raises(NotFound, match="no memo"):
        service.edit_memo(p, "memo-x", text="y")
    assert p.conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0
    assert p.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == n


def test_memo_cli(study: Study) -> None:
    path = study.project.ref
    study.project.close()
    code, out, _ = run("memo", "add", path, "--pt", "PT1", "--text", "Trust, not forms.", "--coder", "ann")
    assert code == 0 and out.startswith("added memo memo-") and out.rstrip().endswith("on pt PT1")
    memo_id = out.split()[2]
    code, out, _ = run("memo", "add", path, "--coding", "c5", "--text", "Refutes.", "--json")
    assert code == 0 and json.loads(out)["target_kind"] == "coding"
    code, out, err = run("memo", "list", path)
    assert code == 0 and len(out.splitlines()) == 2 and "2 memo(s)" in err
    code, out, _ = run("memo", "list", path, "--pt", "PT1", "--json")
    assert [m["id"] for m in json.loads(out)] == [memo_id]
    code, out, _ = run("memo", "edit", path, memo_id, "--text", "Trust, not forms: see K1.")
    assert code == 0
    code, out, _ = run("memo", "show", path, memo_id)
    assert code == 0 and out.rstrip().endswith("Trust, not forms: see K1.")
    code, out, err = run("memo", "add", path, "--cmoc", "K9", "--text", "x")
    assert (code, err.count("\n")) == (1, 1) and "no configuration (CMOC) 'K9'" in err
    code, out, err = run("memo", "show", path, "memo-nope")
    assert code == 1 and "no memo 'memo-nope'" in err


def test_leakcheck_reads_memos_and_refined_theory_as_transcript_derived(tmp_path: Path, reco_codebook) -> None:
    p = Project.create(tmp_path / "study", reco_codebook, actor="tester")
    sf = secure_folder(tmp_path)
    assert scan_project(p, sf) == []  # the initial codebook is reference text
    service.add_memo(p, "Maggie Okafor said the same at the café.", pt="PT1")
    theory.revise(p, "PT2", statement="As maggie okafor put it, staff need time.", because="what okafor said")
    hits = {(h.member.split("#")[0] if h.member else "", h.surface) for h in scan_project(p, sf)}
    assert ("notes.body", "Maggie Okafor") in hits
    assert ("pt_versions.statement", "maggie okafor") in hits  # lower-cased: only derived text is read so closely
    assert ("pt_versions.rationale", "okafor") in hits
    p.close()


def test_evidence_shows_memos_on_the_pt_and_on_each_coding(study: Study) -> None:
    p = study.project
    service.add_memo(p, "Trust, not forms.", pt="PT1")
    service.add_memo(p, "Strongest refutation.", coding="c5")
    path = p.ref
    p.close()
    code, out, _ = run("evidence", path, "PT1", "--json")
    rows = {r["coding_id"]: r for r in json.loads(out)}
    assert rows["c5"]["memos"] == ["Strongest refutation."] and rows["c1"]["memos"] == []
    code, out, _ = run("evidence", path, "PT1")
    assert out.startswith("memo on PT1 (")
    assert "Trust, not forms." in out.splitlines()[0]
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if " c5 " in line)
    assert lines[at + 2] == "    memo: Strongest refutation."
