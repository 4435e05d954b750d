"""Workbench figures: reader render time, coding round trip and page weight, against the CLI doing the same coding.

Run from the repository root: ``.venv/bin/python benchmarks/workbench.py [--words 20000] [--codings 1000]``.
A generated transcript of ``--words`` words in speaker turns carries ``--codings`` codings (all PTs
and components of the ``reco`` codebook) and some CMOCs. The app runs on a real uvicorn on
loopback and is driven over HTTP with the session cookie and CSRF token, as a browser would;
times are client-side round trips (server work plus loopback transfer). The CLI codes the same
kind of span with ``code add --span`` both as a subprocess (what a coder typing commands waits
for) and in-process (the service alone, without Python's start-up).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from cmo_coder import codebook as codebook_io  # noqa: E402
from cmo_coder.coding import service  # noqa: E402
from cmo_coder.errors import ValidationFailed  # noqa: E402
from cmo_coder.model import CHAIN, Coding, Participant, Transcript, Turn  # noqa: E402
from cmo_coder.store import Project  # noqa: E402
from cmo_coder.web.app import create_app  # noqa: E402
from cmo_coder.web.server import bind  # noqa: E402
from cmo_coder.web.state import Workbench  # noqa: E402

WORDS = (
    "staff", "felt", "supported", "to", "engage", "people", "with", "co-occurring", "needs", "when", "services",
    "shared", "assessment", "and", "training", "so", "that", "clients", "stayed", "in", "treatment", "carers",
    "were", "listened", "the", "team", "had", "a", "plan", "for", "every", "visit", "we", "talked", "about", "it",
)
TID = "long-interview"
STATIC = ("/static/workbench.css", "/static/common.js", "/static/reader.js", "/static/configurations.js",
          "/static/favicon.svg")


def _transcript(words: int, rng: random.Random) -> Transcript:
    parts, turns, offset, said_total, k = [], [], 0, 0, 0
    while said_total < words:
        n = min(rng.randint(40, 160), words - said_total)
        said = " ".join(rng.choice(WORDS) for _ in range(n)) + "."
        if k:
            parts.append("\n\n")
            offset += 2
        turns.append(Turn(speaker="SP1" if k % 2 == 0 else "P1", start=offset, end=offset + len(said)))
        parts.append(said)
        offset += len(said)
        said_total += n
        k += 1
    text = "".join(parts)
    return Transcript(id=TID, title="A long interview", source_format="plain_txt", text=text, turns=turns,
                      source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="bench")


def _word_span(t: Transcript, rng: random.Random, words: tuple[int, int] = (3, 25)) -> tuple[int, int]:
    """A span of whole words inside one turn, as the page's snapping produces."""
    turn = rng.choice(t.turns)
    bounds = [(m.start() + turn.start, m.end() + turn.start) for m in re.finditer(r"\S+", t.text[turn.start:turn.end])]
    n = rng.randint(*words)
    i = rng.randrange(0, max(1, len(bounds) - n))
    return bounds[i][0], bounds[min(i + n, len(bounds)) - 1][1]


def build(path: Path, words: int, codings: int, rng: random.Random) -> Project:
    project = Project.create(path, codebook_io.load("reco"), actor="bench")
    t = _transcript(words, rng)
    theories = project.codebook.programme_theories
    with project.transaction("bench") as tx:
        tx.upsert_participant(Participant(label="SP1", role="staff", site="A"))
        tx.upsert_participant(Participant(label="P1", role="service_user", site="A"))
        tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, t.normaliser_version)
        tx.sign_off_transcript(t)
        made: list[Coding] = []
        seen: set[str] = set()
        while len(made) < codings:
            start, end = _word_span(t, rng)
            pt = rng.choice(theories)
            element = rng.choice(pt.elements)
            stance = rng.choice(["supports", "supports", "refutes", "refines"])
            coder = rng.choice(["ann", "ben"])
            cid = service.coding_id(TID, start, end, pt.id, element.component, element.id,
                                    service._stance(stance), coder)
            if cid in seen:
                continue
            seen.add(cid)
            c = Coding(id=cid, transcript_id=TID, start=start, end=end, text=t.text[start:end], pt=pt.id,
                       element=element.id, stance=stance, coder=coder,
                       memo="memo " + " ".join(rng.choice(WORDS) for _ in range(8)) if rng.random() < 0.2 else None)
            try:
                made.append(tx.add_coding(c))
            except ValidationFailed:  # overlaps the same coder's same code: draw again
                continue
    # CMOCs: for a share of PTs, one coding per component
    for pt in theories:
        mine = {comp: [c for c in made if c.pt == pt.id and c.component is comp] for comp in CHAIN}
        for n in range(5):
            members = [(rng.choice(v).id, comp) for comp, v in mine.items() if v]
            if len(members) >= 2:
                service.add_configuration(project, pt=pt.id, members=members, name=f"{pt.id} chain {n}",
                                          judgement=rng.choice(["confirm", "refute", "refine"]), coder="ann")
    return project


def sign_in(client: httpx.Client, token: str) -> str:
    """Spend a one-time ``token`` as a browser does (the session cookie lands in ``client``); the page's CSRF token."""
    page = client.get(f"/?token={token}", follow_redirects=True)
    page.raise_for_status()
    csrf = re.search(r'<meta name="csrf-token" content="([^"]+)">', page.text)
    assert csrf, "no CSRF token on the page"
    return csrf[1]


class Server:
    def __init__(self, bench: Workbench) -> None:
        import uvicorn

        self.sock = bind("127.0.0.1", 0)
        self.port = self.sock.getsockname()[1]
        self.bench = bench
        app = create_app(bench, host="127.0.0.1", port=self.port)
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        while not self.server.started:
            time.sleep(0.01)

    def client(self) -> tuple[httpx.Client, str]:
        client = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=60)
        return client, sign_in(client, self.bench.sessions.issue_token())

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


