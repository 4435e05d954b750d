"""Read a ``project.qde`` into :mod:`.model` objects, streaming and by local name.

Elements are matched by local name, so ATLAS.ti's namespace variants and hand-made files
without a namespace read alike; optional attributes may be missing. Sources are cleared
as soon as they are read, so memory follows the largest source, not the whole project.
Every GUID reference is resolved at the end; a dangling one refuses the file.
"""

from __future__ import annotations

import sys
from typing import IO, Any

from lxml import etree

from ..errors import CmoError
from .guids import is_guid, normalise
from .model import QCase, QCodeRef, QLink, QNote, QProject, QSelection, QSource
from .qdc import read_codes
from .xmlsafe import iterparse, local

_OTHER_SOURCES = {"PictureSource", "PDFSource", "AudioSource", "VideoSource"}


class _BadGuid(Exception):
    """A GUID attribute that is not a GUID; :func:`read` adds the file name."""

    def __init__(self, el: etree._Element, attr: str, value: str) -> None:
        super().__init__(f"{el.sourceline}: {local(el.tag)} has {attr}={value!r}, which is not a GUID")


def _g(el: etree._Element, attr: str = "guid") -> str | None:
    """A normalised GUID, interned: code and user GUIDs repeat on every coding of a large project.

    A value that is not a GUID is refused: GUIDs are how REFI-QDA files point at things, and
    a malformed one silently matching nothing (or something else) is how codings go astray.
    """
    v = el.get(attr)
    if not v:
        return None
    if not is_guid(v):
        raise _BadGuid(el, attr, v)
    return sys.intern(normalise(v))


def _date(el: etree._Element, attr: str) -> str | None:
    v = el.get(attr)
    return sys.intern(v) if v else None


def _child_text(el: etree._Element, name: str) -> str | None:
    for c in el:
        if local(c.tag) == name:
            return c.text or ""
    return None


def _int(el: etree._Element, attr: str, where: str) -> int:
    v = el.get(attr)
    try:
        return int(v) if v is not None else -1
    except ValueError:
        raise CmoError(f"{where}:{el.sourceline}: {attr}={v!r} is not an integer") from None


def _selection(el: etree._Element, where: str) -> QSelection:
    g = _g(el)
    if not g:
        raise CmoError(f"{where}:{el.sourceline}: a PlainTextSelection without a guid")
    sel = QSelection(guid=g, name=el.get("name"), start=_int(el, "startPosition", where),
                     end=_int(el, "endPosition", where), user=_g(el, "creatingUser"),
                     created=_date(el, "creationDateTime"), modified=_date(el, "modifiedDateTime"),
                     description=_child_text(el, "Description"))
    for c in el:
        name = local(c.tag)
        if name == "Coding":
            ref = next((r for r in c if local(r.tag) == "CodeRef"), None)
            target = _g(ref, "targetGUID") if ref is not None else None
            if not target:
                raise CmoError(f"{where}:{c.sourceline}: a Coding without a CodeRef")
            sel.codings.append(QCodeRef(code=target, user=_g(c, "creatingUser"), created=_date(c, "creationDateTime")))
        elif name == "NoteRef" and (t := _g(c, "targetGUID")):
            sel.notes.append(t)
    return sel


def _text_source(el: etree._Element, where: str) -> QSource:
    g = _g(el)
    if not g:
        raise CmoError(f"{where}:{el.sourceline}: a TextSource without a guid")
    src = QSource(guid=g, name=el.get("name") or g, description=_child_text(el, "Description"),
                  plain_text_path=el.get("plainTextPath"), content=_child_text(el, "PlainTextContent"))
    for c in el:
        if local(c.tag) == "PlainTextSelection":
            src.selections.append(_selection(c, where))
    return src


def _case(el: etree._Element, variables: dict[str, str], where: str) -> QCase:
    case = QCase(guid=_g(el) or "", name=el.get("name") or "")
    for c in el:
        name = local(c.tag)
        if name == "VariableValue":
            ref = next((r for r in c if local(r.tag) == "VariableRef"), None)
            value = next((r.text for r in c if local(r.tag).endswith("Value")), None)
            vg = _g(ref, "targetGUID") if ref is not None else None
            if vg is None or vg not in variables:
                raise CmoError(f"{where}:{c.sourceline}: case {case.name!r} refers to an unknown variable {vg}")
            if value is not None:
                case.variables[variables[vg]] = value
        elif name == "SourceRef" and (t := _g(c, "targetGUID")):
            case.sources.append(t)
        elif name == "SelectionRef" and (t := _g(c, "targetGUID")):
            case.selections.append(t)
    return case


def _note(el: etree._Element) -> QNote:
    return QNote(guid=_g(el) or "", name=el.get("name"), description=_child_text(el, "Description"),
                 content=_child_text(el, "PlainTextContent"), user=_g(el, "creatingUser"),
                 created=el.get("creationDateTime"), modified=el.get("modifiedDateTime"),
                 plain_text_path=el.get("plainTextPath"))


def read(stream: IO[bytes] | Any, where: str) -> QProject:
    try:
        return _read(stream, where)
    except _BadGuid as exc:
        raise CmoError(f"{where}:{exc}") from None


