"""The evidence table and the framework matrix, against the hand-worked study."""

from __future__ import annotations

import csv
import io

import pytest

from cmo_coder.errors import CmoError, NotFound
from cmo_coder.query.evidence import evidence
from cmo_coder.query.matrix import matrix, to_csv
from tests.study import build_study

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL


@pytest.fixture
def study(project, add_transcript):
    return build_study(project, add_transcript)


def ids(rows):
    return [r.coding_id for r in rows]


def test_evidence_table_in_document_order(study):
    rows = evidence(study.project, "PT1")
    assert ids(rows) == ["c1", "c2", "c3", "c4", "c5", "c9", "c10", "c6", "c7", "c8"]
    c5 = rows[4]
    assert (c5.element, c5.component, c5.stance, c5.attribution, c5.turn) == (
        "PT1.MP1", "Mresp", "refutes", "P2, (Carer) Case Study B", 2)
    assert c5.configurations == ["K2"] and c5.memo == "check with team"
    assert study.transcripts[c5.transcript].text[c5.start : c5.end] == c5.quote
    assert rows[0].configurations == ["K1"] and rows[6].configurations == []


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"stance": "refutes"}, ["c5", "c9"]),
        ({"role": "carer"}, ["c5", "c9", "c10"]),
        ({"role": "Service user"}, ["c3", "c8"]),
        ({"site": "B"}, ["c4", "c5", "c9", "c10"]),
        ({"site": "case study c", "stance": "supports"}, ["c6", "c7"]),
        ({"role": "staff", "site": "A"}, ["c1", "c2"]),
        ({"element": "PT1.C1"}, ["c1", "c10", "c8"]),
    ],
)
def test_evidence_filters(study, filters, expected):
    assert ids(evidence(study.project, "pt1", **filters)) == expected


def test_evidence_bad_filters(study):
    with pytest.raises(NotFound, match="sites: A, B, C"):
        evidence(study.project, "PT1", site="D")
    with pytest.raises(CmoError, match="unknown role"):
        evidence(study.project, "PT1", role="manager")
    with pytest.raises(NotFound, match="PT4"):
        evidence(study.project, "PT4")


def read_csv(text):
    return list(csv.reader(io.StringIO(text)))


def test_matrix_by_role_counts_codings(study):
    m = matrix(study.project, "role")
    assert m.columns == ["staff", "service_user", "carer"]  # facilitator F1 asks, is not a case, coded nothing
    rows = read_csv(to_csv(m))
    assert rows[0] == ["pt", "title", "staff", "service_user", "carer", "total"]
    # PT1: staff c1 c2 c4 c6 c7, users c3 c8, carers c5 c9 c10; PT2: staff d1 d3, user d2
    assert rows[1] == ["PT1", "shared ownership", "5", "2", "3", "10"]
    assert rows[2] == ["PT2", "training", "2", "1", "0", "3"]
    assert rows[3] == ["total", "", "7", "3", "3", "13"]


def test_matrix_by_site_and_participant(study):
    by_site = matrix(study.project, "site")
    assert by_site.columns == ["A", "B", "C"]
    assert [r.cells for r in by_site.rows] == [{"A": 3, "B": 4, "C": 3}, {"A": 2, "B": 1, "C": 0}]
    people = matrix(study.project, "participant", count="participants")
    assert people.columns == ["P1", "P2", "P3", "SP1", "SP2", "SP3"]
    assert people.rows[0].total == 6 and people.rows[1].cells == {"P1": 1, "P2": 0, "P3": 0, "SP1": 1, "SP2": 1,
                                                                  "SP3": 0}
    refuting = matrix(study.project, "role", stance="refutes")
    assert refuting.rows[0].cells["carer"] == 2 and refuting.total == 2


def test_matrix_distinct_participants_not_quotes(study):
    m = matrix(study.project, "site", count="participants")
    # PT1 at site C: SP3 (two quotes) and P3 → 2 people, not 3 quotes
    assert m.rows[0].cells["C"] == 2 and m.totals == {"A": 2, "B": 2, "C": 2}


def test_empty_project_matrix_has_every_pt(project):
    rows = read_csv(to_csv(matrix(project, "role")))
    assert rows == [["pt", "title", "total"], ["PT1", "shared ownership", "0"], ["PT2", "training", "0"],
                    ["total", "", "0"]]


def test_a_job_title_is_a_manifests_role_but_no_filter():
    """A manifest may write a role as the team's job title; a filter by "manager" would quietly mean all staff."""
    from cmo_coder.model import Role

    assert Role.parse("healthcare manager") is Role.staff
    assert Role.parse("service user", job_titles=False) is Role.service_user
    with pytest.raises(ValueError, match="unknown role 'manager'"):
        Role.parse("manager", job_titles=False)
