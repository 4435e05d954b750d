"""The theory-change API the ``theory`` commands mirror.

Each function checks its change against the project, then in one transaction stores the
new versions, moves any codings the change carries along (a retired element's codings to
the element that replaces it, a split PT's codings to the new PT) and writes one audit
entry holding the whole :class:`TheoryChange`. Any refusal leaves the project unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .. import clock
from ..errors import CmoError, NotFound
from ..model.codebook import PT_ID_RE
from ..model.vocab import Component
from ..store import Project, Tx
from ..store.project import current_actor
from .model import ChangeKind, PTVersion, TheoryChange
from .store import current_version, latest, store_versions
from .versions import apply_change


def resolve_pt(project: Project, pt: str) -> str:
    """The codebook's spelling of a live PT (``pt3`` → ``PT3``), or a one-line refusal."""
    found = project.codebook.find_pt(pt)
    if found is None:
        retired = project.conn.execute(
            "SELECT id FROM programme_theories WHERE retired = 1 AND lower(id) = lower(?)", (pt.replace(" ", ""),)
        ).fetchone()
        why = " (it was merged into another PT and retired)" if retired else ""
        raise NotFound(f"unknown programme theory {pt}{why} (the codebook has {', '.join(project.codebook.pt_ids)})")
    return found


def any_pt(project: Project, pt: str) -> str:
    """A PT ever in the project, live or retired (for history and diffs), in its own spelling."""
    row = project.conn.execute("SELECT id FROM programme_theories WHERE lower(id) = lower(?)",
                               ("".join(pt.split()),)).fetchone()
    if row is None:
        raise NotFound(f"unknown programme theory {pt} (the codebook has {', '.join(project.codebook.pt_ids)})")
    return str(row[0])


def resolve_element(project: Project, element: str, pt: str | None = None) -> str:
    found = project.codebook.find_elements(element, pt)
    if len(found) == 1:
        return found[0]
    if found:
        raise CmoError(f"element {element} is ambiguous ({', '.join(found)}): give the full id, e.g. PT3.MR1")
    where = f" of {pt}" if pt else ""
    raise NotFound(f"unknown element {element}{where} (see 'cmo-coder theory show' for element ids)")


def _component(value: Component | str) -> Component:
    if isinstance(value, Component):
        return value
    try:
        return Component.parse(value)
    except ValueError as exc:
        raise CmoError(str(exc)) from None


def _because(rationale: str | None) -> str:
    text = (rationale or "").strip()
    if not text:
        raise CmoError("say why with --because: every theory change records its rationale")
    return text


def _statement(text: str | None, what: str) -> str:
    value = (text or "").strip()
    if not value:
        raise CmoError(f"{what} needs a non-empty --statement")
    return value


def _check_evidence(project: Project, ids: Iterable[str], pts: set[str] | None) -> list[str]:
    """Evidence ids are codings or CMOCs; of the PTs the change is about unless ``pts`` is None."""
    out: list[str] = []
    for ref in ids:
        row = project.conn.execute("SELECT pt FROM codings WHERE id = ?", (ref,)).fetchone()
        kind = "coding"
        if row is None:
            row = project.conn.execute("SELECT pt FROM configurations WHERE id = ? OR name = ?", (ref, ref)).fetchone()
            kind = "configuration"
        if row is None:
            raise NotFound(f"evidence {ref}: no coding or configuration with that id")
        if pts is not None and row[0] not in pts:
            raise CmoError(f"evidence {ref} is a {kind} of {row[0]}, not of {' or '.join(sorted(pts))}; "
                           "evidence must come from the programme theory being changed")
        if ref not in out:
            out.append(ref)
    return out


def _next_number(project: Project, pt: str, component: Component, taken: set[str]) -> str:
    """The next free element id of ``component`` in ``pt``, never reusing a retired element's id."""
    used = {r[0] for r in project.conn.execute("SELECT id FROM elements WHERE pt = ?", (pt,))} | taken
    pattern = re.compile(rf"^{re.escape(pt)}\.{component.code}(\d+)$")
    n = max((int(m[1]) for i in used if (m := pattern.match(i))), default=0) + 1
    return f"{pt}.{component.code}{n}"


