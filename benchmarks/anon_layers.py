"""Where the anonymiser's time goes, component by component and layer function by layer function, for
several checkouts side by side.

Why: nine passes over the anonymiser's speed (``docs/benchmarks.md``, "Speed of the anonymiser alone")
each profiled by hand, once, and each round's new layers then took back what they had gained. This prints
the table those passes lacked, so a round can see which of its layers costs what, against the base:

- each pipeline component (the model's and ours): CPU seconds in it, not counting the components it pulls
  its docs from (spaCy chains the components' ``pipe`` generators);
- each layer function (every public function of ``cmo_coder/anonymise/layers/`` that takes a turn's
  ``doc`` or ``text`` first, and every method of a component class that takes the ``doc``): CPU seconds
  in it with what it calls (``incl``) and without the other timed functions it calls (``self``), its
  calls, the turns it was called on, and the turns where it found something (a non-empty answer, or,
  for a method that answers nothing, more candidates on the doc than before it);
- ``analyse`` whole, and what is outside the components (the tokenizer, the work after the pipeline).

Each checkout (``label=path``) gets one worker process that imports its own ``cmo_coder``, loads the
model and the texts of ``anon_speed.py`` (the same six sets, made once in ``--work``), warms up, then
wraps the functions and runs ``--rounds`` passes over the sets; the workers take turns set by set. The
CPU seconds are the best pass's (the machine is shared); the counts are the same every pass, and are
the stable measure: a function's calls and turns do not depend on the load.

Wrapping costs a few microseconds a call (4 on the shared machine), charged to the caller and to
``analyse``: a checkout with more layer functions pays more of it. Each worker measures that cost on a
wrapped no-op and the table prints the calls timed and their estimated overhead, so the totals can be read
net of it; compare the checkouts with each other, not with ``anon_speed.py``'s figures.

Run: python benchmarks/anon_layers.py base=/tmp/anon-base now=. [--work DIR] [--sets sample]
     [--casings cased] [--rounds 2] [--top 60]
"""

from __future__ import annotations

import functools
import importlib
import inspect
import json
import pkgutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import anon_harness  # noqa: E402  (options, sets and workers shared with anon_speed.py)
import anon_speed  # noqa: E402  (the texts are anon_speed.py's)

_TOTALS = {"analyse (whole)", "outside the components", "overhead (estimated)"}
_SKIPPED_MODULES = {"state", "turn_view"}  # accessors asked thousands of times a turn: their cost is their callers'


class Profile:
    """CPU time, calls, turns and findings per timed name, with a stack so that nested time is not counted
    twice."""

    def __init__(self) -> None:
        self.stats: dict[str, list[float]] = {}  # name → [incl, self, calls, turns, found turns]
        self.seen: dict[str, tuple[int, int]] = {}  # name → (last turn counted, last turn found)
        self.stack: list[list[float]] = []  # [start, nested time, nested components' time]
        self.turn = 0  # serial of the component call under way (a turn); outside one, every call is its own turn
        self.in_component = 0

    def push(self) -> None:
        self.stack.append([time.process_time(), 0.0, 0.0])

    def pop(self, name: str, component: bool, found: bool) -> None:
        start, nested, nested_components = self.stack.pop()
        spent = time.process_time() - start
        if self.stack:
            self.stack[-1][1] += spent
            self.stack[-1][2] += spent if component else nested_components
        row = self.stats.setdefault(name, [0.0, 0.0, 0, 0, 0])
        row[0] += spent - nested_components
        row[1] += spent - nested
        row[2] += 1
        if component:
            return
        turn = self.turn if self.in_component else -int(row[2])
        last, last_found = self.seen.get(name, (0, 0))
        if turn != last:
            row[3] += 1
        if found and turn != last_found:
            row[4] += 1
            last_found = turn
        self.seen[name] = (turn, last_found)

    def reset(self) -> None:
        self.stats.clear()
        self.seen.clear()


PROFILE = Profile()


def _found(answer: object, before: int, doc: Any) -> bool:
    if answer is None or answer is doc:
        return doc is not None and len(getattr(getattr(doc, "_", None), "cmo_candidates", None) or ()) > before
    try:
        return bool(answer)
    except Exception:  # an answer with no truth value (an array): it was made, count it
        return True


def _count(doc: Any) -> int:
    try:
        return len(doc._.cmo_candidates or ())
    except Exception:
        return 0


