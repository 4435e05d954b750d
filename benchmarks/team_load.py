"""Team load: simulated coders coding, editing and linking at once against ``cmo-coder serve``; lost writes counted.

Run from the repository root: ``.venv/bin/python benchmarks/team_load.py [--engine both] [--seconds 60]
[--coders 20] [--kill] [--accounts]``.
A generated 20,000-word interview (the workbench benchmark's, with its codings and CMOCs) is served
by ``cmo-coder serve`` started as a real subprocess on a loopback port. Each simulated coder is a
thread with its own HTTP client doing a realistic mix until the time is up: code a span (in turns
of its own, so coders code different spans of one transcript at once), change a coding's stance,
add a memo to its coding, add a memo to *another* coder's coding (two coders on one coding: the
second save must be refused with 409, never overwrite), delete a coding, link two codings as a CMOC.

Every acknowledged change (a 2xx with its id and version) is recorded client-side. Afterwards the
benchmark opens the project and checks each one is there with its audit entry: **lost writes**
(an acknowledged change missing or overwritten, two acknowledged edits made from the same version)
must be 0; and nothing half-written is visible (the audit log replayed gives exactly the stored
codings and CMOCs, every CMOC has its members, every coding slices its text exactly, no audit
entry beyond the acknowledged and in-flight changes). ``--kill`` SIGKILLs the server half-way,
checks the store while it is down, restarts it on the same port and lets the coders carry on.

On PostgreSQL (``--engine postgresql``, or ``both``: SQLite first, then PostgreSQL) a throwaway
cluster (the tests' ``tests/pg_cluster.py``: loopback only, its own temporary folder, stopped in
``finally`` and at exit) gets a fresh database, the project is put there with ``cmo-coder db copy``
and served by its URL; the same checks then read it by URL. A shared database is served with
sign-in, so there ``--accounts`` is the default: one user (role coder) per simulated coder, made
with ``cmo-coder users add … --password-stdin``, each signing in with its own session. A coder may
change only their own codings, so the "memo on another coder's coding" kind is then an expected
403 (refused by role; reported as such), or a 409 when that coding changed first; neither may
leave an audit entry. Without ``--accounts`` (the SQLite default) the coders share the session
the one-time link opens, as before.

Bounded and self-stopping: every request has a timeout, the run a deadline, the whole script a
global timeout (``--timeout``), and the server process is killed in ``finally`` whatever happens.
"""

from __future__ import annotations

import _thread
import argparse
import json
import os
import queue
import random
import re
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import httpx  # noqa: E402
from workbench import TID, _word_span, build, pct, sign_in  # noqa: E402

from cmo_coder.model import Transcript  # noqa: E402
from cmo_coder.store import Project  # noqa: E402
from cmo_coder.store.location import parse  # noqa: E402
from cmo_coder.store.secure import SecureFolder  # noqa: E402
from cmo_coder.web.changes import version as coding_version  # noqa: E402

#: what one simulated coder does, and how often (weights)
MIX = {"add": 30, "edit": 15, "memo": 15, "shared edit": 15, "delete": 10, "link": 15}
KINDS = tuple(MIX)
SERVER_CODER = "team"
#: answers a correct server gives this mix: acknowledged, two coders on one coding (409), a refused request
#: (400), another coder's coding with accounts (403)
EXPECTED = ("ok", "conflict (409)", "refused (400)", "refused (403)")
REQUEST_TIMEOUT = 20.0


# -- the server as a subprocess -------------------------------------------------------------------


#: every server process started and not yet killed: the global timeout kills them all
LIVE: set[ServeProcess] = set()


