"""The PT figure tells supporting, mixed, refuting-only and refining-only evidence apart, in colour and in text."""

from __future__ import annotations

import pytest

from cmo_coder.coding import service
from cmo_coder.graph import build, summarise
from cmo_coder.graph.draw import COLOURS, MARKS, _status, draw, render
from cmo_coder.graph.summary import balance
from cmo_coder.store import Project

STAFF = "Nobody owns it here, people get bounced between teams. The training changed nothing for us."
CARER = "He was passed from one team to the next and the training did not help. We felt judged."
USER = "They helped me a lot, I felt far more confident after the joint visit."


@pytest.mark.parametrize(("s", "r", "f", "expected"), [
    (2, 0, 0, "supporting"), (2, 1, 0, "mixed"), (0, 3, 0, "refuting"), (0, 1, 2, "refuting"),
    (0, 0, 1, "refining"), (1, 0, 1, "supporting"), (0, 0, 0, "none"),
])
def test_balance(s: int, r: int, f: int, expected: str) -> None:
    assert balance(s, r, f) == expected


@pytest.fixture
def refuted(project: Project, add_transcript):  # type: ignore[no-untyped-def]
    add_transcript("t", [("SP1", "staff", "A", STAFF), ("P2", "carer", "B", CARER), ("P3", "service_user", "C", USER)])
    # PT1.O1 refuted by a staff member and a carer: two roles, all refuting
    service.add_coding(project, "t", pt=None, quote="people get bounced between teams", element="PT1.O1",
                       stance="refutes", coder="ann")
    service.add_coding(project, "t", pt=None, quote="He was passed from one team to the next", element="PT1.O1",
                       stance="refutes", coder="ann")
    # PT1.MP1: supported by a service user, refuted by a carer
    service.add_coding(project, "t", pt=None, quote="I felt far more confident", element="PT1.MP1", coder="ann")
    service.add_coding(project, "t", pt=None, quote="We felt judged", element="PT1.MP1", stance="refutes",
                       coder="ann")
    # PT1.MR1: only refined
    service.add_coding(project, "t", pt=None, quote="the joint visit", element="PT1.MR1", stance="refines",
                       coder="ann")
    # PT1.C1 supported by two roles
    service.add_coding(project, "t", pt=None, quote="Nobody owns it here", element="PT1.C1", coder="ann")
    service.add_coding(project, "t", pt=None, quote="They helped me a lot", element="PT1.C1", coder="ann")
    return project


def test_refuted_by_two_roles_is_never_painted_as_triangulated_support(refuted: Project) -> None:
    g = build(refuted, "PT1")
    s = summarise(g)
    by_id = {t.id: t for t in s.targets}
    o1 = by_id["PT1.O1"]
    assert len(o1.roles) == 2 and o1.refutes.count == 2 and o1.supports.count == 0
    assert o1.balance == "refuting" and _status(o1) == "refuted"
    assert _status(by_id["PT1.MP1"]) == "contested" and by_id["PT1.MP1"].balance == "mixed"
    assert _status(by_id["PT1.MR1"]) == "refined"
    assert _status(by_id["PT1.C1"]) == "ok"
    assert g.nodes["PT1.O1"]["balance"] == "refuting"
    # every status has its own colour, and its own text mark
    assert len({v[0] for v in COLOURS.values()}) == len(COLOURS) == len(set(MARKS.values()))


def test_the_figure_says_it_in_text_too(refuted: Project) -> None:
    g = build(refuted, "PT1")
    svg = render(draw(g, summarise(g)), "svg").decode()
    for mark in ("[REFUTED]", "[MIXED]", "[refined only]", "[supported]"):
        assert mark in svg
    # the refuted box is drawn in the refuted colour, and the green fill is only used by PT1.C1
    assert COLOURS["refuted"][0] in svg
    assert svg.count(f"fill: {COLOURS['ok'][0]}") == 2  # PT1.C1's box and its legend patch