def _new_pt_id(project: Project, pt: str) -> str:
    pt = "".join(pt.split())
    pt = pt[:2].upper() + pt[2:] if pt[:2].lower() == "pt" else pt
    if not PT_ID_RE.match(pt):
        raise CmoError(f"programme theory id {pt!r} must look like PT12")
    row = project.conn.execute("SELECT retired FROM programme_theories WHERE lower(id) = lower(?)", (pt,)).fetchone()
    if row is not None:
        raise CmoError(f"programme theory {pt} already exists" + (" (retired; ids are never reused)" if row[0] else ""))
    return pt


def _move_codings(tx: Tx, moves: dict[str, str], pt_moves: dict[str, str]) -> int:
    """Carry codings along with their elements (and whole PTs), then refuse if a CMOC would span two PTs."""
    conn = tx.conn
    moved: list[str] = []
    for old, new in moves.items():
        ids = [r[0] for r in conn.execute("SELECT id FROM codings WHERE element = ?", (old,))]
        conn.execute("UPDATE codings SET pt = ?, element = ? WHERE element = ?", (new.split(".", 1)[0], new, old))
        for cid in ids:
            tx.audit("move", "coding", cid, {"element": new, "from": old})
        moved += ids
    for old_pt, new_pt in pt_moves.items():
        ids = [r[0] for r in conn.execute("SELECT id FROM codings WHERE pt = ?", (old_pt,))]
        conn.execute("UPDATE codings SET pt = ? WHERE pt = ?", (new_pt, old_pt))
        for cid in ids:
            tx.audit("move", "coding", cid, {"pt": new_pt, "from": old_pt})
        moved += ids
        for r in conn.execute("SELECT id FROM configurations WHERE pt = ?", (old_pt,)).fetchall():
            conn.execute("UPDATE configurations SET pt = ? WHERE id = ?", (new_pt, r[0]))
            tx.audit("move", "configuration", r[0], {"pt": new_pt, "from": old_pt})
    if not moved:
        return 0
    marks = ",".join("?" * len(moved))
    configs = conn.execute(
        f"SELECT DISTINCT f.id, f.name, f.pt FROM configurations f JOIN configuration_members m "
        f"ON m.configuration_id = f.id WHERE m.coding_id IN ({marks}) ORDER BY f.id", moved
    ).fetchall()
    for cid, name, pt in configs:
        pts = sorted({r[0] for r in conn.execute(
            "SELECT c.pt FROM configuration_members m JOIN codings c ON c.id = m.coding_id "
            "WHERE m.configuration_id = ?", (cid,))})
        if len(pts) > 1:
            raise CmoError(f"this change would leave configuration {name!r} ({cid}) with members of "
                           f"{' and '.join(pts)}; move all its codings together or remove it from the configuration "
                           "first (nothing was changed)")
        if pts[0] != pt:
            conn.execute("UPDATE configurations SET pt = ? WHERE id = ?", (pts[0], cid))
            tx.audit("move", "configuration", cid, {"pt": pts[0], "from": pt})
    return len(moved)


def _commit(project: Project, actor: str | None, make: dict[str, object],
            pt_moves: dict[str, str] | None = None) -> list[PTVersion]:
    """Build the change, apply it, store versions and moved codings, audit it: one transaction."""
    who = actor or current_actor()
    change = TheoryChange.model_validate({**make, "author": who, "at": clock.now_iso()})
    with project.transaction(who) as tx:
        versions = apply_change(latest(project), change)
        store_versions(tx, versions)  # first: moved codings must point at elements that exist
        _move_codings(tx, dict(change.moves), pt_moves or {})
        tx.audit(change.kind.value, "theory", change.pt, {"change": change.model_dump(mode="json")})
    return versions


def revise(project: Project, pt: str, *, statement: str | None = None, title: str | None = None,
           because: str | None, evidence: Sequence[str] = (), actor: str | None = None) -> list[PTVersion]:
    """Reword a PT's statement (and/or title): a new version, the old one kept."""
    pt = resolve_pt(project, pt)
    if not (statement or "").strip() and not (title or "").strip():
        raise CmoError("revise needs a new --statement or --title")
    current = project.codebook.pt(pt)
    if (statement or "").strip() in ("", current.statement) and (title or "").strip() in ("", current.title):
        raise CmoError(f"{pt}: the statement and title are already as given; nothing to change")
    rationale = _because(because)
    ev = _check_evidence(project, evidence, {pt})
    return _commit(project, actor, {"kind": ChangeKind.revise, "pt": pt, "statement": (statement or "").strip() or None,
                                    "title": (title or "").strip() or None, "rationale": rationale, "evidence": ev})


