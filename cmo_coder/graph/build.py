"""One networkx graph per programme theory: the theory, its evidence, and who gave it.

The graph is the single source the summary, the figure and the report read, so every
number an analyst sees can be traced to nodes and edges. Every attribute is a plain
``str``, ``int`` or ``float`` (never ``None``, lists or enums) so GraphML, GEXF and
node-link JSON writers all accept it and Gephi or Cytoscape open the files unchanged.

Node ids carry a prefix so kinds never collide; the ``kind`` attribute says the same:

===============  ======================  ==========================================
kind             id                      meaning
===============  ======================  ==========================================
theory           ``PT3``                 the programme theory
element          ``PT3.MR1``             a C / Mres / Mresp / O element
component        ``PT3:Mres``            a component as a whole (codings naming no element)
configuration    ``cmoc:<id>``           a CMOC, with the analyst's judgement
coding           ``coding:<id>``         one coded quote (evidence)
participant      ``participant:SP10``    a case: who said it
site             ``site:C``              a case: where
===============  ======================  ==========================================

Edge keys (and the ``relation`` attribute; GEXF reserves ``type``, and ``start``/``end``
for time, so spans are ``span_start``/``span_end``): ``has_element``, ``has_component``,
``leads_to`` (chain), ``of_theory``, ``contains`` (CMOC → coding, with ``role``),
``supports`` / ``refutes`` / ``refines`` (coding → what it evidences),
(coding nodes carry ``quote_id``: codings of one code by several coders that overlap share
it and count as one piece of evidence; ``quote_coders`` says how many coders coded it),
``spoken_by`` (coding → participant), ``at_site`` (participant → site).
"""

from __future__ import annotations

from collections.abc import Collection

import networkx as nx

from ..coding.overlap import Quote, quotes
from ..errors import CmoError, NotFound
from ..model import CHAIN, Coding, Component, Configuration, ProgrammeTheory
from ..query.filters import by_coder
from ..query.speakers import Speaker, SpeakerLookup
from ..store import Project
from .nodes import (
    coding_node,
    component_node,
    configuration_node,
    participant_node,
    site_node,
    target_node,
    theory_node,
)
from .summary import annotate, summarise


def build(project: Project, pt: str, speakers: SpeakerLookup | None = None,
          coders: Collection[str] | None = None) -> nx.MultiDiGraph:
    """The evidence graph of programme theory ``pt`` as stored in ``project`` right now.

    With ``coders``, only their codings, and only the CMOCs whose every member is one of them
    (a CMOC is a claim about its codings: without them it has nothing to stand on).
    """
    try:
        theory = project.codebook.pt(pt)
    except KeyError as exc:
        raise NotFound(str(exc.args[0])) from None
    speakers = speakers or SpeakerLookup(project)
    g = nx.MultiDiGraph(pt=theory.id, title=theory.title, codebook=project.codebook.name)
    _add_theory(g, theory)
    codings = by_coder(project.codings(pt=pt), coders)
    kept = {c.id for c in codings}
    distinct = quotes(codings)
    for coding in codings:
        try:  # the quote on the node must be the transcript's text at the span, always
            coding.check_against(project.text(coding.transcript_id))
        except ValueError as exc:
            raise CmoError(f"coding {coding.id} in transcript {coding.transcript_id}: {exc}") from None
        _add_coding(g, theory, coding, speakers.of(coding), distinct[coding.id])
    for config in project.configurations(pt):
        if all(m.coding_id in kept for m in config.members):
            _add_configuration(g, config)
    annotate(g, summarise(g))
    return g


def _add_theory(g: nx.MultiDiGraph, theory: ProgrammeTheory) -> None:
    g.add_node(theory.id, kind="theory", label=theory.id, title=theory.title, statement=theory.statement)
    for el in theory.elements:
        g.add_node(
            el.id, kind="element", label=el.id, component=el.component.short, pt=theory.id,
            statement=el.statement, tag=el.tag or "", column=CHAIN.index(el.component),
        )
        g.add_edge(theory.id, el.id, key="has_element", relation="has_element")
    for a, b in theory.chain():
        g.add_edge(a.id, b.id, key="leads_to", relation="leads_to")


def _ensure_component(g: nx.MultiDiGraph, pt: str, component: Component) -> str:
    node = component_node(pt, component)
    if node not in g:
        g.add_node(
            node, kind="component", label=f"{pt} {component.short}", component=component.short, pt=pt,
            statement=f"coded to the {component.value.replace('_', ' ')} as a whole", tag="",
            column=CHAIN.index(component),
        )
        g.add_edge(pt, node, key="has_component", relation="has_component")
    return node


def _add_coding(g: nx.MultiDiGraph, theory: ProgrammeTheory, coding: Coding, who: Speaker, quote: Quote) -> None:
    node = coding_node(coding.id)
    g.add_node(
        node, kind="coding", label=coding.id, quote=coding.text, transcript=coding.transcript_id,
        span_start=coding.start, span_end=coding.end, turn=who.turn, speaker=who.label, role=who.role, site=who.site,
        attribution=who.attribution, coder=coding.coder, memo=coding.memo or "", pt=coding.pt,
        component=coding.component.short if coding.component else "", element=coding.element or "",
        stance=coding.stance.value, origin=coding.origin.value,
        quote_id=quote.id, quote_coders=len(quote.coders), quote_coder_names=", ".join(quote.coders),
    )
    if coding.element is None and coding.component is not None:
        _ensure_component(g, theory.id, coding.component)
    target = target_node(coding)
    g.add_edge(node, target, key=coding.stance.value, relation=coding.stance.value)
    if who.participant is not None:
        p = who.participant
        pnode = participant_node(p.label)
        if pnode not in g:
            g.add_node(pnode, kind="participant", label=p.label, role=p.role.value, site=p.site or "",
                       attribution=who.attribution)
            if p.site:
                snode = site_node(p.site)
                if snode not in g:
                    g.add_node(snode, kind="site", label=p.site, name=who.style.site_name(p.site) or p.site)
                g.add_edge(pnode, snode, key="at_site", relation="at_site")
        g.add_edge(node, pnode, key="spoken_by", relation="spoken_by")


def _add_configuration(g: nx.MultiDiGraph, config: Configuration) -> None:
    node = configuration_node(config.id)
    g.add_node(
        node, kind="configuration", label=config.name, name=config.name,
        judgement=config.judgement.value if config.judgement else "", rationale=config.rationale or "",
        coder=config.coder, pt=config.pt,
    )
    g.add_edge(node, theory_node(config.pt), key="of_theory", relation="of_theory")
    for i, m in enumerate(config.members):
        g.add_edge(node, coding_node(m.coding_id), key="contains", relation="contains", role=m.role.short, position=i)