class ServeProcess:
    """``cmo-coder serve`` in a process of its own: started, read for its one-time link, killed."""

    def __init__(self, project: Path | str, port: int = 0, coder: str = SERVER_CODER, log: Path | None = None,
                 accounts: bool = False) -> None:
        self.project = project
        self.coder = coder
        self.accounts = accounts
        self.log = log
        self.port = port
        self.token = ""
        self.proc: subprocess.Popen[str] | None = None
        self.stderr: IO[str] | None = None
        self.start(port)

    def argv(self, port: int) -> list[str]:
        argv = [sys.executable, "-m", "cmo_coder", "serve", str(self.project), "--port", str(port), "--no-browser"]
        return argv if self.accounts else [*argv, "--coder", self.coder]  # with accounts: the signed-in user

    def start(self, port: int, wait: float = 60.0) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.stderr = open(self.log, "a") if self.log else None  # noqa: SIM115 (closed by kill())
        self.proc = subprocess.Popen(self.argv(port), stdout=subprocess.PIPE,
                                     stderr=self.stderr or subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
        LIVE.add(self)
        lines: queue.Queue[str] = queue.Queue()
        out = self.proc.stdout
        assert out is not None
        threading.Thread(target=lambda: [lines.put(line) for line in out], daemon=True).start()
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"cmo-coder serve exited with {self.proc.returncode} before serving") from None
                continue
            if line.startswith("open http://"):
                url = urlsplit(line.split()[1])
                assert url.port is not None, line
                self.port = url.port
                self.token = "" if self.accounts else parse_qs(url.query)["token"][0]
                return
        self.kill()
        raise RuntimeError(f"cmo-coder serve printed no address within {wait:.0f} s")

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, no checkpoint, exactly what a crash or a pulled plug leaves."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=30)
        if self.stderr is not None:
            self.stderr.close()
            self.stderr = None
        LIVE.discard(self)

    def restart(self) -> None:
        """Start again on the same store and the same port (the coders' pages point there)."""
        self.kill()
        self.start(self.port)


class SharedSession:
    """The one signed-in session the coders share in token mode (the token works once).

    When the server restarts, its sessions are gone: the first coder to be refused with 401 signs
    in again with the new server's token; the others pick up the new cookie and CSRF token.
    """

    def __init__(self, server: ServeProcess) -> None:
        self.server = server
        self.lock = threading.Lock()
        self.generation = 0
        self.cookies: httpx.Cookies = httpx.Cookies()
        self.csrf = ""
        self.spent: set[str] = set()
        self.renew(0)

    def renew(self, seen_generation: int) -> None:
        with self.lock:
            if seen_generation != self.generation or self.server.token in self.spent:
                return  # another coder already signed in to this server
            with httpx.Client(base_url=self.server.base_url, timeout=REQUEST_TIMEOUT) as client:
                self.csrf = sign_in(client, self.server.token)
                self.cookies = httpx.Cookies(client.cookies)
            self.spent.add(self.server.token)
            self.generation += 1


class UserSession:
    """One coder's own signed-in session (accounts mode): name and password at ``/login``, as a browser does.

    When the server restarts, the session is gone; the 401 makes the coder sign in again.
    """

    def __init__(self, server: ServeProcess, name: str, password: str) -> None:
        self.server = server
        self.name = name
        self.password = password
        self.lock = threading.Lock()
        self.generation = 0
        self.cookies: httpx.Cookies = httpx.Cookies()
        self.csrf = ""
        self.renew(0)

    def renew(self, seen_generation: int) -> None:
        with self.lock:
            if seen_generation != self.generation:
                return
            with httpx.Client(base_url=self.server.base_url, timeout=REQUEST_TIMEOUT) as client:
                self.csrf = sign_in_as(client, self.name, self.password)
                self.cookies = httpx.Cookies(client.cookies)
            self.generation += 1


def sign_in_as(client: httpx.Client, name: str, password: str) -> str:
    """Sign in with the form at ``/login`` (its own token and cookie); the workbench page's CSRF token."""
    form = client.get("/login")
    form.raise_for_status()
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token, "no form token on the sign-in page"
    done = client.post("/login", data={"name": name, "password": password, "csrf": token[1]},
                       headers={"origin": str(client.base_url).rstrip("/")}, follow_redirects=True)
    done.raise_for_status()
    csrf = re.search(r'<meta name="csrf-token" content="([^"]+)">', done.text)
    assert csrf, f"signing in as {name} did not reach the workbench (HTTP {done.status_code})"
    return csrf[1]


Session = SharedSession | UserSession


# -- what the coders did ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Ack:
    """One change the server acknowledged: which thing, which version it was made from, which it made."""

    kind: str
    entity: str  # "coding" or "configuration"
    id: str
    seen: str | None = None
    version: str | None = None
    members: tuple[str, ...] = ()


