"""The anonymiser's analysis, component by component, each replayed alone on the calls of one recorded pass.

Why: ``anon_layers.py`` wraps every layer function, and both its wrapping and cProfile charge a few
microseconds to each call, which falls hardest on the layers made of many cheap calls; the passes that
trusted those figures removed work that turned out to cost a tenth of what the profile said. Here nothing
is wrapped while the time is taken:

1. one pass over the chosen sets is *recorded*: each pipeline component is given a copy of every doc it is
   handed (``Doc.copy``: the tokens, the model's tensor and every extension value the earlier components
   set), and the steps ``Anonymiser.find`` and ``analyse`` take after the pipeline (the spreading over the
   transcript, the settling, the proposals' residual list and public spans) are timed directly, as they
   are few calls a transcript;
2. each component is then *replayed* alone, on fresh copies of the docs it was handed, in the batches the
   pipeline gave it (``pipe`` where the component has one), configured for each transcript as ``analyse``
   configures it; best of ``--rounds`` by CPU time;
3. the whole pass (``analyse`` of every transcript, unwrapped) is timed best of ``--rounds`` too, and what
   neither a component nor a timed step holds (the tokenizer, the glue between) is its own row, so the
   table sums to the pass.

Each checkout (``label=path``) gets its own worker (``anon_harness``); components a checkout lacks are
blank in its columns, so the table shows what the newer code added and what each costs.

``--functions`` makes the same map one level down: every layer function (each public function of
``cmo_coder/anonymise/layers/`` whose first argument is the turn's ``doc`` or ``text``, as ``anon_layers.py``
chooses them) is recorded in one pass, its arguments kept as they were handed to it, and then replayed alone on
them, unwrapped, best of ``--rounds`` by CPU time. A row holds what the function calls (a layer called by
another layer counts in both rows), so the rows do not add up to the pass; the arguments are the objects of the
recorded pass, read again after it (a doc holds every later layer's candidates by then, which only a function
that reads them sees). What the wrapping of ``anon_layers.py`` charged to each call is not in these figures.

Run: python benchmarks/anon_replay.py base=/tmp/anon-base now=. [--sets interviews,sample]
     [--casings cased,lower] [--rounds 5] [--work DIR] [--json FILE] [--functions]
"""

from __future__ import annotations

import copy
import importlib
import inspect
import json
import pkgutil
import sys
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import anon_harness  # noqa: E402  (options, sets and workers shared with the other speed harnesses)
import anon_speed  # noqa: E402  (the texts are anon_speed.py's)

WHOLE, REST = "analyse (whole, unwrapped)", "outside (tokenizer, glue)"
_STEP_METHODS = ("residual", "public_spans")  # ``Anonymiser`` methods timed as steps after the pipeline


def copied(doc: Any) -> Any:
    """``doc.copy()`` with its extension values copied too, where they point at the doc itself (the shared turn
    view does) pointing at the copy: ``Doc.copy`` deep-copies ``user_data`` by pickling, which a view's doc
    defeats."""
    data = doc.user_data
    doc.user_data = {}
    try:
        other = doc.copy()
    finally:
        doc.user_data = data
    other.user_data = copy.deepcopy(data, {id(doc): other})
    return other


class Recorder:
    """A pipeline component that hands its docs on unchanged and keeps a copy of each, per transcript."""

    def __init__(self, name: str, proc: Any, book: dict[str, list[list[Any]]], where: list[int]) -> None:
        self.name, self.proc, self.book, self.where = name, proc, book, where

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.proc, attr)

    def _keep(self, doc: Any) -> Any:
        self.book.setdefault(self.name, [])
        rows = self.book[self.name]
        while len(rows) <= self.where[0]:
            rows.append([])
        rows[self.where[0]].append(copied(doc))
        return doc

    def __call__(self, doc: Any) -> Any:
        return self.proc(self._keep(doc))

    def pipe(self, docs: Any, **kwargs: Any) -> Iterator[Any]:
        if hasattr(self.proc, "pipe"):
            yield from self.proc.pipe((self._keep(d) for d in docs), **kwargs)
        else:
            for d in docs:
                yield self.proc(self._keep(d))


