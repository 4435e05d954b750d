"""The default component model: trained once, from openly licensed realist text, shipped in the package.

A fresh project has no codings to learn from, and cue phrases alone find components poorly
(macro-F1 about 0.18 on report text). So the package ships a model trained on text whose
realist components were tagged by its own authors:

- every element statement of the codebooks in ``codebooks/*.yaml`` (each one is a clause the
  authors labelled C, Mres, Mresp or O);
- the RECO report's chapter 4 excerpt for PT1–5 (``../shared/reco/chapter4_pt1-5.txt``, CC BY 4.0),
  read by the inline-markup parser: its tagged clauses are positives, its untagged clauses are
  what "none" looks like.

Run ``python -m cmo_coder.suggest.pretrain ../shared/reco`` to rebuild
``cmo_coder/data/suggester/default-model.json``; training is deterministic (the same sources
give the same file, byte for byte) and ``sources.json`` beside it records each source, its
licence and its checksum. The file is plain JSON weights, never a pickle: package data is
loaded in every project.

``Augmentation`` adds the project's own labelled realist text (:mod:`.corpus`) to the training
set at a weight; the benchmark measures it, and the shipped model does not use it, because it
did not beat this recipe beyond the noise (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import CmoError
from ..model import Codebook, Component, Transcript
from .corpus import COMPONENT_OF, RealistCorpus, passage_document
from .engine import TrainingSet, parsed_examples, training_set
from .grammar import context_features
from .model import FORMAT, ComponentModel

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "suggester"
MODEL_FILE = "default-model.json"
SOURCES_FILE = "sources.json"
CHAPTER = "chapter4_pt1-5.txt"
RECO_CITATION = (
    "Hughes E, Harris J, Ainscough T, et al. Realist evaluation of co-occurring severe mental health and "
    "alcohol/drug conditions (RECO). Health Technology Assessment, NIHR Journals Library, 2024. DOI 10.3310/JTNT0476."
)
RECO_LICENCE = "CC BY 4.0, Copyright 2024 Hughes et al. (attribution required)"
#: the default model is smaller than a project's: it is read by every command that suggests
MAX_FEATURES = 8000


@dataclass(frozen=True)
class Part:
    """A piece of tagged text: a document and its (start, end, component) spans."""

    transcript: Transcript
    spans: list[tuple[int, int, Component]]


def document(text: str, tid: str) -> Transcript:
    return Transcript(
        id=tid, title=tid, source_format="markup", kind="document", text=text, turns=[],
        source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="pretrain",
    )


def codebook_examples(codebooks: Sequence[Codebook]) -> list[tuple[str, str]]:
    """(statement, component) for every element of every codebook, in codebook order."""
    return [(e.statement, e.component.value) for cb in codebooks for pt in cb.programme_theories for e in pt.elements]


def chapter_parts(text: str, keep: Any = None) -> list[Part]:
    """The tagged chapter as one part per paragraph (``keep(i)`` selects paragraphs, for held-out folds)."""
    from ..coding.markup import parse_markup

    md = parse_markup(text)
    tagged = sorted((c.start, c.end, c.component) for c in md.clauses if c.component)
    parts = []
    pos = 0
    for i, line in enumerate(md.text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip() or (keep is not None and not keep(i)):
            continue
        spans = [(s - start, e - start, c) for s, e, c in tagged if start <= s and e <= end]
        parts.append(Part(document(line, f"para{i}"), spans))
    return parts


def chain_examples(
    nlp: Language, chains: Sequence[Sequence[tuple[str, str]]],
) -> tuple[list[str], list[tuple[tuple[str, str], ...]], list[str], list[tuple[str, ...]]]:
    """Texts, cues, labels and features of labelled statements read as chains (one programme theory each).

    A statement's neighbours are the statements before and after it in its chain: a PT statement
    reads as one chain of clauses (context, then resource, response, outcome).
    """
    flat = [x for chain in chains for x in chain]
    cues, own_features = parsed_examples(nlp, [t for t, _ in flat])
    features: list[tuple[str, ...]] = []
    at = 0
    for chain in chains:
        n = len(chain)
        for k in range(at, at + n):
            prev = (own_features[k - 1], cues[k - 1]) if k > at else None
            nxt = (own_features[k + 1], cues[k + 1]) if k + 1 < at + n else None
            features.append(own_features[k] + context_features(prev, nxt))
        at += n
    return [t for t, _ in flat], cues, [lab for _, lab in flat], features


@dataclass(frozen=True)
class Augmentation:
    """The project's own labelled text (:mod:`.corpus`) added to the training set, each example at ``weight``.

    ``parts`` are passages read as tagged documents; ``chains`` are retold element statements,
    one chain per programme theory and round of retelling, in element order.
    """

    parts: Sequence[Part] = ()
    chains: Sequence[Sequence[tuple[str, str]]] = ()
    weight: float = 1.0


def corpus_parts(corpus: RealistCorpus, kinds: Collection[str] = ("report", "interview")) -> list[Part]:
    """Part (a) of the corpus: each passage of the given kinds as a tagged document."""
    out = []
    for prog in corpus.programmes:
        for k, passage in enumerate(prog.passages):
            if passage.kind in kinds:
                out.append(Part(*passage_document(passage, f"{prog.id}-{k}")))
    return out


def paraphrase_chains(corpus: RealistCorpus, codebook: Codebook,
                      leave_out: Collection[str] = ()) -> list[list[tuple[str, str]]]:
    """Part (b): the k-th retelling of each element of a PT, in the codebook's element order, as one chain.

    The retellings of the PTs in ``leave_out`` are left out: a held-out test on a PT's text never
    trains on retellings of that PT's own statements.
    """
    told = {p.element: p for p in corpus.paraphrases}
    chains = []
    for pt in codebook.programme_theories:
        if pt.id in leave_out:
            continue
        retold = [told[e.id] for e in pt.elements if e.id in told]
        for k in range(max((len(p.statements) for p in retold), default=0)):
            chain = [(p.statements[k], COMPONENT_OF[p.component].value) for p in retold if k < len(p.statements)]
            if chain:
                chains.append(chain)
    return chains


def pretraining_set(nlp: Language, codebooks: Sequence[Codebook], parts: Sequence[Part],
                    augmentation: Augmentation | None = None) -> TrainingSet:
    """Chapter clauses (tagged or "none") and tagged spans, plus every codebook element as a positive.

    An element's neighbours are the elements before and after it in its programme theory. With an
    ``augmentation``, the corpus's passages (clauses and labelled segments, as for the chapter) and
    retold statements (as for elements) follow, each weighted by its weight.
    """
    ts = training_set(nlp, [(p.transcript, p.spans) for p in parts])
    pts = [pt for cb in codebooks for pt in cb.programme_theories]
    chains = [[(e.statement, e.component.value) for e in pt.elements] for pt in pts]
    el_texts, el_cues, el_labels, el_features = chain_examples(nlp, chains)
    per = dict(ts.codings_per_component)
    for label in el_labels:
        per[label] = per.get(label, 0) + 1
    base = TrainingSet([*ts.texts, *el_texts], [*ts.cues, *el_cues], [*ts.labels, *el_labels],
                       dict(sorted(per.items())), [*ts.features, *el_features])
    return base if augmentation is None else joined(base, augmentation_set(nlp, augmentation), augmentation.weight)


def augmentation_set(nlp: Language, augmentation: Augmentation) -> TrainingSet:
    """The augmentation's examples, unweighted: passages as tagged documents, then retold statements as chains."""
    extra = training_set(nlp, [(p.transcript, p.spans) for p in augmentation.parts])
    texts, cues, labels, features = chain_examples(nlp, augmentation.chains)
    per = dict(extra.codings_per_component)
    for label in labels:
        per[label] = per.get(label, 0) + 1
    return TrainingSet([*extra.texts, *texts], [*extra.cues, *cues], [*extra.labels, *labels],
                       dict(sorted(per.items())), [*extra.features, *features])


