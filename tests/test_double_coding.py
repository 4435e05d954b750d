"""Double coding never doubles the evidence: counts are of distinct quotes, and reports say who coded each."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmo_coder.coding import service
from cmo_coder.coding.overlap import quotes
from cmo_coder.graph import build, summarise
from cmo_coder.graph.draw import draw, render
from cmo_coder.graph.report import write_report
from cmo_coder.query.matrix import matrix
from cmo_coder.store import Project

STAFF = "Everyone here accepts that people who drink are our job too. We do a joint assessment on the first visit."
CARER = "He still felt judged at every appointment. Nobody gave us a plan we could follow."


@pytest.fixture
def doubled(project: Project, add_transcript):  # type: ignore[no-untyped-def]
    add_transcript("t", [("SP1", "staff", "A", STAFF), ("P2", "carer", "B", CARER)])

    def code(quote: str, element: str, coder: str, stance: str = "supports") -> None:
        service.add_coding(project, "t", pt=None, quote=quote, element=element, stance=stance, coder=coder)

    code("people who drink are our job too", "PT1.C1", "ann")
    code("Everyone here accepts that people who drink", "PT1.C1", "bob")  # overlaps ann's: one quote
    code("We do a joint assessment", "PT1.MR1", "ann")
    code("We do a joint assessment", "PT1.MR1", "bob", "refutes")  # other stance: another piece of evidence
    code("He still felt judged at every appointment", "PT1.MP1", "ann", "refutes")
    code("He still felt judged", "PT1.MP1", "bob", "refutes")
    code("He still felt judged", "PT1.MP1", "consensus", "refutes")  # three coders, one quote
    return project


def test_quotes_group_overlapping_codings_of_one_code(doubled: Project) -> None:
    q = quotes(doubled.codings())
    assert len({v.id for v in q.values()}) == 4
    assert sorted(len(v.coders) for v in {v.id: v for v in q.values()}.values()) == [1, 1, 2, 3]


def test_summary_counts_distinct_quotes_and_double_coding(doubled: Project) -> None:
    s = summarise(build(doubled, "PT1"))
    assert (s.codings, s.quotes, s.double_coded) == (7, 4, 2)
    assert s.stances == {"supports": 2, "refutes": 2, "refines": 0}
    by_id = {t.id: t for t in s.targets}
    assert (by_id["PT1.C1"].codings, by_id["PT1.C1"].supports.count, by_id["PT1.C1"].double_coded) == (1, 1, 1)
    assert (by_id["PT1.MR1"].supports.count, by_id["PT1.MR1"].refutes.count, by_id["PT1.MR1"].double_coded) == \
        (1, 1, 0)
    assert by_id["PT1.MP1"].refutes.count == 1 and by_id["PT1.MP1"].refutes.participants == 1
    # one coder alone: nothing to merge
    alone = summarise(build(doubled, "PT1", coders={"ann"}))
    assert (alone.codings, alone.quotes, alone.double_coded) == (3, 3, 0)


def test_evidence_rows_name_every_coder_of_their_quote(doubled: Project) -> None:
    from cmo_coder.query.evidence import evidence

    rows = evidence(doubled, "PT1", element="PT1.MP1")
    assert len(rows) == 3 and len({r.quote_id for r in rows}) == 1
    assert all(r.quote_coders == ["ann", "bob", "consensus"] for r in rows)
    assert [r.quote_coders for r in evidence(doubled, "PT1", element="PT1.MP1", coders={"bob"})] == [["bob"]]


def test_matrix_counts_a_double_coded_quote_once(doubled: Project) -> None:
    m = matrix(doubled, "role")
    pt1 = next(r for r in m.rows if r.pt == "PT1")
    assert pt1.cells == {"staff": 3, "carer": 1} and pt1.total == 4


def test_figure_and_report_say_how_many_coders(doubled: Project, tmp_path: Path) -> None:
    g = build(doubled, "PT1")
    svg = render(draw(g, summarise(g)), "svg").decode()
    assert "4 distinct quotes from 7 codings (2 coded by 2+ coders)" in svg
    assert "1 by 2+ coders" in svg
    write_report(doubled, tmp_path / "r", figure="svg")
    page = (tmp_path / "r" / "PT1.md").read_text()
    evidence = page.split("## All evidence")[1]
    assert evidence.count("He still felt judged") == 1  # listed once, with its three coders
    assert "| ann, bob, consensus |" in evidence
    assert "| ann, bob |" in evidence
