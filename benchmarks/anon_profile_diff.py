"""The anonymiser's growth since another checkout, function by function: each function's own CPU time in
two (or more) checkouts side by side, sorted by the difference.

Why: the speed harness (``anon_speed.py``) says how far the code is from the base, and ``anon_layers.py``
times the layer functions it knows by name; neither says *where* the difference lies when it is spread over
a hundred functions, some of them helpers no layer list names, some in spaCy or the standard library called
more often than before. Here each checkout's worker runs the same analysis (the same six set-casings of
``anon_speed.py``, made once in ``--work``) under ``cProfile`` with the process's CPU clock, and the table
lines the checkouts up by function: self time (``tottime``, what the function spent outside the functions
it calls, so the rows add up to the pass), its calls, and the difference between the last checkout and the
first. ``--by`` chooses the tables: by function, by module (the rows added up by file; a layer is a file),
by package (by folder); each row's best pass is taken per function, then added up.

A function is named by its file relative to the checkout (or to ``site-packages``) and its name, without
the line number, so a function that moved within its file still lines up; two functions of one file with
the same name (nested helpers, lambdas, generator expressions) are added together. A function only one
checkout has shows 0 for the other.

The machine is shared: the workers take turns pass by pass (A/B, then B/A, ...), and each function's time
is the least of its passes (its calls are the same every pass). The profiler charges each call a fixed
cost, so a checkout with more calls pays more: compare rows, and read the call counts beside the times.

Run: python benchmarks/anon_profile_diff.py base=/tmp/anon-base now=. [--rounds 3] [--top 40]
     [--by function,module,package] [--diff base,now] [--work DIR [--reuse]] [--sets sample] [--casings cased]
"""

from __future__ import annotations

import cProfile
import json
import pstats
import shutil
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
import anon_harness  # noqa: E402  (options, sets and workers shared with the other speed harnesses)
import anon_speed  # noqa: E402  (the texts)

Row = tuple[int, float]
"""A function's calls and its self time, CPU seconds."""


# ------------------------------------------------------------------------------------------ naming
def where(filename: str, tree: str) -> str:
    """A profiled file named so that two checkouts agree: relative to the checkout, to ``site-packages``, or
    ``~`` for built-ins (pstats' own name for them)."""
    if filename == "~" or filename.startswith("<"):
        return filename
    root = tree.rstrip("/") + "/"
    if filename.startswith(root):
        return filename[len(root):]
    marker = "site-packages/"
    if marker in filename:
        return filename.split(marker, 1)[1]
    return filename.rsplit("/lib/python", 1)[-1] if "/lib/python" in filename else filename


def group(name: str, by: str) -> str:
    """The row a function (``file:function``) is added to: itself, its file, or its file's folder."""
    if by == "function":
        return name
    file = name.split(":", 1)[0]
    if by == "module" or "/" not in file:
        return file
    return file.rsplit("/", 1)[0] + "/"


def rows_of(stats: Mapping[tuple[str, int, str], tuple[Any, ...]], tree: str) -> dict[str, Row]:
    """pstats' table (``(file, line, function) → (primitive calls, calls, self, cumulative, callers)``) by
    function (``file:function``, see :func:`where`; two of one name in one file added): name → (calls, self
    seconds)."""
    return _added((f"{where(filename, tree)}:{function}", (int(calls), float(self_time)))
                  for (filename, _line, function), (_prim, calls, self_time, *_rest) in stats.items())


def _added(rows: Iterable[tuple[str, Row]]) -> dict[str, Row]:
    """Rows of the same name added together."""
    out: dict[str, Row] = {}
    for key, (calls, seconds) in rows:
        had = out.get(key, (0, 0.0))
        out[key] = (had[0] + calls, had[1] + seconds)
    return out


def regroup(rows: Mapping[str, Row], by: str) -> dict[str, Row]:
    """Function rows added up by :func:`group` (``by``: function, module or package)."""
    return _added((group(key, by), row) for key, row in rows.items())


def best(passes: Iterable[Mapping[str, Row]]) -> dict[str, Row]:
    """Each row's least self time over the passes (the work is the same; the rest is the neighbours' load),
    with the calls of the pass that gave it."""
    out: dict[str, Row] = {}
    for rows in passes:
        for key, row in rows.items():
            if key not in out or row[1] < out[key][1]:
                out[key] = row
    return out