@dataclass
class Ledger:
    """Everything the coders saw, shared between their threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    acks: list[Ack] = field(default_factory=list)
    in_flight: list[tuple[str, str]] = field(default_factory=list)  # (kind, coding id or ""): no answer came
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    outcomes: Counter[tuple[str, str]] = field(default_factory=Counter)  # (kind, outcome)
    retries: Counter[str] = field(default_factory=Counter)  # server down, signed out: tried again
    pool: dict[str, str] = field(default_factory=dict)  # coding id → newest acknowledged version
    owner: dict[str, int] = field(default_factory=dict)
    linked: set[str] = field(default_factory=set)  # codings in a CMOC (a delete would be refused)

    def record(self, kind: str, outcome: str, ms: float | None) -> None:
        with self.lock:
            self.outcomes[kind, outcome] += 1
            if ms is not None:
                self.latencies[kind].append(ms)


def outcome_of(status: int, body: dict[str, Any]) -> str:
    """How a response counts: acknowledged, an expected conflict (409) or refusal (400), or an error."""
    if 200 <= status < 300:
        return "ok"
    if status == 409:
        return "conflict (409)"
    if status == 400:
        return "refused (400)"
    if status == 403:
        return "refused (403)"
    if status == 503:
        return "busy (503)"
    return f"error {status}"


class Coder(threading.Thread):
    """One simulated coder: its own HTTP client and turns, the mix of :data:`MIX` until ``stop``."""

    def __init__(self, n: int, session: Session, ledger: Ledger, transcript: Transcript,
                 turns: list[int], theories: list[tuple[str, list[str]]], stop: threading.Event, seed: int) -> None:
        super().__init__(name=f"coder-{n}", daemon=True)
        self.n = n
        self.session = session
        self.ledger = ledger
        self.transcript = transcript
        self.turns = turns
        self.theories = theories
        self.stop = stop
        self.rng = random.Random(seed)
        self.spans: dict[str, tuple[int, int, str, str | None, str]] = {}  # id → start, end, pt, component, stance
        self.count = 0
        self.failure: BaseException | None = None
        self.client = httpx.Client(base_url=session.server.base_url, timeout=REQUEST_TIMEOUT)
        self.signed_in = -1

    # -- plumbing ----------------------------------------------------------------------------------
    def call(self, kind: str, method: str, path: str, body: dict[str, Any] | None,
             target: str = "") -> tuple[int, dict[str, Any]] | None:
        """One request; None when no answer came (the change may or may not have landed)."""
        for _ in range(50):  # bounded: the server is down for seconds at most
            generation = self.session.generation
            if generation != self.signed_in:  # a new sign-in (the server restarted): its cookie
                self.client.cookies = httpx.Cookies(self.session.cookies)
                self.signed_in = generation
            t0 = time.perf_counter()
            try:
                r = self.client.request(method, path, json=body, headers={"x-csrf-token": self.session.csrf})
            except httpx.ConnectError:  # the server is down (killed, restarting): nothing was sent
                with self.ledger.lock:
                    self.ledger.retries["server down (connection refused)"] += 1
                self.stop.wait(0.2)
                if self.stop.is_set():
                    return None
                continue
            except httpx.TransportError:  # sent, but no answer: in flight
                self.ledger.record(kind, "no answer", None)
                with self.ledger.lock:
                    self.ledger.in_flight.append((kind, target))
                return None
            ms = (time.perf_counter() - t0) * 1000
            if r.status_code == 401:  # a restarted server: sign in again, then retry
                with self.ledger.lock:
                    self.ledger.retries["signed out by the restart (401)"] += 1
                self.session.renew(generation)
                continue
            try:
                data = r.json()
            except ValueError:
                data = {"error": r.text}
            self.ledger.record(kind, outcome_of(r.status_code, data), ms)
            return r.status_code, data
        return None

    def note(self) -> str:
        self.count += 1
        return f"coder {self.n} note {self.count}"

    def own(self, *, unlinked: bool = False) -> str | None:
        with self.ledger.lock:
            ids = [i for i in self.spans if i in self.ledger.pool and not (unlinked and i in self.ledger.linked)]
        return self.rng.choice(sorted(ids)) if ids else None

    # -- the operations ----------------------------------------------------------------------------
    def add(self) -> None:
        for _ in range(20):  # a span of its own turns that overlaps none of its codings
            start, end = _word_span(self._turn_transcript(), self.rng, (3, 12))
            if not any(s < end and start < e for s, e, *_ in self.spans.values()):
                break
        else:
            return
        pt, elements = self.rng.choice(self.theories)
        element = self.rng.choice(elements)
        got = self.call("add", "POST", "/api/codings", {"transcript": TID, "start": start, "end": end,
                                                        "element": element, "stance": "supports",
                                                        "memo": self.note()})
        if got and got[0] == 201:
            c = got[1]["coding"]
            self.spans[c["id"]] = (c["start"], c["end"], c["pt"], c["component"], c["stance"])
            with self.ledger.lock:
                self.ledger.pool[c["id"]] = c["version"]
                self.ledger.owner[c["id"]] = self.n
                self.ledger.acks.append(Ack("add", "coding", c["id"], None, c["version"]))

    def _turn_transcript(self) -> Transcript:
        """The transcript seen through this coder's turns only (where its spans are drawn)."""
        mine = [self.transcript.turns[i] for i in self.turns]
        return self.transcript.model_copy(update={"turns": mine})

    def patch(self, kind: str, coding_id: str, changes: dict[str, Any]) -> None:
        with self.ledger.lock:
            seen = self.ledger.pool.get(coding_id)
        if seen is None:
            return
        got = self.call(kind, "PATCH", f"/api/codings/{coding_id}", {"version": seen, **changes}, target=coding_id)
        if got and got[0] == 200:
            c = got[1]["coding"]
            if coding_id in self.spans:
                self.spans[coding_id] = (c["start"], c["end"], c["pt"], c["component"], c["stance"])
            with self.ledger.lock:
                if self.ledger.pool.get(coding_id) == seen:
                    self.ledger.pool[coding_id] = c["version"]
                self.ledger.acks.append(Ack(kind, "coding", coding_id, seen, c["version"]))

    def edit(self) -> None:
        coding_id = self.own()
        if coding_id is not None:
            stance = self.rng.choice([s for s in ("supports", "refutes", "refines") if s != self.spans[coding_id][4]])
            self.patch("edit", coding_id, {"stance": stance, "memo": self.note()})

    def memo(self) -> None:
        coding_id = self.own()
        if coding_id is not None:
            self.patch("memo", coding_id, {"memo": self.note()})

    def shared_edit(self) -> None:
        with self.ledger.lock:
            others = sorted(i for i, who in self.ledger.owner.items() if who != self.n and i in self.ledger.pool)
        if others:  # accounts mode: a coder changes only their own codings, so this is an expected 403
            self.patch("shared edit", self.rng.choice(others[-50:]), {"memo": self.note()})

    def delete(self) -> None:
        coding_id = self.own(unlinked=True)
        if coding_id is None:
            return
        with self.ledger.lock:
            seen = self.ledger.pool.get(coding_id)
            if seen is None:
                return
            self.ledger.linked.add(coding_id)  # no CMOC may pick it while the delete is on its way
        got = self.call("delete", "DELETE", f"/api/codings/{coding_id}", {"version": seen}, target=coding_id)
        with self.ledger.lock:
            self.ledger.linked.discard(coding_id)
            if got and got[0] == 200:
                self.ledger.pool.pop(coding_id, None)
                self.ledger.acks.append(Ack("delete", "coding", coding_id, seen))
        if got and got[0] == 200:
            del self.spans[coding_id]

    def link(self) -> None:
        by_pt: dict[str, dict[str | None, list[str]]] = defaultdict(lambda: defaultdict(list))
        with self.ledger.lock:
            for i, (_s, _e, pt, component, _st) in self.spans.items():
                if i in self.ledger.pool:
                    by_pt[pt][component].append(i)
        options = [(pt, comps) for pt, comps in by_pt.items() if len([c for c in comps if c]) >= 2]
        if not options:
            return
        pt, comps = self.rng.choice(sorted(options, key=lambda o: o[0]))
        picked = [self.rng.choice(comps[c]) for c in self.rng.sample(sorted(c for c in comps if c), 2)]
        with self.ledger.lock:
            self.ledger.linked.update(picked)
        name = f"team {self.n}-{self.note().rsplit(' ', 1)[1]}"
        got = self.call("link", "POST", "/api/configurations",
                        {"members": [{"coding": i} for i in picked], "name": name})
        if got and got[0] == 201:
            c = got[1]["configuration"]
            with self.ledger.lock:
                self.ledger.acks.append(Ack("link", "configuration", c["id"], None, c["version"],
                                            tuple(sorted(m["coding"] for m in c["members"]))))

    def run(self) -> None:
        ops = {"add": self.add, "edit": self.edit, "memo": self.memo, "shared edit": self.shared_edit,
               "delete": self.delete, "link": self.link}
        kinds, weights = list(MIX), list(MIX.values())
        try:
            while not self.stop.is_set():
                ops[self.rng.choices(kinds, weights)[0]]()
        except BaseException as exc:  # reported by the runner, never swallowed
            self.failure = exc
        finally:
            self.client.close()