def wrap_function(name: str, fn: Callable[..., Any], doc_at: int) -> Callable[..., Any]:
    """``fn`` timed under ``name``; ``doc_at``: where its doc is among its arguments (-1: none)."""
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def steps(*args: Any, **kwargs: Any) -> Iterator[Any]:
            inner = fn(*args, **kwargs)
            found = False
            while True:
                PROFILE.push()
                try:
                    item = next(inner)
                except StopIteration:
                    PROFILE.pop(name, False, found)
                    return
                except BaseException:
                    PROFILE.pop(name, False, found)
                    raise
                found = True
                PROFILE.pop(name, False, False)
                yield item
        return steps

    @functools.wraps(fn)
    def timed(*args: Any, **kwargs: Any) -> Any:
        doc = args[doc_at] if 0 <= doc_at < len(args) else None
        before = _count(doc) if doc is not None else 0
        PROFILE.push()
        answer = None
        try:
            answer = fn(*args, **kwargs)
            return answer
        finally:
            PROFILE.pop(name, False, _found(answer, before, doc))
    return timed


class TimedComponent:
    """A pipeline component timed: forwards every attribute to the component it stands for."""

    def __init__(self, name: str, proc: Any) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_proc", proc)

    def __getattr__(self, attr: str) -> Any:
        return getattr(object.__getattribute__(self, "_proc"), attr)

    def __setattr__(self, attr: str, value: Any) -> None:
        setattr(object.__getattribute__(self, "_proc"), attr, value)

    def __call__(self, doc: Any) -> Any:
        name, proc = object.__getattribute__(self, "_name"), object.__getattribute__(self, "_proc")
        PROFILE.turn += 1
        PROFILE.in_component += 1
        PROFILE.push()
        try:
            return proc(doc)
        finally:
            PROFILE.pop(f"component {name}", True, False)
            PROFILE.in_component -= 1

    def pipe(self, docs: Any, **kwargs: Any) -> Iterator[Any]:
        name, proc = object.__getattribute__(self, "_name"), object.__getattribute__(self, "_proc")
        if not hasattr(proc, "pipe"):
            for doc in docs:
                yield self(doc)
            return
        inner = proc.pipe(docs, **kwargs)
        while True:
            PROFILE.in_component += 1
            PROFILE.push()
            try:
                doc = next(inner)
            except StopIteration:
                PROFILE.pop(f"component {name}", True, False)
                return
            finally:
                PROFILE.in_component -= 1
            PROFILE.pop(f"component {name}", True, False)
            yield doc


