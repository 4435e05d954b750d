"""The anonymiser's speed alone, several checkouts side by side in one run, and whether they propose the same.

Why a harness of its own: ``anonymise.py`` times whole benchmark runs (with Presidio, the real path,
file writing), one checkout at a time, minutes apart, on a machine other people share. A rule's cost
is a few per cent of that and drowns in the neighbours' load. Here each checkout (``label=path`` of a
git checkout, e.g. a ``git worktree add /tmp/anon-base REV``) gets one worker process that imports
*its own* ``cmo_coder``, loads the model and the texts once, and warms up by analysing every text
once. The parent then asks the workers in turn to analyse a set (A/B/C, then C/B/A, ...), so every
checkout sees the same load on average, and keeps the best of the rounds.

Texts, fixed and made once by this checkout's code, then imported with this checkout's ``cmo-coder
import`` (so every worker reads the same raw transcripts, participant key and register):

- ``interviews``: the invented interview set of ``anonymise.py`` (40 transcripts), cased and with
  the speech lower-cased;
- ``focus-groups``: the invented focus-group set (``focus_groups.py``), cased in its seven formats
  and as lower-cased captions;
- ``sample``: the six transcripts of ``transcripts_sample/`` with its manifest and register, cased
  and with the raw text lower-cased (turn offsets kept).

What is timed is ``Anonymiser.analyse`` on every raw transcript of a set, exactly what ``cmo-coder
anonymise`` runs per transcript (candidates, consistency, proposals, residual list, public spans).

``--compare A B`` also writes each worker's proposal sets (as JSON, the way ``anonymise`` saves them)
from the warm-up pass and reports whether A and B are byte-identical for every transcript.

``--cpu`` times each pass by the worker's CPU time instead of the wall clock: on a machine shared
with other work, waiting for a core then does not count, only the neighbours' use of shared caches.
Either way every pass is measured by both clocks and both tables are printed (the chosen one first),
with a third: the CPU time the worker spent on threads other than its main one (a BLAS or thinc
thread pool). CPU time counts every thread of the process, so a pool that spins or splits small
matrices would show there, costing CPU time that no answer needs; best of the rounds, like the rest.

Run: python benchmarks/anon_speed.py base=/tmp/anon-base now=. [--rounds 5] [--sets interviews,sample]
     [--compare base now] [--work DIR] [--cpu]
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
import anon_harness  # noqa: E402  (options, sets and workers shared with anon_layers.py)
from anon_harness import CASINGS, MODEL, SETS  # noqa: E402,F401  (re-exported: the harness's model and sets)

SAMPLE = REPO / "transcripts_sample"


# ------------------------------------------------------------------------------------------ the texts
def _import(folder: Path, files: list[Path], manifest: Path) -> Path:
    """``cmo-coder init`` + ``import`` of ``files`` with this checkout; the secure folder written."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from realpath import cmo

    cmo("init", folder / "study", "--codebook", REPO / "codebooks" / "tiny.yaml")
    report = json.loads(cmo("import", folder / "study", *files, "--secure", folder / "secure",
                            "--manifest", manifest, "--infer-speakers", "--json"))
    failed = [f for f in report["files"] if f["status"] != "imported"]
    if failed:
        raise RuntimeError(f"import failed: {failed[0]['path']}: {failed[0]['error']}")
    return folder / "secure"


def _lower_keeping_offsets(text: str) -> str:
    """The text lower-cased character by character; a character whose lower case is longer stays."""
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def prepare(work: Path) -> dict[str, dict[str, str]]:
    """Write and import every set in both casings under ``work``: set-casing → secure folder and register."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import anonymise as bench
    import focus_groups as fg

    out: dict[str, dict[str, str]] = {}
    for lower in (False, True):
        casing = CASINGS[lower]
        folder = work / f"interviews-{casing}"
        files, manifest, register = bench._interview_files(folder / "files", lower)
        out[f"interviews-{casing}"] = {"secure": str(_import(folder, [p for p, _ in files], manifest)),
                                       "register": str(register)}
        folder = work / f"focus-groups-{casing}"
        study = fg.make_study()
        written = fg.write_set(folder / "files", study, caption=lower)
        manifest, register = folder / "participants.csv", folder / "register.csv"
        fg.write_manifest(manifest, study)
        fg.write_register(register, study)
        out[f"focus-groups-{casing}"] = {"secure": str(_import(folder, [p for _, p, _ in written], manifest)),
                                         "register": str(register)}
    sample_files = sorted(p for p in SAMPLE.iterdir() if p.suffix in {".vtt", ".srt", ".docx", ".txt"}
                          and p.name != "report_notes.txt")
    folder = work / "sample-cased"
    cased = _import(folder, sample_files, SAMPLE / "secure" / "participants.csv")
    out["sample-cased"] = {"secure": str(cased), "register": str(SAMPLE / "secure" / "register.csv")}
    lowered = work / "sample-lower" / "secure"
    shutil.copytree(cased, lowered)
    for raw in sorted((lowered / "raw").glob("*.json")):
        data = json.loads(raw.read_text(encoding="utf-8"))
        data["text"] = _lower_keeping_offsets(data["text"])
        raw.write_text(json.dumps(data), encoding="utf-8")
    out["sample-lower"] = {"secure": str(lowered), "register": str(SAMPLE / "secure" / "register.csv")}
    return out


# ------------------------------------------------------------------------------------------ a worker
CLOCKS = ("seconds", "cpu", "off_main")
"""What :func:`clocks` measures: wall seconds, the process's CPU seconds (every thread), and the CPU seconds
spent on threads other than the caller's (the process's CPU time less the calling thread's own)."""


