"""The PT graph: node and edge kinds, plain attribute types, and files networkx reads back."""

from __future__ import annotations

import pytest

from cmo_coder.errors import NotFound
from cmo_coder.graph import build
from cmo_coder.graph.export import FORMATS, read, write
from tests.study import build_study

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL


@pytest.fixture
def study(project, add_transcript):
    return build_study(project, add_transcript)


def kinds(g):
    out: dict[str, list[str]] = {}
    for n, k in g.nodes(data="kind"):
        out.setdefault(k, []).append(n)
    return out


def test_nodes_of_every_kind(study):
    g = build(study.project, "PT1")
    k = kinds(g)
    assert k["theory"] == ["PT1"]
    assert k["element"] == ["PT1.C1", "PT1.MR1", "PT1.MP1", "PT1.O1"]
    assert k["component"] == ["PT1:Mres"]  # c9 names the component, no element
    assert sorted(k["coding"]) == sorted(f"coding:c{i}" for i in range(1, 11))
    assert sorted(k["configuration"]) == ["cmoc:K1", "cmoc:K2", "cmoc:K3"]
    assert sorted(k["participant"]) == [f"participant:{x}" for x in ("P1", "P2", "P3", "SP1", "SP2", "SP3")]
    assert sorted(k["site"]) == ["site:A", "site:B", "site:C"]
    assert "participant:F1" not in g  # the facilitator gave no coded evidence


def test_edges_are_typed(study):
    g = build(study.project, "PT1")
    chain = [(a, b) for a, b, key in g.edges(keys=True) if key == "leads_to"]
    assert chain == [("PT1.C1", "PT1.MR1"), ("PT1.MR1", "PT1.MP1"), ("PT1.MP1", "PT1.O1")]
    assert set(g["coding:c5"]["PT1.MP1"]) == {"refutes"}
    assert set(g["coding:c8"]["PT1.C1"]) == {"refines"}
    assert set(g["coding:c9"]["PT1:Mres"]) == {"refutes"}
    assert set(g["coding:c1"]["participant:SP1"]) == {"spoken_by"}
    assert set(g["participant:P2"]["site:B"]) == {"at_site"}
    contains = {(d["role"], v) for _, v, d in g.out_edges("cmoc:K1", data=True) if d["relation"] == "contains"}
    assert contains == {("C", "coding:c1"), ("Mres", "coding:c2"), ("Mresp", "coding:c4"), ("O", "coding:c6")}
    for _, _, key, data in g.edges(keys=True, data=True):
        assert data["relation"] == key


def test_attributes_are_plain_and_quotes_are_exact(study):
    g = build(study.project, "PT1")
    for _, data in g.nodes(data=True):
        for value in data.values():
            assert type(value) in (str, int, float), (data, value)
    for _, _, data in g.edges(data=True):
        for value in data.values():
            assert type(value) in (str, int, float), (data, value)
    c5 = g.nodes["coding:c5"]
    text = study.transcripts[c5["transcript"]].text
    assert text[c5["span_start"] : c5["span_end"]] == c5["quote"] == study.codings["c5"].text
    who = (c5["speaker"], c5["role"], c5["site"], c5["attribution"])
    assert who == ("P2", "carer", "B", "P2, (Carer) Case Study B")
    assert c5["memo"] == "check with team" and c5["coder"] == "alice" and c5["turn"] == 2
    assert g.nodes["cmoc:K2"]["judgement"] == "refute" and g.nodes["cmoc:K3"]["judgement"] == ""
    # counts annotated for Gephi/Cytoscape sizing
    assert (g.nodes["PT1.MP1"]["supports"], g.nodes["PT1.MP1"]["refutes"], g.nodes["PT1.MP1"]["contested"]) == (1, 1, 1)
    assert g.edges["PT1.C1", "PT1.MR1", "leads_to"]["configurations"] == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_back(study, fmt):
    g = build(study.project, "PT1")
    back = read(write(g, fmt), fmt)
    assert set(back.nodes) == set(g.nodes)
    assert sorted((u, v, d["relation"]) for u, v, d in back.edges(data=True)) == sorted(
        (u, v, d["relation"]) for u, v, d in g.edges(data=True)
    )
    assert back.nodes["coding:c10"]["quote"] == g.nodes["coding:c10"]["quote"]  # <script>, quotes and & survive
    assert back.nodes["PT1.O1"]["supports"] == 2
    assert back.nodes["coding:c4"]["span_start"] == g.nodes["coding:c4"]["span_start"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_writers_are_deterministic(study, fmt, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert write(build(study.project, "PT1"), fmt) == write(build(study.project, "PT1"), fmt)


def test_pt_without_codings_still_has_its_chain(project, add_transcript):
    g = build(project, "PT2")
    assert kinds(g) == {"theory": ["PT2"], "element": ["PT2.MR1", "PT2.O1"]}
    assert list(g.successors("PT2.MR1")) == ["PT2.O1"]


def test_a_span_that_no_longer_slices_to_its_quote_is_refused(study):
    from cmo_coder.errors import CmoError
    from cmo_coder.query.evidence import evidence

    study.project.conn.execute("UPDATE codings SET text = ? WHERE id = 'c4'", ("x" * len(study.codings["c4"].text),))
    with pytest.raises(CmoError, match="coding c4 in transcript site-b-focus-group: span"):
        build(study.project, "PT1")
    with pytest.raises(CmoError, match="coding c4"):
        evidence(study.project, "PT1")


def test_unknown_pt(project):
    with pytest.raises(NotFound, match="PT7"):
        build(project, "PT7")