# -- checking the store afterwards --------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    """The store before the coders start: what the audit log is replayed from."""

    codings: frozenset[str]
    configurations: frozenset[str]
    audit_seq: int


def baseline(project_path: Path | str) -> Baseline:
    with Project.open(project_path, read_only=True) as p:
        seq = max((a["seq"] for a in p.audit_log()), default=0)
        return Baseline(frozenset(c.id for c in p.codings()), frozenset(c.id for c in p.configurations()), seq)


@dataclass
class Verdict:
    lost: list[str] = field(default_factory=list)
    half_written: list[str] = field(default_factory=list)
    unverifiable: int = 0
    audit_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.lost and not self.half_written


def consistency(project_path: Path | str, base: Baseline) -> tuple[list[str], int]:
    """Half-written changes visible in the store (problems), and the number of audit rows since the baseline."""
    problems: list[str] = []
    with Project.open(project_path, read_only=True) as p:
        audit = [a for a in p.audit_log() if a["seq"] > base.audit_seq]
        codings = {c.id: c for c in p.codings()}
        configs = {c.id: c for c in p.configurations()}
        text = p.transcript(TID).text
    expected_codings, expected_configs = set(base.codings), set(base.configurations)
    for a in audit:
        target = expected_codings if a["entity"] == "coding" else expected_configs \
            if a["entity"] == "configuration" else None
        if target is None:
            continue
        if a["action"] == "add":
            target.add(a["entity_id"])
        elif a["action"] == "remove":
            target.discard(a["entity_id"])
    for missing in sorted(expected_codings - set(codings)):
        problems.append(f"the audit log says coding {missing} exists, the store has no such coding")
    for extra in sorted(set(codings) - expected_codings):
        problems.append(f"coding {extra} is stored without its audit entry")
    for missing in sorted(expected_configs - set(configs)):
        problems.append(f"the audit log says configuration {missing} exists, the store has none")
    for extra in sorted(set(configs) - expected_configs):
        problems.append(f"configuration {extra} is stored without its audit entry")
    for c in codings.values():
        if c.transcript_id == TID and text[c.start:c.end] != c.text:
            problems.append(f"coding {c.id}: its offsets {c.start}:{c.end} do not slice to its text")
    for k in configs.values():
        absent = [m.coding_id for m in k.members if m.coding_id not in codings]
        if len(k.members) < 2 or absent:
            problems.append(f"configuration {k.id} has {len(k.members)} member(s), missing {absent}")
    return problems, len(audit)


