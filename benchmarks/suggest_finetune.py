"""Helpers of the sixth round (``benchmarks/suggest_fresh.py --part finetune``): a fine-tuned sentence encoder.

Frozen MiniLM embeddings did not beat TF-IDF as features of the component model (third round),
so this round fine-tunes the encoder itself on the training part's labelled clauses, the usual
answer to few-shot sentence classification:

- SetFit-style contrastive training: pairs of clauses with the same label (cosine pulled to 1)
  or different labels (pushed to 0), "none" included, then a logistic head on the embeddings;
- plain fine-tuning with a classification head (balanced cross-entropy).

Only the encoder's top transformer layer(s) are trained. That keeps the round within what the
shared two-core machine can run over 13 development splits (the frozen lower layers' output is
computed once per text and cached), and within what could ship: a fine-tuned top layer is a
few MB, the whole encoder 90 MB. Everything here is seeded and runs on the CPU with a fixed
number of threads, so a run is repeatable.

The pair sampling, neighbour columns and dense-column head need no torch and are unit-tested
(``tests/test_suggest_finetune.py``); the torch parts are imported only when the extra is there.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cmo_coder.suggest.features import Sparse
from cmo_coder.suggest.model import ComponentModel


# -- no torch needed -------------------------------------------------------------------------------
def balanced_pairs(labels: Sequence[str], n_pairs: int, seed: int) -> list[tuple[int, int, float]]:
    """``n_pairs`` (anchor, partner, target) index pairs: target 1.0 for the same label, 0.0 for different ones.

    Anchors take the labels in turn (so a rare component is an anchor as often as "none", which is
    three quarters of the clauses), and each round of labels alternates same / different. A label
    with one example has no same-label partner, so its same-label turn becomes a different-label
    pair; with one label only, the different-label turns are skipped.
    """
    by_label: dict[str, list[int]] = {}
    for i, lab in enumerate(labels):
        by_label.setdefault(lab, []).append(i)
    names = sorted(by_label)
    if len(names) < 2 and all(len(v) < 2 for v in by_label.values()):
        return []
    rng = random.Random(seed)
    out: list[tuple[int, int, float]] = []
    turn = 0
    while len(out) < n_pairs:
        lab = names[turn % len(names)]
        a = rng.choice(by_label[lab])
        same = (turn // len(names)) % 2 == 0
        if same and len(by_label[lab]) >= 2:
            b = rng.choice([i for i in by_label[lab] if i != a])
            out.append((a, b, 1.0))
        elif len(names) >= 2:
            other = rng.choice([n for n in names if n != lab])
            out.append((a, rng.choice(by_label[other]), 0.0))
        turn += 1
    return out


def neighbour_mean(x: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
    """Per row, the mean of the rows before and after it in its sequence (zeros for a sequence of one).

    ``lengths`` cut the rows into consecutive sequences (a paragraph's clauses, a theory's
    element statements): a clause's neighbours never cross into another paragraph.
    """
    if sum(lengths) != x.shape[0]:
        raise ValueError(f"lengths add up to {sum(lengths)}, not {x.shape[0]} rows")
    out = np.zeros_like(x)
    at = 0
    for n in lengths:
        for k in range(at, at + n):
            near = [j for j in (k - 1, k + 1) if at <= j < at + n]
            if near:
                out[k] = x[near].mean(axis=0)
        at += n
    return out


class Blocks:
    """A sparse block and a dense block side by side, with the two products the logistic regression needs.

    Appending 384 dense embedding columns to the sparse matrix would store every value as a
    triple and multiply through ``np.bincount``; kept apart, the dense block is one matrix product.
    """

    def __init__(self, sparse: Sparse, dense: np.ndarray) -> None:
        if dense.shape[0] != sparse.n_rows:
            raise ValueError(f"{dense.shape[0]} dense rows beside {sparse.n_rows} sparse rows")
        self.sparse, self.dense = sparse, dense.astype(np.float32)
        self.n_rows, self.n_cols = sparse.n_rows, sparse.n_cols + dense.shape[1]

    def dot(self, w: np.ndarray) -> np.ndarray:
        k = self.sparse.n_cols
        out = self.dense @ w[k:]
        return out + self.sparse.dot(w[:k]) if k else out

    def tdot(self, g: np.ndarray) -> np.ndarray:
        dense = self.dense.T @ g
        return np.concatenate([self.sparse.tdot(g), dense]) if self.sparse.n_cols else dense


@dataclass
class ColumnsModel(ComponentModel):
    """The component model's logistic regression with dense columns (embeddings) beside or instead of its own.

    ``words=False`` drops the TF-IDF and cue columns, leaving the dense columns and, when
    ``grammar`` is on, the grammar and neighbour features. Set ``columns`` before ``fit`` and
    again before ``predict_proba`` (one row per text).
    """

    columns: np.ndarray | None = None
    words: bool = True

    def _x(self, texts: Sequence[str], cues: Sequence[Sequence[tuple[str, str]]],
           features: Sequence[Sequence[str]] | None) -> Sparse:
        n = len(texts)
        if self.words:
            x = super()._x(texts, cues, features)
        else:
            empty = np.zeros(0, dtype=np.int64)
            x = Sparse(empty, empty, np.zeros(0, dtype=np.float32), n, 0).hstack_dense(
                self._grammar_matrix(features, n))
        if self.columns is None:
            return x
        if self.columns.shape[0] != n:
            raise ValueError(f"{self.columns.shape[0]} column rows for {n} texts")
        return Blocks(x, self.columns)  # type: ignore[return-value]  # the same products as Sparse


# -- torch (the semantic extra) --------------------------------------------------------------------
class TopLayers:
    """The extra's MiniLM with its lower layers frozen (their output cached per text) and its top layers trainable.

    ``embed`` reproduces the sentence-transformers pipeline of all-MiniLM-L6-v2 (the top layers,
    mean pooling over the tokens, unit length) from the cached states, so with the base model's
    own top layers it gives the extra's embeddings.
    """

    def __init__(self, n_top: int = 1, max_length: int = 128, threads: int = 2) -> None:
        import torch

        from cmo_coder import semantic

        torch.set_num_threads(threads)
        self.torch = torch
        st = semantic._encoder()
        self.tokenizer = st.tokenizer
        self.bert = st[0].auto_model
        self.bert.eval()
        layers = self.bert.encoder.layer
        self.cut = len(layers) - n_top
        self.max_length = max_length
        self.cache: dict[str, Any] = {}

    def base_top(self) -> Any:
        """A trainable copy of the base model's top layers."""
        top = copy.deepcopy(self.bert.encoder.layer[self.cut :])
        for p in top.parameters():
            p.requires_grad_(True)
        return top

    def lower(self, texts: Sequence[str], batch: int = 64) -> list[Any]:
        """The frozen layers' output for each text (tokens × 384), computed once per text."""
        torch = self.torch
        missing = sorted({t for t in texts if t not in self.cache})
        for i in range(0, len(missing), batch):
            chunk = missing[i : i + batch]
            enc = self.tokenizer(chunk, padding=True, truncation=True, max_length=self.max_length,
                                 return_tensors="pt")
            with torch.no_grad():
                out = self.bert(**enc, output_hidden_states=True)
            states = out.hidden_states[self.cut]
            for k, t in enumerate(chunk):
                n = int(enc["attention_mask"][k].sum())
                self.cache[t] = states[k, :n].clone()
        return [self.cache[t] for t in texts]

    def embed(self, top: Any, texts: Sequence[str]) -> Any:
        """Unit-length sentence embeddings of ``texts`` through ``top`` (gradients flow when ``top`` trains)."""
        torch = self.torch
        states = self.lower(texts)
        width = max(s.shape[0] for s in states)
        h = torch.zeros(len(states), width, states[0].shape[1])
        mask = torch.zeros(len(states), width)
        for k, s in enumerate(states):
            h[k, : s.shape[0]] = s
            mask[k, : s.shape[0]] = 1.0
        additive = (1.0 - mask)[:, None, None, :] * torch.finfo(h.dtype).min
        for layer in top:
            out = layer(h, attention_mask=additive)
            h = out[0] if isinstance(out, tuple) else out
        pooled = (h * mask[:, :, None]).sum(dim=1) / mask.sum(dim=1, keepdim=True).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, p=2, dim=1)

    def vectors(self, top: Any, texts: Sequence[str], batch: int = 64) -> np.ndarray:
        """``embed`` without gradients, in batches, as a float32 array."""
        torch = self.torch
        top.eval()
        with torch.no_grad():
            parts = [self.embed(top, texts[i : i + batch]).numpy() for i in range(0, len(texts), batch)]
        return np.concatenate(parts).astype(np.float32) if parts else np.zeros((0, 384), np.float32)