def clocks(work: Callable[[], object]) -> dict[str, float]:
    """Run ``work`` once and measure it by each of :data:`CLOCKS`.

    Why the third: ``time.process_time`` counts all the process's threads and ``time.thread_time`` the
    calling one only, so their difference is what thread pools (OpenBLAS under numpy, any thinc or
    spaCy helper thread) cost while the analysis ran, whether or not they saved wall time."""
    t0, c0, m0 = time.perf_counter(), time.process_time(), time.thread_time()
    work()
    seconds, cpu, main = time.perf_counter() - t0, time.process_time() - c0, time.thread_time() - m0
    return {"seconds": seconds, "cpu": cpu, "off_main": max(cpu - main, 0.0)}


def tables(best: dict[tuple[str, str, str], float], words: dict[str, int], labels: list[str],
           first: str) -> list[str]:
    """The printed tables: words per second by ``first`` (a clock) and by the other of wall and CPU time, each
    with the last label over the first, then the CPU seconds off the main thread per set and checkout."""
    lines: list[str] = []
    second = "seconds" if first == "cpu" else "cpu"
    for clock in (first, second):
        name = "CPU time" if clock == "cpu" else "wall clock"
        lines.append(f"words/s by {name}")
        lines.append(f"{'set':<22}{'words':>8}" + "".join(f"{x:>12}" for x in labels)
                     + (f"{labels[-1] + '/' + labels[0]:>14}" if len(labels) > 1 else ""))
        for set_name in words:
            rates = [words[set_name] / best[x, set_name, clock] for x in labels]
            lines.append(f"{set_name:<22}{words[set_name]:>8,}" + "".join(f"{v:>12,.0f}" for v in rates)
                         + (f"{rates[-1] / rates[0]:>14.2f}" if len(labels) > 1 else ""))
        lines.append("")
    lines.append("CPU seconds on threads other than the main one (thread pools), least of the passes")
    lines.append(f"{'set':<22}{'words':>8}" + "".join(f"{x:>12}" for x in labels))
    for set_name in words:
        lines.append(f"{set_name:<22}{words[set_name]:>8,}"
                     + "".join(f"{best[x, set_name, 'off_main']:>12.3f}" for x in labels))
    return lines


def _analyse_all(anon: Any, raws: list[Any]) -> None:
    """One timed pass: every raw transcript of a set analysed, the answers dropped."""
    for raw in raws:
        anon.analyse(raw)


def worker(tree: Path, prepared: Path) -> None:
    """Serve ``time NAME`` / ``dump NAME FILE`` / ``quit`` on stdin with ``tree``'s own ``cmo_coder``."""
    loaded = anon_harness.load(tree, prepared)
    warm = {name: [anon.analyse(raw).model_dump_json(indent=2) for raw in raws]
            for name, (anon, raws) in loaded.items()}
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "quit":
            return
        if cmd == "time":
            anon, raws = loaded[args[0]]
            got = clocks(partial(_analyse_all, anon, raws))
            print(json.dumps({**got, "words": sum(len(r.text.split()) for r in raws)}), flush=True)
        elif cmd == "dump":
            Path(args[1]).write_text(json.dumps(warm[args[0]]), encoding="utf-8")
            print(json.dumps({"dumped": args[1]}), flush=True)


# ------------------------------------------------------------------------------------------ the run
def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    ap = anon_harness.parser(__doc__.splitlines()[0], 5, "timed passes per set and checkout (best kept)")
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"), help="check two labels propose byte-identically")
    ap.add_argument("--cpu", action="store_true",
                    help="time each pass by the worker's CPU time, not the wall clock: on a busy machine the "
                         "neighbours' load then counts only through shared caches, not through waiting for a core")
    args = ap.parse_args()
    names = anon_harness.names_of(args)
    work = anon_harness.work_of(args, "cmo-anon-speed-")
    chosen = anon_harness.choose(work, names, prepare, "chosen.json", say=True)
    workers = anon_harness.start(anon_harness.trees_of(args), chosen, __file__)
    try:
        if args.compare:
            a, b = (next(w for w in workers if w.label == x) for x in args.compare)
            for name in names:
                outs = []
                for w in (a, b):
                    target = work / f"proposals-{w.label}-{name}.json"
                    w.ask(f"dump {name} {target}")
                    outs.append(json.loads(target.read_text(encoding="utf-8")))
                same = sum(x == y for x, y in zip(*outs, strict=True))
                print(f"{name}: {same}/{len(outs[0])} transcripts' proposal sets identical "
                      f"({a.label} vs {b.label})", flush=True)
        best: dict[tuple[str, str, str], float] = {}
        words: dict[str, int] = {}
        for r in range(args.rounds):
            order = workers if r % 2 == 0 else workers[::-1]
            for name in names:
                for w in order:
                    got = w.ask(f"time {name}")
                    words[name] = int(got["words"])
                    for clock in CLOCKS:  # each clock's best on its own: the passes are the same work
                        key = (w.label, name, clock)
                        best[key] = min(best.get(key, float("inf")), float(got[clock]))
            print(f"round {r + 1}/{args.rounds} done", flush=True)
    finally:
        for w in workers:
            w.close()
    labels = [w.label for w in workers]
    print(f"\nbest of {args.rounds} interleaved passes (Anonymiser.analyse, model {MODEL})")
    print("\n".join(tables(best, words, labels, "cpu" if args.cpu else "seconds")))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