def verify(project_path: Path | str, base: Baseline, ledger: Ledger) -> Verdict:
    """Every acknowledged change is in the store with its audit entry; nothing unacknowledged is half-visible."""
    verdict = Verdict()
    verdict.half_written, verdict.audit_rows = consistency(project_path, base)
    with Project.open(project_path, read_only=True) as p:
        codings = {c.id: coding_version(c) for c in p.codings()}
        from cmo_coder.web.config_changes import version as config_version

        configs = {c.id: (config_version(c), tuple(sorted(m.coding_id for m in c.members)))
                   for c in p.configurations()}
        audited = Counter((a["action"], a["entity"], a["entity_id"]) for a in p.audit_log()
                          if a["seq"] > base.audit_seq)
    uncertain = {target for _kind, target in ledger.in_flight if target}
    by_coding: dict[str, list[Ack]] = defaultdict(list)
    for a in ledger.acks:
        if a.entity == "coding":
            by_coding[a.id].append(a)
    audit_action = {"add": "add", "edit": "edit", "memo": "edit", "shared edit": "edit", "delete": "remove"}
    for coding_id, acks in by_coding.items():
        needed = Counter(audit_action[a.kind] for a in acks)
        for action, n in needed.items():
            if audited[action, "coding", coding_id] < n:
                verdict.lost.append(f"coding {coding_id}: {n} acknowledged {action}(s), "
                                    f"{audited[action, 'coding', coding_id]} audit entries")
        successors: dict[str | None, list[str | None]] = defaultdict(list)
        for a in acks:
            if a.kind in ("edit", "memo", "shared edit"):
                successors[a.seen].append(a.version)
        for seen, made in successors.items():
            if len(made) > 1:
                verdict.lost.append(f"coding {coding_id}: {len(made)} acknowledged edits made from one version "
                                    f"{seen} (one overwrote the other)")
        # a coding's id is a hash of its content (span, code, stance, coder), so a coder who deletes a coding
        # and codes the same span the same way again gets the same id back: only the acknowledgements since
        # the last delete describe what must be stored now (one coder's own add/delete come in order)
        last_delete = max((i for i, a in enumerate(acks) if a.kind == "delete"), default=-1)
        life = acks[last_delete + 1:]
        deleted = last_delete >= 0 and not any(a.kind == "add" for a in life)
        if deleted:
            if coding_id in codings:
                verdict.lost.append(f"coding {coding_id}: an acknowledged delete, but it is still stored")
            continue
        if coding_id not in codings:
            if coding_id in uncertain:
                verdict.unverifiable += 1
            else:
                verdict.lost.append(f"coding {coding_id}: acknowledged, not stored")
            continue
        version = next((a.version for a in life if a.kind == "add"), None)
        while version in successors and successors[version]:
            version = successors[version][0]
        if version is not None and codings[coding_id] != version:
            if coding_id in uncertain:
                verdict.unverifiable += 1
            else:
                verdict.lost.append(f"coding {coding_id}: stored at a version that no acknowledged change left "
                                    "last (an acknowledged edit was lost)")
    for a in ledger.acks:
        if a.entity != "configuration":
            continue
        stored = configs.get(a.id)
        if stored is None or stored[1] != a.members:
            verdict.lost.append(f"configuration {a.id}: acknowledged, not stored as linked")
        elif audited["add", "configuration", a.id] < 1:
            verdict.lost.append(f"configuration {a.id}: stored without its audit entry")
    if verdict.audit_rows > len(ledger.acks) + len(ledger.in_flight):
        verdict.half_written.append(f"{verdict.audit_rows} audit entries since the start, but only "
                                    f"{len(ledger.acks)} acknowledged and {len(ledger.in_flight)} unanswered "
                                    "changes: a refused change was written")
    return verdict


