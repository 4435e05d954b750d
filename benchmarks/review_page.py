"""The anonymisation review's transcript page on a long transcript: its size and its time to first draw.

A two-hour focus group is 2,000 turns or more, 30,000 words and hundreds of proposals. The script writes one
(invented: eight registered members who name each other, an unregistered doctor, two wards, everyday words that
are registered names), anonymises it with the rules alone, serves the workbench on a loopback port and opens the
transcript's review page in Debian's chromium (Playwright) several times, printing for the page as first opened:

- its HTML size, the turns and marked stretches it draws, and the server's time to answer;
- the browser's first contentful paint and DOMContentLoaded, from the Navigation and Paint Timing APIs;
- before those, the server's time for each request one reviewer makes in turn: the page first opened (nothing
  read yet), opened again, a page turned to, a decision, the page it reloads to, the index, the index filtered.

Run it with the checkout to measure first on ``PYTHONPATH`` (``PYTHONPATH=. python benchmarks/review_page.py``;
the base's figures come from the same script with the base's package). It prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from cmo_coder import codebook as codebook_io
from cmo_coder.model import Transcript, Turn
from cmo_coder.model.key import KeyEntry, ParticipantKey
from cmo_coder.store import Project
from cmo_coder.store.atomic import write_text
from cmo_coder.store.secure import SecureFolder

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
MEMBERS = [("P1", "Dawn Price"), ("P2", "Sam Reid"), ("P3", "Will Tarrant"), ("P4", "Grace Mbeki"),
           ("P5", "Rob Hallam"), ("P6", "Faith Osei"), ("P7", "Joy Barker"), ("P8", "Mark Lindqvist")]
#: what the members say, in turn; "{n}" is another member's first name
LINES = [
    "I think what {n} said about the waiting list is right, it took months before anyone rang me back.",
    "The group on a Tuesday was the first place I felt somebody listened to me properly.",
    "When I was on Ravensholme ward the nurses were kind but nobody explained the tablets to me.",
    "Dr Quennell was the one who finally sat down with my mum and went through the plan with us both.",
    "I will be honest, I nearly stopped coming after the second week because of the bus times.",
    "My sister drove me to the Larkfield Unit every Friday until she moved away last spring.",
    "We should tell them the evening sessions work better for people who have jobs or children.",
    "There is no joy in being passed from one service to another and telling your story each time.",
    "I agree with {n}, the peer worker made the difference because she had been through it herself.",
    "It would help to mark your calendar with the dates so nobody misses the review meeting.",
]


def write_study(root: Path, turns: int) -> tuple[Path, Path, str, int]:
    """A project with one pending focus group of ``turns`` turns (raw copy and register in the secure folder)."""
    project_path = root / "study"
    project = Project.create(project_path, codebook_io.load(REPO / "codebooks" / "tiny.yaml"), actor="bench")
    secure = SecureFolder.open(root / "secure", create=True)
    secure.save_participant_key(ParticipantKey(entries=[
        KeyEntry(label=label, name=name, role="service_user", site="A") for label, name in MEMBERS]))
    parts: list[str] = []
    model_turns: list[Turn] = []
    offset = 0
    for i in range(turns):
        label, name = MEMBERS[i % len(MEMBERS)]
        other = MEMBERS[(i * 3 + 1) % len(MEMBERS)][1].split()[0]
        said = LINES[(i * 7) % len(LINES)].format(n=other)
        if i:
            parts.append("\n\n")
            offset += 2
        model_turns.append(Turn(speaker=label, speaker_name=name, start=offset, end=offset + len(said)))
        parts.append(said)
        offset += len(said)
    text = "".join(parts)

    tid = "focus-group-long"
    t = Transcript(id=tid, title="Focus group", source_format="plain_txt", text=text, turns=model_turns,
                   source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="bench")
    write_text(secure.raw / f"{tid}.json", t.model_dump_json())
    with project.transaction("bench") as tx:
        tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, t.normaliser_version)
    project.close()
    from click.testing import CliRunner

    from cmo_coder.cli.main import cli

    r = CliRunner().invoke(cli, ["anonymise", str(project_path), "--secure", str(secure.path), "--rules-only"])
    if r.exit_code != 0:
        raise SystemExit(r.output)
    return project_path, secure.path, tid, len(text.split())


class Served:
    """The workbench on uvicorn in a thread, on a free loopback port (as the browser tests serve it)."""

    def __init__(self, project: Path, secure: Path) -> None:
        import uvicorn

        from cmo_coder.web.app import create_app
        from cmo_coder.web.server import bind
        from cmo_coder.web.state import Workbench

        self.bench = Workbench(project, "reviewer", secure)
        self.sock = bind("127.0.0.1", 0)
        self.port = self.sock.getsockname()[1]
        app = create_app(self.bench, host="127.0.0.1", port=self.port)
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        while not self.server.started:
            time.sleep(0.02)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}?token={self.bench.sessions.issue_token()}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


def _timed(opener: urllib.request.OpenerDirector, url: str, body: dict[str, Any] | None = None,
           csrf: str = "") -> tuple[float, bytes]:
    started = time.perf_counter()
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body is not None else None,
                                     headers={"content-type": "application/json", "x-csrf-token": csrf})
    with opener.open(request) as reply:
        got = reply.read()
    return time.perf_counter() - started, got


def server_times(served: Served, tid: str, turns: int) -> dict[str, float]:
    """The server's answer, in seconds, to each request a reviewer makes in turn: the transcript's page first
    opened (nothing read yet), opened again, another page turned to, one decision, the page it reloads to, the
    index, and the index filtered to the undecided places."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())  # the token opens a session
    out: dict[str, float] = {}
    out["first"], html = _timed(opener, served.url(f"/secure/review/{tid}"))
    base = f"http://127.0.0.1:{served.port}"
    out["again"], _ = _timed(opener, f"{base}/secure/review/{tid}")
    last = max(1, turns // 60)
    out["turned"], _ = _timed(opener, f"{base}/secure/review/{tid}?page={last}")
    text = html.decode()
    data = json.loads(re.search(r'id="page-data">(.*?)</script>', text, re.S)[1])  # type: ignore[index]
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', text)[1]  # type: ignore[index]
    o = next(o for o in data["occurrences"] if o["decision"] is None)
    out["decide"], _ = _timed(opener, f"http://127.0.0.1:{served.port}/secure/api/decide",
                              {"kind": "occurrence", "decision": "accept", "id": o["id"], "version": o["version"],
                               "group_version": o["group_version"]}, csrf)
    out["reloaded"], _ = _timed(opener, f"http://127.0.0.1:{served.port}/secure/review/{tid}")
    out["index"], index = _timed(opener, f"http://127.0.0.1:{served.port}/secure/review")
    out["index_kib"] = len(index) / 1024 / 1000  # printed as KiB (the table prints thousandths)
    out["index_rows"] = index.decode().count('class="decidable"') / 1000
    out["index_filtered"], _ = _timed(opener, f"http://127.0.0.1:{served.port}/secure/review?show=undecided&sort=first")
    return out


def measure(served: Served, tid: str, runs: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    size, answered = [], []
    for _ in range(runs):
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())  # the token opens a session
        started = time.perf_counter()
        with opener.open(served.url(f"/secure/review/{tid}")) as reply:
            size.append(len(reply.read()))
        answered.append(time.perf_counter() - started)
    paints, loaded, drawn = [], [], {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(served.url(f"/secure/review/{tid}"), timeout=120_000)
            # a page that answers fast can be asked before its first paint is recorded: wait for the entry
            timing = page.evaluate("""() => new Promise((done) => {
                const nav = performance.getEntriesByType('navigation')[0];
                const answer = (fcp) => done({fcp: fcp ? fcp.startTime : null, dcl: nav.domContentLoadedEventEnd});
                new PerformanceObserver((list) => {
                    const fcp = list.getEntriesByName('first-contentful-paint')[0];
                    if (fcp) answer(fcp);
                }).observe({type: 'paint', buffered: true});
                setTimeout(() => answer(performance.getEntriesByName('first-contentful-paint')[0]), 10000);
            })""")
            paints.append(timing["fcp"])
            loaded.append(timing["dcl"])
            drawn = {"turns": page.locator("#reader .review-turn").count(),
                     "marks": page.locator("#reader .prop").count()}
            page.close()
        browser.close()
    return {"bytes": statistics.median(size), "answer_s": statistics.median(answered),
            "fcp_ms": statistics.median(p for p in paints if p is not None), "dcl_ms": statistics.median(loaded),
            **drawn}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--turns", type=int, default=2200, help="turns of the generated focus group (default 2200)")
    ap.add_argument("--runs", type=int, default=3, help="page loads measured; the median is printed (default 3)")
    args = ap.parse_args()
    import cmo_coder

    with tempfile.TemporaryDirectory() as tmp:
        project, secure, tid, words = write_study(Path(tmp), args.turns)
        from cmo_coder.anonymise import review as rv

        ps = rv.load_proposals(SecureFolder.open(secure), tid)
        served = Served(project, secure)
        try:
            steps = server_times(served, tid, args.turns)
            got = measure(served, tid, args.runs)
        finally:
            served.stop()
    print(f"package: {Path(cmo_coder.__file__).parent}")
    print(f"transcript: {args.turns} turns, {words} words, {len(ps.proposals)} proposals")
    print(f"page as first opened: {got['bytes'] / 1024:.0f} KiB of HTML, {got['turns']} turns and "
          f"{got['marks']} marked stretches drawn")
    kib, rows = steps.pop("index_kib") * 1000, steps.pop("index_rows") * 1000
    print("server, one reviewer in turn: " + "; ".join(
        f"{name.replace('_', ' ')} {seconds * 1000:.0f} ms" for name, seconds in steps.items()))
    print(f"index as first opened: {kib:.0f} KiB of HTML, {rows:.0f} rows to decide")
    print(f"server answer {got['answer_s'] * 1000:.0f} ms; first contentful paint {got['fcp_ms']:.0f} ms; "
          f"DOMContentLoaded {got['dcl_ms']:.0f} ms (medians of {args.runs})")


if __name__ == "__main__":
    main()
