"""The project's labelled realist corpus: it loads, its labels and texts are sound, none of it is the RECO chapter."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cmo_coder import codebook as codebook_io
from cmo_coder.errors import CmoError
from cmo_coder.model import Component
from cmo_coder.suggest import corpus
from cmo_coder.suggest.model import ComponentModel
from cmo_coder.suggest.pretrain import CHAPTER, Augmentation, corpus_parts, paraphrase_chains, pretraining_set
from tests.fuzzing import fuzz_settings

LABELS = {"C", "Mres", "Mresp", "O", "none"}
REPO = Path(__file__).resolve().parent.parent
#: a run of this many words shared with the chapter counts as copied (common phrases are shorter)
COPIED_WORDS = 7
CORPUS = REPO / "benchmarks" / "realist-corpus.yaml"


@pytest.fixture(scope="module")
def data() -> corpus.RealistCorpus:
    return corpus.load(CORPUS)


@pytest.fixture(scope="module")
def reco() -> codebook_io.Codebook:
    return codebook_io.load(REPO / "codebooks" / "reco.yaml")


def all_texts(data: corpus.RealistCorpus) -> list[str]:
    return [t for p in data.programmes for ps in p.passages for _, t in ps.segments] + [
        t for p in data.paraphrases for t in p.statements]


def test_the_corpus_loads_with_both_parts_of_the_size_a_fair_test_needs(data: corpus.RealistCorpus) -> None:
    segments = [lab for p in data.programmes for ps in p.passages for lab, _ in ps.segments]
    retold = [t for p in data.paraphrases for t in p.statements]
    assert len(data.programmes) >= 10
    assert len(segments) + len(retold) >= 600
    counts = Counter(segments)
    assert set(counts) == LABELS
    assert counts["none"] >= 0.3 * len(segments), "a report has many clauses that evidence no component"
    assert {ps.kind for p in data.programmes for ps in p.passages} == {"report", "interview"}
    assert "MIT" in data.licence


def test_every_label_is_one_of_the_five_and_no_text_is_empty(data: corpus.RealistCorpus) -> None:
    for p in data.programmes:
        for ps in p.passages:
            for label, text in ps.segments:
                assert label in LABELS
                assert text.strip() and text == text.strip(), (p.id, text)
    for para in data.paraphrases:
        assert para.component in LABELS - {"none"}
        assert all(t.strip() for t in para.statements)


def test_every_codebook_element_is_retold_several_times_keeping_its_component(
        data: corpus.RealistCorpus, reco: codebook_io.Codebook) -> None:
    told = {p.element: p for p in data.paraphrases}
    assert len(told) == len(data.paraphrases), "an element is listed twice"
    elements = {e.id: e for pt in reco.programme_theories for e in pt.elements}
    assert set(told) == set(elements)
    for eid, para in told.items():
        assert corpus.COMPONENT_OF[para.component] is elements[eid].component, eid
        assert len(para.statements) >= 3, eid
        assert elements[eid].statement not in para.statements, f"{eid} is quoted, not retold"


def _shingles(text: str, n: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_no_text_is_copied_from_the_reco_chapter(shared_dir: Path, data: corpus.RealistCorpus) -> None:
    """No run of COPIED_WORDS words of the corpus appears in the chapter (the development and test text)."""
    chapter = (shared_dir / "reco" / CHAPTER).read_text(encoding="utf-8")
    theirs = _shingles(re.sub(r"\[[^\]]*\]", " ", chapter), COPIED_WORDS)
    copied = [t for t in all_texts(data) if _shingles(t, COPIED_WORDS) & theirs]
    assert not copied, f"{len(copied)} corpus texts share {COPIED_WORDS} words in a row with the chapter: {copied[:3]}"


def test_retellings_do_not_quote_their_element_at_length(data: corpus.RealistCorpus,
                                                         reco: codebook_io.Codebook) -> None:
    elements = {e.id: e.statement for pt in reco.programme_theories for e in pt.elements}
    for para in data.paraphrases:
        theirs = _shingles(elements[para.element], COPIED_WORDS)
        for t in para.statements:
            assert not _shingles(t, COPIED_WORDS) & theirs, (para.element, t)


def test_every_span_of_a_passage_slices_exactly_to_its_segment(data: corpus.RealistCorpus) -> None:
    for p in data.programmes:
        for k, ps in enumerate(p.passages):
            doc, spans = corpus.passage_document(ps, f"{p.id}-{k}")
            labelled = [(lab, t) for lab, t in ps.segments if lab != "none"]
            assert [(c.short, doc.text[s:e]) for s, e, c in spans] == labelled


segment_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30).map(
    str.strip).filter(bool)


@fuzz_settings(100)
@given(st.lists(st.tuples(st.sampled_from(sorted(LABELS)), segment_text), min_size=1, max_size=8))
def test_spans_slice_exactly_for_any_segments(segments: list[tuple[str, str]]) -> None:
    passage = corpus.Passage(kind="report", segments=segments)  # type: ignore[arg-type]
    doc, spans = corpus.passage_document(passage, "p")
    assert doc.text == " ".join(t for _, t in segments)
    assert [doc.text[s:e] for s, e, _ in spans] == [t for lab, t in segments if lab != "none"]
    assert all(isinstance(c, Component) for _, _, c in spans)


@pytest.mark.parametrize(("text", "where"), [
    ("format: cmo-coder-realist-corpus/1\nabout: x\nlicence: MIT\nprogrammes:\n- id: a\n  title: t\n  passages:\n"
     "  - kind: report\n    segments:\n    - [Q, \"Some text here\"]\n", "programmes.0.passages.0.segments.0.0"),
    ("format: cmo-coder-realist-corpus/1\nabout: x\nlicence: MIT\nprogrammes:\n- id: a\n  title: t\n  passages:\n"
     "  - kind: report\n    segments:\n    - [C, \"  \"]\n", "programmes.0.passages.0.segments"),
    ("format: other/2\nabout: x\nlicence: MIT\n", "format"),
    ("format: [unclosed\n", "not valid YAML at line"),
])
def test_a_bad_corpus_file_is_one_line_naming_the_file_and_place(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CmoError) as err:
        corpus.load(path)
    message = str(err.value)
    assert "\n" not in message and str(path) in message and where in message


def test_retellings_of_held_out_theories_are_left_out(data: corpus.RealistCorpus, reco: codebook_io.Codebook) -> None:
    which = {p.statements[0]: p.pt for p in data.paraphrases}
    every = paraphrase_chains(data, reco)
    some = paraphrase_chains(data, reco, leave_out={"PT3", "PT5"})
    assert {which[c[0][0]] for c in every if c[0][0] in which} >= {"PT3", "PT5"}
    assert all(which.get(t) not in {"PT3", "PT5"} for chain in some for t, _ in chain)
    assert sum(map(len, every)) == sum(len(p.statements) for p in data.paraphrases)


def test_the_corpus_joins_the_training_set_at_its_weight(data: corpus.RealistCorpus,
                                                         reco: codebook_io.Codebook) -> None:
    from cmo_coder.suggest.nlp import pipeline

    nlp = pipeline()
    parts = corpus_parts(data, ("interview",))[:2]
    base = pretraining_set(nlp, [reco], [])
    ts = pretraining_set(nlp, [reco], [], Augmentation(parts, paraphrase_chains(data, reco)[:1], 0.4))
    assert base.weights == []
    assert ts.texts[: len(base.texts)] == base.texts
    assert ts.weights == [1.0] * len(base.texts) + [0.4] * (len(ts.texts) - len(base.texts))
    extra = set(ts.labels[len(base.texts):])
    assert "none" in extra and len(extra - {"none"}) >= 3  # interview asides are "none", the rest components


def test_a_down_weighted_source_moves_the_model_less() -> None:
    """Two sources disagree about the same words: the one weighted lower counts less within its class (classes stay
    balanced), and unit weights change nothing."""
    texts = (["staff felt supported"] * 6 + ["participants were hopeful"] * 6
             + ["staff felt supported"] * 6 + ["the room was booked"] * 6)
    labels = ["mechanism_response"] * 12 + ["none"] * 12
    cues: list[tuple[tuple[str, str], ...]] = [()] * len(texts)

    def p_none(weights: list[float] | None) -> float:
        m = ComponentModel(grammar=False)
        m.fit(texts, cues, labels, None, weights)
        return float(m.predict_proba(["staff felt supported"], [()])[0][0])

    equal = p_none(None)
    assert p_none([0.2] * 6 + [1.0] * 18) > equal + 0.2  # the source calling it a response weighs less
    assert p_none([1.0] * 12 + [0.2] * 6 + [1.0] * 6) < equal - 0.2  # the source calling it "none" weighs less
    assert abs(p_none([1.0] * len(texts)) - equal) < 1e-5
    with pytest.raises(ValueError, match="weights"):
        p_none([1.0])