class Steps:
    """CPU seconds of the steps after the pipeline, by name; a step inside another step counts for the outer."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.depth = 0

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self.depth:
                return fn(*args, **kwargs)
            self.depth += 1
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.process_time() - t0
                self.depth -= 1
        return timed


def _time_steps(steps: Steps) -> None:
    """Give ``pipeline``'s own names of its step modules a copy whose functions are timed (only the pipeline's
    calls are timed: a layer that imports the same module still calls the plain function), and time the
    ``Anonymiser`` methods that run after the pipeline and the allow-list's echo."""
    pipeline = importlib.import_module("cmo_coder.anonymise.pipeline")
    for attr, value in list(vars(pipeline).items()):
        if isinstance(value, types.ModuleType) and value.__name__.startswith("cmo_coder.anonymise."):
            proxy = types.SimpleNamespace(**{
                n: steps.wrap(f"{attr}.{n}", f) if inspect.isfunction(f) and f.__module__ == value.__name__ else f
                for n, f in vars(value).items()})
            setattr(pipeline, attr, proxy)
        elif inspect.isfunction(value) and value.__module__ == pipeline.__name__ and attr in {
                "within_turns", "_merge", "_best", "open_case", "context_of", "_whole_word", "_bare_head"}:
            setattr(pipeline, attr, steps.wrap(f"pipeline.{attr}", value))
    for name in _STEP_METHODS:
        setattr(pipeline.Anonymiser, name, steps.wrap(f"Anonymiser.{name}", getattr(pipeline.Anonymiser, name)))
    allow = importlib.import_module("cmo_coder.anonymise.layers.allowlist").AllowListComponent
    if hasattr(allow, "echo"):
        allow.echo = steps.wrap("allowlist.echo", allow.echo)


def _analyse_all(anon: Any, raws: list[Any]) -> float:
    c0 = time.process_time()
    for raw in raws:
        anon.analyse(raw)
    return time.process_time() - c0


def _layer_functions() -> dict[str, Callable[..., Any]]:
    """The layer functions the per-function map times, by ``module.name``: the public functions of the layers'
    modules whose first argument is ``doc`` or ``text`` (not generators, and not the turn's shared accessors,
    which are asked thousands of times a turn and are their callers' cost)."""
    layers = importlib.import_module("cmo_coder.anonymise.layers")
    out: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.iter_modules(layers.__path__):
        if info.name in {"state", "turn_view"}:
            continue
        module = importlib.import_module(f"{layers.__name__}.{info.name}")
        for attr, value in vars(module).items():
            if (not inspect.isfunction(value) or value.__module__ != module.__name__ or attr.startswith("_")
                    or inspect.isgeneratorfunction(value)):
                continue
            try:
                params = list(inspect.signature(value).parameters)
            except (TypeError, ValueError):
                continue
            if params and params[0] in {"doc", "text"}:
                out[f"{info.name}.{attr}"] = value
    return out