def add_pt(project: Project, pt: str, *, title: str, statement: str | None, because: str | None,
           evidence: Sequence[str] = (), actor: str | None = None) -> list[PTVersion]:
    """A programme theory that the evidence suggested and the initial codebook lacked."""
    pt = _new_pt_id(project, pt)
    if not (title or "").strip():
        raise CmoError("a new programme theory needs a --title")
    text = _statement(statement, "a new programme theory")
    rationale = _because(because)
    ev = _check_evidence(project, evidence, None)
    return _commit(project, actor, {"kind": ChangeKind.add, "pt": pt, "title": title.strip(), "statement": text,
                                    "rationale": rationale, "evidence": ev})


def add_element(project: Project, pt: str, *, component: Component | str, statement: str | None,
                tag: str | None = None, because: str | None, evidence: Sequence[str] = (),
                actor: str | None = None) -> list[PTVersion]:
    pt = resolve_pt(project, pt)
    comp = _component(component)
    text = _statement(statement, "a new element")
    rationale = _because(because)
    ev = _check_evidence(project, evidence, {pt})
    return _commit(project, actor, {"kind": ChangeKind.add_element, "pt": pt,
                                    "element": _next_number(project, pt, comp, set()), "component": comp,
                                    "statement": text, "tag": tag or None, "rationale": rationale, "evidence": ev})


def edit_element(project: Project, element: str, *, statement: str | None, tag: str | None = None,
                 because: str | None, evidence: Sequence[str] = (), actor: str | None = None) -> list[PTVersion]:
    el = resolve_element(project, element)
    pt = el.split(".", 1)[0]
    if not (statement or "").strip() and tag is None:
        raise CmoError("edit-element needs a new --statement or --tag")
    now = project.codebook.element(el)
    if (statement or "").strip() in ("", now.statement) and tag in (None, now.tag):
        raise CmoError(f"element {el} already reads as given; nothing to change")
    rationale = _because(because)
    ev = _check_evidence(project, evidence, {pt})
    return _commit(project, actor, {"kind": ChangeKind.edit_element, "pt": pt, "element": el,
                                    "statement": (statement or "").strip() or None, "tag": tag,
                                    "rationale": rationale, "evidence": ev})


def _check_move_target(project: Project, source: str, target: str) -> str:
    to = resolve_element(project, target)
    if to == source:
        raise CmoError(f"element {source} cannot be merged into itself")
    a, b = project.codebook.element(source), project.codebook.element(to)
    if a.component is not b.component:
        raise CmoError(f"element {source} is a {a.component.value} but {to} is a {b.component.value}; "
                       "codings can only move to an element of the same component")
    return to


def retire_element(project: Project, element: str, *, move_to: str | None = None, because: str | None,
                   evidence: Sequence[str] = (), actor: str | None = None) -> list[PTVersion]:
    """Take an element out of the current theory; its codings must go somewhere (``move_to``)."""
    el = resolve_element(project, element)
    pt = el.split(".", 1)[0]
    n = project.conn.execute("SELECT COUNT(*) FROM codings WHERE element = ?", (el,)).fetchone()[0]
    moves: dict[str, str] = {}
    if move_to is not None:
        moves[el] = _check_move_target(project, el, move_to)
    elif n:
        raise CmoError(f"element {el} has {n} coding(s); give --move-to ELEMENT (same component) to say where they "
                       "go (nothing was changed)")
    rationale = _because(because)
    ev = _check_evidence(project, evidence, {pt})
    return _commit(project, actor, {"kind": ChangeKind.retire_element, "pt": pt, "element": el, "moves": moves,
                                    "rationale": rationale, "evidence": ev})


