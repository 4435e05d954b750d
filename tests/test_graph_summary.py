"""Summary counts against the hand-worked table in tests/study.py."""

from __future__ import annotations

import pytest

from cmo_coder.graph import build, summarise
from tests.study import build_study


@pytest.fixture
def study(project, add_transcript):
    return build_study(project, add_transcript)


@pytest.fixture
def pt1(study):
    return summarise(build(study.project, "PT1"))


def target(s, tid):
    return next(t for t in s.targets if t.id == tid)


def link(s, lid):
    return next(x for x in s.links if x.id == lid)


def test_totals(pt1):
    assert (pt1.codings, pt1.configurations, pt1.participants, pt1.sites) == (10, 3, 6, 3)
    assert pt1.stances == {"supports": 7, "refutes": 2, "refines": 1}


def test_element_counts_and_distinct_cases(pt1):
    c1 = target(pt1, "PT1.C1")  # c1 SP1/A, c10 P2/B supports; c8 P3/C refines
    assert (c1.codings, c1.supports.count, c1.refutes.count, c1.refines.count) == (3, 2, 0, 1)
    assert c1.supports.by_role == {"carer": 1, "staff": 1} and c1.supports.by_site == {"A": 1, "B": 1}
    assert c1.refines.by_role == {"service_user": 1} and c1.sites == ["A", "B", "C"]
    assert c1.participants == 3 and c1.by_role == {"carer": 1, "service_user": 1, "staff": 1}
    mr1 = target(pt1, "PT1.MR1")  # c2 SP1, c3 P1, both site A
    assert mr1.supports.count == 2 and mr1.supports.sites == 1 and mr1.supports.by_site == {"A": 2}
    o1 = target(pt1, "PT1.O1")  # two quotes, one person: one case
    assert o1.supports.count == 2 and o1.supports.participants == 1 and o1.by_role == {"staff": 1}
    comp = target(pt1, "PT1:Mres")
    assert comp.kind == "component" and comp.refutes.count == 1 and comp.refutes.by_role == {"carer": 1}


def test_flags(pt1):
    assert pt1.no_evidence == []
    assert pt1.contested == ["PT1.MP1", "PT1.C1 -> PT1.MR1", "PT1.MR1 -> PT1.MP1"]
    assert pt1.single_role == ["PT1.O1", "PT1:Mres", "PT1.MP1 -> PT1.O1"]
    assert target(pt1, "PT1.MP1").contested and not target(pt1, "PT1.MP1").single_role


def test_links_through_configurations(pt1):
    a = link(pt1, "PT1.C1 -> PT1.MR1")
    # K1 (confirm) supports; K3 has no judgement and a refuting member, so it refutes.
    # K3 reaches PT1.MR1 through c9, which names only the Mres component.
    assert a.configurations == ["K1", "K3"]
    assert (a.supports.count, a.refutes.count, a.refines.count) == (1, 1, 0)
    assert a.supports.participants == 1 and a.refutes.participants == 2  # SP1 | P3, P2
    b = link(pt1, "PT1.MR1 -> PT1.MP1")
    assert b.configurations == ["K1", "K2"] and b.refutes.by_role == {"carer": 1, "service_user": 1}
    c = link(pt1, "PT1.MP1 -> PT1.O1")
    assert c.configurations == ["K1"] and c.single_role and c.by_role == {"staff": 2}


def test_thin_theory(study):
    s = summarise(build(study.project, "PT2"))
    assert s.no_evidence == ["PT2.O1", "PT2.MR1 -> PT2.O1"]
    mr1 = target(s, "PT2.MR1")
    assert mr1.roles == ["service_user", "staff"] and not mr1.single_role
    assert s.configurations == 0 and s.participants == 3
    assert (mr1.supports.count, mr1.refines.count) == (2, 1)


def test_single_role_and_theory_level(project, add_transcript):
    from cmo_coder.model import Coding

    t = add_transcript("t1", [("SP9", "staff", "A", "Training helped us all. It built empathy in the team.")])
    with project.transaction("tester") as tx:
        tx.add_coding(Coding(id="x1", transcript_id="t1", start=0, end=23, text="Training helped us all.", pt="PT2",
                             element="PT2.MR1", coder="alice"))
        tx.add_coding(Coding(id="x2", transcript_id="t1", start=24, end=len(t.text), text=t.text[24:], pt="PT2",
                             stance="refutes", coder="alice"))
    s = summarise(build(project, "PT2"))
    assert s.single_role == ["PT2.MR1", "PT2"]
    whole = target(s, "PT2")
    assert whole.kind == "theory" and whole.refutes.count == 1 and whole.component == ""