def joined(base: TrainingSet, extra: TrainingSet, weight: float) -> TrainingSet:
    """``base`` (each example at weight 1) followed by ``extra`` (each at ``weight``)."""
    per = dict(base.codings_per_component)
    for label, n in extra.codings_per_component.items():
        per[label] = per.get(label, 0) + n
    return TrainingSet([*base.texts, *extra.texts], [*base.cues, *extra.cues], [*base.labels, *extra.labels],
                       dict(sorted(per.items())), [*base.features, *extra.features],
                       [*(base.weights or [1.0] * len(base.texts)), *[weight] * len(extra.texts)])


def train(nlp: Language, codebooks: Sequence[Codebook], parts: Sequence[Part],
          augmentation: Augmentation | None = None) -> tuple[ComponentModel, TrainingSet]:
    ts = pretraining_set(nlp, codebooks, parts, augmentation)
    from .features import Tfidf

    model = ComponentModel(vectorizer=Tfidf(ngrams=2, min_df=2, max_features=MAX_FEATURES))
    model.fit(ts.texts, ts.cues, ts.labels, ts.features, ts.weights or None)
    return model, ts


def shipped_codebooks() -> list[tuple[Path, Codebook]]:
    from .. import codebook as codebook_io

    return [(p, codebook_io.load(p)) for p in sorted(codebook_io.SHIPPED_DIR.glob("*.yaml"))]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(reco: Path, nlp: Language) -> tuple[str, str]:
    """The default model file and its sources file, as text (deterministic)."""
    chapter = reco / CHAPTER
    if not chapter.is_file():
        raise CmoError(f"{chapter}: not found (the RECO chapter is in the shared reference material)")
    books = shipped_codebooks()
    model, ts = train(nlp, [cb for _, cb in books], chapter_parts(chapter.read_text(encoding="utf-8")))
    meta = {
        "default": True, "examples": len(ts.texts),
        "examples_per_label": {lab: ts.labels.count(lab) for lab in sorted(set(ts.labels))},
        "spacy_pipeline": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
    }
    model_text = json.dumps({"format": FORMAT, "meta": meta, "model": model.to_dict()}, sort_keys=True) + "\n"
    sources = {
        "about": "Sources of the default component model (cmo_coder/suggest/pretrain.py). Every source is openly "
                 "licensed realist text whose components were tagged by its authors.",
        "sources": [
            *({"file": f"codebooks/{p.name}", "what": "element statements (each labelled C, Mres, Mresp or O)",
               "citation": cb.citation or cb.name, "licence": cb.licence or "MIT (part of cmo-coder)",
               "sha256": _sha256(p)} for p, cb in books),
            {"file": f"../shared/reco/{CHAPTER}", "what": "chapter 4 of the RECO report, PT1-5, with the "
             "authors' inline tags (tagged clauses and untagged clauses as 'none')",
             "citation": RECO_CITATION, "licence": RECO_LICENCE, "sha256": _sha256(chapter)},
        ],
    }
    return model_text, json.dumps(sources, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def default_model() -> ComponentModel | None:
    """The shipped model (None if the package was built without it: suggestions then use cue rules)."""
    path = DATA_DIR / MODEL_FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise CmoError(f"{path}: not a suggester model this version reads (format {data.get('format')!r})")
    return ComponentModel.from_dict(data["model"])


def main(argv: Sequence[str] | None = None) -> None:
    from ..store.atomic import write_text
    from .nlp import pipeline

    ap = argparse.ArgumentParser(description="Rebuild the suggester's default component model.")
    ap.add_argument("reco", type=Path, help="folder holding chapter4_pt1-5.txt (../shared/reco)")
    ap.add_argument("--out", type=Path, default=DATA_DIR, help="where to write the model and sources.json")
    args = ap.parse_args(argv)
    model_text, sources_text = build(args.reco, pipeline())
    args.out.mkdir(parents=True, exist_ok=True)
    write_text(args.out / MODEL_FILE, model_text)
    write_text(args.out / SOURCES_FILE, sources_text)
    print(f"wrote {args.out / MODEL_FILE} ({len(model_text):,} bytes) and {args.out / SOURCES_FILE}")


if __name__ == "__main__":
    main()
