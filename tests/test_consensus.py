"""``code consensus``: agreements merged at once, differences decided one at a time, nothing twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmo_coder.cli.main import cli
from cmo_coder.coding import consensus as cons
from cmo_coder.coding import service
from cmo_coder.store import Project

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL

STAFF = "They are not going to feel judged, are they? So you are optimising engagement. Joint assessment helps."
CARER = "The only way we could get help was to ring the police. Nobody listened to us at all."


@pytest.fixture
def study(project: Project, add_transcript):  # type: ignore[no-untyped-def]
    add_transcript("int01", [("SP10", "staff", "C", STAFF), ("P36", "carer", "B", CARER)])
    return project


def code(p: Project, quote: str, coder: str, stance: str = "supports", element: str = "PT1.MP1") -> str:
    return service.add_coding(p, "int01", pt=None, quote=quote, element=element, stance=stance, coder=coder).id


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


def _counts(p: Project) -> tuple[int, int]:
    q = p.conn.execute
    return q("SELECT COUNT(*) FROM codings").fetchone()[0], q("SELECT COUNT(*) FROM audit").fetchone()[0]


def test_agreement_becomes_one_consensus_coding_over_the_union(study: Project) -> None:
    code(study, "not going to feel judged", "ann")
    code(study, "feel judged, are they", "bob")
    plan = cons.plan(study, "ann", "bob", "consensus")
    assert len(plan.agreements) == 1 and not plan.differences
    done = cons.apply_agreements(study, plan, actor="lead")
    (made,) = study.codings(coder="consensus")
    assert made.id in done.added
    assert made.text == "not going to feel judged, are they"  # the union of both spans
    assert study.text("int01")[made.start:made.end] == made.text
    assert (made.pt, made.element, made.stance.value) == ("PT1", "PT1.MP1", "supports")
    entry = study.audit_log("consensus")[-1]
    assert entry["action"] == "agree" and entry["detail"]["from"] == ["ann", "bob"]
    # rerun adds nothing
    again = cons.apply_agreements(study, cons.plan(study, "ann", "bob", "consensus"))
    assert again.added == [] and again.present == [made.id]
    assert len(study.codings(coder="consensus")) == 1


def test_opposite_stances_are_a_difference_the_lead_decides(study: Project) -> None:
    a = code(study, "not going to feel judged", "ann", "supports")
    b = code(study, "going to feel judged", "bob", "refutes")
    only_a = code(study, "Nobody listened to us", "ann", element="PT1.O1")
    plan = cons.plan(study, "ann", "bob", "consensus")
    assert not plan.agreements and len(plan.differences) == 2
    first, second = plan.differences
    assert [c.id for c in first.a] == [a] and [c.id for c in first.b] == [b]
    assert [c.id for c in second.a] == [only_a] and second.b == ()
    # accept side b: its coding is copied to the consensus coder
    cons.decide(study, plan, first.id, "accept", side="b", actor="lead")
    (made,) = study.codings(coder="consensus")
    assert made.stance.value == "refutes" and made.text == "going to feel judged"
    assert [d.id for d in cons.pending(study, plan)] == [second.id]
    # the same decision again changes nothing; a different one is refused
    before = _counts(study)
    assert cons.decide(study, plan, first.id, "accept", side="b").added == []
    assert _counts(study) == before
    with pytest.raises(Exception, match="already decided"):
        cons.decide(study, plan, first.id, "accept", side="a")
    cons.decide(study, plan, second.id, "drop", actor="lead")
    assert cons.pending(study, plan) == []
    assert len(study.codings(coder="consensus")) == 1
    actions = [(r["action"], r["entity_id"]) for r in study.audit_log("consensus")]
    assert actions == [("accept", first.id), ("drop", second.id)]


def test_edit_makes_the_leads_own_coding(study: Project) -> None:
    code(study, "not going to feel judged", "ann", "supports")
    code(study, "going to feel judged, are they", "bob", "refutes")
    plan = cons.plan(study, "ann", "bob", "consensus")
    (d,) = plan.differences
    cons.decide(study, plan, d.id, "edit", edit=cons.Edit(side="a", stance="refines"))
    (made,) = study.codings(coder="consensus")
    assert made.text == "not going to feel judged, are they" and made.stance.value == "refines"
    assert made.element == "PT1.MP1"


def test_element_differences_are_not_agreements(study: Project) -> None:
    code(study, "Joint assessment helps", "ann", element="PT1.MR1")
    service.add_coding(study, "int01", pt="PT1", quote="Joint assessment helps", component="mechanism_resource",
                       coder="bob")
    plan = cons.plan(study, "ann", "bob", "consensus")
    assert not plan.agreements and len(plan.differences) == 1


def test_transcript_filter_and_symmetry_of_ids(study: Project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    add_transcript("int02", [("SP11", "staff", "A", STAFF)])
    code(study, "not going to feel judged", "ann", "supports")
    code(study, "not going to feel judged", "bob", "refutes")
    service.add_coding(study, "int02", pt=None, quote="Joint assessment", element="PT1.MR1", coder="ann")
    one = cons.plan(study, "ann", "bob", "consensus", transcript="int01")
    assert {d.transcript for d in one.differences} == {"int01"}
    # int02 only ann coded: nothing to agree or differ on there, and it is said so
    every = cons.plan(study, "ann", "bob", "consensus")
    assert (every.transcripts, every.single_coder) == (["int01"], ["int02"])
    assert {d.transcript for d in every.differences} == {"int01"}
    rc, out, err = run("code", "consensus", study.ref, "--from", "ann", "bob", "--into", "consensus")
    assert "left out 1 coded by one of them only (int02)" in err
    both = cons.plan(study, "ann", "bob", "consensus")
    flipped = cons.plan(study, "bob", "ann", "consensus")
    assert [d.id for d in both.differences] == [d.id for d in flipped.differences]
    assert [(d.a, d.b) for d in both.differences] == [(d.b, d.a) for d in flipped.differences]


_words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\S+", STAFF)]
_spans = st.tuples(st.integers(0, len(_words) - 1), st.integers(1, 4)).map(
    lambda t: (_words[t[0]][0], _words[min(len(_words) - 1, t[0] + t[1] - 1)][1]))
_codings = st.lists(st.tuples(_spans, st.sampled_from(["supports", "refutes"]),
                              st.sampled_from(["PT1.MP1", "PT1.MR1"])), max_size=4)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_codings, _codings)
def test_agreements_symmetric_and_rerun_adds_nothing(tmp_path_factory, tiny_codebook, a, b) -> None:  # type: ignore[no-untyped-def]
    from tests.study import add_signed_off

    p = Project.create(tmp_path_factory.mktemp("prop") / "study", tiny_codebook, actor="t")
    try:
        add_signed_off(p, "int01", [("SP10", "staff", "C", STAFF)])
        for coder, wanted in (("ann", a), ("bob", b)):
            for (s, e), stance, element in wanted:
                try:
                    service.add_coding(p, "int01", pt=None, span=(s, e), element=element, stance=stance, coder=coder)
                except Exception:  # the store refuses overlapping duplicates of one coder: skip those
                    continue
        if not p.codings(coder="ann") or not p.codings(coder="bob"):
            return
        ab = cons.plan(p, "ann", "bob", "cons")
        ba = cons.plan(p, "bob", "ann", "cons")
        key = [(g.transcript, g.start, g.end, g.key) for g in ab.agreements]
        assert key == [(g.transcript, g.start, g.end, g.key) for g in ba.agreements]
        assert sorted(d.id for d in ab.differences) == sorted(d.id for d in ba.differences)
        # every coding is in exactly one agreement or one difference
        used = [c.id for g in ab.agreements for c in g.sources] + [c.id for d in ab.differences for c in (*d.a, *d.b)]
        assert sorted(used) == sorted(c.id for c in p.codings() if c.coder in ("ann", "bob"))
        text = p.text("int01")
        cons.apply_agreements(p, ab)
        made = p.codings(coder="cons")
        assert len(made) == len(ab.agreements)
        assert all(text[c.start:c.end] == c.text for c in made)
        again = cons.apply_agreements(p, cons.plan(p, "ann", "bob", "cons"))
        assert again.added == [] and len(p.codings(coder="cons")) == len(made)
    finally:
        p.close()


# -- the command line ---------------------------------------------------------------------------


def test_cli_merge_list_accept_drop(study: Project) -> None:
    path = study.ref
    code(study, "not going to feel judged", "ann")
    code(study, "going to feel judged, are they", "bob")
    code(study, "Joint assessment helps", "ann", element="PT1.MR1")
    code(study, "Joint assessment helps", "bob", "refutes", element="PT1.MR1")
    code(study, "Nobody listened to us", "bob", element="PT1.O1")
    rc, out, err = run("code", "consensus", path, "--from", "ann", "bob", "--into", "consensus")
    assert rc == 0, err
    assert "1 agreement(s)" in out and "1 consensus coding(s) added" in out and "2 still to decide" in out
    rc, out, _ = run("code", "consensus", path, "--from", "ann", "bob", "--into", "consensus")
    assert "0 consensus coding(s) added to consensus, 1 already there" in out
    rc, out, _ = run("code", "consensus", path, "--from", "ann", "bob", "--into", "consensus", "--list", "--json")
    listed = json.loads(out)
    assert len(listed) == 2 and listed[0]["a"]["coder"] == "ann"
    first, second = listed[0]["id"], listed[1]["id"]
    rc, out, err = run("code", "consensus", path, "--from", "ann", "bob", "--into", "consensus", "--accept", first,
                       "--side", "b")
    assert rc == 0, err and "1 difference(s) left" in out
    rc, out, err = run("code", "consensus", path, "--from", "ann", "bob", "--into", "consensus", "--drop", second)
    assert rc == 0, err
    assert "0 difference(s) left" in out
    rc, out, _ = run("code", "list", path, "--coder", "consensus", "--json")
    assert sorted(c["stance"] for c in json.loads(out)) == ["refutes", "supports"]


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "ann", "nobody", "--into", "consensus"], "no coder 'nobody'"),
    (["--from", "ann", "ann", "--into", "consensus"], "twice"),
    (["--from", "ann", "bob", "--into", "bob"], "one of the coders"),
    (["--from", "ann", "bob", "--into", "consensus", "--accept", "dif-0000000000", "--side", "a"],
     "no difference 'dif-0000000000'"),
    (["--from", "ann", "bob", "--into", "consensus", "--drop", "dif-0000000000"], "no difference"),
    (["--from", "ann", "bob", "--into", "consensus", "--accept", "dif-0000000000"], "--side"),
    (["--from", "ann", "bob", "--into", "consensus", "--stance", "refutes"], "go with --edit"),
    (["--from", "ann", "bob", "--into", "consensus", "--list", "--drop", "x"], "at most one"),
    (["--from", "ann", "bob", "--into", "consensus", "--transcript", "nope"], "nope"),
])
def test_cli_refusals_change_nothing(study: Project, args: list[str], message: str) -> None:
    code(study, "not going to feel judged", "ann")
    code(study, "going to feel judged", "bob", "refutes")
    before = _counts(study)
    rc, out, err = run("code", "consensus", study.ref, *args)
    assert rc == 1
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert _counts(study) == before


def test_reports_run_on_the_consensus_coder(study: Project, tmp_path: Path) -> None:
    code(study, "not going to feel judged", "ann")
    code(study, "feel judged, are they", "bob")
    code(study, "Nobody listened to us", "bob", element="PT1.O1")
    run("code", "consensus", study.ref, "--from", "ann", "bob", "--into", "consensus")
    rc, out, err = run("evidence", study.ref, "PT1", "--coder", "consensus", "--json")
    assert rc == 0, err
    rows = json.loads(out)
    assert [r["coder"] for r in rows] == ["consensus"]


def test_rerun_after_a_coder_widens_a_span_keeps_the_earlier_consensus(study: Project) -> None:
    code(study, "not going to feel judged", "ann")
    bob = code(study, "feel judged, are they", "bob")
    cons.apply_agreements(study, cons.plan(study, "ann", "bob", "consensus"))
    (first,) = study.codings(coder="consensus")
    service.edit_coding(study, bob, quote="feel judged, are they? So you are")
    again = cons.apply_agreements(study, cons.plan(study, "ann", "bob", "consensus"))
    assert again.added == [] and again.covered == [first.id]
    assert [c.id for c in study.codings(coder="consensus")] == [first.id]
    rc, out, err = run("code", "consensus", study.ref, "--from", "ann", "bob", "--into", "consensus")
    assert rc == 0, err
    assert "1 left to the earlier consensus coding(s)" in out


def test_json_outputs_have_their_documented_shape(study: Project) -> None:
    from cmo_coder.coding.outputs import ConsensusDifference, ConsensusOutcome

    path = study.ref
    code(study, "not going to feel judged", "ann")
    code(study, "feel judged, are they", "bob")
    code(study, "Nobody listened to us", "bob", element="PT1.O1")
    rc, out, _ = run("code", "consensus", path, "--from", "ann", "bob", "--into", "consensus", "--json")
    merged = ConsensusOutcome.model_validate_json(out)
    assert (merged.action, merged.agreements, len(merged.added), merged.pending) == ("merge", 1, 1, 1)
    rc, out, _ = run("code", "consensus", path, "--from", "ann", "bob", "--into", "consensus", "--list", "--json")
    (d,) = [ConsensusDifference.model_validate(x) for x in json.loads(out)]
    assert d.a.codings == [] and d.b.coder == "bob" and d.b.codings[0].code == "PT1 O [PT1.O1] supports"
    rc, out, _ = run("code", "consensus", path, "--from", "ann", "bob", "--into", "consensus", "--accept", d.id,
                     "--side", "b", "--json")
    decided = ConsensusOutcome.model_validate_json(out)
    assert (decided.action, decided.decision, len(decided.added), decided.pending) == ("accept", d.id, 1, 0)


@pytest.mark.parametrize(("extra", "message"), [
    (["--span", "5:2"], "span"),
    (["--span", "0:100000"], "outside transcript"),
    (["--element", "PT9.MR1"], "element"),
    (["--stance", "maybe"], "stance"),
    ([], "--side"),
])
def test_cli_edit_refusals_change_nothing(study: Project, extra: list[str], message: str) -> None:
    code(study, "not going to feel judged", "ann")
    code(study, "going to feel judged", "bob", "refutes")
    (d,) = cons.plan(study, "ann", "bob", "consensus").differences
    side = [] if not extra else ["--side", "a"]
    before = _counts(study)
    rc, out, err = run("code", "consensus", study.ref, "--from", "ann", "bob", "--into", "consensus",
                       "--edit", d.id, *side, *extra)
    assert rc == 1, out
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert _counts(study) == before
