"""The coding commands end to end through click: output, --json, exit codes, nothing written on error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.coding.outputs import CodingListItem, ConfigurationView, PtSummaryRow
from cmo_coder.model import Role
from cmo_coder.store import Project

STAFF = "They’re not going to feel judged, are they? So, you’re optimising engagement. Joint assessment helps."
CARER = "The only way we could get help was to ring the police. Nobody listened."


@pytest.fixture
def study(project, add_transcript):  # type: ignore[no-untyped-def]
    add_transcript("int01", [("SP10", "staff", "C", STAFF), ("P36", "carer", "B", CARER)])
    return project


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def _counts(p: Project) -> tuple[int, int, int]:
    q = p.conn.execute
    return tuple(q(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("codings", "configurations", "audit"))  # type: ignore[return-value]


def test_code_and_cmoc_commands(study: Project, tmp_path: Path) -> None:
    path = str(study.path)
    code, out, _ = run("code", "add", path, "int01", "--quote", "not going to feel judged", "--pt", "PT1",
                       "--component", "Mresp", "--coder", "ann", "--json")
    assert code == 0, out
    resp = json.loads(out)
    assert (resp["attribution"], resp["component"], resp["text"]) == (
        "SP10, Case Study C", "mechanism_response", "not going to feel judged")
    code, out, _ = run("code", "add", path, "int01", "--quote", "optimising engagement", "--pt", "PT1",
                       "--component", "outcome", "--coder", "ann")
    assert code == 0 and out.startswith("added cod-")
    out_id = out.split()[1]
    code, out, _ = run("code", "add", path, "int01", "--quote", "Nobody listened", "--pt", "PT1", "--stance",
                       "refutes", "--coder", "bob")
    assert code == 0
    code, out, err = run("code", "list", path, "--role", "carer", "--json")
    items = [CodingListItem.model_validate(c) for c in json.loads(out)]  # the documented shape
    assert [(i.attribution, i.label, i.role, i.site) for i in items] == [
        ("P36, (Carer) Case Study B", "P36", Role.carer, "B")]
    code, out, err = run("code", "list", path, "--pt", "PT1", "--coder", "ann")
    assert out.count("\n") == 2 and "2 coding(s)" in err
    code, out, _ = run("code", "edit", path, out_id, "--memo", "strong quote")
    assert code == 0 and "edited" in out
    code, out, _ = run("cmoc", "add", path, "--pt", "PT1", "--response", resp["id"], "--outcome", out_id,
                       "--name", "first-contact", "--judgement", "refine", "--rationale", "staff only")
    assert code == 0 and "first-contact" in out
    code, out, _ = run("cmoc", "show", path, "first-contact")
    assert "mechanism_response" in out and "SP10, Case Study C" in out and "staff only" in out
    code, out, _ = run("cmoc", "show", path, "first-contact", "--json")
    view = ConfigurationView.model_validate_json(out)
    assert [m.role.value for m in view.members] == ["mechanism_response", "outcome"]
    code, out, _ = run("code", "summary", path, "--json")
    assert [PtSummaryRow.model_validate(r).codings for r in json.loads(out)] == [3, 0]
    code, out, _ = run("cmoc", "list", path, "--json")
    assert json.loads(out)[0]["judgement"] == "refine"
    code, out, _ = run("code", "summary", path)
    assert code == 0 and out.splitlines()[1].split()[:2] == ["PT1", "3"]
    # export, then re-import into a fresh copy of the study
    csv_out = tmp_path / "codings.csv"
    cfg_out = tmp_path / "configurations.csv"
    code, _, _ = run("code", "export", path, "--format", "csv", "--out", str(csv_out), "--configurations",
                     str(cfg_out))
    assert code == 0 and "first-contact" in csv_out.read_text(encoding="utf-8")
    code, out, _ = run("code", "export", path, "--format", "jsonl")
    assert len(out.splitlines()) == 3 and json.loads(out.splitlines()[0])["transcript"] == "int01"
    code, out, _ = run("cmoc", "remove", path, "first-contact")
    assert code == 0
    code, out, _ = run("code", "remove", path, out_id)
    assert code == 0 and "removed 1" in out


def test_errors_exit_1_and_write_nothing(study: Project, tmp_path: Path) -> None:
    path = str(study.path)
    run("code", "add", path, "int01", "--quote", "Nobody listened", "--pt", "PT1", "--component", "O",
        "--coder", "ann")
    before = _counts(study)
    cases = [
        (["code", "add", path, "nope", "--quote", "x", "--pt", "PT1"], "no transcript 'nope'"),
        (["code", "add", path, "int01", "--quote", "Nobody", "--pt", "PT42"], "unknown programme theory PT42"),
        (["code", "add", path, "int01", "--quote", "Nobody", "--pt", "PT1", "--component", "mech"],
         "unknown component"),
        (["code", "add", path, "int01", "--quote", "Nobody", "--pt", "PT1", "--stance", "refuted!"],
         "unknown stance"),
        (["code", "add", path, "int01", "--quote", "Nobody listened", "--pt", "PT1", "--component", "O",
          "--coder", "ann"], "already exists"),
        (["code", "add", path, "int01", "--quote", "ring the police. Nobody", "--pt", "PT1", "--component",
          "O", "--coder", "ann"], "overlaps coding"),
        (["code", "add", path, "int01", "--span", "0:9999", "--pt", "PT1"], "outside its text"),
        (["code", "add", path, "int01", "--quote", "ing", "--pt", "PT1"], "occurs 3 times"),
        (["code", "add", path, "int01", "--pt", "PT1"], "exactly one of --quote or --span"),
        (["code", "remove", path, "cod-nothere"], "no coding 'cod-nothere'"),
        (["cmoc", "show", path, "nothing"], "no configuration"),
        (["agreement", path, "--coders", "ann"], "two or more"),
    ]
    for args, message in cases:
        code, out, err = run(*args)
        assert code == 1, (args, out, err)
        assert message in err, (args, err)
        assert err.startswith("error:")
    assert _counts(study) == before
    bad = tmp_path / "bad.csv"
    bad.write_text("transcript,start,end,quote,pt\nint01,x,3,The,PT1\nint01,,,judged,PT3\n", encoding="utf-8")
    code, _, err = run("code", "import", path, str(bad))
    assert code == 1
    assert "row 2: column start: 'x' is not a whole number" in err and "row 3: column pt: unknown" in err
    assert _counts(study) == before
