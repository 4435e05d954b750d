"""``--coder`` (repeatable) narrows every query command the same way; an unknown coder is an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.errors import NotFound
from cmo_coder.graph import build, summarise
from cmo_coder.query.evidence import evidence
from cmo_coder.query.filters import resolve_coders
from cmo_coder.query.matrix import matrix
from tests.study import build_study

# In tests/study.py alice coded everything but c7, which bob coded.


@pytest.fixture
def study(project, add_transcript):  # type: ignore[no-untyped-def]
    return build_study(project, add_transcript)


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_resolve_coders(study) -> None:  # type: ignore[no-untyped-def]
    p = study.project
    assert resolve_coders(p, ()) is None
    assert resolve_coders(p, ["bob", "alice"]) == {"alice", "bob"}
    with pytest.raises(NotFound, match="no coder 'carol'.*coders: alice, bob"):
        resolve_coders(p, ["carol"])


def test_queries_keep_only_the_coders_asked_for(study) -> None:  # type: ignore[no-untyped-def]
    p = study.project
    assert [r.coding_id for r in evidence(p, "PT1", coders={"bob"})] == ["c7"]
    assert len(evidence(p, "PT1", coders={"alice", "bob"})) == len(evidence(p, "PT1"))
    m = matrix(p, "role", coders={"bob"})
    assert m.total == 1 and next(r for r in m.rows if r.pt == "PT1").cells["staff"] == 1
    g = build(p, "PT1", coders={"bob"})
    s = summarise(g)
    assert s.codings == 1 and s.configurations == 0  # no CMOC has all its members coded by bob
    assert summarise(build(p, "PT1", coders={"alice"})).configurations == 3


def test_cli_coder_on_every_query_command(study, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = str(study.project.path)
    rc, out, err = run("evidence", path, "PT1", "--coder", "bob", "--json")
    assert rc == 0, err
    assert [r["coding_id"] for r in json.loads(out)] == ["c7"]
    rc, out, err = run("matrix", path, "--by", "site", "--coder", "bob", "--json")
    assert rc == 0, err and json.loads(out)["total"] == 1
    rc, out, err = run("graph", path, "--pt", "PT1", "--summary", "--coder", "bob")
    assert rc == 0, err
    assert json.loads(out)["codings"] == 1
    rc, out, err = run("code", "summary", path, "--coder", "bob", "--json")
    assert rc == 0, err
    rows = {r["pt"]: r for r in json.loads(out)}
    assert rows["PT1"]["codings"] == 1 and rows["PT2"]["codings"] == 0 and rows["PT1"]["configurations"] == 0
    rc, out, err = run("which-pt", path, "We rarely see them turn up in crisis", "--coder", "alice", "--json")
    assert rc == 0, err
    assert json.loads(out)["coded"] is False
    rc, out, err = run("which-pt", path, "We rarely see them turn up in crisis", "--coder", "bob", "--json")
    assert [m["coding_id"] for m in json.loads(out)["matches"]] == ["c7"]
    out_dir = tmp_path / "report"
    rc, out, err = run("report", path, "--out", str(out_dir), "--figure", "svg", "--coder", "bob")
    assert rc == 0, err
    page = (out_dir / "PT1.md").read_text()
    assert "We rarely see them" in page
    assert "from the codings of bob only" in page
    assert "from the codings of bob only" in (out_dir / "index.html").read_text()
    assert "Everyone here accepts" not in page  # alice's c1 is left out


@pytest.mark.parametrize("command", [
    ["evidence", "{p}", "PT1"], ["matrix", "{p}", "--by", "role"], ["graph", "{p}", "--pt", "PT1", "--summary"],
    ["code", "summary", "{p}"], ["which-pt", "{p}", "joint assessment"], ["report", "{p}", "--out", "{out}"],
])
def test_unknown_coder_is_one_line_exit_1(study, tmp_path: Path, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    args = [a.format(p=study.project.path, out=tmp_path / "r") for a in command]
    rc, out, err = run(*args, "--coder", "carol")
    assert rc == 1
    assert "no coder 'carol'" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r").exists()
