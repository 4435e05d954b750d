"""Graph files Gephi and Cytoscape open: GraphML, GEXF and node-link JSON, each read back symmetrically.

Like networkx's ``readwrite`` package, one function pair per format; the writers return
bytes so the caller can write them atomically, and the GEXF date networkx stamps is
replaced by the (pinnable) tool clock so the same project gives the same file.
"""

from __future__ import annotations

import io
import json

import networkx as nx
from lxml import etree

from .. import clock
from ..errors import CmoError

FORMATS = ("graphml", "gexf", "json")


def write_graphml(g: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", named_key_ids=True)
    return buf.getvalue()


def read_graphml(data: bytes) -> nx.MultiDiGraph:
    return nx.MultiDiGraph(nx.read_graphml(io.BytesIO(data), force_multigraph=True))


def write_gexf(g: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_gexf(g, buf, encoding="utf-8")
    root = etree.fromstring(buf.getvalue())
    for meta in root.iter("{*}meta"):
        meta.set("lastmodifieddate", clock.now().strftime("%Y-%m-%d"))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def read_gexf(data: bytes) -> nx.MultiDiGraph:
    return nx.MultiDiGraph(nx.read_gexf(io.BytesIO(data)))


def write_json(g: nx.MultiDiGraph) -> bytes:
    data = nx.node_link_data(g, edges="edges")
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def read_json(data: bytes) -> nx.MultiDiGraph:
    g = nx.node_link_graph(json.loads(data), edges="edges", directed=True, multigraph=True)
    return nx.MultiDiGraph(g)


WRITERS = {"graphml": write_graphml, "gexf": write_gexf, "json": write_json}
READERS = {"graphml": read_graphml, "gexf": read_gexf, "json": read_json}


def write(g: nx.MultiDiGraph, fmt: str) -> bytes:
    try:
        return WRITERS[fmt](g)
    except KeyError:
        raise CmoError(f"unknown graph format {fmt!r} (expected {', '.join(FORMATS)})") from None


def read(data: bytes, fmt: str) -> nx.MultiDiGraph:
    try:
        return READERS[fmt](data)
    except KeyError:
        raise CmoError(f"unknown graph format {fmt!r} (expected {', '.join(FORMATS)})") from None
