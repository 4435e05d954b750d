"""A project's pending transcripts analysed in several worker processes, with what one process gives, byte for byte.

Why: a study of 20–60 interviews of 5,000–12,000 words waits minutes for ``cmo-coder anonymise``, and every
transcript was analysed one after another on one core of a machine that has several. Each transcript's
analysis reads only its own text, the register, the allow-list and the shipped lists; what a process keeps
between transcripts is memoisation that gives the same answers (the register's matchers and sound index, kept
per register; words judged once; the last turn's runs of letters; the close-name look-up of the register's
one-word names). The one answer that depends on other transcripts is ``--numbered``'s person numbers (the next
free number in the order people are first met), so workers make :class:`~.pipeline.Draft` s and the parent
numbers them in transcript order (:meth:`~.pipeline.Draft.numbered_with`), as one pass did. The study's own
short names are read from every pending transcript before any analysis, as before, and reach the workers in
the anonymiser's allow-list.

Workers are forked where the platform forks safely (Linux and the other Unixes but macOS, whose system
libraries may not survive a fork): they inherit the loaded model, lists and register state and start in a
fraction of a second. Elsewhere they are spawned and each builds its anonymiser again (seconds: the model and
the lists), so the default asks for workers only where the work dwarfs that.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_all_start_methods, get_context

from ..errors import CmoError
from ..model import Transcript, Turn
from .models import ProposalSet
from .pipeline import Anonymiser, Draft
from .register import Register

Progress = Callable[[int, int, str], None]

WORDS_PER_WORKER = {"fork": 10_000, "spawn": 100_000}
"""Words of pending transcripts for each worker the default (``auto``) starts, by how workers start.