def _params(fn: Callable[..., Any]) -> list[str]:
    try:
        return list(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        return []


def instrument(nlp: Any) -> list[str]:
    """Wrap the layers' functions (in every module that holds them) and the pipeline's components."""
    import cmo_coder.anonymise.layers as layers

    replaced: dict[int, Callable[..., Any]] = {}
    timed: list[str] = []
    for info in pkgutil.iter_modules(layers.__path__):
        if info.name in _SKIPPED_MODULES:
            continue
        module = importlib.import_module(f"{layers.__name__}.{info.name}")
        for attr, value in list(vars(module).items()):
            if inspect.isfunction(value) and value.__module__ == module.__name__ and not attr.startswith("_"):
                params = _params(value)
                if params and params[0] in {"doc", "text"}:
                    replaced[id(value)] = wrap_function(f"{info.name}.{attr}", value,
                                                        0 if params[0] == "doc" else -1)
                    timed.append(f"{info.name}.{attr}")
            elif inspect.isclass(value) and value.__module__ == module.__name__:
                for meth, raw in list(vars(value).items()):
                    fn = raw.__func__ if isinstance(raw, staticmethod) else raw
                    if not inspect.isfunction(fn) or meth == "__init__":
                        continue
                    params = _params(fn)
                    if "doc" not in params[:2]:
                        continue
                    label = f"{info.name}.{attr}.{meth}"
                    wrapped = wrap_function(label, fn, params.index("doc"))
                    setattr(value, meth, staticmethod(wrapped) if isinstance(raw, staticmethod) else wrapped)
                    timed.append(label)
    for module in list(sys.modules.values()):  # every ``from .x import f`` too
        if not getattr(module, "__name__", "").startswith("cmo_coder"):
            continue
        for attr, value in list(vars(module).items()):
            if inspect.isfunction(value) and id(value) in replaced:
                setattr(module, attr, replaced[id(value)])
    nlp._components[:] = [(name, TimedComponent(name, proc)) for name, proc in nlp._components]
    return timed


# ------------------------------------------------------------------------------------------ a worker
def worker(tree: Path, prepared: Path) -> None:
    """Serve ``pass NAME`` / ``quit`` on stdin with ``tree``'s own ``cmo_coder``, instrumented after warm-up."""
    loaded = anon_harness.load(tree, prepared)
    for anon, raws in loaded.values():
        for raw in raws:
            anon.analyse(raw)
    done: set[int] = set()
    for anon, _ in loaded.values():
        if id(anon.nlp) not in done:
            done.add(id(anon.nlp))
            if len(done) == 1:
                instrument(anon.nlp)
            else:
                anon.nlp._components[:] = [(n, TimedComponent(n, p)) for n, p in anon.nlp._components]
    overhead = _overhead()
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "quit":
            return
        if cmd == "pass":
            anon, raws = loaded[args[0]]
            PROFILE.reset()
            PROFILE.push()
            for raw in raws:
                anon.analyse(raw)
            PROFILE.pop("analyse (whole)", True, False)
            stats = dict(PROFILE.stats)
            comps = sum(v[0] for k, v in stats.items() if k.startswith("component "))
            whole = stats["analyse (whole)"][0] + comps
            stats["analyse (whole)"] = [whole, whole, len(raws), len(raws), 0]
            stats["outside the components"] = [whole - comps, whole - comps, len(raws), len(raws), 0]
            calls = sum(v[2] for k, v in stats.items() if not k.startswith("component ") and k not in _TOTALS)
            stats["overhead (estimated)"] = [calls * overhead, calls * overhead, calls, 0, 0]
            print(json.dumps(stats), flush=True)


def _overhead() -> float:
    """CPU seconds one wrapped call adds, measured on a no-op (best of three)."""
    def nothing(x: object) -> object:
        return x

    wrapped = wrap_function("calibration", nothing, -1)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for i in range(20000):
            nothing(i)
        t1 = time.process_time()
        for i in range(20000):
            wrapped(i)
        best = min(best, (time.process_time() - t1 - (t1 - t0)) / 20000)
    PROFILE.reset()
    return max(best, 0.0)


def _merge(total: dict[str, list[float]], one: dict[str, list[float]]) -> None:
    """Add one set's pass to the totals."""
    for key, row in one.items():
        into = total.setdefault(key, [0.0, 0.0, 0, 0, 0])
        for i, v in enumerate(row):
            into[i] += v


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    ap = anon_harness.parser(__doc__.splitlines()[0], 2, "passes per set and checkout (the best pass's time kept)")
    ap.add_argument("--top", type=int, default=70, help="rows of layer functions shown, costliest first")
    ap.add_argument("--json", type=Path, default=None, help="also write the table here")
    args = ap.parse_args()
    names = anon_harness.names_of(args)
    work = anon_harness.work_of(args, "cmo-anon-layers-")
    chosen = anon_harness.choose(work, names, anon_speed.prepare, "layers-chosen.json")
    workers = anon_harness.start(anon_harness.trees_of(args), chosen, __file__)
    best: dict[tuple[str, str], dict[str, list[float]]] = {}
    try:
        for r in range(args.rounds):
            order = workers if r % 2 == 0 else workers[::-1]
            for name in names:
                for w in order:
                    got: dict[str, list[float]] = w.ask(f"pass {name}")
                    kept = best.get((w.label, name))
                    if kept is None or got["analyse (whole)"][0] < kept["analyse (whole)"][0]:
                        best[w.label, name] = got
            print(f"round {r + 1}/{args.rounds} done", flush=True)
    finally:
        for w in workers:
            w.close()
    labels = [w.label for w in workers]
    totals: dict[str, dict[str, list[float]]] = {label: {} for label in labels}
    for (label, _), stats in best.items():
        _merge(totals[label], stats)
    if args.json:
        args.json.write_text(json.dumps(totals, indent=1), encoding="utf-8")
    print_table(totals, labels, names, args.top)


def print_table(totals: dict[str, dict[str, list[float]]], labels: list[str], names: list[str], top: int) -> None:
    keys = sorted({k for t in totals.values() for k in t},
                  key=lambda k: -max(t.get(k, [0.0])[0] for t in totals.values()))
    head = "".join(f"{lab + ' incl':>11}{'self':>7}{'turns':>7}{'found':>6}" for lab in labels)
    print(f"\nCPU seconds (best of the passes, summed over {', '.join(names)}), calls' turns and turns with a finding")
    print(f"{'component':<44}" + "".join(f"{lab:>11}" for lab in labels))
    for k in keys:
        if k.startswith("component ") or k in _TOTALS:
            print(f"{k.removeprefix('component '):<44}" + "".join(f"{totals[lab].get(k, [0.0])[0]:>11.2f}"
                                                                  for lab in labels))
    print(f"{'layer function calls timed':<44}" + "".join(
        f"{int(totals[lab].get('overhead (estimated)', [0, 0, 0])[2]):>11,}" for lab in labels))
    print(f"\n{'layer function':<44}{head}")
    shown = 0
    for k in keys:
        if k.startswith("component ") or k in _TOTALS:
            continue
        cells = []
        for lab in labels:
            row = totals[lab].get(k)
            cells.append(f"{row[0]:>11.2f}{row[1]:>7.2f}{int(row[3]):>7}{int(row[4]):>6}" if row else f"{'-':>31}")
        print(f"{k:<44}" + "".join(cells))
        shown += 1
        if shown >= top:
            break


if __name__ == "__main__":
    main()
