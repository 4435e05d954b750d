"""The workbench keeps its project connection between requests, and lets it go whenever that could mislead."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cmo_coder.errors import CmoError
from cmo_coder.model import Codebook
from cmo_coder.store import Project
from cmo_coder.store.location import parse
from cmo_coder.web.state import Workbench
from tests.web_support import study_project


@pytest.fixture
def bench(tmp_path: Path) -> Workbench:
    return Workbench(study_project(tmp_path / "study"), "carol")


def test_the_connection_is_kept_between_requests(bench: Workbench) -> None:
    with bench.project() as first:
        pass
    with bench.project() as second:
        assert second is first
    bench.close()


def test_a_change_by_another_program_is_seen_on_the_next_request(bench: Workbench) -> None:
    with bench.project() as first:
        before = len(first.codings())
    with Project.open(bench.project_path) as other, other.transaction("cli") as tx:
        tx.remove_coding("d1")
    with bench.project() as second:
        assert second is first  # the connection stays: reconnecting per change would cost more than the request
        assert len(second.codings()) == before - 1
    bench.close()


def test_what_the_kept_connection_had_read_is_forgotten_after_another_programs_commit(bench: Workbench) -> None:
    with bench.project() as first:
        name = first.codebook.name
    with Project.open(bench.project_path) as other, other.transaction("cli") as tx:
        changed = other.codebook.model_copy(update={"name": name + " (renamed elsewhere)"})
        tx.set_meta("codebook", changed.model_dump_json())
    with bench.project() as second:
        assert second is first
        assert second.codebook.name == name + " (renamed elsewhere)"
    bench.close()


def test_a_schema_upgrade_by_another_program_means_a_fresh_open(bench: Workbench) -> None:
    with bench.project() as first:
        pass
    with Project.open(bench.project_path) as other, other.transaction("cli") as tx:
        tx.set_meta("touched", "yes")  # a commit, so the kept connection looks again
    bench._kept.value.schema -= 1  # as if the project had been opened before an upgrade
    with bench.project() as second:
        assert second is not first
    bench.close()


def test_a_request_inside_a_request_gets_its_own_connection(bench: Workbench) -> None:
    with bench.project() as outer, bench.project() as inner:
        assert inner is not outer
        assert inner.codings() == outer.codings()
    with bench.project() as again:
        assert again is outer


def test_a_vanished_project_is_reported_not_served_from_the_old_file(bench: Workbench, tmp_path: Path) -> None:
    with bench.project():
        pass
    shutil.move(bench.project_path, tmp_path / "moved")
    with pytest.raises(CmoError, match="not a cmo-coder project"), bench.project():
        pass


def test_a_failed_change_leaves_no_transaction_and_no_codebook_from_it(bench: Workbench) -> None:
    with bench.project() as p:
        assert p.codebook  # read and cached
        with pytest.raises(RuntimeError), p.transaction("carol"):
            raise RuntimeError("the change failed half way")
        assert not p.conn.in_transaction and p._codebook is None
    with bench.project() as again:
        assert again is p


@pytest.mark.engines
def test_on_either_engine_another_coders_change_is_seen_without_reconnecting(
        new_location: Callable[[str], Path | str], tiny_codebook: Codebook) -> None:
    where = new_location("study")
    Project.create(where, tiny_codebook, actor="tester").close()
    bench = Workbench(parse(where) if isinstance(where, str) else where, "carol")
    with bench.project() as first:
        name = first.codebook.name
    for n in range(3):  # every commit by another coder: the same connection, nothing stale
        with Project.open(where) as other, other.transaction("dave") as tx:
            tx.set_meta("codebook", other.codebook.model_copy(update={"name": f"{name} {n}"}).model_dump_json())
        with bench.project() as again:
            assert again is first
            assert again.codebook.name == f"{name} {n}"
    bench.close()
