"""The workbench keeps its project connection between requests, and lets it go whenever that could mislead."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cmo_coder.errors import CmoError
from cmo_coder.store import Project
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
        assert second is not first  # reopened: caches (the codebook…) cannot be stale either
        assert len(second.codings()) == before - 1
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
