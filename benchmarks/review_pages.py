"""Workbench review pages: server time to render the suggestion queue and the anonymisation review,
and the round trip of accepting a suggestion, against the CLI doing the same acceptance.

Run from the repository root: ``.venv/bin/python benchmarks/review_pages.py [--words 20000]``.
The transcript is synthetic (turns of everyday words); suggestions are one per sentence, queued
as ``suggest`` queues them; the anonymisation review reads a pending transcript naming the key's
people every few sentences, with the anonymiser's rules-only proposals.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from click.testing import CliRunner  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from cmo_coder import codebook as codebook_io  # noqa: E402
from cmo_coder.cli.main import cli  # noqa: E402
from cmo_coder.model import Component, Participant, Transcript, Turn  # noqa: E402
from cmo_coder.model.key import KeyEntry, ParticipantKey  # noqa: E402
from cmo_coder.store import Project  # noqa: E402
from cmo_coder.store.atomic import write_text  # noqa: E402
from cmo_coder.store.secure import SecureFolder  # noqa: E402
from cmo_coder.suggest import queue  # noqa: E402
from cmo_coder.suggest.records import Reason, Suggestion  # noqa: E402
from cmo_coder.web.app import create_app  # noqa: E402
from cmo_coder.web.state import Workbench  # noqa: E402

WORDS = ("staff", "felt", "supported", "to", "engage", "people", "with", "needs", "when", "services", "shared",
         "assessment", "and", "training", "so", "that", "clients", "stayed", "in", "treatment", "carers", "were")
NAMES = ("Margaret", "Okafor", "Quennell", "Ravensholme")


def _text(words: int, rng: random.Random, names: bool) -> tuple[str, list[Turn], list[tuple[int, int]]]:
    parts, turns, sentences, offset, made = [], [], [], 0, 0
    while made < words:
        said_parts = []
        at = offset
        for _ in range(rng.randint(3, 6)):
            n = rng.randint(8, 16)
            ws = [rng.choice(WORDS) for _ in range(n)]
            if names and rng.random() < 0.3:
                ws[rng.randrange(n)] = rng.choice(NAMES)
            sentence = " ".join(ws).capitalize() + "."
            if said_parts:
                at += 1
            sentences.append((at, at + len(sentence)))
            at += len(sentence)
            said_parts.append(sentence)
            made += n
        said = " ".join(said_parts)
        if parts:
            parts.append("\n\n")
            offset += 2
            sentences[-len(said_parts):] = [(a + 2, b + 2) for a, b in sentences[-len(said_parts):]]
        speaker = "SP1" if len(turns) % 2 == 0 else "P1"
        turns.append(Turn(speaker=speaker, start=offset, end=offset + len(said)))
        parts.append(said)
        offset += len(said)
    return "".join(parts), turns, sentences


def _p(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))]


def _signed_in(bench: Workbench) -> tuple[TestClient, str]:
    client = TestClient(create_app(bench, host="testserver", port=None), base_url="http://testserver")
    client.get(f"/?token={bench.sessions.issue_token()}")
    csrf = client.get("/").text.split('name="csrf-token" content="')[1].split('"')[0]
    return client, csrf


def suggestions(root: Path, words: int, n_suggestions: int, repeats: int) -> None:
    rng = random.Random(7)
    project = Project.create(root / "study", codebook_io.load(str(ROOT / "codebooks" / "tiny.yaml")), actor="bench")
    text, turns, sentences = _text(words, rng, names=False)
    t = Transcript(id="big", title="big", source_format="plain_txt", text=text, turns=turns,
                   source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="bench")
    chosen = sorted(rng.sample(sentences, min(n_suggestions, len(sentences))))
    with project.transaction("bench") as tx:
        for label, role in (("SP1", "staff"), ("P1", "service_user")):
            tx.upsert_participant(Participant(label=label, role=role, site="A"))
        tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, t.normaliser_version)
        tx.sign_off_transcript(t)
        queue.add(tx, [Suggestion(id=f"sug-{i:05d}", transcript="big", start=a, end=b, text=text[a:b],
                                  component=rng.choice(list(Component)), pt="PT1", confidence=0.7,
                                  reasons=[Reason(kind="pt", pt="PT1", score=0.7)])
                       for i, (a, b) in enumerate(chosen)])
    project.close()
    bench = Workbench(root / "study", "bench")
    client, csrf = _signed_in(bench)
    render, size = [], 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        page = client.get("/suggestions/big")
        render.append(time.perf_counter() - t0)
        size = len(page.content)
    statics = sum(len(client.get(f"/static/{f}").content) for f in
                  ("common.js", "textspan.js", "suggestions.js", "workbench.css"))
    accept = []
    for i in range(min(repeats, len(chosen) // 2)):
        t0 = time.perf_counter()
        r = client.post(f"/api/suggestions/sug-{i:05d}/accept", json={}, headers={"x-csrf-token": csrf})
        accept.append(time.perf_counter() - t0)
        assert r.status_code == 200, r.text
    cli_times = []
    for i in range(len(chosen) // 2, len(chosen) // 2 + min(10, repeats)):
        t0 = time.perf_counter()
        r = CliRunner().invoke(cli, ["suggest", "review", str(root / "study"), "--accept", f"sug-{i:05d}",
                                     "--coder", "bench"])
        cli_times.append(time.perf_counter() - t0)
        assert r.exit_code == 0, r.output
    print(f"suggestions: {words} words, {len(chosen)} pending suggestions")
    print(f"  page render p50 {statistics.median(render) * 1000:.0f} ms, p95 {_p(render, .95) * 1000:.0f} ms; "
          f"page {size / 1024:.0f} KB of which text {len(text.encode()) / 1024:.0f} KB; scripts and style "
          f"{statics / 1024:.1f} KB")
    print(f"  accept round trip p50 {statistics.median(accept) * 1000:.1f} ms, p95 {_p(accept, .95) * 1000:.1f} ms"
          f" (n={len(accept)}); CLI 'suggest review --accept' in-process p50 "
          f"{statistics.median(cli_times) * 1000:.1f} ms (n={len(cli_times)})")


def review(root: Path, words: int, repeats: int) -> None:
    rng = random.Random(11)
    project = Project.create(root / "anon", codebook_io.load(str(ROOT / "codebooks" / "tiny.yaml")), actor="bench")
    sf = SecureFolder.open(root / "secure", create=True)
    sf.save_participant_key(ParticipantKey(entries=[
        KeyEntry(label="SP1", name="Margaret Okafor", role="staff", site="A"),
        KeyEntry(label="P1", name="Will Jenkins", role="service_user", site="A")]))
    text, turns, _ = _text(words, rng, names=True)
    turns = [t.model_copy(update={"speaker_name": "Margaret Okafor" if t.speaker == "SP1" else "Will Jenkins"})
             for t in turns]
    t = Transcript(id="raw", title="raw", source_format="plain_txt", text=text, turns=turns,
                   source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="bench")
    write_text(sf.raw / "raw.json", t.model_dump_json())
    with project.transaction("bench") as tx:
        tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, t.normaliser_version)
    project.close()
    t0 = time.perf_counter()
    r = CliRunner().invoke(cli, ["anonymise", str(root / "anon"), "--secure", str(sf.path), "--rules-only"])
    assert r.exit_code == 0, r.output
    anonymise_s = time.perf_counter() - t0
    client, csrf = _signed_in(Workbench(root / "anon", "bench", sf.path))
    pages: dict[str, list[float]] = {"/secure/review": [], "/secure/review/raw": []}
    for _ in range(max(3, repeats // 10)):
        for url, times in pages.items():
            t0 = time.perf_counter()
            assert client.get(url).status_code == 200
            times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    r = client.post("/secure/api/accept-all", json={}, headers={"x-csrf-token": csrf})
    accept_all = time.perf_counter() - t0
    t0 = time.perf_counter()
    s = client.post("/secure/api/sign-off", json={"transcript": "raw"}, headers={"x-csrf-token": csrf})
    sign_off = time.perf_counter() - t0
    assert s.status_code == 200, s.text
    print(f"anonymisation review: {words} words, {r.json()['count']} undecided proposals "
          f"(rules-only anonymise {anonymise_s:.1f} s)")
    for url, times in pages.items():
        print(f"  {url} render p50 {statistics.median(times) * 1000:.0f} ms (n={len(times)})")
    print(f"  accept-all {accept_all * 1000:.0f} ms, sign-off {sign_off * 1000:.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--words", type=int, default=20000)
    ap.add_argument("--suggestions", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        suggestions(Path(tmp), args.words, args.suggestions, args.repeats)
        review(Path(tmp), args.words // 4, args.repeats)


if __name__ == "__main__":
    main()
