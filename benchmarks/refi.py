"""REFI-QDA export/import at study scale: 500 transcripts, 100,000 codings.

Builds synthetic projects (100 and 500 transcripts, 200 codings each) through one
transaction per project, then times ``export`` and ``import-qdpx`` in child processes
and prints each child's peak resident memory above its own baseline, so the export's
memory can be compared across sizes: a streaming writer should not grow with the study.

    python benchmarks/refi.py            # full run (several minutes)
    python benchmarks/refi.py --small    # 20 and 100 transcripts, for a quick look
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cmo_coder import codebook as codebook_io  # noqa: E402
from cmo_coder.model import Coding, Participant, Stance, Transcript, Turn  # noqa: E402
from cmo_coder.store import Project  # noqa: E402

WORDS = (
    "service", "staff", "team", "assessment", "support", "recovery", "housing", "alcohol", "drug", "worker",
    "nurse", "care", "plan", "felt", "listened", "trust", "referral", "crisis", "meeting", "joint", "together",
    "alone", "waited", "weeks", "months",
)


def build(path: Path, transcripts: int, codings_per: int, seed: int = 7) -> Project:
    rng = random.Random(seed)
    cb = codebook_io.load(REPO / "codebooks" / "reco.yaml")
    project = Project.create(path, cb, actor="bench")
    elements = [e for pt in cb.programme_theories for e in pt.elements]
    with project.transaction("bench") as tx:
        for n in range(1, 41):
            tx.upsert_participant(Participant(label=f"P{n}", role="service_user", site="ABCD"[n % 4]))
            tx.upsert_participant(Participant(label=f"SP{n}", role="staff", site="ABCD"[n % 4]))
        for t in range(transcripts):
            parts, turns, offset = [], [], 0
            for k in range(codings_per // 2):
                said = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40))) + "."
                if k and k % 7 == 3:
                    said += " 😊"
                if k:
                    parts.append("\n\n")
                    offset += 2
                speaker = f"SP{t % 40 + 1}" if k % 2 == 0 else f"P{t % 40 + 1}"
                turns.append(Turn(speaker=speaker, start=offset, end=offset + len(said)))
                parts.append(said)
                offset += len(said)
            text = "".join(parts)
            tr = Transcript(id=f"T{t:04d}", title=f"Interview {t}", source_format="plain_txt", text=text,
                            turns=turns, source_sha256=hashlib.sha256(text.encode()).hexdigest(),
                            normaliser_version="bench")
            tx.add_pending_transcript(tr.id, tr.title, tr.source_format, tr.kind, tr.source_sha256, "bench")
            tx.sign_off_transcript(tr)
            for i in range(codings_per):
                turn = turns[i // 2]
                s = turn.start + (0 if i % 2 == 0 else (turn.end - turn.start) // 2)
                e = min(turn.end, s + rng.randint(10, 60))
                el = elements[(t * 31 + i) % len(elements)]
                tx.add_coding(Coding(id=f"c{t}-{i}", transcript_id=tr.id, start=s, end=e, text=text[s:e],
                                     pt=el.pt, element=el.id, stance=list(Stance)[i % 3],
                                     coder=f"coder{i % 3}", memo="memo" if i % 50 == 0 else None))
    return project


def peak_kib() -> int:
    """This process's peak resident memory in KiB.

    Linux's ``ru_maxrss`` survives ``exec``, so a child started by a big parent would report the
    parent's peak; ``VmHWM`` belongs to the new address space and starts afresh.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(argv: list[str]) -> None:
    """Run one timed operation; print JSON with seconds and peak RSS above the baseline."""
    from cmo_coder.exchange import export, importer

    op, project_path, file = argv
    imported = peak_kib()
    project = Project.open(Path(project_path))
    project.conn.execute("SELECT COUNT(*) FROM codings").fetchone()
    base = peak_kib()
    t0 = time.perf_counter()
    if op == "export":
        export.run(project, Path(file), None)
    else:
        importer.run(project, Path(file), actor="bench")
    seconds = time.perf_counter() - t0
    peak = peak_kib()
    print(json.dumps({"seconds": seconds, "peak_mib": peak / 1024, "delta_mib": (peak - base) / 1024,
                      "open_mib": (base - imported) / 1024}))


def run_child(op: str, project: Path, file: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, __file__, "--child", op, str(project), str(file)], env=env,
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--child", nargs=3)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    sizes = (20, 100) if args.small else (100, 500)
    per = 200
    with tempfile.TemporaryDirectory(prefix="cmo-refi-bench-") as d:
        rows = []
        for n in sizes:
            t0 = time.perf_counter()
            build(Path(d) / f"p{n}", n, per).close()
            built = time.perf_counter() - t0
            qdpx = Path(d) / f"p{n}.qdpx"
            ex = run_child("export", Path(d) / f"p{n}", qdpx)
            Project.create(Path(d) / f"i{n}", codebook_io.load(REPO / "codebooks" / "reco.yaml"), actor="b").close()
            im = run_child("import", Path(d) / f"i{n}", qdpx)
            rows.append((n, n * per, built, ex, im, qdpx.stat().st_size / 2**20))
        print(f"{'transcripts':>11} {'codings':>8} {'build s':>8} {'export s':>9} {'export peak/+MiB':>17} "
              f"{'import s':>9} {'import peak/+MiB':>17} {'qdpx MiB':>9}")
        for n, c, built, ex, im, size in rows:
            print(f"{n:>11} {c:>8} {built:>8.1f} {ex['seconds']:>9.1f} "
                  f"{ex['peak_mib']:>10.0f}/{ex['delta_mib']:<6.1f} {im['seconds']:>9.1f} "
                  f"{im['peak_mib']:>10.0f}/{im['delta_mib']:<6.1f} {size:>9.1f}")
        small, large = rows[0][3]["peak_mib"], rows[-1][3]["peak_mib"]
        print(f"export peak RSS {sizes[0]}→{sizes[-1]} transcripts: {small:.0f} → {large:.0f} MiB "
              f"({large / small:.2f}× for {sizes[-1] / sizes[0]:.0f}× the data); of which opening the database: "
              f"{rows[0][3]['open_mib']:.0f} → {rows[-1][3]['open_mib']:.0f} MiB; +MiB is the rise during the "
              "operation itself")


if __name__ == "__main__":
    main()
