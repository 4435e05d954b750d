"""Node ids of the evidence graph: one prefix per kind, so kinds never collide."""

from __future__ import annotations

import networkx as nx

from ..model import Coding, Component


def theory_node(pt: str) -> str:
    return pt


def element_node(element_id: str) -> str:
    return element_id


def component_node(pt: str, component: Component) -> str:
    return f"{pt}:{component.short}"


def configuration_node(config_id: str) -> str:
    return f"cmoc:{config_id}"


def coding_node(coding_id: str) -> str:
    return f"coding:{coding_id}"


def participant_node(label: str) -> str:
    return f"participant:{label}"


def site_node(site: str) -> str:
    return f"site:{site}"


def target_node(coding: Coding) -> str:
    """The node a coding evidences: its element, else its component, else the whole theory."""
    if coding.element:
        return element_node(coding.element)
    if coding.component is not None:
        return component_node(coding.pt, coding.component)
    return theory_node(coding.pt)


def nodes_of_kind(g: nx.MultiDiGraph, kind: str) -> list[str]:
    """Node ids of one kind, in a stable order (insertion order, which follows the store's order)."""
    return [n for n, k in g.nodes(data="kind") if k == kind]
