"""The component model's grammar and neighbour features, causal clause splits, and model files old and new."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder.model import Component, Transcript, Turn
from cmo_coder.suggest.components import ComponentLabeller
from cmo_coder.suggest.engine import span_context, training_set
from cmo_coder.suggest.features import Tfidf
from cmo_coder.suggest.grammar import clause_features, context_features, own
from cmo_coder.suggest.model import LABELS, NONE, ComponentModel
from cmo_coder.suggest.nlp import pipeline
from cmo_coder.suggest.pretrain import default_model
from cmo_coder.suggest.segment import segment, with_context
from tests.fuzzing import fuzz_settings


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return pipeline()


def doc(text: str, turns: list[tuple[str, int, int]] | None = None) -> Transcript:
    return Transcript(
        id="t1", title="t1", source_format="plain_txt", text=text,
        turns=[Turn(speaker=s, start=a, end=b) for s, a, b in (turns or [])],
        source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="test",
    )


def features_of(nlp, text: str) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return clause_features(nlp(text)[:], 0, 1)


# -- grammar features ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Service users felt listened to by the team", {"main=response", "subj=users", "tense=past"}),
    ("Staff would believe that recovery is possible", {"main=response", "subj=staff", "modal"}),
    ("The trust provided training for every nurse", {"main=resource", "subj=services"}),
    ("This led to fewer admissions to hospital", {"main=outcome", "comparative"}),
    ("Carers lacked any information about the service", {"main=context", "subj=carers", "negation"}),
    ("When the wards were understaffed", {"open=when"}),
])
def test_grammar_features_name_the_verb_class_subject_and_form(nlp, text: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    feats = set(features_of(nlp, text))
    assert expected <= feats, feats


def test_lead_is_an_outcome_only_with_to(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "main=outcome" in features_of(nlp, "Joint working led to better care for clients")
    assert "main=resource" in features_of(nlp, "Specialist nurses lead the assessment clinic")


def test_a_clause_knows_its_place_and_its_neighbours(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "When the team met weekly, staff felt supported, which led to fewer missed appointments."
    clauses = segment(doc(text), nlp)
    assert [c.text for c in clauses] == ["When the team met weekly", "staff felt supported",
                                         "which led to fewer missed appointments."]
    first, middle, last = (set(c.features) for c in clauses)
    assert {"place=first", "prev:start", "open=when"} <= first and "next:main=response" in first
    assert {"place=middle", "prev:open=when", "next:main=outcome", "main=response"} <= middle
    assert {"place=last", "next:end", "prev:main=response", "prevcue:mechanism_response"} <= last


def test_neighbours_stop_at_a_line_break_and_a_speaker_change(nlp) -> None:  # type: ignore[no-untyped-def]
    a = "The nurse rang me every week about the plan."
    b = "I felt safe with them for the first time."
    text = f"{a}\n{b}"
    for clauses in (segment(doc(text), nlp),
                    segment(doc(text.replace("\n", " "), [("P1", 0, len(a)), ("P2", len(a) + 1, len(text))]), nlp)):
        assert len(clauses) == 2
        assert "next:end" in clauses[0].features and "prev:start" in clauses[1].features


def test_context_features_are_derived_from_own_features_only() -> None:
    mine = ("open=when", "main=context", "place=first")
    with_ctx = mine + context_features(None, (("main=outcome", "open=which"), (("outcome", "led to"),)))
    assert own(with_ctx) == mine
    assert set(with_ctx) - set(mine) == {"prev:start", "next:main=outcome", "next:open=which"}


def test_a_coded_span_gets_the_context_of_the_clauses_around_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "When the team met weekly, staff felt supported, which led to fewer missed appointments. Ok."
    clauses = segment(doc(text), nlp)
    s = text.index("staff felt")
    ctx = span_context(text, clauses, s, s + len("staff felt supported"))
    assert "prev:open=when" in ctx and "next:main=outcome" in ctx
    assert span_context(text, clauses, len(text) - 3, len(text)) == ()  # "Ok." is no clause: no context
    ts = training_set(nlp, [(doc(text), [(s, s + len("staff felt supported"), Component.mechanism_response)])])
    assert len(ts.features) == len(ts.texts) and "prev:open=when" in ts.features[-1]


# -- clause splits at causal verbs -----------------------------------------------------------------
@pytest.mark.parametrize(("text", "second"), [
    ("Staff concurred that training and experience led to increased confidence in their skills.",
     "led to increased confidence in their skills."),
    ("Teams were encouraged to work with these clients which would lead to staff feeling more confident.",
     "which would lead to staff feeling more confident."),
    ("The new protocol was introduced across the trust and resulted in quicker referrals for clients.",
     "and resulted in quicker referrals for clients."),
])
def test_report_prose_splits_before_a_causal_verb(nlp, text: str, second: str) -> None:  # type: ignore[no-untyped-def]
    clauses = segment(doc(text), nlp)
    assert [c.text for c in clauses][-1] == second
    assert all(text[c.start : c.end] == c.text for c in clauses)


def test_no_split_leaves_a_fragment_before_a_causal_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Better training led to increased confidence."
    assert [c.text for c in segment(doc(text), nlp)] == ["Better training led to increased confidence."]


@fuzz_settings(40)
@given(st.lists(st.sampled_from([
    "When staff were trained", "they felt confident", "which led to better care", "and that resulted in",
    "the service provided support", "leading to fewer admissions", "If carers were involved", "so",
    ",", ";", ".", " ", "\n", "I", "would lead to", "um",
]), max_size=25))
@pytest.mark.fuzz
def test_clauses_slice_exactly_and_features_are_a_function_of_the_text(words: list[str]) -> None:
    nlp = pipeline()
    text = " ".join(words)
    clauses = segment(doc(text), nlp)
    assert all(text[c.start : c.end] == c.text for c in clauses)
    assert all(a.end <= b.start for a, b in zip(clauses, clauses[1:], strict=False))
    again = segment(doc(text), nlp)
    assert [c.features for c in again] == [c.features for c in clauses]
    assert with_context([]) == []


# -- the model -------------------------------------------------------------------------------------
def toy() -> tuple[list[str], list[tuple[str, ...]], list[str]]:
    """The same words labelled by what precedes them: only the neighbour features can tell them apart."""
    texts, feats, labels = [], [], []
    for k in range(20):
        texts += [f"things changed for client {k}"] * 2
        feats += [("prev:open=when",), ("prev:main=outcome",)]
        labels += ["outcome", NONE]
    return texts, feats, labels


def test_the_model_learns_what_words_alone_cannot_tell() -> None:
    texts, feats, labels = toy()
    cues: list[tuple[tuple[str, str], ...]] = [()] * len(texts)
    words_only = ComponentModel(vectorizer=Tfidf(ngrams=1, min_df=1), grammar=False)
    words_only.fit(texts, cues, labels, feats)
    with_grammar = ComponentModel(vectorizer=Tfidf(ngrams=1, min_df=1), grammar_weight=1.0)
    with_grammar.fit(texts, cues, labels, feats)
    probe = ["things changed for client 99"] * 2
    probe_feats = [("prev:open=when",), ("prev:main=outcome",)]
    p = with_grammar.predict_proba(probe, [(), ()], probe_feats)
    assert LABELS[int(np.argmax(p[0]))] == "outcome" and LABELS[int(np.argmax(p[1]))] == NONE
    q = words_only.predict_proba(probe, [(), ()], probe_feats)
    np.testing.assert_allclose(q[0], q[1])
    assert words_only.grammar_vocab == {}


def test_model_files_round_trip_and_older_files_still_load() -> None:
    texts, feats, labels = toy()
    m = ComponentModel(vectorizer=Tfidf(ngrams=1, min_df=1))
    m.fit(texts, [()] * len(texts), labels, feats)
    again = ComponentModel.from_dict(json.loads(json.dumps(m.to_dict())))
    assert again.grammar_vocab == m.grammar_vocab and again.grammar_weight == m.grammar_weight
    probe = (["things changed"], [()], [("prev:open=when",)])
    np.testing.assert_allclose(again.predict_proba(*probe), m.predict_proba(*probe), atol=1e-5)

    old = ComponentModel(vectorizer=Tfidf(ngrams=1, min_df=1), grammar=False)
    old.fit(texts, [()] * len(texts), labels)
    d = old.to_dict()
    del d["grammar"], d["grammar_weight"]  # a project model saved before grammar features existed
    loaded = ComponentModel.from_dict(d)
    assert loaded.grammar_vocab == {}
    np.testing.assert_allclose(loaded.predict_proba(*probe), old.predict_proba(probe[0], probe[1]), atol=1e-5)


def test_the_shipped_default_model_uses_grammar_and_the_spacy_component_agrees_with_segment(nlp) -> None:  # type: ignore[no-untyped-def]
    model = default_model()
    assert model is not None and model.grammar_vocab and model.grammar_weight > 0
    text = ("When the crisis team accepted me even though I was drinking, they arranged a joint assessment. "
            "I felt confident with them for the first time, so I stayed in treatment.")
    clauses = segment(doc(text), nlp)
    spacy_doc = nlp(text)
    from cmo_coder.suggest.components import CLAUSE_KEY, ClauseSplitter

    labelled = ComponentLabeller(model)(ClauseSplitter()(spacy_doc))
    spans = list(labelled.spans[CLAUSE_KEY])
    assert [s.text for s in spans] == [c.text for c in clauses]
    expected = model.predict_proba([c.text for c in clauses], [c.cues for c in clauses], [c.features for c in clauses])
    for span, p in zip(spans, expected, strict=True):
        assert span._.cmo_proba == {lab: round(float(v), 4) for lab, v in zip(LABELS, p, strict=True)}


# -- the development-split ideas of benchmarks/suggest_fresh.py ------------------------------------
def _fresh_bench():  # type: ignore[no-untyped-def]
    import importlib.util
    import sys
    from pathlib import Path

    bench = Path(__file__).resolve().parent.parent / "benchmarks"
    sys.path.insert(0, str(bench))
    spec = importlib.util.spec_from_file_location("bench_suggest_fresh", bench / "suggest_fresh.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_clauses_group_into_the_sentences_they_were_cut_from(nlp) -> None:  # type: ignore[no-untyped-def]
    """The sentence-level ideas pool clauses by sentence: every group lies inside one spaCy sentence, in order."""
    text = ("When staff were trained, they felt more confident, which led to better engagement. "
            "Carers lacked information about the service. Service users valued the flexible approach, "
            "because it let them attend when they could.")
    clauses = segment(doc(text), nlp)
    groups = _fresh_bench().sentences(clauses)
    sents = [(s.start_char, s.end_char) for s in nlp(text).sents]
    assert [k for g in groups for k in g] == list(range(len(clauses)))
    assert len(groups) == len(sents) == 3
    for group, (a, b) in zip(groups, sents, strict=True):
        assert all(a <= clauses[k].start and clauses[k].end <= b for k in group)
    assert len(groups[0]) >= 2  # the first sentence was cut into clauses, and they stay together


def test_component_similarity_never_lets_an_element_see_itself() -> None:
    from cmo_coder import codebook as codebook_io
    from cmo_coder.codebook import SHIPPED_DIR

    codebook = codebook_io.load(SHIPPED_DIR / "reco.yaml")
    element = codebook.programme_theories[0].elements[0]
    cols = _fresh_bench().component_similarity(codebook, [element.statement, "xyzzy plugh"])
    assert cols.shape == (2, 8)
    # with its own statement left out the element is near others (the nearest one's component is set), never at 1
    assert 0 < cols[0, :4].max() < 0.99
    assert cols[0, 4:].sum() == 1
    assert not cols[1].any()  # no shared word: no similarity, no nearest element