def table(per_label: Mapping[str, Mapping[str, Row]], top: int, pair: tuple[str, str] | None = None) -> list[str]:
    """The printed table: per row, each checkout's self seconds and calls, then ``pair``'s second less its first
    (by default the last checkout less the first), sorted by that difference (largest growth first, ties by
    name), ``top`` rows, then the totals."""
    labels = list(per_label)
    first, last = pair or (labels[0], labels[-1])
    keys = sorted({k for rows in per_label.values() for k in rows})

    def get(label: str, key: str) -> Row:
        return per_label[label].get(key, (0, 0.0))

    diff = {k: get(last, k)[1] - get(first, k)[1] for k in keys}
    ranked = sorted(keys, key=lambda k: (-diff[k], k))[:top]
    head = "".join(f"{x + ' s':>10}{x + ' calls':>14}" for x in labels)
    lines = [f"{'diff s':>8}{head}  function ({last} − {first}, self CPU seconds, best pass)"]
    for k in ranked:
        cells = "".join(f"{get(x, k)[1]:>10.3f}{get(x, k)[0]:>14,}" for x in labels)
        lines.append(f"{diff[k]:>+8.3f}{cells}  {k}")
    totals = {x: sum(r[1] for r in per_label[x].values()) for x in labels}
    grown = sum(d for d in diff.values() if d > 0)
    shrunk = sum(d for d in diff.values() if d < 0)
    lines.append("")
    lines.append("total self time (sum of each row's best pass): "
                 + ", ".join(f"{x} {totals[x]:.2f} s" for x in labels)
                 + f"; {last} − {first}: {totals[last] - totals[first]:+.2f} s "
                 f"(rows that grew {grown:+.2f} s, rows that shrank {shrunk:+.2f} s, over {len(keys)} rows)")
    return lines


# ------------------------------------------------------------------------------------------ a worker
def worker(tree: Path, prepared: Path) -> None:
    """Serve ``profile FILE`` / ``quit`` on stdin with ``tree``'s own ``cmo_coder``: one pass over every chosen
    set under the profiler with the process's CPU clock, its stats written to FILE."""
    loaded = anon_harness.load(tree, prepared)
    for anon, raws in loaded.values():
        for raw in raws:
            anon.analyse(raw)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "quit":
            return
        if cmd == "profile":
            profiler = cProfile.Profile(time.process_time)
            c0 = time.process_time()
            profiler.enable()
            for anon, raws in loaded.values():
                for raw in raws:
                    anon.analyse(raw)
            profiler.disable()
            cpu = time.process_time() - c0
            profiler.dump_stats(args[0])
            print(json.dumps({"cpu": cpu, "stats": args[0]}), flush=True)


# ------------------------------------------------------------------------------------------ the run
def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    ap = anon_harness.parser(__doc__.splitlines()[0], 3, "profiled passes per checkout (each row's best kept)")
    ap.add_argument("--top", type=int, default=40, help="rows printed, largest growth first")
    ap.add_argument("--by", default="function,module",
                    help="the tables printed, comma-separated: by function, by module (file), by package (folder)")
    ap.add_argument("--diff", default=None, metavar="A,B",
                    help="the difference printed and sorted by: B less A (default: the last checkout less the first)")
    ap.add_argument("--reuse", action="store_true",
                    help="read the passes an earlier run kept in --work (profile-LABEL-ROUND.prof) instead of "
                         "profiling again: another grouping or another pair, from the same passes")
    args = ap.parse_args()
    trees = anon_harness.trees_of(args)
    pair = tuple(args.diff.split(",", 1)) if args.diff else None
    if pair is not None and (len(pair) != 2 or not set(pair) <= set(trees)):
        ap.error(f"--diff names two of the labels {', '.join(trees)}")
    if args.reuse and args.work is None:
        ap.error("--reuse reads the passes kept in --work")
    names = anon_harness.names_of(args)
    work = anon_harness.work_of(args, "cmo-anon-profile-")
    passes: dict[str, list[dict[str, Row]]] = {x: [] for x in trees}
    cpu: dict[str, list[float]] = {x: [] for x in trees}

    def read(label: str, target: Path) -> None:
        stats = pstats.Stats(str(target)).stats  # type: ignore[attr-defined]
        passes[label].append(rows_of(stats, str(Path(trees[label]).resolve())))

    if args.reuse:
        for label in trees:
            for r in range(args.rounds):
                read(label, work / f"profile-{label}-{r}.prof")
    else:
        chosen = anon_harness.choose(work, names, anon_speed.prepare, "chosen-profile.json", say=True)
        workers = anon_harness.start(trees, chosen, __file__)
        try:
            for r in range(args.rounds):
                for w in (workers if r % 2 == 0 else workers[::-1]):
                    target = work / f"profile-{w.label}-{r}.prof"
                    got = w.ask(f"profile {target}")
                    cpu[w.label].append(float(got["cpu"]))
                    read(w.label, target)
                print(f"round {r + 1}/{args.rounds} done", flush=True)
        finally:
            for w in workers:
                w.close()
        print(f"\nCPU seconds of a profiled pass over {', '.join(names)} (least of {args.rounds}): "
              + ", ".join(f"{x} {min(v):.2f}" for x, v in cpu.items()))
    for by in args.by.split(","):
        print(f"\nby {by}")
        print("\n".join(table({x: regroup(best(p), by) for x, p in passes.items()}, args.top,
                               pair)))  # type: ignore[arg-type]
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
