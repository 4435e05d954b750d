"""The whole ``cmo-coder anonymise`` command's CPU time, several checkouts side by side, start-up included.

Why a harness of its own: ``anon_speed.py`` times ``Anonymiser.analyse`` alone, after each worker has loaded the
model and every list and warmed up. A user's run is one process: it imports the package, loads the model, builds
the name lists, the register and the allow-list's matcher, analyses every pending transcript and writes the
proposals. On a study of forty short interviews that start is as long as the analysis, and no figure of
``anon_speed.py`` shows it.

It reads the texts ``anon_speed.py`` wrote and imported (``--work`` of that harness, which must have run first
with the same folder), copies each chosen set's project and secure folder afresh for every run (a run writes its
proposals there), and runs ``cmo-coder anonymise`` of each checkout in a process of its own (its own
``cmo_coder`` first on the path), the checkouts in turn (A/B/C, then C/B/A). The CPU time of the child process
(user and system) is kept, the best of ``--rounds``.

Run: python benchmarks/anon_cli_speed.py base=/tmp/anon-base now=. --work /tmp/anon-work [--sets interviews-cased]
     [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

_RUN = ("import sys; sys.path.insert(0, {tree!r}); sys.argv = ['cmo-coder', 'anonymise', {study!r}, '--secure', "
        "{secure!r}, '--register', {register!r}]; from cmo_coder.cli.main import main; main()")


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_once(tree: str, work: Path, name: str, where: dict[str, str], target: Path) -> float:
    """CPU seconds of one ``cmo-coder anonymise`` of ``tree`` on a fresh copy of set ``name``."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(work / name / "study", target / "study")
    shutil.copytree(where["secure"], target / "secure")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = _RUN.format(tree=str(Path(tree).resolve()), study=str(target / "study"),
                       secure=str(target / "secure"), register=where["register"])
    before = _children_cpu()
    done = subprocess.run([sys.executable, "-c", code], cwd=tree, env=env, capture_output=True, text=True)
    cpu = _children_cpu() - before
    if done.returncode:
        raise RuntimeError(f"{tree} on {name}: {done.stderr[-500:]}")
    return cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs="+", help="label=path of a checkout, e.g. base=/tmp/anon-base now=.")
    ap.add_argument("--work", type=Path, required=True, help="the --work folder of a run of anon_speed.py")
    ap.add_argument("--sets", default="interviews-cased,focus-groups-lower",
                    help="comma-separated sets of that folder that have a project (the interviews and focus groups)")
    ap.add_argument("--rounds", type=int, default=2, help="runs per set and checkout (best kept)")
    args = ap.parse_args()
    trees = dict(t.split("=", 1) for t in args.trees)
    sets = json.loads((args.work / "sets.json").read_text(encoding="utf-8"))
    names = args.sets.split(",")
    best: dict[tuple[str, str], float] = {}
    for r in range(args.rounds):
        order = list(trees.items()) if r % 2 == 0 else list(reversed(trees.items()))
        for name in names:
            for label, tree in order:
                cpu = run_once(tree, args.work, name, sets[name], args.work / "cli" / f"{label}-{name}")
                best[label, name] = min(best.get((label, name), float("inf")), cpu)
                print(f"round {r + 1}: {label} {name} {cpu:.2f} s", flush=True)
    labels = list(trees)
    print(f"\nCPU seconds of the whole command, best of {args.rounds}")
    print(f"{'set':<22}" + "".join(f"{x:>10}" for x in labels))
    for name in names:
        print(f"{name:<22}" + "".join(f"{best[x, name]:>10.2f}" for x in labels))


if __name__ == "__main__":
    main()
