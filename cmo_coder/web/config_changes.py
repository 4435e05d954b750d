"""Changes to configurations (CMOCs) made from the browser: link, edit and delete, with stale-edit checks.

Every change goes through :mod:`cmo_coder.coding.service` (``cmoc add`` / ``cmoc remove``'s code
path), so validation and the audit log are the command line's. Like a coding, a configuration
carries a *version* (a hash of its content): an edit or delete of a configuration that changed
meanwhile (another tab, another coder, the command line) is refused, never overwritten, and the
check runs again inside SQLite's write lock.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..coding import service
from ..errors import CmoError, NotFound
from ..model import Coding, Configuration
from ..model.vocab import CHAIN, Component
from ..store import Project
from .changes import WRITE_LOCK, GuardedProject, StaleEdit


@dataclass(frozen=True)
class ConfigChange:
    """One change to a CMOC this browser session made, enough to undo it (the header's Undo, Ctrl+Z)."""

    kind: Literal["link", "edit", "delete"]
    before: Configuration | None
    after: Configuration | None

    def describe(self) -> str:
        c = self.after or self.before
        assert c is not None
        return f"{self.kind} of configuration {c.name!r}"

    def undo(self, project: Project, actor: str) -> None:
        """Reverse the change if nothing touched the configuration since; audited as an ``undo``."""
        with WRITE_LOCK, project.transaction(actor) as tx:  # checked inside the write lock
            if self.after is not None:
                current = _current(project, self.after.id, version(self.after))
                tx.remove_configuration(current.id)
            if self.before is not None:
                if tx.conn.execute("SELECT 1 FROM configurations WHERE id = ?", (self.before.id,)).fetchone():
                    raise StaleEdit(f"cannot undo the {self.kind}: configuration {self.before.name!r} exists again")
                tx.add_configuration(self.before)  # validated again: its codings must still be there
            c = self.after or self.before
            assert c is not None
            tx.audit("undo", "configuration", c.id, {"undone": self.kind})


def version(config: Configuration) -> str:
    """The configuration's content fingerprint (:func:`cmo_coder.coding.service.content_version`)."""
    return service.content_version(config)


@dataclass(frozen=True)
class MemberRequest:
    """One coding the page asks to link, with the role it was given (None: the coding's own component)."""

    coding_id: str
    role: str | None


def _role_of(coding: Coding, asked: str | None) -> Component:
    """The role a member plays: the one asked for, else its component (a PT-level coding must be given one)."""
    if asked:
        try:
            return Component.parse(asked)
        except ValueError as exc:
            raise CmoError(str(exc)) from None
    if coding.component is None:
        raise CmoError(f"coding {coding.id} is coded to {coding.pt} as a whole: choose the role it plays "
                       "in the configuration (C, Mres, Mresp or O)")
    return coding.component


def resolve_members(project: Project, members: list[MemberRequest]) -> tuple[str, list[tuple[str, Component]]]:
    """The picked codings' programme theory and (coding, role) pairs in chain order; unknown codings are NotFound."""
    if len(members) < 2:
        raise CmoError("a configuration links at least two codings: pick two or more")
    codings = []
    for m in members:
        try:
            codings.append(project.coding(m.coding_id))
        except NotFound:
            raise NotFound(f"no coding {m.coding_id!r} (deleted elsewhere?); reload the page") from None
    pts = sorted({c.pt for c in codings})
    if len(pts) > 1:
        raise CmoError(f"the picked codings belong to {' and '.join(pts)}; a configuration links codings of one "
                       "programme theory")
    pairs = [(c.id, _role_of(c, m.role)) for c, m in zip(codings, members, strict=True)]
    # stored in chain order (C, Mres, Mresp, O), as ``cmoc add`` stores its --context … --outcome options
    return pts[0], sorted(pairs, key=lambda pair: CHAIN.index(pair[1]))


def _current(project: Project, config_id: str, seen_version: str | None) -> Configuration:
    try:
        config = project.configuration(config_id)
    except NotFound:
        raise StaleEdit(f"configuration {config_id} no longer exists (changed or deleted elsewhere); "
                        "reload the page") from None
    if seen_version is None:
        raise CmoError(f"configuration {config_id}: the request must say which version of it it changes")
    if version(config) != seen_version:
        raise StaleEdit(f"configuration {config.name!r} was changed elsewhere since this page showed it; "
                        "reload to see the change, then edit again")
    return config


@contextlib.contextmanager
def _guarded(project: Project, config_id: str, seen_version: str) -> Iterator[None]:
    """Within the block, the project's transactions refuse to start if the configuration changed meanwhile."""
    if not isinstance(project, GuardedProject):
        yield
        return

    def unchanged() -> None:
        _current(project, config_id, seen_version)

    project.precondition = unchanged
    try:
        yield
    finally:
        project.precondition = None


@contextlib.contextmanager
def _gone_is_stale(config_id: str) -> Iterator[None]:
    """A configuration removed by another process between the check and the change: stale, not unknown."""
    try:
        yield
    except NotFound as exc:
        if config_id not in str(exc):
            raise
        raise StaleEdit(f"configuration {config_id} no longer exists (changed or deleted elsewhere); "
                        "reload the page") from None


def link(project: Project, members: list[MemberRequest], *, pt: str | None, name: str | None,
         judgement: str | None, rationale: str | None, coder: str) -> Configuration:
    """``cmoc add`` exactly: a codings' PT given explicitly must match theirs (the store says which does not)."""
    with WRITE_LOCK:
        found_pt, pairs = resolve_members(project, members)
        return service.add_configuration(project, pt=pt or found_pt, members=list(pairs), name=name or None,
                                         judgement=judgement or None, rationale=rationale, coder=coder)


def edit(project: Project, config_id: str, seen_version: str | None, *, members: list[MemberRequest] | None,
         name: str | None, judgement: str | None, rationale: str | None, actor: str) -> tuple[Configuration,
                                                                                               Configuration]:
    """(before, after); ``judgement`` "" clears it, None keeps it; renaming changes the id (PT + name)."""
    with WRITE_LOCK:
        old = _current(project, config_id, seen_version)
        pairs = None
        if members is not None:
            found_pt, pairs = resolve_members(project, members)
            if found_pt != old.pt:
                raise CmoError(f"configuration {old.name!r} is of {old.pt}; the picked codings are of {found_pt}")
        assert seen_version is not None
        with _guarded(project, config_id, seen_version), _gone_is_stale(config_id):
            after = service.edit_configuration(
                project, old.id, members=list(pairs) if pairs is not None else None, name=name,
                judgement=judgement or None, clear_judgement=judgement == "", rationale=rationale, actor=actor,
            )
    return old, after


def delete(project: Project, config_id: str, seen_version: str | None, actor: str) -> Configuration:
    """``cmoc remove``: the configuration goes, its codings stay."""
    with WRITE_LOCK:
        old = _current(project, config_id, seen_version)
        assert seen_version is not None
        with _guarded(project, config_id, seen_version), _gone_is_stale(config_id):
            service.remove_configuration(project, old.id, actor=actor)
    return old
