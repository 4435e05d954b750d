"""Shared fixtures: a tiny project, signed-off transcripts built in memory, and ../shared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cmo_coder import codebook as codebook_io
from cmo_coder.model import Codebook, Transcript
from cmo_coder.store import Project
from tests.study import add_signed_off

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _semantic_only_where_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite runs as without the optional semantic extra; only tests marked ``semantic`` may use it."""
    if request.node.get_closest_marker("semantic") is None:
        monkeypatch.setenv("CMO_CODER_SEMANTIC", "0")


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

    def _add(
        transcript_id: str, turns: list[tuple[str, str, str | None, str]], title: str | None = None
    ) -> Transcript:
        return add_signed_off(project, transcript_id, turns, title=title)

    return _add