# -- running it ---------------------------------------------------------------------------------------


@dataclass
class Report:
    engine: str
    coders: int
    seconds: float
    ledger: Ledger
    verdict: Verdict
    killed: bool
    checks: list[str]
    accounts: bool = False

    @property
    def lost_writes(self) -> int:
        return len(self.verdict.lost)

    def table(self) -> str:
        outcomes = self.ledger.outcomes
        answered = sum(n for (_k, o), n in outcomes.items() if o != "no answer")
        acked = sum(n for (_k, o), n in outcomes.items() if o == "ok")
        mode = ("accounts: each coder signed in as its own user" if self.accounts
                else "token mode: one shared session")
        lines = [f"{self.engine}: {self.coders} coders for {self.seconds:.0f} s of serving ({mode})"
                 + (" (server SIGKILLed half-way and restarted)" if self.killed else ""),
                 f"  {answered / self.seconds:,.1f} requests/s answered, {acked / self.seconds:,.1f} changes/s "
                 f"acknowledged",
                 f"  {'operation':<12}{'n':>7}{'ok':>7}{'409':>6}{'400':>6}{'403':>6}{'other':>7}{'p50 ms':>9}"
                 f"{'p95 ms':>9}"]
        for kind in KINDS:
            ms = self.ledger.latencies.get(kind, [])
            n = sum(v for (k, _o), v in outcomes.items() if k == kind)
            other = n - sum(outcomes[kind, o] for o in EXPECTED)
            p50 = f"{statistics.median(ms):9.1f}" if ms else f"{'-':>9}"
            p95 = f"{pct(ms, 95):9.1f}" if ms else f"{'-':>9}"
            lines.append(f"  {kind:<12}{n:>7}{outcomes[kind, 'ok']:>7}{outcomes[kind, 'conflict (409)']:>6}"
                         f"{outcomes[kind, 'refused (400)']:>6}{outcomes[kind, 'refused (403)']:>6}{other:>7}"
                         f"{p50}{p95}")
        errors: Counter[str] = Counter()
        for (_k, o), n in outcomes.items():
            if o not in EXPECTED:
                errors[o] += n
        lines.append("  expected: " + f"{sum(outcomes[k, 'conflict (409)'] for k in KINDS)} conflicts (409, two "
                     f"coders on one coding), {sum(outcomes[k, 'refused (400)'] for k in KINDS)} refusals (400), "
                     f"{sum(outcomes[k, 'refused (403)'] for k in KINDS)} refusals by role (403: with accounts "
                     "a coder may not change another coder's coding, so every 'shared edit' is one)")
        lines.append("  errors: " + (", ".join(f"{n} {o}" for o, n in sorted(errors.items())) or "none"))
        if self.ledger.retries:
            lines.append("  retried: " + ", ".join(f"{n} × {why}" for why, n in sorted(self.ledger.retries.items())))
        lines.append(f"  lost writes: {self.lost_writes}   half-written changes visible: "
                     f"{len(self.verdict.half_written)}   in flight when the server died (either outcome is "
                     f"correct): {len(self.ledger.in_flight)}")
        for problem in (self.verdict.lost + self.verdict.half_written)[:20]:
            lines.append(f"    ! {problem}")
        lines += [f"  {c}" for c in self.checks]
        return "\n".join(lines)


def split_turns(transcript: Transcript, coders: int) -> list[list[int]]:
    """Each coder's own turns (every ``coders``-th): different spans of one transcript, coded at once."""
    return [list(range(i, len(transcript.turns), coders)) for i in range(coders)]