def timed(fn: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pct(ms: list[float], p: float) -> float:
    ordered = sorted(ms)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def line(label: str, ms: list[float]) -> str:
    return (f"{label:<46} p50 {statistics.median(ms):8.1f} ms   p95 {pct(ms, 95):8.1f} ms   "
            f"(n={len(ms)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=20_000)
    ap.add_argument("--codings", type=int, default=1_000)
    ap.add_argument("--renders", type=int, default=30)
    ap.add_argument("--adds", type=int, default=200)
    ap.add_argument("--cli-runs", type=int, default=10)
    args = ap.parse_args()
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        project = build(Path(tmp) / "study", args.words, args.codings, rng)
        text = project.transcript(TID).text
        transcript = project.transcript(TID)
        n_words = len(text.split())
        n_configs = len(project.configurations())
        project.close()
        print(f"project: {n_words:,} words in {len(transcript.turns)} turns, {args.codings:,} codings, "
              f"{n_configs} CMOCs (built in {time.perf_counter() - t0:.1f} s)")
        server = Server(Workbench(Path(tmp) / "study", "carol"))
        try:
            client, csrf = server.client()
            headers = {"x-csrf-token": csrf}

            # -- page weight -------------------------------------------------------------------
            html = client.get(f"/transcripts/{TID}").content
            assets = sum(len(client.get(path).content) for path in STATIC)
            text_bytes = len(text.encode())
            data = re.search(rb'id="page-data">(.*?)</script>', html, re.S)
            assert data, "no page data on the reader"
            assert text.encode() not in data[1], "the transcript text is in the page data"
            print(f"reader page: HTML {len(html) / 1024:,.0f} KB + scripts, style and icon {assets / 1024:,.0f} KB")
            print(f"  the transcript text is {text_bytes / 1024:,.0f} KB, sent once (the reading view); the page "
                  f"data (codings without quotes, codebook) is {len(data[1]) / 1024:,.0f} KB")
            weight = len(html) + assets - text_bytes
            print(f"  page weight before the transcript text: {weight / 1024:,.0f} KB (goal < 300 KB)")
            print(f"  gzip would make the HTML {len(gzip.compress(html)) / 1024:,.0f} KB, text included (the app does "
                  "not compress: its pages carry the CSRF token beside text a request can choose)")

            # -- server times ------------------------------------------------------------------
            print()
            print(line("render the reader (GET /transcripts/ID)",
                       timed(lambda: client.get(f"/transcripts/{TID}").raise_for_status(), args.renders)))
            spans = [_word_span(transcript, rng) for _ in range(args.adds)]
            theories = [(pt.id, pt.elements) for pt in codebook_io.load("reco").programme_theories]
            it = iter(spans)
            refused: list[str] = []

            def add() -> None:
                start, end = next(it)
                pt, elements = rng.choice(theories)
                r = client.post("/api/codings", headers=headers, json={
                    "transcript": TID, "start": start, "end": end, "pt": pt, "element": rng.choice(elements).id,
                    "stance": "supports", "memo": "from the benchmark"})
                if r.status_code == 400:  # a random span overlapping the same code: refused, as in the CLI
                    refused.append(r.json()["error"])
                elif r.status_code != 201:
                    raise SystemExit(f"coding failed: {r.status_code} {r.text}")

            add_ms = timed(add, args.adds)
            verdict = "met" if pct(add_ms, 95) < 100 else "NOT met"
            print(line("code a span (POST /api/codings)", add_ms) + f"   goal p95 < 100 ms: {verdict}")
            if refused:
                print(f"  ({len(refused)} of {args.adds} random spans refused as overlapping the same code)")
            print(line("list a transcript's codings (GET /api/codings)",
                       timed(lambda: client.get("/api/codings", params={"transcript": TID}).raise_for_status(), 10)))
            print(line("configurations page (GET /configurations?pt=PT3)",
                       timed(lambda: client.get("/configurations?pt=PT3").raise_for_status(), 10)))
            print(line("programme theory page, first (draws the figure)",
                       timed(lambda: client.get("/pts/PT3").raise_for_status(), 1)))
            print(line("programme theory page, figure cached",
                       timed(lambda: client.get("/pts/PT3?stance=refutes").raise_for_status(), 10)))
            quote = " ".join(text[spans[0][0]:spans[0][1]].split()[:8])
            print(line("which PT? (POST /api/which-pt)",
                       timed(lambda: client.post("/api/which-pt", headers=headers,
                                                 json={"quote": quote}).raise_for_status(), 10)))
            client.close()
        finally:
            server.stop()

        # -- the CLI doing the same coding ----------------------------------------------------
        from click.testing import CliRunner

        from cmo_coder.cli.main import cli

        path = str(Path(tmp) / "study")
        cli_spans = iter([_word_span(transcript, rng) for _ in range(args.cli_runs + 100)])

        def args_for() -> list[str]:
            start, end = next(cli_spans)
            return ["code", "add", path, TID, "--span", f"{start}:{end}", "--pt", "PT3", "--component", "outcome",
                    "--memo", "from the benchmark", "--coder", "carol"]

        exe = [sys.executable, "-m", "cmo_coder"]
        print()
        print(line("CLI code add --span, as a subprocess",
                   timed(lambda: subprocess.run([*exe, *args_for()], check=False, capture_output=True,
                                                cwd=ROOT), args.cli_runs)))
        runner = CliRunner()
        print(line("CLI code add --span, in-process", timed(lambda: runner.invoke(cli, args_for()), 100)))


if __name__ == "__main__":
    main()
