"""The stage's commands through click: graph files networkx reads, report, which-pt, evidence, matrix."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.graph.summary import PTSummary
from cmo_coder.query.evidence import EvidenceRow
from cmo_coder.query.matrix import Matrix
from cmo_coder.query.which_pt import WhichPtAnswer
from tests.study import UNCODED, build_study


@pytest.fixture
def study(project, add_transcript):
    s = build_study(project, add_transcript)
    project.close()  # the commands open the project themselves
    return s


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize(
    ("fmt", "reader"),
    [
        ("graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
        ("gexf", nx.read_gexf),
        ("json", lambda p: nx.node_link_graph(json.loads(p.read_text()), edges="edges")),
    ],
)
def test_graph_files_read_back(study, tmp_path, fmt, reader):
    out = tmp_path / f"pt1.{fmt}"
    r = run("graph", study.project.path, "--pt", "PT1", "--format", fmt, "--out", out)
    assert r.exit_code == 0, r.output
    g = reader(out)
    assert g.is_directed() and g.number_of_nodes() == 28
    assert g.nodes["coding:c4"]["stance"] == "supports" and g.nodes["PT1"]["kind"] == "theory"
    relations = {d["relation"] for _, _, d in g.edges(data=True)}
    assert {"leads_to", "supports", "refutes", "refines", "contains", "spoken_by", "at_site"} <= relations


def test_graph_to_stdout(study):
    r = run("graph", study.project.path, "--pt", "PT2", "--format", "json")
    assert r.exit_code == 0, r.output
    g = nx.node_link_graph(json.loads(r.stdout), edges="edges")
    assert set(g.nodes) >= {"PT2", "PT2.MR1", "PT2.O1", "coding:d1", "participant:SP2", "site:B"}


def test_graph_summary_and_figure(study, tmp_path):
    fig = tmp_path / "pt1.svg"
    r = run("graph", study.project.path, "--pt", "PT1", "--summary", "--figure", fig)
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    PTSummary.model_validate(summary)
    assert summary["codings"] == 10 and summary["contested"][0] == "PT1.MP1"
    assert fig.read_text().startswith("<?xml")


def test_report(study, tmp_path):
    r = run("report", study.project.path, "--out", tmp_path / "rep")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "rep" / "index.html").is_file() and (tmp_path / "rep" / "PT2.md").is_file()


def test_which_pt(study):
    r = run("which-pt", study.project.path, "joint assesments I felt far more confident", "--json")
    assert r.exit_code == 0, r.output
    answer = json.loads(r.stdout)
    WhichPtAnswer.model_validate(answer)  # the documented schema (schemas/which-pt-answer.schema.json)
    assert answer["coded"] and answer["pts"][0]["pt"] == "PT1"
    assert answer["matches"][0]["attribution"] == "SP2, Case Study B" and answer["matches"][0]["kind"] == "fuzzy"
    r = run("which-pt", study.project.path, "Once we started doing … taking on people who drink")
    assert r.exit_code == 0 and "PT1: PT1.MP1 (supports" in r.stdout and "SP2, Case Study B" in r.stdout
    r = run("which-pt", study.project.path, UNCODED, "--limit", "2")
    assert r.exit_code == 0
    assert "not coded" in r.stdout and "found uncoded in site-a-interview" in r.stdout
    assert "nearest coded quotes" in r.stdout


def test_evidence(study):
    r = run("evidence", study.project.path, "PT1", "--refuting", "--role", "carer", "--json")
    assert r.exit_code == 0, r.output
    rows = [EvidenceRow.model_validate(row) for row in json.loads(r.stdout)]
    assert [row.coding_id for row in rows] == ["c5", "c9"]
    r = run("evidence", study.project.path, "PT1", "--site", "C")
    assert r.exit_code == 0 and "SP3, Case Study C" in r.stdout and "P2" not in r.stdout


def test_matrix_csv(study, tmp_path):
    out = tmp_path / "m.csv"
    r = run("matrix", study.project.path, "--by", "site", "--out", out)
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["pt", "title", "A", "B", "C", "total"] and rows[1][2:] == ["3", "4", "3", "10"]
    r = run("matrix", study.project.path, "--by", "role", "--json")
    assert Matrix.model_validate_json(r.stdout).rows[0].cells == {"staff": 5, "service_user": 2, "carer": 3}
    r = run("matrix", study.project.path, "--by", "role", "--count", "participants")
    assert r.exit_code == 0 and r.stdout.splitlines()[1] == "PT1,shared ownership,3,2,1,6"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["graph", "{p}", "--pt", "PT9"], "unknown programme theory 'PT9'"),
        (["evidence", "{p}", "PT1", "--site", "Q"], "no site 'Q'"),
        (["which-pt", "{p}", "   "], "the quote is empty"),
        (["graph", "{p}", "--pt", "PT1", "--figure", "{t}/x.pdf"], "must be a .png or .svg"),
        (["report", "{t}/nowhere", "--out", "{t}/r"], "not a cmo-coder project"),
    ],
)
def test_errors_are_one_line_and_exit_1(study, tmp_path, args, message):
    r = run(*[a.format(p=study.project.path, t=tmp_path) for a in args])
    assert r.exit_code == 1, r.output
    assert message in r.output and r.output.count("\n") == 1