def split(project: Project, pt: str, *, new_pt: str, elements: Sequence[str], title: str,
          statement: str | None, because: str | None, evidence: Sequence[str] = (),
          actor: str | None = None) -> list[PTVersion]:
    """Move some of a PT's elements (and their codings) into a new PT."""
    pt = resolve_pt(project, pt)
    new = _new_pt_id(project, new_pt)
    if not elements:
        raise CmoError("split needs the --element(s) that form the new programme theory")
    if not (title or "").strip():
        raise CmoError("the new programme theory needs a --title")
    text = _statement(statement, "the new programme theory")
    picked = []
    for e in elements:
        el = resolve_element(project, e, pt)
        if el.split(".", 1)[0] != pt:
            raise CmoError(f"element {el} belongs to {el.split('.', 1)[0]}, not {pt}; "
                           f"a split moves {pt}'s own elements")
        if el not in picked:
            picked.append(el)
    moves: dict[str, str] = {}
    for el in picked:
        comp = project.codebook.element(el).component
        moves[el] = _next_number(project, new, comp, set(moves.values()))
    rationale = _because(because)
    ev = _check_evidence(project, evidence, {pt})
    return _commit(project, actor, {"kind": ChangeKind.split_pt, "pt": pt, "new_pt": new, "title": title.strip(),
                                    "statement": text, "moves": moves, "rationale": rationale, "evidence": ev})


def merge(project: Project, sources: Sequence[str], *, into: str, title: str | None = None,
          statement: str | None = None, because: str | None, evidence: Sequence[str] = (),
          actor: str | None = None) -> list[PTVersion]:
    """Merge whole PTs into one PT, or elements into one element; sources retire, codings follow."""
    if not sources:
        raise CmoError("merge needs the programme theories or elements to merge")
    is_element = "." in into
    rationale = _because(because)
    moves: dict[str, str] = {}
    pt_moves: dict[str, str] = {}
    if is_element:
        target = resolve_element(project, into)
        target_pt = target.split(".", 1)[0]
        srcs = []
        for s in sources:
            if "." not in s:
                raise CmoError(f"merge into an element takes elements, not {s}")
            el = resolve_element(project, s)
            if el in srcs:
                continue
            moves[el] = _check_move_target(project, el, target)
            srcs.append(el)
        pts = {target_pt, *(s.split(".", 1)[0] for s in srcs)}
    else:
        target_pt = resolve_pt(project, into)
        srcs = []
        for s in sources:
            if "." in s:
                raise CmoError(f"merge into a programme theory takes programme theories, not the element {s}")
            src = resolve_pt(project, s)
            if src == target_pt:
                raise CmoError(f"programme theory {src} cannot be merged into itself")
            if src in srcs:
                continue
            srcs.append(src)
            taken = set(moves.values())
            for e in project.codebook.pt(src).elements:
                moves[e.id] = _next_number(project, target_pt, e.component, taken)
                taken.add(moves[e.id])
            pt_moves[src] = target_pt
        pts = {target_pt, *srcs}
    ev = _check_evidence(project, evidence, pts)
    return _commit(project, actor, {"kind": ChangeKind.merge, "pt": target_pt, "sources": srcs,
                                    "element": target if is_element else None, "moves": moves,
                                    "title": (title or "").strip() or None,
                                    "statement": (statement or "").strip() or None, "rationale": rationale,
                                    "evidence": ev}, pt_moves=pt_moves)


# -- codings against versions --------------------------------------------------------------------


def stale_codings(project: Project) -> dict[str, str]:
    """coding id → what it was coded against, for codings whose PT has moved on since or that a theory
    change moved to another PT or element, and that no coder has confirmed or edited since."""
    return {cid: coded for cid, (coded, stale) in versions_coded_against(project).items() if stale}


def versions_coded_against(project: Project) -> dict[str, tuple[str, bool]]:
    """coding id → (``PT3 v2`` or ``PT3 v1 PT3.MR1``: what it was coded against; whether that is stale)."""
    out = {}
    for cid, (coded_pt, coded_el, version, c_pt, c_el, now) in project.coded_against().items():
        stale = coded_pt != c_pt or coded_el != c_el or version < now
        out[cid] = (f"{coded_pt} v{version}" + (f" {coded_el}" if stale and coded_el != c_el and coded_el else ""),
                    stale)
    return out


def confirm_codings(project: Project, ids: Sequence[str], actor: str | None = None) -> int:
    """A coder has re-read these codings against their PT's current version: they are current again."""
    if not ids:
        raise CmoError("give the coding id(s) to confirm")
    with project.transaction(actor) as tx:
        for cid in ids:
            project.coding(cid)  # NotFound for a typo: nothing is confirmed
            tx.stamp_coded_against(cid)
            pt = project.coding(cid).pt
            tx.audit("confirm", "coding", cid, {"pt": pt, "version": current_version(project, pt)})
    return len(ids)
