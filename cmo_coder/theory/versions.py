"""Applying a change to the current versions: one pure function the service and replay share.

``apply_change`` takes the latest version of every PT and a :class:`TheoryChange` and
returns the new versions it makes; it never looks at the database. The service checks a
change against the project (PTs exist, evidence belongs, codings can move) and then
stores what this returns; :func:`replay` folds the audit log's changes over the initial
versions, which must give back every stored version exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..errors import CmoError
from ..model.codebook import Element
from ..model.vocab import CHAIN
from .model import ChangeKind, PTVersion, TheoryChange


def _next(current: PTVersion, change: TheoryChange, *, elements: list[Element] | None = None,
          retired: bool | None = None, reword: bool = False) -> PTVersion:
    """The version after ``current``; ``reword`` takes the change's title and statement where given."""
    return PTVersion(
        pt=current.pt, version=current.version + 1,
        title=(change.title if reword and change.title else current.title),
        statement=(change.statement if reword and change.statement else current.statement),
        elements=list(current.elements if elements is None else elements),
        retired=current.retired if retired is None else retired, change=change.kind, rationale=change.rationale,
        evidence=list(change.evidence), moves=dict(change.moves), author=change.author, at=change.at,
    )


def _first(change: TheoryChange, pt: str, title: str, statement: str, elements: list[Element]) -> PTVersion:
    return PTVersion(pt=pt, version=1, title=title, statement=statement, elements=elements, change=change.kind,
                     rationale=change.rationale, evidence=list(change.evidence), moves=dict(change.moves),
                     author=change.author, at=change.at)


def _live(latest: Mapping[str, PTVersion], pt: str) -> PTVersion:
    current = latest.get(pt)
    if current is None or current.retired:
        raise CmoError(f"unknown programme theory {pt}" + (" (it was retired)" if current else ""))
    return current


def _renamed(el: Element, new_id: str) -> Element:
    return Element(id=new_id, component=el.component, statement=el.statement, tag=el.tag)


def _insert_in_chain(elements: list[Element], el: Element) -> list[Element]:
    """``el`` after the last element of its component or an earlier one, so C → Mres → Mresp → O reads in order."""
    rank = CHAIN.index(el.component)
    at = max((i + 1 for i, e in enumerate(elements) if CHAIN.index(e.component) <= rank), default=0)
    return [*elements[:at], el, *elements[at:]]


def apply_change(latest: Mapping[str, PTVersion], change: TheoryChange) -> list[PTVersion]:
    """The versions ``change`` makes, given the latest version of each PT (retired ones included)."""
    k = change.kind
    if k is ChangeKind.add:
        if change.pt in latest:
            raise CmoError(f"programme theory {change.pt} already exists")
        return [_first(change, change.pt, change.title or change.pt, change.statement or "", [])]
    current = _live(latest, change.pt)
    if k is ChangeKind.revise:
        return [_next(current, change, reword=True)]
    if k is ChangeKind.add_element:
        assert change.element and change.component and change.statement
        el = Element(id=change.element, component=change.component, statement=change.statement, tag=change.tag)
        return [_next(current, change, elements=_insert_in_chain(current.elements, el))]
    if k is ChangeKind.edit_element:
        els = [e.model_copy(update={"statement": change.statement or e.statement,
                                    "tag": change.tag if change.tag is not None else e.tag})
               if e.id == change.element else e for e in current.elements]
        return [_next(current, change, elements=els)]
    if k is ChangeKind.retire_element:
        return [_next(current, change, elements=[e for e in current.elements if e.id != change.element])]
    if k is ChangeKind.split_pt:
        assert change.new_pt
        moved = [_renamed(e, change.moves[e.id]) for e in current.elements if e.id in change.moves]
        kept = [e for e in current.elements if e.id not in change.moves]
        return [_next(current, change, elements=kept),
                _first(change, change.new_pt, change.title or change.new_pt, change.statement or "", moved)]
    if k is ChangeKind.merge:
        return _merge(latest, current, change)
    raise CmoError(f"a {k.value} change cannot be applied")  # initial versions are stored, not applied


def _merge(latest: Mapping[str, PTVersion], target: PTVersion, change: TheoryChange) -> list[PTVersion]:
    """Whole PTs merged into ``target`` (their elements move in, they retire), or elements merged
    into one element (they retire; their codings go to it)."""
    out: list[PTVersion] = []
    if all("." not in s for s in change.sources):
        arrived: list[Element] = []
        for src in change.sources:
            source = _live(latest, src)
            arrived += [_renamed(e, change.moves[e.id]) for e in source.elements]
            out.append(_next(source, change, elements=[], retired=True))
        return [_next(target, change, elements=[*target.elements, *arrived], reword=True), *out]
    by_pt: dict[str, list[str]] = {}
    for src in change.sources:
        by_pt.setdefault(src.split(".", 1)[0], []).append(src)
    for pt, gone in by_pt.items():
        current = target if pt == target.pt else _live(latest, pt)
        out.append(_next(current, change, elements=[e for e in current.elements if e.id not in gone],
                         reword=pt == target.pt))
    if target.pt not in by_pt and (change.title or change.statement):
        out.insert(0, _next(target, change, reword=True))
    return out


def replay(initial: Iterable[PTVersion], changes: Iterable[TheoryChange]) -> list[PTVersion]:
    """Every version, rebuilt from the initial versions and the changes in the order they were made."""
    latest: dict[str, PTVersion] = {}
    out: list[PTVersion] = []
    for v in initial:
        latest[v.pt] = v
        out.append(v)
    for change in changes:
        for v in apply_change(latest, change):
            latest[v.pt] = v
            out.append(v)
    return out
