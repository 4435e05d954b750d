"""Changes to codings made from the browser: add, edit, delete and undo, with stale-edit checks.

Each function goes through :mod:`cmo_coder.coding.service` (the CLI's code path), so a coding
made here is the same row, id and audit entry as one made by ``code add``. A coding's
*version* is a hash of its stored content: the page sends the version it showed, and a change to a
coding that changed meanwhile (another tab, another coder) is refused instead of overwriting.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from ..coding import service
from ..errors import CmoError, Conflict, NotFound, ProjectBusy
from ..model import Coding
from ..store import Project, Tx
from ..store.project import BUSY_TIMEOUT


class WriteLock:
    """One change at a time per server: the version check and the write must not interleave.

    Requests run in worker threads, so a change may find another one under way (or waiting for a
    long import by another program to finish). It waits at most :data:`BUSY_TIMEOUT`, then is
    refused as busy (503, try again) instead of queueing without bound behind the others.
    """

    def __init__(self, wait: float = BUSY_TIMEOUT) -> None:
        self.wait = wait
        self._lock = threading.Lock()

    def __enter__(self) -> None:
        if not self._lock.acquire(timeout=self.wait):
            raise ProjectBusy(f"the project is busy with other changes (still waiting after {self.wait:.0f} s); "
                              "nothing was changed, try again in a moment")

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


WRITE_LOCK = WriteLock()


class StaleEdit(Conflict):
    """The coding changed (or went) since the page showed it."""


class GuardedProject(Project):
    """A project whose next transaction first re-checks a condition, inside the write lock.

    The version check before a change runs again once SQLite's write lock is held, so another
    process (a second coder's workbench, the command line) cannot slip a change in between the
    check and the write: the transaction is rolled back with a clear message instead.
    """

    precondition: Callable[[], None] | None = None

    @contextlib.contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Tx]:
        try:
            with super().transaction(actor) as tx:
                if self.precondition is not None:
                    self.precondition()
                yield tx
        except BaseException:
            self.forget_codebook()  # the workbench keeps this project open: no codebook from a rollback
            raise


@contextlib.contextmanager
def _guarded(project: Project, coding_id: str, seen_version: str) -> Iterator[None]:
    """Within the block, the project's transactions refuse to start if the coding changed meanwhile, and a
    coding deleted elsewhere between the check and the write is a stale edit (409), not an unknown one (404)."""
    if isinstance(project, GuardedProject):
        def unchanged() -> None:
            _current(project, coding_id, seen_version)

        project.precondition = unchanged
    try:
        yield
    except NotFound:
        try:
            project.coding(coding_id)
        except NotFound:
            raise _deleted_elsewhere(coding_id) from None
        raise
    finally:
        if isinstance(project, GuardedProject):
            project.precondition = None


def _deleted_elsewhere(coding_id: str) -> StaleEdit:
    return StaleEdit(f"coding {coding_id} no longer exists (deleted elsewhere); reload the page")


def version(coding: Coding) -> str:
    """The coding's content fingerprint (:func:`cmo_coder.coding.service.content_version`), which pages send back."""
    return service.content_version(coding)


@dataclass(frozen=True)
class Change:
    """One change this browser session made, enough to undo it."""

    kind: Literal["add", "edit", "delete"]
    before: Coding | None
    after: Coding | None

    def describe(self) -> str:
        c = self.after or self.before
        assert c is not None
        return f"{self.kind} of coding {c.id} ({c.transcript_id} {c.start}:{c.end})"


def _current(project: Project, coding_id: str, seen_version: str | None) -> Coding:
    try:
        coding = project.coding(coding_id)
    except NotFound:
        raise _deleted_elsewhere(coding_id) from None
    if seen_version is None:
        raise CmoError(f"coding {coding_id}: the request must say which version of the coding it changes")
    if version(coding) != seen_version:
        raise StaleEdit(f"coding {coding_id} was changed elsewhere since this page showed it; "
                        "reload to see the change, then edit again")
    return coding


def add(project: Project, transcript_id: str, start: int, end: int, *, pt: str | None, component: str | None,
        element: str | None, stance: str | None, memo: str | None, coder: str) -> Change:
    """``code add PROJECT T --span START:END …`` exactly."""
    with WRITE_LOCK:
        coding = service.add_coding(project, transcript_id, pt=pt, span=(start, end), component=component,
                                    element=element, stance=stance, memo=memo, coder=coder)
    return Change("add", None, coding)


def edit(project: Project, coding_id: str, seen_version: str | None, *, start: int | None, end: int | None,
         pt: str | None, component: str | None, element: str | None, stance: str | None, memo: str | None,
         actor: str, pt_level: bool = False) -> Change:
    """``code edit`` with only what differs; an element set to none drops the element.

    ``pt_level`` asks to drop the component, which ``code edit`` cannot do either: refused with
    the way to do it, rather than silently keeping the component.
    """
    with WRITE_LOCK:
        old = _current(project, coding_id, seen_version)
        if pt_level and old.component is not None:
            raise CmoError(f"coding {coding_id}: a coding's component cannot be removed in place; "
                           "delete it and code the span again as PT-level")
        span = (start, end) if start is not None and end is not None and (start, end) != (old.start, old.end) else None
        new_component = component if component and component != (old.component.value if old.component else None) \
            else None
        assert seen_version is not None
        with _guarded(project, coding_id, seen_version):
            after = service.edit_coding(
                project, coding_id, pt=pt if pt and pt != old.pt else None, component=new_component,
                element=element or None, clear_element=not element and old.element is not None,
                stance=stance if stance and stance != old.stance.value else None,
                memo=memo if memo is not None and memo != (old.memo or "") else None,
                span=span, actor=actor,
            )
    return Change("edit", old, after)


def delete(project: Project, coding_id: str, seen_version: str | None, actor: str) -> Change:
    with WRITE_LOCK:
        old = _current(project, coding_id, seen_version)
        assert seen_version is not None
        with _guarded(project, coding_id, seen_version):
            service.remove_codings(project, [coding_id], actor=actor)
    return Change("delete", old, None)


def undo(project: Project, change: Change, actor: str) -> None:
    """Reverse ``change`` if nothing touched the coding since; recorded in the audit log as an undo."""
    with WRITE_LOCK:
        if change.kind == "delete":
            assert change.before is not None
            with project.transaction(actor) as tx:  # checked inside the write lock: nothing can slip in
                if tx.conn.execute("SELECT 1 FROM codings WHERE id = ?", (change.before.id,)).fetchone():
                    raise StaleEdit(f"cannot undo the delete: coding {change.before.id} exists again")
                service.insert_coding(tx, change.before)
                tx.audit("undo", "coding", change.before.id, {"undone": "remove"})
            return
        assert change.after is not None
        with project.transaction(actor) as tx:
            current = _current(project, change.after.id, version(change.after))
            if change.kind == "add":
                tx.remove_coding(current.id)
            else:
                assert change.before is not None
                tx.update_coding(change.before)
            tx.audit("undo", "coding", current.id, {"undone": change.kind})
