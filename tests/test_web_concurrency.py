"""Several coders at once: the second save of one coding is refused (409), different spans all land,
long work elsewhere does not hold coders up, and a busy project is a clear 503, never a 500.

The cross-process tests run real ``cmo-coder serve`` subprocesses (two coders' workbenches on one
project), the others a real uvicorn server in this process; requests go over loopback with
httpx. Time bounds are generous: they tell "answered while the long job ran" from "waited for it".
"""

from __future__ import annotations

import importlib.util
import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from cmo_coder.errors import Conflict
from cmo_coder.store import Project
from cmo_coder.store.project import PROJECT_DB
from cmo_coder.web.state import Workbench

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


team_load = _load("team_load")
workbench = sys.modules["workbench"]  # team_load's import of the workbench benchmark
TID = workbench.TID


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("team") / "study"
    workbench.build(path, 4000, 40, random.Random(7)).close()
    return path


class Coder:
    """One signed-in browser session over loopback: its client and CSRF token."""

    def __init__(self, base_url: str, token: str) -> None:
        self.client = httpx.Client(base_url=base_url, timeout=30)
        self.csrf = workbench.sign_in(self.client, token)

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, dict[str, Any]]:
        r = self.client.request(method, path, json=body, headers={"x-csrf-token": self.csrf})
        return r.status_code, r.json()

    def version(self, coding_id: str) -> str:
        _, data = self.call("GET", f"/api/codings?transcript={TID}")
        return next(c["version"] for c in data["codings"] if c["id"] == coding_id)


@pytest.fixture(scope="module")
def two_workbenches(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Coder, Coder]]:
    """Two coders, each with a ``cmo-coder serve`` of their own on the same project."""
    log = tmp_path_factory.mktemp("logs") / "serve.log"
    servers = [team_load.ServeProcess(project, coder=name, log=log) for name in ("ann", "ben")]
    try:
        yield Coder(servers[0].base_url, servers[0].token), Coder(servers[1].base_url, servers[1].token)
    finally:
        for s in servers:
            s.kill()