def _read(stream: IO[bytes] | Any, where: str) -> QProject:
    proj = QProject()
    variables: dict[str, str] = {}
    root_seen = False
    for event, el in iterparse(stream, where):
        name = local(el.tag)
        if event == "start":
            if not root_seen:
                root_seen = True
                if name != "Project":
                    raise CmoError(f"{where}: the root element is {name}, not Project (is this a REFI-QDA project?)")
                proj.name = el.get("name") or ""
                proj.origin = el.get("origin")
            continue
        parent = el.getparent()
        pname = local(parent.tag) if parent is not None else ""
        done = True
        if name == "User" and pname == "Users":
            if g := _g(el):
                proj.users[g] = el.get("name") or el.get("id") or g
        elif name == "CodeBook" and pname == "Project":
            proj.codes = read_codes(el, where)
        elif name == "Variable" and pname == "Variables":
            if g := _g(el):
                variables[g] = el.get("name") or g
        elif name == "Case" and pname == "Cases":
            proj.cases.append(_case(el, variables, where))
        elif name == "TextSource" and pname == "Sources":
            proj.sources.append(_text_source(el, where))
        elif name in _OTHER_SOURCES and pname == "Sources":
            proj.skipped[name] = proj.skipped.get(name, 0) + 1
        elif name == "Note" and pname == "Notes":
            proj.notes.append(_note(el))
        elif name == "Link" and pname == "Links":
            proj.links.append(QLink(guid=_g(el) or "", name=el.get("name"), direction=el.get("direction"),
                                    origin=_g(el, "originGUID"), target=_g(el, "targetGUID"),
                                    notes=[t for c in el if local(c.tag) == "NoteRef" and (t := _g(c, "targetGUID"))]))
        elif name in ("Set", "Graph") and pname in ("Sets", "Graphs"):
            proj.skipped[name] = proj.skipped.get(name, 0) + 1
        elif name == "NoteRef" and pname == "Project":
            if t := _g(el, "targetGUID"):
                proj.project_notes.append(t)
        else:
            done = False
        if done:
            el.clear()
            while el.getprevious() is not None and parent is not None:
                del parent[0]
    if not root_seen:
        raise CmoError(f"{where}: empty document")
    check_references(proj, where)
    return proj


def check_unique(proj: QProject, where: str) -> None:
    """No two elements may share a GUID: a reference to it would be ambiguous."""
    owners: dict[str, list[str]] = {}
    for c in proj.codes:
        owners.setdefault(c.guid, []).append(f"Code {c.name!r}")
    for s in proj.sources:
        owners.setdefault(s.guid, []).append(f"TextSource {s.name!r}")
        for sel in s.selections:
            owners.setdefault(sel.guid, []).append(f"PlainTextSelection {sel.guid} in {s.name!r}")
    for case in proj.cases:
        if case.guid:
            owners.setdefault(case.guid, []).append(f"Case {case.name!r}")
    for n in proj.notes:
        if n.guid:
            owners.setdefault(n.guid, []).append(f"Note {n.name!r}")
    for lk in proj.links:
        if lk.guid:
            owners.setdefault(lk.guid, []).append(f"Link {lk.name!r}")
    dups = [(g, who) for g, who in owners.items() if len(who) > 1]
    if dups:
        shown = "; ".join(f"{g}: {', '.join(who[:3])}" for g, who in dups[:5])
        more = f" (and {len(dups) - 5} more)" if len(dups) > 5 else ""
        raise CmoError(f"{where}: {len(dups)} GUID(s) used by more than one element{more}: {shown}")


def check_references(proj: QProject, where: str) -> None:
    """Every GUID a file points at must exist in it; list the first few that do not."""
    check_unique(proj, where)
    codes = {c.guid for c in proj.codes}
    notes = {n.guid for n in proj.notes}
    sources = {s.guid for s in proj.sources}
    selections = {sel.guid for s in proj.sources for sel in s.selections}
    problems: list[str] = []
    for s in proj.sources:
        for sel in s.selections:
            problems += [f"selection {sel.guid} codes to unknown code {c.code}" for c in sel.codings
                         if c.code not in codes]
            problems += [f"selection {sel.guid} refers to unknown note {n}" for n in sel.notes if n not in notes]
    for case in proj.cases:
        # cases may point at sources this reader skips (audio, PDF); only text selections are checked strictly
        problems += [f"case {case.name!r} refers to unknown selection {t}" for t in case.selections
                     if t not in selections]
        problems += [f"case {case.name!r} refers to unknown source {t}" for t in case.sources
                     if t not in sources and not proj.skipped]
    for n in proj.project_notes:
        if n not in notes:
            problems.append(f"project refers to unknown note {n}")
    for lk in proj.links:
        problems += [f"link {lk.guid} refers to unknown note {n}" for n in lk.notes if n not in notes]
    if problems:
        shown = problems[:10]
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise CmoError(f"{where}: {len(problems)} dangling GUID reference(s){more}:\n"
                       + "\n".join(f"  - {p}" for p in shown))
