"""Coding stage figures: table import/export speed, agreement speed, markup parsing, and kappa vs QualCoder.

Run from the repository root: ``.venv/bin/python benchmarks/coding.py [--rows 5000]``.
The peer figure is QualCoder's kappa, whose chance term multiplies the "both coded" and
"both not coded" probabilities where Cohen (and NVivo) add them; it is computed here on
the same character counts so the two can be read side by side.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cmo_coder import codebook as codebook_io  # noqa: E402
from cmo_coder.coding.agreement import compare  # noqa: E402
from cmo_coder.coding.markup import parse_markup  # noqa: E402
from cmo_coder.coding.table import export_table, import_table  # noqa: E402
from cmo_coder.model import Participant, Transcript, Turn  # noqa: E402
from cmo_coder.store import Project  # noqa: E402

WORDS = (
    "staff", "felt", "supported", "to", "engage", "people", "with", "co-occurring", "needs", "when",
    "services", "shared", "assessment", "and", "training", "so", "that", "clients", "stayed", "in",
    "treatment", "and", "carers", "were", "listened", "to",
)


def _transcript(i: int, rng: random.Random, turns: int = 40) -> tuple[Transcript, list[str]]:
    parts, model_turns, labels, offset = [], [], [], 0
    for k in range(turns):
        said = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 90))) + f" (turn {i}.{k})."
        if k:
            parts.append("\n\n")
            offset += 2
        label = "SP1" if k % 2 == 0 else f"P{i % 7 + 1}"
        labels.append(label)
        model_turns.append(Turn(speaker=label, start=offset, end=offset + len(said)))
        parts.append(said)
        offset += len(said)
    text = "".join(parts)
    return Transcript(id=f"t{i:03d}", title=f"t{i:03d}", source_format="plain_txt", text=text, turns=model_turns,
                      source_sha256=hashlib.sha256(text.encode()).hexdigest(), normaliser_version="bench"), labels


def _project(path: Path, n_transcripts: int, rng: random.Random) -> tuple[Project, list[Transcript]]:
    project = Project.create(path, codebook_io.load("reco"), actor="bench")
    ts = []
    with project.transaction("bench") as tx:
        tx.upsert_participant(Participant(label="SP1", role="staff", site="A"))
        for k in range(1, 8):
            tx.upsert_participant(Participant(label=f"P{k}", role="service_user", site="B"))
        for i in range(n_transcripts):
            t, _ = _transcript(i, rng)
            tx.add_pending_transcript(t.id, t.title, t.source_format, t.kind, t.source_sha256, t.normaliser_version)
            tx.sign_off_transcript(t)
            ts.append(t)
    return project, ts


def _table(ts: list[Transcript], rows: int, rng: random.Random, coder: str, agree_with: random.Random | None = None,
           share: float = 0.7) -> str:
    """Rows quoting turn tails; with ``agree_with``, a share of rows repeats the other coder's choices."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["transcript", "start", "end", "quote", "pt", "component", "coder"])
    comps = ["context", "mechanism_resource", "mechanism_response", "outcome"]
    used: set[tuple[str, int]] = set()
    while len(used) < rows:
        pick = (agree_with if rng.random() < share else rng) if agree_with is not None else rng
        t = pick.choice(ts)
        k = pick.randrange(len(t.turns))
        if (t.id, k) in used:
            continue
        used.add((t.id, k))
        turn = t.turns[k]
        # quote the turn's unique tail, start/end empty: the importer must locate it
        s = max(turn.start, turn.end - pick.randint(40, 160))
        quote = t.text[s : turn.end]
        w.writerow([t.id, "", "", quote, f"PT{pick.randint(1, 11)}", pick.choice(comps), coder])
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=5000)
    ap.add_argument("--transcripts", type=int, default=150)
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        project, ts = _project(tmpd / "p", args.transcripts, rng)
        chars = sum(len(t.text) for t in ts)
        a = tmpd / "a.csv"
        a.write_text(_table(ts, args.rows, random.Random(1), "ann"), encoding="utf-8")
        b = tmpd / "b.csv"
        # bob draws from ann's random stream 70% of the time, so many of his choices coincide with hers
        b.write_text(_table(ts, args.rows, random.Random(2), "bob", agree_with=random.Random(1)), encoding="utf-8")
        print(f"corpus: {len(ts)} transcripts, {chars:,} characters; tables of {args.rows:,} rows (quotes located)")

        tracemalloc.start()
        t0 = time.perf_counter()
        rep = import_table(project, a)
        t1 = time.perf_counter()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"import csv        {rep.codings:>7,} codings  {t1 - t0:6.2f} s  {rep.codings / (t1 - t0):>8,.0f} rows/s"
              f"  peak {peak / 2**20:5.1f} MiB")
        import_table(project, b)
        t0 = time.perf_counter()
        out = export_table(project, "csv")
        t1 = time.perf_counter()
        print(f"export csv        {out.count(chr(10)) - 1:>7,} rows     {t1 - t0:6.2f} s")
        t0 = time.perf_counter()
        cmp = compare(project, ["ann", "bob"], by="pt")
        t1 = time.perf_counter()
        print(f"agreement         {len(cmp.rows):>7,} code–source pairs {t1 - t0:6.2f} s")
        # kappa side by side with QualCoder's multiplied chance term, on the same pooled counts
        both = a_only = b_only = n = 0
        for r in cmp.rows:
            p = r.pairs[("ann", "bob")]
            both, a_only, b_only, n = both + p.both, a_only + p.a_only, b_only + p.b_only, n + p.n
        po = (n - a_only - b_only) / n
        pa, pb = (both + a_only) / n, (both + b_only) / n
        pe_add = pa * pb + (1 - pa) * (1 - pb)
        pe_mul = (pa * pb) * ((1 - pa) * (1 - pb))
        print(f"pooled kappa      cmo-coder/NVivo {(po - pe_add) / (1 - pe_add):.3f}   "
              f"QualCoder formula {(po - pe_mul) / (1 - pe_mul):.3f}   (agreement {100 * po:.2f}%)")
        project.close()
    chapter = ROOT.parent / "shared" / "reco" / "chapter4_pt1-5.txt"
    if chapter.exists():
        text = chapter.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        for _ in range(20):
            doc = parse_markup(text)
        t1 = time.perf_counter()
        print(f"markup parse      {len(text):,} characters, {len(doc.clauses)} clauses, {len(doc.quotes)} quotes: "
              f"{(t1 - t0) / 20 * 1000:.1f} ms per parse")


if __name__ == "__main__":
    main()