@pytest.fixture
def server(project: Path, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A workbench served by uvicorn in this process (so tests can hand out more sessions and patch it).

    Each test codes as a coder of its own: its spans may overlap another test's, not its own.
    """
    live = workbench.Server(Workbench(project, request.node.name[:40]))
    try:
        yield live
    finally:
        live.stop()


def _coder(live: Any) -> Coder:
    return Coder(f"http://127.0.0.1:{live.port}", live.bench.sessions.issue_token())


def _at_once(*calls: Any) -> list[Any]:
    """Run the calls in threads released together; their results in order."""
    gate = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(i: int) -> None:
        gate.wait()
        results[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def _some_coding(project: Path, n: int = 0) -> str:
    """The ``n``-th of the built codings in no CMOC (so that deleting it is allowed)."""
    with Project.open(project, read_only=True) as p:
        linked = {m.coding_id for k in p.configurations() for m in k.members}
        return sorted(c.id for c in p.codings(transcript_id=TID) if c.coder in ("ann", "ben") and c.id not in linked)[n]


# -- two coders, one coding ---------------------------------------------------------------------------


def _memo(who: Coder, coding_id: str, seen: str, memo: str) -> tuple[int, dict[str, Any]]:
    return who.call("PATCH", f"/api/codings/{coding_id}", {"version": seen, "memo": memo})


def test_two_workbenches_saving_one_coding_one_is_refused_never_overwritten(
        project: Path, two_workbenches: tuple[Coder, Coder]) -> None:
    ann, ben = two_workbenches
    coding_id = _some_coding(project)
    for round_ in range(6):
        seen = ann.version(coding_id)
        assert ben.version(coding_id) == seen
        results = _at_once(partial(_memo, ann, coding_id, seen, f"ann {round_}"),
                           partial(_memo, ben, coding_id, seen, f"ben {round_}"))
        statuses = sorted(status for status, _ in results)
        assert statuses == [200, 409], results
        winner = "ann" if results[0][0] == 200 else "ben"
        refused = results[1 if winner == "ann" else 0][1]
        assert "changed elsewhere" in refused["error"] and "reload" in refused["error"]
        with Project.open(project, read_only=True) as p:
            assert p.coding(coding_id).memo == f"{winner} {round_}"
            edits = [a for a in p.audit_log("coding") if a["entity_id"] == coding_id and a["action"] == "edit"]
        assert len(edits) == round_ + 1  # one edit per round: the refused one left nothing


def test_two_sessions_of_one_workbench_saving_one_coding_one_is_refused(project: Path, server: Any) -> None:
    coding_id = _some_coding(project, 1)
    first, second = _coder(server), _coder(server)
    for round_ in range(6):
        seen = first.version(coding_id)
        results = _at_once(partial(_memo, first, coding_id, seen, f"first {round_}"),
                           partial(_memo, second, coding_id, seen, f"second {round_}"))
        assert sorted(s for s, _ in results) == [200, 409], results
        won = "first" if results[0][0] == 200 else "second"
        with Project.open(project, read_only=True) as p:
            assert p.coding(coding_id).memo == f"{won} {round_}"


def test_deleting_and_editing_one_coding_at_once_one_is_refused(project: Path,
                                                                two_workbenches: tuple[Coder, Coder]) -> None:
    ann, ben = two_workbenches
    coding_id = _some_coding(project, 2)
    seen = ann.version(coding_id)
    results = _at_once(lambda: ann.call("DELETE", f"/api/codings/{coding_id}", {"version": seen}),
                       lambda: ben.call("PATCH", f"/api/codings/{coding_id}", {"version": seen, "memo": "ben"}))
    assert sorted(s for s, _ in results) == [200, 409], results
    with Project.open(project, read_only=True) as p:
        stored = {c.id: c for c in p.codings()}
    if results[0][0] == 200:
        assert coding_id not in stored
    else:
        assert stored[coding_id].memo == "ben"


# -- different spans at once ----------------------------------------------------------------------------


def _spans(project: Path, workers: int, each: int, seed: int) -> list[list[tuple[int, int]]]:
    """Per worker, ``each`` word spans in turns of its own that overlap none of its other spans."""
    with Project.open(project, read_only=True) as p:
        transcript = p.transcript(TID)
    rng = random.Random(seed)
    out = []
    for turns in team_load.split_turns(transcript, workers):
        mine = transcript.model_copy(update={"turns": [transcript.turns[i] for i in turns]})
        spans: list[tuple[int, int]] = []
        while len(spans) < each:
            s, e = workbench._word_span(mine, rng, (2, 6))
            if not any(a < e and s < b for a, b in spans):
                spans.append((s, e))
        out.append(spans)
    return out


def test_coders_on_different_spans_of_one_transcript_all_land(project: Path,
                                                               two_workbenches: tuple[Coder, Coder]) -> None:
    """Six browser threads on two workbenches and two command-line coders code one transcript at once."""
    per_worker = [4] * 6 + [1, 1]  # a command starts Python each time: fewer for them
    ann, ben = two_workbenches
    spans = [mine[:n] for mine, n in zip(_spans(project, 8, 4, seed=3), per_worker, strict=True)]
    with Project.open(project, read_only=True) as p:
        pt = p.codebook.programme_theories[0]
        element = next(e.id for e in pt.elements if e.component is not None)
        before = {c.id for c in p.codings()}

    def browser(who: Coder, mine: list[tuple[int, int]]) -> list[tuple[int, str]]:
        out = []
        for s, e in mine:
            status, data = who.call("POST", "/api/codings", {"transcript": TID, "start": s, "end": e,
                                                              "element": element, "memo": "at once"})
            out.append((status, data.get("coding", {}).get("id", data.get("error", ""))))
        return out

    def command_line(coder: str, mine: list[tuple[int, int]]) -> list[tuple[int, str]]:
        out = []
        for s, e in mine:
            r = subprocess.run([sys.executable, "-m", "cmo_coder", "code", "add", str(project), TID, "--span",
                                f"{s}:{e}", "--element", element, "--coder", coder, "--json"],
                               capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
            out.append((r.returncode, r.stdout if r.returncode == 0 else r.stderr))
        return out

    calls = [lambda i=i: browser((ann, ben)[i % 2], spans[i]) for i in range(6)]
    calls += [lambda i=i: command_line(f"cli{i}", spans[i]) for i in (6, 7)]
    results = _at_once(*calls)
    for i, got in enumerate(results):
        expected = 0 if i >= 6 else 201
        assert all(status == expected for status, _ in got), (i, got)
    with Project.open(project, read_only=True) as p:
        made = {c.id for c in p.codings()} - before
        adds = Counter(a["entity_id"] for a in p.audit_log("coding") if a["action"] == "add")
    assert len(made) == sum(per_worker)
    assert all(adds[i] == 1 for i in made)
    browser_ids = {ident for got in results[:6] for _, ident in got}
    assert browser_ids <= made


# -- long work elsewhere ----------------------------------------------------------------------------------


def _hold(project: Path, mode: str, seconds: float, started: threading.Event) -> threading.Thread:
    """Another program's long work: a write transaction (an import) or a read transaction (an export)."""

    def run() -> None:
        conn = sqlite3.connect(project / PROJECT_DB, isolation_level=None, timeout=10)
        try:
            conn.execute("BEGIN IMMEDIATE" if mode == "write" else "BEGIN")
            conn.execute("SELECT COUNT(*) FROM codings").fetchone()
            started.set()
            time.sleep(seconds)
            conn.execute("ROLLBACK")
        finally:
            conn.close()

    t = threading.Thread(target=run, daemon=True)
    t.start()
    assert started.wait(10)
    return t


def _timed(fn: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _add(who: Coder, spans: list[tuple[int, int]], element: str = "PT1.C1") -> Any:
    s, e = spans.pop()
    return who.call("POST", "/api/codings", {"transcript": TID, "start": s, "end": e, "element": element})


def test_a_long_read_elsewhere_does_not_hold_up_coding(project: Path, server: Any) -> None:
    """An export reading the project for seconds: coders' changes land at once meanwhile."""
    who = _coder(server)
    spans = _spans(project, 1, 3, seed=11)[0]
    holder = _hold(project, "read", 3.0, threading.Event())
    for _ in range(3):
        took, (status, data) = _timed(lambda: _add(who, spans))
        assert status == 201, data
        assert took < 1.5, f"a change waited {took:.1f} s for a reader"
    holder.join()


def test_a_long_write_elsewhere_holds_changes_not_reads(project: Path, server: Any) -> None:
    """An import holding the write lock: pages and lists still answer at once; a change waits for it, then lands."""
    who = _coder(server)
    spans = _spans(project, 1, 2, seed=12)[0]
    holder = _hold(project, "write", 2.5, threading.Event())
    t0 = time.perf_counter()
    change = threading.Thread(target=lambda: results.append(_add(who, spans)))
    results: list[Any] = []
    change.start()
    time.sleep(0.3)  # the change is now waiting for the lock
    for path in ("/", f"/api/codings?transcript={TID}", "/configurations"):
        took, r = _timed(lambda path=path: who.client.get(path))
        assert r.status_code == 200
        assert took < 1.5, f"{path} waited {took:.1f} s behind a change waiting for the lock"
    change.join(timeout=30)
    holder.join()
    assert results and results[0][0] == 201, results
    assert time.perf_counter() - t0 >= 2.0  # it did wait for the import, then landed


def test_a_write_lock_held_too_long_is_a_clear_503_and_nothing_half_done(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cmo_coder.store.project.BUSY_TIMEOUT", 0.5)
    live = workbench.Server(Workbench(project, "dora"))  # its connections are made with the short wait
    try:
        who = _coder(live)
        spans = _spans(project, 1, 2, seed=13)[0]
        with Project.open(project, read_only=True) as p:
            before = (len(p.codings()), len(p.audit_log()))
        holder = _hold(project, "write", 2.5, threading.Event())
        r = who.client.post("/api/codings", headers={"x-csrf-token": who.csrf},
                            json={"transcript": TID, "start": spans[-1][0], "end": spans[-1][1],
                                  "element": "PT1.C1"})
        assert r.status_code == 503 and r.headers["retry-after"]
        assert "try again" in r.json()["error"] and "\n" not in r.json()["error"]
        holder.join()
        with Project.open(project, read_only=True) as p:
            assert (len(p.codings()), len(p.audit_log())) == before
        assert _add(who, spans)[0] == 201  # the same change, tried again
    finally:
        live.stop()


def test_a_slow_request_does_not_hold_up_other_coders(project: Path, server: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A big page taking seconds to build (one coder) while another codes: the coding is not queued behind it."""
    import cmo_coder.web.pages as pages

    real = pages.overview

    def slow(p: Project) -> Any:
        time.sleep(2.5)
        return real(p)

    monkeypatch.setattr(pages, "overview", slow)
    reader, coder = _coder(server), _coder(server)
    spans = _spans(project, 1, 2, seed=14)[0]
    page = threading.Thread(target=lambda: reader.client.get("/"))
    page.start()
    time.sleep(0.3)
    took, (status, data) = _timed(lambda: _add(coder, spans))
    page.join(timeout=30)
    assert status == 201, data
    assert took < 1.5, f"a change waited {took:.1f} s behind another coder's page"


@pytest.mark.parametrize(("message", "status"), [("database is locked", 503), ("disk I/O error", 500)])
def test_a_database_error_outside_a_change_is_one_line(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                       message: str, status: int) -> None:
    """SQLite busy while reading (e.g. recovering its journal after a crash): 503, try again; others a 500."""
    import cmo_coder.web.pages as pages
    from tests.web_support import client_for

    def failing(p: Project) -> Any:
        raise sqlite3.OperationalError(message)

    client = client_for(Workbench(project, "carol"))
    monkeypatch.setattr(pages, "overview", failing)
    r = client.get("/")
    assert r.status_code == status and r.text.count("\n") == 0
    assert ("try again" in r.text) == (status == 503) and "Traceback" not in r.text


# -- the command line does not overwrite a browser's edit either ----------------------------------------


def test_a_command_line_edit_racing_a_browser_edit_is_refused(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``code edit`` reads the coding, a browser saves it, then the command writes: refused, not overwritten."""
    from cmo_coder.coding import service

    coding_id = _some_coding(project, 3)
    real_transaction = Project.transaction
    raced: list[bool] = []

    def racing(self: Project, actor: str | None = None):  # type: ignore[no-untyped-def]
        if not raced:
            raced.append(True)
            with Project.open(project) as other, real_transaction(other, "browser") as tx:
                tx.update_coding(other.coding(coding_id).model_copy(update={"memo": "the browser's memo"}))
        return real_transaction(self, actor)

    monkeypatch.setattr(Project, "transaction", racing)
    with Project.open(project) as p, pytest.raises(Conflict, match="changed while this change"):
        service.edit_coding(p, coding_id, stance="refutes", actor="cli")
    monkeypatch.setattr(Project, "transaction", real_transaction)
    with Project.open(project, read_only=True) as p:
        stored = p.coding(coding_id)
    assert stored.memo == "the browser's memo" and stored.stance.value != "refutes"


def test_code_edit_and_remove_with_expect_version_refuse_a_coding_changed_since(project: Path) -> None:
    """The command line's optimistic check: the version ``code list --json`` showed, or nothing is changed."""
    import json

    from click.testing import CliRunner

    from cmo_coder.cli.main import cli

    coding_id = _some_coding(project, 4)
    runner = CliRunner()

    def listed() -> str:
        out = runner.invoke(cli, ["code", "list", str(project), "--transcript", TID, "--json"])
        assert out.exit_code == 0, out.output
        return next(c["version"] for c in json.loads(out.stdout) if c["id"] == coding_id)

    seen = listed()
    ok = runner.invoke(cli, ["code", "edit", str(project), coding_id, "--memo", "first", "--expect-version", seen])
    assert ok.exit_code == 0, ok.output
    stale = runner.invoke(cli, ["code", "edit", str(project), coding_id, "--memo", "second", "--expect-version", seen])
    assert stale.exit_code == 1 and "was changed since version" in stale.output
    assert "nothing was changed" in stale.output
    gone = runner.invoke(cli, ["code", "remove", str(project), coding_id, "--expect-version", seen])
    assert gone.exit_code == 1 and "was changed since version" in gone.output
    miscounted = runner.invoke(cli, ["code", "remove", str(project), coding_id, coding_id, "--expect-version", seen])
    assert miscounted.exit_code == 1 and "one per coding" in miscounted.output
    with Project.open(project, read_only=True) as p:
        assert p.coding(coding_id).memo == "first"
    current = listed()
    assert current != seen
    removed = runner.invoke(cli, ["code", "remove", str(project), coding_id, "--expect-version", current])
    assert removed.exit_code == 0, removed.output


@pytest.mark.parametrize(("message", "code", "said"), [("database is locked", 1, "the project is busy"),
                                                       ("disk I/O error", 2, "internal error")])
def test_a_database_lock_reaching_a_command_is_one_line(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                        message: str, code: int, said: str) -> None:
    from click.testing import CliRunner

    from cmo_coder.cli.main import cli

    def failing(self: Project, **filters: Any) -> Any:
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(Project, "codings", failing)
    out = CliRunner().invoke(cli, ["code", "list", str(project)])
    assert out.exit_code == code and said in out.output and "Traceback" not in out.output
    assert len(out.output.strip().splitlines()) == 1


def test_opening_the_project_again_keeps_the_journal_of_this_processs_connections(tmp_path: Path) -> None:
    """A workbench opens the project anew while its other threads' connections are open; another program
    then closes its own connection. Had the second open read the database file itself (and closed it),
    this process's locks would be gone and the other program, thinking itself the last user, would
    delete the journal under the open connections: their changes would go where nobody reads them."""
    path = tmp_path / "study"
    workbench.build(path, 1500, 10, random.Random(5)).close()
    kept = Project.open(path)  # a thread's kept connection
    kept.codings()
    Project.open(path).close()  # another thread opening (and closing) its own
    Project.open(path, read_only=True).close()
    other = subprocess.run([sys.executable, "-c", "import sys; from cmo_coder.store import Project; "
                            "p = Project.open(sys.argv[1]); p.codings(); p.close()", str(path)],
                           cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert other.returncode == 0, other.stderr
    assert (path / f"{PROJECT_DB}-wal").exists() and (path / f"{PROJECT_DB}-shm").exists()
    with kept.transaction("carol") as tx:
        tx.set_meta("still", "seen")
    kept.close()
    with Project.open(path, read_only=True) as p:
        assert p.meta("still") == "seen"


def test_an_edit_whose_coding_is_deleted_between_check_and_write_is_stale_not_unknown(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The delete landing after the edit's version check: a 409 that says it was deleted, never a 404."""
    from cmo_coder.coding import service
    from cmo_coder.web import changes

    coding_id = _some_coding(project, 5)
    real_edit = service.edit_coding

    def deleted_first(p: Project, cid: str, **kwargs: Any) -> Any:
        service.remove_codings(p, [cid], actor="ben")
        return real_edit(p, cid, **kwargs)

    monkeypatch.setattr(service, "edit_coding", deleted_first)
    with Project.open(project) as p:
        seen = changes.version(p.coding(coding_id))
        with pytest.raises(changes.StaleEdit, match="deleted elsewhere"):
            changes.edit(p, coding_id, seen, start=None, end=None, pt=None, component=None, element=None,
                         stance=None, memo="ann", actor="ann")