def function_rows(anon: Any, raws: list[Any], rounds: int) -> dict[str, float]:
    """Each layer function's CPU seconds, replayed alone on the arguments of one recorded pass over ``raws``."""
    functions = _layer_functions()
    calls: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {name: [] for name in functions}

    def recording(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        kept = calls[name]

        def call(*args: Any, **kwargs: Any) -> Any:
            kept.append((args, kwargs))
            return fn(*args, **kwargs)
        return call

    by_id = {id(fn): recording(name, fn) for name, fn in functions.items()}
    patched: list[tuple[Any, str, Any]] = []
    for module in list(sys.modules.values()):  # every ``from .x import f`` too
        if not getattr(module, "__name__", "").startswith("cmo_coder"):
            continue
        for attr, value in list(vars(module).items()):
            if inspect.isfunction(value) and id(value) in by_id:
                patched.append((module, attr, value))
                setattr(module, attr, by_id[id(value)])
    try:
        for raw in raws:
            anon.analyse(raw)
    finally:
        for module, attr, value in patched:
            setattr(module, attr, value)
    row: dict[str, float] = {}
    for name, kept in calls.items():
        if not kept:
            continue
        fn = functions[name]
        best = None
        for _ in range(rounds):
            c0 = time.process_time()
            for args, kwargs in kept:
                fn(*args, **kwargs)
            spent = time.process_time() - c0
            best = spent if best is None else min(best, spent)
        row[f"function {name}"] = best or 0.0
    return row


def worker(tree: Path, prepared: Path) -> None:
    """Serve ``table ROUNDS`` / ``functions ROUNDS`` / ``quit``: record, replay and time every chosen set with
    ``tree``'s own code."""
    loaded = anon_harness.load(tree, prepared)
    for anon, raws in loaded.values():  # warm-up: every list and cache made
        _analyse_all(anon, raws)
    print(json.dumps({"ready": True}), flush=True)
    from cmo_coder.anonymise.layers.state import is_caseless

    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "quit":
            return
        rounds = int(args[0])
        out: dict[str, dict[str, float]] = {}
        if cmd == "functions":
            for name, (anon, raws) in loaded.items():
                out[name] = {WHOLE: min(_analyse_all(anon, raws) for _ in range(rounds)),
                             **function_rows(anon, raws, rounds)}
            print(json.dumps(out), flush=True)
            continue
        for name, (anon, raws) in loaded.items():
            row: dict[str, float] = {}
            row[WHOLE] = min(_analyse_all(anon, raws) for _ in range(rounds))
            book: dict[str, list[list[Any]]] = {}
            where = [0]
            plain = list(anon.nlp._components)
            anon.nlp._components[:] = [(n, Recorder(n, p, book, where)) for n, p in plain]
            try:
                for i, raw in enumerate(raws):
                    where[0] = i
                    anon.analyse(raw)
            finally:
                anon.nlp._components[:] = plain
            for comp, proc in plain:
                best = None
                for _ in range(rounds):
                    spent = 0.0
                    for i, raw in enumerate(raws):
                        docs = [copied(d) for d in (book.get(comp) or [])[i]] if i < len(book.get(comp) or []) else []
                        if not docs:
                            continue
                        anon._configure(raw.id, is_caseless(raw.text))
                        c0 = time.process_time()
                        if hasattr(proc, "pipe"):
                            for _ in proc.pipe(iter(docs), batch_size=64):
                                pass
                        else:
                            for d in docs:
                                proc(d)
                        spent += time.process_time() - c0
                    best = spent if best is None else min(best, spent)
                row[f"component {comp}"] = best or 0.0
            book.clear()
            steps = Steps()
            pipeline = importlib.import_module("cmo_coder.anonymise.pipeline")
            saved = dict(vars(pipeline)), {m: getattr(pipeline.Anonymiser, m) for m in _STEP_METHODS}
            allow = importlib.import_module("cmo_coder.anonymise.layers.allowlist").AllowListComponent
            echo = getattr(allow, "echo", None)
            _time_steps(steps)
            try:
                best_steps: dict[str, float] = {}
                for _ in range(rounds):
                    steps.seconds = {}
                    _analyse_all(anon, raws)
                    for k, v in steps.seconds.items():
                        best_steps[k] = min(best_steps.get(k, v), v)
            finally:
                for k, v in saved[0].items():
                    setattr(pipeline, k, v)
                for k, v in saved[1].items():
                    setattr(pipeline.Anonymiser, k, v)
                if echo is not None:
                    allow.echo = echo
            row.update({f"step {k}": v for k, v in best_steps.items()})
            row[REST] = row[WHOLE] - sum(v for k, v in row.items() if k != WHOLE)
            out[name] = row
        print(json.dumps(out), flush=True)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(Path(sys.argv[2]), Path(sys.argv[3]))
        return
    ap = anon_harness.parser(__doc__.splitlines()[0], 5, "replays and passes per component (best kept)")
    ap.set_defaults(sets="interviews,sample")
    ap.add_argument("--json", type=Path, default=None, help="also write the table here")
    ap.add_argument("--min", type=float, default=0.005, help="leave out rows below this many seconds everywhere")
    ap.add_argument("--functions", action="store_true",
                    help="map each layer function (replayed alone on its recorded arguments), not each component")
    args = ap.parse_args()
    names = anon_harness.names_of(args)
    work = anon_harness.work_of(args, "cmo-anon-replay-")
    chosen = anon_harness.choose(work, names, anon_speed.prepare, "replay-chosen.json")
    workers = anon_harness.start(anon_harness.trees_of(args), chosen, __file__)
    tables: dict[str, dict[str, dict[str, float]]] = {}
    try:
        for w in workers:
            tables[w.label] = w.ask(f"{'functions' if args.functions else 'table'} {args.rounds}")
    finally:
        for w in workers:
            w.close()
    if args.json:
        args.json.write_text(json.dumps(tables, indent=1), encoding="utf-8")
    print_table(tables, names, args.min)


def print_table(tables: dict[str, dict[str, dict[str, float]]], names: list[str], least: float) -> None:
    """Rows: the pass, each component, each step, the rest; columns: each checkout's seconds per casing (the
    chosen sets added up), then its total."""
    casings = sorted({n.rsplit("-", 1)[1] for n in names})
    summed: dict[str, dict[str, dict[str, float]]] = {}
    for label, table in tables.items():
        for name, row in table.items():
            casing = name.rsplit("-", 1)[1]
            for k, v in row.items():
                cell = summed.setdefault(k, {}).setdefault(label, {})
                cell[casing] = cell.get(casing, 0.0) + v
    labels = list(tables)
    first = labels[-1]

    def order(k: str) -> tuple[int, float]:
        rank = 0 if k == WHOLE else 3 if k == REST else 1 if k.startswith(("component", "function")) else 2
        return rank, -sum(summed[k].get(first, {}).values())

    heads = [f"{label} {c}" for label in labels for c in (*casings, "all")]
    print(f"CPU seconds, best of the rounds, sets {', '.join(sorted({n.rsplit('-', 1)[0] for n in names}))}")
    print("| row | " + " | ".join(heads) + " |")
    print("|---|" + "---:|" * len(heads))
    for k in sorted(summed, key=order):
        cells = []
        if all(sum(summed[k].get(label, {}).values()) < least for label in labels) and k not in {WHOLE, REST}:
            continue
        for label in labels:
            got = summed[k].get(label)
            cells.extend([f"{got[c]:.2f}" if got and c in got else "" for c in casings])
            cells.append(f"{sum(got.values()):.2f}" if got else "")
        print(f"| {k} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
