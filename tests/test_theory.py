"""Theory versions: every change a new version with its rationale and evidence; refusals change nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError, NotFound
from cmo_coder.store import Project
from cmo_coder.theory import service
from cmo_coder.theory.diff import diff_versions, word_diff
from cmo_coder.theory.store import all_versions, history
from tests.study import Study, build_study

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL


@pytest.fixture
def study(project: Project, add_transcript) -> Study:  # type: ignore[no-untyped-def]
    return build_study(project, add_transcript)


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def _snapshot(p: Project) -> tuple[object, ...]:
    """Everything a refused change must leave alone."""
    q = p.conn.execute
    return (
        q("SELECT * FROM pt_versions ORDER BY pt, version").fetchall(),
        q("SELECT * FROM programme_theories ORDER BY id").fetchall(),
        q("SELECT * FROM elements ORDER BY id").fetchall(),
        q("SELECT id, pt, element, pt_version, coded_pt, coded_element FROM codings ORDER BY id").fetchall(),
        q("SELECT id, pt FROM configurations ORDER BY id").fetchall(),
        q("SELECT COUNT(*) FROM audit").fetchone()[0],
        p.meta("codebook"),
    )


def test_initial_versions_match_the_codebook(project: Project) -> None:
    versions = all_versions(project)
    assert [(v.pt, v.version, v.change.value) for v in versions] == [("PT1", 1, "initial"), ("PT2", 1, "initial")]
    assert versions[0].statement == project.codebook.pt("PT1").statement
    assert versions[0].elements == project.codebook.pt("PT1").elements


def test_revise_makes_a_version_and_keeps_the_old_one(study: Study) -> None:
    p = study.project
    old_statement = p.codebook.pt("PT1").statement
    out = service.revise(p, "pt1", statement="Joint assessment, when staff trust it, keeps people in treatment.",
                         because="Staff at two sites said assessment alone did not help.", evidence=["c5", "K2"],
                         actor="lead")
    assert [(v.pt, v.version, v.author, v.evidence) for v in out] == [("PT1", 2, "lead", ["c5", "K2"])]
    assert p.codebook.pt("PT1").statement.startswith("Joint assessment, when")
    h = history(p, "PT1")
    assert [v.statement for v in h] == [old_statement, out[0].statement]
    entry = p.audit_log("theory")[-1]
    assert (entry["action"], entry["actor"], entry["detail"]["change"]["rationale"]) == (
        "revise", "lead", "Staff at two sites said assessment alone did not help.")
    assert entry["detail"]["change"]["evidence"] == ["c5", "K2"]


def test_codings_show_as_coded_against_an_earlier_version_until_confirmed(study: Study) -> None:
    p = study.project
    assert service.stale_codings(p) == {}
    service.revise(p, "PT1", statement="Reworded.", because="why", actor="lead")
    stale = service.stale_codings(p)
    assert set(stale) == {c for c, v in study.codings.items() if v.pt == "PT1"}
    assert stale["c1"] == "PT1 v1"
    service.confirm_codings(p, ["c1", "c2"], actor="alice")
    assert "c1" not in service.stale_codings(p) and "c3" in service.stale_codings(p)
    assert p.audit_log("coding")[-1]["action"] == "confirm"
    from cmo_coder.coding.service import edit_coding

    edit_coding(p, "c3", memo="re-read against v2", actor="alice")  # moving or editing a coding confirms it too
    assert "c3" not in service.stale_codings(p)
    with pytest.raises(NotFound):
        service.confirm_codings(p, ["c4", "nope"])
    assert "c4" in service.stale_codings(p)  # all or none


def test_add_edit_and_retire_elements(study: Study) -> None:
    p = study.project
    service.add_element(p, "PT2", component="Mresp", statement="staff feel able to ask", because="new mechanism",
                        evidence=["d1"])
    assert [e.id for e in p.codebook.pt("PT2").elements] == ["PT2.MR1", "PT2.MP1", "PT2.O1"]
    service.edit_element(p, "pt2.mp1", statement="staff feel safe to ask", because="closer to what was said")
    assert p.codebook.element("PT2.MP1").statement == "staff feel safe to ask"
    service.retire_element(p, "PT2.MP1", because="not borne out")
    assert [e.id for e in p.codebook.pt("PT2").elements] == ["PT2.MR1", "PT2.O1"]
    service.add_element(p, "PT2", component="Mresp", statement="another", because="b")
    assert "PT2.MP2" in [e.id for e in p.codebook.pt("PT2").elements]  # a retired id is never reused
    # retiring an element with codings moves them
    service.add_element(p, "PT1", component="Mres", statement="shared assessment", because="split the wording")
    service.retire_element(p, "PT1.MR1", move_to="PT1.MR2", because="reworded as shared assessment")
    assert {c.id for c in p.codings(element="PT1.MR2")} == {"c2", "c3"}
    assert service.stale_codings(p)["c2"] == "PT1 v1 PT1.MR1"
    p.configuration("K1")  # the CMOC still holds its member, now on the new element


def test_refusals_change_nothing(study: Study) -> None:
    p = study.project
    before = _snapshot(p)
    with pytest.raises(NotFound, match="unknown programme theory PT9"):
        service.revise(p, "PT9", statement="x", because="y")
    with pytest.raises(CmoError, match="evidence d1 is a coding of PT2, not of PT1"):
        service.revise(p, "PT1", statement="x", because="y", evidence=["c1", "d1"])
    with pytest.raises(NotFound, match="evidence nope"):
        service.revise(p, "PT1", statement="x", because="y", evidence=["nope"])
    with pytest.raises(CmoError, match=r"element PT1.MR1 has 2 coding\(s\); give --move-to"):
        service.retire_element(p, "PT1.MR1", because="gone")
    with pytest.raises(CmoError, match="same component"):
        service.retire_element(p, "PT1.MR1", move_to="PT1.O1", because="gone")
    with pytest.raises(CmoError, match=r"\(K1\) with members of PT1 and PT2"):
        service.merge(p, ["PT1.MR1"], into="PT2.MR1", because="the same mechanism")
    with pytest.raises(CmoError, match="with members of PT1 and PT12"):
        service.split(p, "PT1", new_pt="PT12", elements=["O1"], title="t", statement="s", because="b")
    with pytest.raises(CmoError, match="--because"):
        service.revise(p, "PT1", statement="x", because="  ")
    with pytest.raises(CmoError, match="already exists"):
        service.add_pt(p, "pt2", title="t", statement="s", because="b")
    with pytest.raises(CmoError, match="belongs to PT2, not PT1"):
        service.split(p, "PT1", new_pt="PT12", elements=["PT2.MR1"], title="t", statement="s", because="b")
    with pytest.raises(CmoError, match="cannot be merged into itself"):
        service.merge(p, ["PT2", "pt1"], into="PT1", because="b")
    with pytest.raises(CmoError, match="nothing to change"):
        service.revise(p, "PT2", statement=p.codebook.pt("PT2").statement, because="b")
    with pytest.raises(CmoError, match="nothing to change"):
        service.edit_element(p, "PT2.O1", statement="builds empathy", because="b")
    assert _snapshot(p) == before


def test_split_moves_elements_and_their_codings(study: Study) -> None:
    p = study.project
    out = service.split(p, "PT2", new_pt="pt12", elements=["O1", "PT2.MR1"], title="empathy",
                        statement="Training builds empathy.", because="two ideas in one", evidence=["d1"])
    assert [(v.pt, v.version) for v in out] == [("PT2", 2), ("PT12", 1)]
    assert [e.id for e in p.codebook.pt("PT12").elements] == ["PT12.MR1", "PT12.O1"]
    assert p.codebook.pt("PT2").elements == []
    assert {c.id for c in p.codings(pt="PT12")} == {"d1", "d2", "d3"}
    assert {c.element for c in p.codings(pt="PT12")} == {"PT12.MR1"}
    assert set(service.stale_codings(p)) == {"d1", "d2", "d3"}  # moved: not what their coder chose
    d = diff_versions(history(p, "PT2")[0], history(p, "PT2")[1], history(p, "PT2")[1:])
    assert {(e.element, e.change, e.other) for e in d.elements} == {
        ("PT2.MR1", "moved_out", "PT12.MR1"), ("PT2.O1", "moved_out", "PT12.O1")}
    with pytest.raises(CmoError, match="already exists"):
        service.add_pt(p, "PT12", title="t", statement="s", because="b")


def test_merge_pts_moves_elements_codings_and_cmocs(study: Study) -> None:
    p = study.project
    out = service.merge(p, ["PT1"], into="PT2", statement="One theory now.", because="the same programme",
                        evidence=["K1", "d1"])
    assert [(v.pt, v.version, v.retired) for v in out] == [("PT2", 2, False), ("PT1", 2, True)]
    assert p.codebook.pt_ids == ["PT2"]
    assert [e.id for e in p.codebook.pt("PT2").elements] == [
        "PT2.MR1", "PT2.O1", "PT2.C1", "PT2.MR2", "PT2.MP1", "PT2.O2"]
    assert {c.id for c in p.codings(pt="PT2")} == set(study.codings)
    assert {c.pt for c in p.configurations()} == {"PT2"}
    for c in p.configurations():  # every member still has the role its coding's component says
        for m in c.members:
            assert p.coding(m.coding_id).component in (None, m.role)
    with pytest.raises(NotFound, match="retired"):
        service.revise(p, "PT1", statement="x", because="y")
    assert p.status()["codings"] == len(study.codings)


def test_a_source_named_twice_is_merged_once(study: Study) -> None:
    out = service.merge(study.project, ["PT2", "pt2"], into="PT1", because="one programme")
    assert [(v.pt, v.version) for v in out] == [("PT1", 2), ("PT2", 2)]


def test_merge_elements_within_a_pt(study: Study) -> None:
    p = study.project
    service.add_element(p, "PT1", component="outcome", statement="people stay", because="b")
    service.merge(p, ["PT1.O2"], into="PT1.O1", because="say it once")
    assert [e.id for e in p.codebook.pt("PT1").elements if e.component.value == "outcome"] == ["PT1.O1"]


def test_word_diff() -> None:
    words = word_diff("staff feel confident and people stay", "staff feel safe and people stay longer")
    assert [(w.op, w.text) for w in words] == [
        ("equal", "staff feel"), ("delete", "confident"), ("insert", "safe"), ("equal", "and people stay"),
        ("insert", "longer")]


def test_theory_cli(study: Study) -> None:
    path = study.project.ref
    study.project.close()
    code, out, _ = run("theory", "show", path)
    assert code == 0 and "PT1 v1  shared ownership" in out and "PT1.MR1" in out and "Mres" in out
    code, out, _ = run("theory", "revise", path, "PT1", "--statement", "Joint assessment keeps people in care.",
                       "--because", "what staff said", "--evidence", "c1 c2", "--coder", "lead")
    assert (code, out.strip()) == (0, "PT1 now v2 (revise: what staff said)")
    code, out, _ = run("theory", "add-element", path, "PT1", "--component", "Mresp", "--statement",
                       "staff trust the assessment", "--because", "c4 says so", "--evidence", "c4", "--json")
    assert code == 0 and json.loads(out)[0]["elements"][3]["id"] == "PT1.MP2"
    code, out, _ = run("theory", "edit-element", path, "PT1.MP2", "--statement", "staff trust joint assessment",
                       "--because", "closer wording")
    assert code == 0
    code, out, _ = run("theory", "add", path, "--id", "PT12", "--title", "waiting", "--statement",
                       "Long waits lose people.", "--because", "emerged in interviews", "--evidence", "c7")
    assert code == 0 and "PT12 now v1" in out
    code, out, _ = run("theory", "retire-element", path, "PT1.MP2", "--because", "not borne out")
    assert code == 0
    code, out, _ = run("theory", "history", path, "pt1")
    assert code == 0 and out.count("\nv") == 4 and "because: what staff said" in out and "evidence: c1, c2" in out
    code, out, _ = run("theory", "diff", path, "PT1", "1", "2")
    assert code == 0 and "[-When every service accepts-] {+Joint assessment keeps+} people" in out
    assert out.rstrip().endswith("in [-treatment (outcome).-] {+care.+}")
    code, out, _ = run("theory", "diff", path, "PT1", "--json")
    d = json.loads(out)
    assert (d["old"], d["new"]) == (1, 5) and d["elements"] == []  # MP2 added then retired: no net change
    code, out, _ = run("theory", "diff", path, "PT1", "2", "3")
    assert "added      PT1.MP2: staff trust the assessment" in out
    code, out, _ = run("code", "list", path, "--stale-version")
    assert code == 0 and "[coded against PT1 v1; not confirmed since]" in out
    assert len(out.splitlines()) == sum(1 for c in study.codings if c.startswith("c"))  # PT1's codings only
    code, out, _ = run("code", "confirm", path, "c1", "c2", "--coder", "alice")
    assert code == 0 and "confirmed 2" in out
    code, out, _ = run("code", "list", path, "--pt", "PT1", "--json")
    rows = {r["id"]: r for r in json.loads(out)}
    assert (rows["c1"]["coded_against"], rows["c1"]["stale"]) == ("PT1 v5", False)
    assert (rows["c3"]["coded_against"], rows["c3"]["stale"]) == ("PT1 v1", True)


@pytest.mark.parametrize("args, message", [
    (["revise", "PT9", "--statement", "x", "--because", "y"], "unknown programme theory PT9"),
    (["revise", "PT1", "--statement", "x", "--because", "y", "--evidence", "d1"], "evidence d1 is a coding of PT2"),
    (["retire-element", "PT1.MR1", "--because", "y"], "has 2 coding(s); give --move-to"),
    (["merge", "PT1.MR1", "--into", "PT2.MR1", "--because", "y"], "members of PT1 and PT2"),
    (["split", "PT1", "--into", "PT12", "--element", "C1", "--title", "t", "--statement", "s", "--because", "y"],
     "members of PT1 and PT12"),
    (["add-element", "PT1", "--component", "mood", "--statement", "x", "--because", "y"], "unknown component"),
    (["diff", "PT1", "1", "7"], "not 7"),
])
def test_theory_cli_refusals(study: Study, args: list[str], message: str) -> None:
    path = study.project.ref
    before = _snapshot(study.project)
    study.project.close()
    code, out, err = run("theory", args[0], path, *args[1:])
    assert code == 1 and message in err and err.count("\n") == 1 and "Traceback" not in err
    with Project.open(path) as p:
        assert _snapshot(p) == before


def test_a_version_3_project_migrates_in_one_step_and_keeps_its_data(tmp_path: Path, tiny_codebook) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.store.schema import LATEST, migrate
    from cmo_coder.store.secure import PROJECT_DB

    db = tmp_path / "old" / PROJECT_DB
    db.parent.mkdir()
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, target=3)
    conn.execute("INSERT INTO meta VALUES ('codebook', ?)", (tiny_codebook.model_dump_json(),))
    for i, pt in enumerate(tiny_codebook.programme_theories):
        conn.execute("INSERT INTO programme_theories VALUES (?, ?, ?, ?)", (pt.id, pt.title, pt.statement, i))
        for j, e in enumerate(pt.elements):
            conn.execute("INSERT INTO elements VALUES (?, ?, ?, ?, ?, ?)",
                         (e.id, pt.id, e.component.value, e.statement, e.tag, j))
    conn.execute("INSERT INTO audit (at, actor, action, entity, entity_id) "
                 "VALUES ('2025-01-01T00:00:00Z', 'ann', 'create', 'project', NULL)")
    conn.execute("INSERT INTO transcripts VALUES ('t1', 't', 'plain_txt', 'transcript', 'abc def', ?, '1', "
                 "'signed_off', 1, 'x', 'x')", ("a" * 64,))
    conn.execute("INSERT INTO codings (id, transcript_id, start, \"end\", text, pt, component, element, stance, "
                 "coder, created_at, updated_at) VALUES ('c1', 't1', 0, 3, 'abc', 'PT1', 'mechanism_resource', "
                 "'PT1.MR1', 'supports', 'ann', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')")
    conn.execute("INSERT INTO notes (id, title, body, created_at, updated_at) VALUES ('n1', 'Diary', 'Day one.', "
                 "'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')")
    conn.close()
    with Project.open(db.parent) as p:
        assert p.schema_version == LATEST == 5
        assert p.coding("c1").element == "PT1.MR1" and service.stale_codings(p) == {}
        assert [(n.id, n.target_kind) for n in p.notes()] == [("n1", None)]
        versions = all_versions(p)
        assert [(v.pt, v.version, v.author, v.at) for v in versions] == [
            ("PT1", 1, "ann", "2025-01-01T00:00:00Z"), ("PT2", 1, "ann", "2025-01-01T00:00:00Z")]
        assert versions[0].elements == tiny_codebook.pt("PT1").elements
        service.revise(p, "PT1", statement="new", because="why")
        assert service.stale_codings(p) == {"c1": "PT1 v1"}


def test_a_failing_migration_leaves_version_3_intact(tmp_path: Path) -> None:
    from cmo_coder.store.schema import migrate

    conn = sqlite3.connect(tmp_path / "x.sqlite", isolation_level=None)
    migrate(conn, target=3)
    conn.execute("ALTER TABLE codings ADD COLUMN pt_version INTEGER")  # makes V4's own ALTER fail half way
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    assert "pt_versions" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_history_of_a_merged_pt_is_still_readable(study: Study) -> None:
    service.merge(study.project, ["pt2"], into="PT1", because="one programme")
    path = study.project.ref
    study.project.close()
    code, out, _ = run("theory", "history", path, "pt2")
    assert code == 0 and "v2" in out and "(retired)" in out and "PT2.MR1 → PT1.MR2" in out
    code, out, _ = run("theory", "diff", path, "PT2")
    assert code == 0 and "moved_out  PT2.MR1 (to PT1.MR2): Team-wide training" in out
    code, out, err = run("theory", "history", path, "PT7")
    assert code == 1 and "unknown programme theory PT7" in err


def test_split_merge_and_show_json_through_the_cli(study: Study) -> None:
    path = study.project.ref
    study.project.close()
    code, out, _ = run("theory", "split", path, "PT2", "--into", "PT12", "--element", "O1", "--title", "empathy",
                       "--statement", "Empathy grows.", "--because", "two ideas", "--evidence", "d1")
    assert (code, out.splitlines()) == (0, ["PT2 now v2 (split: two ideas)", "PT12 now v1 (split: two ideas)"])
    code, out, _ = run("theory", "merge", path, "PT12", "--into", "PT2", "--because", "one idea after all", "--json")
    assert code == 0 and [(v["pt"], v["retired"]) for v in json.loads(out)] == [("PT2", False), ("PT12", True)]
    code, out, _ = run("theory", "show", path, "pt2", "--json")
    [shown] = json.loads(out)
    assert (shown["pt"], shown["version"], [e["id"] for e in shown["elements"]]) == ("PT2", 3, ["PT2.MR1", "PT2.O2"])
    code, out, _ = run("theory", "show", path)
    assert "PT12" not in out  # retired PTs leave the codebook; their history stays
