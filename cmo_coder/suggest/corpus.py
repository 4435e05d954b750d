"""The project's own labelled realist text: report prose and interview turns, and retold codebook statements.

The default component model learns from few labels (a few hundred tagged clauses of one report),
so the project wrote more: ``benchmarks/realist-corpus.yaml`` holds findings prose
about invented health and social care programmes, labelled segment by segment (part
``programmes``), and report-style retellings of each element statement of ``codebooks/reco.yaml``
(part ``paraphrases``). The labelling rules are in the file's header, so others can extend it.
Measured on the development split it did not beat the shipped recipe by more than the noise
(docs/benchmarks.md), so the default model does not train on it and the file is not package
data; this module reads it for the benchmark, and its format has a JSON Schema.

A passage is a list of (label, text) segments joined by single spaces; :func:`passage_document`
turns it into a document and its labelled spans, so training reads it as it reads any tagged
text: cut into candidate clauses, each taking the label of the segment covering it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import CmoError
from ..model import Component, Transcript

FORMAT = "cmo-coder-realist-corpus/1"

Label = Literal["C", "Mres", "Mresp", "O", "none"]
ComponentLabel = Literal["C", "Mres", "Mresp", "O"]
#: the short labels realist reports use, to the project's component values
COMPONENT_OF: dict[str, Component] = {c.short: c for c in Component}


def _non_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("empty text")
    if text != text.strip():
        raise ValueError(f"text has leading or trailing spaces: {text!r}")
    return text


class Passage(BaseModel):
    """A paragraph of report prose or one interview turn, labelled segment by segment."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["report", "interview"]
    segments: list[tuple[Label, str]] = Field(min_length=1)

    @field_validator("segments")
    @classmethod
    def _segments(cls, v: list[tuple[str, str]]) -> list[tuple[str, str]]:
        for _, text in v:
            _non_blank(text)
        return v


class Programme(BaseModel):
    """An invented programme and the findings passages written about it."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    passages: list[Passage] = Field(min_length=1)


class Paraphrase(BaseModel):
    """Report-style retellings of one codebook element, each keeping the element's component."""

    model_config = ConfigDict(extra="forbid")

    element: str = Field(pattern=r"^PT\d+\.(C|MR|MP|O)\d+$", description="the element id in codebooks/reco.yaml")
    component: ComponentLabel
    statements: list[str] = Field(min_length=1)

    @field_validator("statements")
    @classmethod
    def _statements(cls, v: list[str]) -> list[str]:
        return [_non_blank(t) for t in v]

    @property
    def pt(self) -> str:
        return self.element.split(".")[0]


class RealistCorpus(BaseModel):
    """``realist-corpus.yaml``: labelled realist text written for the project (rules in the file's header)."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["cmo-coder-realist-corpus/1"]
    about: str
    licence: str
    programmes: list[Programme] = Field(default_factory=list, description="part (a): findings about other programmes")
    paraphrases: list[Paraphrase] = Field(default_factory=list,
                                          description="part (b): retellings of the codebook's element statements")


def load(path: Path) -> RealistCorpus:
    """The corpus, or a one-line error naming the file and the place that is wrong."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CmoError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "somewhere"
        raise CmoError(f"{path}: not valid YAML at {where}") from None
    try:
        return RealistCorpus.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "top level"
        raise CmoError(f"{path}: {where}: {err['msg']}") from None


def passage_document(passage: Passage, tid: str) -> tuple[Transcript, list[tuple[int, int, Component]]]:
    """The passage as one document, and the (start, end, component) span of each labelled segment.

    Segments are joined by one space; every span slices exactly to its segment's text.
    """
    pieces: list[str] = []
    spans: list[tuple[int, int, Component]] = []
    pos = 0
    for label, text in passage.segments:
        if pieces:
            pieces.append(" ")
            pos += 1
        if label != "none":
            spans.append((pos, pos + len(text), COMPONENT_OF[label]))
        pieces.append(text)
        pos += len(text)
    text = "".join(pieces)
    transcript = Transcript(
        id=tid, title=tid, source_format="markup", kind="document", text=text, turns=[],
        source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="pretrain",
    )
    return transcript, spans