def contrastive(enc: TopLayers, texts: Sequence[str], labels: Sequence[str], *, pairs_per_example: int = 4,
                epochs: int = 1, lr: float = 5e-5, batch: int = 32, seed: int = 13) -> Any:
    """SetFit's first stage on the top layers: cosine of a pair regressed to 1 (same label) or 0 (different)."""
    torch = enc.torch
    torch.manual_seed(seed)
    top = enc.base_top()
    top.train()
    opt = torch.optim.AdamW(top.parameters(), lr=lr)
    pairs = balanced_pairs(labels, pairs_per_example * len(texts), seed)
    for epoch in range(epochs):
        order = list(range(len(pairs)))
        random.Random(seed + epoch).shuffle(order)
        for i in range(0, len(order), batch):
            chunk = [pairs[k] for k in order[i : i + batch]]
            u = enc.embed(top, [texts[a] for a, _, _ in chunk])
            v = enc.embed(top, [texts[b] for _, b, _ in chunk])
            target = torch.tensor([y for _, _, y in chunk])
            loss = torch.nn.functional.mse_loss((u * v).sum(dim=1), target)
            opt.zero_grad()
            loss.backward()
            opt.step()
    top.eval()
    return top


def classifier(enc: TopLayers, texts: Sequence[str], labels: Sequence[str], label_set: Sequence[str], *,
               epochs: int = 3, lr: float = 5e-5, head_lr: float = 1e-2, batch: int = 32,
               seed: int = 13) -> tuple[Any, Any]:
    """Plain fine-tuning: the top layers and a linear head on the unit embedding, balanced cross-entropy."""
    torch = enc.torch
    torch.manual_seed(seed)
    top = enc.base_top()
    top.train()
    head = torch.nn.Linear(384, len(label_set))
    y = torch.tensor([list(label_set).index(lab) for lab in labels])
    counts = torch.bincount(y, minlength=len(label_set)).float()
    weight = torch.where(counts > 0, len(y) / (len(label_set) * counts.clamp(min=1)), torch.zeros_like(counts))
    opt = torch.optim.AdamW([{"params": top.parameters(), "lr": lr}, {"params": head.parameters(), "lr": head_lr}])
    for epoch in range(epochs):
        order = list(range(len(texts)))
        random.Random(seed + epoch).shuffle(order)
        for i in range(0, len(order), batch):
            idx = order[i : i + batch]
            logits = head(CLASSIFIER_SCALE * enc.embed(top, [texts[k] for k in idx]))
            loss = torch.nn.functional.cross_entropy(logits, y[idx], weight=weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
    top.eval()
    return top, head


#: unit embeddings are scaled before the linear head so that its logits can grow without huge weights
CLASSIFIER_SCALE = 10.0


def classifier_proba(enc: TopLayers, top: Any, head: Any, texts: Sequence[str]) -> np.ndarray:
    torch = enc.torch
    x = torch.from_numpy(enc.vectors(top, texts))
    with torch.no_grad():
        return torch.softmax(head(CLASSIFIER_SCALE * x), dim=1).numpy().astype(np.float64)
