"""Shared fixtures: a tiny project, signed-off transcripts built in memory, and ../shared."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from cmo_coder import codebook as codebook_io
from cmo_coder.model import Codebook, Participant, Transcript, Turn
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (reference material CI provides); tests that need it skip, saying why, when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"reference material not found at {SHARED}: these tests need ../shared beside the repo")
    return SHARED


@pytest.fixture(scope="session")
def tiny_codebook() -> Codebook:
    return codebook_io.load(REPO / "codebooks" / "tiny.yaml")


@pytest.fixture(scope="session")
def reco_codebook() -> Codebook:
    return codebook_io.load(REPO / "codebooks" / "reco.yaml")


@pytest.fixture
def project(tmp_path: Path, tiny_codebook: Codebook) -> Project:
    p = Project.create(tmp_path / "study", tiny_codebook, actor="tester")
    yield p
    p.close()


SignedOff = Callable[..., Transcript]


@pytest.fixture
def add_transcript(project: Project) -> SignedOff:
    """Store an already anonymised transcript given as ``[(label, role, site, text), ...]`` turns."""

    def _add(transcript_id: str, turns: list[tuple[str, str, str | None, str]], title: str | None = None) -> Transcript:
        text_parts: list[str] = []
        model_turns = []
        offset = 0
        for i, (label, _role, _site, said) in enumerate(turns):
            if i:
                text_parts.append("\n\n")
                offset += 2
            model_turns.append(Turn(speaker=label, start=offset, end=offset + len(said)))
            text_parts.append(said)
            offset += len(said)
        text = "".join(text_parts)
        t = Transcript(
            id=transcript_id, title=title or transcript_id, source_format="plain_txt", text=text, turns=model_turns,
            source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="test",
        )
        with project.transaction("tester") as tx:
            for label, role, site, _ in turns:
                tx.upsert_participant(Participant(label=label, role=role, site=site))
            tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, t.normaliser_version)
            tx.sign_off_transcript(t)
        return t

    return _add