@contextmanager
def serving(project: Path | str, log: Path | None, accounts: bool) -> Iterator[ServeProcess]:
    server = ServeProcess(project, log=log, accounts=accounts)
    try:
        yield server
    finally:
        server.kill()


def cli(args: Sequence[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "cmo_coder", *args], input=stdin, capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300, check=False)


def cli_check(args: Sequence[str]) -> str:
    """A command on the project after the run; its first line, or why it failed."""
    r = cli(args)
    first = (r.stdout or r.stderr).strip().splitlines()
    return f"exit {r.returncode}: {first[0] if first else ''}"


def cli_must(args: Sequence[str], stdin: str | None = None) -> None:
    """A setup command that must work (the benchmark stops with its one-line error otherwise)."""
    r = cli(args, stdin)
    if r.returncode != 0:
        raise RuntimeError(f"cmo-coder {args[0]} {args[1] if len(args) > 1 else ''} failed: "
                           f"{(r.stderr or r.stdout).strip()[-500:]}")


def add_users(project: Path | str, coders: int) -> list[tuple[str, str]]:
    """One account (role coder) per simulated coder, made with ``users add --password-stdin``; names and
    passwords. The commands run side by side (each hashes its password first, then writes briefly)."""
    team = [(f"coder{i:02d}", secrets.token_urlsafe(18)) for i in range(coders)]
    procs = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name, _password in team:
        procs.append(subprocess.Popen([sys.executable, "-m", "cmo_coder", "users", "add", str(project), name,
                                       "--role", "coder", "--password-stdin"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT))
    failed = []
    for (name, password), proc in zip(team, procs, strict=True):
        _out, err = proc.communicate(password + "\n", timeout=300)
        if proc.returncode != 0:
            failed.append(f"{name}: {err.strip()[-300:]}")
    if failed:
        raise RuntimeError("users add failed: " + "; ".join(failed))
    return team


def run(project: Path | str, workdir: Path, *, coders: int, seconds: float, kill: bool, seed: int,
        log: Path | None = None, engine: str = "SQLite", accounts: bool = False) -> Report:
    """Serve ``project`` (a folder or a database URL), let ``coders`` code for ``seconds`` (killing the server
    half-way with ``kill``), check. With ``accounts`` each coder is a user of its own, signed in with its own
    session; otherwise they share the one session the one-time link opens."""
    with Project.open(project, read_only=True) as p:
        transcript = p.transcript(TID)
        theories = [(pt.id, [e.id for e in pt.elements if e.component is not None])
                    for pt in p.codebook.programme_theories]
    team_accounts = add_users(project, coders) if accounts else []
    base = baseline(project)
    ledger, stop, checks = Ledger(), threading.Event(), []
    rng = random.Random(seed)
    with serving(project, log, accounts) as server:
        sessions: list[Session]
        if accounts:
            sessions = [UserSession(server, name, password) for name, password in team_accounts]
        else:
            sessions = [SharedSession(server)] * coders
        turns = split_turns(transcript, coders)
        team = [Coder(i, sessions[i], ledger, transcript, turns[i], rng.sample(theories, 2), stop, seed * 1000 + i)
                for i in range(coders)]
        t0 = time.monotonic()
        downtime = 0.0
        for c in team:
            c.start()
        try:
            if kill:  # half the time before the kill, half after the restart, however long that took
                stop.wait(seconds / 2)
                killed_at = time.monotonic()
                server.kill()
                down, _ = consistency(project, base)
                checks.append("while the server was down: " + ("nothing half-written visible" if not down
                                                               else f"{len(down)} half-written: {down[:3]}"))
                server.restart()
                downtime = time.monotonic() - killed_at
                checks.append(f"down for {downtime:.1f} s (the check above and a fresh start of the server)")
            stop.wait(seconds / 2 if kill else seconds)
        finally:
            stop.set()
            for c in team:
                c.join(timeout=REQUEST_TIMEOUT + 10)
        elapsed = time.monotonic() - t0 - downtime
    failures = [f"{c.name}: {c.failure!r}" for c in team if c.failure is not None]
    if failures:
        raise RuntimeError("a simulated coder failed: " + "; ".join(failures))
    verdict = verify(project, base, ledger)
    if kill:
        checks.append(f"status after the restart: {cli_check(['status', str(project)])}")
        secure = workdir / "secure"
        SecureFolder.open(secure, project_path=parse(project), create=True)
        checks.append(f"leakcheck after the restart: {cli_check(['leakcheck', str(project), '--secure', str(secure)])}")
    return Report(engine, coders, elapsed, ledger, verdict, kill, checks, accounts)


def give_up(after: float) -> None:
    """The global timeout: kill every server, then interrupt the main thread (its ``finally`` blocks run)."""
    print(f"team load: still running after {after:.0f} s; stopping", file=sys.stderr)
    for server in list(LIVE):
        server.kill()
    _thread.interrupt_main()


def postgres_cluster() -> Any:
    """A throwaway PostgreSQL on loopback (the tests' :mod:`tests.pg_cluster`); stopped by the caller and at exit."""
    from tests.pg_cluster import PgCluster, find_binaries

    binaries = find_binaries()
    if binaries is None:
        raise RuntimeError("--engine postgresql needs the PostgreSQL server binaries (initdb, pg_ctl); none found")
    return PgCluster(binaries)


def run_engine(engine: str, args: argparse.Namespace, cluster: Any = None) -> Report:
    """Build the project, put it where ``engine`` keeps it (PostgreSQL: ``db copy`` into a fresh database of a
    throwaway cluster, or of ``cluster`` when the caller has one running), and run the coders against it."""
    accounts = args.accounts if args.accounts is not None else engine == "postgresql"
    with tempfile.TemporaryDirectory(prefix="team-load-") as tmp:
        t0 = time.perf_counter()
        folder = Path(tmp) / "study"
        project = build(folder, args.words, args.codings, random.Random(args.seed))
        project.close()
        print(f"{engine}: project: {args.words:,} words, {args.codings:,} codings (built in "
              f"{time.perf_counter() - t0:.1f} s); machine: {os.cpu_count()} CPUs, load average "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
        if engine == "sqlite":
            return run(folder, Path(tmp), coders=args.coders, seconds=args.seconds, kill=args.kill, seed=args.seed,
                       log=Path(tmp) / "serve.log", engine="SQLite", accounts=accounts)
        own = cluster is None
        if own:
            cluster = postgres_cluster()
        url = cluster.new_database("teamload")
        try:
            cli_must(["db", "copy", str(folder), url])
            return run(url, Path(tmp), coders=args.coders, seconds=args.seconds, kill=args.kill, seed=args.seed,
                       log=Path(tmp) / "serve.log", engine="PostgreSQL", accounts=accounts)
        finally:
            if own:
                cluster.stop()
            else:
                cluster.drop_database(url)


def main(argv: Sequence[str] | None = None, cluster: Any = None) -> list[Report]:
    """Run the benchmark; ``cluster`` is a running throwaway PostgreSQL to use instead of starting one."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both",
                    help="Where the project is kept (default both, one run after the other).")
    ap.add_argument("--seconds", type=float, default=60.0, help="How long the coders code (default 60).")
    ap.add_argument("--coders", type=int, default=20)
    ap.add_argument("--words", type=int, default=20_000)
    ap.add_argument("--codings", type=int, default=1_000, help="Codings in the project before the coders start.")
    ap.add_argument("--kill", action="store_true", help="SIGKILL the server half-way and restart it.")
    ap.add_argument("--accounts", action=argparse.BooleanOptionalAction, default=None,
                    help="One user per coder, each signed in with its own session (default: on for PostgreSQL, "
                         "off for SQLite, where the coders share the one-time link's session).")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--timeout", type=float, default=None,
                    help="Give up (and kill everything) after this many seconds (default: 3 × --seconds + 300 "
                         "per engine).")
    ap.add_argument("--json", dest="as_json", action="store_true", help="Also print the figures as JSON.")
    args = ap.parse_args(argv)
    engines = ["sqlite", "postgresql"] if args.engine == "both" else [args.engine]
    timeout = args.timeout or (3 * args.seconds + 300) * len(engines)
    watchdog = threading.Timer(timeout, give_up, args=(timeout,))
    watchdog.daemon = True
    watchdog.start()
    reports = []
    try:
        for engine in engines:
            report = run_engine(engine, args, cluster)
            print(report.table(), flush=True)
            reports.append(report)
    finally:
        watchdog.cancel()
        for server in list(LIVE):
            server.kill()
    if args.as_json:
        print(json.dumps([{"engine": r.engine, "accounts": r.accounts, "killed": r.killed, "seconds": r.seconds,
                           "lost_writes": r.lost_writes, "half_written": len(r.verdict.half_written),
                           "outcomes": {f"{k} {o}": n for (k, o), n in sorted(r.ledger.outcomes.items())}}
                          for r in reports], indent=1))
    return reports


if __name__ == "__main__":
    reports = main()
    sys.exit(0 if all(r.verdict.ok for r in reports) else 1)
