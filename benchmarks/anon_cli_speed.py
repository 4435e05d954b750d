"""The whole ``cmo-coder anonymise`` command's time, several checkouts side by side, start-up included.

Why a harness of its own: ``anon_speed.py`` times ``Anonymiser.analyse`` alone, after each worker has loaded the
model and every list and warmed up. A user's run is one process (or, with ``--jobs``, one process and its
workers): it imports the package, loads the model, builds the name lists, the register and the allow-list's
matcher, analyses every pending transcript and writes the proposals. On a study of forty short interviews that
start is as long as the analysis, and no figure of ``anon_speed.py`` shows it.

It reads the texts ``anon_speed.py`` wrote and imported (``--work`` of that harness, which must have run first
with the same folder), copies each chosen set's project and secure folder afresh for every run (a run writes its
proposals there), and runs ``cmo-coder anonymise`` of each checkout in a process of its own (its own
``cmo_coder`` first on the path), the checkouts in turn (A/B/C, then C/B/A). A checkout given as
``label=path@N`` runs ``anonymise --jobs N``. Kept for each, the best of ``--rounds``: the CPU time of the
command and its workers (user and system), the wall-clock time, and the peak of the resident memory of the
command and its workers added up (sampled every 20 ms: RSS, which counts a page a forked worker shares with the
command in both, and PSS, which shares it out), and the critical path: the command's own CPU time plus its busiest
worker's, the wall clock of a machine with a free core for each process (on a shared machine the wall clock
measures the neighbours' load as much as the command; a run without workers reads its CPU time there).

``--one-project`` adds sets that hold both casings of a set in one project, as a team that keeps a session
both as typed text and as captions would (``benchmarks/anonymise.py --one-project``): ``interviews-both``,
``focus-groups-both`` and ``sample-both`` (the sample's captions written as ``Name: text`` lines from its
imported turns, each speaker by the manifest's name, lower-cased). ``--compare A B`` checks that two labels wrote
the same proposal files, residual lists and numbers, byte for byte, in every round.

Run: python benchmarks/anon_cli_speed.py base=/tmp/anon-base now=. now2=.@2 --work /tmp/anon-work
     [--sets interviews-cased] [--one-project] [--rounds 2] [--compare now now2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_RUN = ("import sys; sys.path.insert(0, {tree!r}); sys.argv = ['cmo-coder', 'anonymise', {study!r}, '--secure', "
        "{secure!r}, '--register', {register!r}{jobs}]; from cmo_coder.cli.main import main; main()")
ONE_PROJECT = ("interviews-both", "focus-groups-both", "sample-both")


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


_TICK = os.sysconf("SC_CLK_TCK")


def _tree(root: int) -> set[int]:
    """``root`` and every process below it, read from /proc."""
    parent: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parent[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, pp in parent.items() if pp in tree} - tree
        grew, tree = bool(more), tree | more
    return tree


def _own_cpu(pid: int) -> float:
    """A process's own CPU seconds so far (user and system, not its children's)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