Measured (docs/benchmarks.md, "Transcripts analysed side by side"): two forked workers are ready in about 0.2 s
(wall clock) and the analysis reads some 3,000–4,500 words a CPU-second, so 10,000 words are about 3 s of work for
each worker and the start-up a few per cent of it. A spawned worker loads the model and the lists again (about 5 s
of CPU each, 11 s for two on a loaded 2-core machine), so it pays only on a real study's worth of words. Below
that (every project of the test suite, a pilot of a few interviews) the run stays in one process, as before."""

START_METHOD_ENV = "CMO_ANONYMISE_START"
"""Environment variable naming the start method of the workers (``fork`` or ``spawn``), for a platform where the
default is wrong and for the tests of the spawn path."""


def usable_cores() -> int:
    """Cores this process may run on (a container's or a job's limit, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def words_of(raws: Sequence[Transcript]) -> int:
    return sum(len(raw.text.split()) for raw in raws)


def choose_jobs(jobs: int | None, raws: Sequence[Transcript]) -> int:
    """Worker processes for ``raws``: ``jobs`` as asked (never more than there are transcripts), or with ``None``
    (``--jobs auto``) one per :data:`WORDS_PER_WORKER` words, at most one per usable core; 1 means no worker."""
    if jobs is not None:
        if jobs < 1:
            raise CmoError(f"--jobs must be 1 or more (or auto), not {jobs}")
        return max(1, min(jobs, len(raws)))
    per_worker = WORDS_PER_WORKER.get(start_method(), WORDS_PER_WORKER["spawn"])
    return max(1, min(usable_cores(), len(raws), words_of(raws) // per_worker))


def start_method() -> str:
    """``fork`` where it is safe and available, else ``spawn`` (see the module's docstring)."""
    asked = os.environ.get(START_METHOD_ENV, "").strip()
    if asked:
        if asked not in get_all_start_methods():
            raise CmoError(f"{START_METHOD_ENV}={asked!r}: this platform starts processes by "
                           f"{', '.join(get_all_start_methods())}")
        return asked
    return "fork" if "fork" in get_all_start_methods() and sys.platform != "darwin" else "spawn"


def analyse_all(anonymiser: Anonymiser, raws: Sequence[Transcript], numbered: bool, numbers: dict[str, int],
                jobs: int | None = 1, progress: Progress | None = None) -> list[ProposalSet]:
    """Every transcript's proposal set, in the order of ``raws``, the same as :meth:`Anonymiser.analyse` on each in
    turn; ``numbers`` is extended in place in that order. ``progress(done, total, transcript id)`` is called as each
    transcript is analysed: in order in one process, in the order they finish with workers.

    A transcript that cannot be analysed stops the run: in one process its exception goes on with a note naming
    the transcript; from a worker it is a :class:`CmoError` naming the transcript, the workers are stopped and
    nothing is returned. Ctrl-C stops the workers too."""
    n = choose_jobs(jobs, raws)
    if n == 1:
        drafts = []
        for i, raw in enumerate(raws):
            try:
                drafts.append(anonymiser.draft(raw, numbered))
            except Exception as exc:
                exc.add_note(f"while analysing transcript {raw.id}")
                raise
            if progress is not None:
                progress(i + 1, len(raws), raw.id)
    else:
        drafts = _in_workers(anonymiser, raws, numbered, n, progress)
    return [draft.numbered_with(raw, numbers) for draft, raw in zip(drafts, raws, strict=True)]


# ------------------------------------------------------------------------------------------------ the workers
_ANONYMISER: Anonymiser | None = None
"""The worker's anonymiser: the parent's, inherited by a forked worker; built anew in a spawned one."""
_RAWS: Sequence[Transcript] = ()
"""The transcripts of the run, inherited by a forked worker (a spawned one is sent each transcript)."""


_TYPED = "My son Daniel went to Leeds General on Tuesday with Dr Shah from the NHS."
_CAPTION = "yeah and then keith rang me from the council in dewsbury about the food bank"
WARM_UP = Transcript(
    id="warm-up", title="warm-up", source_format="plain_txt", source_sha256="0" * 64, normaliser_version="warm-up",
    text=f"{_TYPED}\n\n{_CAPTION}",
    turns=[Turn(speaker="P1", start=0, end=len(_TYPED)),
           Turn(speaker="P2", start=len(_TYPED) + 2, end=len(_TYPED) + 2 + len(_CAPTION))])
"""An invented transcript of one typed and one caption turn, analysed by the parent before it forks: the lists,
patterns and tables each layer builds on first use (about 0.4 s of CPU) are then built once and inherited, not
built again in every worker. Its proposals are thrown away; what is built is memoisation, the same whatever
text asks first."""


def _start_forked() -> None:
    """A forked worker: Ctrl-C is the parent's to handle (it stops the workers). The objects inherited from the
    parent stay frozen (:func:`gc.freeze`): a collection here never walks them, so their pages stay shared."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _start_spawned(register: Register, model: str | None, allow: tuple[str, ...]) -> None:
    """A spawned worker: builds the anonymiser the parent built (loading the model and lists again)."""
    global _ANONYMISER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _ANONYMISER = Anonymiser(register, model, allow)


def _draft(index: int, raw: Transcript | None, numbered: bool) -> tuple[Draft | None, str]:
    """One transcript's draft in a worker, or no draft and the failure as text (an exception may not pickle)."""
    assert _ANONYMISER is not None, "worker started without an anonymiser"
    try:
        return _ANONYMISER.draft(raw if raw is not None else _RAWS[index], numbered), ""
    except Exception as exc:
        return None, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"


def _in_workers(anonymiser: Anonymiser, raws: Sequence[Transcript], numbered: bool, jobs: int,
                progress: Progress | None) -> list[Draft]:
    """Drafts made by ``jobs`` worker processes, the longest transcripts sent first so no worker is left with a
    long one at the end; gathered back into transcript order."""
    global _ANONYMISER, _RAWS
    method = start_method()
    forked = method == "fork"
    if forked:
        anonymiser.draft(WARM_UP)
        _ANONYMISER, _RAWS = anonymiser, raws
        gc.freeze()  # the collector in a worker then leaves the inherited objects' pages shared
        pool = ProcessPoolExecutor(jobs, mp_context=get_context(method), initializer=_start_forked)
    else:
        pool = ProcessPoolExecutor(jobs, mp_context=get_context(method), initializer=_start_spawned,
                                   initargs=(anonymiser.register, anonymiser.model, anonymiser.allow))
    drafts: list[Draft | None] = [None] * len(raws)
    order = sorted(range(len(raws)), key=lambda i: -len(raws[i].text))
    try:
        pending: dict[Future[tuple[Draft | None, str]], int] = {
            pool.submit(_draft, i, None if forked else raws[i], numbered): i for i in order}
        done_count = 0
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: pending[f]):
                i = pending.pop(future)
                try:
                    draft, failure = future.result()
                except BrokenProcessPool:
                    raise CmoError(f"a worker process stopped while analysing transcript {raws[i].id} "
                                   "(out of memory?); nothing was written. Rerun with --jobs 1") from None
                if draft is None:
                    message, _, trace = failure.partition("\n")
                    error = CmoError(f"transcript {raws[i].id} could not be analysed: {message}; nothing was "
                                     "written")
                    error.add_note(trace)
                    raise error
                drafts[i] = draft
                done_count += 1
                if progress is not None:
                    progress(done_count, len(raws), raws[i].id)
    except BaseException:
        _stop(pool)
        raise
    finally:
        if forked:
            gc.unfreeze()
            _ANONYMISER, _RAWS = None, ()
    pool.shutdown()
    assert all(d is not None for d in drafts), "a transcript came back without its draft"
    return [d for d in drafts if d is not None]


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now: no transcript still queued is started, and those under way are ended (the pool has
    no public call that ends a worker under way; its processes are read before ``shutdown`` forgets them)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
