"""Where a programme theory's evidence is strong and where it is thin, counted from its graph.

Counting walks the graph built by :func:`cmo_coder.graph.build.build`, so the report,
the figure and the JSON output cannot disagree. Cases are *distinct* participants and
sites: ten quotes from one carer are one case, which is what triangulation is about.
Evidence is counted in *distinct quotes*: the same passage coded to the same code by two
coders (double coding) is one piece of evidence, not two, and ``double_coded`` says how
many of them more than one coder coded.

A chain link (e.g. ``PT3.C1 → PT3.MR1``) is evidenced by a configuration (CMOC) that
has a member at each end: a coding of that element, or a coding naming only that
component. The link evidence takes the configuration's judgement (confirm → supports,
refute → refutes, refine → refines); without a judgement, it takes the strongest stance
of the two ends' codings (refutes, then refines, then supports).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
from pydantic import Field

from ..model import Judgement, Stance
from ..model.base import Frozen
from .nodes import nodes_of_kind

JUDGEMENT_STANCE = {
    Judgement.confirm.value: Stance.supports.value,
    Judgement.refute.value: Stance.refutes.value,
    Judgement.refine.value: Stance.refines.value,
}
STANCES = tuple(s.value for s in Stance)
#: what the evidence of an element or link says as a whole; the figure colours and marks boxes by it
BALANCES = ("supporting", "mixed", "refuting", "refining", "none")


def balance(supports: int, refutes: int, refines: int) -> str:
    """``supporting`` (no refutation), ``mixed`` (supports and refutes), ``refuting`` (refutes, nothing
    supports), ``refining`` (only refines) or ``none``: a box is never shown as well evidenced when its
    evidence refutes it."""
    if supports and refutes:
        return "mixed"
    if refutes:
        return "refuting"
    if supports:
        return "supporting"
    return "refining" if refines else "none"


class StanceEvidence(Frozen):
    """Evidence of one stance: how many items, and from how many distinct cases."""

    count: int = Field(description="Distinct quotes (for an element) or configurations (for a link).")
    participants: int = Field(description="Distinct participants who gave this evidence.")
    by_role: dict[str, int] = Field(description="Distinct participants per role.")
    by_site: dict[str, int] = Field(description="Distinct participants per site.")
    sites: int = Field(description="Distinct sites.")


class TargetSummary(Frozen):
    """Evidence for one element (or a component, or the theory as a whole)."""

    id: str
    kind: str = Field(description="element, component or theory")
    component: str = Field(description="C, Mres, Mresp or O; empty for the theory")
    statement: str
    codings: int = Field(description="Distinct quotes: overlapping codings of one code by several coders count once.")
    double_coded: int = Field(default=0, description="Of those quotes, how many two or more coders coded.")
    supports: StanceEvidence
    refutes: StanceEvidence
    refines: StanceEvidence
    participants: int = Field(description="Distinct participants behind all of this evidence, any stance.")
    by_role: dict[str, int] = Field(description="Distinct participants per role, any stance.")
    roles: list[str] = Field(description="Roles of all participants behind this evidence.")
    sites: list[str]
    no_evidence: bool
    contested: bool = Field(description="Evidence both supports and refutes it.")
    single_role: bool = Field(description="Evidence exists but comes from fewer than two roles (no triangulation).")
    balance: str = Field(default="none", description="supporting, mixed, refuting, refining or none.")


class LinkSummary(Frozen):
    """Evidence for one chain link, through the configurations that join its two ends."""

    id: str = Field(description="'PT3.C1 -> PT3.MR1'")
    source: str
    target: str
    configurations: list[str]
    supports: StanceEvidence
    refutes: StanceEvidence
    refines: StanceEvidence
    participants: int
    by_role: dict[str, int]
    roles: list[str]
    sites: list[str]
    no_evidence: bool
    contested: bool
    single_role: bool
    balance: str = Field(default="none", description="supporting, mixed, refuting, refining or none.")


class PTSummary(Frozen):
    """The per-PT summary printed by ``cmo-coder graph --summary`` and shown in reports."""

    pt: str
    title: str
    codings: int = Field(description="Codings, one per coder: double-coded quotes count once per coder here.")
    quotes: int = Field(default=0, description="Distinct quotes: overlapping codings of one code by several coders "
                                               "count once.")
    double_coded: int = Field(default=0, description="Distinct quotes coded by two or more coders.")
    configurations: int
    participants: int
    sites: int
    stances: dict[str, int] = Field(description="Distinct quotes per stance.")
    targets: list[TargetSummary]
    links: list[LinkSummary]
    no_evidence: list[str] = Field(description="Elements and links with no evidence at all.")
    contested: list[str]
    single_role: list[str]


class _Cases:
    """Distinct participants behind a set of codings, grouped by role and site."""

    def __init__(self) -> None:
        self.items: set[str] = set()
        self.people: dict[str, tuple[str, str]] = {}

    def add(self, item: str, g: nx.MultiDiGraph, coding: str) -> None:
        self.items.add(item)
        data = g.nodes[coding]
        if data.get("speaker"):
            self.people[data["speaker"]] = (data.get("role", ""), data.get("site", ""))

    def evidence(self) -> StanceEvidence:
        by_role: dict[str, int] = defaultdict(int)
        by_site: dict[str, int] = defaultdict(int)
        for role, site in self.people.values():
            by_role[role or "unknown"] += 1
            if site:
                by_site[site] += 1
        return StanceEvidence(
            count=len(self.items), participants=len(self.people), by_role=dict(sorted(by_role.items())),
            by_site=dict(sorted(by_site.items())), sites=len(by_site),
        )


def _people(per: dict[str, _Cases]) -> tuple[int, dict[str, int]]:
    everyone: dict[str, str] = {}
    for c in per.values():
        everyone.update({label: role for label, (role, _) in c.people.items()})
    by_role: dict[str, int] = defaultdict(int)
    for role in everyone.values():
        by_role[role or "unknown"] += 1
    return len(everyone), dict(sorted(by_role.items()))


def _flags(per: dict[str, _Cases]) -> tuple[list[str], list[str], bool, bool, bool]:
    roles = sorted({r for c in per.values() for r, _ in c.people.values() if r})
    sites = sorted({s for c in per.values() for _, s in c.people.values() if s})
    total = sum(len(c.items) for c in per.values())
    contested = bool(per["supports"].items) and bool(per["refutes"].items)
    return roles, sites, total == 0, contested, total > 0 and len(roles) < 2


def _quote(g: nx.MultiDiGraph, coding: str) -> str:
    """The distinct quote a coding node belongs to (itself, in graphs built without quote ids)."""
    return str(g.nodes[coding].get("quote_id") or coding)


def _evidence_codings(g: nx.MultiDiGraph, node: str) -> Iterable[tuple[str, str]]:
    """(coding node, stance) pairs of the evidence edges into ``node``."""
    for src, _, key in g.in_edges(node, keys=True):
        if key in STANCES and g.nodes[src].get("kind") == "coding":
            yield src, key


def summarise(g: nx.MultiDiGraph) -> PTSummary:
    """Count evidence per element and per link of the PT graph ``g``."""
    pt = g.graph["pt"]
    targets: list[TargetSummary] = []
    order = nodes_of_kind(g, "element") + nodes_of_kind(g, "component") + [pt]
    for node in order:
        per = {s: _Cases() for s in STANCES}
        doubled: set[str] = set()
        for coding, stance in _evidence_codings(g, node):
            quote = _quote(g, coding)
            per[stance].add(quote, g, coding)
            if g.nodes[coding].get("quote_coders", 1) > 1:
                doubled.add(quote)
        roles, sites, empty, contested, single = _flags(per)
        n, by_role = _people(per)
        data = g.nodes[node]
        if data["kind"] == "theory" and empty:
            continue  # the theory as a whole is only listed when someone coded it as a whole
        targets.append(
            TargetSummary(
                id=node, kind=data["kind"], component=data.get("component", ""), statement=data["statement"],
                codings=sum(len(c.items) for c in per.values()), double_coded=len(doubled),
                supports=per["supports"].evidence(),
                refutes=per["refutes"].evidence(), refines=per["refines"].evidence(), roles=roles, sites=sites,
                no_evidence=empty, contested=contested, single_role=single, participants=n, by_role=by_role,
                balance=balance(*(len(per[s].items) for s in STANCES)),
            )
        )
    links = [_link(g, a, b) for a, b, key in g.edges(keys=True) if key == "leads_to"]
    codings = nodes_of_kind(g, "coding")
    stances = {s: 0 for s in STANCES}
    distinct: dict[str, str] = {}
    for c in codings:
        distinct[_quote(g, c)] = c
    for c in distinct.values():
        stances[g.nodes[c]["stance"]] += 1
    flagged: list[TargetSummary | LinkSummary] = [*targets, *links]
    return PTSummary(
        pt=pt, title=g.graph.get("title", ""), codings=len(codings), quotes=len(distinct),
        double_coded=sum(g.nodes[c].get("quote_coders", 1) > 1 for c in distinct.values()),
        configurations=len(nodes_of_kind(g, "configuration")),
        participants=len({g.nodes[c]["speaker"] for c in codings if g.nodes[c]["speaker"]}),
        sites=len({g.nodes[c]["site"] for c in codings if g.nodes[c]["site"]}), stances=stances,
        targets=targets, links=links,
        no_evidence=[t.id for t in flagged if t.no_evidence],
        contested=[t.id for t in flagged if t.contested],
        single_role=[t.id for t in flagged if t.single_role],
    )


def _member_at(g: nx.MultiDiGraph, coding: str, role: str, endpoint: str) -> bool:
    """Does a CMOC member (coding node, given role) stand at chain end ``endpoint``?"""
    element = g.nodes[coding].get("element", "")
    if element:
        return bool(element == endpoint)
    return bool(role == g.nodes[endpoint]["component"])


def link_stance(g: nx.MultiDiGraph, config: str, ends: list[str]) -> str:
    judgement = g.nodes[config].get("judgement", "")
    if judgement:
        return JUDGEMENT_STANCE[judgement]
    stances = {g.nodes[c]["stance"] for c in ends}
    for s in ("refutes", "refines"):
        if s in stances:
            return s
    return "supports"


def _link(g: nx.MultiDiGraph, a: str, b: str) -> LinkSummary:
    per = {s: _Cases() for s in STANCES}
    configs: list[str] = []
    for config in nodes_of_kind(g, "configuration"):
        members = [(dst, d["role"]) for _, dst, d in g.out_edges(config, data=True) if d["relation"] == "contains"]
        at_a = [c for c, role in members if _member_at(g, c, role, a)]
        at_b = [c for c, role in members if _member_at(g, c, role, b)]
        if not (at_a and at_b):
            continue
        configs.append(config.removeprefix("cmoc:"))
        stance = link_stance(g, config, at_a + at_b)
        for coding in at_a + at_b:
            per[stance].add(config, g, coding)
    roles, sites, empty, contested, single = _flags(per)
    n, by_role = _people(per)
    return LinkSummary(
        id=f"{a} -> {b}", source=a, target=b, configurations=configs, supports=per["supports"].evidence(),
        refutes=per["refutes"].evidence(), refines=per["refines"].evidence(), roles=roles, sites=sites,
        no_evidence=empty, contested=contested, single_role=single, participants=n, by_role=by_role,
        balance=balance(*(len(per[s].items) for s in STANCES)),
    )


def annotate(g: nx.MultiDiGraph, summary: PTSummary) -> None:
    """Copy the counts onto the graph's nodes and chain edges, so Gephi and Cytoscape can size by them."""
    for t in summary.targets:
        _put(g.nodes[t.id], t.supports, t.refutes, t.refines, t.no_evidence, t.contested, t.single_role)
        g.nodes[t.id]["balance"] = t.balance
    for link in summary.links:
        _put(g.edges[link.source, link.target, "leads_to"], link.supports, link.refutes, link.refines,
             link.no_evidence, link.contested, link.single_role)
        g.edges[link.source, link.target, "leads_to"]["configurations"] = len(link.configurations)
        g.edges[link.source, link.target, "leads_to"]["balance"] = link.balance


def _put(data: dict[str, object], s: StanceEvidence, r: StanceEvidence, f: StanceEvidence,
         empty: bool, contested: bool, single: bool) -> None:
    data.update(
        supports=s.count, refutes=r.count, refines=f.count,
        supporting_cases=s.participants, refuting_cases=r.participants, refining_cases=f.participants,
        no_evidence=int(empty), contested=int(contested), single_role=int(single),
    )
