"""The REFI code tree cmo-coder writes for a codebook, shared by the QDE and QDC writers and the mapper.

Per programme theory a non-codable folder ``PT3 <title>`` holds codable component codes
(``PT3 Context`` …), each holding its element codes (``PT3.MR1 <first words>``), plus a
codable ``PT3 (whole theory)`` for PT-level codings. The issue asks for non-codable PT
folders, and MAXQDA and NVivo aggregate children into a codable parent, which would blur
PT-level evidence with element evidence; a separate child code keeps them apart. Stance
gets its own non-codable ``Stance`` folder so NVivo users can cross it with any code in a
matrix query. Every name carries its PT id because QualCoder merges codes of equal name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import CHAIN, Codebook, Component, Stance
from .guids import guid

COMPONENT_NAMES = {
    Component.context: "Context",
    Component.mechanism_resource: "Mechanism resource",
    Component.mechanism_response: "Mechanism response",
    Component.outcome: "Outcome",
}
COMPONENT_COLOURS = {
    Component.context: "#4E79A7",
    Component.mechanism_resource: "#F28E2B",
    Component.mechanism_response: "#E15759",
    Component.outcome: "#59A14F",
}
STANCE_COLOURS = {Stance.supports: "#2CA02C", Stance.refutes: "#D62728", Stance.refines: "#9467BD"}
PT_COLOUR = "#7F7F7F"
WHOLE_THEORY = "(whole theory)"
STANCE_FOLDER = "Stance"


def first_words(text: str, words: int = 8, limit: int = 60) -> str:
    """A short readable label: the first words, with an ellipsis when cut."""
    parts = text.split()
    out = " ".join(parts[:words])
    if len(out) > limit:
        out = out[:limit].rstrip()
    return out + ("…" if out != " ".join(parts) else "")


@dataclass
class CodeNode:
    guid: str
    name: str
    codable: bool
    colour: str
    description: str | None = None
    children: list[CodeNode] = field(default_factory=list)
    # what a coding to this code means
    pt: str | None = None
    component: Component | None = None
    element: str | None = None
    stance: Stance | None = None

    def walk(self) -> list[CodeNode]:
        out = [self]
        for c in self.children:
            out.extend(c.walk())
        return out


@dataclass
class CodeTree:
    roots: list[CodeNode]
    pt_sets: dict[str, list[str]]  # PT id → GUIDs of its codes

    def by_target(self) -> dict[tuple[str | None, str | None, str | None], CodeNode]:
        """(pt, component value, element) → the most specific code for it."""
        out: dict[tuple[str | None, str | None, str | None], CodeNode] = {}
        for root in self.roots:
            for n in root.walk():
                if n.codable and n.pt:
                    out[(n.pt, n.component.value if n.component else None, n.element)] = n
        return out

    def stance_code(self, stance: Stance) -> CodeNode:
        for root in self.roots:
            for n in root.walk():
                if n.stance is stance:
                    return n
        raise KeyError(stance)


def code_for(tree_index: dict[tuple[str | None, str | None, str | None], CodeNode], pt: str,
             component: Component | None, element: str | None) -> CodeNode:
    return tree_index[(pt, component.value if component else None, element)]


def build(codebook: Codebook) -> CodeTree:
    roots: list[CodeNode] = []
    sets: dict[str, list[str]] = {}
    for pt in codebook.programme_theories:
        folder = CodeNode(guid("code", pt.id), f"{pt.id} {pt.title}", False, PT_COLOUR, pt.statement)
        whole = CodeNode(guid("code", pt.id, "whole"), f"{pt.id} {WHOLE_THEORY}", True, PT_COLOUR,
                         f"Evidence for {pt.id} as a whole.", pt=pt.id)
        folder.children.append(whole)
        for comp in CHAIN:
            cnode = CodeNode(guid("code", pt.id, comp.value), f"{pt.id} {COMPONENT_NAMES[comp]}", True,
                             COMPONENT_COLOURS[comp], f"{COMPONENT_NAMES[comp]} evidence for {pt.id}.",
                             pt=pt.id, component=comp)
            for el in pt.elements_of(comp):
                desc = el.statement + (f" ({el.tag})" if el.tag else "")
                cnode.children.append(CodeNode(
                    guid("code", el.id), f"{el.id} {first_words(el.statement)}", True,
                    COMPONENT_COLOURS[comp], desc, pt=pt.id, component=comp, element=el.id,
                ))
            folder.children.append(cnode)
        roots.append(folder)
        sets[pt.id] = [n.guid for n in folder.walk()]
    stance = CodeNode(guid("code", "stance"), STANCE_FOLDER, False, PT_COLOUR,
                      "How a coded passage bears on its programme theory.")
    for s in Stance:
        stance.children.append(CodeNode(guid("code", "stance", s.value), s.value.capitalize(), True,
                                        STANCE_COLOURS[s], f"The passage {s.value} the theory it is coded to.",
                                        stance=s))
    roots.append(stance)
    return CodeTree(roots, sets)


# -- reading names back (the structural mapping) --------------------------------------------------
_ELEMENT = re.compile(r"^(PT\d+[a-z]?\.(?:C|MR|MP|O)\d+)(?:\s|$)")
_COMPONENT = re.compile(r"^(PT\d+[a-z]?)\s+(Context|Mechanism resource|Mechanism response|Outcome)$", re.I)
_WHOLE = re.compile(r"^(PT\d+[a-z]?)\s+\(whole theory\)$", re.I)
_PT_FOLDER = re.compile(r"^(PT\d+[a-z]?)(?:\s|$)")


def parse_name(name: str, parent_names: list[str]) -> dict[str, str] | None:
    """Target of a code named the way :func:`build` names codes, or ``None``."""
    n = " ".join(name.split())
    if m := _ELEMENT.match(n):
        return {"element": m[1]}
    if m := _COMPONENT.match(n):
        comp = next(c for c, v in COMPONENT_NAMES.items() if v.lower() == m[2].lower())
        return {"pt": m[1], "component": comp.value}
    if m := _WHOLE.match(n):
        return {"pt": m[1]}
    if parent_names and parent_names[-1].strip().lower() == STANCE_FOLDER.lower():
        for s in Stance:
            if n.lower() == s.value:
                return {"stance": s.value}
    return None


def is_folder(name: str, parent_names: list[str]) -> bool:
    """The grouping folders :func:`build` writes (``PT3 <title>``, ``Stance``): not codes to map.

    MAXQDA makes every parent codable on export, so they cannot be told apart by ``isCodable``.
    """
    if parent_names:
        return False
    n = " ".join(name.split())
    return n.lower() == STANCE_FOLDER.lower() or bool(_PT_FOLDER.match(n) and parse_name(n, []) is None)