class _Peak(threading.Thread):
    """Samples a process tree every 20 ms until told to stop: the peaks of its memory added up (RSS and PSS), and
    each process's own CPU time as last seen (a worker's within 20 ms of its end)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.rss, self.pss, self.done = pid, 0, 0, threading.Event()
        self.cpu: dict[int, float] = {}

    def run(self) -> None:
        while not self.done.wait(0.02):
            rss = pss = 0
            for pid in _tree(self.pid):
                try:
                    self.cpu[pid] = _own_cpu(pid)
                    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                        if line.startswith("Rss:"):
                            rss += int(line.split()[1]) * 1024
                        elif line.startswith("Pss:"):
                            pss += int(line.split()[1]) * 1024
                except (OSError, IndexError, ValueError):
                    continue
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)

    def critical_path(self) -> float:
        """The command's own CPU time and its busiest worker's: the wall clock a machine with a free core for each
        process would show (the command loads and writes alone; the workers run side by side)."""
        workers = [cpu for pid, cpu in self.cpu.items() if pid != self.pid]
        return self.cpu.get(self.pid, 0.0) + max(workers, default=0.0)


def split_tree(spec: str) -> tuple[str, int | None]:
    """``path@N`` → (path, N); a plain path runs without ``--jobs`` (a checkout that has none)."""
    path, _, jobs = spec.partition("@")
    return path, int(jobs) if jobs else None


def words_in(secure: Path) -> int:
    return sum(len(json.loads(p.read_text(encoding="utf-8"))["text"].split()) for p in (secure / "raw").glob("*.json"))


def run_once(tree: str, work: Path, name: str, where: dict[str, str], target: Path) -> dict[str, float]:
    """CPU seconds, wall seconds and peak memory of one ``cmo-coder anonymise`` of ``tree`` (``path[@N]``) on a
    fresh copy of set ``name``."""
    path, jobs = split_tree(tree)
    shutil.rmtree(target, ignore_errors=True)
    study = Path(where["secure"]).parent / "study"
    if not study.exists():  # the sample's lower-cased copy shares the project of its cased twin
        study = work / name.replace("-lower", "-cased") / "study"
    shutil.copytree(study, target / "study")
    shutil.copytree(where["secure"], target / "secure")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = _RUN.format(tree=str(Path(path).resolve()), study=str(target / "study"),
                       secure=str(target / "secure"), register=where["register"],
                       jobs="" if jobs is None else f", '--jobs', '{jobs}'")
    before = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    peak = _Peak(proc.pid)
    peak.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    peak.done.set()
    peak.join()
    cpu = _children_cpu() - before
    if proc.returncode:
        raise RuntimeError(f"{tree} on {name}: {err[-500:]}")
    return {"cpu": cpu, "wall": wall, "rss": peak.rss / 2**20, "pss": peak.pss / 2**20,
            "path": peak.critical_path() if len(peak.cpu) > 1 else cpu}


def _written(target: Path) -> dict[str, bytes]:
    """The files a run wrote to the secure folder that must not depend on ``--jobs`` (the log's times do)."""
    secure = target / "secure"
    return {str(p.relative_to(secure)): p.read_bytes() for p in sorted(secure.rglob("*"))
            if p.is_file() and p.suffix == ".json" and "raw" not in p.parts}


def prepare_one_project(work: Path, sets: dict[str, dict[str, str]]) -> None:
    """Import each set's two casings into one project (``ONE_PROJECT``), with this checkout's ``cmo-coder``."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import anonymise as bench
    import focus_groups as fg
    from anon_speed import SAMPLE, _import, _lower_keeping_offsets

    folder = work / "interviews-both"
    cased, manifest, register = bench._interview_files(folder / "cased", False)
    lower, _, _ = bench._interview_files(folder / "captions", True)
    sets["interviews-both"] = {"secure": str(_import(folder, [p for p, _ in cased + lower], manifest)),
                               "register": str(register)}
    folder = work / "focus-groups-both"
    study = fg.make_study()
    written = fg.write_set(folder / "cased", study, caption=False) + fg.write_set(folder / "captions", study,
                                                                                   caption=True)
    manifest, register = folder / "participants.csv", folder / "register.csv"
    fg.write_manifest(manifest, study)
    fg.write_register(register, study)
    sets["focus-groups-both"] = {"secure": str(_import(folder, [p for _, p, _ in written], manifest)),
                                 "register": str(register)}
    folder = work / "sample-both"
    captions = folder / "captions"
    captions.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in SAMPLE.iterdir() if p.suffix in {".vtt", ".srt", ".docx", ".txt"}
                   and p.name != "report_notes.txt")
    from cmo_coder.store.secure import SecureFolder

    cased = SecureFolder(Path(sets["sample-cased"]["secure"]))
    names = {e.label: e.name for e in cased.load_participant_key().entries}  # as the manifest names each speaker
    for raw in sorted((cased.path / "raw").glob("*.json")):
        data = json.loads(raw.read_text(encoding="utf-8"))
        lines = [f"{names[t['speaker']]}: {_lower_keeping_offsets(data['text'][t['start']:t['end']])}"
                 for t in data["turns"]]
        (captions / f"{raw.stem}_captions.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    sets["sample-both"] = {"secure": str(_import(folder, files + sorted(captions.glob("*.txt")),
                                                 SAMPLE / "secure" / "participants.csv")),
                           "register": str(SAMPLE / "secure" / "register.csv")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trees", nargs="+", help="label=path[@N] of a checkout, e.g. base=/tmp/anon-base now=. now2=.@2")
    ap.add_argument("--work", type=Path, required=True, help="the --work folder of a run of anon_speed.py")
    ap.add_argument("--sets", default=None,
                    help="comma-separated sets of that folder that have a project (default: the interviews cased "
                         "and the focus groups as captions; with --one-project, the three sets of both casings)")
    ap.add_argument("--one-project", action="store_true", help="make (once) and offer the sets of both casings")
    ap.add_argument("--rounds", type=int, default=2, help="runs per set and checkout (best kept)")
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"), help="check two labels write the same files")
    args = ap.parse_args()
    trees = dict(t.split("=", 1) for t in args.trees)
    prepared = args.work / "sets.json"
    sets = json.loads(prepared.read_text(encoding="utf-8"))
    if args.one_project and not all(n in sets for n in ONE_PROJECT):
        prepare_one_project(args.work, sets)
        prepared.write_text(json.dumps(sets, indent=1), encoding="utf-8")
    names = (args.sets or (",".join(ONE_PROJECT) if args.one_project else "interviews-cased,focus-groups-lower")
             ).split(",")
    best: dict[tuple[str, str], dict[str, float]] = {}
    same: dict[str, bool] = {}
    for r in range(args.rounds):
        order = list(trees.items()) if r % 2 == 0 else list(reversed(trees.items()))
        for name in names:
            for label, tree in order:
                got = run_once(tree, args.work, name, sets[name], args.work / "cli" / f"{label}-{name}")
                kept = best.setdefault((label, name), got)
                for k, v in got.items():
                    kept[k] = min(kept[k], v)
                print(f"round {r + 1}: {label} {name} wall {got['wall']:.2f} s, CPU {got['cpu']:.2f} s, critical path "
                      f"{got['path']:.2f} s, peak RSS "
                      f"{got['rss']:.0f} MiB, PSS {got['pss']:.0f} MiB", flush=True)
            if args.compare:
                a, b = (_written(args.work / "cli" / f"{x}-{name}") for x in args.compare)
                same[name] = same.get(name, True) and a == b and bool(a)
    labels = list(trees)
    words = {name: words_in(Path(sets[name]["secure"])) for name in names}
    print(f"\nThe whole command, best of {args.rounds}: wall seconds (words/s), CPU seconds, critical path seconds "
          "(words/s), peak RSS / PSS MiB")
    for name in names:
        print(f"{name} ({words[name]:,} words)")
        for x in labels:
            b = best[x, name]
            print(f"  {x:<10} wall {b['wall']:7.2f} ({words[name] / b['wall']:6.0f}/s)  CPU {b['cpu']:7.2f}  "
                  f"path {b['path']:7.2f} ({words[name] / b['path']:6.0f}/s)  RSS {b['rss']:6.0f}  PSS {b['pss']:6.0f}")
    if args.compare:
        for name in names:
            print(f"{' and '.join(args.compare)} wrote the same files on {name}: {same[name]}")


if __name__ == "__main__":
    main()
